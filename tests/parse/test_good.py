"""Every construct of the markup parses into the model we expect (snapshots)."""

from pathlib import Path

import pytest

from argmap.interchange.canonical import to_json
from argmap.merge.combine import load, read_document

from .dump import dump

HERE = Path(__file__).parent / "good"
FIXTURES = sorted(p.name for p in HERE.glob("*.argmap"))


@pytest.mark.parametrize("name", FIXTURES)
def test_model_dump(name, snapshot, monkeypatch):
    monkeypatch.chdir(HERE)
    snapshot.snapshot_dir = HERE
    snapshot.assert_match(dump(read_document(name)), name.replace(".argmap", ".model.txt"))


@pytest.mark.parametrize("name", FIXTURES)
def test_json_export(name, snapshot, monkeypatch):
    monkeypatch.chdir(HERE)
    snapshot.snapshot_dir = HERE
    snapshot.assert_match(to_json(load([name])), name.replace(".argmap", ".json"))


@pytest.mark.parametrize("name", FIXTURES)
def test_fixtures_have_no_errors(name, monkeypatch):
    monkeypatch.chdir(HERE)
    errors = [d for d in read_document(name).diagnostics if d.severity.value == "error"]
    assert errors == []
