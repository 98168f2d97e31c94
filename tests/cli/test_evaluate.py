"""`argmap evaluate` as a user runs it: the example map, JSON, the extension limit,
a missing solver, errors and exit statuses."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parents[2]
TALKS = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))
CYCLES = "[A]: a.\n  >< [B]: b.\n[C]: c.\n  >< [D]: d.\n"  # two separate contradictions: four extensions


def elements(paths) -> set[str]:
    debate = argmap.load(paths)
    return {f"[{t}]" for t in debate.statements} | {f"<{t}>" for t in debate.arguments}


def test_the_example_map_prints_the_table_and_a_reason_for_every_label(argmap_cli):
    result = argmap_cli("evaluate", *TALKS)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Evaluated: 142 statements, 28 arguments, 34 attacks; grounded labels: IN 148, OUT 22, UNDEC 0"
    assert [line.split()[0] for line in lines[4:7]] == ["Restraint", "Pressure", "Skepticism"]
    labelled = [line for line in lines if line.startswith(("  IN ", "  OUT ", "  UNDEC "))]
    assert len(labelled) == len(elements(TALKS))
    assert all(": " in line and line.split(": ", 1)[1] for line in labelled)
    assert all(line.split(": ", 1)[1].startswith("defeated by IN ") for line in labelled if line.startswith("  OUT "))


def test_json_labels_every_element_and_lists_the_extensions(argmap_cli):
    result = argmap_cli("evaluate", *TALKS, "--semantics", "all", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["semantics", "grounded", "preferred", "stable", "credulous", "sceptical", "truncated", "max_extensions", "positions", "explanations"]
    assert set(data["grounded"]) == set(data["explanations"]) == elements(TALKS)
    assert list(data["grounded"]) == sorted(data["grounded"])
    standing = sorted(key for key, label in data["grounded"].items() if label == "in")
    assert data["preferred"] == data["stable"] == [standing], "no cycle on the example map: one extension, the IN elements"
    assert data["sceptical"] == data["credulous"] == {"preferred": standing, "stable": standing}
    assert argmap_cli("evaluate", *TALKS, "--semantics", "all", "--format", "json").stdout == result.stdout


def test_grounded_json_has_no_extensions(argmap_cli, tmp_path):
    lesson = tmp_path / "lesson.argmap"
    lesson.write_text(CYCLES, encoding="utf-8")
    data = json.loads(argmap_cli("evaluate", lesson, "--format", "json").stdout)
    assert data["semantics"] == ["grounded"] and "preferred" not in data and "stable" not in data
    assert data["grounded"] == {"[A]": "undec", "[B]": "undec", "[C]": "undec", "[D]": "undec"}
    assert data["positions"] == []


def test_the_limit_cuts_the_list_and_says_so(argmap_cli, tmp_path):
    lesson = tmp_path / "lesson.argmap"
    lesson.write_text(CYCLES, encoding="utf-8")
    result = argmap_cli("evaluate", lesson, "--semantics", "preferred", "--max-extensions", "3")
    assert result.exit_code == 0
    assert "Preferred extensions: more than 3, the first 3 listed (--max-extensions)" in result.stdout
    assert result.stderr == "argmap: more than 3 preferred extensions; listed the first 3 (raise --max-extensions to see more)\n"
    data = json.loads(argmap_cli("evaluate", lesson, "--semantics", "stable", "--max-extensions", "3", "--format", "json").stdout)
    assert len(data["stable"]) == 3 and data["truncated"] == ["stable"]
    assert data["credulous"]["stable"] == ["[A]", "[B]", "[C]", "[D]"] and data["sceptical"]["stable"] == []


def test_without_clingo_grounded_works_and_the_rest_says_how_to_install_it(argmap_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "clingo", None)  # import clingo now raises ImportError
    assert argmap_cli("evaluate", *TALKS).exit_code == 0
    result = argmap_cli("evaluate", *TALKS, "--semantics", "stable")
    assert result.exit_code == 3 and result.stdout == ""
    assert "error: preferred and stable semantics need the clingo solver, an optional extra" in result.stderr
    assert "pip install 'argmap[evaluate]'" in result.stderr


def test_output_to_a_file(argmap_cli, tmp_path):
    out = tmp_path / "evaluation.json"
    result = argmap_cli("evaluate", *TALKS, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["grounded"]["[Putin May Be Warming to a Settlement]"] == "out"


def test_bad_input_and_bad_options(argmap_cli, tmp_path):
    broken = tmp_path / "broken.argmap"
    broken.write_text("[A]: a.\n  + \n", encoding="utf-8")
    assert argmap_cli("evaluate", broken).exit_code == 1
    assert argmap_cli("evaluate", *TALKS, "--semantics", "complete").exit_code == 2
    assert argmap_cli("evaluate", *TALKS, "--max-extensions", "0").exit_code == 2


def test_the_api_gives_what_the_command_prints():
    evaluation = argmap.evaluate(argmap.load(TALKS))
    assert evaluation.grounded["[Putin May Be Warming to a Settlement]"] == "out"
    assert evaluation.preferred is None and evaluation.stable is None
