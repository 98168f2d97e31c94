"""The page and its handout say whose voice each claim is in: the reported
speaker, the hedge, the mapper's reconstructions (claims and links) — as text,
never as markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.draw.graph import build_graph
from argmap.merge.combine import load
from argmap.publish.formats import draw

from ..draw.helpers import needs_dot
from .test_page import Page, assert_inert

pytestmark = needs_dot

VOICE = Path(__file__).resolve().parents[1] / "merge" / "voice"


@pytest.fixture(scope="module")
def page() -> str:
    argument_map = load([VOICE / "one.argmap", VOICE / "two.argmap"])
    return draw(argument_map, build_graph(argument_map), "html", 30).decode("utf-8")


def _element(page: str, title: str) -> dict:
    return next(e for e in Page(page).data()["elements"].values() if e["title"] == title)


def test_the_details_name_the_speaker_the_hedge_and_the_mappers_notes(page):
    deference = _element(page, "[Deference Emboldens Russia]")
    assert deference["voice"][:2] == ["Reported: the article gives this as the view of critics.", "Hedged: the article says “could”."]
    implicit = _element(page, "[Weakness Invites Aggression]")
    assert implicit["voice"] == ["Reconstructed by the mapper (in one): implicit premise"]


def test_the_mappers_links_are_named_in_the_relations(page):
    theatre = _element(page, "[Talks Are Theatre]")
    (row,) = [r for r in theatre["relations"] if r[1] == "[Talks May Succeed]"]
    assert row[0] == "attacks" and row[3] == "the mapper links the two articles"


def test_the_handout_lists_them_in_words(page):
    text = " ".join(Page(page).text)
    assert "Reported: the article gives this as the view of critics." in text
    assert "Reconstructed by the mapper (in one): implicit premise" in text
    assert "(the mapper’s link: the mapper links the two articles)" in text


def test_hostile_voice_values_stay_text(tmp_path):
    path = tmp_path / "x.argmap"
    path.write_text('[A]: a claim. {speaker: "<script>alert(1)</script>", reconstructed: "<img src=x onerror=alert(2)>"}\n  + [B]: b.\n', encoding="utf-8")
    argument_map = load([path])
    html = draw(argument_map, build_graph(argument_map), "html", 30).decode("utf-8")
    assert_inert(html)
    assert "According to <script>" in " ".join(Page(html).text) or "<script>alert(1)</script>" in " ".join(Page(html).text)
