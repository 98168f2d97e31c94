"""Kills and timeouts: a killed render leaves no dot running and no temporary file after the next run."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.core.output import write_atomic
from argmap.draw.graphviz import GraphvizError, run_dot


def slow_dot() -> str:
    """A random graph that takes dot far longer than these tests wait (over 30 s on the CI machine)."""
    chance = random.Random(1)
    edges = "".join(f"n{chance.randrange(400)} -> n{chance.randrange(400)};\n" for _ in range(1600))
    return "digraph {\n" + edges + "}\n"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_dot_times_out():
    started = time.monotonic()
    with pytest.raises(GraphvizError) as stopped:
        run_dot(slow_dot(), "svg", 0.5)
    assert stopped.value.code == "dot-timeout"
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the death signal is Linux's")
def test_dot_dies_with_a_killed_argmap(tmp_path):
    (tmp_path / "slow.dot").write_text(slow_dot())
    script = "import sys; from argmap.draw.graphviz import run_dot; run_dot(open(sys.argv[1]).read(), 'svg', 300)"
    runner = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "slow.dot")])
    try:
        deadline = time.monotonic() + 20
        while not children_of(runner.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        (dot,) = children_of(runner.pid)
        os.kill(runner.pid, signal.SIGKILL)
        runner.wait()
        deadline = time.monotonic() + 5
        while Path(f"/proc/{dot}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                os.waitpid(dot, os.WNOHANG)  # not our child: only in case the tests run as its reaper
            except ChildProcessError:
                pass
        state = (Path(f"/proc/{dot}/stat").read_text().rsplit(")", 1)[1].split()[0]) if Path(f"/proc/{dot}").exists() else "gone"
        assert state in ("gone", "Z")  # a zombie is dead, waiting for init to reap it
    finally:
        if runner.poll() is None:
            runner.kill()


def test_the_next_write_removes_a_killed_runs_temporary_file(tmp_path):
    target = tmp_path / "map.svg"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".map.svg.argmap-{dead.pid}-0123abcd.tmp"
    stale.write_bytes(b"half a file")
    mine = tmp_path / f".map.svg.argmap-{os.getpid()}-0123abcd.tmp"  # a live process's (this one): kept
    mine.write_bytes(b"being written")
    other = tmp_path / ".other.svg.argmap-1-0123abcd.tmp"  # another output's: not this write's business
    other.write_bytes(b"x")
    write_atomic(target, b"<svg/>")
    assert target.read_bytes() == b"<svg/>"
    assert not stale.exists()
    assert mine.exists() and other.exists()


def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path):
    script = (
        "import os, signal, sys\n"
        "import argmap.core.output as output\n"
        "real = output.os.fsync\n"
        "def fsync(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "output.os.fsync = fsync\n"
        "output.write_atomic(sys.argv[1], b'data')\n"
    )
    finished = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out.json")], capture_output=True)
    assert finished.returncode == -signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
