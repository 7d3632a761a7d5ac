"""The Starlette application: the job seeker page, the career services page, the HTTP API.

Pages are server-rendered HTML that work without JavaScript (a form posts, the server
answers with a redirect to the result); ``static/serve.js`` only swaps the new page's
``<main>`` in place, so with JavaScript nothing reloads. The report shown on the page is
the HTML report itself (``render_report(report, "html")``): its body and its stylesheet,
so its content, wording and order have one source.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import io
import logging
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import InputError, ResumeToolError
from ..limits import DEFAULT_LIMITS
from ..resources import data_dir
from . import work
from .jobs import (
    BatchJob,
    BatchJobs,
    Busy,
    Engine,
    JobFailed,
    Session,
    Sessions,
    consume,
    safe_stem,
)
from .security import BodyTooLarge, Guard, Policy

MB = 1024 * 1024
FIELD_CAP = 11 * MB  # one form field (a pasted posting, an edited resume text)
MAX_BATCH_FILES = 1000
MAX_POSTINGS = 50  # postings of one batch (each scored against every student)
BATCH_SECONDS = 1800.0  # one batch job, start to end
GRACE = 30.0  # the worker's own 120 s budget should stop a file first; this is the backstop
DOWNLOADS = {
    "draft.docx": ("draft", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "draft.md": ("draft", "md", "text/markdown; charset=utf-8"),
    "draft.html": ("draft", "html", "text/html; charset=utf-8"),
    "to-consider.md": ("consider", "md", "text/markdown; charset=utf-8"),
    "report.html": ("report", "html", "text/html; charset=utf-8"),
    "report.json": ("report", "json", "application/json"),
    "report.md": ("report", "md", "text/markdown; charset=utf-8"),
}


@dataclass
class Config:
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    workers: int = 2
    lists: tuple[str, ...] = ()
    max_queue: int = 32  # tasks waiting for or in a worker; beyond: 429
    max_batches: int = 4  # batch jobs queued or running; beyond: 429
    body_cap: int = 25 * MB  # one request (a resume, a posting, the form)
    batch_cap: int = 200 * MB  # one batch upload (many files or a ZIP)
    check_seconds: float = DEFAULT_LIMITS.max_total_seconds + GRACE
    batch_seconds: float = BATCH_SECONDS


class UserError(Exception):
    """A problem to show the user: HTTP status and the CLI's one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    @classmethod
    def of(cls, err: ResumeToolError, status: int = 400) -> UserError:
        return cls(status, str(err))


@dataclass
class State:
    config: Config
    engine: Engine
    sessions: Sessions
    batches: BatchJobs
    root: Path
    roles_future: asyncio.Future[Any] | None = None  # role menu, from the first worker
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)


# ------------------------------------------------------------------- templates
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


ENV = _env()


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("version", __version__)
    context.setdefault("error", None)
    context.setdefault("nav", None)
    context.setdefault("max_postings", MAX_POSTINGS)
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status)


_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def report_parts(html: str) -> tuple[Markup, str]:
    """(body, stylesheet) of the HTML report, to show it inside a page without inline CSS.

    The report is rendered by our own autoescaping templates, so its body is trusted markup.
    """
    body = _BODY.search(html)
    css = "\n".join(_STYLE.findall(html))
    return Markup(body.group(1) if body else ""), css


