"""Where each title is written: every ``[Title]`` and ``<Title>`` of a file,
with the characters its title takes on its line.

The model records each written element (definition or reference, top level,
under a relation sign, in a premise–conclusion structure) with a span that
starts at its opening bracket; the title runs to the first closing bracket,
which a title cannot contain. Mentions in text (``@[Title]``, ``@<Title>``)
are not elements; they are found in the text. Definition, references,
rename, hover and the outline all read this index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..core.model import Argument, Document, Kind, Statement
from ..core.text import normalize_title
from .positions import Lines

_MENTION = re.compile(r"@(?:\[([^\[\]\r\n]+)\]|<([^<>\r\n]+)>)")
_CLOSER = {"[": "]", "<": ">"}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One written title: 0-based line; ``start``..``end`` are its characters, brackets excluded."""

    kind: Kind
    title: str
    path: str
    line: int
    start: int
    end: int
    defines: bool = False  # written with its text, or reconstructed
    mention: bool = False  # @[Title] in text
    element: Statement | Argument | None = None

    @property
    def sigil(self) -> str:
        return f"[{self.title}]" if self.kind is Kind.STATEMENT else f"<{self.title}>"

    def covers(self, line: int, column: int) -> bool:
        """Is the 0-based ``column`` on the title or its brackets (or just after, as a cursor is)?"""
        return line == self.line and self.start - 1 <= column <= self.end + 1


class FileIndex:
    """The written titles of one file, by line."""

    def __init__(self, document: Document, lines: Lines):
        self.path = document.path
        self.occurrences: list[Occurrence] = []
        for element in (*document.statements, *document.arguments):
            found = _occurrence(element, lines, document.path)
            if found is not None:
                self.occurrences.append(found)
        for index, text in enumerate(lines.lines):
            if "@" in text:
                for match in _MENTION.finditer(text):
                    kind = Kind.STATEMENT if match.group(1) is not None else Kind.ARGUMENT
                    group = 1 if kind is Kind.STATEMENT else 2
                    self.occurrences.append(
                        Occurrence(kind, normalize_title(match.group(group)), document.path, index, match.start(group), match.end(group), mention=True)
                    )
        self.occurrences.sort(key=lambda o: (o.line, o.start))
        self.by_line: dict[int, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            self.by_line[occurrence.line].append(occurrence)

    def at(self, line: int, column: int) -> Occurrence | None:
        """The title at a 0-based line and character, if the cursor is on one."""
        for occurrence in self.by_line.get(line, ()):
            if occurrence.covers(line, column):
                return occurrence
        return None


def _occurrence(element: Statement | Argument, lines: Lines, path: str) -> Occurrence | None:
    if element.generated_title:
        return None
    line = element.span.line - 1
    start = element.span.column - 1
    text = lines.line(line)
    if start >= len(text) or text[start] not in _CLOSER:
        return None
    end = text.find(_CLOSER[text[start]], start + 1)
    if end < 0:
        return None
    kind = Kind.STATEMENT if isinstance(element, Statement) else Kind.ARGUMENT
    defines = bool(element.text) or (kind is Kind.ARGUMENT and bool(element.pcs))
    return Occurrence(kind, element.title, path, line, start + 1, end, defines, False, element)


def group_by_title(indexes: list[FileIndex]) -> dict[tuple[Kind, str], list[Occurrence]]:
    """Every occurrence of every title across files, in file and line order."""
    grouped: dict[tuple[Kind, str], list[Occurrence]] = defaultdict(list)
    for index in indexes:
        for occurrence in index.occurrences:
            grouped[(occurrence.kind, occurrence.title)].append(occurrence)
    return grouped
