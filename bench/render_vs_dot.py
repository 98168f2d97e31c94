#!/usr/bin/env python3
"""`argmap render -o map.svg` against bare `dot -Tsvg` on the DOT argmap writes (run by hand).

Usage:  python bench/render_vs_dot.py [--sizes 1000] [--example] [--repeat 5]
                                      [--argmap COMMAND] [--timeout 600]

For each size it generates a document (bench/generate.py: statements,
reconstructed arguments, support and attack relations, sections; 1 000
statements by default), has argmap write its DOT once (``argmap render FILE
-o map.dot``: the Graphviz attributes argmap chooses, big-map ones included,
are in it), then times whole processes, interleaved: ``argmap render FILE -o
map.svg`` (read, check, lay out, write DOT, run dot, finish the SVG) and
``dot -Tsvg map.dot -o bare.svg``. It prints the medians of the wall-clock
time and of the CPU time (user + system of the process and its children: on
a busy machine less noisy than the wall clock) and their ratio, argmap over
dot. Target (issue 15): at most 1.3 at 1 000 statements. The last column
is ``argmap render FILE -o map.dot``, timed in the same rotation: everything
argmap does but running dot and finishing its SVG. ``--example`` adds
the example map (examples/ukraine-talks), where starting Python dominates.

It also checks that both drew the same thing: the SVG argmap writes holds
Graphviz's drawing of the same DOT byte for byte, after the root element's
start tag, which argmap rewrites (title, description, size).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))
TARGET = 1.3
TARGET_SIZE = 1000
STATEMENT_NODE = re.compile(r"^\s*s_\w+ \[", re.M)  # a statement's node (an edge's line has "->" after the id)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, children included) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{shlex.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def drawing(svg: bytes) -> bytes:
    """An SVG from the root's first child on: what Graphviz drew, without the root's start tag."""
    return svg[svg.index(b'<g id="graph0"') :]


def measure(name: str, files: list[Path], folder: Path, argmap: list[str], repeat: int, timeout: float) -> tuple[float, float]:
    dot_file, svg_file, bare_file = folder / f"{name}.dot", folder / f"{name}.svg", folder / f"{name}-bare.svg"
    inputs = [str(f) for f in files]
    subprocess.run([*argmap, "render", *inputs, "-o", str(dot_file)], check=True, stderr=subprocess.DEVNULL)
    statements = len(STATEMENT_NODE.findall(dot_file.read_text(encoding="utf-8")))
    render = [*argmap, "render", *inputs, "-o", str(svg_file), "--timeout", f"{timeout:g}"]
    bare = ["dot", "-Tsvg", str(dot_file), "-o", str(bare_file)]
    own = [*argmap, "render", *inputs, "-o", str(folder / f"{name}-again.dot")]  # all but dot and the SVG's finishing
    samples: dict[str, list[tuple[float, float]]] = {"argmap": [], "dot": [], "own": []}
    for run in range(repeat):
        order = [("argmap", render), ("dot", bare), ("own", own)]
        for who, command in order[run % 3 :] + order[: run % 3]:
            samples[who].append(timed(command))
    if drawing(svg_file.read_bytes()) != drawing(bare_file.read_bytes()):
        raise SystemExit(f"{name}: argmap's SVG does not hold dot's drawing of the same DOT")
    big = "nslimit" in dot_file.read_text(encoding="utf-8").split("\n", 2)[1]
    wall = {who: statistics.median(w for w, _ in runs) for who, runs in samples.items()}
    cpu = {who: statistics.median(c for _, c in runs) for who, runs in samples.items()}
    print(
        f"| {name} | {statements} | {'yes' if big else 'no'} | {wall['argmap']:.2f} | {wall['dot']:.2f} | {wall['argmap'] / wall['dot']:.2f} "
        f"| {cpu['argmap']:.2f} | {cpu['dot']:.2f} | {cpu['argmap'] / cpu['dot']:.2f} | {cpu['own']:.2f} |",
        flush=True,
    )
    return wall["argmap"] / wall["dot"], cpu["argmap"] / cpu["dot"]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="*", default=[TARGET_SIZE], help="statements per generated document")
    options.add_argument("--example", action="store_true", help="also time the example map")
    options.add_argument("--repeat", type=int, default=5, help="runs of each command (interleaved); medians are printed")
    options.add_argument("--argmap", default=f"{sys.executable} -m argmap", help="the argmap command timed")
    options.add_argument("--timeout", type=float, default=600.0, help="argmap render's --timeout")
    args = options.parse_args()
    argmap = shlex.split(args.argmap)
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    print(f"{version}; {os.cpu_count()} cores; {args.repeat} runs each, interleaved; medians in seconds\n")
    print("| map | statement nodes | big-map limits | argmap wall | dot wall | ratio | argmap CPU | dot CPU | ratio | argmap -o map.dot CPU |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    ratios = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.example:
            measure("example", EXAMPLE, folder, argmap, args.repeat, args.timeout)
        for size in args.sizes:
            source = folder / f"generated-{size}.argmap"
            source.write_text(document(size), encoding="utf-8")
            ratios[size] = measure(f"{size} statements", [source], folder, argmap, args.repeat, args.timeout)
    if TARGET_SIZE in ratios:
        wall, cpu = ratios[TARGET_SIZE]
        verdict = "met" if max(wall, cpu) <= TARGET else "NOT met"
        print(f"\ntarget: render / dot ≤ {TARGET} at {TARGET_SIZE} statements: {verdict} (wall {wall:.2f}, CPU {cpu:.2f})")
        if verdict != "met":
            raise SystemExit(1)


if __name__ == "__main__":
    main()
