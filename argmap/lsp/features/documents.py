"""Keeping the map in step with the editor: the workspace folders at start,
buffers opened, edited and closed, and files changed on disk.

Every change is checked after a short quiet (see
:func:`~argmap.lsp.features.diagnostics.schedule`). Where the client can
watch files for us, it is asked to report changes to argument files,
positions files and articles made outside the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from ..positions import UTF16
from ..workspace import path_of
from .diagnostics import schedule

if TYPE_CHECKING:
    from ..server import ArgmapServer

WATCHED = ("**/*.{argmap,argdown}", "**/*.{yaml,yml}", "**/*.{txt,md}")


def register(server: ArgmapServer) -> None:
    @server.feature(types.INITIALIZED)
    def initialized(ls: ArgmapServer, params: types.InitializedParams) -> None:
        ls.state.encoding = ls.workspace.position_encoding or UTF16
        ls.state.set_folders(_folders(ls))
        if ls.supports("workspace.did_change_watched_files.dynamic_registration"):
            watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(id="argmap-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)
            asked = ls.client_register_capability(types.RegistrationParams(registrations=[registration]))
            asked.add_done_callback(lambda done: done.exception())  # a refusal only means no watching
        schedule(ls, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def folders_changed(ls: ArgmapServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        ls.state.set_folders(_folders(ls))
        schedule(ls, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        ls.state.open(document.uri, document.text, document.version)
        schedule(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        document = params.text_document
        ls.state.change(document.uri, ls.workspace.get_text_document(document.uri).source, document.version)
        schedule(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.state.close(params.text_document.uri)
        schedule(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            ls.state.changed_on_disk(change.uri, deleted=change.type == types.FileChangeType.Deleted)
        schedule(ls)


def _folders(ls: ArgmapServer) -> list[str]:
    """The workspace folders' paths (the root, for clients without folders)."""
    uris = list(ls.workspace.folders) or ([ls.workspace.root_uri] if ls.workspace.root_uri else [])
    return [path_of(uri) for uri in uris if uri.startswith("file:")]
