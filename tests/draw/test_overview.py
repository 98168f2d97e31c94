"""`argmap render --overview`: the positions, their strongest claims and the arrows between them.

The figures a reader depends on are read from the SVG itself: the smallest
text at 900 pixels wide, the aspect, every position named, an arrow for every
pair of positions `argmap stats` says relate (with its count), tooltips that
list the claims behind each arrow.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

import argmap
from argmap.analyse.stats import position_matrix
from argmap.draw.context import position_colours
from argmap.draw.overview import NO_POSITION, build_overview
from argmap.draw.overview_dot import overview_to_dot
from argmap.draw.themes import THEMES
from argmap.merge.combine import load
from argmap.publish.formats import draw_overview

from .helpers import EXAMPLES, FIXTURES, SNAPSHOTS, hostile, needs_dot

SMALL = sorted((FIXTURES / "overview").glob("*.argmap"))
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
READ_AT = 900  # pixels: README and slide width


@lru_cache(maxsize=None)
def example():
    return load(EXAMPLES)


@lru_cache(maxsize=None)
def small():
    return load(SMALL)


@lru_cache(maxsize=None)
def svg_of(which: str, theme: str = "default", top: int = 3) -> bytes:
    return draw_overview(example() if which == "example" else small(), "svg", 30, THEMES[theme], top=top)


# ---------------------------------------------------------------- reading the SVG


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == kind}


def edges(root: ET.Element) -> list[tuple[str, ET.Element]]:
    """('tail->head', group) per arrow: a support and an attack between the same boxes share a title."""
    return [(g.find(f"{SVG}title").text, g) for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def tooltip(group: ET.Element) -> str:
    return next(a.get(f"{XLINK}title") for a in group.iter(f"{SVG}a") if a.get(f"{XLINK}title"))


def box_labels(root: ET.Element) -> dict[str, str]:
    """Node id → the label its box shows first (the position's name)."""
    return {name: texts(g)[0] for name, g in groups(root, "node").items()}


def arrows(root: ET.Element) -> dict[tuple[str, str, str], int]:
    """(from label, to label, 'support'|'attack') → the count its label shows."""
    labels = box_labels(root)
    found = {}
    for name, g in edges(root):
        tail, head = name.split("->")
        words = "".join(texts(g))  # "6 attacks"
        count, word = re.fullmatch(r"(\d+) (support|attack)s?", words).groups()
        found[(labels[tail], labels[head], word)] = int(count)
    return found


def figures(svg: bytes) -> tuple[float, float]:
    """(smallest text in pixels when the SVG is shown READ_AT pixels wide, width / height)."""
    root = ET.fromstring(svg)
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    sizes = [float(t.get("font-size")) for t in root.iter(f"{SVG}text")]
    return min(sizes) * READ_AT / width, width / height


# ---------------------------------------------------------------- the example's figures


@needs_dot
@pytest.mark.parametrize("theme", ["default", "print", "mono"])
def test_the_example_reads_at_slide_width(theme):
    smallest, aspect = figures(svg_of("example", theme))
    assert smallest >= 9, f"smallest text {smallest:.1f} px at {READ_AT} px wide"
    assert 0.5 <= aspect <= 2.0, f"aspect {aspect:.2f}"


@needs_dot
def test_every_position_is_named_and_every_related_pair_has_its_arrows_with_the_stats_counts():
    root = ET.fromstring(svg_of("example"))
    labels = {p.tag: p.label for p in example().positions}
    assert sorted(labels.values()) == sorted(v for v in box_labels(root).values() if v != NO_POSITION)
    drawn = arrows(root)
    expected = {}
    for cell in position_matrix(example()):
        if cell.source == cell.target:
            continue
        for word, count in (("support", cell.supports), ("attack", cell.attacks)):
            if count:
                expected[(labels[cell.source], labels[cell.target], word)] = count
    assert expected, "the example's positions relate"
    between = {k: v for k, v in drawn.items() if NO_POSITION not in k[:2]}
    assert between == expected


@needs_dot
def test_relations_within_a_position_are_counted_in_its_box():
    root = ET.fromstring(svg_of("example"))
    labels = {p.tag: p.label for p in example().positions}
    boxes = {texts(g)[0]: " ".join(texts(g)) for g in groups(root, "node").values()}
    for cell in position_matrix(example()):
        if cell.source == cell.target and cell.supports:
            assert f"Within:  {cell.supports} supports" in boxes[labels[cell.source]]


@needs_dot
def test_each_arrows_tooltip_lists_the_claims_behind_it():
    root = ET.fromstring(svg_of("example"))
    labels = box_labels(root)
    for name, g in edges(root):
        tail, head = name.split("->")
        first, *claims = tooltip(g).split("\n")
        count, word = re.search(r": (\d+) (support|attack)", first).groups()
        assert first.startswith(f"{labels[tail]} {word}s {labels[head]}: ")
        assert len(claims) == int(count)
        assert all(re.fullmatch(r"[\[<“].+[\]>”] (supports|entails|attacks|undercuts|is contrary to|contradicts) .+", c) for c in claims), claims
    restraint_attacks_pressure = next(tooltip(g) for n, g in edges(root) if labels[n.split("->")[0]] == "Restraint" and labels[n.split("->")[1]] == "Pressure" and "attack" in "".join(texts(g)))
    assert "<Military Solutions Have Run Out> attacks [Trump Should Follow Through on Threats]" in restraint_attacks_pressure


@needs_dot
def test_boxes_have_the_full_maps_position_colours():
    root = ET.fromstring(svg_of("example"))
    colours = position_colours(example())
    labels = {p.label: p.tag for p in example().positions}
    for g in groups(root, "node").values():
        label = texts(g)[0]
        stroke = next(p.get("stroke") for p in g.iter(f"{SVG}path"))
        if label in labels:
            assert stroke == colours[labels[label]].lower()


@needs_dot
def test_mono_tells_positions_apart_in_greys():
    root = ET.fromstring(svg_of("example", "mono"))
    looks = set()
    for g in groups(root, "node").values():
        paths = [p for p in g.iter(f"{SVG}path")]
        for colour in (paths[0].get("fill"), paths[0].get("stroke")):
            red, green, blue = (colour[i : i + 2] for i in (1, 3, 5))
            assert red == green == blue, f"{colour} is not a grey"
        looks.add((paths[0].get("fill"), paths[0].get("stroke-dasharray"), len(paths)))
    assert len(looks) == len(groups(root, "node")), "every box looks different"
    kinds = {(p.get("stroke-dasharray"), "attack" in "".join(texts(g))) for _, g in edges(root) for p in g.iter(f"{SVG}path")}
    assert kinds == {(None, False), ("5,2", True)}, "supports solid, attacks dashed"


# ---------------------------------------------------------------- what the boxes list


def test_the_strongest_claims_are_those_most_sources_make_then_the_most_related():
    overview = build_overview(small(), top=3)
    boxes = {box.label: box for box in overview.boxes}
    assert [c.lines for c in boxes["Doves"].claims] == [("Talk",), ("Truce",), ("Monitors",)]
    assert [c.sources for c in boxes["Doves"].claims] == [2, 1, 1]
    assert [c.lines for c in boxes["Hawks"].claims] == [("Arms",), ("Deter",)]
    assert (boxes["Doves"].statements, boxes["Owls"].statements, boxes["Owls"].claims) == (3, 0, ())
    assert [c.lines for c in build_overview(small(), top=1).boxes[0].claims] == [("Talk",)]
    assert all(box.claims == () for box in build_overview(small(), top=0).boxes)


def test_unpositioned_claims_get_their_own_box_only_when_a_relation_touches_them():
    overview = build_overview(small())
    assert overview.boxes[-1].label == NO_POSITION and [c.lines for c in overview.boxes[-1].claims] == [("History",)]
    links = {(l.tail, l.head, l.kind.value): l.relations for l in overview.links}
    assert links[("no_position", "position_1", "support")] == ("[History] supports [Talk]",)
    quiet = argmap.loads("===\npositions:\n  a: A\n===\n\n[One]: One. #a\n  + [Two]: Two. #a\n\n[Aside]: Nobody relates to this.\n")
    assert [box.label for box in build_overview(quiet).boxes] == ["A"]


@needs_dot
def test_the_small_map_draws_its_unpositioned_box_and_names_every_position():
    root = ET.fromstring(svg_of("small"))
    assert sorted(box_labels(root).values()) == sorted(["Doves", "Hawks", "Owls", NO_POSITION])
    assert arrows(root) == {
        ("Doves", "Hawks", "attack"): 1,
        ("Hawks", "Doves", "attack"): 2,
        (NO_POSITION, "Doves", "support"): 1,
    }
    doves = next(" ".join(texts(g)) for g in groups(root, "node").values() if texts(g)[0] == "Doves")
    assert "Talk" in doves and "2 sources" in doves and "Within:  1 support" in doves


@needs_dot
def test_top_zero_lists_no_claims():
    root = ET.fromstring(svg_of("small", top=0))
    doves = next(texts(g) for g in groups(root, "node").values() if texts(g)[0] == "Doves")
    assert "Talk" not in doves and "3 claims · 0 arguments" in doves


# ---------------------------------------------------------------- DOT, determinism, escaping


def test_example_overview_dot_snapshot(snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(overview_to_dot(build_overview(example())), "ukraine-talks-overview.dot")


def test_small_overview_dot_snapshot_in_mono_with_one_claim(snapshot):
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(overview_to_dot(build_overview(small(), top=1), THEMES["mono"]), "overview-small-mono-top-1.dot")


@needs_dot
@pytest.mark.parametrize("fmt", ["dot", "svg", "pdf"])
def test_the_same_map_gives_the_same_bytes(fmt):
    assert draw_overview(load(EXAMPLES), fmt, 30) == draw_overview(load(EXAMPLES), fmt, 30)


@needs_dot
def test_input_text_stays_text():
    svg = draw_overview(hostile(), "svg", 30)
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert any('<script>alert("x")</script>' in t for g in groups(root, "node").values() for t in texts(g))


def test_a_map_without_positions_is_an_input_error_with_a_hint():
    with pytest.raises(argmap.ArgmapError) as raised:
        build_overview(argmap.loads("[Talks]: Talks help.\n  - [War]: War goes on.\n"))
    assert raised.value.code == "overview-no-positions" and "positions.yaml" in raised.value.hint


# ---------------------------------------------------------------- the command and the API


def test_the_command_refuses_options_that_select_parts_of_the_full_map(argmap_cli, tmp_path):
    files = [str(p) for p in SMALL]
    for option in (["--focus", "Talk"], ["--pcs"], ["--group-by", "position"], ["--position", "doves"], ["--source", "alpha"], ["--labels", "title"], ["--rankdir", "LR"], ["--depth", "1"], ["--evaluate"], ["--page", "slide"], ["--pages"]):
        result = argmap_cli("render", *files, "--overview", *option, "-o", tmp_path / "o.svg")
        assert result.exit_code == 2, option
        assert f"{option[0]} does not apply to --overview" in result.stderr
    result = argmap_cli("render", *files, "--top", "2")
    assert result.exit_code == 2 and "--top needs --overview" in result.stderr
    assert argmap_cli("render", *files, "--overview", "--top", "-1").exit_code == 2
    assert not list(tmp_path.iterdir())


def test_the_command_says_how_to_declare_positions(argmap_cli, tmp_path):
    source = tmp_path / "plain.argmap"
    source.write_text("[Talks]: Talks help.\n  - [War]: War goes on.\n", encoding="utf-8")
    result = argmap_cli("render", source, "--overview")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "error: the overview draws the map's positions, but none are declared" in result.stderr
    assert "hint: declare positions" in result.stderr


@needs_dot
@pytest.mark.parametrize("name, magic", [("o.svg", b"<?xml"), ("o.png", b"\x89PNG"), ("o.pdf", b"%PDF"), ("o.html", b"<!DOCTYPE html>"), ("o.dot", b'digraph "argmap_overview"')])
def test_the_command_writes_every_format(argmap_cli, tmp_path, name, magic):
    width = ["--width", "600"] if name.endswith((".svg", ".png", ".html")) else []
    result = argmap_cli("render", *[str(p) for p in SMALL], "--overview", "--theme", "print", *width, "-o", tmp_path / name)
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / name).read_bytes()
    assert data.startswith(magic)
    if name == "o.svg":
        assert ET.fromstring(data).get("width") == "600px"
    if name == "o.html":
        assert b"Overview of the positions" in data and b"Hawks" in data


@needs_dot
def test_the_api_draws_the_overview_and_refuses_what_does_not_apply():
    debate = argmap.load(SMALL)
    assert argmap.to_dot(debate, overview=True, top=2) == overview_to_dot(build_overview(small(), top=2))
    assert argmap.render(debate, "svg", overview=True, wrap=20, legend=False) == draw_overview(small(), "svg", wrap=20, legend=False)
    with pytest.raises(TypeError, match="focus"):
        argmap.render(debate, "svg", overview=True, focus="Talk")
    with pytest.raises(TypeError, match="overview=True"):
        argmap.to_dot(debate, top=2)
    with pytest.raises(ValueError):
        argmap.to_dot(debate, overview=True, top=-1)


def test_watch_refuses_options_the_overview_cannot_take(argmap_cli, tmp_path):
    result = argmap_cli("watch", *[str(p) for p in SMALL], "--overview", "--pcs", "-o", tmp_path / "o.svg")
    assert result.exit_code == 2 and "--pcs does not apply to --overview" in result.stderr


@needs_dot
def test_watch_keeps_the_overview_up_to_date(tmp_path):
    for path in SMALL:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    output = tmp_path / "overview.svg"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "argmap", "watch", "a.argmap", "b.argmap", "--overview", "-o", "overview.svg"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not (output.exists() and b"Hawks" in output.read_bytes()) and time.monotonic() < deadline:
            time.sleep(0.05)
        first = output.read_bytes()
        assert b"Overview of the positions" in first
        changed = (tmp_path / "b.argmap").read_text(encoding="utf-8").replace("[Talk]: Talks end wars. #doves", "[Talk]: Talks end wars. #doves\n  + [Boats]: Boats. #owls")
        (tmp_path / "b.argmap").write_text(changed, encoding="utf-8")
        while b"Boats" not in output.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert b"Boats" in output.read_bytes()
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0 and "Traceback" not in err, err


def test_the_example_svg_in_the_repository_is_the_overview():
    picture = Path(EXAMPLES[0]).parent / "overview.svg"
    root = ET.fromstring(picture.read_bytes())
    assert root.find(f"{SVG}title").text.startswith("Overview of the positions")
    smallest, aspect = figures(picture.read_bytes())
    assert smallest >= 9 and 0.5 <= aspect <= 2.0


# ---------------------------------------------------------------- Markdown blocks


@needs_dot
def test_a_markdown_block_draws_the_overview(argmap_cli, tmp_path):
    for path in SMALL:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    doc = tmp_path / "lesson.md"
    doc.write_text("# Lesson\n\n```argmap overview top=1 theme=mono file=*.argmap\n```\n", encoding="utf-8")
    result = argmap_cli("embed", doc, "-o", tmp_path / "out.md")
    assert result.exit_code == 0, result.stderr
    written = (tmp_path / "out.md").read_text(encoding="utf-8")
    link = re.search(r"!\[Overview of the positions: 3 positions, 3 relations between them\. [^\]]*\]\(([^)\s]+)", written).group(1)
    picture = ET.fromstring((tmp_path / link).read_bytes())
    assert sorted(box_labels(picture).values()) == sorted(["Doves", "Hawks", "Owls", NO_POSITION])
    assert "Truce" not in " ".join(t for g in groups(picture, "node").values() for t in texts(g)), "top=1"


def test_a_markdown_block_refuses_what_the_overview_cannot_take(argmap_cli, tmp_path):
    for path in SMALL:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for options, said in (("overview focus=Talk", "focus= does not apply to overview"), ("top=2", "top= needs overview")):
        doc = tmp_path / "lesson.md"
        doc.write_text(f"```argmap {options} file=*.argmap\n```\n", encoding="utf-8")
        result = argmap_cli("embed", doc, "-o", tmp_path / "out.md")
        assert result.exit_code == 1 and said in result.stderr and "Traceback" not in result.stderr, result.stderr
