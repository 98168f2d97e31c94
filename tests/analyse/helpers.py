"""Random argumentation frameworks for the property tests of the semantics and the explanations."""

from __future__ import annotations

from hypothesis import strategies as st

MAX_SIZE = 7  # 128 subsets: the oracle tries them all


@st.composite
def frameworks(draw) -> tuple[int, frozenset[tuple[int, int]]]:
    """A random framework: n elements, attacks as (attacker, target) pairs, self-attacks allowed."""
    size = draw(st.integers(0, MAX_SIZE))
    if size == 0:
        return 0, frozenset()
    pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))
    return size, frozenset(draw(st.sets(pairs, max_size=size * size)))


def attackers_of(size: int, attacks: frozenset[tuple[int, int]]) -> list[list[int]]:
    return [sorted(a for a, t in attacks if t == target) for target in range(size)]
