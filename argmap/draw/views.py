"""Which elements and links a view shows: the map's nodes and edges before
they are drawn, narrowed by --position, --source and --focus.

Which statements are nodes and how arguments are linked to their
premise–conclusion structures is Argdown's map semantics, summed up in
:mod:`argmap.draw.graph`.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

from ..core.errors import ArgmapError
from ..core.model import ArgumentMap, Kind, Ref, Relation, Role
from ..core.text import did_you_mean, normalize_title
from .context import MapContext, element_key
from .graph_types import EdgeKind


@dataclass(frozen=True, slots=True)
class Link:
    """An edge between two elements, before elements become nodes."""

    tail: Ref
    head: Ref  # may carry a conclusion_index (an undercut of one inference step)
    kind: EdgeKind
    relation: Relation | None = None


def statements_on_map(argument_map: ArgumentMap) -> set[Ref]:
    """Statements shown as nodes: those with relations or written outside any PCS."""
    related = {element_key(end) for r in argument_map.relations for end in (r.source, r.target) if end.kind is Kind.STATEMENT}
    shown = set(related)
    for title, statement in argument_map.statements.items():
        if any(o.role in (Role.TOP_LEVEL, Role.RELATION) for o in statement.occurrences):
            shown.add(Ref(Kind.STATEMENT, title))
    return shown


def _relation_links(argument_map: ArgumentMap) -> list[Link]:
    links = []
    for relation in argument_map.relations:
        if argument_map.element(relation.source) is None or argument_map.element(relation.target) is None:
            continue
        links.append(Link(element_key(relation.source), relation.target, EdgeKind(relation.type.value), relation))
    return links


def _structure_links(argument_map: ArgumentMap, statements: set[Ref], pcs: bool) -> list[Link]:
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
                links.append(Link(tail, head, kind))
            elif statement in statements and item.role is Role.PREMISE:
                links.append(Link(statement, ref, EdgeKind.SUPPORT))
            elif statement in statements and index == last:
                links.append(Link(ref, statement, EdgeKind.SUPPORT))
    return links


def _without_duplicates(relations: list[Link], structure: list[Link]) -> list[Link]:
    """A written relation wins over the same support drawn from an argument's structure."""
    written = {(link.tail, element_key(link.head), link.kind) for link in relations}
    return relations + [link for link in structure if (link.tail, link.head, link.kind) not in written]


@dataclass
class View:
    elements: set[Ref]
    links: list[Link]


def select_view(context: MapContext) -> View:
    """The elements and links of the map, after --position, --source and --focus."""
    argument_map, options = context.map, context.options
    statements = statements_on_map(argument_map)
    if options.pcs:
        statements |= {Ref(Kind.STATEMENT, i.statement) for a in argument_map.arguments.values() for i in a.pcs}
    focus = resolve_focus(argument_map, options.focus) if options.focus else None
    if focus is not None and focus.kind is Kind.STATEMENT:
        statements.add(focus)  # the focus is on the map even if it only lives inside a PCS
    elements = statements | {Ref(Kind.ARGUMENT, t) for t in argument_map.arguments}
    links = _without_duplicates(_relation_links(argument_map), _structure_links(argument_map, statements, options.pcs))
    view = View(elements, [link for link in links if link.tail in elements and element_key(link.head) in elements])
    if options.position is not None:
        view = _filter_position(context, view, resolve_position(argument_map, options.position))
    if options.source is not None:
        view = _filter_source(context, view, resolve_source(argument_map, options.source))
    if focus is not None:
        if focus not in view.elements:
            raise ArgmapError("render-focus-hidden", hint="drop --position/--source, or focus on an element they keep", element=str(focus))
        view = _neighbourhood(context, view, focus, options.depth)
    return view


def _restrict(context: MapContext, view: View, keep: set[Ref], link_ok=lambda link: True) -> View:
    if context.options.pcs:
        keep = keep | _pcs_statements_of(context.map, keep)  # an expanded argument keeps its inside
    links = [link for link in view.links if link.tail in keep and element_key(link.head) in keep and link_ok(link)]
    return View(keep, links)


def _pcs_statements_of(argument_map: ArgumentMap, elements: set[Ref]) -> set[Ref]:
    return {
        Ref(Kind.STATEMENT, item.statement)
        for ref in elements
        if ref.kind is Kind.ARGUMENT
        for item in argument_map.arguments[ref.title].pcs
    }


def _filter_position(context: MapContext, view: View, position: str) -> View:
    keep = {ref for ref in view.elements if context.positions.get(ref) == position}
    return _restrict(context, view, keep)


def _filter_source(context: MapContext, view: View, source: str) -> View:
    keep = {ref for ref in view.elements if source in context.map.element(ref).sources}
    return _restrict(context, view, keep, lambda link: link.relation is None or source in link.relation.sources)


def _neighbourhood(context: MapContext, view: View, focus: Ref, depth: int) -> View:
    """Elements at most ``depth`` links from the focus, whatever the links' direction."""
    neighbours: dict[Ref, set[Ref]] = defaultdict(set)
    for link in view.links:
        neighbours[link.tail].add(element_key(link.head))
        neighbours[element_key(link.head)].add(link.tail)
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
