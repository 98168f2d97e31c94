"""``argmap fmt``: one canonical layout for argument files, keeping every comment and quote.

The layout is rebuilt from the parser's raw blocks (:func:`argmap.parse.parse_raw`):
each block, element, quote and inference line comes out where its place in the
tree puts it. The words of an element are *copied* from the source, from its
first token to its last, so text, tags, mentions, links, inline data and the
comments between them are never touched; only the whitespace at the start and
end of lines, the markers at the start of lines and the front matter's key
order change. Comments are the ignored tokens of the grammar; they are found in
the gaps between the parser's tokens (nothing else can be there) and travel
with the line they trail or the line they stand above.

The canonical layout:

* blocks start in column 0 (list items in column 2, as Argdown requires
  indented lists), with exactly one blank line between blocks;
* a relation line is indented 2 spaces deeper than the element it relates to;
  ``<+ <- <_`` are written ``+ - _``; one space follows every marker;
* premise–conclusion structures are numbered (1), (2), … in order; a plain
  inference line is ``----``, one with rules ``-- rule, rule {data} --`` on
  one line;
* quote lines come directly under their element, 2 spaces deeper, before its
  relations;
* wrapped lines of an element or heading are indented 2 spaces deeper than
  the line they continue; lines inside a multi-line comment keep their
  position relative to the comment's opening; a comment line keeps to the
  line below it (or, at the end of a block, to the level it was written at);
* front matter keys in the order source, positions, model, then the rest as
  written, each key moving with the comment lines above it; the YAML is kept
  as written otherwise, and left alone entirely when reordering it would
  change what it means;
* LF line ends, no byte-order mark, no trailing white space, one final newline.

:func:`format_text` checks its own result: the formatted text must export the
same JSON (argmap's and Argdown's shape) as the input, or it raises
:class:`FormatError` instead of returning it. The library never prints.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field

from lark import Token

from ..core.errors import ArgmapError, error
from ..core.model import Diagnostic, Severity, Span
from ..parse.parser import (
    _COMMENT_AT,
    RawElement,
    RawFrontMatter,
    RawHeading,
    RawList,
    RawPcs,
    RawPcsItem,
    parse_raw,
)

STEP = 2  # spaces per relation level, and for wrapped lines and quotes
LIST_COLUMN = 2  # Argdown's lexer only takes indented lines as list items
CANONICAL_KEYS = ("source", "positions", "model")

_OPERATOR = {"<+": "+", "<-": "-", "<_": "_"}
_BLANK = " \t\n"
# Parse-stage error codes (argmap/parse.py and the front-matter check of build.py).
_SYNTAX_CODES = frozenset(
    {
        "unexpected-token",
        "unexpected-char",
        "unexpected-end",
        "mixed-indentation",
        "relation-without-parent",
        "relation-after-blank",
        "unterminated-front-matter",
        "unterminated-comment",
        "too-deep",
        "text-after-quote",
        "quote-without-element",
    }
)


class FormatError(Exception):
    """The text cannot be formatted; ``diagnostics`` say why (syntax errors, usually)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(f"{d.span}: {d.message}" if d.span else d.message for d in diagnostics))


# ---------------------------------------------------------------- entry points


def format_text(text: str, path: str = "<stdin>") -> str:
    """The canonical layout of one document's text (``path`` names it in messages).

    Raises :class:`FormatError` when the text has syntax errors, or (a bug,
    never expected) when the layout would not mean the same as the input.
    """
    text = normalize_newlines(text)
    if not text.strip(_BLANK):
        return ""
    blocks = _parse(text, path)
    try:
        formatted = _Layout(text, blocks).render()
    except _BlankStatement as blank:
        token = blank.token
        span = Span(path, token.line, token.column, token.line, token.column)
        raise FormatError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "only white space follows the comment on this line, which makes an empty statement; "
                    "fmt would drop it, so the file is left as it is",
                    span,
                    "delete the white space after the comment",
                    "fmt-blank-statement",
                )
            ]
        ) from None
    if formatted != text:
        _check_same_meaning(text, formatted, path)
    return formatted


