#!/usr/bin/env python3
"""argmap against Argdown on the same generated documents (run by hand).

Usage:  python bench/vs_argdown.py PATH/TO/argdown [--sizes 100 1000 5000 20000] [--repeat 3]
                                     [--argmap COMMAND] [--debates CORPUS]

Installs no Argdown. Get an ``argdown`` binary with, in a scratch folder:
``npm init -y``, add ``"overrides": {"@argdown/markdown-it-plugin": "1.7.7"}``
to package.json, ``npm install @argdown/cli@2.0.0``; the binary is
``node_modules/.bin/argdown``.

For each size it generates an Argdown document (bench/generate.py: statements,
reconstructed arguments, support and attack relations, sections), checks that
both tools find the same numbers of statements, arguments and relations, then
times whole processes, interleaved: ``argmap export FILE -o OUT`` and
``argdown json FILE OUTDIR``. It prints the medians of the wall time (what a
user waits), the speed-up and argmap's time per statement, and the median
CPU time of each tool with every process it waited for (argmap parses a
file over 256 KB in a second process on Linux, see
argmap/build/background.py; Node runs threads of its own); the last line
compares argmap's per-statement time at the largest size with the one at
the size before it (linear growth: at most 1.1×).

argmap is timed as a user gets it: by default the script builds the
project's wheel and installs it, with its core dependencies only (no test
extras), into a scratch virtualenv under ``~/.cache/argmap-bench/`` named by
a hash of the wheel's contents (so a rerun with unchanged code reuses it), and
times that virtualenv's ``argmap``. The development virtualenv would cost
more per process than a user pays: its editable install adds an import hook
(about 10 ms a start), and its test-only packages can change what libraries
load (Lark's own modules imported ``regex`` when it was installed: 9 ms).
``--argmap COMMAND``
times a given command instead (e.g. ``--argmap .venv/bin/argmap``, or
``--argmap "python -m argmap"``). The first run on a machine (the count
check, before any timed run) compiles the lexer's regular expressions and
keeps them in the user's cache (argmap/parse/kept_regexes.py), as every
later run of a user's argmap finds them.

``--debates CORPUS`` adds a row for documents people wrote rather than the
generator: the seven long example debates of the Argdown compatibility
corpus (``CORPUS/docs/01-*`` to ``07-*``, front matter dropped), copied until
the document is as large as ``--debates-bytes`` (3 MB by default, about the
generated 20 000 statements), every title in each copy suffixed with the
document and copy number so that the copies do not merge.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import copies, document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path.home() / ".cache" / "argmap-bench"
ARGMAP: list[str] = []  # the command timed; set by main()


def argmap_command() -> list[str]:
    return ARGMAP


def wheel_digest(wheel: Path) -> str:
    """A hash of what the wheel holds (names and contents): zip timestamps vary from build to build."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    return digest.hexdigest()[:16]


def _not_sources(folder: str, names: list[str]) -> set[str]:
    top = Path(folder) == ROOT
    return {n for n in names if n.startswith(".") or n == "__pycache__" or n.endswith(".egg-info") or (top and n in ("build", "dist"))}


def installed_argmap() -> list[str]:
    """``argmap`` from this checkout's wheel, installed with its core dependencies in a cached scratch venv."""
    with tempfile.TemporaryDirectory() as tmp:
        quiet = {"check": True, "stdout": subprocess.DEVNULL}
        # built from a copy: setuptools would otherwise reuse the checkout's build/, stale modules and all
        source = Path(tmp) / "source"
        shutil.copytree(ROOT, source, ignore=_not_sources)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp, str(source)], **quiet)
        (wheel,) = Path(tmp).glob("argmap-*.whl")
        venv = CACHE / wheel_digest(wheel)
        script = venv / "bin" / "argmap"
        if not script.exists():
            print(f"installing argmap's wheel in {venv} …", file=sys.stderr)
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], **quiet)
            subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], **quiet)
    return [str(script)]


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a whole process, with every process it waited for:
    argmap parses a large file in a second process, and Node runs threads of its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def counts_argmap(path: Path) -> tuple[int, int, int]:
    # Argdown's model (argdown-json): argmap's own JSON keeps some relations
    # Argdown drops (see docs/argdown.md), which a written debate has
    done = subprocess.run([*argmap_command(), "export", "--format", "argdown-json", str(path)], check=True, capture_output=True, text=True)
    data = json.loads(done.stdout)
    return len(data["statements"]), len(data["arguments"]), len(data["relations"])


