"""Rebuild the bundled example resume (fictional person) as DOCX, and as PDF with LibreOffice.

    python examples/make_examples.py

The example is deliberately imperfect, the way real resumes are: contact details in the
page header, a skills table, roles out of order, "CPC" without its long form. That gives
`resume-tool check` something to find and `resume-tool draft` something to fix.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def build_docx(path: Path) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    header = doc.sections[0].header.paragraphs[0]
    header.text = "jordan.rivera@example.com | (217) 555-0142 | linkedin.com/in/jordan-rivera-example"

    doc.add_heading("Jordan Rivera, CPC", level=0)
    doc.add_paragraph("Springfield, IL 62701")

    doc.add_heading("Professional Summary", level=1)
    doc.add_paragraph(
        "CPC-certified medical coder with six years of professional fee coding for primary care, "
        "cardiology and orthopedics. Accurate ICD-10-CM and CPT coding, E/M leveling and claim edit "
        "resolution in Epic and athenahealth."
    )

    doc.add_heading("Skills", level=1)
    table = doc.add_table(rows=3, cols=2)
    cells = [
        ("ICD-10-CM, CPT, HCPCS Level II", "E/M leveling (2021 MDM guidelines)"),
        ("Modifiers 25, 59 and XS", "NCCI edits and LCD/NCD review"),
        ("Epic, athenahealth, 3M encoder", "HIPAA privacy and compliance"),
    ]
    for row, (left, right) in zip(table.rows, cells, strict=True):
        row.cells[0].text = left
        row.cells[1].text = right

    doc.add_heading("Experience", level=1)
    jobs = [
        (
            "Medical Coder | Prairie Family Medicine | Springfield, IL | Jun 2017 – Aug 2020",
            [
                "Coded 90+ primary care encounters a day with ICD-10-CM, CPT and HCPCS Level II codes.",
                "Reduced coding-related denials by 18% by fixing modifier 25 usage with providers.",
            ],
        ),
        (
            "Professional Fee Coder II | Central Illinois Heart & Vascular | Springfield, IL | Sept. 2020 – Present",
            [
                "Assign E/M levels and cardiology procedure codes for 12 providers in Epic.",
                "Maintain 97% accuracy on quarterly internal audits.",
                "Work claim edits and denials in Epic work queues; write appeals for medical necessity denials.",
            ],
        ),
        (
            "Patient Account Representative | Lincoln Land Orthopedics | Decatur, IL | 03/2013 - 05/2015",
            [
                "Posted payments from EOBs and ERAs and followed up on unpaid claims.",
                "Verified insurance eligibility and obtained prior authorizations.",
            ],
        ),
    ]
    for header_line, bullets in jobs:
        p = doc.add_paragraph()
        p.add_run(header_line).bold = True
        for bullet in bullets:
            doc.add_paragraph(bullet, style="List Bullet")

    doc.add_heading("Education", level=1)
    doc.add_paragraph("Associate of Applied Science, Health Information Technology | Lincoln Land Community College | 2016")

    doc.add_heading("Certifications", level=1)
    doc.add_paragraph("CPC, AAPC (2017)", style="List Bullet")
    doc.save(path)


def build_pdf(docx_path: Path, pdf_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise SystemExit("LibreOffice is needed to rebuild the PDF example")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [office, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True, capture_output=True, timeout=120,
        )
        shutil.copy(Path(tmp) / (docx_path.stem + ".pdf"), pdf_path)


if __name__ == "__main__":
    docx_path = HERE / "resume.docx"
    build_docx(docx_path)
    build_pdf(docx_path, HERE / "resume.pdf")
    print(f"wrote {docx_path} and {HERE / 'resume.pdf'}")
