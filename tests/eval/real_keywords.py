"""Keyword recall and precision on real resumes labelled by hand (``real_keywords.toml``).

``python -m tests.eval --real-keywords`` reads each labelled file of ../shared/corpus with the
project's reader and structurer (``resume_tool.api.parse``), matches it as ``check`` does
(``resume_matches`` with the bundled lists' ``KeywordMatcher``) and compares the entry ids found
with the labels a careful reader wrote before the tool ran.

Counting (micro-averaged over all labelled files):

* a label is *found* when the tool matched its id, or an id that ``satisfies`` it (transitively;
  a legacy entry satisfies nothing else);
* *in-vocabulary recall* counts the labels whose id (or proposed ``new`` id) is an entry of the
  loaded lists; *overall recall* counts every label, so a label no list knows is a miss;
* *precision* is over the distinct ids the tool matched in each file: an id is right when it is
  labelled, or when a labelled entry satisfies it (a resume labelled ICD-10-CM may be credited
  with ICD-10), or when it is a combined form (``combines``) whose every part is labelled or
  satisfied, as the contract says ("a resume that has each of them has it": labels for medical
  billing and medical coding make "billing and coding" right); every other id is a false
  positive, and an id the labels reject (``not``) always is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from .evaluate import real_corpus

HERE = Path(__file__).resolve().parent
LABELS = HERE / "real_keywords.toml"


@dataclass(frozen=True)
class Label:
    """One concept a reader found: vocabulary ``id``, or a proposed ``new`` id and its category."""

    text: str
    id: str | None = None
    new: str | None = None
    category: str | None = None

    @property
    def key(self) -> str:
        return self.id or self.new or ""


@dataclass
class FileLabels:
    rel: str  # corpus-relative path: "files/x.pdf", "resumes_text/x.txt"
    labels: list[Label]
    rejected: dict[str, str]  # id -> why a reader does not credit it
    same_as: str | None = None


@dataclass
class FileResult:
    rel: str
    labels: list[Label]
    source: str = ""  # the labelled text it shares (same_as), else rel
    found_ids: set[str] = field(default_factory=set)  # ids the tool matched
    surfaces: dict[str, str] = field(default_factory=dict)  # id -> first text matched
    hits: list[Label] = field(default_factory=list)
    misses: list[Label] = field(default_factory=list)  # in the lists, not found
    unknown: list[Label] = field(default_factory=list)  # no list knows the label's id
    right: set[str] = field(default_factory=set)  # tool ids a label accounts for
    false_pos: dict[str, str] = field(default_factory=dict)  # tool id -> why (or "")
    error: str = ""


@dataclass
class Results:
    files: list[FileResult]
    categories: dict[str, str]  # label key -> category (the lists' own where they know it)

    def _count(self, pick) -> tuple[int, int]:
        num = den = 0
        for f in self.files:
            a, b = pick(f)
            num += a
            den += b
        return num, den

    @property
    def in_vocab_recall(self) -> tuple[int, int]:
        return self._count(lambda f: (len(f.hits), len(f.hits) + len(f.misses)))

    @property
    def overall_recall(self) -> tuple[int, int]:
        return self._count(lambda f: (len(f.hits), len(f.labels)))

    @property
    def precision(self) -> tuple[int, int]:
        return self._count(lambda f: (len(f.right), len(f.right) + len(f.false_pos)))

    def recall_without(self, category: str) -> tuple[tuple[int, int], tuple[int, int]]:
        """(in-vocabulary, overall) recall leaving out one category's labels (soft skills)."""
        hit = known = total = 0
        for cat, (h, k, t) in self.per_category().items():
            if cat != category:
                hit, known, total = hit + h, known + k, total + t
        return (hit, known), (hit, total)

    def per_category(self) -> dict[str, tuple[int, int, int]]:
        """category -> (found, labels in the lists, all labels)."""
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for f in self.files:
            for lab in f.labels:
                row = out[self.categories.get(lab.key, lab.category or "?")]
                row[2] += 1
                if lab in f.unknown:
                    continue
                row[1] += 1
                row[0] += lab in f.hits
        return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}

    def _tally(self, which: str) -> list[tuple[str, int, list[str]]]:
        """(label key, distinct resumes, texts) over ``FileResult.<which>``, most frequent first;
        a PDF whose text is another labelled file counts once with it."""
        resumes: dict[str, set[str]] = defaultdict(set)
        texts: dict[str, list[str]] = defaultdict(list)
        for f in self.files:
            for lab in getattr(f, which):
                resumes[lab.key].add(f.source)
                if lab.text not in texts[lab.key]:
                    texts[lab.key].append(lab.text)
        rows = [(k, len(v), texts[k]) for k, v in resumes.items()]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    def unknown_terms(self) -> list[tuple[str, str, int, list[str]]]:
        """(proposed id, category, resumes naming it, texts), most frequent first."""
        return [(k, self.categories.get(k, "?"), n, t) for k, n, t in self._tally("unknown")]

    def missed_ids(self) -> list[tuple[str, int, list[str]]]:
        """In-vocabulary ids the tool missed: (id, resumes, texts), most frequent first."""
        return self._tally("misses")


