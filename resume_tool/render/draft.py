"""`resume-tool draft`: the job seeker's own resume, rebuilt in the shape ATS parse best.

``build_draft(report, matcher)`` turns a checked resume into a ``Draft``: contact in the
body, the resume's own summary, certifications (with the long form of a credential the
resume has only as an acronym), skills grouped by category, experience in reverse
chronological order with old roles condensed, education and any other sections, all as
written. ``write_draft(draft, path)`` writes it as DOCX (python-docx), Markdown or HTML
(Jinja), and optionally a PDF through LibreOffice.

Never lose a line: after the draft is built, ``draft_keep.conserve`` checks every line the
reader produced; a line the draft lacks is put back where it stood (its role, its section,
the top of the page), or, when left out on purpose (bullets of a role condensed under
"Earlier Experience", a heading replaced by a standard one, a page number), listed with the
reason in ``<name>.left-out.md`` beside the draft. ``years=0`` condenses nothing.

Never invent: no employer, title, date, credential or number reaches the draft unless the
source resume has it. Keywords the posting wants and the resume lacks are written to a
separate ``<name>.to-consider.md`` next to the draft, never into the draft itself, so a
forgotten "delete this section" can never send them to an employer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ResumeToolError
from ..models import Document, ExperienceEntry, Line, Report, Resume, Section
from ..structure import chronology_key
from .draft_keep import LeftOut, conserve, joins, line_width
from .draft_words import (
    MatcherLike,
    SkillGroup,
    Wording,
    build_skills,
    expand_credentials,
    split_skills,
)

__all__ = [
    "DRAFT_FORMATS",
    "Draft",
    "DraftError",
    "DraftRole",
    "LeftOut",
    "OtherSection",
    "Paragraph",
    "SkillGroup",
    "build_draft",
    "consider_path",
    "format_dates",
    "left_out_path",
    "write_draft",
]

DRAFT_FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
HEADINGS = {
    "summary": "Summary",
    "certifications": "Certifications",
    "skills": "Skills",
    "experience": "Experience",
    "earlier": "Earlier Experience",
    "education": "Education",
    "other": "Additional Information",
}
SKELETON_MARK = "[Draft — edit or delete]"
DATE_DASH = " – "
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CONSIDER_SUFFIX = ".to-consider.md"
LEFT_OUT_SUFFIX = ".left-out.md"
LIBREOFFICE_TIMEOUT = 180  # seconds; a first start of LibreOffice builds its profile


class DraftError(ResumeToolError):
    """The draft cannot be written as asked (format, output path, PDF converter)."""


@dataclass
class Paragraph:
    text: str
    bullet: bool = False


@dataclass
class DraftRole:
    """One role as the draft writes it; ``start``/``end`` are the source's parsed dates."""

    title: str | None
    employer: str | None
    location: str | None
    dates: str  # "Mar 2021 – Present", "2016 – 2018", an unparsed date as written, or ""
    start: str | None
    end: str | None
    bullets: list[str] = field(default_factory=list)
    # the dates the draft shows, as a parser reads them back (years only for condensed roles)
    shown: tuple[str | None, str | None] = (None, None)
    # DOCX header paragraphs, each a list of (text, bold) runs, in a layout checked to parse
    # back to the same title, employer and dates with the project's own structure stage.
    layout: list[list[tuple[str, bool]]] = field(default_factory=list)


@dataclass
class OtherSection:
    heading: str
    paragraphs: list[Paragraph]


