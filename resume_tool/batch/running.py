"""``resume-tool batch``: check a whole class of resumes into one folder.

A career office exports a folder or a ZIP of ~300 student resumes and wants, in minutes, a
report per student, one table of everyone (``summary.csv``) and a picture of what the class
is missing (``index.html``). Design choices, each for a reason:

- **A process pool, one worker per CPU.** Reading PDFs and matching keywords is CPU-bound
  Python, so threads would not help. Each worker builds the keyword lists and the spaCy
  pipeline once, in its initializer (``api.engine``), never per file; ``--workers 1`` runs
  in-process with no pool at all. Workers write their own reports and send back one small
  row, so a report never crosses a pipe.
- **One bad file never stops the batch.** A ``ResumeToolError`` becomes that file's row with
  its one-line message; an unexpected exception too; a file that runs past
  ``FILE_SECONDS`` (SIGALRM in the worker) or kills its worker gets a row and the pool is
  rebuilt. Only a problem with the settings themselves (unknown role, unreadable posting,
  unknown format) stops the run, with exit code 2.
- **Re-runs are incremental.** ``manifest.json`` records, per file, the sha256 of its bytes,
  a key of the settings (posting bytes, role, lists, tool and score versions, formats,
  drafts) and its row; a file whose hash, settings and outputs are unchanged is not checked
  again, so five late resumes cost five checks. ``--force`` redoes everything.
- **Ctrl-C leaves a readable folder.** Pending work is cancelled, the pool shut down, and
  ``summary.csv``, ``index.html`` and ``manifest.json`` (state ``interrupted``, with the
  files still pending) are written for what finished; the same command finishes the job.
  A run killed outright leaves ``manifest.journal`` (entries appended every
  ``FLUSH_SECONDS``), which the next run reads too.
- **Deterministic outputs.** Rows are sorted by file name and carry no timestamps, so the
  same inputs give byte-identical ``summary.csv`` and ``index.html``.

``summary.csv`` is UTF-8 without a BOM by default (what scripts and most tools expect);
``--excel`` adds the BOM that Excel needs to read UTF-8 names correctly.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..errors import REPORT_FAULT, InputError, LimitExceeded, ResumeToolError, printable
from ..limits import DEFAULT_LIMITS, Limits, TimeLimitReached, time_limit
from .cohort import cohort_view, render_index
from .compare import Previous, load_previous
from .compare import compare as compare_runs
from .inputs import Item, ZipBudget, discover, read_item, unique_names
from .outputs import (
    duplicates,
    report_row,
    sort_key,
    summary_csv,
    write_atomic,
    write_lines_atomic,
)

__all__ = ["FILE_SECONDS", "BatchResult", "run_batch"]

MANIFEST = "manifest.json"
JOURNAL = "manifest.journal"  # entries saved during a run; folded into MANIFEST at its end
MANIFEST_VERSION = 1
FILE_SECONDS = DEFAULT_LIMITS.max_total_seconds  # per file; a hung file becomes a failed row
EXTENSIONS = {"html": ".html", "json": ".json", "md": ".md", "text": ".txt"}
INFLIGHT_PER_WORKER = 2  # tasks queued per worker: keeps workers busy, bounds memory
FLUSH_SECONDS = 5.0  # manifest saved this often during a run, so a killed run loses little


@dataclass(frozen=True)
class Settings:
    """What every worker needs; sent once to each worker's initializer."""

    outdir: str
    lists: tuple[str, ...]
    posting: str | None
    role: str | None
    formats: tuple[str, ...]
    drafts: bool
    limits: Limits = DEFAULT_LIMITS
    file_seconds: float = FILE_SECONDS
    feedback: bool = False  # --feedback: feedback/<name>.md and .html per student
    postings: tuple[str, ...] = ()  # --postings DIR: the posting files, each scored per student


@dataclass(frozen=True)
class Task:
    rel: str
    name: str
    sha256: str = ""
    data: bytes = b""
    attempt: int = 1


