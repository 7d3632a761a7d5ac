"""How well the structure stage reads real resumes: hand labels against ``resume_tool.api.parse``.

Labels live in tests/eval/real_structure.toml (made by reading the files, never from the tool's
output; its header gives the labelling rules). The files are read where they are, in
../shared/corpus. Used by ``python -m tests.eval --real-structure`` and by
tests/test_eval_real_structure.py.

Comparison rules (deterministic, so figures only move when the tool does):

* Text is normalised before any comparison: Unicode NFKC, case folded, curly quotes made
  straight, "&" read as "and", whitespace collapsed, punctuation and dashes stripped at both ends.
  A title or employer is *exact* when the normalised strings are equal, or equal once
  parenthesised parts are removed from both ("Full Stack Engineer (Public Sector)").
* Dates are exact when the strings are equal ("2015-06", "2015", "present", or both empty);
  "2015" for a labelled "2015-06" is not exact.
* Matching tool entries to labels: every (label, tool entry) pair scores
  title overlap + employer overlap + 0.5 per equal date (start, end), where overlap is the
  Jaccard index of the normalised word sets. A pair can match when it scores at least 1.0 and
  at least two of the four fields agree (a shared word in title or employer, or an equal date),
  so a shared "Company Name" alone never makes a match. Pairs are taken greedily by score, ties
  broken by the distance between their positions in the two lists, then by label order, then by
  tool order; each label and each tool entry is used once.
* Optional labels (positions under a heading that is not experience-like) may absorb a tool
  entry (it is then not spurious) but are left out of recall and the exact-field figures.
* A section heading is found when a tool section's heading normalises to the labelled one
  (line breaks inside a heading are whitespace); its kind is right when the kinds are equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import real_corpus

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

LABELS = Path(__file__).with_name("real_structure.toml")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-"})
_EDGE = " \t\n\r.,;:!?-–—•·▪*|/\\'\""
_WORD = re.compile(r"\w+")
_PARENS = re.compile(r"\([^()]*\)")


def norm(text: str | None) -> str:
    """The comparison form of a label or a tool value (see the module docstring)."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    t = t.replace("&", " and ")
    t = " ".join(t.split())
    return t.strip(_EDGE)


def same_text(label: str, got: str | None) -> bool:
    """Exact after normalising, also when parenthesised notes are dropped from both."""
    a, b = norm(label), norm(got)
    if a == b:
        return True
    return norm(_PARENS.sub(" ", a)) == norm(_PARENS.sub(" ", b)) != ""


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall(norm(text)))


def overlap(a: str | None, b: str | None) -> float:
    """Jaccard index of the word sets; 0 when either side is empty."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _date(value: str | None) -> str:
    return (value or "").strip().lower()


def digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


@dataclass
class LabelEntry:
    title: str
    employer: str
    start: str
    end: str
    optional: bool = False

    def show(self) -> str:
        return f"{self.title or '-'} | {self.employer or '-'} | {self.start or '?'}–{self.end or '?'}"


@dataclass
class Label:
    rel: str
    name: str
    email: str
    phone: str
    sections: list[tuple[str, str]]
    entries: list[LabelEntry]
    name_placeholder: str = ""


def load_labels(path: Path = LABELS) -> list[Label]:
    """The labelled files, in the order of the TOML file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for rel, d in data.items():
        out.append(Label(
            rel=rel,
            name=d.get("name", ""),
            email=d.get("email", ""),
            phone=d.get("phone", ""),
            sections=[(h, k) for h, k in d.get("sections", [])],
            entries=[LabelEntry(e.get("title", ""), e.get("employer", ""), e.get("start", ""),
                                e.get("end", ""), bool(e.get("optional", False)))
                     for e in d.get("entries", [])],
            name_placeholder=d.get("name_placeholder", ""),
        ))
    return out


def _score(lab: LabelEntry, got: Any) -> tuple[float, int]:
    t = overlap(lab.title, got.title)
    e = overlap(lab.employer, got.employer)
    s = _date(lab.start) == _date(got.start)
    n = _date(lab.end) == _date(got.end)
    return t + e + 0.5 * s + 0.5 * n, (t > 0) + (e > 0) + s + n


