"""``batch --postings DIR``: every student against every posting of a folder.

An advisor with a folder of saved postings wants, per student, the posting that fits best and,
for the class, a student × posting table of scores (``matrix.csv``). Design choices:

- **The same score as ``check --posting X``.** Each posting is read and analysed once per
  worker (``load_postings``, the same ``api.load_posting`` that ``check`` uses), and each
  student's parsed resume is scored against it with the same ``analyze`` call ``check``
  makes; only the writing review, which reads the resume alone, is done once per student and
  shared by the postings' reports instead of being redone for each.
- **The per-student report is unchanged.** ``reports/<name>.html`` stays the report against
  ``--posting`` (or the role, without one), so every student's report and every
  ``summary.csv`` column mean the same thing across the class; the ranking of the postings
  for that student is beside it, ``rankings/<name>.html`` (``render.multi``; a folder of its
  own, since any suffix on a report's name could be another student's name).
- **A posting that cannot be read stops the run** (exit code 2, one line naming the file),
  before any student is checked: a matrix with a column silently missing would be read as
  complete. The fix is to repair the file or move it out of the folder.

Row keys: ``fit`` (posting file name -> score, or None when that posting is not scored for
this resume), ``best_posting`` (file name, "" when none is scored) and ``best_posting_score``.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError, ResumeToolError
from ..models import MultiReport, Posting, PostingFit, Report, Vocabulary
from .outputs import csv_bytes, csv_cell, sort_key, write_atomic

MATRIX = "matrix.csv"
FIX_FOLDER = "Fix the file, or move it out of the postings folder, and run again"


def posting_paths(folder: Path | str) -> list[Path]:
    """The posting files directly in ``folder`` (as ``check --postings`` reads them), sorted by
    name; a folder with none is a usage error."""
    from ..keywords.learn import posting_files

    return [p.resolve() for p in posting_files(folder)]


def digests(paths: Iterable[str | Path]) -> list[dict[str, str]]:
    """[{"name", "sha256"}] of each posting, for the settings key: an edited, added or removed
    posting makes every student's fits stale. Each posting's text is read first (size- and
    time-bounded, as ``check`` reads it), so one that cannot be used stops the run here, in a
    second, before any worker starts."""
    from ..keywords.posting import check_posting_length, read_posting
    from ..limits import file_time_limit

    out = []
    for p in paths:
        path = Path(p)
        try:
            with file_time_limit(str(path)):
                text = read_posting(str(path))
            check_posting_length(text, str(path))
            h = hashlib.sha256()
            with path.open("rb") as fh:  # in chunks: read_posting has refused oversized files
                for chunk in iter(lambda: fh.read(1 << 16), b""):
                    h.update(chunk)
            sha = h.hexdigest()
        except ResumeToolError as err:
            raise _unusable(path, err.problem) from err
        except OSError as err:
            raise _unusable(path, f"cannot read it: {err.strerror or err}") from err
        if not text.strip():
            raise _unusable(path, "the file is empty")
        out.append({"name": path.name, "sha256": sha})
    return out


def _unusable(path: Path, problem: str) -> InputError:
    return InputError(str(path), f"this posting cannot be used ({problem})", FIX_FOLDER)


def load_postings(paths: Iterable[str | Path], lists: list[str] | None) -> list[tuple[str, Posting]]:
    """Read and analyse every posting once (in each worker): [(file name, Posting)]."""
    from ..api import load_posting

    loaded = []
    for p in paths:
        try:
            loaded.append((Path(p).name, load_posting(p, lists=lists)))  # type: ignore[arg-type]
        except ResumeToolError as err:
            raise _unusable(Path(p), err.problem) from err
    return loaded


def fit_postings(report: Report, postings: list[tuple[str, Posting]], vocab: Vocabulary,
                 matcher: Any, role: str | None) -> MultiReport:
    """The student's resume (already parsed for ``report``) against every posting, ranked as
    ``check_many`` ranks them."""
    from ..analyze import analyze
    from ..analyze.subscores import sub_scores
    from ..api import rank_fits

    resume = report.resume
    writing = getattr(report, "writing", None)
    fits = []
    for name, posting in postings:
        r = analyze(resume, vocab, matcher, posting=posting, role=role)
        r.writing = writing  # what api.with_writing adds: it reads the resume alone
        r.sub_scores = sub_scores(r)
        fits.append(PostingFit(name=name, report=r))
    return rank_fits(resume, fits, role)


def fit_row(multi: MultiReport) -> dict[str, Any]:
    """The row keys: every posting's score (None when not scored) and the best one. Ties go to
    the first file name. A resume with no readable text, or one that scores 0 everywhere, has
    no best posting: a "best" among zeros would be the first file name, not a fit."""
    fit = {f.name: (f.report.score if f.scored else None) for f in multi.fits}
    fit = dict(sorted(fit.items(), key=lambda kv: sort_key(kv[0])))
    scored = [(name, s) for name, s in fit.items() if s is not None]
    best: tuple[str, int | None] = max(scored, key=lambda kv: kv[1], default=("", None))
    if not best[1] or any(f.code == "no-text" for fit in multi.fits[:1] for f in fit.report.findings):
        best = ("", None)
    return {"fit": fit, "best_posting": best[0], "best_posting_score": best[1]}


def write_fits(report: Report, postings: list[tuple[str, Posting]], vocab: Vocabulary,
               matcher: Any, role: str | None, outdir: Path, name: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Score one student against every posting; write ``rankings/<name>.html``.
    Returns (row keys, outputs)."""
    from ..render.multi import render_multi

    multi = fit_postings(report, postings, vocab, matcher, role)
    rel = f"rankings/{name}.html"
    (outdir / "rankings").mkdir(exist_ok=True)
    write_atomic(outdir / rel, render_multi(multi, "html"))
    return fit_row(multi), {"postings_html": rel}


def matrix_csv(rows: Iterable[dict[str, Any]], names: list[str], *, excel: bool = False) -> bytes:
    """``matrix.csv``: one row per input file, one column per posting (the score; empty when
    that posting is not scored for the resume or the file could not be checked), then the best
    posting and its score. Cells are made safe as in summary.csv (``csv_cell``)."""
    header = [csv_cell(c) for c in ("file", "name", *names, "best_posting", "best_posting_score")]

    def cells(row: dict[str, Any]) -> list[str]:
        fit = row.get("fit") or {}
        return [csv_cell(row["file"]), csv_cell(row.get("student")),
                *(csv_cell(fit.get(n)) for n in names),
                csv_cell(row.get("best_posting") or None), csv_cell(row.get("best_posting_score"))]

    ordered = sorted(rows, key=lambda r: sort_key(r["file"]))
    return csv_bytes(header, (cells(row) for row in ordered), excel=excel)


def write_matrix(outdir: Path, rows: Iterable[dict[str, Any]], postings: Iterable[str],
                 *, excel: bool = False) -> None:
    """``matrix.csv`` for a run with ``--postings``; without, a matrix left by an earlier run
    is removed, since it no longer matches the reports beside it."""
    names = sorted((Path(p).name for p in postings), key=sort_key)
    if not names:
        with contextlib.suppress(FileNotFoundError):
            (outdir / MATRIX).unlink()
        return
    write_atomic(outdir / MATRIX, matrix_csv(rows, names, excel=excel))

