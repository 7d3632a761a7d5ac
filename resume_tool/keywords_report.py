"""The data behind ``resume-tool keywords``: what a resume or posting mentions, by category."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .api import engine, load_posting, parse


def keyword_table(
    file: str,
    *,
    as_posting: bool = False,
    role: str | None = None,
    lists: list[Path] | None = None,
    spacy_model: str | None = None,
) -> dict[str, Any]:
    """Keywords of ``file`` grouped by category, with counts (and required/preferred for postings)."""
    from .analyze import resume_matches

    vocab, matcher = engine(lists)
    table: dict[str, Any] = {"file": file}
    required: dict[str, bool] = {}
    preferred: dict[str, bool] = {}
    text_for_phrases = ""
    if as_posting:
        posting = load_posting(file, lists=lists)
        assert posting is not None
        text_for_phrases = posting.text
        counts = Counter({k.entry_id: k.count for k in posting.keywords})
        required = {k.entry_id: k.required for k in posting.keywords}
        preferred = {k.entry_id: k.preferred and not k.required for k in posting.keywords}
        table["title"] = posting.title
        table["unknown_terms"] = list(posting.unknown_terms)
    else:
        resume = parse(file)
        counts = Counter(m.entry_id for m in resume_matches(resume, matcher))
        text_for_phrases = resume.document.text
    if spacy_model:
        from .keywords.suggest import suggest_phrases

        table["suggested_phrases"] = suggest_phrases(text_for_phrases, spacy_model, matcher)
    role_obj = vocab.roles.get(role) if role else None
    by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry_id, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        e = vocab.entries[entry_id]
        row: dict[str, Any] = {"id": e.id, "term": e.term, "count": count, "legacy": e.legacy}
        if as_posting:
            row["required"] = required[entry_id]
            row["preferred"] = preferred[entry_id]  # neither: the posting mentions it, asks nothing
        if role_obj:
            row["core"] = entry_id in role_obj.core
        by_category[e.category].append(row)
    table["by_category"] = dict(sorted(by_category.items()))
    table["keywords"] = sorted(counts)
    table["total"] = sum(counts.values())
    if role_obj:
        wanted = [*role_obj.core, *role_obj.terms]
        table["role"] = role_obj.id
        table["role_missing"] = [vocab.entries[i].term for i in wanted if i not in counts and i in vocab.entries]
    return table
