"""resume-tool: why an ATS would pass over a medical coder's resume, and what to fix.

Library use::

    from resume_tool import check
    report = check("resume.pdf", posting="posting.txt")
    print(report.score, report.band)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = ["__version__", "check", "check_bytes", "parse"]

if TYPE_CHECKING:
    from .api import check, check_bytes, parse


def __getattr__(name: str) -> Any:
    # Imported lazily so that `resume-tool --help` does not pay for spaCy.
    if name in ("check", "check_bytes", "parse"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
