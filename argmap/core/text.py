"""Text helpers every stage shares: how titles and quotes compare, did-you-mean,
and what input text may become in a drawing or a page.

They live here, below every stage, so that drawing or checking a map never
imports the parser.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

QUOTE_TRANSLATION = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "–": "-", "—": "-", "―": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)
_HTTP_URL = re.compile(r"^https?://[^\s<>\"'\\`{}|^\x00-\x1f\x7f]+$", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalize_title(title: str) -> str:
    """Titles are compared after Unicode NFC and whitespace collapsing."""
    if not title.isascii():  # ASCII is always in NFC
        title = unicodedata.normalize("NFC", title)
    return " ".join(title.split())


def normalize_quote(text: str) -> str:
    """Quotes match across whitespace, curly/straight quote and dash differences."""
    text = unicodedata.normalize("NFC", text).translate(QUOTE_TRANSLATION).replace("…", "...")
    return re.sub(r"\s+", " ", text).strip()


def did_you_mean(word: str, candidates: Sequence[str]) -> str | None:
    """The closest candidate to a misspelt word, if any is close enough."""
    if not candidates:
        return None
    from rapidfuzz import fuzz, process  # only needed when something is misspelt

    match = process.extractOne(word, candidates, scorer=fuzz.WRatio, score_cutoff=75)
    return match[0] if match else None


def clean(text: str) -> str:
    """Input text without control characters (Graphviz's XML parser rejects them)."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\t", " "))


def is_http_url(url: str) -> bool:
    """Only plain http(s) addresses may become links; no other scheme reaches the SVG."""
    return bool(_HTTP_URL.match(url or ""))
