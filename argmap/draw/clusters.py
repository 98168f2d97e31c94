"""The frames of a drawing: --group-by clusters (positions, sources, sections)
and, with --pcs, one frame per expanded argument.
"""

from __future__ import annotations

from collections import defaultdict

from ..core.model import Kind, MergedArgument, Ref
from ..core.text import clean
from .context import MapContext
from .graph_types import Cluster, ClusterKind, Node, node_id
from .labels import badges_of, element_tooltip, label_lines, shorten, source_description, voice_line, wrap_lines
from .views import View, statements_on_map


def group_clusters(context: MapContext, view: View, expanded) -> tuple[list[Cluster], dict[Ref, str]]:
    """The --group-by clusters (parents first) and the cluster of each element."""
    grouping = context.options.group_by
    if grouping == "position":
        return _position_clusters(context, view)
    if grouping == "source":
        return _source_clusters(context, view)
    if grouping == "section":
        return _section_clusters(context, view)
    return [], {}


def _position_clusters(context: MapContext, view: View) -> tuple[list[Cluster], dict[Ref, str]]:
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


def _source_clusters(context: MapContext, view: View) -> tuple[list[Cluster], dict[Ref, str]]:
    """One cluster per source; an element several sources assert stays between them."""
    clusters, group_of = [], {}
    for source in context.map.sources:
        cluster = node_id(ClusterKind.SOURCE, source.id)
        description = source_description(context.map, source.id)
        badges = badges_of(context, [source.id])
        label = wrap_lines(description, max(context.options.wrap, 40), 2)
        clusters.append(Cluster(cluster, ClusterKind.SOURCE, label, shorten(clean(description)), badges=badges))
        for ref in view.elements:
            if tuple(context.map.element(ref).sources) == (source.id,):
                group_of[ref] = cluster
    return clusters, group_of


def _section_clusters(context: MapContext, view: View) -> tuple[list[Cluster], dict[Ref, str]]:
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
            description = source_description(context.map, doc.source.id)
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


def argument_clusters(context: MapContext, expanded: dict[Ref, MergedArgument], group_of: dict[Ref, str]) -> tuple[list[Cluster], dict[Ref, str]]:
    """A frame per expanded argument, and the statements that live only inside it.

    A PCS statement is drawn inside its argument unless it is on the map for
    another reason or used by another argument: then it is shared, outside.
    """
    on_map = statements_on_map(context.map)
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
                voice=voice_line(argument),
                reconstructed=argument.is_reconstructed,
            )
        )
        for item in argument.pcs:
            statement = Ref(Kind.STATEMENT, item.statement)
            if statement not in on_map and users[item.statement] == {ref.title}:
                inside[statement] = cluster
    return clusters, inside


def used_clusters(clusters: list[Cluster], nodes: list[Node]) -> list[Cluster]:
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
