"""A small labelled set for the keyword matcher: resume and posting texts with the keyword ids a
careful human finds in them and trap ids that must not be reported.

``python -m tests.keyword_eval`` prints precision and recall per text and overall and lists the
misses; ``tests/keyword_eval/test_eval.py`` asserts precision >= 0.98 and recall >= 0.95.

Real texts are referenced by their name in the shared corpus (``../shared/corpus``), never copied;
texts written for this set live in ``texts/``. Labels are entry ids of the bundled keyword lists:
what the text *writes* (an entry that another one only ``satisfies`` is not labelled).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.toml"
CORPUS = HERE.parents[1].parent / "shared" / "corpus"


@dataclass
class Item:
    name: str
    kind: str  # "resume" or "posting"
    text: str
    expected: set[str]
    traps: set[str] = field(default_factory=set)
    source: str = ""


@dataclass
class Score:
    name: str
    kind: str
    found: set[str]
    expected: set[str]
    traps: set[str]

    @property
    def tp(self) -> int:
        return len(self.found & self.expected)

    @property
    def false_positives(self) -> set[str]:
        return self.found - self.expected

    @property
    def misses(self) -> set[str]:
        return self.expected - self.found

    @property
    def trap_hits(self) -> set[str]:
        return self.found & self.traps

    @property
    def precision(self) -> float:
        return self.tp / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / len(self.expected) if self.expected else 1.0


def load_items(require_corpus: bool = False) -> tuple[list[Item], list[str]]:
    """The labelled items; items whose corpus file is absent are skipped (names returned)."""
    data = tomllib.loads(LABELS.read_text(encoding="utf-8"))
    items: list[Item] = []
    skipped: list[str] = []
    for raw in data["item"]:
        if "corpus" in raw:
            path = CORPUS / raw["corpus"]
            if not path.is_file():
                if require_corpus:
                    raise FileNotFoundError(path)
                skipped.append(raw["name"])
                continue
            source = raw["corpus"]
        else:
            path = HERE / raw["file"]
            source = raw["file"]
        text = path.read_text(encoding="utf-8", errors="replace")
        if "lines" in raw:
            a, b = raw["lines"]
            text = "\n".join(text.split("\n")[a - 1 : b])
        items.append(
            Item(
                name=raw["name"],
                kind=raw["kind"],
                text=text,
                expected=set(raw["expected"]),
                traps=set(raw.get("traps", [])),
                source=source,
            )
        )
    return items, skipped


def found_ids(item: Item, matcher) -> set[str]:  # matcher: KeywordMatcher
    """Entry ids the tool reports for an item (postings go through analyze_posting)."""
    if item.kind == "posting":
        from resume_tool.keywords import analyze_posting

        return {k.entry_id for k in analyze_posting(item.text, matcher).keywords}
    return {m.entry_id for m in matcher.match(item.text)}


def evaluate(matcher=None) -> tuple[list[Score], list[str]]:
    from resume_tool.keywords import KeywordMatcher, load_vocabulary

    matcher = matcher or KeywordMatcher(load_vocabulary())
    items, skipped = load_items()
    scores = [Score(i.name, i.kind, found_ids(i, matcher), i.expected, i.traps) for i in items]
    return scores, skipped


def totals(scores: list[Score]) -> tuple[float, float]:
    tp = sum(s.tp for s in scores)
    found = sum(len(s.found) for s in scores)
    expected = sum(len(s.expected) for s in scores)
    return (tp / found if found else 1.0), (tp / expected if expected else 1.0)
