"""Places in a file, between the model's spans and the protocol's positions.

The model's :class:`~argmap.core.model.Span` counts from 1, lines split at
``\\n`` (as the parser counts them) and columns in characters (code points).
The Language Server Protocol counts from 0, and its columns are in the code
units of the encoding agreed at start-up: UTF-16 by default (VS Code),
UTF-8 or UTF-32 when the editor offers them first (Neovim 0.11, Emacs). A
title with a curly quote or an em dash is one character but one UTF-16 unit
and three UTF-8 units; a character beyond the Basic Multilingual Plane (an
emoji) is two UTF-16 units. Every conversion goes through :class:`Lines`.
"""

from __future__ import annotations

from lsprotocol import types

from ..core.model import Span

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` is in the agreed encoding."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class Lines:
    """The lines of one file's text, to convert columns both ways."""

    __slots__ = ("lines", "encoding")

    def __init__(self, text: str, encoding: str = UTF16):
        self.lines = text.split("\n")
        self.encoding = encoding

    def line(self, index: int) -> str:
        """Line ``index`` (0-based) without its line end; '' beyond the end."""
        if 0 <= index < len(self.lines):
            return self.lines[index].removesuffix("\r")
        return ""

    # model (1-based, characters) → protocol (0-based, code units)

    def position(self, line: int, column: int) -> types.Position:
        """The protocol position of 1-based ``line`` and ``column`` (clamped to the text)."""
        index = min(max(line - 1, 0), max(len(self.lines) - 1, 0))
        text = self.line(index)
        return types.Position(index, units(text[: max(column - 1, 0)], self.encoding))

    def range(self, span: Span) -> types.Range:
        start = self.position(span.line, span.column)
        end = self.position(span.end_line, span.end_column)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return types.Range(start, end)

    def span_range(self, line: int, start: int, end: int) -> types.Range:
        """The range of characters ``start``..``end`` (0-based) of 0-based ``line``."""
        text = self.line(line)
        return types.Range(
            types.Position(line, units(text[:start], self.encoding)),
            types.Position(line, units(text[:end], self.encoding)),
        )

    # protocol → characters

    def column(self, position: types.Position) -> int:
        """The 0-based character index of a protocol position on its line."""
        text = self.line(position.line)
        if self.encoding == UTF32 or text.isascii():
            return min(position.character, len(text))
        counted = 0
        for index, char in enumerate(text):
            if counted >= position.character:
                return index
            counted += units(char, self.encoding)
        return len(text)

    def end(self) -> types.Position:
        """The position just after the last character."""
        last = len(self.lines) - 1
        return types.Position(last, units(self.lines[last], self.encoding))
