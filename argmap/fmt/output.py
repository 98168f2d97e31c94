"""fmt's output lines: source ranges copied and re-indented, comments kept where they were relative to their opening."""

from __future__ import annotations

import bisect


class Output:
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

