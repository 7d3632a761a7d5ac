"""Employment dates as real resumes write them, turned into ISO ``YYYY-MM`` / ``YYYY``.

The parser never invents precision: "Summer 2019" and "2016 – 2018" give years only,
and a range is never silently reordered; problems are reported instead
("end-before-start", "future-date", "date-unparsed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..lexicon import MONTH_NUMBERS

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YY = r"(?:'|’)\d\d"
# One point in time, most specific forms first.
_POINT = (
    rf"(?:{_MONTH}\s*,?\s*(?:{_YEAR}|{_YY})"  # March 2021, Sept. 2022, Jan '19
    rf"|{_SEASON}\s+{_YEAR}"  # Summer 2019
    rf"|(?:0?[1-9]|1[0-2])\s*[/.-]\s*{_YEAR}"  # 03/2019, 3/2019, 03-2019
    rf"|{_YEAR}\s*[/-]\s*(?:0[1-9]|1[0-2])(?!\d)"  # 2019-03
    rf"|{_YEAR})"  # 2019
)
_PRESENT = r"(?:present|current(?:ly)?|now|today|to\s+date|date|ongoing)"
_SEP = r"(?:\s*(?:–|—|-|−|~)\s*(?:to\s+)?|\s+(?:to|through|thru|until|till)\s+)"
RANGE_RE = re.compile(
    rf"(?<![\w/])(?P<start>{_POINT})(?:{_SEP}(?P<end>{_POINT}|{_PRESENT}))?(?![\w/])",
    re.IGNORECASE,
)
# Also "Since 2019" / "2019 - " (open-ended with present implied is NOT assumed).
_DATEY = re.compile(rf"{_YEAR}|{_YY}|\b{_MONTH}(?=\s|$|\d)|\b{_SEASON}\b", re.IGNORECASE)


@dataclass
class DateRange:
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None  # "YYYY-MM", "YYYY", "present" or None (a single date)
    raw: str
    span: tuple[int, int] = (0, 0)  # where in the line it stood
    problems: list[str] = field(default_factory=list)
    single: bool = False  # one date, not a range ("May 2020")


def _year_from_yy(yy: str, today: date) -> int:
    n = int(yy.strip("'’"))
    return 2000 + n if n <= today.year % 100 + 1 else 1900 + n


def parse_point(text: str, today: date | None = None) -> str | None:
    """One date ("Sept. 2022", "3/2019", "Summer 2019", "2018") → "YYYY-MM"/"YYYY"/"present"."""
    today = today or date.today()
    t = text.strip().lower().rstrip(".")
    if re.fullmatch(_PRESENT, t, re.IGNORECASE):
        return "present"
    m = re.fullmatch(rf"({_MONTH})\s*,?\s*({_YEAR}|{_YY})", t, re.IGNORECASE)
    if m:
        month = MONTH_NUMBERS[m.group(1).rstrip(".").lower()]
        y = m.group(2)
        year = int(y) if y[0].isdigit() else _year_from_yy(y, today)
        return f"{year:04d}-{month:02d}"
    m = re.fullmatch(rf"{_SEASON}\s+({_YEAR})", t, re.IGNORECASE)
    if m:
        return m.group(1)  # a season names no month: keep the year only
    m = re.fullmatch(rf"(0?[1-9]|1[0-2])\s*[/.-]\s*({_YEAR})", t)
    if m:
        return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
    m = re.fullmatch(rf"({_YEAR})\s*[/-]\s*(0[1-9]|1[0-2])", t)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    if re.fullmatch(_YEAR, t):
        return t
    return None


def _key(value: str) -> tuple[int, int]:
    """Sort key; a bare year compares as its first month for starts."""
    year, _, month = value.partition("-")
    return int(year), int(month) if month else 0


def _after(a: str, b: str) -> bool:
    """True when ``a`` is certainly later than ``b`` (years only compare by year)."""
    ya, ma = _key(a)
    yb, mb = _key(b)
    if ya != yb:
        return ya > yb
    return bool(ma and mb and ma > mb)


def _check(start: str | None, end: str | None, today: date) -> list[str]:
    problems: list[str] = []
    now = f"{today.year:04d}-{today.month:02d}"
    for value in (start, end):
        if value and value != "present" and _after(value, now):
            problems.append("future-date")
            break
    if start and end and end != "present" and _after(start, end):
        problems.append("end-before-start")
    return problems


def find_date_ranges(line: str, today: date | None = None) -> list[DateRange]:
    """Every date or date range in a line, left to right."""
    today = today or date.today()
    found: list[DateRange] = []
    for m in RANGE_RE.finditer(line):
        start = parse_point(m.group("start"), today)
        end_raw = m.group("end")
        end = parse_point(end_raw, today) if end_raw else None
        if start is None:
            continue
        dr = DateRange(start=start, end=end, raw=m.group(0).strip(), span=m.span())
        dr.single = end_raw is None
        dr.problems = _check(start, end, today)
        found.append(dr)
    return found


def parse_date_range(text: str, today: date | None = None) -> DateRange | None:
    """The first date range in ``text`` (a range beats a lone date), or None."""
    ranges = find_date_ranges(text, today)
    if not ranges:
        return None
    full = [r for r in ranges if not r.single]
    return (full or ranges)[0]


_OPEN_END = re.compile(rf"(?:\b{_MONTH}|\b(?:to|through|until)|[–—-])\s*$", re.IGNORECASE)
_DATE_START = re.compile(rf"^\s*(?:{_YEAR}|{_YY}|{_MONTH}\s*,?\s*{_YEAR}|{_PRESENT}\b|[–—-]\s*)", re.IGNORECASE)


def wrapped_date(line: str, following: str) -> bool:
    """True when a date range was cut by a line break ("Feb 2019 - May" / "2021")."""
    return bool(_OPEN_END.search(line) and looks_dated(line) and _DATE_START.match(following))


def looks_dated(text: str) -> bool:
    """A line that mentions a year or month, whether or not it parses as a range."""
    return bool(_DATEY.search(text))


def chronology_key(value: str | None) -> tuple[int, int]:
    """Sort key for "YYYY-MM" / "YYYY" / "present": a bare year sorts as its December,
    "present" after every date, no date before every date."""
    if value is None:
        return (0, 0)
    if value == "present":
        return (9999, 12)
    year, _, month = value.partition("-")
    return (int(year), int(month) if month else 12)


def date_style(raw: str) -> str:
    """A coarse description of how a date was written, to spot mixed formats."""
    t = raw.lower()
    if re.search(r"\d{1,2}\s*[/.]\s*\d{4}", t):
        return "numeric"
    if re.search(_MONTH, t, re.IGNORECASE) or re.search(_SEASON, t):
        return "month-name"
    return "year"
