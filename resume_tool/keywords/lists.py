"""Load and check the keyword lists (TOML) that drive matching and scoring.

Why a hand-written validator: the list files are edited by career-services staff, not
programmers, so every mistake must come back as one plain line naming the file, the entry and
the field. A typo such as ``alias`` for ``aliases`` must never silently drop a keyword's
variants, and a role that names a removed entry must not quietly score against nothing.

Layers: the bundled lists (``data_dir("keyword_lists")``) come first, then each folder passed
with ``--lists`` in order. An entry or role whose id is already known replaces the earlier one
as a whole; ``remove = true`` drops it. Checks that need the whole vocabulary (unknown ids in
``satisfies`` / ``replaced_by`` / role lists, ``satisfies`` cycles, one form claimed by two
entries) run after merging. The schema is documented in ``keyword_lists/README.md``.
"""

from __future__ import annotations

import difflib
import pickle
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypedDict

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from resume_tool.errors import ListError
from resume_tool.models import Entry, Role, Vocabulary
from resume_tool.resources import data_dir

__all__ = [
    "CATEGORIES",
    "MAX_GAP",
    "MAX_WEIGHT",
    "ListEntry",
    "ListSummary",
    "Phrase",
    "entry_forms",
    "expand_satisfies",
    "form_key",
    "list_summary",
    "load_vocabulary",
    "validate_dir",
]

# Allowed categories and the weight an entry gets when its file gives none. A weight is how
# much a missing keyword costs relative to the others; credentials and code sets are what ATS
# filters screen on first, soft skills and organization names matter least.
CATEGORIES: dict[str, float] = {
    "credential": 3.0,
    "code_set": 3.0,
    "payment_system": 2.0,
    "billing_claims": 2.0,
    "compliance": 2.0,
    "coding_practice": 2.0,
    "clinical_knowledge": 2.0,
    "software": 1.5,
    "job_title": 1.5,
    "soft_skill": 1.0,
    "organization": 1.0,
}
MAX_WEIGHT = 10.0
# Words allowed between the verb and the noun of a phrase ("verified [patient] eligibility").
DEFAULT_GAP = 3
MAX_GAP = 5
# Categories whose entries are no evidence of a healthcare document by default (anyone can have
# "communication skills"); other entries are, unless they say ``healthcare_evidence = false``.
NO_EVIDENCE_CATEGORIES = frozenset({"soft_skill"})

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ENTRY_KEYS = (
    "id", "term", "category", "weight", "acronym", "long_form", "aliases", "legacy",
    "replaced_by", "satisfies", "combines", "case_sensitive", "needs_context", "context", "remove",
    "phrases", "needs_healthcare", "healthcare_evidence", "veto_context", "strict_context",
    "list_item_only",
)  # fmt: skip
_ENTRY_LISTS = (
    "aliases", "satisfies", "combines", "case_sensitive", "needs_context", "context",
    "needs_healthcare", "veto_context", "list_item_only",
)  # fmt: skip
_PHRASE_KEYS = ("verbs", "nouns", "gap", "order", "needs_healthcare")
_PHRASE_ORDERS = ("either", "verb_first")
_ROLE_KEYS = ("id", "name", "description", "titles", "core", "terms", "weights", "remove")
_TOP_KEYS = ("entry", "role")
_SUBFOLDERS = ("vocabulary", "roles")
# problem(where, field, message): records one mistake of the file being read
_ProblemFn = Callable[[str, "str | None", str], None]
_TOML_POS = re.compile(r"(?<!\s)\s*\(at line (\d+), column (\d+)\)\s*$")


# ------------------------------------------------------------------ entries
@dataclass(frozen=True)
class Phrase:
    """A skill written as a verb and its object: ``verify`` … ``eligibility``.

    ``verbs`` and ``nouns`` are written in their base forms and matched through the lookup
    lemmatizer (``verified``, ``verifying``; ``claims``), in either order, with at most ``gap``
    words between them, never across a sentence, clause or list-item boundary (see the matcher).
    """

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    gap: int = DEFAULT_GAP
    needs_healthcare: bool = False  # counts only in a document with healthcare evidence
    either_order: bool = True  # also "eligibility verified"; false: the verb must come first


