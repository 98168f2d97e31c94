"""Our reading checked against an independent reader: arguebuf (PyPI), the
argument-graph library of the ReCAP project, loads the same files.

Its counts of I-nodes and of support, attack, rephrase and preference
schemes must equal what our import made of each file, counted on the
imported map itself; and it must load our export with the counts the map
says it has."""

from __future__ import annotations

import json

import arguebuf  # a test dependency (pyproject.toml's test extra)
import pytest

import argmap

from .helpers import EXAMPLE, FIXTURES, REAL, arguebuf_counts, arguebuf_load, imported, map_counts


@pytest.mark.parametrize("name", REAL)
def test_our_import_counts_what_arguebuf_reads(name, tmp_path):
    expected = arguebuf_counts(arguebuf_load(FIXTURES / name))
    argument_map, _, _ = imported(name, tmp_path)
    assert map_counts(argument_map, argument_map.documents[0].front_matter) == expected
    assert expected["I"] > 0


@pytest.mark.parametrize("name", REAL)
def test_arguebuf_reads_our_export_of_the_import_as_it_reads_the_file(name, tmp_path):
    argument_map, _, _ = imported(name, tmp_path)
    graph = arguebuf.load.aif(json.loads(argmap.to_aif(argument_map)))
    assert arguebuf_counts(graph) == arguebuf_counts(arguebuf_load(FIXTURES / name))


def test_arguebuf_loads_our_export_of_the_example_map():
    argument_map = argmap.load(EXAMPLE)
    data = json.loads(argmap.to_aif(argument_map))
    graph = arguebuf.load.dict(data)  # arguebuf tells AIF by its "locutions" key, as for AIFdb's files
    assert arguebuf_counts(graph) == map_counts(argument_map) == {"I": 142, "RA": 81, "CA": 31}
    texts = sorted(node.plain_text for node in graph.atom_nodes.values())
    assert texts == sorted(s.text for s in argument_map.statements.values())
    assert len(graph.edges) == sum(1 for e in data["edges"] if _argumentative(data, e))


def _argumentative(data: dict, edge: dict) -> bool:
    """arguebuf keeps the edges between I-nodes and schemes, not those of the dialogue (L, YA)."""
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    return types[edge["fromID"]] not in ("L", "YA") and types[edge["toID"]] not in ("L", "YA")
