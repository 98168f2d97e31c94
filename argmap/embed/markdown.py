"""Maps in Markdown: ```` ```argmap ```` blocks → SVG files and image links.

``argmap embed DOC.md -o OUT.md`` copies ``DOC.md`` to ``OUT.md`` with every
fenced ``argmap`` block replaced by an image link to the map the block
describes, drawn into ``OUT_files/`` beside ``OUT.md``::

    ```argmap file=maps/*.argmap focus="Putin Is Stalling" depth=1 alt="…"
    ```

A block holds markup, names ``.argmap`` files with ``file=`` (relative to the
document; globs and several ``file=`` allowed), or both (one map of them
all). The other words of the info string are the options of
``argmap render``: see :data:`RENDER_OPTIONS`.

The Sphinx directive (:mod:`argmap.sphinx`) shares the options and the
drawing: :func:`parse_value`, :func:`view_options` and :func:`prepare`.

Names are content-addressed: ``argmap-<hash>.svg``, the hash of the DOT text
handed to Graphviz and of how its SVG is finished (``width=``, the title and
description for screen readers), which is all the SVG depends on: the
markup, the files it reads (positions files included) and the options. So
the same document gives the same files, a map whose drawing has not changed
is not drawn again, and an edit that changes nothing drawn (a comment, blank
lines) keeps the name.

This module is a library: it returns diagnostics and never prints or exits.
:func:`plan` reads and checks everything and writes nothing; :func:`write`
draws, writes atomically and removes the files of earlier runs that the new
document no longer uses.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence
from urllib.parse import quote

from ..check import checks as checks
from ..build.document import parse_document
from ..core.errors import ArgmapError, error
from ..draw.graph import GROUPINGS, LABEL_MODES, RANKDIRS, ClusterKind, Graph, NodeKind, ViewOptions, build_graph
from ..core.text import did_you_mean
from ..merge.combine import merge, read_document
from ..core.model import Diagnostic, Document, Severity, Span
from ..core.output import write_atomic

LANGUAGE = "argmap"  # the info string's first word
ASSET_PREFIX = "argmap-"
ASSET_PATTERN = re.compile(r"^argmap-[0-9a-f]{16}\.svg$")
DIGEST_SALT = b"argmap embed 1\n"  # bump to rename every drawing (e.g. if the SVG post-processing changes)
ALT_TITLES = 5  # the default alt text names this many elements


# ---------------------------------------------------------------- options


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a block or directive, named as ``argmap render`` names it."""

    name: str
    kind: str  # "choice", "int", "flag", "text"
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    field: str = ""  # the ViewOptions field; empty for file, alt and caption
    help: str = ""


RENDER_OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("focus", "text", field="focus", help="keep the neighbourhood of this statement or argument"),
        Option("depth", "int", minimum=0, maximum=100, field="depth", help="with focus: how many links away to keep (default 2)"),
        Option("group-by", "choice", GROUPINGS, field="group_by", help="draw clusters"),
        Option("position", "text", field="position", help="keep the elements of this position"),
        Option("source", "text", field="source", help="keep what this source asserts"),
        Option("pcs", "flag", field="pcs", help="expand arguments into premises, inference bars and conclusions"),
        Option("labels", "choice", LABEL_MODES, field="labels", help="what node labels show"),
        Option("wrap", "int", minimum=8, maximum=200, field="wrap", help="wrap label text at this many characters"),
        Option("rankdir", "choice", RANKDIRS, field="rankdir", help="layout direction"),
        Option("legend", "flag", field="legend", help="draw the legend (default); no-legend leaves it out"),
    )
}


def _later_view_options() -> dict[str, Option]:
    """View options added to :class:`ViewOptions` after this module was written (a theme, say).

    They are accepted under their render-option names (``_`` → ``-``) and
    checked by ViewOptions itself, so a new view option works in blocks and
    directives without a change here.
    """
    known = {o.field for o in RENDER_OPTIONS.values()}
    found = {}
    for item in dataclasses.fields(ViewOptions):
        if item.name in known:
            continue
        default = item.default
        kind = "flag" if isinstance(default, bool) else "int" if isinstance(default, int) else "text"
        name = item.name.replace("_", "-")
        found[name] = Option(name, kind, field=item.name)
    return found


def _drawing_options() -> dict[str, Option]:
    """Options of the drawing rather than the view: ``theme`` and ``width``."""
    from ..draw.render import THEMES

    return {
        "theme": Option("theme", "choice", tuple(THEMES), help="colours, fonts and line widths"),
        "width": Option("width", "int", minimum=16, maximum=100_000, help="scale the drawing down to at most this many pixels wide"),
    }


