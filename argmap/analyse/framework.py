"""The merged map as an abstract argumentation framework (Dung 1995).

Every statement and every argument of the map is one element of the
framework, named by its key: ``"[Title]"`` for a statement, ``"<Title>"``
for an argument. Who attacks whom comes from the map (docs/evaluation.md
gives the reasons, with examples):

1. written relations: an attack (``- X``, ``-> Y``) and an undercut
   (``_ X``, ``_> Y``: it attacks the argument it undercuts) go from the
   attacker to its target, a contrary relation the way it is written, a
   contradiction (``><``) both ways;
2. an argument with a premise–conclusion structure attacks whatever one of
   its conclusions attacks by a relation of step 1;
3. an argument with a premise–conclusion structure is attacked by whatever
   attacks (by step 1 or 2) one of the statements it reasons from: its
   premises and its intermediate conclusions, which its later steps use as
   premises.

Support and entailment make no attack. The framework is plain data over
element indexes (keys sorted, so indexes and every output are deterministic);
each attack keeps the first reason found for it, for the explanations.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass

from ..core.model import ArgumentMap, Kind, MergedArgument, Ref, RelationType, Role, Span
from ..core.text import clean

NAME_LIMIT = 60  # characters of an untitled element's text that name it


class AttackKind(enum.Enum):
    """Why one element attacks another."""

    ATTACK = "attack"  # written: - X, -> Y
    UNDERCUT = "undercut"  # written: _ X, _> Y
    CONTRADICTION = "contradiction"  # written: >< (both ways)
    CONTRARY = "contrary"  # written: an attack between statements in strict mode
    PREMISE = "premise"  # the attacker attacks a statement the argument reasons from
    CONCLUSION = "conclusion"  # a conclusion of the argument attacks the target


RELATION_ATTACKS = {
    RelationType.ATTACK: AttackKind.ATTACK,
    RelationType.UNDERCUT: AttackKind.UNDERCUT,
    RelationType.CONTRADICTORY: AttackKind.CONTRADICTION,
    RelationType.CONTRARY: AttackKind.CONTRARY,
}


@dataclass(frozen=True, slots=True)
class Attack:
    """``attacker`` attacks ``target`` (indexes), for the reason ``kind``.

    ``via`` is the statement that carries a structural attack (the premise
    attacked, or the conclusion that attacks); ``span`` is where a written
    relation is.
    """

    attacker: int
    target: int
    kind: AttackKind
    via: str = ""
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Framework:
    """Elements (by sorted key) and the attacks between them."""

    keys: tuple[str, ...]  # "[Title]" or "<Title>", sorted
    refs: tuple[Ref, ...]  # the element each key names
    names: tuple[str, ...]  # how people read it: the key, or the start of an untitled element's text
    attacks_on: tuple[tuple[Attack, ...], ...]  # per element: the attacks on it, one per attacker, by attacker

    def index(self, key: str) -> int:
        """The index of an element by its key (KeyError when there is none)."""
        at = bisect.bisect_left(self.keys, key)
        if at == len(self.keys) or self.keys[at] != key:
            raise KeyError(key)
        return at

    @property
    def attacks(self) -> list[Attack]:
        return [attack for attacks in self.attacks_on for attack in attacks]

    def attackers(self, target: int) -> tuple[int, ...]:
        return tuple(attack.attacker for attack in self.attacks_on[target])

    def attack(self, attacker: int, target: int) -> Attack:
        """The reason recorded for an attack of the framework."""
        for attack in self.attacks_on[target]:
            if attack.attacker == attacker:
                return attack
        raise KeyError((attacker, target))


def key_of(ref: Ref) -> str:
    """The element's key: [Title] or <Title> (an undercut's inference step names its argument)."""
    return f"[{ref.title}]" if ref.kind is Kind.STATEMENT else f"<{ref.title}>"


def framework_of(argument_map: ArgumentMap) -> Framework:
    """The map's framework: its elements and the attacks of steps 1–3 (module docstring)."""
    elements = [Ref(Kind.STATEMENT, t) for t in argument_map.statements] + [Ref(Kind.ARGUMENT, t) for t in argument_map.arguments]
    keys_of = {ref: key_of(ref) for ref in elements}
    elements.sort(key=keys_of.__getitem__)
    keys = tuple(keys_of[ref] for ref in elements)
    index: dict[Kind, dict[str, int]] = {Kind.STATEMENT: {}, Kind.ARGUMENT: {}}  # by kind, then title: cheaper than hashing Refs
    for n, ref in enumerate(elements):
        index[ref.kind][ref.title] = n
    found: dict[tuple[int, int], Attack] = {}
    _written_attacks(argument_map, index, found)
    written = list(found.values())
    structured = [(index[Kind.ARGUMENT][t], a) for t, a in argument_map.arguments.items() if a.pcs]
    _conclusion_attacks(structured, written, index[Kind.STATEMENT], found)
    _premise_attacks(structured, list(found.values()), index[Kind.STATEMENT], found)
    attacks_on: list[list[Attack]] = [[] for _ in keys]
    for pair in sorted(found, key=lambda pair: (pair[1], pair[0])):
        attacks_on[pair[1]].append(found[pair])
    names = tuple(_name(argument_map, ref, key) for ref, key in zip(elements, keys))
    return Framework(keys, tuple(elements), names, tuple(tuple(a) for a in attacks_on))


