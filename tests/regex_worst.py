"""Worst-case inputs for a regular expression, and the child that times patterns on them.

Kept apart from tests/test_regex_budget.py so that the child process imports only ``re``,
``json`` and this file: restarting it after a runaway pattern costs milliseconds.
"""

from __future__ import annotations

import json
import re
import sys
import time

N = 20_000  # characters per generated input


def _sample(op: object, av: object) -> list[str]:
    """Characters that the item ``(op, av)`` of a parsed pattern matches."""
    from re import _constants as c  # type: ignore[attr-defined]

    cats = {
        c.CATEGORY_DIGIT: "7", c.CATEGORY_NOT_DIGIT: "a", c.CATEGORY_SPACE: " \u00a0",
        c.CATEGORY_NOT_SPACE: "a-", c.CATEGORY_WORD: "a1_é", c.CATEGORY_NOT_WORD: " -.",
    }
    if op is c.LITERAL:
        return [chr(av)]  # type: ignore[arg-type]
    if op is c.NOT_LITERAL:
        return ["a" if av != ord("a") else "b"]
    if op is c.ANY:
        return ["a", " "]
    if op is c.IN:
        out: list[str] = []
        negate = False
        for sop, sav in av:  # type: ignore[union-attr]
            if sop is c.NEGATE:
                negate = True
            elif sop is c.LITERAL:
                out.append(chr(sav))
            elif sop is c.RANGE:
                out.append(chr(sav[0]))  # one per range: the class's punctuation matters more
            elif sop is c.CATEGORY:
                out.extend(cats.get(sav, "a"))
        if negate:
            return [ch for ch in "a 1.-\u00a0é" if ch not in out][:3]
        return out[:6]
    if op is c.CATEGORY:
        return list(cats.get(av, "a"))
    return []


def _repeated(parsed: object) -> list[str]:
    """Characters that appear under a repeat anywhere in the parsed pattern."""
    from re import _constants as c  # type: ignore[attr-defined]

    chars: list[str] = []

    def walk(items: object, under: bool) -> None:
        for op, av in items:  # type: ignore[union-attr]
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
                _lo, hi, sub = av
                walk(sub, under or hi is c.MAXREPEAT or hi > 8)
            elif op is c.SUBPATTERN:
                walk(av[-1], under)
            elif op is c.BRANCH:
                for alt in av[1]:
                    walk(alt, under)
            elif op in (c.ASSERT, c.ASSERT_NOT, getattr(c, "ATOMIC_GROUP", None)):
                walk(av[-1] if op is not c.ATOMIC_GROUP else av, under)
            elif under:
                chars.extend(_sample(op, av))

    walk(parsed, False)
    seen: list[str] = []
    for ch in chars:
        if ch not in seen:
            seen.append(ch)
    return seen[:12]


def worst_cases(pattern: re.Pattern[str]) -> list[str]:
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        parsed = []
    chars = _repeated(parsed) or ["a"]
    cycle = "".join(chars)
    out = [cycle * (N // len(cycle)), cycle * (N // len(cycle)) + "\n!"]
    for i, a in enumerate(chars):
        out.append(a * N)
        out.append(a * N + "\x00")
        out.append("#" + a * N + "\n!")
        for pre in ("x", "# x", "1 x", "A, "):  # a plausible line start, the run, a misfit
            out.append(pre + a * (N // 4) + "x")
        for b in chars[i + 1 :]:
            out.append((a + b) * (N // 2))
            out.append(a * (N // 4) + b * (N // 4) + "\x00")
    return out


def _child() -> None:
    """Run in the child: compile each pattern sent on stdin, time it on its worst cases."""
    for line in sys.stdin:
        pid, source, flags = json.loads(line)
        pat = re.compile(source, flags)
        print(json.dumps({"start": pid}), flush=True)
        worst = 0.0
        for s in worst_cases(pat):
            t = time.process_time()  # CPU time: a busy machine must not fail a linear pattern
            pat.findall(s)
            pat.sub("", s)
            pat.fullmatch(s)
            worst = max(worst, time.process_time() - t)
            print('{"tick": 1}', flush=True)  # the parent's watchdog times one input, not all
        print(json.dumps({"done": pid, "s": worst}), flush=True)


if __name__ == "__main__":
    _child()
