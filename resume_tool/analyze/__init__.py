"""Analyze stage: a structured ``Resume`` (+ a ``Posting``) → a scored, explained ``Report``."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Protocol

from .. import __version__
from ..keywords.lists import expand_satisfies
from ..models import (
    Entry,
    Finding,
    KeywordResult,
    Match,
    Posting,
    PostingKeyword,
    Report,
    Resume,
    Role,
    Vocabulary,
)
from .findings import SEVERITY_ORDER, check_keywords, resume_findings
from .score import (
    CORE_MULTIPLIER_NO_POSTING,
    OTHER_MULTIPLIER,
    PREFERRED_MULTIPLIER,
    REQUIRED_MULTIPLIER,
    SCORE_VERSION,
    Target,
    band_for,
    compute_score,
)

__all__ = ["REPORT_SCHEMA_VERSION", "SCORE_VERSION", "analyze", "infer_role", "resume_matches"]

REPORT_SCHEMA_VERSION = "1.0"
DEFAULT_ROLE = "billing-coding-specialist"

# Where a missing keyword of each category belongs in a resume.
WHERE_TO_ADD = {
    "credential": "Certifications",
    "organization": "Certifications (the issuing body)",
    "code_set": "Skills, and the experience bullets where you used it",
    "payment_system": "Skills, and the experience bullets where you used it",
    "software": "Skills (software), and the role where you used it",
    "billing_claims": "Experience bullets",
    "compliance": "Experience bullets or Skills",
    "coding_practice": "Experience bullets",
    "clinical_knowledge": "Skills or Education (coursework)",
    "soft_skill": "Summary or an experience bullet that shows it",
    "job_title": "Summary or a job title, only if it is your real title",
}


class MatcherLike(Protocol):
    vocab: Vocabulary

    def match(self, text: str, section_at: Callable[[int], str | None] | None = None) -> list[Match]: ...


def resume_matches(resume: Resume, matcher: MatcherLike) -> list[Match]:
    """Keyword matches over the resume text, each tagged with the section it stands in."""
    lines = resume.document.lines
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line.text) + 1
    kind_of_line: list[str | None] = [None] * len(lines)
    for s in resume.sections:
        for i in range(s.first_line, min(s.last_line, len(lines) - 1) + 1):
            kind_of_line[i] = s.kind
    for i, line in enumerate(lines):
        if line.source in ("header", "footer"):
            kind_of_line[i] = "contact"

    def section_at(offset: int) -> str | None:
        i = bisect.bisect_right(starts, offset) - 1
        return kind_of_line[i] if 0 <= i < len(kind_of_line) else None

    return matcher.match(resume.document.text, section_at)


_CLOSURES: dict[int, tuple[Vocabulary, dict[str, frozenset[str]]]] = {}


def _closures(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """Ids each entry counts for: itself and what it satisfies, transitively (a legacy
    entry only itself). Built once per vocabulary, which is kept alive beside it so its
    id cannot be reused."""
    cached = _CLOSURES.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        if len(_CLOSURES) >= 8:
            _CLOSURES.clear()
        cached = (vocab, {i: ids | {i} for i, ids in expand_satisfies(vocab).items()})
        _CLOSURES[id(vocab)] = cached
    return cached[1]


def infer_role(
    vocab: Vocabulary,
    posting: Posting | None,
    resume: Resume | None,
    resume_ids: set[str] | None = None,
) -> str:
    """The role profile that best fits the posting (title, then keywords) or the resume.

    Evidence shared by many roles counts for less: a title or keyword that n roles list
    adds 1/n of its weight to each, so "ICD-10-CM" (every role) barely moves the choice
    while "ICD-10-PCS" or "OPCS-4" decides it.
    """
    roles = [vocab.roles[r] for r in sorted(vocab.roles)]

    def matches_title(title: str, texts: list[str]) -> bool:
        pat = re.compile(rf"\b{re.escape(title)}\b", re.IGNORECASE)
        return any(pat.search(t) for t in texts)

    if posting is not None:
        texts = [posting.title or ""]
        ids = {k.entry_id: (2.0 if k.required else 1.0) for k in posting.keywords}
    else:
        texts = [e.title or "" for e in (resume.experience if resume else [])[:3]]
        if resume and resume.document.lines:
            texts.extend(line.text for line in resume.document.lines[:4])
        ids = dict.fromkeys(resume_ids or set(), 1.0)
    # soft skills say nothing about which coding role this is
    closures = _closures(vocab)
    evidence = {
        i: w
        for rid, w in ids.items()
        for i in closures.get(rid, {rid})
        if i in vocab.entries and vocab.entries[i].category != "soft_skill"
    }
    titled = {r.id: [t for t in r.titles if matches_title(t, texts)] for r in roles}
    title_share: dict[str, int] = defaultdict(int)
    for hits in titled.values():
        for t in set(hits):
            title_share[t.lower()] += 1
    # how many roles list a keyword, itself or through a related (satisfying) one
    listed: dict[str, int] = defaultdict(int)
    for r in roles:
        own = set(r.core) | set(r.terms)
        related = own | {j for i in own for j in closures.get(i, ())}
        related |= {i for i in evidence if closures.get(i, set()) & own}
        for i in related:
            listed[i] += 1
    best, best_score = None, 0.0
    for role in roles:
        score = sum(6.0 / title_share[t.lower()] for t in set(titled[role.id]))
        for i, w in evidence.items():
            if i in role.core or i in role.terms:
                weight = float(role.weights.get(i, vocab.entries[i].weight)) if i in vocab.entries else 1.0
                score += w * weight * (2.0 if i in role.core else 1.0) / max(listed[i], 1)
        if score > best_score + 1e-9:
            best, best_score = role.id, score
    if best is None:
        best = DEFAULT_ROLE if DEFAULT_ROLE in vocab.roles else roles[0].id
    return best


def _targets(vocab: Vocabulary, role: Role, posting: Posting | None) -> dict[str, Target]:
    entries = vocab.entries

    def weight(i: str) -> float:
        return float(role.weights.get(i, entries[i].weight))

    targets: dict[str, Target] = {}
    if posting is not None:
        # required first, so a keyword the posting both requires and prefers counts as required
        for k in sorted(posting.keywords, key=lambda k: not k.required):
            e = entries.get(k.entry_id)
            if not e or e.legacy:
                continue
            # "ICD-10-CM/PCS" in a posting asks for ICD-10-CM and for ICD-10-PCS
            for i in e.combines or [e.id]:
                if i not in entries or entries[i].legacy or i in targets:
                    continue
                if k.required:
                    targets[i] = Target(i, weight(i), REQUIRED_MULTIPLIER, "required")
                else:
                    targets[i] = Target(i, weight(i), PREFERRED_MULTIPLIER, "preferred")
        for i in role.core:
            if i in entries and i not in targets:
                targets[i] = Target(i, weight(i), OTHER_MULTIPLIER, "core")
    else:
        for i in role.core:
            if i in entries:
                targets[i] = Target(i, weight(i), CORE_MULTIPLIER_NO_POSTING, "core")
        for i in role.terms:
            if i in entries and i not in targets:
                targets[i] = Target(i, weight(i), OTHER_MULTIPLIER, "role term")
    return targets


_OR = re.compile(r"\bor\b", re.IGNORECASE)


def _alternatives_held(
    targets: dict[str, Target],
    posting_kw: dict[str, PostingKeyword],
    entries: dict[str, Entry],
    satisfied: dict[str, set[str]],
) -> dict[str, str]:
    """Credentials the posting offers as alternatives ("CPC or CCS-P") when the resume holds
    one of them: id of the missing one -> id of the one held."""
    out: dict[str, str] = {}
    for i in targets:
        if i in satisfied or entries[i].category != "credential" or i not in posting_kw:
            continue
        mine = {s for s in posting_kw[i].sentences if _OR.search(s)}
        for j, pk in sorted(posting_kw.items()):
            if j != i and j in satisfied and entries[j].category == "credential" and mine & set(pk.sentences):
                out[i] = j
                break
    return out


def _forms(entry: Entry, matches: list[Match]) -> tuple[bool, bool]:
    """Whether the resume wrote the entry's acronym, its long form, or both."""
    has_acr = has_long = False
    acr = (entry.acronym or "").lower()
    long = (entry.long_form or "").lower()
    for m in matches:
        s = m.surface.lower()
        if m.form == "acronym" or (acr and (s == acr or (m.form != "long_form" and acr in s.split()))):
            has_acr = True
        if m.form == "long_form" or (long and long in s):
            has_long = True
    return has_acr, has_long


