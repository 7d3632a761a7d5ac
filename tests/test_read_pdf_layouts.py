"""PDF layouts read the way a person reads them: a left column of section headings beside
the content, and a main column that runs on over the next page before the sidebars."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_tool.read import read_document
from resume_tool.structure import structure

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "files"


def _texts(path: Path) -> list[str]:
    return [ln.text for ln in read_document(path).lines]


def test_left_heading_column_is_woven_into_the_content(tmp_path: Path) -> None:
    """Right-aligned headings wrapped in a narrow left cell go above the row they start beside."""
    from reportlab.pdfgen import canvas

    p = tmp_path / "left-headings.pdf"
    c = canvas.Canvas(str(p))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 760, "Dana Whitfield")
    y = 700
    sections = [
        (["WORK", "EXPERIENCE"], [
            "Billing Specialist, Mercy Clinic | Jun 2019 – Present",
            "Posted charges and worked denials for four providers",
            "Reconciled daily deposits with the practice system",
            "Coding Assistant, Lakeside Hospital | Jan 2016 – May 2019",
            "Abstracted inpatient charts for the coding team",
            "Tracked missing documentation and followed up",
        ]),
        (["HONORS", "AND", "AWARDS"], [
            "Employee of the Quarter, Mercy Clinic | 2021",
            "Recognised for reducing claim rejections by half",
            "Dean's List, County College | 2015",
        ]),
        (["SKILLS"], [
            "Epic, Cerner, Excel and the practice management system",
            "ICD-10-CM and CPT for outpatient visits",
            "Payer portals for eligibility and claim status",
        ]),
    ]
    for heads, body in sections:
        hy = y
        for word in heads:
            c.setFont("Helvetica-Bold", 10)
            c.drawRightString(130, hy, word)
            hy -= 11  # the heading cell's own line spacing, not the content's
        for text in body:
            c.setFont("Helvetica", 10)
            c.drawString(150, y, text)
            y -= 17
        y = min(y, hy) - 12
    c.save()
    lines = _texts(p)
    for heading, first in (
        ("WORK EXPERIENCE", "Billing Specialist, Mercy Clinic"),
        ("HONORS AND AWARDS", "Employee of the Quarter"),
        ("SKILLS", "Epic, Cerner"),
    ):
        at = lines.index(heading)
        assert lines[at + 1].startswith(first), lines
    assert lines.index("HONORS AND AWARDS") > lines.index("Tracked missing documentation and followed up")
    resume = structure(read_document(p))
    assert [(e.employer, e.start) for e in resume.experience][:2] == [
        ("Mercy Clinic", "2019-06"), ("Lakeside Hospital", "2016-01")
    ]
    assert [s.kind for s in resume.sections if s.heading == "WORK EXPERIENCE"] == ["experience"]


def test_sidebar_words_beside_content_are_still_a_sidebar(tmp_path: Path) -> None:
    """Upper-case sidebar lines that do not line up with the content stay a column of their own."""
    from reportlab.pdfgen import canvas

    p = tmp_path / "sidebar.pdf"
    c = canvas.Canvas(str(p))
    c.setFont("Helvetica", 10)
    for n, word in enumerate(["EPIC", "CERNER", "EXCEL", "ICD-10-CM", "CPT CODING", "HCPCS"]):
        c.drawString(40, 707 - n * 23, word)
    for n in range(16):
        c.drawString(200, 700 - n * 14, f"Reviewed claims and posted payments for clinic number {n + 1}")
    c.save()
    lines = _texts(p)
    assert lines[:6] == ["EPIC", "CERNER", "EXCEL", "ICD-10-CM", "CPT CODING", "HCPCS"] or lines[-6:] == [
        "EPIC", "CERNER", "EXCEL", "ICD-10-CM", "CPT CODING", "HCPCS"
    ]


def _two_column_page(c, main: list[str], side: list[str]) -> None:
    y = 740
    for text in main:
        c.setFont("Helvetica-Bold" if text.isupper() else "Helvetica", 10)
        c.drawString(50, y, text)
        y -= 14
    y = 734
    for text in side:
        c.setFont("Helvetica-Bold" if text.isupper() else "Helvetica", 10)
        c.drawString(400, y, text)
        y -= 19  # the sidebar's own spacing: its lines meet the main column's only by chance
    c.showPage()


def test_main_column_runs_on_over_the_next_page_before_the_sidebar(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "gdocs.pdf"
    c = canvas.Canvas(str(p))
    _two_column_page(
        c,
        ["EXPERIENCE", "Mercy Clinic, Dayton, Ohio — Billing Specialist", "June 2019 - May 2023",
         "I posted charges and worked denials for four providers", "and reconciled the daily deposits",
         "Lakeside Hospital, Xenia, Ohio — Coding Assistant", "January 2016 - May 2019",
         "I abstracted inpatient charts for the coding team and", "followed up on missing documentation"],
        ["CONTACT", "937-555-0143", "dana@example.com", "SKILLS", "Epic and Cerner",
         "Claim denials", "Payment posting", "Medical terminology"],
    )
    _two_column_page(
        c,
        ["Valley Pharmacy — Pharmacy Clerk", "May 2014 - December 2015",
         "I checked prescriptions in and answered patient calls", "about refills and insurance",
         "EDUCATION", "Sinclair College, Dayton, Ohio — Medical Billing Certificate", "2015"],
        ["REFERENCES", "Available on request", "from past supervisors", "and my instructors",
         "at Sinclair College"],
    )
    c.save()
    doc = read_document(p)
    lines = [ln.text for ln in doc.lines]
    assert lines.index("Valley Pharmacy — Pharmacy Clerk") == lines.index(
        "followed up on missing documentation"
    ) + 1
    assert lines.index("CONTACT") > lines.index("2015")
    resume = structure(doc)
    assert [e.employer for e in resume.experience] == ["Mercy Clinic", "Lakeside Hospital", "Valley Pharmacy"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
def test_real_left_heading_table_pdf() -> None:
    lines = _texts(SHARED / "sebvc-template-left-heading-table.pdf")
    assert lines[lines.index("WORK EXPERIENCE") + 1].startswith("Company Name, Location")
    assert lines[lines.index("RELEVANT EXPERIENCE") + 1].startswith("Company/Organization")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
def test_real_google_docs_two_column_pdf() -> None:
    resume = structure(read_document(SHARED / "gdocs-brooksby-two-column.pdf"))
    employers = [e.employer for e in resume.experience]
    for name in ("Three Points Center", "Proof. Pest Control", "Stephen Wade Chevrolet Cadillac", "Zions Bank"):
        assert name in employers, employers
