"""Variants of the suggest-merges score, measured like bench/extract_eval.py measures the shipped one.

    python bench/merge_variants.py [--examples DIR]

Each variant scores every pair of claims of the split example files (see
`split_shared_claims` in extract_eval.py: every shared claim is retitled per
file throughout that file's text, so neither titles nor relations give the
answer away) and is judged like the shipped score: true pairs in the top
2 × (number of true pairs), and also in the top 1, 4, 10 and 20 × that number,
and the median rank of a true pair, to see whether a variant that ties ranks
true pairs better further down. With the example of issue 21 (9 true pairs)
the cuts are 9, **18**, 36, 90 and 180; the fixed cuts used for the earlier
example (29 true pairs) were 20, **58**, 116, 290 and 580. The figures are
quoted in docs/extract.md.

Every signal here is general: nothing is fitted to these sentences. The
weights tried are round numbers, several per variant, all printed.
Sentence embeddings are not run here (they need PyTorch); docs/extract.md
gives their figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from argmap.core.text import normalize_quote
from argmap.extract.article import normalize_article, sentences
from argmap.core.model import Document
from argmap.extract.suggest import Claim, content_words, similarities

HERE = Path(__file__).resolve().parent
CUTS = (1, 2, 4, 10, 20)  # multiples of the number of true pairs; the second is the one extract_eval.py scores


def _bench():
    spec = importlib.util.spec_from_file_location("extract_eval", HERE / "extract_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_eval", module)
    spec.loader.exec_module(module)
    return module


def bag(text: str) -> str:
    return " ".join(content_words(text))


def tfidf(bags: list[str], fit: list[str] | None = None, ngrams=(1, 2), **options) -> np.ndarray:
    vectorizer = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, ngram_range=ngrams, sublinear_tf=True, **options)
    vectorizer.fit(fit if fit is not None else bags)
    vectors = vectorizer.transform(bags)
    return (vectors @ vectors.T).toarray()


def fuzzy(bags: list[str]) -> np.ndarray:
    joined = [" ".join(sorted(set(b.split()))) for b in bags]
    return cdist(joined, joined, scorer=fuzz.token_set_ratio, dtype=np.float64, workers=1) / 100


class Bench:
    """The split examples and the helpers every variant needs."""

    def __init__(self, examples: Path):
        split = _bench().split_shared_claims(list(examples.glob("*.argmap")))
        self.documents: list[Document] = split.documents
        self.claims: list[Claim] = split.claims
        self.n = len(self.claims)
        sources = np.array([c.source for c in self.claims])
        self.sources = sources
        self.pairs = np.argwhere((sources[:, None] != sources[None, :]) & np.triu(np.ones((self.n, self.n), bool), 1))
        self.truth = np.zeros((self.n, self.n), bool)
        for a, b in split.truth:
            self.truth[a, b] = True
        self.true_pairs = len(split.truth)
        self.cuts = [k * self.true_pairs for k in CUTS]

    def profile(self, scores: np.ndarray) -> list[int]:
        """True pairs in the top ``cuts`` (ties by index, as stable as suggest's), and the median rank."""
        values = scores[self.pairs[:, 0], self.pairs[:, 1]]
        order = np.lexsort((self.pairs[:, 1], self.pairs[:, 0], -values))
        ranked = self.pairs[order]
        ranks = np.flatnonzero(self.truth[ranked[:, 0], ranked[:, 1]])
        return [int((ranks < cut).sum()) for cut in self.cuts] + [int(np.median(ranks))]

    # ------------------------------------------------------------ context the documents carry

    def article_sentences(self) -> dict[str, list[str]]:
        found = {}
        for document in self.documents:
            text = normalize_article(Path(document.source.article).read_text(encoding="utf-8-sig"))
            found[document.source.id] = [normalize_quote(s.text) for s in sentences(text)[1]]
        return found

    def context(self, width: int) -> list[str]:
        """The article sentences around each claim's quotes (±width sentences)."""
        articles = self.article_sentences()
        found = []
        for claim in self.claims:
            lines = articles[claim.source]
            chosen: set[int] = set()
            for quote in claim.quotes:
                wanted = normalize_quote(quote)
                for k, line in enumerate(lines):
                    if wanted in line or line in wanted:
                        chosen.update(range(max(0, k - width), min(len(lines), k + width + 1)))
            found.append(" ".join(lines[k] for k in sorted(chosen)))
        return found

    def positions(self) -> list[str | None]:
        """Each claim's position tag: its own, else that of an argument whose premise or conclusion it is."""
        found = []
        for claim in self.claims:
            document = next(d for d in self.documents if d.source.id == claim.source)
            declared = {p.tag for p in document.positions}
            own = [t for s in document.statements if s.title == claim.title for t in s.tags if t in declared]
            inherited = [t for a in document.arguments if any(i.statement == claim.title for i in a.pcs) for t in a.tags if t in declared]
            found.append((own + inherited + [None])[0])
        return found

    def neighbours(self) -> tuple[dict, dict]:
        """Labelled edges of every element (relations, and premise → main conclusion), and every element's words."""
        edges: dict[tuple, set] = defaultdict(set)
        words: dict[tuple, str] = defaultdict(str)
        for document in self.documents:
            source = document.source.id
            for element in (*document.statements, *document.arguments):
                kind = "ARGUMENT" if hasattr(element, "pcs") else "STATEMENT"
                words[(source, kind, element.title)] += " " + " ".join((element.title, element.text, *(q.text for q in element.quotes)))
            for relation in document.relations:
                a = (source, relation.source.kind.name, relation.source.title)
                b = (source, relation.target.kind.name, relation.target.title)
                edges[a].add(("out-" + relation.type.name, b))
                edges[b].add(("in-" + relation.type.name, a))
            for argument in document.arguments:
                node = (source, "ARGUMENT", argument.title)
                conclusions = [i.statement for i in argument.pcs if i.role.name == "MAIN_CONCLUSION"]
                for item in argument.pcs:
                    statement = (source, "STATEMENT", item.statement)
                    edges[statement].add(("in-" + item.role.name, node))
                    if item.role.name != "MAIN_CONCLUSION":
                        for conclusion in conclusions:
                            edges[statement].add(("out-SUPPORT", (source, "STATEMENT", conclusion)))
                            edges[(source, "STATEMENT", conclusion)].add(("in-SUPPORT", statement))
        return edges, words


# ---------------------------------------------------------------- variants


def per_source_rerank(bench: Bench, scores: np.ndarray, kind: str, weight: float = 0.0, k: int = 5) -> np.ndarray:
    """CSLS (hubness), mutual best match, or a Hungarian assignment between every two sources."""
    n, sources = bench.n, bench.sources
    if kind == "csls":
        near = np.zeros((n, n))
        for source in sorted(set(sources)):
            columns = np.flatnonzero(sources == source)
            near[:, columns] = (-np.sort(-scores[:, columns], axis=1)[:, : min(k, len(columns))]).mean(1)[:, None]
        return 2 * scores - near - near.T
    bonus = np.zeros((n, n))
    names = sorted(set(sources))
    for x, a in enumerate(names):
        for b in names[x + 1 :]:
            rows, columns = np.flatnonzero(sources == a), np.flatnonzero(sources == b)
            block = scores[np.ix_(rows, columns)]
            if kind == "mutual":
                picks = [(r, c) for r, c in enumerate(block.argmax(1)) if block[:, c].argmax() == r]
            else:
                picks = list(zip(*linear_sum_assignment(-block)))
            for r, c in picks:
                bonus[rows[r], columns[c]] = bonus[columns[c], rows[r]] = 1.0
    return scores + weight * bonus


def variants(bench: Bench):
    claims = bench.claims
    base = np.array(similarities(claims))
    yield "shipped: 0.7 TF-IDF (words + pairs) + 0.3 token_set_ratio, title + text + quotes", base
    own = [bag(" ".join((c.text, *c.quotes))) for c in claims]
    yield "TF-IDF of text + quotes, no title", tfidf(own)
    yield "TF-IDF of single words only, no title", tfidf(own, ngrams=(1, 1))
    raw = [" ".join((c.text, *c.quotes)).lower() for c in claims]
    for ngrams in ((2, 4), (3, 5)):
        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=ngrams, sublinear_tf=True).fit_transform(raw)
        yield f"character {ngrams[0]}–{ngrams[1]}-grams TF-IDF", (vectors @ vectors.T).toarray()
    # each text and quote on its own: the best (or mean) pair of texts
    texts, owner = [], []
    for index, claim in enumerate(claims):
        for text in ([claim.text] if claim.text else []) + list(claim.quotes):
            texts.append(bag(text))
            owner.append(index)
    owner = np.array(owner)
    each = tfidf(texts)
    best, mean = np.zeros((bench.n, bench.n)), np.zeros((bench.n, bench.n))
    for i in range(bench.n):
        for j in range(bench.n):
            block = each[np.ix_(owner == i, owner == j)]
            best[i, j], mean[i, j] = block.max(), block.mean()
    yield "texts compared one by one: best pair", best
    yield "texts compared one by one: mean pair", mean
    # a larger corpus for the IDF, and for LSA
    articles = [bag(s) for lines in bench.article_sentences().values() for s in lines]
    full = [bag(" ".join((c.title, c.text, *c.quotes))) for c in claims]
    yield "IDF from claims + all article sentences (mix as shipped)", 0.7 * tfidf(full, fit=full + articles) + 0.3 * fuzzy(full)
    single = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, sublinear_tf=True).fit(full + articles)
    for dims in (50, 100, 200):
        latent = normalize(TruncatedSVD(dims, random_state=0).fit(single.transform(full + articles)).transform(single.transform(full)))
        yield f"shipped + 0.3 × LSA cosine ({dims} dims, fitted on claims + articles)", base + 0.3 * (latent @ latent.T)
    for width in (0, 1):
        context = tfidf([bag(x) for x in bench.context(width)])
        yield f"shipped + 0.5 × TF-IDF of the article sentences around the quotes (±{width})", base + 0.5 * context
    # position tags
    positions = bench.positions()
    differ = np.array([[bool(p and q and p != q) for q in positions] for p in positions])
    for factor in (0.8, 0.5, 0.0):
        yield f"shipped × {factor} when both claims have a position and they differ", np.where(differ, factor * base, base)
    # neighbours in the documents' graph
    edges, words = bench.neighbours()
    nodes = sorted(set(words) | set(edges))
    at = {node: k for k, node in enumerate(nodes)}
    node_scores = tfidf([bag(words.get(node, "") or node[2]) for node in nodes])
    for a in nodes:  # a title several files use is one element already
        for b in nodes:
            if a[1:] == b[1:]:
                node_scores[at[a], at[b]] = 1.0
    own_nodes = [(c.source, "STATEMENT", c.title) for c in claims]
    graph = np.zeros((bench.n, bench.n))
    for i in range(bench.n):
        for j in range(bench.n):
            found = [node_scores[at[x], at[y]] for la, x in edges.get(own_nodes[i], ()) for lb, y in edges.get(own_nodes[j], ()) if la == lb]
            graph[i, j] = max(found, default=0.0)
    for weight in (0.1, 0.3, 0.5):
        yield f"shipped + {weight} × best like-labelled neighbour pair (relations, premise → conclusion)", base + weight * graph
    # transitivity through a third source
    masked = np.where(bench.sources[:, None] != bench.sources[None, :], base, 0.0)
    third = np.array([np.minimum(masked[i][None, :], masked).max(1) for i in range(bench.n)])
    for weight in (0.1, 0.3):
        yield f"shipped + {weight} × best path through a third claim (min of its two scores)", base + weight * third
    # one claim per claim between two sources
    yield "CSLS (hubness) on the shipped score, k = 5", per_source_rerank(bench, base, "csls")
    for weight in (0.05, 0.2):
        yield f"shipped + {weight} if mutual best match between the two sources", per_source_rerank(bench, base, "mutual", weight)
        yield f"shipped + {weight} if in the Hungarian assignment between the two sources", per_source_rerank(bench, base, "hungarian", weight)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=Path, default=_bench().EXAMPLES)
    args = parser.parse_args(argv)
    bench = Bench(args.examples)
    print(f"{bench.true_pairs} true pairs among {len(bench.pairs)} cross-source pairs\n")
    c = bench.cuts
    print(f"| variant | top {c[0]} | **top {c[1]}** | top {c[2]} | top {c[3]} | top {c[4]} | median rank |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, scores in variants(bench):
        p = bench.profile(np.asarray(scores, dtype=float))
        print(f"| {name} | {p[0]} | **{p[1]}** | {p[2]} | {p[3]} | {p[4]} | {p[5]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
