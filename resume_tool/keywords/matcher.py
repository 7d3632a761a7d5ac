"""KeywordMatcher: every keyword-list entry found in a text, with where and how it was written.

Built once per vocabulary (two spaCy PhraseMatchers over the canonical atom keys of
:mod:`resume_tool.keywords.nlp`), then ``.match(text, section_at)`` per resume or posting.

What a match means (docs/ARCHITECTURE.md, "Keyword matching semantics"):

* every ``term``, ``acronym``, ``long_form`` and alias is a pattern; punctuation/spacing variants
  come from the shared atom keys, and a hyphen or slash between two words also gets a joined
  variant when the joined word has four letters or more (``MS-DRG`` → ``MSDRG``, ``CPC-A`` →
  ``CPCA``; never ``E/M`` → ``EM`` or ``A/R`` → ``AR``);
* forms in ``case_sensitive`` match only as written (``PhraseMatcher(attr="ORTH")``);
* forms in ``needs_context`` match only with evidence, see :meth:`KeywordMatcher._has_evidence`;
* a few layout rules veto a reading whatever the evidence (:mod:`.rules`): a state code after
  ``City,``; a capitalized word used as a verb (``Excel at``); an acronym the text itself defines
  as something else ("Clinical Research Coordinator (CRC)");
* the longest match wins; a shorter match overlapping it is dropped. Equal spans of two entries
  are both kept (the lists' validator reports such duplicates).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..models import AcronymDefinition, Entry, Match, Vocabulary
from . import rules
from .abbreviations import find_definitions
from .nlp import Atoms, atomize_text, get_nlp

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Form = Literal["acronym", "long_form", "term", "alias"]
SectionAt = Callable[[int], "str | None"]

# Sections whose lines list skills or credentials: a bare "CPC" or "Epic" there is the keyword.
EVIDENCE_SECTIONS = frozenset({"skills", "certifications"})
# Categories whose matches do not vouch for an ambiguous neighbour ("communication" says nothing
# about whether "CRC" is a coding credential).
NON_EVIDENCE_CATEGORIES = frozenset({"soft_skill"})
# How many atoms on each side of an ambiguous form are searched for evidence.
EVIDENCE_WINDOW = 12

_FORM_RANK: dict[str, int] = {"acronym": 0, "long_form": 1, "term": 2, "alias": 3}
_JOIN = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[-‐‑/]([A-Za-z]+)(?![A-Za-z])")


@dataclass(frozen=True)
class Pattern:
    """One way of writing one entry, as the matcher compares it."""

    entry_id: str
    form: Form
    text: str  # as written in the list
    keys: tuple[str, ...]
    needs_context: bool
    case_sensitive: bool


@dataclass
class Candidate:
    """A raw phrase-matcher hit, before the rules decide whether it counts."""

    pattern: Pattern
    start: int  # atom indices, end exclusive
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


def joined_variant(text: str) -> str | None:
    """``MS-DRG`` → ``MSDRG``: the form with hyphens/slashes between acronym parts removed, if any.

    Only joins where one side is in capitals (an acronym part) and the joined word has at least four
    letters: ``CPC-A`` → ``CPCA``, ``OB/GYN`` → ``OBGYN``; never ``E/M`` → ``EM`` (too ambiguous, see
    the vocabulary reference §0), ``A/R`` → ``AR`` (a state), or ``Medi-Cal`` → ``MediCal``, whose
    key would be the word "medical".
    """

    def repl(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if len(a) + len(b) >= 4 and (a.isupper() or b.isupper()):
            return a + b
        return m.group(0)

    new = _JOIN.sub(repl, text)
    return new if new != text else None


def entry_forms(entry: Entry) -> list[tuple[str, Form]]:
    """Every written form of an entry with its kind, acronym and long form first.

    Aliases that are the acronym or long form in another spelling (``CPC®``, ``ICD10CM``) are
    reported as that kind by :meth:`KeywordMatcher` through key equality; extra strings listed only
    in ``case_sensitive``/``needs_context`` are patterns too (as aliases).
    """
    forms: list[tuple[str, Form]] = []
    if entry.acronym:
        forms.append((entry.acronym, "acronym"))
    if entry.long_form:
        forms.append((entry.long_form, "long_form"))
    forms.append((entry.term, "term"))
    forms.extend((a, "alias") for a in entry.aliases)
    forms.extend((a, "alias") for a in entry.case_sensitive)
    forms.extend((a, "alias") for a in entry.needs_context)
    return [(t.strip(), k) for t, k in forms if t and t.strip()]


class KeywordMatcher:
    """Finds the vocabulary's entries in a text. Build once, call :meth:`match` many times."""

    def __init__(self, vocab: Vocabulary, nlp: Language | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.vocab = vocab
        self.nlp = nlp or get_nlp()
        self._ci = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self._cs = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.patterns: list[Pattern] = []
        self._label: dict[int, Pattern] = {}
        self._context: dict[str, list[tuple[str, ...]]] = {}
        self._context_ids: dict[str, list[str]] = {}
        self._evidence_entry: dict[str, bool] = {}
        self._known: set[tuple[str, ...]] | None = None
        self._hashes: dict[str, int] = {}
        self._acronym_keys: set[str] = set()  # keys of one-word forms written in capitals
        self._pending: dict[str, tuple[Pattern, list[Doc]]] = {}
        for entry in vocab.entries.values():
            self._add_entry(entry)
        self._flush()

    # ------------------------------------------------------------------ build
    def _atom_doc(self, atoms: Atoms) -> Doc:
        """A Doc of the atoms with NORM set to their keys (PhraseMatcher input)."""
        import numpy
        from spacy.attrs import NORM
        from spacy.tokens import Doc

        doc = Doc(self.nlp.vocab, words=atoms.words, spaces=[True] * len(atoms))
        hashes = self._hashes
        add = self.nlp.vocab.strings.add
        norms = []
        for key in atoms.keys:
            h = hashes.get(key)
            if h is None:
                h = hashes[key] = add(key)
            norms.append(h)
        doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))
        return doc

    def _add_entry(self, entry: Entry) -> None:
        key_of: dict[str, Atoms] = {}

        def atoms_of(text: str) -> Atoms:
            if text not in key_of:
                key_of[text] = atomize_text(text, self.nlp)
            return key_of[text]

        cs_forms = {f.strip() for f in entry.case_sensitive if f.strip()}
        nc_keys = {tuple(atoms_of(f.strip()).keys) for f in entry.needs_context if f.strip()}
        acr_keys = tuple(atoms_of(entry.acronym).keys) if entry.acronym else None
        long_keys = tuple(atoms_of(entry.long_form).keys) if entry.long_form else None
        seen: dict[tuple[bool, tuple[str, ...]], Pattern] = {}
        unambiguous = False
        for text, kind in entry_forms(entry):
            variants = [text]
            joined = joined_variant(text)
            if joined:
                variants.append(joined)
            for i, variant in enumerate(variants):
                atoms = atoms_of(variant)
                keys = tuple(atoms.keys)
                if not keys:
                    continue
                if i == 0 and kind in ("term", "alias"):
                    if keys == acr_keys:
                        kind = "acronym"
                    elif keys == long_keys:
                        kind = "long_form"
                cs = text in cs_forms
                nc = keys in nc_keys
                # case-sensitive patterns compare the written words; others the keys
                ident = (cs, tuple(atoms.words) if cs else keys)
                old = seen.get(ident)
                if old is not None and _FORM_RANK[old.form] <= _FORM_RANK[kind]:
                    continue
                pat = Pattern(entry.id, kind, variant, keys, nc, cs)
                seen[ident] = pat
                if not nc and not cs:
                    unambiguous = True
        for pat in seen.values():
            self._register(pat, atoms_of(pat.text))
            if len(pat.keys) == 1 and pat.text.isupper():
                self._acronym_keys.add(pat.keys[0])
        self._evidence_entry[entry.id] = (
            unambiguous and entry.category not in NON_EVIDENCE_CATEGORIES
        )
        ctx_phrases: list[tuple[str, ...]] = []
        ctx_ids: list[str] = []
        for c in entry.context:
            c = c.strip()
            if not c:
                continue
            if c in self.vocab.entries:
                ctx_ids.append(c)
            keys = tuple(atoms_of(c).keys)
            if keys:
                ctx_phrases.append(keys)
        self._context[entry.id] = ctx_phrases
        self._context_ids[entry.id] = ctx_ids

    def _fold_shouted_plurals(self, atoms: Atoms) -> None:
        """``EOBS``, ``DRGS`` (plurals typed in capitals) → ``EOB``, ``DRG`` when only the stem is known.

        ``HCPCS`` stays: its own key is a list form.
        """
        known = self._acronym_keys
        for i, w in enumerate(atoms.words):
            if len(w) >= 4 and w[-1] == "S" and w.isupper():
                k = atoms.keys[i]
                if k not in known and k[:-1] in known:
                    atoms.keys[i] = k[:-1]
                    atoms.words[i] = w[:-1]

    def _register(self, pat: Pattern, atoms: Atoms) -> None:
        """Queue a pattern; patterns that behave alike share one PhraseMatcher label."""
        self.patterns.append(pat)
        label = f"{pat.entry_id}|{pat.form}|{int(pat.needs_context)}|{int(pat.case_sensitive)}"
        if label not in self._pending:
            self._pending[label] = (pat, [])
        self._pending[label][1].append(self._atom_doc(atoms))

    def _flush(self) -> None:
        for label, (pat, docs) in self._pending.items():
            self._label[self.nlp.vocab.strings.add(label)] = pat
            (self._cs if pat.case_sensitive else self._ci).add(label, docs)
        self._pending.clear()

    def known_phrases(self) -> set[tuple[str, ...]]:
        """Key sequences of every form in the lists (for "is this term known at all?")."""
        if self._known is None:
            self._known = {p.keys for p in self.patterns}
        return self._known

    # ------------------------------------------------------------------ match
    def match(self, text: str, section_at: SectionAt | None = None) -> list[Match]:
        """Every keyword occurrence in ``text``, in text order.

        ``section_at(offset)`` names the section kind at a character offset ("skills",
        "experience", ...; for postings "required"/"preferred"/...); it fills ``Match.section`` and
        lets a skills or certifications section vouch for ambiguous forms.
        """
        if not text or not text.strip():
            return []
        atoms = atomize_text(text, self.nlp)
        if not atoms.words:
            return []
        self._fold_shouted_plurals(atoms)
        doc = self._atom_doc(atoms)
        cands = [
            Candidate(self._label[mid], s, e) for mid, s, e in [*self._ci(doc), *self._cs(doc)]
        ]
        if not cands:
            return []
        kept = self._apply_rules(cands, atoms, section_at)
        kept = [c for c in kept if not _crosses_item_break(text, atoms, c)]
        kept = longest_matches(kept)
        out: list[Match] = []
        for c in kept:
            start, end = atoms.starts[c.start], atoms.ends[c.end - 1]
            out.append(
                Match(
                    entry_id=c.pattern.entry_id,
                    surface=text[start:end],
                    start=start,
                    end=end,
                    form=c.pattern.form,
                    section=section_at(start) if section_at else None,
                    sentence=rules.sentence_around(text, start, end),
                )
            )
        return out

    def _apply_rules(
        self, cands: list[Candidate], atoms: Atoms, section_at: SectionAt | None
    ) -> list[Candidate]:
        """Drop vetoed readings and ambiguous forms without evidence."""
        covered = [False] * len(atoms)
        for c in cands:
            if not c.pattern.needs_context and not c.pattern.case_sensitive:
                for j in range(c.start, c.end):
                    covered[j] = True

        def keyword_at(j: int) -> bool:
            return covered[j]

        definitions: list[AcronymDefinition] | None = None
        kept: list[Candidate] = []
        for c in cands:
            p = c.pattern
            if not (p.needs_context or p.case_sensitive):
                kept.append(c)
                continue
            if c.size == 1:
                if rules.is_us_state_after_place(atoms, c.start, keyword_at):
                    continue
                if rules.is_verb_reading(atoms, c.start):
                    continue
            if p.needs_context:
                if definitions is None:
                    definitions = find_definitions(atoms.text)
                if self._defined_otherwise(c, atoms, cands, definitions):
                    continue
                if not self._has_evidence(c, atoms, cands, section_at):
                    continue
            kept.append(c)
        return kept

    def _defined_otherwise(
        self,
        c: Candidate,
        atoms: Atoms,
        cands: list[Candidate],
        definitions: list[AcronymDefinition],
    ) -> bool:
        """The text defines this acronym as something the entry is not ("... Coordinator (CRC)")."""
        word = " ".join(atoms.words[c.start : c.end])
        for d in definitions:
            if d.short.replace(" ", "").lower() != word.replace(" ", "").lower():
                continue
            supported = any(
                o.pattern.entry_id == c.pattern.entry_id
                and o is not c
                and not o.pattern.needs_context
                and atoms.starts[o.start] < d.end
                and atoms.ends[o.end - 1] > d.start
                for o in cands
            )
            if not supported:
                return True
        return False

    def _has_evidence(
        self, c: Candidate, atoms: Atoms, cands: list[Candidate], section_at: SectionAt | None
    ) -> bool:
        """Evidence that an ambiguous form means the entry.

        Any of: the form stands in a skills/certifications section (``section_at``) or on a line
        opened by a label such as ``Skills:``; a word or phrase of the entry's ``context`` list, or a
        match of an entry id listed there, lies within ``EVIDENCE_WINDOW`` atoms; an unambiguous
        match of a domain entry (not a soft skill) lies within that window.
        """
        start_char = atoms.starts[c.start]
        if section_at is not None and section_at(start_char) in EVIDENCE_SECTIONS:
            return True
        if rules.has_skill_label(atoms.text, start_char):
            return True
        lo = max(0, c.start - EVIDENCE_WINDOW)
        hi = min(len(atoms), c.end + EVIDENCE_WINDOW)
        entry_id = c.pattern.entry_id
        ctx_ids = self._context_ids.get(entry_id, ())
        for o in cands:
            if o is c or o.end <= lo or o.start >= hi:
                continue
            if o.start < c.end and o.end > c.start:
                continue  # overlapping: the same words cannot vouch for themselves
            op = o.pattern
            if op.entry_id in ctx_ids:
                return True
            if (
                not op.needs_context
                and not op.case_sensitive
                and self._evidence_entry.get(op.entry_id)
            ):
                return True
        keys = atoms.keys
        for phrase in self._context.get(entry_id, ()):
            n = len(phrase)
            for j in range(lo, hi - n + 1):
                if c.start <= j < c.end or (j < c.start < j + n):
                    continue
                if tuple(keys[j : j + n]) == phrase:
                    return True
        return False


