"""The overview, step 2: an :class:`~argmap.draw.overview.Overview` → DOT text.

A box per position in the full map's colours (print and mono: its border
line and grey, as :class:`~argmap.draw.themes.Look` gives them), with its
label, its counts and its strongest claims; an arrow per pair of positions
and kind, in the full map's relation styles, labelled with how many
relations it stands for, thicker the more there are, and listing them in its
tooltip. Relations within one position are a line in its box (with their
own tooltip) rather than a loop. The type is larger than the full map's: the
overview is meant to be read at slide and page width. Pure, deterministic,
every input string escaped (:mod:`argmap.draw.escaping`).
"""

from __future__ import annotations

import dataclasses

from .dot import header
from .escaping import Html, attributes, html_text, quoted_tooltip
from .graph_types import EdgeKind
from .labels import shorten, wrap_lines
from .overview import Box, Link, Overview
from .themes import DEFAULT_THEME, Look, Theme

MUTED = "#333333"  # counts and source numbers: quieter than the claims, still dark enough to read
MAX_PENWIDTH = 9.0
CAPTION_WIDTH = 80  # characters per line of the caption under the drawing

def overview_theme(theme: Theme) -> Theme:
    """The theme with larger type: the smallest text is 11 points (13 in print and mono)."""
    return dataclasses.replace(theme, label_size=theme.label_size + 5, node_size=theme.node_size + 2, edge_size=theme.edge_size + 2)


