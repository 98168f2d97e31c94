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
"""

from __future__ import annotations

import html
import re
import subprocess
import textwrap
from dataclasses import dataclass
from typing import Iterable

import graphviz
from graphviz.backend import execute

from .errors import ArgmapError
from .graph import Badge, Cluster, ClusterKind, Edge, EdgeKind, Graph, Legend, Node, NodeKind, clean

FORMATS = ("svg", "png", "pdf", "dot", "json")
BINARY_FORMATS = ("svg", "png", "pdf")  # never to stdout: they need -o FILE
EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".json": "json"}

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


EDGE_STYLES = {
    EdgeKind.SUPPORT: EdgeStyle("#009E73", "solid", "normal", "supports"),
    EdgeKind.ATTACK: EdgeStyle("#D55E00", "dashed", "tee", "attacks"),
    EdgeKind.UNDERCUT: EdgeStyle("#0072B2", "dotted", "diamond", "undercuts (an inference)"),
    EdgeKind.CONTRADICTORY: EdgeStyle("#CC79A7:invis:#CC79A7", "solid", "box", "contradict each other", "box", "both"),
    EdgeKind.ENTAILS: EdgeStyle("#009E73:invis:#009E73", "solid", "onormal", "entails (strict support)"),
    EdgeKind.CONTRARY: EdgeStyle("#D55E00:invis:#D55E00", "dashed", "otee", "are contrary (strict attack)", "otee", "both"),
    EdgeKind.PREMISE: EdgeStyle("#555555", "solid", "none", "premise"),
    EdgeKind.CONCLUSION: EdgeStyle("#555555", "solid", "normal", "conclusion"),
}


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


def badge_cells(badges: Iterable[Badge]) -> str:
    cells = []
    for badge in badges:
        link = f' HREF="{html_url(badge.url)}" TARGET="_blank"' if badge.url else ""
        tip = html_text(f"Source {badge.number}: {badge.description}")
        size = f'FIXEDSIZE="TRUE" WIDTH="{BADGE_WIDTH}" HEIGHT="{BADGE_HEIGHT}"'
        cells.append(f'<TD BGCOLOR="{BADGE_FILL}" {size} TITLE="{tip}"{link}><FONT COLOR="#FFFFFF" POINT-SIZE="8">{badge.number}</FONT></TD>')
    return "".join(cells)


def badge_row(badges: tuple[Badge, ...]) -> str:
    if not badges:
        return ""
    # A fixed-size table: Graphviz would otherwise stretch the badges to the node's width.
    width = len(badges) * BADGE_WIDTH + (len(badges) + 1) * BADGE_SPACING
    height = BADGE_HEIGHT + 2 * BADGE_SPACING
    size = f'FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}"'
    inner = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{BADGE_SPACING}" CELLPADDING="0" {size}><TR>{badge_cells(badges)}</TR></TABLE>'
    return f'<TR><TD>{inner}</TD></TR>'


def lines_cell(lines: Iterable[str], bold: bool = False, size: int | None = None) -> str:
    shown = [html_text(line) for line in lines]
    if bold:
        shown = [f"<B>{line}</B>" for line in shown]
    body = "<BR/>".join(shown)
    if size is not None:
        body = f'<FONT POINT-SIZE="{size}">{body}</FONT>'
    return f"<TR><TD>{body}</TD></TR>"


def node_label(node: Node) -> Html:
    rows = []
    if node.title_lines:
        rows.append(lines_cell(node.title_lines, bold=True))
    if node.text_lines:
        rows.append(lines_cell(node.text_lines))
    rows.append(badge_row(node.badges))
    body = "".join(rows) or "<TR><TD> </TD></TR>"
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{body}</TABLE>')


def inference_label(node: Node) -> Html:
    """An inference bar: a line in the argument's colour, the inference rules under it."""
    colour = node.color or NEUTRAL_BORDER
    rows = [f'<TR><TD BGCOLOR="{colour}" HEIGHT="4" WIDTH="90" FIXEDSIZE="FALSE"></TD></TR>']
    if node.text_lines:
        rows.append(lines_cell(node.text_lines, size=9))
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>')


def cluster_label(cluster: Cluster) -> Html:
    rows = []
    if cluster.label_lines:
        rows.append(lines_cell(cluster.label_lines, bold=True))
    if cluster.text_lines:
        rows.append(lines_cell(cluster.text_lines))
    rows.append(badge_row(cluster.badges))
    body = "".join(rows) or "<TR><TD> </TD></TR>"
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{body}</TABLE>')


# ---------------------------------------------------------------- DOT statements


