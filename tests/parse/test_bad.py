"""Bad input gets a clear message pointing at the line, never a traceback.

Each ``bad/NAME.argmap`` has a snapshot ``bad/NAME.txt`` of exactly what
``argmap check --strict NAME.argmap`` prints, with its exit status.
"""

from pathlib import Path

import pytest

HERE = Path(__file__).parent / "bad"
FIXTURES = sorted(p.name for p in HERE.glob("*.argmap"))


def test_there_are_many_bad_inputs():
    assert len(FIXTURES) >= 25


@pytest.mark.parametrize("name", FIXTURES)
def test_check_reports_the_problem(name, argmap_cli, snapshot):
    result = argmap_cli("check", "--strict", name, cwd=HERE)
    assert result.exit_code == 1, result.transcript()
    assert "Traceback" not in result.stderr
    assert f"{name}:" in result.stderr  # every message says where
    snapshot.snapshot_dir = HERE
    snapshot.assert_match(result.transcript(), name.replace(".argmap", ".txt"))


def test_without_strict_warnings_pass(argmap_cli):
    result = argmap_cli("check", "self-relation.argmap", cwd=HERE)
    assert result.exit_code == 0
    assert "warning:" in result.stderr
    assert result.stdout.startswith("1 file:")


def test_all_files_and_all_problems_are_reported(argmap_cli):
    result = argmap_cli("check", "several-errors.argmap", "unclosed-argument-title.argmap", cwd=HERE)
    assert result.exit_code == 1
    assert result.stderr.count("error:") >= 3
    assert "several-errors.argmap:2:" in result.stderr
    assert "several-errors.argmap:6:" in result.stderr
    assert "unclosed-argument-title.argmap:1:" in result.stderr
