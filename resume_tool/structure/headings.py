"""Section headings: which kind of section a heading opens, and whether ATS know it.

ATS parsers map a resume onto fields by its headings. A heading they know
("Work Experience") is *standard*; a creative one ("Where I've Made an Impact")
may still be recognised by us through its key words but is flagged, since many
parsers will not. The headings themselves are data (keyword_lists/structure/headings.toml),
so a career office can adapt them; this module holds the rules that read them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

from ..errors import ListError
from ..models import SectionKind
from ..resources import data_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KINDS: tuple[str, ...] = get_args(SectionKind)
MAX_HEADING_CHARS = 60  # longer lines are never headings (classify_heading, heading_shape)
_TABLES = ("standard", "cues", "foreign")


@dataclass(frozen=True)
class HeadingLists:
    """The heading variants of headings.toml, normalised as lines are (normalize_heading)."""

    standard: dict[str, str]  # heading → kind
    cues: tuple[tuple[str, str], ...]  # (key word, kind), in the file's order: first found wins
    foreign: dict[str, tuple[str, str]]  # heading → (kind, language)
    folded_foreign: frozenset[str]  # foreign headings without accents ("competences")
    by_words: dict[int, tuple[tuple[tuple[str, ...], str], ...]]  # word count → (words, kind)


def headings_file() -> Path:
    return data_dir("keyword_lists") / "structure" / "headings.toml"


@lru_cache(maxsize=4)
def load_headings(path: str | None = None) -> HeadingLists:
    """Read and validate headings.toml once; raise ``ListError`` naming the first problem."""
    file = Path(path) if path else headings_file()
    problems: list[str] = []
    raw = _read(file, problems)
    if problems:
        raise ListError(None, problems[0], "Fix the file (see keyword_lists/structure/README.md)")
    return _build(raw)


def validate_headings_file(path: Path | str) -> list[str]:
    """Every problem of a headings file, one line each naming the file and the field (empty
    when it is fine)."""
    problems: list[str] = []
    _read(Path(path), problems)
    return problems


def _read(file: Path, problems: list[str]) -> dict[str, Any]:
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{file}: the file is missing")
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        problems.append(f"{file}: not valid TOML ({err})")
        return {}
    for key in raw:
        if key not in _TABLES:
            problems.append(f"{file}: [{key}] is not a known table (allowed: {', '.join(_TABLES)})")
    seen: dict[str, str] = {}  # normalised heading → where it was listed
    standard = _table(raw, "standard", file, problems)
    if not standard:
        problems.append(f"{file}: [standard] must list headings")
    for kind, heads in standard.items():
        _headings(heads, f"standard.{kind}", kind, file, seen, problems)
    cue_seen: dict[str, str] = {}
    for kind, cues in _table(raw, "cues", file, problems).items():
        where = f"cues.{kind}"
        for cue in _strings(cues, where, kind, file, problems):
            if cue != cue.lower() or cue != cue.strip() or "&" in cue:
                problems.append(
                    f"{file}: {where}: {cue!r} must be lower case, with no '&' and no spaces around it"
                )
            elif cue in cue_seen:
                problems.append(f"{file}: {where}: {cue!r} is already listed under {cue_seen[cue]}")
            cue_seen[cue] = where
    for language, kinds in _table(raw, "foreign", file, problems).items():
        if not isinstance(kinds, dict):
            problems.append(f"{file}: [foreign.{language}] must be a table of kind = [headings]")
            continue
        for kind, heads in kinds.items():
            _headings(heads, f"foreign.{language}.{kind}", kind, file, seen, problems)
    return raw


def _table(raw: dict[str, Any], name: str, file: Path, problems: list[str]) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        problems.append(f"{file}: [{name}] must be a table")
        return {}
    return value


def _strings(value: Any, where: str, kind: str, file: Path, problems: list[str]) -> list[str]:
    if kind not in KINDS:
        problems.append(
            f"{file}: {where}: {kind!r} is not a section kind (one of {', '.join(KINDS)})"
        )
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{file}: {where}: must be a list of non-empty strings")
        return []
    return value


def _headings(
    value: Any, where: str, kind: str, file: Path, seen: dict[str, str], problems: list[str]
) -> None:
    for head in _strings(value, where, kind, file, problems):
        norm = normalize_heading(head)
        if not norm or len(norm) > MAX_HEADING_CHARS or any(ch.isdigit() for ch in norm):
            problems.append(
                f"{file}: {where}: {head!r} can never match a heading (empty, a digit, or over {MAX_HEADING_CHARS} characters)"
            )
        elif norm in seen:
            other = seen[norm]
            again = "twice" if other == where else f"also under {other}"
            problems.append(f"{file}: {where}: {head!r} is listed {again}")
        seen[norm] = where


def _build(raw: dict[str, Any]) -> HeadingLists:
    standard = {
        normalize_heading(h): kind for kind, heads in raw["standard"].items() for h in heads
    }
    cues = tuple((cue, kind) for kind, words in raw.get("cues", {}).items() for cue in words)
    foreign = {
        normalize_heading(h): (kind, language)
        for language, kinds in raw.get("foreign", {}).items()
        for kind, heads in kinds.items()
        for h in heads
    }
    by_words: dict[int, list[tuple[tuple[str, ...], str]]] = {}
    for head, kind in standard.items():
        by_words.setdefault(len(head.split()), []).append((tuple(head.split()), kind))
    return HeadingLists(
        standard=standard,
        cues=cues,
        foreign=foreign,
        folded_foreign=frozenset(_fold(h) for h in foreign),
        by_words={n: tuple(v) for n, v in by_words.items()},
    )


def _fold(text: str) -> str:
    """Accents dropped: "compétences" → "competences"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def foreign_heading(text: str) -> tuple[str, str] | None:
    """(kind, language) for a heading in another language ("Experiencia" → experience, Spanish)."""
    return load_headings().foreign.get(normalize_heading(text))


