"""The `argmap watch` session in docs/rendering.md runs as shown; every command on the page is run by some test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .test_watch import Process

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "rendering.md"
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.S)


def blocks() -> list[tuple[str, str]]:
    return FENCE.findall(DOC.read_text(encoding="utf-8"))


def sessions() -> list[tuple[str, list[str]]]:
    """(command, the lines shown after it) for each `$ argmap watch` in a console block."""
    found = []
    for language, body in blocks():
        if language != "console":
            continue
        lines = body.splitlines()
        for index, line in enumerate(lines):
            if line.startswith("$ argmap watch "):
                shown = []
                for after in lines[index + 1 :]:
                    if after.startswith("$ "):
                        break
                    shown.append(after)
                found.append((line[2:], shown))
    return found


def test_every_command_on_the_page_is_run_by_a_test():
    """sh blocks are run by tests/draw/test_rendering_doc.py, watch sessions here; nothing else may hold a command."""
    assert sessions()
    for language, body in blocks():
        for line in body.splitlines():
            if language == "sh":
                continue
            if line.startswith("$ argmap watch "):
                assert language == "console"
                continue
            assert not re.match(r"^(\$ )?argmap ", line), f"a command no test runs: {line}"


def shape(line: str) -> str:
    """A printed line with its numbers and file list generalised, to compare with the page."""
    return re.sub(r"\d+", "N", re.sub(r"\(.*changed\)", "(… changed)", line))


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")
@pytest.mark.parametrize("command,shown", sessions())
def test_watch_session_runs_as_shown(command, shown, tmp_path):
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    words = command.split()
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob(words[2]))  # the shell's glob
    args = words[1:2] + files + words[3:]
    output = tmp_path / words[words.index("-o") + 1]
    with Process(args, tmp_path) as watching:
        watching.wait_for(lambda: any(line.startswith("watching ") for line in watching.out), "the watcher to start")
        assert output.stat().st_size > 0
        status = watching.interrupt()
    assert status == 0, "".join(watching.err)
    printed = [shape(line.rstrip("\n")) for line in watching.out]
    assert printed[:2] == [shape(line) for line in shown[:2]]
    assert printed[-1] == "stopped" and shown[-1].endswith("stopped")
