"""``python -m tests.eval --writing``: the writing stage against hand labels of real lines.

The labels (tests/eval/writing_labels.toml) are bullets and summary sentences of the real
corpus files with the codes a careful reviewer gives them, made by reading before the rules
were written. This prints precision and recall per code and every disagreement, and checks
that no keyword-list form or curated medical, coding or payer term is ever flagged as a
misspelling.
"""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LABELS = Path(__file__).with_name("writing_labels.toml")
SPELLING_FILES = Path(__file__).with_name("writing_spelling.toml")
# Labelled blind: the 30 real postings, read for misspellings by a person who had not seen the
# spelling rules' output. Held out for the first run of writing-4 only: two gaps it showed
# ("annum", file names such as "descripcion.md") were then fixed, so it is no longer held out.
SPELLING_POSTINGS = Path(__file__).with_name("writing_spelling_postings.toml")
# Held out: 24 real resume files no other label file uses, read whole by a person before any
# spelling tool ran on them (after writing-4 was written); ``twin_of`` marks a file whose same
# resume, in another format, is among the tuning labels.
SPELLING_HELDOUT = Path(__file__).with_name("writing_spelling_heldout.toml")
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
_WORD = re.compile(r"[A-Za-z]+")
LINE_CODES = (
    "weak-opener", "no-action-verb", "no-result", "passive-voice", "first-person", "long-bullet",
    "repeated-verb", "tense", "filler", "duplicate-text", "spelling",
)
PRECISION_TARGET = {"spelling": 0.95}
PRECISION_DEFAULT = 0.90
RECALL_TARGET = 0.80


@dataclass
class CodeFigures:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Figures:
    items: int = 0
    files: int = 0
    codes: dict[str, CodeFigures] = field(default_factory=dict)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, code, file, text
    terms_checked: int = 0
    terms_flagged: list[str] = field(default_factory=list)
    skills_files: int = 0  # files read for skills-order (0 when ../shared/corpus is absent)
    spelling_files: CodeFigures | None = None  # whole files of writing_spelling.toml
    spelling_file_count: int = 0
    held_out: CodeFigures | None = None  # the postings of writing_spelling_postings.toml
    held_out_kinds: dict[str, list[int]] = field(default_factory=lambda: {"non-word": [0, 0], "real-word": [0, 0]})
    held_out_glued: list[int] = field(default_factory=lambda: [0, 0])  # camelCase run-togethers: found, labelled
    # held-out resumes: all, fresh (no twin in the tuning labels), and the reader's faults
    resumes_held: CodeFigures | None = None
    resumes_fresh: CodeFigures | None = None
    resumes_kinds: dict[str, list[int]] = field(default_factory=lambda: {"non-word": [0, 0], "real-word": [0, 0]})
    reader_faults: list[int] = field(default_factory=lambda: [0, 0])  # lost_letters: still in the text, labelled
    # labelled misspellings by kind ("non-word", "real-word"): [found, labelled], lines and files
    spelling_kinds: dict[str, list[int]] = field(default_factory=lambda: {"non-word": [0, 0], "real-word": [0, 0]})

    def below_target(self) -> list[str]:
        out = []
        for code, f in self.codes.items():
            p_target = PRECISION_TARGET.get(code, PRECISION_DEFAULT)
            if f.precision < p_target:
                out.append(f"{code} precision {f.precision:.2f} < {p_target:.2f}")
            if f.recall < RECALL_TARGET:
                out.append(f"{code} recall {f.recall:.2f} < {RECALL_TARGET:.2f}")
        sf = self.spelling_files
        if sf is not None:
            if sf.precision < PRECISION_TARGET["spelling"]:
                out.append(f"spelling (whole files) precision {sf.precision:.2f} < {PRECISION_TARGET['spelling']:.2f}")
            if sf.recall < RECALL_TARGET:
                out.append(f"spelling (whole files) recall {sf.recall:.2f} < {RECALL_TARGET:.2f}")
        if self.terms_flagged:
            out.append(f"{len(self.terms_flagged)} domain terms flagged as misspelt")
        return out