def _written_attacks(argument_map: ArgumentMap, index: dict[Kind, dict[str, int]], found: dict) -> None:
    """Step 1: attacks, undercuts, contraries and contradictions as written."""
    for relation in argument_map.relations:
        kind = RELATION_ATTACKS.get(relation.type)
        if kind is None:
            continue  # support, entailment
        source = index[relation.source.kind].get(relation.source.title)
        target = index[relation.target.kind].get(relation.target.title)
        if source is None or target is None:
            continue  # an end that is not on the map
        if (source, target) not in found:
            found[source, target] = Attack(source, target, kind, span=relation.span)
        if kind is AttackKind.CONTRADICTION and (target, source) not in found:
            found[target, source] = Attack(target, source, kind, span=relation.span)


def _conclusion_attacks(structured: list[tuple[int, MergedArgument]], written: list[Attack], statements: dict[str, int], found: dict) -> None:
    """Step 2: an argument attacks what one of its conclusions attacks."""
    targets: dict[int, list[int]] = {}
    for attack in written:
        targets.setdefault(attack.attacker, []).append(attack.target)
    for argument, structure in structured:
        for title in dict.fromkeys(structure.conclusions):
            for target in targets.get(statements.get(title), ()):
                if (argument, target) not in found:
                    found[argument, target] = Attack(argument, target, AttackKind.CONCLUSION, via=title)


def _premise_attacks(structured: list[tuple[int, MergedArgument]], attacks: list[Attack], statements: dict[str, int], found: dict) -> None:
    """Step 3: whatever attacks a statement an argument reasons from attacks the argument."""
    attackers: dict[int, list[int]] = {}
    for attack in attacks:
        attackers.setdefault(attack.target, []).append(attack.attacker)
    for argument, structure in structured:
        for title in dict.fromkeys(_reasoned_from(structure)):
            for attacker in attackers.get(statements.get(title), ()):
                if (attacker, argument) not in found:
                    found[attacker, argument] = Attack(attacker, argument, AttackKind.PREMISE, via=title)


def _reasoned_from(argument: MergedArgument) -> list[str]:
    """Its premises, and the intermediate conclusions that later steps use as premises."""
    last = len(argument.pcs) - 1
    return [item.statement for n, item in enumerate(argument.pcs) if item.role is Role.PREMISE or (item.inference is not None and n < last)]


def _name(argument_map: ArgumentMap, ref: Ref, key: str) -> str:
    """The key; for an untitled element ("Untitled 3" means nothing) the start of its text."""
    element = argument_map.element(ref)
    if element is not None and element.generated_title and element.text:
        text = " ".join(clean(element.text).split())
        return "“" + (text if len(text) <= NAME_LIMIT else text[: NAME_LIMIT - 1].rstrip() + "…") + "”"
    return key
