"""Small text helpers shared by the rules: lemmas, openers, sentences, figures, outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..keywords.nlp import lookup_lemma

if TYPE_CHECKING:
    from .data import WritingLists


# Lemmas come from the keyword stage's plain dict of the lookup table, so no spaCy ``Table``
# of 41,582 hashed forms is built (~100 ms per process).
lemma_of = lookup_lemma


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
# "IMMUNIZATIONS:" or "HEALTH CARE STATISTICS / REPORTING:" in front of a bullet is a label.
_LABEL = re.compile(r"^\s*[A-Z][A-Z&/ ,'-]{2,60}:\s*")
_LEAD = re.compile(r"^[\W\d_]+")  # bullet glyphs, dashes, numbering
# One mark per repeat and no start just after a mark: "[.!?;]+(?:\s*[.!?;]+)*" was exponential.
_SENT_SPLIT = re.compile(r"(?<![.!?;])([.!?;](?:\s*[.!?;])*)(?:\s+|$)")
_ABBREV = ("etc", "e.g", "i.e", "vs", "Inc", "Dr", "No")
_ANY_END = re.compile(r"[.!?;]")


def strip_lead(text: str) -> str:
    """The bullet without its glyph and without a capitalised "LABEL:" in front."""
    t = _LEAD.sub("", text)
    m = _LABEL.match(t)
    if m and not m.group(0).strip(" :").islower():
        t = t[m.end():]
    return t


def sentences(text: str) -> list[str]:
    """Sentences of a line; ". ." and ";" end one too, "etc." and "e.g." do not."""
    if not _ANY_END.search(text):
        piece = text.strip()
        return [piece] if piece else []  # most bullets: one sentence, no full stop
    parts = _SENT_SPLIT.split(text)
    out: list[str] = []
    glue = False
    for k in range(0, len(parts), 2):
        piece = parts[k].strip()
        punct = parts[k + 1] if k + 1 < len(parts) else ""
        if glue and out:
            out[-1] = f"{out[-1]}. {piece}" if piece else out[-1]
        elif piece:
            out.append(piece)
        glue = punct.startswith(".") and piece.endswith(_ABBREV)
    return out


def split_summary(text: str) -> list[str]:
    """Summary paragraphs split into sentences at '. ' before a capital (or a glued '.Cap')."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])|(?<=[a-z]\.)(?=[A-Z][a-z])", text)
    return [p.strip() for p in parts if p.strip()]


FUNCTION_WORDS = frozenset({"as", "on", "with", "for", "of", "in", "to", "any", "the", "a", "an", "at", "by"})


