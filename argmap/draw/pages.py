"""Maps laid out for a page (``argmap render --page``): the page sizes, the
Graphviz attributes a page implies, and the one layout change of our own,
wrapping a layout that is too long for the page into rows.

Graphviz does most of it. ``ratio`` makes the drawing's shape the page's,
``size`` with ``!`` scales it to the page; what is left to choose is
a layout whose own shape is near the page's, since ``ratio`` only spreads the
nodes apart (white space) and ``size`` shrinks the text of a layout that is
far too wide. The layout's shape comes from Graphviz as well: dot's rank
direction (TB or LR) is tried both ways by :mod:`argmap.publish.pages`.

What Graphviz has no tool for is a layout that is too wide along its ranks:
dot puts the trees of a shallow, wide map side by side, one long row.
``unflatten`` staggers leaves (``-l``) and chains loose nodes (``-c``), but
an argument map's leaves are the tails of its edges (the premises and
objections at the top), which it does not move, and its wide ranks hold whole
trees, not leaves; on the example map it changes nothing. So
:func:`wrap_rows` cuts dot's own layout into ``k`` strips along the ranks,
where the fewest edges cross, and stacks them: each strip keeps dot's ranks,
offset below the strip before it, as ``rank=same`` groups; edges between
strips no longer rank anything (``constraint=false``) and are drawn as they
fall. Dot lays out the result as usual.

Pure: the layouts come in as dot's ``-Tplain`` text; running dot is
:mod:`argmap.draw.graphviz`'s job.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from dataclasses import dataclass

from .escaping import Html, attributes, html_text
from .graph_types import Graph, Page

PAGES = {
    "slide": Page("slide", 13.333, 7.5),  # 16:9, as presentation programs make a wide slide; no margin
    "a4": Page("a4", 8.268, 11.693, 0.4),
    "a4-landscape": Page("a4-landscape", 11.693, 8.268, 0.4),
    "letter": Page("letter", 8.5, 11.0, 0.4),
}
"""The pages ``--page`` knows, in inches; paper keeps a 0.4-inch margin (about 10 mm)."""

TOLERANCE = 1.25  # a layout within this factor of the page's shape is kept as it is
MIN_PRINT_POINTS = 8.0  # --pages: the smallest text on paper
CAPTION_POINTS = 16  # --pages: a page's heading
PAGE_SPACING = [("nodesep", "0.2"), ("ranksep", "0.35")]  # inches between boxes, and between ranks


def page_named(name: str) -> Page:
    if name not in PAGES:
        raise ValueError(f"page must be one of {', '.join(PAGES)}, not {name!r}")
    return PAGES[name]


def aspect(width: float, height: float) -> float:
    return width / height if height > 0 else math.inf


def page_aspect(page: Page) -> float:
    return aspect(*page.usable)


def off_by(shape: float, target: float) -> float:
    """How far a shape is from the target, as a factor ≥ 1 (2.0: twice as wide, or twice as tall)."""
    return math.exp(abs(math.log(shape / target))) if shape > 0 and math.isfinite(shape) else math.inf


def scale_to_fit(width: float, height: float, page: Page) -> float:
    """The scale at which a drawing this size (inches) fits the page's usable area."""
    usable_width, usable_height = page.usable
    return min(usable_width / width, usable_height / height) if width > 0 and height > 0 else 1.0


# ---------------------------------------------------------------- DOT


def page_lines(graph: Graph) -> list[str]:
    """The DOT statements a page adds: closer spacing, the drawing's size and shape, and the rows of a wrapped layout.

    The spacing is closer than on a screen (:data:`PAGE_SPACING`): three
    boxes side by side then fit a portrait sheet at their own size.

    ``ratio`` (height over width) spreads the nodes apart until the drawing
    has the page's shape; ``size`` ending in ``!`` then scales it, up or
    down, to the usable area, so a small map gets large text. (``ratio=fill``
    would never scale up.) ``margin=0``: the paper's margin is added when the
    PDF page is made (:mod:`argmap.publish.pages`).
    """
    lines = []
    if graph.page is not None:
        lines.append(f"graph {attributes(PAGE_SPACING)};")
    if graph.page is not None and graph.page.scaled:
        width, height = graph.page.usable
        lines.append(f"graph {attributes([('size', f'{width:.4g},{height:.4g}!'), ('ratio', f'{height / width:.4g}'), ('margin', '0')])};")
    if graph.caption:  # last in the file, so that no cluster takes it as its own label
        heading = Html(f"<B>{html_text(graph.caption)}</B>")
        lines.append(f"graph {attributes([('label', heading), ('labelloc', 't'), ('labeljust', 'l'), ('fontsize', str(CAPTION_POINTS))])};")
    return lines + rank_lines(graph.ranks)


def rank_lines(ranks: tuple[tuple[str, ...], ...]) -> list[str]:
    """Each rank's nodes on one rank, and an invisible chain that keeps the ranks in order."""
    lines = [f"{{rank=\"same\"; {'; '.join(group)};}}" for group in ranks if group]
    placed = [(index, group[0]) for index, group in enumerate(ranks) if group]
    chain = attributes([("style", "invis"), ("weight", "0")])
    for (above, upper), (below, lower) in zip(placed, placed[1:]):
        pairs = chain if below - above == 1 else attributes([("style", "invis"), ("weight", "0"), ("minlen", str(below - above))])
        lines.append(f"{upper} -> {lower} {pairs};")
    return lines


# ---------------------------------------------------------------- dot's layout


@dataclass(frozen=True, slots=True)
class Placed:
    """A node where dot put it: centre and size, in inches."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Layout:
    """What dot's ``-Tplain`` output says: the drawing's size and every node's place, in inches."""

    width: float
    height: float
    nodes: dict[str, Placed]
    scale: float = 1.0  # how much dot scaled the drawing (to a page's size)

    @property
    def aspect(self) -> float:
        return aspect(self.width, self.height)


