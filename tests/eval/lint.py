"""Check the hand labels against the keyword lists, independently of the matcher.

Every labelled span ``[words]{id}`` must name an id of ``keyword_lists/vocabulary/*.toml``
and its words must be one of that id's forms (term, acronym, long form, alias) after a
crude normalization of our own: case, punctuation, ``&``/``and``, a trailing plural or
``-ed``/``-ing``, and leading numbers ("25 charts per hour"). ``Long Form (ACR)`` spans are
checked part by part. When the lists change (a form is dropped or moved to another entry),
this lint fails and names the label to revisit, so the labels never drift silently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import tomllib

from .markup import spans
from .specs import RESUMES

VOCAB = Path(__file__).resolve().parents[2] / "keyword_lists" / "vocabulary"


@lru_cache(maxsize=1)
def forms() -> dict[str, list[str]]:
    """id -> every way the lists write it."""
    out: dict[str, list[str]] = {}
    for f in sorted(VOCAB.glob("*.toml")):
        for e in tomllib.loads(f.read_text(encoding="utf-8")).get("entry", []):
            fs = [e["term"], *(e.get("aliases") or [])]
            fs += [e[k] for k in ("acronym", "long_form") if e.get(k)]
            out[e["id"]] = fs
    return out


def _stem(tok: str) -> str:
    if tok.endswith("'s"):
        tok = tok[:-2]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")):
        if len(tok) > len(suffix) + 2 and tok.endswith(suffix) and not tok.endswith("ss"):
            return tok[: -len(suffix)] + repl
    return tok


def _key(text: str, drop_numbers: bool = False) -> tuple[str, ...]:
    t = text.casefold().replace("’", "'").replace("&", " and ")
    toks = re.findall(r"[a-z0-9]+(?:'s)?", t)
    if drop_numbers:
        while toks and re.fullmatch(r"\d+", toks[0]):
            toks = toks[1:]
    return tuple(_stem(x) for x in toks)


def is_form(words: str, entry_id: str) -> bool:
    """Whether ``words`` writes one of ``entry_id``'s forms (parenthesised acronyms checked apart)."""
    known = forms().get(entry_id)
    if not known:
        return False
    m = re.fullmatch(r"(.+?)\s*\((.+)\)\s*", words)
    if m:
        return is_form(m.group(1), entry_id) and is_form(m.group(2), entry_id)
    keys = {_key(f) for f in known}
    joined = {"".join(k) for k in keys}
    for drop in (False, True):
        k = _key(words, drop)
        if k in keys or "".join(k) in joined:
            return True
    return False


def problems() -> list[str]:
    """Every label that names no id, or whose words are not a form of the id it names."""
    out: list[str] = []
    vocab = forms()
    for spec in RESUMES:
        for text in [*spec.texts(), *(s.heading for s in spec.sections)]:
            for words, tags in spans(text):
                for tag in tags:
                    if tag.startswith("#"):
                        continue
                    eid = tag.lstrip("!")
                    if eid not in vocab:
                        out.append(f"{spec.slug}: [{words}]{{{tag}}}: no such id in the keyword lists")
                    elif not tag.startswith("!") and not is_form(words, eid):
                        out.append(f"{spec.slug}: [{words}]{{{tag}}}: not a form of {eid} ({vocab[eid][:6]})")
    for name, ids in posting_ids().items():
        for eid in ids:
            if eid not in vocab:
                out.append(f"{name}: {eid}: no such id in the keyword lists")
    return out


def posting_ids() -> dict[str, set[str]]:
    here = Path(__file__).resolve().parent
    out: dict[str, set[str]] = {}
    for path in (here / "postings" / "labels.toml", here / "real_postings.toml"):
        for name, lab in tomllib.loads(path.read_text(encoding="utf-8")).items():
            out[f"{path.name}:{name}"] = {i for k in ("required", "preferred", "traps", "unjudged") for i in lab.get(k, [])}
    return out
