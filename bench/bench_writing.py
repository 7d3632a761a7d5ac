"""The writing stage's added time per resume, as a ratio to ``check`` without the stage.

    python bench/bench_writing.py [--runs 7] [--files 200] [--text-only] [--cpu]

``check`` runs the writing stage itself (api.with_writing), so the base is ``check`` without
it: parse + engine + analyze, exactly what ``check`` does before ``with_writing``. For each
real resume of ../shared/corpus (files/ and resumes_text/) and examples/resume.pdf, time the
base and the full warm library ``check(path)`` interleaved run by run (so machine load hits
both alike) and report per file the medians and full / base; the stage alone
(``review_writing(resume, vocab)``) is timed too. Also times the one-off cost a fresh process
pays on the first review (the spelling dictionary). ``--cpu`` times process CPU time instead of
wall time: steadier when other jobs load the machine. Target (issue 13): ratio <= 1.2.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def corpus_files(limit: int, text_only: bool = False) -> list[Path]:
    files = [] if text_only else [ROOT / "examples" / "resume.pdf"]
    if CORPUS.is_dir():
        files += sorted((CORPUS / "resumes_text").glob("*.txt"))
        if not text_only:
            files += sorted(p for p in (CORPUS / "files").iterdir() if p.suffix in (".pdf", ".docx"))
    return files[:limit]


def first_review_cost() -> float:
    """Seconds the first review_writing of a fresh process takes beyond a warm one."""
    code = (
        f"import time, sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from resume_tool.api import parse, engine\n"
        "from resume_tool.writing import review_writing\n"
        f"engine(); r = parse({str(ROOT / 'examples' / 'resume.pdf')!r})\n"
        "t = time.perf_counter(); review_writing(r); a = time.perf_counter() - t\n"
        "t = time.perf_counter(); review_writing(r); b = time.perf_counter() - t\n"
        "print(a - b)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--text-only", action="store_true", help="only the plain-text resumes")
    ap.add_argument("--cpu", action="store_true", help="process CPU time instead of wall time")
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter

    from resume_tool import check
    from resume_tool.analyze import analyze
    from resume_tool.api import engine, parse
    from resume_tool.errors import ResumeToolError
    from resume_tool.writing import review_writing

    def base_check(path: Path):
        """``check`` up to, not including, the writing stage (see api._report)."""
        resume = parse(path)
        vocab, matcher = engine(None)
        return analyze(resume, vocab, matcher, posting=None, role=None, today=None)

    vocab, _ = engine(None)
    rows = []
    for path in corpus_files(args.files, args.text_only):
        try:
            check(path)
            resume = parse(path)
        except ResumeToolError:
            continue  # corrupt, encrypted or image-only samples: nothing to time
        base_check(path)
        review_writing(resume, vocab)
        base, full, stage = [], [], []
        for _ in range(args.runs):
            t0 = clock()
            base_check(path)
            base.append(clock() - t0)
            t0 = clock()
            check(path)
            full.append(clock() - t0)
            t0 = clock()
            review_writing(resume, vocab)
            stage.append(clock() - t0)
        b, f, w = statistics.median(base), statistics.median(full), statistics.median(stage)
        rows.append((path.name, b, f, w, f / b))
    print(f"{'file':<58}{'base ms':>9}{'check ms':>10}{'stage ms':>10}{'ratio':>7}")
    for name, b, f, w, r in rows:
        print(f"{name[:57]:<58}{b * 1000:>9.1f}{f * 1000:>10.1f}{w * 1000:>10.2f}{r:>7.2f}")
    ratios = [r for *_, r in rows]
    print(f"\n{len(rows)} files, {args.runs} interleaved runs each, {'CPU' if args.cpu else 'wall'} time")
    print(f"writing stage alone: median {statistics.median([w for *_, w, _ in rows]) * 1000:.2f} ms, "
          f"max {max(w for *_, w, _ in rows) * 1000:.2f} ms per resume")
    print(f"ratio check / check-without-writing: median {statistics.median(ratios):.3f}, "
          f"p90 {sorted(ratios)[int(0.9 * (len(ratios) - 1))]:.3f}, max {max(ratios):.3f}")
    est = [(b + w) / b for _, b, _, w, _ in rows]
    print(f"ratio (base + stage alone) / base: median {statistics.median(est):.3f}, max {max(est):.3f}")
    print(f"first review in a fresh process costs {first_review_cost() * 1000:.0f} ms more "
          "(spelling dictionary and word lists, once per process)")


if __name__ == "__main__":
    main()
