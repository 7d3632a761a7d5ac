"""Issue 15, hostile files round two: every case generated here, run in a child process.

Each PDF case goes through ``resume-tool check`` in its own process (bench/make_hostile.run_one:
exit code, stderr, wall time and the child's own peak RSS from wait4) and must end within
10 s and 500 MB with exit 2 and one line naming the file and the limit; the bombs are small
on disk (KB) or at the 10 MB size limit. Invisible-text, text, posting, character and DOCX
guard cases run in-process (they are fast and bounded by the same readers).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile2 as H
from make_hostile import Case, cli, run_all

from resume_tool.errors import InputError, LimitExceeded
from resume_tool.read import read_bytes

MB = 1024 * 1024

# name -> (bytes maker, phrase the one-line error must contain)
PDF_CASES = {
    "flate-twice.pdf": (lambda: H.flate_twice(200 * MB), "decoded bytes per stream"),
    "objstm-flate-twice.pdf": (lambda: H.objstm_bomb(200 * MB), "decoded bytes per stream"),
    "runlength-bomb.pdf": (lambda: H.runlength_bomb(100 * MB), "decoded bytes per stream"),
    "streams-over-file-cap.pdf": (lambda: H.flate_many_streams(60 * MB, 3), "limit:"),
    "cmap-range-0-ffffffff.pdf": (H.cmap_range_bomb, "font-map entries"),
    "tj-flood-9.9mb.pdf": (H.tj_flood, "characters per page"),
    "path-flood-9.9mb.pdf": (H.path_flood, "paths per page"),
    "q-flood-9.9mb.pdf": (H.q_flood, "nested graphics states"),
    "compressed-operator-flood.pdf": (lambda: H.compressed_operator_flood(60 * MB), "operators per page"),
}


@pytest.fixture(scope="module")
def pdf_outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("hostile2")
    cases = []
    for name, (make, phrase) in PDF_CASES.items():
        (folder / name).write_bytes(make())
        cases.append(Case(name, "error", name, phrase))
    return {o.case.name: o for o in run_all(folder, cases, workers=2, timeout=30.0)}


@pytest.mark.parametrize("name", sorted(PDF_CASES))
def test_pdf_budget_breach_is_one_line_exit_2_in_bounds(name: str, pdf_outcomes: dict) -> None:
    """Exit 2, one line naming the file and the limit, < 10 s, < 500 MB (Outcome.problems)."""
    o = pdf_outcomes[name]
    assert not o.problems(), f"{name}: {o.problems()}; {o.seconds:.1f} s, {o.max_rss_mb:.0f} MB; {o.stderr!r}"
    assert o.path.stat().st_size <= 10 * MB


def test_white_text_over_many_shapes_is_fast_and_reported() -> None:
    t = time.perf_counter()
    doc = read_bytes(H.white_text_over_rects(9_000), "white.pdf")
    assert time.perf_counter() - t < 10
    (hidden,) = doc.observed("hidden-text")
    assert "white text" in hidden.detail


@pytest.mark.parametrize("kind", H.HIDDEN_KINDS)
def test_invisible_pdf_text_is_reported_and_not_credited(kind: str) -> None:
    doc = read_bytes(H.hidden_text(kind), f"{kind}.pdf")
    (hidden,) = doc.observed("hidden-text")
    assert "not counted as keywords" in hidden.detail
    assert hidden.sample == H.HIDDEN
    assert "RHIA" not in doc.text and "CDIP" not in doc.text
    assert "CPC credential" in doc.text


@pytest.mark.parametrize("kind", H.VISIBLE_KINDS)
def test_see_through_box_and_ocr_layer_are_not_hidden(kind: str) -> None:
    doc = read_bytes(H.hidden_text(kind), f"{kind}.pdf")
    assert not doc.observed("hidden-text")
    assert "RHIA CDIP" in doc.text


def test_a_budget_breach_names_the_limit_in_process() -> None:
    with pytest.raises(LimitExceeded, match="font-map entries") as err:
        read_bytes(H.cmap_range_bomb(), "cmap.pdf")
    assert str(err.value).startswith("cmap.pdf: ")


# ------------------------------------------------------------------ text
def test_ten_mb_single_line_is_split_and_bounded() -> None:
    data = ("CPC ICD-10-CM " * 700_000).encode()[: 10 * MB - 10]
    t = time.perf_counter()
    doc = read_bytes(data, "one-line.txt")
    assert time.perf_counter() - t < 10
    assert max(len(ln.text) for ln in doc.lines) <= 5_000
    assert sum(len(ln.text) for ln in doc.lines) <= 200_000 + 5_000


def test_markdown_heading_on_non_breaking_spaces_is_linear() -> None:
    data = ("# Experience" + "\u00a0" * 100_000 + "x\n**a" * 2000 + "\n").encode()
    t = time.perf_counter()
    doc = read_bytes(data, "nbsp.md")
    assert time.perf_counter() - t < 5
    assert doc.lines[0].text.startswith("Experience") and doc.lines[0].style == "Heading"


def test_markdown_heading_and_bold_still_read() -> None:
    doc = read_bytes(b"## Skills ##\n**Certified Professional Coder**\nuses **CPT** daily\n", "r.md")
    assert [(ln.text, ln.style, ln.bold) for ln in doc.lines] == [
        ("Skills", "Heading", False),
        ("Certified Professional Coder", None, True),
        ("uses CPT daily", None, False),
    ]


# ------------------------------------------------------------------ postings
def _run(args: list[str], stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([*cli(), *args], input=stdin, capture_output=True, timeout=timeout)


def test_posting_from_dev_zero_is_refused() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    from resume_tool.keywords.posting import read_posting

    with pytest.raises(InputError, match="larger than 10 MB"):
        read_posting("/dev/zero")


def test_posting_from_a_named_pipe_is_bounded(tmp_path: Path) -> None:
    from resume_tool.keywords.posting import read_posting

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    stop = threading.Event()

    def writer() -> None:
        with open(fifo, "wb") as fh:
            try:
                while not stop.is_set():
                    fh.write(b"CPC required. " * 4096)
            except BrokenPipeError:
                pass

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    with pytest.raises(InputError, match="larger than 10 MB"):
        read_posting(fifo)
    stop.set()


def test_invalid_utf8_on_stdin_is_decoded_like_a_text_file() -> None:
    r = _run(["keywords", "-", "--posting", "--format", "json"],
             stdin=b"Coder wanted: CPC required, ICD-10-CM \xff\xfe\x80 preferred.\n")
    assert r.returncode == 0, r.stderr
    assert b"unexpected" not in r.stderr
    assert b'"CPC"' in r.stdout or b"CPC" in r.stdout


def test_file_names_are_escaped_in_messages(tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b[31m\nname.pdf"
    name.write_bytes(b"not a pdf at all, just text\n")
    r = _run(["check", str(name)])
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "\x1b" not in err and err.count("\n") == 1
    assert "\\x1b[31m\\nname.pdf" in err


# ------------------------------------------------------------------ characters
def test_lone_surrogate_is_replaced_at_read() -> None:
    from resume_tool.read import normalize_text

    assert normalize_text("CPC\ud800 coder") == "CPC\ufffd coder"
    "".join(normalize_text("a\udfffb")).encode("utf-8")  # no UnicodeEncodeError


def test_confusable_and_invisible_characters_inside_keywords_are_reported() -> None:
    from resume_tool.analyze.findings import check_confusable_characters
    from resume_tool.structure import structure

    text = "Jane Doe\nCredentials: СРС (Cyrillic), C\u202ePC, C\U000e0041PC\nMoscow office: Москва\n"
    (f,) = check_confusable_characters(structure(read_bytes(text.encode(), "r.txt")))
    assert f.code == "confusable-characters"
    assert '"CPC" contains a Cyrillic letter' in f.message
    assert "U+202E" in f.message and "U+E0041" in f.message
    assert "an ATS will not match it" in f.message
    assert "MOCKBA" not in f.message  # an ordinary Russian word is not a keyword in disguise
    assert not check_confusable_characters(structure(read_bytes(b"Jane Doe\nCPC, Zo\xc3\xab", "ok.txt")))


# ------------------------------------------------------------------ DOCX guard
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_doctype_in_any_encoding_is_refused(encoding: str) -> None:
    with pytest.raises(InputError, match="DOCTYPE"):
        read_bytes(H.doctype_in(encoding), "x.docx")


def test_doctype_in_a_part_not_named_xml_is_refused() -> None:
    part = '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE x><x/>'.encode("utf-32")
    with pytest.raises(InputError, match=r"word/header1\.dat"):
        read_bytes(H.docx({"word/header1.dat": part}), "x.docx")


def test_ten_mb_single_line_resume_is_checked_within_bounds(tmp_path: Path) -> None:
    """The whole ``check`` (not only the read) on a 10 MB one-line text file: it used to take
    2.2 GB and the 120-s alarm; now the line is split and 200,000 characters are kept."""
    from make_hostile import _install_reaper, run_one

    _install_reaper()
    p = tmp_path / "one-line.txt"
    p.write_bytes(("CPC ICD-10-CM coder " * 600_000).encode()[: 10 * MB - 10])
    o = run_one(p, Case(p.name, "read", "10 MB single line"), timeout=60)
    assert o.exit == 0 and o.stdout_bytes > 0, o.stderr
    assert o.cpu_seconds is not None and o.cpu_seconds < 10, (o.cpu_seconds, o.seconds)
    assert 0 < o.max_rss_mb < 500, o.max_rss_mb
