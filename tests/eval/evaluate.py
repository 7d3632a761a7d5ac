"""Score the tool against the labelled corpus: field accuracy, keyword precision/recall,
finding precision/recall, scanned-file detection; every miss listed by stage.

Counting (micro-averaged over all files):

* contact - one item per expected field (name, email, phone, location) of each readable file;
  compared case-insensitively, phones by their digits.
* dates - two items (start, end) per expected experience entry; an entry the tool did not
  find counts both as wrong.
* sections - one item per expected heading (heading text, kind, standard flag); a heading the
  tool invents is one more wrong item.
* keywords - set per file: the ids the resume matched directly (``resume_count > 0``) against
  the labelled ids; a trap id found is a false positive. Postings: ids of ``Posting.keywords``
  against ``required + preferred``; the split is right when ``PostingKeyword.required`` agrees.
* findings - the judged items of each file (``Expected.findings``/``findings_not`` and every
  code in ``judged_codes``): raised and expected = TP, expected and not raised = FN, raised and
  not expected (for a fully judged code) or listed in ``findings_not`` = FP.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from .generator import POSTINGS, SUBJECT_CODES, TODAY, corpus_dir

HERE = Path(__file__).resolve().parent

# Targets of issue 7 (sections and certifications are this evaluation's own floor).
TARGETS: dict[str, float] = {
    "contact": 0.97,
    "dates": 0.97,
    "sections": 0.95,
    "certifications": 0.95,
    "resume keyword precision": 0.98,
    "resume keyword recall": 0.95,
    "posting keyword precision": 0.98,
    "posting keyword recall": 0.95,
    "posting required/preferred split": 0.95,
    "finding precision": 0.95,
    "finding recall": 0.95,
    "scanned detected": 1.0,
}


def real_corpus() -> Path | None:
    """../shared/corpus next to the repository, when present."""
    for base in (HERE.parents[2] / "shared" / "corpus", HERE.parents[1] / ".." / "shared" / "corpus"):
        if (base / "MANIFEST.tsv").exists():
            return base.resolve()
    return None


@dataclass
class Tally:
    ok: int = 0
    total: int = 0

    def add(self, good: bool) -> None:
        self.total += 1
        self.ok += bool(good)

    @property
    def value(self) -> float | None:
        return self.ok / self.total if self.total else None


@dataclass
class PR:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Results:
    figures: dict[str, tuple[float | None, str]] = field(default_factory=dict)  # name -> (value, "ok/total")
    misses: dict[str, list[str]] = field(default_factory=dict)  # figure/stage -> lines
    notes: list[str] = field(default_factory=list)

    def miss(self, key: str, line: str) -> None:
        self.misses.setdefault(key, []).append(line)

    def below_target(self) -> list[str]:
        out = []
        for name, target in TARGETS.items():
            value = self.figures.get(name, (None, ""))[0]
            if value is None or value < target:
                out.append(f"{name}: {value if value is None else round(value, 4)} < {target}")
        return out


# ------------------------------------------------------------------ normalizing
def _norm(s: str | None) -> str:
    if s is None:
        return ""
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip().casefold()


def _digits(s: str | None) -> str:
    d = re.sub(r"\D", "", s or "")
    return d[1:] if len(d) == 11 and d.startswith("1") else d


def _same(field_name: str, want: str | None, got: str | None) -> bool:
    if field_name == "phone":
        return _digits(want) == _digits(got) and bool(_digits(want))
    return _norm(want) == _norm(got)


def _subject(code: str, where: str) -> str:
    if code == "nonstandard-heading":
        m = re.search(r'"(.*)"', where)
        where = m.group(1) if m else where
    return _norm(where)


def _item(code: str, subject: str | None) -> str:
    return f"{code}:{subject}" if subject is not None else code


# ------------------------------------------------------------------ resumes
def evaluate_resumes(res: Results, corpus: Path | None = None) -> None:
    from resume_tool import check

    corpus = corpus or corpus_dir()
    contact, dates, sections, certs, titles = Tally(), Tally(), Tally(), Tally(), Tally()
    kw, fnd = PR(), PR()
    scanned = Tally()
    expected_files = sorted(corpus.glob("*.expected.json"))
    if not expected_files:
        raise RuntimeError(f"no expected answers in {corpus}")
    for ej in expected_files:
        exp = json.loads(ej.read_text(encoding="utf-8"))
        path = corpus / exp["file"]
        name = exp["file"]
        posting = POSTINGS / f"{exp['posting']}.txt"
        try:
            report = check(path, posting=posting, today=TODAY)
        except Exception as err:  # a crash is a miss of everything expected from this file
            res.miss("crash", f"{name}: {type(err).__name__}: {err}")
            for _ in exp["contact"]:
                contact.add(False)
            for _ in exp["experience"]:
                dates.add(False)
                dates.add(False)
            kw.fn += len(exp["keywords"])
            fnd.fn += len(exp["findings"])
            if exp["scanned"]:
                scanned.add(False)
            continue
        r = report.resume
        # contact
        for fld, want in exp["contact"].items():
            got = getattr(r.contact, fld)
            good = _same(fld, want, got)
            contact.add(good)
            if not good:
                res.miss("contact", f"{name}: {fld}: expected {want!r}, got {got!r}")
        # sections
        got_secs = [(_norm(s.heading), s.kind, s.standard) for s in r.sections]
        left = Counter(got_secs)
        for s in exp["sections"]:
            key = (_norm(s["heading"]), s["kind"], s["standard"])
            if left[key] > 0:
                left[key] -= 1
                sections.add(True)
            else:
                sections.add(False)
                near = [g for g in got_secs if g[0] == key[0]]
                res.miss("sections", f"{name}: heading {s['heading']!r} ({s['kind']}, standard={s['standard']}): "
                                     + (f"read as {near[0][1:]}" if near else "not found"))
        for key, n in left.items():
            for _ in range(n):
                sections.add(False)
                res.miss("sections", f"{name}: extra section {key[0]!r} ({key[1]}, standard={key[2]})")
        # experience dates
        _match_entries(res, name, exp["experience"], r.experience, dates, titles)
        # certifications
        got_certs = [_norm(c) for c in r.certifications]
        for c in exp["certifications"]:
            good = _norm(c) in got_certs
            certs.add(good)
            if not good:
                res.miss("certifications", f"{name}: {c!r} not in {r.certifications}")
        # keywords
        found = {k.id: k for k in report.keywords if k.resume_count > 0}
        want = set(exp["keywords"])
        traps = set(exp["traps"])
        kw.tp += len(want & set(found))
        for i in sorted(set(found) - want):
            kw.fp += 1
            k = found[i]
            tag = "TRAP " if i in traps else ""
            res.miss("resume keywords (false positive)",
                     f"{name}: {tag}{i} from {k.resume_forms} in {k.sections}")
        for i in sorted(want - set(found)):
            kw.fn += 1
            res.miss("resume keywords (missed)", f"{name}: {i}")
        # findings
        _judge_findings(res, name, exp, report.findings, fnd)
        if exp["scanned"]:
            good = any(f.code == "no-text" for f in report.findings)
            scanned.add(good)
            if not good:
                res.miss("scanned", f"{name}: no-text not raised")
    res.figures["contact"] = (contact.value, f"{contact.ok}/{contact.total}")
    res.figures["dates"] = (dates.value, f"{dates.ok}/{dates.total}")
    res.figures["sections"] = (sections.value, f"{sections.ok}/{sections.total}")
    res.figures["certifications"] = (certs.value, f"{certs.ok}/{certs.total}")
    res.figures["experience title+employer (no target)"] = (titles.value, f"{titles.ok}/{titles.total}")
    res.figures["resume keyword precision"] = (kw.precision, f"{kw.tp}/{kw.tp + kw.fp}")
    res.figures["resume keyword recall"] = (kw.recall, f"{kw.tp}/{kw.tp + kw.fn}")
    res.figures["finding precision"] = (fnd.precision, f"{fnd.tp}/{fnd.tp + fnd.fp}")
    res.figures["finding recall"] = (fnd.recall, f"{fnd.tp}/{fnd.tp + fnd.fn}")
    res.figures["scanned detected"] = (scanned.value, f"{scanned.ok}/{scanned.total}")
    res.notes.append(f"{len(expected_files)} generated resumes in {corpus}")


def _match_entries(res: Results, name: str, want: list[dict[str, Any]], got: list[Any],
                   dates: Tally, titles: Tally) -> None:
    """Pair each expected entry with the tool's entry for the same role, then compare dates."""
    used: set[int] = set()
    for n, e in enumerate(want):
        best = None
        for i, g in enumerate(got):
            if i in used:
                continue
            text = _norm(" ".join(x for x in (g.title, g.employer) if x))
            if _norm(e["title"]) in text or (_norm(e["employer"]) and _norm(e["employer"]) in text):
                best = i
                break
        if best is None and n < len(got) and n not in used:
            best = n  # same position
        if best is None:
            dates.add(False)
            dates.add(False)
            titles.add(False)
            res.miss("dates", f"{name}: entry {e['title']!r} ({e['date_text']}) not found")
            continue
        used.add(best)
        g = got[best]
        for fld in ("start", "end"):
            good = g.__dict__[fld] == e[fld]
            dates.add(good)
            if not good:
                res.miss("dates", f"{name}: {e['title']!r} {fld}: expected {e[fld]!r} from {e['date_text']!r}, "
                                  f"got {g.__dict__[fld]!r} (read {g.date_text!r})")
        good = _norm(g.title) == _norm(e["title"]) and _norm(g.employer) == _norm(e["employer"])
        titles.add(good)
        if not good:
            res.miss("experience title+employer (no target)",
                     f"{name}: expected ({e['title']!r}, {e['employer']!r}), got ({g.title!r}, {g.employer!r})")
    for i, g in enumerate(got):
        if i not in used:
            res.miss("dates", f"{name}: extra entry ({g.title!r}, {g.employer!r}, {g.date_text!r})")


