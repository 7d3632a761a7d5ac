"""Experience and education entries from the lines of their sections.

Resumes put the same facts in many shapes ("Coder | Clinic | 2019 – Present",
title and dates on one line and employer on the next, dates on a line of their
own ...). We group a section's lines into entries: a run of short *header*
lines (title, employer, location, dates) followed by *bullets*. A new header
after bullets, or a second date range, opens the next entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise

from ..models import EducationEntry, ExperienceEntry, Line
from .contact import LOCATION_RE, REMOTE_RE, UK_LOCATION_RE
from .dates import (
    DURATION_RE,
    DateRange,
    find_date_ranges,
    looks_dated,
    wrapped_date,
)
from .dates import (
    MONTH_NAME as _MONTH_NAME,
)
from .words import ORG_WORDS, TITLE_WORDS

DEGREE_WORDS = re.compile(
    r"\b(associate|associate's|bachelor|bachelor's|master|master's|doctor|ph\.?d|diploma|"
    r"certificate|a\.a\.s|a\.s|a\.a|b\.s|b\.a|m\.s|m\.b\.a|mba|aas|bsc|msc|ged|high school|"
    r"degree|program|course|b\.tech|m\.tech|hnd|btec|nvq|gcse|a-levels?)\b",
    re.IGNORECASE,
)
SCHOOL_WORDS = re.compile(
    r"\b(university|college|institute|school|academy|polytechnic|community college)\b",
    re.IGNORECASE,
)
# The whitespace before a separator is taken whole (``\s*(?!\s)``) and what it ends with is
# read by look-behinds: "\s*(?:\s{3,}|…)\s*" split a run of spaces three ways (cubic).
# Same splits: a tab or 3+ spaces; a spaced dash; "|", "•", "·"; ", " before "City, ST".
_FIELD_SPLIT = re.compile(
    r"\s*(?!\s)(?:[|•·]\s*|,\s(?=[A-Z][a-z]+\s?,\s?[A-Z]{2}\b)\s*)"
    r"|\s+(?!\s)(?:(?<=\t)|[–—-](?:\s+|(?=[A-Z]))|(?<=\t\s)|(?<=\s\s\s))"
)
# With "|" or a tab on the line, a spaced dash belongs to the title ("Director – IT Operations |
# Nov 2010 – May 2012"); without them it separates fields ("Coder – Acme Clinic").
_FIELD_SPLIT_PIPED = re.compile(
    r"\s*(?!\s)(?:[|•·]\s*|,\s(?=[A-Z][a-z]+\s?,\s?[A-Z]{2}\b)\s*)|\s+(?!\s)(?:(?<=\t)|(?<=\t\s)|(?<=\s\s\s))"
)
_BULLET_LEAD = re.compile(r"^\s*(?:[-*•·▪■●◦‣⁃>]|\d{1,2}[.)])\s+")


def is_bullet(line: Line) -> bool:
    """A bullet or a sentence of prose rather than an entry header."""
    t = line.text.strip()
    if line.list_item or _BULLET_LEAD.match(t):
        return True
    words = t.split()
    if len(words) >= 14 and "|" not in t and not find_date_ranges(t):
        return True
    # a full stop ends a sentence, not "| June 2015 – Dec." on a header line
    return t.endswith(".") and len(words) >= 6 and "|" not in t


def strip_bullet(text: str) -> str:
    return _BULLET_LEAD.sub("", text).strip()


def _location_in(text: str) -> str | None:
    """The last "City, ST" on the line: places come after titles and employers."""
    found = list(LOCATION_RE.finditer(text)) or list(UK_LOCATION_RE.finditer(text))
    if found:
        return found[-1].group(0).strip()
    m = REMOTE_RE.search(text)
    return m.group(0) if m else None


_COUNTRY = re.compile(
    r"^(?:usa|u\.s\.a?\.?|us|united states(?: of america)?|uk|united kingdom|england|scotland|"
    r"wales|ireland|canada|india|australia|germany|france|spain|italy|brazil|brasil|mexico|"
    r"uruguay|portugal|netherlands|remote)$",
    re.IGNORECASE,
)


_QUALIFIER = re.compile(
    r"\b(desk|department|unit|floor|ward|call cent(?:er|re)|operations|team)\b", re.IGNORECASE
)


def _comma_split(part: str) -> list[str]:
    """"Senior Medical Coder, Riverbend Medical Group" → title and employer, when the words say so.

    "Alpine Technologies, Director of Operations" and "Data Scientist, Uber, San Francisco,
    USA" split too; "Supervisor, Front Desk & Call Center" (a title with a comma) does not.
    """
    if "," not in part:
        return [part]
    pieces = [x.strip() for x in _top_level_commas(part) if x.strip()]
    if len(pieces) < 2:
        return pieces or [part]
    titled = [x for x in pieces if TITLE_WORDS.search(x) and not _organisation(x)]
    has_org = any(_organisation(x) for x in pieces)
    # "Supervisor, Front Desk & Call Center": a one-word title qualified after a comma
    if (
        len(pieces) == 2
        and len(pieces[0].split()) == 1
        and pieces[0] in titled
        and _QUALIFIER.search(pieces[1])
    ):
        return [part]
    if titled and has_org:
        return pieces
    orgs = [x for x in pieces if _organisation(x)]
    if len(pieces) == 2 and len(orgs) == 1:
        return pieces  # "Relay for Life, Kent State University"
    if len(pieces) == 2 and titled and any(_proper_name(x) or _brand(x) for x in pieces if x not in titled):
        return pieces
    if len(pieces) >= 3 and titled and any(_COUNTRY.match(x) for x in pieces[1:]):
        return pieces  # "Title, Employer, City, USA"
    if len(pieces) >= 3 and pieces[0] in titled and not any(x in titled for x in pieces[1:]):
        # "Analytical Lead, Medicines Analysis Team, NHSEI": the title, then where
        return [pieces[0], ", ".join(pieces[1:])]
    return [part]


def _top_level_commas(text: str) -> list[str]:
    """Split at commas outside parentheses: "Group Ltd. (Toronto, Canada)" stays whole."""
    out, buf, depth = [], [], 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            out.append("".join(buf))
            buf, depth = [], 0
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def _brand(text: str) -> bool:
    """"OpenAI", "NVIDIA Research", "eightroom": a short name with no title word."""
    words = text.split()
    return 1 <= len(words) <= 4 and not TITLE_WORDS.search(text) and not text[:1].islower()


def _organisation(text: str) -> bool:
    """"Ozark Medical Billing Services": an organisation word, last or with no title word."""
    words = text.split()
    return bool(words) and bool(ORG_WORDS.search(text)) and (
        not TITLE_WORDS.search(text) or bool(ORG_WORDS.fullmatch(words[-1]))
    )


def _proper_name(text: str) -> bool:
    words = [w for w in text.split() if w not in ("&", "and", "of", "the")]
    return bool(words) and all(w[:1].isupper() for w in words) and not TITLE_WORDS.search(text)


def _fields(text: str, piped: bool | None = None) -> list[str]:
    if piped is None:
        piped = "|" in text.strip(" |")
    splitter = _FIELD_SPLIT_PIPED if piped else _FIELD_SPLIT
    parts = [p.strip(" ,;:|-–—") for p in splitter.split(text)]
    if piped:  # "Senior Software Engineer - Acme Corp | 2021": the dash parts a title from an org
        split: list[str] = []
        for p in parts:
            bits = [b.strip() for b in re.split(r"\s[–—-]\s", p)]
            if len(bits) > 1 and any(_organisation(b) for b in bits) and any(
                TITLE_WORDS.search(b) and not _organisation(b) for b in bits
            ):
                split.extend(bits)
            else:
                split.append(p)
        parts = split
    orgs = [p for p in parts if p and "," not in p and _organisation(p)]
    if not (piped and orgs):
        # "Staff Scientist II, Group Leader | Gladstone Institutes": the pipes already part the
        # fields, so a comma inside one is part of it
        parts = [x for p in parts for x in _comma_split(p)]
    # anonymised resume sites write "Title Company Name - City , State" on one line
    parts = [x.strip() for p in parts for x in re.split(r"\s(?=Company Name\b)", p)]
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        # "Medical Coder at Acme Clinic"
        m = re.match(r"(.+?)\s+at\s+(.+)$", p)
        if m and TITLE_WORDS.search(m.group(1)):
            out.extend([m.group(1).strip(), m.group(2).strip()])
        else:
            out.append(p)
    return out


_OWN_LINE = " \u2016"  # marks a header line that stood on its own with dates
_ANON = re.compile(r"\b(Company Name|City\s*,\s*State)\b")
_EMPTY_PARENS = re.compile(r"\(\s*[\W]*\s*\)|\[\s*[\W]*\s*\]")  # "[ 01/07/2021 – 25/09/2021 ]" (Europass)


def clean_header(text: str) -> str:
    """A header line without durations ("(1 year 9 months)") or parentheses left empty by dates."""
    text = DURATION_RE.sub(" ", text.replace(_OWN_LINE, " "))
    text = _EMPTY_PARENS.sub(" ", text)
    return re.sub(r"\s{2,}", " ", text).strip(" ,;|-–—")


def _assign(entry: ExperienceEntry, header_texts: Sequence[str]) -> None:
    """Fill title, employer and location from the header lines (dates already removed)."""
    fields: list[str] = []
    placed: str | None = None  # "IBM" of "IBM, Research Triangle Park, NC": a name, then its place
    for raw in _rejoin_wrapped(header_texts):
        text = clean_header(raw)
        piped = "|" in raw or "\t" in raw
        loc = _location_in(text)
        if loc and entry.location is None:
            entry.location = loc
            text = text.replace(loc, " ")
        # anonymised resume sites write "Company Name City , State Title" on one line
        text = _ANON.sub(lambda m: f" | {m.group(1)} | ", text)
        text = _ORG_UNIT.sub(_keep_org_unit, text)
        got = [f for f in _fields(text, piped) if f and not re.fullmatch(r"[\W\d]*", f)]
        if "•" in raw:
            got = _bulleted_titles(got)
        if loc and len(got) == 1 and not fields and not TITLE_WORDS.search(got[0]):
            placed = got[0].replace(_UNIT_DASH, " ")
        fields.extend(got)
    fields = [f.replace(_UNIT_DASH, " ") for f in fields]
    # "Company Name － City , State" (anonymised livecareer texts)
    fields = [f for f in fields if f.lower() not in ("city , state", "city, state", "city")]
    places = [f for f in fields if _COUNTRY.match(f)]
    fields = [f for f in fields if not _COUNTRY.match(f)]
    title = next((f for f in fields if TITLE_WORDS.search(f) and not ORG_WORDS.search(f)), None)
    if title is None:
        title = next((f for f in fields if TITLE_WORDS.search(f) and not _organisation(f)), None)
    if title is None:
        title = next((f for f in fields if TITLE_WORDS.search(f)), None)
    rest = [f for f in fields if f is not title and f.lower() != (title or "").lower()]
    employer = placed if placed in rest else None
    if employer is None:
        employer = next((f for f in rest if _organisation(f) or f.lower() == "company name"), None)
    if employer is None:
        employer = next((f for f in rest if not TITLE_WORDS.search(f)), None)
    if employer is None and rest:
        employer = rest[0]
    if title is None and rest:
        others = [f for f in rest if f is not employer]
        title = others[0] if others else None
        if (
            title is not None
            and employer is rest[0]
            and not _organisation(employer)
            and employer.lower() != "company name"
        ):
            # no word tells which is which: "Title | Employer" is how most resumes write it
            title, employer = employer, title
    if entry.location is None:
        spare = [f for f in rest if f is not employer and f is not title and _proper_name(f)]
        if places and len(rest) >= 2 and spare:
            entry.location = ", ".join([spare[-1], places[-1]])
    entry.title = title
    entry.employer = employer


# "(?<![^|,–—])": a match starts where a field starts, as the leftmost match always does; without
# it every position of a long field is tried again (quadratic)
_ORG_UNIT = re.compile(r"(?<![^|,–—])([^|,–—]+?)\s([–—-])\s([^|,–—]+)")
_UNIT_DASH = "\u2011"  # a non-breaking hyphen: no field splitter parts at it


def _keep_org_unit(m: re.Match[str]) -> str:
    """"North Carolina State University – Gymnastics Camps", "Government of Ontario – Ministry
    of Culture": an organisation, a dash and a named unit of it (no title word) are one
    employer, not an employer and a title."""
    org, dash, unit = m.group(1).strip(), m.group(2), m.group(3).strip()
    bare = re.sub(r"\(.*$", " ", unit).strip()  # "Ministry of Culture (Toronto" before a comma
    if (
        _organisation(org)
        and not TITLE_WORDS.search(org)
        and bare
        and _proper_name(bare)
        and not _location_in(bare)
        and not _COUNTRY.match(bare)
        and not re.search(r"\s[A-Z]{2}$", bare)  # "Raleigh NC": a place written without its comma
    ):
        return f"{m.group(1)}{_UNIT_DASH}{dash}{_UNIT_DASH}{m.group(3)}"
    return m.group(0)


def _bulleted_titles(parts: list[str]) -> list[str]:
    """"Retail assistant • Duty manager • Iceland Frozen Foods": the titles a "•" line lists
    before its employer are one title; "Butcher • butcher" names one."""
    out: list[str] = []
    for n, p in enumerate(parts):
        prev = out[-1] if out else None
        last = n == len(parts) - 1 and n > 0  # the employer's place on the line
        if prev is not None and not last and TITLE_WORDS.search(p) and not _organisation(p) and TITLE_WORDS.search(prev) and not _organisation(prev):
            if p.lower() not in (x.strip().lower() for x in prev.split("•")):
                out[-1] = f"{prev} • {p}"
            continue
        if prev is not None and p.lower() == prev.lower():
            continue  # "Butcher • butcher"
        out.append(p)
    return out


def _rejoin_wrapped(texts: Sequence[str]) -> list[str]:
    """A short name fragment on its own line finishes the line above it.

    Narrow PDF columns wrap "Billing Specialist, Hudson Valley Medical" / "Associates".
    """
    out: list[str] = []
    for raw in texts:
        text = raw.strip(" |,-–—")
        words = text.split()
        fragment = (
            _OWN_LINE not in raw
            and out
            and len(words) <= 3
            and (_proper_name(text) or _organisation(text))
            and not _location_in(text)
            and not out[-1].rstrip().endswith(("|", ",", "-", "–", "—"))
            # only a line that already names an employer can have wrapped: "AWS DevOps
            # Engineer" / "S&P Global" are two fields, "Billing Specialist, Hudson Valley
            # Medical" / "Associates" one
            and bool(re.search(r",\s|\s\|\s|\sat\s|\s[–—-]\s", out[-1]))
        )
        if fragment or (_OWN_LINE not in raw and "|" not in raw and out and _wrapped_title(out[-1], text)):
            out[-1] = f"{out[-1].rstrip()} {text}"
        else:
            out.append(raw)
    return out


_LAST_DASH_FIELD = re.compile(r"\s[–—-]\s?([A-Z][\w&/.]*(?:\s[A-Z][\w&/.]*){0,2})$")


def _wrapped_title(above: str, text: str) -> bool:
    """"Squeeze Media, Orem, Utah — Business Development" / "Representative": a title word
    alone on a line finishes the title that the dash put last on the line above."""
    words = text.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    if not TITLE_WORDS.fullmatch(words[-1]) or _location_in(text) or find_date_ranges(text):
        return False
    m = _LAST_DASH_FIELD.search(above.rstrip())
    return m is not None and not find_date_ranges(above) and not _location_in(m.group(1))


_ABBREV_END = re.compile(r"\b(?:inc|co|corp|ltd|llc|jr|sr|st|dept|assn|bros|u\.s|[A-Z])\.$", re.I)


def _sentence_end(text: str) -> bool:
    return text.endswith(".") and not _ABBREV_END.search(text)


def _header_line(line: Line) -> bool:
    """An entry header names a title, an employer, a place or dates; prose does not."""
    text = line.text.strip()
    words = text.split()
    if is_bullet(line):
        return False
    if text[:1].islower() and not ("|" in text and find_date_ranges(text)):
        return False  # "eightroom | Montevideo | Dec 2021 – Present" is a header all the same
    if len(words) > 20 and not (len(words) <= 32 and any(not r.single for r in find_date_ranges(text))):
        return False
    if _sentence_end(text) and not find_date_ranges(text):
        return False  # "Assisted General Manager." is something they did, not a header
    lower = sum(1 for w in words if w[:1].islower())
    if len(words) >= 10 and lower >= 0.4 * len(words) and re.search(r"[a-z]{4,}\.\s+[A-Z]", text):
        return False  # "(Worked from 2018 until 2020 every summer)Managing reservations. Managing
        # staff and": a sentence ends inside the line, so it is prose, dates or not
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    if len(words) >= 6 and capitalised / len(words) < 0.5 and not find_date_ranges(text):
        return False  # a sentence of prose, not "Title | Employer | Dates"
    return bool(
        looks_dated(text)
        or TITLE_WORDS.search(text)
        or ORG_WORDS.search(text)
        or _location_in(text)
        or text.lower() in ("company name", "city , state")
    )


def parse_experience(
    lines: Sequence[Line], indices: Sequence[int], today: date | None = None
) -> list[ExperienceEntry]:
    """Entries from the lines of one experience section (``indices`` into the document)."""
    today = today or date.today()
    entries: list[ExperienceEntry] = []
    current: ExperienceEntry | None = None
    headers: list[str] = []
    seen_bullets = False
    stray: list[int] = []  # lines of bullets that belong to no role
    first_bold = False  # the line that opened the current entry was bold
    tail: list[tuple[int, str]] = []  # short plain lines last added as bullets

    def close() -> None:
        nonlocal current, headers, stray
        if current is not None:
            _assign(current, headers)
            # an entry is a role: a title, an employer or dates in a header position; bullets
            # alone (an overview paragraph under the heading) are not one
            if current.title or current.employer or current.start or current.date_text:
                entries.append(current)
            elif current.bullets:
                stray.extend(current.lines)
        current, headers = None, []

    unwrapped = _unwrapped(lines, indices)
    next_line = {a[0]: b[1] for a, b in pairwise(unwrapped)}
    for idx, line in unwrapped:
        text = line.text.strip()
        if not text:
            continue
        if DURATION_RE.fullmatch(text):
            if current is not None:
                current.lines.append(idx)  # "5 years 3 months": a total, not a header or bullet
            continue
        after_dates = (
            current is not None
            and current.start is not None
            and not headers
            and not seen_bullets
            and not is_bullet(line)
            and len(text.split()) <= 12
            and not _sentence_end(text)
        )
        nxt = next_line.get(idx)
        # "S&P Global" under "AWS DevOps Engineer", before the dates: one more header line
        name_line = (
            current is not None
            and not seen_bullets
            and bool(headers)
            and current.start is None
            and _short_name(line)
        )
        # "Unbabel" (bold) above "October 2019 - Present": the next entry's employer
        employer_above = (
            (_short_name(line) or (" | " in text and line.bold and _fieldish(text)))
            and (line.bold or seen_bullets)
            and nxt is not None
            and _date_only_line(nxt.text, today)
        )
        # "CTO" / "eightroom | Dec 2021 – Present" / "Managing Director" / "Speedy.io | Jan 2020 –
        # Dec 2021": after a dated entry, an undated header followed by a dated line opens the next
        opens_next = (
            current is not None
            and current.start is not None
            and bool(headers)
            and not seen_bullets
            and nxt is not None
            and not is_bullet(nxt)
            and any(not r.single for r in find_date_ranges(nxt.text, today))
            and not find_date_ranges(text, today)
            and len(headers) >= 2  # the entry already has its title and its employer line
            and bool(TITLE_WORDS.search(text))
            and _header_line(line)
        )
        # "Electronics Team Member" (bold, like the title that opened the entry) right after
        # the entry's dates: the next role, even with no bullets in between
        bold_title_again = (
            current is not None
            and current.start is not None
            and bool(headers)
            and not seen_bullets
            and len(headers) >= 2
            and line.bold
            and first_bold
            and not _location_in(text)
            and not find_date_ranges(text, today)
            and (_header_line(line) or (_fieldish(text) and not is_bullet(line)))
        )
        if (
            (employer_above and current is not None and (seen_bullets or current.start is not None))
            or opens_next
            or bold_title_again
        ):
            close()
            current = ExperienceEntry(None, None, None, None, None)
            seen_bullets = False
        # "United States Coast Guard" (bold) opening the section above "US Department of
        # Homeland Security": a name with no title or organisation word still heads the role
        opens_section = (
            current is None
            and line.bold
            and _short_name(line)
            and nxt is not None
            and not is_bullet(nxt)
            and _header_line(nxt)
        )
        if after_dates or name_line or employer_above or bold_title_again or opens_section or _header_line(line):
            ranges = [r for r in find_date_ranges(text, today)]
            dr: DateRange | None = next((r for r in ranges if not r.single), None) or (
                ranges[0] if ranges else None
            )
            starts_new = current is None or seen_bullets or (dr is not None and current.start)
            moved: list[tuple[int, str]] = []
            if starts_new and current is not None and dr is not None:
                # "GBS Intermediate AR" / "UPS — Medellín, Colombia" / "2024": the short plain
                # lines just above a date line head the next role, not the last one's bullets
                # "Webhelp (para Avianca) — 2024" needs its title; "Lecturer, 2008" does not
                room = 2 if _date_only_line(text, today) else 0 if TITLE_WORDS.search(text) else 1
                while tail and len(moved) < room and current.bullets and current.lines:
                    t_idx, t_text = tail.pop()
                    if current.lines[-1] != t_idx or current.bullets[-1] != t_text:
                        break
                    if room == 1 and len(t_text.split()) > 5:
                        break  # a title is short; "Strong clinical background using EMR" is not one
                    current.bullets.pop()
                    current.lines.pop()
                    moved.insert(0, (t_idx, t_text))
                if moved and not current.bullets:
                    seen_bullets = False
            if starts_new:
                close()
                current = ExperienceEntry(None, None, None, None, None)
                seen_bullets = False
                for t_idx, t_text in moved:
                    current.lines.append(t_idx)
                    headers.append(t_text)
            tail = []
            assert current is not None
            if not current.lines:
                first_bold = line.bold
            current.lines.append(idx)
            if dr is not None and current.start is None:
                current.start = dr.start
                current.end = dr.end if not dr.single else dr.start
                current.date_text = dr.raw
                current.problems.extend(dr.problems)
                # the dates stood between two fields: keep them apart
                text = (text[: dr.span[0]] + " | " + text[dr.span[1] :]).strip(" |")
                text = _EMPTY_PARENS.sub(" ", text).strip(" |")  # "[ dates ] Intern": no field left of it
                if "|" in line.text or "\t" in line.text:
                    text += " |"  # remember the line was laid out with separators
                if len(re.findall(r"\w+", text)) >= 2:
                    # "Acme Hospital | 2019 – 2021" is a header of its own; a lone "Associates |
                    # Sept 2021" may still finish the name wrapped above it
                    text += _OWN_LINE
            elif dr is None and looks_dated(text) and not TITLE_WORDS.search(text):
                if "date-unparsed" not in current.problems:
                    current.problems.append("date-unparsed")
                    current.date_text = text
                continue
            if text:
                headers.append(text)
        else:
            if current is None:
                current = ExperienceEntry(None, None, None, None, None)
            current.lines.append(idx)
            body = strip_bullet(text)
            if current.bullets and text[:1].islower() and not lines[idx].list_item:
                current.bullets[-1] = f"{current.bullets[-1]} {body}"  # a wrapped line
                tail = []
            else:
                current.bullets.append(body)
                plain = not line.list_item and not _BULLET_LEAD.match(text)
                if plain and len(body.split()) <= 8 and not _sentence_end(body) and not body.endswith(":"):
                    tail.append((idx, body))
                else:
                    tail = []
            seen_bullets = True
    close()
    entries = _employer_groups(entries, lines, today)
    entries = _merge_strays(entries, lines)
    entries = _drop_item_lists(entries, lines)
    for entry in entries:
        if entry.start is None and "date-unparsed" not in entry.problems:
            entry.problems.append("date-unparsed")
    return entries


def _short_name(line: Line) -> bool:
    """A short capitalised line that names something ("S&P Global", "Unbabel"), not a sentence."""
    t = line.text.strip()
    words = t.split()
    if not 1 <= len(words) <= 5 or is_bullet(line) or _sentence_end(t) or t.endswith(":"):
        return False
    if find_date_ranges(t):
        return False
    if line.bold and len(words) <= 4:
        return True  # a bold brand in lower case ("everis centers", "eightroom")
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w in ("&", "of", "and", "the", "for"))
    return caps == len(words)


def _fieldish(text: str) -> bool:
    """"Инженер-программист | АО «Субмикрон»": short fields, not a sentence."""
    return len(text.split()) <= 12 and not _sentence_end(text) and not find_date_ranges(text)


def _date_only_line(text: str, today: date) -> bool:
    """Dates alone, dates and a place, or a line that starts with its dates (Europass)."""
    ranges = find_date_ranges(text, today)
    if not ranges:
        return False
    dr = ranges[0]
    if not dr.single and dr.span[0] <= 1:
        return True
    rest = clean_header(text[: dr.span[0]] + " " + text[dr.span[1] :])
    return not re.sub(r"[\W\d]+", "", rest) or bool(_location_in(rest) and len(rest.split()) <= 4)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";"))


_CUT_MONTH = re.compile(
    rf"(?:19|20)\d\d\s*[–—-]\s*({_MONTH_NAME})\.?\s*(?=\||$)", re.IGNORECASE
)
_LEAD_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\b\s*\|?\s*")


def _unwrapped(lines: Sequence[Line], indices: Sequence[int]) -> list[tuple[int, Line]]:
    """The section's lines, with a date range cut by a line break put back together."""
    out: list[tuple[int, Line]] = []
    skip = False
    carried: Line | None = None  # the next line, its leading year given back to the line above
    for n, idx in enumerate(indices):
        if skip:
            skip = False
            continue
        line = carried or lines[idx]
        carried = None
        nxt = lines[indices[n + 1]] if n + 1 < len(indices) else None
        if nxt is not None and not is_bullet(line) and wrapped_date(line.text, nxt.text):
            line = replace(line, text=f"{line.text.rstrip()} {nxt.text.strip()}")
            skip = True
        elif nxt is not None and not is_bullet(line):
            # two-column PDFs: "September 2013 – January | Consultant" / "2016 | Caixa Geral"
            cut = _CUT_MONTH.search(line.text)
            year = _LEAD_YEAR.match(nxt.text) if cut else None
            if cut and year:
                t = line.text
                line = replace(line, text=f"{t[: cut.end(1)]} {year.group(1)}{t[cut.end(1) :]}")
                carried = replace(nxt, text=nxt.text[year.end() :].strip())
        out.append((idx, line))
    return out


