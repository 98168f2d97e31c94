"""Outputs: never an input, a device or a symbolic link replaced; a full stdout is an error, not a traceback."""

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

MAP = "[A]: x\n  + [B]: y\n"
ARGMAP = [sys.executable, "-m", "argmap"]


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "argdown-json"], ["render", "--format", "dot"]])
def test_an_output_that_is_an_input_is_refused(argmap_cli, tmp_path, command):
    (tmp_path / "a.argmap").write_text(MAP)
    result = argmap_cli(*command, "a.argmap", "-o", "a.argmap", cwd=tmp_path)
    assert result.exit_code == 1
    assert "error: the output 'a.argmap' is one of the inputs; an input is never overwritten" in result.stderr
    assert (tmp_path / "a.argmap").read_text() == MAP


def test_an_output_that_is_an_input_through_a_link_is_refused(argmap_cli, tmp_path):
    (tmp_path / "a.argmap").write_text(MAP)
    (tmp_path / "out.svg").symlink_to("a.argmap")
    result = argmap_cli("render", "--format", "svg", "-o", "out.svg", "a.argmap", cwd=tmp_path)
    assert result.exit_code == 1
    assert "is one of the inputs" in result.stderr
    assert (tmp_path / "a.argmap").read_text() == MAP


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_never_replaced(argmap_cli, tmp_path):
    (tmp_path / "a.argmap").write_text(MAP)
    os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    result = argmap_cli("export", "a.argmap", "-o", "null", cwd=tmp_path)
    assert result.exit_code == 1
    assert "error: the output 'null' exists and is not a regular file; only a regular file is replaced" in result.stderr
    assert stat.S_ISCHR((tmp_path / "null").lstat().st_mode)


def test_a_fifo_is_never_replaced(argmap_cli, tmp_path):
    (tmp_path / "a.argmap").write_text(MAP)
    os.mkfifo(tmp_path / "pipe")
    result = argmap_cli("export", "a.argmap", "-o", "pipe", cwd=tmp_path)
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)


def test_fmt_formats_the_target_of_a_link_and_keeps_the_link(argmap_cli, tmp_path):
    (tmp_path / "real.argmap").write_text("[A]:   x\n")
    (tmp_path / "link.argmap").symlink_to("real.argmap")
    result = argmap_cli("fmt", "link.argmap", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "link.argmap").is_symlink()
    assert (tmp_path / "real.argmap").read_text() == "[A]: x\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["export", "a.argmap"], ["export", "--format", "argdown-json", "a.argmap"], ["fmt", "-"], ["render", "--format", "dot", "a.argmap"]])
def test_a_full_stdout_is_an_error_not_a_traceback(tmp_path, command):
    (tmp_path / "a.argmap").write_text(MAP)
    with open("/dev/full", "w") as full, open(tmp_path / "a.argmap") as stdin:
        finished = subprocess.run(ARGMAP + command, stdout=full, stdin=stdin, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert finished.returncode == 1
    assert "Traceback" not in finished.stderr
    assert "error: cannot write '<stdout>': No space left on device" in finished.stderr


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
def test_a_closed_pipe_is_quiet(tmp_path):
    (tmp_path / "a.argmap").write_text("".join(f"[A{n}]: x\n  + [B{n}]: y\n\n" for n in range(5000)))  # more than a pipe holds
    finished = subprocess.run(" ".join(ARGMAP) + " export a.argmap | head -c 10", shell=True, capture_output=True, text=True, cwd=tmp_path)
    assert finished.stdout == "{\n  \"versi"
    assert "Traceback" not in finished.stderr
