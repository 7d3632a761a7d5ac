"""The posting domain with issue 16's vocabulary: front-office, allied-credential and quality
entries (Patient Service Representative, Medical Assistant, BLS, copays, NCQA) and a bare
"outpatient" setting are healthcare evidence, never coding evidence; coding words still decide
coding."""

from __future__ import annotations

import pytest

from resume_tool import api


@pytest.mark.parametrize("text", [
    "Patient Service Rep\n\nRequirements\n- Verify insurance and schedule patients in our medical "
    "office.\n- Collect copays and deductibles.\n",
    "Medical Assistant\n\nRequirements\n- BLS required.\n- 2 years in an outpatient medical office.\n",
    "Associate, Medical Policy\n\nRequirements\n- Active RN license.\n- Knowledge of NCQA standards.\n",
])
def test_near_miss_postings_are_healthcare(text: str) -> None:
    assert api.load_posting(text=text).domain == "healthcare"


@pytest.mark.parametrize("text", [
    "Patient Service Rep\n\nRequirements\n- Schedule patients and collect copays.\n"
    "- CPC required; CPT and ICD-10-CM coding.\n",
    "Medical Coder\n\nRequirements\n- 2 years of outpatient coding in a medical office.\n",
])
def test_coding_words_still_decide_coding(text: str) -> None:
    assert api.load_posting(text=text).domain == "coding"


def test_a_bulleted_short_list_takes_the_preference_at_its_end() -> None:
    """'- Experience with primary care, pediatrics, and other specialties preferred' (AHCS): the
    bullet's dash is not a word, so the short first item shares the list's 'preferred'."""
    from resume_tool.keywords.posting import clause_parts

    parts = clause_parts("- Experience with primary care, pediatrics, and other specialties preferred",
                         "required")
    assert {p for _, _, p in parts} == {"preferred"}
    # a long first clause keeps the heading's part: only Epic is preferred
    parts = clause_parts("- Experience with an encoder and an EHR system, Epic preferred", "required")
    assert [p for _, _, p in parts] == ["required", "preferred"]


def test_what_the_employer_offers_is_not_asked() -> None:
    ids = {k.entry_id for k in api.load_posting(text=(
        "Clinical Coder\n\nAbout the team\nAs a team we offer a complete flexible approach to working. "
        "Coders enjoy the option to work from home if desired.\n\nRequirements\n- OPCS-4 and ICD-10.\n"
    )).keywords}
    assert "adaptability" not in ids and "remote-work" not in ids and "opcs-4" in ids
    ids = {k.entry_id for k in api.load_posting(text=(
        "Clinical Coder\n\nRequirements\n- A flexible approach to working is essential.\n"
        "- Able to work from home.\n- OPCS-4 and ICD-10.\n"
    )).keywords}
    assert "adaptability" in ids and "remote-work" in ids


def _req_ids(text: str) -> list[list[str]]:
    return [r.ids for r in api.load_posting(text=text).requirements]


def test_bare_coding_beside_clinical_coding_is_one_requirement() -> None:
    """'coding experience' in a posting that names clinical coding is that clinical coding, not a
    second 'medical coding' requirement; without clinical coding named, it stays its own."""
    reqs = _req_ids("Clinical Coder\n\nRequirements\n- Clinical coding with ICD-10 and OPCS-4.\n"
                    "- Demonstrable coding experience.\n")
    assert ["clinical-coding"] in reqs and ["medical-coding"] not in reqs
    reqs = _req_ids("Medical Coder\n\nRequirements\n- Demonstrable coding experience with ICD-10-CM "
                    "and CPT.\n")
    assert ["medical-coding"] in reqs
    # written out in full, "medical coding" is asked in its own words and stays
    reqs = _req_ids("Clinical Coder\n\nRequirements\n- Clinical coding with ICD-10 and OPCS-4.\n"
                    "- Medical coding experience in the US.\n")
    assert ["medical-coding"] in reqs


def test_a_manager_posting_is_not_read_as_an_entry_level_job() -> None:
    from resume_tool.analyze import infer_role

    vocab, _ = api.engine()
    body = ("\n\nRequirements\n- Medical coding with ICD-10-CM, CPT and HCPCS.\n- Medical terminology "
            "and anatomy and physiology.\n- CPC-A or CCA.\n")
    assert infer_role(vocab, api.load_posting(text="Title: Junior Coder" + body), None) == "entry-level-coder"
    assert infer_role(vocab, api.load_posting(text="Title: Coding Manager" + body), None) != "entry-level-coder"
