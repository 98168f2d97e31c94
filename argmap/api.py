"""argmap's public API: each stage of the pipeline as one function.

    load / loads  ->  check  ->  to_json / to_dot / render / statistics / evaluate

Every function takes and returns the typed model (``ArgumentMap``,
``Diagnostic``), so a caller can stop after any stage. The map that
:func:`load` and :func:`loads` return has the common steps as methods too,
and displays itself in notebooks (:class:`ArgumentMap`, at the end). Stages are imported
when a function is first called: ``import argmap`` stays cheap, and reading a
map never loads Graphviz code. Errors are raised as :class:`ArgmapError`
(input) or :class:`ToolError` (Graphviz missing, failed or timed out); the
library never prints or exits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING, Any

from .core.errors import ArgmapError, InputErrors, ToolError
from .core import model as _model
from .core.model import Diagnostic, Severity, Span

if TYPE_CHECKING:  # the analysis stage is imported when evaluate() is first called
    from .analyse.evaluation import Evaluation

__all__ = [
    "ArgmapError", "ArgumentMap", "Diagnostic", "Drawing", "InputErrors", "Severity", "Span", "ToolError",
    "FORMATS", "THEMES", "check", "evaluate", "format_diagnostics", "format_text", "from_aif", "has_errors", "load",
    "loads", "PAGES", "render", "render_pages", "statistics", "to_aif", "to_dot", "to_json",
]

FORMATS = ("svg", "png", "pdf", "dot", "json", "html")
"""What :func:`render` can write: json is Graphviz's laid-out graph, html the interactive page."""

THEMES = ("default", "print", "mono")
"""default for screens; print and mono (greys only) for paper and slides."""


def load(paths: str | PathLike | Iterable[str | PathLike]) -> ArgumentMap:
    """Read argument files (``.argmap`` or ``.argdown``) and merge them into one map.

    Problems in the files do not raise: they are in ``map.diagnostics`` and
    in what :func:`check` returns.
    """
    from .merge.combine import load as load_files

    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    return ArgumentMap.of(load_files(paths))


def loads(text: str, name: str = "<string>") -> ArgumentMap:
    """Parse markup held in a string into a map; ``name`` is the path shown in diagnostics
    (and the folder that an article named in its front matter is relative to)."""
    from .build.document import parse_document
    from .merge.combine import merge

    return ArgumentMap.of(merge([parse_document(text, name)]))


def check(argument_map: ArgumentMap) -> list[Diagnostic]:
    """Every error and warning about the map, sorted by place: what ``argmap check`` reports."""
    from .checks.checker import check as check_map

    return check_map(argument_map)


def has_errors(diagnostics: Iterable[Diagnostic], strict: bool = False) -> bool:
    """Whether the diagnostics fail a check (with ``strict``, warnings fail it too)."""
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)


def format_diagnostics(diagnostics: Iterable[Diagnostic]) -> str:
    """Diagnostics as people read them: ``path:line:col: error: …``, the line, a caret, a hint."""
    from .core.diagnostics import format_all

    return format_all(diagnostics)


def to_json(argument_map: ArgumentMap) -> str:
    """The merged map as argmap's canonical JSON (the format README.md describes)."""
    from .interchange.canonical import to_json as canonical_json

    return canonical_json(argument_map)


def to_aif(argument_map: ArgumentMap) -> str:
    """The merged map as AIF JSON, the Argument Interchange Format of AIFdb and
    the argumentation research tools (docs/aif.md says what maps to what)."""
    from .interchange.aif_write import to_aif_bytes

    return to_aif_bytes(argument_map).decode("utf-8")