@dataclass
class ListEntry(Entry):
    """An :class:`~resume_tool.models.Entry` with the matching fields only the match stage reads.

    Kept here rather than in ``models`` so that stages after matching see a plain ``Entry``.
    """

    phrases: list[Phrase] = field(default_factory=list)
    needs_healthcare: list[str] = field(default_factory=list)  # forms that need healthcare evidence
    healthcare_evidence: bool = True  # does finding this entry show a healthcare document?
    veto_context: list[str] = field(default_factory=list)  # words showing another sense
    strict_context: bool = False  # only `context` (or a skills section) vouches, no other keyword
    list_item_only: list[str] = field(default_factory=list)  # forms that count only as a list item


# ------------------------------------------------------------------ problems
@dataclass(frozen=True)
class _Problem:
    """One mistake in a list file; ``str()`` is the one-line message users see."""

    file: str
    where: str  # "entry 'cpc'", "entry #3", "role 'cdi-specialist'", "line 4, column 9", ""
    field: str | None
    message: str
    folder: str  # the list folder the file belongs to (for the `lists check DIR` hint)

    def location(self) -> str:
        parts = [p for p in (self.where, f"field '{self.field}'" if self.field else "") if p]
        return ", ".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        return f"{self.file}: {loc}: {self.message}" if loc else f"{self.file}: {self.message}"


@dataclass
class _Layer:
    """What one folder of list files holds, before merging with the others."""

    folder: str
    entries: dict[str, Entry] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    remove_entries: dict[str, str] = field(default_factory=dict)  # id -> file asking for it
    remove_roles: dict[str, str] = field(default_factory=dict)
    problems: list[_Problem] = field(default_factory=list)


@dataclass
class _Merged:
    entries: dict[str, Entry]
    roles: dict[str, Role]
    removed_by: dict[str, str]  # entry or role id -> file that removed it
    folders: list[str]
    file_folder: dict[str, str]
    problems: list[_Problem]


# ------------------------------------------------------------------ public API
def load_vocabulary(extra_dirs: Sequence[Path | str] = ()) -> Vocabulary:
    """Return the bundled lists overlaid with each folder of ``extra_dirs`` in order.

    Raises :class:`ListError` naming the first problem (and how many more there are) when any
    list is invalid. The bundled lists are parsed once per process; every call returns a fresh
    copy, so callers may change what they get without touching the cache.
    """
    if not extra_dirs:
        merged = _bundled()
    else:
        layers = [_bundled_layer()] + [_read_folder(Path(d)) for d in extra_dirs]
        merged = _merge(layers)
    if merged.problems:
        raise _list_error(merged.problems)
    vocab = Vocabulary(entries=merged.entries, roles=merged.roles, sources=list(merged.folders))
    # a fresh copy of plain data; a pickle round trip gives the same as copy.deepcopy in a third
    # of the time (~7 ms instead of ~20 for the bundled lists)
    return pickle.loads(pickle.dumps(vocab, pickle.HIGHEST_PROTOCOL))


def validate_dir(path: Path | str) -> list[str]:
    """Every problem in the lists of ``path`` (merged over the bundled lists), one line each.

    An empty list means the folder can be passed to ``--lists``. Validating the bundled folder
    itself re-reads it from disk (no cache), so list maintainers see their edits.
    """
    folder = Path(path)
    bundled = data_dir("keyword_lists")
    if _same_path(folder, bundled):
        merged = _merge([_read_folder(bundled)])
    else:
        merged = _merge([_bundled_layer(), _read_folder(folder)])
    return [str(p) for p in merged.problems]


class RoleRow(TypedDict):
    id: str
    name: str
    terms: int  # distinct entry ids the role looks for, core included
    core: int
    source: str


class CategoryRow(TypedDict):
    category: str
    entries: int
    legacy: int


class ListSummary(TypedDict):
    roles: list[RoleRow]
    categories: list[CategoryRow]
    entries: int
    sources: list[str]


