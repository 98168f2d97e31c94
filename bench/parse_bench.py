"""Parse speed: check + export of generated documents, in-process and as a whole process.

    python bench/parse_bench.py [--sizes 1000 20000] [--repeat 3]

Prints, per size: bytes, median seconds for load+check+export in-process, MB/s,
and the median wall time of `argmap export` as a separate process.
Target (issue 2): 20 000 statements (about 2 MB) check + export in under 4 s on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import document  # noqa: E402

import argmap  # noqa: E402


def in_process(path: Path) -> float:
    start = time.perf_counter()
    argument_map = argmap.load(path)
    argmap.check(argument_map)
    argmap.to_json(argument_map)
    return time.perf_counter() - start


def whole_process(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", "export", str(path)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    argmap.loads("[Warm-up]: the parser is built once per process; not part of what we measure in-process")
    print(f"{'statements':>10} {'bytes':>10} {'in-process s':>13} {'MB/s':>6} {'process s':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"bench-{size}.argdown"
            path.write_text(document(size), encoding="utf-8")
            megabytes = path.stat().st_size / 1e6
            inner = statistics.median(in_process(path) for _ in range(args.repeat))
            outer = statistics.median(whole_process(path) for _ in range(args.repeat))
            print(f"{size:>10} {path.stat().st_size:>10} {inner:>13.3f} {megabytes / inner:>6.2f} {outer:>10.3f}")


if __name__ == "__main__":
    main()
