"""The server's state without a client: what a buffer, a closed file and a
positions file changed on disk do to the map, and hover as plain text for
editors that show no Markdown."""

from __future__ import annotations

from pygls.uris import from_fs_path

from argmap.core.model import Kind
from argmap.lsp.features.hover import describe
from argmap.lsp.workspace import MapWorkspace

from .conftest import copy_workspace


def test_a_buffer_overrides_the_file_until_it_is_closed(tmp_path):
    root = copy_workspace(tmp_path)
    state = MapWorkspace()
    state.set_folders([str(root)])
    assert set(state.snapshot().map.statements) == {"Talks Are Theatre", "Pressure Works", "Moscow’s Terms — a 🕊 Offer"}
    beta = from_fs_path(str(root / "beta.argmap"))
    state.open(beta, "[Only Claim]: The buffer's text.\n", 1)
    statements = state.snapshot().map.statements
    assert "Only Claim" in statements and statements["Moscow’s Terms — a 🕊 Offer"].text == ""  # only alpha's reference is left
    state.close(beta)
    statements = state.snapshot().map.statements
    assert "Only Claim" not in statements and statements["Moscow’s Terms — a 🕊 Offer"].text


def test_a_changed_positions_file_is_read_again(tmp_path):
    root = copy_workspace(tmp_path)
    state = MapWorkspace()
    state.set_folders([str(root)])
    assert {p.label for p in state.snapshot().map.positions} == {"Pressure", "Skepticism"}
    (root / "positions.yaml").write_text("pressure: {label: Leverage}\nskepticism: {label: Doubt}\n", encoding="utf-8")
    state.changed_on_disk(from_fs_path(str(root / "positions.yaml")))
    assert {p.label for p in state.snapshot().map.positions} == {"Leverage", "Doubt"}


def test_hover_in_plain_text(tmp_path):
    root = copy_workspace(tmp_path)
    state = MapWorkspace()
    state.set_folders([str(root)])
    snapshot = state.snapshot()
    text = describe(snapshot.map.statements["Talks Are Theatre"], Kind.STATEMENT, snapshot, markdown=False)
    assert text == (
        "[Talks Are Theatre] · statement\n\n"
        "The round in Istanbul is a staged performance, not a path to peace.\n\n"
        "Position: Skepticism (#skepticism)\nTags: #skepticism\n"
        "Sources: Alpha Weekly, “Theatre in Istanbul”, Beta Review, “Pressure Works”\n\n"
        "Alpha Weekly, “Theatre in Istanbul” quotes:\n"
        '  "The talks in Istanbul are a carefully orchestrated mirage."\n\n'
        "Beta Review, “Pressure Works” quotes:\n"
        '  "Critics call the talks “theatre”, but they are not."'
    )
