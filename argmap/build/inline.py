"""The text parts of an element or heading, read from its tokens: the inline
text with Argdown's markup applied (tags, shortcodes, escapes), inline data
and quote lines. Problems found in them become diagnostics.
"""

from __future__ import annotations

import copy
import functools
import re

from ..core.errors import error, warning
from ..core.model import Diagnostic, Quote, Span
from ..parse.lark_standalone import Token
from .front_matter import load_yaml, pyyaml
from .markup import _SHORTCODE, _TAG, SHORTCODES, _normalized_tag, plain_text
from .tokens import TEXT_TOKENS, token_span

_QUOTE_COMMENT = re.compile(r"""^(["“”„].*["“”])\s+//.*$""")
_COMMENT_IN_QUOTE = re.compile(r"<!--.*?-->|/\*.*?\*/")  # the lexer keeps comments closed on a quote line in it

# A backslash escapes the next character (Argdown: `\#not-a-tag`, `\*`, `\[`).
_ESCAPED = re.compile(r"\\(.)")
_PROTECTED = {c: chr(0xE000 + i) for i, c in enumerate("\\*_[]#()@<>{}")}  # private-use stand-ins
_UNPROTECT = str.maketrans({v: k for k, v in _PROTECTED.items()})


def _protect(match: re.Match) -> str:
    char = match.group(1)
    return _PROTECTED.get(char, char)


_SHORTCODE_SUB = _SHORTCODE.sub
_TAG_FINDALL = _TAG.findall
_TAG_SUB = _TAG.sub


def _shortcode(match: re.Match) -> str:
    return SHORTCODES.get(match.group(0), match.group(0))


# A wrapped line that starts like a relation but has no space after the sign.
_SQUASHED_RELATION = re.compile(r"\n[ \t]*(?P<sign><[+\-_]|[+\-_]>|><|[+\-_])(?P<head>\[[^\[\]\r\n]*\]?|<[^<>\r\n]*>?)")


def inline_text(tokens: list[Token] | tuple, path: str, diagnostics: list[Diagnostic], head: Token | None = None, first: str = "") -> tuple[str, str, tuple[str, ...], dict]:
    """(text without tags, Argdown's text, tags, data) of inline tokens.

    ``head`` is a head token that holds the first run of text itself
    (STATEMENT_WITH_TEXT, ARGUMENT_WITH_TEXT), and ``first`` that text;
    or None and "".
    """
    data: dict = {}
    if head is not None:
        if not tokens:  # the usual case: the head and its text in one token
            raw = first
        else:
            raw = _joined_text(tokens, data, path, diagnostics, first, head.end_line)
    elif not tokens:  # a bare reference or title, the commonest element
        return "", "", (), data
    elif len(tokens) == 1 and tokens[0].type == "TEXT":  # one run of text
        raw = tokens[0].value
    else:
        raw = _joined_text(tokens, data, path, diagnostics)
    if not raw:  # only inline data: nothing to clean up
        return "", "", (), data
    if "\n" in raw and _SQUASHED_RELATION.search(raw):  # rare: find where, token by token
        _warn_squashed_relations(tokens if head is None else [head, *tokens], path, diagnostics)
    # markup.shortcodes, plain_text, collapse, tags_in and untagged, inlined:
    # this runs for every element with text
    if "." in raw or ":" in raw:
        raw = _SHORTCODE_SUB(_shortcode, raw)
    escaped = "\\" in raw
    if escaped:  # `\#` is a plain '#': hide escaped characters from the markup rules below
        raw = _ESCAPED.sub(_protect, raw)
    marked_up = "](" in raw or "*" in raw or "_" in raw
    argdown_text = " ".join((plain_text(raw) if marked_up else raw).split())
    if "#" not in raw:
        tags, text = (), argdown_text
    elif not marked_up and (trailing := _trailing_tags(argdown_text)) is not None:
        text, found = trailing  # the commonest: `… text. #tag #other`
        tags = tuple(dict.fromkeys([_normalized_tag(tag) for tag in found]))
    else:
        tags = tuple(dict.fromkeys([_normalized_tag(a or b) for a, b in _TAG_FINDALL(raw)]))
        text = " ".join(_TAG_SUB("", argdown_text).split()) if tags else argdown_text
    if escaped:
        text, argdown_text = text.translate(_UNPROTECT), argdown_text.translate(_UNPROTECT)
    return text, argdown_text, tags, data


