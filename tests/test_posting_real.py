"""What a posting asks for: each reading rule both ways, on small postings and on the real posting
it was written for (read in place from ../shared/corpus/postings; skipped where that is absent).

The real-posting expectations come from reading the posting sentence quoted beside each one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_tool.keywords import analyze_posting, read_posting
from resume_tool.keywords.posting import posting_parts, sentence_spans

POSTINGS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "postings"


@pytest.fixture(scope="module")
def matcher():
    from resume_tool import api

    return api.engine()[1]


def asked(text: str, matcher) -> set[str]:
    """Every id that a requirement of the posting names."""
    return {i for r in analyze_posting(text, matcher).requirements for i in r.ids}


def groups(text: str, matcher) -> set[tuple[str, ...]]:
    return {tuple(r.ids) for r in analyze_posting(text, matcher).requirements}


def real(name: str, matcher):
    path = POSTINGS / name
    if not path.is_file():
        pytest.skip(f"real posting {name} not found at {POSTINGS} (../shared absent)")
    return analyze_posting(read_posting(path), matcher, str(path))


def real_ids(name: str, matcher) -> set[str]:
    return {i for r in real(name, matcher).requirements for i in r.ids}


# ------------------------------------------------------------------ other jobs of a careers page
CAREERS = """Title: Hospital Biller
Employer: Example Hospital

Open Positions
Hospital Biller - Fulltime
Requirements:
- Two years hospital billing experience
- Knowledge of CPT codes

Physician Biller - Fulltime
Requirements:
- Knowledge of HCPCS codes

