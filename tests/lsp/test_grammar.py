"""The colours editors show agree with each other: the VS Code extension's
TextMate grammar, the server's semantic tokens (for Neovim, Helix, Emacs)
and the Pygments lexer (Sphinx, MkDocs) colour the same characters as the
same kind of thing, on the example debate and the test workspace.

The grammar is run by a small TextMate matcher (line by line; at each place
the leftmost match of any rule wins, the first rule on a tie; begin/end
rules span lines), enough for this grammar's rules.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pygments.token import Token

from argmap.embed.highlight import ArgmapLexer
from argmap.lsp.features.semantic_tokens import encode, tokens
from argmap.lsp.positions import Lines

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = ROOT / "editors" / "vscode" / "syntaxes" / "argmap.tmLanguage.json"
SAMPLES = [
    *sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap")),
    *sorted((Path(__file__).parent / "workspace").glob("*.argmap")),
    *sorted((ROOT / "tests" / "parse" / "good").glob("*.argmap")),
]
EXTRA = """[A]: text with #tag and #(a tag) and @[B] and @<C> {data: 1} **bold** // comment
  <+ [B]
  _> <C>: an argument /* a block
comment */ after
<!-- html -->
* [Listed]
1. [Numbered list]
(1) [P]
-- modus ponens --
(2) [Q]
"""

# One kind per coloured thing; the three colourings are mapped onto these.
PYGMENTS_KINDS = {
    Token.Name.Class: "statement",
    Token.Name.Function: "argument",
    Token.Name.Variable: "mention",
    Token.Name.Tag: "tag",
    Token.Operator: "relation",
    Token.Number: "number",
    Token.Keyword: "inference",
    Token.Name.Decorator: "inference",
    Token.String.Double: "quote",
    Token.Comment.Multiline: "comment",
    Token.Comment.Single: "comment",
    Token.Generic.Heading: "heading",
    Token.String.Other: "data",
    Token.Generic.Strong: "bold",
}
TEXTMATE_KINDS = {
    "entity.name.class.statement": "statement",
    "entity.name.function.argument": "argument",
    "variable.other.mention": "mention",
    "entity.name.tag": "tag",
    "keyword.operator.relation": "relation",
    "constant.numeric.premise": "number",
    "keyword.control.inference": "inference",
    "entity.other.inference-rule": "inference",
    "string.quoted.other": "quote",
    "comment.": "comment",
    "markup.heading": "heading",
    "string.other.data": "data",
    "markup.bold": "bold",
}
SEMANTIC_KINDS = {
    "class": "statement", "function": "argument", "variable": "mention", "decorator": "tag", "operator": "relation",
    "number": "number", "keyword": "inference", "string": "quote", "comment": "comment", "namespace": "heading",
}


def grammar() -> dict:
    return json.loads(GRAMMAR.read_text(encoding="utf-8"))


def pygments_kinds(text: str) -> list[str | None]:
    kinds: list[str | None] = [None] * len(text)
    for index, token_type, value in ArgmapLexer().get_tokens_unprocessed(text):
        kind = next((k for t, k in PYGMENTS_KINDS.items() if token_type in t), None)
        kinds[index : index + len(value)] = [kind] * len(value)
    return kinds


# ---------------------------------------------------------------- a small TextMate matcher


class TextMate:
    def __init__(self, grammar: dict):
        self.repository = grammar["repository"]
        self.top = self._flatten(grammar["patterns"])

    def _flatten(self, patterns: list[dict]) -> list[dict]:
        rules = []
        for pattern in patterns:
            if "include" in pattern:
                if pattern["include"].startswith("#"):
                    rule = self.repository[pattern["include"][1:]]
                    rules += self._flatten(rule["patterns"]) if "patterns" in rule and "begin" not in rule else [rule]
            else:
                rules.append(pattern)
        return rules

    def kinds(self, text: str) -> list[str | None]:
        """The kind of each character of ``text``."""
        kinds: list[str | None] = []
        inside: dict | None = None  # the begin/end rule we are in
        for number, line in enumerate(text.split("\n")):
            line_kinds: list[str | None] = [None] * len(line)
            position = 0
            while position <= len(line):
                if inside is not None:
                    end = re.compile(inside["end"]).search(line, position)
                    stop = end.end() if end else len(line)
                    self._paint(line_kinds, position, stop, inside.get("name") or inside.get("contentName"))
                    position = stop
                    if end is None:
                        break
                    inside = None
                    continue
                best = None
                for rule in self.top:
                    source = rule.get("match") or rule["begin"]
                    if r"\A" in source and (number > 0 or position > 0):
                        continue
                    found = re.compile(source).search(line, position)
                    if found and (best is None or found.start() < best[0].start()):
                        best = (found, rule)
                if best is None:
                    break
                found, rule = best
                if "begin" in rule:
                    inside = rule
                    self._paint(line_kinds, found.start(), found.end(), rule.get("name"))
                    position = found.end()
                    continue
                self._paint(line_kinds, found.start(), found.end(), rule.get("name"))
                for group, capture in rule.get("captures", {}).items():
                    if found.group(int(group)) is not None:
                        self._paint(line_kinds, *found.span(int(group)), capture["name"])
                position = max(found.end(), position + 1)
            kinds += line_kinds + [None]
        return kinds[:-1]

    @staticmethod
    def _paint(kinds: list, start: int, end: int, scope: str | None) -> None:
        if scope is None:
            return
        kind = next((k for prefix, k in TEXTMATE_KINDS.items() if scope.startswith(prefix)), None)
        if kind is not None:
            kinds[start:end] = [kind] * (end - start)


def semantic_kinds(text: str) -> list[str | None]:
    kinds: list[str | None] = [None] * len(text)
    for start, end, token_type, _definition in tokens(text):
        kinds[start:end] = [SEMANTIC_KINDS[token_type]] * (end - start)
    return kinds


def without_front_matter(text: str, kinds: list[str | None]) -> list[str | None]:
    """Front matter is YAML, coloured by a YAML grammar or lexer: compare what follows it."""
    match = re.match(r"===[ \t]*\n[\s\S]*?\n===[ \t]*$", text, re.M)
    return kinds[match.end() :] if match else kinds


def differences(text: str, a: list, b: list) -> list[str]:
    lines = text.split("\n")
    found = []
    offset = 0
    for number, line in enumerate(lines):
        for column in range(len(line)):
            if a[offset + column] != b[offset + column]:
                found.append(f"line {number + 1}: {line!r} at {column}: {a[offset + column]} vs {b[offset + column]}")
                break
        offset += len(line) + 1
    return found


# ---------------------------------------------------------------- tests


def test_the_grammar_is_valid_json_for_the_argmap_language():
    data = grammar()
    assert data["scopeName"] == "source.argmap"
    package = json.loads((GRAMMAR.parent.parent / "package.json").read_text(encoding="utf-8"))
    (contributed,) = package["contributes"]["grammars"]
    assert contributed["scopeName"] == data["scopeName"] and (GRAMMAR.parent.parent / contributed["path"]).resolve() == GRAMMAR
    for rule in [*data["repository"].values(), *data["repository"]["inline"]["patterns"]]:
        for key in ("match", "begin", "end"):
            if key in rule:
                re.compile(rule[key])  # Oniguruma and Python agree on these constructs


@pytest.mark.parametrize(
    "line, kind, part",
    [
        ("[Talks Are Theatre]: The round is staged. #skepticism", "statement", "[Talks Are Theatre]:"),
        ("[Talks Are Theatre]: The round is staged. #skepticism", "tag", "#skepticism"),
        ("  +> [Talks Are Theatre]", "relation", "+>"),
        ("  - <Envoys Without a Memorandum>", "argument", "<Envoys Without a Memorandum>"),
        ('  > "The talks in Istanbul are a carefully orchestrated mirage."', "quote", ' "The talks in Istanbul are a carefully orchestrated mirage."'),
        ("(2) [Moscow’s Terms — a 🕊 Offer]", "number", "(2)"),
        ("# Is Moscow serious?", "heading", "# Is Moscow serious?"),
        ("// reconstruction: implicit", "comment", "// reconstruction: implicit"),
        ("----", "inference", "----"),
    ],
)
def test_the_grammar_scopes_sample_lines(line, kind, part):
    kinds = TextMate(grammar()).kinds(line)
    start = line.index(part)
    assert kinds[start : start + len(part)] == [kind] * len(part)


@pytest.mark.parametrize("sample", [*SAMPLES, "extra"], ids=lambda p: p if isinstance(p, str) else f"{p.parent.name}/{p.name}")
def test_textmate_semantic_tokens_and_pygments_colour_alike(sample):
    text = EXTRA if sample == "extra" else sample.read_text(encoding="utf-8")
    expected = without_front_matter(text, pygments_kinds(text))
    body = text[len(text) - len(expected) :]
    assert not differences(body, expected, without_front_matter(text, TextMate(grammar()).kinds(text)))
    semantic = [k if k in SEMANTIC_KINDS.values() else None for k in expected]  # data and bold are left to the grammar
    semantic = [None if k in ("data", "bold") else k for k in semantic]
    assert not differences(body, semantic, without_front_matter(text, semantic_kinds(text)))


def test_semantic_tokens_count_columns_in_the_editors_units():
    line = "(2) [Moscow’s Terms — a 🕊 Offer] #pressure"
    lines16, lines8 = Lines(line, "utf-16"), Lines(line, "utf-8")
    found = tokens(line)
    tag_16 = encode(found, lines16)[-5:]
    tag_8 = encode(found, lines8)[-5:]
    before_tag = line[: line.index("#")]
    # relative to the title before it: the title is 28 characters, 29 UTF-16 units (the dove), 35 UTF-8 bytes
    title = "[Moscow’s Terms — a 🕊 Offer]"
    assert tag_16[1] == len(title.encode("utf-16-le")) // 2 + 1 and tag_8[1] == len(title.encode("utf-8")) + 1
    assert tag_16[2] == tag_8[2] == len("#pressure")
    assert before_tag.endswith("] ")
