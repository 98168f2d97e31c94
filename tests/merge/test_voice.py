"""Whose voice across files: speaker and hedge merge per title, a reconstruction
mark is per source, a relation mark survives only while no source writes the
relation as its own; `check` asks every claim for a quote or a mark."""

from pathlib import Path

from argmap.checks.checker import check, has_errors
from argmap.core.model import Kind, Ref
from argmap.merge.combine import load

HERE = Path(__file__).parent / "voice"


def _load(monkeypatch, *names):
    monkeypatch.chdir(HERE)
    return load(names or ("one.argmap", "two.argmap"))


def test_speaker_and_hedge_reach_the_merged_statement(monkeypatch):
    statement = _load(monkeypatch).statements["Deference Emboldens Russia"]
    assert (statement.voice.speaker, statement.voice.hedge) == ("critics", "could")


def test_two_speakers_for_one_title_are_warned_and_the_first_kept(monkeypatch):
    argument_map = _load(monkeypatch)
    conflicts = [d for d in argument_map.diagnostics if d.code == "conflicting-voice"]
    assert len(conflicts) == 1 and "'observers'" in conflicts[0].message and "'critics'" in conflicts[0].message
    assert conflicts[0].span.path == "two.argmap"


def test_a_quoted_claim_marked_elsewhere_is_not_drawn_as_the_mappers(monkeypatch):
    statement = _load(monkeypatch).statements["Deference Emboldens Russia"]
    assert statement.voice.reconstructed_in == ("two",)
    assert not statement.is_reconstructed, "one article quotes it: it is that article's claim"
    implicit = _load(monkeypatch).statements["Weakness Invites Aggression"]
    assert implicit.is_reconstructed and implicit.voice.notes == ("implicit premise",)


def test_a_mark_after_a_reference_on_a_relation_line_marks_the_relation_only(monkeypatch):
    argument_map = _load(monkeypatch)
    (link,) = [r for r in argument_map.relations if r.source == Ref(Kind.STATEMENT, "Talks Are Theatre")]
    assert link.reconstructed == "the mapper links the two articles"
    assert not argument_map.statements["Talks Are Theatre"].is_reconstructed
    (implicit,) = [r for r in argument_map.relations if r.source.title == "Weakness Invites Aggression"]
    assert implicit.reconstructed == "implicit premise", "a claim defined as the mapper's brings its link with it"


def test_check_warns_about_a_claim_with_neither_quote_nor_mark(monkeypatch):
    found = [d for d in check(_load(monkeypatch)) if d.code == "unsourced"]
    assert [(d.span.path, d.span.line) for d in found] == [("one.argmap", 15)]
    assert "[Unquoted Claim] has no quote from article-one.txt" in found[0].message
    assert "reconstructed" in found[0].hint
    assert has_errors(found, strict=True) and not has_errors(found)


def test_a_bare_reference_that_only_relates_needs_no_quote(monkeypatch):
    found = [d for d in check(_load(monkeypatch)) if d.code == "unsourced"]
    assert all("Talks May Succeed" not in d.message for d in found), "two.argmap only attacks it"


def test_a_file_without_an_article_is_not_asked_for_quotes(tmp_path):
    path = tmp_path / "notes.argmap"
    path.write_text("[A]: a claim.\n  + [B]: a reason.\n", encoding="utf-8")
    assert [d for d in check(load([path])) if d.code == "unsourced"] == []


def test_an_argument_supporting_its_own_conclusion_is_no_warning(tmp_path):
    path = tmp_path / "redundant.argmap"
    path.write_text("[X]: the claim.\n  + <A>\n\n<A>: the gist.\n\n(1) [P]: a premise.\n----\n(2) [X]\n", encoding="utf-8")
    assert check(load([path])) == []


def test_an_argument_attacking_its_own_conclusion_is_still_warned(tmp_path):
    path = tmp_path / "odd.argmap"
    path.write_text("[X]: the claim.\n  - <A>\n\n<A>: the gist.\n\n(1) [P]: a premise.\n----\n(2) [X]\n", encoding="utf-8")
    assert [d.code for d in check(load([path]))] == ["dropped-by-argdown"]
