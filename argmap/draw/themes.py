"""How a map looks: colours, fonts and line weights, per theme.

A :class:`Theme` is ``default`` for the screen, ``print`` and ``mono`` for
paper and projectors, where every position also gets its own border line
and a short label in its boxes, since greyscale loses the colours (``mono``
uses greys only). A :class:`Look` is a theme applied to one graph. The graph
object is the same whatever the theme; :mod:`argmap.draw.dot` applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from .graph_types import EdgeKind, Graph
from .labels import wrap_lines

FONT = "Helvetica,Arial,sans-serif"
NEUTRAL_BORDER = "#7F7F7F"
NEUTRAL_FILL = "#EDEDED"
BADGE_FILL = "#4D4D4D"
BADGE_WIDTH, BADGE_HEIGHT, BADGE_SPACING = 16, 11, 2  # points; two digits fit
PENWIDTH = 1.4
CROSS_PENWIDTH = 3.0  # relations between positions are the point of the map
TINT = 0.3  # argument fill: this much of the position colour, the rest white


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
# take (context.OKABE_ITO), so an edge never looks like it belongs to a position.
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
    voice_size: int = 10  # "According to Russia · hedge: may", in italics atop a box
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
        "print", label_size=14, node_size=12, edge_size=11, inference_size=10, voice_size=12, badge_size=9, badge_width=18, badge_height=13,
        penwidth=1.8, cross_penwidth=3.6, arrowsize=1.0, legend_border="#666666", group_border="#666666", marks=True,
    ),
    "mono": Theme(
        "mono", edges=edge_styles("#000000", "#000000", "#000000", "#000000"), label_size=14, node_size=12, edge_size=11,
        inference_size=10, voice_size=12, badge_size=9, badge_width=18, badge_height=13, penwidth=1.8, cross_penwidth=3.6,
        arrowsize=1.0, legend_border="#666666", group_border="#666666", marks=True, grey=True,
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


# ---------------------------------------------------------------- colours


def tint(colour: str, share: float = TINT) -> str:
    """A light version of a hex colour for fills; colour names are used as they are."""
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?", colour):
        return colour
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02X}" for c in channels)
