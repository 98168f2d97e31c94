"""Edge cases the fuzzer found in the line structure and in fmt: each formats idempotently, keeping its meaning, or is refused clearly."""

import pytest

import argmap
from argmap.fmt.formatter import FormatError, format_text
from argmap.fmt.meaning import meaning


def statements(text: str) -> list[tuple[str, str, list[str]]]:
    document = argmap.loads(text, "a.argmap").documents[0]
    return [(s.title, s.text, [q.text for q in s.quotes]) for s in document.statements]


def codes(text: str) -> list[str]:
    return [d.code for d in argmap.loads(text, "a.argmap").documents[0].diagnostics]


def test_a_comment_opened_on_a_quote_line_and_closed_below_is_a_comment():
    assert statements('[A]: x\n> "q"<!-- c\n -->') == [("A", "x", ["q"])]
    assert statements('[A]: x\n> "q" /* c\n */\n\n[B]: y') == [("A", "x", ["q"]), ("B", "y", [])]


def test_comments_closed_on_a_quote_line_are_not_part_of_the_quote():
    assert statements('[A]: x\n> "q" <!-- c --> /* d */\n') == [("A", "x", ["q"])]
    assert statements('[A]: x\n> "a/b < c, see http://x.org" // note\n') == [("A", "x", ["a/b < c, see http://x.org"])]


def test_text_where_a_comment_after_a_quote_ends_is_an_error():
    assert codes('[A]: x\n> "q"<!-- c\n -->[B]: y') == ["text-after-quote"]


TIDY = [
    '(1) [A]: x\n> "q"<!-- c\n -->',  # found by tests/fmt/test_properties.py
    "(2).\n + F\n--",  # `check` reports it cleanly; fmt asserted
    "(1) x\n  + F\n-- a",
    "(1) a\n-- r -- x\n  _ <U>\n(2) c\n",  # text after a rules inference line, an undercut under it
    "(1) a\n-- r --\n  _ <U>\nfoo\n(2) c\n",
    "\ufeff\ufeff[A]: x\n",  # two byte-order marks
    "# <!-- c -->\n\n[A]: x",
]


@pytest.mark.parametrize("text", TIDY)
def test_formats_idempotently_keeping_the_meaning(text):
    formatted = format_text(text, "a.argmap")
    assert format_text(formatted, "a.argmap") == formatted
    assert meaning(formatted, "a.argmap") == meaning(text.lstrip("\ufeff"), "a.argmap")


def test_a_wrapped_line_starting_with_two_dashes_continues_the_text():
    assert statements("[A]: x\n  + [F]: f\n--") == [("A", "x", []), ("F", "f --", [])]


@pytest.mark.parametrize("text", ["# \n\n[A]: x\n", "## \t\n"])
def test_an_empty_heading_is_refused_clearly(text):
    with pytest.raises(FormatError) as refused:
        format_text(text, "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == "fmt-empty-heading"
    assert diagnostic.hint == "write a title after the '#', or delete the line"


@pytest.mark.parametrize("text", ["===", "\n===\n==\n", "  ===\nsource:\n  id: x\n", "\t===\n\n[A]: Text.\n"])
def test_text_that_would_become_front_matter_is_refused_clearly(text):
    with pytest.raises(FormatError) as refused:
        format_text(text, "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == "fmt-front-matter-lookalike"
    assert diagnostic.hint == "start the text with something else, or write '\\===' for the signs themselves"


def test_escaped_signs_format_and_keep_their_meaning():
    assert format_text("\\=== x\n", "a.argmap") == "\\=== x\n"
    assert statements("\\=== x\n") == [("Untitled 1", "=== x", [])]


@pytest.mark.parametrize("text", ["[A]: One text.\n> \n\n[B]: b", "[A]: x\n  >\t\n"])
def test_an_empty_quote_stays_a_quote(text):
    formatted = format_text(text, "a.argmap")
    assert '  > ""\n' in formatted
    assert statements(formatted)[0] == ("A", statements(text)[0][1], [""])
    assert format_text(formatted, "a.argmap") == formatted


def test_a_byte_order_mark_inside_the_first_text_is_refused_clearly():
    with pytest.raises(FormatError) as refused:
        format_text("\n\ufeff  - ", "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == "fmt-leading-bom"
    assert (diagnostic.span.line, diagnostic.span.column) == (2, 1)


@pytest.mark.parametrize("text", ["H\n  - I\n <!-- c\n --> - J\n", "H\n  - I\n    <!-- c\n    --> - J\n", "H\n  - I\n    <!-- c -->  - J\n"])
def test_a_relation_after_a_comment_on_its_line_is_a_relation(text):
    # the line classifier skips the comment and the blanks after it; the lexer now does too
    argument_map = argmap.loads(text, "a.argmap")
    assert [s.text for s in argument_map.documents[0].statements] == ["H", "I", "J"]
    assert len(argument_map.relations) == 2
    formatted = format_text(text, "a.argmap")
    assert format_text(formatted, "a.argmap") == formatted


def test_blanks_after_a_comment_are_not_a_statement():
    assert statements("/* note */   \n[A]: x") == [("A", "x", [])]
    assert statements("a <!-- c -->  b") == [("Untitled 1", "a b", [])]


@pytest.mark.parametrize("text", ["[A]: a\r\r\n[B]: b", "<!-- a\r\r\nb -->\n[A]: x"])
def test_a_carriage_return_before_a_crlf_is_refused_clearly(text):
    # found by bench/fuzz.py: after CRLF became LF, CR LF was left, and fmt asserted
    with pytest.raises(FormatError) as refused:
        format_text(text, "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == "fmt-lone-cr"
    assert diagnostic.hint == "replace it with a line break, or delete it"


def test_a_lone_carriage_return_inside_a_comment_is_kept():
    formatted = format_text("<!-- a\rb -->\n[A]: x", "a.argmap")
    assert formatted == "<!-- a\rb -->\n[A]: x\n"
    assert format_text(formatted, "a.argmap") == formatted


@pytest.mark.parametrize(("text", "element"), [("[M]: m\n  + //[M\n  - oscow stals]\n", "- oscow stals]"), ("[M]: m\n  + /* c */\n      [B]: b\n", "b")])
def test_a_sign_that_ends_its_line_takes_the_next_line_as_its_element(text, element):
    # found by bench/fuzz.py: a deeper next line opened a level the lexer could not fill
    argument_map = argmap.loads(text, "a.argmap")
    assert [s.text for s in argument_map.documents[0].statements][1] == element
    assert len(argument_map.relations) == 1
    formatted = format_text(text, "a.argmap")
    assert format_text(formatted, "a.argmap") == formatted


# found by bench/fuzz.py (seed 1, 10 000 cases): a list mark followed only by a comment
# takes the next line as its text, and fmt's layout of that read differently
@pytest.mark.parametrize("text", ["* //first\n* second\n", "Text.\n\n* //First item\n* Second item\n  + [S]: s.\n\n1. One\n"])
def test_a_list_mark_followed_only_by_a_comment_is_refused_clearly(text):
    with pytest.raises(FormatError) as refused:
        format_text(text, "a.argmap")
    (diagnostic,) = refused.value.diagnostics
    assert diagnostic.code == "fmt-mark-alone"
    assert "same line" in diagnostic.hint


def test_white_space_the_parsers_two_modes_read_apart_is_formatted():
    # found by the Hypothesis run: fmt's own reading of lone vertical tabs (an empty untitled
    # statement) differs from the commands' (an empty file); fmt checks against the commands'
    assert format_text("\x0b\x0b", "a.argmap") == "\x0b\x0b\n"
