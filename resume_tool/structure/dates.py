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
MONTH_NAME = _MONTH  # for other structure modules
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YY = r"(?:'|’)\d\d"
_MM = r"(?:0?[1-9]|1[0-2])"
# Two-digit years without an apostrophe ("06/15", "Jun 15") are only trusted inside a range
# ("06/15 – 08/18"): on their own they may be a day ("May 15") or a fraction.
_BARE_YY = r"\d\d(?![\d/.:])"
# Month names of CVs and LinkedIn exports in Spanish, Portuguese and Russian ("mayo de 2023",
# "августа 2021"); only trusted right before a year.
_FOREIGN_MONTHS = {
    **dict.fromkeys(("enero", "janeiro", "января", "январь"), 1),
    **dict.fromkeys(("febrero", "fevereiro", "февраля", "февраль"), 2),
    **dict.fromkeys(("marzo", "março", "марта", "март"), 3),
    **dict.fromkeys(("abril", "апреля", "апрель"), 4),
    **dict.fromkeys(("mayo", "maio", "мая", "май"), 5),
    **dict.fromkeys(("junio", "junho", "июня", "июнь"), 6),
    **dict.fromkeys(("julio", "julho", "июля", "июль"), 7),
    **dict.fromkeys(("agosto", "августа", "август"), 8),
    **dict.fromkeys(("septiembre", "setiembre", "setembro", "сентября", "сентябрь"), 9),
    **dict.fromkeys(("octubre", "outubro", "октября", "октябрь"), 10),
    **dict.fromkeys(("noviembre", "novembro", "ноября", "ноябрь"), 11),
    **dict.fromkeys(("diciembre", "dezembro", "декабря", "декабрь"), 12),
}
_FMONTH = "(?:" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + ")"
# One point in time, most specific forms first.
_POINT = (
    rf"(?:\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}"  # 25/09/2021, 09/25/2021 (day dropped)
    rf"|{_YEAR}\s+{_MONTH}(?![a-z])(?!\s*,?\s*\d)"  # 2016 Mar
    rf"|{_FMONTH}\s+(?:de\s+)?{_YEAR}"  # mayo de 2023, августа 2021
    rf"|{_MONTH}\s*[-,]?\s*(?:{_YEAR}|{_YY})"  # March 2021, Sept. 2022, Jan '19, Mar-2016
    rf"|{_SEASON}\s+{_YEAR}"  # Summer 2019
    rf"|{_MM}\s*[/.-]\s*{_YEAR}"  # 03/2019, 3/2019, 03-2019
    rf"|{_YEAR}\s*[/-]\s*(?:0[1-9]|1[0-2])(?!\d)"  # 2019-03
    rf"|{_YEAR}"  # 2019
    rf"|{_MONTH}\s*[-']?\s*{_BARE_YY}"  # Jun 15, Jan-19 (ranges only)
    rf"|{_MM}\s*/\s*{_BARE_YY})"  # 06/15, 6/15 (ranges only)
)
_DMY = re.compile(rf"(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*({_YEAR})")
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|(?:to|till|til|until)\s+(?:date|now)|date|ongoing"
    r"|continuing|actualidad|presente|atualmente|atual|(?:по\s+)?настоящее\s+время)"
)
_SEP = r"(?:\s*(?:–|—|--|-|−|~)\s*(?:(?:to|till|until)\s+)?|\s+(?:to|through|thru|until|till)\s+)"
RANGE_RE = re.compile(
    rf"(?<![\w/])(?P<since>(?:since|from)\s+)?(?P<start>{_POINT})"
    rf"(?:{_SEP}(?P<end>{_POINT}|{_PRESENT})|\s+(?P<onward>onwards?|-\s*ongoing))?(?![\w/])",
    re.IGNORECASE,
)
# "(1 year 9 months)", "5 yrs 2 mos", "less than a year": how long, never when or who.
# Starts at "(" or where a run of spaces or digits starts (a start inside a run fails as its
# first character did), and one "\s*" around the comma: quadratic on long runs otherwise.
DURATION_RE = re.compile(
    r"(?:\(|(?<!\s))\s*(?:(?<!\d)\d+\+?\s*(?:years?|yrs?|months?|mos?|años?|anos?|mes(?:es)?|год(?:а)?|лет|месяц(?:а|ев)?)"
    r"(?![^\W\d_])(?:\s*(?:,\s*)?(?:y\s+|e\s+)?\d+\s*(?:months?|mos?|mes(?:es)?|месяц(?:а|ев)?)(?![^\W\d_]))?"
    r"|less than a (?:year|month)|menos de un año|menos de um ano|меньше года|меньше месяца)\s*\)?",
    re.IGNORECASE,
)
# Also "Since 2019" / "2019 - " (open-ended with present implied is NOT assumed).
_DATEY = re.compile(
    rf"{_YEAR}|{_YY}|\b{_MONTH}(?=\s|$|\d)|\b{_SEASON}\s+(?:{_YEAR}|{_YY})", re.IGNORECASE
)


@dataclass
class DateRange:
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None  # "YYYY-MM", "YYYY", "present" or None (a single date)
    raw: str
    span: tuple[int, int] = (0, 0)  # where in the line it stood
    problems: list[str] = field(default_factory=list)
    single: bool = False  # one date, not a range ("May 2020")


def _year_from_yy(yy: str, today: date) -> int:
    """A two-digit year in the nearest past century: never a date in the future."""
    n = int(yy.strip("'’"))
    return 2000 + n if n <= today.year % 100 else 1900 + n


