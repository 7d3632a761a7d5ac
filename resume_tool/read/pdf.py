"""PDF resumes: pdfminer.six layout lines, re-ordered the way a person reads the page.

pdfminer gives text lines with boxes; its own box ordering interleaves sidebars with the
main column and splits a title from its right-aligned dates. So we take its lines
("fragments") and do the page layout ourselves:

* a *column split* is a vertical gutter that no fragment crosses over a vertical range
  where both sides hold real text: at least 3 lines and some words that are not dates,
  and not just short labels sitting on the same baselines as the other side's lines (that
  is moderncv's left date column or rendercv's right-aligned dates, which belong to the
  line they stand on);
* a page is read band by band from the top: a full-width band (the name, a contact line)
  in rows, a column band column by column, each top to bottom;
* fragments that share a baseline are joined left to right into one line, with " | " for
  a wide, tab-like gap (the separator the DOCX reader uses for a tab) and a space otherwise.
"""

from __future__ import annotations

import bisect
import functools
import io
import itertools
import logging
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTCurve,
    LTImage,
    LTPage,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef
from pdfminer.utils import apply_matrix_pt, decode_text

from ..errors import InputError, LimitExceeded
from ..limits import Limits
from ..models import Document, Line, Observation
from . import pdf_budget
from .guard import Deadline, damaged
from .normalize import BULLET_CHARS, CID_RE, is_private_use, normalize_text, strip_bullet

pdf_budget.install()

# pdfminer warns about every odd font; a library must not print those on the user's terminal
# (handlers the application configures on the root logger still receive them).
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

GAP_SEPARATOR = " | "
_BOLD_FONT = re.compile(r"bold|black|heavy|demi|cmbx|bx\d|-bd\b|bd$", re.I)
# Icon fonts map their pictures onto ordinary letters ("I" for a phone, "#" for a mail icon).
_ICON_FONT = re.compile(
    r"awesome|marvosym|academicons|ionicons|materialicons|icomoon|glyphicons", re.I
)
# Dingbat fonts in a resume are bullets.
_DINGBAT_FONT = re.compile(r"wingding|webding|dingbat", re.I)
_ALNUM = re.compile(r"\w")
_WORD = re.compile(r"[^\W\d_][\w'.&/+-]*")
_DATEISH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december|present|current|now|today|date|"
    r"to|since|till|until|summer|spring|fall|autumn|winter|year|years|month|months)\.?$",
    re.I,
)
_MIN_TEXT_CHARS = 25  # below this many letters/digits in the whole file: no usable text layer


