"""docs/extract.md: every command runs, the draft shown is the real one, the cue table matches the code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.extract.cues import CUES, INTRO_PENALTY, SHORT_PENALTY, TOPIC_WEIGHT

from ..conftest import ROOT

DOC = ROOT / "docs" / "extract.md"
SNAPSHOT = Path(__file__).parent / "snapshots" / "small-article.draft.argmap"


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)


def test_every_command_runs(tmp_path):
    """The sh blocks, run in order as a user would, from a copy-free view of the repository."""
    for name in ("examples", "bench", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    commands = blocks("sh")
    assert len(commands) >= 5
    for block in commands:
        if "page.html" in block:
            pytest.importorskip("trafilatura")
        run = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8")
        assert run.returncode == 0, f"{block}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    assert (tmp_path / "draft.argmap").exists() and (tmp_path / "nournews.txt").exists()


def test_the_draft_shown_is_the_snapshot():
    shown = blocks("argmap")[0].strip().splitlines()
    snapshot = SNAPSHOT.read_text(encoding="utf-8")
    assert "\n".join(shown) in snapshot


def test_cue_table_matches_the_code():
    text = DOC.read_text(encoding="utf-8")
    for family in CUES:
        assert re.search(rf"^\| {re.escape(family.name)} \| \+{family.weight:g} \|", text, re.M), family.name
    assert f"| debate term | +{TOPIC_WEIGHT:g} |" in text
    assert f"| short sentence | −{-SHORT_PENALTY:g} |" in text
    assert f"| introduces what follows | −{-INTRO_PENALTY:g} |" in text
