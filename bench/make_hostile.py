"""Build a corpus of hostile and broken inputs, and (optionally) run the CLI on each.

    python bench/make_hostile.py OUTDIR          # build the files
    python bench/make_hostile.py OUTDIR --run    # build, run `resume-tool check` on each, print a table

Every case says what must happen: ``error`` (exit 2, one line on stderr naming the file, no
traceback), ``read`` (exit 0 and a report) or ``either`` (a truncated file that a forgiving
parser may still recover: exit 0 with a report, or exit 2 with a clean error, never a crash).
Building is cheap: the 1 GB zip bomb is written by streaming one compressible block, and the
2,000-page PDF is drawn by reportlab. tests/test_hostile.py builds this corpus into a temp dir.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fixtures import builders  # noqa: E402

CUTS = (0.02, 0.1, 0.25, 0.4, 0.5, 0.75, 0.9, 0.98)  # fractions of the file kept
RANDOM_EXTS = (".pdf", ".docx", ".txt", ".md", ".doc", ".odt", ".rtf", "")
WEIRD_BAD = 'résumé "final"\nv2 ✓ (copy).pdf'  # spaces, quotes, a newline, non-ASCII
WEIRD_GOOD = "Ана Müller 'CV' (1) ✓.docx"


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "error", "read" or "either"
    what: str  # one-line description for the results table
    error: str = ""  # a phrase the error message must contain (when expect == "error")


@dataclass
class Outcome:
    case: Case
    path: Path
    exit: int
    stderr: str
    stdout_bytes: int
    seconds: float  # wall time
    max_rss_mb: float
    cpu_seconds: float | None = None  # the child's own user + system time (from wait4)

    def problems(self) -> list[str]:
        """What is wrong with this outcome, judged against the case's expectation."""
        c = self.case
        out: list[str] = []
        lines = self.stderr.strip().splitlines()
        if "Traceback" in self.stderr:
            out.append("traceback on stderr")
        if "unexpected" in self.stderr:
            out.append("an unexpected exception (a bug) reached the CLI")
        if c.expect == "read" and self.exit != 0:
            out.append(f"exit {self.exit}, expected 0")
        if c.expect == "error" and self.exit != 2:
            out.append(f"exit {self.exit}, expected 2")
        if c.expect == "either" and self.exit not in (0, 2):
            out.append(f"exit {self.exit}, expected 0 or 2")
        if self.exit == 0 and self.stdout_bytes == 0:
            out.append("exit 0 without a report")
        if self.exit == 2:
            if len(lines) != 1:
                out.append(f"{len(lines)} lines on stderr, expected one")
            if not names_file(self.stderr, self.path.name):
                out.append("the error does not name the file")
            if c.error and c.error.lower() not in self.stderr.lower():
                out.append(f"the error does not say {c.error!r}")
        # The bound is on the work a file costs: the child's CPU time, which a busy machine does
        # not inflate; wall time only catches a child that waits instead of working.
        spent = self.seconds if self.cpu_seconds is None else self.cpu_seconds
        if spent >= 10:
            out.append(f"took {spent:.1f} s (limit 10 s)")
        if self.seconds >= 60:
            out.append(f"took {self.seconds:.1f} s of wall time (limit 60 s)")
        if self.max_rss_mb >= 500:
            out.append(f"used {self.max_rss_mb:.0f} MB (limit 500 MB)")
        return out


def names_file(stderr: str, name: str) -> bool:
    """The message names the file, written plainly or with its control characters escaped."""
    variants = {name, name.replace("\n", "\\n"), name.replace("\n", "?"), name.replace("\n", " "),
                name.replace("\n", "")}
    return any(v in stderr for v in variants)


# ------------------------------------------------------------------ hand-made PDFs
def _pdf(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A PDF with the given object bodies (1-based numbers) and a correct xref table."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _content(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_self_reference() -> bytes:
    """A page whose content length and resources point at themselves."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
        b"<< /Length 4 0 R >>\nstream\nBT /F1 12 Tf 72 720 Td (Medical Coder CPC) Tj ET\nendstream",
        b"<< /Font << /F1 6 0 R >> /Self 5 0 R >>",
        _FONT,
    ])  # fmt: skip


def pdf_kids_cycle() -> bytes:
    """A page tree whose Pages nodes are each other's kids (and one is its own kid)."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
        _content("Medical Coder"),
    ])  # fmt: skip


