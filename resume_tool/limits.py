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
    max_chars: int = 2_000_000  # text kept from one file


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
