"""The section-heading variants are data (keyword_lists/structure/headings.toml): the bundled
file is valid, a broken one is refused with one line per problem naming the file and the field,
and the keyword-list loader never takes the file for a keyword list."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_tool.errors import ListError
from resume_tool.structure.headings import (
    KINDS,
    classify_heading,
    headings_file,
    load_headings,
    validate_headings_file,
)


def test_bundled_headings_are_valid_and_shipped_with_the_lists():
    from resume_tool.resources import data_dir

    assert headings_file() == data_dir("keyword_lists") / "structure" / "headings.toml"
    assert validate_headings_file(headings_file()) == []
    lists = load_headings()
    assert lists is load_headings()  # read once per process
    assert set(lists.standard.values()) == set(KINDS)
    assert lists.standard["work experience"] == "experience"
    assert lists.foreign["опыт работы"] == ("experience", "Russian")
    assert lists.cues[0] == ("certif", "certifications")  # the file's order: first found wins


def test_header_comment_explains_every_table():
    text = headings_file().read_text(encoding="utf-8")
    header = text[: text.index("\n[standard]\n")]
    assert all(line.startswith("#") or not line.strip() for line in header.splitlines())
    for table in ("[standard]", "[cues]", "[foreign.Language]"):
        assert f"# {table}" in header


def test_headings_written_like_a_resume_are_normalised(tmp_path):
    """A career office may write "Clinical Rotations" or "Skills & Tools"; both are read in the
    form a resume line is compared in."""
    f = tmp_path / "headings.toml"
    f.write_text('[standard]\nexperience = ["Clinical Rotations"]\nskills = ["Skills & Tools:"]\n')
    assert validate_headings_file(f) == []
    lists = load_headings(str(f))
    assert lists.standard == {"clinical rotations": "experience", "skills and tools": "skills"}
    assert lists.cues == () and lists.foreign == {}


BROKEN = """\
[standard]
summary = ["summary", "profile", "Summary"]
experience = ["experience", "profile"]
hobbies = ["hobbies"]
skills = "skills"
education = ["education", "", "education 2020"]

[cues]
skills = ["skill", "Toolbox"]
education = ["skill"]

[foreign.Spanish]
education = ["educación", "experience"]
[foreign]
German = ["ausbildung"]

[extras]
x = 1
"""


def test_every_problem_is_named_with_file_and_field(tmp_path):
    f = tmp_path / "headings.toml"
    f.write_text(BROKEN, encoding="utf-8")
    problems = validate_headings_file(f)
    assert all(p.startswith(f"{f}: ") and "\n" not in p for p in problems)
    text = "\n".join(problems)
    expected = [
        "[extras] is not a known table",
        "standard.summary: 'Summary' is listed twice",
        "standard.experience: 'profile' is listed also under standard.summary",
        "standard.hobbies: 'hobbies' is not a section kind",
        "standard.skills: must be a list of non-empty strings",
        "standard.education: must be a list of non-empty strings",
        "cues.skills: 'Toolbox' must be lower case",
        "cues.education: 'skill' is already listed under cues.skills",
        "foreign.Spanish.education: 'experience' is listed also under standard.experience",
        "[foreign.German] must be a table of kind = [headings]",
    ]
    for line in expected:
        assert line in text, line
    assert len(problems) == len(expected)
    with pytest.raises(ListError) as err:
        load_headings(str(f))
    assert str(err.value).count("\n") == 0 and str(f) in str(err.value)


def test_digits_and_long_headings_can_never_match(tmp_path):
    f = tmp_path / "headings.toml"
    f.write_text('[standard]\neducation = ["education 2020", "' + "x" * 61 + '"]\n')
    problems = validate_headings_file(f)
    assert len(problems) == 2 and all("can never match a heading" in p for p in problems)


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "the file is missing"),
        ("[standard\n", "not valid TOML"),
        ("[cues]\nskills = ['skill']\n", "[standard] must list headings"),
        ("standard = 3\n", "[standard] must be a table"),
    ],
)
def test_a_missing_or_unreadable_file_is_one_line(tmp_path, content, problem):
    f = tmp_path / "headings.toml"
    if content is not None:
        f.write_text(content)
    problems = validate_headings_file(f)
    assert any(p.startswith(f"{f}: {problem}") for p in problems), problems


def test_keyword_loader_ignores_the_structure_folder():
    from resume_tool.keywords import load_vocabulary, validate_dir
    from resume_tool.resources import data_dir

    vocab = load_vocabulary()
    assert not any("structure" in (e.source or "") for e in vocab.entries.values())
    assert not any("structure" in (r.source or "") for r in vocab.roles.values())
    assert validate_dir(data_dir("keyword_lists")) == []
    assert (Path(data_dir("keyword_lists")) / "structure" / "headings.toml").is_file()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("EDUCATION & TRAINING", ("education", True)),  # "&" read as "and"
        ("Licenses & Certifications:", ("certifications", True)),
        ("Skills & Expertise", ("skills", True)),
        ("Certifications", ("certifications", True)),
        ("Experiencia Laboral", ("experience", False)),
        ("Where I've Worked", ("experience", False)),
    ],
)
def test_classify_reads_the_data_file(text, expected):
    assert classify_heading(text) == expected
