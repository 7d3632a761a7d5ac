"""Text normalization every reader applies, so later stages see one spelling of each character.

Keyword matching and date parsing compare text, not glyphs: a ligature ``ﬁ``, a
non-breaking space, a curly apostrophe in ``Jan ’19`` or the ``®`` in ``CPT®`` must not
make a match fail. En and em dashes are kept because the date parser reads them as
range separators; the other dash-like characters become ``-``.
"""

from __future__ import annotations

import re
import unicodedata

# Removed before NFKC: NFKC would turn ™ into "TM" and ℠ into "SM".
_MARKS: dict[int, str | None] = dict.fromkeys(map(ord, "®™©℠℗"), None)
_MARKS[0x2033] = '"'  # double prime; NFKC would make it two single primes

_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad"  # soft hyphen
        "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064"  # zero-width, word joiner, invisible ops
        "\u180e"  # Mongolian vowel separator (old zero-width space)
        "\ufeff",  # BOM / zero-width no-break space
    ),
    None,
)
# C0/C1 control characters other than the whitespace ones: noise from broken extractors.
_INVISIBLE.update(
    dict.fromkeys(
        (c for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if c not in (9, 10, 11, 12, 13, 0x85)),
        None,
    )
)

_AFTER_NFKC = {
    # dash-like characters that are not the en/em dash the date parser relies on
    0x2010: "-",
    0x2011: "-",
    0x2012: "-",
    0x2212: "-",
    0xFE63: "-",
    0x2043: "-",  # hyphen bullet used as a hyphen
    # quotes and primes
    0x2018: "'",
    0x2019: "'",
    0x201A: "'",
    0x201B: "'",
    0x2032: "'",
    0x02BC: "'",
    0x201C: '"',
    0x201D: '"',
    0x201E: '"',
    0x201F: '"',
    0x2033: '"',
    # line separators
    0x2028: "\n",
    0x2029: "\n",
    0x0085: "\n",
    # horizontal whitespace that NFKC leaves alone
    0x0009: " ",
    0x000B: " ",
    0x000C: " ",
}

_SURROGATE = re.compile("[\ud800-\udfff]")  # lone halves: no encoder can write them

# Letters that look like Latin ones but are not (Cyrillic, Greek): "СРС" is not "CPC" to
# an ATS. Used to report such words (analyze.findings), never to rewrite what was written.
CONFUSABLES = {
    **dict(zip("АВЕЅІЈКМНОРСТХУаеіјоорсхуѕԁԛԝ", "ABESIJKMHOPCTXYaeijoopcxysdqw", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν", "ABEZHIKMNOPTYXoiv", strict=True)),
}

_SPACES = re.compile(r"[^\S\n]+")
_SPACE_AROUND_NL = re.compile(r" ?\n ?")

CID_RE = re.compile(r"\(cid:\d+\)")


# UTF-8 read as cp1252 ("â€¢" for "•", "Â " for a no-break space): text pasted from a web
# page through a broken converter. A lead byte Â..ô followed by continuation-byte characters.
_CP1252_CONT = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")


_FULLWIDTH_DASH = re.compile("ï¼[\u200b\u008d\ufffd]")
_LONE_A = re.compile(r"Â(?![^\W\d_])")  # "Â" not starting a word ("Ângelo" stays)


def _fix_one(m: re.Match[str]) -> str:
    try:
        return m.group(0).encode("cp1252").decode("utf-8")
    except UnicodeError:
        return m.group(0)


def repair_mojibake(s: str) -> str:
    """Undo UTF-8-read-as-cp1252 sequences that decode cleanly; leave everything else."""
    if not any(c in s for c in "ÂâÃï"):
        return s
    # "ï¼" + a lost third byte: a full-width punctuation mark, in practice the dash (U+FF0D)
    # that resume sites put between employer and city ("Company Name ï¼​ City").
    s = _FULLWIDTH_DASH.sub("-", s)
    s = _MOJIBAKE.sub(_fix_one, s)
    # A lone "Â" was a no-break space whose second byte has already become a plain space.
    return _LONE_A.sub("", s)


def normalize_text(s: str) -> str:
    """Return ``s`` in the one canonical form the later stages expect. Never raises.

    Idempotent: NFKC can turn debris into a fresh mojibake sequence ("Â²" → "Â2"), so
    the steps run again until the text stops changing (twice in practice).
    """
    out = _normalize_once(s)
    for _ in range(3):
        if not any(c in out for c in "ÂâÃï"):  # only a mojibake repair can change it again
            break
        again = _normalize_once(out)
        if again == out:
            break
        out = again
    return out


def _normalize_once(s: str) -> str:
    if not s:
        return ""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(s):  # a w:sym D800 or a broken decoder: would crash every writer
        s = _SURROGATE.sub("\ufffd", s)
    s = repair_mojibake(s)
    s = s.translate(_MARKS).translate(_INVISIBLE)
    s = unicodedata.normalize("NFKC", s)
    # NFKC turns "″" into two "′"; translate after it so both forms end up as quotes.
    s = s.translate(_AFTER_NFKC)
    s = _SPACES.sub(" ", s)
    return _SPACE_AROUND_NL.sub("\n", s).strip(" ")


def is_private_use(ch: str) -> bool:
    """True for code points in the private-use areas (icon fonts, Symbol-font bullets)."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or 0xF0000 <= o <= 0xFFFFD or 0x100000 <= o <= 0x10FFFD


# Glyphs people and word processors use as list bullets. The private-use ones are the
# Symbol / Wingdings code points Word writes for its default bullets (U+F0B7 is "•").
BULLET_CHARS = frozenset(
    "•◦▪▫■□●○◆◇❖‣⁃∙·►▸▹▶➢➤➔→✓✔✗✦✧★☐❑❒⦿⦾"
    # Symbol/Wingdings bullets Word writes (U+F0B7 is Symbol's "•"); icon-font code points
    # such as FontAwesome's envelope (U+F0E0) are deliberately not here.
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071\uf075\uf077"
)
# Characters that count as a bullet only at the start of a line and before a space.
_DASH_BULLETS = "–—-*"
_LEADING_BULLET = re.compile(
    "^[\\s|]*(?:["
    + re.escape("".join(sorted(BULLET_CHARS)))
    + "]+|["
    + re.escape(_DASH_BULLETS)
    + "](?=\\s))[\\s|]*"
)


def strip_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading bullet glyph; say whether there was one (the line is a list item)."""
    m = _LEADING_BULLET.match(text)
    if not m:
        return text, False
    return text[m.end() :], True
