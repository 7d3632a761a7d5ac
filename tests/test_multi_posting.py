"""One resume against many postings: `check --posting A --posting B` / `--postings DIR`.

The ranking must agree exactly with `check --posting X` for each posting, a non-healthcare
posting is "not scored" and comes last, and the keyword payoffs name only what the postings ask
for (never role-profile terms), with gains that adding the keyword really produces.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from resume_tool.api import check, check_many
from resume_tool.cli import main
from resume_tool.render import render_report
from resume_tool.render.multi import multi_to_dict, render_multi

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "resume.docx"
POSTING = ROOT / "examples" / "posting.txt"
TODAY = date(2026, 11, 28)

RESUME = """Avery Stone
avery.stone@example.com | (312) 555-0188 | Chicago, IL

Summary
Medical coder with five years of outpatient coding experience.

Experience
Medical Coder | Lakeshore Clinic | Chicago, IL | Jan 2021 – Present
- Coded 80 encounters a day with 96% accuracy.
- Worked denials and appeals with the billing team.

Education
Associate of Applied Science, Health Information Technology | Harold Washington College | 2020

Certifications
CPC, AAPC

Skills
ICD-10-CM, CPT{extra}
"""

# Written for these tests; what each asks for is read from the text, not from the tool.
CODER = """Medical Coder

Requirements:
- CPC certification required
- 2+ years of experience with ICD-10-CM and CPT coding
- Knowledge of HCPCS Level II and modifiers required

Preferred:
- Experience with Epic
"""
BILLER = """Medical Billing Specialist

Requirements:
- Experience with CMS-1500 claim submission and denial management
- Knowledge of HCPCS and CPT
- HIPAA compliance

Nice to have:
- Medicare and Medicaid billing
"""
SOFTWARE = """Senior Backend Engineer

Requirements:
- 5+ years of Python and Go
- Kubernetes, Terraform and PostgreSQL in production
- Experience designing REST APIs and distributed systems
"""
HOSTILE = """Coder <script>alert(1)</script> | **bold** [x](http://e.x)

Requirements:
- CPC certification and ICD-10-CM required
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"resume": tmp_path / "resume.txt"}
    out["resume"].write_text(RESUME.format(extra=""), encoding="utf-8")
    folder = tmp_path / "postings"
    folder.mkdir()
    for name, body in (("coder.txt", CODER), ("biller.txt", BILLER), ("software.txt", SOFTWARE)):
        (folder / name).write_text(body, encoding="utf-8")
    (folder / "notes.csv").write_text("not a posting", encoding="utf-8")  # skipped: not a posting type
    out["dir"] = folder
    for name in ("coder", "biller", "software"):
        out[name] = folder / f"{name}.txt"
    return out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_scores_agree_exactly_with_single_posting_checks(files: dict[str, Path]) -> None:
    postings = [files["coder"], files["biller"], files["software"], POSTING]
    multi = check_many(files["resume"], postings, today=TODAY)
    assert len(multi.fits) == 4
    for fit in multi.fits:
        single = check(files["resume"], posting=fit.name, today=TODAY)
        assert (fit.report.score, fit.report.band) == (single.score, single.band), fit.name
        assert [k.id for k in fit.report.keywords] == [k.id for k in single.keywords]


def test_ranked_by_score_with_not_scored_last(files: dict[str, Path]) -> None:
    multi = check_many(files["resume"], [files["software"], files["biller"], files["coder"]], today=TODAY)
    names = [Path(f.name).name for f in multi.fits]
    assert names[-1] == "software.txt"
    assert not multi.fits[-1].scored and multi.fits[-1].report.band == "not scored"
    scores = [f.report.score for f in multi.fits if f.scored]
    assert scores == sorted(scores, reverse=True) and len(scores) == 2
    # the coder posting asks for what this resume has (CPC, ICD-10-CM, CPT): it fits best
    assert names[0] == "coder.txt"


def test_missing_required_are_the_postings_own_required_terms(files: dict[str, Path]) -> None:
    multi = check_many(files["resume"], [files["coder"], files["biller"]], today=TODAY)
    by_name = {Path(f.name).name: f for f in multi.fits}
    coder = by_name["coder.txt"]
    assert "hcpcs" in coder.missing_required  # "Knowledge of HCPCS ... required"; not in the resume
    assert "cpc" not in coder.missing_required and "cpt" not in coder.missing_required
    assert "epic" not in coder.missing_required  # preferred only
    for fit in multi.fits:
        for i in fit.missing_required:
            k = next(k for k in fit.report.keywords if k.id == i)
            assert k.source == "posting" and k.required and not k.in_resume


