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
from ..lexicon import english_dictionary
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
    slip = _slip(norm) if heading_shape(text) else None
    if slip:
        return slip[0], False
    return _cue_kind(norm)


# A heading one small slip away from a standard one ("Professional Summery", "Educaton") still
# opens its section, flagged as non-standard: ATS match headings word for word. Precision first:
# every word but one must be the standard heading's word, and that one must be one edit away
# (a letter added, dropped or changed, or two neighbours swapped), with 5+ letters on both
# sides, so short words ("Tool", "Skil") never fuzz. Never a slip: a British spelling
# ("Honours", "Licences"), a foreign heading without its accents ("Competences"), a word common
# in its own right ("Tasks" is no slip of "Talks", nor "Licensed" of "License"), or a singular
# alone on its line ("Project", "Award": it may label an item; "Interest and Hobbies", among
# other heading words, is a slip). Only standard headings are fuzzed, never cue or foreign words.
SLIP_MIN_LETTERS = 5
# pyspellchecker's count for a word seen this often is a word in its own right: "tasks" 3443,
# "licensed" 4669, "spills" 1871, "tolls" 989; the slips "summery" 120 and "expertize" 50 stay.
_COMMON_WORD_COUNT = 500
_BRITISH = (("our", "or"), ("ence", "ense"), ("ise", "ize"), ("yse", "yze"), ("tre", "ter"))
_WORD = re.compile(r"[^\W\d_]+")


def heading_slip(text: str) -> str | None:
    """The standard heading a heading-shaped line looks like a misspelling of, in the line's
    own case ("PROFESSIONAL SUMMERY" → "PROFESSIONAL SUMMARY"), or None."""
    norm = normalize_heading(text)
    if not heading_shape(text) or not norm or _standard_kind(norm) or foreign_heading(text):
        return None
    found = _slip(norm)
    if not found:
        return None
    words = norm.split()
    wrong, right = words[found[1]], found[2]
    nth = words[: found[1]].count(wrong)
    spots = [m for m in _WORD.finditer(text) if m.group().lower() == wrong]
    if len(spots) <= nth:
        return None
    spot = spots[nth]
    written = spot.group()
    fixed = (
        right.upper()
        if written.isupper()
        else right.capitalize()
        if written[0].isupper()
        else right
    )
    return (text[: spot.start()] + fixed + text[spot.end() :]).strip()


def _slip(norm: str) -> tuple[str, int, str] | None:
    """(kind, index of the slipped word, the right word) when ``norm`` is one slip away from
    standard headings of a single kind."""
    lists = load_headings()
    words = norm.split()
    if _fold(norm) in lists.folded_foreign:
        return None
    hits: list[tuple[str, int, str]] = []
    for standard_words, kind in lists.by_words.get(len(words), ()):
        diff = [i for i, (a, b) in enumerate(zip(words, standard_words, strict=True)) if a != b]
        if len(diff) != 1:
            continue
        wrong, right = words[diff[0]], standard_words[diff[0]]
        if _is_slip(wrong, right, alone=len(words) == 1):
            hits.append((kind, diff[0], right))
    if not hits or len({kind for kind, _, _ in hits}) > 1:
        return None
    kind, index, right = hits[0]
    wrong = words[index]
    if right != wrong + "s" and _common_word(wrong):
        return None  # a word of its own ("Tasks" by "Talks"), not a slip
    return kind, index, right


def _is_slip(wrong: str, right: str, *, alone: bool) -> bool:
    if not wrong.isalpha() or min(len(wrong), len(right)) < SLIP_MIN_LETTERS:
        return False
    if alone and right == wrong + "s":
        return False  # a lone singular ("Project", "Award") may label an item
    for uk, us in _BRITISH:
        if uk in wrong and wrong.replace(uk, us) == right:
            return False
    return _one_edit(wrong, right)


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, deleted or substituted, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _common_word(word: str) -> bool:
    """Whether the English dictionary (shared, loaded only when a line is a candidate slip)
    has seen ``word`` often enough to be a word in its own right."""
    return english_dictionary().word_frequency[word] >= _COMMON_WORD_COUNT


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