def load_labels(path: Path = LABELS) -> list[FileLabels]:
    """The labelled files, ``same_as`` resolved to the other file's labels."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    out: list[FileLabels] = []
    for rel, body in raw.items():
        src = raw[body["same_as"]] if "same_as" in body else body
        labels = [Label(text=d["text"], id=d.get("id"), new=d.get("new"), category=d.get("category"))
                  for d in src.get("labels", [])]
        rejected = {d["id"]: d.get("why", "") for d in src.get("not", [])}
        out.append(FileLabels(rel, labels, rejected, body.get("same_as")))
    return out


def problems(files: list[FileLabels], vocab) -> list[str]:
    """What is wrong with the labels against the loaded lists (typos, duplicates, contradictions)."""
    from resume_tool.keywords.lists import CATEGORIES, expand_satisfies

    closures = expand_satisfies(vocab)
    out: list[str] = []
    for f in files:
        seen: set[str] = set()
        for lab in f.labels:
            if bool(lab.id) == bool(lab.new):
                out.append(f"{f.rel}: {lab.text!r} needs exactly one of id / new")
            elif lab.id and lab.id not in vocab.entries:
                out.append(f"{f.rel}: {lab.text!r}: id {lab.id!r} is not in the lists (use new =)")
            elif lab.new and lab.category not in CATEGORIES:
                out.append(f"{f.rel}: {lab.text!r}: new {lab.new!r} needs a category of the lists")
            if lab.key in seen:
                out.append(f"{f.rel}: {lab.key!r} labelled twice")
            seen.add(lab.key)
        for rid in f.rejected:
            if rid not in vocab.entries:
                out.append(f"{f.rel}: not {rid!r} is not in the lists")
            elif rid in seen or any(rid in closures.get(k, ()) for k in seen):
                out.append(f"{f.rel}: not {rid!r} contradicts a label that is or satisfies it")
    return out


def score_file(fl: FileLabels, found: dict[str, str], vocab, closures: dict[str, frozenset[str]],
               error: str = "") -> FileResult:
    """Compare the ids the tool matched (id -> text matched) with one file's labels."""
    res = FileResult(fl.rel, fl.labels, fl.same_as or fl.rel, set(found), dict(found), error=error)
    credited: set[str] = set(found)
    for fid in found:
        credited |= closures.get(fid, frozenset())
    for lab in fl.labels:
        if lab.key not in vocab.entries:
            res.unknown.append(lab)
        elif lab.key in credited:
            res.hits.append(lab)
        else:
            res.misses.append(lab)
    labelled = {lab.key for lab in fl.labels}
    fine = set(labelled)
    for k in labelled:
        fine |= closures.get(k, frozenset())
    for fid in found:
        parts = vocab.entries[fid].combines if fid in vocab.entries else ()
        if parts and all(p in fine for p in parts):
            fine.add(fid)
    for fid in sorted(found):
        if fid in fl.rejected:
            res.false_pos[fid] = fl.rejected[fid]
        elif fid in fine:
            res.right.add(fid)
        else:
            res.false_pos[fid] = ""
    return res