def _within(inner: ExperienceEntry, outer: ExperienceEntry) -> bool:
    """``inner``'s dates lie inside ``outer``'s ("YYYY-MM" and "YYYY" compare as text)."""
    if not (inner.start and outer.start and inner.end and outer.end):
        return False
    if inner.start[: len(outer.start)] < outer.start:
        return False
    if outer.end == "present":
        return True
    return inner.end != "present" and inner.end[: len(outer.end)] <= outer.end


def _employer_groups(
    entries: list[ExperienceEntry], lines: Sequence[Line], today: date
) -> list[ExperienceEntry]:
    """"Company Name, Location | Jun 2022 – Present" over "Position, City, State, Jun 2023 –
    Present" and "Position, ... Jun 2022 – Aug 2022": one employer's overall span, then its
    roles, each with dates inside that span. The company line is no role of its own: it names
    the employer of the roles under it (where they name none) and its lines join the first.
    """
    out: list[ExperienceEntry] = []
    group: tuple[ExperienceEntry, str] | None = None
    for n, e in enumerate(entries):
        nxt = entries[n + 1] if n + 1 < len(entries) else None
        texts = [lines[i].text.strip() for i in e.lines]
        heads = (
            e.start is not None
            and not e.bullets
            and nxt is not None
            and _within(nxt, e)
            and (nxt.title is None or nxt.employer is None)
            and nxt.lines[:1] != []
            and bool(find_date_ranges(lines[nxt.lines[0]].text, today))
            and not any(TITLE_WORDS.search(t) for t in texts)
        )
        if heads:
            first = texts[0]
            dr = next(iter(find_date_ranges(first, today)), None)
            if dr is not None:
                first = first[: dr.span[0]] + " " + first[dr.span[1] :]
            name = re.split(r"\s*[,|]\s*", clean_header(first).strip(" ,|"))[0].strip()
            if name:
                group = (e, name)
                nxt.lines[:0] = e.lines
                continue
        if group is not None and not _within(e, group[0]):
            group = None
        if group is not None and (e.title is None or e.employer is None):
            if e.title is None:
                e.title = e.employer
            e.employer = group[1]
        out.append(e)
    return out