def document_csp(html: str, frame: bool = False) -> str:
    """CSP for a self-contained document we wrote (report, dashboard): its inline scripts
    are allowed by hash only, its inline styles stay inline, nothing else loads."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in _SCRIPT.findall(html)
    ) or "'none'"
    ancestors = "'self'" if frame else "'none'"
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            f"base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}")


def attachment(name: str) -> str:
    """A Content-Disposition value that no file name can break: ASCII, quoted, plus UTF-8."""
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


# ----------------------------------------------------------------------- input
async def read_form(request: Request) -> FormData:
    """The multipart form, bounded; a damaged body is a 400, a too-big one a 413."""
    try:
        return await request.form(max_files=MAX_BATCH_FILES + MAX_POSTINGS + 2, max_fields=50,
                                  max_part_size=FIELD_CAP)
    except BodyTooLarge:
        raise
    except MultiPartException as err:
        raise UserError(400, f"the upload could not be read ({err}). Send the form again") from None
    except Exception as err:  # a body that is not a form at all
        raise UserError(400, f"the request is not a form upload ({type(err).__name__}). "
                        "Send multipart/form-data, as the page does") from None


def _file(form: FormData, key: str) -> UploadFile | None:
    value = form.get(key)
    if isinstance(value, UploadFile) and (value.filename or value.size):
        return value
    return None


def _text(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


async def _source(upload: UploadFile, what: str) -> work.Source:
    from ..read.guard import check_size

    name = Path((upload.filename or what).replace("\\", "/")).name or what
    size = upload.size if upload.size is not None else 0
    try:
        check_size(name, size, DEFAULT_LIMITS)
    except ResumeToolError as err:
        raise UserError.of(err, 413) from None
    data = await upload.read(DEFAULT_LIMITS.max_bytes + 1)
    try:
        check_size(name, len(data), DEFAULT_LIMITS)
    except ResumeToolError as err:
        raise UserError.of(err, 413) from None
    return work.Source(data, name)


async def check_inputs(form: FormData) -> work.Inputs:
    resume = _file(form, "resume")
    if resume is None:
        raise UserError.of(InputError(None, "no resume file was sent",
                                      "Choose a resume file (DOCX, PDF or text) as 'resume'"))
    posting_file = _file(form, "posting_file")
    posting = _text(form, "posting")
    if posting is not None and len(posting) > DEFAULT_LIMITS.max_bytes:
        raise UserError.of(InputError("posting", "the posting is larger than 10 MB",
                                      "Paste only the posting's text"), 413)
    role = (_text(form, "role") or "").strip() or None
    return work.Inputs(
        resume=await _source(resume, "resume"),
        posting_text=posting if posting and posting.strip() and posting_file is None else None,
        posting_file=await _source(posting_file, "posting") if posting_file else None,
        role=role,
    )


def _done(result: dict[str, Any]) -> dict[str, Any]:
    if "error" in result:
        raise UserError(result["status"], result["error"])
    return result


async def run(state: State, fn: Any, *args: Any, label: str, seconds: float | None = None) -> Any:
    try:
        return await state.engine.run(fn, *args, seconds=seconds or state.config.check_seconds,
                                      label=label)
    except Busy:
        raise UserError(429, "the server is busy with other checks. Try again in a minute") from None
    except JobFailed as err:
        raise UserError(400, str(err)) from None


def api_error(err: UserError) -> JSONResponse:
    headers = {"Retry-After": "30"} if err.status == 429 else None
    return JSONResponse({"error": err.message}, status_code=err.status, headers=headers)


def _state(request: Request) -> State:
    return request.app.state.rt


# ------------------------------------------------------------------------- api
async def healthz(request: Request) -> Response:
    return JSONResponse({"ok": True, "version": __version__})


async def api_check(request: Request) -> Response:
    state = _state(request)
    try:
        inputs = await check_inputs(await read_form(request))
        result = _done(await run(state, work.check_job, inputs, ("json",), label=inputs.resume.name))
    except UserError as err:
        return api_error(err)
    return Response(result["json"], media_type="application/json")


async def api_draft(request: Request) -> Response:
    state = _state(request)
    fmt = request.query_params.get("format", "docx")
    try:
        if fmt not in work.DRAFT_FORMATS:
            raise UserError.of(InputError(None, f"unknown draft format {fmt!r}",
                                          "Choose ?format=docx, md or html"))
        inputs = await check_inputs(await read_form(request))
        result = _done(await run(state, work.draft_job, inputs, fmt, label=inputs.resume.name))
    except UserError as err:
        return api_error(err)
    name = f"{safe_stem(inputs.resume.name)}-draft.{fmt}"
    return Response(result["draft"], media_type=DOWNLOADS[f"draft.{fmt}"][2],
                    headers={"Content-Disposition": attachment(name)})


# ----------------------------------------------------------------------- batch
_NAME_BYTES = 200  # a file name's UTF-8 bytes (file systems allow 255; " (2)" must still fit)
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,9}$")


def _batch_name(name: str, taken: set[str], default: str = "resume") -> str:
    """The uploaded file's own name (so rows read as the student's file), made safe: composed
    Unicode (NFC, so "café" is one name however it was typed), no path, no control or
    invisible format character (a right-to-left override would reverse what the dashboard
    shows), at most ``_NAME_BYTES`` bytes; ".txt" alone becomes "resume.txt"."""
    raw = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    raw = "".join("_" if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in raw).strip()
    m = _SUFFIX.search(raw)
    stem, suffix = (raw[: m.start()], m.group(0)) if m else (raw, "")
    stem = stem.lstrip(". ") or default
    while len((stem + suffix).encode("utf-8")) > _NAME_BYTES:
        stem = stem[:-1]
    base = stem + suffix
    out, n = base, 1
    while out.casefold() in taken:
        n += 1
        out = f"{Path(base).stem} ({n}){Path(base).suffix}"
    taken.add(out.casefold())
    return out


async def _save_batch(job: BatchJob, uploads: list[UploadFile], posting: str | None,
                      posting_file: UploadFile | None,
                      postings: list[UploadFile]) -> tuple[list[str], str | None, str | None]:
    """Write the uploads (the posting, and the postings to compare) into the job's private
    folder. Returns (resume paths, the posting's path, the postings' folder)."""
    taken: set[str] = set()
    paths: list[str] = []
    for up in uploads:
        target = job.folder / "in" / _batch_name(up.filename or "resume", taken)
        with open(target, "wb") as out:
            while chunk := await up.read(1024 * 1024):
                out.write(chunk)
        paths.append(str(target))
    posting_path = None
    if posting_file is not None or (posting and posting.strip()):
        folder = job.folder / "posting"
        folder.mkdir(mode=0o700)
        if posting_file is not None:
            src = await _source(posting_file, "posting")
            target = folder / _batch_name(src.name, set(), "posting")
            target.write_bytes(src.data)
        else:
            target = folder / "posting.txt"
            target.write_text(posting or "", encoding="utf-8")
        posting_path = str(target)
    postings_dir = None
    if postings:
        folder = job.folder / "postings"
        folder.mkdir(mode=0o700)
        names: set[str] = set()
        for up in postings:
            src = await _source(up, "posting")  # 10 MB each, as a resume: 413 beyond
            (folder / _batch_name(src.name, names, "posting")).write_bytes(src.data)
        postings_dir = str(folder)
    return paths, posting_path, postings_dir


def _postings(form: FormData) -> list[UploadFile]:
    """The postings to compare every student with (``batch --postings``): bounded in number,
    each a kind the posting reader takes; anything else is refused before any upload is kept."""
    from ..keywords.learn import POSTING_SUFFIXES

    ups = [v for v in form.getlist("postings") if isinstance(v, UploadFile) and v.filename]
    if len(ups) > MAX_POSTINGS:
        raise UserError.of(InputError(None, f"{len(ups)} postings were sent, more than "
                                      f"{MAX_POSTINGS}", "Send the postings you most want to "
                                      "compare, in several batches if need be"), 413)
    for up in ups:
        name = _batch_name(up.filename or "posting", set(), "posting")
        suffix = Path(name).suffix.lower()
        if suffix not in POSTING_SUFFIXES:
            kind = f"{suffix} files are" if suffix else "a file with no extension is"
            raise UserError.of(InputError(name, f"not a posting file type ({kind} not read)",
                                          "Upload each posting as a .txt, .md, .docx or .pdf file"))
    return ups


def _flag(form: FormData, key: str) -> bool:
    return (_text(form, key) or "") in ("1", "on", "true", "yes")


async def start_batch(request: Request) -> BatchJob:
    state = _state(request)
    form = await read_form(request)
    uploads = [v for v in form.getlist("files") if isinstance(v, UploadFile) and v.filename]
    if not uploads:
        raise UserError.of(InputError(None, "no resume files were sent",
                                      "Choose resume files or a ZIP of them as 'files'"))
    if len(uploads) > MAX_BATCH_FILES:
        raise UserError.of(InputError(None, f"{len(uploads)} files were sent, more than "
                                      f"{MAX_BATCH_FILES}", "Send them as a ZIP, or in parts"), 413)
    posting = _text(form, "posting")
    posting_file = _file(form, "posting_file")
    role = (_text(form, "role") or "").strip() or None
    drafts, feedback = _flag(form, "drafts"), _flag(form, "feedback")
    postings = _postings(form)
    try:
        job = state.batches.new(len(uploads))
    except Busy:
        raise UserError(429, "the server is already running several batches. "
                             "Try again when one has finished") from None
    try:
        paths, posting_path, postings_dir = await _save_batch(job, uploads, posting, posting_file,
                                                              postings)
        if postings_dir is not None:
            # Every posting is read now, as `batch --postings` reads them before any student:
            # one that cannot be used is this request's 400, naming it, not a failed job later.
            _done(await run(state, work.postings_check, postings_dir, label="postings"))
        state.engine.reserve()
    except Busy:
        job.status, job.error = "failed", "the server is busy. Try again in a minute"
        state.batches.finish(job)
        raise UserError(429, "the server is busy with other checks. Try again in a minute") from None
    except BaseException as err:  # a bad posting file, a full disk: the job must not hang
        job.status = "failed"
        job.error = err.message if isinstance(err, UserError) else f"the upload failed ({type(err).__name__})"
        state.batches.finish(job)
        raise
    task = asyncio.create_task(_run_batch(state, job, paths, posting_path, role, drafts,
                                          feedback, postings_dir))
    state.tasks.add(task)
    task.add_done_callback(state.tasks.discard)
    return job


async def _run_batch(state: State, job: BatchJob, paths: list[str], posting: str | None,
                     role: str | None, drafts: bool, feedback: bool = False,
                     postings: str | None = None) -> None:
    job.status = "running"
    try:
        result = await state.engine.run(
            work.batch_job, paths, str(job.outdir), posting, role, drafts,
            str(job.progress_file), feedback, postings, seconds=state.config.batch_seconds,
            label="batch",
            reserve=False)
        if "error" in result:
            job.status, job.error = "failed", result["error"]
        else:
            job.status, job.result = "done", result
    except JobFailed as err:
        job.status, job.error = "failed", str(err)
    except Exception as err:  # the server keeps running; the job says what happened
        job.status, job.error = "failed", f"the batch stopped: {type(err).__name__}"
    finally:
        state.batches.finish(job)


async def api_batch(request: Request) -> Response:
    try:
        job = await start_batch(request)
    except UserError as err:
        return api_error(err)
    return JSONResponse({"id": job.id}, status_code=202)


def _job(request: Request) -> BatchJob:
    job = _state(request).batches.get(request.path_params["id"])
    if job is None:
        raise UserError(404, "no such batch job (jobs are kept only while the server runs). "
                             "Start a new batch")
    return job


def _finished(job: BatchJob) -> Path:
    if job.status != "done":
        raise UserError(409, f"the batch is {job.status}"
                        + (f": {job.error}" if job.error else "")
                        + ". Wait for it to finish (GET /api/batch/ID shows progress)")
    return job.outdir


async def api_batch_status(request: Request) -> Response:
    try:
        return JSONResponse(_job(request).progress())
    except UserError as err:
        return api_error(err)


async def api_batch_file(request: Request) -> Response:
    try:
        out = _finished(_job(request))
    except UserError as err:
        return api_error(err)
    name = request.path_params["name"]
    if name in ("summary.csv", "matrix.csv") and (out / name).is_file():
        return FileResponse(out / name, media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": attachment(name)})
    if name == "index.html":
        html = (out / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(html, headers={"Content-Security-Policy": document_csp(html, frame=True),
                                           "X-Frame-Options": "SAMEORIGIN"})
    if name == "reports.zip":
        return Response(_zip(out), media_type="application/zip",
                        headers={"Content-Disposition": attachment("reports.zip")})
    return api_error(UserError(404, f"no file {name!r} in this batch. "
                                    "Ask for summary.csv, index.html, reports.zip or (with "
                                    "postings) matrix.csv"))


async def api_batch_output(request: Request) -> Response:
    """reports/, drafts/, feedback/ and rankings/ files, as the dashboard links them."""
    try:
        out = _finished(_job(request))
    except UserError as err:
        return api_error(err)
    folder, name = request.path_params["folder"], request.path_params["name"]
    path = out / folder / name
    if folder not in OUTPUT_FOLDERS or "/" in name or name.startswith(".") or not path.is_file():
        return api_error(UserError(404, "no such file in this batch. Open it from the dashboard"))
    if path.suffix == ".html":
        html = path.read_text(encoding="utf-8")
        return HTMLResponse(html, headers={"Content-Security-Policy": document_csp(html, frame=True),
                                           "X-Frame-Options": "SAMEORIGIN"})
    media = {".json": "application/json", ".md": "text/markdown; charset=utf-8",
             ".docx": DOWNLOADS["draft.docx"][2]}.get(path.suffix, "application/octet-stream")
    return FileResponse(path, media_type=media, headers={"Content-Disposition": attachment(name)})


OUTPUT_FOLDERS = ("reports", "drafts", "feedback", "rankings")  # as `batch` writes them


def _zip(out: Path) -> bytes:
    """Everything the batch wrote for people, as in the CLI's output folder (no manifest)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in ("summary.csv", "index.html", "matrix.csv"):
            if (out / rel).is_file():
                zf.write(out / rel, rel)
        for folder in OUTPUT_FOLDERS:
            for path in sorted((out / folder).glob("*")):
                if path.is_file() and not path.name.startswith("."):
                    zf.write(path, f"{folder}/{path.name}")
    return buf.getvalue()


