"""Export one document in the shape of Argdown's own ``argdown json``.

Argdown (``@argdown/core`` 2.0) does more than record what was written: its
model step re-attaches and drops relations. This module applies those rules to
one parsed :class:`~argmap.model.Document` so that the export matches what
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
  attacks (or is contrary or contradictory to) one of that argument's premises;
* ``group.regroup`` in the front matter replaces the sections made from
  headings, and ``model.removeTagsFromText`` removes ``#tags`` from texts.

The fields follow Argdown's JSON; positions in the source are left out.
"""

from __future__ import annotations

import bisect
import datetime
import json
import math
import re
from typing import Any, Iterable, Mapping

import orjson

from ..core.collector import gc_paused
from ..core.model import Document, Kind, Ref, Relation, RelationType, Role, Section, Statement

EC = "equivalence-class"
ARGUMENT = "argument"
INFERENCE = "inference"

_WRITTEN_TYPE = {RelationType.ENTAILS: RelationType.SUPPORT, RelationType.CONTRARY: RelationType.ATTACK}
_CSS = re.compile(r"[^a-zA-Z0-9_\-]+")
_TAG_IN_TEXT = re.compile(r"#(?<!\S#)(?:\([^)\r\n]+\)|[\w\-]+)")  # literal first: see build._TAG
_WS = re.compile(r"\s+")

# A relation end while the model is built: (namespace, title, conclusion index).
End = tuple[str, str, int | None]


def settings_of(document: Document) -> dict[str, Any]:
    """Argdown's settings that change the model, read from the front matter."""
    front = document.front_matter if isinstance(document.front_matter, Mapping) else {}
    model = front.get("model") if isinstance(front.get("model"), Mapping) else {}
    group = front.get("group") if isinstance(front.get("group"), Mapping) else {}
    regroup = group.get("regroup")
    return {
        "strict": document.strict,
        "remove_tags": bool(model.get("removeTagsFromText", False)),
        "regroup": regroup if isinstance(regroup, list) else None,
    }


