"""Spelling: real misspellings only, precision first.

A word is noted only when all of these hold: it is lower case in running text (names, acronyms
and capitalised words are left alone, except a capitalised slip one edit away from a listed
domain word such as "Compliane", or, in a word of seven letters or more, from a common word by an
edit before its last two letters, "Pratical"; names, brands and foreign words mostly differ by
their ending: "Accuray", "Instituto"); the offline dictionary (pyspellchecker) does not know it in
its US or UK spelling, nor as a lemma or with a common prefix; no keyword list, curated term or
``--lists`` word names it; the dictionary has a suggestion one edit away with the same first
letter (a user name such as "bwayne" is no slip of "wayne"). A word the dictionary knows only as
two glued words is a slip when a common word of its length is one edit away ("persuing"). Split
words (two pieces that join into a common or listed word, one of them no word: "devel oper",
"p rovide", "o f"), a word after a hyphenated prefix ("non-urgant"), a function word glued to an
acronym ("ofHIPAA") or to the end of a word ("trafficfor"), and listed confusions ("HIPPA") are
noted too, and so are two long common words run together ("classcustomer"), a word the
dictionary knows but rarely sees when the same word with one consonant doubled is far more
common ("programing": noisy-channel odds, kept to that one edit because wider edits flag right
words such as "caching" or "modal"), and an unknown word whose
-ant/-ent (-ance/-ence) suffix swapped is a dictionary word ("existant"). Real-word slips ("summery",
"in to", "back ground") are noted only where ``confusions.toml`` says their context gives them
away (``confusion.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import english_dictionary
from .confusion import Confusions
from .text import lemma_of

if TYPE_CHECKING:
    from .data import WritingLists

_URL_MAIL = re.compile(
    r"(?<!\S)\S*?(?:https?://|www\.|@|\.(?:com|org|net|edu|gov|md|txt|pdf|docx?|xlsx?|csv|json|html?|py|js)\b)\S*", re.I
)  # web and mail addresses, and file names ("descripcion.md"): names, not words
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
MAX_LETTERS = 30  # longer "words" are glued text or garbage; edits of them cost seconds
_GLUED_ACRONYM = re.compile(r"(?<![A-Za-z])(of|in|for|and|to|with|the|on)([A-Z]{2,}s?)(?![A-Za-z])")
_TAIL_WORDS = ("for", "of", "and", "the", "with", "to")
_TWO_LETTER_WORDS = frozenset(["of", "to", "in", "on", "at", "by", "is", "it", "as", "an", "or", "if", "be", "we", "do", "up", "so", "no"])
_PREFIXES = ("re", "pre", "non", "un", "co", "over", "under", "sub", "multi", "inter", "post")
# A hyphenated piece after one of these is a word of its own and is checked: "non-urgant".
_HYPHEN_PREFIXES = frozenset(_PREFIXES) | {"self", "anti", "semi", "mid", "cross", "well"}
_URLISH = re.compile(r"@|www|http|\.(?:com|org|net|edu|gov|md|txt|pdf|docx?|xlsx?|csv|json|html?|py|js)\b", re.I)
_CONTACT = re.compile(r"@|www\.|https?://|\(\d{3}\)|\d{3}[-.\s]\d{3}[-.\s]\d{4}")
# UK spelling → US spelling, tried one at a time; either spelling is right.
_UK = (
    ("our", "or"), ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("tre", "ter"), ("tres", "ters"),
    ("ence", "ense"), ("ogue", "og"), ("lled", "led"), ("lling", "ling"), ("ae", "e"), ("oe", "e"),
    ("mme", "m"), ("mmes", "ms"),
)

# -ant/-ent, -ance/-ence, -ancy/-ency: English spells these suffixes by history, not by sound,
# so one written for the other is a classic slip ("existant", "independant"). A word the
# dictionary does not know is a slip when the swap gives a word it knows, however rare.
_SUFFIX_SWAPS = (
    ("antly", "ently"), ("ently", "antly"), ("ance", "ence"), ("ence", "ance"), ("ancy", "ency"),
    ("ency", "ancy"), ("ants", "ents"), ("ents", "ants"), ("ant", "ent"), ("ent", "ant"),
)


class Speller:
    """Decides which words of a line are misspelt; built once per vocabulary."""

    def __init__(self, lists: WritingLists, known: frozenset[str]) -> None:
        self.lists = lists
        self.known_terms = known | lists.known
        self.min_letters = int(lists.limits["spelling_min_letters"])
        self.min_frequency = float(lists.limits["spelling_min_frequency"])
        self.slip_frequency = float(lists.limits["spelling_slip_frequency"])
        self.double_ratio = float(lists.limits["spelling_double_ratio"])
        self.double_min_letters = int(lists.limits["spelling_double_min_letters"])
        self._doubles: dict[str, str | None] = {}
        self.capital_min_letters = int(lists.limits["spelling_capital_min_letters"])
        self.capital_frequency = float(lists.limits["spelling_capital_frequency"])
        self.glued_min_letters = int(lists.limits["spelling_glued_min_letters"])
        self.glued_part_letters = int(lists.limits["spelling_glued_part_letters"])
        self.glued_frequency = float(lists.limits["spelling_glued_frequency"])
        self._cache: dict[str, bool] = {}
        self._suggestions: dict[str, str | None] = {}
        self._ok: set[str] = set()  # words as written that need no second look
        self._cands: dict[str, set[str]] = {}
        self.confusions = Confusions(lists.confusions)

    # ---------------------------------------------------------------- known
    def is_known(self, word: str) -> bool:
        w = word.lower().replace("’", "'")
        hit = self._cache.get(w)
        if hit is None:
            hit = self._known(w)
            self._cache[w] = hit
        return hit

    def _known(self, w: str) -> bool:
        if w in self.known_terms:
            return True
        if "'" in w:
            w = w.split("'")[0]
            if not w or w in self.known_terms:
                return True
        d = english_dictionary()
        if w in d:
            return True
        lem = lemma_of(w)
        if lem != w and (lem in d or lem in self.known_terms):
            return True
        for uk, us in _UK:
            if uk in w:
                for i in _find_all(w, uk):
                    alt = w[:i] + us + w[i + len(uk):]
                    if alt in d or lemma_of(alt) in d:
                        return True
        if _suffix_swap(w) is not None:
            return False  # "existant" is no exist + ant compound
        for k in range(3, len(w) - 2):  # a compound of two dictionary words: offsite, workflow
            head, tail = w[:k], w[k:]
            if tail not in _TAIL_WORDS and head in d and tail in d and len(tail) >= 3:
                # "persuing" is per + suing, but a slip of pursuing; "classcustomer" is two words
                return not (self._common_slip(w) or self.glued(w))
        if len(w) >= 6 and w[0] in "eijmx" and w[1] not in "aeiou" and w[1:] in d:
            return True  # e-, i-, j-, m-, x- before a word: ecommerce, jquery (not "earched")
        for p in _PREFIXES:
            rest = w[len(p):]
            if w.startswith(p) and len(rest) >= 4 and (rest in d or lemma_of(rest) in d or rest in self.known_terms):
                return True
        return False

    def _common_slip(self, w: str) -> bool:
        """A word one edit away is common enough that ``w`` reads as its slip."""
        d = english_dictionary()
        return any(
            c != w and len(c) == len(w) and d.word_usage_frequency(c) >= self.slip_frequency
            for c in self._candidates(w)
        )  # same length: a letter swapped ("persuing"), not a letter more ("backend" / backed)

    def glued(self, w: str) -> str | None:
        """Two long, common words run together, as "head tail" ("classcustomer"), or None."""
        if len(w) < self.glued_min_letters or not w.islower():
            return None
        d = english_dictionary()
        part, freq = self.glued_part_letters, self.glued_frequency
        for k in range(part, len(w) - part + 1):
            head, tail = w[:k], w[k:]
            if head in d and tail in d and min(d.word_usage_frequency(head), d.word_usage_frequency(tail)) >= freq:
                return f"{head} {tail}"
        return None

    def _common_word(self, w: str) -> bool:
        """A listed term, or a dictionary word (or its lemma) at least as common as a suggestion."""
        if w in self.known_terms:
            return True
        d = english_dictionary()
        lem = lemma_of(w)
        return any(x in self.known_terms or d.word_usage_frequency(x) >= self.min_frequency for x in {w, lem})

    def _is_piece(self, word: str) -> bool:
        """Not a word on its own: a lone letter other than a / I, or an unknown word."""
        if len(word) == 1:
            return word.lower() not in "ai"
        return not self.is_known(word)

    def _split(self, clean: str, t, nxt) -> tuple[str, str] | None:
        """Two pieces of one word split by a space ("devel oper", "p rovide", "Javascri pt"):
        joined they make a known word, and at least one piece is no word on its own."""
        a, b = t.group(0), nxt.group(0)
        if clean[t.end(): nxt.start()] != " " or not (a.isalpha() and b.isalpha() and b.islower()):
            return None
        before = clean[t.start() - 1] if t.start() else " "
        after = clean[nxt.end()] if nxt.end() < len(clean) else " "
        if before.isalnum() or after.isalnum():
            return None  # "5x speedup": a unit glued to a figure
        if len(b) == 1 and len(a) > 1:
            return None  # "Visa e-Pay", "via e-mail": a lone letter after a word starts the next one
        if not (a.islower() or a[1:].islower()):
            return None  # "SQL server", "eBay" are not halves of a word
        joined = (a + b).lower()
        if not (self._is_piece(a) or self._is_piece(b)):
            return None
        if len(a) == 1 and a.islower() and a not in "ai":  # "p rovide", "o f", "m ulti-tasker"
            if not self.is_known(joined) or (len(b) == 1 and joined not in _TWO_LETTER_WORDS):
                return None
        elif len(joined) < 5:
            return None
        elif not self._common_word(joined):
            # a rare word ("javascript") only when the unknown piece is long: "Javascri pt"
            unknown = a if self._is_piece(a) else b
            if len(unknown) < 5 or joined not in english_dictionary():
                return None
        return f"{a} {b}", joined.capitalize() if a[0].isupper() else joined

    def _suspicious(self, word: str) -> bool:
        hit = self._check_word(word)
        if not hit:
            if len(self._ok) > 200_000:
                self._ok.clear()
            self._ok.add(word)
        return hit

    def _check_word(self, word: str) -> bool:
        n = len(word)
        if n > MAX_LETTERS:
            return False
        if n == 1:
            return word.islower() and word not in "ai"
        if word.islower():
            return n >= self.min_letters and (not self.is_known(word) or self.doubled(word) is not None)
        return n > self.min_letters and word[0].isupper() and word[1:].islower() and not self.is_known(word)

    def doubled(self, word: str) -> str | None:
        """The same word with one consonant doubled, when the dictionary knows ``word`` but sees
        that form far more often: "programing" for "programming". Never undoubling (UK
        "modelling" is right), never "-lled"/"-lling" (US "traveled", UK "travelled")."""
        if word in self._doubles:
            return self._doubles[word]
        best = None
        d = english_dictionary()
        if len(word) >= self.double_min_letters and word in d and word not in self.known_terms:
            freq = d.word_usage_frequency(word)
            for i in range(1, len(word)):
                ch = word[i]
                if ch in "aeiouy" or (ch == "l" and word[i + 1:].startswith(("ed", "ing", "er"))):
                    continue
                alt = word[:i] + ch + word[i:]
                if alt in d and d.word_usage_frequency(alt) >= self.double_ratio * freq:
                    best = alt
                    break
        self._doubles[word] = best
        return best

    def _is_verb_form(self, word: str) -> bool:
        base = lemma_of(word)
        return base in self.lists.verbs and (base != word or word in self.lists.verbs)

    def suggestion(self, word: str) -> str | None:
        """The dictionary's correction one edit away, if it is a common enough word."""
        w = word.lower()
        if w not in self._suggestions:
            self._suggestions[w] = self._suggest(w)
        return self._suggestions[w]

    def _candidates(self, word: str) -> set[str]:
        if word not in self._cands:
            self._cands[word] = english_dictionary().candidates(word) or set()
        return self._cands[word]

    def _suggest(self, word: str) -> str | None:
        d = english_dictionary()
        cands = d.candidates(word.lower())
        if not cands or cands == {word.lower()}:
            return None
        best = d.correction(word.lower())
        if not best or d.word_usage_frequency(best) < self.min_frequency:
            return None
        return best

    # ---------------------------------------------------------------- check
    def check(self, text: str, *, title: bool = False) -> list[tuple[str, str]]:
        """(written, suggestion) for every misspelling in a line."""
        out: list[tuple[str, str]] = []
        if _CONTACT.search(text):
            return out  # a contact line (handles, addresses) leaked into the text: say nothing
        bare = text.strip()
        if bare.isalpha() and bare.islower():
            return out  # one lower-case word alone on a line: a user name beside an icon ("bwayne")
        out.extend(self.confusions.slips(text))
        for m in _GLUED_ACRONYM.finditer(text):
            if m.group(0) not in self.known_terms and not self.is_known(m.group(0)):
                out.append((m.group(0), f"{m.group(1)} {m.group(2)}"))
        clean = text
        if _URLISH.search(text):
            clean = _URL_MAIL.sub(lambda m: " " * len(m.group(0)), text)
        min_letters = self.min_letters
        ok = self._ok
        fresh = [w for w in _TOKEN.findall(clean) if w not in ok]
        if not fresh or not any([self._suspicious(w) for w in fresh]):
            return out  # the common case: every word is known
        tokens = list(_TOKEN.finditer(clean))
        splits: dict[int, tuple[str, str]] = {}
        consumed: set[int] = set()
        for k in range(len(tokens) - 1):
            if k in consumed:
                continue
            t, nxt = tokens[k], tokens[k + 1]
            if len(t.group(0)) == 1 or t.group(0) not in ok or nxt.group(0) not in ok:
                split = self._split(clean, t, nxt)
                if split:
                    splits[k] = split
                    consumed.add(k + 1)
        if not title:
            pieces = consumed | set(splits)
            words = [w for j, w in enumerate(t.group(0) for t in tokens) if j not in pieces and len(w) >= 3 and not w.isupper()]
            unknown = sum(1 for w in words if not self.is_known(w))
            if len(words) >= 4 and unknown * 5 > len(words) * 2:
                return out  # mostly unknown words: another language or garbled text, say nothing
        for k, t in enumerate(tokens):
            if k in consumed:
                continue  # the second piece of a split word, noted with the first
            if k in splits:
                out.append(splits[k])
                continue
            word = t.group(0)
            n = len(word)
            if n == 1:
                if not word.islower() or word in "ai":
                    continue
            elif word.islower():
                if n < min_letters or (self.is_known(word) and self.doubled(word) is None):
                    continue
            elif n > min_letters and word[0].isupper() and word[1:].islower():
                if self.is_known(word):
                    continue
            else:
                continue
            a, b = t.start(), t.end()
            left = clean[a - 1] if a else " "
            right = clean[b] if b < len(clean) else " "
            if left.isdigit() or right.isdigit() or left.isalpha() or right.isalpha() or "_" in (left, right):
                continue  # glued to digits or to accented letters (Depósitos): not an English word
            if left in "/\\" or right in "/\\":
                continue
            if len(word) == 1:
                continue  # a lone letter that starts no split word
            if word.islower():
                after_prefix = (
                    left == "-" and right != "-" and k > 0 and tokens[k - 1].end() == a - 1
                    and tokens[k - 1].group(0).lower() in _HYPHEN_PREFIXES
                )
                if (left == "-" or right == "-") and not after_prefix:
                    continue  # a piece of a hyphenated compound (tele-conference, on-prem)
                double = self.doubled(word) or _suffix_swap(word) or self.glued(word)
                if double is not None:
                    out.append((word, double))
                    continue
                sug = self.suggestion(word)
                if sug and sug[0] != word[0] and not (k and len(tokens[k - 1].group(0)) == 1):
                    sug = None  # slips keep the first letter; "bwayne" (a user name) is no slip of "wayne"
                if sug and sug != word:
                    out.append((word, sug))
                    continue
                for tail in _TAIL_WORDS:
                    head = word[: -len(tail)]
                    if word.endswith(tail) and len(head) >= 4 and self.is_known(head):
                        out.append((word, f"{head} {tail}"))
                        break
            else:
                cands = self._candidates(word.lower())
                fits = sorted(c for c in cands if c in self.lists.suggest)
                if not fits and (k == 0 or clean[:a].rstrip()[-1:] in (".", "!", "?", ";", ":")):
                    # capitalised only because it opens the line: a slip if it is one edit from a verb
                    fits = sorted(
                        (c for c in cands if c != word.lower() and self._is_verb_form(c)),
                        key=lambda c: (  # keep the -ed / -ing form of the slip
                            c[-2:] != word[-2:].lower(),
                            (lemma_of(c) == c) == word.lower().endswith(("ed", "ing")),
                            c,
                        ),
                    )
                if not fits and n >= self.capital_min_letters:
                    fits = self._capital_slip(word.lower(), cands)
                if fits:
                    out.append((word, fits[0].capitalize()))
        first: dict[str, str] = {}
        for w, r in out:
            first.setdefault(w, r)  # once: a listed slip may also be an unknown word
        return list(first.items())

    def _capital_slip(self, low: str, cands: set[str]) -> list[str]:
        """A long capitalised unknown word one edit from a common word, the edit inside the word
        and not in its last two letters ("Pratical", "Univeristy"). Names, brands and words of
        other languages mostly differ from an English word by their ending ("Accuray",
        "Instituto", "Taleo"), so an edit there says nothing."""
        d = english_dictionary()
        fits = []
        for c in cands:
            if c == low or c[0] != low[0] or d.word_usage_frequency(c) < self.capital_frequency:
                continue
            i = next((j for j, (x, y) in enumerate(zip(low, c, strict=False)) if x != y), min(len(low), len(c)))
            if i < min(len(low), len(c)) - 2:
                fits.append(c)
        return sorted(fits, key=lambda c: (-d.word_usage_frequency(c), c))


def _suffix_swap(w: str) -> str | None:
    """The dictionary word ``w`` becomes with -ant/-ent (or -ance/-ence, -ancy/-ency) swapped,
    when the dictionary does not know ``w`` itself: "existant" -> "existent"."""
    if len(w) < 6 or not w.islower():
        return None
    d = english_dictionary()
    if w in d:
        return None
    for a, b in _SUFFIX_SWAPS:
        if w.endswith(a):
            alt = w[: -len(a)] + b
            return alt if alt in d else None
    return None


def _find_all(s: str, sub: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(sub), s)]