@dataclass
class Draft:
    """Everything the DOCX, Markdown and HTML drafts show, and the notes that go beside them."""

    source: str
    name: str | None  # the name line, with credentials as written ("Jordan Rivera, CPC")
    headline: list[str]
    contact: list[str]  # location, phone, email
    links: list[str]  # LinkedIn and other profile URLs
    summary: list[Paragraph]
    summary_is_skeleton: bool
    certifications: list[str]
    skills: list[SkillGroup]
    experience: list[DraftRole]
    earlier: list[DraftRole]
    education: list[Paragraph]
    other: list[OtherSection]
    to_consider: list[dict[str, str]]
    changes: list[str]
    posting: str | None = None
    headings: dict[str, str] = field(default_factory=lambda: dict(HEADINGS))
    skeleton_mark: str = SKELETON_MARK
    # lines of the source the draft does not show, each with the reason (<name>.left-out.md)
    left_out: list[LeftOut] = field(default_factory=list)
    years: int = 10  # roles that ended longer ago than this were condensed (0: none)
    # line-level writing prompts per role (issue 13), for the to-consider notes only: the draft
    # never rewrites a bullet. Each: {"role": ..., "notes": [{"where", "label", "message", "fix"}]}
    writing: list[dict[str, Any]] = field(default_factory=list)


# ------------------------------------------------------------------------- dates
def format_point(value: str) -> str:
    """"2021-03" → "Mar 2021"; "2016" stays "2016" (never a month the source did not give)."""
    if value == "present":
        return "Present"
    year, _, month = value.partition("-")
    return f"{MONTHS[int(month) - 1]} {year}" if month else year


def format_dates(start: str | None, end: str | None) -> str:
    """One consistent format for every role: "Mar 2021 – Present", "2016 – 2018", "May 2020"."""
    if start is None:
        return ""
    if end is None or end == start:
        return format_point(start)
    return f"{format_point(start)}{DATE_DASH}{format_point(end)}"


def _years(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    return (start[:4] if start else None, end[:4] if end and end != "present" else end)


def _role_key(e: ExperienceEntry) -> tuple[tuple[int, int], tuple[int, int]]:
    return (chronology_key(e.end or e.start), chronology_key(e.start))


# --------------------------------------------------------------------- sections
def _section_lines(doc: Document, section: Section) -> list[int]:
    """Content lines of a section (an inline "Summary: text" heading line counts as content)."""
    lines = doc.lines
    first = section.first_line
    head = lines[first].text.strip().rstrip(":").strip()
    inline = head.casefold() != section.heading.casefold()
    start = first if inline else first + 1
    out = [
        i for i in range(start, min(section.last_line, len(lines) - 1) + 1)
        if lines[i].text.strip() and lines[i].source not in ("header", "footer")
    ]  # fmt: skip
    return out


_LEAD = re.compile(r"^\s*(?:[-*•·▪■●◦‣⁃>]|\d{1,2}[.)])\s+")


def _line_text(line: Line, heading: str | None = None) -> str:
    text = line.text.strip()
    if heading is not None:  # "Summary: text" on the heading line
        m = re.match(rf"^\s*{re.escape(heading)}\s*:\s*(.*)$", text, re.IGNORECASE)
        if m:
            text = m.group(1)
    return _LEAD.sub("", text).strip()


def _is_bullet(line: Line) -> bool:
    return line.list_item or bool(_LEAD.match(line.text))


def _paragraphs(doc: Document, indices: list[int], heading: str | None = None) -> list[Paragraph]:
    """Lines as paragraphs; wrapped PDF/text lines of one paragraph are joined with a space."""
    out: list[Paragraph] = []
    wrapped = doc.format != "docx"
    for i in indices:
        line = doc.lines[i]
        text = _line_text(line, heading)
        if not text:
            continue
        bullet = _is_bullet(line)
        if out and joins(out[-1].text, text, line, wrapped):
            out[-1].text = f"{out[-1].text} {text}"
        else:
            out.append(Paragraph(text, bullet))
    return out


# ----------------------------------------------------------------------- contact
_LABELS = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|e-?mail|address|linkedin|website|web|github|"
    r"portfolio|contact)\b\s*:?",
    re.IGNORECASE,
)


