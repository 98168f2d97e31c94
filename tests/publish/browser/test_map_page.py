"""The interactive page in a real browser, used as a reader uses it: from disk,
with the mouse and the keyboard. Expectations come from the page's own data
(what the map says), never from numbers written here."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli.main import main

from ...draw.helpers import EXAMPLES, HOSTILE, TALKS, needs_dot
from .conftest import Tab, needs_browser

pytestmark = [needs_dot, needs_browser]


def rendered(directory: Path, name: str, *args: str) -> Path:
    out = directory / name
    result = CliRunner().invoke(main, ["render", *args, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("pages")
    return {
        "example": rendered(directory, "example.html", *map(str, EXAMPLES)),
        "talks": rendered(directory, "talks.html", *map(str, TALKS)),
        "pcs": rendered(directory, "pcs.html", *map(str, TALKS), "--pcs", "--group-by", "position"),
        "hostile": rendered(directory, "hostile.html", str(HOSTILE)),
        "evaluated": rendered(directory, "evaluated.html", *map(str, EXAMPLES), "--evaluate"),
    }


def data_of(tab: Tab) -> dict:
    return json.loads(tab.page.locator("#argmap-data").text_content())


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def full_map(tab: Tab) -> None:
    if tab.page.locator("#view-map").count():
        tab.page.get_by_role("button", name="Full map", exact=True).click()
    assert tab.shown_map().is_visible()


def element(tab: Tab, title: str):
    return tab.shown_map().locator(f'g[data-title="{title}"]')


def width_of(locator) -> float:
    return locator.bounding_box()["width"]


def in_view(tab: Tab, locator) -> bool:
    box, frame = locator.bounding_box(), tab.page.locator("#map").bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return frame["x"] <= centre[0] <= frame["x"] + frame["width"] and frame["y"] <= centre[1] <= frame["y"] + frame["height"]


# ---------------------------------------------------------------- the example, as a reader opens it


def test_the_example_opens_on_the_overview_and_switches_to_the_full_map(open_page, pages):
    tab = open_page(pages["example"])
    page = tab.page
    overview, full = page.locator("#map > svg").first, tab.shown_map()
    assert overview.is_visible() and not full.is_visible(), "overview first"
    assert page.get_by_role("button", name="Overview", exact=True).get_attribute("aria-pressed") == "true"
    data = data_of(tab)
    assert set(overview.locator("g[data-kind=position]").evaluate_all("gs => gs.map(g => g.dataset.title)")) == (
        {p["label"] for p in data["positions"]} | {"No single position"}
    )
    full_map(tab)
    assert not overview.is_visible()
    drawn = full.locator("g[data-kind]").evaluate_all("gs => gs.map(g => [g.dataset.title, g.dataset.kind, g.tabIndex])")
    assert sorted(drawn) == sorted([e["title"], e["kind"], 0] for e in data["elements"].values())
    assert {kind for _, kind, _ in drawn} == {"statement", "argument"}


def test_a_position_box_opens_the_full_map_on_its_claims(open_page, pages):
    tab = open_page(pages["example"])
    data = data_of(tab)
    first = data["positions"][0]
    tab.page.locator(f'#map > svg g[data-kind=position][data-title="{first["label"]}"]').click()
    assert tab.shown_map().is_visible()
    focused = tab.page.evaluate("document.activeElement.dataset.title")
    assert next(e for e in data["elements"].values() if e["title"] == focused)["position"] == first["tag"]


def test_search_marks_the_matching_elements_dims_the_rest_and_jumps_to_the_first(open_page, pages):
    tab = open_page(pages["example"])
    data = data_of(tab)
    search = tab.page.get_by_role("searchbox", name="Search titles, texts and quotes")
    for query in ("istanbul", "NATO expansion", "Stalling"):  # a word, two words, a title word
        search.fill(query)
        terms = fold(query).split()
        expected = {e["title"] for e in data["elements"].values() if all(t in searched(e, data) for t in terms)}
        assert expected, query
        marked = tab.shown_map().locator("g.match")
        assert set(marked.evaluate_all("gs => gs.map(g => g.dataset.title)")) == expected, query
        assert tab.page.locator("#search-status").text_content() == f"{len(expected)} found"
        assert in_view(tab, marked.first), "the view jumps to the first match"
        assert marked.first.evaluate("g => getComputedStyle(g).opacity") == "1"
        other = tab.shown_map().locator("g.element:not(.match)").first
        assert float(other.evaluate("g => getComputedStyle(g).opacity")) < 0.5, "the rest is dimmed"
    quoted = next(e for e in data["elements"].values() if e["quotes"] and fold(e["quotes"][0][1]) not in fold(e["title"] + e["text"]))
    words = " ".join(quoted["quotes"][0][1].split()[:4])
    search.fill(words)
    assert quoted["title"] in tab.shown_map().locator("g.match").evaluate_all("gs => gs.map(g => g.dataset.title)"), "quotes are searched"
    search.fill("")
    assert tab.shown_map().locator("g.match").count() == 0 and tab.page.locator("#search-status").text_content() == ""


def searched(element: dict, data: dict) -> str:
    """What the search reads of an element: title, text, quotes, and the premises drawn only inside it."""
    inside = [part for row in element.get("pcs", []) if row[4] not in data["elements"] for part in row[1:3]]
    return fold("\n".join([element["title"], element["text"], *(q[1] for q in element["quotes"]), *inside]))


def test_a_premise_drawn_only_inside_its_argument_is_found_through_the_argument(open_page, pages):
    tab = open_page(pages["example"])
    data = data_of(tab)
    argument, row = next(
        (e, row) for e in data["elements"].values() for row in e.get("pcs", [])
        if row[1] and row[4] not in data["elements"] and fold(row[1]) not in fold(e["title"] + e["text"])
    )
    tab.page.get_by_role("searchbox", name="Search titles, texts and quotes").fill(row[1].strip("[]"))
    assert argument["title"] in tab.shown_map().locator("g.match").evaluate_all("gs => gs.map(g => g.dataset.title)")


def test_clicking_an_element_shows_who_says_it_and_in_which_words(open_page, pages):
    tab = open_page(pages["talks"])
    page = tab.page
    full_map(tab)
    data = data_of(tab)
    key, claim = next((k, e) for k, e in data["elements"].items() if e["title"] == "[Talks stall]")
    element(tab, "[Talks stall]").click()
    details = page.get_by_role("region", name="Details")
    assert details.is_visible()
    assert details.locator("h2").text_content() == "[Talks stall]"
    assert details.locator("#details-text").text_content() == claim["text"]
    position = next(p for p in data["positions"] if p["tag"] == claim["position"])
    assert details.locator("#details-position").text_content() == f"Position: {position['label']}"
    for source_id, quote in claim["quotes"]:
        source = next(s for s in data["sources"] if s["id"] == source_id)
        assert details.locator("blockquote", has_text=quote).count() == 1
        link = details.get_by_role("link", name=source["name"])
        assert link.get_attribute("href") == source["url"]
    assert page.url.endswith("#" + key), "the address names the selected element"
    # what it supports and attacks: clickable, moving the view there
    verb, name, other = next(r for r in claim["relations"] if r[2])
    assert details.get_by_text(verb.capitalize(), exact=False).count() >= 1
    page.get_by_role("button", name="Zoom in").click()
    page.get_by_role("button", name="Zoom in").click()
    details.get_by_role("button", name=name).click()
    assert details.locator("h2").text_content() == name and page.url.endswith("#" + other)
    assert in_view(tab, element(tab, name))
    page.keyboard.press("Escape")
    assert not details.is_visible() and "#" not in page.url, "Escape closes it"


def test_tab_and_enter_open_the_details_and_escape_returns(open_page, pages):
    tab = open_page(pages["talks"])
    page = tab.page
    full_map(tab)
    page.get_by_role("searchbox").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('g.element')"):
            break
    title = page.evaluate("document.activeElement.dataset.title")
    assert title, "Tab reaches the map's elements"
    page.keyboard.press("Enter")
    details = page.get_by_role("region", name="Details")
    assert details.is_visible() and details.locator("h2").text_content() == title
    page.keyboard.press("Escape")
    assert not details.is_visible()
    assert page.evaluate("document.activeElement.dataset.title") == title, "focus goes back to the element"


def test_a_link_opens_the_page_on_that_claim(open_page, pages):
    data = json.loads(pages["talks"].read_text(encoding="utf-8").split('id="argmap-data">')[1].split("</script>")[0])
    key = next(k for k, e in data["elements"].items() if e["title"] == "[Progress]")
    tab = open_page(pages["talks"], "#" + key)
    assert tab.shown_map().is_visible(), "an address naming an element opens the full map"
    assert tab.page.get_by_role("region", name="Details").locator("h2").text_content() == "[Progress]"
    assert in_view(tab, element(tab, "[Progress]"))
    tab.page.locator("main a.on-map").first.click()  # the text's "on the map" links select too
    first = tab.page.locator("main article h4").first.evaluate("h => h.firstChild.textContent.trim()")
    assert tab.page.get_by_role("region", name="Details").locator("h2").text_content() == first


def test_unticking_a_position_hides_its_elements_and_their_relations_and_keeps_the_others(open_page, pages):
    tab = open_page(pages["example"])
    page = tab.page
    full_map(tab)
    data = data_of(tab)
    position = data["positions"][1]
    page.get_by_role("checkbox", name=position["label"]).uncheck()
    for e in data["elements"].values():
        assert element(tab, e["title"]).is_visible() == (e["position"] != position["tag"]), e["title"]
    hidden = {k for k, e in data["elements"].items() if e["position"] == position["tag"]}
    edges = tab.shown_map().locator("g.edge").evaluate_all(
        "gs => gs.map(g => [g.querySelector('title').textContent, getComputedStyle(g).display !== 'none'])"
    )
    touching = [shown for title, shown in edges if set(title.split("->")) & hidden]
    assert touching and not any(touching), "relations to hidden elements are hidden"
    assert any(shown for title, shown in edges if not set(title.split("->")) & hidden)
    page.get_by_role("checkbox", name=position["label"]).check()
    assert all(element(tab, e["title"]).is_visible() for e in data["elements"].values())


def test_unticking_a_source_hides_only_what_no_other_ticked_source_puts_forward(open_page, pages):
    tab = open_page(pages["talks"])
    page = tab.page
    full_map(tab)
    data = data_of(tab)
    courier = next(s for s in data["sources"] if s["id"] == "courier")
    page.get_by_role("checkbox", name=courier["name"], exact=False).uncheck()
    for e in data["elements"].values():
        expected = not (e["sources"] and set(e["sources"]) == {"courier"})
        assert element(tab, e["title"]).is_visible() == expected, e["title"]
    assert any(e["sources"] == ["courier"] for e in data["elements"].values())
    assert any("courier" in e["sources"] and len(e["sources"]) > 1 for e in data["elements"].values())


def test_zoom_buttons_keys_wheel_and_drag_change_the_view(open_page, pages):
    tab = open_page(pages["talks"])
    page = tab.page
    full_map(tab)
    target = element(tab, "[Talks stall]")
    fitted = width_of(target)
    page.get_by_role("button", name="Zoom in").click()
    assert width_of(target) == pytest.approx(fitted * 1.25, rel=0.02)
    page.get_by_role("button", name="Zoom out").click()
    page.get_by_role("button", name="Zoom out").click()
    assert width_of(target) == pytest.approx(fitted * 0.8, rel=0.02)
    page.get_by_role("button", name="Fit").click()
    assert width_of(target) == pytest.approx(fitted, rel=0.01)
    page.locator("body").focus()
    page.keyboard.press("+")
    assert width_of(target) == pytest.approx(fitted * 1.25, rel=0.02)
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert width_of(target) < fitted
    page.keyboard.press("0")
    assert width_of(target) == pytest.approx(fitted, rel=0.01)
    frame = page.locator("#map").bounding_box()
    page.mouse.move(frame["x"] + frame["width"] / 2, frame["y"] + frame["height"] / 2)
    page.mouse.wheel(0, -300)
    assert width_of(target) > fitted * 1.2, "the wheel zooms"
    before = target.bounding_box()
    page.mouse.move(frame["x"] + 20, frame["y"] + 20)
    page.mouse.down()
    page.mouse.move(frame["x"] + 120, frame["y"] + 70, steps=5)
    page.mouse.up()
    after = target.bounding_box()
    assert (after["x"] - before["x"], after["y"] - before["y"]) == (pytest.approx(100, abs=2), pytest.approx(50, abs=2)), "dragging pans"
    assert not page.get_by_role("region", name="Details").is_visible(), "a drag selects nothing"


def test_pinching_zooms(open_page, pages):
    tab = open_page(pages["talks"])
    page = tab.page
    full_map(tab)
    target = element(tab, "[Talks stall]")
    fitted = width_of(target)
    frame = page.locator("#map").bounding_box()
    x, y = frame["x"] + frame["width"] / 2, frame["y"] + frame["height"] / 2
    page.evaluate(
        """([x, y]) => {
          const svg = document.querySelector('#map > svg:last-of-type');
          const fire = (type, id, px) => svg.dispatchEvent(new PointerEvent(type, {pointerId: id, clientX: px, clientY: y, button: 0, bubbles: true, pointerType: 'touch'}));
          fire('pointerdown', 1, x - 50); fire('pointerdown', 2, x + 50);
          for (let step = 1; step <= 5; step++) { fire('pointermove', 1, x - 50 - 10 * step); fire('pointermove', 2, x + 50 + 10 * step); }
          fire('pointerup', 1, x - 100); fire('pointerup', 2, x + 100);
        }""",
        [x, y],
    )
    assert width_of(target) > fitted * 1.5, "two fingers moving apart zoom in"


def test_show_neighbourhood_dims_what_is_further_away(open_page, pages):
    tab = open_page(pages["talks"])
    page = tab.page
    full_map(tab)
    data = data_of(tab)
    claim = next(e for e in data["elements"].values() if e["title"] == "[Ceasefire now]")
    element(tab, "[Ceasefire now]").click()
    page.locator("#neighbourhood-depth").fill("1")
    page.get_by_role("button", name="Show neighbourhood").click()
    opacity = lambda title: float(element(tab, title).evaluate("g => getComputedStyle(g).opacity"))  # noqa: E731
    assert opacity("[Ceasefire now]") == 1
    for _verb, name, key in claim["relations"]:
        if key:
            assert opacity(name) == 1, name
    far = tab.shown_map().locator("g.element.far").evaluate_all("gs => gs.map(g => g.dataset.title)")
    assert far and all(opacity(title) < 0.5 for title in far)
    page.get_by_role("button", name="Show everything").click()
    assert all(opacity(e["title"]) == 1 for e in data["elements"].values())


def test_arguments_drawn_with_their_structure_are_elements_too(open_page, pages):
    tab = open_page(pages["pcs"])
    full_map(tab)
    frame = tab.shown_map().locator('g.cluster[data-title="<Delay>"]')
    assert frame.get_attribute("data-kind") == "argument" and frame.get_attribute("tabindex") == "0"
    box = frame.bounding_box()
    tab.page.mouse.click(box["x"] + 6, box["y"] + box["height"] / 2)  # the frame's edge, away from what is inside
    details = tab.page.get_by_role("region", name="Details")
    assert details.locator("h2").text_content() == "<Delay>"
    assert details.get_by_text("modus ponens").is_visible()
    tab.page.get_by_role("checkbox", name="Pressure first").uncheck()
    assert not frame.is_visible() and not details.is_visible()


def test_the_page_prints_as_a_handout(open_page, pages):
    tab = open_page(pages["example"])
    page = tab.page
    full_map(tab)
    page.get_by_role("button", name="Zoom in").click()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for hidden in ("#search", "#filters", "#zoom-in"):
        assert not page.locator(hidden).is_visible(), hidden
    pictures = page.locator("#map > svg")
    assert pictures.first.is_visible() and pictures.last.is_visible(), "both pictures print"
    box = pictures.last.bounding_box()
    view_box = pictures.last.evaluate("svg => [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height]")
    assert box["width"] <= page.viewport_size["width"] and box["width"] > page.viewport_size["width"] / 2, "the map fitted to the page"
    assert box["height"] / box["width"] == pytest.approx(view_box[1] / view_box[0], rel=0.02), "the whole map, not the zoomed view"
    assert page.locator("main article").first.is_visible() and page.locator("#sources").is_visible()
    assert page.pdf()[:4] == b"%PDF"


def test_hostile_input_gives_a_safe_page(open_page, pages):
    tab = open_page(pages["hostile"])
    page = tab.page
    full_map(tab)
    page.get_by_role("searchbox").fill("<script>")
    marked = tab.shown_map().locator("g.match")
    assert '[<script>alert("x")</script>]' in marked.evaluate_all("gs => gs.map(g => g.dataset.title)")
    tab.shown_map().locator('g[data-title="[<script>alert(\\"x\\")</script>]"]').click()
    details = page.get_by_role("region", name="Details")
    assert details.locator("h2").text_content() == '[<script>alert("x")</script>]'
    assert page.evaluate("document.scripts.length") == 4, "the data and the page's three scripts"
    handlers = page.evaluate("[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))")
    assert handlers == []
    links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href') ?? a.getAttribute('xlink:href')).filter(Boolean)")
    assert links and all(link.startswith(("#", "http://", "https://")) for link in links)


def test_with_evaluate_the_details_give_the_grounded_label_and_why(open_page, pages):
    """Issue 18: `render --evaluate` draws the labels; the page shows them in the details."""
    tab = open_page(pages["evaluated"])
    full_map(tab)
    data = data_of(tab)
    labels = {e["verdict"][0] for e in data["elements"].values()}
    assert labels <= {"in", "out", "undec"} and "out" in labels
    title = next(e["title"] for e in data["elements"].values() if e["verdict"][0] == "out")
    element(tab, title).click()
    verdict = tab.page.get_by_role("region", name="Details").locator("#details-verdict")
    assert verdict.locator(".verdict-out").text_content() == "OUT"
    assert "defeated by IN" in verdict.text_content()
