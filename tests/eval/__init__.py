"""Labelled evaluation of resume-tool (issue 7): generated resumes with answers derived from
their specs, hand-labelled postings, scoring, and the real-world corpus runner.

    python -m tests.eval            # figures vs targets, every miss listed by stage
    python -m tests.eval --real     # the public real-world corpus: counts per field

Modules: ``markup`` (inline labels), ``model`` (spec dataclasses, date rendering), ``specs``
(the 44 resumes), ``generator`` (files + expected answers), ``lint`` (labels vs the keyword
lists), ``evaluate`` (scoring), ``real`` (real corpus and snapshots).
"""
