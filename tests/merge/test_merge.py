"""Merging: one title in several files is one node that remembers every source."""

from pathlib import Path

from argmap.interchange.canonical import to_dict
from argmap.merge.combine import load
from argmap.core.model import Kind, RelationType

HERE = Path(__file__).parent


def merged(monkeypatch):
    monkeypatch.chdir(HERE)
    return load(["a.argmap", "b.argmap"])


def test_same_title_is_one_statement_with_both_sources(monkeypatch):
    m = merged(monkeypatch)
    stalls = m.statements["Putin stalls"]
    assert stalls.sources == ("alpha", "beta")
    assert [q.text for q in stalls.quotes] == ["Moscow is stalling", "the Kremlin keeps stalling"]
    assert [q.source for q in stalls.quotes] == ["alpha", "beta"]
    assert stalls.text == "Moscow drags out the talks."


def test_relations_are_deduplicated_and_remember_sources(monkeypatch):
    m = merged(monkeypatch)
    attacks = [r for r in m.relations if r.type is RelationType.ATTACK]
    assert len(attacks) == 1
    assert attacks[0].sources == ("alpha", "beta")


def test_different_texts_for_one_title_are_kept_and_warned(monkeypatch):
    m = merged(monkeypatch)
    warnings = [d for d in m.diagnostics if d.code == "conflicting-text"]
    assert len(warnings) == 1
    assert warnings[0].span.path == "b.argmap"
    assert "a.argmap:" in warnings[0].message


def test_untitled_statements_of_different_files_never_merge(monkeypatch):
    m = merged(monkeypatch)
    untitled = sorted(t for t, s in m.statements.items() if s.generated_title)
    assert untitled == ["Untitled 1 (alpha)", "Untitled 1 (beta)"]
    supported = {r.target.title for r in m.relations if r.type is RelationType.SUPPORT}
    assert supported == set(untitled)


def test_positions_declared_in_one_file_apply_to_all(monkeypatch):
    m = merged(monkeypatch)
    assert [p.tag for p in m.positions] == ["skepticism", "pressure"]
    assert m.position_of(m.relations[0].source) in {"pressure", "skepticism"}


def test_export_is_sorted_and_stable(monkeypatch):
    first = to_dict(merged(monkeypatch))
    monkeypatch.chdir(HERE)
    second = to_dict(load(["b.argmap", "a.argmap"]))
    assert [s["title"] for s in first["statements"]] == sorted(s["title"] for s in first["statements"])
    assert first["relations"] == second["relations"]
    assert first["sources"] == second["sources"]


def test_title_normalisation_joins_spacing_and_unicode_variants(tmp_path):
    (tmp_path / "x.argmap").write_text("[Cafe\u0301  talks]: One.\n  + [Café talks]\n", encoding="utf-8")
    m = load([tmp_path / "x.argmap"])
    assert list(m.statements) == ["Café talks"]
    assert any(d.code == "self-relation" for d in m.diagnostics)


def test_quotes_are_checked_across_line_breaks_and_typography(monkeypatch):
    from argmap.checks.checker import check

    monkeypatch.chdir(HERE)
    problems = [d for d in check(load(["a.argmap", "b.argmap"])) if d.severity.value == "error"]
    assert problems == []


def test_argument_kinds_are_separate_namespaces(tmp_path):
    (tmp_path / "x.argmap").write_text("[T]: A statement.\n  + <T>: An argument with the same title.\n", encoding="utf-8")
    m = load([tmp_path / "x.argmap"])
    assert "T" in m.statements and "T" in m.arguments
    (relation,) = m.relations
    assert relation.source.kind is Kind.ARGUMENT and relation.target.kind is Kind.STATEMENT


def test_a_file_that_only_relates_to_a_claim_is_not_its_source(tmp_path):
    (tmp_path / "one.argmap").write_text("===\nsource: {id: one}\n===\n\n[Claim]: Talks are theatre.\n", encoding="utf-8")
    (tmp_path / "two.argmap").write_text(
        "===\nsource: {id: two}\n===\n\n[Rebuttal]: The talks produced exchanges.\n  -> [Claim]\n", encoding="utf-8"
    )
    m = load([tmp_path / "one.argmap", tmp_path / "two.argmap"])
    assert m.statements["Claim"].sources == ("one",)
    assert m.relations[0].sources == ("two",)
