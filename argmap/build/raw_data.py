"""Raw blocks as plain data (tuples, lists, strings, numbers) and back, to
cross a pipe with ``marshal`` (see :mod:`argmap.build.background`).

The data is laid out for the commonest shapes: a bare `+ [Title]` is its
kind alone (the line-level token is both the relation's sign and the head,
sent once), a head alone is (kind, head, is_reference[, text read]). The
sender may read ahead the text of each `[Title]: text` written on its own,
as :mod:`argmap.build.inline` reads it; the receiver keeps it in the
element's ``read`` for the build.
"""

from __future__ import annotations

from ..parse.lark_standalone import Token
from ..parse.raw import RawElement, RawFrontMatter, RawHeading, RawInference, RawList, RawPcs, RawPcsItem, RawRelation
from .inline import inline_text
from .tokens import HEADS_WITH_TEXT, head_with_text


def block_data(block, read_ahead: bool = False) -> tuple:
    """A raw block as plain data; with ``read_ahead``, the texts of its heads read too."""
    kind = type(block)
    if kind is RawElement:
        return (0, _element_data(block, read_ahead))
    if kind is RawPcs:
        return (1, [(0, _token_data(i.number), _element_data(i.element, read_ahead, i.number)) if type(i) is RawPcsItem else (1, _token_data(i.token), _relations_data(i.relations, read_ahead)) for i in block.items])
    if kind is RawHeading:
        return (2, _token_data(block.mark), _tokens_data(block.inline))
    if kind is RawList:
        return (3, [(_token_data(mark), _element_data(e, read_ahead)) for mark, e in block.items])
    return (4, _token_data(block.token))  # RawFrontMatter


def block(data: tuple):
    """The raw block of :func:`block_data`'s data."""
    kind = data[0]
    if kind == 0:
        return _element(data[1])
    if kind == 1:
        return RawPcs([_pcs_item(_token(i[1]), i[2]) if i[0] == 0 else RawInference(_token(i[1]), _relations(i[2])) for i in data[1]])
    if kind == 2:
        return RawHeading(_token(data[1]), _tokens(data[2]))
    if kind == 3:
        return RawList([(_token(mark), _element(e)) for mark, e in data[1]])
    return RawFrontMatter(_token(data[1]))


# ---------------------------------------------------------------- to data


def _token_data(t: Token) -> tuple:
    return (t.type, t.value, t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos)


def _tokens_data(tokens) -> list | None:
    return [_token_data(t) for t in tokens] if tokens else None


def _element_data(e: RawElement, read_ahead: bool, marked_by: Token | None = None) -> tuple | str:
    if e.inline or e.quotes or e.relations or e.head is None:
        head = None if e.head is None else 0 if e.head is marked_by else _token_data(e.head)
        read = _read(e.head) if read_ahead and head and not e.inline and e.head.type in HEADS_WITH_TEXT else None
        return (e.kind, head, _tokens_data(e.inline), e.is_reference, _tokens_data(e.quotes), _relations_data(e.relations, read_ahead), read)
    if e.head is marked_by:
        return e.kind
    if read_ahead and e.head.type in HEADS_WITH_TEXT:
        return (e.kind, _token_data(e.head), e.is_reference, _read(e.head))
    return (e.kind, _token_data(e.head), e.is_reference)


def _read(head: Token) -> tuple | None:
    """The text of ``[Title]: text`` as the build reads it, or None where reading it
    has something to report (the parent reads it again, and reports it in order)."""
    diagnostics: list = []
    text, argdown_text, tags, _data = inline_text((), "", diagnostics, head, head_with_text(head.value)[1])
    return None if diagnostics else (text, argdown_text, tags)


def _relations_data(relations, read_ahead: bool) -> list | None:
    return [(_token_data(r.op), _element_data(r.element, read_ahead, r.op)) for r in relations] if relations else None


# ---------------------------------------------------------------- from data


_new_str = str.__new__
_NONE: tuple = ()


def _token(data: tuple) -> Token:
    token = _new_str(Token, data[1])
    token.type, token.value, token.start_pos, token.line, token.column, token.end_line, token.end_column, token.end_pos = data
    return token


def _tokens(data: list | None) -> list | tuple:
    return [_token(t) for t in data] if data else _NONE


def _element(data: tuple | str, marked_by: Token | None = None) -> RawElement:
    if data.__class__ is str:  # the commonest: `+ [Title]` alone on its line
        return RawElement(data, marked_by, _NONE, True, _NONE, _NONE)
    if len(data) == 3:
        return RawElement(data[0], _token(data[1]), _NONE, data[2], _NONE, _NONE)
    if len(data) == 4:
        element = RawElement(data[0], _token(data[1]), _NONE, data[2], _NONE, _NONE)
        element.read = data[3]
        return element
    kind, head, inline, is_reference, quotes, relations, read = data
    head = None if head is None else marked_by if head == 0 else _token(head)
    element = RawElement(kind, head, _tokens(inline), is_reference, _tokens(quotes), _relations(relations))
    element.read = read
    return element


def _relations(data: list | None) -> list | tuple:
    if not data:
        return _NONE
    relations = []
    for op, element in data:
        op = _token(op)
        relations.append(RawRelation(op, _element(element, op)))
    return relations


def _pcs_item(number: Token, element: tuple | str) -> RawPcsItem:
    return RawPcsItem(number, _element(element, number))
