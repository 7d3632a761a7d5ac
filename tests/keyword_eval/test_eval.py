"""The matcher against the labelled set: precision >= 0.98 and recall >= 0.95 overall."""

from __future__ import annotations

import pytest

from tests.keyword_eval import evaluate, load_items, totals

MIN_PRECISION = 0.98
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def scores():
    scores, _skipped = evaluate()
    if not scores:
        pytest.skip("no labelled text available")
    return scores


def test_labelled_set_is_large_enough():
    items, _ = load_items()
    own = [i for i in items if not i.source.startswith(("resumes_text/", "postings/"))]
    assert (
        sum(i.kind == "resume" for i in items) >= 4 and sum(i.kind == "posting" for i in items) >= 1
    )
    assert own, "the texts written for the set are always present"
    for i in items:
        assert not (i.expected & i.traps), i.name


def test_labels_name_real_entries():
    from resume_tool.keywords import load_vocabulary

    known = set(load_vocabulary().entries)
    items, _ = load_items()
    unknown = {(i.name, x) for i in items for x in i.expected | i.traps if x not in known}
    assert unknown == set()


def test_precision_and_recall(scores):
    precision, recall = totals(scores)
    detail = {
        s.name: (sorted(s.false_positives), sorted(s.misses))
        for s in scores
        if s.false_positives or s.misses
    }
    assert precision >= MIN_PRECISION, detail
    assert recall >= MIN_RECALL, detail


def test_no_trap_is_reported(scores):
    assert {s.name: sorted(s.trap_hits) for s in scores if s.trap_hits} == {}


@pytest.mark.corpus
def test_full_set_with_corpus():
    from tests.keyword_eval import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus absent at {CORPUS}")
    items, skipped = load_items()
    assert skipped == []
    assert sum(i.kind == "resume" for i in items) >= 8
    assert sum(i.kind == "posting" for i in items) >= 8
