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
from ..keywords.posting import DOMAIN_CODING, DOMAIN_OTHER, decide_domain
from ..models import (
    Entry,
    Finding,
    KeywordResult,
    Match,
    Posting,
    PostingKeyword,
    Report,
    Requirement,
    Resume,
    Role,
    Vocabulary,
)
from .findings import SEVERITY_ORDER, check_keywords, resume_findings
from .requirements import requirement_checks
from .score import (
    CORE_MULTIPLIER_NO_POSTING,
    NOT_SCORED_BAND,
    OTHER_MULTIPLIER,
    PREFERRED_MULTIPLIER,
    REQUIRED_MULTIPLIER,
    ROLE_TIER_MULTIPLIER,
    SCORE_VERSION,
    Target,
    band_for,
    compute_score,
)

__all__ = ["REPORT_SCHEMA_VERSION", "SCORE_VERSION", "analyze", "infer_role", "resume_matches"]

REPORT_SCHEMA_VERSION = "1.2"  # 1.1: domain, checks; keyword source, alternatives, hint; 1.2: sub_scores, writing
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


ENTRY_LEVEL_ROLE = "entry-level-coder"
_SENIOR_TITLE = re.compile(
    r"\b(?:manager|management|lead|leader|supervisor|director|head|senior|sr|principal|auditor|"
    r"trainer|educator|specialist iii|band\s*[6-9]\w?)\b",
    re.IGNORECASE,
)


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
    # a manager, lead, senior, auditor or trainer posting is not a first coding job: the
    # entry-level profile's terms would be advice for another job
    senior = posting is not None and bool(_SENIOR_TITLE.search(posting.title or ""))
    best, best_score = None, 0.0
    for role in roles:
        if senior and role.id == ENTRY_LEVEL_ROLE:
            continue
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


def _requirements(posting: Posting, entries: dict[str, Entry]) -> list[Requirement]:
    """The posting's requirements; a posting built by hand without them gets one per keyword."""
    if posting.requirements:
        return posting.requirements
    return [Requirement(ids=[k.entry_id], required=k.required, sentence=(k.sentences or [""])[0])
            for k in posting.keywords
            if k.entry_id in entries and entries[k.entry_id].category != "job_title"]


def _targets(
    vocab: Vocabulary,
    role: Role,
    posting: Posting | None,
    satisfied: dict[str, set[str]],
    use_role: bool = True,
) -> tuple[dict[str, Target], dict[str, Requirement]]:
    """The score's targets, and for each target that stands for an either-or requirement that
    requirement. One requirement is one target: "CPC, COC or CCS" is keyed by the member the
    resume has (else the first named) and scored once."""
    entries = vocab.entries

    def weight(i: str) -> float:
        return float(role.weights.get(i, entries[i].weight))

    targets: dict[str, Target] = {}
    groups: dict[str, Requirement] = {}
    if posting is not None:
        reqs = [r for r in _requirements(posting, entries) if any(i in entries and not entries[i].legacy for i in r.ids)]
        # required first, so a keyword the posting both requires and prefers counts as required
        for r in sorted(reqs, key=lambda r: not r.required):
            ids = [i for i in r.ids if i in entries and not entries[i].legacy]
            mult, reason = (REQUIRED_MULTIPLIER, "required") if r.required else (PREFERRED_MULTIPLIER, "preferred")
            if len(ids) == 1 and not r.or_equivalent:
                # "ICD-10-CM/PCS" in a posting asks for ICD-10-CM and for ICD-10-PCS
                for i in entries[ids[0]].combines or ids:
                    if i in entries and not entries[i].legacy and i not in targets:
                        targets[i] = Target(i, weight(i), mult, reason)
                continue
            if any(i in targets for i in ids):
                continue
            rep = next((i for i in ids if i in satisfied), ids[0])
            targets[rep] = Target(rep, max(weight(i) for i in ids), mult, reason)
            groups[rep] = Requirement(ids=ids, required=r.required, sentence=r.sentence,
                                      or_equivalent=r.or_equivalent)
        # what the posting asks for leaves the role tier; a keyword it only mentions ("We use
        # Epic", "our inpatient unit") stays a role keyword
        named = {i for r in reqs for i in r.ids} | {k.entry_id for k in posting.keywords if k.required or k.preferred}
        if use_role:
            for i in role.core:
                # beside a posting the job title is its own check, not a keyword (see requirements.py)
                if i in entries and i not in targets and i not in named and entries[i].category != "job_title":
                    targets[i] = Target(i, weight(i), ROLE_TIER_MULTIPLIER, "role")
    elif use_role:
        for i in role.core:
            if i in entries:
                targets[i] = Target(i, weight(i), CORE_MULTIPLIER_NO_POSTING, "core")
        for i in role.terms:
            if i in entries and i not in targets:
                targets[i] = Target(i, weight(i), OTHER_MULTIPLIER, "role term")
    return targets, groups


