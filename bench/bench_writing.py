"""The writing stage's added time per resume, as a ratio to the warm library ``check``.

    python bench/bench_writing.py [--runs 5] [--files 40]

For each real resume of ../shared/corpus (files/ and resumes_text/) and examples/resume.pdf:
time ``check(path)`` warm (what the tool does today, without the writing stage) and
``review_writing(parse(path))``'s stage part alone (the resume is already structured inside
``check``, so only ``review_writing`` is added), interleaved run by run so machine load hits
both alike; report per file the medians and ``(check + writing) / check``. Also times the
one-off cost a fresh process pays on the first review (the spelling dictionary, about 0.5 s).
Target (issue 13): median ratio <= 1.2.
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


def corpus_files(limit: int) -> list[Path]:
    files = [ROOT / "examples" / "resume.pdf"]
    if CORPUS.is_dir():
        files += sorted((CORPUS / "resumes_text").glob("*.txt"))
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
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=200)
    args = ap.parse_args()

    from resume_tool import check
    from resume_tool.api import parse
    from resume_tool.errors import ResumeToolError
    from resume_tool.writing import review_writing

    rows = []
    for path in corpus_files(args.files):
        try:
            check(path)
            resume = parse(path)
        except ResumeToolError:
            continue  # corrupt, encrypted or image-only samples: nothing to time
        review_writing(resume)
        base, extra = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            check(path)
            base.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            review_writing(resume)
            extra.append(time.perf_counter() - t0)
        b, w = statistics.median(base), statistics.median(extra)
        rows.append((path.name, b, w, (b + w) / b, len(resume.experience)))
    print(f"{'file':<58}{'check ms':>10}{'writing ms':>12}{'ratio':>7}")
    for name, b, w, r, _ in rows:
        print(f"{name[:57]:<58}{b * 1000:>10.1f}{w * 1000:>12.2f}{r:>7.2f}")
    ratios = [r for *_, r, _ in rows]
    print(f"\n{len(rows)} files, {args.runs} interleaved runs each")
    print(f"writing stage: median {statistics.median([w for _, _, w, _, _ in rows]) * 1000:.2f} ms, "
          f"max {max(w for _, _, w, _, _ in rows) * 1000:.2f} ms per resume")
    print(f"ratio (check + writing) / check: median {statistics.median(ratios):.3f}, "
          f"p90 {sorted(ratios)[int(0.9 * (len(ratios) - 1))]:.3f}, max {max(ratios):.3f}")
    print(f"first review in a fresh process costs {first_review_cost() * 1000:.0f} ms more "
          "(spelling dictionary and word lists, once per process)")


if __name__ == "__main__":
    main()
