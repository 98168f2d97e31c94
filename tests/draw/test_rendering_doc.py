"""Every command in docs/rendering.md runs and succeeds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import EXAMPLES, ROOT

DOC = ROOT / "docs" / "rendering.md"
FENCE = re.compile(r"```sh\n(.*?)```", re.S)


def commands() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return [line for block in FENCE.findall(text) for line in block.splitlines() if line.startswith("argmap ")]


def test_the_page_has_commands_for_every_option():
    text = " ".join(commands())
    for option in ("-o", "--format", "--group-by", "--pcs", "--focus", "--depth", "--position", "--source", "--labels", "--wrap", "--no-legend", "--rankdir", "--page", "--pages", "stats"):
        assert option in text, option


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")
@pytest.mark.parametrize("command", commands())
def test_command_runs(command, tmp_path):
    assert EXAMPLES, "the commands use the example set"
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    written = re.search(r"-o (\S+)", command)
    if written:
        assert (tmp_path / written.group(1)).stat().st_size > 0
    else:
        assert result.stdout
