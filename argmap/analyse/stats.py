"""The numbers next to the map: who says what, and which side attacks which.

:func:`statistics` computes the report as plain data; :func:`to_text` and
:func:`to_json` print it. Positions are the ones elements are tagged with
(:meth:`ArgumentMap.position_of`); supports are support and entails, attacks
are attack, undercut, contrary and contradictory (the symmetric two count in
both directions).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from ..core.model import ArgumentMap, Kind, Ref, Relation, RelationType

SUPPORTS = frozenset({RelationType.SUPPORT, RelationType.ENTAILS})
ATTACKS = frozenset({RelationType.ATTACK, RelationType.UNDERCUT, RelationType.CONTRARY, RelationType.CONTRADICTORY})
SYMMETRIC = frozenset({RelationType.CONTRARY, RelationType.CONTRADICTORY})
MOST_ATTACKED = 10  # how many statements the report lists
NAME_WIDTH = 60  # characters of a source's name in the text table


@dataclass(frozen=True)
class SourceCounts:
    number: int
    id: str
    publisher: str
    title: str
    date: str
    statements: int
    arguments: int
    relations: int


@dataclass(frozen=True)
class MatrixCell:
    source: str  # position tag the relations come from
    target: str  # position tag they go to
    supports: int
    attacks: int


@dataclass(frozen=True)
class SharedStatement:
    title: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AttackedStatement:
    title: str
    attacks: int
    by_position: tuple[tuple[str, int], ...]  # position tag (or "" for none) → attacks


@dataclass(frozen=True)
class Statistics:
    sources: tuple[SourceCounts, ...]
    positions: tuple[tuple[str, str], ...]  # (tag, label), declared order
    matrix: tuple[MatrixCell, ...]
    unpositioned: int  # supports and attacks with an end that has no position
    shared: tuple[SharedStatement, ...]
    most_attacked: tuple[AttackedStatement, ...]


def statistics(argument_map: ArgumentMap) -> Statistics:
    return Statistics(
        sources=source_counts(argument_map),
        positions=tuple((p.tag, p.label) for p in argument_map.positions),
        matrix=position_matrix(argument_map),
        unpositioned=unpositioned_relations(argument_map),
        shared=shared_statements(argument_map),
        most_attacked=most_attacked(argument_map),
    )


def source_counts(argument_map: ArgumentMap) -> tuple[SourceCounts, ...]:
    counts = []
    for number, source in enumerate(argument_map.sources, 1):
        counts.append(
            SourceCounts(
                number,
                source.id,
                source.publisher,
                source.title,
                source.date,
                statements=sum(source.id in s.sources for s in argument_map.statements.values()),
                arguments=sum(source.id in a.sources for a in argument_map.arguments.values()),
                relations=sum(source.id in r.sources for r in argument_map.relations),
            )
        )
    return tuple(counts)


def _directed(relation: Relation) -> list[tuple[Ref, Ref]]:
    """(from, to) pairs: a symmetric relation goes both ways."""
    ends = [(relation.source, relation.target)]
    if relation.type in SYMMETRIC:
        ends.append((relation.target, relation.source))
    return ends


def _position(argument_map: ArgumentMap, ref: Ref) -> str | None:
    return argument_map.position_of(Ref(ref.kind, ref.title))


@dataclass(frozen=True)
class PositionRelation:
    """One relation read in one direction, between the positions of its ends (None: no position)."""

    source_position: str | None
    target_position: str | None
    supports: bool  # a support or entailment; otherwise an attack of some kind
    source: Ref
    target: Ref
    relation: Relation


def position_relations(argument_map: ArgumentMap) -> tuple[PositionRelation, ...]:
    """Every support and attack in each direction it counts (symmetric ones both ways), in map order.

    What the position matrix counts, and what ``render --overview`` draws and lists.
    """
    found = []
    for relation in argument_map.relations:
        if relation.type not in SUPPORTS and relation.type not in ATTACKS:
            continue
        for source, target in _directed(relation):
            found.append(
                PositionRelation(
                    _position(argument_map, source), _position(argument_map, target), relation.type in SUPPORTS, source, target, relation
                )
            )
    return tuple(found)


def position_matrix(argument_map: ArgumentMap) -> tuple[MatrixCell, ...]:
    supports: Counter[tuple[str, str]] = Counter()
    attacks: Counter[tuple[str, str]] = Counter()
    for found in position_relations(argument_map):
        pair = (found.source_position, found.target_position)
        if None in pair:
            continue
        (supports if found.supports else attacks)[pair] += 1
    tags = [p.tag for p in argument_map.positions]
    return tuple(MatrixCell(a, b, supports[(a, b)], attacks[(a, b)]) for a in tags for b in tags)


def unpositioned_relations(argument_map: ArgumentMap) -> int:
    return sum(
        1
        for relation in argument_map.relations
        if _position(argument_map, relation.source) is None or _position(argument_map, relation.target) is None
    )


def shared_statements(argument_map: ArgumentMap) -> tuple[SharedStatement, ...]:
    """Statements that several sources assert (merge counts a bare reference as no assertion)."""
    shared = [SharedStatement(t, tuple(s.sources)) for t, s in argument_map.statements.items() if len(s.sources) > 1]
    return tuple(sorted(shared, key=lambda s: (-len(s.sources), s.title)))


def most_attacked(argument_map: ArgumentMap, limit: int = MOST_ATTACKED) -> tuple[AttackedStatement, ...]:
    attackers: dict[str, Counter[str]] = {}
    for relation in argument_map.relations:
        if relation.type not in ATTACKS:
            continue
        for source, target in _directed(relation):
            if target.kind is Kind.STATEMENT:
                attackers.setdefault(target.title, Counter())[_position(argument_map, source) or ""] += 1
    ranked = sorted(attackers.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:limit]
    return tuple(
        AttackedStatement(title, sum(by.values()), tuple(sorted(by.items(), key=lambda kv: (-kv[1], kv[0]))))
        for title, by in ranked
    )


# ---------------------------------------------------------------- printing


def to_json(stats: Statistics) -> str:
    data = asdict(stats)
    data["positions"] = [{"tag": tag, "label": label} for tag, label in stats.positions]
    data["most_attacked"] = [
        {"title": s.title, "attacks": s.attacks, "by_position": {tag: n for tag, n in s.by_position}} for s in stats.most_attacked
    ]
    for cell in data["matrix"]:
        cell["from"], cell["to"] = cell.pop("source"), cell.pop("target")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def to_text(stats: Statistics) -> str:
    labels = dict(stats.positions)
    out = ["Sources"]
    rows = [["#", "source", "statements", "arguments", "relations"]]
    for s in stats.sources:
        name = ": ".join(p for p in (s.publisher, s.title) if p) or s.id
        name = f"{name} ({s.date})" if s.date else name
        name = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1].rstrip() + "…"
        rows.append([str(s.number), name, str(s.statements), str(s.arguments), str(s.relations)])
    out += _table(rows, right={0, 2, 3, 4})
    out += ["", "Positions: supports/attacks from the row's position to the column's"]
    if stats.positions:
        rows = [["from \\ to"] + [label for _, label in stats.positions]]
        cells = {(c.source, c.target): c for c in stats.matrix}
        for tag, label in stats.positions:
            rows.append([label] + [f"{cells[(tag, other)].supports}/{cells[(tag, other)].attacks}" for other, _ in stats.positions])
        out += _table(rows, right=set(range(1, len(rows[0]))))
        if stats.unpositioned:
            verb = "relation has" if stats.unpositioned == 1 else "relations have"
            out.append(f"  ({stats.unpositioned} {verb} an end without a position: not counted)")
    else:
        out.append("  (no positions are declared)")
    out += ["", "Statements asserted by several sources"]
    out += [f"  [{s.title}]: {', '.join(s.sources)}" for s in stats.shared] or ["  (none)"]
    out += ["", "Most-attacked statements"]
    for s in stats.most_attacked:
        by = ", ".join(f"{labels.get(tag, tag) if tag else 'no position'} ({n})" for tag, n in s.by_position)
        out.append(f"  {s.attacks}  [{s.title}]  by {by}")
    if not stats.most_attacked:
        out.append("  (none)")
    return "\n".join(out) + "\n"
