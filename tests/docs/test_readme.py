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
