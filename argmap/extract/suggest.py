"""Suggest merges: statements from different sources that probably state the same claim.

Each statement of each source is one *claim*: its title, the text and the
quotes that source gives it. Claims are compared as bags of content words
(lower-case, stop words left out, plural and verb endings stripped), and a
pair's score mixes two measures:

- TF-IDF cosine (weight ``TFIDF_WEIGHT``) over the content words and pairs of
  neighbouring content words (``NGRAMS``), with sublinear term frequency and
  smoothed inverse document frequency (the weighting of scikit-learn's
  ``TfidfVectorizer(sublinear_tf=True)``, computed here with the standard
  library so that the install needs no NumPy or SciPy): words that few claims use
  count for more, so two claims that share "memorandum" score higher than two
  that share "Russia", and a shared phrase ("red line") more than its words;
- rapidfuzz's ``token_set_ratio`` on the content words (weight
  ``FUZZY_WEIGHT``): the share of the shorter claim's words found in the
  longer one, tolerant of small spelling differences.

The measure is lexical: it finds claims that share words, not claims that
share a meaning in other words. Sentence embeddings, position tags, the
documents' relations, article context and one-to-one matching between sources
were measured against it and did no better on the examples (docs/extract.md;
bench/merge_variants.py prints the figures).

Only pairs from different sources with different titles are ranked; a pair
with the same title is already one statement. Nothing is ever written: the
author decides and gives the two statements one title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import math
from collections import Counter

from rapidfuzz import fuzz

from ..core.model import ArgumentMap, Document

TFIDF_WEIGHT = 0.7
FUZZY_WEIGHT = 0.3
NGRAMS = (1, 2)  # single content words and pairs of neighbouring ones

_STOPWORDS = frozenset(
    """a about above after again against all also am among amid an and any are as at be because been before being
    below between both but by can cannot could did do does doing done down during each even ever every few for from
    further had has have having he her here hers herself him himself his how however i if in into is it its itself
    just let like may me might more most much must my myself no nor not now of off on once one only or other ought our
    ours ourselves out over own per rather same shall she should since so some such than that the their theirs them
    themselves then there these they this those though through thus to too under until up upon us very via was we
    were what when where whether which while who whom whose why will with within without would yet you your yours
    yourself said say says told also s t""".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SUFFIXES = ("ational", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A light suffix-stripping stemmer: enough to meet 'sanctions' with 'sanctioned'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str) -> list[str]:
    words = []
    for match in _WORD.finditer(text.lower().replace("’", "'")):
        word = match.group(0)
        if word.endswith("'s"):
            word = word[:-2]
        if word in _STOPWORDS or len(word) < 3 or word.isdigit():
            continue
        words.append(stem(word))
    return words


@dataclass(frozen=True)
class Claim:
    """One statement as one source gives it."""

    title: str
    source: str
    path: str
    line: int
    text: str
    quotes: tuple[str, ...]

    @property
    def words(self) -> str:
        return " ".join((self.title, self.text, *self.quotes))


@dataclass(frozen=True)
class Suggestion:
    score: float
    a: Claim
    b: Claim


def claims_of_documents(documents: Iterable[Document]) -> list[Claim]:
    """Every statement of every document that gives it a text or a quote, one claim per source."""
    found: dict[tuple[str, str], dict] = {}
    for document in documents:
        for statement in document.statements:
            if not (statement.text or statement.quotes):
                continue
            key = (document.source.id, statement.title)
            entry = found.setdefault(
                key,
                {"title": statement.title, "source": document.source.id, "path": document.path, "line": statement.span.line, "text": "", "quotes": []},
            )
            if statement.text and not entry["text"]:
                entry["text"] = statement.text
            entry["quotes"].extend(q.text for q in statement.quotes)
    return [Claim(**{**e, "quotes": tuple(e["quotes"])}) for e in found.values()]


def claims_of_map(argument_map: ArgumentMap) -> list[Claim]:
    return claims_of_documents(argument_map.documents)


def similarities(claims: Sequence[Claim]) -> list[list[float]]:
    """The claims' pairwise scores (a symmetric matrix as rows, between 0 and 1): TF-IDF cosine mixed with fuzzy matching."""
    bags = [content_words(c.words) for c in claims]
    vectors = tfidf_vectors(bags)
    joined = [" ".join(sorted(set(bag))) for bag in bags]
    n = len(claims)
    scores = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i, n):
            cosine = sum(weight * vectors[j].get(term, 0.0) for term, weight in vectors[i].items())
            fuzzy = fuzz.token_set_ratio(joined[i], joined[j]) / 100
            scores[i][j] = scores[j][i] = min(1.0, max(0.0, TFIDF_WEIGHT * cosine + FUZZY_WEIGHT * fuzzy))
    return scores