def match(labels: list[LabelEntry], got: list[Any]) -> dict[int, int]:
    """label index -> tool entry index, by the greedy rule of the module docstring."""
    pairs = []
    for i, lab in enumerate(labels):
        for j, g in enumerate(got):
            score, agree = _score(lab, g)
            if score >= 1.0 and agree >= 2:
                pairs.append((-score, abs(i - j), i, j))
    pairs.sort()
    used_l: dict[int, int] = {}
    used_t: set[int] = set()
    for _, _, i, j in pairs:
        if i not in used_l and j not in used_t:
            used_l[i] = j
            used_t.add(j)
    return used_l


@dataclass
class FileResult:
    """One labelled file: what the tool gave and every miss, for the per-file listing."""

    rel: str
    error: str = ""
    label: Label | None = None
    name_got: str | None = None
    email_got: str | None = None
    phone_got: str | None = None
    tool_entries: int = 0
    required: int = 0
    found: int = 0
    spurious: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_misses: list[str] = field(default_factory=list)
    headings: int = 0
    headings_found: int = 0
    kinds_right: int = 0
    heading_misses: list[str] = field(default_factory=list)
    extra_headings: list[str] = field(default_factory=list)

    @property
    def name_ok(self) -> bool | None:
        """True/False where the file has a name; None where it has none."""
        if self.label is None or not self.label.name:
            return None
        return norm(self.name_got) == norm(self.label.name)


FIELDS = ("title", "employer", "start", "end")


def _fmt(e: Any) -> str:
    return f"{e.title or '-'} | {e.employer or '-'} | {e.start or '?'}–{e.end or '?'}"


def evaluate_file(label: Label, corpus: Path) -> FileResult:
    """Run read + structure on one labelled file and compare."""
    from resume_tool.api import parse

    res = FileResult(rel=label.rel, label=label)
    required = [i for i, e in enumerate(label.entries) if not e.optional]
    res.required = len(required)
    res.headings = len(label.sections)
    try:
        resume = parse(corpus / label.rel)
    except Exception as exc:  # a crash is a result too: every field of the file is missed
        res.error = f"{type(exc).__name__}: {exc}"
        res.missed = [label.entries[i].show() for i in required]
        res.heading_misses = [h for h, _ in label.sections]
        return res
    c = resume.contact
    res.name_got, res.email_got, res.phone_got = c.name, c.email, c.phone
    got = list(resume.experience)
    res.tool_entries = len(got)
    m = match(label.entries, got)
    matched_tool = set(m.values())
    res.spurious = [_fmt(g) for j, g in enumerate(got) if j not in matched_tool]
    for i in required:
        lab = label.entries[i]
        if i not in m:
            res.missed.append(lab.show())
            continue
        res.found += 1
        g = got[m[i]]
        checks = {
            "title": same_text(lab.title, g.title),
            "employer": same_text(lab.employer, g.employer),
            "start": _date(lab.start) == _date(g.start),
            "end": _date(lab.end) == _date(g.end),
        }
        for k, ok in checks.items():
            res.exact[k] += ok
        bad = [k for k, ok in checks.items() if not ok]
        if bad:
            res.field_misses.append(f"{lab.show()}  <- got {_fmt(g)}  ({', '.join(bad)})")
    tool_sections = [(norm(s.heading), s.kind, s.heading) for s in resume.sections]
    labelled = {norm(h) for h, _ in label.sections}
    for h, kind in label.sections:
        hit = next((s for s in tool_sections if s[0] == norm(h)), None)
        if hit is None:
            res.heading_misses.append(h)
            continue
        res.headings_found += 1
        if hit[1] == kind:
            res.kinds_right += 1
        else:
            res.heading_misses.append(f"{h} (kind {hit[1]}, labelled {kind})")
    res.extra_headings = [s[2] for s in tool_sections if s[0] not in labelled]
    return res


