"""Render a check ``Report`` as text, HTML, Markdown or JSON.

HTML and Markdown come from Jinja templates in ``templates/``; both read the same
``ReportView`` (view.py). Text read from a resume or a posting is untrusted: the HTML
environment autoescapes everything, and the Markdown environment escapes every
``{{ ... }}`` output through ``finalize`` so a template cannot forget to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import PurePath
from typing import Any

import jinja2

from ..errors import InputError
from ..models import Report
from ..resources import data_dir
from .serialize import report_to_dict
from .text import render_text
from .view import build_view

FORMATS = ("text", "html", "md", "json")

EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
}


def format_for_path(path: str | PurePath) -> str:
    """The output format implied by ``-o PATH``'s extension."""
    suffix = PurePath(path).suffix.lower()
    try:
        return EXTENSIONS[suffix]
    except KeyError:
        raise InputError(
            str(path),
            f"cannot tell the report format from the extension {suffix or '(none)'!r}",
            "Name the file .txt, .html, .md or .json, or choose a format with --format",
        ) from None


# ------------------------------------------------------------------ markdown
class Markdown(str):
    """A string that is already Markdown: ``finalize`` passes it through unescaped."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#~!])")
_MD_LINE_START = re.compile(r"^(\s*)(\d*)((?<=\d)[.)]|(?<!\d)[-+=])(\s|$)")


def md_escape(value: Any) -> str:
    """Make user text inert in Markdown: no emphasis, links, HTML or table breaks.

    ``&`` becomes ``&amp;`` and ``<``/``>`` become entities, so raw HTML in a resume can't
    reach a Markdown renderer; newlines become spaces because every value sits in a line.
    """
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    text = re.sub(r"\s+", " ", str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match[str]) -> str:
    """``- x``, ``+ x``, ``1. x`` at the start of a value would start a list."""
    return m.group(1) + m.group(2) + "\\" + m.group(3) + m.group(4)


def md_code_block(text: str, info: str = "text") -> Markdown:
    """A fenced block longer than any backtick run inside, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = text if text.endswith("\n") or not text else text + "\n"
    return Markdown(f"{fence}{info}\n{body}{fence}")


# --------------------------------------------------------------- environments
@lru_cache(maxsize=1)
def html_env() -> jinja2.Environment:
    """Autoescaping is on for every ``*.html.j2`` template (and included partials)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2", "html", "htm", "svg.j2", "xml"),
            default_for_string=True,
            default=True,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def markdown_env(escape: Callable[[Any], Any]) -> jinja2.Environment:
    """A Markdown environment whose every ``{{ }}`` output goes through ``escape``; the filter
    ``markdown`` marks template-built Markdown (macro output) whose values were escaped inside."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=False,
        finalize=escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = Markdown
    return env


@lru_cache(maxsize=1)
def md_env() -> jinja2.Environment:
    """The report's Markdown: every ``{{ }}`` output goes through ``md_escape``."""
    env = markdown_env(md_escape)
    env.filters["code_block"] = md_code_block
    return env


# ------------------------------------------------------------------ rendering
def _writing_view(report: Report) -> dict[str, Any] | None:
    """What the ``_writing`` partials read; None when the writing stage did not run."""
    if getattr(report, "writing", None) is None:
        return None
    from ..writing import writing_view

    return writing_view(report.writing)


def render_report(
    report: Report, fmt: str, *, color: bool = False, width: int | None = None
) -> str:
    """The report in ``fmt`` (text, html, md or json). ``color``/``width`` affect text only."""
    if fmt == "json":
        return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
    view = build_view(report)
    if fmt == "text":
        return render_text(view, color=color, width=width)
    w = _writing_view(report)
    if fmt == "html":
        return html_env().get_template("report.html.j2").render(v=view, r=report, w=w)
    if fmt == "md":
        out = md_env().get_template("report.md.j2").render(v=view, r=report, w=w)
        return re.sub(r"\n{3,}", "\n\n", out).rstrip("\n") + "\n"
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
