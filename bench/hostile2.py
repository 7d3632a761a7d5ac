"""Round two of hostile inputs (issue 15): each a function that returns the file's bytes.

Decompression and font-map bombs, operator and path floods, invisible text, DOCX parts with a
DOCTYPE in UTF-32, regex worst cases. Used by tests/test_hostile2.py (which builds every file
in a temp dir) and by bench/fuzz_readers.py (as seeds for the PDF mutations). Every file is
small on disk (a few KB, or up to ~10 MB for the floods, which is the size limit) and each one
costs the old reader seconds to minutes and gigabytes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
VISIBLE = "Medical coder with CPC credential and inpatient ICD-10-CM coding experience"


def pdf(objects: Sequence[bytes], root: int = 1, xref: bool = True) -> bytes:
    """A PDF with these object bodies (numbered from 1); ``xref=False`` leaves the table out
    so pdfminer falls back to scanning the file (and expands object streams it finds)."""
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\n".encode()
    out += f"startxref\n{start if xref else 0}\n%%EOF\n".encode()
    return out


def stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


def deflate_zeros(n: int, level: int = 9) -> bytes:
    """``zlib`` of ``n`` zero bytes, streamed (no ``n``-byte buffer is ever made)."""
    c = zlib.compressobj(level)
    block = bytes(1 << 20)
    parts = []
    left = n
    while left > 0:
        k = min(left, len(block))
        parts.append(c.compress(block[:k]))
        left -= k
    parts.append(c.flush())
    return b"".join(parts)


def page_pdf(content: bytes, *, resources: str = "/Font << /F1 4 0 R >>", extra: Sequence[bytes] = (),
             filters: str = "") -> bytes:
    """One letter-size page whose content stream is ``content`` (already encoded for ``filters``)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << {resources} >> "
        "/Contents 5 0 R >>".encode(),
        _FONT,
        stream(content, f"/Filter [{filters}] " if filters else ""),
        *extra,
    ]
    return pdf(objs)


def text_ops(lines: Sequence[str], y: int = 720) -> bytes:
    out = b""
    for i, line in enumerate(lines):
        out += f"BT /F1 11 Tf 72 {y - 16 * i} Td ({line}) Tj ET\n".encode()
    return out


# ------------------------------------------------------------------ decompression bombs
def flate_twice(inflated: int = 2 * 1024**3) -> bytes:
    """A content stream Flate-compressed twice: a few KB that inflate to ``inflated`` bytes."""
    inner = deflate_zeros(inflated)
    return page_pdf(zlib.compress(inner, 9), filters="/FlateDecode /FlateDecode")


def flate_many_streams(per_stream: int = 60 * 1024**2, n: int = 4) -> bytes:
    """``n`` content streams each under the per-stream cap, together over the per-file cap."""
    body = zlib.compress(deflate_zeros(per_stream), 9)
    kids = " ".join(f"{5 + i} 0 R" for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        f"/Contents [{kids}] >>".encode(),
        _FONT,
        *[stream(body, "/Filter [/FlateDecode /FlateDecode] ") for _ in range(n)],
    ]
    return pdf(objs)


def objstm_bomb(inflated: int = 2 * 1024**3) -> bytes:
    """An object stream (Flate twice) in a file without an xref table: pdfminer's fallback
    scan expands every object stream it finds."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        _FONT,
        stream(text_ops([VISIBLE])),
        stream(zlib.compress(deflate_zeros(inflated), 9),
               "/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode] "),
    ]
    return pdf(objs, xref=False)


def runlength_bomb(n: int = 200 * 1024**2) -> bytes:
    """RunLengthDecode: two bytes make 128, so 4 MB of runs make 256 MB."""
    runs = b"\x81 " * (n // 128) + b"\x80"
    return page_pdf(runs, filters="/RunLengthDecode")


def cmap_range_bomb() -> bytes:
    """A ToUnicode map with one range <00000000> <FFFFFFFF>: 4.3 billion entries one by one."""
    return cmap_pdf(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )


def cmap_pdf(cmap: bytes) -> bytes:
    """A page whose font has ``cmap`` as its ToUnicode map."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        stream(text_ops([VISIBLE])),
        stream(cmap),
    ]
    return pdf(objs)