def _judge_findings(res: Results, name: str, exp: dict[str, Any], findings: list[Any], pr: PR) -> None:
    raised: set[str] = set()
    for f in findings:
        raised.add(_item(f.code, _subject(f.code, f.where) if f.code in SUBJECT_CODES else None))
    want = {(_item(c.split(":", 1)[0], _norm(c.split(":", 1)[1])) if ":" in c else c) for c in exp["findings"]}
    not_want = {(_item(c.split(":", 1)[0], _norm(c.split(":", 1)[1])) if ":" in c else c) for c in exp["findings_not"]}
    judged = set(exp["judged_codes"])
    for item in sorted(want):
        if item in raised:
            pr.tp += 1
        else:
            pr.fn += 1
            res.miss("findings (missed)", f"{name}: {item}")
    for item in sorted(raised - want):
        code = item.split(":", 1)[0]
        if code in judged or item in not_want:
            pr.fp += 1
            detail = next((f"{f.severity}: {f.message}" for f in findings
                           if _item(f.code, _subject(f.code, f.where) if f.code in SUBJECT_CODES else None) == item), "")
            res.miss("findings (wrongly raised)", f"{name}: {item} — {detail}")


# ------------------------------------------------------------------ postings
def posting_labels() -> list[tuple[str, Path, dict[str, Any]]]:
    """(kind, path, labels) for the written postings, and the real ones when the corpus is here."""
    out = []
    own = tomllib.loads((POSTINGS / "labels.toml").read_text(encoding="utf-8"))
    for slug, lab in own.items():
        out.append(("written", POSTINGS / f"{slug}.txt", lab))
    corpus = real_corpus()
    if corpus is not None:
        real = tomllib.loads((HERE / "real_postings.toml").read_text(encoding="utf-8"))
        for fname, lab in real.items():
            out.append(("real", corpus / "postings" / fname, lab))
    return out