def _contact_parts(resume: Resume, top: int) -> tuple[list[str], list[str]]:
    """(contact items, profile URLs) — URLs only from the top of the page or its header/footer."""
    c = resume.contact
    lines = resume.document.lines
    near = [ln for i, ln in enumerate(lines) if i < top or ln.source in ("header", "footer")]
    urls: list[str] = []
    seen: set[str] = set()
    for url in c.urls:
        if re.match(r"(?:mailto|tel|sms|fax|callto):", url, re.IGNORECASE):
            continue
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/")
        if bare in seen:
            continue
        profile = any(s in bare for s in ("linkedin.com", "github.com"))
        if profile or any(url in ln.text or url in ln.hyperlinks for ln in near):
            seen.add(bare)
            urls.append(url)
    parts = [p for p in (c.location, c.phone, c.email) if p]
    return parts, urls


def _name_line(resume: Resume, top: int) -> str | None:
    """The name with any credentials written after it on its line ("Jordan Rivera, CPC")."""
    name = resume.contact.name
    if not name:
        return None
    tail = re.compile(
        rf"^\s*{re.escape(name)}((?:\s*,\s*[A-Z][A-Za-z0-9-]{{1,9}})+)\s*$", re.IGNORECASE
    )
    for i, line in enumerate(resume.document.lines):
        if i >= top and line.source not in ("header", "footer"):
            break
        m = tail.match(line.text)
        if m:
            return name + m.group(1)
    return name


def _top_lines(resume: Resume, top: int) -> tuple[list[str], list[Paragraph]]:
    """(headline, prose) from the lines above the first heading that are not contact details.

    A line holding contact details keeps only its other words (a tagline such as "Medical
    Coder"); street addresses and the credentials after the name are left to the contact and
    name lines. A line without contact details is kept whole: short as a headline, long as
    prose that opens the summary.
    """
    c = resume.contact
    known = [x for x in (c.name, c.email, c.phone, c.location, *c.urls) if x]
    headline: list[str] = []
    prose: list[Paragraph] = []
    lines = resume.document.lines
    for line in lines[: min(top, len(lines))]:
        if line.source in ("header", "footer") or not line.text.strip():
            continue
        text = line.text
        for k in sorted(known, key=len, reverse=True):
            text = re.sub(re.escape(k), " ", text, flags=re.IGNORECASE)
        text = _CONTACTISH.sub(_drop_contact, text)  # a second phone or email is contact too
        if text == line.text and not _LABELS.search(text):
            kept = _LEAD.sub("", text).strip()
            if len(kept.split()) <= 12 and not kept.endswith("."):
                headline.append(kept)
            else:
                prose.append(Paragraph(kept, _is_bullet(line)))
            continue
        text = _LABELS.sub(" ", text)
        parts = [p.strip(" ,;:-–—") for p in re.split(r"\s*[|•·▪,]\s*|\t|\s{3,}", text)]
        parts = [
            p for p in parts
            if re.search(r"[A-Za-z]{2}", p) and not re.search(r"\d", p) and not _CREDENTIALS.fullmatch(p)
        ]  # fmt: skip
        if parts:
            headline.append(" | ".join(parts))
    return headline, prose


# Parts bounded as in RFC 5321 / DNS (local part <= 64, label <= 63), so that a long run of
# word characters costs each start at most 64 steps, not the rest of the run.
_CONTACTISH = re.compile(
    r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"  # email
    r"|\+?\(?\d[\d\s().-]{7,}\d"  # phone: ten-odd digits with separators
    r"|(?:https?://|www\.)\S+|\b[\w-]{1,63}\.(?:com|org|net|io|dev|me)/\S*",  # URL
    re.IGNORECASE,
)


def _drop_contact(m: re.Match[str]) -> str:
    """An email or URL goes; a run of digits goes only if it has a phone's ten or more."""
    text = m.group(0)
    if "@" in text or not text.lstrip("+(")[:1].isdigit():
        return " "
    return " " if len(re.sub(r"\D", "", text)) >= 10 else text


_CREDENTIALS = re.compile(r"[A-Z][A-Z0-9-]{1,9}(?:\s*,\s*[A-Z][A-Z0-9-]{1,9})*")


