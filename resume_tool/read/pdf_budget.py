"""Work budgets pdfminer cannot bypass: decoded bytes, font-map entries, objects per page.

pdfminer decodes every stream filter with no cap (Flate inside Flate turns 5 KB into 2 GB),
expands a ToUnicode range ``<0000> <FFFFFFFF>`` one code at a time, and interprets any
number of operators. The tool reads files from strangers, so this module wraps the three
places where that work happens:

* ``PDFStream.decode`` is replaced by a bounded decoder: every filter writes into a counter
  that stops at ``Limits.max_stream_bytes`` per stream and ``Limits.max_decoded_bytes`` per
  file (object streams and xref streams go through it too). Image-only filters (DCT, JPX,
  JBIG2, CCITT) are not decoded at all: the reader never needs pixels.
* ``CMapParser.do_keyword`` counts the entries a range or char block will add *before*
  pdfminer's loop runs, against ``Limits.max_cmap_entries``.
* The content-stream parser counts tokens (operators and operands) per page against
  ``Limits.max_page_objects`` and checks the read deadline every few thousand tokens.

The patches are installed once, when ``read.pdf`` is imported, and do nothing outside a
``budget(...)`` block (another user of pdfminer in the same process is unaffected apart from
the image filters, which it would not need decoded for text either). A breach raises
``Breach``, a ``BaseException`` so that pdfminer's broad ``except Exception`` clauses cannot
swallow it; ``read_pdf`` turns it into the ``LimitExceeded`` it carries.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import struct
import time
import zlib
from collections.abc import Iterator
from typing import Any

from pdfminer import cmapdb, pdfinterp, pdftypes
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.psparser import PSKeyword

from ..errors import LimitExceeded
from ..limits import Limits

_FIX = "Save or print it to a new PDF from your word processor (or upload the DOCX)"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


class Breach(BaseException):
    """A budget ran out inside pdfminer; ``error`` is the user-facing ``LimitExceeded``."""

    def __init__(self, error: LimitExceeded) -> None:
        super().__init__(str(error))
        self.error = error


class Budget:
    """What one PDF may still cost; one instance per file, reset per page where it says so."""

    def __init__(self, name: str, limits: Limits, deadline_end: float, seconds: float) -> None:
        self.name = name
        self.limits = limits
        self.deadline_end = deadline_end
        self.seconds = seconds
        self.decoded = 0
        self.cmap_entries = 0
        self.page_objects = 0
        self.page_paths = 0
        self.page_glyphs = 0
        self.page_content = 0
        self._content_checks = 0
        self.page = 0

    def fail(self, problem: str, fix: str = _FIX) -> Breach:
        return Breach(LimitExceeded(self.name, problem, fix))

    def check_time(self) -> None:
        if time.monotonic() > self.deadline_end:
            raise self.fail(
                f"reading this file took longer than {self.seconds:g} seconds (limit: read time)",
                "Save a simpler copy (fewer pages and pictures) as DOCX or PDF and try again",
            )

    def new_page(self, pageno: int) -> None:
        self.page = pageno
        self.page_objects = self.page_paths = self.page_glyphs = self.page_content = 0

    def add_decoded(self, n: int, stream_total: int) -> None:
        if stream_total > self.limits.max_stream_bytes:
            raise self.fail(
                "a stream in the PDF decompresses to more than "
                f"{_mb(self.limits.max_stream_bytes)} (limit: decoded bytes per stream; "
                "a damaged or hostile file)"
            )
        self.decoded += n
        if self.decoded > self.limits.max_decoded_bytes:
            raise self.fail(
                "the PDF decompresses to more than "
                f"{_mb(self.limits.max_decoded_bytes)} in all (limit: decoded bytes per file; "
                "a damaged or hostile file)"
            )

    def add_cmap(self, n: int) -> None:
        self.cmap_entries += n
        if self.cmap_entries > self.limits.max_cmap_entries:
            raise self.fail(
                f"the PDF's font maps declare more than {self.limits.max_cmap_entries:,} "
                "character codes (limit: font-map entries; a damaged or hostile font)"
            )

    def add_objects(self, n: int) -> None:
        self.page_objects += n
        if self.page_objects > self.limits.max_page_objects:
            raise self.fail(
                f"page {self.page} holds more than {self.limits.max_page_objects:,} drawing "
                "operators and operands (limit: operators per page)"
            )
        self.check_time()

    def add_content(self, n: int) -> None:
        self.page_content += n
        if self.page_content > self.limits.max_page_content_bytes:
            raise self.fail(
                f"page {self.page} has more than {_mb(self.limits.max_page_content_bytes)} of "
                "drawing instructions (limit: content bytes per page)"
            )
        self._content_checks += 1
        if self._content_checks % 64 == 0:
            self.check_time()

    def check_depth(self, depth: int) -> None:
        if depth > self.limits.max_graphics_depth:
            raise self.fail(
                f"page {self.page} nests graphics states more than "
                f"{self.limits.max_graphics_depth:,} deep (limit: nested graphics states)"
            )

    def add_path(self) -> None:
        self.page_paths += 1
        if self.page_paths > self.limits.max_page_paths:
            raise self.fail(
                f"page {self.page} draws more than {self.limits.max_page_paths:,} shapes "
                "(limit: paths per page)"
            )
        if self.page_paths % 500 == 0:
            self.check_time()

    def add_glyph(self) -> None:
        self.page_glyphs += 1
        if self.page_glyphs > self.limits.max_page_glyphs:
            raise self.fail(
                f"page {self.page} draws more than {self.limits.max_page_glyphs:,} characters "
                "(limit: characters per page)"
            )
        if self.page_glyphs % 2000 == 0:
            self.check_time()


_CURRENT: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("pdf_budget", default=None)


@contextlib.contextmanager
def budget(b: Budget) -> Iterator[Budget]:
    """Make ``b`` the budget every patched pdfminer call in this context charges."""
    token = _CURRENT.set(b)
    try:
        yield b
    finally:
        _CURRENT.reset(token)


def current() -> Budget | None:
    return _CURRENT.get()


# ------------------------------------------------------------------ bounded decoding
_CHUNK = 1 << 20


class _Sink:
    """Collects one filter's output, charging the budget as it grows."""

    def __init__(self, b: Budget | None, start: int) -> None:
        self.b = b
        self.total = start  # bytes of this stream decoded so far (earlier filters' output too)
        self.parts: list[bytes] = []
        self.cap = b.limits.max_stream_bytes if b is not None else 1 << 62

    def add(self, data: bytes) -> None:
        if not data:
            return
        self.total += len(data)
        if self.b is not None:
            self.b.add_decoded(len(data), self.total)
        self.parts.append(data)

    def room(self) -> int:
        return max(self.cap - self.total + 1, 1)

    def value(self) -> bytes:
        return b"".join(self.parts)


