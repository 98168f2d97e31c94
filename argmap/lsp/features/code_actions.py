"""Quick fixes for the diagnostics under the cursor: apply a did-you-mean
(an unknown title, in every file it is written in; a misspelt position
tag), and create a missing statement or argument at the end of the file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lsprotocol import types

from ...core.model import Diagnostic, Kind, Ref
from ..workspace import File, Snapshot
from .diagnostics import to_lsp
from .rename import title_edit

if TYPE_CHECKING:
    from ..server import ArgmapServer

_TITLE_SUGGESTION = re.compile(r"^did you mean (?:\[(.+)\]|<(.+)>)\?$")
_TAG_SUGGESTION = re.compile(r"^did you mean #(.+)\?$")
_UNDECLARED_TAG = re.compile(r"tag #(\S+) looks like a position")
PLACEHOLDER = "TODO: say what it claims."


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        snapshot = ls.state.snapshot()
        file = snapshot.file(params.text_document.uri)
        if file is None:
            return None
        document_changes = ls.supports("workspace.workspace_edit.document_changes")
        actions = []
        for diagnostic in snapshot.diagnostics.get(file.path, ()):
            shown = to_lsp(diagnostic, snapshot, related=False)
            if not _overlaps(shown.range, params.range):
                continue
            if diagnostic.code == "unknown-reference":
                actions += _unknown_reference(snapshot, file, diagnostic, shown, document_changes)
            elif diagnostic.code == "undeclared-position":
                actions += _misspelt_tag(snapshot, file, diagnostic, shown)
        return actions or None


def _unknown_reference(snapshot: Snapshot, file: File, diagnostic: Diagnostic, shown: types.Diagnostic, document_changes: bool) -> list[types.CodeAction]:
    span = diagnostic.span
    here = file.index.at(span.line - 1, span.column)
    if here is None:
        return []
    actions = []
    suggestion = _TITLE_SUGGESTION.match(diagnostic.hint)
    if suggestion:
        new = suggestion.group(1) if here.kind is Kind.STATEMENT else suggestion.group(2)
        if new:
            actions.append(
                types.CodeAction(
                    f"Change {here.sigil} to {Ref(here.kind, new)}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    is_preferred=True,
                    edit=title_edit(snapshot, here.kind, here.title, new, document_changes),
                )
            )
    actions.append(
        types.CodeAction(
            f"Define {here.sigil} at the end of this file",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[shown],
            edit=types.WorkspaceEdit(changes={file.uri: [_definition_at_end(file, here.sigil)]}),
        )
    )
    return actions


def _definition_at_end(file: File, sigil: str) -> types.TextEdit:
    end = file.lines.end()
    text = file.text or ""
    if not text.strip() or text.endswith("\n\n"):
        lead = ""
    else:  # a blank line between the last block and the new one
        lead = "\n" if text.endswith("\n") else "\n\n"
    return types.TextEdit(types.Range(end, end), f"{lead}{sigil}: {PLACEHOLDER}\n")


def _misspelt_tag(snapshot: Snapshot, file: File, diagnostic: Diagnostic, shown: types.Diagnostic) -> list[types.CodeAction]:
    """Replace the misspelt tag wherever the element is written with it (the warning sits on its first occurrence)."""
    suggestion = _TAG_SUGGESTION.match(diagnostic.hint)
    written = _UNDECLARED_TAG.search(diagnostic.message)
    here = file.index.at(diagnostic.span.line - 1, diagnostic.span.column)
    if suggestion is None or written is None or here is None:
        return []
    tag, new = written.group(1), suggestion.group(1)
    pattern = re.compile(rf"(?<!\S)#{re.escape(tag)}(?![\w\-])")
    edits: dict[str, list[types.TextEdit]] = {}
    for occurrence in snapshot.occurrences(here.kind, here.title):
        element = occurrence.element
        if element is None or tag not in element.tags:
            continue
        lines = snapshot.files[occurrence.path].lines
        for line in range(element.span.line - 1, element.span.end_line):
            for match in pattern.finditer(lines.line(line)):
                edits.setdefault(snapshot.files[occurrence.path].uri, []).append(types.TextEdit(lines.span_range(line, match.start() + 1, match.end()), new))
    if not edits:
        return []
    return [
        types.CodeAction(
            f"Change #{tag} to #{new}",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[shown],
            is_preferred=True,
            edit=types.WorkspaceEdit(changes=edits),
        )
    ]


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return not (key(a.end) < key(b.start) or key(b.end) < key(a.start))
