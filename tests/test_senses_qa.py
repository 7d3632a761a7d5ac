"""Readings a new user found wrong on real postings, each tested both ways: "escalating to
leadership" names the managers (not a leadership skill), "review outstanding insurance billings"
is not insurance verification, and "HIPAA and compliance guidelines" are not payer guidelines."""

from __future__ import annotations

from resume_tool import api


def _ids(text: str) -> set[str]:
    return {k.entry_id for k in api.load_posting(text=f"Billing Specialist\n\nRequirements\n{text}").keywords}


def test_leadership_escalated_to_is_not_a_skill() -> None:
    assert "leadership" not in _ids("- Resolve disputes on invoices, escalating to leadership when needed.\n")
    assert "leadership" in _ids("- Strong leadership skills.\n- Proven leadership of a billing team.\n")


def test_review_insurance_billings_is_not_verification() -> None:
    assert "insurance-verification" not in _ids("- Review outstanding insurance billings and follow up.\n")
    assert "insurance-verification" in _ids("- Review eligibility and benefits before each visit.\n")
    assert "insurance-verification" in _ids("- Verify insurance for every patient.\n")


def test_compliance_guidelines_alone_are_not_payer_guidelines() -> None:
    assert "payer-guidelines" not in _ids("- Complies with HIPAA and compliance guidelines.\n")
    assert "payer-guidelines" in _ids("- Follows Medicare compliance guidelines and payer policies.\n")
