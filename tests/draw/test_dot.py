"""Step 2, without Graphviz: DOT text per view (snapshots), determinism, escaping."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from argmap.draw.dot import to_dot
from argmap.draw.escaping import html_text, quoted_tooltip
from argmap.draw.graph import build_graph
from argmap.draw.options import ViewOptions
from argmap.draw.themes import tint
from argmap.merge.combine import load

from .helpers import EXAMPLES, ROOT, SNAPSHOTS, TALKS, hostile, talks

VIEWS = {
    "default": ViewOptions(),
    "labels-title": ViewOptions(labels="title"),
    "labels-text-wrap-20": ViewOptions(labels="text", wrap=20),
    "group-position": ViewOptions(group_by="position"),
    "group-source": ViewOptions(group_by="source"),
    "group-section": ViewOptions(group_by="section"),
    "pcs": ViewOptions(pcs=True),
    "pcs-group-position": ViewOptions(pcs=True, group_by="position"),
    "focus-window-depth-1": ViewOptions(focus="<Window>", depth=1),
    "position-pressure": ViewOptions(position="pressure"),
    "source-courier": ViewOptions(source="courier"),
    "no-legend-lr": ViewOptions(legend=False, rankdir="LR"),
}


@pytest.mark.parametrize("name", VIEWS)
def test_dot_snapshot(name, snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(to_dot(build_graph(talks(), VIEWS[name])), f"talks-{name}.dot")


def test_hostile_dot_snapshot(snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(to_dot(build_graph(hostile(), ViewOptions(pcs=True, group_by="section"))), "hostile-pcs-section.dot")


# ---------------------------------------------------------------- structure cannot change


def skeleton(dot: str) -> str:
    """The DOT text with every quoted and HTML string replaced by a placeholder."""
    out, i = [], 0
    while i < len(dot):
        char = dot[i]
        if char == '"':
            j = i + 1
            while dot[j] != '"':
                assert dot[j] != "\n", "a raw newline inside a DOT string"
                j += 2 if dot[j] == "\\" else 1
            out.append('"S"')
            i = j + 1
        elif char == "<":
            depth, j = 0, i
            while True:
                depth += {"<": 1, ">": -1}.get(dot[j], 0)
                j += 1
                if depth == 0:
                    break
            out.append("<H>")
            i = j
        else:
            out.append(char)
            i += 1
    return "".join(out)


STATEMENT = re.compile(
    r"""^\s*(?:
        digraph\ "S"\ \{ |
        (?:graph|node|edge)\ \[.*\]; |
        subgraph\ cluster_\w+\ \{ |
        \} |
        \w+\ \[.*\]; |
        \w+\ ->\ \w+\ \[.*\]; |
        \{rank=same;[\w;\ ]*\}
    )$""",
    re.X,
)
ATTRIBUTE = re.compile(r'\w+=(?:"S"|<H>)')


def assert_well_formed(dot: str, graph) -> None:
    shape = skeleton(dot)
    for line in shape.splitlines():
        assert STATEMENT.match(line), line
        for attributes in re.findall(r"\[(.*)\]", line):
            assert all(ATTRIBUTE.fullmatch(a) for a in attributes.split(", ")), line
    body = shape.split("subgraph cluster_legend")[0]
    assert body.count("->") == len(graph.edges)
    assert len(re.findall(r"^\s*(?!(?:graph|node|edge) )\w+ \[", body, re.M)) == len(graph.nodes)


@pytest.mark.parametrize("options", [ViewOptions(), ViewOptions(pcs=True, group_by="section"), ViewOptions(group_by="source")])
def test_hostile_text_cannot_change_the_structure(options):
    graph = build_graph(hostile(), options)
    dot = to_dot(graph)
    assert_well_formed(dot, graph)
    unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)  # quoted strings are plain text to Graphviz
    assert "<script>" not in unquoted and "javascript:alert(1)" in unquoted  # markup escaped, text kept
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in dot


def test_ten_thousand_character_labels(tmp_path):
    path = tmp_path / "long.argmap"
    title, text = "T" * 10_000, " ".join(["word"] * 2_000)
    path.write_text(f"[{title}]: {text}\n  - [Short]: x {'y' * 10_000}\n", encoding="utf-8")
    graph = build_graph(load([path]))
    dot = to_dot(graph)
    assert_well_formed(dot, graph)
    assert len(dot) < 30_000, "labels are wrapped and cut, tooltips capped"


def test_escaping_rules():
    assert html_text('a<b>&"c"\\N') == "a&lt;b&gt;&amp;&quot;c&quot;\\\\N"
    assert html_text("line\x00\x1b") == "line  "
    assert quoted_tooltip('say "hi"\\N\nnext & more') == '"say \\"hi\\"\\\\\\\\N\\nnext &amp; more"'
    assert tint("#0072B2") == "#B2D5E8" and tint("steelblue") == "steelblue"


# ---------------------------------------------------------------- determinism

PROGRAM = """
import sys
from argmap.draw.dot import to_dot
from argmap.draw.graph import build_graph
from argmap.draw.options import ViewOptions
from argmap.merge.combine import load
sys.stdout.write(to_dot(build_graph(load(sys.argv[1:]), ViewOptions(pcs=True, group_by="position"))))
"""


def test_dot_is_byte_identical_across_runs_and_hash_seeds():
    expected = to_dot(build_graph(load(TALKS), ViewOptions(pcs=True, group_by="position")))
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", PROGRAM, *map(str, TALKS)], capture_output=True, env=env, cwd=ROOT, check=True)
        assert result.stdout.decode("utf-8") == expected, f"PYTHONHASHSEED={seed}"


def test_example_set_dot_snapshot(snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(to_dot(build_graph(load(EXAMPLES))), "ukraine-talks.dot")
