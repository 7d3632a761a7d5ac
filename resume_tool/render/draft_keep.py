"""Draft conservation: every line of the source ends up in the draft, or in a list of what
was left out and why (issue 11, item 5).

The draft is built from what the structure stage recovered (entries, bullets, sections), and
that can be wrong on real layouts: a sidebar read into the experience section, a header line
with words no field took, a section the structure did not see. So after the draft is built,
``conserve`` walks the reader's lines and asks of each whether its words are in the draft. A
line that is not is put where it stood in the source (the role, the section or the top of
the page it belongs to), or, when the draft leaves it out on purpose (bullets of a condensed
old role, a replaced heading, a page number), listed in ``Draft.left_out`` with the reason.

What counts as the same words: case, whitespace, bullet glyphs and punctuation are
normalised, dates are (the draft writes every date one way) and so are contact labels
("Phone:"). A line is kept when each of its pieces (split at separators such as ``|``, ``,``,
tabs and the dates) appears as a run of words somewhere in the draft.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Document, ExperienceEntry, Line, Resume, Section

if TYPE_CHECKING:
    from .draft import Draft, DraftRole

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Dates as a draft may rewrite them, and durations ("(1 year 9 months)") it leaves out.
_DATES = re.compile(
    rf"\b{_MONTH}\b\.?,?\s*'?(?:\d{{4}}|\d{{2}})?\b"
    r"|\b\d{1,2}\s*[/.-]\s*(?:\d{1,2}\s*[/.-]\s*)?(?:\d{4}|\d{2})\b"
    r"|\b(?:19|20)\d{2}\b"
    r"|\b(?:present|current|currently|now|today|date|till|until|to|since|ongoing)\b"
    r"|\b(?:spring|summer|fall|autumn|winter)s?\b"
    r"|\(\s*\d{1,2}\s*(?:yrs?|years?|mos?|months?)\b(?:\s*\d{1,2}\s*(?:mos?|months?)\b)?\s*\)",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|e-?mail|address|linkedin|website|github|"
    r"portfolio|contact)\b\s*:?",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|•·▪,;:\t\x00]|\s{2,}|\s[-–—]\s|[–—]")
_DASHES = re.compile(r"\s[-–—]\s|[–—]|:")
_PIECES = re.compile(r"[|•·▪,;\t]|\s{3,}")  # between the items of a list
_WORD = re.compile(r"[^\W_]+")
_LEAD = re.compile(r"^\s*(?:[-*•·▪■●◦‣⁃>➢✓✔□❖]|\d{1,2}[.)])\s+")
_DURATION = re.compile(
    r"^\W*(?:(?:less than )?\d{1,2}\s*(?:yrs?|years?|mos?|months?)\b\s*){1,2}\W*$", re.IGNORECASE
)
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\W*$", re.IGNORECASE)
_SKILL_LABEL = re.compile(r"^\s*([^:\d]{1,40}):\s*(?=\S)")


@dataclass
class LeftOut:
    """A line of the source the draft does not show, and why (shown to the user)."""

    text: str
    reason: str
    where: str = ""  # the role or section it came from


def words(text: str) -> list[str]:
    """Lower-case words, Unicode-aware, with compatibility forms folded ("ﬁ" → "fi")."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def segments(text: str) -> list[list[str]]:
    """The pieces of a line that must each appear as a run of words (dates, labels removed)."""
    text = unicodedata.normalize("NFKC", text)
    text = _LABELS.sub("\x00", _DATES.sub("\x00", text))
    return [ws for part in _SEPARATORS.split(text) if (ws := words(part))]


def plain(text: str) -> list[str]:
    """The words of a text with its dates and contact labels taken out, the rest in order."""
    text = unicodedata.normalize("NFKC", text)
    return words(_LABELS.sub(" ", _DATES.sub(" ", text)))


def missing_text(text: str, seen: Seen) -> str:
    """The pieces of ``text`` (as written) whose words ``seen`` lacks, joined by ", "."""
    text = unicodedata.normalize("NFKC", text)
    text = _LABELS.sub("\x00", _DATES.sub("\x00", text))
    pieces = [" ".join(p.split()) for p in _SEPARATORS.split(text)]
    return ", ".join(p for p in pieces if words(p) and not seen.has(words(p)))


