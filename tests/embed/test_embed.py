"""`argmap embed`: ```argmap blocks in Markdown → content-addressed SVG files and image links.

The snapshots are what a user reads: the rewritten Markdown (with each
drawing's 16-digit hash shown as <hash>, so that a change to how maps are
drawn does not touch them; that names are stable is tested on its own) and
the messages of a run with errors.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from argmap.draw.options import ViewOptions
from argmap.embed.blocks import Block, find_blocks
from argmap.embed.markdown import plan, write
from argmap.embed.options import options
from argmap.embed.prepare import MapRequest, prepare

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
LESSON = FIXTURES / "lesson"
NAME = re.compile(r"argmap-([0-9a-f]{16})\.svg")

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")


@pytest.fixture
def lesson(tmp_path) -> Path:
    """A copy of the lesson, so tests may change it."""
    shutil.copytree(LESSON, tmp_path / "lesson")
    return tmp_path / "lesson" / "lesson.md"


def readable(markdown: str) -> str:
    return NAME.sub("argmap-<hash>.svg", markdown)


def linked(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^) ]+)", markdown)


# ---------------------------------------------------------------- the happy path


@needs_dot
def test_lesson_snapshot(argmap_cli, lesson, snapshot):
    out = lesson.parent / "handout" / "lesson.md"
    before = lesson.read_bytes()
    result = argmap_cli("embed", lesson, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert lesson.read_bytes() == before, "the input is never modified"
    text = out.read_text(encoding="utf-8")
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(readable(text), "lesson.out.md")
    assert result.stderr == f"wrote {out}: 3 maps in {out.parent / 'lesson_files'}/ (3 drawn, 0 unchanged)\n"


@needs_dot
def test_links_point_at_svgs_that_show_the_map(argmap_cli, lesson):
    out = lesson.parent / "handout" / "lesson.md"
    assert argmap_cli("embed", lesson, "-o", out).exit_code == 0
    links = linked(out.read_text(encoding="utf-8"))
    assert len(links) == 3 and all(link.startswith("lesson_files/argmap-") for link in links)
    drawings = sorted(p.name for p in (out.parent / "lesson_files").iterdir())
    assert drawings == sorted(Path(link).name for link in links)
    whole, focus, inline = (out.parent / link for link in links)
    whole_svg = whole.read_text(encoding="utf-8")
    assert whole_svg.startswith("<?xml") and "<svg" in whole_svg
    for title in ("Ban Phones in School", "Phones Distract", "Bans Are Hard to Enforce", "Phones Are Learning Tools", "Teachers Already Collect Phones", "Ban phones"):
        assert title in whole_svg, title
    focus_svg = focus.read_text(encoding="utf-8")
    assert "Teachers Already Collect Phones" not in focus_svg, "focus= with depth=1 leaves the attack on an attack out"
    assert "Legend" not in focus_svg, "no-legend"
    inline_svg = inline.read_text(encoding="utf-8")
    assert "Homework Online" in inline_svg and "Not Every Pupil Has a Computer" in inline_svg
    assert ">Nothing gets lost" not in inline_svg, "labels=title shows titles only"


@needs_dot
def test_the_same_document_gives_the_same_files_and_draws_nothing_twice(argmap_cli, lesson, tmp_path):
    out = lesson.parent / "handout" / "lesson.md"
    assert argmap_cli("embed", lesson, "-o", out).exit_code == 0
    first = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (out.parent / "lesson_files").iterdir()}
    again = argmap_cli("embed", lesson, "-o", out)
    assert "(0 drawn, 3 unchanged)" in again.stderr
    second = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (out.parent / "lesson_files").iterdir()}
    assert second == first, "same names, same bytes, files not rewritten"
    # another copy of the lesson elsewhere, written elsewhere: the same names and bytes
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(lesson.parent, elsewhere, ignore=shutil.ignore_patterns("handout"))
    other = tmp_path / "other" / "notes.md"
    other.parent.mkdir()
    assert argmap_cli("embed", elsewhere / "lesson.md", "-o", other).exit_code == 0
    assert {p.name: p.read_bytes() for p in (other.parent / "notes_files").iterdir()} == {n: b for n, (b, _) in first.items()}
    assert readable(other.read_text(encoding="utf-8")).replace("notes_files", "lesson_files") == readable(out.read_text(encoding="utf-8"))


@needs_dot
def test_names_follow_what_is_drawn_and_stale_drawings_go(argmap_cli, lesson):
    out = lesson.parent / "lesson.out.md"
    assert argmap_cli("embed", lesson, "-o", out).exit_code == 0
    before = linked(out.read_text(encoding="utf-8"))
    # a comment in the inline map changes nothing drawn: same name
    text = lesson.read_text(encoding="utf-8").replace("[Homework Online]:", "// a note for the teacher\n[Homework Online]:")
    lesson.write_text(text, encoding="utf-8")
    assert argmap_cli("embed", lesson, "-o", out).exit_code == 0
    assert linked(out.read_text(encoding="utf-8")) == before
    # a changed option and a changed positions file change the drawings; the old ones are removed
    lesson.write_text(text.replace("labels=title", "labels=both"), encoding="utf-8")
    positions = lesson.parent / "maps" / "positions.yaml"
    positions.write_text(positions.read_text(encoding="utf-8").replace("#D55E00", "#CC79A7"), encoding="utf-8")
    result = argmap_cli("embed", lesson, "-o", out)
    assert result.exit_code == 0
    after = linked(out.read_text(encoding="utf-8"))
    assert after[0] != before[0] and after[1] != before[1], "the positions file is part of what is drawn"
    assert after[2] != before[2], "labels= is part of what is drawn"
    assert "3 drawn, 0 unchanged, 3 stale removed" in result.stderr
    assert sorted(p.name for p in (lesson.parent / "lesson.out_files").iterdir()) == sorted(Path(a).name for a in after)


@needs_dot
def test_a_document_without_maps_removes_the_drawing_folder(argmap_cli, lesson):
    out = lesson.parent / "out.md"
    assert argmap_cli("embed", lesson, "-o", out).exit_code == 0
    lesson.write_text("# No maps any more\n", encoding="utf-8")
    result = argmap_cli("embed", lesson, "-o", out)
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == "# No maps any more\n"
    assert not (lesson.parent / "out_files").exists()


@needs_dot
def test_only_drawings_are_ever_removed(argmap_cli, lesson):
    out = lesson.parent / "out.md"
    folder = lesson.parent / "out_files"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "argmap-logo.svg").write_text("<svg/>", encoding="utf-8")
    assert argmap_cli("embed", lesson, "-o", out).exit_code == 0
    assert (folder / "notes.txt").exists() and (folder / "argmap-logo.svg").exists()


@needs_dot
def test_windows_line_endings_are_kept(argmap_cli, tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_bytes(b"# Title\r\n\r\n```argmap\r\n[A]: a\r\n  + [B]: b\r\n```\r\n\r\nEnd.\r\n")
    out = tmp_path / "out.md"
    assert argmap_cli("embed", doc, "-o", out).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"# Title\r\n\r\n![Argument map: 2 statements") and data.endswith(b".svg)\r\n\r\nEnd.\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


# ---------------------------------------------------------------- errors


BAD = """\
# A lesson with mistakes

