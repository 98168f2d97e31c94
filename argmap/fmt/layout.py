"""The canonical layout of a parsed document: which line each comment goes with, and every line written out.

The words of an element are copied from the source, from its first token to
its last; comments are found in the gaps between the parser's tokens and
travel with the line they trail or the line they stand above.
"""

from __future__ import annotations

import bisect

from ..parse.lark_standalone import Token
from ..parse.lines import COMMENT_AT
from .front_matter import front_matter_body
from .output import Output
from .units import BLANK, STEP, EmptyHeading, Unit, block_units, inference_lines


def _comments(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """The comments of the text: what lies between the parser's tokens, besides white space."""
    found: list[tuple[int, int]] = []
    position = 0
    for token in [*tokens, None]:
        end = len(text) if token is None else token.start_pos
        if end < position:  # pragma: no cover - overlapping tokens would be a parser bug
            raise AssertionError(f"tokens overlap at offset {end}")
        while True:
            while position < end and text[position] in BLANK:
                position += 1
            if position >= end:
                break
            match = COMMENT_AT.match(text, position)
            if match is None or match.end() > end:  # pragma: no cover - something the parser did not keep
                raise AssertionError(f"unexpected text between tokens at offset {position}: {text[position:end]!r}")
            found.append((match.start(), match.end()))
            position = match.end()
        if token is not None:
            position = token.end_pos
    return found



class Layout:
    def __init__(self, text: str, blocks: list):
        self.text = text
        self.blocks = [block_units(block) for block in blocks]
        self.before: list[list[list[tuple[int, int]]]] = [[] for _ in self.blocks]  # groups between blocks
        self.after: list[list[list[tuple[int, int]]]] = [[] for _ in self.blocks]  # groups glued below a block
        self.end: list[list[tuple[int, int]]] = []  # groups after the last block
        in_source_order = sorted((u for units in self.blocks for u in units), key=lambda u: u.start)
        self.block_of = {id(u): index for index, units in enumerate(self.blocks) for u in units}
        tokens = [t for u in in_source_order for t in u.tokens]
        self.comments = _comments(text, tokens)
        self.attach_comments(in_source_order)

    # -- which line each comment goes with

    def attach_comments(self, units: list[Unit]) -> None:
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

    def attach_gap(self, comments: list[tuple[int, int]], previous: Unit | None, following: Unit | None) -> None:
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
        out = Output(self.text, self.comments)
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

    def group(self, out: Output, group: list[tuple[int, int]], column: int, until: int | None = None) -> None:
        out.begin(column)
        out.copy(group[0][0], group[-1][1] if until is None else until, column)

    def unit(self, out: Output, unit: Unit) -> None:
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
            words = unit.tokens[0].value[1:].strip()
            out.put("> " + (words or '""'))  # `>` alone would be text; `""` is the same empty quote
        elif unit.kind == "inference":
            first, *more = inference_lines(unit.tokens[0])
            out.put(first)
            for line in more:
                out.begin(unit.column + STEP)
                out.put(line)
        elif unit.kind == "front":
            out.put("===")
            for line in front_matter_body(unit.tokens[0].value):
                out.raw_line(line)
            out.raw_line("===")
        elif unit.kind == "heading" and len(unit.tokens) == 1 and not unit.trailing:
            raise EmptyHeading(unit.tokens[0])  # `#` alone would be text
        else:
            self.words(out, unit)
        if unit.trailing:
            self.trailing(out, unit)

    def words(self, out: Output, unit: Unit) -> None:
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

    def trailing(self, out: Output, unit: Unit) -> None:
        comments = unit.trailing
        line = out.line
        stripped = line.rstrip(" \t")
        spaced = self.text[comments[0][0] - 1] in " \t"  # a comment glued to the words stays glued
        out.line = stripped + (" " if spaced else "")
        out.copy(comments[0][0], comments[-1][1], unit.column + STEP)