def normalize_newlines(text: str) -> str:
    """Drop a byte-order mark and turn CRLF line ends into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff (difflib) from the file as it is to the formatted file.

    A byte-order mark or CRLF line ends in ``before`` are named in a note
    above the diff rather than shown on every line.
    """
    notes = []
    if before.startswith("\ufeff"):
        notes.append(f"# {path}: the byte-order mark is dropped\n")
    if "\r\n" in before:
        notes.append(f"# {path}: CRLF line ends become LF\n")
    before = normalize_newlines(before)
    if before == after:
        return "".join(notes)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=f"{path} (formatted)"
    )
    out = notes
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


# ---------------------------------------------------------------- parsing and checking


def _parse(text: str, path: str) -> list:
    from ..build.document import _FRONT_MATTER_CLOSE, _FRONT_MATTER_OPEN

    opened = _FRONT_MATTER_OPEN.match(text)
    if opened and not _FRONT_MATTER_CLOSE.search(text, opened.end()):
        span = Span(path, 1, 1, 1, 4)
        raise FormatError([error("unterminated-front-matter", span, "end the front matter with a line holding only '==='")])
    try:
        return parse_raw(text, path, split_lines=True)
    except ArgmapError as exc:
        raise FormatError(_syntax_errors(text, path, exc)) from None


def _syntax_errors(text: str, path: str, first: ArgmapError) -> list[Diagnostic]:
    """Every syntax error of the file (parse_document goes on paragraph by paragraph)."""
    from ..build.document import parse_document

    found = [d for d in parse_document(text, path).diagnostics if d.severity is Severity.ERROR and d.code in _SYNTAX_CODES]
    return found or [first.diagnostic()]


def meaning(text: str, path: str) -> tuple[str, str, list[str]]:
    """What a document means: argmap's JSON, Argdown's JSON and its error codes.

    Two texts that fmt may exchange must give the same three, read under the
    same ``path`` (the JSON names the file, and articles are found from it).
    """
    from ..interchange.argdown_json import to_argdown_json
    from ..build.document import parse_document
    from ..interchange.canonical import to_json
    from ..merge.combine import merge

    document = parse_document(text, path)
    errors = sorted(d.code for d in document.diagnostics if d.severity is Severity.ERROR)
    return to_json(merge([document])), to_argdown_json(document), errors


def _check_same_meaning(before: str, after: str, path: str) -> None:
    if meaning(before, path) != meaning(after, path):
        span = Span(path, 1, 1, 1, 1)
        raise FormatError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "fmt cannot lay out this file without changing what it means; the file is left as it is",
                    span,
                    "please report this file as a bug in argmap fmt",
                    "fmt-changes-meaning",
                )
            ]
        )


# ---------------------------------------------------------------- units: one per output line group


class _BlankStatement(Exception):
    """White space after a comment, which the parser reads as an empty untitled statement."""

    def __init__(self, token: Token):
        self.token = token


@dataclass(eq=False)
class _Unit:
    """Something that starts a line in the output: an element, quote, heading, inference or front matter."""

    kind: str  # "element" | "heading" | "quote" | "inference" | "front"
    column: int
    tokens: list[Token]  # in source order; the marker first
    marker: str = ""  # the normalised marker: "+ ", "(2) ", "* ", "## "
    marker_token: Token | None = None
    head: Token | None = None
    leading: list[list[tuple[int, int]]] = field(default_factory=list)  # comment groups above it
    trailing: list[tuple[int, int]] = field(default_factory=list)  # comments after it on its line

    begins: int | None = None  # where its words start, when not at its first token's start

    @property
    def start(self) -> int:
        return self.tokens[0].start_pos if self.begins is None else self.begins

    @property
    def end(self) -> int:
        return self.tokens[-1].end_pos


def _is_blank(token: Token) -> bool:
    return token.type == "TEXT" and not token.value.strip(_BLANK)


def _without_trailing_blanks(tokens: list[Token], keep: int) -> list[Token]:
    """Drop white-space-only TEXT tokens at the end (white space after a comment).

    Such a token only adds white space to the end of a text, which the model
    collapses; the first ``keep`` tokens (marker, head or first text) stay.
    """
    end = len(tokens)
    while end > keep and _is_blank(tokens[end - 1]):
        end -= 1
    return tokens[:end]


