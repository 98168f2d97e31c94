"""Maps made for a page: ``argmap render --page`` (one drawing shaped and
scaled for a slide or a sheet of paper) and ``--pages`` (a PDF, or one SVG
per page, of pages readable on paper).

The layout is chosen by measuring, not guessing: dot lays the map out
(``-Tplain``), the other rank direction is tried when the shape is far from
the page's, and a layout too long along its ranks is wrapped into 2, 3 or 4
rows (:func:`argmap.draw.pages.wrap_rows`) and measured again; the one that
fits the page's shape, with the largest text, wins. Every run of dot goes
through :func:`argmap.draw.graphviz.run_dot`, each with the timeout.

A PDF page is the paper's size exactly: dot draws within the usable area,
and pypdf puts the drawing in the middle of a sheet of the page's size and
joins the pages.
"""

from __future__ import annotations

import dataclasses
import io
import math
from dataclasses import dataclass

from ..draw.dot import to_dot
from ..draw.graph_types import Graph, Page
from ..draw.graphviz import run_dot
from ..draw.pages import TOLERANCE, Layout, off_by, page_aspect, parse_plain, scale_to_fit, wrap_rows
from ..draw.themes import DEFAULT_THEME, Theme
from .formats import render

MAX_ROWS = 4
POINTS = 72  # per inch


@dataclass(frozen=True, slots=True)
class Fit:
    """A graph laid out for a page, and what its layout measured."""

    graph: Graph  # with its page (and rows, when wrapped)
    layout: Layout  # dot's layout of it, before it is scaled to the page
    rows: int  # 1, or how many rows the layout was wrapped into
    drawn_scale: float = 0.0  # the scale dot drew it at, once it is chosen (0: not drawn yet)

    @property
    def scale(self) -> float:
        """How much the drawing is scaled to fill the page (1.0: text at its own size).

        Before it is drawn, an estimate from the layout; dot's own figure once
        it is (the page's heading and padding make the two differ a little).
        """
        return self.drawn_scale or scale_to_fit(self.layout.width, self.layout.height, self.graph.page)


def layout_of(graph: Graph, theme: Theme, timeout: float) -> Layout:
    """Dot's layout of the graph at its own size: spaced for its page, not scaled to it."""
    page = dataclasses.replace(graph.page, scaled=False) if graph.page is not None else None
    plain = run_dot(to_dot(dataclasses.replace(graph, page=page), theme), "plain", timeout)
    return parse_plain(plain.decode("utf-8"))


def fit_to_page(
    graph: Graph, page: Page, theme: Theme = DEFAULT_THEME, timeout: float = 60.0, keep_rankdir: bool = False, text_first: bool = False, quick: bool = False, enough: float = math.inf
) -> Fit:
    """The graph laid out to fill the page: rank direction and rows chosen by measuring dot's layouts.

    Of the layouts tried, the one nearest the page's shape wins (the largest
    text among those within :data:`TOLERANCE` of it). With ``text_first``
    (pages to print) the one with the largest text wins, whatever its shape,
    both directions are wrapped, and a sheet may be turned (a portrait A4
    page becomes a landscape one) if that makes the text larger.
    ``keep_rankdir``: the user chose the direction; only wrapping is tried.
    ``quick``: no wrapping, and the scale is the layout's estimate (to size
    pages up before they are drawn). ``enough``: with ``text_first``, no
    wrapping is tried once a layout's text is this large.
    """
    target = page_aspect(page)
    base = dataclasses.replace(graph, page=page, ranks=())
    tried = [Fit(base, layout_of(base, theme, timeout), 1)]
    if not keep_rankdir and (text_first or off_by(tried[0].layout.aspect, target) > TOLERANCE):
        turned = dataclasses.replace(base, rankdir="LR" if base.rankdir == "TB" else "TB")
        tried.append(Fit(turned, layout_of(turned, theme, timeout), 1))
    choose = _largest_text if text_first else _best
    if quick or (text_first and max(fit.scale for fit in tried) >= enough):
        starts = []
    else:
        starts = list(tried) if text_first else [choose(tried, target)]
    for start in starts:
        tried += _wrapped(start, target, theme, timeout)
    if text_first and page.width != page.height:
        sideways = dataclasses.replace(page, name=f"{page.name} turned", width=page.height, height=page.width)
        tried += [dataclasses.replace(fit, graph=dataclasses.replace(fit.graph, page=sideways)) for fit in tried]
    best = choose(tried, target)
    if quick or not text_first:  # a printed page must know its type size exactly; a slide's estimate will do
        return best
    drawn = parse_plain(run_dot(to_dot(best.graph, theme), "plain", timeout).decode("utf-8"))
    return dataclasses.replace(best, drawn_scale=drawn.scale)


