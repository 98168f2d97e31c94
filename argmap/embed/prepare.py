"""One map of a block or directive: read, merged, checked, laid out as a graph and named.

Names are content-addressed: ``argmap-<hash>.svg``, the hash of the DOT text
handed to Graphviz and of how its SVG is finished (``width=``, the title and
description for screen readers), which is all the SVG depends on: the
markup, the files it reads (positions files included) and the options. So
the same document gives the same files, a map whose drawing has not changed
is not drawn again, and an edit that changes nothing drawn (a comment, blank
lines) keeps the name.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field

from ..build.document import parse_document
from ..checks import checker as checks
from ..core.errors import ArgmapError, error
from ..core.model import Diagnostic, Document, Severity, Span
from ..draw.graph import build_graph
from ..draw.graph_types import ClusterKind, Graph, NodeKind
from ..draw.options import ViewOptions
from ..draw.overview import Overview
from ..merge.combine import merge, read_document
from .options import view_options

ASSET_PREFIX = "argmap-"
DIGEST_SALT = b"argmap embed 2\n"  # bump to rename every drawing (e.g. if the SVG post-processing changes)
ALT_TITLES = 5  # the default alt text names this many elements


@dataclass(frozen=True, slots=True)
class Inline:
    """Markup written in the block itself, and where it sits in its file."""

    text: str
    path: str  # the file it is written in: relative paths in its front matter start there
    first_line: int  # the file's line number of the markup's line 1
    column_shifts: tuple[int, ...] = ()  # per markup line: characters removed before it (the fence's indentation)


@dataclass(frozen=True, slots=True)
class MapRequest:
    """What one block or directive asks for."""

    files: tuple[str, ...]  # resolved .argmap paths
    inline: Inline | None
    values: dict[str, object]  # parsed option values by option name (not file)
    where: Span  # the block's info string or the directive, for errors about the whole map
    option_spans: dict[str, Span] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PreparedMap:
    """A map checked and laid out as a graph, ready to draw."""

    graph: Graph
    dot: bytes
    digest: str
    alt: str
    caption: str | None
    theme: str | None = None
    width: int | None = None
    overview: Overview | None = None  # overview=: drawn instead of the graph (which then only names it)

    @property
    def filename(self) -> str:
        return f"{ASSET_PREFIX}{self.digest}.svg"

    def svg(self, timeout: float = 60.0) -> bytes:
        """Graphviz's drawing of the DOT already written (the map's or the overview's), finished for embedding."""
        from ..publish.formats import lay_out

        return lay_out(self.dot.decode("utf-8"), "svg", self.graph, timeout, self.width)


def _drawing_arguments(theme: str | None, width: int | None) -> dict[str, object]:
    """render()'s keyword arguments for theme= and width=, when given."""
    from ..draw import themes as drawing

    found: dict[str, object] = {}
    if theme is not None:
        found["theme"] = drawing.THEMES[theme]
    if width is not None:
        found["max_width"] = width
    return found


def _relocate(diagnostic: Diagnostic, inline: Inline) -> Diagnostic:
    """A diagnostic about inline markup, moved to where the markup is in its file."""

    def place(line: int, column: int) -> tuple[int, int]:
        shift = inline.column_shifts[line - 1] if 0 < line <= len(inline.column_shifts) else 0
        return line + inline.first_line - 1, column + shift

    def in_text(match: re.Match) -> str:
        line, column = place(int(match.group(1)), int(match.group(2)))
        return f"{inline.path}:{line}:{column}"

    pattern = re.compile(re.escape(inline.path) + r":(\d+):(\d+)")
    message = pattern.sub(in_text, diagnostic.message)
    span = diagnostic.span
    if span is not None and span.path == inline.path:
        line, column = place(span.line, span.column)
        end_line, end_column = place(span.end_line, span.end_column)
        span = Span(span.path, line, column, end_line, end_column)
    return dataclasses.replace(diagnostic, span=span, message=message)


_RENDER_FLAG = re.compile(r"--([a-z][a-z-]*)(?: (?=['\"]))?")


def _option_error(exc: ArgmapError, request: MapRequest) -> Diagnostic:
    """A view error (unknown focus, …) pointing at the option, in the block's words."""
    named = {"render-unknown-focus": "focus", "render-ambiguous-focus": "focus", "render-focus-hidden": "focus", "render-unknown-position": "position", "render-unknown-source": "source"}
    span = request.option_spans.get(named.get(exc.code, ""), request.where)
    text = re.sub(r"^--([a-z][a-z-]*):", r"\1:", exc.text)
    return Diagnostic(Severity.ERROR, _RENDER_FLAG.sub(r"\1=", text), span, _RENDER_FLAG.sub(r"\1=", exc.hint), exc.code)


