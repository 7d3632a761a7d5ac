"""Posting reading and analysis: title, boilerplate, required vs preferred, unknown terms."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from resume_tool.errors import InputError
from resume_tool.keywords import KeywordMatcher, analyze_posting, read_posting
from resume_tool.keywords.posting import (
    PART_DESCRIPTION,
    PART_PREFERRED,
    PART_REQUIRED,
    classify_heading,
    clause_parts,
    posting_parts,
)
from tests.test_matcher import small_vocab

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
POSTINGS = CORPUS / "postings"


@pytest.fixture(scope="module")
def small() -> KeywordMatcher:
    return KeywordMatcher(small_vocab())


@pytest.fixture(scope="module")
def real() -> KeywordMatcher:
    from resume_tool.keywords import load_vocabulary

    return KeywordMatcher(load_vocabulary())


def flags(posting) -> dict[str, tuple[bool, bool]]:
    return {k.entry_id: (k.required, k.preferred) for k in posting.keywords}


def corpus_posting(name: str, matcher: KeywordMatcher):
    path = POSTINGS / name
    if not path.is_file():
        pytest.skip(f"corpus posting {name} not found at {POSTINGS} (shared corpus absent)")
    return analyze_posting(read_posting(path), matcher, path=str(path))


# ------------------------------------------------------------------ reading
def test_read_text_posting_keeps_blank_lines(tmp_path):
    p = tmp_path / "job.txt"
    p.write_text("Coder\r\n\r\nRequirements\r\n- CPT®\r\n", encoding="utf-8")
    assert read_posting(p) == "Coder\n\nRequirements\n- CPT\n"


def test_read_posting_from_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Title: Coder\nCPT required\n"))
    assert read_posting("-") == "Title: Coder\nCPT required\n"


def test_read_posting_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_posting(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_posting(tmp_path)


def test_read_docx_posting_through_the_read_stage(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Outpatient Coder")
    d.add_paragraph("Required: CPC and ICD-10-CM")
    path = tmp_path / "posting.docx"
    d.save(path)
    text = read_posting(path)
    assert "Outpatient Coder" in text and "ICD-10-CM" in text


# ------------------------------------------------------------------ headings and cues
@pytest.mark.parametrize(
    "heading, part",
    [
        ("Requirements", PART_REQUIRED),
        ("Required qualifications:", PART_REQUIRED),
        ("Minimum Qualifications", PART_REQUIRED),
        ("Must have", PART_REQUIRED),
        ("Essential", PART_REQUIRED),
        ("Education", PART_REQUIRED),
        ("Person Specification", PART_REQUIRED),
        ("Preferred", PART_PREFERRED),
        ("Preferred Knowledge, Skills, Abilities & Education:", PART_PREFERRED),
        ("Desirable", PART_PREFERRED),
        ("Nice to have", PART_PREFERRED),
        ("Desired Qualifications", PART_PREFERRED),
        ("### Bonus Points", PART_PREFERRED),
        ("Responsibilities", PART_DESCRIPTION),
        ("About the role", PART_DESCRIPTION),
        ("About us", "boilerplate"),
        ("Benefits", "boilerplate"),
        ("Equal Opportunity Employer", "boilerplate"),
        ("How to apply", "boilerplate"),
        ("Physical Demands", "boilerplate"),
        ("Pay Transparency:", "boilerplate"),
        ("Lunch menu", None),
    ],
)
def test_classify_heading(heading, part):
    assert classify_heading(heading) == part


def _parts(sentence: str, base: str = PART_DESCRIPTION) -> list[tuple[str, str]]:
    return [(sentence[a:b].strip(" ,;"), p) for a, b, p in clause_parts(sentence, base)]


def test_clause_cues():
    assert _parts("CPC required, CCS preferred") == [
        ("CPC required", PART_REQUIRED),
        ("CCS preferred", PART_PREFERRED),
    ]
    assert {p for _, p in _parts("Knowledge of CPT, ICD-10 and HCPCS is required")} == {
        PART_REQUIRED
    }
    assert {p for _, p in _parts("CPT, ICD-10 and HCPCS preferred", PART_REQUIRED)} == {
        PART_PREFERRED
    }
    assert {p for _, p in _parts("Must have CPC, CCS or CPC-A")} == {PART_REQUIRED}
    # a long clause before "Epic preferred" keeps its heading's part
    got = _parts(
        "Experience with an encoder (3M, Optum EncoderPro or similar) and an EHR, Epic preferred.",
        PART_REQUIRED,
    )
    assert got[-1] == ("Epic preferred.", PART_PREFERRED)
    assert all(p == PART_REQUIRED for _, p in got[:-1])
    got = _parts("Active, unrestricted RN (BSN preferred) license", PART_REQUIRED)
    assert ("(BSN preferred)", PART_PREFERRED) in got
    assert all(p == PART_REQUIRED for t, p in got if "BSN" not in t)
    assert _parts("Perform other duties as required") == [
        ("Perform other duties as required", PART_DESCRIPTION)
    ]
    assert _parts("Epic experience is a plus", PART_REQUIRED) == [
        ("Epic experience is a plus", PART_PREFERRED)
    ]


# ------------------------------------------------------------------ synthetic postings
POSTING = """\
+++
title = "Outpatient Coder II"
organization = "Lakeview Health Partners"
salary = "$25 - $30"
b_benefits = ["Dental", "Vision"]
+++
About the role
Lakeview Health Partners is hiring an outpatient coder to assign CPT and ICD-10-CM codes.

