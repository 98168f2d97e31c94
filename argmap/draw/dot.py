"""Rendering, step 2: the graph object → DOT text.

:func:`to_dot` writes deterministic DOT: ids come from the graph, the order is
the graph's, and every piece of input text is escaped for the place it goes
(:mod:`argmap.draw.escaping`). Labels are HTML-like tables; the legend is a
cluster of its own. A theme (:mod:`argmap.draw.themes`) decides colours,
fonts and line weights. Pure: this module runs no Graphviz
(:mod:`argmap.draw.graphviz` does).
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from ..core.text import clean
from .big_maps import big_map_attributes
from .escaping import Html, attributes, html_text, html_url, quoted_tooltip
from .evaluation_marks import verdict_row, verdicts_table
from .graph_types import Badge, Cluster, ClusterKind, Edge, EdgeKind, Graph, Legend, Node, NodeKind
from .pages import page_lines
from .themes import BADGE_FILL, BADGE_SPACING, DEFAULT_LOOK, DEFAULT_THEME, NEUTRAL_BORDER, NEUTRAL_FILL, Look, Mark, Theme, tint

PNG_DPI = 96  # Graphviz's default for PNG: one inch is 96 pixels


# ---------------------------------------------------------------- labels


def badge_cells(badges: Iterable[Badge], look: Look = DEFAULT_LOOK) -> str:
    theme = look.theme
    cells = []
    for badge in badges:
        link = f' HREF="{html_url(badge.url)}" TARGET="_blank"' if badge.url else ""
        tip = html_text(f"Source {badge.number}: {badge.description}")
        size = f'FIXEDSIZE="TRUE" WIDTH="{theme.badge_width}" HEIGHT="{theme.badge_height}"'
        cells.append(f'<TD BGCOLOR="{BADGE_FILL}" {size} TITLE="{tip}"{link}><FONT COLOR="#FFFFFF" POINT-SIZE="{theme.badge_size}">{badge.number}</FONT></TD>')
    return "".join(cells)


def badge_row(badges: tuple[Badge, ...], look: Look = DEFAULT_LOOK) -> str:
    if not badges:
        return ""
    # A fixed-size table: Graphviz would otherwise stretch the badges to the node's width.
    width = len(badges) * look.theme.badge_width + (len(badges) + 1) * BADGE_SPACING
    height = look.theme.badge_height + 2 * BADGE_SPACING
    size = f'FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}"'
    inner = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{BADGE_SPACING}" CELLPADDING="0" {size}><TR>{badge_cells(badges, look)}</TR></TABLE>'
    return f'<TR><TD>{inner}</TD></TR>'


def lines_cell(lines: Iterable[str], bold: bool = False, size: int | None = None) -> str:
    shown = [html_text(line) for line in lines]
    if bold:
        shown = [f"<B>{line}</B>" for line in shown]
    body = "<BR/>".join(shown)
    if size is not None:
        body = f'<FONT POINT-SIZE="{size}">{body}</FONT>'
    return f"<TR><TD>{body}</TD></TR>"


def mark_cell(mark: Mark | None) -> str:
    """The position's short label, in italics, atop a box (print and mono themes)."""
    return f"<TR><TD><I>{html_text(mark.label)}</I></TD></TR>" if mark else ""


def _table(rows: list[str]) -> Html:
    """Rows stacked in a borderless table: the body of every HTML-like label."""
    body = "".join(rows) or "<TR><TD> </TD></TR>"
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{body}</TABLE>')


def node_label(node: Node, look: Look = DEFAULT_LOOK) -> Html:
    mark = look.mark(node.position) if look.marks else None
    return _element_table(mark, node.title_lines, node.text_lines, node.badges, look, node.verdict, node.voice)


def inference_label(node: Node, look: Look = DEFAULT_LOOK) -> Html:
    """An inference bar: a line in the argument's colour, the inference rules under it."""
    colour = look.border(node.color)
    rows = [f'<TR><TD BGCOLOR="{colour}" HEIGHT="4" WIDTH="90" FIXEDSIZE="FALSE"></TD></TR>']
    if node.text_lines:
        rows.append(lines_cell(node.text_lines, size=look.theme.inference_size))
    return _table(rows)


