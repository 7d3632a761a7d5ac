"""Contact details: name, email, phone, city/state, profile URLs, and where each stands.

An ATS that ignores page headers and footers loses contact details put there,
so every field remembers the source of the line it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import US_STATE_CODES, US_STATE_NAMES
from ..models import Contact, Line
from .headings import classify_heading
from .words import TITLE_WORDS

# Starts only where a token starts and the parts are bounded: a 300,000-letter line without
# an "@" must cost one pass, not one pass per letter.
EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b"
)
_PSEP = r"(?:\s?[.\-–—]\s?|\s)?"  # "555-0123", "555 – 0123" (Word's automatic en dash)
PHONE_RE = re.compile(
    r"(?<![\w/])(?:"
    rf"(?:\+?1{_PSEP})?\(?\d{{3}}\)?{_PSEP}\d{{3}}{_PSEP}\d{{4}}"  # US / NANP
    r"|\+\d{1,3}[\s.-]?(?:\(?\d{1,5}\)?[\s.-]?){2,4}\d{2,5}"  # international
    r"|0\d{2,4}[\s.]?\d{3,4}[\s.]?\d{3,4}"  # UK national
    r")(?![\w/])"
)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s,;|<>()]+|(?:linkedin\.com|github\.com)/[^\s,;|<>()]+",
    re.IGNORECASE,
)
# Words are bounded and a city must start where a word starts, so the pattern stays linear
# on 100 KB of text (an unbounded [A-Za-z.'-]+ retried from every letter of "Ab-Ab-Ab-...").
_CITY = r"(?<![A-Za-z.'-])[A-Z][A-Za-z.'-]{0,30}(?:\s[A-Z][A-Za-z.'-]{0,30}){0,3}"
LOCATION_RE = re.compile(
    rf"\b({_CITY})\s?,\s?((?:{'|'.join(sorted(US_STATE_CODES))})\b(?:\s+\d{{5}}(?:-\d{{4}})?)?"
    rf"|(?:{'|'.join(US_STATE_NAMES)})\b(?!\s+[A-Z][a-z]))"
)
UK_LOCATION_RE = re.compile(rf"\b({_CITY}),\s?(UK|United Kingdom|England|Scotland|Wales)\b")
REMOTE_RE = re.compile(r"\bRemote\b")
# ", CPC, CRC" / ", RHIT CCS" after a name. Tokens need a space between them: with an
# optional space the pattern could split "ICD-10-CM" many ways and backtrack exponentially.
# A run of credentials that does not reach the end is matched whole as ``keep`` (put back by
# the substitution) so that the search does not start again at each of its commas: quadratic
# on ", A0-, A0-, …" otherwise. ``(?=(…))(?P=keep)`` is an atomic group that Python 3.10 has.
_CRED_RUN = r"(?:,\s*[A-Z][A-Z0-9-]{1,8}(?:\s+[A-Z][A-Z0-9-]{1,8})*)+"
_CREDENTIAL_TAIL = re.compile(rf"(?=(?P<keep>{_CRED_RUN}))(?P=keep)(?!$)|{_CRED_RUN}$")
# Any script: "Báez", "García", "Шайхутдинова" (an upper-case letter, then letters).
_NAME_WORD = re.compile(r"^(?=[^\W\d_])[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?$")
_NOT_NAME_WORDS = {
    "resume", "curriculum", "vitae", "cv", "summary", "profile", "experience", "contact",
    "medical", "coder", "coding", "billing", "specialist", "certified", "professional",
    "objective", "email", "phone", "address", "page", "health", "information",
    "strengths", "your", "name", "here", "full", "surname", "surnames", "firstname", "lastname",
    "top", "languages", "sex", "male", "female", "gender", "nationality", "birth", "born",
    "references", "skills", "outbound", "inbound", "real", "estate", "marketing",
    "career", "personal", "statement", "details", "website", "portfolio", "linkedin", "about",
    "university", "college", "school", "street", "road", "avenue",
}  # fmt: skip
# Template text a person forgot to replace: "Your Name Here", "[Club Name]", "Lorem ipsum".
PLACEHOLDER_RE = re.compile(
    r"\byour\s+(?:full\s+)?name(?:\s+here)?\b|\breplace\s+(?:this|with)\b"
    r"|\bfirst\s+name\(?s?\)?\s+(?:last\s+name|surname)|\blorem\s+ipsum\b"
    r"|\[[A-Za-z][A-Za-z /&'-]{0,38}\]|\b(?:19|20)XX\b|\byou(?:r)?@(?:email|example)\.com\b"
    r"|\byour\s+(?:email|phone|address|city)\b",
    re.IGNORECASE,
)


_NAME_LABEL = re.compile(r"^\s*(?:personal information|personal details|full name|name)\s*:?\s+", re.I)


def find_placeholders(lines: Sequence[Line]) -> list[str]:
    """Template text left in the resume, each distinct piece once, in reading order."""
    found: list[str] = []
    for line in lines:
        if len(found) >= 12:
            break
        for m in PLACEHOLDER_RE.finditer(line.text[:2000]):
            text = m.group(0)
            if text not in found:
                found.append(text)
    return found


def _bare_url(url: str) -> str:
    """"https://www.linkedin.com/in/x/?a=1" → "linkedin.com/in/x": to compare shown and linked URLs."""
    u = re.sub(r"^[a-z]+://", "", url.strip().lower())
    u = re.sub(r"^www\.", "", u)
    return u.split("?")[0].split("#")[0].rstrip("/")


def _host(url: str) -> str:
    return _bare_url(url).split("/")[0]


def _clean_url(url: str) -> str:
    return url.rstrip(".")


def guess_name(text: str) -> str | None:
    """A person's name: 2–4 capitalised words, maybe followed by credentials ("Jane Doe, CPC")."""
    t = text.strip().strip("|").strip()
    if len(t) > 80:  # a name line is short; don't spend time on prose
        return None
    t = _CREDENTIAL_TAIL.sub(r"\g<keep>", t).strip()
    if not t or any(ch.isdigit() for ch in t) or "@" in t or len(t) > 40:
        return None
    words = t.split()
    if not 2 <= len(words) <= 4:
        return None
    if any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in words) or TITLE_WORDS.search(t):
        return None
    if classify_heading(t) or PLACEHOLDER_RE.search(t):  # "Career Overview", "Your Name Here"
        return None
    if all(w.isupper() and len(w) > 1 for w in words):
        return " ".join(w.capitalize() if "-" not in w else w.title() for w in words)
    if all(_NAME_WORD.match(w) and w[:1].isupper() for w in words):
        return t
    return None


