"""The Sphinx directive `.. argmap::`, by building a tiny Sphinx project.

The project is built in-process with ``sphinx.cmd.build.build_main``. The
snapshots hold what argmap puts into the page (the image links, with each
drawing's hash shown as <hash>) and the build's warnings.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="the sphinx extra is not installed")

from sphinx.cmd.build import build_main  # noqa: E402

HERE = Path(__file__).resolve().parent
SNAPSHOTS = HERE / "sphinx_snapshots"
MAPS = HERE.parent / "embed" / "fixtures" / "lesson" / "maps"
NAME = re.compile(r"argmap-([0-9a-f]{16})\.svg")

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")

CONF = 'project = "Lesson"\nextensions = ["argmap.sphinx"]\n'

INDEX = """\
Lesson 4: phones in school
==========================

The whole debate:

.. argmap::
   :file: maps/*.argmap
   :alt: The phone debate: two arguments for a ban, two against

The ban and what is said directly for and against it:

.. argmap::
   :file: maps/daily-post.argmap maps/weekly-view.argmap
   :focus: Ban Phones in School
   :depth: 1
   :rankdir: LR
   :no-legend:
   :caption: The ban, *for and against*
   :name: ban-map

A map written in the page itself:

.. argmap::
   :labels: title

   [Homework Online]: Homework is set and handed in online.
     + <Fewer Lost Sheets>: Nothing gets lost on the way home.
     - <Not Every Pupil Has a Computer>: Some pupils share one computer.

See :ref:`ban-map`.
"""

BROKEN = """\
Mistakes
========

.. argmap::
   :focus: Homework

   [Homework Online]: Homework is set and handed in online.
     + <Fewer Lost Sheets: Nothing gets lost on the way home.

.. argmap::
   :file: maps/nowhere.argmap

.. argmap::
   :file: maps/*.argmap
   :focus: Ban Phones at School

.. argmap::
   :depth: many
   :unknown: 1
"""


def project(root: Path, broken: bool = False) -> Path:
    source = root / "src"
    shutil.copytree(MAPS, source / "maps")
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    index = INDEX + ("\n.. toctree::\n\n   broken\n" if broken else "")
    (source / "index.rst").write_text(index, encoding="utf-8")
    if broken:
        (source / "broken.rst").write_text(BROKEN, encoding="utf-8")
    return source


def build(source: Path, builder: str = "html") -> tuple[int, Path, str]:
    out = source.parent / f"_build_{builder}"
    warnings = source.parent / f"warnings-{builder}.txt"
    status = build_main(["-q", "-b", builder, "-w", str(warnings), str(source), str(out)])
    text = warnings.read_text(encoding="utf-8") if warnings.exists() else ""
    return status, out, text.replace(str(source) + "/", "")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, str]:
    source = project(tmp_path_factory.mktemp("sphinx"))
    status, out, warnings = build(source)
    assert status == 0, warnings
    return source, out, warnings


def argmap_markup(page: str) -> list[str]:
    """What the directive put into the page: its image links (and the figure around one)."""
    return re.findall(r'<figure class="argmap[^"]*"[^>]*>\n?<a class="reference internal image-reference argmap".*?</a>|<a class="reference internal image-reference argmap".*?</a>', page, re.S)


def test_the_page_links_svgs_that_show_the_maps(built):
    _, out, warnings = built
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r'<img src="([^"]+)" alt="([^"]*)" class="argmap"', page)
    assert len(sources) == 3
    drawings = []
    for src, alt in sources:
        assert src.startswith("_images/argmap-") and alt
        drawing = out / src
        assert drawing.is_file(), src
        drawings.append(drawing.read_text(encoding="utf-8"))
    whole, ban, inline = drawings
    for title in ("Ban Phones in School", "Phones Distract", "Bans Are Hard to Enforce", "Phones Are Learning Tools", "Teachers Already Collect Phones"):
        assert title in whole, title
    assert "Teachers Already Collect Phones" not in ban and "Legend" not in ban
    assert "Homework Online" in inline and ">Nothing gets lost" not in inline


def test_figure_caption_alt_text_and_reference(built, snapshot):
    _, out, _ = built
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'alt="The phone debate: two arguments for a ban, two against"' in page
    assert re.search(r'<figure class="argmap[^"]*" id="ban-map">', page)
    assert re.search(r'<figcaption>\s*<p><span class="caption-text">The ban, <em>for and against</em></span>', page)
    assert re.search(r'<a class="reference internal" href="#ban-map"><span class="std std-ref">The ban, for and against</span></a>', page)
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(NAME.sub("argmap-<hash>.svg", "\n\n".join(argmap_markup(page))) + "\n", "index.argmap.html")


def test_the_same_maps_as_argmap_embed(built, tmp_path):
    """Blocks and directives with the same options draw the same files."""
    from argmap.embed.markdown import plan

    _, out, _ = built
    doc = tmp_path / "lesson.md"
    shutil.copytree(MAPS, tmp_path / "maps")
    doc.write_text(
        "```argmap file=maps/*.argmap\n```\n\n"
        '```argmap file=maps/daily-post.argmap file=maps/weekly-view.argmap focus="Ban Phones in School" depth=1 rankdir=LR no-legend\n```\n',
        encoding="utf-8",
    )
    planned = plan(doc, tmp_path / "out.md")
    names = {m.filename for m in planned.maps}
    assert len(names) == 2 and names <= {p.name for p in (out / "_images").iterdir()}


def test_errors_point_into_the_rst_file(tmp_path, snapshot):
    source = project(tmp_path, broken=True)
    status, out, warnings = build(source)
    assert status == 0, "errors in a map leave it out; `sphinx-build -W` makes them fatal"
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(warnings, "broken.warnings.txt")
    lines = BROKEN.splitlines()
    assert "broken.rst:8: ERROR: argmap: the title is not closed with '>'" in warnings
    assert lines[8 - 1].strip().startswith("+ <Fewer Lost Sheets")
    assert argmap_markup((out / "broken.html").read_text(encoding="utf-8")) == []
    assert len(argmap_markup((out / "index.html").read_text(encoding="utf-8"))) == 3


def test_rereads_when_a_map_file_changes_and_other_builders_show_the_alt_text(tmp_path):
    source = project(tmp_path)
    status, out, _ = build(source)
    assert status == 0
    before = set(NAME.findall((out / "index.html").read_text(encoding="utf-8")))
    weekly = source / "maps" / "weekly-view.argmap"
    weekly.write_text(weekly.read_text(encoding="utf-8").replace("Dictionaries, calculators", "Dictionaries, translators"), encoding="utf-8")
    status, out, _ = build(source)
    assert status == 0
    after = set(NAME.findall((out / "index.html").read_text(encoding="utf-8")))
    assert len(after - before) == 2, "both maps that read weekly-view.argmap are drawn again"
    assert "translators" in "".join((out / "_images" / f"argmap-{h}.svg").read_text(encoding="utf-8") for h in after - before)
    status, text_out, warnings = build(source, "text")
    assert status == 0 and warnings == ""
    page = (text_out / "index.txt").read_text(encoding="utf-8")
    assert "*The phone debate: two arguments for a ban, two against*" in page
