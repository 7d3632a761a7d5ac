"""Render the evaluation specs into real files, and derive each file's expected answers.

    python -m tests.eval --build DIR     # write the corpus (files + expected JSON) into DIR

Files: DOCX with python-docx in Word-like layouts (Word heading styles or bold caps, right
tab stops for dates, List Bullet paragraphs, a two-column table, a text box, the contact
block in the page header), PDFs exported from those DOCX by LibreOffice, PDFs drawn by
reportlab (one column, a right-hand column, a left sidebar), a picture-only "scanned" PDF,
and plain text. Beside every file, ``<name>.expected.json`` holds what a careful reader
finds in it, derived from the spec by :func:`expected` (never from the tool's output).

The corpus is cached under the system temp folder, keyed by a hash of the generator's
sources, so a second run (or the test session after ``python -m tests.eval``) reuses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

from tests.fixtures import builders

from .markup import plain
from .model import Expected, Job, ResumeSpec, Section
from .specs import RESUMES

HERE = Path(__file__).resolve().parent
TODAY = date(2025, 6, 15)  # every evaluation runs "on" this day, so findings do not drift
POSTINGS = HERE / "postings"
EXPECTED_DIR = HERE / "expected"

# Finding codes judged completely on every file: raised exactly when the spec says so.
JUDGED_CODES = (
    "no-text", "file-type", "contact-in-header-footer", "missing-contact", "table-layout",
    "text-box", "multi-column", "hidden-text", "nonstandard-heading", "missing-section",
    "not-reverse-chronological", "experience-older-than-10-years", "date-unparsed",
    "date-inconsistent", "no-quantified-results", "length", "keyword-stuffing", "legacy-term",
)  # fmt: skip
# Codes whose findings are judged per subject (Finding.where), not just per code.
SUBJECT_CODES = frozenset(
    {"nonstandard-heading", "missing-section", "date-inconsistent", "legacy-term",
     "acronym-long-form", "credential-variant"}
)  # fmt: skip
# Our word count (visible words, dates, no separators) runs a little under a reader's, which
# also counts "|" and bullets; a resume this close to the 200-word line is not labelled.
LENGTH_AMBIGUOUS = (170, 215)
_REQUIRED_SECTIONS = (("experience", "Experience"), ("education", "Education"), ("skills", "Skills"),
                      ("certifications", "Certifications"))  # fmt: skip


# ------------------------------------------------------------------ expected answers
def _legacy_terms() -> dict[str, str]:
    """id -> term of the vocabulary's legacy entries (list data, read to label legacy-term)."""
    import tomllib

    out: dict[str, str] = {}
    for f in sorted((HERE.parents[1] / "keyword_lists" / "vocabulary").glob("*.toml")):
        for e in tomllib.loads(f.read_text(encoding="utf-8")).get("entry", []):
            if e.get("legacy"):
                out[e["id"]] = e["term"]
    return out


def dates_of(job: Job) -> str:
    if job.dates_text is not None:
        return job.dates_text
    return job.when.render() if job.when else ""


def expected(spec: ResumeSpec, today: date = TODAY) -> Expected:
    """What a careful reader finds in the file made from ``spec``."""
    lab = spec.labels()
    overlap = lab.ids & lab.traps
    if overlap:
        raise ValueError(f"{spec.slug}: ids labelled both found and trap: {sorted(overlap)}")
    scanned = spec.output == "scanned"
    fmt = "text" if spec.output == "txt" else ("docx" if spec.output.startswith("docx") else "pdf")
    p = spec.person
    contact: dict[str, str | None] = (
        {} if scanned else {"name": plain(p.name), "email": p.email, "phone": p.phone, "location": p.city_state}
    )
    sections = [{"heading": plain(s.heading), "kind": s.kind, "standard": s.standard} for s in spec.sections]
    experience = []
    for j in spec.jobs:
        start, end = j.when.expected() if j.when else (None, None)
        experience.append({
            "title": plain(j.title), "employer": plain(j.employer), "start": start, "end": end,
            "date_text": dates_of(j), "problems": j.when.problems(today) if j.when else ["date-unparsed"],
        })  # fmt: skip
    certs = [plain(c) for s in spec.sections if s.kind == "certifications" for c in s.lines]
    findings, notes = _findings(spec, today, lab.ids)
    judged_not = [f for f in spec.must_not]
    return Expected(
        file=spec.filename, format=fmt, output=spec.output, profile=spec.profile, posting=spec.posting,
        scanned=scanned, contact=contact,
        sections=[] if scanned else sections,
        experience=[] if scanned else experience,
        certifications=[] if scanned else certs,
        keywords=[] if scanned else sorted(lab.ids),
        traps=sorted(lab.traps) if not scanned else [],
        findings=sorted(findings), findings_not=sorted(judged_not),
        judged_codes=list(JUDGED_CODES), words=0 if scanned else spec.word_count(),
        notes=notes + ([spec.note] if spec.note else []),
    )


