"""A map in a notebook: IPython's display formatter, and a real notebook run by a kernel."""

from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parents[2]
TALKS = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))
SMALL = "[Talks]: Talks help.\n  - [War]: War goes on.\n  + <Ceasefire>: A ceasefire holds.\n"


def _display(value) -> dict:
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(value)
    return data


def test_a_small_map_displays_itself_whole():
    data = _display(argmap.loads(SMALL, name="lesson.argmap"))
    svg = data["image/svg+xml"]
    assert svg.startswith("<?xml") and "Talks help." in svg and "War goes on." in svg
    assert data["text/plain"] == "<argmap.ArgumentMap: 1 source, 2 statements, 1 argument, 2 relations, 0 diagnostics>"


def test_a_big_map_with_positions_displays_its_overview():
    debate = argmap.load(TALKS)
    svg = _display(debate)["image/svg+xml"]
    assert svg.encode("utf-8") == argmap.render(debate, "svg", overview=True)
    for position in ("Restraint", "Pressure", "Skepticism"):
        assert position in svg
    # top=0: the boxes list no claims (a title may still be in an arrow's tooltip, which lists the relations it counts)
    assert "Putin Is Stalling" in _drawn_text(svg)
    assert "Putin Is Stalling" not in _drawn_text(argmap.render(debate, "svg", overview=True, top=0).decode())


def _drawn_text(svg: str) -> str:
    """The words the picture shows (its <text> elements, a line each), not its tooltips."""
    import re

    return "\n".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_a_view_of_the_map_displays_itself():
    debate = argmap.load(TALKS)
    drawing = debate.show(focus="Putin Is Stalling", depth=1)
    assert _display(drawing)["image/svg+xml"].encode("utf-8") == drawing.svg == debate.render("svg", focus="Putin Is Stalling", depth=1)


def test_a_map_that_cannot_be_drawn_says_why_in_text(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # no Graphviz
    data = _display(argmap.loads(SMALL))
    assert "image/svg+xml" not in data
    assert "not drawn:" in data["text/plain"] and "Graphviz" in data["text/plain"]


def test_a_notebook_cell_shows_the_map(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(f"import argmap\nm = argmap.load({[str(p) for p in TALKS]!r})\nm"),
        nbformat.v4.new_code_cell('m.show(focus="Putin Is Stalling", depth=1)'),
    ]
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    first, second = (cell.outputs for cell in notebook.cells)
    assert [o.output_type for o in first] == ["execute_result"]
    assert "Restraint" in first[0].data["image/svg+xml"]
    assert first[0].data["text/plain"].startswith("<argmap.ArgumentMap: 5 sources")
    assert "Putin Is Stalling" in second[0].data["image/svg+xml"]
