"""The outline of a file (headings, then the statements and arguments under
them, each with what is related to it and the items of its premise–conclusion
structure) and the symbols of the whole map, searchable by title.

Nesting follows what is written: a relation line belongs to the nearest
less-indented element above it, a numbered item to the argument it
reconstructs, an element to the section of the heading above it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from ...core.model import Argument, Kind, Role, Statement
from ..workspace import File, Snapshot

if TYPE_CHECKING:
    from ..server import ArgmapServer

_SECTION = types.SymbolKind.Namespace
_KIND = {Kind.STATEMENT: types.SymbolKind.Constant, Kind.ARGUMENT: types.SymbolKind.Function}
_RELATION_LINE = re.compile(r"^[ \t]*(?:<[+\-_]|[+\-_]>|><|[+\-_])[ \t]")
_PCS_ROLES = (Role.PREMISE, Role.INTERMEDIARY_CONCLUSION, Role.MAIN_CONCLUSION)


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams):
        snapshot = ls.state.snapshot()
        file = snapshot.file(params.text_document.uri)
        if file is None or file.document is None:
            return None
        tree = outline(file)
        if ls.supports("text_document.document_symbol.hierarchical_document_symbol_support"):
            return tree
        return _flattened(tree, file.uri)

    @server.feature(types.WORKSPACE_SYMBOL)
    def workspace_symbols(ls: ArgmapServer, params: types.WorkspaceSymbolParams) -> list[types.SymbolInformation]:
        return map_symbols(ls.state.snapshot(), params.query)


def outline(file: File) -> list[types.DocumentSymbol]:
    """The headings of a file with their elements nested under them."""
    document, lines = file.document, file.lines
    top: list[types.DocumentSymbol] = []
    sections: dict[str, types.DocumentSymbol] = {}
    for section in document.sections:
        symbol = types.DocumentSymbol(section.title or "(heading)", _SECTION, lines.range(section.span), lines.range(section.span), children=[])
        sections[section.id] = symbol
        (sections[section.parent].children if section.parent in sections else top).append(symbol)
    titles = {(o.line, o.start - 1): o for o in file.index.occurrences if not o.mention}
    owners: dict[int, types.DocumentSymbol] = {}  # line of a numbered item → its argument's symbol
    stack: list[tuple[int, types.DocumentSymbol]] = []
    for element in sorted((*document.statements, *document.arguments), key=lambda e: (e.span.line, e.span.column)):
        symbol = _symbol(element, file, titles)
        text = lines.line(element.span.line - 1)
        indent = len(text) - len(text.lstrip(" \t"))
        owner = owners.get(element.span.line) if isinstance(element, Statement) and element.role in _PCS_ROLES else None
        if owner is not None:
            while stack and stack[-1][1] is not owner:
                stack.pop()
        elif _RELATION_LINE.match(text):
            while stack and stack[-1][0] >= indent:
                stack.pop()
        else:
            stack.clear()
        parent = stack[-1][1] if stack else sections.get(element.section)
        (parent.children if parent is not None else top).append(symbol)
        stack.append((indent, symbol))
        if isinstance(element, Argument) and element.pcs:
            for item in element.pcs:
                owners[item.span.line] = symbol
    for symbol in top:
        _cover_children(symbol)
    return top


def _symbol(element: Statement | Argument, file: File, titles: dict) -> types.DocumentSymbol:
    kind = Kind.STATEMENT if isinstance(element, Statement) else Kind.ARGUMENT
    occurrence = titles.get((element.span.line - 1, element.span.column - 1))
    span_range = file.lines.range(element.span)
    if element.generated_title:
        name = _short(element.text) if element.text else f"argument for [{element.main_conclusion}]" if kind is Kind.ARGUMENT and element.pcs else "(untitled)"
    else:
        name = f"[{element.title}]" if kind is Kind.STATEMENT else f"<{element.title}>"
    selection = file.lines.span_range(occurrence.line, occurrence.start, occurrence.end) if occurrence else types.Range(span_range.start, span_range.start)
    detail = _short(element.text) if element.text and not element.generated_title else ("reference" if not element.text else "")
    return types.DocumentSymbol(name, _KIND[kind], span_range, selection, detail=detail or None, children=[])


def _cover_children(symbol: types.DocumentSymbol) -> None:
    """A symbol's range must hold its children's: stretch it to their end."""
    for child in symbol.children or ():
        _cover_children(child)
        end = child.range.end
        if (end.line, end.character) > (symbol.range.end.line, symbol.range.end.character):
            symbol.range = types.Range(symbol.range.start, end)
    if not symbol.children:
        symbol.children = None


def _flattened(tree: list[types.DocumentSymbol], uri: str, container: str | None = None) -> list[types.SymbolInformation]:
    flat = []
    for symbol in tree:
        flat.append(types.SymbolInformation(name=symbol.name, kind=symbol.kind, location=types.Location(uri=uri, range=symbol.selection_range), container_name=container))
        flat.extend(_flattened(symbol.children or [], uri, symbol.name))
    return flat


def map_symbols(snapshot: Snapshot, query: str) -> list[types.SymbolInformation]:
    """Every titled statement and argument of the map whose title holds the query's letters in order."""
    wanted = query.casefold().replace(" ", "")
    found = []
    for kind in (Kind.STATEMENT, Kind.ARGUMENT):
        for title in snapshot.titles_of(kind):
            if not _holds_in_order(title.casefold(), wanted):
                continue
            places = snapshot.definitions(kind, title) or snapshot.occurrences(kind, title)
            if not places:
                continue  # an untitled element: no title to search for
            sigil = f"[{title}]" if kind is Kind.STATEMENT else f"<{title}>"
            found.append(types.SymbolInformation(name=sigil, kind=_KIND[kind], location=snapshot.location(places[0]), container_name=Path(places[0].path).name))
    return found


def _holds_in_order(text: str, letters: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
