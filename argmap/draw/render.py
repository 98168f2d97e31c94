"""Rendering, steps 2 and 3: the graph object → DOT text → Graphviz output.

:func:`to_dot` writes deterministic DOT: ids come from the graph, the order is
the graph's, and every piece of input text is escaped for the place it goes
(HTML-like labels, quoted tooltips, URLs), so no title can change the graph's
structure. :func:`run_dot` is the one place that runs Graphviz's ``dot``.

The escaping rules follow what Graphviz (2.42/2.43, as Debian and Ubuntu ship
it) does with text; the SVG tests check them against the real ``dot``:

* HTML-like labels and their attributes: XML entities are decoded, then
  backslash escapes (``\\N``, ``\\G``, …) expanded once, so ``\\`` → ``\\\\``.
* quoted tooltips: backslash escapes are expanded twice, so ``\\`` is written
  as four; ``&`` is written as ``&amp;`` because Graphviz copies entities to
  the SVG unchanged.
* URLs are copied to the SVG without escaping, so they are handed over
  already XML-escaped (and only http(s) URLs get this far, see graph.py).

A :class:`Theme` decides colours, fonts and line weights: ``default`` for the
screen, ``print`` and ``mono`` for paper and projectors, where every position
also gets its own border line and a short label in its boxes, since
greyscale loses the colours (``mono`` uses greys only). SVG output is then
finished with an XML library (:func:`finish_svg`): a ``<title>`` and
``<desc>`` for screen readers, an optional maximum width, nothing external.
"""

from __future__ import annotations

import html
import re
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import graphviz
from graphviz.backend import execute

from ..core.errors import ArgmapError
from .graph import Badge, Cluster, ClusterKind, Edge, EdgeKind, Graph, Legend, Node, NodeKind, clean, is_http_url, wrap_lines

FORMATS = ("svg", "png", "pdf", "dot", "json")
BINARY_FORMATS = ("svg", "png", "pdf")  # never to stdout: they need -o FILE
EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".json": "json", ".html": "html", ".htm": "html"}
WIDTH_FORMATS = ("svg", "png", "html")  # what --width can cap
PNG_DPI = 96  # Graphviz's default for PNG: one inch is 96 pixels

FONT = "Helvetica,Arial,sans-serif"
NEUTRAL_BORDER = "#7F7F7F"
NEUTRAL_FILL = "#EDEDED"
BADGE_FILL = "#4D4D4D"
BADGE_WIDTH, BADGE_HEIGHT, BADGE_SPACING = 16, 11, 2  # points; two digits fit
PENWIDTH = 1.4
CROSS_PENWIDTH = 3.0  # relations between positions are the point of the map
TINT = 0.3  # argument fill: this much of the position colour, the rest white


class GraphvizError(ArgmapError):
    """Graphviz is missing, failed or timed out: exit status 3, not an input error."""


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """Colour, line and arrowhead all differ, so a greyscale print still tells relations apart."""

    color: str
    style: str
    arrowhead: str
    label: str
    arrowtail: str = "none"
    dir: str = "forward"


# Relation colours: dark, and apart from every Okabe–Ito colour the positions
# take (graph.OKABE_ITO), so an edge never looks like it belongs to a position.
SUPPORT_COLOUR = "#1B7837"  # dark green (the positions' green is a lighter bluish #009E73)
ATTACK_COLOUR = "#B2182B"  # crimson (not the positions' vermilion #D55E00 or orange #E69F00)
UNDERCUT_COLOUR = "#3F007D"  # indigo (not the positions' blues)
CONTRADICTION_COLOUR = "#8C510A"  # brown (not the positions' reddish purple #CC79A7)
STEP_COLOUR = "#555555"  # premise and conclusion lines inside an expanded argument


def edge_styles(support: str, attack: str, undercut: str, contradiction: str) -> dict[EdgeKind, EdgeStyle]:
    """Each relation's line and arrowheads (the same in every theme) with the theme's colours."""
    return {
        EdgeKind.SUPPORT: EdgeStyle(support, "solid", "normal", "supports"),
        EdgeKind.ATTACK: EdgeStyle(attack, "dashed", "tee", "attacks"),
        EdgeKind.UNDERCUT: EdgeStyle(undercut, "dotted", "diamond", "undercuts (an inference)"),
        EdgeKind.CONTRADICTORY: EdgeStyle(f"{contradiction}:invis:{contradiction}", "solid", "box", "contradict each other", "box", "both"),
        EdgeKind.ENTAILS: EdgeStyle(f"{support}:invis:{support}", "solid", "onormal", "entails (strict support)"),
        EdgeKind.CONTRARY: EdgeStyle(f"{attack}:invis:{attack}", "dashed", "otee", "are contrary (strict attack)", "otee", "both"),
        EdgeKind.PREMISE: EdgeStyle(STEP_COLOUR, "solid", "none", "premise"),
        EdgeKind.CONCLUSION: EdgeStyle(STEP_COLOUR, "solid", "normal", "conclusion"),
    }


