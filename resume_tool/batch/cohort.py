"""The class picture of a batch: the ``index.html`` dashboard.

It is built only from the per-file rows kept in the manifest (never from the reports),
so a re-run that checks five late resumes redraws the whole class without reopening 300
reports. Both are deterministic: the same rows give byte-identical files (no timestamps,
stable sort orders), so a career office can diff two runs.

Student-supplied text (names, e-mails, file names, error messages) is untrusted: the CSV
neutralizes spreadsheet formulas and the dashboard is rendered with autoescaping and a
Content-Security-Policy that allows only its own inline script (by hash).
"""

from __future__ import annotations

import base64
import hashlib
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import jinja2

from ..resources import data_dir
from .outputs import sort_key

SEVERITIES = ("error", "warning", "info")
TOP_KEYWORDS = 15
TOP_FINDINGS = 15
NOT_SCORED = "not scored"  # the band of a resume the keyword lists are no yardstick for
BINS = 10  # score histogram: 0-9, 10-19, ..., 90-100

# Histogram geometry (SVG user units; the SVG scales with its viewBox).
HIST_W, HIST_H = 640, 240
HIST_LEFT, HIST_BOTTOM, HIST_TOP = 36, 36, 16


# ---------------------------------------------------------------- dashboard
@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    label_x: float


@dataclass(frozen=True)
class Histogram:
    bars: list[Bar]
    width: int
    height: int
    baseline: float
    ticks: list[tuple[float, int]]  # (y, count) for the left axis
    description: str


@dataclass(frozen=True)
class KeywordGap:
    term: str
    must_have: bool
    missing: int
    of: int
    percent: int


@dataclass(frozen=True)
class FindingShare:
    code: str
    severity: str
    students: int
    percent: int
    fix: str


@dataclass(frozen=True)
class WritingShare:
    """A line-level problem (issue 13) and the share of students with at least one such line."""

    code: str
    detail: str  # the weak opener as written ("Responsible for"); else ""
    students: int
    percent: int


def writing_shares(ok: list[dict[str, Any]]) -> tuple[list[WritingShare], int]:
    """Line-level problems by how many students have them, and how many students had lines read.

    A weak opener counts once per opener ("Responsible for", "Assisted with"), so the page can
    say "38% of students open bullets with 'Responsible for'"."""
    read = [r for r in ok if r.get("writing_score") is not None]
    counts: Counter[tuple[str, str]] = Counter()
    for r in read:
        counts.update({(code, detail) for code, detail in r.get("writing_problems", [])})
    shares = [WritingShare(code, detail, n, _percent(n, len(read))) for (code, detail), n in counts.items()]
    shares.sort(key=lambda w: (-w.students, w.code, w.detail))
    return shares[:TOP_FINDINGS], len(read)


@dataclass(frozen=True)
class StudentRow:
    file: str
    ok: bool
    student: str
    email: str
    role: str
    score: int | None
    band: str
    required_missing: list[str]
    counts: dict[str, int]
    error: str
    href: str | None
    draft_href: str | None
    writing_score: int | None = None


@dataclass
class CohortView:
    title: str
    total: int
    ok: int
    failed: int
    skipped: int
    pending: int
    interrupted: bool
    posting: str | None
    role: str | None
    median: float | None
    mean: float | None
    bands: list[tuple[str, int]]
    histogram: Histogram
    keywords: list[KeywordGap]
    findings: list[FindingShare]
    students: list[StudentRow]
    failures: list[StudentRow]
    skipped_files: list[tuple[str, str]]
    tool_version: str
    score_version: str
    notes: list[StudentRow] = field(default_factory=list)  # checked, with a note ("no draft")
    scored: int = 0  # checked and scored (band "not scored" is left out of the statistics)
    writing_median: float | None = None
    writing_read: int = 0  # students with at least one line the writing stage read
    writing: list[WritingShare] = field(default_factory=list)


