"""Generate the batch benchmark corpus: 200 fictional resumes, half DOCX, half two-page PDF.

Run from the repository root: ``python bench/make_corpus.py [--count 200] [--out bench/out/corpus]``.
The resumes come from the test fixture builders (tests/fixtures/builders.py), so they look
like what a career office exports: the four DOCX layouts and the two PDF layouts, each
person with a different name, e-mail and history (so every file hashes differently). The
PDFs carry enough jobs to run onto a second page. bench/out/ is gitignored.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.builders import (  # noqa: E402 - after the path set-up above
    DATE_FORMS,
    DOCX_LAYOUTS,
    PDF_LAYOUTS,
    Job,
    ResumeSpec,
    build_docx,
    build_pdf,
    sample_spec,
)

FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jonah",
         "Keisha", "Luis", "Mei", "Nora", "Omar", "Paige", "Quinn", "Rosa", "Sam", "Tariq"]
LAST = ["Alvarez", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
        "Jensen"]
EMPLOYERS = ["Mercy Regional Hospital", "Northside Family Clinic", "Summit Orthopedics",
             "Valley Cardiology Group", "Harbor Pediatrics", "Prairie Health System",
             "Cedar Oncology Partners", "Bayview Urgent Care"]
TITLES = ["Medical Coder", "Coding Specialist", "Billing and Coding Specialist",
          "Outpatient Coder", "Revenue Cycle Analyst", "HIM Technician", "Inpatient Coder"]
BULLETS = [
    "Assigned ICD-10-CM and CPT codes for {n}+ outpatient encounters per day",
    "Abstracted inpatient records and assigned ICD-10-PCS codes and MS-DRGs",
    "Reviewed E/M levels and queried providers on documentation gaps",
    "Worked claim denials and AR follow-up, appealing underpaid claims",
    "Applied NCCI edits and modifiers 25, 59 and XS before claim submission",
    "Audited {n} charts a month for HCC risk adjustment accuracy",
    "Kept PHI secure under HIPAA and trained {k} new coders",
    "Used Epic and a 3M encoder to code surgical and ancillary services",
]


def person(i: int) -> ResumeSpec:
    """The i-th fictional student: a rotated sample spec with its own name and history."""
    rng = random.Random(i)
    base = sample_spec(i)
    first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
    jobs = [
        Job(
            rng.choice(TITLES),
            rng.choice(EMPLOYERS),
            base.location,
            DATE_FORMS[(i + j) % len(DATE_FORMS)],
            [b.format(n=rng.randint(20, 140), k=rng.randint(2, 6))
             for b in rng.sample(BULLETS, 4)],
        )
        for j in range(5)
    ]
    return replace(
        base,
        name=f"{first} {last}",
        email=f"{first.lower()}.{last.lower()}{i}@example.com",
        jobs=base.jobs + jobs,  # 8 jobs: two pages as a PDF
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "corpus")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("student-*"):
        old.unlink()
    for i in range(args.count):
        spec = person(i)
        if i % 2 == 0:
            build_docx(spec, args.out / f"student-{i:03d}.docx", DOCX_LAYOUTS[(i // 2) % len(DOCX_LAYOUTS)])
        else:
            build_pdf(spec, args.out / f"student-{i:03d}.pdf", PDF_LAYOUTS[(i // 2) % len(PDF_LAYOUTS)])
    pdfs = sorted(args.out.glob("*.pdf"))
    pages = _pages(pdfs[0]) if pdfs else 0
    print(f"wrote {args.count} resumes to {args.out} (first PDF: {pages} pages)")
    return 0


def _pages(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as fh:
        return sum(1 for _ in PDFPage.get_pages(fh))


if __name__ == "__main__":
    raise SystemExit(main())
