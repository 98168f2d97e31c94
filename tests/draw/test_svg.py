"""Step 3 with the real Graphviz: SVG smoke test, escaping, determinism, other formats."""

from __future__ import annotations

import json
from pathlib import Path
import xml.etree.ElementTree as ET
from collections import defaultdict
from functools import lru_cache

import pytest

from argmap.draw.graph import build_graph
from argmap.draw.graph_types import EdgeKind, NodeKind, node_id
from argmap.draw.options import ViewOptions
from argmap.draw.themes import EDGE_STYLES
from argmap.merge.combine import load
from argmap.publish.formats import render

from .helpers import hostile, needs_dot, talks

pytestmark = needs_dot

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

# What a reader sees per relation: stroke colour, dash pattern, how many lines (two = double).
LOOKS = {
    "support": ("#1b7837", None, 1),
    "attack": ("#b2182b", "5,2", 1),
    "undercut": ("#3f007d", "1,5", 1),
    "contradictory": ("#8c510a", None, 2),
    "entails": ("#1b7837", None, 2),
    "contrary": ("#b2182b", "5,2", 2),
}


@lru_cache(maxsize=None)
def svg_of(which: str, pcs: bool = False) -> bytes:
    argument_map = talks() if which == "talks" else hostile()
    return render(build_graph(argument_map, ViewOptions(pcs=pcs)), "svg", timeout=30)


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == kind}


def edge_look(group: ET.Element) -> tuple[str, str | None, int]:
    strokes = [p for p in group.iter(f"{SVG}path") if p.get("stroke") != "transparent"]
    return strokes[0].get("stroke"), strokes[0].get("stroke-dasharray"), len(strokes)


def test_svg_is_valid_xml_with_one_node_per_element_and_a_legend():
    svg = svg_of("talks")
    root = ET.fromstring(svg)
    graph = build_graph(talks())
    nodes = {t: g for t, g in groups(root, "node").items() if not t.startswith("legend_")}
    assert sorted(nodes) == sorted(n.id for n in graph.nodes)
    statements = [s for s in talks().statements if node_id(NodeKind.STATEMENT, s) in nodes]
    assert len(statements) == 6 and len([a for a in talks().arguments if node_id(NodeKind.ARGUMENT, a) in nodes]) == 4
    assert "cluster_legend" in groups(root, "cluster")
    legend_nodes = [g for t, g in groups(root, "node").items() if t.startswith("legend_")]  # SVG clusters hold no nodes
    legend_text = " ".join(t.text or "" for g in legend_nodes for t in g.iter(f"{SVG}text"))
    for words in ("Positions", "Ceasefire first", "Pressure first", "Sources", "The Herald", "supports", "attacks", "undercuts"):
        assert words in legend_text


def test_pcs_view_draws_every_statement_once_and_every_argument_as_node_or_frame():
    root = ET.fromstring(svg_of("talks", pcs=True))
    nodes, clusters = groups(root, "node"), groups(root, "cluster")
    for title in talks().statements:
        assert node_id(NodeKind.STATEMENT, title) in nodes, title
    for title, argument in talks().arguments.items():
        if argument.pcs:
            assert any(c.startswith("cluster_argument_") and title.lower() in c for c in clusters), title
        else:
            assert node_id(NodeKind.ARGUMENT, title) in nodes


def test_every_relation_type_is_drawn_with_its_style():
    root = ET.fromstring(svg_of("talks"))
    edges = groups(root, "edge")
    seen = defaultdict(set)
    for edge in build_graph(talks()).edges:
        look = edge_look(edges[f"{edge.tail}->{edge.head}"])
        seen[edge.kind.value].add(look)
        width = float(next(p for p in edges[f"{edge.tail}->{edge.head}"].iter(f"{SVG}path")).get("stroke-width", "1"))
        assert (width >= 3) == edge.cross_position, "relations between positions are drawn heavier"
    assert {kind: looks for kind, looks in seen.items()} == {kind: {look} for kind, look in LOOKS.items()}
    legend_edges = [look for title, look in ((t, edge_look(g)) for t, g in edges.items()) if title.startswith("legend_")]
    assert set(LOOKS.values()) <= set(legend_edges), "the legend shows each relation's style"


