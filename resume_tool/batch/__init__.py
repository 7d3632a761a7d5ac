"""``resume-tool batch``: check a whole class of resumes into one folder.

One module per job: ``inputs`` (which files are resumes, read safely from folders and ZIPs),
``running`` (the worker pool, the manifest that makes re-runs incremental, progress),
``outputs`` (the row kept per file and ``summary.csv``), ``cohort`` (the ``index.html``
triage dashboard), ``compare`` (``--compare``: before and after), ``feedback`` (``--feedback``:
a one-page summary per student) and ``postings`` (``--postings``: every student against every
posting, ``matrix.csv``). ``run_batch`` is the public entry point; ``cli`` and ``serve`` call
only it.
"""

from .running import FILE_SECONDS, BatchResult, Settings, run_batch

__all__ = ["FILE_SECONDS", "BatchResult", "Settings", "run_batch"]
