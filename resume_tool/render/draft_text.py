"""The draft as Markdown and HTML (Jinja templates), and the notes beside it.

HTML uses the report renderer's autoescaping environment. Markdown has an environment of its
own whose ``finalize`` escapes each value exactly once and only where Markdown would read it
as markup: a backslash before ``*``, ``_`` at a word's edge, ``[``, a ``<`` that could open a
tag, an ``&`` that could read as an entity, and a list or heading marker at a line's start.
The file stays readable as plain text ("Billing & Coding", never "Billing &amp; Coding"), and
a Markdown renderer shows exactly the resume's characters.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import jinja2

from .draft_docx import SEP, contact_lines
from .report import Markdown, html_env, markdown_env

if TYPE_CHECKING:
    from .draft import Draft

CONSIDER_TITLE = "To consider, only if true"


_MD_ALWAYS = re.compile(r"([\\`*\[\]])")
_MD_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # "_" not inside a word (emails keep theirs)
_MD_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # raw HTML or an autolink would start here
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&amp;" written in a resume stays "&amp;"
_MD_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-{2,}|=+|\d{1,9}(?=[.)](?:\s|$)))")
_MD_TILDES = re.compile(r"~(?=~)")


def md_text(value: Any) -> str:
    """One value of the draft as Markdown text: escaped once, only where Markdown would act."""
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    text = re.sub(r"\s+", " ", str(value))
    text = _MD_ALWAYS.sub(r"\\\1", text)
    text = _MD_UNDERSCORE.sub(r"\\_", text)
    text = _MD_TAG.sub(r"\\<", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    text = _MD_TILDES.sub(r"\\~", text)
    return _MD_START.sub(_start, text)


def _start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    if mark[:1].isdigit():  # "1. " / "2) " would start an ordered list
        return lead + mark + "\\"
    return lead + "\\" + mark


@functools.lru_cache(maxsize=1)
def draft_md_env() -> jinja2.Environment:
    """The Markdown draft's environment: every ``{{ }}`` output goes through ``md_text``."""
    return markdown_env(md_text)


def render_md(draft: Draft) -> str:
    out = draft_md_env().get_template("draft.md.j2").render(d=draft, contact=contact_lines(draft))
    return re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"


def render_html(draft: Draft) -> str:
    return html_env().get_template("draft.html.j2").render(
        d=draft, contact=contact_lines(draft), sep=SEP
    )


def render_consider(draft: Draft, draft_name: str) -> str:
    """Notes for the job seeker, kept out of the draft: what to add only if true, what changed."""
    e = md_text
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
    lines += _consider_writing(draft)
    lines += ["", "## What the draft changed", ""]
    lines += [f"- {e(c)}" for c in draft.changes] or ["- Nothing needed changing."]
    if draft.left_out:
        lines += [
            "",
            f"{len(draft.left_out)} line(s) of your resume are not in the draft; "
            "each is listed with the reason in the left-out notes beside it.",
        ]
    lines += [
        "",
        "Everything else in the draft is your own wording. Read it through before you send it.",
        "",
    ]
    return "\n".join(lines)


WRITING_TITLE = "Line by line"


def _consider_writing(draft: Draft) -> list[str]:
    """The writing stage's prompts per role: questions for the job seeker, never rewrites."""
    e = md_text
    if not draft.writing:
        return []
    lines = [
        "",
        f"## {WRITING_TITLE}",
        "",
        "Prompts about your own lines, by role. The draft keeps every bullet as you wrote it;",
        "change a line yourself only where the change is true (fill in real figures only).",
    ]
    for group in draft.writing:
        lines += ["", f"### {e(group['role'])}", ""]
        for n in group["notes"]:
            lines.append(f"- “{e(n['where'])}”: **{e(n['label'])}.** {e(n['message'])} {e(n['fix'])}")
    return lines


LEFT_OUT_TITLE = "Left out of the draft"


def render_left_out(draft: Draft, draft_name: str) -> str:
    """Every line of the resume the draft does not show, grouped by the reason."""
    e = md_text
    lines = [
        f"# {LEFT_OUT_TITLE}: {e(draft_name)}",
        "",
        "This file is for you, not for employers. Every line of your resume is either in the",
        "draft (perhaps moved, or with its spacing and bullet marks tidied) or listed here with",
        "the reason it was left out. Copy back anything you want to keep.",
        "",
    ]
    if not draft.left_out:
        lines += ["Nothing: every line of your resume is in the draft.", ""]
        return "\n".join(lines)
    groups: dict[str, list[tuple[str, str]]] = {}
    for item in draft.left_out:
        groups.setdefault(item.reason, []).append((item.where, item.text))
    for reason, items in groups.items():
        lines += [f"## {e(reason[:1].upper() + reason[1:])}", ""]
        where = None
        for w, text in items:
            if w and w != where:
                lines += ([""] if lines[-1] else []) + [f"**{e(w)}**", ""]
                where = w
            lines.append(f"- {e(text)}")
        lines.append("")
    if draft.years:
        lines += [
            f"Roles that ended more than {draft.years} years ago are condensed by default; every "
            "bullet they had is listed here, word for word.",
            "",
        ]
    return "\n".join(lines)
