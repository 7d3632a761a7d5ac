"""Bounds on what one input may cost; every reader checks them."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024  # file size on disk
    max_pages: int = 20  # PDF pages
    max_uncompressed: int = 50 * 1024 * 1024  # DOCX: total uncompressed size of its parts
    max_zip_entries: int = 2000  # DOCX: parts in the package
    max_seconds: float = 30.0  # wall-clock budget for reading one file
    max_total_seconds: float = 120.0  # everything done with one file: read, match, render
    max_chars: int = 200_000  # text kept from one file (a 20-page resume is under 100,000)
    max_line_chars: int = 5_000  # text files: a longer line is split (no pattern sees more)
    # PDF budgets (read.pdf_budget): each breach is a LimitExceeded naming the limit.
    max_stream_bytes: int = 64 * 1024 * 1024  # decoded bytes of one PDF stream, every filter
    max_decoded_bytes: int = 160 * 1024 * 1024  # decoded bytes of all streams of one PDF
    max_cmap_entries: int = 400_000  # character codes declared by all font maps of one PDF
    max_page_objects: int = 150_000  # operators and operands on one page (forms included)
    max_page_content_bytes: int = 8 * 1024 * 1024  # content-stream bytes parsed for one page
    max_graphics_depth: int = 1_000  # q (save graphics state) nesting on one page
    max_page_paths: int = 10_000  # shapes drawn on one page
    max_page_glyphs: int = 20_000  # characters drawn on one page


DEFAULT_LIMITS = Limits()


class TimeLimitReached(BaseException):
    """Raised inside a ``time_limit`` block; a BaseException so no ``except Exception`` eats it."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt Python code that runs past ``seconds`` with ``TimeLimitReached``.

    The readers check their own budget; this is the backstop for everything after them
    (structure, matching, rendering), so no input can hold a run forever. POSIX, main
    thread only; elsewhere it does nothing.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise TimeLimitReached

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def file_time_limit(name: str, seconds: float | None = None) -> Iterator[None]:
    """``time_limit`` for everything done with one file (``DEFAULT_LIMITS.max_total_seconds``
    unless given); running past it is that file's one-line error, shared by the CLI and the
    web app so the wording is one."""
    from .errors import LimitExceeded

    if seconds is None:
        seconds = DEFAULT_LIMITS.max_total_seconds
    try:
        with time_limit(seconds):
            yield
    except TimeLimitReached:
        raise LimitExceeded(
            name,
            f"processing took longer than {seconds:g} seconds",
            "Save a simpler copy (fewer pages and pictures) as DOCX or PDF; "
            "if it is an ordinary resume, please report the file",
        ) from None
