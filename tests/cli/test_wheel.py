"""The grammar ships inside the wheel: build it, install it in a fresh venv, parse there."""

import subprocess
import sys
import venv
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contains_grammar_and_parses(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("argmap-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "argmap/parse/grammar/argmap.lark" in names
    assert "argmap/extract/lexicon/ukraine-war.yaml" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # dependencies come from this environment's site-packages, the wheel from dist
    site = [p for p in sys.path if p.endswith("site-packages")][0]
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True)
    sample = tmp_path / "sample.argmap"
    sample.write_text("[A]: A statement.\n  + [B]: Support.\n", encoding="utf-8")
    result = subprocess.run(
        [str(python), "-c", f"import sys; sys.path.append({site!r}); from argmap.cli.main import main; main()", "check", str(sample)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 file: 2 statements")
    # and the module really came from the wheel, not from the checkout
    where = subprocess.run(
        [str(python), "-c", f"import sys; sys.path.append({site!r}); import argmap; print(argmap.__file__)"],
        capture_output=True, text=True, cwd=tmp_path,
    ).stdout
    assert str(env_dir) in where
