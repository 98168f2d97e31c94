"""A handout: one self-contained HTML page with the map and what it says, in words.

The page has the map (inline SVG, as :func:`argmap.publish.formats.render`
finishes it), then per position the arguments of the view with their
premise–conclusion structures, relations and quotes, the position's other
claims, and finally the sources with their links. It needs nothing else:
the CSS is inline, there is no script, no font, image or style sheet to
fetch; the only links are the sources' http(s) addresses and anchors within
the page.

Every piece of input text is escaped with :func:`html.escape` where it is
written (text and double-quoted attribute values alike), so a title like
``<img src=x onerror=alert(1)>`` shows as text. Ids and classes come from
counters and fixed names, never from input. The page is built from small
functions rather than a template engine: it is short, and escaping at each
place where text is written keeps that rule visible in one file.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..core.model import ArgumentMap, Kind, MergedArgument, MergedStatement, Quote, Ref, RelationType
from ..core.text import clean, is_http_url
from ..draw.graph_types import ClusterKind, Graph, NodeKind, node_id
from ..draw.labels import name_of
from ..draw.themes import DEFAULT_THEME, MARK_CYCLE, NEUTRAL_BORDER, Theme

_VERBS = {
    RelationType.SUPPORT: ("supports", "supported by"),
    RelationType.ATTACK: ("attacks", "attacked by"),
    RelationType.UNDERCUT: ("undercuts", "undercut by"),
    RelationType.CONTRADICTORY: ("contradicts", "contradicts"),
    RelationType.ENTAILS: ("entails", "entailed by"),
    RelationType.CONTRARY: ("is contrary to", "is contrary to"),
}

CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 58rem; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; padding-left: .6rem; border-left: .4rem solid #7f7f7f; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .25rem; }
.summary, .description, .meta { color: #444; }
figure.map { margin: 1.5rem 0; }
figure.map svg { display: block; max-width: 100%; height: auto; }
figure.map figcaption { font-size: .9rem; color: #444; }
nav ul { padding-left: 1.2rem; }
article { margin: 0 0 1.25rem; padding: .25rem 0 .25rem 1rem; border-left: 2px solid #ddd; break-inside: avoid; }
.pcs { margin: .5rem 0; padding: .5rem .75rem; background: #f6f6f6; border-radius: .3rem; }
.pcs p { margin: .15rem 0; }
.pcs .inference { border-top: 2px solid #555; margin: .35rem 0; padding-top: .1rem; font-size: .85rem; font-style: italic; color: #333; }
.pcs .number { font-variant-numeric: tabular-nums; color: #444; margin-right: .35rem; }
.relations { margin: .4rem 0; padding-left: 1.2rem; font-size: .95rem; }
blockquote { margin: .5rem 0; padding: .1rem .9rem; border-left: 3px solid #bbb; color: #222; }
blockquote p { margin: .2rem 0; }
blockquote footer { font-size: .9rem; color: #444; }
.badge { display: inline-block; min-width: 1.1em; padding: 0 .25em; border-radius: .2em; background: #4d4d4d; color: #fff; font-size: .75rem; text-align: center; }
a { color: #0b5394; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  figure.map { break-after: page; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
}
"""


def esc(text: object) -> str:
    """Input text for HTML text or a double-quoted attribute value."""
    return html.escape(clean(str(text)), quote=True)


@dataclass(frozen=True, slots=True)
class _Item:
    ref: Ref
    element: MergedStatement | MergedArgument
    anchor: str


