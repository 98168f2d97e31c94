"""`argmap render --page` and `--pages`: the checks of their options, and the
drawing. Called by :mod:`argmap.cli.drawing`; the drawing stage is imported
only when a page is drawn."""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_INPUT, EXIT_TOOL, cannot_write, fail

PAGE_NAMES = ("slide", "a4", "a4-landscape", "letter")  # argmap.draw.pages.PAGES, without importing it
PAGE_FORMATS = ("svg", "pdf", "png", "dot", "json")
# View options that narrow the map: --pages cuts the whole map, so they are refused, not ignored.
NOT_FOR_PAGES = ("focus", "depth", "position", "source", "group_by", "rankdir", "width")


def check_page(page: str | None, fmt: str, width: int | None) -> None:
    """A usage error for --page with a format it cannot shape, or with --width."""
    from ..core.errors import message

    if page is None:
        return
    if fmt not in PAGE_FORMATS:
        raise click.UsageError(message("page-format", format=fmt))
    if width is not None:
        raise click.UsageError(message("page-width"))


def check_pages(output: Path | None, fmt: str | None) -> str:
    """The format of --pages (pdf, or svg for one file per page), or a usage error."""
    from click.core import ParameterSource

    from ..core.errors import message
    from ..publish.formats import format_for

    chosen = format_for(str(output), fmt) if output is not None else fmt
    if output is None or chosen not in ("pdf", "svg"):
        raise click.UsageError(message("pages-output", format=chosen or "the terminal"))
    context = click.get_current_context()
    for param in context.command.params:
        if param.name in NOT_FOR_PAGES and context.get_parameter_source(param.name) not in (None, ParameterSource.DEFAULT):
            raise click.UsageError(message("pages-option", option=param.opts[0]))
    return chosen


def rankdir_chosen() -> bool:
    """Whether the user gave --rankdir (then --page keeps it and only wraps)."""
    from click.core import ParameterSource

    return click.get_current_context().get_parameter_source("rankdir") not in (None, ParameterSource.DEFAULT)


def draw_on_page(argument_map, options, page: str, fmt: str, timeout: float, theme) -> bytes:
    """The map laid out for the page; a note on stderr when its smallest text is below 8 points there."""
    from ..core.errors import ArgmapError, message
    from ..draw.graph import build_graph
    from ..draw.graphviz import GraphvizError
    from ..draw.pages import MIN_PRINT_POINTS, PAGES
    from ..publish.page_set import smallest_points
    from ..publish.pages import fit_to_page, render_page

    try:
        fit = fit_to_page(build_graph(argument_map, options), PAGES[page], theme, timeout, keep_rankdir=rankdir_chosen())
        data = render_page(fit, fmt, timeout, theme)
    except GraphvizError as error:
        fail(error, EXIT_TOOL)
    except ArgmapError as error:
        fail(error, EXIT_INPUT)
    points = smallest_points(theme) * fit.scale
    if points < MIN_PRINT_POINTS:
        hint = "--labels title, --no-legend or a view (--position, --focus) make it larger; --pages cuts the map into readable pages"
        click.echo(f"argmap: note: {message('page-small-text', page=page, points=points)}; {hint}", err=True)
    return data


def write_pages(argument_map, options, page: str, fmt: str, output: Path, timeout: float, theme) -> None:
    """--pages: one PDF, or FILE-01.svg, FILE-02.svg, … beside FILE.svg; each written atomically."""
    from ..core.errors import ArgmapError
    from ..core.output import write_atomic
    from ..draw.graphviz import GraphvizError
    from ..draw.pages import PAGES
    from ..publish.page_set import page_set

    try:
        pages = page_set(argument_map, options, PAGES[page], fmt, theme, timeout)
    except GraphvizError as error:
        fail(error, EXIT_TOOL)
    except ArgmapError as error:
        fail(error, EXIT_INPUT)
    for warning in pages.warnings:
        click.echo(f"argmap: warning: {warning}", err=True)
    if fmt == "pdf":
        targets = [output]
    else:
        targets = [output.with_name(f"{output.stem}-{number:02d}{output.suffix}") for number in range(1, len(pages.drawings) + 1)]
    for target, data in zip(targets, pages.drawings):
        try:
            write_atomic(target, data, inputs=[document.path for document in argument_map.documents])
        except OSError as error:
            cannot_write(target, error)
    click.echo(f"wrote {len(pages.titles)} pages to {output if fmt == 'pdf' else f'{targets[0].name} … {targets[-1].name}'}", err=True)
