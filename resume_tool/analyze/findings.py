"""ATS findings: what a parser will fail to read, and what exactly to change.

Every finding has a stable ``code`` (documented in the README), a severity, a
message, where it applies and a concrete fix. Each check is a small function of
the resume (and, for keyword checks, the keyword results), so both sides of every
rule can be tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from ..models import Entry, ExperienceEntry, Finding, KeywordResult, Resume
from ..structure import chronology_key, date_style
from ..structure.headings import heading_slip

MIN_WORDS = 200
MAX_WORDS = 1200
MAX_PAGES = 2
STUFFING_MIN_COUNT = 10
STUFFING_SHARE = 0.02
STUFFING_ABSOLUTE = 15
YEARS_OF_DETAIL = 10
MAX_BULLET_CHARS = 1000  # longer "bullets" are run-on text; results are read from the start

# Numbers that are codes, not results: ICD-10, 99213, modifier 25, J1100, 837P, CMS-1500, years.
_CODE_LIKE = re.compile(
    r"\b(?:ICD|CPT|HCPCS|OPCS|DRG|MS-DRG|APR-DRG|CMS|UB|HCFA|V)[-\s]?\d+[A-Z]?(?:[-\s][A-Z]{2,3})?\b"
    r"|\bmodifiers?\s+\d{2}(?:\s*(?:,|and|&|/)\s*\d{2})*\b"
    r"|\b[A-Z]\d{2}(?:\.\d{1,4})?\b|\b[A-Z]\d{4}\b|\b\d{4}[FT]\b|\b\d{3}[PI]\b"
    r"|\b\d{5}(?:-\d{5})?\b|\b(?:19|20)\d\d\b|\b\d{3}/\d{3}\b|\bE/M\s+\d+",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"(?<!\d)\d+(?:\.\d+)?\s*%|[$£€]\s?\d|\b\d+(?:\.\d+)?\s*(?:percent|k|m|million|thousand)\b"
    r"|\b(?<![\d,.])\d[\d,]{0,12}(?:\.\d+)?\+?\s+(?:[a-z-]{1,30}\s+){0,2}"
    r"(?:charts?|claims?|accounts?|providers?|physicians?|encounters?|records?|patients?|"
    r"days?|hours?|cases?|audits?|codes?|coders?|staff|employees?|members?|visits?|"
    r"denials?|appeals?|reports?|clinics?|facilities|sites?|specialties|per\b|a\s+day|daily|"
    r"weekly|monthly|people|students?|physicians?|locations?|beds?|hospitals?)",
    re.IGNORECASE,
)


def _finding(code: str, severity: str, message: str, fix: str, where: str = "") -> Finding:
    return Finding(code=code, severity=severity, message=message, fix=fix, where=where)  # type: ignore[arg-type]


def check_no_text(resume: Resume) -> list[Finding]:
    if resume.document.observed("no-text") or resume.words < 5:
        return [
            _finding(
                "no-text",
                "error",
                "No readable text: the file looks scanned or image-only, so an ATS sees a blank page.",
                "Export the resume from Word or Google Docs as DOCX or as a text-based PDF; "
                "do not scan or photograph it.",
                "whole document",
            )
        ]
    return []


def check_contact(resume: Resume) -> list[Finding]:
    c = resume.contact
    out: list[Finding] = []
    off_body = sorted(
        f for f in ("name", "email", "phone", "location") if c.found_in.get(f) in ("header", "footer")
    )
    if off_body:
        severe = any(f in off_body for f in ("email", "phone"))
        out.append(
            _finding(
                "contact-in-header-footer",
                "error" if severe else "warning",
                f"Contact details ({', '.join(off_body)}) are in the page header or footer, "
                "which many ATS skip.",
                "Move your name, email and phone into the first lines of the document body.",
                "page header/footer",
            )
        )
    missing = [f for f in ("email", "phone") if getattr(c, f) is None]
    if missing and not check_no_text(resume):
        out.append(
            _finding(
                "missing-contact",
                "error" if len(missing) == 2 else "warning",
                f"No {' or '.join(missing)} found anywhere in the resume.",
                "Put an email address and a phone number on their own lines under your name.",
                "top of the resume",
            )
        )
    return out


_LAYOUT = {
    "table": (
        "table-layout",
        "warning",
        "Part of the resume is laid out in a table; many ATS read table cells out of order or skip them.",
        "Rebuild the content as ordinary paragraphs and bullet lists in one column.",
    ),
    "text-box": (
        "text-box",
        "warning",
        "Text sits in a text box or shape, which most ATS do not read.",
        "Move the text out of the text box into the body of the document.",
    ),
    "multi-column": (
        "multi-column",
        "warning",
        "The page has more than one column; simple parsers read across columns and mix lines up.",
        "Use a single-column layout; put sidebar content (skills, certifications) in its own section.",
    ),
    "hidden-text": (
        "hidden-text",
        "error",
        "The file contains hidden or white text; ATS and recruiters treat this as keyword stuffing.",
        "Delete the hidden text; list only skills you have, in visible text.",
    ),
    "tiny-font": (
        "hidden-text",
        "error",
        "The file contains text in a font too small to read (under 4 pt), a keyword-stuffing trick.",
        "Delete the tiny text or set it to a readable size (10–12 pt).",
    ),
}


def check_layout(resume: Resume) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    for obs in resume.layout:
        spec = _LAYOUT.get(obs.kind)
        if not spec or spec[0] in seen:
            continue
        code, severity, message, fix = spec
        seen.add(code)
        where = obs.sample[:80] if obs.sample else obs.detail
        if obs.page:
            where = f"page {obs.page}: {where}"
        out.append(_finding(code, severity, message, fix, where))
    return out


_SUGGESTED = {
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "certifications": "Certifications",
    "skills": "Skills",
    "other": "a standard heading",
}


def check_headings(resume: Resume) -> list[Finding]:
    out: list[Finding] = []
    for s in resume.sections:
        if not s.standard:
            slip = heading_slip(s.heading)  # "Professional Summery": say what it is a slip of
            out.append(
                _finding(
                    "nonstandard-heading",
                    "warning",
                    f'The heading "{s.heading}" looks like a misspelling of "{slip}"; ATS look for the exact word.'
                    if slip
                    else f'The heading "{s.heading}" is not one ATS recognise reliably.',
                    f'Correct it to "{slip}".' if slip else f'Rename it to "{_SUGGESTED[s.kind]}".',
                    f'heading "{s.heading}"',
                )
            )
    kinds = {s.kind for s in resume.sections}
    required = (
        ("experience", "warning", "Experience"),
        ("education", "warning", "Education"),
        ("skills", "warning", "Skills"),
        ("certifications", "info", "Certifications"),
    )
    if check_no_text(resume):
        return out
    for kind, severity, name in required:
        if kind not in kinds:
            out.append(
                _finding(
                    "missing-section",
                    severity,
                    f'No "{name}" section was found.',
                    f'Add a section headed "{name}"'
                    + (" listing each credential with its full name." if kind == "certifications" else "."),
                    name,
                )
            )
    return out


def _role_key(e: ExperienceEntry) -> tuple[tuple[int, int], tuple[int, int]]:
    return chronology_key(e.end or e.start), chronology_key(e.start)


def out_of_order(resume: Resume) -> ExperienceEntry | None:
    """The first role dated later than the role above it in the same section.

    Work, Volunteer and Leadership sections each keep their own order.
    """
    above: dict[int, ExperienceEntry] = {}
    for e in resume.experience:
        if not e.start:
            continue
        first = e.lines[0] if e.lines else -1
        section = next((s.first_line for s in resume.sections if s.first_line <= first <= s.last_line), -1)
        if section in above and _role_key(e) > _role_key(above[section]) and chronology_key(e.start) > chronology_key(above[section].start):
            return e
        above[section] = e
    return None


def check_dates(resume: Resume, today: date) -> list[Finding]:
    out: list[Finding] = []
    dated = [e for e in resume.experience if e.start]
    e = out_of_order(resume)
    if e is not None:
        out.append(
            _finding(
                "not-reverse-chronological",
                "warning",
                "Experience is not in reverse-chronological order; ATS and recruiters expect "
                "the most recent role first.",
                "Order roles by end date, current roles first (the reverse-chronological draft "
                "this tool makes does this).",
                f"{e.title or e.employer or 'entry'} ({e.date_text})",
            )
        )
    cutoff = (today.year - YEARS_OF_DETAIL, today.month)
    old = [e for e in dated if e.end != "present" and chronology_key(e.end or e.start) < cutoff and e.bullets]
    if old:
        names = "; ".join(f"{e.title or e.employer or 'role'} ({e.date_text})" for e in old[:3])
        if len(old) > 3:
            names += f"; and {len(old) - 3} more"  # the count and the list always agree
        out.append(
            _finding(
                "experience-older-than-10-years",
                "info",
                f"{len(old)} role(s) ended more than {YEARS_OF_DETAIL} years ago and still carry full detail.",
                "Condense older roles to title, employer and years in an 'Earlier experience' list.",
                names,
            )
        )
    for e in resume.experience:
        if "date-unparsed" in e.problems:
            out.append(
                _finding(
                    "date-unparsed",
                    "warning",
                    "Dates for this role could not be read.",
                    'Write dates as "Mar 2021 – Present" or "03/2021 – 06/2023" on the title line.',
                    e.title or e.employer or e.date_text or "experience entry",
                )
            )
    for e in resume.experience:
        for problem, text in (
            ("end-before-start", "ends before it starts"),
            ("future-date", "has a date in the future"),
        ):
            if problem in e.problems:
                out.append(
                    _finding(
                        "date-inconsistent",
                        "warning",
                        f"The role {e.title or e.employer or ''} {text} ({e.date_text}).",
                        "Correct the dates; write the start first and the end (or 'Present') second.",
                        e.date_text,
                    )
                )
    styles = {date_style(e.date_text) for e in dated if e.date_text}
    styles.discard("year")
    if len(styles) > 1:
        out.append(
            _finding(
                "date-inconsistent",
                "info",
                "Dates are written in mixed formats (month names and numbers).",
                'Use one format throughout, e.g. "Mar 2021 – Present".',
                "experience dates",
            )
        )
    return out


def has_quantified_result(bullets: Iterable[str]) -> bool:
    """True when a bullet carries a number, percentage or amount that is not a code or a year."""
    for bullet in bullets:
        # one bullet is a line: bounding it keeps both patterns linear on a 100 KB run-on "bullet"
        text = _CODE_LIKE.sub(" ", bullet[:MAX_BULLET_CHARS])
        if _RESULT.search(text):
            return True
    return False


def check_results(resume: Resume) -> list[Finding]:
    bullets = [b for e in resume.experience for b in e.bullets]
    if bullets and not has_quantified_result(bullets):
        return [
            _finding(
                "no-quantified-results",
                "info",
                "No experience bullet carries a number (accuracy %, charts per day, denial rate, $ recovered).",
                "Where true, add measurable results, e.g. 'Maintained 96% coding accuracy on 120 charts/day'.",
                "Experience",
            )
        ]
    return []


def check_length(resume: Resume) -> list[Finding]:
    if check_no_text(resume):
        return []
    if resume.words < MIN_WORDS:
        return [
            _finding(
                "length",
                "warning",
                f"The resume has only {resume.words} words; ATS have little to match.",
                "Describe each role with 3–6 bullets and add a Skills section (aim for 400–800 words).",
            )
        ]
    if resume.words > MAX_WORDS or resume.pages > MAX_PAGES:
        return [
            _finding(
                "length",
                "info",
                f"The resume is long ({resume.words} words, {resume.pages} pages).",
                "Keep to two pages: condense older roles and repeated bullets.",
            )
        ]
    return []


def check_file_type(resume: Resume) -> list[Finding]:
    if resume.format == "text":
        return [
            _finding(
                "file-type",
                "warning",
                "This is a plain-text file; application portals expect DOCX or PDF.",
                "Save the resume as DOCX (safest for ATS) or as a text-based PDF.",
            )
        ]
    if resume.format == "pdf" and resume.document.observed("unmapped-glyphs"):
        return [
            _finding(
                "file-type",
                "info",
                "The PDF uses icon fonts or symbols that text extraction cannot map.",
                "Replace icons with plain words (Email, Phone) or upload a DOCX.",
            )
        ]
    return []


def check_keywords(
    results: list[KeywordResult],
    entries: dict[str, Entry],
    resume_ids: set[str],
    words: int,
    posting_forms: dict[str, tuple[bool, bool]] | None = None,
) -> list[Finding]:
    """Keyword findings. ``posting_forms`` maps an entry id to (posting wrote the acronym,
    posting wrote the long form); ``None`` means there is no posting."""
    out: list[Finding] = []
    for k in results:
        if not k.target or not k.in_resume or not (k.acronym and k.long_form):
            continue
        if k.acronym == k.long_form or (k.has_acronym and k.has_long_form):
            continue
        if not (k.has_acronym or k.has_long_form):
            continue  # satisfied through a more specific term
        have, lack = (k.acronym, k.long_form) if k.has_acronym else (k.long_form, k.acronym)
        if posting_forms is None:
            # No posting to say which form a recruiter searches: credentials and code sets only.
            if k.category not in ("credential", "code_set"):
                continue
        else:
            p_acr, p_long = posting_forms.get(k.id, (False, False))
            if not (p_long if k.has_acronym else p_acr):
                continue  # the posting uses the same form the resume has
        out.append(
            _finding(
                "acronym-long-form",
                "warning" if k.required else "info",
                f'The resume has "{have}" but not "{lack}"; many ATS match the exact words only.',
                f'Write both once, e.g. "{k.long_form} ({k.acronym})".',
                k.term,
            )
        )
    for k in results:
        # only a posting "asks": without one (or for a role-profile term) an apprentice
        # credential such as CPC-A is the normal one at entry level, not a shortfall
        if posting_forms is None or k.source != "posting":
            continue
        if not k.target or k.in_resume or k.category != "credential":
            continue
        variants = [
            i for i in resume_ids
            if entries.get(i) and entries[i].category == "credential"
            and (i.startswith(k.id + "-") or k.id.startswith(i + "-"))
        ]  # fmt: skip
        if variants:
            names = ", ".join(entries[i].term for i in sorted(variants))
            out.append(
                _finding(
                    "credential-variant",
                    "warning",
                    f"The posting asks for {k.term}; the resume shows {names}, a different credential.",
                    f"If you hold {k.term}, list it exactly; otherwise keep {names} and "
                    "say when you expect to earn it.",
                    k.term,
                )
            )
    for i in sorted(resume_ids):
        e = entries.get(i)
        if e and e.legacy:
            current = entries.get(e.replaced_by or "")
            now = f" The current term is {current.term}." if current else ""
            out.append(
                _finding(
                    "legacy-term",
                    "info",
                    f"{e.term} is a retired term.{now}",
                    (f"Keep it as history, and write {current.term} where it applies to your work."
                     if current else "Keep it as history and add the current term if it applies."),
                    e.term,
                )
            )
    for k in results:
        if k.resume_count >= STUFFING_ABSOLUTE or (
            k.resume_count >= STUFFING_MIN_COUNT and words and k.resume_count / words >= STUFFING_SHARE
        ):
            out.append(
                _finding(
                    "keyword-stuffing",
                    "warning",
                    f'"{k.term}" appears {k.resume_count} times; repetition far beyond natural use '
                    "reads as keyword stuffing.",
                    "Mention it in your skills and where you used it, two to four times in all.",
                    k.term,
                )
            )
    return out


def check_template_and_language(resume: Resume) -> list[Finding]:
    """Template text left in the file (issue 11), and a resume not in English (our lists are)."""
    out: list[Finding] = []
    found = resume.placeholders
    if found:
        sample = "; ".join(f'"{p}"' for p in found[:4])
        out.append(
            _finding(
                "template-text",
                "warning",
                f"Template text is still in the resume ({sample}); an ATS and a recruiter read it "
                "as written.",
                "Replace each placeholder with your own details, or delete it.",
            )
        )
    language = resume.language
    if language:
        out.append(
            _finding(
                "not-english",
                "info",
                f"This resume seems to be in {language}; the keyword lists are English, so "
                "keyword results and heading checks say little about it.",
                "Compare it with a posting in the same language, or check an English version.",
            )
        )
    return out


def check_confusable_characters(resume: Resume) -> list[Finding]:
    """Words spelled with look-alike letters (Cyrillic "СРС" for CPC) or holding invisible
    format characters (a right-to-left override, tag characters): an ATS search for the
    word will not find them. Added for issue 15; one finding listing up to five words."""
    import unicodedata

    from ..read.normalize import CONFUSABLES

    bad: list[str] = []
    for line in resume.document.lines:
        text = line.text
        if text.isascii():
            continue
        for word in text.split():
            if word.isascii() or len(word) > 40:
                continue
            hidden = [c for c in word if unicodedata.category(c) == "Cf"]
            plain = "".join(c for c in word if unicodedata.category(c) != "Cf")
            skeleton = "".join(CONFUSABLES.get(c, c) for c in plain)
            looks = [c for c in plain if c in CONFUSABLES]
            latin = any(c.isascii() and c.isalpha() for c in plain)
            core = skeleton.strip(".,;:()[]")
            if hidden and core.isascii():
                what = f"an invisible character (U+{ord(hidden[0]):04X})"
            elif looks and skeleton.isascii() and (latin or (core.isupper() and len(core) <= 6)):
                script = unicodedata.name(looks[0], "").split(" ")[0].title() or "foreign"
                what = f"a {script} letter ({looks[0]}) that looks Latin"
            else:
                continue
            item = f'"{core}" contains {what}'
            if item not in bad:
                bad.append(item)
    if not bad:
        return []
    return [
        _finding(
            "confusable-characters",
            "warning",
            f"{'; '.join(bad[:5])}; an ATS will not match it.",
            "Delete the word and type it again with ordinary letters (no copy-paste from a web page).",
            bad[0],
        )
    ]


RESUME_CHECKS: tuple[Callable[[Resume], list[Finding]], ...] = (
    check_template_and_language,
    check_no_text,
    check_file_type,
    check_contact,
    check_layout,
    check_headings,
    check_results,
    check_length,
    check_confusable_characters,
)

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def resume_findings(resume: Resume, today: date) -> list[Finding]:
    out: list[Finding] = []
    for check in RESUME_CHECKS:
        out.extend(check(resume))
    out.extend(check_dates(resume, today))
    return out

