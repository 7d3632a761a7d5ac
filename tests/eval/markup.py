"""Inline keyword labels: ``[text]{id1,id2}`` marks what a careful reader finds in ``text``.

Every string of the evaluation specs is written in this markup, so the label sits on the
very words it labels and a reviewer can check it where it stands:

* ``[CPC]{cpc}`` - the words ``CPC`` are the keyword ``cpc`` (an id of
  ``keyword_lists/vocabulary/*.toml``);
* ``[AR]{!accounts-receivable}`` - a *trap*: these words must not be read as that keyword
  (``Little Rock, AR`` is a state, not accounts receivable);
* ``[96%]{#q}`` - an annotation, not a keyword: ``#q`` marks a quantified result, the thing
  the ``no-quantified-results`` finding looks for.

Labels may combine: ``[25 charts per hour]{productivity,#q}``. The plain text a document
shows is the markup with the labels removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_LABEL = re.compile(r"\[([^\[\]{}]+)\]\{([^{}\[\]]*)\}")


@dataclass(frozen=True)
class Labels:
    """What the markup of one or more strings says."""

    ids: frozenset[str] = frozenset()
    traps: frozenset[str] = frozenset()
    quantified: bool = False

    def __or__(self, other: Labels) -> Labels:
        return Labels(self.ids | other.ids, self.traps | other.traps, self.quantified or other.quantified)


def plain(text: str) -> str:
    """The text as the document shows it."""
    out = _LABEL.sub(r"\1", text)
    if any(ch in out for ch in "[]{}"):
        raise ValueError(f"unbalanced label markup in {text!r}")
    return out


def labels(text: str) -> Labels:
    """The keyword ids, traps and annotations written into ``text``."""
    ids: set[str] = set()
    traps: set[str] = set()
    quantified = False
    for m in _LABEL.finditer(text):
        for raw in m.group(2).split(","):
            tag = raw.strip()
            if not tag:
                continue
            if tag == "#q":
                quantified = True
            elif tag.startswith("!"):
                traps.add(tag[1:])
            elif tag.startswith("#"):
                raise ValueError(f"unknown annotation {tag!r} in {text!r}")
            else:
                ids.add(tag)
    return Labels(frozenset(ids), frozenset(traps), quantified)


def all_labels(texts: Iterable[str]) -> Labels:
    out = Labels()
    for t in texts:
        out = out | labels(t)
    return out


def spans(text: str) -> list[tuple[str, list[str]]]:
    """(plain words, tags) for every labelled span, for review listings."""
    return [(m.group(1), [t.strip() for t in m.group(2).split(",") if t.strip()]) for m in _LABEL.finditer(text)]
