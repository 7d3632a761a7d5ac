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
  are both kept (the lists' validator reports such duplicates);
* ``phrases`` (verb + noun, "verified patient eligibility") are found by a spaCy ``Matcher`` over
  the same lemma keys, in either order with a small gap, never across a sentence, clause or
  list-item boundary, not after a negation and not in someone else's duty (:mod:`.rules`);
* a credential named about someone else ("reports to the RN", "RNs and CNAs") or not held
  ("RHIT pending") is not the writer's;
* forms in ``needs_healthcare`` (and phrases marked so) count only in a document with
  healthcare evidence (:class:`HealthcareEvidence`): "billing" and "claims" on a non-medical
  resume or a law firm's posting are not medical billing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

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
# Distinct healthcare entries a document must show before generic words ("billing", "claims",
# "audit", "accounts receivable") count as medical keywords. Two, so that one stray word
# ("Insurance" in a skills cloud, "patient" is not a keyword at all) is not enough, while any
# real billing or coding resume (CPT, ICD-10, Medicare, EOB, insurance verification ...) passes.
HEALTHCARE_MIN_ENTRIES = 2

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
    needs_healthcare: bool = False
    phrase: bool = False  # a verb + noun phrase (``entry.phrases``), not a fixed form
    list_item: bool = False  # counts only written as an item of a list ("..., billing, ...")
    title: bool = False  # a job title or credential: it and the skill it names are both kept
    person: bool = False  # names a person ("team lead"): someone else's when about others


@dataclass
class Candidate:
    """A raw phrase-matcher hit, before the rules decide whether it counts."""

    pattern: Pattern
    start: int  # atom indices, end exclusive
    end: int
    # for a verb + noun phrase: the atoms of the verb and of the noun (the gap between them is
    # not claimed, so a keyword written in the gap, "posted Medicare payments", is kept too)
    core: tuple[int, ...] | None = None
    noun: tuple[int, ...] = ()  # for a phrase: the noun's atoms, which must be its own

    @property
    def size(self) -> int:
        return self.end - self.start if self.core is None else len(self.core)

    def atoms(self) -> range | tuple[int, ...]:
        return range(self.start, self.end) if self.core is None else self.core


@dataclass(frozen=True)
class HealthcareEvidence:
    """Does a document show healthcare work? Decided from the distinct keyword entries found.

    ``entries``: the ids that count as evidence (entries with ``healthcare_evidence``, found in a
    form that does not itself need healthcare evidence), in text order. ``found`` is true when
    there are at least ``HEALTHCARE_MIN_ENTRIES`` of them.
    """

    found: bool
    entries: tuple[str, ...]


@dataclass
class MatchResult:
    """What :meth:`KeywordMatcher.match_document` gives: the matches and the document's evidence."""

    matches: list[Match]
    healthcare: HealthcareEvidence


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
        self.phrase_patterns: list[Pattern] = []  # one per entry phrase (verb + noun)
        # (PhraseMatcher label, keys or, case-sensitive, words) -> the patterns written so
        self._by_keys: dict[tuple[int, tuple[str, ...]], list[Pattern]] = {}
        self._context: dict[str, list[tuple[str, ...]]] = {}
        self._context_ids: dict[str, list[str]] = {}
        self._evidence_entry: dict[str, bool] = {}
        self._known: set[tuple[str, ...]] | None = None
        self._hashes: dict[str, int] = {}
        self._acronym_keys: set[str] = set()  # keys of one-word forms written in capitals
        self._pending: dict[str, list[list[int]]] = {}  # label -> token hash arrays to add
        self._veto: dict[str, list[tuple[str, ...]]] = {}
        self._hc_evidence: dict[str, bool] = {}
        self._credential: set[str] = set()
        self._strict: set[str] = set()
        self._not_held_ids: set[str] = set()  # per call: credentials written as not held
        self._phrase_label: dict[int, tuple[Pattern, int, int, bool]] = {}
        # spaCy Matchers for the phrases, one per first-token key set: key -> [(Matcher, keys
        # the second part of its phrases can start with)]
        self._phrases: dict[str, list[tuple[Any, frozenset[str]]]] = {}
        self._phrase_len = 0  # the longest phrase match, in atoms
        for entry in vocab.entries.values():
            self._add_entry(entry)
        self._flush()
        self._build_phrases()

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
        nh_keys = {
            tuple(atoms_of(f.strip()).keys)
            for f in getattr(entry, "needs_healthcare", ())
            if f.strip()
        }
        li_keys = {
            tuple(atoms_of(f.strip()).keys)
            for f in getattr(entry, "list_item_only", ())
            if f.strip()
        }
        acr_keys = tuple(atoms_of(entry.acronym).keys) if entry.acronym else None
        long_keys = tuple(atoms_of(entry.long_form).keys) if entry.long_form else None
        seen: dict[tuple[bool, tuple[str, ...]], Pattern] = {}
        unambiguous = False
        title = entry.category in ("job_title", "credential")
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
                nh = keys in nh_keys
                li = keys in li_keys
                # case-sensitive patterns compare the written words; others the keys
                ident = (cs, tuple(atoms.words) if cs else keys)
                old = seen.get(ident)
                if old is not None and _FORM_RANK[old.form] <= _FORM_RANK[kind]:
                    continue
                person = not title and keys[-1] in rules.PERSON_NOUNS
                pat = Pattern(entry.id, kind, variant, keys, nc, cs, nh, False, li, title, person)
                seen[ident] = pat
                if not nc and not cs and not nh and not li:
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
        veto = [tuple(atoms_of(v.strip()).keys) for v in getattr(entry, "veto_context", ())]
        self._veto[entry.id] = [v for v in veto if v]
        self._hc_evidence[entry.id] = bool(getattr(entry, "healthcare_evidence", True)) and (
            entry.category not in NON_EVIDENCE_CATEGORIES
        )
        if entry.category in ("credential", "job_title"):
            self._credential.add(entry.id)
        if getattr(entry, "strict_context", False):
            self._strict.add(entry.id)

    def _build_phrases(self) -> None:
        """One spaCy ``Matcher`` for every entry's verb + noun phrases, over the lemma keys (NORM).

        Per phrase and order: the verb's keys, up to ``gap`` tokens that are not a boundary, the
        noun's keys (and the reverse order with a gap of at most two). One-word verbs (and nouns)
        share a token pattern ``{"NORM": {"IN": [...]}}``; longer ones get their own pattern.
        """
        specs = []
        for entry in self.vocab.entries.values():
            for n, ph in enumerate(getattr(entry, "phrases", ()) or ()):
                verbs = _key_groups(ph.verbs, self.nlp)
                nouns = _key_groups(ph.nouns, self.nlp)
                if verbs and nouns:
                    specs.append((entry, n, ph, verbs, nouns))
        if not specs:
            return
        from spacy.matcher import Matcher

        by_first: dict[frozenset[str], Any] = {}
        seconds: dict[frozenset[str], set[str]] = {}
        block = sorted(rules.PHRASE_GAP_BLOCK)
        for entry, n, ph, verbs, nouns in specs:
            pat = Pattern(
                entry.id, "alias", f"{'/'.join(ph.verbs)} + {'/'.join(ph.nouns)}",
                (), False, False, ph.needs_healthcare, True,
            )  # fmt: skip
            self.phrase_patterns.append(pat)
            for vi, vtoks in enumerate(verbs):
                for ni, ntoks in enumerate(nouns):
                    for verb_first in (True, False) if ph.either_order else (True,):
                        gap = ph.gap if verb_first else min(ph.gap, rules.PHRASE_REVERSE_GAP)
                        mid = [{"NORM": {"NOT_IN": block}, "OP": f"{{0,{gap}}}"}] if gap else []
                        a, b = (vtoks, ntoks) if verb_first else (ntoks, vtoks)
                        first = frozenset(_first_keys(a))
                        if first not in by_first:
                            by_first[first] = Matcher(self.nlp.vocab)
                        matcher = by_first[first]
                        seconds.setdefault(first, set()).update(_first_keys(b))
                        self._phrase_len = max(self._phrase_len, len(a) + gap + len(b))
                        label = f"phrase|{entry.id}|{n}|{vi}|{ni}|{int(verb_first)}"
                        lid = self.nlp.vocab.strings.add(label)
                        self._phrase_label[lid] = (pat, len(a), len(b), verb_first)
                        matcher.add(label, [[*a, *mid, *b]])
        for first, matcher in by_first.items():
            second = frozenset(seconds[first])
            for key in first:
                self._phrases.setdefault(key, []).append((matcher, second))

    def _fold_shouted_plurals(self, atoms: Atoms) -> None:
        """``EOBS``, ``DRGS`` (plurals typed in capitals) → ``EOB``, ``DRG`` when only the stem is known.

        ``HCPCS`` stays: its own key is a list form; ``PASS`` (a department) is not ``PAS``.
        """
        known = self._acronym_keys
        for i, w in enumerate(atoms.words):
            if len(w) >= 4 and w[-1] == "S" and w[-2] != "S" and w.isupper():
                k = atoms.keys[i]
                if k not in known and k[:-1] in known:
                    atoms.keys[i] = k[:-1]
                    atoms.words[i] = w[:-1]

    def _register(self, pat: Pattern, atoms: Atoms) -> None:
        """Queue a pattern under the PhraseMatcher label of its behaviour (a few dozen labels).

        Why not a Doc and a label per entry: a pattern Doc creates a spaCy lexeme for every new
        word and PhraseMatcher one for every label, which was half the build time. The
        PhraseMatcher takes the token hashes (NORM keys, or ORTH words when case-sensitive)
        directly, and a hit is mapped back to its patterns through the matched keys or words.
        """
        self.patterns.append(pat)
        label = (
            f"kw|{int(pat.needs_context)}|{int(pat.case_sensitive)}"
            f"|{int(pat.needs_healthcare)}|{int(pat.list_item)}|{int(pat.person)}"
        )
        strings = self.nlp.vocab.strings
        seq = tuple(atoms.words) if pat.case_sensitive else pat.keys
        slot = (strings.add(label), seq)
        same = self._by_keys.get(slot)
        if same is not None:
            same.append(pat)  # another entry written alike: both are reported
            return
        self._by_keys[slot] = [pat]
        hashes = self._hashes
        arr = []
        for w in seq:
            h = hashes.get(w)
            if h is None:
                h = hashes[w] = strings.add(w)
            arr.append(h)
        self._pending.setdefault(label, []).append(arr)

    def _flush(self) -> None:
        for label, arrays in self._pending.items():
            (self._cs if label.split("|")[2] == "1" else self._ci).add(label, arrays)
        self._pending.clear()

    def known_phrases(self) -> set[tuple[str, ...]]:
        """Key sequences of every form in the lists (for "is this term known at all?")."""
        if self._known is None:
            self._known = {p.keys for p in self.patterns}
        return self._known

    # ------------------------------------------------------------------ match
    def match(
        self, text: str, section_at: SectionAt | None = None, healthcare: bool | None = None
    ) -> list[Match]:
        """Every keyword occurrence in ``text``, in text order.

        ``section_at(offset)`` names the section kind at a character offset ("skills",
        "experience", ...; for postings "required"/"preferred"/...); it fills ``Match.section`` and
        lets a skills or certifications section vouch for ambiguous forms. ``healthcare`` overrides
        the text's own healthcare evidence (a caller matching one line of a document it has
        already judged); by default the text is judged by itself.
        """
        return self.match_document(text, section_at, healthcare).matches

    def healthcare_evidence(self, text: str) -> HealthcareEvidence:
        """Whether ``text`` shows healthcare work (see :class:`HealthcareEvidence`)."""
        return self.match_document(text).healthcare

    def match_document(
        self, text: str, section_at: SectionAt | None = None, healthcare: bool | None = None
    ) -> MatchResult:
        """:meth:`match` plus the document-level healthcare evidence the generic words relied on."""
        none = MatchResult([], HealthcareEvidence(False, ()))
        if not text or not text.strip():
            return none
        atoms = atomize_text(text, self.nlp)
        if not atoms.words:
            return none
        self._fold_shouted_plurals(atoms)
        doc = self._atom_doc(atoms)
        by_keys, keys, words = self._by_keys, atoms.keys, atoms.words
        cands = [
            Candidate(pat, s, e)
            for hits, seq in ((self._ci(doc), keys), (self._cs(doc), words))
            for mid, s, e in hits
            for pat in by_keys[(mid, tuple(seq[s:e]))]
        ]
        cands.extend(self._phrase_candidates(doc, atoms))
        if not cands:
            return none
        kept = self._apply_rules(cands, atoms, section_at)
        kept = [c for c in kept if not _crosses_item_break(text, atoms, c)]
        if self._not_held_ids:
            kept = [c for c in kept if c.pattern.entry_id not in self._not_held_ids]
        plain = longest_matches(c for c in kept if not c.pattern.needs_healthcare)
        evidence = self._evidence_of(plain)
        allow = evidence.found if healthcare is None else healthcare
        kept = longest_matches(kept) if allow else plain
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
        return MatchResult(out, evidence)

    def _evidence_of(self, kept: Iterable[Candidate]) -> HealthcareEvidence:
        ids = [
            c.pattern.entry_id
            for c in kept
            if self._hc_evidence.get(c.pattern.entry_id) and not c.pattern.needs_healthcare
        ]
        distinct = tuple(dict.fromkeys(ids))
        return HealthcareEvidence(len(distinct) >= HEALTHCARE_MIN_ENTRIES, distinct)

    def _phrase_hits(self, doc: Doc, atoms: Atoms) -> list[tuple[int, int, int]]:
        """Run the phrase ``Matcher``s only where a phrase can start.

        Why: one Matcher over a whole resume tries every pattern at every token (~40 ms per
        1,000 words). Here each atom whose key can open a phrase runs only the Matchers of the
        patterns that open with it, on the few atoms a phrase can span, and keeps the hits that
        start at that atom: the same hits for a small part of the cost.
        """
        by_key, span_len, keys = self._phrases, self._phrase_len, atoms.keys
        n = len(keys)
        hits: list[tuple[int, int, int]] = []
        for i in range(n):
            matchers = by_key.get(keys[i])
            if not matchers:
                continue
            end = min(n, i + span_len)
            ahead = set(keys[i + 1 : end])
            for matcher, second in matchers:
                if ahead.isdisjoint(second):
                    continue  # the other part of the phrase is not within reach
                window = doc[i:end]
                hits.extend((mid, i + s, i + e) for mid, s, e in matcher(window) if s == 0)
        return hits

    def _phrase_candidates(self, doc: Doc, atoms: Atoms) -> list[Candidate]:
        """Verb + noun phrases that stay inside one clause, not negated, not someone else's duty.

        Of several hits of one phrase on the same words the tightest is kept.
        """
        if not self._phrases:
            return []
        best: dict[tuple[str, int], Candidate] = {}
        for mid, s, e in self._phrase_hits(doc, atoms):
            pat, len_a, len_b, verb_first = self._phrase_label[mid]
            if rules.crosses_boundary(atoms, s, e):
                continue
            verb_at = s if verb_first else e - len_b
            if rules.is_others_duty(atoms, verb_at, s):
                continue
            core = (*range(s, s + len_a), *range(e - len_b, e))
            noun = tuple(range(e - len_b, e)) if verb_first else tuple(range(s, s + len_a))
            key = (pat.entry_id, e)
            old = best.get(key)
            if old is None or (e - s) < (old.end - old.start):
                best[key] = Candidate(pat, s, e, core, noun)
        return list(best.values())

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
        nearby = _Nearby(cands)
        self._not_held_ids = set()
        kept: list[Candidate] = []
        for c in cands:
            p = c.pattern
            if rules.is_negated(atoms, c.start):
                continue
            if p.list_item and not rules.is_list_item(atoms, c.start, c.end):
                continue
            if p.entry_id in self._credential and self._not_writers(c, atoms, section_at):
                continue
            if p.person and (
                rules.is_lower_plural(atoms, c.end, p.text)
                or rules.is_others_credential(atoms, c.start, c.end, p, plural=False)
            ):
                continue  # "reports to the team lead", "team leaders"
            if self._veto.get(p.entry_id) and self._vetoed(c, atoms):
                continue
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
                if not self._has_evidence(c, atoms, nearby, section_at):
                    continue
            kept.append(c)
        return kept

    def _not_writers(self, c: Candidate, atoms: Atoms, section_at: SectionAt | None) -> bool:
        """A credential or job title that belongs to someone else, or a credential not yet held.

        A credential written once as not held ("RHIT Pending") is not held anywhere in the
        document: a skills cloud that repeats "RHIT" does not make it so. A job title in the
        education section ("Diploma: Medical Claims and Billing Specialist") or before "degree"
        or "program" ("Coding Associates Degree") names a programme, not a job held.
        """
        p = c.pattern
        if self.vocab.entries[p.entry_id].category == "job_title":
            if section_at is not None and section_at(atoms.starts[c.start]) == "education":
                return True
            if rules.is_programme_name(atoms, c.end):
                return True
            return rules.is_others_credential(atoms, c.start, c.end, p, plural=False)
        if rules.is_not_held(atoms, c.start, c.end):
            self._not_held_ids.add(p.entry_id)
            return True
        return rules.is_others_credential(atoms, c.start, c.end, p)

    def _vetoed(self, c: Candidate, atoms: Atoms) -> bool:
        """A word of the entry's ``veto_context`` nearby shows the form means something else."""
        if c.pattern.phrase or (
            not c.pattern.needs_context and not c.pattern.case_sensitive and c.size > 1
        ):
            return False  # only short, ambiguous forms have other senses
        lo = max(0, c.start - EVIDENCE_WINDOW)
        hi = min(len(atoms), c.end + EVIDENCE_WINDOW)
        keys = atoms.keys
        for phrase in self._veto[c.pattern.entry_id]:
            n = len(phrase)
            for j in range(lo, hi - n + 1):
                if c.start <= j < c.end:
                    continue
                if tuple(keys[j : j + n]) == phrase:
                    return True
        return False

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
        self, c: Candidate, atoms: Atoms, nearby: _Nearby, section_at: SectionAt | None
    ) -> bool:
        """Evidence that an ambiguous form means the entry.

        Any of: the form stands in a skills/certifications section (``section_at``) or on a line
        opened by a label such as ``Skills:``; a word or phrase of the entry's ``context`` list, or a
        match of an entry id listed there, lies within ``EVIDENCE_WINDOW`` atoms; an unambiguous
        match of a domain entry (not a soft skill) lies within that window, and not under the
        next heading (:func:`_before_heading`).
        """
        start_char = atoms.starts[c.start]
        if section_at is not None and section_at(start_char) in EVIDENCE_SECTIONS:
            return True

        if rules.has_skill_label(atoms.text, start_char):
            return True
        lo = max(0, c.start - EVIDENCE_WINDOW)
        hi = _before_heading(atoms, c.end, min(len(atoms), c.end + EVIDENCE_WINDOW), nearby.keyword)
        entry_id = c.pattern.entry_id
        ctx_ids = self._context_ids.get(entry_id, ())
        for o in nearby.within(lo, hi):
            if o is c or o.end <= lo or o.start >= hi:
                continue
            if o.start < c.end and o.end > c.start:
                continue  # overlapping: the same words cannot vouch for themselves
            op = o.pattern
            if op.entry_id in ctx_ids:
                return True
            if (
                entry_id not in self._strict
                and not op.needs_context
                and not op.case_sensitive
                and not op.needs_healthcare
                and not op.list_item
                and not op.phrase
                and self._evidence_entry.get(op.entry_id)
            ):
                return True
        keys = atoms.keys
        for phrase in self._context.get(entry_id, ()):
            n = len(phrase)
            for j in range(lo, hi - n + 1):
                if c.start <= j < c.end or (j < c.start < j + n):
                    continue
                if tuple(keys[j : j + n]) == phrase and not _heading_line(
                    atoms, j, j + n, nearby.keyword, whole=True
                ):
                    return True
        return False


