"""The report as the renderers see it: groupings, sort orders, labels and chart geometry.

Every output format (text, HTML, Markdown) reads the same ``ReportView`` so that they
agree on what is "missing", what is "required" and in which order things appear; the
templates only lay these values out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from ..models import Finding, KeywordResult, Report, RequirementCheck, Section

SEVERITY_ORDER = ("error", "warning", "info")
# Words, not only colours: a badge must be readable in print and by screen readers.
SEVERITY_LABELS = {"error": "Must fix", "warning": "Should fix", "info": "Good to know"}

SECTION_LABELS = {
    "contact": "Contact",
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "certifications": "Certifications",
    "skills": "Skills",
    "other": "Other section",
}

# Known keyword-list categories; anything else is humanized from its id.
CATEGORY_LABELS = {
    "code-sets": "Code sets",
    "codesets": "Code sets",
    "certifications": "Certifications",
    "software": "Software",
    "compliance": "Compliance",
    "skills": "Skills",
    "billing": "Billing",
    "clinical": "Clinical knowledge",
    "specialties": "Specialties",
    "settings": "Care settings",
}

TOP_MISSING = 5  # missing must-have keywords shown in the text summary
SNIPPET_CHARS = 220  # a posting sentence longer than this is cut around the keyword

# Chart geometry. The gauge has a viewBox and scales; the bar chart has none, so its text
# keeps its CSS size at any width and the bars are drawn in percent of the width.
GAUGE_SIZE = 200
GAUGE_RADIUS = 80
GAUGE_STROKE = 18
GAUGE_SWEEP = 0.75  # a 270-degree dial, open at the bottom
BAR_ROW_HEIGHT = 54
BAR_HEIGHT = 14
BAR_LABEL_BASELINE = 18  # from the top of a row
BAR_TOP = 26  # from the top of a row


def fmt_points(value: float) -> str:
    """Points as a person writes them: ``3``, ``2.5`` (never ``2.5000001``)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def humanize(identifier: str) -> str:
    """``code-sets`` → ``Code sets``; used for ids that have no label."""
    words = re.sub(r"[-_]+", " ", identifier).strip()
    return words[:1].upper() + words[1:] if words else identifier


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category.lower(), humanize(category))


def section_label(kind: str) -> str:
    return SECTION_LABELS.get(kind, humanize(kind))


def is_matched(k: KeywordResult) -> bool:
    """A keyword counts as present when it, or a more specific entry, is in the resume."""
    return k.in_resume or bool(k.satisfied_by)


def must_have(source: str, required: bool, core: bool, has_posting: bool) -> bool:
    """Required by the posting; without a posting, core for the role. A role-profile term the
    posting does not name is never a must-have. (On fields, so the JSON contract's readers,
    such as batch, apply the same rule.)"""
    if has_posting:
        return source == "posting" and required
    return core


def is_must_have(k: KeywordResult, has_posting: bool) -> bool:
    return must_have(k.source, k.required, k.core, has_posting)


def is_role_tier(k: KeywordResult, has_posting: bool) -> bool:
    """A role-profile term shown beside a posting that does not name it."""
    return has_posting and k.source != "posting"


def importance(k: KeywordResult, has_posting: bool) -> tuple[int, str]:
    """(rank, label) — lower rank is more important."""
    if has_posting:
        if k.source == "posting":
            return (0, "Required") if k.required else (2, "Preferred")
        return 4, "Role profile"
    if k.core:
        return 1, "Core for the role"
    return 3, "Role keyword"


DOMAIN_NOTES = {
    ("posting", "not-healthcare"): (
        "This posting is not a medical coding, billing or HIM role; the medical coding lists do "
        "not apply, so no score is given. The posting's terms that the lists know are listed below, "
        "unscored."
    ),
    ("posting", "healthcare"): (
        "This posting is a healthcare job but not a medical coding, billing or HIM role; the "
        "coding role profiles do not apply. The score counts only the terms the posting itself names."
    ),
    ("resume", "not-healthcare"): (
        "No medical coding, billing or HIM evidence was found in this resume (no code set, coding "
        "credential, billing or health-information term), and no posting was given, so it was not "
        "scored against an assumed coding role. Give a posting, or choose a target role, to score it."
    ),
    ("resume", "healthcare"): (
        "This resume shows healthcare work but no medical coding, billing or HIM terms; it is "
        "compared with a coding role profile, which may not be your target. Give a posting to compare "
        "it with the job you want."
    ),
}


# The sub-scores beside the keyword score (analyze/subscores.py), in the order shown.
SUB_SCORE_LABELS = {"keywords": "Keywords", "format": "Format (ATS layout)", "writing": "Writing"}