def load_labels(path: Path = LABELS) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["item"]


def run(path: Path = LABELS) -> Figures:
    from resume_tool.writing import Line, line_notes, load_writing_lists
    from resume_tool.writing.review import speller_for

    lists = load_writing_lists()
    speller = speller_for(lists)
    items = load_labels(path)
    by_file: dict[str, list[dict]] = {}
    for it in items:
        by_file.setdefault(it["file"], []).append(it)
    fig = Figures(items=len(items), files=len(by_file), codes={c: CodeFigures() for c in LINE_CODES})
    for name, rows in by_file.items():
        lines = [Line(r["text"], r["role"], r["context"]) for r in rows]
        notes = line_notes(lines, lists, speller)
        for r, ns in zip(rows, notes, strict=True):
            got = {c for c, _ in ns} & set(LINE_CODES)
            want = set(r["codes"])
            if "spelling" in want:
                tally = fig.spelling_kinds[r.get("spelling_kind", "non-word")]
                tally[0] += "spelling" in got
                tally[1] += 1
            for code in LINE_CODES:
                f = fig.codes[code]
                if code in got and code in want:
                    f.tp += 1
                elif code in got:
                    f.fp += 1
                    fig.misses.append(("wrong", code, name, r["text"]))
                elif code in want:
                    f.fn += 1
                    fig.misses.append(("missed", code, name, r["text"]))
    if CORPUS.is_dir() and tomllib.loads(path.read_text(encoding="utf-8")).get("skills_order"):
        fig.codes["skills-order"] = run_skills_order(fig, path)
    if path == LABELS and CORPUS.is_dir():
        fig.spelling_files, fig.spelling_file_count = run_spelling_files(fig, speller)
        fig.held_out = run_spelling_postings(fig, speller)
        fig.resumes_held, fig.resumes_fresh = run_spelling_heldout(fig, speller)
    terms = domain_terms()
    fig.terms_checked = len(terms)
    fig.terms_flagged = [t for t in terms if speller.check(t)]
    return fig


def run_skills_order(fig: Figures, path: Path = LABELS) -> CodeFigures:
    """skills-order per file: read and structure the real file, then review it whole."""
    from resume_tool.api import parse
    from resume_tool.writing import review_writing

    f = CodeFigures()
    rows = tomllib.loads(path.read_text(encoding="utf-8")).get("skills_order", [])
    for row in rows:
        review = review_writing(parse(CORPUS / row["file"]))
        got = any(x.code == "skills-order" for x in review.findings)
        fig.skills_files += 1
        if got and row["soft_first"]:
            f.tp += 1
        elif got:
            f.fp += 1
            fig.misses.append(("wrong", "skills-order", row["file"], "(skills section)"))
        elif row["soft_first"]:
            f.fn += 1
            fig.misses.append(("missed", "skills-order", row["file"], "(skills section)"))
    return f


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def run_spelling_files(fig: Figures, speller) -> tuple[CodeFigures, int]:
    """Spelling on every line of whole real files, against the words read in them by hand."""
    from resume_tool.api import parse

    rows = tomllib.loads(SPELLING_FILES.read_text(encoding="utf-8"))["file"]
    f = CodeFigures()
    for row in rows:
        lines = [ln.text for ln in parse(CORPUS / row["path"]).document.lines]
        _tally_file(f, fig, fig.spelling_kinds, "spelling-file", row, lines, speller)
    return f, len(rows)


