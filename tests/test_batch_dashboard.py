"""The batch triage dashboard (issue 14): "See first", the single reports' words, duplicates,
one row per submission, the same totals everywhere, and the page in a real browser.

The browser test drives the system Chromium with Playwright over a dashboard made by a real
batch run on the committed fixture files (and DOCX built by the fixture builders).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from resume_tool.batch import run_batch
from resume_tool.batch.cohort import cohort_view, finding_titles, render_index
from resume_tool.batch.inputs import discover
from resume_tool.batch.outputs import duplicates, summary_csv
from resume_tool.cli import main
from resume_tool.render.view import SEVERITY_LABELS
from tests.fixtures.builders import build_docx, sample_spec

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "files"
POSTING = ROOT / "examples" / "posting.txt"
CHROMIUM = Path("/usr/bin/chromium") if Path("/usr/bin/chromium").is_file() else (
    Path(p) if (p := shutil.which("chromium") or shutil.which("chromium-browser")) else None)


def _row(file: str, score: int | None = 50, *, band: str = "fair", sha: str = "", email: str = "",
         student: str = "", findings: tuple[tuple[str, str], ...] = (),
         required: tuple[str, ...] = (), status: str = "ok", **extra: Any) -> dict[str, Any]:
    ok = status == "ok"
    fs = [[code, sev, f"fix for {code}", f"message for {code}"] for code, sev in findings]
    order = {"error": 0, "warning": 1, "info": 2}
    first = min(fs, key=lambda f: order[f[1]], default=None)
    return {"file": file, "name": file, "sha256": sha, "status": status, "student": student,
            "email": email, "score": score if ok else None, "band": band if ok else "",
            "role": "outpatient-coder", "role_name": "Outpatient Coder",
            "errors": sum(1 for _, s in findings if s == "error"),
            "warnings": sum(1 for _, s in findings if s == "warning"),
            "infos": sum(1 for _, s in findings if s == "info"),
            "findings": sorted(fs), "first_fix": [first[0], first[1], first[3], first[2]] if first else None,
            "missing": [[t.lower(), t, True] for t in required], "targets": [t.lower() for t in required],
            "required_missing": list(required),
            "error": "" if ok else f"{file}: the PDF is password-protected. Save it without a password",
            "outputs": {"html": f"reports/{file}.html"} if ok else {}, **extra}


# ------------------------------------------------------------- See first
def test_see_first_lists_unchecked_then_must_fix_then_lowest_with_the_reports_fix() -> None:
    titles = finding_titles()
    rows = [
        _row("a-good.pdf", 90, band="strong", findings=(("length", "info"),)),
        _row("b-scan.pdf", 0, band="weak", findings=(("no-text", "error"), ("missing-contact", "error"))),
        _row("c-locked.pdf", status="failed"),
        _row("d-low.pdf", 12, band="weak", required=("CPC", "CPT", "E/M", "NCCI"),
             findings=(("table-layout", "warning"),)),
        _row("e-mid.pdf", 60, findings=(("multi-column", "warning"),)),
        _row("f-copy.pdf", 0, band="weak", sha="same", findings=(("no-text", "error"),)),
        _row("g-copy.pdf", 0, band="weak", sha="same", findings=(("no-text", "error"),)),
    ]
    view = cohort_view(rows, [], posting="posting.txt")
    got = [(f.student.file, f.kind, f.reason, f.fix) for f in view.see_first]
    assert got[0] == ("c-locked.pdf", "not-checked",
                      "Could not be checked: the PDF is password-protected", "Save it without a password")
    # no-text outranks the other must-fix finding: nothing else can be fixed before it
    assert got[1] == ("b-scan.pdf", "must-fix", f"{SEVERITY_LABELS['error']}: {titles['no-text']}",
                      "fix for no-text")
    assert got[2] == ("f-copy.pdf", "must-fix", f"Must fix: {titles['no-text']}", "fix for no-text")
    # then the lowest scores; the low one's fix is its missing required keywords, as advice
    assert [g[0] for g in got[3:]] == ["d-low.pdf", "e-mid.pdf", "a-good.pdf"]
    assert got[3][2:] == ("Score 12 (weak)",
                          "Required keywords missing: CPC, CPT, E/M and 1 more. "
                          "Add a keyword only if it is true for you.")
    assert "g-copy.pdf" not in [g[0] for g in got]  # a duplicate is seen through its first file
    # Without a posting the single report says "core", not "required".
    assert cohort_view(rows, []).see_first[3].fix.startswith("Core keywords missing")


def test_page_uses_the_single_reports_words_and_titles_not_codes() -> None:
    titles = finding_titles()
    rows = [_row("a.pdf", 30, findings=(("contact-in-header-footer", "error"), ("table-layout", "warning"),
                                        ("legacy-term", "info")))]
    page = render_index(cohort_view(rows, [], posting="p.txt"))
    for label in SEVERITY_LABELS.values():
        assert label in page
    assert not re.search(r">\s*(error|warning|info)\s*<", page)
    assert "<code>" not in page.split('id="find-h"')[1].split("</section>")[0]
    for code in ("contact-in-header-footer", "table-layout", "legacy-term"):
        assert titles[code] in page
        assert f">{code}<" not in page
    assert "Required missing" in page and "must-have" not in page
    assert "Core missing" in render_index(cohort_view(rows, []))


def test_every_finding_code_has_a_title() -> None:
    """Each documented finding code (README's findings table) has a title in the one place."""
    readme = (ROOT / "README.md").read_text("utf-8").split("## Findings")[1].split("\n## ")[0]
    codes = re.findall(r"^\| `([a-z0-9-]+)` \|", readme, flags=re.M)
    assert len(codes) > 15
    assert sorted(set(codes) - set(finding_titles())) == []


# ------------------------------------------------------------- duplicates
def test_duplicates_by_bytes_or_email_and_counted_once() -> None:
    rows = [
        _row("a.pdf", 80, sha="s1", email="Ana@College.edu"),
        _row("a.docx", 20, sha="s2", email="ana@college.EDU"),  # same person, other file
        _row("b.pdf", 40, sha="s1"),  # same bytes as a.pdf
        _row("c.pdf", 60, sha="s3", email="you@example.com"),  # a template's e-mail is no evidence
        _row("d.pdf", 60, sha="s4", email="you@example.com"),
        _row("e.pdf", 10, sha="s5", email="e@college.edu"),
        _row("f.pdf", 10, sha="s6", email="e@college.edu"),
    ]
    assert duplicates(rows) == {"a.pdf": ("a.docx", "same e-mail"), "b.pdf": ("a.docx", "same file"),
                                "f.pdf": ("e.pdf", "same e-mail")}
    view = cohort_view(rows, [])
    assert (view.total, view.ok, view.duplicates, view.counted) == (7, 7, 3, 4)
    assert view.scored == 4 and view.median == 40  # 20, 60, 60, 10: each student once
    table = {r["file"]: r for r in csv.DictReader(io.StringIO(summary_csv(rows).decode()))}
    assert table["b.pdf"]["duplicate_of"] == "a.docx" and table["a.docx"]["duplicate_of"] == ""
    assert table["d.pdf"]["duplicate_of"] == ""
    page = render_index(view)
    assert "3 duplicates (counted once)" in page and "duplicate of a.docx (same e-mail)" in page


# ------------------------------------------------------- columns from others
def test_best_posting_matrix_and_feedback_only_when_present() -> None:
    plain = [_row("a.pdf", 50)]
    page = render_index(cohort_view(plain, []))
    assert "Best posting" not in page and "matrix.csv" not in page and ">feedback<" not in page
    row = _row("a.pdf", 50, best_posting="coder-b.txt", best_posting_score=77,
               fit={"coder-a.txt": 50, "coder-b.txt": 77})
    row["outputs"]["feedback_html"] = "feedback/a.html"
    page = render_index(cohort_view([row], []))
    assert "Best posting" in page and "coder-b.txt (77)" in page
    assert 'href="matrix.csv"' in page and 'href="feedback/a.html"' in page
    table = list(csv.DictReader(io.StringIO(summary_csv([row, _row("b.pdf")]).decode())))
    assert [(r["best_posting"], r["best_posting_score"]) for r in table] == [("coder-b.txt", "77"), ("", "")]


# ------------------------------------------------- one row per submission
def test_pictures_and_unknown_types_are_rows_junk_is_skipped(tmp_path: Path) -> None:
    cls = tmp_path / "class"
    (cls / "__MACOSX").mkdir(parents=True)
    for name in ("resume.txt", "photo.HEIC", "scan.png", "cv.pages", ".DS_Store", "~$cv.docx",
                 "Thumbs.db", "__MACOSX/._resume.txt"):
        (cls / name).write_bytes(b"x")
    with zipfile.ZipFile(tmp_path / "late.zip", "w") as z:
        z.writestr("eve/resume.jpg", b"\xff\xd8\xff")
        z.writestr("eve/resume.txt", "Eve")
        z.writestr("__MACOSX/eve/._resume.txt", b"\0")
    found = discover([cls, tmp_path / "late.zip"])
    assert [i.rel for i in found.items] == ["class/resume.txt", "late.zip/eve/resume.txt"]
    failed = {f.rel: f.error for f in found.failed}
    assert sorted(failed) == ["class/cv.pages", "class/photo.HEIC", "class/scan.png", "late.zip/eve/resume.jpg"]
    assert failed["class/photo.HEIC"].startswith("class/photo.HEIC: a picture (.heic) of a resume")
    assert all("Ask the student for the DOCX" in e for e in failed.values())
    assert sorted(s.rel for s in found.skipped) == [
        "class/.DS_Store", "class/Thumbs.db", "class/__MACOSX/._resume.txt", "class/~$cv.docx",
        "late.zip/__MACOSX/eve/._resume.txt"]


def _text_resume(name: str, email: str) -> str:
    return (f"{name}\n{email} | (555) 555-0100\n\nEXPERIENCE\nMedical Coder, Clinic, 2021 - Present\n"
            "- Coded 60 charts per day with ICD-10-CM and CPT\n\nEDUCATION\nAAS, City College, 2020\n\n"
            "SKILLS\nICD-10-CM, CPT\n")


def test_same_totals_in_terminal_page_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cls = tmp_path / "class"
    cls.mkdir()
    (cls / "ana.txt").write_text(_text_resume("Ana Lima", "ana@college.edu"), "utf-8")
    (cls / "ana-again.txt").write_text(_text_resume("Ana Lima", "ana@college.edu") + "\n", "utf-8")
    (cls / "ben.txt").write_text(_text_resume("Ben Ode", "ben@college.edu"), "utf-8")
    (cls / "ben.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (cls / ".DS_Store").write_bytes(b"\0")
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(cls), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert exc.value.code == 1  # a file could not be checked (the picture): documented code 1
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith("4 files: 3 checked, 1 could not be checked, 1 skipped (not resumes); "
                           "1 duplicate (counted once)")
    page = (tmp_path / "out" / "index.html").read_text("utf-8")
    totals = re.sub(r"<[^>]+>", "", page.split('id="totals">')[1].split("</p>")[0])
    assert totals.startswith("4 files: 3 checked, 1 could not be checked, 1 skipped (not resumes); "
                             "1 duplicate (counted once).")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "summary.csv").read_text("utf-8"))))
    assert len(rows) == 4 and sum(1 for r in rows if r["score"]) == 3
    assert sum(1 for r in rows if r["duplicate_of"]) == 1
    assert "ask the student for the docx" in next(r for r in rows if r["file"] == "class/ben.jpg")["error"].lower()


