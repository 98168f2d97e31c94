"""A Pygments lexer for the markup, so Sphinx, MkDocs and other Pygments users
get highlighted argument files (aliases ``argmap`` and ``argdown``).

Registered as the ``pygments.lexers`` entry point ``argmap``; Pygments itself
is only needed by whoever highlights.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, include, using
from pygments.lexers.data import YamlLexer
from pygments.token import Comment, Generic, Keyword, Name, Number, Operator, Punctuation, String, Text, Whitespace

__all__ = ["ArgmapLexer"]


class ArgmapLexer(RegexLexer):
    name = "Argmap"
    aliases = ["argmap", "argdown"]
    filenames = ["*.argmap", "*.argdown", "*.ad"]
    mimetypes = ["text/x-argmap", "text/x-argdown"]
    url = "https://argdown.org"

    tokens = {
        "root": [
            (r"\A(===[ \t]*\n)([\s\S]*?\n)(===[ \t]*)$", bygroups(Punctuation, using(YamlLexer), Punctuation)),
            (r"^(#{1,6})([ \t].*?)$", bygroups(Generic.Heading, Generic.Heading)),
            (r"^([ \t]*)(<[+\-_]|[+\-_]>|><|[+\-_])(?=[ \t])", bygroups(Whitespace, Operator)),
            (r"^([ \t]*)(\(\d+\))", bygroups(Whitespace, Number)),
            (r"^([ \t]*)(-{4,})[ \t]*$", bygroups(Whitespace, Keyword)),
            (r"^([ \t]*)(--)((?:[^-\n]|-(?!-))*)(--)[ \t]*$", bygroups(Whitespace, Keyword, Name.Decorator, Keyword)),
            (r"^([ \t]*)(>)([ \t].*)$", bygroups(Whitespace, Punctuation, String.Double)),
            (r"^([ \t]*)(\*|\d+\.)(?=[ \t])", bygroups(Whitespace, Punctuation)),
            include("inline"),
        ],
        "inline": [
            (r"<!--[\s\S]*?-->", Comment.Multiline),
            (r"/\*[\s\S]*?\*/", Comment.Multiline),
            (r"(?<!\S)//.*?$", Comment.Single),
            (r"\[[^\[\]\n]+\]:?", Name.Class),
            (r"<[^<>\n!][^<>\n]*>:?", Name.Function),
            (r"@\[[^\[\]]+\]|@<[^<>]+>", Name.Variable),
            (r"(?<!\S)#\([^)\n]+\)|(?<!\S)#[\w\-]+", Name.Tag),
            (r"\{[^{}\n]*\}", String.Other),
            (r"\*\*.+?\*\*|__.+?__", Generic.Strong),
            (r"\n", Whitespace),
            (r"[^\[<@#{/*_\n]+", Text),
            (r".", Text),
        ],
    }
