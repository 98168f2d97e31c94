"""`argmap render --format html`: one self-contained page, every piece of input text escaped."""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path


from argmap.draw.graph import build_graph
from argmap.draw.options import ViewOptions
from argmap.draw.themes import THEMES
from argmap.merge.combine import load
from argmap.publish.formats import draw
from argmap.publish.handout import handout_page

from .helpers import HOSTILE, TALKS, needs_dot, talks

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
  evil: {{label: "{XSS}", color: "#a0c", description: "<iframe src=javascript:alert(4)></iframe>"}}
===

# <h1 onclick=alert(8)>Section</h1>

[{XSS}]: Text <svg onload=alert(5)> & </p></section> #evil
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
}


class Page(HTMLParser):
    """What a browser would build: tags, attributes, text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.css = ""
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css += data
        else:
            self.text.append(data)


@lru_cache(maxsize=None)
def page_of(path: str, theme: str = "default") -> str:
    argument_map = load([path])
    return draw(argument_map, build_graph(argument_map), "html", 30, THEMES[theme]).decode("utf-8")


def injected(tmp_path: Path) -> str:
    path = tmp_path / "xss.argmap"
    path.write_text(INJECTION, encoding="utf-8")
    return page_of(str(path))


def assert_inert(html: str) -> Page:
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert tags <= PAGE_TAGS | SVG_TAGS, tags - PAGE_TAGS - SVG_TAGS
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("src", "srcset", "data", "formaction", "background"), (tag, name)
            if name in ("href", "xlink:href"):
                assert value.startswith(("#", "https://", "http://")), value
            if name == "style":
                assert "url(" not in value and "expression" not in value, value
    assert "@import" not in page.css and "url(" not in page.css
    assert html.count("<style>") == 1 and "<script" not in html.lower() and "<link" not in html.lower()
    return page


def test_input_text_is_escaped_everywhere(tmp_path):
    html = injected(tmp_path)
    page = assert_inert(html)
    text = " ".join(page.text)
    for written in (XSS, "<script>alert('p')</script>", "<b onmouseover=alert(2)>A</b>", '2024" onload="alert(3)', "Text <svg onload=alert(5)> & </p></section>",
                    "<script>alert(6)</script>", "<iframe src=javascript:alert(4)></iframe>", '<Arg "quoted" & co>', "<style>@import url(http://evil.example/x.css)</style>",
                    "[Premise </div>]", "<rule onerror=x>", "[Conclusion <x>]"):
        assert written in text, written
    assert '<a href="https://example.org/a?x=1&amp;y=2">' in html


def test_the_hostile_fixture_is_inert_too():
    page = assert_inert(page_of(str(HOSTILE)))
    assert '<script>alert("x")</script>' in " ".join(page.text)


def test_the_page_holds_the_map_and_every_position_in_words():
    html = page_of(str(TALKS[0].parent / "a.argmap"))  # one file: its own positions and arguments
    full = draw(talks(), build_graph(talks()), "html", 30).decode("utf-8")
    page = assert_inert(full)
    text = " ".join(page.text)
    assert full.count("<svg") == 1 and 'role="img"' in full and 'viewBox="' in full
    assert "Argument map: 3 sources, 6 statements, 4 arguments, 8 relations" in text
    for heading in ('<h2 id="position-1"', ">Ceasefire first</h2>", ">Pressure first</h2>", '<h2 id="sources">Sources</h2>'):
        assert heading in full, heading
    delay = full[full.index("<h4>&lt;Delay&gt;</h4>") :]
    delay = delay[: delay.index("</article>")]
    assert "<strong>[Postponed]</strong> The meeting was postponed twice." in delay
    assert '<p class="inference">modus ponens</p>' in delay
    assert delay.index("(1)") < delay.index("modus ponens") < delay.index("(3)")
    assert "“The meeting was postponed twice”" in delay and 'href="https://example.org/herald/talks?id=1&amp;lang=en"' in delay
    assert "Undercut by <a href=\"#argument-" in delay, "relations link within the page"
    sources = full[full.index('<h2 id="sources">') :]
    assert sources.count("<li") == 3 and "https://example.org/courier/window</a>" in sources
    assert "<h4>[Talks stall]</h4>" in html


def test_views_and_themes_apply():
    view = draw(talks(), build_graph(talks(), ViewOptions(position="ceasefire")), "html", 30).decode("utf-8")
    assert ">Ceasefire first</h2>" in view and ">Pressure first</h2>" not in view
    mono = draw(talks(), build_graph(talks()), "html", 30, THEMES["mono"]).decode("utf-8")
    assert 'style="border-left: .4rem dashed #000000"' in mono


def test_the_page_is_deterministic():
    graph = build_graph(talks())
    svg = draw(talks(), graph, "svg", 30)
    assert handout_page(talks(), graph, svg) == handout_page(talks(), graph, svg)
    assert draw(talks(), graph, "html", 30) == draw(talks(), graph, "html", 30)


def test_cli_writes_the_handout(argmap_cli, tmp_path):
    out = tmp_path / "handout.html"
    result = argmap_cli("render", *FILES, "-o", out, "--theme", "print", "--width", "800")
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and 'width="800px"' in out.read_text(encoding="utf-8")
    to_stdout = argmap_cli("render", *FILES, "--format", "html")
    assert to_stdout.exit_code == 0 and to_stdout.stdout.rstrip().endswith("</html>")
