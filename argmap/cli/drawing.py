"""`argmap render` and `argmap watch`: the map drawn by Graphviz, once or on
every save. The drawing stage is imported when the command runs."""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_INPUT, EXIT_TOOL, FILES, cannot_write, fail, load_checked


def _output_format(output: Path | None, fmt: str | None, width: int | None, depth: int | None, focus: str | None) -> str:
    """The format asked for, or a usage error saying why the options don't fit together."""
    from ..core.errors import message
    from ..publish.formats import BINARY_FORMATS, WIDTH_FORMATS, format_for

    fmt = format_for(str(output), fmt) if output is not None else (fmt or "dot")
    if fmt is None:
        raise click.UsageError(message("render-unknown-extension", file=str(output)) + "; use --format svg|png|pdf|dot|json|html")
    if width is not None and fmt not in WIDTH_FORMATS:
        raise click.UsageError(message("render-width-format", format=fmt))
    if output is None and fmt in BINARY_FORMATS:
        raise click.UsageError(message("render-needs-output", format=fmt))
    if depth is not None and focus is None:
        raise click.UsageError(message("render-depth-without-focus"))
    return fmt


# Options of the full map that mean nothing for whole positions: refused with --overview, not ignored.
NOT_FOR_OVERVIEW = ("labels", "group_by", "pcs", "focus", "depth", "position", "source", "rankdir", "evaluate", "page", "pages")


def _check_overview(overview: bool, top: int | None) -> None:
    """A usage error for --top without --overview, or for --overview with a view of the full map."""
    from click.core import ParameterSource

    from ..core.errors import message

    if not overview:
        if top is not None:
            raise click.UsageError(message("overview-top-without-overview"))
        return
    context = click.get_current_context()
    for param in context.command.params:
        if param.name in NOT_FOR_OVERVIEW and context.get_parameter_source(param.name) not in (None, ParameterSource.DEFAULT):
            raise click.UsageError(message("overview-option", option=param.opts[0]))


@click.command()
@FILES
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically); the format comes from the extension: .svg .png .pdf .dot .gv .json .html.")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot", "json", "html"]), help="Output format (overrides the extension). json is the laid-out graph from `dot -Tjson`; html one self-contained interactive page (search, zoom, details, filters; prints as a handout). Without -o: dot (default), json or html to stdout.")
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
@click.option("--overview", is_flag=True, help="Draw the positions instead of every claim: each with its strongest claims, arrows counting the supports and attacks between them (see docs/rendering.md).")
@click.option("--top", type=click.IntRange(0, 20), metavar="N", help="With --overview: how many claims each position lists; 0 for none.  [default: 3]")
@click.option("--evaluate", is_flag=True, help="Mark each statement and argument with its grounded label, IN, OUT or UNDEC: which claims stand given all the attacks (see docs/evaluation.md).")
@click.option("--page", type=click.Choice(["slide", "a4", "a4-landscape", "letter"]), help="Lay the map out for a 16:9 slide or a sheet of paper: near its shape, scaled to fill it (svg, pdf, png, dot, json; a PDF is the paper's size). With --pages: the paper.  [--pages default: a4]")
@click.option("--pages", is_flag=True, help="Cut the map into pages readable on paper (text at least 8 pt): an overview, the legend, then a page per position (or section), relations to other pages named; -o FILE.pdf, or -o FILE.svg for FILE-01.svg, FILE-02.svg, ….")
def render(files: tuple[Path, ...], output: Path | None, fmt: str | None, labels: str, wrap: int, group_by: str, pcs: bool, focus: str | None, depth: int | None, position: str | None, source: str | None, legend: bool, rankdir: str, theme: str, width: int | None, timeout: float, overview: bool, top: int | None, evaluate: bool, page: str | None, pages: bool) -> None:
    """Draw the merged map of the files with Graphviz (SVG, PNG, PDF, DOT, JSON), or an interactive HTML page.

    Exit status: 1 bad input or options naming nothing on the map, 2 usage,
    3 Graphviz missing, failed or timed out.
    """
    from ..core.errors import ArgmapError
    from ..draw.graph import build_graph
    from ..draw.graphviz import GraphvizError
    from ..draw.options import ViewOptions
    from ..draw.themes import THEMES
    from ..publish.formats import draw

    from .pages import check_page, check_pages, draw_on_page, write_pages

    _check_overview(overview, top)
    if pages:
        fmt = check_pages(output, fmt)
        argument_map, _ = load_checked(files)
        options = ViewOptions(labels, wrap, "none", pcs, legend=legend, evaluate=evaluate)
        return write_pages(argument_map, options, page or "a4", fmt, output, timeout, THEMES[theme])
    fmt = _output_format(output, fmt, width, depth, focus)
    check_page(page, fmt, width)
    argument_map, _ = load_checked(files)
    options = ViewOptions(labels, wrap, group_by, pcs, focus, 2 if depth is None else depth, position, source, legend, rankdir, evaluate=evaluate)
    try:
        if overview:
            from ..publish.formats import draw_overview

            data = draw_overview(argument_map, fmt, timeout, THEMES[theme], width, top, wrap, legend)
        elif page is not None:
            data = draw_on_page(argument_map, options, page, fmt, timeout, THEMES[theme])
        else:
            data = draw(argument_map, build_graph(argument_map, options), fmt, timeout, THEMES[theme], width, overview=not (focus or position or source))
    except GraphvizError as error:
        fail(error, EXIT_TOOL)
    except ArgmapError as error:
        fail(error, EXIT_INPUT)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    from ..core.output import write_atomic

    try:
        write_atomic(output, data, inputs=files)
    except OSError as error:
        cannot_write(output, error)


