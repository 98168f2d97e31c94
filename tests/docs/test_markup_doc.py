"""Every example in docs/markup.md parses, checks without errors and means what the page says."""

import re
from pathlib import Path

import pytest

from argmap.checks.checker import check
from argmap.merge.combine import load
from argmap.core.model import Severity

DOC = Path(__file__).resolve().parents[2] / "docs" / "markup.md"
FENCE = re.compile(r"(?:<!-- expect: (?P<expect>[^>]*) -->\n)?```argmap\n(?P<body>.*?)```", re.S)


def examples():
    text = DOC.read_text(encoding="utf-8")
    found = []
    for number, match in enumerate(FENCE.finditer(text), 1):
        line = text.count("\n", 0, match.start("body")) + 1
        found.append(pytest.param(match.group("body"), match.group("expect"), id=f"line-{line}"))
    return found


def test_the_page_has_examples():
    assert len(examples()) >= 12


@pytest.mark.parametrize("body, expect", examples())
def test_example(body, expect, tmp_path):
    path = tmp_path / "example.argmap"
    path.write_text(body, encoding="utf-8")
    argument_map = load([path])
    errors = [d for d in check(argument_map) if d.severity is Severity.ERROR]
    assert errors == []
    assert expect, "every example states what it must produce"
    facts = dict(item.split("=") for item in expect.split())
    elements = [*argument_map.statements.values(), *argument_map.arguments.values()]
    counts = {
        "statements": len(argument_map.statements),
        "arguments": len(argument_map.arguments),
        "relations": len(argument_map.relations),
        "sections": sum(len(d.sections) for d in argument_map.documents),
        "positions": len(argument_map.positions),
        "quotes": sum(len(s.quotes) for s in argument_map.statements.values())
        + sum(len(a.quotes) for a in argument_map.arguments.values()),
        "speakers": sum(1 for e in elements if e.voice is not None and e.voice.speaker),
        "hedges": sum(1 for e in elements if e.voice is not None and e.voice.hedge),
        "reconstructed": sum(1 for e in elements if e.is_reconstructed),
        "mapper_links": sum(1 for r in argument_map.relations if r.reconstructed is not None),
    }
    for key, value in facts.items():
        if key == "types":
            assert sorted({r.type.value for r in argument_map.relations}) == value.split(",")
        else:
            assert counts[key] == int(value), key
