"""The library API: ``parse`` a resume, ``check`` it against a posting or a role, or
``check_many`` postings.

The CLI, the batch runner and users' own scripts all come through here, so the
keyword lists and the spaCy pipeline are built once per process (``engine``).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .limits import DEFAULT_LIMITS, Limits
from .models import (
    KeywordPayoff,
    MultiReport,
    Posting,
    PostingFit,
    Report,
    Resume,
    Vocabulary,
)

if TYPE_CHECKING:
    from .keywords import KeywordMatcher

PathLike = str | Path


@functools.lru_cache(maxsize=4)
def _engine(lists: tuple[str, ...]) -> tuple[Vocabulary, KeywordMatcher]:
    from .keywords import KeywordMatcher, load_vocabulary

    vocab = load_vocabulary([Path(p) for p in lists])
    return vocab, KeywordMatcher(vocab)


def engine(lists: PathLike | list[PathLike] | tuple[PathLike, ...] | None = None):
    """(vocabulary, matcher) for the bundled lists plus ``lists`` folders; cached per process."""
    if lists is None:
        key: tuple[str, ...] = ()
    elif isinstance(lists, str | Path):
        key = (str(Path(lists).resolve()),)
    else:
        key = tuple(str(Path(p).resolve()) for p in lists)
    return _engine(key)


def parse(path: PathLike, limits: Limits = DEFAULT_LIMITS, today: date | None = None) -> Resume:
    """Read and structure one resume file (DOCX, PDF or text)."""
    from .read import read_document
    from .structure import structure

    return structure(read_document(path, limits), today=today)


def parse_bytes(
    data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, today: date | None = None
) -> Resume:
    """Read and structure a resume held in memory (a ZIP member, an upload); ``name`` labels it."""
    from .read import read_bytes
    from .structure import structure

    return structure(read_bytes(data, name, limits), today=today)


def load_posting(
    posting: PathLike | None = None,
    text: str | None = None,
    lists: PathLike | list[PathLike] | None = None,
) -> Posting | None:
    """A posting from a file, "-" (standard input) or text, analysed with the keyword lists."""
    from .keywords import analyze_posting, read_posting

    if posting is None and text is None:
        return None
    _, matcher = engine(lists)
    if text is None:
        text = read_posting(str(posting))
        name = None if str(posting) == "-" else str(posting)
    else:
        name = str(posting) if posting else None
    if not text.strip():
        raise InputError(name or "posting", "the posting is empty", "Paste the full job posting text")
    return analyze_posting(text, matcher, path=name)


def check(
    resume_path: PathLike,
    posting: PathLike | Posting | None = None,
    role: str | None = None,
    lists: PathLike | list[PathLike] | None = None,
    *,
    posting_text: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    today: date | None = None,
) -> Report:
    """The gap report for one resume: score, matched and missing keywords, findings, fixes."""
    resume = parse(resume_path, limits, today=today)
    return _report(resume, posting, role, lists, posting_text, today)


def check_bytes(
    data: bytes,
    name: str,
    posting: PathLike | Posting | None = None,
    role: str | None = None,
    lists: PathLike | list[PathLike] | None = None,
    *,
    posting_text: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    today: date | None = None,
) -> Report:
    """``check`` for a resume held in memory; nothing touches the disk."""
    resume = parse_bytes(data, name, limits, today=today)
    return _report(resume, posting, role, lists, posting_text, today)


def _report(
    resume: Resume,
    posting: PathLike | Posting | None,
    role: str | None,
    lists: PathLike | list[PathLike] | None,
    posting_text: str | None,
    today: date | None,
) -> Report:
    """Score a parsed resume. The file is read before the engine is built, so a file that
    cannot be read is refused without paying for spaCy."""
    from .analyze import analyze

    vocab, matcher = engine(lists)
    if role is not None and role not in vocab.roles:
        known = ", ".join(sorted(vocab.roles))
        raise InputError(None, f"unknown role {role!r}", f"Choose one of: {known}")
    post = posting if isinstance(posting, Posting) else load_posting(posting, posting_text, lists)
    report = analyze(resume, vocab, matcher, posting=post, role=role, today=today)
    return with_writing(report, vocab)


def with_writing(report: Report, vocab: Vocabulary) -> Report:
    """Add the line-by-line writing review and the three sub-scores to a report.

    ``vocab`` is the engine's vocabulary, so words of ``--lists`` count as known words."""
    from .analyze.subscores import sub_scores
    from .writing import review_writing

    report.writing = review_writing(report.resume, vocab)
    report.sub_scores = sub_scores(report)
    return report


