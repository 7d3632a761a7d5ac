"""Small structural rules the matcher applies to ambiguous forms; pure functions over atoms.

The vocabulary says *which* forms are ambiguous (``needs_context``, ``case_sensitive``) and which
words count as evidence (``context``); these functions hold the few facts that are about text
layout rather than about one keyword: a state code after ``City,``, a verb reading such as
``Excel at``, a ``Skills:`` label at the start of a line, and the sentence around a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicon import MONTH_WORDS, US_STATE_CODES
from .nlp import Atoms

_ZIP = re.compile(r"^\d{5}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_COUNTRY = frozenset({"usa", "us", "united", "u.s.", "u.s.a."})
# What may follow "City, ST": end of line, a ZIP, a separator, a date.
_AFTER_PLACE = frozenset({".", "|", "•", "·", "(", ")", "[", "]", ";", "/", "–", "—", "-"})

# Function words after which a capitalized single word is a verb, not a product ("Excel at").
VERB_FOLLOWERS_ANYWHERE = frozenset({"at"})
VERB_FOLLOWERS_SENTENCE_START = frozenset({"in", "as", "when", "under", "by"})

# A label that opens a line and says the line lists skills or credentials.
SKILL_LABEL = re.compile(
    r"^[\s•·▪*\-–|]*(?:(?:technical|computer|core|key|professional|relevant|coding|billing|software)\s+)?"
    r"(?:skills?|software|systems|tools|technolog(?:y|ies)|applications|platforms|proficienc(?:y|ies)|"
    r"competenc(?:y|ies)|expertise|certifications?|credentials?|licen[cs]es?(?:\s*(?:and|&)\s*certifications?)?|"
    r"ehr|emr|ehr/emr|programs?)\s*(?:highlights|summary)?\s*[:|–—-]",
    re.IGNORECASE,
)

SENTENCE_MAX = 200
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9•])")


def is_us_state_after_place(
    atoms: Atoms, i: int, keyword_at: Callable[[int], bool] | None = None
) -> bool:
    """Atom ``i`` (two capitals) reads as a state code: ``Little Rock, AR``, ``Springfield, AR 72201``.

    True when a ZIP code follows, or when ``Capitalized ,`` precedes and the line, a separator,
    a year, a month or ``, USA`` comes next. ``Billing, AR and collections`` is not a place: the
    word after ``AR`` continues a phrase; nor is ``Billing, AR`` when ``keyword_at`` says the word
    before the comma is itself a keyword.
    """
    w = atoms.words[i]
    if w not in US_STATE_CODES:
        return False
    n = len(atoms)
    nxt = atoms.words[i + 1] if i + 1 < n else None
    nxt_new_line = i + 1 >= n or atoms.line_start[i + 1]
    if nxt is not None and not nxt_new_line and _ZIP.match(nxt):
        return True
    if i < 2 or atoms.words[i - 1] != "," or atoms.line_start[i - 1] or atoms.line_start[i]:
        return False
    place = atoms.words[i - 2]
    if not place[:1].isupper() or (keyword_at is not None and keyword_at(i - 2)):
        return False
    if nxt_new_line or nxt is None:
        return True
    low = nxt.lower()
    if nxt in _AFTER_PLACE or _YEAR.match(nxt) or low in MONTH_WORDS:
        return True
    if nxt == "," and i + 2 < n and not atoms.line_start[i + 2]:
        return atoms.words[i + 2].lower() in _COUNTRY
    return False


def is_verb_reading(atoms: Atoms, i: int) -> bool:
    """A capitalized single word used as a verb: ``Excel at customer service`` (not the software)."""
    if i + 1 >= len(atoms) or atoms.line_start[i + 1]:
        return False
    nxt = atoms.words[i + 1]
    if nxt in VERB_FOLLOWERS_ANYWHERE:
        return True
    return atoms.sent_start[i] and nxt in VERB_FOLLOWERS_SENTENCE_START


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the line(s) holding ``text[start:end]``."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def has_skill_label(text: str, offset: int) -> bool:
    """The line holding ``offset`` opens with a label such as ``Skills:`` or ``Software:``."""
    a, _ = line_bounds(text, offset, offset)
    m = SKILL_LABEL.match(text, a)
    return bool(m) and m.end() <= offset


def sentence_around(text: str, start: int, end: int, limit: int = SENTENCE_MAX) -> str:
    """The sentence (or line) holding ``text[start:end]``, whitespace collapsed, at most ``limit`` chars.

    A long sentence is cut around the match with ``…`` on the cut side(s).
    """
    a, b = line_bounds(text, start, end)
    # narrow to the sentence inside the line
    for m in _SENT_END.finditer(text, a, b):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    s, e = a, b
    if e - s > limit:
        half = max(0, (limit - (end - start)) // 2)
        s = max(a, start - half)
        e = min(b, s + limit)
        s = max(a, e - limit)
    out = " ".join(text[s:e].split())
    if s > a:
        out = "…" + out
    if e < b:
        out = out + "…"
    return out
