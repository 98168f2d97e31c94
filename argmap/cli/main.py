"""The command line: a thin click layer over the library.

Exit status: 0 success, 1 errors in the input (or warnings with --strict),
2 usage errors (click's own), 3 a missing tool (Graphviz's dot).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from ..check import checks as checks
from ..core.diagnostics import as_json, format_all
from ..interchange.canonical import to_json_bytes
from ..merge.combine import load
from ..core.model import ArgumentMap, Diagnostic, Severity
from ..core.output import write_atomic

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_TOOL = 3

FILES = click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))


def load_checked(files: tuple[Path, ...], strict: bool = False, quiet: bool = False) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Load and check the files; print errors; exit 1 when the input has errors.

    Commands that produce output (export, render, …) show errors in full but
    only count warnings: the full list is what `argmap check` is for.
    """
    argument_map = _load(files)
    diagnostics = checks.check(argument_map)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    warnings = len(diagnostics) - len(errors)
    if errors and not quiet:
        click.echo(format_all(errors), err=True)
    if warnings and not quiet:
        click.echo(f"argmap: {warnings} warning{'s' * (warnings != 1)}; `argmap check` lists them", err=True)
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


# Set by run(), which ends the process with os._exit: the maps loaded are
# kept here, so no command frees a large map object by object as it returns.
_KEPT_UNTIL_EXIT: list[ArgumentMap] | None = None


def _load(files: tuple[Path, ...]) -> ArgumentMap:
    argument_map = load(files)
    if _KEPT_UNTIL_EXIT is not None:
        _KEPT_UNTIL_EXIT.append(argument_map)
    return argument_map


def run() -> None:
    """The `argmap` command (and `python -m argmap`): main(), then a quick exit.

    A large map is hundreds of thousands of small objects. Freeing them one
    by one as the interpreter shuts down took 5% of a whole run at 20 000
    statements, and the operating system takes the memory back at once
    anyway; so once the output is flushed, the process ends without that
    teardown. Tests and library users call main() and keep the usual exit.
    """
    global _KEPT_UNTIL_EXIT
    _KEPT_UNTIL_EXIT = []
    try:
        main(prog_name="argmap")
        status = 0
    except SystemExit as exit:
        status = _exit_status(exit.code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # e.g. `argmap export … | head` closed the pipe: nothing more to say
        pass
    os._exit(status)


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # as Python does for sys.exit("message")
    return 1


class _Commands(click.Group):
    """Every command reports our errors the same way: a diagnostic and exit status 1."""

    def invoke(self, ctx: click.Context):
        from ..core.errors import ArgmapError

        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            click.echo(format_all([error.diagnostic()]), err=True)
            ctx.exit(EXIT_INPUT)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="argmap")
def main() -> None:
    """Map a public debate from Argdown-flavoured argument files."""
    # One short run: reference counting frees what argmap drops, and the cyclic
    # collector would only rescan the parsed map over and over (a third of the
    # time at 20 000 statements, growing faster than the file).
    gc.disable()