MAP_OPTIONS: dict[str, Option] = {
    "file": Option("file", "text", help="an .argmap file, relative to the document; globs and several file= allowed"),
    "alt": Option("alt", "text", help="the image's alternative text (default: what the map shows)"),
    "caption": Option("caption", "text", help="a caption (Markdown: the image's title)"),
}


def options() -> dict[str, Option]:
    """Every option a block or directive accepts, by name."""
    return {**RENDER_OPTIONS, **_later_view_options(), **_drawing_options(), **MAP_OPTIONS}


TRUE, FALSE = ("", "true", "yes", "on", "1"), ("false", "no", "off", "0")


def parse_value(option: Option, value: str | None) -> object:
    """An option's written value as a Python value; ValueError says what is wrong."""
    if option.kind == "flag":
        word = (value or "").strip().lower()
        if word in TRUE:
            return True
        if word in FALSE:
            return False
        raise ValueError("write the flag alone, or =true / =false")
    if value is None or not value.strip():
        raise ValueError("needs a value")
    value = value.strip()
    if option.kind == "int":
        try:
            number = int(value)
        except ValueError:
            raise ValueError("needs a whole number") from None
        if (option.minimum is not None and number < option.minimum) or (option.maximum is not None and number > option.maximum):
            raise ValueError(f"needs a number from {option.minimum} to {option.maximum}")
        return number
    if option.kind == "choice" and value not in option.choices:
        close = [c for c in option.choices if c.lower() == value.lower()]
        if close:
            return close[0]
        raise ValueError("choose one of " + ", ".join(option.choices))
    return value


def view_options(values: dict[str, object]) -> ViewOptions:
    """ViewOptions from parsed option values (by option name); ValueError for bad ones."""
    fields = {}
    for name, value in values.items():
        option = options().get(name)
        if option is not None and option.field:
            fields[option.field] = value
    return ViewOptions(**fields)


def unknown_option_hint(name: str) -> str:
    known = options()
    if name.startswith("no-") and name[3:] in known and known[name[3:]].kind == "flag":
        return ""
    close = did_you_mean(name, sorted(known))
    listed = ", ".join(sorted(known))
    return f"did you mean {close}?" if close else f"options are {listed}"


# ---------------------------------------------------------------- one map


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

    @property
    def filename(self) -> str:
        return f"{ASSET_PREFIX}{self.digest}.svg"

    def svg(self, timeout: float = 60.0) -> bytes:
        from ..draw.render import render

        return render(self.graph, "svg", timeout, **_drawing_arguments(self.theme, self.width))


def _drawing_arguments(theme: str | None, width: int | None) -> dict[str, object]:
    """render()'s keyword arguments for theme= and width=, when given."""
    from ..draw import render as drawing

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
    try:
        graph = build_graph(argument_map, view)
    except ArgmapError as exc:
        return None, diagnostics + [_option_error(exc, request)]
    from ..draw.render import render  # DOT needs no Graphviz, only the writer

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


def resolve_files(pattern: str, base: Path) -> list[str]:
    """The files a file= value names, relative to ``base``: a path or a glob, sorted."""
    joined = os.path.normpath(os.path.join(base, os.path.expanduser(pattern))) if not os.path.isabs(pattern) else os.path.normpath(pattern)
    if glob.has_magic(pattern):
        return sorted(p for p in glob.glob(joined) if os.path.isfile(p))
    return [joined] if os.path.isfile(joined) else []


# ---------------------------------------------------------------- Markdown


_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_OPTION = re.compile(r"""([A-Za-z][A-Za-z0-9_-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"']\S*))?(?=\s|$)""")


@dataclass(frozen=True, slots=True)
class Block:
    """A fenced ``argmap`` block of a Markdown document (lines are 1-based)."""

    line: int  # the opening fence
    end_line: int  # the closing fence
    indent: str
    info: str  # the opening fence line after the fence characters
    info_column: int  # 1-based column where ``info`` starts
    lines: tuple[str, ...]  # the markup, without the fence's indentation
    shifts: tuple[int, ...]  # how much indentation each markup line lost


