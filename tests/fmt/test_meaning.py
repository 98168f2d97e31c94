"""fmt's meaning check reads the input from the blocks fmt parsed it into: a large file is parsed twice, not three times (issue 22).

No timing here (bench/fmt_bench.py prints the figures): the cost is held by
counting the parses, and the shortcut by comparing it with the full meaning
on every file the project has.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap.parse.parser as parser
from argmap.fmt.formatter import _parse, format_text, normalize_newlines, unified_diff
from argmap.fmt.meaning import meaning, meaning_of_blocks
from argmap.parse.parser import parse_raw

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*(ROOT / "tests").rglob("*.argmap"), *(ROOT / "examples" / "ukraine-talks").glob("*.argmap")])


def _parsable(path: Path) -> str | None:
    try:
        text = normalize_newlines(path.read_bytes().decode("utf-8"))
        _parse(text, str(path))  # as fmt parses it, refusing what it refuses
    except Exception:
        return None
    return text if text.strip() else None


# files fmt refuses (syntax errors, empty files) never reach the meaning check
FORMATTABLE = [path for path in FILES if _parsable(path) is not None]


def test_most_files_are_formattable():
    assert len(FORMATTABLE) > len(FILES) / 2


@pytest.mark.parametrize("path", FORMATTABLE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_meaning_of_fmts_blocks_is_the_meaning_of_the_text(path):
    text = _parsable(path)
    assert meaning_of_blocks(parse_raw(text, str(path), split_lines=True), text, str(path)) == meaning(text, str(path))


@pytest.fixture
def parses(monkeypatch):
    calls: list[bool] = []
    real = parser.parse_raw

    def counted(text, path, *, split_lines=False):
        calls.append(split_lines)
        return real(text, path, split_lines=split_lines)

    for module in ("argmap.fmt.formatter", "argmap.build.document", "argmap.parse.parser"):
        monkeypatch.setattr(f"{module}.parse_raw", counted)
    return calls


UNTIDY = "[A]:   One claim.\n  <+ [B]: A reason\nwrapped.  \n\n\n(1) [B]\n(2) [C]: More.\n----\n(3) [D]: So.\n"


def test_formatting_parses_the_input_once_and_the_layout_once(parses):
    formatted = format_text(UNTIDY, "a.argmap")
    assert formatted != UNTIDY
    assert parses == [True, False], "the input once (split for the layout), the layout once (to check it means the same)"


def test_a_preview_without_the_check_parses_once_and_shows_the_same_layout(parses):
    checked = format_text(UNTIDY, "a.argmap")
    parses.clear()
    assert format_text(UNTIDY, "a.argmap", verify=False) == checked
    assert parses == [True]
    assert unified_diff(UNTIDY, checked, "a.argmap").startswith("--- a.argmap\n+++ a.argmap (formatted)\n")
