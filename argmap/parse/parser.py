"""Parse stage: text → raw blocks (Lark LALR + a line-structure post-lexer).

The grammar (``grammar/argmap.lark``) sees coarse tokens; the post-lexer in
this module decides what each line break means (paragraph break, deeper or
shallower relation level, wrapped text) by looking at how the next line
starts. The transformer runs inside the LALR parse and builds small raw nodes;
:mod:`argmap.build` turns those into the typed model. The commonest lines are
one token each (a head with its text, a relation sign with its reference, a
number with its reference): :func:`head_parts` says where their parts are,
and ``parse_raw(..., split_lines=True)`` splits them for a caller that needs
the place of every part (argmap fmt).
"""

from __future__ import annotations

import contextvars
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from ..core.errors import ArgmapError
from ..core.model import Span

MAX_DEPTH = 100

# --------------------------------------------------------------------- raw nodes


@dataclass(slots=True)
class RawElement:
    kind: str  # "statement" | "argument"
    # The [Title]: / <Title> token, None when untitled. It may be a line-level
    # token (see head_parts): STATEMENT_WITH_TEXT and ARGUMENT_WITH_TEXT carry
    # the first run of text too, RELATED_REF starts with the relation sign
    # (it is also the relation's op), NUMBERED_REF with the number (it is also
    # the item's number). parse_raw(..., split_lines=True) splits them.
    head: Token | None
    inline: list[Token]
    is_reference: bool
    quotes: list[Token] | tuple = ()
    relations: list["RawRelation"] | tuple = ()


@dataclass(slots=True)
class RawRelation:
    op: Token
    element: RawElement


@dataclass(slots=True)
class RawPcsItem:
    number: Token
    element: RawElement


@dataclass(slots=True)
class RawInference:
    token: Token
    relations: list[RawRelation]


@dataclass(slots=True)
class RawPcs:
    items: list[RawPcsItem | RawInference]


@dataclass(slots=True)
class RawHeading:
    mark: Token
    inline: list[Token]


@dataclass(slots=True)
class RawList:
    items: list[tuple[Token, RawElement]]


@dataclass(slots=True)
class RawFrontMatter:
    token: Token


_NONE: tuple = ()  # the inline tokens, quotes or relations of an element without any (most of them)


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


def _split_head_and_text(token: Token, head_type: str) -> tuple[Token, Token]:
    return _split(token, head_parts(token)[1], head_type, "TEXT")


def _split(token: Token, at: int, first: str, second: str) -> tuple[Token, Token]:
    """A line-level token as the two tokens the lexer would otherwise have made.

    The first part never spans lines (a head, a sign, a number); the second
    ends where the whole token ends.
    """
    value, start, line, column = token.value, token.start_pos, token.line, token.column
    return (
        _new_token(first, value[:at], start, line, column, line, column + at, start + at),
        _new_token(second, value[at:], start + at, line, column + at, token.end_line, token.end_column, token.end_pos),
    )


def _append(items: list | tuple, item) -> list:
    if items is _NONE:
        return [item]
    items.append(item)
    return items


