"""README.md's section "In Python, notebooks, MkDocs and pre-commit": each snippet does what it says."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## In Python, notebooks, MkDocs and pre-commit\n")[1].split("\n## ")[0]


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", SECTION, flags=re.S | re.M)


def test_the_python_example_draws_the_map(tmp_path):
    shutil.copytree(ROOT / "examples" / "ukraine-talks", tmp_path, dirs_exist_ok=True)
    (code,) = blocks("python")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "Putin Is Stalling" in svg


def test_the_configurations_name_what_exists():
    mkdocs, precommit = (yaml.safe_load(block) for block in blocks("yaml"))
    from argmap.markdown import ArgmapExtension

    (extension,) = mkdocs["markdown_extensions"]
    assert set(extension["argmap.markdown"]) <= set(ArgmapExtension().config)
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {hook["id"] for hook in precommit["repos"][0]["hooks"]} <= hooks == {"argmap-check", "argmap-fmt", "argmap-fmt-fix"}


def test_the_bash_completion_line_sets_up_completion():
    bash_line = blocks("sh")[0].splitlines()[0].split("  #")[0].strip()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", f"{bash_line}\ncomplete -p argmap"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "_argmap_completion" in result.stdout