# ------------------------------------------------------------------ operator floods
def _fill(unit: bytes, size: int) -> bytes:
    return unit * (size // len(unit))


def tj_flood(size: int = 9_900_000) -> bytes:
    return page_pdf(b"BT /F1 10 Tf 72 720 Td " + _fill(b"(x) Tj ", size) + b"ET")


def path_flood(size: int = 9_900_000) -> bytes:
    return page_pdf(_fill(b"0 0 m 9 9 l S ", size))


def q_flood(size: int = 9_900_000) -> bytes:
    return page_pdf(_fill(b"q ", size))


def compressed_operator_flood(size: int = 60 * 1024**2) -> bytes:
    """``q Q`` pairs Flate-compressed: under the per-stream cap, over the operator cap."""
    return page_pdf(zlib.compress(_fill(b"q Q ", size), 9), filters="/FlateDecode")


def white_text_over_rects(n: int = 9_000) -> bytes:
    """White text over ``n`` small dark rectangles (the old hidden-text check was n x glyphs)."""
    rects = b"".join(f"0 0 0 rg {i % 600} {i % 780} 1 1 re f\n".encode() for i in range(n))
    white = b"1 1 1 rg " + text_ops(["CPC CCS RHIT inpatient coding DRG validation"] * 40, 700)
    return page_pdf(b"0 0 0 rg " + text_ops([VISIBLE]) + rects + white)


# ------------------------------------------------------------------ invisible text
HIDDEN = "RHIA CDIP CCDS auditing"


def hidden_text(kind: str) -> bytes:
    """A page with visible text and ``HIDDEN`` made invisible in the given way."""
    visible = b"0 0 0 rg " + text_ops([VISIBLE, "Outpatient coding, HCPCS and CPT claims review"])
    h = HIDDEN.encode()
    if kind == "off-page":
        trick = b"BT /F1 11 Tf 700 400 Td (" + h + b") Tj ET"
    elif kind == "render-mode-3":
        trick = b"BT /F1 11 Tf 3 Tr 72 500 Td (" + h + b") Tj ET"
    elif kind == "covered":
        trick = b"BT /F1 11 Tf 72 500 Td (" + h + b") Tj ET 1 1 1 rg 60 490 300 30 re f"
    elif kind == "clipped":
        trick = b"q 0 0 1 1 re W n BT /F1 11 Tf 72 500 Td (" + h + b") Tj ET Q"
    elif kind == "squeezed":
        trick = b"BT /F1 11 Tf 1 Tz 72 500 Td (" + h + b") Tj ET"
    elif kind == "transparent":
        trick = b"/GS0 gs BT /F1 11 Tf 72 500 Td (" + h + b") Tj ET"
    elif kind == "translucent-box":  # a see-through highlight over text hides nothing
        trick = b"BT /F1 11 Tf 72 500 Td (" + h + b") Tj ET /GS1 gs 1 1 0 rg 60 490 300 30 re f"
    elif kind == "strike-through":  # a bar drawn over the middle of text after it: visible
        trick = b"BT /F1 11 Tf 72 500 Td (" + h + b") Tj ET 0 0 0 rg 70 503 200 1.2 re f"
    elif kind == "ocr-layer":  # a scan with its OCR text in mode 3 over the picture: fine
        trick = b"q 612 0 0 792 0 0 cm /Im1 Do Q BT /F1 11 Tf 3 Tr 72 500 Td (" + h + b") Tj ET"
    else:
        raise ValueError(kind)
    resources = ("/Font << /F1 4 0 R >> /ExtGState << /GS0 << /ca 0 >> /GS1 << /ca 0.3 >> >> "
                 "/XObject << /Im1 6 0 R >>")
    image = stream(b"\x80", "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                   "/BitsPerComponent 8 ")
    return page_pdf(visible + trick, resources=resources, extra=[image])


HIDDEN_KINDS = ("off-page", "render-mode-3", "covered", "clipped", "squeezed", "transparent")
VISIBLE_KINDS = ("translucent-box", "ocr-layer", "strike-through")


# ------------------------------------------------------------------ DOCX
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOC = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_W}><w:body>'
        "<w:p><w:r><w:t>Medical coder, CPC</w:t></w:r></w:p></w:body></w:document>")


def docx(parts: dict[str, bytes]) -> bytes:
    ct = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
          b'package/2006/content-types"><Default Extension="rels" ContentType="application/'
          b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          b'"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
          b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
            b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
            b'.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            b"</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        for name, data in parts.items():
            z.writestr(name, data)
        if "word/document.xml" not in parts:
            z.writestr("word/document.xml", _DOC)
    return buf.getvalue()


def doctype_in(encoding: str, part: str = "word/document.xml") -> bytes:
    """A part declaring a DOCTYPE, written in ``encoding`` (utf-32 gets a BOM, as Python writes it)."""
    xml = _DOC.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"').replace(
        "?>\n", '?>\n<!DOCTYPE d [<!ENTITY e "x">]>\n', 1)
    return docx({part: xml.encode(encoding)})


def cases() -> dict[str, tuple[bytes, str]]:
    """Every round-two file at full strength: name -> (bytes, phrase its error must hold)."""
    mb = 1024 * 1024
    return {
        "flate-twice-2gb.pdf": (flate_twice(2 * 1024 * mb), "decoded bytes per stream"),
        "objstm-flate-twice-2gb.pdf": (objstm_bomb(2 * 1024 * mb), "decoded bytes per stream"),
        "runlength-200mb.pdf": (runlength_bomb(200 * mb), "decoded bytes per stream"),
        "four-60mb-streams.pdf": (flate_many_streams(60 * mb, 4), "limit:"),
        "cmap-range-0-ffffffff.pdf": (cmap_range_bomb(), "font-map entries"),
        "tj-flood-9.9mb.pdf": (tj_flood(), "characters per page"),
        "path-flood-9.9mb.pdf": (path_flood(), "paths per page"),
        "q-flood-9.9mb.pdf": (q_flood(), "nested graphics states"),
        "q-Q-flate-60mb.pdf": (compressed_operator_flood(60 * mb), "operators per page"),
        "white-text-over-9000-rects.pdf": (white_text_over_rects(9_000), ""),
    }


def main() -> int:
    """Build every case into a temp dir, run ``resume-tool check`` on each, print a table."""
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_hostile import Case, run_all, table

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        todo = []
        for name, (data, phrase) in cases().items():
            (folder / name).write_bytes(data)
            todo.append(Case(name, "error" if phrase else "read", f"{len(data):,} bytes", phrase))
        print(table(run_all(folder, todo, workers=1, timeout=60.0)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