def _merge_strays(entries: list[ExperienceEntry], lines: Sequence[Line]) -> list[ExperienceEntry]:
    """Fold a dateless, titleless "entry" into the one before it when its neighbours are dated.

    It is a wrapped bullet line that happened to start with a capital ("Systems and web
    application"), not a job.
    """
    if sum(1 for e in entries if e.start) < 2:
        return entries
    out: list[ExperienceEntry] = []
    for e in entries:
        # "Coding Instructor" / "Coding with Kids - Austin, TX": a title, an employer and a
        # place make a role even with no dates
        full_header = bool(e.title and e.employer and e.location) and all(
            len(lines[i].text.split()) <= 8 and ":" not in lines[i].text for i in e.lines
        )
        dateless = e.start is None and "date-unparsed" not in e.problems and not full_header
        stray = dateless and (
            e.title is None or not e.bullets or not _ends_sentence(out[-1].bullets[-1] if out and out[-1].bullets else ".")
        )
        if stray and out and out[-1].bullets:
            prev = out[-1]
            header_text = " ".join(
                lines[i].text.strip() for i in e.lines if strip_bullet(lines[i].text) not in e.bullets
            )
            if header_text:
                prev.bullets[-1] = f"{prev.bullets[-1]} {header_text}"
            prev.bullets.extend(e.bullets)
            prev.lines.extend(e.lines)
            continue
        out.append(e)
    return out


