"""Rendering, step 1: a merged :class:`ArgumentMap` and view options → a graph.

This step is pure: it decides *what* the map shows (which nodes, which
edges, which clusters, the legend, colours by position, source badges,
wrapped labels, tooltips) as the plain frozen dataclasses of
:mod:`argmap.draw.graph_types`, and knows nothing of Graphviz or DOT syntax.
:mod:`argmap.draw.dot` decides *how* it is drawn. This module assembles the
graph: nodes, edges and the legend; the view (:mod:`~argmap.draw.views`),
the words (:mod:`~argmap.draw.labels`) and the frames
(:mod:`~argmap.draw.clusters`) come from their own modules.

Argdown's map semantics, as far as they matter here:

* every argument is a node; a statement is a node when it has relations or
  is written outside a premise–conclusion structure (PCS), so statements that
  only live inside a reconstruction stay inside their argument;
* a reconstructed argument is linked to its premises and its main conclusion
  when those statements are on the map for another reason (premise →
  argument, argument → conclusion, both drawn as support);
* relations written under a PCS line belong to that statement.

With ``pcs=True`` each reconstructed argument is drawn as a cluster holding
its premises, an inference bar per inference step (labelled with its rules)
and its conclusions; statements used elsewhere stay outside and are shared.
"""

from __future__ import annotations

from typing import Iterable

from ..core.model import ArgumentMap, Kind, MergedArgument, Ref
from ..core.text import clean, is_http_url
from .clusters import argument_clusters, group_clusters, used_clusters
from .context import MapContext, element_key
from .graph_types import Cluster, ClusterKind, Edge, EdgeKind, Graph, Legend, LegendPosition, LegendSource, Node, NodeKind, node_id
from .labels import badges_of, element_tooltip, label_lines, name_of, shorten, source_description, voice_line, wrap_lines
from .options import ViewOptions
from .views import Link, View, resolve_focus, resolve_position, resolve_source, select_view


def build_graph(argument_map: ArgumentMap, options: ViewOptions | None = None) -> Graph:
    """The graph of the map as the options ask to see it. Raises ArgmapError for bad options."""
    options = options or ViewOptions()
    context = MapContext.of(argument_map, options)
    view = select_view(context)
    expanded = _expanded_arguments(context, view) if options.pcs else {}
    groups, group_of = group_clusters(context, view, expanded)
    frames, inside = argument_clusters(context, expanded, group_of)
    nodes = _nodes(context, view, expanded, group_of, inside)
    edges = _edges(context, view, expanded, inside)
    clusters = used_clusters(groups + frames, nodes)
    legend = _legend(context, nodes, edges) if options.legend else None
    positions = tuple(LegendPosition(p.tag, clean(p.label), context.colours[p.tag]) for p in argument_map.positions)
    title, description = _summary(context, nodes, edges, clusters)
    graph = Graph(tuple(nodes), tuple(edges), tuple(clusters), legend, options.rankdir, positions, title, description)
    if options.evaluate:
        from .evaluation_marks import mark_graph  # the analysis stage, only when asked for

        graph = mark_graph(graph, argument_map)
    return graph


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _summary(context: MapContext, nodes: list[Node], edges: list[Edge], clusters: list[Cluster]) -> tuple[str, str]:
    """A title and a description of what the view shows, in words, for screen readers and handouts."""
    statements = sum(n.kind is NodeKind.STATEMENT for n in nodes)
    arguments = sum(n.kind is NodeKind.ARGUMENT for n in nodes) + sum(c.kind is ClusterKind.ARGUMENT for c in clusters)
    relations = sum(e.kind.is_relation and not e.implicit for e in edges)
    shown = {b.source for item in (*nodes, *clusters) for b in item.badges}
    sources = [s for s in context.map.sources if s.id in shown]
    title = "Argument map: " + ", ".join(
        (_plural(len(sources), "source"), _plural(statements, "statement"), _plural(arguments, "argument"), _plural(relations, "relation"))
    )
    parts = []
    if context.map.positions:
        parts.append("Positions: " + ", ".join(clean(p.label) for p in context.map.positions) + ".")
    if sources:
        parts.append("Sources: " + "; ".join(f"{context.source_numbers[s.id]} {source_description(context.map, s.id)}" for s in sources) + ".")
    options, view, argument_map = context.options, [], context.map
    if options.focus:
        focus = name_of(argument_map, resolve_focus(argument_map, options.focus))
        view.append(f"around {focus}, at most {_plural(options.depth, 'link')} away")
    if options.position:
        tag = resolve_position(argument_map, options.position)
        view.append(f"position {next(clean(p.label) for p in argument_map.positions if p.tag == tag)} only")
    if options.source:
        view.append(f"source {source_description(argument_map, resolve_source(argument_map, options.source))} only")
    if view:
        parts.append("Showing " + "; ".join(view) + ".")
    return clean(title), shorten(clean(" ".join(parts)))