def node_attributes(node: Node) -> list[tuple[str, str]]:
    colour = node.color or NEUTRAL_BORDER
    if node.kind is NodeKind.INFERENCE:
        return [("shape", "plain"), ("label", inference_label(node)), ("tooltip", quoted_tooltip(node.tooltip))]
    if node.kind is NodeKind.ARGUMENT:
        shape = [("shape", "box"), ("style", "rounded,filled"), ("fillcolor", tint(node.color) if node.color else NEUTRAL_FILL)]
    else:
        shape = [("shape", "box"), ("style", "filled"), ("fillcolor", "#FFFFFF")]
    return shape + [
        ("color", colour),
        ("penwidth", "2" if node.color else "1.2"),
        ("label", node_label(node)),
        ("tooltip", quoted_tooltip(node.tooltip)),
    ]


def edge_attributes(edge: Edge) -> list[tuple[str, str]]:
    style = EDGE_STYLES[edge.kind]
    pairs = [("color", style.color), ("style", style.style), ("arrowhead", style.arrowhead)]
    if style.dir != "forward":
        pairs += [("dir", style.dir), ("arrowtail", style.arrowtail)]
    if edge.kind.is_relation:
        pairs.append(("penwidth", str(CROSS_PENWIDTH if edge.cross_position else PENWIDTH)))
    if edge.kind is EdgeKind.PREMISE:
        pairs.append(("weight", "4"))  # keep an argument's inside compact
    if edge.tail_cluster:
        pairs.append(("ltail", edge.tail_cluster))
    if edge.head_cluster:
        pairs.append(("lhead", edge.head_cluster))
    pairs.append(("tooltip", quoted_tooltip(edge.tooltip)))
    return pairs


def cluster_attributes(cluster: Cluster) -> list[tuple[str, str]]:
    pairs = [("label", cluster_label(cluster)), ("tooltip", quoted_tooltip(cluster.tooltip))]
    if cluster.kind is ClusterKind.ARGUMENT:
        fill = tint(cluster.color, 0.18) if cluster.color else "#F5F5F5"
        pairs += [("style", "rounded,filled"), ("fillcolor", fill), ("color", cluster.color or NEUTRAL_BORDER), ("penwidth", "1.5")]
    elif cluster.kind is ClusterKind.POSITION:
        pairs += [("style", "rounded,filled"), ("fillcolor", tint(cluster.color, 0.08)), ("color", cluster.color), ("penwidth", "1.5")]
    else:
        pairs += [("style", "rounded,dashed"), ("color", "#999999")]
    pairs.append(("labeljust", "l"))
    return pairs


def _indent(lines: list[str], level: int) -> list[str]:
    return ["  " * level + line for line in lines]


def cluster_block(cluster: Cluster, children: dict[str | None, list[Cluster]], members: dict[str | None, list[Node]], level: int) -> list[str]:
    lines = [f"subgraph {cluster.id} {{"]
    lines += _indent([f"graph {attributes(cluster_attributes(cluster))};"], 1)
    lines += _indent([f"{n.id} {attributes(node_attributes(n))};" for n in members.get(cluster.id, [])], 1)
    for child in children.get(cluster.id, []):
        lines += _indent(cluster_block(child, children, members, level + 1), 1)
    lines.append("}")
    return lines


def to_dot(graph: Graph) -> str:
    """The graph as DOT text: deterministic, every input string escaped."""
    lines = ['digraph "argmap" {']
    lines += _indent(header(graph), 1)
    children: dict[str | None, list[Cluster]] = {}
    for cluster in graph.clusters:
        children.setdefault(cluster.parent, []).append(cluster)
    members: dict[str | None, list[Node]] = {}
    for node in graph.nodes:
        members.setdefault(node.cluster, []).append(node)
    for cluster in children.get(None, []):
        lines += _indent(cluster_block(cluster, children, members, 1), 1)
    lines += _indent([f"{n.id} {attributes(node_attributes(n))};" for n in members.get(None, [])], 1)
    lines += _indent([f"{e.tail} -> {e.head} {attributes(edge_attributes(e))};" for e in graph.edges], 1)
    if graph.legend is not None:
        lines += _indent(legend_block(graph.legend, graph.rankdir), 1)
    lines.append("}")
    return "\n".join(lines) + "\n"


def header(graph: Graph) -> list[str]:
    graph_attributes = [
        ("rankdir", graph.rankdir),
        ("compound", "true"),
        ("newrank", "true"),
        ("fontname", FONT),
        ("fontsize", "11"),
        ("nodesep", "0.3"),
        ("ranksep", "0.5"),
        ("pad", "0.2"),
        ("outputorder", "edgesfirst"),
        ("tooltip", quoted_tooltip("Argument map")),
    ]
    return [
        f"graph {attributes(graph_attributes)};",
        f"node {attributes([('fontname', FONT), ('fontsize', '10'), ('margin', '0.1,0.05')])};",
        f"edge {attributes([('fontname', FONT), ('fontsize', '9'), ('arrowsize', '0.8')])};",
    ]