def test_main_relations_differ_in_colour_arrowhead_and_line():
    main = [EDGE_STYLES[EdgeKind(k)] for k in ("support", "attack", "undercut", "contradictory")]
    for attribute in ("color", "arrowhead"):
        assert len({getattr(s, attribute) for s in main}) == 4, attribute
    assert len({LOOKS[k][1:] for k in ("support", "attack", "undercut", "contradictory")}) == 4, "line: solid, dashed, dotted, double"


def test_hostile_text_renders_as_written_and_safely():
    svg = svg_of("hostile", pcs=True)
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.lower().endswith("script") or e.tag.lower().endswith("foreignobject")]
    links = [v for e in root.iter() for k, v in e.attrib.items() if k in (f"{XLINK}href", "href")]
    assert links and all(link == "https://example.org/a?x=1&y=2" for link in links)
    assert not any(k.lower().startswith("on") for e in root.iter() for k in e.attrib), "no event handlers"
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for written in ('<script>alert("x")</script>', "digraph G { node -> edge }", "&amp; &lt;tag&gt; &#92;N", 'rule "one", rule \\two', '"Quoted" \\ argument'):
        assert written in texts, written
    tooltips = [e.get(f"{XLINK}title") for e in root.iter() if e.get(f"{XLINK}title")]
    assert any(t.startswith('<"Quoted" \\ argument>\n\nAn argument whose title has "quotes"') for t in tooltips)
    assert any("Source 1: Evil \\N Corp {braces} ]]> <!-- x -->: <script>alert('t')</script> & \"quoted\" \\ back" in t for t in tooltips)
    assert any("[&amp; &lt;tag&gt; &#92;N]" in t for t in tooltips), "entities in the input are text, not entities"


def test_ten_thousand_character_labels_render(tmp_path):
    path = tmp_path / "long.argmap"
    path.write_text(f"[{'T' * 10_000}]: {'word ' * 2_000}\n  - [Short]: {'y' * 10_000}\n", encoding="utf-8")
    root = ET.fromstring(render(build_graph(load([path])), "svg", timeout=30))
    assert len(groups(root, "node")) >= 2


def test_svg_is_byte_identical_and_carries_no_graphviz_version():
    again = render(build_graph(talks()), "svg", timeout=30)
    assert again == svg_of("talks")
    assert b"Generated by graphviz" not in again and b"<!--" in again


def test_png_pdf_and_json_formats():
    graph = build_graph(talks(), ViewOptions(focus="Window", depth=1))
    assert render(graph, "png", timeout=30).startswith(b"\x89PNG\r\n\x1a\n")
    pdf = render(graph, "pdf", timeout=30)
    assert pdf.startswith(b"%PDF") and b"/CreationDate (D:19700101000000" in pdf
    assert render(graph, "pdf", timeout=30) == pdf, "no timestamp in what we write"
    laid_out = json.loads(render(graph, "json", timeout=30))
    assert {o["name"] for o in laid_out["objects"]} >= {n.id for n in graph.nodes}
    assert "bb" in laid_out, "json is the laid-out graph"


@pytest.mark.parametrize("rankdir", ["TB", "LR"])
def test_every_view_lays_out(rankdir):
    for options in (ViewOptions(group_by="section", pcs=True, rankdir=rankdir), ViewOptions(group_by="position", pcs=True, rankdir=rankdir), ViewOptions(group_by="source", rankdir=rankdir)):
        ET.fromstring(render(build_graph(talks(), options), "svg", timeout=30))


@needs_dot
def test_a_drawing_shrunk_to_a_slide_stays_inside_its_frame():
    # dot writes the scale with two decimals (0.2 for 0.1986): the right edge of a wide map was cut off
    import glob
    import re

    import argmap

    example = sorted(glob.glob(str(Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks" / "*.argmap")))
    svg = argmap.render(argmap.load(example), "svg", page="slide").decode("utf-8")
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))
    scale, pad = map(float, re.search(r'scale\(([\d.]+) [\d.]+\) rotate\(0\) translate\(([\d.]+)', svg).groups())
    xs = [float(x) for points in re.findall(r'points="([^"]*)"', svg) for x in re.findall(r"(-?[\d.]+),", points)]
    assert scale < 1 and (max(xs) + pad) * scale <= width + 0.01
