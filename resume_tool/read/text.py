"""Plain-text and Markdown resumes.

Encodings are tried in the order people's files actually come in: UTF-8 (with or without
BOM), UTF-16 with a BOM (Windows Notepad "Unicode"), then cp1252 (old Windows editors).
Markdown headings (``# Experience``) become heading lines and ``- ``/``* `` bullets list
items, so the structure stage sees the same hints a DOCX would give it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..limits import Limits
from ..models import Document, Line
from .guard import Deadline
from .normalize import normalize_text, strip_bullet

# Linear-time patterns only (tests/test_regex_budget.py): a heading's closing "#"s and
# spaces are stripped in Python, not by ``(.*?)\s*#*\s*$``, which is cubic on a run of
# spaces; bold text cannot contain its own delimiter, so each "**" scans to the next only.
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*(https?://[^)\s]+|mailto:[^)\s]+)\s*\)")
_MD_EMPH = re.compile(
    r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*|__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__"
)
_MD_HEADING_LINE = re.compile(r"(?m)^#{1,6}\s+\S")
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


def _heading_text(body: str) -> str:
    """A heading's text without CommonMark's optional closing run of "#"."""
    body = body.strip()
    bare = body.rstrip("#")
    if bare != body and (not bare or bare[-1].isspace()):
        body = bare.rstrip()
    return body


def _emph_text(m: re.Match[str]) -> str:
    return m.group(1) if m.group(1) is not None else m.group(2)


def split_long(line: str, limit: int) -> Iterator[str]:
    """A line longer than ``limit`` characters as pieces of at most ``limit``, cut at a space
    where there is one: no later pattern then sees more than ``limit`` characters at once.
    Lazy and linear (no copy of the rest of the line per piece)."""
    start, n = 0, len(line)
    while n - start > limit:
        cut = line.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        yield line[start:cut]
        start = cut
        while start < n and line[start] == " ":
            start += 1
    yield line[start:]


def _raw_lines(text: str, limit: int) -> Iterator[str]:
    """Lines one at a time (no list of millions of empty strings), long ones split."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield from split_long(text[start:end], limit)
        start = end + 1


def read_text(data: bytes, name: str, limits: Limits, deadline: Deadline | None = None) -> Document:
    """Lines of a text or Markdown file; blank lines and Markdown rules are dropped.

    Lines longer than ``limits.max_line_chars`` are split (a 10 MB single line is not one
    line of a resume), and the read deadline is checked as for the other readers.
    """
    text = decode(data)
    is_markdown = name.lower().endswith((".md", ".markdown")) or bool(
        _MD_HEADING_LINE.search(text)
    )
    lines: list[Line] = []
    kept = 0
    for n, raw in enumerate(_raw_lines(text, limits.max_line_chars)):
        if deadline is not None and n % 500 == 499:
            deadline.check()
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
            raw, style = _heading_text(m.group(2)), "Heading"
        if is_markdown:
            links = [u for _, u in _MD_LINK.findall(raw)]
            raw = _MD_LINK.sub(r"\1", raw)
            if _MD_EMPH.fullmatch(raw.strip()):
                bold = True
            raw = _MD_EMPH.sub(_emph_text, raw)
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