def run_spelling_postings(fig: Figures, speller) -> CodeFigures:
    """Spelling on every line of the 30 real postings (labelled blind), as their text files hold them."""
    f = CodeFigures()
    for row in tomllib.loads(SPELLING_POSTINGS.read_text(encoding="utf-8"))["file"]:
        lines = (CORPUS / row["path"]).read_text(encoding="utf-8").splitlines()
        got = _tally_file(f, fig, fig.held_out_kinds, "spelling-held", row, lines, speller)
        for w in row["words"]:
            if any(a.islower() and b.isupper() for a, b in itertools.pairwise(w)):
                fig.held_out_glued[1] += 1
                fig.held_out_glued[0] += _norm(w) in got
    return f


def run_spelling_heldout(fig: Figures, speller) -> tuple[CodeFigures, CodeFigures]:
    """Spelling on the 24 held-out resume files, against the authors' slips: words the reader
    damaged (``lost_letters``) are a reader fault, counted apart. The second figures leave out
    twins of tuned files."""
    from resume_tool.api import parse

    every, fresh = CodeFigures(), CodeFigures()
    for row in tomllib.loads(SPELLING_HELDOUT.read_text(encoding="utf-8"))["file"]:
        lines = [ln.text for ln in parse(CORPUS / row["path"]).document.lines]
        damaged = {_norm(w) for w in row.get("lost_letters", [])}
        words = {w.lower() for text in lines for w in _WORD.findall(text)}
        for w in damaged:
            fig.reader_faults[0] += w in words  # still in the reader's text
            fig.reader_faults[1] += 1
        authors = dict(row, words=[w for w in row["words"] if _norm(w) not in damaged])
        one = CodeFigures()
        _tally_file(one, fig, fig.resumes_kinds, "spelling-heldout", authors, lines, speller, ignore=damaged)
        for f in (every, fresh) if "twin_of" not in row else (every,):
            f.tp, f.fp, f.fn = f.tp + one.tp, f.fp + one.fp, f.fn + one.fn
    return every, fresh


def _tally_file(
    f: CodeFigures, fig: Figures, kinds: dict[str, list[int]], code: str, row: dict, lines: list[str], speller,
    ignore: frozenset[str] | set[str] = frozenset(),
) -> set[str]:
    """Tally one file's noted words against its labels; returns the words noted."""
    got = {_norm(w) for text in lines if text.strip() for w, _ in speller.check(text)}
    got = {g for g in got if not any(_same_slip(w, g) for w in ignore)}
    want = {_norm(w) for w in row["words"]}
    real = {_norm(w) for w in row.get("real_word", [])}
    found = {w for w in want if any(_same_slip(w, g) for g in got)}
    for w in want:
        tally = kinds["real-word" if w in real else "non-word"]
        tally[0] += w in found
        tally[1] += 1
    f.tp += len(found)
    for w in sorted(g for g in got if not any(_same_slip(w, g) for w in want)):
        f.fp += 1
        fig.misses.append(("wrong", code, row["path"], w))
    for w in sorted(want - found):
        f.fn += 1
        fig.misses.append(("missed", code, row["path"], w))
    return got


def _same_slip(label: str, flagged: str) -> bool:
    """A note is on the labelled slip when it is the word or a phrase holding it ("impatient
    and outpatient" for "impatient"). A piece of a labelled split word is not: "earched" for
    "R earched" suggests "searched", which is wrong. Words are matched per file, not per line:
    a right note and a wrong note on the same word in one file count once (the suggestion
    is not compared)."""
    return label == flagged or label in flagged.split()


def domain_terms() -> list[str]:
    """Every keyword-list form and every curated medical/coding/payer word.

    Forms that are themselves a listed confusion ("HIPPA", an alias in compliance.toml only so
    the matcher credits the misspelling) are left out: noting them is the point of the list.
    """
    from resume_tool.keywords import load_vocabulary
    from resume_tool.writing import load_writing_lists

    vocab = load_vocabulary()
    forms: set[str] = set()
    for e in vocab.entries.values():
        forms.update(f for f in (e.term, e.acronym, e.long_form, *e.aliases) if f)
    lists = load_writing_lists()
    forms |= set(lists.known)
    return sorted(forms - {c.wrong for c in lists.confusions})


