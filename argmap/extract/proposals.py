"""Proposals between candidate claims: relations from sentence-initial connectives and arguments from conclusion markers."""

from __future__ import annotations

from dataclasses import dataclass

from .article import Sentence
from .cues import INITIAL_CONCLUSION, INITIAL_CONTRAST, INITIAL_PREMISE
from .scoring import Scored


@dataclass(frozen=True)
class Candidate:
    title: str
    scored: Scored

    @property
    def sentence(self) -> Sentence:
        return self.scored.sentence


@dataclass(frozen=True)
class ProposedRelation:
    source: str  # candidate titles
    target: str
    type: str  # "support" or "attack"
    marker: str


@dataclass(frozen=True)
class ProposedArgument:
    title: str
    premises: tuple[str, ...]
    conclusion: str
    marker: str



NEIGHBOUR_SENTENCES = 2  # a connective relates a sentence to a candidate at most this many sentences back
PREMISES_MAX = 3  # a conclusion marker takes at most this many candidates before it as premises


def propose(candidates: list[Candidate]) -> tuple[list[ProposedRelation], list[ProposedArgument]]:
    relations: list[ProposedRelation] = []
    arguments: list[ProposedArgument] = []
    premise_titles: set[str] = set()
    conclusion_titles: set[str] = set()
    attacks_previous: set[str] = set()
    for i, candidate in enumerate(candidates):
        if i == 0:
            continue
        previous = candidates[i - 1]
        sentence, before = candidate.sentence, previous.sentence
        near = sentence.index - before.index <= NEIGHBOUR_SENTENCES and sentence.paragraph - before.paragraph <= 1
        if not near:
            continue
        text = sentence.text
        if marker := INITIAL_CONCLUSION.find(text):
            premises: list[Candidate] = []
            for earlier in reversed(candidates[:i]):
                if len(premises) == PREMISES_MAX or earlier.sentence.paragraph < sentence.paragraph - 1:
                    break
                if earlier.title in premise_titles:
                    break  # already a premise of another argument
                premises.append(earlier)
                if earlier.title in conclusion_titles:
                    break  # an earlier conclusion becomes a premise: the arguments chain
                if earlier.title in attacks_previous:
                    break  # what a contrast marker turned against is not a premise of the same argument
            if not premises:
                continue
            premises.reverse()
            # arguments have their own namespace: the argument is named after its conclusion
            arguments.append(ProposedArgument(candidate.title, tuple(p.title for p in premises), candidate.title, marker[0]))
            premise_titles.update(p.title for p in premises)
            conclusion_titles.add(candidate.title)
        elif marker := INITIAL_PREMISE.find(text):
            relations.append(ProposedRelation(candidate.title, previous.title, "support", marker[0]))
        elif marker := INITIAL_CONTRAST.find(text):
            relations.append(ProposedRelation(candidate.title, previous.title, "attack", marker[0]))
            attacks_previous.add(candidate.title)
    return relations, arguments
