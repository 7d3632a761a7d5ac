"""What a batch writes for the class: one row per input file, and ``summary.csv`` from them.

A row is the small record kept per file in the manifest (never the whole report), so the
summary and the dashboard can be redrawn for 2,000 students without reopening a report.
``summary.csv`` is UTF-8 without a BOM by default (what scripts and most tools expect);
``excel=True`` adds the BOM that Excel needs to read UTF-8 names correctly.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..analyze.subscores import fix_order
from ..errors import InputError

ROW_VERSION = 2  # the fields of a row; a change makes the next run check every file again
CSV_COLUMNS = (
    "file",
    "name",
    "email",
    "role",
    "score",
    "band",
    "required_missing",
    "errors",
    "warnings",
    "infos",
    "error",
    "writing_score",  # the writing sub-score, 0-100; empty when there was nothing to read
    # Appended (issue 14) so columns read by position keep their place:
    "first_fix",  # the report's own fix text for its most important finding
    "duplicate_of",  # the first file (by sort order) with the same bytes or the same e-mail
    "best_posting",  # with --postings: the posting this resume fits best, and its score
    "best_posting_score",
    "previous_score",  # with --compare: the score in the earlier run (matched student)
    "score_change",
    "fixed_findings",  # findings of the earlier run that are gone, by title
    "new_findings",  # findings that were not there in the earlier run
)
# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and
# Google Sheets: "=HYPERLINK(...)", "+1-555", "-2+3", "@SUM", and tab/CR tricks.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def sort_key(rel: str) -> tuple[str, str]:
    """Rows sort by file name, case-insensitively, ties broken by the exact name."""
    return (rel.casefold(), rel)


# ---------------------------------------------------------------------- CSV
def csv_cell(value: Any) -> str:
    """One CSV cell: whitespace collapsed to one line, formulas made inert with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    raw = str(value)
    text = " ".join(raw.split())
    if text and (raw.startswith(FORMULA_START) or text.startswith(FORMULA_START)):
        return "'" + text
    return text


def csv_row(row: dict[str, Any], marks: dict[str, Any] | None = None) -> list[str]:
    """One row of summary.csv; ``marks`` holds what is known only across rows (the
    duplicate, the earlier run's comparison), worked out by ``summary_csv``."""
    ok = row.get("status") == "ok"
    marks = marks or {}
    first = row.get("first_fix") if ok else None
    change = marks.get("change")
    titles = marks.get("titles") or (lambda codes: "; ".join(codes))
    return [
        csv_cell(row["file"]),
        csv_cell(row.get("student")),
        csv_cell(row.get("email")),
        csv_cell(row.get("role") if ok else None),
        csv_cell(row.get("score") if ok else None),
        csv_cell(row.get("band") if ok else None),
        csv_cell("; ".join(row.get("required_missing", [])) if ok else None),
        csv_cell(row.get("errors") if ok else None),
        csv_cell(row.get("warnings") if ok else None),
        csv_cell(row.get("infos") if ok else None),
        csv_cell(row.get("error") or None),  # for an "ok" row: a note such as "no draft: ..."
        csv_cell(row.get("writing_score") if ok else None),
        csv_cell(first[3] if first else None),
        csv_cell(marks.get("duplicate_of")),
        csv_cell(row.get("best_posting") or None),
        csv_cell(row.get("best_posting_score")),
        csv_cell(change.previous_score if change else None),
        csv_cell(change.score_change if change else None),  # an int: 5, -3, 0 (a number, not text)
        csv_cell(titles(change.fixed) if change else None),
        csv_cell(titles(change.new) if change else None),
    ]


def summary_csv(rows: list[dict[str, Any]], *, excel: bool = False,
                changes: dict[str, Any] | None = None) -> bytes:
    """``summary.csv`` as bytes: UTF-8 (with a BOM when ``excel``), CRLF rows, one per file.

    ``changes`` (file -> ``compare.Change``) fills the before-and-after columns."""
    from .cohort import finding_titles

    dups = duplicates(rows)
    titles = finding_titles()

    def named(codes: list[str]) -> str:
        return "; ".join(titles.get(c, c) for c in codes)

    def marks(row: dict[str, Any]) -> dict[str, Any]:
        dup = dups.get(row["file"])
        return {"duplicate_of": dup[0] if dup else None,
                "change": (changes or {}).get(row["file"]), "titles": named}

    ordered = sorted(rows, key=lambda r: sort_key(r["file"]))
    return csv_bytes(CSV_COLUMNS, (csv_row(row, marks(row)) for row in ordered), excel=excel)


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable[str]], *, excel: bool) -> bytes:
    """The framing of every CSV a batch writes: UTF-8 (with the BOM Excel needs when
    ``excel``), CRLF rows, minimal quoting. Cells come already made safe by ``csv_cell``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if excel else data



# --------------------------------------------------------------- duplicates
# E-mails that templates ship with: two students who left one in are not the same person.
PLACEHOLDER_EMAIL_DOMAINS = frozenset({"example.com", "example.org", "example.net", "domain.com",
                                       "email.com", "yourdomain.com", "mail.com"})


def email_key(email: Any) -> str:
    """An e-mail address as evidence of a person: case-blind, "" for a template address."""
    text = str(email or "").strip().casefold()
    if "@" not in text or text.rsplit("@", 1)[1] in PLACEHOLDER_EMAIL_DOMAINS:
        return ""
    return text


def duplicates(rows: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """file -> (the first file, by sort order, of the same submission; "same file" or
    "same e-mail") for every file but the first of each group.

    Same bytes (sha256) or the same e-mail address (case-blind) is one student; a chain
    (B has A's bytes, C has B's e-mail) leads back to the first file. Template e-mails
    (``you@example.com``) are no evidence that two resumes are one person's."""
    first_of: dict[tuple[str, str], str] = {}
    out: dict[str, tuple[str, str]] = {}
    for row in sorted(rows, key=lambda r: sort_key(r["file"])):
        keys = [("sha", row.get("sha256") or ""), ("email", email_key(row.get("email")))]
        keys = [k for k in keys if k[1]]
        root = None
        for kind, value in keys:
            if (kind, value) in first_of:
                root = (first_of[(kind, value)], "same file" if kind == "sha" else "same e-mail")
                break
        if root is not None:
            out[row["file"]] = root
        for key in keys:
            first_of.setdefault(key, root[0] if root else row["file"])
    return out


