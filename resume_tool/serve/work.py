"""What the server's worker processes run: one check, one draft, one batch.

These functions run in a process pool (``jobs.Engine``), never on the event loop. Each
worker builds the keyword lists and the spaCy pipeline once (``api.engine`` is cached per
process, and ``init_worker`` warms it). Nothing here writes outside a private temporary
folder (mode 0700) that is removed before the function returns, except ``batch_job``,
which writes into the job's own private folder.

Every result is a plain dict; a problem the user can fix comes back as
``{"error": <the CLI's one-line message>, "status": 400|413}``, never as an exception.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import REPORT_FAULT, LimitExceeded, ResumeToolError

# Findings that describe the original file's layout, not its words: an edited text cannot
# show whether they were fixed, so "Check again" never counts them as fixed or new.
LAYOUT_CODES = frozenset(
    {"table-layout", "text-box", "multi-column", "contact-in-header-footer", "hidden-text",
     "file-type", "length"}
)
UNSEEN_SOURCES = ("header", "footer", "textbox")

_LISTS: list[str] | None = None


def init_worker(lists: tuple[str, ...]) -> None:
    """Build the engine once for this worker; Ctrl-C belongs to the server process."""
    global _LISTS
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _LISTS = list(lists) or None
    from ..api import engine

    with contextlib.suppress(Exception):  # a broken --lists folder is reported per request
        engine(_LISTS)


def warm() -> int:
    """A no-op task: makes the pool start its workers (and build their engines) now."""
    return os.getpid()


def roles() -> list[tuple[str, str]]:
    """(id, name) of every role profile, for the page's role menu."""
    from ..api import engine

    vocab, _ = engine(_LISTS)
    return sorted(((rid, r.name or rid) for rid, r in vocab.roles.items()),
                  key=lambda r: r[1].casefold())


@dataclass(frozen=True)
class Source:
    """One resume as uploaded (bytes and the file's name) or as edited text."""

    data: bytes
    name: str


@dataclass(frozen=True)
class Inputs:
    """What /api/check, /api/draft and the page send: a resume, a posting, a role."""

    resume: Source
    posting_text: str | None = None  # pasted text
    posting_file: Source | None = None  # or an uploaded file (text, DOCX, PDF)
    posting_label: str | None = None  # the name a pasted or remembered posting goes by
    role: str | None = None


def _error(err: ResumeToolError) -> dict[str, Any]:
    status = 413 if isinstance(err, LimitExceeded) and "longer than" not in err.problem else 400
    return {"error": str(err), "status": status}


def _unexpected(name: str, err: BaseException) -> dict[str, Any]:
    """The CLI's line for a bug; still a 400, since an uploaded file caused it."""
    return {"error": f"{name}: unexpected {type(err).__name__}: {err}. {REPORT_FAULT}",
            "status": 400}


def posting_text(src: Source) -> str:
    """The text of an uploaded posting, read exactly as ``check --posting FILE`` reads it.

    The reader takes a path, so the bytes go into a private temporary folder under the
    upload's own name (messages then name the file the user chose), and are deleted at once.
    """
    from ..keywords import read_posting

    name = Path(src.name).name or "posting.txt"
    with tempfile.TemporaryDirectory(prefix="resume-tool-") as tmp:
        (Path(tmp) / name).write_bytes(src.data)
        old = os.getcwd()
        os.chdir(tmp)
        try:
            return read_posting(name)
        finally:
            os.chdir(old)


def _report(inputs: Inputs) -> tuple[Any, str | None, str | None]:
    """(report, posting text, posting label) for ``inputs``, bounded like the CLI's check."""
    from ..api import check_bytes
    from ..limits import file_time_limit

    with file_time_limit(inputs.resume.name):
        text, label = inputs.posting_text, inputs.posting_label
        if inputs.posting_file is not None:
            text = posting_text(inputs.posting_file)
            label = Path(inputs.posting_file.name).name
        elif text is not None and text.strip():
            # Pasted text gets the reader's normalization, as `check --posting -` does.
            text = posting_text(Source(text.encode("utf-8"), "posting.txt"))
        if text is not None and not text.strip():
            text = None if inputs.posting_file is None else text
        report = check_bytes(inputs.resume.data, inputs.resume.name, posting=label,
                             role=inputs.role or None, lists=_LISTS, posting_text=text)
    return report, text, label


def ats_text(report: Any) -> str:
    """The resume's text as an ATS sees it: what ``parse --format text`` prints first."""
    doc = report.resume.document
    return "\n".join(ln.text for ln in doc.lines if ln.source not in UNSEEN_SOURCES)


def unseen_lines(report: Any) -> list[tuple[str, str]]:
    """(where, text) of lines in the header, footer or text boxes, which many ATS skip."""
    doc = report.resume.document
    return [(ln.source, ln.text) for ln in doc.lines if ln.source in UNSEEN_SOURCES and ln.text.strip()]