def normalize_heading(text: str) -> str:
    t = text.strip().lower()
    t = t.replace("&", " and ").replace("’", "'")
    t = re.sub(r"[\s:|•·\-–—_*#=]+$", "", t)
    t = re.sub(r"^[\s•·\-–—_*#=]+", "", t)
    t = re.sub(r"\s+", " ", t)
    return t.strip()


def _standard_kind(norm: str) -> str | None:
    index = load_headings().standard
    kind = index.get(norm)
    if kind:
        return kind
    # "Professional Experience:" / "EXPERIENCE & EDUCATION" style small variations
    return index.get(norm.rstrip("s")) if norm.endswith("s") else None


def classify_heading(text: str) -> tuple[str, bool] | None:
    """(kind, standard) for a heading's text, or None when it names no section we know."""
    norm = normalize_heading(text)
    if not norm or len(norm) > MAX_HEADING_CHARS:
        return None
    kind = _standard_kind(norm)
    if kind:
        return kind, True
    foreign = load_headings().foreign.get(norm)
    if foreign:
        return foreign[0], False
    return _cue_kind(norm)


# A credential or course named by its subject is one item under a heading, not a heading:
# "Certificate in Medical Coding", "Degree of Master", "High School Education in Computer
# Science", "Training in Epic"; "... in Progress" is a heading.
_ITEM_NAME = re.compile(
    r"\b(?:certificate|certification|diploma|degree|education|training|studies|coursework) (?:in|of) (?!progress\b)"
)


def _cue_kind(norm: str) -> tuple[str, bool] | None:
    """A non-standard heading known by a key word in it ("Licenses & Certifications"), unless
    the line reads as an item: a credential's own name, or a comma list with a part that names
    no section ("First Certificate in English, Cambridge ESOL")."""
    if _ITEM_NAME.search(norm):
        return None
    parts = [part.strip() for part in norm.split(",")]
    if len(parts) > 1 and not all(_standard_kind(part) or _cue_kind(part) for part in parts):
        return None
    for cue, cue_kind in load_headings().cues:
        if cue in norm:
            return cue_kind, False
    return None


def heading_shape(text: str) -> bool:
    """Short, title-like, without sentence punctuation: could be a heading line."""
    t = text.strip()
    if not t or len(t) > MAX_HEADING_CHARS or t.endswith((".", ",", ";")):
        return False
    words = t.split()
    return not (len(words) > 6 or any(ch.isdigit() for ch in t) or "@" in t)
