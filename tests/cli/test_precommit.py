"""The pre-commit hooks (.pre-commit-hooks.yaml), tried as a user tries them: `pre-commit try-repo`.

pre-commit installs the hook repository with pip into an environment of its
own, from the package index pip is configured with (on this project's
machines, a local one: no network needed). The hook repository is a Git
copy of this working tree, so that the hooks and code being tested are the
ones on disk, committed or not.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TALKS = ROOT / "examples" / "ukraine-talks"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env={**os.environ, **GIT_ENV}).stdout


def _hook_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "argmap"
    for name in _git("ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT).split("\0"):
        source = ROOT / name
        if name and source.is_file() and not name.startswith(("build/", ".venv/")):
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", ".", cwd=repo)
    _git("commit", "-q", "-m", "argmap", cwd=repo)
    return repo


def _try_repo(hooks: Path, work: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "--all-files"], cwd=work, capture_output=True, text=True, env=env)


def test_the_hooks_pass_on_the_example_and_catch_problems(tmp_path):
    hooks = _hook_repository(tmp_path)
    work = tmp_path / "debate"
    shutil.copytree(TALKS, work)
    _git("init", "-q", cwd=work)
    _git("add", ".", cwd=work)

    passed = _try_repo(hooks, work, tmp_path / "cache")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    for name in ("argmap check", "argmap fmt --check", "argmap fmt"):
        assert any(line.startswith(name + ".") and line.endswith("Passed") for line in passed.stdout.splitlines()), passed.stdout

    (work / "untidy.argmap").write_text("[Alone]:   A claim no one relates.\n", encoding="utf-8")
    _git("add", "untidy.argmap", cwd=work)
    failed = _try_repo(hooks, work, tmp_path / "cache")
    assert failed.returncode == 1
    out = failed.stdout
    assert "- hook id: argmap-check" in out and "untidy.argmap:1:1: warning: [Alone] has no relation" in out  # --strict: warnings fail
    assert "- hook id: argmap-fmt\n" in out and "-[Alone]:   A claim no one relates.\n+[Alone]: A claim no one relates." in out
    assert "- hook id: argmap-fmt-fix\n- files were modified by this hook" in out
    assert (work / "untidy.argmap").read_text(encoding="utf-8") == "[Alone]: A claim no one relates.\n"
