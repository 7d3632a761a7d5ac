"""Render a ``MultiReport`` (one resume, many postings) as text, HTML, Markdown or JSON.

Every format reads the same ``MultiView``: the ranking, each posting's score as the single report
writes it ("64/100 · Fair match" or "not scored"), its missing required keywords labelled as in the
single report, and the keywords that would raise the most scores, always "only if true". The
wording lives here and in ``templates/multi.*.j2``; the JSON shape is docs/multi-schema.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ..models import KeywordPayoff, MultiReport, PostingFit
from .report import FORMATS, html_env, md_env
from .view import build_view

MULTI_SCHEMA_VERSION = "1.0"
TOP_PAYOFFS = 10  # keywords shown in text/HTML/Markdown; JSON has them all
GAINS_SHORT = 3  # postings named per keyword in the terminal
ONLY_IF_TRUE = (
    "Add a keyword only if it is true of your experience: these are the postings' words, not a "
    "suggestion to claim them."
)
HOW_RANKED = (
    "Ranked by score (keyword coverage of each posting, score formula {version}); postings that are "
    "not medical coding, billing or HIM jobs are not scored and come last. The score does not "
    "predict how any particular applicant tracking system will rank you."
)
NOT_SCORED_NOTE = "not a medical coding, billing or HIM job: no score is given"
DETAIL_HINT = "For one posting's full report, check the resume against that posting alone."

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """Untrusted text for a terminal: control characters (ESC above all) removed."""
    return _CONTROLS.sub("", text)


@dataclass(frozen=True)
class FitRow:
    rank: int
    name: str  # file name of the posting
    path: str
    title: str | None
    scored: bool
    score: int | None
    score_text: str  # "64/100" or "not scored", as the single report writes it
    band_label: str  # "Fair match", "Not scored"
    missing_required: list[str]  # labels as in the single report ("one of: CPC or CCS")
    note: str = ""


@dataclass(frozen=True)
class PayoffRow:
    label: str
    total_gain: int
    required_in: list[str]
    preferred_in: list[str]
    gains: list[tuple[str, int]]  # (posting file name, points), largest first

    @property
    def postings_text(self) -> str:
        parts = []
        for word, names in (("required", self.required_in), ("preferred", self.preferred_in)):
            if names:
                parts.append(f"{word} by {len(names)} posting{'' if len(names) == 1 else 's'}")
        return ", ".join(parts)

    @property
    def gains_text(self) -> str:
        return ", ".join(f"{name} +{n}" for name, n in self.gains)

    @property
    def gains_short(self) -> str:
        """The three largest gains, for the terminal."""
        text = ", ".join(f"{name} +{n}" for name, n in self.gains[:GAINS_SHORT])
        more = len(self.gains) - GAINS_SHORT
        return text + (f", and {more} more" if more > 0 else "")


@dataclass
class MultiView:
    report: MultiReport
    resume_name: str
    score_version: str
    rows: list[FitRow]
    payoffs: list[PayoffRow]
    more_payoffs: int
    how_ranked: str
    only_if_true: str = ONLY_IF_TRUE
    detail_hint: str = DETAIL_HINT
    counts: dict[str, int] = field(default_factory=dict)


def _name(path: str) -> str:
    return PurePath(path).name or path


def payoff_label(p: KeywordPayoff) -> str:
    if p.one_of:
        return "one of: " + ", ".join(p.one_of[:-1]) + " or " + p.one_of[-1]
    return p.term


def _row(rank: int, fit: PostingFit, labels: dict[tuple[str, str], str]) -> FitRow:
    view = build_view(fit.report)
    for row in view.missing:
        labels[(fit.name, row.id)] = row.label
    wanted = set(fit.missing_required)
    labels = [r.label for r in view.missing if r.must_have and r.id in wanted]
    return FitRow(
        rank=rank,
        name=_name(fit.name),
        path=fit.name,
        title=view.posting_title,
        scored=fit.scored,
        score=fit.report.score if fit.scored else None,
        score_text=view.score_text,
        band_label=view.band_label,
        missing_required=labels,
        note="" if fit.scored else NOT_SCORED_NOTE,
    )


def build_multi_view(mr: MultiReport) -> MultiView:
    labels: dict[tuple[str, str], str] = {}  # (posting, keyword id) -> label as its report writes it
    rows = [_row(i, fit, labels) for i, fit in enumerate(mr.fits, 1)]
    useful = [p for p in mr.payoffs if p.total_gain > 0]
    payoffs = [
        PayoffRow(
            label=labels.get(((p.required_in + p.preferred_in)[0], p.id), payoff_label(p)),
            total_gain=p.total_gain,
            required_in=[_name(n) for n in p.required_in],
            preferred_in=[_name(n) for n in p.preferred_in],
            gains=sorted(((_name(n), g) for n, g in p.gains.items() if g > 0), key=lambda x: (-x[1], x[0])),
        )
        for p in useful[:TOP_PAYOFFS]
    ]
    version = mr.fits[0].report.score_version if mr.fits else ""
    return MultiView(
        report=mr,
        resume_name=_name(mr.resume.path),
        score_version=version,
        rows=rows,
        payoffs=payoffs,
        more_payoffs=max(0, len(useful) - TOP_PAYOFFS),
        how_ranked=HOW_RANKED.format(version=version),
        counts={
            "postings": len(rows),
            "scored": sum(r.scored for r in rows),
            "not_scored": sum(not r.scored for r in rows),
        },
    )


# ------------------------------------------------------------------ json
def multi_to_dict(mr: MultiReport) -> dict[str, Any]:
    """The JSON contract of docs/multi-schema.json."""
    first = mr.fits[0].report if mr.fits else None
    return {
        "schema": "resume-tool/multi-posting",
        "schema_version": MULTI_SCHEMA_VERSION,
        "tool_version": first.tool_version if first else "",
        "score_version": first.score_version if first else "",
        "resume": mr.resume.path,
        "role": mr.role,
        "postings": [
            {
                "rank": i,
                "posting": fit.name,
                "title": fit.report.posting.title if fit.report.posting else None,
                "scored": fit.scored,
                "score": fit.report.score if fit.scored else None,
                "band": fit.report.band,
                "domain": fit.report.domain,
                "role": fit.report.role,
                "missing_required": [
                    {"id": k.id, "term": k.term, "alternatives": list(k.alternatives)}
                    for k in fit.report.keywords if k.id in set(fit.missing_required)
                ],
            }
            for i, fit in enumerate(mr.fits, 1)
        ],
        "keyword_payoffs": [
            {
                "id": p.id,
                "term": p.term,
                "one_of": list(p.one_of),
                "required_in": list(p.required_in),
                "preferred_in": list(p.preferred_in),
                "gains": dict(p.gains),
                "total_gain": p.total_gain,
            }
            for p in mr.payoffs
        ],
        "note": ONLY_IF_TRUE,
    }


# ------------------------------------------------------------------ text
def render_multi_text(view: MultiView) -> str:
    lines = [
        _plain(f"{view.resume_name} against {view.counts['postings']} postings, best fit first"),
        "",
    ]
    scores = [r.score_text + (f" · {r.band_label}" if r.scored else "") for r in view.rows]
    width = max((len(s) for s in scores), default=0)
    for r, score in zip(view.rows, scores, strict=True):
        title = f" ({r.title})" if r.title else ""
        lines.append(_plain(f"{r.rank:>2}. {score:<{width}}  {r.name}{title}"))
        if r.note:
            lines.append(_plain(f"    {r.note}"))
        elif r.missing_required:
            lines.append(_plain("    missing required: " + ", ".join(r.missing_required)))
        else:
            lines.append("    missing required: none")
    lines.append("")
    if view.payoffs:
        lines.append("Keywords that would raise the most scores (only if true):")
        for p in view.payoffs:
            lines.append(_plain(f"  +{p.total_gain:<3} {p.label}: {p.postings_text} ({p.gains_short})"))
        if view.more_payoffs:
            lines.append(f"  ... and {view.more_payoffs} more (see --format json)")
        lines.append(view.only_if_true)
    else:
        lines.append("No keyword the scored postings ask for is missing from the resume.")
    lines.append("")
    lines.append(view.how_ranked)
    lines.append(view.detail_hint)
    return "\n".join(lines) + "\n"


def render_multi(mr: MultiReport, fmt: str) -> str:
    """The ranking in ``fmt`` (text, html, md or json)."""
    if fmt == "json":
        return json.dumps(multi_to_dict(mr), indent=2, ensure_ascii=False) + "\n"
    view = build_multi_view(mr)
    if fmt == "text":
        return render_multi_text(view)
    if fmt == "html":
        return html_env().get_template("multi.html.j2").render(v=view)
    if fmt == "md":
        out = md_env().get_template("multi.md.j2").render(v=view)
        return re.sub(r"\n{3,}", "\n\n", out).rstrip("\n") + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
