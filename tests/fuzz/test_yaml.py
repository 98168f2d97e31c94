"""Hostile YAML in front matter and inline data: a clear error at its place, never a traceback or a blow-up."""

import pytest

import argmap
from argmap.fmt.formatter import FormatError, format_text
from argmap.interchange.argdown_json import to_argdown_json

BOMB = """===
a: &a [x,x,x,x,x,x,x,x,x]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
===
[A]: x
"""

CASES = [
    # (text, error code, words of the message, line, column)
    ("===\nsource:\n  date: 2025-02-30\n===\n[A]: x\n", "front-matter-yaml", "'2025-02-30' is not a real date", 3, 9),
    ("[A]: x {e: 2025-13-45}\n", "inline-data-yaml", "'2025-13-45' is not a real date", 1, 8),
    ("===\np: &p {l: *p}\n===\n[A]: x\n", "front-matter-yaml", "anchors and aliases (&p) are not supported", 2, 4),
    ("[A]: x {a: &a [*a]}\n", "inline-data-yaml", "anchors and aliases (&a) are not supported", 1, 8),
    ("===\nx: " + "[" * 1000 + "]" * 1000 + "\n===\n[A]: x\n", "front-matter-yaml", "nested more than 50 levels deep", 2, 53),
    ("[A]: x {x: " + "[" * 1000 + "]" * 1000 + "}\n", "inline-data-yaml", "nested more than 50 levels deep", 1, 8),
    (BOMB, "front-matter-yaml", "anchors and aliases (&a) are not supported", 2, 4),
]


@pytest.mark.parametrize(("text", "code", "words", "line", "column"), CASES)
def test_hostile_yaml_is_an_error_at_its_place(text, code, words, line, column):
    document = argmap.loads(text, "a.argmap").documents[0]
    errors = [d for d in document.diagnostics if d.code == code]
    assert len(errors) == 1, document.diagnostics
    assert words in errors[0].message
    assert (errors[0].span.line, errors[0].span.column) == (line, column)


@pytest.mark.parametrize(("text", "code", "words", "line", "column"), CASES)
def test_hostile_yaml_exports_and_formats_without_a_traceback(text, code, words, line, column):
    document = argmap.loads(text).documents[0]
    exported = to_argdown_json(document)
    assert len(exported) < 10 * len(text) + 5000  # nothing expanded
    try:
        formatted = format_text(text, "a.argmap")
    except FormatError:
        return
    assert format_text(formatted, "a.argmap") == formatted


def test_hints_say_how_to_mend_it():
    document = argmap.loads("[A]: x {when: 2025-02-30}\n").documents[0]
    (error,) = [d for d in document.diagnostics if d.code == "inline-data-yaml"]
    assert "quote it ('2025-02-30')" in error.hint
    document = argmap.loads("===\np: &p 1\nq: *p\n===\n[A]: x\n").documents[0]
    (error,) = [d for d in document.diagnostics if d.code == "front-matter-yaml"]
    assert error.hint == "write each value out in full"


def test_real_dates_still_read():
    document = argmap.loads("===\nsource:\n  date: 2025-02-28\n===\n[A]: x {e: 2024-02-29}\n").documents[0]
    assert document.source.date == "2025-02-28"
    assert not [d for d in document.diagnostics if d.severity.value == "error"]
    assert str(document.statements[0].data["e"]) == "2024-02-29"


def test_positions_file_with_aliases_is_refused(tmp_path):
    (tmp_path / "positions.yaml").write_text("a: &a {label: A}\nb: *a\n", encoding="utf-8")
    (tmp_path / "m.argmap").write_text("===\npositions: positions.yaml\n===\n[A]: x\n", encoding="utf-8")
    document = argmap.load([tmp_path / "m.argmap"]).documents[0]
    (error,) = [d for d in document.diagnostics if d.code == "positions-file"]
    assert "anchors and aliases" in error.message


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1&c=<2>", "https://example.org/a?b=1&c=%3C2%3E"),
        ("https://example.org/ä b", "https://example.org/%C3%A4%20b"),
        ('http://x.org/"onload="x', "http://x.org/%22onload=%22x"),
        ("https://example.org/a%20b#part", "https://example.org/a%20b#part"),
    ],
)
def test_links_are_percent_encoded_as_a_browser_would(url, kept):
    document = argmap.loads(f"===\nsource:\n  url: '{url}'\n===\n[A]: x\n").documents[0]
    assert document.source.url == kept
    assert not document.diagnostics or all(d.code != "bad-url" for d in document.diagnostics)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.org/a", "https://", "data:text/html,<script>"])
def test_other_schemes_are_still_refused(url):
    document = argmap.loads(f"===\nsource:\n  url: '{url}'\n===\n[A]: x\n").documents[0]
    assert document.source.url == ""
    (refused,) = [d for d in document.diagnostics if d.code == "bad-url"]
    assert refused.message == f"source url {url!r} is not an http(s) address"