# -------------------------------------------------------------------- experience
def _layout_candidates(role: DraftRole, condensed: bool) -> list[list[list[tuple[str, bool]]]]:
    """Header layouts to try, most readable first."""
    t, e, loc, d = role.title, role.employer, None if condensed else role.location, role.dates
    unparsed = bool(d) and role.start is None
    d_inline = None if unparsed else d
    d_alone = d if unparsed else None

    def line(*parts: str | None, bold_first: bool = True) -> list[tuple[str, bool]]:
        present = [p for p in parts if p]
        if not present:
            return []
        runs = [(present[0], bold_first)]
        if len(present) > 1:
            runs.append((" | " + " | ".join(present[1:]), False))
        return runs

    def plain(*parts: str | None) -> list[tuple[str, bool]]:
        return line(*parts, bold_first=False)

    options = [
        [line(t), plain(e, loc, d_inline), plain(d_alone)],
        [line(t, e, loc, d_inline), plain(d_alone)],
        [line(e, t, loc, d_inline), plain(d_alone)],
        [line(t), plain(e, loc), plain(d)],
        [line(t), plain(e), plain(loc, d)],
        [line(t, e), plain(loc, d)],
        [line(e), line(t), plain(loc, d)],
    ]
    if condensed:  # one line each: "Title | Employer | 2013 – 2015"
        options.insert(0, options.pop(1))
    out: list[list[list[tuple[str, bool]]]] = []
    for option in options:
        cleaned = [runs for runs in option if runs]
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return out or [[]]  # no header at all: the bullets alone


def _paragraph_lines(role: DraftRole, layout: list[list[tuple[str, bool]]]) -> list[Line]:
    """The lines the DOCX reader will see for a role: header paragraphs, then bullets."""
    out = [
        Line(
            "".join(t for t, _ in runs),
            style="Normal",
            # the reader calls a paragraph bold when most of its characters are
            bold=sum(len(t) for t, b in runs if b) > sum(len(t) for t, b in runs if not b),
        )
        for runs in layout
    ]
    out.extend(Line(b, style="List Bullet", list_item=True) for b in role.bullets)
    return out


def _same(entry: ExperienceEntry, role: DraftRole, condensed: bool) -> bool:
    got = (entry.title, entry.employer, entry.start, entry.end)
    if got != (role.title, role.employer, *role.shown):
        return False
    return condensed or entry.location == role.location


def choose_layouts(roles: list[DraftRole], earlier: list[DraftRole], today: date) -> int:
    """Give every role the first header layout that parses back to the same entry.

    The check runs the project's own structure stage on the lines the DOCX will hold, role by
    role, with the roles before it in place (an entry without bullets changes how the next
    header is read). Returns how many roles no layout could reproduce (they keep the first).
    """
    from ..structure import structure

    done: list[Line] = [Line(HEADINGS["experience"], style="Heading 1")]
    placed: list[tuple[DraftRole, bool]] = []
    failures = 0
    for role, condensed in [(r, False) for r in roles] + [(r, True) for r in earlier]:
        if condensed and not any(c for _, c in placed):
            done = [*done, Line(HEADINGS["earlier"], style="Heading 2")]
        candidates = _layout_candidates(role, condensed)
        expect = [*placed, (role, condensed)]
        chosen = candidates[0]
        for layout in candidates:
            trial = [*done, *_paragraph_lines(role, layout)]
            parsed = structure(Document("draft.docx", "docx", trial), today).experience
            if len(parsed) == len(expect) and all(
                _same(p, r, c) for p, (r, c) in zip(parsed, expect, strict=True)
            ):
                chosen = layout
                break
        else:
            failures += 1
        role.layout = chosen
        done = [*done, *_paragraph_lines(role, chosen)]
        placed.append((role, condensed))
    return failures


def _clean(text: str | None) -> str | None:
    """Runs of spaces collapse, as every reader does with a Word paragraph."""
    return " ".join(text.split()) if text else text


