"""`argmap check`, `argmap export` and `argmap stats`: the commands that read the
merged map and print about it. None of them imports drawing code."""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_INPUT, FILES, load, load_checked


def summary(argument_map, diagnostics) -> str:
    from ..core.model import Severity

    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len(argument_map.documents)
    return (
        f"{files} file{'s' * (files != 1)}: {len(argument_map.statements)} statements, "
        f"{len(argument_map.arguments)} arguments, {len(argument_map.relations)} relations, "
        f"{len(argument_map.sources)} sources; {errors} errors, {warnings} warnings"
    )


@click.command()
@FILES
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="How to print diagnostics.")
def check(files: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """Check argument files: syntax, references, quotes against their articles."""
    from .. import api
    from ..core.diagnostics import as_json, format_all

    argument_map = load(files)
    diagnostics = api.check(argument_map)
    failed = api.has_errors(diagnostics, strict)
    if fmt == "json":
        click.echo(as_json(diagnostics), nl=False)
    else:
        if diagnostics:
            click.echo(format_all(diagnostics), err=True)
        if not failed:
            click.echo(summary(argument_map, diagnostics))
    if failed:
        raise SystemExit(EXIT_INPUT)


@click.command()
@FILES
@click.option("--format", "fmt", type=click.Choice(["json", "argdown-json", "aif"]), default="json", show_default=True, help="Export format: argmap's canonical JSON, one file in the shape of Argdown's `argdown json`, or AIF JSON for the argumentation research tools (docs/aif.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
def export(files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Export the merged map of the files as canonical JSON, AIF JSON (or one file as Argdown's JSON)."""
    if fmt == "argdown-json" and len(files) != 1:
        raise click.UsageError("--format argdown-json exports exactly one file")
    argument_map, _ = load_checked(files)
    if fmt == "argdown-json":
        from ..interchange.argdown_json import to_argdown_json_bytes

        data = to_argdown_json_bytes(argument_map.documents[0])
    elif fmt == "aif":
        from ..interchange.aif_write import to_aif_bytes

        data = to_aif_bytes(argument_map)
    else:
        from ..interchange.canonical import to_json_bytes

        data = to_json_bytes(argument_map)
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stdout as they are
    else:
        from ..core.output import write_atomic

        write_atomic(output, data, inputs=files)


@click.command()
@FILES
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
def stats(files: tuple[Path, ...], fmt: str) -> None:
    """Count what each source says and how the positions support and attack each other."""
    from ..analyse.stats import statistics, to_json, to_text

    argument_map, _ = load_checked(files)
    report = statistics(argument_map)
    click.echo(to_json(report) if fmt == "json" else to_text(report), nl=False)
