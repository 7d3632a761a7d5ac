"""Wording for the draft: skills grouped by category, and credentials with their expansion.

The draft may only say what the resume already says. The two liberties taken here are the
ones a recruiter's keyword search rewards and that add no fact:

- a keyword the resume evidences is written in the posting's wording when the posting
  names the same concept ("E&M" where the posting wrote it and the resume wrote "E/M");
- a credential or term the resume has in one form gets its other form from the keyword
  lists ("CPC" → "Certified Professional Coder (CPC)").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..models import Entry, KeywordResult, Match, Report, Vocabulary

# Skill groups: category id -> display name, in the order the draft lists them. The one
# place that decides how the Skills section is laid out; unknown categories follow, humanized.
SKILL_GROUPS: dict[str, str] = {
    "code_set": "Code sets",
    "payment_system": "Payment systems",
    "coding_practice": "Coding",
    "billing_claims": "Billing and claims",
    "software": "Software",
    "compliance": "Compliance",
    "clinical_knowledge": "Clinical knowledge",
    "soft_skill": "Strengths",
}
# Labels avoid heading words ("skills", "experience", ...): a parser would read a line
# "Other skills: ..." in bold as a new section.
OTHER_SKILLS = "Other"
# Categories that are not skills: credentials go to Certifications (as the resume wrote
# them), issuing bodies and job titles stay where the resume put them.
NOT_SKILLS = frozenset({"credential", "organization", "job_title"})
# Words that carry no detail of their own when a skills item is reduced to its keywords.
_FILLER = frozenset({
    "a", "an", "and", "&", "or", "of", "the", "in", "on", "for", "with", "to", "using", "use",
    "including", "incl", "via", "plus", "skills", "skill", "knowledge", "experience",
    "proficient", "proficiency", "familiar", "strong", "working",
})  # fmt: skip


class MatcherLike(Protocol):
    vocab: Vocabulary

    def match(
        self, text: str, section_at: Callable[[int], str | None] | None = None
    ) -> list[Match]: ...


@dataclass
class SkillGroup:
    """One line of the Skills section: "Code sets: ICD-10-CM, CPT, ..."."""

    category: str
    label: str
    items: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Items joined by commas, or by semicolons when an item has a comma of its own."""
        sep = "; " if any("," in i for i in self.items) else ", "
        return sep.join(self.items)


def _key(text: str) -> str:
    """Letters and digits only, lower case: "E/M" and "E & M" differ, "ICD-10-CM"/"ICD10CM" don't."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def group_label(category: str) -> str:
    return SKILL_GROUPS.get(category) or category.replace("_", " ").replace("-", " ").capitalize()


def _form_of(entry: Entry, m: Match) -> str:
    """Which form a match wrote: "acronym", "long_form" or "other" (judged on the surface)."""
    k = _key(m.surface)
    if entry.acronym and k == _key(entry.acronym):
        return "acronym"
    if entry.long_form and k == _key(entry.long_form):
        return "long_form"
    if m.form in ("acronym", "long_form"):
        return m.form
    return "other"


def _cased(entry: Entry, surface: str) -> str:
    """The surface in the list's casing when it is a list form as such, else as written."""
    surface = " ".join(surface.split())
    forms = [f for f in (entry.term, entry.acronym, entry.long_form, *entry.aliases) if f]
    for form in forms:
        if form.casefold() == surface.casefold():
            return form
    if entry.acronym and surface.casefold() == entry.acronym.casefold() + "s":
        return entry.acronym  # "EOBs" beside "Explanation of Benefits": the list's singular
    return surface


def _capitalized(entry: Entry, text: str) -> str:
    """A skills item starts with a capital ("Denial management"), except one-word brand names
    written in lower case ("athenahealth")."""
    brand = entry.category == "software" and " " not in entry.term and entry.term.islower()
    if text[:1].islower() and not brand and text not in entry.case_sensitive:
        return text[:1].upper() + text[1:]
    return text


def _words(text: str) -> str:
    """Lower-case words separated by single spaces, padded: for whole-word containment."""
    return " " + " ".join(re.findall(r"[0-9a-z]+", text.casefold())) + " "


def _most_common(surfaces: Iterable[str]) -> str | None:
    counts = Counter(" ".join(s.split()) for s in surfaces)
    return counts.most_common(1)[0][0] if counts else None


