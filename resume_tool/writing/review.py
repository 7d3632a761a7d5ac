"""Build the lines of a resume, run the rules, word the notes and score the writing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .data import WritingLists, load_writing_lists
from .models import WRITING_CODES, Line, LineFinding, RoleNotes, WritingReview
from .rules import (
    ROLE_CONTEXTS,
    check_line,
    duplicate_notes,
    pick_measure,
    repeated_verb_notes,
    skills_order_note,
)
from .spelling import Speller
from .text import split_summary

if TYPE_CHECKING:
    from ..models import Resume, Vocabulary

WRITING_VERSION = "writing-4"  # 4: spelling: real-word slips in context (confusions.toml), long glued words, Latin, file names
# 3: spelling: rare single-consonant forms, -ant/-ent, long capitalised slips, two-word compounds
# 2: spelling split words and slips, skills-order by the first item, detail
SEVERITY_ORDER = {"warning": 0, "info": 1}
HARD_CATEGORIES = frozenset({
    "code_set", "software", "coding_practice", "billing_claims", "compliance", "credential",
    "payment_system", "clinical_knowledge",
})


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


# ---------------------------------------------------------------- public API
def review_writing(
    resume: Resume, vocab: Vocabulary | None = None, extra_known: Iterable[str] = ()
) -> WritingReview:
    """Line-by-line notes on a structured resume and a 0-100 writing sub-score.

    ``vocab`` (the loaded keyword lists, with any ``--lists``) supplies known words for the
    spelling check and the soft/hard split of the skills list; ``extra_known`` adds words.
    """
    lists = load_writing_lists()
    if vocab is None:
        vocab = _bundled_vocab()
    known, soft, hard = _vocab_words(vocab)
    speller = _speller_cached(lists, vocab, known, tuple(sorted({w.lower() for w in extra_known})))
    lines = resume_lines(resume, lists)
    notes = line_notes(lines, lists, speller)
    findings = _findings(lines, notes, lists)
    soft_first = (
        skills_order_note(resume.skills, soft | lists.soft_skills, hard | lists.hard_skills) if resume.skills else ""
    )
    if soft_first:
        findings.append(_finding(lists, "skills-order", {"word": soft_first}, soft_first, "Skills", ""))
    return assemble(lines, notes, findings, lists)


def resume_lines(resume: Resume, lists: WritingLists) -> list[Line]:
    """Summary sentences, then each role's title and bullets, in the order of the resume."""
    out: list[Line] = []
    doc_lines = resume.document.lines
    for sec in resume.sections:
        if sec.kind != "summary":
            continue
        para: list[str] = []
        chunks: list[str] = []
        for ln in doc_lines[sec.first_line + 1: sec.last_line + 1]:
            t = ln.text.strip()
            if not t:
                continue
            if para and (ln.list_item or re.search(r"[.!?:]$", para[-1])):
                chunks.append(" ".join(para))
                para = []
            para.append(t.lstrip("•·▪◦●*-– ").strip())
        if para:
            chunks.append(" ".join(para))
        for chunk in chunks:
            out += [Line(s, "Summary", "summary") for s in split_summary(chunk)]
    today_context = {"present": "current"}
    for e in resume.experience:
        role = ", ".join(x for x in (e.title, e.employer) if x) or "Experience"
        end = (e.end or "").lower()
        context = today_context.get(end, "ended" if end else "unknown")
        if e.title:
            out.append(Line(e.title, role, "title"))
        for b in e.bullets:
            parts = split_summary(b) if len(b) > lists.limits["long_chars"] else [b]
            if len(parts) < 3:
                parts = [b]
            out += [Line(p, role, context) for p in parts]
    return out


def line_notes(lines: Sequence[Line], lists: WritingLists, speller: Speller | None) -> list[list[tuple[str, dict[str, str]]]]:
    """The notes ``(code, params)`` of each line, in line order."""
    per_line = [check_line(line, lists, speller) for line in lines]
    for extra in (duplicate_notes(lines, lists), repeated_verb_notes(lines, lists)):
        for i, notes in extra.items():
            per_line[i] += notes
    return per_line


