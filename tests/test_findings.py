"""Both sides of every resume-level finding: a resume that raises it and one that does not."""

from __future__ import annotations

from datetime import date

import pytest

from resume_tool.analyze.findings import has_quantified_result, resume_findings
from resume_tool.models import Document, Line, Observation
from resume_tool.structure import structure

TODAY = date(2026, 11, 28)

FILLER = (
    "Reviewed provider documentation and assigned diagnosis and procedure codes for clinic "
    "visits, working closely with physicians and the billing office on every open question. "
) * 12


def make(*lines: str | Line, fmt: str = "docx", observations: list[Observation] | None = None,
         pages: int = 1) -> Document:
    return Document(
        path="r.docx",
        format=fmt,  # type: ignore[arg-type]
        lines=[ln if isinstance(ln, Line) else Line(text=ln) for ln in lines],
        pages=pages,
        observations=observations or [],
    )


def good_lines() -> list[str | Line]:
    return [
        "Jordan Rivera",
        "jordan@example.com | (217) 555-0142 | Springfield, IL",
        "Summary",
        FILLER,
        "Experience",
        "Medical Coder II | Central Heart Clinic | Springfield, IL | Sept. 2020 – Present",
        Line(text="Maintain 97% accuracy on quarterly audits.", list_item=True),
        "Medical Coder | Prairie Family Medicine | Decatur, IL | Jun 2017 – Aug 2020",
        Line(text="Coded 90 encounters a day.", list_item=True),
        "Education",
        "Associate of Applied Science, Health Information Technology | Lincoln Land Community College | 2016",
        "Certifications",
        "CPC, AAPC",
        "Skills",
        "ICD-10-CM, CPT, HCPCS",
    ]


def codes(document: Document) -> set[str]:
    return {f.code for f in resume_findings(structure(document, TODAY), TODAY)}


def test_clean_resume_raises_nothing() -> None:
    assert codes(make(*good_lines())) == set()


def test_no_text() -> None:
    empty = make(observations=[Observation(kind="no-text", detail="no text layer")], fmt="pdf")
    found = resume_findings(structure(empty, TODAY), TODAY)
    assert [f.code for f in found if f.severity == "error"] == ["no-text"]
    assert "no-text" not in codes(make(*good_lines()))


def test_contact_in_header_footer_and_missing_contact() -> None:
    lines = good_lines()
    lines[1] = Line(text="jordan@example.com | (217) 555-0142", source="header")
    found = resume_findings(structure(make(*lines), TODAY), TODAY)
    header = [f for f in found if f.code == "contact-in-header-footer"]
    assert [f.severity for f in header] == ["error"]
    assert "missing-contact" not in {f.code for f in found}
    lines = good_lines()
    lines[1] = "Springfield, IL"
    assert "missing-contact" in codes(make(*lines))
    assert "contact-in-header-footer" not in codes(make(*lines))


@pytest.mark.parametrize(
    "kind, code",
    [
        ("table", "table-layout"),
        ("text-box", "text-box"),
        ("multi-column", "multi-column"),
        ("hidden-text", "hidden-text"),
        ("tiny-font", "hidden-text"),
    ],
)
def test_layout_observations(kind: str, code: str) -> None:
    obs = [Observation(kind=kind, detail="seen", sample="ICD-10-CM CPT")]
    assert code in codes(make(*good_lines(), observations=obs))
    assert code not in codes(make(*good_lines()))


def test_nonstandard_heading_and_missing_section() -> None:
    lines = good_lines()
    lines[4] = Line(text="Where I've Made an Impact", style="Heading 1")
    got = codes(make(*lines))
    assert "nonstandard-heading" in got
    lines = [ln for ln in good_lines() if ln not in ("Skills", "ICD-10-CM, CPT, HCPCS")]
    assert "missing-section" in codes(make(*lines))


def test_reverse_chronological() -> None:
    lines = good_lines()
    lines[5], lines[7] = lines[7], lines[5]
    lines[6], lines[8] = lines[8], lines[6]
    assert "not-reverse-chronological" in codes(make(*lines))


