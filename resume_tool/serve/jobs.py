"""The server's process pool, its bounded queue, and the batch-job and session registries.

CPU work (reading, matching, rendering) runs in a pool of worker processes, never on the
event loop, so one slow PDF never stalls other users' pages. The queue is bounded: beyond
``max_queue`` waiting tasks a request gets 429 at once instead of waiting without end. A
task that overruns its time limit (the worker's own SIGALRM budget failed to stop it, e.g.
in C code) or kills its worker gets a one-line error, and a pool whose worker is stuck or
dead is rebuilt. The limit is strict: an answer that comes back after it is a timeout.

Batch jobs and page sessions live in memory and in one private temporary folder (mode
0700, from ``tempfile.mkdtemp``); ``close`` deletes it when the server stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import re
import secrets
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import work


class Busy(Exception):
    """The queue is full: the client should try again later (429)."""


class JobFailed(Exception):
    """A task could not finish (time limit, a crashed worker); ``str`` is the one-line error."""


class Engine:
    """A process pool whose workers each build the keyword engine once."""

    def __init__(self, workers: int, lists: tuple[str, ...], max_queue: int) -> None:
        self.workers = workers
        self.lists = lists
        self.max_queue = max_queue
        self.pending = 0
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=work.init_worker, initargs=(self.lists,),
        )

    def warm(self) -> None:
        """Start every worker now, so the first user does not wait for spaCy."""
        for _ in range(self.workers):
            self.pool.submit(work.warm)

    async def run(self, fn: Callable[..., Any], *args: Any, seconds: float, label: str,
                  reserve: bool = True) -> Any:
        """Run ``fn(*args)`` in a worker; 429 (``Busy``) when the queue is full.

        The limit is strict: a result that reaches the server after ``seconds`` is a
        timeout too, however soon the event loop gets to it. (``asyncio.wait_for`` alone
        before Python 3.12 hands back a result that is ready when its timer is handled,
        so on a busy machine a late result could pass.) The pool is rebuilt only when
        the worker has not answered: one that did answer, late, is free again.
        """
        if reserve:
            self.reserve()
        try:
            pool = self.pool
            start = time.monotonic()
            task = pool.submit(fn, *args)
            arrived: list[float] = []
            # Runs in the pool's own thread the moment the result comes back, before the
            # event loop hears of it, so a stalled loop cannot move the arrival time.
            task.add_done_callback(lambda _: arrived.append(time.monotonic()))
            future = asyncio.wrap_future(task)
            future.add_done_callback(consume)
            try:
                result = await asyncio.wait_for(future, seconds)
            except (asyncio.TimeoutError, TimeoutError):
                self._restart(pool)
                raise self._too_long(label, seconds) from None
            except BrokenProcessPool:
                self._restart(pool)
                raise JobFailed(f"{label}: the worker checking this file stopped (a crash, too "
                                "little memory, or it hung). Save a simpler copy as DOCX or PDF"
                                ) from None
            if (arrived[0] if arrived else time.monotonic()) - start > seconds:
                raise self._too_long(label, seconds)
            return result
        finally:
            self.pending -= 1

    @staticmethod
    def _too_long(label: str, seconds: float) -> JobFailed:
        return JobFailed(f"{label}: processing took longer than {seconds:g} seconds. "
                         "Save a simpler copy (fewer pages and pictures) as DOCX or PDF; "
                         "if it is an ordinary resume, please report the file")

    def reserve(self) -> None:
        """Count one task in the queue, or refuse it (429)."""
        if self.pending >= self.max_queue:
            raise Busy
        self.pending += 1

    def _restart(self, pool: ProcessPoolExecutor) -> None:
        """End a pool whose worker is stuck or dead and start a fresh one (once per pool)."""
        if pool is not self.pool:
            return
        self.pool = self._new_pool()
        procs = dict(getattr(pool, "_processes", None) or {})
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs.values():
            with contextlib.suppress(Exception):
                proc.kill()

    def close(self) -> None:
        """Stop now: pending work is dropped, workers are ended (uploads die with them)."""
        procs = dict(getattr(self.pool, "_processes", None) or {})
        for proc in procs.values():
            with contextlib.suppress(Exception):
                proc.kill()
        for proc in procs.values():
            with contextlib.suppress(Exception):
                proc.join(5)
        self.pool.shutdown(wait=True, cancel_futures=True)


def consume(future: asyncio.Future[Any]) -> None:
    """Mark a result as seen: a task cut off by a timeout or by shutdown is not an error."""
    if not future.cancelled():
        future.exception()


# --------------------------------------------------------------------- sessions
@dataclass
class Session:
    """One job seeker's check on the page: the source (upload or edited text) and results."""

    id: str
    original: work.Source
    posting_text: str | None
    posting_label: str | None
    role: str | None
    source: work.Source
    result: dict[str, Any]
    previous: dict[str, Any] | None = None  # the summary before the last "Check again"
    touched: float = field(default_factory=time.monotonic)

    @property
    def stem(self) -> str:
        return safe_stem(self.original.name)


