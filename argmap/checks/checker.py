"""Checks over a merged map: quotes against their articles, positions, isolated elements.

Syntax and per-document problems are found while parsing; these checks need
the whole map (or the files it points to) and run after merging.
"""

from __future__ import annotations

from ..core.model import ArgumentMap, Diagnostic, Severity
from .quotes import check_quotes
from .sourcing import check_sourced
from .structure import check_dropped_by_argdown, check_isolated, check_positions


def check(argument_map: ArgumentMap) -> list[Diagnostic]:
    """Every diagnostic about a merged map, sorted by place."""
    found = list(argument_map.diagnostics)
    for document in argument_map.documents:
        found.extend(check_quotes(document))
        found.extend(check_sourced(document))
    found.extend(check_positions(argument_map))
    found.extend(check_isolated(argument_map))
    found.extend(check_dropped_by_argdown(argument_map))
    return sorted(found, key=_place)


def _place(d: Diagnostic) -> tuple:
    span = d.span
    return (span.path, span.line, span.column, d.severity is Severity.WARNING, d.message) if span else ("", 0, 0, False, d.message)


def has_errors(diagnostics: list[Diagnostic], strict: bool = False) -> bool:
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)
