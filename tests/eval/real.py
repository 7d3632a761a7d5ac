"""The public real-world corpus (../shared/corpus): every file through ``check``, snapshots, counts.

Used by ``python -m tests.eval --real`` and by tests/test_corpus_real.py. Files are read where
they are (never copied into the repository). Snapshots (tests/snapshots/<dir>__<file>.json) hold
``report_to_dict`` minus paths and the tool version. To keep them small enough for git, each
keyword keeps its scoring and matching fields (not the list data: term, category, weight,
posting sentences), only the formula line of ``score_explanation`` is kept (the rest restates
the keywords) and the derived ``to_consider`` list is left out; every behaviour change of the
read, structure, match and analyze stages still shows in review.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .evaluate import real_corpus
from .generator import TODAY

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"
UPDATE_ENV = "RESUME_TOOL_UPDATE_SNAPSHOTS"
# Files the corpus documents as unreadable (MANIFEST kind edge_case_file), and what they must give.
BAD_FILES = {
    "edge-password-protected.pdf": "password-protected",
    "edge-corrupt-not-a-pdf.pdf": "not a valid",
}
_KEEP_MISSING = ("id", "target", "required", "points", "max_points")
_KEEP_FOUND = (*_KEEP_MISSING, "resume_count", "resume_forms", "sections", "satisfied_by",
               "has_acronym", "has_long_form")


@dataclass
class Row:
    """One real file's outcome."""

    rel: str  # "files/x.pdf" or "resumes_text/x.txt"
    ok: bool
    error: str = ""
    email: bool = False
    phone: bool = False
    entries: int = 0
    keywords: int = 0
    findings: int = 0
    score: int | None = None
    snapshot: dict[str, Any] | None = None


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for d in ("files", "resumes_text") for p in (corpus / d).iterdir() if p.is_file())


def manifest(corpus: Path) -> dict[str, dict[str, str]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return {r["local_path"]: r for r in csv.DictReader(fh, delimiter="\t")}


def _strip_paths(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip_paths(v) for k, v in obj.items() if k not in ("path", "tool_version")}
    if isinstance(obj, list):
        return [_strip_paths(v) for v in obj]
    return obj


def snapshot_of(report: Any) -> dict[str, Any]:
    """The report's JSON without paths or tool version, with missing keywords reduced."""
    from resume_tool.render import report_to_dict

    data = _strip_paths(report_to_dict(report))
    data.pop("to_consider", None)
    data["score_explanation"] = data.get("score_explanation", [])[:1]  # the rest restates keywords
    data["keywords"] = [
        {f: k.get(f) for f in (_KEEP_FOUND if k.get("in_resume") else _KEEP_MISSING)}
        for k in data.get("keywords", [])
    ]
    return data


def snapshot_path(rel: str) -> Path:
    return SNAPSHOTS / (rel.replace("/", "__") + ".json")


def check_one(path: Path, corpus: Path) -> Row:
    """``check`` one real file (no posting, role inferred, fixed day) and summarize it."""
    from resume_tool import check
    from resume_tool.errors import ResumeToolError

    rel = path.relative_to(corpus).as_posix()
    try:
        report = check(path, today=TODAY)
    except ResumeToolError as err:
        return Row(rel, ok=False, error=str(err))
    r = report.resume
    found = [k for k in report.keywords if k.resume_count > 0]
    return Row(
        rel, ok=True, email=r.contact.email is not None, phone=r.contact.phone is not None,
        entries=len(r.experience), keywords=len(found), findings=len(report.findings),
        score=report.score, snapshot=snapshot_of(report),
    )


def run_real(corpus: Path | None = None) -> list[Row] | None:
    corpus = corpus or real_corpus()
    if corpus is None:
        return None
    return [check_one(p, corpus) for p in corpus_files(corpus)]


def write_snapshot(row: Row) -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    body = row.snapshot if row.ok else {"error": row.error.split(": ", 1)[-1]}
    snapshot_path(row.rel).write_text(json.dumps(body, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                      encoding="utf-8")


def updating() -> bool:
    return os.environ.get(UPDATE_ENV, "") not in ("", "0")


def counts(rows: list[Row]) -> dict[str, int]:
    readable = [r for r in rows if r.ok]
    return {
        "files": len(rows),
        "readable": len(readable),
        "clean errors": sum(1 for r in rows if not r.ok),
        "with email": sum(r.email for r in readable),
        "with phone": sum(r.phone for r in readable),
        "with experience entries": sum(1 for r in readable if r.entries),
        "with keywords found": sum(1 for r in readable if r.keywords),
        "experience entries (total)": sum(r.entries for r in readable),
        "keywords found (total, distinct per file)": sum(r.keywords for r in readable),
    }


def format_counts(rows: list[Row]) -> str:
    lines = [f"{k:<44} {v:>5}" for k, v in counts(rows).items()]
    for group in ("files/", "resumes_text/"):
        sub = [r for r in rows if r.rel.startswith(group)]
        c = counts(sub)
        lines.append(f"\n{group} {c['files']} files: {c['readable']} readable, {c['clean errors']} clean errors; "
                     f"email {c['with email']}, phone {c['with phone']}, experience {c['with experience entries']}, "
                     f"keywords {c['with keywords found']}")
    lines.append("\nfile                                                        email phone entries keywords score")
    for r in rows:
        if r.ok:
            lines.append(f"{r.rel:<60} {'y' if r.email else '-':>5} {'y' if r.phone else '-':>5} "
                         f"{r.entries:>7} {r.keywords:>8} {r.score:>5}")
        else:
            lines.append(f"{r.rel:<60} error: {r.error.split(': ', 1)[-1][:70]}")
    return "\n".join(lines)
