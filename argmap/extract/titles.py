"""Titles for candidate claims: a few content words of the sentence's main clause, unique within the draft."""

from __future__ import annotations

import re

_STOPWORDS = frozenset(
    """a an the and or but nor of to in on at for with by from as into onto over under about after before between
    through during without within against among upon is are was were be been being am it its it's this that these those
    he she they we you i me him her them us his hers their theirs our ours your yours my mine not no so than then too
    very can could may might will would shall should must do does did done have has had having there here what which who
    whom whose when where why how if while because since until also more most such only own same other some any each
    all both few many much just even still yet however though although whether either neither one ones s t
    said says say says told according one's per via amid despite like unlike onto out up down off again further once
    let lets let's mr mrs ms dr moreover furthermore meanwhile additionally instead rather therefore thus hence indeed
    means mean meant alternatively worse""".split()
)
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_NEGATIONS = frozenset({"not", "no", "never", "cannot"})
_SUBORDINATE_START = re.compile(
    r"^\W*(?:after|before|when|whenever|while|although|though|even though|if|unless|since|because|as|once|until|despite|given|"
    r"according to|in|on|at|for|with|amid|following|by|under|over|during|like|unlike|however|but|yet|still|so|thus|"
    r"therefore|hence|indeed|of course|in fact)\b[^,;:]{0,120}[,;:]\s*",
    re.IGNORECASE,
)
TITLE_WORDS = 5


def make_title(sentence: str, taken: set[str] | None = None, words: int = TITLE_WORDS) -> str:
    """A short title from the sentence's own content words (main clause first), unique among ``taken``."""
    main = _SUBORDINATE_START.sub("", sentence, count=1)
    chosen = _content_words(main) or _content_words(sentence) or ["Claim"]
    if len(chosen) < 3 and main != sentence:
        chosen = _content_words(sentence) or chosen
    title = " ".join(_capitalise(w) for w in chosen[:words])
    taken = taken if taken is not None else set()
    unique, n = title, 2
    while unique.casefold() in taken:
        unique, n = f"{title} {n}", n + 1
    taken.add(unique.casefold())
    return unique


def _content_words(text: str) -> list[str]:
    """Content words in order: no stop words, no adverbs in -ly, long runs of names cut to their last two words."""
    words: list[tuple[str, bool]] = []  # (word, capitalised)
    for match in _WORD.finditer(text):
        word = match.group(0).replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
            word += "."  # U.S, U.K → U.S., U.K.
        words.append((word, word[:1].isupper()))
    kept: list[str] = []
    run: list[str] = []

    def flush() -> None:
        kept.extend(run[-2:] if len(run) > 2 else run)
        run.clear()

    for word, capitalised in words:
        bare = word.lower().strip(".'-")
        if bare in _NEGATIONS or bare.endswith("n't"):
            flush()
            kept.append("not")
            continue
        if not bare or bare in _STOPWORDS or (len(bare) < 3 and not word.isupper()) or bare.isdigit() or (bare.endswith("ly") and len(bare) > 4):
            flush()
            continue
        if capitalised:
            run.append(word.strip("'-"))
        else:
            flush()
            kept.append(word.strip(".'-"))
    flush()
    found: list[str] = []
    for word in kept:
        if word.lower() not in (w.lower() for w in found):
            found.append(word)
    return found


def _capitalise(word: str) -> str:
    return word if word[:1].isupper() or any(c.isupper() for c in word[1:]) else word[:1].upper() + word[1:]