# ----------------------------------------------------------------------- pages
async def _roles(request: Request) -> list[tuple[str, str]]:
    """The role menu: waits (once) for the first worker to load the keyword lists."""
    future = _state(request).roles_future
    if future is None:
        return []
    try:
        return list(await asyncio.wait_for(asyncio.shield(future), 120))
    except Exception:  # a broken --lists folder: the menu is empty, checks say why
        return []


async def index(request: Request) -> Response:
    return page("serve_index.j2", roles=await _roles(request), form={})


async def check_page(request: Request) -> Response:
    state = _state(request)
    form: dict[str, str] = {}
    try:
        data = await read_form(request)
        form = {"posting": _text(data, "posting") or "", "role": _text(data, "role") or ""}
        inputs = await check_inputs(data)
        result = _done(await run(state, work.check_job, inputs, ("json", "html", "md"), True,
                                 label=inputs.resume.name))
    except UserError as err:
        return page("serve_index.j2", status=err.status, roles=await _roles(request), form=form,
                    error=err.message)
    sid = state.sessions.new_id()
    state.sessions.add(Session(
        id=sid, original=inputs.resume, posting_text=result["posting_text"],
        posting_label=result["posting_label"], role=inputs.role, source=inputs.resume,
        result=result))
    return RedirectResponse(f"/r/{sid}", status_code=303)


