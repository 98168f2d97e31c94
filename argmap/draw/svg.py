"""Graphviz's SVG finished with an XML library: a ``<title>`` and ``<desc>``
for screen readers, an optional maximum width, nothing external or active.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..core.text import clean, is_http_url
from .graph_types import Graph

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_SVG = f"{{{SVG_NS}}}"
_HREFS = (f"{{{XLINK_NS}}}href", "href")
_UNWANTED = {f"{_SVG}script", f"{_SVG}foreignObject", f"{_SVG}style", "script", "foreignObject", "style"}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(pt|px)?\s*$")
PX_PER_PT = 4 / 3  # CSS: 96 pixels per inch, 72 points per inch
TITLE_ID, DESC_ID = "argmap-title", "argmap-desc"


def _px(length: str | None) -> float | None:
    match = _LENGTH.match(length or "")
    if match is None:
        return None
    value = float(match.group(1))
    return value * PX_PER_PT if match.group(2) in (None, "pt") else value


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def finish_svg(data: bytes, graph: Graph, max_width: int | None = None) -> bytes:
    """Graphviz's SVG made embeddable, with a real XML parser (never string edits).

    * a ``viewBox`` (Graphviz writes one; added from the size if not), so the
      drawing scales with its container;
    * ``<title>`` and ``<desc>`` first in the root, named by ``aria-labelledby``
      and ``aria-describedby`` and ``role="img"``, for screen readers;
    * ``max_width`` (pixels): a wider drawing is scaled down to it, keeping
      its proportions; a narrower one keeps its size;
    * nothing external or active: no scripts, styles, foreign objects, event
      handlers or links other than http(s); the DOCTYPE (which names an
      external DTD) and Graphviz's version comment go.

    Deterministic: the same bytes in give the same bytes out.
    """
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(data, parser=parser)
    _sanitise(root)
    width, height = _px(root.get("width")), _px(root.get("height"))
    if root.get("viewBox") is None and width and height:
        root.set("viewBox", f"0 0 {_number(width / PX_PER_PT)} {_number(height / PX_PER_PT)}")
    if max_width is not None and width and height and width > max_width:
        root.set("width", f"{max_width}px")
        root.set("height", f"{_number(height * max_width / width)}px")
    root.set("role", "img")
    root.set("aria-labelledby", TITLE_ID)
    root.set("aria-describedby", DESC_ID)
    title = ET.Element(f"{_SVG}title", {"id": TITLE_ID})
    title.text = clean(graph.title or "Argument map")
    desc = ET.Element(f"{_SVG}desc", {"id": DESC_ID})
    desc.text = clean(graph.description or graph.title or "Argument map")
    title.tail = desc.tail = "\n"
    root.insert(0, desc)
    root.insert(0, title)
    root.text = "\n"
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode("utf-8")


def _sanitise(root: ET.Element) -> None:
    """Drop what could run or fetch: Graphviz writes none of it, and none ever gets through."""
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in _UNWANTED:
                parent.remove(child)
    for element in root.iter():
        for name in list(element.attrib):
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (name in _HREFS and not is_http_url(element.get(name, ""))):
                del element.attrib[name]