def review_lines(lines: Sequence[Line], lists: WritingLists, speller: Speller | None) -> list[LineFinding]:
    """Findings for a sequence of lines of one resume, in line order."""
    return _findings(lines, line_notes(lines, lists, speller), lists)


def _findings(lines: Sequence[Line], notes: Sequence[Sequence[tuple[str, dict[str, str]]]], lists: WritingLists) -> list[LineFinding]:
    wording = _Wording(lists)
    return [
        wording.finding(code, params, line.text, line.role, line.text)
        for line, ns in zip(lines, notes, strict=True)
        for code, params in ns
    ]


def assemble(
    lines: Sequence[Line],
    notes: Sequence[Sequence[tuple[str, dict[str, str]]]],
    findings: list[LineFinding],
    lists: WritingLists,
) -> WritingReview:
    """Order the findings, group them by role and compute the sub-score with its explanation."""
    rank = {code: (SEVERITY_ORDER[r.severity], r.priority) for code, r in lists.rules.items()}
    ranked = [  # by severity and priority, then in line order (indices: hashing findings is slow)
        findings[k] for k in sorted(range(len(findings)), key=lambda k: (*rank[findings[k].code], k))
    ]
    roles: list[str] = []
    for f in findings:
        if f.role not in roles:
            roles.append(f.role)
    groups = tuple(RoleNotes(r, tuple(f for f in ranked if f.role == r)) for r in roles)
    score, explanation, checked = _score(lines, notes, lists)
    return WritingReview(tuple(ranked), score, tuple(explanation), checked, WRITING_VERSION, groups)


# ------------------------------------------------------------------ internals
def _finding(lists: WritingLists, code: str, params: dict[str, str], where: str, role: str, text: str) -> LineFinding:
    return _Wording(lists).finding(code, params, where, role, text)


class _Wording:
    """Words the findings of one review. Most notes of a resume share their wording ("No
    figure or outcome ...", the same measure for a role), so each distinct wording and each
    line's measure is worked out once per review."""

    def __init__(self, lists: WritingLists) -> None:
        self.lists = lists
        self._measures: dict[tuple[str, str], str] = {}
        self._texts: dict[tuple, tuple[str, str]] = {}

    def finding(self, code: str, params: dict[str, str], where: str, role: str, text: str) -> LineFinding:
        rule = self.lists.rules[code]
        measure = ""
        if code in ("no-result", "weak-opener"):
            mkey = (text, role)
            measure = self._measures.get(mkey, "")
            if not measure:
                measure = self._measures[mkey] = pick_measure(text, role, self.lists.measures)
        key = (code, tuple(params.items()), measure)
        words = self._texts.get(key)
        if words is None:
            values = _Blank(params)
            if measure:
                values["measure"] = measure
            words = self._texts[key] = (rule.message.format_map(values), rule.fix.format_map(values))
        return LineFinding(
            code=code,
            severity=rule.severity,  # type: ignore[arg-type]
            where=where,
            role=role,
            message=words[0],
            fix=words[1],
            detail=_detail(code, params),
        )


_DETAIL_PARAM = {
    "weak-opener": "opener", "repeated-verb": "verb", "tense": "first", "spelling": "word",
    "filler": "word", "first-person": "word", "passive-voice": "phrase", "skills-order": "word",
}


def _detail(code: str, params: dict[str, str]) -> str:
    """The word or phrase a note is about, so readers (batch) need not parse the message."""
    key = _DETAIL_PARAM.get(code)
    return str(params.get(key, "")) if key else ""