def from_aif(path: str | PathLike) -> tuple[str, list[Diagnostic]]:
    """An AIF, xAIF or OVA JSON file as ``.argmap`` markup, and warnings for what
    was left out: what ``argmap import`` writes. Raises :class:`ArgmapError`
    when the file is not one of them."""
    from .extract.titles import make_title
    from .fmt.formatter import format_text as layout
    from .interchange.aif_markup import import_graph
    from .interchange.aif_read import read_file

    warnings: list[Diagnostic] = []
    markup = import_graph(read_file(path, warnings), make_title, warnings)
    return layout(markup, str(path)), warnings


def to_dot(argument_map: ArgumentMap, *, theme: str = "default", overview: bool = False, top: int | None = None, **view: Any) -> str:
    """The map as Graphviz DOT text, without running Graphviz.

    ``view`` takes the options of ``argmap render`` as keywords: ``labels``,
    ``wrap``, ``group_by``, ``pcs``, ``focus``, ``depth``, ``position``,
    ``source``, ``legend``, ``rankdir``, ``evaluate`` (each element's
    grounded label, as :func:`evaluate` gives it). ``overview=True`` draws the
    positions instead, as ``argmap render --overview``: each lists its
    ``top`` strongest claims (default 3); of the view options only ``wrap``
    and ``legend`` apply to it.
    """
    from .draw.themes import THEMES as themes

    if overview:
        from .draw.overview_dot import overview_to_dot

        return overview_to_dot(_overview(argument_map, top, view), themes[_theme(theme)])
    from .draw.dot import to_dot as write_dot

    return write_dot(_graph(argument_map, view, top), themes[_theme(theme)])


def render(
    argument_map: ArgumentMap, format: str = "svg", *, theme: str = "default", width: int | None = None, timeout: float = 60.0,
    overview: bool = False, top: int | None = None, page: str | None = None, **view: Any,
) -> bytes:
    """The map drawn by Graphviz in one of :data:`FORMATS`, as bytes.

    ``width`` caps svg, png and html output at that many pixels; ``view``,
    ``overview`` and ``top`` as for :func:`to_dot`. ``page`` (one of
    :data:`PAGES`) lays the map out for a slide or a sheet of paper, as
    ``argmap render --page`` does (svg, pdf, png, dot or json; not with
    ``width`` or ``overview``); an explicit ``rankdir`` is kept. Raises
    :class:`ArgmapError` when a view option names nothing on the map (or the
    overview is asked of a map without positions), :class:`ToolError` when
    Graphviz is missing, fails or takes longer than ``timeout`` seconds.
    """
    from .draw.themes import THEMES as themes

    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if page is not None:
        return _render_on_page(argument_map, format, page, theme, width, timeout, overview, view)
    if overview:
        from .publish.formats import draw_overview

        _overview_options(top, view)
        return draw_overview(argument_map, format, timeout, themes[_theme(theme)], width, top, **view)
    from .publish.formats import draw

    whole = not any(view.get(option) for option in ("focus", "position", "source"))  # the page holds the overview of a whole map
    return draw(argument_map, _graph(argument_map, view, top), format, timeout, themes[_theme(theme)], width, overview=whole)


PAGES = ("slide", "a4", "a4-landscape", "letter")
"""The pages :func:`render` and :func:`render_pages` lay a map out for: a 16:9 slide, A4 (upright or on its side), US letter."""


def _render_on_page(argument_map: ArgumentMap, format: str, page: str, theme: str, width: int | None, timeout: float, overview: bool, view: dict[str, Any]) -> bytes:
    from .draw.pages import page_named
    from .draw.themes import THEMES as themes
    from .publish.pages import fit_to_page, render_page

    if format in ("html",) or width is not None or overview:
        raise ValueError("page= draws the full map in svg, pdf, png, dot or json, without width= or overview=")
    look = themes[_theme(theme)]
    fit = fit_to_page(_graph(argument_map, view), page_named(page), look, timeout, keep_rankdir="rankdir" in view)
    return render_page(fit, format, timeout, look)