class _ToRaw(Transformer):
    """Runs during the LALR parse (Lark's ``transformer=``): no tree is built.

    The grammar's lists are left-recursive rules (see grammar/argmap.lark):
    the first reduction of a list makes the raw node, each further one adds
    to it, so every method gets the node built so far as its first child.
    """

    # ------------------------------------------------------------ blocks

    def empty_document(self, children):
        return []

    def start(self, children):
        return children[0]

    def front_matter(self, children):
        return [RawFrontMatter(children[0])]

    def first_block(self, children):
        return children  # a fresh list from the parser's value stack: it becomes the block list

    def next_block(self, children):
        blocks = children[0]
        blocks.append(children[2])  # children[1] is PARA
        return blocks

    def heading(self, children):
        return RawHeading(children[0], _NONE)

    def heading_inline(self, children):
        heading = children[0]
        heading.inline = _append(heading.inline, children[1])
        return heading

    # ------------------------------------------------------------ elements

    def statement_definition(self, children):
        return RawElement("statement", children[0], _NONE, False, _NONE, _NONE)

    def statement_with_text(self, children):
        return RawElement("statement", children[0], _NONE, False, _NONE, _NONE)

    def statement_reference(self, children):
        return RawElement("statement", children[0], _NONE, True, _NONE, _NONE)

    def argument_definition(self, children):
        return RawElement("argument", children[0], _NONE, False, _NONE, _NONE)

    def argument_with_text(self, children):
        return RawElement("argument", children[0], _NONE, False, _NONE, _NONE)

    def argument_reference(self, children):
        return RawElement("argument", children[0], _NONE, True, _NONE, _NONE)

    def untitled_statement(self, children):
        return RawElement("statement", None, children, False, _NONE, _NONE)

    # An element (or heading) and one more of its parts.

    def inline(self, children):
        node = children[0]
        node.inline = _append(node.inline, children[1])
        return node

    def quote(self, children):
        node = children[0]
        node.quotes = _append(node.quotes, children[1])
        return node

    def relations_under(self, children):
        node = children[0]  # an element or an inference; children[1] and [3] are INDENT and DEDENT
        node.relations = children[2] if node.relations is _NONE else node.relations + children[2]
        return node

    # A relation or numbered statement made from one token, and one more part of its element.

    def marked_inline(self, children):
        self.inline([children[0].element, children[1]])
        return children[0]

    def marked_quote(self, children):
        self.quote([children[0].element, children[1]])
        return children[0]

    def marked_relations_under(self, children):
        self.relations_under([children[0].element, *children[1:]])
        return children[0]

    # ------------------------------------------------------------ relations

    def first_relation(self, children):
        return [RawRelation(children[0], children[1])]

    def first_relation_made(self, children):
        return children

    def next_relation(self, children):
        relations = children[0]
        relations.append(RawRelation(children[1], children[2]))
        return relations

    def next_relation_made(self, children):
        relations = children[0]
        relations.append(children[1])
        return relations

    def related_reference(self, children):
        token = children[0]
        kind = "statement" if token.value[head_parts(token)[0]] == "[" else "argument"
        return RawRelation(token, RawElement(kind, token, _NONE, True, _NONE, _NONE))

    # ------------------------------------------------------------ premise–conclusion structures and lists

    def first_numbered(self, children):
        return RawPcs([RawPcsItem(children[0], children[1])])

    def first_pcs_item(self, children):
        return RawPcs(children)

    def next_numbered(self, children):
        pcs = children[0]
        pcs.items.append(RawPcsItem(children[1], children[2]))
        return pcs

    def next_pcs_item(self, children):
        pcs = children[0]
        pcs.items.append(children[1])
        return pcs

    def numbered_reference(self, children):
        token = children[0]
        return RawPcsItem(token, RawElement("statement", token, _NONE, True, _NONE, _NONE))

    def inference(self, children):
        return RawInference(children[0], _NONE)

    def first_list_item(self, children):
        return RawList([(children[0], children[1])])

    def next_list_item(self, children):
        items = children[0]
        items.items.append((children[1], children[2]))
        return items


class _ToRawTokens(_ToRaw):
    """As _ToRaw, with the line-level tokens split into the tokens the lexer would otherwise have made.

    For argmap fmt, which lays a file out again from the place of every token.
    """

    def statement_with_text(self, children):
        head, text = _split_head_and_text(children[0], "STATEMENT_DEF")
        return RawElement("statement", head, [text], False, _NONE, _NONE)

    def argument_with_text(self, children):
        head, text = _split_head_and_text(children[0], "ARGUMENT_DEF")
        return RawElement("argument", head, [text], False, _NONE, _NONE)

    def related_reference(self, children):
        relation = super().related_reference(children)
        at = head_parts(children[0])[0]
        relation.op, relation.element.head = _split(children[0], at, "RELATION", relation.element.kind.upper() + "_REF")
        return relation

    def numbered_reference(self, children):
        item = super().numbered_reference(children)
        item.number, item.element.head = _split(children[0], head_parts(children[0])[0], "PCS_NUMBER", "STATEMENT_REF")
        return item


# ---------------------------------------------------------------- post-lexer