EDGE_STYLES = edge_styles(SUPPORT_COLOUR, ATTACK_COLOUR, UNDERCUT_COLOUR, CONTRADICTION_COLOUR)


# ---------------------------------------------------------------- themes


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours, fonts (points) and line weights of a map.

    ``marks``: every position also gets a border line of its own (solid,
    dashed, dotted, then the same doubled) and its label in small italics in
    each box, so positions stay apart without colour. ``grey``: no colour at
    all; positions' colours become black borders and grey fills.
    """

    name: str
    edges: Mapping[EdgeKind, EdgeStyle] = field(default_factory=lambda: EDGE_STYLES)
    font: str = FONT
    label_size: int = 11  # cluster labels ("Legend", positions, sources, headings)
    node_size: int = 10  # statements, arguments, the legend's tables
    edge_size: int = 9  # the legend's relation labels
    inference_size: int = 9  # inference rules under an inference bar
    badge_size: int = 8  # source numbers
    badge_width: int = BADGE_WIDTH
    badge_height: int = BADGE_HEIGHT
    penwidth: float = PENWIDTH
    cross_penwidth: float = CROSS_PENWIDTH
    arrowsize: float = 0.8
    legend_border: str = "#BBBBBB"
    group_border: str = "#999999"  # --group-by source and section frames
    marks: bool = False
    grey: bool = False


THEMES = {
    "default": Theme("default"),
    "print": Theme(
        "print", label_size=14, node_size=12, edge_size=11, inference_size=10, badge_size=9, badge_width=18, badge_height=13,
        penwidth=1.8, cross_penwidth=3.6, arrowsize=1.0, legend_border="#666666", group_border="#666666", marks=True,
    ),
    "mono": Theme(
        "mono", edges=edge_styles("#000000", "#000000", "#000000", "#000000"), label_size=14, node_size=12, edge_size=11,
        inference_size=10, badge_size=9, badge_width=18, badge_height=13, penwidth=1.8, cross_penwidth=3.6, arrowsize=1.0,
        legend_border="#666666", group_border="#666666", marks=True, grey=True,
    ),
}
DEFAULT_THEME = THEMES["default"]

# Per position, in declaration order: border line, number of borders, border width.
MARK_CYCLE = (("solid", 1, "2.5"), ("dashed", 1, "2"), ("dotted", 1, "2.5"), ("solid", 2, "1.2"), ("dashed", 2, "1.2"), ("dotted", 2, "1.5"))
GREY_FILLS = ("#D9D9D9", "#F2F2F2", "#BFBFBF", "#E6E6E6", "#CCCCCC", "#FAFAFA")  # mono: argument fills per position
MARK_LABEL_WIDTH = 24  # characters of a position's label shown in its boxes


@dataclass(frozen=True, slots=True)
class Mark:
    """How one position is told apart without colour."""

    style: str  # border line: solid, dashed, dotted
    peripheries: int  # 1, or 2 for a double border
    penwidth: str
    label: str  # the position's label, short, shown in its boxes
    fill: str  # mono: the grey that fills its arguments


@dataclass(frozen=True, slots=True)
class Look:
    """A theme applied to one graph: the theme and the marks of the graph's positions."""

    theme: Theme = DEFAULT_THEME
    marks: Mapping[str, Mark] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: Graph, theme: Theme = DEFAULT_THEME) -> "Look":
        if not theme.marks:
            return cls(theme)
        marks = {}
        for index, position in enumerate(graph.positions):
            style, peripheries, width = MARK_CYCLE[index % len(MARK_CYCLE)]
            label = wrap_lines(position.label, MARK_LABEL_WIDTH, 1)
            marks[position.tag] = Mark(style, peripheries, width, label[0] if label else position.tag, GREY_FILLS[index % len(GREY_FILLS)])
        return cls(theme, marks)

    def mark(self, position: str | None) -> Mark | None:
        return self.marks.get(position) if position else None

    def border(self, colour: str) -> str:
        """A position's colour for lines; black in mono; the neutral grey without a position."""
        if not colour:
            return NEUTRAL_BORDER
        return "#000000" if self.theme.grey else colour

    def fill(self, colour: str, position: str | None, share: float = TINT) -> str:
        """A light fill for a position's colour (mono: its grey)."""
        if not colour:
            return NEUTRAL_FILL
        if self.theme.grey:
            mark = self.mark(position)
            return mark.fill if mark else NEUTRAL_FILL
        return tint(colour, share)


