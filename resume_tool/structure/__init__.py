"""Structure stage: a read ``Document`` → a ``Resume`` (contact, sections, entries)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..models import Document, Line, Resume, Section
from .contact import extract_contact, find_placeholders, guess_name
from .dates import (
    DURATION_RE,
    DateRange,
    chronology_key,
    date_style,
    find_date_ranges,
    parse_date_range,
    parse_point,
)
from .experience import (
    PAGE_MARK,
    parse_education,
    parse_experience,
    parse_linkedin_experience,
    split_items,
    strip_bullet,
)
from .headings import (
    classify_heading,
    foreign_heading,
    heading_shape,
    heading_slip,
    normalize_heading,
)
from .words import TITLE_WORDS

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


def _wrapped_heading(
    lines: list[Line], i: int, body_size: float | None
) -> tuple[str, int, str, bool] | None:
    """A heading wrapped over two or three short lines ("WORK" / "EXPERIENCE", "HONORS" /
    "AND" / "AWARDS"), as narrow left table columns and sidebars print them."""
    parts: list[str] = []
    for n in range(3):
        j = i + n
        if j >= len(lines) or lines[j].source != lines[i].source:
            break
        t = lines[j].text.strip().rstrip(":")
        if not t or len(t.split()) > 3 or not heading_shape(t) or not _formatted_as_heading(lines[j], body_size):
            break
        parts.append(t)
    for count in (3, 2):
        if len(parts) < count:
            continue
        joined = " ".join(parts[:count])
        found = classify_heading(joined)
        if not found or not found[1]:
            continue
        # each part alone must not already be a heading of its own ("EDUCATION" / "SKILLS")
        if sum(1 for p in parts[:count] if classify_heading(p) and classify_heading(p)[1]) > 1:  # type: ignore[index]
            continue
        return joined, count, found[0], True
    return None


def _run_in_heading(text: str) -> tuple[str, str, bool] | None:
    """"Experiencia Profesional GBS Intermediate AR": a two-to-four-word heading run into the
    first line of its section (pandoc and LaTeX run-in headings). Only a heading we know, every
    word capitalised, followed by a capitalised remainder."""
    words = text.split()
    for n in (4, 3, 2):
        if len(words) <= n:
            continue
        head, rest = words[:n], words[n:]
        if not all(w[:1].isupper() or w in ("&", "and", "de", "y", "of") for w in head):
            continue
        if any(w.endswith(":") for w in head):
            continue  # "Soft Skills: ..." is the inline form, read above
        if not (rest[0][:1].isupper() or rest[0][:1].isdigit()):
            continue
        phrase = " ".join(head)
        found = classify_heading(phrase)
        if found and (found[1] or foreign_heading(phrase)):
            return phrase, found[0], found[1]
    # "EDUCATION The University, City, Texas": one capitalised heading word beside its
    # content (a heading column printed on the same baseline as the section's first line)
    head, rest = words[0], " ".join(words[1:])
    if len(words) >= 3 and len(head) >= 4 and head.isupper() and re.search(r"[a-z]", rest):
        found = classify_heading(head)
        if found and found[1]:
            return head, found[0], True
    return None


def _starts_with_dates(text: str) -> bool:
    ranges = [r for r in find_date_ranges(text) if not r.single]
    return bool(ranges) and ranges[0].span[0] <= 1


def _continues_sentence(lines: list[Line], i: int) -> bool:
    """"... lifecycle management methodologies and" / "software": a lower-case word under a
    long line that does not end its sentence is the sentence's last word, not a heading."""
    text = lines[i].text.strip()
    if not text or not (text[0].isalpha() and text[0].islower()) or i == 0:
        return False
    above = lines[i - 1]
    prev = above.text.strip()
    return (
        above.source == lines[i].source
        and len(prev.split()) >= 8
        and not prev.endswith((".", ":", ";", "!", "?"))
    )


