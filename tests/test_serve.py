"""`resume-tool serve` over HTTP (Starlette's test client): the API contract, every limit and
status code, the token/Host/Origin rules, and hostile uploads that must never break the server.

One app (one worker process) serves the whole module; the security middleware is also tested
alone, around a stub app, where a second pool would only cost time.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from starlette.responses import JSONResponse
from starlette.testclient import TestClient

from resume_tool.api import check as library_check
from resume_tool.errors import ResumeToolError
from resume_tool.render import render_report
from resume_tool.serve import Config, create_app, needs_token
from resume_tool.serve.security import CSP, Guard, Policy
from tests.cli_words import NOT_HEALTHCARE, OUT_OF_ORDER, cli_mentions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RESUME = (EXAMPLES / "resume.docx").read_bytes()
POSTING = (EXAMPLES / "posting.txt").read_bytes()
BASE = "http://127.0.0.1:8765"
CASES_DIR = Path(__file__).resolve().parent / "hostile_cases"


@pytest.fixture(scope="module")
def client() -> Any:
    app = create_app(Config(workers=1))
    with TestClient(app, base_url=BASE) as c:
        yield c


def rt(client: TestClient) -> Any:
    return client.app.app.state.rt


def upload(client: TestClient, resume: tuple[str, bytes] = ("resume.docx", RESUME),
           path: str = "/api/check", **extra: Any) -> Any:
    files: dict[str, Any] = {"resume": resume}
    if "posting_file" in extra:
        files["posting_file"] = extra.pop("posting_file")
    return client.post(path, files=files, data=extra)


def cli_json(monkeypatch: pytest.MonkeyPatch, resume: str, posting: str | None) -> str:
    """What `resume-tool check RESUME --posting POSTING --format json` prints, run in examples/."""
    monkeypatch.chdir(EXAMPLES)
    return render_report(library_check(resume, posting=posting), "json")


# ------------------------------------------------------------------- the API contract
def test_healthz_and_security_headers(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["ok"] is True
    for path in ("/healthz", "/", "/batch", "/static/serve.js", "/nope"):
        h = client.get(path).headers
        assert h["content-security-policy"] == CSP, path
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert "'unsafe-inline'" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert h["cache-control"] == "no-store"


def test_api_check_is_exactly_the_cli_json(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    r = upload(client, posting_file=("posting.txt", POSTING))
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.text == cli_json(monkeypatch, "resume.docx", "posting.txt")
    data = r.json()
    assert data["posting"] is not None and 0 < data["score"] <= 100


def test_api_check_pasted_posting_is_the_cli_json_from_stdin(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from resume_tool.cli import cli

    # Odd characters a paste brings along: the reader's normalization must apply as for stdin.
    pasted = POSTING.decode("utf-8").replace("Requirements", "Require\u00adments\u00a0") + "\u201cCPC\u201d\n"
    r = upload(client, posting=pasted)
    monkeypatch.chdir(EXAMPLES)
    out = CliRunner().invoke(cli, ["check", "resume.docx", "--posting", "-", "--format", "json"],
                             input=pasted)
    assert out.exit_code == 0, out.output
    assert r.status_code == 200 and r.text.rstrip("\n") == out.output.rstrip("\n")


def test_api_check_pasted_posting_and_role(client: TestClient) -> None:
    pasted = upload(client, posting=POSTING.decode("utf-8")).json()
    filed = upload(client, posting_file=("posting.txt", POSTING)).json()
    assert pasted["score"] == filed["score"]
    assert [k["id"] for k in pasted["keywords"]] == [k["id"] for k in filed["keywords"]]
    no_posting = upload(client).json()
    assert no_posting["posting"] is None and no_posting["role_inferred"] is True
    role = no_posting["role"]
    with_role = upload(client, role=role).json()
    assert with_role["role"] == role and with_role["role_inferred"] is False


def test_api_draft_docx_md_html(client: TestClient) -> None:
    import docx

    r = upload(client, path="/api/draft?format=docx", posting=POSTING.decode())
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith('attachment; filename="resume-draft.docx"')
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Experience" in text or "EXPERIENCE" in text
    md = upload(client, path="/api/draft?format=md")
    assert md.status_code == 200 and md.text.startswith("#")
    html = upload(client, path="/api/draft?format=html")
    assert html.status_code == 200 and "<html" in html.text
    bad = upload(client, path="/api/draft?format=exe")
    assert bad.status_code == 400 and "unknown draft format" in bad.json()["error"]


# ----------------------------------------------------------------------- bad input
def test_missing_resume_and_unknown_role_are_400(client: TestClient) -> None:
    r = client.post("/api/check", data={"posting": "x"})
    assert r.status_code == 400 and r.json()["error"].startswith("no resume file was sent.")
    r = upload(client, role="astronaut")
    assert r.status_code == 400 and "unknown role 'astronaut'" in r.json()["error"]
    r = client.post("/api/check", content=b"not a form", headers={"content-type": "text/plain"})
    assert r.status_code == 400 and "error" in r.json()


def test_malformed_forms_are_400_and_nothing_is_logged(client: TestClient,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    bodies = [
        (b'--abc\r\nContent-Disposition: form-data; name="resume"; filename="a.txt"\r\n\r\nJane', "abc"),
        (b"garbage Jane Doe 555-0100", "abc"),
        (b"garbage", ""),
        (os.urandom(3000), "xyz"),
    ]
    with caplog.at_level("DEBUG"):
        for path in ("/api/check", "/api/draft?format=md", "/api/batch", "/check", "/batch"):
            for body, boundary in bodies:
                r = client.post(path, content=body,
                                headers={"content-type": f"multipart/form-data; boundary={boundary}"})
                assert r.status_code == 400, (path, body[:20])
    assert not [rec for rec in caplog.records if "multipart" in rec.name]
    assert client.get("/healthz").status_code == 200


def test_file_over_10_mb_is_413_with_the_readers_message(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = b"CPC coder " * (1024 * 1024 + 1)
    r = upload(client, ("big.txt", big))
    assert r.status_code == 413
    (tmp_path / "big.txt").write_bytes(big)
    assert r.json()["error"] == _expected_message(tmp_path, "big.txt", monkeypatch)
    r = upload(client, posting=("x" * (10 * 1024 * 1024 + 1)))
    assert r.status_code == 413 and "posting is larger than 10 MB" in r.json()["error"]


def test_request_body_over_the_cap_is_413(client: TestClient) -> None:
    r = client.post("/api/check", content=b"x" * (26 * 1024 * 1024),
                    headers={"content-type": "multipart/form-data; boundary=abc"})
    assert r.status_code == 413 and "larger than the 25 MB" in r.json()["error"]


def _generated_bad() -> list[tuple[str, bytes, str]]:
    """A few bad uploads made here: (name, bytes, a phrase the error must contain)."""
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("hello.txt", "not a Word document")
    return [
        ("empty.pdf", b"", "empty"),
        ("fake.pdf", b"%PDF-1.4\n" + os.urandom(2000), ""),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ""),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, ""),
        ("renamed.docx", b"Jane Doe, CPC. Medical coder.", "plain text"),
        ("notword.docx", zbuf.getvalue(), ""),
    ]


def _expected_message(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The CLI's message for this file (what `check` raises, which the CLI prints)."""
    monkeypatch.chdir(folder)
    try:
        library_check(name)
    except ResumeToolError as err:
        return str(err)
    return None


