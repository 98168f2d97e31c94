"""The graph object: what a map shows, as plain frozen dataclasses.

Built by :func:`argmap.draw.graph.build_graph`, written as DOT by
:mod:`argmap.draw.dot`; it knows nothing of Graphviz or DOT syntax.
"""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from dataclasses import dataclass


class NodeKind(enum.Enum):
    STATEMENT = "statement"
    ARGUMENT = "argument"
    INFERENCE = "inference"  # the inference bar of an expanded argument (--pcs)
    STUB = "stub"  # render --pages: an element drawn on another page, named where a relation leaves this one


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
    verdict: str = ""  # render --evaluate: the grounded label, "in", "out" or "undec"
    voice: str = ""  # whose claim and how sure: "according to Russia · hedged: may" (drawn in italics)
    reconstructed: bool = False  # the mapper's, not an article's: a dashed outline
    used_for: str | None = None  # an untagged statement: the position its arguments stand for (page filters)


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
    constraint: bool = True  # False: not used to rank the nodes (render --page draws it against the rows)
    reconstructed: bool = False  # the mapper's link, not an article's: an open circle at its tail


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
    verdict: str = ""  # render --evaluate: an expanded argument's grounded label
    voice: str = ""  # an expanded argument's speaker and hedge, as for a node
    reconstructed: bool = False


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
    verdicts: tuple[str, ...] = ()  # render --evaluate: the grounded labels drawn
    reconstructed: bool = False  # some node or relation is the mapper's: explain the marks


@dataclass(frozen=True, slots=True)
class Page:
    """A page a drawing is made for: a slide or a sheet of paper, in inches."""

    name: str
    width: float
    height: float
    margin: float = 0.0  # white space kept on each side (printers cannot print to the edge)
    scaled: bool = True  # False: laid out for the page but drawn at its own size (to measure the layout)

    @property
    def usable(self) -> tuple[float, float]:
        return self.width - 2 * self.margin, self.height - 2 * self.margin


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
    page: Page | None = None  # render --page: the paper or slide the drawing is scaled to fit
    caption: str = ""  # render --pages: the page's heading, drawn above the map
    ranks: tuple[tuple[str, ...], ...] = ()  # render --page: node ids rank by rank, first to last (empty: dot ranks them)


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
