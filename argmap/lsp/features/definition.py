"""Go to definition: from a ``[Title]`` or ``<Title>`` (or a mention of one)
to where it is written with its text, in whichever file that is.

A title defined in several files (the same claim quoted from two articles)
has several definitions; the editor offers the choice. A title only ever
referred to has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from ..server import ArgmapServer


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> list[types.Location] | None:
        snapshot = ls.state.snapshot()
        here = snapshot.at(params.text_document.uri, params.position)
        if here is None:
            return None
        found = [snapshot.location(o) for o in snapshot.definitions(here.kind, here.title)]
        return found or None
