"""The map as an argumentation framework: which relations and structures make which attacks."""

from __future__ import annotations

import argmap
from argmap.analyse.framework import AttackKind, framework_of


def attacks(text: str) -> set[tuple[str, str, str]]:
    """(attacker, target, why) for every attack of the framework of a small map."""
    framework = framework_of(argmap.loads(text, name="lesson.argmap"))
    return {(framework.keys[a.attacker], framework.keys[a.target], a.kind.value + (f" {a.via}" if a.via else "")) for a in framework.attacks}


def test_every_statement_and_argument_is_an_element_keyed_by_its_brackets():
    framework = framework_of(argmap.loads("<Arg>: gist.\n\n(1) [P]: p.\n----\n(2) [C]: c.\n\n[Alone]: alone.\n"))
    assert framework.keys == ("<Arg>", "[Alone]", "[C]", "[P]")
    assert framework.names == framework.keys
    assert framework.attacks == []


def test_attacks_undercuts_and_contraries_go_one_way_contradictions_both():
    assert attacks("[A]: a.\n  - [B]: b.\n  -> [C]: c.\n") == {("[B]", "[A]", "attack"), ("[A]", "[C]", "attack")}
    assert attacks("<A>: a.\n  _ <B>: b.\n") == {("<B>", "<A>", "undercut")}
    assert attacks("[A]: a.\n  >< [B]: b.\n") == {("[A]", "[B]", "contradiction"), ("[B]", "[A]", "contradiction")}
    strict = "===\nmodel:\n  mode: strict\n===\n\n[A]: a.\n  - [B]: b.\n"
    assert attacks(strict) == {("[B]", "[A]", "contrary")}


def test_support_and_entailment_make_no_attack():
    assert attacks("[A]: a.\n  + [B]: b.\n  +> <C>: c.\n") == set()
    assert attacks("===\nmodel:\n  mode: strict\n===\n\n[A]: a.\n  + [B]: b.\n") == set()


def test_an_undercut_of_one_inference_attacks_the_whole_argument():
    text = "<Arg>: gist.\n\n(1) [P]: p.\n----\n  <_ <Doubt>: the step does not follow.\n(2) [C]: c.\n"
    assert attacks(text) == {("<Doubt>", "<Arg>", "undercut")}


def test_an_argument_is_attacked_through_its_premises_and_intermediate_conclusions():
    text = (
        "<Arg>: gist.\n\n(1) [P]: p.\n----\n(2) [Step]: step.\n(3) [Q]: q.\n----\n(4) [C]: c.\n\n"
        "[P]\n  - [Against P]: no.\n[Step]\n  - [Against Step]: no.\n[C]\n  - [Against C]: no.\n"
    )
    found = attacks(text)
    assert ("[Against P]", "<Arg>", "premise P") in found
    assert ("[Against Step]", "<Arg>", "premise Step") in found
    assert not any(attacker == "[Against C]" and target == "<Arg>" for attacker, target, _ in found), "a rebuttal of the conclusion is not passed back"


def test_an_argument_attacks_what_its_conclusion_attacks_and_is_attacked_by_what_attacks_its_premises_through_that():
    text = (
        "<Arg>: gist.\n\n(1) [P]: p.\n----\n(2) [C]: c.\n  -> [Rival]: rival.\n\n"
        "<Other>: other.\n\n(1) [Rival]\n----\n(2) [D]: d.\n"
    )
    found = attacks(text)
    assert ("<Arg>", "[Rival]", "conclusion C") in found
    assert ("[C]", "<Other>", "premise Rival") in found
    assert ("<Arg>", "<Other>", "premise Rival") in found, "what attacks a premise by its conclusion attacks the argument too"


def test_a_written_relation_is_the_reason_kept_when_a_structure_gives_the_same_attack():
    framework = framework_of(argmap.loads("<Arg>: gist.\n  -> [T]: t.\n\n(1) [P]: p.\n----\n(2) [C]: c.\n  -> [T]\n"))
    attack = framework.attack(framework.index("<Arg>"), framework.index("[T]"))
    assert attack.kind is AttackKind.ATTACK and attack.span is not None and attack.span.line == 2


def test_an_untitled_element_is_named_by_its_text():
    framework = framework_of(argmap.loads("[A]: a.\n  - A claim written without a title.\n"))
    assert "“A claim written without a title.”" in framework.names
