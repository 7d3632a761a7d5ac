"""DOCX reader against hostile bulk: refused with one line, never minutes of work.

Files are built in ``tmp_path`` as minimal WordprocessingML packages; the assertions are on
behaviour (a one-line ``LimitExceeded`` naming the file, or a clean read), not on time.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from resume_tool.errors import LimitExceeded
from resume_tool.read import read_document

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def make(tmp_path: Path, name: str, body: str) -> Path:
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>"
    )
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", doc)
    return path


def one_line_error(err: LimitExceeded, path: Path, fragment: str) -> None:
    msg = str(err)
    assert "\n" not in msg and str(path) in msg and fragment in msg


def test_many_empty_paragraphs_read_as_nothing(tmp_path: Path) -> None:
    doc = read_document(make(tmp_path, "empty.docx", "<w:p/>" * 200_000))
    assert doc.lines == []


def test_many_paragraphs_with_empty_runs_are_refused(tmp_path: Path) -> None:
    p = make(tmp_path, "runs.docx", "<w:p><w:r><w:t></w:t></w:r></w:p>" * 30_000)
    with pytest.raises(LimitExceeded) as info:
        read_document(p)
    one_line_error(info.value, p, "paragraphs")


def test_one_paragraph_of_a_huge_number_of_runs_is_refused(tmp_path: Path) -> None:
    p = make(tmp_path, "runs1p.docx", "<w:p>" + "<w:r><w:t>a</w:t></w:r>" * 60_000 + "</w:p>")
    with pytest.raises(LimitExceeded) as info:
        read_document(p)
    one_line_error(info.value, p, "formatted pieces of text")


def test_a_table_of_a_huge_number_of_cells_is_refused(tmp_path: Path) -> None:
    row = "<w:tr>" + "<w:tc><w:p/></w:tc>" * 50 + "</w:tr>"
    p = make(tmp_path, "cells.docx", "<w:tbl>" + row * 500 + "</w:tbl>")
    with pytest.raises(LimitExceeded) as info:
        read_document(p)
    one_line_error(info.value, p, "table cells")


def test_megabytes_of_text_are_refused(tmp_path: Path) -> None:
    para = "<w:p><w:r><w:t>" + "Medical coder billing specialist " * 30 + "</w:t></w:r></w:p>"
    p = make(tmp_path, "big.docx", para * 2_200)  # ~2.2 million characters
    with pytest.raises(LimitExceeded) as info:
        read_document(p)
    one_line_error(info.value, p, "characters of text")


def test_symbol_with_a_lone_surrogate_is_replaced(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t>Jane Doe</w:t><w:sym w:char="D800"/><w:sym w:char="110000"/>'
        '<w:sym w:font="Arial" w:char="2014"/></w:r></w:p>'
    )
    doc = read_document(make(tmp_path, "sym.docx", body))
    text = doc.text
    text.encode("utf-8")  # a lone surrogate would raise UnicodeEncodeError here
    assert text.startswith("Jane Doe") and "\ufffd" in text and "—" in text
