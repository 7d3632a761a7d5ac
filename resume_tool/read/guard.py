"""Checks that bound what one input file may cost, run before a parser sees the file.

A resume checker reads files from strangers (and, in batch mode, many of them), so a
zip bomb, an XML entity bomb, a 500-page PDF or a pathological page must end in a clear
``LimitExceeded`` / ``InputError`` instead of eating the machine.
"""

from __future__ import annotations

import time
import zipfile
import zlib

from ..errors import InputError, LimitExceeded, printable
from ..limits import Limits

_CHUNK = 64 * 1024

# Hostile-XML markers in every encoding an XML parser accepts without being told (UTF-8,
# UTF-16 and UTF-32, either byte order), so an encoded part cannot slip past.
_XML_MARKERS = tuple(
    m.encode(enc)
    for m in ("<!DOCTYPE", "<!ENTITY", "<!doctype")
    for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
# Parts no reader parses as XML (pictures, fonts, embedded objects); every other part is
# checked whatever its name, because the package's relationships may point anywhere.
_BINARY_PARTS = (
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".bin",
    ".ttf", ".odttf", ".fntdata", ".wdp", ".jfif", ".ico", ".mp4", ".wav",
)
_MARKER_OVERLAP = max(len(m) for m in _XML_MARKERS)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


class Deadline:
    """Wall-clock budget for reading one file (``Limits.max_seconds``)."""

    def __init__(self, name: str, seconds: float) -> None:
        self.name = name
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        """Raise ``LimitExceeded`` once the budget is spent."""
        if time.monotonic() > self.end:
            raise LimitExceeded(
                self.name,
                f"reading this file took longer than {self.seconds:g} seconds",
                "Save a simpler copy (fewer pages and pictures) as DOCX or PDF and try again",
            )


def check_size(name: str, size: int, limits: Limits) -> None:
    """Refuse a file larger than ``limits.max_bytes`` before reading it."""
    if size > limits.max_bytes:
        raise LimitExceeded(
            name,
            f"the file is {_mb(size)}, more than the {_mb(limits.max_bytes)} a resume may be",
            "Remove large pictures or embedded fonts and save it again as DOCX or PDF",
        )


def check_zip(name: str, zf: zipfile.ZipFile, limits: Limits, deadline: Deadline) -> None:
    """Decompress every part with a running byte count, never trusting declared sizes.

    Stops as soon as the real uncompressed total passes ``limits.max_uncompressed`` (a zip
    bomb costs at most that much work and one chunk of memory), and rejects XML parts that
    declare a DOCTYPE or entities before python-docx's parser ever sees them.
    """
    infos = zf.infolist()
    if len(infos) > limits.max_zip_entries:
        raise LimitExceeded(
            name,
            f"the Word file holds {len(infos)} parts, more than the {limits.max_zip_entries} allowed",
            "Open it in Word and save it again as a new DOCX or as PDF",
        )
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        is_xml = not info.filename.lower().endswith(_BINARY_PARTS)
        tail = b""
        with zf.open(info) as part:
            while True:
                chunk = part.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limits.max_uncompressed:
                    raise LimitExceeded(
                        name,
                        "the Word file unpacks to more than "
                        f"{_mb(limits.max_uncompressed)} (a damaged or hostile file)",
                        "Open it in Word and save it again as a new DOCX or as PDF",
                    )
                if is_xml:
                    window = tail + chunk
                    if any(m in window for m in _XML_MARKERS):
                        raise InputError(
                            name,
                            f"the Word file contains an XML part ({printable(info.filename)}) that "
                            "declares a DOCTYPE or entities, which Word never writes",
                            "Open it in Word and save it again as a new DOCX, or save it as PDF",
                        )
                    tail = window[-_MARKER_OVERLAP:]
                deadline.check()


def damaged(name: str, kind: str) -> InputError:
    """The one message for a file the parser could not make sense of."""
    what = {"pdf": "PDF", "docx": "Word (DOCX) file"}.get(kind, "text file")
    return InputError(
        name,
        f"not a valid {what} (damaged or truncated)",
        "Open the original in your word processor and re-export it as DOCX or PDF",
    )


def zip_errors() -> tuple[type[BaseException], ...]:
    """Exceptions a damaged zip raises while being read."""
    return (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,  # an encrypted zip entry
        ValueError,
    )