def cluster_label(cluster: Cluster, look: Look = DEFAULT_LOOK) -> Html:
    mark = look.mark(_cluster_position(cluster, look)) if cluster.kind is ClusterKind.ARGUMENT else None
    return _element_table(mark, cluster.label_lines, cluster.text_lines, cluster.badges, look, cluster.verdict, cluster.voice)


def _element_table(mark: Mark | None, title_lines, text_lines, badges, look: Look, verdict: str = "", voice: str = "") -> Html:
    """An element's label, for a node or an argument's cluster: grounded label (--evaluate), mark,
    whose voice (italic), bold title, text, source badges."""
    rows = [verdict_row(verdict, look)] if verdict else []
    if mark is not None:
        rows.append(mark_cell(mark))
    if voice:
        rows.append(f'<TR><TD><FONT POINT-SIZE="{look.theme.voice_size}"><I>{html_text(voice)}</I></FONT></TD></TR>')
    if title_lines:
        rows.append(lines_cell(title_lines, bold=True))
    if text_lines:
        rows.append(lines_cell(text_lines))
    rows.append(badge_row(badges, look))
    return _table(rows)


# ---------------------------------------------------------------- DOT statements


def _line(style: str, mark: Mark | None) -> str:
    """A node's or frame's style with the position's border line added (print and mono)."""
    return f"{style},{mark.style}" if mark is not None and mark.style != "solid" else style


def _dashed(style: str, reconstructed: bool, look: Look) -> str:
    """The mapper's reconstruction has a dashed outline. Where border lines stand
    for positions (print, mono) it keeps its position's line: its label says it
    is the mapper's."""
    return f"{style},dashed" if reconstructed and not look.marks else style


def node_attributes(node: Node, look: Look = DEFAULT_LOOK) -> list[tuple[str, str]]:
    colour = look.border(node.color)
    if node.kind is NodeKind.INFERENCE:
        return [("shape", "plain"), ("label", inference_label(node, look)), ("tooltip", quoted_tooltip(node.tooltip))]
    mark = look.mark(node.position)
    if node.kind is NodeKind.STUB:  # --pages: an element of another page, a dashed outline
        return [("shape", "box"), ("style", "dashed,rounded"), ("color", colour), ("penwidth", "1.2"), ("label", node_label(node, look)), ("tooltip", quoted_tooltip(node.tooltip))]
    if node.kind is NodeKind.ARGUMENT:
        shape = [("shape", "box"), ("style", _line(_dashed("rounded,filled", node.reconstructed, look), mark)), ("fillcolor", look.fill(node.color, node.position))]
    else:
        shape = [("shape", "box"), ("style", _line(_dashed("filled", node.reconstructed, look), mark)), ("fillcolor", "#FFFFFF")]
    if mark is not None and mark.peripheries > 1:
        shape.append(("peripheries", str(mark.peripheries)))
    return shape + [
        ("color", colour),
        ("penwidth", mark.penwidth if mark is not None else "2" if node.color else "1.2"),
        ("label", node_label(node, look)),
        ("tooltip", quoted_tooltip(node.tooltip)),
    ]


def edge_attributes(edge: Edge, look: Look = DEFAULT_LOOK) -> list[tuple[str, str]]:
    theme = look.theme
    style = theme.edges[edge.kind]
    pairs = [("color", style.color), ("style", style.style), ("arrowhead", style.arrowhead)]
    if style.dir != "forward":
        pairs += [("dir", style.dir), ("arrowtail", style.arrowtail)]
    if edge.kind.is_relation:
        pairs.append(("penwidth", str(theme.cross_penwidth if edge.cross_position else theme.penwidth)))
    if edge.reconstructed and style.dir == "forward":  # the mapper's link: an open circle where it starts
        pairs += [("dir", "both"), ("arrowtail", "odot")]
    if edge.kind is EdgeKind.PREMISE:
        pairs.append(("weight", "4"))  # keep an argument's inside compact
    if edge.tail_cluster:
        pairs.append(("ltail", edge.tail_cluster))
    if edge.head_cluster:
        pairs.append(("lhead", edge.head_cluster))
    if not edge.constraint:
        pairs.append(("constraint", "false"))
    pairs.append(("tooltip", quoted_tooltip(edge.tooltip)))
    return pairs