@dataclass
class BatchResult:
    """What a batch did; ``failed`` > 0 makes the CLI exit with code 1."""

    outdir: Path
    files: int = 0  # rows in summary.csv (checked now, reused, or failed)
    checked: int = 0  # files sent through the checker in this run
    reused: int = 0  # unchanged since the last run, not checked again
    failed: int = 0  # rows with an error
    skipped: int = 0  # not rows: system junk (.DS_Store, __MACOSX, ...) and unsafe ZIP entries
    unsafe: int = 0  # of ``skipped``: ZIP entries refused for safety (../, links, nesting)
    pending: int = 0  # not reached because the run was interrupted
    interrupted: bool = False
    workers: int = 1
    elapsed: float = 0.0
    peak_worker_rss_mb: float = 0.0  # largest resident set of any worker (in-process: this one)
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Resumes checked per second of wall time."""
        return self.checked / self.elapsed if self.elapsed > 0 else 0.0


# ------------------------------------------------------------------ settings
def _digest_tree(folder: Path) -> str:
    """A hash of every file under ``folder``, so an edited keyword list invalidates results."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _settings_record(settings: Settings, posting_sha: str | None) -> dict[str, Any]:
    from ..analyze.score import SCORE_VERSION
    from ..resources import data_dir
    from ..writing import WRITING_VERSION
    from .outputs import ROW_VERSION

    def digest(name: str) -> str:
        try:
            return _digest_tree(data_dir(name))
        except FileNotFoundError:
            return ""

    # Everything a kept result depends on: a change to any of these checks the file again.
    return {
        "tool_version": __version__,
        "score_version": SCORE_VERSION,
        "writing_version": WRITING_VERSION,
        "row_version": ROW_VERSION,
        "templates_sha256": digest("templates"),
        "posting_sha256": posting_sha,
        "role": settings.role,
        "lists": [{"path": p, "sha256": _digest_tree(Path(p))} for p in settings.lists],
        "bundled_lists_sha256": digest("keyword_lists"),
        "formats": sorted(settings.formats),
        "drafts": settings.drafts,
        **_extras_record(settings),
    }


def _extras_record(settings: Settings) -> dict[str, Any]:
    """--feedback and --postings in the settings key (the postings by name and content)."""
    from .postings import digests

    return {"feedback": settings.feedback, "postings": digests(settings.postings)}


