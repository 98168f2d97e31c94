"""`render --evaluate`: the grounded labels drawn on the map (DOT snapshots, the
legend, tooltips, views, themes), and the real SVG."""

from __future__ import annotations

import re

import pytest

from argmap.draw.dot import to_dot
from argmap.draw.graph import build_graph
from argmap.draw.graph_types import NodeKind
from argmap.draw.options import ViewOptions
from argmap.draw.themes import THEMES
from argmap.merge.combine import load

from .helpers import EXAMPLES, FIXTURES, SNAPSHOTS, needs_dot, talks

LESSON = FIXTURES / "evaluation" / "lesson.argmap"


def lesson_graph(**view):
    return build_graph(load([LESSON]), ViewOptions(evaluate=True, **view))


@pytest.mark.parametrize("theme", ["default", "mono"])
def test_dot_snapshot(theme, snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(to_dot(lesson_graph(), THEMES[theme]), f"evaluation-lesson-{theme}.dot")


def test_every_statement_and_argument_on_the_map_gets_its_label():
    graph = lesson_graph()
    verdicts = {node.title_lines[0]: node.verdict for node in graph.nodes}
    assert verdicts == {
        "Arm Ukraine": "in", "Arms Prolong the War": "out", "Arms Forced Talks": "in",
        "Talk Now": "undec", "Talks Are Theatre": "undec", "Sanctions First": "undec",
        "Exhaustion": "out", "Both Armies Are Worn Out": "out", "Russia Keeps Recruiting": "in",
    }  # [A Ceasefire Is Near] lives only inside <Exhaustion>'s structure: no node of its own
    assert graph.legend.verdicts == ("in", "out", "undec")


def test_the_tooltip_says_why():
    (node,) = [n for n in lesson_graph().nodes if n.title_lines == ("Exhaustion",)]
    assert node.tooltip.endswith(
        "Grounded label: OUT (defeated by IN [Russia Keeps Recruiting], which attacks its premise [Both Armies Are Worn Out])"
    )


def test_the_legend_lists_only_the_labels_drawn():
    graph = build_graph(talks(), ViewOptions(evaluate=True))
    shown = {node.verdict for node in graph.nodes if node.kind is not NodeKind.INFERENCE}
    assert graph.legend.verdicts == tuple(v for v in ("in", "out", "undec") if v in shown)
    assert "Grounded labels" in to_dot(graph)


def test_a_view_shows_the_labels_of_the_whole_map():
    """Focused on [Arms Prolong the War] at depth 0 its IN attacker is not drawn, and it is still OUT."""
    graph = lesson_graph(focus="Arms Prolong the War", depth=0)
    assert [(n.title_lines[0], n.verdict) for n in graph.nodes] == [("Arms Prolong the War", "out")]


def test_an_expanded_argument_carries_its_label_on_its_frame():
    graph = lesson_graph(pcs=True)
    (frame,) = [c for c in graph.clusters if c.label_lines == ("Exhaustion",)]
    assert frame.verdict == "out"
    assert all(not n.verdict for n in graph.nodes if n.kind is NodeKind.INFERENCE)


def test_without_evaluate_nothing_changes():
    plain = build_graph(load([LESSON]), ViewOptions())
    assert all(not n.verdict for n in plain.nodes) and not plain.legend.verdicts
    assert "Grounded" not in to_dot(plain)


def test_the_three_labels_differ_in_word_fill_and_line_in_every_theme():
    for theme in THEMES.values():
        dot = to_dot(lesson_graph(), theme)
        boxes = set(re.findall(r'<TD BORDER="1" COLOR="([^"]+)"( STYLE="\w+")? BGCOLOR="([^"]+)"[^>]*><FONT COLOR="[^"]+" POINT-SIZE="\d+"><B>(\w+)</B>', dot))
        words = {box[3] for box in boxes}
        assert words == {"IN", "OUT", "UNDEC"}, theme.name
        assert len({box[2] for box in boxes}) == 3 and len({box[1] for box in boxes}) >= 2, theme.name


@needs_dot
def test_the_example_map_renders_with_its_labels(argmap_cli, tmp_path):
    out = tmp_path / "evaluated.svg"
    result = argmap_cli("render", *EXAMPLES, "--evaluate", "--theme", "mono", "-o", out)
    assert result.exit_code == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    drawn = [n.verdict for n in build_graph(load(EXAMPLES), ViewOptions(evaluate=True)).nodes]
    assert (svg.count(">IN</text>"), svg.count(">OUT</text>")) == (drawn.count("in") + 1, drawn.count("out") + 1)  # + the legend's
    assert drawn.count("in") > 40 and drawn.count("out") > 10
    assert "Grounded label: OUT (defeated by IN" in svg


def test_evaluate_is_no_option_of_the_overview(argmap_cli):
    result = argmap_cli("render", *EXAMPLES, "--overview", "--evaluate")
    assert result.exit_code == 2 and "--evaluate" in result.stderr
