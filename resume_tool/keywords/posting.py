"""Job postings: read one, strip the boilerplate, and say which keywords it requires or prefers.

Parts. Every kept sentence of a posting stands in one of three parts, which become
``Match.section`` for the posting's matches:

* ``required`` - under a heading such as "Requirements", "Required qualifications", "Minimum
  qualifications", "Must have", "Essential", "Qualifications", "Education", an NHS "Person
  Specification", or after a lead-in such as "Applicants are required to:"; or a sentence with a
  required cue ("CPC required", "must hold", "is essential", "will not be considered");
* ``preferred`` - under "Preferred", "Desirable", "Desired", "Nice to have", "Bonus points", or a
  sentence or parenthesis with a preferred cue ("CCS preferred", "... is a plus", "(BSN preferred)");
* ``description`` - everything else that is kept: title, summary, responsibilities;
* ``other-job`` - on a careers page that lists several jobs, each with its own requirements, the
  blocks of the jobs the title does not name (kept as text, asked of nobody here).

A sentence's own cue beats its heading ("CCS preferred" under "Requirements" is preferred).

Required vs preferred for a keyword (``PostingKeyword``): ``preferred`` is true when it stands in a
preferred part; ``required`` is true when it stands in a required part *or in the description* (a
duty the job description names is something the job needs: "apply CPT, HCPCS and ICD-10-CM
codes"). So a posting with no required/preferred structure at all makes every keyword required,
and a keyword is preferred-only (``required=False``) just when every mention of it is hedged. Both
flags can be true ("coding" in the duties and in "ASC coding experience preferred"). Both are
false for a keyword the posting writes but never asks for (``asked_matches``: another job's
block, the employer describing itself, a workplace's adjective); it makes no requirement.

Boilerplate removed before counting (whole sections by heading, single sentences by phrase): EEO
and equal-opportunity statements, disability accommodation, benefits, salary and pay, "About us"
company blurbs, how to apply, closing dates and contacts, physical demands, travel directions,
job-scam warnings, and the front matter/header fields of the corpus formats (TOML ``+++`` or YAML
``---`` front matter, ``Title:``/``Employer:``/``Location:``/``Salary:`` header lines).
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..lexicon import MONTH_WORDS, US_STATE_CODES, US_STATE_NAMES
from ..models import Entry, Match, Posting, PostingKeyword, Requirement
from .abbreviations import find_definitions
from .matcher import KeywordMatcher
from .nlp import lemma

__all__ = [
    "DOMAIN_CODING",
    "DOMAIN_HEALTHCARE",
    "DOMAIN_OTHER",
    "PART_DESCRIPTION",
    "PART_PREFERRED",
    "PART_REQUIRED",
    "analyze_posting",
    "classify_heading",
    "decide_domain",
    "posting_parts",
    "posting_requirements",
    "read_posting",
    "unknown_terms",
]

PART_REQUIRED = "required"
PART_PREFERRED = "preferred"
PART_DESCRIPTION = "description"
PART_OTHER_JOB = "other-job"  # another job's block on a careers page: written, asked of nobody here
_BOILER = "boilerplate"

MAX_SENTENCES = 5  # per PostingKeyword

# ------------------------------------------------------------------ reading


def read_posting(path_or_dash: str | Path) -> str:
    """The text of a posting file (text, Markdown, DOCX or PDF), or of standard input for ``"-"``.

    Text files keep their blank lines and Markdown markers: headings and bullets tell required
    from preferred. DOCX and PDF go through the read stage. Every source (a file, standard
    input, a named pipe, ``/dev/zero``) is read in chunks and refused as soon as it passes the
    resume size limit; bytes are decoded as the text reader does (invalid UTF-8 is cp1252).
    """
    import io

    from ..limits import DEFAULT_LIMITS
    from ..read import read_bytes, sniff
    from ..read.text import decode

    def _read_capped(fh: io.BufferedIOBase, limit: int, name: str, problem: str, fix: str) -> bytes:
        """At most ``limit`` bytes from ``fh``, 64 KB at a time; one byte more raises."""
        parts: list[bytes] = []
        total = 0
        while True:
            chunk = fh.read(min(64 * 1024, limit + 1 - total))
            if not chunk:
                return b"".join(parts)
            total += len(chunk)
            if total > limit:
                raise InputError(name, problem, fix)
            parts.append(chunk)

    name = str(path_or_dash)
    limit = DEFAULT_LIMITS.max_bytes
    too_big = f"the posting is larger than {limit // (1024 * 1024)} MB"
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream with no bytes underneath (tests, embedding)
            text = sys.stdin.read(limit + 1)
            if len(text) > limit:
                raise InputError("standard input", too_big, "Paste only the posting's text")
            return _normalize(text)
        data = _read_capped(stream, limit, "standard input", too_big, "Paste only the posting's text")
        return _normalize(decode(data))
    p = Path(name)
    try:
        if p.is_dir():
            raise InputError(
                name, "this is a folder, not a posting file", "Give the path of one posting file"
            )
        with p.open("rb") as fh:
            data = _read_capped(fh, limit, name, too_big, "Save only the posting's text")
    except FileNotFoundError as err:
        raise InputError(name, "no such file", "Check the path and the file name") from err
    except OSError as err:
        raise InputError(
            name, f"cannot read the file ({err.strerror})", "Check the path and permissions"
        ) from err
    if sniff(data, name) in ("docx", "pdf") or p.suffix.lower() in (".pdf", ".docx"):
        # a ".pdf" that holds no PDF is refused as a resume would be, never read as garbled text
        return read_bytes(data, name).text
    return _normalize(decode(data))


def _normalize(text: str) -> str:
    """The read stage's character normalization, line by line so that blank lines survive."""
    from ..read import normalize_text

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(normalize_text(line) for line in text.split("\n"))


# ------------------------------------------------------------------ headings and cues

_W = r"(?:^|(?<=[^\w]))"
_NEUTRAL_FIRST = re.compile(
    r"\babout (?:the|this) (?:role|job|position|opportunity)\b|\bkey competenc|\bresponsibilit|\bduties\b|"
    r"\bwhat you(?:'ll| will)? do\b|\bjob (?:summary|description|purpose)\b|\bposition (?:summary|overview)\b|"
    r"\bthe role\b|\brole (?:summary|overview)\b|\breports? to\b",
    re.IGNORECASE,
)
_PREFERRED_H = re.compile(
    r"\b(?:preferred|preferences?|desirable|desired|nice[- ]to[- ]haves?|bonus|pluses|a plus|advantageous|"
    r"optional|ideally|assets?)\b",
    re.IGNORECASE,
)
_BOILER_H = re.compile(
    r"\babout (?:us|the company|our|[A-Z]\w+)|\bwho we are\b|\bour (?:company|mission|story|culture|values|benefits)\b|"
    r"\bbenefits?\b|\bperks\b|\bwhat we offer\b|\bwe offer\b|\bcompensation\b|\bsalary\b|\bpay\b|"
    r"\bequal (?:employment )?opportunit|\beeo\b|\bdiversity\b|\baccommodations?\b|\bhow to apply\b|"
    r"\bto apply\b|\bapplication process\b|\bdisclaimer\b|\bphysical (?:demands|requirements)\b|"
    r"\bworking conditions\b|\bwork (?:location|environment|schedule|hours)\b|\bwhy (?:join|work)\b|"
    r"\bclosing date\b|\bcontact\b|\bfurther details\b|\blocation\b",
    re.IGNORECASE,
)
_REQUIRED_H = re.compile(
    r"\b(?:required|requirements?|minimum|basic qualifications|must[- ]haves?|essential|qualifications?|"
    r"education|licen[cs]es?|certifications?|credentials?|experience|skills|knowledge|abilities|"
    r"what you(?:'ll| will)? (?:need|bring)|who you are|what we(?:'re| are) looking for|"
    r"person specification|about you|you have|you bring)\b",
    re.IGNORECASE,
)

_REQ_CUE = re.compile(
    r"\b(?:required|requires?|requirements?|must|essential|mandatory|minimum|at least|"
    r"need(?:s|ed)? to (?:have|hold|possess)|you will need|you'll need|will not be considered|"
    r"only accepting)\b",
    re.IGNORECASE,
)
_REQ_NOT = re.compile(
    r"\b(?:as|if|when|where|wherever) (?:required|requested|needed)\b|\bmust be prepared\b",
    re.IGNORECASE,
)
_PREF_CUE = re.compile(
    r"\b(?:preferred|preferably|desirable|desired|nice to have|(?:is|are|would be) a (?:big )?plus|"
    r"a plus|bonus|advantageous|an advantage|beneficial|ideally|"
    # "Applicants with ... are very welcome to apply", "Experience with Epic is an asset"
    r"(?:is|are|be) (?:very |most |also )?welcome|welcome to apply|encouraged to apply|"
    r"(?:is|are|would be) (?:an? )?(?:asset|helpful|useful)|an asset)\b",
    re.IGNORECASE,
)
_PREF_NOT = re.compile(r"\bif desired\b|\bas desired\b", re.IGNORECASE)


