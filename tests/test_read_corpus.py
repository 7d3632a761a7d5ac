"""The read stage on the public real-world corpus (../shared/corpus, see its MANIFEST.tsv)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from resume_tool.errors import InputError, UnsupportedType
from resume_tool.models import Document
from resume_tool.read import read_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "files"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"public corpus not found at {CORPUS}"),
]

FILES = sorted(p.name for p in CORPUS.glob("*")) if CORPUS.is_dir() else []
DOCUMENTED_ERRORS = {
    "edge-password-protected.pdf": "password-protected",
    "edge-corrupt-not-a-pdf.pdf": "not a valid",
}
# Files with no text layer (MANIFEST: a blank page; a Canva export flattened into one image).
NO_TEXT = {"edge-blank-page-no-text.pdf", "canva-sethkunzler-flattened-image-only.pdf"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def oracle_emails(path: Path) -> set[str]:
    """Emails another extractor finds: pdftotext for PDFs, the raw XML text for DOCX."""
    if path.suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext not installed")
        out = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=False
        )
        text = out.stdout
    else:
        with zipfile.ZipFile(path) as zf:
            parts = [
                n
                for n in zf.namelist()
                if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)
            ]
            xml = " ".join(zf.read(n).decode("utf-8") for n in parts)
            text = re.sub(r"<[^>]+>", "", re.sub(r"</w:p>|<w:br/>|<w:tab/>", " ", xml))
    return set(EMAIL.findall(text))


_cache: dict[str, Document] = {}


def read(name: str) -> Document:
    if name not in _cache:
        _cache[name] = read_document(CORPUS / name)
    return _cache[name]


def index(doc: Document, fragment: str, start: int = 0) -> int:
    for i, line in enumerate(doc.lines[start:], start):
        if fragment in line.text:
            return i
    raise AssertionError(f"{fragment!r} not found")


@pytest.mark.parametrize("name", FILES)
def test_every_corpus_file(name: str) -> None:
    path = CORPUS / name
    if name in DOCUMENTED_ERRORS:
        with pytest.raises(InputError) as info:
            read_document(path)
        assert not isinstance(info.value, UnsupportedType)
        msg = str(info.value)
        assert "\n" not in msg and msg.startswith(f"{path}: ")
        assert DOCUMENTED_ERRORS[name] in msg
        return
    doc = read(name)
    if name in NO_TEXT:
        assert doc.lines == [] and doc.observed("no-text")
        return
    assert not doc.observed("no-text")
    assert len(doc.text.split()) > 20
    assert "(cid:" not in doc.text
    assert not re.search(r"[\ue000-\uf8ff]", doc.text), "private-use glyphs must not reach the text"
    # The oracles glue neighbouring text onto an address (pdftotext joins a wrapped certificate
    # URL, "…Biswal-ankitbiswal123@gmail.com1473891.pdf"; the raw XML has no run separators,
    # "…maia@gmail.com190500"): the reader must keep the address itself.
    found = set(EMAIL.findall(doc.text))
    for email in oracle_emails(path):
        assert any(e in email for e in found), f"{email} missing from {name}"
    assert doc.pages >= max((ln.page or 1) for ln in doc.lines)


def test_two_column_template_does_not_interleave() -> None:
    doc = read("rm-template-two-column.pdf")
    assert doc.observed("multi-column")
    # A bullet of the main column runs on to its next line, no sidebar text between.
    i = index(doc, "Designed and implemented real-time fraud detection")
    assert doc.lines[i + 1].text.startswith("transactions per second")
    # The sidebar's SKILLS heading is followed by its own items, all in column 2.
    s = index(doc, "SKILLS")
    assert doc.lines[s].column == 2
    assert doc.lines[s + 1].text.split(" | ")[:2] == ["Go", "Python"]
    # The whole main column comes before the sidebar.
    assert index(doc, "optimization capabilities") < index(doc, "EDUCATION")
    # Right-aligned dates stay on their title line.
    assert "Senior Software Engineer | Jan 2023 - Present" in doc.text.split("\n")


def test_older_two_column_variant_keeps_the_sidebar_summary_together() -> None:
    doc = read("rm-template-two-column-v1.pdf")
    i = index(doc, "Senior Software Engineer with 5+ years of")
    assert doc.lines[i].column == 2
    assert doc.lines[i + 1].text == "proven expertise designing and building"
    assert index(doc, "EXPERIENCE") < i


def test_altacv_sidebar_stays_together() -> None:
    doc = read("altacv-sample.pdf")
    s = index(doc, "STRENGTHS")
    block = [ln.text for ln in doc.lines[s + 1 : s + 5]]
    assert block[0].startswith("Hard-working") and block[-1] == "Statistical Analysis"
    assert index(doc, "Job description 2") < index(doc, "MY LIFE PHILOSOPHY")


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("moderncv-template_classic_green.pdf", "year–year | Degree, Institution, City, Grade."),
        (
            "rm-alfred-pennyworth-pm-moderncv.pdf",
            "2012 – 2017 | Software Development Engineer III, Amazon, Seattle, WA, USA",
        ),
        (
            "rm-alfred-pennyworth-pm-moderncv.pdf",
            "2017 – Present | Product Manager, Google, Mountain View, CA, USA",
        ),
        ("livecareer-15499825-health-information-specialist.pdf", "January 2016 to Current"),
    ],
)
def test_date_columns_stay_with_their_entry(name: str, line: str) -> None:
    """moderncv's left date column and LiveCareer's stacked dates are not a text column."""
    texts = [ln.text.replace(" | ", " ") for ln in read(name).lines]
    assert line.replace(" | ", " ") in texts


@pytest.mark.parametrize(
    "name",
    [
        "rendercv-john-doe-classic.pdf",
        "rendercv-john-doe-sb2nov.pdf",
        "rm-john-doe-fullstack-plain-latex.pdf",
        "rm-barry-allen-frontend-moderncv.pdf",
        "rm-harvey-dent-mle-moderncv.pdf",
        "livecareer-15499825-health-information-specialist.pdf",
        "or-laverne-resume.pdf",
        "bjh-john-smith-kent-sample.pdf",
        "infoextractor-john-smith-word2019.pdf",
    ],
)
def test_single_column_resumes_are_not_split(name: str) -> None:
    doc = read(name)
    assert not doc.observed("multi-column")
    assert all(ln.column is None for ln in doc.lines)


def test_rendercv_dates_next_to_their_entry() -> None:
    doc = read("rendercv-john-doe-classic.pdf")
    i = index(doc, "Nexus AI, Co-Founder & CTO")
    assert doc.lines[i + 1].text == "June 2023 – present"
    assert doc.lines[i + 2].list_item and doc.lines[i + 2].text.startswith("Built foundation model")


def test_word_for_mac_broken_space_glyphs() -> None:
    doc = read("or-laverne-resume.pdf")
    assert "Leo Leopard" in doc.text.split("\n")
    assert "(909) 555-5555" in doc.text


def test_icon_glyphs_are_dropped_and_reported() -> None:
    doc = read("moderncv-template_classic_green.pdf")
    (obs,) = doc.observed("unmapped-glyphs")
    assert obs.count > 0
    assert "john@doe.org" in doc.text


def test_soft_breaks_docx() -> None:
    doc = read("infoextractor-john-smith-softbreaks.docx")
    texts = [ln.text for ln in doc.lines]
    assert "Email: john.smith@email.com" in texts and "Phone: (555) 123-4567" in texts
    i = texts.index("Tech Solutions Inc. | 2020 - Present")
    assert doc.lines[i + 1].list_item


def test_header_contact_docx() -> None:
    doc = read("presume-sample-person-header-contact.docx")
    assert doc.lines[0].text == "Sample Person" and doc.lines[0].source == "header"
    assert any(o.sample.startswith("header: Sample Person") for o in doc.observed("header-footer"))
    assert any(ln.hyperlinks for ln in doc.lines)


def test_docx_pdf_pair_agree() -> None:
    """The same resume as DOCX and as Word's PDF gives the same words."""
    a = read("bjh-john-smith-kent-sample.docx")
    b = read("bjh-john-smith-kent-sample.pdf")

    def words(d: Document) -> set[str]:
        return set(re.findall(r"[a-z0-9]{3,}", d.text.lower()))

    wa, wb = words(a), words(b)
    assert len(wa & wb) / len(wa | wb) > 0.95
