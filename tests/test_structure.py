"""Structure stage on hand-made documents: headings, dates, contact, experience, education."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_tool.models import Document, Line
from resume_tool.structure import classify_heading, parse_date_range, structure
from resume_tool.structure.contact import guess_name

TODAY = date(2026, 11, 28)


def doc(*texts: str | Line) -> Document:
    lines = [t if isinstance(t, Line) else Line(text=t) for t in texts]
    return Document(path="x.txt", format="text", lines=lines)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("March 2021 – Present", "2021-03", "present"),
        ("Mar 2021 - Current", "2021-03", "present"),
        ("Sept. 2022 – Now", "2022-09", "present"),
        ("03/2019 - 06/2021", "2019-03", "2021-06"),
        ("3/2019–6/2021", "2019-03", "2021-06"),
        ("2016 – 2018", "2016", "2018"),
        ("May 2020 to August 2022", "2020-05", "2022-08"),
        ("2019–present", "2019", "present"),
        ("Jan '19 – Dec '20", "2019-01", "2020-12"),
        ("2018 – to date", "2018", "present"),
        ("June 2015 — July 2016", "2015-06", "2016-07"),
        ("Coder | Acme Clinic | Jan 2015 to Current", "2015-01", "present"),
    ],
)
def test_date_forms(text: str, start: str, end: str) -> None:
    r = parse_date_range(text, TODAY)
    assert r is not None
    assert (r.start, r.end) == (start, end)
    assert r.problems == []


def test_season_gives_year_only_never_a_month() -> None:
    r = parse_date_range("Summer 2019", TODAY)
    assert r is not None and r.start == "2019" and r.single


def test_end_before_start_and_future_are_flagged_not_fixed() -> None:
    r = parse_date_range("June 2025 - May 2024", TODAY)
    assert r is not None and (r.start, r.end) == ("2025-06", "2024-05")
    assert "end-before-start" in r.problems
    r = parse_date_range("Jan 2027 - Present", TODAY)
    assert r is not None and "future-date" in r.problems
    r = parse_date_range("Nov 2026 - Present", TODAY)
    assert r is not None and r.problems == []


def test_codes_are_not_dates() -> None:
    for text in ("ICD-10-CM and CPT 99213", "modifier 25 and 59", "CMS-1500 and UB-04"):
        assert parse_date_range(text, TODAY) is None


@given(st.text(max_size=80))
def test_date_parser_never_raises_and_never_reorders(text: str) -> None:
    r = parse_date_range(text, TODAY)
    if r is not None and r.start and r.end and r.end != "present" and r.end[:4] < r.start[:4]:
        assert "end-before-start" in r.problems


@pytest.mark.parametrize(
    "heading, kind, standard",
    [
        ("Work Experience", "experience", True),
        ("PROFESSIONAL EXPERIENCE:", "experience", True),
        ("Employment History", "experience", True),
        ("Relevant Experience", "experience", True),
        ("Licenses & Certifications", "certifications", True),
        ("Technical Skills", "skills", True),
        ("Core Competencies", "skills", True),
        ("Objective", "summary", True),
        ("education", "education", True),
        ("Where I've Made an Impact", "experience", False),
        ("My Coding Toolbox", "skills", False),
    ],
)
def test_headings(heading: str, kind: str, standard: bool) -> None:
    assert classify_heading(heading) == (kind, standard)


def test_ordinary_lines_are_not_headings() -> None:
    assert classify_heading("Coded 90 charts a day") is None
    assert classify_heading("Prairie Family Medicine") is None


def test_name_guess() -> None:
    assert guess_name("Jordan Rivera, CPC") == "Jordan Rivera"
    assert guess_name("MARIA LOPEZ") == "Maria Lopez"
    assert guess_name("Medical Coder") is None
    assert guess_name("Professional Summary") is None
    assert guess_name("Career Overview") is None
    assert guess_name("jordan@example.com") is None


def sample_resume() -> Document:
    return doc(
        Line(text="jordan.rivera@example.com | (217) 555-0142", source="header"),
        "Jordan Rivera, CPC",
        "Springfield, IL 62701",
        "linkedin.com/in/jordan-rivera-example",
        Line(text="Professional Summary", style="Heading 1"),
        "Medical coder with six years of professional fee coding.",
        Line(text="Experience", style="Heading 1"),
        "Professional Fee Coder II | Central Illinois Heart & Vascular | Springfield, IL | Sept. 2020 – Present",
        Line(text="Assign E/M levels for 12 providers in Epic.", list_item=True),
        Line(text="Maintain 97% accuracy on audits.", list_item=True),
        "Medical Coder",
        "Prairie Family Medicine, Decatur, IL",
        "Jun 2017 – Aug 2020",
        Line(text="Coded 90+ encounters a day.", list_item=True),
        Line(text="Education", style="Heading 1"),
        "Associate of Applied Science, Health Information Technology | Lincoln Land Community College | 2016",
        Line(text="Certifications", style="Heading 1"),
        Line(text="CPC, AAPC (2017)", list_item=True),
        Line(text="Skills", style="Heading 1"),
        "ICD-10-CM, CPT, HCPCS Level II; Epic | 3M encoder",
    )


def test_structure_end_to_end() -> None:
    r = structure(sample_resume(), TODAY)
    assert r.contact.name == "Jordan Rivera"
    assert r.contact.email == "jordan.rivera@example.com"
    assert r.contact.found_in["email"] == "header"
    assert r.contact.phone == "(217) 555-0142"
    assert r.contact.location == "Springfield, IL 62701"
    assert r.contact.urls == ["linkedin.com/in/jordan-rivera-example"]
    assert [s.kind for s in r.sections] == [
        "summary", "experience", "education", "certifications", "skills",
    ]
    first, second = r.experience
    assert first.title == "Professional Fee Coder II"
    assert first.employer == "Central Illinois Heart & Vascular"
    assert first.location == "Springfield, IL"
    assert (first.start, first.end) == ("2020-09", "present")
    assert first.bullets == ["Assign E/M levels for 12 providers in Epic.", "Maintain 97% accuracy on audits."]
    assert second.title == "Medical Coder"
    assert second.employer == "Prairie Family Medicine"
    assert (second.start, second.end) == ("2017-06", "2020-08")
    assert r.education[0].school == "Lincoln Land Community College"
    assert r.education[0].degree and r.education[0].degree.startswith("Associate of Applied Science")
    assert r.education[0].end == "2016"
    assert r.certifications == ["CPC, AAPC (2017)"]
    assert r.skills == ["ICD-10-CM", "CPT", "HCPCS Level II", "Epic", "3M encoder"]
    assert r.to_dict()["experience"][0]["start"] == "2020-09"


def test_unparsed_dates_are_flagged() -> None:
    r = structure(
        doc(
            "Experience",
            "Medical Coder | Acme Clinic | Spring of the year 20X9 - recently",
            Line(text="Coded charts.", list_item=True),
        ),
        TODAY,
    )
    assert r.experience[0].start is None
    assert "date-unparsed" in r.experience[0].problems


def test_inline_heading_and_wrapped_bullets() -> None:
    r = structure(
        doc(
            "Jane Q Coder",
            "Skills: ICD-10-CM, CPT (E/M, surgery), HCPCS",
            "Work History",
            "Company Name August 2012 to December 2014 Accountant",
            "City , State",
            "Prepared financial statements and management reports for the senior accountant every month",
            "and closed the books.",
        ),
        TODAY,
    )
    assert r.skills == ["ICD-10-CM", "CPT (E/M, surgery)", "HCPCS"]
    (e,) = r.experience
    assert (e.title, e.employer, e.start, e.end) == ("Accountant", "Company Name", "2012-08", "2014-12")
    assert e.bullets[0].endswith("every month and closed the books.")


def test_pdf_wrapping_is_undone() -> None:
    """Narrow PDF columns cut header lines and date ranges; the entry is put back together."""
    r = structure(
        doc(
            "Experience",
            "Billing Specialist, Hudson Valley Medical",
            "Associates | September 2021 – Present",
            "Albany, NY",
            Line(text="Handle charge entry.", list_item=True),
            "Health Information Technician | Sierra Vista Hospital | Clovis, CA | June 2015 – Dec.",
            "2016",
            Line(text="Performed chart abstraction.", list_item=True),
            Line(text="Worked with the ICD-10-CM Official Guidelines for", list_item=True),
            "Coding and Reporting and Coding Clinic",
        ),
        TODAY,
    )
    first, second = r.experience
    assert (first.title, first.employer, first.location) == (
        "Billing Specialist", "Hudson Valley Medical Associates", "Albany, NY",
    )
    assert (second.start, second.end) == ("2015-06", "2016-12")
    assert second.bullets[-1].endswith("Guidelines for Coding and Reporting and Coding Clinic")


@pytest.mark.parametrize(
    "line, title, employer, location",
    [
        ("Pharmacy Technician, Savannah Drug | 2015 – 2017", "Pharmacy Technician", "Savannah Drug", None),
        ("Payment Poster, Capital District Billing Center | 2015 – 2017", "Payment Poster",
         "Capital District Billing Center", None),
        ("Inpatient Coder, Utah Valley Regional Hospital, Provo, UT | 2015 – 2017", "Inpatient Coder",
         "Utah Valley Regional Hospital", "Provo, UT"),
        ("Inpatient Coder | Arkansas Valley Medical Center | Little Rock, AR | 2015 – 2017",
         "Inpatient Coder", "Arkansas Valley Medical Center", "Little Rock, AR"),
    ],
)
def test_title_employer_location(line: str, title: str, employer: str, location: str | None) -> None:
    (e,) = structure(doc("Experience", line, Line(text="Coded charts.", list_item=True)), TODAY).experience
    assert (e.title, e.employer, e.location) == (title, employer, location)
