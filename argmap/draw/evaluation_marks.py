"""`render --evaluate`: each element's grounded label drawn on the map.

Two small pure steps beside the ones they extend. :func:`mark_graph` takes
a built graph and gives each statement and argument (and each expanded
argument's frame) its grounded label from :mod:`argmap.analyse`, adds the
reason to its tooltip and the labels to the legend; the labels are always
those of the whole map, so a filtered view (--focus, --position, --source)
shows the same labels as the full map. :func:`verdict_row` and
:func:`verdicts_table` are the DOT side, called by :mod:`argmap.draw.dot`.

A label is a small box atop the element: IN, OUT or UNDEC in words, with a
fill and a border of its own (IN white with a solid line, OUT dark, UNDEC
light with a dotted line), so that the three stay apart in greyscale too;
the elements' own borders, which the print themes use for positions, are
left alone. IN is the quiet one: on most maps most elements are IN, and the
eye should go to what is defeated or open.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..core.model import ArgumentMap
from .escaping import Html, html_text
from .graph_types import Cluster, ClusterKind, Graph, Node, NodeKind, node_id
from .labels import shorten
from .themes import DEFAULT_LOOK, Look

VERDICTS = ("in", "out", "undec")  # the order the legend lists them in


@dataclass(frozen=True, slots=True)
class VerdictStyle:
    word: str  # what the box says
    fill: str
    text: str  # the word's colour
    border: str
    line: str  # the box's border line: solid, dashed, dotted
    meaning: str  # for the legend


STYLES = {
    "in": VerdictStyle("IN", "#FFFFFF", "#1B7837", "#1B7837", "solid", "stands: every attacker is OUT"),
    "out": VerdictStyle("OUT", "#B2182B", "#FFFFFF", "#B2182B", "solid", "defeated by an IN attacker"),
    "undec": VerdictStyle("UNDEC", "#FEE08B", "#000000", "#8C510A", "dotted", "undecided: caught in a cycle of attacks"),
}
GREY_STYLES = {  # the mono theme: greys only
    "in": dataclasses.replace(STYLES["in"], text="#000000", border="#000000"),
    "out": dataclasses.replace(STYLES["out"], fill="#000000", border="#000000"),
    "undec": dataclasses.replace(STYLES["undec"], fill="#D9D9D9", border="#000000"),
}


# ---------------------------------------------------------------- the graph


def mark_graph(graph: Graph, argument_map: ArgumentMap) -> Graph:
    """The graph with every element's grounded label, its reason in the tooltip, and the legend's entry."""
    from ..analyse.evaluation import evaluate

    evaluation = evaluate(argument_map)
    by_id: dict[str, tuple[str, str]] = {}
    for ref, key in zip(evaluation.framework.refs, evaluation.framework.keys):
        verdict = (evaluation.grounded[key], evaluation.explanations[key])
        by_id[node_id(ref.kind.value, ref.title)] = verdict
        if ref.kind.value == "argument":
            by_id[node_id(ClusterKind.ARGUMENT, ref.title)] = verdict
    nodes = tuple(_marked(node, by_id) if node.kind is not NodeKind.INFERENCE else node for node in graph.nodes)
    clusters = tuple(_marked(cluster, by_id) if cluster.kind is ClusterKind.ARGUMENT else cluster for cluster in graph.clusters)
    shown = {item.verdict for item in (*nodes, *clusters) if item.verdict}
    legend = graph.legend and dataclasses.replace(graph.legend, verdicts=tuple(v for v in VERDICTS if v in shown))
    counts = ", ".join(f"{STYLES[v].word} {sum(label == v for label in evaluation.grounded.values())}" for v in VERDICTS)
    description = shorten(f"{graph.description} Grounded labels of the whole map: {counts}.".strip())
    return dataclasses.replace(graph, nodes=nodes, clusters=clusters, legend=legend, description=description)


def _marked(item: Node | Cluster, by_id: dict[str, tuple[str, str]]):
    if item.id not in by_id:
        return item
    verdict, reason = by_id[item.id]
    tooltip = shorten(f"{item.tooltip}\n\nGrounded label: {STYLES[verdict].word} ({reason})")
    return dataclasses.replace(item, verdict=verdict, tooltip=tooltip)


# ---------------------------------------------------------------- DOT


def _style(verdict: str, look: Look) -> VerdictStyle:
    return (GREY_STYLES if look.theme.grey else STYLES)[verdict]


def verdict_box(verdict: str, look: Look = DEFAULT_LOOK) -> str:
    """The label's box: its word on its fill, inside its border line, as high as a source badge.

    Fixed sizes, as for the badges: Graphviz would otherwise stretch the box to the node's width.
    """
    style, theme = _style(verdict, look), look.theme
    width, height = 5 * theme.badge_size, theme.badge_height + 2
    line = f' STYLE="{style.line}"' if style.line != "solid" else ""
    word = f'<FONT COLOR="{style.text}" POINT-SIZE="{theme.badge_size}"><B>{style.word}</B></FONT>'
    cell = f'<TD BORDER="1" COLOR="{style.border}"{line} BGCOLOR="{style.fill}" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}">{word}</TD>'
    outer = f'FIXEDSIZE="TRUE" WIDTH="{width + 2}" HEIGHT="{height + 2}"'
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="0" {outer}><TR>{cell}</TR></TABLE>'


def verdict_row(verdict: str, look: Look = DEFAULT_LOOK) -> str:
    """The row atop an element's label; empty when the map is drawn without --evaluate."""
    return f"<TR><TD>{verdict_box(verdict, look)}</TD></TR>" if verdict else ""


def verdicts_table(verdicts: tuple[str, ...], look: Look = DEFAULT_LOOK) -> Html:
    """The legend's entry: each label shown, and what it means."""
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html_text("Grounded labels")}</B></TD></TR>']
    for verdict in verdicts:
        rows.append(f'<TR><TD>{verdict_box(verdict, look)}</TD><TD ALIGN="LEFT">{html_text(_style(verdict, look).meaning)}</TD></TR>')
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">{"".join(rows)}</TABLE>')
