"""--theme default|print|mono: colours apart from the positions', greyscale that still reads, slide-sized type."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from functools import lru_cache

import pytest

from argmap.draw.context import OKABE_ITO
from argmap.draw.dot import to_dot
from argmap.draw.graph import build_graph
from argmap.draw.graph_types import EdgeKind, NodeKind
from argmap.draw.options import ViewOptions
from argmap.draw.themes import EDGE_STYLES, MARK_CYCLE, THEMES
from argmap.merge.combine import load
from argmap.publish.formats import render

from .helpers import ROOT, hostile, needs_dot, talks

SVG = "{http://www.w3.org/2000/svg}"
MAIN = ("support", "attack", "undercut", "contradictory")

# Every view that draws something different: frames per position, expanded arguments, sections, sources.
VIEWS = {
    "default": ViewOptions(),
    "pcs-position": ViewOptions(pcs=True, group_by="position"),
    "section": ViewOptions(group_by="section", pcs=True),
    "source-lr": ViewOptions(group_by="source", rankdir="LR"),
}


@lru_cache(maxsize=None)
def svg(theme: str, view: str = "default", which: str = "talks") -> ET.Element:
    argument_map = talks() if which == "talks" else hostile()
    return ET.fromstring(render(build_graph(argument_map, VIEWS[view]), "svg", timeout=30, theme=THEMES[theme]))


# ---------------------------------------------------------------- reading colours

NAMED = {"black": (0, 0, 0), "white": (255, 255, 255), "gray": (128, 128, 128), "grey": (128, 128, 128), "lightgrey": (211, 211, 211), "lightgray": (211, 211, 211)}
NONE = {"none", "transparent", "currentcolor", "inherit", ""}
COLOUR_ATTRIBUTES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color", "bgcolor")


def rgb(value: str) -> tuple[int, int, int] | None:
    """A CSS/SVG colour as (r, g, b); None for none/transparent. Unknown spellings fail the test."""
    value = value.strip().lower()
    if value in NONE:
        return None
    if value in NAMED:
        return NAMED[value]
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        return tuple(int(c * 2, 16) for c in value[1:])
    if re.fullmatch(r"#[0-9a-f]{6}([0-9a-f]{2})?", value):
        return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))
    match = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(,[^)]*)?\)", value)
    if match:
        return tuple(int(g) for g in match.groups()[:3])
    raise AssertionError(f"a colour this test cannot read: {value!r}")


def colours(root: ET.Element) -> list[str]:
    """Every colour the SVG names: colour attributes, inline style declarations, <style> sheets."""
    found = []
    for element in root.iter():
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local in COLOUR_ATTRIBUTES:
                found.append(value)
            elif local == "style":
                found += [v for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+)", value) if k.lower() in COLOUR_ATTRIBUTES]
        if element.tag == f"{SVG}style":
            found += re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)", element.text or "")
    return found


def is_grey(value: str) -> bool:
    channels = rgb(value)
    return channels is None or channels[0] == channels[1] == channels[2]


@needs_dot
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("which", ["talks", "hostile"])
def test_mono_uses_greys_only(view, which):
    found = colours(svg("mono", view, which))
    assert len(found) > 20, "the test reads the colours"
    assert [c for c in found if not is_grey(c)] == []


@needs_dot
def test_the_default_theme_is_in_colour():
    assert not all(is_grey(c) for c in colours(svg("default")))


# ---------------------------------------------------------------- relations without colour


def edge_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"}


def shape_of(group: ET.Element) -> tuple:
    """What is left of an edge in greyscale: dash pattern, how many lines, the arrowheads' shapes."""
    lines = [p for p in group.iter(f"{SVG}path") if p.get("stroke") != "transparent"]
    heads = [(head_shape(polygon.get("points", "")), polygon.get("fill") in ("none", "white", "#ffffff")) for polygon in group.iter(f"{SVG}polygon") if polygon.get("stroke") != "transparent"]
    return lines[0].get("stroke-dasharray"), len(lines), tuple(sorted(heads))


def head_shape(points: str) -> str:
    """An arrowhead's outline, whatever its direction: triangle, bar, square or diamond."""
    corners = [tuple(map(float, p.split(","))) for p in points.split()]
    if corners[0] == corners[-1]:
        corners.pop()
    if len(corners) == 3:
        return "triangle"
    assert len(corners) == 4, points
    sides = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(corners, corners[1:] + corners[:1])]
    lengths = [(x * x + y * y) ** 0.5 for x, y in sides]
    square_corners = all(abs(u[0] * v[0] + u[1] * v[1]) < 0.05 * lu * lv for u, v, lu, lv in zip(sides, sides[1:] + sides[:1], lengths, lengths[1:] + lengths[:1]))
    if not square_corners:
        return "diamond"
    return "bar" if max(lengths) > 1.8 * min(lengths) else "square"


