"""Explanations of the grounded labels: checked against the framework on random graphs,
and read as sentences on small hand-made maps."""

from __future__ import annotations

from hypothesis import given, settings

import argmap
from argmap.analyse.evaluation import evaluate
from argmap.analyse.evaluation_report import to_text
from argmap.analyse.explain import RING_LIMIT, Reason, explain
from argmap.analyse.framework import Attack, AttackKind, Framework
from argmap.analyse.grounded import Label, grounded
from argmap.core.model import Kind, Ref

from .helpers import attackers_of, frameworks


def framework(size: int, attacks) -> Framework:
    """A framework of statements [e0] … [e9] (single digits: keys sort as indexes do)."""
    assert size <= 10
    keys = tuple(f"[e{i}]" for i in range(size))
    refs = tuple(Ref(Kind.STATEMENT, f"e{i}") for i in range(size))
    on = tuple(tuple(Attack(a, t, AttackKind.ATTACK) for a in sorted(a for a, t2 in attacks if t2 == t)) for t in range(size))
    return Framework(keys, refs, keys, on)


def on_a_cycle(element: int, attacks, undecided: set[int]) -> bool:
    """Whether some path of attacks among UNDEC elements leads from the element back to it."""
    seen, todo = set(), [element]
    while todo:
        current = todo.pop()
        for a, t in attacks:
            if a == current and t in undecided:
                if t == element:
                    return True
                if t not in seen:
                    seen.add(t)
                    todo.append(t)
    return False


def is_cycle(cycle, attacks, undecided) -> bool:
    pairs = zip(cycle, cycle[1:] + cycle[:1])
    return bool(cycle) and len(set(cycle)) == len(cycle) and set(cycle) <= undecided and all(pair in attacks for pair in pairs)


@settings(max_examples=400, deadline=None)
@given(frameworks())
def test_every_explanation_is_true_of_the_framework(graph):
    size, attacks = graph
    if size > 10:
        return
    settled = grounded(attackers_of(size, attacks))
    labels = settled.labels
    undecided = {i for i, label in enumerate(labels) if label is Label.UNDEC}
    for element, why in enumerate(explain(framework(size, attacks), settled)):
        attackers = sorted(a for a, t in attacks if t == element)
        assert why.label is labels[element]
        if why.label is Label.IN:
            assert why.reason is (Reason.ATTACKERS_OUT if attackers else Reason.UNATTACKED)
            assert list(why.attackers) == attackers and all(labels[a] is Label.OUT for a in attackers)
        elif why.label is Label.OUT:
            (defeater,) = why.attackers
            assert labels[defeater] is Label.IN and (defeater, element) in attacks
        else:
            assert why.attackers and list(why.attackers) == [a for a in attackers if a in undecided]
            assert not any(labels[a] is Label.IN for a in attackers)
            if why.reason is Reason.CYCLE:
                assert why.cycle[0] == element and is_cycle(list(why.cycle), attacks, undecided)
            else:
                assert why.reason is Reason.OPEN_ATTACKER and not on_a_cycle(element, attacks, undecided)
                assert is_cycle(list(why.cycle), attacks, undecided)
                assert on_a_cycle(why.cycle[0], attacks, undecided)


def test_a_ring_too_large_to_spell_out_is_named_by_its_size():
    size = RING_LIMIT + 50
    attackers = [[size - 1]] + [[i - 1] for i in range(1, size)] + [[0]]  # a ring, and one more element it attacks
    keys = tuple(f"[e{i:04d}]" for i in range(size + 1))
    on = tuple(tuple(Attack(a, t, AttackKind.ATTACK) for a in attackers[t]) for t in range(size + 1))
    big = Framework(keys, tuple(Ref(Kind.STATEMENT, k[1:-1]) for k in keys), keys, on)
    explanations = explain(big, grounded(attackers))
    assert {e.reason for e in explanations[:size]} == {Reason.RING}
    assert explanations[0].ring == size and explanations[size].reason is Reason.OPEN_ATTACKER and explanations[size].ring == size


LESSON = """===
positions:
  hawks: Hawks
  doves: Doves
===

[Arm Ukraine]: Send Ukraine more weapons. #hawks
  - [Arms Prolong the War]: More weapons only prolong the war. #doves
    - [Arms Forced Talks]: The weapons brought Moscow to the table. #hawks
[Talk Now]: Negotiate now. #doves
  >< [Talks Are Theatre]: The talks are a show. #hawks
    - [Talks Are Real]: Both sides negotiate in earnest.
  + <Exhaustion>: Both armies are worn out. #doves
"""


def test_the_explanations_of_a_small_map_in_words():
    evaluation = evaluate(argmap.loads(LESSON, name="lesson.argmap"))
    assert evaluation.explanations == {
        "<Exhaustion>": "unattacked",
        "[Arm Ukraine]": "every attacker is OUT: [Arms Prolong the War]",
        "[Arms Forced Talks]": "unattacked",
        "[Arms Prolong the War]": "defeated by IN [Arms Forced Talks], which attacks it",
        "[Talk Now]": "every attacker is OUT: [Talks Are Theatre]",
        "[Talks Are Real]": "unattacked",
        "[Talks Are Theatre]": "defeated by IN [Talks Are Real], which attacks it",
    }


def test_undecided_elements_name_their_cycle_or_the_attacker_that_keeps_them_open():
    text = LESSON.replace("    - [Talks Are Real]: Both sides negotiate in earnest.\n", "") + "[Sanctions]: Sanctions bite.\n  - [Talk Now]\n"
    evaluation = evaluate(argmap.loads(text, name="lesson.argmap"))
    assert evaluation.grounded["[Talk Now]"] == evaluation.grounded["[Sanctions]"] == "undec"
    assert evaluation.explanations["[Talk Now]"] == "caught in the cycle [Talk Now] → [Talks Are Theatre] → [Talk Now], and no attacker is IN"
    assert evaluation.explanations["[Sanctions]"] == (
        "kept open by its UNDEC attacker [Talk Now], and no attacker is IN; the doubt comes from the cycle [Talk Now] → [Talks Are Theatre] → [Talk Now]"
    )


def test_the_per_position_table_counts_each_positions_claims_by_label():
    text = to_text(evaluate(argmap.loads(LESSON.replace("    - [Talks Are Real]: Both sides negotiate in earnest.\n", ""), name="lesson.argmap")))
    table = text.split("\n\n")[1].splitlines()
    assert table == [
        "Positions: their claims by grounded label (IN stands, OUT is defeated, UNDEC is undecided)",
        "  position  claims       IN      OUT    UNDEC",
        "  Hawks          3  2 (67%)   0 (0%)  1 (33%)",
        "  Doves          3  1 (33%)  1 (33%)  1 (33%)",
    ]


def test_claims_of_no_single_position_have_a_row_of_their_own():
    evaluation = evaluate(argmap.loads(LESSON, name="lesson.argmap"))
    rows = [(p.tag, p.label, p.claims, p.in_count, p.out_count, p.undec_count) for p in evaluation.positions]
    assert rows == [("hawks", "Hawks", 3, 2, 1, 0), ("doves", "Doves", 3, 2, 1, 0), ("", "no single position", 1, 1, 0, 0)]