# --------------------------------------------------------------------- rows
def report_row(rel: str, name: str, sha256: str, data: dict[str, Any]) -> dict[str, Any]:
    """The row kept for summary.csv and the dashboard, from the report's JSON contract."""
    from ..render.view import must_have as must_have_rule

    has_posting = data["posting"] is not None

    def matched(k: dict[str, Any]) -> bool:
        return bool(k["in_resume"] or k["satisfied_by"])

    def must_have(k: dict[str, Any]) -> bool:
        # the report's rule: with a posting, only what the posting requires
        return must_have_rule(k["source"], k["required"], k["core"], has_posting)

    assumed_none = data["band"] == "not scored" and data.get("role_inferred", True)
    targets = [k for k in data["keywords"] if k["target"]]
    missing = sorted((k for k in targets if not matched(k)),
                     key=lambda k: (-k["max_points"], k["term"].casefold(), k["id"]))
    findings: dict[str, tuple[str, str, str]] = {}
    for f in data["findings"]:
        findings.setdefault(f["code"], (f["severity"], f["fix"], f["message"]))
    # the feedback page's first fix too (min keeps the report's order among equals)
    first = min(data["findings"], default=None, key=lambda f: fix_order(f["code"], f["severity"]))
    counts = data["summary"]["findings"]
    contact = data["resume"]["contact"]
    return {
        "file": rel,
        "name": name,
        "sha256": sha256,
        "status": "ok",
        "error": "",
        "cache": True,
        "student": contact.get("name") or "",
        "email": contact.get("email") or "",
        # a resume that is not scored had no role assumed for it (the report says so)
        "role": "" if assumed_none else data["role"],
        "role_name": "" if assumed_none else data["role_name"],
        "score": data["score"],
        "band": data["band"],
        "required_missing": [k["term"] for k in missing if must_have(k)],
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "infos": counts.get("info", 0),
        "missing": [[k["id"], k["term"], must_have(k)] for k in missing],
        "targets": sorted(k["id"] for k in targets),
        # [code, severity, fix, message]: the first finding of each code, as the report has it
        "findings": [[code, *rest] for code, rest in sorted(findings.items())],
        # the most important finding: [code, severity, message, fix]
        "first_fix": [first["code"], first["severity"], first["message"], first["fix"]] if first else None,
        **writing_row(data),
    }


def writing_row(data: dict[str, Any]) -> dict[str, Any]:
    """The writing sub-score and the student's line-level problems, each once: [code, detail]
    (detail: the weak opener as written, e.g. "Responsible for", from the finding's ``detail``
    field; else "")."""
    writing = data.get("writing") or {}
    problems: set[tuple[str, str]] = set()
    for f in writing.get("findings", []):
        detail = ""
        if f["code"] == "weak-opener":
            detail = re.sub(r"\s+", " ", str(f.get("detail") or "")).strip()[:40].capitalize()
        problems.add((f["code"], detail))
    return {
        "writing_score": (data.get("sub_scores") or {}).get("writing", {}).get("score"),
        "writing_problems": [list(p) for p in sorted(problems)],
    }



def write_atomic(path: Path, data: bytes | str) -> None:
    """Write via a temporary file and a rename, so a reader never sees half a file."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    _replace(path, lambda tmp: tmp.write_bytes(raw))


def write_lines_atomic(path: Path, lines: Iterable[str]) -> None:
    """``write_atomic`` for text made piece by piece, never whole in memory."""

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(lines)

    _replace(path, write)


def _replace(path: Path, write: Callable[[Path], object]) -> None:
    """``write`` a temporary file beside ``path``, then rename it over ``path``."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as err:
        raise InputError(str(path), f"cannot write this output ({err.strerror or err})",
                         "Check that the output folder is writable and has free space") from err