_SOURCE: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar("argmap_source")

_LINE_START = re.compile(
    r"""
      (?P<comment><!--|/\*|//)
    | (?P<relation>(?:<[+\-_]|[+\-_]>|><|[+\-_])[ \t])
    | (?P<pcs>\(\d+\))
    | (?P<inference>--)
    | (?P<quote>>[ \t])
    | (?P<heading>\#{1,6}[ \t])
    | (?P<list>(?:\*|\d+\.)[ \t])
    | (?P<element>\[[^\[\]\r\n]+\](?!\()|<(?!!--)[^<>\r\n]+>)
    | (?P<eol>\r?\n|\Z)
    """,
    re.X,
)
_COMMENT_AT = re.compile(r"<!--[\s\S]*?-->|/\*[\s\S]*?\*/|//[^\r\n]*")
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
        c = _COMMENT_AT.match(text, pos)
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
        path, text = _SOURCE.get()
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
        for token in stream:
            kind = token.type
            if kind == "_NL":
                markers = line_break(token, last)
                if markers:
                    yield from markers
            elif kind == "LEADING_SPACE":
                self.base = len(token.value)
            else:
                if self.block is None:
                    self.start_first_block(token)
                last = kind
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
        if not blank and kind == "text" and self.line != "front" and last != "QUOTE":
            # the text above goes on (build.py joins the lines with a space):
            # the one kind of line that needs no marker, so no `here` either
            self.line = kind
            return None
        # the token after this break starts the line; point errors there
        here = _moved_after(nl)
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
                pass  # the text goes on; build.py joins the lines with a space
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

_new_token = Token._future_new  # Token() itself only forwards here, after checking for deprecated keywords


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
    return _new_token(kind, "", at.start_pos, at.line, at.column, at.end_line, at.end_column, at.end_pos)


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


# -------------------------------------------------------------------- parser


def grammar_text() -> str:
    """The grammar ships inside the wheel as argmap/parse/grammar/; a checkout has it at the top level."""
    installed = resources.files("argmap.parse").joinpath("grammar", "argmap.lark")
    if installed.is_file():
        return installed.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / "grammar" / "argmap.lark").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=2)
def parser(split_lines: bool = False) -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        postlex=LineStructure(),
        transformer=_ToRawTokens() if split_lines else _ToRaw(),
        propagate_positions=False,
        maybe_placeholders=False,
        cache=True,  # Lark stores the LALR tables in the temp dir, keyed by grammar and options
    )


_TERMINAL_WORDS = {
    "FRONT_MATTER": "front matter",
    "HEADING": "a heading",
    "PCS_NUMBER": "a numbered statement like (1)",
    "INFERENCE_BAR": "an inference line (----)",
    "INFERENCE_RULE": "an inference line with rules (-- rule --)",
    "RELATION": "a relation (+, -, _, <+, <-, <_, +>, ->, _>, ><)",
    "LIST_MARK": "a list item",
    "QUOTE": "a quote line (> \"...\")",
    "STATEMENT_DEF": "a statement [Title]:",
    "STATEMENT_WITH_TEXT": "a statement [Title]:",
    "ARGUMENT_WITH_TEXT": "an argument <Title>:",
    "RELATED_REF": "a relation (+, -, _, <+, <-, <_, +>, ->, _>, ><)",
    "NUMBERED_REF": "a numbered statement like (1)",
    "STATEMENT_REF": "a statement reference [Title]",
    "ARGUMENT_DEF": "an argument <Title>:",
    "ARGUMENT_REF": "an argument reference <Title>",
    "DATA": "inline data {key: value}",
    "TEXT": "text",
    "PARA": "a blank line",
    "INDENT": "an indented relation",
    "DEDENT": "the end of the indented block",
    "$END": "the end of the file",
}

_FOUND_WORDS = {
    **_TERMINAL_WORDS,
    "TEXT": "text",
    "$END": "end of file",
    "DEDENT": "end of the relation",
    "INDENT": "indented relation",
    "PARA": "blank line",
}


