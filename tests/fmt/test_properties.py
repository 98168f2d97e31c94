"""Property tests for argmap fmt: generated documents, written untidily, keep their meaning.

The generator writes valid documents the way people do: any indentation step
(spaces or tabs), every spelling of the relation signs, extra spaces after
markers, numbering out of order, odd inference lines, wrapped text at any
indentation, quotes, comments everywhere, blank lines in runs, trailing white
space, CRLF and a byte-order mark. Formatting must keep the meaning (argmap's
and Argdown's JSON), give the canonical shape, and be idempotent.
"""

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.core.errors import ArgmapError
from argmap.fmt.formatter import FormatError, format_text
from argmap.fmt.meaning import meaning
from argmap.parse.parser import parse_raw

WORDS = st.sampled_from(["talks", "Moscow", "sanctions", "peace", "war", "deal", "Kyiv", "#pressure", "@[T1]", "naïve", "“q”", "{page: 3}"])
OPERATORS = ["+", "-", "_", "<+", "<-", "<_", "+>", "->", "_>", "><"]
COMMENTS = st.sampled_from(["// note", "/* note */", "<!-- note -->", "/* two\n   lines */"])
SPACES = st.sampled_from(["", " ", "   ", "\t"])


def words(min_size: int = 1):
    return st.lists(WORDS, min_size=min_size, max_size=6).map(" ".join)


@st.composite
def text_lines(draw) -> str:
    """Words, maybe wrapped onto more lines at any indentation, maybe a trailing comment."""
    first = draw(words())
    more = [draw(st.sampled_from(["", "  ", "      ", "\t"])) + draw(words()) for _ in range(draw(st.integers(0, 2)))]
    text = "\n".join([first, *more])
    if draw(st.booleans()):
        text += " " + draw(COMMENTS)
    return text + draw(SPACES)


@st.composite
def element(draw) -> str:
    kind = draw(st.sampled_from(["def", "ref", "arg", "argref", "untitled"]))
    n = draw(st.integers(1, 6))
    head = {"def": f"[T{n}]:", "ref": f"[T{n}]", "arg": f"<A{n}>:", "argref": f"<A{n}>", "untitled": ""}[kind]
    if kind in ("ref", "argref") and draw(st.booleans()):
        return head + draw(SPACES)
    body = draw(text_lines())
    return f"{head}{draw(st.sampled_from([' ', '   ', chr(9)]))}{body}" if head else body


@st.composite
def tree(draw, indent: str, step: str, depth: int) -> list[str]:
    lines = [draw(element())]
    for _ in range(draw(st.integers(0, 2))):  # quotes, deeper than the element
        lines.append(indent + step + ">" + draw(st.sampled_from([" ", "   ", "\t"])) + '"' + draw(words()) + '"' + draw(SPACES))
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            child = indent + step
            if draw(st.integers(0, 4)) == 0:
                lines.append(child + draw(COMMENTS))
            op = draw(st.sampled_from(OPERATORS)) + draw(st.sampled_from([" ", "  ", "\t"]))
            sub = draw(tree(child, step, depth + 1))
            lines.append(child + op + sub[0])
            lines.extend(sub[1:])
    return lines


@st.composite
def pcs(draw) -> list[str]:
    lines = []
    if draw(st.booleans()):
        lines.append(f"<A{draw(st.integers(1, 6))}>: " + draw(words()))
        if draw(st.booleans()):
            lines.append("")
    for _ in range(draw(st.integers(1, 2))):  # one or two inference steps
        for _ in range(draw(st.integers(1, 2))):
            number = draw(st.integers(1, 12))
            lines.append(f"({number}){draw(st.sampled_from(['', ' ', '   ']))}" + draw(words()))
            if draw(st.booleans()):
                lines.append(draw(st.sampled_from(["  ", "    "])) + '> "' + draw(words()) + '"')
        lines.append(draw(st.sampled_from(["----", "-------   ", "-- Modus Ponens --", "--  rule a ,rule b {uses: [1]}--", "-- rule a,\n   rule b --"])))
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(["  ", "      "])) + draw(st.sampled_from(["<_ ", "_ "])) + "<Objection>: " + draw(words()))
    lines.append(f"({draw(st.integers(1, 12))}) " + draw(words()))
    return lines


