"""Whose voice through AIF: `speaker`, `hedge` and `reconstructed` go out in the
`argmap` key of the nodes and come back as the markup's inline data."""

from __future__ import annotations

import json
from pathlib import Path

import argmap

from .test_export import _canonical

ONE = """===
source:
  id: one
===

[Claim]: A claim. {speaker: "the \\"Kremlin\\" # // \\x7D", hedge: may}
  -> [Other] {reconstructed: "a \\x7D b \\" c # d // e\\nf"}
  >< [Rival] {reconstructed: true}

[Other]: Another claim. {reconstructed: "implicit premise"}

[Rival]: A rival claim.
  > "a rival claim"

<Loose>: An argument without a structure. {speaker: critics}
  +> [Claim] {reconstructed: "inferred"}

<Built>: The gist. {hedge: likely, reconstructed: "the mapper's summary"}

(1) [Premise]: A premise. {reconstructed: true}
----
  <+ [Warrant] {reconstructed: "why the step holds"}
(2) [End]: The conclusion.

[Warrant]: Why.
  -> [Rival]

[Alone]: In no relation. {speaker: NATO, reconstructed: "an aside"}
"""

TWO = """===
source:
  id: two
===

[Other]: Another claim. {reconstructed: "a second note"}
  +> [Rival]

[Rival]: A rival claim. {reconstructed: "quoted in the other file"}
"""


def _files(tmp_path: Path) -> list[Path]:
    (tmp_path / "one.argmap").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.argmap").write_text(TWO, encoding="utf-8")
    return [tmp_path / "one.argmap", tmp_path / "two.argmap"]


def _import(tmp_path: Path, data: dict) -> tuple[str, list, Path]:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    markup, warnings = argmap.from_aif(path)
    (tmp_path / "map.argmap").write_text(markup, encoding="utf-8")
    return markup, warnings, tmp_path / "map.argmap"


def test_the_export_carries_the_voice_in_the_argmap_key(tmp_path):
    data = json.loads(argmap.to_aif(argmap.load(_files(tmp_path))))
    marks = {n["argmap"]["title"]: n["argmap"] for n in data["nodes"] if n["type"] == "I" and "title" in n.get("argmap", {})}
    assert marks["Claim"]["speaker"] == 'the "Kremlin" # // }' and marks["Claim"]["hedge"] == "may"
    assert marks["Other"]["reconstructed_in"] == ["one", "two"]
    assert marks["Other"]["reconstruction_notes"] == ["implicit premise", "a second note"]
    assert marks["Rival"]["reconstructed"] is False  # quoted in an article: marked, but not drawn as the mapper's
    assert marks["Loose"]["speaker"] == "critics"
    assert marks["Alone"]["speaker"] == "NATO"
    (built,) = [n["argmap"] for n in data["nodes"] if n["type"] == "RA" and n.get("argmap", {}).get("argument") == "Built"]
    assert {k: built[k] for k in ("hedge", "reconstructed", "reconstruction_notes")} == {"hedge": "likely", "reconstructed": True, "reconstruction_notes": ["the mapper's summary"]}
    schemes = [n["argmap"] for n in data["nodes"] if n["type"] in ("RA", "CA") and n.get("argmap", {}).get("reconstructed")]
    notes = sorted(s.get("reconstruction_note", "") for s in schemes if "argument" not in s)
    assert notes == ["", "", "a } b \" c # d // e f", "inferred", "why the step holds"]  # the contradiction: both CA nodes


def test_import_of_the_export_gives_the_same_voices(tmp_path):
    files = _files(tmp_path)
    (tmp_path / "out").mkdir()
    original = argmap.load(files)
    markup, warnings, path = _import(tmp_path / "out", json.loads(argmap.to_aif(original)))
    again = argmap.load(path)
    assert [w.code for w in warnings] == ["aif-unrelated"]  # [Alone] goes to the front matter
    assert argmap.check(again) == []
    expected = _canonical(original)
    for statement in expected["statements"]:  # one file: the notes of two sources become one
        statement["notes"] = ["; ".join(statement["notes"])] if statement["notes"] else []
    expected["statements"] = [s for s in expected["statements"] if s["title"] != "Alone"]
    assert _canonical(again) == expected
    assert again.statements["Rival"].is_reconstructed  # its quote came back as `said` data, not as a quote
    assert '-> [Other] {reconstructed: "a \\x7D b \\" c # d // e f"}' in markup
    # and the claim in the front matter keeps its voice for the next export
    data = json.loads(argmap.to_aif(again))
    (alone,) = [n["argmap"] for n in data["nodes"] if n.get("argmap", {}).get("title") == "Alone"]
    assert alone == {"title": "Alone", "speaker": "NATO", "reconstructed": True, "reconstructed_in": ["map"], "reconstruction_notes": ["an aside"]}


HOSTILE = 'end } of {data}, "quoted", #tag, // comment, /* block */, <!-- html -->,\nnew line, \\ backslash: colon, [ref], @[mention]'


def test_hostile_voice_values_are_written_as_inline_data_that_reads_back(tmp_path):
    hostile = " ".join(HOSTILE.split())
    data = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "A claim.", "argmap": {"title": "A", "speaker": HOSTILE[:150], "hedge": "may }", "reconstructed": True, "reconstructed_in": ["x"], "reconstruction_notes": [HOSTILE, "second"]}},
            {"nodeID": "2", "type": "I", "text": "Another claim.", "argmap": {"title": "B"}},
            {"nodeID": "3", "type": "CA", "text": "Default Conflict", "argmap": {"reconstructed": True, "reconstruction_note": HOSTILE}},
            {"nodeID": "4", "type": "RA", "text": "Default Inference", "argmap": {"reconstructed": True}},
        ],
        "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"}, {"fromID": "2", "toID": "4"}, {"fromID": "4", "toID": "1"}],
    }
    markup, warnings, path = _import(tmp_path, data)
    assert warnings == []
    again = argmap.load(path)
    assert again.diagnostics == ()
    voice = again.statements["A"].voice
    assert voice.speaker == " ".join(HOSTILE[:150].split()) and voice.hedge == "may }"
    assert voice.notes == (f"{hostile}; second",)
    assert {(r.source.title, r.target.title): r.reconstructed for r in again.relations} == {("A", "B"): hostile, ("B", "A"): ""}
    assert "{reconstructed: true}" in markup


def test_a_foreign_speaker_stays_a_locution(tmp_path):
    """AIFdb's "Speaker : words" is who uttered a locution, not whom the article reports: `said` data, no `speaker`."""
    data = {
        "nodes": [{"nodeID": "1", "type": "I", "text": "Empires did good."}, {"nodeID": "2", "type": "I", "text": "Trade grew."},
                  {"nodeID": "3", "type": "RA", "text": "Default Inference"}, {"nodeID": "4", "type": "L", "text": "NL : empires did good"},
                  {"nodeID": "5", "type": "YA", "text": "Asserting"}],
        "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}, {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "1"}],
    }
    _, _, path = _import(tmp_path, data)
    again = argmap.load(path)
    (claim,) = [s for s in again.statements.values() if s.text == "Empires did good."]
    assert claim.voice is None
    assert claim.occurrences[0].data["said"] == [{"by": "NL", "text": "empires did good"}]
