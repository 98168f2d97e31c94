"""The README's markup tour is a real, checkable file."""

import re
import shutil
from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ukraine-talks"


def test_the_tour_checks_without_errors_against_the_example_articles(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (tour,) = re.findall(r"```argmap\n(.*?)```", readme, re.S)
    shutil.copy(EXAMPLE / "positions.yaml", tmp_path)
    shutil.copytree(EXAMPLE / "articles", tmp_path / "articles")
    path = tmp_path / "tour.argmap"
    path.write_text(tour, encoding="utf-8")
    argument_map = argmap.load(path)
    assert not argmap.has_errors(argmap.check(argument_map))
    assert len(argument_map.positions) == 3
    assert argument_map.statements["Putin Is Stalling"].quotes


def test_the_first_picture_is_the_overview_and_reads_at_readme_width(argmap_cli, tmp_path):
    """Issue 15: README's first image, shown 900 px wide, has no text under 9 px; it is the
    overview as `make map` draws it now (not a stale copy)."""
    import xml.etree.ElementTree as ET

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"!\[[^\]]*\]\(([^)]+)\)", readme).group(1)
    assert first == "examples/ukraine-talks/overview.svg"
    committed = (ROOT / first).read_bytes()
    files = sorted(str(p) for p in EXAMPLE.glob("*.argmap"))
    assert argmap_cli("render", *files, "--overview", "-o", tmp_path / "overview.svg").exit_code == 0
    assert (tmp_path / "overview.svg").read_bytes() == committed, "run `make map` to draw the example again"
    root = ET.fromstring(committed)
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    sizes = [float(t.get("font-size")) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert min(sizes) * 900 / width >= 9
    assert 0.5 <= width / height <= 2
