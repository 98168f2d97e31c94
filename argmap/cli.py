"""The command line: a thin click layer over the library.

Exit status: 0 success, 1 errors in the input (or warnings with --strict),
2 usage errors (click's own), 3 a missing tool (Graphviz's dot).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import check as checks
from .diagnostics import as_json, format_all
from .export import to_json
from .merge import load
from .model import ArgumentMap, Diagnostic, Severity
from .output import write_atomic

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_TOOL = 3

FILES = click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))


def load_checked(files: tuple[Path, ...], strict: bool = False, quiet: bool = False) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Load and check the files; print diagnostics; exit 1 when the input has errors."""
    argument_map = load(files)
    diagnostics = checks.check(argument_map)
    if diagnostics and not quiet:
        click.echo(format_all(diagnostics), err=True)
    if checks.has_errors(diagnostics, strict):
        raise SystemExit(EXIT_INPUT)
    return argument_map, diagnostics


def summary(argument_map: ArgumentMap, diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len(argument_map.documents)
    return (
        f"{files} file{'s' * (files != 1)}: {len(argument_map.statements)} statements, "
        f"{len(argument_map.arguments)} arguments, {len(argument_map.relations)} relations, "
        f"{len(argument_map.sources)} sources; {errors} errors, {warnings} warnings"
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="argmap")
def main() -> None:
    """Map a public debate from Argdown-flavoured argument files."""


@main.command()
@FILES
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="How to print diagnostics.")
def check(files: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """Check argument files: syntax, references, quotes against their articles."""
    argument_map = load(files)
    diagnostics = checks.check(argument_map)
    failed = checks.has_errors(diagnostics, strict)
    if fmt == "json":
        click.echo(as_json(diagnostics), nl=False)
    else:
        if diagnostics:
            click.echo(format_all(diagnostics), err=True)
        if not failed:
            click.echo(summary(argument_map, diagnostics))
    if failed:
        raise SystemExit(EXIT_INPUT)


@main.command()
@FILES
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
def export(files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Export the merged map of the files as canonical JSON."""
    argument_map, _ = load_checked(files)
    text = to_json(argument_map)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
