"""Why each element has its grounded label, in a form a reader can check.

* IN: every attacker is OUT (named), or it has none;
* OUT: the IN attacker that defeats it, and how that one attacks it;
* UNDEC: the cycle of attacks it is caught in, or, when it is on no cycle
  itself, the UNDEC attackers that keep it open and the cycle their doubt
  comes from.

Every UNDEC element has an UNDEC attacker (no attacker IN, not all OUT), so
following UNDEC attackers always ends on a cycle of UNDEC elements. The
cycles are found with the strongly connected components of the UNDEC
elements (Tarjan, without recursion) and a shortest cycle through each
element of a component, by breadth-first search; in a component larger than
:data:`RING_LIMIT` the search would cost too much, and the explanation names
the size of the ring instead.
"""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass

from .framework import Attack, AttackKind, Framework
from .grounded import Grounded, Label, targets_of

RING_LIMIT = 200  # elements of a strongly connected group past which no cycle is spelled out


class Reason(enum.Enum):
    UNATTACKED = "unattacked"  # IN
    ATTACKERS_OUT = "attackers-out"  # IN
    DEFEATED = "defeated"  # OUT
    CYCLE = "cycle"  # UNDEC: on a cycle of attacks among UNDEC elements
    RING = "ring"  # UNDEC: in a large group of UNDEC elements attacking one another in cycles
    OPEN_ATTACKER = "open-attacker"  # UNDEC: on no cycle; an UNDEC attacker keeps it open


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why one element has its label (indexes into the framework).

    ``attackers``: for IN every attacker (all OUT); for OUT the IN one that
    defeats it; for UNDEC its UNDEC attackers. ``cycle``: for CYCLE the cycle
    through the element, starting at it (each attacks the next, the last the
    first); for OPEN_ATTACKER the cycle its first UNDEC attacker's doubt
    comes from. ``ring``: the size of the group for RING (and for an
    OPEN_ATTACKER whose doubt comes from one).
    """

    label: Label
    reason: Reason
    attackers: tuple[int, ...] = ()
    cycle: tuple[int, ...] = ()
    ring: int = 0


def explain(framework: Framework, settled: Grounded) -> tuple[Explanation, ...]:
    """An explanation for every element of the framework."""
    explanations: list[Explanation | None] = [None] * len(framework.keys)
    for element, label in enumerate(settled.labels):
        attackers = framework.attackers(element)
        if label is Label.IN:
            explanations[element] = Explanation(label, Reason.ATTACKERS_OUT if attackers else Reason.UNATTACKED, attackers)
        elif label is Label.OUT:
            explanations[element] = Explanation(label, Reason.DEFEATED, (settled.defeaters[element],))
    for element, explanation in _undecided(framework, settled).items():
        explanations[element] = explanation
    return tuple(explanations)


# ---------------------------------------------------------------- the UNDEC elements


def _undecided(framework: Framework, settled: Grounded) -> dict[int, Explanation]:
    undecided = {i for i, label in enumerate(settled.labels) if label is Label.UNDEC}
    open_attackers = {i: tuple(a for a in framework.attackers(i) if a in undecided) for i in undecided}
    targets = targets_of([open_attackers.get(i, ()) for i in range(len(settled.labels))])
    origin: dict[int, tuple[tuple[int, ...], int]] = {}  # element → (cycle, ring size) its doubt comes from
    explanations: dict[int, Explanation] = {}
    for component in _components(sorted(undecided), open_attackers):  # attackers' components come first
        members = set(component)
        if len(component) == 1 and component[0] not in open_attackers[component[0]]:
            element = component[0]
            origin[element] = origin[open_attackers[element][0]]
            cycle, ring = origin[element]
            explanations[element] = Explanation(Label.UNDEC, Reason.OPEN_ATTACKER, open_attackers[element], cycle, ring)
            continue
        for element in component:
            if len(component) > RING_LIMIT:
                origin[element] = ((), len(component))
                explanations[element] = Explanation(Label.UNDEC, Reason.RING, open_attackers[element], ring=len(component))
            else:
                cycle = _shortest_cycle(element, targets, members)
                origin[element] = (cycle, 0)
                explanations[element] = Explanation(Label.UNDEC, Reason.CYCLE, open_attackers[element], cycle)
    return explanations


def _components(elements: list[int], attackers: dict[int, tuple[int, ...]]) -> list[list[int]]:
    """Strongly connected components along 'is attacked by', each after those of its attackers (Tarjan)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    components: list[list[int]] = []
    for root in elements:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            element, next_edge = work.pop()
            if next_edge == 0:
                index[element] = low[element] = len(index)
                stack.append(element)
                on_stack.add(element)
            edges = attackers[element]
            if next_edge < len(edges):
                work.append((element, next_edge + 1))
                attacker = edges[next_edge]
                if attacker not in index:
                    work.append((attacker, 0))
                elif attacker in on_stack:
                    low[element] = min(low[element], index[attacker])
                continue
            if work:  # back in the caller: pass the low link up
                caller = work[-1][0]
                low[caller] = min(low[caller], low[element])
            if low[element] == index[element]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == element:
                        break
                components.append(sorted(component))
    return components


