"""The line rules: pure functions of one line (and, for two of them, the lines before it).

Each returns notes as ``(code, params)``; ``review`` turns them into worded findings with the
messages of keyword_lists/writing/rules.toml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .models import Line
from .text import has_figure, has_outcome, lemma_of, norm_sentence, opener, sentences, split_summary

if TYPE_CHECKING:
    from .data import Measure, WritingLists
    from .spelling import Speller

Note = tuple[str, dict[str, str]]
ROLE_CONTEXTS = ("ended", "current", "unknown")

_PASSIVE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|be|been)\s+(?:(?:not|[a-z]+ly)\s+){0,2}"
    r"([a-z]+ed|done|made|sent|given|taken|held|paid|seen|known|shown|built|kept|met|set|"
    r"written|drawn|brought|told|found|sold|taught|spent|won|chosen|run|put|cut)(?![\w-])",
    re.I,
)
_NOT_PASSIVE = frozenset({
    "based", "located", "experienced", "skilled", "dedicated", "interested", "excited",
    "satisfied", "qualified", "licensed", "certified", "devoted", "motivated", "committed",
    "detailed", "organized", "organised", "focused", "talented", "advanced", "seasoned",
    "awarded", "nominated", "recognized", "recognised", "promoted", "selected", "chosen", "named",
    "honored", "honoured", "invited", "elected", "need", "feed", "speed", "seed", "bed", "red",
    "shed", "bred", "fled", "led", "wed",
})
_FIRST_PERSON = re.compile(
    r"(?<![\w-])(I['’](?:m|ve|d|ll)|I|my|My|MY|me|Me|myself|Myself)(?![\w'’-])"
)
_ROMAN_BEFORE = frozenset({
    "rep", "representative", "specialist", "coder", "level", "tier", "phase", "part", "grade",
    "class", "clerk", "assistant", "analyst", "technician", "type", "stage", "psr", "ii",
})


def is_role(line: Line) -> bool:
    return line.context in ROLE_CONTEXTS


def check_line(line: Line, lists: WritingLists, speller: Speller | None) -> list[Note]:
    """Notes on one line that need nothing but the line (and its role's tense)."""
    notes: list[Note] = []
    text = line.text
    if line.context == "title":
        if speller is not None:
            notes += [_spelling(speller, w, s) for w, s in speller.check(text, title=True)]
        return notes
    spelt = speller.check(text) if speller is not None else []
    low = text.lower()
    word_list = _LOWER_WORDS.findall(low)
    words = frozenset(word_list)
    if is_role(line):
        read = text
        for wrong, right in spelt:
            if text.lstrip(" •·-*").startswith(wrong):
                read = text.replace(wrong, right, 1)  # "Exceded goals" reads as "Exceeded goals"
        op = opener(read, lists)
        if op.words and len(op.words[0]) == 1 and op.words[0] not in ("A", "I"):
            op = None  # "R earched ...": a split word, so say nothing about the opening
        if op is None:
            pass
        elif op.weak:
            notes.append(("weak-opener", {"opener": op.weak}))
        elif not op.verb:
            notes.append(("no-action-verb", {}))
        if op is not None and op.verb and line.context in ("ended", "current"):
            first = op.words[0]
            if line.context == "ended" and op.form in ("base", "s", "ing"):
                notes.append(("tense", {"first": first, "tense": "present", "when": "has ended", "want": "past"}))
            elif line.context == "current" and op.form == "past":
                notes.append(("tense", {"first": first, "tense": "past", "when": "is current", "want": "present"}))
        if read is text:
            plain = not has_figure(text, words=words) and not has_outcome(text, word_list)
        else:
            plain = not has_figure(read) and not has_outcome(read)
        if plain:
            notes.append(("no-result", {}))
    m = _passive(text, words)
    if m:
        notes.append(("passive-voice", {"phrase": m}))
    fp = first_person(text)
    if fp:
        notes.append(("first-person", {"word": fp}))
    limits = lists.limits
    n_words = len(text.split())
    if len(text) > limits["long_chars"] or n_words >= limits["long_words"]:
        notes.append(("long-bullet", {"chars": str(len(text)), "words": str(n_words), "limit": str(limits["long_chars"])}))
    f = filler(text, lists, words)
    if f:
        notes.append(("filler", {"word": f}))
    notes += [_spelling(speller, w, s) for w, s in spelt]  # type: ignore[arg-type]
    return notes


def _spelling(speller: Speller, word: str, suggestion: str) -> Note:
    why = speller.confusions.why(word)
    return ("spelling", {"word": word, "suggestion": suggestion, "why": f" {why}" if why else ""})


_BE_WORDS = frozenset({"is", "are", "was", "were", "be", "been"})


def _passive(text: str, words: frozenset[str] | None = None) -> str:
    if words is None:
        words = frozenset(_LOWER_WORDS.findall(text.lower()))
    if words.isdisjoint(_BE_WORDS):
        return ""
    for m in _PASSIVE.finditer(text):
        part = m.group(1).lower()
        if part in _NOT_PASSIVE:
            continue
        if part.endswith("ed") and lemma_of(part) == part and part not in ("used",):
            continue  # "-ed" words the lemmatizer does not know as verb forms (e.g. "red")
        return m.group(0)
    return ""


def first_person(text: str) -> str:
    """The first "I", "my", "me" of a line; "I" only before a lower-case word (not "Coder I")."""
    if "I" not in text and "my" not in text and "me" not in text and "My" not in text and "MY" not in text and "Me" not in text:
        return ""
    for m in _FIRST_PERSON.finditer(text):
        word = m.group(1)
        if word == "I":
            before = text[: m.start()].split()
            prev = before[-1].lower().strip(",.;:()") if before else ""
            if prev in _ROMAN_BEFORE or not text[m.end():].lstrip()[:1].islower():
                continue
        return word
    return ""


def filler(text: str, lists: WritingLists, words: frozenset[str] | None = None) -> str:
    """The cliché of a line that has no figure to back it up ("" when none)."""
    low = text.lower()
    found = ""
    if words is None:
        words = frozenset(_LOWER_WORDS.findall(low))
    if not _filler_starts(lists.filler_phrases).isdisjoint(words) and _filler_any(lists.filler_phrases).search(low):
        m = _filler_re(lists.filler_phrases).search(low)
        found = m.group(0) if m else ""
    if not found and not lists.filler_adjectives.isdisjoint(words):
        for s in split_summary(text):
            first = [w.strip(",.;:!()").lower() for w in s.split()[: lists.filler_first_words + 1]]
            if first and first[0] in ("a", "an", "the"):
                first = first[1:]
            hit = [w for w in first[: lists.filler_first_words] if w in lists.filler_adjectives]
            if hit:
                found = hit[0]
                break
    if found and has_figure(text, ignore_years_of_experience=True, words=words):
        return ""
    return found


@lru_cache(maxsize=8)
def _filler_starts(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", p)[0] for p in phrases if re.findall(r"[a-z]+", p))


@lru_cache(maxsize=8)
def _filler_any(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in phrases))


@lru_cache(maxsize=8)
def _filler_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])")


