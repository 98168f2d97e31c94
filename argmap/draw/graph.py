"""Rendering, step 1: a merged :class:`ArgumentMap` and view options → a graph.

This module is pure: it decides *what* the map shows (which nodes, which
edges, which clusters, the legend, colours by position, source badges,
wrapped labels, tooltips) as plain frozen dataclasses, and knows nothing of
Graphviz or DOT syntax. :mod:`argmap.render` decides *how* it is drawn.

Argdown's map semantics, as far as they matter here:

* every argument is a node; a statement is a node when it has relations or
  is written outside a premise–conclusion structure (PCS), so statements that
  only live inside a reconstruction stay inside their argument;
* a reconstructed argument is linked to its premises and its main conclusion
  when those statements are on the map for another reason (premise →
  argument, argument → conclusion, both drawn as support);
* relations written under a PCS line belong to that statement.

With ``pcs=True`` each reconstructed argument is drawn as a cluster holding
its premises, an inference bar per inference step (labelled with its rules)
and its conclusions; statements used elsewhere stay outside and are shared.
"""

from __future__ import annotations

import enum
import hashlib
import re
import textwrap
import unicodedata
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Iterable

from ..core.text import clean, did_you_mean, is_http_url, normalize_title
from ..core.errors import ArgmapError
from ..core.model import ArgumentMap, Kind, MergedArgument, MergedStatement, Ref, Relation, RelationType, Role

LABEL_MODES = ("title", "text", "both")
GROUPINGS = ("none", "position", "source", "section")
RANKDIRS = ("TB", "LR")

# Okabe & Ito's colour-blind-safe palette, in the order positions take it when
# they declare no colour (black is left out: it is the colour of text).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")

TITLE_LINES = 3  # a label shows at most this many lines of title …
TEXT_LINES = 6  # … and of text; the tooltip has it all
TOOLTIP_LIMIT = 4000  # characters: a pathological text must not bloat every SVG

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|#[0-9a-fA-F]{3}|[a-zA-Z][a-zA-Z0-9]*)$")


# ---------------------------------------------------------------- the graph object


class NodeKind(enum.Enum):
    STATEMENT = "statement"
    ARGUMENT = "argument"
    INFERENCE = "inference"  # the inference bar of an expanded argument (--pcs)


class EdgeKind(enum.Enum):
    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTORY = "contradictory"
    ENTAILS = "entails"
    CONTRARY = "contrary"
    PREMISE = "premise"  # premise → inference bar, inside an expanded argument
    CONCLUSION = "conclusion"  # inference bar → conclusion, inside an expanded argument

    @property
    def is_relation(self) -> bool:
        return self not in (EdgeKind.PREMISE, EdgeKind.CONCLUSION)


SYMMETRIC = frozenset({EdgeKind.CONTRADICTORY, EdgeKind.CONTRARY})


class ClusterKind(enum.Enum):
    POSITION = "position"
    SOURCE = "source"
    SECTION = "section"
    ARGUMENT = "argument"


@dataclass(frozen=True, slots=True)
class Badge:
    """A small numbered mark on a node: one of the sources that asserts it."""

    number: int
    source: str  # the source id
    description: str  # "publisher: title (date)", for the badge's tooltip
    url: str = ""  # http(s) only, or empty


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: NodeKind
    title_lines: tuple[str, ...]
    text_lines: tuple[str, ...]
    tooltip: str
    color: str = ""  # the position's colour; empty for neutral
    position: str | None = None
    badges: tuple[Badge, ...] = ()
    cluster: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    tail: str
    head: str
    kind: EdgeKind
    tooltip: str
    cross_position: bool = False  # between two different positions: drawn heavier
    implicit: bool = False  # drawn from an argument's structure, not written as a relation
    tail_cluster: str | None = None  # clip the edge at this cluster (an expanded argument)
    head_cluster: str | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    kind: ClusterKind
    label_lines: tuple[str, ...]  # drawn bold
    tooltip: str
    text_lines: tuple[str, ...] = ()  # drawn plain, under the label
    parent: str | None = None
    color: str = ""
    badges: tuple[Badge, ...] = ()
    position: str | None = None  # the position a position frame or an expanded argument stands for


@dataclass(frozen=True, slots=True)
class LegendPosition:
    tag: str
    label: str
    color: str


@dataclass(frozen=True, slots=True)
class LegendSource:
    number: int
    id: str
    publisher: str
    title: str
    date: str
    url: str = ""

    @property
    def name(self) -> str:
        return ": ".join(p for p in (self.publisher, self.title) if p) or self.id

    @property
    def description(self) -> str:
        return f"{self.name} ({self.date})" if self.date else self.name


@dataclass(frozen=True, slots=True)
class Legend:
    node_kinds: tuple[NodeKind, ...]
    positions: tuple[LegendPosition, ...]
    edge_kinds: tuple[EdgeKind, ...]
    cross_position: bool
    sources: tuple[LegendSource, ...]