def _title_under_dated_header(lines: list[Line], i: int) -> bool:
    """"LionLike MindState, Pomona, CA | June 2012 – Present" / "Volunteer": a word right
    under an entry's dated header line is the entry's title, unless it is set in capitals
    like a heading."""
    text = lines[i].text.strip()
    if i == 0 or not text or text.isupper() or not TITLE_WORDS.search(text):
        return False  # "Educación" under a dated line is the next section all the same
    prev = lines[i - 1].text.strip()
    if lines[i - 1].source != lines[i].source or lines[i - 1].list_item or len(prev.split()) > 12:
        return False
    if heading_shape(prev.rstrip(":")) and classify_heading(prev):
        return False
    return any(not r.single for r in find_date_ranges(prev)) and not _starts_with_dates(prev)


def find_sections(lines: list[Line]) -> list[Section]:
    """Headings in reading order, each section running to the line before the next heading."""
    body_size = _body_font_size(lines)
    starts: list[tuple[int, str, str, bool]] = []
    spans: dict[int, int] = {}
    skip_to = 0
    for i, line in enumerate(lines):
        if line.source in ("header", "footer"):
            continue
        text = line.text.strip()
        if not text or (starts and i < starts[-1][0] + skip_to):
            continue
        if _continues_sentence(lines, i) or _title_under_dated_header(lines, i):
            continue
        wrapped = _wrapped_heading(lines, i, body_size)
        if wrapped:
            heading, count, kind, standard = wrapped
            starts.append((i, heading, kind, standard))
            spans[i] = count
            skip_to = count
            continue
        skip_to = 0
        found = classify_heading(text) if heading_shape(text.rstrip(":")) else None
        if found:
            kind, standard = found
            # a known heading (or one slip from one: "Educaton") stands alone as a heading; a cue
            # word needs heading looks
            if standard or _formatted_as_heading(line, body_size) or foreign_heading(text) or heading_slip(text):
                starts.append((i, text.rstrip(":").strip(), kind, standard))
                continue
        m = _INLINE_HEADING.match(text)
        if m:
            inline = classify_heading(m.group(1))
            if inline and inline[1]:
                starts.append((i, m.group(1).strip(), inline[0], True))
                continue
        runin = _run_in_heading(text)
        if runin:
            starts.append((i, runin[0], runin[1], runin[2]))
            continue
        style = (line.style or "").lower()
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if (
            style.startswith("heading")
            and heading_shape(text)
            and starts
            and " | " not in text  # "Engineer | Acme": an entry's fields, styled as a heading
            and not _starts_with_dates(nxt)  # an entry header sits right above its dates
        ):
            starts.append((i, text, "other", False))
    sections: list[Section] = []
    for n, (i, heading, kind, standard) in enumerate(starts):
        last = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(lines) - 1
        while last > i and lines[last].source == "footer":
            last -= 1
        sections.append(Section(heading, kind, standard, i, last, spans.get(i, 1)))  # type: ignore[arg-type]
    return sections


def _content(lines: list[Line], section: Section) -> list[int]:
    """Indices of a section's content lines; an inline heading's own line counts as content."""
    first = section.first_line
    heading_lines = getattr(section, "heading_lines", 1)
    inline = heading_lines == 1 and normalize_heading(lines[first].text) != normalize_heading(section.heading)
    start = first if inline else first + heading_lines
    return [
        i
        for i in range(start, section.last_line + 1)
        if lines[i].text.strip()
        and lines[i].source not in ("header", "footer")
        and not PAGE_MARK.match(lines[i].text)
    ]


def is_linkedin(lines: list[Line]) -> bool:
    """A LinkedIn "Save to PDF" export: "Page 1 of N" footers and "May 2018 - January 2020
    (1 year 9 months)" date lines, with a Contact / Top Skills sidebar."""
    pages = sum(1 for ln in lines if re.fullmatch(r"Page \d+ of \d+", ln.text.strip()))
    dated = sum(
        1
        for ln in lines
        if ln.text.rstrip().endswith(")")
        and DURATION_RE.search(ln.text)
        and any(not r.single for r in find_date_ranges(ln.text))
    )
    return pages >= 1 and dated >= 1 and lines[0].text.strip() in ("Contact", "Contactar", "Способы связаться", "Coordonnées", "Kontakt", "Contato", "Top Skills")


