"""Preferred and stable extensions, by the clingo answer-set solver.

Enumerating them is hard in general (deciding sceptical acceptance under
preferred semantics is Π2-complete), so a solver does it, not a search of
our own: clingo from the Potassco project, an optional extra
(``pip install 'argmap[evaluate]'``). The encodings are the standard ones of
ASPARTIX (Egly, Gaggl and Woltran 2010): a stable extension is a
conflict-free set that attacks everything outside it; a preferred one is a
subset-maximal admissible set, which clingo enumerates with its domain
heuristic (``--enum-mode=domRec``) instead of a second-level check.

Only the undecided part goes to the solver, a piece at a time. Every
preferred and every stable extension contains the grounded extension G and
nothing G attacks, and the rest of it is an extension of the framework left
when G and what G attacks are taken away: the UNDEC elements and the
attacks among them (Baroni et al. 2005, Baumann et al. 2020). That rest
falls apart into groups with no attack between them, whose extensions
combine freely: an extension of the whole is one extension of each group.
So each group is solved alone, and acceptance is known per group.

At most ``limit`` extensions are listed; past that the result says so.
Credulous acceptance (in some extension) and sceptical acceptance (in every
one) stay exact as long as each group has at most ``limit`` extensions;
for a group with more, credulous acceptance is asked of the solver as brave
consequences and sceptical acceptance as cautious ones (stable semantics),
or is unknown (preferred semantics: it is a harder question, Π2-complete).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Sequence

from ..core.errors import ToolError
from .grounded import Grounded, Label, grounded

SEMANTICS = ("preferred", "stable")

_CONFLICT_FREE = """
{ in(X) : a(X) }.
:- in(X), in(Y), r(X, Y).
defeated(X) :- in(Y), r(Y, X).
#show in/1.
"""
_ENCODINGS = {
    "admissible": _CONFLICT_FREE + ":- in(X), r(Y, X), not defeated(Y).\n",
    "preferred": _CONFLICT_FREE + ":- in(X), r(Y, X), not defeated(Y).\n#heuristic in(X) : a(X). [1, true]\n",
    "stable": _CONFLICT_FREE + ":- a(X), not in(X), not defeated(X).\n",
}
_OPTIONS = {"preferred": ["--heuristic=Domain", "--enum-mode=domRec"], "stable": []}


@dataclass(frozen=True, slots=True)
class Extensions:
    """The extensions of one semantics, as sets of element indexes, sorted.

    ``complete`` is False when ``limit`` cut the list short. ``sceptical`` is
    None when it is not known (a cut-short preferred list) or means nothing
    (there is no extension at all).
    """

    semantics: str
    extensions: tuple[tuple[int, ...], ...]
    complete: bool
    credulous: frozenset[int]
    sceptical: frozenset[int] | None


def extensions(attackers: Sequence[Sequence[int]], semantics: str, limit: int, settled: Grounded | None = None) -> Extensions:
    """The ``semantics`` extensions of the framework (``attackers[i]``: who attacks ``i``).

    Raises :class:`ToolError` when clingo is not installed.
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"semantics must be one of {', '.join(SEMANTICS)}, not {semantics!r}")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    clingo = _clingo()
    settled = settled or grounded(attackers)
    base = settled.extension
    parts = [_solve_part(clingo, attackers, part, semantics, limit) for part in _parts(attackers, settled)]
    if any(part.complete and not part.models for part in parts):
        return Extensions(semantics, (), True, frozenset(), None)  # a part without extension: the whole has none
    combined = itertools.islice(itertools.product(*(part.models for part in parts)), limit + 1)
    listed = sorted(tuple(sorted(base.union(*choice))) for choice in combined)
    complete = len(listed) <= limit and all(part.complete for part in parts)
    credulous = base.union(*(part.credulous for part in parts))
    sceptical = None if any(part.sceptical is None for part in parts) else base.union(*(part.sceptical for part in parts))
    return Extensions(semantics, tuple(listed[:limit]), complete, credulous, sceptical)


