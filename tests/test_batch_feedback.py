"""`batch --feedback`: one page per student, in the report's words, safe to e-mail.

The pure function (``feedback_texts``) is checked against the report it summarises, computed
independently from the report's fields; one small in-process batch checks the files, the rows,
the manifest's settings key and the removal of stale pages.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from resume_tool.api import check
from resume_tool.batch import run_batch
from resume_tool.batch.feedback import TOP_FIXES, BestFit, best_fit, feedback_texts, top_fixes
from resume_tool.models import Finding
from resume_tool.render import render_report
from resume_tool.render.view import SEVERITY_LABELS
from tests.cli_words import NOT_HEALTHCARE, OUT_OF_ORDER, cli_mentions
from tests.fixtures.builders import build_docx, sample_spec

ROOT = Path(__file__).resolve().parents[1]
RESUME = ROOT / "examples" / "resume.docx"
POSTING = ROOT / "examples" / "posting.txt"
SHARED = ROOT.parent / "shared" / "corpus"
HOSTILE = '<script>alert(1)</script> *Jane* [x](http://evil.example) | =SUM(A1)'


@pytest.fixture(scope="module")
def report() -> Any:
    return check(RESUME, posting=POSTING)


def _required_missing(report: Any) -> list[str]:
    """What the posting requires and the resume lacks, from the report's fields."""
    return [k.term for k in report.keywords
            if k.target and k.source == "posting" and k.required
            and not (k.in_resume or k.satisfied_by)]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


# ------------------------------------------------------------ the page
def test_page_has_score_top_fixes_and_only_required_keywords(report: Any) -> None:
    r = copy.deepcopy(report)
    # a role-profile core term beside the posting is never "required" on the page
    role_term = copy.deepcopy(next(k for k in r.keywords if k.target))
    role_term.id, role_term.term, role_term.source = "x-role", "Zebra Charting", "role"
    role_term.core, role_term.required, role_term.in_resume, role_term.satisfied_by = True, False, False, []
    r.keywords.append(role_term)
    r.findings = [
        Finding("long-line", "info", "An info note.", "Info fix."),
        Finding("missing-contact", "error", "No email or phone found.", "Put an email first."),
        Finding("table-layout", "warning", "A table holds the experience.", "Use plain lines."),
        Finding("multi-column", "warning", "Two columns.", "Use one column."),
    ]
    md, html = feedback_texts(r)
    assert f"{r.score}/100" in md and f"{r.score}/100" in html
    # must fix first, then should fix; the info note is left for the full report
    fixes = re.findall(r"^\d\. \*\*(.+?):\*\* (.+?)(?: _|\\$)", md, re.M)
    assert fixes == [("Must fix", "No email or phone found."),
                     ("Should fix", "A table holds the experience."),
                     ("Should fix", "Two columns.")]
    assert "Put an email first." in md and "Info fix." not in md
    assert "1 more finding" in md
    missing = _required_missing(r)
    assert missing, "the example resume lacks some of the posting's required keywords"
    section = md.split("## Missing required keywords", 1)[1].split("##", 1)[0]
    listed = [line[2:] for line in section.splitlines() if line.startswith("- ")]
    assert len(listed) == min(5, len(missing))
    for line in listed:  # each is a required term the resume lacks (label: term, other forms)
        assert any(line.replace("\\", "").removeprefix("one of: ").startswith(t) for t in missing), line
    if len(missing) > 5:
        assert f"… and {len(missing) - 5} more required keywords in the full report." in section
    assert "Zebra Charting" not in md and "Zebra Charting" not in html
    assert "Add a keyword only if it is true for you." in section


def test_top_fixes_follow_severity_then_the_reports_order(report: Any) -> None:
    r = copy.deepcopy(report)
    r.findings = [Finding(c, s, c, "") for c, s in
                  [("a", "info"), ("b", "warning"), ("c", "error"), ("d", "warning"), ("e", "error")]]
    got = [(f.label, f.message) for f in top_fixes(r)]
    assert got == [(SEVERITY_LABELS["error"], "c"), (SEVERITY_LABELS["error"], "e"),
                   (SEVERITY_LABELS["warning"], "b")]
    assert len(got) == TOP_FIXES


