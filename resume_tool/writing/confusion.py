"""Real-word slips: a listed word noted only where the words around it give it away.

A dictionary cannot see "summery" for summary or "in to" for into, because what was written is a
word. The usual answer is a confusion set with context features (Golding and Roth, "A
Winnow-based approach to context-sensitive spelling correction", Machine Learning 34, 1999): for
each pair, the words just before and after and the words nearby decide which member was meant.
Without a trained model we keep the features and write the decision by hand, as data
(``keyword_lists/writing/confusions.toml``): an entry fires only in a context where the right use
of the written word is essentially impossible, so a wrong note stays rare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .data import Confusion

# (?<![ \t]): a run of spaces is tried once, from its start, so a scan stays linear
_WORD_AFTER = re.compile(r"(?<![ \t])[ \t]*([A-Za-z0-9][A-Za-z0-9'’]*)")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'’")
_LINE_WORDS = re.compile(r"[A-Za-z]+")
_LABEL_LEAD = " \t•·*-–—>"  # only a bullet or spaces before a label
_REACH = 80  # characters looked at on each side: a neighbouring word is never longer


class Confusions:
    """Finds the listed slips of a line; built once per list."""

    def __init__(self, entries: Iterable[Confusion]) -> None:
        self.by_form: dict[str, list[Confusion]] = {}
        exact: set[str] = set()
        folded: set[str] = set()
        for c in entries:
            form = " ".join(c.wrong.split())
            key = form if form != form.lower() else form.lower()
            self.by_form.setdefault(key, []).append(c)
            (exact if key != form.lower() else folded).add(form)
        self._rx = [
            re.compile(r"(?<![\w'’])(?:" + "|".join(_phrase(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w'’])", flags)
            for forms, flags in ((exact, 0), (folded, re.I))
            if forms
        ]

    def entries(self, written: str) -> list[Confusion]:
        """The entries for a form as written: as listed ("HIPPA"), else in lower case."""
        form = " ".join(written.split())
        return self.by_form.get(form) or self.by_form.get(form.lower(), [])

    def why(self, written: str) -> str:
        """The listed reason a real-word slip is one ("\"Summery\" means like summer."), or ""."""
        return next((c.why for c in self.entries(written) if c.why), "")

    def slips(self, text: str) -> list[tuple[str, str]]:
        """(written, right) for every listed slip of ``text`` whose context fits."""
        out: list[tuple[str, str]] = []
        line_words: frozenset[str] | None = None
        for rx in self._rx:
            for m in rx.finditer(text):
                written = m.group(0)
                if text[m.end(): m.end() + 1] == "-":
                    continue  # the first part of a compound: "complaint-free"
                a = _WORD_AFTER.match(text, m.end(), m.end() + _REACH)
                before = _word_before(text, m.start())
                after = a.group(1) if a else None
                for c in self.entries(written):
                    if (c.near or c.not_near) and line_words is None:
                        line_words = frozenset(w.lower() for w in _LINE_WORDS.findall(text))
                    if _fits(c, text, m, before, after, line_words):
                        out.append((written, _same_case(written, c.right)))
                        break
        return out


def _fits(c: Confusion, text: str, m: re.Match[str], before: str | None, after: str | None, near: frozenset[str] | None) -> bool:
    if c.before and not _is(before, c.before, "@start"):
        return False
    if c.not_before and _is(before, c.not_before, "@start"):
        return False
    if c.after and not _is(after, c.after, "@end"):
        return False
    if c.not_after and _is(after, c.not_after, "@end"):
        return False
    if c.near and not (near and c.near & near):
        return False
    if c.not_near and near and c.not_near & near:
        return False
    if c.label:
        rest = text[m.end(): m.end() + _REACH].lstrip(" \t")
        return m.start() <= _REACH and not text[: m.start()].strip(_LABEL_LEAD) and (not rest or rest[0] == ":")
    return True


def _word_before(text: str, start: int) -> str | None:
    """The word ending just before ``start`` (spaces or one hyphen between), read backwards
    over at most ``_REACH`` characters; None after punctuation or at the line's start."""
    window = text[max(0, start - _REACH): start].rstrip(" \t")
    if window.endswith("-"):
        window = window[:-1].rstrip(" \t")
    i = len(window)
    while i and window[i - 1] in _WORD_CHARS:
        i -= 1
    word = window[i:].lstrip("'’")
    return word or None


def _is(word: str | None, words: frozenset[str], none_marker: str) -> bool:
    """Whether the neighbouring ``word`` (None: punctuation or the line's edge) is in ``words``."""
    if word is None:
        return none_marker in words
    return word.lower() in words or ("@upper" in words and word[0].isupper())


def _phrase(form: str) -> str:
    return r"[ \t]+".join(re.escape(w) for w in form.split())


def _same_case(written: str, right: str) -> str:
    return right[0].upper() + right[1:] if written[:1].isupper() and right[:1].islower() else right