@main.command()
@FILES
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="How to print diagnostics.")
def check(files: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """Check argument files: syntax, references, quotes against their articles."""
    argument_map = _load(files)
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
@click.option("--format", "fmt", type=click.Choice(["json", "argdown-json"]), default="json", show_default=True, help="Export format: argmap's canonical JSON, or one file in the shape of Argdown's `argdown json`.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
def export(files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Export the merged map of the files as canonical JSON (or one file as Argdown's JSON)."""
    if fmt == "argdown-json" and len(files) != 1:
        raise click.UsageError("--format argdown-json exports exactly one file")
    argument_map, _ = load_checked(files)
    if fmt == "argdown-json":
        from ..interchange.argdown_json import to_argdown_json_bytes

        data = to_argdown_json_bytes(argument_map.documents[0])
    else:
        data = to_json_bytes(argument_map)
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stdout as they are
    else:
        write_atomic(output, data)


# ---------------------------------------------------------------- render and stats
# Their modules are imported when the command runs: `check` needs no Graphviz.


def _report(error: Exception, status: int) -> None:
    """Print an ArgmapError like other diagnostics and exit with ``status``."""
    click.echo(format_all([error.diagnostic()]), err=True)
    raise SystemExit(status)


@main.command()
@FILES
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically); the format comes from the extension: .svg .png .pdf .dot .gv .json .html.")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot", "json", "html"]), help="Output format (overrides the extension). json is the laid-out graph from `dot -Tjson`; html a self-contained handout page. Without -o: dot (default), json or html to stdout.")
@click.option("--labels", type=click.Choice(["title", "text", "both"]), default="both", show_default=True, help="What node labels show.")
@click.option("--wrap", type=click.IntRange(8, 200), default=32, show_default=True, help="Wrap label text at this many characters.")
@click.option("--group-by", "group_by", type=click.Choice(["none", "position", "source", "section"]), default="none", show_default=True, help="Draw clusters.")
@click.option("--pcs", is_flag=True, help="Expand arguments into premises, inference bars and conclusions.")
@click.option("--focus", metavar="TITLE", help="Keep only the neighbourhood of this statement or argument ('Title', '[Title]' or '<Title>').")
@click.option("--depth", type=click.IntRange(0, 100), help="With --focus: how many links away to keep.  [default: 2]")
@click.option("--position", metavar="P", help="Keep only elements of this position (tag or label).")
@click.option("--source", metavar="S", help="Keep only what this source (id or legend number) asserts.")
@click.option("--legend/--no-legend", default=True, show_default=True, help="Draw the legend of positions, relations and sources.")
@click.option("--rankdir", type=click.Choice(["TB", "LR"]), default="TB", show_default=True, help="Layout direction: top to bottom or left to right.")
@click.option("--theme", type=click.Choice(["default", "print", "mono"]), default="default", show_default=True, help="default for screens; print and mono (greys only) for paper and slides: larger type, positions told apart by border lines and labels.")
@click.option("--width", type=click.IntRange(min=16), metavar="PIXELS", help="Scale the drawing down to at most this many pixels wide (svg, png, html).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True, help="Seconds to wait for Graphviz's dot.")
def render(files: tuple[Path, ...], output: Path | None, fmt: str | None, labels: str, wrap: int, group_by: str, pcs: bool, focus: str | None, depth: int | None, position: str | None, source: str | None, legend: bool, rankdir: str, theme: str, width: int | None, timeout: float) -> None:
    """Draw the merged map of the files with Graphviz (SVG, PNG, PDF, DOT, JSON), or an HTML handout.

    Exit status: 1 bad input or options naming nothing on the map, 2 usage,
    3 Graphviz missing, failed or timed out.
    """
    from ..core.errors import ArgmapError, message
    from ..draw.graph import ViewOptions, build_graph
    from ..draw.render import BINARY_FORMATS, THEMES, WIDTH_FORMATS, GraphvizError, draw, format_for

    fmt = format_for(str(output), fmt) if output is not None else (fmt or "dot")
    if fmt is None:
        raise click.UsageError(message("render-unknown-extension", file=str(output)) + "; use --format svg|png|pdf|dot|json|html")
    if width is not None and fmt not in WIDTH_FORMATS:
        raise click.UsageError(message("render-width-format", format=fmt))
    if output is None and fmt in BINARY_FORMATS:
        raise click.UsageError(message("render-needs-output", format=fmt))
    if depth is not None and focus is None:
        raise click.UsageError(message("render-depth-without-focus"))
    argument_map, _ = load_checked(files)
    options = ViewOptions(labels, wrap, group_by, pcs, focus, 2 if depth is None else depth, position, source, legend, rankdir)
    try:
        data = draw(argument_map, build_graph(argument_map, options), fmt, timeout, THEMES[theme], width)
    except GraphvizError as error:
        _report(error, EXIT_TOOL)
    except ArgmapError as error:
        _report(error, EXIT_INPUT)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        write_atomic(output, data)
    except OSError as error:
        _report(ArgmapError("cannot-write", hint="check that the directory exists and is writable", file=str(output), reason=error.strerror or str(error)), EXIT_INPUT)


@main.command()
@FILES
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
def stats(files: tuple[Path, ...], fmt: str) -> None:
    """Count what each source says and how the positions support and attack each other."""
    from ..analyse.stats import statistics, to_json as stats_json, to_text

    argument_map, _ = load_checked(files)
    report = statistics(argument_map)
    click.echo(stats_json(report) if fmt == "json" else to_text(report), nl=False)


# ---------------------------------------------------------------- extract and suggest-merges


def _fail(error: Exception, status: int = EXIT_INPUT) -> None:
    click.echo(format_all([error.diagnostic()]), err=True)
    raise SystemExit(status)


@main.command()
@click.argument("article", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft here (atomically) instead of stdout.")
@click.option("--source-id", metavar="ID", help="The source id in the front matter.  [default: from the file name]")
@click.option("--title", default="", help="The article's title, for the front matter.")
@click.option("--url", default="", help="The article's http(s) address, for the front matter.")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Position lexicon (YAML).  [default: the shipped one]")
@click.option("--max-claims", type=click.IntRange(min=0), help="Keep at most this many candidates, the best scored.")
@click.option("--min-score", type=float, default=None, help="Keep sentences scoring at least this.  [default: 1.0]")
@click.option("--html/--text", "html", default=None, help="Read the input as HTML or plain text.  [default: guess]")
def extract(article: str, output: Path | None, source_id: str | None, title: str, url: str, lexicon: Path | None, max_claims: int | None, min_score: float | None, html: bool | None) -> None:
    """Draft an argument file from an article (plain text or HTML; '-' for stdin).

    Each candidate claim becomes a statement that quotes its sentence
    verbatim; TODO comments mark what a human must decide. Text from stdin or
    HTML is saved beside the draft (draft.txt) so that its quotes are checked.
    """
    from ..core.errors import ArgmapError
    from ..extract.extractor import DEFAULT_MIN_SCORE, extract_article, load_lexicon

    try:
        data = sys.stdin.buffer.read() if article == "-" else Path(article).read_bytes()
    except OSError as exc:
        raise click.BadParameter(f"cannot read {article}: {exc.strerror or exc}", param_hint="ARTICLE") from None
    try:
        result = extract_article(
            data, article, output, source_id=source_id, title=title, url=url, lexicon=load_lexicon(lexicon),
            max_claims=max_claims, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score, html=html,
        )
    except ArgmapError as error:
        _fail(error, EXIT_USAGE if error.code in ("extract-needs-output", "bad-url") else EXIT_INPUT)
    if result.text_path is not None:
        write_atomic(result.text_path, result.text)
    draft = result.draft
    if output is None:
        click.echo(draft.text, nl=False)
    else:
        write_atomic(output, draft.text)
    where = f"; wrote {output} (next: edit it, then `argmap check {output}`)" if output is not None else ""
    saved = f"; saved the article's text to {result.text_path} (the draft's quotes are checked against it)" if result.text_path else ""
    click.echo(
        f"{len(draft.candidates)} candidate claims from {draft.sentences} sentences, {len(draft.relations)} relations, "
        f"{len(draft.arguments)} arguments proposed{where}{saved}",
        err=True,
    )


@main.command("suggest-merges")
@FILES
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Show this many pairs.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Leave out pairs scoring below this.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
def suggest_merges(files: tuple[Path, ...], top: int, min_score: float, fmt: str) -> None:
    """Rank pairs of statements from different sources that may state the same claim.

    Prints both titles, both quotes and the score; never edits the files.
    Give a pair one title to merge them.
    """
    import json

    from ..extract.suggest import as_records, as_text, claims_of_map, suggest

    argument_map = _load(files)
    errors = [d for d in argument_map.diagnostics if d.severity is Severity.ERROR]
    if errors:
        click.echo(format_all(errors), err=True)
        raise SystemExit(EXIT_INPUT)
    found = suggest(claims_of_map(argument_map), top=top, min_score=min_score)
    if fmt == "json":
        click.echo(json.dumps(as_records(found), ensure_ascii=False, indent=2))
    else:
        click.echo(as_text(found), nl=False)


# ---------------------------------------------------------------- embed


@main.command()
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
    from ..embed.markdown import has_errors as embed_failed, plan as embed_plan, write as embed_write
    from ..core.errors import ArgmapError
    from ..draw.render import GraphvizError

    planned = embed_plan(document, output)
    if planned.diagnostics:
        click.echo(format_all(planned.diagnostics), err=True)
    if any(d.code == "embed-same-file" for d in planned.diagnostics):
        raise SystemExit(EXIT_USAGE)
    if embed_failed(planned.diagnostics, strict):
        raise SystemExit(EXIT_INPUT)
    try:
        written = embed_write(planned, timeout)
    except GraphvizError as error:
        _report(error, EXIT_TOOL)
    except OSError as error:
        _report(ArgmapError("cannot-write", hint="check that the directory exists and is writable", file=error.filename or str(output), reason=error.strerror or str(error)), EXIT_INPUT)
    maps = len(planned.maps)
    click.echo(
        f"wrote {output}: {maps} map{'s' * (maps != 1)} in {planned.assets}/ ({len(written.drawn)} drawn, {len(written.kept)} unchanged"
        + (f", {len(written.removed)} stale removed" if written.removed else "") + ")",
        err=True,
    )


# ---------------------------------------------------------------- watch


@main.command(params=[p for p in render.params if p.name != "output"])
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The map to keep up to date (replaced atomically); the format comes from the extension.")
@click.option("--strict", is_flag=True, help="Fail on warnings too: the map is not written while there are any.")
def watch(files: tuple[Path, ...], output: Path, strict: bool, **drawing) -> None:
    """Re-render the map whenever its files (or their articles and positions) are saved; Ctrl-C stops.

    Takes the options of `argmap render`. Diagnostics are printed, and while
    the input has errors the last good map stays; each render's time is
    reported. Exit status: 0 on Ctrl-C, 2 usage, 3 Graphviz missing.
    """
    import dataclasses
    import time

    from ..core.errors import message
    from ..draw.graph import ViewOptions
    from ..draw.render import THEMES, WIDTH_FORMATS, format_for
    from ..publish.watch import render_job, watch as watch_files

    fmt = format_for(str(output), drawing.get("fmt"))
    if fmt is None:
        raise click.UsageError(message("render-unknown-extension", file=str(output)) + "; use --format svg|png|pdf|dot|json|html")
    if drawing.get("width") is not None and fmt not in WIDTH_FORMATS:
        raise click.UsageError(message("render-width-format", format=fmt))
    if drawing.get("depth") is not None and drawing.get("focus") is None:
        raise click.UsageError(message("render-depth-without-focus"))
    view = {f.name: drawing[f.name] for f in dataclasses.fields(ViewOptions) if drawing.get(f.name) is not None}
    job = render_job(files, fmt, ViewOptions(**view), THEMES[drawing.get("theme") or "default"], drawing.get("width"), drawing.get("timeout") or 60.0, strict)

    def report(outcome) -> None:
        if outcome.diagnostics:
            click.echo(format_all(outcome.diagnostics), err=True)
        took = f"{outcome.seconds * 1000:.0f} ms"
        why = f" ({', '.join(outcome.changed)} changed)" if outcome.changed else ""
        if outcome.written:
            click.echo(f"[{time.strftime('%H:%M:%S')}] wrote {output} in {took}{why}")
        else:
            errors = f"{outcome.errors} error{'s' * (outcome.errors != 1)}"
            click.echo(f"[{time.strftime('%H:%M:%S')}] {output} not written, {errors} ({took}){why}; the last good map stays")

    def ready(inputs) -> None:
        click.echo(f"watching {len(inputs)} file{'s' * (len(inputs) != 1)}; Ctrl-C to stop")

    try:
        last = watch_files(files, output, job, report, on_ready=ready)
    except KeyboardInterrupt:
        click.echo("stopped")
        return
    if last.fatal:
        raise SystemExit(EXIT_TOOL)


# ---------------------------------------------------------------- fmt


@main.command("fmt")
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
    from ..fmt.formatter import FormatError, format_text, unified_diff

    failed = unformatted = rewritten = 0
    for name in files:
        path = "<stdin>" if name == "-" else name
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            text = data.decode("utf-8")  # format_text drops a byte-order mark
        except OSError as exc:
            click.echo(f"{path}: error: cannot read the file: {exc.strerror or exc}", err=True)
            failed += 1
            continue
        except UnicodeDecodeError:
            click.echo(f"{path}: error: the file is not UTF-8 text", err=True)
            failed += 1
            continue
        try:
            formatted = format_text(text, path)
        except FormatError as error:
            click.echo(format_all(error.diagnostics), err=True)
            failed += 1
            continue
        changed = formatted.encode("utf-8") != data
        if check or show_diff:
            if changed:
                unformatted += 1
                click.echo(unified_diff(text, formatted, path), nl=False)
        elif name == "-":
            click.echo(formatted, nl=False)
        elif changed:
            try:
                write_atomic(name, formatted)
            except OSError as error:
                click.echo(f"{path}: error: cannot write the file: {error.strerror or error}", err=True)
                failed += 1
                continue
            rewritten += 1
            click.echo(f"reformatted {path}", err=True)
    if check and unformatted:
        click.echo(f"argmap fmt: {unformatted} file{'s' * (unformatted != 1)} would be reformatted", err=True)
    elif not (check or show_diff) and files != ("-",):
        kept = len(files) - rewritten - failed
        click.echo(f"argmap fmt: {rewritten} reformatted, {kept} unchanged" + (f", {failed} with errors" if failed else ""), err=True)
    if failed or (check and unformatted):
        raise SystemExit(EXIT_INPUT)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
