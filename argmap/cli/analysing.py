"""`argmap evaluate`: which claims of the merged map stand, under argumentation
semantics, and why. The analysis stage is imported when the command runs."""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_TOOL, FILES, cannot_write, fail, load_checked


@click.command()
@FILES
@click.option("--semantics", type=click.Choice(["grounded", "preferred", "stable", "all"]), default="grounded", show_default=True, help="grounded: one labelling, IN / OUT / UNDEC (no solver needed); preferred, stable or all: list the extensions too (needs clingo: pip install 'argmap[evaluate]').")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="text for people: the positions' table and why each label; json for programs.")
@click.option("--max-extensions", type=click.IntRange(min=1), default=100, show_default=True, metavar="N", help="List at most N extensions per semantics; past that the output says the list is cut short.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
def evaluate(files: tuple[Path, ...], semantics: str, fmt: str, max_extensions: int, output: Path | None) -> None:
    """Which claims stand, given all the attacks: grounded labels (IN, OUT, UNDEC) with
    the reason for each, each position's claims by label, and preferred and
    stable extensions (Dung's argumentation semantics; docs/evaluation.md).

    Exit status: 1 errors in the input, 2 usage, 3 clingo missing (preferred, stable).
    """
    from ..analyse.evaluation import evaluate as evaluate_map
    from ..analyse.evaluation_report import to_json, to_text
    from ..core.errors import ToolError

    argument_map, _ = load_checked(files)
    try:
        evaluation = evaluate_map(argument_map, semantics, max_extensions)
    except ToolError as error:
        fail(error, EXIT_TOOL)
    text = to_json(evaluation) if fmt == "json" else to_text(evaluation)
    if evaluation.truncated:
        cut = " and ".join(evaluation.truncated)
        click.echo(f"argmap: more than {max_extensions} {cut} extensions; listed the first {max_extensions} (raise --max-extensions to see more)", err=True)
    if output is None:
        click.echo(text, nl=False)
        return
    from ..core.output import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"), inputs=files)
    except OSError as error:
        cannot_write(output, error)
