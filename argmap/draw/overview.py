"""The overview, step 1: a merged map → what ``argmap render --overview`` shows.

One box per declared position (its label, how many claims and arguments are
tagged with it, its strongest claims) and one for what has no position when a
relation touches it; one link per pair of boxes and kind (support or attack)
listing every relation behind it. Pure: plain frozen dataclasses, no DOT
(:mod:`argmap.draw.overview_dot` writes that).

The counting is :mod:`argmap.analyse.stats`' own (:func:`position_relations`):
an element belongs to the position it is tagged with, symmetric relations
count both ways, so the links add up to ``argmap stats``' position matrix.
(The full map also colours an untagged claim by the position it is used for;
the overview keeps to the tags, as the matrix does.)

"Strongest" claims: the most sources making the claim first, then the most
relations pointing at it (supports and attacks it receives), then the one
written first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..analyse.stats import PositionRelation, position_relations
from ..core.errors import ArgmapError
from ..core.model import ArgumentMap, Kind, Ref, RelationType
from ..core.text import clean
from .context import MapContext, element_key, map_elements
from .graph_types import EdgeKind, Graph, LegendPosition
from .labels import TITLE_LINES, name_of, shorten, wrap_lines
from .options import ViewOptions

DEFAULT_TOP = 3
NO_POSITION = "No single position"  # as the full map's legend calls it
NO_POSITION_ID = "no_position"

_VERBS = {
    RelationType.SUPPORT: "supports",
    RelationType.ENTAILS: "entails",
    RelationType.ATTACK: "attacks",
    RelationType.UNDERCUT: "undercuts",
    RelationType.CONTRARY: "is contrary to",
    RelationType.CONTRADICTORY: "contradicts",
}


@dataclass(frozen=True, slots=True)
class Claim:
    """One of a box's strongest claims."""

    lines: tuple[str, ...]  # its title, wrapped
    sources: int  # how many sources make it
    about: str  # title, text, the sources, what points at it: for the box's tooltip


@dataclass(frozen=True, slots=True)
class Box:
    """A position, or (``position`` None) everything that has none."""

    id: str
    position: str | None
    label: str
    color: str  # the position's colour, as the full map has it; empty for no position
    statements: int
    arguments: int
    claims: tuple[Claim, ...]
    tooltip: str  # counts, the position's description, the claims in full, the relations within it


@dataclass(frozen=True, slots=True)
class Link:
    """The supports (or attacks) from one box to another, or within one box (``tail == head``)."""

    tail: str
    head: str
    kind: EdgeKind  # SUPPORT (supports, entailments) or ATTACK (attacks, undercuts, contraries, contradictions)
    relations: tuple[str, ...]  # "[A] attacks [B]", in the order the map has them

    @property
    def count(self) -> int:
        return len(self.relations)

    @property
    def within(self) -> bool:
        return self.tail == self.head


@dataclass(frozen=True, slots=True)
class Overview:
    boxes: tuple[Box, ...]  # the positions in declared order, then the one for no position
    links: tuple[Link, ...]  # by tail box, head box, supports before attacks
    positions: tuple[LegendPosition, ...]  # every declared position, for the theme's marks
    top: int  # how many claims a box lists at most
    legend: bool
    title: str
    description: str

    def frame(self) -> Graph:
        """The overview as the plain :class:`Graph` themes and SVG finishing read: positions, title, description."""
        return Graph((), (), (), None, "TB", self.positions, self.title, self.description)


def build_overview(argument_map: ArgumentMap, top: int = DEFAULT_TOP, wrap: int = 32, legend: bool = True) -> Overview:
    """The overview of a map. Raises ArgmapError when the map declares no positions."""
    if not argument_map.positions:
        raise ArgmapError(
            "overview-no-positions",
            hint="declare positions in the files' front matter (positions: positions.yaml) and tag claims with them (#tag); "
            "docs/markup.md shows how. Without positions, draw the whole map (leave out --overview)",
        )
    if top < 0 or wrap < 8:
        raise ValueError("top must be at least 0 and wrap at least 8")
    context = MapContext.of(argument_map, ViewOptions(wrap=wrap))
    found = position_relations(argument_map)
    ids = {p.tag: f"position_{n}" for n, p in enumerate(argument_map.positions, 1)}
    if any(r.source_position is None or r.target_position is None for r in found):
        ids[None] = NO_POSITION_ID
    links = _links(argument_map, found, ids)
    boxes = tuple(_box(context, found, links, tag, box_id, top, wrap) for tag, box_id in ids.items())
    positions = tuple(LegendPosition(p.tag, clean(p.label), context.colours[p.tag]) for p in argument_map.positions)
    title, description = _summary(argument_map, boxes, links)
    return Overview(boxes, links, positions, top, legend, title, description)


# ---------------------------------------------------------------- boxes


