"""Hand-built ``Report`` objects for the render tests, independent of the analyze stage.

- ``sample_report()``: a medical coder's resume checked against an outpatient coding
  posting: matched and missing keywords across categories, findings of every severity,
  an inferred role.
- ``no_text_report()``: a scanned PDF with no text layer: score 0 and a no-text error.
- ``hostile_report()``: the sample with markup and script injected into every kind of
  user text (resume text, contact name, a bullet, posting title, a posting sentence, an
  unknown term, a finding, a to-consider item).
"""

from __future__ import annotations

import copy

from resume_tool.models import (
    Contact,
    Document,
    EducationEntry,
    ExperienceEntry,
    Finding,
    KeywordResult,
    Line,
    Observation,
    Posting,
    PostingKeyword,
    Report,
    Resume,
    Section,
)

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = f"{SCRIPT}{IMG}"

RESUME_LINES = [
    ("Jordan A. Rivera, CPC", "body"),
    ("Tucson, AZ · jordan.rivera@example.com · (520) 555-0143", "header"),
    ("linkedin.com/in/jordanrivera", "body"),
    ("Summary", "body"),
    (
        "Certified Professional Coder with 6 years of outpatient and physician-practice coding.",
        "body",
    ),
    ("Experience", "body"),
    ("Medical Coder II, Desert Valley Medical Group, Tucson, AZ", "body"),
    ("March 2020 - Present", "body"),
    (
        "• Assign ICD-10-CM and CPT codes for 90+ outpatient encounters a day at 96% accuracy.",
        "body",
    ),
    ("• Apply modifiers 25 and 59 correctly; cut coding-related denials by 18%.", "body"),
    ("• Code evaluation and management visits under the 2021 office visit guidelines.", "body"),
    ("Coding Specialist, Saguaro Family Health, Tucson, AZ", "body"),
    ("June 2017 - February 2020", "body"),
    ("• Abstracted diagnoses and procedures from Epic charts for primary care.", "body"),
    ("• Kept PHI private under HIPAA; trained 4 new coders on medical terminology.", "body"),
    ("Education", "body"),
    ("A.A.S. Health Information Technology, Pima Community College, 2017", "body"),
    ("Certifications", "body"),
    ("CPC, AAPC (Certified Professional Coder), 2018", "body"),
    ("Skills", "body"),
    ("ICD-10-CM, CPT, Epic, HIPAA, Medical terminology, Microsoft Excel", "body"),
]

POSTING_TEXT = (
    "Outpatient Medical Coder II. Riverside Health is hiring a coder for its outpatient clinics. "
    "Required: CPC or CCS certification. Required: 3+ years assigning ICD-10-CM, CPT and "
    "HCPCS Level II codes. Apply NCCI edits and modifiers to every claim. "
    "Preferred: experience with 3M 360 Encompass and denial management. "
    "Protect patient information under HIPAA. Epic experience is a plus."
)


def _document(path: str = "jordan-rivera-resume.pdf") -> Document:
    return Document(
        path=path,
        format="pdf",
        lines=[Line(text, source=src, page=1) for text, src in RESUME_LINES],  # type: ignore[arg-type]
        pages=1,
        observations=[
            Observation(
                "header-footer", "Contact details are in the page header", sample="Tucson, AZ"
            )
        ],
    )


def _resume(document: Document) -> Resume:
    return Resume(
        path=document.path,
        format="pdf",
        pages=1,
        words=178,
        contact=Contact(
            name="Jordan A. Rivera",
            email="jordan.rivera@example.com",
            phone="(520) 555-0143",
            location="Tucson, AZ",
            urls=["linkedin.com/in/jordanrivera"],
            found_in={"phone": "header", "email": "header", "name": "body", "location": "header"},
        ),
        sections=[
            Section("Summary", "summary", True, 3, 4),
            Section("Experience", "experience", True, 5, 14),
            Section("Education", "education", True, 15, 16),
            Section("Certifications", "certifications", True, 17, 18),
            Section("Skills", "skills", True, 19, 20),
        ],
        experience=[
            ExperienceEntry(
                title="Medical Coder II",
                employer="Desert Valley Medical Group",
                location="Tucson, AZ",
                start="2020-03",
                end="present",
                bullets=[RESUME_LINES[i][0].lstrip("• ") for i in (8, 9, 10)],
                date_text="March 2020 - Present",
                lines=[6, 7, 8, 9, 10],
            ),
            ExperienceEntry(
                title="Coding Specialist",
                employer="Saguaro Family Health",
                location="Tucson, AZ",
                start="2017-06",
                end="2020-02",
                bullets=[RESUME_LINES[i][0].lstrip("• ") for i in (13, 14)],
                date_text="June 2017 - February 2020",
                lines=[11, 12, 13, 14],
            ),
        ],
        education=[
            EducationEntry(
                degree="A.A.S. Health Information Technology",
                school="Pima Community College",
                end="2017",
                text=RESUME_LINES[16][0],
            )
        ],
        certifications=["CPC, AAPC (Certified Professional Coder), 2018"],
        skills=["ICD-10-CM", "CPT", "Epic", "HIPAA", "Medical terminology", "Microsoft Excel"],
        layout=list(document.observations),
        document=document,
    )


