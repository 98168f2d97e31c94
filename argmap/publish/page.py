"""The interactive page: one self-contained HTML file to explore a map.

``argmap render --format html`` writes it: the map (the finished SVG,
inline) with a toolbar to search, zoom and filter, a details region for the
selected element, and under it the map in words
(:mod:`argmap.publish.handout`), which is also what prints. The page's
script (``assets/panzoom.js`` and ``assets/page.js``) and style
(``assets/page.css``) are written into it, and what the script knows about
the elements is JSON (:mod:`argmap.publish.page_data`).

Nothing is fetched: a Content-Security-Policy allows only this page's own
script and style (by their SHA-256 hashes, so the bytes stay the same from
run to run) and ``data:`` images, and forbids everything else. Input text
is escaped where it is written, here and in the handout; the script puts
it into the page as text only, never as markup.
"""

from __future__ import annotations

import base64
import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..core.model import ArgumentMap
from ..draw.graph_types import Graph
from ..draw.themes import DEFAULT_THEME, NEUTRAL_BORDER, NEUTRAL_FILL, Theme
from .handout import esc, handout
from .page_data import drawn_keys, page_data, page_json, safe_colour

SCRIPTS = ("panzoom.js", "details.js", "page.js")  # in this order: page.js uses the other two
SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
OVERVIEW_PREFIX = "overview-"