def prepare(request: MapRequest) -> tuple[PreparedMap | None, list[Diagnostic]]:
    """Read, merge and check the map, lay it out as a graph; None when there are errors.

    Diagnostics about inline markup carry the lines and columns of the file
    the markup is written in.
    """
    documents: list[Document] = [read_document(path) for path in request.files]
    inline = request.inline
    if inline is not None and inline.text.strip():
        documents.append(parse_document(inline.text, inline.path))
    else:
        inline = None
    if not documents:
        return None, [error("embed-empty", request.where, "write markup in the block or name files with file=…")]
    argument_map = merge(documents)
    diagnostics = checks.check(argument_map)
    if inline is not None:
        diagnostics = [_relocate(d, inline) for d in diagnostics]
    if checks.has_errors(diagnostics):
        return None, diagnostics
    values = request.values
    if "depth" in values and not values.get("focus"):
        return None, diagnostics + [error("embed-depth-without-focus", request.option_spans.get("depth", request.where), "add focus=\"Title\", or leave depth out")]
    try:
        view = view_options(values)
    except (TypeError, ValueError) as exc:
        return None, diagnostics + [error("embed-bad-options", request.where, "", reason=str(exc))]
    if values.get("overview") or "top" in values:
        return _prepare_overview(argument_map, request, view, diagnostics)
    try:
        graph = build_graph(argument_map, view)
    except ArgmapError as exc:
        return None, diagnostics + [_option_error(exc, request)]
    from ..publish.formats import render  # DOT needs no Graphviz, only the writer

    theme = str(values["theme"]) if values.get("theme") else None
    width = int(values["width"]) if values.get("width") else None
    dot = render(graph, "dot", **_drawing_arguments(theme, None))
    # The SVG is Graphviz's drawing of this DOT, finished for embedding: capped at
    # width=, with the graph's title and description for screen readers.
    finish = f"width={width}\n{graph.title}\n{graph.description}\n"
    digest = hashlib.sha256(DIGEST_SALT + finish.encode("utf-8") + dot).hexdigest()[:16]
    alt = str(values["alt"]) if values.get("alt") else default_alt(graph, view)
    caption = str(values["caption"]) if values.get("caption") else None
    return PreparedMap(graph, dot, digest, alt, caption, theme, width), diagnostics


# The options of the full map that mean nothing for whole positions (as `render --overview` refuses them).
NOT_FOR_OVERVIEW = ("focus", "depth", "group-by", "position", "source", "pcs", "labels", "rankdir", "evaluate", "page", "pages")


def _prepare_overview(argument_map, request: MapRequest, view: ViewOptions, diagnostics: list[Diagnostic]) -> tuple[PreparedMap | None, list[Diagnostic]]:
    """overview=: the positions' picture (:mod:`argmap.draw.overview`) instead of the map."""
    from ..draw.overview import DEFAULT_TOP, build_overview
    from ..draw.overview_dot import overview_to_dot

    values = request.values
    if not values.get("overview"):
        return None, diagnostics + [error("embed-bad-options", request.option_spans.get("top", request.where), "add overview, or leave top= out", reason="top= needs overview")]
    refused = next((name for name in NOT_FOR_OVERVIEW if name in values), None)
    if refused is not None:
        reason = f"{refused}= does not apply to overview, which draws whole positions"
        return None, diagnostics + [error("embed-bad-options", request.option_spans.get(refused, request.where), "", reason=reason)]
    try:
        overview = build_overview(argument_map, int(values.get("top", DEFAULT_TOP)), view.wrap, view.legend)
    except ArgmapError as exc:
        return None, diagnostics + [_option_error(exc, request)]
    theme = str(values["theme"]) if values.get("theme") else None
    width = int(values["width"]) if values.get("width") else None
    dot = overview_to_dot(overview, **_drawing_arguments(theme, None)).encode("utf-8")
    finish = f"width={width}\n{overview.title}\n{overview.description}\n"
    digest = hashlib.sha256(DIGEST_SALT + finish.encode("utf-8") + dot).hexdigest()[:16]
    alt = str(values["alt"]) if values.get("alt") else f"{overview.title}. {overview.description}"
    caption = str(values["caption"]) if values.get("caption") else None
    return PreparedMap(overview.frame(), dot, digest, alt, caption, theme, width, overview), diagnostics


def default_alt(graph: Graph, view: ViewOptions) -> str:
    """Alternative text from what the drawing shows: the view, the counts, the first titles."""
    statements = [" ".join(n.title_lines) or " ".join(n.text_lines) for n in graph.nodes if n.kind is NodeKind.STATEMENT]
    arguments = [" ".join(n.title_lines) for n in graph.nodes if n.kind is NodeKind.ARGUMENT]
    arguments += [" ".join(c.label_lines) for c in graph.clusters if c.kind is ClusterKind.ARGUMENT]  # expanded (pcs)
    view_words = []
    if view.focus:
        view_words.append(f"around {view.focus} (depth {view.depth})")
    if view.position:
        view_words.append(f"of position {view.position}")
    if view.source:
        view_words.append(f"of source {view.source}")

    def count(n: int, noun: str) -> str:
        return f"{n} {noun}{'s' * (n != 1)}"

    text = " ".join(["Argument map", *view_words]) + f": {count(len(statements), 'statement')} and {count(len(arguments), 'argument')}"
    titles = [t for t in (*arguments, *statements) if t]
    if titles:
        shown = titles[:ALT_TITLES]
        more = len(titles) - len(shown)
        text += ", including " + "; ".join(shown) + (f"; and {more} more" if more else "")
    return text
