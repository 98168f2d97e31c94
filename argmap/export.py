"""Export stage: the merged map as canonical JSON (sorted, stable)."""

from __future__ import annotations

from typing import Any

import orjson

from .model import ArgumentMap, Relation

FORMAT_VERSION = 1


def _relation_sort_key(relation: Relation) -> tuple:
    return (
        relation.source.kind.value,
        relation.source.title,
        relation.type.value,
        relation.target.kind.value,
        relation.target.title,
        relation.target.conclusion_index if relation.target.conclusion_index is not None else -1,
    )


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
                "tags": sorted(s.tags),
                "sources": sorted(s.sources),
                "quotes": sorted(({"source": q.source, "text": q.text} for q in s.quotes), key=lambda q: (q["source"], q["text"])),
            }
            for s in sorted(argument_map.statements.values(), key=lambda s: s.title)
        ],
        "arguments": [
            {
                "title": a.title,
                "text": a.text,
                "tags": sorted(a.tags),
                "sources": sorted(a.sources),
                "quotes": sorted(({"source": q.source, "text": q.text} for q in a.quotes), key=lambda q: (q["source"], q["text"])),
                "premises": list(a.premises),
                "conclusions": list(a.conclusions),
                "inference_rules": [list(rules) for rules in a.inference_rules],
            }
            for a in sorted(argument_map.arguments.values(), key=lambda a: a.title)
        ],
        "relations": [
            {
                "from": r.source.title,
                "from_kind": r.source.kind.value,
                "to": r.target.title,
                "to_kind": r.target.kind.value,
                **({"to_conclusion": r.target.conclusion_index} if r.target.conclusion_index is not None else {}),
                "type": r.type.value,
                "sources": sorted(r.sources),
            }
            for r in sorted(argument_map.relations, key=_relation_sort_key)
        ],
    }


def to_json(argument_map: ArgumentMap) -> str:
    # orjson: the standard library's encoder falls back to pure Python when indenting
    return orjson.dumps(to_dict(argument_map), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
