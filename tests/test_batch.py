"""`resume-tool batch` end to end on a small, messy class folder built from real files.

The folder holds what a career office's export really holds: good DOCX and PDF resumes, a
corrupt file, a password-protected PDF, a scanned (image-only) PDF, two files named
resume.docx in different subfolders, macOS/Word junk, a photo, files whose names are a
spreadsheet formula and an HTML tag, and a ZIP with a path-traversal entry, a nested ZIP and
__MACOSX data. One in-process run (module fixture) is checked from every side; re-runs work on
copies of its output folder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from resume_tool.batch import inputs as batch_inputs
from resume_tool.batch import outputs as batch_outputs
from resume_tool.batch import run_batch
from resume_tool.batch import running as batch_mod
from resume_tool.batch.cohort import histogram, script_hash
from resume_tool.batch.inputs import slug, unique_names, unsafe_member
from resume_tool.batch.outputs import csv_cell
from resume_tool.cli import main
from resume_tool.limits import Limits
from tests.batch_stops import stop_on_check
from tests.fixtures.builders import build_docx, build_pdf, sample_spec

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "files"
POSTING = ROOT / "examples" / "posting.txt"

FORMULA = '=HYPERLINK("attacker.example","Jane Doe").docx'
TAG = "<img src=x onerror=alert(1)>.docx"

OK_FILES = [
    TAG,
    FORMULA,
    "class/alice/resume.docx",
    "class/bob/resume.docx",
    "class/one-column.pdf",
    "class/scanned.pdf",
    "uploads.zip/dana/resume.docx",
]
# issue 14: a picture a student sent is a submission, so a row that says what to ask for
FAILED_FILES = ["class/corrupt.docx", "class/locked.pdf", "class/photo.jpg"]
ALL_FILES = sorted(OK_FILES + FAILED_FILES, key=lambda f: (f.casefold(), f))
SKIPPED = {
    "class/.DS_Store": "system file",
    "class/~$temp.docx": "Word temporary file",
    "uploads.zip/../../evil.docx": "unsafe path",
    "uploads.zip/nested.zip": "archive",
    "uploads.zip/__MACOSX/dana/._resume.docx": "__MACOSX",
}


def _docx_bytes(tmp: Path, variant: int, layout: str = "one-column") -> bytes:
    path = build_docx(sample_spec(variant), tmp / f"v{variant}-{layout}.docx", layout)  # type: ignore[arg-type]
    return path.read_bytes()


def _pdf(name: str, tmp: Path, variant: int, **kw: Any) -> Path:
    """A committed fixture PDF when present, else the same kind built with reportlab."""
    committed = FIXTURES / name
    if committed.is_file():
        return committed
    return build_pdf(sample_spec(variant), tmp / name, **kw)


def build_class(root: Path) -> list[Path]:
    """The messy class export; returns the paths to give to `batch` (a folder, a ZIP, two files)."""
    scratch = root / "scratch"
    scratch.mkdir(parents=True)
    cls = root / "class"
    (cls / "alice").mkdir(parents=True)
    (cls / "bob").mkdir()
    (cls / "alice" / "resume.docx").write_bytes(_docx_bytes(scratch, 0))
    (cls / "bob" / "resume.docx").write_bytes(_docx_bytes(scratch, 1, "header-contact"))
    shutil.copy(_pdf("coder-one-column.pdf", scratch, 0), cls / "one-column.pdf")
    shutil.copy(_pdf("coder-encrypted-user-password.pdf", scratch, 1, user_password="x"),
                cls / "locked.pdf")
    scanned = FIXTURES / "coder-scanned-image-only.pdf"
    if scanned.is_file():
        shutil.copy(scanned, cls / "scanned.pdf")
    else:
        from tests.fixtures.builders import image_only_pdf

        image_only_pdf(cls / "scanned.pdf")
    (cls / "corrupt.docx").write_bytes(b"PK\x03\x04" + b"\x00garbage, not a zip" * 40)
    (cls / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + b"\x00" * 64)
    (cls / "~$temp.docx").write_bytes(b"\x05lock owner")
    (cls / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("inner.docx", _docx_bytes(scratch, 2))
    uploads = root / "uploads.zip"
    with zipfile.ZipFile(uploads, "w") as z:
        z.writestr("dana/resume.docx", _docx_bytes(scratch, 2, "two-column-table"))
        z.writestr("../../evil.docx", _docx_bytes(scratch, 3))
        z.writestr("nested.zip", inner.getvalue())
        z.writestr("__MACOSX/dana/._resume.docx", b"\x00\x05\x16\x07")

    loose = root / "loose"
    loose.mkdir()
    (loose / FORMULA).write_bytes(_docx_bytes(scratch, 3))
    (loose / TAG).write_bytes(_docx_bytes(scratch, 1))
    shutil.rmtree(scratch)
    return [cls, uploads, loose / FORMULA, loose / TAG]


def batch_args(inputs: list[Path], out: Path, *extra: str) -> list[str]:
    args = ["batch", *map(str, inputs), "-o", str(out), "--workers", "1"]
    if POSTING.is_file():
        args += ["--posting", str(POSTING)]
    return args + list(extra)


def run_cli(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exc:
        main(args)
    return int(exc.value.code)


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One in-process batch over the messy class; its outputs are shared, read-only."""
    root = tmp_path_factory.mktemp("batch")
    inputs = build_class(root / "in")
    out = root / "out"
    stream = io.StringIO()
    result = run_batch(
        inputs, out, posting=POSTING if POSTING.is_file() else None, role=None, lists=None,
        workers=1, formats=["html", "json"], drafts=False, force=False, excel=False,
        quiet=False, stream=stream,
    )
    return {"root": root, "inputs": inputs, "out": out, "result": result,
            "log": stream.getvalue(), "rows": read_csv(out / "summary.csv")}


