"""`batch --postings DIR`: every student against every posting of a folder.

The scores must be the ones `check --posting X` gives (checked through the CLI on a pair and
through the API on every pair); matrix.csv must be one row per input file, one column per
posting, with the same formula escaping as summary.csv; a posting that cannot be used stops
the run with exit code 2 and a line naming it; the postings' content is part of the settings.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from resume_tool.api import check
from resume_tool.batch import run_batch
from resume_tool.batch.postings import matrix_csv
from resume_tool.cli import main
from tests.fixtures.builders import build_docx, sample_spec

ROOT = Path(__file__).resolve().parents[1]
POSTING = ROOT / "examples" / "posting.txt"
SHARED = ROOT.parent / "shared" / "corpus"
FORMULA_POSTING = "=HYPERLINK(x).txt"
NOT_CODING = (
    "Senior Software Engineer\n\nRequired: 5+ years of Python, Kubernetes and AWS. Build REST "
    "APIs and CI/CD pipelines with Terraform. Preferred: Go, React.\n"
)


def _postings(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(POSTING, folder / "coder.txt")
    text = POSTING.read_text(encoding="utf-8")
    # the same job asking for less: a different score for the same resume
    (folder / FORMULA_POSTING).write_text(text.split("\n\n")[0] + "\n\nRequired: CPC "
                                          "certification and ICD-10-CM coding.\n", encoding="utf-8")
    (folder / "software.txt").write_text(NOT_CODING, encoding="utf-8")
    (folder / "notes.jpg").write_bytes(b"\xff\xd8\xff")  # not a posting kind: ignored
    return folder


def _class(root: Path) -> list[Path]:
    root.mkdir(parents=True)
    return [build_docx(sample_spec(0), root / "alice.docx"),
            build_docx(sample_spec(2), root / "priya.docx", "two-column-table")]


def _run(inputs: list[Path], out: Path, **kw: Any) -> Any:
    args: dict[str, Any] = dict(posting=None, role=None, lists=None, workers=1, formats=["json"],
                                drafts=False, force=False, excel=False, quiet=True)
    args.update(kw)
    return run_batch(inputs, out, **args)


def _read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def _cli(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exc:
        main(args)
    return int(exc.value.code)


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("postings")
    inputs = _class(root / "in")
    postings = _postings(root / "postings")
    out = root / "out"
    result = _run(inputs, out, postings=postings, feedback=True)
    return {"root": root, "inputs": inputs, "postings": postings, "out": out, "result": result,
            "rows": {r["file"]: r for r in result.rows}}


def test_scores_equal_check_posting_for_every_pair(first: dict[str, Any]) -> None:
    names = sorted(p.name for p in first["postings"].iterdir() if p.suffix == ".txt")
    for resume in first["inputs"]:
        row = first["rows"][resume.name]
        assert sorted(row["fit"]) == names
        for name in names:
            report = check(resume, posting=first["postings"] / name)
            expected = report.score if report.band != "not scored" else None
            assert row["fit"][name] == expected, (resume.name, name)
        assert row["fit"]["software.txt"] is None  # not a coding job: not scored
        assert row["fit"]["coder.txt"] != row["fit"][FORMULA_POSTING]  # the postings differ


def test_score_equals_the_cli_check(first: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    resume = first["inputs"][0]
    capsys.readouterr()
    assert _cli(["check", str(resume), "--posting", str(first["postings"] / "coder.txt"),
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert first["rows"][resume.name]["fit"]["coder.txt"] == data["score"]


def test_best_posting_is_the_highest_score(first: dict[str, Any]) -> None:
    for row in first["rows"].values():
        scored = {n: s for n, s in row["fit"].items() if s is not None}
        best = max(scored.values())
        assert row["best_posting_score"] == best
        assert scored[row["best_posting"]] == best
        assert row["best_posting"] == min(n for n, s in scored.items() if s == best)


def test_report_stays_the_reports_target_and_the_ranking_is_beside_it(first: dict[str, Any]) -> None:
    out = first["out"]
    row = first["rows"]["alice.docx"]
    report = json.loads((out / row["outputs"]["json"]).read_text(encoding="utf-8"))
    assert report["posting"] is None  # no --posting: the report is against the role, as before
    ranking = (out / row["outputs"]["postings_html"]).read_text(encoding="utf-8")
    assert row["outputs"]["postings_html"] == "rankings/alice.html"
    # best fit first, the posting that is not scored last
    assert ranking.index(row["best_posting"]) < ranking.index("software.txt")
    assert "<script" not in ranking
    feedback = (out / row["outputs"]["feedback_md"]).read_text(encoding="utf-8")
    assert f"{row['best_posting']}, {row['best_posting_score']}/100 (best of 3 postings)" in \
        feedback.replace("\\", "")


def test_matrix_has_a_row_per_file_and_a_column_per_posting(first: dict[str, Any]) -> None:
    rows = _read_csv(first["out"] / "matrix.csv")
    header = rows[0]
    assert header == ["file", "name", "'" + FORMULA_POSTING, "coder.txt", "software.txt",
                      "best_posting", "best_posting_score"]
    assert [r[0] for r in rows[1:]] == ["alice.docx", "priya.docx"]
    for line in rows[1:]:
        row = first["rows"][line[0]]
        assert line[1] == row["student"]
        assert line[2:5] == ["" if row["fit"][n] is None else str(row["fit"][n])
                             for n in (FORMULA_POSTING, "coder.txt", "software.txt")]
        best = row["best_posting"]
        assert line[5] == ("'" + best if best.startswith("=") else best)
        assert line[6] == str(row["best_posting_score"])


def test_matrix_csv_escapes_and_leaves_failed_rows_empty() -> None:
    rows = [{"file": "-x.docx", "student": "=cmd|' /C calc'!A0", "status": "ok",
             "fit": {"a.txt": 12, "b.txt": None}, "best_posting": "a.txt", "best_posting_score": 12},
            {"file": "bad.pdf", "status": "failed", "error": "cannot read"}]
    got = _read_csv_bytes(matrix_csv(rows, ["a.txt", "b.txt"]))
    assert got[1] == ["'-x.docx", "'=cmd|' /C calc'!A0", "12", "", "a.txt", "12"]
    assert got[2] == ["bad.pdf", "", "", "", "", ""]
    assert matrix_csv(rows, ["a.txt"], excel=True).startswith(b"\xef\xbb\xbf")


def _read_csv_bytes(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_rerun_is_incremental_and_an_edited_posting_redoes_everyone(first: dict[str, Any],
                                                                    tmp_path: Path) -> None:
    shutil.copytree(first["root"], tmp_path / "r")
    root = tmp_path / "r"
    inputs = [root / "in" / p.name for p in first["inputs"]]
    postings, out = root / "postings", root / "out"
    assert _run(inputs, out, postings=postings, feedback=True).checked == 0
    with (postings / "software.txt").open("a", encoding="utf-8") as fh:
        fh.write("Also: Docker.\n")
    again = _run(inputs, out, postings=postings, feedback=True)
    assert again.checked == 2 and again.reused == 0
    record = json.loads((out / "manifest.json").read_text())["settings"]["postings"]
    assert [p["name"] for p in record] == sorted(p.name for p in postings.glob("*.txt"))
    # without --postings: no fits, no ranking page, no matrix
    plain = _run(inputs, out)
    assert not (out / "matrix.csv").exists()
    assert not list((out / "rankings").glob("*.html"))
    assert all("fit" not in r for r in plain.rows)


def test_a_posting_that_cannot_be_used_stops_the_run_with_exit_2(
        first: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    postings = tmp_path / "postings"
    shutil.copytree(first["postings"], postings)
    (postings / "empty.txt").write_text("  \n", encoding="utf-8")
    capsys.readouterr()
    code = _cli(["batch", str(first["inputs"][0]), "-o", str(tmp_path / "out"), "--workers", "1",
                 "-q", "--postings", str(postings)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "empty.txt" in err and "Traceback" not in err
    assert "postings folder" in err
    assert not (tmp_path / "out").exists()  # refused before anything is written
    (postings / "empty.txt").write_bytes(b"%PDF-1.4 cut short")
    (postings / "empty.txt").rename(postings / "cut.pdf")
    assert _cli(["batch", str(first["inputs"][0]), "-o", str(tmp_path / "out"), "-q",
                 "--postings", str(postings)]) == 2
    assert "cut.pdf" in capsys.readouterr().err
    empty = tmp_path / "none"
    empty.mkdir()
    assert _cli(["batch", str(first["inputs"][0]), "-o", str(tmp_path / "out2"), "-q",
                 "--postings", str(empty)]) == 2
    assert "no posting files" in capsys.readouterr().err


def test_real_resume_against_real_postings_equals_check() -> None:
    files, folder = SHARED / "files", SHARED / "postings"
    if not files.is_dir() or not folder.is_dir():
        pytest.skip("../shared/corpus is not here")
    resume = files / "livecareer-25749150-accountant-turned-medical-coder.pdf"
    chosen = ["jobsboard-pprm-certified-medical-coder.txt", "cedars-patient-service-rep.txt",
              "doxa-legal-billing-specialist-control.txt"]
    from resume_tool.batch import postings as mod

    paths = [folder / c for c in chosen]
    loaded = mod.load_postings(paths, None)
    report = check(resume)
    from resume_tool.api import engine

    vocab, matcher = engine(None)
    keys = mod.fit_row(mod.fit_postings(report, loaded, vocab, matcher, None))
    for path in paths:
        single = check(resume, posting=path)
        assert keys["fit"][path.name] == (single.score if single.band != "not scored" else None)
