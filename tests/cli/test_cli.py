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
    # 1 conflicting text, 3 statements neither quoted nor marked as the mapper's ('unsourced')
    assert result.stdout == "2 files: 4 statements, 0 arguments, 3 relations, 2 sources; 0 errors, 4 warnings\n"


def test_check_strict_fails_on_warnings(argmap_cli):
    result = argmap_cli("check", "--strict", "a.argmap", "b.argmap", cwd=MERGE)
    assert result.exit_code == 1
    assert "b.argmap:13:1: warning: [Pressure works] has a different text" in result.stderr


def test_check_json_lists_diagnostics_for_editors(argmap_cli):
    result = argmap_cli("check", "--format", "json", "a.argmap", "b.argmap", cwd=MERGE)
    items = json.loads(result.stdout)
    assert [(i["severity"], i["code"], i["path"], i["line"], i["column"]) for i in items] == [
        ("warning", "unsourced", "a.argmap", 15, 1),
        ("warning", "conflicting-text", "b.argmap", 13, 1),
        ("warning", "unsourced", "b.argmap", 13, 1),
        ("warning", "unsourced", "b.argmap", 15, 1),
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


def test_the_command_flushes_everything_and_keeps_exit_statuses_despite_its_quick_exit(tmp_path):
    """`argmap` ends with os._exit (no teardown of a large map): output must be whole, statuses kept."""
    big = tmp_path / "big.argmap"
    big.write_text("".join(f"[S{i}]: Statement number {i} #t{i % 7}.\n  + [S{(i + 1) % 400}]\n\n" for i in range(400)), encoding="utf-8")
    command = [sys.executable, "-m", "argmap"]
    exported = subprocess.run([*command, "export", "--format", "json", str(big)], capture_output=True)
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)  # the whole JSON arrived through the pipe
    assert len(data["statements"]) == 400 and len(data["relations"]) == 400
    assert exported.stdout == subprocess.run([*command, "export", str(big)], capture_output=True).stdout

    broken = tmp_path / "broken.argmap"
    broken.write_text("[A]: text\n\n  + [B]\n", encoding="utf-8")
    failed = subprocess.run([*command, "check", str(broken)], capture_output=True, text=True)
    assert failed.returncode == 1
    assert f"{broken}:3:3: error:" in failed.stderr

    usage = subprocess.run([*command, "no-such-command"], capture_output=True, text=True)
    assert usage.returncode == 2
    assert "No such command" in usage.stderr


def test_a_large_file_exports_and_checks_as_the_library_reads_it(tmp_path):
    """Over 256 KB the command parses in a second process (argmap/build/background.py):
    the same JSON as the library's, and a syntax error far down reported as usual."""
    import argmap

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    try:
        from generate import document
    finally:
        sys.path.pop(0)
    big = tmp_path / "big.argdown"
    big.write_text(document(2000), encoding="utf-8")
    assert big.stat().st_size > 256_000
    command = [sys.executable, "-m", "argmap"]
    exported = subprocess.run([*command, "export", str(big), "-o", str(tmp_path / "out.json")], capture_output=True, text=True)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out.json").read_bytes() == argmap.to_json(argmap.load(big)).encode("utf-8")

    broken = tmp_path / "broken.argdown"
    broken.write_text(document(2000) + "\n\n[Left open: the title is never closed\n", encoding="utf-8")
    checked = subprocess.run([*command, "check", str(broken)], capture_output=True, text=True)
    assert checked.returncode == 1
    assert argmap.format_diagnostics(argmap.check(argmap.load(broken))) in checked.stderr  # every diagnostic, in order
    line = broken.read_text(encoding="utf-8").count("\n")
    assert f"{broken}:{line}:1: error:" in checked.stderr