def _kw(
    id: str,
    term: str,
    category: str,
    weight: float,
    *,
    acronym: str | None = None,
    long_form: str | None = None,
    required: bool = False,
    core: bool = False,
    posting: list[str] | None = None,
    forms: list[str] | None = None,
    sections: list[str] | None = None,
    satisfied_by: list[str] | None = None,
    has_acronym: bool = False,
    has_long_form: bool = False,
    points: float | None = None,
    target: bool = True,
) -> KeywordResult:
    """One keyword result; a keyword is "in the resume" when it has resume forms."""
    posting = posting or []
    forms = forms or []
    in_resume = bool(forms)
    matched = in_resume or bool(satisfied_by)
    max_points = weight * 2 if target else 0.0
    return KeywordResult(
        id=id,
        term=term,
        acronym=acronym,
        long_form=long_form,
        category=category,
        weight=weight,
        required=required,
        core=core,
        in_posting=bool(posting),
        posting_count=len(posting),
        in_resume=in_resume,
        resume_count=len(forms) * 2 if forms else 0,
        resume_forms=forms,
        sections=sections or [],
        satisfied_by=satisfied_by or [],
        has_acronym=has_acronym,
        has_long_form=has_long_form,
        posting_sentences=posting,
        points=(max_points if matched else 0.0) if points is None else points,
        max_points=max_points,
        target=target,
        # score formula 2.0: what a posting names is the posting tier, the rest the role tier
        source="posting" if posting else "role",
    )


S_REQ_CERT = "Required: CPC or CCS certification."
S_REQ_CODES = "Required: 3+ years assigning ICD-10-CM, CPT and HCPCS Level II codes."
S_NCCI = "Apply NCCI edits and modifiers to every claim."
S_PREF = "Preferred: experience with 3M 360 Encompass and denial management."
S_HIPAA = "Protect patient information under HIPAA."
S_EPIC = "Epic experience is a plus."


