"""The HTML report in a real browser: it renders, shows the score and tables, logs nothing.

Runs headless Chromium when it is installed (skipped otherwise). The page has no scripts
and a Content-Security-Policy of default-src 'none', so any console message (a blocked
request, a script error) means the page tried something it must not.

Set RESUME_TOOL_UPDATE_SCREENSHOT=1 to also refresh docs/report-screenshot.png
(desktop and phone width side by side) from a real run: examples/resume.docx checked against
examples/posting.txt, never from the hand-made test sample.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from resume_tool.render import render_report
from tests.report_samples import hostile_report, sample_report

pytestmark = pytest.mark.slow

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)"
)
SHOT_HEIGHT = 2300
DOCS_SHOT = Path(__file__).resolve().parent.parent / "docs" / "report-screenshot.png"
CONSOLE = re.compile(r":CONSOLE[:(]\d+\)?\]\s*(.*)")


def run_chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless, offline, with a throw-away profile and page console messages on stderr."""
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
        page.as_uri(),
    ]
    # The timeout only stops a hung browser from hanging the suite; nothing is timed.
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def console_messages(stderr: str) -> list[str]:
    return [m.group(1) for m in CONSOLE.finditer(stderr)]


def dump_dom(page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    result = run_chromium(page, tmp_path / "profile-dom", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, console_messages(result.stderr)


def screenshot(page: Path, out: Path, width: int, height: int, profile: Path) -> None:
    result = run_chromium(page, profile, f"--window-size={width},{height}", f"--screenshot={out}")
    assert result.returncode == 0 and out.exists(), result.stderr[-2000:]


@needs_chromium
def test_console_check_catches_page_errors(tmp_path: Path) -> None:
    """The console check itself works: a page that errors and fetches is caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
        "<img src='https://example.invalid/x.png'><script>missingFunction();</script>"
        "</body></html>",
        encoding="utf-8",
    )
    _, messages = dump_dom(page, tmp_path)
    assert any("Uncaught ReferenceError" in m for m in messages), messages
    assert any("Content Security Policy" in m for m in messages), messages


@needs_chromium
def test_sample_report_renders_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(sample_report(), "html"), encoding="utf-8")
    dom, messages = dump_dom(page, tmp_path)
    assert messages == []
    assert re.search(r'<text class="num"[^>]*>64</text>', dom)
    assert "<title>Resume check: jordan-rivera-resume.pdf: 64/100</title>" in dom
    # missing, found, and the role tier's own table (terms the posting does not name)
    assert dom.count("<table") == 3
    assert '<th scope="row">HCPCS Level II' in dom and '<th scope="row">CPC' in dom
    assert "What an ATS sees" in dom

    shot = tmp_path / "desktop.png"
    screenshot(page, shot, 1100, 1400, tmp_path / "profile-shot")
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB


@needs_chromium
def test_real_example_report_renders_in_chromium(tmp_path: Path) -> None:
    """The README's example, run for real; its page is what docs/report-screenshot.png shows."""
    from resume_tool.api import check

    root = Path(__file__).resolve().parent.parent
    report = check(root / "examples" / "resume.docx", posting=root / "examples" / "posting.txt")
    page = tmp_path / "report.html"
    page.write_text(render_report(report, "html"), encoding="utf-8")
    dom, messages = dump_dom(page, tmp_path)
    assert messages == []
    assert f"score formula {report.score_version}" in dom and "keywords only" in dom
    if os.environ.get("RESUME_TOOL_UPDATE_SCREENSHOT"):
        update_docs_screenshot(page, tmp_path)


@needs_chromium
def test_hostile_report_runs_nothing_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render_report(hostile_report(), "html"), encoding="utf-8")
    dom, messages = dump_dom(page, tmp_path)
    assert messages == []  # no alert, no blocked image request
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def update_docs_screenshot(page: Path, tmp_path: Path) -> None:
    """The top of the report at desktop (left) and phone (right) width, in one small PNG."""
    from PIL import Image  # reportlab, a test dependency, brings Pillow

    shots = []
    for width in (1100, 390):
        out = tmp_path / f"shot-{width}.png"
        screenshot(page, out, width, SHOT_HEIGHT, tmp_path / f"profile-{width}")
        shots.append(Image.open(out).convert("RGB"))
    gap = 32
    size = (sum(s.width for s in shots) + gap * 3, SHOT_HEIGHT + gap * 2)
    canvas = Image.new("RGB", size, (203, 211, 220))
    x = gap
    for shot in shots:
        canvas.paste(shot, (x, gap))
        x += shot.width + gap
    # 256 colours keep text crisp and the file small enough for the repository.
    canvas.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(DOCS_SHOT, optimize=True)
