"""Requirement lines beyond keywords, each rule both ways: a title is named only by a title (not
a sentence, a degree line or a different job sharing two words), a total of years with roles of
one date only is unclear rather than "not met", the asking words are never cut inside a word,
and an education that names no comparable level is unclear."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from resume_tool import check

TODAY = date(2026, 11, 28)


def _resume(tmp_path: Path, *, headline: str = "", title: str = "Medical Coder",
            dates: str = "Jan 2021 – Present", education: str = "Associate of Applied Science, HIT",
            extra_role: str = "") -> Path:
    path = tmp_path / "r.txt"
    path.write_text(
        f"Avery Stone\navery.stone@example.com | (312) 555-0188\n{headline}\n\nSummary\n"
        "Coder with outpatient experience.\n\nExperience\n"
        f"{title} | Lakeshore Clinic | Chicago, IL | {dates}\n- Coded 80 encounters a day.\n"
        f"{extra_role}\nEducation\n{education} | City College | 2020\n\nSkills\nCPT, ICD-10-CM\n",
        encoding="utf-8",
    )
    return path


def _posting(tmp_path: Path, title: str, body: str = "- CPT coding.\n") -> Path:
    path = tmp_path / "p.txt"
    path.write_text(f"{title}\n\nRequirements\n{body}", encoding="utf-8")
    return path


def _checks(resume: Path, posting: Path) -> dict:
    return {c.kind: c for c in check(resume, posting=posting, today=TODAY).checks}


def test_title_needs_every_word_and_the_head_noun(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "Patient Service Rep")
    assert _checks(_resume(tmp_path, title="Patient Service Representative"), posting)["title"].status == "met"
    # two words shared, but another job
    for other in ("Customer Service Rep", "Patient Access Rep"):
        assert _checks(_resume(tmp_path, title=other), posting)["title"].status == "not met"
    posting = _posting(tmp_path, "Medical Billing Specialist")
    assert _checks(_resume(tmp_path, title="Medical Technician/ Healthcare Specialist"),
                   posting)["title"].status == "not met"
    assert _checks(_resume(tmp_path, title="Medical Billing Specialist II"), posting)["title"].status == "met"


def test_title_is_not_read_from_a_sentence_or_degree_line(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "Medical Assistant")
    got = _checks(_resume(tmp_path, headline="Over 1.5 years as an assistant in the medical field."),
                  posting)
    assert got["title"].status == "not met"
    assert _checks(_resume(tmp_path, headline="Medical Assistant"), posting)["title"].status == "met"


def test_title_after_a_comma_and_certified(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "Associate, Medical Policy Development")
    assert _checks(_resume(tmp_path, title="Billing Services Associate"), posting)["title"].status == "not met"
    assert _checks(_resume(tmp_path, title="Medical Policy Development Associate"),
                   posting)["title"].status == "met"
    posting = _posting(tmp_path, "Certified Medical Coder")
    assert _checks(_resume(tmp_path, title="Medical Coder"), posting)["title"].status == "met"
    assert _checks(_resume(tmp_path, title="Medical Biller"), posting)["title"].status == "not met"


def test_years_with_a_role_of_one_date_only_is_unclear(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "Medical Coder", "- 3+ years of outpatient coding experience.\n")
    # a role whose end date was never read: its length is unknown, so no "not met"
    got = _checks(_resume(tmp_path, dates="Jun 2026 – Aug 2026",
                          extra_role="Coding Clerk | Mercy | Chicago, IL | 2012\n- Filed charts.\n"),
                  posting)["years"]
    assert got.status == "unclear" and "one date only" in got.message
    # every role dated as a range: a short total is "not met"
    got = _checks(_resume(tmp_path, dates="Jun 2026 – Aug 2026"), posting)["years"]
    assert got.status == "not met"
    assert _checks(_resume(tmp_path, dates="Jan 2019 – Present"), posting)["years"].status == "met"


def test_years_quote_is_never_cut_inside_a_word(tmp_path: Path) -> None:
    long = ("- 2 years of experience working as a Medical Assistant in an outpatient clinical/medical "
            "office setting preferred.\n")
    got = _checks(_resume(tmp_path), _posting(tmp_path, "Medical Coder", long))["years"]
    assert "clinical/medical ..." in got.message and "offi\"" not in got.message
    short = "- 2 years of outpatient coding experience.\n"
    got = _checks(_resume(tmp_path), _posting(tmp_path, "Medical Coder", short))["years"]
    assert '"2 years of outpatient coding experience"' in got.message and "..." not in got.message


def test_education_bba_and_no_level_is_unclear(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "Medical Coder", "- Bachelor's degree required.\n")
    got = _checks(_resume(tmp_path, education="Temple University BBA : Business Administration"), posting)
    assert got["education"].status == "met"
    got = _checks(_resume(tmp_path, education="Coding program, Temple University"), posting)
    assert got["education"].status == "unclear"
    got = _checks(_resume(tmp_path, education="Associate of Applied Science, HIT"), posting)
    assert got["education"].status == "not met"


def test_title_shown_without_a_bracketed_note(tmp_path: Path) -> None:
    got = _checks(_resume(tmp_path), _posting(tmp_path, "Title: Biller (job description)"))["title"]
    assert '"Biller"' in got.message and "job description" not in got.message
    got = _checks(_resume(tmp_path), _posting(tmp_path, "Title: Medical Coder (Remote)"))["title"]
    assert got.status == "met" and '"Medical Coder"' in got.message
