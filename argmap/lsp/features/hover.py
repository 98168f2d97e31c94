"""Hover over a title: the element's text, its position, its sources, and the
verbatim quote from each source, whichever file the quote is written in.

Markdown where the editor reads it; plain text otherwise. Text from the
files is escaped, so a ``*`` or ``[`` in a claim shows as itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lsprotocol import types

from ...core.voice import voice_notes
from ...core.model import ArgumentMap, Kind, MergedArgument, MergedStatement, Ref, Source
from ..workspace import Snapshot

if TYPE_CHECKING:
    from ..server import ArgmapServer

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START_MARKUP = re.compile(r"^([#+\-=]|\d+\.)")  # a heading, list item or rule if it began a line


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        snapshot = ls.state.snapshot()
        here = snapshot.at(params.text_document.uri, params.position)
        if here is None:
            return None
        element = snapshot.titles_of(here.kind).get(here.title)
        if element is None:
            return None
        kind = ls.markup_kind("text_document.hover.content_format")
        text = describe(element, here.kind, snapshot, markdown=kind == types.MarkupKind.Markdown)
        return types.Hover(types.MarkupContent(kind, text), snapshot.location(here).range)


def describe(element: MergedStatement | MergedArgument, kind: Kind, snapshot: Snapshot, markdown: bool = True) -> str:
    """What an editor shows for a statement or argument of the map."""
    esc = _escape if markdown else (lambda text: text)
    strong = (lambda text: f"**{text}**") if markdown else (lambda text: text)
    argument_map = snapshot.map
    ref = Ref(kind, element.title)
    lines = [f"{strong(esc(str(ref)))} · {kind.value}", ""]
    lines.append(esc(element.text) if element.text else "(not defined in any file)")
    if isinstance(element, MergedArgument) and element.pcs:
        lines += ["", *_pcs(element, markdown)]
    facts = []
    position = _position(argument_map, ref)
    if position:
        facts.append(f"{strong('Position:')} {esc(position)}")
    if element.tags:
        facts.append(f"{strong('Tags:')} " + " ".join(esc(f"#{t}") for t in element.tags))
    if element.sources:
        facts.append(f"{strong('Sources:')} " + ", ".join(esc(_source_name(argument_map, s)) for s in element.sources))
    facts += [esc(line) for line in voice_notes(element).splitlines()]  # speaker, hedge, the mapper's reconstruction
    if facts:
        lines += ["", *_as_lines(facts, markdown)]
    for source, quotes in _quotes_by_source(element).items():
        lines += ["", f"{strong(esc(_source_name(argument_map, source)))} quotes:"]
        lines += _separate_quotes([f"> {esc(q)}" for q in quotes]) if markdown else [f'  "{q}"' for q in quotes]
    return "\n".join(lines)


def _pcs(argument: MergedArgument, markdown: bool) -> list[str]:
    out = ["```argmap"] if markdown else []
    for index, item in enumerate(argument.pcs, 1):
        if item.inference is not None:
            rules = ", ".join(item.inference.rules)
            out.append(f"-- {rules} --" if rules else "----")
        out.append(f"({index}) [{item.statement}]")
    return out + (["```"] if markdown else [])


def _position(argument_map: ArgumentMap, ref: Ref) -> str:
    tag = argument_map.position_of(ref)
    if tag is None:
        return ""
    label = next((p.label for p in argument_map.positions if p.tag == tag), tag)
    return f"{label} (#{tag})" if label != tag else f"#{tag}"


def _source_name(argument_map: ArgumentMap, source_id: str) -> str:
    source: Source | None = next((s for s in argument_map.sources if s.id == source_id), None)
    if source is None:
        return source_id
    if source.publisher and source.title:
        return f"{source.publisher}, “{source.title}”"
    return source.publisher or source.title or source.id


def _quotes_by_source(element: MergedStatement | MergedArgument) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for quote in element.quotes:
        grouped.setdefault(quote.source, []).append(quote.text)
    return grouped


def _separate_quotes(quoted: list[str]) -> list[str]:
    """Quote lines one after another would join into one paragraph: put a blank quote line between."""
    out: list[str] = []
    for line in quoted:
        if out:
            out.append(">")
        out.append(line)
    return out


def _as_lines(facts: list[str], markdown: bool) -> list[str]:
    return [f"{fact}  " for fact in facts[:-1]] + facts[-1:] if markdown else facts


def _escape(text: str) -> str:
    return _LINE_START_MARKUP.sub(r"\\\1", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
