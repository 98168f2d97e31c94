"""Property tests: well-formed documents parse as written; any text fails only with our errors."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.build.document import parse_document
from argmap.core.model import Kind, Severity

WORDS = st.sampled_from(["talks", "Moscow", "sanctions", "peace", "war", "deal", "Kyiv", "stalls", "holds", "arms", "é", "naïve", "“quoted”"])
OPERATORS = ["+", "-", "<+", "<-", "+>", "->", "><"]


def sentence() -> st.SearchStrategy[str]:
    return st.lists(WORDS, min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def trees(draw, depth: int = 0):
    """A statement with a relation tree under it: (title, text, [(op, subtree)])."""
    title = f"S{draw(st.integers(0, 10_000))}-{depth}-{draw(st.integers(0, 99))}"
    children = []
    if depth < 4:
        for _ in range(draw(st.integers(0, 3))):
            children.append((draw(st.sampled_from(OPERATORS)), draw(trees(depth=depth + 1))))
    return (title, draw(sentence()), children)


def render_tree(tree, indent: int, op: str | None, lines: list[str], wrap: bool) -> None:
    title, text, children = tree
    prefix = " " * indent + (f"{op} " if op else "")
    if wrap and " " in text:
        first, rest = text.split(" ", 1)
        lines.append(f"{prefix}[{title}]: {first}")
        lines.append(" " * (indent + 4) + rest)
    else:
        lines.append(f"{prefix}[{title}]: {text}")
    for child_op, child in children:
        render_tree(child, indent + 2, child_op, lines, wrap)


def count(tree) -> tuple[set[str], int]:
    title, _text, children = tree
    titles, relations = {title}, 0
    for _op, child in children:
        t, r = count(child)
        titles |= t
        relations += r + 1
    return titles, relations


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(trees(), min_size=1, max_size=4), st.booleans(), st.booleans())
def test_well_formed_documents_parse_as_written(forest, wrap, crlf):
    lines: list[str] = []
    titles: set[str] = set()
    relations = 0
    for tree in forest:
        render_tree(tree, 0, None, lines, wrap)
        lines.append("")
        t, r = count(tree)
        titles |= t
        relations += r
    text = ("\r\n" if crlf else "\n").join(lines)
    doc = parse_document(text, "generated.argmap")
    assert [d for d in doc.diagnostics if d.severity is Severity.ERROR] == []
    assert {s.title for s in doc.statements} == titles
    assert len(doc.relations) == relations
    assert all(r.source.kind is Kind.STATEMENT for r in doc.relations)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_arbitrary_text_only_ever_gives_diagnostics(text):
    doc = parse_document(text, "random.argmap")  # must not raise anything
    for diagnostic in doc.diagnostics:
        assert diagnostic.span is None or diagnostic.span.line >= 1


MARKUP_BITS = st.sampled_from(
    ["[A]: x", "[B]", "<C>: y", "<C>", "  + ", "  - ", "    +> ", "(1) ", "(2) ", "----", "-- r --", "# H", "> \"q\"",
     "===", "{a: 1}", "{", "//", "/*", "*/", "<!--", "-->", "#tag", "@[A]", "\t", "\n", "\n\n", " ", "text", "* ", "1. "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKUP_BITS, max_size=40).map("".join))
def test_markup_fragments_only_ever_give_diagnostics(text):
    parse_document(text, "fragments.argmap")


TAGGED_PARTS = st.sampled_from(["talks", "deal.", "#t0", "#t-1", "#a_b", "#(two words)", "#Ünï", "#t0.", "##", "x#y", "#", " ", "  ", "\n", "—"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TAGGED_PARTS, min_size=1, max_size=10).map("".join))
def test_tags_read_from_the_end_are_the_tags_argdown_finds(raw):
    """The shortcut for `… text. #tag #other` finds what the tag regex finds, and leaves the same text."""
    from argmap.build.inline import _TAG_FINDALL, _TAG_SUB, _normalized_tag, inline_text

    text, argdown_text, tags, _data = inline_text([], "doc.argmap", [], _Head(), raw)
    if not argdown_text:
        return
    expected_tags = tuple(dict.fromkeys(_normalized_tag(a or b) for a, b in _TAG_FINDALL(raw)))
    assert tags == expected_tags
    assert text == (" ".join(_TAG_SUB("", argdown_text).split()) if expected_tags else argdown_text)


class _Head:
    """inline_text reads only where a head ends when the text comes with it."""

    end_line = 1
