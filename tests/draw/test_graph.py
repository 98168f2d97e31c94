"""Step 1, without Graphviz: what the map shows for each view option."""

from __future__ import annotations

import dataclasses

import pytest

from argmap.core.errors import ArgmapError
from argmap.core.text import is_http_url
from argmap.draw.context import OKABE_ITO, graphviz_colour, position_colours
from argmap.draw.graph import build_graph
from argmap.draw.graph_types import ClusterKind, EdgeKind, NodeKind, node_id
from argmap.draw.labels import wrap_lines
from argmap.draw.options import ViewOptions

from .helpers import hostile, talks


def sid(title: str) -> str:
    return node_id(NodeKind.STATEMENT, title)


def aid(title: str) -> str:
    return node_id(NodeKind.ARGUMENT, title)


def edges(graph) -> set[tuple[str, str, str]]:
    return {(e.tail, e.head, e.kind.value) for e in graph.edges}


def test_node_ids_are_stable_slugs_with_a_hash():
    assert sid("Talks stall") == "s_talks_stall_b08237e7"
    assert aid("Talks stall") != sid("Talks stall")
    assert node_id(NodeKind.STATEMENT, "Переговоры").startswith("s_") and len(sid("Переговоры")) == 10
    assert node_id(ClusterKind.ARGUMENT, "Delay").startswith("cluster_argument_delay_")


def test_default_view_shows_arguments_and_statements_outside_reconstructions():
    graph = build_graph(talks())
    ids = {n.id for n in graph.nodes}
    assert {aid(t) for t in ("Delay", "Scheduling", "Window", "Exhaustion passes")} <= ids
    assert sid("Ceasefire now") in ids and sid("Fewer casualties") in ids
    assert sid("Postponed") not in ids, "a premise used nowhere else stays inside its argument"
    assert len(ids) == len(graph.nodes) == 10


def test_reconstructed_argument_supports_its_conclusion_when_that_is_on_the_map():
    graph = build_graph(talks())
    implicit = {(e.tail, e.head) for e in graph.edges if e.implicit}
    assert implicit == {(aid("Delay"), sid("Talks stall")), (aid("Window"), sid("Ceasefire now"))}
    assert all(e.kind is EdgeKind.SUPPORT for e in graph.edges if e.implicit)


def test_every_relation_type_becomes_an_edge():
    kinds = {e.kind for e in build_graph(talks()).edges}
    assert {k.value for k in kinds} == {"support", "attack", "undercut", "contradictory", "entails", "contrary"}


def test_relations_between_positions_are_marked_heavy():
    graph = build_graph(talks())
    by_ends = {(e.tail, e.head): e for e in graph.edges}
    assert by_ends[(sid("Progress"), sid("Talks stall"))].cross_position  # ceasefire → pressure
    assert not by_ends[(aid("Delay"), sid("Talks stall"))].cross_position  # pressure → pressure
    assert not by_ends[(sid("Ceasefire now"), sid("Fewer casualties"))].cross_position  # neutral end


def test_positions_colour_nodes_declared_colour_first_then_okabe_ito():
    assert position_colours(talks()) == {"ceasefire": "#0072B2", "pressure": OKABE_ITO[1]}
    colours = {n.id: n.color for n in build_graph(talks()).nodes}
    assert colours[aid("Delay")] == OKABE_ITO[1]
    assert colours[sid("Fewer casualties")] == "", "untagged, used for no position: neutral"


def test_untagged_statement_is_drawn_neutral_but_knows_what_it_is_used_for():
    nodes = {n.id: n for n in build_graph(talks(), ViewOptions(pcs=True)).nodes}
    postponed = nodes[sid("Postponed")]  # an untagged premise of <Delay> #pressure
    assert postponed.position is None and postponed.color == "", "a claim the mapper left neutral is drawn neutral"
    assert postponed.used_for == "pressure", "the page's position filter still keeps it with its argument"
    assert "used by Pressure first arguments" in postponed.tooltip  # the fixture position's label


