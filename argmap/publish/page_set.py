"""``argmap render --pages``: the map as pages readable on paper, one PDF or
one SVG per page.

Page 1 is the overview of the positions (:mod:`argmap.publish.overview`),
or, for a map without positions, a contents page of its sections; page 2 the
legend (as wide as a page, so the other pages leave it out). Then a page per
position (or section), each laid out for the paper
(:func:`argmap.publish.pages.fit_to_page`). A page whose text would print
smaller than 8 points keeps the longest run of its elements, in the order of
its layout (:func:`argmap.draw.page_split.reading_order`), that prints at 8
points or more, found by halving; the rest goes on the next page, and so on.
Then the pages are numbered, and the stubs that name elements on other pages
say which page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..core.errors import message
from ..core.model import ArgumentMap
from ..draw.graph import build_graph
from ..draw.graph_types import Graph, Page
from ..draw.graphviz import deterministic, run_dot
from ..draw.options import ViewOptions
from ..draw.page_split import Sheet, contents_graph, legend_graph, page_graph, reading_order, sheets_by_position, sheets_by_section
from ..draw.pages import MIN_PRINT_POINTS, scale_to_fit
from ..draw.themes import DEFAULT_THEME, Theme
from .formats import render
from .pages import Fit, fit_to_page, paper_pdf

MARGIN = 1.06  # a page is sized up from its layout; drawn, its heading and padding take a little more


@dataclass(frozen=True, slots=True)
class PageSet:
    """The pages, drawn: each page's heading and its drawing, the scale each is printed at, and what did not fit."""

    titles: tuple[str, ...]
    drawings: tuple[bytes, ...]  # PDF or SVG, one per page
    scales: tuple[float, ...]  # 1.0: text printed at its own size
    warnings: tuple[str, ...] = field(default=())


def smallest_points(theme: Theme) -> float:
    """The smallest type a map in this theme has: the source badges' numbers, usually."""
    return float(min(theme.node_size, theme.edge_size, theme.inference_size, theme.badge_size, theme.label_size))


def page_set(argument_map: ArgumentMap, options: ViewOptions, page: Page, fmt: str = "pdf", theme: Theme = DEFAULT_THEME, timeout: float = 60.0) -> PageSet:
    """Every page of the map in ``fmt`` (pdf or svg). Raises ArgmapError/ToolError as render does."""
    graph = build_graph(argument_map, dataclasses.replace(options, group_by="none"))
    by_position = bool(argument_map.positions) and any(node.position for node in graph.nodes)
    if by_position:
        sheets = sheets_by_position(graph)
    else:
        sheets = sheets_by_section(build_graph(argument_map, dataclasses.replace(options, group_by="section")))
    wanted = MIN_PRINT_POINTS / smallest_points(theme)
    start = 3 if graph.legend is not None else 2  # the first page of the map itself
    sheets, homes, fits, warnings = _settle(graph, sheets, start, page, theme, timeout, wanted)
    first, placed, first_sheet, first_scale = _first_page(argument_map, graph, options, sheets, homes, by_position, start, page, fmt, theme, timeout)
    fronts, front_scales = [(first, placed, first_sheet)], [first_scale]
    titles = ["Overview" if by_position else "Contents"]
    if graph.legend is not None:
        legend = fit_to_page(legend_graph(graph, 2, start - 1 + len(sheets)), page, theme, timeout, text_first=True)
        fronts.append((render(legend.graph, fmt, timeout, theme), 1.0, legend.graph.page))
        front_scales.append(legend.scale)
        titles.append("Legend")
    titles += [sheet.title for sheet in sheets]
    drawings = [(render(fit.graph, fmt, timeout, theme), 1.0, fit.graph.page) for fit in fits]
    scales = tuple(front_scales + [fit.scale for fit in fits])
    if fmt == "pdf":
        return PageSet(tuple(titles), (paper_pdf(fronts + drawings, titles),), scales, tuple(warnings))
    return PageSet(tuple(titles), tuple(data for data, _, _ in fronts + drawings), scales, tuple(warnings))


def _settle(graph: Graph, homes: list[Sheet], start: int, page: Page, theme: Theme, timeout: float, wanted: float):
    """The pages: each home page as it is when it fits the paper at ``wanted`` scale, else cut into
    runs that do; then every page laid out with its final number and the numbers its stubs name."""
    measure = _Measure(graph, page, theme, timeout)
    sheets: list[Sheet] = []
    for home in homes:
        sheets += _cut_to_fit(home, measure, wanted)
    homes_of = [sheet.title for sheet in sheets]
    sheets = _numbered(sheets, homes_of)
    fits = _final(graph, sheets, start, page, theme, timeout, wanted)
    warnings = [
        message("pages-small-text", number=number, title=sheet.title, points=smallest_points(theme) * fit.scale)
        for number, (sheet, fit) in enumerate(zip(sheets, fits), start)
        if fit.scale < wanted * 0.99
    ]
    return sheets, homes_of, fits, warnings


