"""`argmap lsp`: the language server for text editors, on standard input and output.

The server needs the optional extra ``argmap[lsp]`` (pygls and lsprotocol);
without it the command says how to install it and exits 3, as for a missing
Graphviz. Nothing is imported until the command runs.
"""

from __future__ import annotations

import click

from .common import EXIT_TOOL, fail


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default; editors often pass it).")
def lsp(stdio: bool) -> None:
    """Run the language server (LSP) for editors: diagnostics, go to definition,
    references, hover, completion, rename, outline and formatting over every
    argument file of the workspace.

    Editors start it themselves; see docs/editors.md. Needs pygls:
    pip install 'argmap[lsp]'.
    """
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        from ..core.errors import ArgmapError

        fail(ArgmapError("lsp-needs-pygls", hint="install the extra: pip install 'argmap[lsp]'"), EXIT_TOOL)
    import gc
    import os
    import sys

    from ..lsp.server import main

    gc.enable()  # the group pauses the collector for a short run; a server runs for hours
    status = main()
    # pygls has closed standard output on `exit`: end here, before anything flushes it again
    sys.stderr.flush()
    os._exit(status)
