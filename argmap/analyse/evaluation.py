"""Which claims stand: the merged map evaluated under argumentation semantics.

:func:`evaluate` builds the map's framework (:mod:`.framework`), labels it
(grounded, :mod:`.grounded`), explains each label (:mod:`.explain`), lists
preferred and stable extensions when asked (:mod:`.extensions`, which needs
clingo) and counts each position's claims by label. The result is plain
data, keyed as in the JSON output: ``"[Title]"`` for a statement,
``"<Title>"`` for an argument; :mod:`.evaluation_report` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Mapping

from ..core.model import ArgumentMap
from .explain import Explanation, describe, explain
from .extensions import SEMANTICS as EXTENSION_SEMANTICS, extensions
from .framework import Framework, framework_of
from .grounded import Grounded, Label, grounded

SEMANTICS = ("grounded", "preferred", "stable", "all")
MAX_EXTENSIONS = 100  # extensions listed per semantics, unless told otherwise
NO_POSITION = "no single position"  # the row of claims tagged with no declared position, or several

GroundedLabel = Literal["in", "out", "undec"]


@dataclass(frozen=True, slots=True)
class PositionCount:
    """How many of a position's claims (statements and arguments tagged with it) have each label."""

    tag: str  # "" for the claims of no single position
    label: str
    claims: int
    in_count: int
    out_count: int
    undec_count: int


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The evaluated map, every collection keyed and sorted by element key.

    ``grounded`` labels every element; ``explanations`` says why, in a
    sentence. ``preferred`` and ``stable`` are the extensions (each a sorted
    tuple of keys), or None when not asked for. ``credulous`` and
    ``sceptical`` map a semantics to the keys in some / every one of its
    extensions (sceptical is None when that is not known, or when there is
    no extension). ``truncated`` names the semantics whose list stopped at
    ``max_extensions``.
    """

    semantics: tuple[str, ...]
    grounded: Mapping[str, GroundedLabel]
    explanations: Mapping[str, str]
    preferred: tuple[tuple[str, ...], ...] | None
    stable: tuple[tuple[str, ...], ...] | None
    credulous: Mapping[str, tuple[str, ...]]
    sceptical: Mapping[str, tuple[str, ...] | None]
    truncated: tuple[str, ...]
    positions: tuple[PositionCount, ...]
    max_extensions: int
    framework: Framework
    reasons: tuple[Explanation, ...]  # the explanations as records, by element index

    @property
    def attacks(self) -> int:
        return sum(len(attacks) for attacks in self.framework.attacks_on)


def semantics_asked(name: str) -> tuple[str, ...]:
    """What a --semantics value computes: grounded always (the labels), and the extensions asked for."""
    if name not in SEMANTICS:
        raise ValueError(f"semantics must be one of {', '.join(SEMANTICS)}, not {name!r}")
    return ("grounded",) + (EXTENSION_SEMANTICS if name == "all" else (name,) if name != "grounded" else ())


def evaluate(argument_map: ArgumentMap, semantics: str = "grounded", max_extensions: int = MAX_EXTENSIONS) -> Evaluation:
    """The map evaluated: grounded labels and their explanations, and the extensions asked for.

    Raises ValueError for an unknown semantics or a limit below 1, and
    :class:`~argmap.core.errors.ToolError` when preferred or stable semantics
    are asked for and clingo is not installed.
    """
    asked = semantics_asked(semantics)
    if max_extensions < 1:
        raise ValueError("max_extensions must be at least 1")
    framework = framework_of(argument_map)
    attackers = [framework.attackers(i) for i in range(len(framework.keys))]
    settled = grounded(attackers)
    reasons = explain(framework, settled)
    keys = framework.keys
    found = {name: extensions(attackers, name, max_extensions, settled) for name in asked if name != "grounded"}

    def listed(name: str) -> tuple[tuple[str, ...], ...] | None:
        return tuple(tuple(keys[i] for i in extension) for extension in found[name].extensions) if name in found else None

    def sorted_keys(indexes) -> tuple[str, ...]:
        return tuple(keys[i] for i in sorted(indexes))

    return Evaluation(
        semantics=asked,
        grounded={key: label.value for key, label in zip(keys, settled.labels)},
        explanations={key: describe(framework, i, reasons[i]) for i, key in enumerate(keys)},
        preferred=listed("preferred"),
        stable=listed("stable"),
        credulous={name: sorted_keys(result.credulous) for name, result in found.items()},
        sceptical={name: None if result.sceptical is None else sorted_keys(result.sceptical) for name, result in found.items()},
        truncated=tuple(name for name, result in found.items() if not result.complete),
        positions=position_counts(argument_map, framework, settled),
        max_extensions=max_extensions,
        framework=framework,
        reasons=reasons,
    )


def position_counts(argument_map: ArgumentMap, framework: Framework, settled: Grounded) -> tuple[PositionCount, ...]:
    """Per declared position (and for claims of no single position, when there are any): claims by label.

    A claim counts for the position it is tagged with, as in ``argmap stats``.
    A map that declares no positions has no rows.
    """
    if not argument_map.positions:
        return ()
    counts: dict[str, dict[Label, int]] = {p.tag: dict.fromkeys(Label, 0) for p in argument_map.positions}
    counts[""] = dict.fromkeys(Label, 0)
    for ref, label in zip(framework.refs, settled.labels):
        counts[argument_map.position_of(ref) or ""][label] += 1
    rows = [(p.tag, p.label) for p in argument_map.positions]
    if sum(counts[""].values()):
        rows.append(("", NO_POSITION))
    return tuple(
        PositionCount(tag, label, sum(counts[tag].values()), counts[tag][Label.IN], counts[tag][Label.OUT], counts[tag][Label.UNDEC])
        for tag, label in rows
    )
