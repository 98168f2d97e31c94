"""Argdown compatibility: our argdown-json export against Argdown's own.

The corpus (../shared/argdown-corpus: 30 Argdown documents with Argdown
2.0's JSON export, summarised by its normalize.py) is test data kept outside
this repository; the per-document tests skip when it is absent. The unit tests
below pin the trickier parts of Argdown's model with small inline documents.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from argmap.interchange.argdown_json import to_argdown_dict, to_argdown_json
from argmap.build.document import parse_document

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT.parent / "shared" / "argdown-corpus"
DOCUMENTS = sorted((CORPUS / "docs").glob("*.argdown")) if CORPUS.is_dir() else []


def _bench():
    spec = importlib.util.spec_from_file_location("argdown_compat", ROOT / "bench" / "argdown_compat.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DOCUMENTS, reason=f"the Argdown corpus is not checked out at {CORPUS}")
@pytest.mark.parametrize("document", DOCUMENTS or [None], ids=lambda p: p.stem if p else "no-corpus")
def test_export_summarises_like_argdown(document):
    fields, got, expected = _bench().compare(CORPUS, document)
    assert fields == [], {f: (got.get(f), expected.get(f)) for f in fields}


# ---------------------------------------------------------------- Argdown's model, small cases


def export(text: str) -> dict:
    document = parse_document(text, "doc.argdown")
    return to_argdown_dict(document)


def relations(text: str) -> set[tuple]:
    out = set()
    for r in export(text)["relations"]:
        to = (r["toType"], r["to"], r["conclusionIndex"]) if r["toType"] == "inference" else (r["toType"], r["to"])
        out.add(((r["fromType"], r["from"]), r["relationType"], to))
    return out


EC, ARG, INF = "equivalence-class", "argument", "inference"


def test_a_line_dedented_between_two_levels_joins_the_shallower_one():
    # -> G at column 4 sits between the levels at columns 2 and 6: a sibling of - C
    text = "[A]: a\n  + [B]: b\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n"
    assert relations(text) == {
        ((EC, "B"), "support", (EC, "A")),
        ((EC, "C"), "attack", (EC, "A")),
        ((EC, "D"), "support", (EC, "C")),
        ((EC, "A"), "attack", (EC, "G")),
    }


RECONSTRUCTED = "<R>: r\n\n(1) [P]: p\n----\n(2) [C]: c\n\n"


def test_relations_of_a_reconstructed_argument_start_at_its_main_conclusion():
    text = RECONSTRUCTED + "[X]: x\n  <+ <R>\n  _> <R>\n\n<U>: u\n  _ <R>\n"
    assert relations(text) == {
        ((EC, "C"), "support", (EC, "X")),  # <R> +> [X] moves to R's conclusion
        ((EC, "X"), "undercut", (INF, "R", 1)),  # an undercut of <R> hits its last inference
        ((EC, "C"), "undercut", (ARG, "U")),  # <R> undercuts <U>: from R's conclusion too
    }


def test_an_argument_supporting_its_own_conclusion_is_dropped():
    assert relations(RECONSTRUCTED + "[C]\n  + <R>\n") == set()


def test_strict_mode_applies_after_reattachment_and_keeps_one_contrary():
    text = "===\nmodel:\n  mode: strict\n===\n\n" + RECONSTRUCTED + "<R>\n  +> [X]: x\n  -> [Y]: y\n\n[Y]\n  -> [C]\n"
    assert relations(text) == {
        ((EC, "C"), "entails", (EC, "X")),
        ((EC, "C"), "contrary", (EC, "Y")),  # [Y] -> [C] is the same contrary pair
    }


def test_loose_mode_keeps_support_and_attack():
    text = RECONSTRUCTED + "<R>\n  +> [X]: x\n  -> [Y]: y\n"
    assert relations(text) == {((EC, "C"), "support", (EC, "X")), ((EC, "C"), "attack", (EC, "Y"))}


def test_strict_mode_keeps_the_contrary_relation_argdown_creates_first():
    # Argdown records a relation after those nested under it: [D] attacks [C] comes first
    text = "===\nmodel:\n  mode: strict\n===\n\n[C]: c\n  - [D]: d\n    - [C]\n"
    assert relations(text) == {((EC, "C"), "contrary", (EC, "D"))}


def test_an_attack_on_an_argument_is_dropped_when_a_premise_is_already_attacked():
    text = RECONSTRUCTED + "[A]: a\n  >< [P]\n  -> <R>\n\n[B]: b\n  +> [P]\n  -> <R>\n"
    assert relations(text) == {
        ((EC, "A"), "contradictory", (EC, "P")),
        ((EC, "B"), "support", (EC, "P")),
        ((EC, "B"), "attack", (ARG, "R")),
    }


def test_an_undercut_under_a_statement_hits_the_inference_read_last():
    text = "[S]: s\n  <_ <U1>: u1\n\n" + RECONSTRUCTED + "[T]: t\n  <_ <U2>: u2\n"
    assert relations(text) == {((ARG, "U1"), "undercut", (EC, "S")), ((ARG, "U2"), "undercut", (INF, "R", 1))}


def test_untitled_numbers_follow_the_document_and_lists_have_no_role():
    data = export("a\n  + b\n\n(1) c\n----\n  <_ d\n(2) e\n\n  * f\n")
    assert sorted(data["arguments"]) == ["Untitled 3"]
    assert [s["title"] for s in data["arguments"]["Untitled 3"]["pcs"]] == ["Untitled 4", "Untitled 6"]
    assert data["statements"]["Untitled 5"]["members"][0]["text"] == "d"
    assert "role" not in data["statements"]["Untitled 7"]["members"][0]


def test_texts_shortcodes_escapes_and_wrapped_headings():
    data = export("# Welcome :heart:\nto @[A]\n\n[A]: p .^. q, not a \\#tag, **bold** and [a link](http://x.org) #t\n")
    assert data["sections"][0]["title"] == "Welcome ❤ to @[A]"
    member = data["statements"]["A"]["members"][0]
    assert member["text"] == "p ∧ q, not a #tag, bold and a link #t"
    assert member["tags"] == ["t"]
    assert list(data["tags"]) == ["t"]


def test_regroup_replaces_the_sections_from_headings():
    text = "===\ngroup:\n  regroup:\n    - title: One\n      statements: [A]\n      children:\n        - title: Two\n===\n\n# Heading\n\n[A]: a\n"
    data = export(text)
    assert [(s["level"], s["title"]) for s in data["sections"]] == [(1, "One")]
    assert [(s["level"], s["title"]) for s in data["sections"][0]["children"]] == [(2, "Two")]
    assert data["statements"]["A"]["section"] == "s0"


def test_cli_exports_one_file_as_argdown_json(argmap_cli, tmp_path):
    path = tmp_path / "doc.argdown"
    path.write_text(RECONSTRUCTED + "[C]\n  + <R>\n", encoding="utf-8")
    result = argmap_cli("export", "--format", "argdown-json", str(path))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert sorted(data) == ["arguments", "relations", "sections", "statements", "tags"]
    assert [s["role"] for s in data["arguments"]["R"]["pcs"]] == ["premise", "main-conclusion"]
    assert data["arguments"]["R"]["pcs"][1]["inference"]["conclusionIndex"] == 1
    twice = argmap_cli("export", "--format", "argdown-json", str(path), str(path))
    assert twice.exit_code == 2
    assert "exactly one file" in twice.stderr


def test_inline_data_json_has_no_type_for_is_written_as_argdown_does():
    # Argdown reads YAML with js-yaml and writes JSON.stringify's output:
    # dates as UTC ISO strings with milliseconds, sets as objects of nulls,
    # NaN as null; keys become strings. None of these may crash the export.
    text = (
        "[A]: a {when: 2024-01-01, at: 2024-01-01T10:20:30.123456+02:00, s: !!set {b, a}, 1: one, nan: .nan}\n"
        "  + [B]: b {big: 123456789012345678901234567890}\n"
    )
    data = json.loads(to_argdown_json(parse_document(text, "doc.argdown")))
    assert data["statements"]["A"]["data"] == {
        "when": "2024-01-01T00:00:00.000Z",
        "at": "2024-01-01T08:20:30.123Z",
        "s": {"a": None, "b": None},
        "1": "one",
        "nan": None,
    }
    assert data["statements"]["B"]["data"] == {"big": 123456789012345678901234567890}  # past 64 bits: still exact


def test_export_command_writes_argdown_json_with_dated_data(argmap_cli, tmp_path):
    (tmp_path / "dated.argdown").write_text("[A]: a {published: 2025-03-01}\n  + [B]: b\n", encoding="utf-8")
    result = argmap_cli("export", "--format", "argdown-json", "dated.argdown", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["statements"]["A"]["data"] == {"published": "2025-03-01T00:00:00.000Z"}
