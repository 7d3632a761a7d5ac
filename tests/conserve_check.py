"""An independent check that a draft keeps every line of its source (issue 11, item 5).

Written apart from the library's own bookkeeping (``render.draft_keep``) so that the test
can fail: it reads what was *rendered* (the Markdown/DOCX draft and the left-out notes) and
the lines the *reader* produced, and asks, line by line, whether the line's words are there.

Normalisation (what a draft may change without losing a line): case, whitespace, bullet
glyphs and punctuation; dates (the draft writes every date one way: "06/15" becomes
"Jun 2015"); contact labels ("Phone:", "Email:"); a short "Label:" head of a skills line.
A line is kept when its remaining words appear in the output in order and together
(contiguously); when each of its list items ("A, B | C") does, wherever the draft grouped
them; or, for lines a parser splits into fields (a role's header "Company, City, State
Title dates"), when all are within a short window.
"""

from __future__ import annotations

import html
import re
import unicodedata

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATES = re.compile(
    rf"\b{MONTH}\b\.?,?\s*'?(?:\d{{4}}|\d{{2}})?\b"
    r"|\b\d{1,2}\s*[/.-]\s*(?:\d{1,2}\s*[/.-]\s*)?(?:\d{4}|\d{2})\b"
    r"|\b(?:19|20)\d{2}\b"
    r"|\b(?:present|current|currently|now|today|date|till|until|to|since|ongoing)\b"
    r"|\b(?:spring|summer|fall|autumn|winter)s?\b"
    r"|\(\s*\d+\s*(?:yrs?|years?|mos?|months?)\b[^)]*\)",
    re.IGNORECASE,
)
LABELS = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|e-?mail|address|linkedin|website|github|"
    r"portfolio|contact|home|work)\b\s*:?",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W_]+")
LIST_MARK = re.compile(r"^\s*(?:[-*•·▪■●◦‣⁃>➢✓✔□❖]|\d{1,2}[.)])\s+")  # a bullet or list number
PIECES = re.compile(r"[,;|•·▪\t]|\s{3,}")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return WORD.findall(text)


def line_words(text: str) -> list[str]:
    """The words of a source line that a draft must keep (dates and labels normalised away)."""
    text = unicodedata.normalize("NFKC", text)
    text = DATES.sub(" ", text)
    text = LABELS.sub(" ", text)
    return words(text)


def markdown_text(md: str) -> str:
    """What a reader of the Markdown sees: backslash escapes and entities resolved."""
    def one(m: re.Match[str]) -> str:
        return m.group(1) if m.group(1) is not None else html.unescape(m.group(0))

    return re.sub(r"\\([!-/:-@\[-`{-~])|&#?[0-9A-Za-z]+;", one, md)  # as CommonMark reads them


class Output:
    """The words of everything the user gets (draft + left-out notes), searchable."""

    def __init__(self, text: str) -> None:
        self.tokens = [*line_words(text), "\x00", *words(text)]
        self.flat = " " + " ".join(self.tokens) + " "
        self.where: dict[str, list[int]] = {}
        for i, t in enumerate(self.tokens):
            self.where.setdefault(t, []).append(i)

    def contiguous(self, ws: list[str]) -> bool:
        return (" " + " ".join(ws) + " ") in self.flat

    def window(self, ws: list[str], slack: int = 12) -> bool:
        """Every word within len(ws) + slack tokens of one another."""
        need = set(ws)
        rare = min(need, key=lambda w: len(self.where.get(w, [])))
        span = len(ws) + slack
        for i in self.where.get(rare, []):
            near = set(self.tokens[max(0, i - span): i + span])
            if need <= near:
                return True
        return False

    def keeps(self, line: str) -> bool:
        line = LIST_MARK.sub("", line)
        head, colon, rest = line.partition(":")
        variants = [line]
        if colon and rest.strip() and len(head.split()) <= 4:
            variants.append(rest)  # "Software: Epic, Cerner": the draft groups by its own labels
        for text in variants:
            ws = line_words(text)
            if not ws or self.contiguous(ws):
                return True
            pieces = [line_words(p) for p in PIECES.split(text)]
            if all(self.contiguous(p) for p in pieces if p):
                return True  # a list ("A, B | C") whose items the draft regrouped
        ws = line_words(line)
        return self.window(ws)