def _key(record: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()


def _check_formats(formats: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for f in formats:
        f = f.strip().lower()
        if f not in EXTENSIONS:
            raise InputError(None, f"unknown report format {f!r} in --formats",
                             f"Choose from {', '.join(EXTENSIONS)}, e.g. --formats html,json")
        if f not in out:
            out.append(f)
    return tuple(out)


# -------------------------------------------------------------------- worker
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, in_pool: bool = True) -> None:
    """Build the keyword lists, spaCy pipeline and posting once for this process."""
    if in_pool:
        # Ctrl-C is the parent's to handle: it cancels work and shuts the pool down.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent()
    _WORKER.clear()
    _WORKER["settings"] = settings
    try:
        from ..api import engine, load_posting

        lists = list(settings.lists) or None
        vocab, matcher = engine(lists)
        if settings.role is not None and settings.role not in vocab.roles:
            raise InputError(None, f"unknown role {settings.role!r}",
                             f"Choose one of: {', '.join(sorted(vocab.roles))}")
        posting = load_posting(settings.posting, lists=lists) if settings.posting else None
        _WORKER["engine"] = (vocab, matcher, posting)
        if settings.postings:
            from .postings import load_postings

            _WORKER["postings"] = load_postings(settings.postings, lists)
    except ResumeToolError as err:
        _WORKER["setup_error"] = (err.path, err.problem, err.fix)
    except Exception as err:  # reported to the parent as a usage-level failure
        _WORKER["setup_error"] = (None, f"cannot start the checker ({type(err).__name__}: {err})", REPORT_FAULT)


def _die_with_parent() -> None:
    """A worker whose parent was killed (SIGKILL leaves no chance to shut the pool down)
    exits too: the kernel is asked to send SIGKILL (Linux), and a watcher thread checks the
    parent every second everywhere else."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            if os.getppid() != parent:  # the parent died before prctl took effect
                os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    import threading

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _peak_rss_mb() -> float:
    """This process's peak resident memory (0 where the platform cannot tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _failed_row(task: Task, error: str, *, cache: bool) -> dict[str, Any]:
    return {"file": task.rel, "name": task.name, "sha256": task.sha256, "status": "failed",
            "error": error, "cache": cache, "outputs": {}}


def check_task(task: Task) -> dict[str, Any]:
    """Check one resume in this worker: reports written to disk, one row returned."""
    settings: Settings = _WORKER["settings"]
    if "setup_error" in _WORKER:
        return {"file": task.rel, "setup_error": _WORKER["setup_error"]}
    try:
        with time_limit(settings.file_seconds):
            try:
                row = _check(task, settings)
            except ResumeToolError as err:
                row = _failed_row(task, str(err), cache=True)
    except TimeLimitReached:
        # Cached by content hash like any verdict: the same bytes would time out again
        # (``--force`` retries); a changed file has a new hash and is checked.
        row = _failed_row(task, LimitExceeded(
            task.rel, f"checking this file took longer than {settings.file_seconds:g} seconds",
            "Save a simpler copy (fewer pages and pictures) as DOCX or PDF").one_line(), cache=True)
    except Exception as err:  # one bad file never stops the batch
        row = _failed_row(task, f"{printable(task.rel)}: unexpected {type(err).__name__}: {err}. "
                          f"{REPORT_FAULT}", cache=True)
    row["rss_mb"] = _peak_rss_mb()
    return row


def _check(task: Task, settings: Settings) -> dict[str, Any]:
    from ..api import check_bytes
    from ..render import render_report, report_to_dict

    _, matcher, posting = _WORKER["engine"]
    report = check_bytes(task.data, task.rel, posting=posting, role=settings.role,
                         lists=list(settings.lists) or None, limits=settings.limits)
    data = report_to_dict(report)
    outdir = Path(settings.outdir)
    outputs: dict[str, str] = {}
    for fmt in settings.formats:
        rel = f"reports/{task.name}{EXTENSIONS[fmt]}"
        if fmt == "json":  # what render_report(report, "json") writes, from the dict we have
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        else:
            text = render_report(report, fmt)
        write_atomic(outdir / rel, text)
        outputs[fmt] = rel
    row = report_row(task.rel, task.name, task.sha256, data)
    if settings.drafts:
        # A resume with nothing to rebuild (scanned) still has its report: the check did not
        # fail, so the row stays "ok" and says why there is no draft.
        try:
            outputs.update(_write_draft(report, matcher, outdir, task.name))
        except ResumeToolError as err:
            row["error"] = f"no draft: {err.problem}. {err.fix}"
    outputs.update(_write_extras(report, row, settings, outdir, task.name))
    row["outputs"] = outputs
    return row


def _write_extras(report: Any, row: dict[str, Any], settings: Settings, outdir: Path,
                  name: str) -> dict[str, str]:
    """--postings: the row's fit keys and rankings/<name>.html; --feedback: the
    student's feedback page (after the fits, which it names the best of)."""
    outputs: dict[str, str] = {}
    if settings.postings:
        from .postings import write_fits

        vocab, matcher, _ = _WORKER["engine"]
        keys, written = write_fits(report, _WORKER["postings"], vocab, matcher, settings.role,
                                   outdir, name)
        row.update(keys)
        outputs.update(written)
    if settings.feedback:
        from .feedback import write_feedback

        outputs.update(write_feedback(report, row, outdir, name))
    return outputs


def _write_draft(report: Any, matcher: Any, outdir: Path, name: str) -> dict[str, str]:
    """drafts/<name>.docx and the draft writer's "to consider" notes beside it."""
    from ..render.draft import build_draft, write_draft

    written = write_draft(build_draft(report, matcher, years=10), outdir / "drafts" / f"{name}.docx")
    keys = ("draft", "draft_notes")
    return {key: path.relative_to(outdir).as_posix() for key, path in zip(keys, written, strict=False)}


# ------------------------------------------------------------------ progress
class _Progress:
    """A rich bar on a terminal, a line per 10% otherwise, nothing when quiet."""

    def __init__(self, total: int, *, quiet: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.done = 0
        self.start = time.monotonic()
        self.next_tenth = 1
        self._bar: Any = None
        if quiet or total == 0:
            return
        if getattr(self.stream, "isatty", lambda: False)():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                ProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task: Any) -> Text:
                    speed = task.finished_speed or task.speed
                    return Text(f"{speed:.1f} files/s" if speed else "- files/s")

            self._bar = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(file=self.stream), transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("batch", total=total)

    def note(self, message: str) -> None:
        """One line (a failed file) that does not break the bar."""
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=self.stream, flush=True)

    def advance(self) -> None:
        self.done += 1
        if self.quiet or self.total == 0:
            return
        if self._bar is not None:
            self._bar.advance(self._task)
            return
        if self.done * 10 >= self.next_tenth * self.total:
            while self.done * 10 >= self.next_tenth * self.total:
                self.next_tenth += 1
            elapsed = max(time.monotonic() - self.start, 1e-9)
            rate = self.done / elapsed
            left = (self.total - self.done) / rate if rate else 0.0
            pct = math.floor(100 * self.done / self.total)
            print(f"checked {self.done}/{self.total} ({pct}%), {rate:.1f} files/s, "
                  f"ETA {_clock(left)}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _clock(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


# ------------------------------------------------------------------ manifest
def _load_manifest(outdir: Path) -> dict[str, Any]:
    """The last run's entries: ``manifest.json``, then what a run that was killed before it
    could write one had saved in the journal."""
    path = outdir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_hook=_interned)
    except (OSError, ValueError):
        data = None
    files: dict[str, Any] = {}
    if (isinstance(data, dict) and data.get("manifest_version") == MANIFEST_VERSION
            and isinstance(data.get("files"), dict)):
        files = data["files"]
    files.update(_read_journal(outdir))
    return files


