"""The words on a drawing: wrapped labels, tooltips, names and source badges.

Input text is cut here (lines, tooltip length) so no text can bloat a
drawing; escaping it for DOT is :mod:`argmap.draw.escaping`'s job.
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from ..core.model import ArgumentMap, MergedArgument, MergedStatement, Ref
from ..core.text import clean, is_http_url
from ..core.voice import voice_notes
from .context import MapContext, element_key
from .graph_types import Badge

TITLE_LINES = 3  # a label shows at most this many lines of title …
TEXT_LINES = 6  # … and of text; the tooltip has it all
TOOLTIP_LIMIT = 4000  # characters: a pathological text must not bloat every SVG


def wrap_lines(text: str, width: int, max_lines: int) -> tuple[str, ...]:
    """Wrap to ``width`` characters; cut after ``max_lines`` lines with an ellipsis."""
    lines = textwrap.wrap(clean(text).replace("\n", " "), width=width, break_on_hyphens=False)
    if len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: max(width - 1, 1)].rstrip() + "…"
    return tuple(kept)


def shorten(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def name_of(argument_map: ArgumentMap, ref: Ref) -> str:
    """[Title] or <Title>; an untitled element by the start of its text ("Untitled 3" means nothing)."""
    element = argument_map.element(element_key(ref))
    if element is not None and element.generated_title and element.text:
        text = clean(element.text)
        return "“" + (text if len(text) <= 60 else text[:59].rstrip() + "…") + "”"
    return clean(str(element_key(ref)))


def source_description(argument_map: ArgumentMap, source_id: str) -> str:
    for source in argument_map.sources:
        if source.id == source_id:
            head = ": ".join(p for p in (source.publisher, source.title) if p) or source.id
            return f"{head} ({source.date})" if source.date else head
    return source_id


def badges_of(context: MapContext, sources: Iterable[str]) -> tuple[Badge, ...]:
    by_id = {s.id: s for s in context.map.sources}
    badges = []
    for source_id in sources:
        if source_id not in context.source_numbers:
            continue
        url = by_id[source_id].url
        badges.append(
            Badge(context.source_numbers[source_id], source_id, source_description(context.map, source_id), url if is_http_url(url) else "")
        )
    return tuple(sorted(badges, key=lambda b: b.number))


VOICE_LIMIT = 80  # characters of the voice line on a label; the tooltip has it all


def voice_line(element: MergedStatement | MergedArgument) -> str:
    """Whose claim and how sure, for the label: "According to Russia · hedge: may".

    A reconstruction says so too, so the mark survives greyscale and themes
    whose border lines stand for positions.
    """
    voice = element.voice
    if voice is None:
        return ""
    parts = []
    if voice.speaker:
        parts.append(f"according to {clean(voice.speaker)}")
    if voice.hedge:
        parts.append(f"hedge: {clean(voice.hedge)}")
    if element.is_reconstructed:
        parts.append("reconstructed by the mapper")
    line = " · ".join(parts)
    line = line[:1].upper() + line[1:]
    return line if len(line) <= VOICE_LIMIT else line[: VOICE_LIMIT - 1].rstrip() + "…"


def element_tooltip(context: MapContext, ref: Ref) -> str:
    """The full text, whose voice, the quotes with their sources, the sources and the position."""
    element = context.map.element(ref)
    parts = [name_of(context.map, ref)]
    if element.text:
        parts.append(clean(element.text))
    notes = voice_notes(element)
    if notes:
        parts.append(notes)
    if isinstance(element, MergedArgument) and element.pcs:
        parts.append("\n".join(_pcs_line(context, n, item) for n, item in enumerate(element.pcs, 1)))
    if element.quotes:
        quotes = [f"“{clean(q.text)}” — {source_description(context.map, q.source)}" for q in element.quotes]
        parts.append("Quotes:\n" + "\n".join(quotes))
    if element.sources:
        numbered = [f"{b.number} {b.description}" for b in badges_of(context, element.sources)]
        parts.append("Sources: " + "; ".join(numbered))
    position = context.declared.get(ref)
    used_for = context.positions.get(ref)
    if position is not None:
        parts.append(f"Position: {_position_label(context, position)}")
    elif used_for is not None:
        parts.append(f"Position: none of its own (used by {_position_label(context, used_for)} arguments)")
    return shorten("\n\n".join(parts))


def _position_label(context: MapContext, tag: str) -> str:
    return clean(next(p.label for p in context.map.positions if p.tag == tag))


def _pcs_line(context: MapContext, number: int, item) -> str:
    """'(2) [Title] text' for a premise–conclusion line; an inference line above a conclusion."""
    statement = context.map.statements.get(item.statement)
    title = "" if statement is None or statement.generated_title else f"[{item.statement}] "
    text = statement.text if statement is not None else ""
    line = f"({item.number or number}) {title}{text}".rstrip()
    if item.inference is not None:
        rules = ", ".join(item.inference.rules)
        line = (f"-- {rules} --" if rules else "----") + "\n" + line
    return clean(line)


def label_lines(context: MapContext, ref: Ref) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(title lines, text lines) for --labels title|text|both; generated titles never show."""
    element = context.map.element(ref)
    width, mode = context.options.wrap, context.options.labels
    title = "" if element.generated_title else element.title
    text = element.text
    show_title = mode in ("title", "both") or not text
    show_text = mode in ("text", "both") or not title
    title_lines = wrap_lines(title, width, TITLE_LINES) if show_title and title else ()
    text_lines = wrap_lines(text, width, TEXT_LINES) if show_text and text else ()
    return title_lines, text_lines
