"""Reading AIF JSON (as AIFdb exports it, with or without locutions), xAIF
(``{"AIF": {...}, "OVA": ..., "text": ...}``) and OVA's JSON into one plain
graph: typed nodes in file order, edges, and who said each locution.

Everything that cannot mean an argument graph is an error that names its
JSON path (``nodes[12].nodeID``) and points at its place in the file; what
is only left out is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..core.errors import ArgmapError, warning
from ..core.model import Diagnostic, Span
from .aif_json import JsonFile, JsonPath, json_path

SCHEMES = ("RA", "CA", "MA", "PA")
DIALOGUE = ("L", "TA", "YA")
KNOWN = ("I", *SCHEMES, *DIALOGUE)

# AIFdb writes a locution's speaker before its words: "Paul Dean : I welcome ..."
_SPEAKER = re.compile(r"^(?P<speaker>[^:]{1,80}?) ?: (?P<words>\S.*)$")


@dataclass(frozen=True)
class Node:
    id: str
    type: str  # one of KNOWN
    text: str
    path: tuple  # the node's JSON path, for messages
    speaker: str = ""  # L-nodes: who said it
    argmap: Mapping[str, Any] = field(default_factory=dict)  # what argmap's own export adds


@dataclass(frozen=True)
class Graph:
    file: JsonFile
    format: str  # "AIF", "xAIF" or "OVA"
    nodes: dict[str, Node]  # in file order
    edges: tuple[tuple[str, str, tuple], ...]  # (from id, to id, JSON path)
    title: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)  # argmap's own top-level "argmap" key


def read_file(path: str | Path, warnings: list[Diagnostic]) -> Graph:
    """The graph in an AIF, xAIF or OVA file; raises ArgmapError for what is not one."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ArgmapError("unreadable", Span(str(path), 1, 1, 1, 1), "check the path and its permissions", reason=error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ArgmapError("not-utf8", Span(str(path), line, column, line, column + 1), "save the file as UTF-8", byte=raw[error.start], offset=error.start) from None
    return read_text(text, str(path), warnings)


def read_text(text: str, name: str, warnings: list[Diagnostic]) -> Graph:
    return read_json(JsonFile(text, name), warnings)


def read_json(file: JsonFile, warnings: list[Diagnostic]) -> Graph:
    data = file.data
    if not isinstance(data, dict):
        _fail(file, (), "aif-not-aif", reason=f"the top level is {_kind(data)}, not an object with \"nodes\" and \"edges\"")
    if "AIF" in data:
        aif = _expect(file, ("AIF",), data["AIF"], dict, "an object")
        return _Reader(file, warnings, ("AIF",), "xAIF").aif(aif, title=_text(data.get("title")))
    if "nodes" not in data or "edges" not in data:
        keys = ", ".join(f'"{k}"' for k in list(data)[:6]) or "no keys"
        _fail(file, (), "aif-not-aif", reason=f"it has {keys}; AIF has \"nodes\" and \"edges\", xAIF an \"AIF\" object")
    if _is_ova(data):
        return _Reader(file, warnings, (), "OVA").ova(data)
    return _Reader(file, warnings, (), "AIF").aif(data, title="")


def _is_ova(data: dict) -> bool:
    """OVA's edges hold whole nodes ("from": {...}); AIF's name them ("fromID")."""
    for edge in data.get("edges") or ():
        if isinstance(edge, dict):
            return "from" in edge and "fromID" not in edge
    for node in data.get("nodes") or ():
        if isinstance(node, dict):
            return "id" in node and "nodeID" not in node
    return "analysis" in data