Responsibilities
- Apply NCCI edits and resolve denials.

Required qualifications
- Certified Professional Coder (CPC) or CCS.
- Working knowledge of HCPCS Level II. Cerner experience preferred.

Preferred qualifications
- Certified Risk Adjustment Coder (CRC).
- Epic Resolute experience is a plus.

Benefits
We offer medical billing discounts and a 403(b).

Lakeview Health Partners is an equal opportunity employer. Our AR team values diversity.
"""


def test_synthetic_posting(small):
    p = analyze_posting(POSTING, small, path="job.txt")
    assert p.title == "Outpatient Coder II"
    assert p.path == "job.txt"
    f = flags(p)
    for rid in ("cpt", "icd-10-cm", "cpc", "ccs", "hcpcs", "denial-management"):
        assert f[rid][0], rid
    assert f["crc"] == (False, True)
    assert f["epic-resolute"] == (False, True)
    assert f["cerner"] == (False, True)  # "... preferred" under a Required heading
    # boilerplate (benefits section, EEO paragraph, front matter) is gone before counting
    assert "medical-billing" not in f and "ar" not in f
    assert "403(b)" not in p.text and "equal opportunity" not in p.text and "Dental" not in p.text
    cpc = next(k for k in p.keywords if k.entry_id == "cpc")
    assert cpc.count == 2 and cpc.sentences and "Certified Professional Coder" in cpc.sentences[0]
    assert {m.section for m in p.matches} <= {PART_REQUIRED, PART_PREFERRED, PART_DESCRIPTION}
    for m in p.matches:
        assert p.text[m.start : m.end] == m.surface
    assert [(d.short, d.long) for d in p.definitions] == [
        ("CPC", "Certified Professional Coder"),
        ("CRC", "Certified Risk Adjustment Coder"),
    ]


def test_posting_without_structure_makes_everything_required(small):
    p = analyze_posting("Billing coder. Uses CPT, ICD-10-CM and Epic EHR daily.", small)
    assert p.keywords and all(k.required and not k.preferred for k in p.keywords)


def test_title_from_header_lines_and_markdown():
    assert (
        posting_parts("Title: Clinical Coder\nEmployer: X Trust\n\nCode things.").title
        == "Clinical Coder"
    )
    assert posting_parts("Job Title: Coder II\nCPT").title == "Coder II"
    assert (
        posting_parts("# [Coder](https://x.example/apply)\n### Surgical Notes\nText.").title
        == "Coder"
    )
    assert (
        posting_parts("# [Coder](https://x.example/apply)\n### Surgical Notes\nText.").employer
        == "Surgical Notes"
    )
    assert (
        posting_parts("Senior Medical Coder\n\nWe need a coder who knows CPT.").title
        == "Senior Medical Coder"
    )


def test_nhs_person_specification(real):
    text = (
        "Title: Clinical Coder\nEmployer: Some NHS Trust\n\n"
        "Person Specification\n\nEssential\n- Accredited Clinical Coder (ACC)\n"
        "- Knowledge of ICD-10 and OPCS-4\n\nDesirable\n- Experience of HRG4+\n"
    )
    f = flags(analyze_posting(text, real))
    assert f["acc"] == (True, False)
    assert f["icd-10"] == (True, False)
    assert f["opcs-4"] == (True, False)
    assert f["hrg"] == (False, True)


def test_lead_in_line_scopes_its_list(real):
    text = (
        "Applicants are required to:\n\n- Possess the NCCQ\n\n- Know ICD-10\n\n"
        "We also like Microsoft Excel but it is a plus.\n"
    )
    f = flags(analyze_posting(text, real))
    assert f["icd-10"] == (True, False)
    assert f["microsoft-excel"] == (False, True)


# ------------------------------------------------------------------ real corpus postings
@pytest.mark.corpus
def test_surgical_notes_coder(real):
    p = corpus_posting("remotewlb-surgical-notes-coder-asc.txt", real)
    assert p.title == "Coder"
    f = flags(p)
    # duties name the code sets and edits: the job needs them
    for rid in (
        "cpt",
        "hcpcs",
        "icd-10-cm",
        "ncci",
        "lcd",
        "ncd",
        "coding-clinic",
        "cpt-assistant",
    ):
        assert f[rid][0], rid
    # "Required Knowledge, Skills, Abilities & Education"
    for rid in (
        "coding-certification",
        "medical-terminology",
        "anatomy-physiology",
        "surgical-coding",
    ):
        assert f[rid] == (True, False), rid
    # "Preferred ...: 2+ years Ambulatory Surgical Center coding experience"
    assert f["asc"] == (False, True)
    # physical demands and bandwidth notes are boilerplate
    assert "COVID" not in p.text and "Mbps" not in p.text


@pytest.mark.corpus
def test_oscar_medical_policy(real):
    p = corpus_posting("remotewlb-oscar-associate-medical-policy.txt", real)
    f = flags(p)
    assert f["rn"] == (True, False)
    assert f["microsoft-excel"] == (True, False)
    assert f["medical-coding"] == (False, True)  # "Bonus Points"
    assert f["mcg"] == (False, True)
    assert "BSN" in p.unknown_terms
    assert "$98,400" not in p.text  # pay transparency is boilerplate


@pytest.mark.corpus
def test_notable_risk_adjustment(real):
    p = corpus_posting("remotewlb-notable-clinical-dev-lead-risk-adjustment.txt", real)
    f = flags(p)
    for rid in ("cms-hcc", "hhs-hcc", "hipaa", "risk-adjustment-coder", "rn"):
        assert f[rid] == (True, False), rid
    assert f["cdi"] == (
        True,
        True,
    )  # required "CDI ... experience", preferred "within a CDI ... team"
    assert "leading intelligent automation company" not in p.text
    assert "scam" not in p.text.lower()
    assert {"APRN", "FNP"} <= set(p.unknown_terms)


@pytest.mark.corpus
def test_pprm_certified_medical_coder(real):
    p = corpus_posting("jobsboard-pprm-certified-medical-coder.txt", real)
    assert p.title == "Certified Medical Coder"
    assert p.keywords and all(k.required for k in p.keywords)  # no required/preferred structure
    assert "coding-audit" in flags(p)
    assert "PPRM" not in p.unknown_terms  # the employer's initials


@pytest.mark.corpus
def test_pprm_medical_coding_manager(real):
    f = flags(corpus_posting("jobsboard-pprm-medical-coding-manager.txt", real))
    for rid in ("cpc", "crc", "aapc"):
        assert f[rid] == (True, False), rid


@pytest.mark.corpus
def test_nhs_wirral_team_leader(real):
    p = corpus_posting(
        "nhs-clinical-coding-team-leader-wirral-university-teaching-hospital-nhs-foundation-t.txt",
        real,
    )
    assert p.title == "Clinical Coding Team Leader"
    f = flags(p)
    for rid in ("acc", "medical-terminology", "anatomy-physiology"):
        assert f[rid] == (True, False), rid
    assert "Helen" not in p.text  # contact block


@pytest.mark.corpus
def test_nhs_mid_and_south_essex_senior_coder(real):
    p = corpus_posting(
        "nhs-senior-clinical-coder-mid-and-south-essex-nhs-foundation-trust.txt", real
    )
    f = flags(p)
    for rid in ("icd-10", "opcs-4", "medical-terminology", "anatomy-physiology"):
        assert f[rid] == (True, False), rid
    required_part = [m for m in p.matches if m.entry_id == "opcs-4"]
    assert required_part and required_part[0].section == PART_REQUIRED


@pytest.mark.corpus
def test_nhs_chelsea_boilerplate(real):
    p = corpus_posting(
        "nhs-accredited-clinical-coder-chelsea-and-westminster-hospital-nhs-foundation-trust.txt",
        real,
    )
    assert "Hammersmith" not in p.text and "recruitment and retention" not in p.text
    f = flags(p)
    assert f["acc"][0] and f["hrg"][0]


@pytest.mark.corpus
def test_every_corpus_posting_analyses(real):
    if not POSTINGS.is_dir():
        pytest.skip("shared corpus absent")
    for path in sorted(POSTINGS.glob("*.txt")):
        p = analyze_posting(read_posting(path), real, path=str(path))
        assert p.title, path.name
        assert len(p.unknown_terms) == len(set(p.unknown_terms))
        for m in p.matches:
            assert p.text[m.start : m.end] == m.surface
        for term in p.unknown_terms:
            assert term.upper() not in {"PLEASE", "NOTE", "THE", "NHS", "USA"}, (path.name, term)


# ------------------------------------------------------------------ issue 10: requirements, domain
@pytest.fixture(scope="module")
def full_matcher():
    from resume_tool import api

    return api.engine()[1]


def _groups(text: str, m) -> dict[tuple[str, ...], bool]:
    p = analyze_posting(text, m)
    return {tuple(r.ids): r.required for r in p.requirements}


def test_credential_list_with_or_is_one_requirement(full_matcher) -> None:
    g = _groups("Coder\n\nRequirements\n- Must hold the CPC, CPC-A, COC, CCS or CCS-P credential.\n", full_matcher)
    assert ("cpc", "cpc-a", "coc", "ccs", "ccs-p") in g
    assert not any(k == ("cpc",) for k in g)  # never four separate "missing" credentials


def test_and_list_is_not_alternatives(full_matcher) -> None:
    g = _groups("Coder\n\nRequirements\n- Knowledge of CPT, ICD-10-CM and HCPCS.\n", full_matcher)
    assert ("cpt",) in g and ("hcpcs",) in g and not any(len(k) > 1 for k in g)


def test_or_similar_and_slash(full_matcher) -> None:
    p = analyze_posting("Coder\n\nRequirements\n- Experience with Optum EncoderPro or similar.\n"
                        "- Epic/Cerner experience.\n", full_matcher)
    eq = [r for r in p.requirements if r.ids == ["optum-encoderpro"]]
    assert eq and eq[0].or_equivalent
    g = {tuple(r.ids) for r in p.requirements}
    # two code sets written with a slash are both asked for; two systems are either-or
    g2 = _groups("Coder\n\nRequirements\n- CPT/HCPCS coding.\n", full_matcher)
    assert not any(len(k) > 1 for k in g2)
    assert g


def test_one_of_and_preferred(full_matcher) -> None:
    g = _groups("Coder\n\nPreferred qualifications\n- One of CCS or RHIT.\n", full_matcher)
    assert g.get(("ccs", "rhit")) is False  # one requirement, preferred


def test_domain_decision(full_matcher) -> None:
    legal = analyze_posting("Billing Specialist\n\nManage client billing, invoices and collections "
                            "in Clio for our law firm.\n", full_matcher)
    assert legal.domain == "not-healthcare"
    access = analyze_posting("Patient Service Rep\n\nSchedule patients, verify insurance and collect "
                             "co-payments at our medical office.\n", full_matcher)
    assert access.domain == "healthcare"
    coder = analyze_posting("Coder\n\nAssign ICD-10-CM and CPT codes.\n", full_matcher)
    assert coder.domain == "coding" and coder.domain_evidence
    # a billing word with no healthcare word anywhere is not medical billing
    payments = analyze_posting("Payments Engineer\n\nOffer Billers electronic invoice delivery and "
                               "help with the diagnosis of product failures.\n", full_matcher)
    assert payments.domain == "not-healthcare"
    # a Canadian health-system billing job is healthcare, not a US coding job
    ohip = analyze_posting("Medical Billing Specialist\n\nCompile and enter OHIP medical billing for "
                           "physicians in Ontario.\n", full_matcher)
    assert ohip.domain == "healthcare"


def test_same_requirements_from_txt_docx_pdf_stdin(tmp_path, full_matcher, monkeypatch) -> None:
    import docx
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    lines = ["Medical Coder", "", "Requirements",
             "- Certified Professional Coder (CPC) or Certified Coding Specialist-Physician Based (CCS-P).",
             "- Knowledge of ICD-10-CM, CPT and HCPCS."]
    txt = tmp_path / "p.txt"
    txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    d = docx.Document()
    for ln in lines:
        d.add_paragraph(ln)
    d.save(tmp_path / "p.docx")
    c = canvas.Canvas(str(tmp_path / "p.pdf"), pagesize=letter)
    y = 720
    for ln in lines:
        c.drawString(40, y, ln[:95])
        if len(ln) > 95:  # a wrapped line, as PDFs have them
            y -= 14
            c.drawString(40, y, ln[95:])
        y -= 14
    c.save()
    monkeypatch.setattr("sys.stdin", io.StringIO(txt.read_text()))
    got = [
        {tuple(r.ids) for r in analyze_posting(read_posting(src), full_matcher).requirements}
        for src in (txt, tmp_path / "p.docx", tmp_path / "p.pdf", "-")
    ]
    assert ("cpc", "ccs-p") in got[0]
    assert got[0] == got[1] == got[2] == got[3]


def test_real_postings_requirements_meet_floors() -> None:
    from tests.eval.real_requirements import FLOORS, POSTINGS, run_requirements

    if not POSTINGS.is_dir():
        pytest.skip("../shared/corpus/postings is not here")
    res = run_requirements()
    assert res is not None and res.postings == 30
    for key, floor in FLOORS.items():
        assert getattr(res, key) >= floor, (key, getattr(res, key))
    # the law-firm billing posting is the negative control
    assert not any("doxa" in m and "domain" in m for m in res.misses)


REAL_POSTINGS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "postings"
needs_real = pytest.mark.skipif(not REAL_POSTINGS.is_dir(), reason="../shared/corpus/postings is not here")


@needs_real
@pytest.mark.parametrize(
    ("name", "domain", "group", "or_equivalent"),
    [
        # labels from tests/eval/real_posting_requirements.toml (read before the tool ran)
        ("doxa-legal-billing-specialist-control.txt", "not-healthcare", None, False),
        ("statys-ohip-medical-billing-specialist-canada.txt", "healthcare", None, False),
        ("cedars-patient-service-rep.txt", "healthcare", None, False),
        ("remotewlb-oscar-associate-medical-policy.txt", "healthcare",
         ("payment-integrity", "utilization-management"), False),
        ("jobsboard-pprm-medical-coding-manager.txt", "coding", ("cpc",), True),
        ("jobsboard-pprm-medical-coding-manager.txt", "coding", ("crc",), True),
        ("remotewlb-surgical-notes-coder-asc.txt", "coding", ("lcd", "ncd"), False),
        ("nhs-clinical-coding-assistant-surrey-and-sussex-healthcare-nhs-trust.txt", "coding", None, False),
    ],
)
def test_real_posting_golden(full_matcher, name, domain, group, or_equivalent) -> None:
    p = analyze_posting(read_posting(REAL_POSTINGS / name), full_matcher)
    assert p.domain == domain, p.domain_evidence
    if group:
        req = next((r for r in p.requirements if tuple(r.ids) == group), None)
        assert req is not None, [r.ids for r in p.requirements]
        assert req.or_equivalent == or_equivalent
    # a job title is a requirement only where a requirements list names it, never from the description
    entries = full_matcher.vocab.entries
    for r in p.requirements:
        for i in r.ids:
            if entries[i].category == "job_title":
                assert any(m.entry_id == i and m.section != "description" for m in p.matches), i


@needs_real
def test_real_tiers_on_the_law_firm_control(tmp_path) -> None:
    """The negative control: nothing medical is asked, so no code set and no role tier appear."""
    from resume_tool import check

    resumes = REAL_POSTINGS.parent / "resumes_text"
    r = check(resumes / "livecareer-24590489-billing-services-associate-nonmedical.txt",
              posting=REAL_POSTINGS / "doxa-legal-billing-specialist-control.txt")
    assert r.domain == "not-healthcare" and r.band == "not scored"
    assert not any(k.target and (k.source == "role" or k.category == "code_set") for k in r.keywords)


def test_example_posting_requirements_survive_docx_and_wrapped_pdf(tmp_path, full_matcher) -> None:
    """The bundled posting as DOCX and as a PDF whose long bullets wrap over two lines gives the
    same requirements, either-or groups and required/preferred flags as the text file."""
    import textwrap

    import docx
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    src = Path(__file__).resolve().parents[1] / "examples" / "posting.txt"
    lines = src.read_text(encoding="utf-8").split("\n")
    d = docx.Document()
    for ln in lines:
        d.add_paragraph(ln)
    d.save(tmp_path / "p.docx")
    c = canvas.Canvas(str(tmp_path / "p.pdf"), pagesize=letter)
    y = 750
    for ln in lines:
        for part in textwrap.wrap(ln, 90) or [""]:
            c.drawString(40, y, part)
            y -= 13
            if y < 40:
                c.showPage()
                y = 750
    c.save()

    def reqs(path):
        p = analyze_posting(read_posting(path), full_matcher)
        return {(tuple(r.ids), r.required, r.or_equivalent) for r in p.requirements}

    want = reqs(src)
    assert (("cpc", "ccs-p"), True, False) in want
    assert reqs(tmp_path / "p.docx") == want
    assert reqs(tmp_path / "p.pdf") == want


def test_any_of_the_following_list_is_one_requirement(full_matcher) -> None:
    text = ("Medical Coder\n\nRequirements\n- Hold any of the following credentials:\n- CPC\n- CCS\n"
            "- RHIT\n- Two years of coding experience with CPT and ICD-10-CM.\n")
    g = _groups(text, full_matcher)
    assert ("cpc", "ccs", "rhit") in g
    # a list after a plain lead-in is every item, not alternatives
    g = _groups("Medical Coder\n\nRequirements\n- You will need the following:\n- CPC\n- CCS\n", full_matcher)
    assert ("cpc",) in g and ("ccs",) in g


def test_list_ending_or_similar_is_one_requirement(full_matcher) -> None:
    p = analyze_posting("Coder\n\nRequirements\n- Experience with 3M 360 Encompass, Optum EncoderPro or "
                        "similar encoders.\n", full_matcher)
    req = next(r for r in p.requirements if "optum-encoderpro" in r.ids)
    assert req.ids == ["3m-360-encompass", "optum-encoderpro"] and req.or_equivalent


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("You will work closely with health centers, finance and the RCM vendor.", False),
        ("Coordinate with the revenue cycle management team on denials.", False),
        ("Experience in revenue cycle management required.", True),
        ("Work with providers on revenue cycle management questions.", True),  # no unit after it
        ("RCM team experience preferred.", True),  # a unit, but nobody to work with
    ],
)
def test_a_unit_the_job_works_with_is_not_asked_for(real, text: str, asked: bool) -> None:
    posting = analyze_posting("Medical Coder\n\n" + text + " CPC required.\n", real)
    ids = {k.entry_id for k in posting.keywords}
    assert ("revenue-cycle-management" in ids) is asked, ids
    assert "cpc" in ids


@pytest.mark.corpus
def test_pprm_rcm_vendor_is_not_required(real) -> None:
    posting = corpus_posting("jobsboard-pprm-certified-medical-coder.txt", real)
    assert "revenue-cycle-management" not in {k.entry_id for k in posting.keywords}
    assert posting.domain == "coding"  # still evidence that this is a coding job


def test_a_posting_named_pdf_that_holds_no_pdf_is_refused(tmp_path):
    """Once decoded as garbled text: a posting column with no keywords, silently."""
    from resume_tool.errors import ResumeToolError

    bad = tmp_path / "posting.pdf"
    for data in ("\u6700\u7261\u6162 not a PDF at all\n".encode("utf-16-le"), b"Coder wanted. CPC required.\n"):
        bad.write_bytes(data)
        with pytest.raises(ResumeToolError, match=r"named like a PDF|not a DOCX, PDF or text file"):
            read_posting(bad)


def test_a_posting_longer_than_a_resume_may_be_is_refused_in_one_line(tmp_path) -> None:
    """The reading rules grow faster than the text on long lines, so a posting over
    Limits.max_chars is refused, naming the file, before any rule runs; one just under is read."""
    from resume_tool import api
    from resume_tool.errors import InputError
    from resume_tool.limits import DEFAULT_LIMITS

    big = tmp_path / "huge.txt"
    big.write_text("CPC required. " * (DEFAULT_LIMITS.max_chars // 14 + 1))
    with pytest.raises(InputError) as err:
        api.load_posting(big)
    assert "huge.txt" in err.value.one_line() and "longer than 200,000 characters" in err.value.one_line()
    ok = api.load_posting(text="Medical Coder\n\nRequirements\n- CPC required.\n" + "Code charts daily. " * 9_000)
    assert any(k.required for k in ok.keywords)