def cluster_attributes(cluster: Cluster, look: Look = DEFAULT_LOOK) -> list[tuple[str, str]]:
    pairs = [("label", cluster_label(cluster, look)), ("tooltip", quoted_tooltip(cluster.tooltip))]
    colour = look.border(cluster.color)
    if cluster.kind is ClusterKind.ARGUMENT:
        position = _cluster_position(cluster, look)
        fill = "#F5F5F5" if not cluster.color or look.theme.grey else tint(cluster.color, 0.18)
        style = _dashed("rounded,filled", cluster.reconstructed, look)
        pairs += [("style", _line(style, look.mark(position))), ("fillcolor", fill), ("color", colour), ("penwidth", "1.5")]
    elif cluster.kind is ClusterKind.POSITION:
        position = _cluster_position(cluster, look)
        fill = "#FAFAFA" if look.theme.grey else tint(cluster.color, 0.08)
        pairs += [("style", _line("rounded,filled", look.mark(position))), ("fillcolor", fill), ("color", colour), ("penwidth", "1.5")]
    else:
        pairs += [("style", "rounded,dashed"), ("color", look.theme.group_border)]
    pairs.append(("labeljust", "l"))
    return pairs


def _cluster_position(cluster: Cluster, look: Look) -> str | None:
    """The position a frame stands for, when the theme marks positions."""
    return cluster.position if look.marks else None


def _indent(lines: list[str], level: int) -> list[str]:
    return ["  " * level + line for line in lines]


def cluster_block(cluster: Cluster, children: dict[str | None, list[Cluster]], members: dict[str | None, list[Node]], level: int, look: Look = DEFAULT_LOOK) -> list[str]:
    lines = [f"subgraph {cluster.id} {{"]
    lines += _indent([f"graph {attributes(cluster_attributes(cluster, look))};"], 1)
    lines += _indent([f"{n.id} {attributes(node_attributes(n, look))};" for n in members.get(cluster.id, [])], 1)
    for child in children.get(cluster.id, []):
        lines += _indent(cluster_block(child, children, members, level + 1, look), 1)
    lines.append("}")
    return lines