@dataclass
class Figures:
    """Totals over the labelled files, as (numerator, denominator) pairs."""

    files: list[FileResult]

    def _sum(self, fn) -> int:
        return sum(fn(f) for f in self.files)

    def counts(self) -> dict[str, tuple[int, int]]:
        named = [f for f in self.files if f.name_ok is not None]
        unnamed = [f for f in self.files if f.name_ok is None]
        with_email = [f for f in self.files if f.label and f.label.email]
        with_phone = [f for f in self.files if f.label and f.label.phone]
        found = self._sum(lambda f: f.found)
        required = self._sum(lambda f: f.required)
        out = {
            "name": (sum(bool(f.name_ok) for f in named), len(named)),
            "false_name": (sum(bool(f.name_got) for f in unnamed), len(unnamed)),
            "email": (sum(norm(f.email_got) == norm(f.label.email) for f in with_email),
                      len(with_email)),
            "phone": (sum(digits(f.phone_got) == digits(f.label.phone) != "" for f in with_phone),
                      len(with_phone)),
            "entries_found": (found, required),
            "spurious": (self._sum(lambda f: len(f.spurious)), self._sum(lambda f: f.tool_entries)),
        }
        for k in FIELDS:
            out[k] = (self._sum(lambda f, k=k: f.exact[k]), required)
            out[f"{k}_of_found"] = (self._sum(lambda f, k=k: f.exact[k]), found)
        out["sections"] = (self._sum(lambda f: f.headings_found), self._sum(lambda f: f.headings))
        out["section_kind"] = (self._sum(lambda f: f.kinds_right), self._sum(lambda f: f.headings))
        out["errors"] = (sum(bool(f.error) for f in self.files), len(self.files))
        return out

    def rates(self) -> dict[str, float]:
        """Each figure as a share (1.0 where the denominator is 0, except spurious and errors)."""
        out = {}
        for k, (n, d) in self.counts().items():
            out[k] = n / d if d else (0.0 if k in ("spurious", "false_name", "errors") else 1.0)
        return out


def run(corpus: Path | None = None, labels: list[Label] | None = None) -> Figures | None:
    """Evaluate every labelled file; None when the corpus is not here."""
    corpus = corpus or real_corpus()
    if corpus is None:
        return None
    labels = load_labels() if labels is None else labels
    return Figures([evaluate_file(lab, corpus) for lab in labels])


_TITLES = {
    "name": "name right (files with a name)",
    "false_name": "false name (files without one)",
    "email": "email right",
    "phone": "phone right (digits)",
    "entries_found": "entries found (recall)",
    "spurious": "spurious (tool entries matching no label)",
    "title": "title exact (of labelled entries)",
    "employer": "employer exact (of labelled entries)",
    "start": "start exact (of labelled entries)",
    "end": "end exact (of labelled entries)",
    "title_of_found": "title exact (of found entries)",
    "employer_of_found": "employer exact (of found entries)",
    "start_of_found": "start exact (of found entries)",
    "end_of_found": "end exact (of found entries)",
    "sections": "section headings found",
    "section_kind": "section headings found with the right kind",
    "errors": "files that failed to parse",
}


def format_figures(fig: Figures, show_misses: bool = True) -> str:
    """The overall figures, then one block per file with its misses."""
    lines = [f"real-file structure: {len(fig.files)} hand-labelled files"]
    for k, (n, d) in fig.counts().items():
        rate = f"{n / d:6.1%}" if d else "   n/a"
        lines.append(f"  {_TITLES[k]:<46} {rate}  ({n}/{d})")
    if not show_misses:
        return "\n".join(lines)
    lines.append("")
    for f in fig.files:
        lab = f.label
        assert lab is not None
        head = (f"{f.rel}: entries {f.found}/{f.required}, spurious {len(f.spurious)}/"
                f"{f.tool_entries}, title {f.exact['title']}, employer {f.exact['employer']}, "
                f"start {f.exact['start']}, end {f.exact['end']}, headings "
                f"{f.headings_found}/{f.headings}")
        lines.append(head)
        if f.error:
            lines.append(f"    error: {f.error}")
        if f.name_ok is False:
            lines.append(f"    name: got {f.name_got!r}, labelled {lab.name!r}")
        elif f.name_ok is None and f.name_got:
            what = f"placeholder {lab.name_placeholder!r}" if lab.name_placeholder else "no name"
            lines.append(f"    false name: got {f.name_got!r} ({what})")
        if lab.email and norm(f.email_got) != norm(lab.email):
            lines.append(f"    email: got {f.email_got!r}, labelled {lab.email!r}")
        if lab.phone and digits(f.phone_got) != digits(lab.phone):
            lines.append(f"    phone: got {f.phone_got!r}, labelled {lab.phone!r}")
        lines += [f"    missed: {m}" for m in f.missed]
        lines += [f"    wrong: {m}" for m in f.field_misses]
        lines += [f"    spurious: {s}" for s in f.spurious]
        lines += [f"    heading missed: {h}" for h in f.heading_misses]
        if f.extra_headings:
            lines.append(f"    tool headings not labelled: {', '.join(f.extra_headings)}")
    return "\n".join(lines)
