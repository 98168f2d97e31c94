"""Rename a title in every file of the map at once (one workspace edit),
refusing a title that is already taken: the two elements would silently
become one.

:func:`title_edit` is shared with the code action that applies a
did-you-mean, which renames a misspelt reference the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from ...core.model import Kind, Ref
from ...core.text import normalize_title
from ..workspace import Snapshot
from . import RequestRefused

if TYPE_CHECKING:
    from ..server import ArgmapServer

_FORBIDDEN = {Kind.STATEMENT: "[]", Kind.ARGUMENT: "<>"}


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        snapshot = ls.state.snapshot()
        here = snapshot.at(params.text_document.uri, params.position)
        if here is None:
            return None
        return types.PrepareRenamePlaceholder(snapshot.location(here).range, here.title)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        snapshot = ls.state.snapshot()
        here = snapshot.at(params.text_document.uri, params.position)
        if here is None:
            raise RequestRefused("put the cursor on a [Title] or <Title> to rename it")
        new = checked_title(snapshot, here.kind, here.title, params.new_name)
        return title_edit(snapshot, here.kind, here.title, new, ls.supports("workspace.workspace_edit.document_changes"))


def checked_title(snapshot: Snapshot, kind: Kind, old: str, wanted: str) -> str:
    """The new title, normalised; refuses one that is empty, malformed or taken."""
    opener, closer = _FORBIDDEN[kind]
    wanted = wanted.strip()
    if wanted.startswith(opener) and wanted.endswith(closer):
        wanted = wanted[1:-1]  # the brackets typed along with the title
    new = normalize_title(wanted)
    if not new:
        raise RequestRefused("a title cannot be empty")
    if opener in new or closer in new or "\n" in wanted:
        raise RequestRefused(f"a title cannot hold {opener!r}, {closer!r} or a line break")
    if new != old and new in snapshot.titles_of(kind):
        taken = Ref(kind, new)
        where = snapshot.definitions(kind, new) or snapshot.occurrences(kind, new)
        place = f" (in {Path(where[0].path).name}:{where[0].line + 1})" if where else ""
        raise RequestRefused(f"{taken} already exists{place}; renaming {Ref(kind, old)} to it would merge the two")
    return new


def title_edit(snapshot: Snapshot, kind: Kind, old: str, new: str, document_changes: bool) -> types.WorkspaceEdit:
    """Every written ``old`` title of this kind becomes ``new``, in every file."""
    by_file: dict[str, list[types.TextEdit]] = {}
    for occurrence in snapshot.occurrences(kind, old):
        location = snapshot.location(occurrence)
        by_file.setdefault(occurrence.path, []).append(types.TextEdit(location.range, new))
    if not document_changes:
        return types.WorkspaceEdit(changes={snapshot.files[p].uri: edits for p, edits in by_file.items()})
    changes = []
    for path, edits in by_file.items():
        file = snapshot.files[path]
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=file.uri, version=file.version if file.is_open else None)
        changes.append(types.TextDocumentEdit(identifier, edits))
    return types.WorkspaceEdit(document_changes=changes)