def _bullets(e: ExperienceEntry, doc: Document | None) -> list[str]:
    """The entry's bullets, with a bullet that a PDF or text layout wrapped onto a second line
    put back together ("... from the Patient Account" + "Representative. ...")."""
    bullets = [b for b in map(_clean, e.bullets) if b]
    if doc is None or doc.format == "docx" or len(bullets) < 2:
        return bullets
    own = [doc.lines[i] for i in e.lines if 0 <= i < len(doc.lines)]
    starts = [(_clean(_line_text(ln)) or "", ln) for ln in own]
    width = line_width(doc)

    def last_line(bullet: str) -> Line | None:
        """The source line a bullet ends on (where a wrap would have cut it)."""
        return next((ln for t, ln in reversed(starts) if t and bullet.endswith(t)), None)

    out = [bullets[0]]
    for b in bullets[1:]:
        line = next((ln for t, ln in starts if t and b.startswith(t)), None)
        prev = last_line(out[-1])
        if line is not None and prev is not None and joins(out[-1], b, line, True, prev, width):
            out[-1] = f"{out[-1]} {b}"
        else:
            out.append(b)
    return out


def _role(
    e: ExperienceEntry, condensed: bool, months: bool = False, doc: Document | None = None
) -> DraftRole:
    """A source entry as the draft shows it; condensed roles lose bullets, location and months."""
    if e.start is None:
        dates, shown = e.date_text.strip(), (None, None)
    elif condensed and not months:
        ys, ye = _years(e.start, e.end)
        dates, shown = format_dates(ys, ye), (ys, ye if ye != ys else ys)
    else:
        dates, shown = format_dates(e.start, e.end), (e.start, e.end)
    return DraftRole(
        title=_clean(e.title),
        employer=_clean(e.employer),
        location=None if condensed else _clean(e.location),
        dates=dates,
        start=e.start,
        end=e.end,
        bullets=[] if condensed else _bullets(e, doc),
        shown=shown,
    )


def order_experience(
    entries: list[ExperienceEntry], years: int, today: date
) -> tuple[list[ExperienceEntry], list[ExperienceEntry], bool]:
    """(detailed, condensed, keep months): current roles first, then by end and start date.

    Undated entries follow the dated ones in source order; an entry with no header at all
    (prose at the top of the section) stays first, where a parser reads it back as its own
    entry. A role that ended more than ``years`` ago is condensed to title, employer and years,
    unless it has neither title nor employer to show, or every role is that old (the details
    are then all the resume has); condensed roles are ordered by the
    years they show. Months are kept for condensed roles in the rare case that years alone
    would sort one above a recent role of the same year.
    """
    headerless = [e for e in entries if not (e.title or e.employer or e.date_text or e.start)]
    rest = [e for e in entries if not any(e is h for h in headerless)]
    dated = sorted((e for e in rest if e.start), key=_role_key, reverse=True)
    undated = [e for e in rest if not e.start]
    cutoff = (today.year - years, today.month)
    old = [
        e for e in dated
        if years > 0 and e.end != "present" and chronology_key(e.end or e.start) < cutoff
        and (e.title or e.employer)
    ]  # fmt: skip
    recent = [e for e in dated if not any(e is o for o in old)]
    if not recent:  # every role is old: the details are all the resume has, keep them
        recent, old = dated, []
    floor = min((_role_key(e) for e in recent), default=None)

    def coarse(e: ExperienceEntry) -> tuple[tuple[int, int], tuple[int, int]]:
        ys, ye = _years(e.start, e.end)
        return (chronology_key(ye or ys), chronology_key(ys))

    months = floor is not None and any(coarse(e) > floor for e in old)
    if not months:  # ordered by the years they show, so the years read in order too
        old.sort(key=lambda e: (coarse(e), _role_key(e)), reverse=True)
    return headerless + recent + undated, old, months


