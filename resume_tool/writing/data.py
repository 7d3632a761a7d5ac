"""Load and check the writing word lists (keyword_lists/writing/*.toml).

The lists are data so a career office can adapt them; a wrong list must fail with a message
that names the file and the field, as the keyword lists do. Loaded once per process.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ListError
from ..resources import data_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FILES = ("rules", "openers", "verbs", "fillers", "known_terms", "measures", "skills", "confusions")
SEVERITIES = ("warning", "info")
RULE_KEYS = {"severity", "weight", "priority", "message", "fix"}
LIMIT_KEYS = {
    "long_chars", "long_words", "repeat_count", "duplicate_min_words", "spelling_min_letters",
    "spelling_double_min_letters", "spelling_capital_min_letters", "spelling_glued_min_letters",
    "spelling_glued_part_letters",
}
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    weight: float
    priority: int
    message: str
    fix: str


@dataclass(frozen=True)
class Confusion:
    """A slip the dictionary cannot see (confusions.toml): ``wrong`` is noted as ``right`` only
    where the words around it say so. Word sets are lower case; "@end", "@start" and "@upper"
    stay as markers (see confusions.toml)."""

    wrong: str
    right: str
    why: str = ""
    before: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    label: bool = False


CONFUSION_KEYS = {"wrong", "right", "why", "before", "not_before", "after", "not_after", "near", "not_near", "label"}
_CONTEXT_KEYS = ("before", "not_before", "after", "not_after", "near", "not_near")
_MARKERS = {"@end", "@start", "@upper"}


@dataclass(frozen=True, eq=False)  # hashed by identity: pick_measure's cache key stays cheap
class Measure:
    name: str
    when: frozenset[str]
    templates: tuple[str, ...]


@dataclass(frozen=True)
class WritingLists:
    """Everything the rules read from the data files."""

    rules: dict[str, Rule]
    limits: dict[str, float]
    weak_openers: tuple[tuple[str, ...], ...]  # lemma sequences, longest first
    lead_in: frozenset[str]
    verbs: frozenset[str]
    be_verbs: frozenset[str]
    ambiguous_past: frozenset[str]
    filler_phrases: tuple[str, ...]
    filler_adjectives: frozenset[str]
    filler_first_words: int
    known: frozenset[str]
    suggest: frozenset[str]
    confusions: tuple[Confusion, ...]
    measures: tuple[Measure, ...]
    folder: str
    soft_skills: frozenset[str] = frozenset()  # skills.toml phrases, normalised (skill_key)
    hard_skills: frozenset[str] = frozenset()


def writing_dir() -> Path:
    return data_dir("keyword_lists") / "writing"


@lru_cache(maxsize=4)
def load_writing_lists(folder: str | None = None) -> WritingLists:
    """Read and validate the writing lists; raise ``ListError`` naming the first problem."""
    path = Path(folder) if folder else writing_dir()
    problems: list[str] = []
    raw = _read_all(path, problems)
    if problems:
        raise ListError(None, problems[0], "Fix the list file (see keyword_lists/writing/README.md)")
    return _build(raw, path)


def validate_writing_dir(folder: Path | str) -> list[str]:
    """Every problem of a writing-lists folder, one line each (empty when it is fine)."""
    problems: list[str] = []
    raw = _read_all(Path(folder), problems)
    if not problems:
        try:
            _build(raw, Path(folder))
        except ValueError as err:
            problems.append(str(err))
    return problems


# ------------------------------------------------------------------ internals
def _read_all(path: Path, problems: list[str]) -> dict[str, dict[str, Any]]:
    raw: dict[str, dict[str, Any]] = {}
    for name in FILES:
        f = path / f"{name}.toml"
        if not f.is_file():
            problems.append(f"{f}: the file is missing")
            continue
        try:
            raw[name] = tomllib.loads(f.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            problems.append(f"{f}: not valid TOML ({err})")
    if problems:
        return raw
    _check(path, raw, problems)
    return raw


def _words(value: Any, where: str, problems: list[str], *, numbers: bool = True) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: must be a list of non-empty strings")
        return []
    if not numbers:
        bad = [v for v in value if _DIGIT.search(v)]
        if bad:
            problems.append(f"{where}: templates hold blanks like [N], never numbers ({bad[0]!r})")
    return value


def _check(path: Path, raw: dict[str, dict[str, Any]], problems: list[str]) -> None:
    rules = raw["rules"]
    limits = rules.get("limits", {})
    for key in LIMIT_KEYS:
        if not isinstance(limits.get(key), int) or limits[key] <= 0:
            problems.append(f"{path / 'rules.toml'}: [limits] {key} must be a positive whole number")
    for key in ("spelling_min_frequency", "spelling_slip_frequency", "spelling_capital_frequency", "spelling_glued_frequency"):
        freq = limits.get(key)
        if not isinstance(freq, int | float) or not 0 <= freq < 1:
            problems.append(f"{path / 'rules.toml'}: [limits] {key} must be a number from 0 to 1")
    ratio = limits.get("spelling_double_ratio")
    if not isinstance(ratio, int | float) or ratio < 1:
        problems.append(f"{path / 'rules.toml'}: [limits] spelling_double_ratio must be a number of at least 1")
    table = rules.get("rule", {})
    from .models import WRITING_CODES

    for code in WRITING_CODES:
        r = table.get(code)
        where = f"{path / 'rules.toml'}: [rule.{code}]"
        if not isinstance(r, dict):
            problems.append(f"{where} is missing")
            continue
        missing = RULE_KEYS - set(r)
        if missing:
            problems.append(f"{where} lacks {', '.join(sorted(missing))}")
            continue
        if r["severity"] not in SEVERITIES:
            problems.append(f"{where} severity must be one of {', '.join(SEVERITIES)}")
        if not isinstance(r["weight"], int | float) or not 0 <= r["weight"] <= 1:
            problems.append(f"{where} weight must be a number from 0 to 1")
    for code in set(table) - set(WRITING_CODES):
        problems.append(f"{path / 'rules.toml'}: [rule.{code}] is not a known code")
    o = raw["openers"]
    _words(o.get("weak_openers", {}).get("phrases"), f"{path / 'openers.toml'}: weak_openers.phrases", problems)
    _words(o.get("lead_in", {}).get("words"), f"{path / 'openers.toml'}: lead_in.words", problems)
    v = raw["verbs"]
    for key, sub in (("action_verbs", "verbs"), ("be_verbs", "words"), ("ambiguous_past", "words")):
        _words(v.get(key, {}).get(sub), f"{path / 'verbs.toml'}: {key}.{sub}", problems)
    fl = raw["fillers"].get("fillers", {})
    _words(fl.get("phrases"), f"{path / 'fillers.toml'}: fillers.phrases", problems)
    _words(fl.get("adjectives"), f"{path / 'fillers.toml'}: fillers.adjectives", problems)
    if not isinstance(fl.get("first_words"), int):
        problems.append(f"{path / 'fillers.toml'}: fillers.first_words must be a whole number")
    k = raw["known_terms"]
    known = k.get("known", {})
    if not isinstance(known, dict) or not known:
        problems.append(f"{path / 'known_terms.toml'}: [known] must hold lists of words")
    for group, words in known.items() if isinstance(known, dict) else ():
        _words(words, f"{path / 'known_terms.toml'}: known.{group}", problems)
    _words(k.get("suggest", {}).get("words"), f"{path / 'known_terms.toml'}: suggest.words", problems)
    _check_confusions(path / "confusions.toml", raw["confusions"], problems)
    for kind in ("soft", "hard"):
        _words(raw["skills"].get(kind, {}).get("phrases"), f"{path / 'skills.toml'}: {kind}.phrases", problems)
    ms = raw["measures"].get("measure", [])
    if not isinstance(ms, list) or not ms:
        problems.append(f"{path / 'measures.toml'}: needs [[measure]] tables")
        ms = []
    names = set()
    for i, m in enumerate(ms):
        where = f"{path / 'measures.toml'}: measure #{i + 1}"
        if not isinstance(m, dict) or not isinstance(m.get("name"), str):
            problems.append(f"{where} needs a name")
            continue
        names.add(m["name"])
        if not isinstance(m.get("when"), list):
            problems.append(f"{where} ({m['name']}) needs a when list (may be empty)")
        _words(m.get("templates"), f"{where} ({m['name']}) templates", problems, numbers=False)
    if ms and "default" not in names:
        problems.append(f"{path / 'measures.toml'}: a measure named \"default\" is required")


def _check_confusions(where: Path, raw: dict[str, Any], problems: list[str]) -> None:
    classes = raw.get("classes", {})
    if not isinstance(classes, dict):
        problems.append(f"{where}: [classes] must hold lists of words")
        classes = {}
    for name, words in classes.items():
        _words(words, f"{where}: classes.{name}", problems)
    entries = raw.get("confusion", [])
    if not isinstance(entries, list) or not entries:
        problems.append(f"{where}: needs [[confusion]] tables")
        return
    for i, c in enumerate(entries):
        at = f"{where}: confusion #{i + 1}"
        if not (
            isinstance(c, dict) and isinstance(c.get("wrong"), str) and c["wrong"].strip()
            and isinstance(c.get("right"), str) and c["right"].strip()
        ):
            problems.append(f"{at} needs wrong and right")
            continue
        at = f"{at} ({c['wrong']})"
        unknown = sorted(set(c) - CONFUSION_KEYS)
        if unknown:
            problems.append(f"{at}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(CONFUSION_KEYS))})")
        if not isinstance(c.get("why", ""), str) or not isinstance(c.get("label", False), bool):
            problems.append(f"{at}: why must be text and label true or false")
        for key in _CONTEXT_KEYS:
            if key not in c:
                continue
            for w in _words(c[key], f"{at}: {key}", problems):
                if w.startswith("@") and w not in _MARKERS and w[1:] not in classes:
                    problems.append(f"{at}: {key} names {w!r}, which is no [classes] list nor @end, @start, @upper")


def _confusions(raw: dict[str, Any]) -> tuple[Confusion, ...]:
    classes = {name: [w.lower() for w in words] for name, words in raw.get("classes", {}).items()}

    def words(values: list[str]) -> frozenset[str]:
        out: set[str] = set()
        for v in values:
            out.update([v] if v in _MARKERS else classes[v[1:]] if v.startswith("@") else [v.lower()])
        return frozenset(out)

    return tuple(
        Confusion(
            c["wrong"], c["right"], c.get("why", ""),
            **{key: words(c.get(key, [])) for key in _CONTEXT_KEYS}, label=c.get("label", False),
        )
        for c in raw["confusion"]
    )


def _build(raw: dict[str, dict[str, Any]], path: Path) -> WritingLists:
    from .text import lemma_of

    rules = {
        code: Rule(code, r["severity"], float(r["weight"]), int(r["priority"]), r["message"], r["fix"])
        for code, r in raw["rules"]["rule"].items()
    }
    weak = sorted(
        {_phrase_key(p) for p in raw["openers"]["weak_openers"]["phrases"]},
        key=len,
        reverse=True,
    )
    v = raw["verbs"]
    fl = raw["fillers"]["fillers"]
    k = raw["known_terms"]
    known = {w.lower() for words in k["known"].values() for w in words}
    measures = tuple(
        Measure(m["name"], frozenset(lemma_of(w.lower()) for w in m["when"]), tuple(m["templates"]))
        for m in raw["measures"]["measure"]
    )
    return WritingLists(
        rules=rules,
        limits=dict(raw["rules"]["limits"]),
        weak_openers=tuple(weak),
        lead_in=frozenset(w.lower() for w in raw["openers"]["lead_in"]["words"]),
        verbs=frozenset(w.lower() for w in v["action_verbs"]["verbs"]),
        be_verbs=frozenset(w.lower() for w in v["be_verbs"]["words"]),
        ambiguous_past=frozenset(w.lower() for w in v["ambiguous_past"]["words"]),
        filler_phrases=tuple(p.lower() for p in fl["phrases"]),
        filler_adjectives=frozenset(a.lower() for a in fl["adjectives"]),
        filler_first_words=int(fl["first_words"]),
        known=frozenset(known),
        suggest=frozenset(w.lower() for w in k["suggest"]["words"]),
        confusions=_confusions(raw["confusions"]),
        measures=measures,
        folder=str(path),
        soft_skills=frozenset(skill_key(p) for p in raw["skills"]["soft"]["phrases"]) - {""},
        hard_skills=frozenset(skill_key(p) for p in raw["skills"]["hard"]["phrases"]) - {""},
    )


def skill_key(text: str) -> str:
    """Lower-case words of a skill phrase, punctuation other than + # / dropped: how skills match."""
    return re.sub(r"[^a-z0-9+#/]+", " ", text.lower()).strip()


def _phrase_key(phrase: str) -> tuple[str, ...]:
    from .text import phrase_key

    return phrase_key(phrase.lower().split())