def run_real_keywords(corpus: Path | None = None, labels: Path = LABELS) -> Results | None:
    """Read, match and score every labelled file; None when the corpus is absent."""
    corpus = corpus or real_corpus()
    if corpus is None:
        return None
    from resume_tool.analyze import resume_matches
    from resume_tool.api import engine, parse
    from resume_tool.errors import ResumeToolError
    from resume_tool.keywords.lists import expand_satisfies

    vocab, matcher = engine()
    closures = expand_satisfies(vocab)
    files = load_labels(labels)
    results: list[FileResult] = []
    for fl in files:
        found: dict[str, str] = {}
        error = ""
        try:
            resume = parse(corpus / fl.rel)
            for m in resume_matches(resume, matcher) if resume.words else []:
                found.setdefault(m.entry_id, m.surface)
        except ResumeToolError as err:
            error = str(err)
        results.append(score_file(fl, found, vocab, closures, error))
    cats = {k: e.category for k, e in vocab.entries.items()}
    for fl in files:
        for lab in fl.labels:
            cats.setdefault(lab.key, lab.category or "?")
    return Results(results, cats)


def _ratio(pair: tuple[int, int]) -> str:
    num, den = pair
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a"


def format_results(res: Results, show_misses: bool = True, top: int = 30) -> str:
    labels = sum(len(f.labels) for f in res.files)
    unknown = sum(len(f.unknown) for f in res.files)
    lines = [
        f"keywords on {len(res.files)} real resumes labelled by hand ({LABELS.name}): "
        f"{labels} labels, {labels - unknown} in the lists, {unknown} no list knows",
        f"  recall in-vocabulary  {_ratio(res.in_vocab_recall)}",
        f"  recall overall        {_ratio(res.overall_recall)}",
        f"  precision             {_ratio(res.precision)}",
        "  without soft skills:  recall in-vocabulary {} · overall {}".format(
            *map(_ratio, res.recall_without("soft_skill"))),
        "",
        f"  {'category':<20} {'in-vocab recall':<22} overall recall",
    ]
    for cat, (hit, known, total) in res.per_category().items():
        lines.append(f"  {cat:<20} {_ratio((hit, known)):<22} {_ratio((hit, total)):<22}".rstrip())
    if show_misses:
        lines.append("")
        for f in res.files:
            lines.append(f"{f.rel}: recall {_ratio((len(f.hits), len(f.labels)))}, "
                         f"{len(f.false_pos)} false positive(s)" + (f"  ERROR {f.error}" if f.error else ""))
            lines += [f"    miss     {lab.key:<32} {lab.text!r}" for lab in f.misses]
            lines += [f"    unknown  {lab.key:<32} {lab.text!r}" for lab in f.unknown]
            lines += [f"    false+   {fid:<32} {f.surfaces.get(fid, '')!r}" + (f"  ({why})" if why else "")
                      for fid, why in f.false_pos.items()]
    lines += ["", "in-vocabulary ids missed most often (resumes: id, texts):"]
    lines += [f"  {n:>2}  {k:<32} {'; '.join(t[:3])}" for k, n, t in res.missed_ids()[:top]]
    lines += ["", f"unknown terms, most frequent first (top {top}; resumes: proposed id, category, texts):"]
    lines += [f"  {n:>2}  {k:<32} {c:<15} {'; '.join(t[:3])}" for k, c, n, t in res.unknown_terms()[:top]]
    return "\n".join(lines)


def main_real_keywords(show_misses: bool = True) -> int:
    import sys

    res = run_real_keywords()
    if res is None:
        print("the public corpus (../shared/corpus) is not here", file=sys.stderr)
        return 2
    print(format_results(res, show_misses=show_misses))
    return 0