def to_argdown_dict(document: Document) -> dict[str, Any]:
    settings = settings_of(document)
    remove_tags = settings["remove_tags"]
    tags: dict[str, dict[str, Any]] = {}

    def note_tags(names: Iterable[str]) -> None:
        for name in names:
            if name not in tags:
                tags[name] = {"tag": name, "cssClass": "tag-" + _CSS.sub("-", name), "occurrenceIndex": len(tags)}

    # Argdown numbers tags in their order of appearance, headings included.
    statements: dict[str, dict[str, Any]] = {}
    # where each statement starts: a numbered premise is found by its place
    # (a tuple hashes in C; a Span's dataclass hash is a Python call)
    by_place: dict[tuple[int, int], Statement] = {}
    events: list[tuple[int, int, Any]] = [(s.span.line, s.span.column, s) for s in document.sections]
    events += [(s.span.line, s.span.column, s) for s in document.statements]
    events += [(a.span.line, a.span.column, a) for a in document.arguments]
    for _line, _column, item in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(item, Section):
            note_tags(_section_tags(item))
        else:
            note_tags(item.tags)

    for statement in document.statements:
        by_place[statement.span.line, statement.span.column] = statement
        ec = statements.get(statement.title)
        if ec is None:
            ec = statements[statement.title] = {"type": EC, "title": statement.title, "members": [], "relations": []}
        member: dict[str, Any] = {
            "type": "statement",
            "title": statement.title,
            "text": _text(statement.text, statement.argdown_text, remove_tags),
        }
        role = _role_of(statement)
        if role is not None:
            member["role"] = role
            flag = _USED_AS.get(role)
            if flag:
                ec[flag] = True
        if statement.is_reference:
            member["isReference"] = True
        if statement.tags:
            member["tags"] = list(statement.tags)
            ec["tags"] = list(dict.fromkeys([*ec.get("tags", ()), *statement.tags]))
        if statement.data:
            member["data"] = dict(statement.data)
            ec["data"] = {**ec.get("data", {}), **statement.data}
        if statement.section is not None:
            member["section"] = statement.section
            if not statement.is_reference and "section" not in ec:
                ec["section"] = statement.section
        ec["members"].append(member)

    arguments: dict[str, dict[str, Any]] = {}
    for argument in document.arguments:
        entry = arguments.get(argument.title)
        if entry is None:
            entry = arguments[argument.title] = {"type": ARGUMENT, "title": argument.title, "members": [], "pcs": [], "relations": []}
        if argument.tags:
            entry["tags"] = list(dict.fromkeys([*entry.get("tags", ()), *argument.tags]))
        if argument.data:
            entry["data"] = {**entry.get("data", {}), **argument.data}
        if argument.section is not None and not argument.is_reference and "section" not in entry:
            entry["section"] = argument.section
        pcs = [_pcs_item(argument.title, item, by_place.get((item.span.line, item.span.column)), remove_tags) for item in argument.pcs]
        if not (argument.generated_title and argument.pcs and not argument.text):
            member = {
                "type": "statement",
                "role": "argument-description",
                "title": argument.title,
                "text": _text(argument.text, argument.argdown_text, remove_tags),
            }
            if argument.is_reference:
                member["isReference"] = True
            if argument.tags:
                member["tags"] = list(argument.tags)
            if argument.data:
                member["data"] = dict(argument.data)
            if pcs:
                member["pcs"] = pcs
            entry["members"].append(member)
        if pcs:  # a later reconstruction replaces an earlier one, as in Argdown
            entry["pcs"] = pcs
            if argument.section is not None:
                entry["section"] = argument.section

    relations = [_relation_dict(r) for r in argdown_relations(document)]
    for relation in relations:
        for end, kind in (("from", "fromType"), ("to", "toType")):
            title = relation[end]
            if relation[kind] == EC and title in statements:
                statements[title]["relations"].append(relation)
            elif relation[kind] == ARGUMENT and title in arguments:
                arguments[title]["relations"].append(relation)
            elif relation[kind] == INFERENCE and title in arguments:
                for item in arguments[title]["pcs"]:
                    inference = item.get("inference")
                    if inference is not None and inference["conclusionIndex"] == relation.get("conclusionIndex"):
                        inference["relations"].append(relation)

    if settings["regroup"] is not None:
        section_list = _regroup(settings["regroup"], statements, arguments)
    else:
        section_list = _section_tree(document.sections, remove_tags)
    return {
        "arguments": arguments,
        "statements": statements,
        "relations": relations,
        "sections": section_list,
        "tags": tags,
    }


def to_argdown_json(document: Document) -> str:
    return to_argdown_json_bytes(document).decode("utf-8")


def to_argdown_json_bytes(document: Document) -> bytes:
    """Argdown's JSON as UTF-8 bytes, indented by two spaces.

    orjson writes it: the standard library's encoder falls back to pure
    Python when it indents (a second for 20 000 statements, as long as the
    rest of the export). Inline data is YAML, so it may hold what JSON has no
    type for; see _yaml_value_as_json.
    """
    with gc_paused():  # the dicts of a large document, several per element
        model = to_argdown_dict(document)
        try:
            return orjson.dumps(model, default=_yaml_value_as_json, option=_ORJSON_OPTIONS)
        except orjson.JSONEncodeError:  # an integer beyond 64 bits: the standard library has no limit
            return (json.dumps(_finite(model), ensure_ascii=False, indent=2, default=_yaml_value_as_json) + "\n").encode("utf-8")


def _finite(value: Any) -> Any:
    """``value`` as the standard library can write it as orjson would.

    NaN and infinities become null (as orjson and JSON.stringify write them),
    and keys YAML allows but JSON has no form for (a date, a list) become
    their text.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key if isinstance(key, (str, int, float, bool, type(None))) else str(key): _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


# Keys as Argdown writes them (YAML allows numbers as keys), dates through
# _yaml_value_as_json rather than orjson's own format.
_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


def _yaml_value_as_json(value: Any) -> Any:
    """A YAML value JSON has no type for, as Argdown's export shows it.

    Argdown reads YAML with js-yaml and writes JSON with JSON.stringify: a
    date or time becomes an ISO string in UTC with milliseconds, a set an
    object whose values are null. Anything else (binary data) is written as
    text rather than failing the export.
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if isinstance(value, datetime.date):
        return value.isoformat() + "T00:00:00.000Z"
    if isinstance(value, (set, frozenset)):
        return {str(item): None for item in sorted(value, key=str)}
    return str(value)


