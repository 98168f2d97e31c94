"""The overview (``argmap render --overview``) as DOT, SVG, PNG, PDF or JSON:
through the one dot runner, SVG finished as the full map's is. The html page
that opens on it is :func:`argmap.publish.formats.draw_overview`'s.
"""

from __future__ import annotations

from ..draw.graphviz import deterministic, run_dot
from ..draw.overview import Overview
from ..draw.overview_dot import overview_to_dot
from ..draw.svg import finish_svg
from ..draw.themes import DEFAULT_THEME, Theme


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
