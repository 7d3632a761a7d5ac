"""``python -m tests.eval``: how well the tool reads labelled resumes and postings.

    python -m tests.eval                 # build (or reuse) the corpus, print figures and every miss
    python -m tests.eval --no-misses     # figures only
    python -m tests.eval --real          # the public real-world corpus: counts per field
    python -m tests.eval --real-structure  # hand-labelled real files: structure figures, misses
    python -m tests.eval --real-keywords # keyword recall/precision on hand-labelled real resumes
    python -m tests.eval --real-postings # requirement precision/recall and domain on 30 real postings
    python -m tests.eval --writing       # hand-labelled real lines: writing notes per code
    python -m tests.eval --build DIR     # write the generated corpus (files + expected JSON) to DIR
    python -m tests.eval --write-expected  # refresh tests/eval/expected/*.json from the specs

Exit status 1 when a figure is below its target (the same check as tests/test_eval.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-misses", action="store_true", help="print the figures only")
    ap.add_argument("--real", action="store_true", help="run the public real-world corpus and print counts")
    ap.add_argument("--real-structure", action="store_true",
                    help="compare read+structure with the hand labels of real files")
    ap.add_argument("--real-keywords", action="store_true",
                    help="keyword recall and precision on real resumes labelled by hand")
    ap.add_argument("--real-postings", action="store_true",
                    help="requirements and domain of the real postings against hand labels")
    ap.add_argument("--writing", action="store_true",
                    help="compare the writing stage with the hand labels of real lines")
    ap.add_argument("--build", metavar="DIR", type=Path, help="write the generated corpus into DIR and stop")
    ap.add_argument("--write-expected", action="store_true", help="rewrite tests/eval/expected/*.json")
    ap.add_argument("--corpus", metavar="DIR", type=Path, help="evaluate this already-built corpus")
    args = ap.parse_args(argv)

    if args.build:
        from .generator import build

        made = build(args.build)
        print(f"wrote {len(made)} files and their .expected.json to {args.build}")
        return 0
    if args.write_expected:
        from .generator import write_expected

        paths = write_expected()
        print(f"wrote {len(paths)} expected answers to {paths[0].parent}")
        return 0
    if args.writing:
        from . import writing

        wfig = writing.run()
        print(writing.format_figures(wfig, show_misses=not args.no_misses))
        below = wfig.below_target()
        if below:
            print("\nbelow target:\n  " + "\n  ".join(below))
            return 1
        return 0
    if args.real_structure:
        from . import real_structure

        fig = real_structure.run()
        if fig is None:
            print("the public corpus (../shared/corpus) is not here", file=sys.stderr)
            return 2
        print(real_structure.format_figures(fig, show_misses=not args.no_misses))
        return 0
    if args.real_keywords:
        from .real_keywords import main_real_keywords

        return main_real_keywords(show_misses=not args.no_misses)
    if args.real_postings:
        from .real_requirements import (
            FLOORS,
            audit_reports,
            format_audit,
            format_requirements,
            run_requirements,
        )

        got = run_requirements()
        audit = audit_reports()
        if got is None or audit is None:
            print("the public corpus (../shared/corpus) is not here", file=sys.stderr)
            return 2
        print(format_requirements(got))
        print()
        print(format_audit(audit))
        bad = audit.must_have_missing_not_in_posting or audit.either_or_held_but_missing
        return int(bool(bad) or any(getattr(got, k) < v for k, v in FLOORS.items()))
    if args.real:
        from .real import format_counts, run_real

        rows = run_real()
        if rows is None:
            print("the public corpus (../shared/corpus) is not here", file=sys.stderr)
            return 2
        print(format_counts(rows))
        return 0

    from .evaluate import format_results, run

    res = run(args.corpus)
    print(format_results(res, show_misses=not args.no_misses))
    below = res.below_target()
    if below:
        print("\nbelow target:\n  " + "\n  ".join(below))
        return 1
    print("\nall figures meet their targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
