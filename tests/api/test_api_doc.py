"""Every example in docs/api.md runs, in the example's folder, and prints what the page says."""

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_example(monkeypatch):
    monkeypatch.chdir(ROOT / "examples" / "ukraine-talks")


def test_api_page_examples(in_example):
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted >= 20
    assert result.failed == 0, "docs/api.md: see the failing examples above"
