"""`check` end to end: process start to exit, and time inside the library once warm.

    python bench/bench_check.py [--runs 7]

Targets (issue 4): a two-page PDF against a posting from process start to exit under 2 s
median on a 2-core machine; under 100 ms per resume inside the library once the pipeline
is built. The floor is the raw text extraction of the same file (pdfminer extract_text).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESUME = ROOT / "examples" / "resume.pdf"
POSTING = ROOT / "examples" / "posting.txt"


def cli_runs(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "resume_tool", "check", str(RESUME), "--posting", str(POSTING),
             "--format", "json"],
            check=True, capture_output=True,
        )
        times.append(time.perf_counter() - t0)
    return times


def library_runs(runs: int) -> tuple[float, list[float], list[float]]:
    from pdfminer.high_level import extract_text

    from resume_tool import check
    from resume_tool.api import engine

    t0 = time.perf_counter()
    engine()
    build = time.perf_counter() - t0
    check(RESUME, posting=POSTING)  # warm caches
    lib, floor = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        check(RESUME, posting=POSTING)
        lib.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        extract_text(str(RESUME))
        floor.append(time.perf_counter() - t0)
    return build, lib, floor


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    cli = cli_runs(args.runs)
    build, lib, floor = library_runs(args.runs)
    med = statistics.median
    print(f"file: {RESUME.name} + {POSTING.name}, {args.runs} runs")
    print(f"cli, process start to exit: median {med(cli):.2f} s (min {min(cli):.2f}, max {max(cli):.2f})")
    print(f"engine build (lists + spaCy pipeline + matchers): {build * 1000:.0f} ms")
    print(f"library check, warm: median {med(lib) * 1000:.1f} ms")
    print(f"floor (pdfminer extract_text): median {med(floor) * 1000:.1f} ms")
    print(f"ratio library / floor: {med(lib) / med(floor):.2f}")


if __name__ == "__main__":
    main()
