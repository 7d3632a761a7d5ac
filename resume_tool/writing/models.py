"""Plain, frozen dataclasses of the writing stage (kept here so the stage stands alone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

WritingSeverity = Literal["warning", "info"]
Context = Literal["ended", "current", "unknown", "summary", "title", "skills"]

# Every code the stage can give, in the order the report shows them when equally serious.
WRITING_CODES = (
    "spelling",
    "duplicate-text",
    "first-person",
    "weak-opener",
    "tense",
    "no-result",
    "no-action-verb",
    "filler",
    "passive-voice",
    "long-bullet",
    "repeated-verb",
    "skills-order",
)


@dataclass(frozen=True)
class Line:
    """One line the rules read: a role bullet, a summary sentence, a role title or a skill."""

    text: str
    role: str = ""  # "Title, Employer" of the entry; "Summary" / "Skills" otherwise
    context: Context = "unknown"  # ended / current / unknown role; summary; title; skills


@dataclass(frozen=True)
class LineFinding:
    """One note on one line: ``where`` is the line as written."""

    code: str
    severity: WritingSeverity
    where: str
    role: str
    message: str
    fix: str
    # The word or phrase the note is about, as written: the opener ("Responsible for") of
    # weak-opener, the verb of repeated-verb and tense, the misspelt word of spelling, the
    # cliché of filler, the passive phrase, the first soft skill of skills-order; else "".
    detail: str = ""


@dataclass(frozen=True)
class RoleNotes:
    """The notes on one role's lines, most important first."""

    role: str
    findings: tuple[LineFinding, ...]


@dataclass(frozen=True)
class WritingReview:
    """What the writing stage found, its 0-100 sub-score and how that score came about."""

    findings: tuple[LineFinding, ...]
    score: int | None  # None when there was no bullet or summary sentence to read
    explanation: tuple[str, ...]
    lines_checked: int
    version: str
    roles: tuple[RoleNotes, ...] = field(default=())

    def count(self, code: str) -> int:
        return sum(1 for f in self.findings if f.code == code)
