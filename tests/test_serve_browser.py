"""`resume-tool serve` in a real browser: Playwright driving the system Chromium against the
real command (`python -m resume_tool serve`) on 127.0.0.1 and a free port.

Skipped, with the reason, where Chromium or Playwright is missing. Screenshots go to a temp
folder, or to docs/ when RESUME_TOOL_SCREENSHOTS=1 (how docs/serve-*.png were made).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt install chromium)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

# Collects CSP violations in every page; Playwright injects it outside the page's CSP.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "resume_tool", "serve", "--port", str(port), "--no-open",
             "--workers", "1"], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.2)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return ROOT / "docs" if os.environ.get("RESUME_TOOL_SCREENSHOTS") == "1" else tmp_path


class Watch:
    """Console errors and CSP violations of every page of a context."""

    def __init__(self, context: Any) -> None:
        self.errors: list[str] = []
        context.add_init_script(WATCH_CSP)
        context.on("page", self.attach)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def csp(self, page: Any) -> list[str]:
        return page.evaluate("window.__csp || []")


def api_report(url: str) -> dict[str, Any]:
    import httpx

    files = {"resume": ("resume.docx", (EXAMPLES / "resume.docx").read_bytes()),
             "posting_file": ("posting.txt", (EXAMPLES / "posting.txt").read_bytes())}
    r = httpx.post(f"{url}/api/check", files=files, timeout=120)
    assert r.status_code == 200
    return r.json()


def test_job_seeker_check_edit_recheck_download(server: tuple[str, Path], browser: Any,
                                                shots: Path, tmp_path: Path) -> None:
    import docx

    url, log = server
    report = api_report(url)
    expected = report["score"]
    missing = next(k["term"] for k in report["keywords"] if k["target"] and k["required"]
                   and not (k["in_resume"] or k["satisfied_by"]))
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    watch = Watch(context)
    page = context.new_page()
    page.goto(url + "/")
    page.screenshot(path=str(shots / "serve-upload.png"))
    page.set_input_files("#resume", str(EXAMPLES / "resume.docx"))
    page.set_input_files("#posting_file", str(EXAMPLES / "posting.txt"))
    page.evaluate("window.__same_page = true")
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_selector("#rt-score", timeout=60_000)
    score = int(page.get_attribute("#rt-score", "data-score"))
    assert score == expected
    assert page.evaluate("window.__same_page === true"), "the page reloaded"
    assert "/r/" in page.url
    assert page.locator("#report #fix").is_visible()  # the HTML report, in the page
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "serve-desktop.png"))

    # Edit "what an ATS sees": add a keyword the posting requires, and check again.
    text = page.input_value("#text")
    page.fill("#text", text + f"\nSkills\n{missing}\n")
    page.get_by_role("button", name="Check again").click()
    page.wait_for_selector("#changes", timeout=60_000)
    assert page.evaluate("window.__same_page === true"), "the page reloaded"
    gained = page.locator("#gained li").all_inner_texts()
    assert missing in gained
    after = int(page.get_attribute("#rt-score", "data-score"))
    assert after > score

    with page.expect_download() as info:
        page.get_by_role("link", name="Word (DOCX)").click()
    download = info.value
    assert download.suggested_filename == "resume-draft.docx"
    target = tmp_path / "draft.docx"
    download.save_as(str(target))
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs if p.text.strip()]
    assert len(paragraphs) > 5 and missing.lower() in "\n".join(paragraphs).lower()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                is_mobile=True, has_touch=True)
    phone_watch = Watch(phone)
    p2 = phone.new_page()
    p2.goto(page.url.split("#")[0])
    p2.wait_for_selector("#rt-score")
    p2.screenshot(path=str(shots / "serve-phone.png"))
    assert watch.csp(page) == [] and phone_watch.csp(p2) == []
    assert watch.errors == [] and phone_watch.errors == []
    context.close()
    phone.close()

    logged = log.read_text(errors="replace")
    assert "resume.docx" not in logged and "posting" not in logged.lower()


def test_upload_to_report_without_javascript(server: tuple[str, Path], browser: Any) -> None:
    url, _ = server
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "/")
    page.set_input_files("#resume", str(EXAMPLES / "resume.docx"))
    page.fill("#posting", (EXAMPLES / "posting.txt").read_text(encoding="utf-8"))
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_selector("#rt-score", timeout=60_000)
    assert "/r/" in page.url and page.locator("#report #fix").count() == 1
    context.close()


def test_batch_zip_progress_and_dashboard(server: tuple[str, Path], browser: Any, shots: Path,
                                          tmp_path: Path) -> None:
    url, _ = server
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i in range(4):
            zf.write(EXAMPLES / "resume.docx", f"class/student{i}.docx")
        zf.write(EXAMPLES / "resume.pdf", "class/student-pdf.pdf")
        zf.writestr("class/broken.pdf", b"%PDF-1.4 nothing here")
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    watch = Watch(context)
    page = context.new_page()
    page.goto(url + "/batch")
    page.set_input_files("#files", str(archive))
    page.set_input_files("#posting_file", str(EXAMPLES / "posting.txt"))
    page.get_by_role("button", name="Check the class").click()
    page.wait_for_selector("#bar", timeout=30_000)
    job_url = page.url
    assert "/batch/" in job_url
    seen = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        value = page.evaluate("document.getElementById('bar') ? document.getElementById('bar').value : -1")
        seen.append(value)
        if value == 100:
            break
        time.sleep(0.1)
    assert seen[-1] == 100 and seen == sorted(seen), seen
    page.wait_for_selector("#dashboard", timeout=30_000)
    assert "5 checked, 1 could not be checked" in page.inner_text("#progress-text")
    frame = page.frame_locator("#dashboard")
    frame.locator("table").first.wait_for(timeout=30_000)
    page.screenshot(path=str(shots / "serve-batch.png"), full_page=False)

    with context.expect_page() as info:
        page.get_by_role("link", name="Open the dashboard in its own tab").click()
    dash = info.value
    dash.wait_for_load_state()
    body = dash.inner_text("body")
    assert "student0.docx" in body and "broken.pdf" in body
    # Found again at its address.
    again = context.new_page()
    again.goto(job_url)
    assert again.locator("#batch-downloads").is_visible()
    with again.expect_download() as dl:
        again.get_by_role("link", name="summary.csv").click()
    rows = Path(dl.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert len(rows) == 7  # header + 6 files
    for p in (page, dash, again):
        assert watch.csp(p) == []
    assert watch.errors == []
    context.close()


def test_zip_limits_reach_the_page(server: tuple[str, Path], browser: Any, tmp_path: Path) -> None:
    """A damaged ZIP is a row with its one-line error, not a crash."""
    url, _ = server
    bad = tmp_path / "class.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    buf = io.BytesIO(bad.read_bytes())
    assert buf.getvalue()
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "/batch")
    page.set_input_files("#files", str(bad))
    page.get_by_role("button", name="Check the class").click()
    page.wait_for_selector("#dashboard", timeout=60_000)
    assert "1 could not be checked" in page.inner_text("#progress-text")
    context.close()


def test_batch_feedback_checkbox_and_postings_upload(server: tuple[str, Path], browser: Any,
                                                     tmp_path: Path) -> None:
    """The form's two options reach the batch: matrix.csv and the ranking per student from the
    uploaded postings, a feedback page per student, all in reports.zip and linked; a posting
    that cannot be used is an error in the form, naming it, and no job is started."""
    url, _ = server
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(EXAMPLES / "resume.docx", "class/ana.docx")
        zf.write(EXAMPLES / "resume.pdf", "class/ben.pdf")
    biller = tmp_path / "biller.txt"
    biller.write_text("Medical Biller\nRequirements: CPT, HCPCS, denial management, Epic.\n", "utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing here")
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    watch = Watch(context)
    page = context.new_page()
    page.goto(url + "/batch")
    feedback = page.get_by_label("Also make a feedback page for each student")
    assert feedback.is_visible() and not feedback.is_checked()
    page.set_input_files("#files", str(archive))
    page.set_input_files("#postings", [str(EXAMPLES / "posting.txt"), str(broken)])
    page.get_by_role("button", name="Check the class").click()
    page.wait_for_selector("#error", timeout=60_000)
    assert "broken.pdf: this posting cannot be used" in page.inner_text("#error")
    assert "/batch/" not in page.url
    assert [e for e in watch.errors if "400 (Bad Request)" not in e] == []  # the refused form
    watch.errors.clear()

    page.goto(url + "/batch")
    page.set_input_files("#files", str(archive))
    page.set_input_files("#postings", [str(EXAMPLES / "posting.txt"), str(biller)])
    page.get_by_label("Also make a feedback page for each student").check()
    page.get_by_role("button", name="Check the class").click()
    page.wait_for_selector("#batch-downloads", timeout=120_000)
    assert "2 checked" in page.inner_text("#progress-text")
    assert page.get_by_role("link", name="matrix.csv").is_visible()
    with page.expect_download() as dl:
        page.get_by_role("link", name="matrix.csv").click()
    header = Path(dl.value.path()).read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("file,name,biller.txt,posting.txt,best_posting")
    with page.expect_download() as dl:
        page.get_by_role("link", name="reports.zip").click()
    names = zipfile.ZipFile(dl.value.path()).namelist()
    for stem in ("class.zip_class_ana", "class.zip_class_ben"):
        assert {f"feedback/{stem}.md", f"feedback/{stem}.html", f"rankings/{stem}.html"} <= set(names)
    frame = page.frame_locator("#dashboard")
    frame.get_by_role("link", name="feedback").first.click()
    frame.get_by_text("What to fix first").first.wait_for(timeout=30_000)
    assert watch.csp(page) == [] and watch.errors == []
    context.close()


def test_csp_blocks_external_loads_and_inline_script(server: tuple[str, Path], browser: Any) -> None:
    """The CSP is enforced by the browser, and the violation watch used above does see one."""
    url, _ = server
    context = browser.new_context()
    watch = Watch(context)
    page = context.new_page()
    page.goto(url + "/")
    page.evaluate("""() => {
        const img = document.createElement("img");
        img.src = "https://example.invalid/pixel.png";  // never requested: CSP blocks it first
        document.body.appendChild(img);
        const s = document.createElement("script");
        s.textContent = "window.__ran = true";
        document.body.appendChild(s);
    }""")
    page.wait_for_function("window.__csp.length >= 2", timeout=5_000)
    violations = watch.csp(page)
    assert any(v.startswith("img-src") for v in violations), violations
    assert any(v.startswith("script-src") for v in violations), violations
    assert page.evaluate("window.__ran === undefined"), "an inline script ran"
    context.close()