def _assert_same_message(got: str, want: str, name: str) -> None:
    """Same problem and fix; the name may differ only by how the upload encoded it."""
    assert "\n" not in got and "Traceback" not in got
    assert got.split(": ", 1)[-1] == want.split(": ", 1)[-1] or got == want, (name, got, want)


def test_generated_bad_files_give_the_cli_message(client: TestClient, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for name, data, phrase in _generated_bad():
        (tmp_path / name).write_bytes(data)
        want = _expected_message(tmp_path, name, monkeypatch)
        r = upload(client, (name, data))
        assert r.status_code in (400, 413), (name, r.status_code)
        got = r.json()["error"]
        assert want is not None and phrase.lower() in got.lower()
        _assert_same_message(got, want, name)
    assert client.get("/healthz").status_code == 200


def test_hostile_cases_give_4xx_and_the_server_stays_up(client: TestClient, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cases = sorted(CASES_DIR.glob("*.json"))
    assert cases, "tests/hostile_cases is empty"
    for meta_path in cases:
        meta = json.loads(meta_path.read_text())
        data = meta_path.with_suffix(".bin").read_bytes()
        r = upload(client, (meta["name"], data))
        assert r.status_code != 500
        if r.status_code != 200:
            assert r.status_code in (400, 413)
            (tmp_path / meta["name"]).write_bytes(data)
            want = _expected_message(tmp_path, meta["name"], monkeypatch)
            assert want is not None
            _assert_same_message(r.json()["error"], want, meta["name"])
    assert upload(client).status_code == 200


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_hostile import build

    folder = tmp_path_factory.mktemp("hostile")
    return folder, build(folder, bomb_bytes=80 * 1024 * 1024)


def test_hostile_corpus_uploads(client: TestClient, hostile_corpus: tuple[Path, list[Any]],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/make_hostile.py's corpus: 'error' cases give 4xx with the CLI's message,
    'either' cases a report or a 4xx, never a 500."""
    folder, cases = hostile_corpus
    for case in cases:
        data = (folder / case.name).read_bytes()
        r = upload(client, (case.name, data))
        assert r.status_code in (200, 400, 413), (case.name, r.status_code)
        if case.expect == "error":
            assert r.status_code in (400, 413), case.name
            got = r.json()["error"]
            assert case.error.lower() in got.lower(), (case.name, got)
            if "\n" not in case.name:
                want = _expected_message(folder, case.name, monkeypatch)
                assert want is not None
                _assert_same_message(got, want, case.name)
        elif case.expect == "read":
            assert r.status_code == 200, (case.name, r.text[:300])
    assert client.get("/healthz").status_code == 200


def slow_resume(entries: int = 2000) -> bytes:
    """A plain-text resume long enough that checking it takes seconds (~0.9 s per 1000
    entries on a free core), so it always outlasts a 0.05 s limit: an ordinary resume
    takes about that long itself and could finish inside it."""
    lines = ["Jane Doe", "jane@example.com", "EXPERIENCE"]
    for i in range(entries):
        lines += [f"Medical Coder, Clinic {i}, 2019 - 2021",
                  f"- Assigned ICD-10-CM and CPT codes to {i} outpatient charts; HIPAA; Epic"]
    return "\n".join(lines).encode()


def test_job_time_limit_ends_the_task_and_the_server_goes_on(client: TestClient) -> None:
    """A task past the per-job limit (here 0.05 s, for a task of seconds) gets a one-line
    400 and the stuck worker's pool is replaced; the next check works."""
    state = rt(client)
    saved, old_pool = state.config.check_seconds, state.engine.pool
    state.config.check_seconds = 0.05
    try:
        r = upload(client, resume=("long.txt", slow_resume()), posting=POSTING.decode())
    finally:
        state.config.check_seconds = saved
    assert r.status_code == 400
    assert r.json()["error"].startswith("long.txt: processing took longer than 0.05 seconds.")
    assert state.engine.pool is not old_pool
    assert upload(client).status_code == 200


def test_a_result_that_arrives_after_its_deadline_is_a_timeout(client: TestClient) -> None:
    """The race a busy machine causes: the worker answers after the deadline, but the event
    loop (stalled here on purpose) only gets to the timer and the answer together. The
    answer must not win; the worker answered, so it is not killed for it."""
    import asyncio

    from resume_tool.serve.jobs import JobFailed

    engine = rt(client).engine

    async def stalled() -> Any:
        job = asyncio.ensure_future(engine.run(time.sleep, 0.3, seconds=0.2, label="late.docx"))
        await asyncio.sleep(0)  # the task is submitted and its timer set
        time.sleep(1.5)  # the loop is stuck while the answer (0.3 s) comes back after 0.2 s
        return await job

    with pytest.raises(JobFailed, match=r"^late\.docx: processing took longer than 0\.2 seconds\."):
        asyncio.run(stalled())
    assert engine.pending == 0
    assert upload(client).status_code == 200


def test_queue_full_is_429(client: TestClient) -> None:
    state = rt(client)
    state.engine.max_queue, saved = 0, state.engine.max_queue
    try:
        r = upload(client)
        assert r.status_code == 429 and "busy" in r.json()["error"]
        assert r.headers["retry-after"]
        r = client.post("/api/batch", files=[("files", ("a.docx", RESUME))])
        assert r.status_code == 429
    finally:
        state.engine.max_queue = saved
    state.batches.max_active, saved = 0, state.batches.max_active
    try:
        r = client.post("/api/batch", files=[("files", ("a.docx", RESUME))])
        assert r.status_code == 429
    finally:
        state.batches.max_active = saved


# ------------------------------------------------------------------- the pages (no JS)
def test_page_flow_without_javascript(client: TestClient) -> None:
    index = client.get("/").text
    assert 'name="resume"' in index and "<script>" not in index and " style=" not in index
    assert index.count("<option value=") >= 4, "the role menu lists the role profiles"
    r = client.post("/check", files={"resume": ("resume.docx", RESUME)},
                    data={"posting": POSTING.decode()}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/r/")
    url = r.headers["location"]
    html = client.get(url).text
    report = upload(client, posting=POSTING.decode()).json()
    assert f'data-score="{report["score"]}"' in html
    assert 'id="fix"' in html and "What to fix" in html
    standalone = client.get(f"{url}/download/report.html").text  # render_report(report, "html")
    body = standalone.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    assert len(body) > 5000 and body in html  # the same report, verbatim, inside the page
    css = client.get(url + "/report.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "<script" not in html.split("</head>")[1].replace('src="/static/serve.js"', "")

    # Check again: add a required keyword the resume lacks, as text.
    missing = [k for k in report["keywords"] if k["target"] and k["required"]
               and not (k["in_resume"] or k["satisfied_by"])]
    assert missing, "the example posting should ask for something the example lacks"
    term = missing[0]["term"]
    text = html.split('name="text"', 1)[1].split(">", 1)[1].split("</textarea>", 1)[0]
    import html as htmllib

    edited = htmllib.unescape(text) + f"\nSkills\n{term}\n"
    r = client.post(url + "/recheck", files={"text": (None, edited)}, follow_redirects=False)
    assert r.status_code == 303
    after = client.get(url).text
    assert "What changed" in after and htmllib.escape(term) in after.split('id="gained"')[1].split("</ul>")[0]

    for kind, check in (("draft.docx", lambda b: b[:2] == b"PK"), ("report.json", lambda b: json.loads(b)),
                        ("report.md", lambda b: b.startswith(b"#")), ("to-consider.md", lambda b: len(b) > 0)):
        d = client.get(f"{url}/download/{kind}")
        assert d.status_code == 200 and check(d.content), kind
        assert d.headers["content-disposition"].startswith(f'attachment; filename="resume-{kind}"')
    assert client.get("/r/nope").status_code == 404


def test_no_web_page_names_a_command(client: TestClient) -> None:
    """The web app's reader has no shell: no page, report or download names a CLI command or
    option, also for the resumes whose fix text and notes once did."""
    assert cli_mentions(client.get("/").text) == []
    assert cli_mentions(client.get("/batch").text) == []
    for name, text in (("pat.txt", OUT_OF_ORDER), ("sam.txt", NOT_HEALTHCARE)):
        r = client.post("/check", files={"resume": (name, text.encode())}, follow_redirects=False)
        url = r.headers["location"]
        page = client.get(url).text
        if name == "pat.txt":
            assert "the reverse-chronological draft this tool makes" in page
        assert cli_mentions(page) == [], name
        for kind in ("report.html", "report.md"):
            assert cli_mentions(client.get(f"{url}/download/{kind}").text) == [], (name, kind)


def test_page_errors_show_the_message_in_the_form(client: TestClient) -> None:
    r = client.post("/check", files={"resume": ("empty.pdf", b"")}, data={"posting": "CPC"})
    assert r.status_code == 400
    assert 'role="alert"' in r.text and "empty.pdf" in r.text and ">CPC</textarea>" in r.text


def test_download_names_are_safe(client: TestClient) -> None:
    name = 'Zoë "x"\r\n; evil.docx'
    r = client.post("/check", files={"resume": (name, RESUME)}, follow_redirects=False)
    url = r.headers["location"]
    cd = client.get(f"{url}/download/report.json").headers["content-disposition"]
    ascii_part = cd.split(";")[1]
    assert cd.isascii() and "\r" not in cd and "\n" not in cd
    assert ascii_part.count('"') == 2 and "evil" in ascii_part


# ------------------------------------------------------------------------- batch
def _zip(*members: tuple[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def test_batch_api_zip_and_files(client: TestClient) -> None:
    state = rt(client)
    pdf = (EXAMPLES / "resume.pdf").read_bytes()
    class_zip = _zip(("class/alice.docx", RESUME), ("class/bob.pdf", pdf),
                     ("class/broken.pdf", b"%PDF-1.4 nothing"), ("__MACOSX/._x", b"x"))
    r = client.post("/api/batch", files=[("files", ("class.zip", class_zip)),
                                         ("files", ("carol.docx", RESUME))],
                    data={"posting": POSTING.decode(), "drafts": "1"})
    assert r.status_code == 202
    jid = r.json()["id"]
    job = state.batches.get(jid)
    assert stat.S_IMODE(state.root.stat().st_mode) == 0o700
    deadline = time.monotonic() + 60
    seen = []
    while time.monotonic() < deadline:
        p = client.get(f"/api/batch/{jid}").json()
        seen.append(p["percent"])
        if p["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    assert p["status"] == "done", p
    assert p["percent"] == 100 and p["failed"] == 1 and p["ok"] == 3
    assert seen == sorted(seen)
    assert not (job.folder / "in").exists(), "uploads must go when the job ends"

    csv = client.get(f"/api/batch/{jid}/summary.csv")
    assert csv.status_code == 200 and csv.text.count("\n") == 5
    assert "carol.docx" in csv.text and "class.zip/class/alice.docx" in csv.text
    dash = client.get(f"/api/batch/{jid}/index.html")
    assert dash.status_code == 200 and "script-src 'sha256-" in dash.headers["content-security-policy"]
    assert "frame-ancestors 'self'" in dash.headers["content-security-policy"]
    reports = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batch/{jid}/reports.zip").content))
    names = reports.namelist()
    assert "summary.csv" in names and sum(n.startswith("reports/") and n.endswith(".html") for n in names) == 3
    assert sum(n.startswith("drafts/") and n.endswith(".docx") for n in names) == 3
    link = next(n for n in names if n.startswith("reports/") and n.endswith(".html"))
    assert client.get(f"/api/batch/{jid}/{link}").status_code == 200
    assert client.get(f"/api/batch/{jid}/reports/..%2Fsummary.csv").status_code == 404
    assert client.get(f"/api/batch/{jid}/other.txt").status_code == 404
    page = client.get(f"/batch/{jid}")
    assert page.status_code == 200 and "/index.html" in page.text and "100%" in page.text


def _wait(client: TestClient, jid: str) -> dict[str, Any]:
    for _ in range(300):
        p = client.get(f"/api/batch/{jid}").json()
        if p["status"] in ("done", "failed"):
            return p
        time.sleep(0.1)
    raise AssertionError(p)


def test_batch_zip_limits(client: TestClient) -> None:
    """The batch ZIP rules hold through the server: unsafe names and nested archives are
    skipped, an archive with too many entries is one failed row, and the rest go on."""
    from resume_tool.batch.inputs import ZIP_MAX_ENTRIES

    hostile = _zip(("../evil.docx", RESUME), ("/abs.docx", RESUME), ("inner.zip", b"PK"),
                   ("ok.docx", RESUME))
    crowded = _zip(*[(f"r{i}.txt", b"x") for i in range(ZIP_MAX_ENTRIES + 1)])
    r = client.post("/api/batch", files=[("files", ("hostile.zip", hostile)),
                                         ("files", ("crowded.zip", crowded))])
    p = _wait(client, r.json()["id"])
    assert p["status"] == "done" and p["ok"] == 1 and p["failed"] == 1 and p["skipped"] == 3, p
    assert p["unsafe"] == 3 and p["totals"] == ("2 files: 1 checked, 1 could not be checked, "
                                                "0 skipped (not resumes), 3 unsafe ZIP entries skipped")
    assert f"Done: {p['totals']}, in " in client.get(f"/batch/{p['id']}").text
    csv = client.get(f"/api/batch/{p['id']}/summary.csv").text
    assert f"more than the {ZIP_MAX_ENTRIES} allowed" in csv and "evil" not in csv


def test_batch_errors(client: TestClient) -> None:
    r = client.post("/api/batch", data={"posting": "x"})
    assert r.status_code == 400 and "no resume files" in r.json()["error"]
    active = rt(client).batches.active()
    r = client.post("/api/batch", files=[("files", ("a.docx", RESUME)),
                                         ("posting_file", ("big.txt", b"x" * (10 * 1024 * 1024 + 1)))])
    assert r.status_code == 413 and r.json()["error"].startswith("big.txt: the file is")
    assert rt(client).batches.active() == active  # the refused job does not hold a slot
    assert client.get("/api/batch/nope").status_code == 404
    assert "error" in client.get("/api/batch/nope").json()
    r = client.post("/api/batch", files=[("files", ("a.docx", RESUME))], data={"role": "astronaut"})
    jid = r.json()["id"]
    for _ in range(100):
        p = client.get(f"/api/batch/{jid}").json()
        if p["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert p["status"] == "failed" and "unknown role 'astronaut'" in p["error"]
    assert client.get(f"/api/batch/{jid}/summary.csv").status_code == 409


SECOND_POSTING = (b"Medical Biller\nRequirements: CPT, HCPCS, denial management, accounts "
                  b"receivable follow-up, Epic.\nPreferred: CPB certification.\n")


def test_batch_feedback_and_postings_are_the_clis_outputs(client: TestClient, tmp_path: Path) -> None:
    """The feedback checkbox and the postings upload give the files `batch --feedback
    --postings DIR` writes, byte for byte, in reports.zip and at the dashboard's links."""
    from resume_tool.batch import run_batch

    class_zip = _zip(("class/alice.docx", RESUME), ("class/bob.pdf", (EXAMPLES / "resume.pdf").read_bytes()),
                     ("class/broken.pdf", b"%PDF-1.4 nothing"))
    r = client.post("/api/batch", files=[("files", ("class.zip", class_zip)),
                                         ("postings", ("coder.txt", POSTING)),
                                         ("postings", ("biller.txt", SECOND_POSTING))],
                    data={"feedback": "1"})
    assert r.status_code == 202, r.text
    p = _wait(client, r.json()["id"])
    assert p["status"] == "done" and p["ok"] == 2 and p["failed"] == 1, p
    job = rt(client).batches.get(p["id"])
    assert not (job.folder / "postings").exists(), "uploaded postings go when the job ends"
    got = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batch/{p['id']}/reports.zip").content))

    # The same inputs through the library, as the CLI runs them.
    (tmp_path / "class.zip").write_bytes(class_zip)
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "coder.txt").write_bytes(POSTING)
    (folder / "biller.txt").write_bytes(SECOND_POSTING)
    out = tmp_path / "out"
    run_batch([tmp_path / "class.zip"], out, posting=None, role=None, lists=None, workers=1,
              formats=["html", "json"], drafts=False, force=True, excel=False, quiet=True,
              feedback=True, postings=folder)
    want = sorted(path.relative_to(out).as_posix() for path in out.rglob("*")
                  if path.is_file() and path.parent.name in ("feedback", "rankings"))
    assert len(want) == 2 * 2 + 2  # feedback .md and .html, and a ranking, per checked student
    assert sorted(n for n in got.namelist() if n.startswith(("feedback/", "rankings/"))) == want
    for name in [*want, "matrix.csv", "summary.csv"]:
        assert got.read(name) == (out / name).read_bytes(), name
    matrix = client.get(f"/api/batch/{p['id']}/matrix.csv")
    assert matrix.status_code == 200 and matrix.content == (out / "matrix.csv").read_bytes()
    assert matrix.text.splitlines()[0].startswith("file,name,biller.txt,coder.txt,best_posting")
    dash = client.get(f"/api/batch/{p['id']}/index.html").text
    assert 'href="matrix.csv"' in dash
    assert 'href="feedback/class.zip_class_alice.html"' in dash  # the dashboard's own link
    assert 'href="rankings/class.zip_class_alice.html"' in dash  # and the student's rankings
    for link in ("feedback/class.zip_class_alice.html", "rankings/class.zip_class_alice.html"):
        assert link in want
        page = client.get(f"/api/batch/{p['id']}/{link}")
        assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert cli_mentions(client.get(f"/api/batch/{p['id']}/feedback/class.zip_class_alice.html").text) == []
    done = client.get(f"/batch/{p['id']}").text
    assert "matrix.csv" in done and "feedback page" in done


@pytest.mark.parametrize(("name", "data", "status", "says"), [
    ("broken.pdf", b"%PDF-1.4 nothing here", 400, "broken.pdf: this posting cannot be used ("),
    ("empty.txt", b"  \n", 400, "empty.txt: this posting cannot be used (the file is empty)"),
    ("notes.xlsx", b"PK\x03\x04", 400, "notes.xlsx: not a posting file type (.xlsx files are not read)"),
    ("huge.txt", b"x" * (10 * 1024 * 1024 + 1), 413, "huge.txt: the file is"),
    ("long.txt", b"CPC required. " * 15_000, 400, "long.txt: this posting cannot be used (the posting is longer than"),
])
def test_a_posting_that_cannot_be_used_is_refused_before_any_student(
        client: TestClient, name: str, data: bytes, status: int, says: str) -> None:
    jobs = rt(client).batches
    before = set(jobs.jobs)
    r = client.post("/api/batch", files=[("files", ("a.docx", RESUME)),
                                         ("postings", ("coder.txt", POSTING)),
                                         ("postings", (name, data))])
    assert r.status_code == status and r.json()["error"].startswith(says), r.text
    error = r.json()["error"]
    assert "\n" not in error and "/tmp" not in error and "resume-tool-serve" not in error
    assert "leave it out of the postings" in error or status == 413 or "not a posting" in error
    new = [jobs.jobs[j] for j in set(jobs.jobs) - before]
    assert all(j.status == "failed" and not j.folder.joinpath("in").exists()
               and not j.folder.joinpath("postings").exists() and not j.outdir.exists() for j in new)
    assert jobs.active() == 0
    page = client.post("/batch", files=[("files", ("a.docx", RESUME)), ("postings", (name, data))])
    assert page.status_code == status and 'role="alert"' in page.text and name in page.text


def test_upload_names_are_made_safe_for_disk_and_for_reading() -> None:
    """Composed Unicode (two spellings of "café" are one name, so the second is renamed, never
    written over the first), no invisible direction marks, at most 200 bytes (a name of 70
    emoji used to fail with a 500), a bare extension gets a name."""
    from resume_tool.serve.app import _batch_name

    taken: set[str] = set()
    assert _batch_name("caf\u00e9.txt", taken) == "caf\u00e9.txt"
    assert _batch_name("cafe\u0301.txt", taken) == "caf\u00e9 (2).txt"
    assert _batch_name("\u202egnp.exe.txt", set()) == "_gnp.exe.txt"
    long = _batch_name("\U0001f600" * 70 + ".txt", set())
    assert long.endswith(".txt") and len(long.encode()) <= 200
    assert _batch_name(".txt", set(), "posting") == "posting.txt"
    assert _batch_name("../../etc/evil.txt", set()) == "evil.txt"


def test_a_long_non_ascii_posting_name_is_no_server_error(client: TestClient) -> None:
    r = client.post("/api/batch", files=[("files", ("a.docx", RESUME)),
                                         ("postings", ("\U0001f600" * 70 + ".txt", POSTING))])
    assert r.status_code == 202, r.text


def test_too_many_postings_is_413(client: TestClient) -> None:
    from resume_tool.serve.app import MAX_POSTINGS

    files = [("files", ("a.docx", RESUME))] + [("postings", (f"p{i}.txt", b"CPC")) for i in range(MAX_POSTINGS + 1)]
    r = client.post("/api/batch", files=files)
    assert r.status_code == 413 and f"more than {MAX_POSTINGS}" in r.json()["error"]


# ---------------------------------------------------------------------- security
def stub(policy: Policy) -> TestClient:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await JSONResponse({"got": len(body)})(scope, receive, send)

    return TestClient(Guard(app, policy), base_url="http://127.0.0.1:8765")


LOCAL = Policy("127.0.0.1", 8765, None, body_cap=1000, batch_cap=5000)
REMOTE = Policy("0.0.0.0", 8765, "s3cret-token", body_cap=1000, batch_cap=5000)


def test_host_allow_list_blocks_dns_rebinding() -> None:
    c = stub(LOCAL)
    assert c.get("/", headers={"host": "127.0.0.1:8765"}).status_code == 200
    assert c.get("/", headers={"host": "localhost:8765"}).status_code == 200
    r = c.get("/", headers={"host": "evil.example:8765"})
    assert r.status_code == 403 and "host name" in r.json()["error"]
    assert r.headers["content-security-policy"] == CSP
    assert c.get("/", headers={"host": "127.0.0.1@evil.example"}).status_code == 403


def test_origin_check_on_state_changing_requests() -> None:
    c = stub(LOCAL)
    assert c.post("/api/check", content=b"x", headers={"origin": "http://127.0.0.1:8765"}).status_code == 200
    assert c.post("/api/check", content=b"x").status_code == 200  # a script, no Origin
    for origin in ("http://evil.example", "null", "http://127.0.0.1:9999", "http://localhost:8765"):
        r = c.post("/api/check", content=b"x", headers={"origin": origin})
        assert r.status_code == 403, origin
    r = c.post("/api/check", content=b"x", headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    # A form post under Referrer-Policy: no-referrer sends Origin: null; the browser's
    # Sec-Fetch-Site says whether it came from this page.
    same = {"origin": "null", "sec-fetch-site": "same-origin"}
    assert c.post("/api/check", content=b"x", headers=same).status_code == 200
    cross = {"origin": "null", "sec-fetch-site": "cross-site"}
    assert c.post("/api/check", content=b"x", headers=cross).status_code == 403
    assert c.get("/", headers={"origin": "http://evil.example"}).status_code == 200  # GET is safe


def test_body_caps() -> None:
    c = stub(LOCAL)
    assert c.post("/api/check", content=b"x" * 1000).json() == {"got": 1000}
    r = c.post("/api/check", content=b"x" * 1001)
    assert r.status_code == 413 and "larger than" in r.json()["error"]
    assert c.post("/api/batch", content=b"x" * 4000).status_code == 200

    def chunks() -> Any:  # no Content-Length: counted as it streams
        for _ in range(3):
            yield b"x" * 600

    assert c.post("/api/check", content=chunks()).status_code == 413


def test_token_required_beyond_loopback() -> None:
    assert needs_token("0.0.0.0") and needs_token("192.168.1.5") and needs_token("example.org")
    assert not needs_token("127.0.0.1") and not needs_token("localhost") and not needs_token("::1")
    c = stub(REMOTE)
    for path in ("/", "/healthz", "/api/batch/x"):
        r = c.get(path)
        assert r.status_code == 401 and "token" in r.json()["error"]
    assert c.get("/", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/?token=wrong").status_code == 401
    assert c.get("/", headers={"authorization": "Bearer s3cret-token"}).status_code == 200
    assert c.get("/healthz?token=s3cret-token").status_code == 200  # a script
    # A browser: the token moves from the address bar into a strict cookie.
    r = c.get("/?token=s3cret-token&x=1", headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?x=1"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/").status_code == 200  # the client kept the cookie
    fresh = stub(REMOTE)
    assert fresh.get("/", headers={"cookie": "resume_tool_token=s3cret-token"}).status_code == 200
    assert fresh.post("/api/check", content=b"x").status_code == 401


def test_server_folder_is_private_and_removed_on_stop() -> None:
    app = create_app(Config(workers=1))
    with TestClient(app, base_url=BASE) as c:
        root = c.app.app.state.rt.root
        assert stat.S_IMODE(root.stat().st_mode) == 0o700
        assert c.get("/healthz").status_code == 200
    assert not root.exists()


# --------------------------------------------------------------------------- cli
def test_serve_command_is_a_thin_layer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resume_tool import serve
    from resume_tool.cli import cli

    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "Example:" in help_text and "resume-tool serve" in help_text
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(serve, "run", lambda *a, **k: calls.append((a, k)))
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "9000", "--no-open",
                                      "--token", "t", "--workers", "3", "--lists", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert calls == [(("0.0.0.0", 9000), {"open_browser": False, "token": "t", "workers": 3,
                                          "lists": [tmp_path]})]


def test_port_in_use_is_a_one_line_error() -> None:
    import socket

    from resume_tool.errors import InputError
    from resume_tool.serve import check_bindable

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(InputError, match=f"cannot listen on 127.0.0.1:{port}"):
            check_bindable("127.0.0.1", port)


def test_unexpected_errors_are_500_without_details(capsys: pytest.CaptureFixture[str]) -> None:
    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise ValueError("Jane Doe, 555-0100")  # a bug whose message quotes a resume

    c = TestClient(Guard(broken, LOCAL), base_url="http://127.0.0.1:8765", raise_server_exceptions=False)
    r = c.get("/x")
    assert r.status_code == 500 and "Jane" not in r.text
    err = capsys.readouterr().err
    assert "ValueError" in err and "Jane" not in err


def test_real_server_with_a_token_prints_it_and_logs_no_requests(tmp_path: Path) -> None:
    """`resume-tool serve --token T` under uvicorn: the printed URL carries the token, requests
    without it get 401, and no request line (with its query) reaches the output."""
    import socket
    import subprocess
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "resume_tool", "serve", "--port", str(port),
                                 "--no-open", "--workers", "1", "--token", "tok-123"],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2)
                raise AssertionError("answered without the token")
            except urllib.error.HTTPError as err:
                assert err.code == 401
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        req = urllib.request.Request(f"{url}/healthz?token=tok-123&secret-name=Jane")
        with urllib.request.urlopen(req, timeout=10) as r:
            assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(15)
    out = log.read_text()
    assert f"{url}/?token=tok-123" in out.splitlines()[0]
    assert "Jane" not in out and "healthz" not in out and "GET" not in out
