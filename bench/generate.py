"""Generated argument documents for benchmarks: statements, reconstructed
arguments, support and attack relations, sections (plain Argdown syntax)."""

from __future__ import annotations

import random
import re
from typing import Callable

WORDS = (
    "talks sanctions Moscow Kyiv ceasefire pressure leverage deal summit envoy frontline drones "
    "negotiation territory guarantees weapons escalation diplomacy deadline compromise security"
).split()


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def document(statements: int, seed: int = 1) -> str:
    """About 100 bytes per statement; one argument per five statements."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(statements):
        if i % 200 == 0:
            out.append(f"# Section {i // 200 + 1}\n")
        text = sentence(rng, 8)
        wrapped = sentence(rng, 6)
        out.append(f"[S{i}]: {text}\n{wrapped} #t{i % 7}")
        if i and i % 2 == 0:
            out.append(f"  + [S{rng.randrange(i)}]")
        if i and i % 3 == 0:
            out.append(f"  - [S{rng.randrange(i)}]")
        out.append("")
        if i % 5 == 4:
            out.append(f"<A{i}>: {sentence(rng, 7)}\n  -> [S{rng.randrange(i)}]\n")
            out.append(f"(1) [S{i}]\n(2) [S{i - 1}]\n----\n(3) [C{i}]: {sentence(rng, 6)}\n")
    return "\n".join(out)


_STATEMENT_TITLE = re.compile(r"\[([^\[\]\n]+)\](?!\()")  # not a link's [words](url)
_ARGUMENT_TITLE = re.compile(r"<(?!!--)([^<>\n]+)>")


def copies(texts: list[str], size: int, change: Callable[[str, int], str] = lambda text, copy: text) -> str:
    """``texts`` copied one after another until about ``size`` characters, every
    title in each copy suffixed with the text's and the copy's number so that
    the copies do not merge; ``change(text, copy)`` may alter each copy."""
    parts: list[str] = []
    copy, length = 0, 0
    while length < size:
        copy += 1
        for number, text in enumerate(texts, 1):
            suffix = f" {number}.{copy}"
            text = _STATEMENT_TITLE.sub(lambda m: f"[{m.group(1)}{suffix}]", text)
            text = _ARGUMENT_TITLE.sub(lambda m: f"<{m.group(1)}{suffix}>", text)
            parts.append(change(text, copy) + "\n\n")
            length += len(parts[-1])
    return "".join(parts)
