"""`argmap import` on real AIF, xAIF and OVA files, and on small hand-made ones
for each rule: what becomes a statement, a support, an argument, an attack,
a rephrasing; what is kept as data; what is refused, and where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap

from .helpers import FIXTURES, REAL, SNAPSHOTS, aif_counts, imported


def _data(element) -> dict:
    """The inline data of an element, wherever in the file it is defined."""
    return {k: v for o in element.occurrences for k, v in o.data.items()}


def _aif(nodes: list, edges: list, **more) -> dict:
    return {"nodes": [{"nodeID": i, "text": text, "type": t} for i, t, text in nodes], "edges": [{"fromID": a, "toID": b} for a, b in edges], **more}


def _import(tmp_path: Path, data: dict | str, name: str = "hand.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    markup, warnings = argmap.from_aif(path)
    argmap_path = tmp_path / (path.stem + ".argmap")
    argmap_path.write_text(markup, encoding="utf-8")
    return argmap.load(argmap_path), markup, warnings


# ---------------------------------------------------------------- real files


@pytest.mark.parametrize("name", REAL)
def test_import_snapshot(name, snapshot, monkeypatch):
    monkeypatch.chdir(FIXTURES)  # paths in the warnings as a user who runs it there sees them
    markup, warnings = argmap.from_aif(name)
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(markup, f"{Path(name).stem}.argmap")
    snapshot.assert_match(argmap.format_diagnostics(warnings) + "\n", f"{Path(name).stem}.warnings.txt")


@pytest.mark.parametrize("name", REAL)
def test_an_imported_file_passes_the_strict_check_and_draws(name, tmp_path):
    argument_map, _, _ = imported(name, tmp_path)
    assert argmap.check(argument_map) == []  # no error and no warning: `argmap check --strict` passes
    assert argmap.to_dot(argument_map).startswith('digraph "argmap" {')


@pytest.mark.parametrize("name", REAL)
def test_titles_are_unique_and_made_of_the_words_of_the_text(name, tmp_path):
    argument_map, _, _ = imported(name, tmp_path)
    titles = [t.casefold() for t in [*argument_map.statements, *argument_map.arguments]]
    assert len(titles) == len(set(titles))
    for statement in argument_map.statements.values():
        words = {w.strip(".,'’").casefold() for w in statement.text.split()}
        first = statement.title.split()[0].casefold()
        assert first in words or statement.title == "Claim", (statement.title, statement.text)


@pytest.mark.parametrize("name", REAL)
def test_every_text_of_the_file_is_in_the_imported_file(name, tmp_path):
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    nodes = data.get("AIF", data)["nodes"]
    _, markup, _ = imported(name, tmp_path)
    back = json.loads(argmap.to_aif(argmap.load(tmp_path / (Path(name).stem + ".argmap"))))
    texts = sorted(" ".join(n["text"].split()) for n in nodes if n["type"] == "I")
    assert sorted(n["text"] for n in back["nodes"] if n["type"] == "I") == texts


def test_locutions_and_speakers_are_kept_as_said_data(tmp_path):
    argument_map, _, warnings = imported("nodeset6064.json", tmp_path)
    statement = argument_map.statements["Often Public Inquiries Open Investigations"]
    assert _data(statement)["said"] == [
        {"by": "CL", "text": "you often have public inquiries and open investigations", "act": "Popular Conceding"}
    ]
    (dialogue,) = [w for w in warnings if w.code == "aif-dialogue"]
    assert "left out: 8 transitions (TA)" in dialogue.message


def test_xaif_speakers_come_from_its_participants(tmp_path):
    argument_map, _, _ = imported("ova3-xaif.json", tmp_path)
    said = [d for s in argument_map.statements.values() for d in _data(s)["said"]]
    assert said == [{"by": "Participant Rachel", "text": "A"}, {"by": "Participant Rachel", "text": "B"}]


def test_ova_schemes_become_arguments_with_their_inference_rule(tmp_path):
    argument_map, _, _ = imported("nodeset6362-ova.json", tmp_path)
    rules = sorted(r for a in argument_map.arguments.values() for rules in a.inference_rules for r in rules)
    assert rules == ["Negative Consequences", "Sign"]
    assert argument_map.sources[0].title == "nodeset6362.json"  # the OVA analysis' document title


def test_a_conflict_aimed_at_a_conflict_makes_its_attacker_an_argument(tmp_path):
    argument_map, _, _ = imported("nodeset6362.json", tmp_path)
    attacks = sorted((str(r.source), str(r.target)) for r in argument_map.relations if r.type.value == "attack")
    assert attacks == [
        ("<First They'd Need Caught Act>", "[Higher Fines Right Measure Negligent]"),
        ("[Laziness Sure Vanish]", "<First They'd Need Caught Act>"),
    ]


def test_rephrasings_are_one_statement_with_the_other_wordings_kept(tmp_path):
    argument_map, _, _ = imported("nodeset6064-reconstructed.json", tmp_path)
    statement = argument_map.statements["50s Empire Going"]
    assert statement.text == "By the 50s, the Empire is going"
    assert len(_data(statement)["rephrasings"]) == 3  # three MA nodes joined four I-nodes


def test_unrelated_claims_go_to_the_front_matter(tmp_path):
    argument_map, _, warnings = imported("nodeset6064.json", tmp_path)
    unrelated = argument_map.documents[0].front_matter["aif"]["unrelated"]
    assert [u["title"] for u in unrelated] == ["Got Point Macmillan Realised Not", "McMillan Not Wrong"]
    assert "Got Point Macmillan Realised Not" not in argument_map.statements
    assert "2 I-nodes take part in no relation" in next(w.message for w in warnings if w.code == "aif-unrelated")


# ---------------------------------------------------------------- the rules, one by one


def test_a_multi_premise_inference_is_a_premise_conclusion_structure(tmp_path):
    data = _aif([("1", "I", "Fines deter"), ("2", "I", "Owners can pay"), ("3", "I", "Raise the fines"), ("4", "RA", "Default Inference")], [("1", "4"), ("2", "4"), ("4", "3")])
    argument_map, markup, _ = _import(tmp_path, data)
    (argument,) = argument_map.arguments.values()
    assert (argument.title, argument.premises, argument.conclusions) == ("Because Fines Deter", ("Fines Deter", "Owners Pay"), ("Raise Fines",))
    assert argument_map.relations == ()
    assert argmap.check(argument_map) == []


def test_an_attack_on_an_inference_is_an_undercut_of_its_argument(tmp_path):
    data = _aif(
        [("1", "I", "Fines deter"), ("2", "I", "Raise the fines"), ("3", "RA", "RA"), ("4", "I", "Nobody is ever fined"), ("5", "CA", "CA")],
        [("1", "3"), ("3", "2"), ("4", "5"), ("5", "3")],
    )
    argument_map, _, _ = _import(tmp_path, data)
    (relation,) = argument_map.relations
    assert (str(relation.source), relation.type.value, str(relation.target)) == ("[Nobody Ever Fined]", "undercut", "<Because Fines Deter>")


def test_a_preference_is_noted_on_the_preferred_claim(tmp_path):
    data = _aif(
        [("1", "I", "Fines deter"), ("2", "I", "Fines are unfair"), ("3", "CA", "CA"), ("4", "PA", "Default Preference")],
        [("1", "3"), ("3", "2"), ("1", "4"), ("4", "2")],
    )
    argument_map, _, _ = _import(tmp_path, data)
    assert _data(argument_map.statements["Fines Deter"])["preferred_over"] == ["Fines Unfair"]
    assert aif_counts(json.loads(argmap.to_aif(argument_map)))["PA"] == 1


def test_aif_without_locutions_is_read(tmp_path):
    data = _aif([("1", "I", "A claim"), ("2", "I", "Its reason"), ("3", "RA", "")], [("2", "3"), ("3", "1")])
    assert "locutions" not in data
    argument_map, _, warnings = _import(tmp_path, data)
    assert [str(r.source) for r in argument_map.relations] == ["[Reason]"]
    assert warnings == []


def test_markup_characters_in_a_text_are_kept(tmp_path):
    texts = [
        "#1 priority is *peace*, not _war_",
        "see [the report](https://example.org) // not a comment",
        "a /* block */ and <!-- html --> and @[Title] and \\ backslash",
        "> not a quote; 3:1 odds",
    ]
    nodes = [(str(i), "I", t) for i, t in enumerate(texts, 1)] + [(str(i), "RA", "RA") for i in range(5, 8)]
    edges = [("2", "5"), ("5", "1"), ("3", "6"), ("6", "1"), ("4", "7"), ("7", "1")]
    argument_map, _, warnings = _import(tmp_path, _aif(nodes, edges))
    assert sorted(s.text for s in argument_map.statements.values()) == sorted(texts)
    assert warnings == []


def test_braces_cannot_be_written_and_say_so(tmp_path):
    data = _aif([("1", "I", "a {set} of things"), ("2", "I", "b"), ("3", "RA", "RA")], [("2", "3"), ("3", "1")])
    argument_map, _, warnings = _import(tmp_path, data)
    assert "a (set) of things" in [s.text for s in argument_map.statements.values()]
    assert [w.code for w in warnings] == ["aif-skipped"] and "braces" in warnings[0].message


def test_unknown_node_types_are_left_out_with_a_warning(tmp_path):
    data = _aif([("1", "I", "A"), ("2", "I", "B"), ("3", "RA", "RA"), ("4", "XX", "what")], [("2", "3"), ("3", "1"), ("4", "1")])
    _, _, warnings = _import(tmp_path, data)
    assert [(w.code, w.span.line) for w in warnings] == [("aif-skipped", 1)]
    assert warnings[0].message.startswith("nodes[3]: a node of type 'XX' is left out")


# ---------------------------------------------------------------- bad input: a message with the JSON path, and where


BAD = {
    "not-json": ("{\"nodes\": [", "aif-not-json", "the file is not JSON"),
    "a-list": ("[1, 2]", "aif-not-aif", "this JSON is not AIF, xAIF or OVA: the top level is a list"),
    "another-shape": ('{"name": "x", "version": 2}', "aif-not-aif", 'this JSON is not AIF, xAIF or OVA: it has "name", "version"'),
    "nodes-not-a-list": ('{"nodes": {}, "edges": []}', "aif-bad-value", "nodes: expected a list, found an object"),
    "xaif-without-object": ('{"AIF": [], "text": ""}', "aif-bad-value", "AIF: expected an object, found a list"),
    "missing-node": (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}],\n "edges": [{"fromID": "1", "toID": "7"}]}',
        "aif-missing-node",
        "edges[0].toID: toID '7' names no node of the file",
    ),
    "duplicate-id": (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "A"},\n {"nodeID": 1, "type": "I", "text": "B"}], "edges": []}',
        "aif-duplicate-id",
        "nodes[1]: the node id '1' is used twice (first at nodes[0])",
    ),
    "bad-id": ('{"nodes": [{"nodeID": null, "type": "I", "text": "A"}], "edges": []}', "aif-bad-value", "nodes[0].nodeID: the id is missing"),
    "rephrase-cycle": (
        json.dumps(_aif([("1", "I", "A"), ("2", "I", "B"), ("3", "MA", "MA"), ("4", "MA", "MA")], [("1", "3"), ("3", "2"), ("2", "4"), ("4", "1")])),
        "aif-rephrase-cycle",
        "nodes[3]: MA (rephrase) nodes go round in a cycle: '1' → '2' → '1'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_an_error_with_its_json_path(case, tmp_path):
    text, code, message = BAD[case]
    path = tmp_path / f"{case}.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(argmap.ArgmapError) as raised:
        argmap.from_aif(path)
    assert raised.value.code == code
    assert raised.value.text.startswith(message), raised.value.text
    assert raised.value.span.path == str(path)


def test_the_error_points_at_the_place_in_the_file(tmp_path):
    text, _, _ = BAD["missing-node"]
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(argmap.ArgmapError) as raised:
        argmap.from_aif(path)
    span = raised.value.span
    assert (span.line, span.column) == (2, text.split("\n")[1].index('"toID"') + 1)


# ---------------------------------------------------------------- any text comes back as it was


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MARKUP = st.text(alphabet=st.sampled_from(list("ab #*_[]()@<>!-/\\:.\"'+{}~^v")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(MARKUP.filter(lambda t: t.strip()), min_size=2, max_size=2, unique_by=lambda t: " ".join(t.split())))
def test_any_text_reads_back_as_written_or_is_reported(texts, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("text")
    argument_map, _, warnings = _import(tmp_path, _aif([("1", "I", texts[0]), ("2", "I", texts[1]), ("3", "RA", "RA")], [("2", "3"), ("3", "1")]))
    reported = {w.span.line for w in warnings}
    read = sorted(s.text for s in argument_map.statements.values())
    if not reported:
        assert read == sorted(" ".join(t.split()) for t in texts)
    assert not argmap.has_errors(argmap.check(argument_map))
