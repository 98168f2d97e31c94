"""The one Lark parser of the process: the grammar, LALR with the contextual
lexer, the line-structure post-lexer and the raw-block transformer, built once
(per ``split_lines``) and cached.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lark import Lark

from .lines import LineStructure
from .transformer import ToRaw, ToRawTokens


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
        transformer=ToRawTokens() if split_lines else ToRaw(),
        propagate_positions=False,
        maybe_placeholders=False,
        cache=True,  # Lark stores the LALR tables in the temp dir, keyed by grammar and options
    )
