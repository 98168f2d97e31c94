"""Shared by the AIF tests: the fixtures, and counting what a map or an AIF file holds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import argmap

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
ROOT = HERE.parents[2]
EXAMPLE = sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))
REAL = sorted(p.name for p in FIXTURES.glob("*.json"))
SCHEMES = {"Support": "RA", "Attack": "CA", "Rephrase": "MA", "Preference": "PA"}


def aif_counts(data: dict) -> Counter:
    """I-nodes and scheme nodes of an AIF dict, by type."""
    return Counter(n["type"] for n in data["nodes"] if n["type"] in ("I", "RA", "CA", "MA", "PA"))


def arguebuf_counts(graph) -> Counter:
    """What arguebuf read: atom nodes as I, scheme nodes by the AIF type of their scheme."""
    counts = Counter({"I": len(graph.atom_nodes)})
    for node in graph.scheme_nodes.values():
        counts[SCHEMES[type(node.scheme).__name__]] += 1
    return counts


def arguebuf_load(path: Path):
    """The file read by arguebuf's own loader for its format."""
    import arguebuf

    data = json.loads(path.read_text(encoding="utf-8"))
    if "AIF" in data:
        return arguebuf.load.xaif(data)
    if "analysis" in data:
        return arguebuf.load.ova(data)
    return arguebuf.load.aif(data)


def map_counts(argument_map, front_matter: dict | None = None) -> Counter:
    """AIF's counts read from an argmap map: I-nodes are statements, arguments
    without structure, rephrasings and the unrelated claims of the front
    matter; RA are supports and inference steps; CA attacks, undercuts and
    each side of a contradiction; MA rephrasings; PA preferences."""
    counts: Counter = Counter()
    counts["I"] = len(argument_map.statements) + sum(not a.pcs for a in argument_map.arguments.values())
    for statement in argument_map.statements.values():
        data = {k: v for o in statement.occurrences for k, v in o.data.items()}
        counts["I"] += len(data.get("rephrasings", []))
        counts["MA"] += len(data.get("rephrasings", []))
        counts["PA"] += len(data.get("preferred_over", []))
    for entry in ((front_matter or {}).get("aif") or {}).get("unrelated", []):
        counts["I"] += 1 + len(entry.get("rephrasings", []))
        counts["MA"] += len(entry.get("rephrasings", []))
    counts["RA"] = sum(len(a.conclusions) for a in argument_map.arguments.values())
    for relation in argument_map.relations:
        kind = relation.type.value
        counts["RA" if kind in ("support", "entails") else "CA"] += 2 if kind == "contradictory" else 1
    return +counts


def imported(name: str, tmp_path: Path):
    """The fixture imported (as `argmap import` does), loaded back from a file in ``tmp_path``."""
    markup, warnings = argmap.from_aif(FIXTURES / name)
    path = tmp_path / (Path(name).stem + ".argmap")
    path.write_text(markup, encoding="utf-8")
    return argmap.load(path), markup, warnings