@dataclass(frozen=True, slots=True)
class OverviewPicture:
    """The overview of the positions (``render --overview``), finished SVG, and the position each box stands for."""

    svg: bytes
    boxes: dict[str, str | None]  # the box's id (its <title> in the SVG) → position tag; None: no single position


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """One of the page's own files (``argmap/publish/assets``), as text."""
    return (resources.files("argmap.publish") / "assets" / name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts: list[str], style: str) -> str:
    """Only these scripts and this style run; nothing is loaded from anywhere, not even this file's folder."""
    return "; ".join(
        (
            "default-src 'none'",
            "script-src " + " ".join(_hash(s) for s in scripts),
            f"style-src {_hash(style)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def interactive_page(argument_map: ArgumentMap, graph: Graph, svg: bytes, theme: Theme = DEFAULT_THEME, overview: OverviewPicture | None = None) -> str:
    """The whole page as text. ``svg`` is the finished SVG of ``graph``.

    With ``overview`` the page opens on the overview picture and switches
    between it and the full map.
    """
    keys = drawn_keys(argument_map, graph)
    words = handout(argument_map, graph, keys, theme)
    data = page_data(argument_map, graph, keys, words.anchors)
    if overview is not None:
        data["overview"] = overview.boxes
    pictures = _inline_svg(svg)
    if overview is not None:
        pictures = _prefixed_ids(overview.svg, OVERVIEW_PREFIX) + "\n" + pictures
    style = asset("page.css") + _position_css(graph, theme) + words.css + "\n"
    scripts = [asset(name) for name in SCRIPTS]
    title = graph.title or "Argument map"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(scripts, style)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="argmap">',
        f"<title>{esc(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<div class="screen">',
        _toolbar(title, overview is not None),
        '<div class="app">',
        _filters(argument_map, graph, data),
        f'<figure class="map" id="map">\n{pictures}\n<figcaption>{esc(graph.description)}</figcaption>\n</figure>',
        _details(),
        "</div>",
        "</div>",
        '<div class="words">',
        '<h2 class="words-title">The map in words</h2>',
        f'<nav aria-label="Contents"><ul>{words.contents}</ul></nav>',
        "<main>",
        words.body,
        "</main>",
        "</div>",
        f'<script type="application/json" id="argmap-data">{page_json(data)}</script>',
        *(f"<script>{script}</script>" for script in scripts),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _toolbar(title: str, overview: bool) -> str:
    summary = esc(title.removeprefix("Argument map: "))
    views = ""
    if overview:
        views = """<div class="views" role="group" aria-label="View">
<button type="button" id="view-overview" aria-pressed="true" title="The positions and the supports and attacks between them">Overview</button>
<button type="button" id="view-map" aria-pressed="false" title="Every claim and argument">Full map</button>
</div>
"""
    return f"""<header class="toolbar">
<h1>Argument map <span class="summary">{summary}</span></h1>
{views}<div class="search"><input type="search" id="search" aria-label="Search titles, texts and quotes" placeholder="Search titles, texts, quotes" autocomplete="off"><output id="search-status" for="search" aria-live="polite"></output></div>
<div class="zoom" role="group" aria-label="Zoom">
<button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
<button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button>
<button type="button" id="zoom-fit" aria-label="Fit" title="Fit the map to the window (0)">Fit</button>
</div>
<button type="button" id="filters-toggle" aria-controls="filters" aria-expanded="true">Filters</button>
</header>"""


def _filters(argument_map: ArgumentMap, graph: Graph, data: dict) -> str:
    """A checkbox per position (and for what has none) and per source, each showing or hiding its elements."""
    elements = data["elements"].values()
    used_positions = {e["position"] for e in elements}
    used_sources = {s for e in elements for s in e["sources"]}
    rows = []
    for index, position in enumerate(graph.positions, 1):
        if position.tag in used_positions:
            swatch = f'<span class="swatch swatch-{index}" aria-hidden="true"></span>'
            rows.append(f'<label><input type="checkbox" name="position" value="{esc(position.tag)}" checked>{swatch}{esc(position.label)}</label>')
    if None in used_positions:
        rows.append('<label><input type="checkbox" name="position" value="" checked><span class="swatch swatch-0" aria-hidden="true"></span>No single position</label>')
    sources = []
    for source in data["sources"]:
        if source["id"] in used_sources:
            name = source["name"] + (f" ({source['date']})" if source["date"] else "")
            sources.append(f'<label><input type="checkbox" name="source" value="{esc(source["id"])}" checked><span class="badge">{source["number"]}</span>{esc(name)}</label>')
    out = ['<form class="filters" id="filters" aria-label="Filters">']
    if rows:
        out.append(f'<fieldset><legend>Positions</legend>{"".join(rows)}</fieldset>')
    if sources:
        out.append(f'<fieldset><legend>Sources</legend>{"".join(sources)}</fieldset>')
    out.append("</form>")
    return "\n".join(out)


def _details() -> str:
    """The region the script fills with the selected element (as text, never as markup)."""
    return """<aside class="details" id="details" role="region" aria-label="Details" tabindex="-1" hidden>
<div class="details-head"><p class="kind" id="details-kind"></p><button type="button" id="details-close" aria-label="Close details" title="Close (Escape)">×</button></div>
<h2 id="details-title"></h2>
<p class="position" id="details-position"></p>
<div class="voice" id="details-voice"></div>
<p class="text" id="details-text"></p>
<p class="verdict-line" id="details-verdict"></p>
<div id="details-pcs"></div>
<div id="details-sources"></div>
<div id="details-relations"></div>
<div class="neighbourhood"><button type="button" id="neighbourhood" aria-pressed="false">Show neighbourhood</button>
<label>within <input type="number" id="neighbourhood-depth" min="1" max="9" value="2"> links</label></div>
</aside>"""


def _position_css(graph: Graph, theme: Theme) -> str:
    """Each position's swatch in the filters: its colour (black in the grey themes)."""
    rules = [f".swatch-0 {{ background: {NEUTRAL_FILL}; border-color: {NEUTRAL_BORDER}; border-style: dashed; }}"]
    for index, position in enumerate(graph.positions, 1):
        rules.append(f".swatch-{index} {{ background: {'#000000' if theme.grey else safe_colour(position.color)}; }}")
    return "\n".join(rules) + "\n"


def _prefixed_ids(svg: bytes, prefix: str) -> str:
    """A second SVG for the same page: its ids (and the references to them) prefixed, so none repeats the map's.

    Graphviz numbers its groups node1, edge1… in every drawing, and both
    drawings have the same title and description ids. The overview is
    small: a real XML parser rewrites it, no text is edited.
    """
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for element in root.iter():
        for name in ("id", "aria-labelledby", "aria-describedby"):
            if element.get(name):
                element.set(name, " ".join(prefix + part for part in element.get(name).split()))
    return ET.tostring(root, encoding="unicode")


def _inline_svg(svg: bytes) -> str:
    """The finished SVG without its XML declaration: HTML takes the root element as it is."""
    text = svg.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :]
    return text.strip()
