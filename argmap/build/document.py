"""Build stage: raw blocks from the parser → one typed :class:`Document`.

This is where Argdown's meaning is applied to what was written: relation
directions, premise–conclusion roles, "Untitled N" titles in document order,
sections from headings, strict mode. Problems become diagnostics, so one run
reports all of them.

This module walks the blocks and puts the document together; the parts are
read by :mod:`.front_matter`, :mod:`.elements` (statements, arguments,
relations), :mod:`.pcs` (premise–conclusion structures) and :mod:`.inline`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterator

from ..core.collector import gc_paused
from ..core.errors import ArgmapError, error, warning
from ..core.model import Diagnostic, Document, Role, Section, Source, Span
from ..parse.parser import parse_raw
from ..parse.raw import RawElement, RawFrontMatter, RawHeading, RawList, RawPcs
from . import background
from .elements import ElementBuilder, written_titles
from .front_matter import (
    FRONT_MATTER_CLOSE,
    FRONT_MATTER_OPEN,
    no_front_matter,
    read_front_matter,
)
from .inline import inline_text
from .pcs import anonymous_argument, argument_with_pcs
from .tokens import token_span


def build_document(blocks: list | Iterator, path: str, text: str) -> Document:
    """The typed document of the raw blocks of ``text``.

    ``blocks`` is a list, used up (emptied as it is built: each raw block is
    dropped once built, so the memory of its tokens is reused for the model
    rather than both being held at once; at 20 000 statements the process
    holds 93 MB once the model is built, not 120 MB), or an iterator of
    blocks as a background parse delivers them.
    """
    # "Untitled N" is Argdown's name for untitled elements; it must never
    # be taken for a title the user wrote.
    if isinstance(blocks, list):
        written = written_titles(blocks) if "Untitled" in text else set()
        blocks = _used_up(blocks)
    else:  # a background parse is only for texts without "Untitled"
        written = set()
    diagnostics: list[Diagnostic] = []
    first = next(blocks, None)
    if isinstance(first, RawFrontMatter):
        front = read_front_matter(first.token, path, diagnostics)
        first = next(blocks, None)
    else:
        front = no_front_matter(path)
    builder = ElementBuilder(path, diagnostics, front.source.id, front.strict, written)
    if first is not None:
        _build_blocks(builder, first, blocks)
    return Document(
        path=path,
        source=front.source,
        front_matter=front.data,
        positions=front.positions,
        strict=front.strict,
        statements=tuple(builder.statements),
        arguments=tuple(builder.arguments),
        relations=tuple(builder.relations),
        self_relations=tuple(builder.self_relations),
        sections=tuple(builder.sections),
        diagnostics=tuple(diagnostics),
    )


def _used_up(blocks: list) -> Iterator:
    """The blocks of the list, each dropped from it as it is handed out."""
    for index in range(len(blocks)):
        block, blocks[index] = blocks[index], None
        yield block


def _build_blocks(builder: ElementBuilder, block, blocks: Iterator) -> None:
    """Build ``block`` and the blocks after it."""
    while block is not None:
        following = next(blocks, None)
        if isinstance(block, RawHeading):
            _heading(builder, block)
        elif isinstance(block, RawElement):
            if block.kind == "argument" and isinstance(following, RawPcs):
                argument_with_pcs(builder, block, following)
                following = next(blocks, None)
            else:
                builder.element(block, Role.TOP_LEVEL)
        elif isinstance(block, RawPcs):
            anonymous_argument(builder, block)
        elif isinstance(block, RawList):
            for _mark, item in block.items:
                first = len(builder.statements)
                builder.element(item, Role.TOP_LEVEL)
                if item.kind == "statement":  # Argdown gives list items no role
                    builder.statements[first] = dataclasses.replace(builder.statements[first], list_item=True)
        block = following


def _heading(builder: ElementBuilder, heading: RawHeading) -> None:
    """Open the section of ``heading``, closing those at its level or deeper."""
    level = heading.mark.value.strip().count("#")
    text, argdown_text, _tags, data = inline_text(heading.inline, builder.path, builder.diagnostics)
    section_stack = builder.section_stack
    while section_stack and section_stack[-1].level >= level:
        section_stack.pop()
    parent = section_stack[-1].id if section_stack else None
    last = heading.inline[-1] if heading.inline else heading.mark
    section = Section(f"s{len(builder.sections) + 1}", level, argdown_text, token_span(builder.path, heading.mark, last), parent, data)
    builder.sections.append(section)
    section_stack.append(section)


__all__ = ["build_document", "parse_document"]


MAX_ERRORS_PER_FILE = 50


def parse_document(text: str, path: str) -> Document:
    """Parse and build one document, reporting every syntax error it can find."""
    with gc_paused():
        return _parse_document(text, path)


def _parse_document(text: str, path: str) -> Document:
    """Parse and build one document, reporting every syntax error it can find.

    After a syntax error the paragraph holding it is blanked out (line
    numbers are kept) and the rest of the file is parsed again, so one run
    reports the problems of every paragraph, not just the first.
    """
    diagnostics: list[Diagnostic] = []
    if not text.strip():
        return Document(path, Source(Path(path).stem, path), diagnostics=(warning("empty-file", Span(path, 1, 1, 1, 1), "write a statement like [Title]: text"),))
    source_text = text
    opened = FRONT_MATTER_OPEN.match(text)
    if opened and not FRONT_MATTER_CLOSE.search(text, opened.end()):
        diagnostics.append(error("unterminated-front-matter", Span(path, 1, 1, 1, 4), "end the front matter with a line holding only '==='"))
        text = ""
    if not diagnostics and background.worthwhile(text) and "Untitled" not in text:
        try:
            return build_document(background.blocks(text, path), path, source_text)
        except background.NotInBackground:
            pass  # a syntax error (or a failed child): parse here, reporting each error
    blocks: list = []
    for _attempt in range(MAX_ERRORS_PER_FILE):
        try:
            blocks = parse_raw(text, path) if text else []
            break
        except ArgmapError as exc:
            diagnostics.append(exc.diagnostic())
            blanked = _blank_paragraph(text, exc.span.line if exc.span else 1)
            if blanked == text:
                blocks = []
                break
            text = blanked
    document = build_document(blocks, path, source_text)
    if diagnostics:
        document = dataclasses.replace(document, diagnostics=tuple(diagnostics) + document.diagnostics)
    return document


def _blank_paragraph(text: str, line: int) -> str:
    """Empty the lines of the blank-line-delimited paragraph holding ``line``."""
    lines = text.split("\n")
    index = min(max(line - 1, 0), len(lines) - 1)
    start = index
    while start > 0 and lines[start - 1].strip():
        start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    if start == 0 and FRONT_MATTER_OPEN.match(text):
        start = 0  # a broken first paragraph takes the front matter with it
    for i in range(start, end + 1):
        lines[i] = ""
    return "\n".join(lines)
