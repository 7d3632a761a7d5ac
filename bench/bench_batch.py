"""`batch` over the 200-resume corpus: wall time with 1 and 2 workers against the floor.

    python bench/make_corpus.py            # once: bench/out/corpus (100 DOCX, 100 two-page PDFs)
    python bench/bench_batch.py [--workers 1,2] [--posting examples/posting.txt]

Each measurement runs in a fresh process, the way a user runs the command, so the one-off
cost of building the keyword lists and the spaCy pipeline in every worker is counted; it runs
``--repeat`` times and the fastest counts (other jobs on a shared machine only slow runs down).
CPU seconds (this process and its workers) are printed too: unlike wall time, they do not
depend on what else the machine is doing.

- batch: ``run_batch(..., formats=[html, json], force=True)`` from start to finish.
- floor: the same files' raw text extraction and nothing else (pdfminer
  ``high_level.extract_text`` for PDFs, python-docx paragraphs + table cells for DOCX),
  spread over a process pool of the same number of workers.
- pipeline: the same stages as batch (read, structure, match, analyze, HTML and JSON) in a
  plain loop in one process, to tell batch's own overhead from the stages' cost.
- peak memory per worker: the largest ``ru_maxrss`` any worker reported (with one worker,
  the single in-process run).

Targets (issue 6): 2 workers >= 1.7x faster than 1; batch <= 1.3x the floor; peak memory
< 300 MB per worker.

Scale (issue 14): ``--class 200,1000,2000`` runs the same measurements on the first N students
of a generated class of 2,000 (``bench/make_class.py``: the evaluation generator's DOCX, PDF,
scanned PDF and text files, built once into the system temp folder) and adds what grows with
N: the parent's own peak memory and CPU (with 2 workers the parent only discovers, hashes,
sends bytes and keeps rows), a re-run after the settings changed (every file checked again
over the last run's folder, its old outputs weighed), and a re-run with nothing changed
(every file hashed and reused).

    python bench/bench_batch.py --class 200,1000,2000 --workers 1,2 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "out" / "corpus"
OUT = ROOT / "bench" / "out"


def extract(path: str) -> int:
    """Raw text of one file, the least any checker must do; returns its length."""
    if path.endswith(".pdf"):
        from pdfminer.high_level import extract_text

        return len(extract_text(path))
    if path.endswith(".txt"):
        with open(path, encoding="utf-8", errors="replace") as fh:
            return len(fh.read())
    import docx

    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return len("\n".join(parts))


def _peak_rss_mb() -> float:
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the pool's workers)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _extract_with_rss(path: str) -> tuple[int, float]:
    return extract(path), _peak_rss_mb()


def one_floor(workers: int, corpus: Path = CORPUS) -> dict[str, float]:
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    t0, c0 = time.perf_counter(), _cpu()
    if workers == 1:
        for f in files:
            extract(f)
        rss = _peak_rss_mb()
    else:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            results = list(pool.map(_extract_with_rss, files, chunksize=4))
        rss = max(r for _, r in results)
    return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "files": len(files),
            "rss_mb": rss}


def one_pipeline(posting: str | None) -> dict[str, float]:
    """The same stages as batch, called in a plain loop in one process: batch's own cost is
    what it adds on top of this (discovery, hashing, the pool, rows, summary and index)."""
    from resume_tool.analyze import analyze
    from resume_tool.api import engine, load_posting
    from resume_tool.read import read_bytes
    from resume_tool.render import render_report
    from resume_tool.structure import structure

    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".docx"))
    t0, c0 = time.perf_counter(), _cpu()
    vocab, matcher = engine()
    post = load_posting(posting) if posting else None
    for f in files:
        report = analyze(structure(read_bytes(f.read_bytes(), f.name)), vocab, matcher, posting=post)
        render_report(report, "html")
        render_report(report, "json")
    return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "files": len(files),
            "rss_mb": _peak_rss_mb()}


def _self_cpu() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def one_batch(workers: int, posting: str | None, corpus: Path = CORPUS, out: Path | None = None,
              mode: str = "force") -> dict[str, float]:
    """One run; ``mode``: "fresh" (empty output folder), "force" (``--force`` over the last
    run's folder), "changed" (the settings changed since the last run: a copy of the posting
    with a line of blanks added, so every file is checked again and its old outputs weighed), or
    "rerun" (nothing changed since the last run: every file hashed and reused)."""
    import shutil
    import tempfile

    from resume_tool.batch import run_batch

    out = out or OUT / f"batch-w{workers}"
    if mode == "fresh":
        shutil.rmtree(out, ignore_errors=True)
    if mode == "changed" and posting:
        edited = Path(tempfile.mkdtemp(prefix="bench-posting-")) / Path(posting).name
        pad = b" " * (time.time_ns() % 9973 + 1)  # new bytes, same words: a new settings key
        edited.write_bytes(Path(posting).read_bytes() + b"\n" + pad + b"\n")
        posting = str(edited)
    t0, c0, s0 = time.perf_counter(), _cpu(), _self_cpu()
    result = run_batch(
        [corpus], out, posting=Path(posting) if posting else None,
        role=None, lists=None, workers=workers, formats=["html", "json"], drafts=False,
        force=mode in ("fresh", "force"), excel=False, quiet=True,
    )
    return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "files": result.checked,
            "reused": result.reused, "rows": result.files, "failed": result.failed,
            "rss_mb": result.peak_worker_rss_mb, "parent_rss_mb": _peak_rss_mb(),
            "parent_cpu": _self_cpu() - s0}


def measure(kind: str, workers: int, posting: str | None, corpus: Path | None = None,
            mode: str = "force") -> dict[str, float]:
    """Run one measurement in a fresh interpreter, as a user's command would."""
    cmd = [sys.executable, __file__, "--one", kind, "--workers", str(workers), "--mode", mode]
    if posting:
        cmd += ["--posting", posting]
    if corpus is not None:
        cmd += ["--files", str(corpus)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--posting", default=str(ROOT / "examples" / "posting.txt"))
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest counts")
    ap.add_argument("--class", dest="sizes", default="",
                    help="e.g. 200,1000,2000: the first N students of a generated class of 2,000")
    ap.add_argument("--seed", type=int, default=14, help="the generated class's seed")
    ap.add_argument("--modes", default="fresh,rerun,changed",
                    help="with --class: which runs, in order (rerun reuses the last run)")
    ap.add_argument("--no-floor", action="store_true", help="with --class: skip the floor")
    ap.add_argument("--one", choices=["floor", "batch", "pipeline"])
    ap.add_argument("--mode", choices=["fresh", "force", "changed", "rerun"], default="force")
    ap.add_argument("--files", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    posting = args.posting if args.posting and Path(args.posting).is_file() else None
    if args.one:
        n = int(args.workers)
        corpus = args.files or CORPUS
        if args.one == "pipeline":
            res = one_pipeline(posting)
        elif args.one == "floor":
            res = one_floor(n, corpus)
        else:
            out = OUT / f"class-{corpus.name}-w{n}" if args.files else None
            res = one_batch(n, posting, corpus, out, args.mode)
        print(json.dumps(res))
        return 0
    if args.sizes:
        return scale(args, posting)
    if not CORPUS.is_dir() or not any(CORPUS.iterdir()):
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py")], check=True)
    counts = [int(w) for w in args.workers.split(",")]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs", flush=True)
    rows = {}
    for n in counts:
        floor = min((measure("floor", n, posting) for _ in range(args.repeat)),
                    key=lambda r: r["seconds"])
        batch = min((measure("batch", n, posting) for _ in range(args.repeat)),
                    key=lambda r: r["seconds"])
        rows[n] = (floor, batch)
        print(f"workers={n}: batch {batch['seconds']:.1f} s ({batch['files']:.0f} files, "
              f"{batch['files'] / batch['seconds']:.1f} resumes/s, {batch['failed']:.0f} failed), "
              f"floor {floor['seconds']:.1f} s, ratio {batch['seconds'] / floor['seconds']:.2f}, "
              f"peak memory per worker {batch['rss_mb']:.0f} MB (floor {floor['rss_mb']:.0f} MB); "
              f"CPU {batch['cpu']:.1f} s vs floor {floor['cpu']:.1f} s", flush=True)
    if 1 in rows:
        pipe = min((measure("pipeline", 1, posting) for _ in range(args.repeat)),
                   key=lambda r: r["seconds"])
        print(f"pipeline alone (same stages in a plain loop, 1 process): {pipe['seconds']:.1f} s, "
              f"CPU {pipe['cpu']:.1f} s; batch with 1 worker / pipeline: wall "
              f"{rows[1][1]['seconds'] / pipe['seconds']:.2f}, CPU "
              f"{rows[1][1]['cpu'] / pipe['cpu']:.2f} (batch's own overhead); pipeline / floor: "
              f"wall {pipe['seconds'] / rows[1][0]['seconds']:.2f}, "
              f"CPU {pipe['cpu'] / rows[1][0]['cpu']:.2f}", flush=True)
    if 1 in rows and 2 in rows:
        speedup = rows[1][1]["seconds"] / rows[2][1]["seconds"]
        floor_speedup = rows[1][0]["seconds"] / rows[2][0]["seconds"]
        print(f"speed-up 1 -> 2 workers: batch {speedup:.2f}x (target >= 1.7x), "
              f"floor {floor_speedup:.2f}x")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"posting: {Path(posting).name if posting else 'none (role inferred)'}; "
          f"files: {CORPUS.relative_to(ROOT)}")
    return 0


def subset(count: int, seed: int) -> Path:
    """The first ``count`` students of the class of 2,000, hard-linked into their own folder."""
    sys.path.insert(0, str(ROOT / "bench"))
    import make_class

    whole = make_class.ensure(2000, seed)
    folder = whole.parent / f"{whole.name}-first{count}"
    files = sorted(p for p in whole.iterdir() if p.is_file())[:count]
    if folder.is_dir() and sorted(p.name for p in folder.iterdir()) == [p.name for p in files]:
        return folder
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for p in files:
        os.link(p, folder / p.name)
    return folder


def scale(args: argparse.Namespace, posting: str | None) -> int:
    """Issue 14: what grows with the number of files, and throughput at 2,000."""
    sizes = [int(n) for n in args.sizes.split(",")]
    counts = [int(w) for w in args.workers.split(",")]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs", flush=True)
    print("| files | workers | run | wall s | CPU s (all) | parent CPU s | files/s | "
          "parent peak MB | worker peak MB | floor wall s | floor CPU s | wall / floor | "
          "CPU / floor |", flush=True)
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    for size in sizes:
        corpus = subset(size, args.seed)
        for n in counts:
            floor = {"seconds": math.nan, "cpu": math.nan} if args.no_floor else min(
                (measure("floor", n, posting, corpus) for _ in range(args.repeat)),
                key=lambda r: r["seconds"])
            for mode in args.modes.split(","):
                b = min((measure("batch", n, posting, corpus, mode) for _ in range(args.repeat)),
                        key=lambda r: r["seconds"])
                done = b["files"] if mode != "rerun" else b["reused"]
                ratio = (f"{b['seconds'] / floor['seconds']:.2f} | {b['cpu'] / floor['cpu']:.2f}"
                         if mode != "rerun" else "– | –")
                print(f"| {size} | {n} | {mode} | {b['seconds']:.1f} | {b['cpu']:.1f} | "
                      f"{b['parent_cpu']:.1f} | {done / b['seconds']:.1f} | "
                      f"{b['parent_rss_mb']:.0f} | {b['rss_mb']:.0f} | {floor['seconds']:.1f} | "
                      f"{floor['cpu']:.1f} | {ratio} |", flush=True)
                if b["rows"] != size or (mode != "rerun" and b["files"] != size):
                    print(f"  (rows {b['rows']:.0f}, checked {b['files']:.0f}, "
                          f"failed {b['failed']:.0f})", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
