"""Whose voice on the drawing: a reported claim says whose, a hedge shows its
word, the mapper's reconstructions are dashed (claims) or start with an open
circle (links), and the legend explains both — in every theme."""

from pathlib import Path

import pytest

from argmap.draw.dot import to_dot
from argmap.draw.graph import build_graph
from argmap.draw.graph_types import NodeKind, node_id
from argmap.draw.options import ViewOptions
from argmap.draw.themes import THEMES
from argmap.merge.combine import load

VOICE = Path(__file__).resolve().parents[1] / "merge" / "voice"


@pytest.fixture
def graph(monkeypatch):
    monkeypatch.chdir(VOICE)
    return build_graph(load(["one.argmap", "two.argmap"]), ViewOptions())


def _node(graph, title):
    return next(n for n in graph.nodes if n.id == node_id(NodeKind.STATEMENT, title))


def test_a_reported_hedged_claim_says_whose_and_how_sure(graph):
    node = _node(graph, "Deference Emboldens Russia")
    assert node.voice == "According to critics · hedge: could"
    assert "the view of critics" in node.tooltip and "“could”" in node.tooltip
    dot = to_dot(graph)
    assert "<I>According to critics · hedge: could</I>" in dot


def test_the_mappers_claim_is_dashed_and_labelled(graph):
    node = _node(graph, "Weakness Invites Aggression")
    assert node.reconstructed and node.voice == "Reconstructed by the mapper"
    line = next(l for l in to_dot(graph).splitlines() if l.strip().startswith(node.id + " "))
    assert 'style="filled,dashed"' in line and "implicit premise" in line


def test_the_mappers_link_starts_with_an_open_circle(graph):
    (edge,) = [e for e in graph.edges if e.tail == node_id(NodeKind.STATEMENT, "Talks Are Theatre")]
    assert edge.reconstructed and "reconstructed by the mapper: the mapper links the two articles" in edge.tooltip
    line = next(l for l in to_dot(graph).splitlines() if l.strip().startswith(f"{edge.tail} -> {edge.head}"))
    assert 'arrowtail="odot"' in line and 'dir="both"' in line


def test_the_legend_explains_the_marks_only_when_they_are_drawn(graph, tmp_path):
    assert graph.legend.reconstructed
    dot = to_dot(graph)
    assert "legend_reconstructed" in dot and "the mapper&#x27;s link" in dot
    plain = tmp_path / "plain.argmap"
    plain.write_text("[A]: a claim.\n  + [B]: a reason.\n", encoding="utf-8")
    assert "legend_reconstructed" not in to_dot(build_graph(load([plain])))


@pytest.mark.parametrize("theme", ["print", "mono"])
def test_print_themes_keep_position_lines_and_say_it_in_words(graph, theme):
    dot = to_dot(graph, THEMES[theme])
    node = _node(graph, "Weakness Invites Aggression")
    line = next(l for l in dot.splitlines() if l.strip().startswith(node.id + " "))
    assert "<I>Reconstructed by the mapper</I>" in line
