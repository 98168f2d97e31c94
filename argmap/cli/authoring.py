"""`argmap fmt` and `argmap embed`: rewriting argument files in the canonical
layout, and Markdown documents with their maps drawn in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_INPUT, EXIT_TOOL, EXIT_USAGE, cannot_write, fail


@click.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The Markdown to write; the maps go to OUTPUT_files/ beside it.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True, help="Seconds to wait for Graphviz's dot, per map.")
def embed(document: Path, output: Path, strict: bool, timeout: float) -> None:
    """Replace the ```argmap blocks of a Markdown document by drawn maps.

    A block holds markup, or names files with file=PATH (relative to the
    document; globs allowed), plus render options: focus= depth= group-by=
    position= source= pcs labels= wrap= rankdir= no-legend theme= width= alt=
    caption=.
    Maps go to OUTPUT_files/argmap-<hash>.svg; the document is never modified.
    """
    from ..core.diagnostics import format_all
    from ..draw.graphviz import GraphvizError
    from ..embed.markdown import has_errors, plan, write

    planned = plan(document, output)
    if planned.diagnostics:
        click.echo(format_all(planned.diagnostics), err=True)
    if any(d.code == "embed-same-file" for d in planned.diagnostics):
        raise SystemExit(EXIT_USAGE)
    if has_errors(planned.diagnostics, strict):
        raise SystemExit(EXIT_INPUT)
    try:
        written = write(planned, timeout)
    except GraphvizError as error:
        fail(error, EXIT_TOOL)
    except OSError as error:
        cannot_write(error.filename or output, error)
    maps = len(planned.maps)
    click.echo(
        f"wrote {output}: {maps} map{'s' * (maps != 1)} in {planned.assets}/ ({len(written.drawn)} drawn, {len(written.kept)} unchanged"
        + (f", {len(written.removed)} stale removed" if written.removed else "") + ")",
        err=True,
    )


@click.command("fmt")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("--check", is_flag=True, help="Write nothing; show a diff and exit 1 when a file is not formatted.")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; show what formatting would change.")
def fmt(files: tuple[str, ...], check: bool, show_diff: bool) -> None:
    """Rewrite argument files in the canonical layout, keeping comments and quotes.

    Files are replaced atomically, and only when they change; '-' reads
    standard input and writes standard output. The layout never changes what
    a file means. Files with syntax errors are reported and left as they are.
    Exit status: 1 errors, or with --check a file that is not formatted.
    """
    failed = unformatted = rewritten = 0
    for name in files:
        outcome = _format_one(name, check or show_diff)
        failed += outcome == "failed"
        unformatted += outcome == "unformatted"
        rewritten += outcome == "rewritten"
    if check and unformatted:
        click.echo(f"argmap fmt: {unformatted} file{'s' * (unformatted != 1)} would be reformatted", err=True)
    elif not (check or show_diff) and files != ("-",):
        kept = len(files) - rewritten - failed
        click.echo(f"argmap fmt: {rewritten} reformatted, {kept} unchanged" + (f", {failed} with errors" if failed else ""), err=True)
    if failed or (check and unformatted):
        raise SystemExit(EXIT_INPUT)


def _format_one(name: str, only_diff: bool) -> str:
    """Format one file (or stdin); say what happened: failed, unformatted, rewritten or unchanged."""
    from ..core.diagnostics import format_all
    from ..core.output import write_atomic
    from ..fmt.formatter import FormatError, format_text, unified_diff

    path = "<stdin>" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        text = data.decode("utf-8")  # format_text drops a byte-order mark
    except OSError as exc:
        click.echo(f"{path}: error: cannot read the file: {exc.strerror or exc}", err=True)
        return "failed"
    except UnicodeDecodeError:
        click.echo(f"{path}: error: the file is not UTF-8 text", err=True)
        return "failed"
    try:
        # --check and --diff write nothing: the layout's meaning check (a second
        # parse) is only needed before a file is rewritten
        formatted = format_text(text, path, verify=not only_diff)
    except FormatError as error:
        click.echo(format_all(error.diagnostics), err=True)
        return "failed"
    changed = formatted.encode("utf-8") != data
    if only_diff:
        if changed:
            click.echo(unified_diff(text, formatted, path), nl=False)
        return "unformatted" if changed else "unchanged"
    if name == "-":
        click.echo(formatted, nl=False)
        return "unchanged"
    if not changed:
        return "unchanged"
    try:
        write_atomic(name, formatted)
    except OSError as error:
        click.echo(f"{path}: error: cannot write the file: {error.strerror or error}", err=True)
        return "failed"
    click.echo(f"reformatted {path}", err=True)
    return "rewritten"
