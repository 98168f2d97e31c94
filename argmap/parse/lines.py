"""The post-lexer: what each line break means (paragraph break, deeper or
shallower relation level, wrapped text), decided by how the next line starts.

The grammar (``grammar/argmap.lark``) sees the PARA, INDENT and DEDENT
markers made here instead of line breaks.
"""

from __future__ import annotations

import contextvars
import re
from typing import Iterator

from ..core.errors import ArgmapError
from ..core.model import Span
from .lark_standalone import Token
from .raw import new_token

MAX_DEPTH = 100

SOURCE: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar("argmap_source")

_LINE_START = re.compile(
    r"""
      (?P<comment><!--|/\*|//)
    | (?P<relation>(?:<[+\-_]|[+\-_]>|><|[+\-_])[ \t])
    | (?P<pcs>\(\d+\))
    | (?P<inference>-{4,}[ \t]*(?=\r?\n|\Z)|--(?!-)(?:[^-\r\n]|-(?!-))*--[ \t]*(?=\r?\n|\Z))  # as INFERENCE_BAR, INFERENCE_RULE
    | (?P<quote>>[ \t])
    | (?P<heading>\#{1,6}[ \t])
    | (?P<list>(?:\*|\d+\.)[ \t])
    | (?P<element>\[[^\[\]\r\n]+\](?!\()|<(?!!--)[^<>\r\n]+>)
    | (?P<eol>\r?\n|\Z)
    """,
    re.X,
)
_LINE_START_MATCH = _LINE_START.match
COMMENT_AT = re.compile(r"<!--[\s\S]*?-->|/\*[\s\S]*?\*/|//[^\r\n]*")
_SPACES = re.compile(r"[ \t]*")


def classify_line(text: str, pos: int) -> str:
    """What the line starting at ``pos`` (after its indentation) is."""
    while True:
        m = _LINE_START.match(text, pos)
        if m is None:
            return "text"
        kind = m.lastgroup
        if kind == "eol":
            return "eof" if m.end() == len(text) and m.start() == len(text) else "empty"
        if kind != "comment":
            return kind
        c = COMMENT_AT.match(text, pos)
        if c is None:  # unterminated block comment: the lexer reports it
            return "text"
        pos = _SPACES.match(text, c.end()).end()


def _span_of(token: Token, path: str) -> Span:
    return Span(
        path,
        token.line or 1,
        token.column or 1,
        token.end_line or token.line or 1,
        token.end_column or token.column or 1,
    )


class LineStructure:
    """Post-lexer: turns line breaks into PARA / INDENT / DEDENT.

    Unlike Lark's ``Indenter``, only relation lines open levels (as in
    Argdown), a wrapped line continues the text above at any indentation,
    and a line dedented between two open levels joins the shallower one.

    Lark's own parse runs it as a post-lexer (:meth:`process`); the faster
    run of :mod:`argmap.parse.fast_lalr` asks a :class:`Structurer` directly
    which markers each line break makes, and makes no token for the break.
    """

    always_accept = ("_NL", "LEADING_SPACE")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        path, text = SOURCE.get()
        return Structurer(path, text).tokens(stream)