def _inflate_lenient(data: bytes, sink: _Sink) -> None:
    """Inflate; on damaged data keep the output up to the damage (as pdfminer does)."""
    d = zlib.decompressobj()
    pos = 0
    step = 16 * 1024
    while pos < len(data) and not d.eof:
        chunk = data[pos : pos + step]
        saved, mark = d.copy(), (len(sink.parts), sink.total)
        try:
            _feed(d, chunk, sink)
        except zlib.error:
            # Redo the damaged chunk a byte at a time from the state before it.
            d = saved
            del sink.parts[mark[0] :]
            sink.total = mark[1]
            with contextlib.suppress(zlib.error):
                for i in range(len(chunk)):
                    _feed(d, chunk[i : i + 1], sink)
            return
        pos += len(chunk)
    with contextlib.suppress(zlib.error):
        sink.add(d.flush())


def _feed(d: Any, buf: bytes, sink: _Sink) -> None:
    while buf and not d.eof:
        sink.add(d.decompress(buf, min(sink.room(), _CHUNK)))
        buf = d.unconsumed_tail


def _lzw(data: bytes, sink: _Sink) -> None:
    import io

    for part in LZWDecoder(io.BytesIO(data)).run():
        sink.add(part)


def _runlength(data: bytes, sink: _Sink) -> None:
    i, n = 0, len(data)
    out = bytearray()
    while i < n:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            out += data[i : i + length + 1]
            i += length + 1
        elif i < n:
            out += bytes([data[i]]) * (257 - length)
            i += 1
        if len(out) >= 64 * 1024:
            sink.add(bytes(out))
            out.clear()
    sink.add(bytes(out))


_IMAGE_FILTERS = (
    *pdftypes.LITERALS_DCT_DECODE,
    *pdftypes.LITERALS_JBIG2_DECODE,
    *pdftypes.LITERALS_JPX_DECODE,
    *pdftypes.LITERALS_CCITTFAX_DECODE,
)


def _bounded_decode(self: pdftypes.PDFStream) -> None:
    """``PDFStream.decode`` with every filter's output counted against the budget."""
    assert self.data is None and self.rawdata is not None
    b = _CURRENT.get()
    data = self.rawdata
    if self.decipher:
        assert self.objid is not None and self.genno is not None
        data = self.decipher(self.objid, self.genno, data, self.attrs)
    filters = self.get_filters()
    for f, params in filters:
        if f in _IMAGE_FILTERS:
            break  # pixels: never needed to read text, and the decoders are slow
        sink = _Sink(b, 0)
        if f in pdftypes.LITERALS_FLATE_DECODE:
            _inflate_lenient(data, sink)
        elif f in pdftypes.LITERALS_LZW_DECODE:
            _lzw(data, sink)
        elif f in pdftypes.LITERALS_ASCII85_DECODE:
            sink.add(ascii85decode(data))
        elif f in pdftypes.LITERALS_ASCIIHEX_DECODE:
            sink.add(asciihexdecode(data))
        elif f in pdftypes.LITERALS_RUNLENGTH_DECODE:
            _runlength(data, sink)
        elif f == pdftypes.LITERAL_CRYPT:
            raise pdftypes.PDFNotImplementedError("/Crypt filter is unsupported")
        else:
            raise pdftypes.PDFNotImplementedError(f"Unsupported filter: {f!r}")
        data = sink.value()
        if params and isinstance(params, dict) and "Predictor" in params:
            data = _predict(data, params)
        if b is not None:
            b.check_time()
    self.data = data
    self.rawdata = None


