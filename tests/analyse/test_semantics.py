"""Grounded, preferred and stable semantics against two independent implementations,
over hundreds of random small frameworks: a brute-force oracle written here
from the definitions (Dung 1995), and PyArg (python-argumentation), a
published library used only by these tests."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import AbstractArgumentationFramework
from py_arg.abstract_argumentation_classes.argument import Argument
from py_arg.abstract_argumentation_classes.defeat import Defeat
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

from argmap.analyse.extensions import extensions
from argmap.analyse.grounded import Label, grounded

from .helpers import MAX_SIZE, attackers_of, frameworks

# ---------------------------------------------------------------- the oracle: the definitions, by brute force


def subsets(size: int):
    for k in range(size + 1):
        yield from (frozenset(c) for c in combinations(range(size), k))


def attacks_set(attacks, group: frozenset[int], element: int) -> bool:
    return any((a, element) in attacks for a in group)


def conflict_free(attacks, group) -> bool:
    return not any((a, b) in attacks for a in group for b in group)


def defends(size, attacks, group, element) -> bool:
    return all(attacks_set(attacks, group, a) for a in range(size) if (a, element) in attacks)


def admissible(size, attacks, group) -> bool:
    return conflict_free(attacks, group) and all(defends(size, attacks, group, e) for e in group)


def complete(size, attacks, group) -> bool:
    return admissible(size, attacks, group) and all(e in group for e in range(size) if defends(size, attacks, group, e))


def oracle_grounded(size, attacks) -> frozenset[int]:
    """The least fixed point of the characteristic function, iterated from the empty set."""
    current: frozenset[int] = frozenset()
    while True:
        following = frozenset(e for e in range(size) if defends(size, attacks, current, e))
        if following == current:
            return current
        current = following


def oracle_preferred(size, attacks) -> set[frozenset[int]]:
    admissible_sets = [s for s in subsets(size) if admissible(size, attacks, s)]
    return {s for s in admissible_sets if not any(s < other for other in admissible_sets)}


def oracle_stable(size, attacks) -> set[frozenset[int]]:
    return {
        s for s in subsets(size)
        if conflict_free(attacks, s) and all(attacks_set(attacks, s, e) for e in range(size) if e not in s)
    }


# ---------------------------------------------------------------- PyArg


def pyarg(size, attacks) -> AbstractArgumentationFramework:
    arguments = [Argument(str(i)) for i in range(size)]
    return AbstractArgumentationFramework("random", arguments, [Defeat(arguments[a], arguments[t]) for a, t in sorted(attacks)])


def as_ints(extension) -> frozenset[int]:
    return frozenset(int(argument.name) for argument in extension)


# ---------------------------------------------------------------- the properties


@settings(max_examples=400, deadline=None)
@given(frameworks())
def test_grounded_labelling_matches_the_oracle_and_pyarg(framework):
    size, attacks = framework
    result = grounded(attackers_of(size, attacks))
    expected = oracle_grounded(size, attacks)
    assert result.extension == expected
    assert result.extension == as_ints(get_grounded_extension(pyarg(size, attacks)))
    assert complete(size, attacks, expected)
    assert all(expected <= s for s in subsets(size) if complete(size, attacks, s)), "grounded is the least complete extension"
    for element, label in enumerate(result.labels):
        out = attacks_set(attacks, expected, element)
        assert label is (Label.IN if element in expected else Label.OUT if out else Label.UNDEC)
        if label is Label.OUT:
            assert result.defeaters[element] in expected and (result.defeaters[element], element) in attacks
        else:
            assert result.defeaters[element] is None


@settings(max_examples=400, deadline=None)
@given(frameworks())
def test_preferred_and_stable_extensions_match_the_oracle_and_pyarg(framework):
    size, attacks = framework
    attackers = attackers_of(size, attacks)
    for semantics, oracle, library in (
        ("preferred", oracle_preferred, get_preferred_extensions),
        ("stable", oracle_stable, get_stable_extensions),
    ):
        expected = oracle(size, attacks)
        assert {as_ints(e) for e in library(pyarg(size, attacks))} == expected, f"PyArg and the oracle disagree on {semantics}"
        result = extensions(attackers, semantics, limit=2**MAX_SIZE)
        assert result.complete
        assert {frozenset(e) for e in result.extensions} == expected
        assert list(result.extensions) == sorted(result.extensions), "listed in order"
        assert all(list(e) == sorted(e) for e in result.extensions)
        assert result.credulous == frozenset().union(*expected)
        assert result.sceptical == (frozenset.intersection(*expected) if expected else None)


@settings(max_examples=300, deadline=None)
@given(frameworks(), st.integers(1, 3))
def test_a_limit_cuts_the_list_but_not_credulous_acceptance(framework, limit):
    size, attacks = framework
    attackers = attackers_of(size, attacks)
    for semantics, oracle in (("preferred", oracle_preferred), ("stable", oracle_stable)):
        expected = oracle(size, attacks)
        result = extensions(attackers, semantics, limit=limit)
        assert result.complete == (len(expected) <= limit)
        assert len(result.extensions) == min(limit, len(expected))
        assert {frozenset(e) for e in result.extensions} <= expected
        assert result.credulous == frozenset().union(*expected)
        if result.sceptical is not None or result.complete or semantics == "stable":
            assert result.sceptical == (frozenset.intersection(*expected) if expected else None)
        else:
            assert len(expected) > limit, "only a cut-short preferred list may leave sceptical acceptance unknown"


def test_independent_cycles_multiply_extensions_but_acceptance_stays_exact():
    """Twelve separate contradictions and an unattacked element: 4096 extensions, ten listed."""
    pairs = 12
    attackers = [[2 * (i // 2) + 1 - i % 2] for i in range(2 * pairs)] + [[]]
    for semantics in ("preferred", "stable"):
        result = extensions(attackers, semantics, limit=10)
        assert not result.complete and len(result.extensions) == 10
        assert all(len(e) == pairs + 1 and 2 * pairs in e for e in result.extensions)
        assert result.credulous == frozenset(range(2 * pairs + 1))
        assert result.sceptical == frozenset({2 * pairs})


def test_one_group_past_the_limit_leaves_sceptical_preferred_unknown():
    """One group with four preferred extensions, listed up to three: credulous acceptance is still exact."""
    attackers = [[1], [0], [3], [2], [0, 2]]  # 0 >< 1, 2 >< 3, both 0 and 2 attack 4: one connected group
    preferred = extensions(attackers, "preferred", limit=3)
    assert not preferred.complete and preferred.sceptical is None
    assert preferred.credulous == frozenset(range(5))
    stable = extensions(attackers, "stable", limit=3)
    assert not stable.complete and stable.sceptical == frozenset()


def test_a_ring_of_three_has_no_stable_extension_and_only_the_empty_preferred_one():
    attackers = [[2], [0], [1]]  # 0 attacks 1 attacks 2 attacks 0
    assert grounded(attackers).labels == (Label.UNDEC,) * 3
    assert extensions(attackers, "preferred", 10).extensions == ((),)
    stable = extensions(attackers, "stable", 10)
    assert stable.extensions == () and stable.credulous == frozenset() and stable.sceptical is None


def test_grounded_is_linear_on_a_long_chain():
    """100 000 elements, each attacking the next: IN and OUT alternate, without recursion."""
    size = 100_000
    labels = grounded([[]] + [[i - 1] for i in range(1, size)]).labels
    assert labels[:4] == (Label.IN, Label.OUT, Label.IN, Label.OUT) and labels[-1] is Label.OUT
