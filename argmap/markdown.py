"""The Python-Markdown extension's public name: ``extensions=["argmap.markdown"]``.

The extension itself lives in the embedding stage (``argmap.embed.python_markdown``);
it needs the ``markdown`` package (``pip install 'argmap[markdown]'``).
"""

from __future__ import annotations

try:
    from .embed.python_markdown import ArgmapExtension, makeExtension
except ModuleNotFoundError as missing:  # said in the words of the install, not of the import
    if (missing.name or "").split(".")[0] != "markdown":
        raise
    raise ModuleNotFoundError("argmap.markdown needs the markdown package: pip install 'argmap[markdown]'", name="markdown") from None

__all__ = ["ArgmapExtension", "makeExtension"]
