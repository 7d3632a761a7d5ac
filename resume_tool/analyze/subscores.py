"""Three 0-100 sub-scores shown beside the keyword score (score version 2.1; see the README).

* ``keywords``: the keyword score itself (``Report.score``), same meaning; none when the band
  is "not scored".
* ``format``: how safely an ATS reads the file, from the layout findings only:
  100 − 25 per "must fix" − 10 per "should fix" finding whose code is in ``FORMAT_CODES``,
  floor 0; "good to know" findings cost nothing; a file with no readable text scores 0.
  Keyword findings (acronyms, legacy terms, stuffing) and writing notes never count here.
* ``writing``: the writing stage's own sub-score (``WritingReview.score``); none when there
  was no bullet or summary sentence to read, or the stage did not run.

The sub-scores are shown, never added into the keyword score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Finding, SubScore

if TYPE_CHECKING:
    from ..models import Report

# The findings about how an ATS reads the file (layout, headings, contact, dates, file type).
FORMAT_CODES = (
    "no-text",
    "hidden-text",
    "contact-in-header-footer",
    "missing-contact",
    "table-layout",
    "text-box",
    "multi-column",
    "nonstandard-heading",
    "missing-section",
    "not-reverse-chronological",
    "date-unparsed",
    "length",
    "file-type",
)
FORMAT_PENALTY = {"error": 25, "warning": 10, "info": 0}
SEVERITY_WORDS = {"error": "must fix", "warning": "should fix", "info": "good to know"}
SUB_SCORE_NAMES = ("keywords", "format", "writing")
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def fix_order(code: str, severity: str) -> tuple[int, int]:
    """Which finding to fix first: must fix, then should fix, then good to know; within a
    severity, problems with how an ATS reads the file (``FORMAT_CODES``, in that order) first.
    One rule for the feedback page, ``summary.csv`` and the dashboard, so they name the same."""
    reading = FORMAT_CODES.index(code) if code in FORMAT_CODES else len(FORMAT_CODES)
    return _SEVERITY_RANK.get(severity, len(_SEVERITY_RANK)), reading


def format_sub_score(findings: list[Finding]) -> SubScore:
    """100 minus the points of each counted layout finding, floor 0 (no text: 0)."""
    counted = [f for f in findings if f.code in FORMAT_CODES]
    if any(f.code == "no-text" for f in counted):
        return SubScore("format", 0, ["format = 0: no readable text, so an ATS reads nothing"])
    lost = sum(FORMAT_PENALTY[f.severity] for f in counted)
    score = max(0, 100 - lost)
    lines = [f"format = max(0, 100 − {lost}) = {score}: 25 points per must-fix and 10 per "
             "should-fix layout finding"]
    for f in counted:
        if FORMAT_PENALTY[f.severity]:
            lines.append(f"{f.code} ({SEVERITY_WORDS[f.severity]}): −{FORMAT_PENALTY[f.severity]}"
                         + (f" — {f.where}" if f.where else ""))
    if not lost:
        lines.append("no must-fix or should-fix layout finding")
    return SubScore("format", score, lines)


def keywords_sub_score(report: Report) -> SubScore:
    """The keyword score as it is; none when the keyword lists are not a yardstick here."""
    if report.band == "not scored":
        return SubScore("keywords", None, ["not scored: " + _first(report.score_explanation)])
    return SubScore("keywords", report.score,
                    [f"keyword coverage, band {report.band}: " + _first(report.score_explanation)])


def writing_sub_score(report: Report) -> SubScore:
    review = report.writing
    if review is None:
        return SubScore("writing", None, ["the writing stage did not run"])
    if review.score is None:
        return SubScore("writing", None, list(review.explanation)
                        or ["no bullet or summary sentence to read"])
    return SubScore("writing", review.score, list(review.explanation))


def sub_scores(report: Report) -> list[SubScore]:
    """keywords, format, writing: in that order."""
    return [keywords_sub_score(report), format_sub_score(report.findings), writing_sub_score(report)]


def _first(lines: list[str]) -> str:
    return lines[0] if lines else "no target keywords"