def test_colours_are_normalised_for_graphviz():
    assert graphviz_colour("#a0c") == "#AA00CC"
    assert graphviz_colour("SteelBlue") == "steelblue"
    assert graphviz_colour("red; x") == ""


def test_badges_number_sources_in_map_order_and_link_only_http():
    nodes = {n.id: n for n in build_graph(talks()).nodes}
    assert [b.number for b in nodes[sid("Ceasefire now")].badges] == [2, 3]
    assert nodes[sid("Ceasefire now")].badges[1].url == "", "the Gazette has no url"
    assert nodes[sid("Talks stall")].badges[0].url.startswith("https://")
    assert not is_http_url("javascript:alert(1)") and not is_http_url("https://x/<script>")


def test_hostile_source_url_never_reaches_the_graph():
    evil = dataclasses.replace(hostile().sources[0], url="javascript:alert(1)")
    argument_map = dataclasses.replace(hostile(), sources=(evil,))
    graph = build_graph(argument_map)
    assert all(b.url == "" for n in graph.nodes for b in n.badges)
    assert all(s.url == "" for s in graph.legend.sources)


def test_labels_option_and_wrapping():
    nodes = {n.id: n for n in build_graph(talks(), ViewOptions(labels="title")).nodes}
    assert nodes[sid("Talks stall")].title_lines == ("Talks stall",) and nodes[sid("Talks stall")].text_lines == ()
    nodes = {n.id: n for n in build_graph(talks(), ViewOptions(labels="text", wrap=12)).nodes}
    assert nodes[sid("Talks stall")].title_lines == ()
    assert nodes[sid("Talks stall")].text_lines == ("The peace", "talks have", "stalled.")


def test_long_labels_are_cut_but_tooltips_keep_the_text():
    lines = wrap_lines("word " * 2000, 20, 3)
    assert len(lines) == 3 and lines[-1].endswith("…") and all(len(line) <= 20 for line in lines)
    assert wrap_lines("x" * 10_000, 32, 2) == ("x" * 32, "x" * 31 + "…")


def test_pcs_view_expands_arguments_into_clusters_with_inference_bars():
    graph = build_graph(talks(), ViewOptions(pcs=True))
    clusters = {c.id: c for c in graph.clusters}
    delay = node_id(ClusterKind.ARGUMENT, "Delay")
    assert clusters[delay].label_lines == ("Delay",)
    inside = {n.id for n in graph.nodes if n.cluster == delay}
    bar = next(n for n in graph.nodes if n.kind is NodeKind.INFERENCE and n.cluster == delay)
    assert inside == {bar.id, sid("Postponed"), sid("Untitled 1 (herald)")}
    assert bar.text_lines == ("modus ponens",)
    assert (sid("Postponed"), bar.id, "premise") in edges(graph)
    assert (bar.id, sid("Talks stall"), "conclusion") in edges(graph), "a conclusion on the map stays outside, shared"
    assert (aid("Scheduling"), bar.id, "undercut") in edges(graph), "an undercut hits the inference bar it names"
    assert aid("Delay") not in {n.id for n in graph.nodes}


@pytest.mark.parametrize("grouping, kind", [("position", ClusterKind.POSITION), ("source", ClusterKind.SOURCE), ("section", ClusterKind.SECTION)])
def test_group_by_draws_clusters(grouping, kind):
    graph = build_graph(talks(), ViewOptions(group_by=grouping))
    assert any(c.kind is kind for c in graph.clusters)
    cluster_ids = {c.id for c in graph.clusters}
    assert all(n.cluster is None or n.cluster in cluster_ids for n in graph.nodes)
    parents = [c.parent for c in graph.clusters]
    assert all(p is None or p in cluster_ids for p in parents)


def test_group_by_source_leaves_shared_statements_between_clusters():
    nodes = {n.id: n for n in build_graph(talks(), ViewOptions(group_by="source")).nodes}
    assert nodes[sid("Ceasefire now")].cluster is None
    assert nodes[sid("Talks stall")].cluster == node_id(ClusterKind.SOURCE, "herald")