def pdf_object_is_a_reference_to_itself() -> bytes:
    """The catalog's Pages entry is an object whose whole value is a reference to itself."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"])


# ------------------------------------------------------------------ DOCX
def _docx_parts(document_xml: str | bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", builders._CONTENT_TYPES)
        zf.writestr("_rels/.rels", builders._RELS)
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_nested(depth: int = 100_000) -> bytes:
    """document.xml nested ``depth`` elements deep (content controls inside content controls)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'
    return _docx_parts(head + "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
                       + "</w:sdtContent></w:sdt>" * depth + "</w:body></w:document>")


def docx_billion_laughs() -> bytes:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    xml = (f'<?xml version="1.0"?><!DOCTYPE lolz [{ents}]><w:document {_W}><w:body><w:p><w:r>'
           "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    return _docx_parts(xml)


def docx_external_entity() -> bytes:
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f"<w:document {_W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
    return _docx_parts(xml)


def docx_many_parts(n: int = 2100) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", builders._CONTENT_TYPES)
        zf.writestr("_rels/.rels", builders._RELS)
        zf.writestr("word/document.xml", f"<w:document {_W}><w:body/></w:document>")
        for i in range(n):
            zf.writestr(f"word/media/p{i}.bin", b"x")
    return buf.getvalue()


# ------------------------------------------------------------------ the corpus
def good_docx(path: Path) -> Path:
    return builders.build_docx(builders.sample_spec(1), path)


def good_pdf(path: Path) -> Path:
    return builders.build_pdf(builders.sample_spec(2), path)


def build(outdir: Path | None, bomb_bytes: int = 1024**3) -> list[Case]:
    """Write every hostile file into ``outdir`` (None: only list the cases) and return the cases."""
    write = outdir is not None
    if outdir is not None:
        outdir.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    rng = random.Random(7)

    def add(name: str, make: object, expect: str, what: str, error: str = "") -> None:
        """``make`` is bytes, or a function of the target path that writes it."""
        if outdir is not None:
            target = outdir / name
            if callable(make):
                make(target)
            else:
                target.write_bytes(make)  # type: ignore[arg-type]
        cases.append(Case(name, expect, what, error))

    for ext in (".pdf", ".docx", ".txt"):
        add(f"zero-bytes{ext}", b"", "error", f"an empty {ext} file", "empty")
    add("whitespace-only.txt", b" \n\t\n  \r\n", "error", "only whitespace", "empty")

    pdf_bytes = docx_bytes = b""
    if outdir is not None:
        pdf_bytes = good_pdf(outdir / "_source.pdf").read_bytes()
        docx_bytes = good_docx(outdir / "_source.docx").read_bytes()
        (outdir / "_source.pdf").unlink()
        (outdir / "_source.docx").unlink()
    for cut in CUTS:
        add(f"truncated-{int(cut * 100):02d}pct.pdf", pdf_bytes[: int(len(pdf_bytes) * cut)], "either",
            f"a resume PDF cut to {cut:.0%} of its bytes")
        add(f"truncated-{int(cut * 100):02d}pct.docx", docx_bytes[: int(len(docx_bytes) * cut)], "error",
            f"a resume DOCX cut to {cut:.0%} of its bytes", "not a valid")
    for ext in RANDOM_EXTS:
        add(f"random-bytes{ext or '-no-extension'}", rng.randbytes(8192), "error",
            f"8 KB of random bytes named {ext or '(no extension)'}")
    add("zip-bomb-1gb.docx", lambda p: builders.zip_bomb_docx(p, bomb_bytes), "error",
        f"a DOCX whose document.xml inflates to {bomb_bytes >> 20} MB", "unpacks to more than")
    add("zip-bomb-lying-sizes.docx",
        lambda p: builders.lie_about_sizes(builders.zip_bomb_docx(p, 200 * 1024**2), claimed=1000), "error",
        "a 200 MB zip bomb whose headers claim 1,000 bytes (refused as damaged: the CRC check fails first)")
    add("nested-100k.docx", docx_nested() if write else b"", "error", "document.xml nested 100,000 elements deep")
    add("billion-laughs.docx", docx_billion_laughs(), "error", "entity expansion (billion laughs) in document.xml",
        "DOCTYPE")
    add("external-entity.docx", docx_external_entity(), "error", "an external entity (XXE) in document.xml",
        "DOCTYPE")
    add("too-many-parts.docx", docx_many_parts() if write else b"", "error", "a DOCX with 2,103 parts", "parts")
    add("pdf-self-reference.pdf", pdf_self_reference(), "either",
        "objects whose /Length and /Resources refer to themselves")
    add("pdf-kids-cycle.pdf", pdf_kids_cycle(), "either", "a page tree whose Pages nodes are each other's kids")
    add("pdf-object-is-itself.pdf", pdf_object_is_a_reference_to_itself(), "either",
        "the Pages object is a reference to itself (2 0 obj 2 0 R endobj)")
    add("pdf-2000-pages.pdf", lambda p: builders.many_pages_pdf(p, 2000), "error", "a 2,000-page PDF", "pages")
    add("encrypted-user-password.pdf",
        lambda p: builders.build_pdf(builders.sample_spec(0), p, user_password="coder2024"), "error",
        "a PDF that needs a password to open", "password")
    add("password-protected.docx", builders.ole2_bytes("EncryptionInfo", "EncryptedPackage"), "error",
        "an OLE2 container with EncryptionInfo/EncryptedPackage streams (how Word saves with a password)",
        "password")
    add("legacy-word-97.doc", builders.ole2_bytes("WordDocument"), "error", "a Word 97-2003 .doc", ".doc")
    add("picture.pdf", builders._tiny_png(), "error", "a PNG named .pdf", "image")
    add("rtf-named.docx", b"{\\rtf1\\ansi Medical Coder\\par}", "error", "an RTF file named .docx", "RTF")
    add("too-large.txt", b"Medical coder. CPC. ICD-10-CM.\n" * 360_000 if write else b"", "error",
        "an 11 MB text file", "more than")
    add(WEIRD_BAD, b"this is not a PDF at all, just text\n", "error",
        "a broken file named with spaces, quotes, a newline and non-ASCII", "not a valid")
    add(WEIRD_GOOD, good_docx, "read", "a good DOCX named with Cyrillic, quotes and a check mark")
    return cases


# ------------------------------------------------------------------ running the CLI
def cli() -> list[str]:
    exe = Path(sys.executable).with_name("resume-tool")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "resume_tool"]


