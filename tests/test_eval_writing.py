"""Floors for the writing stage on the hand-labelled real lines (python -m tests.eval --writing).

The labels were made by reading, before the rules; these floors are what the rules reach today
minus a small margin, so a change that loses precision or recall fails here. Spelling: of the 42
labelled misspellings (16 in the labelled lines, 26 in 33 whole files of writing_spelling.toml)
35 are found, none wrongly; these are in-sample figures (the rules, and the real-word contexts of
confusions.toml, were written while these labels were known). The held-out sets are the 30 real
postings (writing_spelling_postings.toml, read by a person before writing-4 ran on them) and
the resumes of writing_spelling_heldout.toml; their figures are lower and guarded separately.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval import writing

# code: (precision floor, recall floor); achieved on 675 lines at the commit that set them
FLOORS = {
    "weak-opener": (0.95, 0.95),  # 1.00 / 1.00
    "no-action-verb": (0.95, 0.85),  # 1.00 / 0.90
    "no-result": (0.95, 0.95),  # 1.00 / 0.99
    "passive-voice": (0.90, 0.90),  # 1.00 / 0.96
    "first-person": (0.95, 0.95),  # 1.00 / 1.00
    "long-bullet": (0.95, 0.95),  # 1.00 / 1.00
    "repeated-verb": (0.95, 0.95),  # 1.00 / 1.00
    "tense": (0.92, 0.95),  # 0.96 / 1.00
    "filler": (0.95, 0.85),  # 1.00 / 0.91
    "duplicate-text": (0.95, 0.95),  # 1.00 / 1.00
    "spelling": (0.95, 0.75),  # 1.00 / 0.81
}


@pytest.fixture(scope="module")
def figures():
    return writing.run()


@pytest.fixture(scope="module")
def held():
    return writing.run(Path(writing.LABELS).with_name("writing_holdout.toml"))


def test_labels_are_many_and_from_real_files():
    items = writing.load_labels()
    assert len(items) >= 300
    assert len({i["file"] for i in items}) >= 10
    assert all(set(i["codes"]) <= set(writing.LINE_CODES) for i in items)
    assert {i["context"] for i in items} <= {"ended", "current", "unknown", "summary"}


@pytest.mark.parametrize("code", sorted(FLOORS))
def test_precision_and_recall_floors(figures, code):
    p_floor, r_floor = FLOORS[code]
    f = figures.codes[code]
    assert f.precision >= p_floor, f"{code} precision {f.precision:.2f} < {p_floor}"
    assert f.recall >= r_floor, f"{code} recall {f.recall:.2f} < {r_floor}"


def test_no_medical_coding_or_payer_term_is_ever_flagged(figures):
    assert figures.terms_checked > 1500
    assert figures.terms_flagged == []


def test_held_out_lines(held):
    """45 lines of four files never read while the rules were written."""
    flagged = sum(f.tp + f.fp for f in held.codes.values())
    right = sum(f.tp for f in held.codes.values())
    assert right / flagged >= 0.90
    assert held.codes["spelling"].fp == 0


@pytest.mark.corpus
def test_skills_order_on_real_files(figures):
    """16 real files labelled by reading their skills sections; needs ../shared/corpus."""
    if not writing.CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    f = figures.codes["skills-order"]
    assert figures.skills_files == 16
    assert f.fp == 0  # 4 of 4 flagged are right today
    assert f.recall >= 0.95  # 4 of 4, with keyword_lists/writing/skills.toml


@pytest.mark.corpus
def test_skills_order_on_held_out_files(held):
    """16 more real files (15 hard-first or no hard skill, 1 soft-first); never a wrong note."""
    if not writing.CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    f = held.codes["skills-order"]
    assert held.skills_files == 16
    assert f.fp == 0 and f.tp == 1


@pytest.mark.corpus
def test_spelling_on_whole_real_files(figures):
    """33 whole real files read for misspellings (writing_spelling.toml); needs ../shared/corpus."""
    if not writing.CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    f = figures.spelling_files
    assert figures.spelling_file_count == 33 and f.tp + f.fn == 26
    assert f.precision >= 0.95  # 1.00: 22 of 22 right
    assert f.recall >= 0.80  # 0.85: 22 of 26 (in-sample)
    non, real = figures.spelling_kinds["non-word"], figures.spelling_kinds["real-word"]
    assert (non[1], real[1]) == (27, 15)  # lines and files together, as labelled
    assert non[0] / non[1] >= 0.78  # 0.81: 22 of 27 (in-sample)
    assert real[0] / real[1] >= 0.80  # 0.87: 13 of 15 (in-sample: confusions.toml knew them)


@pytest.mark.corpus
def test_spelling_on_postings_labelled_blind(figures):
    """The 30 real postings, read for misspellings by a person who never saw the rules' output.

    Held out for the first run only, and weak: 10 of the 16 labelled words are run-togethers from lost line breaks
    ("EducationHigh") that the rule leaves alone on purpose (product names look the same:
    "PowerPoint"), and the real-word slips there ("Ensue" for Ensure) are in no confusion list.
    The first run of writing-4 flagged 8 words, 2 right; "annum" (3 times) and a file name
    ("descripcion.md", twice) were then taught as known, leaving one wrong note: "Appling", a
    place name one edit from "applying".
    """
    if not writing.CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    f = figures.held_out
    assert f.tp + f.fn == 16 and figures.held_out_glued[1] == 10
    assert f.tp >= 2 and f.fp <= 1


@pytest.mark.corpus
def test_spelling_on_held_out_resumes(figures):
    """24 real resume files no other label file uses, read whole by a person before any spelling
    tool ran on them. The authors' slips: 19, of which 12 are found (non-word 10 of 13,
    real-word 2 of 6: "counselors" for councillors, "or" for of are in no confusion list). One
    note is wrong: "R earched" is noted as "earched" with the suggestion "searched" (the author
    meant "Researched"); it counts as a miss and a wrong note. The 9 words the reader damaged (lost "ff" ligatures, dropped hyphens) are a
    reader fault, counted apart: read/pdf.py now restores every one of them."""
    if not writing.CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    f = figures.resumes_held
    assert f.tp + f.fn == 19 and f.fp <= 1
    assert f.recall >= 0.60  # 0.63
    non, real = figures.resumes_kinds["non-word"], figures.resumes_kinds["real-word"]
    assert (non[1], real[1]) == (13, 6) and non[0] >= 10
    assert figures.reader_faults == [0, 9]  # "eective", "cloudnative", ... no longer in the text