# ------------------------------------------------------------------------ summary
def _skeleton(resume: Resume, roles: list[DraftRole], credentials: list[str], skills: list[str]) -> str:
    """A summary from facts of the resume only: its latest title, since when, credentials."""
    title = next((r.title for r in roles if r.title), None)
    starts = [r.start[:4] for r in roles if r.start]
    first = min(starts) if starts else None
    parts: list[str] = []
    lead = title or "Professional"
    if first:
        lead += f" with experience since {first}"
    parts.append(lead + ".")
    if credentials:
        parts.append("Credentials: " + ", ".join(credentials) + ".")
    if skills:
        parts.append("Skilled in " + ", ".join(skills) + ".")
    return " ".join(parts)


# ------------------------------------------------------------------------- build
def build_draft(
    report: Report, matcher: MatcherLike, years: int = 10, today: date | None = None
) -> Draft:
    """The resume of ``report`` rebuilt for ATS; see the module docstring for the rules."""
    from ..analyze import resume_matches

    today = today or date.today()
    resume = report.resume
    doc = resume.document
    if doc.observed("no-text") or resume.words < 20:
        raise DraftError(
            resume.path,
            "the resume has no readable text (scanned or image-only), so there is nothing to rebuild",
            "Export it from Word or Google Docs as DOCX or a text-based PDF and run draft again",
        )
    changes: list[str] = []
    top = resume.sections[0].first_line if resume.sections else len(doc.lines)
    contact, urls = _contact_parts(resume, top)
    off_body = sorted(f for f, w in resume.contact.found_in.items() if w in ("header", "footer"))
    if off_body:
        changes.append(
            f"Moved contact details ({', '.join(off_body)}) from the page header/footer into the body."
        )
    headline, top_prose = _top_lines(resume, top)

    # summary
    summary: list[Paragraph] = []
    for s in resume.sections:
        if s.kind == "summary":
            summary.extend(_paragraphs(doc, _section_lines(doc, s), s.heading))
    summary = top_prose + summary

    # certifications
    certifications: list[str] = []
    for line in resume.certifications:
        new, added = expand_credentials(line, matcher)
        certifications.append(new)
        for a in added:
            changes.append(f'Certifications: added "{a}" beside the form you wrote, so ATS match both.')

    # skills
    wording = Wording.of(
        report.posting.matches if report.posting else [], resume_matches(resume, matcher)
    )
    skill_lines = [
        doc.lines[i].text for s in resume.sections if s.kind == "skills"
        for i in _section_lines(doc, s)
    ]  # fmt: skip
    skills = build_skills(report, matcher, wording, split_skills(skill_lines))

    # experience; an "entry" with no title, employer or dates (a sidebar read into the
    # section, prose above the first job) is no role: its lines go to Additional Information
    detailed, old, months = order_experience(resume.experience, years, today)
    headerless = [e for e in detailed if not (e.title or e.employer or e.date_text or e.start)]
    detailed = [e for e in detailed if not any(e is h for h in headerless)]
    roles = [_role(e, False, doc=doc) for e in detailed]
    earlier = [_role(e, True, months) for e in old]
    if [id(e) for e in detailed + old] != [id(e) for e in resume.experience if not any(e is h for h in headerless)]:
        changes.append("Put experience in reverse-chronological order (current roles first).")
    if old:
        names = "; ".join(
            f"{' at '.join(p for p in (r.title, r.employer) if p)} ({r.dates})" if r.dates
            else " at ".join(p for p in (r.title, r.employer) if p)
            for r in earlier
        )
        changes.append(
            f"Condensed {len(old)} role(s) that ended more than {years} years ago into "
            f'"{HEADINGS["earlier"]}" (title, employer, years): {names}. Their bullets are '
            "listed in the left-out notes, word for word, to put back any that still matter."
        )

    skeleton = False
    if not summary:
        creds = list(certifications)
        top_terms = [i for g in skills[:2] for i in g.items[:3]]
        summary = [Paragraph(_skeleton(resume, roles + earlier, creds, top_terms))]
        skeleton = True
        changes.append("Added a summary built only from your titles, dates and credentials: edit it.")

    # education and the rest, as written
    education: list[Paragraph] = []
    other: list[OtherSection] = []
    for s in resume.sections:
        if s.kind == "education":
            education.extend(_paragraphs(doc, _section_lines(doc, s), s.heading))
        elif s.kind == "other":
            paras = _paragraphs(doc, _section_lines(doc, s), s.heading)
            if paras:
                heading = s.heading if s.standard else HEADINGS["other"]
                if not s.standard:
                    paras.insert(0, Paragraph(s.heading))
                same = next((o for o in other if o.heading.casefold() == heading.casefold()), None)
                if same is None:
                    other.append(OtherSection(heading, paras))
                else:
                    same.paragraphs.extend(paras)

    kinds = {s.kind for s in resume.sections}
    if any(not s.standard for s in resume.sections):
        changes.append("Renamed non-standard headings to the ones ATS recognise.")
    if resume.layout and any(o.kind in ("table", "multi-column", "text-box") for o in resume.layout):
        changes.append("Rebuilt the layout as one column of plain paragraphs and bullet lists.")
    to_consider = [dict(item) for item in report.to_consider]
    if "certifications" not in kinds:
        to_consider.append({
            "id": "certifications-section",
            "term": "A Certifications section",
            "required": "",
            "where": "Certifications",
            "note": "List each credential you hold with its full name, e.g. "
                    "\"Certified Professional Coder (CPC), AAPC\". Add only if true.",
        })  # fmt: skip
    if not resume.contact.name:
        to_consider.append({
            "id": "name", "term": "Your name", "required": "", "where": "First line",
            "note": "No name was found: put it on the first line, in the body.",
        })  # fmt: skip

    draft = Draft(
        source=resume.path,
        name=_name_line(resume, top),
        headline=headline,
        contact=contact,
        links=urls,
        summary=summary,
        summary_is_skeleton=skeleton,
        certifications=certifications,
        skills=skills,
        experience=roles,
        earlier=earlier,
        education=education,
        other=other,
        to_consider=to_consider,
        changes=changes,
        posting=report.posting.path if report.posting else None,
        years=years,
        writing=_writing_prompts(report),
    )

    def other_section(heading: str) -> list[Paragraph]:
        same = next((o for o in draft.other if o.heading.casefold() == heading.casefold()), None)
        if same is None:
            same = OtherSection(heading, [])
            draft.other.append(same)
        return same.paragraphs

    put_back = conserve(
        draft, resume, list(zip(detailed, roles, strict=True)), list(zip(old, earlier, strict=True)),
        years, other_section, lambda items, text, bullet: items.append(Paragraph(text, bullet)),
    )
    if put_back:
        changes.append(
            f"Put back {put_back} line(s) of your resume that the structure did not place "
            "(a sidebar, a line of a role's header, text outside any section) where they stood "
            "in your resume; check them."
        )
    if draft.left_out:
        changes.append(
            f"Left out {len(draft.left_out)} line(s) of your resume (replaced headings, page "
            "numbers, bullets of condensed roles); each is listed with the reason in the "
            "left-out notes beside the draft."
        )
    unread = choose_layouts(roles, earlier, today)
    if unread:
        changes.append(
            f"{unread} role header(s) could not be laid out so that a parser reads title, "
            "employer and dates back exactly; check them."
        )
    return draft