@dataclass(frozen=True)
class SubScoreRow:
    """One sub-score as shown: label, "63/100" or "not scored", and how it was made."""

    name: str
    label: str
    score: int | None
    text: str
    explanation: list[str]


def sub_score_rows(report: Report) -> list[SubScoreRow]:
    from ..analyze.subscores import sub_scores

    subs = getattr(report, "sub_scores", None) or sub_scores(report)  # built without api.check
    return [
        SubScoreRow(s.name, SUB_SCORE_LABELS.get(s.name, humanize(s.name)), s.score,
                    "not scored" if s.score is None else f"{s.score}/100", list(s.explanation))
        for s in subs
    ]


@dataclass(frozen=True)
class Segment:
    """A piece of a posting sentence; ``hit`` pieces are the keyword and get highlighted."""

    text: str
    hit: bool = False


@dataclass(frozen=True)
class KeywordRow:
    id: str
    term: str
    other_forms: list[str]  # acronym / long form when they differ from the term
    category: str
    importance: str
    importance_rank: int
    must_have: bool
    matched: bool
    posting_count: int
    snippet: list[Segment]  # first posting sentence, keyword marked
    more_sentences: int  # further posting sentences not shown
    sections: list[str]  # where in the resume, as labels
    forms_used: list[str]  # how the resume writes it
    via: list[str]  # terms of more specific entries that satisfied it
    points: str
    max_points: str
    both_forms: str | None  # "Long Form (ACR)" when the entry has both, else None
    advice: str | None  # acronym / long-form advice, when any
    one_of: list[str] = field(default_factory=list)  # all members of an either-or requirement
    or_equivalent: bool = False
    hint: str = ""  # exactly what to write (a broader form in the resume)
    source: str = "role"

    @property
    def label(self) -> str:
        """The term with its other forms, for one-line lists; "one of: A, B or C" for alternatives."""
        if self.one_of:
            text = "one of: " + ", ".join(self.one_of[:-1]) + " or " + self.one_of[-1]
        else:
            text = f"{self.term} ({', '.join(self.other_forms)})" if self.other_forms else self.term
        return text + (" (or an equivalent)" if self.or_equivalent else "")


@dataclass(frozen=True)
class CategoryBar:
    label: str
    matched_weight: float
    target_weight: float
    matched_count: int
    total_count: int
    percent: int
    # geometry
    label_y: int
    bar_y: int
    fill: str  # width of the filled bar, "62.5%"

    @property
    def summary(self) -> str:
        return f"{self.matched_count} of {self.total_count} · {self.percent}%"


@dataclass(frozen=True)
class Chart:
    height: int
    bar_height: int
    bars: list[CategoryBar]
    description: str  # the whole chart in words, for screen readers


@dataclass(frozen=True)
class Gauge:
    size: int
    center: float
    radius: int
    stroke: int
    track_dash: str  # stroke-dasharray of the grey track
    value_dash: str  # stroke-dasharray of the coloured arc ("0 C" when the score is 0)
    rotate: float  # degrees: where the dial starts


@dataclass(frozen=True)
class FindingGroup:
    severity: str
    label: str
    findings: list[Finding]


@dataclass(frozen=True)
class ConsiderItem:
    title: str
    detail: str


@dataclass(frozen=True)
class SectionChip:
    heading: str  # as written
    note: str  # how it was read, when that is not obvious from the heading


@dataclass(frozen=True)
class ContactField:
    label: str
    value: str | None
    found_in: str | None


