"""The one Lark parser of the process: the grammar's LALR tables with the
contextual lexer, the line-structure post-lexer and the raw-block
transformer, built once (per ``split_lines``) and cached.

The tables and Lark's run-time code come from :mod:`argmap.parse.lark_standalone`,
which Lark's standalone generator makes from grammar/argmap.lark (``make
parser``; tests/parse/test_standalone.py fails when it is stale). So no
process imports the ``lark`` package, compiles the grammar or reads a table
cache: that was a quarter of a short run. The lexers' regular expressions
are compiled through :mod:`argmap.parse.kept_regexes`, which keeps them
between processes.
"""

from __future__ import annotations

import functools

from .kept_regexes import KeptRegexes
from .lark_standalone import Lark, Lark_StandAlone
from .lines import LineStructure
from .transformer import ToRaw, ToRawTokens

_REGEXES = KeptRegexes()


@functools.lru_cache(maxsize=2)
def parser(split_lines: bool = False) -> Lark:
    lark = Lark_StandAlone(postlex=LineStructure(), transformer=ToRawTokens() if split_lines else ToRaw())
    contextual = lark.parser.lexer.lexer  # behind the post-lexer
    for lexer in (*contextual.lexers.values(), contextual.root_lexer):
        lexer.re = _REGEXES  # each builds its scanner on first use, with lexer.re.compile
    return lark
