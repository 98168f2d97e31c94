"""argmap's public API: each stage of the pipeline as one function.

    load / loads  ->  check  ->  to_json / to_dot / render / statistics

Every function takes and returns the typed model (``ArgumentMap``,
``Diagnostic``), so a caller can stop after any stage. Stages are imported
when a function is first called: ``import argmap`` stays cheap, and reading a
map never loads Graphviz code. Errors are raised as :class:`ArgmapError`
(input) or :class:`ToolError` (Graphviz missing, failed or timed out); the
library never prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from typing import Any

from .core.errors import ArgmapError, InputErrors, ToolError
from .core.model import ArgumentMap, Diagnostic, Severity, Span

__all__ = [
    "ArgmapError", "ArgumentMap", "Diagnostic", "InputErrors", "Severity", "Span", "ToolError",
    "FORMATS", "THEMES", "check", "format_diagnostics", "format_text", "has_errors", "load", "loads",
    "render", "statistics", "to_dot", "to_json",
]

FORMATS = ("svg", "png", "pdf", "dot", "json", "html")
"""What :func:`render` can write: json is Graphviz's laid-out graph, html the handout page."""

THEMES = ("default", "print", "mono")
"""default for screens; print and mono (greys only) for paper and slides."""


def load(paths: str | PathLike | Iterable[str | PathLike]) -> ArgumentMap:
    """Read argument files (``.argmap`` or ``.argdown``) and merge them into one map.

    Problems in the files do not raise: they are in ``map.diagnostics`` and
    in what :func:`check` returns.
    """
    from .merge.combine import load as load_files

    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    return load_files(paths)


def loads(text: str, name: str = "<string>") -> ArgumentMap:
    """Parse markup held in a string into a map; ``name`` is the path shown in diagnostics
    (and the folder that an article named in its front matter is relative to)."""
    from .build.document import parse_document
    from .merge.combine import merge

    return merge([parse_document(text, name)])


def check(argument_map: ArgumentMap) -> list[Diagnostic]:
    """Every error and warning about the map, sorted by place: what ``argmap check`` reports."""
    from .checks.checker import check as check_map

    return check_map(argument_map)


def has_errors(diagnostics: Iterable[Diagnostic], strict: bool = False) -> bool:
    """Whether the diagnostics fail a check (with ``strict``, warnings fail it too)."""
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)


def format_diagnostics(diagnostics: Iterable[Diagnostic]) -> str:
    """Diagnostics as people read them: ``path:line:col: error: …``, the line, a caret, a hint."""
    from .core.diagnostics import format_all

    return format_all(diagnostics)


def to_json(argument_map: ArgumentMap) -> str:
    """The merged map as argmap's canonical JSON (the format README.md describes)."""
    from .interchange.canonical import to_json as canonical_json

    return canonical_json(argument_map)


def to_dot(argument_map: ArgumentMap, *, theme: str = "default", **view: Any) -> str:
    """The map as Graphviz DOT text, without running Graphviz.

    ``view`` takes the options of ``argmap render`` as keywords: ``labels``,
    ``wrap``, ``group_by``, ``pcs``, ``focus``, ``depth``, ``position``,
    ``source``, ``legend``, ``rankdir``.
    """
    from .draw.dot import to_dot as write_dot
    from .draw.themes import THEMES as themes

    return write_dot(_graph(argument_map, view), themes[_theme(theme)])


def render(argument_map: ArgumentMap, format: str = "svg", *, theme: str = "default", width: int | None = None, timeout: float = 60.0, **view: Any) -> bytes:
    """The map drawn by Graphviz in one of :data:`FORMATS`, as bytes.

    ``width`` caps svg, png and html output at that many pixels; ``view`` as
    for :func:`to_dot`. Raises :class:`ArgmapError` when a view option names
    nothing on the map, :class:`ToolError` when Graphviz is missing, fails or
    takes longer than ``timeout`` seconds.
    """
    from .draw.themes import THEMES as themes
    from .publish.formats import draw

    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    return draw(argument_map, _graph(argument_map, view), format, timeout, themes[_theme(theme)], width)


def statistics(argument_map: ArgumentMap):
    """What ``argmap stats`` reports, as typed records: ``sources`` (counts per
    source), ``matrix`` (supports and attacks between positions), ``shared``
    (claims several sources make) and ``most_attacked``."""
    from .analyse.stats import statistics as compute

    return compute(argument_map)


def format_text(text: str, path: str = "<string>") -> str:
    """Markup in the canonical layout of ``argmap fmt`` (comments and quotes kept).

    Raises :class:`InputErrors` when the text cannot be formatted (a syntax error).
    """
    from .fmt.formatter import format_text as layout

    return layout(text, path)


def _graph(argument_map: ArgumentMap, view: dict[str, Any]):
    from .draw.graph import build_graph
    from .draw.options import ViewOptions

    try:
        options = ViewOptions(**view)
    except TypeError as error:  # an unknown keyword: say which, as Python would
        raise TypeError(f"unknown view option: {error}") from None
    return build_graph(argument_map, options)


def _theme(name: str) -> str:
    if name not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {name!r}")
    return name
