"""Render stage: a check ``Report`` as text, HTML, Markdown or JSON, and DOCX drafts.

``report_to_dict`` is the JSON contract documented in docs/report-schema.json;
``render_report`` draws any of the four report formats; ``format_for_path`` picks the
format for ``-o PATH`` from its extension. ``write_draft`` (render/draft.py) is imported
on first use so that rendering a report never loads python-docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .report import FORMATS, format_for_path, render_report
from .serialize import report_to_dict

if TYPE_CHECKING:
    from .draft import write_draft

__all__ = ["FORMATS", "format_for_path", "render_report", "report_to_dict", "write_draft"]


def __getattr__(name: str) -> Any:
    if name == "write_draft":
        from .draft import write_draft

        return write_draft
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
