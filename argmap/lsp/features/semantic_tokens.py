"""Semantic tokens, so that editors without our TextMate grammar (Neovim,
Helix, Emacs) colour titles, tags, relation signs, quotes and comments.

The rules are those of the Pygments lexer (:mod:`argmap.embed.highlight`),
in the same order, joined into one regular expression: at each place the
first rule that matches wins, as in Pygments, and every rule starts with a
character plain text cannot hold or at the start of a line, so searching
for the next match finds what Pygments finds after a run of text. Working
on the text, not the parsed map, a file with syntax errors is coloured too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lsprotocol import types

from ..positions import Lines, units

if TYPE_CHECKING:
    from ..server import ArgmapServer

TOKEN_TYPES = ["namespace", "class", "function", "variable", "decorator", "operator", "number", "keyword", "string", "comment"]
TOKEN_MODIFIERS = ["definition"]
LEGEND = types.SemanticTokensLegend(token_types=TOKEN_TYPES, token_modifiers=TOKEN_MODIFIERS)

# (name, pattern, {group: token type}); None colours nothing (front matter: YAML).
RULES: list[tuple[str, str, dict[str, str]]] = [
    ("front_matter", r"\A===[ \t]*\n[\s\S]*?\n===[ \t]*$", {}),
    ("heading", r"^(?P<heading>#{1,6}[ \t].*?)$", {"heading": "namespace"}),
    ("relation", r"^[ \t]*(?P<sign><[+\-_]|[+\-_]>|><|[+\-_])(?=[ \t])", {"sign": "operator"}),
    ("number", r"^[ \t]*(?P<number>\(\d+\))", {"number": "number"}),
    ("inference", r"^[ \t]*(?P<bar>-{4,})[ \t]*$", {"bar": "keyword"}),
    ("rule", r"^[ \t]*(?P<rule>--(?:[^-\n]|-(?!-))*--)[ \t]*$", {"rule": "keyword"}),
    ("quote", r"^[ \t]*>(?P<quote>[ \t].*)$", {"quote": "string"}),
    ("list", r"^[ \t]*(?:\*|\d+\.)(?=[ \t])", {}),
    ("html_comment", r"(?P<html_comment><!--[\s\S]*?-->)", {"html_comment": "comment"}),
    ("block_comment", r"(?P<block_comment>/\*[\s\S]*?\*/)", {"block_comment": "comment"}),
    ("line_comment", r"(?P<line_comment>(?<!\S)//.*?)$", {"line_comment": "comment"}),
    ("statement", r"(?P<statement>\[[^\[\]\n]+\]:?)", {"statement": "class"}),
    ("argument", r"(?P<argument><[^<>\n!][^<>\n]*>:?)", {"argument": "function"}),
    ("mention", r"(?P<mention>@\[[^\[\]]+\]|@<[^<>]+>)", {"mention": "variable"}),
    ("tag", r"(?P<tag>(?<!\S)#\([^)\n]+\)|(?<!\S)#[\w\-]+)", {"tag": "decorator"}),
    ("data", r"\{[^{}\n]*\}", {}),
    ("bold", r"\*\*.+?\*\*|__.+?__", {}),
]
_PATTERN = re.compile("|".join(f"(?P<rule_{name}>{pattern})" for name, pattern, _groups in RULES), re.M)
_GROUPS = {name: groups for name, _pattern, groups in RULES}


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    def semantic_tokens(ls: ArgmapServer, params: types.SemanticTokensParams) -> types.SemanticTokens:
        snapshot = ls.state.snapshot()
        file = snapshot.file(params.text_document.uri)
        if file is None or file.text is None:
            return types.SemanticTokens(data=[])
        return types.SemanticTokens(data=encode(tokens(file.text), file.lines))


def tokens(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, token type, is a definition) of the coloured parts of ``text``, in order."""
    found = []
    for match in _PATTERN.finditer(text):
        rule = match.lastgroup.removeprefix("rule_")
        for group, token_type in _GROUPS[rule].items():
            start, end = match.span(group)
            if end > start:
                definition = rule in ("statement", "argument") and text[end - 1] == ":"  # [Title]: defines
                found.append((start, end, token_type, definition))
    return found


def encode(found: list[tuple[int, int, str, bool]], lines: Lines) -> list[int]:
    """LSP's relative encoding: five integers per token, each token on one line."""
    starts = [0]
    for line in lines.lines:
        starts.append(starts[-1] + len(line) + 1)
    data: list[int] = []
    previous_line = previous_column = 0
    line = 0
    for start, end, token_type, definition in found:
        while starts[line + 1] <= start:
            line += 1
        type_index = TOKEN_TYPES.index(token_type)
        modifiers = 1 if definition else 0
        while start < end:
            text = lines.lines[line]
            column = start - starts[line]
            stop = min(end, starts[line] + len(text.removesuffix("\r")))
            if stop > start:
                character = units(text[:column], lines.encoding)
                length = units(text[column : stop - starts[line]], lines.encoding)
                delta_line = line - previous_line
                delta_column = character - previous_column if delta_line == 0 else character
                data += [delta_line, delta_column, length, type_index, modifiers]
                previous_line, previous_column = line, character
            if end <= starts[line + 1]:
                break
            line += 1
            start = starts[line]
    return data