def _element_units(units: list[_Unit], element: RawElement, column: int, marker_token: Token | None, marker: str) -> None:
    tokens = ([marker_token] if marker_token is not None else []) + ([element.head] if element.head is not None else [])
    inline = list(element.inline)
    if element.head is None and all(_is_blank(token) for token in inline):
        raise _BlankStatement(inline[0])
    if element.head is None and marker_token is None:  # it starts where its words start
        while len(inline) > 1 and _is_blank(inline[0]):
            inline.pop(0)
    keep = len(tokens) + (element.head is None)  # an untitled element keeps its first text token
    tokens = _without_trailing_blanks(tokens + inline, keep)
    unit = _Unit("element", column, tokens, marker, marker_token, element.head)
    if marker_token is None and element.head is None:
        first = tokens[0]
        words = len(first.value) - len(first.value.lstrip(_BLANK))
        if 0 < words < len(first.value):  # white space after a comment: the words start the line
            unit.begins = first.start_pos + words
    units.append(unit)
    for quote in element.quotes:  # directly under the element, before its relations
        units.append(_Unit("quote", column + STEP, [quote]))
    for relation in element.relations:
        _relation_units(units, relation, column + STEP)


def _relation_units(units: list[_Unit], relation, column: int) -> None:
    sign = relation.op.value.strip(_BLANK)
    _element_units(units, relation.element, column, relation.op, _OPERATOR.get(sign, sign) + " ")


def _block_units(block) -> list[_Unit]:
    units: list[_Unit] = []
    if isinstance(block, RawFrontMatter):
        units.append(_Unit("front", 0, [block.token]))
    elif isinstance(block, RawHeading):
        level = block.mark.value.count("#")
        tokens = _without_trailing_blanks([block.mark, *block.inline], 1)
        units.append(_Unit("heading", 0, tokens, "#" * level + " ", block.mark))
    elif isinstance(block, RawElement):
        _element_units(units, block, 0, None, "")
    elif isinstance(block, RawPcs):
        number = 0
        for item in block.items:
            if isinstance(item, RawPcsItem):
                number += 1
                _element_units(units, item.element, 0, item.number, f"({number}) ")
            else:
                units.append(_Unit("inference", 0, [item.token]))
                for relation in item.relations:
                    _relation_units(units, relation, STEP)
    elif isinstance(block, RawList):
        for mark, element in block.items:
            _element_units(units, element, LIST_COLUMN, mark, mark.value.strip(_BLANK) + " ")
    else:  # pragma: no cover - a new kind of block in parse.py
        raise TypeError(f"argmap fmt does not know the block {type(block).__name__}")
    return units


_DATA = re.compile(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}")  # as build.py finds data in an inference line
_SPACES = re.compile(r"\s+")
_COMMA = re.compile(r"\s*,\s*")


def _inference_lines(token: Token) -> list[str]:
    """``----``, or ``-- rule, rule {data} --`` on one line (data is kept as written)."""
    if token.type == "INFERENCE_BAR":
        return ["----"]
    body = token.value.strip(_BLANK)[2:-2]
    parts = []
    position = 0
    for data in _DATA.finditer(body):
        parts.append(_tidy_rules(body[position : data.start()]))
        parts.append(data.group(0))
        position = data.end()
    parts.append(_tidy_rules(body[position:]))
    body = "".join(parts).strip()
    if not body:
        return ["----"]
    return [line.strip(" \t") for line in f"-- {body} --".split("\n")]


def _tidy_rules(words: str) -> str:
    """Rule names as build.py reads them (split at commas, white space collapsed), spaced ``a, b``."""
    return _SPACES.sub(" ", _COMMA.sub(", ", words))


# ---------------------------------------------------------------- comments


