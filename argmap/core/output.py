"""Writing outputs atomically: a failed write never leaves a half file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ArgmapError


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    Raises ArgmapError("cannot-write") when the file cannot be written; the
    old file, if any, is then untouched.
    """
    try:
        _write_atomic(Path(path), data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise ArgmapError(
            "cannot-write", hint="check that the directory exists and is writable", file=str(path), reason=exc.strerror or str(exc)
        ) from exc


def _write_atomic(target: Path, data: bytes) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
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
