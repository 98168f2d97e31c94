"""The map in words: per position its arguments and claims, then the sources.

The interactive page (:mod:`argmap.publish.page`) shows this under the map
and prints it: each argument with its premise–conclusion structure,
relations and quotes, the position's other claims, and finally the sources
with their links. Each entry links to its element on the map
(``#`` + the element's id), and relations link within the text.

Every piece of input text is escaped with :func:`html.escape` where it is
written (text and double-quoted attribute values alike), so a title like
``<img src=x onerror=alert(1)>`` shows as text. Ids and classes come from
counters, fixed names and the graph's ids (letters, digits and ``_``),
never from input; a position's colour reaches the CSS only as ``#RRGGBB``
or a plain colour name. The HTML is built from small functions rather than
a template engine: it is short, and escaping at each place where text is
written keeps that rule visible in one file.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..core.model import ArgumentMap, Kind, MergedArgument, MergedStatement, Quote, Ref, RelationType
from ..core.text import clean, is_http_url
from ..draw.graph_types import Graph
from ..draw.escaping import visible
from ..core.voice import voice_notes
from ..draw.labels import name_of
from ..draw.themes import DEFAULT_THEME, MARK_CYCLE, NEUTRAL_BORDER, Theme
from .page_data import safe_colour, source_name

_VERBS = {
    RelationType.SUPPORT: ("supports", "supported by"),
    RelationType.ATTACK: ("attacks", "attacked by"),
    RelationType.UNDERCUT: ("undercuts", "undercut by"),
    RelationType.CONTRADICTORY: ("contradicts", "contradicts"),
    RelationType.ENTAILS: ("entails", "entailed by"),
    RelationType.CONTRARY: ("is contrary to", "is contrary to"),
}


def esc(text: object) -> str:
    """Input text for HTML text or a double-quoted attribute value (direction controls shown as ⟨U+XXXX⟩)."""
    return html.escape(visible(str(text)), quote=True)


@dataclass(frozen=True, slots=True)
class _Item:
    ref: Ref
    element: MergedStatement | MergedArgument
    anchor: str
    key: str  # the element's id on the map


@dataclass(frozen=True, slots=True)
class Handout:
    """The parts of the page that say the map in words."""

    contents: str  # <li> links to the sections
    body: str  # the sections, then the sources
    css: str  # each position's heading bar
    anchors: dict[Ref, str]  # each element's entry in the text


def handout(argument_map: ArgumentMap, graph: Graph, keys: dict[Ref, str], theme: Theme = DEFAULT_THEME) -> Handout:
    """The text of the elements ``keys`` names (the drawn ones, by their ids on the map)."""
    items = _items(argument_map, keys)
    anchors = {item.ref: item.anchor for item in items}
    by_position: dict[str | None, list[_Item]] = {}
    positions = _positions(graph, keys)
    for item in items:
        by_position.setdefault(positions.get(item.ref), []).append(item)
    numbers = {s.id: n for n, s in enumerate(argument_map.sources, 1)}
    sections, contents, css = [], [], []
    for index, position in enumerate(argument_map.positions):
        shown = by_position.get(position.tag, [])
        if not shown:
            continue
        anchor = f"position-{index + 1}"
        contents.append(f'<li><a href="#{anchor}">{esc(position.label)}</a></li>')
        css.append(f"h2#{anchor} {{ {_heading_style(graph, theme, index)} }}")
        heading = f'<h2 id="{anchor}">{esc(position.label)}</h2>'
        description = f'<p class="description">{esc(position.description)}</p>' if position.description else ""
        sections.append(_section(heading + description, shown, argument_map, anchors, numbers))
    if by_position.get(None):
        contents.append('<li><a href="#no-position">No single position</a></li>')
        css.append(f"h2#no-position {{ border-left-color: {NEUTRAL_BORDER}; }}")
        sections.append(_section('<h2 id="no-position">No single position</h2>', by_position[None], argument_map, anchors, numbers))
    contents.append('<li><a href="#sources">Sources</a></li>')
    body = "\n".join([*sections, _sources(argument_map, numbers)])
    return Handout("".join(contents), body, "\n".join(css), anchors)


# ---------------------------------------------------------------- what the view shows


def _items(argument_map: ArgumentMap, keys: dict[Ref, str]) -> list[_Item]:
    """The elements the graph draws (as nodes or frames), in reading order."""
    documents = {doc.path: index for index, doc in enumerate(argument_map.documents)}
    found = []
    for ref in keys:
        span = argument_map.element(ref).span
        found.append((documents.get(span.path, len(documents)), span.line, span.column, ref.kind.value, ref.title, ref))
    found.sort(key=lambda row: row[:5])
    counters = {Kind.ARGUMENT: 0, Kind.STATEMENT: 0}
    items = []
    for *_, ref in found:
        counters[ref.kind] += 1
        anchor = f"{'argument' if ref.kind is Kind.ARGUMENT else 'claim'}-{counters[ref.kind]}"
        items.append(_Item(ref, argument_map.element(ref), anchor, keys[ref]))
    return items


def _positions(graph: Graph, keys: dict[Ref, str]) -> dict[Ref, str | None]:
    """The position each drawn element stands for, as the graph decided it (an
    untagged claim is listed with the position whose arguments use it)."""
    by_id = {n.id: n.used_for or n.position for n in graph.nodes} | {c.id: c.position for c in graph.clusters}
    return {ref: by_id.get(key) for ref, key in keys.items()}


def _heading_style(graph: Graph, theme: Theme, index: int) -> str:
    """A position's heading bar: its colour (grey in mono) and, in print and mono, its border line."""
    colour = graph.positions[index].color if index < len(graph.positions) else ""
    colour = "#000000" if theme.grey else safe_colour(colour)
    line = "solid"
    if theme.marks:
        style, peripheries, _width = MARK_CYCLE[index % len(MARK_CYCLE)]
        line = "double" if peripheries > 1 else style
    return f"border-left: .4rem {line} {colour};"


