"""The terminal summary: what a job seeker reads in under a minute.

One layout, drawn by rich either with colour (a terminal) or with no escape codes at all
(piped to a file or another program), so the two never drift apart.
"""

from __future__ import annotations

import re
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from .view import ReportView

DEFAULT_WIDTH = 80
MIN_WIDTH = 40
TOP_ADVICE = 3  # the rest is in the HTML report; the summary must stay short

# C0/C1 control characters (ESC above all) from a resume or posting must never reach a
# terminal: they could recolour, move the cursor or retitle the window.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
SEVERITY_MARKS = {"error": "!!", "warning": "!", "info": "i"}


def _text(text: str, style: str = "") -> Text:
    """A rich Text of untrusted text: control characters removed, no markup parsed."""
    return Text(_CONTROLS.sub("", text), style=style)


def _bullets(items: list[Text], mark: str = "-") -> Table:
    """A list with hanging indents: wrapped lines stay under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(mark, item)
    return grid


def _heading(text: str) -> Text:
    return _text(text, style="bold underline")


def _sub_scores_line(view: ReportView) -> Text:
    """"Sub-scores: Keywords 63/100 · Format (ATS layout) 55/100 · Writing 90/100"."""
    return _text("Sub-scores: " + " · ".join(f"{s.label} {s.text}" for s in view.sub_scores)
                 + " (each 0-100, shown apart; see the JSON or HTML report for how each is made)")


def _writing_block(view: ReportView, width: int) -> Text:
    """The "Line by line" part, laid out by the writing stage (already wrapped to ``width``)."""
    from ..writing import format_writing_text

    block = _text(format_writing_text(view.report.writing, width=width).rstrip("\n"))
    block.no_wrap = True
    return block


def _blocks(view: ReportView, width: int = DEFAULT_WIDTH) -> list[RenderableType]:
    r = view.report
    out: list[RenderableType] = []

    out.append(_text(view.title, style="bold"))
    if view.domain_note:
        out.append(_text(view.domain_note, style="bold"))
        if view.domain_evidence:
            out.append(_text("Evidence: " + "; ".join(view.domain_evidence), style="dim"))
    score = Text()
    score.append("Score: ")
    score.append(view.score_text, style="bold cyan")
    if view.scored:
        score.append(_text(f" · {view.band_label}", style="bold"))
    score.append(_text(f" · score formula {r.score_version}", style="dim"))
    out.append(score)
    out.append(_text(f"Role: {view.role_line}"))
    if view.posting_title:
        out.append(_text(f"Posting: {view.posting_title}"))
    out.append(_text(view.score_measures, style="dim"))

    c = view.counts
    sev = view.severity_counts
    counts = (
        f"Keywords: {c['matched']} of {c['target']} matched, "
        f"{c['must_have_missing']} {view.must_have_label}{'' if view.has_posting else ' terms'} missing. "
        f"Findings: {sev['error']} must fix, {sev['warning']} should fix, "
        f"{sev['info']} good to know."
    )
    out.append(_text(""))
    out.append(_text(counts))
    if view.sub_scores:
        out.append(_sub_scores_line(view))

    if view.no_text:
        out.append(_text(""))
        out.append(_text(view.no_text_note, style="bold"))
    elif view.top_missing:
        out.append(_text(""))
        heading = ("Missing keywords the posting requires (add only if true)" if view.has_posting
                   else f"Missing keywords {view.tier_label} (add only if true)")
        out.append(_heading(heading))
        items = [_text(row.label) for row in view.top_missing]
        if view.more_missing:
            items.append(_text(f"and {view.more_missing} more (see the HTML report)", style="dim"))
        out.append(_bullets(items))

    if view.hints:
        out.append(_text(""))
        out.append(_heading("Write it the way the posting does"))
        out.append(_bullets([_text(h) for h in view.hints[:TOP_ADVICE]]))

    if view.checks:
        out.append(_text(""))
        out.append(_heading("Requirements beyond keywords (not part of the score)"))
        out.append(_bullets([_text(f"[{c.status}] {c.message}") for c in view.checks]))

    if view.role_missing:
        out.append(_text(""))
        out.append(_heading(f"Not in this posting, but {view.tier_label} (add only if true)"))
        items = [_text(row.label) for row in view.role_missing[:TOP_ADVICE + 2]]
        if len(view.role_missing) > TOP_ADVICE + 2:
            items.append(_text(f"and {len(view.role_missing) - TOP_ADVICE - 2} more (see the HTML report)",
                               style="dim"))
        out.append(_bullets(items))

    if view.advice:
        out.append(_text(""))
        out.append(_heading("Also worth writing both ways (ATS searches use either)"))
        items = [_text(a) for a in view.advice[:TOP_ADVICE]]
        if len(view.advice) > TOP_ADVICE:
            more = len(view.advice) - TOP_ADVICE
            items.append(_text(f"and {more} more (see the HTML report)", style="dim"))
        out.append(_bullets(items))

    for group in view.finding_groups:
        out.append(_text(""))
        out.append(
            _text(f"{group.label} ({len(group.findings)})", style=SEVERITY_STYLES[group.severity])
        )
        items = []
        for f in group.findings:
            item = _text(f.message)
            if f.where:
                item.append(_text(f" ({f.where})", style="dim"))
            if f.fix:
                item.append("\nFix: ", style="bold")
                item.append(_text(f.fix))
            items.append(item)
        out.append(_bullets(items, SEVERITY_MARKS[group.severity]))

    if view.consider:
        out.append(_text(""))
        out.append(_heading("To consider, only if true"))
        out.append(
            _bullets(
                [
                    _text(f"{i.title}: {i.detail}" if i.title and i.detail else i.title or i.detail)
                    for i in view.consider
                ]
            )
        )

    if getattr(r, "writing", None) is not None:
        out.append(_text(""))
        out.append(_writing_block(view, width))

    out.append(_text(""))
    out.append(_text(view.disclaimer, style="dim"))
    return out


def render_text(view: ReportView, *, color: bool = False, width: int | None = None) -> str:
    """Draw the summary; ``color=False`` guarantees output without ANSI escape codes."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=max(MIN_WIDTH, width or DEFAULT_WIDTH),
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,  # explicit, so NO_COLOR / FORCE_COLOR in the environment don't leak in
        force_jupyter=False,
        force_interactive=False,
        markup=False,  # resume and posting text is data, never rich markup
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(Group(*_blocks(view, console.width)))
    text = buffer.getvalue()
    if not color:
        text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return text
