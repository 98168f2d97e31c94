"""The ``argmap`` blocks of a Markdown document: fences found as CommonMark finds them, info strings read as options."""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import error
from ..core.model import Diagnostic, Span
from .options import Option, options, parse_value, unknown_option_hint

LANGUAGE = "argmap"  # the info string's first word

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


def resolve_files(pattern: str, base: Path) -> list[str]:
    """The files a file= value names, relative to ``base``: a path or a glob, sorted."""
    joined = os.path.normpath(os.path.join(base, os.path.expanduser(pattern))) if not os.path.isabs(pattern) else os.path.normpath(pattern)
    if glob.has_magic(pattern):
        return sorted(p for p in glob.glob(joined) if os.path.isfile(p))
    return [joined] if os.path.isfile(joined) else []
