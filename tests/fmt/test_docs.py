"""docs/fmt.md: its before/after example is what argmap fmt does."""

import re
from pathlib import Path

from argmap.fmt.formatter import format_text
from argmap.fmt.meaning import meaning

DOC = Path(__file__).resolve().parents[2] / "docs" / "fmt.md"


def block(label: str) -> str:
    match = re.search(rf"<!-- fmt: {label} -->\n```argmap\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match, f"docs/fmt.md has no '{label}' example"
    return match.group(1)


def test_the_before_example_formats_to_the_after_example():
    before, after = block("before"), block("after")
    assert before != after
    assert format_text(before, "example.argmap") == after
    assert meaning(before, "example.argmap") == meaning(after, "example.argmap")
