"""What fmt compares and reports with the full pipeline: a document's meaning (its exports) and its syntax errors.

The pipeline (build, merge, export) is imported only when it is needed: most
files are formatted without it.
"""

from __future__ import annotations

from ..core.errors import ArgmapError
from ..core.model import Diagnostic, Severity

# Parse-stage error codes (argmap/parse.py and the front-matter check of build.py).
SYNTAX_CODES = frozenset(
    {
        "unexpected-token",
        "unexpected-char",
        "unexpected-end",
        "mixed-indentation",
        "relation-without-parent",
        "relation-after-blank",
        "unterminated-front-matter",
        "unterminated-comment",
        "too-deep",
        "text-after-quote",
        "quote-without-element",
    }
)


def syntax_errors(text: str, path: str, first: ArgmapError) -> list[Diagnostic]:
    """Every syntax error of the file (parse_document goes on paragraph by paragraph)."""
    from ..build.document import parse_document

    found = [d for d in parse_document(text, path).diagnostics if d.severity is Severity.ERROR and d.code in SYNTAX_CODES]
    return found or [first.diagnostic()]


def meaning(text: str, path: str) -> tuple[str, str, list[str]]:
    """What a document means: argmap's JSON, Argdown's JSON and its error codes.

    Two texts that fmt may exchange must give the same three, read under the
    same ``path`` (the JSON names the file, and articles are found from it).
    """
    from ..build.document import parse_document

    return _meaning_of(parse_document(text, path))


def meaning_of_blocks(blocks: list, text: str, path: str) -> tuple[str, str, list[str]]:
    """:func:`meaning` of ``text`` from the raw blocks fmt parsed it into, without parsing it again; uses ``blocks`` up.

    The build reads the blocks of ``parse_raw(..., split_lines=True)`` as it
    reads the unsplit ones (tests/fmt/test_meaning.py checks this on every
    fixture), so the result is that of ``meaning(text, path)`` for any text
    that parses; a 5 MB file is then parsed twice by fmt, not three times.
    """
    from ..build.document import build_document
    from ..core.collector import gc_paused

    with gc_paused():
        return _meaning_of(build_document(blocks, path, text))


def _meaning_of(document) -> tuple[str, str, list[str]]:
    from ..interchange.argdown_json import to_argdown_json
    from ..interchange.canonical import to_json
    from ..merge.combine import merge

    errors = sorted(d.code for d in document.diagnostics if d.severity is Severity.ERROR)
    return to_json(merge([document])), to_argdown_json(document), errors
