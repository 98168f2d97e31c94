"""`argmap lsp` as a command: its exit status, the message without the extra,
and that no other command pays for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def test_without_the_extra_it_says_how_to_install_it(argmap_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if pygls were not installed
    result = argmap_cli("lsp")
    assert result.exit_code == 3
    assert result.stderr == (
        "error: the language server needs pygls and lsprotocol, an optional extra\n"
        "  hint: install the extra: pip install 'argmap[lsp]'\n"
    )


@pytest.mark.parametrize("command", [["--help"], ["check", str(HERE / "workspace" / "alpha.argmap")]])
def test_other_commands_do_not_load_the_server(command):
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom argmap.cli.main import main\n"
        f"result = CliRunner().invoke(main, {command!r})\nassert result.exit_code == 0, result.output\n"
        "print(' '.join(sys.modules))"
    )
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert not {m for m in loaded if m.startswith(("argmap.lsp", "pygls", "lsprotocol"))}


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.mark.parametrize("shut_down, status", [(True, 0), (False, 1)])
def test_exit_status_follows_the_protocol(tmp_path, shut_down, status):
    """0 when the editor asked to shut down before exit, 1 when it did not."""
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    ]
    if shut_down:
        messages.append({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    messages.append({"jsonrpc": "2.0", "method": "exit"})
    result = subprocess.run([sys.executable, "-m", "argmap", "lsp"], input=b"".join(map(frame, messages)), capture_output=True, timeout=60)
    assert result.returncode == status, result.stderr.decode()
    assert b'"name":"argmap"' in result.stdout.replace(b" ", b"")  # the initialize result names the server
    assert b"Traceback" not in result.stderr
