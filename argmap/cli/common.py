"""What every command shares: exit statuses, the FILES argument, loading and
checking with errors printed, and reporting an error as a diagnostic.

Files are loaded and checked through the public API (:mod:`argmap.api`); only the
check stage is imported, and only when a command loads files.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from ..core.diagnostics import format_all
from ..core.model import ArgumentMap, Diagnostic, Severity

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_TOOL = 3

FILES = click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))

# Set by run(), which ends the process with os._exit: the maps loaded are
# kept here, so no command frees a large map object by object as it returns.
_kept_until_exit: list[ArgumentMap] | None = None


def keep_maps_until_exit() -> None:
    global _kept_until_exit
    _kept_until_exit = []


def load(files: tuple[Path, ...]) -> ArgumentMap:
    from ..api import load as load_files  # the CLI reads, checks and exports through the public API
    from ..build import background

    with background.allowed():  # a one-shot command: a large file is parsed in a second process as it is built
        argument_map = load_files(files)
    if _kept_until_exit is not None:
        _kept_until_exit.append(argument_map)
    return argument_map


def load_checked(files: tuple[Path, ...], strict: bool = False, quiet: bool = False) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Load and check the files; print errors; exit 1 when the input has errors.

    Commands that produce output (export, render, …) show errors in full but
    only count warnings: the full list is what `argmap check` is for.
    """
    from .. import api

    argument_map = load(files)
    diagnostics = api.check(argument_map)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    warnings = len(diagnostics) - len(errors)
    if errors and not quiet:
        click.echo(format_all(errors), err=True)
    if warnings and not quiet:
        click.echo(f"argmap: {warnings} warning{'s' * (warnings != 1)}; `argmap check` lists them", err=True)
    if api.has_errors(diagnostics, strict):
        raise SystemExit(EXIT_INPUT)
    return argument_map, diagnostics


def fail(error: Exception, status: int = EXIT_INPUT) -> NoReturn:
    """Print an ArgmapError like other diagnostics and exit with ``status``."""
    click.echo(format_all([error.diagnostic()]), err=True)
    raise SystemExit(status)


def cannot_write(path: Path | str, error: OSError) -> NoReturn:
    from ..core.errors import ArgmapError

    fail(ArgmapError("cannot-write", hint="check that the directory exists and is writable", file=str(path), reason=error.strerror or str(error)))
