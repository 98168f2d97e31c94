"""``argmap render --pages``: the map cut into pages, each a graph of its own.

Every element has one home page: its position's (an element inside an
expanded argument goes with the argument), or, when the map declares no
positions, its section's; what has neither shares a page. A page too big to
print readably keeps as much as fits, in the order of dot's layout of it
(:func:`reading_order`), and the rest goes on to the next page.

A relation to an element on another page is not dropped: the element is
drawn on this page as a stub, a dashed box with its title and where it is
("Pressure, p. 3"), and the relation runs to the stub in its own style.
Pure: no Graphviz; :mod:`argmap.publish.page_set` measures and renders.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from .clusters import used_clusters
from .graph_types import Cluster, ClusterKind, Edge, EdgeKind, Graph, Node, NodeKind
from .pages import Layout, ranks_of, units_of

NO_POSITION = "No single position"
NO_SECTION = "Outside any section"


@dataclass(frozen=True, slots=True)
class Sheet:
    """The elements one page shows: its heading and its nodes' ids, in the graph's order."""

    title: str
    nodes: tuple[str, ...]


# ---------------------------------------------------------------- home pages


def sheets_by_position(graph: Graph) -> list[Sheet]:
    """A page per declared position, in order, then one for what has no single position."""
    cluster_position = {c.id: c.position for c in graph.clusters if c.kind is ClusterKind.ARGUMENT}
    home: dict[str | None, list[str]] = defaultdict(list)
    for node in graph.nodes:
        position = cluster_position[node.cluster] if node.cluster in cluster_position else node.position
        home[position].append(node.id)
    sheets = [Sheet(p.label, tuple(home[p.tag])) for p in graph.positions if home.get(p.tag)]
    return sheets + ([Sheet(NO_POSITION, tuple(home[None]))] if home.get(None) else [])


def sheets_by_section(graph: Graph) -> list[Sheet]:
    """A page per outermost section (``graph`` grouped by section), then one for what is in none."""
    clusters = {c.id: c for c in graph.clusters}
    home: dict[str | None, list[str]] = defaultdict(list)
    for node in graph.nodes:
        section, cluster = None, clusters.get(node.cluster)
        while cluster is not None:
            section = cluster.id if cluster.kind is ClusterKind.SECTION else section
            cluster = clusters.get(cluster.parent)
        home[section].append(node.id)
    sections = [c for c in graph.clusters if c.id in home]
    sheets = [Sheet(" ".join(c.label_lines) or "Section", tuple(home[c.id])) for c in sections]
    return sheets + ([Sheet(NO_SECTION, tuple(home[None]))] if home.get(None) else [])


# ---------------------------------------------------------------- a page's graph


def page_graph(graph: Graph, sheet: Sheet, place: dict[str, str], number: int, count: int) -> Graph:
    """The graph of one page: its nodes, stubs for the other ends of relations that leave it, and its frames.

    ``place``: where each node of the whole map is, as stubs say it ("Pressure, p. 3").
    """
    mine = set(sheet.nodes)
    by_id = {node.id: node for node in graph.nodes}
    labels = {c.id: c for c in graph.clusters}
    nodes = [by_id[n] for n in sheet.nodes]
    stubs: dict[str, Node] = {}
    edges = []
    for edge in graph.edges:
        tail_here, head_here = edge.tail in mine, edge.head in mine
        if tail_here and head_here:
            edges.append(edge)
        elif tail_here or head_here:
            away = edge.head if tail_here else edge.tail
            stub = stubs.setdefault(away, _stub(by_id[away], labels, place[away]))
            if tail_here:
                edges.append(dataclasses.replace(edge, head=stub.id, head_cluster=None))
            else:
                edges.append(dataclasses.replace(edge, tail=stub.id, tail_cluster=None))
    nodes += stubs.values()
    clusters = used_clusters(list(graph.clusters), nodes)
    caption = f"{sheet.title} · page {number} of {count}"
    title = f"{graph.title}; page {number} of {count}: {sheet.title}"
    away = sorted({place[a] for a in stubs})
    description = f"{sheet.title}. " + (f"Relations to elements on other pages: {'; '.join(away)}." if away else "No relations to other pages.")
    return dataclasses.replace(graph, nodes=tuple(nodes), edges=tuple(edges), clusters=tuple(clusters), legend=None, title=title, description=description, caption=caption)


def _stub(node: Node, clusters: dict[str, Cluster], where: str) -> Node:
    """An element of another page, named: its title (an inference bar: its argument's), and its page."""
    frame = clusters.get(node.cluster)
    words = node.title_lines or (frame.label_lines if node.kind is NodeKind.INFERENCE and frame else ()) or node.text_lines[:2]
    digest = hashlib.sha1(node.id.encode("utf-8")).hexdigest()[:8]
    return Node(f"stub_{digest}", NodeKind.STUB, tuple(words), (f"on {where}",), f"{node.tooltip}\n\nOn {where}.", node.color, node.position)


def legend_graph(graph: Graph, number: int, count: int) -> Graph:
    """A page with the whole map's legend alone: the map's pages leave it out, as it is as wide as a page."""
    caption = f"Legend · page {number} of {count}"
    legend = dataclasses.replace(graph.legend, node_kinds=(*graph.legend.node_kinds, NodeKind.STUB)) if graph.legend else None
    return Graph((), (), (), legend, graph.rankdir, graph.positions, f"{graph.title}; {caption}", "What the boxes, lines and numbers on the pages mean.", caption=caption)


# ---------------------------------------------------------------- too big for a page


def reading_order(sheet: Sheet, graph: Graph, layout: Layout) -> list[tuple[str, ...]]:
    """The sheet's nodes in groups that stay together (an expanded argument), in the order dot's
    layout of the page has them along its ranks: left to right (TB) or top to bottom (LR).

    A page too big for the paper keeps the longest run of these groups that
    fits, and the rest goes on the next page: what is side by side stays
    together, and a cut falls where the layout has one.
    """
    names = [n for n in sheet.nodes if n in layout.nodes]
    units = units_of(graph, names)
    rank = ranks_of(layout, names, graph.rankdir)

    def place(key: str) -> tuple[float, float, str]:
        spots = [layout.nodes[n].x if graph.rankdir == "TB" else -layout.nodes[n].y for n in units[key]]
        return (sum(spots) / len(spots), min(rank[n] for n in units[key]), key)

    order = sorted(units, key=place)
    missing = tuple(n for n in sheet.nodes if n not in layout.nodes)
    return [tuple(units[key]) for key in order] + ([missing] if missing else [])


# ---------------------------------------------------------------- contents


def contents_graph(graph: Graph, sheets: list[Sheet], numbers: list[int], homes: list[str]) -> Graph:
    """A first page for a map without positions: one box per home page (section) with its page
    numbers and counts, and an arrow for the supports and one for the attacks between two of them."""
    home_of = {node: homes[index] for index, sheet in enumerate(sheets) for node in sheet.nodes}
    order = list(dict.fromkeys(homes))
    ids = {home: f"contents_{n}" for n, home in enumerate(order, 1)}
    pages: dict[str, list[int]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for index, sheet in enumerate(sheets):
        pages[homes[index]].append(numbers[index])
        counts[homes[index]] += len(sheet.nodes)
    nodes = [
        Node(ids[home], NodeKind.STATEMENT, (home,), (_page_span(pages[home]), f"{counts[home]} element{'s' * (counts[home] != 1)}"), f"{home}: {_page_span(pages[home])}")
        for home in order
    ]
    pairs: dict[tuple[str, str, EdgeKind], int] = defaultdict(int)
    for edge in graph.edges:
        tail, head = home_of.get(edge.tail), home_of.get(edge.head)
        if tail and head and tail != head and edge.kind.is_relation:
            kind = EdgeKind.SUPPORT if edge.kind in (EdgeKind.SUPPORT, EdgeKind.ENTAILS) else EdgeKind.ATTACK
            pairs[(tail, head, kind)] += 1
    edges = [Edge(ids[t], ids[h], kind, f"{count} {kind.value}{'s' * (count != 1)} from {t} to {h}") for (t, h, kind), count in sorted(pairs.items(), key=lambda item: (order.index(item[0][0]), order.index(item[0][1]), item[0][2].value))]
    title = f"{graph.title}; page 1: contents"
    return Graph(tuple(nodes), tuple(edges), (), None, "TB", graph.positions, title, "The pages that follow, and the relations between them.", caption="Contents · page 1")


def _page_span(numbers: list[int]) -> str:
    return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {numbers[0]}–{numbers[-1]}"
