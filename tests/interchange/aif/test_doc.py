"""docs/aif.md: its commands run, in order, as a user would type them, and its
tables name every node type."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .helpers import FIXTURES, ROOT

DOC = ROOT / "docs" / "aif.md"
FENCE = re.compile(r"```sh\n(.*?)```", re.S)


def commands() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return [line for block in FENCE.findall(text) for line in block.splitlines() if line.startswith("argmap ")]


def test_the_commands_of_the_page_run_in_order(tmp_path):
    assert shutil.which("dot"), "Graphviz's dot is needed to render (make test installs it)"
    for fixture in FIXTURES.glob("*.json"):
        shutil.copy(fixture, tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    assert len(commands()) >= 6
    for command in commands():
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (command, result.stderr)
        written = re.search(r"-o (\S+)", command)
        if written:
            assert (tmp_path / written.group(1)).stat().st_size > 0, command


def test_the_page_says_what_becomes_of_every_node_type():
    text = DOC.read_text(encoding="utf-8")
    for kind in ("I-node", "RA node", "CA node", "MA node", "PA node", "L-node", "TA node", "YA node"):
        assert kind in text, kind
