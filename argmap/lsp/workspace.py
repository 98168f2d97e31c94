"""The language server's one state object: every argument file of the
workspace, parsed, merged into one map and checked.

An open buffer's unsaved text overrides the file on disk. Each file keeps
its parsed :class:`~argmap.core.model.Document` until its text changes, so
an edit re-parses that one file; the map is then merged and checked again
(merging and checking take a few milliseconds where parsing a file takes
tens). Features ask for :meth:`MapWorkspace.snapshot`, which brings the map
up to date first, so an answer never lags behind what the editor shows.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from ..build.document import parse_document
from ..checks.checker import check
from ..core.model import ArgumentMap, Diagnostic, Document, Kind, Span
from ..merge.combine import merge, read_document
from .occurrences import FileIndex, Occurrence, group_by_title
from .positions import UTF16, Lines

EXTENSIONS = (".argmap", ".argdown")
_SKIPPED_FOLDERS = {"node_modules", "__pycache__", "site-packages"}


@dataclass(eq=False)
class File:
    """One argument file: where it is, its text, and its parse once made."""

    path: str
    uri: str
    text: str | None  # None when the file on disk is not UTF-8 text (its document says why)
    shown: str = ""  # such a file as an editor shows it (undecodable bytes replaced), for positions
    is_open: bool = False
    in_folders: bool = False
    version: int | None = None  # the editor's version of an open buffer
    document: Document | None = None  # None until parsed
    lines: Lines | None = None
    index: FileIndex | None = None


@dataclass
class Snapshot:
    """The map as of the last change, and what features read from it."""

    map: ArgumentMap
    files: dict[str, File]
    diagnostics: dict[str, list[Diagnostic]]  # by path
    titles: dict[tuple[Kind, str], list[Occurrence]] = field(default_factory=dict)
    seconds: float = 0.0  # how long bringing it up to date took
    encoding: str = UTF16  # of the protocol's columns

    def file(self, uri_or_path: str) -> File | None:
        return self.files.get(path_of(uri_or_path))

    def at(self, uri: str, position: types.Position) -> Occurrence | None:
        """The written title under the cursor, if any."""
        file = self.file(uri)
        if file is None or file.index is None:
            return None
        return file.index.at(position.line, file.lines.column(position))

    def location(self, occurrence: Occurrence) -> types.Location:
        """Where an occurrence's title is (brackets excluded), for the editor."""
        file = self.files[occurrence.path]
        return types.Location(file.uri, file.lines.span_range(occurrence.line, occurrence.start, occurrence.end))

    def occurrences(self, kind: Kind, title: str) -> list[Occurrence]:
        return self.titles.get((kind, title), [])

    def definitions(self, kind: Kind, title: str) -> list[Occurrence]:
        return [o for o in self.occurrences(kind, title) if o.defines]

    def titles_of(self, kind: Kind) -> dict:
        return self.map.statements if kind is Kind.STATEMENT else self.map.arguments


def path_of(uri: str) -> str:
    """The file system path of a file: URI; other URIs (unsaved buffers) stand for themselves."""
    if not uri.startswith("file:"):
        return uri
    return os.path.normpath(to_fs_path(uri) or uri)


