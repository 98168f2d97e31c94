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
    # 0.47 (50 of 107 matched pairs) when measured against the example of issue 21, below the
    # 0.60 target (see docs/extract.md). It was 0.58 against the earlier example: the drafts are
    # unchanged, but the example now leaves factual, reported and hedged claims untagged, so 44
    # drafted tags fall on claims the author left untagged (12 before). The lexicon following the
    # sharpened definitions then made it 0.49 (52 of 107)
    _, total, _ = figures
    assert total.strict_agreement >= 0.48


def test_merge_suggestions_do_not_regress(figures):
    # 4 of 9 true pairs in the top 18 (0.44) when measured against the example of issue 21
    # (TF-IDF + rapidfuzz), below the 0.70 target. The earlier example merged claims that were
    # only alike in meaning (29 true pairs, 10 found, 0.34); issue 21 split those merges, which
    # left 9 claims shared by two files each. Sentence embeddings (all-MiniLM-L6-v2, measured on
    # the earlier example), position tags, the documents' relations, article context and
    # one-to-one matching did no better (docs/extract.md, bench/merge_variants.py)
    _, _, merges = figures
    assert merges.true_pairs == 9 and merges.considered == 18
    assert merges.found >= 4 and merges.score >= 0.44


@pytest.fixture(scope="module")
def split(bench):
    return bench.split_shared_claims(list(EXAMPLES.glob("*.argmap")))


def test_true_pairs_are_retitled_so_titles_give_nothing_away(split):
    assert len(split.truth) == 9  # 9 claims that two files each state (29 pairs of 16 claims before issue 21)
    for a, b in split.truth:
        assert split.claims[a].source != split.claims[b].source and split.claims[a].title != split.claims[b].title


def _titles(document):
    """Every title a document uses: statements, arguments, relation ends, premise–conclusion items."""
    titles = {e.title for e in (*document.statements, *document.arguments)}
    titles |= {ref.title for r in document.relations for ref in (r.source, r.target)}
    return titles | {i.statement for a in document.arguments for i in a.pcs}


def test_the_split_renames_shared_titles_in_the_graph_too(split):
    from argmap.merge.combine import read_document
    from argmap.extract.suggest import claims_of_documents

    originals = [read_document(p) for p in sorted(EXAMPLES.glob("*.argmap"))]
    counts: dict[str, int] = {}
    for claim in claims_of_documents(originals):
        counts[claim.title] = counts.get(claim.title, 0) + 1
    shared = {t for t, n in counts.items() if n > 1}
    assert len(shared) == 9  # 16 before issue 21 split the example's merges of claims alike only in meaning
    assert [len(d.statements) for d in split.documents] == [len(d.statements) for d in originals]
    assert [len(d.relations) for d in split.documents] == [len(d.relations) for d in originals]
    for document in split.documents:
        assert not [d for d in document.diagnostics if d.severity.name == "ERROR"]
        assert not _titles(document) & shared  # no relation, premise or reference keeps an old title
    # no title of a copy is used by any other file: the graph joins no two copies
    for a, b in split.truth:
        first, second = split.claims[a], split.claims[b]
        other = next(d for d in split.documents if d.source.id == second.source)
        assert first.title not in _titles(other)


def test_variants_script_prints_its_table(capsys):
    spec = importlib.util.spec_from_file_location("merge_variants", ROOT / "bench" / "merge_variants.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("9 true pairs among 8815 cross-source pairs")  # 29 among 4797 before issue 21
    assert "| **top 18** |" in out  # scored at 2 × the true pairs, like bench/extract_eval.py
    rows = [line for line in out.splitlines() if line.startswith("| ") and "variant" not in line]
    assert len(rows) > 20 and rows[0].startswith("| shipped:")


def test_script_prints_the_table_and_json(bench, capsys):
    assert bench.main([]) == 0
    table = capsys.readouterr().out
    assert "| **all five** |" in table and "suggest-merges:" in table
    assert bench.main(["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"articles", "overall", "merges", "targets"}
    assert len(data["articles"]) == 5