@dataclass(frozen=True, slots=True)
class _Part:
    """The extensions of one part of the UNDEC elements (element indexes of the whole framework)."""

    models: tuple[frozenset[int], ...]  # at most limit
    complete: bool
    credulous: frozenset[int]
    sceptical: frozenset[int] | None


def _parts(attackers: Sequence[Sequence[int]], settled: Grounded) -> list[list[int]]:
    """The UNDEC elements in groups with no attack between groups (weakly connected components).

    The extensions of the whole are every choice of one extension per group,
    so each group goes to the solver alone: acceptance stays exact even when
    the whole has far too many extensions to list.
    """
    undecided = {i for i, label in enumerate(settled.labels) if label is Label.UNDEC}
    neighbours: dict[int, set[int]] = {i: set() for i in undecided}
    for target in undecided:
        for attacker in attackers[target]:
            if attacker in undecided:
                neighbours[target].add(attacker)
                neighbours[attacker].add(target)
    parts, seen = [], set()
    for start in sorted(undecided):
        if start in seen:
            continue
        seen.add(start)
        part, stack = [], [start]
        while stack:
            element = stack.pop()
            part.append(element)
            for other in neighbours[element] - seen:
                seen.add(other)
                stack.append(other)
        parts.append(sorted(part))
    return parts


def _solve_part(clingo, attackers: Sequence[Sequence[int]], part: list[int], semantics: str, limit: int) -> _Part:
    program = _facts(attackers, part)
    found = _solve(clingo, program + _ENCODINGS[semantics], _OPTIONS[semantics] + [f"--models={limit + 1}"])
    models = tuple(frozenset(part[i] for i in model) for model in found[:limit])
    if len(found) <= limit:
        sceptical = frozenset.intersection(*models) if models else None
        return _Part(models, True, frozenset().union(*models), sceptical)
    brave = _consequences(clingo, program, "admissible" if semantics == "preferred" else "stable", "brave")
    sceptical = None
    if semantics == "stable":
        sceptical = frozenset(part[i] for i in _consequences(clingo, program, "stable", "cautious"))
    return _Part(models, False, frozenset(part[i] for i in brave), sceptical)


def _clingo():
    try:
        import clingo
    except ImportError:
        raise ToolError("evaluate-needs-clingo", hint="install the extra: pip install 'argmap[evaluate]' (or use --semantics grounded, which needs no solver)") from None
    return clingo


def _facts(attackers: Sequence[Sequence[int]], part: list[int]) -> str:
    """A part of the framework as clingo facts, renumbered 0 … len(part)-1."""
    number = {element: n for n, element in enumerate(part)}
    lines = [f"a(0..{len(part) - 1})." if part else ""]
    for element in part:
        lines += [f"r({number[a]},{number[element]})." for a in attackers[element] if a in number]
    return "\n".join(lines) + "\n"


def _solve(clingo, program: str, options: list[str]) -> list[frozenset[int]]:
    """Every model's in/1 atoms (up to the --models in ``options``)."""
    control = clingo.Control(options, logger=_quiet)
    control.add("base", [], program)
    control.ground([("base", [])])
    models: list[frozenset[int]] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            models.append(frozenset(symbol.arguments[0].number for symbol in model.symbols(shown=True)))
    return models


def _consequences(clingo, program: str, encoding: str, mode: str) -> frozenset[int]:
    """The brave (in some model) or cautious (in every model) in/1 atoms: clingo's last model in that mode."""
    models = _solve(clingo, program + _ENCODINGS[encoding], [f"--enum-mode={mode}", "--models=0"])
    return models[-1] if models else frozenset()


def _quiet(code, message) -> None:
    """clingo's warnings (an atom that occurs in no rule head, …) are about our encodings, not the map."""