DEFAULT_LOOK = Look()


# ---------------------------------------------------------------- escaping


def html_text(text: str) -> str:
    """Text for an HTML-like label: entities for &<>\", and \\ doubled (Graphviz expands \\N etc.)."""
    return html.escape(clean(text).replace("\\", "\\\\"), quote=True)


def html_url(url: str) -> str:
    """A URL for an HTML-like attribute: XML-escaped twice, as Graphviz decodes once and copies raw."""
    return html_text(url.replace("&", "&amp;"))


def quoted(value: str) -> str:
    """One of our own values (ids, colours, numbers) as a DOT string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_tooltip(text: str) -> Quoted:
    """Input text for a quoted tooltip attribute (Graphviz expands its escapes twice)."""
    text = clean(text).replace("&", "&amp;").replace("\\", "\\\\\\\\").replace('"', '\\"')
    return Quoted('"' + text.replace("\n", "\\n") + '"')


class Html(str):
    """An HTML-like label, written <…> instead of "…"."""


class Quoted(str):
    """A value already escaped and quoted for DOT."""


def attributes(pairs: Iterable[tuple[str, str]]) -> str:
    written = []
    for name, value in pairs:
        if isinstance(value, Html):
            written.append(f"{name}=<{value}>")
        elif isinstance(value, Quoted):
            written.append(f"{name}={value}")
        else:
            written.append(f"{name}={quoted(value)}")
    return "[" + ", ".join(written) + "]"


# ---------------------------------------------------------------- colours


def tint(colour: str, share: float = TINT) -> str:
    """A light version of a hex colour for fills; colour names are used as they are."""
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?", colour):
        return colour
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02X}" for c in channels)


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
    return _element_table(mark, node.title_lines, node.text_lines, node.badges, look)


def inference_label(node: Node, look: Look = DEFAULT_LOOK) -> Html:
    """An inference bar: a line in the argument's colour, the inference rules under it."""
    colour = look.border(node.color)
    rows = [f'<TR><TD BGCOLOR="{colour}" HEIGHT="4" WIDTH="90" FIXEDSIZE="FALSE"></TD></TR>']
    if node.text_lines:
        rows.append(lines_cell(node.text_lines, size=look.theme.inference_size))
    return _table(rows)


def cluster_label(cluster: Cluster, look: Look = DEFAULT_LOOK) -> Html:
    mark = look.mark(_cluster_position(cluster, look)) if cluster.kind is ClusterKind.ARGUMENT else None
    return _element_table(mark, cluster.label_lines, cluster.text_lines, cluster.badges, look)


def _element_table(mark: Mark | None, title_lines, text_lines, badges, look: Look) -> Html:
    """An element's label, for a node or an argument's cluster: mark, bold title, text, source badges."""
    rows = [mark_cell(mark)] if mark is not None else []
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


def node_attributes(node: Node, look: Look = DEFAULT_LOOK) -> list[tuple[str, str]]:
    colour = look.border(node.color)
    if node.kind is NodeKind.INFERENCE:
        return [("shape", "plain"), ("label", inference_label(node, look)), ("tooltip", quoted_tooltip(node.tooltip))]
    mark = look.mark(node.position)
    if node.kind is NodeKind.ARGUMENT:
        shape = [("shape", "box"), ("style", _line("rounded,filled", mark)), ("fillcolor", look.fill(node.color, node.position))]
    else:
        shape = [("shape", "box"), ("style", _line("filled", mark)), ("fillcolor", "#FFFFFF")]
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
    if edge.kind is EdgeKind.PREMISE:
        pairs.append(("weight", "4"))  # keep an argument's inside compact
    if edge.tail_cluster:
        pairs.append(("ltail", edge.tail_cluster))
    if edge.head_cluster:
        pairs.append(("lhead", edge.head_cluster))
    pairs.append(("tooltip", quoted_tooltip(edge.tooltip)))
    return pairs