def evaluate_postings(res: Results) -> None:
    from resume_tool.api import load_posting

    totals: dict[str, PR] = {"all": PR(), "written": PR(), "real": PR()}
    split = Tally()
    for kind, path, lab in posting_labels():
        required = set(lab.get("required", []))
        preferred = set(lab.get("preferred", [])) - required
        unjudged = set(lab.get("unjudged", []))
        traps = set(lab.get("traps", []))
        want = required | preferred
        try:
            posting = load_posting(path)
        except Exception as err:
            res.miss("crash", f"{path.name}: {type(err).__name__}: {err}")
            for pr in (totals["all"], totals[kind]):
                pr.fn += len(want)
            continue
        assert posting is not None
        got = {k.entry_id: k for k in posting.keywords}
        found = set(got) - unjudged
        for pr in (totals["all"], totals[kind]):
            pr.tp += len(found & want)
            pr.fp += len(found - want)
            pr.fn += len(want - found)
        for i in sorted(found - want):
            tag = "TRAP " if i in traps else ""
            res.miss(f"posting keywords (false positive, {kind})",
                     f"{path.name}: {tag}{i} in {got[i].sentences[:1]}")
        for i in sorted(want - found):
            res.miss(f"posting keywords (missed, {kind})", f"{path.name}: {i}")
        for i in sorted(found & want):
            good = got[i].required == (i in required)
            split.add(good)
            if not good:
                res.miss("posting required/preferred split",
                         f"{path.name}: {i}: expected {'required' if i in required else 'preferred only'}, "
                         f"got required={got[i].required} preferred={got[i].preferred} {got[i].sentences[:1]}")
    a = totals["all"]
    res.figures["posting keyword precision"] = (a.precision, f"{a.tp}/{a.tp + a.fp}")
    res.figures["posting keyword recall"] = (a.recall, f"{a.tp}/{a.tp + a.fn}")
    for kind in ("written", "real"):
        t = totals[kind]
        res.figures[f"  {kind} postings precision (no target)"] = (t.precision, f"{t.tp}/{t.tp + t.fp}")
        res.figures[f"  {kind} postings recall (no target)"] = (t.recall, f"{t.tp}/{t.tp + t.fn}")
    res.figures["posting required/preferred split"] = (split.value, f"{split.ok}/{split.total}")


def run(corpus: Path | None = None) -> Results:
    res = Results()
    evaluate_resumes(res, corpus)
    evaluate_postings(res)
    return res


def format_results(res: Results, show_misses: bool = True) -> str:
    lines = ["figure                                      value    count        target"]
    for name, (value, count) in res.figures.items():
        target = TARGETS.get(name)
        v = "  n/a" if value is None else f"{value:.3f}"
        t = "" if target is None else (f">= {target:.2f}  " + ("ok" if value is not None and value >= target else "BELOW"))
        lines.append(f"{name:<42} {v:>7}  {count:>10}  {t}")
    if show_misses:
        for key in sorted(res.misses):
            lines.append(f"\n{key} ({len(res.misses[key])}):")
            lines.extend(f"  - {m}" for m in res.misses[key])
    lines.extend(f"\nnote: {n}" for n in res.notes)
    return "\n".join(lines)
