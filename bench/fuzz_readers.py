"""Fuzz the document readers: every input must read, or raise a ResumeToolError subclass.

    python bench/fuzz_readers.py                       # 2,000 mutated inputs per format (pdf, docx, text)
    python bench/fuzz_readers.py --iterations 500 --formats pdf
    python bench/fuzz_readers.py --engine atheris --formats docx --iterations 20000   # coverage-guided

The default engine is a deterministic mutation fuzzer (seeded; the same run finds the same
inputs): starting from real fixture files it applies bit flips, byte overwrites, truncations,
chunk duplication and deletion, insertion of format tokens (``obj``/``R``/``<<``, ``<!DOCTYPE``,
deep nesting) and, for DOCX, corruption *inside* a zip member (the XML is mutated and the
package rebuilt, so the parsers behind the zip layer are reached). Each input goes through
``read_bytes`` and then ``structure`` (what ``parse`` does), under a watchdog alarm.

Anything other than a Document or a ResumeToolError is a crash; an input that runs past the
watchdog is a hang. Each distinct crash (by exception type and innermost frame) is minimized
and written to ``--out`` (default bench/out/fuzz/) as ``<signature>.bin`` with a JSON recipe;
small ones become regression tests in tests/test_hostile.py (tests/hostile_cases/).

``--engine atheris`` runs atheris (libFuzzer) on one format; install it with ``pip install
atheris`` (it is not a project dependency). atheris stops at the first crash.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import signal
import sys
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

from resume_tool.errors import ResumeToolError  # noqa: E402
from resume_tool.limits import Limits  # noqa: E402

LIMITS = Limits(max_seconds=8.0)
WATCHDOG_SECONDS = 15
PDF_TOKENS = [b" obj ", b" endobj ", b" 0 R ", b"<<", b">>", b"[", b"]", b"/Length 99999999 ", b"stream\n",
              b"endstream", b"/Kids [1 0 R]", b"/Type /Pages ", b"/Filter /FlateDecode ", b"%%EOF", b"xref\n",
              b"trailer ", b"/Encrypt 1 0 R ", b"(", b")", b"\\", b"/Count -1 ", b"9999999999 ", b"/W [9 9 9] "]
XML_TOKENS = [b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"<w:p>", b"</w:p>", b"<w:r><w:t>", b"</w:t></w:r>",
              b"<w:tbl><w:tr><w:tc>", b"<w:tab/>", b"<w:br/>", b'w:val="99999"', b"\x00", b"\xff\xfe",
              b"<w:sdt><w:sdtContent>" * 50, b"<w:hyperlink r:id=\"rId999\">", b"<mc:AlternateContent>", b"]]>"]
TEXT_TOKENS = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"\t" * 50, "\u2028".encode(), b"\xc3", b"# ",
               b"- ", "–".encode() * 100, b"March 2021 \xe2\x80\x93 Present", b"ICD-10-CM " * 200]


# ------------------------------------------------------------------ seeds
def seeds() -> dict[str, list[tuple[str, bytes]]]:
    """Real fixture files per format: (name, bytes)."""
    from tests.fixtures import builders

    out: dict[str, list[tuple[str, bytes]]] = {"pdf": [], "docx": [], "text": []}
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        for i, layout in enumerate(builders.PDF_LAYOUTS):
            p = builders.build_pdf(builders.sample_spec(i), t / f"s{i}.pdf", layout)
            out["pdf"].append((p.name, p.read_bytes()))
        for i, layout in enumerate(builders.DOCX_LAYOUTS):
            p = builders.build_docx(builders.sample_spec(i), t / f"s{i}.docx", layout)
            out["docx"].append((p.name, p.read_bytes()))
    fixtures = ROOT / "tests" / "fixtures" / "files"
    lo = fixtures / "coder-one-column-libreoffice.pdf"
    if lo.exists():
        out["pdf"].append((lo.name, lo.read_bytes()))
    for ex in ("resume.pdf", "resume.docx"):
        p = ROOT / "examples" / ex
        if p.exists():
            out["pdf" if ex.endswith("pdf") else "docx"].append((p.name, p.read_bytes()))
    text = (
        "Maria Delgado\nSpringfield, IL | (217) 555-0142 | maria@example.com\n\n# Experience\n"
        "Medical Coder | Riverbend Medical Group | March 2021 – Present\n- Coded 120 E/M visits a day\n"
        "\nSKILLS\nICD-10-CM, CPT, HCPCS Level II, Epic\n"
    )
    out["text"] += [("resume.txt", text.encode()), ("resume-utf16.txt", text.encode("utf-16")),
                    ("resume.md", text.encode())]
    return out


# ------------------------------------------------------------------ mutations
def _flip(rng: random.Random, d: bytearray) -> None:
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(d))
        d[i] ^= 1 << rng.randrange(8)


def _overwrite(rng: random.Random, d: bytearray) -> None:
    for _ in range(rng.randint(1, 16)):
        d[rng.randrange(len(d))] = rng.randrange(256)


def _truncate(rng: random.Random, d: bytearray) -> None:
    if len(d) > 1:
        del d[rng.randrange(1, len(d)):]


def _duplicate(rng: random.Random, d: bytearray) -> None:
    a = rng.randrange(len(d))
    b = min(len(d), a + rng.randint(1, 4096))
    at = rng.randrange(len(d))
    d[at:at] = d[a:b] * rng.randint(1, 4)


def _delete(rng: random.Random, d: bytearray) -> None:
    a = rng.randrange(len(d))
    del d[a:a + rng.randint(1, 2048)]


def _insert(tokens: list[bytes]) -> Callable[[random.Random, bytearray], None]:
    def run(rng: random.Random, d: bytearray) -> None:
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(d) + 1)
            d[at:at] = rng.choice(tokens)
    return run


def _mutate_bytes(rng: random.Random, data: bytes, tokens: list[bytes], rounds: int) -> bytes:
    ops = [_flip, _overwrite, _truncate, _duplicate, _delete, _insert(tokens)]
    d = bytearray(data)
    for _ in range(rounds):
        if not d:
            break
        rng.choice(ops)(rng, d)
    return bytes(d)


_ELEMENT = re.compile(rb"<w:(p|r|tbl|tr|tc|sdt|hyperlink)\b[^>]*>.*?</w:\1>", re.S)
_TEXT = re.compile(rb">([^<>]{1,200})<")
_ATTR = re.compile(rb'(w:(?:val|sz|color|ascii|char|font|basedOn|styleId|numId|ilvl|w|id)=")[^"]*(")')
_RUNS = [
    b'<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>', b"<w:r><w:tab/><w:br/><w:cr/></w:r>",
    b'<w:fldSimple w:instr="HYPERLINK &quot;https://x&quot;"><w:r><w:t>link</w:t></w:r></w:fldSimple>',
    b"<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden CPC</w:t></w:r>",
    b'<w:r><w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="2"/></w:rPr><w:t>tiny</w:t></w:r>',
    b"<w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>", b"<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>",
    b'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/>'
    b"</w:drawing></w:r>",
]
_VALUES = [b"", b"-1", b"0", b"99999999999", b"abc", b"FFFFFF", b"auto", b"\xe2\x80\x93", b"1e309", b"Heading1"]


def _mutate_xml(rng: random.Random, body: bytes) -> bytes:
    """A well-formed-looking edit: duplicate, delete or deeply wrap an element, rewrite text or attributes."""
    op = rng.randrange(6)
    if op == 0 and (m := list(_ELEMENT.finditer(body))):
        e = rng.choice(m)
        return body[: e.end()] + e.group(0) * rng.randint(1, 50) + body[e.end():]
    if op == 1 and (m := list(_ELEMENT.finditer(body))):
        e = rng.choice(m)
        return body[: e.start()] + body[e.end():]
    if op == 2 and (m := [x for x in _ELEMENT.finditer(body) if x.group(1) == b"p"]):
        e = rng.choice(m)
        k = rng.choice((5, 50, 300, 3000))
        wrap = rng.choice(((b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
                           (b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>"),
                           (b'<w:customXml w:element="x">', b"</w:customXml>")))
        return body[: e.start()] + wrap[0] * k + e.group(0) + wrap[1] * k + body[e.end():]
    if op == 3 and (m := list(_TEXT.finditer(body))):
        e = rng.choice(m)
        junk = bytes(rng.choice(b"abc ICD-10 CPC 2021 \xe2\x80\x93/|&amp;#x9;") for _ in range(rng.randint(0, 400)))
        return body[: e.start(1)] + junk + body[e.end(1):]
    if op == 4 and (m := list(_ATTR.finditer(body))):
        for e in rng.sample(m, min(len(m), rng.randint(1, 5)))[::-1]:
            body = body[: e.end(1)] + rng.choice(_VALUES) + body[e.start(2):]
        return body
    if (m := [x for x in re.finditer(rb"<w:p\b[^>]*>", body)]):
        e = rng.choice(m)
        return body[: e.end()] + rng.choice(_RUNS) * rng.randint(1, 20) + body[e.end():]
    return _mutate_bytes(rng, body, XML_TOKENS, 1)


def _mutate_zip_member(rng: random.Random, data: bytes) -> bytes:
    """Rebuild the package with one member (usually document.xml or styles.xml) mutated."""
    src = zipfile.ZipFile(io.BytesIO(data))
    infos = src.infolist()
    names = [i.filename for i in infos]
    xml = [n for n in names if n.endswith((".xml", ".rels"))] or names
    r = rng.random()
    target = "word/document.xml" if r < 0.6 and "word/document.xml" in names else (
        "word/styles.xml" if r < 0.75 and "word/styles.xml" in names else rng.choice(xml))
    structural = rng.random() < 0.75
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            body = src.read(info.filename)
            if info.filename == target:
                for _ in range(rng.choice((1, 1, 2, 4))):
                    body = _mutate_xml(rng, body) if structural else _mutate_bytes(rng, body, XML_TOKENS, 1)
            dst.writestr(info.filename, body)
    return out.getvalue()


_REF = re.compile(rb"(\d+) 0 R")
_NUM = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


def _mutate_pdf(rng: random.Random, data: bytes) -> bytes:
    """Rewrite object references (to make cycles and dangling links) or numbers (sizes, counts, boxes)."""
    if rng.random() < 0.5 and (m := list(_REF.finditer(data))):
        ids = sorted({int(x.group(1)) for x in m})
        for e in rng.sample(m, min(len(m), rng.randint(1, 3)))[::-1]:
            new = str(rng.choice([*ids, 0, 999999])).encode()
            data = data[: e.start(1)] + new + data[e.end(1):]
        return data
    m = list(_NUM.finditer(data))
    if not m:
        return data
    for e in rng.sample(m, min(len(m), rng.randint(1, 6)))[::-1]:
        new = rng.choice([b"0", b"-1", b"0.001", b"99999999", b"1e30", b"-99999", b"3.4e38", b"2147483648"])
        data = data[: e.start()] + new + data[e.end():]
    return data


_OPS = [b"(x) Tj ", b"0 0 m 9 9 l S ", b"q ", b"q Q ", b"1 0 0 1 0 0 cm ", b"0 0 1 1 re f ", b"Q ",
        b"[(a) -1 (b)] TJ ", b"<41> Tj ", b"BT ET ", b"3 Tr ", b"1 Tz ", b"0 0 1 1 re W n ", b"T* ",
        b"(\\(\\)) ' ", b"/F1 1 Tf ", b"\x00", b"<" + b"41" * 64 + b"> Tj ", b"% comment\n", b"[ "]
_BOMB_CACHE: dict[int, bytes] = {}


def _zeros(n: int) -> bytes:
    """zlib of n zero bytes, cached (the fuzzer asks for the same few sizes)."""
    import hostile2

    if n not in _BOMB_CACHE:
        _BOMB_CACHE[n] = hostile2.deflate_zeros(n)
    return _BOMB_CACHE[n]


def _mutate_pdf_streams(rng: random.Random) -> tuple[bytes, str]:
    """A generated PDF aimed at the decoders, font maps and the operator interpreter:
    Flate nested 1-3 deep around zeros or operators, LZW/RunLength/hex filters, ToUnicode
    ranges of random width, operator floods (raw or compressed), hidden-text tricks.
    Every file stays under the 10 MB size limit."""
    import zlib

    import hostile2 as h

    kind = rng.choice(["flate", "flate", "cmap", "ops", "ops", "filters", "hidden"])
    if kind == "flate":
        depth = rng.choice((1, 2, 2, 3))
        size = rng.choice((1, 8, 63, 65, 150, 400)) * 1024 * 1024
        body = _zeros(size) if rng.random() < 0.7 else zlib.compress(
            rng.choice(_OPS) * (min(size, 40 * 1024 * 1024) // 8), 6)
        for _ in range(depth - 1):
            body = zlib.compress(body, 9)
        data = h.page_pdf(body, filters=" ".join(["/FlateDecode"] * depth))
        return data, f"pdf-flate depth={depth} inflated={size >> 20}MB"
    if kind == "cmap":
        lo, hi = sorted(rng.randrange(0, 1 << 32) for _ in range(2))
        width = rng.choice((1, 2, 4))
        mask = (1 << (8 * width)) - 1
        block = rng.choice((b"bfrange", b"cidrange"))
        ranges = b"".join(
            b"<%s> <%s> %s\n" % (f"{(lo + i) & mask:0{2 * width}x}".encode(),
                                  f"{(hi >> rng.randrange(0, 32)) & mask:0{2 * width}x}".encode(),
                                  b"<0041>" if block == b"bfrange" else b"1")
            for i in range(rng.randint(1, 50)))
        cmap = b"begincmap\n1 begin" + block + b"\n" + ranges + b"end" + block + b"\nendcmap\n"
        return h.cmap_pdf(cmap), f"pdf-cmap {block.decode()}"
    if kind == "ops":
        unit = b"".join(rng.choice(_OPS) for _ in range(rng.randint(1, 4)))
        count = rng.choice((1_000, 50_000, 200_000, 2_000_000))
        body = unit * max(1, min(count, 9_800_000 // len(unit)))
        if rng.random() < 0.5:
            return h.page_pdf(zlib.compress(body * 8, 6), filters="/FlateDecode"), f"pdf-ops-flate {unit[:20]!r}"
        return h.page_pdf(b"BT /F1 9 Tf " + body + b" ET"), f"pdf-ops {unit[:20]!r} x{count}"
    if kind == "filters":
        f = rng.choice(("/RunLengthDecode", "/LZWDecode", "/ASCIIHexDecode", "/ASCII85Decode", "/DCTDecode",
                        "/CCITTFaxDecode", "/JBIG2Decode", "/Crypt", "/Bogus"))
        junk = rng.randbytes(rng.choice((16, 4096, 1_000_000)))
        if f == "/RunLengthDecode" and rng.random() < 0.5:
            junk = b"\x81 " * rng.choice((1000, 1_000_000, 3_000_000))
        return h.page_pdf(junk, filters=f), f"pdf-filter {f}"
    trick = rng.choice((*h.HIDDEN_KINDS, *h.VISIBLE_KINDS))
    return h.hidden_text(trick), f"pdf-hidden {trick}"


def mutate(rng: random.Random, fmt: str, seed: bytes) -> tuple[bytes, str]:
    """One mutated input and a short description of how it was made."""
    if fmt == "docx" and rng.random() < 0.7:
        return _mutate_zip_member(rng, seed), "zip-member"
    if fmt == "pdf" and rng.random() < 0.35:
        return _mutate_pdf_streams(rng)
    if fmt == "pdf" and rng.random() < 0.4:
        return _mutate_pdf(rng, seed), "pdf-structure"
    tokens = {"pdf": PDF_TOKENS, "docx": XML_TOKENS, "text": TEXT_TOKENS}[fmt]
    rounds = rng.choice((1, 1, 2, 3, 5))
    return _mutate_bytes(rng, seed, tokens, rounds), f"bytes x{rounds}"


# ------------------------------------------------------------------ running one input
class Hang(Exception):
    pass


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    def fire(signum: int, frame: object) -> None:
        raise Hang(f"no result after {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_input(data: bytes, name: str) -> str | tuple[str, BaseException]:
    """"read", "error:<class>", or ("crash"|"hang", exception)."""
    from resume_tool.read import read_bytes
    from resume_tool.structure import structure

    try:
        with watchdog(WATCHDOG_SECONDS):
            doc = read_bytes(data, name, LIMITS)
            structure(doc)
    except ResumeToolError as err:
        return f"error:{type(err).__name__}"
    except Hang as err:
        return ("hang", err)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:
        return ("crash", err)
    return "read"


def signature(kind: str, err: BaseException) -> str:
    """Exception type and the innermost frame of the traceback (file:function:line)."""
    tb = traceback.extract_tb(err.__traceback__)
    frame = tb[-1] if tb else None
    where = f"{Path(frame.filename).name}:{frame.name}:{frame.lineno}" if frame else "?"
    return f"{kind}:{type(err).__name__}@{where}"


def minimize(data: bytes, name: str, sig: str, budget: int = 300) -> bytes:
    """Shrink ``data`` while it still fails with the same signature (chunk removal, then truncation)."""
    def same(candidate: bytes) -> bool:
        r = run_input(candidate, name)
        return isinstance(r, tuple) and signature(r[0], r[1]) == sig

    best = data
    chunk = max(1, len(best) // 2)
    tries = 0
    while chunk >= 1 and tries < budget:
        i, progressed = 0, False
        while i < len(best) and tries < budget:
            cand = best[:i] + best[i + chunk:]
            tries += 1
            if cand and same(cand):
                best, progressed = cand, True
            else:
                i += chunk
        if not progressed:
            chunk //= 2
    return best


@dataclass
class Report:
    fmt: str
    iterations: int = 0
    outcomes: Counter = field(default_factory=Counter)
    crashes: dict[str, dict[str, object]] = field(default_factory=dict)
    seconds: float = 0.0
    slowest: tuple[float, str, int] = (0.0, "", 0)  # seconds, how it was made, file bytes
    rss_jump: tuple[float, str, int] = (0.0, "", 0)  # MB added to the peak RSS by one input


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fuzz_format(fmt: str, seed_files: list[tuple[str, bytes]], iterations: int, rng_seed: int,
                out: Path, quiet: bool = False) -> Report:
    rep = Report(fmt)
    rng = random.Random(f"{rng_seed}:{fmt}")
    t0 = time.perf_counter()
    for n in range(iterations):
        seed_name, seed = rng.choice(seed_files)
        data, how = mutate(rng, fmt, seed)
        name = f"fuzz-{n}{Path(seed_name).suffix}"
        peak = _peak_mb()
        started = time.perf_counter()
        result = run_input(data, name)
        took = time.perf_counter() - started
        if took > rep.slowest[0]:
            rep.slowest = (took, how, len(data))
        if _peak_mb() - peak > rep.rss_jump[0]:
            rep.rss_jump = (_peak_mb() - peak, how, len(data))
        rep.iterations += 1
        if isinstance(result, str):
            rep.outcomes[result] += 1
            continue
        kind, err = result
        rep.outcomes[kind] += 1
        sig = signature(kind, err)
        if sig in rep.crashes:
            rep.crashes[sig]["count"] = int(rep.crashes[sig]["count"]) + 1  # type: ignore[call-overload]
            continue
        small = data if kind == "hang" else minimize(data, name, sig)
        digest = hashlib.sha256(small).hexdigest()[:12]
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{fmt}-{digest}{Path(seed_name).suffix}.bin").write_bytes(small)
        rep.crashes[sig] = {
            "count": 1, "format": fmt, "seed": seed_name, "iteration": n, "rng_seed": rng_seed,
            "mutation": how, "bytes": len(small), "file": f"{fmt}-{digest}{Path(seed_name).suffix}.bin",
            "error": f"{type(err).__name__}: {str(err)[:300]}",
        }
        if not quiet:
            print(f"  [{fmt} #{n}] {sig}: {type(err).__name__}: {str(err)[:120]}", flush=True)
    rep.seconds = time.perf_counter() - t0
    (out / f"{fmt}-crashes.json").parent.mkdir(parents=True, exist_ok=True)
    (out / f"{fmt}-crashes.json").write_text(json.dumps(rep.crashes, indent=2) + "\n")
    return rep


# ------------------------------------------------------------------ atheris
def run_atheris(fmt: str, iterations: int, out: Path) -> int:
    import atheris  # type: ignore[import-not-found]

    # Import every module the readers use, then instrument all of them (pdfminer and python-docx
    # import their parts lazily, so instrument_imports() alone would miss most of the code).
    import docx  # noqa: F401
    import pdfminer.high_level  # noqa: F401

    import resume_tool.read.docx
    import resume_tool.read.pdf
    import resume_tool.read.text
    import resume_tool.structure  # noqa: F401

    atheris.instrument_all()
    corpus = out / f"atheris-{fmt}"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in seeds()[fmt]:
        (corpus / name).write_bytes(data)
    suffix = {"pdf": ".pdf", "docx": ".docx", "text": ".txt"}[fmt]

    def one(data: bytes) -> None:
        r = run_input(data, f"input{suffix}")
        if isinstance(r, tuple):
            raise r[1]

    atheris.Setup([sys.argv[0], f"-runs={iterations}", f"-artifact_prefix={out}/", "-rss_limit_mb=2048",
                   str(corpus)], one)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--iterations", type=int, default=2000, help="inputs per format [2000]")
    ap.add_argument("--formats", default="pdf,docx,text")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "fuzz")
    ap.add_argument("--engine", choices=("mutate", "atheris"), default="mutate")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if args.engine == "atheris":
        return run_atheris(formats[0], args.iterations, args.out)
    import logging

    logging.disable(logging.WARNING)  # pdfminer warns on every damaged object
    all_seeds = seeds()
    total_crashes = 0
    print(f"{'format':<6} {'inputs':>7} {'read':>6} {'clean errors':>13} {'crashes':>8} {'hangs':>6} {'unique':>7} {'s':>7}")
    for fmt in formats:
        rep = fuzz_format(fmt, all_seeds[fmt], args.iterations, args.seed, args.out, args.quiet)
        errors = sum(v for k, v in rep.outcomes.items() if k.startswith("error:"))
        print(f"{fmt:<6} {rep.iterations:>7} {rep.outcomes['read']:>6} {errors:>13} {rep.outcomes['crash']:>8} "
              f"{rep.outcomes['hang']:>6} {len(rep.crashes):>7} {rep.seconds:>7.0f}", flush=True)
        print(f"    slowest input: {rep.slowest[0]:.1f} s ({rep.slowest[1]}, {rep.slowest[2]:,} bytes); "
              f"largest peak-RSS growth: {rep.rss_jump[0]:.0f} MB ({rep.rss_jump[1]}, {rep.rss_jump[2]:,} bytes); "
              f"peak RSS {_peak_mb():.0f} MB")
        for sig, info in rep.crashes.items():
            print(f"    {sig} x{info['count']}: {info['error'][:150]} -> {info['file']} ({info['bytes']} bytes)")
        total_crashes += len(rep.crashes)
    return 1 if total_crashes else 0


if __name__ == "__main__":
    sys.exit(main())