- a list item

  ```argmap no-legend
  [A]: Apples are good.
    + <B>: Because they are tasty.
    - [C: They are expensive.
  ```

```argmap file=maps/*.argmap grup-by=position depth=two pcs=maybe
```

```argmap file=maps/daily-post.argmap file=maps/missing.argmap
```

```argmap file=maps/*.argmap focus="Ban Phones at School"
```

```argmap file=maps/*.argmap depth=1
```

```argmap
```

~~~~argmap
[Z]: never closed
"""


def test_errors_point_into_the_markdown(argmap_cli, lesson, snapshot):
    bad = lesson.parent / "bad.md"
    bad.write_text(BAD, encoding="utf-8")
    out = lesson.parent / "out.md"
    out.write_text("the previous handout\n", encoding="utf-8")
    result = argmap_cli("embed", bad, "-o", out, cwd=lesson.parent)
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "the previous handout\n", "a failed run writes nothing"
    assert not (lesson.parent / "out_files").exists()
    assert bad.read_text(encoding="utf-8") == BAD
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(result.transcript().replace(str(lesson.parent) + "/", ""), "bad.transcript")


def test_error_positions_are_the_markdown_lines_and_columns(lesson):
    bad = lesson.parent / "bad.md"
    bad.write_text(BAD, encoding="utf-8")
    result = plan(bad, lesson.parent / "out.md")
    assert result.failed and result.text is None
    lines = BAD.splitlines()
    for diagnostic in result.diagnostics:
        span = diagnostic.span
        assert span.path == str(bad)
        line = lines[span.line - 1]
        assert line.strip(), diagnostic
    unclosed = next(d for d in result.diagnostics if d.code == "unexpected-char" or "not closed" in d.message)
    assert (unclosed.span.line, lines[unclosed.span.line - 1][unclosed.span.column - 1]) == (8, "[")
    unknown = next(d for d in result.diagnostics if d.code == "embed-unknown-option")
    assert lines[unknown.span.line - 1][unknown.span.column - 1 :].startswith("grup-by=position")
    focus = next(d for d in result.diagnostics if d.code == "render-unknown-focus")
    assert lines[focus.span.line - 1][focus.span.column - 1 :].startswith('focus="Ban Phones at School"')
    assert focus.hint == "did you mean 'Ban Phones in School'?"


def test_the_input_is_never_the_output(argmap_cli, lesson):
    before = lesson.read_bytes()
    result = argmap_cli("embed", lesson, "-o", lesson)
    assert result.exit_code == 2
    assert "is the input itself" in result.stderr
    assert lesson.read_bytes() == before


def test_strict_fails_on_warnings(argmap_cli, tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("```argmap\n[A]: a\n  + [B]: b\n[Lonely]: nobody relates to me\n```\n", encoding="utf-8")
    out = tmp_path / "out.md"
    strict = argmap_cli("embed", "--strict", doc, "-o", out)
    assert strict.exit_code == 1 and "doc.md:4:1: warning: [Lonely] has no relation" in strict.stderr
    assert not out.exists()


@needs_dot
def test_missing_graphviz_exits_3_and_writes_nothing(argmap_cli, lesson, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = lesson.parent / "out.md"
    result = argmap_cli("embed", lesson, "-o", out)
    assert result.exit_code == 3 and "dot program was not found" in result.stderr
    assert not out.exists() and not (lesson.parent / "out_files").exists()


# ---------------------------------------------------------------- the pieces


def test_fences_follow_commonmark():
    text = "\n".join(
        [
            "````md",  # 1: a longer fence holds a shorter one
            "```argmap",
            "```",
            "````",
            "   ~~~ argmap   pcs",  # 5: indented up to three spaces, tildes, spaces in the info string
            "    [A]: a",
            "  [B]: b",
            "~~~~~",  # 8: a longer closing fence closes it
            "    ```argmap",  # 9: four spaces: an indented code block, not a fence
            "```argmapx",  # 10: another language
            "```",
            "``` argmap`x",  # 12: a backtick in a backtick fence's info string: no fence
        ]
    )
    blocks, problems = find_blocks(text, "doc.md")
    assert problems == []
    assert blocks == [Block(5, 8, "   ", "argmap   pcs", 8, (" [A]: a", "[B]: b"), (3, 2))]


def test_options_are_those_of_render():
    names = set(options())
    assert {"focus", "depth", "group-by", "position", "source", "pcs", "labels", "wrap", "rankdir", "legend", "file", "alt", "caption"} <= names
    from argmap.cli.drawing import render

    # what and where render writes is not a block's to say: the document places and sizes its images
    # (--page shapes a drawing for a slide or a sheet of paper, --pages writes several files)
    render_options = {p.name.replace("_", "-") for p in render.params} - {"files", "output", "fmt", "timeout", "page", "pages"}
    assert render_options <= names, render_options - names


def test_prepare_without_anything_to_draw():
    from argmap.core.model import Span

    prepared, diagnostics = prepare(MapRequest((), None, {}, Span("doc.md", 3, 1, 3, 1)))
    assert prepared is None and [d.code for d in diagnostics] == ["embed-empty"]


def test_default_view_is_render_default(lesson):
    result = plan(lesson, lesson.parent / "out.md")
    assert not result.failed
    whole = result.maps[0]
    from argmap.draw.graph import build_graph
    from argmap.merge.combine import load
    from argmap.publish.formats import render

    files = sorted((lesson.parent / "maps").glob("*.argmap"))
    assert whole.dot == render(build_graph(load(files), ViewOptions()), "dot"), "a block without options draws what `argmap render` draws"


@needs_dot
def test_write_refuses_a_failed_plan(lesson):
    (lesson.parent / "bad.md").write_text(BAD, encoding="utf-8")
    with pytest.raises(ValueError):
        write(plan(lesson.parent / "bad.md", lesson.parent / "out.md"))


def test_a_document_that_is_not_utf8(argmap_cli, tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_bytes(b"# Caf\xe9\n")
    result = argmap_cli("embed", doc, "-o", tmp_path / "out.md")
    assert result.exit_code == 1 and "doc.md:1:6: error: the file is not UTF-8 text" in result.stderr


def test_an_unknown_option_without_a_close_one_lists_them_all(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("```argmap colour=red\n[A]: a\n```\n", encoding="utf-8")
    (problem,) = plan(doc, tmp_path / "out.md").diagnostics
    assert problem.message == "unknown option 'colour'"
    assert problem.hint.startswith("options are alt, caption, depth, evaluate, file, focus, group-by, labels, legend, overview, pcs, position, rankdir, source, theme, top, width, wrap")


@needs_dot
def test_theme_and_width_are_part_of_what_is_drawn(argmap_cli, tmp_path):
    assert {"theme", "width"} <= set(options())
    doc = tmp_path / "doc.md"
    doc.write_text("```argmap\n[A]: a\n  - [B]: b\n```\n\n```argmap theme=mono width=300\n[A]: a\n  - [B]: b\n```\n", encoding="utf-8")
    out = tmp_path / "out.md"
    result = argmap_cli("embed", doc, "-o", out)
    assert result.exit_code == 0, result.stderr
    plain, mono = linked(out.read_text(encoding="utf-8"))
    assert plain != mono, "the theme and the width are part of what is drawn"
    assert (tmp_path / mono).read_bytes() != (tmp_path / plain).read_bytes()
    doc.write_text("```argmap theme=neon\n[A]: a\n```\n", encoding="utf-8")
    (problem,) = plan(doc, out).diagnostics
    assert problem.code == "embed-bad-value" and "choose one of" in problem.message


def test_positions_inside_messages_are_moved_too(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("# Title\n\n```argmap\n[A]: one\n  + [B]: b\n[A]: two\n```\n", encoding="utf-8")
    (warning,) = plan(doc, tmp_path / "out.md").diagnostics
    assert (warning.span.line, warning.span.column) == (6, 1)
    assert warning.message == f"[A] has a different text here than at {doc}:4:1"
