"""KeywordMatcher and the canonical tokenization behind it (issue 3).

Most tests build a small Vocabulary from Entry dataclasses so that they pin the matcher's
semantics independently of the shipped lists; the last group runs against the real lists.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_tool.errors import ResumeToolError
from resume_tool.keywords import KeywordMatcher, forms_by_entry, get_nlp
from resume_tool.keywords.matcher import joined_variant
from resume_tool.keywords.nlp import atomize_text, phrase_keys, token_key
from resume_tool.models import Entry, Vocabulary


def E(id: str, term: str, category: str = "code_set", **kw) -> Entry:
    return Entry(id=id, term=term, category=category, **kw)


def small_vocab() -> Vocabulary:
    """A hand-made vocabulary covering every category and ambiguity rule the matcher knows."""
    entries = [
        E("icd-10", "ICD-10", aliases=["ICD10"]),
        E(
            "icd-10-cm",
            "ICD-10-CM",
            long_form="International Classification of Diseases, Tenth Revision, Clinical Modification",
            satisfies=["icd-10"],
        ),
        E(
            "icd-10-pcs",
            "ICD-10-PCS",
            aliases=["PCS"],
            case_sensitive=["PCS"],
            needs_context=["PCS"],
            context=["ICD-10", "inpatient", "procedure"],
            satisfies=["icd-10"],
        ),
        E(
            "cpt",
            "CPT",
            acronym="CPT",
            long_form="Current Procedural Terminology",
            aliases=["CPT-4", "CPT codes"],
        ),
        E(
            "hcpcs",
            "HCPCS Level II",
            acronym="HCPCS",
            long_form="Healthcare Common Procedure Coding System",
            aliases=["HCPCS", "HCPC"],
        ),
        E(
            "em",
            "E/M",
            acronym="E/M",
            long_form="Evaluation and Management",
            aliases=["E/M coding"],
        ),
        E(
            "cpc",
            "CPC",
            "credential",
            acronym="CPC",
            long_form="Certified Professional Coder",
            case_sensitive=["CPC"],
            needs_context=["CPC"],
            context=["AAPC", "coder", "coding", "certified"],
        ),
        E(
            "cpc-a",
            "CPC-A",
            "credential",
            acronym="CPC-A",
            long_form="Certified Professional Coder Apprentice",
            aliases=["CPCA"],
        ),
        E("ccs", "CCS", "credential", acronym="CCS", long_form="Certified Coding Specialist"),
        E(
            "cic",
            "CIC",
            "credential",
            acronym="CIC",
            long_form="Certified Inpatient Coder",
            case_sensitive=["CIC"],
            needs_context=["CIC"],
            context=["AAPC", "inpatient", "coder", "coding"],
        ),
        E(
            "crc",
            "CRC",
            "credential",
            acronym="CRC",
            long_form="Certified Risk Adjustment Coder",
            case_sensitive=["CRC"],
            needs_context=["CRC"],
            context=["risk adjustment", "HCC", "AAPC", "coder"],
        ),
        E(
            "ccc",
            "CCC",
            "credential",
            acronym="CCC",
            long_form="Certified Cardiology Coder",
            case_sensitive=["CCC"],
            needs_context=["CCC"],
            context=["cardiology", "AAPC", "coder"],
        ),
        E(
            "coc",
            "COC",
            "credential",
            acronym="COC",
            long_form="Certified Outpatient Coder",
            case_sensitive=["COC"],
            needs_context=["COC"],
            context=["AAPC", "outpatient", "coder", "coding"],
        ),
        E(
            "cca",
            "CCA",
            "credential",
            acronym="CCA",
            long_form="Certified Coding Associate",
            case_sensitive=["CCA"],
            needs_context=["CCA"],
            context=["AHIMA", "coding", "coder"],
        ),
        E(
            "apc",
            "APC",
            "payment_system",
            acronym="APC",
            long_form="Ambulatory Payment Classification",
            case_sensitive=["APC"],
            needs_context=["APC"],
            context=["OPPS", "outpatient", "facility"],
        ),
        E(
            "poa",
            "POA",
            "coding_practice",
            acronym="POA",
            long_form="present on admission",
            case_sensitive=["POA"],
            needs_context=["POA"],
            context=["inpatient", "indicator", "diagnosis"],
        ),
        E(
            "hcc",
            "HCC",
            "coding_practice",
            acronym="HCC",
            long_form="Hierarchical Condition Category",
            case_sensitive=["HCC"],
            needs_context=["HCC"],
            context=["risk adjustment", "RAF", "coding"],
        ),
        E(
            "cdi",
            "CDI",
            "coding_practice",
            acronym="CDI",
            long_form="Clinical Documentation Integrity",
            aliases=["clinical documentation improvement"],
            case_sensitive=["CDI"],
            needs_context=["CDI"],
            context=["documentation", "query", "physician"],
        ),
        E(
            "ar",
            "Accounts receivable",
            "billing_claims",
            acronym="AR",
            long_form="Accounts receivable",
            aliases=["A/R", "AR"],
            case_sensitive=["AR"],
            needs_context=["AR"],
            context=["billing", "claims", "collections", "denials", "aging", "days"],
        ),
        E(
            "ar-follow-up",
            "AR follow-up",
            "billing_claims",
            aliases=["A/R follow-up", "accounts receivable follow-up"],
        ),
        E(
            "epic",
            "Epic",
            "software",
            aliases=["Epic Systems", "EpicCare", "EPIC", "Epic EHR"],
            case_sensitive=["Epic", "EPIC"],
            needs_context=["Epic", "EPIC"],
            context=["EHR", "EMR", "charting", "billing"],
        ),
        E("epic-resolute", "Epic Resolute", "software", satisfies=["epic"]),
        E(
            "ehr",
            "EHR",
            "software",
            acronym="EHR",
            long_form="electronic health record",
            aliases=["EMR", "electronic medical record"],
        ),
        E("cerner", "Cerner", "software", aliases=["Oracle Cerner"]),
        E(
            "excel",
            "Microsoft Excel",
            "software",
            aliases=["Excel", "MS Excel"],
            case_sensitive=["Excel"],
        ),
        E("coding-audit", "Coding audit", "coding_practice", aliases=["chart audit"]),
        E("denial-management", "Denial management", "billing_claims", aliases=["denials"]),
        E("ms-drg", "MS-DRG", "payment_system", aliases=["DRG"]),
        E("ub-04", "UB-04", "billing_claims", aliases=["CMS-1450"]),
        E("cms-1500", "CMS-1500", "billing_claims", aliases=["HCFA-1500"]),
        E("3m-encoder", "3M Codefinder", "software", aliases=["3M encoder", "3M"]),
        E("837p", "837P", "billing_claims", aliases=["837 Professional"]),
        E("cpt-99213", "99213", "code_set"),
        E("communication", "Communication", "soft_skill", aliases=["communication skills"]),
        E("medical-billing", "Medical billing", "billing_claims"),
        E("anatomy", "Anatomy and physiology", "clinical_knowledge", aliases=["A&P"]),
        E(
            "aapc",
            "AAPC",
            "organization",
            acronym="AAPC",
            long_form="American Academy of Professional Coders",
        ),
        E("medical-coder", "Medical coder", "job_title"),
    ]
    return Vocabulary(entries={e.id: e for e in entries}, roles={})


@pytest.fixture(scope="module")
def matcher() -> KeywordMatcher:
    return KeywordMatcher(small_vocab())


def ids(matcher: KeywordMatcher, text: str, section_at=None) -> list[str]:
    return [m.entry_id for m in matcher.match(text, section_at)]


# ------------------------------------------------------------------ pipeline and tokens
def test_get_nlp_is_built_once_with_lookup_lemmatizer():
    nlp = get_nlp()
    assert nlp is get_nlp()
    assert nlp.pipe_names == ["lemmatizer"]
    assert nlp.get_pipe("lemmatizer").mode == "lookup"
    assert [t.lemma_ for t in nlp("audits denials")] == ["audit", "denial"]


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("ICD-10-CM", ["ICD", "10", "CM"]),
        ("ICD10-CM", ["ICD", "10", "CM"]),
        ("ICD-10 CM", ["ICD", "10", "CM"]),
        ("E/M", ["E", "M"]),
        ("E&M", ["E", "M"]),
        ("A/R", ["A", "R"]),
        ("UB-04", ["UB", "04"]),
        ("CMS-1500", ["CMS", "1500"]),
        ("CPT®", ["CPT"]),
        ("CPC-A", ["CPC", "A"]),
        ("CCS-P", ["CCS", "P"]),
        ("MS-DRG", ["MS", "DRG"]),
        ("3M", ["3", "M"]),
        ("837P", ["837", "P"]),
        ("99213", ["99213"]),
    ],
)
def test_domain_tokens_split_the_same_alone_and_in_a_sentence(text, pieces):
    assert atomize_text(text).words == pieces
    inside = atomize_text(f"Used {text}, daily.").words
    assert inside == ["Used", *pieces, ",", "daily", "."]


@pytest.mark.parametrize(
    "variants",
    [
        ["ICD-10-CM", "ICD 10 CM", "ICD10CM", "ICD10-CM", "ICD-10 CM", "icd-10-cm"],
        ["E/M", "E&M", "E & M", "E and M", "e/m"],
        ["CPT", "CPT®", "cpt", "CPT™"],
        ["HCCs", "HCC"],
        ["M.E.A.T. criteria", "MEAT criteria"],
    ],
)
def test_variants_share_one_key_sequence(variants):
    assert len({phrase_keys(v) for v in variants}) == 1


def test_bare_em_is_not_e_m_and_acronyms_are_not_lemmatized():
    assert phrase_keys("EM") != phrase_keys("E/M")
    assert token_key("CMS") == "cms"  # the lookup table would make it "cm"
    assert token_key("audits") == token_key("Auditing") == token_key("AUDITS") == "audit"
    assert token_key("billing") != token_key("bills")


def test_joined_variants_only_for_long_enough_words():
    assert joined_variant("MS-DRG") == "MSDRG"
    assert joined_variant("CPC-A") == "CPCA"
    assert joined_variant("E/M") is None
    assert joined_variant("A/R") is None
    assert joined_variant("ICD-10-CM") is None


# ------------------------------------------------------------------ categories and forms
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Assigned ICD-10-CM codes", "icd-10-cm"),
        ("Holds the CCS credential", "ccs"),
        ("Billed on the UB-04", "ub-04"),
        ("MS-DRG validation", "ms-drg"),
        ("Worked in Cerner daily", "cerner"),
        ("strong communication skills", "communication"),
        ("knowledge of anatomy and physiology", "anatomy"),
        ("member of the AAPC", "aapc"),
        ("Medical Coder at a clinic", "medical-coder"),
        ("billed 99213 visits", "cpt-99213"),
    ],
)
def test_each_category_matches(matcher, text, expected):
    assert expected in ids(matcher, text)


@pytest.mark.parametrize(
    "text",
    ["ICD 10 CM", "ICD10CM", "icd-10-cm", "ICD-10 CM", "ICD10-CM", "ICD-10-CM."],
)
def test_icd_10_cm_punctuation_variants(matcher, text):
    assert ids(matcher, f"Coded with {text} daily") == ["icd-10-cm"]


@pytest.mark.parametrize("text", ["E/M", "E&M", "E & M", "E and M"])
def test_em_variants(matcher, text):
    assert ids(matcher, f"{text} leveling for office visits") == ["em"]


def test_bare_em_does_not_match(matcher):
    assert ids(matcher, "EM leveling for office visits") == []


def test_hcpcs_level_ii_cpt_registered_and_misspelling(matcher):
    ms = matcher.match("CPT®, HCPCS Level II and HCPC codes")
    assert [(m.entry_id, m.surface) for m in ms] == [
        ("cpt", "CPT"),
        ("hcpcs", "HCPCS Level II"),
        ("hcpcs", "HCPC"),
    ]
    assert [m.form for m in ms] == ["acronym", "term", "alias"]


def test_claim_forms_and_numbers(matcher):
    found = ids(matcher, "3M encoder, 837P files, UB04 and CMS 1500 claims, MSDRG, CPCA")
    assert found == ["3m-encoder", "837p", "ub-04", "cms-1500", "ms-drg", "cpc-a"]


def test_lemmas_match_inflections(matcher):
    assert ids(matcher, "Performed coding audits monthly") == ["coding-audit"]
    assert ids(matcher, "Worked claim denials") == ["denial-management"]
    assert ids(matcher, "chart audits") == ["coding-audit"]


def test_billing_is_not_bills(matcher):
    assert ids(matcher, "Paid medical bills on time") == []
    assert ids(matcher, "Medical billing for two clinics") == ["medical-billing"]


# ------------------------------------------------------------------ longest match
def test_longest_match_wins(matcher):
    assert ids(matcher, "Inpatient ICD-10-PCS coding") == ["icd-10-pcs"]
    assert ids(matcher, "Earned the CPC-A in 2021") == ["cpc-a"]
    assert ids(matcher, "Posted charges in Epic Resolute") == ["epic-resolute"]
    assert ids(matcher, "Expert in ICD-10") == ["icd-10"]


def test_icd_10_cm_pcs_pair_gives_both(matcher):
    assert ids(matcher, "ICD-10-CM/PCS coding for inpatient stays") == ["icd-10-cm", "icd-10-pcs"]


def test_no_match_across_punctuation(matcher):
    assert ids(matcher, "Epic, Resolute leadership") == []


# ------------------------------------------------------------------ ambiguity, both directions
@pytest.mark.parametrize(
    "text",
    [
        "Medical Biller, Little Rock, AR 72201",
        "Jonesboro, AR",
        "ABC Clinic | Fort Smith, AR | 2019 - 2021",
        "Billing office in Hot Springs, AR. Handled claims and denials daily.",
        "Springfield AR 72801 billing clerk",
    ],
)
def test_ar_after_city_is_a_state(matcher, text):
    assert "ar" not in ids(matcher, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("AR follow-up on aged claims", ["ar-follow-up"]),
        ("Reduced A/R by 20%", ["ar"]),
        ("Cut AR days for the billing office", ["ar"]),
        ("Managed AR for a billing team, worked denials", ["ar", "denial-management"]),
        ("Skills: AR, claims", ["ar"]),
    ],
)
def test_ar_in_billing_context_is_accounts_receivable(matcher, text, expected):
    assert ids(matcher, text) == expected


def test_ar_without_context_is_dropped(matcher):
    assert ids(matcher, "Built AR filters for a phone camera app") == []


@pytest.mark.parametrize(
    "text", ["It was an Epic journey", "an epic fail", "EPIC RACE RESULTS", "We had Epic fun."]
)
def test_epic_the_adjective(matcher, text):
    assert "epic" not in ids(matcher, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Epic Resolute billing", ["epic-resolute"]),
        ("Charted in the Epic EHR", ["epic"]),
        ("Skills: Epic, Cerner", ["epic", "cerner"]),
        ("Used Epic and Cerner for charting", ["epic", "cerner"]),
    ],
)
def test_epic_the_ehr(matcher, text, expected):
    assert ids(matcher, text) == expected


def test_epic_in_a_skills_section(matcher):
    text = "Epic\nMeditech"
    assert ids(matcher, text) == []
    assert ids(matcher, text, lambda _: "skills") == ["epic"]


@pytest.mark.parametrize(
    "form, context_line, trap_line",
    [
        (
            "CIC",
            "AAPC CIC, inpatient coder",
            "CIC (Certification in Infection Control) holder, infection preventionist",
        ),
        (
            "CRC",
            "CRC with risk adjustment and HCC coding",
            "Clinical Research Coordinator (CRC) for oncology trials",
        ),
        ("CCC", "CCC for cardiology coding", "CCC speech language pathologist at a school"),
        ("COC", "COC, outpatient facility coder", "Maintained the COC for every sample shipment"),
        ("APC", "APC assignment under OPPS", "Supervised an APC in the urgent care"),
        ("POA", "POA indicators for inpatient diagnoses", "Signed a POA for my parents"),
        ("HCC", "HCC coding and RAF scores", "Patient with HCC and cirrhosis was admitted"),
        ("CDI", "CDI queries to the physician", "CDI program for the city's water utility"),
        ("PCS", "PCS procedure codes for inpatient stays", "PCS move to Fort Hood in 2019"),
        ("CCA", "AHIMA CCA, entry-level coding", "CCA rules for the shipping yard"),
        ("CPC", "AAPC CPC, certified coder", "Lowered CPC by 20% on search ads"),
    ],
)
def test_ambiguous_acronyms_need_evidence(matcher, form, context_line, trap_line):
    entry = {"PCS": "icd-10-pcs"}.get(form, form.lower())
    assert entry in ids(matcher, context_line), context_line
    assert entry not in ids(matcher, trap_line), trap_line


def test_ambiguous_acronym_in_certifications_section(matcher):
    assert ids(matcher, "CRC") == []
    assert ids(matcher, "CRC", lambda _: "certifications") == ["crc"]
    assert ids(matcher, "Certifications: CRC, CIC") == ["crc", "cic"]


def test_soft_skills_do_not_vouch_for_acronyms(matcher):
    assert ids(matcher, "Clinical trials CRC with communication skills") == ["communication"]


def test_acronym_defined_otherwise_is_vetoed_everywhere(matcher):
    text = "Clinical Research Coordinator (CRC) at a lab.\nAs CRC I also did HCC coding."
    assert "crc" not in ids(matcher, text)


def test_excel_the_software_and_the_verb(matcher):
    assert ids(matcher, "Excel at customer service") == []
    assert ids(matcher, "I excel at audits") == []
    assert ids(matcher, "Built Excel pivot tables") == ["excel"]
    assert ids(matcher, "Excel, Word, Outlook") == ["excel"]
    assert ids(matcher, "Proficient in MS Excel") == ["excel"]


# ------------------------------------------------------------------ forms, sections, offsets
def test_acronym_and_long_form_both_reported(matcher):
    ms = matcher.match("Certified Professional Coder (CPC) since 2019")
    assert [(m.entry_id, m.form, m.surface) for m in ms] == [
        ("cpc", "long_form", "Certified Professional Coder"),
        ("cpc", "acronym", "CPC"),
    ]
    assert forms_by_entry(ms) == {"cpc": {"long_form", "acronym"}}
    assert forms_by_entry(matcher.match("AAPC CPC")) == {"aapc": {"acronym"}, "cpc": {"acronym"}}
    assert forms_by_entry(matcher.match("Evaluation and Management coding")) == {
        "em": {"long_form"}
    }


def test_section_attribution(matcher):
    text = "SUMMARY\nCoder with CPT\nSKILLS\nICD-10-CM, HCPCS\n"
    cut = text.index("SKILLS")

    def section_at(offset: int) -> str:
        return "summary" if offset < cut else "skills"

    got = [(m.entry_id, m.section) for m in matcher.match(text, section_at)]
    assert got == [("cpt", "summary"), ("icd-10-cm", "skills"), ("hcpcs", "skills")]
    assert all(m.section is None for m in matcher.match(text))


def test_sentence_is_the_sentence_around_the_match(matcher):
    text = "First line about nothing.\nWe code daily. Assigned CPT codes to visits. Then lunch."
    (m,) = matcher.match(text)
    assert m.sentence == "Assigned CPT codes to visits."
    long = "word " * 100 + "CPT " + "word " * 100
    (m,) = matcher.match(long)
    assert len(m.sentence) <= 202 and "CPT" in m.sentence


def test_offsets_point_at_the_surface(matcher):
    text = "  Coder: ICD 10 CM, E & M, CPT®; Epic Resolute\n\tA/R follow-up  "
    ms = matcher.match(text)
    assert ms
    for m in ms:
        assert text[m.start : m.end] == m.surface


def test_empty_and_blank_texts(matcher):
    assert matcher.match("") == []
    assert matcher.match(" \n\t ") == []
    assert matcher.match("!!! ,,, ...") == []


# ------------------------------------------------------------------ property tests
_alphabet = st.sampled_from(
    [
        *list("abcdeEMARCPTIDxyz0123456789 -/&®™().,:;\n\t•|'\""),
        "ICD",
        "CPT",
        "Epic",
        "AR",
        " and ",
        "CPC",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=120))
def test_any_string_matches_without_error(text):
    m = _matcher_for_hypothesis()
    for x in m.match(text):
        assert text[x.start : x.end] == x.surface


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_alphabet, max_size=40).map("".join),
    st.sampled_from(["", " ", "\n", "  \n\n ", "\t"]),
    st.sampled_from(["", " ", "\n", "\n\n", " \t "]),
)
def test_surrounding_whitespace_does_not_change_matches(core, before, after):
    m = _matcher_for_hypothesis()
    base = [x.entry_id for x in m.match(core)]
    assert [x.entry_id for x in m.match(before + core + after)] == base


_HYP: list[KeywordMatcher] = []


def _matcher_for_hypothesis() -> KeywordMatcher:
    if not _HYP:
        _HYP.append(KeywordMatcher(small_vocab()))
    return _HYP[0]


# ------------------------------------------------------------------ optional trained pipeline
def test_missing_trained_pipeline_is_a_clear_error():
    from resume_tool.keywords import suggest_phrases
    from resume_tool.keywords.suggest import ModelNotInstalled

    with pytest.raises(ModelNotInstalled) as info:
        suggest_phrases("Coded operative reports", model_name="en_resume_tool_no_such_pipeline")
    assert isinstance(info.value, ResumeToolError)
    msg = str(info.value)
    assert "en_resume_tool_no_such_pipeline" in msg and "never downloads" in msg
    assert "\n" not in msg


# ------------------------------------------------------------------ the shipped lists
@pytest.fixture(scope="module")
def real() -> KeywordMatcher:
    from resume_tool.keywords import load_vocabulary

    return KeywordMatcher(load_vocabulary())


def test_real_lists_build_and_every_form_matches_itself(real):
    # Every unambiguous, case-insensitive form must find its own entry (or a longer one) when
    # written alone; a form that cannot match itself is dead weight in the lists.
    # Forms that need healthcare evidence are tried in a document judged healthcare.
    dead = []
    for p in real.patterns:
        if p.needs_context or p.case_sensitive or p.phrase:
            continue
        got = {m.entry_id for m in real.match(f"Experience: {p.text}.", healthcare=True)}
        if not got:
            dead.append((p.entry_id, p.text))
    assert dead == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ICD-10-CM, CPT and HCPCS Level II coding", {"icd-10-cm", "cpt", "hcpcs"}),
        ("Certified Professional Coder (CPC)", {"cpc"}),
        ("CPC-A, AAPC", {"cpc-a", "aapc"}),
        ("E&M leveling", {"e-m"}),
    ],
)
def test_real_lists_core_terms(real, text, expected):
    got = {m.entry_id for m in real.match(text)}
    assert expected <= got, (text, got)


def test_real_lists_traps(real):
    text = "Lowered CPC on search ads. Little Rock, AR 72201. An epic journey."
    got = {m.entry_id for m in real.match(text)}
    assert not got & {"cpc", "accounts-receivable", "epic"}, got


def test_pattern_text_is_never_empty(real):
    assert all(p.keys and re.search(r"\w", p.text) for p in real.patterns)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ICD-10-CM\nICD-10-PCS", ["icd-10-cm", "icd-10-pcs"]),  # one item per line
        ("Certified Professional\nCoder", ["cpc"]),  # a title wrapped by a narrow column
        ("knowledge of medical\nterminology", ["medical-terminology"]),
    ],
)
def test_line_breaks_between_items_split_phrases(text: str, expected: list[str]) -> None:
    from resume_tool.api import engine

    _, matcher = engine()
    assert [m.entry_id for m in matcher.match(text)] == expected


def test_sentence_break_is_not_a_phrase() -> None:
    from resume_tool.api import engine

    _, matcher = engine()
    assert "teamwork" not in {m.entry_id for m in matcher.match("Led cross-functional teams\nWorked with payers")}
