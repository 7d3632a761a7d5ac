"""Bounds on what one input may cost; every reader checks them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024  # file size on disk
    max_pages: int = 20  # PDF pages
    max_uncompressed: int = 50 * 1024 * 1024  # DOCX: total uncompressed size of its parts
    max_zip_entries: int = 2000  # DOCX: parts in the package
    max_seconds: float = 30.0  # wall-clock budget for reading one file
    max_chars: int = 2_000_000  # text kept from one file


DEFAULT_LIMITS = Limits()
