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

from ..core.errors import ArgmapError, InputErrors, error, message
from ..core.model import Diagnostic, Span
from ..parse.parser import parse_raw
from ..parse.raw import RawFrontMatter, RawList
from .diff import unified_lines
from .layout import Layout
from .meaning import meaning, meaning_of_blocks, syntax_errors
from .units import BLANK, BlankStatement, EmptyHeading


class FormatError(InputErrors):
    """The text cannot be formatted; ``diagnostics`` say why (syntax errors, usually)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(diagnostics)
        self.args = ("\n".join(f"{d.span}: {d.message}" if d.span else d.message for d in diagnostics),)


def _refusal(code: str, span: Span, hint: str) -> FormatError:
    """fmt leaves the file as it is: why (the message of ``code`` in the catalogue), where, and what to do."""
    return FormatError([error(code, span, hint)])


# ---------------------------------------------------------------- entry points


def format_text(text: str, path: str = "<stdin>", *, verify: bool = True) -> str:
    """The canonical layout of one document's text (``path`` names it in messages).

    Raises :class:`FormatError` when the text has syntax errors, or (a bug,
    never expected) when the layout would not mean the same as the input.
    That check builds and exports the input and the layout (two thirds of
    the time on a large file); ``verify=False`` leaves it out, for a
    preview that writes nothing (``fmt --check``, ``--diff``): the file
    itself is only ever written from a checked layout.
    """
    text = normalize_newlines(text)
    if "\r\n" in text:  # it was CR CR LF: the second pass would make it LF, and fmt would not be idempotent
        _refuse_lone_carriage_return(text, path)
    if not text.strip(BLANK):
        return ""
    blocks = _parse(text, path)
    _refuse_commented_mark(blocks, text, path)
    try:
        formatted = Layout(text, blocks).render()
    except BlankStatement as blank:
        token = blank.token
        span = Span(path, token.line, token.column, token.line, token.column)
        raise _refusal("fmt-blank-statement", span, "delete the white space after the comment") from None
    except EmptyHeading as empty:
        token = empty.token
        span = Span(path, token.line, token.column, token.line, token.column + len(token.value.rstrip(BLANK)))
        raise _refusal("fmt-empty-heading", span, "write a title after the '#', or delete the line") from None
    if formatted.startswith("\ufeff"):  # a U+FEFF inside the text, which the top of a file would make a byte-order mark
        raise _refusal("fmt-leading-bom", _first_line_span(formatted, text, path), "delete the invisible character at the start of the text")
    if formatted.startswith("===") and not isinstance(blocks[0], RawFrontMatter):
        raise _refusal(
            "fmt-front-matter-lookalike", _first_line_span(formatted, text, path), "start the text with something else, or write '\\===' for the signs themselves"
        )
    if verify and formatted != text:
        _check_same_meaning(meaning_of_blocks(blocks, text, path), formatted, path, text)  # uses the blocks up
    return formatted


def _refuse_lone_carriage_return(text: str, path: str) -> None:
    """A CR left after CRLF became LF: a line end fmt cannot keep (it writes LF only) nor drop without changing the text."""
    position = text.index("\r\n")
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    raise _refusal("fmt-lone-cr", Span(path, line, column, line, column + 1), "replace it with a line break, or delete it")


def _first_line_span(formatted: str, text: str, path: str) -> Span:
    """Where the first words of ``formatted`` are in ``text``."""
    start = len(text) - len(text.lstrip(BLANK))
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(path, line, column, line, column + 3)


def normalize_newlines(text: str) -> str:
    """Drop the byte-order marks at the start and turn CRLF line ends into LF.

    Every mark, not just one: readers drop the first, so a second one left at
    the start of the formatted file would be dropped next time, and fmt would
    change the file twice.
    """
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff (as difflib writes it, in near-linear time) from the file as it is to the formatted file.

    A byte-order mark or CRLF line ends in ``before`` are named in a note
    above the diff rather than shown on every line.
    """
    notes = []
    if before.startswith("\ufeff"):
        notes.append(f"# {path}: {message('fmt-note-bom')}\n")
    if "\r\n" in before:
        notes.append(f"# {path}: {message('fmt-note-crlf')}\n")
    before = normalize_newlines(before)
    if before == after:
        return "".join(notes)
    lines = unified_lines(before.splitlines(keepends=True), after.splitlines(keepends=True), path, f"{path} (formatted)")
    out = notes
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


# ---------------------------------------------------------------- parsing and checking


def _parse(text: str, path: str) -> list:
    from ..build.front_matter import FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN

    opened = FRONT_MATTER_OPEN.match(text)
    if opened and not FRONT_MATTER_CLOSE.search(text, opened.end()):
        span = Span(path, 1, 1, 1, 4)
        raise FormatError([error("unterminated-front-matter", span, "end the front matter with a line holding only '==='")])
    try:
        return parse_raw(text, path, split_lines=True)
    except ArgmapError as exc:
        raise FormatError(syntax_errors(text, path, exc)) from None


_COMMENT_OPENERS = ("//", "/*", "<!--")


def _refuse_commented_mark(blocks: list, text: str, path: str) -> None:
    """A list mark followed only by a comment takes the next line as its text,
    whatever that line starts with (`* // note` then `* item`): no layout fmt
    writes reads the same, so the file is refused, saying where."""
    for block in blocks:
        if not isinstance(block, RawList):
            continue
        for mark, element in block.items:
            first = element.head if element.head is not None else element.inline[0] if element.inline else None
            between = text[mark.end_pos : first.start_pos] if first is not None and first.line > mark.line else ""
            if any(opener in between for opener in _COMMENT_OPENERS):
                span = Span(path, mark.line, mark.column, mark.line, mark.column + len(mark.value.rstrip(BLANK)))
                raise _refusal("fmt-mark-alone", span, "write the item's text after its mark, on the same line (a comment may follow the text)")


def _check_same_meaning(before: tuple, after: str, path: str, text: str) -> None:
    """Refuse the layout ``after`` unless it means ``before`` (the input's meaning, read from fmt's blocks).

    Read from the blocks, the input's meaning saves a parse; where it differs
    it is read again from ``text`` as the commands read it (white space the
    parser's two modes tell apart, e.g. lone vertical tabs) before refusing.
    """
    after_meaning = meaning(after, path)
    if before != after_meaning and meaning(text, path) != after_meaning:
        span = Span(path, 1, 1, 1, 1)
        raise _refusal("fmt-changes-meaning", span, "please report this file as a bug in argmap fmt")