def strip_lead(text: str) -> str:
    return _LEAD.sub("", text.strip()).strip()


class Seen:
    """The words the user gets (draft and left-out list), as one searchable string.

    Each text is a field of its own: a run of words never spans two fields, so a title
    "Registered Nurse" and an employer "Company Name" do not keep a line "Registered Nurse
    Company Name" (a role's header is checked against its own fields by ``role_keeps``).
    """

    def __init__(self, texts: Iterable[str] = ()) -> None:
        # one string built once, plus the (few) texts added later: no quadratic rebuilding.
        # Fields hold their words with dates taken out, as the pieces looked for have them.
        self._fields = [" " + " ".join(ws) + " " for t in texts if t and (ws := plain(t))]
        self._flat = " |" + "|".join(self._fields) + "| "
        self._added: list[str] = []
        self._index: dict[str, set[int]] = {}
        for n, f in enumerate(self._fields):
            for w in f.split():
                self._index.setdefault(w, set()).add(n)

    def add(self, text: str | None) -> None:
        if text and (ws := plain(text)):
            field = " " + " ".join(ws) + " "
            self._added.append(field)
            self._fields.append(field)
            for w in ws:
                self._index.setdefault(w, set()).add(len(self._fields) - 1)

    def _fields_with(self, ws: list[str]) -> set[int]:
        needle = " " + " ".join(ws) + " "
        return {n for n in self._index.get(ws[0], ()) if needle in self._fields[n]}

    def keeps(self, text: str) -> bool:
        """Is every piece of ``text`` shown? A list's items ("A, B | C") may stand anywhere,
        each as a run of words (dates aside); the parts of one item that a dash or a colon
        separates ("Jane Doe – Medical Coder") may stand in neighbouring fields of the draft
        (a name line and a headline)."""
        for piece in _PIECES.split(unicodedata.normalize("NFKC", text)):
            found = [self._fields_with(ws) for part in _DASHES.split(piece) if (ws := plain(part))]
            if any(not f for f in found):
                return False
            if len(found) > 1 and not any(
                all(any(abs(g - f) <= 1 for g in other) for other in found[1:]) for f in found[0]
            ):
                return False
        return True

    def has(self, ws: list[str]) -> bool:
        needle = " " + " ".join(ws) + " "
        return needle in self._flat or any(needle in a for a in self._added)

    def missing(self, text: str) -> list[list[str]]:
        """The pieces of ``text`` whose words the draft does not show."""
        return [s for s in segments(text) if not self.has(s)]


def draft_texts(draft: Draft) -> list[str]:
    """Every piece of text the draft shows, in the order it shows them (headings included)."""
    h = draft.headings
    out: list[str | None] = [draft.name, *draft.headline, *draft.contact, *draft.links]
    if draft.summary:
        out += [h["summary"], *(p.text for p in draft.summary)]
    if draft.certifications:
        out += [h["certifications"], *draft.certifications]
    if draft.skills:
        out.append(h["skills"])
        for g in draft.skills:
            out += [g.label, *g.items]
    if draft.experience or draft.earlier:
        out.append(h["experience"])
    for r in draft.experience:
        out += [r.title, r.employer, r.location, r.dates, *r.bullets]
    if draft.earlier:
        out.append(h["earlier"])
    for r in draft.earlier:
        out += [r.title, r.employer, r.dates]
    if draft.education:
        out += [h["education"], *(p.text for p in draft.education)]
    for o in draft.other:
        out += [o.heading, *(p.text for p in o.paragraphs)]
    out += [x.text for x in draft.left_out]
    return [t for t in out if t]


def role_texts(role: DraftRole, condensed: bool) -> list[str]:
    """What the draft shows of a role (a condensed role shows no location and no bullets)."""
    fields = [role.title, role.employer, role.dates]
    if not condensed:
        fields += [role.location, *role.bullets]
    return [f for f in fields if f]


