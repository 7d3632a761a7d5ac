"""``batch --feedback``: a one-page summary per student that an advisor can e-mail as is.

The page says four things, in the report's own words: the score (or "not scored" and why),
the three most important fixes (must fix first, each with the report's message and fix), the
keywords the report calls must-have that the resume lacks (with a posting: only what the
posting requires; "add only if true"), and the first writing notes. Nothing here is worded
anew: the labels, notes and rules come from ``render.view`` (``build_view``), the writing
notes from ``writing.writing_view``, and the templates (``templates/feedback.*.j2``) only lay
them out. ``feedback_texts`` is pure: a report in, the Markdown and the HTML out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Report
from ..render.report import html_env, md_env
from ..render.view import SEVERITY_LABELS, KeywordRow, ReportView, build_view

TOP_FIXES = 3  # "the three most important fixes"
TOP_NOTES = 3  # writing notes shown; the full report has the rest

# The page's own headings; one source for the Markdown and the HTML. Everything else on the
# page (labels, notes, fixes, score lines) is the report's wording.
WORDS = {
    "title": "Resume feedback",
    "score": "Score",
    "file": "File",
    "posting": "Job posting",
    "no_posting": "none given, so the keywords are those",
    "none_given": "none given",
    "role": "Role",
    "best": "Best fit among the postings",
    "fixes": "What to fix first",
    "no_fixes": "No layout or content problems found.",
    "fix": "Fix",
    "only_if_true": "Add a keyword only if it is true for you.",
    "none_missing": "None: your resume has every one of them.",
    "notes": "Writing notes",
    "full_report": "the full report",
}


@dataclass(frozen=True)
class FixItem:
    label: str  # "Must fix", "Should fix", "Good to know": the report's words
    severity: str
    message: str
    where: str
    fix: str


@dataclass(frozen=True)
class NoteItem:
    label: str  # the writing note's label ("Weak opener")
    where: str  # the line as written
    message: str
    fix: str


@dataclass(frozen=True)
class BestFit:
    """With ``batch --postings``: the posting this resume fits best, and among how many."""

    name: str
    score: int
    of: int


@dataclass
class FeedbackView:
    v: ReportView  # the report's own view: score text, labels, role line, notes
    student: str  # the name on the resume, else the file name
    score_note: str  # what the score measures or, when there is none, why
    fixes: list[FixItem]
    more_fixes: int  # findings not among the top three (in the full report)
    missing: list[KeywordRow]  # must-have keywords missing, the report's order
    more_missing: int
    show_keywords: bool  # False when nothing was read or nothing is scored: no list to act on
    notes: list[NoteItem]
    more_notes: int
    best: BestFit | None = None
    words: dict[str, str] = field(default_factory=lambda: dict(WORDS))

    @property
    def keywords_title(self) -> str:
        """"Missing required keywords" beside a posting, "Missing core keywords" without."""
        return f"Missing {self.v.must_have_label} keywords"

    @property
    def best_of(self) -> str:
        return f"best of {self.best.of} postings" if self.best else ""

    @property
    def more_fixes_text(self) -> str:
        return _more(self.more_fixes, "finding")

    @property
    def more_missing_text(self) -> str:
        return _more(self.more_missing, f"{self.v.must_have_label} keyword")

    @property
    def more_notes_text(self) -> str:
        return _more(self.more_notes, "writing note")


def _more(n: int, what: str) -> str:
    return f"… and {n} more {what}{'' if n == 1 else 's'} in {WORDS['full_report']}." if n else ""


def top_fixes(report: Report, n: int = TOP_FIXES) -> list[FixItem]:
    """The ``n`` most important findings, one per kind: must fix first, then should fix, then
    good to know. Within a severity, problems with how an ATS reads the file (the format
    sub-score's findings, in that list's order: no text, hidden text, contact in the header,
    tables, columns, headings ...) come before the others, which keep the report's order. A
    second finding of a kind already shown (another acronym, another heading) waits in the
    full report, so three slots name three different problems."""
    from ..analyze.subscores import fix_order

    ranked = sorted(enumerate(report.findings), key=lambda p: (*fix_order(p[1].code, p[1].severity), p[0]))
    out: list[FixItem] = []
    seen: set[str] = set()
    for _, f in ranked:
        if f.code in seen:
            continue
        seen.add(f.code)
        out.append(FixItem(SEVERITY_LABELS.get(f.severity, f.severity), f.severity, f.message,
                           f.where, f.fix))
        if len(out) == n:
            break
    return out


def _notes(report: Report, n: int) -> tuple[list[NoteItem], int]:
    review = getattr(report, "writing", None)
    if review is None:
        return [], 0
    from ..writing import writing_view

    w = writing_view(review, top=n)
    notes = [NoteItem(f["label"], f["where"], f["message"], f["fix"])
             for g in w["top"] for f in g["findings"]]
    return notes, int(w["total"]) - len(notes)


def feedback_view(report: Report, best: BestFit | None = None) -> FeedbackView:
    v = build_view(report)
    fixes = top_fixes(report)
    notes, more_notes = _notes(report, TOP_NOTES)
    return FeedbackView(
        v=v,
        student=report.resume.contact.name or v.file_name,
        score_note=v.no_text_note if v.no_text else v.score_measures,
        fixes=fixes,
        more_fixes=max(0, len(report.findings) - len(fixes)),
        missing=v.top_missing,
        more_missing=v.more_missing,
        show_keywords=v.scored and not v.no_text,
        notes=notes,
        more_notes=more_notes,
        best=best,
    )


def feedback_texts(report: Report, best: BestFit | None = None) -> tuple[str, str]:
    """(Markdown, HTML) of one student's feedback page. Student text is escaped in both: the
    HTML environment autoescapes, the Markdown one escapes every ``{{ }}`` (``md_escape``)."""
    view = feedback_view(report, best)
    md = md_env().get_template("feedback.md.j2").render(f=view, v=view.v)
    md = re.sub(r"\n{3,}", "\n\n", md).rstrip("\n") + "\n"
    html = html_env().get_template("feedback.html.j2").render(f=view, v=view.v)
    return md, html


def best_fit(row: dict[str, Any]) -> BestFit | None:
    """The row's best posting (``batch --postings``), out of how many; None without one."""
    name, score = row.get("best_posting"), row.get("best_posting_score")
    if not name or score is None:
        return None
    return BestFit(str(name), int(score), len(row.get("fit") or {}))


def write_feedback(report: Report, row: dict[str, Any], outdir: Path, name: str) -> dict[str, str]:
    """Write ``feedback/<name>.md`` and ``.html`` (atomically, like the reports); the row's
    ``fit`` (with ``--postings``) adds the best-fitting posting. Returns the outputs."""
    from .outputs import write_atomic

    md, html = feedback_texts(report, best_fit(row))
    (outdir / "feedback").mkdir(exist_ok=True)
    outputs = {"feedback_md": f"feedback/{name}.md", "feedback_html": f"feedback/{name}.html"}
    write_atomic(outdir / outputs["feedback_md"], md)
    write_atomic(outdir / outputs["feedback_html"], html)
    return outputs