def counts_argdown(argdown: str, path: Path, out: Path) -> tuple[int, int, int]:
    subprocess.run([argdown, "json", str(path), str(out)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
    return len(data["statements"]), len(data["arguments"]), len(data["relations"])


def debates(corpus: Path, size: int) -> str:
    """The corpus's long example debates, copied to about ``size`` characters (see the module's docstring)."""
    texts = []
    for path in sorted((corpus / "docs").glob("0[1-7]-*.argdown")):
        text = path.read_text(encoding="utf-8-sig")
        if text.startswith("==="):  # front matter: once is enough, and copies of it would be text
            text = text[text.index("\n===", 3) + 4 :]
        texts.append(text)
    if not texts:
        raise SystemExit(f"no documents {corpus}/docs/01-*.argdown … 07-*.argdown")
    return copies(texts, size)


def compare(argdown: str, path: Path, out: Path, repeat: int) -> tuple[tuple[int, int, int], float, float, float, float] | None:
    """Counts both tools agree on, the median wall times of each and their median
    CPU times; None (after saying why) if the counts differ."""
    ours, theirs = counts_argmap(path), counts_argdown(argdown, path, out)
    if ours != theirs:
        print(f"{path.name}: counts differ (statements, arguments, relations): argmap {ours}, argdown {theirs}", file=sys.stderr)
        return None
    times: dict[str, list[tuple[float, float]]] = {"argmap": [], "argdown": []}
    for _ in range(repeat):  # interleaved, so drift hits both tools alike
        times["argmap"].append(timed([*argmap_command(), "export", str(path), "-o", str(out / f"{path.stem}.argmap.json")]))
        times["argdown"].append(timed([argdown, "json", str(path), str(out)]))
    wall = {tool: statistics.median(w for w, _cpu in runs) for tool, runs in times.items()}
    cpu = {tool: statistics.median(c for _w, c in runs) for tool, runs in times.items()}
    return ours, wall["argmap"], wall["argdown"], cpu["argmap"], cpu["argdown"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("argdown", help="path to the argdown binary (@argdown/cli 2.0.0)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and size (median; at least 3)")
    parser.add_argument("--debates", type=Path, metavar="CORPUS", help="also time copies of the Argdown corpus's example debates")
    parser.add_argument("--argmap", metavar="COMMAND", help="time this argmap command instead of the checkout's wheel installed in a scratch venv")
    parser.add_argument("--debates-bytes", type=int, default=3_000_000, help="how large that document is made (default: 3 MB)")
    args = parser.parse_args(argv)
    argdown = shutil.which(args.argdown) or args.argdown
    repeat = max(args.repeat, 3)
    ARGMAP[:] = shlex.split(args.argmap) if args.argmap else installed_argmap()
    print(f"argmap: {shlex.join(ARGMAP)}", file=sys.stderr)

    rows = []
    debate_row = None
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for size in args.sizes:
            path = tmp_path / f"doc{size}.argdown"
            path.write_text(document(size), encoding="utf-8")
            result = compare(argdown, path, tmp_path / f"out{size}", repeat)
            if result is None:
                return 1
            rows.append((size, path.stat().st_size, *result))
        if args.debates:
            path = tmp_path / "debates.argdown"
            path.write_text(debates(args.debates, args.debates_bytes), encoding="utf-8")
            result = compare(argdown, path, tmp_path / "out-debates", repeat)
            if result is None:
                return 1
            debate_row = (path.stat().st_size, *result)

    print(f"{'statements':>10} {'bytes':>9} {'ECs/args/rels':>17} {'argmap s':>9} {'argdown s':>10} {'speed-up':>9} {'argmap µs/stmt':>15} {'CPU s argmap/argdown':>21}")
    for size, size_bytes, (s, ar, r), a, b, ca, cb in rows:
        print(f"{size:>10} {size_bytes:>9} {f'{s}/{ar}/{r}':>17} {a:>9.3f} {b:>10.3f} {b / a:>8.1f}× {a / size * 1e6:>15.0f} {f'{ca:.3f}/{cb:.3f}':>21}")
    if len(rows) >= 2:
        (n1, _b1, _c1, a1, *_rest1), (n2, _b2, _c2, a2, *_rest2) = rows[-2], rows[-1]
        ratio = (a2 / n2) / (a1 / n1)
        print(f"argmap time per statement at {n2} / at {n1}: {ratio:.2f} (linear: at most 1.1)")
    if debate_row is not None:
        size_bytes, (s, ar, r), a, b, ca, cb = debate_row
        print(f"{'debates':>10} {size_bytes:>9} {f'{s}/{ar}/{r}':>17} {a:>9.3f} {b:>10.3f} {b / a:>8.1f}× {'':>15} {f'{ca:.3f}/{cb:.3f}':>21}  (the corpus's example debates, copied)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
