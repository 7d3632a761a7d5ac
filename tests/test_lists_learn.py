"""`resume-tool lists learn POSTINGS_DIR`: terms no list knows, as commented candidate entries.

Expected terms come from reading the postings (the synthetic ones below, and the corpus lines
quoted in the corpus test), never from the tool's output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from resume_tool.api import engine
from resume_tool.cli import main
from resume_tool.keywords import validate_dir
from resume_tool.keywords.learn import (
    candidates_toml,
    example_sentence,
    learn_from_folder,
    slug,
    uncomment_candidates,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS_POSTINGS = ROOT.parent / "shared" / "corpus" / "postings"

# Invented terms (no list can know them): "Certified Zebra Wrangling Coder (CZWC)" and
# "Quillon Health Suite". CPT, ICD-10-CM and HIPAA are known to the bundled lists.
POSTING_A = """Medical Coder

Requirements:
- Certified Zebra Wrangling Coder (CZWC) credential required.
- Experience with CPT and ICD-10-CM coding.
- Proficiency with Quillon Health Suite.
"""
POSTING_B = """Coding Specialist

Qualifications:
- Active CZWC or CPC certification.
- HIPAA knowledge required.
"""
POSTING_C = """Billing Analyst

Requirements:
- Knowledge of Quillon Health Suite and CPT.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "postings"
    d.mkdir()
    (d / "a.txt").write_text(POSTING_A, encoding="utf-8")
    (d / "b.md").write_text(POSTING_B, encoding="utf-8")
    (d / "c.txt").write_text(POSTING_C, encoding="utf-8")
    (d / ".hidden.txt").write_text(POSTING_A.replace("CZWC", "QQXZ"), encoding="utf-8")
    (d / "image.png").write_bytes(b"\x89PNG\r\n")
    return d


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_candidates_with_counts_definitions_and_examples(folder: Path) -> None:
    _, matcher = engine()
    found, read = learn_from_folder(folder, matcher)
    assert read == 3  # the hidden file and the picture are not postings
    by_term = {c.term: c for c in found}
    czwc = by_term["CZWC"]
    assert czwc.postings == ["a.txt", "b.md"]
    assert czwc.long_form == "Certified Zebra Wrangling Coder" and czwc.acronym == "CZWC"
    assert czwc.category == "credential"
    assert "Certified Zebra Wrangling Coder (CZWC)" in czwc.example and czwc.example_from == "a.txt"
    # the defined long form is folded into its acronym, not a second candidate
    assert "Certified Zebra Wrangling Coder" not in by_term
    quillon = by_term["Quillon Health Suite"]
    assert quillon.postings == ["a.txt", "c.txt"]
    for known in ("CPT", "ICD-10-CM", "HIPAA", "CPC", "QQXZ"):
        assert known not in by_term
    assert [c.count for c in found] == sorted((c.count for c in found), reverse=True)


def test_toml_is_commented_until_a_person_accepts(folder: Path, tmp_path: Path) -> None:
    _, matcher = engine()
    found, read = learn_from_folder(folder, matcher)
    text = candidates_toml(found, str(folder), read)
    assert tomllib.loads(text) == {}  # nothing is added by itself
    assert "in 2 of 3 posting(s)" in text and "defined as: Certified Zebra Wrangling Coder (CZWC)" in text
    accepted = uncomment_candidates(text)
    entries = tomllib.loads(accepted)["entry"]
    assert {e["id"] for e in entries} >= {"czwc", "quillon-health-suite"}
    lists_dir = tmp_path / "mine"
    lists_dir.mkdir()
    (lists_dir / "candidates.toml").write_text(accepted, encoding="utf-8")
    assert validate_dir(lists_dir) == []


def test_hostile_terms_cannot_break_the_toml() -> None:
    from resume_tool.keywords.learn import Candidate

    cand = Candidate(term='Evil "Quote" \\ Term', postings=["x.txt"], example='line\nbreak "x"',
                     example_from="x.txt")
    text = uncomment_candidates(candidates_toml([cand], "dir", 1))
    entry = tomllib.loads(text)["entry"][0]
    assert entry["term"] == 'Evil "Quote" \\ Term' and entry["id"] == slug(cand.term) == "evil-quote-term"


def test_example_sentence_prefers_the_written_case() -> None:
    text = "Apply for this job today. Experience with the JOB scheduler required."
    assert example_sentence(text, "JOB") == "Experience with the JOB scheduler required."
    assert example_sentence("Nothing here.", "ZZZ") == ""


def test_lists_check_reports_every_problem_in_one_pass(tmp_path: Path) -> None:
    d = tmp_path / "edited"
    d.mkdir()
    (d / "candidates.toml").write_text(
        '[[entry]]\nid = "Bad Id"\nterm = "A"\ncategory = "credential"\n\n'
        '[[entry]]\nid = "b-term"\nterm = "B"\ncategory = "no-such-category"\n\n'
        '[[entry]]\nid = "c-term"\nterm = "C"\ncategory = "software"\nweight = 99\n',
        encoding="utf-8",
    )
    problems = validate_dir(d)
    text = "\n".join(problems)
    assert len(problems) >= 3, problems
    assert "Bad Id" in text and "no-such-category" in text and "weight" in text


def test_cli_learn_then_check(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "review"
    out_dir.mkdir()
    target = out_dir / "candidates.toml"
    code, out, err = run(capsys, "lists", "learn", str(folder), "-o", str(target))
    assert code == 0 and target.exists()
    assert "3 posting(s) read" in err and "CZWC = Certified Zebra Wrangling Coder  (in 2 posting(s))" in err
    code, out, err = run(capsys, "lists", "check", str(out_dir))
    assert code == 2 and "holds neither [[entry]] nor [role]" in err  # nothing accepted yet
    target.write_text(uncomment_candidates(target.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = run(capsys, "lists", "check", str(out_dir))
    assert code == 0, err
    code, out, _ = run(capsys, "lists", "learn", str(folder))
    assert code == 0 and "# [[entry]]" in out


def test_cli_learn_bad_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "lists", "learn", str(empty))
    assert code == 2 and "no posting files" in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(not CORPUS_POSTINGS.is_dir(), reason="../shared/corpus/postings is absent")
def test_real_postings(tmp_path: Path) -> None:
    """By reading: the Notable posting asks for "Certification as a RN, PA, APRN, or FNP" and the
    AHCS careers page says "Must be registered by the ARRT"; none of these is in the lists."""
    _, matcher = engine()
    found, read = learn_from_folder(CORPUS_POSTINGS, matcher)
    assert read == len([p for p in CORPUS_POSTINGS.iterdir() if p.suffix == ".txt"])
    terms = {c.term for c in found}
    assert {"APRN", "FNP", "ARRT"} <= terms
    assert not terms & {"CPT", "CPC", "ICD-10-CM", "HIPAA", "OPCS-4", "RN"}
    for c in found:
        assert c.example, c.term
    d = tmp_path / "all"
    d.mkdir()
    (d / "c.toml").write_text(uncomment_candidates(candidates_toml(found, "corpus", read)), encoding="utf-8")
    assert validate_dir(d) == []