def _comments(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """The comments of the text: what lies between the parser's tokens, besides white space."""
    found: list[tuple[int, int]] = []
    position = 0
    for token in [*tokens, None]:
        end = len(text) if token is None else token.start_pos
        if end < position:  # pragma: no cover - overlapping tokens would be a parser bug
            raise AssertionError(f"tokens overlap at offset {end}")
        while True:
            while position < end and text[position] in _BLANK:
                position += 1
            if position >= end:
                break
            match = _COMMENT_AT.match(text, position)
            if match is None or match.end() > end:  # pragma: no cover - something the parser did not keep
                raise AssertionError(f"unexpected text between tokens at offset {position}: {text[position:end]!r}")
            found.append((match.start(), match.end()))
            position = match.end()
        if token is not None:
            position = token.end_pos
    return found


# ---------------------------------------------------------------- output


class _Output:
    """Output lines; copies source ranges, re-indenting the lines they span."""

    def __init__(self, text: str, comments: list[tuple[int, int]]):
        self.text = text
        self.comments = comments
        self.starts = [start for start, _end in comments]
        self.shift: dict[int, int] = {}  # comment start → how far its opening moved right
        self.lines: list[str] = []
        self.line: str | None = None

    def begin(self, column: int) -> None:
        self.end_line()
        self.line = " " * column

    def end_line(self) -> None:
        if self.line is None:
            return
        line = self.line.rstrip(" \t")
        if line != self.line and line.endswith("\\"):
            line += " "  # `\ ` is an escaped space: keep one
        self.lines.append(line)
        self.line = None

    def raw_line(self, line: str) -> None:
        self.end_line()
        self.lines.append(line)

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def put(self, words: str) -> None:
        self.line += words

    def copy(self, start: int, end: int, continuation: int) -> None:
        """Copy ``text[start:end]``; each line it goes on to starts at ``continuation``.

        Lines that start inside a comment keep their indentation relative to
        the comment's opening instead.
        """
        text = self.text
        while True:
            newline = text.find("\n", start, end)
            stop = end if newline < 0 else newline
            self._segment(start, stop)
            if newline < 0:
                return
            self.end_line()
            start = newline + 1
            words = start
            while words < end and text[words] in " \t":
                words += 1
            comment = self._inside_comment(start)
            column = continuation if comment is None else max(0, words - start + self.shift.get(comment, 0))
            self.line = " " * column
            start = words

    def _segment(self, start: int, stop: int) -> None:
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.starts) and self.starts[index] < stop:
            opening = self.starts[index]
            old_column = opening - (self.text.rfind("\n", 0, opening) + 1)
            self.shift[opening] = len(self.line) + (opening - start) - old_column
            index += 1
        self.line += self.text[start:stop]

    def _inside_comment(self, position: int) -> int | None:
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and self.comments[index][0] < position < self.comments[index][1]:
            return self.comments[index][0]
        return None

    def result(self) -> str:
        self.end_line()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""


# ---------------------------------------------------------------- layout


