"""`batch --compare PREVIOUS_OUTDIR`: each student's change since an earlier run (issue 14).

Matching is by the same bytes, then the same e-mail, then an unambiguous name; a wrong match
would show a student someone else's progress, so two earlier "John Doe" are never guessed at.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from resume_tool.batch.cohort import cohort_view, finding_titles, render_index
from resume_tool.batch.compare import Previous, compare, load_previous, match
from resume_tool.batch.outputs import summary_csv
from resume_tool.cli import main
from resume_tool.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
POSTING = ROOT / "examples" / "posting.txt"


def _row(file: str, *, sha: str = "", email: str = "", student: str = "", score: int | None = 50,
         findings: tuple[str, ...] = (), status: str = "ok") -> dict[str, Any]:
    ok = status == "ok"
    return {"file": file, "name": file, "sha256": sha, "status": status, "student": student,
            "email": email, "score": score if ok else None, "band": "fair" if ok else "",
            "role": "r", "errors": 0, "warnings": len(findings), "infos": 0,
            "findings": [[c, "warning", f"fix {c}", f"message {c}"] for c in findings],
            "missing": [], "targets": [], "required_missing": [],
            "error": "" if ok else f"{file}: broken. Send it again", "outputs": {}}


def _previous(rows: list[dict[str, Any]], settings: dict[str, Any] | None = None) -> Previous:
    return Previous(Path("earlier"), rows, settings or {})


def test_match_by_bytes_then_email_then_unambiguous_name() -> None:
    before = [
        _row("a.pdf", sha="s1", email="ana@college.edu", student="Ana Lima"),
        _row("b.pdf", sha="s2", email="Ben@College.edu", student="Ben Ode"),
        _row("c.pdf", sha="s3", student="Cleo Park"),
        _row("d1.pdf", sha="s4", student="John Doe"),
        _row("d2.pdf", sha="s5", student="John Doe"),
        _row("e.pdf", sha="s6", student="Eve Stone"),
    ]
    now = [
        _row("new/a.pdf", sha="s1", email="other@college.edu", student="Someone Else"),  # bytes win
        _row("new/b.docx", sha="x2", email="ben@college.EDU"),  # e-mail, case-blind
        _row("new/c.docx", sha="x3", student="  cleo   PARK "),  # the one Cleo Park
        _row("new/d.docx", sha="x4", student="John Doe"),  # two earlier John Doe: no guess
        _row("new/e1.docx", sha="x5", student="Eve Stone"),  # two now, one earlier: no guess
        _row("new/e2.docx", sha="x6", student="Eve Stone"),
    ]
    got = {rel: (p["file"], how) for rel, (p, how) in match(now, _previous(before)).items()}
    assert got == {
        "new/a.pdf": ("a.pdf", "same file"),
        "new/b.docx": ("b.pdf", "e-mail"),
        "new/c.docx": ("c.pdf", "name"),
    }


def test_each_earlier_row_is_matched_once() -> None:
    before = [_row("a.pdf", sha="s1", email="ana@college.edu")]
    now = [_row("a.pdf", sha="s1"), _row("b-copy.pdf", sha="s1", email="ana@college.edu")]
    got = match(now, _previous(before))
    assert list(got) == ["a.pdf"]


def test_change_scores_and_findings() -> None:
    before = [_row("a.pdf", sha="s1", score=40, findings=("no-text", "length")),
              _row("b.pdf", sha="s2", status="failed"),
              _row("c.pdf", sha="s3", score=70)]
    now = [_row("a.pdf", sha="t1", score=55, findings=("length", "table-layout")),
           _row("b.pdf", sha="t2", score=60),
           _row("c.pdf", sha="s3", score=70)]
    for r, p in zip(now, before, strict=True):
        r["email"] = p["email"] = f"{r['file']}@college.edu"
    changes = compare(now, _previous(before))
    a = changes["a.pdf"]
    assert (a.previous_score, a.score_change, a.fixed, a.new) == (40, 15, ["no-text"], ["table-layout"])
    b = changes["b.pdf"]  # not checked then: no score to compare, no findings to diff
    assert (b.previous_score, b.score_change, b.fixed, b.new) == (None, None, [], [])
    c = changes["c.pdf"]
    assert (c.matched_by, c.score_change, c.fixed, c.new) == ("same file", 0, [], [])


def test_summary_csv_and_dashboard_show_the_change() -> None:
    before = [_row("a.pdf", sha="s1", email="ana@college.edu", score=40, findings=("no-text",)),
              _row("gone.pdf", sha="s9", email="gone@college.edu", score=10)]
    now = [_row("a2.pdf", sha="t1", email="ana@college.edu", score=55, findings=("table-layout",)),
           _row("new.pdf", sha="t2", email="new@college.edu", score=30)]
    changes = compare(now, _previous(before))
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(summary_csv(now, changes=changes).decode()))}
    titles = finding_titles()
    a = rows["a2.pdf"]
    assert (a["previous_score"], a["score_change"]) == ("40", "15")  # a number, not "'+15" text
    assert a["fixed_findings"] == titles["no-text"] and a["new_findings"] == titles["table-layout"]
    assert rows["new.pdf"]["previous_score"] == rows["new.pdf"]["score_change"] == ""

    view = cohort_view(now, [], changes=changes, previous="earlier", previous_rows=len(before))
    since = view.since
    assert since is not None
    assert (since.matched, since.new_students, since.gone, since.improved, since.median_change) == (
        1, 1, 1, 1, 15)
    assert [(n.title, n.students) for n in since.fixed] == [(titles["no-text"], 1)]
    page = render_index(view)
    assert "Since the last review" in page and "by e-mail" in page
    assert "no-text" not in page.split('id="since"')[1].split("</section>")[0]  # titles, not codes
    # Without --compare there is no such part.
    assert "Since the last review" not in render_index(cohort_view(now, []))


def test_a_different_yardstick_is_said() -> None:
    prev = _previous([], {"posting_sha256": "aaa", "score_version": "2.1"})
    assert prev.yardstick_differs({"posting_sha256": "bbb", "score_version": "2.1"}) == ["the job posting"]
    assert prev.yardstick_differs({"posting_sha256": "aaa", "score_version": "2.1"}) == []


@pytest.mark.parametrize("setup, phrase", [
    (lambda d: None, "no such folder"),
    (lambda d: d.write_text("x"), "needs a folder"),
    (lambda d: d.mkdir(), "no manifest.json"),
    (lambda d: (d.mkdir(), (d / "manifest.json").write_text("{not json")), "cannot be read"),
    (lambda d: (d.mkdir(), (d / "manifest.json").write_text('{"files": 3}')), "not a batch manifest"),
])
def test_bad_previous_folder_is_a_one_line_error_exit_2(tmp_path: Path, setup: Any, phrase: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    earlier = tmp_path / "earlier"
    setup(earlier)
    with pytest.raises(InputError, match=phrase):
        load_previous(earlier)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(_resume("Ana Lima", "ana@college.edu"), "utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--compare", str(earlier),
              "--workers", "1", "-q"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and phrase in err[0]
    assert not (tmp_path / "out" / "summary.csv").exists()  # refused before any work


def _resume(name: str, email: str, extra: str = "") -> str:
    return (f"{name}\n{email} | (555) 555-0100 | Springfield, IL\n\nSUMMARY\nMedical coder with CPC "
            f"credential.\n\nEXPERIENCE\nMedical Coder, Riverbend Clinic, Jan 2021 - Present\n"
            f"- Coded 60 outpatient charts per day with ICD-10-CM and CPT at 96% accuracy\n{extra}\n"
            f"EDUCATION\nAAS Health Information Technology, City College, 2020\n\n"
            f"SKILLS\nICD-10-CM, CPT, HCPCS\n")


def test_compare_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "in1", tmp_path / "in2"
    first.mkdir()
    second.mkdir()
    (first / "ana.txt").write_text(_resume("Ana Lima", "ana@college.edu"), "utf-8")
    (first / "ben.txt").write_text(_resume("Ben Ode", "ben@college.edu"), "utf-8")
    # After the workshop: Ana adds keywords (new bytes, same e-mail); Ben sends the same file.
    (second / "ana-v2.txt").write_text(_resume(
        "Ana Lima", "ANA@college.edu",
        "- Applied E/M leveling, modifiers and NCCI edits; queried physicians on documentation\n"
        "- Used Epic and an encoder for professional fee coding; worked denial management\n"), "utf-8")
    (second / "ben.txt").write_bytes((first / "ben.txt").read_bytes())
    args = ["--posting", str(POSTING), "--workers", "1", "-q"]
    for folder, out, more in ((first, "out1", []), (second, "out2", ["--compare", str(tmp_path / "out1")])):
        with pytest.raises(SystemExit) as exc:
            main(["batch", str(folder), "-o", str(tmp_path / out), *args, *more])
        assert exc.value.code == 0, capsys.readouterr().err
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(
        (tmp_path / "out2" / "summary.csv").read_text("utf-8"), newline=""))}
    before = {r["file"]: r for r in csv.DictReader(io.StringIO(
        (tmp_path / "out1" / "summary.csv").read_text("utf-8"), newline=""))}
    ana, ben = rows["in2/ana-v2.txt"], rows["in2/ben.txt"]
    assert ana["previous_score"] == before["in1/ana.txt"]["score"]
    assert int(ana["score"]) > int(ana["previous_score"])
    assert int(ana["score_change"]) == int(ana["score"]) - int(ana["previous_score"]) > 0
    assert (ben["previous_score"], ben["score_change"]) == (before["in1/ben.txt"]["score"], "0")
    page = (tmp_path / "out2" / "index.html").read_text("utf-8")
    since = page.split('id="since"')[1].split("</section>")[0]
    assert "2 students found again (1 by same file, 1 by e-mail)" in since
    assert "Most improved" in since and "Ana Lima" in since
    manifest = json.loads((tmp_path / "out2" / "manifest.json").read_text("utf-8"))
    assert manifest["counts"]["files"] == 2


def test_a_shared_or_template_email_never_hands_one_student_anothers_score() -> None:
    """Alice and Bob both kept the template's address; now Bob and Zed have it."""
    before = [_row("alice.docx", sha="s1", email="you@example.com", student="Alice Ames"),
              _row("bob.docx", sha="s2", email="you@example.com", student="Bob Burns")]
    now = [_row("bob.docx", sha="t1", email="you@example.com", student="Bob Burns"),
           _row("zed.docx", sha="t2", email="you@example.com", student="Zed Zane")]
    got = {rel: (p["file"], how) for rel, (p, how) in match(now, _previous(before)).items()}
    assert got == {"bob.docx": ("bob.docx", "name")}
    before = [_row("a1.pdf", sha="s1", email="pat@college.edu"), _row("a2.pdf", sha="s2", email="pat@college.edu")]
    now = [_row("n.pdf", sha="t1", email="pat@college.edu")]
    assert match(now, _previous(before)) == {}  # one address, two earlier resumes: no guess


def test_a_damaged_earlier_manifest_cannot_stop_the_run(tmp_path: Path) -> None:
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "manifest.json").write_text(json.dumps({"files": {
        "a.pdf": {"sha256": ["x"], "email": {"a": 1}, "student": 3, "findings": "no-text", "score": "9"},
        "b.pdf": {"sha256": "s2", "score": 40, "status": "ok", "findings": [["length", "info", "f"]]},
    }}), encoding="utf-8")
    previous = load_previous(earlier)
    now = [_row("a.pdf", sha="t1"), _row("b.pdf", sha="s2", score=50)]
    changes = compare(now, previous)
    assert changes["b.pdf"].score_change == 10
    assert "a.pdf" not in changes
