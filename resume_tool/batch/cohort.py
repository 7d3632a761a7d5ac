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
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import jinja2

from ..analyze.score import BANDS
from ..render.report import html_env
from ..render.view import SEVERITY_LABELS, humanize, importance
from .outputs import duplicates, sort_key
from .totals import totals_words

if TYPE_CHECKING:
    from .compare import Change

SEVERITIES = ("error", "warning", "info")
TOP_KEYWORDS = 15
TOP_FINDINGS = 15
NOT_SCORED = "not scored"  # the band of a resume the keyword lists are no yardstick for
BAND_ORDER = {**{name: i for i, (_, name) in enumerate(BANDS)}, NOT_SCORED: len(BANDS)}
SEE_FIRST_LOWEST = 5  # lowest scores added to the "See first" list after the must-fix ones
SEE_FIRST_MAX = 25  # the list stops here and says how many more the filters will show
SINCE_TOP = 10
TABLE_ROWS = 200  # rows of the students table laid out at once (the script has "Show all")  # students listed under "most improved" / "lower than before"
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
    title: str = ""
    label: str = ""  # Must fix / Should fix / Good to know


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
    codes: str = ""  # finding codes and "sev:error" ... for the table's finding filter
    first_title: str = ""  # the most important finding, by title
    first_fix: str = ""  # and the report's own fix text for it
    first_severity: str = ""
    duplicate_of: str | None = None
    duplicate_how: str = ""
    best_posting: str | None = None
    best_posting_score: int | None = None
    feedback_href: str | None = None
    rankings_href: str | None = None  # rankings/<name>.html: this student against every posting
    change: Change | None = None

    @property
    def label(self) -> str:
        """How the student is named on the page: the name read from the resume, else the file."""
        return self.student or self.file


@dataclass(frozen=True)
class SeeFirst:
    """One line of the "See first" list: who, why, and the one thing to fix."""

    student: StudentRow
    kind: str  # "not-checked", "must-fix", "low-score"
    reason: str
    fix: str


@dataclass(frozen=True)
class Named:
    title: str
    students: int


@dataclass
class SinceLast:
    """The "Since the last review" part (``--compare``)."""

    previous: str  # the earlier output folder, as given
    matched: int
    by_how: list[tuple[str, int]]
    new_students: int  # checked now, not found in the earlier run
    gone: int  # in the earlier run, not found now
    improved: int
    same: int
    lower: int
    median_change: float | None
    fixed: list[Named]
    new: list[Named]
    gains: list[StudentRow]
    drops: list[StudentRow]
    yardstick: list[str]  # what the two runs measured against differently


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
    unsafe_files: list[tuple[str, str]] = field(default_factory=list)  # ZIP entries refused
    totals: tuple[str, str] = ("", "")  # the totals sentence (batch.totals), head and rest
    notes: list[StudentRow] = field(default_factory=list)  # checked, with a note ("no draft")
    scored: int = 0  # checked and scored (band "not scored" is left out of the statistics)
    writing_median: float | None = None
    writing_read: int = 0  # students with at least one line the writing stage read
    writing: list[WritingShare] = field(default_factory=list)
    see_first: list[SeeFirst] = field(default_factory=list)
    see_first_more: int = 0
    duplicates: int = 0  # files that are another file's duplicate; counted once
    bands_all: list[str] = field(default_factory=list)  # filter options
    roles_all: list[str] = field(default_factory=list)
    finding_options: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    has_best_posting: bool = False
    matrix: bool = False
    since: SinceLast | None = None
    has_posting: bool = False

    ok_duplicates: int = 0  # checked files that are duplicates

    @property
    def counted(self) -> int:
        """Checked students, each once (duplicates left out of the class figures)."""
        return self.ok - self.ok_duplicates


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