def analyze(
    resume: Resume,
    vocab: Vocabulary,
    matcher: MatcherLike,
    posting: Posting | None = None,
    role: str | None = None,
    today: date | None = None,
) -> Report:
    """Score the resume against the posting (or the role) and collect every finding."""
    today = today or date.today()
    entries = vocab.entries
    matches = resume_matches(resume, matcher) if resume.words else []
    by_entry: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        by_entry[m.entry_id].append(m)
    resume_ids = set(by_entry)

    role_inferred = role is None
    role_id = role or infer_role(vocab, posting, resume, resume_ids)
    role_obj = vocab.roles[role_id]
    targets = _targets(vocab, role_obj, posting)

    # entry id -> resume entries (non-legacy, or itself) that satisfy it
    satisfied: dict[str, set[str]] = defaultdict(set)
    closures = _closures(vocab)
    for rid in resume_ids & closures.keys():
        for target in closures[rid]:
            satisfied[target].add(rid)
    for e in entries.values():  # a resume with each part of a combined form has the form
        if e.combines and e.id not in satisfied and all(c in satisfied for c in e.combines):
            satisfied[e.id] = set().union(*(satisfied[c] for c in e.combines))

    posting_kw: dict[str, PostingKeyword] = {k.entry_id: k for k in posting.keywords} if posting else {}
    explanation: list[str] = []
    for i, held in sorted(_alternatives_held(targets, posting_kw, entries, satisfied).items()):
        del targets[i]
        explanation.append(
            f"{entries[i].term}: not scored, the posting accepts {entries[held].term} instead "
            "and the resume has it"
        )
    ids = set(targets) | resume_ids | set(posting_kw)
    results: list[KeywordResult] = []
    earned = possible = 0.0
    for i in sorted(ids, key=lambda x: (-(targets[x].max_points if x in targets else 0), x)):
        e = entries.get(i)
        if e is None:
            continue
        own = by_entry.get(i, [])
        via = sorted(satisfied.get(i, set()))
        in_resume = bool(via)
        forms_matches = [m for v in via for m in by_entry[v]]
        has_acr, has_long = _forms(e, own or forms_matches)
        t = targets.get(i)
        pk = posting_kw.get(i)
        points = t.max_points if (t and in_resume) else 0.0
        if t:
            earned += points
            possible += t.max_points
            status = "found" if in_resume else "missing"
            if in_resume and i not in via:
                status = f"found as {', '.join(entries[v].term for v in via)}"
            explanation.append(
                f"{e.term} ({e.category.replace('_', ' ')}, {t.reason} ×{t.multiplier:g}): "
                f"{points:g} of {t.max_points:g} points — {status}"
            )
        results.append(
            KeywordResult(
                id=i,
                term=e.term,
                acronym=e.acronym,
                long_form=e.long_form,
                category=e.category,
                weight=t.weight if t else float(role_obj.weights.get(i, e.weight)),
                required=pk.required if pk else (t is not None and t.reason == "core"),
                core=i in role_obj.core,
                in_posting=pk is not None,
                posting_count=pk.count if pk else 0,
                in_resume=in_resume,
                resume_count=len(own),
                resume_forms=sorted({m.surface for m in own or forms_matches}),
                sections=sorted({m.section for m in own or forms_matches if m.section}),
                satisfied_by=[v for v in via if v != i],
                has_acronym=has_acr,
                has_long_form=has_long,
                posting_sentences=list(pk.sentences[:3]) if pk else [],
                points=points,
                max_points=t.max_points if t else 0.0,
                target=t is not None,
            )
        )

    findings: list[Finding] = resume_findings(resume, today)
    no_text = any(f.code == "no-text" for f in findings)
    score = 0 if no_text else compute_score(earned, possible)
    posting_forms = None
    if posting is not None:
        posting_by_entry: dict[str, list[Match]] = defaultdict(list)
        for m in posting.matches:
            posting_by_entry[m.entry_id].append(m)
        posting_forms = {i: _forms(entries[i], ms) for i, ms in posting_by_entry.items() if i in entries}
    findings.extend(check_keywords(results, entries, resume_ids, resume.words, posting_forms))
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.code, f.where))

    to_consider = [
        {
            "id": k.id,
            "term": k.term if not k.acronym or not k.long_form else f"{k.long_form} ({k.acronym})",
            "importance": targets[k.id].reason,
            "where": WHERE_TO_ADD.get(k.category, "Skills"),
            "note": "Add only if true.",
        }
        for k in results
        if k.target and not k.in_resume
    ]
    header = (
        f"score = round(100 × {earned:g} earned ÷ {possible:g} possible) = {score}"
        if possible
        else "score = 0 (no target keywords)"
    )
    if no_text:
        header = "score = 0: no readable text"
    return Report(
        schema_version=REPORT_SCHEMA_VERSION,
        score_version=SCORE_VERSION,
        tool_version=__version__,
        score=score,
        band=band_for(score),
        role=role_id,
        role_name=role_obj.name,
        role_inferred=role_inferred,
        resume=resume,
        posting=posting,
        keywords=results,
        findings=findings,
        to_consider=to_consider,
        score_explanation=[header, *explanation],
    )