def _session(request: Request) -> Session | None:
    return _state(request).sessions.get(request.path_params["sid"])


def _gone() -> Response:
    return page("serve_gone.j2", status=404)


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """What "Check again" changed: score, keywords gained and lost, findings fixed and new.

    Layout findings come from the original file and cannot be judged from edited text, so
    they are neither "fixed" nor "new" here (the page says so)."""
    def words(src: dict[str, str], other: dict[str, str]) -> list[str]:
        return sorted((t for k, t in src.items() if k not in other), key=lambda t: (t.casefold(), t))

    def found(src: dict[str, str], other: dict[str, str]) -> list[str]:
        return [m for c, m in sorted(src.items()) if c not in other and c not in work.LAYOUT_CODES]

    return {
        "score_before": before["score"], "score_after": after["score"],
        "delta": after["score"] - before["score"],
        "gained": words(after["matched"], before["matched"]),
        "lost": words(before["matched"], after["matched"]),
        "fixed": found(before["findings"], after["findings"]),
        "new": found(after["findings"], before["findings"]),
    }


async def result_page(request: Request, session: Session | None = None, *, status: int = 200,
                      error: str | None = None, text: str | None = None) -> Response:
    session = session or _session(request)
    if session is None:
        return _gone()
    body, _ = report_parts(session.result["html"])
    diff = changes(session.previous, session.result["summary"]) if session.previous else None
    return page("serve_result.j2", status=status, s=session, report=body, diff=diff,
                ats_text=text if text is not None else session.result["ats_text"],
                downloads=list(DOWNLOADS), error=error)


