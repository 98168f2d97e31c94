"""Export stage: the merged map as canonical JSON (sorted, stable)."""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Iterable

import orjson

from ..core.collector import gc_paused
from ..core.model import ArgumentMap, MergedArgument, MergedStatement, Relation

FORMAT_VERSION = 1


# Hot paths read an enum member's value as `_value_`, a plain attribute:
# `.value` goes through the enum module's descriptor, a Python-level call,
# and a large map has tens of thousands of relations.


def _relation_sort_key(relation: Relation) -> tuple:
    source, target = relation.source, relation.target
    return (
        source.kind._value_,
        source.title,
        relation.type._value_,
        target.kind._value_,
        target.title,
        target.conclusion_index if target.conclusion_index is not None else -1,
    )


_TITLE = attrgetter("title")  # a C-level sort key: there is one call per element


def _sorted(items: tuple[str, ...]) -> list[str]:
    return sorted(items) if len(items) > 1 else list(items)


def _quotes(quotes: tuple) -> list[dict[str, str]]:
    if not quotes:  # most elements have none
        return []
    return sorted(({"source": q.source, "text": q.text} for q in quotes), key=lambda q: (q["source"], q["text"]))


_NO_KEYS: dict[str, Any] = {}


def _voice(element: MergedStatement | MergedArgument) -> dict[str, Any]:
    """Whose voice, how sure, whose reconstruction: keys only where the markup says so."""
    voice = element.voice
    if voice is None:  # most elements
        return _NO_KEYS
    keys: dict[str, Any] = {}
    if voice.speaker:
        keys["speaker"] = voice.speaker
    if voice.hedge:
        keys["hedge"] = voice.hedge
    if voice.reconstructed_in:
        keys["reconstructed"] = element.is_reconstructed  # false when an article quotes it after all
        keys["reconstructed_in"] = _sorted(voice.reconstructed_in)
        if voice.notes:
            keys["reconstruction_notes"] = list(voice.notes)
    return keys


def _relation_voice(reconstructed: str | None) -> dict[str, Any]:
    if reconstructed is None:
        return _NO_KEYS
    return {"reconstructed": True, "reconstruction_note": reconstructed} if reconstructed else {"reconstructed": True}


def _relations(relations: Iterable[Relation]) -> list[dict[str, Any]]:
    """The relations' entries, their optional keys (a conclusion index, a
    reconstruction mark) set only where there is one: most relations have
    none, and a large map has tens of thousands. The sort key stays a Python
    function: operator.attrgetter over dotted paths measured slower."""
    entries = []
    append = entries.append
    for r in sorted(relations, key=_relation_sort_key):
        source, target, sources = r.source, r.target, r.sources
        entry = {"from": source.title, "from_kind": source.kind._value_, "to": target.title, "to_kind": target.kind._value_}
        if target.conclusion_index is not None:
            entry["to_conclusion"] = target.conclusion_index
        entry["type"] = r.type._value_
        entry["sources"] = sorted(sources) if len(sources) > 1 else list(sources)
        if r.reconstructed is not None:
            entry.update(_relation_voice(r.reconstructed))
        append(entry)
    return entries


def to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    sources = sorted(argument_map.sources, key=lambda s: s.id)
    return {
        "version": FORMAT_VERSION,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "author": s.author,
                "publisher": s.publisher,
                "date": s.date,
                "url": s.url,
                "path": s.path,
            }
            for s in sources
        ],
        "positions": [
            {"tag": p.tag, "label": p.label, "color": p.color}
            for p in sorted(argument_map.positions, key=lambda p: p.tag)
        ],
        "statements": [
            {
                "title": s.title,
                "text": s.text,
                "tags": _sorted(s.tags),
                "sources": _sorted(s.sources),
                "quotes": _quotes(s.quotes),
                **_voice(s),
            }
            for s in sorted(argument_map.statements.values(), key=_TITLE)
        ],
        "arguments": [
            {
                "title": a.title,
                "text": a.text,
                "tags": _sorted(a.tags),
                "sources": _sorted(a.sources),
                "quotes": _quotes(a.quotes),
                "premises": list(a.premises),
                "conclusions": list(a.conclusions),
                "inference_rules": [list(rules) for rules in a.inference_rules],
                **_voice(a),
            }
            for a in sorted(argument_map.arguments.values(), key=_TITLE)
        ],
        "relations": _relations(argument_map.relations),
    }


def to_json_bytes(argument_map: ArgumentMap) -> bytes:
    """The canonical JSON as UTF-8 bytes, ready to write (no decoding and re-encoding of a large map)."""
    # orjson: the standard library's encoder falls back to pure Python when indenting
    with gc_paused():  # the dicts of a large map, one per element
        return orjson.dumps(to_dict(argument_map), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def to_json(argument_map: ArgumentMap) -> str:
    return to_json_bytes(argument_map).decode("utf-8")
