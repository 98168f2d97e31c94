"""argmap fmt: the canonical layout, shown on messy files (before/after snapshots) and small cases.

Each ``cases/NAME.before.argmap`` is formatted and compared with
``cases/NAME.after.argmap`` beside it (pytest-snapshot; refresh with
``pytest tests/fmt --snapshot-update`` and read the diff before committing).
"""

from pathlib import Path

import pytest

from argmap.fmt.formatter import FormatError, format_text, unified_diff
from argmap.fmt.meaning import meaning

CASES = Path(__file__).parent / "cases"
BEFORE = sorted(p.name for p in CASES.glob("*.before.argmap"))


@pytest.mark.parametrize("name", BEFORE)
def test_formatted_case(name, snapshot):
    snapshot.snapshot_dir = CASES
    before = (CASES / name).read_text(encoding="utf-8")
    after = format_text(before, name)
    snapshot.assert_match(after, name.replace(".before.", ".after."))
    assert meaning(before, name) == meaning(after, name)
    assert format_text(after, name) == after


def fmt(text: str) -> str:
    return format_text(text, "case.argmap")


def test_relations_are_indented_two_spaces_per_level_and_spelled_canonically():
    text = "[A]: a\n\t<+   [B]: b\n\t\t<- [C]: c\n\t\t\t<_ <D>: d\n\t+> [E]\n\t-> [F]\n\t_> <G>\n\t>< [H]\n"
    assert fmt(text) == "[A]: a\n  + [B]: b\n    - [C]: c\n      _ <D>: d\n  +> [E]\n  -> [F]\n  _> <G>\n  >< [H]\n"


def test_a_line_dedented_between_two_levels_is_written_at_the_level_it_joins():
    text = "[A]: a\n  - [C]: c\n      + [D]: d\n    -> [G]: g\n"
    assert fmt(text) == "[A]: a\n  - [C]: c\n    + [D]: d\n  -> [G]: g\n"


def test_premise_conclusion_structures_are_renumbered_and_bars_tidied():
    text = "<A>: a\n(3)   p\n(3) q\n------\n(9) c\n(10) r\n--  Modus   Ponens ,reductio {uses: [1,  2]}--\n(4) d\n"
    assert fmt(text) == "<A>: a\n\n(1) p\n(2) q\n----\n(3) c\n(4) r\n-- Modus Ponens, reductio {uses: [1,  2]} --\n(5) d\n"


def test_an_inference_line_over_several_lines_becomes_one_line():
    assert fmt("(1) p\n-- rule one,\n     rule two --\n(2) c\n") == "(1) p\n-- rule one, rule two --\n(2) c\n"


def test_one_blank_line_between_blocks_and_none_at_the_ends():
    assert fmt("\n\n[A]: a\n[B]: b\n\n\n\n# H\n[C]: c\n\n\n") == "[A]: a\n\n[B]: b\n\n# H\n\n[C]: c\n"


def test_wrapped_lines_are_indented_two_deeper_than_their_line_without_rewrapping():
    text = "[A]: first line\nsecond   line\n          third line\n  + [B]: b one\nb two\n"
    assert fmt(text) == "[A]: first line\n  second   line\n  third line\n  + [B]: b one\n    b two\n"


def test_quotes_go_directly_under_their_element_before_its_relations():
    text = "[A]: a\n      > \"q1\"\n    + [B]: b\n  > \"q2\"\n"  # the dedented quote belongs to A
    assert fmt(text) == "[A]: a\n  > \"q1\"\n  > \"q2\"\n  + [B]: b\n"


def test_quote_lines_get_one_space_after_the_marker_and_keep_their_words():
    assert fmt("[A]: a\n  >\t  “curly”   // note\n") == "[A]: a\n  > “curly”   // note\n"


def test_list_items_are_indented_as_argdown_requires():
    assert fmt("*   one\n1.  two\n  + [S]: s\n") == "  * one\n  1. two\n    + [S]: s\n"


def test_headings_get_one_space_after_the_marks():
    assert fmt("##    Evidence {isGroup: false}\n[A]: a\n") == "## Evidence {isGroup: false}\n\n[A]: a\n"


def test_line_ends_byte_order_mark_and_trailing_white_space():
    assert fmt("\ufeff[A]: a   \r\n  + [B]: b\t\r\n") == "[A]: a\n  + [B]: b\n"