# ------------------------------------------------------------------------- write
def _writing_prompts(report: Report) -> list[dict[str, Any]]:
    """The writing stage's notes grouped by role, every one of them (none when it did not run)."""
    review = getattr(report, "writing", None)
    if review is None:
        return []
    from ..writing.present import LABELS

    return [
        {"role": g.role,
         "notes": [{"where": f.where, "label": LABELS.get(f.code, f.code), "code": f.code,
                    "message": f.message, "fix": f.fix} for f in g.findings]}
        for g in review.roles if g.findings
    ]


def draft_format(path: Path) -> str:
    """docx, md or html from the output's extension, else a one-line error naming the choices."""
    fmt = DRAFT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        hint = " (for a PDF, write .docx and add --pdf)" if path.suffix.lower() == ".pdf" else ""
        raise DraftError(
            str(path),
            f"cannot write a draft as {path.suffix or 'a file without an extension'}",
            f"Name the output .docx, .md or .html{hint}",
        )
    return fmt


def consider_path(path: Path) -> Path:
    """Where the "To consider, only if true" notes go: beside the draft, never inside it."""
    return path.with_name(path.stem + CONSIDER_SUFFIX)


def left_out_path(path: Path) -> Path:
    """Where the list of source lines the draft does not show goes, with the reasons."""
    return path.with_name(path.stem + LEFT_OUT_SUFFIX)