# ---------------------------------------------------------------- sections


def _section(heading: str, items: list[_Item], argument_map: ArgumentMap, anchors: dict[Ref, str], numbers: dict[str, int]) -> str:
    arguments = [i for i in items if i.ref.kind is Kind.ARGUMENT]
    statements = [i for i in items if i.ref.kind is Kind.STATEMENT]
    out = ["<section>", heading]
    if arguments:
        out.append("<h3>Arguments</h3>")
        out += [_entry(i, argument_map, anchors, numbers) for i in arguments]
    if statements:
        out.append("<h3>Claims</h3>")
        out += [_entry(i, argument_map, anchors, numbers) for i in statements]
    out.append("</section>")
    return "\n".join(part for part in out if part)


def _entry(item: _Item, argument_map: ArgumentMap, anchors: dict[Ref, str], numbers: dict[str, int]) -> str:
    element = item.element
    link = f' <a class="on-map" href="#{esc(item.key)}">on the map</a>'
    out = [f'<article id="{item.anchor}">', f"<h4>{esc(name_of(argument_map, item.ref))}{link}</h4>"]
    if element.text and not element.generated_title:
        out.append(f"<p>{esc(element.text)}</p>")
    out += [f'<p class="voice">{esc(line)}</p>' for line in voice_notes(element).splitlines()]
    if isinstance(element, MergedArgument) and element.pcs:
        out.append(_pcs(argument_map, element, anchors, numbers))
    relations = _relations(argument_map, item.ref, anchors)
    if relations:
        out.append(f'<ul class="relations">{relations}</ul>')
    out += [_quote(argument_map, quote, numbers) for quote in element.quotes]
    if element.sources:
        badges = " ".join(f'<span class="badge" title="{esc(_source_name(argument_map, s))}">{numbers[s]}</span>' for s in element.sources if s in numbers)
        out.append(f'<p class="meta">Sources: {badges}</p>')
    out.append("</article>")
    return "\n".join(out)