def _interned(obj: dict[str, Any]) -> dict[str, Any]:
    """json's object hook: the last run's entries are held for the whole run, so they share
    the strings that new rows repeat (2,000 entries: 27 MB, 11 MB shared), made as they are
    read rather than by a second copy."""
    for key, value in obj.items():
        if isinstance(value, str | list):
            obj[key] = _shared(value)
    return obj


def _manifest_lines(manifest: dict[str, Any]) -> Iterator[str]:
    """The manifest as JSON, one line per file, piece by piece: json's indented output is made
    in pure Python (2,000 files: 0.6 s and a 55 MB list of pieces), a line by its C encoder."""
    files = manifest.pop("files")
    yield json.dumps(manifest, indent=1, ensure_ascii=False)[:-2]  # without the closing "\n}"
    yield ',\n "files": {'
    sep = "\n"
    for rel, entry in files.items():
        yield f"{sep}  {json.dumps(rel, ensure_ascii=False)}: {json.dumps(entry, ensure_ascii=False)}"
        sep = ",\n"
    yield "\n }\n}\n"


def _read_journal(outdir: Path) -> dict[str, Any]:
    """The journal's entries, later lines winning; a line cut short by a kill is skipped."""
    try:
        text = (outdir / JOURNAL).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    out: dict[str, Any] = {}
    for line in text.splitlines():
        try:
            rel, entry = json.loads(line, object_hook=_interned)
        except (ValueError, TypeError):
            continue
        if isinstance(rel, str) and isinstance(entry, dict):
            out[rel] = entry
    return out


def _reusable(entry: Any, sha: str, key: str, name: str, outdir: Path) -> bool:
    if not isinstance(entry, dict) or not entry.get("cache"):
        return False
    if entry.get("sha256") != sha or entry.get("settings_key") != key or entry.get("name") != name:
        return False
    return all((outdir / rel).is_file() for rel in entry.get("outputs", {}).values())


# -------------------------------------------------------------------- runner
def _shared(value: Any) -> Any:
    """``value`` with its strings interned: 2,000 rows repeat the same keyword ids, terms and
    fixes, each row a fresh copy after crossing the pipe (2,000 rows: 30 MB, 11 MB shared)."""
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, list):
        return [_shared(v) for v in value]
    if isinstance(value, dict):
        return {_shared(k): _shared(v) for k, v in value.items()}
    return value