def _student(row: dict[str, Any], titles: dict[str, str], dup: tuple[str, str] | None = None,
             change: Change | None = None) -> StudentRow:
    ok = row.get("status") == "ok"
    outputs = row.get("outputs", {})
    draft = outputs.get("draft")
    feedback = outputs.get("feedback_html") or outputs.get("feedback_md")
    rankings = outputs.get("postings_html")
    first = row.get("first_fix") if ok else None
    codes: list[str] = []
    if ok:
        for code, severity, *_ in row.get("findings", []):
            codes.append(code)
            if f"sev:{severity}" not in codes:
                codes.append(f"sev:{severity}")
    else:
        codes.append("not-checked")
    if dup:
        codes.append("duplicate")
    best_score = row.get("best_posting_score")
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
        codes=" ".join(codes),
        first_title=finding_title(first[0], titles) if first else "",
        first_fix=first[3] if first else "",
        first_severity=first[1] if first else "",
        duplicate_of=dup[0] if dup else None,
        duplicate_how=dup[1] if dup else "",
        best_posting=row.get("best_posting") or None,
        best_posting_score=int(best_score) if isinstance(best_score, int | float) else None,
        feedback_href=quote(feedback) if feedback else None,
        rankings_href=quote(rankings) if rankings else None,
        change=change,
    )


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    module = _env().get_template("_finding_titles.j2").module
    return dict(getattr(module, "titles"))  # noqa: B009 - a template's exported variable


def finding_titles() -> dict[str, str]:
    """Finding code -> short human title, from ``templates/_finding_titles.j2``."""
    return dict(_titles())


def finding_title(code: str, titles: dict[str, str] | None = None) -> str:
    return (titles if titles is not None else _titles()).get(code) or humanize(code)


def _problem(error: str, file: str) -> tuple[str, str]:
    """A failed row's one-line error split into (problem, fix), without the file name."""
    text = error[len(file) + 2:] if error.startswith(file + ": ") else error
    head, sep, tail = text.partition(". ")
    return (head, tail) if sep else (text, "")


def see_first(students: list[StudentRow], has_posting: bool) -> tuple[list[SeeFirst], int]:
    """Whom to see first: files that could not be checked, then must-fix findings, then the
    lowest scores; each with the one thing to fix in the report's own words. Duplicates are
    left out (their first file stands for them)."""
    label = importance_label(has_posting)
    out: list[SeeFirst] = []
    listed: set[str] = set()
    people = [s for s in students if s.duplicate_of is None]
    for s in people:
        if not s.ok:
            problem, fix = _problem(s.error, s.file)
            out.append(SeeFirst(s, "not-checked", f"Could not be checked: {problem}", fix))
            listed.add(s.file)
    for s in people:
        if s.ok and s.first_severity == "error":
            out.append(SeeFirst(s, "must-fix", f"{SEVERITY_LABELS['error']}: {s.first_title}",
                                s.first_fix))
            listed.add(s.file)
    scored = sorted((s for s in people if s.score is not None and s.file not in listed),
                    key=lambda s: (s.score, sort_key(s.file)))
    for s in scored[:SEE_FIRST_LOWEST]:
        if s.required_missing:
            shown = ", ".join(s.required_missing[:3])
            more = len(s.required_missing) - 3
            # the report's own advice on missing keywords, word for word
            fix = (f"{label} keywords missing: {shown}{f' and {more} more' if more > 0 else ''}. "
                   "Add a keyword only if it is true for you.")
        else:
            fix = s.first_fix
        out.append(SeeFirst(s, "low-score", f"Score {s.score} ({s.band})", fix))
    return out[:SEE_FIRST_MAX], max(0, len(out) - SEE_FIRST_MAX)


def importance_label(has_posting: bool) -> str:
    """"Required" beside a posting, "Core" without, as the single report words it."""
    from types import SimpleNamespace

    probe = SimpleNamespace(source="posting", required=True, core=True)
    text = importance(probe, has_posting)[1]  # type: ignore[arg-type]
    return text.split(" for ")[0]


