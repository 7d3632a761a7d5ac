"""The library API: ``parse`` a resume, ``check`` it against a posting or a role.

The CLI, the batch runner and users' own scripts all come through here, so the
keyword lists and the spaCy pipeline are built once per process (``engine``).
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .limits import DEFAULT_LIMITS, Limits
from .models import Posting, Report, Resume, Vocabulary

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