def _box(context: MapContext, found: tuple[PositionRelation, ...], links: tuple[Link, ...], tag: str | None, box_id: str, top: int, wrap: int) -> Box:
    argument_map = context.map
    members = [ref for ref, _ in map_elements(argument_map) if argument_map.position_of(ref) == tag]
    statements = [ref for ref in members if ref.kind is Kind.STATEMENT]
    received = _received(found)
    ranked = sorted(statements, key=lambda ref: (-len(argument_map.statements[ref.title].sources), -sum(received[ref].values()), context.order[ref]))
    claims = tuple(_claim(context, ref, received[ref], wrap) for ref in ranked[:top])
    position = next((p for p in argument_map.positions if p.tag == tag), None)
    label = clean(position.label) if position else NO_POSITION
    arguments = len(members) - len(statements)
    counts = f"{_plural(len(statements), 'claim')}, {_plural(arguments, 'argument')}"
    parts = [f"{label}: {counts}"]
    if position is None:
        parts.append("Claims and arguments tagged with no position, or with several.")
    elif position.description:
        parts.append(clean(position.description))
    if claims:
        parts.append("The claims the most sources make:\n" + "\n".join(claim.about for claim in claims))
    within = [relation for link in links if link.within and link.tail == box_id for relation in link.relations]
    if within:
        parts.append("Within the position:\n" + "\n".join(within) if tag else "Between claims of no position:\n" + "\n".join(within))
    tooltip = shorten("\n\n".join(parts))
    colour = context.colours.get(tag, "") if tag else ""
    return Box(box_id, tag, label, colour, len(statements), arguments, claims, tooltip)


def _received(found: tuple[PositionRelation, ...]) -> dict[Ref, Counter[str]]:
    """Per element, how many supports and attacks point at it."""
    received: dict[Ref, Counter[str]] = defaultdict(Counter)
    for relation in found:
        received[element_key(relation.target)]["supports" if relation.supports else "attacks"] += 1
    return received


def _claim(context: MapContext, ref: Ref, received: Counter[str], wrap: int) -> Claim:
    statement = context.map.statements[ref.title]
    shown = name_of(context.map, ref)
    shown = shown[1:-1] if shown.startswith("[") else shown  # the box has no use for the brackets
    about = f"• {name_of(context.map, ref)}"
    if statement.text and not statement.generated_title:
        about += f": {clean(statement.text)}"
    names = {s.id: clean(s.publisher) or s.id for s in context.map.sources}
    makers = [names[s] for s in statement.sources if s in names]
    about += f" ({_plural(len(statement.sources), 'source')}{': ' + ', '.join(makers) if makers else ''}"
    if received:
        about += "; receives " + ", ".join(_plural(received[k], k[:-1]) for k in ("supports", "attacks") if received[k])
    return Claim(wrap_lines(shown, wrap, TITLE_LINES), len(statement.sources), about + ")")


# ---------------------------------------------------------------- links


def _links(argument_map: ArgumentMap, found: tuple[PositionRelation, ...], ids: dict[str | None, str]) -> tuple[Link, ...]:
    grouped: dict[tuple[str, str, EdgeKind], list[str]] = defaultdict(list)
    for relation in found:
        kind = EdgeKind.SUPPORT if relation.supports else EdgeKind.ATTACK
        pair = (ids[relation.source_position], ids[relation.target_position], kind)
        grouped[pair].append(_describe(argument_map, relation))
    order = {box_id: n for n, box_id in enumerate(ids.values())}
    keys = sorted(grouped, key=lambda k: (order[k[0]], order[k[1]], k[2] is EdgeKind.ATTACK))
    return tuple(Link(tail, head, kind, tuple(grouped[(tail, head, kind)])) for tail, head, kind in keys)


def _describe(argument_map: ArgumentMap, relation: PositionRelation) -> str:
    """'[A] attacks [B]', read in the direction counted (a symmetric relation both ways)."""
    target = name_of(argument_map, relation.target)
    if relation.target.conclusion_index is not None:
        target = f"the inference to ({relation.target.conclusion_index + 1}) of {target}"
    return clean(f"{name_of(argument_map, relation.source)} {_VERBS[relation.relation.type]} {target}")


# ---------------------------------------------------------------- words


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _summary(argument_map: ArgumentMap, boxes: tuple[Box, ...], links: tuple[Link, ...]) -> tuple[str, str]:
    """A title and, for screen readers and handouts, the whole picture in words."""
    labels = {box.id: box.label for box in boxes}
    between = [link for link in links if not link.within and NO_POSITION_ID not in (link.tail, link.head)]
    others = [link for link in links if not link.within and link not in between]
    within = [link for link in links if link.within]
    count = sum(link.count for link in between)
    title = f"Overview of the positions: {_plural(len(argument_map.positions), 'position')}, {_plural(count, 'relation')} between them"
    parts = ["Positions: " + "; ".join(f"{b.label} ({_plural(b.statements, 'claim')}, {_plural(b.arguments, 'argument')})" for b in boxes) + "."]
    for heading, chosen in (("Between positions", between), ("With claims of no position", others)):
        if chosen:
            said = [f"{labels[l.tail]} {'supports' if l.kind is EdgeKind.SUPPORT else 'attacks'} {labels[l.head]} {_times(l.count)}" for l in chosen]
            parts.append(f"{heading}: " + "; ".join(said) + ".")
    if within:
        said = [f"{labels[l.tail]} {_plural(l.count, 'support' if l.kind is EdgeKind.SUPPORT else 'attack')}" for l in within]
        parts.append("Within one: " + "; ".join(said) + ".")
    return clean(title), shorten(clean(" ".join(parts)))


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