class _Run:
    """State of one batch run: rows so far, the manifest, progress; writes the outputs."""

    def __init__(self, outdir: Path, settings: Settings, record: dict[str, Any], *,
                 excel: bool, quiet: bool, posting_label: str | None,
                 previous: Previous | None = None) -> None:
        self.outdir = outdir
        self.previous = previous  # --compare: the earlier run's rows
        self.settings = settings
        self.record = record
        self.key = _key(record)
        self.excel = excel
        self.quiet = quiet
        self.posting_label = posting_label
        self.rows: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.skipped: list[tuple[str, str]] = []
        self.unsafe: list[str] = []  # skipped ZIP entries refused for safety, by rel
        self.pending: dict[str, None] = {}  # insertion-ordered set: O(1) removal per file
        self.progress: _Progress | None = None
        self.checked = 0
        self.reused = 0
        self.peak_rss = 0.0
        self.flushed = time.monotonic()
        self.unsaved: list[str] = []  # files whose entry the journal does not have yet
        self._claims: dict[str, set[str]] | None = None  # output -> files naming it (lazy)

    def add(self, row: dict[str, Any], *, checked: bool) -> None:
        rel = row["file"]
        old = self.files.get(rel)
        if old is not None:
            self._remove_stale(old.get("outputs", {}), row.get("outputs", {}), rel)
        self.peak_rss = max(self.peak_rss, float(row.pop("rss_mb", 0.0)))
        row = _shared(row)
        self.rows[rel] = row
        entry = dict(row)
        entry["settings_key"] = self.key
        self.files[rel] = entry
        self.unsaved.append(rel)
        if self._claims is not None:  # keep the index of claimed outputs in step
            if isinstance(old, dict):
                for out in old.get("outputs", {}).values():
                    self._claims.get(out, set()).discard(rel)
            for out in entry.get("outputs", {}).values():
                self._claims.setdefault(out, set()).add(rel)
        if checked:
            self.checked += 1
            if self.progress is not None:
                if row.get("error"):
                    self.progress.note(f"error: {row['error']}")
                self.progress.advance()
            if time.monotonic() - self.flushed >= FLUSH_SECONDS:
                self.write_manifest("running")

    def _remove_stale(self, old: dict[str, str], new: dict[str, str], rel: str = "") -> None:
        """Delete this file's outputs of the last run that this run did not write again,
        never an output another file claims (its name may have been handed on).

        Who claims what is indexed once per run and kept by ``add``: scanning every file's
        outputs for each file made a re-run with new settings quadratic (9 s of 2,000 files)."""
        if self._claims is None:
            self._claims = {}
            for other, entry in self.files.items():
                if isinstance(entry, dict):
                    for out in entry.get("outputs", {}).values():
                        self._claims.setdefault(out, set()).add(other)
        keep = set(new.values())
        for out in old.values():
            if out in keep or self._claims.get(out, set()) - {rel}:
                continue
            if not out.startswith(("reports/", "drafts/", "feedback/", "rankings/")) or ".." in out:
                continue
            with contextlib.suppress(OSError):
                (self.outdir / out).unlink()

    def write_manifest(self, state: str) -> None:
        """During a run (``running``), append the entries added since the last save to the
        journal: rewriting the whole manifest took ~1 s at 2,000 files, every FLUSH_SECONDS,
        while results waited. At the end, the whole manifest, and the journal goes."""
        self.flushed = time.monotonic()
        if state == "running":
            self._save_journal()
            return
        manifest = {
            "manifest_version": MANIFEST_VERSION,
            "state": state,
            "tool_version": __version__,
            "settings": self.record,
            "settings_key": self.key,
            "counts": self.counts(),
            "pending": sorted(self.pending, key=sort_key),
            "skipped": [list(s) for s in self.skipped],
            "files": {rel: self.files[rel] for rel in sorted(self.files, key=sort_key)},
        }
        write_lines_atomic(self.outdir / MANIFEST, _manifest_lines(manifest))
        self.unsaved.clear()
        with contextlib.suppress(OSError):
            (self.outdir / JOURNAL).unlink()

    def _save_journal(self) -> None:
        lines = "".join(json.dumps([rel, self.files[rel]], ensure_ascii=False) + "\n"
                        for rel in self.unsaved)
        try:
            with (self.outdir / JOURNAL).open("a", encoding="utf-8") as fh:
                fh.write(lines)
        except OSError as err:
            raise InputError(str(self.outdir / JOURNAL),
                             f"cannot write this output ({err.strerror or err})",
                             "Check that the output folder is writable and has free space") from err
        self.unsaved.clear()

    def counts(self) -> dict[str, int]:
        failed = sum(1 for r in self.rows.values() if r.get("status") != "ok")
        return {"files": len(self.rows), "ok": len(self.rows) - failed, "failed": failed,
                "skipped": len(self.skipped), "unsafe": len(self.unsafe),
                "pending": len(self.pending)}

    def write_outputs(self, *, interrupted: bool) -> None:
        rows = list(self.rows.values())
        previous = self.previous
        changes = compare_runs(rows, previous) if previous is not None else None
        write_atomic(self.outdir / "summary.csv",
                     summary_csv(rows, excel=self.excel, changes=changes))
        view = cohort_view(
            rows, self.skipped, unsafe=self.unsafe, pending=len(self.pending),
            interrupted=interrupted,
            posting=self.posting_label, role=self.settings.role,
            tool_version=__version__, score_version=self.record["score_version"],
            changes=changes, previous=printable(str(previous.outdir)) if previous else None,
            previous_rows=len(previous.rows) if previous else 0,
            yardstick=previous.yardstick_differs(self.record) if previous else None,
            matrix=bool(self.settings.postings),
        )
        write_atomic(self.outdir / "index.html", render_index(view))
        self.write_manifest("interrupted" if interrupted else "complete")