def _bare_yy(text: str) -> bool:
    """A point written with a two-digit year and no apostrophe ("06/15", "Jun 15")."""
    t = text.strip()
    return bool(re.fullmatch(rf"(?:{_MONTH}\s*[-']?\s*|{_MM}\s*/\s*)\d\d", t, re.IGNORECASE))


def parse_point(text: str, today: date | None = None) -> str | None:
    """One date ("Sept. 2022", "3/2019", "06/15", "Summer 2019", "2018") → "YYYY-MM"/"YYYY"/"present"."""
    today = today or date.today()
    t = re.sub(r"\s+", " ", text.strip().lower().rstrip("."))
    if re.fullmatch(_PRESENT, t, re.IGNORECASE):
        return "present"
    m = re.fullmatch(rf"({_FMONTH})\s+(?:de\s+)?({_YEAR})", t)
    if m:
        return f"{int(m.group(2)):04d}-{_FOREIGN_MONTHS[m.group(1)]:02d}"
    m = _DMY.fullmatch(t)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= b <= 12 and a > 12:  # 25/09/2021: day first
            return f"{year:04d}-{b:02d}"
        if 1 <= a <= 12 and b > 12:  # 09/25/2021: month first
            return f"{year:04d}-{a:02d}"
        return str(year)  # 03/04/2021 could be either month: keep the year only
    m = re.fullmatch(rf"({_MONTH})\s*[-,']?\s*({_YEAR}|{_YY}|\d\d)", t, re.IGNORECASE)
    if m:
        month = MONTH_NUMBERS[m.group(1).rstrip(".").lower()]
        y = m.group(2)
        year = int(y) if len(y) == 4 else _year_from_yy(y, today)
        return f"{year:04d}-{month:02d}"
    m = re.fullmatch(rf"({_YEAR})\s+({_MONTH})", t, re.IGNORECASE)
    if m:
        return f"{int(m.group(1)):04d}-{MONTH_NUMBERS[m.group(2).rstrip('.').lower()]:02d}"
    m = re.fullmatch(rf"{_SEASON}\s+({_YEAR})", t, re.IGNORECASE)
    if m:
        return m.group(1)  # a season names no month: keep the year only
    m = re.fullmatch(rf"({_MM})\s*[/.-]\s*({_YEAR})", t)
    if m:
        return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
    m = re.fullmatch(rf"({_MM})\s*/\s*(\d\d)", t)
    if m:
        return f"{_year_from_yy(m.group(2), today):04d}-{int(m.group(1)):02d}"
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


# "(?<!\s)": a run of spaces is entered at its first character only (linear under findall;
# the code matches right after a year)
_MORE_YEARS = re.compile(r"(?<!\s)(?:\s*,\s*(?:19|20)\d\d\b(?![/.-]\d))+")


def _dmy_order(raw: str) -> str | None:
    """"dmy" for 25/09/2021, "mdy" for 09/25/2021, None when either order fits."""
    m = _DMY.fullmatch(raw.strip())
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if a > 12 and 1 <= b <= 12:
        return "dmy"
    if b > 12 and 1 <= a <= 12:
        return "mdy"
    return None


def _dmy_point(raw: str, order: str, value: str | None) -> str | None:
    """An ambiguous day/month date read in the order the other end of its range shows."""
    m = _DMY.fullmatch(raw.strip())
    if not m or _dmy_order(raw) is not None:
        return value
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    month = b if order == "dmy" else a
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else value


def find_date_ranges(line: str, today: date | None = None) -> list[DateRange]:
    """Every date or date range in a line, left to right.

    "Since 2019" and "2019 onwards" run to the present; "(1 year 9 months)" is a duration,
    not a date; a two-digit year without an apostrophe counts only inside a range.
    """
    today = today or date.today()
    found: list[DateRange] = []
    consumed = 0  # the end of a list of years already read as one range
    for m in RANGE_RE.finditer(line):
        if m.start() < consumed:
            continue
        start_raw, end_raw = m.group("start"), m.group("end")
        if _bare_yy(start_raw) and (end_raw is None or not (_bare_yy(end_raw) or parse_point(end_raw, today) == "present")):
            continue  # "May 15" alone is a day; "06/15 – 08/18" is a range
        if end_raw and _bare_yy(end_raw) and not _bare_yy(start_raw):
            continue
        start = parse_point(start_raw, today)
        end = parse_point(end_raw, today) if end_raw else None
        if start is None:
            continue
        if end_raw:  # "01/07/2021 – 25/09/2021": one end tells the order of both
            order = _dmy_order(start_raw) or _dmy_order(end_raw)
            if order:
                start, end = _dmy_point(start_raw, order, start), _dmy_point(end_raw, order, end)
        open_ended = bool(end_raw is None and (m.group("onward") or (m.group("since") or "").lower().startswith("since")))
        if open_ended:
            end = "present"
        raw = m.group(0).strip()
        if m.group("since") and not open_ended:
            raw = raw[len(m.group("since").strip()) :].strip()  # "from 2019" alone: just 2019
        dr = DateRange(start=start, end=end, raw=raw, span=m.span())
        dr.single = end_raw is None and not open_ended
        seasonal = dr.single and bool(re.match(r"[A-Za-z]", start_raw))
        more = _MORE_YEARS.match(line, m.end()) if seasonal else None
        if more:  # "Summer 2008, 2010": the seasons worked, from the first to the last
            dr.end = more.group(0).rsplit(",", 1)[-1].strip()
            dr.single = False
            dr.raw = line[m.start() : more.end()].strip()
            dr.span = (m.start(), more.end())
            consumed = more.end()
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
