"""Writing stage: line-by-line notes on bullets and summary sentences, and a writing sub-score.

Runs after ``structure`` on a ``Resume``; reads the word lists of keyword_lists/writing/.

Public API: ``review_writing(resume, vocab=None, extra_known=()) -> WritingReview``,
``writing_to_dict(review)`` (JSON), ``writing_view(review)`` (what the ``_writing`` template
partials read), ``format_writing_text(review)`` (plain text), ``load_writing_lists()``,
``validate_writing_dir(path)``, and the dataclasses ``WritingReview``, ``RoleNotes``,
``LineFinding``, ``Line``.
"""

from __future__ import annotations

from .data import load_writing_lists, validate_writing_dir
from .models import WRITING_CODES, Line, LineFinding, RoleNotes, WritingReview
from .present import format_writing_text, writing_to_dict, writing_view
from .review import WRITING_VERSION, line_notes, resume_lines, review_lines, review_writing

__all__ = [
    "WRITING_CODES",
    "WRITING_VERSION",
    "Line",
    "LineFinding",
    "RoleNotes",
    "WritingReview",
    "format_writing_text",
    "line_notes",
    "load_writing_lists",
    "resume_lines",
    "review_lines",
    "review_writing",
    "validate_writing_dir",
    "writing_to_dict",
    "writing_view",
]