def run_batch(
    paths: list[Path],
    outdir: Path,
    *,
    posting: Path | None,
    role: str | None,
    lists: list[Path] | None,
    workers: int | None,
    formats: list[str],
    drafts: bool,
    force: bool,
    excel: bool,
    quiet: bool,
    limits: Limits = DEFAULT_LIMITS,
    file_seconds: float = FILE_SECONDS,
    stream: TextIO | None = None,
    feedback: bool = False,
    postings: Path | None = None,
    compare: Path | None = None,
) -> BatchResult:
    """Check every resume under ``paths`` into ``outdir``; see the module docstring.

    ``compare``: an earlier run's output folder; its rows are read now (a bad folder stops
    the run before any work, exit code 2) and each student's change goes into the outputs."""
    started = time.monotonic()
    earlier = load_previous(Path(compare)) if compare is not None else None
    fmts = _check_formats(formats)
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise InputError(str(outdir), "the output folder is a file", "Choose a folder for -o")
    _refuse_overlap(outdir, paths)
    posting_sha = None
    if posting is not None:
        try:
            posting_sha = hashlib.sha256(Path(posting).read_bytes()).hexdigest()
        except OSError as err:
            raise InputError(str(posting), f"cannot read the posting ({err.strerror})",
                             "Check the path and permissions") from err
    settings = Settings(
        outdir=str(outdir.resolve()),
        lists=tuple(str(Path(p).resolve()) for p in (lists or [])),
        posting=str(posting) if posting is not None else None,
        role=role,
        formats=fmts,
        drafts=drafts,
        limits=limits,
        file_seconds=file_seconds,
        feedback=feedback,
        postings=_posting_files(postings),
    )
    record = _settings_record(settings, posting_sha)
    _prepare_outdir(outdir, drafts)

    inputs = discover(paths, outdir)
    last = _load_manifest(outdir)
    names = unique_names((i.rel for i in inputs.items),
                         {rel: e.get("name", "") for rel, e in last.items() if isinstance(e, dict)})
    previous = {} if force else last
    run = _Run(outdir, settings, record, excel=excel, quiet=quiet,
               posting_label=Path(posting).name if posting is not None else None,
               previous=earlier)
    run.files = dict(previous)  # rows of files not given this time stay in the manifest
    run.skipped = [(s.rel, s.reason) for s in inputs.skipped]
    run.unsafe = [s.rel for s in inputs.skipped if s.unsafe]
    for f in inputs.failed:
        run.add({"file": f.rel, "name": "", "status": "failed", "error": f.error,
                 "cache": False, "outputs": {}}, checked=False)

    # Pass 1: which files changed. Bytes are hashed and dropped; pass 2 reads them again
    # when the task is sent, so memory holds only the tasks in flight.
    zips = ZipBudget()
    todo: list[Task] = []
    try:
        for item in inputs.items:
            name = names[item.rel]
            entry = previous.get(item.rel)
            if entry is not None:
                try:
                    sha = hashlib.sha256(read_item(item, limits, zips)).hexdigest()
                except ResumeToolError:
                    sha = ""
                if sha and _reusable(entry, sha, run.key, name, outdir):
                    row = {k: v for k, v in entry.items() if k != "settings_key"}
                    run.add(row, checked=False)
                    run.reused += 1
                    continue
            todo.append(Task(item.rel, name))
    finally:
        zips.close()

    by_rel = {i.rel: i for i in inputs.items}
    n_workers = max(1, min(workers or _cpu_count(), len(todo)))
    run.pending = dict.fromkeys(t.rel for t in todo)
    interrupted = False
    run.progress = _Progress(len(todo), quiet=quiet, stream=stream)
    try:
        if todo:
            runner = _run_in_process if n_workers == 1 else _run_pool
            runner(todo, by_rel, settings, n_workers, run)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        run.progress.close()
    _write_matrix(run)  # before the dashboard, which links it
    run.write_outputs(interrupted=interrupted)

    counts = run.counts()
    result = BatchResult(
        outdir=outdir, files=counts["files"], checked=run.checked, reused=run.reused,
        failed=counts["failed"], skipped=counts["skipped"], unsafe=counts["unsafe"],
        pending=counts["pending"],
        interrupted=interrupted, workers=n_workers, elapsed=time.monotonic() - started,
        peak_worker_rss_mb=round(run.peak_rss, 1),
        rows=sorted(run.rows.values(), key=lambda r: sort_key(r["file"])),
    )
    if not quiet:
        print(totals_line(result, len(duplicates(result.rows)), outdir),
              file=stream or sys.stderr, flush=True)
    if interrupted:
        raise KeyboardInterrupt
    return result


