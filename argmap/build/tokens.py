"""Reading places out of the parser's tokens: the span of a token, a relation
sign or premise number, or a whole element, and the title a head names.
"""

from __future__ import annotations

from ..core.model import Span
from ..core.text import normalize_title
from ..parse.lark_standalone import Token
from ..parse.raw import RawElement, head_parts

# Line-level head tokens (see argmap.parse.raw.head_parts): with their text, or after a sign or number.
HEADS_WITH_TEXT = frozenset({"STATEMENT_WITH_TEXT", "ARGUMENT_WITH_TEXT"})
MARKED_HEADS = frozenset({"RELATED_REF", "NUMBERED_REF"})
TEXT_TOKENS = HEADS_WITH_TEXT | {"TEXT"}


def token_span(path: str, first: Token, last: Token | None = None) -> Span:
    last = last or first
    return Span(path, first.line, first.column, last.end_line, last.end_column)


def mark_span(path: str, token: Token) -> Span:
    """Where a relation sign or premise number is: its own token, or the start of a line-level token."""
    if token.type in MARKED_HEADS:
        end = token.column + head_parts(token)[0]
        return Span(path, token.line, token.column, token.line, end)
    return Span(path, token.line, token.column, token.end_line, token.end_column)


def element_span(path: str, element: RawElement) -> Span:
    head, inline = element.head, element.inline
    last = inline[-1] if inline else head
    if head is None:
        first = inline[0]
        return Span(path, first.line, first.column, last.end_line, last.end_column)
    # after the relation sign or number of a line-level token
    column = head.column if head.type not in MARKED_HEADS else head.column + head_parts(head)[0]
    return Span(path, head.line, column, last.end_line, last.end_column)


def title_of(head: Token) -> str:
    """The title of a head token as written: [Title]:, <Title>, + [Title], (1) [Title], [Title]: text …"""
    value = head.value
    start = head_parts(head)[0]
    closer = "]" if value[start] == "[" else ">"
    return normalize_title(value[start + 1 : value.index(closer, start + 1)])


def head_with_text(value: str) -> tuple[int, str]:
    """Where the title of a `[Title]: text` (or `<Title>: text`) token closes, and its text.

    The text starts at its first non-blank character after the colon (see head_parts).
    """
    close = value.index("]" if value[0] == "[" else ">")
    return close, value[close + 2 :].lstrip(" \t")
