"""The public API as a library user meets it: what `import argmap` costs and
promises, and the errors a caller gets."""

import subprocess
import sys
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parents[2]
TALKS = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_argmap_loads_no_stage():
    loaded = _modules_after("import argmap")
    assert not {"lark", "graphviz", "yaml", "click", "argmap.draw", "argmap.parse"} & loaded


def test_loading_and_checking_load_no_drawing_code():
    loaded = _modules_after(f"import argmap; argmap.check(argmap.load({[str(p) for p in TALKS]!r}))")
    assert "argmap.merge.combine" in loaded
    assert not {m for m in loaded if m.startswith(("graphviz", "argmap.draw", "argmap.publish", "argmap.extract", "sklearn"))}


def test_the_public_names_are_exactly_those_documented():
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in argmap.__all__:
        assert name in page, f"argmap.{name} is public but docs/api.md does not mention it"
    public = {n for n, v in vars(argmap).items() if not n.startswith("_") and not isinstance(v, type(argmap))}
    assert sorted(argmap.__all__) == sorted(public)


def test_load_takes_one_path_or_several():
    one = argmap.load(TALKS[0])
    assert len(one.documents) == 1
    assert len(argmap.load(TALKS).documents) == len(TALKS)


def test_a_missing_file_is_a_diagnostic_not_an_exception(tmp_path):
    missing = argmap.load(tmp_path / "nowhere.argmap")
    problems = argmap.check(missing)
    assert [d.code for d in problems] == ["not-found"]
    assert argmap.has_errors(problems)


def test_render_refuses_an_unknown_format_theme_or_option():
    debate = argmap.loads("[A]: a.\n  + [B]: b.\n")
    with pytest.raises(ValueError, match="format must be one of"):
        argmap.render(debate, "gif")
    with pytest.raises(ValueError, match="theme must be one of"):
        argmap.to_dot(debate, theme="sepia")
    with pytest.raises(TypeError, match="unknown view option"):
        argmap.to_dot(debate, colour="red")


def test_to_dot_matches_the_cli(argmap_cli):
    debate = argmap.load(TALKS)
    assert argmap.to_dot(debate, group_by="position") == argmap_cli("render", *map(str, TALKS), "--group-by", "position").stdout


def test_tool_errors_are_argmap_errors(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    debate = argmap.loads("[A]: a.\n  + [B]: b.\n")
    with pytest.raises(argmap.ToolError) as caught:
        argmap.render(debate, "svg")
    assert isinstance(caught.value, argmap.ArgmapError)
    assert "dot" in str(caught.value)
