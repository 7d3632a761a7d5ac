"""Writing stage: every rule both ways on hand-written lines, then the whole stage on a resume."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from resume_tool.models import Document
from resume_tool.models import Line as DocLine
from resume_tool.structure import structure
from resume_tool.writing import (
    WRITING_CODES,
    Line,
    format_writing_text,
    line_notes,
    load_writing_lists,
    review_writing,
    validate_writing_dir,
    writing_to_dict,
    writing_view,
)
from resume_tool.writing.data import writing_dir
from resume_tool.writing.review import speller_for

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def lists():
    return load_writing_lists()


@pytest.fixture(scope="module")
def speller(lists):
    return speller_for(lists)


def codes(lists, speller, *lines: Line) -> list[set[str]]:
    return [{c for c, _ in ns} for ns in line_notes(list(lines), lists, speller)]


def one(lists, speller, text: str, context: str = "ended", role: str = "Coder, Clinic") -> set[str]:
    return codes(lists, speller, Line(text, role, context))[0]  # type: ignore[arg-type]


# ------------------------------------------------------------------ each rule
@pytest.mark.parametrize(
    "text",
    [
        "Responsible for coding outpatient charts.",
        "Duties included posting payments.",
        "Tasked with auditing E/M levels.",
        "Helped the billing team with denials.",
        "Assisted with prior authorizations.",
        "Worked on the DNFB list.",
        "Handled incoming calls about claims.",
        "Successfully assisted coders with queries.",
    ],
)
def test_weak_opener_flagged(lists, speller, text):
    assert "weak-opener" in one(lists, speller, text)


@pytest.mark.parametrize(
    "text",
    ["Coded 40 outpatient charts a day.", "Audited E/M levels for 12 physicians.", "Worked independently on night shifts."],
)
def test_weak_opener_not_flagged(lists, speller, text):
    assert "weak-opener" not in one(lists, speller, text)


def test_no_action_verb_both_ways(lists, speller):
    assert "no-action-verb" in one(lists, speller, "Knowledge of ICD-10-CM and CPT.")
    assert "no-action-verb" in one(lists, speller, "Strong background in hospital coding.")
    assert "no-action-verb" in one(lists, speller, "Types of claims worked included UB-04 and CMS-1500.")
    assert "no-action-verb" not in one(lists, speller, "Abstracted 30 inpatient records a week.")
    assert "no-action-verb" not in one(lists, speller, "Oversaw a team of five coders.")  # irregular past
    assert "no-action-verb" not in one(lists, speller, "Prior knowledge of CPT.", context="summary")


def test_no_result_both_ways_and_templates_fit_the_role(lists, speller):
    assert "no-result" in one(lists, speller, "Reviewed charts for completeness.")
    assert "no-result" in one(lists, speller, "Worked denials to reduce write-offs.")  # a purpose only
    assert "no-result" in one(lists, speller, "Coded ICD-10-CM and HCPCS on HCFA 1500 claims.")  # codes
    assert "no-result" not in one(lists, speller, "Coded 45 charts per day at 96% accuracy.")
    assert "no-result" not in one(lists, speller, "Recovered $120K in underpaid claims.")
    assert "no-result" not in one(lists, speller, "Reduced the denial rate for cardiology claims.")
    assert "no-result" not in one(lists, speller, "Answered questions.", context="summary")
    [notes] = line_notes([Line("Coded outpatient surgery charts.", "Coder", "ended")], lists, speller)
    from resume_tool.writing.review import _finding

    f = _finding(lists, "no-result", dict(notes)["no-result"], "x", "Coder", "Coded outpatient surgery charts.")
    assert "charts per day" in f.fix and "[X]%" in f.fix
    f = _finding(lists, "no-result", {}, "x", "Biller", "Submitted claims to the clearinghouse.")
    assert "clean-claim rate" in f.fix


def test_measure_templates_never_hold_numbers(lists):
    for m in lists.measures:
        for t in m.templates:
            assert not any(ch.isdigit() for ch in t), t


def test_passive_voice_both_ways(lists, speller):
    assert "passive-voice" in one(lists, speller, "Claims were submitted on time.")
    assert "passive-voice" in one(lists, speller, "Charts are routinely audited by the lead.")
    assert "passive-voice" not in one(lists, speller, "Was awarded coder of the year in 2021.")
    assert "passive-voice" not in one(lists, speller, "Submitted claims on time while records were being scanned.")
    assert "passive-voice" not in one(lists, speller, "The clinic is based in Ohio.", context="summary")


def test_first_person_both_ways(lists, speller):
    assert "first-person" in one(lists, speller, "I coded 30 charts a day.")
    assert "first-person" in one(lists, speller, "Trained my team on HCC capture.")
    assert "first-person" in one(lists, speller, "I'm a certified coder.", context="summary")
    assert "first-person" not in one(lists, speller, "Promoted to Coder I after six months.")
    assert "first-person" not in one(lists, speller, "Managed Level I trauma center charts.")


def test_long_bullet_both_ways(lists, speller):
    long = "Coded " + "inpatient and outpatient charts for the cardiology service line, " * 4
    assert "long-bullet" in one(lists, speller, long)
    assert "long-bullet" not in one(lists, speller, "Coded 35 cardiology charts per day.")


def test_repeated_verb_on_the_third_bullet_only(lists, speller):
    lines = [
        Line("Coded ED charts.", "A", "ended"),
        Line("Coding surgical charts daily.", "A", "ended"),
        Line("Audited charts.", "B", "ended"),
        Line("Coded observation stays.", "B", "ended"),
        Line("Coded clinic visits.", "B", "ended"),
    ]
    got = codes(lists, speller, *lines)
    assert ["repeated-verb" in g for g in got] == [False, False, False, True, False]
    two = codes(lists, speller, Line("Coded ED charts.", "A", "ended"), Line("Coded clinic charts.", "A", "ended"))
    assert not any("repeated-verb" in g for g in two)


def test_tense_both_ways(lists, speller):
    assert "tense" in one(lists, speller, "Codes 40 charts a day.", context="ended")
    assert "tense" in one(lists, speller, "Reviewing 20 denials a day.", context="ended")
    assert "tense" in one(lists, speller, "Coded 40 charts a day.", context="current")
    assert "tense" not in one(lists, speller, "Coded 40 charts a day.", context="ended")
    assert "tense" not in one(lists, speller, "Code 40 charts a day.", context="current")
    assert "tense" not in one(lists, speller, "Codes 40 charts a day.", context="unknown")
    assert "tense" not in one(lists, speller, "Set up 3 coding queues.", context="current")  # set = set


def test_filler_both_ways(lists, speller):
    assert "filler" in one(lists, speller, "Results-driven team player with a passion for coding.", context="summary")
    assert "filler" in one(lists, speller, "Dedicated coder with 5 years of experience.", context="summary")
    assert "filler" not in one(lists, speller, "Detail-oriented coder: 98% accuracy on 2,400 audited charts.", context="summary")
    assert "filler" not in one(lists, speller, "Coded for a dedicated oncology unit.", context="summary")


def test_duplicate_text_marks_the_later_copy(lists, speller):
    lines = [
        Line("Certified coder with inpatient experience.", "Summary", "summary"),
        Line("Abstracted 30 records a week.", "A", "ended"),
        Line("Certified coder with inpatient  experience.", "A", "ended"),
        Line("Posted payments. Posted payments and adjustments. Posted payments and adjustments.", "B", "ended"),
    ]
    got = codes(lists, speller, *lines)
    assert ["duplicate-text" in g for g in got] == [False, False, True, True]


def test_spelling_flags_real_slips(lists, speller):
    assert speller.check("Reconciled the acounts daily.") == [("acounts", "accounts")]
    assert speller.check("Medicare Compliane Coder", title=True) == [("Compliane", "Compliance")]
    assert ("p rovide", "provide") in speller.check("Call patients and p rovide details.")
    assert ("ofHIPAA", "of HIPAA") in speller.check("Showed knowledge ofHIPAA rules.")
    assert speller.check("Kept HIPPA logs.") == [("HIPPA", "HIPAA")]
    assert speller.check("Exceded monthly goals.") == [("Exceded", "Exceeded")]


def test_spelling_split_words_both_ways(speller):
    # a word split in two: joined it is a common word and one piece is no word on its own
    assert speller.check("Senior web devel oper for the clinic portal") == [("devel oper", "developer")]
    assert speller.check("Duties in support o f all departments.") == [("o f", "of")]
    assert speller.check("Strong m ulti-tasker in a busy office.") == [("m ulti", "multi")]
    assert speller.check("Built pages in Javascri pt and HTML.") == [("Javascri pt", "Javascript")]
    # both pieces are words ("health care", "set up"), a lone letter starts the next word
    # ("e-mail", "Vitamin D"), or a unit follows a figure ("5x speedup"): no note
    for text in (
        "Worked in health care and set up the front desk.",
        "Sent claims via e-mail and Visa e-Pay daily.",
        "Tracked Vitamin D levels and Hepatitis B vaccines.",
        "Gave a 5x speedup to the coding queue.",
        "Graded a b c d answers.",
    ):
        assert speller.check(text) == [], text


def test_spelling_glued_compound_of_a_common_word(speller):
    # "persuing" splits into per + suing, but reads as a slip of the common "pursuing"
    assert speller.check("Currently persuing a coding degree.") == [("persuing", "pursuing")]
    # compounds with no common same-length neighbour stay known
    assert speller.check("Moved the backend and offsite storage to the datacenter.") == []


def test_spelling_rare_single_consonant_form_both_ways(speller):
    # the dictionary knows "programing", but "programming" is 34 times as common
    assert speller.check("Took a programing course in Python.") == [("programing", "programming")]
    assert speller.check("Found a corelation in denials.") == [("corelation", "correlation")]
    # both spellings right (US one l, UK two), undoubling never noted, short words left alone
    for text in (
        "Traveled and travelled; labeled and labelled; canceled and cancelled claims.",
        "Did modelling and programming, signaling and counselling.",
        "Charted caries and siting of the striping for the new clinic.",
    ):
        assert speller.check(text) == [], text


def test_spelling_ant_ent_suffix_slips_both_ways(speller):
    # "existant" reads as exist + ant to the compound check; the suffix swap finds "existent"
    assert speller.check("Cited a non-existant paper.") == [("existant", "existent")]
    assert speller.check("Worked as an independant coding contractor.") == [("independant", "independent")]
    # words the dictionary knows stay right, whichever suffix they carry (UK "dependant", "licence")
    assert speller.check("Kept dependant and dependent records; renewed the licence and the pendant alarm.") == []


def test_spelling_long_capitalised_slip_both_ways(speller):
    assert speller.check("Took the Musical Pratical exam.") == [("Pratical", "Practical")]
    assert speller.check("Graduated from the Univeristy in May.") == [("Univeristy", "University")]
    # names, brands and other languages differ by their ending, or are too short to tell
    for text in (
        "Worked with Accuray, Marketo and Instituto staff.",
        "Coded charts at Vikrant Hospital in Los Angeles.",
        "Drove for Sutter and Lyft.",
    ):
        assert speller.check(text) == [], text


def test_spelling_closed_compounds_written_as_two_words(speller):
    assert speller.check("Strong clinical back ground in coding.") == [("back ground", "background")]
    assert speller.check("Hobbies: Basket ball, chess.") == [("Basket ball", "Basketball")]
    # two-word forms that are often right are not listed
    for text in (
        "Logged in to Epic to pass time between calls.",
        "Used Power Point and the data base; managed work flow.",
        "Walked back to the ground floor with the basket.",
    ):
        assert speller.check(text) == [], text


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("Wrote the Professional Summery for the new hire packet.", ("Summery", "Summary")),
        ("Promoted to Billing Office Manger in 2019.", ("Manger", "Manager")),
        ("Led the code walk-trough for the encoder upgrade.", ("trough", "through")),
        ("Worked trough a backlog of 400 unbilled accounts.", ("trough", "through")),
        ("Sorted trough the remittances every morning.", ("trough", "through")),
        ("Entered the charges in to the practice management system.", ("in to", "into")),
        ("Researched denials in to CO-16 and CO-97 trends.", ("in to", "into")),
        ("Organized the clinic's first every coding fair.", ("every", "ever")),
        ("Closed more then 60 charts per day.", ("then", "than")),
        ("Working knowing of Epic and Cerner.", ("knowing", "knowledge")),
        ("Maintained strict confidentially of patient records.", ("confidentially", "confidentiality")),
        ("Signed a confidentially agreement.", ("confidentially", "confidentiality")),
        ("Answered patient inquires daily.", ("inquires", "inquiries")),
        ("Resolved billing enquires by phone.", ("enquires", "enquiries")),
        ("I am pen to feedback and new software.", ("pen", "open")),
        ("Kept the files assessable through the shared drive.", ("assessable", "accessible")),
        ("Trained medical personal on the new encoder.", ("personal", "personnel")),
        ("Supported the principle investigator on two trials.", ("principle", "principal")),
        ("Ordered office stationary and toner.", ("stationary", "stationery")),
        ("Kept the clinic fully complaint with OSHA rules.", ("complaint", "compliant")),
        ("Proud to be apart of the revenue cycle team.", ("apart", "a part")),
        ("Boosted team moral with weekly huddles.", ("moral", "morale")),
        ("Registered new patience at the front desk.", ("patience", "patients")),
        ("Completed fraud, waist and abuse training.", ("waist", "waste")),
        ("Checked weather or not a referral was on file.", ("weather or not", "whether or not")),
        ("Carrier Objective: an entry-level coding role.", ("Carrier", "Career")),
        ("Worked in a medial billing office.", ("medial", "medical")),
        ("Gave medical advise to callers under supervision.", ("advise", "advice")),
        ("Took on a leadership roll in the coding team.", ("roll", "role")),
        ("Pass time: chess and hiking.", ("Pass time", "Pastime")),
        ("Had a positive affect on clean-claim rates.", ("affect", "effect")),
    ],
)
def test_spelling_real_word_slips_in_context(speller, text, slip):
    assert slip in speller.check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Charted the peaks and troughs of the denial rate; cleaned the feeding trough.",
        "Logged in to Epic, turned in to the supervisor, came in to cover shifts.",
        "Called in to help on weekends; went in to the office early.",
        "Audited charts every day, every other week, and every month; first, every claim.",
        "Coded charts, then audited them; it was slower then, taking minutes.",
        "Knowing the payer rules saved time.",
        "Handled patient information confidentially and accurately.",
        "She inquires about coverage; each caller inquires and listens.",
        "Used a pen to sign; put pen to paper.",
        "Assessable income was reported to the tax office.",
        "Effecting change across the department was the goal.",
        "Gave personal attention to each account; kept personal records private.",
        "Applied the principle of least privilege.",
        "Rode a stationary bike in the rehab gym.",
        "Logged a patient complaint with the board; handled each complaint quickly.",
        "Kept the two queues apart; lived apart from family.",
        "Filed appeals, filed claims and filed the reports of each audit.",
        "Upheld high moral standards; a moral code.",
        "Showed patience with upset callers.",
        "Measured waist circumference at intake.",
        "Checked the weather before the health fair.",
        "Verified the insurance carrier and the carrier's payer ID.",
        "Documented the medial meniscus tear.",
        "Advise patients on balances; advise management on trends.",
        "Led a roll-out of the new encoder; took roll call.",
        # right uses a reviewer wrote against the first list, each once a wrong note
        "Effecting these changes across the department took a year.",
        "Updated carrier profile in Kareo; reviewed carrier summary reports.",
        "Future carrier negotiations; my carrier contacts included Aetna.",
        "Discussed diagnoses with the patient confidentially.",
        "Was complaint lead for the unit; the task is complaint handling.",
        "Remained complaint free for a year.",
        "Coded weather or lightning related injuries.",
        "Protected staff personal and medical information.",
        "The clinic physician inquires about coding questions.",
        "Upheld staff moral obligations and moral and ethical standards.",
        "Audited charges first every Monday and first every workday.",
        "Felt good knowing every claim went out clean.",
        "Handed timesheets in to the manager; sent claims in to the payer weekly.",
        "Provided recordkeeping support to the HIM office.",
        "Time to pass time between calls, I read.",
        "The affect of the patient was flat.",
    ],
)
def test_spelling_real_word_right_uses_left_alone(speller, text):
    assert speller.check(text) == [], text


def test_spelling_real_word_note_says_why(lists, speller):
    (notes,) = line_notes([Line("Wrote the summery of each audit.", "A", "ended")], lists, speller)
    params = dict(notes)["spelling"]
    assert params["suggestion"] == "summary" and "means like summer" in params["why"]
    text = "Jane Roe\nExperience\nCoder, Acme\n2019 – 2020\n• Wrote the summery of each audit.\n"
    lines = [DocLine(text=t.lstrip("• "), list_item=t.startswith("•")) for t in text.splitlines()]
    review = review_writing(structure(Document(path="j.txt", format="text", lines=lines), today=TODAY))
    (finding,) = [f for f in review.findings if f.code == "spelling"]
    assert finding.fix == 'Write "summary" if that is what you meant. "Summery" means like summer.'
    assert finding.detail == "summery"


def test_spelling_long_glued_words_both_ways(speller):
    # two long, common words run together: no dictionary knows them as one
    assert speller.check("Gave world classcustomer service.") == [("classcustomer", "class customer")]
    assert speller.check("Offered flexible workinghours to staff.") == [("workinghours", "working hours")]
    # trade compounds the dictionary lags behind are shorter or made of rarer words
    assert speller.check("Mapped each touchpoint of the codebase and the microservices.") == []


def test_spelling_leaves_latin_and_file_names_alone(speller):
    for text in (
        "Graduated magna cum laude; summa cum laude in nursing.",
        "Salary: 30,000 per annum, pro bono work welcome.",
        "Attach descripcion.md and requerimientos.txt to the application.",
    ):
        assert speller.check(text) == [], text
    assert speller.check("Reviewed charts. Exceded the goal.") == [("Exceded", "Exceeded")]


def test_spelling_checks_a_word_after_a_hyphenated_prefix(speller):
    assert speller.check("Handled non-urgant calls.") == [("urgant", "urgent")]
    assert speller.check("A self-motivaed coder.") == [("motivaed", "motivated")]
    assert speller.check("Kept tele-conference notes and on-prem logs.") == []


def test_spelling_leaves_a_user_name_alone_on_its_line(speller):
    assert speller.check("bwayne") == []
    assert speller.check("Reconciled the acounts") == [("acounts", "accounts")]


@pytest.mark.parametrize(
    "text",
    [
        "Coded for Humana, Aetna and Kaiser with Meditech and Cerner.",  # names
        "Used ICD-10-CM, HCPCS, DRGs, APCs and HCCs daily.",  # acronyms
        "Reach me at jane.doe@example.com or www.janedoe.dev today.",  # e-mail and URL
        "Organised the colour-coded programme and analysed the paediatric backlog.",  # UK
        "Organized the color-coded program and analyzed the pediatric backlog.",  # US
        "Handled copays, coinsurance, precertification and remits.",  # payer terms
        "Worked the chargemaster and encoder for abstraction and credentialing.",  # coding terms
        "Reviewed echocardiograms, colonoscopy and debridement notes.",  # medical terms
        "Kontrolle der Abrechnung und Kodierung aller Fälle im Krankenhaus.",  # not English
    ],
)
def test_spelling_leaves_names_terms_and_both_spellings_alone(speller, text):
    assert speller.check(text) == []


def test_spelling_knows_extra_words_from_lists(lists):
    plain = speller_for(lists)
    assert plain.check("Reconciled the acounts daily.") == [("acounts", "accounts")]
    with_list = speller_for(lists, extra_known=["Acounts"])
    assert with_list.check("Reconciled the acounts daily.") == []


# ---------------------------------------------------------------- whole stage
RESUME = """Jane Roe
jane.roe@example.com | 555-201-3344
Summary
Results-driven team player. I am a certified coder with inpatient experience.
Skills
Teamwork, Communication, ICD-10-CM, CPT, Epic
Experience
Medicare Compliane Coder, Acme Hospital
March 2021 – Present
• Responsible for coding inpatient charts.
• Reviewed denials and wrote appeals.
Coding Clerk, Beta Clinic
2016 – 2020
• Codes outpatient visits.
• Coded 40 charts per day at 97% accuracy.
"""


@pytest.fixture(scope="module")
def resume(tmp_path_factory):
    lines = [DocLine(text=t, list_item=t.startswith("•")) for t in RESUME.splitlines()]
    lines = [DocLine(text=ln.text.lstrip("• "), list_item=ln.list_item) for ln in lines]
    return structure(Document(path="jane.txt", format="text", lines=lines), today=TODAY)


def test_review_writing_on_a_resume(resume):
    assert [e.end for e in resume.experience] == ["present", "2020"]
    review = review_writing(resume)
    by = {(f.code, f.where) for f in review.findings}
    assert ("weak-opener", "Responsible for coding inpatient charts.") in by
    assert ("tense", "Reviewed denials and wrote appeals.") in by  # past tense in the current role
    assert ("tense", "Codes outpatient visits.") in by  # present tense in a role that ended
    assert ("first-person", "I am a certified coder with inpatient experience.") in by
    assert ("filler", "Results-driven team player.") in by
    assert ("spelling", "Medicare Compliane Coder") in by
    assert ("skills-order", "Teamwork") in by
    details = {(f.code, f.detail) for f in review.findings}
    assert {("spelling", "Compliane"), ("skills-order", "Teamwork"), ("tense", "Reviewed"),
            ("weak-opener", "Responsible for")} <= details
    assert not any(f.where == "Coded 40 charts per day at 97% accuracy." for f in review.findings)
    roles = [g.role for g in review.roles]
    assert roles[0] == "Summary" and "Medicare Compliane Coder, Acme Hospital" in roles
    assert all(f.severity in ("warning", "info") for f in review.findings)  # never a must-fix
    assert review.findings[0].severity == "warning"  # most important first
    assert review.score is not None and 0 <= review.score < 100
    assert review.lines_checked == 6
    assert any("lines read" in e for e in review.explanation)


def test_skills_order_quiet_when_hard_skills_lead(resume):
    from dataclasses import replace

    review = review_writing(replace(resume, skills=["ICD-10-CM", "CPT", "Teamwork"]))
    assert not any(f.code == "skills-order" for f in review.findings)


@pytest.mark.parametrize(
    ("skills", "first"),
    [
        (["Composed and professional demeanor", "10 key", "Billing", "CPT"], "Composed and professional demeanor"),
        (["Adept m ulti-tasker", "HCPCS Coding Guidelines"], "Adept m ulti-tasker"),  # split word
        (["Active listening skills", "Patient charting", "Medical billing"], "Active listening skills"),
        (["Hard-working", "Eye for detail", "C++", "Statistical Analysis"], "Hard-working"),
    ],
)
def test_skills_order_soft_first_from_the_soft_skill_list(lists, skills, first):
    from resume_tool.writing.rules import skills_order_note

    assert skills_order_note(skills, *_soft_hard(lists)) == first


@pytest.mark.parametrize(
    "skills",
    [
        ["Product management", "Agile methodologies", "Leadership", "Java"],  # opens with an unknown item
        ["Communication skills", "Dependable", "Time management"],  # nothing hard comes later
        ["Excel and communication", "Teamwork", "SQL"],  # hard wins within an item
        ["Patient charting", "Teamwork", "Medical billing"],  # "patient" is not "patience"
        [],
    ],
)
def test_skills_order_quiet_unless_the_first_item_is_soft(lists, skills):
    from resume_tool.writing.rules import skills_order_note

    assert skills_order_note(skills, *_soft_hard(lists)) == ""


def _soft_hard(lists):
    """Soft and hard skills as review_writing sees them: the keyword lists plus skills.toml."""
    from resume_tool.writing.review import _bundled_vocab, _vocab_words

    _, soft, hard = _vocab_words(_bundled_vocab())
    return soft | lists.soft_skills, hard | lists.hard_skills


def test_empty_resume_has_no_score(resume):
    from dataclasses import replace

    review = review_writing(replace(resume, sections=[], experience=[], skills=[]))
    assert review.score is None and review.findings == () and review.lines_checked == 0


def test_json_view_text_and_templates(resume):
    review = review_writing(resume)
    data = writing_to_dict(review)
    json.dumps(data)
    assert set(data) >= {"version", "score", "explanation", "findings", "counts"}
    assert set(data["findings"][0]) == {"code", "severity", "where", "role", "message", "fix", "detail"}
    by_code = {f["code"]: f for f in data["findings"]}
    assert by_code["weak-opener"]["detail"] in by_code["weak-opener"]["where"]
    assert by_code["no-result"]["detail"] == ""  # a note about the whole line names no word
    assert set(data["counts"]) <= set(WRITING_CODES)
    v = writing_view(review, top=3)
    assert sum(len(g["findings"]) for g in v["top"]) == 3 and v["rest_count"] == v["total"] - 3
    text = format_writing_text(review, top=3)
    assert text.startswith("Line by line") and f"{v['rest_count']} more note" in text

    from resume_tool.render.report import html_env, md_env

    html = html_env().get_template("_writing.html.j2").render(w=v)
    assert "Line by line" in html and "<details>" in html and "Responsible for coding" in html
    md = md_env().get_template("_writing.md.j2").render(w=v)
    assert "## Line by line" in md and "More notes" in md


def test_templates_escape_resume_text(resume):
    from dataclasses import replace

    bad = replace(resume.experience[0], bullets=["<script>x</script> handled *claims* | [a](b)"])
    review = review_writing(replace(resume, experience=[bad], sections=[], skills=[]))
    from resume_tool.render.report import html_env, md_env

    html = html_env().get_template("_writing.html.j2").render(w=writing_view(review))
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = md_env().get_template("_writing.md.j2").render(w=writing_view(review))
    assert "*claims*" not in md and "[a](b)" not in md


# ------------------------------------------------------------------ the data
def test_bundled_lists_are_valid():
    assert validate_writing_dir(writing_dir()) == []


def test_broken_lists_are_named(tmp_path):
    folder = tmp_path / "writing"
    shutil.copytree(writing_dir(), folder)
    rules = folder / "rules.toml"
    rules.write_text(
        rules.read_text().replace('severity = "info"', 'severity = "fatal"', 1)
        .replace("spelling_double_ratio = 20", "spelling_double_ratio = 0.5")
    )
    measures = folder / "measures.toml"
    measures.write_text(measures.read_text().replace("[N] [specialty] charts", "40 charts", 1))
    (folder / "fillers.toml").write_text("[fillers\n")
    (folder / "skills.toml").write_text('[soft]\nphrases = ["teamwork", ""]\n[hard]\nphrases = ["excel"]\n')
    problems = validate_writing_dir(folder)
    text = "\n".join(problems)
    assert "fillers.toml: not valid TOML" in text
    (folder / "fillers.toml").write_text((writing_dir() / "fillers.toml").read_text())
    text = "\n".join(validate_writing_dir(folder))
    assert "severity must be one of" in text and "never numbers" in text
    assert "skills.toml: soft.phrases: must be a list of non-empty strings" in text
    assert "spelling_double_ratio must be a number of at least 1" in text


def test_broken_confusions_are_named(tmp_path):
    folder = tmp_path / "writing"
    shutil.copytree(writing_dir(), folder)
    conf = folder / "confusions.toml"
    conf.write_text(
        conf.read_text()
        + '\n[[confusion]]\nwrong = "lead"\nright = "led"\nbefore = ["@verbs"]\n'
        + '\n[[confusion]]\nwrong = "loose"\nright = "lose"\nbfore = ["to"]\n'
        + '\n[[confusion]]\nright = "lose"\n'
    )
    text = "\n".join(validate_writing_dir(folder))
    assert "confusion #" in text and "(lead): before names '@verbs'" in text
    assert "(loose): unknown key 'bfore'" in text
    assert "needs wrong and right" in text


def test_keyword_loader_ignores_the_writing_folder():
    from resume_tool.keywords import load_vocabulary, validate_dir
    from resume_tool.resources import data_dir

    vocab = load_vocabulary()
    assert not any("writing" in (e.source or "") for e in vocab.entries.values())
    assert not any("writing" in (r.source or "") for r in vocab.roles.values())
    assert validate_dir(data_dir("keyword_lists")) == []
    assert (Path(data_dir("keyword_lists")) / "writing" / "rules.toml").is_file()