class _Nearby:
    """Candidates ordered by start, so a window visits only its neighbours.

    Evidence is looked for within a few atoms of each ambiguous form; scanning every candidate
    for each one made a long text (thousands of matches) quadratic.
    """

    def __init__(self, cands: list[Candidate]) -> None:
        self._by_start = sorted(cands, key=lambda c: c.start)
        self.keyword = [False] * (max((c.end for c in cands), default=0))
        for c in cands:
            for j in range(c.start, c.end):
                self.keyword[j] = True
        self._starts = [c.start for c in self._by_start]
        self._span = max((c.end - c.start for c in cands), default=0)

    def within(self, lo: int, hi: int) -> list[Candidate]:
        """Every candidate that may overlap atoms ``lo``..``hi`` (a superset; callers filter)."""
        i = bisect_left(self._starts, lo - self._span)
        return self._by_start[i : bisect_left(self._starts, hi)]


def _heading_line(atoms: Atoms, a: int, b: int, keyword: list[bool], whole: bool = False) -> bool:
    """The line of atoms ``[a, b)`` is a heading: one to four capitalized words, none of them a
    keyword ("Core Qualifications", "SKILLS"; not "Excel" in a list of one item a line). With
    ``whole``, first check that ``[a, b)`` is a line of its own: a heading such as "Skills" says
    which section follows, not what a neighbouring word means."""
    if whole and (not atoms.line_start[a] or (b < len(atoms) and not atoms.line_start[b])):
        return False
    return (
        0 < b - a <= 4
        and all(w.isalpha() and w[:1].isupper() for w in atoms.words[a:b])
        and not any(keyword[a:b])
    )