def _hint(i: str, entries: dict[str, Entry], closures: dict[str, frozenset[str]],
          resume_ids: set[str], has_posting: bool) -> str:
    """The resume writes a broader form ("ICD-10") of what is asked more specifically
    ("ICD-10-CM"): say exactly what to write."""
    if entries[i].category == "credential":
        return ""  # holding "a coding certification" is not holding the CCS-P
    broader = sorted(r for r in resume_ids if r != i and r in closures.get(i, ()) and r in entries
                     and not entries[r].legacy and entries[r].category == entries[i].category)
    if not broader:
        return ""
    e = entries[i]
    have = entries[broader[0]].term
    where = "the posting names" if has_posting else "postings for this role often name"
    return (f'Your resume writes "{have}"; {where} "{e.term}". If that is what you use, write '
            f'"{e.term}" exactly: an ATS search for "{e.term}" does not find "{have}".')


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
    closures = _closures(vocab)

    # entry id -> resume entries (non-legacy, or itself) that satisfy it
    satisfied: dict[str, set[str]] = defaultdict(set)
    for rid in resume_ids & closures.keys():
        for target in closures[rid]:
            satisfied[target].add(rid)
    for e in entries.values():  # a resume with each part of a combined form has the form
        if e.combines and e.id not in satisfied and all(c in satisfied for c in e.combines):
            satisfied[e.id] = set().union(*(satisfied[c] for c in e.combines))

    if posting is not None:
        domain, domain_evidence = posting.domain, list(posting.domain_evidence)
    else:
        domain, domain_evidence = decide_domain(matches, entries, resume.document.text)
    # the role profile is a yardstick only for coding/billing/HIM work, or when the user chose it
    use_role = domain == DOMAIN_CODING or not role_inferred or (posting is None and domain != DOMAIN_OTHER)
    targets, groups = _targets(vocab, role_obj, posting, satisfied, use_role)

    posting_kw: dict[str, PostingKeyword] = {k.entry_id: k for k in posting.keywords} if posting else {}
    explanation: list[str] = []
    for rep, req in sorted(groups.items()):
        if rep in satisfied or not req.or_equivalent:
            continue
        cat = entries[rep].category
        held = sorted(
            i for i in resume_ids
            if i in entries and entries[i].category == cat and not entries[i].legacy
            # a credential for a credential; software of the same kind ("3M ... or similar" encoder)
            and (cat == "credential" or bool((closures.get(i, frozenset()) & closures.get(rep, frozenset()))
                                             - {i, rep}))
        )  # fmt: skip
        if held:
            del targets[rep]
            explanation.append(
                f"{entries[rep].term}: not scored, the posting accepts an equivalent and the resume has "
                f"{', '.join(entries[h].term for h in held)} (check whether it counts)"
            )
    group_members = {i: rep for rep, req in groups.items() for i in req.ids}
    ids = set(targets) | resume_ids | set(posting_kw)
    results: list[KeywordResult] = []
    earned = possible = 0.0
    for i in sorted(ids, key=lambda x: (-(targets[x].max_points if x in targets else 0), x)):
        e = entries.get(i)
        if e is None:
            continue
        t = targets.get(i)
        req = groups.get(i) if t else None
        members = req.ids if req else [i]
        own = by_entry.get(i, [])
        via = sorted({v for m in members for v in satisfied.get(m, set())})
        in_resume = bool(via)
        forms_matches = [m for v in via for m in by_entry[v]]
        has_acr, has_long = _forms(e, own or forms_matches)
        pk = posting_kw.get(i)
        points = t.max_points if (t and in_resume) else 0.0
        if t:
            earned += points
            possible += t.max_points
            status = "found" if in_resume else "missing"
            if in_resume and i not in via:
                status = f"found as {', '.join(entries[v].term for v in via)}"
            name = e.term if not req else "one of " + ", ".join(entries[m].term for m in req.ids)
            explanation.append(
                f"{name} ({e.category.replace('_', ' ')}, {t.reason} ×{t.multiplier:g}): "
                f"{points:g} of {t.max_points:g} points — {status}"
            )
        required = (req.required if req else bool(pk and pk.required)) if posting is not None else False
        if t is None and posting is not None and i in group_members and group_members[i] != i:
            required = False  # a member of an either-or requirement reported under another member
        results.append(
            KeywordResult(
                id=i,
                term=e.term,
                acronym=e.acronym,
                long_form=e.long_form,
                category=e.category,
                weight=t.weight if t else float(role_obj.weights.get(i, e.weight)),
                required=required,
                core=i in role_obj.core,
                in_posting=pk is not None or req is not None,
                posting_count=pk.count if pk else 0,
                in_resume=in_resume,
                resume_count=len(own),
                resume_forms=sorted({m.surface for m in own or forms_matches}),
                sections=sorted({m.section for m in own or forms_matches if m.section}),
                satisfied_by=[v for v in via if v != i],
                has_acronym=has_acr,
                has_long_form=has_long,
                posting_sentences=(list(pk.sentences[:3]) if pk else [req.sentence] if req and req.sentence else []),
                points=points,
                max_points=t.max_points if t else 0.0,
                target=t is not None,
                source="posting" if (req is not None or (pk is not None and (pk.required or pk.preferred))) else "role",
                alternatives=[m for m in members if m != i],
                or_equivalent=bool(req and req.or_equivalent),
                hint=_hint(i, entries, closures, resume_ids, posting is not None) if t and not in_resume else "",
            )
        )

    findings: list[Finding] = resume_findings(resume, today)
    no_text = any(f.code == "no-text" for f in findings)
    # nothing medical on either side of the comparison: a medical-coding keyword score would
    # measure little (a software posting's terms are mostly unknown to the lists), so none is given
    withheld = domain == DOMAIN_OTHER and role_inferred
    score = 0 if (no_text or withheld) else compute_score(earned, possible)
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
            "source": k.source,
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
    elif withheld and posting is not None:
        header = ("not scored: the posting is not a medical coding, billing or HIM job, and the keyword "
                  "lists know few of its terms; the ones they know are listed, unscored")
    elif withheld:
        header = ("not scored: the resume shows no medical coding, billing or HIM evidence and no "
                  "posting was given; choose a target role or give a posting to score it")
    return Report(
        schema_version=REPORT_SCHEMA_VERSION,
        score_version=SCORE_VERSION,
        tool_version=__version__,
        score=score,
        band=NOT_SCORED_BAND if withheld else band_for(score),
        role=role_id,
        role_name=role_obj.name,
        role_inferred=role_inferred,
        resume=resume,
        posting=posting,
        keywords=results,
        findings=findings,
        to_consider=to_consider,
        score_explanation=[header, *explanation],
        domain=domain,
        domain_evidence=domain_evidence,
        checks=requirement_checks(resume, posting, role_obj, resume_ids, entries, today),
    )
