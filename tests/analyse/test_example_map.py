"""Every element of the example map (examples/ukraine-talks) gets a grounded label that
keeps the rules, and a reason that says so."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import argmap
from argmap.analyse.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[2]
TALKS = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))


@lru_cache(maxsize=None)
def talks():
    return argmap.load(TALKS)


def test_every_element_is_labelled_and_explained():
    debate = talks()
    evaluation = evaluate(debate)
    keys = {f"[{t}]" for t in debate.statements} | {f"<{t}>" for t in debate.arguments}
    assert set(evaluation.grounded) == set(evaluation.explanations) == keys
    assert set(evaluation.grounded.values()) <= {"in", "out", "undec"}


def test_the_labels_keep_the_rules_of_grounded_semantics():
    evaluation = evaluate(talks())
    framework, label = evaluation.framework, evaluation.grounded
    for element, key in enumerate(framework.keys):
        attackers = [label[framework.keys[a]] for a in framework.attackers(element)]
        if label[key] == "in":
            assert all(a == "out" for a in attackers), key
        elif label[key] == "out":
            assert "in" in attackers, key
        else:
            assert "in" not in attackers and "undec" in attackers, key


def test_what_the_documentation_says_of_the_example():
    evaluation = evaluate(talks())
    assert evaluation.grounded["<Putin Signals Moderation>"] == "in"
    assert evaluation.grounded["[Putin May Be Warming to a Settlement]"] == "out"
    assert evaluation.explanations["<Familiar Foot-Dragging Pattern>"] == (
        "defeated by IN <Putin Signals Moderation>, which attacks its premise [Russia Demands Capitulation]"
    )
    assert [p.label for p in evaluation.positions] == ["Restraint", "Pressure", "Skepticism", "no single position"]
    assert sum(p.claims for p in evaluation.positions) == len(evaluation.grounded)
