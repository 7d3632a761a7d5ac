"""Issue 13 wiring: the writing review and the sub-scores in every report format, the draft's
to-consider notes, and the batch CSV column and dashboard. Each point is tested both ways:
present when the stage ran, absent (or null) when it did not."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from resume_tool import check
from resume_tool.analyze.subscores import FORMAT_CODES, format_sub_score, sub_scores
from resume_tool.batch.cohort import cohort_view, render_index, writing_shares
from resume_tool.batch.outputs import summary_csv
from resume_tool.batch.outputs import writing_row as _writing_row
from resume_tool.models import Finding
from resume_tool.render import render_report, report_to_dict
from resume_tool.render.draft_text import render_consider

from .report_samples import sample_report
from .test_render import SCHEMA_PATH, validate

TODAY = date(2026, 11, 28)

RESUME = """Avery Stone
avery.stone@example.com | (312) 555-0188 | Chicago, IL

Summary
Medical coder with five years of outpatient coding experience.

Experience
Medical Coder | Lakeshore Clinic | Chicago, IL | Jan 2021 – Present
- Responsible for coding outpatient encounters in Epic.
- Coded 80 encounters a day with 96% accuracy.
- Reviewed charts with the claimz encoder.

Education
Associate of Applied Science, Health Information Technology | Harold Washington College | 2020

Certifications
CPC, AAPC

Skills
ICD-10-CM, CPT, HCPCS
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("w") / "r.txt"
    path.write_text(RESUME, encoding="utf-8")
    return check(path, today=TODAY)


def _codes_on(report, text: str) -> set[str]:
    return {f.code for f in report.writing.findings if text in f.where}


# ------------------------------------------------------------------ api
def test_check_fills_writing_and_three_sub_scores(report) -> None:
    assert report.writing is not None and report.writing.lines_checked >= 3
    assert "weak-opener" in _codes_on(report, "Responsible for coding")
    assert [s.name for s in report.sub_scores] == ["keywords", "format", "writing"]
    subs = {s.name: s for s in report.sub_scores}
    assert subs["keywords"].score == report.score  # same meaning as the keyword score
    assert subs["writing"].score == report.writing.score is not None
    assert all(s.explanation for s in report.sub_scores)


def test_lists_words_are_known_to_the_spelling_check(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RESUME, encoding="utf-8")
    assert "spelling" in _codes_on(check(path, today=TODAY), "claimz")
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "mine.toml").write_text(
        '[[entry]]\nid = "claimz"\nterm = "Claimz"\ncategory = "software"\n', encoding="utf-8")
    with_lists = check(path, lists=lists, today=TODAY)
    assert "claimz" in " ".join(f.where for f in with_lists.writing.findings)  # still read
    assert "spelling" not in _codes_on(with_lists, "claimz")


# ----------------------------------------------------------- sub-scores
def _f(code: str, severity: str) -> Finding:
    return Finding(code=code, severity=severity, message="m", fix="f", where="w")  # type: ignore[arg-type]


def test_format_sub_score_follows_the_documented_formula() -> None:
    assert format_sub_score([]).score == 100
    # one must fix (25) and one should fix (10); good to know and keyword findings cost nothing
    s = format_sub_score([_f("contact-in-header-footer", "error"), _f("table-layout", "warning"),
                          _f("length", "info"), _f("acronym-long-form", "warning"),
                          _f("keyword-stuffing", "warning")])
    assert s.score == 65
    assert any("contact-in-header-footer" in line and "25" in line for line in s.explanation)
    assert not any("acronym-long-form" in line for line in s.explanation)
    assert format_sub_score([_f("hidden-text", "error")] * 5).score == 0  # floor 0
    assert format_sub_score([_f("no-text", "error")]).score == 0
    assert "acronym-long-form" not in FORMAT_CODES and "table-layout" in FORMAT_CODES


def test_sub_scores_of_a_report_without_the_writing_stage() -> None:
    r = sample_report()
    assert r.writing is None
    subs = {s.name: s for s in sub_scores(r)}
    assert subs["writing"].score is None and subs["keywords"].score == r.score
    r.band = "not scored"
    assert {s.name: s for s in sub_scores(r)}["keywords"].score is None


# -------------------------------------------------------------- formats
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_has_line_by_line_and_sub_scores(report, fmt: str) -> None:
    out = render_report(report, fmt)
    assert "Line by line" in out
    assert "Responsible for coding outpatient encounters" in out
    assert "Sub-scores" in out
    assert "Format (ATS layout)" in out and f"{report.writing.score}/100" in out


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_no_line_by_line_without_the_writing_stage(fmt: str) -> None:
    out = render_report(sample_report(), fmt)
    assert "Line by line" not in out
    assert "Sub-scores" in out  # keywords and format need no writing stage; writing says none


def test_json_has_sub_scores_and_writing_and_matches_the_schema(report) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = report_to_dict(report)
    validate(data, schema, schema)
    assert data["sub_scores"]["keywords"]["score"] == data["score"]
    assert data["sub_scores"]["writing"]["score"] == data["writing"]["score"]
    assert data["writing"]["counts"].get("weak-opener", 0) >= 1
    assert data["score_version"] == "2.1"
    bare = report_to_dict(sample_report())
    validate(bare, schema, schema)
    assert bare["writing"] is None and bare["sub_scores"]["writing"]["score"] is None


