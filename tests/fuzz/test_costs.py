"""Bounded costs: a long wrong quote and fmt --check on a large file take seconds, not minutes."""

import random
import time

from argmap.checks.quotes import closest_passage

WORDS = [w for w in "the talks in Riyadh were framed as a first step toward ending the war but Kyiv and Brussels were not in the room and sanctions stay until a ceasefire holds".split()]


def prose(seed: int, size: int) -> str:
    chance = random.Random(seed)
    out = []
    total = 0
    while total < size:
        word = chance.choice(WORDS)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)[:size]


def test_a_long_quote_near_a_passage_finds_it_quickly():
    article = prose(1, 200_000)
    quote = article[50_000:75_000].replace("talks", "tolks")
    started = time.monotonic()
    score, start, end = closest_passage(quote, article)
    assert time.monotonic() - started < 3
    assert start == 50_000 and end == 75_000 and score > 95


def test_a_long_wrong_quote_is_reported_in_seconds(argmap_cli, tmp_path):
    (tmp_path / "article.txt").write_text(prose(1, 50_000))
    quote = "".join(random.Random(2).choice("xyzqw ") for _ in range(25_000))
    (tmp_path / "a.argmap").write_text(f'===\nsource:\n  article: article.txt\n===\n[A]: x\n  > "{quote}"\n')
    started = time.monotonic()
    result = argmap_cli("check", "a.argmap", cwd=tmp_path)
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert "a.argmap:6:3: error: the quote does not occur in the article article.txt" in result.stderr
    assert "hint: copy the words exactly as the article has them" in result.stderr


def test_a_long_quote_with_a_typo_gets_the_closest_passage_as_hint(argmap_cli, tmp_path):
    article = prose(3, 40_000)
    (tmp_path / "article.txt").write_text(article)
    quote = article[10_000:22_000]
    quote = quote[:6000] + "X" + quote[6001:]
    (tmp_path / "a.argmap").write_text(f'===\nsource:\n  article: article.txt\n===\n[A]: x\n  > "{quote}"\n')
    started = time.monotonic()
    result = argmap_cli("check", "a.argmap", cwd=tmp_path)
    assert time.monotonic() - started < 10
    assert "hint: closest match (100%) is at article.txt:1:10001:" in result.stderr


def test_the_diff_of_a_large_file_takes_linear_time():
    from argmap.fmt.formatter import unified_diff

    before = "".join(f"[S{n}]:   statement {n}\n  + [T{n}]: support {n}\n\n" for n in range(40_000))  # 2 MB, 120 000 lines
    after = before.replace("]:   ", "]: ")
    started = time.monotonic()
    diff = unified_diff(before, after, "big.argmap")
    assert time.monotonic() - started < 5
    assert diff.count("\n-[S") == 40_000 and diff.count("\n+[S") == 40_000
    assert diff.startswith("--- big.argmap\n+++ big.argmap (formatted)\n@@ -1,120000 +1,120000 @@\n-[S0]:   statement 0\n+[S0]: statement 0\n")


def test_many_unknown_references_cost_little():
    import argmap

    defined = "".join(f"[Defined {n}]: text {n}\n\n" for n in range(20_000))
    unknown = "".join(f"[U]: u\n  + [Defined {n}x]\n\n" for n in range(5_000))
    started = time.monotonic()
    diagnostics = argmap.loads(defined + unknown).diagnostics
    assert time.monotonic() - started < 15
    hints = [d.hint for d in diagnostics if d.code == "unknown-reference"]
    assert len(hints) == 5_000
    assert hints[0] == "did you mean [Defined 0]?"  # the first ones get a suggestion; the rest a plain hint
    assert hints[-1] == "define it somewhere as [Defined 4999x]: text"
