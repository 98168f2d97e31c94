"""`argmap render --format html`: one self-contained interactive page, every piece of input text escaped.

What the page *does* is tested in a browser (tests/publish/browser); these
tests read the file as text, as a browser's parser would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from argmap.draw.graph import build_graph
from argmap.draw.options import ViewOptions
from argmap.draw.themes import THEMES
from argmap.merge.combine import load
from argmap.publish.formats import draw
from argmap.publish.page import SCRIPTS, asset

from ..draw.helpers import HOSTILE, TALKS, needs_dot, talks

pytestmark = needs_dot

FILES = [str(p) for p in TALKS]
XSS = "<img src=x onerror=alert(1)>"

# Input that tries to become markup everywhere the page shows input: source
# fields, position label and description, titles, texts, quotes, rules.
INJECTION = f'''===
source:
  id: xss
  title: "{XSS}"
  publisher: "<script>alert('p')</script>"
  author: "<b onmouseover=alert(2)>A</b>"
  date: "2024\\" onload=\\"alert(3)"
  url: https://example.org/a?x=1&y=2
positions:
  evil: {{label: "{XSS}", color: "#a0c}} body {{ background: url(http://evil.example/x) }}", description: "<iframe src=javascript:alert(4)></iframe>"}}
===

# <h1 onclick=alert(8)>Section</h1>

[{XSS}]: Text <svg onload=alert(5)> & </p></section> </script><script>alert(9)</script> #evil
  > "<script>alert(6)</script>"
  - [Other]: <a href="javascript:alert(7)">x</a>

<Arg "quoted" & co>: A gist with <style>@import url(http://evil.example/x.css)</style> #evil

(1) [{XSS}]
(2) [Premise </div>]: A premise <object data=x></object>.
-- <rule onerror=x> --
(3) [Conclusion <x>]: The conclusion.
'''

SVG_TAGS = {"svg", "g", "title", "desc", "polygon", "path", "text", "ellipse", "polyline", "a"}
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "figure", "figcaption", "nav",
    "ul", "ol", "li", "a", "main", "section", "article", "div", "span", "strong", "blockquote", "footer",
    "script", "form", "fieldset", "legend", "label", "input", "button", "output", "aside",
}


class Page(HTMLParser):
    """What a browser would build: tags, attributes, text, and the contents of style and script elements."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._raw: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag in ("style", "script"):
            self._raw = tag
            (self.styles if tag == "style" else self.scripts).append((dict(attrs), ""))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        self._raw = None

    def handle_data(self, data):
        if self._raw == "style":
            attrs, text = self.styles[-1]
            self.styles[-1] = (attrs, text + data)
        elif self._raw == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)

    def data(self) -> dict:
        (text,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/json"]
        return json.loads(text)


@lru_cache(maxsize=None)
def page_of(path: str, theme: str = "default") -> str:
    argument_map = load([path])
    return draw(argument_map, build_graph(argument_map), "html", 30, THEMES[theme]).decode("utf-8")


def injected(tmp_path: Path) -> str:
    path = tmp_path / "xss.argmap"
    path.write_text(INJECTION, encoding="utf-8")
    return page_of(str(path))


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def assert_inert(html: str) -> Page:
    """Nothing from the input became markup, and only the page's own script and style can run."""
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert tags <= PAGE_TAGS | SVG_TAGS, tags - PAGE_TAGS - SVG_TAGS
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("src", "srcset", "data", "formaction", "background", "style"), (tag, name)
            if name in ("href", "xlink:href"):
                assert value.startswith(("#", "https://", "http://")), value
    # the script elements are exactly ours: the page's scripts, whose hashes the policy names, and the data
    code = [text for attrs, text in page.scripts if not attrs]
    assert code == [asset(name) for name in SCRIPTS]
    assert [attrs for attrs, _ in page.scripts if attrs] == [{"type": "application/json", "id": "argmap-data"}]
    ((_, css),) = page.styles
    assert "@import" not in css and "url(" not in css
    (policy,) = [dict(attrs)["content"] for tag, attrs in page.tags if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy"]
    assert policy == (
        f"default-src 'none'; script-src {' '.join(sha256(c) for c in code)}; style-src {sha256(css)}; img-src data:; base-uri 'none'; form-action 'none'"
    )
    assert "<link" not in html.lower() and "<iframe" not in html.lower()
    return page


def test_input_text_is_escaped_everywhere(tmp_path):
    html = injected(tmp_path)
    page = assert_inert(html)
    text = " ".join(page.text)
    for written in (XSS, "<script>alert('p')</script>", "<b onmouseover=alert(2)>A</b>", '2024" onload="alert(3)',
                    "Text <svg onload=alert(5)> & </p></section> </script><script>alert(9)</script>", "<script>alert(6)</script>",
                    "<iframe src=javascript:alert(4)></iframe>", '<Arg "quoted" & co>', "<style>@import url(http://evil.example/x.css)</style>",
                    "[Premise </div>]", "<rule onerror=x>", "[Conclusion <x>]"):
        assert written in text, written
    assert '<a href="https://example.org/a?x=1&amp;y=2">' in html
    # the data for the script holds the same text, and no character that could end its element
    raw = html[html.index('<script type="application/json"') :]
    raw = raw[raw.index(">") + 1 : raw.index("</script>")]
    assert not set("<>&") & set(raw)
    data = page.data()
    titles = {e["title"] for e in data["elements"].values()}
    assert f"[{XSS}]" in titles and '<Arg "quoted" & co>' in titles
    claim = next(e for e in data["elements"].values() if e["title"] == f"[{XSS}]")
    assert claim["text"] == "Text <svg onload=alert(5)> & </p></section> </script><script>alert(9)</script>"
    assert claim["quotes"] == [["xss", "<script>alert(6)</script>"]]
    # a colour that tries to break out of its CSS rule is not used
    ((_, css),) = page.styles
    assert "evil.example" not in css and ".swatch-1 { background: #0072B2; }" in css, "the first spare colour instead"


def test_the_hostile_fixture_is_inert_too():
    page = assert_inert(page_of(str(HOSTILE)))
    assert '<script>alert("x")</script>' in " ".join(page.text)


def test_the_page_holds_the_map_the_overview_and_every_position_in_words():
    html = page_of(str(TALKS[0].parent / "a.argmap"))  # one file: its own positions and arguments
    full = draw(talks(), build_graph(talks()), "html", 30).decode("utf-8")
    page = assert_inert(full)
    text = " ".join(page.text)
    assert full.count("<svg") == 2, "the overview of the positions, then the full map"
    assert full.index('<title id="overview-argmap-title">Overview of the positions') < full.index('<title id="argmap-title">Argument map')
    ids = [value for _, attrs in page.tags for name, value in attrs if name == "id"]
    assert len(ids) == len(set(ids)), "no id is used twice"
    for label in ('aria-label="Search titles, texts and quotes"', 'aria-label="Zoom in"', 'aria-label="Zoom out"', 'aria-label="Fit"',
                  'role="region" aria-label="Details"', '<input type="search"', ">Overview</button>", ">Full map</button>"):
        assert label in full, label
    filters = full[full.index('<form class="filters"') : full.index("</form>")]
    assert re.findall(r'name="position" value="(\w*)"', filters) == ["ceasefire", "pressure", ""]
    assert ">Ceasefire first</label>" in filters and ">Pressure first</label>" in filters and ">No single position</label>" in filters
    assert filters.count('name="source"') == 3 and ">The Herald: Talks stall again (2024-03-01)</label>" in filters
    assert "Argument map: 3 sources, 6 statements, 4 arguments, 8 relations" in text
    for heading in ('<h2 id="position-1">Ceasefire first</h2>', '<h2 id="position-2">Pressure first</h2>', '<h2 id="sources">Sources</h2>'):
        assert heading in full, heading
    delay = full[full.index("<h4>&lt;Delay&gt;") :]
    delay = delay[: delay.index("</article>")]
    assert '<a class="on-map" href="#a_delay_' in delay, "each entry links to its element on the map"
    assert "<strong>[Postponed]</strong> The meeting was postponed twice." in delay
    assert '<p class="inference">modus ponens</p>' in delay
    assert delay.index("(1)") < delay.index("modus ponens") < delay.index("(3)")
    assert "“The meeting was postponed twice”" in delay and 'href="https://example.org/herald/talks?id=1&amp;lang=en"' in delay
    assert "Undercut by <a href=\"#argument-" in delay, "relations link within the page"
    sources = full[full.index('<h2 id="sources">') :]
    assert sources.count("<li") == 3 and "https://example.org/courier/window</a>" in sources
    assert "<h4>[Talks stall] <a" in html


def test_the_data_describes_each_drawn_element_by_its_id_on_the_map():
    full = draw(talks(), build_graph(talks()), "html", 30).decode("utf-8")
    data = Page(full).data()
    svg = full[full.index('<svg', full.index('id="argmap-title"') - 400) :]
    drawn = set(re.findall(r'<g id="node\d+" class="node">\n<title>([a-z0-9_]+)</title>', svg))
    assert set(data["elements"]) == {node for node in drawn if not node.startswith("legend_")}
    talks_stall = next(e for e in data["elements"].values() if e["title"] == "[Talks stall]")
    assert talks_stall["kind"] == "statement" and talks_stall["position"] == "pressure"
    assert talks_stall["quotes"] == [["herald", "The talks have stalled again."]]
    assert ["attacked by", "[Progress]", next(k for k, e in data["elements"].items() if e["title"] == "[Progress]")] in talks_stall["relations"]
    delay = next(e for e in data["elements"].values() if e["title"] == "<Delay>")
    assert [row[:4] for row in delay["pcs"]] == [
        ["(1)", "[Postponed]", "The meeting was postponed twice.", None],
        ["(2)", "", "Postponing a meeting twice is stalling.", None],
        ["(3)", "[Talks stall]", "The peace talks have stalled.", "modus ponens"],
    ]
    assert [s["url"] for s in data["sources"]][0] == "https://example.org/herald/talks?id=1&lang=en"
    assert data["overview"] == {"position_1": "ceasefire", "position_2": "pressure", "no_position": None}


def test_views_and_themes_apply():
    view = draw(talks(), build_graph(talks(), ViewOptions(position="ceasefire")), "html", 30, overview=False).decode("utf-8")
    assert ">Ceasefire first</h2>" in view and ">Pressure first</h2>" not in view
    assert view.count("<svg") == 1 and ">Overview</button>" not in view, "a view of part of the map has no overview of the whole"
    mono = draw(talks(), build_graph(talks()), "html", 30, THEMES["mono"]).decode("utf-8")
    assert "h2#position-2 { border-left: .4rem dashed #000000; }" in mono and ".swatch-1 { background: #000000; }" in mono
    pcs = draw(talks(), build_graph(talks(), ViewOptions(pcs=True)), "html", 30).decode("utf-8")
    data = Page(pcs).data()
    frame = next(key for key, e in data["elements"].items() if e["title"] == "<Delay>")
    assert frame.startswith("cluster_argument_delay_") and f"<title>{frame}</title>" in pcs
    assert any(parent == frame for parent in data["parents"].values()), "what is drawn inside the argument's frame"


def test_a_map_without_positions_has_no_overview(tmp_path):
    path = tmp_path / "plain.argmap"
    path.write_text("[A]: A claim.\n  + [B]: A reason.\n", encoding="utf-8")
    html = page_of(str(path))
    assert_inert(html)
    assert html.count("<svg") == 1 and ">Overview</button>" not in html and 'name="position"' in html


def test_the_page_is_deterministic():
    graph = build_graph(talks())
    assert draw(talks(), graph, "html", 30) == draw(talks(), graph, "html", 30)


def test_cli_writes_the_page(argmap_cli, tmp_path):
    out = tmp_path / "map.html"
    result = argmap_cli("render", *FILES, "-o", out, "--theme", "print", "--width", "800")
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'width="800px"' in html and html.count("<svg") == 2
    to_stdout = argmap_cli("render", *FILES, "--format", "html")
    assert to_stdout.exit_code == 0 and to_stdout.stdout.rstrip().endswith("</html>")
    focused = argmap_cli("render", *FILES, "--focus", "Talks stall", "--format", "html")
    assert focused.exit_code == 0 and focused.stdout.count("<svg") == 1
