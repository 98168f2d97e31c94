"""Export one document in the shape of Argdown's own ``argdown json``.

Argdown (``@argdown/core`` 2.0) does more than record what was written: its
model step re-attaches and drops relations
(:mod:`argmap.interchange.argdown_relations` applies those rules), and its
front matter changes the model: ``group.regroup`` replaces the sections made
from headings, and ``model.removeTagsFromText`` removes ``#tags`` from texts.
So the export matches what Argdown itself writes for the same file (see
``docs/argdown.md``).

The fields follow Argdown's JSON; positions in the source are left out.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from typing import Any, Iterable, Mapping

import orjson

from ..core.collector import gc_paused
from ..core.model import Document, RelationType, Role, Section, Statement
from .argdown_relations import ARGUMENT, EC, INFERENCE, End, argdown_relations

_CSS = re.compile(r"[^a-zA-Z0-9_\-]+")
_TAG_IN_TEXT = re.compile(r"#(?<!\S#)(?:\([^)\r\n]+\)|[\w\-]+)")  # literal first: see build._TAG
_WS = re.compile(r"\s+")


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
    from ..build.markup import tags_in  # build imports the parser; keep this module light

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