@dataclass(frozen=True, slots=True)
class Graph:
    """Everything the map shows, in drawing order: nodes, edges, clusters, legend."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    clusters: tuple[Cluster, ...]  # parents before their children
    legend: Legend | None
    rankdir: str = "TB"
    positions: tuple[LegendPosition, ...] = ()  # every declared position, in order (for themes' per-position marks)
    title: str = ""  # "Argument map: 3 sources, 6 statements, …": for <title> and the handout
    description: str = ""  # positions, sources and view, in words: for <desc>


@dataclass(frozen=True, slots=True)
class ViewOptions:
    labels: str = "both"
    wrap: int = 32
    group_by: str = "none"
    pcs: bool = False
    focus: str | None = None
    depth: int = 2
    position: str | None = None
    source: str | None = None
    legend: bool = True
    rankdir: str = "TB"

    def __post_init__(self) -> None:
        # The CLI validates these already; this guards library callers.
        if self.labels not in LABEL_MODES or self.group_by not in GROUPINGS or self.rankdir not in RANKDIRS:
            raise ValueError(f"bad view options: {self}")
        if self.wrap < 8 or self.depth < 0:
            raise ValueError("wrap must be at least 8 and depth at least 0")


# ---------------------------------------------------------------- ids, text and colours


def node_id(kind: NodeKind | ClusterKind | str, *key: str) -> str:
    """A stable DOT id from a kind and a title: a readable slug plus a short hash.

    Derived only from the text, so it is the same across runs, machines and
    PYTHONHASHSEED values, and can never be a DOT keyword or need quoting.
    """
    kind_name = kind.value if isinstance(kind, enum.Enum) else kind
    if isinstance(kind, ClusterKind):
        kind_name, prefix = f"cluster_{kind_name}", f"cluster_{kind_name}"  # Graphviz draws only subgraphs named cluster…
    else:
        prefix = {"statement": "s", "argument": "a", "inference": "i"}[kind_name]
    joined = "\x1f".join(key)
    digest = hashlib.sha1(f"{kind_name}\x1f{joined}".encode("utf-8")).hexdigest()[:8]
    ascii_text = unicodedata.normalize("NFKD", key[0] if key else "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:24].rstrip("_")
    return f"{prefix}_{slug}_{digest}" if slug else f"{prefix}_{digest}"


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


def graphviz_colour(colour: str) -> str:
    """A declared colour as Graphviz reads it ('#abc' → '#aabbcc'), or '' if unusable."""
    if not colour or not _COLOUR.match(colour):
        return ""
    if re.fullmatch(r"#[0-9a-fA-F]{3}", colour):
        return "#" + "".join(c * 2 for c in colour[1:]).upper()
    return colour.upper() if colour.startswith("#") else colour.lower()


def position_colours(argument_map: ArgumentMap) -> dict[str, str]:
    """Each position's colour: its declared one, else the next unused Okabe–Ito colour."""
    declared = {p.tag: graphviz_colour(p.color) for p in argument_map.positions}
    taken = {c for c in declared.values() if c}
    spare = [c for c in OKABE_ITO if c not in taken]
    colours = {}
    for position in argument_map.positions:
        colour = declared[position.tag]
        if not colour:
            colour = spare.pop(0) if spare else "#999999"
        colours[position.tag] = colour
    return colours


# ---------------------------------------------------------------- what the whole map knows


