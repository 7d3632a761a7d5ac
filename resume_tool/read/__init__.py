"""Read stage: a DOCX, PDF or text file in, a ``Document`` (lines + layout observations) out.

The file type comes from the bytes (``sniff``), never from the name. Every problem a user
can fix surfaces as an ``InputError`` subclass naming the file; anything a parser library
raises is caught here, at the reader boundary, and turned into one (the library's
exception stays attached as ``__cause__`` for ``--debug``).

Tabs (DOCX ``w:tab``, a tab in a text file, a wide gap on a PDF line) become ``" | "``:
the text after a tab is usually a date or a place, and the structure stage can split
on the separator instead of guessing where a job title ends.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError, ResumeToolError
from ..limits import DEFAULT_LIMITS, Limits
from ..models import Document
from .guard import Deadline, check_size, damaged
from .normalize import normalize_text
from .sniff import sniff

__all__ = ["TAB_SEPARATOR", "normalize_text", "read_bytes", "read_document", "sniff"]

TAB_SEPARATOR = " | "

_CLAIMED = {
    ".pdf": "a PDF",
    ".docx": "a Word (DOCX) file",
    ".doc": "a Word file",
    ".odt": "an ODT file",
}


def read_document(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read the file at ``path``; its size is checked before a byte is read."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError as err:
        raise InputError(name, "no such file", "Check the path and the file name") from err
    except OSError as err:
        raise InputError(
            name, f"cannot open the file ({err.strerror})", "Check the path and permissions"
        ) from err
    if p.is_dir():
        raise InputError(name, "this is a folder, not a file", "Give the path of one resume file")
    check_size(name, size, limits)
    try:
        with p.open("rb") as fh:
            # read(n) allocates n bytes up front: ask for what stat() saw (plus one, so a
            # file that grew since is still caught by the size check in read_bytes).
            data = fh.read(min(size, limits.max_bytes) + 1)
    except OSError as err:
        raise InputError(
            name, f"cannot read the file ({err.strerror})", "Check the file's permissions"
        ) from err
    return read_bytes(data, name, limits)


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a file already in memory; ``name`` is used for messages and ``Document.path``."""
    check_size(name, len(data), limits)
    kind = sniff(data, name)
    ext = os.path.splitext(name)[1].lower()
    if kind == "text" and ext in _CLAIMED:
        raise InputError(
            name,
            f"not a valid file: it is named like {_CLAIMED[ext]} but holds plain text "
            "(damaged, or renamed)",
            "Open the original in your word processor and re-export it as DOCX or PDF",
        )
    deadline = Deadline(name, limits.max_seconds)
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            return read_pdf(data, name, limits, deadline)
        if kind == "docx":
            from .docx import read_docx

            return read_docx(data, name, limits, deadline)
        from .text import read_text

        return read_text(data, name, limits, deadline)
    except ResumeToolError:
        raise
    except RecursionError as err:
        raise InputError(
            name,
            "the file is nested too deeply to read (damaged or hostile)",
            "Open it in your word processor and save it again as DOCX or PDF",
        ) from err
    except Exception as err:
        raise damaged(name, kind) from err
