"""bench/extract_eval.py: the figures against the hand-written example map (issue 5)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from ..conftest import ROOT

EXAMPLES = ROOT / "examples" / "ukraine-talks"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(bench):
    before = {p: p.read_bytes() for p in EXAMPLES.rglob("*") if p.is_file()}
    results = bench.evaluate_extract()
    merges = bench.evaluate_merges()
    assert {p: p.read_bytes() for p in EXAMPLES.rglob("*") if p.is_file()} == before  # the examples are never edited
    return results, bench.overall(results), merges


def test_every_article_is_evaluated(figures):
    results, total, _ = figures
    assert len(results) == 5
    assert total.hand_written == sum(r.hand_written for r in results) > 100


def test_extraction_meets_the_targets(bench, figures):
    _, total, _ = figures
    assert total.recall >= bench.TARGETS["recall"]
    assert total.precision >= bench.TARGETS["precision"]
    assert total.position_agreement >= bench.TARGETS["position_agreement"]


def test_strict_position_agreement_does_not_regress(figures):
    # 0.58 when measured; below the 0.60 target (see docs/extract.md)
    _, total, _ = figures
    assert total.strict_agreement >= 0.55


def test_merge_suggestions_do_not_regress(figures):
    # 0.34 when measured (scikit-learn TF-IDF + rapidfuzz), far below the 0.70 target:
    # lexical similarity cannot see that differently worded quotes state one claim,
    # and sentence embeddings (all-MiniLM-L6-v2) did worse, 0.21 (see docs/extract.md)
    _, _, merges = figures
    assert merges.true_pairs == 29 and merges.considered == 58
    assert merges.score >= 0.30


def test_true_pairs_are_retitled_so_titles_give_nothing_away(bench):
    from argmap.merge import read_document

    documents = [read_document(p) for p in sorted(EXAMPLES.glob("*.argmap"))]
    claims, truth = bench.split_shared_claims(documents)
    assert len(truth) == 29
    for a, b in truth:
        assert claims[a].source != claims[b].source and claims[a].title != claims[b].title


def test_script_prints_the_table_and_json(bench, capsys):
    assert bench.main([]) == 0
    table = capsys.readouterr().out
    assert "| **all five** |" in table and "suggest-merges:" in table
    assert bench.main(["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"articles", "overall", "merges", "targets"}
    assert len(data["articles"]) == 5