def test_html_writing_part_is_escaped_and_has_no_inline_style_or_script(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RESUME.replace("Reviewed charts with the claimz encoder.",
                                   'Responsible for <script>alert(1)</script> "charts" & audits.'),
                    encoding="utf-8")
    r = check(path, today=TODAY)
    html = render_report(r, "html")
    assert "<script" not in html.lower() and "&lt;script&gt;" in html
    assert ' style="' not in html
    md = render_report(r, "md")
    part = md.split("## Line by line", 1)[1].split("\n## ", 1)[0]  # the ATS text is a code block
    assert "Responsible for &lt;script&gt;" in part and "<script" not in part.lower()


# ---------------------------------------------------------------- draft
def test_draft_to_consider_lists_line_prompts_per_role(report) -> None:
    from resume_tool.api import engine
    from resume_tool.render.draft import build_draft

    _, matcher = engine()
    draft = build_draft(report, matcher, today=TODAY)
    notes = render_consider(draft, "d.docx")
    assert "## Line by line" in notes
    assert "### Medical Coder, Lakeshore Clinic" in notes
    assert "“Responsible for coding outpatient encounters in Epic.”" in notes
    # the draft itself keeps the bullet as written
    bullets = [b for role in draft.experience for b in role.bullets]
    assert any("Responsible for coding outpatient encounters in Epic." in str(b) for b in bullets)
    report_without = sample_report()
    assert "Line by line" not in render_consider(build_draft(report_without, matcher, today=TODAY), "d.docx")


# ---------------------------------------------------------------- batch
def _row(name: str, score: int, band: str, writing: dict[str, Any] | None) -> dict[str, Any]:
    data = {"sub_scores": {"writing": {"score": writing["score"] if writing else None,
                                       "explanation": []}},
            "writing": writing}
    return {"file": name, "name": name, "status": "ok", "score": score, "band": band,
            "student": "", "email": "", "role": "r", "errors": 0, "warnings": 0, "infos": 0,
            "missing": [], "targets": [], "findings": [], "required_missing": [], "error": "",
            **_writing_row(data)}


def _weak(opener: str) -> dict[str, str]:
    return {"code": "weak-opener", "severity": "warning", "where": f"{opener} x", "role": "R",
            "message": f'"{opener}" describes a duty, not what you did.', "fix": "f", "detail": opener}


def test_batch_reads_the_opener_from_the_detail_field_not_the_message() -> None:
    reworded = {**_weak("Responsible  for"), "message": "A career office reworded this note."}
    assert _writing_row({"writing": {"findings": [reworded]}})["writing_problems"] == [
        ["weak-opener", "Responsible for"]
    ]
    no_detail = {k: v for k, v in _weak("Helped").items() if k != "detail"}
    assert _writing_row({"writing": {"findings": [no_detail]}})["writing_problems"] == [["weak-opener", ""]]


def test_batch_row_csv_column_and_class_problems() -> None:
    nores = {"code": "no-result", "severity": "info", "where": "x", "role": "R", "message": "m", "fix": "f"}
    rows = [
        _row("a", 60, "fair", {"score": 70, "findings": [_weak("Responsible for"), _weak("Responsible for"), nores]}),
        _row("b", 40, "weak", {"score": 90, "findings": [_weak("Assisted with")]}),
        _row("c", 0, "not scored", {"score": 50, "findings": [_weak("Responsible for")]}),
        _row("d", 55, "fair", None),  # nothing to read: no writing score, not in the shares
    ]
    assert rows[0]["writing_score"] == 70 and rows[3]["writing_score"] is None
    assert rows[0]["writing_problems"] == [["no-result", ""], ["weak-opener", "Responsible for"]]
    csv = summary_csv(rows).decode("utf-8").splitlines()
    col = csv[0].split(",").index("writing_score")  # later columns are appended after it
    assert [line.split(",")[col] for line in csv[1:]] == ["70", "90", "50", ""]
    shares, read = writing_shares(rows)
    assert read == 3
    top = shares[0]
    assert (top.code, top.detail, top.students, top.percent) == ("weak-opener", "Responsible for", 2, 67)
    view = cohort_view(rows, [])
    assert view.scored == 3 and view.median == 55  # "not scored" is left out, not a 0
    assert view.writing_median == 70
    page = render_index(view)
    assert "open bullets with “Responsible for”" in page and "67% (2)" in page
    assert "keyword and layout fit" not in page and "keyword coverage only" in page
    assert "1 resume was not scored" in page


def test_dashboard_without_writing_results() -> None:
    rows = [_row("a", 60, "fair", None)]
    page = render_index(cohort_view(rows, []))
    assert "No bullets or summary sentences could be read." in page
    assert "open bullets with" not in page
    all_unscored = render_index(cohort_view([_row("a", 0, "not scored", None)], []))
    assert "No resume was scored." in all_unscored