def find_blocks(text: str, path: str) -> tuple[list[Block], list[Diagnostic]]:
    """The ``argmap`` blocks, following CommonMark's fences; other code blocks are skipped whole.

    Fences indented four spaces or more (inside list items, say) are not
    seen: put maps at the top level of the document.
    """
    lines = text.splitlines()
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    index = 0
    while index < len(lines):
        opened = _FENCE_OPEN.match(lines[index])
        if not opened or (opened.group(2)[0] == "`" and "`" in opened.group(3)):
            index += 1
            continue
        indent, fence, info = opened.groups()
        closing = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), None)
        words = info.split()
        if words and words[0] == LANGUAGE:
            start = len(indent) + len(fence) + len(info) - len(info.lstrip())
            info = info.strip()
            if end is None:
                diagnostics.append(error("embed-unclosed-fence", Span(path, index + 1, len(indent) + 1, index + 1, start + 1), f"close it with a line holding only {fence}", fence=fence))
                break
            body, shifts = [], []
            for line in lines[index + 1 : end]:
                removed = len(line) - len(line.lstrip(" "))
                removed = min(removed, len(indent))
                body.append(line[removed:])
                shifts.append(removed)
            blocks.append(Block(index + 1, end + 1, indent, info, start + 1, tuple(body), tuple(shifts)))
        index = (end if end is not None else len(lines)) + 1
    return blocks, diagnostics


def parse_info(block: Block, path: str) -> tuple[dict[str, list[tuple[str | None, Span]]], list[Diagnostic]]:
    """The options of a block's info string: name → [(raw value, where)], in order."""
    info = block.info
    found: dict[str, list[tuple[str | None, Span]]] = {}
    diagnostics: list[Diagnostic] = []
    position = info.index(LANGUAGE) + len(LANGUAGE)
    while True:
        while position < len(info) and info[position].isspace():
            position += 1
        if position >= len(info):
            break
        column = block.info_column + position
        span = Span(path, block.line, column, block.line, column)
        match = _OPTION.match(info, position)
        if not match:
            diagnostics.append(error("embed-bad-syntax", span, 'write name=value, name="a value with spaces" or a flag like pcs'))
            break
        name, raw = match.group(1), match.group(2)
        if raw is not None and raw[:1] == '"':
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        elif raw is not None and raw[:1] == "'":
            raw = raw[1:-1]
        end_column = block.info_column + match.end()
        found.setdefault(name, []).append((raw, Span(path, block.line, column, block.line, end_column)))
        position = match.end()
    return found, diagnostics


def read_options(written: dict[str, list[tuple[str | None, Span]]], base: Path, where: Span) -> tuple[tuple[str, ...], dict[str, object], dict[str, Span], list[Diagnostic]]:
    """Check written options: (files, values by option name, where each was written, diagnostics)."""
    known = options()
    files: list[str] = []
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}
    diagnostics: list[Diagnostic] = []
    for name, uses in written.items():
        for raw, span in uses:
            option_name, value = name, raw
            if name not in known and name.startswith("no-") and known.get(name[3:], Option("", "")).kind == "flag" and raw is None:
                option_name, value = name[3:], "false"
            option = known.get(option_name)
            if option is None:
                diagnostics.append(error("embed-unknown-option", span, unknown_option_hint(name), name=name))
                continue
            if option_name in spans and option_name != "file":
                diagnostics.append(error("embed-repeated-option", span, "give each option once", name=option_name))
                continue
            try:
                parsed = parse_value(option, value)
            except ValueError as exc:
                diagnostics.append(error("embed-bad-value", span, "", name=option_name, value=value or "", reason=str(exc)))
                continue
            spans[option_name] = span
            if option_name == "file":
                matched = resolve_files(str(parsed), base)
                if not matched:
                    hint = "paths are relative to the document" + ("; the pattern matched no file" if glob.has_magic(str(parsed)) else "")
                    diagnostics.append(error("embed-no-file", span, hint, pattern=str(parsed)))
                files.extend(m for m in matched if m not in files)
            else:
                values[option_name] = parsed
    return tuple(files), values, spans, diagnostics


@dataclass(frozen=True, slots=True)
class Plan:
    """What ``embed`` will write: the new document and the drawings it links to."""

    document: Path
    output: Path
    assets: Path  # the directory of the drawings
    text: str | None  # the rewritten Markdown; None when there are errors
    maps: tuple[PreparedMap, ...]  # one per distinct drawing, in document order
    diagnostics: tuple[Diagnostic, ...]

    @property
    def failed(self) -> bool:
        return self.text is None


def assets_dir(output: Path) -> Path:
    """Where the drawings of ``OUT.md`` go: ``OUT_files/`` beside it."""
    return output.parent / f"{output.stem}_files"


def image_link(prepared: PreparedMap, link: str) -> str:
    alt = re.sub(r"([\\\[\]])", r"\\\1", " ".join(prepared.alt.split()))
    title = ""
    if prepared.caption:
        escaped = re.sub(r'(["\\])', r"\\\1", " ".join(prepared.caption.split()))
        title = f' "{escaped}"'
    return f"![{alt}]({link}{title})"


