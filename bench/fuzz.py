"""Fuzzing: mutated copies of the project's own argument files, checked as a hostile user would try them.

    python bench/fuzz.py [--cases 10000] [--seed 1] [--timeout 5] [--save DIR]

Each case is a fixture (tests/parse/good, tests/parse/bad, examples) with a few
random mutations: a span deleted, repeated or moved, a line duplicated or
swapped, two files spliced, or a fragment of hostile markup inserted (markers,
comment openers, YAML anchors and impossible dates, byte-order marks, deep
brackets, control and bidi characters). Two worker processes with different
hash seeds run every case: parse + check, argmap's JSON, Argdown's JSON, DOT,
and `fmt`. A case fails on

* a crash: any exception that is not one of argmap's errors;
* a hang: no answer within --timeout seconds (the worker is killed and restarted);
* non-determinism: the two workers' outputs differ;
* an fmt failure: fmt's result is not idempotent, or fmt refuses because its
  layout would change the meaning (a bug, by its own message).

Prints the figures; --save writes each failing case to DIR for a regression test.
tests/fuzz/test_fuzz.py runs the same mutations with Hypothesis on a CI budget.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Fragments a hostile or careless author might type, weighted towards markup.
FRAGMENTS = [
    "\n", "\n\n", "  ", "\t", "[", "]", "<", ">", "[A]", "<A>", "[A]: ", "<A>: ", "\n  + ", "\n  - ", "\n  _ ", "\n  +> ",
    "\n    <- ", "\n> ", '> "q"', "\n(1) ", "(2)", "\n----\n", "\n-- r, s --\n", "--", "\n# ", "# ", "\n* ", "1. ",
    "<!--", "-->", "/*", "*/", "//", " // c", "<!-- c\n -->", "/* a\n b */", "===", "\n===\n", "{", "}", "{a: 1}",
    "{a: &a [*a]}", "{e: 2025-13-45}", "{d: 2025-02-30}", "&p", "*p", "#tag", "#(multi word)", "@[A]", "@<A>", "\\",
    "\ufeff", "\u202e", "\u200b", "\x00", "\x0b", "\r\n", "\r", "ä", "“", "”", "…", "[" * 60, "]" * 60, "{" * 5, "}" * 5,
    "\n  " * 3, "x" * 200, "https://e.org/?a=<1>", "javascript:alert(1)", "\n===\nsource:\n  date: 2025-02-30\n===\n",
]


def corpus() -> list[tuple[str, str]]:
    """(path, text) of every fixture and example argument file."""
    paths = sorted([*ROOT.glob("tests/parse/good/*.argmap"), *ROOT.glob("tests/parse/bad/*.argmap"), *ROOT.glob("examples/**/*.argmap")])
    found = []
    for path in paths:
        try:
            found.append((str(path), path.read_bytes().decode("utf-8-sig", "replace")))
        except OSError:
            continue
    return found


def mutate(rng: random.Random, files: list[tuple[str, str]]) -> tuple[str, str]:
    """A fixture (its path, so articles are found) with 1–4 random mutations."""
    path, text = rng.choice(files)
    for _ in range(rng.randint(1, 4)):
        text = _one_mutation(rng, text, files)
    return path, text


def _one_mutation(rng: random.Random, text: str, files: list[tuple[str, str]]) -> str:
    size = len(text)
    at = rng.randint(0, size)
    kind = rng.random()
    if kind < 0.35:  # insert a fragment
        return text[:at] + rng.choice(FRAGMENTS) + text[at:]
    if kind < 0.5 and size:  # delete a span
        return text[:at] + text[min(size, at + rng.randint(1, 40)) :]
    if kind < 0.6 and size:  # repeat a span
        end = min(size, at + rng.randint(1, 80))
        return text[:end] + text[at:end] + text[end:]
    if kind < 0.7:  # duplicate or swap lines
        lines = text.split("\n")
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        if rng.random() < 0.5:
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)
    if kind < 0.8:  # change a line's indentation
        lines = text.split("\n")
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(["", " ", "  ", "    ", "\t", "      "]) + lines[i].lstrip(" \t")
        return "\n".join(lines)
    if kind < 0.9:  # splice another file in
        _other, other = rng.choice(files)
        cut = rng.randint(0, len(other))
        return text[:at] + other[cut : cut + rng.randint(1, 400)] + text[at:]
    if size:  # replace a character by a neighbour in the markup alphabet
        return text[:at] + rng.choice("[]<>()+-_*#>{}:\n \t/!\"'") + text[at + 1 :]
    return text


# ---------------------------------------------------------------- one case, in a worker


def run_case(path: str, text: str) -> dict:
    """Everything a user could ask of the text; what came out (as digests) and what went wrong."""
    import argmap
    from argmap.core.errors import ArgmapError
    from argmap.fmt.formatter import FormatError, format_text
    from argmap.interchange.argdown_json import to_argdown_json

    outcome: dict = {"problems": [], "digest": "", "valid": False, "fmt": "unchanged"}
    digest = hashlib.sha256()
    try:
        argument_map = argmap.loads(text, path)
        diagnostics = argmap.check(argument_map)
        outcome["valid"] = not argmap.has_errors(diagnostics)
        digest.update(argmap.format_diagnostics(diagnostics).encode())
        digest.update(argmap.to_json(argument_map).encode())
        digest.update(to_argdown_json(argument_map.documents[0]).encode())
        digest.update(argmap.to_dot(argument_map).encode())
    except ArgmapError:
        digest.update(b"argmap-error")
    except Exception:  # noqa: BLE001 - the point: anything else is a crash
        outcome["problems"].append(("crash", traceback.format_exc(limit=-3)))
    try:
        formatted = format_text(text, path)
        outcome["fmt"] = "unchanged" if formatted == text else "formatted"
        again = format_text(formatted, path)
        if again != formatted:
            outcome["problems"].append(("fmt-not-idempotent", repr(formatted)[:400]))
        digest.update(formatted.encode())
    except FormatError as refused:
        codes = [d.code for d in refused.diagnostics]
        outcome["fmt"] = "refused"
        if "fmt-changes-meaning" in codes:
            outcome["problems"].append(("fmt-changes-meaning", ""))
    except ArgmapError:
        outcome["fmt"] = "refused"
    except Exception:  # noqa: BLE001
        outcome["problems"].append(("fmt-crash", traceback.format_exc(limit=-3)))
    outcome["digest"] = digest.hexdigest()
    return outcome


def _worker(connection) -> None:
    while True:
        case = connection.recv()
        if case is None:
            return
        connection.send(run_case(*case))


class Worker:
    """A process that runs cases one by one; killed and replaced when a case hangs."""

    def __init__(self, hash_seed: int):
        self.hash_seed = hash_seed
        self.start()

    def start(self) -> None:
        os.environ["PYTHONHASHSEED"] = str(self.hash_seed)  # the spawned interpreter takes it from its environment
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()

    def run(self, case: tuple[str, str], timeout: float) -> dict | None:
        self.connection.send(case)
        if self.connection.poll(timeout):
            return self.connection.recv()
        self.process.kill()
        self.process.join()
        self.start()
        return None

    def stop(self) -> None:
        self.connection.send(None)
        self.process.join(5)


# ---------------------------------------------------------------- the run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--save", type=Path, default=None, help="write failing cases here")
    arguments = parser.parse_args()
    files = corpus()
    rng = random.Random(arguments.seed)
    workers = [Worker(1), Worker(2)]
    counts = {"crash": 0, "hang": 0, "nondeterministic": 0, "fmt-failure": 0, "valid": 0, "formatted": 0, "refused": 0}
    failures: list[tuple[str, str, str]] = []
    started = time.perf_counter()
    for number in range(arguments.cases):
        path, text = mutate(rng, files)
        results = [worker.run((path, text), arguments.timeout) for worker in workers]
        if any(result is None for result in results):
            counts["hang"] += 1
            failures.append(("hang", path, text))
            continue
        first, second = results
        for kind, detail in first["problems"]:
            counts["fmt-failure" if kind.startswith("fmt-") and kind != "fmt-crash" else "crash"] += 1
            failures.append((kind, path, text + "\n\n" + detail))
        if first["digest"] != second["digest"]:
            counts["nondeterministic"] += 1
            failures.append(("nondeterministic", path, text))
        counts["valid"] += first["valid"]
        counts["formatted"] += first["fmt"] == "formatted"
        counts["refused"] += first["fmt"] == "refused"
        if (number + 1) % 1000 == 0:
            print(f"{number + 1} cases, {time.perf_counter() - started:.0f} s: {counts}", file=sys.stderr, flush=True)
    for worker in workers:
        worker.stop()
    elapsed = time.perf_counter() - started
    print(f"{arguments.cases} cases from {len(files)} files (seed {arguments.seed}) in {elapsed:.0f} s")
    print(f"  crashes {counts['crash']}, hangs over {arguments.timeout:g} s {counts['hang']}, non-deterministic {counts['nondeterministic']}, fmt failures {counts['fmt-failure']}")
    print(f"  {counts['valid']} without errors; fmt reformatted {counts['formatted']}, refused {counts['refused']} (syntax errors, or a documented corner)")
    if arguments.save is not None and failures:
        arguments.save.mkdir(parents=True, exist_ok=True)
        for index, (kind, path, text) in enumerate(failures):
            (arguments.save / f"{index:04d}-{kind}.txt").write_text(f"{path}\n{text}", encoding="utf-8", errors="replace")
    for kind, path, text in failures[:10]:
        print(f"--- {kind} ({path})\n{text[:1500]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