class _Reader:
    def __init__(self, file: JsonFile, warnings: list[Diagnostic], base: JsonPath, format: str):
        self.file, self.warnings, self.base, self.format = file, warnings, tuple(base), format
        self.nodes: dict[str, Node] = {}
        self.skipped: set[str] = set()

    # ------------------------------------------------------------ AIF and xAIF

    def aif(self, data: dict, title: str) -> Graph:
        base = self.base
        nodes = self._list(data, "nodes")
        people = {str(p.get("participantID")): _person(p) for p in self._optional_list(data, "participants") if isinstance(p, dict)}
        said_by = self._locutions(data, people)
        for index, item in enumerate(nodes):
            where = (*base, "nodes", index)
            node = _expect(self.file, where, item, dict, "an object")
            self._add(where, self._id(where, node, "nodeID"), node.get("type"), node.get("text"), said_by, node.get("argmap"))
        edges = []
        for index, item in enumerate(self._list(data, "edges")):
            where = (*base, "edges", index)
            edge = _expect(self.file, where, item, dict, "an object")
            edges.append(self._edge(where, self._id(where, edge, "fromID"), self._id(where, edge, "toID")))
        metadata = data.get("argmap") if isinstance(data.get("argmap"), dict) else {}
        return self._graph(edges, title, metadata)

    def _locutions(self, data: dict, people: dict[str, str]) -> dict[str, str]:
        said_by: dict[str, str] = {}
        for item in self._optional_list(data, "locutions"):
            if isinstance(item, dict) and item.get("nodeID") is not None:
                person = people.get(str(item.get("personID")), "")
                said_by.setdefault(str(item["nodeID"]), person)
        return said_by

    # ------------------------------------------------------------ OVA

    def ova(self, data: dict) -> Graph:
        people = {str(p.get("id")): _person(p) for p in self._optional_list(data, "participants") if isinstance(p, dict)}
        for index, item in enumerate(self._list(data, "nodes")):
            where = ("nodes", index)
            node = _expect(self.file, where, item, dict, "an object")
            said_by = {}
            if node.get("participantID") not in (None, "", "0", 0):
                said_by = {str(node.get("id")): people.get(str(node.get("participantID")), "")}
            self._add(where, self._id(where, node, "id"), node.get("type"), node.get("text"), said_by, None)
        edges = []
        for index, item in enumerate(self._list(data, "edges")):
            where = ("edges", index)
            edge = _expect(self.file, where, item, dict, "an object")
            ends = [_expect(self.file, (*where, end), edge.get(end), dict, "a node object") for end in ("from", "to")]
            edges.append(self._edge(where, self._id((*where, "from"), ends[0], "id"), self._id((*where, "to"), ends[1], "id")))
        analysis = data.get("analysis") if isinstance(data.get("analysis"), dict) else {}
        return self._graph(edges, _text(analysis.get("documentTitle")), {})

    # ------------------------------------------------------------ shared

    def _graph(self, edges: list, title: str, metadata: Mapping) -> Graph:
        kept = tuple(e for e in edges if e is not None)
        return Graph(self.file, self.format, self.nodes, kept, title, metadata)

    def _list(self, data: dict, key: str) -> list:
        return _expect(self.file, (*self.base, key), data.get(key), list, "a list")

    def _optional_list(self, data: dict, key: str) -> list:
        value = data.get(key)
        return value if isinstance(value, list) else []

    def _id(self, where: JsonPath, item: dict, key: str) -> str:
        value = item.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            what = "missing" if value is None else f"{_kind(value)}, not a string or number"
            _fail(self.file, (*where, key), "aif-bad-value", where=json_path((*where, key)), reason=f"the id is {what}")
        return str(value)

    def _add(self, where: JsonPath, node_id: str, type_: Any, text: Any, said_by: dict[str, str], extra: Any) -> None:
        if node_id in self.nodes or node_id in self.skipped:
            first = self.nodes[node_id].path if node_id in self.nodes else where
            _fail(self.file, where, "aif-duplicate-id", where=json_path(where), id=node_id, first=json_path(first))
        if not isinstance(type_, str) or type_ not in KNOWN:
            self.skipped.add(node_id)
            shown = repr(type_) if isinstance(type_, str) else _kind(type_)
            self.warnings.append(warning("aif-skipped", self.file.span(where), "AIF's node types are I, RA, CA, MA, PA, L, TA and YA", where=json_path(where), what=f"a node of type {shown}", reason="argmap reads I-nodes, RA, CA, MA and PA schemes, and L, TA and YA dialogue nodes"))
            return
        if text is not None and not isinstance(text, str):
            _fail(self.file, (*where, "text"), "aif-bad-value", where=json_path((*where, "text")), reason=f"the text is {_kind(text)}, not a string")
        text = " ".join((text or "").split())
        speaker = said_by.get(node_id, "")
        if type_ == "L":
            text, speaker = _words(text, speaker)
        self.nodes[node_id] = Node(node_id, type_, text, tuple(where), speaker, extra if isinstance(extra, dict) else {})

    def _edge(self, where: JsonPath, source: str, target: str):
        for key, node_id in (("from", source), ("to", target)):
            if node_id not in self.nodes and node_id not in self.skipped:
                name = key if self.format == "OVA" else f"{key}ID"
                _fail(self.file, (*where, name), "aif-missing-node", where=json_path((*where, name)), key=name, id=node_id)
        if source in self.skipped or target in self.skipped:
            return None  # the node's own warning says why
        return (source, target, tuple(where))


def _words(text: str, speaker: str) -> tuple[str, str]:
    """A locution's words and speaker: AIFdb writes "Speaker : words"."""
    if speaker and text.startswith(speaker):
        rest = text[len(speaker) :].lstrip()
        if rest.startswith(":"):
            return rest[1:].strip(), speaker
    parsed = _SPEAKER.match(text)
    if parsed:
        return parsed.group("words"), speaker or parsed.group("speaker").strip()
    return text, speaker


def _person(item: dict) -> str:
    return " ".join(_text(item.get(k)) for k in ("firstname", "surname") if _text(item.get(k))).strip()


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}.get(type(value), "a number")


def _expect(file: JsonFile, where: JsonPath, value: Any, kind: type, name: str) -> Any:
    if not isinstance(value, kind):
        reason = f"{name} is missing" if value is None else f"expected {name}, found {_kind(value)}"
        _fail(file, where, "aif-bad-value", where=json_path(where), reason=reason)
    return value


def _fail(file: JsonFile, at: JsonPath, code: str, **values: object):
    hints = {
        "aif-not-aif": "argmap import reads AIF JSON (AIFdb's nodesets), xAIF and OVA's JSON",
        "aif-bad-value": "AIF nodes look like {\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"...\"}, edges like {\"fromID\": \"1\", \"toID\": \"2\"}",
        "aif-duplicate-id": "every node needs an id of its own",
        "aif-missing-node": "an edge can only join nodes of this file",
    }
    raise ArgmapError(code, file.span(at), hints.get(code, ""), **values)
