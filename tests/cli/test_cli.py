"""The command line as a user drives it: summaries, exit codes, JSON, atomic output."""

import json
import os
import subprocess
import sys
from pathlib import Path

MERGE = Path(__file__).parent.parent / "merge"


def test_check_prints_one_summary_line(argmap_cli):
    result = argmap_cli("check", "a.argmap", "b.argmap", cwd=MERGE)
    assert result.exit_code == 0
    assert result.stdout == "2 files: 4 statements, 0 arguments, 3 relations, 2 sources; 0 errors, 1 warnings\n"


def test_check_strict_fails_on_warnings(argmap_cli):
    result = argmap_cli("check", "--strict", "a.argmap", "b.argmap", cwd=MERGE)
    assert result.exit_code == 1
    assert "b.argmap:13:1: warning: [Pressure works] has a different text" in result.stderr


def test_check_json_lists_diagnostics_for_editors(argmap_cli):
    result = argmap_cli("check", "--format", "json", "a.argmap", "b.argmap", cwd=MERGE)
    items = json.loads(result.stdout)
    assert [(i["severity"], i["code"], i["path"], i["line"], i["column"]) for i in items] == [
        ("warning", "conflicting-text", "b.argmap", 13, 1)
    ]


def test_usage_errors_exit_2(argmap_cli):
    assert argmap_cli("check").exit_code == 2
    assert argmap_cli("check", "no-such-file.argmap").exit_code == 2
    assert argmap_cli("export", "--format", "yaml", "a.argmap", cwd=MERGE).exit_code == 2
    assert argmap_cli("frobnicate").exit_code == 2


def test_export_writes_json_to_stdout(argmap_cli):
    result = argmap_cli("export", "a.argmap", "b.argmap", cwd=MERGE)
    data = json.loads(result.stdout)
    assert sorted(data) == ["arguments", "positions", "relations", "sources", "statements", "version"]
    assert [s["id"] for s in data["sources"]] == ["alpha", "beta"]


def test_export_refuses_input_with_errors_and_keeps_old_output(argmap_cli, tmp_path):
    broken = tmp_path / "broken.argmap"
    broken.write_text("[A]: x\n\n  + [B]\n", encoding="utf-8")
    out = tmp_path / "map.json"
    out.write_text("old", encoding="utf-8")
    result = argmap_cli("export", str(broken), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "old"
    assert "broken.argmap:3:3: error:" in result.stderr


def test_export_to_file_is_atomic_and_leaves_no_temporary_files(argmap_cli, tmp_path):
    out = tmp_path / "map.json"
    result = argmap_cli("export", str(MERGE / "a.argmap"), "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_inputs_are_never_modified(argmap_cli, tmp_path):
    before = {p.name: p.read_bytes() for p in MERGE.iterdir() if p.is_file()}
    argmap_cli("check", "a.argmap", "b.argmap", cwd=MERGE)
    argmap_cli("export", "a.argmap", "b.argmap", cwd=MERGE)
    after = {p.name: p.read_bytes() for p in MERGE.iterdir() if p.is_file()}
    assert before == after


def test_python_dash_m_works():
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "a.argmap"], cwd=MERGE, capture_output=True, text=True, env={**os.environ}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 file:")


def test_an_output_that_cannot_be_written_is_an_error_not_a_traceback(argmap_cli, tmp_path):
    result = argmap_cli("export", str(MERGE / "a.argmap"), "-o", str(tmp_path / "missing" / "map.json"))
    assert result.exit_code == 1
    assert "error: cannot write" in result.stderr
    assert "hint: check that the directory exists" in result.stderr
