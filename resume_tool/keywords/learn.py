"""Candidate keyword-list entries learned from a folder of postings (``resume-tool lists learn``).

Why: the lists only know what someone wrote into them, and postings are where new credentials,
systems and phrases show up first. This module reuses the posting analysis's own unknown-terms
logic (``analyze_posting(...).unknown_terms``: acronyms and capitalized terms in sentences that ask
for something, minus everything the lists know) and the Schwartz–Hearst acronym definitions, and
counts how many postings use each term. It proposes; it never adds: the output is a TOML file whose
entries are commented out, for a person to review, uncomment and check with ``lists check``.

Pure functions except :func:`posting_files` (lists a folder) and :func:`learn_from_folder` (reads
the postings through ``read_posting``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from ..models import Posting
    from .matcher import KeywordMatcher

POSTING_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx", ".pdf")
EXAMPLE_CHARS = 200  # an example sentence longer than this is cut around the term

# Words in a definition that suggest what kind of entry it is. A guess only: the TOML says so.
_CREDENTIAL = re.compile(
    r"\b(?:certified|certificate|certification|registered|credential|accredited|qualification|"
    r"licensed|diploma)\b",
    re.IGNORECASE,
)
_SOFTWARE = re.compile(r"\b(?:system|software|platform|portal|application|encoder|EHR|EMR)s?\b", re.IGNORECASE)
_ORGANIZATION = re.compile(
    r"\b(?:association|academy|society|council|institute|board|agency|department|commission|"
    r"foundation|trust|centers?|red cross)\b",
    re.IGNORECASE,
)
_LEADING_CONNECTOR = re.compile(r"^(?:(?:of|and|for|by|in|&)\s+)+", re.IGNORECASE)
@dataclass
class Candidate:
    """One term no keyword list knows, as seen across a folder of postings."""

    term: str  # the most frequent spelling
    postings: list[str] = field(default_factory=list)  # file names of the postings that use it
    long_form: str | None = None  # from an "Long Form (LF)" definition in a posting
    acronym: str | None = None
    example: str = ""  # one sentence that uses it
    example_from: str = ""  # the posting the example comes from
    category: str = "coding_practice"  # a guess for the reviewer to correct
    aliases: list[str] = field(default_factory=list)  # other spellings seen

    @property
    def count(self) -> int:
        return len(self.postings)

    @property
    def id(self) -> str:
        return slug(self.term)


def slug(term: str) -> str:
    """A list id: lower-case letters, digits and hyphens ("ICD-O-3" → "icd-o-3")."""
    s = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
    return s or "term"


def posting_files(folder: Path | str) -> list[Path]:
    """The posting files (text, Markdown, DOCX, PDF) directly in ``folder``, by name; hidden files
    and other kinds are skipped. A folder with none is bad input."""
    d = Path(folder)
    if not d.is_dir():
        raise InputError(str(d), "not a folder", "Give a folder that holds posting files")
    files = sorted(
        p for p in d.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in POSTING_SUFFIXES
    )
    if not files:
        raise InputError(
            str(d), "no posting files in this folder",
            "Put the postings in it as .txt, .md, .docx or .pdf files",
        )
    return files


def example_sentence(text: str, term: str) -> str:
    """The first sentence of ``text`` that holds ``term`` as a word, cut to ``EXAMPLE_CHARS``."""
    exact = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    pat = exact if exact.search(text) else re.compile(exact.pattern, re.IGNORECASE)
    from .posting import sentence_spans

    for a, b in sentence_spans(text):
        sentence = " ".join(text[a:b].split())
        hit = pat.search(sentence)
        if not hit:
            continue
        if len(sentence) <= EXAMPLE_CHARS:
            return sentence
        start = max(0, hit.start() - EXAMPLE_CHARS // 2)
        cut = sentence[start:start + EXAMPLE_CHARS]
        return ("…" if start else "") + cut.strip() + ("…" if start + EXAMPLE_CHARS < len(sentence) else "")
    return ""


def guess_category(term: str, long_form: str | None) -> str:
    """credential / software / organization from the words of the term or its definition, else
    coding_practice. Always shown as a guess."""
    words = f"{term} {long_form or ''}"
    if _CREDENTIAL.search(words):
        return "credential"
    if _SOFTWARE.search(words):
        return "software"
    if _ORGANIZATION.search(words):
        return "organization"
    return "coding_practice"


def learn_candidates(postings: list[tuple[str, Posting]]) -> list[Candidate]:
    """Candidates from analysed postings ``(name, Posting)``: most postings first, then by term.

    A term is counted once per posting. An acronym and its long form that a posting defines
    ("Certified Documentation Integrity Practitioner (CDIP)") become one candidate.
    """
    by_key: dict[str, Candidate] = {}
    spellings: dict[str, dict[str, int]] = {}
    definitions: dict[str, dict[str, int]] = {}  # short form (upper) -> long form -> postings
    for name, posting in postings:
        for d in posting.definitions:
            definitions.setdefault(d.short.upper(), {}).setdefault(" ".join(d.long.split()), 0)
            definitions[d.short.upper()][" ".join(d.long.split())] += 1
        seen: set[str] = set()
        for raw in posting.unknown_terms:
            # "Knowledge of Quillon Suite" loses its sentence-initial word upstream and can keep
            # the connector ("of Quillon Suite"); a list term never starts with one
            term = _LEADING_CONNECTOR.sub("", raw)
            key = term.lower()
            if key in seen:
                continue
            seen.add(key)
            cand = by_key.setdefault(key, Candidate(term=term))
            cand.postings.append(name)
            spellings.setdefault(key, {}).setdefault(term, 0)
            spellings[key][term] += 1
            if not cand.example:
                cand.example = example_sentence(posting.text, term)
                cand.example_from = name if cand.example else ""
    for key, cand in by_key.items():
        forms = spellings[key]
        cand.term = max(forms, key=lambda s: (forms[s], s))
        longs = definitions.get(cand.term.upper())
        if longs:
            cand.acronym = cand.term
            cand.long_form = max(longs, key=lambda s: (longs[s], s))
    # fold a defined long form that is itself a candidate into its acronym's candidate
    for cand in list(by_key.values()):
        if not cand.long_form:
            continue
        other = by_key.get(cand.long_form.lower())
        if other is None or other is cand:
            continue
        cand.postings = sorted(set(cand.postings) | set(other.postings))
        del by_key[cand.long_form.lower()]
    for cand in by_key.values():
        cand.postings = sorted(set(cand.postings))
        cand.category = guess_category(cand.term, cand.long_form)
    return sorted(by_key.values(), key=lambda c: (-c.count, c.term.lower()))


def learn_from_folder(
    folder: Path | str,
    matcher: KeywordMatcher,
    bound: Callable[[str], AbstractContextManager[object]] | None = None,
) -> tuple[list[Candidate], int]:
    """(candidates, number of postings read) for the posting files in ``folder``. ``bound(name)``
    (the CLI's per-file time budget) wraps each posting."""
    from .posting import analyze_posting, read_posting

    guard = bound or (lambda _name: contextlib.nullcontext())
    analysed: list[tuple[str, Posting]] = []
    for path in posting_files(folder):
        with guard(str(path)):
            text = read_posting(path)
            if not text.strip():
                continue  # an empty posting teaches nothing; not an error for a whole folder
            analysed.append((path.name, analyze_posting(text, matcher, path=str(path))))
    return learn_candidates(analysed), len(analysed)


def _toml_string(value: str) -> str:
    """A TOML basic string (quotes, backslashes and control characters escaped)."""
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group(0)):04x}", out)
    return f'"{out}"'


