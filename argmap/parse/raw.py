"""The parse stage's output: raw blocks (small nodes holding Lark tokens), and
where the parts of a line-level token are (:func:`head_parts`).

:mod:`argmap.build` turns the raw blocks into the typed model; argmap fmt lays
a file out again from them.
"""

from __future__ import annotations

import re

from .lark_standalone import Token

# Plain classes with __slots__ rather than dataclasses: these nodes live only
# between the parse and the build, nothing compares or prints them, and making
# eight dataclasses cost every process 2 ms (a fortieth of a short run).


class RawElement:
    __slots__ = ("kind", "head", "inline", "is_reference", "quotes", "relations", "read")

    kind: str  # "statement" | "argument"
    # The [Title]: / <Title> token, None when untitled. It may be a line-level
    # token (see head_parts): STATEMENT_WITH_TEXT and ARGUMENT_WITH_TEXT carry
    # the first run of text too, RELATED_REF starts with the relation sign
    # (it is also the relation's op), NUMBERED_REF with the number (it is also
    # the item's number). parse_raw(..., split_lines=True) splits them.
    head: Token | None
    inline: list[Token]
    is_reference: bool
    quotes: list[Token] | tuple
    relations: list[RawRelation] | tuple

    def __init__(self, kind: str, head: Token | None, inline: list[Token], is_reference: bool, quotes: list[Token] | tuple = (), relations: list[RawRelation] | tuple = ()):
        self.kind = kind
        self.head = head
        self.inline = inline
        self.is_reference = is_reference
        self.quotes = quotes
        self.relations = relations
        self.read = None  # (text, Argdown's text, tags) when a background parse read the text ahead


class RawRelation:
    __slots__ = ("op", "element")

    def __init__(self, op: Token, element: RawElement):
        self.op = op
        self.element = element


class RawPcsItem:
    __slots__ = ("number", "element")

    def __init__(self, number: Token, element: RawElement):
        self.number = number
        self.element = element


class RawInference:
    __slots__ = ("token", "relations")

    def __init__(self, token: Token, relations: list[RawRelation] | tuple):
        self.token = token
        self.relations = relations


class RawPcs:
    __slots__ = ("items",)

    def __init__(self, items: list[RawPcsItem | RawInference]):
        self.items = items


class RawHeading:
    __slots__ = ("mark", "inline")

    def __init__(self, mark: Token, inline: list[Token] | tuple):
        self.mark = mark
        self.inline = inline


class RawList:
    __slots__ = ("items",)

    def __init__(self, items: list[tuple[Token, RawElement]]):
        self.items = items


class RawFrontMatter:
    __slots__ = ("token",)

    def __init__(self, token: Token):
        self.token = token


_AFTER_SIGN = re.compile(r"\S+[ \t]+")
_AFTER_NUMBER = re.compile(r"\(\d+\)[ \t]*")


def head_parts(token: Token) -> tuple[int, int]:
    """Where the [Title] or <Title> of a head token starts, and where its text starts.

    The line-level tokens of grammar/argmap.lark hold more than a head: a
    relation sign before it (RELATED_REF), a number (NUMBERED_REF), or the
    first run of the element's text after it (STATEMENT_WITH_TEXT,
    ARGUMENT_WITH_TEXT). The text starts at the end of the value when there
    is none.
    """
    value, kind = token.value, token.type
    if kind == "RELATED_REF":
        return _AFTER_SIGN.match(value).end(), len(value)
    if kind == "NUMBERED_REF":
        return _AFTER_NUMBER.match(value).end(), len(value)
    if kind == "STATEMENT_WITH_TEXT" or kind == "ARGUMENT_WITH_TEXT":
        # a title holds no closing bracket, and the text starts at its first
        # non-blank character (the terminal says so)
        at = value.index("]:" if kind == "STATEMENT_WITH_TEXT" else ">:") + 2
        return 0, len(value) - len(value[at:].lstrip(" \t"))
    return 0, len(value)


new_token = Token._future_new  # Token() itself only forwards here, after checking for deprecated keywords