def plan(document: str | Path, output: str | Path) -> Plan:
    """Read ``document``, check every ``argmap`` block, and work out the new text; writes nothing."""
    document, output = Path(document), Path(output)
    path = str(document)
    assets = assets_dir(output)
    if output.exists() and document.exists() and os.path.samefile(document, output):
        return Plan(document, output, assets, None, (), (error("embed-same-file", None, "write the result to another file with -o", file=str(output)),))
    try:
        data = document.read_bytes()
        text = data.decode("utf-8-sig")  # not read_text: keep the document's line endings
    except OSError as exc:
        return Plan(document, output, assets, None, (), (error("unreadable", Span(path, 1, 1, 1, 1), "", reason=exc.strerror or str(exc)),))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        where = Span(path, line, column, line, column)
        return Plan(document, output, assets, None, (), (error("not-utf8", where, "save the document as UTF-8", byte=data[exc.start], offset=exc.start),))
    blocks, diagnostics = find_blocks(text, path)
    base = document.parent
    replacements: dict[int, tuple[int, str]] = {}  # opening line → (closing line, replacement)
    maps: dict[str, PreparedMap] = {}
    for block in blocks:
        where = Span(path, block.line, block.info_column, block.line, block.info_column)
        written, problems = parse_info(block, path)
        files, values, spans, more = read_options(written, base, where)
        problems += more
        if problems:
            diagnostics += problems
            continue
        inline = Inline("\n".join(block.lines) + "\n", path, block.line + 1, block.shifts) if any(line.strip() for line in block.lines) else None
        prepared, found = prepare(MapRequest(files, inline, values, where, spans))
        diagnostics += found
        if prepared is None:
            continue
        maps.setdefault(prepared.digest, prepared)
        link = quote(f"{assets.name}/{prepared.filename}")
        replacements[block.line] = (block.end_line, block.indent + image_link(prepared, link))
    diagnostics = sorted(diagnostics, key=lambda d: (d.span.path, d.span.line, d.span.column) if d.span else ("", 0, 0))
    if checks.has_errors(diagnostics):
        return Plan(document, output, assets, None, (), tuple(diagnostics))
    return Plan(document, output, assets, _rewrite(text, replacements), tuple(maps.values()), tuple(diagnostics))


def _rewrite(text: str, replacements: dict[int, tuple[int, str]]) -> str:
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    number = 1
    while number <= len(lines):
        if number in replacements:
            end, replacement = replacements[number]
            closing = lines[end - 1]
            newline = closing[len(closing.rstrip("\r\n")) :] or ("\n" if text.endswith("\n") or end < len(lines) else "")
            out.append(replacement + newline)
            number = end + 1
        else:
            out.append(lines[number - 1])
            number += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Written:
    drawn: tuple[Path, ...]  # drawings rendered by this run
    kept: tuple[Path, ...]  # drawings already there from an earlier run
    removed: tuple[Path, ...]  # drawings of earlier runs the document no longer uses


def write(plan: Plan, timeout: float = 60.0) -> Written:
    """Draw what is missing, write the document, then remove stale drawings.

    Every drawing is rendered before anything is written, so a Graphviz
    failure (GraphvizError) leaves the previous output as it was. Each file
    is written atomically; the document last, so it never links to a
    drawing that is not there. Only ``argmap-<hash>.svg`` files in the
    output's own ``OUT_files/`` directory are ever removed.
    """
    if plan.text is None:
        raise ValueError("the plan has errors; nothing to write")
    todo = [(plan.assets / m.filename, m) for m in plan.maps]
    missing = [(target, m) for target, m in todo if not target.is_file()]
    drawings = [(target, m.svg(timeout)) for target, m in missing]
    plan.output.parent.mkdir(parents=True, exist_ok=True)
    if todo:
        plan.assets.mkdir(exist_ok=True)
    for target, data in drawings:
        write_atomic(target, data)
    write_atomic(plan.output, plan.text)
    used = {target.name for target, _ in todo}
    removed = []
    if plan.assets.is_dir():
        for stale in sorted(plan.assets.iterdir()):
            if ASSET_PATTERN.match(stale.name) and stale.name not in used:
                stale.unlink(missing_ok=True)
                removed.append(stale)
        if not todo and not any(plan.assets.iterdir()):
            plan.assets.rmdir()
    drawn = tuple(t for t, _ in missing)
    return Written(drawn, tuple(t for t, _ in todo if t not in drawn), tuple(removed))


def has_errors(diagnostics: Sequence[Diagnostic], strict: bool = False) -> bool:
    return checks.has_errors(list(diagnostics), strict)