def test_old_experience_and_dates() -> None:
    lines = good_lines()
    lines[7] = "Medical Coder | Prairie Family Medicine | Decatur, IL | 2009 – 2014"
    assert "experience-older-than-10-years" in codes(make(*lines))
    lines[7] = "Medical Coder | Prairie Family Medicine | Decatur, IL | 06/2017 - 08/2020"
    got = codes(make(*lines))
    assert "date-inconsistent" in got  # month names and numbers mixed
    lines[7] = "Medical Coder | Prairie Family Medicine | Decatur, IL | Aug 2020 – Jun 2017"
    assert "date-inconsistent" in codes(make(*lines))
    lines[7] = "Medical Coder | Prairie Family Medicine | Decatur, IL | sometime in the teens"
    assert "date-unparsed" in codes(make(*lines))


def test_quantified_results_ignore_codes_and_years() -> None:
    assert not has_quantified_result(
        ["Coded ICD-10-CM and CPT 99213 with modifier 25 since 2019", "Submitted CMS-1500 and 837P claims"]
    )
    assert has_quantified_result(["Reduced denials by 18%"])
    assert has_quantified_result(["Coded 120 charts per day"])
    assert has_quantified_result(["Recovered $40,000 in underpayments"])
    lines = good_lines()
    lines[6] = Line(text="Maintain accuracy on quarterly audits.", list_item=True)
    lines[8] = Line(text="Coded E/M encounters with modifier 25.", list_item=True)
    assert "no-quantified-results" in codes(make(*lines))


def test_length_and_file_type() -> None:
    assert "length" in codes(make("Jordan Rivera", "jordan@example.com", "(217) 555-0142", "Experience", "Coder"))
    assert "length" in codes(make(*good_lines(), pages=4))
    assert "file-type" in codes(make(*good_lines(), fmt="text"))
    assert "file-type" not in codes(make(*good_lines(), fmt="pdf"))


def test_each_experience_section_keeps_its_own_order() -> None:
    lines = good_lines()
    volunteer = [
        "Volunteer Experience",
        "Coding Tutor | Springfield Library | Springfield, IL | Jan 2022 – Present",
        Line(text="Tutored 12 students in medical terminology.", list_item=True),
    ]
    at = lines.index("Education")
    assert "not-reverse-chronological" not in codes(make(*lines[:at], *volunteer, *lines[at:]))
    # ...but inside one section the order still counts
    lines[5], lines[7] = lines[7], lines[5]
    lines[6], lines[8] = lines[8], lines[6]
    assert "not-reverse-chronological" in codes(make(*lines[:at], *volunteer, *lines[at:]))


def test_older_roles_finding_names_as_many_as_it_counts() -> None:
    from resume_tool.analyze.findings import check_dates

    lines = good_lines()[:5]
    for year in range(2000, 2010):
        lines += [f"Coder {year} | Clinic {year} | Springfield, IL | {year} – {year + 1}",
                  Line(text="Coded 50 charts a day.", list_item=True)]
    lines += good_lines()[9:]
    resume = structure(make(*lines), TODAY)
    f = next(f for f in check_dates(resume, TODAY) if f.code == "experience-older-than-10-years")
    n = int(f.message.split()[0])
    assert n == 10
    assert f.where.count("(") == 3 and f.where.endswith("and 7 more")
    # one old role: named, no "more"
    lines = good_lines()
    lines[7] = "Medical Coder | Prairie Family Medicine | Decatur, IL | 2009 – 2014"
    resume = structure(make(*lines), TODAY)
    f = next(f for f in check_dates(resume, TODAY) if f.code == "experience-older-than-10-years")
    assert f.message.startswith("1 role(s)") and "more" not in f.where


def test_quantified_result_check_is_linear_on_100kb(tmp_path) -> None:
    """Issue 15: the _RESULT pattern backtracked super-linearly on ~100 KB of digits and words.
    Time-bound regression test, run in a subprocess so a hang cannot stall the suite."""
    import subprocess
    import sys

    code = (
        "from resume_tool.analyze.findings import has_quantified_result as h\n"
        "h(['9' * 100_000]); h(['1 ' * 50_000]); h(['1,' * 50_000 + 'x']); h(['12 ab ' * 17_000])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], timeout=20, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-500:]
    # the bound does not hide a result at the start of a long bullet
    assert has_quantified_result(["Coded 120 charts per day " + "x" * 100_000])
