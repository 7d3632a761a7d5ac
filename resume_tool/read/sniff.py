"""Decide what a file is from its bytes, never from its name.

People rename files ("resume.pdf" that is really a .doc, a DOCX saved as .pdf), so the
extension only serves to explain a mismatch. Everything we do not read gets an
``UnsupportedType`` whose message says to save the file as DOCX or PDF.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from ..errors import InputError, UnsupportedType
from .guard import zip_errors

Kind = Literal["docx", "pdf", "text"]

_SAVE_AS = "Save it as DOCX or PDF (File > Save As) and check that file instead"

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _zip_kind(data: bytes, name: str | None) -> Kind:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zip_errors() as err:
        raise InputError(
            name,
            "not a valid Word (DOCX) file or ZIP archive (damaged or truncated)",
            "Open the original in your word processor and re-export it as DOCX or PDF",
        ) from err
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names or "content.xml" in names:
        what = "an OpenDocument file (.odt), which this tool does not read"
    elif "xl/workbook.xml" in names:
        what = "an Excel workbook, not a resume document"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint file, not a resume document"
    elif "[Content_Types].xml" in names:
        what = "an Office file without a Word document inside"
    else:
        what = "a ZIP archive, not a Word document"
    raise UnsupportedType(name, f"this is {what}", _SAVE_AS)


def _check_text(data: bytes, name: str | None) -> None:
    """Reject binary data that no text encoding would make sense of."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a BOM: NULs are expected
    sample = data[: 64 * 1024]
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13)) + sample.count(b"\x7f")
    if b"\x00" in sample or bad > max(2, len(sample) // 100):
        raise UnsupportedType(
            name,
            "this is not a DOCX, PDF or text file (it holds binary data of an unknown type)",
            _SAVE_AS,
        )


def sniff(data: bytes, name: str | None = None) -> Kind:
    """Return "docx", "pdf" or "text" for ``data``; raise for anything we do not read.

    ``name`` is only used in error messages.
    """
    if not data.strip():
        raise InputError(
            name, "the file is empty", "Save the resume again from your word processor"
        )
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    if data.startswith(_OLE2):
        head = data[: 512 * 1024]
        if _utf16("EncryptionInfo") in head or _utf16("EncryptedPackage") in head:
            raise InputError(
                name,
                "password-protected Word file",
                "Remove the password (File > Info > Protect Document > Encrypt with Password, "
                "clear it) and save it again as DOCX",
            )
        what = (
            "a legacy Word 97-2003 document (.doc)"
            if _utf16("WordDocument") in head
            else "a legacy Office 97-2003 file (OLE2)"
        )
        raise UnsupportedType(name, f"this is {what}, which this tool does not read", _SAVE_AS)
    if data.startswith(b"{\\rtf"):
        raise UnsupportedType(
            name, "this is an RTF document, which this tool does not read", _SAVE_AS
        )
    for magic, what in _IMAGES:
        if data.startswith(magic):
            raise UnsupportedType(
                name,
                f"this is {what}; a picture of a resume has no text an ATS can read",
                _SAVE_AS,
            )
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise UnsupportedType(
            name,
            "this is a WebP image; a picture of a resume has no text an ATS can read",
            _SAVE_AS,
        )
    if data[:2] == b"BM" and len(data) >= 26 and data[6:10] == b"\x00\x00\x00\x00":
        raise UnsupportedType(
            name, "this is a BMP image; a picture of a resume has no text an ATS can read", _SAVE_AS
        )
    _check_text(data, name)
    return "text"
