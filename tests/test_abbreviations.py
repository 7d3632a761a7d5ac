"""Schwartz & Hearst (2003) acronym definitions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_tool.keywords import find_definitions
from resume_tool.keywords.abbreviations import best_long_form, is_short_form


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_definitions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Certified Professional Coder (CPC)", ("CPC", "Certified Professional Coder")),
        ("CPC (Certified Professional Coder)", ("CPC", "Certified Professional Coder")),
        ("Evaluation and Management (E/M)", ("E/M", "Evaluation and Management")),
        ("Accredited Clinical Coder (ACC)", ("ACC", "Accredited Clinical Coder")),
        ("Evaluation & Management (E&M) audits", ("E&M", "Evaluation & Management")),
        (
            "knowledge of HCCs (Hierarchical Condition Categories)",
            ("HCCs", "Hierarchical Condition Categories"),
        ),
        (
            "Must hold the National Clinical Coding Qualification (NCCQ) and",
            ("NCCQ", "National Clinical Coding Qualification"),
        ),
    ],
)
def test_definitions_both_directions(text, expected):
    assert pairs(text) == [expected]


def test_long_form_is_the_shortest_that_explains_the_acronym():
    # the words before the long form are not part of it
    assert pairs("I am a proud Certified Professional Coder (CPC).") == [
        ("CPC", "Certified Professional Coder")
    ]
    # the long form may not cross a sentence boundary
    assert pairs("Coder. Professional Coder (CPC)") == []


def test_offsets_span_long_and_short_form():
    text = "Holds the Certified Professional Coder (CPC) credential."
    (d,) = find_definitions(text)
    assert text[d.start : d.end] == "Certified Professional Coder (CPC)"
    text = "Holds the CPC (Certified Professional Coder) credential."
    (d,) = find_definitions(text)
    assert text[d.start : d.end] == "CPC (Certified Professional Coder)"


@pytest.mark.parametrize(
    "text",
    [
        "Graduated (2019) with honours",
        "Details are listed (see below)",
        "Medical Coder (Remote)",
        "Coder (CPC, CCS)",  # a list of credentials, not a definition of CPC
        "(CPC)",
        "Worked at Acme (optional) today",
        "an unmatched ( parenthesis",
    ],
)
def test_not_definitions(text):
    assert pairs(text) == []


def test_short_form_rules():
    assert is_short_form("CPC") and is_short_form("E/M") and is_short_form("RxHCC")
    assert not is_short_form("2019")  # no letter
    assert not is_short_form("see below")  # not capitals
    assert not is_short_form("A")  # too short
    assert not is_short_form("ABCDEFGHIJK")  # too long
    assert not is_short_form("-CPC")  # must start with a letter or digit


def test_best_long_form_needs_word_initial_first_letter():
    assert best_long_form("CPC", "Certified Professional Coder") == "Certified Professional Coder"
    assert best_long_form("XYZ", "Certified Professional Coder") is None
    # "P" of "Apple" is inside a word; the first letter of the acronym must start a word
    assert best_long_form("PC", "apple Coder") is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ABCabc (),;.-/&\n", "Coder", "CPC", "Certified "]), max_size=40
    ).map("".join)
)
def test_definitions_never_raise_and_offsets_are_sane(text):
    for d in find_definitions(text):
        assert 0 <= d.start < d.end <= len(text)
        assert d.short in text[d.start : d.end]
        assert d.long in text[d.start : d.end]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Certified Coding Associate (CCA)", ("CCA", "Certified Coding Associate")),
        (
            "the Certified Coding Specialist - Physician-based (CCS-P) credential",
            ("CCS-P", "Certified Coding Specialist - Physician-based"),
        ),
        ("Anti-Kickback Statute (AKS)", ("AKS", "Anti-Kickback Statute")),
    ],
)
def test_initials_beat_the_shortest_tail(text, expected):
    # plain Schwartz-Hearst stops at "Coding Associate": the second C is inside "Associate"
    assert best_long_form("CCA", "Certified Coding Associate") == "Coding Associate"
    assert pairs(text) == [expected]