def since_last(students: list[StudentRow], previous: str, previous_rows: int,
               yardstick: list[str], titles: dict[str, str]) -> SinceLast:
    """The class's change since the earlier run, from each student's ``Change``."""
    matched = [s for s in students if s.change is not None and s.duplicate_of is None]
    how = Counter(s.change.matched_by for s in matched if s.change)
    deltas = [s.change.score_change for s in matched
              if s.change and s.change.score_change is not None]
    fixed: Counter[str] = Counter()
    new: Counter[str] = Counter()
    for s in matched:
        assert s.change is not None
        fixed.update(s.change.fixed)
        new.update(s.change.new)
    by_delta = sorted((s for s in matched if s.change and s.change.score_change is not None),
                      key=lambda s: (-(s.change.score_change or 0), sort_key(s.file)))
    matched_prev = {s.change.previous_file for s in students if s.change}
    return SinceLast(
        previous=previous,
        matched=len(matched),
        by_how=sorted(how.items(), key=lambda kv: ("same file", "e-mail", "name").index(kv[0])),
        new_students=sum(1 for s in students if s.ok and s.change is None and s.duplicate_of is None),
        gone=max(0, previous_rows - len(matched_prev)),
        improved=sum(1 for d in deltas if d > 0),
        same=sum(1 for d in deltas if d == 0),
        lower=sum(1 for d in deltas if d < 0),
        median_change=statistics.median(deltas) if deltas else None,
        fixed=[Named(finding_title(c, titles), n) for c, n in sorted(fixed.items(), key=lambda kv: (-kv[1], kv[0]))][:TOP_FINDINGS],
        new=[Named(finding_title(c, titles), n) for c, n in sorted(new.items(), key=lambda kv: (-kv[1], kv[0]))][:TOP_FINDINGS],
        gains=[s for s in by_delta if (s.change and (s.change.score_change or 0) > 0)][:SINCE_TOP],
        drops=[s for s in reversed(by_delta) if (s.change and (s.change.score_change or 0) < 0)][:SINCE_TOP],
        yardstick=yardstick,
    )


