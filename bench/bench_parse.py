"""Time the read stage on the real-world corpus against the floor and other extractors.

Run by hand::

    python bench/bench_parse.py            # print the table
    python bench/bench_parse.py --write    # also refresh "## Parsing (read stage)" in bench/README.md

For every PDF and DOCX in ../shared/corpus/files it measures (median of --runs):

* ``read``   resume_tool.read.read_document (layout, columns, observations);
* ``floor``  the least any reader pays: pdfminer.high_level.extract_text for PDFs,
             python-docx paragraphs + table cell text for DOCX;
* ``ratio``  read / floor;
* ``peak``   tracemalloc peak of one read_document call;
* ``pdfium`` pypdfium2 text of every page and ``pdftotext`` (poppler), for reference;
* ``+struct`` read + resume_tool.structure.structure when that stage is importable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import shutil
import statistics
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resume_tool.errors import InputError
from resume_tool.read import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "files"
README = ROOT / "bench" / "README.md"
HEADING = "## Parsing (read stage)"

logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def timed(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def floor_pdf(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def floor_docx(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def pdfium(path: Path) -> str:
    import pypdfium2 as pdfium_mod

    pdf = pdfium_mod.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout


def structure_fn() -> Callable[[Any], Any] | None:
    try:
        from resume_tool.structure import structure
    except Exception:
        return None
    return structure


def peak_mb(path: Path) -> float:
    tracemalloc.start()
    try:
        read_document(path)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / 1e6


def measure(runs: int) -> tuple[list[dict[str, Any]], list[str]]:
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    struct = structure_fn()
    has_pdftotext = shutil.which("pdftotext") is not None
    for path in sorted(CORPUS.glob("*")):
        if path.suffix not in (".pdf", ".docx"):
            continue
        try:
            doc = read_document(path)
        except InputError as err:
            skipped.append(f"{path.name}: {err.problem}")
            continue
        row: dict[str, Any] = {"file": path.name, "kind": path.suffix[1:], "pages": doc.pages}
        row["read"] = timed(lambda p=path: read_document(p), runs)
        row["floor"] = timed(
            lambda p=path: (floor_pdf if p.suffix == ".pdf" else floor_docx)(p), runs
        )
        row["ratio"] = row["read"] / row["floor"] if row["floor"] else float("nan")
        row["peak"] = peak_mb(path)
        if path.suffix == ".pdf":
            try:
                row["pdfium"] = timed(lambda p=path: pdfium(p), runs)
            except Exception:
                row["pdfium"] = None
            row["pdftotext"] = timed(lambda p=path: pdftotext(p), runs) if has_pdftotext else None
        if struct is not None:
            try:
                row["struct"] = timed(lambda p=path: struct(read_document(p)), runs)
            except Exception as err:  # another engineer's stage; report, do not crash
                row["struct"] = None
                skipped.append(f"{path.name}: structure failed ({type(err).__name__})")
        rows.append(row)
    return rows, skipped


def fmt(v: Any, digits: int = 0) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def render(rows: list[dict[str, Any]], skipped: list[str], runs: int) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    out = [
        HEADING,
        "",
        f"Measured {dt.date.today().isoformat()} on {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"median of {runs} runs per file, times in ms, run by hand with `python bench/bench_parse.py --write`.",
        "`floor` is pdfminer `extract_text` (PDF) or python-docx paragraphs + table cells (DOCX): "
        "what any reader built on those libraries pays. `peak` is the tracemalloc peak of one "
        "`read_document`. `pdfium` (pypdfium2) and `pdftotext` (poppler) are for reference only. "
        "Single-file times move by about ±30% between runs on a shared 2-core machine; compare "
        "ratios and medians, not single cells.",
        "",
    ]
    for kind in ("pdf", "docx"):
        sel = [r for r in rows if r["kind"] == kind]
        if not sel:
            continue
        med = {
            k: statistics.median([r[k] for r in sel if r.get(k) is not None] or [0])
            for k in ("read", "floor", "ratio", "peak")
        }
        pages = sum(r["pages"] for r in sel)
        out.append(
            f"- **{kind.upper()}** ({len(sel)} files, {pages} pages): median read {med['read']:.0f} ms, "
            f"floor {med['floor']:.0f} ms, ratio {med['ratio']:.2f}, peak {med['peak']:.1f} MB; "
            f"worst read {max(r['read'] for r in sel):.0f} ms "
            f"({max(sel, key=lambda r: r['read'])['file']}); "
            f"read per page {sum(r['read'] for r in sel) / max(pages, 1):.0f} ms."
        )
    has_struct = any(r.get("struct") is not None for r in rows)
    out += [
        "",
        "| file | pages | read | floor | ratio | peak MB | pdfium | pdftotext |"
        + (" read+structure |" if has_struct else ""),
    ]
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if has_struct else ""))
    for r in rows:
        cells = [
            r["file"],
            fmt(r["pages"]),
            fmt(r["read"]),
            fmt(r["floor"]),
            fmt(r["ratio"], 2),
            fmt(r["peak"], 1),
            fmt(r.get("pdfium"), 1),
            fmt(r.get("pdftotext")),
        ]
        if has_struct:
            cells.append(fmt(r.get("struct")))
        out.append("| " + " | ".join(cells) + " |")
    if skipped:
        out += ["", "Not timed (documented input errors): " + "; ".join(skipped) + "."]
    return "\n".join(out) + "\n"


def write_section(section: str) -> None:
    """Replace (or append) our section of bench/README.md, leaving the others alone."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + ("" if nxt < 0 else "\n" + text[nxt + 1 :])
    README.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="update bench/README.md")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"corpus not found at {CORPUS}")
    rows, skipped = measure(args.runs)
    section = render(rows, skipped, args.runs)
    print(section)
    if args.write:
        write_section(section)


if __name__ == "__main__":
    main()