class MapWorkspace:
    """Every argument file under the workspace folders, plus open buffers elsewhere."""

    def __init__(self, encoding: str = UTF16):
        self.encoding = encoding
        self.folders: list[str] = []
        self.files: dict[str, File] = {}
        self._snapshot: Snapshot | None = None

    # ------------------------------------------------------------ what changes

    def set_folders(self, folders: list[str]) -> None:
        """Use these folders: read every argument file under them."""
        self.folders = [os.path.normpath(f) for f in folders]
        found = set(self._scan())
        for path, file in list(self.files.items()):
            file.in_folders = path in found
            if not file.in_folders and not file.is_open:
                del self.files[path]
        for path in found:
            if path not in self.files:
                self.files[path] = self._read(path)
                self.files[path].in_folders = True
        self._snapshot = None

    def open(self, uri: str, text: str, version: int | None = None) -> None:
        path = path_of(uri)
        file = self.files.get(path)
        if file is None:
            file = self.files[path] = File(path, uri, text, in_folders=self._in_folders(path))
        file.uri, file.is_open, file.version = uri, True, version
        self._set_text(file, text)

    def change(self, uri: str, text: str, version: int | None = None) -> None:
        file = self.files.get(path_of(uri))
        if file is None:
            return self.open(uri, text, version)
        file.version = version
        self._set_text(file, text)

    def close(self, uri: str) -> None:
        """The buffer is closed: the file on disk counts again (or the file leaves the map)."""
        path = path_of(uri)
        file = self.files.get(path)
        if file is None:
            return
        if file.in_folders and os.path.isfile(path):
            self.files[path] = dataclasses.replace(self._read(path), in_folders=True)
        else:
            del self.files[path]
        self._snapshot = None

    def changed_on_disk(self, uri: str, deleted: bool = False) -> None:
        """A file changed outside the editor (the client watches the disk for us)."""
        path = path_of(uri)
        if path.endswith(EXTENSIONS):
            file = self.files.get(path)
            if file is not None and file.is_open:
                return  # the buffer is what counts while it is open
            if deleted or not os.path.isfile(path):
                self.files.pop(path, None)
            elif file is not None or self._in_folders(path):
                self.files[path] = dataclasses.replace(self._read(path), in_folders=True)
        elif self._is_read_by_a_document(path):
            for file in self.files.values():  # a positions file: read while parsing
                file.document = None
        self._snapshot = None

    # ------------------------------------------------------------ the map

    def snapshot(self) -> Snapshot:
        """The checked map of the current texts; parses only the files that changed."""
        if self._snapshot is not None:
            return self._snapshot
        started = time.perf_counter()
        for file in self.files.values():
            if file.document is None:
                file.document = _parse(file)
            if file.lines is None:
                file.lines = Lines(file.text if file.text is not None else file.shown, self.encoding)
            if file.index is None:
                file.index = FileIndex(file.document, file.lines)
        ordered = sorted(self.files)
        argument_map = merge([self.files[p].document for p in ordered])
        by_path: dict[str, list[Diagnostic]] = {p: [] for p in ordered}
        for diagnostic in check(argument_map):
            if diagnostic.span is not None and diagnostic.span.path in by_path:
                by_path[diagnostic.span.path].append(diagnostic)
        titles = group_by_title([self.files[p].index for p in ordered])
        self._snapshot = Snapshot(argument_map, dict(self.files), by_path, titles, time.perf_counter() - started, self.encoding)
        return self._snapshot

    # ------------------------------------------------------------ helpers

    def _set_text(self, file: File, text: str) -> None:
        if file.text != text or file.document is None:
            file.text, file.document, file.lines, file.index = text, None, None, None
        self._snapshot = None

    def _read(self, path: str) -> File:
        """A file from disk: its text if it is UTF-8 text, else the diagnostic of why not."""
        uri = from_fs_path(path) or path
        data = b""
        try:
            data = Path(path).read_bytes()
            if b"\x00" in data:
                raise ValueError("binary")
            return File(path, uri, data.decode("utf-8-sig"))
        except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
            shown = data.decode("utf-8-sig", "replace")
            return File(path, uri, None, shown=shown, document=read_document(path))

    def _scan(self) -> list[str]:
        found = []
        for folder in self.folders:
            for root, folders, names in os.walk(folder):
                folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS)
                found.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(EXTENSIONS))
        return found

    def _in_folders(self, path: str) -> bool:
        return path.endswith(EXTENSIONS) and any(path.startswith(folder.rstrip(os.sep) + os.sep) for folder in self.folders)

    def _is_read_by_a_document(self, path: str) -> bool:
        for file in self.files.values():
            positions = file.document.front_matter.get("positions") if file.document else None
            if isinstance(positions, str) and os.path.normpath(Path(file.path).parent / positions) == path:
                return True
        return False


def _parse(file: File) -> Document:
    """Parse a file's text; every diagnostic says where (a file-level one points at its start)."""
    document = parse_document(file.text or "", file.path)
    if any(d.span is None for d in document.diagnostics):
        start = Span(file.path, 1, 1, 1, 1)
        fixed = tuple(d if d.span is not None else dataclasses.replace(d, span=start) for d in document.diagnostics)
        document = dataclasses.replace(document, diagnostics=fixed)
    return document
