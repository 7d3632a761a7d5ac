"""Plain-text and Markdown resumes.

Encodings are tried in the order people's files actually come in: UTF-8 (with or without
BOM), UTF-16 with a BOM (Windows Notepad "Unicode"), then cp1252 (old Windows editors).
Markdown headings (``# Experience``) become heading lines and ``- ``/``* `` bullets list
items, so the structure stage sees the same hints a DOCX would give it.
"""

from __future__ import annotations

import re

from ..limits import Limits
from ..models import Document, Line
from .normalize import normalize_text, strip_bullet

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*(https?://[^)\s]+|mailto:[^)\s]+)\s*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")
_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")


def decode(data: bytes) -> str:
    """Bytes to str: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(data: bytes, name: str, limits: Limits) -> Document:
    """Lines of a text or Markdown file; blank lines and Markdown rules are dropped."""
    text = decode(data)
    is_markdown = name.lower().endswith((".md", ".markdown")) or bool(
        re.search(r"(?m)^#{1,6}\s+\S", text)
    )
    lines: list[Line] = []
    kept = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        raw = re.sub(r"\t+", " | ", raw.strip().strip("\t"))
        # a wide gap inside a line is a column gap (pdftotext -layout, aligned skills lists)
        raw = _GAP.sub(" | ", raw)
        if not raw.strip() or _RULE.match(raw):
            continue
        style = None
        bold = False
        links: list[str] = []
        m = _HEADING.match(raw)
        if m:
            raw, style = m.group(2), "Heading"
        if is_markdown:
            links = [u for _, u in _MD_LINK.findall(raw)]
            raw = _MD_LINK.sub(r"\1", raw)
            if _MD_EMPH.fullmatch(raw.strip()):
                bold = True
            raw = _MD_EMPH.sub(r"\2", raw)
        body, bullet = strip_bullet(raw)
        out = normalize_text(body)
        if not out:
            continue
        lines.append(
            Line(
                text=out,
                style=style,
                bold=bold,
                list_item=bullet and style is None,
                hyperlinks=links,
            )
        )
        kept += len(out)
        if kept >= limits.max_chars:
            break
    return Document(path=name, format="text", lines=lines, pages=1)