def test_group_by_section_nests_sections_in_their_documents():
    graph = build_graph(talks(), ViewOptions(group_by="section"))
    sections = [c for c in graph.clusters if c.kind is ClusterKind.SECTION]
    assert {c.label_lines for c in sections} == {("Claims",), ("Reconstruction",), ("Ceasefire",)}
    assert all(c.parent is not None for c in sections)


def test_focus_keeps_the_neighbourhood():
    graph = build_graph(talks(), ViewOptions(focus="Window", depth=1))
    assert {n.id for n in graph.nodes} == {aid("Window"), sid("Ceasefire now"), aid("Exhaustion passes")}
    graph = build_graph(talks(), ViewOptions(focus="[Talks stall]", depth=0))
    assert [n.id for n in graph.nodes] == [sid("Talks stall")] and graph.edges == ()


def test_focus_on_a_premise_brings_it_onto_the_map():
    graph = build_graph(talks(), ViewOptions(focus="Postponed", depth=1))
    assert {n.id for n in graph.nodes} == {sid("Postponed"), aid("Delay")}


def test_unknown_focus_suggests_a_title():
    with pytest.raises(ArgmapError) as error:
        build_graph(talks(), ViewOptions(focus="Talks stal"))
    assert error.value.code == "render-unknown-focus"
    assert "did you mean 'Talks stall'?" == error.value.hint


def test_position_filter_accepts_tag_or_label_and_lists_known_ones():
    by_tag = build_graph(talks(), ViewOptions(position="#pressure"))
    by_label = build_graph(talks(), ViewOptions(position="pressure first"))
    assert by_tag == by_label
    assert {n.position for n in by_tag.nodes} == {"pressure"}
    with pytest.raises(ArgmapError) as error:
        build_graph(talks(), ViewOptions(position="peace"))
    assert error.value.code == "render-unknown-position"
    assert "#ceasefire, #pressure" in str(error.value)


def test_source_filter_keeps_what_the_source_asserts():
    graph = build_graph(talks(), ViewOptions(source="gazette"))
    assert {n.id for n in graph.nodes} == {sid("Ceasefire now"), sid("Fewer casualties"), sid("Frozen conflict")}
    assert build_graph(talks(), ViewOptions(source="3")) == graph
    with pytest.raises(ArgmapError) as error:
        build_graph(talks(), ViewOptions(source="times"))
    assert "herald, courier, gazette" in str(error.value)


def test_focus_outside_the_filtered_view_is_an_error():
    with pytest.raises(ArgmapError) as error:
        build_graph(talks(), ViewOptions(focus="Delay", source="gazette"))
    assert error.value.code == "render-focus-hidden"


def test_legend_lists_positions_relation_kinds_and_shown_sources():
    legend = build_graph(talks()).legend
    assert [p.tag for p in legend.positions] == ["ceasefire", "pressure"]
    assert len(legend.edge_kinds) == 6 and legend.cross_position
    assert [s.number for s in legend.sources] == [1, 2, 3]
    assert build_graph(talks(), ViewOptions(legend=False)).legend is None
    assert [s.number for s in build_graph(talks(), ViewOptions(source="gazette")).legend.sources] == [2, 3]


def test_tooltips_hold_full_text_quotes_sources_and_reconstruction():
    nodes = {n.id: n for n in build_graph(talks()).nodes}
    tooltip = nodes[sid("Talks stall")].tooltip
    assert "The peace talks have stalled." in tooltip
    assert "“The talks have stalled again.” — The Herald: Talks stall again (2024-03-01)" in tooltip
    assert "Position: Pressure first" in tooltip
    assert "(1) [Postponed] The meeting was postponed twice." in nodes[aid("Delay")].tooltip
    assert "-- modus ponens --" in nodes[aid("Delay")].tooltip


def test_graph_is_a_pure_function_of_the_map():
    assert build_graph(talks(), ViewOptions(pcs=True, group_by="position")) == build_graph(talks(), ViewOptions(pcs=True, group_by="position"))
