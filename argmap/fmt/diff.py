"""A unified diff of a file and its formatted text, in time near-linear in their size.

difflib's SequenceMatcher grows with the square of the number of lines (a
5 MB file took four minutes for `fmt --check`). fmt changes a file line by
line, so most lines occur once in each text: those lines, matched in order
(patience diff), split the texts into small gaps, and only a small gap is
left to difflib. A gap too large for it (a text rewritten throughout) is
shown as removed and added: still a correct diff, only a longer one.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterator

CONTEXT = 3  # lines around each change, as diff -u
DIFFLIB_LIMIT = 250_000  # line pairs difflib may compare in one gap
DEPTH_LIMIT = 30  # nested gaps, each found by lines unique within the gap above


def unified_lines(before: list[str], after: list[str], fromfile: str, tofile: str) -> Iterator[str]:
    """The lines of ``diff -u`` from ``before`` to ``after`` (lines keep their ends), as difflib.unified_diff writes them."""
    pairs: list[tuple[int, int]] = []
    _match(before, after, 0, len(before), 0, len(after), pairs, 0)
    codes = _opcodes(pairs, len(before), len(after))
    if all(tag == "equal" for tag, *_ in codes):
        return
    yield f"--- {fromfile}\n"
    yield f"+++ {tofile}\n"
    for group in _grouped(codes):
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in before[i1:i2])
                continue
            yield from ("-" + line for line in before[i1:i2])
            yield from ("+" + line for line in after[j1:j2])


def _match(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, out: list[tuple[int, int]], depth: int) -> None:
    """Append to ``out`` the pairs (i, j), in order, of lines a[i] == b[j] matched within a[alo:ahi] and b[blo:bhi]."""
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        out.append((alo, blo))
        alo, blo = alo + 1, blo + 1
    tail = []
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
        tail.append((ahi, bhi))
    if alo < ahi and blo < bhi:
        anchors = _unique_in_order(a, b, alo, ahi, blo, bhi) if depth < DEPTH_LIMIT else []
        if anchors:
            i0, j0 = alo, blo
            for i, j in anchors:
                _match(a, b, i0, i, j0, j, out, depth + 1)
                out.append((i, j))
                i0, j0 = i + 1, j + 1
            _match(a, b, i0, ahi, j0, bhi, out, depth + 1)
        elif (ahi - alo) * (bhi - blo) <= DIFFLIB_LIMIT:
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for block in matcher.get_matching_blocks():
                out.extend((alo + block.a + k, blo + block.b + k) for k in range(block.size))
    out.extend(reversed(tail))


def _unique_in_order(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """The longest run, in order in both, of lines that occur exactly once in each range (patience sorting)."""
    seen_a: dict[str, int] = {}
    for i in range(alo, ahi):
        seen_a[a[i]] = -1 if a[i] in seen_a else i
    seen_b: dict[str, int] = {}
    for j in range(blo, bhi):
        line = b[j]
        if seen_a.get(line, -1) >= 0:
            seen_b[line] = -1 if line in seen_b else j
    pairs = [(seen_a[line], j) for line, j in seen_b.items() if j >= 0]
    pairs.sort()
    # the longest increasing run of j, as i increases
    tops: list[int] = []  # the smallest j that ends a run of each length
    ends: list[int] = []  # the index in pairs of that j
    back: list[int] = []
    for index, (_i, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length] = j
            ends[length] = index
        back.append(ends[length - 1] if length else -1)
    run = []
    index = ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = back[index]
    return run[::-1]


def _opcodes(pairs: list[tuple[int, int]], size_a: int, size_b: int) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes from the matched pairs."""
    codes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for pi, pj in [*pairs, (size_a, size_b)]:
        if i < pi or j < pj:
            tag = "replace" if i < pi and j < pj else ("delete" if i < pi else "insert")
            codes.append((tag, i, pi, j, pj))
        if pi < size_a:
            if codes and codes[-1][0] == "equal" and codes[-1][2] == pi:
                _tag, i1, _i2, j1, _j2 = codes[-1]
                codes[-1] = ("equal", i1, pi + 1, j1, pj + 1)
            else:
                codes.append(("equal", pi, pi + 1, pj, pj + 1))
        i, j = pi + 1, pj + 1
    return codes or [("equal", 0, 0, 0, 0)]


def _grouped(codes: list[tuple[str, int, int, int, int]]) -> Iterator[list[tuple[str, int, int, int, int]]]:
    """The changes with up to CONTEXT equal lines around them, as SequenceMatcher.get_grouped_opcodes groups them."""
    codes = list(codes)
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = tag, max(i1, i2 - CONTEXT), i2, max(j1, j2 - CONTEXT), j2
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = tag, i1, min(i2, i1 + CONTEXT), j1, min(j2, j1 + CONTEXT)
    group: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * CONTEXT:
            group.append((tag, i1, min(i2, i1 + CONTEXT), j1, min(j2, j1 + CONTEXT)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - CONTEXT), max(j1, j2 - CONTEXT)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _range(start: int, stop: int) -> str:
    """A range of lines as a unified diff writes it (difflib's _format_range_unified)."""
    beginning = start + 1
    length = stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"