def _crosses_item_break(text: str, atoms: Atoms, c: Candidate) -> bool:
    """A phrase that runs over a line break into a line that starts anew is two things.

    "teams⏎Worked" (a sentence ends, the next begins) and "ICD-10-CM⏎ICD-10-PCS" (one list
    item per line) are not one keyword. A title-case phrase wrapped by a narrow column
    ("Certified Professional⏎Coder") and a lower-case wrap ("medical⏎terminology") are.
    """
    for j in range(c.start, c.end - 1):
        end, nxt = atoms.ends[j], atoms.starts[j + 1]
        if "\n" not in text[end:nxt] or not (text[nxt].isupper() or text[nxt].isdigit()):
            continue
        before = text[atoms.starts[j] : end]
        if not before.istitle():  # "teams", "CM", "10": the line was complete
            return True
    return False


def longest_matches(cands: Iterable[Candidate]) -> list[Candidate]:
    """Keep the longest candidates; drop any shorter one that overlaps a kept one.

    Ties on the same span from different entries are all kept; the same entry on the same span
    keeps its best form (acronym, long form, term, alias).
    """
    ordered = sorted(
        cands, key=lambda c: (-c.size, c.start, _FORM_RANK[c.pattern.form], c.pattern.entry_id)
    )
    taken: list[Candidate] = []
    spans: dict[tuple[int, int], set[str]] = {}
    occupied: set[int] = set()
    for c in ordered:
        same = spans.get((c.start, c.end))
        if same is not None:
            if c.pattern.entry_id not in same:
                same.add(c.pattern.entry_id)
                taken.append(c)
            continue
        if any(j in occupied for j in range(c.start, c.end)):
            continue
        spans[(c.start, c.end)] = {c.pattern.entry_id}
        occupied.update(range(c.start, c.end))
        taken.append(c)
    taken.sort(key=lambda c: (c.start, c.end, c.pattern.entry_id))
    return taken


def forms_by_entry(matches: Iterable[Match]) -> dict[str, set[str]]:
    """Entry id → the kinds of form written (``{"acronym", "long_form"}`` means both)."""
    out: dict[str, set[str]] = {}
    for m in matches:
        out.setdefault(m.entry_id, set()).add(m.form)
    return out
