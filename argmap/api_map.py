"""The map a library user holds: the core model with the public API as its methods.

``argmap.load`` and ``argmap.loads`` return an :class:`ArgumentMap`, a
subclass of the core model's frozen ``ArgumentMap`` that adds no data, only
methods (``check``, ``to_json``, ``to_dot``, ``render``, ``stats``, ``show``)
and the displays of Jupyter and IPython. Being a subclass, it goes wherever
the model goes, so every function of :mod:`argmap.api` takes either. The
core model stays free of drawing code: the methods import the stages they
need when first called, as the functions do.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .core import model

if TYPE_CHECKING:
    from .core.model import Diagnostic

NOTEBOOK_BOXES = 30
"""A map with positions and more boxes than this shows its overview in a
notebook: the whole map would be scaled down past reading at cell width."""


class ArgumentMap(model.ArgumentMap):
    """Every loaded document merged into one map: ``statements`` and
    ``arguments`` (by title), ``relations``, ``positions``, ``sources``,
    ``documents`` and the ``diagnostics`` found while reading them."""

    __slots__ = ()

    @classmethod
    def of(cls, argument_map: model.ArgumentMap) -> ArgumentMap:
        """The same map with the public methods (a map that has them is returned as it is)."""
        if isinstance(argument_map, cls):
            return argument_map
        return cls(*(getattr(argument_map, f.name) for f in dataclasses.fields(model.ArgumentMap)))

    def check(self) -> list[Diagnostic]:
        """Every error and warning, sorted by place: what ``argmap check`` reports."""
        from .api import check

        return check(self)

    def to_json(self) -> str:
        """argmap's canonical JSON of the map."""
        from .api import to_json

        return to_json(self)

    def to_dot(self, **options: Any) -> str:
        """The DOT text Graphviz is given; ``options`` as for :func:`argmap.to_dot`."""
        from .api import to_dot

        return to_dot(self, **options)

    def render(self, format: str = "svg", **options: Any) -> bytes:
        """The map drawn, as bytes; ``options`` as for :func:`argmap.render`."""
        from .api import render

        return render(self, format, **options)

    def stats(self):
        """What ``argmap stats`` reports (see :func:`argmap.statistics`)."""
        from .api import statistics

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