def find_location(text: str) -> str | None:
    m = LOCATION_RE.search(text) or UK_LOCATION_RE.search(text)
    if m:
        return f"{m.group(1)}, {m.group(2)}"
    return None


def extract_contact(lines: Sequence[Line], top: int) -> Contact:
    """Contact from the whole document; name and location from the top block (first ``top`` lines).

    Header/footer lines count as top lines too: that is where templates put contact blocks.
    """
    contact = Contact()
    for i, line in enumerate(lines):
        text = line.text
        where = line.source
        in_top = i < top or where in ("header", "footer")
        if contact.email is None:
            m = EMAIL_RE.search(text)
            if m:
                contact.email = m.group(0)
                contact.found_in["email"] = where
        if contact.phone is None and (in_top or "phone" in text.lower()):
            phone = find_phone(text)
            if phone:
                contact.phone = phone
                contact.found_in["phone"] = where
        visible = [_clean_url(u) for u in URL_RE.findall(text)]
        for url in [*visible, *line.hyperlinks]:
            url = _clean_url(url)
            if url.lower().startswith("mailto:"):
                continue
            if url not in visible and (
                _bare_url(url) in {_bare_url(v) for v in contact.urls + visible}
                or _host(url) in {_host(v) for v in contact.urls + visible}
            ):
                continue  # the link behind a URL the line shows ("?jobid=1234&lipi=..." added)
            if url not in contact.urls:
                contact.urls.append(url)
                contact.found_in.setdefault("urls", where)
        if in_top and contact.location is None:
            loc = find_location(text)
            if loc:
                contact.location = loc
                contact.found_in["location"] = where
        if in_top and contact.name is None:
            # "Anna Rowan / anna@x.com / 07..." : a slash separates fields only on a contact line
            seps = r"\s[|•·/]\s|\t" if ("@" in text or find_phone(text)) else r"\s[|•·]\s|\t"
            for part in re.split(seps, text):
                # Europass: "PERSONAL INFORMATION David Barbosa Maia"
                part = _NAME_LABEL.sub("", part)
                name = guess_name(part)
                if name:
                    contact.name = name
                    contact.found_in["name"] = where
                    break
    if contact.phone is None:  # a phone further down, e.g. after a two-column header
        for line in lines:
            phone = find_phone(line.text)
            if phone and not EMAIL_RE.search(phone):
                contact.phone = phone
                contact.found_in["phone"] = line.source
                break
    return contact


def find_phone(text: str) -> str | None:
    """A phone number with at least ten digits (not a date range or a ZIP code)."""
    for m in PHONE_RE.finditer(text):
        if len(re.sub(r"\D", "", m.group(0))) >= 10:
            return m.group(0).strip()
    return None
