"""Syntax errors in words: Lark's exceptions → :class:`ArgmapError` with what
was found, what was expected, and a hint for common mistakes.
"""

from __future__ import annotations

from ..core.errors import ArgmapError
from ..core.model import Span
from .lark_parser import parser
from .lark_standalone import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)
from .lines import SOURCE, LineStructure

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
    token = SOURCE.set(("<example>", text))
    try:
        return parser().parse(text)
    finally:
        SOURCE.reset(token)


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
