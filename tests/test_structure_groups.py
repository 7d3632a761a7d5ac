"""One employer's overall span over the roles held there: the company line is no role."""

from __future__ import annotations

from datetime import date

from resume_tool.models import Document, Line
from resume_tool.structure import structure

TODAY = date(2026, 11, 28)


def _entries(*texts: str):
    lines = [Line(text=t) for t in ("Jane Doe", "Work Experience", *texts)]
    return structure(Document(path="x.txt", format="text", lines=lines), TODAY).experience


def _rows(es):
    return [(e.title, e.employer, e.start, e.end) for e in es]


def test_company_span_over_its_roles() -> None:
    es = _entries(
        "Riverbend Health, Dayton, OH | Jun 2016 – Present",
        "Coding Supervisor, Dayton, OH, Jun 2021 – Present",
        "- Led a team of six coders",
        "Medical Coder, Dayton, OH, Jun 2016 – May 2021",
        "- Coded outpatient charts",
        "Acme Clinic | Jan 2012 – May 2016",
        "Billing Clerk, Jan 2012 – May 2016",
        "- Posted payments",
    )
    assert _rows(es) == [
        ("Coding Supervisor", "Riverbend Health", "2021-06", "present"),
        ("Medical Coder", "Riverbend Health", "2016-06", "2021-05"),
        ("Billing Clerk", "Acme Clinic", "2012-01", "2016-05"),
    ]
    # the company line is kept with the first role (nothing of the source is lost)
    assert len(es[0].lines) == 3


def test_company_line_on_two_lines() -> None:
    es = _entries(
        "Riverbend Health, Dayton, OH",
        "Jun 2016 – Present",
        "Coding Supervisor, Jun 2021 – Present",
        "- Led a team of six coders",
    )
    assert _rows(es) == [("Coding Supervisor", "Riverbend Health", "2021-06", "present")]


def test_roles_with_their_own_employers_are_not_grouped() -> None:
    es = _entries(
        "Medical Coder | Acme Clinic | 2015 – Present",
        "Billing Specialist | Riverbend Hospital | 2016 – 2018",
        "- Posted payments",
    )
    assert _rows(es) == [
        ("Medical Coder", "Acme Clinic", "2015", "present"),
        ("Billing Specialist", "Riverbend Hospital", "2016", "2018"),
    ]


def test_a_role_outside_the_span_ends_the_group() -> None:
    es = _entries(
        "Riverbend Health | Jun 2016 – Dec 2019",
        "Coding Supervisor, Jun 2018 – Dec 2019",
        "- Led coders",
        "Patient Registrar, Jan 2014 – May 2016",
        "- Registered patients",
    )
    assert [e.employer for e in es] == ["Riverbend Health", None]


def test_title_wrapped_after_a_dash() -> None:
    es = _entries(
        "Squeeze Media, Orem, Utah — Business Development",
        "Representative",
        "August 2021 - January 2023",
        "I worked with lenders to grow their business and kept the CRM up to date.",
        "Three Points Center, Hurricane, Utah — Youth Mentor",
        "November 2019 - May 2021",
        "I planned activities and mentored teens.",
    )
    assert [(e.title, e.employer) for e in es] == [
        ("Business Development Representative", "Squeeze Media"),
        ("Youth Mentor", "Three Points Center"),
    ]


def test_a_title_line_under_a_finished_title_stays_apart() -> None:
    (e,) = _entries("Acme Clinic, Dayton, OH", "Medical Coder", "2019 – 2021", "- Coded charts")
    assert (e.title, e.employer) == ("Medical Coder", "Acme Clinic")


def test_a_dated_title_line_under_employer_dash_place_stays_apart() -> None:
    (e,) = _entries("NC Governor's Office - Raleigh NC", "Page | Spring 2008", "Paged for the department.")
    assert e.title == "Page"