# ------------------------------------------------------------ the browser
@pytest.fixture(scope="module")
def real_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch run over the committed fixture PDFs, two built DOCX, a copy and a photo."""
    root = tmp_path_factory.mktemp("dash")
    cls = root / "class"
    cls.mkdir()
    pdfs = [p for p in sorted(FIXTURES.glob("coder-*.pdf"))]
    if len(pdfs) < 3:
        pytest.skip("the committed fixture PDFs are missing")
    for p in pdfs:
        shutil.copy(p, cls / p.name)
    shutil.copy(FIXTURES / "coder-one-column.pdf", cls / "copy-of-one-column.pdf")
    build_docx(replace(sample_spec(0), email="maria.delgado@college.edu"), cls / "maria.docx")
    build_docx(replace(sample_spec(1), email="d.okafor@college.edu"), cls / "darnell.docx",
               "header-contact")
    (cls / "photo-of-resume.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 32)
    out = root / "out"
    run_batch([cls], out, posting=POSTING, role=None, lists=None, workers=1, formats=["html"],
              drafts=False, force=False, excel=False, quiet=True)
    return out / "index.html"


def test_dashboard_in_chromium_sort_filter_phone_csp(real_dashboard: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("no Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                    if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                                 "console.error('CSP ' + e.violatedDirective))")
            page.goto(real_dashboard.as_uri())
            assert page.is_visible("#filters"), "the script ran and showed the filters"
            rows = page.locator("#students tbody tr")
            n = rows.count()
            assert n == len(list(FIXTURES.glob("coder-*.pdf"))) + 4  # + a copy, 2 DOCX, the photo
            # Sort by score, ascending: failed files (no score) first, then scores rising.
            page.click("#students thead th:nth-child(3) button")
            scores = page.eval_on_selector_all(
                "#students tbody tr", "rs => rs.map(r => r.cells[2].getAttribute('data-sort'))")
            nums = [int(s) for s in scores if s]
            assert nums == sorted(nums) and scores[: scores.count("")] == [""] * scores.count("")
            page.click("#students thead th:nth-child(3) button")
            again = page.eval_on_selector_all(
                "#students tbody tr", "rs => rs.map(r => r.cells[2].getAttribute('data-sort'))")
            assert [int(s) for s in again if s] == sorted(nums, reverse=True)
            # Filter by finding: only the scanned resume has no readable text.
            page.select_option("#f-find", "no-text")
            visible = page.eval_on_selector_all(
                "#students tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.cells[0].textContent)")
            assert len(visible) == 1 and "scanned" in visible[0]
            assert page.text_content("#f-count") == f"Showing 1 of {n}"
            page.select_option("#f-find", "not-checked")
            visible = page.eval_on_selector_all(
                "#students tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.cells[0].textContent)")
            assert sorted(v.strip() for v in visible) == ["class/coder-encrypted-user-password.pdf",
                                                          "class/photo-of-resume.jpg"]
            page.select_option("#f-find", "")
            # Filter by band: every visible row has that band.
            bands = page.eval_on_selector_all("#f-band option", "os => os.map(o => o.value).filter(Boolean)")
            assert bands
            page.select_option("#f-band", bands[0])
            shown = page.eval_on_selector_all(
                "#students tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.band)")
            assert shown and set(shown) == {bands[0]}
            page.select_option("#f-band", "")
            # A phone: no sideways scrolling of the page; the table scrolls in its own box.
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                     is_mobile=True, has_touch=True)
            phone.on("console", lambda m: problems.append(f"phone console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
            phone.goto(real_dashboard.as_uri())
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, width
            assert phone.evaluate("document.querySelector('#students').parentElement.scrollWidth") > 390
        finally:
            browser.close()
    assert problems == []


def test_big_class_lays_out_a_page_of_rows_and_shows_all_on_request(tmp_path: Path) -> None:
    """At class scale only the first TABLE_ROWS matching rows are laid out (sort and filter stay
    quick); "Show all" lifts that; without the script every row is shown (noscript style)."""
    if CHROMIUM is None:
        pytest.skip("no Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from resume_tool.batch.cohort import TABLE_ROWS

    n = TABLE_ROWS + 50
    rows = [_row(f"s{i:04d}.pdf", i % 101, band="weak" if i % 101 < 50 else "fair",
                 findings=(("table-layout", "warning"),) if i % 2 else ()) for i in range(n)]
    page_html = render_index(cohort_view(rows, []))
    assert page_html.count('class="more"') == 50 and "<noscript><style>#students tr.more" in page_html
    path = tmp_path / "index.html"
    path.write_text(page_html, "utf-8")
    visible_js = "rs => rs.filter(r => r.offsetParent !== null).length"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(path.as_uri())
            assert page.eval_on_selector_all("#students tbody tr", visible_js) == TABLE_ROWS
            assert page.text_content("#f-count") == f"Showing {TABLE_ROWS} of {n}"
            page.click("#students thead th:nth-child(3) button")  # sort by score, still one page
            scores = page.eval_on_selector_all(
                "#students tbody tr", "rs => rs.filter(r => !r.hidden).map(r => +r.cells[2].dataset.sort)")
            assert len(scores) == TABLE_ROWS and scores == sorted(scores) and scores[0] == 0
            page.select_option("#f-find", "table-layout")  # 125 match: all shown, no button
            assert page.eval_on_selector_all("#students tbody tr", visible_js) == n // 2
            assert not page.is_visible("#f-all")
            page.select_option("#f-find", "")
            page.click("#f-all")
            assert page.eval_on_selector_all("#students tbody tr", visible_js) == n
            assert page.text_content("#f-count") == "" and not page.is_visible("#f-all")
            # Scripting off: the whole table, in file order.
            ctx = browser.new_context(java_script_enabled=False)
            plain = ctx.new_page()
            plain.goto(path.as_uri())
            assert plain.eval_on_selector_all("#students tbody tr", visible_js) == n
            assert not plain.is_visible("#filters")
        finally:
            browser.close()


def test_a_keyword_core_for_one_student_only_has_no_badge_for_the_class() -> None:
    one = _row("a.pdf", required=("Claim submission", "CPC"))
    two = _row("b.pdf", required=("CPC",))
    two["missing"].append(["claim submission", "Claim submission", False])  # not core for b's role
    two["targets"].append("claim submission")
    gaps = {g.term: g.must_have for g in cohort_view([one, two], []).keywords}
    assert gaps == {"CPC": True, "Claim submission": False}