# ---------------------------------------------------------------- elements

_USED_AS = {
    Role.TOP_LEVEL.value: "isUsedAsTopLevelStatement",
    Role.RELATION.value: "isUsedAsRelationStatement",
    Role.PREMISE.value: "isUsedAsPremise",
    Role.INTERMEDIARY_CONCLUSION.value: "isUsedAsIntermediaryConclusion",
    Role.MAIN_CONCLUSION.value: "isUsedAsMainConclusion",
}


def _role_of(statement: Statement) -> str | None:
    if getattr(statement, "list_item", False):
        return None  # Argdown gives statements in lists no role
    return statement.role._value_  # a plain attribute: `.value` is the enum module's descriptor, a Python call


def _text(text: str, argdown_text: str, remove_tags: bool) -> str:
    return text if remove_tags else (argdown_text or text)


def _pcs_item(argument: str, item, statement: Statement | None, remove_tags: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": "statement",
        "title": item.statement,
        "role": item.role._value_,
        "text": _text(statement.text, statement.argdown_text, remove_tags) if statement is not None else "",
        "argumentTitle": argument,
    }
    if item.inference is not None:
        entry["inference"] = {
            "type": "inference",
            "inferenceRules": list(item.inference.rules),
            "data": dict(item.inference.data),
            "conclusionIndex": item.inference.conclusion_index,
            "argumentTitle": argument,
            "relations": [],
        }
    return entry


# ---------------------------------------------------------------- relations


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


def _relation_dict(relation: tuple[End, End, RelationType]) -> dict[str, Any]:
    source, target, type_ = relation
    out: dict[str, Any] = {
        "type": "relation",
        "relationType": type_._value_,
        "from": source[1],
        "fromType": source[0],
        "to": target[1],
        "toType": target[0],
    }
    if target[0] == INFERENCE:
        out["conclusionIndex"] = target[2]
    return out


# ---------------------------------------------------------------- sections and tags


def _section_tags(section: Section) -> list[str]:
    from ..build.document import tags_in  # build imports the parser; keep this module light

    return list(dict.fromkeys(tags_in(section.title))) if "#" in section.title else []


def _section_tree(sections: Iterable[Section], remove_tags: bool) -> list[dict[str, Any]]:
    roots: list[dict[str, Any]] = []
    made: dict[str, dict[str, Any]] = {}
    for section in sections:
        title = section.title
        if remove_tags and "#" in title:
            title = _WS.sub(" ", _TAG_IN_TEXT.sub("", title)).strip()
        entry: dict[str, Any] = {"type": "section", "id": section.id, "level": section.level, "title": title, "children": []}
        if section.parent is not None:
            entry["parent"] = section.parent
        tags = _section_tags(section)
        if tags:
            entry["tags"] = tags
        if section.data:
            entry["data"] = dict(section.data)
            if "isGroup" in section.data:
                entry["isGroup"] = section.data["isGroup"]
        made[section.id] = entry
        parent = made.get(section.parent) if section.parent is not None else None
        (parent["children"] if parent is not None else roots).append(entry)
    return roots


def _regroup(config: list, statements: dict, arguments: dict) -> list[dict[str, Any]]:
    """Argdown's RegroupPlugin: sections from ``group.regroup`` replace the headings."""
    for table in (statements, arguments):
        for entry in table.values():
            entry.pop("section", None)

    def build(item: Mapping, level: int, counter: int, parent: str | None) -> dict[str, Any]:
        section: dict[str, Any] = {"type": "section", "id": f"s{counter}", "level": level, "title": item.get("title"), "children": []}
        if parent is not None:
            section["parent"] = parent
        for key, table in (("statements", statements), ("arguments", arguments)):
            for title in item.get(key) or ():
                if title in table:
                    table[title]["section"] = section["id"]
        for index, child in enumerate(item.get("children") or ()):
            if isinstance(child, Mapping):
                section["children"].append(build(child, level + 1, counter + 1 + index, section["id"]))
        return section

    return [build(item, 1, index, None) for index, item in enumerate(config) if isinstance(item, Mapping)]
