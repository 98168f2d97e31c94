"""How close do `argmap extract` and `argmap suggest-merges` come to the hand-written example map?

    python bench/extract_eval.py [--examples DIR] [--format text|json] [--min-score S] [--max-claims N]

Extraction (issue 5): each article in DIR/articles is drafted with the default
lexicon and options and compared with the hand-written file that quotes it.
A quote's *span* is where it occurs in the article after the checker's
normalisation (white space, quote marks, dashes); two quotes overlap when their
spans share at least OVERLAP_MIN characters (or the whole of the shorter one).

- recall: the share of hand-written statements (those that quote the article
  in that file) with a quote that overlaps a drafted quote;
- precision: the share of drafted statements whose quote overlaps a quote of
  a hand-written statement;
- position agreement: over matched pairs (each hand-written statement with
  the drafted statement it overlaps most) where the author gave the statement
  a position, the share where the draft's position tag is the same. A
  hand-written statement without a tag of its own takes the tag of the
  argument whose premise–conclusion structure it belongs to in that file; a
  draft that leaves the position to the human (no tag) disagrees.
- strict agreement: the same over all matched pairs, "no position" being a
  value like any other, so a drafted tag on a statement the author left
  untagged (a factual or middle-ground claim) also counts as a disagreement.

Merges: every statement that two or more files give a text or a quote
(a claim shared across sources) is split into one copy per source, each
titled from its own words as extract would title it (so the titles give
nothing away), in memory. The new title replaces the shared one everywhere in
that file's text, which is then parsed again: in the statement, in the
relations, in the premise–conclusion structures and in bare references. So the
documents' graph gives nothing away either: no relation, argument or reference
still joins two copies through the old title. A file that only refers to a
shared claim (names it without a text or a quote of its own) gets a title of
its own for it too, one that no other file uses, so the reference links
nothing across files. `suggest` then ranks all cross-source pairs of the
split documents' claims; the score is the share of true pairs (copies of one
shared claim) among the top 2 × (number of true pairs) suggestions.

One tell remains that no split can hide: in the examples a copy without a
text of its own (only a quote) is always a copy of a shared claim, because
the author wrote the text once, in one file. A method must not use "has no
text" as a signal; argmap.extract.suggest does not.

The examples are never modified.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from argmap.build.document import parse_document
from argmap.core.text import normalize_quote
from argmap.extract.article import normalize_article
from argmap.extract.draft import Options
from argmap.extract.extractor import extract
from argmap.extract.lexicon import load_lexicon
from argmap.extract.scoring import DEFAULT_MIN_SCORE
from argmap.extract.titles import make_title
from argmap.merge.combine import read_document
from argmap.core.model import Document
from argmap.extract.suggest import Claim, claims_of_documents, suggest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "ukraine-talks"
OVERLAP_MIN = 10

TARGETS = {"recall": 0.70, "precision": 0.40, "position_agreement": 0.60, "merges": 0.70}


@dataclass
class ArticleResult:
    article: str
    hand_written: int
    drafted: int
    recalled: int
    precise: int
    matched_pairs: int
    agreeing: int
    positioned_pairs: int  # matched pairs where the author gave the statement a position
    positioned_agreeing: int

    @property
    def recall(self) -> float:
        return self.recalled / self.hand_written if self.hand_written else 0.0

    @property
    def precision(self) -> float:
        return self.precise / self.drafted if self.drafted else 0.0

    @property
    def position_agreement(self) -> float:
        """Over matched pairs where the author gave a position."""
        return self.positioned_agreeing / self.positioned_pairs if self.positioned_pairs else 0.0

    @property
    def strict_agreement(self) -> float:
        """Over all matched pairs, "no position" being a value like any other."""
        return self.agreeing / self.matched_pairs if self.matched_pairs else 0.0


@dataclass
class MergeResult:
    true_pairs: int
    found: int
    considered: int
    candidates: int

    @property
    def score(self) -> float:
        return self.found / self.true_pairs if self.true_pairs else 0.0


def spans(quote: str, article: str) -> list[tuple[int, int]]:
    """Every place a quote occurs in the normalised article."""
    wanted = normalize_quote(quote)
    found, start = [], 0
    while wanted and (at := article.find(wanted, start)) >= 0:
        found.append((at, at + len(wanted)))
        start = at + 1
    return found


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    best = 0
    for s1, e1 in a:
        for s2, e2 in b:
            shared = min(e1, e2) - max(s1, s2)
            if shared >= min(OVERLAP_MIN, e1 - s1, e2 - s2) and shared > 0:
                best = max(best, shared)
    return best


def _positions(document: Document) -> set[str]:
    return {p.tag for p in document.positions}


def statement_quotes(document: Document, article: str) -> dict[str, tuple[list[tuple[int, int]], str | None]]:
    """Title → (quote spans, position) of each statement that quotes the article in this document."""
    declared = _positions(document)
    own: dict[str, str | None] = {}
    found: dict[str, list[tuple[int, int]]] = {}
    for statement in document.statements:
        tags = [t for t in statement.tags if t in declared]
        if tags:
            own[statement.title] = tags[0]
        for quote in statement.quotes:
            found.setdefault(statement.title, []).extend(spans(quote.text, article))
    inherited: dict[str, str] = {}
    for argument in document.arguments:
        tags = [t for t in argument.tags if t in declared]
        if tags and argument.pcs:
            for item in argument.pcs:
                inherited.setdefault(item.statement, tags[0])
    return {t: (s, own.get(t) or inherited.get(t)) for t, s in found.items() if s}


def evaluate_article(path: Path, min_score: float = DEFAULT_MIN_SCORE, max_claims: int | None = None) -> ArticleResult:
    gold_document = read_document(path)
    article_path = Path(gold_document.source.article)
    text = normalize_article(article_path.read_text(encoding="utf-8-sig"))
    article = normalize_quote(text)
    options = Options(source_id=gold_document.source.id, article=str(article_path), min_score=min_score, max_claims=max_claims)
    draft = extract(text, options, load_lexicon(), path=str(path.with_suffix(".draft.argmap")))
    draft_document = parse_document(draft.text, "draft.argmap")
    gold = statement_quotes(gold_document, article)
    drafted = statement_quotes(draft_document, article)
    recalled = agreeing = positioned = positioned_agreeing = 0
    for _title, (gold_spans, gold_position) in gold.items():
        best = max(((overlap(gold_spans, d_spans), d_position) for d_spans, d_position in drafted.values()), key=lambda x: x[0], default=(0, None))
        if best[0] > 0:
            recalled += 1
            agreeing += best[1] == gold_position
            if gold_position is not None:
                positioned += 1
                positioned_agreeing += best[1] == gold_position
    precise = sum(any(overlap(d_spans, g_spans) > 0 for g_spans, _ in gold.values()) for d_spans, _ in drafted.values())
    return ArticleResult(path.stem, len(gold), len(drafted), recalled, precise, recalled, agreeing, positioned, positioned_agreeing)


def evaluate_extract(examples: Path = EXAMPLES, **options) -> list[ArticleResult]:
    return [evaluate_article(p, **options) for p in sorted(examples.glob("*.argmap"))]


@dataclass
class SplitExamples:
    """The example files with every shared claim split into one differently titled copy per source."""

    documents: list[Document]
    claims: list[Claim]
    truth: set[tuple[int, int]]  # index pairs into claims: the copies of one shared claim


def split_shared_claims(paths: list[Path]) -> SplitExamples:
    """Read the files, retitle each shared claim per file throughout its text, and parse the texts again."""
    paths = sorted(paths)
    texts = [p.read_text(encoding="utf-8-sig") for p in paths]
    documents = [parse_document(t, str(p)) for t, p in zip(texts, paths)]
    claims = claims_of_documents(documents)
    copies: dict[str, list[Claim]] = {}
    for claim in claims:
        copies.setdefault(claim.title, []).append(claim)
    shared = {title: found for title, found in copies.items() if len(found) > 1}
    taken = {c.title.casefold() for c in claims}
    taken |= {e.title.casefold() for d in documents for e in (*d.statements, *d.arguments)}
    split_texts, copy_titles = [], {}  # copy_titles: (source, new title) → shared title
    for text, document in zip(texts, documents):
        for title, found in sorted(shared.items()):
            if f"[{title}]" not in text:
                continue
            own = [c for c in found if c.source == document.source.id]
            words = own[0] if own else found[0]  # a bare reference is titled from the first copy's words, uniquely
            new = make_title(words.quotes[0] if words.quotes else words.text, taken)
            text = text.replace(f"[{title}]", f"[{new}]")
            if own:
                copy_titles[(document.source.id, new)] = title
        split_texts.append(text)
    documents = [parse_document(t, str(p)) for t, p in zip(split_texts, paths)]
    claims = claims_of_documents(documents)
    groups: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        if (claim.source, claim.title) in copy_titles:
            groups.setdefault(copy_titles[(claim.source, claim.title)], []).append(index)
    truth = {pair for indices in groups.values() for pair in itertools.combinations(sorted(indices), 2)}
    return SplitExamples(documents, claims, truth)


def evaluate_merges(examples: Path = EXAMPLES) -> MergeResult:
    split = split_shared_claims(list(examples.glob("*.argmap")))
    index = {id(c): i for i, c in enumerate(split.claims)}
    ranked = suggest(split.claims)
    considered = 2 * len(split.truth)
    top = ranked[:considered]
    found = sum(tuple(sorted((index[id(s.a)], index[id(s.b)]))) in split.truth for s in top)
    return MergeResult(len(split.truth), found, considered, len(ranked))


def table(results: list[ArticleResult], merges: MergeResult) -> str:
    rows = [
        "| article | hand-written | drafted | recall | precision | position agreement | (strict) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows.append(
            f"| {r.article} | {r.hand_written} | {r.drafted} | {r.recall:.2f} | {r.precision:.2f} | {r.position_agreement:.2f} | {r.strict_agreement:.2f} |"
        )
    total = overall(results)
    rows.append(
        f"| **all five** | {total.hand_written} | {total.drafted} | **{total.recall:.2f}** | **{total.precision:.2f}** "
        f"| **{total.position_agreement:.2f}** | **{total.strict_agreement:.2f}** |"
    )
    rows.append(f"| target | | | ≥ {TARGETS['recall']:.2f} | ≥ {TARGETS['precision']:.2f} | ≥ {TARGETS['position_agreement']:.2f} | |")
    rows.append("")
    rows.append(
        f"suggest-merges: {merges.found} of {merges.true_pairs} true pairs in the top {merges.considered} of "
        f"{merges.candidates} ranked pairs = **{merges.score:.2f}** (target ≥ {TARGETS['merges']:.2f})"
    )
    return "\n".join(rows) + "\n"


def overall(results: list[ArticleResult]) -> ArticleResult:
    return ArticleResult(
        "all",
        *(
            sum(getattr(r, f) for r in results)
            for f in ("hand_written", "drafted", "recalled", "precise", "matched_pairs", "agreeing", "positioned_pairs", "positioned_agreeing")
        ),
    )


def rates(r: ArticleResult) -> dict[str, float]:
    return {"recall": r.recall, "precision": r.precision, "position_agreement": r.position_agreement, "strict_agreement": r.strict_agreement}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--max-claims", type=int, default=None)
    args = parser.parse_args(argv)
    results = evaluate_extract(args.examples, min_score=args.min_score, max_claims=args.max_claims)
    merges = evaluate_merges(args.examples)
    if args.format == "json":
        total = overall(results)
        data = {
            "articles": [{**asdict(r), **rates(r)} for r in results],
            "overall": {**asdict(total), **rates(total)},
            "merges": {**asdict(merges), "score": merges.score},
            "targets": TARGETS,
        }
        print(json.dumps(data, indent=2))
    else:
        print(table(results, merges), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