@dataclass
class Wording:
    """Surfaces of every entry in the posting and in the resume, by form."""

    posting: dict[str, list[Match]]
    resume: dict[str, list[Match]]
    posting_order: dict[str, int]
    resume_order: dict[str, int]

    @classmethod
    def of(cls, posting_matches: Sequence[Match], resume_matches: Sequence[Match]) -> Wording:
        posting: dict[str, list[Match]] = defaultdict(list)
        resume: dict[str, list[Match]] = defaultdict(list)
        for m in posting_matches:
            posting[m.entry_id].append(m)
        for m in resume_matches:
            resume[m.entry_id].append(m)
        return cls(
            posting=dict(posting),
            resume=dict(resume),
            posting_order={i: min(m.start for m in ms) for i, ms in posting.items()},
            resume_order={i: min(m.start for m in ms) for i, ms in resume.items()},
        )

    def surface(self, entry: Entry, form: str | None = None) -> str | None:
        """The posting's wording of the entry (in ``form`` if given), else the resume's."""
        for source in (self.posting, self.resume):
            ms = [m for m in source.get(entry.id, []) if form is None or _form_of(entry, m) == form]
            best = _most_common(m.surface for m in ms)
            if best:
                return _cased(entry, best)
        return None


def _digits(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")


def _stems(text: str) -> set[str]:
    """Content words, crudely stemmed: "Posted payments" and "payment posting" agree."""
    out: set[str] = set()
    for w in re.findall(r"[A-Za-z0-9]+", text):
        low = w.casefold()
        if low in _FILLER or (len(w) <= 2 and not w.isdigit() and not w.isupper()):
            continue
        for suffix in _SUFFIXES:
            if len(low) > len(suffix) + 2 and low.endswith(suffix):
                low = low[: -len(suffix)]
                break
        out.add(low[:4])
    return out


def keyword_display(entry: Entry, k: KeywordResult, wording: Wording, source_text: str) -> str | None:
    """How the Skills section writes an evidenced keyword, or None when it cannot honestly.

    - Both forms ("Evaluation and Management (E/M)") for a target keyword unless the resume
      already has both: the gap the analyzer reports as ``acronym-long-form``; only when the
      posting (or the resume) writes the long form, never from the keyword list alone.
    - Else the posting's wording when the posting names it (a bare "coding" becomes the
      list's "medical coding", which holds the posting's word).
    - Else the list's acronym or long form when the resume wrote that form, or the list's term
      when it rewords the resume's own words ("Posted payments" → "payment posting"); when
      the term says more than the resume ("3M encoder" is listed under "3M Codefinder"), the
      resume's words as written.
    A display with a number that neither the resume nor the posting wrote is never used.
    """
    acr, long = entry.acronym, entry.long_form
    # both forms only in words someone wrote: the long form as the posting (or the resume)
    # writes it, never the keyword list's alone (that would put words in the resume's mouth)
    both = bool(
        acr and long and _key(acr) != _key(long) and k.target
        and not (k.has_acronym and k.has_long_form)
        and wording.surface(entry, "long_form")
    )
    text: str | None
    if both and acr and long:
        a = wording.surface(entry, "acronym") or acr
        lf = wording.surface(entry, "long_form") or long
        text = f"{_capitalized(entry, lf)} ({a})"
        base = wording.surface(entry) or ""
        at = whole_token(a, base)
        if at and _key(base) != _key(a) and _form_of(entry, Match(entry.id, base, 0, 0)) != "long_form":
            text = base[: at.start()] + text + base[at.end() :]  # "... (HCPCS) Level II"
    elif entry.id in wording.posting:
        text = wording.surface(entry)
        if text and _key(text) != _key(entry.term) and _key(text) in _key(entry.term):
            text = entry.term
    elif entry.id in wording.resume:
        ms = wording.resume[entry.id]
        if all(m.section in ("education", "contact", None) for m in ms):
            return None  # a degree's name or a contact line is no skill claim
        kind = Counter(_form_of(entry, m) for m in ms).most_common(1)[0][0]
        surface = _most_common(m.surface for m in ms) or ""
        text = {"acronym": acr, "long_form": long}.get(kind)
        if text is None:
            text = entry.term if _stems(entry.term) <= _stems(surface) else _cased(entry, surface)
    else:
        return None
    allowed = _digits(source_text) | _digits(" ".join(m.surface for m in wording.posting.get(entry.id, [])))
    if not text or not _digits(text) <= allowed:
        return None
    if not both and not _source_words(text) <= _source_words(source_text):
        # the posting's or the list's spelling of what the resume spells its own way
        # ("orthopedics" for "orthopaedics"): the resume's words, as written
        own = _most_common(m.surface for m in wording.resume.get(entry.id, []))
        if not own:
            return None
        text = _cased(entry, own)
    return _capitalized(entry, text)


def _source_words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.casefold()))