async def report_css(request: Request) -> Response:
    session = _session(request)
    if session is None:
        return PlainTextResponse("", status_code=404, media_type="text/css")
    return Response(report_parts(session.result["html"])[1], media_type="text/css")


async def recheck(request: Request) -> Response:
    state = _state(request)
    session = _session(request)
    if session is None:
        return _gone()
    text = None
    try:
        data = await read_form(request)
        text = _text(data, "text")
        if text is None or not text.strip():
            raise UserError.of(InputError(None, "the edited text is empty",
                                          "Put your resume's text in the box and check again"))
        name = f"{safe_stem(session.original.name)}-edited.txt"
        source = work.Source(text.replace("\r\n", "\n").encode("utf-8"), name)
        if len(source.data) > DEFAULT_LIMITS.max_bytes:
            raise UserError.of(InputError(name, "the edited text is larger than 10 MB",
                                          "Keep only your resume's text"), 413)
        inputs = work.Inputs(resume=source, posting_text=session.posting_text,
                             posting_label=session.posting_label, role=session.role)
        result = _done(await run(state, work.check_job, inputs, ("json", "html", "md"), True, label=name))
    except UserError as err:
        return await result_page(request, session, status=err.status, error=err.message, text=text)
    session.previous = session.result["summary"]
    session.result, session.source = result, source
    return RedirectResponse(f"/r/{session.id}#changes", status_code=303)


