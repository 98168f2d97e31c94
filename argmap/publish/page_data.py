"""What the interactive page's script knows about the map, as JSON.

The script finds the drawn elements in the inline SVG by the ids Graphviz
writes as each group's ``<title>`` (a node's or a cluster's DOT name, see
:func:`argmap.draw.graph_types.node_id`), and looks them up here: title,
kind, text, position, sources, verbatim quotes, the premise–conclusion
structure and the relations, with the ids of the related elements that are
drawn, so that the details can move the view to them. Those ids are also
what the page's address names after ``#``: they come from titles only, so a
link to a claim stays valid from one render to the next.

The JSON goes into a ``<script type="application/json">``: :func:`page_json`
writes ``<``, ``>`` and ``&`` as ``\\u`` escapes, so no input text can close
that element or open another, whatever it holds.
"""

from __future__ import annotations

import re

import orjson

from ..core.model import ArgumentMap, Kind, MergedArgument, Ref
from ..core.text import clean, is_http_url
from ..draw.graph_types import ClusterKind, Graph, NodeKind, node_id
from ..draw.escaping import direction_marked
from ..core.voice import voice_notes
from ..draw.labels import name_of

VERBS = {  # (from the source's side, from the target's side)
    "support": ("supports", "supported by"),
    "attack": ("attacks", "attacked by"),
    "undercut": ("undercuts", "undercut by"),
    "contradictory": ("contradicts", "contradicts"),
    "entails": ("entails", "entailed by"),
    "contrary": ("is contrary to", "is contrary to"),
}
_CSS_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?|[a-z]{3,20}")
NEUTRAL = "#7F7F7F"


def safe_colour(colour: str) -> str:
    """A position's colour as Graphviz reads it (``#RRGGBB`` or a name), grey for anything else: it goes into CSS."""
    return colour if _CSS_COLOUR.fullmatch(colour or "") else NEUTRAL


def drawn_keys(argument_map: ArgumentMap, graph: Graph) -> dict[Ref, str]:
    """The id of the node (or, for an argument drawn with its structure, the frame) of each element the graph draws."""
    drawn = {n.id for n in graph.nodes if n.kind is not NodeKind.INFERENCE}
    drawn |= {c.id for c in graph.clusters if c.kind is ClusterKind.ARGUMENT}
    keys: dict[Ref, str] = {}
    for kind, table in ((Kind.STATEMENT, argument_map.statements), (Kind.ARGUMENT, argument_map.arguments)):
        for title in table:
            for candidate in (node_id(kind.value, title), node_id(ClusterKind.ARGUMENT, title) if kind is Kind.ARGUMENT else ""):
                if candidate in drawn:
                    keys[Ref(kind, title)] = candidate
    return keys


def source_name(argument_map: ArgumentMap, source_id: str) -> str:
    for source in argument_map.sources:
        if source.id == source_id:
            return clean(": ".join(p for p in (source.publisher, source.title) if p) or source.id)
    return clean(source_id)


def page_data(argument_map: ArgumentMap, graph: Graph, keys: dict[Ref, str], anchors: dict[Ref, str]) -> dict:
    """Everything the script needs: elements by id, positions, sources, and which frame holds what."""
    # filters keep an untagged claim with the position its arguments stand for; the details say it has none of its own
    positions_of = {n.id: n.used_for or n.position for n in graph.nodes} | {c.id: c.position for c in graph.clusters}
    untagged = {n.id for n in graph.nodes if n.position is None and n.used_for is not None}
    verdicts = _verdicts(argument_map, graph)
    known = {s.id for s in argument_map.sources}
    elements = {}
    for ref, key in keys.items():
        element = argument_map.element(ref)
        entry = {
            "kind": ref.kind.value,
            "title": name_of(argument_map, ref),
            "text": clean(element.text),
            "position": positions_of.get(key),
            "sources": [s for s in element.sources if s in known],
            "quotes": [[q.source, clean(q.text)] for q in element.quotes],
            "relations": _relations(argument_map, ref, keys),
            "anchor": anchors.get(ref, ""),
        }
        if key in untagged:
            entry["untagged"] = True
        notes = voice_notes(element)
        if notes:
            entry["voice"] = notes.split("\n")
        if isinstance(element, MergedArgument) and element.pcs:
            entry["pcs"] = _pcs(argument_map, element, keys)
        if ref in verdicts:
            entry["verdict"] = verdicts[ref]
        elements[key] = entry
    parents = {n.id: n.cluster for n in graph.nodes if n.cluster} | {c.id: c.parent for c in graph.clusters if c.parent}
    return {
        "elements": elements,
        "parents": parents,
        "positions": [{"tag": p.tag, "label": clean(p.label), "color": safe_colour(p.color)} for p in graph.positions],
        "sources": [
            {"id": s.id, "number": n, "name": source_name(argument_map, s.id), "date": clean(s.date), "url": s.url if is_http_url(s.url) else ""}
            for n, s in enumerate(argument_map.sources, 1)
        ],
    }


def _verdicts(argument_map: ArgumentMap, graph: Graph) -> dict[Ref, list[str]]:
    """render --evaluate: [label, why] of every element, when the graph carries the grounded labels."""
    if not any(n.verdict for n in graph.nodes) and not any(c.verdict for c in graph.clusters):
        return {}
    from ..analyse.evaluation import evaluate

    evaluation = evaluate(argument_map)
    return {
        ref: [evaluation.grounded[key], clean(evaluation.explanations[key])]
        for ref, key in zip(evaluation.framework.refs, evaluation.framework.keys)
    }


def _relations(argument_map: ArgumentMap, ref: Ref, keys: dict[Ref, str]) -> list[list]:
    """[verb, name, id or None] for each relation of the element, in the order they are written."""
    rows = []
    for relation in argument_map.relations:
        source, target = relation.source, Ref(relation.target.kind, relation.target.title)
        if source == ref and target != ref:
            verb, other = VERBS[relation.type.value][0], target
        elif target == ref and source != ref:
            verb, other = VERBS[relation.type.value][1], source
        else:
            continue
        if argument_map.element(other) is None:
            continue
        row = [verb, name_of(argument_map, other), keys.get(other)]
        if relation.reconstructed is not None:  # the mapper's link: say so, with the mapper's note
            row.append(relation.reconstructed)
        rows.append(row)
    return rows


def _pcs(argument_map: ArgumentMap, argument: MergedArgument, keys: dict[Ref, str]) -> list[list]:
    """[number, name, text, inference rules or None, id or None] per line of the premise–conclusion structure."""
    rows = []
    for number, item in enumerate(argument.pcs, 1):
        rules = None
        if item.inference is not None:
            rules = ", ".join(clean(r) for r in item.inference.rules) or "therefore"
        ref = Ref(Kind.STATEMENT, item.statement)
        statement = argument_map.statements.get(item.statement)
        name = name_of(argument_map, ref) if statement is not None and not statement.generated_title else ""
        text = clean(statement.text) if statement is not None else ""
        rows.append([f"({item.number or number})", name, text, rules, keys.get(ref)])
    return rows


def page_json(data: dict) -> str:
    """The data as JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` at all, no direction control."""
    text = direction_marked(orjson.dumps(data).decode("utf-8"))  # no text can reorder what follows it
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