def whole_token(form: str, text: str) -> re.Match[str] | None:
    """``form`` in ``text`` as a whole token: "OPCS-4" is not in "OPCS-4.9", nor "CPC" in "CPC-A"."""
    return re.search(
        rf"(?<![A-Za-z0-9])(?<![A-Za-z0-9][.-]){re.escape(form)}(?![A-Za-z0-9])(?![.-][A-Za-z0-9])",
        text,
    )


def evidenced(k: KeywordResult) -> bool:
    """Written in the resume, or satisfied by a more specific term it has and named by the posting."""
    return k.in_resume and (k.resume_count > 0 or k.in_posting)


def _residual_words(text: str, matches: Sequence[Match]) -> list[str]:
    """Words of a skills item left once its keywords are taken out: its own detail."""
    rest = text
    for m in sorted(matches, key=lambda m: -m.start):
        rest = rest[: m.start] + " " + rest[m.end :]
    return [w for w in re.findall(r"[A-Za-z0-9]+", rest) if w.casefold() not in _FILLER]


def build_skills(
    report: Report, matcher: MatcherLike, wording: Wording, skill_items: Sequence[str]
) -> list[SkillGroup]:
    """Skills by category: the resume's own items as written, plus the keywords it evidences.

    - A skills item with no keyword goes to "Other skills", as written.
    - An item with a keyword stays as written, in its keyword's group; only an item that is a
      bare keyword spelled differently from the posting ("E/M" where the posting wrote "E&M")
      takes the posting's spelling.
    - Every other keyword the resume evidences (in its bullets, summary, anywhere) is added
      in the posting's wording (see ``keyword_display``), and a keyword an item already names
      is added again only in a wording the item lacks that the posting or the analyzer wants.
    Within a group, what the posting names comes first, in the posting's order.
    """
    entries = matcher.vocab.entries
    source_text = report.resume.document.text
    # written in the resume: a keyword evidenced only through a more specific term ("Epic" for
    # "EHR") is not added, the resume's own term stands for it as written
    results = {
        k.id: k for k in report.keywords
        if evidenced(k) and k.resume_count > 0 and k.id in entries and not entries[k.id].legacy
        and entries[k.id].category not in NOT_SKILLS
    }  # fmt: skip
    displays = {
        i: d for i, k in results.items()
        if (d := keyword_display(entries[i], k, wording, source_text))
    }  # fmt: skip
    far = 10**9

    def rank(ids: Iterable[str], fallback: int) -> tuple[int, int, int]:
        ids = list(ids)
        posted = [i for i in ids if i in wording.posting_order]
        if posted:
            first = min(posted, key=lambda i: wording.posting_order[i])
            required = results[first].required if first in results else False
            return (0, 0 if required else 1, wording.posting_order[first])
        return (1, 0, min((wording.resume_order.get(i, far) for i in ids), default=fallback))

    placed: list[tuple[tuple[int, int, int], str, str]] = []  # (rank, category, text)
    named: dict[str, list[str]] = defaultdict(list)  # entry id -> items naming it
    for item in skill_items:
        ms = [m for m in matcher.match(item, lambda _: "skills") if m.entry_id in entries]
        pos = source_text.find(item)
        if not ms:
            placed.append(((2, 0, pos if pos >= 0 else far), "_other", item))
            continue
        ids = list(dict.fromkeys(m.entry_id for m in ms))
        first = entries[ids[0]]
        category = first.category if first.category not in NOT_SKILLS else "_other"
        text = item
        bare = len(ids) == 1 and not _residual_words(item, ms)
        if bare and ids[0] in displays and (
            _key(displays[ids[0]]) == _key(item) or _words(item) in _words(displays[ids[0]])
        ):
            text = displays[ids[0]]  # the same words in the posting's spelling, or expanded
        placed.append((rank(ids, pos), category, text))
        for i in ids:
            named[i].append(text)

    items_words = [_words(t) for _, _, t in placed]
    for i, text in displays.items():
        wanted = i in wording.posting or "(" in text  # the posting's words, or both forms
        if (named.get(i) and not wanted) or any(_words(text) in w for w in items_words):
            continue  # an item already says it, in the words wanted
        placed.append((rank([i], far), entries[i].category, text))

    groups: dict[str, SkillGroup] = {}
    seen: set[str] = set()
    for _, category, text in sorted(placed, key=lambda p: p[0]):
        text = " ".join(text.split())
        if not text or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        label = OTHER_SKILLS if category == "_other" else group_label(category)
        groups.setdefault(category, SkillGroup(category, label)).items.append(text)
    ordered = [groups[c] for c in SKILL_GROUPS if c in groups]
    ordered += [g for c, g in groups.items() if c not in SKILL_GROUPS and c != "_other"]
    if "_other" in groups:
        ordered.append(groups["_other"])
    return ordered


