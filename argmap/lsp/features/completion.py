"""Completion: titles after ``[`` and ``<`` (from every file, each with where
it is defined), tags after ``#``, relation signs at the start of an indented
line, and after ``> "`` the sentences of this file's article that no quote
of the file holds yet, so a quote is verbatim by construction.

Each item replaces what was typed since the opening character, so the
editor filters by it, and closes the bracket or quote unless the editor
already did.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from ...core.model import Kind
from ...core.text import normalize_quote
from ..workspace import File, Snapshot

if TYPE_CHECKING:
    from ..server import ArgmapServer

TRIGGERS = ["[", "<", "#", '"', "“"]
_TITLE = re.compile(r"(?:^|[^\\])([\[<])([^\[\]<>]*)$")
_TAG = re.compile(r"(?:^|\s)#([\w\-]*)$")
_SIGN = re.compile(r"^([ \t]+)([+\-_<>]{0,2})$")
_QUOTE = re.compile(r"^[ \t]*>[ \t]+([\"“])([^\"”]*)$")
_CLOSING = {"[": "]", "<": ">", '"': '"', "“": "”"}
SIGNS = (
    ("+", "supports the element above"),
    ("-", "attacks the element above"),
    ("_", "undercuts the inference of the argument above"),
    ("+>", "the element above supports it"),
    ("->", "the element above attacks it"),
    ("_>", "the element above undercuts its inference"),
    ("<+", "supports the element above (same as +)"),
    ("<-", "attacks the element above (same as -)"),
    ("<_", "undercuts the argument above (same as _)"),
    ("><", "contradicts the element above"),
)


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS))
    def completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        snapshot = ls.state.snapshot()
        file = snapshot.file(params.text_document.uri)
        if file is None:
            return None
        line = file.lines.line(params.position.line)
        column = file.lines.column(params.position)
        before, after = line[:column], line[column:]
        items = complete(snapshot, file, params.position.line, before, after)
        return types.CompletionList(is_incomplete=False, items=items) if items is not None else None


def complete(snapshot: Snapshot, file: File, line: int, before: str, after: str) -> list[types.CompletionItem] | None:
    """The completions for a cursor with ``before`` and ``after`` it on its line."""
    if match := _QUOTE.match(before):
        return _sentences(file, line, before, after, match)
    if match := _SIGN.match(before):
        return _signs(file, line, match)
    if match := _TITLE.search(before):
        return _titles(snapshot, file, line, before, after, match)
    if match := _TAG.search(before):
        return _tags(snapshot, file, line, before, match)
    return None


def _edit(file: File, line: int, start: int, end: int, text: str) -> types.TextEdit:
    return types.TextEdit(file.lines.span_range(line, start, end), text)


def _titles(snapshot: Snapshot, file: File, line: int, before: str, after: str, match: re.Match) -> list[types.CompletionItem]:
    opener = match.group(1)
    kind = Kind.STATEMENT if opener == "[" else Kind.ARGUMENT
    if kind is Kind.ARGUMENT and before[: match.start(1)].strip() == "" and match.group(2)[:1] in ("+", "-", "_"):
        return []  # `<+`, `<-`, `<_` at the start of a line are relation signs
    closer = _CLOSING[opener]
    start = match.start(2)
    suffix = "" if after.startswith(closer) else closer
    items = []
    for title, element in snapshot.titles_of(kind).items():
        if element.generated_title:
            continue
        defined = snapshot.definitions(kind, title)
        where = f"{Path(defined[0].path).name}:{defined[0].line + 1}" if defined else "not defined yet"
        items.append(
            types.CompletionItem(
                label=title,
                kind=types.CompletionItemKind.Constant if kind is Kind.STATEMENT else types.CompletionItemKind.Function,
                detail=f"defined in {where}" if defined else where,
                documentation=element.text or None,
                filter_text=title,
                sort_text=title.casefold(),
                text_edit=_edit(file, line, start, len(before), title + suffix),
            )
        )
    return items


def _tags(snapshot: Snapshot, file: File, line: int, before: str, match: re.Match) -> list[types.CompletionItem]:
    labels = {p.tag: p.label for p in snapshot.map.positions}
    counts: dict[str, int] = dict.fromkeys(labels, 0)
    for element in (*snapshot.map.statements.values(), *snapshot.map.arguments.values()):
        for tag in element.tags:
            counts[tag] = counts.get(tag, 0) + 1
    start = match.start(1)
    typed = match.group(1)
    if counts.get(typed) == 1 and typed not in labels:
        del counts[typed]  # only the tag being typed: not a tag to offer
    return [
        types.CompletionItem(
            label=tag,
            kind=types.CompletionItemKind.EnumMember if tag in labels else types.CompletionItemKind.Keyword,
            detail=f"position: {labels[tag]}" if tag in labels else f"tag, used {count} time{'s' * (count != 1)}",
            sort_text=f"{0 if tag in labels else 1}{tag}",
            text_edit=_edit(file, line, start, len(before), tag),
        )
        for tag, count in sorted(counts.items())
        if " " not in tag  # a #(tag with spaces) is written in brackets
    ]


def _signs(file: File, line: int, match: re.Match) -> list[types.CompletionItem]:
    start = match.start(2)
    return [
        types.CompletionItem(
            label=sign,
            kind=types.CompletionItemKind.Operator,
            detail=meaning,
            sort_text=f"{index:02d}",
            text_edit=_edit(file, line, start, match.end(2), sign + " "),
        )
        for index, (sign, meaning) in enumerate(SIGNS)
    ]


def _sentences(file: File, line: int, before: str, after: str, match: re.Match) -> list[types.CompletionItem]:
    document = file.document
    article = document.source.article if document else ""
    if not article:
        return []
    quoted = [normalize_quote(q.text) for e in (*document.statements, *document.arguments) for q in e.quotes]
    quoted = [q for q in quoted if q]
    closer = _CLOSING[match.group(1)]
    suffix = "" if after.startswith(('"', "”")) else closer
    start = match.start(2)
    items = []
    try:
        status = os.stat(article)
        found = article_sentences(article, status.st_mtime_ns, status.st_size)
    except (OSError, UnicodeDecodeError):
        return []  # the diagnostics say what is wrong with the article
    for index, (sentence, normalized, where) in enumerate(found):
        if any(q in normalized or normalized in q for q in quoted):
            continue
        items.append(
            types.CompletionItem(
                label=sentence if len(sentence) <= 80 else sentence[:79] + "…",
                kind=types.CompletionItemKind.Text,
                detail=f"{Path(article).name}:{where}",
                documentation=sentence,
                filter_text=sentence,
                sort_text=f"{index:05d}",
                text_edit=_edit(file, line, start, len(before), sentence + suffix),
            )
        )
    return items


@functools.lru_cache(maxsize=16)
def article_sentences(path: str, _mtime_ns: int, _size: int) -> tuple[tuple[str, str, int], ...]:
    """(sentence as written, as quotes are compared, line) of an article, read once per version."""
    from ...extract.article import normalize_article, sentences

    text = normalize_article(Path(path).read_text(encoding="utf-8-sig"))
    _paragraphs, found = sentences(text)
    return tuple((" ".join(s.text.split()), normalize_quote(s.text), text.count("\n", 0, s.start) + 1) for s in found)
