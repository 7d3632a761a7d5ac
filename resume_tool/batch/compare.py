"""Before and after: ``batch ... --compare PREVIOUS_OUTDIR``.

A career office reviews the class, holds a workshop, and collects the resumes again. This
module reads the earlier run's ``manifest.json`` (the rows it kept, never its reports) and
finds each student's earlier row: by the same bytes first, then the same e-mail (case
blind), then the same name. A name is used only when it is unambiguous on both sides (two
"John Doe" are never guessed at): a wrong match would show a student someone else's
progress, which costs more trust than a missing one.

Each earlier row is matched at most once. Scores are compared only when both runs scored
the resume; fixed and new findings are compared by finding code.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .outputs import email_key, sort_key

MANIFEST = "manifest.json"
NOT_SCORED = "not scored"


@dataclass(frozen=True)
class Change:
    """One student's change since the earlier run."""

    previous_file: str
    matched_by: str  # "same file", "e-mail", "name"
    previous_score: int | None  # None: not checked or not scored then
    score_change: int | None  # None: one of the two runs has no score
    fixed: list[str] = field(default_factory=list)  # finding codes gone since then
    new: list[str] = field(default_factory=list)  # finding codes not there then


@dataclass
class Previous:
    """The earlier run, as far as a comparison needs it."""

    outdir: Path
    rows: list[dict[str, Any]]
    settings: dict[str, Any]

    def yardstick_differs(self, settings: dict[str, Any]) -> list[str]:
        """What the two runs measured against differently (the posting, role, lists, formula):
        a score change across yardsticks is not progress, so the page says so."""
        keys = {"posting_sha256": "the job posting", "role": "the role",
                "score_version": "the score formula", "lists": "the keyword lists",
                "bundled_lists_sha256": "the keyword lists"}
        out: list[str] = []
        for key, label in keys.items():
            if self.settings.get(key) != settings.get(key) and label not in out:
                out.append(label)
        return out


def load_previous(outdir: Path) -> Previous:
    """The earlier run's rows, or an ``InputError`` (exit code 2) that says what is wrong."""
    path = Path(outdir)
    fix = "Give the output folder (-o) of an earlier batch run"
    if not path.exists():
        raise InputError(str(path), "no such folder (--compare)", fix)
    if not path.is_dir():
        raise InputError(str(path), "--compare needs a folder, and this is a file", fix)
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise InputError(str(path), f"no {MANIFEST} in this folder, so it is not a batch "
                         "output folder", fix) from err
    except (OSError, ValueError) as err:
        raise InputError(str(path / MANIFEST), f"cannot be read as a batch manifest ({err})",
                         fix) from err
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        raise InputError(str(path / MANIFEST), "is not a batch manifest (no files in it)", fix)
    rows = [_clean(dict(e, file=rel)) for rel, e in files.items()
            if isinstance(e, dict) and isinstance(rel, str)]
    rows.sort(key=lambda r: sort_key(r["file"]))
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    return Previous(path, rows, settings)


_TEXT_FIELDS = ("sha256", "email", "student", "status", "band", "name")


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """An earlier row with every field the comparison reads of the type it expects: a manifest
    edited by hand or cut short must not stop a run after the whole class was checked."""
    for key in _TEXT_FIELDS:
        if not isinstance(row.get(key), str):
            row[key] = ""
    if not isinstance(row.get("findings"), list):
        row["findings"] = []
    score = row.get("score")
    if isinstance(score, bool) or not isinstance(score, int | float):
        row["score"] = None
    return row


def _norm(text: Any) -> str:
    """E-mails and names compared as a person would: case, width and spacing ignored."""
    if not isinstance(text, str):
        return ""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _scored(row: dict[str, Any]) -> int | None:
    if row.get("status") != "ok" or row.get("band") == NOT_SCORED:
        return None
    score = row.get("score")
    return int(score) if isinstance(score, int | float) else None


def _codes(row: dict[str, Any]) -> set[str]:
    return {f[0] for f in row.get("findings", []) if isinstance(f, list | tuple) and f}


def match(rows: list[dict[str, Any]], previous: Previous) -> dict[str, tuple[dict[str, Any], str]]:
    """Current file -> (earlier row, how it was matched); each earlier row used at most once."""
    current = sorted(rows, key=lambda r: sort_key(r["file"]))
    used: set[str] = set()
    found: dict[str, tuple[dict[str, Any], str]] = {}

    def by(key: Any, label: str, unique: bool) -> None:
        mine: dict[str, list[dict[str, Any]]] = {}
        theirs: dict[str, list[dict[str, Any]]] = {}
        for r in current:
            if r["file"] not in found and (k := key(r)):
                mine.setdefault(k, []).append(r)
        for p in previous.rows:
            if p["file"] not in used and (k := key(p)):
                theirs.setdefault(k, []).append(p)
        for k, now in mine.items():
            then = theirs.get(k, [])
            if unique and (len(now) != 1 or len(then) != 1):
                continue  # ambiguous: say nothing rather than guess
            for r, p in zip(now, then, strict=False):
                found[r["file"]] = (p, label)
                used.add(p["file"])

    by(lambda r: r.get("sha256") if isinstance(r.get("sha256"), str) else "", "same file",
       unique=False)
    # one address on one resume in each run, and never a template address (you@example.com):
    # two students who both kept the template's address are not one person
    by(lambda r: email_key(_norm(r.get("email"))), "e-mail", unique=True)
    by(lambda r: _norm(r.get("student")), "name", unique=True)
    return found


def compare(rows: list[dict[str, Any]], previous: Previous) -> dict[str, Change]:
    """Each matched student's earlier score, score change, and fixed and new findings."""
    by_rel = {r["file"]: r for r in rows}
    return {rel: _change(by_rel[rel], p, how) for rel, (p, how) in match(rows, previous).items()}


def _change(row: dict[str, Any], p: dict[str, Any], how: str) -> Change:
    before, now = _scored(p), _scored(row)
    both_ok = row.get("status") == "ok" and p.get("status") == "ok"
    return Change(
        previous_file=p["file"],
        matched_by=how,
        previous_score=before,
        score_change=now - before if before is not None and now is not None else None,
        fixed=sorted(_codes(p) - _codes(row)) if both_ok else [],
        new=sorted(_codes(row) - _codes(p)) if both_ok else [],
    )