def _before_heading(atoms: Atoms, end: int, hi: int, keyword: list[bool]) -> int:
    """``hi`` cut at the first heading line (:func:`_heading_line`) after atom ``end``.

    A heading opens another section: its words do not explain the last words of the section
    before ("Crowd Control Access⏎Core Qualifications⏎Microsoft Office Suite"). Looking back is
    not cut: a title or summary above explains the sections below it.
    """
    ls, n = atoms.line_start, len(atoms)
    a = end  # the start of the line looked at
    while a < n and not ls[a]:
        a += 1
    while a < hi:
        b = a + 1
        while b < n and not ls[b]:
            b += 1
        if _heading_line(atoms, a, b, keyword):
            return a
        a = b
    return hi


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
    keeps its best form (acronym, long form, term, alias). A job title or credential is dropped
    only for a longer title or credential ("Certified Coding Specialist" is CCS, not also the
    title Coding Specialist): a skill written before it does not hide it ("Outpatient surgery
    coding specialist" is surgical coding and the title Coding Specialist), while the words of a
    kept title are not also a skill ("Patient Access Representative" is not also patient access).
    """
    ordered = sorted(
        cands,
        key=lambda c: (
            -c.size,
            c.pattern.phrase,
            c.start,
            _FORM_RANK[c.pattern.form],
            c.pattern.entry_id,
        ),
    )
    taken: list[Candidate] = []
    spans: dict[tuple[int, int], set[str]] = {}
    occupied: dict[int, str] = {}  # atom -> entry of the kept fixed form holding it
    title_atoms: dict[int, str] = {}  # the same, for job titles and credentials only
    by_phrase: dict[int, set[str]] = {}  # atom -> entries whose kept phrase holds it
    for c in ordered:
        eid = c.pattern.entry_id
        same = spans.get((c.start, c.end))
        if same is not None:
            if eid not in same:
                same.add(eid)
                taken.append(c)
            continue
        atoms = c.atoms()
        if c.pattern.phrase:
            # A phrase may share its verb with another entry's phrase or form ("audited charts
            # for compliance" is a chart audit and compliance); its noun must be its own, and
            # it never overlaps its own entry (counted once).
            if any(j in occupied or j in by_phrase for j in c.noun) or any(
                occupied.get(j) == eid or eid in by_phrase.get(j, ()) for j in atoms
            ):
                continue
            for j in atoms:
                by_phrase.setdefault(j, set()).add(eid)
        elif c.pattern.title:
            if any(j in title_atoms for j in atoms):
                continue
            for j in atoms:
                occupied[j] = title_atoms[j] = eid
        else:
            if any(j in occupied or j in by_phrase for j in atoms):
                continue
            for j in atoms:
                occupied[j] = eid
        spans[(c.start, c.end)] = {eid}
        taken.append(c)
    taken.sort(key=lambda c: (c.start, c.end, c.pattern.entry_id))
    return taken


def forms_by_entry(matches: Iterable[Match]) -> dict[str, set[str]]:
    """Entry id → the kinds of form written (``{"acronym", "long_form"}`` means both)."""
    out: dict[str, set[str]] = {}
    for m in matches:
        out.setdefault(m.entry_id, set()).add(m.form)
    return out


def _key_groups(words: Iterable[str], nlp: Language) -> list[list[dict[str, object]]]:
    """Token patterns for a phrase's verbs or nouns: one-word ones together, longer ones apart."""
    single: list[str] = []
    multi: list[list[dict[str, object]]] = []
    for w in words:
        keys = atomize_text(w, nlp).keys
        if len(keys) == 1:
            single.append(keys[0])
        elif keys:
            multi.append([{"NORM": k} for k in keys])
    out: list[list[dict[str, object]]] = []
    if single:
        out.append([{"NORM": {"IN": sorted(set(single))}}])
    return out + multi


def _first_keys(tokens: list[dict[str, object]]) -> set[str]:
    """The keys the first token pattern of a phrase part accepts."""
    norm = tokens[0]["NORM"]
    if isinstance(norm, dict):
        return set(norm["IN"])  # type: ignore[arg-type]
    return {str(norm)}
