"""Plain-text and Markdown resumes: encodings, headings, bullets."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_tool.read import read_bytes, read_document

RESUME = "Maria Delgado\r\nCPC – AAPC\r\n\r\nExperience\r\n\tCoder\tMarch 2021 – Present\r\n"


@pytest.mark.parametrize(
    "data",
    [
        RESUME.encode("utf-8"),
        b"\xef\xbb\xbf" + RESUME.encode("utf-8"),
        RESUME.encode("cp1252"),
        RESUME.encode("utf-16"),  # with a BOM, as Notepad writes it
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16"],
)
def test_encodings(data: bytes) -> None:
    doc = read_bytes(data, "resume.txt")
    assert doc.format == "text" and doc.pages == 1
    assert [ln.text for ln in doc.lines] == [
        "Maria Delgado",
        "CPC – AAPC",
        "Experience",
        "Coder | March 2021 – Present",
    ]


def test_cp1252_curly_quotes_and_dashes() -> None:
    doc = read_bytes("Jan ’19 – Dec ’20 “Epic”".encode("cp1252"), "r.txt")
    assert doc.lines[0].text == "Jan '19 – Dec '20 \"Epic\""


def test_markdown(tmp_path: Path) -> None:
    p = tmp_path / "resume.md"
    p.write_text(
        "# Maria Delgado\n\n**Certified Professional Coder**\n\n## Skills\n"
        "- ICD-10-CM\n* CPT®\n---\n## Links\n[LinkedIn](https://www.linkedin.com/in/maria-delgado-cpc)\n",
        encoding="utf-8",
    )
    doc = read_document(p)
    got = [(ln.text, ln.style, ln.list_item, ln.bold) for ln in doc.lines]
    assert got == [
        ("Maria Delgado", "Heading", False, False),
        ("Certified Professional Coder", None, False, True),
        ("Skills", "Heading", False, False),
        ("ICD-10-CM", None, True, False),
        ("CPT", None, True, False),
        ("Links", "Heading", False, False),
        ("LinkedIn", None, False, False),
    ]
    assert doc.lines[-1].hyperlinks == ["https://www.linkedin.com/in/maria-delgado-cpc"]


def test_hash_without_space_is_not_a_heading() -> None:
    doc = read_bytes(b"#1 coder in productivity\n", "r.txt")
    assert doc.lines[0].style is None and doc.lines[0].text == "#1 coder in productivity"


def test_wide_gaps_are_column_gaps(tmp_path) -> None:
    from resume_tool.read import read_document

    p = tmp_path / "cols.txt"
    p.write_text("Skills\nHCPCS Coding Guidelines        Office support (phones)\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.lines[1].text == "HCPCS Coding Guidelines | Office support (phones)"
