import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def transcript(self) -> str:
        """What a user sees, in a stable form for snapshots."""
        return f"$ exit {self.exit_code}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


@pytest.fixture
def argmap_cli():
    """Run the argmap CLI in-process; returns exit code, stdout and stderr."""

    def run(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
        runner = CliRunner()
        old = Path.cwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            result = runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
        finally:
            os.chdir(old)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run
