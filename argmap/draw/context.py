"""What the whole map knows, whatever the view: each position's colour, the
position each element stands for, source numbers, reading order. Computed
once per drawing from the whole map, so a filtered view never shifts a
colour or a number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..core.model import ArgumentMap, Kind, MergedArgument, MergedStatement, Ref, RelationType
from .options import ViewOptions

# Okabe & Ito's colour-blind-safe palette, in the order positions take it when
# they declare no colour (black is left out: it is the colour of text).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|#[0-9a-fA-F]{3}|[a-zA-Z][a-zA-Z0-9]*)$")


@dataclass
class MapContext:
    """Facts about the whole map that every view shares (so colours and numbers never shift)."""

    map: ArgumentMap
    options: ViewOptions
    colours: dict[str, str]
    source_numbers: dict[str, int]
    positions: dict[Ref, str | None]  # effective position of every element: what it stands for or is used for
    order: dict[Ref, tuple]  # reading order: document, line, column
    section_keys: dict[Ref, tuple[str, str] | None] = field(default_factory=dict)
    # the position each element is tagged with (exactly one declared tag), else None:
    # what a drawing colours, so a claim the mapper left neutral is drawn neutral
    declared: dict[Ref, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, argument_map: ArgumentMap, options: ViewOptions) -> "MapContext":
        documents = {doc.path: index for index, doc in enumerate(argument_map.documents)}
        order: dict[Ref, tuple] = {}
        for ref, element in map_elements(argument_map):
            span = element.span
            order[ref] = (documents.get(span.path, len(documents)), span.line, span.column, ref.kind.value, ref.title)
        declared = {ref: argument_map.position_of(ref) for ref, _element in map_elements(argument_map)}
        return cls(
            map=argument_map,
            options=options,
            colours=position_colours(argument_map),
            source_numbers={s.id: n for n, s in enumerate(argument_map.sources, 1)},
            positions=effective_positions(argument_map, declared),
            order=order,
            section_keys=_section_keys(argument_map),
            declared=declared,
        )


def map_elements(argument_map: ArgumentMap) -> Iterable[tuple[Ref, MergedStatement | MergedArgument]]:
    for title, statement in argument_map.statements.items():
        yield Ref(Kind.STATEMENT, title), statement
    for title, argument in argument_map.arguments.items():
        yield Ref(Kind.ARGUMENT, title), argument


def element_key(ref: Ref) -> Ref:
    """An element's identity: a relation's target may also name an inference step."""
    return Ref(ref.kind, ref.title) if ref.conclusion_index is not None else ref


def graphviz_colour(colour: str) -> str:
    """A declared colour as Graphviz reads it ('#abc' → '#aabbcc'), or '' if unusable."""
    if not colour or not _COLOUR.match(colour):
        return ""
    if re.fullmatch(r"#[0-9a-fA-F]{3}", colour):
        return "#" + "".join(c * 2 for c in colour[1:]).upper()
    return colour.upper() if colour.startswith("#") else colour.lower()


def position_colours(argument_map: ArgumentMap) -> dict[str, str]:
    """Each position's colour: its declared one, else the next unused Okabe–Ito colour."""
    declared = {p.tag: graphviz_colour(p.color) for p in argument_map.positions}
    taken = {c for c in declared.values() if c}
    spare = [c for c in OKABE_ITO if c not in taken]
    colours = {}
    for position in argument_map.positions:
        colour = declared[position.tag]
        if not colour:
            colour = spare.pop(0) if spare else "#999999"
        colours[position.tag] = colour
    return colours


def effective_positions(argument_map: ArgumentMap, declared: dict[Ref, str | None] | None = None) -> dict[Ref, str | None]:
    """The position each element stands for, or None when there is none or several.

    Arguments have the position they are tagged with. A statement has its own
    tag; untagged, it takes the position it is used for — of the arguments it
    is a premise or conclusion of, and of what it supports — if that is one.
    """
    result: dict[Ref, str | None] = dict(declared) if declared is not None else {ref: argument_map.position_of(ref) for ref, _e in map_elements(argument_map)}
    tags = {p.tag for p in argument_map.positions}
    used_for: dict[str, set[str | None]] = defaultdict(set)
    for title, argument in argument_map.arguments.items():
        for item in argument.pcs:
            used_for[item.statement].add(result[Ref(Kind.ARGUMENT, title)])
    for relation in argument_map.relations:
        if relation.source.kind is Kind.STATEMENT and relation.type in (RelationType.SUPPORT, RelationType.ENTAILS):
            used_for[relation.source.title].add(argument_map.position_of(element_key(relation.target)))
    for title, statement in argument_map.statements.items():
        ref = Ref(Kind.STATEMENT, title)
        own = [t for t in statement.tags if t in tags]
        if own:
            continue  # tagged: its own tag decides (several tags: neutral)
        candidates = used_for.get(title, set()) - {None}
        result[ref] = next(iter(candidates)) if len(candidates) == 1 else None
    return result


def _section_keys(argument_map: ArgumentMap) -> dict[Ref, tuple[str, str] | None]:
    """(document path, section id) where each element is defined, for --group-by section."""
    keys: dict[Ref, tuple[str, str] | None] = {}
    for ref, element in map_elements(argument_map):
        written = [o for o in element.occurrences if not o.is_reference] or list(element.occurrences)
        first = written[0]
        keys[ref] = (first.span.path, first.section) if first.section else None
    return keys
