"""Line-end hyphens in PDFs: a syllable break is removed, a compound's own hyphen is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_tool.read import read_document
from resume_tool.read.hyphens import keep_hyphen

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "files"


@pytest.mark.parametrize(
    ("head", "tail", "keep"),
    [
        ("reim", "bursement", False),  # joined form a word, halves not: a syllable break
        ("sin", "gle", False),  # one half a word, the other not
        ("avail", "able", False),  # both halves words, but "available" is a common word
        ("in", "patient", False),  # "inpatient": a solid form the keyword lists write
        ("cloud", "native", True),  # both halves words, "cloudnative" no word
        ("community", "driven", True),
        ("event", "driven", True),
        ("follow", "up", True),  # "followup" is only a glued rarity
        ("self", "pay", True),  # the keyword lists write "self-pay"
        ("multi", "specialty", True),  # doubt: "multispecialty" unknown, "multi" no word
        ("www.linkedin.com/in/lina", "dagaieva-54b1a5219", True),  # an address keeps its hyphen
    ],
)
def test_keep_hyphen(head: str, tail: str, keep: bool) -> None:
    assert keep_hyphen(head, tail, f"Worked on the {head}- {tail} billing project") is keep


def test_a_syllable_break_in_text_english_cannot_read_is_joined() -> None:
    """The dictionary only judges English; a Spanish resume's break is a syllable break."""
    context = "Gestión de fac- turación y cobranza para proveedores"
    assert keep_hyphen("fac", "turación", context) is False
    assert keep_hyphen("fac", "turación", "Managed the fac- turación for the billing office") is True


def _pdf(tmp_path: Path, lines: list[str]) -> Path:
    from reportlab.pdfgen import canvas

    p = tmp_path / "hyphens.pdf"
    c = canvas.Canvas(str(p))
    c.setFont("Helvetica", 10)
    y = 740
    for text in lines:
        c.drawString(72, y, text)
        y -= 13
    c.save()
    return p


def _texts(tmp_path: Path, lines: list[str]) -> list[str]:
    return [ln.text for ln in read_document(_pdf(tmp_path, lines)).lines]


def test_pdf_line_end_hyphens(tmp_path: Path) -> None:
    texts = _texts(
        tmp_path,
        [
            "Dana Whitfield, Certified Professional Coder",
            "Cut the time to reim-",
            "bursement by a third and built cloud-",
            "native tools for a community-",
            "driven billing office; coded in ICD-10-",
            "CM and CPT for every visit",
        ],
    )
    assert texts[1:] == [
        "Cut the time to reimbursement",
        "by a third and built cloud-native",
        "tools for a community-driven",
        "billing office; coded in ICD-10-",
        "CM and CPT for every visit",
    ]


def test_keywords_across_a_line_end_hyphen_still_match(tmp_path: Path) -> None:
    """The matcher splits at hyphens: "inpatient" must come out solid and "follow-up" with
    its hyphen ("in-patient" and "followup" match neither keyword)."""
    from resume_tool.api import engine

    texts = _texts(
        tmp_path,
        [
            "Dana Whitfield, Certified Professional Coder",
            "Abstracted charts for in-",
            "patient stays and worked A/R follow-",
            "up on denied claims every week",
        ],
    )
    assert texts[1:3] == ["Abstracted charts for inpatient", "stays and worked A/R follow-up"]
    _, matcher = engine()
    found = {m.entry_id for m in matcher.match("\n".join(texts))}
    assert {"inpatient-coding", "ar-follow-up"} <= found, found


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
def test_real_template_compounds_keep_their_hyphen() -> None:
    """pdftotext -layout shows "cloud-" and "community-" at the line ends of these files."""
    text = "\n".join(ln.text for ln in read_document(SHARED / "rm-template-two-column.pdf").lines)
    assert "cloud-native" in text and "community-driven" in text
    assert "cloudnative" not in text and "communitydriven" not in text