def list_summary(vocab: Vocabulary) -> ListSummary:
    """Rows for ``resume-tool lists``: one per role, one per category, plus totals.

    Sources under the bundled folder are shown as ``bundled: roles/x.toml`` so the table does
    not print the installation path.
    """
    roles: list[RoleRow] = [
        {
            "id": r.id,
            "name": r.name,
            "terms": len(dict.fromkeys([*r.core, *r.terms])),
            "core": len(dict.fromkeys(r.core)),
            "source": _display_source(r.source),
        }
        for r in sorted(vocab.roles.values(), key=lambda r: r.id)
    ]
    cats = list(CATEGORIES) + sorted({e.category for e in vocab.entries.values()} - set(CATEGORIES))
    categories: list[CategoryRow] = [
        {
            "category": c,
            "entries": sum(1 for e in vocab.entries.values() if e.category == c),
            "legacy": sum(1 for e in vocab.entries.values() if e.category == c and e.legacy),
        }
        for c in cats
    ]
    return {
        "roles": roles,
        "categories": categories,
        "entries": len(vocab.entries),
        "sources": list(vocab.sources),
    }


def entry_forms(entry: Entry) -> list[tuple[str, str]]:
    """``(form, kind)`` for every way the entry is written; kind is term/acronym/long_form/alias.

    The same string is listed once, under the first kind it appears as (term first).
    """
    out: dict[str, str] = {}
    for text, kind in (
        (entry.term, "term"),
        (entry.acronym, "acronym"),
        (entry.long_form, "long_form"),
        *((a, "alias") for a in entry.aliases),
    ):
        if text and text not in out:
            out[text] = kind
    return list(out.items())


