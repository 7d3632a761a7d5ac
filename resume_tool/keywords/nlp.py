"""The one spaCy pipeline of the process, and the canonical token keys the matcher compares.

Why a blank pipeline: trained pipelines cannot be downloaded here and cost ~0.5 s to load and
~300 ms a resume; keyword matching needs only a tokenizer that splits domain tokens the same way
everywhere, plus lemmas for plurals and inflections (the lookup lemmatizer of spacy-lookups-data).

Tokenization. spaCy's rule tokenizer is inconsistent on our vocabulary: it keeps ``ICD-10`` whole
but splits ``ICD-10-CM`` into ``ICD-10 - CM``, splits ``3M`` but not ``837P``, keeps ``P.`` whole
(an initial) so ``837P.`` at a sentence end is not ``837P``, and glues ``CPT®,HCPCS``. Infix and
suffix rules can patch each case, but the interplay of prefixes, suffixes, infixes and exceptions
stays hard to reason about, and it costs ~7 ms per 1,000-word resume, most of the matching budget.
:class:`DomainTokenizer` replaces it with one regular expression with a simple, total rule: a token
is a run of letters, a run of digits, a dotted initialism (``U.S.``, ``M.E.A.T.``), a number with
a decimal point or thousands commas, a URL or e-mail address, a possessive ``'s``, or any other
single character. So a letter/digit boundary and every hyphen, slash, ampersand and ®/™ split:
``ICD-10-CM``, ``ICD10-CM``, ``ICD-10 CM``, ``ICD 10 CM`` and ``ICD10CM`` all give the pieces
``ICD 10 CM`` (plus connector tokens) in keyword lists, resumes and postings alike, in ~1.3 ms.

Canonical keys. Matching runs on *atoms*: the tokens left after dropping connectors (hyphens,
slashes, ®, ™, and ``&``/``and`` between two single letters, so ``E/M``, ``E&M``, ``E & M`` and
``E and M`` are all ``e m`` while bare ``EM`` stays ``em``). Each atom gets a key (see
:func:`token_key`): lower case, dotted initialisms folded (``M.E.A.T.`` → ``meat``), acronym plurals
folded (``HCCs`` → ``hcc``) and ordinary words lemmatized through the lookup table
(``audits``/``auditing`` → ``audit``). The matcher writes these keys into the ``NORM`` attribute of
an atom ``Doc`` and runs a ``PhraseMatcher(attr="NORM")``; case-sensitive forms use a second
``PhraseMatcher(attr="ORTH")`` on the same atoms. NORM (not LOWER or LEMMA) because it is a writable
token attribute that PhraseMatcher supports and that nothing else in a blank pipeline sets, so the
key carries exactly our folding and nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is imported lazily: the CLI's --help must not pay for it
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Words whose inflected form is a domain term of its own: "billing" is not "bills" and "coding"
# is not "codes" (a resume that "paid medical bills" has no medical billing skill); "patient
# accounting" is not "patient accounts".
NO_LEMMA = frozenset({"billing", "coding", "accounting"})

# Tokens dropped between atoms; they only glue pieces of one term together.
DASHES = "-‐‑‒–—―−"
_CONNECTOR_CHARS = frozenset(DASHES + "/⁄∕®™©℠")
# Tokens after which the next atom starts a sentence-like unit (bullets, labels, dashes).
_BOUNDARY_TOKENS = frozenset(".!?:;|•·▪◦●○■□►▸➢✓✔*>") | frozenset(DASHES)

_DOTTED = re.compile(r"^(?:[^\W\d_]\.){2,}[^\W\d_]?\.?$")
_ACRONYM_PLURAL = re.compile(r"^[A-Z][A-Z0-9]+s$")

TOKEN_RE = re.compile(
    r"""
     https?://[^\s<>"]*[^\s<>".,;:!?)\]']      # URL
    |www\.[^\s<>"]*[^\s<>".,;:!?)\]']
    |[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+         # e-mail address (local part <= 64, RFC 5321)
    |(?:[^\W\d_]\.){2,}                        # dotted initialism: U.S. M.E.A.T. e.g.
    |\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+     # 1,000  3.8  OPCS-4.9
    |[^\W\d_]+                                 # a run of letters
    |\d+                                       # a run of digits
    |['’][sS](?![^\W\d_])                      # possessive 's
    |\S                                        # any other single character
    """,
    re.VERBOSE,
)
# Why the e-mail local part is bounded: unbounded, every token start inside a long run such as
# "a-a-a-..." rescanned the run to its end looking for "@" (quadratic: 39 s on 100 KB). With at
# most 64 characters per attempt the scan is linear; real addresses are unchanged (RFC 5321
# caps the local part at 64).


class DomainTokenizer:
    """A spaCy tokenizer built on :data:`TOKEN_RE` (see the module docstring for the rule).

    ``doc.text == text`` always: whitespace beyond one trailing space becomes whitespace tokens,
    as with spaCy's own tokenizer.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    @staticmethod
    def spans(text: str) -> list[tuple[int, int]]:
        """(start, end) of every non-whitespace token of ``text``."""
        return [m.span() for m in TOKEN_RE.finditer(text)]

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for start, end in self.spans(text):
            if start > pos:
                _gap(text[pos:start], words, spaces)
            words.append(text[start:end])
            spaces.append(False)
            pos = end
        if pos < len(text):
            _gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # serialization: the tokenizer has no state beyond the regular expression
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> DomainTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> DomainTokenizer:
        return self


def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Whitespace between tokens: one space trails the previous token, the rest is a token."""
    if words and gap[0] == " " and not words[-1].isspace():
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


TOKENIZER_NAME = "resume_tool.DomainTokenizer.v1"


def _create_domain_tokenizer() -> Any:
    """Registered factory: spaCy builds :class:`DomainTokenizer` instead of its rule tokenizer."""

    def create(nlp: Language) -> DomainTokenizer:
        return DomainTokenizer(nlp.vocab)

    return create


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the process-wide pipeline: blank English, :class:`DomainTokenizer`, lookup lemmatizer.

    The tokenizer is named in the config, so spaCy never builds its rule tokenizer (~150 ms of
    exceptions and regular expressions we would throw away). The lemmatizer's table is built
    when first used (:class:`_LazyLemmaLookups`); the matcher reads the same data as a plain
    dict (:func:`lemma`). Never downloads anything and never imports ``spacy.cli`` itself.
    """
    import spacy
    from spacy.util import registry

    registry.tokenizers.register(TOKENIZER_NAME, func=_create_domain_tokenizer)
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # only the lemmatizer needs initializing (the tokenizer has no state)
    nlp.get_pipe("lemmatizer").initialize(lookups=_lazy_lemma_lookups())
    return nlp


LEMMA_TABLE = "lemma_lookup"


@lru_cache(maxsize=1)
def _lemma_data() -> dict[str, str]:
    """spacy-lookups-data's English lemma table (41,582 forms) as a plain dict."""
    from spacy.util import load_language_data, registry

    return load_language_data(registry.lookups.get("en")[LEMMA_TABLE])


def _lazy_lemma_lookups() -> Any:
    """spaCy ``Lookups`` whose lemma table is built from :func:`_lemma_data` on first use.

    Why: a spaCy ``Table`` keys its entries by string hash, and hashing 41,582 forms was ~100 ms,
    the largest part of building the keyword engine; the matcher needs only dict look-ups. Who
    uses the pipeline's lemmatizer (``nlp(text)``, ``get_table("lemma_lookup")``) gets the same
    table, built then.
    """
    from spacy.lookups import UNSET, Lookups

    class _LazyLemmaLookups(Lookups):
        def has_table(self, name: str) -> bool:
            return name == LEMMA_TABLE or super().has_table(name)

        def get_table(self, name: str, default: Any = UNSET) -> Any:
            if name == LEMMA_TABLE and name not in self._tables:
                self.add_table(name, _lemma_data())
            return super().get_table(name, default)

    return _LazyLemmaLookups()


def lemma(word: str) -> str:
    """Lemma of a lower-case word through the lookup table (the word itself when unknown)."""
    if word in NO_LEMMA:
        return word
    return _lemma_lookup(word)


@lru_cache(maxsize=65536)
def _lemma_lookup(word: str) -> str:
    return _lemma_data().get(word, word)


def lookup_lemma(word: str) -> str:
    """The lookup table's lemma of a lower-case word, without the keyword exceptions of
    :func:`lemma` ("billing" is "bill" here): for grammar, as the writing rules need it."""
    return _lemma_lookup(word)


@lru_cache(maxsize=65536)
def token_key(text: str) -> str:
    """Canonical key of one atom's text; equal keys match.

    Lower case; ``M.E.A.T.`` → ``meat``; ``HCCs`` → ``hcc``; upper-case words of two or three
    letters are acronyms and are never lemmatized (``CMS`` must not become ``cm``); other words of
    three letters or more go through the lookup lemmatizer.
    """
    if text == "&":
        return "and"
    text = text.replace("’", "'").replace("‘", "'")
    if _DOTTED.match(text):
        return text.replace(".", "").lower()
    low = text.lower()
    if not text.isalpha():
        return low
    if _ACRONYM_PLURAL.match(text) and not text.isupper():
        return low[:-1]
    if text.isupper() and len(text) <= 3:
        return low
    if len(text) >= 3:
        return lemma(low)
    return low


def is_connector(text: str) -> bool:
    """A token made only of dashes, slashes or trademark signs: glue, not content."""
    return bool(text) and all(ch in _CONNECTOR_CHARS for ch in text)


@dataclass
class Atoms:
    """The content tokens of a text with their keys and where they stand.

    Parallel lists, index = atom number. ``sent_start[i]`` is true when atom ``i`` begins a line,
    follows sentence punctuation, a bullet, a free-standing dash or a colon. ``line_start[i]`` is
    true when a newline (or the start of the text) comes before atom ``i``; ``block_start[i]`` when
    a blank line does.
    """

    text: str
    words: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sent_start: list[bool] = field(default_factory=list)
    line_start: list[bool] = field(default_factory=list)
    block_start: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.words)


def atomize_spans(text: str, spans: list[tuple[int, int]]) -> Atoms:
    """Atoms of ``text`` from its token spans: drop connectors, key every other token.

    Punctuation stays (as its own atom) so that no phrase matches across a comma or a full stop.
    ``&`` and ``and`` between two single letters are dropped (``E & M`` ≡ ``E/M`` ≡ ``E and M``).
    """
    atoms = Atoms(text)
    words, keys, starts, ends = atoms.words, atoms.keys, atoms.starts, atoms.ends
    sent_start, line_start, block_start = atoms.sent_start, atoms.line_start, atoms.block_start
    boundary = newline = blank = True
    pending: tuple[str, int, bool, bool, bool] | None = None  # an "and" waiting for its right side
    prev_end = 0
    n = len(spans)
    for k, (start, end) in enumerate(spans):
        t = text[start:end]
        if t.isspace():
            continue
        if start > prev_end:
            nl = text.count("\n", prev_end, start)
            if nl:
                newline = boundary = True
                blank = blank or nl > 1
        had_space = start > prev_end or k == 0
        prev_end = end
        if t[0] in _CONNECTOR_CHARS and is_connector(t):
            nxt = spans[k + 1][0] if k + 1 < n else len(text)
            if had_space and nxt > end and t[0] in _BOUNDARY_TOKENS:
                boundary = True  # a free-standing dash: a bullet or a clause break
            continue
        if pending is not None:
            if len(t) == 1 and t.isalpha():
                pending = None  # "E and M": the "and" was glue
            else:
                _append(atoms, *pending)
                pending = None
                boundary = newline = blank = False
        if (
            (t == "&" or t.lower() == "and")
            and words
            and len(words[-1]) == 1
            and words[-1].isalpha()
        ):
            pending = (t, start, boundary, newline, blank)
            continue
        words.append(t)
        keys.append(token_key(t))
        starts.append(start)
        ends.append(end)
        sent_start.append(boundary)
        line_start.append(newline)
        block_start.append(blank)
        boundary = len(t) == 1 and t in _BOUNDARY_TOKENS
        newline = blank = False
    if pending is not None:
        _append(atoms, *pending)
    return atoms


def _append(atoms: Atoms, t: str, start: int, boundary: bool, newline: bool, blank: bool) -> None:
    atoms.words.append(t)
    atoms.keys.append(token_key(t))
    atoms.starts.append(start)
    atoms.ends.append(start + len(t))
    atoms.sent_start.append(boundary)
    atoms.line_start.append(newline)
    atoms.block_start.append(blank)


def atomize(doc: Doc, text: str | None = None) -> Atoms:
    """Atoms of a Doc made by any tokenizer (the matcher's fast path skips the Doc)."""
    from spacy.attrs import IDX, LENGTH

    if text is None:
        text = doc.text
    spans = [(i, i + n) for i, n in doc.to_array([IDX, LENGTH]).tolist()]
    return atomize_spans(text, spans)


def atomize_text(text: str, nlp: Language | None = None) -> Atoms:
    """Tokenize with ``nlp`` (default :func:`get_nlp`) and atomize."""
    nlp = nlp or get_nlp()
    if isinstance(nlp.tokenizer, DomainTokenizer):
        return atomize_spans(text, DomainTokenizer.spans(text))
    return atomize(nlp.make_doc(text), text)


def phrase_keys(text: str) -> tuple[str, ...]:
    """The key sequence of a short phrase, e.g. ``"ICD-10-CM"`` → ``("icd", "10", "cm")``."""
    return tuple(atomize_text(text).keys)
