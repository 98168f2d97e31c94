"""A Sphinx extension: the ``.. argmap::`` directive draws an argument map.

In ``conf.py``::

    extensions = ["argmap.sphinx"]

In a document::

    .. argmap::
       :file: maps/*.argmap
       :focus: Putin Is Stalling
       :depth: 1
       :caption: Who says Putin is stalling, and who disagrees

The map is written in the directive's content, named with ``:file:``
(whitespace-separated paths or globs, relative to the document, or to the
source directory when they start with ``/``), or both. The other options are
those of ``argmap render`` and of fenced blocks in ``argmap embed``
(:mod:`argmap.embed`): ``focus``, ``depth``, ``group-by``, ``position``,
``source``, ``pcs``, ``labels``, ``wrap``, ``rankdir``, ``no-legend``,
``theme``, ``width``, plus
``alt`` and ``caption`` (which makes a figure) and ``name`` (a reference
target).

Maps are checked when the document is read: errors are reported like other
Sphinx errors (``doc.rst:LINE: ERROR: …``, with lines of inline markup counted
in the ``.rst`` file) and the map is left out; warnings about the map are
Sphinx warnings of type ``argmap`` (``suppress_warnings = ["argmap"]`` hides
them). HTML builders write ``_images/argmap-<hash>.svg`` (content-addressed,
drawn once) and show it as an image linked to the SVG itself, where its
tooltips and source links work; other builders show the alternative text.
Sphinx re-reads a document when a file named by ``:file:`` changes.

Configuration: ``argmap_timeout`` (seconds for Graphviz's dot per map, default 60).
"""

from __future__ import annotations

import glob
import html
import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..core.model import Diagnostic, Severity, Span
from ..core.output import write_atomic
from .options import options, parse_value
from .prepare import Inline, MapRequest, PreparedMap, prepare

logger = logging.getLogger(__name__)


class argmap_image(nodes.General, nodes.Inline, nodes.Element):
    """A drawn map: holds the prepared map until an HTML writer draws it."""


def _raw(argument: str | None) -> str | None:
    """Options are checked by argmap.embed, so that blocks and directives say the same."""
    return argument


def _option_spec() -> dict[str, Any]:
    spec: dict[str, Any] = {name: _raw for name in options()}
    spec.update({f"no-{name}": directives.flag for name, o in options().items() if o.kind == "flag"})
    spec["name"] = directives.unchanged
    return spec


class ArgmapDirective(SphinxDirective):
    """``.. argmap::`` with inline markup and/or ``:file:``, and render options."""

    has_content = True
    required_arguments = 0
    optional_arguments = 0
    option_spec = _option_spec()

    def run(self) -> list[nodes.Node]:
        source, line = self.get_source_info()
        source = source or self.env.doc2path(self.env.docname)
        where = Span(str(source), line or self.lineno, 1, line or self.lineno, 1)
        problems: list[Diagnostic] = []
        values: dict[str, object] = {}
        files: list[str] = []
        known = options()
        for name, raw in self.options.items():
            if name == "name":
                continue
            option_name, value = (name[3:], "false") if name.startswith("no-") else (name, raw)
            option = known[option_name]
            try:
                parsed = parse_value(option, value)
            except ValueError as exc:
                problems.append(Diagnostic(Severity.ERROR, f"option :{option_name}: {value!r}: {exc}", where))
                continue
            if option_name == "file":
                for pattern in str(parsed).split():
                    matched = self._files(pattern)
                    if not matched:
                        problems.append(Diagnostic(Severity.ERROR, f":file: {pattern!r} names no file (paths are relative to the document)", where))
                    files.extend(m for m in matched if m not in files)
            else:
                values[option_name] = parsed
        if problems:
            return self._report(problems)
        inline = None
        if self.content:
            inline = Inline("\n".join(self.content) + "\n", str(source), self.content_offset + 1)
        prepared, diagnostics = prepare(MapRequest(tuple(files), inline, values, where))
        for path in files:
            self.env.note_dependency(path)
        reported = self._report(diagnostics)
        if prepared is None:
            return reported
        image = argmap_image("", prepared=prepared)
        image["alt"] = prepared.alt
        if prepared.caption is None:
            self.add_name(image)
            return [image, *reported]
        figure = nodes.figure("", image, classes=["argmap"])
        caption_nodes, messages = self.parse_inline(prepared.caption, lineno=self.lineno)
        figure += nodes.caption(prepared.caption, "", *caption_nodes)
        self.add_name(figure)
        return [figure, *messages, *reported]

    def _files(self, pattern: str) -> list[str]:
        _, full = self.env.relfn2path(pattern, self.env.docname)
        full = str(full)
        if glob.has_magic(pattern):
            return sorted(p for p in glob.glob(full) if Path(p).is_file())
        return [full] if Path(full).is_file() else []

    def _report(self, diagnostics: list[Diagnostic]) -> list[nodes.Node]:
        """Errors as docutils system messages (Sphinx logs them); warnings as Sphinx warnings."""
        source = self.get_source_info()[0]
        out: list[nodes.Node] = []
        for diagnostic in diagnostics:
            span = diagnostic.span
            text = diagnostic.message + (f" (hint: {diagnostic.hint})" if diagnostic.hint else "")
            if span is not None and span.path == str(source):
                line = span.line
            else:
                line = self.lineno
                if span is not None:
                    text = f"{span}: {text}"
            if diagnostic.severity is Severity.ERROR:
                out.append(self.state.document.reporter.error(f"argmap: {text}", line=line))
            else:
                logger.warning("argmap: %s", text, location=(self.env.docname, line), type="argmap", subtype=diagnostic.code or "map")
        return out


def visit_argmap_html(self: Any, node: argmap_image) -> None:
    """Draw the map into ``_images/`` (once per content hash) and link it as an image."""
    prepared: PreparedMap = node["prepared"]
    builder = self.builder
    folder = Path(builder.outdir) / builder.imagedir
    target = folder / prepared.filename
    if not target.is_file():
        from ..core.errors import ArgmapError

        try:
            data = prepared.svg(builder.config.argmap_timeout)
        except ArgmapError as error:
            logger.warning("argmap: %s", error.text, location=node, type="argmap", subtype="graphviz")
            self.body.append(f'<span class="argmap-missing">{html.escape(prepared.alt)}</span>')
            raise nodes.SkipNode from None
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    src = html.escape(posixpath.join(builder.imgpath, prepared.filename), quote=True)
    alt = html.escape(node["alt"], quote=True)
    ids = f' id="{html.escape(node["ids"][0], quote=True)}"' if node.get("ids") else ""
    self.body.append(f'<a class="reference internal image-reference argmap" href="{src}"{ids}><img src="{src}" alt="{alt}" class="argmap" /></a>')
    raise nodes.SkipNode


def _alt_text_elsewhere(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Builders other than HTML cannot show SVG here: the alternative text instead."""
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(argmap_image)):
        node.replace_self(nodes.paragraph("", "", nodes.emphasis(node["alt"], node["alt"])))


def setup(app: Sphinx) -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    app.add_config_value("argmap_timeout", 60.0, "env")
    app.add_node(argmap_image, html=(visit_argmap_html, None))
    app.add_directive("argmap", ArgmapDirective)
    app.connect("doctree-resolved", _alt_text_elsewhere)
    try:
        own = version("argmap")
    except PackageNotFoundError:  # pragma: no cover
        own = "0"
    return {"version": own, "parallel_read_safe": True, "parallel_write_safe": True}