def format_figures(fig: Figures, show_misses: bool = True) -> str:
    out = [
        f"writing stage: {fig.items} labelled lines from {fig.files} real files"
        + (f"; skills-order on {fig.skills_files} files" if fig.skills_files else ""),
        f"{'code':<16}{'labelled':>9}{'flagged':>9}{'right':>7}{'precision':>11}{'recall':>8}",
    ]
    for code, f in fig.codes.items():
        out.append(
            f"{code:<16}{f.tp + f.fn:>9}{f.tp + f.fp:>9}{f.tp:>7}{f.precision:>11.2f}{f.recall:>8.2f}"
        )
    sf = fig.spelling_files
    if sf is not None:
        out.append(
            f"{'spelling, whole':<16}{sf.tp + sf.fn:>9}{sf.tp + sf.fp:>9}{sf.tp:>7}{sf.precision:>11.2f}"
            f"{sf.recall:>8.2f}   ({fig.spelling_file_count} more files, writing_spelling.toml)"
        )
        line = fig.codes["spelling"]
        tp, fp, fn = line.tp + sf.tp, line.fp + sf.fp, line.fn + sf.fn
        out.append(
            f"{'spelling, all':<16}{tp + fn:>9}{tp + fp:>9}{tp:>7}{tp / max(1, tp + fp):>11.2f}{tp / max(1, tp + fn):>8.2f}"
        )
        for kind, (found, labelled) in fig.spelling_kinds.items():
            out.append(f"  spelling recall, {kind} slips (lines and files): {found}/{labelled} = {found / max(1, labelled):.2f}")
    ho = fig.held_out
    if ho is not None:
        out.append(
            f"{'spelling, posts':<16}{ho.tp + ho.fn:>9}{ho.tp + ho.fp:>9}{ho.tp:>7}{ho.precision:>11.2f}"
            f"{ho.recall:>8.2f}   (30 postings labelled blind, writing_spelling_postings.toml; first run: 2 of 8 right)"
        )
        for kind, (found, labelled) in fig.held_out_kinds.items():
            out.append(f"  postings, {kind} slips: {found}/{labelled}")
        g_found, g_all = fig.held_out_glued
        rest = (ho.tp - g_found, ho.tp + ho.fn - g_all)
        out.append(f"  postings, camelCase run-togethers from lost line breaks: {g_found}/{g_all}; the rest: {rest[0]}/{rest[1]}")
    for name, f in (("held resumes", fig.resumes_held), ("  fresh only", fig.resumes_fresh)):  # the authors' slips
        if f is not None:
            out.append(f"{name:<16}{f.tp + f.fn:>9}{f.tp + f.fp:>9}{f.tp:>7}{f.precision:>11.2f}{f.recall:>8.2f}")
    if fig.resumes_held is not None:
        out.append("  (24 held-out resume files, writing_spelling_heldout.toml: the authors' slips; fresh: no twin among the tuned files)")
        for kind, (found, labelled) in fig.resumes_kinds.items():
            out.append(f"  held-out resumes, {kind} slips: {found}/{labelled}")
        out.append(f"  held-out resumes, words the reader damaged (lost_letters), still in its text: {fig.reader_faults[0]}/{fig.reader_faults[1]}")
    out.append(f"domain terms checked for spelling: {fig.terms_checked}, flagged: {len(fig.terms_flagged)}")
    for t in fig.terms_flagged[:20]:
        out.append(f"  flagged term: {t}")
    if show_misses and fig.misses:
        out.append("\ndisagreements (wrong = flagged but not labelled; missed = labelled but not flagged):")
        for kind, code, name, text in sorted(fig.misses, key=lambda m: (m[1], m[0])):
            out.append(f"  {kind:<6} {code:<15} {Path(name).stem[:28]:<28} {text[:110]}")
    return "\n".join(out)