def _shortest_cycle(start: int, targets: list[list[int]], members: set[int]) -> tuple[int, ...]:
    """A shortest cycle of attacks from ``start`` back to it, inside its component."""
    previous = {start: start}
    queue = deque([start])
    while queue:
        element = queue.popleft()
        for target in targets[element]:
            if target == start:
                path = [element]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return tuple(reversed(path))
            if target in members and target not in previous:
                previous[target] = element
                queue.append(target)
    raise AssertionError("an element of a strongly connected component lies on a cycle")


# ---------------------------------------------------------------- in words


def describe(framework: Framework, element: int, explanation: Explanation) -> str:
    """The explanation as a sentence (names as in the framework; '→' reads 'attacks')."""
    name = framework.names
    if explanation.reason is Reason.UNATTACKED:
        return "unattacked"
    if explanation.reason is Reason.ATTACKERS_OUT:
        return "every attacker is OUT: " + ", ".join(name[a] for a in explanation.attackers)
    if explanation.reason is Reason.DEFEATED:
        defeater = explanation.attackers[0]
        return f"defeated by IN {name[defeater]}, {_how(framework, framework.attack(defeater, element))}"
    if explanation.reason is Reason.CYCLE:
        if explanation.cycle == (element,):
            return "it attacks itself, and no attacker is IN"
        return "caught in the cycle " + _cycle(framework, explanation.cycle) + ", and no attacker is IN"
    if explanation.reason is Reason.RING:
        return f"caught in a ring of {explanation.ring} elements that attack one another in cycles; no attacker is IN"
    attackers = ", ".join(name[a] for a in explanation.attackers)
    plural = "s" if len(explanation.attackers) > 1 else ""
    if explanation.ring:
        source = f"a ring of {explanation.ring} elements that attack one another in cycles"
    else:
        source = "the cycle " + _cycle(framework, explanation.cycle)
    return f"kept open by its UNDEC attacker{plural} {attackers}, and no attacker is IN; the doubt comes from {source}"


def _cycle(framework: Framework, cycle: tuple[int, ...]) -> str:
    return " → ".join(framework.names[i] for i in cycle + cycle[:1])


def _how(framework: Framework, attack: Attack) -> str:
    """How the attacker attacks its target, as the end of a sentence about the target."""
    via = framework.names[framework.index(f"[{attack.via}]")] if attack.via else ""
    return {
        AttackKind.ATTACK: "which attacks it",
        AttackKind.UNDERCUT: "which undercuts it",
        AttackKind.CONTRADICTION: "which contradicts it",
        AttackKind.CONTRARY: "which is contrary to it",
        AttackKind.PREMISE: f"which attacks its premise {via}",
        AttackKind.CONCLUSION: f"whose conclusion {via} attacks it",
    }[attack.kind]
