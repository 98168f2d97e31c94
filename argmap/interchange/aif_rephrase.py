"""MA (rephrase) nodes: which I-nodes are wordings of one claim, and which
wording names it.

A rephrase points from a wording to the wording it rephrases, so each group
of I-nodes joined by rephrases is named after the I-node that rephrases
nothing (the first in the file, if there are several). A cycle of
rephrases has no such I-node: it is an error.
"""

from __future__ import annotations

from ..core.errors import ArgmapError
from .aif_json import JsonFile, json_path
from .aif_read import Node

Pairs = dict[str, list[tuple[str, Node]]]  # I-node -> (the I-node it rephrases, the MA node)


def named_claims(pairs: Pairs, order: list[str], file: JsonFile) -> dict[str, str]:
    """For each I-node in a rephrase, the I-node that names its claim."""
    _refuse_cycles(pairs, file)
    named: dict[str, str] = {}
    for members in _groups(pairs, order):
        roots = [m for m in members if m not in pairs] or members
        for member in members:
            named[member] = roots[0]
    return named


def _refuse_cycles(pairs: Pairs, file: JsonFile) -> None:
    state: dict[str, int] = {}  # 1 while on the path being walked, 2 when done
    for start in pairs:
        if start in state:
            continue
        state[start] = 1
        path, stack = [start], [iter(pairs[start])]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            target, rephrase = step
            if state.get(target) == 1:
                cycle = " → ".join(repr(n) for n in [*path[path.index(target) :], target])
                raise ArgmapError(
                    "aif-rephrase-cycle", file.span(rephrase.path), "a rephrase points from a wording to the one it rewords; a cycle has no claim to point to",
                    where=json_path(rephrase.path), cycle=cycle,
                )
            if target not in state:
                state[target] = 1
                path.append(target)
                stack.append(iter(pairs.get(target, ())))


def _groups(pairs: Pairs, order: list[str]) -> list[list[str]]:
    """The groups of I-nodes joined by rephrases, members in file order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for source, targets in pairs.items():
        for target, _ in targets:
            parent[find(source)] = find(target)
    position = {n: i for i, n in enumerate(order)}
    groups: dict[str, list[str]] = {}
    for member in sorted(parent, key=position.__getitem__):
        groups.setdefault(find(member), []).append(member)
    return list(groups.values())
