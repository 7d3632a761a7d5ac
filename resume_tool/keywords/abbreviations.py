"""Acronym definitions written in a text: ``Long Form (LF)`` and ``LF (Long Form)``.

Implements the algorithm of A. S. Schwartz and M. A. Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text", Pacific Symposium on Biocomputing
8:451-462. Why it matters here: a resume that writes "Certified Professional Coder (CPC)" carries
both forms an ATS may search for, and a text that writes "Clinical Research Coordinator (CRC)"
tells us its ``CRC`` is not the risk-adjustment credential.

The algorithm, in three small steps (each a function below):

1. :func:`short_form_candidates` - every parenthesis gives a pair. Inside the parenthesis, the text
   up to the first ``;`` or ``,`` is the short form when it looks like one (two to ten characters, at
   most two words, a letter, an alphanumeric first character); the long-form candidate is then the
   words before the parenthesis in the same sentence, at most ``min(|SF| + 5, 2 * |SF|)`` of them.
   Otherwise the word before the parenthesis is the short form and the parenthesis the long form.
2. :func:`best_long_form` - walk the short form's letters and digits right to left and find each,
   right to left, in the candidate; the first character of the short form must start a word. The
   long form starts at that word, so it is the shortest one that explains the short form.
3. Reject long forms shorter than the short form, longer than the word limit, or containing the
   short form as a word.

Two changes from the paper, for resumes and postings rather than abstracts: a short form must be
at least half capitals (``CPC``, ``E/M``, ``HCCs``, ``RxHCC``), which rejects "(see below)",
"(Remote)" and "(optional)" (years such as "(2019)" are rejected for having no letter); and a long
form whose word initials spell the short form exactly (:func:`initialism_long_form`) is preferred to
the paper's shortest tail, which stops at "Coding Associate" for "Certified Coding Associate (CCA)".
"""

from __future__ import annotations

import re

from ..models import AcronymDefinition

__all__ = [
    "best_long_form",
    "find_definitions",
    "initialism_long_form",
    "is_short_form",
    "short_form_candidates",
]

_PAREN = re.compile(r"\(([^()\n]{1,160})\)")
_WORD = re.compile(r"[^\s]+")
# Sentence or clause boundaries the long form may not cross (a full stop before a space, a colon,
# a bullet, a line break).
_BOUNDARY = re.compile(r"[.!?;:](?=\s)|[\n•|]")


def is_short_form(s: str) -> bool:
    """Schwartz & Hearst's short-form test, plus "at least half of the letters are capitals"."""
    if not (2 <= len(s) <= 10) or len(s.split()) > 2:
        return False
    if not s[0].isalnum():
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper * 2 >= len(letters)


def best_long_form(short: str, candidate: str) -> str | None:
    """The shortest tail of ``candidate`` whose letters explain ``short`` (or None).

    Characters of ``short`` that are not letters or digits (``/``, ``-``, ``&``) are skipped.
    """
    s = len(short) - 1
    i = len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            candidate[i].lower() != c or (s == 0 and i > 0 and candidate[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = max(candidate.rfind(" ", 0, i + 1), candidate.rfind("\t", 0, i + 1)) + 1
    return candidate[start:].strip()


_SKIP_WORDS = frozenset(
    {"and", "of", "the", "for", "in", "on", "to", "&", "-", "–", "—", "a", "an"}
)


def initialism_long_form(short: str, candidate: str) -> str | None:
    """The tail of ``candidate`` whose word initials spell ``short`` exactly, or None.

    Tried before :func:`best_long_form`, whose shortest tail can stop inside the real long form:
    for "Certified Coding Associate (CCA)" it finds "Coding Associate" (the second C inside
    "Associate"). Small words ("and", "of", dashes) are skipped; a plural ``s`` is ignored.
    """
    letters = [c.lower() for c in short if c.isupper() or c.isdigit()]
    if len(letters) < 2:
        return None
    words = candidate.split()
    need = len(letters)
    i = len(words)
    while i > 0 and need > 0:
        i -= 1
        w = words[i].strip("()[],;:.\"'")
        if not w or w.lower() in _SKIP_WORDS:
            continue
        parts = [x for x in re.split(r"[-/]", w) if x]
        parts = [x for x in parts if x[0].isupper()] or parts[:1]  # "Physician-based" is one P
        for part in reversed(parts):
            if need == 0:
                return None
            if part[0].lower() != letters[need - 1]:
                return None
            need -= 1
    if need:
        return None
    return " ".join(words[i:])


def _max_words(short: str) -> int:
    n = len(short)
    return min(n + 5, n * 2)


def _valid(short: str, long: str) -> bool:
    if not long or len(long) <= len(short):
        return False
    words = long.split()
    if len(words) > _max_words(short):
        return False
    low_short = short.lower()
    return all(w.strip("()[],;:.").lower() != low_short for w in words)


def _left_edge(text: str, pos: int, reach: int = 300) -> int:
    """Offset where the sentence or line holding ``pos`` begins (looking back at most ``reach``)."""
    lo = max(0, pos - reach)
    edge = lo
    for b in _BOUNDARY.finditer(text, lo, pos):
        edge = b.end()
    return edge


def short_form_candidates(text: str) -> list[tuple[str, int, int, str, int, int]]:
    """Candidate pairs ``(short, s_start, s_end, long_candidate, l_start, l_end)`` from parentheses.

    Offsets index ``text``. For ``LF (SF)`` the long candidate is the words before the parenthesis;
    for ``SF (LF)`` it is the text inside it.
    """
    out: list[tuple[str, int, int, str, int, int]] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        lead = len(inner) - len(inner.lstrip())
        cut = re.split(r"[;,]", inner, maxsplit=1)[0].strip()
        s_start = m.start(1) + lead
        left_edge = _left_edge(text, m.start())
        before = text[left_edge : m.start()]
        if is_short_form(cut):
            words = list(_WORD.finditer(before))
            words = words[-_max_words(cut) :]
            if not words:
                continue
            l_start = left_edge + words[0].start()
            l_end = left_edge + words[-1].end()
            out.append((cut, s_start, s_start + len(cut), text[l_start:l_end], l_start, l_end))
        elif len(inner.split()) >= 2:
            words = list(_WORD.finditer(before))
            if not words:
                continue
            w = words[-1]
            short = w.group().strip(",;:\"'")
            if not is_short_form(short):
                continue
            sw_start = left_edge + w.start() + w.group().find(short)
            long_text = inner.strip()
            out.append(
                (
                    short,
                    sw_start,
                    sw_start + len(short),
                    long_text,
                    s_start,
                    s_start + len(long_text),
                )
            )
    return out


def find_definitions(text: str) -> list[AcronymDefinition]:
    """Every acronym definition in ``text``, in order; ``start``/``end`` span long form and short form.

    >>> [(d.short, d.long) for d in find_definitions("Certified Professional Coder (CPC)")]
    [('CPC', 'Certified Professional Coder')]
    """
    found: list[AcronymDefinition] = []
    for short, s_start, s_end, cand, l_start, l_end in short_form_candidates(text):
        if l_start < s_start:  # Long Form (SF)
            long = initialism_long_form(short, cand) or best_long_form(short, cand)
            if long is None or not _valid(short, long):
                continue
            start = l_end - len(long)
            end = text.find(")", s_end) + 1 or s_end
        else:  # SF (Long Form): the whole parenthesis must be explained
            long = initialism_long_form(short, cand) or best_long_form(short, cand)
            if long is None or long != cand or not _valid(short, long):
                continue
            start = s_start
            end = l_end + 1
        found.append(AcronymDefinition(short=short, long=long, start=start, end=end))
    return found
