"""`argmap render` and `argmap stats` as a user drives them: outputs, exit codes, atomic writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap.draw.graphviz
import argmap.publish.formats

from .helpers import ROOT, TALKS, needs_dot

FILES = [str(p) for p in TALKS]


def fake_dot(directory: Path, body: str) -> None:
    """Put a `dot` on PATH that does what ``body`` says instead of drawing."""
    script = directory / "dot"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)


@pytest.fixture
def old_output(tmp_path) -> Path:
    out = tmp_path / "map.svg"
    out.write_text("old map", encoding="utf-8")
    return out


def assert_untouched(out: Path) -> None:
    assert out.read_text(encoding="utf-8") == "old map"
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == [], "no temporary files left"


def test_dot_goes_to_stdout_without_graphviz(argmap_cli, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot anywhere: DOT output does not need it
    result = argmap_cli("render", *FILES, "--rankdir", "LR", "--no-legend")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('digraph "argmap" {') and 'rankdir="LR"' in result.stdout
    assert "cluster_legend" not in result.stdout


@needs_dot
def test_svg_to_a_file_replaces_it_atomically(argmap_cli, old_output):
    result = argmap_cli("render", *FILES, "-o", old_output)
    assert result.exit_code == 0, result.stderr
    assert old_output.read_text(encoding="utf-8").startswith("<?xml")
    assert result.stdout == ""


@needs_dot
def test_json_format_goes_to_stdout(argmap_cli):
    result = argmap_cli("render", *FILES, "--format", "json", "--focus", "Window")
    assert result.exit_code == 0, result.stderr
    assert "objects" in json.loads(result.stdout)


@pytest.mark.parametrize("extension", [".dot", ".gv"])
def test_dot_extensions_write_dot(argmap_cli, tmp_path, extension):
    out = tmp_path / f"map{extension}"
    assert argmap_cli("render", *FILES, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "svg"], "svg output cannot go to the terminal"),
        (["--format", "png"], "write it to a file with -o FILE"),
        (["-o", "map.txt"], "cannot tell the output format from"),
        (["--depth", "2"], "--depth needs --focus"),
        (["--labels", "all"], "Invalid value for '--labels'"),
        (["--group-by", "tag"], "Invalid value for '--group-by'"),
        (["--rankdir", "BT"], "Invalid value for '--rankdir'"),
        (["--timeout", "0"], "Invalid value for '--timeout'"),
    ],
)
def test_usage_errors_exit_2(argmap_cli, tmp_path, args, words):
    result = argmap_cli("render", *FILES, *args, cwd=tmp_path)
    assert result.exit_code == 2
    assert words in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args, words",
    [
        (["--focus", "Talks stal"], "hint: did you mean 'Talks stall'?"),
        (["--position", "peace"], "the map has #ceasefire, #pressure"),
        (["--source", "times"], "the map has herald, courier, gazette"),
    ],
)
def test_options_naming_nothing_exit_1(argmap_cli, old_output, args, words):
    result = argmap_cli("render", *FILES, *args, "-o", old_output)
    assert result.exit_code == 1
    assert words in result.stderr and "Traceback" not in result.stderr
    assert_untouched(old_output)


def test_bad_input_exits_1_and_keeps_the_old_map(argmap_cli, tmp_path, old_output):
    broken = tmp_path / "broken.argmap"
    broken.write_text("[A]: x\n\n  + [B]\n", encoding="utf-8")
    result = argmap_cli("render", broken, "-o", old_output)
    assert result.exit_code == 1
    assert "broken.argmap:3:3: error:" in result.stderr
    assert_untouched(old_output)


def test_missing_dot_exits_3_with_an_install_hint(argmap_cli, monkeypatch, tmp_path, old_output):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = argmap_cli("render", *FILES, "-o", old_output)
    assert result.exit_code == 3
    assert "error: Graphviz's dot program was not found" in result.stderr
    assert "apt-get install graphviz" in result.stderr
    assert_untouched(old_output)


def test_missing_dot_in_a_real_process(tmp_path):
    """The installed command, with a PATH that has no dot: exit 3, no traceback."""
    out = tmp_path / "map.png"
    env = {**os.environ, "PATH": str(tmp_path)}
    command = [sys.executable, "-m", "argmap", "render", *FILES, "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_dot_failure_exits_3_with_its_message(argmap_cli, monkeypatch, tmp_path, old_output):
    fake_dot(tmp_path, 'echo "Error: <stdin>: syntax error in line 1" >&2\nexit 1')
    monkeypatch.setenv("PATH", str(tmp_path))
    result = argmap_cli("render", *FILES, "-o", old_output)
    assert result.exit_code == 3
    assert "Graphviz's dot failed (exit status 1): Error: <stdin>: syntax error in line 1" in result.stderr
    assert "Traceback" not in result.stderr
    assert_untouched(old_output)


def test_dot_timeout_exits_3(argmap_cli, monkeypatch, tmp_path, old_output):
    fake_dot(tmp_path, f"exec {shutil.which('sleep')} 10")
    monkeypatch.setenv("PATH", str(tmp_path))
    result = argmap_cli("render", *FILES, "-o", old_output, "--timeout", "0.3")
    assert result.exit_code == 3
    assert "did not finish within 0.3 seconds" in result.stderr
    assert_untouched(old_output)


def test_failed_render_leaves_the_old_file(argmap_cli, monkeypatch, old_output):
    def broken_dot(dot_text, fmt, timeout):
        raise argmap.draw.graphviz.GraphvizError("dot-failed", status=70, reason="out of memory")

    monkeypatch.setattr(argmap.publish.formats, "run_dot", broken_dot)
    result = argmap_cli("render", *FILES, "-o", old_output)
    assert result.exit_code == 3 and "out of memory" in result.stderr
    assert_untouched(old_output)


def test_help_explains_json_and_exit_status(argmap_cli):
    text = " ".join(argmap_cli("render", "--help").stdout.split())
    assert "dot -Tjson" in text and "3 Graphviz missing" in text


def test_stats_text_and_json(argmap_cli):
    text = argmap_cli("stats", *FILES)
    assert text.exit_code == 0 and text.stdout.startswith("Sources\n")
    data = json.loads(argmap_cli("stats", *FILES, "--format", "json").stdout)
    assert [s["id"] for s in data["sources"]] == ["herald", "courier", "gazette"]


def test_unwritable_output_is_a_clear_error(argmap_cli, tmp_path):
    result = argmap_cli("render", *FILES, "-o", tmp_path / "no-such-dir" / "map.dot")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
