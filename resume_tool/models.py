"""Plain dataclasses passed between the pipeline stages.

read → structure → match → analyze → render. Each stage takes the previous
stage's dataclass and returns its own; no stage reaches into another's
internals. ``to_dict()`` gives the JSON shape used by ``parse --format json``
and by the ``resume`` object of the check report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # the writing stage's own dataclasses; imported lazily (it loads a speller)
    from .writing.models import WritingReview

Source = Literal["body", "table", "header", "footer", "textbox"]
Format = Literal["docx", "pdf", "text"]
Severity = Literal["error", "warning", "info"]
SectionKind = Literal[
    "contact", "summary", "experience", "education", "certifications", "skills", "other"
]


# ---------------------------------------------------------------- read stage
@dataclass
class Line:
    """One line of text as a simple ATS would read it, with where it came from."""

    text: str
    source: Source = "body"
    page: int | None = None  # 1-based; PDFs only (DOCX has no reliable pages)
    column: int | None = None  # 1-based column on a multi-column PDF page, else None
    style: str | None = None  # DOCX paragraph style name ("Heading 1", "List Bullet")
    bold: bool = False
    font_size: float | None = None  # points, when known
    list_item: bool = False  # a Word list paragraph or a line that began with a bullet glyph
    hyperlinks: list[str] = field(default_factory=list)  # targets of links on this line


@dataclass
class Observation:
    """A layout fact a later check needs (tables, text boxes, hidden text, ...)."""

    kind: str  # see READ_OBSERVATIONS below
    detail: str
    count: int = 1
    sample: str = ""  # a short excerpt of the text concerned
    page: int | None = None


# Observation kinds produced by the readers.
READ_OBSERVATIONS = (
    "table",  # content laid out in a table (DOCX tables)
    "text-box",  # content in a text box / shape
    "header-footer",  # text in a page header or footer (sample says which)
    "multi-column",  # a PDF page read as more than one column
    "hidden-text",  # vanished, white or near-white text
    "tiny-font",  # text under 4 pt
    "no-text",  # a PDF without a usable text layer (scanned / image-only)
    "unmapped-glyphs",  # (cid:NN) or private-use glyphs dropped while normalizing
    "images",  # the document holds pictures (count)
)


@dataclass
class Document:
    """What a reader recovered from one file, before any interpretation."""

    path: str
    format: Format
    lines: list[Line]
    pages: int = 1
    observations: list[Observation] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def observed(self, kind: str) -> list[Observation]:
        return [o for o in self.observations if o.kind == kind]


# ----------------------------------------------------------- structure stage
@dataclass
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None  # "City, ST" as written
    urls: list[str] = field(default_factory=list)
    # field name -> where it was found ("body", "header", "footer", "table", "textbox")
    found_in: dict[str, str] = field(default_factory=dict)


@dataclass
class Section:
    heading: str
    kind: SectionKind
    standard: bool  # a heading ATS parsers recognise ("Experience", not "My Journey")
    first_line: int  # index into Document.lines of the heading line
    last_line: int  # index of the last line of the section (inclusive)
    heading_lines: int = 1  # a heading wrapped over lines ("WORK" / "EXPERIENCE") spans several


@dataclass
class ExperienceEntry:
    title: str | None
    employer: str | None
    location: str | None
    start: str | None  # "YYYY-MM", "YYYY" or None when unparsed
    end: str | None  # "YYYY-MM", "YYYY", "present" or None
    bullets: list[str] = field(default_factory=list)
    date_text: str = ""  # the dates as written
    lines: list[int] = field(default_factory=list)  # indices into Document.lines
    problems: list[str] = field(default_factory=list)  # "date-unparsed", "end-before-start", "future-date"


@dataclass
class EducationEntry:
    degree: str | None
    school: str | None
    start: str | None = None
    end: str | None = None
    text: str = ""


@dataclass
class Resume:
    """The structured resume; its JSON is the ``resume`` object of the report."""

    path: str
    format: Format
    pages: int
    words: int
    contact: Contact
    sections: list[Section]
    experience: list[ExperienceEntry]
    education: list[EducationEntry]
    certifications: list[str]
    skills: list[str]
    layout: list[Observation]
    document: Document  # kept for matching offsets and "what an ATS sees"
    # added by issue 11 (not in to_dict yet): a layout family read its own way ("linkedin"),
    # the language the headings are in when not English, and template text left in the file
    layout_family: str | None = None
    language: str | None = None
    placeholders: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        c = self.contact
        return {
            "path": self.path,
            "format": self.format,
            "pages": self.pages,
            "words": self.words,
            "contact": {
                "name": c.name,
                "email": c.email,
                "phone": c.phone,
                "location": c.location,
                "urls": list(c.urls),
                "found_in": dict(c.found_in),
            },
            "sections": [
                {"heading": s.heading, "kind": s.kind, "standard": s.standard}
                for s in self.sections
            ],
            "experience": [
                {
                    "title": e.title,
                    "employer": e.employer,
                    "location": e.location,
                    "start": e.start,
                    "end": e.end,
                    "date_text": e.date_text,
                    "bullets": list(e.bullets),
                    "problems": list(e.problems),
                }
                for e in self.experience
            ],
            "education": [asdict(e) for e in self.education],
            "certifications": list(self.certifications),
            "skills": list(self.skills),
            "layout": [asdict(o) for o in self.layout],
        }


# --------------------------------------------------------------- match stage
@dataclass
class Entry:
    """One concept of a keyword list (see keyword_lists/README.md for the schema)."""

    id: str
    term: str
    category: str
    weight: float = 1.0
    acronym: str | None = None
    long_form: str | None = None
    aliases: list[str] = field(default_factory=list)
    legacy: bool = False
    replaced_by: str | None = None  # for legacy entries: the id of the current term
    satisfies: list[str] = field(default_factory=list)  # ids this entry also counts for
    combines: list[str] = field(default_factory=list)  # "ICD-10-CM/PCS": names each of these
    case_sensitive: list[str] = field(default_factory=list)  # forms matched only as written
    needs_context: list[str] = field(default_factory=list)  # ambiguous forms that need evidence
    context: list[str] = field(default_factory=list)  # extra words that count as evidence
    source: str = ""  # file the entry came from


@dataclass
class Role:
    """A role profile: weights and core terms over the shared vocabulary."""

    id: str
    name: str
    description: str = ""
    core: list[str] = field(default_factory=list)  # entry ids every resume for the role needs
    weights: dict[str, float] = field(default_factory=dict)  # entry id -> weight override
    terms: list[str] = field(default_factory=list)  # further entry ids the role looks for
    titles: list[str] = field(default_factory=list)  # job titles that suggest this role
    source: str = ""


@dataclass
class Match:
    """One keyword occurrence in a text."""

    entry_id: str
    surface: str  # the text as written
    start: int  # character offsets into the matched text
    end: int
    form: Literal["acronym", "long_form", "term", "alias"] = "term"
    section: str | None = None  # section kind where it stands (resume) or posting part
    sentence: str = ""  # the sentence around it, for the report


@dataclass
class AcronymDefinition:
    """"Long Form (LF)" or "LF (Long Form)" found in a text (Schwartz & Hearst 2003)."""

    short: str
    long: str
    start: int
    end: int


@dataclass
class PostingKeyword:
    entry_id: str
    count: int
    required: bool  # named outside a hedged "preferred / nice to have" context at least once
    preferred: bool  # named in a preferred context at least once (both can be true)
    sentences: list[str] = field(default_factory=list)


@dataclass
class Requirement:
    """One thing a posting asks for: any of ``ids`` satisfies it ("CPC, COC or CCS")."""

    ids: list[str]  # keyword-list ids, in the posting's order; more than one = either-or
    required: bool  # False: only in hedged ("preferred", "a plus") text
    sentence: str = ""  # the sentence that asks
    or_equivalent: bool = False  # "CPC or equivalent": a comparable credential may do


@dataclass
class Posting:
    path: str | None
    title: str | None
    text: str  # text after boilerplate was stripped
    keywords: list[PostingKeyword] = field(default_factory=list)
    unknown_terms: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    definitions: list[AcronymDefinition] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)  # either-or lists grouped
    domain: str = "coding"  # "coding" (medical coding/billing/HIM), "healthcare" or "not-healthcare"
    domain_evidence: list[str] = field(default_factory=list)  # why, in words


@dataclass
class Vocabulary:
    """Every entry and role profile loaded from the keyword lists."""

    entries: dict[str, Entry]
    roles: dict[str, Role]
    sources: list[str] = field(default_factory=list)  # folders read, in order


# ------------------------------------------------------------- analyze stage
@dataclass
class KeywordResult:
    id: str
    term: str
    acronym: str | None
    long_form: str | None
    category: str
    weight: float
    required: bool
    core: bool
    in_posting: bool
    posting_count: int
    in_resume: bool
    resume_count: int
    resume_forms: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    satisfied_by: list[str] = field(default_factory=list)  # ids of entries that satisfied it
    has_acronym: bool = False
    has_long_form: bool = False
    posting_sentences: list[str] = field(default_factory=list)
    points: float = 0.0  # contribution to the score
    max_points: float = 0.0  # what it could have contributed
    target: bool = False  # part of the score's target set
    source: str = "role"  # "posting": the posting asks for it; "role": only the role profile does (a keyword the posting only mentions has in_posting true and source "role")
    alternatives: list[str] = field(default_factory=list)  # other ids of its "one of" requirement
    or_equivalent: bool = False  # the posting accepts "X or equivalent/similar"
    hint: str = ""  # what exactly to write (a broader form in the resume, a narrower in the posting)


@dataclass
class Finding:
    code: str
    severity: Severity
    message: str
    fix: str
    where: str = ""


@dataclass
class RequirementCheck:
    """A requirement beyond keywords (title, years, education, credential status); never scored."""

    kind: str  # "title", "years", "education", "credential"
    status: str  # "met", "not met", "unclear", "note"
    message: str
    evidence: str = ""  # the posting's words, and what the resume shows


@dataclass
class SubScore:
    """One 0-100 sub-score shown beside the keyword score (see analyze/subscores.py)."""

    name: str  # "keywords", "format", "writing"
    score: int | None  # None: not scored (nothing to read, or the keyword lists do not apply)
    explanation: list[str] = field(default_factory=list)


@dataclass
class Report:
    schema_version: str
    score_version: str
    tool_version: str
    score: int
    band: str
    role: str
    role_name: str
    role_inferred: bool
    resume: Resume
    posting: Posting | None
    keywords: list[KeywordResult]
    findings: list[Finding]
    to_consider: list[dict[str, str]] = field(default_factory=list)  # never-invent list
    score_explanation: list[str] = field(default_factory=list)
    domain: str = "coding"  # see Posting.domain; without a posting, decided from the resume
    domain_evidence: list[str] = field(default_factory=list)
    checks: list[RequirementCheck] = field(default_factory=list)
    writing: WritingReview | None = None  # line-by-line notes (issue 13); filled by api.check
    sub_scores: list[SubScore] = field(default_factory=list)  # keywords, format, writing


# ------------------------------------------------- many postings, one resume
@dataclass
class PostingFit:
    """One posting's place in a ranking: its full single-posting report (the same one
    ``check --posting`` builds, so the scores agree exactly)."""

    name: str  # the posting as the user named it (file path)
    report: Report
    missing_required: list[str] = field(default_factory=list)  # keyword ids the posting requires, not found

    @property
    def scored(self) -> bool:
        return self.report.band != "not scored"


@dataclass
class KeywordPayoff:
    """A keyword the postings ask for and the resume lacks, with what adding it (only if true)
    would do to each posting's score, the others unchanged."""

    id: str
    term: str  # the entry's term
    one_of: list[str] = field(default_factory=list)  # terms of an either-or requirement, this one first
    required_in: list[str] = field(default_factory=list)  # names of postings that require it
    preferred_in: list[str] = field(default_factory=list)  # names of postings that prefer it
    gains: dict[str, int] = field(default_factory=dict)  # posting name -> points the score would rise

    @property
    def total_gain(self) -> int:
        return sum(self.gains.values())

    @property
    def postings(self) -> int:
        return len(self.required_in) + len(self.preferred_in)


@dataclass
class MultiReport:
    """One resume against many postings: best fit first, then the keywords that pay off most."""

    resume: Resume
    fits: list[PostingFit]  # ranked: scored postings by score (high first), then not scored
    payoffs: list[KeywordPayoff] = field(default_factory=list)  # largest total gain first
    role: str | None = None  # the --role given, if any