def test_top_fixes_put_reading_problems_first_and_name_three_different_ones(report: Any) -> None:
    """As the report lists them (severity, then code): two acronym notes and a heading come
    before the table that hides the experience from an ATS; the page shows the table, one
    acronym note and then the heading."""
    r = copy.deepcopy(report)
    r.findings = [
        Finding("acronym-long-form", "warning", "CPT only.", "", "CPT"),
        Finding("acronym-long-form", "warning", "HCC only.", "", "HCC"),
        Finding("nonstandard-heading", "warning", "Odd heading.", ""),
        Finding("table-layout", "warning", "A table.", ""),
        Finding("date-inconsistent", "info", "Dates.", ""),
    ]
    assert [f.message for f in top_fixes(r)] == ["A table.", "Odd heading.", "CPT only."]


def test_not_scored_says_why_and_lists_no_keywords() -> None:
    if not (SHARED / "files").is_dir():
        pytest.skip("../shared/corpus is not here")
    r = check(SHARED / "files" / "rendercv-john-doe-classic.pdf")  # a software engineer
    assert r.band == "not scored"
    md, html = feedback_texts(r)
    assert "Score: not scored" in md
    assert "No score:" in md  # the report's reason
    assert "## Missing" not in md
    assert "<h2 id=\"kw-h\"" not in html


def test_writing_notes_when_they_exist(report: Any) -> None:
    import dataclasses

    md, html = feedback_texts(report)
    notes = report.writing.findings
    assert notes, "the example resume has writing notes"
    first = notes[0]
    assert "## Writing notes" in md and first.message in html and first.where in html
    r = copy.deepcopy(report)
    r.writing = dataclasses.replace(r.writing, findings=(), roles=())
    md2, html2 = feedback_texts(r)
    assert "Writing notes" not in md2 and "Writing notes" not in html2


