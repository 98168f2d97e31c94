"""Diagnostics as people and editors read them.

``path:line:col: error: message``, the source line, a caret under the column
and a hint; or a JSON list for editors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .model import Diagnostic

_MAX_LINE = 200


class SourceLines:
    """Reads each file once to show the offending lines."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self._files:
            try:
                self._files[path] = Path(path).read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                self._files[path] = []
        lines = self._files[path]
        return lines[number - 1] if 0 < number <= len(lines) else None


def format_diagnostic(diagnostic: Diagnostic, sources: SourceLines) -> str:
    span = diagnostic.span
    where = f"{span}: " if span else ""
    out = [f"{where}{diagnostic.severity.value}: {diagnostic.message}"]
    if span:
        line = sources.line(span.path, span.line)
        if line is not None:
            column = span.column
            if len(line) > _MAX_LINE:  # show a window around the column, not a 1 MB line
                start = max(0, column - 1 - _MAX_LINE // 2)
                line = line[start : start + _MAX_LINE]
                column -= start
            shown = line.replace("\t", " ")
            out.append(f"  {shown}")
            out.append("  " + " " * (column - 1) + "^")
    if diagnostic.hint:
        out.append(f"  hint: {diagnostic.hint}")
    return "\n".join(out)


def format_all(diagnostics: Iterable[Diagnostic]) -> str:
    sources = SourceLines()
    return "\n".join(format_diagnostic(d, sources) for d in diagnostics)


def as_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = []
    for d in diagnostics:
        span = d.span
        items.append(
            {
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
                "path": span.path if span else None,
                "line": span.line if span else None,
                "column": span.column if span else None,
                "end_line": span.end_line if span else None,
                "end_column": span.end_column if span else None,
            }
        )
    import json  # only here: the text format is the common one

    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
