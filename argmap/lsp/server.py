"""`argmap lsp`: the language server (pygls) that knows the whole map.

This module makes the server and registers each feature's handlers; the
state lives in one :class:`~argmap.lsp.workspace.MapWorkspace`, and each
feature is a module of :mod:`argmap.lsp.features`. Text is synchronised in
full: an argument file is small, and a full text cannot be mis-applied
(incremental edits are applied by lines, and pygls splits lines at more
characters than the parser does, such as U+2028 in a pasted quote).
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer

from .features import (
    code_actions,
    completion,
    definition,
    diagnostics,
    documents,
    formatting,
    hover,
    references,
    rename,
    semantic_tokens,
    symbols,
)
from .features import RequestRefused
from .workspace import MapWorkspace

FEATURES = (documents, diagnostics, definition, references, hover, completion, rename, symbols, formatting, code_actions, semantic_tokens)


class ArgmapServer(LanguageServer):
    """A pygls server holding the map's state, and what publishing needs."""

    def __init__(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            own_version = version("argmap")
        except PackageNotFoundError:  # run from a source tree
            own_version = "0"
        super().__init__("argmap", own_version, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.state = MapWorkspace()
        self.pending_publish: asyncio.TimerHandle | None = None
        self.published: dict[str, tuple[int | None, list[types.Diagnostic]]] = {}  # by uri: for which version, what
        self.shut_down = False

    def supports(self, capability: str) -> bool:
        """Does the client say it supports this (a dotted path into its capabilities)?"""
        return bool(get_capability(self.client_capabilities, capability, False))

    def markup_kind(self, capability: str) -> types.MarkupKind:
        """Markdown where the client reads it (e.g. 'text_document.hover.content_format'), else plain text."""
        formats = get_capability(self.client_capabilities, capability, None) or []
        return types.MarkupKind.Markdown if types.MarkupKind.Markdown in formats else types.MarkupKind.PlainText

    def report_bug(self, error: BaseException) -> None:
        """An exception in the server is a bug: log it where the editor shows the server's log."""
        text = "".join(traceback.format_exception(error))
        logging.getLogger("argmap.lsp").error("%s", text)
        self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"argmap: internal error\n{text}"))

    def report_server_error(self, error: Exception, source: Any) -> None:
        if isinstance(error, RequestRefused):
            return  # the editor shows the reason; nothing went wrong
        self.report_bug(error)
        super().report_server_error(error, source)


class _NotRefusals(logging.Filter):
    """pygls logs every failed request with a traceback; a refusal is no failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], RequestRefused))


def create_server() -> ArgmapServer:
    server = ArgmapServer()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ArgmapServer, params: None) -> None:
        ls.shut_down = True
        if ls.pending_publish is not None:
            ls.pending_publish.cancel()

    for feature in FEATURES:
        feature.register(server)
    return server


def main() -> int:
    """Serve on standard input and output until the editor says exit; the exit status.

    As the protocol asks: 0 when the editor asked to shut down before
    exiting, 1 when it did not (or the connection was lost).
    """
    logging.basicConfig(level=logging.WARNING, format="argmap lsp: %(levelname)s %(message)s")
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_NotRefusals())
    server = create_server()
    server.start_io()
    return 0 if server.shut_down else 1
