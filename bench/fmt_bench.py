"""fmt speed on a large file: `argmap fmt`, `fmt --check` and `fmt --diff` on about 5 MB.

    python bench/fmt_bench.py [--bytes 5000000] [--repeat 1] [--keep PATH]

The document is the bodies of the example maps (examples/ukraine-talks/*.argmap,
front matter dropped), copied until it is ``--bytes`` long, every statement and
argument title in each copy suffixed with the file and copy number so that the
copies do not merge. Every copy is then put out of the canonical layout the
way people write (trailing blanks, extra blank lines, ``<+``/``<-`` markers,
four-space indents), so that fmt rewrites much of it and --check/--diff have a
diff to show throughout the file.

Prints the bytes and the median wall time of each command, run as a separate
process, then in-process: format_text with its meaning check (what `fmt`
writes from), and the preview without it (``format_text(..., verify=False)``
and ``unified_diff``, what `--check` and `--diff` need to show). Target
(issue 22): `fmt --check` and `fmt --diff` on 5 MB in a few seconds (3 s on
the 2-core development machine), near-linear in the size (try --bytes).
``--generated N`` times bench/generate.py's document of N statements
instead (about 185 bytes each once formatted; 27 300 make 5 MB).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ukraine-talks"

_RELATION = re.compile(r"^( *)([+-]) ", re.MULTILINE)


def _bodies() -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.glob("*.argmap")):
        text = path.read_text(encoding="utf-8-sig")
        if text.startswith("==="):  # front matter: once is enough, and copies of it would be text
            text = text[text.index("\n===", 3) + 4 :]
        texts.append(text)
    if not texts:
        raise SystemExit(f"no example maps in {EXAMPLES}")
    return texts


def unformat(text: str, copy: int) -> str:
    """The same document out of the canonical layout (what fmt has to rewrite)."""
    if copy % 2:
        text = _RELATION.sub(lambda m: f"{m.group(1)}<{m.group(2)} ", text)  # + → <+, - → <-
    lines = []
    for number, line in enumerate(text.split("\n")):
        if number % 5 == 0 and line.strip() and not line.rstrip().endswith("\\"):
            line += "  "
        lines.append(line)
        if not line.strip() and number % 3 == 0:
            lines.append("")
    return "\n".join(lines)


def document(size: int) -> str:
    """The example maps' bodies, copied to about ``size`` characters (see the module's docstring)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import copies

    return copies(_bodies(), size, unformat)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1) or "error" in result.stderr:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def in_process(text: str, verify: bool) -> float:
    import gc

    from argmap.fmt.formatter import format_text, unified_diff

    gc.disable()  # as the command-line tool runs
    try:
        start = time.perf_counter()
        formatted = format_text(text, "big.argmap", verify=verify)
        if not verify:
            unified_diff(text, formatted, "big.argmap")
        return time.perf_counter() - start
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--bytes", type=int, default=5_000_000, help="size of the document (default: 5 MB)")
    options.add_argument("--generated", type=int, metavar="N", help="bench/generate.py's document of N statements instead")
    options.add_argument("--repeat", type=int, default=1, help="runs of each command; the median is shown")
    options.add_argument("--keep", type=Path, help="also write the document there (for profiling)")
    args = options.parse_args(argv)
    if args.generated:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate import document as generated

        text = generated(args.generated)
    else:
        text = document(args.bytes)
    if args.keep:
        args.keep.write_text(text, encoding="utf-8")
    size = len(text.encode())
    argmap = [sys.executable, "-m", "argmap", "fmt"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.argmap"
        print(f"{'what':<44} {'bytes':>10} {'seconds':>8}")
        for label, extra in (("argmap fmt --check", ["--check"]), ("argmap fmt --diff", ["--diff"]), ("argmap fmt", [])):
            runs = []
            for _ in range(args.repeat):
                path.write_text(text, encoding="utf-8")
                runs.append(timed([*argmap, *extra, str(path)]))
            print(f"{label:<44} {size:>10} {statistics.median(runs):>8.2f}", flush=True)
    for label, verify in (("in-process: format_text (checked)", True), ("in-process: format_text unchecked + diff", False)):
        seconds = statistics.median(in_process(text, verify) for _ in range(args.repeat))
        print(f"{label:<44} {size:>10} {seconds:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
