"""The CLI contract: help with examples, version, exit codes, one-line errors, --debug."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_tool import __version__
from resume_tool.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "resume.docx"
POSTING = ROOT / "examples" / "posting.txt"
COMMANDS = ["parse", "check", "keywords", "lists", "draft", "batch"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resume_tool", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"resume-tool {command}" in result.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_parse_json_and_text() -> None:
    p = run("parse", str(EXAMPLE))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["contact"]["email"] == "jordan.rivera@example.com"
    assert [e["start"] for e in data["experience"]] == ["2017-06", "2020-09", "2013-03"]
    p = run("parse", str(EXAMPLE), "--format", "text")
    assert p.returncode == 0
    assert "Professional Fee Coder II" in p.stdout
    assert "jordan.rivera@example.com" not in p.stdout.split("\n[")[0]  # header text is apart
    assert "many ATS do not read these" in p.stdout


def test_keywords_command() -> None:
    p = run("keywords", str(POSTING), "--posting", "--format", "json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    rows = {r["id"]: r for rows in data["by_category"].values() for r in rows}
    assert rows["cpc"]["required"] is True
    assert rows["crc"]["required"] is False
    assert data["title"] == "Outpatient Professional Fee Coder II"
    p = run("keywords", str(EXAMPLE), "--role", "outpatient-coder")
    assert p.returncode == 0 and "not found, of the outpatient-coder role's terms" in p.stdout


def test_missing_spacy_model_is_a_clear_error() -> None:
    p = run("keywords", str(POSTING), "--posting", "--spacy-model", "no_such_pipeline_xyz")
    assert p.returncode == 2
    assert "no_such_pipeline_xyz" in p.stderr and "never downloads" in p.stderr
    assert "Traceback" not in p.stderr


def test_lists_and_lists_check(tmp_path: Path) -> None:
    p = run("lists")
    assert p.returncode == 0 and "nhs-clinical-coder" in p.stdout
    good = tmp_path / "good"
    good.mkdir()
    (good / "extra.toml").write_text(
        '[[entry]]\nid = "cerner-revenue-cycle"\nterm = "Cerner Revenue Cycle"\ncategory = "software"\n',
        encoding="utf-8",
    )
    assert run("lists", "check", str(good)).returncode == 0
    p = run("lists", "--lists", str(good))
    from resume_tool.keywords import load_vocabulary

    bundled = len(load_vocabulary().entries)  # the bundled lists grow; the extra entry is one more
    assert p.returncode == 0 and f"{bundled + 1} keywords" in p.stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.toml").write_text('[[entry]]\nid = "x"\nterm = "X"\ncategory = "nope"\n', encoding="utf-8")
    p = run("lists", "check", str(bad))
    assert p.returncode == 2 and "x.toml" in p.stderr and "category" in p.stderr


def test_errors_are_one_line_unless_debug(tmp_path: Path) -> None:
    bad = tmp_path / "cv.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    p = run("check", str(bad))
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(bad) in lines[0]
    p = run("--debug", "check", str(bad))
    assert p.returncode == 2 and "Traceback" in p.stderr


def test_usage_errors_exit_2() -> None:
    assert run("check").returncode == 2
    assert run("check", str(EXAMPLE), "--format", "pdf").returncode == 2
    assert run("nonsense").returncode == 2


def test_a_file_that_runs_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import resume_tool.api
    import resume_tool.limits
    from resume_tool.errors import LimitExceeded
    from resume_tool.limits import Limits

    monkeypatch.setattr(resume_tool.limits, "DEFAULT_LIMITS", Limits(max_total_seconds=0.2))
    monkeypatch.setattr(resume_tool.api, "check", lambda *a, **k: time.sleep(5))
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["check", str(EXAMPLE)])
    assert time.monotonic() - started < 3
    assert isinstance(result.exception, LimitExceeded)
    assert "took longer than 0.2 seconds" in str(result.exception)
