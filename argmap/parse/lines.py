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
    """

    always_accept = ("_NL", "LEADING_SPACE")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        path, text = SOURCE.get()
        return _Structurer(path, text).run(stream)


class _Structurer:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.levels: list[int] = []
        self.base = 0
        self.block: str | None = None
        self.line: str | None = None
        self.pending_blank = False
        self.indent_char: str | None = None

    def error(self, code: str, token: Token, hint: str = "", **values) -> ArgmapError:
        return ArgmapError(code, _span_of(token, self.path), hint, **values)

    def run(self, stream: Iterator[Token]) -> Iterator[Token]:
        # One call per token: the line-break methods return lists of markers
        # (mostly empty) rather than being generators, which cost a generator
        # object per newline (over 100 000 in a large file).
        token = None
        line_break = self.line_break
        last = ""  # the type of the last token passed on
        broken = False  # whether a line break came since
        for token in stream:
            kind = token.type
            if kind == "_NL":
                markers = line_break(token, last)
                broken = True
                if markers:
                    yield from markers
            elif kind == "LEADING_SPACE":
                self.base = len(token.value)
            else:
                if self.block is None:
                    self.start_first_block(token)
                elif last == "QUOTE" and not broken:  # on the line where a comment opened after the quote ends
                    raise self.error("text-after-quote", token, "end the line after the comment, or move the text to a line of its own")
                last = kind
                broken = False
                yield token
        if token is not None:
            yield from self.close_levels(token)

    def start_first_block(self, token: Token) -> None:
        kind = classify_line(self.text, token.start_pos)
        if kind == "relation":
            raise self.error("relation-without-parent", token, "write the element it relates to on the line above")
        if kind == "quote":
            raise self.error("quote-without-element", token, _QUOTE_HINT)
        self.block = _BLOCK_OF_TOKEN.get(token.type, "element")
        self.line = self.block

    def close_levels(self, at: Token) -> list[Token]:
        levels = self.levels
        if not levels:
            return []
        markers = [_marker("DEDENT", at) for _ in levels]
        levels.clear()
        return markers

    def new_block(self, kind: str, indent: int, at: Token) -> list[Token]:
        markers = self.close_levels(at)
        if self.block is not None:
            markers.append(_marker("PARA", at))
        self.block = kind
        self.base = indent
        self.indent_char = None
        return markers

    def line_break(self, nl: Token, last: str) -> list[Token] | None:
        """The markers for the line break ``nl``; ``last`` is the type of the token before it."""
        value = nl.value
        blank = self.pending_blank or value.count("\n") > 1
        # classify_line, inlined for the lines most breaks lead to (no comment first, not the end)
        m = _LINE_START_MATCH(self.text, nl.end_pos)
        kind = "text" if m is None else m.lastgroup
        if kind == "comment" or kind == "eol":
            kind = classify_line(self.text, nl.end_pos)
        if kind == "empty":  # a line holding only comments
            self.pending_blank = blank
            return None
        self.pending_blank = False
        if kind == "eof":
            return self.close_levels(nl)
        indent_text = value[value.rfind("\n") + 1 :]
        indent = len(indent_text)
        if self.block is None:  # only blank lines and comments so far
            self.base = indent
            self.line = kind
            return None
        if not blank and last == "RELATION":
            # a sign that ends its line (`+ // note`): its element is on the next line, whatever that line starts with,
            # as the lexer reads it (only an element can follow a sign)
            self.line = kind
            return None
        if not blank and kind == "text" and self.line != "front" and last != "QUOTE":
            # the text above goes on (argmap.build joins the lines with a space):
            # the one kind of line that needs no marker, so no `here` either
            self.line = kind
            return None
        # the token after this break starts the line; point errors there (_moved_after, inlined)
        here = nl
        nl.value = ""
        nl.start_pos = nl.end_pos
        nl.line = nl.end_line
        nl.column = nl.end_column
        markers = None
        if blank:
            if kind == "relation":
                raise self.error("relation-after-blank", here, "remove the blank line above, or write the element it relates to first")
            if kind == "quote":
                raise self.error("quote-without-element", here, _QUOTE_HINT)
            markers = self.new_block(_BLOCK_OF_LINE.get(kind, "element"), indent, here)
        elif kind == "relation":
            markers = self.relation_line(indent, indent_text, here)
        elif kind == "quote":
            if self.block in ("heading", "front"):
                raise self.error("quote-without-element", here, _QUOTE_HINT)
            self.check_indent_chars(indent_text, here)
            levels = self.levels
            markers = []
            while levels and indent < levels[-1]:
                levels.pop()
                markers.append(_marker("DEDENT", here))
        elif kind in ("pcs", "inference"):
            if self.block == "pcs":
                markers = self.close_levels(here)
                self.base = indent
            else:
                markers = self.new_block("pcs", indent, here)
        elif kind == "list":
            if self.block == "list":
                markers = self.close_levels(here)
                self.base = indent
            else:
                markers = self.new_block("list", indent, here)
        elif kind in ("heading", "element"):
            markers = self.new_block(kind, indent, here)
        else:  # wrapped text (a heading goes on too, as in Argdown)
            if self.line == "front":
                markers = self.new_block("element", indent, here)
            elif last == "QUOTE":
                raise self.error("text-after-quote", here, "start every quote line with '>', or leave a blank line before new text")
            else:
                pass  # the text goes on; argmap.build joins the lines with a space
        self.line = kind
        return markers

    def check_indent_chars(self, indent_text: str, at: Token) -> None:
        if not indent_text:
            return
        chars = set(indent_text)
        if len(chars) > 1 or (self.indent_char is not None and self.indent_char not in chars):
            raise self.error("mixed-indentation", at, "indent with spaces only (or tabs only) within a block")
        self.indent_char = indent_text[0]

    def relation_line(self, indent: int, indent_text: str, at: Token) -> list[Token]:
        self.check_indent_chars(indent_text, at)
        if self.block in ("heading", "front"):
            raise self.error("relation-without-parent", at, "a heading cannot have relations; leave a blank line and write the element first")
        levels = self.levels
        if not levels:
            if indent <= self.base:
                raise self.error("relation-without-parent", at, "indent the relation under the element it relates to")
            levels.append(indent)
            return [_marker("INDENT", at)]
        markers = []
        while len(levels) > 1 and indent < levels[-1]:
            levels.pop()
            markers.append(_marker("DEDENT", at))
        if indent > levels[-1] and not markers:
            if len(levels) >= MAX_DEPTH:
                raise self.error("too-deep", at, "split the tree into several blocks that refer to each other by title", limit=MAX_DEPTH)
            levels.append(indent)
            markers.append(_marker("INDENT", at))
        elif indent < levels[-1] and indent <= self.base:
            raise self.error("relation-without-parent", at, "indent the relation under the element it relates to")
        return markers


_QUOTE_HINT = "write the statement or argument it belongs to on the line above, e.g. [Title]: text"

def _moved_after(nl: Token) -> Token:
    """The break ``nl`` made empty, where the line after it starts.

    The lexer's _NL token is dropped anyway, so it is reused (here, and by
    _marker for the first marker) rather than copied: there are as many line
    breaks as lines, and a Token costs a Python-level constructor.
    """
    nl.value = ""
    nl.start_pos = nl.end_pos
    nl.line = nl.end_line
    nl.column = nl.end_column
    return nl


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
