"""The grounded labelling of a framework, in time linear in its size.

Grounded semantics (Dung 1995) accepts only what cannot be doubted: an
element is IN when every one of its attackers is OUT (so an unattacked one
is IN), OUT when an IN element attacks it, and UNDEC (undecided) when
neither can be settled, as in a cycle of attacks. The labelling is the least
fixed point of those two rules, found here by propagation: each element
counts its attackers that are not yet OUT; at zero it becomes IN and makes
everything it attacks OUT, which lowers the counts of what those attack. So
each attack is looked at a constant number of times.

Elements are indexes ``0 … n-1``; ``attackers[i]`` lists who attacks ``i``
(no repeats). The element that first made each OUT element OUT is kept: the
IN attacker an explanation names.
"""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass
from typing import Sequence


class Label(enum.Enum):
    IN = "in"
    OUT = "out"
    UNDEC = "undec"


@dataclass(frozen=True, slots=True)
class Grounded:
    """A label per element; for an OUT element, the IN attacker that settled it (else None)."""

    labels: tuple[Label, ...]
    defeaters: tuple[int | None, ...]

    @property
    def extension(self) -> frozenset[int]:
        """The grounded extension: the IN elements."""
        return frozenset(i for i, label in enumerate(self.labels) if label is Label.IN)


def targets_of(attackers: Sequence[Sequence[int]]) -> list[list[int]]:
    """Who each element attacks, from who attacks each element."""
    targets: list[list[int]] = [[] for _ in attackers]
    for target, sources in enumerate(attackers):
        for source in sources:
            targets[source].append(target)
    return targets


def grounded(attackers: Sequence[Sequence[int]]) -> Grounded:
    """The grounded labelling (IN / OUT / UNDEC for every element)."""
    size = len(attackers)
    targets = targets_of(attackers)
    open_attackers = [len(sources) for sources in attackers]  # attackers not (yet) OUT
    labels: list[Label | None] = [None] * size
    defeaters: list[int | None] = [None] * size
    ready = deque(i for i in range(size) if open_attackers[i] == 0)  # rounds in order: earliest IN first
    while ready:
        element = ready.popleft()
        labels[element] = Label.IN
        for target in targets[element]:
            if labels[target] is not None:
                continue  # already OUT, by an IN element found earlier
            labels[target] = Label.OUT
            defeaters[target] = element
            for next_target in targets[target]:
                open_attackers[next_target] -= 1
                if open_attackers[next_target] == 0 and labels[next_target] is None:
                    ready.append(next_target)
    return Grounded(tuple(Label.UNDEC if label is None else label for label in labels), tuple(defeaters))