def cluster_attributes(cluster: Cluster, look: Look = DEFAULT_LOOK) -> list[tuple[str, str]]:
    pairs = [("label", cluster_label(cluster, look)), ("tooltip", quoted_tooltip(cluster.tooltip))]
    colour = look.border(cluster.color)
    if cluster.kind is ClusterKind.ARGUMENT:
        position = _cluster_position(cluster, look)
        fill = "#F5F5F5" if not cluster.color or look.theme.grey else tint(cluster.color, 0.18)
        pairs += [("style", _line("rounded,filled", look.mark(position))), ("fillcolor", fill), ("color", colour), ("penwidth", "1.5")]
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
    and the sample edges are reversed to read from the top.
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
    samples: set[str] = set()  # the second node of each sample, not chained by an invisible edge
    for kind, note in legend_relations(legend):
        tail, head = f"legend_{kind.value}_{note}_from", f"legend_{kind.value}_{note}_to"
        label = look.theme.edges[kind].label if note == "style" else "between positions"
        body.append(f"{tail} {attributes([('shape', 'point'), ('width', '0.02'), ('color', '#FFFFFF')])};")
        body.append(f"{head} {attributes([('shape', 'plaintext'), ('label', Html(html_text(label))), ('fontsize', str(look.theme.edge_size))])};")
        pairs = edge_attributes(Edge(tail, head, kind, label, cross_position=note == "cross"), look)
        if reverse:  # the label comes first in the reversed chain: draw the edge from it, arrow at the far end
            body.append(f"{head} -> {tail} {attributes(reversed_edge(pairs))};")
        else:
            body.append(f"{tail} -> {head} {attributes(pairs)};")
        row += [tail, head]
        samples.add(tail if reverse else head)
    if legend.sources:
        body.append(f"legend_sources {attributes([('shape', 'plain'), ('label', sources_table(legend, look))])};")
        row.append("legend_sources")
    if reverse:
        row.reverse()
    if row:
        body.append("{rank=same; " + "; ".join(row) + "}")
    invisible = attributes([("style", "invis")])
    body += [f"{left} -> {right} {invisible};" for left, right in zip(row, row[1:]) if right not in samples]
    return ["subgraph cluster_legend {"] + _indent(body, 1) + ["}"]