# ---------------------------------------------------------------- nodes


def _sorted_refs(context: MapContext, refs: Iterable[Ref]) -> list[Ref]:
    return sorted(refs, key=lambda r: context.order[r])


def _expanded_arguments(context: MapContext, view: View) -> dict[Ref, MergedArgument]:
    return {
        ref: context.map.arguments[ref.title]
        for ref in _sorted_refs(context, view.elements)
        if ref.kind is Kind.ARGUMENT and context.map.arguments[ref.title].pcs
    }


def _element_node(context: MapContext, ref: Ref, cluster: str | None) -> Node:
    element = context.map.element(ref)
    title_lines, text_lines = label_lines(context, ref)
    position = context.declared.get(ref)  # only a tag colours a claim: untagged is drawn neutral
    return Node(
        id=node_id(ref.kind.value, ref.title),
        kind=NodeKind(ref.kind.value),
        title_lines=title_lines,
        text_lines=text_lines,
        tooltip=element_tooltip(context, ref),
        color=context.colours.get(position, "") if position else "",
        position=position,
        badges=badges_of(context, element.sources),
        cluster=cluster,
        voice=voice_line(element),
        reconstructed=element.is_reconstructed,
        used_for=context.positions.get(ref),
    )


def _inference_steps(argument: MergedArgument) -> list[tuple[int, list[int]]]:
    """(index of the conclusion, indexes of the lines it is drawn from) per inference.

    An inference line follows from everything since the previous inference
    line's conclusion (included), as a PCS is read.
    """
    steps, start = [], 0
    for index, item in enumerate(argument.pcs):
        if item.inference is not None:
            steps.append((index, list(range(start, index))))
            start = index
    return steps


def _inference_id(argument: str, conclusion_index: int) -> str:
    return node_id(NodeKind.INFERENCE, argument, str(conclusion_index))


def _nodes(context, view, expanded, group_of, inside) -> list[Node]:
    nodes = []
    for ref in _sorted_refs(context, view.elements):
        if ref in expanded:
            nodes.extend(_inference_nodes(context, ref, expanded[ref]))
            continue
        nodes.append(_element_node(context, ref, inside.get(ref, group_of.get(ref))))
    return nodes


def _inference_nodes(context: MapContext, ref: Ref, argument: MergedArgument) -> list[Node]:
    position = context.positions.get(ref)
    colour = context.colours.get(position, "") if position else ""
    nodes = []
    for index, _premises in _inference_steps(argument):
        rules = argument.pcs[index].inference.rules
        tooltip = f"{name_of(context.map, ref)}: inference to ({argument.pcs[index].number or index + 1})"
        if rules:
            tooltip += " by " + ", ".join(clean(r) for r in rules)
        nodes.append(
            Node(
                id=_inference_id(ref.title, index),
                kind=NodeKind.INFERENCE,
                title_lines=(),
                text_lines=wrap_lines(", ".join(rules), context.options.wrap, 2) if rules else (),
                tooltip=shorten(tooltip),
                color=colour,
                position=position,
                cluster=node_id(ClusterKind.ARGUMENT, ref.title),
            )
        )
    return nodes


# ---------------------------------------------------------------- edges


def _endpoint(ref: Ref, expanded: dict[Ref, MergedArgument], kind: EdgeKind | None = None) -> tuple[str, str | None]:
    """The node an edge attaches to, and the cluster to clip it at.

    An expanded argument has no node of its own. An undercut (``kind``) goes
    to the inference bar it names, else the last one. Other relations attach
    to the last bar but are clipped at the argument's frame, so they seem to
    touch the whole argument.
    """
    key = element_key(ref)
    if key not in expanded:
        return node_id(key.kind.value, key.title), None
    steps = [index for index, _ in _inference_steps(expanded[key])]
    if kind is EdgeKind.UNDERCUT:
        index = ref.conclusion_index if ref.conclusion_index in steps else steps[-1]
        return _inference_id(key.title, index), None
    return _inference_id(key.title, steps[-1]), node_id(ClusterKind.ARGUMENT, key.title)


