"""Section headings: which kind of section a heading opens, and whether ATS know it.

ATS parsers map a resume onto fields by its headings. A heading they know
("Work Experience") is *standard*; a creative one ("Where I've Made an Impact")
may still be recognised by us through its key words but is flagged, since many
parsers will not.
"""

from __future__ import annotations

import re

# Headings that ATS parsers and resume guides treat as standard, by section kind.
STANDARD: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "career summary", "summary of qualifications",
        "qualifications summary", "profile", "professional profile", "career profile",
        "objective", "career objective", "professional objective", "about me", "overview",
        "executive summary", "summary statement", "personal statement", "personal profile",
        "career summary and objective", "career overview", "profile summary",
        "professional overview", "career focus",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment history",
        "employment", "work history", "relevant experience", "career history",
        "professional history", "experience history", "related experience",
        "coding experience", "medical coding experience", "healthcare experience",
        "professional background", "employment experience", "internship", "internships",
        "externship", "externships", "clinical experience", "volunteer experience",
        "additional experience", "other experience", "military experience", "earlier experience",
        "previous experience", "prior experience", "leadership experience",
        "relevant work experience", "work and volunteer experience", "employment record",
        "career experience", "positions held",
    ),
    "education": (
        "education", "education and training", "education & training", "academic background",
        "educational background", "academic history", "training", "education and credentials",
        "academics", "coursework", "relevant coursework", "professional development",
        "education and qualifications", "qualifications and education", "education & qualifications",
        "academic qualifications", "education and certifications", "education and training",
        "training and development", "continuing education",
    ),
    "certifications": (
        "certifications", "certification", "licenses and certifications",
        "licenses & certifications", "licenses", "license", "certifications and licenses",
        "credentials", "professional certifications", "certificates", "certifications and training",
        "professional credentials", "licensure", "accreditations", "accreditation",
    ),
    "skills": (
        "skills", "technical skills", "core competencies", "competencies", "key skills",
        "areas of expertise", "expertise", "skills summary", "summary of skills",
        "professional skills", "coding skills", "computer skills", "software",
        "skills and abilities", "qualifications", "skill highlights", "highlights",
        "core qualifications", "technical proficiencies", "proficiencies", "key competencies",
        "software skills", "systems", "tools", "languages", "skills & expertise",
        "skills and expertise", "relevant skills", "key skills and competencies", "top skills",
        "skills and qualities", "skills qualities and interests", "soft skills", "technical skill",
        "strengths", "key strengths", "core strengths", "hard skills", "it skills",
    ),
    "contact": (
        "contact", "contact information", "contact details", "contact info", "personal details",
        "personal information",
    ),
    "other": (
        "accomplishments", "achievements", "awards", "honors", "honors and awards",
        "affiliations", "professional affiliations", "memberships", "professional memberships",
        "volunteer", "volunteering", "activities", "interests", "references", "publications",
        "projects", "additional information", "community service", "presentations",
        "leadership", "hobbies", "campus involvement", "involvement", "extracurricular activities",
        "significant coursework", "honors and activities", "languages and interests",
        "referees", "references available on request", "additional skills", "interests and hobbies",
        "selected leadership", "volunteer work", "hobbies and interests", "awards and honors",
        "links", "assessments", "military service", "military", "patents", "selected honors",
        "service", "workshops attended", "workshops", "online courses completed", "projects done",
        "on campus involvement", "language", "academic projects", "personal projects",
        "course projects", "conferences", "talks", "invited talks",
    ),
}  # fmt: skip

# Key words that reveal a section's kind inside a non-standard heading.
_CUES: tuple[tuple[str, str], ...] = (
    ("certif", "certifications"),
    ("licens", "certifications"),
    ("credential", "certifications"),
    ("experience", "experience"),
    ("employment", "experience"),
    ("work history", "experience"),
    ("career", "experience"),
    ("where i", "experience"),
    ("worked", "experience"),
    ("education", "education"),
    ("academic", "education"),
    ("school", "education"),
    ("degree", "education"),
    ("skill", "skills"),
    ("competenc", "skills"),
    ("expertise", "skills"),
    ("proficienc", "skills"),
    ("toolbox", "skills"),
    ("summary", "summary"),
    ("profile", "summary"),
    ("objective", "summary"),
    ("about", "summary"),
)

