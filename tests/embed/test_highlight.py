"""Pygments finds the lexer by name and highlights every construct."""

from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Generic, Keyword, Name, Number, Operator, String

SAMPLE = """===
source: {id: demo}
===

# Heading

[Statement]: Text with #tag and @[Other]. // comment
  > "a quote"
  + <Argument>: Gist. {data: 1}

(1) [P]: Premise.
----
(2) Conclusion. /* block */
"""


def kinds(text: str) -> dict:
    lexer = get_lexer_by_name("argmap")
    found: dict = {}
    for token_type, value in lexer.get_tokens(text):
        found.setdefault(token_type, []).append(value)
    return found


def test_found_by_both_aliases_and_file_names():
    assert get_lexer_by_name("argmap").name == "Argmap"
    assert get_lexer_by_name("argdown").name == "Argmap"
    assert get_lexer_for_filename("map.argmap").name == "Argmap"
    assert get_lexer_for_filename("debate.argdown").name == "Argmap"


def test_constructs_get_their_token_types():
    found = kinds(SAMPLE)
    assert "[Statement]:" in found[Name.Class]
    assert "<Argument>:" in found[Name.Function]
    assert "#tag" in found[Name.Tag]
    assert "@[Other]" in found[Name.Variable]
    assert "+" in found[Operator]
    assert "(1)" in found[Number]
    assert "----" in found[Keyword]
    assert " \"a quote\"" in found[String.Double]
    assert "# " in "".join(found[Generic.Heading])
    assert "// comment" in found[Comment.Single]
    assert "/* block */" in found[Comment.Multiline]


def test_highlighting_keeps_every_character():
    lexer = get_lexer_by_name("argmap")
    assert "".join(v for _t, v in lexer.get_tokens(SAMPLE)) == SAMPLE
    assert "<span" in highlight(SAMPLE, lexer, HtmlFormatter())


def test_the_example_map_highlights_without_error_tokens():
    from pygments.token import Error

    example = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks"
    lexer = get_lexer_by_name("argmap")
    for path in example.glob("*.argmap"):
        assert all(t is not Error for t, _v in lexer.get_tokens(path.read_text(encoding="utf-8")))
