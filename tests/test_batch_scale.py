"""`batch` at scale (issue 14): a run stopped part-way finishes where it stopped, and the
bookkeeping that used to grow with the number of files stays per file.

The class is a dozen plain-text resumes from the evaluation generator, each with a person
of its own, so every file hashes differently. Throughput and memory at 2,000 files are
measured in ``bench/bench_batch.py --class``, not here.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from resume_tool.batch import run_batch
from resume_tool.batch import running as batch_mod
from tests.batch_stops import stop_on_check
from tests.eval.generator import write_txt
from tests.eval.specs import RESUMES

ROOT = Path(__file__).resolve().parents[1]
POSTING = ROOT / "examples" / "posting.txt"


def make_class(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        spec = RESUMES[(i * 7) % len(RESUMES)]
        person = replace(spec.person, name=f"Student Number{i}", email=f"student{i}@example.com")
        write_txt(replace(spec, person=person), folder / f"student-{i:03d}.txt")
    return folder


def run(folder: Path, out: Path, **kw: Any) -> batch_mod.BatchResult:
    args: dict[str, Any] = dict(posting=POSTING if POSTING.is_file() else None, role=None,
                                lists=None, workers=1, formats=["json"], drafts=False,
                                force=False, excel=False, quiet=True)
    args.update(kw)
    return run_batch([folder], out, **args)


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A class and one uninterrupted run of it: what every stopped run must end up equal to."""
    base = tmp_path_factory.mktemp("scale")
    folder = make_class(base / "class", 12)
    out = base / "whole"
    result = run(folder, out)
    assert (result.checked, result.failed) == (12, 0)
    return {"class": folder, "out": out}


class Killed(BaseException):
    """Stands in for SIGKILL: nothing after it runs (no summary, no final manifest)."""


def test_a_killed_run_resumes_from_its_journal(whole: dict[str, Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(batch_mod, "FLUSH_SECONDS", 0.0)  # save after every file
    real = stop_on_check(monkeypatch, 10, Killed)
    with pytest.raises(Killed):
        run(whole["class"], out)
    assert not (out / "manifest.json").exists() and not (out / "summary.csv").exists()
    lines = (out / batch_mod.JOURNAL).read_text("utf-8").splitlines()
    assert [json.loads(line)[0] for line in lines] == [
        f"class/student-{i:03d}.txt" for i in range(9)]
    with (out / batch_mod.JOURNAL).open("a", encoding="utf-8") as fh:
        fh.write('["class/student-009.txt", {"cut sh')  # the kill landed mid-line

    monkeypatch.setattr(batch_mod, "check_task", real)
    result = run(whole["class"], out)
    assert (result.checked, result.reused, result.files) == (3, 9, 12)
    assert not (out / batch_mod.JOURNAL).exists()  # folded into manifest.json
    assert json.loads((out / "manifest.json").read_text("utf-8"))["state"] == "complete"
    assert (out / "summary.csv").read_bytes() == (whole["out"] / "summary.csv").read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_on_two_workers_then_the_same_command_finishes(whole: dict[str, Path],
                                                              tmp_path: Path) -> None:
    """A real SIGINT to `resume-tool batch --workers 2`, as a user's Ctrl-C."""
    folder, out = whole["class"], tmp_path / "out"
    cmd = [sys.executable, "-m", "resume_tool", "batch", str(folder), "-o", str(out),
           "--workers", "2", "--formats", "json", "-q"]
    if POSTING.is_file():
        cmd += ["--posting", str(POSTING)]
    # A command started in the background by a non-interactive shell ignores SIGINT, and a
    # Python started that way keeps ignoring it: give the run the terminal's default.
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list((out / "reports").glob("*.json"))) >= 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err.decode("utf-8", "replace")
    state = json.loads((out / "manifest.json").read_text("utf-8"))
    assert state["state"] == "interrupted"
    done, pending = set(state["files"]), set(state["pending"])
    assert done and pending and not done & pending and len(done | pending) == 12

    result = run(folder, out)
    assert (result.checked, result.reused, result.files) == (len(pending), len(done), 12)
    assert (out / "summary.csv").read_bytes() == (whole["out"] / "summary.csv").read_bytes()


def test_changed_settings_rerun_keeps_claimed_outputs_and_removes_stale_ones(
        tmp_path: Path) -> None:
    """The claimed-outputs index gives what scanning every file gave: a re-run with other
    formats removes each file's old reports, and never one another file still names."""
    folder, out = make_class(tmp_path / "class", 4), tmp_path / "out"
    run(folder, out, formats=["json", "text"])
    assert len(list((out / "reports").glob("*.txt"))) == 4
    result = run(folder, out, formats=["json"])
    assert (result.checked, result.reused) == (4, 0)
    assert not list((out / "reports").glob("*.txt"))
    assert len(list((out / "reports").glob("*.json"))) == 4

    runner = batch_mod._Run(out, batch_mod.Settings(
        outdir=str(out), lists=(), posting=None, role=None, formats=("json",), drafts=False),
                            {"score_version": 0}, excel=False, quiet=True, posting_label=None)
    (out / "reports" / "shared.json").write_text("{}")
    (out / "reports" / "a-only.json").write_text("{}")
    runner.files = {"a": {"outputs": {"json": "reports/shared.json", "text": "reports/a-only.json"}},
                    "b": {"outputs": {"json": "reports/shared.json"}}}
    runner.add({"file": "a", "outputs": {"json": "reports/a.json"}}, checked=False)
    assert (out / "reports" / "shared.json").exists()  # b still names it
    assert not (out / "reports" / "a-only.json").exists()
    runner.add({"file": "b", "outputs": {"json": "reports/b.json"}}, checked=False)
    assert not (out / "reports" / "shared.json").exists()  # nobody names it any more


def test_rows_share_their_strings() -> None:
    a = batch_mod._shared({"missing": [["cpc", "".join(["C", "P", "C"]), True]], "n": 3})
    b = batch_mod._shared({"missing": [["cpc", "".join(["C", "P", "C"]), True]], "n": 3})
    assert a == b == {"missing": [["cpc", "CPC", True]], "n": 3}
    assert a["missing"][0][1] is b["missing"][0][1]


def test_pending_is_an_ordered_set(whole: dict[str, Path], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted after 3 files: the manifest lists the other 9 pending, sorted by name."""
    stop_on_check(monkeypatch, 4, KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        run(whole["class"], tmp_path / "out")
    state = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert state["pending"] == [f"class/student-{i:03d}.txt" for i in range(3, 12)]
