"""Maps in Markdown: ```` ```argmap ```` blocks → SVG files and image links.

``argmap embed DOC.md -o OUT.md`` copies ``DOC.md`` to ``OUT.md`` with every
fenced ``argmap`` block replaced by an image link to the map the block
describes, drawn into ``OUT_files/`` beside ``OUT.md``::

    ```argmap file=maps/*.argmap focus="Putin Is Stalling" depth=1 alt="…"
    ```

A block holds markup, names ``.argmap`` files with ``file=`` (relative to the
document; globs and several ``file=`` allowed), or both (one map of them
all). The other words of the info string are the options of
``argmap render``: see :data:`argmap.embed.options.RENDER_OPTIONS`.

The Sphinx directive (:mod:`argmap.embed.sphinx`) shares the options
(:mod:`argmap.embed.options`) and the drawing (:func:`argmap.embed.prepare.prepare`),
which names each drawing by a hash of what it depends on.

This module is a library: it returns diagnostics and never prints or exits.
:func:`plan` reads and checks everything and writes nothing; :func:`write`
draws, writes atomically and removes the files of earlier runs that the new
document no longer uses.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence
from urllib.parse import quote

from ..checks import checker as checks
from ..core.errors import error
from ..core.model import Diagnostic, Span
from ..core.output import write_atomic
from .blocks import find_blocks, parse_info, read_options
from .prepare import Inline, MapRequest, PreparedMap, prepare

ASSET_PATTERN = re.compile(r"^argmap-[0-9a-f]{16}\.svg$")


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