def _posting_files(folder: Path | None) -> tuple[str, ...]:
    if folder is None:
        return ()
    from .postings import posting_paths

    return tuple(str(p) for p in posting_paths(folder))


def _write_matrix(run: _Run) -> None:
    """matrix.csv with --postings (removed when a run has none)."""
    from .postings import write_matrix

    write_matrix(run.outdir, run.rows.values(), run.settings.postings, excel=run.excel)


def totals_line(result: BatchResult, duplicates: int, outdir: Path) -> str:
    """The closing line, with the totals the dashboard's first line and summary.csv show
    (``totals.totals_words``): files (= rows of summary.csv) = checked + could not be
    checked; skipped files and unsafe ZIP entries are not rows."""
    from .totals import totals_words

    stop = "interrupted: " if result.interrupted else ""
    head, rest = totals_words(result.files, result.failed, result.skipped - result.unsafe,
                              result.unsafe, duplicates)
    todo = f", {result.pending} still to do" if result.pending else ""
    return (f"{stop}{head} {rest}"
            f"{todo} ({result.checked} read now, {result.reused} unchanged since the last run)"
            f" -> {printable(str(outdir / 'index.html'))}")


def _refuse_overlap(outdir: Path, paths: list[Path]) -> None:
    """An output folder that is an input, or holds one, would check nothing (its content is
    skipped) or mix reports into a student's folder: refuse it."""
    out = outdir.resolve()
    for p in paths:
        try:
            src = Path(p).resolve()
        except (OSError, RuntimeError):
            continue
        if src == out or out in src.parents:
            raise InputError(
                str(outdir),
                f"the output folder is, or contains, the input {printable(str(p))}",
                "Choose an output folder outside the inputs, e.g. -o batch-reports/",
            )


def _prepare_outdir(outdir: Path, drafts: bool) -> None:
    """Create the output folders and prove they can be written, with a message that says so."""
    try:
        for sub in ("reports", "drafts") if drafts else ("reports",):
            (outdir / sub).mkdir(parents=True, exist_ok=True)
        probe = outdir / ".resume-tool-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise InputError(
            str(outdir), f"cannot write to the output folder ({err.strerror or err})",
            "Choose a folder you can write to, or fix its permissions",
        ) from err


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _with_data(task: Task, item: Item, limits: Limits, zips: ZipBudget) -> Task | dict[str, Any]:
    """The task with its bytes and their hash, or a failed row when they cannot be read."""
    try:
        data = read_item(item, limits, zips)
    except ResumeToolError as err:
        return _failed_row(task, str(err), cache=False)
    return replace(task, data=data, sha256=hashlib.sha256(data).hexdigest())


def _setup_failure(row: dict[str, Any]) -> InputError:
    path, problem, fix = row["setup_error"]
    return InputError(path, problem, fix)