def cohort_view(
    rows: list[dict[str, Any]],
    skipped: list[tuple[str, str]],
    *,
    unsafe: Collection[str] = (),
    pending: int = 0,
    interrupted: bool = False,
    posting: str | None = None,
    role: str | None = None,
    tool_version: str = "",
    score_version: str = "",
    changes: dict[str, Change] | None = None,
    previous: str | None = None,
    previous_rows: int = 0,
    yardstick: list[str] | None = None,
    matrix: bool = False,
) -> CohortView:
    """Everything the dashboard shows, computed here so the template only lays it out.

    ``changes`` (from ``compare``) and ``previous`` (the earlier folder, as given) add the
    "Since the last review" part; ``matrix`` links ``matrix.csv``. Duplicates are marked in
    the table and left out of every class figure, so each student counts once."""
    rows = sorted(rows, key=lambda r: sort_key(r["file"]))
    dups = duplicates(rows)
    titles = _titles()
    all_ok = [r for r in rows if r.get("status") == "ok"]
    ok = [r for r in all_ok if r["file"] not in dups]
    # a "not scored" resume (a posting that is not a coding job) has no score, not a score of 0
    scores = [int(r["score"]) for r in ok if r.get("band") != NOT_SCORED]
    writing, writing_read = writing_shares(ok)
    writing_scores = [int(r["writing_score"]) for r in ok if r.get("writing_score") is not None]

    # Keyword gaps: of the students whose target set held a keyword, how many lack it.
    had: Counter[str] = Counter()
    lacked: Counter[str] = Counter()
    term_of: dict[str, str] = {}
    must: Counter[str] = Counter()
    for r in ok:
        had.update(set(r.get("targets", [])))
        for kid, term, must_have in r.get("missing", []):
            lacked[kid] += 1
            term_of.setdefault(kid, term)
            if must_have:
                must[kid] += 1
    # The badge (Required / Core) only when it is must-have for every student missing it: a term
    # core for one student's role is not "Core" for the class.
    gaps = [
        KeywordGap(term_of[k], must[k] == n, n, max(had[k], n), _percent(n, max(had[k], n)))
        for k, n in lacked.items()
    ]
    gaps.sort(key=lambda g: (-g.missing, not g.must_have, -g.percent, g.term.casefold(), g.term))

    # Findings: share of checked students with at least one finding of each code.
    students_with: Counter[str] = Counter()
    severity_of: dict[str, str] = {}
    fixes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in ok:
        for code, severity, fix, *_ in r.get("findings", []):
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
            finding_title(code, titles), SEVERITY_LABELS.get(severity_of[code], severity_of[code]),
        )
        for code, n in students_with.items()
    ]
    findings.sort(key=lambda f: (-f.students, SEVERITIES.index(f.severity), f.code))

    bands = Counter(r.get("band") or "" for r in ok)
    band_list = sorted(bands.items(), key=lambda kv: (-kv[1], kv[0]))
    students = [_student(r, titles, dups.get(r["file"]), (changes or {}).get(r["file"]))
                for r in rows]
    has_posting = posting is not None
    first, more = see_first(students, has_posting)
    seen_codes: dict[str, str] = {}
    for r in all_ok:
        for code, severity, *_ in r.get("findings", []):
            if code not in seen_codes or SEVERITIES.index(severity) < SEVERITIES.index(seen_codes[code]):
                seen_codes[code] = severity
    options = [(f"sev:{sev}", f"Any {SEVERITY_LABELS[sev].lower()}") for sev in SEVERITIES
               if sev in seen_codes.values()]
    options += sorted(((c, finding_title(c, titles)) for c in seen_codes),
                      key=lambda o: (SEVERITIES.index(seen_codes[o[0]]), o[1].casefold()))
    if any(not s.ok for s in students):
        options.append(("not-checked", "Could not be checked"))
    if dups:
        options.append(("duplicate", "Duplicate"))
    unsafe_set = set(unsafe)
    skipped_sorted = sorted(skipped, key=lambda s: sort_key(s[0]))
    unsafe_files = [s for s in skipped_sorted if s[0] in unsafe_set]
    since = None
    if previous is not None:
        since = since_last(students, previous, previous_rows, yardstick or [], titles)
    return CohortView(
        title="Class resume check",
        total=len(rows),
        ok=len(all_ok),
        failed=len(rows) - len(all_ok),
        skipped=len(skipped) - len(unsafe_files),  # not resumes; unsafe ZIP entries apart
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
        skipped_files=[s for s in skipped_sorted if s[0] not in unsafe_set],
        unsafe_files=unsafe_files,
        totals=totals_words(len(rows), len(rows) - len(all_ok), len(skipped) - len(unsafe_files),
                            len(unsafe_files), len(dups)),
        tool_version=tool_version,
        score_version=score_version,
        scored=len(scores),
        writing_median=statistics.median(writing_scores) if writing_scores else None,
        writing_read=writing_read,
        writing=writing,
        see_first=first,
        see_first_more=more,
        duplicates=len(dups),
        ok_duplicates=len(all_ok) - len(ok),
        bands_all=[b for b, _ in sorted(Counter(s.band for s in students if s.band).items(),
                                        key=lambda kv: BAND_ORDER.get(kv[0], 9))],
        roles_all=sorted({s.role for s in students if s.role}, key=str.casefold),
        finding_options=options,
        has_best_posting=any(s.best_posting for s in students),
        matrix=matrix or any(r.get("fit") for r in rows),
        since=since,
        has_posting=has_posting,
    )


