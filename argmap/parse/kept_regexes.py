"""The lexer's regular expressions, compiled once per Python version and kept
in the user's cache folder.

Lark's contextual lexer compiles one large regular expression per parser
state (the union of the terminals the state accepts) when the state is first
met, and Python's ``re`` compiles in pure Python: about 15 ms of every
process, a sixth of a short ``argmap export``. What ``re`` makes of a pattern
(``re._compiler._code``) depends only on the pattern and the Python version,
so it is kept in a file and handed to ``_sre.compile`` as ``re.compile``
itself does (the regular expression engine checks the code it is given).
The file is named by the Python version and the engine's format, and
anything unexpected (internals that differ, a cache that cannot be read or
written) falls back to ``re.compile``.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation's re: compile as usual
    _sre = None


def cache_file() -> Path:
    """Where the compiled expressions are kept ($XDG_CACHE_HOME, else ~/.cache)."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "argmap"
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{getattr(_sre, 'MAGIC', 0)}"
    return folder / f"lexer-regexes-{tag}.marshal"


class KeptRegexes:
    """Stands in for the ``re`` module in Lark's lexers, which call only its compile and match."""

    match = staticmethod(re.match)

    def __init__(self, path: Path | None = None):
        self.path = path
        self._kept: dict | None = None  # (pattern, flags) -> what _sre.compile takes after the pattern

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        if _sre is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        kept = self._load()
        key = (pattern, flags)
        arguments = kept.get(key)
        if arguments is not None:
            try:
                return _sre.compile(pattern, *arguments)
            except Exception:  # not what this Python makes after all: make it again
                del kept[key]
        try:
            arguments = _compiled(pattern, flags)
            compiled = _sre.compile(pattern, *arguments)
        except (AssertionError, re.error):  # what re.compile raises (Lark catches AssertionError: too many groups)
            raise
        except Exception:
            return re.compile(pattern, flags)
        kept[key] = arguments
        self._save()
        return compiled

    def _load(self) -> dict:
        if self._kept is None:
            self._kept = {}
            if self.path is None:
                self.path = cache_file()
            try:
                kept = marshal.loads(self.path.read_bytes())
                if isinstance(kept, dict):
                    self._kept = kept
            except (OSError, ValueError, EOFError, TypeError):
                pass
        return self._kept

    def _save(self) -> None:
        # rare (the first runs of a Python version); atomic, so that a
        # process reading the file never sees half of it
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps(self._kept))
            os.replace(temporary, self.path)
        except OSError:
            pass


def _compiled(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile after the pattern (Python 3.11 to 3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses marshal cannot write
    indexgroup = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(indexgroup)
