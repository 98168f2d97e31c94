"""Columns as each editor counts them: the model counts characters from 1,
the protocol code units from 0, in the encoding agreed at start-up."""

import pytest
from lsprotocol import types

from argmap.core.model import Span
from argmap.lsp.positions import Lines

LINE = "  - [Moscow’s Terms — a 🕊 Offer] #pressure"  # ’ and — are one UTF-16 unit and 3 UTF-8 bytes; 🕊 two units, 4 bytes


@pytest.mark.parametrize("encoding, tag_at", [("utf-16", 34), ("utf-8", 40), ("utf-32", 33)])
def test_a_span_after_non_ascii_characters(encoding, tag_at):
    lines = Lines("first line\n" + LINE + "\n", encoding)
    column = LINE.index("#") + 1
    span = Span("f.argmap", 2, column, 2, column + len("#pressure"))
    assert lines.range(span) == types.Range(types.Position(1, tag_at), types.Position(1, tag_at + 9))
    assert lines.column(types.Position(1, tag_at)) == column - 1  # and back


def test_a_position_inside_a_surrogate_pair_or_beyond_the_line_is_clamped():
    lines = Lines(LINE, "utf-16")
    dove = LINE.index("🕊")
    assert lines.column(types.Position(0, dove + 1)) == dove + 1  # the second half of the pair: after the dove
    assert lines.column(types.Position(0, 500)) == len(LINE)
    assert lines.position(9, 1) == types.Position(0, 0)  # a line past the end: the last line


def test_crlf_line_ends_are_not_part_of_the_line():
    lines = Lines("[A]: a\r\n[B]: b\r\n", "utf-16")
    assert lines.line(0) == "[A]: a"
    assert lines.end() == types.Position(2, 0)
