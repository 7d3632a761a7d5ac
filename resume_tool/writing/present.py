"""JSON, the view the template partials read, and plain text for a ``WritingReview``."""

from __future__ import annotations

import textwrap
from dataclasses import asdict
from typing import Any

from .models import WritingReview

TOP = 5  # notes shown before the rest is folded away (HTML) or counted (text)
LABELS = {
    "spelling": "Spelling",
    "duplicate-text": "Written twice",
    "first-person": "First person",
    "weak-opener": "Weak opener",
    "tense": "Tense",
    "no-result": "No result",
    "no-action-verb": "No action verb",
    "filler": "Filler",
    "passive-voice": "Passive voice",
    "long-bullet": "Long line",
    "repeated-verb": "Repeated verb",
    "skills-order": "Skills order",
}


def writing_to_dict(review: WritingReview) -> dict[str, Any]:
    """The ``writing`` object of the JSON report."""
    counts: dict[str, int] = {}
    for f in review.findings:
        counts[f.code] = counts.get(f.code, 0) + 1
    return {
        "version": review.version,
        "score": review.score,
        "explanation": list(review.explanation),
        "lines_checked": review.lines_checked,
        "counts": counts,
        "findings": [asdict(f) for f in review.findings],
    }


def writing_view(review: WritingReview, top: int = TOP) -> dict[str, Any]:
    """Role groups of the few most important notes, then the rest: for the template partials."""
    lead = set(range(min(top, len(review.findings))))
    index = {id(f): k for k, f in enumerate(review.findings)}

    def groups(keep: bool) -> list[dict[str, Any]]:
        out = []
        for g in review.roles:
            notes = [
                {**asdict(f), "label": LABELS.get(f.code, f.code)}
                for f in g.findings
                if (index[id(f)] in lead) == keep
            ]
            if notes:
                out.append({"role": g.role, "findings": notes})
        return out

    rest = groups(False)
    return {
        "score": review.score,
        "explanation": list(review.explanation),
        "lines_checked": review.lines_checked,
        "total": len(review.findings),
        "top": groups(True),
        "rest": rest,
        "rest_count": sum(len(g["findings"]) for g in rest),
    }


def format_writing_text(review: WritingReview, top: int = TOP, width: int = 88) -> str:
    """The "Line by line" part of the plain-text report."""
    v = writing_view(review, top)
    score = "no score (nothing to read)" if v["score"] is None else f"{v['score']}/100"
    out = [f"Line by line (writing {score})"]
    if not v["total"]:
        out.append("  No notes on the bullets and summary sentences.")
        return "\n".join(out) + "\n"
    for g in v["top"]:
        out.append(f"  {g['role']}")
        for f in g["findings"]:
            out.append(textwrap.fill(f"- \"{f['where']}\"", width, initial_indent="    ", subsequent_indent="      "))
            out.append(textwrap.fill(f"{f['label']}: {f['message']} {f['fix']}", width, initial_indent="      ", subsequent_indent="      "))
    if v["rest_count"]:
        out.append(f"  … and {v['rest_count']} more note(s); see the HTML or JSON report for all of them.")
    return "\n".join(out) + "\n"
