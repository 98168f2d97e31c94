"""Every output format in one call: DOT as written, SVG, PNG, PDF and JSON
through Graphviz, and the interactive HTML page.

The one module that knows both the drawing stage and the page, so that
:mod:`argmap.draw` never imports :mod:`argmap.publish`.
"""

from __future__ import annotations

from ..core.model import ArgumentMap
from ..draw.dot import to_dot
from ..draw.graph_types import Graph
from ..draw.graphviz import deterministic, run_dot
from ..draw.svg import finish_svg
from ..draw.themes import DEFAULT_THEME, Theme
from .page import OverviewPicture, interactive_page

FORMATS = ("svg", "png", "pdf", "dot", "json")
BINARY_FORMATS = ("svg", "png", "pdf")  # never to stdout: they need -o FILE
EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".json": "json", ".html": "html", ".htm": "html"}
WIDTH_FORMATS = ("svg", "png", "html")  # what --width can cap


def render(graph: Graph, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> bytes:
    """The graph in a format: DOT text as it is, the others through dot.

    ``max_width`` (pixels) caps SVG and PNG output; SVG is finished by
    :func:`finish_svg`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    dot_text = to_dot(graph, theme, max_width if fmt == "png" else None)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    return lay_out(dot_text, fmt, graph, timeout, max_width)


def lay_out(dot_text: str, fmt: str, graph: Graph, timeout: float = 60.0, max_width: int | None = None) -> bytes:
    """DOT already written (by :func:`render` or kept from an earlier call) through dot; SVG finished.

    One pass of Graphviz and, for SVG, edits to the root's start tag only
    (:func:`finish_svg`): rendering takes little longer than ``dot`` itself.
    """
    data = deterministic(run_dot(dot_text, fmt, timeout), fmt)
    return finish_svg(data, graph, max_width) if fmt == "svg" else data


def draw(argument_map, graph: Graph, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME, max_width: int | None = None, overview: bool = True) -> bytes:
    """The map in any output format, the interactive HTML page included (it needs the map, not only the graph).

    The page also holds the overview of the positions when ``overview`` is
    true and the map declares positions (a view of part of the map passes
    False: the overview is of the whole).
    """
    if fmt != "html":
        return render(graph, fmt, timeout, theme, max_width)
    if not (overview and argument_map.positions):
        return interactive_html(argument_map, graph, None, timeout, theme, max_width)
    from ..draw.overview import build_overview

    return interactive_html(argument_map, graph, build_overview(argument_map), timeout, theme, max_width)


def interactive_html(argument_map, graph: Graph, overview, timeout: float, theme: Theme, max_width: int | None) -> bytes:
    """The interactive page of the full map's graph, with ``overview`` (an Overview, or None) as its first picture."""
    svg = render(graph, "svg", timeout, theme, max_width)
    picture = None
    if overview is not None:
        from .overview import render_overview

        picture = OverviewPicture(render_overview(overview, "svg", timeout, theme, max_width), {box.id: box.position for box in overview.boxes})
    return interactive_page(argument_map, graph, svg, theme, picture).encode("utf-8")


def format_for(path: str, fmt: str | None) -> str | None:
    """The output format: --format if given, else from the file's extension, else None."""
    if fmt is not None:
        return fmt
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return EXTENSIONS.get(suffix)


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
    from ..draw.overview import DEFAULT_TOP, build_overview
    from .overview import render_overview

    overview = build_overview(argument_map, DEFAULT_TOP if top is None else top, wrap, legend)
    if fmt != "html":
        return render_overview(overview, fmt, timeout, theme, max_width)
    # the page is the one `render --format html` writes, opening on this overview: the
    # full map behind it is what search, details and filters work on
    from ..draw.graph import build_graph

    return interactive_html(argument_map, build_graph(argument_map), overview, timeout, theme, max_width)