async def download(request: Request) -> Response:
    state = _state(request)
    session = _session(request)
    kind = request.path_params["kind"]
    if session is None or kind not in DOWNLOADS:
        return _gone()
    what, fmt, media = DOWNLOADS[kind]
    name = f"{session.stem}-{kind}"
    if what == "report":
        return Response(session.result[fmt], media_type=media,
                        headers={"Content-Disposition": attachment(name)})
    inputs = work.Inputs(resume=session.source, posting_text=session.posting_text,
                         posting_label=session.posting_label, role=session.role)
    try:
        result = _done(await run(state, work.draft_job, inputs, fmt, label=session.source.name))
    except UserError as err:
        return await result_page(request, session, status=err.status, error=err.message)
    return Response(result["draft" if what == "draft" else "consider"], media_type=media,
                    headers={"Content-Disposition": attachment(name)})


async def batch_page(request: Request) -> Response:
    return page("serve_batch.j2", roles=await _roles(request), form={})


async def batch_submit(request: Request) -> Response:
    try:
        job = await start_batch(request)
    except UserError as err:
        return page("serve_batch.j2", status=err.status, roles=await _roles(request), form={},
                    error=err.message)
    return RedirectResponse(f"/batch/{job.id}", status_code=303)


async def job_page(request: Request) -> Response:
    job = _state(request).batches.get(request.path_params["id"])
    if job is None:
        return page("serve_gone.j2", status=404, batch=True)
    return page("serve_job.j2", job=job, p=job.progress())


# ------------------------------------------------------------------------- app
async def not_found(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": "no such address. See the API list in the README"},
                            status_code=404)
    return page("serve_gone.j2", status=404)


async def method_not_allowed(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": f"{request.method} is not allowed here"}, status_code=405)


async def too_large(request: Request, exc: Exception) -> Response:
    cap = _state(request).config.body_cap
    return JSONResponse({"error": f"the upload is larger than the {cap // MB} MB this server "
                                  "accepts in one request. Send a smaller file"}, status_code=413)


def create_app(config: Config) -> Guard:
    """The ASGI app: routes behind the security guard (security.py)."""
    # Uploads up to the request cap stay in memory, never in a shared temporary folder.
    MultiPartParser.spool_max_size = max(config.body_cap, config.batch_cap)
    # The form parser logs what it finds wrong in a body; nothing about an upload is logged.
    for name in ("python_multipart", "multipart"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    root = Path(tempfile.mkdtemp(prefix="resume-tool-serve-"))  # mode 0700

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        engine = Engine(config.workers, config.lists, config.max_queue)
        state = State(config, engine, Sessions(), BatchJobs(root, config.max_batches), root)
        app.state.rt = state
        # Workers start (and build their engines) now, while the server already answers.
        engine.warm()
        state.roles_future = asyncio.wrap_future(engine.pool.submit(work.roles))
        state.roles_future.add_done_callback(consume)
        try:
            yield
        finally:
            for task in list(state.tasks):
                task.cancel()
            engine.close()
            state.sessions.clear()
            shutil.rmtree(root, ignore_errors=True)

    static = Path(__file__).parent / "static"
    routes = [
        Route("/", index),
        Route("/check", check_page, methods=["POST"]),
        Route("/r/{sid}", result_page),
        Route("/r/{sid}/report.css", report_css),
        Route("/r/{sid}/recheck", recheck, methods=["POST"]),
        Route("/r/{sid}/download/{kind}", download),
        Route("/batch", batch_page),
        Route("/batch", batch_submit, methods=["POST"]),
        Route("/batch/{id}", job_page),
        Route("/healthz", healthz),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/draft", api_draft, methods=["POST"]),
        Route("/api/batch", api_batch, methods=["POST"]),
        Route("/api/batch/{id}", api_batch_status),
        Route("/api/batch/{id}/{folder}/{name}", api_batch_output),
        Route("/api/batch/{id}/{name}", api_batch_file),
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={
        404: not_found, 405: method_not_allowed, BodyTooLarge: too_large})
    policy = Policy(config.host, config.port, config.token, config.body_cap, config.batch_cap)
    return Guard(app, policy)