def _run_in_process(todo: list[Task], by_rel: dict[str, Item], settings: Settings,
                    n_workers: int, run: _Run) -> None:
    """``--workers 1``: no pool, no pickling; the same code path as a worker."""
    _init_worker(settings, in_pool=False)
    zips = ZipBudget()
    try:
        for task in todo:
            ready = _with_data(task, by_rel[task.rel], settings.limits, zips)
            row = ready if isinstance(ready, dict) else check_task(ready)
            if "setup_error" in row:
                raise _setup_failure(row)
            del run.pending[task.rel]
            run.add(row, checked=True)
    finally:
        zips.close()
        _WORKER.clear()


def _run_pool(todo: list[Task], by_rel: dict[str, Item], settings: Settings,
              n_workers: int, run: _Run) -> None:
    """A pool of ``n_workers`` processes with a bounded queue, crash recovery and a watchdog.

    A worker that dies (a crash, the OOM killer, the watchdog) breaks the whole pool and every
    task in flight; those are retried one at a time in a fresh pool, so only the file that
    kills a worker on its own is reported as failed.
    """
    queue: deque[Task] = deque(todo)
    suspects: deque[Task] = deque()
    inflight: dict[Future[dict[str, Any]], Task] = {}
    stall = settings.file_seconds * 2 + 60
    zips = ZipBudget()
    pool = _new_pool(settings, n_workers)
    try:
        while queue or suspects or inflight:
            if suspects:
                if not inflight:
                    _submit(pool, suspects.popleft(), by_rel, settings, zips, inflight, run)
            else:
                while queue and len(inflight) < n_workers * INFLIGHT_PER_WORKER:
                    _submit(pool, queue.popleft(), by_rel, settings, zips, inflight, run)
            if not inflight:
                continue
            done, _ = wait(inflight, timeout=stall, return_when=FIRST_COMPLETED)
            if not done:  # a worker is stuck in code no signal reaches: end the pool
                _kill_workers(pool)
                done, _ = wait(inflight, timeout=30, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                task = inflight.pop(fut)
                try:
                    row = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if task.attempt >= 2:  # it broke a pool while running alone
                        row = _failed_row(task, (
                            f"{printable(task.rel)}: the worker checking this file stopped (a "
                            "crash, too little memory, or it hung). Save a simpler copy as DOCX "
                            "or PDF"), cache=bool(task.sha256))
                    else:
                        suspects.append(replace(task, attempt=2))
                        continue
                except Exception as err:  # e.g. a result that cannot be unpickled
                    row = _failed_row(task, f"{printable(task.rel)}: unexpected {type(err).__name__}: "
                                      f"{err}. {REPORT_FAULT}", cache=False)
                if "setup_error" in row:
                    raise _setup_failure(row)
                del run.pending[task.rel]
                run.add(row, checked=True)
            if broken:
                for task in inflight.values():
                    suspects.append(replace(task, attempt=2))
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(settings, n_workers)
    except BaseException:
        for fut in inflight:
            fut.cancel()
        pool.shutdown(wait=False, cancel_futures=True)
        _kill_workers(pool)
        raise
    finally:
        zips.close()
    pool.shutdown(wait=True)


def _new_pool(settings: Settings, n_workers: int) -> ProcessPoolExecutor:
    # "spawn": workers start clean (no copy of the parent's threads or locks) and behave the
    # same on Linux, macOS and Windows; each imports spaCy once in its initializer anyway.
    return ProcessPoolExecutor(
        max_workers=n_workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker, initargs=(settings,),
    )


def _submit(pool: ProcessPoolExecutor, task: Task, by_rel: dict[str, Item], settings: Settings,
            zips: ZipBudget, inflight: dict[Future[dict[str, Any]], Task], run: _Run) -> None:
    ready = _with_data(task, by_rel[task.rel], settings.limits, zips)
    if isinstance(ready, dict):
        del run.pending[task.rel]
        run.add(ready, checked=True)
        return
    inflight[pool.submit(check_task, ready)] = replace(ready, data=b"")


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the worker processes now (the executor has no public way to do this)."""
    procs: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for proc in list(procs.values()):
        with contextlib.suppress(Exception):
            proc.kill()
