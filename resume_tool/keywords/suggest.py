"""Optional: phrase suggestions from a trained English pipeline the user installed themselves.

The keyword lists are the tool's knowledge; a trained pipeline's noun chunks can point at skill
phrases the lists lack ("operative report abstraction", "payer contract analysis"). It is never
needed and never downloaded: a missing pipeline is a clear, user-fixable error.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..errors import ResumeToolError

if TYPE_CHECKING:
    from .matcher import KeywordMatcher

DEFAULT_MODEL = "en_core_web_sm"

_SKIP_FIRST = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "their",
        "its",
        "my",
        "all",
        "any",
        "each",
        "other",
        "such",
    }
)
_PRONOUNS = frozenset(
    {"i", "you", "we", "they", "he", "she", "it", "who", "what", "which", "me", "us", "them"}
)


class ModelNotInstalled(ResumeToolError):
    """The trained spaCy pipeline asked for is not installed (we never download one)."""


def load_trained(model_name: str = DEFAULT_MODEL):  # -> spacy.language.Language
    """Load an installed trained pipeline by package name or path; raise ModelNotInstalled if absent."""
    import spacy

    try:
        return spacy.load(model_name)
    except OSError as err:
        raise ModelNotInstalled(
            None,
            f"the spaCy pipeline {model_name!r} is not installed, so phrases cannot be suggested",
            f"Install it with your package manager (e.g. pip install {model_name} from a wheel you have) "
            "or run without phrase suggestions; resume-tool never downloads models",
        ) from err


def suggest_phrases(
    text: str,
    model_name: str = DEFAULT_MODEL,
    matcher: KeywordMatcher | None = None,
    limit: int = 20,
) -> list[str]:
    """Multi-word noun chunks of ``text`` that no keyword list matches, most frequent first.

    Chunks lose leading determiners/possessives; single words, chunks with pronouns or digits
    only, and chunks overlapping a keyword match (when ``matcher`` is given) are skipped.
    """
    nlp = load_trained(model_name)
    doc = nlp(text)
    matched: list[tuple[int, int]] = []
    if matcher is not None:
        matched = [(m.start, m.end) for m in matcher.match(text)]
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for chunk in doc.noun_chunks:
        toks = list(chunk)
        while toks and (toks[0].lower_ in _SKIP_FIRST or toks[0].is_punct):
            toks = toks[1:]
        if len(toks) < 2 or len(toks) > 5:
            continue
        if any(t.lower_ in _PRONOUNS for t in toks):
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(a < end and start < b for a, b in matched):
            continue
        phrase = " ".join(text[start:end].split())
        if not re.search(r"[A-Za-z]{3}", phrase):
            continue
        key = phrase.lower()
        counts[key] += 1
        spelling.setdefault(key, phrase)
    return [spelling[k] for k, _ in counts.most_common(limit)]
