"""`argmap import` and `argmap export --format aif` as a user runs them."""

from __future__ import annotations

import json
import shutil

import arguebuf
import pytest

from .helpers import EXAMPLE, FIXTURES, arguebuf_counts


def test_import_then_render_a_real_nodeset(argmap_cli, tmp_path):
    shutil.copy(FIXTURES / "nodeset6064.json", tmp_path / "nodeset.json")
    result = argmap_cli("import", "nodeset.json", "-o", "debate.argmap", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "nodeset.json:22:4: warning: 38 dialogue nodes (L, TA, YA) are not claims" in result.stderr
    assert argmap_cli("check", "--strict", "debate.argmap", cwd=tmp_path).exit_code == 0
    if shutil.which("dot") is None:
        pytest.fail("Graphviz's dot is needed to render (make test installs it)")
    rendered = argmap_cli("render", "debate.argmap", "-o", "debate.svg", cwd=tmp_path)
    assert rendered.exit_code == 0, rendered.stderr
    svg = (tmp_path / "debate.svg").read_text(encoding="utf-8")
    assert "Key Point British Empire Not" in svg and "Way Forward Britain Withdraw" in svg


def test_import_writes_to_stdout_without_o(argmap_cli):
    result = argmap_cli("import", "nodeset6362.json", cwd=FIXTURES)
    assert result.exit_code == 0
    assert result.stdout.startswith("===\nsource:\n  id: nodeset6362\n")
    assert result.stderr == ""


def test_bad_input_exits_1_with_the_json_path_and_no_traceback(argmap_cli, tmp_path):
    (tmp_path / "bad.json").write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}],\n "edges": [{"fromID": "1", "toID": "7"}]}', encoding="utf-8")
    result = argmap_cli("import", "bad.json", "-o", "out.argmap", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("bad.json:2:28: error: edges[0].toID: toID '7' names no node of the file\n")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.argmap").exists()


def test_not_json_exits_1(argmap_cli, tmp_path):
    (tmp_path / "notes.json").write_text("nodes: 1\n", encoding="utf-8")
    result = argmap_cli("import", "notes.json", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("notes.json:1:1: error: the file is not JSON:")


def test_import_never_overwrites_its_input(argmap_cli, tmp_path):
    shutil.copy(FIXTURES / "nodeset6362.json", tmp_path / "map.json")
    result = argmap_cli("import", "map.json", "-o", "map.json", cwd=tmp_path)
    assert result.exit_code == 1
    assert "the output 'map.json' is the input itself" in result.stderr
    assert (tmp_path / "map.json").read_bytes() == (FIXTURES / "nodeset6362.json").read_bytes()


def test_export_the_example_as_aif_for_arguebuf(argmap_cli, tmp_path):
    result = argmap_cli("export", *EXAMPLE, "--format", "aif", "-o", tmp_path / "map.json")
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert arguebuf_counts(arguebuf.load.aif(data)) == {"I": 142, "RA": 81, "CA": 31}
    again = argmap_cli("export", *EXAMPLE, "--format", "aif")
    assert again.stdout == (tmp_path / "map.json").read_text(encoding="utf-8")  # the same bytes each time