@pytest.fixture()
def copy(first: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """A private copy of the first run's inputs and output folder, to run again over."""
    shutil.copytree(first["root"] / "in", tmp_path / "in")
    shutil.copytree(first["out"], tmp_path / "out")
    inputs = [tmp_path / "in" / p.relative_to(first["root"] / "in") for p in first["inputs"]]
    return {"inputs": inputs, "out": tmp_path / "out", "root": tmp_path}


# ------------------------------------------------------------ the first run
def test_one_row_per_input_file_sorted_by_name(first: dict[str, Any]) -> None:
    rows = first["rows"]
    assert [r["file"].lstrip("'") for r in rows] == ALL_FILES
    header = (first["out"] / "summary.csv").read_bytes().split(b"\r\n")[0]
    # writing_score (issue 13) is appended last, so columns read by position keep their place
    assert header == (b"file,name,email,role,score,band,required_missing,errors,warnings,infos,error,"
                      b"writing_score,first_fix,duplicate_of,best_posting,best_posting_score,"
                      b"previous_score,score_change,fixed_findings,new_findings")
    result = first["result"]
    assert (result.files, result.checked, result.failed, result.skipped) == (10, 9, 3, 5)
    assert not (first["out"] / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_good_rows_have_score_contact_and_counts(first: dict[str, Any]) -> None:
    rows = {r["file"]: r for r in first["rows"]}
    alice = rows["class/alice/resume.docx"]
    assert alice["name"] == "Maria Delgado"
    assert alice["email"] == "maria.delgado@example.com"
    assert 0 < int(alice["score"]) <= 100 and alice["band"] and alice["role"]
    assert alice["error"] == ""
    report = json.loads((first["out"] / "reports" / "class_alice_resume.json").read_text("utf-8"))
    assert int(alice["score"]) == report["score"]
    counts = report["summary"]["findings"]
    assert (int(alice["errors"]), int(alice["warnings"]), int(alice["infos"])) == (
        counts["error"], counts["warning"], counts["info"])
    must = [k["term"] for k in report["keywords"] if k["target"] and (k["required"] or k["core"])
            and not (k["in_resume"] or k["satisfied_by"])]
    assert sorted(filter(None, alice["required_missing"].split("; "))) == sorted(must)
    assert report["summary"]["missing_must_have"] == len(must)
    # The report names the student's file, never a temporary path, and is otherwise exactly
    # what `resume-tool check --format json` writes for that file.
    assert report["resume"]["path"] == "class/alice/resume.docx"
    from resume_tool.api import check
    from resume_tool.render import render_report

    alone = json.loads(render_report(check(first["inputs"][0] / "alice" / "resume.docx",
                                           posting=POSTING if POSTING.is_file() else None), "json"))
    alone["resume"]["path"] = report["resume"]["path"]
    assert alone == report
    assert rows["uploads.zip/dana/resume.docx"]["name"] == "Priya Raman"


def test_bad_files_become_rows_with_their_one_line_error(first: dict[str, Any]) -> None:
    rows = {r["file"]: r for r in first["rows"]}
    for rel in FAILED_FILES:
        row = rows[rel]
        assert row["error"].startswith(f"{rel}: "), row
        assert "\n" not in row["error"]
        assert row["score"] == row["band"] == row["role"] == ""
    assert "password" in rows["class/locked.pdf"]["error"]
    assert "a picture (.jpg) of a resume" in rows["class/photo.jpg"]["error"]
    assert not (first["out"] / "reports" / "class_corrupt.html").exists()


def test_scanned_pdf_gets_a_report_with_a_no_text_finding(first: dict[str, Any]) -> None:
    row = next(r for r in first["rows"] if r["file"] == "class/scanned.pdf")
    assert row["error"] == "" and row["score"] != ""
    assert int(row["errors"]) >= 1
    report = json.loads((first["out"] / "reports" / "class_scanned.json").read_text("utf-8"))
    assert "no-text" in {f["code"] for f in report["findings"]}


def test_report_names_are_unique_safe_and_deterministic(first: dict[str, Any]) -> None:
    out = first["out"]
    files = sorted(p.name for p in (out / "reports").iterdir())
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.(html|json)", f) for f in files), files
    stems = {f.rsplit(".", 1)[0] for f in files}
    assert len(stems) == len(OK_FILES) and len(files) == 2 * len(OK_FILES)
    assert {"class_alice_resume", "class_bob_resume", "uploads.zip_dana_resume"} <= stems
    names = [e["name"] for e in manifest(out)["files"].values()]
    assert len(set(names)) == len(names)
    assert unique_names(ALL_FILES) == unique_names(reversed(ALL_FILES))


def test_zip_is_read_safely(first: dict[str, Any]) -> None:
    state = manifest(first["out"])
    skipped = dict(map(tuple, state["skipped"]))
    for rel, reason in SKIPPED.items():
        assert reason in skipped[rel], (rel, skipped.get(rel))
    # Nothing of the archive was ever written to disk, inside or outside the output folder.
    assert not [p for p in first["root"].rglob("evil*")]
    assert not [p for p in first["root"].rglob("inner.docx")]


def test_index_is_self_contained_and_escapes_student_text(first: dict[str, Any]) -> None:
    out = first["out"]
    page = (out / "index.html").read_text("utf-8")
    tags = _tags(page)
    links = [a["href"] for t, a in tags if "href" in a]
    assert not [a for t, a in tags if "src" in a], "no external or embedded resources"
    assert not [t for t, a in tags if t in ("link", "iframe", "object", "embed", "img")]
    assert all(h.startswith(("reports/", "#problems")) for h in links), links
    assert links.count("#problems") == len(FAILED_FILES)
    hrefs = [h for h in links if h.startswith("reports/")]
    assert not re.search(r"url\(|@import|https?://", page.split("<body>")[0])
    # Every OK student links to a report that exists; failed files link nowhere.
    from urllib.parse import unquote

    # (a report may be linked twice: from the "See first" list and from the table)
    assert sorted({unquote(h) for h in hrefs}) == sorted(
        f"reports/{n}.html" for n in {e["name"] for e in manifest(out)["files"].values()
                                      if e["status"] == "ok"})
    assert all((out / unquote(h)).is_file() for h in hrefs)
    # The file named like a tag is shown as text, never as markup.
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.docx" in page
    # One inline script, allowed by its exact hash and nothing else.
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 1
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    policy = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [f"'{script_hash(scripts[0])}'"]


def test_index_shows_the_cohort(first: dict[str, Any]) -> None:
    page = (first["out"] / "index.html").read_text("utf-8")
    rows = [r for r in first["rows"] if r["error"] == ""]
    # Histogram: one bar per non-empty ten-point bin, counts adding up to the checked students.
    bars = re.findall(r'<rect class="bar"[^>]*><title>([0-9-]+): (\d+)</title>', page)
    assert sum(int(n) for _, n in bars) == len(rows) == 7
    assert ("0-9", "1") in bars  # the scanned resume
    # Findings by share of students: the scanned resume's no-text is 1 of 7 (14%).
    assert re.search(r"No readable text \(scanned or image-only\)</th>\s*<td[^>]*>.*?14% \(1\)</td>", page)
    # Most-missed keywords, each as "n of m" students.
    kw = re.findall(r'<td class="num">(\d+) of (\d+)</td>', page)
    assert kw and all(0 < int(a) <= int(b) <= 7 for a, b in kw)
    # Failed and skipped files with their reasons.
    problems = page.split('id="problems"')[1]
    for rel in FAILED_FILES:
        assert rel in problems
    assert "unsafe path in the archive (../)" in problems
    assert "Word temporary file" in problems and "__MACOSX" in problems
    # The students table lists every file, in file order, without the script.
    table = page.split('<table id="students"')[1].split("</table>")[0]
    order = [m for m in re.findall(r"<tr[^>]*>\s*<td[^>]*>(?:<a [^>]*>)?([^<]+)", table)]
    assert [_unescape(o) for o in order] == ALL_FILES


def test_progress_prints_a_line_per_tenth_when_not_a_terminal(first: dict[str, Any]) -> None:
    lines = first["log"].splitlines()
    progress = [ln for ln in lines if ln.startswith("checked ")]
    assert 1 <= len(progress) <= 10
    assert progress[-1].startswith("checked 9/9 (100%)") and "files/s" in progress[-1]
    assert sum(ln.startswith("error: class/") for ln in lines) == 2
    assert lines[-1].startswith("10 files: 7 checked, 3 could not be checked, 3 skipped (not resumes), "
                                "2 unsafe ZIP entries skipped (9 read now, 0 unchanged since the last run)")


def test_csv_neutralizes_formulas(first: dict[str, Any]) -> None:
    raw = (first["out"] / "summary.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert [r[0] for r in rows if "HYPERLINK" in r[0]] == ["'" + FORMULA]
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


# ------------------------------------------------------------------ re-runs
def test_rerun_checks_nothing_and_exit_code_reports_the_failures(copy: dict[str, Any],
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = copy["out"]
    before = (out / "summary.csv").read_bytes()
    index = (out / "index.html").read_bytes()
    assert run_cli(batch_args(copy["inputs"], out)) == 1
    err = capsys.readouterr().err
    assert ("10 files: 7 checked, 3 could not be checked, 3 skipped (not resumes), 2 unsafe ZIP "
            "entries skipped (0 read now, 9 unchanged") in err
    assert "checked 1/" not in err
    assert (out / "summary.csv").read_bytes() == before
    assert (out / "index.html").read_bytes() == index
    assert manifest(out)["state"] == "complete"


def test_touch_is_no_change_but_new_content_is_one_check(copy: dict[str, Any]) -> None:
    bob = copy["root"] / "in" / "class" / "bob" / "resume.docx"
    bob.touch()
    kw = dict(posting=POSTING if POSTING.is_file() else None, role=None, lists=None, workers=1,
              formats=["html", "json"], drafts=False, force=False, excel=False, quiet=True)
    assert run_batch(copy["inputs"], copy["out"], **kw).checked == 0
    build_docx(sample_spec(3), bob)
    result = run_batch(copy["inputs"], copy["out"], **kw)
    assert (result.checked, result.reused, result.files) == (1, 8, 10)
    row = next(r for r in read_csv(copy["out"] / "summary.csv") if r["file"] == "class/bob/resume.docx")
    assert row["name"] == "Hannah Kowalski"
    entry = manifest(copy["out"])["files"]["class/bob/resume.docx"]
    assert entry["sha256"] == hashlib.sha256(bob.read_bytes()).hexdigest()

    # A late resume costs one check, not a whole re-run.
    build_docx(sample_spec(2), copy["root"] / "in" / "class" / "late.docx")
    result = run_batch(copy["inputs"], copy["out"], **kw)
    assert (result.checked, result.files) == (1, 11)


def test_changed_settings_or_force_redo_every_file(copy: dict[str, Any]) -> None:
    from resume_tool.api import engine

    role = sorted(engine()[0].roles)[0]
    kw = dict(posting=None, role=role, lists=None, workers=1,
              formats=["json"], drafts=False, force=False, excel=False, quiet=True)
    result = run_batch(copy["inputs"], copy["out"], **kw)
    assert result.checked == 9
    assert {r["role"] for r in read_csv(copy["out"] / "summary.csv") if r["score"]} == {role}
    # Outputs of formats no longer asked for are removed; the index links the JSON reports.
    assert not list((copy["out"] / "reports").glob("*.html"))
    assert 'href="reports/class_alice_resume.json"' in (copy["out"] / "index.html").read_text("utf-8")
    assert run_batch(copy["inputs"], copy["out"], **kw).checked == 0
    assert run_batch(copy["inputs"], copy["out"], **{**kw, "force": True}).checked == 9


def test_excel_adds_a_bom_and_nothing_else(first: dict[str, Any], copy: dict[str, Any],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(batch_args(copy["inputs"], copy["out"], "--excel", "-q")) == 1
    assert capsys.readouterr().err == ""
    data = (copy["out"] / "summary.csv").read_bytes()
    assert data == b"\xef\xbb\xbf" + (first["out"] / "summary.csv").read_bytes()


def test_ctrl_c_leaves_a_readable_folder_and_the_rerun_finishes(
        first: dict[str, Any], copy: dict[str, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "fresh"
    real = stop_on_check(monkeypatch, 3, KeyboardInterrupt)
    assert run_cli(batch_args(copy["inputs"], out)) == 130  # cli.main: "interrupted"
    rows = read_csv(out / "summary.csv")
    # the two finished, and the picture (a row from the start: it is never sent to a worker)
    assert [r["file"].lstrip("'") for r in rows] == [*ALL_FILES[:2], "class/photo.jpg"]
    state = manifest(out)
    assert state["state"] == "interrupted" and len(state["pending"]) == 7
    assert "This run was interrupted" in (out / "index.html").read_text("utf-8")

    monkeypatch.setattr(batch_mod, "check_task", real)
    result = run_batch(copy["inputs"], out, posting=POSTING if POSTING.is_file() else None,
                       role=None, lists=None, workers=1, formats=["html", "json"], drafts=False,
                       force=False, excel=False, quiet=True)
    assert (result.checked, result.reused, result.files) == (7, 2, 10)
    assert manifest(out)["state"] == "complete"
    assert (out / "summary.csv").read_bytes() == (first["out"] / "summary.csv").read_bytes()


def test_hung_file_and_unexpected_error_become_rows(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, variant in (("bug.docx", 0), ("good.docx", 1), ("slow.docx", 2)):
        build_docx(sample_spec(variant), folder / name)
    real = batch_mod._check

    def misbehave(task: Any, settings: Any) -> dict[str, Any]:
        if task.rel.endswith("slow.docx"):
            while True:  # a pathological file: pure Python that never returns
                pass
        if task.rel.endswith("bug.docx"):
            raise ValueError("a bug in a parser")
        return real(task, settings)

    monkeypatch.setattr(batch_mod, "_check", misbehave)
    kw = dict(posting=None, role=None, lists=None, workers=1, formats=["json"], drafts=False,
              force=False, excel=False, quiet=True, file_seconds=0.5)
    result = run_batch([folder], tmp_path / "out", **kw)
    rows = {r["file"]: r for r in read_csv(tmp_path / "out" / "summary.csv")}
    assert result.failed == 2 and rows["in/good.docx"]["score"] != ""
    assert rows["in/slow.docx"]["error"].startswith(
        "in/slow.docx: checking this file took longer than 0.5 seconds")
    assert rows["in/bug.docx"]["error"].startswith("in/bug.docx: unexpected ValueError: a bug in a parser")
    # Both are cached by content hash like any verdict (issue 15: a bait file must not cost
    # minutes on every run); --force tries them again, and so does a changed file.
    again = run_batch([folder], tmp_path / "out", **kw)
    assert again.checked == 0 and again.failed == 2
    assert run_batch([folder], tmp_path / "out", **{**kw, "force": True}).checked == 3


# -------------------------------------------------------- two workers, drafts
def test_two_workers_give_the_same_outputs(first: dict[str, Any], copy: dict[str, Any],
                                           tmp_path: Path) -> None:
    out = tmp_path / "pool"
    result = run_batch(copy["inputs"], out, posting=POSTING if POSTING.is_file() else None,
                       role=None, lists=None, workers=2, formats=["html", "json"], drafts=False,
                       force=False, excel=False, quiet=True)
    assert (result.workers, result.checked, result.failed) == (2, 9, 3)
    assert result.peak_worker_rss_mb > 0
    for name in ("summary.csv", "index.html"):
        assert (out / name).read_bytes() == (first["out"] / name).read_bytes(), name
    a = json.loads((out / "reports" / "class_alice_resume.json").read_text("utf-8"))
    b = json.loads((first["out"] / "reports" / "class_alice_resume.json").read_text("utf-8"))
    assert a == b


def test_drafts_and_exit_code_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    folder = tmp_path / "in"
    folder.mkdir()
    build_docx(sample_spec(0), folder / "maria.docx")
    scanned = FIXTURES / "coder-scanned-image-only.pdf"
    if scanned.is_file():
        shutil.copy(scanned, folder / "scanned.pdf")
    out = folder / "out"  # inside the input folder: its drafts must never be read as resumes
    args = ["batch", str(folder), "-o", str(out), "--workers", "1", "--drafts", "--formats", "html"]
    assert run_cli([*args, "-q"]) == 0
    assert run_cli(args) == 0
    expected = ["in/maria.docx"] + (["in/scanned.pdf"] if scanned.is_file() else [])
    n = len(expected)
    assert (f"{n} files: {n} checked, 0 could not be checked, 0 skipped (not resumes) "
            f"(0 read now, {n} unchanged" in capsys.readouterr().err)
    assert [r["file"] for r in read_csv(out / "summary.csv")] == expected
    text = "\n".join(p.text for p in docx.Document(str(out / "drafts" / "in_maria.docx")).paragraphs)
    assert "Maria Delgado" in text
    assert 'href="drafts/in_maria.docx"' in (out / "index.html").read_text("utf-8")
    if scanned.is_file():  # a scanned resume: a report, no draft, and not a failure
        row = next(r for r in read_csv(out / "summary.csv") if r["file"] == "in/scanned.pdf")
        assert row["score"] != "" and row["error"].startswith("no draft: ")
        assert not (out / "drafts" / "in_scanned.docx").exists()


def test_usage_errors_exit_2(first: dict[str, Any], tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    inputs = first["inputs"][:1]
    assert run_cli(batch_args(inputs, tmp_path / "a", "--formats", "html,pdf")) == 2
    assert "unknown report format 'pdf'" in capsys.readouterr().err
    assert run_cli(batch_args(inputs, tmp_path / "b", "--role", "no-such-role")) == 2
    assert "unknown role 'no-such-role'" in capsys.readouterr().err
    assert not (tmp_path / "b" / "summary.csv").exists()
    assert run_cli(["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "c")]) == 2


# -------------------------------------------------------------- ZIP limits
def test_zip_caps_on_entries_and_real_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fixtures.builders import lie_about_sizes

    text = ("Medical coder. ICD-10-CM, CPT, HCPCS. " * 4000).encode()  # ~150 KB
    honest = tmp_path / "honest.zip"
    with zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.txt", text)
    liar = tmp_path / "liar.zip"
    shutil.copy(honest, liar)
    lie_about_sizes(liar, claimed=100)
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as z:
        for i in range(4):
            z.writestr(f"r{i}.txt", "x")
    monkeypatch.setattr(batch_inputs, "ZIP_MAX_ENTRIES", 3)
    result = run_batch([honest, liar, many], tmp_path / "out", posting=None, role=None,
                       lists=None, workers=1, formats=["json"], drafts=False, force=False,
                       excel=False, quiet=True, limits=Limits(max_bytes=64 * 1024))
    rows = {r["file"]: r["error"] for r in read_csv(tmp_path / "out" / "summary.csv")}
    assert rows["honest.zip/big.txt"] == (
        "honest.zip/big.txt: the file unpacks to more than 64 KB. "
        "Save a smaller copy (fewer pictures) as DOCX or PDF")
    assert rows["liar.zip/big.txt"].startswith("liar.zip/big.txt: ")  # never read past the lie
    assert rows["many.zip"].startswith("many.zip: the archive holds 4 entries, more than the 3")
    assert result.failed == 3 and result.checked == 2


# ------------------------------------------------------------ pure helpers
@pytest.mark.parametrize("name", ["../evil.docx", "a/../../evil.docx", "/etc/passwd.docx",
                                  "C:/x.docx", "a\\..\\..\\evil.docx", "ok\x01.docx"])
def test_unsafe_member_names_are_refused(name: str) -> None:
    assert unsafe_member(name)


def test_safe_member_names_pass() -> None:
    assert unsafe_member("class 2025/Ana Ruiz/resume (final).docx") is None
    assert unsafe_member("..resume.docx") is None  # dots in a name are not a parent folder


def test_slug_is_safe_and_bounded() -> None:
    assert slug("class/José Núñez/résumé.docx") == "class_Jose_Nunez_resume"
    assert slug("../../evil.docx") == "evil"
    assert slug("con.docx") == "_con"
    assert slug("a/" + "x" * 300 + ".pdf").startswith("a_xxx") and len(slug("x" * 300)) <= 80
    names = unique_names(["A/resume.pdf", "a/resume.pdf", "a/resume.docx"])
    assert len({n.lower() for n in names.values()}) == 3
    assert names["A/resume.pdf"] == "A_resume"  # first in order keeps the plain name


@pytest.mark.parametrize("value,expected", [
    ("=1+2", "'=1+2"), ("+15551234", "'+15551234"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=cmd", "'=cmd"), ("\r=cmd", "'=cmd"), ("  =x", "'=x"), ("Ana\nRuiz", "Ana Ruiz"),
    ("a=b", "a=b"), (42, "42"), (None, ""),
])
def test_csv_cell(value: Any, expected: str) -> None:
    assert csv_cell(value) == expected


def test_histogram_bins() -> None:
    h = histogram([0, 9, 10, 55, 99, 100])
    assert [b.count for b in h.bars] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    tallest = max(h.bars, key=lambda b: b.height)
    assert tallest.y + tallest.height == h.baseline


# ------------------------------------------------------------------ helpers
def _tags(page: str) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, {k: v or "" for k, v in attrs}))

    P().feed(page)
    return found


def _unescape(text: str) -> str:
    import html

    return html.unescape(text.strip())




# -------------------------------------------------------- issue 15: batch integrity
from resume_tool.batch.inputs import discover  # noqa: E402
from resume_tool.errors import InputError  # noqa: E402

TXT = b"Jane Doe\njane@example.com\nExperience\nMedical Coder, Acme Clinic, 2020 - Present\n- CPC\n"


def test_symlinks_out_of_an_input_folder_are_skipped_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "real.txt").write_bytes(TXT)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "same.txt").symlink_to(folder / "real.txt")
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    found = discover([folder])
    assert [i.rel for i in found.items] == ["class/real.txt"]
    reasons = {s.rel: s.reason for s in found.skipped}
    assert "outside the input folder" in reasons["class/passwd.txt"]
    assert "looping" in reasons["class/loop.txt"]
    assert "in the input folder" in reasons["class/same.txt"]
    assert "folder; not followed" in reasons["class/up"]


def test_same_named_folders_and_nfc_nfd_names_all_survive(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "resumes", tmp_path / "b" / "resumes"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    (a / "x.txt").write_bytes(TXT)
    (b / "x.txt").write_bytes(TXT + b"two\n")
    (a / "Jos\u00e9.txt").write_bytes(TXT + b"nfc\n")
    (a / "Jose\u0301.txt").write_bytes(TXT + b"nfd\n")
    found = discover([b, a])
    rels = [i.rel for i in found.items]
    assert len(rels) == 4 and not found.skipped
    assert {"resumes/x.txt", "resumes (2)/x.txt"} <= set(rels)
    assert "resumes/José.txt" in rels and "resumes/José (2).txt" in rels
    assert discover([a, b]).items == found.items  # stable whatever the argument order


def test_rerun_never_deletes_another_files_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_b.txt").write_bytes(TXT)
    kw = dict(posting=None, role=None, lists=None, workers=1, formats=["json"], drafts=False,
              force=False, excel=False, quiet=True)
    run_batch([folder], tmp_path / "out", **kw)
    (folder / "a").mkdir()
    (folder / "a" / "b.txt").write_bytes(TXT + b"- CCS\n")  # same slug "in_a_b", sorts first
    result = run_batch([folder], tmp_path / "out", **kw)
    assert result.failed == 0
    for row in result.rows:
        for rel in row["outputs"].values():
            assert (tmp_path / "out" / rel).is_file(), (row["file"], rel)
    names = {r["file"]: r["name"] for r in result.rows}
    assert names["in/a_b.txt"] == "in_a_b"  # the old file kept its name


@pytest.mark.parametrize("where", ["same", "parent"])
def test_output_folder_that_is_or_holds_an_input_is_refused(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TXT)
    out = folder if where == "same" else tmp_path
    with pytest.raises(InputError, match="is, or contains, the input"):
        run_batch([folder], out, posting=None, role=None, lists=None, workers=1, formats=["json"],
                  drafts=False, force=False, excel=False, quiet=True)


def test_read_only_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can write to a read-only folder")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TXT)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        with pytest.raises(InputError, match="cannot write to the output folder"):
            run_batch([folder], out, posting=None, role=None, lists=None, workers=1,
                      formats=["json"], drafts=False, force=False, excel=False, quiet=True)
    finally:
        out.chmod(0o700)


def test_unwritable_output_is_one_line_not_unexpected(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TXT)
    out = tmp_path / "out-is-a-file-inside"
    out.mkdir()
    (out / "reports").write_text("a file where the reports folder goes")
    with pytest.raises(InputError, match="cannot write to the output folder"):
        run_batch([folder], out, posting=None, role=None, lists=None, workers=1,
                  formats=["json"], drafts=False, force=False, excel=False, quiet=True)


def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import multiprocessing as mp, os, sys, time\n"
        "from resume_tool.batch.running import _die_with_parent\n"
        "def child():\n"
        "    _die_with_parent()\n"
        "    time.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    p = mp.get_context('spawn').Process(target=child); p.start()\n"
        "    print(p.pid, flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    child = int(proc.stdout.readline())
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the worker outlived its killed parent")


def test_required_missing_follows_the_report_rule() -> None:
    """With a posting, only what the posting requires is "required" in summary.csv, never a
    role-profile core term the posting does not name; without a posting, core terms are."""
    from resume_tool.api import check
    from resume_tool.render import report_to_dict

    root = Path(__file__).resolve().parents[1] / "examples"
    data = report_to_dict(check(root / "resume.docx", posting=root / "posting.txt"))
    role_term = dict(data["keywords"][0], id="x-role", term="Role Core Term", source="role",
                     core=True, required=False, target=True, in_resume=False, satisfied_by=[])
    data["keywords"].append(role_term)
    task = batch_mod.Task("r.docx", "r")
    row = batch_outputs.report_row(task.rel, task.name, task.sha256, data)
    asked = {k["term"] for k in data["keywords"] if k["source"] == "posting" and k["required"]}
    assert "Role Core Term" not in row["required_missing"]
    assert set(row["required_missing"]) <= asked
    assert ["x-role", "Role Core Term", False] in row["missing"]
    data["posting"] = None
    assert "Role Core Term" in batch_outputs.report_row(task.rel, task.name, task.sha256, data)["required_missing"]


def test_a_resume_not_scored_has_no_role_in_the_class_table() -> None:
    """The report says no role was assumed for it; summary.csv and the dashboard agree."""
    from resume_tool.api import check
    from resume_tool.batch.outputs import report_row
    from resume_tool.render import report_to_dict

    root = Path(__file__).resolve().parents[1] / "examples"
    data = report_to_dict(check(root / "resume.docx"))
    assert report_row("r.docx", "r", "", data)["role"] == data["role"] != ""
    data.update(band="not scored", role_inferred=True)
    row = report_row("r.docx", "r", "", data)
    assert row["role"] == row["role_name"] == ""
    data.update(role_inferred=False)  # chosen with --role: shown as chosen
    assert report_row("r.docx", "r", "", data)["role"] == data["role"]


# ------------------------------------------------ unsafe ZIP entries, counted apart
def _unsafe_zip(path: Path, resume: bytes) -> None:
    """One resume, one piece of junk, and one entry of every kind refused for safety."""
    import stat

    link = zipfile.ZipInfo("link.docx")
    link.create_system = 3  # Unix, so the mode bits are read
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    deep = "/".join(f"d{i}" for i in range(batch_inputs.ZIP_MAX_DEPTH + 1)) + "/deep.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("ana/resume.docx", resume)
        z.writestr("ana/.DS_Store", b"\0")
        z.writestr("../../escape.docx", resume)
        z.writestr("/etc/absolute.docx", resume)
        z.writestr("C:/drive.docx", resume)
        z.writestr(link, "/etc/passwd")
        z.writestr(deep, resume)
        z.writestr("inner.zip", b"PK\x05\x06" + b"\0" * 18)


def test_unsafe_zip_entries_have_their_own_count_everywhere(tmp_path: Path) -> None:
    from resume_tool.batch.totals import totals_words

    archive = tmp_path / "class.zip"
    _unsafe_zip(archive, _docx_bytes(tmp_path, 0))
    found = batch_inputs.discover([archive])
    assert [i.rel for i in found.items] == ["class.zip/ana/resume.docx"]
    unsafe = sorted(s.rel for s in found.skipped if s.unsafe)
    assert len(unsafe) == 6 and [s.rel for s in found.skipped if not s.unsafe] == ["class.zip/ana/.DS_Store"]
    assert any(rel.endswith("deep.docx") for rel in unsafe)
    reasons = {s.rel: s.reason for s in found.skipped}
    assert reasons["class.zip/link.docx"] == "symbolic link in the archive; not opened"
    assert "folders deep" in next(r for k, r in reasons.items() if k.endswith("deep.docx"))

    out = tmp_path / "out"
    stream = io.StringIO()
    result = run_batch([archive], out, posting=None, role=None, lists=None, workers=1,
                       formats=["json"], drafts=False, force=False, excel=False, quiet=False,
                       stream=stream)
    assert (result.files, result.failed, result.skipped, result.unsafe) == (1, 0, 7, 6)
    head, rest = totals_words(1, 0, 1, 6, 0)
    assert (head, rest) == ("1 file:", "1 checked, 0 could not be checked, 1 skipped (not resumes), "
                                       "6 unsafe ZIP entries skipped")
    line = stream.getvalue().splitlines()[-1]
    assert line.startswith(f"{head} {rest} (1 read now, ")
    page = (out / "index.html").read_text("utf-8")
    totals = re.sub(r"<[^>]+>", "", page.split('id="totals">')[1].split("</p>")[0])
    assert totals.startswith(f"{head} {rest}.")
    problems = page.split('id="problems"')[1]
    assert "Unsafe ZIP entries, not opened (6)" in problems and "Skipped (1)" in problems
    assert "unsafe path in the archive (../)" in problems
    rows = read_csv(out / "summary.csv")
    assert [r["file"] for r in rows] == ["class.zip/ana/resume.docx"]  # entries are not rows
    assert manifest(out)["counts"]["unsafe"] == 6
    assert not list(tmp_path.rglob("escape.docx")) and not list(tmp_path.rglob("deep.docx"))


def test_one_unsafe_entry_is_singular_and_none_is_not_mentioned() -> None:
    from resume_tool.batch.totals import totals_words

    assert totals_words(2, 0, 0, 1, 0)[1].endswith(", 1 unsafe ZIP entry skipped")
    assert "unsafe" not in totals_words(2, 1, 3, 0, 1)[1]
    assert unsafe_member("/".join(["d"] * (batch_inputs.ZIP_MAX_DEPTH + 1)) + "/r.docx")
    assert unsafe_member("/".join(["d"] * batch_inputs.ZIP_MAX_DEPTH) + "/r.docx") is None
