"""Argdown's model rules for relations, applied to one parsed document.

Argdown (``@argdown/core`` 2.0) does more than record what was written: its
model step re-attaches and drops relations. This module applies those rules to
one parsed :class:`~argmap.core.model.Document` so that the export matches what
Argdown itself writes for the same file (see ``docs/argdown.md``):

* relations *from* a reconstructed argument (one with a premise–conclusion
  structure) start at its main conclusion's equivalence class instead;
* undercuts *of* a reconstructed argument target its last inference;
* a relation that becomes a self-relation (an argument supporting its own
  main conclusion) or a duplicate is dropped;
* in strict mode (front matter ``model: {mode: strict}``) statement→statement
  support and attack become ``entails`` and ``contrary`` *after* that
  re-attachment, and a contrary pair is stored once;
* an equivalence class attacking an argument is dropped when it already
  attacks (or is contrary or contradictory to) one of that argument's premises.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Mapping

from ..core.model import Document, Kind, Ref, Relation, RelationType, Role

EC = "equivalence-class"
ARGUMENT = "argument"
INFERENCE = "inference"

_WRITTEN_TYPE = {RelationType.ENTAILS: RelationType.SUPPORT, RelationType.CONTRARY: RelationType.ATTACK}

# A relation end while the model is built: (namespace, title, conclusion index).
End = tuple[str, str, int | None]


def argdown_relations(document: Document) -> list[tuple[End, End, RelationType]]:
    """The document's relations after Argdown's model rules, in Argdown's order.

    Each relation is ``(from, to, type)`` with ends ``(namespace, title,
    conclusion index)``; the namespace is ``equivalence-class``,
    ``argument`` or ``inference``.
    """
    pcs_of: dict[str, tuple] = {}
    for argument in document.arguments:
        if argument.pcs:
            pcs_of[argument.title] = argument.pcs  # the last reconstruction wins
    written = _written_relations(document)
    moved = _reattach(written, pcs_of)
    if document.strict:
        moved = _strict(moved)
    return _drop_redundant_attacks(moved, pcs_of)


def _end(ref: Ref) -> End:
    if ref.kind is Kind.STATEMENT:
        return (EC, ref.title, None)
    if ref.conclusion_index is not None:
        return (INFERENCE, ref.title, ref.conclusion_index)
    return (ARGUMENT, ref.title, None)


def creation_order(relations: Iterable[Relation]) -> list[Relation]:
    """Relations in the order Argdown creates them: each after those nested under it.

    Argdown records a relation when it leaves the relation's subtree, so in
    ``[A]`` / ``- [B]`` / ``- [C]`` (C under B) "C attacks B" comes before
    "B attacks A". Which of two opposite relations is kept (strict mode's
    contrary pairs, contradictions) depends on this order.
    """
    ordered = sorted(relations, key=lambda r: (r.span.line, r.span.column))  # document order = pre-order
    out: list[Relation] = []
    open_: list[Relation] = []
    for relation in ordered:
        while open_ and open_[-1].depth >= relation.depth:
            out.append(open_.pop())
        open_.append(relation)
    out.extend(reversed(open_))
    return out


def _inferences(document: Document) -> list[tuple[int, int, str, int]]:
    """(line, column, argument, conclusion index) of every inference line, in document order."""
    found = [
        (item.inference.span.line, item.inference.span.column, argument.title, item.inference.conclusion_index)
        for argument in document.arguments
        for item in argument.pcs
        if item.inference is not None
    ]
    return sorted(found)


def _written_relations(document: Document) -> list[tuple[End, End, RelationType]]:
    """Relations as written (before strict mode), duplicates stored once.

    Argdown keeps relations of an element with itself here (argmap leaves
    them out of the map), and it sends an undercut written under a statement
    (``_`` or ``<_``) to the inference line read last before it, if any.
    """
    found: list[tuple[End, End, RelationType]] = []
    seen: set[tuple[End, End, RelationType]] = set()
    inferences: list[tuple[int, int, str, int]] | None = None
    for relation in creation_order((*document.relations, *document.self_relations)):
        type_ = _WRITTEN_TYPE.get(relation.type, relation.type) if document.strict else relation.type
        target = _end(relation.target)
        if type_ is RelationType.UNDERCUT and target[0] == EC and relation.operator in ("_", "<_"):
            if inferences is None:
                inferences = _inferences(document)
            before = bisect.bisect_left(inferences, (relation.span.line, relation.span.column))
            if before:
                _line, _column, argument, index = inferences[before - 1]
                target = (INFERENCE, argument, index)
        key = (_end(relation.source), target, type_)
        if key in seen:
            continue
        if type_ is RelationType.CONTRADICTORY and (key[1], key[0], type_) in seen:
            continue
        seen.add(key)
        found.append(key)
    return found


def _reattach(relations: list[tuple[End, End, RelationType]], pcs_of: Mapping[str, tuple]) -> list[tuple[End, End, RelationType]]:
    """Relations of reconstructed arguments move to their main conclusion / last inference."""
    out: list[tuple[End, End, RelationType]] = []
    present = set(relations)
    for source, target, type_ in relations:
        keep = True
        if source[0] == ARGUMENT and source[1] in pcs_of:
            new_source: End = (EC, pcs_of[source[1]][-1].statement, None)
            # Argdown drops the moved relation when the conclusion already has
            # it, and also when it would now point at the conclusion itself.
            if target == new_source or (new_source, target, type_) in present:
                keep = False
            present.discard((source, target, type_))
            source = new_source
            if keep:
                present.add((source, target, type_))
        if type_ is RelationType.UNDERCUT and target[0] == ARGUMENT and target[1] in pcs_of:
            pcs = pcs_of[target[1]]
            new_target: End = (INFERENCE, target[1], len(pcs) - 1)
            if keep and (source, new_target, type_) in present:
                keep = False
            present.discard((source, target, type_))
            target = new_target
            if keep:
                present.add((source, target, type_))
        if keep:
            out.append((source, target, type_))
    return out


def _strict(relations: list[tuple[End, End, RelationType]]) -> list[tuple[End, End, RelationType]]:
    out = []
    contrary: set[tuple[str, str]] = set()
    for source, target, type_ in relations:
        if source[0] == EC and target[0] == EC:
            if type_ is RelationType.SUPPORT:
                type_ = RelationType.ENTAILS
            elif type_ is RelationType.ATTACK:
                if (source[1], target[1]) in contrary or (target[1], source[1]) in contrary:
                    continue
                contrary.add((source[1], target[1]))
                type_ = RelationType.CONTRARY
        out.append((source, target, type_))
    return out


_OPPOSING = {RelationType.CONTRADICTORY, RelationType.CONTRARY}


def _drop_redundant_attacks(relations: list[tuple[End, End, RelationType]], pcs_of: Mapping[str, tuple]) -> list[tuple[End, End, RelationType]]:
    """Drop [A] attacks <B> when [A] already attacks a premise of <B>."""
    opposed: dict[str, set[str]] = {}
    for source, target, type_ in relations:
        if source[0] != EC or target[0] != EC:
            continue
        if type_ is RelationType.ATTACK:
            opposed.setdefault(source[1], set()).add(target[1])
        elif type_ in _OPPOSING:
            opposed.setdefault(source[1], set()).add(target[1])
            opposed.setdefault(target[1], set()).add(source[1])
    if not opposed:
        return relations
    out = []
    for source, target, type_ in relations:
        if type_ is RelationType.ATTACK and source[0] == EC and target[0] == ARGUMENT and target[1] in pcs_of:
            premises = {i.statement for i in pcs_of[target[1]] if i.role is Role.PREMISE}
            if opposed.get(source[1], set()) & premises:
                continue
        out.append((source, target, type_))
    return out
