"""What each block of a document becomes in fmt's output: units, one per line (or lines) it starts.

A unit is an element, quote, heading, inference line or front matter, with
the column its line starts at and the source tokens whose words it copies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parse.lark_standalone import Token
from ..parse.raw import (
    RawElement,
    RawFrontMatter,
    RawHeading,
    RawList,
    RawPcs,
    RawPcsItem,
)

STEP = 2  # spaces per relation level, and for wrapped lines and quotes
LIST_COLUMN = 2  # Argdown's lexer only takes indented lines as list items

_OPERATOR = {"<+": "+", "<-": "-", "<_": "_"}
BLANK = " \t\n"


class BlankStatement(Exception):
    """White space after a comment, which the parser reads as an empty untitled statement."""

    def __init__(self, token: Token):
        self.token = token


class EmptyHeading(Exception):
    """A heading mark with no title: written without its trailing space, it would become text."""

    def __init__(self, token: Token):
        self.token = token


@dataclass(eq=False)
class Unit:
    """Something that starts a line in the output: an element, quote, heading, inference or front matter."""

    kind: str  # "element" | "heading" | "quote" | "inference" | "front"
    column: int
    tokens: list[Token]  # in source order; the marker first
    marker: str = ""  # the normalised marker: "+ ", "(2) ", "* ", "## "
    marker_token: Token | None = None
    head: Token | None = None
    leading: list[list[tuple[int, int]]] = field(default_factory=list)  # comment groups above it
    trailing: list[tuple[int, int]] = field(default_factory=list)  # comments after it on its line

    begins: int | None = None  # where its words start, when not at its first token's start

    @property
    def start(self) -> int:
        return self.tokens[0].start_pos if self.begins is None else self.begins

    @property
    def end(self) -> int:
        return self.tokens[-1].end_pos


def _is_blank(token: Token) -> bool:
    return token.type == "TEXT" and not token.value.strip(BLANK)


def _without_trailing_blanks(tokens: list[Token], keep: int) -> list[Token]:
    """Drop white-space-only TEXT tokens at the end (white space after a comment).

    Such a token only adds white space to the end of a text, which the model
    collapses; the first ``keep`` tokens (marker, head or first text) stay.
    """
    end = len(tokens)
    while end > keep and _is_blank(tokens[end - 1]):
        end -= 1
    return tokens[:end]


def _element_units(units: list[Unit], element: RawElement, column: int, marker_token: Token | None, marker: str) -> None:
    tokens = ([marker_token] if marker_token is not None else []) + ([element.head] if element.head is not None else [])
    inline = list(element.inline)
    if element.head is None and all(_is_blank(token) for token in inline):
        raise BlankStatement(inline[0])
    if element.head is None and marker_token is None:  # it starts where its words start
        while len(inline) > 1 and _is_blank(inline[0]):
            inline.pop(0)
    keep = len(tokens) + (element.head is None)  # an untitled element keeps its first text token
    tokens = _without_trailing_blanks(tokens + inline, keep)
    unit = Unit("element", column, tokens, marker, marker_token, element.head)
    if marker_token is None and element.head is None:
        first = tokens[0]
        words = len(first.value) - len(first.value.lstrip(BLANK))
        if 0 < words < len(first.value):  # white space after a comment: the words start the line
            unit.begins = first.start_pos + words
    units.append(unit)
    for quote in element.quotes:  # directly under the element, before its relations
        units.append(Unit("quote", column + STEP, [quote]))
    for relation in element.relations:
        _relation_units(units, relation, column + STEP)


def _relation_units(units: list[Unit], relation, column: int) -> None:
    sign = relation.op.value.strip(BLANK)
    _element_units(units, relation.element, column, relation.op, _OPERATOR.get(sign, sign) + " ")


def block_units(block) -> list[Unit]:
    units: list[Unit] = []
    if isinstance(block, RawFrontMatter):
        units.append(Unit("front", 0, [block.token]))
    elif isinstance(block, RawHeading):
        level = block.mark.value.count("#")
        tokens = _without_trailing_blanks([block.mark, *block.inline], 1)
        units.append(Unit("heading", 0, tokens, "#" * level + " ", block.mark))
    elif isinstance(block, RawElement):
        _element_units(units, block, 0, None, "")
    elif isinstance(block, RawPcs):
        number = 0
        for item in block.items:
            if isinstance(item, RawPcsItem):
                number += 1
                _element_units(units, item.element, 0, item.number, f"({number}) ")
            else:
                units.append(Unit("inference", 0, [item.token]))
                for relation in item.relations:
                    _relation_units(units, relation, STEP)
    elif isinstance(block, RawList):
        for mark, element in block.items:
            _element_units(units, element, LIST_COLUMN, mark, mark.value.strip(BLANK) + " ")
    else:  # pragma: no cover - a new kind of block in parse.py
        raise TypeError(f"argmap fmt does not know the block {type(block).__name__}")
    return units


_DATA = re.compile(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}")  # as build.py finds data in an inference line
_SPACES = re.compile(r"\s+")
_COMMA = re.compile(r"\s*,\s*")


def inference_lines(token: Token) -> list[str]:
    """``----``, or ``-- rule, rule {data} --`` on one line (data is kept as written)."""
    if token.type == "INFERENCE_BAR":
        return ["----"]
    body = token.value.strip(BLANK)[2:-2]
    parts = []
    position = 0
    for data in _DATA.finditer(body):
        parts.append(_tidy_rules(body[position : data.start()]))
        parts.append(data.group(0))
        position = data.end()
    parts.append(_tidy_rules(body[position:]))
    body = "".join(parts).strip()
    if not body:
        return ["----"]
    return [line.strip(" \t") for line in f"-- {body} --".split("\n")]


def _tidy_rules(words: str) -> str:
    """Rule names as build.py reads them (split at commas, white space collapsed), spaced ``a, b``."""
    return _SPACES.sub(" ", _COMMA.sub(", ", words))

