"""The options of a map, shared by Markdown blocks and the Sphinx directive: what each accepts, how a value is read.

They are named as ``argmap render`` names them; view options added to
:class:`~argmap.draw.options.ViewOptions` later are accepted without a change here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..core.text import did_you_mean
from ..draw.options import GROUPINGS, LABEL_MODES, RANKDIRS, ViewOptions


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a block or directive, named as ``argmap render`` names it."""

    name: str
    kind: str  # "choice", "int", "flag", "text"
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    field: str = ""  # the ViewOptions field; empty for file, alt and caption
    help: str = ""


RENDER_OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("focus", "text", field="focus", help="keep the neighbourhood of this statement or argument"),
        Option("depth", "int", minimum=0, maximum=100, field="depth", help="with focus: how many links away to keep (default 2)"),
        Option("group-by", "choice", GROUPINGS, field="group_by", help="draw clusters"),
        Option("position", "text", field="position", help="keep the elements of this position"),
        Option("source", "text", field="source", help="keep what this source asserts"),
        Option("pcs", "flag", field="pcs", help="expand arguments into premises, inference bars and conclusions"),
        Option("labels", "choice", LABEL_MODES, field="labels", help="what node labels show"),
        Option("wrap", "int", minimum=8, maximum=200, field="wrap", help="wrap label text at this many characters"),
        Option("rankdir", "choice", RANKDIRS, field="rankdir", help="layout direction"),
        Option("legend", "flag", field="legend", help="draw the legend (default); no-legend leaves it out"),
    )
}


def _later_view_options() -> dict[str, Option]:
    """View options added to :class:`ViewOptions` after this module was written (a theme, say).

    They are accepted under their render-option names (``_`` → ``-``) and
    checked by ViewOptions itself, so a new view option works in blocks and
    directives without a change here.
    """
    known = {o.field for o in RENDER_OPTIONS.values()}
    found = {}
    for item in dataclasses.fields(ViewOptions):
        if item.name in known:
            continue
        default = item.default
        kind = "flag" if isinstance(default, bool) else "int" if isinstance(default, int) else "text"
        name = item.name.replace("_", "-")
        found[name] = Option(name, kind, field=item.name)
    return found


def _drawing_options() -> dict[str, Option]:
    """Options of the drawing rather than the view: ``theme``, ``width``, and ``overview`` with its ``top``."""
    from ..draw.themes import THEMES

    return {
        "theme": Option("theme", "choice", tuple(THEMES), help="colours, fonts and line widths"),
        "width": Option("width", "int", minimum=16, maximum=100_000, help="scale the drawing down to at most this many pixels wide"),
        "overview": Option("overview", "flag", help="draw the positions, their strongest claims and the supports and attacks between them"),
        "top": Option("top", "int", minimum=0, maximum=20, help="with overview: how many claims each position lists (default 3)"),
    }


MAP_OPTIONS: dict[str, Option] = {
    "file": Option("file", "text", help="an .argmap file, relative to the document; globs and several file= allowed"),
    "alt": Option("alt", "text", help="the image's alternative text (default: what the map shows)"),
    "caption": Option("caption", "text", help="a caption (Markdown: the image's title)"),
}


def options() -> dict[str, Option]:
    """Every option a block or directive accepts, by name."""
    return {**RENDER_OPTIONS, **_later_view_options(), **_drawing_options(), **MAP_OPTIONS}


TRUE, FALSE = ("", "true", "yes", "on", "1"), ("false", "no", "off", "0")


def parse_value(option: Option, value: str | None) -> object:
    """An option's written value as a Python value; ValueError says what is wrong."""
    if option.kind == "flag":
        word = (value or "").strip().lower()
        if word in TRUE:
            return True
        if word in FALSE:
            return False
        raise ValueError("write the flag alone, or =true / =false")
    if value is None or not value.strip():
        raise ValueError("needs a value")
    value = value.strip()
    if option.kind == "int":
        try:
            number = int(value)
        except ValueError:
            raise ValueError("needs a whole number") from None
        if (option.minimum is not None and number < option.minimum) or (option.maximum is not None and number > option.maximum):
            raise ValueError(f"needs a number from {option.minimum} to {option.maximum}")
        return number
    if option.kind == "choice" and value not in option.choices:
        close = [c for c in option.choices if c.lower() == value.lower()]
        if close:
            return close[0]
        raise ValueError("choose one of " + ", ".join(option.choices))
    return value


def view_options(values: dict[str, object]) -> ViewOptions:
    """ViewOptions from parsed option values (by option name); ValueError for bad ones."""
    fields = {}
    for name, value in values.items():
        option = options().get(name)
        if option is not None and option.field:
            fields[option.field] = value
    return ViewOptions(**fields)


def unknown_option_hint(name: str) -> str:
    known = options()
    if name.startswith("no-") and name[3:] in known and known[name[3:]].kind == "flag":
        return ""
    close = did_you_mean(name, sorted(known))
    listed = ", ".join(sorted(known))
    return f"did you mean {close}?" if close else f"options are {listed}"