class _Layout:
    def __init__(self, text: str, blocks: list):
        self.text = text
        self.blocks = [_block_units(block) for block in blocks]
        self.before: list[list[list[tuple[int, int]]]] = [[] for _ in self.blocks]  # groups between blocks
        self.after: list[list[list[tuple[int, int]]]] = [[] for _ in self.blocks]  # groups glued below a block
        self.end: list[list[tuple[int, int]]] = []  # groups after the last block
        in_source_order = sorted((u for units in self.blocks for u in units), key=lambda u: u.start)
        self.block_of = {id(u): index for index, units in enumerate(self.blocks) for u in units}
        tokens = [t for u in in_source_order for t in u.tokens]
        self.comments = _comments(text, tokens)
        self.attach_comments(in_source_order)

    # -- which line each comment goes with

    def attach_comments(self, units: list[_Unit]) -> None:
        starts = [start for start, _end in self.comments]
        for index in range(len(units) + 1):
            previous = units[index - 1] if index > 0 else None
            following = units[index] if index < len(units) else None
            low = previous.end if previous else 0
            high = following.start if following else len(self.text)
            first = bisect.bisect_left(starts, low)
            last = bisect.bisect_left(starts, high)
            if first < last:
                self.attach_gap(self.comments[first:last], previous, following)

    def newlines(self, start: int, end: int) -> int:
        return self.text.count("\n", start, end)

    def attach_gap(self, comments: list[tuple[int, int]], previous: _Unit | None, following: _Unit | None) -> None:
        rest = list(comments)
        if previous is not None:  # comments on the line where `previous` ends trail it
            line_end = previous.end
            while rest and self.newlines(line_end, rest[0][0]) == 0:
                previous.trailing.append(rest[0])
                line_end = rest.pop(0)[1]
        else:
            line_end = 0
        if not rest:
            return
        groups = [[rest[0]]]  # comment lines separated by blank lines form groups
        for comment in rest[1:]:
            if self.newlines(groups[-1][-1][1], comment[0]) >= 2:
                groups.append([])
            groups[-1].append(comment)
        same_block = previous is not None and following is not None and self.block_of[id(previous)] == self.block_of[id(following)]
        if same_block:  # no blank line can be inside a block
            following.leading.extend(groups)
            return
        if following is not None and self.newlines(groups[-1][-1][1], following.start) <= 1:
            following.leading.append(groups.pop())
        if groups and previous is not None and self.newlines(line_end, groups[0][0][0]) == 1:
            self.after[self.block_of[id(previous)]].append(groups.pop(0))
        if following is not None:
            self.before[self.block_of[id(following)]].extend(groups)
        else:
            self.end.extend(groups)

    # -- writing

    def render(self) -> str:
        out = _Output(self.text, self.comments)
        for index, units in enumerate(self.blocks):
            for group in self.before[index]:
                out.blank()
                self.group(out, group, 0)
            out.blank()
            for unit in units:
                self.unit(out, unit)
            for group in self.after[index]:
                self.group(out, group, self.level_of(group[0][0], index))
        for group in self.end:
            out.blank()
            self.group(out, group, 0)
        return out.result()

    def indentation(self, position: int) -> int:
        """How far the line holding ``position`` is indented (a tab counts one, as in parse.py)."""
        start = self.text.rfind("\n", 0, position) + 1
        end = start
        while self.text[end] in " \t":
            end += 1
        return end - start

    def level_of(self, comment: int, block: int) -> int:
        """The column for comment lines at the end of a block: that of the last line written at most as deep."""
        column = self.indentation(comment)
        levels = [u.column for u in sorted(self.blocks[block], key=lambda u: u.start) if self.indentation(u.start) <= column]
        return levels[-1] if levels else self.blocks[block][0].column

    def group(self, out: _Output, group: list[tuple[int, int]], column: int, until: int | None = None) -> None:
        out.begin(column)
        out.copy(group[0][0], group[-1][1] if until is None else until, column)

    def unit(self, out: _Output, unit: _Unit) -> None:
        joined = False
        for number, group in enumerate(unit.leading):
            if number == len(unit.leading) - 1 and self.newlines(group[-1][1], unit.start) == 0:
                self.group(out, group, unit.column, until=unit.start)  # a comment before it on its line
                joined = True
            else:
                self.group(out, group, unit.column)
        if not joined:
            out.begin(unit.column)
        if unit.kind == "quote":
            out.put("> " + unit.tokens[0].value[1:].strip())
        elif unit.kind == "inference":
            first, *more = _inference_lines(unit.tokens[0])
            out.put(first)
            for line in more:
                out.begin(unit.column + STEP)
                out.put(line)
        elif unit.kind == "front":
            out.put("===")
            for line in _front_matter_body(unit.tokens[0].value):
                out.raw_line(line)
            out.raw_line("===")
        else:
            self.words(out, unit)
        if unit.trailing:
            self.trailing(out, unit)

    def words(self, out: _Output, unit: _Unit) -> None:
        """An element's or heading's line(s): its marker, then its words as written."""
        position = unit.start
        end = unit.end
        if unit.marker_token is not None:
            position = self.skip_line_break(unit.marker_token.end_pos, end)
            out.put(unit.marker if self.may_space(position) else unit.marker.rstrip(" "))
        head = unit.head
        if head is not None and head.start_pos == position:
            out.put(head.value.rstrip(" \t"))
            position = head.end_pos
            if position < end and self.text[position] != "\n" and self.may_space(position):
                out.put(" ")
        out.copy(position, end, unit.column + STEP)

    def skip_line_break(self, position: int, end: int) -> int:
        """After a marker that ends its line, where the words on the next line start.

        A marker needs words after it on its line (`1.` alone is text), so
        they are joined to it.
        """
        text = self.text
        after = position
        while after < end and text[after] in " \t":
            after += 1
        if after < end and text[after] == "\n":
            after += 1
            while after < end and text[after] in " \t":
                after += 1
            return after
        return position

    def may_space(self, position: int) -> bool:
        """Whether a space may go before ``position``: not if it would turn `//` in a text into a comment."""
        text = self.text
        return not text.startswith("//", position) or text[position - 1] in " \t"

    def trailing(self, out: _Output, unit: _Unit) -> None:
        comments = unit.trailing
        line = out.line
        stripped = line.rstrip(" \t")
        spaced = self.text[comments[0][0] - 1] in " \t"  # a comment glued to the words stays glued
        out.line = stripped + (" " if spaced else "")
        out.copy(comments[0][0], comments[-1][1], unit.column + STEP)


