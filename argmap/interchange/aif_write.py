"""The merged map as AIF JSON, in the shape AIFdb exports (``nodes``, ``edges``,
``locutions``, plus xAIF's ``participants``).

* every statement is an I-node; an argument without a premise–conclusion
  structure is an I-node holding its gist;
* each inference step of a structure is one RA node from the step's
  premises to its conclusion; a support is an RA node, an attack or an
  undercut a CA node, a contradiction two CA nodes, one each way; a
  relation aimed at an argument goes to its last RA node;
* quotes (and ``said`` data) are locutions: an L-node ``Speaker : words``
  asserting the I-node through a YA node; the speaker of a quote is its
  source; ``rephrasings`` data become I-nodes joined by MA nodes,
  ``preferred_over`` a PA node;
* an ``argmap`` key on nodes (titles, tags, arguments, relation types, and
  whose voice: speaker, hedge, the mapper's reconstructions with their
  notes, under the canonical JSON's keys) and at the top (sources,
  positions) lets ``argmap import`` restore the map; other readers ignore it.

Ids are numbers in a fixed order, so the same map gives the same bytes.
"""

from __future__ import annotations

from typing import Any, Iterable

import orjson

from ..core.model import ArgumentMap, Kind, MergedArgument, Ref, Relation, RelationType
from .canonical import FORMAT_VERSION, _relation_sort_key, _relation_voice, _voice

_SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase", "PA": "Default Preference"}
_RA_TYPES = (RelationType.SUPPORT, RelationType.ENTAILS)