def check_many(
    resume_path: PathLike,
    postings: list[PathLike | Posting],
    role: str | None = None,
    lists: PathLike | list[PathLike] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    today: date | None = None,
    bound: Callable[[str], AbstractContextManager[object]] | None = None,
) -> MultiReport:
    """One resume against many postings: each posting's report exactly as ``check`` makes it
    (same engine, same path), ranked by score, and the keywords whose addition (only if true)
    would raise the most scores. The resume is read once, the engine built once; a posting
    named twice counts once. ``bound(name)`` (the CLI's per-file time budget) wraps the reading
    of the resume and the check against each posting, so a long list is bounded per file."""
    if not postings:
        raise InputError(None, "no posting given", "Give --posting FILE (repeatable) or --postings DIR")
    guard = bound or (lambda _name: contextlib.nullcontext())
    with guard(str(resume_path)):
        resume = parse(resume_path, limits, today=today)
    fits = []
    seen: set[str] = set()
    for posting in postings:
        name = (posting.path or "posting") if isinstance(posting, Posting) else str(posting)
        if name in seen:
            continue
        seen.add(name)
        with guard(name):
            report = _report(resume, posting, role, lists, None, today)
        fits.append(PostingFit(name=name or "posting", report=report))
    return rank_fits(resume, fits, role)


def rank_fits(resume: Resume, fits: list[PostingFit], role: str | None) -> MultiReport:
    """``fits`` ranked by score (not-scored postings last) with the keywords that would raise
    the most scores: one ranking for ``check_many`` and ``batch --postings``."""
    for fit in fits:
        fit.missing_required = _missing_required(fit.report)
    fits = sorted(fits, key=lambda f: (not f.scored, -f.report.score if f.scored else 0))
    return MultiReport(resume=resume, fits=fits, payoffs=_payoffs(fits), role=role)


def _missing_required(report: Report) -> list[str]:
    """Ids of the keywords the posting itself requires and the resume lacks (never role-profile
    terms), heaviest first as in the report."""
    from .render.view import is_matched, is_must_have

    return [k.id for k in report.keywords
            if k.target and is_must_have(k, True) and not is_matched(k)]


def _payoffs(fits: list[PostingFit]) -> list[KeywordPayoff]:
    """For every keyword a scored posting asks for (required or preferred) and the resume lacks:
    how many points each posting's score would rise if it were added, all else unchanged. An
    either-or requirement is one keyword ("one of: CPC or CCS"). Postings that are not scored,
    and resumes with no readable text, give none."""
    from .analyze.score import compute_score
    from .render.view import is_matched

    by_key: dict[tuple[str, tuple[str, ...]], KeywordPayoff] = {}
    for fit in fits:
        r = fit.report
        if not fit.scored or any(f.code == "no-text" for f in r.findings):
            continue
        targets = [k for k in r.keywords if k.target]
        earned = sum(k.points for k in targets)
        possible = sum(k.max_points for k in targets)
        terms = {k.id: k.term for k in r.keywords}
        for k in targets:
            if k.source != "posting" or is_matched(k):
                continue
            key = (k.id, tuple(sorted(k.alternatives)))
            pay = by_key.get(key)
            if pay is None:
                one_of = [k.term, *(terms.get(a, a) for a in k.alternatives)] if k.alternatives else []
                pay = by_key[key] = KeywordPayoff(id=k.id, term=k.term, one_of=one_of)
            (pay.required_in if k.required else pay.preferred_in).append(fit.name)
            pay.gains[fit.name] = compute_score(earned + k.max_points, possible) - r.score
    return sorted(by_key.values(),
                  key=lambda p: (-p.total_gain, -len(p.required_in), -p.postings, p.term.lower()))