def test_student_text_is_inert_in_both_formats(report: Any) -> None:
    r = copy.deepcopy(report)
    r.resume.contact.name = HOSTILE
    r.findings = [Finding("missing-contact", "error", HOSTILE, HOSTILE, HOSTILE)]
    md, html = feedback_texts(r, BestFit("<b>x</b>.txt", 70, 3))
    tags = _tags(html)
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object", "link", "a", "b")]
    assert "&lt;script&gt;" in html
    for _, attrs in tags:  # no external resource of any kind
        for value in attrs.values():
            assert not re.match(r"\s*(https?:|//)", value or "")
    csp = [a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    # Markdown: no raw HTML, no link, no emphasis from the student's text
    assert "<script>" not in md and "<b>" not in md
    assert not re.search(r"(?<!\\)\]\(http", md) and not re.search(r"(?<!\\)\*Jane", md)
    assert "&lt;script&gt;" in md and r"\*Jane\*" in md


def test_best_fit_from_the_row() -> None:
    assert best_fit({"fit": {"a.txt": 40, "b.txt": None}, "best_posting": "a.txt",
                     "best_posting_score": 40}) == BestFit("a.txt", 40, 2)
    assert best_fit({"fit": {"a.txt": None}, "best_posting": "", "best_posting_score": None}) is None
    assert best_fit({}) is None


# ------------------------------------------------------------ in a batch
def _class(root: Path) -> list[Path]:
    root.mkdir(parents=True)
    a = build_docx(sample_spec(0), root / "alice.docx")
    b = build_docx(sample_spec(1), root / "bob.docx", "header-contact")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return [a, b, root / "broken.docx"]


def _run(inputs: list[Path], out: Path, **kw: Any) -> Any:
    args: dict[str, Any] = dict(posting=POSTING, role=None, lists=None, workers=1,
                                formats=["html"], drafts=False, force=False, excel=False,
                                quiet=True)
    args.update(kw)
    return run_batch(inputs, out, **args)


def test_batch_writes_feedback_per_checked_student_and_keeps_it_incremental(tmp_path: Path) -> None:
    inputs = _class(tmp_path / "in")
    out = tmp_path / "out"
    result = _run(inputs, out, feedback=True)
    rows = {r["file"]: r for r in result.rows}
    assert rows["broken.docx"]["status"] == "failed" and "feedback_md" not in rows["broken.docx"]["outputs"]
    for name in ("alice", "bob"):
        outputs = rows[f"{name}.docx"]["outputs"]
        assert outputs["feedback_md"] == f"feedback/{name}.md"
        assert outputs["feedback_html"] == f"feedback/{name}.html"
        md = (out / outputs["feedback_md"]).read_text(encoding="utf-8")
        report = json.loads((out / "manifest.json").read_text())["files"][f"{name}.docx"]
        assert f"{report['score']}/100" in md
        assert not list((out / "feedback").glob(".*partial"))
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["settings"]["feedback"] is True

    again = _run(inputs, out, feedback=True)
    assert again.checked == 0 and again.reused == 3  # a failed file's verdict is cached too
    # without --feedback the settings differ: everything is redone and the pages go
    plain = _run(inputs, out)
    assert plain.reused == 0
    assert not list((out / "feedback").glob("*.md")) and not list((out / "feedback").glob("*.html"))
    assert all("feedback_md" not in r["outputs"] for r in plain.rows)


def test_deleted_feedback_page_is_written_again(tmp_path: Path) -> None:
    inputs = _class(tmp_path / "in")[:1]
    out = tmp_path / "out"
    _run(inputs, out, feedback=True)
    (out / "feedback" / "alice.html").unlink()
    again = _run(inputs, out, feedback=True)
    assert again.checked == 1 and (out / "feedback" / "alice.html").is_file()
    shutil.rmtree(out / "feedback")
    assert _run(inputs, out, feedback=True).checked == 1


# ------------------------------------------------------------ in a browser
@pytest.mark.slow
def test_feedback_page_prints_on_one_sheet_and_logs_nothing(report: Any, tmp_path: Path) -> None:
    """The page an advisor e-mails or prints: no console message (no blocked request, no
    script), and one sheet when printed, even with a long name and the best posting."""
    from tests.test_render_browser import CHROMIUM, console_messages, run_chromium

    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    from pdfminer.pdfpage import PDFPage

    r = copy.deepcopy(report)
    r.resume.contact.name = HOSTILE
    _, html = feedback_texts(r, BestFit("a-rather-long-posting-file-name-from-a-job-board.txt", 86, 30))
    page = tmp_path / "feedback.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "feedback.pdf"
    printed = run_chromium(page, tmp_path / "profile-pdf", "--no-pdf-header-footer",
                           f"--print-to-pdf={pdf}")
    assert printed.returncode == 0 and pdf.is_file()
    assert console_messages(printed.stderr) == []
    with pdf.open("rb") as fh:
        assert sum(1 for _ in PDFPage.get_pages(fh)) == 1


@pytest.mark.parametrize("name", ["gdocs-brooksby-export.docx", "indeed-mason-resume.pdf",
                                  "bjh-john-smith-kent-sample.docx"])
def test_the_first_fix_is_the_same_on_the_feedback_page_the_dashboard_and_the_csv(name: str) -> None:
    """These three once named different first fixes on the feedback page and in summary.csv."""
    from resume_tool.batch.outputs import report_row
    from resume_tool.render import report_to_dict

    path = SHARED / "files" / name
    if not path.is_file():
        pytest.skip(f"../shared/corpus/files/{name} is not here")
    r = check(path, posting=ROOT / "examples" / "posting.txt")
    first = report_row(name, name, "", report_to_dict(r))["first_fix"]
    assert first is not None
    assert first[2] == top_fixes(r, 1)[0].message


# ------------------------------------------- no command line on a page a student reads
def test_cli_mentions_finds_what_it_looks_for() -> None:
    assert cli_mentions("run `resume-tool draft x.docx`") == ["resume-tool draft"]
    assert cli_mentions("use resume-tool --debug check") == ["resume-tool --debug check", "--debug"]
    assert cli_mentions("choose one with --role") == ["--role"]
    assert cli_mentions("<style>:root { --role: 1 }</style> resume-tool 1.0") == []


def test_no_feedback_page_or_report_names_a_command(tmp_path: Path) -> None:
    """Fixes and notes are in plain words: a student reading an e-mailed page has no shell."""
    for name, text in (("pat.txt", OUT_OF_ORDER), ("sam.txt", NOT_HEALTHCARE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = check(path)
        if name == "pat.txt":  # the finding whose fix named `resume-tool draft`
            assert "not-reverse-chronological" in [f.code for f in r.findings]
            assert r.role_inferred
        else:  # the note and score line that named --posting and --role
            assert r.band == "not scored"
        md, html = feedback_texts(r)
        for fmt in ("html", "md"):
            assert cli_mentions(render_report(r, fmt)) == [], (name, fmt)
        assert cli_mentions(md) == [] and cli_mentions(html) == [], name