class Structurer:
    """The line structure of one text: which markers each line break makes.

    :meth:`line_break` and :meth:`close_levels` return the marker types
    (``"PARA"``, ``"INDENT"``, ``"DEDENT"``), or None for none; a marker
    stands where the line after the break starts (or, at the end of the
    text, where the break or the last token is). Errors point there too.
    """

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.levels: list[int] = []
        self.base = 0
        self.block: str | None = None
        self.line: str | None = None
        self.pending_blank = False
        self.indent_char: str | None = None
        self.at_break = False  # whether the last markers stand at the break itself (the end of the text)

    def error(self, code: str, token: Token, hint: str = "", **values) -> ArgmapError:
        return ArgmapError(code, _span_of(token, self.path), hint, **values)

    def tokens(self, stream: Iterator[Token]) -> Iterator[Token]:
        """The lexer's tokens with line breaks turned into markers (for Lark's parse)."""
        token = None
        last = ""  # the type of the last token passed on
        broken = False  # whether a line break came since
        for token in stream:
            kind = token.type
            if kind == "_NL":
                value = token.value
                markers = self.line_break(value, token.end_pos, token.end_line, token.end_column, last)
                broken = True
                if markers:
                    at = token if self.at_break else _at((token.end_pos, token.end_line, token.end_column))
                    for marker in markers:
                        yield _marker(marker, at)
            elif kind == "LEADING_SPACE":
                self.base = len(token.value)
            else:
                self.before_token(token, last, broken)
                last = kind
                broken = False
                yield token
        if token is not None:
            for marker in self.close_levels():
                yield _marker(marker, token)

    def before_token(self, token: Token, last: str, broken: bool) -> None:
        """Check a token the parser is about to see; ``last`` and ``broken`` as in :meth:`tokens`."""
        if self.block is None:
            self.start_first_block(token)
        elif last == "QUOTE" and not broken:  # on the line where a comment opened after the quote ends
            raise self.error("text-after-quote", token, "end the line after the comment, or move the text to a line of its own")

    def start_first_block(self, token: Token) -> None:
        kind = classify_line(self.text, token.start_pos)
        if kind == "relation":
            raise self.error("relation-without-parent", token, "write the element it relates to on the line above")
        if kind == "quote":
            raise self.error("quote-without-element", token, _QUOTE_HINT)
        self.block = _BLOCK_OF_TOKEN.get(token.type, "element")
        self.line = self.block

    def close_levels(self) -> list[str]:
        levels = self.levels
        if not levels:
            return []
        markers = ["DEDENT"] * len(levels)
        levels.clear()
        return markers

    def new_block(self, kind: str, indent: int) -> list[str]:
        markers = self.close_levels()
        if self.block is not None:
            markers.append("PARA")
        self.block = kind
        self.base = indent
        self.indent_char = None
        return markers

    def line_break(self, value: str, end_pos: int, end_line: int, end_column: int, last: str) -> list[str] | None:
        """The markers for a line break: its text, where it ends, and the type of the token before it."""
        blank = self.pending_blank or value.count("\n") > 1
        # classify_line, inlined for the lines most breaks lead to (no comment first, not the end)
        m = _LINE_START_MATCH(self.text, end_pos)
        kind = "text" if m is None else m.lastgroup
        if kind == "comment" or kind == "eol":
            kind = classify_line(self.text, end_pos)
        if kind == "empty":  # a line holding only comments
            self.pending_blank = blank
            return None
        self.pending_blank = False
        self.at_break = kind == "eof"
        if kind == "eof":
            return self.close_levels()
        if self.block is None:  # only blank lines and comments so far
            self.base = len(value) - value.rfind("\n") - 1
            self.line = kind
            return None
        if not blank and (last == "RELATION" or (kind == "text" and self.line != "front" and last != "QUOTE")):
            # a sign that ends its line (`+ // note`): its element is on the next line, whatever that
            # line starts with, as the lexer reads it (only an element can follow a sign); or
            # the text above goes on (argmap.build joins the lines with a space)
            self.line = kind
            return None
        previous, self.line = self.line, kind
        return self.markers(kind, blank, previous, last, value[value.rfind("\n") + 1 :], (end_pos, end_line, end_column))

    def markers(self, kind: str, blank: bool, previous: str | None, last: str, indent_text: str, here: tuple[int, int, int]) -> list[str] | None:
        """The markers before a line of ``kind`` after a line of kind ``previous``; ``here`` is where it starts (pos, line, column)."""
        indent = len(indent_text)
        if blank:
            if kind == "relation":
                raise self.error("relation-after-blank", _at(here), "remove the blank line above, or write the element it relates to first")
            if kind == "quote":
                raise self.error("quote-without-element", _at(here), _QUOTE_HINT)
            return self.new_block(_BLOCK_OF_LINE.get(kind, "element"), indent)
        if kind == "relation":
            return self.relation_line(indent, indent_text, here)
        if kind == "quote":
            if self.block in ("heading", "front"):
                raise self.error("quote-without-element", _at(here), _QUOTE_HINT)
            self.check_indent_chars(indent_text, here)
            levels = self.levels
            markers = []
            while levels and indent < levels[-1]:
                levels.pop()
                markers.append("DEDENT")
            return markers
        if kind in ("pcs", "inference") or kind == "list":
            block = "pcs" if kind != "list" else "list"
            if self.block == block:
                self.base = indent
                return self.close_levels()
            return self.new_block(block, indent)
        if kind in ("heading", "element"):
            return self.new_block(kind, indent)
        # wrapped text (a heading goes on too, as in Argdown)
        if previous == "front":
            return self.new_block("element", indent)
        if last == "QUOTE":
            raise self.error("text-after-quote", _at(here), "start every quote line with '>', or leave a blank line before new text")
        return None  # the text goes on; argmap.build joins the lines with a space

    def check_indent_chars(self, indent_text: str, here: tuple[int, int, int]) -> None:
        if not indent_text:
            return
        chars = set(indent_text)
        if len(chars) > 1 or (self.indent_char is not None and self.indent_char not in chars):
            raise self.error("mixed-indentation", _at(here), "indent with spaces only (or tabs only) within a block")
        self.indent_char = indent_text[0]

    def relation_line(self, indent: int, indent_text: str, here: tuple[int, int, int]) -> list[str]:
        self.check_indent_chars(indent_text, here)
        if self.block in ("heading", "front"):
            raise self.error("relation-without-parent", _at(here), "a heading cannot have relations; leave a blank line and write the element first")
        levels = self.levels
        if not levels:
            if indent <= self.base:
                raise self.error("relation-without-parent", _at(here), "indent the relation under the element it relates to")
            levels.append(indent)
            return ["INDENT"]
        markers = []
        while len(levels) > 1 and indent < levels[-1]:
            levels.pop()
            markers.append("DEDENT")
        if indent > levels[-1] and not markers:
            if len(levels) >= MAX_DEPTH:
                raise self.error("too-deep", _at(here), "split the tree into several blocks that refer to each other by title", limit=MAX_DEPTH)
            levels.append(indent)
            markers.append("INDENT")
        elif indent < levels[-1] and indent <= self.base:
            raise self.error("relation-without-parent", _at(here), "indent the relation under the element it relates to")
        return markers


_QUOTE_HINT = "write the statement or argument it belongs to on the line above, e.g. [Title]: text"

def _at(here: tuple[int, int, int]) -> Token:
    """An empty token where a line starts, for an error or a marker to point at."""
    pos, line, column = here
    return new_token("_NL", "", pos, line, column, line, column, pos)


def _marker(kind: str, at: Token) -> Token:
    if at.type == "_NL":  # a line break, which the parser never sees: it becomes the marker
        at.type = kind
        at.value = ""
        return at
    return new_token(kind, "", at.start_pos, at.line, at.column, at.end_line, at.end_column, at.end_pos)


_BLOCK_OF_TOKEN = {
    "FRONT_MATTER": "front",
    "HEADING": "heading",
    "PCS_NUMBER": "pcs",
    "NUMBERED_REF": "pcs",
    "INFERENCE_BAR": "pcs",
    "INFERENCE_RULE": "pcs",
    "LIST_MARK": "list",
}
_BLOCK_OF_LINE = {"heading": "heading", "pcs": "pcs", "inference": "pcs", "list": "list"}