def _wrapped(fit: Fit, target: float, theme: Theme, timeout: float) -> list[Fit]:
    """The layout wrapped into 2, 3, … rows while it is too long along its ranks for the page."""
    found: list[Fit] = []
    for rows in range(2, MAX_ROWS + 1):
        if not _too_long_along_ranks(found[-1] if found else fit, target):
            break
        wrapped = wrap_rows(fit.graph, fit.layout, rows)
        if not wrapped.ranks:
            break
        found.append(Fit(wrapped, layout_of(wrapped, theme, timeout), rows))
    return found


def _too_long_along_ranks(fit: Fit, target: float) -> bool:
    """Wider than the page in TB, taller in LR, by more than the tolerance: what wrapping mends."""
    shape = fit.layout.aspect
    too_wide = fit.graph.rankdir == "TB" and shape > target * TOLERANCE
    too_tall = fit.graph.rankdir == "LR" and shape < target / TOLERANCE
    return too_wide or too_tall


def _best(tried: list[Fit], target: float) -> Fit:
    """Of the layouts near the page's shape, the one with the largest text; else the nearest in shape."""
    near = [fit for fit in tried if off_by(fit.layout.aspect, target) <= TOLERANCE]
    if near:
        return max(near, key=lambda fit: fit.scale)
    return min(tried, key=lambda fit: off_by(fit.layout.aspect, target))


def _largest_text(tried: list[Fit], target: float) -> Fit:
    return max(tried, key=lambda fit: (fit.scale, -off_by(fit.layout.aspect, target)))


def render_page(fit: Fit, fmt: str, timeout: float = 60.0, theme: Theme = DEFAULT_THEME) -> bytes:
    """The fitted graph in a format; a PDF is a sheet of the page's size with the drawing in its middle."""
    data = render(fit.graph, fmt, timeout, theme)
    return paper_pdf([(data, 1.0, fit.graph.page)]) if fmt == "pdf" else data


# ---------------------------------------------------------------- PDF


def paper_pdf(drawings: list[tuple[bytes, float, Page]], outline: list[str] | None = None) -> bytes:
    """One PDF, a sheet per drawing: (PDF bytes, how much to scale it, the sheet), each centred on its sheet.

    ``outline``: a bookmark per sheet. Deterministic: pypdf writes no date or random id.
    """
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    writer = PdfWriter()
    for data, scale, page in drawings:
        drawing = PdfReader(io.BytesIO(data)).pages[0]
        box = drawing.mediabox
        width, height = page.width * POINTS, page.height * POINTS
        sheet = PageObject.create_blank_page(width=width, height=height)
        x = (width - float(box.width) * scale) / 2 - float(box.left) * scale
        y = (height - float(box.height) * scale) / 2 - float(box.bottom) * scale
        sheet.merge_transformed_page(drawing, Transformation().scale(scale).translate(x, y))
        writer.add_page(sheet)
    for number, title in enumerate(outline or []):
        writer.add_outline_item(title=title, page_number=number)
    writer.add_metadata({"/Producer": "argmap"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
