"""Find references: every place a title is written, in every file of the map
(definitions, references under relation signs, premise–conclusion items and
mentions in text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from ..server import ArgmapServer


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        snapshot = ls.state.snapshot()
        here = snapshot.at(params.text_document.uri, params.position)
        if here is None:
            return None
        found = snapshot.occurrences(here.kind, here.title)
        if not params.context.include_declaration:
            found = [o for o in found if not o.defines]
        return [snapshot.location(o) for o in found]
