"""Structure stage: a read ``Document`` → a ``Resume`` (contact, sections, entries)."""

from __future__ import annotations

import re
from datetime import date

from ..models import Document, Line, Resume, Section
from .contact import extract_contact
from .dates import (
    DateRange,
    chronology_key,
    date_style,
    find_date_ranges,
    parse_date_range,
    parse_point,
)
from .experience import parse_education, parse_experience, split_items, strip_bullet
from .headings import classify_heading, heading_shape, normalize_heading

__all__ = [
    "DateRange",
    "chronology_key",
    "classify_heading",
    "date_style",
    "find_date_ranges",
    "parse_date_range",
    "parse_point",
    "section_of_line",
    "structure",
]

_INLINE_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{2,40}?)\s*:\s+(\S.*)$")


def _formatted_as_heading(line: Line, body_size: float | None) -> bool:
    t = line.text.strip()
    style = (line.style or "").lower()
    if style.startswith(("heading", "title")):
        return True
    letters = [c for c in t if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    if line.bold or t.endswith(":"):
        return True
    return bool(line.font_size and body_size and line.font_size >= body_size + 1.5)


def _body_font_size(lines: list[Line]) -> float | None:
    sizes = sorted(ln.font_size for ln in lines if ln.font_size)
    return sizes[len(sizes) // 2] if sizes else None


def find_sections(lines: list[Line]) -> list[Section]:
    """Headings in reading order, each section running to the line before the next heading."""
    body_size = _body_font_size(lines)
    starts: list[tuple[int, str, str, bool]] = []
    for i, line in enumerate(lines):
        if line.source in ("header", "footer"):
            continue
        text = line.text.strip()
        if not text:
            continue
        found = classify_heading(text) if heading_shape(text.rstrip(":")) else None
        if found:
            kind, standard = found
            # a known heading word stands alone as a heading; a cue word needs heading looks
            if standard or _formatted_as_heading(line, body_size):
                starts.append((i, text.rstrip(":").strip(), kind, standard))
                continue
        m = _INLINE_HEADING.match(text)
        if m:
            inline = classify_heading(m.group(1))
            if inline and inline[1]:
                starts.append((i, m.group(1).strip(), inline[0], True))
                continue
        style = (line.style or "").lower()
        if style.startswith("heading") and heading_shape(text) and starts:
            starts.append((i, text, "other", False))
    sections: list[Section] = []
    for n, (i, heading, kind, standard) in enumerate(starts):
        last = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(lines) - 1
        while last > i and lines[last].source == "footer":
            last -= 1
        sections.append(Section(heading, kind, standard, i, last))  # type: ignore[arg-type]
    return sections


def _content(lines: list[Line], section: Section) -> list[int]:
    """Indices of a section's content lines; an inline heading's own line counts as content."""
    first = section.first_line
    inline = normalize_heading(lines[first].text) != normalize_heading(section.heading)
    start = first if inline else first + 1
    return [
        i
        for i in range(start, section.last_line + 1)
        if lines[i].text.strip() and lines[i].source not in ("header", "footer")
    ]


def section_of_line(sections: list[Section], index: int) -> Section | None:
    for s in sections:
        if s.first_line <= index <= s.last_line:
            return s
    return None


def structure(doc: Document, today: date | None = None) -> Resume:
    """Recover contact, sections, experience, education, certifications and skills."""
    today = today or date.today()
    lines = doc.lines
    sections = find_sections(lines)
    top = sections[0].first_line if sections else min(len(lines), 8)
    contact = extract_contact(lines, top)

    experience = []
    education = []
    certifications: list[str] = []
    skills: list[str] = []
    for section in sections:
        idx = _content(lines, section)
        if section.kind == "experience":
            experience.extend(parse_experience(lines, idx, today))
        elif section.kind == "education":
            education.extend(parse_education(lines, idx, today))
        elif section.kind == "certifications":
            for i in idx:
                text = strip_bullet(lines[i].text)
                inline = re.match(r"^\s*[A-Za-z &/]{2,40}:\s+(.*)$", text)
                if inline and i == section.first_line:
                    text = inline.group(1)
                if text and certifications and not lines[i].list_item and (
                    text[0] in "(,–-" or text[0].islower()
                ):
                    certifications[-1] = f"{certifications[-1]} {text}"  # a wrapped line
                elif text:
                    certifications.append(text)
        elif section.kind == "skills":
            for i in idx:
                skills.extend(split_items(lines[i].text))

    words = sum(len(line.text.split()) for line in lines)
    return Resume(
        path=doc.path,
        format=doc.format,
        pages=doc.pages,
        words=words,
        contact=contact,
        sections=sections,
        experience=experience,
        education=education,
        certifications=certifications,
        skills=skills,
        layout=list(doc.observations),
        document=doc,
    )
