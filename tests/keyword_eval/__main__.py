"""``python -m tests.keyword_eval``: precision and recall of the keyword matcher on the labelled set."""

from __future__ import annotations

import sys

from . import evaluate, totals


def main() -> int:
    scores, skipped = evaluate()
    width = max(len(s.name) for s in scores)
    print(f"{'text':<{width}}  kind     found  exp  prec   recall")
    for s in scores:
        print(
            f"{s.name:<{width}}  {s.kind:<7} {len(s.found):>5} {len(s.expected):>4}  "
            f"{s.precision:.3f}  {s.recall:.3f}"
        )
    p, r = totals(scores)
    print(f"\noverall ({len(scores)} texts): precision {p:.3f}  recall {r:.3f}")
    if skipped:
        print(f"skipped (corpus absent): {', '.join(skipped)}")
    problems = False
    for s in scores:
        if s.false_positives or s.misses:
            problems = True
            print(f"\n{s.name}:")
            if s.false_positives:
                traps = " (TRAP)" if s.trap_hits else ""
                print(f"  reported but not labelled{traps}: {', '.join(sorted(s.false_positives))}")
            if s.misses:
                print(f"  missed: {', '.join(sorted(s.misses))}")
    if not problems:
        print("\nno misses and no false positives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