def _comment(text: str) -> str:
    """Text from a posting, made safe for one comment line."""
    return " ".join(text.split())


def candidates_toml(candidates: list[Candidate], source: str, postings_read: int) -> str:
    """The candidates in the lists' TOML schema (keyword_lists/README.md), every entry commented
    out: a person reviews each, uncomments the ones that are real skills, fixes the category, and
    runs ``resume-tool lists check`` on the folder. Nothing here is used until then."""
    lines = [
        "# Candidate keyword-list entries learned by `resume-tool lists learn`.",
        f"# From {postings_read} posting(s) in {_comment(source)}: {len(candidates)} term(s) that no list knows.",
        "#",
        "# NOTHING IN THIS FILE IS USED YET. Every entry is commented out. For each candidate:",
        "#   1. read the example: is it a skill, credential, system or rule a coder could list?",
        "#   2. if yes, uncomment its [[entry]] lines and check the category (a guess) and weight;",
        "#   3. put the file in a folder and run:  resume-tool lists check FOLDER",
        "#      (until one entry is uncommented, it reports that the file holds no entry)",
        "#   4. use it with:  resume-tool check RESUME --lists FOLDER",
        "# Field meanings: keyword_lists/README.md.",
        "",
    ]
    used: set[str] = set()
    for cand in candidates:
        ident = cand.id
        n = 2
        while ident in used:
            ident = f"{cand.id}-{n}"
            n += 1
        used.add(ident)
        lines.append(f"# --- {_comment(cand.term)}: in {cand.count} of {postings_read} posting(s)")
        if cand.long_form:
            lines.append(f"#     defined as: {_comment(cand.long_form)} ({_comment(cand.acronym or cand.term)})")
        if cand.example:
            lines.append(f"#     e.g. ({_comment(cand.example_from)}): {_comment(cand.example)}")
        lines.append("# [[entry]]")
        lines.append(f"# id = {_toml_string(ident)}")
        lines.append(f"# term = {_toml_string(cand.term)}")
        if cand.acronym:
            lines.append(f"# acronym = {_toml_string(cand.acronym)}")
        if cand.long_form:
            lines.append(f"# long_form = {_toml_string(cand.long_form)}")
        lines.append(f"# category = {_toml_string(cand.category)}  # a guess: check it")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def uncomment_candidates(toml_text: str) -> str:
    """Every candidate entry uncommented (what a reviewer who accepted all of them would have);
    used by the tests to prove the file is in the lists' schema."""
    out = []
    for line in toml_text.splitlines():
        if line.startswith("# [[entry]]") or re.match(r"# (?:id|term|acronym|long_form|category) = ", line):
            out.append(line[2:])
        else:
            out.append(line)
    return "\n".join(out) + "\n"
