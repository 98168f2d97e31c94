"""The cues that score a sentence: families of marker patterns with their weights, and the connectives that propose relations.

See docs/extract.md for the table of families and weights.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A cue family fires once per sentence however many of its markers occur;
# the sentence's score is the sum of the weights of the families that fired.
# Markers are regular expressions matched case-insensitively on whole words.


@dataclass(frozen=True)
class CueFamily:
    name: str
    weight: float
    patterns: tuple[str, ...]
    initial_only: bool = False  # markers count only at the start of the sentence
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        body = "|".join(f"(?:{p})" for p in self.patterns)
        if self.initial_only:
            pattern = rf"^\W*(?:{body})\b"
        else:
            pattern = rf"(?<![\w'’-])(?:{body})(?![\w'’-])"
        object.__setattr__(self, "regex", re.compile(pattern, re.IGNORECASE))

    def find(self, sentence: str) -> list[str]:
        return [m.group(0).strip(" \t\"'“”‘’(") for m in self.regex.finditer(sentence)]


_NOT_AFTER_SO = r"(?!\s+(?:far|much|many|long|called|that|too|as|to|often|well|few|little)\b)(?!-)"
_TEMPORAL_SINCE = (
    r"(?!\s+(?:then|when|\d+|the\s+(?:start|beginning|end|war|invasion|fall|collapse|outbreak)|early|last|its|his|her|their"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
)

CONCLUSION = CueFamily(
    "conclusion marker",
    2.0,
    (
        "therefore", "thus", "hence", "consequently", "accordingly", "as a result", "it follows that",
        "which means", "this means", "that means", "which is why", "this is why", "that is why",
        "for this reason", "for these reasons", "in short", "in sum", "to sum up", "in conclusion",
        "ultimately", "in the end", "the upshot", r"(?:^|(?<=[,;:—–]))\s*so" + _NOT_AFTER_SO,
    ),
)
PREMISE = CueFamily(
    "premise marker",
    1.5,
    (
        "because", "given that", "given the", "due to", "owing to", "in light of", "in view of",
        "the reason is", "the reason why", "after all", "as shown by", "as evidenced by", "since" + _TEMPORAL_SINCE,
    ),
)
CONTRAST = CueFamily(
    "contrast marker",
    1.0,
    (
        "but", "however", "although", "though", "even though", "despite", "in spite of", "nevertheless",
        "nonetheless", "on the other hand", "whereas", "instead", "rather than", "even so", "by contrast",
        "on the contrary", "conversely", r"(?:^|(?<=[,;:—–]))\s*yet(?!\s+(?:to|another|again)\b)",
        r"^\W*still(?=,)", r"^\W*while",
    ),
)
DEONTIC = CueFamily(
    "modal: ought",
    2.0,
    (
        "should", "shouldn[’']t", "should not", "must", "mustn[’']t", "ought to", "needs? to", "has to", "have to",
        "cannot afford", "it is (?:essential|imperative|vital|crucial|necessary|time)", "it[’']s time", "is no time",
    ),
)
EPISTEMIC = CueFamily(
    "modal: likelihood",
    1.0,
    (
        "(?-i:may)", "might", "could", "would", "likely", "unlikely", "probably", "perhaps", "possibly",
        "seems?", "seemed", "appears? to", "apparently", "presumably", "arguably", "certainly",
        "surely", "undoubtedly", "evidently", "inevitabl[ey]", "cannot", "can[’']t", "won[’']t", "will never",
    ),
)
EVALUATIVE = CueFamily(
    "evaluative",
    1.0,
    (
        "reasonable", "unreasonable", "legitimate", "illegitimate", "valid", "invalid", "wrong(?:ly)?", "rightly",
        "mistaken?", "mistakes", "misguided", "naive", "na[iï]ve", "foolish", "reckless", "dangerous", "disastrous",
        "catastroph(?:e|ic)", "calamit(?:y|ous)", "crucial", "essential", "vital", "important", "necessary",
        "unnecessary", "needless(?:ly)?", "fail(?:s|ed|ure|ing)?", "success(?:ful)?", "effective", "ineffective",
        "futile", "pointless", "counterproductive", "unrealistic", "realistic", "credible", "flawed", "illusion",
        "fantasy", "absurd", "outrageous", "terrible", "worse", "worst", "better", "best", "wise", "unwise",
        "prudent", "sensible", "irresponsible", "hypocri(?:sy|tical)", "cynical", "genuine(?:ly)?", "sincere",
        "weak(?:ness)?", "serious(?:ly)?", "costly", "risky", "risks?", "harmful", "unacceptable", "acceptable",
        "(?:un)?justified", "immoral", "shameful", "clumsy", "clumsily", "fruitless", "doomed", "predictably",
        "unfortunately", "fortunately", "sadly", "tragic(?:ally)?", "desperate(?:ly)?", "blunder", "folly",
    ),
)
STANCE = CueFamily(
    "stance phrase",
    2.0,
    (
        "in my view", "in my opinion", "i think", "i believe", "i argue", "i would argue", "i[’']d argue", "i know",
        "i suspect", "we should", "we must", "we need", "we cannot", "the truth is", "the fact is", "the reality is",
        "the problem is", "the point is", "the question is", "the lesson", "the bottom line", "make no mistake",
        "there is no doubt", "no doubt", "it is clear", "clearly", "obviously", "to be sure", "of course",
        "in fact", "indeed", "let us be clear", "let[’']s be clear", "what matters", "the key",
        "there is (?:every|good|little|no) reason", "it is (?:little|no) wonder",
    ),
)
REPORTED = CueFamily(
    "reported position",
    1.0,
    (
        "argues?", "argued", "contends?", "contended", "claims?", "claimed", "insists?", "insisted",
        "maintains?", "maintained", "believes?", "believed", "warns?", "warned", "asserts?", "asserted",
        "says?", "said", "stated", "noted", "acknowledged", "suggests?", "suggested", "according to",
        "critics", "proponents", "supporters", "opponents", "skeptics", "sceptics", "analysts", "experts",
        "observers", "officials", "hawks", "doves", "realists",
    ),
)

CUES: tuple[CueFamily, ...] = (CONCLUSION, PREMISE, CONTRAST, DEONTIC, EPISTEMIC, EVALUATIVE, STANCE, REPORTED)
TOPIC_WEIGHT = 0.5  # a sentence that uses any term of the position lexicon is about the debate
SHORT_PENALTY = -1.0  # fewer than SHORT_WORDS words: rarely a claim of its own
SHORT_WORDS = 6
INTRO_PENALTY = -2.0  # a sentence ending in a colon introduces a quotation or a list: not a claim itself

# Sentence-initial connectives that relate a sentence to the candidate before it.
# "After all, X" gives a reason for what came before; "Because X, Y" is one sentence with its own
# reason, so "because" and "since" relate to the sentence before only when no clause follows a comma.
INITIAL_PREMISE = CueFamily(
    "premise",
    0,
    (
        "after all", "for one thing", "for another", "that is because", "this is because", "it is because",
        "the reason is", "the reason for this", r"(?:because|since" + _TEMPORAL_SINCE + r")(?=[^,;:]*$)",
    ),
    initial_only=True,
)
INITIAL_CONCLUSION = CueFamily(
    "conclusion",
    0,
    (
        "therefore", "thus", "hence", "consequently", "accordingly", "as a result", "so(?=[ ,])" + _NOT_AFTER_SO,
        "this means", "that means", "that is why", "this is why", "for this reason", "for these reasons",
        "in short", "in sum", "in conclusion", "ultimately", "it follows",
    ),
    initial_only=True,
)
INITIAL_CONTRAST = CueFamily(
    "contrast",
    0,
    (
        "but", "however", "yet(?!\\s+(?:to|another|again)\\b)", "still(?=,)", "nevertheless", "nonetheless",
        "on the other hand", "even so", "by contrast", "on the contrary", "conversely", "instead",
    ),
    initial_only=True,
)