@needs_dot
@pytest.mark.parametrize("theme", ["print", "mono"])
def test_relations_differ_in_line_and_arrowhead(theme):
    graph = build_graph(talks())
    groups = edge_groups(svg(theme))
    shapes = defaultdict(set)
    for edge in graph.edges:
        shapes[edge.kind.value].add(shape_of(groups[f"{edge.tail}->{edge.head}"]))
    assert all(len(shapes[k]) == 1 for k in MAIN), shapes
    main = {k: next(iter(shapes[k])) for k in MAIN}
    assert len({s[:2] for s in main.values()}) == 4, f"line style: {main}"
    assert len({s[2] for s in main.values()}) == 4, f"arrowheads: {main}"
    legend = {shape_of(g) for t, g in groups.items() if t.startswith("legend_")}
    assert set(main.values()) <= legend, "the legend shows each relation as drawn"


def test_relation_colours_are_not_the_positions_colours():
    """Default theme: no relation looks like it belongs to a position (issue 7)."""

    def channels(colour: str) -> tuple[int, int, int]:
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    for kind in EdgeKind:
        if not kind.is_relation:
            continue
        for colour in EDGE_STYLES[kind].color.split(":invis:"):
            for palette in OKABE_ITO:
                distance = sum((a - b) ** 2 for a, b in zip(channels(colour), channels(palette))) ** 0.5
                assert distance >= 60, (kind, colour, palette)
    main = [EDGE_STYLES[EdgeKind(k)] for k in MAIN]
    assert len({s.color for s in main}) == 4 and len({(s.style, s.arrowhead) for s in main}) == 4


# ---------------------------------------------------------------- positions without colour


def node_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == "node"}


def border_of(group: ET.Element) -> tuple:
    """A box's outline as greyscale shows it: dash pattern, line width, how many borders."""
    anchor = group.find(f"{SVG}g/{SVG}a")
    outlines = []
    for element in anchor:
        if element.tag == f"{SVG}text":
            break
        outlines.append(element)
    return outlines[0].get("stroke-dasharray"), outlines[0].get("stroke-width"), len(outlines)


@needs_dot
@pytest.mark.parametrize("theme", ["print", "mono"])
def test_positions_differ_by_border_and_label(theme):
    graph = build_graph(talks())
    labels = {p.tag: p.label for p in graph.positions}
    groups = node_groups(svg(theme))
    borders = defaultdict(set)
    for node in graph.nodes:
        group = groups[node.id]
        texts = [t.text for t in group.iter(f"{SVG}text")]
        if node.position is None:
            assert not set(labels.values()) & set(texts)
            continue
        assert texts[0] == labels[node.position], "the position's label atop the box"
        assert group.find(f".//{SVG}text").get("font-style") == "italic"
        borders[node.position].add(border_of(group))
    assert len(borders) == 2 and all(len(b) == 1 for b in borders.values()), borders
    assert len({next(iter(b)) for b in borders.values()}) == 2, "each position has its own border"


@needs_dot
def test_six_positions_have_six_borders(tmp_path):
    assert len({(style, peripheries) for style, peripheries, _ in MARK_CYCLE}) == len(MARK_CYCLE) == 6
    tags = [f"p{i}" for i in range(6)]
    front = "===\npositions:\n" + "".join(f"  {t}: {{label: Position {t}}}\n" for t in tags) + "===\n\n"
    body = "".join(f"<A{t}>: Argument of {t}. #{t}\n  -> [S{t}]: Claim of {t}. #{t}\n\n" for t in tags)
    (tmp_path / "six.argmap").write_text(front + body, encoding="utf-8")
    graph = build_graph(load([tmp_path / "six.argmap"]))
    groups = node_groups(ET.fromstring(render(graph, "svg", timeout=30, theme=THEMES["mono"])))
    borders = {node.position: border_of(groups[node.id]) for node in graph.nodes if node.kind is NodeKind.STATEMENT}
    assert len(set(borders.values())) == 6, borders
    assert sorted(b[2] for b in borders.values()) == [1, 1, 1, 2, 2, 2], "three single, three double borders"


def test_default_theme_dot_has_no_marks():
    dot = to_dot(build_graph(talks()))
    assert "<I>" not in dot and "peripheries" not in dot and 'fontsize="10"' in dot


# ---------------------------------------------------------------- type for slides, documented


def test_print_and_mono_type_is_larger_and_the_sizes_are_documented():
    doc = (ROOT / "docs" / "rendering.md").read_text(encoding="utf-8")
    for name, theme in THEMES.items():
        if name != "default":
            assert theme.node_size >= 12 and theme.label_size >= 14 and theme.edge_size >= 11
        row = f"| `{name}` | {theme.node_size} pt | {theme.label_size} pt | {theme.edge_size} pt | {theme.inference_size} pt | {theme.badge_size} pt |"
        assert row in doc, row
        dot = to_dot(build_graph(talks()), theme)
        assert f'node [fontname="{theme.font}", fontsize="{theme.node_size}"' in dot
    assert f"`{THEMES['default'].font}`" in doc
