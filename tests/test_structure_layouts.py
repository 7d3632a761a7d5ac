"""Issue 11: real layouts read right — dates, names, headings, LinkedIn, UK CVs, placeholders.

Hand-made lines first (always run); then real files from ``../shared/corpus`` (skipped when
it is absent), with expected values read off the files by a person, not from the tool.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from resume_tool.models import Document, Line
from resume_tool.structure import classify_heading, parse_date_range, structure
from resume_tool.structure.contact import LOCATION_RE, find_phone, guess_name

TODAY = date(2026, 11, 28)
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "files"


def doc(*texts: str | Line) -> Document:
    lines = [t if isinstance(t, Line) else Line(text=t) for t in texts]
    return Document(path="x.txt", format="text", lines=lines)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("06/15 – 08/18", "2015-06", "2018-08"),
        ("6/15-8/18", "2015-06", "2018-08"),
        ("Jun 15 – Aug 18", "2015-06", "2018-08"),
        ("Since 2019", "2019", "present"),
        ("since March 2020", "2020-03", "present"),
        ("2019 – ongoing", "2019", "present"),
        ("2018 to date", "2018", "present"),
        ("Jan 2017 - Till Date", "2017-01", "present"),
        ("Mar-2016 to Till Date", "2016-03", "present"),
        ("2016 Mar- to Till Date", "2016-03", "present"),
        ("2019 onwards", "2019", "present"),
        ("Jan-19 - Present", "2019-01", "present"),
        ("December 2021 - Present (4 years 3 months)", "2021-12", "present"),
        ("06/99 – 12/02", "1999-06", "2002-12"),
        ("25/09/2021 – 30/08/2022", "2021-09", "2022-08"),
    ],
)
def test_more_date_forms(text: str, start: str, end: str) -> None:
    r = parse_date_range(text, TODAY)
    assert r is not None, text
    assert (r.start, r.end) == (start, end)
    assert r.problems == []


def test_two_digit_years_are_never_in_the_future() -> None:
    r = parse_date_range("Jan '27 – Mar '28", TODAY)
    assert r is not None and (r.start, r.end) == ("1927-01", "1928-03")
    r = parse_date_range("06/26 – 10/26", TODAY)
    assert r is not None and (r.start, r.end) == ("2026-06", "2026-10")


def test_a_lone_two_digit_day_is_not_a_date() -> None:
    assert parse_date_range("Met on May 15 with the team", TODAY) is None
    assert parse_date_range("covered 24/7 phones, 3/4 of calls", TODAY) is None
    r = parse_date_range("May 15, 2019", TODAY)
    assert r is not None and r.start == "2019"


def _entries(*texts: str | Line):
    return structure(doc("Jane Doe", "Experience", *texts), TODAY).experience


def test_current_role_does_not_end_when_it_started() -> None:
    (e,) = _entries("Medical Coder | Acme Clinic | Since 2019", "- Coded charts")
    assert (e.start, e.end) == ("2019", "present")


def test_durations_are_neither_dates_nor_employers() -> None:
    (e,) = _entries("Billing Specialist | Acme Clinic | May 2018 - Jan 2020 (1 year 9 months)", "- Posted")
    assert e.employer == "Acme Clinic" and e.title == "Billing Specialist"
    assert (e.start, e.end) == ("2018-05", "2020-01")


def test_mm_yy_roles_do_not_merge() -> None:
    es = _entries(
        "Coder, Acme Clinic 06/15 – 08/18",
        "- Coded charts",
        "Biller, Riverbend Hospital 6/12-5/15",
        "- Posted payments",
    )
    assert [(e.title, e.employer, e.start, e.end) for e in es] == [
        ("Coder", "Acme Clinic", "2015-06", "2018-08"),
        ("Biller", "Riverbend Hospital", "2012-06", "2015-05"),
    ]


def test_titles_with_commas_and_employer_first() -> None:
    (e,) = _entries("Supervisor, Front Desk & Call Center", "Acme Hospital | 2019 – 2021", "- Led")
    assert e.title == "Supervisor, Front Desk & Call Center" and e.employer == "Acme Hospital"
    (e,) = _entries("Alpine Technologies, Director of Operations Jul. 2019 – Current", "- Ran")
    assert (e.title, e.employer) == ("Director of Operations", "Alpine Technologies")
    (e,) = _entries("Data Scientist, Uber, San Francisco, USA 2018 – 2021", "- Modelled")
    assert (e.title, e.employer) == ("Data Scientist", "Uber")


def test_anonymised_company_city_state_title_line() -> None:
    (e,) = _entries("Company Name City , State Health Information Specialist", "January 2016 to Current", "- Did")
    assert (e.title, e.employer) == ("Health Information Specialist", "Company Name")


def test_a_sentence_with_a_title_word_stays_a_bullet() -> None:
    es = _entries(
        "Company Name March 2006 to September 2007 Shift Lead",
        "Reconciled income and made bank deposits.",
        "Assisted General Manager.",
        "Company Name June 2004 to March 2006 Sales Associate",
        "Answered questions.",
    )
    assert len(es) == 2 and es[0].bullets[-1] == "Assisted General Manager."


def test_date_first_then_role_line() -> None:
    es = _entries("09/2008 – 07/2019", "Butcher • butcher • Perry Follows Butchers", "- Cut meat")
    assert (es[0].title, es[0].employer, es[0].start) == ("Butcher", "Perry Follows Butchers", "2008-09")


def test_uk_and_wrapped_headings() -> None:
    for h in (
        "Personal Statement", "Employment History", "Education & Qualifications", "Key Skills",
        "Career History", "Professional Development", "References", "Relevant Work Experience",
    ):
        found = classify_heading(h)
        assert found is not None and found[1], h
    d = doc(
        "Jane Doe",
        Line("WORK", bold=True),
        Line("EXPERIENCE", bold=True),
        "Coder | Acme Clinic | 2019 – 2021",
        "- Coded",
    )
    r = structure(d, TODAY)
    assert [(s.heading, s.kind) for s in r.sections] == [("WORK EXPERIENCE", "experience")]
    assert r.experience[0].employer == "Acme Clinic"


def test_spanish_headings_are_recognised_and_named() -> None:
    r = structure(doc("Ana Ruiz", "Experiencia", "Codificadora | Clínica Sol | 2019 – 2021", "Educación", "Idiomas"), TODAY)
    assert r.language == "Spanish"
    assert {s.kind for s in r.sections} >= {"experience", "education"}


@pytest.mark.parametrize(
    "text", ["Your Name Here", "Outbound Sales", "Core Strengths", "Top Skills", "Contact", "Sex Male"]
)
def test_never_a_name(text: str) -> None:
    assert guess_name(text) is None


def test_placeholders_are_collected() -> None:
    r = structure(doc("Your Name Here", "Replace with First name(s) Surname(s)", "Member, [Club Name]", "Lorem ipsum dolor"), TODAY)
    assert r.contact.name is None
    assert {"Your Name Here", "[Club Name]", "Lorem ipsum"} <= set(r.placeholders)


def test_phone_with_word_en_dash() -> None:
    assert find_phone("Tel: (416) 555 – 0123") == "(416) 555 – 0123"


def test_location_pattern_is_linear() -> None:
    t0 = time.perf_counter()
    for text in ("Ab-" * 40000, "Aaaa Bbbb " * 12000):
        list(LOCATION_RE.finditer(text))
    assert time.perf_counter() - t0 < 2.0  # quadratic took minutes on these


# ------------------------------------------------------------------ real files
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def _real(name: str):
    from resume_tool.read import read_document

    return structure(read_document(CORPUS / name), TODAY)


@needs_corpus
def test_linkedin_export_company_title_dates() -> None:
    r = _real("linkedin-fcirone-profile-export-5pages.pdf")
    assert r.layout_family == "linkedin"
    assert r.contact.name == "Fabio Cirone"
    got = [(e.employer, e.title, e.start, e.end) for e in r.experience]
    assert got[:3] == [
        ("eightroom", "CTO", "2021-12", "present"),
        ("Speedy.io", "Managing Director Brazil", "2020-01", "2021-12"),
        ("Crossover for Work", "Chief Software Architect", "2018-05", "2020-01"),
    ]
    assert len(got) == 11
    assert not any(e.employer and "month" in e.employer for e in r.experience)


@needs_corpus
def test_linkedin_several_roles_at_one_company() -> None:
    r = _real("linkedin-apico-profile-export.pdf")
    assert r.contact.name == "Alexander Pico"
    got = [(e.employer, e.title) for e in r.experience]
    assert got[0] == ("Gladstone Institutes", "Bioinformatics Core Director, Research Investigator")
    assert got[4] == ("Gladstone Institutes", "Postdoctoral Fellow")
    assert got[5] == ("Cytoscape Consortium", "Vice President")
    assert len(got) == 8


@needs_corpus
def test_uk_table_cv() -> None:
    r = _real("beardedpete87-uk-cv-word-table-template.docx")
    assert r.contact.name == "Peter Fitzsimmons"
    got = [(e.employer, e.start, e.end) for e in r.experience]
    assert got == [("Iceland Frozen Foods", "2008-09", "2019-07"), ("Perry Follows Butchers", "2001", "2006")]


@needs_corpus
def test_livecareer_anonymised_titles() -> None:
    r = _real("livecareer-15499825-health-information-specialist.pdf")
    assert [e.title for e in r.experience] == [
        "Health Information Specialist",
        "Health Information Specialist",
        "Healthcare Record/Payroll Coordinator",
        "Medical Records Lead",
    ]
    assert {e.employer for e in r.experience} == {"Company Name"}


@needs_corpus
def test_skill_list_under_work_history_is_not_a_job() -> None:
    r = _real("livecareer-23918545-claims-service-specialist-billing.pdf")
    assert r.experience[0].title == "Claims Service Specialist"
    assert all(e.start for e in r.experience)


@needs_corpus
def test_template_placeholder_name_is_not_a_name() -> None:
    r = _real("sebvc-template-left-heading-table.docx")
    assert r.contact.name is None
    assert "Your Full Name" in r.placeholders


def test_template_and_language_findings() -> None:
    from resume_tool.analyze.findings import check_template_and_language

    r = structure(doc("Your Name Here", "Experience", "Member, [Club Name] | 2019 – 2021"), TODAY)
    codes = [f.code for f in check_template_and_language(r)]
    assert codes == ["template-text"]
    r = structure(doc("Ana Ruiz", "Experiencia", "Codificadora | Clínica Sol | 2019 – 2021", "Educación"), TODAY)
    (f,) = check_template_and_language(r)
    assert f.code == "not-english" and "Spanish" in f.message and f.severity == "info"
    r = structure(doc("Jane Doe", "Experience", "Coder | Acme Clinic | 2019 – 2021"), TODAY)
    assert check_template_and_language(r) == []


def test_overlapping_roles_in_start_order_are_reverse_chronological() -> None:
    from resume_tool.analyze.findings import out_of_order

    r = structure(
        doc(
            "Jane Doe",
            "Experience",
            "Coder | Acme Clinic | Oct 2019 – Present",
            "- Coded",
            "Biller | Riverbend Hospital | Jan 2019 – Oct 2019",
            "- Billed",
            "Auditor | Lakeside Group | Jan 2018 – Present",
            "- Audited",
        ),
        TODAY,
    )
    assert len(r.experience) == 3 and out_of_order(r) is None
    r = structure(
        doc("Jane Doe", "Experience", "Biller | Riverbend | 2015 – 2016", "- B", "Coder | Acme | 2018 – 2020", "- C"),
        TODAY,
    )
    assert out_of_order(r) is not None


@needs_corpus
def test_title_and_employer_on_real_layouts() -> None:
    r = _real("soupboss-mickey-textboxes-header.docx")
    got = [(e.title, e.employer) for e in r.experience]
    assert got[1] == ("Director of IT – Hybrid Cloud and Enterprise IT Automation", "The Walt Disney Company")
    assert got[-1] == ("Director – IT Operations", "First Look Studios")
    assert len(got) == 7
    r = _real("europass-dagadbm-word-template-header.docx")
    assert [e.employer for e in r.experience[:3]] == ["Unbabel", "Mash", "BitSight"]
    assert r.contact.name == "David Barbosa Maia"
    r = _real("soupboss-aws-devops-example-pdfshift.pdf")
    assert [(e.title, e.employer) for e in r.experience] == [
        ("AWS DevOps Engineer", "S&P Global"),
        ("AWS DevOps Engineer", "Jefferson Frank"),
    ]


@needs_corpus
def test_spanish_linkedin_export_is_named() -> None:
    r = _real("linkedin-rodrigobaezg-profile-export-es.pdf")
    assert r.contact.name == "Rodrigo Báez García"
    assert r.language == "Spanish"


@needs_corpus
def test_nested_table_cv_in_russian() -> None:
    r = _real("alinshay-cv-ru-nested-tables.docx")
    assert r.contact.name == "Алина Шайхутдинова"
    assert [(e.title, e.employer, e.start, e.end) for e in r.experience] == [
        ("Старший техник-программист", "АО «НИИ «Субмикрон»", "2017-04", "2018-06"),
        ("Инженер-программист", "АО «НИИ «Субмикрон»", "2018-07", "present"),
    ]


@needs_corpus
def test_spanish_cv_with_run_in_headings() -> None:
    r = _real("karensch25-cv-es-pandoc-runin-headings.pdf")
    assert r.language == "Spanish"
    got = [(e.title, e.employer, e.start) for e in r.experience]
    assert got[0] == ("GBS Intermediate AR", "UPS", "2024")
    assert got[2] == ("Asesor bilingüe", "Webhelp (para Avianca)", "2024")
    assert len(got) == 6


def test_run_in_heading_and_title_above_dates() -> None:
    r = structure(
        doc(
            "Ana Ruiz",
            "Experiencia Profesional Analista Contable",
            "Accenture — Bogotá, Colombia",
            "2024",
            Line("Concilié cuentas bancarias", list_item=True),
            "Auxiliar Logístico",
            "Casa Luker — 2018",
            Line("Manejo documental", list_item=True),
        ),
        TODAY,
    )
    assert [(s.heading, s.kind) for s in r.sections] == [("Experiencia Profesional", "experience")]
    assert [(e.title, e.employer, e.start) for e in r.experience] == [
        ("Analista Contable", "Accenture", "2024"),
        ("Auxiliar Logístico", "Casa Luker", "2018"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("First Certificate in English, Cambridge ESOL", None),  # Europass: an item in a table
        ("Certificate in Medical Coding", None),
        ("Associate Degree of Applied Science", None),
        ("High School Education in Computer Science", None),  # a degree line, not a heading
        ("Continuing Education in Management Skills", None),
        ("Training in Epic Resolute", None),
        ("Education in Progress", "education"),
        ("Continuing Education", "education"),
        ("Education and Training", "education"),
        ("Licenses, Certifications", "certifications"),
        ("Education, Training and Certifications", "certifications"),
        ("Technical Skills", "skills"),
        ("Certifications in Progress", "certifications"),  # plural: a heading
        ("Certificates of Achievement", "certifications"),
    ],
)
def test_a_credential_named_like_a_heading_is_an_item(text: str, kind: str | None) -> None:
    found = classify_heading(text)
    assert (found[0] if found else None) == kind


# ------------------------------------------------------------------ misspelt standard headings
@pytest.mark.parametrize(
    "text, kind, right",
    [
        ("Professional Summery", "summary", "Professional Summary"),
        ("Work Experiance", "experience", "Work Experience"),
        ("Educaton", "education", "Education"),
        ("Certifcations", "certifications", "Certifications"),
        ("Skils", "skills", "Skills"),
        ("PROFESSIONAL SUMMERY", "summary", "PROFESSIONAL SUMMARY"),  # written in its own case
        ("Techincal Skills:", "skills", "Technical Skills:"),  # two neighbours swapped
        ("Areas of Expertize", "skills", "Areas of Expertise"),
        ("Sumary", "summary", "Summary"),
        ("Interest and Hobbies", "other", "Interests and Hobbies"),  # a singular among heading words
    ],
)
def test_a_misspelt_standard_heading_is_a_nonstandard_heading(text: str, kind: str, right: str) -> None:
    from resume_tool.structure.headings import heading_slip

    assert classify_heading(text) == (kind, False)
    assert heading_slip(text) == right


@pytest.mark.parametrize(
    "text, found",
    [
        ("Summer", None),  # two edits from "summary"
        ("Summaries", None),
        ("Professional Summit", None),  # two edits from "summary"
        ("Tasks:", None),  # a common word of its own, not a slip of "Talks"
        ("Parents", None),
        ("Honours", None),  # British spelling of honors
        ("Licences", None),  # British spelling of licenses
        ("Project", None),  # a lone singular may label an item
        ("Award", None),
        ("Tols", None),  # one edit from "tools", but 4 letters: short words never fuzz
        ("Skil", None),  # 4 letters (and two edits from "skills")
        ("Work Experiance in medical coding.", None),  # a sentence
        ("Experiance coding inpatient and outpatient charts daily", None),  # over six words
        ("Educaton 2019", None),  # a digit: not heading-shaped
    ],
)
def test_near_misses_that_are_not_slips(text: str, found: tuple[str, bool] | None) -> None:
    from resume_tool.structure.headings import heading_slip

    assert heading_slip(text) is None
    assert classify_heading(text) == found


def test_slips_never_fuzz_foreign_or_cue_words() -> None:
    from resume_tool.structure.headings import heading_slip

    # "Competences" is French "compétences" without its accents (and British English): the
    # cue "competenc" still reads it as skills, but it is not called a misspelling
    assert classify_heading("Competences") == ("skills", False) and heading_slip("Competences") is None
    assert heading_slip("Experiencia Laborall") is None  # one edit from Spanish, not fuzzed
    assert classify_heading("Experiencia Laborall") is None
    assert heading_slip("Toolbx") is None and classify_heading("Toolbx") is None  # cue "toolbox"


def test_a_slip_opens_its_section_when_it_looks_like_a_heading() -> None:
    from resume_tool.analyze.findings import check_headings

    r = structure(
        doc(
            "Jane Doe",
            Line("PROFESSIONAL SUMMERY"),
            "Certified coder with five years of outpatient coding.",
            Line("Work Experiance", bold=True),
            "Medical Coder | Acme Clinic | 2019 – 2023",
            Line("Educaton:"),
            "Associate of Applied Science, Health Information Technology",
            Line("Skils", bold=True),
            "ICD-10-CM, CPT, HCPCS",
        ),
        TODAY,
    )
    got = [(s.heading, s.kind, s.standard) for s in r.sections]
    assert got == [
        ("PROFESSIONAL SUMMERY", "summary", False),
        ("Work Experiance", "experience", False),
        ("Educaton", "education", False),
        ("Skils", "skills", False),
    ]
    findings = [f for f in check_headings(r) if f.code == "nonstandard-heading"]
    assert len(findings) == 4
    assert findings[0].message == (
        'The heading "PROFESSIONAL SUMMERY" looks like a misspelling of "PROFESSIONAL SUMMARY"; '
        "ATS look for the exact word."
    )
    assert findings[1].fix == 'Correct it to "Work Experience".'


def test_a_slip_alone_on_its_line_is_a_heading_but_never_in_a_sentence() -> None:
    """A slip of a standard heading stands alone like the heading itself (a plain-text resume
    has no looks to go by); a misspelt word in a sentence is never a heading."""
    r = structure(
        doc(
            "Jane Doe",
            "Summary",
            "Certified coder with five years of outpatient coding.",
            "Educaton",
            "Associate of Applied Science, Health Information Technology",
            "Work Experiance includes inpatient coding.",
        ),
        TODAY,
    )
    assert [(s.heading, s.standard) for s in r.sections] == [("Summary", True), ("Educaton", False)]


def test_a_cue_heading_keeps_its_rename_advice() -> None:
    from resume_tool.analyze.findings import check_headings

    r = structure(doc("Jane Doe", Line("Where I've Made an Impact", bold=True), "Coder"), TODAY)
    (f,) = [f for f in check_headings(r) if f.code == "nonstandard-heading"]
    assert "misspelling" not in f.message and f.fix == 'Rename it to "Experience".'


@needs_corpus
def test_real_singular_slip_heading_opens_its_section() -> None:
    """Labelled by reading the file (tests/eval/real_structure.toml): the sidebar heading
    "Interest and Hobbies" opens its own section instead of running on under LANGUAGES."""
    r = _real("ankit2540-designer-cv-sidebar-word365.pdf")
    heads = [(s.heading, s.kind, s.standard) for s in r.sections]
    assert ("Interest and Hobbies", "other", False) in heads