def expand_satisfies(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """For each entry id, every id it counts for through ``satisfies``, followed transitively.

    Legacy entries count for nothing (a retired credential never meets a current requirement).
    """
    out: dict[str, frozenset[str]] = {}
    for eid, entry in vocab.entries.items():
        if entry.legacy:
            out[eid] = frozenset()
            continue
        seen: set[str] = set()
        stack = list(entry.satisfies)
        while stack:
            nxt = stack.pop()
            if nxt in seen or nxt == eid or nxt not in vocab.entries:
                continue
            seen.add(nxt)
            stack.extend(vocab.entries[nxt].satisfies)
        out[eid] = frozenset(seen)
    return out


# ------------------------------------------------------------------ caching
@lru_cache(maxsize=1)
def _bundled_layer() -> _Layer:
    return _read_folder(data_dir("keyword_lists"))


@lru_cache(maxsize=1)
def _bundled() -> _Merged:
    return _merge([_bundled_layer()])


# ------------------------------------------------------------------ reading
def _list_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.toml"))
    for sub in _SUBFOLDERS:
        files += sorted((folder / sub).glob("*.toml"))
    return files


def _read_folder(folder: Path) -> _Layer:
    """Parse and check every list file of one folder (top level, vocabulary/, roles/)."""
    layer = _Layer(folder=str(folder))
    if not folder.is_dir():
        layer.problems.append(
            _Problem(
                str(folder),
                "",
                None,
                "no such folder; pass a folder of .toml keyword lists",
                str(folder),
            )
        )
        return layer
    files = _list_files(folder)
    if not files:
        message = "holds no .toml list files (looked at the folder, vocabulary/ and roles/)"
        layer.problems.append(_Problem(str(folder), "", None, message, str(folder)))
    seen_entries: dict[str, str] = {}
    seen_roles: dict[str, str] = {}
    for path in files:
        _read_file(path, layer, seen_entries, seen_roles)
    return layer


def _read_file(
    path: Path, layer: _Layer, seen_entries: dict[str, str], seen_roles: dict[str, str]
) -> None:
    file = str(path)
    problems = layer.problems

    def problem(where: str, fld: str | None, message: str) -> None:
        problems.append(_Problem(file, where, fld, message, layer.folder))

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        where = f"line {m.group(1)}, column {m.group(2)}" if m else ""
        problem(where, None, f"TOML syntax error: {_TOML_POS.sub('', msg)}")
        return
    except UnicodeDecodeError:
        problem("", None, "is not UTF-8 text; save it as UTF-8")
        return
    except OSError as exc:
        problem("", None, f"cannot be read ({exc.strerror or exc})")
        return

    for key in data:
        if key not in _TOP_KEYS:
            problem(
                "",
                key,
                f"unknown top-level key{_did_you_mean(key, _TOP_KEYS)}; a list file holds [[entry]] tables and/or a [role] table",
            )
    if "entry" not in data and "role" not in data:
        problem("", None, "holds neither [[entry]] nor [role] tables")

    raw_entries = data.get("entry", [])
    if isinstance(raw_entries, dict):
        problem("entry #1", None, "write each entry as [[entry]] (double brackets), not [entry]")
        raw_entries = [raw_entries]
    if not isinstance(raw_entries, list):
        problem("", "entry", "must be an array of [[entry]] tables")
        raw_entries = []
    for index, raw in enumerate(raw_entries, 1):
        if not isinstance(raw, dict):
            problem(f"entry #{index}", None, "must be a table ([[entry]])")
            continue
        result = _parse_entry(raw, file, index, problem)
        if result is None:
            continue
        eid, entry = result
        where = f"entry '{eid}'"
        if eid in seen_entries:
            other = seen_entries[eid]
            also = "" if other == file else f" (also in {other})"
            problem(where, "id", f"duplicate id: defined more than once in this folder{also}")
            continue
        seen_entries[eid] = file
        if entry is None:
            layer.remove_entries[eid] = file
        else:
            layer.entries[eid] = entry

    raw_roles = data.get("role", [])
    if isinstance(raw_roles, dict):
        raw_roles = [raw_roles]
    if not isinstance(raw_roles, list):
        problem("", "role", "must be a [role] table")
        raw_roles = []
    for index, raw in enumerate(raw_roles, 1):
        if not isinstance(raw, dict):
            problem(f"role #{index}", None, "must be a table ([role])")
            continue
        result_r = _parse_role(raw, file, index, problem)
        if result_r is None:
            continue
        rid, role = result_r
        if rid in seen_roles:
            other = seen_roles[rid]
            also = "" if other == file else f" (also in {other})"
            problem(
                f"role '{rid}'", "id", f"duplicate id: defined more than once in this folder{also}"
            )
            continue
        seen_roles[rid] = file
        if role is None:
            layer.remove_roles[rid] = file
        else:
            layer.roles[rid] = role


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _check_id(value: Any, where: str, fld: str, problem: _ProblemFn) -> bool:
    if not isinstance(value, str):
        problem(where, fld, f"must be a string, not {_type_name(value)}")
        return False
    if not _ID.match(value):
        problem(
            where,
            fld,
            f"'{value}' is not a valid id: use lower-case letters, digits and hyphens, starting with a letter or digit",
        )
        return False
    return True


def _type_name(value: Any) -> str:
    return {
        bool: "true/false", int: "a number", float: "a number", str: "a string",
        list: "a list", dict: "a table",
    }.get(type(value), type(value).__name__)  # fmt: skip


def _str_list(raw: dict[str, Any], key: str, where: str, problem: _ProblemFn) -> list[str]:
    value = raw.get(key, [])
    if isinstance(value, str):
        problem(where, key, f'must be a list of strings: write {key} = ["{value}"]')
        return [value] if value.strip() else []
    if not isinstance(value, list):
        problem(where, key, f"must be a list of strings, not {_type_name(value)}")
        return []
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            problem(where, key, f"must hold only strings; {item!r} is {_type_name(item)}")
        elif not item.strip():
            problem(where, key, "holds an empty string")
        else:
            out.append(item)
    return out


def _opt_str(raw: dict[str, Any], key: str, where: str, problem: _ProblemFn) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problem(
            where,
            key,
            f"must be a non-empty string, not {_type_name(value) if not isinstance(value, str) else 'an empty string'}",
        )
        return None
    return value


def _weight(value: Any, where: str, fld: str, problem: _ProblemFn) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problem(where, fld, f"must be a number, not {_type_name(value)}")
        return None
    if not 0 < value <= MAX_WEIGHT:
        problem(
            where, fld, f"{value} is out of range; use a number above 0 and at most {MAX_WEIGHT:g}"
        )
        return None
    return float(value)


def _table_header(
    raw: dict[str, Any], kind: str, keys: tuple[str, ...], index: int, problem: _ProblemFn
) -> tuple[str, str, bool] | None:
    """The checks every [[entry]] and [role] table shares: keys, id, ``remove``.

    Returns (where, id, remove), or None when the table has no usable id.
    """
    rid = raw.get("id")
    where = f"{kind} '{rid}'" if isinstance(rid, str) and rid else f"{kind} #{index}"
    for key in raw:
        if key not in keys:
            problem(where, key, f"unknown key{_did_you_mean(key, keys)}")
    if "id" not in raw:
        problem(where, "id", "missing required field")
        return None
    if not _check_id(rid, where, "id", problem):
        return None
    remove = raw.get("remove", False)
    if not isinstance(remove, bool):
        problem(where, "remove", f"must be true or false, not {_type_name(remove)}")
        remove = False
    if remove:
        extra = [k for k in raw if k not in ("id", "remove")]
        if extra:
            article = "an" if kind[0] in "aeiou" else "a"
            problem(where, extra[0], f"{article} {kind} with remove = true takes only id")
    return where, rid, remove


def _parse_entry(
    raw: dict[str, Any], file: str, index: int, problem: _ProblemFn
) -> tuple[str, Entry | None] | None:
    """Check one [[entry]] table; return (id, Entry), (id, None) for a removal, or None."""
    head = _table_header(raw, "entry", _ENTRY_KEYS, index, problem)
    if head is None:
        return None
    where, eid, remove = head
    if remove:
        return eid, None

    ok = True
    term = raw.get("term")
    if term is None:
        problem(where, "term", "missing required field")
        ok = False
    elif not isinstance(term, str) or not term.strip():
        problem(where, "term", "must be a non-empty string")
        ok = False
    category = raw.get("category")
    if category is None:
        problem(where, "category", "missing required field")
        ok = False
    elif not isinstance(category, str) or category not in CATEGORIES:
        hint = _did_you_mean(str(category), CATEGORIES)
        problem(
            where,
            "category",
            f"'{category}' is not a category{hint} (allowed: {', '.join(CATEGORIES)})",
        )
        ok = False

    weight: float | None = None
    if "weight" in raw:
        weight = _weight(raw["weight"], where, "weight", problem)
    acronym = _opt_str(raw, "acronym", where, problem)
    long_form = _opt_str(raw, "long_form", where, problem)
    lists = {key: _str_list(raw, key, where, problem) for key in _ENTRY_LISTS}
    legacy = raw.get("legacy", False)
    if not isinstance(legacy, bool):
        problem(where, "legacy", f"must be true or false, not {_type_name(legacy)}")
        legacy = False
    replaced_by = raw.get("replaced_by")
    if replaced_by is not None and not _check_id(replaced_by, where, "replaced_by", problem):
        replaced_by = None
    for sid in lists["satisfies"]:
        if sid == eid:
            problem(where, "satisfies", "an entry cannot satisfy itself")
        else:
            _check_id(sid, where, "satisfies", problem)
    if replaced_by == eid:
        problem(where, "replaced_by", "an entry cannot be replaced by itself")
    for cid in lists["combines"]:
        if cid == eid:
            problem(where, "combines", "an entry cannot combine itself")
        else:
            _check_id(cid, where, "combines", problem)
    if len(lists["combines"]) == 1:
        problem(where, "combines", "a combined form names two or more entries")

    forms = [f for f in (term, acronym, long_form) if isinstance(f, str)] + lists["aliases"]
    for key in ("case_sensitive", "needs_context", "needs_healthcare", "list_item_only"):
        for form in lists[key]:
            if form not in forms:
                problem(
                    where, key,
                    f"'{form}' is not one of the entry's forms (term, acronym, long_form, aliases); "
                    "spell it exactly as written there",
                )  # fmt: skip
    phrases = _phrases(raw.get("phrases", []), where, problem)
    evidence = raw.get("healthcare_evidence")
    if evidence is not None and not isinstance(evidence, bool):
        problem(where, "healthcare_evidence", f"must be true or false, not {_type_name(evidence)}")
        evidence = None
    strict = raw.get("strict_context", False)
    if not isinstance(strict, bool):
        problem(where, "strict_context", f"must be true or false, not {_type_name(strict)}")
        strict = False
    if strict and not lists["context"]:
        problem(where, "strict_context", "needs a context list: only its words count as evidence")
    if not ok:
        return None
    assert isinstance(term, str) and isinstance(category, str)
    if evidence is None:
        evidence = category not in NO_EVIDENCE_CATEGORIES
    entry = ListEntry(
        id=eid,
        term=term,
        category=category,
        weight=weight if weight is not None else CATEGORIES[category],
        acronym=acronym,
        long_form=long_form,
        aliases=lists["aliases"],
        legacy=legacy,
        replaced_by=replaced_by,
        satisfies=[s for s in lists["satisfies"] if s != eid],
        combines=[c for c in lists["combines"] if c != eid],
        case_sensitive=lists["case_sensitive"],
        needs_context=lists["needs_context"],
        context=lists["context"],
        source=file,
        phrases=phrases,
        needs_healthcare=lists["needs_healthcare"],
        healthcare_evidence=evidence,
        veto_context=lists["veto_context"],
        strict_context=strict,
        list_item_only=lists["list_item_only"],
    )
    return eid, entry


def _phrases(value: Any, where: str, problem: _ProblemFn) -> list[Phrase]:
    """Check ``phrases = [{verbs = [...], nouns = [...], gap = 3}, ...]``."""
    fld = "phrases"
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        problem(
            where, fld,
            'must be a list of tables: phrases = [{verbs = ["verify"], nouns = ["eligibility"]}]',
        )  # fmt: skip
        return []
    out: list[Phrase] = []
    for n, raw in enumerate(value, 1):
        at = f"{fld}[{n}]"
        if not isinstance(raw, dict):
            problem(
                where,
                at,
                f"must be a table {{verbs = [...], nouns = [...]}}, not {_type_name(raw)}",
            )
            continue
        for key in raw:
            if key not in _PHRASE_KEYS:
                problem(where, f"{at}.{key}", f"unknown key{_did_you_mean(key, _PHRASE_KEYS)}")
        words: dict[str, list[str]] = {}
        good = True
        for key in ("verbs", "nouns"):
            items = _str_list(raw, key, where, lambda w, f, m, p=f"{at}.{key}": problem(w, p, m))
            if not items:
                if key not in raw:
                    problem(where, f"{at}.{key}", "missing required field")
                elif isinstance(raw.get(key), list) and not raw[key]:
                    problem(where, f"{at}.{key}", "must name at least one word")
                good = False
            for item in items:
                if len(item.split()) > 3 or not any(ch.isalpha() for ch in item):
                    problem(
                        where, f"{at}.{key}",
                        f"'{item}' is not a word or a short phrase (at most three words, with letters)",
                    )  # fmt: skip
                    good = False
            words[key] = items
        gap = raw.get("gap", DEFAULT_GAP)
        if isinstance(gap, bool) or not isinstance(gap, int) or not 0 <= gap <= MAX_GAP:
            problem(where, f"{at}.gap", f"must be a whole number from 0 to {MAX_GAP}, not {gap!r}")
            good = False
        order = raw.get("order", "either")
        if order not in _PHRASE_ORDERS:
            problem(
                where, f"{at}.order", f"must be one of {', '.join(_PHRASE_ORDERS)}, not {order!r}"
            )
            good = False
        nh = raw.get("needs_healthcare", False)
        if not isinstance(nh, bool):
            problem(where, f"{at}.needs_healthcare", f"must be true or false, not {_type_name(nh)}")
            good = False
        if good:
            out.append(
                Phrase(tuple(words["verbs"]), tuple(words["nouns"]), gap, nh, order == "either")
            )
    return out


def _parse_role(
    raw: dict[str, Any], file: str, index: int, problem: _ProblemFn
) -> tuple[str, Role | None] | None:
    """Check one [role] table; return (id, Role), (id, None) for a removal, or None."""
    head = _table_header(raw, "role", _ROLE_KEYS, index, problem)
    if head is None:
        return None
    where, role_id, remove = head
    if remove:
        return role_id, None

    name = raw.get("name")
    ok = True
    if name is None:
        problem(where, "name", "missing required field")
        ok = False
    elif not isinstance(name, str) or not name.strip():
        problem(where, "name", "must be a non-empty string")
        ok = False
    description = raw.get("description", "")
    if not isinstance(description, str):
        problem(where, "description", f"must be a string, not {_type_name(description)}")
        description = ""
    titles = _str_list(raw, "titles", where, problem)
    core = _str_list(raw, "core", where, problem)
    terms = _str_list(raw, "terms", where, problem)
    for key, ids in (("core", core), ("terms", terms)):
        seen: set[str] = set()
        for item in ids:
            _check_id(item, where, key, problem)
            if item in seen:
                problem(where, key, f"'{item}' is listed twice")
            seen.add(item)
    for item in sorted(set(core) & set(terms)):
        problem(where, "terms", f"'{item}' is already in core; list it once")
    weights: dict[str, float] = {}
    raw_weights = raw.get("weights", {})
    if not isinstance(raw_weights, dict):
        problem(where, "weights", "must be a table: [role.weights] with lines like cpc = 4.0")
        raw_weights = {}
    for key, value in raw_weights.items():
        if _check_id(key, where, f"weights.{key}", problem):
            w = _weight(value, where, f"weights.{key}", problem)
            if w is not None:
                weights[key] = w
    if not ok:
        return None
    assert isinstance(name, str)
    return role_id, Role(
        id=role_id,
        name=name,
        description=description,
        core=core,
        weights=weights,
        terms=terms,
        titles=titles,
        source=file,
    )


# ------------------------------------------------------------------ merging and cross-checks
def _merge(layers: Sequence[_Layer]) -> _Merged:
    entries: dict[str, Entry] = {}
    roles: dict[str, Role] = {}
    removed_by: dict[str, str] = {}
    file_folder: dict[str, str] = {}
    problems: list[_Problem] = []
    for layer in layers:
        problems.extend(layer.problems)
        for eid, file in layer.remove_entries.items():
            file_folder[file] = layer.folder
            if eid in entries:
                del entries[eid]
                removed_by[eid] = file
            else:
                problems.append(
                    _Problem(
                        file,
                        f"entry '{eid}'",
                        "remove",
                        "removes an id no earlier list defines",
                        layer.folder,
                    )
                )
        for rid, file in layer.remove_roles.items():
            file_folder[file] = layer.folder
            if rid in roles:
                del roles[rid]
                removed_by[rid] = file
            else:
                problems.append(
                    _Problem(
                        file,
                        f"role '{rid}'",
                        "remove",
                        "removes a role no earlier list defines",
                        layer.folder,
                    )
                )
        for eid, entry in layer.entries.items():
            file_folder[entry.source] = layer.folder
            entries[eid] = entry
            removed_by.pop(eid, None)
        for rid, role in layer.roles.items():
            file_folder[role.source] = layer.folder
            roles[rid] = role
            removed_by.pop(rid, None)
    problems.extend(_cross_check(entries, roles, removed_by, file_folder))
    return _Merged(
        entries, roles, removed_by, [layer.folder for layer in layers], file_folder, problems
    )


def _cross_check(
    entries: dict[str, Entry],
    roles: dict[str, Role],
    removed_by: dict[str, str],
    file_folder: dict[str, str],
) -> list[_Problem]:
    """Checks that need every list at once: references, legacy rules, cycles, shared forms."""
    problems: list[_Problem] = []

    def unknown(ref: str) -> str:
        if ref in removed_by:
            return f"names '{ref}', which {removed_by[ref]} removes"
        return f"names unknown entry id '{ref}'{_did_you_mean(ref, entries)}"

    def add(file: str, where: str, fld: str | None, msg: str) -> None:
        problems.append(_Problem(file, where, fld, msg, file_folder.get(file, "")))

    for eid, e in entries.items():
        where = f"entry '{eid}'"
        for sid in e.satisfies:
            if sid not in entries:
                add(e.source, where, "satisfies", unknown(sid))
        for cid in e.combines:
            if cid not in entries:
                add(e.source, where, "combines", unknown(cid))
            elif cid not in e.satisfies:
                add(e.source, where, "combines", f"'{cid}' must also be in satisfies")
        if e.legacy and e.satisfies:
            add(
                e.source,
                where,
                "satisfies",
                "a legacy entry never satisfies a current one; remove satisfies",
            )
        if e.replaced_by is not None:
            if not e.legacy:
                add(
                    e.source,
                    where,
                    "replaced_by",
                    "only legacy entries have replaced_by; add legacy = true or remove it",
                )
            if e.replaced_by not in entries:
                add(e.source, where, "replaced_by", unknown(e.replaced_by))
            elif entries[e.replaced_by].legacy:
                add(
                    e.source,
                    where,
                    "replaced_by",
                    f"'{e.replaced_by}' is itself legacy; name the current entry",
                )
        elif e.legacy:
            add(
                e.source,
                where,
                "replaced_by",
                "a legacy entry needs replaced_by naming the current entry",
            )

    for cycle in _satisfies_cycles(entries):
        first = entries[cycle[0]]
        add(
            first.source,
            f"entry '{cycle[0]}'",
            "satisfies",
            "cycle: " + " -> ".join([*cycle, cycle[0]]),
        )

    for rid, r in roles.items():
        where = f"role '{rid}'"
        for key, ids in (("core", r.core), ("terms", r.terms)):
            for ref in ids:
                if ref not in entries:
                    add(r.source, where, key, unknown(ref))
        for ref in r.core:
            if ref in entries and entries[ref].legacy:
                add(
                    r.source,
                    where,
                    "core",
                    f"'{ref}' is legacy; require the current entry '{entries[ref].replaced_by}' instead",
                )
        for ref in r.weights:
            if ref not in entries:
                add(r.source, where, f"weights.{ref}", unknown(ref))

    problems.extend(_shared_forms(entries, file_folder))
    return problems


def _satisfies_cycles(entries: dict[str, Entry]) -> list[list[str]]:
    """Each cycle in the satisfies graph once (as the ids along it, starting at the smallest)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles: dict[tuple[str, ...], list[str]] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in entries[node].satisfies:
            if nxt not in entries:
                continue
            if state.get(nxt) == 1:
                cyc = path[path.index(nxt) :]
                k = cyc.index(min(cyc))
                norm = cyc[k:] + cyc[:k]
                cycles.setdefault(tuple(norm), norm)
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for eid in sorted(entries):
        if eid not in state:
            visit(eid, [])
    return list(cycles.values())


def form_key(form: str, case_sensitive: bool = False) -> str:
    """A cheap stand-in for the matcher's key, used only to catch one form claimed by two entries.

    Like the matcher's tokenizer: letter runs and digit runs are the pieces (so ``ICD-10-CM``,
    ``ICD10CM`` and ``ICD 10 CM`` agree while ``E/M`` stays apart from ``EM``), ``&`` reads as
    ``and``, ``and`` between two single letters is dropped (``E and M`` = ``E/M``), case is
    folded unless the form is case-sensitive. It does not lemmatize; the matcher does.
    """
    pieces = re.findall(r"[A-Za-z]+|[0-9]+|&", form)
    pieces = ["and" if p == "&" else p for p in pieces]
    kept = [
        p
        for i, p in enumerate(pieces)
        if not (
            p.lower() == "and"
            and 0 < i < len(pieces) - 1
            and len(pieces[i - 1]) == 1
            and len(pieces[i + 1]) == 1
            and pieces[i - 1].isalpha()
            and pieces[i + 1].isalpha()
        )
    ]
    key = " ".join(kept)
    return key if case_sensitive else key.lower()


def _shared_forms(entries: dict[str, Entry], file_folder: dict[str, str]) -> list[_Problem]:
    """A form that two entries both claim would make a match ambiguous: report it once."""
    owners: dict[str, list[tuple[str, str, bool]]] = {}
    for eid, e in entries.items():
        cs = set(e.case_sensitive)
        for form, _kind in entry_forms(e):
            key = form_key(form)
            if not key:
                continue
            owners.setdefault(key, []).append((eid, form, form in cs))
    problems: list[_Problem] = []
    for key in sorted(owners):
        claims = owners[key]
        if len({eid for eid, _, _ in claims}) < 2:
            continue
        clash = next(
            (
                (a, b)
                for a in claims
                for b in claims
                if a[0] < b[0]
                # two case-sensitive forms that differ in case do not collide ("Word" vs "WORD")
                and not (a[2] and b[2] and form_key(a[1], True) != form_key(b[1], True))
            ),
            None,
        )
        if clash is None:
            continue
        (first, form, _), (other, other_form, _) = clash
        e = entries[first]
        problems.append(
            _Problem(
                e.source, f"entry '{first}'", "aliases",
                f"form '{form}' is also a form of entry '{other}' ('{other_form}', "
                f"{entries[other].source}); each form may name one entry only",
                file_folder.get(e.source, ""),
            )
        )  # fmt: skip
    return problems


# ------------------------------------------------------------------ helpers
def _list_error(problems: Sequence[_Problem]) -> ListError:
    first = problems[0]
    folder = first.folder or "DIR"
    more = len(problems) - 1
    loc = first.location()
    text = f"{loc}: {first.message}" if loc else first.message
    if more:
        text += f" ({more} more; run `resume-tool lists check {folder}`)"
    return ListError(first.file, text, "See keyword_lists/README.md for the list format")


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _display_source(source: str) -> str:
    try:
        bundled = data_dir("keyword_lists").resolve()
        rel = Path(source).resolve().relative_to(bundled)
    except (ValueError, OSError, FileNotFoundError):
        return source
    return f"bundled: {rel.as_posix()}"