# "59 and XS" after "Modifiers 25": the rest of a list of codes, not an item of its own.
# Codes and separators cannot overlap (a code is upper case and digits, a separator is
# spaces, "and"/"or", "&" or "/"), so there is one way to read a piece and matching is linear:
# no input can make it backtrack exponentially (the old pattern took minutes on 200 bytes).
_CODE_RUN = re.compile(
    r"\d[0-9A-Z]{0,6}(?:(?:\s+(?:(?:and|or)\s+)?|\s*[&/]\s*)[0-9A-Z]{1,7}(?![0-9A-Z]))*"
)


def split_skills(lines: Iterable[str]) -> list[str]:
    """Skills lines → items, as written: "A, B; C | D" → A, B, C, D; "Code sets:" labels go.

    A piece that starts with a digit continues the one before it, so "Modifiers 25, 59 and
    XS" stays one item.
    """
    items: list[str] = []
    for raw in lines:
        text = re.sub(r"^\s*(?:[-*•·▪■●◦‣⁃>]|\d{1,2}[.)])\s+", "", raw).strip()
        head, colon, rest = text.partition(":")
        if colon and rest.strip() and len(head.split()) <= 4 and not re.search(r"\d", head):
            text = rest
        pieces: list[str] = []
        depth, buf = 0, []
        for ch in text + ",":
            depth += (ch in "([") - (ch in ")]")
            if depth <= 0 and ch in ",;|•·▪\t":
                pieces.append("".join(buf))
                buf, depth = [], 0
            else:
                buf.append(ch)
        line_items: list[str] = []
        for piece in (q.strip(" .") for p in pieces for q in re.split(r"\s{3,}", p)):
            if not piece:
                continue
            if line_items and _CODE_RUN.fullmatch(piece):
                line_items[-1] = f"{line_items[-1]}, {piece}"
            else:
                line_items.append(piece)
        items.extend(line_items)
    return items


def expand_credentials(line: str, matcher: MatcherLike) -> tuple[str, list[str]]:
    """The line as written plus the missing long form (or acronym) of each credential on it.

    "CPC, AAPC (2017)" → "Certified Professional Coder (CPC), AAPC (2017)". Returns the new
    line and the expansions made (for the change notes).
    """
    entries = matcher.vocab.entries
    edits: list[tuple[int, int, str]] = []
    added: list[str] = []
    done: set[str] = set()
    folded = _key(line)
    for m in matcher.match(line, lambda _: "certifications"):
        e = entries.get(m.entry_id)
        if e is None or e.category != "credential" or e.id in done:
            continue
        acr, long = e.acronym, e.long_form
        if not acr or not long or _key(acr) == _key(long):
            continue
        form = _form_of(e, m)
        if not whole_token(line[m.start : m.end], line):
            continue  # part of a longer token ("OPCS-4" in "OPCS-4.9"): never broken
        if form == "acronym" and _key(long) not in folded:
            edits.append((m.start, m.end, f"{long} ({line[m.start:m.end]})"))
            added.append(long)
        elif form == "long_form" and not re.search(
            rf"(?<![A-Za-z0-9]){re.escape(acr)}(?![A-Za-z0-9])", line, re.IGNORECASE
        ):
            edits.append((m.start, m.end, f"{line[m.start:m.end]} ({acr})"))
            added.append(acr)
        done.add(e.id)
    for start, end, text in sorted(edits, reverse=True):
        line = line[:start] + text + line[end:]
    return line, added