def to_dot(graph: Graph, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> str:
    """The graph as DOT text: deterministic, every input string escaped.

    ``max_width`` (pixels) caps the drawing's size for raster output, at
    Graphviz's 96 pixels per inch; SVG is capped in :func:`finish_svg`.
    """
    look = Look.of(graph, theme)
    lines = ['digraph "argmap" {']
    lines += _indent(header(graph, look, max_width), 1)
    children: dict[str | None, list[Cluster]] = {}
    for cluster in graph.clusters:
        children.setdefault(cluster.parent, []).append(cluster)
    members: dict[str | None, list[Node]] = {}
    for node in graph.nodes:
        members.setdefault(node.cluster, []).append(node)
    for cluster in children.get(None, []):
        lines += _indent(cluster_block(cluster, children, members, 1, look), 1)
    lines += _indent([f"{n.id} {attributes(node_attributes(n, look))};" for n in members.get(None, [])], 1)
    lines += _indent([f"{e.tail} -> {e.head} {attributes(edge_attributes(e, look))};" for e in graph.edges], 1)
    if graph.legend is not None:
        lines += _indent(legend_block(graph.legend, graph.rankdir, look), 1)
    lines += _indent(page_lines(graph), 1)
    lines.append("}")
    return "\n".join(lines) + "\n"


def header(graph: Graph, look: Look = DEFAULT_LOOK, max_width: int | None = None) -> list[str]:
    theme = look.theme
    graph_attributes = [
        ("rankdir", graph.rankdir),
        ("compound", "true"),
        ("newrank", "true"),
        ("fontname", theme.font),
        ("fontsize", str(theme.label_size)),
        ("nodesep", "0.3"),
        ("ranksep", "0.5"),
        ("pad", "0.2"),
        ("outputorder", "edgesfirst"),
        ("tooltip", quoted_tooltip("Argument map")),
    ]
    if max_width is not None:
        graph_attributes.append(("size", f"{max_width / PNG_DPI:.4g},{10_000:d}"))  # only ever shrinks
    graph_attributes += big_map_attributes(len(graph.nodes))  # dot's time bounded on big maps
    return [
        f"graph {attributes(graph_attributes)};",
        f"node {attributes([('fontname', theme.font), ('fontsize', str(theme.node_size)), ('margin', '0.1,0.05')])};",
        f"edge {attributes([('fontname', theme.font), ('fontsize', str(theme.edge_size)), ('arrowsize', f'{theme.arrowsize:g}')])};",
    ]


# ---------------------------------------------------------------- legend


def legend_block(legend: Legend, rankdir: str = "TB", look: Look = DEFAULT_LOOK) -> list[str]:
    """The legend as a cluster: node kinds, positions, relation styles, sources.

    Everything sits on one rank, chained by invisible edges: stacked, the
    legend would take one of the map's (tall) ranks per line. Graphviz turns
    a TB layout's left-to-right into bottom-to-top for LR, so there the chain
    is reversed to read from the top, and each sample edge crosses to a
    second column of labels (along the column it would take a tall gap).
    """
    reverse = rankdir == "LR"
    body: list[str] = [f"graph {attributes(legend_cluster_attributes(look))};"]
    row: list[str] = []
    for name, pairs in legend_kind_nodes(legend, look):
        body.append(f"{name} {attributes(pairs)};")
        row.append(name)
    if legend.positions:
        body.append(f"legend_positions {attributes([('shape', 'plain'), ('label', positions_table(legend, look))])};")
        row.append("legend_positions")
    if legend.verdicts:
        body.append(f"legend_verdicts {attributes([('shape', 'plain'), ('label', verdicts_table(legend.verdicts, look))])};")
        row.append("legend_verdicts")
    samples: set[str] = set()  # the second node of each sample, not chained by an invisible edge
    beside: list[str] = []  # LR: the samples' labels, a column of their own
    for kind, note in legend_relations(legend):
        tail, head = f"legend_{kind.value}_{note}_from", f"legend_{kind.value}_{note}_to"
        label = {"style": look.theme.edges[kind].label, "cross": "between positions", "mapper": "the mapper's link"}[note]
        # LR: as tall as its label beside it, so each sample lines up with its label
        start = [("shape", "none"), ("label", ""), ("width", "0.02"), ("height", "0.25"), ("fixedsize", "true")] if reverse else [("shape", "point"), ("width", "0.02"), ("color", "#FFFFFF")]
        body.append(f"{tail} {attributes(start)};")
        body.append(f"{head} {attributes([('shape', 'plaintext'), ('label', Html(html_text(label))), ('fontsize', str(look.theme.edge_size))])};")
        pairs = edge_attributes(Edge(tail, head, kind, label, cross_position=note == "cross", reconstructed=note == "mapper"), look)
        body.append(f"{tail} -> {head} {attributes(pairs)};")
        row += [tail] if reverse else [tail, head]
        beside += [head] if reverse else []
        samples.add(head)
    if legend.sources:
        body.append(f"legend_sources {attributes([('shape', 'plain'), ('label', sources_table(legend, look))])};")
        row.append("legend_sources")
    if reverse:
        row.reverse()
    invisible = attributes([("style", "invis")])
    beside.reverse()
    for column in (row, beside):
        if column:
            body.append("{rank=same; " + "; ".join(column) + "}")
        body += [f"{left} -> {right} {invisible};" for left, right in zip(column, column[1:]) if column is beside or right not in samples]
    return ["subgraph cluster_legend {"] + _indent(body, 1) + ["}"]


def reversed_edge(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same look for an edge written head -> tail (dir=back swaps the arrowheads)."""
    values = dict(pairs)
    if values.get("dir") == "both":  # a symmetric edge reads the same both ways; the mapper's link swaps its ends
        if values.get("arrowtail") == values.get("arrowhead"):
            return pairs
        return [(k, {"arrowhead": values["arrowtail"], "arrowtail": values["arrowhead"]}.get(k, v)) for k, v in pairs]
    changed = [(k, v) for k, v in pairs if k not in ("arrowhead", "arrowtail", "dir")]
    return changed + [("dir", "back"), ("arrowtail", values.get("arrowhead", "normal")), ("arrowhead", "none")]


def legend_cluster_attributes(look: Look = DEFAULT_LOOK) -> list[tuple[str, str]]:
    return [
        ("label", Html("<B>Legend</B>")),
        ("style", "rounded"),
        ("color", look.theme.legend_border),
        ("labeljust", "l"),
        ("tooltip", quoted_tooltip("Legend")),
    ]


def legend_kind_nodes(legend: Legend, look: Look = DEFAULT_LOOK) -> list[tuple[str, list[tuple[str, str]]]]:
    samples = {
        NodeKind.STATEMENT: Node("legend_statement", NodeKind.STATEMENT, (), ("statement",), "A statement"),
        NodeKind.ARGUMENT: Node("legend_argument", NodeKind.ARGUMENT, (), ("argument",), "An argument"),
        NodeKind.INFERENCE: Node("legend_inference", NodeKind.INFERENCE, (), ("inference (rules)",), "An inference step"),
        NodeKind.STUB: Node("legend_stub", NodeKind.STUB, (), ("on another page",), "An element drawn on another page"),
    }
    shown = [samples[k] for k in legend.node_kinds]
    if legend.reconstructed:
        shown.append(Node("legend_reconstructed", NodeKind.STATEMENT, (), ("reconstructed by the mapper",), "The mapper's, not the article's", reconstructed=True))
    return [(node.id, node_attributes(node, look)) for node in shown]


def legend_relations(legend: Legend) -> list[tuple[EdgeKind, str]]:
    rows = [(kind, "style") for kind in legend.edge_kinds]
    if legend.cross_position and legend.edge_kinds:
        rows.append((legend.edge_kinds[0], "cross"))
    if legend.reconstructed and legend.edge_kinds:
        rows.append((EdgeKind.SUPPORT, "mapper"))
    return rows


def positions_table(legend: Legend, look: Look = DEFAULT_LOOK) -> Html:
    rows = []
    for position in legend.positions:
        rows.append(f'<TR>{position_swatch(position.tag, position.color, look)}<TD ALIGN="LEFT">{html_text(position.label)}</TD></TR>')
    rows.append(f'<TR><TD BGCOLOR="{NEUTRAL_FILL}" COLOR="{NEUTRAL_BORDER}" BORDER="1" WIDTH="16"> </TD><TD ALIGN="LEFT">no single position</TD></TR>')
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2"><TR><TD COLSPAN="2" ALIGN="LEFT"><B>Positions</B></TD></TR>{"".join(rows)}</TABLE>')


def position_swatch(tag: str, colour: str, look: Look = DEFAULT_LOOK) -> str:
    """A small box with a position's fill and border: its colour, and in print and mono its border line."""
    fill, border, mark = look.fill(colour, tag), look.border(colour), look.mark(tag)
    if mark is None:
        return f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="2" WIDTH="16"> </TD>'
    line = f' STYLE="{mark.style}"' if mark.style != "solid" else ""
    if mark.peripheries == 1:
        return f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="2"{line} WIDTH="16"> </TD>'
    inner = f'<TABLE BORDER="1" COLOR="{border}"{line} CELLBORDER="0" CELLSPACING="0" BGCOLOR="{fill}"><TR><TD WIDTH="10" HEIGHT="8"> </TD></TR></TABLE>'
    return f'<TD BORDER="1" COLOR="{border}"{line} CELLPADDING="2">{inner}</TD>'


def sources_table(legend: Legend, look: Look = DEFAULT_LOOK) -> Html:
    rows = []
    for source in legend.sources:
        badge = badge_cells([Badge(source.number, source.id, source.description, source.url)], look)
        name = source.name
        link = f' HREF="{html_url(source.url)}" TARGET="_blank" TITLE="{html_text(source.url)}"' if source.url else ""
        wrapped = "<BR ALIGN=\"LEFT\"/>".join(html_text(line) for line in _wrap(name, 48))
        rows.append(f'<TR>{badge}<TD ALIGN="LEFT" BALIGN="LEFT"{link}>{wrapped}</TD><TD ALIGN="LEFT">{html_text(source.date)}</TD></TR>')
    header = '<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Sources</B></TD></TR>'
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">{header}{"".join(rows)}</TABLE>')


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(clean(text), width=width, max_lines=3, placeholder=" …") or [""]

