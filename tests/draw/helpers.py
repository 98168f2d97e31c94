"""Shared fixtures' paths and small helpers for the render tests."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from argmap.merge.combine import load
from argmap.core.model import ArgumentMap

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
TALKS = sorted((FIXTURES / "talks").glob("*.argmap"))
HOSTILE = FIXTURES / "hostile.argmap"
SNAPSHOTS = HERE / "snapshots"
ROOT = HERE.parent.parent
EXAMPLES = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (make test installs it)")


@lru_cache(maxsize=None)
def talks() -> ArgumentMap:
    return load(TALKS)


@lru_cache(maxsize=None)
def hostile() -> ArgumentMap:
    return load([HOSTILE])