# Headings in other languages: recognised so the section is read, flagged as not English
# (our keyword lists are English). heading → (kind, language).
FOREIGN: dict[str, tuple[str, str]] = {
    **{h: (k, "Spanish") for h, k in (
        ("experiencia", "experience"), ("experiencia laboral", "experience"),
        ("experiencia profesional", "experience"), ("educación", "education"),
        ("formación", "education"), ("formación académica", "education"),
        ("estudios", "education"), ("habilidades", "skills"), ("aptitudes principales", "skills"),
        ("competencias", "skills"), ("idiomas", "skills"), ("contactar", "other"),
        ("contacto", "other"), ("resumen", "summary"), ("extracto", "summary"),
        ("perfil", "summary"), ("perfil profesional", "summary"), ("certificaciones", "certifications"),
        ("logros", "other"), ("intereses", "other"), ("referencias", "other"),
        ("publicaciones", "other"), ("premios", "other"), ("proyectos", "other"),
    )},
    **{h: (k, "Portuguese") for h, k in (
        ("experiência", "experience"), ("experiência profissional", "experience"),
        ("formação acadêmica", "education"), ("educação", "education"),
        ("competências", "skills"), ("principais competências", "skills"),
        ("resumo", "summary"), ("contato", "other"), ("certificações", "certifications"),
    )},
    **{h: (k, "French") for h, k in (
        ("expérience professionnelle", "experience"), ("expériences professionnelles", "experience"),
        ("expérience", "experience"), ("formation", "education"), ("compétences", "skills"),
        ("langues", "skills"), ("centres d'intérêt", "other"), ("profil", "summary"),
    )},
    **{h: (k, "German") for h, k in (
        ("berufserfahrung", "experience"), ("ausbildung", "education"),
        ("kenntnisse", "skills"), ("fähigkeiten", "skills"), ("sprachen", "skills"),
        ("sprachkenntnisse", "skills"), ("lebenslauf", "other"),
    )},
    **{h: (k, "Russian") for h, k in (
        ("опыт работы", "experience"), ("опыт", "experience"), ("образование", "education"),
        ("навыки", "skills"), ("основные навыки", "skills"), ("общие сведения", "summary"),
        ("способы связаться", "other"), ("языки", "skills"), ("сертификаты", "certifications"),
        ("контакты", "other"), ("цель", "summary"), ("о себе", "summary"),
    )},
}  # fmt: skip


def foreign_heading(text: str) -> tuple[str, str] | None:
    """(kind, language) for a heading in another language ("Experiencia" → experience, Spanish)."""
    return FOREIGN.get(normalize_heading(text))


_STANDARD_INDEX = {h: kind for kind, heads in STANDARD.items() for h in heads}


def normalize_heading(text: str) -> str:
    t = text.strip().lower()
    t = t.replace("&", " and ").replace("’", "'")
    t = re.sub(r"[\s:|•·\-–—_*#=]+$", "", t)
    t = re.sub(r"^[\s•·\-–—_*#=]+", "", t)
    t = re.sub(r"\s+", " ", t)
    return t.replace(" and ", " and ").strip()


def _standard_kind(norm: str) -> str | None:
    kind = _STANDARD_INDEX.get(norm) or _STANDARD_INDEX.get(norm.replace(" and ", " & "))
    if kind:
        return kind
    # "Professional Experience:" / "EXPERIENCE & EDUCATION" style small variations
    return _STANDARD_INDEX.get(norm.rstrip("s")) if norm.endswith("s") else None


def classify_heading(text: str) -> tuple[str, bool] | None:
    """(kind, standard) for a heading's text, or None when it names no section we know."""
    norm = normalize_heading(text)
    if not norm or len(norm) > 60:
        return None
    kind = _standard_kind(norm)
    if kind:
        return kind, True
    foreign = FOREIGN.get(norm)
    if foreign:
        return foreign[0], False
    return _cue_kind(norm)


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
    for cue, cue_kind in _CUES:
        if cue in norm:
            return cue_kind, False
    return None


def heading_shape(text: str) -> bool:
    """Short, title-like, without sentence punctuation: could be a heading line."""
    t = text.strip()
    if not t or len(t) > 60 or t.endswith((".", ",", ";")):
        return False
    words = t.split()
    return not (len(words) > 6 or any(ch.isdigit() for ch in t) or "@" in t)
