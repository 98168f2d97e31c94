"""Diagnostics as you type: every error and warning `argmap check` gives, in
its words, published for every file whose diagnostics an edit changed.

Edits are debounced: a burst of keystrokes is checked once, ``DEBOUNCE``
seconds after the last. The message is the checker's message and its hint,
as `argmap check` prints them; where another place explains the problem,
``relatedInformation`` points there (the other definition of a title, the
other declaration of a position or source id, the definition a
did-you-mean suggests, the closest passage of the article).
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import from_fs_path

from ...checks.quotes import read_article
from ...core.model import Diagnostic, Kind, Severity
from ..positions import Lines
from ..workspace import Snapshot

if TYPE_CHECKING:
    from ..server import ArgmapServer

DEBOUNCE = 0.04  # seconds of quiet after a keystroke before the map is checked again
SOURCE = "argmap"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning}
_SUGGESTED = re.compile(r"^did you mean (\[(.+)\]|<(.+)>)\?$")
_CLOSEST = re.compile(r"^closest match \(\d+%\) is at (.+):(\d+):(\d+): ")


def register(server: ArgmapServer) -> None:
    """Nothing to register: the document handlers call :func:`schedule`."""


def message_of(diagnostic: Diagnostic) -> str:
    """The message as `argmap check` prints it: the message, then its hint."""
    return f"{diagnostic.message}\nhint: {diagnostic.hint}" if diagnostic.hint else diagnostic.message


def to_lsp(diagnostic: Diagnostic, snapshot: Snapshot, related: bool = True) -> types.Diagnostic:
    file = snapshot.files[diagnostic.span.path]
    return types.Diagnostic(
        range=file.lines.range(diagnostic.span),
        message=message_of(diagnostic),
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code or None,
        source=SOURCE,
        related_information=(related_information(diagnostic, snapshot) or None) if related else None,
    )


def file_diagnostics(snapshot: Snapshot, path: str, related: bool = True) -> list[types.Diagnostic]:
    return [to_lsp(d, snapshot, related) for d in snapshot.diagnostics.get(path, ())]


# ---------------------------------------------------------------- publishing


def schedule(server: ArgmapServer, delay: float = DEBOUNCE) -> None:
    """Check and publish after ``delay`` seconds, unless another edit comes first."""
    pending = server.pending_publish
    if pending is not None:
        pending.cancel()
    server.pending_publish = asyncio.get_running_loop().call_later(delay, publish, server)


def publish(server: ArgmapServer) -> None:
    """Publish the diagnostics of every file whose diagnostics changed since they were last published."""
    server.pending_publish = None
    try:
        snapshot = server.state.snapshot()
        related = server.supports("text_document.publish_diagnostics.related_information")
        published = server.published
        for path, file in snapshot.files.items():
            version = file.version if file.is_open else None
            found = (version, file_diagnostics(snapshot, path, related))
            if published.get(file.uri) != found:  # an edited buffer has a new version: always published
                published[file.uri] = found
                server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=file.uri, diagnostics=found[1], version=version))
        current = {f.uri for f in snapshot.files.values()}
        for uri in [u for u in published if u not in current]:
            del published[uri]  # the file left the map: clear what the editor shows
            server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    except Exception as error:  # a bug: say so in the editor's log, keep serving
        server.report_bug(error)


# ---------------------------------------------------------------- related places


def related_information(diagnostic: Diagnostic, snapshot: Snapshot) -> list[types.DiagnosticRelatedInformation]:
    code = diagnostic.code
    if code == "conflicting-text":
        return _conflicting(diagnostic, snapshot)
    if code == "unknown-reference":
        return _suggested(diagnostic, snapshot)
    if code == "quote-not-found":
        return _closest_passage(diagnostic, snapshot)
    return []


def _location(snapshot: Snapshot, path: str, line: int, start: int, end: int) -> types.Location:
    file = snapshot.files[path]
    return types.Location(file.uri, file.lines.span_range(line, start, end))


def _conflicting(diagnostic: Diagnostic, snapshot: Snapshot) -> list[types.DiagnosticRelatedInformation]:
    span = diagnostic.span
    if diagnostic.message.startswith(("source id", "position #")):
        return _conflicting_front_matter(diagnostic, snapshot)
    file = snapshot.files[span.path]
    here = next((o for o in file.index.by_line.get(span.line - 1, ()) if o.start == span.column and not o.mention), None)
    if here is None:
        return []
    others = [o for o in snapshot.definitions(here.kind, here.title) if o is not here]
    return [
        types.DiagnosticRelatedInformation(_location(snapshot, o.path, o.line, o.start, o.end), f"{o.sigil} is also written here" + (f": {_short(o.element.text)}" if o.element.text else ""))
        for o in others
    ]


def _conflicting_front_matter(diagnostic: Diagnostic, snapshot: Snapshot) -> list[types.DiagnosticRelatedInformation]:
    """A source id or position declared differently in two files: point at the other file's front matter."""
    here = snapshot.files[diagnostic.span.path].document
    found = []
    for path, file in snapshot.files.items():
        other = file.document
        if path == here.path or other is None:
            continue
        if diagnostic.message.startswith("source id") and other.source.id == here.source.id:
            found.append(types.DiagnosticRelatedInformation(_location(snapshot, path, 0, 0, 0), f"source id {other.source.id!r} is also used here"))
        mine = {p.tag: p for p in here.positions}
        for position in other.positions:
            if diagnostic.message.startswith("position #") and position.tag in mine and mine[position.tag] != position:
                line = _line_with(file, "positions:")
                found.append(types.DiagnosticRelatedInformation(_location(snapshot, path, line, 0, 0), f"position #{position.tag} is declared differently here"))
    return found


def _suggested(diagnostic: Diagnostic, snapshot: Snapshot) -> list[types.DiagnosticRelatedInformation]:
    match = _SUGGESTED.match(diagnostic.hint)
    if match is None:
        return []
    kind = Kind.STATEMENT if match.group(2) is not None else Kind.ARGUMENT
    title = match.group(2) if kind is Kind.STATEMENT else match.group(3)
    return [
        types.DiagnosticRelatedInformation(_location(snapshot, o.path, o.line, o.start, o.end), f"{o.sigil} is defined here")
        for o in snapshot.definitions(kind, title)[:3]
    ]


def _closest_passage(diagnostic: Diagnostic, snapshot: Snapshot) -> list[types.DiagnosticRelatedInformation]:
    match = _CLOSEST.match(diagnostic.hint)
    if match is None:
        return []
    article = os.path.normpath(Path(diagnostic.span.path).parent / match.group(1))
    try:
        lines = Lines(read_article(article).original, snapshot.encoding)
    except (OSError, UnicodeDecodeError):
        return []
    position = lines.position(int(match.group(2)), int(match.group(3)))
    uri = from_fs_path(article) or article
    return [types.DiagnosticRelatedInformation(types.Location(uri, types.Range(position, position)), "the closest passage of the article")]


def _line_with(file, key: str) -> int:
    for index, line in enumerate(file.lines.lines):
        if line.startswith(key):
            return index
    return 0


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
