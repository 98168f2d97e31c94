"""Graphviz's SVG finished: a ``<title>`` and ``<desc>`` for screen readers,
an optional maximum width, nothing external or active.

What Graphviz writes is known (a prolog, then ``<svg width=… height=…
viewBox=…>``, then the drawing) and what goes into it is our own escaped DOT
(:mod:`argmap.draw.escaping`; links are http(s) only,
:func:`argmap.core.text.is_http_url`). So the finishing edits only the
prolog and the root's start tag, in place; the drawing's bytes are copied as
Graphviz wrote them. One scan for anything active guards that promise: were
a script, style, foreign object, event handler or non-http(s) link ever
there (Graphviz writes none of them from our DOT), the document would go
through an XML parser that drops them before it is finished.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Protocol

from ..core.text import is_http_url
from .escaping import visible

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Compared in lower case: inlined in an HTML page, tag and attribute names are read without case.
_UNWANTED = {"script", "style", "foreignobject", "image", "use", "iframe", "object", "embed"}
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(pt|px)?\s*$")
PX_PER_PT = 4 / 3  # CSS: 96 pixels per inch, 72 points per inch
TITLE_ID, DESC_ID = "argmap-title", "argmap-desc"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'

# The root's start tag: everything before it (declaration, DOCTYPE, Graphviz's comments) goes.
_ROOT = re.compile(rb"<svg[\s>][^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')
# What runs or fetches, searched for in the lower-cased document. Each
# pattern starts with a literal, so each search is a quick scan. Text and
# attribute values have <, > and quotes escaped, so an element or a quoted
# attribute that matches is markup.
_NAMES = b"(?:" + b"|".join(n.encode() for n in sorted(_UNWANTED)) + b")\\b"
_ELEMENT, _PREFIXED, _PREFIXED_ELEMENT = re.compile(b"<" + _NAMES), re.compile(b":" + _NAMES), re.compile(rb"<[\w.-]+:" + _NAMES)
_HANDLER = re.compile(rb"on[a-z]+\s*=\s*[\"']")
_NON_HTTP_LINK = re.compile(rb"href\s*=\s*[\"'](?!https?://)")
_EXTERNAL_URL = re.compile(rb"url\((?!#)")
_CSS = {"style", "fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid", "marker-end", "cursor"}
_EXTERNAL_CSS = re.compile(r"url\((?!#)", re.I)


class Titled(Protocol):
    """What the finishing reads from a graph: its title and description."""

    title: str
    description: str


def _px(length: str | None) -> float | None:
    match = _LENGTH.match(length or "")
    if match is None:
        return None
    value = float(match.group(1))
    return value * PX_PER_PT if match.group(2) in (None, "pt") else value


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def finish_svg(data: bytes, graph: Titled, max_width: int | None = None) -> bytes:
    """Graphviz's SVG made embeddable, by editing its root's start tag in place.

    * a ``viewBox`` (Graphviz writes one; added from the size if not), so the
      drawing scales with its container;
    * ``<title>`` and ``<desc>`` first in the root, named by ``aria-labelledby``
      and ``aria-describedby`` and ``role="img"``, for screen readers;
    * ``max_width`` (pixels): a wider drawing is scaled down to it, keeping
      its proportions; a narrower one keeps its size;
    * nothing external or active: no scripts, styles, foreign objects, event
      handlers or links other than http(s); the DOCTYPE (which names an
      external DTD) and Graphviz's comments before the root go.

    Deterministic: the same bytes in give the same bytes out.
    """
    if _active(data):
        data = _sanitised(data)
    root = _ROOT.search(data)
    if root is None:
        raise ValueError("Graphviz wrote no <svg> element")
    title = _text(visible(graph.title or "Argument map"))
    desc = _text(visible(graph.description or graph.title or "Argument map"))
    head = f'<title id="{TITLE_ID}">{title}</title>\n<desc id="{DESC_ID}">{desc}</desc>'
    body = _exact_scale(data[root.end() :].lstrip(b"\r\n"), root.group(0))
    return DECLARATION + _root_tag(root.group(0), max_width) + b"\n" + head.encode("utf-8") + b"\n" + body


_GRAPH_TRANSFORM = re.compile(rb'(<g id="graph0" class="graph" transform=")scale\(([\d.]+) ([\d.]+)\) rotate\(0\) translate\(([\d.]+) ([\d.]+)\)"')


def _exact_scale(body: bytes, root: bytes) -> bytes:
    """The drawing's scale written exactly, where dot scaled it to a size (a page).

    dot writes the scale with two decimals (``scale(0.22 0.22)`` for 0.2163),
    so a drawing shrunk to a slide overflows its own viewBox by up to a few
    per cent and its right edge is cut off. The exact scale is the viewBox's
    height over the unscaled drawing's (the translation is its height plus
    the padding, and the padding is the x translation).
    """
    found = _GRAPH_TRANSFORM.search(body[:2000])
    view = re.search(rb'viewBox="[\d.\-]+ [\d.\-]+ ([\d.]+) ([\d.]+)"', root)
    if found is None or view is None or found.group(2) != found.group(3) or float(found.group(2)) == 1.0:
        return body
    pad, unscaled = float(found.group(4)), float(found.group(5)) + float(found.group(4))
    scale = float(view.group(2)) / unscaled if unscaled > 0 else 0.0
    if not 0 < scale < 1 or abs(scale - float(found.group(2))) < 1e-6:
        return body
    exact = f"{scale:.6g}".encode("ascii")
    written = found.group(1) + b"scale(" + exact + b" " + exact + b") rotate(0) translate(" + found.group(4) + b" " + found.group(5) + b')"'
    return body[: found.start()] + written + body[found.end() :]


def _root_tag(tag: bytes, max_width: int | None) -> bytes:
    """The root's start tag with its size capped, a viewBox, and the screen readers' attributes."""
    attributes = {name.decode("ascii"): value.decode("utf-8") for name, value in _ATTRIBUTE.findall(tag)}
    for name in ("role", "aria-labelledby", "aria-describedby"):
        attributes.pop(name, None)
    width, height = _px(attributes.get("width")), _px(attributes.get("height"))
    if "viewBox" not in attributes and width and height:
        attributes["viewBox"] = f"0 0 {_number(width / PX_PER_PT)} {_number(height / PX_PER_PT)}"
    if max_width is not None and width and height and width > max_width:
        attributes["width"] = f"{max_width}px"
        attributes["height"] = f"{_number(height * max_width / width)}px"
    attributes.update({"role": "img", "aria-labelledby": TITLE_ID, "aria-describedby": DESC_ID})
    written = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    return f"<svg {written}>".encode("utf-8")


def _active(data: bytes) -> bool:
    """Whether the document holds anything that could run or fetch (Graphviz writes none of it from our DOT)."""
    low = data.lower()
    if _ELEMENT.search(low) or (_PREFIXED.search(low) and _PREFIXED_ELEMENT.search(low)) or _NON_HTTP_LINK.search(low):
        return True
    if any(low[m.start() - 1 : m.start()] in (b" ", b"\t", b"\n", b"\r", b":") for m in _HANDLER.finditer(low)):
        return True
    return any(_in_tag(low, m.start()) for m in _EXTERNAL_URL.finditer(low))


def _in_tag(low: bytes, at: int) -> bool:
    """Whether ``at`` is inside a tag rather than in text (a tooltip mentioning url( costs the slow path, nothing more)."""
    return low.rfind(b"<", 0, at) > low.rfind(b">", 0, at)


def _local(name: str) -> str:
    """An element's or attribute's name without its namespace, in lower case."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _sanitised(data: bytes) -> bytes:
    """The document through an XML parser, without what could run or fetch.

    Only reached when the scan in :func:`finish_svg` finds something active,
    which Graphviz never writes from our DOT.
    """
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(data, parser=parser)
    for parent in list(root.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and _local(child.tag) in _UNWANTED:
                parent.remove(child)
    for element in root.iter():
        for name in list(element.attrib):
            local, value = _local(name), element.get(name, "")
            if local.startswith("on") or (local in _CSS and _EXTERNAL_CSS.search(value)) or (local == "href" and not is_http_url(value)):
                del element.attrib[name]
    return ET.tostring(root, encoding="utf-8", xml_declaration=False)
