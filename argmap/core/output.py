"""Writing outputs atomically: a failed write never leaves a half file behind.

An output never replaces one of the inputs, a device or anything else that is
not a regular file; a symbolic link is followed, so its target is written and
the link stays. The temporary file beside the output names the process that
writes it (``.NAME.argmap-PID-XXXXXXXX.tmp``): one left by a killed run is
removed by the next write to the same output, and SIGTERM or SIGHUP during a
write removes its own.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import threading
from collections.abc import Iterable
from pathlib import Path

from .errors import ArgmapError

_TEMPORARY = re.compile(r"\.(?P<name>.+)\.argmap-(?P<pid>\d+)-[0-9a-f]{8}\.tmp")


def write_atomic(path: str | Path, data: bytes | str, inputs: Iterable[str | Path] = ()) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    Raises ArgmapError("cannot-write") when the file cannot be written, and
    ArgmapError("output-is-input") or ("output-not-regular") when ``path`` is
    one of ``inputs`` or exists as something other than a regular file; the
    old file, if any, is then untouched.
    """
    target = Path(os.path.realpath(path))  # through symbolic links: the link stays, its target is written
    _check_target(path, target, inputs)
    try:
        _write_atomic(target, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise ArgmapError(
            "cannot-write", hint="check that the directory exists and is writable", file=str(path), reason=exc.strerror or str(exc)
        ) from exc


def _check_target(path: str | Path, target: Path, inputs: Iterable[str | Path]) -> None:
    try:
        status = os.stat(target)
    except OSError:
        return  # a new file (or a directory that does not exist: the write says so)
    if not stat.S_ISREG(status.st_mode):
        raise ArgmapError("output-not-regular", hint="name a regular file, or leave out -o to write to standard output", file=str(path))
    for name in inputs:
        try:
            same = os.path.samefile(name, target)
        except OSError:
            continue
        if same:
            raise ArgmapError("output-is-input", hint="write the result to another file with -o", file=str(path))


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new file ``.NAME.argmap-PID-XXXXXXXX.tmp`` beside ``target``, open for writing, as tempfile.mkstemp makes it.

    Not tempfile itself: importing it (with shutil, random, bz2, lzma) cost
    a tenth of what a small `argmap export -o` does.
    """
    directory = target.parent if str(target.parent) else Path(".")
    while True:
        temporary = os.path.join(directory, f".{target.name}.argmap-{os.getpid()}-{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), temporary
        except FileExistsError:
            continue


def remove_stale_temporaries(target: Path) -> None:
    """Remove the temporary files of ``target`` left by runs that were killed (their process is gone)."""
    directory = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}.argmap-"
    try:
        names = [name for name in os.listdir(directory) if name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        match = _TEMPORARY.fullmatch(name)
        if match and match.group("name") == target.name and not _alive(int(match.group("pid"))):
            try:
                os.unlink(os.path.join(directory, name))
            except OSError:
                pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid: leave its file alone
    return True


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during a write: unwind (removing the temporary file), then die of it."""


def _write_atomic(target: Path, data: bytes) -> None:
    remove_stale_temporaries(target)
    with _signals_unwind():
        fd, temporary = _temporary_beside(target)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists():
                os.chmod(temporary, target.stat().st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class _signals_unwind:
    """While a temporary file exists, SIGTERM and SIGHUP raise _Terminated; on the way out they are re-sent."""

    SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)

    def __enter__(self):
        self.previous: dict = {}
        self.caught: int | None = None
        if threading.current_thread() is not threading.main_thread():
            return self  # only the main thread may set handlers
        for number in self.SIGNALS:
            previous = signal.getsignal(number)
            if previous is signal.SIG_DFL:  # a handler someone set is theirs to run
                self.previous[number] = previous
                signal.signal(number, self._raise)
        return self

    def _raise(self, number, _frame):
        self.caught = number
        raise _Terminated()

    def __exit__(self, kind, _value, _traceback):
        for number, previous in self.previous.items():
            signal.signal(number, previous)
        if self.caught is not None:  # the temporary file is gone: die of the signal as we would have
            os.kill(os.getpid(), self.caught)
        return False