def role_keeps(text: str, role: DraftRole, condensed: bool) -> bool:
    """Does the role show this line of its own? A header line when its words (dates aside)
    are all among the header's fields, in any order ("Company Name, City Title"); any line
    when it stands in one of the bullets."""
    have: dict[str, int] = {}
    for t in (role.title, role.employer, role.dates, None if condensed else role.location):
        for w in words(t or ""):
            have[w] = have.get(w, 0) + 1
    ok = True
    for w in plain(text):
        if have.get(w, 0) <= 0:
            ok = False
            break
        have[w] -= 1
    return ok or (not condensed and Seen(role.bullets).keeps(text))


_PLACE = re.compile(r"^[^\W\d_][\w .'-]{0,40},\s*[^\W\d_][\w .'-]{0,30}$")  # "City, State"


def _missing_end(text: str, missing: list[list[str]]) -> str | None:
    """The missing part of a header line, as written, when it is the line's first or last
    piece between separators ("Company Name - City , State" → "City, State"), else None."""
    parts = re.split(r"\s+[-–—|]\s+|\s*\|\s*|\t", strip_lead(text))
    if len(parts) < 2:
        return None
    flat = [w for seg in missing for w in seg]
    for part in (parts[-1], parts[0]):
        if flat and plain(part) == flat:
            return re.sub(r"\s+,", ",", " ".join(part.split()))
    return None


def role_label(role: DraftRole | ExperienceEntry) -> str:
    parts = [p for p in (role.title, role.employer) if p]
    return " at ".join(parts) if parts else "a role without title or employer"


def line_width(doc: Document) -> int:
    """The width a layout wraps at: the 90th percentile of the document's line lengths."""
    sizes = sorted(len(ln.text.strip()) for ln in doc.lines if ln.text.strip())
    return sizes[int(len(sizes) * 0.9)] if sizes else 0


def joins(
    prev: str, nxt: str, nxt_line: Line, wrapped: bool, prev_line: Line | None = None, width: int = 0
) -> bool:
    """Does ``nxt`` continue ``prev`` (a line wrapped by the PDF/text layout, not a new item)?

    Yes when ``prev`` ends on a connector ("/", "and", ",") or ``nxt`` starts in lower case,
    or when ``prev`` ran long: its source line (``prev_line``) reaches near the layout's
    ``width``, or, without those, ``prev`` has over 60 characters."""
    if not wrapped or nxt_line.list_item or _LEAD.match(nxt_line.text):
        return False
    if prev.endswith((".", "!", "?", ":", ";")):
        return False
    tail = prev.split()[-1].casefold() if prev.split() else ""
    connector = prev.endswith(("/", "&", ",", "-", "–", "+")) or tail in {
        "and", "or", "of", "the", "to", "for", "with", "in", "on", "a", "an", "by", "as", "at",
    }  # fmt: skip
    if prev_line is not None and width:
        long = len(prev_line.text.strip()) >= 0.8 * width
    else:
        long = len(prev) > 60
    return connector or nxt[:1].islower() or long


@dataclass
class _Place:
    """Where a line that is missing from the draft goes: a callback that adds its text."""

    key: str
    put: Callable[[str], None] | None  # None: left out
    reason: str = ""
    where: str = ""