def overview_to_dot(overview: Overview, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> str:
    """The overview as DOT text. ``max_width`` (pixels) caps raster output, as for the full map."""
    look = Look.of(overview.frame(), overview_theme(theme))
    lines = ['digraph "argmap_overview" {']
    body = header(overview.frame(), look, max_width)
    body.append(f"graph {attributes(_graph_attributes(overview, look))};")
    body += [f"{box.id} {attributes(box_attributes(box, overview, look))};" for box in overview.boxes]
    body += [f"{link.tail} -> {link.head} {attributes(link_attributes(link, overview, look))};" for link in overview.links if not link.within]
    body += _rows(overview)
    lines += ["  " + line for line in body]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _rows(overview: Overview) -> list[str]:
    """The positions two to a row (the first alone when their number is odd: a triangle for three).

    Left to itself dot stacks every position on a rank of its own, as the
    arrows between them go every way, and the picture grows tall and tangled.
    Invisible edges from each row to the next keep the rows in declared order (and a lone box centred); the box for no
    position goes wherever its arrows take it.
    """
    ids = [box.id for box in overview.boxes if box.position is not None]
    rows = [ids[:1]] + [ids[i : i + 2] for i in range(1, len(ids), 2)] if len(ids) % 2 else [ids[i : i + 2] for i in range(0, len(ids), 2)]
    lines = ["{rank=same; " + "; ".join(row) + "}" for row in rows if len(row) > 1]
    chain = attributes([("style", "invis")])
    lines += [f"{a} -> {b} {chain};" for upper, lower in zip(rows, rows[1:]) for a in upper for b in lower]
    return lines


def _graph_attributes(overview: Overview, look: Look) -> list[tuple[str, str]]:
    pairs = [("nodesep", "0.7"), ("ranksep", "0.9"), ("tooltip", quoted_tooltip(overview.title))]
    if overview.legend:
        pairs += [("label", _caption(overview, look)), ("labelloc", "b"), ("labeljust", "l"), ("fontsize", str(look.theme.edge_size))]
    return pairs


def _caption(overview: Overview, look: Look) -> Html:
    if overview.top == 1:
        boxes = "Each box: a position and its claim that the most sources make (how many, at the right)."
    elif overview.top:
        boxes = f"Each box: a position and at most {overview.top} of its claims, those the most sources make (how many, at the right)."
    else:
        boxes = "Each box: a position and how many claims and arguments are tagged with it."
    arrows = "Each arrow: the supports or attacks from one position's claims to another's; hover over it to list them."
    lines = wrap_lines(f"{boxes} {arrows}", CAPTION_WIDTH, 6)
    return Html('<BR ALIGN="LEFT"/>'.join(html_text(line) for line in lines) + '<BR ALIGN="LEFT"/>')


# ---------------------------------------------------------------- boxes


def box_attributes(box: Box, overview: Overview, look: Look) -> list[tuple[str, str]]:
    mark = look.mark(box.position)
    style = "rounded,filled" if mark is None or mark.style == "solid" else f"rounded,filled,{mark.style}"
    pairs = [
        ("shape", "box"),
        ("style", style),
        ("color", look.border(box.color)),
        ("fillcolor", look.fill(box.color, box.position, 0.15)),
        ("penwidth", mark.penwidth if mark is not None else "2.5" if box.color else "1.5"),
        ("margin", "0.15,0.1"),
    ]
    if mark is not None and mark.peripheries > 1:
        pairs.append(("peripheries", str(mark.peripheries)))
    return pairs + [("label", box_label(box, overview, look)), ("tooltip", quoted_tooltip(box.tooltip))]


def box_label(box: Box, overview: Overview, look: Look) -> Html:
    theme = look.theme
    counts = f"{_plural(box.statements, 'claim')} · {_plural(box.arguments, 'argument')}"
    rows = [
        f'<TR><TD COLSPAN="3"><FONT POINT-SIZE="{theme.label_size}"><B>{html_text(box.label)}</B></FONT></TD></TR>',
        f'<TR><TD COLSPAN="3"><FONT POINT-SIZE="{theme.edge_size}" COLOR="{MUTED}">{html_text(counts)}</FONT></TD></TR>',
    ]
    for claim in box.claims:
        text = '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in claim.lines) + '<BR ALIGN="LEFT"/>'
        sources = f'<FONT POINT-SIZE="{theme.edge_size}" COLOR="{MUTED}">{html_text(_plural(claim.sources, "source"))}</FONT>'
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD><TD WIDTH="8"></TD><TD ALIGN="RIGHT" VALIGN="TOP">{sources}</TD></TR>')
    within = [link for link in overview.links if link.within and link.tail == box.id]
    if within:
        rows.append(_within_row(within, look, "Within: " if box.position is not None else "Among them: "))
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">{"".join(rows)}</TABLE>')


def _within_row(links: list[Link], look: Look, heading: str) -> str:
    """'Within: 2 supports, 1 attack', each part in its relation's colour (the box's tooltip lists them)."""
    parts = []
    for link in links:
        word = "support" if link.kind is EdgeKind.SUPPORT else "attack"
        colour = _ink(look.theme.edges[link.kind].color)
        parts.append(f'<FONT COLOR="{colour}">{html_text(_plural(link.count, word))}</FONT>')
    return f'<TR><TD COLSPAN="3" ALIGN="LEFT"><FONT POINT-SIZE="{look.theme.edge_size}"><I>{html_text(heading)}</I>{", ".join(parts)}</FONT></TD></TR>'


# ---------------------------------------------------------------- arrows


def link_attributes(link: Link, overview: Overview, look: Look) -> list[tuple[str, str]]:
    style = look.theme.edges[link.kind]
    colour = _ink(style.color)
    word = "support" if link.kind is EdgeKind.SUPPORT else "attack"
    labels = {box.id: box.label for box in overview.boxes}
    verb = "supports" if link.kind is EdgeKind.SUPPORT else "attacks"
    tip = quoted_tooltip(shorten(f"{labels[link.tail]} {verb} {labels[link.head]}: {_plural(link.count, word)}\n" + "\n".join(link.relations)))
    words = f'<FONT COLOR="{colour}"><B>{link.count} </B>{html_text(word + "s" * (link.count != 1))}</FONT>'
    # on white, a little off the line: arrows cross labels where the drawing is busy. The space
    # ends the bold run: SVG viewers drop a run's leading space, and Graphviz placed the next run after it
    label = Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0"><TR><TD WIDTH="3"></TD><TD BGCOLOR="#FFFFFF">{words}</TD></TR></TABLE>')
    return [
        ("color", colour),
        ("style", style.style),
        ("arrowhead", style.arrowhead),
        ("penwidth", f"{penwidth(link.count, look.theme):g}"),
        ("label", label),
        ("tooltip", tip),
        ("labeltooltip", tip),
    ]


def penwidth(count: int, theme: Theme) -> float:
    """Thicker the more relations an arrow stands for: one is a plain line, each more adds 0.8 points."""
    return round(min(theme.penwidth * 1.5 + 0.8 * (count - 1), MAX_PENWIDTH), 2)


def _ink(colour: str) -> str:
    """A single colour of a relation style (double lines are written 'c:invis:c')."""
    return colour.split(":")[0]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"
