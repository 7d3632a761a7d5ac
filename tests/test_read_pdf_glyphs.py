"""Glyphs whose letters the font does not give: a ligature read through the span's
/ActualText, and a glyph that maps to U+0000 counted instead of vanishing unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_tool.read import read_bytes, read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "files"

# Helvetica whose code 1 is a ligature glyph the ToUnicode map sends to U+0000, the way
# Google Docs exports Merriweather's "ff" (and code 2 to "x", a readable letter).
_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /T def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <01> <0000> <02> <0078> endbfchar
1 beginbfrange <20> <7E> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


_FILLER = b"Certified professional coder and billing specialist"


def _pdf(body: bytes) -> bytes:
    """A one-page PDF whose text is ``body`` (content-stream operators inside BT ... ET)."""
    # a second line, so the page holds enough text not to count as a scan
    content = b"BT /F1 12 Tf 72 700 Td " + body + b" 0 -30 Td (" + _FILLER + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 2"
        b" /Widths [600 500] /Encoding << /Differences [1 /f_f 2 /x] >> /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(_TO_UNICODE) + _TO_UNICODE + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _read(body: bytes):
    return read_bytes(_pdf(body), "glyphs.pdf")


def _text(body: bytes) -> str:
    return " ".join(ln.text for ln in _read(body).lines if ln.text != _FILLER.decode())


def test_actual_text_gives_a_ligature_its_letters() -> None:
    doc = _read(b"(Worked most e) Tj /Span <</ActualText (ff)>> BDC (\\001) Tj EMC (ectively) Tj")
    assert "most effectively" in " ".join(ln.text for ln in doc.lines)
    assert not doc.observed("unmapped-glyphs")


def test_actual_text_in_utf16_is_read() -> None:
    body = b"(Regulatory A) Tj /Span <</ActualText <FEFF00660066>>> BDC (\\001) Tj EMC (airs) Tj"
    assert "Regulatory Affairs" in _text(body)


def test_a_lost_glyph_without_actual_text_is_counted() -> None:
    """With no ActualText the letters cannot be recovered; the glyph is reported, not
    silently dropped (no marker is inserted: the project has no convention for one)."""
    doc = _read(b"(Worked most e) Tj (\\001) Tj (ectively with the billing team) Tj")
    assert "most eectively" in " ".join(ln.text for ln in doc.lines)
    assert doc.observed("unmapped-glyphs")


def test_actual_text_does_not_override_readable_glyphs() -> None:
    """An ActualText no one sees is not trusted over a glyph that reads as a letter."""
    body = b"(Worked with a) Tj /Span <</ActualText (ff)>> BDC (\\002) Tj EMC (-ray team) Tj"
    assert "with ax-ray team" in _text(body)


def test_actual_text_does_not_turn_a_space_into_letters() -> None:
    body = b"(Worked most) Tj /Span <</ActualText (ff)>> BDC ( ) Tj EMC (effectively) Tj"
    assert "most effectively" in _text(body)


@pytest.mark.parametrize("actual", [b"(email: )", b"(\\\\faTrophy :)", b"(3.5)", b"(Python and Java)"])
def test_actual_text_that_is_not_a_ligature_is_ignored(actual: bytes) -> None:
    """altacv labels its icons "email: " and "\\faTrophy :"; those are not words on the page."""
    body = b"(Contact me ) Tj /Span <</ActualText " + actual + b">> BDC (\\001) Tj EMC (today please) Tj"
    text = _text(body)
    assert text == "Contact me today please"


def test_unbalanced_marked_content_is_harmless() -> None:
    """A stray EMC before or after a span changes nothing; a span never closed is not
    applied (its glyphs run past the ligature, so they are not one)."""
    body = b"EMC (Worked most e) Tj /Span <</ActualText (ff)>> BDC (\\001) Tj EMC (ectively) Tj EMC"
    assert "most effectively" in _text(body)
    body = b"(Worked most e) Tj /Span <</ActualText (ff)>> BDC (\\001) Tj (ectively) Tj"
    assert "most eectively" in _text(body)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared corpus not present")
def test_real_google_docs_ligatures_keep_their_letters() -> None:
    """The Google Docs export's "ff" glyph maps to U+0000; pdftotext reads "effective"."""
    text = "\n".join(ln.text for ln in read_document(SHARED / "gdocs-brooksby-two-column.pdf").lines)
    for word in ("most effective.", "a different city", "work effectively", "Regulatory Affairs"):
        assert word in text
    for lost in ("eective", "dierent", "Aairs"):
        assert lost not in text


def test_actual_text_never_plants_a_word_a_reader_cannot_see() -> None:
    """Only a ligature's letters come from an ActualText, onto one unreadable glyph: a span
    saying "CPC" or "RHIT" over a glyph that shows nothing is no credential of the resume."""
    for body, shown in (
        (b"(Skills: Epic, ) Tj /Span <</ActualText (CPC)>> BDC (\\001) Tj EMC (, Cerner) Tj", "Skills: Epic, , Cerner"),
        (b"(Certified ) Tj /Span <</ActualText (RHIT)>> BDC (\\001) Tj EMC ( coder) Tj", "Certified coder"),
        (b"(Skills ) Tj /Span <</ActualText (fi)>> BDC (\\001\\001\\001) Tj EMC ( coder) Tj", "Skills coder"),
    ):
        assert _text(body) == shown
    assert _text(b"(e) Tj /Span <</ActualText (ff)>> BDC (\\001) Tj EMC (ective) Tj") == "effective"