def conserve(
    draft: Draft,
    resume: Resume,
    detailed: list[tuple[ExperienceEntry, DraftRole]],
    condensed: list[tuple[ExperienceEntry, DraftRole]],
    years: int,
    make_other: Callable[[str], list],
    add_paragraph: Callable[[list, str, bool], None],
) -> int:
    """Put every source line the draft lacks where it belongs, or list it as left out.

    ``make_other(heading)`` gives the paragraph list of an "other" section (created when new);
    ``add_paragraph(list, text, bullet)`` appends to such a list. Returns how many lines
    were put back into the draft.
    """
    doc: Document = resume.document
    lines = doc.lines
    wrapped = doc.format != "docx"

    # condensed roles: what their header loses (the location), then their bullets, left out
    # on purpose and said so
    for entry, role in condensed:
        end = (entry.end or entry.start or "")[:4]
        reason = (
            f"role ended in {end}, more than {years} years ago: condensed under "
            f'"{draft.headings["earlier"]}"'
        )
        bullets = [" ".join(b.split()) for b in entry.bullets if b.strip()]
        in_bullets = Seen(bullets)
        shown = Seen(role_texts(role, True))
        for i in sorted(entry.lines):
            text = lines[i].text if 0 <= i < len(lines) else ""
            if not text.strip() or not in_bullets.missing(strip_lead(text)) or role_keeps(text, role, True):
                continue
            lost = missing_text(text, shown)
            if lost and in_bullets.missing(lost):
                draft.left_out.append(LeftOut(lost, reason, role_label(entry)))
        draft.left_out.extend(LeftOut(b, reason, role_label(entry)) for b in bullets)
    seen = Seen(draft_texts(draft))

    owner: dict[int, tuple[ExperienceEntry, DraftRole, bool]] = {}
    for entry, role in detailed:
        for i in entry.lines:
            owner[i] = (entry, role, False)
    for entry, role in condensed:
        for i in entry.lines:
            owner[i] = (entry, role, True)
    top = resume.sections[0].first_line if resume.sections else len(lines)
    spans = [(max(e.lines), e, r, o) for e, r, o in {id(v[0]): v for v in owner.values()}.values() if e.lines]

    def section_of(i: int) -> Section | None:
        found = None
        for s in resume.sections:
            if s.first_line <= i <= s.last_line:
                found = s
        return found

    def role_place(i: int, entry: ExperienceEntry, role: DraftRole, old: bool) -> _Place:
        if old:
            end = (entry.end or entry.start or "")[:4]
            return _Place(f"old{id(entry)}", None,
                          f"role ended in {end}, more than {years} years ago: condensed under "
                          f'"{draft.headings["earlier"]}"', role_label(entry))  # fmt: skip

        def put(text: str, role: DraftRole = role, i: int = i, entry: ExperienceEntry = entry) -> None:
            role.bullets.insert(_bullet_slot(role, i, lines, entry.lines), text)

        return _Place(f"role{id(role)}", put)

    def section_place(i: int, s: Section) -> _Place:
        kind = s.kind
        if kind == "summary":
            return _Place("summary", lambda t: add_paragraph(draft.summary, t, False))
        if kind == "certifications":
            return _Place("certs", draft.certifications.append)
        if kind == "skills":
            return _Place("skills", lambda t: _add_skill(draft, t))
        if kind == "education":
            return _Place("education", lambda t: add_paragraph(draft.education, t, False))
        if kind == "experience":
            before = [x for x in spans if x[0] < i]
            if before:
                _, e, r, o = max(before, key=lambda x: x[0])
                return role_place(i, e, r, o)
        heading = draft.headings["other"]
        if kind == "other":
            heading = next((o.heading for o in draft.other if o.heading.casefold() == s.heading.casefold()), heading)
        target = make_other(heading)
        return _Place(f"other:{heading}", lambda t: add_paragraph(target, t, False))

    placed = 0
    listed: dict[int, Seen] = {}
    pending: list[tuple[_Place, str, Line]] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        s = section_of(i)
        check = text
        if s is not None and s.kind == "skills":
            check = _SKILL_LABEL.sub("", text)  # "Software: Epic" — the draft groups by its own labels
        if i in owner:
            entry, role, old = owner[i]
            if role_keeps(text, role, old):
                continue
            if old:
                if id(entry) not in listed:
                    label = role_label(entry)
                    listed[id(entry)] = Seen([label] + [x.text for x in draft.left_out if x.where == label])
                local = Seen(role_texts(role, old))
                rest = [seg for seg in local.missing(text) if not listed[id(entry)].has(seg)]
                if not rest:
                    continue
        elif seen.keeps(check):
            continue
        place: _Place
        if s is not None and i == s.first_line and _is_heading_line(text, s.heading):
            shown = s.heading if (s.kind == "other" and s.standard) else draft.headings.get(
                s.kind if s.kind in draft.headings else "other", draft.headings["other"])
            body = any(lines[j].text.strip() for j in range(i + 1, min(s.last_line, len(lines) - 1) + 1))
            why = f'section heading, written as "{shown}"' if body else "heading of a section with no text"
            draft.left_out.append(LeftOut(text, why))
            seen.add(text)
            continue
        if line.source in ("header", "footer") and len(text) <= 20 and _PAGE_NUMBER.match(text):
            draft.left_out.append(LeftOut(text, "page number in the page header or footer"))
            seen.add(text)
            continue
        if len(text) <= 40 and _DURATION.match(text):  # LinkedIn's "21 years 3 months" beside a company
            draft.left_out.append(LeftOut(text, "length of time at a company; the draft shows the dates"))
            seen.add(text)
            continue
        if i in owner:
            entry, role, old = owner[i]
            local = Seen(role_texts(role, old))
            missing = local.missing(text)
            end = None if old else _missing_end(text, missing)
            if end and not role.location and _PLACE.match(end) and len(words(end)) <= 5:
                role.location = end  # "Registered Nurse Company Name - City , State"
                seen.add(end)
                continue
            place = role_place(i, entry, role, old)
            if end:  # only the part of the header no field took, not the whole line again
                pending.append((place, end, line))
                placed += 1
                seen.add(text)
                continue
        elif line.source in ("header", "footer") or i < top:
            _add_top(draft, strip_lead(text), seen)
            placed += 1
            seen.add(text)
            continue
        elif s is not None:
            place = section_place(i, s)
        else:
            target = make_other(draft.headings["other"])
            place = _Place("other", lambda t, target=target: add_paragraph(target, t, False))
        if place.put is None:
            shown = strip_lead(text)
            if i in owner and owner[i][2]:  # a condensed role's header: only what it lost
                shown = missing_text(text, Seen(role_texts(owner[i][1], True))) or shown
            draft.left_out.append(LeftOut(shown, place.reason, place.where))
            seen.add(text)
            continue
        pending.append((place, strip_lead(text), line))
        placed += 1
        seen.add(text)

    # wrapped lines of one paragraph go back as one paragraph
    merged: list[tuple[_Place, str, Line]] = []
    for place, text, line in pending:
        if merged and merged[-1][0].key == place.key and joins(
            merged[-1][1], text, line, wrapped
        ):
            merged[-1] = (merged[-1][0], f"{merged[-1][1]} {text}", merged[-1][2])
        else:
            merged.append((place, text, line))
    for place, text, _line in merged:
        if place.put is not None:
            place.put(text)
    return placed