def _edges(context: MapContext, view: View, expanded: dict[Ref, MergedArgument], inside: dict[Ref, str]) -> list[Edge]:
    edges = []
    for link in view.links:
        if link.kind in (EdgeKind.PREMISE, EdgeKind.CONCLUSION):
            continue  # drawn from the argument's steps below
        tail, tail_cluster = _endpoint(link.tail, expanded)
        head, head_cluster = _endpoint(link.head, expanded, link.kind)
        if tail_cluster is not None and inside.get(element_key(link.head)) == tail_cluster:
            tail_cluster = None  # Graphviz cannot clip an edge at a cluster holding both ends
        if head_cluster is not None and inside.get(link.tail) == head_cluster:
            head_cluster = None
        edges.append(
            Edge(
                tail=tail,
                head=head,
                kind=link.kind,
                tooltip=_link_tooltip(context, link),
                cross_position=_crosses_positions(context, link.tail, element_key(link.head)),
                implicit=link.relation is None,
                tail_cluster=tail_cluster,
                head_cluster=head_cluster,
                reconstructed=link.relation is not None and link.relation.reconstructed is not None,
            )
        )
    for ref, argument in expanded.items():
        edges.extend(_step_edges(context.map, ref, argument))
    order = {node: n for n, node in enumerate(_node_order(context, view, expanded))}
    return sorted(edges, key=lambda e: (order.get(e.tail, 0), order.get(e.head, 0), e.kind.value))


def _node_order(context: MapContext, view: View, expanded) -> list[str]:
    ids = []
    for ref in _sorted_refs(context, view.elements):
        if ref in expanded:
            ids.extend(_inference_id(ref.title, index) for index, _ in _inference_steps(expanded[ref]))
        else:
            ids.append(node_id(ref.kind.value, ref.title))
    return ids


def _step_edges(argument_map: ArgumentMap, ref: Ref, argument: MergedArgument) -> list[Edge]:
    """premise → inference bar → conclusion, for each inference of an expanded argument."""
    edges = []
    for index, premises in _inference_steps(argument):
        bar = _inference_id(ref.title, index)
        for premise in premises:
            statement = argument.pcs[premise].statement
            tooltip = f"({premise + 1}) {name_of(argument_map, Ref(Kind.STATEMENT, statement))}"
            edges.append(Edge(node_id(NodeKind.STATEMENT, statement), bar, EdgeKind.PREMISE, tooltip, implicit=True))
        conclusion = argument.pcs[index].statement
        tooltip = f"({index + 1}) {name_of(argument_map, Ref(Kind.STATEMENT, conclusion))}"
        edges.append(Edge(bar, node_id(NodeKind.STATEMENT, conclusion), EdgeKind.CONCLUSION, tooltip, implicit=True))
    return edges


_VERBS = {
    EdgeKind.SUPPORT: "supports",
    EdgeKind.ATTACK: "attacks",
    EdgeKind.UNDERCUT: "undercuts",
    EdgeKind.CONTRADICTORY: "contradicts",
    EdgeKind.ENTAILS: "entails",
    EdgeKind.CONTRARY: "is contrary to",
}


def _link_tooltip(context: MapContext, link: Link) -> str:
    target = name_of(context.map, link.head)
    if link.head.conclusion_index is not None:
        argument = context.map.arguments.get(link.head.title)
        if argument is not None and link.head.conclusion_index < len(argument.pcs):
            target = f"the inference to ({link.head.conclusion_index + 1}) of {target}"
    text = f"{name_of(context.map, link.tail)} {_VERBS[link.kind]} {target}"
    if link.relation is None:
        text += " (from the argument's premise–conclusion structure)"
    else:
        numbers = [str(b.number) for b in badges_of(context, link.relation.sources)]
        if numbers:
            text += f" — source{'s' * (len(numbers) > 1)} {', '.join(numbers)}"
        note = link.relation.reconstructed
        if note is not None:
            text += " — reconstructed by the mapper" + (f": {note}" if note else "")
    return shorten(clean(text))


def _crosses_positions(context: MapContext, a: Ref, b: Ref) -> bool:
    first, second = context.declared.get(a), context.declared.get(b)
    return first is not None and second is not None and first != second


# ---------------------------------------------------------------- legend


def _legend(context: MapContext, nodes: list[Node], edges: list[Edge]) -> Legend:
    kinds = tuple(k for k in (NodeKind.STATEMENT, NodeKind.ARGUMENT) if any(n.kind is k for n in nodes))
    if any(n.kind is NodeKind.INFERENCE for n in nodes):
        kinds += (NodeKind.INFERENCE,)
    positions = tuple(LegendPosition(p.tag, clean(p.label), context.colours[p.tag]) for p in context.map.positions)
    edge_kinds = tuple(k for k in EdgeKind if k.is_relation and any(e.kind is k for e in edges))
    shown = {b.source for n in nodes for b in n.badges}
    sources = tuple(
        LegendSource(number, s.id, clean(s.publisher), clean(s.title), clean(s.date), s.url if is_http_url(s.url) else "")
        for number, s in enumerate(context.map.sources, 1)
        if s.id in shown
    )
    cross = any(e.cross_position for e in edges)
    reconstructed = any(n.reconstructed for n in nodes) or any(e.reconstructed for e in edges)
    return Legend(kinds, positions, edge_kinds, cross, sources, reconstructed=reconstructed)