class Sessions:
    """At most ``limit`` sessions, least recently used dropped first; memory only."""

    def __init__(self, limit: int = 32, ttl: float = 4 * 3600) -> None:
        self.limit = limit
        self.ttl = ttl
        self.items: OrderedDict[str, Session] = OrderedDict()

    def new_id(self) -> str:
        return secrets.token_urlsafe(18)

    def add(self, session: Session) -> None:
        self.items[session.id] = session
        self._trim()

    def get(self, sid: str) -> Session | None:
        self._trim()
        s = self.items.get(sid)
        if s is not None:
            s.touched = time.monotonic()
            self.items.move_to_end(sid)
        return s

    def _trim(self) -> None:
        now = time.monotonic()
        for sid in [k for k, s in self.items.items() if now - s.touched > self.ttl]:
            del self.items[sid]
        while len(self.items) > self.limit:
            self.items.popitem(last=False)

    def clear(self) -> None:
        self.items.clear()


# ------------------------------------------------------------------------ batch
@dataclass
class BatchJob:
    id: str
    folder: Path
    files: int
    status: str = "queued"  # queued, running, done, failed
    error: str | None = None
    result: dict[str, Any] | None = None
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def outdir(self) -> Path:
        return self.folder / "out"

    @property
    def progress_file(self) -> Path:
        return self.folder / "progress.log"

    def progress(self) -> dict[str, Any]:
        """Counts for GET /api/batch/{id}: read from the batch's own progress lines."""
        done, total = 0, self.files
        if self.status == "done" and self.result:
            done = total = self.result["files"]
        else:
            with contextlib.suppress(OSError):
                for line in self.progress_file.read_text(encoding="utf-8").splitlines():
                    m = re.search(r"(\d+)/(\d+)", line)
                    if m and line.startswith("checked"):
                        done, total = int(m.group(1)), int(m.group(2))
        percent = 100 if self.status == "done" else (min(99, 100 * done // total) if total else 0)
        out: dict[str, Any] = {"id": self.id, "status": self.status, "done": done,
                               "total": total, "percent": percent}
        if self.result:
            out.update({k: self.result[k] for k in ("ok", "checked", "failed", "skipped", "unsafe",
                                                    "totals", "seconds")})
        if self.error:
            out["error"] = self.error
        return out


class BatchJobs:
    """Batch jobs kept until the server stops, in one private folder (0700)."""

    def __init__(self, root: Path, max_active: int, keep: int = 50) -> None:
        self.root = root
        self.max_active = max_active
        self.keep = keep
        self.jobs: OrderedDict[str, BatchJob] = OrderedDict()

    def active(self) -> int:
        return sum(1 for j in self.jobs.values() if j.status in ("queued", "running"))

    def new(self, files: int) -> BatchJob:
        if self.active() >= self.max_active:
            raise Busy
        jid = secrets.token_urlsafe(12)
        folder = Path(tempfile.mkdtemp(prefix="job-", dir=self.root))
        (folder / "in").mkdir(mode=0o700)
        job = BatchJob(jid, folder, files)
        self.jobs[jid] = job
        self._trim()
        return job

    def get(self, jid: str) -> BatchJob | None:
        return self.jobs.get(jid)

    def finish(self, job: BatchJob) -> None:
        """Uploads go as soon as the job ends; the results stay until the server stops."""
        job.finished = time.monotonic()
        shutil.rmtree(job.folder / "in", ignore_errors=True)
        for extra in ("posting", "postings"):
            shutil.rmtree(job.folder / extra, ignore_errors=True)

    def _trim(self) -> None:
        done = [j for j in self.jobs.values() if j.status in ("done", "failed")]
        while len(self.jobs) > self.keep and done:
            old = done.pop(0)
            self.jobs.pop(old.id, None)
            shutil.rmtree(old.folder, ignore_errors=True)


# ------------------------------------------------------------------------ names
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_stem(name: str) -> str:
    """A file-name stem fit for Content-Disposition and any file system: ASCII, short."""
    stem = Path(name.replace("\\", "/")).stem
    stem = _UNSAFE.sub("-", stem).strip(".-_")[:60]
    return stem or "resume"


def safe_name(name: str, default: str = "file") -> str:
    """A base name (stem and extension) safe to write into a private folder."""
    base = Path(name.replace("\\", "/")).name
    suffix = _UNSAFE.sub("", Path(base).suffix)[:10].lower()
    stem = _UNSAFE.sub("-", Path(base).stem).strip(".-_")[:80] or default
    return f"{stem}{suffix}"