# ---------------------------------------------------------------- front matter

_YAML_KEY = re.compile(r"""^(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)'|(?P<plain>[^\s#'"\[\]{},&*!|>%@`?:-][^:#\n]*?))[ \t]*:(?:[ \t]|$)""")


def _front_matter_body(token_value: str) -> list[str]:
    """The front matter's YAML lines: keys in canonical order, trailing white space removed.

    Every change is checked: the YAML must load (PyYAML, as build.py reads it)
    to the same mapping, or the lines stay as they were written.
    """
    import yaml

    lines = token_value.split("\n")[1:-1]
    original = "\n".join(lines)
    try:
        data = yaml.safe_load(original) if original.strip(_BLANK) else {}
    except yaml.YAMLError:
        return lines
    if not isinstance(data, dict):
        return lines
    stripped = [line.rstrip(" \t") for line in lines]
    while stripped and not stripped[0]:
        stripped.pop(0)
    while stripped and not stripped[-1]:
        stripped.pop()
    wanted = [k for k in CANONICAL_KEYS if k in data] + [k for k in data if k not in CANONICAL_KEYS]
    for candidate in (_reordered(stripped), stripped, _reordered(lines), lines):
        if candidate is None:
            continue
        try:
            loaded = yaml.safe_load("\n".join(candidate)) if "\n".join(candidate).strip(_BLANK) else {}
        except yaml.YAMLError:
            continue
        if isinstance(loaded, dict) and loaded == data and list(loaded) in (wanted, list(data)):
            return candidate  # the first candidate that means the same: reordered if that is safe
    return lines


def _reordered(lines: list[str]) -> list[str] | None:
    """Top-level keys in canonical order, or None when the keys cannot be told apart.

    A key moves with its value's lines and the comment lines directly above it;
    a blank line above a key stays above it (except above the first key);
    lines before the first key's comments and after the last key's value stay
    where they are.
    """
    keys: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        match = _YAML_KEY.match(line)
        if match:
            keys.append((number, match.group("dq") or match.group("sq") or match.group("plain")))
    names = [name for _number, name in keys]
    if not keys or len(set(names)) != len(names):
        return None
    order = [k for k in CANONICAL_KEYS if k in names] + [k for k in names if k not in CANONICAL_KEYS]
    if order == names:
        return lines
    starts = []
    for index, (number, _name) in enumerate(keys):
        floor = keys[index - 1][0] + 1 if index else 0
        while number > floor and lines[number - 1].startswith("#"):
            number -= 1
        starts.append(number)
    end = len(lines)
    while end > keys[-1][0] + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    chunks: dict[str, list[str]] = {}
    spaced: dict[str, bool] = {}  # a blank line above the key
    for index, (_number, name) in enumerate(keys):
        chunk = lines[starts[index] : starts[index + 1] if index + 1 < len(keys) else end]
        trimmed = len(chunk)
        while trimmed > 1 and not chunk[trimmed - 1].strip():
            trimmed -= 1
        chunks[name] = chunk[:trimmed]
        if index + 1 < len(keys):
            spaced[keys[index + 1][1]] = trimmed < len(chunk)
    out = lines[: starts[0]]
    for position, name in enumerate(order):
        if position and spaced.get(name):
            out.append("")
        out.extend(chunks[name])
    return out + lines[end:]