def handout_page(argument_map: ArgumentMap, graph: Graph, svg: bytes, theme: Theme = DEFAULT_THEME) -> str:
    """The whole page as text. ``svg`` is the finished SVG of ``graph``."""
    items = _items(argument_map, graph)
    anchors = {item.ref: item.anchor for item in items}
    by_position: dict[str | None, list[_Item]] = {}
    positions = _positions(argument_map, graph)
    for item in items:
        by_position.setdefault(positions.get(item.ref), []).append(item)
    numbers = {s.id: n for n, s in enumerate(argument_map.sources, 1)}
    sections, contents = [], []
    declared = list(argument_map.positions)
    for index, position in enumerate(declared):
        shown = by_position.get(position.tag, [])
        if not shown:
            continue
        anchor = f"position-{index + 1}"
        contents.append(f'<li><a href="#{anchor}">{esc(position.label)}</a></li>')
        heading = f'<h2 id="{anchor}" style="{_heading_style(graph, theme, index)}">{esc(position.label)}</h2>'
        description = f'<p class="description">{esc(position.description)}</p>' if position.description else ""
        sections.append(_section(heading + description, shown, argument_map, anchors, numbers))
    if by_position.get(None):
        contents.append('<li><a href="#no-position">No single position</a></li>')
        heading = f'<h2 id="no-position" style="border-left-color: {NEUTRAL_BORDER}">No single position</h2>'
        sections.append(_section(heading, by_position[None], argument_map, anchors, numbers))
    contents.append('<li><a href="#sources">Sources</a></li>')
    title = graph.title or "Argument map"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="argmap">',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Argument map</h1>",
        f'<p class="summary">{esc(title.removeprefix("Argument map: "))}</p>',
        "</header>",
        f'<figure class="map">\n{_inline_svg(svg)}\n<figcaption>{esc(graph.description)}</figcaption>\n</figure>',
        f'<nav aria-label="Contents"><ul>{"".join(contents)}</ul></nav>',
        "<main>",
        *sections,
        _sources(argument_map, numbers),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------- what the view shows


def _items(argument_map: ArgumentMap, graph: Graph) -> list[_Item]:
    """The statements and arguments the graph draws (as nodes or frames), in reading order."""
    drawn = {n.id for n in graph.nodes if n.kind is not NodeKind.INFERENCE}
    drawn |= {c.id for c in graph.clusters if c.kind is ClusterKind.ARGUMENT}
    documents = {doc.path: index for index, doc in enumerate(argument_map.documents)}
    found = []
    for kind, table in ((Kind.ARGUMENT, argument_map.arguments), (Kind.STATEMENT, argument_map.statements)):
        for title, element in table.items():
            ids = {node_id(kind.value, title)} | ({node_id(ClusterKind.ARGUMENT, title)} if kind is Kind.ARGUMENT else set())
            if ids & drawn:
                span = element.span
                found.append((documents.get(span.path, len(documents)), span.line, span.column, kind.value, title, Ref(kind, title), element))
    found.sort(key=lambda row: row[:5])
    counters = {Kind.ARGUMENT: 0, Kind.STATEMENT: 0}
    items = []
    for *_, ref, element in found:
        counters[ref.kind] += 1
        items.append(_Item(ref, element, f"{'argument' if ref.kind is Kind.ARGUMENT else 'claim'}-{counters[ref.kind]}"))
    return items


def _positions(argument_map: ArgumentMap, graph: Graph) -> dict[Ref, str | None]:
    """The position each drawn element stands for, as the graph decided it."""
    result: dict[Ref, str | None] = {}
    ids = {n.id: n.position for n in graph.nodes if n.kind is not NodeKind.INFERENCE}
    ids |= {c.id: c.position for c in graph.clusters if c.kind is ClusterKind.ARGUMENT}
    for kind, table in ((Kind.ARGUMENT, argument_map.arguments), (Kind.STATEMENT, argument_map.statements)):
        for title in table:
            for candidate in (node_id(kind.value, title), node_id(ClusterKind.ARGUMENT, title)):
                if candidate in ids:
                    result[Ref(kind, title)] = ids[candidate]
    return result


def _heading_style(graph: Graph, theme: Theme, index: int) -> str:
    """A position's heading bar: its colour (grey in mono) and, in print and mono, its border line."""
    colour = graph.positions[index].color if index < len(graph.positions) else ""
    colour = "#000000" if theme.grey or not colour.startswith("#") else colour
    line = "solid"
    if theme.marks:
        style, peripheries, _width = MARK_CYCLE[index % len(MARK_CYCLE)]
        line = "double" if peripheries > 1 else style
    return f"border-left: .4rem {line} {esc(colour)}"


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
    out = [f'<article id="{item.anchor}">', f"<h4>{esc(name_of(argument_map, item.ref))}</h4>"]
    if element.text and not element.generated_title:
        out.append(f"<p>{esc(element.text)}</p>")
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
        rows.append(f"<li>{esc(verb.capitalize())} {link}</li>")
    return "".join(rows)


def _source_name(argument_map: ArgumentMap, source_id: str) -> str:
    for source in argument_map.sources:
        if source.id == source_id:
            return ": ".join(p for p in (source.publisher, source.title) if p) or source.id
    return source_id


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


def _inline_svg(svg: bytes) -> str:
    """The SVG's root element, re-serialised by the XML library (no declaration, no DOCTYPE)."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    return ET.tostring(ET.fromstring(svg, parser=parser), encoding="unicode")
