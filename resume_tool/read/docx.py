"""DOCX resumes: every place an ATS may (or may not) find text, in document order.

python-docx loads the package and its parts; the text is read from its lxml tree by our
own walker, because ``Document.paragraphs`` misses table cells, text boxes, content
controls, hyperlink runs inside fields and headers/footers (keyword recall 0.845 on
table layouts, see the text-extraction notes). Each line says where it came from
(``Line.source``), so later checks can tell the user "your phone number is only in the
page header".
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.styles import BabelFish
from lxml import etree

from ..errors import LimitExceeded
from ..limits import Limits
from ..models import Document, Line, Observation, Source
from .guard import Deadline, check_zip
from .normalize import normalize_text, strip_bullet

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = map(
    _w, ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
RUN, TEXT, TAB, BR, CR, SYM = map(_w, ("r", "t", "tab", "br", "cr", "sym"))
NB_HYPHEN, SOFT_HYPHEN, INSTR, FLDCHAR, FLDSIMPLE = map(
    _w, ("noBreakHyphen", "softHyphen", "instrText", "fldChar", "fldSimple")
)
HYPERLINK, TXBX, PPR, RPR, DEL, MOVE_FROM, DEL_TEXT = map(
    _w, ("hyperlink", "txbxContent", "pPr", "rPr", "del", "moveFrom", "delText")
)
DRAWING, PICT, OBJECT = map(_w, ("drawing", "pict", "object"))
ALT, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
BLIP, IMAGEDATA = f"{{{A}}}blip", f"{{{V}}}imagedata"
VAL = _w("val")
# Containers whose children are read as if they stood in the parent.
_TRANSPARENT = {
    _w(t) for t in ("ins", "moveTo", "smartTag", "customXml", "bdo", "dir", "sdtContent")
}
_SKIP = {DEL, MOVE_FROM, PPR, RPR, DEL_TEXT}
_TAB_MARK = "\t"
# Far beyond any resume (a long CV has ~1,000 paragraphs and ~5,000 runs): past these a file
# is refused at once instead of costing seconds of work.
_MAX_PARAGRAPHS = 20_000
_MAX_RUNS = 50_000
_MAX_CELLS = 20_000
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]+)"', re.I)
_DARK_HIGHLIGHTS = {
    "black",
    "darkBlue",
    "darkCyan",
    "darkGreen",
    "darkMagenta",
    "darkRed",
    "darkGray",
    "blue",
    "red",
}
_WHITE_THEMES = {"background1", "light1"}


def _on(el: Any) -> bool:
    """A toggle property (``<w:b/>``, ``<w:vanish w:val="0"/>``) is on unless it says off."""
    return el is not None and el.get(VAL, "true").lower() not in ("0", "false", "off", "none")


def _rgb(value: str | None) -> tuple[int, int, int] | None:
    if not value or not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return None
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _near(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 24


_WHITE = (255, 255, 255)
# The colour behind a text box we cannot work out (a theme colour, a gradient, a picture):
# text on it is never called hidden, because a wrong "must fix" costs more than a missed one.
_UNKNOWN_BG = (-1, -1, -1)
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML_SHAPES = {f"{{{V}}}{t}" for t in ("shape", "rect", "roundrect", "oval", "polyline")}
_A_FILLS = {f"{{{A}}}{t}" for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")}


def _box_fill(box: Any, top: Any, behind: tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    """The colour behind a text box's text: its shape's solid fill, what is ``behind`` it when
    the shape has no fill, or ``_UNKNOWN_BG`` (DrawingML ``wps:spPr`` fills; VML
    ``fillcolor``/``filled``, whose default is a white fill)."""
    shape = box.getparent()
    while shape is not None and shape is not top:
        if shape.tag == f"{{{WPS}}}wsp":
            sppr = shape.find(f"{{{WPS}}}spPr")
            fill = next((c for c in sppr if c.tag in _A_FILLS), None) if sppr is not None else None
            if fill is None:  # no fill of its own: the style's, unless the style has none
                ref = shape.find(f"{{{WPS}}}style/{{{A}}}fillRef")
                return behind if ref is None or ref.get("idx", "0") == "0" else _UNKNOWN_BG
            if fill.tag == f"{{{A}}}noFill":
                return behind
            if fill.tag == f"{{{A}}}solidFill":
                rgb = fill.find(f"{{{A}}}srgbClr")
                colour = _rgb(rgb.get("val")) if rgb is not None else None
                return colour or _UNKNOWN_BG
            return _UNKNOWN_BG
        if shape.tag in _VML_SHAPES:
            if shape.get("filled", "t").lower() in ("f", "false"):
                return behind
            if shape.find(f"{{{V}}}fill") is not None:
                return _UNKNOWN_BG
            colour = shape.get("fillcolor", "white").strip().lower()
            if colour.startswith("#"):
                return _rgb(colour[1:7]) or _UNKNOWN_BG
            return _WHITE if colour in ("white", "window") else _UNKNOWN_BG
        shape = shape.getparent()
    return behind


class _Styles:
    """Effective run and paragraph properties through the style ``basedOn`` chain."""

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        self.doc_rpr: Any = None
        self._inherited: dict[tuple[str, str | None, str | None], Any] = {}
        try:
            root = document.styles.element
        except Exception:
            return
        for st in root.iterfind(_w("style")):
            sid = st.get(_w("styleId"))
            if sid:
                self.by_id[sid] = st
                if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in (
                    "1",
                    "true",
                    "on",
                ):
                    self.default_para = sid
        self.doc_rpr = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{RPR}")

    def chain(self, sid: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen and len(seen) < 30:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            based = st.find(_w("basedOn"))
            sid = based.get(VAL) if based is not None else None

    def name(self, sid: str | None) -> str | None:
        st = self.by_id.get(sid or "")
        if st is None:
            return None
        n = st.find(_w("name"))
        # Word stores built-in names in lower case ("heading 1"); show them as Word does.
        return BabelFish.internal2ui(n.get(VAL)) if n is not None else sid

    def run_prop(self, tag: str, rpr: Any, rstyle: str | None, pstyle: str | None) -> Any:
        """The element for run property ``tag`` as Word would resolve it, or None."""
        if rpr is not None:
            el = rpr.find(_w(tag))
            if el is not None:
                return el
        key = (tag, rstyle, pstyle)
        if key not in self._inherited:  # asked for every run: resolve each style once
            self._inherited[key] = self._from_styles(tag, rstyle, pstyle)
        return self._inherited[key]

    def _from_styles(self, tag: str, rstyle: str | None, pstyle: str | None) -> Any:
        for sid in (rstyle, pstyle):
            for st in self.chain(sid):
                r = st.find(RPR)
                if r is not None:
                    el = r.find(_w(tag))
                    if el is not None:
                        return el
        if self.doc_rpr is not None:
            return self.doc_rpr.find(_w(tag))
        return None

    def has_numbering(self, pstyle: str | None) -> bool:
        for st in self.chain(pstyle):
            ppr = st.find(PPR)
            if ppr is not None:
                num = ppr.find(_w("numPr"))
                if num is not None:
                    nid = num.find(_w("numId"))
                    return nid is None or nid.get(VAL) != "0"
        return False


@dataclass
class _Piece:
    text: str
    bold: bool
    size: float | None


@dataclass
class _Stats:
    tables: int = 0
    table_sample: str = ""
    textboxes: int = 0
    textbox_sample: str = ""
    hidden: list[str] = field(default_factory=list)
    tiny: list[str] = field(default_factory=list)
    images: int = 0
    paragraphs: int = 0
    runs: int = 0
    cells: int = 0
    full_paragraphs: int = 0
    chars: int = 0


class _Reader:
    """Walks one part (body, header, footer) and appends ``Line``s."""

    def __init__(
        self, styles: _Styles, stats: _Stats, deadline: Deadline, max_chars: int = 2_000_000
    ) -> None:
        self.styles = styles
        self.stats = stats
        self.deadline = deadline
        self.max_chars = max_chars
        self._style_info: dict[str | None, tuple[str | None, bool]] = {}
        self.lines: list[Line] = []
        self.part: Any = None

    # ---------------------------------------------------------------- blocks
    def blocks(self, parent: Any, source: Source, bg: tuple[int, int, int] | None = None) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child, source, bg)
            elif tag == TBL:
                self.table(child, source)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content, source, bg)
            elif tag == CUSTOM_XML or tag in _TRANSPARENT:
                self.blocks(child, source, bg)
            elif tag == ALT:
                branch = child.find(CHOICE)
                if branch is None:
                    branch = child.find(FALLBACK)
                if branch is not None:
                    self.blocks(branch, source, bg)

    def _rows_or_cells(self, parent: Any, tag: str) -> Iterator[Any]:
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in (SDT, CUSTOM_XML, SDT_CONTENT):
                yield from self._rows_or_cells(child, tag)

    def table(self, tbl: Any, source: Source) -> None:
        self.stats.tables += 1
        cell_source: Source = "table" if source == "body" else source
        first = len(self.lines)
        for tr in self._rows_or_cells(tbl, TR):
            self.deadline.check()  # a table of 4,000 empty rows is work too
            for tc in self._rows_or_cells(tr, TC):
                self.stats.cells += 1
                if self.stats.cells > _MAX_CELLS:
                    self._too_big(f"more than {_MAX_CELLS:,} table cells")
                shd = tc.find(f"{_w('tcPr')}/{_w('shd')}")
                bg = _rgb(shd.get(_w("fill"))) if shd is not None else None
                self.blocks(tc, cell_source, bg)
        if not self.stats.table_sample:
            texts = [ln.text for ln in self.lines[first : first + 4]]
            self.stats.table_sample = " | ".join(texts)[:80]

    # ------------------------------------------------------------- paragraph
    def paragraph(self, p: Any, source: Source, bg: tuple[int, int, int] | None) -> None:
        self.stats.paragraphs += 1
        if self.stats.paragraphs % 100 == 0:
            self.deadline.check()
        if len(p) == 0 or (len(p) == 1 and p[0].tag == PPR):
            return  # an empty paragraph (200,000 of them must not cost seconds)
        self.stats.full_paragraphs += 1
        if self.stats.full_paragraphs > _MAX_PARAGRAPHS:
            self._too_big(f"more than {_MAX_PARAGRAPHS:,} paragraphs")
        ppr = p.find(PPR)
        pstyle = None
        numbered = False
        if ppr is not None:
            ps = ppr.find(_w("pStyle"))
            pstyle = ps.get(VAL) if ps is not None else None
            num = ppr.find(_w("numPr"))
            if num is not None:
                nid = num.find(_w("numId"))
                numbered = nid is None or nid.get(VAL) != "0"
            shd = ppr.find(_w("shd"))
            if shd is not None and _rgb(shd.get(_w("fill"))):
                bg = _rgb(shd.get(_w("fill")))
        pstyle = pstyle or self.styles.default_para
        if pstyle not in self._style_info:  # resolve each paragraph style once
            name = self.styles.name(pstyle)
            listed = bool(name and "list" in name.lower()) or self.styles.has_numbering(pstyle)
            self._style_info[pstyle] = (name, listed)
        style_name, listed = self._style_info[pstyle]
        numbered = numbered or listed
        self._cur: list[_Piece] = []
        self._cur_links: list[str] = []
        self._out: list[tuple[list[_Piece], list[str]]] = []
        self._boxes: list[tuple[Any, tuple[int, int, int] | None]] = []
        self._fields: list[list[Any]] = []  # [instr text, link, in_result]
        self._link_stack: list[str] = []
        self._pstyle = pstyle
        self._bg = bg
        self.inline(p)
        self._break()
        first = True
        for pieces, links in self._out:
            line = self._line(pieces, links, source, style_name, numbered and first)
            if line is not None:
                self.lines.append(line)
                first = False
                self.stats.chars += len(line.text)
                if self.stats.chars > self.max_chars:
                    self._too_big(f"more than {self.max_chars:,} characters of text")
        for box, box_bg in self._boxes:
            self.stats.textboxes += 1
            start = len(self.lines)
            self.blocks(box, "textbox" if source in ("body", "table", "textbox") else source, box_bg)
            if not self.stats.textbox_sample and len(self.lines) > start:
                self.stats.textbox_sample = self.lines[start].text[:80]

    def _too_big(self, what: str) -> None:
        """A resume is a few pages: refuse a file far past that before it costs seconds."""
        raise LimitExceeded(
            self.deadline.name,
            f"the Word file holds {what} (a resume has a few hundred or thousand)",
            "Save just the resume as a new DOCX or PDF and try again",
        )

    def _break(self) -> None:
        self._out.append((self._cur, self._cur_links))
        self._cur = []
        self._cur_links = []

    def _emit(self, text: str, bold: bool, size: float | None) -> None:
        self._cur.append(_Piece(text, bold, size))
        link = self._current_link()
        if link and text.strip() and link not in self._cur_links:
            self._cur_links.append(link)

    def _current_link(self) -> str | None:
        for f in reversed(self._fields):
            if f[1]:
                return f[1]
        return self._link_stack[-1] if self._link_stack else None

    def _in_field_code(self) -> bool:
        return bool(self._fields) and not self._fields[-1][2]

    def inline(self, el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == RUN:
                self.run(child)
            elif tag == HYPERLINK:
                target = self._rel_target(child.get(f"{{{R}}}id"))
                self._link_stack.append(target or "")
                self.inline(child)
                self._link_stack.pop()
            elif tag == FLDSIMPLE:
                m = _FIELD_LINK.search(child.get(_w("instr"), ""))
                self._link_stack.append(m.group(1) if m else "")
                self.inline(child)
                self._link_stack.pop()
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.inline(content)
            elif tag == ALT:
                self._alternate(child)
            elif tag in _TRANSPARENT:
                self.inline(child)
            elif tag in _SKIP:
                continue

    def _alternate(self, alt: Any) -> None:
        """mc:AlternateContent: read the Choice only; the Fallback repeats it for old Word."""
        branch = alt.find(CHOICE)
        if branch is None:
            branch = alt.find(FALLBACK)
        if branch is not None:
            self.inline(branch)
            self._shapes(branch)

    def _shapes(self, el: Any) -> None:
        """Pictures and text boxes inside a drawing, picture or AlternateContent branch."""
        self.stats.images += sum(1 for _ in el.iter(BLIP, IMAGEDATA))
        for box in el.iter(TXBX):
            # Only outermost text boxes: nested ones are read when their parent is.
            anc = box.getparent()
            nested = False
            while anc is not None and anc is not el:
                if anc.tag == TXBX or anc.tag == FALLBACK:
                    nested = True
                    break
                anc = anc.getparent()
            if not nested:
                self._boxes.append((box, _box_fill(box, el, self._bg)))

    def _rel_target(self, rid: str | None) -> str | None:
        if not rid or self.part is None:
            return None
        try:
            rel = self.part.rels[rid]
        except KeyError:
            return None
        return rel.target_ref if rel.is_external else None

    def run(self, r: Any) -> None:
        self.stats.runs += 1
        if self.stats.runs % 500 == 0:
            self.deadline.check()  # one paragraph may hold a million runs
            if self.stats.runs > _MAX_RUNS:
                self._too_big(f"more than {_MAX_RUNS:,} separately formatted pieces of text")
        rpr = r.find(RPR)
        rs = rpr.find(_w("rStyle")) if rpr is not None else None
        rstyle = rs.get(VAL) if rs is not None else None
        prop = self.styles.run_prop

        def get(tag: str) -> Any:
            return prop(tag, rpr, rstyle, self._pstyle)

        bold = _on(get("b"))
        sz = get("sz")
        try:
            size = int(sz.get(VAL)) / 2 if sz is not None else None
        except (TypeError, ValueError):
            size = None
        hidden = _on(get("vanish")) or _on(get("specVanish"))
        if not hidden:
            hidden = self._invisible(get("color"), get("highlight"), get("shd"))
        text_parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == TEXT:
                if not self._in_field_code():
                    self._emit(child.text or "", bold, size)
                    text_parts.append(child.text or "")
            elif tag == TAB:
                if not self._in_field_code():
                    self._emit(_TAB_MARK, bold, size)
            elif tag in (BR, CR):
                if child.get(_w("type")) in (None, "textWrapping", "page", "column"):
                    self._break()
            elif tag == NB_HYPHEN:
                self._emit("-", bold, size)
            elif tag == SOFT_HYPHEN:
                continue
            elif tag == SYM:
                ch = child.get(_w("char"), "")
                font = child.get(_w("font"), "")
                try:
                    code = int(ch, 16)
                except ValueError:
                    continue
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    # a lone surrogate or no character at all: it could only fail later
                    self._emit("\ufffd", bold, size)
                    continue
                if (
                    re.search(r"symbol|wingding|webding|dingbat", font, re.I)
                    or 0xF000 <= code <= 0xF0FF
                ):
                    self._emit("•", bold, size)  # a symbol-font bullet typed in by hand
                else:
                    self._emit(chr(code), bold, size)
            elif tag == INSTR:
                if self._fields:
                    self._fields[-1][0] += child.text or ""
            elif tag == FLDCHAR:
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self._fields.append(["", None, False])
                elif kind == "separate" and self._fields:
                    m = _FIELD_LINK.search(self._fields[-1][0])
                    self._fields[-1][1] = m.group(1) if m else None
                    self._fields[-1][2] = True
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif tag in (DRAWING, PICT, OBJECT):
                self._shapes(child)
            elif tag == ALT:
                self._alternate(child)
        text = "".join(text_parts)
        if text.strip():
            if hidden:
                self.stats.hidden.append(text.strip())
            if size is not None and size < 4:
                self.stats.tiny.append(text.strip())

    def _invisible(self, color: Any, highlight: Any, shd: Any) -> bool:
        """Text drawn in (near) the colour of what is behind it: white on white and the like."""
        if color is None:
            return False
        fg = _WHITE if color.get(_w("themeColor")) in _WHITE_THEMES else _rgb(color.get(VAL))
        if fg is None:
            return False
        bg = self._bg
        if shd is not None and _rgb(shd.get(_w("fill"))):
            bg = _rgb(shd.get(_w("fill")))
        if bg == _UNKNOWN_BG:
            return False
        if highlight is not None:
            hv = highlight.get(VAL, "none")
            if hv in _DARK_HIGHLIGHTS:
                return False
            if hv == "white":
                bg = _WHITE
            elif hv == "yellow":
                bg = (255, 255, 0)
        if bg is None:
            bg = _WHITE
        return _near(fg, bg)

    def _line(
        self,
        pieces: list[_Piece],
        links: list[str],
        source: Source,
        style: str | None,
        numbered: bool,
    ) -> Line | None:
        raw = "".join(p.text for p in pieces)
        raw = raw.strip(" \t")
        if not raw.strip():
            return None
        raw = re.sub(r" *\t[\t ]*", " | ", raw)
        text, bullet = strip_bullet(normalize_text(raw))
        text = text.strip()
        if not text:
            return None
        weights: Counter[bool] = Counter()
        sizes: Counter[float] = Counter()
        for p in pieces:
            n = len(p.text.strip())
            if n:
                weights[p.bold] += n
                if p.size is not None:
                    sizes[p.size] += n
        return Line(
            text=text,
            source=source,
            style=style,
            bold=weights[True] > weights[False],
            font_size=sizes.most_common(1)[0][0] if sizes else None,
            list_item=numbered or bullet,
            hyperlinks=[u for u in links if u],
        )


def _app_pages(zf: zipfile.ZipFile) -> int:
    """Page count Word stored in docProps/app.xml (it is what Word last laid out), else 1."""
    try:
        data = zf.read("docProps/app.xml")
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return 1
    for el in root.iter("{*}Pages"):
        try:
            n = int((el.text or "").strip())
        except ValueError:
            return 1
        return n if n >= 1 else 1
    return 1


def _header_footer_parts(document: Any) -> Iterator[tuple[Source, Any]]:
    """Header and footer parts of every section (default, first, even), each once."""
    seen: set[str] = set()
    body = document.element.body
    for sect in body.iter(_w("sectPr")):
        for ref_tag, source in (("headerReference", "header"), ("footerReference", "footer")):
            for ref in sect.iterfind(_w(ref_tag)):
                rid = ref.get(f"{{{R}}}id")
                try:
                    part = document.part.related_parts[rid]
                except KeyError:
                    continue
                key = str(part.partname)
                if key in seen:
                    continue
                seen.add(key)
                yield source, part  # type: ignore[misc]


def read_docx(data: bytes, name: str, limits: Limits, deadline: Deadline) -> Document:
    """Read a DOCX: header lines, body (paragraphs, tables, text boxes) in order, footer lines."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        check_zip(name, zf, limits, deadline)
        pages = _app_pages(zf)
    document = docx.Document(io.BytesIO(data))
    styles = _Styles(document)
    stats = _Stats()

    body = _Reader(styles, stats, deadline, limits.max_chars)
    body.part = document.part
    body.blocks(document.element.body, "body")

    heads: dict[str, list[Line]] = {"header": [], "footer": []}
    seen_text: set[tuple[str, str]] = set()
    for source, part in _header_footer_parts(document):
        r = _Reader(styles, stats, deadline, limits.max_chars)
        r.part = part
        r.blocks(part.element, source)
        key = (source, "\n".join(ln.text for ln in r.lines))
        if not r.lines or key in seen_text:
            continue  # first-page / even-page copies of the same text
        seen_text.add(key)
        heads[source].extend(r.lines)

    lines = heads["header"] + body.lines + heads["footer"]
    kept: list[Line] = []
    total = 0
    for ln in lines:
        if total >= limits.max_chars:
            break
        kept.append(ln)
        total += len(ln.text)

    obs: list[Observation] = []
    if stats.tables:
        obs.append(
            Observation(
                "table",
                f"{stats.tables} table(s); some ATS read table cells out of order or skip them",
                count=stats.tables,
                sample=stats.table_sample,
            )
        )
    if stats.textboxes:
        obs.append(
            Observation(
                "text-box",
                f"{stats.textboxes} text box(es); many ATS skip text inside text boxes",
                count=stats.textboxes,
                sample=stats.textbox_sample,
            )
        )
    for source in ("header", "footer"):
        if heads[source]:
            obs.append(
                Observation(
                    "header-footer",
                    f"{len(heads[source])} line(s) in the page {source}; many ATS skip headers "
                    "and footers",
                    count=len(heads[source]),
                    sample=f"{source}: {heads[source][0].text[:70]}",
                )
            )
    if stats.hidden:
        obs.append(
            Observation(
                "hidden-text",
                "hidden or white text an ATS reads but a person cannot see",
                count=len(stats.hidden),
                sample=" ".join(stats.hidden)[:80],
            )
        )
    if stats.tiny:
        obs.append(
            Observation(
                "tiny-font",
                "text smaller than 4 pt",
                count=len(stats.tiny),
                sample=" ".join(stats.tiny)[:80],
            )
        )
    if stats.images:
        obs.append(Observation("images", f"{stats.images} picture(s)", count=stats.images))
    return Document(path=name, format="docx", lines=kept, pages=pages, observations=obs)
