"""The overview (``argmap render --overview``) in every output format.

DOT as written, SVG, PNG, PDF and JSON through the one dot runner, SVG
finished as the full map's is; html is the page ``render --format html``
writes, opening on this overview.
"""

from __future__ import annotations

from ..core.model import ArgumentMap
from ..draw.graph import build_graph
from ..draw.graphviz import deterministic, run_dot
from ..draw.overview import DEFAULT_TOP, Overview, build_overview
from ..draw.overview_dot import overview_to_dot
from ..draw.svg import finish_svg
from ..draw.themes import DEFAULT_THEME, Theme


def draw_overview(
    argument_map: ArgumentMap,
    fmt: str,
    timeout: float = 60.0,
    theme: Theme = DEFAULT_THEME,
    max_width: int | None = None,
    top: int | None = None,
    wrap: int = 32,
    legend: bool = True,
) -> bytes:
    """The map's overview in a format of :data:`argmap.publish.formats.FORMATS`, or the html handout.

    ``top``: how many claims a position lists (None: :data:`DEFAULT_TOP`). Raises ArgmapError
    when the map declares no positions.
    """
    overview = build_overview(argument_map, DEFAULT_TOP if top is None else top, wrap, legend)
    if fmt != "html":
        return render_overview(overview, fmt, timeout, theme, max_width)
    # the page is the one `render --format html` writes, opening on this overview: the
    # full map behind it is what search, details and filters work on
    from .formats import interactive_html

    return interactive_html(argument_map, build_graph(argument_map), overview, timeout, theme, max_width)


def render_overview(overview: Overview, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> bytes:
    """As :func:`argmap.publish.formats.render`, for the overview."""
    if fmt not in ("svg", "png", "pdf", "dot", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    dot_text = overview_to_dot(overview, theme, max_width if fmt == "png" else None)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    data = deterministic(run_dot(dot_text, fmt, timeout), fmt)
    if fmt == "svg":
        data = finish_svg(data, overview.frame(), max_width)
    return data
