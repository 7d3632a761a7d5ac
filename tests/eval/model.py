"""The shape of an evaluation resume: structured facts from which both the file and its
expected answers are derived.

A spec says *what is true* (this person worked here from March 2021 to now, holds the CPC,
wrote these bullets). The generator renders it into a DOCX, PDF or text file in some layout,
and ``expected()`` derives the answers a careful reader would give from the same facts,
never from the tool's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .markup import Labels, all_labels, plain

Month = tuple[int, int]  # (year, month)
Output = Literal[
    "docx",  # python-docx, one column, Word styles
    "docx-header",  # contact block only in the page header (and a footer line)
    "docx-table",  # skills and certifications in the left cell of a two-column table
    "docx-textbox",  # skills in a floating text box
    "lo-pdf",  # the one-column DOCX exported to PDF by LibreOffice
    "pdf",  # reportlab, one column
    "pdf-2col",  # reportlab, main column with a right-hand column for skills/certifications
    "pdf-sidebar",  # reportlab, narrow left sidebar with contact, skills, certifications
    "scanned",  # a picture of the one-column PDF, no text layer
    "txt",  # plain text
]
OUTPUTS: tuple[str, ...] = (
    "docx", "docx-header", "docx-table", "docx-textbox", "lo-pdf", "pdf", "pdf-2col",
    "pdf-sidebar", "scanned", "txt",
)  # fmt: skip
SUFFIX = {"docx": ".docx", "txt": ".txt"}

# How a date range is written. Each style has a precision (month or year) and a family
# (words or numbers) for the mixed-format finding; families are a reader's judgement.
DATE_STYLES: dict[str, tuple[str, str]] = {
    "long": ("month", "words"),  # March 2021 – Present
    "short": ("month", "words"),  # Mar 2021 - Current
    "sept": ("month", "words"),  # Sept. 2022 – Now
    "mmyyyy": ("month", "numbers"),  # 03/2019 - 06/2021
    "myyyy": ("month", "numbers"),  # 3/2019–6/2021
    "years": ("year", "year"),  # 2016 – 2018
    "to": ("month", "words"),  # May 2020 to August 2022
    "yearpresent": ("year", "year"),  # 2019–present
    "season": ("year", "words"),  # Summer 2019
    "yy": ("month", "words"),  # Jan '19 – Dec '20
    "yy-curly": ("month", "words"),  # Jan ’19 – Dec ’20
    "todate": ("year", "year"),  # 2018 – to date
}
_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"]  # fmt: skip
_SHORT = [m[:3] for m in _LONG]
_AP = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@dataclass(frozen=True)
class When:
    """A date range as the person would state it; ``end`` is a month, "present" or None (single)."""

    style: str
    start: Month
    end: Month | str | None = "present"
    season: str = "Summer"

    def render(self) -> str:
        s = self.style
        y, m = self.start
        present = self.end == "present"
        ey, em = self.end if isinstance(self.end, tuple) else (0, 0)
        if s == "long":
            return f"{_LONG[m - 1]} {y} – " + ("Present" if present else f"{_LONG[em - 1]} {ey}")
        if s == "short":
            return f"{_SHORT[m - 1]} {y} - " + ("Current" if present else f"{_SHORT[em - 1]} {ey}")
        if s == "sept":
            return f"{_AP[m - 1]} {y} – " + ("Now" if present else f"{_AP[em - 1]} {ey}")
        if s == "mmyyyy":
            return f"{m:02d}/{y} - " + ("Present" if present else f"{em:02d}/{ey}")
        if s == "myyyy":
            return f"{m}/{y}–" + ("Present" if present else f"{em}/{ey}")
        if s == "years":
            return f"{y} – " + ("Present" if present else f"{ey}")
        if s == "to":
            return f"{_LONG[m - 1]} {y} to " + ("Present" if present else f"{_LONG[em - 1]} {ey}")
        if s == "yearpresent":
            return f"{y}–" + ("present" if present else f"{ey}")
        if s == "season":
            return f"{self.season} {y}"
        if s in ("yy", "yy-curly"):
            q = "'" if s == "yy" else "’"
            return f"{_SHORT[m - 1]} {q}{y % 100:02d} – " + (
                "Present" if present else f"{_SHORT[em - 1]} {q}{ey % 100:02d}"
            )
        if s == "todate":
            return f"{y} – to date"
        raise ValueError(f"unknown date style {s!r}")

    @property
    def precision(self) -> str:
        return DATE_STYLES[self.style][0]

    @property
    def family(self) -> str:
        return DATE_STYLES[self.style][1]

    def _iso(self, value: Month) -> str:
        return f"{value[0]:04d}" if self.precision == "year" else f"{value[0]:04d}-{value[1]:02d}"

    def expected(self) -> tuple[str, str]:
        """(start, end) as ISO ``YYYY-MM`` / ``YYYY`` / ``present``; a single date ends where it starts."""
        start = self._iso(self.start)
        if self.end == "present":
            return start, "present"
        if self.end is None:
            return start, start
        assert isinstance(self.end, tuple)
        return start, self._iso(self.end)

    def problems(self, today: date) -> list[str]:
        out = []
        now = (today.year, today.month)
        if self.precision == "year":
            later = self.start[0] > now[0] or (isinstance(self.end, tuple) and self.end[0] > now[0])
        else:
            later = self.start > now or (isinstance(self.end, tuple) and self.end > now)
        if later:
            out.append("future-date")
        if isinstance(self.end, tuple):
            before = self.end[0] < self.start[0] if self.precision == "year" else self.end < self.start
            if before:
                out.append("end-before-start")
        return out

    def sort_key(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(end, start) as the README orders roles: current first, then by end date."""
        def k(v: Month | str | None) -> tuple[int, int]:
            if v == "present":
                return (9999, 12)
            assert isinstance(v, tuple)
            return (v[0], 12) if self.precision == "year" else v

        end = self.start if self.end is None else self.end
        return k(end), k(self.start)


