"""argmap.extract.suggest: the lexical score (TF-IDF as scikit-learn weighs it, in the standard library, + rapidfuzz) and its guarantees."""

from __future__ import annotations

import random


from argmap.merge.combine import read_document
from argmap.extract.suggest import Claim, claims_of_documents, similarities, suggest

from ..conftest import ROOT

EXAMPLES = ROOT / "examples" / "ukraine-talks"


def claim(title: str, source: str, text: str) -> Claim:
    return Claim(title, source, f"{source}.argmap", 1, text, ())


def test_a_rare_shared_word_counts_for_more_than_a_common_one():
    claims = [
        claim("A1", "a", "Russia withheld the memorandum from the talks."),
        claim("B1", "b", "The memorandum never came."),
        claim("B2", "b", "Russia keeps fighting."),
        claim("C1", "c", "Russia wants land."),
        claim("C2", "c", "Russia rejects a ceasefire."),
    ]
    ranked = suggest(claims)
    assert (ranked[0].a.title, ranked[0].b.title) == ("A1", "B1")


def test_scores_are_between_0_and_1_and_symmetric():
    claims = [claim("A", "a", "Sanctions bite."), claim("B", "b", "sanctions BITE"), claim("C", "c", ""), claim("D", "d", "the of and")]
    scores = similarities(claims)
    assert [len(row) for row in scores] == [4, 4, 4, 4]
    assert all(abs(scores[i][j] - scores[j][i]) < 1e-12 for i in range(4) for j in range(4))
    assert all(0.0 <= score <= 1.0 for row in scores for score in row)
    assert suggest(claims)[0].score == 1.0  # the same words


def test_no_claims_or_no_words():
    assert suggest([]) == []
    assert suggest([claim("A", "a", "")]) == []
    assert [s.score for s in suggest([claim("A", "a", "the"), claim("B", "b", "of")])] == [0.0]


def test_same_claims_in_any_order_give_the_same_ranking():
    claims = claims_of_documents([read_document(p) for p in sorted(EXAMPLES.glob("*.argmap"))])
    shuffled = list(claims)
    random.Random(5).shuffle(shuffled)
    key = lambda ranked: [(s.score, s.a.source, s.a.title, s.b.source, s.b.title) for s in ranked]  # noqa: E731
    assert key(suggest(claims, top=200)) == key(suggest(shuffled, top=200))


def test_tfidf_weighs_rare_words_and_phrases_more():
    # the weighting scikit-learn's TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2)) gives:
    # idf = ln((1 + n) / (1 + df)) + 1, tf = 1 + ln(count), rows of length 1
    from argmap.extract.suggest import tfidf_vectors

    a, b, c = tfidf_vectors([["red", "line"], ["red", "line"], ["red", "army"]])
    assert abs(sum(w * w for w in a.values()) - 1) < 1e-12
    assert a == b and set(a) == {"red", "line", "red line"}
    assert a["red line"] > a["red"]  # a phrase two bags share counts more than a word all three share
    assert abs(sum(a[t] * c.get(t, 0.0) for t in a) - a["red"] * c["red"]) < 1e-12
