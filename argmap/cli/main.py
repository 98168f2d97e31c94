"""The `argmap` command: a thin click group over the library.

Each command lives with its neighbours in a small module (checking, drawing,
drafting, authoring) and imports its stage only when it runs, so that
`argmap --help` and `argmap check` start without drawing or extraction code.

Exit status: 0 success, 1 errors in the input (or warnings with --strict),
2 usage errors (click's own), 3 a failing tool (Graphviz's dot).
"""

from __future__ import annotations

import gc
import os
import sys

import click

from . import analysing, authoring, checking, drafting, drawing, interchanging, serving
from .common import EXIT_INPUT, keep_maps_until_exit


class _Commands(click.Group):
    """Every command reports our errors the same way: a diagnostic and exit status 1."""

    def invoke(self, ctx: click.Context):
        from ..core.diagnostics import format_all
        from ..core.errors import ArgmapError

        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            click.echo(format_all([error.diagnostic()]), err=True)
            ctx.exit(EXIT_INPUT)
        except BrokenPipeError:  # `argmap export … | head` stopped reading: nothing more to say
            ctx.exit(EXIT_INPUT)
        except OSError as error:  # a full disk or a full stdout (`> /dev/full`), where an output is written
            problem = ArgmapError("cannot-write", hint="free some space, or write elsewhere with -o", file=error.filename or "<stdout>", reason=error.strerror or str(error))
            try:
                click.echo(format_all([problem.diagnostic()]), err=True)
            except OSError:
                pass
            ctx.exit(EXIT_INPUT)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="argmap")
def main() -> None:
    """Map a public debate from Argdown-flavoured argument files."""
    # One short run: reference counting frees what argmap drops, and the cyclic
    # collector would only rescan the parsed map over and over (a third of the
    # time at 20 000 statements, growing faster than the file).
    gc.disable()


for _command in (
    checking.check, checking.export, interchanging.import_aif, drawing.render, checking.stats, analysing.evaluate,
    drafting.extract, drafting.suggest_merges, authoring.embed, drawing.watch, authoring.fmt,
    serving.lsp,
):
    main.add_command(_command)


def run() -> None:
    """The `argmap` command (and `python -m argmap`): main(), then a quick exit.

    A large map is hundreds of thousands of small objects. Freeing them one
    by one as the interpreter shuts down took 5% of a whole run at 20 000
    statements, and the operating system takes the memory back at once
    anyway; so once the output is flushed, the process ends without that
    teardown. Tests and library users call main() and keep the usual exit.
    """
    keep_maps_until_exit()
    try:
        main(prog_name="argmap")
        status = 0
    except SystemExit as exit:
        status = _exit_status(exit.code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # e.g. `argmap export … | head` closed the pipe: nothing more to say
        pass
    os._exit(status)


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # as Python does for sys.exit("message")
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