def _is_heading_line(text: str, heading: str) -> bool:
    return words(text) == words(heading)


def _bullet_slot(role: DraftRole, i: int, lines: list[Line], own: list[int]) -> int:
    """Where source line ``i`` goes among the role's bullets: after those that came before it
    (a bullet's place is the first of the role's own lines it starts with)."""
    heads = [(j, words(lines[j].text)[:6]) for j in sorted(own) if 0 <= j < len(lines)]
    slot = 0
    for n, b in enumerate(role.bullets):
        head = words(b)[:6]
        src = next((j for j, h in heads if head and h and head[: len(h)] == h[: len(head)]), None)
        if src is not None and src < i:
            slot = n + 1
    return slot


def _add_skill(draft: Draft, text: str) -> None:
    from .draft_words import OTHER_SKILLS, SkillGroup

    group = next((g for g in draft.skills if g.category == "_other"), None)
    if group is None:
        group = SkillGroup("_other", OTHER_SKILLS)
        draft.skills.append(group)
    group.items.append(text)


def _add_top(draft: Draft, text: str, seen: Seen) -> None:
    """A line from the top of the page or the page header: its missing pieces join the contact
    line (when they hold digits or an @, like a street address or a second phone) or the
    headline."""
    pieces = [p.strip(" ,;|•·-–—") for p in re.split(r"\s*[|•·▪]\s*|\t|\s{3,}", text)]
    pieces = [p for p in pieces if p and not seen.keeps(p)]
    for p in pieces or [text]:
        if not re.search(r"\d|@", p):
            draft.headline.append(p)
            continue
        flat = " ".join(words(p))
        within = [n for n, c in enumerate(draft.contact) if " ".join(words(c)) in flat]
        if within:  # "12 Oak St, Springfield, IL 62701" holds the location "Springfield, IL 62701"
            draft.contact[within[0]] = p
        else:
            draft.contact.append(p)