@click.command(params=[p for p in render.params if p.name not in ("output", "page", "pages")])
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The map to keep up to date (replaced atomically); the format comes from the extension.")
@click.option("--strict", is_flag=True, help="Fail on warnings too: the map is not written while there are any.")
def watch(files: tuple[Path, ...], output: Path, strict: bool, **drawing) -> None:
    """Re-render the map whenever its files (or their articles and positions) are saved; Ctrl-C stops.

    Takes the options of `argmap render`. Diagnostics are printed, and while
    the input has errors the last good map stays; each render's time is
    reported. Exit status: 0 on Ctrl-C, 2 usage, 3 Graphviz missing.
    """
    import dataclasses

    from ..draw.options import ViewOptions
    from ..draw.themes import THEMES
    from ..publish.watch import render_job, watch as watch_files

    _check_overview(bool(drawing.get("overview")), drawing.get("top"))
    fmt = _output_format(output, drawing.get("fmt"), drawing.get("width"), drawing.get("depth"), drawing.get("focus"))
    view = {f.name: drawing[f.name] for f in dataclasses.fields(ViewOptions) if drawing.get(f.name) is not None}
    theme, timeout = THEMES[drawing.get("theme") or "default"], drawing.get("timeout") or 60.0
    draw_map = None
    if drawing.get("overview"):
        import functools

        from ..publish.formats import draw_overview

        draw_map = functools.partial(draw_overview, fmt=fmt, timeout=timeout, theme=theme, max_width=drawing.get("width"), top=drawing.get("top"), wrap=view.get("wrap", 32), legend=view.get("legend", True))
    job = render_job(files, fmt, ViewOptions(**view), theme, drawing.get("width"), timeout, strict, draw_map)
    try:
        last = watch_files(files, output, job, _report_outcome(output), on_ready=_report_ready)
    except KeyboardInterrupt:
        click.echo("stopped")
        return
    if last.fatal:
        raise SystemExit(EXIT_TOOL)


def _report_outcome(output: Path):
    import time

    from ..core.diagnostics import format_all

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

    return report


def _report_ready(inputs) -> None:
    click.echo(f"watching {len(inputs)} file{'s' * (len(inputs) != 1)}; Ctrl-C to stop")
