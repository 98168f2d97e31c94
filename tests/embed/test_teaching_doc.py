"""docs/teaching.md: every command runs, and the page's images are what the commands draw.

Each command of the page's ```sh blocks runs in a fresh directory that has
the repository's examples/ and the files the page shows (a fence right after
``<!-- file: PATH -->``). A command writing ``-o slides/NAME.svg`` must draw
exactly ``docs/images/NAME.svg``; the Markdown that ``argmap embed`` writes
must be the block after ``<!-- output: PATH -->`` (hashes aside).

To refresh the images after a change to how maps are drawn:

    ARGMAP_REFRESH_DOCS=1 .venv/bin/pytest tests/embed/test_teaching_doc.py

then look at them and commit them. SVG coordinates depend on Graphviz's
version: with the version recorded in docs/images/graphviz-version.txt the
images must match byte for byte; with another one, everything but the
coordinates must match.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "teaching.md"
IMAGES = ROOT / "docs" / "images"
VERSION = IMAGES / "graphviz-version.txt"
REFRESH = os.environ.get("ARGMAP_REFRESH_DOCS") == "1"
REFRESH_HINT = "run `ARGMAP_REFRESH_DOCS=1 .venv/bin/pytest tests/embed/test_teaching_doc.py`, look at docs/images/ and commit"

FENCE = re.compile(r"^(`{3,}|~{3,})([^\n]*)\n(.*?)^\1[ \t]*$", re.S | re.M)
MARKED = re.compile(r"<!-- (file|output): (\S+) -->\n+(`{3,}|~{3,})[^\n]*\n(.*?)^\3[ \t]*$", re.S | re.M)
HASH = re.compile(r"argmap-[0-9a-f]{16}\.svg")
COORDINATES = re.compile(r'\b(points|d|transform|viewBox|x|y|x1|y1|x2|y2|cx|cy|rx|ry|width|height|font-size)="[^"]*"')

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")


def page() -> str:
    return DOC.read_text(encoding="utf-8")


def blocks() -> list[list[str]]:
    """The commands of each sh block: a block runs in order, in one directory."""
    return [[line for line in body.splitlines() if line.strip()] for _, info, body in FENCE.findall(page()) if info.strip() == "sh"]


def commands() -> list[str]:
    return [command for block in blocks() for command in block]


def shown(kind: str) -> dict[str, str]:
    return {path: body for marker, path, _, body in MARKED.findall(page()) if marker == kind}


def slide(command: str) -> str | None:
    """The docs/images name of what a command draws (-o slides/NAME.svg)."""
    words = shlex.split(command)
    if words[:2] != ["argmap", "render"]:
        return None
    written = words[words.index("-o") + 1]
    if written.endswith(".html"):
        return None  # a handout page: not shown as an image
    assert written.startswith("slides/") and written.endswith(".svg"), "render commands draw slides/NAME.svg"
    return Path(written).name


def graphviz_version() -> str:
    result = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=True)
    return (result.stderr or result.stdout).strip()


def compare(drawn: bytes, name: str) -> None:
    committed = IMAGES / name
    if REFRESH:
        IMAGES.mkdir(exist_ok=True)
        committed.write_bytes(drawn)
        VERSION.write_text(graphviz_version() + "\n", encoding="utf-8")
        return
    assert committed.is_file(), f"docs/images/{name} is missing: {REFRESH_HINT}"
    old = committed.read_bytes()
    if old == drawn:
        return
    same_graphviz = VERSION.is_file() and VERSION.read_text(encoding="utf-8").strip() == graphviz_version()
    assert not same_graphviz, f"docs/images/{name} is out of date: {REFRESH_HINT}"
    # another Graphviz lays out differently: compare everything but the coordinates
    assert COORDINATES.sub(r'\1="…"', old.decode("utf-8")) == COORDINATES.sub(r'\1="…"', drawn.decode("utf-8")), f"docs/images/{name} is out of date: {REFRESH_HINT}"


def test_the_page_has_commands_and_files():
    found = commands()
    assert all(c.startswith(("argmap ", "sphinx-build ", "mkdir ")) for c in found), "every line of a sh block is a command the test runs"
    text = " ".join(found)
    for needed in ("argmap check", "argmap render", "--focus", "--depth", "--rankdir LR", "--pcs", "--theme print", "--width", ".html", "argmap embed", "sphinx-build"):
        assert needed in text, needed
    assert {"lesson.md", "lesson-site/conf.py", "lesson-site/index.rst"} <= set(shown("file"))
    assert set(shown("output")) == {"handout/lesson.md"}


def test_every_image_of_the_page_is_drawn_by_a_command():
    drawn = {name for c in commands() if (name := slide(c))}
    linked = {Path(link).name for link in re.findall(r"\]\((images/[^)\s]+)", page())}
    assert linked == drawn, "the page shows what its commands draw, and nothing else"
    if not REFRESH:
        committed = {p.name for p in IMAGES.glob("*.svg")}
        assert committed == drawn, f"docs/images/ holds exactly the page's images: {REFRESH_HINT}"


@needs_dot
@pytest.mark.parametrize("block", blocks(), ids=lambda block: block[-1].split(" -o ")[-1].split()[-1])
def test_commands(block, tmp_path):
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    for path, body in shown("file").items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for command in block:
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        check_output(command, tmp_path)


def check_output(command: str, here: Path) -> None:
    """What a command wrote is what the page shows."""
    words = shlex.split(command)
    if (name := slide(command)) is not None:
        compare((here / words[words.index("-o") + 1]).read_bytes(), name)
    elif words[:2] == ["argmap", "embed"]:
        output = words[words.index("-o") + 1]
        written = (here / output).read_text(encoding="utf-8")
        assert HASH.sub("argmap-<hash>.svg", written) == HASH.sub("argmap-<hash>.svg", shown("output")[output]), "the page shows what embed writes"
        for link in re.findall(r"\]\(([^)\s]+)", written):
            assert (here / output).parent.joinpath(link).is_file(), link
    elif words[:2] == ["argmap", "render"]:
        page = (here / words[words.index("-o") + 1]).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") or "<html" in page[:200]
        assert "<svg" in page and "Talks May Be a Ruse" in page, "the handout has the map and the arguments"
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page, "its own script only, nothing fetched"
    elif words[0] == "sphinx-build":
        site = here / words[-1]
        html = (site / "index.html").read_text(encoding="utf-8")
        images = re.findall(r'<img src="([^"]+)" alt="([^"]+)" class="argmap"', html)
        assert images, "the page has maps"
        for src, _ in images:
            assert (site / src).is_file(), src
        assert "Putin May Be Warming to a Settlement" in (site / images[0][0]).read_text(encoding="utf-8")


def test_out_of_date_images_fail(tmp_path, monkeypatch):
    """The check itself: same Graphviz → bytes; another Graphviz → all but coordinates."""
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "IMAGES", tmp_path)
    monkeypatch.setattr(module, "VERSION", tmp_path / "graphviz-version.txt")
    monkeypatch.setattr(module, "REFRESH", False)
    monkeypatch.setattr(module, "graphviz_version", lambda: "dot - graphviz version 2.43.0 (0)")
    committed = b'<svg width="10pt"><text x="1" y="2">Old title</text></svg>'
    (tmp_path / "a.svg").write_bytes(committed)
    (tmp_path / "graphviz-version.txt").write_text("dot - graphviz version 2.43.0 (0)\n", encoding="utf-8")
    compare(committed, "a.svg")
    with pytest.raises(AssertionError, match="out of date"):
        compare(committed.replace(b'x="1"', b'x="3"'), "a.svg")
    (tmp_path / "graphviz-version.txt").write_text("dot - graphviz version 9.0.0 (0)\n", encoding="utf-8")
    compare(committed.replace(b'x="1"', b'x="3"'), "a.svg")
    with pytest.raises(AssertionError, match="out of date"):
        compare(committed.replace(b"Old title", b"New title"), "a.svg")
    with pytest.raises(AssertionError, match="missing"):
        compare(committed, "b.svg")
