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
from pathlib import Path
from typing import Any

from ..errors import InputError

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


def csv_row(row: dict[str, Any]) -> list[str]:
    ok = row.get("status") == "ok"
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
    ]


def summary_csv(rows: list[dict[str, Any]], *, excel: bool = False) -> bytes:
    """``summary.csv`` as bytes: UTF-8 (with a BOM when ``excel``), CRLF rows, one per file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for row in sorted(rows, key=lambda r: sort_key(r["file"])):
        writer.writerow(csv_row(row))
    data = buf.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if excel else data



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

    targets = [k for k in data["keywords"] if k["target"]]
    missing = sorted((k for k in targets if not matched(k)),
                     key=lambda k: (-k["max_points"], k["term"].casefold(), k["id"]))
    findings: dict[str, tuple[str, str]] = {}
    for f in data["findings"]:
        findings.setdefault(f["code"], (f["severity"], f["fix"]))
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
        "role": data["role"],
        "role_name": data["role_name"],
        "score": data["score"],
        "band": data["band"],
        "required_missing": [k["term"] for k in missing if must_have(k)],
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "infos": counts.get("info", 0),
        "missing": [[k["id"], k["term"], must_have(k)] for k in missing],
        "targets": sorted(k["id"] for k in targets),
        "findings": [[code, sev, fix] for code, (sev, fix) in sorted(findings.items())],
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
    tmp = path.with_name(f".{path.name}.partial")
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as err:
        raise InputError(str(path), f"cannot write this output ({err.strerror or err})",
                         "Check that the output folder is writable and has free space") from err
