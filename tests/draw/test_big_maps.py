"""Big maps: dot's side-by-side placement is bounded from BIG_MAP_NODES nodes on; smaller maps' DOT is as before."""

from __future__ import annotations

import json
import random
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from argmap.draw.big_maps import BIG_MAP_NODES, NSLIMIT
from argmap.draw.dot import to_dot
from argmap.draw.graph import build_graph
from argmap.draw.graph_types import Graph
from argmap.merge.combine import load
from argmap.publish.formats import render

from .helpers import EXAMPLES, needs_dot, talks

WORDS = "talks sanctions ceasefire pressure leverage deal summit envoy frontline guarantees".split()


def generated(statements: int) -> str:
    """Statements only (one node each), each supporting or attacking earlier ones: many long edges, as in big real maps."""
    rng = random.Random(15)
    lines = []
    for i in range(statements):
        lines.append(f"[S{i}]: {' '.join(rng.choice(WORDS) for _ in range(6)).capitalize()}.")
        for _ in range(min(i, 2)):
            lines.append(f"  {rng.choice('+-')} [S{rng.randrange(i)}]")
        lines.append("")
    return "\n".join(lines)


@lru_cache(maxsize=None)
def graph_of(statements: int, folder: str) -> Graph:
    path = Path(folder) / f"generated-{statements}.argmap"
    path.write_text(generated(statements), encoding="utf-8")
    return build_graph(load([path]))


def graph_line(graph: Graph) -> str:
    return to_dot(graph).splitlines()[1]


def test_small_maps_get_no_limit():
    """The maps people draw every day (and the reviewed DOT snapshots) keep dot's own placement."""
    for graph in (build_graph(talks()), build_graph(load(EXAMPLES))):
        assert len(graph.nodes) < BIG_MAP_NODES
        assert "nslimit" not in to_dot(graph)


def test_from_the_threshold_on_the_placement_is_bounded(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("big"))
    below, at = graph_of(BIG_MAP_NODES - 1, folder), graph_of(BIG_MAP_NODES, folder)
    assert (len(below.nodes), len(at.nodes)) == (BIG_MAP_NODES - 1, BIG_MAP_NODES)
    assert "nslimit" not in graph_line(below)
    assert graph_line(at).endswith(f', nslimit="{NSLIMIT}"];'), "a graph attribute: it bounds the whole layout"
    assert graph_line(at).replace(f', nslimit="{NSLIMIT}"', "") == graph_line(below), "nothing else changes"


@needs_dot
def test_a_bounded_layout_keeps_every_box_apart(tmp_path_factory):
    """Stopping dot's placement early (nslimit) must not leave boxes overlapping on a rank."""
    graph = graph_of(BIG_MAP_NODES, str(tmp_path_factory.mktemp("big")))
    laid_out = json.loads(render(graph, "json", timeout=120))
    boxes = []
    for item in laid_out["objects"]:
        if "pos" in item and "width" in item:
            x, y = (float(v) for v in item["pos"].split(","))
            boxes.append((round(y, 1), x, float(item["width"]) * 72 / 2, item["name"]))
    drawn = {name for *_, name in boxes}
    assert {n.id for n in graph.nodes} <= drawn
    for _rank, row in groupby(sorted(boxes), key=lambda box: box[0]):
        row = sorted(row, key=lambda box: box[1])
        for left, right in zip(row, row[1:]):
            assert left[1] + left[2] <= right[1] - right[2] + 0.01, (left[3], right[3])