def _findings(spec: ResumeSpec, today: date, ids: frozenset[str]) -> tuple[list[str], list[str]]:
    """Judged finding items ("code" or "code:subject") that must be raised for ``spec``."""
    if spec.output == "scanned":
        return ["no-text"], ["a picture of text: no keyword, contact or section is readable"]
    out: list[str] = list(spec.must)
    notes: list[str] = []
    o = spec.output
    if o == "txt":
        out.append("file-type")
    if o == "docx-header":
        out.append("contact-in-header-footer")  # email and phone exist, only in the header
    if not (spec.person.email and spec.person.phone):
        out.append("missing-contact")
    if o == "docx-table":
        out.append("table-layout")
    if o == "docx-textbox":
        out.append("text-box")
    if o in ("pdf-2col", "pdf-sidebar"):
        out.append("multi-column")
    if spec.hidden:
        out.append("hidden-text")
    kinds = {s.kind for s in spec.sections}
    for s in spec.sections:
        if not s.standard:
            out.append(f"nonstandard-heading:{plain(s.heading)}")
    for kind, name in _REQUIRED_SECTIONS:
        if kind not in kinds:
            out.append(f"missing-section:{name}")
    dated = [j for j in spec.jobs if j.when]
    keys = [j.when.sort_key() for j in dated if j.when]
    if any(keys[i] > keys[i - 1] for i in range(1, len(keys))):
        out.append("not-reverse-chronological")
    cutoff = (today.year - 10, today.month)
    if any(j.when and j.when.end != "present" and j.when.sort_key()[0] < cutoff and j.bullets for j in dated):
        out.append("experience-older-than-10-years")
    if any(not j.when for j in spec.jobs):
        out.append("date-unparsed")
    for j in dated:
        if j.when and j.when.problems(today):
            out.append(f"date-inconsistent:{dates_of(j)}")
    families = {j.when.family for j in dated if j.when} - {"year"}
    if {"words", "numbers"} <= families:
        out.append("date-inconsistent:experience dates")
    bullets = [b for j in spec.jobs for b in j.bullets]
    if bullets and not any("{#q" in b or ",#q" in b for b in bullets):
        out.append("no-quantified-results")
    words = spec.word_count()
    if LENGTH_AMBIGUOUS[0] <= words <= LENGTH_AMBIGUOUS[1]:
        raise ValueError(f"{spec.slug}: {words} words is too close to the 200-word line to label; "
                         "add or remove content")
    if words < 200 or words > 1200:
        out.append("length")
        notes.append(f"{words} words")
    legacy = _legacy_terms()
    out += [f"legacy-term:{legacy[i]}" for i in sorted(ids) if i in legacy]
    return sorted(set(out)), notes


# ------------------------------------------------------------------ DOCX
def _heading_docx(container, text: str, style: str) -> None:  # type: ignore[no-untyped-def]
    if style == "heading1":
        container.add_paragraph(text, style="Heading 1")
        return
    p = container.add_paragraph()
    r = p.add_run(text.upper() if style == "boldcaps" else text)
    r.bold = True


def _job_docx(container, job: Job, header: str, right_tab: float) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches

    title, employer, where, dates = plain(job.title), plain(job.employer), plain(job.location), dates_of(job)
    if header == "pipe":
        p = container.add_paragraph()
        p.add_run(title).bold = True
        p.add_run(" | " + " | ".join(x for x in (employer, where, dates) if x))
    elif header == "stacked":
        container.add_paragraph().add_run(title).bold = True
        container.add_paragraph(f"{employer}, {where}")
        if dates:
            container.add_paragraph(dates)
    else:  # tab
        p = container.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Inches(right_tab), WD_TAB_ALIGNMENT.RIGHT)
        p.add_run(f"{title}, {employer}").bold = True
        if dates:
            p.add_run(f"\t{dates}")
        container.add_paragraph(where)
    for b in job.bullets:
        container.add_paragraph(plain(b), style="List Bullet")