@dataclass(frozen=True)
class Job:
    title: str  # markup
    employer: str  # markup
    location: str  # markup
    when: When | None
    bullets: tuple[str, ...] = ()
    dates_text: str | None = None  # written instead of when.render() (an unreadable date)


@dataclass(frozen=True)
class School:
    line: str  # markup: "A.A.S., Health Information Technology, Ivy Tech Community College"
    year: str = ""  # plain, as written after the line


@dataclass(frozen=True)
class Section:
    kind: str  # summary, skills, certifications, experience, education, other
    heading: str  # markup
    standard: bool = True
    lines: tuple[str, ...] = ()  # paragraphs, skill lines, certification lines
    jobs: tuple[Job, ...] = ()
    schools: tuple[School, ...] = ()
    bullets: bool = False  # lines written as a bullet list


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str
    location: str  # markup, "Little Rock, [AR]{!accounts-receivable}"
    city_state: str  # expected "City, ST"
    linkedin: str | None = None


@dataclass(frozen=True)
class ResumeSpec:
    """One evaluation resume. ``must``/``must_not`` add judged keyword findings ("code:Term")."""

    slug: str
    profile: str  # outpatient, inpatient, billing, risk-adjustment, auditor, cdi, new-grad
    output: str
    person: Person
    headline: str | None
    sections: tuple[Section, ...]
    posting: str  # slug of a posting in tests/eval/postings/ to check against
    job_header: str = "tab"  # tab, pipe, stacked, employer-first
    heading_style: str = "heading1"  # heading1, boldcaps, boldtitle (DOCX); caps/title elsewhere
    hidden: str = ""  # white text (markup), a stuffing trick
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    note: str = ""

    @property
    def suffix(self) -> str:
        return SUFFIX.get(self.output.split("-")[0], ".pdf")

    @property
    def filename(self) -> str:
        return self.slug + self.suffix

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def jobs(self) -> list[Job]:
        return [j for s in self.sections if s.kind == "experience" for j in s.jobs]

    def texts(self) -> list[str]:
        """Every markup string the document shows, in reading order."""
        p = self.person
        out = [p.name, p.email, p.phone, p.location]
        if self.output == "docx-header":
            out.append(p.name)  # the page footer repeats the name
        if self.headline:
            out.append(self.headline)
        for s in self.sections:
            out.append(s.heading)
            out.extend(s.lines)
            for j in s.jobs:
                out.extend([j.title, j.employer, j.location, *j.bullets])
            for sc in s.schools:
                out.append(sc.line)
        if self.hidden:
            out.append(self.hidden)
        return out

    def labels(self) -> Labels:
        return all_labels(self.texts())

    def word_count(self) -> int:
        """Words of visible text, as a reader counts them (dates and separators included)."""
        words = sum(len(plain(t).split()) for t in self.texts())
        for j in self.jobs:
            words += len((j.dates_text or (j.when.render() if j.when else "")).split())
        for s in self.sections:
            words += sum(len(sc.year.split()) for sc in s.schools)
        return words


@dataclass
class Expected:
    """What a careful reader finds in one generated file (written as JSON beside it)."""

    file: str
    format: str
    output: str
    profile: str
    posting: str
    scanned: bool
    contact: dict[str, str | None]
    sections: list[dict[str, object]]
    experience: list[dict[str, object]]
    certifications: list[str]
    keywords: list[str]
    traps: list[str]
    findings: list[str]  # judged items that must be raised ("code" or "code:subject")
    findings_not: list[str]  # judged items that must not be raised
    judged_codes: list[str]  # codes judged completely: anything else raised is wrong
    words: int
    notes: list[str] = field(default_factory=list)
