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

Invisible direction controls (bidi embeddings, overrides and isolates) in input text would
reorder what a reader sees: a title holding U+202E shows the words after
it backwards, across the label and beyond. :func:`visible` writes each as a
visible ``⟨U+202E⟩`` instead; every label and tooltip goes through it here,
the SVG's title and description and the page's words too, and the page's
data through :func:`direction_marked`. A link percent-encodes them.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

from ..core.text import clean


# Bidi embeddings, overrides and isolates: each becomes ⟨U+XXXX⟩. The marks (LRM, RLM,
# the Arabic letter mark) stay: they only settle the direction of the neutral characters
# next to them, and right-to-left text written by hand uses them.
DIRECTION_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_VISIBLE = {code: f"⟨U+{code:04X}⟩" for code in DIRECTION_CONTROLS}
_PERCENT_ENCODED = {code: "".join(f"%{byte:02X}" for byte in chr(code).encode("utf-8")) for code in DIRECTION_CONTROLS}
_DIRECTION = re.compile("[" + "".join(map(chr, DIRECTION_CONTROLS)) + "]")


def visible(text: str) -> str:
    """Input text as it may be shown: no control characters (:func:`clean`), and each direction control written ⟨U+XXXX⟩."""
    return direction_marked(clean(text))


def direction_marked(text: str) -> str:
    """``text`` with each direction control written ⟨U+XXXX⟩ (nothing else changes, so JSON stays JSON)."""
    if text.isascii() or not _DIRECTION.search(text):
        return text
    return text.translate(_VISIBLE)


def html_text(text: str) -> str:
    """Text for an HTML-like label: entities for &<>\", and \\ doubled (Graphviz expands \\N etc.)."""
    return html.escape(visible(text).replace("\\", "\\\\"), quote=True)


def html_url(url: str) -> str:
    """A URL for an HTML-like attribute: XML-escaped twice, as Graphviz decodes once and copies raw.

    A direction control in it is percent-encoded (as a browser would), not written ⟨U+XXXX⟩.
    """
    return html_text(url.translate(_PERCENT_ENCODED).replace("&", "&amp;"))


def quoted(value: str) -> str:
    """One of our own values (ids, colours, numbers) as a DOT string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_tooltip(text: str) -> Quoted:
    """Input text for a quoted tooltip attribute (Graphviz expands its escapes twice)."""
    text = visible(text).replace("&", "&amp;").replace("\\", "\\\\\\\\").replace('"', '\\"')
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