def _no_libreoffice() -> DraftError:
    return DraftError(
        None,
        "--pdf needs LibreOffice, which is not installed",
        "Install LibreOffice (e.g. apt install libreoffice-writer), or drop --pdf and "
        "save the DOCX as PDF from Word",
    )


def find_libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def docx_to_pdf(docx_path: Path, pdf_path: Path, office: str | None = None) -> Path:
    """Convert with LibreOffice in a private profile, so parallel runs do not clash."""
    office = office or find_libreoffice()
    if office is None:
        raise _no_libreoffice()
    with tempfile.TemporaryDirectory(prefix="resume-tool-pdf-") as tmp:
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [
            office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
            "--outdir", tmp, str(docx_path),
        ]  # fmt: skip
        try:
            subprocess.run(cmd, capture_output=True, timeout=LIBREOFFICE_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise DraftError(
                str(pdf_path), f"LibreOffice could not convert the draft ({err})",
                "Open the DOCX draft and save it as PDF from your word processor",
            ) from err
        made = Path(tmp) / (docx_path.stem + ".pdf")
        if not made.exists():
            raise DraftError(
                str(pdf_path), "LibreOffice did not produce a PDF",
                "Open the DOCX draft and save it as PDF from your word processor",
            )
        shutil.move(str(made), pdf_path)
    return pdf_path


def write_draft(draft: Draft, path: Path, pdf: bool = False) -> list[Path]:
    """Write the draft (format from the extension), its to-consider notes and maybe a PDF."""
    from .draft_docx import render_docx
    from .draft_text import render_consider, render_html, render_left_out, render_md

    path = Path(path)
    fmt = draft_format(path)
    if Path(draft.source).exists() and path.resolve() == Path(draft.source).resolve():
        raise DraftError(
            str(path), "the draft would overwrite the resume it was made from",
            "Choose another output name, e.g. draft.docx",
        )
    if not path.parent.is_dir():
        raise DraftError(str(path), "the output folder does not exist", "Create it or choose another path")
    office = find_libreoffice() if pdf else None
    if pdf and office is None:
        raise _no_libreoffice()  # before anything is written
    written: list[Path] = []
    try:
        if fmt == "docx":
            render_docx(draft).save(str(path))
        elif fmt == "md":
            path.write_text(render_md(draft), encoding="utf-8")
        else:
            path.write_text(render_html(draft), encoding="utf-8")
        written.append(path)
        notes = consider_path(path)
        notes.write_text(render_consider(draft, path.name), encoding="utf-8")
        written.append(notes)
        left = left_out_path(path)
        if draft.left_out:
            left.write_text(render_left_out(draft, path.name), encoding="utf-8")
            written.append(left)
    except OSError as err:
        raise DraftError(str(path), f"cannot write the draft ({err.strerror})", "Check the folder's permissions") from err
    if pdf:
        pdf_path = path.with_suffix(".pdf")
        if fmt == "docx":
            written.append(docx_to_pdf(path, pdf_path, office))
        else:
            with tempfile.TemporaryDirectory(prefix="resume-tool-draft-") as tmp:
                tmp_docx = Path(tmp) / (path.stem + ".docx")
                render_docx(draft).save(str(tmp_docx))
                written.append(docx_to_pdf(tmp_docx, pdf_path, office))
    return written