def _drop_item_lists(entries: list[ExperienceEntry], lines: Sequence[Line]) -> list[ExperienceEntry]:
    """A dateless run of short items before the first dated role is a skill list, not a job.

    Two-column templates let a skills column bleed under the "Work History" heading
    ("MS Office expert", "Supervisory training", ...).
    """
    dated = [e for e in entries if e.start]
    if len(dated) < 2 or not entries or entries[0].start or entries[0].problems:
        return entries
    first = entries[0]
    texts = [lines[i].text.strip() for i in first.lines]
    short = all(len(t.split()) <= 7 and not find_date_ranges(t) for t in texts)
    if short and first.employer is None and (len(texts) >= 3 or first.title is None):
        return entries[1:]
    return entries


def parse_education(
    lines: Sequence[Line], indices: Sequence[int], today: date | None = None
) -> list[EducationEntry]:
    """Degree, school and dates; one entry per degree or school line."""
    today = today or date.today()
    entries: list[EducationEntry] = []
    current: EducationEntry | None = None
    for idx in indices:
        text = strip_bullet(lines[idx].text)
        if not text:
            continue
        dr = next(iter(find_date_ranges(text, today)), None)
        bare = text
        if dr is not None:
            bare = (text[: dr.span[0]] + " " + text[dr.span[1] :]).strip(" ,|-–—")
        degree = DEGREE_WORDS.search(bare)
        school = SCHOOL_WORDS.search(bare)
        parts = [p for p in _fields(bare) if p]
        if degree or school:
            new_needed = current is None or (degree and current.degree) or (
                school and current.school and not degree
            )
            if new_needed:
                current = EducationEntry(degree=None, school=None, text="")
                entries.append(current)
            assert current is not None
            for p in parts:
                if current.degree is None and DEGREE_WORDS.search(p) and not SCHOOL_WORDS.search(p):
                    current.degree = p
                elif current.school is None and SCHOOL_WORDS.search(p):
                    current.school = p
            if current.degree is None and degree and not school:
                current.degree = bare
            current.text = (current.text + " " + text).strip()
        elif current is not None:
            current.text = (current.text + " " + text).strip()
        if dr is not None and current is not None and current.start is None:
            current.start = dr.start if not dr.single else None
            current.end = dr.end if not dr.single else dr.start
    return entries


