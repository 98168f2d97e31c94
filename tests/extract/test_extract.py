"""`argmap extract`: drafts that always parse and pass `argmap check`, cues, lexicon, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks.checker import check
from argmap.core.text import normalize_quote
from argmap.core.errors import ArgmapError
from argmap.extract.article import sentences
from argmap.extract.draft import Options, quote_line, safe_text
from argmap.extract.extractor import extract, extract_article
from argmap.extract.lexicon import lexicon_from_data, load_lexicon
from argmap.extract.scoring import score_sentence
from argmap.extract.titles import make_title
from argmap.merge.combine import load
from argmap.core.model import Severity

from ..conftest import ROOT

EXAMPLES = ROOT / "examples" / "ukraine-talks"
ARTICLES = sorted((EXAMPLES / "articles").glob("*.txt"))
FIXTURES = Path(__file__).parent / "fixtures"


def draft_and_check(tmp_path: Path, text: str, name: str = "article.txt", **options) -> tuple[str, list]:
    """Write the article, extract a draft beside it as a user would, and check the draft.

    Each call gets a directory of its own: the checker caches articles by path.
    """
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))
    article = tmp_path / name
    article.write_text(text, encoding="utf-8", newline="")
    output = tmp_path / "draft.argmap"
    result = extract_article(article.read_bytes(), str(article), output, **options)
    output.write_text(result.draft.text, encoding="utf-8")
    diagnostics = check(load([output]))
    return result.draft.text, diagnostics, output


def errors(diagnostics) -> list[str]:
    return [f"{d.span}: {d.message} ({d.hint})" for d in diagnostics if d.severity is Severity.ERROR]


# ---------------------------------------------------------------- the five example articles


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_draft_of_each_example_article_passes_check(tmp_path, article):
    text, diagnostics, draft_path = draft_and_check(tmp_path, article.read_text(encoding="utf-8"), article.name)
    assert errors(diagnostics) == []
    document = load([draft_path])
    quotes = [q for s in document.statements.values() for q in s.quotes]
    assert len(quotes) >= 5  # the draft has candidates, and every one of their quotes was checked
    assert "TODO" in text


def test_draft_quotes_the_article_where_it_is(tmp_path):
    """A plain-text article is not copied: the draft points at it, relative to the draft."""
    article = EXAMPLES / "articles" / "nournews-meeting-as-media-tool.txt"
    output = tmp_path / "sub" / "draft.argmap"
    output.parent.mkdir()
    result = extract_article(article.read_bytes(), str(article), output)
    assert result.text_path is None
    output.write_text(result.draft.text, encoding="utf-8")
    assert errors(check(load([output]))) == []
    assert "article: " in result.draft.text and "nournews-meeting-as-media-tool.txt" in result.draft.text


def test_same_input_same_draft_even_in_another_process():
    text = (EXAMPLES / "articles" / "american-conservative-stay-the-course.txt").read_text(encoding="utf-8")
    first = extract(text, Options(article="a.txt")).text
    assert extract(text, Options(article="a.txt")).text == first
    code = (
        "import sys; from argmap.extract.extractor import extract; from argmap.extract.draft import Options; "
        "sys.stdout.write(extract(sys.stdin.read(), Options(article='a.txt')).text)"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONIOENCODING": "utf-8"}
    other = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, encoding="utf-8", env=env, check=True)
    assert other.stdout == first


# ---------------------------------------------------------------- hostile inputs

HOSTILE = {
    "empty": "",
    "blank lines": "\n\n   \n\t\n",
    "one sentence": "Sanctions should be tightened because they work.",
    "one word": "However",
    "markup at line start": (
        "[Title]: this looks like a statement, but the article says it should be quoted as it is.\n"
        "<Argument>: an argument marker; we must keep it verbatim because it is the article's text.\n"
        "# A heading in the article that is long enough to be a sentence, so it should count.\n"
        "// A comment marker that must not swallow this sentence, which should be quoted.\n"
        "{key: value} inline data that must not break the draft, because YAML is strict.\n"
        "> A quoted line that should stay a sentence of the article, because it is one.\n"
        "(1) A numbered premise that must not become a premise, because it is text.\n"
        "* A list item that should be quoted, although it starts with a star.\n"
        "- A dash line that should not become a relation, although it looks like one.\n"
        "+ A plus line that should not become a relation, although it looks like one.\n"
        "===\nNot front matter: this line should not open YAML, because it is text.\n===\n"
        "/* An unclosed block comment that must not eat the rest of the draft, because it should be harmless.\n"
        "<!-- An unclosed HTML comment that should stay harmless, however odd it looks.\n"
    ),
    "quotes inside sentences": (
        'He said "stop" // then the talks must end, because nobody listens.\n'
        "The minister insisted that “peace is near”, but critics say it is not.\n"
        "She called it 'a ruse' — and the Kremlin must know it, because it said so.\n"
        '"We should talk," he said. "But not now," she replied, because it was late.\n'
        'A sentence that ends in a quote mark must still be quoted, "she said".\n'
        'Quotes "inside" "many" "times" should parse, because the parser strips one pair.\n'
    ),
    "markup characters inside": (
        "The #1 problem is that sanctions [which we imposed] should work, but {they} don't.\n"
        "Prices rose 50% <i>because</i> of sanctions; therefore @[Title] must not be a mention.\n"
        "See https://example.org/a//b for why diplomacy should win, because links are text.\n"
        "Stars *like this* and _underscores_ should vanish from the text, but not from the quote.\n"
        "A backslash \\ and a pipe | and a tick ` should be harmless, because they are text.\n"
    ),
    "very long sentence": "The West must act because " + " and ".join(f"reason number {i} matters" for i in range(1500)) + ".",
    "tabs and CRLF": "Diplomacy\tshould win, because\twar is costly.\r\nHowever, Moscow\tstalls.\r\n",
    "byte-order mark": "\ufeffThe talks should go on, because they are the only way out.\n",
    "unicode": "Ceasefire talks — «mirage» or chance? They must continue, because the café owners in Kyiv say so… Truly.\n",
    "only boilerplate": "Subscribe to our newsletter.\nAll rights reserved.\nThe views expressed are the author's own and do not reflect ours.\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_a_draft_that_passes_check(tmp_path, name):
    text, diagnostics, draft_path = draft_and_check(tmp_path, HOSTILE[name])
    assert errors(diagnostics) == [], text


def test_markup_in_the_article_is_quoted_verbatim(tmp_path):
    text, _, draft_path = draft_and_check(tmp_path, HOSTILE["markup at line start"])
    assert '> "[Title]: this looks like a statement' in text
    assert '> "{key: value} inline data' in text
    document = load([draft_path])
    assert not document.arguments  # '(1)' and '<Argument>:' in the article are text, not markup
    assert not [r for r in document.relations if "plus line" in r.source.title.lower()]


def test_quote_with_a_quote_mark_before_a_comment_marker_is_cut_not_broken(tmp_path):
    text, diagnostics, draft_path = draft_and_check(tmp_path, HOSTILE["quotes inside sentences"])
    assert errors(diagnostics) == []
    assert quote_line('He said "stop" // then') == '"He said "stop""'


def test_empty_article_says_so():
    draft = extract("", Options(article="a.txt"))
    assert draft.candidates == ()
    assert "TODO: no sentence scored high enough" in draft.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [*"ab c.,;:!?\"'“”‘’[]{}<>#@/*_-+=()\\|~`\t>—…\n", "word ", "Words. ", "should ", "because ", "However, ", "// ", "/* ", "<!-- ", "(1) ", "* ", "===\n"]
        ),
        max_size=120,
    ).map("".join)
)
def test_any_text_gives_a_draft_that_passes_check(tmp_path, text):
    draft, diagnostics, _ = draft_and_check(tmp_path, text, min_score=-10)
    assert errors(diagnostics) == [], draft


def test_binary_and_non_utf8_input_are_errors():
    with pytest.raises(ArgmapError) as raised:
        extract_article(b"abc\x00def", "a.txt", Path("d.argmap"))
    assert raised.value.code == "binary"
    with pytest.raises(ArgmapError) as raised:
        extract_article(b"caf\xe9 au lait", "a.txt", Path("d.argmap"))
    assert raised.value.code == "not-utf8"
    assert "1:4" in str(raised.value)


def test_bad_url_is_an_error():
    with pytest.raises(ArgmapError) as raised:
        extract("Text.", Options(url="ftp://example.org"))
    assert raised.value.code == "bad-url"


# ---------------------------------------------------------------- sentences, cues, titles


def test_sentences_come_from_pysbd_and_keep_their_offsets():
    text = "Dr. Smith said the U.S. will act. However, he was wrong!\n### A heading\nSubscribe to our newsletter now.\n"
    paras, found = sentences(text)
    assert [s.text for s in found] == ["Dr. Smith said the U.S. will act.", "However, he was wrong!"]
    assert all(text[s.start : s.end] == s.text for s in found)
    assert [p.heading for p in paras] == [False, True, False]
    assert [p.boilerplate for p in paras] == [False, False, True]


def test_boilerplate_sections_are_left_out():
    text = "Diplomacy should win, because war is costly.\nReferences\nSmith, J. (2020). Why diplomacy should win. Journal.\n"
    _paras, found = sentences(text)
    assert [s.text for s in found] == ["Diplomacy should win, because war is costly."]


@pytest.mark.parametrize(
    "sentence, families",
    [
        ("Therefore, the talks will fail.", {"conclusion marker", "evaluative"}),
        ("The talks failed because Moscow stalled.", {"premise marker", "evaluative"}),
        ("Since 2014 the front has moved little.", set()),
        ("However, the Kremlin said no.", {"contrast marker", "reported position"}),
        ("He has yet to follow through.", set()),
        ("Washington should act now.", {"modal: ought"}),
        ("In my view, this is a mistake.", {"stance phrase", "evaluative"}),
        ("Critics argue that the deal is reasonable.", {"reported position", "evaluative"}),
        ("It may happen in May.", {"modal: likelihood"}),
        ("So far the talks have produced little.", set()),
    ],
)
def test_cue_families(sentence, families):
    _paras, found = sentences(sentence)
    scored = score_sentence(found[0], lexicon_from_data({"positions": {"x": {"terms": ["zzz"]}}}))
    assert {c.family for c in scored.cues} - {"short sentence"} == families


def test_titles_are_short_unique_and_keep_negation():
    taken: set[str] = set()
    first = make_title("Interestingly, Trump has not publicly acknowledged Putin’s strategy of foot-dragging.", taken)
    assert first == "Trump Not Acknowledged Putin Strategy"
    assert make_title("Trump has not acknowledged Putin’s strategy at all.", taken) == "Trump Not Acknowledged Putin Strategy 2"
    assert make_title("Foreign Minister Sergei Lavrov spoke.", set()) == "Sergei Lavrov Spoke"
    assert make_title("[]{}", set()) == "Claim"


def test_statement_text_has_no_markup():
    assert safe_text("A [b] {c} <d> #e @f *g* _h_ // i /* j") == "A (b) (c) d e f g h / i / j"


# ---------------------------------------------------------------- lexicon


def test_default_lexicon_declares_the_example_positions():
    lexicon = load_lexicon()
    assert [p.tag for p in lexicon.positions] == ["restraint", "pressure", "skepticism"]
    assert all(p.terms for p in lexicon.positions)


def test_lexicon_terms_match_words_stems_and_phrases():
    lexicon = lexicon_from_data({"positions": {"hawk": {"terms": ["sanction*", "arms deliveries"]}, "dove": {"terms": ["talks"]}}})
    hawk, dove = lexicon.positions
    assert hawk.matches("New sanctions and arms-deliveries.") == ["sanction*", "arms deliveries"]
    assert dove.matches("No small-talk, no talkshow.") == []
    assert dove.matches("Talks resume.") == ["talks"]
    feet = lexicon_from_data({"positions": {"s": {"terms": ["drag* its feet"]}}}).positions[0]
    assert feet.matches("Moscow keeps dragging its feet.") == ["drag* its feet"]


@pytest.mark.parametrize(
    "data, reason",
    [
        ([], "positions:"),
        ({"positions": {}}, "positions:"),
        ({"positions": {"two words": {"terms": ["x"]}}}, "one word"),
        ({"positions": {"p": ["x"]}}, "mapping"),
        ({"positions": {"p": {"terms": "x"}}}, "list"),
    ],
)
def test_invalid_lexicons_are_explained(data, reason):
    with pytest.raises(ArgmapError) as raised:
        lexicon_from_data(data, "lex.yaml")
    assert raised.value.code == "lexicon-invalid" and reason in str(raised.value)


def test_own_lexicon_gives_own_positions(tmp_path):
    lexicon_file = tmp_path / "lexicon.yaml"
    lexicon_file.write_text("positions:\n  hawks: {label: Hawks, terms: [sanction*]}\n  doves: {label: Doves, terms: [talks]}\n", encoding="utf-8")
    text, diagnostics, draft_path = draft_and_check(tmp_path, "New sanctions should follow, because sanctions work. Talks must resume, because talks work.", lexicon=load_lexicon(lexicon_file))
    assert errors(diagnostics) == []
    assert "#hawks" in text and "#doves" in text and "restraint" not in text


def test_max_claims_keeps_the_best_and_min_score_filters():
    text = (FIXTURES / "small-article.txt").read_text(encoding="utf-8")
    everything = extract(text, Options(article="a.txt", min_score=-10))
    best = extract(text, Options(article="a.txt", max_claims=2))
    strict = extract(text, Options(article="a.txt", min_score=5))
    assert len(everything.candidates) > len(extract(text, Options(article="a.txt")).candidates)
    assert len(best.candidates) == 2
    assert {c.scored.score for c in best.candidates} == {max(c.scored.score for c in everything.candidates), sorted(c.scored.score for c in everything.candidates)[-2]}
    assert all(c.scored.score >= 5 for c in strict.candidates) and strict.candidates


def test_every_quote_is_a_sentence_of_the_article():
    text = (FIXTURES / "small-article.txt").read_text(encoding="utf-8")
    draft = extract(text, Options(article="a.txt", min_score=-10))
    article = normalize_quote(text)
    assert all(normalize_quote(c.sentence.text) in article for c in draft.candidates)
    assert not any("newsletter" in c.sentence.text or "Journal" in c.sentence.text for c in draft.candidates)