def run_one(path: Path, case: Case, timeout: float = 60.0) -> Outcome:
    """``resume-tool check FILE --format json`` in a child; wall time and the child's peak RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cli(), "check", str(path), "--format", "json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    rss = _child_rss.get(proc.pid, 0.0)
    return Outcome(case, path, proc.returncode, err.decode("utf-8", "replace"), len(out), seconds, rss,
                   _child_cpu.get(proc.pid))


_child_rss: dict[int, float] = {}
_child_cpu: dict[int, float] = {}


def _install_reaper() -> None:
    """Make Popen reap children with os.wait4 so that each child's own peak RSS is kept."""
    if getattr(subprocess.Popen, "_rt_wait4", False):
        return
    original = subprocess.Popen._try_wait

    def _try_wait(self: subprocess.Popen, wait_flags: int):  # type: ignore[no-untyped-def]
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return original(self, wait_flags)
        if pid:
            _child_rss[pid] = usage.ru_maxrss / 1024  # KB on Linux
            _child_cpu[pid] = usage.ru_utime + usage.ru_stime
        return pid, status

    subprocess.Popen._try_wait = _try_wait  # type: ignore[method-assign]
    subprocess.Popen._rt_wait4 = True  # type: ignore[attr-defined]


def run_all(outdir: Path, cases: list[Case], workers: int = 2, timeout: float = 60.0) -> list[Outcome]:
    """Run the CLI on every case, ``workers`` at a time; a run past ``timeout`` is killed."""
    _install_reaper()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda c: run_one(outdir / c.name, c, timeout), cases))


def table(outcomes: list[Outcome]) -> str:
    rows = ["| file | expected | exit | s | MB | stderr (first 90 chars) | verdict |", "|---|---|---|---|---|---|---|"]
    for o in outcomes:
        msg = o.stderr.strip().replace("\n", " ⏎ ").replace("|", "\\|")[:90]
        verdict = "; ".join(o.problems()) or "ok"
        name = o.case.name.replace("\n", "\\n")
        rows.append(f"| `{name}` | {o.case.expect} | {o.exit} | {o.seconds:.1f} | {o.max_rss_mb:.0f} | {msg} | {verdict} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--run", action="store_true", help="run the CLI on every file and print a table")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    if args.outdir.exists():
        shutil.rmtree(args.outdir)
    t0 = time.perf_counter()
    cases = build(args.outdir)
    size = sum(p.stat().st_size for p in args.outdir.iterdir())
    print(f"built {len(cases)} files ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s into {args.outdir}")
    if not args.run:
        return 0
    outcomes = run_all(args.outdir, cases, args.workers)
    print(table(outcomes))
    bad = [o for o in outcomes if o.problems()]
    print(f"\n{len(outcomes) - len(bad)} of {len(outcomes)} as expected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
