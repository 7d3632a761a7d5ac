"""Issue 16 / issue 10 item 4: verb + noun phrases, senses of short forms, whose credential it is,
generic billing words only with healthcare evidence, and the linear tokenizer.

Every rule is tested both ways: found in the right phrasing, not found across a sentence or
list item, in a negation, in someone else's duty, or in the other sense.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from resume_tool.keywords import KeywordMatcher, load_vocabulary
from resume_tool.keywords.lists import validate_dir

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# A sentence that makes any document healthcare (CPT and Medicare are distinctive entries).
MEDICAL = "Coded CPT and ICD-10-CM for Medicare patients. "


@pytest.fixture(scope="module")
def m() -> KeywordMatcher:
    return KeywordMatcher(load_vocabulary())


def ids(m: KeywordMatcher, text: str) -> set[str]:
    return {x.entry_id for x in m.match(text)}


# ------------------------------------------------------------------ phrases, found
@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Verified patient eligibility before each visit.", "insurance-verification"),
        ("Verify insurance eligibility for scheduled procedures.", "insurance-verification"),
        ("Verifying benefits and coverage with payers.", "insurance-verification"),
        ("Eligibility verified for all new patients.", "insurance-verification"),
        ("Posted payments from EOBs daily.", "payment-posting"),
        ("Followed up on insurance claims older than 30 days.", "ar-follow-up"),
        ("Submitted electronic/paper claims to payers.", "claim-submission"),
        ("Obtained authorizations for MRI and CT.", "prior-authorization"),
        ("Audited charts for compliance.", "coding-audit"),
        ("Registering patients at the front desk.", "patient-access"),
        ("Train new employees on Epic.", "mentoring"),
        ("Scheduled patients for surgery.", "appointment-scheduling"),
        ("Collected copays at check-in.", "copays-deductibles"),
    ],
)
def test_phrase_found(m, text, entry):
    assert entry in ids(m, MEDICAL + text)


def test_phrase_wrapped_line_still_found(m):
    assert "insurance-verification" in ids(m, MEDICAL + "Verified patient\neligibility daily.")


def test_audited_charts_for_compliance_gives_audit_and_compliance(m):
    got = ids(m, MEDICAL + "Audited charts for compliance.")
    assert {"coding-audit", "coding-compliance"} <= got


def test_keyword_inside_the_gap_is_kept(m):
    got = ids(m, MEDICAL + "Posted Medicare payments.")
    assert {"payment-posting", "medicare"} <= got


# ------------------------------------------------------------------ phrases, not found
@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # across a sentence, a list item, a clause
        ("Verified identity. Eligibility was a separate team.", "insurance-verification"),
        ("- Verified identity\n- Eligibility lists", "insurance-verification"),
        ("Posted notices; payments were handled by finance.", "payment-posting"),
        # negation
        ("No prior authorization experience.", "prior-authorization"),
        ("Never verified eligibility.", "insurance-verification"),
        # someone else's duty
        ("Supervised staff who verified eligibility.", "insurance-verification"),
        ("Trained billers to apply payments.", "payment-posting"),
        # too far apart
        ("Verified the long list of the many eligibility rules.", "insurance-verification"),
    ],
)
def test_phrase_not_found(m, text, entry):
    assert entry not in ids(m, MEDICAL + text)


def test_own_duty_after_and_is_kept(m):
    assert "payment-posting" in ids(m, MEDICAL + "Trained staff and posted payments.")


def test_not_limited_to_is_no_negation(m):
    assert "cpt" in ids(m, "Including but not limited to CPT, HCPCS and ICD-10-CM.")


# ------------------------------------------------------------------ generic words and healthcare evidence
def test_generic_billing_words_count_with_healthcare_evidence(m):
    got = ids(m, MEDICAL + "Experience in patient accounting, billing, claims, audit, compliance.")
    assert {"medical-billing", "insurance-claims", "coding-audit", "coding-compliance"} <= got
    assert "accounts-receivable" in ids(m, MEDICAL + "Worked accounts receivable.")


def test_bare_generic_word_counts_only_as_a_list_item(m):
    # "billing" names a skill in a list or on a line of its own, not in "the billing team"
    assert "medical-billing" in ids(m, MEDICAL + "Skills:\nBilling\nScheduling")
    assert "medical-billing" not in ids(m, MEDICAL + "Worked denials with the billing team.")
    assert "medical-billing" not in ids(m, MEDICAL + "Validated the DRG before final billing.")
    assert "insurance-claims" not in ids(m, MEDICAL + "Resolved edits before claims are released.")


def test_generic_billing_words_do_not_count_without_it(m):
    text = (
        "Billing Coordinator. Handled invoices, billing, claims, collections and accounts "
        "receivable for a law firm; audit, compliance; posted payments."
    )
    got = ids(m, text)
    for entry in ("medical-billing", "patient-collections", "accounts-receivable",
                  "coding-audit", "coding-compliance", "billing-specialist", "payment-posting"):  # fmt: skip
        assert entry not in got
    assert m.match_document(text).healthcare.found is False
    # a caller that judged the whole document healthcare may say so for one line
    assert "medical-billing" in {x.entry_id for x in m.match("Billing", healthcare=True)}
    assert "medical-billing" not in {x.entry_id for x in m.match("Billing")}


def test_one_stray_word_is_not_healthcare_evidence(m):
    ev = m.healthcare_evidence("Skills: Insurance, billing, Excel, customer service.")
    assert not ev.found


def test_healthcare_evidence_lists_the_entries(m):
    ev = m.healthcare_evidence(MEDICAL)
    assert ev.found and {"cpt", "medicare"} <= set(ev.entries)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize(
    "rel",
    [
        "resumes_text/livecareer-24590489-billing-services-associate-nonmedical.txt",
        "postings/doxa-legal-billing-specialist-control.txt",
    ],
)
def test_real_non_medical_controls_have_no_medical_billing(m, rel):
    text = (CORPUS / rel).read_text(encoding="utf-8", errors="replace")
    result = m.match_document(text)
    got = {x.entry_id for x in result.matches}
    assert not result.healthcare.found
    for entry in ("medical-billing", "accounts-receivable", "patient-collections",
                  "reimbursement", "billing-specialist", "coding-compliance", "coding-audit"):  # fmt: skip
        assert entry not in got


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_real_medical_biller_has_billing_and_phrases(m):
    rel = "resumes_text/livecareer-23918545-claims-service-specialist-billing.txt"
    text = (CORPUS / rel).read_text(encoding="utf-8", errors="replace")
    got = {x.entry_id for x in m.match(text)}
    assert {"medical-billing", "insurance-verification", "claim-submission", "ar-follow-up"} <= got


# ------------------------------------------------------------------ senses of short forms
@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        ("Skills: A&P, medical terminology, CPT", "anatomy-physiology", True),
        (MEDICAL + "Processed A/P checks and vendor invoices.", "anatomy-physiology", False),
        (MEDICAL + "Billed under the Medicare PFS using RVU and GPCI values.", "mpfs", True),
        (MEDICAL + "PFS Supervisor, Patient Financial Services department.", "mpfs", False),
        (MEDICAL + "Assigned POS codes and modifiers on the CMS-1500.", "pos", True),
        (MEDICAL + "Ran the POS system and cash register at the front desk.", "pos", False),
        (MEDICAL + "Worked in the PASS department.", "pas", False),
        ("Skills: Access, Excel, Word, PowerPoint", "microsoft-access", True),
        (MEDICAL + "Access patient records in Epic.", "microsoft-access", False),
        ("Healthcare Common Procedure Coding System (HCPCS)", "hcfa", False),
        ("HCFA Common Procedure Coding System codes", "hcfa", False),
        ("HCFA Common Procedure Coding System codes", "hcpcs", True),
        (MEDICAL + "Pittsburgh, PA 15213", "therapy-services", False),
    ],
)
def test_sense(m, text, entry, expected):
    assert (entry in ids(m, text)) is expected


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        # the writer's own credential
        (MEDICAL + "Licensed RN since 2015.", "rn", True),
        (
            MEDICAL + "Worked as a CNA at a skilled nursing facility; certified nursing assistant.",
            "cna",
            True,
        ),
        ("Certifications: CPC (AAPC), CPhT", "cpht", True),
        ("Certifications: CMA (AAMA), phlebotomy", "cma", True),
        ("Certifications: EMT-B, CPR", "emt", True),
        ("Certified Professional Coder (CPC), AAPC; CPC-credentialed coder.", "cpc", True),
        ("Certifications: CPC-A, AAPC", "cpc-a", True),
        ("Certifications: CPC-A, AAPC", "cpc", False),
        # someone else's
        (MEDICAL + "Reports to the RN on duty.", "rn", False),
        (MEDICAL + "Recruited RNs and CNAs for the clinic.", "rn", False),
        (MEDICAL + "Recruited RNs and CNAs for the clinic.", "cna", False),
        (MEDICAL + "Supervised LPN staff on the unit.", "lpn", False),
        (MEDICAL + "Worked with RN case managers.", "rn", False),
        (MEDICAL + "Checked EMT paperwork and EMT background checks.", "emt", False),
        (MEDICAL + "Supervised CPC coders.", "cpc", False),
        # not held
        ("Certifications: RHIT Pending", "rhit", False),
        ("Certifications: CCS (in progress)", "ccs", False),
        ("Pursuing CPC certification with AAPC.", "cpc", False),
        # another sense of the letters
        ("CMA (Certified Management Accountant), CPA, accounting", "cma", False),
    ],
)
def test_whose_credential(m, text, entry, expected):
    assert (entry in ids(m, text)) is expected


def test_job_title_of_other_people_is_not_the_writers(m):
    got = ids(m, MEDICAL + "Worked with office practice managers on schedules.")
    assert "practice-manager" not in got
    assert "practice-manager" in ids(m, MEDICAL + "Practice Manager, 2015-2020.")


# ------------------------------------------------------------------ new systems (issue 16.2)
@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Charted MDS in PointClickCare.", "pointclickcare"),
        ("Charted in Point Click Care at a skilled nursing facility.", "pointclickcare"),
        ("EHR: PCC (long-term care)", "pointclickcare"),
        ("Used VistA and CPRS at the VA.", "vista"),
        ("Used VistA and CPRS at the VA.", "cprs"),
        ("Billing in drchrono.", "drchrono"),
        ("Home care visits in HHAeXchange and Santrax.", "hhaexchange"),
        ("Home care visits in HHAeXchange and Santrax.", "santrax"),
        ("Coded in Nuance Clintegrity.", "clintegrity"),
        ("Processed requests in Ciox ROI.", "ciox"),
        ("Merged duplicates with EMPI tools.", "empi"),
        ("Corrected claims in FISS via DDE for Medicare.", "fiss"),
        ("Corrected claims in FISS via DDE for Medicare.", "dde"),
        ("Medicaid claims in MMIS.", "mmis"),
        ("Reported eCQM and Meaningful Use measures.", "ecqm"),
        ("Reported eCQM and Meaningful Use measures.", "meaningful-use"),
    ],
)
def test_new_system_found(m, text, entry):
    assert entry in ids(m, text)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Our PCC meeting is on Monday.", "pointclickcare"),
        ("A Windows Vista laptop and printer.", "vista"),
        ("Took Allegra for allergies.", "allegra"),
    ],
)
def test_new_system_not_found_in_other_sense(m, text, entry):
    assert entry not in ids(m, text)


def test_pointclickcare_satisfies_ehr():
    vocab = load_vocabulary()
    assert "ehr-emr" in vocab.entries["pointclickcare"].satisfies


# ------------------------------------------------------------------ schema validation
def _check(tmp_path: Path, body: str) -> list[str]:
    (tmp_path / "x.toml").write_text(textwrap.dedent(body), encoding="utf-8")
    return validate_dir(tmp_path)


def test_phrase_schema_accepts_a_good_phrase(tmp_path):
    assert _check(tmp_path, """
        [[entry]]
        id = "x-verify"
        term = "x verification"
        category = "billing_claims"
        phrases = [{verbs = ["verify", "follow up"], nouns = ["eligibility"], gap = 2}]
        """) == []  # fmt: skip


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ('phrases = [{verbs = ["verify"]}]', "phrases[1].nouns': missing required field"),
        (
            'phrases = [{verbs = [], nouns = ["x"]}]',
            "phrases[1].verbs': must name at least one word",
        ),
        (
            'phrases = [{verbs = ["verify"], nouns = ["x"], gap = 9}]',
            "phrases[1].gap': must be a whole number from 0 to 5",
        ),
        ('phrases = [{verb = ["verify"], nouns = ["x"]}]', "did you mean 'verbs'"),
        ('phrases = "verify eligibility"', "must be a list of tables"),
        ('needs_healthcare = ["billing"]', "'billing' is not one of the entry's forms"),
        ("healthcare_evidence = 1", "must be true or false"),
        ("strict_context = true", "needs a context list"),
        ('veto_context = "vendor"', 'write veto_context = ["vendor"]'),
    ],
)
def test_phrase_schema_errors_are_clear(tmp_path, line, needle):
    problems = _check(tmp_path, f"""
        [[entry]]
        id = "x-thing"
        term = "x thing"
        category = "billing_claims"
        {line}
        """)  # fmt: skip
    assert problems and any(needle in p for p in problems), problems
    assert all("\n" not in p for p in problems)


# ------------------------------------------------------------------ tokenizer is linear (issue 15)
def test_tokenizer_is_linear_on_long_runs():
    # Quadratic before: every token start inside "a-a-a-..." rescanned the run for an "@"
    # (39 s on 100 KB). Run in a subprocess with a generous bound so a regression cannot hang CI.
    code = textwrap.dedent("""
        from resume_tool.keywords.nlp import DomainTokenizer
        for unit in ("a-", "a+", "a_", "1-", "a@b-", "x.y", "1,"):
            s = (unit * (100000 // len(unit)))[:100000]
            assert len(DomainTokenizer.spans(s)) > 1
    """)
    subprocess.run(
        [sys.executable, "-c", code], check=True, timeout=20, cwd=Path(__file__).parents[1]
    )


def test_tokenizer_unchanged_on_e_mail_and_urls():
    from resume_tool.keywords.nlp import DomainTokenizer

    text = "Mail jane.doe+cv@example.co.uk or see https://example.org/cv, ICD-10-CM."
    toks = [text[a:b] for a, b in DomainTokenizer.spans(text)]
    assert "jane.doe+cv@example.co.uk" in toks and "https://example.org/cv" in toks
    assert toks[-6:] == ["ICD", "-", "10", "-", "CM", "."]