def is_hedged(sentence: str) -> bool:
    """Whether a posting sentence asks softly ("preferred", "a plus", "is an asset", "welcome to
    apply"): the one test of a preferred ask, for keywords here and for years and education in
    ``analyze.requirements``."""
    return bool(_PREF_CUE.search(sentence)) and not _PREF_NOT.search(sentence)

# Sentences that open a paragraph of boilerplate: the whole paragraph goes (company blurbs, EEO
# statements, scam warnings run on for several sentences).
_BOILER_PARAGRAPH = re.compile(
    r"equal (?:employment )?opportunit|affirmative action|without regard to|\bis the (?:leading|first|largest)\b|"
    r"\bis a (?:leading|global|national|fast-growing)\b|\bour mission\b|\bon a mission\b|\bfounded in\b|"
    r"\bheadquartered\b|\bmany good reasons\b|\bbeware\b|\bscams?\b|\bfraudsters?\b|\bwhy work here\b",
    re.IGNORECASE,
)
# Sentences dropped wherever they stand.
_BOILER_SENTENCE = re.compile(
    r"equal (?:employment )?opportunit|affirmative action|without regard to|regardless of (?:race|age|sex|gender)|"
    r"protected (?:veteran|characteristic|class)|reasonable accommodation|\bE-Verify\b|drug[- ]free|"
    r"\bbenefits? (?:package|include|eligible)|\bbenefits-eligible\b|\b40[13]\(?[kb]\)?|paid time off|"
    r"health (?:and|&) dental|dental (?:and|&) vision|\bpension\b|annual leave|tuition reimbursement|"
    r"(?:[$£€]\s?\d)|\bper annum\b|\b(?:salary|wage|pay)\b[^.]*\bper (?:hour|year)\b|\bpay (?:range|rate|transparency|band)\b|\bbase pay\b|"
    r"recruitment (?:and|&) retention premium|\bRRP\b|\bHCAS\b|\bbandwidth\b|\bMbps\b|"
    r"\bhow to apply\b|\bclick (?:here )?to apply\b|\bapply (?:now|today|online|here)\b|\bclosing date\b|"
    r"\binterview date\b|\binformal (?:visits|enquiries)\b|\bfor further details\b|contact details removed|"
    r"\bplease (?:contact|phone|call)\b|\bvisit (?:our|the) (?:website|team)\b|"
    r"\bis the (?:leading|first|largest)\b|\bis a (?:leading|global|national|fast-growing)\b|\bour mission\b|"
    r"\bon a mission\b|\bfounded in\b|\bheadquartered\b|\bwe hire people\b|\bprides itself\b|\bcore values\b|"
    r"\bproud to be\b|\bemployer of choice\b|\bmany good reasons\b|\bwe started\b|"
    r"\bbeware\b|\bscams?\b|\bfraudsters?\b|\bpreference will be given\b|\bjob offer\b|"
    r"\bminutes'? walk\b|\bminutes from\b|\bpublic transport\b|\bunderground\b|\bovergroun|\bstation\b|"
    r"\bbus \d+\b|"
    # what the employer offers, not what it asks: "As a team we offer a complete flexible approach
    # to working", "enjoying the option to work from home if desired"
    r"\bwe (?:can |also )?offer\b|\bthe option to work\b",
    re.IGNORECASE,
)
# "Label: value" lines of posting headers that carry no skills.
_META_LINE = re.compile(
    r"^\s*(?:\**)(?:location|hours|salary|closing date|working pattern|job reference|department|employer|"
    r"organi[sz]ation|company|base pay|pay|req(?:uisition)? id|url|source|date posted|employment type|"
    r"job type|contract length|interview date|planned interview date|posted|start date|band)\**\s*[:;]",
    re.IGNORECASE,
)
_EMPLOYER_PLACE = re.compile(r"^([A-Z][^,|—–]{2,80}?)\s+[—–|-]\s+[A-Z][A-Za-z .'-]+,\s*[A-Z]{2}\b")
_TITLE_LINE = re.compile(
    r"^\s*\**(?:job title|title|position|post|role)\**\s*:\s*\**(.+?)\**\s*$", re.IGNORECASE
)
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_MARK = re.compile(r"^\s{0,3}#{1,6}\s*")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦●○■□►▸➢✓✔]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? before a space and a capital; glued text ("needs.Sweeps",
# "here?Beyond") also splits, "U.S. healthcare" and "U.S.News" do not.
_SENT_SPLIT = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z\"'(*•-])|(?<=[!?])(?=[A-Z])|(?<=[a-z]{2}\.)(?=[A-Z][a-z])"
    r"|(?<=required)(?=[A-Z])|(?<=preferred)(?=[A-Z])"
    r"|(?<=[a-z])(?=(?:Education|Experience|Licenses|Certifications?|Qualifications|Requirements)\b)"
)
_EMPHASIS = re.compile(r"\*\*|__|`")


def classify_heading(text: str) -> str | None:
    """The part a heading opens (``required``/``preferred``/``description``/``boilerplate``), or None."""
    t = text.strip().strip("*_#:;- ").strip()
    if not t:
        return None
    if _NEUTRAL_FIRST.search(t):
        return PART_DESCRIPTION
    if _PREFERRED_H.search(t):
        return PART_PREFERRED
    if _BOILER_H.search(t):
        return _BOILER
    if _REQUIRED_H.search(t):
        return PART_REQUIRED
    if re.search(
        r"\b(?:summary|overview|description|introduction|the job|the position|about the)\b", t, re.I
    ):
        return PART_DESCRIPTION
    return None


def _heading_text(line: str) -> str | None:
    """The heading words when ``line`` looks like a heading, else None.

    A heading is a Markdown heading, a whole-bold line, or a short line (at most eight words) that
    ends with a colon or has no sentence punctuation at all.
    """
    raw = line.strip()
    if not raw:
        return None
    md = bool(_MD_MARK.match(raw))
    t = _MD_LINK.sub(r"\1", _MD_MARK.sub("", raw)).strip()
    bold = bool(re.fullmatch(r"\*\*[^*]+\*\*:?", t) or re.fullmatch(r"__[^_]+__:?", t))
    t = t.strip("*_ ").strip()
    words = t.split()
    if not words or len(words) > 10:
        return None
    if md or bold:
        return t
    if t.endswith((":", ";")) and len(words) <= 8:
        return t
    if len(words) <= 6 and not re.search(r"[.!?,]$", t) and not _BULLET.match(raw):
        return t
    return None


def _cue(text: str) -> str | None:
    """``required``/``preferred``/``both``/None for the cues in ``text``."""
    req = bool(_REQ_CUE.search(_REQ_NOT.sub(" ", text)))
    pref = bool(_PREF_CUE.search(_PREF_NOT.sub(" ", text)))
    if req and pref:
        return "both"
    return PART_REQUIRED if req else (PART_PREFERRED if pref else None)


def clause_parts(sentence: str, base: str) -> list[tuple[int, int, str]]:
    """Split one sentence into ``(start, end, part)`` spans by its cues.

    A parenthesis with a cue is its own span ("RN (BSN preferred) license"). The rest is cut at
    commas and semicolons; a clause with a cue takes it. A clause without one takes the cue of
    the next cued clause when it and every clause up to that one are short list items
    ("CPT, ICD-10 and HCPCS required"), else the previous cue when it is short itself ("Must have
    CPC, CCS or CPC-A"), else the part of its heading: "Experience with an encoder and an EHR,
    Epic preferred" prefers only Epic.
    """
    spans: list[tuple[int, int, str]] = []
    outside = list(sentence)
    for m in re.finditer(r"\([^()]*\)", sentence):
        c = _cue(m.group())
        if c in (PART_REQUIRED, PART_PREFERRED):
            spans.append((m.start(), m.end(), c))
            for k in range(m.start(), m.end()):
                outside[k] = " "
    for m in re.finditer(r"\([^()]*\)", sentence):  # commas inside parentheses do not cut
        for k in range(m.start(), m.end()):
            if outside[k] in ",;":
                outside[k] = " "
    rest = "".join(outside)
    if _cue(rest) is None:
        return _fill(len(sentence), spans, [(0, len(sentence), base)])
    clauses: list[tuple[int, int, str | None, bool]] = []  # start, end, cue, short
    pos = 0
    for m in re.finditer(r"[;,]|$", rest):
        if m.start() > pos or m.end() == len(rest):
            piece = rest[pos : m.start()]
            cc = _cue(piece)
            short = len(re.findall(r"\w[\w/+-]*", piece)) <= 4  # a bullet's dash is not a word
            clauses.append((pos, m.end(), cc if cc != "both" else PART_REQUIRED, short))
        pos = m.end()
    resolved: list[tuple[int, int, str]] = []
    for i, (a, b, cc, short) in enumerate(clauses):
        if cc is None:
            part = None
            for x in clauses[i:]:
                if x[2] is not None:
                    part = x[2]
                    break
                if not x[3]:
                    break
            if part is None and short:
                part = next((x[2] for x in reversed(clauses[:i]) if x[2]), None)
            cc = part or base
        resolved.append((a, b, cc))
    return _fill(len(sentence), spans, resolved)