def parse_plain(text: str) -> Layout:
    """dot ``-Tplain`` output → a :class:`Layout` (argmap's node ids never need quoting)."""
    scale = width = height = 0.0
    nodes: dict[str, Placed] = {}
    for line in text.splitlines():
        words = line.split(" ", 6)
        if words[0] == "graph" and len(words) >= 4:
            scale, width, height = float(words[1]), float(words[2]), float(words[3])
        elif words[0] == "node" and len(words) >= 6:
            nodes[words[1].strip('"')] = Placed(*(float(w) for w in words[2:6]))
    return Layout(width, height, nodes, scale)


def ranks_of(layout: Layout, names: list[str], rankdir: str) -> dict[str, int]:
    """Each node's rank in the layout: 0 at the top (TB) or on the left (LR)."""
    across = {name: round(-layout.nodes[name].y if rankdir == "TB" else layout.nodes[name].x, 2) for name in names}
    levels = sorted(set(across.values()))
    index = {level: n for n, level in enumerate(levels)}
    return {name: index[across[name]] for name in names}


# ---------------------------------------------------------------- wrapping into rows


def wrap_rows(graph: Graph, layout: Layout, rows: int) -> Graph:
    """The graph with its layout cut into ``rows`` strips along the ranks, stacked one after another.

    In TB the strips are cut left to right and stacked downwards; in LR cut
    top to bottom and stacked rightwards. A cluster (a position's frame, an
    expanded argument) stays whole in one strip.
    """
    names = [node.id for node in graph.nodes if node.id in layout.nodes]
    if rows < 2 or len(names) < 2:
        return graph
    rank = ranks_of(layout, names, graph.rankdir)
    units = units_of(graph, names)
    strip_of = cut_along(units, layout, graph, rows)
    new_rank = _stacked(names, rank, units, strip_of)
    groups: list[list[str]] = [[] for _ in range(max(new_rank.values()) + 1)]
    for name in names:
        groups[new_rank[name]].append(name)
    edges = tuple(
        dataclasses.replace(edge, constraint=False)
        if edge.tail in new_rank and edge.head in new_rank and new_rank[edge.head] <= new_rank[edge.tail]
        else edge
        for edge in graph.edges
    )
    return dataclasses.replace(graph, edges=edges, ranks=tuple(tuple(group) for group in groups))


def units_of(graph: Graph, names: list[str]) -> dict[str, list[str]]:
    """Nodes that move together: the members of each outermost cluster, or a node alone."""
    parent = {cluster.id: cluster.parent for cluster in graph.clusters}
    cluster_of = {node.id: node.cluster for node in graph.nodes}
    units: dict[str, list[str]] = defaultdict(list)
    for name in names:
        top = cluster_of.get(name)
        while top is not None and parent.get(top) is not None:
            top = parent[top]
        units[top or name].append(name)
    return units


def _along(layout: Layout, name: str, rankdir: str) -> tuple[float, float]:
    """A node's place along its rank and its extent there, left to right (TB) or top to bottom (LR)."""
    placed = layout.nodes[name]
    return (placed.x, placed.width) if rankdir == "TB" else (-placed.y, placed.height)


def cut_along(units: dict[str, list[str]], layout: Layout, graph: Graph, rows: int) -> dict[str, int]:
    """Units in order along the ranks, cut into ``rows`` strips of about equal extent where the fewest edges cross."""
    along = {key: [_along(layout, n, graph.rankdir) for n in members] for key, members in units.items()}
    order = sorted(units, key=lambda key: (sum(c for c, _ in along[key]) / len(along[key]), key))
    position = {n: index for index, key in enumerate(order) for n in units[key]}
    crossing = _crossings(graph, position, len(order))
    running, total = [], 0.0  # running[i]: the extent of units 0..i
    for key in order:
        total += sum(size for _, size in along[key])
        running.append(total)
    cuts: list[int] = []
    for strip in range(1, rows):
        ideal = total * strip / rows
        gaps = [i for i in range(len(order) - 1) if not cuts or i > cuts[-1]]
        if not gaps:
            break
        near = [i for i in gaps if abs(running[i] - ideal) <= total / rows / 3] or [min(gaps, key=lambda i: abs(running[i] - ideal))]
        cuts.append(min(near, key=lambda i: (crossing[i], abs(running[i] - ideal), i)))
    return {key: sum(1 for cut in cuts if index > cut) for index, key in enumerate(order)}


def _crossings(graph: Graph, position: dict[str, int], count: int) -> list[int]:
    """For each gap i (between unit i and i + 1): how many edges cross it."""
    starts = [0] * (count + 1)
    for edge in graph.edges:
        if edge.tail in position and edge.head in position:
            low, high = sorted((position[edge.tail], position[edge.head]))
            starts[low] += 1
            starts[high] -= 1
    crossing, running = [], 0
    for index in range(count):
        running += starts[index]
        crossing.append(running)
    return crossing


def _stacked(names: list[str], rank: dict[str, int], units: dict[str, list[str]], strip_of: dict[str, int]) -> dict[str, int]:
    """Ranks in the stacked layout: each strip's own ranks, below the strips before it."""
    strip = {n: strip_of[key] for key, members in units.items() for n in members}
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for name in names:
        first[strip[name]] = min(first.get(strip[name], rank[name]), rank[name])
        last[strip[name]] = max(last.get(strip[name], rank[name]), rank[name])
    offset, start = 0, {}
    for index in sorted(first):
        start[index] = offset - first[index]
        offset += last[index] - first[index] + 2  # an empty rank between rows, for the edges that cross
    return {name: rank[name] + start[strip[name]] for name in names}