@dataclass
class _Frag:
    """One pdfminer text line: a run of glyphs on one baseline with no wide gap."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float | None
    bold_chars: int
    chars: int
    bullet: bool = False

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 0.1)


@dataclass
class _PageStats:
    unmapped: int = 0
    hidden: list[str] = field(default_factory=list)
    tiny: list[str] = field(default_factory=list)
    images: int = 0
    # text no reader can see, by why (see _HIDDEN_WHY); dropped from the lines
    invisible: list[tuple[str, str]] = field(default_factory=list)


Box = tuple[float, float, float, float]

# Why a glyph is invisible to a person; such text is not credited (README: hidden text).
_HIDDEN_WHY = {
    "off-page": "drawn off the page",
    "render-mode": "drawn invisible (render mode 3 or fully transparent)",
    "covered": "covered by a shape drawn over it",
    "clipped": "clipped away",
    "squeezed": "squeezed to almost no width",
}


class _Grid:
    """Boxes bucketed by 64-pt cells, so "which boxes hold this point" is not a linear scan."""

    CELL = 64.0

    def __init__(self, boxes: Iterable[tuple[Box, int]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Box, int]]] = {}
        for box, seq in boxes:
            x0, y0, x1, y1 = box
            cx0, cx1 = int(x0 // self.CELL), int(x1 // self.CELL)
            cy0, cy1 = int(y0 // self.CELL), int(y1 // self.CELL)
            if (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 400:  # absurd box: clamp to the page area
                cx0, cx1, cy0, cy1 = max(cx0, -2), min(cx1, 20), max(cy0, -2), min(cy1, 20)
            for cx in range(cx0, cx1 + 1):
                for cy in range(cy0, cy1 + 1):
                    self.cells.setdefault((cx, cy), []).append((box, seq))

    def hit(self, x: float, y: float, after: int = -1, span: tuple[float, float] | None = None) -> bool:
        """A box holds (x, y) and was drawn after sequence number ``after``; with ``span``
        (bottom, top) it must also cover that height (a strike-through bar hides nothing)."""
        for (x0, y0, x1, y1), seq in self.cells.get((int(x // self.CELL), int(y // self.CELL)), ()):
            covers = span is None or (y0 <= span[0] and y1 >= span[1])
            if seq > after and x0 <= x <= x1 and y0 <= y <= y1 and covers:
                return True
        return False


@dataclass
class _PageCtx:
    """What the glyph checks need to know about the page."""

    dark: _Grid  # filled, non-white shapes: white text on them is visible
    covers: _Grid  # every filled shape, with its drawing order
    images: _Grid  # pictures: invisible text over one is an OCR layer, not a trick
    bbox: Box  # the page


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _why_hidden(ch: LTChar, ctx: _PageCtx) -> str | None:
    """Why a person cannot see this glyph, or None when they can."""
    x, y = (ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2
    if not _overlaps((ch.x0, ch.y0, ch.x1, ch.y1), ctx.bbox):
        return "off-page"  # wholly outside: a glyph cut by the edge is partly seen
    if (getattr(ch, "rt_mode", 0) in (3, 7) or getattr(ch, "rt_alpha", 1.0) < 0.05) and not (
        ctx.images.hit(x, y)
    ):
        return "render-mode"  # over a picture it is a scan's OCR layer, which is fine
    clip = getattr(ch, "rt_clip", None)
    if clip is not None and not _overlaps((ch.x0, ch.y0, ch.x1, ch.y1), clip):
        return "clipped"
    hscale = getattr(ch, "rt_hscale", 1.0)
    if hscale < 0.2 or (0 < ch.width < 0.08 * ch.height):
        return "squeezed"
    inset = 0.2 * (ch.y1 - ch.y0)
    if ctx.covers.hit(x, y, getattr(ch, "rt_seq", 1 << 62), (ch.y0 + inset, ch.y1 - inset)):
        return "covered"
    return None


def _is_white(color: Any) -> bool:
    """Non-stroking colour white or near-white in Gray, RGB or CMYK."""
    try:
        if isinstance(color, (int, float)):
            return float(color) >= 0.94
        vals = [float(v) for v in color]
    except (TypeError, ValueError):
        return False
    if len(vals) == 1:
        return vals[0] >= 0.94
    if len(vals) == 3:
        return min(vals) >= 0.94
    if len(vals) == 4:
        return max(vals) <= 0.06
    return False


def _walk(item: Any) -> Iterator[Any]:
    """Every layout object below ``item`` (pdfminer nests lines in boxes and figures)."""
    for child in item:
        if isinstance(child, (LTTextLine, LTImage, LTCurve)):
            yield child
        elif isinstance(child, LTChar):
            continue  # loose glyphs outside any line (rare); layout analysis groups the rest
        elif hasattr(child, "__iter__"):
            yield from _walk(child)


@functools.lru_cache(maxsize=256)
def _font_kind(font: str) -> tuple[bool, bool, bool]:
    """(icon font, dingbat font, bold font) for a font name; asked once per glyph, so cached."""
    return bool(_ICON_FONT.search(font)), bool(_DINGBAT_FONT.search(font)), bool(_BOLD_FONT.search(font))


def _fragment(line: LTTextLine, ctx: _PageCtx, st: _PageStats) -> _Frag | None:
    """Clean text and style of one pdfminer line; glyph problems are tallied in ``st``.

    Glyphs a person cannot see (off the page, invisible mode, covered, clipped, squeezed)
    are left out of the text and reported; white glyphs stay in and are reported (a white
    name on a dark picture is visible, and pictures are not looked at).
    """
    parts: list[str] = []
    sizes: list[float] = []
    bold = chars = 0
    white: list[str] = []
    tiny: list[str] = []
    unseen: list[str] = []
    why: str | None = None
    for ch in line:
        if isinstance(ch, LTAnno):
            parts.append(ch.get_text())
            unseen.append(ch.get_text())
            continue
        if not isinstance(ch, LTChar):
            continue
        t = ch.get_text()
        if not t.strip():
            unseen.append(" ")
        else:
            reason = _why_hidden(ch, ctx)
            if reason is not None:
                why = why or reason
                unseen.append(t)
                continue
        icon, dingbat, is_bold = _font_kind(ch.fontname or "")
        if len(t) > 1 and t.startswith("(cid:"):
            if not icon and not "".join(parts).strip():
                # An unmapped glyph opening a line is a bullet (reportlab's Helvetica bullet
                # is cid 127); if no text follows, the fragment is dropped anyway.
                t = "•"
            else:
                st.unmapped += 1
                continue
        if len(t) > 1:
            # Broken ToUnicode maps seen in Word-for-Mac PDFs: a space glyph that reads
            # "\t\r \xa0", a hyphen that reads "-\xad\u2010".
            if not t.strip():
                t = " "
            elif not t.strip("-\u00ad\u2010\u2011\u2012\u2212"):
                t = "-"
        if t.strip() and icon:
            st.unmapped += 1
            continue
        if t.strip() and dingbat:
            t = "•"
        if t.strip() and not normalize_text(t) and all(unicodedata.category(c) == "Cc" for c in t):
            # A ToUnicode entry of U+0000 (Google Docs gives its "ff" ligature one): the
            # letters are lost; counted like an unmapped glyph instead of vanishing unseen.
            st.unmapped += 1
            continue
        if t and is_private_use(t[0]):
            if t[0] in BULLET_CHARS:
                t = "•"
            else:
                st.unmapped += 1
                continue
        parts.append(t)
        if not t.strip():
            continue
        chars += 1
        sizes.append(ch.size)
        if is_bold:
            bold += 1
        gs = ch.graphicstate
        if (
            gs is not None
            and _is_white(gs.ncolor)
            and not ctx.dark.hit((ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2)
        ):
            white.append(t)
        if ch.size < 4:
            tiny.append(t)
    if why is not None:
        hidden = normalize_text("".join(unseen).replace("\n", " ")).strip()
        if len(_ALNUM.findall(hidden)) >= 4:  # "ICD-" clipped away by wkhtmltopdf: debris
            st.invisible.append((why, hidden))
    text, bullet = strip_bullet(normalize_text("".join(parts).replace("\n", " ")))
    text = text.strip()
    if not text and not bullet:
        return None
    if white and len(white) >= 2:
        st.hidden.append(text)
    if tiny and len(tiny) >= 2:
        st.tiny.append(text)
    size = round(statistics.median(sizes), 1) if sizes else None
    return _Frag(line.x0, line.y0, line.x1, line.y1, text, size, bold, chars, bullet)


# ------------------------------------------------------------------ layout
_OPEN_RANGE = re.compile(
    r"(?:\b(?:19|20)\d\d|\b[A-Za-z]{3,9}\.? (?:19|20)\d\d)\s*(?:[-–—]|\bto)$", re.I
)
_CONNECTOR = re.compile(r"^(?:[-–—]|to|until|through)$", re.I)


def _merge_wrapped_dates(frags: list[_Frag]) -> list[_Frag]:
    """Join a date range stacked over lines ("2017 –" / "Present"; "May 2016" / "to" / "Current").

    moderncv and LiveCareer put the range in a narrow date column where it wraps; read
    line by line it would come out as three lines that no date parser recognises.
    """
    out = sorted(frags, key=lambda f: -f.cy)
    i = 0
    while i < len(out):
        f = out[i]
        opens = _OPEN_RANGE.search(f.text) is not None
        dated = len(f.text.split()) <= 3 and _is_label(f.text)
        merged = False
        if opens or dated:
            for j in range(i + 1, min(i + 6, len(out))):
                g = out[j]
                if g.y1 > f.y0 + 0.3 * f.height or f.y0 - g.y1 > 0.8 * f.height:
                    continue
                if g.x0 >= f.x1 or g.x1 <= f.x0:
                    continue
                short = len(g.text.split()) <= 3
                if (opens and short and _is_label(g.text)) or (dated and _CONNECTOR.match(g.text)):
                    f.text = f"{f.text} {g.text}"
                    f.x0, f.x1, f.y0 = min(f.x0, g.x0), max(f.x1, g.x1), min(f.y0, g.y0)
                    del out[j]
                    merged = True
                    break
        if not merged:
            i += 1
    return out


def _rows(frags: list[_Frag]) -> list[list[_Frag]]:
    """Group fragments sharing a baseline into rows, top to bottom, each left to right."""
    rows: list[list[_Frag]] = []
    for f in sorted(frags, key=lambda f: -f.cy):
        if rows:
            ref = rows[-1][0]
            overlap = min(ref.y1, f.y1) - max(ref.y0, f.y0)
            if overlap >= 0.5 * min(ref.height, f.height):
                rows[-1].append(f)
                continue
        rows.append([f])
    return [sorted(r, key=lambda f: f.x0) for r in rows]


def _prose_words(frags: list[_Frag]) -> int:
    return sum(
        1 for f in frags for w in _WORD.findall(f.text) if not _DATEISH.match(w) and len(w) > 1
    )


_YEARISH = re.compile(r"\b(?:19|20)\d\d\b|'\d\d\b|\b\d{1,2}/(?:19|20)?\d\d\b")
_PLACE = re.compile(r"^[A-Z][\w .'-]*, ?(?:[A-Z]{2}|[A-Z][a-z]+)\b")


def _is_label(text: str) -> bool:
    """A date ("Jan 2023 - Present", "2019-2021") or a place ("Denver, CO") standing alone."""
    if _PLACE.match(text) and len(text.split()) <= 5:
        return True
    words = _WORD.findall(text)
    dated = bool(_YEARISH.search(text)) or any(_DATEISH.match(w) for w in words)
    rest = [w for w in words if not _DATEISH.match(w)]
    return dated and len(rest) <= 2


def _aligned(f: _Frag, other: list[_Frag], tight: float) -> bool:
    return any(abs(o.cy - f.cy) <= tight * min(o.height, f.height) for o in other)


def _is_annotation(side: list[_Frag], other: list[_Frag]) -> bool:
    """Dates, places or short labels that each stand on a line of the other side.

    That is moderncv's left date column or rendercv's right-aligned dates: they belong to
    the line they sit on, they are not a column of their own. A sidebar's lines only
    line up with the main column's by chance, so they fail the alignment test.
    """
    if not side or _prose_words(side) == 0:
        return True
    n = len(side)
    labels = sum(1 for f in side if _is_label(f.text))
    loose = sum(1 for f in side if _aligned(f, other, 0.5))
    if labels >= 0.5 * n and loose >= 0.6 * n:
        return True
    tight = sum(1 for f in side if _aligned(f, other, 0.2))
    words = sorted(len(f.text.split()) for f in side)
    return tight >= 0.9 * n and words[n // 2] <= 3


def _is_grid(left: list[_Frag], right: list[_Frag]) -> bool:
    """Rows of a table (label | value | label | value): every line has a partner."""
    return sum(_aligned(f, right, 0.2) for f in left) >= 0.9 * len(left) and sum(
        _aligned(f, left, 0.2) for f in right
    ) >= 0.9 * len(right)


def _qualifies(left: list[_Frag], right: list[_Frag]) -> bool:
    """Both sides of a gutter hold a column of their own (see the module docstring)."""
    if len(left) < 3 or len(right) < 3:
        return False
    if _prose_words(left) < 6 or _prose_words(right) < 6:
        return False
    if _is_annotation(left, right) or _is_annotation(right, left):
        return False
    return not _is_grid(left, right)


def _find_split(
    frags: list[_Frag], check: Callable[[], None] | None = None
) -> tuple[float, list[tuple[float, float]]] | None:
    """The gutter x and the vertical ranges where it separates two real columns."""
    frags = [f for f in frags if f.text]  # lone bullet glyphs say nothing about columns
    if len(frags) < 6:
        return None
    x_lo = min(f.x0 for f in frags)
    x_hi = max(f.x1 for f in frags)
    width = x_hi - x_lo
    if width <= 0:
        return None
    y_lo = min(f.y0 for f in frags)
    y_hi = max(f.y1 for f in frags)
    candidates = sorted({round(f.x1 + 0.5, 0) for f in frags})
    best: tuple[int, float, list[tuple[float, float]]] | None = None
    seen: set[tuple[int, ...]] = set()
    judged: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = {}
    by_cy = sorted(frags, key=lambda f: f.cy)
    cys = [f.cy for f in by_cy]
    for n, x in enumerate(candidates):
        if not (x_lo + 0.1 * width < x < x_hi - 0.1 * width):
            continue
        if check is not None and n % 32 == 0:
            check()  # quadratic in the worst case: keep it inside the time budget
        blocked = sorted((f.y0, f.y1) for f in frags if f.x0 < x - 0.5 and f.x1 > x + 0.5)
        opened: list[tuple[float, float]] = []
        cur = y_lo - 1
        for b0, b1 in blocked:
            if b0 > cur:
                opened.append((cur, b0))
            cur = max(cur, b1)
        if cur < y_hi + 1:
            opened.append((cur, y_hi + 1))
        good: list[tuple[float, float]] = []
        score = 0
        key: list[int] = []
        for lo, hi in opened:
            inside = by_cy[bisect.bisect_left(cys, lo) : bisect.bisect_right(cys, hi)]
            left = [f for f in inside if f.x1 <= x]
            right = [f for f in inside if f.x0 >= x]
            if not left or not right:
                continue
            # The band runs the whole open range (the main column goes on below a shorter
            # sidebar; a name block stays above its side-by-side contact block).
            # Neighbouring candidates often cut the same fragments the same way: judge once.
            split_key = (tuple(id(f) for f in left), tuple(id(f) for f in right))
            if split_key not in judged:
                judged[split_key] = _qualifies(left, right)
            if judged[split_key]:
                good.append((lo, hi))
                score += min(_prose_words(left), _prose_words(right))
                key.extend(id(f) for f in left)
        if not good:
            continue
        sig = tuple(sorted(key))
        if sig in seen:
            continue
        seen.add(sig)
        if best is None or score > best[0]:
            best = (score, x, good)
    if best is None:
        return None
    _, x, good = best
    in_cols = [f for f in frags if any(lo <= f.cy <= hi for lo, hi in good)]
    left_edge = max((f.x1 for f in in_cols if f.x1 <= x), default=x)
    right_edge = min((f.x0 for f in in_cols if f.x0 >= x), default=x)
    return (left_edge + right_edge) / 2, good


def _is_heading_word(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text.split()) <= 3


def _heading_column(left: list[_Frag], right: list[_Frag]) -> list[list[_Frag]] | None:
    """Rows of a band whose left side is only section headings, each beside its section.

    Word CVs built as a two-column table print "WORK" / "EXPERIENCE" in a narrow left cell
    next to the section's first line. That is not a sidebar to read after the content: each
    heading (its wrapped words joined) goes right above the row it starts beside.
    """
    if len(left) < 3 or len(right) < 2 * len(left) or not all(_is_heading_word(f.text) for f in left):
        return None
    groups: list[list[_Frag]] = []
    for f in sorted(left, key=lambda f: -f.cy):
        if groups and groups[-1][-1].y0 - f.y1 <= 0.8 * min(f.height, groups[-1][-1].height):
            groups[-1].append(f)
        else:
            groups.append([f])
    if not all(_aligned(g[0], right, 0.3) for g in groups):
        return None  # a sidebar's words only line up with the content by chance
    rows = _rows(right)
    for g in reversed(groups):
        head = _Frag(
            min(f.x0 for f in g), min(f.y0 for f in g), max(f.x1 for f in g), max(f.y1 for f in g),
            " ".join(f.text for f in g), g[0].size, sum(f.bold_chars for f in g),
            sum(f.chars for f in g),
        )
        top = g[0].cy + 0.3 * g[0].height
        at = next((n for n, row in enumerate(rows) if row[0].cy <= top), len(rows))
        rows.insert(at, [head])
    return rows


def _layout(
    frags: list[_Frag], depth: int = 0, check: Callable[[], None] | None = None
) -> list[tuple[int | None, list[list[_Frag]]]]:
    """Blocks in reading order: (column number within its band, or None; rows)."""
    split = _find_split(frags, check) if depth < 3 else None
    if split is None:
        return [(None, _rows(frags))]
    gx, good = split

    def in_band(f: _Frag) -> bool:
        return any(lo <= f.cy <= hi for lo, hi in good)

    def side_of(row: list[_Frag]) -> int | None:
        if all(f.x1 <= gx + 0.5 for f in row):
            return 0
        if all(f.x0 > gx + 0.5 for f in row):
            return 1
        return None

    # Full-width rows and column bands, merged top to bottom.
    items: list[tuple[float, int, Any]] = [(hi, 1, (lo, hi)) for lo, hi in good]
    items += [
        (max(f.y1 for f in row), 0, row) for row in _rows([f for f in frags if not in_band(f)])
    ]
    items.sort(key=lambda t: (-t[0], t[1]))
    out: list[tuple[int | None, list[list[_Frag]]]] = []
    # A row next to a column band that stays on one side of the gutter continues that
    # column (the main column runs on below a shorter sidebar): label it so.
    label: list[int | None] = [None] * len(items)
    sides: list[tuple[int, int] | None] = [None] * len(items)
    for k, (_top, is_band, item) in enumerate(items):
        if not is_band:
            continue
        lo, hi = item
        inside = [f for f in frags if lo <= f.cy <= hi]
        woven = _heading_column(
            [f for f in inside if f.x1 <= gx + 0.5], [f for f in inside if f.x1 > gx + 0.5]
        )
        if woven is not None:
            out.append((None, woven))
            sides[k] = (-1, -1)
            items[k] = (_top, is_band, len(out))
            continue
        n = 0
        cols: list[int] = []
        for side in (
            [f for f in inside if f.x1 <= gx + 0.5],
            [f for f in inside if f.x1 > gx + 0.5],
        ):
            widest = 0
            for col, rows in _layout(side, depth + 1, check):
                out.append((n + (col or 1), rows))
                widest = max(widest, col or 1)
            cols.append(n + 1 if widest == 1 else -1)
            n += widest
        sides[k] = (cols[0], cols[1])
        items[k] = (_top, is_band, len(out))  # where this band's blocks end in ``out``
    for order in (range(len(items)), range(len(items) - 1, -1, -1)):
        current: tuple[int, int] | None = None
        for k in order:
            if items[k][1]:
                current = sides[k]
                continue
            side = side_of(items[k][2])
            if current is None or side is None or current[side] < 0:
                current = None
                continue
            if label[k] is None:
                label[k] = current[side]
    # Emit in order: band blocks were appended to ``out`` as they were met. Bands joined by
    # rows that each continue one of their columns are one column region (a Google Docs
    # page whose main column has a line reaching into the gutter): a person reads it
    # column by column, so its blocks are ordered by column, top to bottom within each.
    blocks: list[tuple[int | None, list[list[_Frag]]]] = []
    run: list[tuple[int | None, list[list[_Frag]]]] = []
    run_bands = 0

    def flush() -> None:
        nonlocal run_bands
        if run_bands > 1 and all(col is not None for col, _ in run):
            run.sort(key=lambda b: b[0] or 0)  # stable: top to bottom within a column
        for col, rows in run:
            if blocks and blocks[-1][0] == col and col is not None:
                blocks[-1][1].extend(rows)
            else:
                blocks.append((col, rows))
        run.clear()
        run_bands = 0

    emitted = 0
    for k, (_top, is_band, item) in enumerate(items):
        if is_band:
            run.extend((col, list(rows)) for col, rows in out[emitted:item])
            run_bands += 1
            emitted = item
            continue
        col = label[k]
        if col is None:
            flush()
            if blocks and blocks[-1][0] is None:
                blocks[-1][1].append(item)
            else:
                blocks.append((None, [item]))
            continue
        run.append((col, [item]))
    flush()
    return blocks


def _join(row: list[_Frag]) -> tuple[str, bool]:
    """Text of a row of fragments; a wide gap becomes the tab separator.

    A fragment that is only a bullet glyph (placed apart from its text) marks the row as a
    list item when it opens the row and is dropped elsewhere.
    """
    out = ""
    bullet = bool(row) and row[0].bullet
    prev: _Frag | None = None
    for f in row:
        if not f.text:
            continue
        if prev is None:
            out = f.text
        else:
            gap = f.x0 - prev.x1
            em = max(prev.size or 10.0, 1.0)
            wide = (
                f.bullet
                or gap > 1.5 * em
                or (gap > 0.8 * em and (_is_label(f.text) or _is_label(prev.text)))
            )
            if out.endswith(("|", "•")) or f.text.startswith(("|", "•")):
                wide = False  # the page already shows a separator there
            out += (GAP_SEPARATOR if wide else " ") + f.text
        prev = f
    return out, bullet


def _make_line(row: list[_Frag], page: int, column: int | None) -> Line | None:
    text, bullet = _join(row)
    if not text:
        return None
    total = sum(f.chars for f in row) or 1
    main = max(row, key=lambda f: f.chars)
    return Line(
        text=text,
        source="body",
        page=page,
        column=column,
        bold=sum(f.bold_chars for f in row) * 2 > total,
        font_size=main.size,
        list_item=bullet,
    )


def _row_lines(row: list[_Frag], page: int, column: int | None) -> list[Line]:
    """One line per row, except a date/place standing at the far right of a bullet.

    rendercv stacks "place / dates / duration" at the right margin, so the dates share a
    baseline with the first bullet, not with the title. Such a label becomes its own line:
    before a bullet (right under the title, where a reader sees it), after a wrapped
    continuation line (so the bullet's text stays in one piece).
    """
    if len(row) >= 2 and row[-1].text and row[-2].text:
        last, prev = row[-1], row[-2]
        em = max(prev.size or 10.0, 1.0)
        if last.x0 - prev.x1 > 1.5 * em and _is_label(last.text):
            head = row[:-1]
            continuation = not head[0].bullet and head[0].text[:1].islower()  # wrapped line
            if head[0].bullet or continuation:
                pair = [_make_line(head, page, column), _make_line([last], page, column)]
                if head[0].bullet:
                    pair.reverse()
                return [ln for ln in pair if ln is not None]
    line = _make_line(row, page, column)
    return [line] if line is not None else []


def _rejoin_hyphens(lines: list[Line]) -> None:
    """Rejoin a word broken by a line-end hyphen, keeping the hyphen of a compound.

    "reim-" / "bursement" becomes "reimbursement" (a syllable break), "cloud-" / "native"
    becomes "cloud-native" (the compound's own hyphen: "cloudnative" is a word the author
    never wrote, and the draft, the spelling check and the report quote this text);
    :func:`.hyphens.keep_hyphen` decides, and keeps the hyphen when in doubt. Only a
    lower-case continuation counts, so "ICD-10-" / "CM" stays as it is.
    """
    for a, b in itertools.pairwise(lines):
        if a.page != b.page or a.column != b.column or b.list_item:
            continue
        if re.search(r"[A-Za-z]{2}-$", a.text) and re.match(r"[a-z]", b.text):
            from .hyphens import keep_hyphen  # the word lists load on the first hyphen met

            head, _, rest = b.text.partition(" ")
            word = a.text[:-1].rsplit(" ", 1)[-1]
            keep = keep_hyphen(word, head, f"{a.text} {b.text}")
            a.text = (a.text if keep else a.text[:-1]) + head
            b.text = rest


# ------------------------------------------------------------------ reading
# A ligature is at most three letters ("ffi", "ffl"); four leaves room for a "Th" + "s".
_MAX_LIGATURE = 4
# The letters of the typographic ligatures fonts carry as one glyph. Only these are taken from
# an ActualText: any other text there ("CPC" on a glyph) is something a reader cannot see, and
# must not become a word of the resume (it could plant a credential).
_LIGATURES = frozenset(["ff", "fi", "fl", "ffi", "ffl", "ft", "fj", "st", "ct", "Th", "FF", "FI", "FL", "FFI", "FFL"])


def _actual_text(props: Any) -> str | None:
    """The ``/ActualText`` of a marked-content property list, if it is a short run of letters.

    Google Docs and Chrome (Skia) export a ligature glyph whose ToUnicode entry is missing
    or U+0000 inside ``/Span <</ActualText (ff)>> BDC ... EMC``; poppler reads the span's
    ActualText, pdfminer ignores it and the glyph's letters are lost ("eective"). Only a
    ligature's letters count: altacv puts "email: " or "\\faTrophy :" on its icons, and a
    hostile file could put "CPC" on an unreadable glyph; neither may become text.
    """
    if not isinstance(props, dict):
        return None
    try:
        raw = resolve1(props.get("ActualText"))
    except _RefLoop:
        return None
    if not isinstance(raw, bytes) or len(raw) > 20:
        return None
    text = normalize_text(decode_text(raw)).strip()
    return text if text in _LIGATURES else None


def _unreadable(text: str) -> bool:
    """Glyph text that carries no letter: unmapped "(cid:N)", U+0000, control or private use."""
    if not text.strip():
        return False  # a space is a space, not a lost ligature
    rest = normalize_text(CID_RE.sub("", text)).strip()
    return not rest or all(is_private_use(c) or c == "\ufffd" for c in rest)


def _apply_actual_text(text: str, chars: list[Any]) -> None:
    """Give a ligature span's glyphs the span's ActualText when their own text is unreadable.

    Only a single glyph takes the letters. Glyphs that read as something else keep their own
    text: an ActualText a person does not see is not trusted over it.
    """
    glyphs = [c for c in chars if isinstance(c, LTChar)]
    if len(glyphs) != 1:
        return  # a ligature is one glyph
    if not _unreadable("".join(c.get_text() for c in glyphs)):
        return
    if any(_font_kind(c.fontname or "")[0] for c in glyphs):
        return  # an icon font's picture is not a word
    glyphs[0]._text = text


class _Analyzer(PDFPageAggregator):
    """Aggregator that charges glyphs and shapes to the page budget and notes, per glyph,
    what decides whether a person can see it: drawing order, render mode, horizontal scale
    and the clip in force (pdfminer keeps none of these)."""

    def __init__(self, rsrcmgr: PDFResourceManager, laparams: LAParams, deadline: Deadline) -> None:
        super().__init__(rsrcmgr, laparams=laparams)
        self._deadline = deadline
        self._seq = 0
        self._mode = 0
        self.clip: Box | None = None  # device-space box of the current clip, None = the page
        self.alpha = 1.0  # fill opacity from the ExtGState (``/ca``; a soft mask counts as 0.5)
        # open marked-content spans (the ActualText of each, or None) and the glyphs drawn
        # inside the outermost one that has an ActualText
        self._tags: list[str | None] = []
        self._collect: tuple[str, list[Any]] | None = None

    def begin_page(self, page: Any, ctm: Any) -> None:
        self._tags = []
        self._collect = None
        self.clip = None
        self.alpha = 1.0
        self._mode = 0
        super().begin_page(page, ctm)

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        self._mode = getattr(textstate, "render", 0)
        super().render_string(textstate, seq, ncs, graphicstate)

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        """Open a marked-content span; one that carries ``/ActualText`` collects its glyphs."""
        text = _actual_text(props) if self._collect is None else None
        self._tags.append(text)
        if text is not None:
            self._collect = (text, [])

    def end_tag(self) -> None:
        if not self._tags:
            return  # an EMC without its BMC/BDC
        if self._tags.pop() is not None and self._collect is not None:
            text, chars = self._collect
            self._collect = None
            _apply_actual_text(text, chars)

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                    cid: int, ncs: Any, graphicstate: Any) -> float:
        b = pdf_budget.current()
        if b is not None:
            b.add_glyph()
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        item = self.cur_item._objs[-1]
        if self._collect is not None and len(self._collect[1]) < _MAX_LIGATURE:
            self._collect[1].append(item)
        self._seq += 1
        item.rt_seq = self._seq
        item.rt_mode = self._mode
        item.rt_hscale = scaling
        item.rt_clip = self.clip
        item.rt_alpha = self.alpha
        return adv

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        b = pdf_budget.current()
        if b is not None:
            b.add_path()
        before = len(self.cur_item._objs)
        super().paint_path(gstate, stroke, fill, evenodd, path)
        self._seq += 1
        for item in self.cur_item._objs[before:]:
            item.rt_seq = self._seq
            item.rt_alpha = self.alpha


def _path_box(path: list[Any], ctm: Any) -> Box | None:
    """Device-space bounding box of a path (its points, control points included)."""
    xs: list[float] = []
    ys: list[float] = []
    for seg in path:
        nums = [v for v in seg[1:] if isinstance(v, (int, float))]
        for i in range(0, len(nums) - 1, 2):
            x, y = apply_matrix_pt(ctm, (nums[i], nums[i + 1]))
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter plus the clipping path pdfminer ignores (``W n``), kept as a
    box in device space and saved and restored with ``q``/``Q`` and around forms."""

    device: _Analyzer

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self._clips: list[tuple[Box | None, float]] = []
        self._clip_pending = False

    def do_q(self) -> None:
        b = pdf_budget.current()
        if b is not None:
            b.check_depth(len(self.gstack) + 1)
        super().do_q()
        if len(self._clips) < 10_000:
            self._clips.append((self.device.clip, self.device.alpha))

    def do_Q(self) -> None:
        super().do_Q()
        if self._clips:
            self.device.clip, self.device.alpha = self._clips.pop()

    def do_gs(self, name: Any) -> None:
        """Fill opacity, which pdfminer ignores: a translucent box hides nothing."""
        try:
            states = resolve1(self.resources.get("ExtGState")) or {}
            key = getattr(name, "name", name)
            gs = resolve1(states.get(key)) if isinstance(states, dict) else None
            if not isinstance(gs, dict):
                return
            ca = resolve1(gs.get("ca"))
            if isinstance(ca, (int, float)):
                self.device.alpha = float(ca)
            mask = resolve1(gs.get("SMask"))
            if mask is not None and getattr(mask, "name", None) != "None":
                self.device.alpha = min(self.device.alpha, 0.5)
        except (_RefLoop, AttributeError, TypeError, ValueError):
            return

    def do_W(self) -> None:
        self._clip_pending = True

    def do_W_a(self) -> None:
        self._clip_pending = True

    def _end_path(self) -> None:
        if not self._clip_pending:
            return
        self._clip_pending = False
        box = _path_box(self.curpath, self.ctm)
        if box is None:
            return
        old = self.device.clip
        if old is not None:
            box = (max(box[0], old[0]), max(box[1], old[1]), min(box[2], old[2]), min(box[3], old[3]))
        self.device.clip = box

    def do_n(self) -> None:
        self._end_path()
        super().do_n()

    def do_f(self) -> None:
        self._end_path()
        super().do_f()

    def do_S(self) -> None:
        self._end_path()
        super().do_S()

    def do_B(self) -> None:
        self._end_path()
        super().do_B()

    def do_Do(self, xobjid_arg: Any) -> None:
        saved = self.device.clip
        try:
            super().do_Do(xobjid_arg)
        finally:
            self.device.clip = saved


def _page_columns(lines: list[Line]) -> int:
    """How many columns the page reports; clears ``column`` when the split is incidental.

    A name block beside a six-line contact block (moderncv's header) is read block by block,
    but the page is not a multi-column resume: that needs at least two columns of five or
    more lines holding a quarter of the page.
    """
    per = Counter(ln.column for ln in lines if ln.column is not None)
    real = [c for c, n in per.items() if n >= 5]
    if len(real) >= 2 and sum(per.values()) >= 0.25 * len(lines):
        return max(per)
    for ln in lines:
        ln.column = None
    return 0


def _add_links(
    line: Line, row: list[_Frag], links: list[tuple[tuple[float, float, float, float], str]]
) -> None:
    """Attach link annotations whose rectangle covers this row."""
    bx0, by0 = min(f.x0 for f in row), min(f.y0 for f in row)
    bx1, by1 = max(f.x1 for f in row), max(f.y1 for f in row)
    for (lx0, ly0, lx1, ly1), uri in links:
        overlap = min(ly1, by1) - max(ly0, by0)
        if (
            lx0 < bx1
            and lx1 > bx0
            and overlap >= 0.5 * min(ly1 - ly0, by1 - by0)
            and uri not in line.hyperlinks
        ):
            line.hyperlinks.append(uri)


class _RefLoop(Exception):
    """An object reference that leads back to itself."""


def resolve1(obj: Any, depth: int = 32) -> Any:
    """pdfminer's ``resolve1`` with a bound: ``2 0 obj 2 0 R`` must not loop forever."""
    while isinstance(obj, PDFObjRef):
        depth -= 1
        if depth < 0:
            raise _RefLoop
        obj = obj.resolve()
    return obj


def _page_count(doc: PDFDocument, name: str) -> int | None:
    """The page count the page tree claims; a page tree that refers to itself is damage.

    pdfminer's own page walk would loop forever on such a tree, so it is refused here.
    """
    try:
        pages = resolve1(doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
        kids = resolve1(pages.get("Kids")) if isinstance(pages, dict) else None
        for kid in kids if isinstance(kids, list) else []:
            resolve1(kid)
    except _RefLoop as err:
        raise damaged(name, "pdf") from err
    except Exception:
        return None
    return count if isinstance(count, int) and count >= 0 else None


def _too_many_pages(name: str, n: int | str, limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        name,
        f"the PDF has {n} pages, more than the {limits.max_pages} a resume may have",
        "Check the resume itself (one to three pages), not a combined document",
    )


def _links(page: PDFPage) -> list[tuple[tuple[float, float, float, float], str]]:
    out = []
    try:
        annots = resolve1(page.annots) or []
        for a in annots:
            a = resolve1(a)
            if not isinstance(a, dict):
                continue
            action = resolve1(a.get("A"))
            uri = resolve1(action.get("URI")) if isinstance(action, dict) else None
            rect = [float(resolve1(v)) for v in resolve1(a.get("Rect")) or []]
            if isinstance(uri, bytes):
                uri = uri.decode("latin-1")
            if isinstance(uri, str) and len(rect) == 4:
                x0, y0, x1, y1 = rect
                out.append(((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), uri.strip()))
    except Exception:
        return out  # links are a nicety; a broken annotation must not fail the read
    return out


def read_pdf(data: bytes, name: str, limits: Limits, deadline: Deadline) -> Document:
    """Read a PDF into lines in reading order with page and column, plus observations.

    Every byte pdfminer decodes, every font-map entry and every operator is charged to a
    ``pdf_budget.Budget``; a breach ends the read with a ``LimitExceeded`` naming the limit.
    """
    b = pdf_budget.Budget(name, limits, deadline.end, deadline.seconds)
    try:
        with pdf_budget.budget(b):
            return _read_pdf(data, name, limits, deadline, b)
    except pdf_budget.Breach as breach:
        raise breach.error from None


def _read_pdf(
    data: bytes, name: str, limits: Limits, deadline: Deadline, b: pdf_budget.Budget
) -> Document:
    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise damaged(name, "pdf")
    parser = PDFParser(io.BytesIO(data))
    try:
        doc = PDFDocument(parser, password="")
    except PDFPasswordIncorrect as err:
        raise InputError(
            name,
            "the PDF is password-protected, so an ATS cannot open it",
            "Open it, then save or print it to a new PDF without a password (or upload the DOCX)",
        ) from err
    except PDFEncryptionError as err:
        raise InputError(
            name,
            "the PDF is encrypted in a way that cannot be opened",
            "Save or print it to a new PDF without a password (or upload the DOCX)",
        ) from err
    count = _page_count(doc, name)
    if count is not None and count > limits.max_pages:
        raise _too_many_pages(name, count, limits)

    rsrc = PDFResourceManager(caching=True)
    device = _Analyzer(rsrc, LAParams(boxes_flow=None, all_texts=True), deadline)
    interp = _Interpreter(rsrc, device)
    lines: list[Line] = []
    obs: list[Observation] = []
    totals = _PageStats()
    pages = 0
    alnum = 0
    kept = 0
    for pageno, page in enumerate(PDFPage.create_pages(doc), start=1):
        if pageno > limits.max_pages:
            raise _too_many_pages(name, f"more than {limits.max_pages}", limits)
        deadline.check()
        pages = pageno
        b.new_page(pageno)
        interp.process_page(page)
        layout: LTPage = device.get_result()
        deadline.check()
        st = _PageStats()
        dark: list[tuple[Box, int]] = []
        covers: list[tuple[Box, int]] = []
        pictures: list[tuple[Box, int]] = []
        raw_lines: list[LTTextLine] = []
        for n, item in enumerate(_walk(layout)):
            if n % 1000 == 999:
                deadline.check()
            if isinstance(item, LTImage):
                st.images += 1
                pictures.append((item.bbox, 0))
            elif isinstance(item, LTCurve):
                if item.fill and getattr(item, "rt_alpha", 1.0) >= 0.9:
                    covers.append((item.bbox, getattr(item, "rt_seq", 0)))
                    if not _is_white(item.non_stroking_color):
                        dark.append((item.bbox, 0))
            elif isinstance(item, LTTextLine):
                raw_lines.append(item)
        ctx = _PageCtx(_Grid(dark), _Grid(covers), _Grid(pictures), layout.bbox)
        frags: list[_Frag] = []
        for n, ln in enumerate(raw_lines):
            if n % 200 == 199:
                deadline.check()
            frag = _fragment(ln, ctx, st)
            if frag is not None:
                frags.append(frag)
        frags = _merge_wrapped_dates(frags)
        alnum += sum(len(_ALNUM.findall(f.text)) for f in frags)
        links = _links(page)
        page_lines: list[Line] = []
        blocks = _layout(frags, check=deadline.check)
        deadline.check()
        for column, rows in blocks:
            for row in rows:
                for line in _row_lines(row, pageno, column):
                    _add_links(line, row, links)
                    page_lines.append(line)
        ncols = _page_columns(page_lines)
        if ncols > 1:
            second = next((ln.text for ln in page_lines if ln.column == 2), "")
            obs.append(
                Observation(
                    "multi-column",
                    f"page {pageno} is laid out in {ncols} columns; many ATS read straight "
                    "across and mix the columns",
                    count=ncols,
                    sample=second[:80],
                    page=pageno,
                )
            )
        _rejoin_hyphens(page_lines)
        deadline.check()  # the first line-end hyphen loads the word lists
        for ln in page_lines:
            if kept < limits.max_chars and ln.text:
                lines.append(ln)
                kept += len(ln.text)
        totals.unmapped += st.unmapped
        totals.hidden += st.hidden
        totals.tiny += st.tiny
        totals.images += st.images
        totals.invisible += st.invisible
        layout = None  # type: ignore[assignment]
    if pages == 0:
        raise damaged(name, "pdf")

    if alnum < _MIN_TEXT_CHARS:
        what = (
            "it holds only images (a scan or a picture of text)"
            if totals.images
            else "no extractable text"
        )
        return Document(
            path=name,
            format="pdf",
            lines=[],
            pages=pages,
            observations=[
                Observation(
                    "no-text",
                    f"the PDF has no usable text layer: {what}; an ATS sees an empty resume",
                    count=pages,
                )
            ],
        )
    obs.extend(_summary(totals))
    lines = _flow_columns(lines)
    return Document(path=name, format="pdf", lines=lines, pages=pages, observations=obs)


def _flow_columns(lines: list[Line]) -> list[Line]:
    """Read a main column that runs on over the next page before the sidebars.

    On a two-column page followed by a page that opens in its first column (a Google Docs
    export whose experience goes on over the page), the second page's first column continues
    the first page's, not the sidebar printed last on page one. So over a run of such pages
    the first columns come first, page by page, then the second columns. Only pages whose
    lines (past a full-width header on the first of them) all sit in column 1 or 2 join.
    """
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page or 0, []).append(ln)
    order = sorted(by_page)

    def body(page: int, first: bool) -> tuple[list[Line], list[Line]] | None:
        got = by_page[page]
        k = 0
        if first:
            while k < len(got) and got[k].column is None:
                k += 1
        rest = got[k:]
        if not rest or rest[0].column != 1 or any(ln.column not in (1, 2) for ln in rest):
            return None
        if not any(ln.column == 2 for ln in rest):
            return None
        return got[:k], rest

    out: list[Line] = []
    i = 0
    while i < len(order):
        start = body(order[i], True)
        j = i + 1
        while start is not None and j < len(order) and body(order[j], False) is not None:
            j += 1
        if start is None or j == i + 1:
            out.extend(by_page[order[i]])
            i += 1
            continue
        head, first_body = start
        bodies = [first_body] + [body(order[k], False)[1] for k in range(i + 1, j)]  # type: ignore[index]
        out.extend(head)
        for col in (1, 2):
            out.extend(ln for b in bodies for ln in b if ln.column == col)
        i = j
    return out


def _summary(st: _PageStats) -> Iterable[Observation]:
    if st.unmapped:
        yield Observation(
            "unmapped-glyphs",
            f"{st.unmapped} glyphs (icons or symbol-font characters) have no text meaning and "
            "were dropped",
            count=st.unmapped,
        )
    if st.hidden or st.invisible:
        whys = Counter(why for why, _ in st.invisible)
        kinds = ([f"{len(st.hidden)} line(s) of white text"] if st.hidden else []) + [
            f"{n} line(s) {_HIDDEN_WHY[why]}" for why, n in sorted(whys.items())
        ]
        note = "; text no one can see was not counted as keywords" if st.invisible else ""
        sample = st.hidden[0] if st.hidden else st.invisible[0][1]
        yield Observation(
            "hidden-text",
            f"text an ATS reads but a person cannot see: {', '.join(kinds)}{note}",
            count=len(st.hidden) + len(st.invisible),
            sample=sample[:80],
        )
    if st.tiny:
        yield Observation(
            "tiny-font",
            "text smaller than 4 pt",
            count=len(st.tiny),
            sample=st.tiny[0][:80],
        )
    if st.images:
        yield Observation("images", f"{st.images} pictures", count=st.images)


__all__ = ["GAP_SEPARATOR", "read_pdf"]