def _expected_words(expected: set[str] | frozenset[str]) -> str:
    hidden = set(LineStructure.always_accept)
    words = sorted({_TERMINAL_WORDS.get(t, t) for t in expected if not t.startswith("__") and t not in hidden})
    if "text" in words and len(words) > 6:
        return "text or a new line"
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


# Common mistakes, recognised by the parser state they leave Lark in.
_EXAMPLES: dict[str, list[str]] = {
    "number the conclusion, e.g. '(3) ...', after the inference line": [
        "(1) a\n----\nb\n",
        "(1) a\n-- r --\nb\n",
        "<A>\n\n(1) a\n----\nb\n",
        "a\n\n(1) a\n-- r --\nb\n",
        "----\nb\n",
        "-- r --\nb\n",
        "<A>\n\n----\nb\n",
        "<A>\n\n-- r --\nb\n",
    ],
    "write the element after the relation sign, e.g. '+ [Title]' or '- <Title>'": [
        "a\n  + \n",
        "a\n  + b\n    - \n",
        "a\n  + \n  - b\n",
    ],
}


def _hint_for(exc: UnexpectedInput) -> str:
    try:
        label = exc.match_examples(_parse_example, _EXAMPLES, use_accepts=True)
    except Exception:  # match_examples re-parses; any failure just means "no hint"
        return ""
    return label or ""


def _parse_example(text: str):
    token = _SOURCE.set(("<example>", text))
    try:
        return parser().parse(text)
    finally:
        _SOURCE.reset(token)


def _last_line_span(path: str, text: str) -> Span:
    lines = text.splitlines() or [""]
    line = len(lines)
    column = len(lines[-1]) + 1
    return Span(path, line, column, line, column)


def syntax_error(exc: UnexpectedInput, path: str, text: str) -> ArgmapError:
    """Translate Lark's exception into our error type, in words."""
    if isinstance(exc, UnexpectedToken) and exc.token.type == "$END" or isinstance(exc, UnexpectedEOF):
        span = _last_line_span(path, text)
        expected = getattr(exc, "expected", None) or set()
        return ArgmapError("unexpected-end", span, "", expected=_expected_words(expected))
    if not isinstance(exc.line, int) or exc.line < 1:  # a token without a place: blame the end
        span = _last_line_span(path, text)
        line, column = span.line, span.column
    else:
        line, column = exc.line, max(exc.column or 1, 1)
    span = Span(path, line, column, line, column)
    hint = _hint_for(exc)
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream] if 0 <= exc.pos_in_stream < len(text) else "?"
        special = _unterminated(text, exc.pos_in_stream)
        if special is not None:
            return ArgmapError(special[0], span, special[1], closer=special[2])
        return ArgmapError("unexpected-char", span, hint, char=char, expected=_expected_words(exc.allowed))
    token = exc.token
    found = _FOUND_WORDS.get(token.type, token.type)
    if token.type == "TEXT" and token.value.strip():
        found = f"text {token.value.strip()[:40]!r}"
    end = Span(path, line, column, token.end_line or line, token.end_column or column)
    return ArgmapError("unexpected-token", end, hint, found=found, expected=_expected_words(exc.expected))


def _unterminated(text: str, pos: int) -> tuple[str, str, str] | None:
    if text.startswith("<!--", pos):
        return ("unterminated-comment", "close it with '-->'", "-->")
    if text.startswith("/*", pos):
        return ("unterminated-comment", "close it with '*/'", "*/")
    return None


def parse_raw(text: str, path: str, *, split_lines: bool = False) -> list:
    """Parse one document's text into raw blocks, or raise ArgmapError.

    ``split_lines`` splits the line-level tokens (see RawElement) into the
    tokens they are made of, for a caller that needs the place of each.
    """
    token = _SOURCE.set((path, text))
    try:
        return parser(split_lines).parse(text)
    except ArgmapError:
        raise
    except VisitError as exc:  # an error raised inside the transformer
        if isinstance(exc.orig_exc, ArgmapError):
            raise exc.orig_exc from None
        raise
    except UnexpectedInput as exc:
        raise syntax_error(exc, path, text) from None
    finally:
        _SOURCE.reset(token)
