"""Every module-level regular expression in ``resume_tool`` runs in linear time on worst cases.

A ~100 KB text resume used to hold a run for two minutes through one pattern with nested
or adjacent repeats (cubic on non-breaking spaces, exponential on a 206-byte skills line).
This test imports every module, collects each compiled pattern it holds at module level,
and runs it (``findall`` and ``sub``, which scan every start position, as the code does)
on generated worst cases: long runs of each character the pattern repeats, alone, in
pairs, and followed by a character that makes the match fail. Python's regex engine never
looks at signals, so the patterns run in a child process watched by the parent: a pattern
that takes more than ``BOUND`` seconds on a ~20 KB input is reported as super-linear.

Patterns in files another engineer owns and is fixing today are listed in ``KNOWN`` (the
test is expected to fail for them, not strictly); remove an entry once its fix is merged.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.regex_worst import N, worst_cases

ROOT = Path(__file__).resolve().parents[1]
BOUND = 1.0  # CPU seconds for one pattern on one ~20 KB input (linear patterns take milliseconds)
HANG = 8  # a child still on one input after HANG * bound seconds of wall time is a runaway

# pattern id -> owner: a super-linear pattern in a file another engineer is fixing (an expected
# failure). Empty: every pattern in resume_tool passes (the rewrites: tests/test_regex_rewrites.py).
KNOWN: dict[str, str] = {}


def _modules() -> list[str]:
    import resume_tool

    names = ["resume_tool"]
    for info in pkgutil.walk_packages(resume_tool.__path__, "resume_tool."):
        if info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return sorted(names)


def collect() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    """Every re.Pattern held by a module-level name (or in a module-level tuple/list/dict)."""
    out: dict[str, re.Pattern] = {}
    for name in _modules():
        mod = importlib.import_module(name)
        for attr, value in vars(mod).items():
            values = [(attr, value)]
            if isinstance(value, (tuple, list)):
                values = [(f"{attr}[{i}]", v) for i, v in enumerate(value)]
            elif isinstance(value, dict):
                values = [(f"{attr}[{k!r}]", v) for k, v in value.items()][:200]
            for key, v in values:
                if isinstance(v, re.Pattern):
                    pid = f"{name}.{key}"
                    if all(v is not p for p in out.values()):
                        out[pid] = v
    return out


def audit(patterns: dict[str, re.Pattern[str]], bound: float = BOUND) -> dict[str, float]:
    """Slowest input's CPU seconds per pattern id; still running after ``HANG * bound``: ``inf``.

    The child imports nothing of resume_tool (it gets each pattern's source and flags), so
    restarting it after a runaway pattern costs milliseconds.
    """
    results: dict[str, float] = {}
    todo = [(pid, p.pattern, p.flags) for pid, p in patterns.items()]
    while len(results) < len(todo):
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("regex_worst.py"))],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        for item in todo:
            if item[0] not in results:
                proc.stdin.write(json.dumps(item) + "\n")
        proc.stdin.close()
        current: str | None = None
        started = time.monotonic()
        try:
            while len(results) < len(todo):
                # Wall-clock watchdog for a runaway input: generous, since the verdict itself is
                # the child's CPU time and a loaded machine may not schedule it for a while.
                wait = 30.0 if current is None else max(0.0, HANG * bound - (time.monotonic() - started))
                ready, _, _ = select.select([proc.stdout], [], [], wait)
                if not ready:
                    if current is None:
                        raise AssertionError("the regex audit child did not start")
                    results[current] = float("inf")
                    break
                line = proc.stdout.readline()
                if not line:
                    raise AssertionError("the regex audit child died")
                msg = json.loads(line)
                if "tick" in msg:
                    started = time.monotonic()
                elif "start" in msg:
                    current, started = msg["start"], time.monotonic()
                else:
                    results[msg["done"]] = msg["s"]
                    current = None
        finally:
            proc.kill()
            proc.wait()
    return results


PATTERNS = collect()


@pytest.fixture(scope="module")
def timings() -> dict[str, float]:
    run = {pid: p for pid, p in PATTERNS.items() if pid not in KNOWN and isinstance(p.pattern, str)}
    return audit(run)


def test_collects_the_patterns_it_should() -> None:
    """The collector is not blind: it sees patterns in the reader and in the structure stage."""
    assert "resume_tool.read.text._HEADING" in PATTERNS
    assert any(p.startswith("resume_tool.structure.") for p in PATTERNS)
    assert len(PATTERNS) > 50


def test_audit_flags_a_runaway_pattern_and_goes_on() -> None:
    """The child is killed on a runaway pattern; the next pattern is still timed."""
    got = audit({"bad": re.compile(r"(?:a|aa)*c"), "good": re.compile(r"a+")}, bound=0.5)
    assert got["bad"] == float("inf")
    assert got["good"] < 0.5


def test_worst_cases_reach_the_repeated_characters() -> None:
    """The generator feeds a pattern the runs that make it backtrack (so the audit can fail)."""
    assert "\u00a0" * N in worst_cases(re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$"))
    bad = re.compile(r"(?:a|aa)*c")  # exponential: fib(n) ways to split a run of "a"
    small = [c[:28] for c in worst_cases(bad)]
    assert "a" * 28 in small
    t = time.perf_counter()
    for c in small:
        bad.findall(c)
    assert time.perf_counter() - t > 0.05


@pytest.mark.parametrize("pid", sorted(PATTERNS))
def test_pattern_is_linear(pid: str, timings: dict[str, float], request: pytest.FixtureRequest) -> None:
    if pid in KNOWN:
        pytest.xfail(f"known super-linear, being fixed by its owner: {KNOWN[pid]}")
    if isinstance(PATTERNS[pid].pattern, bytes):
        pytest.skip("bytes pattern")
    seconds = timings[pid]
    assert seconds < BOUND, f"{pid} ({PATTERNS[pid].pattern[:80]!r}) took {seconds:.2f} s on a {N}-character worst case"
