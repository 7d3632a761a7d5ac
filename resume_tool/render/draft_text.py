"""The draft as Markdown and HTML (Jinja templates), and the to-consider notes beside it.

The templates use the report renderer's environments (``render.report.md_env`` and
``html_env``), so the draft gets the same escaping rules: autoescaped HTML, and Markdown in
which text from a resume can never turn into a link, emphasis or raw HTML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .draft_docx import SEP, contact_lines
from .report import html_env, md_env, md_escape

if TYPE_CHECKING:
    from .draft import Draft

CONSIDER_TITLE = "To consider, only if true"


def render_md(draft: Draft) -> str:
    out = md_env().get_template("draft.md.j2").render(d=draft, contact=contact_lines(draft))
    return re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"


def render_html(draft: Draft) -> str:
    return html_env().get_template("draft.html.j2").render(
        d=draft, contact=contact_lines(draft), sep=SEP
    )


def render_consider(draft: Draft, draft_name: str) -> str:
    """Notes for the job seeker, kept out of the draft: what to add only if true, what changed."""
    e = md_escape
    lines = [
        f"# {CONSIDER_TITLE}: {e(draft_name)}",
        "",
        "This file is for you, not for employers: do not send it. Nothing below was written",
        "into your draft.",
        "",
        f"## {CONSIDER_TITLE}",
        "",
    ]
    if draft.posting:
        lines += [f"Keywords the job posting ({e(draft.posting)}) asks for that your resume does not show.", ""]
    else:
        lines += ["Keywords the role profile looks for that your resume does not show.", ""]
    if not draft.to_consider:
        lines.append("Nothing: your resume shows every keyword the check looked for.")
    for item in draft.to_consider:
        need = f" ({e(item['required'])})" if item.get("required") else ""
        where = f" Where: {e(item['where'])}." if item.get("where") else ""
        note = f" {e(item['note'])}" if item.get("note") else ""
        lines.append(f"- **{e(item.get('term') or item.get('id', ''))}**{need}.{where}{note}")
    lines += ["", "## What the draft changed", ""]
    lines += [f"- {e(c)}" for c in draft.changes] or ["- Nothing needed changing."]
    lines += [
        "",
        "Everything else in the draft is your own wording. Read it through before you send it.",
        "",
    ]
    return "\n".join(lines)