@dataclass
class _Context:
    """Facts about the whole map that every view shares (so colours and numbers never shift)."""

    map: ArgumentMap
    options: ViewOptions
    colours: dict[str, str]
    source_numbers: dict[str, int]
    positions: dict[Ref, str | None]  # effective position of every element
    order: dict[Ref, tuple]  # reading order: document, line, column
    section_keys: dict[Ref, tuple[str, str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, argument_map: ArgumentMap, options: ViewOptions) -> "_Context":
        documents = {doc.path: index for index, doc in enumerate(argument_map.documents)}
        order: dict[Ref, tuple] = {}
        for ref, element in _elements(argument_map):
            span = element.span
            order[ref] = (documents.get(span.path, len(documents)), span.line, span.column, ref.kind.value, ref.title)
        return cls(
            map=argument_map,
            options=options,
            colours=position_colours(argument_map),
            source_numbers={s.id: n for n, s in enumerate(argument_map.sources, 1)},
            positions=effective_positions(argument_map),
            order=order,
            section_keys=_section_keys(argument_map),
        )


def _elements(argument_map: ArgumentMap) -> Iterable[tuple[Ref, MergedStatement | MergedArgument]]:
    for title, statement in argument_map.statements.items():
        yield Ref(Kind.STATEMENT, title), statement
    for title, argument in argument_map.arguments.items():
        yield Ref(Kind.ARGUMENT, title), argument


def _key(ref: Ref) -> Ref:
    """An element's identity: a relation's target may also name an inference step."""
    return Ref(ref.kind, ref.title) if ref.conclusion_index is not None else ref


def effective_positions(argument_map: ArgumentMap) -> dict[Ref, str | None]:
    """The position each element stands for, or None when there is none or several.

    Arguments have the position they are tagged with. A statement has its own
    tag; untagged, it takes the position it is used for — of the arguments it
    is a premise or conclusion of, and of what it supports — if that is one.
    """
    result: dict[Ref, str | None] = {}
    declared = {p.tag for p in argument_map.positions}
    for ref, element in _elements(argument_map):
        result[ref] = argument_map.position_of(ref)
    used_for: dict[str, set[str | None]] = defaultdict(set)
    for title, argument in argument_map.arguments.items():
        for item in argument.pcs:
            used_for[item.statement].add(result[Ref(Kind.ARGUMENT, title)])
    for relation in argument_map.relations:
        if relation.source.kind is Kind.STATEMENT and relation.type in (RelationType.SUPPORT, RelationType.ENTAILS):
            used_for[relation.source.title].add(argument_map.position_of(_key(relation.target)))
    for title, statement in argument_map.statements.items():
        ref = Ref(Kind.STATEMENT, title)
        own = [t for t in statement.tags if t in declared]
        if own:
            continue  # tagged: its own tag decides (several tags: neutral)
        candidates = used_for.get(title, set()) - {None}
        result[ref] = next(iter(candidates)) if len(candidates) == 1 else None
    return result


def _section_keys(argument_map: ArgumentMap) -> dict[Ref, tuple[str, str] | None]:
    """(document path, section id) where each element is defined, for --group-by section."""
    keys: dict[Ref, tuple[str, str] | None] = {}
    for ref, element in _elements(argument_map):
        written = [o for o in element.occurrences if not o.is_reference] or list(element.occurrences)
        first = written[0]
        keys[ref] = (first.span.path, first.section) if first.section else None
    return keys


# ---------------------------------------------------------------- which elements the view shows


@dataclass(frozen=True, slots=True)
class _Link:
    """An edge between two elements, before elements become nodes."""

    tail: Ref
    head: Ref  # may carry a conclusion_index (an undercut of one inference step)
    kind: EdgeKind
    relation: Relation | None = None


def _statements_on_map(argument_map: ArgumentMap) -> set[Ref]:
    """Statements shown as nodes: those with relations or written outside any PCS."""
    related = {_key(end) for r in argument_map.relations for end in (r.source, r.target) if end.kind is Kind.STATEMENT}
    shown = set(related)
    for title, statement in argument_map.statements.items():
        if any(o.role in (Role.TOP_LEVEL, Role.RELATION) for o in statement.occurrences):
            shown.add(Ref(Kind.STATEMENT, title))
    return shown


def _relation_links(argument_map: ArgumentMap) -> list[_Link]:
    links = []
    for relation in argument_map.relations:
        if argument_map.element(relation.source) is None or argument_map.element(relation.target) is None:
            continue
        links.append(_Link(_key(relation.source), relation.target, EdgeKind(relation.type.value), relation))
    return links


def _structure_links(argument_map: ArgumentMap, statements: set[Ref], pcs: bool) -> list[_Link]:
    """Links from arguments' structures: premise → argument and argument → conclusion.

    Without --pcs only premises and main conclusions that are on the map for
    another reason are linked (as support); with --pcs every PCS statement is.
    """
    links = []
    for title, argument in argument_map.arguments.items():
        if not argument.pcs:
            continue
        ref = Ref(Kind.ARGUMENT, title)
        last = len(argument.pcs) - 1
        for index, item in enumerate(argument.pcs):
            statement = Ref(Kind.STATEMENT, item.statement)
            if pcs:
                kind = EdgeKind.PREMISE if item.role is Role.PREMISE else EdgeKind.CONCLUSION
                tail, head = (statement, ref) if kind is EdgeKind.PREMISE else (ref, statement)
                links.append(_Link(tail, head, kind))
            elif statement in statements and item.role is Role.PREMISE:
                links.append(_Link(statement, ref, EdgeKind.SUPPORT))
            elif statement in statements and index == last:
                links.append(_Link(ref, statement, EdgeKind.SUPPORT))
    return links


def _without_duplicates(relations: list[_Link], structure: list[_Link]) -> list[_Link]:
    """A written relation wins over the same support drawn from an argument's structure."""
    written = {(link.tail, _key(link.head), link.kind) for link in relations}
    return relations + [link for link in structure if (link.tail, link.head, link.kind) not in written]


@dataclass
class _View:
    elements: set[Ref]
    links: list[_Link]


def select_view(context: _Context) -> _View:
    """The elements and links of the map, after --position, --source and --focus."""
    argument_map, options = context.map, context.options
    statements = _statements_on_map(argument_map)
    if options.pcs:
        statements |= {Ref(Kind.STATEMENT, i.statement) for a in argument_map.arguments.values() for i in a.pcs}
    focus = resolve_focus(argument_map, options.focus) if options.focus else None
    if focus is not None and focus.kind is Kind.STATEMENT:
        statements.add(focus)  # the focus is on the map even if it only lives inside a PCS
    elements = statements | {Ref(Kind.ARGUMENT, t) for t in argument_map.arguments}
    links = _without_duplicates(_relation_links(argument_map), _structure_links(argument_map, statements, options.pcs))
    view = _View(elements, [link for link in links if link.tail in elements and _key(link.head) in elements])
    if options.position is not None:
        view = _filter_position(context, view, resolve_position(argument_map, options.position))
    if options.source is not None:
        view = _filter_source(context, view, resolve_source(argument_map, options.source))
    if focus is not None:
        if focus not in view.elements:
            raise ArgmapError("render-focus-hidden", hint="drop --position/--source, or focus on an element they keep", element=str(focus))
        view = _neighbourhood(context, view, focus, options.depth)
    return view


def _restrict(context: _Context, view: _View, keep: set[Ref], link_ok=lambda link: True) -> _View:
    if context.options.pcs:
        keep = keep | _pcs_statements_of(context.map, keep)  # an expanded argument keeps its inside
    links = [link for link in view.links if link.tail in keep and _key(link.head) in keep and link_ok(link)]
    return _View(keep, links)


def _pcs_statements_of(argument_map: ArgumentMap, elements: set[Ref]) -> set[Ref]:
    return {
        Ref(Kind.STATEMENT, item.statement)
        for ref in elements
        if ref.kind is Kind.ARGUMENT
        for item in argument_map.arguments[ref.title].pcs
    }


def _filter_position(context: _Context, view: _View, position: str) -> _View:
    keep = {ref for ref in view.elements if context.positions.get(ref) == position}
    return _restrict(context, view, keep)


def _filter_source(context: _Context, view: _View, source: str) -> _View:
    keep = {ref for ref in view.elements if source in context.map.element(ref).sources}
    return _restrict(context, view, keep, lambda link: link.relation is None or source in link.relation.sources)


def _neighbourhood(context: _Context, view: _View, focus: Ref, depth: int) -> _View:
    """Elements at most ``depth`` links from the focus, whatever the links' direction."""
    neighbours: dict[Ref, set[Ref]] = defaultdict(set)
    for link in view.links:
        neighbours[link.tail].add(_key(link.head))
        neighbours[_key(link.head)].add(link.tail)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        ref = queue.popleft()
        if distance[ref] == depth:
            continue
        for other in sorted(neighbours[ref], key=lambda r: context.order[r]):
            if other not in distance:
                distance[other] = distance[ref] + 1
                queue.append(other)
    return _restrict(context, view, set(distance))


def resolve_focus(argument_map: ArgumentMap, wanted: str) -> Ref:
    """'Title', '[Title]' or '<Title>' → the element; unknown or ambiguous → ArgmapError."""
    text = wanted.strip()
    kinds: tuple[Kind, ...] = (Kind.STATEMENT, Kind.ARGUMENT)
    if len(text) > 2 and text[0] + text[-1] in ("[]", "<>"):
        kinds = (Kind.STATEMENT,) if text[0] == "[" else (Kind.ARGUMENT,)
        text = text[1:-1]
    title = normalize_title(text)
    found = [Ref(kind, title) for kind in kinds if argument_map.element(Ref(kind, title)) is not None]
    if len(found) == 1:
        return found[0]
    if found:
        raise ArgmapError("render-ambiguous-focus", hint=f"write [{title}] or <{title}>", title=title)
    titles = sorted({t for kind in kinds for t in (argument_map.statements if kind is Kind.STATEMENT else argument_map.arguments)})
    close = did_you_mean(title, titles)
    hint = f"did you mean {close!r}?" if close else "give the title of a statement or an argument, e.g. --focus '[Title]'"
    raise ArgmapError("render-unknown-focus", hint=hint, title=title)


def resolve_position(argument_map: ArgumentMap, wanted: str) -> str:
    """A position by tag (with or without '#') or by label, case-insensitively."""
    name = wanted.strip().lstrip("#").casefold()
    for position in argument_map.positions:
        if name in (position.tag.casefold(), position.label.casefold()):
            return position.tag
    known = ", ".join(f"#{p.tag}" for p in argument_map.positions) or "none are declared"
    close = did_you_mean(wanted.lstrip("#"), [p.tag for p in argument_map.positions])
    hint = f"did you mean #{close}?" if close else "declare positions in the front matter under positions:"
    raise ArgmapError("render-unknown-position", hint=hint, name=wanted, known=known)


def resolve_source(argument_map: ArgumentMap, wanted: str) -> str:
    """A source by id or by its number in the legend."""
    name = wanted.strip()
    for number, source in enumerate(argument_map.sources, 1):
        if name in (source.id, str(number)):
            return source.id
    known = ", ".join(s.id for s in argument_map.sources)
    close = did_you_mean(name, [s.id for s in argument_map.sources])
    hint = f"did you mean {close!r}?" if close else "a source's id is set by `source: id:` in the front matter, else the file name"
    raise ArgmapError("render-unknown-source", hint=hint, name=name, known=known)


# ---------------------------------------------------------------- labels and tooltips


def name_of(argument_map: ArgumentMap, ref: Ref) -> str:
    """[Title] or <Title>; an untitled element by the start of its text ("Untitled 3" means nothing)."""
    element = argument_map.element(_key(ref))
    if element is not None and element.generated_title and element.text:
        text = clean(element.text)
        return "“" + (text if len(text) <= 60 else text[:59].rstrip() + "…") + "”"
    return clean(str(_key(ref)))


def _source_description(argument_map: ArgumentMap, source_id: str) -> str:
    for source in argument_map.sources:
        if source.id == source_id:
            head = ": ".join(p for p in (source.publisher, source.title) if p) or source.id
            return f"{head} ({source.date})" if source.date else head
    return source_id


def badges_of(context: _Context, sources: Iterable[str]) -> tuple[Badge, ...]:
    by_id = {s.id: s for s in context.map.sources}
    badges = []
    for source_id in sources:
        if source_id not in context.source_numbers:
            continue
        url = by_id[source_id].url
        badges.append(
            Badge(context.source_numbers[source_id], source_id, _source_description(context.map, source_id), url if is_http_url(url) else "")
        )
    return tuple(sorted(badges, key=lambda b: b.number))


def element_tooltip(context: _Context, ref: Ref) -> str:
    """The full text, the quotes with their sources, the sources and the position."""
    element = context.map.element(ref)
    parts = [name_of(context.map, ref)]
    if element.text:
        parts.append(clean(element.text))
    if isinstance(element, MergedArgument) and element.pcs:
        parts.append("\n".join(_pcs_line(context, n, item) for n, item in enumerate(element.pcs, 1)))
    if element.quotes:
        quotes = [f"“{clean(q.text)}” — {_source_description(context.map, q.source)}" for q in element.quotes]
        parts.append("Quotes:\n" + "\n".join(quotes))
    if element.sources:
        numbered = [f"{b.number} {b.description}" for b in badges_of(context, element.sources)]
        parts.append("Sources: " + "; ".join(numbered))
    position = context.positions.get(ref)
    if position is not None:
        label = next(p.label for p in context.map.positions if p.tag == position)
        parts.append(f"Position: {clean(label)}")
    return shorten("\n\n".join(parts))


def _pcs_line(context: _Context, number: int, item) -> str:
    """'(2) [Title] text' for a premise–conclusion line; an inference line above a conclusion."""
    statement = context.map.statements.get(item.statement)
    title = "" if statement is None or statement.generated_title else f"[{item.statement}] "
    text = statement.text if statement is not None else ""
    line = f"({item.number or number}) {title}{text}".rstrip()
    if item.inference is not None:
        rules = ", ".join(item.inference.rules)
        line = (f"-- {rules} --" if rules else "----") + "\n" + line
    return clean(line)


def label_lines(context: _Context, ref: Ref) -> tuple[tuple[str, ...], tuple[str, ...]]:
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


# ---------------------------------------------------------------- assembling the graph


def build_graph(argument_map: ArgumentMap, options: ViewOptions | None = None) -> Graph:
    """The graph of the map as the options ask to see it. Raises ArgmapError for bad options."""
    options = options or ViewOptions()
    context = _Context.of(argument_map, options)
    view = select_view(context)
    expanded = _expanded_arguments(context, view) if options.pcs else {}
    group_clusters, group_of = _group_clusters(context, view, expanded)
    argument_clusters, inside = _argument_clusters(context, expanded, group_of)
    nodes = _nodes(context, view, expanded, group_of, inside)
    edges = _edges(context, view, expanded, inside)
    clusters = _used_clusters(group_clusters + argument_clusters, nodes)
    legend = _legend(context, nodes, edges) if options.legend else None
    positions = tuple(LegendPosition(p.tag, clean(p.label), context.colours[p.tag]) for p in argument_map.positions)
    title, description = _summary(context, nodes, edges, clusters)
    return Graph(tuple(nodes), tuple(edges), tuple(clusters), legend, options.rankdir, positions, title, description)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _summary(context: _Context, nodes: list[Node], edges: list[Edge], clusters: list[Cluster]) -> tuple[str, str]:
    """A title and a description of what the view shows, in words, for screen readers and handouts."""
    statements = sum(n.kind is NodeKind.STATEMENT for n in nodes)
    arguments = sum(n.kind is NodeKind.ARGUMENT for n in nodes) + sum(c.kind is ClusterKind.ARGUMENT for c in clusters)
    relations = sum(e.kind.is_relation and not e.implicit for e in edges)
    shown = {b.source for item in (*nodes, *clusters) for b in item.badges}
    sources = [s for s in context.map.sources if s.id in shown]
    title = "Argument map: " + ", ".join(
        (_plural(len(sources), "source"), _plural(statements, "statement"), _plural(arguments, "argument"), _plural(relations, "relation"))
    )
    parts = []
    if context.map.positions:
        parts.append("Positions: " + ", ".join(clean(p.label) for p in context.map.positions) + ".")
    if sources:
        parts.append("Sources: " + "; ".join(f"{context.source_numbers[s.id]} {_source_description(context.map, s.id)}" for s in sources) + ".")
    options, view, argument_map = context.options, [], context.map
    if options.focus:
        focus = name_of(argument_map, resolve_focus(argument_map, options.focus))
        view.append(f"around {focus}, at most {_plural(options.depth, 'link')} away")
    if options.position:
        tag = resolve_position(argument_map, options.position)
        view.append(f"position {next(clean(p.label) for p in argument_map.positions if p.tag == tag)} only")
    if options.source:
        view.append(f"source {_source_description(argument_map, resolve_source(argument_map, options.source))} only")
    if view:
        parts.append("Showing " + "; ".join(view) + ".")
    return clean(title), shorten(clean(" ".join(parts)))


def _sorted_refs(context: _Context, refs: Iterable[Ref]) -> list[Ref]:
    return sorted(refs, key=lambda r: context.order[r])


def _expanded_arguments(context: _Context, view: _View) -> dict[Ref, MergedArgument]:
    return {
        ref: context.map.arguments[ref.title]
        for ref in _sorted_refs(context, view.elements)
        if ref.kind is Kind.ARGUMENT and context.map.arguments[ref.title].pcs
    }


def _element_node(context: _Context, ref: Ref, cluster: str | None) -> Node:
    element = context.map.element(ref)
    title_lines, text_lines = label_lines(context, ref)
    position = context.positions.get(ref)
    return Node(
        id=node_id(ref.kind.value, ref.title),
        kind=NodeKind(ref.kind.value),
        title_lines=title_lines,
        text_lines=text_lines,
        tooltip=element_tooltip(context, ref),
        color=context.colours.get(position, "") if position else "",
        position=position,
        badges=badges_of(context, element.sources),
        cluster=cluster,
    )


def _inference_steps(argument: MergedArgument) -> list[tuple[int, list[int]]]:
    """(index of the conclusion, indexes of the lines it is drawn from) per inference.

    An inference line follows from everything since the previous inference
    line's conclusion (included), as a PCS is read.
    """
    steps, start = [], 0
    for index, item in enumerate(argument.pcs):
        if item.inference is not None:
            steps.append((index, list(range(start, index))))
            start = index
    return steps


def _inference_id(argument: str, conclusion_index: int) -> str:
    return node_id(NodeKind.INFERENCE, argument, str(conclusion_index))


def _nodes(context, view, expanded, group_of, inside) -> list[Node]:
    nodes = []
    for ref in _sorted_refs(context, view.elements):
        if ref in expanded:
            nodes.extend(_inference_nodes(context, ref, expanded[ref]))
            continue
        nodes.append(_element_node(context, ref, inside.get(ref, group_of.get(ref))))
    return nodes


def _inference_nodes(context: _Context, ref: Ref, argument: MergedArgument) -> list[Node]:
    position = context.positions.get(ref)
    colour = context.colours.get(position, "") if position else ""
    nodes = []
    for index, _premises in _inference_steps(argument):
        rules = argument.pcs[index].inference.rules
        tooltip = f"{name_of(context.map, ref)}: inference to ({argument.pcs[index].number or index + 1})"
        if rules:
            tooltip += " by " + ", ".join(clean(r) for r in rules)
        nodes.append(
            Node(
                id=_inference_id(ref.title, index),
                kind=NodeKind.INFERENCE,
                title_lines=(),
                text_lines=wrap_lines(", ".join(rules), context.options.wrap, 2) if rules else (),
                tooltip=shorten(tooltip),
                color=colour,
                position=position,
                cluster=node_id(ClusterKind.ARGUMENT, ref.title),
            )
        )
    return nodes


def _endpoint(ref: Ref, expanded: dict[Ref, MergedArgument], kind: EdgeKind | None = None) -> tuple[str, str | None]:
    """The node an edge attaches to, and the cluster to clip it at.

    An expanded argument has no node of its own. An undercut (``kind``) goes
    to the inference bar it names, else the last one. Other relations attach
    to the last bar but are clipped at the argument's frame, so they seem to
    touch the whole argument.
    """
    key = _key(ref)
    if key not in expanded:
        return node_id(key.kind.value, key.title), None
    steps = [index for index, _ in _inference_steps(expanded[key])]
    if kind is EdgeKind.UNDERCUT:
        index = ref.conclusion_index if ref.conclusion_index in steps else steps[-1]
        return _inference_id(key.title, index), None
    return _inference_id(key.title, steps[-1]), node_id(ClusterKind.ARGUMENT, key.title)


def _edges(context: _Context, view: _View, expanded: dict[Ref, MergedArgument], inside: dict[Ref, str]) -> list[Edge]:
    edges = []
    for link in view.links:
        if link.kind in (EdgeKind.PREMISE, EdgeKind.CONCLUSION):
            continue  # drawn from the argument's steps below
        tail, tail_cluster = _endpoint(link.tail, expanded)
        head, head_cluster = _endpoint(link.head, expanded, link.kind)
        if tail_cluster is not None and inside.get(_key(link.head)) == tail_cluster:
            tail_cluster = None  # Graphviz cannot clip an edge at a cluster holding both ends
        if head_cluster is not None and inside.get(link.tail) == head_cluster:
            head_cluster = None
        edges.append(
            Edge(
                tail=tail,
                head=head,
                kind=link.kind,
                tooltip=_link_tooltip(context, link),
                cross_position=_crosses_positions(context, link.tail, _key(link.head)),
                implicit=link.relation is None,
                tail_cluster=tail_cluster,
                head_cluster=head_cluster,
            )
        )
    for ref, argument in expanded.items():
        edges.extend(_step_edges(context.map, ref, argument))
    order = {node: n for n, node in enumerate(_node_order(context, view, expanded))}
    return sorted(edges, key=lambda e: (order.get(e.tail, 0), order.get(e.head, 0), e.kind.value))


def _node_order(context: _Context, view: _View, expanded) -> list[str]:
    ids = []
    for ref in _sorted_refs(context, view.elements):
        if ref in expanded:
            ids.extend(_inference_id(ref.title, index) for index, _ in _inference_steps(expanded[ref]))
        else:
            ids.append(node_id(ref.kind.value, ref.title))
    return ids


def _step_edges(argument_map: ArgumentMap, ref: Ref, argument: MergedArgument) -> list[Edge]:
    """premise → inference bar → conclusion, for each inference of an expanded argument."""
    edges = []
    for index, premises in _inference_steps(argument):
        bar = _inference_id(ref.title, index)
        for premise in premises:
            statement = argument.pcs[premise].statement
            tooltip = f"({premise + 1}) {name_of(argument_map, Ref(Kind.STATEMENT, statement))}"
            edges.append(Edge(node_id(NodeKind.STATEMENT, statement), bar, EdgeKind.PREMISE, tooltip, implicit=True))
        conclusion = argument.pcs[index].statement
        tooltip = f"({index + 1}) {name_of(argument_map, Ref(Kind.STATEMENT, conclusion))}"
        edges.append(Edge(bar, node_id(NodeKind.STATEMENT, conclusion), EdgeKind.CONCLUSION, tooltip, implicit=True))
    return edges


_VERBS = {
    EdgeKind.SUPPORT: "supports",
    EdgeKind.ATTACK: "attacks",
    EdgeKind.UNDERCUT: "undercuts",
    EdgeKind.CONTRADICTORY: "contradicts",
    EdgeKind.ENTAILS: "entails",
    EdgeKind.CONTRARY: "is contrary to",
}


def _link_tooltip(context: _Context, link: _Link) -> str:
    target = name_of(context.map, link.head)
    if link.head.conclusion_index is not None:
        argument = context.map.arguments.get(link.head.title)
        if argument is not None and link.head.conclusion_index < len(argument.pcs):
            target = f"the inference to ({link.head.conclusion_index + 1}) of {target}"
    text = f"{name_of(context.map, link.tail)} {_VERBS[link.kind]} {target}"
    if link.relation is None:
        text += " (from the argument's premise–conclusion structure)"
    else:
        numbers = [str(b.number) for b in badges_of(context, link.relation.sources)]
        if numbers:
            text += f" — source{'s' * (len(numbers) > 1)} {', '.join(numbers)}"
    return shorten(clean(text))


def _crosses_positions(context: _Context, a: Ref, b: Ref) -> bool:
    first, second = context.positions.get(a), context.positions.get(b)
    return first is not None and second is not None and first != second


# ---------------------------------------------------------------- clusters


def _group_clusters(context: _Context, view: _View, expanded) -> tuple[list[Cluster], dict[Ref, str]]:
    """The --group-by clusters (parents first) and the cluster of each element."""
    grouping = context.options.group_by
    if grouping == "position":
        return _position_clusters(context, view)
    if grouping == "source":
        return _source_clusters(context, view)
    if grouping == "section":
        return _section_clusters(context, view)
    return [], {}


def _position_clusters(context: _Context, view: _View) -> tuple[list[Cluster], dict[Ref, str]]:
    clusters, group_of = [], {}
    for position in context.map.positions:
        cluster = node_id(ClusterKind.POSITION, position.tag)
        label = clean(position.label)
        tooltip = f"Position: {label}" + (f"\n\n{clean(position.description)}" if position.description else "")
        clusters.append(Cluster(cluster, ClusterKind.POSITION, (label,), shorten(tooltip), color=context.colours[position.tag], position=position.tag))
        for ref in view.elements:
            if context.positions.get(ref) == position.tag:
                group_of[ref] = cluster
    return clusters, group_of


def _source_clusters(context: _Context, view: _View) -> tuple[list[Cluster], dict[Ref, str]]:
    """One cluster per source; an element several sources assert stays between them."""
    clusters, group_of = [], {}
    for source in context.map.sources:
        cluster = node_id(ClusterKind.SOURCE, source.id)
        description = _source_description(context.map, source.id)
        badges = badges_of(context, [source.id])
        label = wrap_lines(description, max(context.options.wrap, 40), 2)
        clusters.append(Cluster(cluster, ClusterKind.SOURCE, label, shorten(clean(description)), badges=badges))
        for ref in view.elements:
            if tuple(context.map.element(ref).sources) == (source.id,):
                group_of[ref] = cluster
    return clusters, group_of


def _section_clusters(context: _Context, view: _View) -> tuple[list[Cluster], dict[Ref, str]]:
    """Sections as nested clusters; with several documents, inside one cluster per document.

    Ids come from the source id and the document's place in the input, never
    from file paths, so the DOT is the same wherever the files are.
    """
    clusters: list[Cluster] = []
    ids: dict[tuple[str, str], str] = {}  # (document path, section id) → cluster id
    several = len(context.map.documents) > 1
    for index, doc in enumerate(context.map.documents):
        parent = None
        if several and doc.sections:
            parent = node_id(ClusterKind.SOURCE, doc.source.id, str(index))
            description = _source_description(context.map, doc.source.id)
            label = wrap_lines(description, max(context.options.wrap, 40), 2)
            clusters.append(Cluster(parent, ClusterKind.SOURCE, label, shorten(clean(description)), badges=badges_of(context, [doc.source.id])))
        for section in doc.sections:
            ids[(doc.path, section.id)] = node_id(ClusterKind.SECTION, section.title, doc.source.id, str(index), section.id)
        for section in doc.sections:
            label = wrap_lines(section.title, max(context.options.wrap, 40), 2)
            parent_id = ids.get((doc.path, section.parent), parent) if section.parent else parent
            clusters.append(Cluster(ids[(doc.path, section.id)], ClusterKind.SECTION, label, shorten(clean(section.title)), parent=parent_id))
    group_of = {ref: ids[key] for ref in view.elements if (key := context.section_keys.get(ref)) in ids}
    return clusters, group_of


def _argument_clusters(context: _Context, expanded: dict[Ref, MergedArgument], group_of: dict[Ref, str]) -> tuple[list[Cluster], dict[Ref, str]]:
    """A frame per expanded argument, and the statements that live only inside it.

    A PCS statement is drawn inside its argument unless it is on the map for
    another reason or used by another argument: then it is shared, outside.
    """
    on_map = _statements_on_map(context.map)
    users: dict[str, set[str]] = defaultdict(set)
    for title, argument in context.map.arguments.items():
        for item in argument.pcs:
            users[item.statement].add(title)
    clusters, inside = [], {}
    for ref, argument in expanded.items():
        cluster = node_id(ClusterKind.ARGUMENT, ref.title)
        title_lines, text_lines = label_lines(context, ref)
        position = context.positions.get(ref)
        clusters.append(
            Cluster(
                cluster,
                ClusterKind.ARGUMENT,
                title_lines,
                element_tooltip(context, ref),
                text_lines=text_lines,
                parent=group_of.get(ref),
                color=context.colours.get(position, "") if position else "",
                badges=badges_of(context, argument.sources),
                position=position,
            )
        )
        for item in argument.pcs:
            statement = Ref(Kind.STATEMENT, item.statement)
            if statement not in on_map and users[item.statement] == {ref.title}:
                inside[statement] = cluster
    return clusters, inside


def _used_clusters(clusters: list[Cluster], nodes: list[Node]) -> list[Cluster]:
    """Only clusters holding a node (directly or in a sub-cluster), parents before children."""
    parents = {c.id: c.parent for c in clusters}
    used: set[str] = set()
    for node in nodes:
        cluster = node.cluster
        while cluster is not None and cluster not in used:
            used.add(cluster)
            cluster = parents.get(cluster)
    kept = [c for c in clusters if c.id in used]
    depth = {}
    for cluster in kept:
        level, parent = 0, cluster.parent
        while parent is not None:
            level, parent = level + 1, parents.get(parent)
        depth[cluster.id] = level
    return sorted(kept, key=lambda c: depth[c.id])  # stable: keeps the given order within a level


# ---------------------------------------------------------------- legend


def _legend(context: _Context, nodes: list[Node], edges: list[Edge]) -> Legend:
    kinds = tuple(k for k in (NodeKind.STATEMENT, NodeKind.ARGUMENT) if any(n.kind is k for n in nodes))
    if any(n.kind is NodeKind.INFERENCE for n in nodes):
        kinds += (NodeKind.INFERENCE,)
    positions = tuple(LegendPosition(p.tag, clean(p.label), context.colours[p.tag]) for p in context.map.positions)
    edge_kinds = tuple(k for k in EdgeKind if k.is_relation and any(e.kind is k for e in edges))
    shown = {b.source for n in nodes for b in n.badges}
    sources = tuple(
        LegendSource(number, s.id, clean(s.publisher), clean(s.title), clean(s.date), s.url if is_http_url(s.url) else "")
        for number, s in enumerate(context.map.sources, 1)
        if s.id in shown
    )
    cross = any(e.cross_position for e in edges)
    return Legend(kinds, positions, edge_kinds, cross, sources)
