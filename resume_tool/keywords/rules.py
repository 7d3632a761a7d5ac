"""Small structural rules the matcher applies to ambiguous forms; pure functions over atoms.

The vocabulary says *which* forms are ambiguous (``needs_context``, ``case_sensitive``) and which
words count as evidence (``context``); these functions hold the few facts that are about text
layout rather than about one keyword: a state code after ``City,``, a verb reading such as
``Excel at``, a ``Skills:`` label at the start of a line, the sentence around a match, and who a
phrase is about: a negation ("no prior authorization experience"), someone else's duty
("supervised staff who verified eligibility"), someone else's credential ("reports to the RN",
"RNs and CNAs") or one not held ("RHIT pending").

The word sets hold lemma keys (:func:`resume_tool.keywords.nlp.token_key`): ``supervised`` and
``supervising`` are both ``supervise``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicon import MONTH_WORDS, US_STATE_CODES
from .nlp import Atoms

_ZIP = re.compile(r"^\d{5}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_COUNTRY = frozenset({"usa", "us", "united", "u.s.", "u.s.a."})
# What may follow "City, ST": end of line, a ZIP, a separator, a date.
_AFTER_PLACE = frozenset({".", "|", "•", "·", "(", ")", "[", "]", ";", "/", "–", "—", "-"})

# Function words after which a capitalized single word is a verb, not a product ("Excel at").
VERB_FOLLOWERS_ANYWHERE = frozenset({"at"})
VERB_FOLLOWERS_SENTENCE_START = frozenset({"in", "as", "when", "under", "by"})

# A label that opens a line and says the line lists skills or credentials.
SKILL_LABEL = re.compile(
    r"^[\s•·▪*\-–|]*(?:(?:technical|computer|core|key|professional|relevant|coding|billing|software)\s+)?"
    r"(?:skills?|software|systems|tools|technolog(?:y|ies)|applications|platforms|proficienc(?:y|ies)|"
    r"competenc(?:y|ies)|expertise|certifications?|credentials?|licen[cs]es?(?:\s*(?:and|&)\s*certifications?)?|"
    r"ehr|emr|ehr/emr|programs?)\s*(?:highlights|summary)?\s*[:|–—-]",
    re.IGNORECASE,
)

SENTENCE_MAX = 200
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9•])")


def is_us_state_after_place(
    atoms: Atoms, i: int, keyword_at: Callable[[int], bool] | None = None
) -> bool:
    """Atom ``i`` (two capitals) reads as a state code: ``Little Rock, AR``, ``Springfield, AR 72201``.

    True when a ZIP code follows, or when ``Capitalized ,`` precedes and the line, a separator,
    a year, a month or ``, USA`` comes next. ``Billing, AR and collections`` is not a place: the
    word after ``AR`` continues a phrase; nor is ``Billing, AR`` when ``keyword_at`` says the word
    before the comma is itself a keyword.
    """
    w = atoms.words[i]
    if w not in US_STATE_CODES:
        return False
    n = len(atoms)
    nxt = atoms.words[i + 1] if i + 1 < n else None
    nxt_new_line = i + 1 >= n or atoms.line_start[i + 1]
    if nxt is not None and not nxt_new_line and _ZIP.match(nxt):
        return True
    if i < 2 or atoms.words[i - 1] != "," or atoms.line_start[i - 1] or atoms.line_start[i]:
        return False
    place = atoms.words[i - 2]
    if not place[:1].isupper() or (keyword_at is not None and keyword_at(i - 2)):
        return False
    if nxt_new_line or nxt is None:
        return True
    low = nxt.lower()
    if nxt in _AFTER_PLACE or _YEAR.match(nxt) or low in MONTH_WORDS:
        return True
    if nxt == "," and i + 2 < n and not atoms.line_start[i + 2]:
        return atoms.words[i + 2].lower() in _COUNTRY
    return False


def is_verb_reading(atoms: Atoms, i: int) -> bool:
    """A capitalized single word used as a verb: ``Excel at customer service`` (not the software)."""
    if i + 1 >= len(atoms) or atoms.line_start[i + 1]:
        return False
    if len(atoms.words[i]) > 1 and atoms.words[i].isupper():
        return False  # an acronym is never the verb: "CPRS at the VA"
    nxt = atoms.words[i + 1]
    if nxt in VERB_FOLLOWERS_ANYWHERE:
        return True
    return atoms.sent_start[i] and nxt in VERB_FOLLOWERS_SENTENCE_START


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the line(s) holding ``text[start:end]``."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def has_skill_label(text: str, offset: int) -> bool:
    """The line holding ``offset`` opens with a label such as ``Skills:`` or ``Software:``."""
    a, _ = line_bounds(text, offset, offset)
    m = SKILL_LABEL.match(text, a)
    return bool(m) and m.end() <= offset


def sentence_around(text: str, start: int, end: int, limit: int = SENTENCE_MAX) -> str:
    """The sentence (or line) holding ``text[start:end]``, whitespace collapsed, at most ``limit`` chars.

    A long sentence is cut around the match with ``…`` on the cut side(s).
    """
    a, b = line_bounds(text, start, end)
    # narrow to the sentence inside the line; only sentence ends near the match can change the
    # result (a longer sentence is cut to ``limit`` anyway), so a long line is not rescanned
    # for every match on it
    reach = 2 * limit + (end - start)
    for m in _SENT_END.finditer(text, max(a, start - reach), min(b, end + reach)):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    s, e = a, b
    if e - s > limit:
        half = max(0, (limit - (end - start)) // 2)
        s = max(a, start - half)
        e = min(b, s + limit)
        s = max(a, e - limit)
    out = " ".join(text[s:e].split())
    if s > a:
        out = "…" + out
    if e < b:
        out = out + "…"
    return out


# ------------------------------------------------------------------ who a phrase is about
# Keys that end a clause: a verb + noun phrase never spans one of them.
PHRASE_GAP_BLOCK = frozenset(
    {".", ",", ";", ":", "!", "?", "|", "•", "·", "▪", "◦", "●", "(", ")", "[", "]", "*", ">", '"'}
    | {"no", "not", "never", "without", "who", "whom", "which", "but", "while", "then"}
)
# Noun-first phrases ("payments posted", "eligibility verified") allow fewer words between.
PHRASE_REVERSE_GAP = 2
# How far back a negation reaches ("no experience with prior authorization": three words).
NEGATION_REACH = 3
NEGATORS = frozenset({"no", "without", "never", "lack"})
# Verbs whose object is other people: "supervised staff who verified eligibility".
OTHERS_VERBS = frozenset(
    {"supervise", "manage", "oversee", "train", "direct", "hire", "recruit", "coach",
     "mentor", "instruct", "assign", "delegate", "precept", "orient", "evaluate"}
)  # fmt: skip
PEOPLE = frozenset(
    {"staff", "team", "employee", "clerk", "biller", "coder", "representative", "rep",
     "specialist", "associate", "personnel", "member", "assistant", "nurse", "agent", "people",
     "other", "worker", "student", "intern", "trainee", "hire"}
)  # fmt: skip
# Before a credential: it is someone else's ("supervised RN staff", "reports to the RN").
CREDENTIAL_OTHERS_VERBS = OTHERS_VERBS | {"assist", "support", "under", "supervision"}
CREDENTIAL_OTHERS_PAIRS = frozenset(
    {("work", "with"), ("collaborate", "with"), ("partner", "with"), ("liaise", "with"),
     ("coordinate", "with"), ("communicate", "with"), ("report", "to"),
     ("refer", "to")}
)  # fmt: skip
CREDENTIAL_REACH = 4
# After a credential: it describes other people's things ("EMT background check", "RN staff").
OTHERS_AFTER = frozenset({"paperwork", "background", "staff", "crew", "roster", "coverage"})
# After a credential: not (yet) held ("RHIT Pending", "CPC candidate", "CCS eligible").
# "Coding Certificate Program": the programme that prepares for it, not the credential ("course"
# is not here: "Clinical Coding Refresher Course" is a credential's own name).
NOT_HELD_AFTER = frozenset(
    {"pend", "candidate", "eligible", "expect", "anticipate", "program", "programme"}
)
NOT_HELD_BEFORE = frozenset({"pursue", "prepare", "toward", "towards", "study"})


def _clause_back(atoms: Atoms, start: int, reach: int) -> list[int]:
    """Atom indices before ``start`` (nearest first), within ``reach`` and the same clause."""
    out: list[int] = []
    if start <= 0 or atoms.sent_start[start]:
        return out
    j = start - 1
    while j >= 0 and len(out) < reach:
        if atoms.keys[j] in PHRASE_GAP_BLOCK - NEGATORS - {"not"}:
            break
        out.append(j)
        if atoms.sent_start[j]:
            break
        j -= 1
    return out


def crosses_boundary(atoms: Atoms, start: int, end: int) -> bool:
    """A sentence, clause or list-item boundary inside ``[start, end)``.

    A line break counts unless the line was merely wrapped: a lower-case word continuing a line
    that did not end in punctuation ("verified patient⏎eligibility").
    """
    for j in range(start + 1, end):
        if not atoms.sent_start[j]:
            continue
        if atoms.line_start[j] and not atoms.block_start[j] and atoms.words[j][:1].islower():
            prev = atoms.words[j - 1]
            if prev not in _BOUNDARY_WORDS:
                continue
        return True
    return False


_BOUNDARY_WORDS = frozenset(".!?:;|•·▪*>-–—")


def is_negated(atoms: Atoms, start: int) -> bool:
    """A negation right before the keyword: "no prior authorization experience", "not yet CPC".

    ``no``/``without``/``never``/``lack`` reach three words back ("no experience with X"); ``not``
    and ``non`` only the word before (or "not yet"), so "including but not limited to CPT" stays.
    """
    back = _clause_back(atoms, start, NEGATION_REACH)
    for d, j in enumerate(back, 1):
        k = atoms.keys[j]
        if k in NEGATORS:
            return True
        if k in ("not", "non") and (d == 1 or (d == 2 and atoms.keys[back[0]] == "yet")):
            return True
    return False


def is_others_duty(atoms: Atoms, verb_at: int, start: int) -> bool:
    """The phrase is what other people did: "supervised staff who verified eligibility".

    True when a relative pronoun (``who``, ``whom``) stands right before the verb, or when the
    clause before the phrase names people as the object of a supervising verb ("trained billers
    to post payments"). An ``and`` ends the look-back: "trained staff and posted payments" is the
    writer's own work.
    """
    if verb_at > 0 and atoms.keys[verb_at - 1] in ("who", "whom"):
        return True
    people = False
    for j in _clause_back(atoms, start, 8):
        k = atoms.keys[j]
        if k in ("and", "&"):
            return False
        if k in PEOPLE:
            people = True
        elif people and k in OTHERS_VERBS:
            return True
    return False


def is_others_credential(
    atoms: Atoms, start: int, end: int, pattern: object, plural: bool = True
) -> bool:
    """A credential named about other people: "RNs and CNAs", "reports to the RN", "supervised LPNs".

    Plural (``RNs``, "Registered Nurses") or after a verb or pair such as "supervised",
    "worked with", "reports to" in the same clause (an ``as`` in between makes it the writer's:
    "trained as a CNA").
    """
    last = atoms.words[end - 1]
    written = getattr(pattern, "text", "")
    if end < len(atoms) and not atoms.sent_start[end] and atoms.keys[end] in OTHERS_AFTER:
        return True  # "EMT paperwork", "RN staff"
    if plural and last.endswith("s") and not written.endswith(("s", "S")):
        stem = last[:-1]
        if stem.isupper() and len(stem) >= 2:
            return True  # RNs, CNAs
        if end - start > 1 and last[:1].isupper():
            return True  # Registered Nurses
    back = _clause_back(atoms, start, CREDENTIAL_REACH)
    for n, j in enumerate(back):
        k = atoms.keys[j]
        if k == "as":
            return False
        if k in CREDENTIAL_OTHERS_VERBS:
            return True
        if n + 1 < len(back) and (atoms.keys[back[n + 1]], k) in CREDENTIAL_OTHERS_PAIRS:
            return True
    return False


def is_lower_plural(atoms: Atoms, end: int, written: str) -> bool:
    """The form ends in a lower-case plural the list does not write: "team leaders" (other
    people), never "Team Leader" or a form listed in the plural."""
    last = atoms.words[end - 1]
    return (
        len(last) > 3
        and last.islower()
        and last.endswith("s")
        and not last.endswith("ss")
        and not written.lower().endswith("s")
    )


# Last words of a form that names a person in an entry that is not a job title ("team lead" in
# leadership): such a form about other people ("reports to the team lead") is not the writer's.
PERSON_NOUNS = frozenset({"lead", "leader", "supervisor", "manager"})
# Around a job title: it names a programme or a certificate, not a job held.
PROGRAMME_AFTER = frozenset(
    {"degree", "program", "programme", "certificate", "certification", "diploma", "course"}
)


def is_programme_name(atoms: Atoms, end: int) -> bool:
    """A job title used as the name of a course or a certificate: "Medical Billing and Coding
    Associates Degree", "Billing Specialist program"."""
    return end < len(atoms) and not atoms.sent_start[end] and atoms.keys[end] in PROGRAMME_AFTER


def is_not_held(atoms: Atoms, start: int, end: int) -> bool:
    """A credential not (yet) held: "RHIT Pending", "CPC candidate", "pursuing CCS"."""
    n = len(atoms)
    j = end
    seen = 0
    while j < n and seen < 2 and not atoms.sent_start[j]:
        k = atoms.keys[j]
        if k in ("(", ")", "-"):
            j += 1
            continue
        if k in NOT_HELD_AFTER or (k == "in" and j + 1 < n and atoms.keys[j + 1] == "progress"):
            return True
        seen += 1
        j += 1
    return any(atoms.keys[j] in NOT_HELD_BEFORE for j in _clause_back(atoms, start, 3))


# Around a list item: what may stand before and after it ("Accounting, billing, CMS").
_ITEM_BEFORE = frozenset({",", ";", ":", "and", "|", "•", "·", "▪", "(", "*"})
_ITEM_AFTER = frozenset({",", ";", ".", ":", "and", "|", ")", "•", "·"})


def is_list_item(atoms: Atoms, start: int, end: int) -> bool:
    """``[start, end)`` is written as an item of a list or a line of its own.

    "patient accounting, billing, managed care" and a skills line "Billing" are; "the billing
    team" and "before final billing" are not (a bare generic word there names no skill).
    """
    before = start == 0 or atoms.sent_start[start] or atoms.keys[start - 1] in _ITEM_BEFORE
    after = end >= len(atoms) or atoms.sent_start[end] or atoms.keys[end] in _ITEM_AFTER
    return before and after
