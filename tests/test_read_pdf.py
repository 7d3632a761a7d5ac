"""PDF reader on the committed fixtures (reportlab, LibreOffice) and on PDFs built here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from resume_tool.models import Document
from resume_tool.read import read_document
from tests.fixtures.builders import build_pdf, sample_spec

FILES = Path(__file__).parent / "fixtures" / "files"


def index(doc: Document, fragment: str) -> int:
    for i, line in enumerate(doc.lines):
        if fragment in line.text:
            return i
    raise AssertionError(f"{fragment!r} not in:\n{doc.text}")


@pytest.fixture(scope="module")
def one_column() -> Document:
    return read_document(FILES / "coder-one-column.pdf")


@pytest.fixture(scope="module")
def sidebar() -> Document:
    return read_document(FILES / "coder-sidebar-two-column.pdf")


def test_one_column_lines(one_column: Document) -> None:
    spec = sample_spec(0)
    doc = one_column
    assert doc.format == "pdf" and doc.pages == 1
    assert doc.lines[0].text == spec.name and doc.lines[0].bold and doc.lines[0].font_size == 20
    assert all(ln.page == 1 and ln.column is None and ln.source == "body" for ln in doc.lines)
    assert not doc.observed("multi-column")
    heads = [
        index(doc, h) for h in ("SUMMARY", "SKILLS", "CERTIFICATIONS", "EXPERIENCE", "EDUCATION")
    ]
    assert heads == sorted(heads)
    assert doc.lines[heads[0]].bold and not doc.lines[heads[0] + 1].bold


def test_right_aligned_date_stays_on_the_title_line(one_column: Document) -> None:
    job = sample_spec(0).jobs[0]
    line = one_column.lines[index(one_column, job.employer)]
    assert line.text == f"{job.title}, {job.employer} | {job.dates}"


def test_bullets_become_list_items(one_column: Document) -> None:
    bullet = one_column.lines[index(one_column, "Assign ICD-10-CM")]
    assert bullet.list_item and bullet.text.startswith("Assign")
    assert not one_column.lines[index(one_column, "SUMMARY")].list_item
    assert "(cid:" not in one_column.text and "•" not in one_column.text
    assert not one_column.observed("unmapped-glyphs")


def test_link_annotation_attached_to_its_line(one_column: Document) -> None:
    spec = sample_spec(0)
    line = one_column.lines[index(one_column, spec.email)]
    assert line.hyperlinks == [spec.linkedin]
    assert sum(len(ln.hyperlinks) for ln in one_column.lines) == 1


def test_sidebar_is_read_column_by_column(sidebar: Document) -> None:
    spec = sample_spec(2)
    doc = sidebar
    (obs,) = doc.observed("multi-column")
    assert obs.page == 1 and obs.count == 2
    # The full-width name band comes first, with no column.
    assert doc.lines[0].text == spec.name and doc.lines[0].column is None
    # The skills stay together, in order, in column 1, before the main column starts.
    first = index(doc, spec.skills[0])
    assert [ln.text for ln in doc.lines[first : first + len(spec.skills)]] == spec.skills
    assert {ln.column for ln in doc.lines[first : first + len(spec.skills)]} == {1}
    assert index(doc, spec.certifications[-1]) < index(doc, "SUMMARY")
    # Main column: every line from SUMMARY on is column 2, even below the sidebar's end.
    main = doc.lines[index(doc, "SUMMARY") :]
    assert {ln.column for ln in main} == {2}
    assert any("Verified insurance eligibility" in ln.text for ln in main)


def test_libreoffice_export(tmp_path: Path) -> None:
    spec = sample_spec(3)
    doc = read_document(FILES / "coder-one-column-libreoffice.pdf")
    assert doc.pages == 2
    assert [ln.page for ln in doc.lines] == sorted(ln.page or 0 for ln in doc.lines)
    assert doc.lines[-1].page == 2
    assert spec.email in doc.text
    job = spec.jobs[0]
    assert f"{job.title}, {job.employer} | {job.dates}" in doc.text.replace("’", "'")
    assert doc.lines[index(doc, "Assign ICD-10-CM")].list_item


def test_scanned_pdf_gives_no_text_observation() -> None:
    doc = read_document(FILES / "coder-scanned-image-only.pdf")
    assert doc.lines == []
    (obs,) = doc.observed("no-text")
    assert "images" in obs.detail
    assert doc.pages == 1


def test_owner_password_only_opens(tmp_path: Path) -> None:
    p = build_pdf(sample_spec(1), tmp_path / "owner.pdf", owner_password="only-the-owner")
    assert sample_spec(1).email in read_document(p).text


def test_white_and_tiny_text(tmp_path: Path) -> None:
    spec = replace(
        sample_spec(0),
        hidden_keywords="CCS ICD-10-PCS DRG validation",
        tiny_text="HCC risk adjustment",
    )
    doc = read_document(build_pdf(spec, tmp_path / "tricks.pdf"))
    (hidden,) = doc.observed("hidden-text")
    assert hidden.sample == "CCS ICD-10-PCS DRG validation"
    (tiny,) = doc.observed("tiny-font")
    assert tiny.sample == "HCC risk adjustment"
    assert not read_document(FILES / "coder-one-column.pdf").observed("hidden-text")


def test_white_text_on_a_dark_band_is_visible(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    p = tmp_path / "banner.pdf"
    c = canvas.Canvas(str(p), pagesize=letter)
    c.setFillColorRGB(0.1, 0.2, 0.4)
    c.rect(0, 700, 612, 60, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, 720, "Maria Delgado, CPC")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 10)
    c.drawString(72, 650, "Outpatient coder with ICD-10-CM, CPT and HCPCS experience.")
    c.drawString(72, 400, "white on white below")
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 380, "inpatient CDI DRG")
    c.save()
    doc = read_document(p)
    (hidden,) = doc.observed("hidden-text")
    assert hidden.sample == "inpatient CDI DRG"
    assert doc.lines[0].text == "Maria Delgado, CPC" and doc.lines[0].bold


def test_shared_baseline_fragments_join(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "frag.pdf"
    c = canvas.Canvas(str(p))
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Coding Specialist, Acme Clinic")
    c.drawRightString(540, 700, "Jan 2019 – Dec 2020")
    c.drawString(72, 686, "Reviewed operative notes for CPT surgical")
    c.drawString(
        72 + c.stringWidth("Reviewed operative notes for CPT surgical ", "Helvetica", 10),
        686,
        "coding accuracy",
    )
    c.drawString(72, 672, "Charge entry with reim-")
    c.drawString(72, 658, "bursement follow-up")
    c.save()
    lines = [ln.text for ln in read_document(p).lines]
    assert lines == [
        "Coding Specialist, Acme Clinic | Jan 2019 – Dec 2020",
        "Reviewed operative notes for CPT surgical coding accuracy",
        "Charge entry with reimbursement",
        "follow-up",
    ]