def _section_docx(container, spec: ResumeSpec, s: Section, right_tab: float, textbox: bool = False) -> None:  # type: ignore[no-untyped-def]
    _heading_docx(container, plain(s.heading), spec.heading_style)
    if s.kind == "experience":
        for j in s.jobs:
            _job_docx(container, j, spec.job_header, right_tab)
        return
    if s.kind == "education":
        for sc in s.schools:
            container.add_paragraph(plain(sc.line) + (f", {sc.year}" if sc.year else ""))
        return
    if textbox and s.kind == "skills":
        builders._add_textbox(container.add_paragraph(), [plain(x) for x in s.lines])
        return
    many = len(s.lines) > 1
    for line in s.lines:
        if s.kind in ("skills", "certifications") and (s.bullets or many):
            container.add_paragraph(plain(line), style="List Bullet")
        else:
            container.add_paragraph(plain(line))


def _contact_docx(document, spec: ResumeSpec) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = spec.person
    name = document.add_paragraph()
    r = name.add_run(plain(p.name))
    r.bold = True
    r.font.size = Pt(20)
    paras = [name]
    if spec.headline:
        paras.append(document.add_paragraph(plain(spec.headline)))
    line = document.add_paragraph(f"{plain(p.location)} | {p.phone} | {p.email}")
    if p.linkedin:
        line.add_run(" | ")
        builders._add_hyperlink(line, p.linkedin, p.linkedin.replace("https://www.", ""))
    paras.append(line)
    for q in paras:
        q.alignment = WD_ALIGN_PARAGRAPH.CENTER


def write_docx(spec: ResumeSpec, path: Path) -> Path:
    """The spec as a Word document in the layout ``spec.output`` names."""
    import docx
    from docx.shared import Inches, Pt, RGBColor

    document = docx.Document()
    for sec in document.sections:
        sec.left_margin = sec.right_margin = Inches(0.75)
    layout = spec.output if spec.output.startswith("docx") else "docx"
    p = spec.person
    if layout == "docx-header":
        header = document.sections[0].header
        header.paragraphs[0].text = plain(p.name)
        header.add_paragraph(f"{p.phone} | {p.email} | {plain(p.location)}")
        document.sections[0].footer.paragraphs[0].text = plain(p.name)
        if spec.headline:
            document.add_paragraph(plain(spec.headline))
    else:
        _contact_docx(document, spec)
    if layout == "docx-table":
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.width, right.width = Inches(2.3), Inches(4.7)
        side = [s for s in spec.sections if s.kind in ("skills", "certifications")]
        main = [s for s in spec.sections if s not in side]
        left._tc.remove(left.paragraphs[0]._p)
        right._tc.remove(right.paragraphs[0]._p)
        for s in side:
            _section_docx(left, spec, s, 2.1)
        for s in main:
            _section_docx(right, spec, s, 4.5)
    else:
        for s in spec.sections:
            _section_docx(document, spec, s, 7.0, textbox=layout == "docx-textbox")
    if spec.hidden:
        run = document.add_paragraph().add_run(plain(spec.hidden))
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        run.font.size = Pt(10)
    document.save(str(path))
    return path


