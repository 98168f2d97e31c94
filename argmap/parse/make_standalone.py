"""Makes :mod:`argmap.parse.lark_standalone` from grammar/argmap.lark with Lark's
standalone generator (``make parser``, or ``python -m argmap.parse.make_standalone``).

Needs the ``lark`` package (a development dependency); nothing imports this
module at run time. Two things the plain ``python -m lark.tools.standalone``
does not do: keep the terminals only the post-lexer reads (Lark drops a
terminal no rule uses unless the parser is built with a post-lexer that asks
for it), and number the parse table's states and tokens the same way every
time (Lark's own numbering follows set and dict order, which changes from run
to run), so that a regenerated module equals the committed one byte for byte
when the grammar has not changed: tests/parse/test_standalone.py checks it.

It also leaves out imports that every ``argmap`` process would pay for and
none needs (see _WITHOUT_IMPORTS): ``logging``, from which Lark's logger is
made when first used instead; ``pickle, zlib, base64``, which only compressed
tables and Lark.save/load use; and ``regex`` (9 ms where it is installed),
which Lark uses only for grammars with Unicode categories.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = ROOT / "grammar" / "argmap.lark"
MODULE = Path(__file__).resolve().with_name("lark_standalone.py")

# The terminals argmap.parse.lines.LineStructure reads (its always_accept; a
# test checks that the two agree). Not imported from there: that module needs
# the one this script makes.
POST_LEXER_TERMINALS = ("_NL", "LEADING_SPACE")


class _PostLexerTerminals:
    """Stands in for the post-lexer while the tables are made: only its always_accept is read."""

    always_accept = POST_LEXER_TERMINALS

    def process(self, stream):
        return stream


HEADER = "# Made by argmap/parse/make_standalone.py (`make parser`) from grammar/argmap.lark: do not edit.\n"

_LAZY_LOGGER = '''class _LarkLogger:
    """Lark's logger, set up as Lark sets it up, when first used (argmap: logging is not imported otherwise)."""

    def __getattr__(self, name):
        global logger
        import logging
        logger = logging.getLogger("lark")
        logger.addHandler(logging.StreamHandler())
        logger.setLevel(logging.CRITICAL)
        return getattr(logger, name)


logger = _LarkLogger()
'''

# (text the generator writes, what this script writes instead), in this order; each must be found exactly once
_WITHOUT_IMPORTS = (
    ("import logging\n", ""),
    ("logger.setLevel(logging.CRITICAL)\n", ""),
    ('logger: logging.Logger = logging.getLogger("lark")\nlogger.addHandler(logging.StreamHandler())\n', _LAZY_LOGGER),
    (
        "try:\n    import regex\n    _has_regex = True\nexcept ImportError:\n    _has_regex = False\n",
        "_has_regex = False  ##  argmap: the grammar has no Unicode categories (\\p{...}), which Lark needs the regex module for\n",
    ),
    ("import pickle, zlib, base64\n", "##  argmap: not imported; the tables below are not compressed, and Lark.save/load are not used\n"),
)


def _without_imports(source: str) -> str:
    for old, new in _WITHOUT_IMPORTS:
        if source.count(old) != 1:
            raise SystemExit(f"make_standalone: Lark's generator no longer writes {old!r} once; update _WITHOUT_IMPORTS")
        source = source.replace(old, new)
    return source


def _number_states_in_order(parse_table) -> None:
    """Renumber the LALR states breadth first from the start state, following tokens in name order."""
    order: dict[int, int] = {}
    queue = [state for _, state in sorted(parse_table.start_states.items())]
    for state in queue:
        if state in order:
            continue
        order[state] = len(order)
        for token in sorted(parse_table.states[state]):
            action, target = parse_table.states[state][token]
            if action.name == "Shift":
                queue.append(target)
    order.update((state, len(order) + i) for i, state in enumerate(s for s in parse_table.states if s not in order))
    parse_table.states = {
        order[state]: {
            token: (action, order[target] if action.name == "Shift" else target)
            for token, (action, target) in sorted(actions.items())
        }
        for state, actions in sorted(parse_table.states.items(), key=lambda item: order[item[0]])
    }
    parse_table.start_states = {start: order[state] for start, state in parse_table.start_states.items()}
    parse_table.end_states = {start: order[state] for start, state in parse_table.end_states.items()}


def standalone_source(grammar: Path = GRAMMAR) -> str:
    """The text of lark_standalone.py for ``grammar``."""
    from lark import Lark
    from lark.tools.standalone import gen_standalone

    parser = Lark(
        grammar.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        postlex=_PostLexerTerminals(),
        propagate_positions=False,
        maybe_placeholders=False,
    )
    parser.options.postlex = None  # given again at run time (argmap.parse.lark_parser); not data
    _number_states_in_order(parser.parser.parser._parse_table)
    out = io.StringIO()
    gen_standalone(parser, out=out)
    return HEADER + _without_imports(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("-o", "--output", type=Path, default=MODULE, help=f"where to write it (default: {MODULE.relative_to(ROOT)})")
    args = options.parse_args(argv)
    args.output.write_text(standalone_source(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
