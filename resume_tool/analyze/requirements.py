"""Requirements beyond keywords: job title, years of experience, education, credential status.

Recruiters and ATS filters check these (Jobscan reports them too), but none is a keyword, so each
is a line of its own in the report with its evidence, and none enters the score. Every check
needs a posting: without one there is nothing that "the posting asks", and the role profile does
not state years, degrees or titles.
"""

from __future__ import annotations

import re
from datetime import date

from ..keywords.posting import is_hedged
from ..models import Entry, Posting, RequirementCheck, Resume, Role

_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12,
}
_YEARS = re.compile(
    r"((?<![\d.])\d{1,2}|(?<![\w.])(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*(?:\(\d{1,2}\)\s*)?"
    r"(?:\+|plus\b|or more\b)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*years?(?:['’]s?)?(?:\s+(?:of\s+)?"
    r"((?:[^.;\n]|\.(?=\S)){0,80}))?",
    re.IGNORECASE,
)
_NOT_EXPERIENCE = re.compile(
    r"^(?:old|ago|post|after|within|in the|of age)|\b(?:ago|refresher|course|within the last)\b",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(r"\b(?:after|within|over|last|past|post|up to|every)\s+(?:a\s+)?(?:minimum of\s+)?$",
                         re.IGNORECASE)
_EXPERIENCE_WORDS = re.compile(
    r"experience|coding|billing|work|setting|research|audit|review|practice|clinical|management|"
    r"collections|revenue|claims|hospital|physician|outpatient|inpatient|in (?:a|an|the) ",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.;:])\s*(?=[A-Z(])")
_EDU = (
    (4, "a master's degree", re.compile(r"\bmaster['’]?s?\b(?! (?:patient|index|file|data|list|schedule))|\bMBA\b|\bMHA\b|\bMSN\b", re.I)),
    (3, "a bachelor's degree", re.compile(r"\bbachelor['’]?s?\b|\bBSN\b|\bB\.S\.|\bB\.A\.|\bBBA\b|\bBSBA\b|\bB\.?Sc\b|\b4-year degree\b|\bfour-year degree\b", re.I)),
    (2, "an associate degree", re.compile(r"\bassociate['’]?s?\s+(?:degree|of)\b|\bA\.A\.S?\.|\bAAS\b", re.I)),
    (1, "a high school diploma or GED", re.compile(r"\bhigh school\b|\bGED\b|\bsecondary school\b", re.I)),
)
# "(?=[iw])" before "\b": each of the 120 places the window backtracks over is ruled out by one
# character test (2-3 times faster on long lines; same matches).
_WITHIN = re.compile(
    r"[^.;\n]{0,120}(?=[iw])\b(?:within|in)\s+(\d{1,2}|one|two|three|six|nine|twelve)\s+(months?|years?|days?)\s+"
    r"(?:of|from|after)\s+(?:hire|hiring|employment|start|starting|the start date)[^.;\n]{0,60}"
    r"|[^.;\n]{0,120}(?=[owe])\b(?:or be working towards it|working towards|eligible to sit|"
    r"or registry eligible|or eligible)\b[^.;\n]{0,60}",
    re.IGNORECASE,
)
_TITLE_NOISE = re.compile(
    r"\([^)]*\)|\b(?:full[- ]time|part[- ]time|remote|hybrid|contract|band\s*\d+\w?|senior|sr\.?|junior|jr\.?|certified|"
    r"lead|i{1,3}|iv|level\s*\d)\b|[-–—|:,].*$",
    re.IGNORECASE,
)
_STOP = frozenset(["the", "and", "of", "a", "an", "for", "in", "to", "&", "with"])


# short and long forms of the same title word ("Patient Service Rep" = "Representative")
_TITLE_SAME = {"representative": "rep", "technician": "tech", "administrator": "admin",
               "coordinator": "coord", "specialists": "specialist"}


def _words(text: str) -> list[str]:
    return [w.rstrip("s") if len(w) > 3 else w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP]


def _title_words(text: str) -> list[str]:
    return [_TITLE_SAME.get(w, w) for w in _words(text)]


def _title_like(line: str) -> bool:
    """A headline that can be a job title: short, no sentence, no dates or figures (not
    "Over 1.5 years as an assistant in the medical field." nor a degree line)."""
    words = line.split()
    return 0 < len(words) <= 8 and not re.search(r"\d|[.!?]\s*$|\b(?:degree|diploma|bachelor|master)", line, re.I)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else _NUM.get(word.lower(), 0)


def check_title(posting: Posting, resume: Resume) -> RequirementCheck | None:
    """Does any job title (or a short headline) in the resume name the posting's title or a close
    variant? Close: every word of the title without seniority, place and contract words appears
    in one line (rep = representative), or all but one of at least four; the title's head noun
    (its last word: coder, specialist, rep) is never the one missing. "Customer Service Rep" is
    not "Patient Service Rep", and a sentence or a degree line is not a title."""
    if not posting.title:
        return None
    head_part = re.split(r",", _TITLE_NOISE.sub(" ", posting.title))[0]
    core = _title_words(_TITLE_NOISE.sub(" ", posting.title))
    if len(core) < 2:
        # "Associate, Medical Policy Development": the title goes on after the comma
        core = _title_words(re.sub(r"\([^)]*\)|[,]", " ", re.split(r"\s+[-–—|]\s+", posting.title)[0]))
    core = core or _title_words(posting.title)
    if not core:
        return None
    head = (_title_words(head_part) or core)[-1]
    lines = [e.title for e in resume.experience if e.title]
    lines += [ln.text for ln in resume.document.lines[:6] if _title_like(ln.text)]
    need = len(core) if len(core) < 4 else len(core) - 1
    best, best_line, hit = 0, "", ""
    for line in lines:
        have = set(_title_words(line))
        n = sum(1 for w in core if w in have)
        if n > best:
            best, best_line = n, line
        if not hit and n >= need and head in have:
            hit = line
    # the title without the place or department after a dash ("Patient Service Rep - Cedars-Sinai ...")
    # and without a note in brackets ("Biller (job description)", "Coder (Remote)")
    shown = " ".join(re.sub(r"\([^()]*\)", " ", re.split(r"\s+[-–—|]\s+", posting.title)[0]).split())
    shown = shown or posting.title.strip()
    if hit:
        return RequirementCheck(
            "title", "met", f'Job title: your resume names "{shown}" or a close variant.',
            f'resume: "{hit.strip()[:80]}"',
        )
    return RequirementCheck(
        "title", "not met",
        f'Job title: the posting\'s title is "{shown}"; no title or headline in your resume names it '
        "or a close variant. If a role of yours was this job, use the posting's wording for it "
        "(only if true).",
        f'closest resume line: "{best_line.strip()[:80]}"' if best_line else "no job titles were read",
    )


def _month(value: str | None, today: date) -> int | None:
    if not value:
        return None
    if value == "present":
        return today.year * 12 + today.month - 1
    m = re.match(r"(\d{4})(?:-(\d{2}))?", value)
    if not m:
        return None
    return int(m.group(1)) * 12 + (int(m.group(2)) - 1 if m.group(2) else 0)


def resume_years(resume: Resume, today: date) -> float | None:
    """Years covered by the resume's dated roles, overlaps counted once; None when none is dated."""
    return _resume_years(resume, today)[0]


def _resume_years(resume: Resume, today: date) -> tuple[float | None, int]:
    """(years, roles whose span could not be read): a role with one date only (no end read, or
    the end read as its start month) has an unknown length, so a total short of the ask is not
    a "not met"."""
    spans, open_roles = [], 0
    for e in resume.experience:
        a = _month(e.start, today)
        b = _month(e.end, today) if e.end else None
        if a is not None and (b is None or b == a):
            open_roles += 1
            b = a
        if a is None or b is None or b < a:
            continue
        spans.append((a, b + 1))
    if not spans:
        return None, open_roles
    spans.sort()
    total, cur_a, cur_b = 0, spans[0][0], spans[0][1]
    for a, b in spans[1:]:
        if a > cur_b:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    total += cur_b - cur_a
    return total / 12, open_roles


def posting_years(posting: Posting) -> tuple[int, str, bool] | None:
    """(years, the words that ask, preferred) for the first years-of-experience ask."""
    text = posting.text
    for m in _YEARS.finditer(text):
        rest = m.group(2) or ""
        before = text[max(0, m.start() - 25) : m.start()]
        if _NOT_EXPERIENCE.search(rest) or _NOT_BEFORE.search(before):
            continue  # "within the last three years", "after a minimum of 1 year", "over three years ago"
        line_a = text.rfind("\n", 0, m.start()) + 1
        line_b = text.find("\n", m.end())
        line = text[line_a : line_b if line_b >= 0 else len(text)]
        # the sentence that asks: glued PDF text ("preferred.Experience:Two (2) years") splits too
        sentence = next(
            (x for x in _SENTENCE.split(line) if m.group(0).strip()[:20] in x), line
        )
        if not (_EXPERIENCE_WORDS.search(rest) or _EXPERIENCE_WORDS.search(sentence.split(m.group(1))[0])):
            continue
        n = _num(m.group(1))
        if not 0 < n <= 30:
            continue
        pref = is_hedged(re.sub(r"\([^()]*\)", " ", sentence))
        words = m.group(0)
        if len(rest) >= 80 and m.end() < len(text) and text[m.end()] not in ".;\n":
            if text[m.end()].isalnum():  # cut inside a word: drop its start
                words = words[: words.rstrip().rfind(" ")]
            words = words.rstrip(" ,") + " ..."
        return n, " ".join(words.split()).rstrip(" ,"), pref
    return None


def check_years(posting: Posting, resume: Resume, today: date) -> RequirementCheck | None:
    asked = posting_years(posting)
    if asked is None:
        return None
    n, words, preferred = asked
    kind = "prefers" if preferred else "asks for"
    have, open_roles = _resume_years(resume, today)
    if have is not None and have + 1e-9 < n and open_roles:
        return RequirementCheck(
            "years", "unclear",
            f'Years of experience: the posting {kind} "{words}"; your dated roles cover at least '
            f"{have:.1f} years, but {open_roles} role(s) show one date only, so the total could not "
            "be read. Write each role's dates as a range on one line (Jan 2019 – Mar 2022).",
            f'posting: "{words}"; resume: at least {have:.1f} years of dated roles, '
            f"{open_roles} with one date only",
        )
    if have is None:
        return RequirementCheck(
            "years", "unclear",
            f'Years of experience: the posting {kind} "{words}"; no role in your resume has dates '
            "that could be read, so this could not be checked.",
            f'posting: "{words}"',
        )
    status = "met" if have + 1e-9 >= n else "not met"
    return RequirementCheck(
        "years", status,
        f'Years of experience: the posting {kind} "{words}"; your dated roles cover about '
        f"{have:.1f} years in all (every kind of work; check how much of it is the kind asked for).",
        f'posting: "{words}"; resume: {have:.1f} years of dated roles',
    )


def _level(text: str) -> tuple[int, str] | None:
    for level, name, pat in _EDU:
        if pat.search(text):
            return level, name
    return None


def check_education(posting: Posting, resume: Resume) -> RequirementCheck | None:
    asked: tuple[int, str, str, bool] | None = None
    for sent in re.split(r"(?<=[.;])\s+|\n", posting.text):
        lv = None
        for level, name, pat in sorted(_EDU):  # lowest level named in the sentence is the minimum
            if pat.search(sent):
                lv = (level, name)
                break
        if lv is None:
            continue
        pref = is_hedged(sent) and not re.search(r"\brequired\b|\bminimum\b", sent, re.I)
        cand = (lv[0], lv[1], sent.strip()[:120], pref)
        if asked is None or (asked[3] and not pref) or (asked[3] == pref and lv[0] < asked[0]):
            asked = cand
    if asked is None:
        return None
    level, name, sentence, pref = asked
    kind = "prefers" if pref else "asks for"
    texts = [" ".join(filter(None, (e.degree, e.school, e.text))) for e in resume.education]
    found = [x for x in (_level(t) for t in texts) if x]
    if not found and not texts:
        return RequirementCheck(
            "education", "unclear",
            f"Education: the posting {kind} {name}; no education was read from your resume. "
            "Add an Education section if you have one.",
            f'posting: "{sentence}"',
        )
    if not found:
        return RequirementCheck(
            "education", "unclear",
            f"Education: the posting {kind} {name}; the education in your resume does not name "
            "a level that could be compared. Write the degree or diploma in words.",
            f'posting: "{sentence}"; resume: "{texts[0][:80]}"',
        )
    best = max(found)
    status = "met" if best[0] >= level else "not met"
    return RequirementCheck(
        "education", status,
        f"Education: the posting {kind} {name}; your resume shows {best[1]}.",
        f'posting: "{sentence}"',
    )


def check_credential_status(
    posting: Posting, resume_ids: set[str], entries: dict[str, Entry]
) -> list[RequirementCheck]:
    """Credentials the posting lets you earn after hire, and a held apprentice credential (CPC-A)
    where the posting asks for the full one."""
    out: list[RequirementCheck] = []
    for m in _WITHIN.finditer(posting.text):
        text = " ".join(m.group(0).split())
        if not re.search(r"certif|credential|qualif|licen|registr|CPC|CCS|RHIT|NCCQ|ACC", text, re.I):
            continue
        out.append(RequirementCheck(
            "credential", "note",
            f'Credential status: the posting accepts the credential later ("{text[:140]}"). '
            "Not holding it yet does not rule you out; say when you expect to earn it.",
            f'posting: "{text[:140]}"',
        ))
        break
    asked = {r.ids[0] for r in posting.requirements if len(r.ids) == 1 and r.required}
    asked |= {k.entry_id for k in posting.keywords if k.required}
    for i in sorted(asked):
        e = entries.get(i)
        if not e or e.category != "credential" or i in resume_ids:
            continue
        apprentice = [j for j in sorted(resume_ids) if j.startswith(i + "-") and entries.get(j)
                      and entries[j].category == "credential"]
        if apprentice:
            held = ", ".join(entries[j].term for j in apprentice)
            out.append(RequirementCheck(
                "credential", "not met",
                f"Credential status: the posting asks for {e.term}; your resume shows {held}, "
                f"the apprentice level of it. If the posting does not say {held} is accepted, ask; "
                f"list {held} exactly as it is.",
                f"posting: {e.term}; resume: {held}",
            ))
    return out


def requirement_checks(
    resume: Resume,
    posting: Posting | None,
    role: Role,
    resume_ids: set[str],
    entries: dict[str, Entry],
    today: date,
) -> list[RequirementCheck]:
    """Every check that applies; none without a posting (see the module docstring)."""
    if posting is None:
        return []
    out: list[RequirementCheck] = []
    for check in (check_title(posting, resume), check_years(posting, resume, today),
                  check_education(posting, resume)):
        if check is not None:
            out.append(check)
    out.extend(check_credential_status(posting, resume_ids, entries))
    return out