def to_aif_bytes(argument_map: ArgumentMap) -> bytes:
    return orjson.dumps(to_aif(argument_map), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def to_aif(argument_map: ArgumentMap) -> dict[str, Any]:
    return _Writer(argument_map).write()


def inference_steps(argument: MergedArgument) -> list[tuple[list[str], str, tuple[str, ...], int]]:
    """(inputs, conclusion, rules, conclusion's index) of each inference: the
    inputs are the items since the previous inference, its conclusion first."""
    steps, inputs = [], []
    for index, item in enumerate(argument.pcs):
        if item.inference is None:
            inputs.append(item.statement)
            continue
        steps.append((inputs, item.statement, item.inference.rules, index))
        inputs = [item.statement]
    return steps


class _Writer:
    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.people: dict[str, int] = {}
        self.statement_node: dict[str, str] = {}
        self.argument_node: dict[str, str] = {}  # arguments without structure: their gist's I-node
        self.steps: dict[str, list[tuple[int, str]]] = {}  # argument -> (conclusion index, RA node)
        self.own_scheme: dict[str, tuple[str, str]] = {}  # argument without structure -> (type, node) of its first RA, else CA
        names = {s.id: s.publisher or s.author or s.title or s.id for s in argument_map.sources}
        self.speaker = lambda source: names.get(source, source)

    def write(self) -> dict[str, Any]:
        self._information()
        self._structures()
        self._relations()
        self._data()
        people = [{"participantID": n, "firstname": name, "surname": ""} for name, n in self.people.items()]
        return {"nodes": self.nodes, "edges": self.edges, "locutions": self.locutions, "participants": people, "argmap": self._metadata()}

    # ------------------------------------------------------------ nodes and edges

    def _node(self, type_: str, text: str, argmap: dict[str, Any] | None = None) -> str:
        node_id = str(len(self.nodes) + 1)
        node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": type_}
        if argmap:
            node["argmap"] = argmap
        self.nodes.append(node)
        return node_id

    def _edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": str(len(self.edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    def _scheme(self, type_: str, sources: Iterable[str], target: str, argmap: dict[str, Any] | None = None, text: str = "") -> str:
        node = self._node(type_, text or _SCHEME_TEXT[type_], argmap)
        for source in sources:
            self._edge(source, node)
        self._edge(node, target)
        return node

    # ------------------------------------------------------------ I-nodes

    def _information(self) -> None:
        elements = [(s.title, Kind.STATEMENT) for s in self.map.statements.values()]
        elements += [(a.title, Kind.ARGUMENT) for a in self.map.arguments.values() if not a.pcs]
        for title, kind in sorted(elements, key=lambda e: (e[0], e[1].value)):
            element = self.map.element(Ref(kind, title))
            marker: dict[str, Any] = {"title": title}
            if kind is Kind.ARGUMENT:
                marker["element"] = "argument"
            if element.tags:
                marker["tags"] = sorted(element.tags)
            marker["sources"] = sorted(element.sources)
            marker.update(_voice(element))
            node = self._node("I", element.text, marker)
            (self.argument_node if kind is Kind.ARGUMENT else self.statement_node)[title] = node

    def _structures(self) -> None:
        for argument in sorted((a for a in self.map.arguments.values() if a.pcs), key=lambda a: a.title):
            steps = inference_steps(argument)
            for number, (inputs, conclusion, rules, index) in enumerate(steps):
                marker: dict[str, Any] = {"argument": argument.title, "step": number}
                if rules:
                    marker["rules"] = list(rules)
                if number == len(steps) - 1:
                    marker.update(self._argument_marker(argument))
                text = ", ".join(rules) or _SCHEME_TEXT["RA"]
                node = self._scheme("RA", (self.statement_node[i] for i in inputs), self.statement_node[conclusion], marker, text)
                self.steps.setdefault(argument.title, []).append((index, node))

    @staticmethod
    def _argument_marker(argument: MergedArgument) -> dict[str, Any]:
        marker: dict[str, Any] = {}
        if argument.text:
            marker["text"] = argument.text
        if argument.tags:
            marker["tags"] = sorted(argument.tags)
        marker["sources"] = sorted(argument.sources)
        marker.update(_voice(argument))
        return marker

    # ------------------------------------------------------------ relations

    def _relations(self) -> None:
        relations = sorted(self.map.relations, key=_relation_sort_key)
        schemes: list[tuple[Relation, str, str, dict[str, Any]]] = []
        for relation in relations:  # first every scheme, so an argument's own scheme is known
            type_ = "RA" if relation.type in _RA_TYPES else "CA"
            marker = self._relation_marker(relation)
            node = self._node(type_, _SCHEME_TEXT[type_], marker or None)
            source = relation.source
            if source.kind is Kind.ARGUMENT and source.title in self.argument_node:
                known = self.own_scheme.get(source.title)
                if known is None or (type_ == "RA" and known[0] != "RA"):  # its first inference, else its first conflict
                    self.own_scheme[source.title] = (type_, node)
            schemes.append((relation, type_, node, marker))
        for relation, _, node, _ in schemes:
            self._edge(self._premise(relation.source), node)
            self._edge(node, self._target(relation.target))
            if relation.type is RelationType.CONTRADICTORY:  # and the other way round
                self._scheme("CA", [self._premise(relation.target)], self._target(relation.source), {"relation": "contradictory", **_relation_voice(relation.reconstructed)})

    def _relation_marker(self, relation: Relation) -> dict[str, Any]:
        marker: dict[str, Any] = {}
        source, target = relation.source, relation.target
        if source.kind is Kind.ARGUMENT and source.title in self.steps:
            marker["source"] = source.title
        structured = target.kind is Kind.ARGUMENT and target.title in self.steps
        default = "support" if relation.type in _RA_TYPES else ("undercut" if structured else "attack")
        kind = {RelationType.ENTAILS: "support", RelationType.CONTRARY: "attack"}.get(relation.type, relation.type.value)
        if kind != default:
            marker["relation"] = kind
        if target.conclusion_index is not None:
            marker["inference"] = True
        marker["sources"] = sorted(relation.sources)
        marker.update(_relation_voice(relation.reconstructed))
        return marker

    def _premise(self, ref: Ref) -> str:
        if ref.kind is Kind.STATEMENT:
            return self.statement_node[ref.title]
        if ref.title in self.argument_node:
            return self.argument_node[ref.title]
        argument = self.map.arguments[ref.title]
        return self.statement_node[argument.pcs[-1].statement]  # a structure speaks through its conclusion

    def _target(self, ref: Ref) -> str:
        if ref.kind is Kind.STATEMENT:
            return self.statement_node[ref.title]
        if ref.title in self.argument_node:  # no structure: its own inference or conflict, else its gist
            return self.own_scheme.get(ref.title, ("", self.argument_node[ref.title]))[1]
        steps = self.steps[ref.title]
        for index, node in steps:
            if index == ref.conclusion_index:
                return node
        return steps[-1][1]  # the argument as a whole: its last inference

    # ------------------------------------------------------------ quotes and data

    def _data(self) -> None:
        for title in sorted(self.statement_node):
            self._element_data(self.map.statements[title], self.statement_node[title])
        for title in sorted(self.argument_node):
            self._element_data(self.map.arguments[title], self.argument_node[title])
        for title, steps in sorted(self.steps.items()):
            self._element_data(self.map.arguments[title], steps[-1][1], act="Arguing")
        for document in self.map.documents:
            aif = document.front_matter.get("aif")
            unrelated = aif.get("unrelated") if isinstance(aif, dict) else None
            for entry in unrelated if isinstance(unrelated, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get("text"), str):
                    marker = {"title": entry["title"]} if isinstance(entry.get("title"), str) else {}
                    marker.update(_entry_voice(entry, document.source.id))
                    node = self._node("I", entry["text"], marker or None)
                    self._said(entry, node, "Asserting")
                    self._rephrasings(entry, node)

    def _element_data(self, element, node: str, act: str = "Asserting") -> None:
        for quote in sorted(element.quotes, key=lambda q: (q.source, q.text)):
            self._locution(self.speaker(quote.source), quote.text, act, node)
        for occurrence in sorted(element.occurrences, key=lambda o: (o.span.path, o.span.line, o.span.column)):
            self._said(occurrence.data, node, act)
            self._rephrasings(occurrence.data, node)
            preferred = occurrence.data.get("preferred_over")
            for other in preferred if isinstance(preferred, list) else ():
                if isinstance(other, str) and other in self.statement_node:
                    self._scheme("PA", [node], self.statement_node[other])

    def _said(self, data: Any, node: str, act: str) -> None:
        said = data.get("said") if isinstance(data, dict) else None
        for entry in said if isinstance(said, list) else ():
            if isinstance(entry, dict) and isinstance(entry.get("text"), str):
                by = entry.get("by") if isinstance(entry.get("by"), str) else ""
                self._locution(by, entry["text"], entry.get("act") if isinstance(entry.get("act"), str) else act, node)

    def _rephrasings(self, data: Any, node: str) -> None:
        texts = data.get("rephrasings") if isinstance(data, dict) else None
        for text in texts if isinstance(texts, list) else ():
            if isinstance(text, str):
                self._scheme("MA", [self._node("I", text)], node)

    def _locution(self, speaker: str, words: str, act: str, target: str) -> None:
        speaker = " ".join(speaker.replace(":", " ").split())
        locution = self._node("L", f"{speaker} : {words}" if speaker else words)
        self._scheme("YA", [locution], target, text=act)
        entry: dict[str, Any] = {"nodeID": locution}
        if speaker:
            entry["personID"] = self.people.setdefault(speaker, len(self.people) + 1)
        self.locutions.append(entry)

    def _metadata(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "sources": [
                {"id": s.id, "title": s.title, "author": s.author, "publisher": s.publisher, "date": s.date, "url": s.url}
                for s in sorted(self.map.sources, key=lambda s: s.id)
            ],
            "positions": [
                {"tag": p.tag, "label": p.label, "color": p.color, "description": p.description}
                for p in sorted(self.map.positions, key=lambda p: p.tag)
            ],
        }


def _entry_voice(entry: dict, source: str) -> dict[str, Any]:
    """The voice of a claim kept in the front matter (``aif: unrelated:``), under the I-nodes' keys."""
    keys: dict[str, Any] = {k: " ".join(entry[k].split()) for k in ("speaker", "hedge") if isinstance(entry.get(k), str) and entry[k].strip()}
    mark = entry.get("reconstructed")
    if mark is True or (isinstance(mark, str) and mark.strip()):
        keys.update({"reconstructed": True, "reconstructed_in": [source]})
        if isinstance(mark, str):
            keys["reconstruction_notes"] = [" ".join(mark.split())]
    return keys