def _predict(data: bytes, params: dict[str, Any]) -> bytes:
    """pdfminer's predictors; their output is never larger than their input."""
    pred = pdftypes.int_value(params["Predictor"])
    colors = pdftypes.int_value(params.get("Colors", 1))
    columns = pdftypes.int_value(params.get("Columns", 1))
    bpc = pdftypes.int_value(params.get("BitsPerComponent", 8))
    if pred == 2:
        return pdftypes.apply_tiff_predictor(colors, columns, bpc, data)
    if pred >= 10:
        return pdftypes.apply_png_predictor(pred, colors, columns, bpc, data)
    if pred == 1:
        return data
    raise pdftypes.PDFNotImplementedError(f"Unsupported predictor: {pred!r}")


# ------------------------------------------------------------------ font maps
_RANGE_ENDS = (cmapdb.CMapParser.KEYWORD_ENDCIDRANGE, cmapdb.CMapParser.KEYWORD_ENDBFRANGE)
_CHAR_ENDS = (cmapdb.CMapParser.KEYWORD_ENDCIDCHAR, cmapdb.CMapParser.KEYWORD_ENDBFCHAR)
_original_do_keyword = cmapdb.CMapParser.do_keyword


def _unpack(b: bytes) -> int:
    b = b[-4:]
    return struct.unpack(">L", b.rjust(4, b"\0"))[0] if b else 0


def _bounded_do_keyword(self: Any, pos: int, token: PSKeyword) -> None:
    b = _CURRENT.get()
    if b is not None and (token in _RANGE_ENDS or token in _CHAR_ENDS):
        objs = [obj for _, obj in self.curstack]
        if token in _CHAR_ENDS:
            b.add_cmap(len(objs) // 2)
        else:
            n = 0
            for k in range(0, len(objs) - 2, 3):
                s, e = objs[k], objs[k + 1]
                if isinstance(s, bytes) and isinstance(e, bytes):
                    n += max(0, _unpack(e) - _unpack(s) + 1)
            b.add_cmap(n)
        b.check_time()
    _original_do_keyword(self, pos, token)


# ------------------------------------------------------------------ content streams
_NOT_SPACE_OR_NUL = re.compile(rb"[^\s\x00]")
_SPACE = re.compile(rb"\s+")


class _CountingContentParser(pdfinterp.PDFContentParser):
    """pdfminer's content parser, charging every token and every buffer of content to the
    page's budget. Two of its slow paths are made linear: a run of NUL bytes (skipped one
    byte per call) and hex strings (decoded pair by pair with a Python callback)."""

    def __init__(self, streams: Any) -> None:
        super().__init__(streams)
        self._rt_budget = _CURRENT.get()
        self._rt_tokens = 0

    def fillbuf(self) -> bool:
        if self.charpos < len(self.buf):  # the common case, kept as cheap as pdfminer's
            return False
        new = super().fillbuf()
        if self._rt_budget is not None:
            self._rt_budget.add_content(len(self.buf))
        return new

    def _parse_main(self, s: bytes, i: int) -> int:
        m = _NOT_SPACE_OR_NUL.search(s, i)
        if not m:
            return len(s)
        return super()._parse_main(s, m.start())

    def _parse_hexstring(self, s: bytes, i: int) -> int:
        j = s.find(b">", i)
        if j < 0:
            self._curtoken += s[i:]
            return len(s)
        self._curtoken += s[i:j]
        digits = _SPACE.sub(b"", self._curtoken)
        try:
            token = bytes.fromhex(digits.decode("ascii") + ("0" if len(digits) % 2 else ""))
        except (ValueError, UnicodeDecodeError):
            return super()._parse_hexstring(s, j)  # odd bytes inside: pdfminer's own rules
        self._add_token(token)
        self._parse1 = self._parse_main
        return j

    def nexttoken(self) -> Any:
        tok = super().nexttoken()
        if self._rt_budget is not None:
            self._rt_tokens += 1
            if self._rt_tokens >= 1000:
                self._rt_budget.add_objects(self._rt_tokens)
                self._rt_tokens = 0
        return tok


_installed = False


def install() -> None:
    """Put the bounded versions in place (idempotent)."""
    global _installed
    if _installed:
        return
    pdftypes.PDFStream.decode = _bounded_decode  # type: ignore[method-assign]
    cmapdb.CMapParser.do_keyword = _bounded_do_keyword  # type: ignore[method-assign]
    pdfinterp.PDFContentParser = _CountingContentParser  # type: ignore[misc]
    _installed = True