# The students table's script: sort buttons on the headings and the band / finding / role
# filters. It is inline (the page must be one self-contained file) and allowed by its hash
# in the Content-Security-Policy, so no injected script could run. Without it the table is
# complete, in file order, and the filters stay hidden. For 2,000 rows it reads each
# column's keys once, sorts an array and moves the rows in one fragment.
SORT_SCRIPT = """
(function () {
  var table = document.getElementById("students");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = table.tHead.rows[0].cells;
  var keys = [];
  function keyOf(col, num) {
    if (keys[col]) { return keys[col]; }
    var out = new Array(rows.length);
    for (var i = 0; i < rows.length; i++) {
      var cell = rows[i].cells[col];
      var v = cell.getAttribute("data-sort");
      if (v === null) { v = cell.textContent.trim(); }
      out[i] = num ? (v === "" ? -Infinity : Number(v)) : v;
      rows[i]._i = i;
    }
    keys[col] = out;
    return out;
  }
  var collator = new Intl.Collator(undefined, {sensitivity: "base", numeric: true});
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
      var num = type === "num", k = keyOf(col, num);
      var order = rows.slice().sort(function (a, b) {
        var x = k[a._i], y = k[b._i];
        var r = num ? (x === y ? 0 : (x < y ? -1 : 1)) : collator.compare(x, y);
        return (asc ? r : -r) || a._i - b._i;
      });
      var frag = document.createDocumentFragment();
      for (var i = 0; i < order.length; i++) { frag.appendChild(order[i]); }
      body.appendChild(frag);
      table.dispatchEvent(new Event("sorted"));
    });
  });
  var box = document.getElementById("filters");
  if (!box) { return; }
  var band = document.getElementById("f-band"), find = document.getElementById("f-find");
  var role = document.getElementById("f-role"), count = document.getElementById("f-count");
  var more = document.getElementById("f-all");
  var limit = Number(table.getAttribute("data-limit")) || rows.length, all = false;
  // Only the first `limit` matching rows are laid out (hidden rows cost no layout), so a
  // sort or a filter stays quick at 2,000 rows; "Show all" lifts the limit.
  function apply() {
    var b = band.value, f = find.value ? " " + find.value + " " : "", r = role.value, n = 0;
    var order = body.rows;
    var list = [];
    for (var i = 0; i < order.length; i++) { list.push(order[i]); }
    for (i = 0; i < list.length; i++) {
      var row = list[i];
      var show = (!b || row.getAttribute("data-band") === b) &&
        (!r || row.getAttribute("data-role") === r) &&
        (!f || (" " + row.getAttribute("data-f") + " ").indexOf(f) >= 0);
      if (show) { n++; }
      row.hidden = !show || (!all && n > limit);
    }
    var shown = all ? n : Math.min(n, limit), total = rows.length;
    count.textContent = shown === n ? (n === total ? "" : "Showing " + n + " of " + total) :
      "Showing " + shown + " of " + n + (n === total ? "" : " matching (" + total + " in all)");
    more.hidden = all || n <= limit;
  }
  [band, find, role].forEach(function (el) { el.addEventListener("change", apply); });
  more.addEventListener("click", function () { all = true; apply(); });
  table.addEventListener("sorted", apply);
  apply();
  for (var i = 0; i < rows.length; i++) { rows[i].classList.remove("more"); }
  box.hidden = false;
})();
"""


def script_hash(script: str) -> str:
    """The CSP hash (``sha256-...``, quoted in the page) that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    """The reports' HTML environment (``render.report.html_env``) with the dashboard's
    ``title_of`` filter, kept out of the shared one."""
    env = html_env().overlay()
    env.filters = {**env.filters, "title_of": finding_title}
    return env


def render_index(view: CohortView) -> str:
    """The self-contained dashboard page."""
    return _env().get_template("batch_index.html.j2").render(
        v=view, script=SORT_SCRIPT, script_csp=script_hash(SORT_SCRIPT),
        labels=SEVERITY_LABELS, must_label=importance_label(view.has_posting),
        table_rows=TABLE_ROWS,
    )