def test_words_and_inline_comments_are_kept_exactly():
    text = "[A]: one/* glued */two  three // end\n  + [B]: https://example.org/x//y <!-- c -->\n"
    assert fmt(text) == text


def test_comments_keep_their_place():
    text = (
        "// top\n\n[A]: a /* trailing\n        block */\n    // above B\n    + [B]: b\n    // below B, still in the block\n\n"
        "/* between */\n\n[C]: c\n// end\n"
    )
    assert fmt(text) == (
        "// top\n\n[A]: a /* trailing\n        block */\n  // above B\n  + [B]: b\n  // below B, still in the block\n\n"
        "/* between */\n\n[C]: c\n// end\n"
    )


def test_a_file_of_comments_only():
    assert fmt("   // one\n\n\n/* two */\n") == "// one\n\n/* two */\n"


def test_empty_file():
    assert fmt("") == "" and fmt(" \n\n") == ""


def test_front_matter_keys_in_canonical_order_with_their_comments():
    text = "===\ntitle: T   \n# the model\nmodel:\n  mode: strict\nsource:\n  id: s  # short\n===\n\n[A]: a\n"
    assert fmt(text) == "===\nsource:\n  id: s  # short\n# the model\nmodel:\n  mode: strict\ntitle: T\n===\n\n[A]: a\n"


def test_front_matter_that_cannot_be_reordered_safely_keeps_its_order():
    text = "===\ntitle: &t Talks\nsource:\n  title: *t\n===\n\n[A]: a\n"  # the alias needs its anchor first
    assert fmt(text) == text


def test_front_matter_that_is_not_valid_yaml_is_left_as_written():
    text = "===\nsource: [unclosed   \n===\n\n[A]: a\n"
    assert fmt(text) == text


def test_a_marker_alone_on_its_line_is_joined_with_the_words_below():
    assert fmt("1. \n#tag\n") == "  1. #tag\n"  # `1.` alone would be text


def test_a_double_slash_right_after_a_title_stays_text():
    assert fmt("[B]//x\n") == "[B]//x\n"  # a space before it would make it a comment


def test_syntax_errors_are_reported_not_formatted():
    with pytest.raises(FormatError) as raised:
        format_text("[A]: a\n\n  + [B]: b\n\n[C]: c\n\n  - [D]\n", "broken.argmap")
    diagnostics = raised.value.diagnostics
    assert [d.code for d in diagnostics] == ["relation-after-blank", "relation-after-blank"]
    assert [(d.span.path, d.span.line) for d in diagnostics] == [("broken.argmap", 3), ("broken.argmap", 7)]


def test_unterminated_front_matter_is_a_syntax_error():
    with pytest.raises(FormatError) as raised:
        format_text("===\ntitle: x\n\n[A]: a\n", "f.argmap")
    assert raised.value.diagnostics[0].code == "unterminated-front-matter"


def test_white_space_after_a_comment_is_dropped():
    assert fmt("[A]: a\n\n/* c */   \n") == "[A]: a\n\n/* c */\n"  # the parser adds it to A's text


def test_white_space_after_a_comment_before_the_first_block_is_dropped():
    # a comment takes the blanks after it (the parser once read them as an empty statement, Untitled 1)
    assert fmt("/* c */   \n[A]: a\n") == "/* c */\n[A]: a\n"


def test_unified_diff_names_line_end_changes_once():
    diff = unified_diff("\ufeff[A]: a\r\n", "[A]: a\n", "x.argmap")
    assert diff == "# x.argmap: the byte-order mark is dropped\n# x.argmap: CRLF line ends become LF\n"
    diff = unified_diff("[A]:  a", "[A]: a\n", "x.argmap")
    assert diff.splitlines() == [
        "--- x.argmap", "+++ x.argmap (formatted)", "@@ -1 +1 @@", "-[A]:  a", "\\ No newline at end of file", "+[A]: a",
    ]


def test_a_crlf_file_with_front_matter_means_the_same_as_its_lf_form():
    text = "===\r\nsource:\r\n  id: crlf\r\n===\r\n\r\n[A]: a\r\n"
    formatted = format_text(text, "crlf.argmap")
    assert formatted == "===\nsource:\n  id: crlf\n===\n\n[A]: a\n"
    assert meaning(text, "crlf.argmap") == meaning(formatted, "crlf.argmap")
