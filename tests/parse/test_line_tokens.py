"""Line-level tokens: one token for the commonest lines, the same places and meaning as two.

The grammar lexes `[Title]: text`, `+ [Title]` and `(1) [Title]` as one token
each (grammar/argmap.lark); the model builder reads the parts out of it, and
``parse_raw(..., split_lines=True)`` (what argmap fmt uses) splits it into the
tokens a plain head, sign or number would be. Either way a user sees the same
spans in messages and the same model.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.build.document import build_document, parse_document
from argmap.core.errors import ArgmapError
from argmap.parse.parser import parse_raw
from argmap.parse.raw import RawElement, RawPcs, head_parts

TEXT = """<Deal>: A deal {source: p. 1} is near.
  + [Talks]: Talks resume in Istanbul.
    <+ <Pressure>
  - [Stalling]

(1) [Talks]
(2)  [Stalling] holds
----
(3) [Deal]: The deal holds.
"""


def _tokens(node, found):
    if isinstance(node, RawElement):
        found.append(node.head)
        found.extend(node.inline)
        for relation in node.relations:
            found.append(relation.op)
            _tokens(relation.element, found)
    elif isinstance(node, RawPcs):
        for item in node.items:
            if hasattr(item, "number"):
                found.append(item.number)
                _tokens(item.element, found)
    return found


def test_the_commonest_lines_are_one_token_each():
    blocks = parse_raw(TEXT, "x.argmap")
    # a head with the text up to the inline data; a relation to a definition is
    # still two tokens; a relation to a reference is one, both op and head
    assert [t.type for t in _tokens(blocks[0], [])] == [
        "ARGUMENT_WITH_TEXT", "DATA", "TEXT",
        "RELATION", "STATEMENT_WITH_TEXT",
        "RELATED_REF", "RELATED_REF",
        "RELATED_REF", "RELATED_REF",
    ]  # fmt: skip
    assert [t.type for t in _tokens(blocks[1], [])] == [
        "NUMBERED_REF", "NUMBERED_REF",
        "NUMBERED_REF", "NUMBERED_REF", "TEXT",
        "PCS_NUMBER", "STATEMENT_WITH_TEXT",
    ]  # fmt: skip


def test_split_tokens_sit_where_their_text_is():
    for token in _tokens(parse_raw(TEXT, "x.argmap", split_lines=True)[0], []) + _tokens(parse_raw(TEXT, "x.argmap", split_lines=True)[1], []):
        assert TEXT[token.start_pos : token.end_pos] == token.value
        line_start = TEXT.rfind("\n", 0, token.start_pos) + 1
        assert token.column == token.start_pos - line_start + 1
        assert token.line == TEXT.count("\n", 0, token.start_pos) + 1
    kinds = {t.type for t in _tokens(parse_raw(TEXT, "x.argmap", split_lines=True)[0], [])}
    assert not kinds & {"STATEMENT_WITH_TEXT", "ARGUMENT_WITH_TEXT", "RELATED_REF", "NUMBERED_REF"}


def test_head_parts_agree_with_the_split():
    whole = _tokens(parse_raw(TEXT, "x.argmap")[1], [])
    split = _tokens(parse_raw(TEXT, "x.argmap", split_lines=True)[1], [])
    number, head = whole[0], split[1]
    assert number.type == "NUMBERED_REF" and split[0].value == "(1) " and head.value == "[Talks]"
    assert head_parts(number) == (len("(1) "), len("(1) [Talks]"))
    assert head_parts(whole[2])[0] == len("(2)  ")


def test_spans_in_the_model_point_at_the_parts():
    document = parse_document(TEXT, "x.argmap")
    stalling = next(s for s in document.statements if s.title == "Stalling" and s.span.line == 4)
    assert (stalling.span.column, stalling.span.end_column) == (5, 15)
    pressure = next(r for r in document.relations if r.source.title == "Pressure")
    assert (pressure.span.line, pressure.span.column, pressure.span.end_column) == (3, 5, 8)  # "<+ "
    talks = next(s for s in document.statements if s.title == "Talks" and s.span.line == 2)
    assert talks.text == "Talks resume in Istanbul." and talks.span.column == 5
    deal = next(a for a in document.arguments if a.title == "Deal")
    assert deal.text == "A deal is near." and deal.data == {"source": "p. 1"}
    conclusion = next(s for s in document.statements if s.title == "Deal")
    assert conclusion.text == "The deal holds."
    premises = [(item.number, item.span.column, item.span.end_column) for item in deal.pcs]
    assert premises == [(1, 5, 12), (2, 6, 22), (3, 5, 28)]  # after "(1) ", "(2)  ", "(3) "


def test_a_misnumbered_reference_is_pointed_at_by_its_number():
    document = parse_document("(1) [A]\n(3) [B]\n----\n(4) [C]: c\n", "x.argmap")
    warning = next(d for d in document.diagnostics if d.code == "pcs-numbering")
    assert (warning.span.line, warning.span.column, warning.span.end_column) == (2, 1, 5)


# Fragments that put heads, signs, numbers, text, data and comments next to
# each other in every order; most of them parse.
PIECES = st.sampled_from(
    ["[A]: x", "[B]", "[B] y", "<C>: y", "<C>", "[D]:", "\n", "\n\n", "\n  + ", "\n  - ", "\n    <+ ", "\n  _ ", "\n(1) ",
     "\n(2)  ", "\n----", "\n-- r --", "\n# H", "\n> \"q\"", "{a: 1}", " // c", " /* c */ ", "<!-- c -->", "#tag", " text", "\n* "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_whole_and_split_tokens_build_the_same_document(text):
    try:
        whole = parse_raw(text, "x.argmap")
        split = parse_raw(text, "x.argmap", split_lines=True)
    except ArgmapError as error:  # then both must fail alike
        with pytest.raises(ArgmapError) as again:
            parse_raw(text, "x.argmap", split_lines=True)
        assert again.value.diagnostic() == error.diagnostic()
        return
    for block in split:
        for token in _tokens(block, []):
            if token is not None:
                assert text[token.start_pos : token.end_pos] == token.value
    assert build_document(whole, "x.argmap", text) == build_document(split, "x.argmap", text)
