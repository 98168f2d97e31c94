"""Parsing a large text in a second process while this one builds the model.

Parsing (a third of reading a large file) and building (half of it) take
turns in one process. On Linux, with two cores or more, :func:`blocks`
forks a child that parses the text and sends the raw blocks back in
batches as the parse completes them, so the build of the first blocks runs
while the rest is still being parsed. While the parent lags behind (what
it has yet to read piles up in the pipe), the child reads ahead the text of
each ``[Title]: text`` written on its own (:mod:`argmap.build.inline`, a
fifth of the build), which evens out the two processes' shares. The blocks
cross the pipe as plain data (:mod:`argmap.build.raw_data`; ``marshal``, the
fastest serialiser of plain data that Python has) and come out equal, token for token, to what
:func:`argmap.parse.parser.parse_raw` returns, the texts read ahead equal to
what the build reads (tests/build/test_background.py).

Only a text that parses cleanly is sent: on any syntax error, or if the
child fails at all, :class:`NotInBackground` is raised and the caller parses
the text itself (and reports every error as usual). The command line allows
this for its one-shot commands (:func:`allowed`); the library never forks
unless asked, since a host process (a notebook, an editor's server) may run
threads that a fork would not copy.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from typing import Iterator

from .raw_data import block, block_data

# Below this many characters a fork costs more than the overlap saves.
MIN_CHARACTERS = 256_000
# Blocks per message: the first few small so that the build starts early.
FIRST_BATCH, LAST_BATCH = 8, 256
PIPE_BYTES = 1 << 20  # Linux's limit for an unprivileged process
READ_AHEAD_WHEN_UNREAD = 128 << 10  # bytes the parent has yet to read: it is behind

_allowed = False


class NotInBackground(Exception):
    """The text is to be parsed in this process (the child failed, or found a syntax error)."""


@contextlib.contextmanager
def allowed() -> Iterator[None]:
    """Within the block, large texts may be parsed in a forked child (the CLI's one-shot commands)."""
    global _allowed
    before, _allowed = _allowed, True
    try:
        yield
    finally:
        _allowed = before


def worthwhile(text: str) -> bool:
    """Whether :func:`blocks` may parse ``text`` in the background here."""
    if not _allowed or len(text) < MIN_CHARACTERS or not sys.platform.startswith("linux"):
        return False
    import threading

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores > 1 and threading.active_count() == 1  # a fork copies only the calling thread


def blocks(text: str, path: str) -> Iterator:
    """The raw blocks of ``text`` as a child process parses them; raises NotInBackground
    (possibly after some blocks) when this process has to parse the text itself."""
    read_end, write_end = os.pipe()
    try:  # a larger pipe: the child need not wait while this process builds a batch
        import fcntl

        fcntl.fcntl(write_end, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):
        pass
    pid = os.fork()
    if pid == 0:  # the child: parse, send, and leave without running any of the parent's exit handlers
        os.close(read_end)
        try:
            _parse_and_send(text, path, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    return _received(pid, read_end)


# ---------------------------------------------------------------- the child

_BLOCKS, _END, _FAILED = 0, 1, 2
_HEADER_SIZE = 9  # a message: its kind (a byte), then a number (8 bytes, little-endian), then the payload


def _header(kind: int, number: int) -> bytes:
    return bytes((kind,)) + number.to_bytes(8, "little")


def _parse_and_send(text: str, path: str, write_end: int) -> None:
    from ..parse import fast_lalr
    from ..parse.lark_parser import parser
    from ..parse.lines import SOURCE

    with os.fdopen(write_end, "wb", buffering=0) as out:
        sent = 0

        def send(blocks: list) -> None:
            nonlocal sent
            # while the parent has yet to take what was sent before, it is the
            # slower of the two: spend the time reading texts ahead for it
            read_ahead = _unread(write_end) >= READ_AHEAD_WHEN_UNREAD
            payload = marshal.dumps([block_data(b, read_ahead) for b in blocks])
            out.write(_header(_BLOCKS, len(payload)) + payload)
            sent += len(blocks)
            blocks.clear()
            transformer.batch = min(transformer.batch * 4, LAST_BATCH)

        lark = parser(False)
        transformer = lark.options.transformer
        transformer.send_blocks, transformer.batch = send, FIRST_BATCH
        SOURCE.set((path, text))
        try:
            rest = fast_lalr.parse_or_hand_over(lark, text)
            send(rest)
        except BaseException:  # noqa: BLE001 - whatever it is, the parent parses the text itself
            out.write(_header(_FAILED, 0))
            return
        out.write(_header(_END, sent))


def _unread(write_end: int) -> int:
    """How many bytes sent down the pipe the parent has yet to read (0 where the system cannot say)."""
    try:
        import array
        import fcntl
        import termios

        count = array.array("i", [0])
        fcntl.ioctl(write_end, termios.FIONREAD, count)
        return count[0]
    except (ImportError, OSError):
        return 0


# ---------------------------------------------------------------- the parent


def _received(pid: int, read_end: int) -> Iterator:
    finished = False
    try:
        with os.fdopen(read_end, "rb") as received:
            count = 0
            while True:
                header = received.read(_HEADER_SIZE)
                if len(header) < _HEADER_SIZE:
                    raise NotInBackground("the parsing process ended early")
                kind, size = header[0], int.from_bytes(header[1:], "little")
                if kind == _END:
                    if size != count:
                        raise NotInBackground("blocks went missing")
                    finished = True
                    return
                if kind != _BLOCKS:
                    raise NotInBackground("the text has a syntax error, or the parse failed")
                payload = received.read(size)
                if len(payload) < size:
                    raise NotInBackground("the parsing process ended early")
                data = marshal.loads(payload)
                count += len(data)
                for each in data:
                    yield block(each)
    finally:
        if not finished:  # the caller stopped early, or the child failed: it has nothing more to say
            try:
                import signal

                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)


