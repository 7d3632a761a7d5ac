"""Keyword-matching benchmark: pipeline and matcher build time, match time, memory.

    python bench/bench_match.py            # print the numbers
    python bench/bench_match.py --write    # also rewrite the "## Keyword matching" section of bench/README.md

Build times are measured in fresh processes (``--runs`` of them, median), *after* ``import spacy``
so that spaCy's own import (~0.6-1 s, outside our control) is not counted. Match times are the
median of ``--repeat`` calls on real ~1,000-word resume texts from the shared corpus (a generated
1,000-word resume when the corpus is absent), after one warm-up call.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
README = Path(__file__).resolve().parent / "README.md"
SECTION = "## Keyword matching"

_CHILD = r"""
import json, resource, sys, time
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
rss0 = rss_mb()
from resume_tool.keywords import KeywordMatcher, get_nlp, load_vocabulary
nlp = get_nlp()
t2 = time.perf_counter()
vocab = load_vocabulary()
t3 = time.perf_counter()
matcher = KeywordMatcher(vocab)
t4 = time.perf_counter()
print(json.dumps({
    "import_spacy": t1 - t0, "nlp": t2 - t1, "lists": t3 - t2, "matcher": t4 - t3,
    "rss_after_spacy": rss0, "rss_after_build": rss_mb(),
    "entries": len(vocab.entries), "patterns": len(matcher.patterns),
}))
"""


def build_numbers(runs: int) -> dict[str, float]:
    rows = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, cwd=ROOT
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


def resume_texts() -> list[tuple[str, str]]:
    """Real resume texts of 900-1,300 words, or one generated 1,000-word resume."""
    out = []
    folder = CORPUS / "resumes_text"
    if folder.is_dir():
        for p in sorted(folder.glob("*.txt")):
            text = p.read_text(encoding="utf-8", errors="replace")
            if 900 <= len(text.split()) <= 1300:
                out.append((p.name, text))
    if not out:
        line = (
            "- Assigned ICD-10-CM, CPT and HCPCS Level II codes for E/M visits in Epic Resolute; "
            "worked AR follow-up and denials, Little Rock, AR.\n"
        )
        text = "SKILLS\nCPC, CRC, 3M encoder, Excel\nEXPERIENCE\n" + line * 50
        out.append(("generated", " ".join(text.split(" ")[:1000])))
    return out


def match_numbers(repeat: int) -> dict[str, object]:
    from resume_tool.keywords import KeywordMatcher, analyze_posting, load_vocabulary, read_posting

    matcher = KeywordMatcher(load_vocabulary())
    per_file = {}
    all_times = []
    for name, text in resume_texts():
        matcher.match(text)
        times = []
        for _ in range(repeat):
            a = time.perf_counter()
            matcher.match(text)
            times.append(time.perf_counter() - a)
        per_file[name] = (
            len(text.split()),
            statistics.median(times) * 1000,
            len(matcher.match(text)),
        )
        all_times.extend(times)
    posting_ms = []
    folder = CORPUS / "postings"
    if folder.is_dir():
        for p in sorted(folder.glob("*.txt")):
            text = read_posting(p)
            analyze_posting(text, matcher)
            a = time.perf_counter()
            analyze_posting(text, matcher)
            posting_ms.append((time.perf_counter() - a) * 1000)
    return {
        "per_file": per_file,
        "median_ms": statistics.median(all_times) * 1000,
        "p90_ms": sorted(all_times)[int(0.9 * (len(all_times) - 1))] * 1000,
        "posting_median_ms": statistics.median(posting_ms) if posting_ms else None,
        "postings": len(posting_ms),
    }


def report(build: dict[str, float], match: dict[str, object]) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [
        SECTION,
        "",
        f"Measured {date.today().isoformat()} on {cpu}, {_cores()} cores, Python {platform.python_version()}, "
        f"spaCy {_spacy_version()}; `python bench/bench_match.py --write` (build: median of fresh "
        "processes; match: median of repeated calls after a warm-up). The machine is shared "
        f"(load average {_load():.1f} when measured), so single numbers move by about ±30%.",
        "",
        f"- **Build, beyond `import spacy`** ({build['import_spacy'] * 1000:.0f} ms itself): pipeline "
        f"`get_nlp()` {build['nlp'] * 1000:.0f} ms (blank English + DomainTokenizer + lookup "
        f"lemmatizer), lists `load_vocabulary()` {build['lists'] * 1000:.0f} ms, "
        f"`KeywordMatcher` {build['matcher'] * 1000:.0f} ms "
        f"({int(build['entries'])} entries, {int(build['patterns'])} patterns); total "
        f"{(build['nlp'] + build['lists'] + build['matcher']) * 1000:.0f} ms.",
        f"- **Memory**: resident set {build['rss_after_spacy']:.0f} MB after `import spacy`, "
        f"{build['rss_after_build']:.0f} MB after the build "
        f"(+{build['rss_after_build'] - build['rss_after_spacy']:.0f} MB for pipeline, lists and matcher).",
        f"- **Matching a ~1,000-word resume**: median {match['median_ms']:.1f} ms, p90 "
        f"{match['p90_ms']:.1f} ms (target < 10 ms).",
    ]
    if match["posting_median_ms"] is not None:
        lines.append(
            f"- **Analysing a posting** (parts, boilerplate, matching, unknown terms): median "
            f"{match['posting_median_ms']:.1f} ms over {match['postings']} corpus postings."
        )
    lines += ["", "| resume text | words | match ms | matches |", "|---|---:|---:|---:|"]
    for name, (words, ms, n) in match["per_file"].items():
        lines.append(f"| {name} | {words} | {ms:.1f} | {n} |")
    lines += [
        "",
        "Why it is fast: the rule-based spaCy tokenizer cost ~7 ms per 1,000 words; the regular "
        "expression tokenizer (`resume_tool/keywords/nlp.py`) takes ~1.3 ms, atoms are read from "
        "token offsets without creating spaCy Token objects, and both PhraseMatchers together take "
        "~0.1 ms.",
        "",
    ]
    return "\n".join(lines)


def _load() -> float:
    import os

    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover - not on Linux/macOS
        return 0.0


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def _spacy_version() -> str:
    import spacy

    return spacy.__version__


def write_section(text: str) -> None:
    """Replace (or append) the "## Keyword matching" section of bench/README.md."""
    old = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _: text, old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    README.write_text(new, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="fresh processes for the build numbers")
    ap.add_argument("--repeat", type=int, default=30, help="match calls per resume text")
    ap.add_argument("--write", action="store_true", help="rewrite the section in bench/README.md")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    build = build_numbers(args.runs)
    match = match_numbers(args.repeat)
    text = report(build, match)
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
