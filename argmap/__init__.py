"""argmap: map a public debate from Argdown-flavoured argument files.

This module is the public API (documented in docs/api.md); nothing else in
the package is promised to stay where it is::

    import argmap

    debate = argmap.load(["a.argmap", "b.argmap"])
    problems = argmap.check(debate)
    svg = argmap.render(debate, "svg", group_by="position")
"""

from .api import (
    FORMATS,
    THEMES,
    ArgmapError,
    ArgumentMap,
    Diagnostic,
    Drawing,
    InputErrors,
    Severity,
    Span,
    ToolError,
    check,
    evaluate,
    format_diagnostics,
    format_text,
    from_aif,
    has_errors,
    load,
    loads,
    PAGES,
    render,
    render_pages,
    statistics,
    to_aif,
    to_dot,
    to_json,
)

__all__ = [
    "FORMATS", "THEMES", "ArgmapError", "ArgumentMap", "Diagnostic", "Drawing", "InputErrors", "Severity", "Span",
    "ToolError", "check", "evaluate", "format_diagnostics", "format_text", "from_aif", "has_errors", "load", "loads",
    "PAGES", "render", "render_pages", "statistics", "to_aif", "to_dot", "to_json",
]
