"""Match stage: keyword lists, the spaCy pipeline, the matcher, acronym definitions, postings.

Public API (docs/ARCHITECTURE.md): ``load_vocabulary``, ``validate_dir``, ``list_summary`` (from
:mod:`.lists`), ``get_nlp``, ``KeywordMatcher``, ``find_definitions``, ``read_posting``,
``analyze_posting``; plus ``forms_by_entry`` and ``suggest_phrases``.

Names are resolved lazily (PEP 562) so that ``import resume_tool.keywords`` costs nothing until a
name is used: the CLI's ``--help`` must not import spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .abbreviations import find_definitions
    from .lists import list_summary, load_vocabulary, validate_dir
    from .matcher import KeywordMatcher, forms_by_entry
    from .nlp import get_nlp
    from .posting import analyze_posting, read_posting
    from .suggest import suggest_phrases

__all__ = [
    "KeywordMatcher",
    "analyze_posting",
    "find_definitions",
    "forms_by_entry",
    "get_nlp",
    "list_summary",
    "load_vocabulary",
    "read_posting",
    "suggest_phrases",
    "validate_dir",
]

_WHERE = {
    "load_vocabulary": ".lists",
    "validate_dir": ".lists",
    "list_summary": ".lists",
    "get_nlp": ".nlp",
    "KeywordMatcher": ".matcher",
    "forms_by_entry": ".matcher",
    "find_definitions": ".abbreviations",
    "read_posting": ".posting",
    "analyze_posting": ".posting",
    "suggest_phrases": ".suggest",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