# ------------------------------------------------------------- across lines
def duplicate_notes(lines: Sequence[Line], lists: WritingLists) -> dict[int, list[Note]]:
    """A sentence already written earlier in the resume (or earlier in the same line)."""
    seen: set[str] = set()
    out: dict[int, list[Note]] = {}
    for i, line in enumerate(lines):
        if line.context not in (*ROLE_CONTEXTS, "summary"):
            continue
        hit = False
        for s in sentences(line.text):
            if len(s.split()) < lists.limits["duplicate_min_words"]:
                continue
            key = norm_sentence(s)
            if key in seen:
                hit = True
            seen.add(key)
        if hit:
            out.setdefault(i, []).append(("duplicate-text", {}))
    return out


def repeated_verb_notes(lines: Sequence[Line], lists: WritingLists) -> dict[int, list[Note]]:
    """The third bullet (and only that one) that opens with the same verb."""
    keys: list[tuple[int, str, str]] = []  # (line index, lemma, first word as written)
    for i, line in enumerate(lines):
        if not is_role(line):
            continue
        op = opener(line.text, lists)
        if op.verb and not op.weak:
            keys.append((i, op.lemmas[0], op.words[0]))
    total = Counter(key for _, key, _ in keys)  # each opener is read once, not once per repeat
    counts: Counter[str] = Counter()
    out: dict[int, list[Note]] = {}
    n = lists.limits["repeat_count"]
    for i, key, _ in keys:
        counts[key] += 1
        if counts[key] == n:
            out.setdefault(i, []).append(("repeated-verb", {"verb": key.capitalize(), "count": str(total[key])}))
    return out


_SPLIT_LETTER = re.compile(r"(?<![a-z])([b-hj-z]) (?=[a-z]{2})")  # "m ulti-tasker" -> "multi-tasker"


def skill_kind(item: str, soft: frozenset[str], hard: frozenset[str]) -> str:
    """"hard", "soft" or "" (not known) for one item of a skills list; hard wins."""
    words = re.sub(r"[^a-z0-9+#/]+", " ", _SPLIT_LETTER.sub(r"\1", item.lower())).split()[:12]
    grams = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 6) + 1)}
    if grams & hard:
        return "hard"
    if grams & soft:
        return "soft"
    return ""


def skills_order_note(skills: Sequence[str], soft: frozenset[str], hard: frozenset[str]) -> str:
    """The first skill when the list opens with a soft skill and a hard skill comes later.

    Only the first item decides how the list opens: when it is not known as soft (a product,
    a heading, anything the lists do not name), nothing is said.
    """
    if not skills or skill_kind(skills[0], soft, hard) != "soft":
        return ""
    if any(skill_kind(item, soft, hard) == "hard" for item in skills[1:]):
        return skills[0]
    return ""


_LOWER_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=4096)
def pick_measure(text: str, role: str, measures: tuple[Measure, ...]) -> str:
    """A no-result template that fits the bullet, else its role title, else the default."""
    for source in (text, role):
        words = {lemma_of(w.lower()) for w in re.findall(r"[A-Za-z]+", source)}
        for m in measures:
            if m.when & words:
                return m.templates[0]
    default = [m for m in measures if m.name == "default"]
    return (default or list(measures))[0].templates[0]
