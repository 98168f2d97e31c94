"""Every output format in one call: DOT as written, SVG, PNG, PDF and JSON
through Graphviz, and the HTML handout page.

The one module that knows both the drawing stage and the handout, so that
:mod:`argmap.draw` never imports :mod:`argmap.publish`.
"""

from __future__ import annotations

from ..draw.dot import to_dot
from ..draw.graph_types import Graph
from ..draw.graphviz import deterministic, run_dot
from ..draw.svg import finish_svg
from ..draw.themes import DEFAULT_THEME, Theme
from .handout import handout_page

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
    data = deterministic(run_dot(dot_text, fmt, timeout), fmt)
    if fmt == "svg":
        data = finish_svg(data, graph, max_width)
    return data


def draw(argument_map, graph: Graph, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME, max_width: int | None = None) -> bytes:
    """The map in any output format, the HTML handout included (it needs the map, not only the graph)."""
    if fmt != "html":
        return render(graph, fmt, timeout, theme, max_width)
    svg = render(graph, "svg", timeout, theme, max_width)
    return handout_page(argument_map, graph, svg, theme).encode("utf-8")


def format_for(path: str, fmt: str | None) -> str | None:
    """The output format: --format if given, else from the file's extension, else None."""
    if fmt is not None:
        return fmt
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return EXTENSIONS.get(suffix)