def summary(data: dict[str, Any]) -> dict[str, Any]:
    """What "Check again" compares: score, matched target keywords, findings by code."""
    matched = {k["id"]: k["term"] for k in data["keywords"]
               if k["target"] and (k["in_resume"] or k["satisfied_by"])}
    findings: dict[str, str] = {}
    for f in data["findings"]:
        findings.setdefault(f["code"], f["message"])
    return {"score": data["score"], "band": data["band"], "matched": matched,
            "findings": findings}


def check_job(inputs: Inputs, formats: tuple[str, ...] = ("json",), page: bool = False) -> dict[str, Any]:
    """One check: the report in ``formats`` (json is exactly ``check --format json``); with
    ``page``, also what the page shows beside it (summary, ATS text, skipped lines)."""
    from ..render import render_report, report_to_dict

    try:
        report, text, label = _report(inputs)
        out: dict[str, Any] = {fmt: render_report(report, fmt) for fmt in formats}
        if page:
            out["summary"] = summary(report_to_dict(report))
            out["ats_text"] = ats_text(report)
            out["unseen"] = unseen_lines(report)
            out["posting_text"] = text
            out["posting_label"] = label
        return out
    except ResumeToolError as err:
        return _error(err)
    except Exception as err:
        return _unexpected(inputs.resume.name, err)


DRAFT_FORMATS = {"docx": ".docx", "md": ".md", "html": ".html"}


def draft_job(inputs: Inputs, fmt: str) -> dict[str, Any]:
    """The draft in ``fmt`` and its "to consider" notes, as bytes; nothing left on disk."""
    from ..api import engine
    from ..limits import file_time_limit
    from ..render.draft import build_draft, write_draft

    try:
        report, _, _ = _report(inputs)
        _, matcher = engine(_LISTS)
        with file_time_limit(inputs.resume.name), tempfile.TemporaryDirectory(prefix="resume-tool-") as tmp:
            paths = write_draft(build_draft(report, matcher, years=10),
                                Path(tmp) / f"draft{DRAFT_FORMATS[fmt]}")
            files = [p.read_bytes() for p in paths]
        return {"draft": files[0], "consider": files[1] if len(files) > 1 else b""}
    except ResumeToolError as err:
        return _error(err)
    except Exception as err:
        return _unexpected(inputs.resume.name, err)


def postings_check(folder: str) -> dict[str, Any]:
    """Every posting in ``folder`` read as ``batch --postings`` reads them before any student
    is checked (``batch.postings.digests``): ``{"postings": n}``, or the first one that cannot
    be used, named as uploaded."""
    from ..batch.postings import digests, posting_paths
    from ..errors import InputError

    try:
        return {"postings": len(digests(posting_paths(folder)))}
    except ResumeToolError as err:
        return _error(InputError(Path(err.path).name if err.path else None, err.problem,
                                 "Fix the file, or leave it out of the postings, and send the "
                                 "form again"))
    except Exception as err:
        return _unexpected("postings", err)


def _named(err: ResumeToolError) -> ResumeToolError:
    """The error naming the uploaded file, not its place in the server's private folder."""
    if err.path:
        err.path = Path(err.path).name
        err.args = (err.one_line(),)
    return err


def batch_job(files: list[str], outdir: str, posting: str | None, role: str | None,
              drafts: bool, progress: str, feedback: bool = False,
              postings: str | None = None) -> dict[str, Any]:
    """A whole class, in this worker (``run_batch`` with one process: the engine is warm).
    ``feedback`` and ``postings`` (a folder of posting files) are ``batch --feedback`` and
    ``batch --postings DIR``.

    Progress lines go to the file ``progress``, which the server reads when asked.
    """
    from ..batch import run_batch
    from ..batch.outputs import duplicates
    from ..batch.totals import totals_words

    try:
        with open(progress, "w", encoding="utf-8", buffering=1) as stream:
            result = run_batch(
                [Path(f) for f in files], Path(outdir), posting=Path(posting) if posting else None,
                role=role or None, lists=[Path(p) for p in _LISTS or []] or None, workers=1,
                formats=["html", "json"], drafts=drafts, force=True, excel=False, quiet=False,
                stream=stream, feedback=feedback, postings=Path(postings) if postings else None,
            )
    except ResumeToolError as err:
        return _error(_named(err))
    except Exception as err:
        return {"error": f"the batch stopped: unexpected {type(err).__name__}: {err}", "status": 400}
    totals = totals_words(result.files, result.failed, result.skipped - result.unsafe,
                          result.unsafe, len(duplicates(result.rows)))
    return {"files": result.files, "ok": result.files - result.failed,
            "checked": result.checked, "failed": result.failed,
            "skipped": result.skipped, "unsafe": result.unsafe, "totals": " ".join(totals),
            "seconds": round(result.elapsed, 1)}
