"""Watch latency: the time from saving a file to the new SVG, for a generated 100-node map.

    python bench/watch_bench.py [--nodes 100] [--repeat 7] [--theme default]

Starts the real `argmap watch FILE -o map.svg` in a subprocess, then saves a
changed version of the file `--repeat` times (after one warm-up save) and
measures, each time, from just before the write to the moment the SVG has
been replaced (polled every millisecond). Prints the median, the range and
the render time watch itself reports. Target (issue 7): at most 300 ms on 2
cores.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import document  # noqa: E402

from argmap.draw.graph import build_graph  # noqa: E402
from argmap.merge.combine import load  # noqa: E402

TARGET = 0.300
FRONT_MATTER = "===\nsource:\n  id: bench\n  title: Generated\npositions:\n" + "".join(f"  t{i}: {{label: Position {i}}}\n" for i in range(7)) + "===\n\n"


def generated(nodes: int, directory: Path) -> tuple[str, int]:
    """A document whose default view has at least ``nodes`` nodes, and how many it has."""
    for statements in range(10, 10 * nodes):
        text = FRONT_MATTER + document(statements)
        path = directory / "probe.argmap"
        path.write_text(text, encoding="utf-8")
        count = len(build_graph(load([path])).nodes)
        if count >= nodes:
            path.unlink()
            return text, count
    raise SystemExit(f"cannot generate {nodes} nodes")


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns


def wait_for_change(path: Path, before: tuple[int, int] | None, limit: float = 10.0) -> float:
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if stamp(path) != before:
            return time.perf_counter()
        time.sleep(0.001)
    raise SystemExit(f"{path} was not rewritten within {limit:g} s")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--nodes", type=int, default=100)
    options.add_argument("--repeat", type=int, default=7)
    options.add_argument("--theme", default="default", choices=["default", "print", "mono"])
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        text, nodes = generated(args.nodes, directory)
        source, output = directory / "bench.argmap", directory / "map.svg"
        source.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "argmap", "watch", str(source), "-o", str(output), "--theme", args.theme]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines: list[str] = []
        ready = threading.Event()

        def read() -> None:
            for line in process.stdout:
                lines.append(line)
                if line.startswith("watching"):
                    ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            if not ready.wait(30):
                raise SystemExit("argmap watch did not start: " + "".join(lines))
            latencies = []
            for run in range(args.repeat + 1):
                before = stamp(output)
                changed = text.replace("[S0]: ", f"[S0]: Edit {run}. ", 1)
                start = time.perf_counter()
                source.write_text(changed, encoding="utf-8")
                latency = wait_for_change(output, before) - start
                if run:  # the first save warms up
                    latencies.append(latency)
                time.sleep(0.3)  # let the watcher settle, as between two saves in an editor
        finally:
            process.send_signal(signal.SIGINT)
            status = process.wait(timeout=10)
            reader.join(timeout=5)
        reported = [int(m.group(1)) for line in lines if (m := re.search(r"wrote \S+ in (\d+) ms \(", line))]
        median = statistics.median(latencies)
        print(f"map: {nodes} nodes, {len(text)} bytes; {os.cpu_count()} cores; theme {args.theme}")
        print(f"save → new SVG: median {median * 1000:.0f} ms over {len(latencies)} saves (min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f}); target ≤ {TARGET * 1000:.0f} ms")
        if reported:
            print(f"render alone (as watch reports it): median {statistics.median(reported):.0f} ms")
        print(f"watch exited with status {status} on Ctrl-C")
        if median > TARGET:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
