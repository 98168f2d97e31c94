"""The parser module Lark's standalone generator makes from the grammar
(argmap/parse/lark_standalone.py, committed) and the lexer's kept regular
expressions (argmap/parse/kept_regexes.py)."""

import re
import subprocess
import sys

import pytest

from argmap.parse import make_standalone
from argmap.parse.kept_regexes import KeptRegexes
from argmap.parse.lark_parser import parser
from argmap.parse.lines import LineStructure


def test_the_committed_parser_module_is_made_from_the_grammar():
    made = make_standalone.standalone_source()
    committed = make_standalone.MODULE.read_text(encoding="utf-8")
    assert made == committed, "argmap/parse/lark_standalone.py is stale: run `make parser` (or python -m argmap.parse.make_standalone)"


def test_the_generator_keeps_the_terminals_the_post_lexer_reads():
    assert make_standalone.POST_LEXER_TERMINALS == LineStructure.always_accept


def test_parsing_imports_neither_lark_nor_what_only_lark_needed():
    code = (
        "import sys\n"
        "from argmap.parse.parser import parse_raw\n"
        "parse_raw('[A]: a\\n  + [B]: b\\n', 'x.argmap')\n"
        "print(sorted({'lark', 'logging', 'pickle', 'regex', 'tempfile'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _lexer_patterns() -> list[str]:
    contextual = parser().parser.lexer.lexer
    patterns = set()
    for lexer in {*contextual.lexers.values(), contextual.root_lexer}:
        patterns.update(compiled.pattern for compiled in lexer.scanner._mres)
    return sorted(patterns)


def test_every_lexer_compiles_through_kept_regexes():
    contextual = parser().parser.lexer.lexer
    assert all(isinstance(lexer.re, KeptRegexes) for lexer in (*contextual.lexers.values(), contextual.root_lexer))


def test_kept_regexes_are_what_re_compiles(tmp_path):
    path = tmp_path / "kept.marshal"
    patterns = _lexer_patterns()
    made = [KeptRegexes(path).compile(p) for p in patterns]  # compiled and written
    assert path.exists()
    kept = [KeptRegexes(path).compile(p) for p in patterns]  # read back by another "process"
    for pattern, first, again in zip(patterns, made, kept):
        expected = re.compile(pattern)
        assert first == expected and again == expected  # a Pattern equals another with the same code and flags
        assert again.groupindex == expected.groupindex


def test_a_broken_or_unwritable_cache_falls_back_to_re(tmp_path):
    broken = tmp_path / "kept.marshal"
    broken.write_bytes(b"\x00not marshal")
    assert KeptRegexes(broken).compile(r"(?P<A>a+)|b") == re.compile(r"(?P<A>a+)|b")
    unwritable = tmp_path / "file" / "kept.marshal"
    (tmp_path / "file").write_text("a file where the folder would be")
    assert KeptRegexes(unwritable).compile(r"x{2}") == re.compile(r"x{2}")


def test_kept_regexes_raise_what_re_raises(tmp_path):
    with pytest.raises(re.error):
        KeptRegexes(tmp_path / "kept.marshal").compile(r"(unclosed")
