"""Shell completion (click's, set up with the one-liners in README.md) and --version."""

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ARGMAP = Path(sys.executable).parent / "argmap"


def _argmap(env: dict[str, str], *args: str) -> str:
    return subprocess.run([str(ARGMAP), *args], env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("shell", "start"), [("bash", "_argmap_completion() {"), ("zsh", "#compdef argmap"), ("fish", "function _argmap_completion;")])
def test_each_shell_gets_a_completion_script(shell, start):
    assert _argmap({"_ARGMAP_COMPLETE": f"{shell}_source"}).startswith(start)


def test_completion_offers_the_commands_and_options():
    commands = _argmap({"_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": "argmap ch", "COMP_CWORD": "1"})
    assert "plain,check" in commands.splitlines()
    options = _argmap({"_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": "argmap check --st", "COMP_CWORD": "2"})
    assert "plain,--strict" in options.splitlines()


def test_version_comes_from_the_package_metadata():
    assert _argmap({}, "--version") == f"argmap, version {version('argmap')}\n"
