"""Format document: the whole buffer in `argmap fmt`'s canonical layout.

A file with syntax errors is left as it is (the diagnostics already say
why), as `argmap fmt` leaves it; the reason goes to the server's log rather
than a pop-up, since editors format on every save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from ..server import ArgmapServer


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        from ...fmt.formatter import FormatError, format_text

        snapshot = ls.state.snapshot()
        file = snapshot.file(params.text_document.uri)
        if file is None or file.text is None:
            return None
        try:
            formatted = format_text(file.text, file.path)
        except FormatError as error:
            ls.window_log_message(types.LogMessageParams(types.MessageType.Info, f"argmap fmt: {file.path} left as it is: {error}"))
            return None
        if formatted == file.text:
            return []
        whole = types.Range(types.Position(0, 0), file.lines.end())
        return [types.TextEdit(whole, formatted)]
