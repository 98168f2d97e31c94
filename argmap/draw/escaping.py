"""Input text as DOT can hold it: escaped for the place it goes, so no title
can change a graph's structure.

The escaping rules follow what Graphviz (2.42/2.43, as Debian and Ubuntu ship
it) does with text; the SVG tests check them against the real ``dot``:

* HTML-like labels and their attributes: XML entities are decoded, then
  backslash escapes (``\\N``, ``\\G``, …) expanded once, so ``\\`` → ``\\\\``.
* quoted tooltips: backslash escapes are expanded twice, so ``\\`` is written
  as four; ``&`` is written as ``&amp;`` because Graphviz copies entities to
  the SVG unchanged.
* URLs are copied to the SVG without escaping, so they are handed over
  already XML-escaped (and only http(s) URLs get this far, see
  :mod:`argmap.draw.labels`).
"""

from __future__ import annotations

import html
from typing import Iterable

from ..core.text import clean


def html_text(text: str) -> str:
    """Text for an HTML-like label: entities for &<>\", and \\ doubled (Graphviz expands \\N etc.)."""
    return html.escape(clean(text).replace("\\", "\\\\"), quote=True)


def html_url(url: str) -> str:
    """A URL for an HTML-like attribute: XML-escaped twice, as Graphviz decodes once and copies raw."""
    return html_text(url.replace("&", "&amp;"))


def quoted(value: str) -> str:
    """One of our own values (ids, colours, numbers) as a DOT string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_tooltip(text: str) -> Quoted:
    """Input text for a quoted tooltip attribute (Graphviz expands its escapes twice)."""
    text = clean(text).replace("&", "&amp;").replace("\\", "\\\\\\\\").replace('"', '\\"')
    return Quoted('"' + text.replace("\n", "\\n") + '"')


class Html(str):
    """An HTML-like label, written <…> instead of "…"."""


class Quoted(str):
    """A value already escaped and quoted for DOT."""


def attributes(pairs: Iterable[tuple[str, str]]) -> str:
    written = []
    for name, value in pairs:
        if isinstance(value, Html):
            written.append(f"{name}=<{value}>")
        elif isinstance(value, Quoted):
            written.append(f"{name}={value}")
        else:
            written.append(f"{name}={quoted(value)}")
    return "[" + ", ".join(written) + "]"