def _fill(
    n: int, paren: list[tuple[int, int, str]], base: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Overlay parenthesis spans on base spans; return sorted, non-overlapping spans."""
    if not paren:
        return base
    out: list[tuple[int, int, str]] = []
    for a, b, part in base:
        cur = a
        for pa, pb, pp in paren:
            if pb <= cur or pa >= b:
                continue
            if pa > cur:
                out.append((cur, pa, part))
            out.append((max(pa, cur), min(pb, b), pp))
            cur = min(pb, b)
        if cur < b:
            out.append((cur, b, part))
    return out


# ------------------------------------------------------------------ structure


@dataclass
class PostingLayout:
    """The stripped posting: its text, the part of every character range, and what was learned."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # sorted (start, end, part)
    title: str | None = None
    employer: str | None = None
    headings: list[tuple[int, int]] = field(default_factory=list)  # char ranges of heading lines
    structured: bool = False  # any required/preferred heading or cue

    def part_at(self, offset: int) -> str:
        starts = [s for s, _, _ in self.spans]
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.spans) and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i][2]
        return PART_DESCRIPTION


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """TOML (``+++``) or YAML (``---``) front matter as a flat dict, and the text after it."""
    m = re.match(r"\A\s*(\+\+\+|---)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    body = m.group(2)
    if m.group(1) == "+++":
        try:
            import tomllib
        except ImportError:  # pragma: no cover - Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(body)
            meta = {
                str(k).lower(): str(v) for k, v in data.items() if isinstance(v, str | int | float)
            }
        except Exception:
            meta = {}
    if not meta:
        for line in body.split("\n"):
            km = re.match(r"\s*([A-Za-z_][\w -]*?)\s*[:=]\s*(.*)$", line)
            if km:
                meta[km.group(1).strip().lower()] = km.group(2).strip().strip("\"'")
    return meta, text[m.end() :]


def posting_parts(text: str) -> PostingLayout:
    """Strip boilerplate and assign every kept sentence a part (see the module docstring)."""
    meta, body = _front_matter(text)
    title = (meta.get("title") or "").strip() or None
    employer = (
        meta.get("organization") or meta.get("company") or meta.get("employer") or ""
    ).strip() or None

    out_lines: list[str] = []
    spans: list[tuple[int, int, str]] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    structured = False

    def emit(line: str, parts: list[tuple[int, int, str]], heading: bool = False) -> None:
        nonlocal pos
        out_lines.append(line)
        for a, b, p in parts:
            spans.append((pos + a, pos + b, p))
        if heading:
            headings.append((pos, pos + len(line)))
        pos += len(line) + 1

    if title:
        emit(title, [(0, len(title), PART_DESCRIPTION)], heading=True)

    part = PART_DESCRIPTION
    lead_in: str | None = None  # part set by "Applicants are required to:" for the list below it
    lines = body.split("\n")
    first_title = title or next(
        (tm.group(1) for ln in lines if (tm := _TITLE_LINE.match(ln.strip()))), None
    )
    other_jobs = _other_jobs_lines(lines, first_title)
    list_seen = False  # the current part has shown bullet items
    md_headings = 0
    for idx, raw in enumerate(lines):
        if idx in other_jobs:
            # kept as text (its terms are the field's vocabulary), asked of nobody here
            if raw.strip():
                kept = _EMPHASIS.sub("", _MD_LINK.sub(r"\1", raw)).strip()
                emit(kept, [(0, len(kept), PART_OTHER_JOB)])
            continue
        line = _MD_LINK.sub(r"\1", raw).rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped in ("+++", "---", "***"):
            continue
        if re.fullmatch(r"\[[^\[\]]*\]", stripped):
            # "[recruiter contact details removed]": an editor's placeholder, not a heading whose
            # words ("contact") would make the rest of the posting boilerplate
            continue
        tm = _TITLE_LINE.match(stripped)
        if tm:
            value = tm.group(1).strip()
            if title is None:
                title = value
            emit(value, [(0, len(value), PART_DESCRIPTION)], heading=True)
            continue
        if _META_LINE.match(stripped):
            em = re.match(
                r"^\s*\**(?:employer|organi[sz]ation|company)\**\s*:\s*(.+)$", stripped, re.I
            )
            if em and not employer:
                employer = em.group(1).strip()
            continue
        is_md = bool(_MD_MARK.match(stripped))
        htext = _heading_text(stripped)
        if is_md:
            md_headings += 1
            clean = _MD_MARK.sub("", stripped).strip("*_` ").strip()
            if md_headings == 1 and title is None and not classify_heading(clean):
                title = clean.strip("[]")
                emit(title, [(0, len(title), PART_DESCRIPTION)], heading=True)
                continue
            if md_headings == 2 and employer is None and not classify_heading(clean) and idx < 4:
                if clean and clean.lower() != "none":
                    employer = clean
                continue
            if md_headings <= 3 and idx < 5 and not classify_heading(clean):
                continue  # "#### 🌎 Remote, India": location badge lines
        if employer is None and len(out_lines) == 1 and title is not None:
            em = _EMPLOYER_PLACE.match(stripped)
            if em:
                employer = em.group(1).strip()
                continue  # "Lakeview Health — Springfield, IL (Hybrid)": employer and place
        first_line = htext is not None and title is None and not out_lines
        if first_line and not htext.endswith((":", ";")) and classify_heading(htext) is None:
            title = htext  # the first heading-like line names the job
            emit(htext, [(0, len(htext), PART_DESCRIPTION)], heading=True)
            continue
        if htext is not None:
            kind = classify_heading(htext)
            label, sep, after = htext.partition(":")
            if kind is None and sep and after.strip():
                kind = classify_heading(label)
            if kind is not None and (not sep or not after.strip()):
                part = kind
                lead_in = None
                list_seen = False
                if kind in (PART_REQUIRED, PART_PREFERRED):
                    structured = True
                if kind != _BOILER:
                    emit(htext, [], heading=True)
                continue
            if kind is None and htext.endswith((":", ";")) and not _BULLET.match(stripped):
                c = _cue(htext)
                if c in (PART_REQUIRED, PART_PREFERRED):
                    lead_in = c
                    structured = True
                    emit(htext, [(0, len(htext), c)])
                    continue
        if part == _BOILER:
            continue
        bullet = bool(_BULLET.match(stripped))
        stripped = _EMPHASIS.sub("", stripped).strip()
        if not stripped:
            continue
        if lead_in == _BOILER:
            if bullet:
                continue
            lead_in = None
        if not bullet:
            first = _SENT_SPLIT.split(stripped, maxsplit=1)[0]
            last = _SENT_SPLIT.split(stripped)[-1]
            if _BOILER_PARAGRAPH.search(first):
                continue
            if stripped.endswith(":") and _BOILER_SENTENCE.search(last):
                lead_in = _BOILER  # "... a benefits package including:" and its list
                continue
            # a paragraph after a heading's bullet list ends that list's part
            if list_seen and len(stripped.split()) > 12 and part in (PART_REQUIRED, PART_PREFERRED):
                part = PART_DESCRIPTION
            list_seen = False
        else:
            list_seen = True
        if lead_in is not None and not bullet:
            lead_in = None
        base = lead_in or part
        # "Label: content" lines whose label is a part heading ("Preferred: CCS")
        lm = re.match(r"^\s*([A-Za-z][A-Za-z /&,'-]{2,60}?)\s*:\s*(\S.*)$", stripped)
        if lm and not bullet:
            k = classify_heading(lm.group(1))
            if k == _BOILER:
                continue
            if k in (PART_REQUIRED, PART_PREFERRED):
                base = k
                structured = True
        kept, parts = _keep_sentences(stripped, base)
        if not kept:
            continue
        if any(p in (PART_REQUIRED, PART_PREFERRED) and p != base for _, _, p in parts):
            structured = True
        emit(kept, parts)

    return PostingLayout(
        text="\n".join(out_lines),
        spans=sorted(spans),
        title=title,
        employer=employer,
        headings=headings,
        structured=structured,
    )


# Words of a job label that do not name the job ("Med Surg - Fulltime (7a-7p) 1- PRN").
_JOB_LABEL_NOISE = frozenset(
    ["full", "fulltime", "part", "time", "parttime", "prn", "per", "diem", "job", "jobs", "page", "careers", "career", "multi", "open", "position", "positions", "vacancy", "vacancies", "remote", "hybrid", "onsite", "site", "shift", "shifts", "day", "days", "night", "nights", "weekend", "weekends", "contract", "temporary", "temp", "permanent"]
)


def _job_words(text: str) -> set[str]:
    words = (w.lower().removesuffix("'s") for w in re.findall(r"[A-Za-z][A-Za-z']+", text))
    return {w.rstrip("s") for w in words if len(w) >= 2 and w not in _JOB_LABEL_NOISE}


def _other_jobs_lines(lines: list[str], title: str | None) -> set[int]:
    """Lines of the *other* jobs on a careers page that lists several, each with its own
    "Requirements:" block: the "RN's ... Requirements: - Current CPR certification" block of a page
    titled "Hospital Biller" asks nurses, not billers.

    Only when the same requirement heading stands at least twice: the short lines above each
    repeat name its job, and a block whose job shares no word with the posting's title is
    set apart, its job lines with it (kept as text in part ``other-job``, asked of nobody). Without
    a title nothing is set apart.
    """
    if not title:
        return set()
    heads: dict[str, list[int]] = {}
    for i, raw in enumerate(lines):
        h = _heading_text(raw.strip())
        if h and classify_heading(h) == PART_REQUIRED:
            heads.setdefault(h.lower().strip(" :;*_#"), []).append(i)
    repeats = [ix for ix in heads.values() if len(ix) >= 2]
    if not repeats:
        return set()
    occ = max(repeats, key=len)
    want = _job_words(title)
    drop: set[int] = set()
    end = -1  # the last line of the previous block
    for k, h in enumerate(occ):
        stop = occ[k + 1] if k + 1 < len(occ) else len(lines)
        block_end = h
        for j in range(h + 1, stop):  # the block: its bullets (and blank lines between them)
            if lines[j].strip() and not _BULLET.match(lines[j].strip()):
                break
            block_end = j
        labels = [
            j for j in range(end + 1, h)
            if lines[j].strip() and not _BULLET.match(lines[j].strip())
            and not classify_heading(lines[j]) and not _META_LINE.match(lines[j].strip())
            and not _TITLE_LINE.match(lines[j].strip())
        ]
        named = set().union(*(_job_words(lines[j]) for j in labels)) if labels else set()
        if k > 0 and named and not (named & want):
            drop.update(range(labels[0], block_end + 1))
        end = block_end
    return drop


def _keep_sentences(line: str, base: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Drop boilerplate sentences of one line; part spans for the rest (offsets into the result)."""
    pieces: list[str] = []
    parts: list[tuple[int, int, str]] = []
    pos = 0
    bounds = [0, *[m.start() for m in _SENT_SPLIT.finditer(line)], len(line)]
    for a, b in itertools.pairwise(bounds):
        sent = line[a:b].strip()
        if not sent or _BOILER_SENTENCE.search(sent):
            continue
        if pieces:
            pos += 1  # the joining space
        for sa, sb, p in clause_parts(sent, base):
            parts.append((pos + sa, pos + sb, p))
        pieces.append(sent)
        pos += len(sent)
    return " ".join(pieces), parts


# ------------------------------------------------------------------ analysis


def check_posting_length(text: str, path: str | None = None) -> None:
    """Refuse a posting text longer than a resume may be (``Limits.max_chars``), naming it."""
    from ..limits import DEFAULT_LIMITS

    if len(text) > DEFAULT_LIMITS.max_chars:
        raise InputError(
            path or "posting",
            f"the posting is longer than {DEFAULT_LIMITS.max_chars:,} characters (a job posting is rarely over 30,000)",
            "Paste only the posting's own text: title, duties and requirements",
        )


def analyze_posting(text: str, matcher: KeywordMatcher, path: str | None = None) -> Posting:
    """Title, stripped text, keywords with required/preferred, unknown terms and definitions.

    A text longer than a resume may be (``Limits.max_chars``) is refused: a real posting is
    under 30,000 characters, and the reading rules grow faster than the text on long lines
    (a 500 KB one-line posting took 4.5 s of CPU, a 10 MB one would take minutes)."""
    check_posting_length(text, path)
    layout = posting_parts(text)
    matches = matcher.match(layout.text, layout.part_at)
    if layout.employer:
        # "Surgical Notes is hiring ...": the employer's name is not a keyword
        names = [
            (m.start(), m.end())
            for m in re.finditer(re.escape(layout.employer), layout.text, re.IGNORECASE)
        ]
        matches = [m for m in matches if not any(a <= m.start and m.end <= b for a, b in names)]
    entries = matcher.vocab.entries
    domain, evidence = decide_domain(
        [m for m in matches if m.section != PART_PREFERRED], entries, layout.text, layout.title
    )
    # "work closely with finance and the RCM vendor": whom the job works with, not an ask
    # (still evidence of the domain above)
    matches = [m for m in matches if not names_a_partner(layout.text, m.start, m.end)]
    matches = sorted([*matches, *implied_matches(layout, matches, matcher)],
                     key=lambda m: (m.start, -m.end))
    # every keyword the posting writes is in ``keywords``; only those it asks for carry the
    # required/preferred flags and make requirements (a keyword only mentioned has neither)
    asked = asked_matches(layout, matches, matcher)
    keywords = posting_keywords(matches)
    flags = {k.entry_id: k for k in posting_keywords(asked)}
    for k in keywords:
        a = flags.get(k.entry_id)
        k.required, k.preferred = (a.required, a.preferred) if a else (False, False)
    return Posting(
        path=path,
        title=layout.title,
        text=layout.text,
        keywords=keywords,
        unknown_terms=unknown_terms(layout, matches, matcher),
        matches=matches,
        definitions=find_definitions(layout.text),
        requirements=posting_requirements(layout.text, asked, keywords, entries),
        domain=domain,
        domain_evidence=evidence,
    )


_PARTNER_UNIT = re.compile(
    r"\s{1,3}(?:vendors?|departments?|teams?|offices?|partners?|personnel|leadership|colleagues|"
    r"compan(?:y|ies)|contractors?)\b",
    re.IGNORECASE,
)
_WORK_WITH = re.compile(
    r"\b(?:work(?:s|ing)?|collaborat\w*|partner(?:s|ing)?|liais\w*|coordinat\w*|communicat\w*|"
    r"interact\w*|interfac\w*)\b(?:\s+\w+){0,2}?\s+with\b",
    re.IGNORECASE,
)


def names_a_partner(text: str, start: int, end: int) -> bool:
    """Does the keyword at ``text[start:end]`` name a unit the job works *with* ("work closely
    with ... the RCM vendor", "liaise with the billing department")? Then the posting does not
    ask for it. Only within the keyword's own sentence."""
    if not _PARTNER_UNIT.match(text, end):
        return False
    head = text[max(0, start - 200) : start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("; "))
    return bool(_WORK_WITH.search(head[cut + 1 :]))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``: each line cut where the posting reader cuts
    it (". " before a capital, glued "needs.Sweeps"; not "U.S. healthcare"), blanks trimmed.
    The one sentence splitter of the posting code (``learn`` uses it too)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        cuts = [0, *[m.start() for m in _SENT_SPLIT.finditer(line)], len(line)]
        for a, b in itertools.pairwise(cuts):
            piece = line[a:b]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((pos + a + lead, pos + a + len(piece.rstrip())))
        pos += len(line) + 1
    return out


class _Sentences:
    """The sentence around any offset of one text, by bisection over :func:`sentence_spans`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self.starts = [a for a, _ in self.spans]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return self.spans[i]
        return offset, offset


class _Taken:
    """Overlap tests against the spans of matches (sorted by start), by bisection."""

    def __init__(self, matches: list[Match]) -> None:
        self.spans = sorted((m.start, m.end) for m in matches)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        while i >= 0 and self.spans[i][0] > a - self.longest - 1:
            if self.spans[i][0] < b and a < self.spans[i][1]:
                return True
            i -= 1
        return False


# "Our source documentation is ...", "At Acme, we specialize in ...": the employer describing
# itself. An address to the candidate ("we are looking for", "you", "the ideal candidate")
# makes it an ask again.
_ABOUT_US = re.compile(r"^\W*(?:at [^,]{2,60},\s*)?(?:our|we)\b", re.IGNORECASE)
_ADDRESSES_CANDIDATE = re.compile(
    r"\b(?:you|your|candidates?|applicants?|looking for|seek\w*|need|require\w*|want|expect\w*|"
    r"hiring|recruit\w*|vacanc\w*|join\w*|hear(?:ing)? from|ideal|must|should|will have)\b",
    re.IGNORECASE,
)
# "Our risk adjustment team reviews ...": the people the candidate joins, doing the job's work.
_OUR_PEOPLE = re.compile(
    r"^\W*(?:our|we)\b(?:\s+[\w-]+){0,5}?\s+(?:teams?|departments?|coders?|staff|specialists?|"
    r"units?|billers?|colleagues)\b", re.IGNORECASE)
# One workplace: "an outpatient medical office setting", "a 60-provider multi-specialty group".
_WORKPLACE_BEFORE = re.compile(r"\b(?:an?|the|our|their|this)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_WORKPLACE_AFTER = re.compile(  # bounded pieces: a run of hyphens cannot make it cubic
    r"(?:[\s/-]{1,3}[A-Za-z][\w-]{0,30}(?![\w-])){0,2}?[\s/-]{1,3}(?:setting|office|team|practice|clinic|group|"
    r"environment|facility|department)\b",
    re.IGNORECASE,
)
# Words that make a sentence ask for a background: "experience in an inpatient hospital setting".
_ASK_WORDS = re.compile(r"\b(?:experience[ds]?|years?|background|familiar\w*|knowledge)\b", re.IGNORECASE)
# Words that make a sentence about coding or billing work itself.
_CODING_WORK = re.compile(r"\b(?:cod(?:e|es|ing|er|ers)|bill(?:ing|er|ers)|claims?|charts?|abstract\w*)\b",
                          re.IGNORECASE)
# "Medical coding experience and/or certification": the second noun shares the first's words.
_ELLIPSIS_AFTER = re.compile(
    r"(?<!\s)\s+(?:experience|knowledge|skills?|background|training|work)\s+(?:and/or|or|and)\s+"
    r"(certifications?|certificates?|credentials?|qualifications?|licen[cs]es?|training)\b",
    re.IGNORECASE,
)
_MAX_LOOKUPS = 500  # distinct ellipsis phrases looked up per posting (time stays bounded)
# "audit-ready documentation": a verb+object phrase whose verb is half of a compound adjective
_COMPOUND_ADJECTIVE = re.compile(
    r"(?<![A-Za-z])[A-Za-z]+-(?:ready|related|based|driven|focused|friendly|proof|free|specific|heavy|intensive)"
    r"\s+\S", re.IGNORECASE
)
_ELLIPSIS_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w-]+)(?:,\s+|,?\s+(?:and/or|or|and|&)\s+)$")
_ACRONYM_HEAD = re.compile(
    r"\b([A-Z]{2,5})\b(?=\s+(?:coding|coder|billing|experience|work|certification)\b)"
)


def asked_matches(layout: PostingLayout, matches: list[Match], matcher: KeywordMatcher) -> list[Match]:
    """The matches that name something the posting asks of the candidate, by rules a reader of
    the posting would apply (the others are still keywords the posting writes):

    * another job's block on a careers page (see :func:`posting_parts`) asks nothing of this one;

    * the employer describing itself ("Our source documentation is moving towards a fully
      electronic patient record", "At Acme, we specialize in ...") asks nothing, unless the same
      sentence addresses the candidate ("we are looking for", "you", "must") or its subject is the
      people the candidate joins ("Our risk adjustment team reviews medical records");
    * a coding practice written as the adjective of a workplace ("an outpatient medical office
      setting", "for a multi-specialty team") in a sentence about no coding or billing work names
      where the job is done, not coding of that kind, when the job itself is no coding or billing
      job (its title says so: a Patient Service Representative), or the sentence is description
      that asks nothing; for a Medical Coder, "2 years in an outpatient clinic setting" under
      Requirements, or "experience in an inpatient hospital setting required", is still asked;
    * a bare head word ("coding") written right after a keyword that names a kind of it ("ASC
      coding", "RA coding") is that keyword's head, not a second requirement; after a code set
      ("ICD-10-CM coding": coding with a tool) it is still coding;
    * a verb-and-object phrase whose verb is half of a compound adjective ("maintaining
      audit-ready documentation") is not that verb's work.
    """
    text = layout.text
    entries = matcher.vocab.entries
    sentences = _Sentences(text)
    verdicts: dict[tuple[int, int], tuple[bool, bool, bool]] = {}  # per sentence, not per match:
    # a posting with no full stop is one long sentence, read once
    coding_job = bool(_CODING_WORK.search(layout.title or ""))
    out: list[Match] = []
    prev_end = -10
    for m in matches:
        if m.section == PART_OTHER_JOB:
            continue
        span = sentences.at(m.start)
        if span not in verdicts:
            sentence = text[span[0]:span[1]]
            about_us = bool(_ABOUT_US.search(sentence)) and not (
                _ADDRESSES_CANDIDATE.search(sentence) or _OUR_PEOPLE.search(sentence)
            )
            coding_work = bool(_CODING_WORK.search(sentence))
            no_ask = not (_ASK_WORDS.search(sentence) or is_hedged(sentence)
                          or (_REQ_CUE.search(sentence) and not _REQ_NOT.search(sentence)))
            verdicts[span] = (about_us, coding_work, no_ask)
        about_us, coding_work, no_ask = verdicts[span]
        e = entries.get(m.entry_id)
        if m.section == PART_DESCRIPTION and about_us:
            continue
        if (
            not coding_work and (not coding_job or (m.section == PART_DESCRIPTION and no_ask))
            and e is not None and e.category == "coding_practice"
            and _WORKPLACE_BEFORE.search(text, max(0, m.start - 40), m.start)
            and _WORKPLACE_AFTER.match(text, m.end)
        ):
            continue
        if _COMPOUND_ADJECTIVE.match(m.surface):
            continue
        if m.surface.lower() in _BARE_HEADS and re.fullmatch(r"[ \t-]{1,2}", text[prev_end : m.start]):
            continue
        out.append(m)
        if e is None or e.category != "code_set":  # "ICD-10-CM coding" is coding with a tool
            prev_end = max(prev_end, m.end)
    return out


def _new_match(
    layout: PostingLayout, sentences: _Sentences, entry_id: str, start: int, end: int
) -> Match:
    """A match the lists did not make (its surface is the text as written)."""
    a, b = sentences.at(start)
    return Match(entry_id=entry_id, surface=layout.text[start:end], start=start, end=end,
                 form="alias", section=layout.part_at(start), sentence=layout.text[a:b].strip())


def implied_matches(layout: PostingLayout, matches: list[Match], matcher: KeywordMatcher) -> list[Match]:
    """What the lists cannot see by themselves, read as a reader of the posting would:

    * an acronym that spells the initials of a keyword the posting names in full ("RA coding" in
      a posting about risk adjustment) is that keyword;
    * "Medical coding experience and/or certification": the second noun takes the words of the
      first ("medical coding certification"), and "strong organizational and communication
      skills": the first adjective takes the head of the second ("organizational skills"), when
      the lists know that phrase.
    """
    text = layout.text
    entries = matcher.vocab.entries
    taken = _Taken(matches)
    sentences = _Sentences(text)
    added: list[Match] = []
    lookups: dict[str, list[Match]] = {}

    def known_as(phrase: str) -> list[Match]:
        """Matches covering the whole phrase (cached: a long posting repeats its phrases)."""
        if phrase not in lookups:
            lookups[phrase] = [x for x in matcher.match(phrase, healthcare=True)
                               if x.start == 0 and x.end == len(phrase)]
        return lookups[phrase]

    # initials of the multi-word keywords the posting names: "risk adjustment" -> RA
    initials: dict[str, set[str]] = {}
    for m in matches:
        words = re.findall(r"[A-Za-z]+", m.surface)
        if len(words) >= 2 and entries.get(m.entry_id) is not None:
            initials.setdefault("".join(w[0] for w in words).upper(), set()).add(m.entry_id)
    defined = {d.short.upper() for d in find_definitions(text)}
    known = matcher.known_phrases()
    for am in _ACRONYM_HEAD.finditer(text):
        short = am.group(1)
        ids = initials.get(short, set())
        if (
            len(ids) != 1 or short in defined or short in US_STATE_CODES
            or taken.overlaps(am.start(), am.end())
            or _knows(known, matcher, short)
        ):
            continue
        added.append(_new_match(layout, sentences, next(iter(ids)), am.start(1), am.end(1)))
    for m in matches:  # "strong organizational and communication skills"
        words = m.surface.split()
        if len(words) < 2:
            continue
        head = " ".join(words[1:])
        cut = m.start
        for _ in range(3):  # "analytical, organizational and communication skills"
            lm = _ELLIPSIS_BEFORE.search(text, max(0, cut - 60), cut)
            if not lm or taken.overlaps(lm.start(1), lm.end(1)) or len(lookups) > _MAX_LOOKUPS:
                break
            found = [x for x in known_as(f"{lm.group(1)} {head}") if x.entry_id != m.entry_id]
            if not found:
                break
            added.append(_new_match(layout, sentences, found[0].entry_id, lm.start(1), lm.end(1)))
            cut = lm.start(1)
    for m in matches:
        em = _ELLIPSIS_AFTER.match(text, m.end)
        if not em:
            continue
        s, e = em.start(1), em.end(1)
        if taken.overlaps(s, e) or len(lookups) > _MAX_LOOKUPS:
            continue
        words = m.surface.split()
        for k in range(len(words)):  # the longest phrase the lists know
            found = [x for x in known_as(" ".join([*words[k:], em.group(1)])) if x.entry_id != m.entry_id]
            if found:
                added.append(_new_match(layout, sentences, found[0].entry_id, s, e))
                break
    return added


def posting_keywords(matches: list[Match]) -> list[PostingKeyword]:
    """One PostingKeyword per entry, most frequent first (see the module docstring for the flags)."""
    by_id: dict[str, list[Match]] = {}
    for m in matches:
        by_id.setdefault(m.entry_id, []).append(m)
    out: list[PostingKeyword] = []
    for entry_id, ms in by_id.items():
        parts = {m.section for m in ms}
        has_pref = PART_PREFERRED in parts
        required = bool(parts - {PART_PREFERRED}) or not has_pref
        order = sorted(
            ms, key=lambda m: (m.section != PART_REQUIRED, m.section != PART_PREFERRED, m.start)
        )
        sentences: list[str] = []
        for m in order:
            if m.sentence and m.sentence not in sentences:
                sentences.append(m.sentence)
            if len(sentences) >= MAX_SENTENCES:
                break
        out.append(
            PostingKeyword(
                entry_id=entry_id,
                count=len(ms),
                required=required,
                preferred=has_pref,
                sentences=sentences,
            )
        )
    out.sort(key=lambda k: (-k.count, k.entry_id))
    return out


# ------------------------------------------------------------------ unknown terms

_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]{1,4})?)(s)?(?![\w-])")
_CAP_WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,}[a-z]*)"
_TITLE_WORD = r"[A-Z][a-z]+"
# Capitalized runs: "Payment by Results", "Basic Life Support"; connectors only between Title-case
# words ("State, Federal and NCQA" is not one term).
# Starts where a run of capitals starts: a start inside one ends where the run's first letter's
# word ends, so it fails as that one did (quadratic on "AAAA…" otherwise).
_CAP_RUN = re.compile(
    rf"(?<![A-Z]){_CAP_WORD}(?:\s+{_CAP_WORD}|\s+(?:of|and|for|by|in|&)\s+{_TITLE_WORD}(?!\s*[A-Z]{{2}})){{1,4}}"
)
_SKILL_CUE = re.compile(
    r"\b(?:knowledge|experience|proficien|familiar|understanding|certif|qualif|using|use of|expertise|"
    r"skills?|trained|training|accredit|competen|criteria|standards?)\w*",
    re.IGNORECASE,
)
GENERIC_ACRONYMS = frozenset(
    [
        "USA",
        "US",
        "UK",
        "EU",
        "NHS",
        "HR",
        "IT",
        "CEO",
        "COO",
        "CFO",
        "CTO",
        "CMO",
        "VP",
        "SVP",
        "LLC",
        "INC",
        "LTD",
        "PLC",
        "EEO",
        "EOE",
        "ADA",
        "FAQ",
        "PTO",
        "FT",
        "PT",
        "AM",
        "PM",
        "ET",
        "PST",
        "EST",
        "CST",
        "MST",
        "ASAP",
        "ID",
        "OK",
        "TBD",
        "NA",
        "COVID",
        "COVID-19",
        "MF",
        "M-F",
        "FSA",
        "HSA",
        "CV",
        "DOB",
        "SSN",
        "GPA",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "AI",
        "QA",
        "QC",
        "KPI",
        "KPIS",
        "ROI",
        "OR",
        "AND",
        "THE",
        "FOR",
        "WFH",
        "DEI",
        "LGBTQ",
        "LGBTQIA",
        "BIPOC",
        "USD",
        "GBP",
    ]
)
GENERIC_WORDS = frozenset(
    [
        "job",
        "knowledge",
        "technical",
        "productivity",
        "initiative",
        "execution",
        "flexibility",
        "quality",
        "control",
        "positive",
        "attitude",
        "service",
        "excellence",
        "transparency",
        "teamwork",
        "accountability",
        "hardwork",
        "hard",
        "work",
        "team",
        "player",
        "key",
        "competencies",
        "physical",
        "demands",
        "responsibilities",
        "requirements",
        "required",
        "preferred",
        "qualifications",
        "education",
        "experience",
        "skills",
        "abilities",
        "essential",
        "desirable",
        "summary",
        "overview",
        "description",
        "duties",
        "role",
        "position",
        "title",
        "employer",
        "location",
        "salary",
        "benefits",
        "about",
        "us",
        "the",
        "a",
        "an",
        "our",
        "your",
        "you",
        "we",
        "they",
        "this",
        "that",
        "full",
        "part",
        "time",
        "remote",
        "hybrid",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "click",
        "apply",
        "here",
        "now",
        "new",
        "senior",
        "junior",
        "lead",
        "manager",
        "director",
        "head",
        "of",
        "and",
        "for",
        "by",
        "in",
        "clinical",
        "coding",
        "coder",
        "coders",
        "department",
        "team",
        "services",
        "service",
        "trust",
        "foundation",
        "hospital",
        "hospitals",
        "university",
        "teaching",
        "school",
        "college",
        "medical",
        "centre",
        "center",
        "clinic",
        "health",
        "healthcare",
        "care",
        "national",
        "band",
        "please",
        "note",
        "further",
        "details",
        "informal",
        "visits",
        "contact",
        "name",
        "job",
        "product",
        "solutions",
        "engineering",
        "go-to-market",
        "federal",
        "state",
        "local",
        "national",
        "standards",
    ]
)
_PLACE_WORDS = frozenset(
    [
        "hospital",
        "hospitals",
        "trust",
        "foundation",
        "university",
        "college",
        "school",
        "centre",
        "center",
        "clinic",
        "street",
        "road",
        "avenue",
        "city",
        "county",
        "state",
        "park",
        "site",
        "campus",
        "office",
        "offices",
        "department",
        "dept",
        "group",
        "inc",
        "llc",
        "ltd",
        "plc",
        "company",
        "corporation",
        "nhs",
        "station",
        "junction",
        "line",
        "lane",
        "square",
    ]
)
# single words of state names ("jersey", "dakota"), without the generic ones
_US_STATE_NAMES = frozenset(
    w.lower()
    for name in US_STATE_NAMES
    for w in name.split()
    if w not in ("New", "North", "South", "West", "Island")
)


def unknown_terms(
    layout: PostingLayout, matches: list[Match], matcher: KeywordMatcher
) -> list[str]:
    """Acronyms and capitalized multi-word terms that no keyword list knows, most frequent first.

    Precision over recall: only sentences that ask for something (a required or preferred part, or a
    description sentence with a skill cue such as "knowledge of", "experience with") are read;
    heading lines, matched keywords, forms the lists know in another context, generic words, places,
    US states, months and the employer's name and initials are skipped.
    """
    text = layout.text
    taken = sorted((m.start, m.end) for m in matches)
    starts = [a for a, _ in taken]

    def overlaps_match(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, b) - 1
        while i >= 0 and taken[i][1] > a:
            if taken[i][0] < b:
                return True
            i -= 1
        return False

    in_heading = [(a, b) for a, b in layout.headings]
    employer_words = {w.lower() for w in re.findall(r"[A-Za-z]+", layout.employer or "")}
    initials = _initials(layout.employer or "")
    defined_as_place = {
        d.short.upper()
        for d in find_definitions(text)
        if {w.lower() for w in d.long.split()} & (_PLACE_WORDS | employer_words)
    }
    known = matcher.known_phrases()

    title_words = {w.lower() for w in re.findall(r"[A-Za-z]+", layout.title or "")}
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for a, b, part in layout.spans:
        if any(ha <= a < hb for ha, hb in in_heading):
            continue
        sentence = text[a:b]
        if part == PART_DESCRIPTION and not _SKILL_CUE.search(sentence):
            continue
        long_words = re.findall(r"[A-Za-z]{4,}", sentence)
        shouted = sum(w.isupper() for w in long_words)
        if shouted >= 3 and shouted * 5 >= len(long_words) * 3:
            continue  # a SHOUTED sentence: its words are not acronyms
        for m in _ACRONYM.finditer(sentence):
            term = m.group(1)
            s, e = a + m.start(1), a + m.end(1)
            up = term.upper()
            if (
                up in GENERIC_ACRONYMS
                or up in US_STATE_CODES
                or up in defined_as_place
                or (initials and len(up) >= 3 and initials.startswith(up))
                or not any(ch.isalpha() for ch in term)
                or overlaps_match(s, e)
                or _knows(known, matcher, term)
            ):
                continue
            counts[term] += 1
            first_seen.setdefault(term, s)
        for m in _CAP_RUN.finditer(sentence):
            term = m.group(0)
            s, e = a + m.start(), a + m.end()
            words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", term)]
            if _sentence_initial(sentence, m.start()) and (
                words[0] in GENERIC_WORDS or lemma(words[0]) != words[0]
            ):
                # "Informing AI", "Working Together": a capital that only starts the sentence
                rest = term.split(None, 1)[1] if " " in term else ""
                words = words[1:]
                term = rest
                s = e - len(rest)
            content = [w for w in words if w not in ("of", "and", "for", "by", "in")]
            if len(content) < 2 or all(w in GENERIC_WORDS for w in content):
                continue
            if any(w in _PLACE_WORDS or w in _US_STATE_NAMES or w in MONTH_WORDS for w in content):
                continue
            if employer_words and any(
                w in employer_words for w in content if w not in GENERIC_WORDS
            ):
                continue
            if title_words and all(w in title_words or w in GENERIC_WORDS for w in content):
                continue  # the job title again ("Coding Coordinator")
            if overlaps_match(s, e) or _knows(known, matcher, term):
                continue
            counts[term] += 1
            first_seen.setdefault(term, s)
    # merge case variants, keep the most frequent spelling
    merged: dict[str, tuple[int, int, str]] = {}
    for term, n in counts.items():
        k = term.lower()
        old = merged.get(k)
        if old is None:
            merged[k] = (n, first_seen[term], term)
        else:
            merged[k] = (old[0] + n, min(old[1], first_seen[term]), old[2] if old[0] >= n else term)
    ordered = sorted(merged.values(), key=lambda x: (-x[0], x[1]))
    return [t for _, _, t in ordered]


def _sentence_initial(sentence: str, pos: int) -> bool:
    """Only bullets, dashes or spaces stand before ``pos`` in its sentence."""
    return not re.search(r"[A-Za-z0-9]", sentence[:pos])


def _initials(name: str) -> str:
    words = [
        w
        for w in re.findall(r"[A-Za-z]+", name)
        if w.lower() not in ("of", "the", "and", "for", "at")
    ]
    return "".join(w[0].upper() for w in words)


def _knows(known: set[tuple[str, ...]], matcher: KeywordMatcher, phrase: str) -> bool:
    """A list has this phrase as a form, whatever the context rules decided here."""
    from .nlp import atomize_text

    keys = tuple(atomize_text(phrase, matcher.nlp).keys)
    return keys in known


# ------------------------------------------------------------------ either-or requirements

# What may stand between two members of one list: a comma, a conjunction or a slash, with at most
# two words before the conjunction ("CPC certification or CCS") and an article after it.
# (Linear: one "\s*" on each side of the bracket or comma; a word starts after a space, and the
# whole gap where a run of spaces starts; "\s*[(),]?\s*" was cubic on a run of spaces.)
_LIST_GAP = re.compile(
    r"(?<!\s)(?:\s*(?:[(),]\s*)?(?:(?:(?<![\w-])(?!(?:and|or|equivalent|similar|comparable|with|of|in)\b)"
    r"[A-Za-z][\w-]*,?\s+){0,2}?(and/or|or|and|&|/)\s*|,\s*)(?:(?:an?|the|any)\s+)?(?:[A-Z]{2,5}\s+)?"
    r"|\s*[,/]\s*)",
    re.IGNORECASE,
)
_OR_BEFORE = re.compile(r"\b(?:one of|any of|either|one or more of)\b[^.;:]{0,40}$", re.IGNORECASE)
_OR_BEFORE_LIST = re.compile(r"\b(?:one of|any of)(?: the following)?\s*:?\s*$", re.IGNORECASE)
_OR_AFTER = re.compile(
    r"^[\s,)]*(?:or|and/or)\s+(?:a\s+|an\s+|other\s+)?(?:similar|equivalent|comparable|related|other)\b",
    re.IGNORECASE,
)


_TITLE_ASKED = re.compile(r"\b(?:certif\w*|credential\w*|licen[cs]\w*|registered as)\b", re.IGNORECASE)
_BARE_HEADS = frozenset(["coding", "billing", "coder", "biller", "certification", "certified"])


def _bare_form(m: Match, entries: dict[str, Entry]) -> bool:
    """Is ``m`` a bare head word ("coding") that its entry lists as a form of its own?"""
    word = m.surface.lower()
    e = entries.get(m.entry_id)
    return word in _BARE_HEADS and e is not None and word in (
        f.lower() for f in [e.term, e.acronym or "", e.long_form or "", *e.aliases]
    )


def _chains(text: str, ms: list[Match]) -> list[tuple[list[Match], list[str]]]:
    """Runs of matches that stand in one written list, with the conjunction before each member.

    A long form followed by its acronym ("Certified Professional Coder (CPC)") is one member.
    """
    chains: list[tuple[list[Match], list[str]]] = []
    cur: list[Match] = []
    conj: list[str] = []
    end = 0  # end of the last member, its acronym in parentheses included
    for m in ms:
        if cur and m.start < end:
            continue  # nested or overlapping match: the outer one stands for it
        if cur:
            gap = text[end : m.start]
            if m.entry_id == cur[-1].entry_id and re.fullmatch(r"\s*\(?\s*", gap):
                end = m.end + (1 if text[m.end : m.end + 1] == ")" else 0)
                continue
            g = _LIST_GAP.fullmatch(gap) if "\n" not in gap.strip(" \t") else None
            if g and len(gap) <= 40:
                cur.append(m)
                conj.append((g.group(1) or ("/" if "/" in gap else ",")).lower())
                end = m.end
                continue
            chains.append((cur, conj))
        cur, conj, end = [m], [""], m.end
    if cur:
        chains.append((cur, conj))
    return chains


_FOLLOWING = re.compile(r"\b(?:one|any|either|at least one)\s+of\s+the\s+following\b", re.IGNORECASE)
_BULLET_LINE = re.compile(r"^\s*(?:[-*•·▪◦●○■□►▸➢✓✔]|\d{1,2}[.)])\s+")


def _following_lists(text: str, ms: list[Match]) -> list[tuple[list[Match], str]]:
    """"Any of the following:" and the bullet list under it: the keywords of those bullets, one
    list per lead-in (a bullet that a PDF wrapped continues on a line starting in lower case). The
    list ends at the first long bullet: options are names, the next requirement is a sentence."""
    out: list[tuple[list[Match], str]] = []
    pos = 0
    lines = []
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, line = lines[i]
        i += 1
        if not _FOLLOWING.search(line) or not line.rstrip().endswith(":"):
            continue
        a = b = start + len(line) + 1
        in_bullet = False
        while i < len(lines):
            s0, ln = lines[i]
            short = len(ln.split()) <= 9  # the options are names; a long bullet is the next ask
            if (_BULLET_LINE.match(ln) and short) or (in_bullet and ln[:1].islower() and short):
                in_bullet = True
                b = s0 + len(ln)
                i += 1
                continue
            break
        block = [m for m in ms if a <= m.start and m.end <= b]
        if block:
            out.append((block, line.strip()))
    return out


def _is_either_or(
    text: str, chain: list[Match], conj: list[str], entries: dict[str, Entry]
) -> tuple[bool, bool]:
    """(the list offers alternatives, it ends "or equivalent/similar")."""
    tail = text[chain[-1].end : chain[-1].end + 60]
    tail = re.sub(r"^\s*\([^()]{1,40}\)", "", tail)  # "(CCS-P)" after the long form
    after = _OR_AFTER.match(tail) is not None
    line_start = text.rfind("\n", 0, chain[0].start) + 1
    # the cues need only the last few words: a window keeps one long line from going quadratic
    before = text[max(line_start, chain[0].start - 200) : chain[0].start]
    # "any of the following:" on the line above a bulleted list is not handled: each bullet
    # stands alone, and ATS read them as separate requirements too
    if _OR_BEFORE.search(before) or _OR_BEFORE_LIST.search(before):
        return len(chain) > 1 or after, after
    words = [c for c in conj[1:] if c in ("or", "and/or", "and", "&")]
    last = words[-1] if words else None
    if last in ("or", "and/or"):
        return True, after
    if last is None and "/" in conj[1:]:
        # "Epic/Cerner", "CPC/CCS": either; "CPT/ICD-10" names two code sets a coder uses together
        cats = {entries[m.entry_id].category for m in chain if m.entry_id in entries}
        return cats != {"code_set"}, after
    # "3M 360 Encompass, Optum EncoderPro or similar": the list ends in its alternative
    return after, after


def posting_requirements(
    text: str, matches: list[Match], keywords: list[PostingKeyword], entries: dict[str, Entry]
) -> list[Requirement]:
    """What the posting asks for, one ``Requirement`` per thing: either-or lists ("CPC, COC or
    CCS", "Epic/Cerner", "one of: ...", "3M, Optum EncoderPro or similar") are one requirement
    satisfied by any member; every other keyword is a requirement of its own.

    A keyword the posting also names on its own, outside any list of alternatives, is its own
    requirement ("CPC required ... CPC or CCS-P" asks for the CPC). Offsets are into the
    stripped posting text, whose lines are joined again here, so a list that a PDF wraps over two
    lines is read as the same list as in the text file.
    """
    ms = sorted(
        (m for m in matches if m.entry_id in entries and not entries[m.entry_id].legacy
         and (entries[m.entry_id].category != "job_title" or _TITLE_ASKED.search(m.sentence))),
        key=lambda m: (m.start, -m.end),
    )
    groups: dict[tuple[str, ...], Requirement] = {}
    order: dict[tuple[str, ...], int] = {}
    asked_alone: set[str] = set()  # named on its own in a required part
    listed: set[int] = set()
    for block, lead in _following_lists(text, ms):
        ids = list(dict.fromkeys(m.entry_id for m in block))
        listed.update(id(m) for m in block)
        if len(ids) > 1:
            key = tuple(ids)
            groups[key] = Requirement(ids=ids, required=any(m.section != PART_PREFERRED for m in block),
                                      sentence=lead)
            order[key] = block[0].start
        else:
            asked_alone.update(m.entry_id for m in block if m.section == PART_REQUIRED)
    ms = [m for m in ms if id(m) not in listed]
    for chain, conj in _chains(text, ms):
        either, equivalent = _is_either_or(text, chain, conj, entries)
        if either and len(chain) > 1:
            # "RA coding or CRC": a bare "coding" is the head of a phrase the lists do not know,
            # not an alternative of its own (any coder would "satisfy" it)
            # (only a head word the lists know as a form of its entry: "certification" that an
            # ellipsis made "coding certification" is an alternative of its own)
            chain = [m for m in chain if not _bare_form(m, entries)] or chain
        ids = list(dict.fromkeys(m.entry_id for m in chain))
        if either and (len(ids) > 1 or equivalent):
            key = tuple(ids)
            required = any(m.section != PART_PREFERRED for m in chain)
            old = groups.get(key)
            if old is None:
                groups[key] = Requirement(
                    ids=ids, required=required, sentence=chain[0].sentence, or_equivalent=equivalent
                )
                order[key] = chain[0].start
            else:
                old.required = old.required or required
                old.or_equivalent = old.or_equivalent or equivalent
        else:
            asked_alone.update(m.entry_id for m in chain if m.section == PART_REQUIRED)
    kw = {k.entry_id: k for k in keywords}
    first: dict[str, int] = {}
    for m in ms:
        first.setdefault(m.entry_id, m.start)
    out: list[tuple[int, Requirement]] = []
    grouped: set[str] = set()
    for key, req in groups.items():
        out.append((order[key], req))
        # "CPC required" elsewhere: the stricter ask stands as well, on its own
        grouped.update(i for i in req.ids if i not in asked_alone)
    asked_title = {m.entry_id for m in ms if entries[m.entry_id].category == "job_title"}
    for i, k in kw.items():
        if i in grouped or i not in entries or entries[i].legacy:
            continue
        if not (k.required or k.preferred):
            continue  # written, not asked (see analyze_posting)
        if entries[i].category == "job_title" and i not in asked_title:
            continue
        out.append(
            (first.get(i, 0), Requirement(ids=[i], required=k.required, sentence=(k.sentences or [""])[0]))
        )
    out.sort(key=lambda p: p[0])
    # "coding" alone in a posting that names clinical coding is that clinical coding, not a
    # second requirement: a bare head word of an entry that a named, more specific entry
    # satisfies adds nothing
    named = {i for _, r in out for i in r.ids}
    implied = {
        i for i in named
        if all(m.surface.lower() in _BARE_HEADS for m in ms if m.entry_id == i)
        and any(m.entry_id == i for m in ms)
        and any(i in entries[j].satisfies for j in named if j != i and j in entries)
    }
    out = [(o, r) for o, r in out if not (len(r.ids) == 1 and r.ids[0] in implied)]
    seen: set[tuple[str, ...]] = set()
    result = []
    for _, r in out:
        if tuple(r.ids) not in seen:
            seen.add(tuple(r.ids))
            result.append(r)
    return result


# ------------------------------------------------------------------ domain

DOMAIN_CODING = "coding"  # a medical coding, billing or health-information (HIM) job
DOMAIN_HEALTHCARE = "healthcare"  # healthcare, but not coding/billing/HIM (patient access, MA...)
DOMAIN_OTHER = "not-healthcare"

# Keyword ids that say "healthcare" but not "coding/billing/HIM": patient access, clinical and
# generic office work name them too.
def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEAR_MISS_IDS = _ids(
    """insurance-claims claims-processing patient-collections accounts-receivable prior-authorization
    insurance-verification patient-access payment-integrity utilization-management payer-guidelines
    dme medical-necessity commercial-payers managed-care bcbs workers-compensation pos edi hipaa phi
    osha emtala clia fdcpa healthcare-regulations release-of-information hedis quality-measures
    medical-records productivity data-quality scanning-indexing chart-review clinical-documentation
    medical-terminology anatomy-physiology pathophysiology pharmacology clinical-knowledge lab-values
    ehr-emr epic epiccare epic-cadence epic-prelude practice-management-system cms hhs ama aha who
    billing-specialist billing-manager ar-specialist patient-access-representative
    insurance-verification-specialist prior-authorization-specialist practice-manager rn
    patient-account-representative reimbursement nhs cqc medicare-advantage
    copays-deductibles appointment-scheduling ambulance-services chart-completion payment-plans
    financial-assistance referrals neurology patient-advocate patient-service-representative
    medical-assistant medical-administrative-assistant health-unit-coordinator surgery-scheduler
    surgical-clinical-reviewer hedis-coordinator cna cpht cma rma emt lpn acls-pals bls-cpr
    pointclickcare vista cprs drchrono hhaexchange santrax chcs ahlta ecqm meaningful-use hitech
    joint-commission ncqa nsqip aco pcmh population-health pqrs ehr-implementation"""
)
# Front-office, clinical and quality entries (issue 16's allied credentials, scheduling, copays,
# accreditation bodies) are named by patient access, medical assistant and clinical-policy jobs:
# healthcare evidence, never coding evidence.
_STRONG_CATEGORIES = frozenset(
    ["code_set", "payment_system", "credential", "coding_practice", "billing_claims", "compliance",
     "nhs", "job_title", "organization", "software"]
)
_MEDICAL_CATEGORIES = frozenset(["code_set", "payment_system", "credential", "nhs"])
_SPECIALTY_IDS = _ids(
    """multi-specialty asc critical-access-hospital skilled-nursing-facility emergency-department
    radiology interventional-radiology cardiology orthopedics anesthesia oncology ob-gyn pediatrics
    gastroenterology dermatology otolaryngology urology ophthalmology behavioral-health therapy-services
    laboratory-pathology dialysis home-health primary-care"""
)
_HEALTH_WORDS = re.compile(
    r"\b(?:medical|patients?|clinical|clinics?|health ?care|health (?:system|plan|service|insurance)s?|"
    r"hospitals?|hospice|physicians?|nurses?|nursing|pharmacy|HIPAA|Medicare|Medicaid|OHIP|NHS|"
    r"dental|surgical|surgery|behavioral health|mental health)\b",
    re.IGNORECASE,
)
_MEDICAL_SURFACE = re.compile(r"medical|health|hospital|physician|patient|clinic", re.IGNORECASE)
_NON_US = re.compile(r"\b(?:OHIP|Ontario|Canada|Canadian|RAMQ|Alberta Health|MSP billing)\b")


def decide_domain(
    matches: list[Match], entries: dict[str, Entry], text: str, title: str | None = None
) -> tuple[str, list[str]]:
    """Is this a medical coding/billing/HIM text, other healthcare, or not healthcare at all?

    Coding evidence is a keyword only coding, billing or HIM work names: a code set, a payment
    system, a coding credential or organization, an encoder, an NHS coding term, a claim form or
    a revenue-cycle task (denials, payment posting, A/R follow-up); "medical billing" only when the
    words themselves say medical. Words any patient-facing or office job uses (insurance claims,
    verification, HIPAA, medical records, EHR, medical terminology, "billing" alone) are
    healthcare evidence only. A non-US health system's billing (OHIP) without a US code set is
    healthcare: the coding lists are American and English. Pass only the matches that ask (not the
    "preferred" ones): a clinical-policy job that would like coding experience is not a coding job.
    """
    coding: dict[str, str] = {}
    health: dict[str, str] = {}
    for m in matches:
        e = entries.get(m.entry_id)
        if e is None:
            continue
        if e.category in ("soft_skill",):
            continue
        if e.id in _NEAR_MISS_IDS or e.id in _SPECIALTY_IDS or e.category == "clinical_knowledge":
            health.setdefault(e.id, e.term)
            continue
        if e.id == "medical-billing" and not _MEDICAL_SURFACE.search(m.surface):
            continue  # "billing" alone: law firms bill too
        if e.id == "outpatient-coding" and m.surface.strip().lower() == "outpatient":
            health.setdefault(e.id, e.term)  # "an outpatient medical office": a setting, not coding
            continue
        if e.category == "software" and e.id not in (
            "encoder", "cac", "grouper", "3m-360-encompass", "3m-codefinder", "optum-encoderpro",
            "trucode", "dolbey-fusion-cac", "find-a-code", "codify", "supercoder",
        ):
            continue
        if e.category in _STRONG_CATEGORIES:
            coding.setdefault(e.id, e.term)
    words = sorted({w.group(0).lower() for w in _HEALTH_WORDS.finditer(text)})
    if not words:
        # "Billers" at a card network, "coding" at a software house: without one healthcare word
        # only the inherently medical keywords (code sets, credentials, payment systems, NHS) count
        coding = {i: t for i, t in coding.items() if entries[i].category in _MEDICAL_CATEGORIES}
    non_us = _NON_US.search(text)
    if coding and non_us and not any(
        entries[i].category in ("code_set", "payment_system", "credential") for i in coding
    ):
        return DOMAIN_HEALTHCARE, [
            f"names {non_us.group(0)} billing and no US code set or credential: the coding lists "
            "do not apply",
            *[f"keyword: {t}" for t in list(coding.values())[:4]],
        ]
    if coding:
        return DOMAIN_CODING, [f"keyword: {t}" for t in list(coding.values())[:6]]
    if words:  # healthcare keywords count only beside healthcare words ("collections" at a law firm)
        ev = [f"keyword: {t}" for t in list(health.values())[:4]]
        ev += [f"word: {w}" for w in words[:4]]
        return DOMAIN_HEALTHCARE, ev
    general = sorted({entries[m.entry_id].term for m in matches if m.entry_id in entries
                      and entries[m.entry_id].category == "soft_skill"})
    found = f"; found only general terms: {', '.join(general[:6])}" if general else ""
    return DOMAIN_OTHER, ["no code set, credential, billing, coding or healthcare term found" + found]