def _keywords() -> list[KeywordResult]:
    icd = "International Classification of Diseases, Tenth Revision, Clinical Modification"
    return [
        _kw(
            "icd-10-cm",
            "ICD-10-CM",
            "code-sets",
            3,
            acronym="ICD-10-CM",
            long_form=icd,
            required=True,
            core=True,
            posting=[S_REQ_CODES],
            forms=["ICD-10-CM"],
            sections=["skills", "experience"],
            has_acronym=True,
        ),
        _kw(
            "cpt",
            "CPT",
            "code-sets",
            3,
            acronym="CPT",
            long_form="Current Procedural Terminology",
            required=True,
            core=True,
            posting=[S_REQ_CODES],
            forms=["CPT"],
            sections=["experience", "skills"],
            has_acronym=True,
            points=5.5,
        ),
        _kw(
            "hcpcs",
            "HCPCS Level II",
            "code-sets",
            2,
            acronym="HCPCS",
            long_form="Healthcare Common Procedure Coding System",
            required=True,
            posting=[S_REQ_CODES],
        ),
        _kw(
            "e-m",
            "E/M coding",
            "code-sets",
            2,
            acronym="E/M",
            long_form="evaluation and management",
            forms=["evaluation and management"],
            sections=["experience"],
            has_long_form=True,
            core=True,
        ),
        _kw(
            "cpc",
            "CPC",
            "certifications",
            3,
            acronym="CPC",
            long_form="Certified Professional Coder",
            required=True,
            posting=[S_REQ_CERT],
            forms=["CPC", "Certified Professional Coder"],
            sections=["certifications", "summary", "contact"],
            has_acronym=True,
            has_long_form=True,
        ),
        _kw(
            "ccs",
            "CCS",
            "certifications",
            2,
            acronym="CCS",
            long_form="Certified Coding Specialist",
            posting=[S_REQ_CERT],
        ),
        _kw(
            "ncci",
            "NCCI edits",
            "compliance",
            2,
            acronym="NCCI",
            long_form="National Correct Coding Initiative",
            required=True,
            posting=[S_NCCI],
        ),
        _kw(
            "hipaa",
            "HIPAA",
            "compliance",
            1,
            acronym="HIPAA",
            long_form="Health Insurance Portability and Accountability Act",
            posting=[S_HIPAA],
            forms=["HIPAA"],
            sections=["experience", "skills"],
            has_acronym=True,
        ),
        _kw(
            "modifiers",
            "Modifiers",
            "skills",
            2,
            required=True,
            posting=[S_NCCI],
            forms=["modifiers"],
            sections=["experience"],
        ),
        _kw("denial-management", "Denial management", "skills", 1, posting=[S_PREF]),
        _kw(
            "medical-terminology",
            "Medical terminology",
            "skills",
            1,
            core=True,
            forms=["medical terminology"],
            sections=["experience", "skills"],
        ),
        _kw(
            "epic",
            "Epic",
            "software",
            1,
            posting=[S_EPIC],
            forms=["Epic"],
            sections=["experience", "skills"],
        ),
        _kw("3m-encoder", "3M 360 Encompass", "software", 1, posting=[S_PREF]),
        _kw(
            "microsoft-excel",
            "Microsoft Excel",
            "software",
            0.5,
            forms=["Microsoft Excel"],
            sections=["skills"],
            target=False,
        ),
    ]


def _findings() -> list[Finding]:
    """Fresh objects each call: tests mutate reports and must not leak into each other."""
    return [
        Finding(
            "contact-in-header",
            "error",
            "Your email, phone and city are only in the page header; many ATS skip headers.",
            "Move your contact details into the first lines of the page body.",
            "page header",
        ),
        Finding(
            "missing-required",
            "warning",
            "3 keywords the posting requires are not in your resume: HCPCS Level II, NCCI edits, "
            "CCS or CPC.",
            "If you have used them, name them in a job's bullets or in Skills.",
        ),
        Finding(
            "acronym-only",
            "warning",
            'CPT appears only as an acronym; a search for "Current Procedural Terminology" misses it.',
            'Write "Current Procedural Terminology (CPT)" once, in Skills.',
            "Skills",
        ),
        Finding(
            "length",
            "info",
            "Your resume is one page, which suits six years of experience.",
            "",
        ),
    ]


def sample_report() -> Report:
    """A realistic medical coder report with a posting and an inferred role."""
    doc = _document()
    resume = _resume(doc)
    posting = Posting(
        path="riverside-outpatient-coder.txt",
        title="Outpatient Medical Coder II – Riverside Health",
        text=POSTING_TEXT,
        keywords=[
            PostingKeyword("icd-10-cm", 1, True, False, [S_REQ_CODES]),
            PostingKeyword("cpt", 1, True, False, [S_REQ_CODES]),
            PostingKeyword("hcpcs", 1, True, False, [S_REQ_CODES]),
            PostingKeyword("cpc", 1, True, False, [S_REQ_CERT]),
            PostingKeyword("ccs", 1, False, True, [S_REQ_CERT]),
            PostingKeyword("ncci", 1, True, False, [S_NCCI]),
            PostingKeyword("modifiers", 1, True, False, [S_NCCI]),
            PostingKeyword("hipaa", 1, False, True, [S_HIPAA]),
            PostingKeyword("denial-management", 1, False, True, [S_PREF]),
            PostingKeyword("epic", 1, False, True, [S_EPIC]),
            PostingKeyword("3m-encoder", 1, False, True, [S_PREF]),
        ],
        unknown_terms=["Riverside scheduling portal", "payer portals"],
    )
    return Report(
        schema_version="1.0",
        score_version="2024.1",
        tool_version="0.1.0",
        score=64,
        band="Fair match",
        role="medical-coder-outpatient",
        role_name="Outpatient medical coder",
        role_inferred=True,
        resume=resume,
        posting=posting,
        keywords=_keywords(),
        findings=_findings(),
        to_consider=[
            {
                "id": "ccs",
                "term": "Certified Coding Specialist (CCS)",
                "importance": "required",
                "where": "Certifications",
                "note": "Add only if true.",
            },
            {
                "id": "3m-360-encompass",
                "term": "3M 360 Encompass",
                "importance": "preferred",
                "where": "Skills (software), and the role where you used it",
                "note": "Add only if true.",
            },
        ],
        score_explanation=[
            "Keywords: 23.5 of 44 target points (53%) count for 70 of the 100 points.",
            "Required keywords missing: 2 (HCPCS Level II, NCCI edits).",
            "Layout: contact details in the page header cost 6 points.",
        ],
    )


