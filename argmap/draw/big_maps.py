"""Graphviz attributes that keep ``dot`` quick on big maps.

On a map of some hundreds of statements with many long relations, nearly
all of dot's time goes into one step: placing the nodes side by side (the
"network simplex" on a graph with a virtual node wherever an edge crosses a
rank; 34 000 of them for 1 000 generated statements). It grows much faster
than the map: ``dot -Tsvg`` takes 1.6 s at 600 nodes, 14 s at 840, 81 s
at 1 200 (generated maps, Graphviz 2.43). ``nslimit`` stops that step after
``nslimit`` × (number of nodes) rounds. Ranks and the order within them are
decided before it, so the same edges cross; what changes is that long edges
are not pulled straight, so they bend more. Maps below
:data:`BIG_MAP_NODES` nodes are left as they are (their DOT is unchanged);
docs/rendering.md ("Big maps: dot's time") has the measurements.
"""

from __future__ import annotations

BIG_MAP_NODES = 700  # from here on, dot's side-by-side placement is bounded
NSLIMIT = "2"  # rounds per node: 7.6 s instead of 81 s for 1 000 generated statements


def big_map_attributes(nodes: int) -> list[tuple[str, str]]:
    """Graph attributes for a map of ``nodes`` nodes: none below :data:`BIG_MAP_NODES`."""
    if nodes < BIG_MAP_NODES:
        return []
    return [("nslimit", NSLIMIT)]
