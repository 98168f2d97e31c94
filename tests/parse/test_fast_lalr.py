"""The inlined LALR run (argmap/parse/fast_lalr.py) gives what Lark's own run gives:
the same raw blocks, token for token, and Lark's own errors on bad input."""

import sys
from pathlib import Path

import pytest

from argmap.core.errors import ArgmapError
from argmap.parse import fast_lalr
from argmap.parse.lark_parser import parser
from argmap.parse.lark_standalone import Token, UnexpectedInput
from argmap.parse.lines import SOURCE

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
GOOD = sorted((HERE / "good").glob("*.argmap")) + sorted((ROOT / "examples").glob("*/*.argmap"))
BAD = sorted((HERE / "bad").glob("*.argmap"))


def _plain(node):
    """Raw blocks as nested tuples, tokens with every place."""
    if isinstance(node, Token):
        return ("Token", node.type, node.value, node.start_pos, node.line, node.column, node.end_line, node.end_column, node.end_pos)
    if isinstance(node, (list, tuple)):
        return tuple(_plain(n) for n in node)
    if hasattr(node, "__slots__"):  # but a text read ahead by a background parse (tests/build/test_background.py)
        return (type(node).__name__, *(_plain(getattr(node, name)) for name in node.__slots__ if name != "read"))
    return node


def _both(text: str, split_lines: bool):
    """(fast run, Lark's run): each the raw blocks or ("error", type, message)."""
    results = []
    for run in (fast_lalr.parse, lambda lark, text: lark.parse(text)):
        token = SOURCE.set(("doc.argmap", text))
        try:
            results.append(_plain(run(parser(split_lines), text)))
        except ArgmapError as exc:  # the post-lexer's or the transformer's
            results.append(("error", exc.diagnostic()))
        except UnexpectedInput as exc:
            results.append(("error", type(exc).__name__, str(exc), exc.line, exc.column))
        finally:
            SOURCE.reset(token)
    return results


@pytest.mark.parametrize("split_lines", [False, True])
@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_the_same_blocks_as_lark(path, split_lines):
    fast, lark = _both(path.read_text(encoding="utf-8-sig"), split_lines)
    assert fast == lark


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_the_same_result_or_error_on_bad_input(path):
    fast, lark = _both(path.read_text(encoding="utf-8-sig", errors="replace"), False)
    assert fast == lark


def test_a_generated_document():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import document
    finally:
        sys.path.remove(str(ROOT / "bench"))
    fast, lark = _both(document(300), False)
    assert fast == lark
    assert fast[0] != "error"