@dataclass
class ReportView:
    report: Report
    file_name: str
    title: str
    role_line: str
    posting_title: str | None
    has_posting: bool
    gauge: Gauge
    chart: Chart
    missing: list[KeywordRow]
    matched: list[KeywordRow]
    extra_terms: list[str]  # found in the resume but not part of the score
    top_missing: list[KeywordRow]
    more_missing: int
    must_have_label: str  # "required" with a posting, "core" without
    advice: list[str]
    finding_groups: list[FindingGroup]
    severity_counts: dict[str, int]
    consider: list[ConsiderItem]
    unknown_terms: list[str]
    contact: list[ContactField]
    sections: list[SectionChip]
    ats_text: str
    no_text: bool  # nothing was read: every keyword is "missing" for that reason alone
    counts: dict[str, int] = field(default_factory=dict)
    role_missing: list[KeywordRow] = field(default_factory=list)  # role tier beside a posting
    role_matched: list[KeywordRow] = field(default_factory=list)
    tier_label: str = ""  # "often asked for in <role> postings" / "common in <role> postings"
    domain_note: str | None = None  # the domain decision, when it changes what is scored
    domain_evidence: list[str] = field(default_factory=list)
    checks: list[RequirementCheck] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    score_measures: str = ""
    sub_scores: list[SubScoreRow] = field(default_factory=list)  # keywords, format, writing
    no_text_note: str = (
        "No text could be read from this file, so no keyword could be found. "
        "Fix the file first, then check it again."
    )
    disclaimer: str = (
        "This score measures keyword coverage only, made by resume-tool: not layout, not years, "
        "title or education. It does not predict how any particular applicant tracking system "
        "will rank you."
    )

    @property
    def scored(self) -> bool:
        return self.report.band != "not scored"

    @property
    def score_text(self) -> str:
        """"64/100", or "not scored" (never a 0 that reads like a verdict)."""
        return f"{self.report.score}/100" if self.scored else "not scored"

    @property
    def score_line(self) -> str:
        r = self.report
        band = f" · {self.band_label}" if self.scored else ""
        return f"{self.score_text}{band} · score formula {r.score_version}"

    @property
    def band_label(self) -> str:
        """"fair" → "Fair match"; unknown bands are shown as they are."""
        band = self.report.band
        if band == "not scored":
            return "Not scored"
        return f"{band.capitalize()} match" if band in ("strong", "fair", "weak") else band


# ------------------------------------------------------------------ builders
def _forms(k: KeywordResult) -> list[str]:
    """Term, acronym and long form, without case-insensitive repeats."""
    seen: set[str] = set()
    out: list[str] = []
    for form in (k.term, k.acronym, k.long_form):
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            out.append(form)
    return out


def _both_forms(k: KeywordResult) -> str | None:
    if k.acronym and k.long_form and k.acronym.casefold() != k.long_form.casefold():
        return f"{k.long_form} ({k.acronym})"
    return None


def _advice(k: KeywordResult, matched: bool) -> str | None:
    """Why and how to write both forms: ATS searches use one or the other."""
    both = _both_forms(k)
    if both is None or not matched or (k.has_acronym and k.has_long_form):
        return None
    if k.has_acronym and not k.has_long_form:
        return f'{k.acronym}: write "{both}" once; your resume only has the acronym.'
    if k.has_long_form and not k.has_acronym:
        return f'{k.acronym}: write "{both}" once; your resume only has the long form.'
    return None


