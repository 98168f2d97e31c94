"""`argmap watch` and argmap.publish.watch: re-render on save, keep the last good output, report, stop cleanly."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from argmap.core.errors import ArgmapError, message
from argmap.publish.watch import Outcome, render_job, watch

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")

GOOD = "[Alpha]: The first claim.\n  + [Beta]: The second claim.\n"
BROKEN = "[Alpha]: The first claim.\n  + [Beta: an unclosed title.\n"
FIXED = "[Alpha]: The first claim.\n  + [Beta]: The second claim.\n  - [Gamma]: A third claim.\n"
WAIT = 20.0  # seconds: every wait is bounded


def save(path: Path, text: str) -> None:
    """As an editor saves: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class Watching:
    """argmap.publish.watch.watch in a thread, its outcomes in a queue; always stopped."""

    def __init__(self, files: list[Path], output: Path, fmt: str = "svg"):
        self.outcomes: queue.Queue[Outcome] = queue.Queue()
        self.ready, self.stop = threading.Event(), threading.Event()
        job = render_job(files, fmt)
        kwargs = {"stop_event": self.stop, "on_ready": lambda _inputs: self.ready.set()}
        self.thread = threading.Thread(target=watch, args=(files, output, job, self.outcomes.put), kwargs=kwargs, daemon=True)

    def __enter__(self) -> "Watching":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop.set()
        self.thread.join(timeout=WAIT)
        assert not self.thread.is_alive(), "the watcher stops when asked"

    def next(self) -> Outcome:
        return self.outcomes.get(timeout=WAIT)


@needs_dot
def test_watch_renders_keeps_the_last_good_output_and_renders_again(tmp_path):
    source, output = tmp_path / "map.argmap", tmp_path / "map.svg"
    source.write_text(GOOD, encoding="utf-8")
    with Watching([source], output) as watching:
        first = watching.next()
        assert first.written and first.changed == () and first.errors == 0 and first.seconds > 0
        assert watching.ready.wait(WAIT)
        good = output.read_bytes()
        assert b"Alpha" in good

        save(source, BROKEN)
        broken = watching.next()
        assert not broken.written and broken.errors == 1 and broken.changed == (str(source),)
        assert "the title is not closed" in broken.diagnostics[0].message
        assert output.read_bytes() == good, "the last good SVG stays"

        save(source, FIXED)
        fixed = watching.next()
        while not fixed.written:  # an editor's save may arrive in two bursts
            fixed = watching.next()
        assert b"Gamma" in output.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == [], "no temporary files left"


@needs_dot
def test_a_changed_article_is_a_change_of_the_map(tmp_path):
    (tmp_path / "article.txt").write_text("Talks have stalled again.\n", encoding="utf-8")
    source, output = tmp_path / "map.argmap", tmp_path / "map.html"
    source.write_text('===\nsource:\n  article: article.txt\n===\n\n[Stall]: The talks stall.\n  > "Talks have stalled"\n', encoding="utf-8")
    with Watching([source], output, fmt="html") as watching:
        assert watching.next().written and watching.ready.wait(WAIT)
        save(tmp_path / "article.txt", "The talks are going well.\n")
        outcome = watching.next()
        assert not outcome.written and outcome.changed == (str(tmp_path / "article.txt"),)
        assert any(d.code == "quote-not-found" for d in outcome.diagnostics)


def test_without_graphviz_watch_gives_up_at_once(tmp_path, monkeypatch):
    source = tmp_path / "map.argmap"
    source.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path))
    outcomes: list[Outcome] = []
    last = watch([source], tmp_path / "map.svg", render_job([source], "svg"), outcomes.append)
    assert last.fatal and not last.written and outcomes == [last]
    assert last.diagnostics[-1].code == "dot-missing"


# ---------------------------------------------------------------- the command