def _pcs(argument_map: ArgumentMap, argument: MergedArgument, anchors: dict[Ref, str], numbers: dict[str, int]) -> str:
    """The premise–conclusion structure: numbered lines, an inference line (with its rules) above each conclusion.

    A line's statement links to its own entry when it has one; otherwise its
    quotes are shown under the line, as nowhere else on the page shows them.
    """
    rows = []
    for number, item in enumerate(argument.pcs, 1):
        if item.inference is not None:
            rules = ", ".join(clean(r) for r in item.inference.rules)
            rows.append(f'<p class="inference">{esc(rules) if rules else "therefore"}</p>')
        statement = argument_map.statements.get(item.statement)
        ref = Ref(Kind.STATEMENT, item.statement)
        title = ""
        if statement is not None and not statement.generated_title:
            title = f"[{esc(item.statement)}]"
            title = f'<a href="#{anchors[ref]}">{title}</a>' if ref in anchors else title
            title = f"<strong>{title}</strong> "
        text = esc(statement.text) if statement is not None else ""
        rows.append(f'<p><span class="number">({item.number or number})</span>{title}{text}</p>')
        if statement is not None and ref not in anchors:
            rows += [_quote(argument_map, quote, numbers) for quote in statement.quotes]
    return f'<div class="pcs" role="group" aria-label="premise–conclusion structure">{"".join(rows)}</div>'


def _relations(argument_map: ArgumentMap, ref: Ref, anchors: dict[Ref, str]) -> str:
    rows = []
    for relation in argument_map.relations:
        source, target = relation.source, Ref(relation.target.kind, relation.target.title)
        if source == ref and target != ref:
            verb, other = _VERBS[relation.type][0], target
        elif target == ref and source != ref:
            verb, other = _VERBS[relation.type][1], source
        else:
            continue
        if argument_map.element(other) is None:
            continue
        name = esc(name_of(argument_map, other))
        link = f'<a href="#{anchors[other]}">{name}</a>' if other in anchors else name
        mapper = ""
        if relation.reconstructed is not None:
            note = f": {esc(relation.reconstructed)}" if relation.reconstructed else ""
            mapper = f' <span class="mapper">(the mapper’s link{note})</span>'
        rows.append(f"<li>{esc(verb.capitalize())} {link}{mapper}</li>")
    return "".join(rows)


def _source_name(argument_map: ArgumentMap, source_id: str) -> str:
    return source_name(argument_map, source_id)


def _quote(argument_map: ArgumentMap, quote: Quote, numbers: dict[str, int]) -> str:
    source = next((s for s in argument_map.sources if s.id == quote.source), None)
    cite = esc(_source_name(argument_map, quote.source))
    if source is not None and is_http_url(source.url):
        cite = f'<a href="{esc(source.url)}">{cite}</a>'
    if source is not None and source.date:
        cite += f" ({esc(source.date)})"
    number = f' <span class="badge">{numbers[quote.source]}</span>' if quote.source in numbers else ""
    return f"<blockquote><p>“{esc(quote.text)}”</p><footer>— {cite}{number}</footer></blockquote>"


def _sources(argument_map: ArgumentMap, numbers: dict[str, int]) -> str:
    rows = []
    for source in argument_map.sources:
        parts = [f"<strong>{esc(_source_name(argument_map, source.id))}</strong>"]
        if source.author:
            parts.append(esc(source.author))
        if source.date:
            parts.append(esc(source.date))
        if is_http_url(source.url):
            parts.append(f'<a href="{esc(source.url)}">{esc(source.url)}</a>')
        rows.append(f'<li value="{numbers[source.id]}">{", ".join(parts)}</li>')
    return f'<section>\n<h2 id="sources">Sources</h2>\n<ol>{"".join(rows)}</ol>\n</section>'