def no_text_report() -> Report:
    """A scanned PDF: nothing to read, so nothing matched and one blocking error."""
    doc = Document(
        path="scanned-resume.pdf",
        format="pdf",
        lines=[],
        pages=2,
        observations=[Observation("no-text", "No text layer on any page", count=2)],
    )
    resume = Resume(
        path=doc.path,
        format="pdf",
        pages=2,
        words=0,
        contact=Contact(),
        sections=[],
        experience=[],
        education=[],
        certifications=[],
        skills=[],
        layout=list(doc.observations),
        document=doc,
    )
    icd = "International Classification of Diseases, Tenth Revision, Clinical Modification"
    keywords = [
        _kw(
            "icd-10-cm", "ICD-10-CM", "code-sets", 3, acronym="ICD-10-CM", long_form=icd, core=True
        ),
        _kw(
            "cpt",
            "CPT",
            "code-sets",
            3,
            acronym="CPT",
            long_form="Current Procedural Terminology",
            core=True,
        ),
        _kw("medical-terminology", "Medical terminology", "skills", 1, core=True),
    ]
    return Report(
        schema_version="1.0",
        score_version="2024.1",
        tool_version="0.1.0",
        score=0,
        band="Not readable",
        role="medical-coder",
        role_name="Medical coder",
        role_inferred=False,
        resume=resume,
        posting=None,
        keywords=keywords,
        findings=[
            Finding(
                "no-text",
                "error",
                "No text could be read from this PDF: it looks like a scanned image, so an ATS "
                "sees an empty resume.",
                "Save the resume from Word or Google Docs as a PDF (not a scan), or upload the "
                ".docx file.",
                "all 2 pages",
            )
        ],
        score_explanation=["No text was read, so no keyword or layout points could be given."],
    )


def hostile_report() -> Report:
    """The sample with markup in every place user text reaches the report."""
    report = copy.deepcopy(sample_report())
    doc = report.resume.document
    doc.lines.insert(1, Line(f"Objective {HOSTILE} | *bold* [link](x) `code`"))
    report.resume.contact.name = f"Jordan {HOSTILE}"
    report.resume.contact.urls.append(f"javascript:alert(1){IMG}")
    report.resume.experience[0].bullets.append(f"Led audits {HOSTILE}")
    report.resume.sections[0] = Section(f"About me {HOSTILE}", "summary", False, 3, 4)
    assert report.posting is not None
    report.posting.title = f"Coder {HOSTILE}"
    report.posting.unknown_terms.append(f"term {HOSTILE} | pipe")
    kw = next(k for k in report.keywords if k.id == "hcpcs")
    kw.posting_sentences = [f"Required: HCPCS Level II {HOSTILE} | pipe", *kw.posting_sentences]
    kw.long_form = f"Long {IMG}"
    report.keywords[0].resume_forms.append(f"ICD {SCRIPT}")
    report.findings.append(
        Finding("injected", "warning", f"Heading {HOSTILE}", f"Fix {IMG}", SCRIPT)
    )
    report.to_consider.append(
        {"id": "x", "term": f"Term {SCRIPT}", "importance": "required", "where": f"Where {IMG}",
         "note": f"Reason {IMG}"}
    )
    report.score_explanation.append(f"Explained {HOSTILE}")
    report.band = f"Band {SCRIPT}"
    report.role_name = f"Role {IMG}"
    return report