def _largest_font_name(lines: list[Line]) -> str | None:
    """The person's name where a layout prints it largest (LinkedIn, designed CVs)."""
    sized = [ln for ln in lines[:60] if ln.font_size]
    if not sized:
        return None
    top = max(ln.font_size or 0 for ln in sized)
    body = _body_font_size(lines)
    if body is None or top < body + 2:
        return None  # one size throughout: size says nothing about the name
    for n, ln in enumerate(sized):
        if ln.font_size == top:
            # "Алина" / "Шайхутдинова": a big name may be set over two lines
            parts = [ln.text.strip()]
            for nxt in sized[n + 1 : n + 3]:
                if nxt.font_size != top or len(nxt.text.split()) > 2:
                    break
                parts.append(nxt.text.strip())
            return guess_name(ln.text) or guess_name(" ".join(parts))
    return None


def detect_language(lines: list[Line], sections: list[Section]) -> str | None:
    """The language a resume is written in when it is not English, from its headings or script."""
    votes: dict[str, int] = {}
    texts = {i: ln.text.strip().rstrip(":") for i, ln in enumerate(lines)}
    texts.update({s.first_line: s.heading for s in sections})  # run-in headings count too
    for text in texts.values():
        found = foreign_heading(text)
        if found:
            votes[found[1]] = votes.get(found[1], 0) + 1
    english = sum(1 for s in sections if s.standard)
    if votes:
        lang, n = max(votes.items(), key=lambda kv: kv[1])
        if n >= 2 and n > english:
            return lang
    letters = [c for ln in lines for c in ln.text if c.isalpha()]
    if len(letters) >= 200:
        cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
        cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff")
        if cyr / len(letters) > 0.3:
            return "Russian (Cyrillic script)"
        if cjk / len(letters) > 0.2:
            return "Chinese"
    return None


def section_of_line(sections: list[Section], index: int) -> Section | None:
    for s in sections:
        if s.first_line <= index <= s.last_line:
            return s
    return None


def _roles_only(found: list, before: list) -> list:
    """A second "Experience" section of skill paragraphs (a functional resume's "Customer
    Service", "Data Reporting") is not a list of jobs: with dated roles elsewhere, a section
    with no dates and no entry naming both a title and an employer adds no roles."""
    if not found or not any(e.start for e in before):
        return found
    if any(e.start or e.date_text or (e.title and e.employer) for e in found):
        return found
    return []


def structure(doc: Document, today: date | None = None) -> Resume:
    """Recover contact, sections, experience, education, certifications and skills."""
    today = today or date.today()
    lines = doc.lines
    sections = find_sections(lines)
    # a "Contact" section (sidebar or table cell) is part of the top block, not its end
    top = next((s.first_line for s in sections if s.kind != "contact"), None)
    if top is None:
        top = min(len(lines), 8)
    contact = extract_contact(lines, top)
    linkedin = is_linkedin(lines)
    if linkedin or contact.name is None:
        big = _largest_font_name(lines)
        if big and (linkedin or contact.name is None):
            where = next((ln.source for ln in lines if guess_name(ln.text) == big), "body")
            contact.name = big
            contact.found_in["name"] = where

    # a run-in heading's line is read without the heading words ("Experiencia Profesional
    # GBS Intermediate AR" → "GBS Intermediate AR"); the document itself is never changed
    view = list(lines)
    for sec in sections:
        t = lines[sec.first_line].text.strip()
        if sec.heading_lines == 1 and t != sec.heading and t.startswith(sec.heading + " "):
            view[sec.first_line] = replace(lines[sec.first_line], text=t[len(sec.heading) :].strip())
    experience = []
    education = []
    certifications: list[str] = []
    skills: list[str] = []
    for section in sections:
        idx = _content(lines, section)
        if section.kind == "experience":
            parse = parse_linkedin_experience if linkedin else parse_experience
            experience.extend(_roles_only(parse(view, idx, today), experience))
        elif section.kind == "education":
            education.extend(parse_education(view, idx, today))
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
        layout_family="linkedin" if linkedin else None,
        language=detect_language(lines, sections),
        placeholders=find_placeholders(lines),
    )
