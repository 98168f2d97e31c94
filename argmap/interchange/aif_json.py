"""Reading a JSON file for the AIF import, and finding where in the file a
JSON path is, so that a message can point at the line and column.

The data is read with orjson; only when a message needs a place is the text
read again, by the standard library's pure-Python scanner with two hooks
that note where each object and array starts.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any, Sequence

from ..core.errors import ArgmapError
from ..core.model import Span

JsonPath = Sequence["str | int"]


def json_path(path: JsonPath) -> str:
    """``("nodes", 3, "type")`` as people read it: ``nodes[3].type``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


class JsonFile:
    """A JSON document and its text: ``data``, and ``span(path)`` for messages."""

    def __init__(self, text: str, name: str):
        self.text = text
        self.name = name
        self._starts: Any = None
        import orjson

        try:
            self.data = orjson.loads(text)
        except orjson.JSONDecodeError as error:
            raise ArgmapError(
                "aif-not-json",
                Span(name, error.lineno, error.colno, error.lineno, error.colno + 1),
                "argmap import reads AIF, xAIF and OVA files, which are JSON",
                reason=error.msg,
            ) from None

    def span(self, path: JsonPath) -> Span:
        """Where the value at ``path`` is: an object's first key, or the start of
        the nearest enclosing object or array."""
        offset = self._offset(path)
        if self.text.startswith("{", offset):  # its first key says more than a lone brace
            key = len(self.text) - len(self.text[offset + 1 :].lstrip())
            offset = key if self.text.startswith('"', key) else offset
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return Span(self.name, line, column, line, column + 1)

    def _offset(self, path: JsonPath) -> int:
        if self._starts is None:
            self._starts = _with_starts(self.text)
        value, offset = self._starts, 0
        for part in path:
            offset = getattr(value, "start", offset)
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return offset
        if hasattr(value, "start"):
            return value.start
        if path and isinstance(path[-1], str):  # a plain value: its key, inside its object
            key = self.text.find(json.dumps(path[-1]), offset)
            return key if key >= 0 else offset
        return offset


class _Object(dict):
    start = 0


class _Array(list):
    start = 0


def _with_starts(text: str) -> Any:
    """The document again, every object and array knowing the offset of its bracket."""
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, *args):
        value, end = json.decoder.JSONObject(s_and_end, *args)
        tagged = _Object(value)
        tagged.start = s_and_end[1] - 1
        return tagged, end

    def parse_array(s_and_end, scan_once):
        value, end = json.decoder.JSONArray(s_and_end, scan_once)
        tagged = _Array(value)
        tagged.start = s_and_end[1] - 1
        return tagged, end

    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder.decode(text)