class Process:
    """`argmap watch` in a subprocess; its output collected by threads; killed if the test fails."""

    def __init__(self, args: list[str], cwd: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "argmap", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.out: list[str] = []
        self.err: list[str] = []
        self.readers = [threading.Thread(target=self._read, args=(s, b), daemon=True) for s, b in ((self.process.stdout, self.out), (self.process.stderr, self.err))]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line)

    def wait_for(self, condition, what: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"waited in vain for {what}\n--- stdout\n{''.join(self.out)}--- stderr\n{''.join(self.err)}")

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        status = self.process.wait(timeout=WAIT)
        for reader in self.readers:
            reader.join(timeout=WAIT)
        return status

    def __enter__(self) -> "Process":
        return self

    def __exit__(self, *_exc) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT)


@needs_dot
def test_the_command_prints_errors_keeps_the_svg_and_stops_on_ctrl_c(tmp_path):
    source, output = tmp_path / "map.argmap", tmp_path / "map.svg"
    source.write_text(GOOD, encoding="utf-8")
    with Process(["watch", "map.argmap", "-o", "map.svg", "--theme", "mono"], tmp_path) as watching:
        watching.wait_for(lambda: any(line.startswith("watching 1 file;") for line in watching.out), "the watcher to start")
        assert output.exists() and "wrote map.svg in " in watching.out[0]
        good = output.read_bytes()

        save(source, BROKEN)
        watching.wait_for(lambda: any("not written, 1 error" in line for line in watching.out), "the failed render to be reported")
        # stderr has a reader thread of its own
        watching.wait_for(lambda: "map.argmap:2:5: error: the title is not closed with ']'" in "".join(watching.err), "the error")
        assert output.read_bytes() == good

        save(source, FIXED)
        watching.wait_for(lambda: b"Gamma" in output.read_bytes(), "the fixed map")
        # the file can be in place before the reader thread has the line that says so
        watching.wait_for(
            lambda: any(line.startswith("[") and "wrote map.svg in " in line and "(map.argmap changed)" in line for line in watching.out),
            "the line saying the map was written again",
        )

        status = watching.interrupt()
    assert status == 0, "".join(watching.err)
    assert "Traceback" not in "".join(watching.err) and watching.out[-1] == "stopped\n"


def test_the_command_checks_its_options(argmap_cli, tmp_path):
    source = tmp_path / "map.argmap"
    source.write_text(GOOD, encoding="utf-8")
    assert argmap_cli("watch", source).exit_code == 2, "-o is required"
    result = argmap_cli("watch", source, "-o", tmp_path / "map.pdf", "--width", "500")
    assert result.exit_code == 2 and "--width caps" in result.stderr
    assert argmap_cli("watch", source, "-o", tmp_path / "map.xyz").exit_code == 2
    assert argmap_cli("watch", source, "-o", tmp_path / "map.svg", "--depth", "1").exit_code == 2


def test_watch_refuses_an_output_that_is_one_of_its_inputs(tmp_path):
    """As `render -o` does: the argument file, or an article it reads, is never overwritten (issue 22)."""
    (tmp_path / "article.txt").write_text("Talks have stalled again.\n", encoding="utf-8")
    source = tmp_path / "map.argmap"
    text = '===\nsource:\n  article: article.txt\n===\n\n[Stall]: The talks stall.\n  > "Talks have stalled"\n'
    source.write_text(text, encoding="utf-8")
    job = render_job([source], "svg", draw_map=lambda _map: b"<svg/>")
    for output in (source, tmp_path / "article.txt", tmp_path / "." / "map.argmap"):
        before = output.read_bytes()
        with pytest.raises(ArgmapError) as refused:
            watch([source], output, job, lambda _outcome: None)
        assert refused.value.code == "output-is-input"
        assert refused.value.text == message("output-is-input", file=str(output))
        assert output.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "map.argmap"], "no temporary file left"


def test_the_command_refuses_an_input_as_its_output_with_renders_error(argmap_cli, tmp_path):
    source = tmp_path / "map.argmap"
    source.write_text(GOOD, encoding="utf-8")
    watched = argmap_cli("watch", "map.argmap", "-o", "map.argmap", "--format", "svg", cwd=tmp_path)
    rendered = argmap_cli("render", "map.argmap", "-o", "map.argmap", "--format", "svg", cwd=tmp_path)
    assert watched.exit_code == rendered.exit_code == 1
    assert watched.stderr == rendered.stderr and "is one of the inputs" in watched.stderr
    assert source.read_text(encoding="utf-8") == GOOD
