"""fmt's refusals and notes say what the catalogue says (argmap.core.errors.MESSAGES), not words written in fmt (issue 22)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap.fmt.formatter as formatter
from argmap.core.errors import MESSAGES, message
from argmap.fmt.formatter import FormatError, format_text, unified_diff

FMT = Path(formatter.__file__).parent

REFUSED = [
    ("# \n\n[A]: x\n", "fmt-empty-heading"),
    ("===", "fmt-front-matter-lookalike"),
    ("\n\ufeff  - ", "fmt-leading-bom"),
    ("[A]: a\r\r\n[B]: b", "fmt-lone-cr"),
    ("* //first\n* second\n", "fmt-mark-alone"),
    ("===\nsource: x\n\n[A]: a\n", "unterminated-front-matter"),
]


@pytest.mark.parametrize(("text", "code"), REFUSED)
def test_each_refusal_says_its_catalogue_message(text, code):
    with pytest.raises(FormatError) as refused:
        format_text(text, "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == code and diagnostic.message == message(code)
    assert str(refused.value) == f"{diagnostic.span}: {message(code)}"


def test_a_layout_that_would_change_the_meaning_is_refused_with_its_catalogue_message(monkeypatch):
    answers = iter(["before", "after"])
    monkeypatch.setattr(formatter, "meaning", lambda _text, _path: next(answers))
    with pytest.raises(FormatError) as refused:
        format_text("[A]:   a\n", "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == "fmt-changes-meaning" and diagnostic.message == message("fmt-changes-meaning")


def test_the_diff_notes_come_from_the_catalogue():
    assert unified_diff("\ufeff[A]: a\r\n", "[A]: a\n", "a.argmap") == f"# a.argmap: {message('fmt-note-bom')}\n# a.argmap: {message('fmt-note-crlf')}\n"


def test_fmt_writes_no_message_of_its_own():
    for path in sorted(FMT.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "Diagnostic(" not in source, f"{path.name}: a diagnostic built with words written there, not error(code)"
        for code in re.findall(r"[\"'](fmt-[a-z-]+)[\"']", source):
            assert code in MESSAGES, f"{path.name}: {code} is not in the catalogue"