def reversed_edge(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same look for an edge written head -> tail (dir=back swaps the arrowheads)."""
    values = dict(pairs)
    if values.get("dir") == "both":
        return pairs
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
    }
    return [(samples[k].id, node_attributes(samples[k], look)) for k in legend.node_kinds]


def legend_relations(legend: Legend) -> list[tuple[EdgeKind, str]]:
    rows = [(kind, "style") for kind in legend.edge_kinds]
    if legend.cross_position and legend.edge_kinds:
        rows.append((legend.edge_kinds[0], "cross"))
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


# ---------------------------------------------------------------- running dot


def run_dot(dot_text: str, fmt: str, timeout: float) -> bytes:
    """Lay out and draw with Graphviz's dot. The only place that runs it.

    ``graphviz.pipe`` has no timeout, so we call the package's runner (which
    maps a missing executable to ExecutableNotFound) with one; subprocess
    kills dot when the time is up.
    """
    command = [graphviz.DOT_BINARY, "-Kdot", f"-T{fmt}"]
    try:
        process = execute.run_check(command, input=dot_text.encode("utf-8"), capture_output=True, quiet=True, timeout=timeout)
    except graphviz.ExecutableNotFound:
        raise GraphvizError(
            "dot-missing",
            hint="install Graphviz: `sudo apt-get install graphviz` (Debian/Ubuntu), `brew install graphviz` (macOS), or see https://graphviz.org/download/",
        ) from None
    except subprocess.TimeoutExpired:
        raise GraphvizError("dot-timeout", hint="try a smaller view (--focus, --position, --source) or a longer --timeout", seconds=f"{timeout:g}") from None
    except subprocess.CalledProcessError as exc:
        raise GraphvizError("dot-failed", hint="this is a bug in argmap if the DOT came from it; please report it", status=exc.returncode, reason=_first_line(exc.stderr)) from None
    except OSError as exc:
        raise GraphvizError("dot-failed", hint="check that Graphviz's dot can run", status="?", reason=exc.strerror or str(exc)) from None
    return process.stdout


def _first_line(stderr: bytes | str | None) -> str:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else (stderr or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no message"


_SVG_VERSION = re.compile(rb"<!-- Generated by graphviz version[^>]*?-->\r?\n?")
_PDF_DATE = re.compile(rb"/CreationDate \(D:([0-9]{14})([^)]*)\)")


def deterministic(data: bytes, fmt: str) -> bytes:
    """Drop what differs between machines and runs: Graphviz's version, the PDF's date."""
    if fmt == "svg":
        return _SVG_VERSION.sub(b"", data, count=1)
    if fmt == "pdf":
        # same length, so the PDF's cross-reference offsets stay right
        return _PDF_DATE.sub(lambda m: b"/CreationDate (D:19700101000000" + m.group(2) + b")", data)
    return data


# ---------------------------------------------------------------- finishing the SVG

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_SVG = f"{{{SVG_NS}}}"
_HREFS = (f"{{{XLINK_NS}}}href", "href")
_UNWANTED = {f"{_SVG}script", f"{_SVG}foreignObject", f"{_SVG}style", "script", "foreignObject", "style"}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(pt|px)?\s*$")
PX_PER_PT = 4 / 3  # CSS: 96 pixels per inch, 72 points per inch
TITLE_ID, DESC_ID = "argmap-title", "argmap-desc"


def _px(length: str | None) -> float | None:
    match = _LENGTH.match(length or "")
    if match is None:
        return None
    value = float(match.group(1))
    return value * PX_PER_PT if match.group(2) in (None, "pt") else value


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def finish_svg(data: bytes, graph: Graph, max_width: int | None = None) -> bytes:
    """Graphviz's SVG made embeddable, with a real XML parser (never string edits).

    * a ``viewBox`` (Graphviz writes one; added from the size if not), so the
      drawing scales with its container;
    * ``<title>`` and ``<desc>`` first in the root, named by ``aria-labelledby``
      and ``aria-describedby`` and ``role="img"``, for screen readers;
    * ``max_width`` (pixels): a wider drawing is scaled down to it, keeping
      its proportions; a narrower one keeps its size;
    * nothing external or active: no scripts, styles, foreign objects, event
      handlers or links other than http(s); the DOCTYPE (which names an
      external DTD) and Graphviz's version comment go.

    Deterministic: the same bytes in give the same bytes out.
    """
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(data, parser=parser)
    _sanitise(root)
    width, height = _px(root.get("width")), _px(root.get("height"))
    if root.get("viewBox") is None and width and height:
        root.set("viewBox", f"0 0 {_number(width / PX_PER_PT)} {_number(height / PX_PER_PT)}")
    if max_width is not None and width and height and width > max_width:
        root.set("width", f"{max_width}px")
        root.set("height", f"{_number(height * max_width / width)}px")
    root.set("role", "img")
    root.set("aria-labelledby", TITLE_ID)
    root.set("aria-describedby", DESC_ID)
    title = ET.Element(f"{_SVG}title", {"id": TITLE_ID})
    title.text = clean(graph.title or "Argument map")
    desc = ET.Element(f"{_SVG}desc", {"id": DESC_ID})
    desc.text = clean(graph.description or graph.title or "Argument map")
    title.tail = desc.tail = "\n"
    root.insert(0, desc)
    root.insert(0, title)
    root.text = "\n"
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode("utf-8")


def _sanitise(root: ET.Element) -> None:
    """Drop what could run or fetch: Graphviz writes none of it, and none ever gets through."""
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in _UNWANTED:
                parent.remove(child)
    for element in root.iter():
        for name in list(element.attrib):
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (name in _HREFS and not is_http_url(element.get(name, ""))):
                del element.attrib[name]


def render(graph: Graph, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> bytes:
    """The graph in a format: DOT text as it is, the others through dot.

    ``max_width`` (pixels) caps SVG and PNG output; SVG is finished by
    :func:`finish_svg`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    dot_text = to_dot(graph, theme, max_width if fmt == "png" else None)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    data = deterministic(run_dot(dot_text, fmt, timeout), fmt)
    if fmt == "svg":
        data = finish_svg(data, graph, max_width)
    return data


def draw(argument_map, graph: Graph, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> bytes:
    """The map in any output format, the HTML handout included (it needs the map, not only the graph)."""
    if fmt != "html":
        return render(graph, fmt, timeout, theme, max_width)
    from ..publish.handout import handout_page

    svg = render(graph, "svg", timeout, theme, max_width)
    return handout_page(argument_map, graph, svg, theme).encode("utf-8")


def format_for(path: str, fmt: str | None) -> str | None:
    """The output format: --format if given, else from the file's extension, else None."""
    if fmt is not None:
        return fmt
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return EXTENSIONS.get(suffix)