def tfidf_vectors(bags: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Each bag of words as a unit-length TF-IDF vector (term → weight) over its ``NGRAMS``.

    Term frequency is sublinear (1 + log tf); inverse document frequency is
    smoothed, ln((1 + n) / (1 + df)) + 1, so a term every bag has still counts
    a little; rows are scaled to length 1, so a dot product is the cosine.
    """
    counts = [Counter(_ngrams(bag)) for bag in bags]
    frequency = Counter(term for count in counts for term in count)
    n = len(bags)
    idf = {term: math.log((1 + n) / (1 + df)) + 1 for term, df in frequency.items()}
    vectors = []
    for count in counts:
        weights = {term: (1 + math.log(tf)) * idf[term] for term, tf in count.items()}
        length = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({term: w / length for term, w in weights.items()} if length else {})
    return vectors


def _ngrams(words: Sequence[str]) -> list[str]:
    low, high = NGRAMS
    return [" ".join(words[i : i + size]) for size in range(low, high + 1) for i in range(len(words) - size + 1)]


def suggest(claims: Sequence[Claim], top: int | None = None, min_score: float = 0.0) -> list[Suggestion]:
    """Cross-source pairs of claims, most similar first (ties: by source and title)."""
    scores = similarities(claims)
    found = []
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.source == b.source or a.title == b.title:
                continue
            score = round(scores[i][j], 4)
            if score < min_score:
                continue
            first, second = sorted((a, b), key=lambda c: (c.source, c.title))
            found.append(Suggestion(score, first, second))
    found.sort(key=lambda s: (-s.score, s.a.source, s.a.title, s.b.source, s.b.title))
    return found[:top] if top is not None else found


def as_records(suggestions: Iterable[Suggestion]) -> list[dict]:
    """Suggestions as plain data (for --format json)."""
    return [
        {
            "score": s.score,
            "a": {"title": c.title, "source": c.source, "path": c.path, "line": c.line, "text": c.text, "quotes": list(c.quotes)},
            "b": {"title": d.title, "source": d.source, "path": d.path, "line": d.line, "text": d.text, "quotes": list(d.quotes)},
        }
        for s in suggestions
        for c, d in [(s.a, s.b)]
    ]


def as_text(suggestions: Sequence[Suggestion], width: int = 100) -> str:
    """Suggestions as people read them: score, both titles, both quotes."""
    if not suggestions:
        return "no pairs of statements from different sources to compare\n"
    blocks = []
    for rank, s in enumerate(suggestions, 1):
        lines = [f"{rank:>3}. {s.score:.2f}  [{s.a.title}] ({s.a.source})", f"           [{s.b.title}] ({s.b.source})"]
        for label, claim in (("a", s.a), ("b", s.b)):
            shown = claim.quotes[0] if claim.quotes else claim.text
            kind = "quote" if claim.quotes else "text"
            lines.append(f"     {label} {kind}: \"{_shorten(shown, width)}\"  ({claim.path}:{claim.line})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