RN's
Med Surg - PRN
Requirements:
- Current CPR certification
- Must have current CNA certificate
"""


def test_other_jobs_on_a_careers_page_ask_nothing(matcher) -> None:
    ids = asked(CAREERS, matcher)
    assert {"hospital-billing", "cpt", "hcpcs"} <= ids  # the billers' blocks stay
    assert not ids & {"bls-cpr", "cna"}  # the nurses' block asks nurses


def test_repeated_requirement_headings_of_one_job_are_kept(matcher) -> None:
    # the block's job line shares the title's words: the same job, nothing dropped
    text = CAREERS.replace("RN's\nMed Surg - PRN", "Hospital Biller - Part-time")
    assert {"bls-cpr", "cna"} <= asked(text, matcher)
    # one Requirements heading: nothing is another job, whatever the line above says
    one = "Title: Hospital Biller\n\nNurse station\nRequirements:\n- Current CPR certification\n"
    assert "bls-cpr" in asked(one, matcher)


def test_real_careers_page_drops_the_nurses(matcher) -> None:
    # "RN's ... Requirements: - Current CPR certification - ACLS & PALS certified" and
    # "PCT's ... - Must have current CNA certificate" are other jobs on the billers' page
    ids = real_ids("ahcs-hospital-commercial-biller-and-physician-biller.txt", matcher)
    assert not ids & {"bls-cpr", "acls-pals", "cna"}
    # "- Two plus years hospital billing experience", "- Two plus years physician billing experience"
    assert {"hospital-billing", "professional-billing", "work-independently"} <= ids


# ------------------------------------------------------------------ the employer about itself
def test_employer_describing_itself_asks_nothing(matcher) -> None:
    text = ("Clinical Coder\n\nOur source documentation is moving towards a fully electronic patient "
            "record.\nRequirements\n- ICD-10 coding\n")
    p = analyze_posting(text, matcher)
    assert "ehr-emr" not in {i for r in p.requirements for i in r.ids}
    # still a keyword the posting writes, only not asked
    assert [(k.required, k.preferred) for k in p.keywords if k.entry_id == "ehr-emr"] == [(False, False)]
    text = ("Clinical Coder\n\nWe are looking for a coder who knows the electronic patient record.\n"
            "Requirements\n- ICD-10 coding\n")
    assert "ehr-emr" in asked(text, matcher)
    # the people the candidate joins, doing the work: the job's work
    text = ("Clinical Coder\n\nOur coding team works in the electronic patient record.\n"
            "Requirements\n- ICD-10 coding\n")
    assert "ehr-emr" in asked(text, matcher)


def test_real_employer_sentence(matcher) -> None:
    # "Our source documentation for coding is a mix of paper and electronic documents, with an
    # emphasis on moving towards a fully electronic patient record."
    assert "ehr-emr" not in real_ids("nhs-clinical-coding-audit-lead-dartford-and-gravesham-nhs-trust.txt",
                                     matcher)
    # "We are currently recruiting ... an experienced Accredited Clinical Coder": an address
    assert "acc" in real_ids(
        "nhs-clinical-coding-team-lead-milton-keynes-university-hospital-nhs-foundation-trust.txt", matcher)


# ------------------------------------------------------------------ a workplace's adjective
def test_workplace_adjective_is_not_coding_work(matcher) -> None:
    desk = ("Patient Service Representative\n\nRequirements\n- Two years of experience as a front desk "
            "representative in an outpatient medical office setting required.\n"
            "- Resolve patient needs for a multi-specialty team.\n- Verify insurance eligibility.\n")
    ids = asked(desk, matcher)
    assert not ids & {"outpatient-coding", "multi-specialty"}
    coder = ("Coder\n\nRequirements\n- Two years of outpatient coding in a clinic setting.\n"
             "- Multi-specialty coding experience.\n- CPT and ICD-10-CM.\n")
    assert {"outpatient-coding", "multi-specialty"} <= asked(coder, matcher)
    # "practices" as methods, no workplace named with an article: CDI is asked
    cdi = "Coding Manager\n\nResponsibilities\n- Coordinate with CDI on query practices.\n"
    assert "cdi" in asked(cdi, matcher)


def test_real_workplace_adjectives(matcher) -> None:
    # "... as a Patient Service Representative in an outpatient medical office setting required."
    # "... resolution of calls and patient needs for a multi-specialty team."
    ids = real_ids("cedars-patient-service-rep.txt", matcher)
    assert not ids & {"outpatient-coding", "multi-specialty"}
    # "* 2+ years outpatient surgical coding": coding work, asked
    assert "outpatient-coding" in real_ids("remotewlb-surgical-notes-coder-asc.txt", matcher)


# ------------------------------------------------------------------ a bare head after a keyword
def test_bare_head_after_a_keyword_is_its_head(matcher) -> None:
    text = "Coder\n\nRequirements\n- 2+ years Ambulatory Surgical Center coding experience with CPT.\n"
    assert "medical-coding" not in asked(text, matcher) and "asc" in asked(text, matcher)
    text = "Coder\n\nRequirements\n- 2+ years of medical coding experience with CPT.\n"
    assert "medical-coding" in asked(text, matcher)
    text = "Coder\n\nRequirements\n- 2+ years of ICD-10-CM coding.\n"  # coding with a tool
    assert "medical-coding" in asked(text, matcher)


# ------------------------------------------------------------------ compound adjectives
def test_audit_ready_documentation_is_no_audit(matcher) -> None:
    text = ("Collections Specialist\n\nResponsibilities\n- Ensure compliance with HIPAA, maintaining "
            "accurate and audit-ready documentation.\n- Resolve denials with Medicare.\n")
    assert "coding-audit" not in asked(text, matcher)
    text = ("Coding Auditor\n\nResponsibilities\n- Audit documentation and CPT coding for accuracy.\n"
            "- Resolve denials with Medicare.\n")
    assert "coding-audit" in asked(text, matcher)


def test_real_audit_ready(matcher) -> None:
    # "- Ensure compliance with HIPAA and billing regulations, maintaining accurate and
    # audit-ready documentation."
    ids = real_ids("abatech-collections-specialist-behavioral-health-billing.txt", matcher)
    assert "coding-audit" not in ids and "hipaa" in ids


# ------------------------------------------------------------------ an acronym of a named keyword
def test_acronym_of_a_named_keyword_is_that_keyword(matcher) -> None:
    text = ("Clinical Lead - Risk Adjustment\n\nYou will automate risk adjustment work.\n\n"
            "Requirements\n- 3 years of CDI and/or RA coding experience\n")
    g = groups(text, matcher)
    assert ("cdi", "risk-adjustment") in g
    assert ("medical-coding",) not in g  # "RA coding": the head of RA, not coding of any kind
    # no full form in the posting: RA stays unknown, CDI stands alone
    text = "Clinical Lead\n\nRequirements\n- 3 years of CDI and/or RA coding experience\n"
    assert not any("risk-adjustment" in k for k in groups(text, matcher))


def test_real_cdi_or_ra_is_one_requirement(matcher) -> None:
    # "* 3 years of CDI and/or RA coding experience" in a posting about risk adjustment
    p = real("remotewlb-notable-clinical-dev-lead-risk-adjustment.txt", matcher)
    assert ["cdi", "risk-adjustment"] in [r.ids for r in p.requirements]
    assert ["medical-coding"] not in [r.ids for r in p.requirements]  # "RA coding" is RA's


# ------------------------------------------------------------------ ellipsis
def test_second_noun_takes_the_first_nouns_words(matcher) -> None:
    text = ("Policy Associate\n\nPreferred\n- Medical coding experience and/or certification\n"
            "Requirements\n- RN license\n")
    p = analyze_posting(text, matcher)
    req = [r for r in p.requirements if r.ids == ["medical-coding", "coding-certification"]]
    assert req and req[0].required is False  # one either-or requirement, preferred
    # no ellipsis: "certification" of nothing named is not a coding certification
    text = "Policy Associate\n\nPreferred\n- Medical coding experience\n- CPR certification\n"
    assert "coding-certification" not in asked(text, matcher)


def test_first_adjective_takes_the_second_nouns_head(matcher) -> None:
    text = "Billing Specialist\n\nA professional with strong organizational and communication skills.\n"
    assert {"organizational-skills", "communication-skills"} <= asked(text, matcher)
    text = "Billing Specialist\n\nA professional with strong communication skills.\n"
    assert "organizational-skills" not in asked(text, matcher)


def test_real_ellipses(matcher) -> None:
    # "* Medical coding experience and/or certification" (under "Preferred")
    p = real("remotewlb-oscar-associate-medical-policy.txt", matcher)
    assert ["medical-coding", "coding-certification"] in [r.ids for r in p.requirements]
    # "... a proactive professional with strong organizational and communication skills ..."
    assert "organizational-skills" in real_ids("doxa-legal-billing-specialist-control.txt", matcher)


# ------------------------------------------------------------------ placeholders
def test_bracketed_placeholder_is_not_a_heading(matcher) -> None:
    text = ("Clinical Coding Assistant\n\nJoin our team.\n\n[recruiter contact details removed]\n\n"
            "You will need excellent communication skills and excellent attention to detail.\n")
    assert {"communication-skills", "attention-to-detail"} <= asked(text, matcher)
    # a real contact heading still ends the posting's asks
    text = text.replace("[recruiter contact details removed]", "Contact")
    assert not {"communication-skills", "attention-to-detail"} & asked(text, matcher)


def test_real_placeholder(matcher) -> None:
    # "[recruiter contact details removed]" then "You will need excellent communication skills
    # ... You must have excellent attention to detail"
    ids = real_ids("nhs-clinical-coding-assistant-mid-and-south-essex-nhs-foundation-trust.txt", matcher)
    assert {"communication-skills", "attention-to-detail"} <= ids


# ------------------------------------------------------------------ either-or beside a lone ask
def test_either_or_stands_beside_a_member_asked_alone(matcher) -> None:
    text = ("Coder\n\nRequirements\n- CPC required.\n- Knowledge of CPT.\n\nPreferred\n"
            "- CPC or CCS-P with two years of experience.\n")
    g = groups(text, matcher)
    assert ("cpc",) in g and ("cpc", "ccs-p") in g
    assert ("ccs-p",) not in g  # CCS-P is only an alternative, never asked on its own


# ------------------------------------------------------------------ one sentence splitter
def test_sentence_spans() -> None:
    text = "Apply today. Experience with U.S. healthcare required.\nNext line"
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ["Apply today.", "Experience with U.S. healthcare required.", "Next line"]
    assert posting_parts("Coder\n\n[note]\nRequirements\n- CPT\n").text == "Coder\nRequirements\n- CPT"


# ------------------------------------------------------------------ more hedges
def test_welcome_and_asset_are_hedges(matcher) -> None:
    def required(line: str) -> bool:
        """Whether the requirement named on ``line`` (under "Requirements") is required."""
        p = analyze_posting(f"Coder\n\nRequirements\n- CPT coding\n- {line}\n", matcher)
        return next(r.required for r in p.requirements if r.ids not in (["cpt"], ["medical-coding"]))

    assert required("Applicants with CCS are very welcome to apply.") is False
    assert required("Candidates with CCS are encouraged to apply.") is False
    assert required("Experience with Epic is an asset.") is False
    # not hedges: a duty that welcomes patients, a plain requirement
    assert required("Welcome patients and verify insurance eligibility.") is True
    assert required("Experience with Epic.") is True


def test_real_welcome_to_apply_is_preferred() -> None:
    path = POSTINGS / "nhs-clinical-coding-audit-lead-dartford-and-gravesham-nhs-trust.txt"
    if not path.is_file():
        pytest.skip(f"real posting {path.name} not found (../shared absent)")
    layout = posting_parts(read_posting(path))
    # "Applicants with either one or both Audit and/or Training qualification are very welcome to apply."
    at = layout.text.index("very welcome to apply")
    assert layout.part_at(at) == "preferred"
    # the duties above it stay as they were
    assert layout.part_at(layout.text.index("in- house audit programme")) != "preferred"


# ------------------------------------------------------------------ review: asks kept
def test_a_coding_jobs_setting_experience_is_still_asked(matcher) -> None:
    """The workplace rule is for jobs that are no coding work (a front desk) or description that
    asks nothing: for a Medical Coder, an outpatient or inpatient setting asked for is that
    kind of coding, under Requirements, in a required sentence, and under Preferred."""
    assert "outpatient-coding" in asked(
        "Medical Coder\n\nRequirements:\n- 2 years in an outpatient clinic setting\n- CPC\n", matcher)
    assert "inpatient-coding" in asked(
        "Medical Coder\n\nExperience in an inpatient hospital setting required.\n", matcher)
    assert "asc" in asked(
        "Medical Coder\n\nPreferred:\n- Experience in an ASC setting\n\nRequirements:\n- CPC\n", matcher)
    # description that asks nothing, of a coder's job: the setting is where the job is done
    assert "outpatient-coding" not in asked(
        "Medical Coder\n\nAbout the role\nYou will sit in an outpatient medical office setting.\n\n"
        "Requirements\n- CPC required\n", matcher)


def test_hedges_are_one_test_for_keywords_years_and_education() -> None:
    """'is an asset' makes a degree or years preferred in the requirement checks too (one cue list,
    keywords.posting.is_hedged); 'is great' hedges nothing."""
    from resume_tool import api
    from resume_tool.analyze.requirements import posting_years
    from resume_tool.keywords.posting import is_hedged

    p = api.load_posting(text="Medical Coder\n\nRequirements\n- 3 years of coding experience is an asset.\n- CPC required\n")
    assert posting_years(p)[::2] == (3, True)
    p = api.load_posting(text="Medical Coder\n\nRequirements\n- 3 years of coding experience.\n- CPC required\n")
    assert posting_years(p)[2] is False
    assert is_hedged("A bachelor's degree is an asset.") and not is_hedged("Attention to detail is great.")


def test_a_keyword_only_mentioned_is_labelled_so_and_stays_a_role_keyword(tmp_path) -> None:
    """A workplace adjective of a front-desk job asks nothing: the keywords table says 'mentioned'
    (not 'preferred'), and a role's core keyword the posting only mentions is still a role-tier
    target of the gap report, not dropped from it."""
    from click.testing import CliRunner

    from resume_tool import api
    from resume_tool.cli import cli

    post = tmp_path / "p.txt"
    post.write_text("Patient Service Representative\n\n"
                    "Requirements\n- Two years as a front desk representative in an inpatient hospital setting required.\n"
                    "- Verify insurance eligibility.\n")
    out = CliRunner().invoke(cli, ["keywords", str(post), "--posting"]).output
    rows = {line.split("  ")[1].strip(): line.rstrip() for line in out.splitlines() if line.startswith("  ")}
    assert rows["inpatient"].endswith("mentioned") and rows["insurance verification"].endswith("required")
    resume = tmp_path / "r.txt"
    resume.write_text("Jane Roe\njane@example.com\nExperience\nInpatient Coder, Acme Hospital\n2019 - 2023\n"
                      "- Coded inpatient charts with ICD-10-PCS.\n")
    report = api.check(resume, post, role="inpatient-coder")
    by = {k.id: k for k in report.keywords}
    assert by["inpatient-coding"].in_posting and by["inpatient-coding"].source == "role"
    assert by["inpatient-coding"].target  # still scored as the role's core keyword
