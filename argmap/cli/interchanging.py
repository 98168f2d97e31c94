"""`argmap import`: an argument map from the argumentation research tools
(AIF JSON as AIFdb exports it, xAIF, OVA's JSON) as an ordinary `.argmap`
file. Its other direction is `argmap export --format aif` (checking.py).
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the .argmap file here (atomically) instead of stdout.")
def import_aif(file: Path, output: Path | None) -> None:
    """Read an AIF, xAIF or OVA JSON file (an AIFdb nodeset, say) and write it as an .argmap file.

    I-nodes become statements, RA nodes supports or premise–conclusion
    structures, CA nodes attacks, MA nodes rephrasings of one statement; who
    said what is kept as data (docs/aif.md). What is left out is reported as
    warnings. Exit status: 1 when the file is not AIF.
    """
    from ..core.diagnostics import format_all
    from ..core.errors import ArgmapError
    from ..core.output import write_atomic
    from ..extract.titles import make_title
    from ..fmt.formatter import format_text
    from ..interchange.aif_markup import import_graph
    from ..interchange.aif_read import read_file

    if output is not None and output.resolve() == file.resolve():
        raise ArgmapError("aif-output-exists", hint="name another file with -o", file=str(output))
    warnings: list = []
    markup = import_graph(read_file(file, warnings), make_title, warnings)
    markup = format_text(markup, str(output or "<stdout>"))
    if warnings:
        click.echo(format_all(warnings), err=True)
    if output is None:
        click.echo(markup, nl=False)
    else:
        write_atomic(output, markup)
