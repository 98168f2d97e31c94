"""A large text parsed in a forked child (argmap/build/background.py) gives what a
parse in the process gives: the same raw blocks, token for token, the same
document; and on a syntax error or a failed child, the errors a parse here reports."""

import os
import sys
import threading
from pathlib import Path

import pytest

from argmap.build.document import parse_document
from argmap.build.inline import inline_text
from argmap.parse.raw import RawElement
from argmap.build import background
from argmap.parse.parser import parse_raw

from tests.parse.test_fast_lalr import BAD, GOOD, _plain

ROOT = Path(__file__).resolve().parents[2]
needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="argmap parses in the background on Linux only")


def _generated(statements: int) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import document
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return document(statements)


@pytest.fixture
def any_size(monkeypatch):
    """Parse every text in the background, however small."""
    monkeypatch.setattr(background, "MIN_CHARACTERS", 0)
    with background.allowed():
        yield


@needs_fork
@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_the_same_blocks_as_a_parse_here(path, any_size):
    text = path.read_text(encoding="utf-8-sig")
    assert _plain(list(background.blocks(text, "doc.argmap"))) == _plain(parse_raw(text, "doc.argmap"))


def _elements(blocks: list):
    for block in blocks:
        stack = [block]
        while stack:
            node = stack.pop()
            for name in getattr(node, "__slots__", ()):
                value = getattr(node, name)
                stack.extend(value if isinstance(value, list) else [value])
            if isinstance(node, RawElement):
                yield node


@needs_fork
@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_texts_read_ahead_are_read_as_the_build_reads_them(path, any_size, monkeypatch):
    """Every `[Title]: text` written on its own is read ahead (here, however little the parent lags
    behind), but where reading it has something to report."""
    monkeypatch.setattr(background, "READ_AHEAD_WHEN_UNREAD", 0)
    text = path.read_text(encoding="utf-8-sig")
    for element in _elements(list(background.blocks(text, "doc.argmap"))):
        head = element.head
        if head is None or element.inline or head.type not in ("STATEMENT_WITH_TEXT", "ARGUMENT_WITH_TEXT"):
            assert element.read is None
            continue
        first = head.value[head.value.index("]:" if head.value[0] == "[" else ">:") + 2 :].lstrip(" \t")  # as the markup says
        reported: list = []
        read = inline_text([], "doc.argmap", reported, head, first)
        assert element.read == (None if reported else read[:3])


@needs_fork
@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_a_text_with_errors_is_parsed_here_with_every_error(path, any_size):
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    try:
        expected = _plain(parse_raw(text, "doc.argmap"))
    except Exception:  # noqa: BLE001 - the child must hand such a text back
        with pytest.raises(background.NotInBackground):
            list(background.blocks(text, "doc.argmap"))
    else:
        assert _plain(list(background.blocks(text, "doc.argmap"))) == expected
    document = parse_document(text, "doc.argmap")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(background, "_allowed", False)
        assert document == parse_document(text, "doc.argmap")


@needs_fork
@pytest.mark.parametrize("read_ahead_when_unread", [0, 1 << 40], ids=["texts read ahead", "texts read here"])
def test_a_large_generated_document_in_many_batches(any_size, monkeypatch, read_ahead_when_unread):
    monkeypatch.setattr(background, "READ_AHEAD_WHEN_UNREAD", read_ahead_when_unread)
    text = _generated(3000)
    assert len(text) > 500_000
    assert _plain(list(background.blocks(text, "big.argdown"))) == _plain(parse_raw(text, "big.argdown"))
    in_background = parse_document(text, "big.argdown")
    background._allowed = False
    assert in_background == parse_document(text, "big.argdown")
    assert len(in_background.statements) > 3000


@needs_fork
def test_a_syntax_error_far_down_a_large_file_is_reported_as_usual(any_size):
    text = _generated(2000) + "\n\n[Broken: a title left open\n  + [S1]\n"
    document = parse_document(text, "big.argdown")
    errors = [d for d in document.diagnostics if d.severity.value == "error"]
    assert [e.code for e in errors] == ["unclosed-bracket"]
    assert errors[0].span.line == text.count("\n") - 1
    background._allowed = False
    assert document == parse_document(text, "big.argdown")


@needs_fork
def test_a_child_that_dies_leaves_the_parse_to_this_process(any_size, monkeypatch):
    monkeypatch.setattr(background, "_parse_and_send", lambda *args: os._exit(3))
    text = _generated(200)
    with pytest.raises(background.NotInBackground):
        list(background.blocks(text, "doc.argdown"))
    assert parse_document(text, "doc.argdown").statements  # parsed here instead


def test_only_where_allowed_large_and_single_threaded(monkeypatch):
    large = "[A]: a\n\n" * (background.MIN_CHARACTERS // 8 + 1)
    assert not background.worthwhile(large)  # the library never forks unless asked
    with background.allowed():
        assert not background.worthwhile("[A]: a")
        assert background.worthwhile(large) == (sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1)
        stop = threading.Event()
        worker = threading.Thread(target=stop.wait)
        worker.start()
        try:
            assert not background.worthwhile(large)  # a fork would copy this thread only
        finally:
            stop.set()
            worker.join()
    assert not background.worthwhile(large)


def test_untitled_elements_are_numbered_in_this_process(any_size):
    text = "Untitled text\n\n" + _generated(50)  # Argdown's name for untitled elements: parsed here
    assert parse_document(text, "doc.argdown").statements[0].title == "Untitled 1"