def render_pages(argument_map: ArgumentMap, format: str = "pdf", *, page: str = "a4", theme: str = "default", timeout: float = 60.0, **view: Any) -> list[bytes]:
    """The map cut into pages readable on paper, as ``argmap render --pages`` makes them.

    ``format`` ``pdf`` gives one item, the whole document; ``svg`` one SVG
    per page. Page 1 is the overview of the positions (or a contents page
    of the sections), page 2 the legend (unless ``legend=False``), then a
    page per position or section, cut where it would not print at 8 points
    or more. ``view`` takes ``labels``, ``wrap``, ``pcs``, ``legend`` and
    ``evaluate``; ``page`` is one of :data:`PAGES`.
    """
    from .draw.pages import page_named
    from .draw.themes import THEMES as themes
    from .publish.page_set import page_set

    if format not in ("pdf", "svg"):
        raise ValueError(f"format must be pdf or svg, not {format!r}")
    unknown = set(view) - {"labels", "wrap", "pcs", "legend", "evaluate"}
    if unknown:
        raise ValueError(f"render_pages cuts the whole map; it takes no {', '.join(sorted(unknown))}")
    from .draw.options import ViewOptions

    pages = page_set(argument_map, ViewOptions(**view), page_named(page), format, themes[_theme(theme)], timeout)
    return list(pages.drawings)


def statistics(argument_map: ArgumentMap):
    """What ``argmap stats`` reports, as typed records: ``sources`` (counts per
    source), ``matrix`` (supports and attacks between positions), ``shared``
    (claims several sources make) and ``most_attacked``."""
    from .analyse.stats import statistics as compute

    return compute(argument_map)


def evaluate(argument_map: ArgumentMap, semantics: str = "grounded", *, max_extensions: int = 100) -> "Evaluation":
    """Which claims stand, given all the attacks: what ``argmap evaluate`` reports (docs/evaluation.md).

    Returns an ``Evaluation``: ``grounded`` (every element's key, ``"[Title]"``
    or ``"<Title>"``, → ``"in"``, ``"out"`` or ``"undec"``), ``explanations``
    (key → why, in a sentence), ``positions`` (each position's claims by
    label), and for ``semantics`` ``"preferred"``, ``"stable"`` or ``"all"``
    the extensions (``preferred``, ``stable``: tuples of sorted keys, at most
    ``max_extensions`` each, ``truncated`` naming those cut short) and the
    ``credulous`` and ``sceptical`` acceptance per semantics. Preferred and
    stable semantics need clingo (``pip install 'argmap[evaluate]'``); without
    it they raise :class:`ToolError`.
    """
    from .analyse.evaluation import evaluate as compute

    return compute(argument_map, semantics, max_extensions)


def format_text(text: str, path: str = "<string>") -> str:
    """Markup in the canonical layout of ``argmap fmt`` (comments and quotes kept).

    Raises :class:`InputErrors` when the text cannot be formatted (a syntax error).
    """
    from .fmt.formatter import format_text as layout

    return layout(text, path)


def _graph(argument_map: ArgumentMap, view: dict[str, Any], top: int | None = None):
    from .draw.graph import build_graph
    from .draw.options import ViewOptions

    if top is not None:
        raise TypeError("top= needs overview=True")

    try:
        options = ViewOptions(**view)
    except TypeError as error:  # an unknown keyword: say which, as Python would
        raise TypeError(f"unknown view option: {error}") from None
    return build_graph(argument_map, options)


OVERVIEW_VIEW = ("wrap", "legend")  # the view options the overview takes; the others select parts of the full map


def _overview_options(top: int | None, view: dict[str, Any]) -> None:
    unknown = sorted(set(view) - set(OVERVIEW_VIEW))
    if unknown:
        raise TypeError(f"view option {unknown[0]!r} does not apply to the overview (it takes only {', '.join(OVERVIEW_VIEW)})")
    if top is not None and (not isinstance(top, int) or top < 0):
        raise ValueError(f"top must be a whole number from 0, not {top!r}")