def snippet(sentence: str, forms: list[str], limit: int = SNIPPET_CHARS) -> list[Segment]:
    """Split a posting sentence into plain and keyword pieces, cut to about ``limit`` chars."""
    sentence = " ".join(sentence.split())
    if not sentence:
        return []
    pattern = None
    usable = sorted({f for f in forms if f.strip()}, key=len, reverse=True)
    if usable:
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(f) for f in usable) + r")(?!\w)", re.IGNORECASE
        )
    first = pattern.search(sentence) if pattern else None
    if len(sentence) > limit:
        center = first.start() if first else 0
        start = max(0, min(center - limit // 3, len(sentence) - limit))
        end = start + limit
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(sentence) else ""
        sentence = prefix + sentence[start:end].strip() + suffix
    if pattern is None:
        return [Segment(sentence)]
    segments: list[Segment] = []
    pos = 0
    for m in pattern.finditer(sentence):
        if m.start() > pos:
            segments.append(Segment(sentence[pos : m.start()]))
        segments.append(Segment(m.group(0), hit=True))
        pos = m.end()
    if pos < len(sentence):
        segments.append(Segment(sentence[pos:]))
    return segments


def _row(k: KeywordResult, report: Report, terms: dict[str, str]) -> KeywordRow:
    """One keyword as the tables show it."""
    has_posting = report.posting is not None
    rank, label = importance(k, has_posting)
    matched = is_matched(k)
    forms = _forms(k)
    sentences = [s for s in k.posting_sentences if s.strip()]
    return KeywordRow(
        id=k.id,
        term=k.term,
        other_forms=forms[1:],
        category=category_label(k.category),
        importance=label,
        importance_rank=rank,
        must_have=is_must_have(k, has_posting),
        matched=matched,
        posting_count=k.posting_count,
        snippet=snippet(sentences[0], forms) if sentences else [],
        more_sentences=max(0, len(sentences) - 1),
        sections=sorted({section_label(s) for s in k.sections}),
        forms_used=sorted(set(k.resume_forms), key=lambda f: (f.casefold(), f)),
        via=sorted({terms.get(i, i) for i in k.satisfied_by}, key=lambda f: (f.casefold(), f)),
        points=fmt_points(k.points),
        max_points=fmt_points(k.max_points),
        both_forms=_both_forms(k),
        advice=_advice(k, matched),
        one_of=[k.term, *(terms.get(i, i) for i in k.alternatives)] if k.alternatives else [],
        or_equivalent=k.or_equivalent,
        hint=k.hint,
        source=k.source,
    )


def _sort_key(row: KeywordRow, k: KeywordResult) -> tuple[int, float, str, str]:
    return (row.importance_rank, -k.max_points, row.term.casefold(), row.id)


def build_gauge(score: int) -> Gauge:
    """A 270-degree dial drawn with stroke dashes on one circle: no path maths in templates."""
    circumference = 2 * math.pi * GAUGE_RADIUS
    sweep = circumference * GAUGE_SWEEP
    value = sweep * max(0, min(100, score)) / 100
    return Gauge(
        size=GAUGE_SIZE,
        center=GAUGE_SIZE / 2,
        radius=GAUGE_RADIUS,
        stroke=GAUGE_STROKE,
        track_dash=f"{sweep:.2f} {circumference:.2f}",
        value_dash=f"{value:.2f} {circumference:.2f}",
        rotate=90 + (360 * (1 - GAUGE_SWEEP)) / 2,
    )


def build_chart(keywords: list[KeywordResult]) -> Chart:
    """Share of target weight matched, per category; biggest categories first."""
    weight: dict[str, float] = {}
    got: dict[str, float] = {}
    total: dict[str, int] = {}
    hit: dict[str, int] = {}
    for k in keywords:
        if not k.target:
            continue
        label = category_label(k.category)
        w = max(k.weight, 0.0)
        weight[label] = weight.get(label, 0.0) + w
        total[label] = total.get(label, 0) + 1
        if is_matched(k):
            got[label] = got.get(label, 0.0) + w
            hit[label] = hit.get(label, 0) + 1
    order = sorted(weight, key=lambda c: (-weight[c], c.casefold()))
    bars: list[CategoryBar] = []
    for i, label in enumerate(order):
        target_w = weight[label]
        matched_w = got.get(label, 0.0)
        # All weights zero: fall back to counting terms.
        share = matched_w / target_w if target_w > 0 else hit.get(label, 0) / total[label]
        top = i * BAR_ROW_HEIGHT
        bars.append(
            CategoryBar(
                label=label,
                matched_weight=matched_w,
                target_weight=target_w,
                matched_count=hit.get(label, 0),
                total_count=total[label],
                percent=round(share * 100),
                label_y=top + BAR_LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                fill=f"{share * 100:.1f}%",
            )
        )
    description = "; ".join(
        f"{b.label}: {b.matched_count} of {b.total_count} keywords, {b.percent}% of the weight"
        for b in bars
    )
    return Chart(
        height=max(1, len(bars) * BAR_ROW_HEIGHT - (BAR_ROW_HEIGHT - BAR_TOP - BAR_HEIGHT) + 2),
        bar_height=BAR_HEIGHT,
        bars=bars,
        description=description or "No keywords to chart.",
    )


def _consider(items: list[dict[str, str]], role_tier_note: str = "") -> list[ConsiderItem]:
    """One line per keyword to consider: its name, then where it could go (Report.to_consider).
    Beside a posting, a role-profile term says that the posting does not name it."""
    return [
        ConsiderItem(
            item["term"],
            ((role_tier_note + " ") if role_tier_note and item.get("source") == "role" else "")
            + f"{item['where']}. {item['note']}".strip(),
        )
        for item in items
    ]


def _section_chip(section: Section) -> SectionChip:
    """Say how a heading was read only when it adds something: "Skills → Skills" does not."""
    label = section_label(section.kind)
    notes = []
    if section.heading.strip().casefold() != label.casefold():
        notes.append(f"read as {label}")
    if not section.standard:
        notes.append("unusual heading")
    return SectionChip(section.heading, ", ".join(notes))


def _role_line(report: Report) -> str:
    name = report.role_name or humanize(report.role)
    if report.role_inferred and report.domain != "coding":
        if report.posting is not None:
            return "none: the medical coding role profiles do not apply to this posting"
        if report.domain == "not-healthcare":
            return "none assumed: the resume shows no medical coding, billing or HIM work"
    if not report.role_inferred:
        return name
    source = "the posting and your resume" if report.posting else "your resume"
    return f"{name} (assumed from {source}; you can choose another role)"


def build_view(report: Report) -> ReportView:
    """Everything the templates need, computed once."""
    has_posting = report.posting is not None
    terms = {k.id: k.term for k in report.keywords}
    rows = [(_row(k, report, terms), k) for k in report.keywords]
    target = [(r, k) for r, k in rows if k.target]
    role_tier = [(r, k) for r, k in target if is_role_tier(k, has_posting)]
    target = [(r, k) for r, k in target if not is_role_tier(k, has_posting)]
    missing = sorted(((r, k) for r, k in target if not r.matched), key=lambda p: _sort_key(*p))
    matched = sorted(((r, k) for r, k in target if r.matched), key=lambda p: _sort_key(*p))
    role_missing = sorted(((r, k) for r, k in role_tier if not r.matched), key=lambda p: _sort_key(*p))
    role_matched = sorted(((r, k) for r, k in role_tier if r.matched), key=lambda p: _sort_key(*p))
    extra = sorted({k.term for r, k in rows if not k.target and r.matched}, key=lambda t: (t.casefold(), t))
    must_missing = [r for r, _ in missing if r.must_have]

    # keywords an acronym-long-form finding already names are not repeated here
    flagged = {f.where for f in report.findings if f.code == "acronym-long-form"}
    advice = [r.advice for r, k in matched if r.advice and k.term not in flagged]

    groups = []
    for sev in SEVERITY_ORDER:
        found = [f for f in report.findings if f.severity == sev]
        if found:
            groups.append(FindingGroup(sev, SEVERITY_LABELS[sev], found))
    severity_counts = {
        sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITY_ORDER
    }

    resume = report.resume
    contact = resume.contact
    contact_fields = [
        ContactField(label, value, contact.found_in.get(key))
        for key, label, value in (
            ("name", "Name", contact.name),
            ("email", "Email", contact.email),
            ("phone", "Phone", contact.phone),
            ("location", "Location", contact.location),
            ("urls", "Links", ", ".join(contact.urls) or None),
        )
    ]
    posting = report.posting
    role_name = report.role_name or humanize(report.role)
    domain = getattr(report, "domain", "coding")
    note = DOMAIN_NOTES.get(("posting" if has_posting else "resume", domain))
    if report.band == "not scored":
        measures = ("No score: the medical coding keyword lists are not a yardstick for this "
                    + ("posting." if has_posting else "resume, and no posting or role was given."))
    elif has_posting:
        measures = (
            "It measures keywords only: how many of the terms this posting asks for your resume "
            "contains" + (f", plus a small share for terms often asked for in {role_name} postings"
                          if role_tier else "") + "."
        )
    else:
        measures = (f"It measures keywords only: how many terms common in {role_name} postings "
                    "your resume contains.")
    counts = {
        "target": len(target),
        "matched": len(matched),
        "missing": len(missing),
        "must_have_missing": len(must_missing),
    }
    file_name = PurePath(resume.path).name or resume.path
    return ReportView(
        report=report,
        file_name=file_name,
        title=f"Resume check: {file_name}",
        role_line=_role_line(report),
        posting_title=(posting.title or (PurePath(posting.path).name if posting.path else None))
        if posting
        else None,
        has_posting=has_posting,
        gauge=build_gauge(report.score),
        # the chart shows what the score's main tier covers: the posting's asks (or, without a
        # posting, the role profile); the role tier beside a posting has its own table
        chart=build_chart([k for k in report.keywords if not is_role_tier(k, has_posting)]),
        missing=[r for r, _ in missing],
        matched=[r for r, _ in matched],
        extra_terms=extra,
        top_missing=must_missing[:TOP_MISSING],
        more_missing=max(0, len(must_missing) - TOP_MISSING),
        must_have_label="required" if has_posting else "core",
        role_missing=[r for r, _ in role_missing],
        role_matched=[r for r, _ in role_matched],
        tier_label=(f"often asked for in {role_name} postings" if has_posting
                    else f"common in {role_name} postings"),
        domain_note=note,
        domain_evidence=list(getattr(report, "domain_evidence", [])),
        checks=list(getattr(report, "checks", [])),
        hints=[r.hint for r, _ in missing if r.hint],
        score_measures=measures,
        advice=advice,
        finding_groups=groups,
        severity_counts=severity_counts,
        consider=_consider(
            report.to_consider,
            f"Not in this posting; often asked for in {role_name} postings." if has_posting else "",
        ),
        unknown_terms=list(posting.unknown_terms) if posting else [],
        contact=contact_fields,
        sections=[_section_chip(s) for s in resume.sections],
        ats_text=resume.document.text,
        no_text=not resume.document.text.strip(),
        counts=counts,
        sub_scores=sub_score_rows(report),
    )
