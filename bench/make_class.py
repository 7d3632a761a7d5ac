"""Generate a class of N fictional resumes (default 2,000) from the evaluation generator.

    python bench/make_class.py [--count 2000] [--seed 14] [--out /tmp/resume-class-2000]

Each student is one of the 44 labelled evaluation specs (``tests/eval/specs.py``), picked by
a seeded random draw, with a person of their own (name, e-mail, phone), rendered by the
evaluation generator in the spec's own output: Word-like DOCX (one column, contact in the
page header, a two-column table, a text box), PDFs exported from DOCX by LibreOffice, PDFs
drawn by reportlab (one column, right-hand column, left sidebar), a picture-only "scanned"
PDF, and plain text. So the class has the generator's mix of formats and hard cases, and
every file hashes differently. The same seed gives the same students and the same text
(DOCX and PDF bytes can differ between runs in their embedded timestamps).

The folder goes outside the repository (the system temp folder by default); a folder that
already holds a finished class of the same count and seed is reused. Without LibreOffice,
the "lo-pdf" students are drawn by reportlab instead (``--no-libreoffice`` does the same).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.eval import generator  # noqa: E402 - after the path set-up above
from tests.eval.specs import RESUMES  # noqa: E402

FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jonah",
         "Keisha", "Luis", "Mei", "Nora", "Omar", "Paige", "Quinn", "Rosa", "Sam", "Tariq",
         "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe"]
LAST = ["Alvarez", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
        "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Patel", "Quispe",
        "Rahman", "Santos", "Tran", "Underwood", "Vargas", "Whitfield", "Yilmaz", "Zhang"]


def default_out(count: int, seed: int) -> Path:
    return Path(tempfile.gettempdir()) / f"resume-class-{count}-s{seed}"


def marker(out: Path) -> Path:
    """``<out>.json`` beside the folder, written last: the class is complete and what it holds
    (beside, not inside, so that batch sees only resumes)."""
    return out.parent / f"{out.name}.json"


def students(count: int, seed: int) -> list:  # type: ignore[type-arg]
    """The class: (file name, spec) per student, deterministic for a seed."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        base = rng.choice(RESUMES)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        person = replace(base.person, name=f"{first} {last}",
                         email=f"{first.lower()}.{last.lower()}{i}@example.com",
                         phone=f"({rng.randint(201, 989)}) 555-{rng.randint(100, 199):04d}",
                         linkedin=None if base.person.linkedin is None
                         else f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}")
        out.append(replace(base, slug=f"student-{i:04d}-{base.slug}", person=person))
    return out


def build(out: Path, count: int, seed: int, libreoffice: bool = True) -> dict:  # type: ignore[type-arg]
    """Write the class into ``out`` (emptied first); returns what it holds."""
    started = time.monotonic()
    marker(out).unlink(missing_ok=True)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    lo = libreoffice and generator.libreoffice() is not None
    specs = students(count, seed)
    with tempfile.TemporaryDirectory(prefix="resume-class-") as tmp:
        work = Path(tmp)
        lo_sources: list[Path] = []
        for spec in specs:
            docx = generator.write_spec(spec, out / spec.filename, work, libreoffice_pdf=lo)
            if docx is not None:
                lo_sources.append(docx)
        for start in range(0, len(lo_sources), 200):  # one LibreOffice start per 200 files
            generator.convert_with_libreoffice(lo_sources[start:start + 200], out, work)
    files = sorted(p for p in out.iterdir() if p.is_file())
    info = {
        "count": count, "seed": seed, "files": len(files),
        "outputs": dict(sorted(Counter(s.output if lo or s.output != "lo-pdf" else "pdf"
                                       for s in specs).items())),
        "suffixes": dict(sorted(Counter(p.suffix for p in files).items())),
        "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "seconds": round(time.monotonic() - started, 1),
    }
    marker(out).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info


def ensure(count: int = 2000, seed: int = 14, out: Path | None = None, libreoffice: bool = True) -> Path:
    """The class folder, built unless a finished one of the same count and seed is there."""
    out = out or default_out(count, seed)
    try:
        info = json.loads(marker(out).read_text(encoding="utf-8"))
        if info.get("count") == count and info.get("seed") == seed:
            return out
    except (OSError, ValueError):
        pass
    build(out, count, seed, libreoffice)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=None, help="default: <tmp>/resume-class-N-sSEED")
    parser.add_argument("--no-libreoffice", action="store_true",
                        help="draw the LibreOffice-exported PDFs with reportlab instead")
    args = parser.parse_args(argv)
    out = args.out or default_out(args.count, args.seed)
    if out.resolve() == ROOT or ROOT in out.resolve().parents:
        parser.error("write the class outside the repository (e.g. the default temp folder)")
    info = build(out, args.count, args.seed, libreoffice=not args.no_libreoffice)
    print(f"wrote {info['files']} resumes ({info['megabytes']} MB) to {out} in {info['seconds']} s: "
          f"{info['suffixes']}; {info['outputs']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