def test_organisation_dash_unit_is_one_employer() -> None:
    es = _entries(
        "North Carolina State University – Gymnastics Camps, Raleigh, NC",
        "Assistant Coach, Summer 2008",
        "- Led group activities",
        "Junior Analyst | Summer 2009",
        "Government of Ontario – Ministry of Culture (Toronto, Canada)",
        "Compiled financial performance reviews for each art administration.",
    )
    assert [(e.title, e.employer) for e in es] == [
        ("Assistant Coach", "North Carolina State University – Gymnastics Camps"),
        ("Junior Analyst", "Government of Ontario – Ministry of Culture (Toronto, Canada)"),
    ]


def test_dash_before_a_title_or_a_place_still_parts_fields() -> None:
    (e,) = _entries("Riverbend Hospital – Medical Coder | 2019 – 2021", "- Coded charts")
    assert (e.title, e.employer) == ("Medical Coder", "Riverbend Hospital")
    (e,) = _entries("NC Governor's Office - Raleigh NC", "Page | Spring 2008", "- Paged")
    assert e.employer == "NC Governor's Office"


def test_double_hyphen_range() -> None:
    (e,) = _entries("Development Intern, Tata Consultancy Services | May 2009 -- August 2009", "- Built")
    assert (e.start, e.end) == ("2009-05", "2009-08")


def test_last_word_of_a_wrapped_sentence_is_no_heading() -> None:
    es = _entries(
        "Medical Coder | Acme Clinic | 2019 – 2021",
        "Extensive contact with the client's application lifecycle management methodologies and",
        "software",
        "Billing Clerk | Riverbend Hospital | 2017 – 2019",
        "- Posted payments",
    )
    assert [e.employer for e in es] == ["Acme Clinic", "Riverbend Hospital"]


def test_a_lower_case_heading_on_its_own_is_still_a_heading() -> None:
    lines = [Line(text=t) for t in ("Jane Doe", "experience", "Medical Coder | Acme Clinic | 2019 – 2021",
                                     "- Coded charts", "software", "Epic, Cerner")]
    resume = structure(Document(path="x.txt", format="text", lines=lines), TODAY)
    assert [s.kind for s in resume.sections] == ["experience", "skills"]


def test_europass_bracketed_day_month_dates() -> None:
    es = _entries(
        "[ 01/07/2021 – 25/09/2021 ] Intern",
        "AIG Welding Ltd.",
        "City: Sofia",
        "Troubleshooting problems in the circuitry of welding machines.",
        "[ 01/06/2020 – 30/08/2020 ] Manager",
        "Hotel Phoenix, Kiten",
        "(Worked from 2018 until 2020 every summer)Managing reservations. Managing staff and",
        "inventory. Clean and prepare rooms for the guests.",
    )
    assert _rows(es) == [
        ("Intern", "AIG Welding Ltd.", "2021-07", "2021-09"),
        ("Manager", "Hotel Phoenix", "2020-06", "2020-08"),
    ]


def test_one_end_of_a_range_tells_the_day_month_order() -> None:
    from resume_tool.structure import find_date_ranges

    def read(text: str) -> tuple[str | None, str | None]:
        (r,) = find_date_ranges(text, TODAY)
        return r.start, r.end

    assert read("09/25/2021 - 01/07/2022") == ("2021-09", "2022-01")
    assert read("01/07/2021 – 25/09/2021") == ("2021-07", "2021-09")
    assert read("03/04/2020 - 05/06/2021") == ("2020", "2021")  # either order fits: years only


def test_seasons_listed_by_year_run_from_first_to_last() -> None:
    es = _entries(
        "LionLike MindState, Pomona, CA | June 2012 – Present",
        "Volunteer",
        "- Plan two yearly outreach events for the community",
        "YMCA, Pomona, CA | Summer 2013, 2014",
        "Volunteer Swim Coach",
        "Instructed classes of up to 15 children",
    )
    assert _rows(es) == [
        ("Volunteer", "LionLike MindState", "2012-06", "present"),
        ("Volunteer Swim Coach", "YMCA", "2013", "2014"),
    ]