# ---------------------------------------------------------------- legend


def legend_block(legend: Legend, rankdir: str = "TB") -> list[str]:
    """The legend as a cluster: node kinds, positions, relation styles, sources.

    Everything sits on one rank, chained by invisible edges: stacked, the
    legend would take one of the map's (tall) ranks per line. Graphviz turns
    a TB layout's left-to-right into bottom-to-top for LR, so there the chain
    and the sample edges are reversed to read from the top.
    """
    reverse = rankdir == "LR"
    body: list[str] = [f"graph {attributes(legend_cluster_attributes())};"]
    row: list[str] = []
    for name, pairs in legend_kind_nodes(legend):
        body.append(f"{name} {attributes(pairs)};")
        row.append(name)
    if legend.positions:
        body.append(f"legend_positions {attributes([('shape', 'plain'), ('label', positions_table(legend))])};")
        row.append("legend_positions")
    samples: set[str] = set()  # the second node of each sample, not chained by an invisible edge
    for kind, note in legend_relations(legend):
        tail, head = f"legend_{kind.value}_{note}_from", f"legend_{kind.value}_{note}_to"
        label = EDGE_STYLES[kind].label if note == "style" else "between positions"
        body.append(f"{tail} {attributes([('shape', 'point'), ('width', '0.02'), ('color', '#FFFFFF')])};")
        body.append(f"{head} {attributes([('shape', 'plaintext'), ('label', Html(html_text(label))), ('fontsize', '9')])};")
        pairs = edge_attributes(Edge(tail, head, kind, label, cross_position=note == "cross"))
        if reverse:  # the label comes first in the reversed chain: draw the edge from it, arrow at the far end
            body.append(f"{head} -> {tail} {attributes(reversed_edge(pairs))};")
        else:
            body.append(f"{tail} -> {head} {attributes(pairs)};")
        row += [tail, head]
        samples.add(tail if reverse else head)
    if legend.sources:
        body.append(f"legend_sources {attributes([('shape', 'plain'), ('label', sources_table(legend))])};")
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


def legend_cluster_attributes() -> list[tuple[str, str]]:
    return [
        ("label", Html("<B>Legend</B>")),
        ("style", "rounded"),
        ("color", "#BBBBBB"),
        ("labeljust", "l"),
        ("tooltip", quoted_tooltip("Legend")),
    ]


def legend_kind_nodes(legend: Legend) -> list[tuple[str, list[tuple[str, str]]]]:
    samples = {
        NodeKind.STATEMENT: Node("legend_statement", NodeKind.STATEMENT, (), ("statement",), "A statement"),
        NodeKind.ARGUMENT: Node("legend_argument", NodeKind.ARGUMENT, (), ("argument",), "An argument"),
        NodeKind.INFERENCE: Node("legend_inference", NodeKind.INFERENCE, (), ("inference (rules)",), "An inference step"),
    }
    return [(samples[k].id, node_attributes(samples[k])) for k in legend.node_kinds]


def legend_relations(legend: Legend) -> list[tuple[EdgeKind, str]]:
    rows = [(kind, "style") for kind in legend.edge_kinds]
    if legend.cross_position and legend.edge_kinds:
        rows.append((legend.edge_kinds[0], "cross"))
    return rows


def positions_table(legend: Legend) -> Html:
    rows = []
    for position in legend.positions:
        swatch = f'<TD BGCOLOR="{tint(position.color)}" COLOR="{position.color}" BORDER="2" WIDTH="16"> </TD>'
        rows.append(f'<TR>{swatch}<TD ALIGN="LEFT">{html_text(position.label)}</TD></TR>')
    rows.append(f'<TR><TD BGCOLOR="{NEUTRAL_FILL}" COLOR="{NEUTRAL_BORDER}" BORDER="1" WIDTH="16"> </TD><TD ALIGN="LEFT">no single position</TD></TR>')
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2"><TR><TD COLSPAN="2" ALIGN="LEFT"><B>Positions</B></TD></TR>{"".join(rows)}</TABLE>')


def sources_table(legend: Legend) -> Html:
    rows = []
    for source in legend.sources:
        badge = badge_cells([Badge(source.number, source.id, source.description, source.url)])
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


def render(graph: Graph, fmt: str, timeout: float = 60.0) -> bytes:
    """The graph in a format: DOT text as it is, the others through dot."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    dot_text = to_dot(graph)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    return deterministic(run_dot(dot_text, fmt, timeout), fmt)


def format_for(path: str, fmt: str | None) -> str | None:
    """The output format: --format if given, else from the file's extension, else None."""
    if fmt is not None:
        return fmt
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return EXTENSIONS.get(suffix)