class _Measure:
    """A trial page laid out for the paper (its stubs naming a placeholder page), remembered by content."""

    def __init__(self, graph: Graph, page: Page, theme: Theme, timeout: float):
        self.graph, self.page, self.theme, self.timeout = graph, page, theme, timeout
        self.cache: dict[tuple, Fit] = {}
        self.place = {node.id: "No single position (10 of 10), p. 100" for node in graph.nodes}  # as long as a stub's page gets

    def __call__(self, sheet: Sheet) -> Fit:
        drawn = page_graph(self.graph, sheet, self.place, 0, 0)
        key = (drawn.nodes, drawn.edges)
        if key not in self.cache:
            self.cache[key] = fit_to_page(drawn, self.page, self.theme, self.timeout, text_first=True, quick=True)
        return self.cache[key]


def _cut_to_fit(home: Sheet, measure: _Measure, wanted: float) -> list[Sheet]:
    """The home page, or the longest runs of it (in its layout's order) that fit the paper, one after another.

    The run's length is found by halving the interval: about log2(groups)
    layouts per page cut off.
    """
    sheets, rest = [], home
    while rest.nodes:
        fit = measure(rest)
        if fit.scale >= wanted * MARGIN:
            return sheets + [rest]
        groups = reading_order(rest, fit.graph, fit.layout)
        if len(groups) == 1:
            return sheets + [rest]  # one expanded argument too big for the paper: it is drawn smaller (warned)
        low, high = 1, len(groups) - 1  # low: fits or must be taken anyway; high: the most worth trying
        while low < high:
            middle = (low + high + 1) // 2
            if measure(_run(home, groups[:middle])).scale >= wanted * MARGIN:
                low = middle
            else:
                high = middle - 1
        sheets.append(_run(home, groups[:low]))
        rest = _run(home, groups[low:])
    return sheets


def _run(home: Sheet, groups: list[tuple[str, ...]]) -> Sheet:
    kept = {n for group in groups for n in group}
    return Sheet(home.title, tuple(n for n in home.nodes if n in kept))


def _numbered(sheets: list[Sheet], homes: list[str]) -> list[Sheet]:
    """Parts of one home page titled "Pressure (2 of 3)"."""
    total = {home: homes.count(home) for home in homes}
    seen: dict[str, int] = {}
    named = []
    for sheet, home in zip(sheets, homes):
        seen[home] = seen.get(home, 0) + 1
        named.append(dataclasses.replace(sheet, title=home if total[home] == 1 else f"{home} ({seen[home]} of {total[home]})"))
    return named


def _final(graph: Graph, sheets: list[Sheet], start: int, page: Page, theme: Theme, timeout: float, wanted: float) -> list[Fit]:
    """Each page laid out with its number, and its stubs naming the pages they are on."""
    count = start - 1 + len(sheets)
    place = {node: f"{sheet.title}, p. {number}" for number, sheet in enumerate(sheets, start) for node in sheet.nodes}
    fits = []
    for number, sheet in enumerate(sheets, start):
        fits.append(fit_to_page(page_graph(graph, sheet, place, number, count), page, theme, timeout, text_first=True, enough=wanted * MARGIN))
    return fits


def _first_page(argument_map, graph, options, sheets, homes, by_position, start, page, fmt, theme, timeout) -> tuple[bytes, float, Page, float]:
    """Page 1: the overview of the positions, or the contents of a map without them.

    With the drawing come the scale to place it on its sheet at (1.0 when dot
    scaled it already), the sheet, and the scale its text prints at.
    """
    if by_position:
        from ..draw.overview import build_overview
        from ..draw.overview_dot import overview_to_dot
        from .overview import render_overview

        overview = build_overview(argument_map, wrap=options.wrap, legend=options.legend)
        if fmt != "pdf":
            return render_overview(overview, fmt, timeout, theme), 1.0, page, 1.0
        data = _without_margin(overview_to_dot(overview, theme), timeout)
        scale, sheet = _placed(data, page)
        return data, scale, sheet, scale
    numbers = list(range(start, start + len(sheets)))
    fit = fit_to_page(contents_graph(graph, sheets, numbers, homes), page, theme, timeout, text_first=True)
    return render(fit.graph, fmt, timeout, theme), 1.0, fit.graph.page, fit.scale


def _without_margin(dot_text: str, timeout: float) -> bytes:
    """A PDF of the DOT without dot's half-inch margin, which the sheet's own margin replaces."""
    end = dot_text.rstrip().rfind("}")
    return deterministic(run_dot(dot_text[:end] + '  graph [margin="0"];\n}\n', "pdf", timeout), "pdf")


def _placed(data: bytes, page: Page) -> tuple[float, Page]:
    """A PDF drawn at its own size (the overview's): the scale that fits it to the sheet, turned if that fits it larger."""
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    width, height = float(box.width) / 72, float(box.height) / 72
    sideways = dataclasses.replace(page, name=f"{page.name} turned", width=page.height, height=page.width)
    return max(((scale_to_fit(width, height, sheet), sheet) for sheet in (page, sideways)), key=lambda pair: pair[0])
