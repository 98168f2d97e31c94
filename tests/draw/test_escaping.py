"""argmap.draw.escaping: input text in DOT labels, tooltips and the page cannot reorder what a reader sees (issue 22)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from argmap.draw.escaping import DIRECTION_CONTROLS, html_text, html_url, quoted_tooltip, visible
from argmap.draw.graph import build_graph
from argmap.draw.options import ViewOptions
from argmap.merge.combine import load
from argmap.publish.formats import draw, render

from .helpers import needs_dot

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: shows what follows it backwards
TITLE = f"Safe {RLO}txet desrever"
MAP = f"[{TITLE}]: The claim {RLO}and its text\u2066 with an isolate.\n  + [Support]: A reason \u200fwith a mark.\n"
CONTROLS = {chr(code) for code in DIRECTION_CONTROLS}


def test_every_direction_control_is_written_visibly():
    assert sorted(DIRECTION_CONTROLS) == [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    for code in DIRECTION_CONTROLS:
        shown = visible(f"a{chr(code)}b")
        assert shown == f"a⟨U+{code:04X}⟩b"
    assert html_text(f"<{RLO}>") == "&lt;⟨U+202E⟩&gt;"
    assert quoted_tooltip(f'"{RLO}"') == '"\\"⟨U+202E⟩\\""'
    assert html_url(f"https://example.org/{RLO}x") == "https://example.org/%E2%80%AEx", "percent-encoded in a link"
    assert visible("plain text, é and عربي") == "plain text, é and عربي", "other text is left alone"
    assert visible("\u200fعربي\u200e (2025)") == "\u200fعربي\u200e (2025)", "direction marks only settle neutrals: right-to-left text keeps them"


@pytest.fixture
def bidi_map(tmp_path):
    path = tmp_path / "bidi.argmap"
    path.write_text(MAP, encoding="utf-8")
    return load([path])


@needs_dot
def test_a_title_with_a_bidi_override_is_shown_marked_in_the_svg(bidi_map):
    svg = render(build_graph(bidi_map, ViewOptions()), "svg", timeout=30).decode("utf-8")
    assert not CONTROLS & set(svg), "no embedding, override or isolate reaches the SVG"
    root = ET.fromstring(svg)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "⟨U+202E⟩" in texts and "\u200f" in texts, "the override is marked, the right-to-left mark kept"
    tooltips = " ".join(e.get("{http://www.w3.org/1999/xlink}title") or "" for e in root.iter())
    assert "Safe ⟨U+202E⟩txet desrever" in tooltips and "⟨U+2066⟩" in tooltips


@needs_dot
def test_a_title_with_a_bidi_override_is_shown_marked_in_the_page_and_its_data(bidi_map):
    page = draw(bidi_map, build_graph(bidi_map), "html", 30).decode("utf-8")
    assert not CONTROLS & set(page), "no direction control anywhere in the page: map, words or data"
    raw = page[page.index('<script type="application/json"') :]
    data = json.loads(raw[raw.index(">") + 1 : raw.index("</script>")])
    (claim,) = [e for e in data["elements"].values() if e["title"].startswith("[Safe")]
    assert claim["title"] == "[Safe ⟨U+202E⟩txet desrever]"
    assert claim["text"] == "The claim ⟨U+202E⟩and its text⟨U+2066⟩ with an isolate."
    assert "Safe ⟨U+202E⟩txet desrever" in page[page.index("</svg>") :], "the handout under the map too"