def _score(lines: Sequence[Line], notes: Sequence[Sequence[tuple[str, dict[str, str]]]], lists: WritingLists):
    pairs = [(ln, {c for c, _ in ns}) for ln, ns in zip(lines, notes, strict=True)]
    checked = [(ln, cs) for ln, cs in pairs if ln.context in (*ROLE_CONTEXTS, "summary")]
    if not checked:
        return None, ["No bullets or summary sentences were found, so there is no writing score."], 0
    lost_by_code: dict[str, float] = {}
    count_by_code: dict[str, int] = {}
    total_loss = 0.0
    clean = 0
    for _, cs in checked:
        weights = {c: lists.rules[c].weight for c in cs}
        raw = sum(weights.values())
        loss = min(1.0, raw)
        if not cs:
            clean += 1
        total_loss += loss
        for c, w in weights.items():
            count_by_code[c] = count_by_code.get(c, 0) + 1
            if raw:
                lost_by_code[c] = lost_by_code.get(c, 0.0) + loss * w / raw
    n = len(checked)
    score = round(100 * (1 - total_loss / n))
    bullets = sum(1 for ln, _ in checked if ln.context != "summary")
    expl = [
        f"{n} lines read ({bullets} role bullets, {n - bullets} summary sentences); "
        f"{clean} have no note.",
        "Each line is worth the same; a line loses the weight of each note on it "
        "(keyword_lists/writing/rules.toml), at most all of it; the score is the average kept.",
    ]
    for c in sorted(lost_by_code, key=lambda c: (-lost_by_code[c], WRITING_CODES.index(c))):
        pts = 100 * lost_by_code[c] / n
        expl.append(f"{c}: {count_by_code[c]} line(s), -{pts:.0f} point(s)")
    return max(0, min(100, score)), expl, n


@lru_cache(maxsize=1)
def _bundled_vocab():
    from ..keywords import load_vocabulary

    return load_vocabulary()


_VOCAB_CACHE: dict[tuple, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
_SPELLER_CACHE: dict[tuple, Speller] = {}


def _norm_form(form: str) -> str:
    return re.sub(r"[^a-z0-9+#/]+", " ", form.lower()).strip()


def _vocab_words(vocab: Vocabulary) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    key = (id(vocab), len(vocab.entries), tuple(vocab.sources))
    hit = _VOCAB_CACHE.get(key)
    if hit is not None:
        return hit
    known: set[str] = set()
    soft: set[str] = set()
    hard: set[str] = set()
    for e in vocab.entries.values():
        forms = [e.term, e.acronym, e.long_form, *e.aliases]
        for form in forms:
            if not form:
                continue
            known.update(w.lower() for w in re.findall(r"[A-Za-z]+", form))
            n = _norm_form(form)
            if not n:
                continue
            if e.category == "soft_skill":
                soft.add(n)
            elif e.category in HARD_CATEGORIES:
                hard.add(n)
    hit = (frozenset(known), frozenset(soft), frozenset(hard))
    if len(_VOCAB_CACHE) > 8:
        _VOCAB_CACHE.clear()
    _VOCAB_CACHE[key] = hit
    return hit


def _speller(lists: WritingLists, known: frozenset[str]) -> Speller:
    key = (lists.folder, hash(known), len(known))
    sp = _SPELLER_CACHE.get(key)
    if sp is None:
        if len(_SPELLER_CACHE) > 8:
            _SPELLER_CACHE.clear()
        sp = _SPELLER_CACHE[key] = Speller(lists, known)
    return sp


def _speller_cached(lists: WritingLists, vocab, known: frozenset[str], extra: tuple[str, ...]) -> Speller:
    key = ("v", lists.folder, id(vocab), len(known), extra)
    sp = _SPELLER_CACHE.get(key)
    if sp is None:
        if len(_SPELLER_CACHE) > 8:
            _SPELLER_CACHE.clear()
        sp = _SPELLER_CACHE[key] = Speller(lists, known | frozenset(extra))
    return sp


def speller_for(lists: WritingLists, vocab: Vocabulary | None = None, extra_known: Iterable[str] = ()) -> Speller:
    """The speller review_writing uses (for the evaluation harness and tests)."""
    known, _, _ = _vocab_words(vocab if vocab is not None else _bundled_vocab())
    return _speller(lists, known | frozenset(w.lower() for w in extra_known))
