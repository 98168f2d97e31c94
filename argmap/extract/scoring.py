"""Scoring sentences: the cues that fire in each, its score, and the position its lexicon terms (or its neighbours') point to."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .article import BOILERPLATE, Sentence
from .cues import CUES, INTRO_PENALTY, SHORT_PENALTY, SHORT_WORDS, TOPIC_WEIGHT
from .lexicon import Lexicon

DEFAULT_MIN_SCORE = 1.0  # a sentence scoring at least this is a candidate claim


@dataclass(frozen=True)
class Cue:
    family: str
    markers: tuple[str, ...]
    weight: float

    def __str__(self) -> str:
        markers = ", ".join(f'"{m.lower()}"' for m in self.markers[:3])
        return f"{self.family} {markers} ({self.weight:+g})" if markers else f"{self.family} ({self.weight:+g})"


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    cues: tuple[Cue, ...]
    position: str | None
    position_terms: tuple[str, ...]
    position_tie: tuple[str, ...]  # the tied positions when no single one wins
    boilerplate: bool
    hits: tuple[tuple[str, tuple[str, ...]], ...] = ()  # lexicon terms found, per position tag
    position_from_context: bool = False  # the position comes from the neighbouring sentences


def score_sentence(sentence: Sentence, lexicon: Lexicon) -> Scored:
    text = sentence.text
    cues: list[Cue] = []
    for family in CUES:
        markers = family.find(text)
        if markers:
            cues.append(Cue(family.name, tuple(dict.fromkeys(m for m in markers if m)) or (family.name,), family.weight))
    hits = {p.tag: p.matches(text) for p in lexicon.positions}
    if any(hits.values()):
        terms = tuple(dict.fromkeys(t for p in lexicon.positions for t in hits[p.tag]))
        cues.append(Cue("debate term", terms, TOPIC_WEIGHT))
    if len(text.split()) < SHORT_WORDS:
        cues.append(Cue("short sentence", (), SHORT_PENALTY))
    if text.rstrip().endswith(":"):
        cues.append(Cue("introduces what follows", (), INTRO_PENALTY))
    weight = {tag: _weight(v) for tag, v in hits.items()}
    best = max(weight.values(), default=0)
    leaders = tuple(tag for tag, v in weight.items() if best and v == best)
    position = leaders[0] if len(leaders) == 1 else None
    terms = tuple(hits[position]) if position else ()
    boilerplate = bool(BOILERPLATE.search(text))
    score = round(sum(c.weight for c in cues), 2)
    hits_tuple = tuple((tag, tuple(v)) for tag, v in hits.items())
    return Scored(sentence, score, tuple(cues), position, terms, leaders if len(leaders) > 1 else (), boilerplate, hits_tuple)


def _weight(terms: Iterable[str]) -> float:
    """A phrase is more telling than a word: terms of two or more words count twice."""
    return sum(2 if len(re.split(r"[\s-]+", t.strip("*").strip())) > 1 else 1 for t in terms)


CONTEXT_SENTENCES = 3  # a sentence without a position of its own looks this many sentences either way, in its paragraph


def with_context(scored: Sequence[Scored]) -> list[Scored]:
    """Sentences the lexicon leaves undecided take the position of their neighbours in the paragraph.

    A sentence's own terms count twice, its neighbours' once; a clear winner
    becomes the position, marked as coming from the context.
    """
    result = []
    for i, item in enumerate(scored):
        if item.position is not None:
            result.append(item)
            continue
        votes: dict[str, float] = {tag: 2.0 * _weight(terms) for tag, terms in item.hits}
        evidence: dict[str, list[str]] = {tag: list(terms) for tag, terms in item.hits}
        for j in range(max(0, i - CONTEXT_SENTENCES), min(len(scored), i + CONTEXT_SENTENCES + 1)):
            other = scored[j]
            if j == i or other.sentence.paragraph != item.sentence.paragraph:
                continue
            for tag, terms in other.hits:
                votes[tag] = votes.get(tag, 0.0) + _weight(terms)
                evidence.setdefault(tag, []).extend(terms)
        best = max(votes.values(), default=0.0)
        leaders = [tag for tag, v in votes.items() if best and v == best]
        if len(leaders) == 1 and leaders[0] == item.position:
            result.append(item)
        elif len(leaders) == 1:
            tag = leaders[0]
            terms = tuple(dict.fromkeys(evidence[tag]))
            result.append(dataclasses.replace(item, position=tag, position_terms=terms, position_from_context=True))
        else:
            result.append(item)
    return result
