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
    InputErrors,
    Severity,
    Span,
    ToolError,
    check,
    format_diagnostics,
    format_text,
    has_errors,
    load,
    loads,
    render,
    statistics,
    to_dot,
    to_json,
)

__all__ = [
    "FORMATS", "THEMES", "ArgmapError", "ArgumentMap", "Diagnostic", "InputErrors", "Severity", "Span",
    "ToolError", "check", "format_diagnostics", "format_text", "has_errors", "load", "loads", "render",
    "statistics", "to_dot", "to_json",
]
