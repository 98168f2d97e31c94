"""docs/evaluation.md says what argmap does: every `$ argmap …` block's output is
the real output (of the small map in the ```argmap block above it, saved as
lesson.argmap, or of the example map), and every command in its sh blocks runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "evaluation.md"
BLOCK = re.compile(r"```(argmap|text|sh)\n(.*?)```", re.S)


def examples() -> list[tuple[str, str, str]]:
    """(lesson markup, command, output shown) for each `$ argmap` block."""
    found, lesson = [], ""
    for kind, body in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        if kind == "argmap":
            lesson = body
        elif kind == "text" and body.startswith("$ argmap "):
            command, _, output = body.partition("\n")
            found.append((lesson, command[2:], output))
    return found


def commands() -> list[str]:
    return [line for kind, body in BLOCK.findall(DOC.read_text(encoding="utf-8")) if kind == "sh" for line in body.splitlines() if line.startswith("argmap ")]


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    (cwd / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_page_shows_every_kind_of_attack_and_label():
    shown = "".join(output for _, _, output in examples())
    for words in ("which attacks it", "which undercuts it", "which is contrary to it", "which attacks its premise", "whose conclusion",
                  "every attacker is OUT", "caught in the cycle", "kept open by", "Preferred extensions", "Stable extensions: 0"):
        assert words in shown, words


@pytest.mark.parametrize("lesson, command, output", examples(), ids=lambda value: value if isinstance(value, str) and value.startswith("argmap") else "")
def test_the_output_shown_is_the_output(lesson, command, output, tmp_path):
    (tmp_path / "lesson.argmap").write_text(lesson, encoding="utf-8")
    result = run(command, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == output


@pytest.mark.parametrize("command", commands())
def test_command_runs(command, tmp_path):
    result = run(command, tmp_path)
    assert result.returncode == 0, result.stderr
    written = re.search(r"-o (\S+)", command)
    if written:
        assert (tmp_path / written.group(1)).stat().st_size > 0
    else:
        assert result.stdout
