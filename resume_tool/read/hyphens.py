"""Line-end hyphens in PDFs: a syllable break to remove, or a compound's own hyphen to keep.

A PDF holds the lines as the page shows them, so a word broken at the margin arrives as
"reim-" / "bursement" and a compound broken at its own hyphen as "cloud-" / "native". The
PDF reader rejoins both; this module decides, the way a careful typesetter would, whether
the hyphen goes:

* a form the keyword lists write with that hyphen ("self-pay") keeps it; a solid form they
  list ("inpatient", "preauthorization") is joined;
* joined form a word, a half not ("reim-bursement", "sin-gle") → a syllable break: joined;
* both halves words and the joined form common on its own ("avail-able", "re-quest") →
  joined; both halves words and the joined form not a word, or a rare one
  ("cloud-native", "community-driven", "follow-up") → the compound: hyphen kept;
* anything else is doubt, and the hyphen stays: a hyphenated compound is never wrong to an
  ATS, a glued non-word is. Only in text the English dictionary cannot read (a Spanish
  resume: "fac-" / "turación") is the break taken for a syllable break, as before.

The word knowledge (pyspellchecker's English dictionary, a runtime dependency, and the
bundled keyword lists) costs about 0.4 s to load, so it is loaded on the first line-end
hyphen met in the process, never for a file without one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import english_dictionary

# A solid form seen at least this often in the dictionary's corpus is a word on its own
# ("available", "request", "inpatient"); below it, it is a glued rarity ("followup": 50).
_SOLID_MIN = 100
# Share of a line pair's words the English dictionary must know for the text to be English.
_ENGLISH_SHARE = 0.5
_LETTERS = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"@|www\.|https?:|/|\.\w|\d")  # web or mail address, code, number


@lru_cache(maxsize=1)
def _listed() -> tuple[frozenset[str], frozenset[str]]:
    """(hyphenated pairs "a-b", solid words) written in the bundled keyword lists."""
    from ..keywords.lists import entry_forms, load_vocabulary

    pairs: set[str] = set()
    solid: set[str] = set()
    for entry in load_vocabulary().entries.values():
        for form, _ in entry_forms(entry):
            for word in form.lower().split():
                if re.fullmatch(r"[^\W\d_]+", word):
                    solid.add(word)
                for m in re.finditer(r"(?=(?<![^\W\d_])([^\W\d_]+-[^\W\d_]+))", word):
                    pairs.add(m.group(1))
    return frozenset(pairs), frozenset(solid)


def _freq(word: str) -> int:
    return int(english_dictionary().word_frequency[word])


def _english_text(text: str) -> bool:
    words = [w.lower() for w in _LETTERS.findall(text) if len(w) >= 3]
    if not words:
        return True
    return sum(1 for w in words if _freq(w) > 0) >= _ENGLISH_SHARE * len(words)


def keep_hyphen(head: str, tail: str, context: str = "") -> bool:
    """Whether ``head`` + "-" at a line end and ``tail`` at the next line's start form a
    hyphenated word ("cloud-native": True) or one word broken in two ("reimbursement": False).

    ``head`` is the line's last word without its hyphen, ``tail`` the next line's first word;
    ``context`` is the text of both lines (only used to tell English text from other languages).
    """
    if _ADDRESS.search(head) or _ADDRESS.search(tail):
        return True  # "linkedin.com/in/lina-" / "dagaieva-54b1": the hyphen is the address's
    a_m = re.search(r"[^\W\d_]+$", head)
    b_m = _LETTERS.match(tail)
    if a_m is None or b_m is None:
        return True
    a, b = a_m.group(0).lower(), b_m.group(0).lower()
    joined = a + b
    pairs, solid = _listed()
    if f"{a}-{b}" in pairs:
        return True
    if joined in solid:
        return False
    fa, fb, fj = _freq(a), _freq(b), _freq(joined)
    if fj > 0 and (fa == 0 or fb == 0):
        return False  # a syllable break: "reim-bursement", "sin-gle", "devel-oping"
    if fa > 0 and fb > 0:
        return fj < _SOLID_MIN  # "cloud-native" kept; "avail-able" joined
    # Doubt ("multi-specialty", "pre-auth"): keep, unless the text is not English at all.
    return _english_text(context or f"{head} {tail}")
