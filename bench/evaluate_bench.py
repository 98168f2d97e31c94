"""Evaluation speed: `argmap evaluate` on generated maps, step by step and as a whole process.

    python bench/evaluate_bench.py [--sizes 1000 10000] [--repeat 3] [--max-extensions 100]

Per size (statements of bench/generate.py's documents, which also hold one
reconstructed argument per five statements, supports and attacks): the
framework's size (elements, attacks) and grounded labels, then the median
seconds of each step in-process (map → framework, grounded labels,
explanations, preferred and stable extensions with clingo) and of
`argmap evaluate --semantics all --format json` as a separate process
(which also loads and checks the file). Extensions are listed up to
--max-extensions; "more" means the limit was reached. Each size is measured
twice: the generated document as it is (whose attacks mostly point one way,
so grounded semantics settles nearly everything), and with a contradiction
(><) between every tenth statement and the next, which leaves many
independent cycles open: 2^(n/10) extensions, far past any limit. Figures
are in docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import document  # noqa: E402

import argmap  # noqa: E402
from argmap.analyse.explain import explain  # noqa: E402
from argmap.analyse.extensions import extensions  # noqa: E402
from argmap.analyse.framework import framework_of  # noqa: E402
from argmap.analyse.grounded import Label, grounded  # noqa: E402


def timed(function, repeat: int):
    """The median seconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def with_contradictions(text: str, statements: int) -> str:
    """The document with [S_i] >< [S_i+1] for every tenth i: many independent open cycles."""
    extra = [f"[S{i}]\n  >< [S{i + 1}]\n" for i in range(0, statements - 1, 10)]
    return text + "\n" + "\n".join(extra)


def whole_process(path: Path, limit: int) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "argmap", "evaluate", str(path), "--semantics", "all", "--format", "json", "--max-extensions", str(limit)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(path: Path, repeat: int, limit: int) -> dict[str, object]:
    argument_map = argmap.load(path)
    build, framework = timed(lambda: framework_of(argument_map), repeat)
    attackers = [framework.attackers(i) for i in range(len(framework.keys))]
    label, settled = timed(lambda: grounded(attackers), repeat)
    why, _ = timed(lambda: explain(framework, settled), repeat)
    preferred_s, preferred = timed(lambda: extensions(attackers, "preferred", limit, settled), repeat)
    stable_s, stable = timed(lambda: extensions(attackers, "stable", limit, settled), repeat)
    process = statistics.median(whole_process(path, limit) for _ in range(repeat))
    return {
        "elements": len(framework.keys),
        "attacks": sum(len(a) for a in attackers),
        "labels": "/".join(str(settled.labels.count(label)) for label in (Label.IN, Label.OUT, Label.UNDEC)),
        "framework s": build,
        "grounded s": label,
        "explain s": why,
        "preferred": f"{len(preferred.extensions)}{'' if preferred.complete else '+ (more)'}",
        "preferred s": preferred_s,
        "stable": f"{len(stable.extensions)}{'' if stable.complete else '+ (more)'}",
        "stable s": stable_s,
        "process s": process,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--max-extensions", type=int, default=100)
    args = options.parse_args()
    gc.disable()  # as the argmap command runs (cli.main): the collector would rescan the loaded map again and again
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            for variant, text in (("generated", document(size)), ("+ contradictions", with_contradictions(document(size), size))):
                path = Path(tmp) / f"bench-{size}.argdown"
                path.write_text(text, encoding="utf-8")
                rows.append({"statements": size, "map": variant, **measure(path, args.repeat, args.max_extensions)})
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---:|" * len(columns))
    for row in rows:
        print("| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row.values()) + " |")


if __name__ == "__main__":
    main()