def _overview(argument_map: ArgumentMap, top: int | None, view: dict[str, Any]):
    from .draw.overview import DEFAULT_TOP, build_overview

    _overview_options(top, view)
    return build_overview(argument_map, DEFAULT_TOP if top is None else top, **view)


def _theme(name: str) -> str:
    if name not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {name!r}")
    return name


# ---------------------------------------------------------------- the map a library user holds
# A subclass of the core model's frozen ArgumentMap that adds no data, only the
# functions above as methods and the displays of Jupyter and IPython; being a
# subclass, it goes wherever the model goes. The core model stays free of drawing code.

NOTEBOOK_BOXES = 30
"""A map with positions and more boxes than this shows its overview in a
notebook: the whole map would be scaled down past reading at cell width."""


class ArgumentMap(_model.ArgumentMap):
    """Every loaded document merged into one map: ``statements`` and
    ``arguments`` (by title), ``relations``, ``positions``, ``sources``,
    ``documents`` and the ``diagnostics`` found while reading them."""

    __slots__ = ()

    @classmethod
    def of(cls, argument_map: _model.ArgumentMap) -> ArgumentMap:
        """The same map with the public methods (a map that has them is returned as it is)."""
        if isinstance(argument_map, cls):
            return argument_map
        return cls(*(getattr(argument_map, f.name) for f in dataclasses.fields(_model.ArgumentMap)))

    def check(self) -> list[Diagnostic]:
        """Every error and warning, sorted by place: what ``argmap check`` reports."""

        return check(self)

    def to_json(self) -> str:
        """argmap's canonical JSON of the map."""

        return to_json(self)

    def to_dot(self, **options: Any) -> str:
        """The DOT text Graphviz is given; ``options`` as for :func:`argmap.to_dot`."""

        return to_dot(self, **options)

    def render(self, format: str = "svg", **options: Any) -> bytes:
        """The map drawn, as bytes; ``options`` as for :func:`argmap.render`."""

        return render(self, format, **options)

    def stats(self):
        """What ``argmap stats`` reports (see :func:`argmap.statistics`)."""

        return statistics(self)

    def show(self, **options: Any) -> Drawing:
        """The map drawn as SVG with ``options`` (those of :func:`argmap.render`),
        as an object a notebook displays: ``m.show(focus="Title", depth=1)``."""
        return Drawing(self.render("svg", **options))

    def __repr__(self) -> str:
        counts = (
            (len(self.sources), "source"), (len(self.statements), "statement"), (len(self.arguments), "argument"),
            (len(self.relations), "relation"), (len(self.diagnostics), "diagnostic"),
        )
        return "<argmap.ArgumentMap: " + ", ".join(f"{n} {noun}{'s' * (n != 1)}" for n, noun in counts) + ">"

    def _repr_svg_(self) -> str:
        """Jupyter's picture of the map: the whole map, or the positions' overview when
        the map has positions and more than :data:`NOTEBOOK_BOXES` boxes."""
        big = len(self.statements) + len(self.arguments) > NOTEBOOK_BOXES
        return self.render("svg", overview=bool(big and self.positions)).decode("utf-8")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """The SVG and the one-line summary; the reason instead of the picture when it cannot be drawn."""
        from .core.errors import ArgmapError, ToolError

        try:
            return {"image/svg+xml": self._repr_svg_(), "text/plain": repr(self)}
        except (ArgmapError, ToolError) as exc:
            return {"text/plain": f"{self!r}\nnot drawn: {exc}"}


@dataclasses.dataclass(frozen=True)
class Drawing:
    """An SVG drawing of a map, as :meth:`ArgumentMap.show` makes it; ``svg`` holds its bytes."""

    svg: bytes

    def _repr_svg_(self) -> str:
        return self.svg.decode("utf-8")

    def __repr__(self) -> str:
        return f"<argmap.Drawing: {len(self.svg)} bytes of SVG>"
