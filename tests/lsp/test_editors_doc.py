"""docs/editors.md: its commands run, its configuration snippets parse and
start `argmap lsp`, and the VS Code extension it describes is the one in
editors/vscode/."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
EXTENSION = ROOT / "editors" / "vscode"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def commands() -> list[str]:
    return [line for block in blocks("sh") for line in block.splitlines() if line.startswith("argmap ")]


@pytest.mark.parametrize("command", commands())
def test_the_commands_run(command):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "language server" in result.stdout


def test_the_helix_configuration_starts_the_server_for_both_extensions():
    (helix,) = blocks("toml")
    config = tomllib.loads(helix)
    server = config["language-server"]["argmap"]
    assert [server["command"], *server["args"]] == ["argmap", "lsp"]
    (language,) = config["language"]
    assert language["file-types"] == ["argmap", "argdown"] and language["language-servers"] == ["argmap"]


def test_the_neovim_configurations_start_the_server():
    lua = blocks("lua")
    assert len(lua) == 2
    for block in lua:
        assert 'cmd = { "argmap", "lsp" }' in block
        assert 'vim.filetype.add({ extension = { argmap = "argmap", argdown = "argmap" } })' in block
        assert block.count("(") == block.count(")") and block.count("{") == block.count("}")


def test_the_emacs_configuration_is_balanced_and_starts_the_server():
    (elisp,) = blocks("elisp")
    depth = 0
    for char in re.sub(r'"(?:[^"\\]|\\.)*"', '""', elisp.replace("?\\(", "")):  # strings hold brackets of regexps
        depth += {"(": 1, ")": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert '(argmap-mode . ("argmap" "lsp"))' in elisp and "argmap\\\\|argdown" in elisp


def test_the_vscode_extension_is_the_one_described():
    package = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert f"code --install-extension {package['name']}-{package['version']}.vsix" in DOC
    assert "npx @vscode/vsce package" in DOC
    (settings,) = blocks("json")
    setting = json.loads(settings)
    assert list(setting) == list(package["contributes"]["configuration"]["properties"])
    (language,) = package["contributes"]["languages"]
    assert language["extensions"] == [".argmap", ".argdown"]
    extension = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert 'require("vscode-languageclient/node")' in extension and '["argmap", "lsp"]' in extension
    assert "vscode-languageclient" in package["dependencies"]
    assert "node_modules/" in (EXTENSION / ".gitignore").read_text(encoding="utf-8")


def test_the_readme_and_the_page_give_the_same_speed():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/editors.md" in readme
    median = re.search(r"median \*\*(\d+) ms\*\*", DOC).group(1)
    assert f"a median of {median} ms after an edit" in readme
