"""Bad input: every file we cannot read raises the right error, one line, naming the file."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from resume_tool.errors import InputError, LimitExceeded, UnsupportedType
from resume_tool.limits import Limits
from resume_tool.read import read_bytes, read_document, sniff
from tests.fixtures.builders import (
    _tiny_png,
    build_docx,
    docx_with_xml,
    lie_about_sizes,
    many_pages_pdf,
    ole2_bytes,
    sample_spec,
    zip_bomb_docx,
)

FILES = Path(__file__).parent / "fixtures" / "files"
ONE_COLUMN = FILES / "coder-one-column.pdf"


def check_message(err: InputError, name: str, *fragments: str) -> None:
    """One line, "<file>: <problem>. <fix>", mentioning each fragment (case-insensitive)."""
    msg = str(err)
    assert "\n" not in msg
    assert msg.startswith(f"{name}: ")
    assert msg.count(". ") >= 1
    for frag in fragments:
        assert frag.lower() in msg.lower(), msg


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ------------------------------------------------------------------ sniffing
def test_sniff_by_content_not_extension(tmp_path: Path) -> None:
    pdf = ONE_COLUMN.read_bytes()
    docx_path = build_docx(sample_spec(), tmp_path / "resume.docx")
    assert sniff(pdf) == "pdf"
    assert sniff(docx_path.read_bytes()) == "docx"
    assert sniff(b"Maria Delgado\nCPC\n") == "text"
    # A PDF saved with a .docx name is still read as the PDF it is.
    doc = read_bytes(pdf, "renamed.docx")
    assert doc.format == "pdf"
    assert any("Maria Delgado" in ln.text for ln in doc.lines)


def test_pdf_magic_may_follow_junk_within_first_kb() -> None:
    data = b"\x00" * 300 + ONE_COLUMN.read_bytes()
    assert sniff(data) == "pdf"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    p = write(tmp_path, "empty.docx", data)
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p), "empty")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (ole2_bytes("WordDocument", "1Table"), "legacy Word 97-2003"),
        (ole2_bytes("Workbook"), "legacy Office"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Maria Delgado, CPC\\par}", "RTF"),
        (_tiny_png(), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "JPEG image"),
        (b"GIF89a" + bytes(50), "GIF image"),
        (b"II*\x00" + bytes(50), "TIFF image"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(50), "WebP image"),
        (b"BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00" + bytes(40), "BMP image"),
    ],
)
def test_unsupported_types(tmp_path: Path, data: bytes, what: str) -> None:
    p = write(tmp_path, "resume.docx", data)
    with pytest.raises(UnsupportedType) as info:
        read_document(p)
    check_message(info.value, str(p), what, "save it as docx or pdf")


def test_password_protected_word_file(tmp_path: Path) -> None:
    p = write(tmp_path, "locked.docx", ole2_bytes("EncryptionInfo", "EncryptedPackage"))
    with pytest.raises(InputError) as info:
        read_document(p)
    assert not isinstance(info.value, UnsupportedType)
    check_message(info.value, str(p), "password-protected word file", "remove the password")


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("entries", "what"),
    [
        ({"notes.txt": b"CPC exam notes"}, "ZIP archive"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}, ".odt"),
        ({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}, "Excel"),
    ],
)
def test_zip_that_is_not_a_word_document(
    tmp_path: Path, entries: dict[str, bytes], what: str
) -> None:
    p = write(tmp_path, "resume.docx", _zip(entries))
    with pytest.raises(UnsupportedType) as info:
        read_document(p)
    check_message(info.value, str(p), what)


def test_binary_garbage_named_txt(tmp_path: Path) -> None:
    p = write(tmp_path, "resume.txt", bytes(range(256)) * 4)
    with pytest.raises(UnsupportedType) as info:
        read_document(p)
    check_message(info.value, str(p), "binary data")


def test_random_bytes_named_pdf(tmp_path: Path) -> None:
    rng = random.Random(7)
    p = write(tmp_path, "resume.pdf", bytes(rng.randrange(256) for _ in range(5000)))
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p))


def test_plain_text_named_pdf(tmp_path: Path) -> None:
    p = write(
        tmp_path, "resume.pdf", b"This is a corrupt pdf file with junk bytes instead of a PDF"
    )
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p), "not a valid", "re-export")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "nope.pdf")
    check_message(info.value, str(tmp_path / "nope.pdf"), "no such file")
    with pytest.raises(InputError) as info:
        read_document(tmp_path)
    check_message(info.value, str(tmp_path), "folder")


# ------------------------------------------------------------------ corrupt PDF
@pytest.mark.parametrize("fraction", [0.1, 0.35, 0.5, 0.75, 0.95])
def test_truncated_pdf(tmp_path: Path, fraction: float) -> None:
    data = ONE_COLUMN.read_bytes()
    p = write(tmp_path, "cut.pdf", data[: int(len(data) * fraction)])
    with pytest.raises(InputError) as info:
        read_document(p)
    assert not isinstance(info.value, LimitExceeded)
    check_message(info.value, str(p), "not a valid PDF (damaged or truncated)", "re-export")


def test_pdf_with_garbage_body_keeps_cause(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "junk.pdf",
        b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog /Pages 9 0 R" + b"\n%%EOF\n",
    )
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p), "damaged or truncated")


def test_encrypted_pdf_with_user_password() -> None:
    p = FILES / "coder-encrypted-user-password.pdf"
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p), "password-protected", "without a password")


# ------------------------------------------------------------------ corrupt DOCX
def test_truncated_docx(tmp_path: Path) -> None:
    good = build_docx(sample_spec(), tmp_path / "good.docx").read_bytes()
    for cut in (len(good) // 3, len(good) - 200):
        p = write(tmp_path, f"cut{cut}.docx", good[:cut])
        with pytest.raises(InputError) as info:
            read_document(p)
        check_message(info.value, str(p), "damaged or truncated")


def test_docx_with_broken_xml_keeps_the_parser_error_as_cause(tmp_path: Path) -> None:
    p = docx_with_xml(tmp_path / "broken.docx", "<w:document xmlns:w='x'><w:body><w:p>")
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p), "not a valid Word (DOCX) file")
    assert info.value.__cause__ is not None


def test_xml_entity_declaration_is_rejected(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    p = docx_with_xml(tmp_path / "entity.docx", xml)
    with pytest.raises(InputError) as info:
        read_document(p)
    check_message(info.value, str(p), "DOCTYPE or entities", "save it again")


# ------------------------------------------------------------------ limits
def test_file_size_checked_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.pdf"
    with p.open("wb") as fh:  # sparse: 11 MB on paper, nothing on disk
        fh.truncate(11 * 1024 * 1024)
    with pytest.raises(LimitExceeded) as info:
        read_document(p)
    check_message(info.value, str(p), "11 MB", "10 MB")
    with pytest.raises(LimitExceeded):
        read_bytes(b"%PDF-1.4" + bytes(2000), "small-limit.pdf", Limits(max_bytes=1000))


def test_zip_bomb_is_caught(tmp_path: Path) -> None:
    p = zip_bomb_docx(tmp_path / "bomb.docx", inflate_to=12 * 1024 * 1024)
    assert p.stat().st_size < 100_000  # the point of a bomb: small on disk
    with pytest.raises(LimitExceeded) as info:
        read_document(p, Limits(max_uncompressed=8 * 1024 * 1024))
    check_message(info.value, str(p), "unpacks to more than 8 MB")


def test_zip_bomb_with_lying_headers_is_caught(tmp_path: Path) -> None:
    p = lie_about_sizes(zip_bomb_docx(tmp_path / "liar.docx", inflate_to=12 * 1024 * 1024))
    with pytest.raises(InputError) as info:
        read_document(p, Limits(max_uncompressed=8 * 1024 * 1024))
    check_message(info.value, str(p))


def test_too_many_zip_entries(tmp_path: Path) -> None:
    p = build_docx(sample_spec(), tmp_path / "resume.docx")
    with pytest.raises(LimitExceeded) as info:
        read_document(p, Limits(max_zip_entries=5))
    check_message(info.value, str(p), "parts")


def test_500_page_pdf_fails_without_parsing_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pdfminer.pdfinterp import PDFPageInterpreter

    p = many_pages_pdf(tmp_path / "book.pdf", 500)
    calls = []
    real = PDFPageInterpreter.process_page
    monkeypatch.setattr(
        PDFPageInterpreter, "process_page", lambda self, page: calls.append(1) or real(self, page)
    )
    with pytest.raises(LimitExceeded) as info:
        read_document(p)
    check_message(info.value, str(p), "500 pages", "20")
    assert calls == []


def test_page_limit_also_holds_while_reading(tmp_path: Path) -> None:
    p = many_pages_pdf(tmp_path / "five.pdf", 5)
    with pytest.raises(LimitExceeded):
        read_document(p, Limits(max_pages=3))
    assert read_document(p, Limits(max_pages=5)).pages == 5


@pytest.mark.parametrize("maker", ["pdf", "docx"])
def test_time_budget(tmp_path: Path, maker: str) -> None:
    p = ONE_COLUMN if maker == "pdf" else build_docx(sample_spec(), tmp_path / "r.docx")
    with pytest.raises(LimitExceeded) as info:
        read_document(p, Limits(max_seconds=-1))
    check_message(info.value, str(p), "longer than")


def test_max_chars_truncates(tmp_path: Path) -> None:
    p = write(
        tmp_path, "long.txt", ("Coded outpatient encounters with ICD-10-CM.\n" * 500).encode()
    )
    doc = read_document(p, Limits(max_chars=1000))
    assert 0 < len(doc.text) <= 1100