def phrase_key(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Lemmas of lower-case words, function words as written ("as" must not become "a")."""
    return tuple(w if w in FUNCTION_WORDS else lemma_of(w) for w in words)


@dataclass(frozen=True)
class Opener:
    """The first words of a bullet after adverbs: what rules about openings look at."""

    words: tuple[str, ...]  # as written, from the first non-adverb word (up to 4)
    lemmas: tuple[str, ...]
    verb: bool  # the first word is a verb (not a be/have form)
    form: str  # base / s / ing / past / ambiguous / none
    weak: str  # the weak opening phrase as written, or ""


def opener(text: str, lists: WritingLists) -> Opener:
    """The opening of a bullet (cached: several rules ask for the same line)."""
    key = (text, id(lists))
    hit = _OPENERS.get(key)
    if hit is None:
        if len(_OPENERS) > 4096:
            _OPENERS.clear()
        hit = _OPENERS[key] = _opener(text, lists)
    return hit


_OPENERS: dict[tuple[str, int], Opener] = {}


def _opener(text: str, lists: WritingLists) -> Opener:
    words = WORD_RE.findall(strip_lead(text)[:120])
    i = 0
    while i < len(words) - 1:
        w = words[i].lower()
        if (w.endswith("ly") and w not in lists.verbs and lemma_of(w) not in lists.verbs) or w in lists.lead_in:
            i += 1
            if i < len(words) - 1 and words[i].lower() == "and":
                i += 1
            continue
        break
    head = tuple(words[i:i + 4])
    if not head:
        return Opener((), (), False, "none", "")
    low = tuple(w.lower() for w in head)
    lem = tuple(lemma_of(w.split("-")[-1]) if "-" in w else lemma_of(w) for w in low)
    weak = ""
    key = phrase_key(low)
    for phrase in lists.weak_openers:
        if key[: len(phrase)] == phrase:
            weak = " ".join(head[: len(phrase)])
            break
    first = low[0].split("-")[-1] if "-" in low[0] else low[0]
    base = lem[0]
    if first in lists.be_verbs or base in ("be", "have"):
        return Opener(head, lem, False, "none", weak)
    inflected = first != base
    is_verb = base in lists.verbs or first in lists.verbs or (
        inflected and (first.endswith("ed") or first.endswith("ing"))
    )
    if len(low) > 1 and low[1] == "of" and first.endswith("s"):
        is_verb = False  # "Types of contracts", "Duties of ...": a noun
    if not is_verb:
        form = "none"
    elif first in lists.ambiguous_past:
        form = "ambiguous"
    elif first.endswith("ing") and inflected:
        form = "ing"
    elif inflected and first.endswith("s") and not first.endswith("ss"):
        form = "s"
    elif inflected:
        form = "past"
    else:
        form = "base"
    return Opener(head, lem, is_verb, form, weak)


# ------------------------------------------------------------------ figures
_NUMBER = re.compile(
    r"(?<![\w./-])(\$\s?)?(\d[\d,]*(?:\.\d+)?)(\s?%|\s?percent\b|[kKmMbB]\+|\+|(?<=\d)[kKmMbB](?=\W|$))?"
)
_NUMBER_WORD_SET = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens", "half"]
)
_ANY_DIGIT = re.compile(r"\d")
_CODE_WORDS = frozenset({"part", "level", "tier", "phase", "grade", "type", "stage", "class", "step"})
# A number is at most 16 digits and commas, one "\s*" on each side of the "+": linear.
_YEARS_EXP = re.compile(r"\d[\d,]{0,15}\s*(?:\+\s*)?(?:years?|yrs?)['’]?(?:\s+of)?\b", re.I)


def _number_word(low: str, words: frozenset[str] | None) -> bool:
    """A number word standing alone ("five coders"; not "one-on-one" or "two-year")."""
    if words is None:
        words = frozenset(_WORDS.findall(low))
    hits = words & _NUMBER_WORD_SET
    return any(re.search(r"(?<![\w-])" + h + r"(?![\w-])", low) for h in hits)


def has_figure(
    text: str, *, ignore_years_of_experience: bool = False, words: frozenset[str] | None = None
) -> bool:
    """A count, amount, rate or share: digits that are not a code (ICD-10, HCFA 1500) or a year."""
    low = text.lower()
    if ignore_years_of_experience and ("year" in low or "yr" in low):
        text = _YEARS_EXP.sub(" ", text)
    if not _ANY_DIGIT.search(text):
        return _number_word(low, words)
    for m in _NUMBER.finditer(text):
        dollars, digits, suffix = m.group(1), m.group(2), m.group(3)
        after = text[m.end(): m.end() + 1]
        if not suffix and after.isalpha():
            continue  # 3M, 837P
        if not dollars and not suffix and re.fullmatch(r"(19|20)\d\d", digits):
            continue  # a year
        before = text[: m.start()].rstrip()
        prev = before.split()[-1] if before.split() else ""
        if not dollars and not suffix and prev.isupper() and prev.isalpha() and len(prev) >= 2:
            continue  # HCFA 1500, HMO 7: a code or a plan name
        if not dollars and not suffix and prev.lower() in _CODE_WORDS:
            continue  # Level 2, Tier 3, Phase 1
        return True
    return _number_word(low, words)


_OUTCOME_WORDS = frozenset(
    ["increased", "increasing", "reduced", "reducing", "improved", "improving", "decreased", "decreasing", "saved", "savings", "recovered", "minimized", "minimised", "achieved", "exceeded", "surpassed", "lowered", "boosted", "doubled", "tripled", "halved", "shortened", "grew", "won", "resulted", "resulting", "award", "awards", "awarded", "recognized", "recognised", "honored", "honoured"]
)
_NOT_RESULT_BEFORE_IMPROVEMENT = frozenset({"quality", "process", "continuous", "performance", "needing", "for"})
_WORDS = re.compile(r"[a-z]+")


def has_outcome(text: str, words: list[str] | None = None) -> bool:
    """An outcome achieved (reduced, improved, exceeded, an award), not a purpose ("to reduce")."""
    if words is None:
        words = _WORDS.findall(text.lower())
    if not _OUTCOME_WORDS.isdisjoint(words):
        return True
    for i, w in enumerate(words):
        if w in ("improvement", "improvements") and (i == 0 or words[i - 1] not in _NOT_RESULT_BEFORE_IMPROVEMENT):
            return True
        if w == "to" and i and words[i - 1] in ("led", "leading"):
            return True
    return False


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def norm_sentence(s: str) -> str:
    return _NOT_ALNUM.sub("", s.lower())
