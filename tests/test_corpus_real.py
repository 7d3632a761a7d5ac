"""Every file of the public real-world corpus goes through ``check`` without a crash.

Readable files produce a report whose JSON matches its snapshot in tests/snapshots/ (rewrite
them with RESUME_TOOL_UPDATE_SNAPSHOTS=1 and review the diff); the documented bad files (a
password-protected PDF, a text file named .pdf) give a clean one-line ``InputError``. A few
files also go through the CLI in a subprocess. The corpus lives in ../shared/corpus and is
never copied here: without it these tests skip.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.eval.evaluate import real_corpus
from tests.eval.real import (
    BAD_FILES,
    SNAPSHOTS,
    UPDATE_ENV,
    check_one,
    corpus_files,
    counts,
    manifest,
    snapshot_path,
    updating,
    write_snapshot,
)

CORPUS = real_corpus()
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(CORPUS is None, reason="public corpus ../shared/corpus is not present"),
]
FILES = corpus_files(CORPUS) if CORPUS else []
IDS = [p.relative_to(CORPUS).as_posix() for p in FILES] if CORPUS else []


@pytest.fixture(scope="module")
def rows() -> dict[str, object]:
    """Each real file checked once for the whole module."""
    assert CORPUS is not None
    return {r.rel: r for r in (check_one(p, CORPUS) for p in FILES)}


def test_the_corpus_is_the_one_the_manifest_describes() -> None:
    assert CORPUS is not None
    listed = {k for k, v in manifest(CORPUS).items() if v["kind"] != "posting"}
    assert set(IDS) == listed
    assert len(IDS) >= 50


@pytest.mark.parametrize("rel", IDS)
def test_real_file_reads_or_fails_cleanly(rel: str, rows: dict[str, object]) -> None:
    row = rows[rel]
    name = Path(rel).name
    if name in BAD_FILES:
        assert not row.ok, f"{rel} is documented as unreadable but was read"
        assert BAD_FILES[name] in row.error
        assert "\n" not in row.error and rel.split("/")[-1] in row.error
        return
    assert row.ok, f"{rel}: {row.error}"
    data = row.snapshot
    assert data["resume"]["format"] in ("pdf", "docx", "text")
    assert 0 <= data["score"] <= 100
    assert json.dumps(data)  # serializable


@pytest.mark.parametrize("rel", IDS)
def test_real_file_matches_its_snapshot(rel: str, rows: dict[str, object]) -> None:
    row = rows[rel]
    if updating():
        write_snapshot(row)
        return
    path = snapshot_path(rel)
    assert path.exists(), f"no snapshot for {rel}; run with {UPDATE_ENV}=1 and review the new file"
    want = json.loads(path.read_text(encoding="utf-8"))
    got = row.snapshot if row.ok else {"error": row.error.split(": ", 1)[-1]}
    got = json.loads(json.dumps(got))  # same types as the file (tuples become lists)
    if got != want:
        changed = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
        pytest.fail(f"{rel}: report changed in {changed}; if intended, rerun with {UPDATE_ENV}=1 "
                    "and review the snapshot diff")


def test_no_stale_snapshots() -> None:
    expected = {snapshot_path(rel).name for rel in IDS}
    stale = sorted(p.name for p in SNAPSHOTS.glob("*.json") if p.name not in expected)
    assert not stale, f"snapshots for files no longer in the corpus: {stale}"


def test_blank_page_pdf_is_a_no_text_finding_not_an_error(rows: dict[str, object]) -> None:
    row = rows["files/edge-blank-page-no-text.pdf"]
    assert row.ok
    assert [f["code"] for f in row.snapshot["findings"]] == ["no-text"]
    assert row.snapshot["score"] == 0


def test_counts_are_recorded(rows: dict[str, object]) -> None:
    """The counts bench/README.md reports; the anonymized texts have no contact details at all."""
    c = counts(list(rows.values()))
    assert c["clean errors"] == len(BAD_FILES)
    text_rows = [r for r in rows.values() if r.rel.startswith("resumes_text/")]
    assert not any(r.email or r.phone for r in text_rows)  # anonymized: none to find
    assert all(r.entries for r in text_rows), [r.rel for r in text_rows if not r.entries]
    # The medical livecareer samples; the MANIFEST's controls (non-medical, RN) have few or none.
    notes = {rel: row["notes"].lower() for rel, row in manifest(CORPUS).items()}
    control = ("non-medical", "nonmedical", "control")
    livecareer = [r for r in rows.values() if "livecareer" in r.rel and r.ok
                  and not any(w in notes.get(r.rel, "") or w in r.rel for w in control)]
    assert len(livecareer) >= 20
    assert all(r.keywords >= 5 for r in livecareer), [(r.rel, r.keywords) for r in livecareer]


@pytest.mark.parametrize(
    "rel, code",
    [
        ("files/bjh-john-smith-kent-sample.docx", 0),
        ("files/livecareer-25749150-accountant-turned-medical-coder.pdf", 0),
        ("resumes_text/livecareer-15499825-health-information-specialist.txt", 0),
        ("files/edge-password-protected.pdf", 2),
        ("files/edge-corrupt-not-a-pdf.pdf", 2),
    ],
)
def test_cli_on_real_files(rel: str, code: int) -> None:
    assert CORPUS is not None
    path = CORPUS / rel
    proc = subprocess.run(
        [sys.executable, "-m", "resume_tool", "check", str(path), "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    if code == 0:
        data = json.loads(proc.stdout)
        assert data["resume"]["format"] in ("pdf", "docx", "text")
    else:
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0], proc.stderr
