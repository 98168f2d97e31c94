"""What an AIF graph says, as argmap's elements.

* I-nodes are claims; I-nodes joined by MA (rephrase) nodes are one claim,
  the markup's equivalence (one title), whose other wordings are kept.
* An RA node with one premise is a support; an RA with several premises, a
  named scheme, or something attacking or supporting the inference itself
  is an argument with a premise–conclusion structure.
* A CA node is an attack on an I-node and an undercut of an RA's inference.
  A CA aimed at another CA makes that CA's premise an argument (without a
  structure) so that it can be attacked.
* PA nodes are noted on the preferred claim; L, TA and YA nodes are
  dialogue: who said what is kept on the claim it asserts.

Nodes written by argmap's own export carry an ``argmap`` key that restores
titles, tags, arguments and relation types exactly, and whose voice a claim,
an argument or a relation is in (speaker, hedge, the mapper's reconstruction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..core.errors import warning
from ..core.model import Diagnostic, Voice
from .aif_json import json_path
from .aif_read import SCHEMES, Graph, Node
from .aif_rephrase import named_claims

DEFAULT_SCHEMES = {"", "ra", "ca", "ma", "pa", "default inference", "default conflict", "default rephrase", "default preference"}


@dataclass
class Claim:
    id: str  # the I-node that names it (of rephrasings: the one they rephrase)
    text: str
    node: Node
    element: str = "statement"  # or "argument": an argument without a premise–conclusion structure
    given_title: str = ""
    tags: list[str] = field(default_factory=list)
    said: list[dict] = field(default_factory=list)
    rephrasings: list[str] = field(default_factory=list)
    preferred_over: list[str] = field(default_factory=list)  # claim ids
    voice: Voice | None = None


@dataclass
class Step:
    node: str  # the RA node
    premises: list[str]  # claim ids: the step's inputs, in order
    conclusion: str
    rules: list[str]


@dataclass
class Structure:
    id: str  # its first RA node
    node: Node
    steps: list[Step]
    given_title: str = ""
    text: str = ""
    tags: list[str] = field(default_factory=list)
    said: list[dict] = field(default_factory=list)
    voice: Voice | None = None


@dataclass(frozen=True)
class Link:
    source: tuple  # ("claim", id) or ("structure", id)
    type: str  # support, attack, undercut or contradictory
    target: tuple  # ("claim", id), ("structure", id) or ("structure", id, step)
    reconstructed: str | None = field(default=None, compare=False)  # the mapper's link: its note ("" for none)


@dataclass
class Imported:
    graph: Graph
    claims: dict[str, Claim]
    structures: dict[str, Structure]
    links: list[Link]
    order: list[tuple]  # ("claim", id) and ("structure", id) in file order
    dialogue: dict[str, int] = field(default_factory=dict)


def interpret(graph: Graph, warnings: list[Diagnostic]) -> Imported:
    return _Interpreter(graph, warnings).run()


def scheme_name(node: Node) -> str:
    """The scheme an S-node names, or "" for the default one."""
    return "" if node.text.casefold() in DEFAULT_SCHEMES else node.text


class _Interpreter:
    def __init__(self, graph: Graph, warnings: list[Diagnostic]):
        self.graph, self.warnings, self.nodes = graph, warnings, graph.nodes
        self.ins: dict[str, list[str]] = {n: [] for n in self.nodes}
        self.outs: dict[str, list[str]] = {n: [] for n in self.nodes}
        for source, target, _ in graph.edges:
            self.outs[source].append(target)
            self.ins[target].append(source)
        self.rep: dict[str, str] = {}
        self.claims: dict[str, Claim] = {}
        self.structures: dict[str, Structure] = {}
        self.step_of: dict[str, tuple[str, int]] = {}  # RA id -> (structure id, step)
        self.links: list[Link] = []
        self.seen: set[Link] = set()
        self.order: list[tuple] = []

    def run(self) -> Imported:
        self._rephrasings()
        self._claims()
        self._structures()
        for node in self.nodes.values():
            if node.type == "RA" and node.id not in self.step_of:
                self._support(node)
            elif node.type == "CA":
                self._conflict(node)
            elif node.type == "PA":
                self._preference(node)
        self._contradictions()
        dialogue = self._dialogue()
        return Imported(self.graph, self.claims, self.structures, self.links, self.order, dialogue)

    # ------------------------------------------------------------ helpers

    def _kind(self, node_id: str) -> str:
        return self.nodes[node_id].type

    def _argument_ins(self, node_id: str) -> list[str]:
        return [n for n in self.ins[node_id] if self._kind(n) == "I" or self._kind(n) in SCHEMES]

    def _argument_outs(self, node_id: str) -> list[str]:
        return [n for n in self.outs[node_id] if self._kind(n) == "I" or self._kind(n) in SCHEMES]

    def _skip(self, node: Node, what: str, reason: str) -> None:
        where = json_path(node.path)
        self.warnings.append(warning("aif-skipped", self.graph.file.span(node.path), "", where=where, what=what, reason=reason))

    def _claim_of(self, node_id: str) -> str:
        return self.rep.get(node_id, node_id)

    def _claim_premises(self, node_id: str) -> list[str]:
        """The claims of the I-nodes that go into a scheme node."""
        return [self._claim_of(n) for n in self.ins[node_id] if self._kind(n) == "I"]

    # ------------------------------------------------------------ MA: rephrasings

    def _rephrasings(self) -> None:
        pairs: dict[str, list[tuple[str, Node]]] = {}
        for node in self.nodes.values():
            if node.type != "MA":
                continue
            sources, targets = self._argument_ins(node.id), self._argument_outs(node.id)
            if not sources or not targets or any(self._kind(n) != "I" for n in sources + targets):
                self._skip(node, "an MA (rephrase) node", "a rephrase joins I-nodes: one or more on each side")
                continue
            for source in sources:
                for target in targets:
                    pairs.setdefault(source, []).append((target, node))
        self.rep = named_claims(pairs, list(self.nodes), self.graph.file)

    # ------------------------------------------------------------ I-nodes

    def _claims(self) -> None:
        for node in self.nodes.values():
            if node.type != "I":
                continue
            rep = self.nodes[self._claim_of(node.id)]
            claim = self.claims.get(rep.id)
            if claim is None:
                extra = rep.argmap
                claim = Claim(rep.id, rep.text, rep, "argument" if extra.get("element") == "argument" else "statement", _string(extra.get("title")), _strings(extra.get("tags")), voice=exported_voice(extra))
                self.claims[rep.id] = claim
                self.order.append(("claim", rep.id))
            if node.id != rep.id:
                claim.rephrasings.append(node.text)

    # ------------------------------------------------------------ RA: arguments with a structure

    def _structures(self) -> None:
        marked: dict[str, Structure] = {}
        for node in self.nodes.values():
            if node.type != "RA":
                continue
            step = self._step(node)
            if step is None:
                continue
            title = _string(node.argmap.get("argument"))
            if title:
                structure = marked.get(title)
                if structure is None:
                    structure = marked[title] = self._new_structure(node, title)
                structure.steps.append(step)
                structure.steps.sort(key=lambda s: _int(self.nodes[s.node].argmap.get("step")))
                structure.text = structure.text or _string(node.argmap.get("text"))
                structure.tags = structure.tags or _strings(node.argmap.get("tags"))
                structure.voice = structure.voice or exported_voice(node.argmap)
            else:
                self._new_structure(node, "").steps.append(step)
        for structure in self.structures.values():
            for index, step in enumerate(structure.steps):
                self.step_of[step.node] = (structure.id, index)

    def _new_structure(self, node: Node, title: str) -> Structure:
        extra = node.argmap
        structure = Structure(node.id, node, [], title, _string(extra.get("text")), _strings(extra.get("tags")), voice=exported_voice(extra))
        self.structures[node.id] = structure
        self.order.append(("structure", node.id))
        return structure

    def _step(self, node: Node) -> Step | None:
        """The RA node as one inference step, if it has I-node premises and an I-node conclusion."""
        premises = self._claim_premises(node.id)
        conclusions = self._argument_outs(node.id)
        if not conclusions or self._kind(conclusions[0]) != "I" or not premises:
            return None
        if node.argmap.get("argument") is None and (len(premises) < 2 and not scheme_name(node) and not self._targeted(node)):
            return None
        name = scheme_name(node)
        rules = _strings(node.argmap.get("rules")) if "rules" in node.argmap else [name] if name else []
        return Step(node.id, premises, self._claim_of(conclusions[0]), rules)

    def _targeted(self, node: Node) -> bool:
        """Something attacks or supports the inference itself (and not an argument without structure)."""
        if not any(self._kind(n) in SCHEMES for n in self.ins[node.id]):
            return False
        premises = self._claim_premises(node.id)
        return not (len(premises) == 1 and self.claims[premises[0]].element == "argument")

    # ------------------------------------------------------------ links

    def _source(self, premise: str, scheme: Node) -> tuple:
        """The end a relation starts from: a claim, or an argument whose conclusion the export wrote."""
        title = _string(scheme.argmap.get("source"))
        if title:
            for structure in self.structures.values():
                if structure.given_title == title:
                    return ("structure", structure.id)
        return ("claim", self._claim_of(premise))

    def _target(self, target: str, scheme: Node) -> tuple | None:
        node = self.nodes[target]
        if node.type == "I":
            return ("claim", self._claim_of(target))
        if node.type == "RA":
            if target in self.step_of:
                structure, step = self.step_of[target]
                return ("structure", structure, step) if scheme.argmap.get("inference") else ("structure", structure)
            premises = self._claim_premises(target)
            if len(premises) == 1 and self.claims[premises[0]].element == "argument":
                return ("claim", premises[0])
            return None
        if node.type == "CA":
            premises = self._claim_premises(target)
            if len(premises) == 1 and not self._in_structure(premises[0]):
                self.claims[premises[0]].element = "argument"
                return ("claim", premises[0])
        return None

    def _in_structure(self, claim: str) -> bool:
        return any(claim in (*s.premises, s.conclusion) for st in self.structures.values() for s in st.steps)

    def _support(self, node: Node) -> None:
        premises, targets = self._argument_ins(node.id), self._argument_outs(node.id)
        premises = [p for p in premises if self._kind(p) == "I"]
        if not premises or not targets:
            self._skip(node, "an RA (inference) node", "it needs a premise and a conclusion")
            return
        target = self._target(targets[0], node)
        if target is None:
            self._skip(node, "an RA (inference) node", f"argmap cannot relate a claim to the {self._kind(targets[0])} node it supports")
            return
        if len(targets) > 1:
            self._skip(node, "all but the first conclusion of an RA node", "an inference has one conclusion")
        for premise in premises:
            self._link(self._source(premise, node), "support", target, node)

    def _conflict(self, node: Node) -> None:
        premises, targets = self._argument_ins(node.id), self._argument_outs(node.id)
        premises = [p for p in premises if self._kind(p) == "I"]
        if not premises or not targets:
            self._skip(node, "a CA (conflict) node", "it needs an attacking I-node and a target")
            return
        target = self._target(targets[0], node)
        if target is None:
            self._skip(node, "a CA (conflict) node", f"argmap cannot attack the {self._kind(targets[0])} node it targets")
            return
        given = _string(node.argmap.get("relation"))
        kind = given if given in ("attack", "undercut", "contradictory") else ("undercut" if target[0] == "structure" else "attack")
        for premise in premises:
            self._link(self._source(premise, node), kind, target, node)

    def _preference(self, node: Node) -> None:
        preferred, other = self._argument_ins(node.id), self._argument_outs(node.id)
        if len(preferred) != 1 or len(other) != 1 or self._kind(preferred[0]) != "I" or self._kind(other[0]) != "I":
            self._skip(node, "a PA (preference) node", "argmap notes a preference between two I-nodes")
            return
        self.claims[self._claim_of(preferred[0])].preferred_over.append(self._claim_of(other[0]))

    def _link(self, source: tuple, kind: str, target: tuple, scheme: Node) -> None:
        if source == target[:2]:
            self._skip(scheme, f"an {scheme.type} node", "it relates a claim to itself (its I-nodes are rephrasings of one claim)")
            return
        link = Link(source, kind, target, reconstruction(scheme.argmap))
        if link in self.seen:
            self._skip(scheme, f"an {scheme.type} node", f"an earlier one makes the same {kind} between the same claims")
            return
        self.links.append(link)
        self.seen.add(link)

    def _contradictions(self) -> None:
        """Two CAs marked as one contradiction, each way: one link."""
        seen, kept = set(), []
        for link in self.links:
            if link.type == "contradictory":
                pair = frozenset((link.source, link.target))
                if pair in seen:
                    continue
                seen.add(pair)
            kept.append(link)
        self.links = kept

    # ------------------------------------------------------------ L, TA, YA: the dialogue

    def _dialogue(self) -> dict[str, int]:
        """Who said what, on the claims (and arguments) the locutions assert; counts of what is left out."""
        anchored: set[str] = set()
        counts = {"kept": 0, "ya left": 0}
        for node in self.nodes.values():
            if node.type != "YA":
                continue
            locutions = [self.nodes[n] for n in self.ins[node.id] if self._kind(n) == "L"]
            holders = [h for h in (self._said_holder(t) for t in self.outs[node.id]) if h is not None]
            if not locutions or not holders:
                counts["ya left"] += 1
                continue
            anchored.update(loc.id for loc in locutions)
            for holder in holders:
                for entry in (_said(loc, node.text) for loc in locutions):
                    if entry not in holder:
                        holder.append(entry)
                        counts["kept"] += 1
        counts["l left"] = sum(n.type == "L" and n.id not in anchored for n in self.nodes.values())
        counts["ta"] = sum(n.type == "TA" for n in self.nodes.values())
        return counts

    def _said_holder(self, target: str) -> list | None:
        kind = self._kind(target)
        if kind == "I":
            return self.claims[self._claim_of(target)].said
        if kind == "RA" and target in self.step_of:
            return self.structures[self.step_of[target][0]].said
        return None


def _said(locution: Node, act: str) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if locution.speaker:
        entry["by"] = locution.speaker
    entry["text"] = locution.text
    if act and act.casefold() not in ("asserting", ""):
        entry["act"] = act
    return entry


def exported_voice(extra: Mapping[str, Any]) -> Voice | None:
    """The voice argmap's export gives an I-node or an argument's last step, or None."""
    speaker, hedge, reconstructed = _string(extra.get("speaker")), _string(extra.get("hedge")), reconstruction(extra)
    return Voice(speaker, hedge, reconstructed) if speaker or hedge or reconstructed is not None else None


def reconstruction(extra: Mapping[str, Any]) -> str | None:
    """None unless the export marks the node the mapper's; else the mapper's notes, one text ("" for none).

    An element is marked when some source reconstructs it (``reconstructed_in``;
    ``reconstructed`` itself is false when an article quotes it after all), a
    relation by ``reconstructed``. An import is one source, so an element's
    notes from several sources become one, joined by "; ".
    """
    notes = [*_strings(extra.get("reconstruction_notes")), *_strings([extra.get("reconstruction_note")])]
    mark = extra.get("reconstructed")
    if isinstance(mark, str) and mark.strip():  # a note written as the mark itself
        notes.append(_string(mark))
    if not (mark is True or notes or _strings(extra.get("reconstructed_in"))):
        return None
    return "; ".join(dict.fromkeys(notes))


def _string(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _strings(value: Any) -> list[str]:
    return [v for v in (_string(x) for x in value) if v] if isinstance(value, list) else []


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