def histogram(scores: list[int]) -> Histogram:
    """Counts per ten-point bin with the SVG geometry of each bar (100 falls in 90-100)."""
    counts = [0] * BINS
    for s in scores:
        counts[min(max(int(s), 0) // 10, BINS - 1)] += 1
    top = max(counts) if any(counts) else 1
    plot_w = HIST_W - HIST_LEFT - 8
    plot_h = HIST_H - HIST_BOTTOM - HIST_TOP
    slot = plot_w / BINS
    baseline = HIST_TOP + plot_h
    bars = []
    for i, c in enumerate(counts):
        h = round(plot_h * c / top, 1)
        x = round(HIST_LEFT + i * slot + 3, 1)
        label = f"{i * 10}-{i * 10 + 9}" if i < BINS - 1 else "90-100"
        bars.append(Bar(label, c, x, round(baseline - h, 1), round(slot - 6, 1), h,
                        round(x + (slot - 6) / 2, 1)))
    step = max(1, -(-top // 4))
    ticks = [(round(baseline - plot_h * v / top, 1), v) for v in range(0, top + 1, step)]
    desc = ", ".join(f"{b.label}: {b.count}" for b in bars)
    return Histogram(bars, HIST_W, HIST_H, baseline, ticks, f"Students per score range: {desc}")


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _report_href(row: dict[str, Any]) -> str | None:
    outputs = row.get("outputs", {})
    for fmt in ("html", "md", "text", "json"):
        if fmt in outputs:
            return quote(outputs[fmt])
    return None


def _student(row: dict[str, Any]) -> StudentRow:
    ok = row.get("status") == "ok"
    draft = row.get("outputs", {}).get("draft")
    return StudentRow(
        file=row["file"],
        ok=ok,
        student=row.get("student") or "",
        email=row.get("email") or "",
        role=(row.get("role_name") or row.get("role") or "") if ok else "",
        score=row.get("score") if ok and row.get("band") != NOT_SCORED else None,
        band=(row.get("band") or "") if ok else "",
        required_missing=list(row.get("required_missing", [])) if ok else [],
        counts={s: int(row.get(f"{s}s", 0)) for s in SEVERITIES} if ok else {},
        error=row.get("error") or "",
        href=_report_href(row),
        draft_href=quote(draft) if draft else None,
        writing_score=row.get("writing_score") if ok else None,
    )


def cohort_view(
    rows: list[dict[str, Any]],
    skipped: list[tuple[str, str]],
    *,
    pending: int = 0,
    interrupted: bool = False,
    posting: str | None = None,
    role: str | None = None,
    tool_version: str = "",
    score_version: str = "",
) -> CohortView:
    """Everything the dashboard shows, computed here so the template only lays it out."""
    rows = sorted(rows, key=lambda r: sort_key(r["file"]))
    ok = [r for r in rows if r.get("status") == "ok"]
    # a "not scored" resume (a posting that is not a coding job) has no score, not a score of 0
    scores = [int(r["score"]) for r in ok if r.get("band") != NOT_SCORED]
    writing, writing_read = writing_shares(ok)
    writing_scores = [int(r["writing_score"]) for r in ok if r.get("writing_score") is not None]

    # Keyword gaps: of the students whose target set held a keyword, how many lack it.
    had: Counter[str] = Counter()
    lacked: Counter[str] = Counter()
    term_of: dict[str, str] = {}
    must: set[str] = set()
    for r in ok:
        had.update(set(r.get("targets", [])))
        for kid, term, must_have in r.get("missing", []):
            lacked[kid] += 1
            term_of.setdefault(kid, term)
            if must_have:
                must.add(kid)
    gaps = [
        KeywordGap(term_of[k], k in must, n, max(had[k], n), _percent(n, max(had[k], n)))
        for k, n in lacked.items()
    ]
    gaps.sort(key=lambda g: (-g.missing, not g.must_have, -g.percent, g.term.casefold(), g.term))

    # Findings: share of checked students with at least one finding of each code.
    students_with: Counter[str] = Counter()
    severity_of: dict[str, str] = {}
    fixes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in ok:
        for code, severity, fix in r.get("findings", []):
            students_with[code] += 1
            prev = severity_of.get(code)
            if prev is None or SEVERITIES.index(severity) < SEVERITIES.index(prev):
                severity_of[code] = severity
            if fix:
                fixes[code][fix] += 1
    findings = [
        FindingShare(
            code, severity_of[code], n, _percent(n, len(ok)),
            min(fixes[code].items(), key=lambda kv: (-kv[1], kv[0]))[0] if fixes[code] else "",
        )
        for code, n in students_with.items()
    ]
    findings.sort(key=lambda f: (-f.students, SEVERITIES.index(f.severity), f.code))

    bands = Counter(r.get("band") or "" for r in ok)
    band_list = sorted(bands.items(), key=lambda kv: (-kv[1], kv[0]))
    students = [_student(r) for r in rows]
    return CohortView(
        title="Class resume check",
        total=len(rows),
        ok=len(ok),
        failed=len(rows) - len(ok),
        skipped=len(skipped),
        pending=pending,
        interrupted=interrupted,
        posting=posting,
        role=role,
        median=statistics.median(scores) if scores else None,
        mean=round(statistics.fmean(scores), 1) if scores else None,
        bands=band_list,
        histogram=histogram(scores),
        keywords=gaps[:TOP_KEYWORDS],
        findings=findings[:TOP_FINDINGS],
        students=students,
        failures=[s for s in students if not s.ok],
        notes=[s for s in students if s.ok and s.error],
        skipped_files=sorted(skipped, key=lambda s: sort_key(s[0])),
        tool_version=tool_version,
        score_version=score_version,
        scored=len(scores),
        writing_median=statistics.median(writing_scores) if writing_scores else None,
        writing_read=writing_read,
        writing=writing,
    )


# The table-sorting script. It is inline (the page must be one self-contained file) and
# allowed by its hash in the Content-Security-Policy, so no injected script could run.
SORT_SCRIPT = """
(function () {
  var table = document.getElementById("students");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var type = th.getAttribute("data-type");
    if (!type) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-sort") || a.cells[col].textContent;
        var y = b.cells[col].getAttribute("data-sort") || b.cells[col].textContent;
        var r;
        if (type === "num") {
          var nx = x === "" ? -1 : Number(x), ny = y === "" ? -1 : Number(y);
          r = nx - ny;
        } else {
          r = x.localeCompare(y, undefined, {sensitivity: "base", numeric: true});
        }
        return asc ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
"""


def script_hash(script: str) -> str:
    """The CSP hash (``sha256-...``, quoted in the page) that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_index(view: CohortView) -> str:
    """The self-contained dashboard page."""
    return _env().get_template("batch_index.html.j2").render(
        v=view, script=SORT_SCRIPT, script_csp=script_hash(SORT_SCRIPT)
    )
