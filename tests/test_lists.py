"""Keyword lists: the bundled data obeys its own rules, and the validator catches each mistake.

The validator tests write small broken list folders and check that the one-line message
names the file, the entry (id or index) and the field, so a list maintainer can fix it
without reading code.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from resume_tool.errors import ListError
from resume_tool.keywords.lists import (
    CATEGORIES,
    entry_forms,
    expand_satisfies,
    form_key,
    list_summary,
    load_vocabulary,
    validate_dir,
)
from resume_tool.models import Vocabulary
from resume_tool.resources import data_dir

BUNDLED = data_dir("keyword_lists")
ROLES = (
    "outpatient-coder",
    "inpatient-coder",
    "billing-coding-specialist",
    "risk-adjustment-coder",
    "coding-auditor",
    "cdi-specialist",
    "entry-level-coder",
    "nhs-clinical-coder",
)
NHS_POSTINGS = sorted(
    (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "postings").glob("nhs-*.txt")
)


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary()


def write(folder: Path, rel: str, text: str) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ------------------------------------------------------------------ bundled data
def test_bundled_lists_validate_without_problems() -> None:
    assert validate_dir(BUNDLED) == []


def test_bundled_lists_are_large_and_cover_every_category(vocab: Vocabulary) -> None:
    assert len(vocab.entries) >= 300
    counts = {c: sum(e.category == c for e in vocab.entries.values()) for c in CATEGORIES}
    assert all(n >= 5 for n in counts.values()), counts


def test_all_roles_present_and_well_formed(vocab: Vocabulary) -> None:
    assert set(ROLES) <= set(vocab.roles)
    for rid in ROLES:
        role = vocab.roles[rid]
        assert role.name and role.description and role.titles, rid
        assert 5 <= len(role.core) <= 10, (rid, len(role.core))
        assert 25 <= len(role.terms) <= 60, (rid, len(role.terms))
        for ref in [*role.core, *role.terms, *role.weights]:
            assert ref in vocab.entries, (rid, ref)
            assert not vocab.entries[ref].legacy or ref not in role.core, (rid, ref)
        assert not set(role.core) & set(role.terms), rid
        assert role.weights, rid
        assert Path(role.source).is_file() and Path(role.source).is_relative_to(BUNDLED)


def test_role_weights_reflect_what_each_role_cares_about(vocab: Vocabulary) -> None:
    inpatient = vocab.roles["inpatient-coder"]
    assert inpatient.weights["icd-10-pcs"] > vocab.entries["icd-10-pcs"].weight
    assert inpatient.weights["ms-drg"] > vocab.entries["ms-drg"].weight
    ra = vocab.roles["risk-adjustment-coder"]
    for eid in ("crc", "hcc", "meat", "raf"):
        assert ra.weights[eid] > vocab.entries[eid].weight, eid
    nhs = vocab.roles["nhs-clinical-coder"]
    assert {"opcs-4", "acc", "icd-10", "clinical-coding"} <= set(nhs.core)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("cpc", "cpc-a"),
        ("ccs", "ccs-p"),
        ("rhit", "rhia"),
        ("cdip", "cdi"),
        ("coc", "coc-a"),
        ("coc", "cosc"),
    ],
)
def test_distinct_credentials_stay_distinct(vocab: Vocabulary, one: str, other: str) -> None:
    a, b = vocab.entries[one], vocab.entries[other]
    keys_a = {form_key(f) for f, _ in entry_forms(a)}
    keys_b = {form_key(f) for f, _ in entry_forms(b)}
    assert not keys_a & keys_b
    assert one not in b.satisfies and other not in a.satisfies


def test_cdip_is_a_credential_and_cdi_a_practice(vocab: Vocabulary) -> None:
    assert vocab.entries["cdip"].category == "credential"
    assert vocab.entries["cdi"].category == "coding_practice"


def test_every_legacy_entry_names_a_current_replacement(vocab: Vocabulary) -> None:
    legacy = [e for e in vocab.entries.values() if e.legacy]
    assert {"cpc-h", "cpc-p", "icd-9-cm", "hcfa-1500", "ub-92"} <= {e.id for e in legacy}
    for e in legacy:
        assert e.replaced_by in vocab.entries, e.id
        assert not vocab.entries[e.replaced_by].legacy, e.id
        assert e.satisfies == [], e.id
    assert vocab.entries["cpc-h"].replaced_by == "coc"
    assert vocab.entries["icd-9-cm"].replaced_by == "icd-10-cm"


def test_satisfies_goes_from_specific_to_general_only(vocab: Vocabulary) -> None:
    e = vocab.entries
    assert "icd-10" in e["icd-10-cm"].satisfies
    assert "icd-10" in e["icd-10-pcs"].satisfies
    assert "icd-10-cm" not in e["icd-10"].satisfies and e["icd-10"].satisfies == []
    assert "epic" in e["epic-resolute"].satisfies and "epic-resolute" not in e["epic"].satisfies
    closure = expand_satisfies(vocab)
    assert {"epic-resolute", "epic", "ehr-emr"} <= closure["epic-resolute-hb"]
    assert closure["icd-9-cm"] == frozenset()  # legacy counts for nothing
    assert "icd-10-cm" not in closure["icd-10"]


def test_caution_items_follow_the_reference(vocab: Vocabulary) -> None:
    e = vocab.entries
    forms = {eid: {form_key(f) for f, _ in entry_forms(x)} for eid, x in e.items()}
    owners = lambda text: {eid for eid, keys in forms.items() if form_key(text) in keys}  # noqa: E731
    # COSC is not "Certified Outpatient Coder": that is COC only.
    assert owners("Certified Outpatient Coder") == {"coc"}
    # The wrong AAPC expansion is recognized but legacy, pointing at AAPC; never an alias of it.
    assert owners("American Association of Professional Coders") == {"aapc-wrong-expansion"}
    assert e["aapc-wrong-expansion"].legacy and e["aapc-wrong-expansion"].replaced_by == "aapc"
    # Bare "EM" is not E/M; CMBCS is not a credential.
    assert owners("EM") == set()
    assert owners("CMBCS") == set()
    assert owners("E & M") == owners("E and M") == owners("Evaluation and Management") == {"e-m"}
    # CIRCC is AAPC's; nothing in the entry says AHIMA.
    assert "AHIMA" not in " ".join(f for f, _ in entry_forms(e["circc"])) + " ".join(
        e["circc"].context
    )
    # Words that are ordinary English only match as written, with evidence.
    assert {"Epic", "EPIC"} <= set(e["epic"].case_sensitive) and "epic" not in e[
        "epic"
    ].case_sensitive
    assert set(e["epic"].needs_context) == {"Epic", "EPIC"}
    assert "Excel" in e["microsoft-excel"].case_sensitive
    assert "AR" in e["accounts-receivable"].needs_context
    assert "POA" in e["poa"].needs_context
    # "Certified Medical Coder" is also a job title: generic certification, not PMI's CMC.
    assert owners("Certified Medical Coder") == {"coding-certification"}
    assert owners("PMI Certified Medical Coder") == {"cmc"}
    # Words whose lemma is a common word were false positives on real postings/resumes
    # ("typing" -> "type" in "Employment type", "indexing" -> "case mix index").
    for noisy in ("indexing", "health information", "discretion"):
        assert owners(noisy) == set(), noisy
    # bare "organized" (also the verb: "organized files") only as a list item with evidence
    org = e["organizational-skills"]
    assert "organized" in org.list_item_only and "organized" in org.needs_context
    assert org.strict_context
    # bare "typing" only as written (so never the lemma "type") and only as a list item
    assert {"typing", "Typing"} <= set(e["typing"].case_sensitive)
    assert {"typing", "Typing"} <= set(e["typing"].list_item_only)
    # HCPC misspelling and the HCFA-era form names are covered.
    assert owners("HCPC") == {"hcpcs"} and owners("HCFA-1500") == {"hcfa-1500"}


def test_unverified_specialty_credentials_carry_low_weight(vocab: Vocabulary) -> None:
    for eid in (
        "cedc",
        "cgsc",
        "cgic",
        "chonc",
        "cobgc",
        "cpedc",
        "cimc",
        "cascc",
        "cderc",
        "centc",
        "cmcs",
    ):
        assert vocab.entries[eid].weight <= 1.0, eid
    for eid in ("cfpc", "cuc", "copc", "csfac", "ccvtc", "crhc"):
        assert vocab.entries[eid].weight <= 0.5, eid
    assert vocab.entries["cpc"].weight > vocab.entries["cedc"].weight


def test_no_form_names_two_entries(vocab: Vocabulary) -> None:
    """Same normalized form -> two ids would make a match ambiguous.

    Checked twice: with the loader's cheap key, and with the matcher's own token keys (which
    also fold plurals and inflections) when the matcher's NLP module is importable.
    """
    intended: set[frozenset[str]] = set()  # pairs allowed to share a form: none today

    def clashes(key_of) -> list[tuple[str, str, str]]:
        seen: dict[object, tuple[str, str, bool]] = {}
        found = []
        for entry in vocab.entries.values():
            cs = set(entry.case_sensitive)
            for form, _ in entry_forms(entry):
                key = key_of(form, form in cs)
                if key in seen and seen[key][0] != entry.id:
                    pair = frozenset({seen[key][0], entry.id})
                    if pair not in intended:
                        found.append((seen[key][0], entry.id, form))
                seen.setdefault(key, (entry.id, form, form in cs))
        return found

    assert clashes(lambda f, cs: form_key(f, cs)) == []
    # A case-sensitive form must not collide with any case-insensitive form of another entry.
    assert clashes(lambda f, cs: form_key(f)) == []
    try:
        from resume_tool.keywords.nlp import atomize_text, phrase_keys
    except ImportError:  # pragma: no cover - the matcher module is part of the package
        pytest.skip("matcher NLP module not importable")
    assert clashes(lambda f, cs: tuple(atomize_text(f).words) if cs else phrase_keys(f)) == []
    assert clashes(lambda f, cs: phrase_keys(f)) == []
    try:  # the matcher also matches "MS-DRG" as "MSDRG": those joined forms must not clash
        from resume_tool.keywords.matcher import joined_variant
    except ImportError:  # pragma: no cover
        return
    assert clashes(lambda f, cs: phrase_keys(joined_variant(f) or f)) == []


def test_case_sensitive_and_context_forms_are_entry_forms(vocab: Vocabulary) -> None:
    for e in vocab.entries.values():
        forms = {f for f, _ in entry_forms(e)}
        assert set(e.case_sensitive) <= forms, e.id
        assert set(e.needs_context) <= forms, e.id
        assert 0 < e.weight <= 10, e.id
        assert Path(e.source).is_file(), e.id


@pytest.mark.corpus
@pytest.mark.skipif(not NHS_POSTINGS, reason="shared corpus not present")
def test_nhs_entries_are_what_real_nhs_postings_say(vocab: Vocabulary) -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in NHS_POSTINGS).lower()
    norm = form_key(text)
    for eid in (
        "acc", "opcs-4", "icd-10", "hrg", "pbr", "nccs", "dspt", "clinical-coding-refresher",
        "approved-clinical-coding-trainer", "national-tariff", "information-governance",
        "data-quality", "clinical-coding-audit", "case-notes", "clinical-coding", "edm",
    ):  # fmt: skip
        forms = [f for f, _ in entry_forms(vocab.entries[eid])]
        assert any(form_key(f) in norm for f in forms), eid


# ------------------------------------------------------------------ loading and caching
def test_load_returns_fresh_copies(vocab: Vocabulary) -> None:
    mine = load_vocabulary()
    mine.entries["cpc"].aliases.append("changed")
    del mine.roles["cdi-specialist"]
    again = load_vocabulary()
    assert "changed" not in again.entries["cpc"].aliases
    assert "cdi-specialist" in again.roles
    assert again.sources == [str(BUNDLED)]


def test_lists_dir_overrides_an_entry_and_adds_a_role(tmp_path: Path) -> None:
    write(
        tmp_path,
        "vocabulary/mine.toml",
        """
        [[entry]]
        id = "cpc"
        term = "CPC"
        long_form = "Certified Professional Coder"
        category = "credential"
        weight = 9.0

        [[entry]]
        id = "urgent-care-coding"
        term = "urgent care coding"
        category = "coding_practice"
        satisfies = ["medical-coding"]

        [[entry]]
        id = "greenway"
        remove = true
        """,
    )
    write(
        tmp_path,
        "roles/urgent-care.toml",
        """
        [role]
        id = "urgent-care-coder"
        name = "Urgent Care Coder"
        core = ["cpc", "urgent-care-coding", "e-m"]
        terms = ["icd-10-cm"]
        [role.weights]
        e-m = 6
        """,
    )
    assert validate_dir(tmp_path) == []
    v = load_vocabulary([tmp_path])
    assert v.entries["cpc"].weight == 9.0
    assert v.entries["cpc"].source == str(tmp_path / "vocabulary" / "mine.toml")
    assert v.entries["cpc"].case_sensitive == []  # replaced as a whole, not merged
    assert "greenway" not in v.entries
    assert v.roles["urgent-care-coder"].weights == {"e-m": 6.0}
    assert "outpatient-coder" in v.roles  # bundled roles stay
    assert v.sources == [str(BUNDLED), str(tmp_path)]
    rows = {r["id"]: r for r in list_summary(v)["roles"]}
    assert rows["urgent-care-coder"]["core"] == 3 and rows["urgent-care-coder"]["terms"] == 4
    assert rows["urgent-care-coder"]["source"] == str(tmp_path / "roles" / "urgent-care.toml")
    assert rows["inpatient-coder"]["source"] == "bundled: roles/inpatient-coder.toml"
    # the bundled cache is untouched by the overlay
    assert load_vocabulary().entries["cpc"].weight != 9.0


def test_later_dirs_win_and_flat_files_hold_entries_and_roles(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write(
        first,
        "x.toml",
        """
        [[entry]]
        id = "local-term"
        term = "local term"
        category = "soft_skill"
        """,
    )
    write(
        second,
        "y.toml",
        """
        [[entry]]
        id = "local-term"
        term = "local term, second version"
        category = "soft_skill"

        [role]
        id = "local-role"
        name = "Local role"
        core = ["local-term"]
        """,
    )
    v = load_vocabulary([first, second])
    assert v.entries["local-term"].term == "local term, second version"
    assert v.entries["local-term"].weight == CATEGORIES["soft_skill"]  # default by category
    assert v.roles["local-role"].core == ["local-term"]


def test_list_summary_counts_categories(vocab: Vocabulary) -> None:
    summary = list_summary(vocab)
    assert summary["entries"] == len(vocab.entries)
    assert sum(row["entries"] for row in summary["categories"]) == len(vocab.entries)
    cred = next(r for r in summary["categories"] if r["category"] == "credential")
    assert cred["legacy"] >= 2
    assert [r["id"] for r in summary["roles"]] == sorted(vocab.roles)


# ------------------------------------------------------------------ validation messages
BAD_CASES = {
    "unknown key typo": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        alias = ["mine"]
        """,
        ["bad.toml", "entry 'my-term'", "field 'alias'", "unknown key", "did you mean 'aliases'"],
    ),
    "bad category": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "softskill"
        """,
        [
            "bad.toml",
            "entry 'my-term'",
            "field 'category'",
            "'softskill' is not a category",
            "soft_skill",
        ],
    ),
    "missing term": (
        """
        [[entry]]
        id = "my-term"
        category = "coding_practice"
        """,
        ["bad.toml", "entry 'my-term'", "field 'term'", "missing required field"],
    ),
    "missing id uses the index": (
        """
        [[entry]]
        id = "first"
        term = "First"
        category = "coding_practice"

        [[entry]]
        term = "Second"
        category = "coding_practice"
        """,
        ["bad.toml", "entry #2", "field 'id'", "missing required field"],
    ),
    "bad id": (
        """
        [[entry]]
        id = "My Term"
        term = "My term"
        category = "coding_practice"
        """,
        ["bad.toml", "entry 'My Term'", "field 'id'", "not a valid id"],
    ),
    "weight out of range": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        weight = 12
        """,
        ["bad.toml", "entry 'my-term'", "field 'weight'", "out of range"],
    ),
    "wrong type": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        aliases = "mine"
        """,
        ["bad.toml", "entry 'my-term'", "field 'aliases'", 'aliases = ["mine"]'],
    ),
    "unknown satisfies id": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        satisfies = ["medical-codng"]
        """,
        [
            "bad.toml",
            "entry 'my-term'",
            "field 'satisfies'",
            "unknown entry id 'medical-codng'",
            "did you mean 'medical-coding'",
        ],
    ),
    "case_sensitive form not a form": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        acronym = "MT"
        category = "coding_practice"
        case_sensitive = ["Mt"]
        """,
        [
            "bad.toml",
            "entry 'my-term'",
            "field 'case_sensitive'",
            "'Mt' is not one of the entry's forms",
        ],
    ),
    "needs_context form not a form": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        needs_context = ["MT"]
        """,
        [
            "bad.toml",
            "entry 'my-term'",
            "field 'needs_context'",
            "'MT' is not one of the entry's forms",
        ],
    ),
    "toml syntax error": (
        """
        [[entry]]
        id = "my-term"
        term = "My term
        category = "coding_practice"
        """,
        ["bad.toml", "line 4", "TOML syntax error"],
    ),
    "single-bracket entry": (
        """
        [entry]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        """,
        ["bad.toml", "entry #1", "[[entry]] (double brackets)"],
    ),
    "unknown top-level key": (
        """
        [[entries]]
        id = "my-term"
        """,
        ["bad.toml", "field 'entries'", "unknown top-level key", "did you mean 'entry'"],
    ),
    "legacy without replacement": (
        """
        [[entry]]
        id = "old-term"
        term = "Old term"
        category = "coding_practice"
        legacy = true
        """,
        ["bad.toml", "entry 'old-term'", "field 'replaced_by'", "needs replaced_by"],
    ),
    "replaced_by on a current entry": (
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "coding_practice"
        replaced_by = "cpc"
        """,
        ["bad.toml", "entry 'my-term'", "field 'replaced_by'", "only legacy entries"],
    ),
    "legacy entry that satisfies": (
        """
        [[entry]]
        id = "old-term"
        term = "Old term"
        category = "code_set"
        legacy = true
        replaced_by = "icd-10-cm"
        satisfies = ["icd-10"]
        """,
        ["bad.toml", "entry 'old-term'", "field 'satisfies'", "legacy entry never satisfies"],
    ),
    "satisfies cycle": (
        """
        [[entry]]
        id = "loop-a"
        term = "Loop A"
        category = "coding_practice"
        satisfies = ["loop-b"]

        [[entry]]
        id = "loop-b"
        term = "Loop B"
        category = "coding_practice"
        satisfies = ["loop-a"]
        """,
        ["bad.toml", "entry 'loop-a'", "field 'satisfies'", "cycle: loop-a -> loop-b -> loop-a"],
    ),
    "form claimed by two entries": (
        """
        [[entry]]
        id = "cost-per-click"
        term = "cost per click"
        acronym = "CPC"
        category = "soft_skill"
        """,
        [
            "bad.toml",
            "entry 'cost-per-click'",
            "field 'aliases'",
            "'CPC' is also a form of entry 'cpc'",
        ],
    ),
    "role with unknown core id": (
        """
        [role]
        id = "my-role"
        name = "My role"
        core = ["cpc", "icd10-cm"]
        """,
        [
            "bad.toml",
            "role 'my-role'",
            "field 'core'",
            "unknown entry id 'icd10-cm'",
            "did you mean 'icd-10-cm'",
        ],
    ),
    "role with unknown terms id": (
        """
        [role]
        id = "my-role"
        name = "My role"
        terms = ["not-an-entry"]
        """,
        ["bad.toml", "role 'my-role'", "field 'terms'", "unknown entry id 'not-an-entry'"],
    ),
    "role weight for unknown id": (
        """
        [role]
        id = "my-role"
        name = "My role"
        core = ["cpc"]
        [role.weights]
        cpcc = 4.0
        """,
        ["bad.toml", "role 'my-role'", "field 'weights.cpcc'", "unknown entry id 'cpcc'"],
    ),
    "role requires a legacy entry": (
        """
        [role]
        id = "my-role"
        name = "My role"
        core = ["icd-9-cm"]
        """,
        ["bad.toml", "role 'my-role'", "field 'core'", "'icd-9-cm' is legacy", "'icd-10-cm'"],
    ),
    "role missing name": (
        """
        [role]
        id = "my-role"
        core = ["cpc"]
        """,
        ["bad.toml", "role 'my-role'", "field 'name'", "missing required field"],
    ),
    "remove of an unknown id": (
        """
        [[entry]]
        id = "never-defined"
        remove = true
        """,
        ["bad.toml", "entry 'never-defined'", "field 'remove'", "no earlier list defines"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_validation_names_file_entry_and_field(tmp_path: Path, case: str) -> None:
    text, expected = BAD_CASES[case]
    write(tmp_path, "bad.toml", text)
    problems = validate_dir(tmp_path)
    assert problems, case
    hit = [p for p in problems if all(part in p for part in expected)]
    assert hit, (case, problems)
    assert all("\n" not in p for p in problems)
    assert hit[0].startswith(str(tmp_path / "bad.toml") + ": ")


def test_duplicate_id_across_files_of_one_folder(tmp_path: Path) -> None:
    entry = """
        [[entry]]
        id = "dup-term"
        term = "Dup term"
        category = "soft_skill"
        """
    write(tmp_path, "vocabulary/a.toml", entry)
    write(tmp_path, "vocabulary/b.toml", entry)
    problems = validate_dir(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith(str(tmp_path / "vocabulary" / "b.toml"))
    assert "entry 'dup-term', field 'id': duplicate id" in problems[0]
    assert str(tmp_path / "vocabulary" / "a.toml") in problems[0]


def test_removing_an_entry_a_bundled_role_needs_is_reported(tmp_path: Path) -> None:
    write(
        tmp_path,
        "drop.toml",
        """
        [[entry]]
        id = "meat"
        remove = true
        """,
    )
    problems = validate_dir(tmp_path)
    assert any(
        "role 'risk-adjustment-coder'" in p
        and "names 'meat', which" in p
        and "drop.toml removes" in p
        for p in problems
    ), problems


def test_load_raises_one_line_list_error_with_count(tmp_path: Path) -> None:
    write(
        tmp_path,
        "bad.toml",
        """
        [[entry]]
        id = "my-term"
        term = "My term"
        category = "nope"
        alias = ["x"]
        weight = -1
        """,
    )
    with pytest.raises(ListError) as info:
        load_vocabulary([tmp_path])
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(
        str(tmp_path / "bad.toml") + ": entry 'my-term', field 'alias': unknown key"
    )
    assert f"(2 more; run `resume-tool lists check {tmp_path}`)" in msg
    assert info.value.exit_code == 2


def test_missing_lists_folder_is_a_list_error(tmp_path: Path) -> None:
    with pytest.raises(ListError, match="no such folder"):
        load_vocabulary([tmp_path / "nowhere"])
    assert validate_dir(tmp_path) == [
        f"{tmp_path}: holds no .toml list files (looked at the folder, vocabulary/ and roles/)"
    ]


def test_readme_example_folder_is_valid(tmp_path: Path) -> None:
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    after = readme.split("`my-lists/urgent-care.toml`:", 1)[1]
    example = after.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "urgent-care.toml").write_text(example, encoding="utf-8")
    assert validate_dir(tmp_path) == []
    v = load_vocabulary([tmp_path])
    assert v.entries["cpc"].weight == 5.0
    assert "greenway" not in v.entries
    assert v.roles["urgent-care-coder"].weights == {"e-m": 5.0}