_PLAIN_TAG = re.compile(r"#[\w\-]+")  # as _TAG's second form, a whole word


def _trailing_tags(text: str) -> tuple[str, list[str]] | None:
    """(the text before them, their names) when a text's only tags are plain
    `#words` at its end, else None; ``text`` has its white space collapsed.

    What the tag regex finds and removes there, read from the end without
    scanning the whole text twice (a large map has tens of thousands of texts).
    """
    found: list[str] = []
    end = len(text)
    while end > 0:
        start = text.rfind(" ", 0, end) + 1
        if text[start : start + 1] != "#" or _PLAIN_TAG.fullmatch(text, start, end) is None:
            break
        found.append(text[start + 1 : end])
        end = max(start - 1, 0)
    rest = text[:end]
    if not found or "#" in rest:
        return None
    found.reverse()
    return rest, found


def _joined_text(tokens: list[Token] | tuple, data: dict, path: str, diagnostics: list[Diagnostic], first: str = "", first_end_line: int | None = None) -> str:
    """The text of several inline tokens (lines joined by a space); their inline data goes into ``data``."""
    parts: list[str] = [first] if first else []
    last_line = first_end_line if first else None
    for token in tokens:
        if token.type == "DATA":
            data.update(inline_data(token, path, diagnostics))
            continue
        if last_line is not None and token.line != last_line:
            parts.append(" ")
        parts.append(token.value)
        last_line = token.end_line
    return "".join(parts)


def _warn_squashed_relations(tokens: list[Token], path: str, diagnostics: list[Diagnostic]) -> None:
    """A wrapped line like `+[B]` was meant as a relation: say so instead of reading it as text."""
    for token in tokens:
        if token.type not in TEXT_TOKENS:
            continue
        for match in _SQUASHED_RELATION.finditer(token.value):
            line = token.line + token.value.count("\n", 0, match.start("sign"))
            column = match.start("sign") - token.value.rfind("\n", 0, match.start("sign"))
            sign = match.group("sign")
            diagnostics.append(
                warning("relation-without-space", Span(path, line, column, line, column + len(sign)), f"write '{sign} {match.group('head')}' to relate it; as written it is part of the text above", sign=sign)
            )


def inline_data(token: Token, path: str, diagnostics: list[Diagnostic]) -> dict:
    value, problem = _read_data(token.value)
    if problem is not None:
        reason, hint = problem
        diagnostics.append(error("inline-data-yaml", token_span(path, token), hint, reason=reason))
        return {}
    if not isinstance(value, dict):
        diagnostics.append(error("inline-data-not-mapping", token_span(path, token), "e.g. {source: 'p. 3'}"))
        return {}
    return copy.deepcopy(value)  # each element its own data: the cached value is shared


@functools.lru_cache(maxsize=4096)
def _read_data(text: str) -> tuple[object, tuple[str, str] | None]:
    """(value, None) or (None, (reason, hint)): read once per distinct text.

    A map writes the same few data blocks many times over ({speaker: critics},
    {reconstructed: true}), and PyYAML's pure-Python loader costs more than
    all the rest of reading an element.
    """
    try:
        return load_yaml(text), None
    except pyyaml().YAMLError as exc:
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, (reason, getattr(exc, "hint", "inline data is YAML in braces, e.g. {source: 'p. 3'}"))


def quotes_of(tokens: list[Token], path: str, source_id: str) -> tuple[Quote, ...]:
    quotes = []
    for token in tokens:
        text = token.value[1:]
        if "<!--" in text or "/*" in text:
            text = _COMMENT_IN_QUOTE.sub("", text)
        text = text.strip()
        commented = _QUOTE_COMMENT.match(text)
        if commented:
            text = commented.group(1)
        if len(text) >= 2 and text[0] in "\"“„" and text[-1] in "\"”“":
            text = text[1:-1].strip()
        quotes.append(Quote(text, token_span(path, token), source_id))
    return tuple(quotes)