@st.composite
def block(draw) -> list[str]:
    kind = draw(st.sampled_from(["tree", "tree", "pcs", "heading", "list"]))
    if kind == "tree":
        step = draw(st.sampled_from(["  ", "    ", " ", "\t"]))
        return draw(tree("", step, 0))
    if kind == "pcs":
        return draw(pcs())
    if kind == "heading":
        return ["#" * draw(st.integers(1, 3)) + draw(st.sampled_from([" ", "   "])) + draw(words())]
    margin = draw(st.sampled_from(["", "  ", "   "]))
    return [margin + draw(st.sampled_from(["* ", "*   ", "1. "])) + draw(words()) for _ in range(draw(st.integers(1, 3)))]


FRONT = st.permutations(["source:\n  id: gen   # the id", "model:\n  mode: strict", "title: Generated", "# about positions\npositions:\n  pressure: Pressure"])


@st.composite
def documents(draw) -> str:
    parts = []
    if draw(st.booleans()):
        keys = draw(FRONT)[: draw(st.integers(1, 4))]
        parts.append("===\n" + "\n".join(keys) + "\n===")
    for _ in range(draw(st.integers(1, 5))):
        lines = draw(block())
        gap = draw(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n  \n", "\n// between\n\n", "\n\n/* between */\n"]))
        parts.append("\n".join(lines) + gap)
    text = "\n".join(parts)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


def _parses(text: str) -> bool:
    try:
        parse_raw(text.lstrip("\ufeff").replace("\r\n", "\n"), "gen.argmap")
    except ArgmapError:
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(documents())
def test_generated_documents_keep_their_meaning_and_format_idempotently(text):
    assume(_parses(text))  # e.g. a tab-indented quote under a space-indented block mixes indentation
    formatted = format_text(text, "gen.argmap")
    assert meaning(text.lstrip("\ufeff"), "gen.argmap") == meaning(formatted, "gen.argmap")
    assert format_text(formatted, "gen.argmap") == formatted
    assert "\r" not in formatted and not formatted.startswith("\ufeff") and formatted.endswith("\n")
    assert "\n\n\n" not in formatted
    assert all(line == line.rstrip(" \t") for line in formatted.split("\n"))
    for line in formatted.split("\n"):  # relation lines: two spaces per level, canonical signs
        match = re.match(r"^( *)(<[+\-_]|[+\-_]>|><|[+\-_])[ \t]", line)
        if match and not line.lstrip().startswith("//"):
            assert len(match.group(1)) % 2 == 0 and not match.group(2).startswith("<")


BITS = st.sampled_from(
    ["[A]: x", "[B]", "<C>: y", "<C>", "  + ", "  - ", "    +> ", "  <_ ", "(1) ", "(2) ", "(7)", "----", "-- r --", "-- a,\n b --",
     "# H", '> "q"', "  > q", "===", "{a: 1}", "{", "// c", "/*", "*/", "/* c */", "<!--", "-->", "<!-- c\n -->", "#tag", "@[A]",
     "\t", "\n", "\n\n", " ", "   ", "text", "  * ", "1. ", "\\", "*a*", "//"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(BITS, max_size=30).map("".join))
def test_any_parsable_fragment_soup_formats_idempotently_or_is_refused(text):
    """Odd corners fmt refuses rather than change their meaning: white space after a comment
    before the first block (an empty statement to the parser), text starting with `===` (at the
    top it would open a front matter), a heading with no title, lines the parser's line classifier and its lexer
    read differently (`/* c *////x`)."""
    assume(_parses(text))
    try:
        formatted = format_text(text, "soup.argmap")
    except FormatError as refused:
        assert {d.code for d in refused.diagnostics} <= {
            "fmt-blank-statement", "fmt-changes-meaning", "unterminated-front-matter", "fmt-front-matter-lookalike", "fmt-empty-heading", "fmt-leading-bom", "fmt-lone-cr",
            "fmt-mark-alone",
        }
        return
    assert meaning(text.replace("\r\n", "\n"), "soup.argmap") == meaning(formatted, "soup.argmap")
    assert format_text(formatted, "soup.argmap") == formatted