# ------------------------------------------------------------------ PDF (reportlab)
def write_pdf(spec: ResumeSpec, path: Path, layout: str | None = None) -> Path:
    """The spec drawn by reportlab: one column, a right-hand column, or a left sidebar."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Table,
        TableStyle,
    )

    layout = layout or spec.output
    name_st = ParagraphStyle("name", fontName="Helvetica-Bold", fontSize=19, leading=23)
    head_st = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceBefore=7)
    body_st = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12.5)
    small_st = ParagraphStyle("small", fontName="Helvetica", fontSize=9, leading=11.5)
    bullet_st = ParagraphStyle("bullet", parent=body_st, leftIndent=13, bulletIndent=3)
    bold_st = ParagraphStyle("bold", parent=body_st, fontName="Helvetica-Bold")
    date_st = ParagraphStyle("date", parent=body_st, alignment=2)

    def P(text: str, st: ParagraphStyle = body_st, **kw: str) -> Paragraph:
        return Paragraph(escape(text), st, **kw)

    def heading(s: Section) -> Paragraph:
        text = plain(s.heading)
        return P(text.upper() if spec.heading_style in ("caps", "boldcaps", "heading1") else text, head_st)

    def job_flow(job: Job, width: float) -> list:  # type: ignore[type-arg]
        out: list = []  # type: ignore[type-arg]
        title, employer, where, dates = plain(job.title), plain(job.employer), plain(job.location), dates_of(job)
        if spec.job_header == "pipe":
            out.append(P(" | ".join(x for x in (title, employer, where, dates) if x), bold_st))
        elif spec.job_header == "stacked":
            out += [P(title, bold_st), P(f"{employer}, {where}")] + ([P(dates)] if dates else [])
        else:
            t = Table([[P(f"{title}, {employer}", bold_st), P(dates, date_st)]], colWidths=[width - 2.0 * inch, 2.0 * inch])
            t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
            out += [t, P(where)]
        out += [P(plain(b), bullet_st, bulletText="•") for b in job.bullets]
        return out

    def section_flow(s: Section, width: float, narrow: bool = False) -> list:  # type: ignore[type-arg]
        out: list = [heading(s)]  # type: ignore[type-arg]
        st = small_st if narrow else body_st
        if s.kind == "experience":
            for j in s.jobs:
                out += job_flow(j, width)
        elif s.kind == "education":
            out += [P(plain(sc.line) + (f", {sc.year}" if sc.year else ""), st) for sc in s.schools]
        elif s.kind in ("skills", "certifications") and (narrow or len(s.lines) > 1 or s.bullets):
            out += [P(plain(x), ParagraphStyle("b2", parent=st, leftIndent=10, bulletIndent=1), bulletText="•")
                    for x in s.lines]
        else:
            out += [P(plain(x), st) for x in s.lines]
        return out

    p = spec.person
    contact_bits = [plain(p.location), p.phone, p.email] + ([p.linkedin.replace("https://www.", "")] if p.linkedin else [])
    page_w, page_h = letter
    margin = 0.6 * inch
    doc = BaseDocTemplate(str(path), pagesize=letter, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, title=f"{plain(p.name)} resume", author=plain(p.name), invariant=1)
    story: list = []  # type: ignore[type-arg]
    top = [P(plain(p.name), name_st)] + ([P(plain(spec.headline))] if spec.headline else [])
    side_kinds = ("skills", "certifications")
    if layout in ("pdf", "scanned"):
        width = page_w - 2 * margin
        doc.addPageTemplates([PageTemplate("one", [Frame(margin, margin, width, page_h - 2 * margin)])])
        story += [*top, P(" | ".join(contact_bits))]
        for s in spec.sections:
            story += section_flow(s, width)
    elif layout == "pdf-2col":
        top_h, right_w, gutter = 1.05 * inch, 2.1 * inch, 0.3 * inch
        main_w = page_w - 2 * margin - right_w - gutter
        col_h = page_h - 2 * margin - top_h
        doc.addPageTemplates([PageTemplate("two", [
            Frame(margin, page_h - margin - top_h, page_w - 2 * margin, top_h, id="top"),
            Frame(margin, margin, main_w, col_h, id="main"),
            Frame(margin + main_w + gutter, margin, right_w, col_h, id="right"),
        ])])  # fmt: skip
        story += [*top, P(" | ".join(contact_bits)), FrameBreak()]
        for s in spec.sections:
            if s.kind not in side_kinds:
                story += section_flow(s, main_w)
        story.append(FrameBreak())
        for s in spec.sections:
            if s.kind in side_kinds:
                story += section_flow(s, right_w, narrow=True)
    else:  # pdf-sidebar
        top_h, side_w, gutter = 0.9 * inch, 2.0 * inch, 0.3 * inch
        main_w = page_w - 2 * margin - side_w - gutter
        col_h = page_h - 2 * margin - top_h
        doc.addPageTemplates([PageTemplate("side", [
            Frame(margin, page_h - margin - top_h, page_w - 2 * margin, top_h, id="top"),
            Frame(margin, margin, side_w, col_h, id="side"),
            Frame(margin + side_w + gutter, margin, main_w, col_h, id="main"),
        ])])  # fmt: skip
        story += [*top, FrameBreak(), P("CONTACT", head_st)] + [P(x, small_st) for x in contact_bits]
        for s in spec.sections:
            if s.kind in side_kinds:
                story += section_flow(s, side_w, narrow=True)
        story.append(FrameBreak())
        for s in spec.sections:
            if s.kind not in side_kinds:
                story += section_flow(s, main_w)
    doc.build(story)
    return path


# ------------------------------------------------------------------ text
def write_txt(spec: ResumeSpec, path: Path) -> Path:
    p = spec.person
    out = [plain(p.name)]
    if spec.headline:
        out.append(plain(spec.headline))
    out.append(" | ".join([plain(p.location), p.phone, p.email] + ([p.linkedin] if p.linkedin else [])))
    for s in spec.sections:
        out += ["", plain(s.heading).upper() if spec.heading_style == "caps" else plain(s.heading)]
        if s.kind == "experience":
            for j in s.jobs:
                title, employer, where, dates = plain(j.title), plain(j.employer), plain(j.location), dates_of(j)
                if spec.job_header == "stacked":
                    out += [title, f"{employer}, {where}"] + ([dates] if dates else [])
                else:
                    out.append(" | ".join(x for x in (title, employer, where, dates) if x))
                out += [f"- {plain(b)}" for b in j.bullets]
                out.append("")
        elif s.kind == "education":
            out += [plain(sc.line) + (f", {sc.year}" if sc.year else "") for sc in s.schools]
        elif s.kind == "certifications" or s.bullets:
            out += [f"- {plain(x)}" for x in s.lines]
        else:
            out += [plain(x) for x in s.lines]
    path.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ the corpus
def _sources_hash() -> str:
    h = hashlib.sha256()
    vocab = sorted((HERE.parents[1] / "keyword_lists" / "vocabulary").glob("*.toml"))
    for f in sorted([*HERE.glob("*.py"), HERE.parent / "fixtures" / "builders.py"]) + vocab:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def convert_with_libreoffice(docs: list[Path], outdir: Path, work: Path) -> None:
    exe = libreoffice()
    if not exe or not docs:
        return
    profile = work / "lo-profile"
    subprocess.run(
        [exe, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, docs)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip


def write_spec(spec: ResumeSpec, target: Path, work: Path, libreoffice_pdf: bool = True) -> Path | None:
    """Write ``spec``'s file to ``target`` in its output kind. An "lo-pdf" spec is written as
    a DOCX in ``work`` and returned, for ``convert_with_libreoffice`` to turn into ``target``
    in one batch; without ``libreoffice_pdf`` it is drawn as a PDF directly instead."""
    o = spec.output
    if o.startswith("docx"):
        write_docx(spec, target)
    elif o == "lo-pdf" and libreoffice_pdf:
        return write_docx(spec, work / f"{spec.slug}.docx")
    elif o == "lo-pdf":
        write_pdf(spec, target, layout="pdf")
    elif o in ("pdf", "pdf-2col", "pdf-sidebar"):
        write_pdf(spec, target)
    elif o == "scanned":
        source = write_pdf(spec, work / f"{spec.slug}-source.pdf", layout="pdf")
        builders.image_only_pdf(target, source_pdf=source if shutil.which("pdftoppm") else None)
    elif o == "txt":
        write_txt(spec, target)
    else:
        raise ValueError(f"{spec.slug}: unknown output {o!r}")
    return None


def build(outdir: Path, specs: tuple[ResumeSpec, ...] = RESUMES) -> list[Path]:
    """Write every spec's file and ``<file>.expected.json`` into ``outdir``; return the files."""
    outdir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="resume-eval-") as tmp:
        work = Path(tmp)
        lo_sources: list[Path] = []
        for spec in specs:
            docx = write_spec(spec, outdir / spec.filename, work)
            if docx is not None:
                lo_sources.append(docx)
        convert_with_libreoffice(lo_sources, outdir, work)
        for spec in specs:
            target = outdir / spec.filename
            if not target.exists():
                continue  # LibreOffice missing: the evaluation reports these as not built
            exp = expected(spec)
            (outdir / f"{spec.filename}.expected.json").write_text(
                json.dumps(asdict(exp), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            made.append(target)
    return made


def corpus_dir() -> Path:
    """The cached corpus for the current sources, built on first use (safe across processes)."""
    root = Path(os.environ.get("RESUME_TOOL_EVAL_CACHE") or Path(tempfile.gettempdir()) / "resume-tool-eval")
    final = root / _sources_hash()
    if (final / "DONE").exists():
        return final
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="building-", dir=root))
    try:
        build(staging)
        (staging / "DONE").write_text("ok\n")
        try:
            staging.rename(final)
        except OSError:  # another process finished first
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def write_expected(dest: Path = EXPECTED_DIR) -> list[Path]:
    """Write the committed copies of the expected answers (reviewable in git)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for spec in RESUMES:
        path = dest / f"{spec.slug}.json"
        path.write_text(json.dumps(asdict(expected(spec)), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        out.append(path)
    return out