def split_items(text: str) -> list[str]:
    """Skills written as "A, B; C | D" → ["A", "B", "C", "D"], as written."""
    text = strip_bullet(text)
    if ":" in text and len(text.split(":", 1)[0].split()) <= 4:
        text = text.split(":", 1)[1]  # "Code sets: ICD-10-CM, CPT"
    parts: list[str] = []
    depth, buf = 0, []
    for ch in text + ",":
        depth += (ch in "([") - (ch in ")]")
        if depth <= 0 and ch in ",;|•·▪\t":
            parts.append("".join(buf))
            buf, depth = [], 0
        else:
            buf.append(ch)
    out = []
    for part in parts:
        out.extend(re.split(r"\s{3,}", part))
    return [p.strip(" .") for p in out if p.strip(" .")]


PAGE_MARK = re.compile(r"^\s*(?:page\s+\d+\s+of\s+\d+|-\s*\d+\s*-|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)


def _date_only(text: str, today: date) -> DateRange | None:
    """The range when a line holds nothing but dates (and a duration): LinkedIn's date line."""
    ranges = [r for r in find_date_ranges(text, today) if not r.single]
    if not ranges:
        return None
    dr = ranges[0]
    rest = clean_header(text[: dr.span[0]] + " " + text[dr.span[1] :])
    return dr if not rest.strip(" ·|") else None


def parse_linkedin_experience(
    lines: Sequence[Line], indices: Sequence[int], today: date | None = None
) -> list[ExperienceEntry]:
    """LinkedIn "Save to PDF": company, (total duration), title, dates (duration), place, text.

    One company may hold several roles: its name stands once, in a larger font than the
    titles under it, followed by the time spent there in all.
    """
    today = today or date.today()
    idx = [i for i in indices if not PAGE_MARK.match(lines[i].text)]
    dates = [(k, dr) for k, i in enumerate(idx) if (dr := _date_only(lines[i].text, today))]
    if not dates:
        return parse_experience(lines, indices, today)
    entries: list[ExperienceEntry] = []
    header_start: list[int] = []
    employer: str | None = None
    for n, (k, dr) in enumerate(dates):
        title_k = k - 1
        emp_k: int | None = None
        prev_end = dates[n - 1][0] if n else -1
        cand = k - 2
        if cand > prev_end and cand >= 0 and DURATION_RE.fullmatch(lines[idx[cand]].text.strip()):
            cand -= 1  # the company's total time
        if cand > prev_end and cand >= 0:
            a, b = lines[idx[cand]], lines[idx[title_k]]
            bigger = a.font_size is not None and b.font_size is not None and a.font_size > b.font_size
            if bigger or (a.font_size is None and not is_bullet(a) and n == 0):
                emp_k = cand
        if emp_k is not None:
            employer = clean_header(lines[idx[emp_k]].text)
        start_k = emp_k if emp_k is not None else title_k
        header_start.append(max(start_k, 0))
        e = ExperienceEntry(
            title=clean_header(lines[idx[title_k]].text) if title_k > prev_end else None,
            employer=employer,
            location=None,
            start=dr.start,
            end=dr.end,
            date_text=dr.raw,
            problems=list(dr.problems),
        )
        e.lines.extend(idx[j] for j in range(max(start_k, 0), k + 1))
        entries.append(e)
    for n, (k, _dr) in enumerate(dates):
        e = entries[n]
        stop = header_start[n + 1] if n + 1 < len(dates) else len(idx)
        body = list(range(k + 1, stop))
        if body:
            first = lines[idx[body[0]]]
            if (
                len(first.text.split()) <= 8
                and not is_bullet(first)
                and not _sentence_end(first.text)
                and first.font_size == lines[idx[k]].font_size
            ):
                e.location = first.text.strip()
                e.lines.append(idx[body[0]])
                body = body[1:]
        for j in body:
            line = lines[idx[j]]
            text = strip_bullet(line.text.strip())
            e.lines.append(idx[j])
            if DURATION_RE.fullmatch(text):
                continue
            if e.bullets and not line.list_item and (text[:1].islower() or not _ends_sentence(e.bullets[-1])):
                e.bullets[-1] = f"{e.bullets[-1]} {text}"
            else:
                e.bullets.append(text)
    return entries
