"""A Python-Markdown extension: ```` ```argmap ```` fenced blocks become maps.

Used as ``markdown.markdown(text, extensions=["argmap.markdown"])``, or in
MkDocs' ``mkdocs.yml``::

    markdown_extensions:
      - argmap.markdown:
          base_dir: docs

A block is written as for ``argmap embed`` (:mod:`argmap.embed.markdown`):
markup in the block, ``file=`` naming ``.argmap`` files (relative to
``base_dir``), or both, and the options of ``argmap render`` and of the
Sphinx directive in the info string (:mod:`argmap.embed.options`); the
blocks are found, read and checked by the same code (:mod:`argmap.embed.blocks`,
:func:`argmap.embed.prepare.prepare`).

By default the drawing is put in the page as inline SVG, in a
``<figure class="argmap">`` with the caption, if any. With ``images`` set to
a folder, each drawing is written there instead, as ``argmap-<hash>.svg``
(content-addressed: drawn once), and the page gets an ``<img>`` whose
``src`` is ``image_url`` (default: the folder's name) joined with the name.

A block with errors becomes a ``<div class="argmap-error">`` that lists
each problem with its place in the Markdown (``page.md:LINE:COL: error: …``)
and its hint; the extension also logs each problem on the ``argmap``
logger (errors as errors, warnings as warnings; in MkDocs on ``mkdocs.argmap``,
so that ``mkdocs build --strict`` fails on them). ``name``
is the page's name in those places (Python-Markdown does not know the file).
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import sys
from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from ..core.errors import ArgmapError
from ..core.model import Diagnostic, Severity, Span
from ..core.output import write_atomic
from .blocks import find_blocks, parse_info, read_options
from .prepare import Inline, MapRequest, PreparedMap, prepare



def _logger() -> logging.Logger:
    """``argmap``; ``mkdocs.argmap`` in an MkDocs build, whose counting of warnings and errors
    (``mkdocs build --strict`` fails on them) sees only the ``mkdocs`` loggers."""
    return logging.getLogger("mkdocs.argmap" if "mkdocs" in sys.modules else "argmap")

# After Python-Markdown's whitespace normalising (30), before its fenced code blocks (25).
PRIORITY = 28
_IDS = re.compile(r'(id="|aria-labelledby="|aria-describedby=")(argmap-(?:title|desc))"')


class ArgmapExtension(Extension):
    """``argmap`` fenced blocks drawn as maps (options: ``base_dir``, ``images``, ``image_url``, ``name``, ``timeout``)."""

    def __init__(self, **kwargs):
        self.config = {
            "base_dir": [".", "the folder file= paths are relative to"],
            "images": ["", "write each drawing as an SVG file into this folder and link it, instead of inline SVG"],
            "image_url": ["", "the URL of the images folder as the page sees it (default: the folder's name)"],
            "name": ["<markdown>", "the page's name in error messages"],
            "timeout": [60.0, "seconds Graphviz may take per map"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        md.preprocessors.register(ArgmapBlocks(md, self.getConfigs()), "argmap", PRIORITY)


class ArgmapBlocks(Preprocessor):
    """Replaces each ``argmap`` block by its drawing (or its errors), kept out of Markdown's way in the HTML stash."""

    def __init__(self, md, config: dict):
        super().__init__(md)
        self.config = config

    def run(self, lines: list[str]) -> list[str]:
        name = str(self.config["name"])
        blocks, problems = find_blocks("\n".join(lines), name)
        for diagnostic in problems:  # an unclosed fence: the rest of the page is left as it is
            _log(diagnostic)
        out: list[str] = []
        done = 0
        for block in blocks:
            out.extend(lines[done : block.line - 1])
            out.extend(["", self.md.htmlStash.store(self._html(block, name)), ""])
            done = block.end_line
        out.extend(lines[done:])
        return out

    def _html(self, block, name: str) -> str:
        where = Span(name, block.line, block.info_column, block.line, block.info_column)
        written, problems = parse_info(block, name)
        files, values, spans, more = read_options(written, Path(str(self.config["base_dir"])), where)
        problems += more
        if problems:
            return _errors(problems)
        inline = Inline("\n".join(block.lines) + "\n", name, block.line + 1, block.shifts) if any(line.strip() for line in block.lines) else None
        prepared, diagnostics = prepare(MapRequest(files, inline, values, where, spans))
        if prepared is None:
            return _errors(diagnostics)
        for diagnostic in diagnostics:
            _log(diagnostic)
        try:
            return self._drawing(prepared)
        except ArgmapError as exc:  # Graphviz missing, failing or too slow
            return _errors([exc.diagnostic()])

    def _drawing(self, prepared: PreparedMap) -> str:
        caption = f"<figcaption>{html.escape(prepared.caption)}</figcaption>" if prepared.caption else ""
        images = str(self.config["images"])
        if images:
            target = Path(images) / prepared.filename
            if not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, prepared.svg(float(self.config["timeout"])))
            url = posixpath.join(str(self.config["image_url"]) or Path(images).name, prepared.filename)
            picture = f'<img src="{html.escape(url, quote=True)}" alt="{html.escape(prepared.alt, quote=True)}">'
        else:
            picture = inline_svg(prepared.svg(float(self.config["timeout"])), prepared.digest)
        return f'<figure class="argmap">\n{picture}\n{caption}</figure>'


def inline_svg(svg: bytes, digest: str) -> str:
    """The finished SVG as an HTML element: no XML declaration, and the ids of its
    title and description made unique on a page of several maps."""
    text = svg.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :]
    return _IDS.sub(lambda m: f'{m.group(1)}{m.group(2)}-{digest}"', text.strip())


def _errors(diagnostics: list[Diagnostic]) -> str:
    """The block's problems where the map would be, each with its place and hint; logged too."""
    items = []
    first = sorted(diagnostics, key=lambda d: (d.severity is not Severity.ERROR, (d.span.line, d.span.column) if d.span else (0, 0)))
    for diagnostic in first:  # what stopped the map first, then warnings
        _log(diagnostic)
        place = f"{diagnostic.span.path}:{diagnostic.span.line}:{diagnostic.span.column}: " if diagnostic.span else ""
        hint = f"\nhint: {diagnostic.hint}" if diagnostic.hint else ""
        items.append(html.escape(f"{place}{diagnostic.severity.value}: {diagnostic.message}{hint}"))
    return '<div class="argmap-error">\n<pre>' + "\n".join(items) + "</pre>\n</div>"


def _log(diagnostic: Diagnostic) -> None:
    place = f"{diagnostic.span.path}:{diagnostic.span.line}:{diagnostic.span.column}: " if diagnostic.span else ""
    level = logging.ERROR if diagnostic.severity is Severity.ERROR else logging.WARNING
    _logger().log(level, "argmap: %s%s", place, diagnostic.message)


def makeExtension(**kwargs) -> ArgmapExtension:
    """Python-Markdown's entry point: ``extensions=["argmap.markdown"]``."""
    return ArgmapExtension(**kwargs)