def test_a_title_word_under_a_dated_header_is_no_heading() -> None:
    lines = [Line(text=t) for t in ("Jane Doe", "VOLUNTEER EXPERIENCE", "YMCA, Pomona, CA | 2013 – 2014",
                                     "Volunteer", "Taught swimming", "SKILLS", "Excel")]
    resume = structure(Document(path="x.txt", format="text", lines=lines), TODAY)
    assert [s.heading for s in resume.sections] == ["VOLUNTEER EXPERIENCE", "SKILLS"]


def test_an_undated_role_with_title_employer_and_place_is_kept() -> None:
    es = _entries(
        "Summer Camp Counselor",
        "GKX Martial Arts - Cedar Park, TX",
        "June 2018 to August 2018",
        "Kept camp organized and running smoothly; Engaged with camp goers on an",
        "individual level",
        "Coding Instructor",
        "Coding with Kids - Austin, TX",
    )
    assert [(e.title, e.employer, e.start) for e in es] == [
        ("Summer Camp Counselor", "GKX Martial Arts", "2018-06"),
        ("Coding Instructor", "Coding with Kids", None),
    ]


def test_a_bold_name_opening_the_section_heads_the_first_role() -> None:
    lines = [
        Line(text="Jane Doe"),
        Line(text="Work Experience"),
        Line(text="United States Coast Guard", bold=True),
        Line(text="US Department of Homeland Security"),
        Line(text="August 2019 to August 2022"),
        Line(text="Electronics Team Member", bold=True),
        Line(text="Target - Kailua, HI"),
        Line(text="November 2017 to July 2019"),
        Line(text="Present and sell electronic products to visitors. Restock shelves."),
    ]
    es = structure(Document(path="x.pdf", format="pdf", lines=lines), TODAY).experience
    assert _rows(es) == [
        ("United States Coast Guard", "US Department of Homeland Security", "2019-08", "2022-08"),
        ("Electronics Team Member", "Target", "2017-11", "2019-07"),
    ]


def test_name_before_its_place_is_the_employer_over_a_department_line() -> None:
    (e,) = _entries(
        "IBM, Research Triangle Park, NC",
        "Product & Design Research Associate, 2008-present",
        "Human Factors and Design Center",
        "Planned and analyzed survey questionnaires and focus group data.",
    )
    assert (e.title, e.employer, e.location) == (
        "Product & Design Research Associate", "IBM", "Research Triangle Park, NC"
    )


def test_one_capitalised_heading_word_beside_its_content() -> None:
    lines = [Line(text=t) for t in (
        "Jane Doe",
        "OBJECTIVE A coding position in a hospital where my audit experience helps",
        "EDUCATION The University, City, Texas | May 2019",
        "WORK EXPERIENCE",
        "Medical Coder | Acme Clinic | 2019 – 2021",
        "EPIC Systems are what I know best",
    )]
    resume = structure(Document(path="x.txt", format="text", lines=lines), TODAY)
    assert [(s.heading, s.kind) for s in resume.sections] == [
        ("OBJECTIVE", "summary"), ("EDUCATION", "education"), ("WORK EXPERIENCE", "experience")
    ]


def test_titles_listed_with_bullets_before_the_employer() -> None:
    es = _entries(
        "09/2008 – 07/2019",
        "Retail assistant • Duty manager • Iceland Frozen Foods",
        "- Ran the store after management left",
        "2001 - 2006",
        "Butcher • butcher • Perry Follows Butchers",
        "- Cut meat",
    )
    assert [(e.title, e.employer) for e in es] == [
        ("Retail assistant • Duty manager", "Iceland Frozen Foods"),
        ("Butcher", "Perry Follows Butchers"),
    ]