def test_payoffs_name_only_posting_terms_and_hcpcs_pays_in_both(files: dict[str, Path]) -> None:
    multi = check_many(files["resume"], [files["coder"], files["biller"], files["software"]], today=TODAY)
    role_only = {
        k.id for f in multi.fits for k in f.report.keywords if k.source == "role" and k.target
    }
    asked = {k.id for f in multi.fits for k in f.report.keywords if k.source == "posting"}
    assert role_only - asked, "the coding postings should bring a role tier for this test to mean anything"
    assert not {p.id for p in multi.payoffs} & (role_only - asked)
    by_name = {f.name: f for f in multi.fits}
    for p in multi.payoffs:
        for name in p.required_in + p.preferred_in:
            k = next(k for k in by_name[name].report.keywords if k.id == p.id)
            assert k.source == "posting" and not k.in_resume and k.required == (name in p.required_in)
    hcpcs = next(p for p in multi.payoffs if p.id == "hcpcs")
    assert {Path(n).name for n in hcpcs.required_in} == {"coder.txt", "biller.txt"}
    assert all(g > 0 for g in hcpcs.gains.values())
    assert not any("software.txt" in n for p in multi.payoffs for n in p.gains)  # not scored: no gain
    assert [p.total_gain for p in multi.payoffs] == sorted((p.total_gain for p in multi.payoffs), reverse=True)


def test_predicted_gain_is_what_adding_the_keyword_gives(files: dict[str, Path], tmp_path: Path) -> None:
    """The other way round: add HCPCS to the resume for real and re-check each posting."""
    multi = check_many(files["resume"], [files["coder"], files["biller"]], today=TODAY)
    hcpcs = next(p for p in multi.payoffs if p.id == "hcpcs")
    richer = tmp_path / "richer.txt"
    richer.write_text(RESUME.format(extra=", HCPCS"), encoding="utf-8")
    for fit in multi.fits:
        after = check(richer, posting=fit.name, today=TODAY)
        assert after.score - fit.report.score == hcpcs.gains[fit.name], fit.name


def test_one_posting_keeps_todays_output(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(files["resume"]), "--posting", str(files["coder"]))
    assert code == 0
    expected = render_report(check(files["resume"], posting=str(files["coder"])), "text")
    assert out.rstrip("\n") == expected.rstrip("\n")
    code, out, _ = run(capsys, "check", str(files["resume"]), "--posting", str(files["coder"]),
                       "--format", "json")
    assert "keywords" in json.loads(out) and "postings" not in json.loads(out)


def test_cli_ranks_a_folder_and_repeated_postings(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(files["resume"]), "--postings", str(files["dir"]))
    assert code == 0
    assert "against 3 postings, best fit first" in out
    lines = [ln for ln in out.splitlines() if ln[:3].strip().rstrip(".").isdigit()]
    assert "coder.txt" in lines[0] and "software.txt" in lines[-1] and "not scored" in lines[-1]
    assert "(only if true)" in out and "notes.csv" not in out
    code, out, _ = run(capsys, "check", str(files["resume"]), "--posting", str(files["coder"]),
                       "--posting", str(files["software"]), "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "resume-tool/multi-posting"
    assert [p["rank"] for p in data["postings"]] == [1, 2]
    assert data["postings"][1]["score"] is None and data["postings"][1]["scored"] is False
    single = check(files["resume"], posting=str(files["coder"]))
    assert data["postings"][0]["score"] == single.score


def test_schema_doc_names_every_json_field(files: dict[str, Path]) -> None:
    schema = json.loads((ROOT / "docs" / "multi-schema.json").read_text(encoding="utf-8"))
    data = multi_to_dict(check_many(files["resume"], [files["coder"], files["biller"]], today=TODAY))
    assert set(data) == set(schema["properties"]) == set(schema["required"])
    posting_props = schema["properties"]["postings"]["items"]["properties"]
    assert set(data["postings"][0]) == set(posting_props)
    pay_props = schema["properties"]["keyword_payoffs"]["items"]["properties"]
    assert data["keyword_payoffs"] and set(data["keyword_payoffs"][0]) == set(pay_props)


def test_html_and_md_keep_posting_text_inert(tmp_path: Path, files: dict[str, Path]) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    multi = check_many(files["resume"], [hostile, files["coder"]], today=TODAY)
    html = render_multi(multi, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Content-Security-Policy" in html and "only if true" in html
    md = render_multi(multi, "md")
    assert "<script>" not in md and "\\*\\*bold\\*\\*" in md
    assert "| 1 |" in md and "| 2 |" in md


def test_bad_inputs_are_one_line_exit_2(tmp_path: Path, files: dict[str, Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "check", str(files["resume"]), "--postings", str(empty))
    assert code == 2 and "no posting files in this folder" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "check", str(files["resume"]), "--posting", "-", "--posting", "-")
    assert code == 2
    code, _, err = run(capsys, "check", str(files["resume"]), "--posting", str(files["coder"]),
                       "--posting", str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err and "Traceback" not in err


def test_fail_under_uses_the_best_score(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    multi = check_many(files["resume"], [files["coder"], files["biller"]])
    best = max(f.report.score for f in multi.fits)
    args = ["check", str(files["resume"]), "--posting", str(files["coder"]), "--posting", str(files["biller"])]
    assert run(capsys, *args, "--fail-under", str(best))[0] == 0
    assert run(capsys, *args, "--fail-under", str(best + 1))[0] == 1


def test_each_file_is_bounded_and_a_repeat_counts_once(files: dict[str, Path]) -> None:
    import contextlib

    seen: list[str] = []

    @contextlib.contextmanager
    def bound(name: str):
        seen.append(Path(name).name)
        yield

    multi = check_many(files["resume"], [files["coder"], files["biller"], files["coder"]], bound=bound)
    assert seen == ["resume.txt", "coder.txt", "biller.txt"]
    assert len(multi.fits) == 2
