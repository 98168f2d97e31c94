"""The wheel installs anywhere: `python -m build`, `twine check`, then a fresh venv with
`pip install <wheel>` (its dependencies from the configured index), used from outside the checkout."""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TALKS = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "-o", str(out), str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def python(dist, tmp_path_factory) -> Path:
    """A fresh venv's python with only the wheel and what it depends on."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    (wheel,) = dist.glob("argmap-*.whl")
    installed = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    return python


def test_the_wheel_holds_its_data_and_passes_twine_check(dist):
    (wheel,) = dist.glob("argmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"argmap/parse/grammar/argmap.lark", "argmap/extract/lexicon/ukraine-war.yaml", "argmap/py.typed", "argmap/markdown.py", "argmap/sphinx.py"} <= names
    assert {"argmap/publish/assets/page.js", "argmap/publish/assets/panzoom.js", "argmap/publish/assets/details.js", "argmap/publish/assets/page.css"} <= names, "the interactive page's script and style"
    checked = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2  # the wheel and the sdist


def test_the_cli_works_outside_the_checkout(python, tmp_path):
    sample = tmp_path / "sample.argmap"
    sample.write_text("[A]: A statement.\n  + [B]: Support.\n", encoding="utf-8")
    argmap = python.parent / "argmap"
    result = subprocess.run([str(argmap), "check", str(sample)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 file: 2 statements")
    where = subprocess.run([str(python), "-c", "import argmap; print(argmap.__file__)"], capture_output=True, text=True, cwd=tmp_path).stdout
    assert where.startswith(str(python.parent.parent)), "argmap came from the checkout, not from the wheel"


def test_the_library_draws_a_map(python, tmp_path):
    code = f"import argmap; m = argmap.load({[str(p) for p in TALKS]!r}); open('m.svg', 'wb').write(m.render(format='svg'))"
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "Putin Is Stalling" in svg


def test_the_core_install_is_lean_and_suggest_merges_works(python, tmp_path):
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True, check=True).stdout.lower()
    for heavy in ("scikit-learn", "scipy", "numpy"):
        assert f"{heavy}==" not in listed
    ranked = subprocess.run([str(python.parent / "argmap"), "suggest-merges", "--top", "1", *map(str, TALKS)], capture_output=True, text=True, cwd=tmp_path)
    assert ranked.returncode == 0, ranked.stderr
    assert ranked.stdout.startswith("  1. 0.40  [Russia's Grip Has Hardened] (brussels-morning)")


def test_the_markdown_extension_names_its_extra_when_markdown_is_missing(python, tmp_path):
    result = subprocess.run([str(python), "-c", "import argmap.markdown"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "pip install 'argmap[markdown]'" in result.stderr
