"""The totals of a batch in words: one sentence, the same at the end of the terminal output,
at the top of the dashboard and on the web app's job page (``totals_words``)."""

from __future__ import annotations


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def totals_words(files: int, failed: int, not_resumes: int, unsafe: int,
                 duplicates: int) -> tuple[str, str]:
    """(head, rest): "4 files:" and "3 checked, 1 could not be checked, 1 skipped (not
    resumes); 1 duplicate (counted once)". ``files`` are the rows of summary.csv (checked +
    could not be checked); skipped entries are not rows: ``not_resumes`` (system junk) and
    ``unsafe`` (ZIP entries refused for safety, named apart only when there are any)."""
    rest = (f"{files - failed} checked, {failed} could not be checked, "
            f"{not_resumes} skipped (not resumes)")
    if unsafe:
        rest += f", {_n(unsafe, 'unsafe ZIP entry', 'unsafe ZIP entries')} skipped"
    if duplicates:
        rest += f"; {_n(duplicates, 'duplicate', 'duplicates')} (counted once)"
    return f"{_n(files, 'file', 'files')}:", rest
