"""Quotes against their articles: every `> "…"` must be in the article its
file's front matter names, up to whitespace, quote marks and dashes.

An article is read and normalised once per version of the file; a quote that
is not found gets the closest passage as its hint.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import error, warning
from ..core.model import Diagnostic, Document, Quote, Span
from ..core.text import QUOTE_TRANSLATION, normalize_quote


@dataclass(frozen=True)
class Article:
    """An article's text normalised for quote matching, with a map back to the original."""

    path: str
    original: str
    normalized: str
    offsets: tuple[int, ...]  # offsets[i] = index in original of normalized[i]

    def location(self, index: int) -> tuple[int, int]:
        original = self.offsets[min(index, len(self.offsets) - 1)] if self.offsets else 0
        line = self.original.count("\n", 0, original) + 1
        column = original - (self.original.rfind("\n", 0, original) + 1) + 1
        return line, column


def read_article(path: str) -> Article:
    """The article, read once per version of the file (several documents may quote it)."""
    status = Path(path).stat()
    return _read_article(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=64)
def _read_article(path: str, _mtime_ns: int, _size: int) -> Article:
    original = unicodedata.normalize("NFC", Path(path).read_text(encoding="utf-8-sig"))
    chars: list[str] = []
    offsets: list[int] = []
    in_space = False
    for index, char in enumerate(original):
        char = char.translate(QUOTE_TRANSLATION)
        if char == "…":
            chars.extend("...")
            offsets.extend((index, index, index))
            in_space = False
            continue
        if char.isspace():
            if in_space or not chars:
                continue
            in_space, char = True, " "
        else:
            in_space = False
        chars.append(char)
        offsets.append(index)
    return Article(path, original, "".join(chars), tuple(offsets))


def check_quotes(document: Document) -> list[Diagnostic]:
    quotes = [q for e in (*document.statements, *document.arguments) for q in e.quotes]
    if not quotes:
        return []
    article_path = document.source.article
    if not article_path:
        first = quotes[0].span
        return [warning("quote-unchecked", first, "add `article: path/to/article.txt` under `source:` in the front matter")]
    where = document.source.article_span or Span(document.path, 1, 1, 1, 1)
    relative = article_name(document)
    try:
        article = read_article(article_path)
    except FileNotFoundError:
        return [error("article-missing", where, "the path is relative to this file", file=relative)]
    except (OSError, UnicodeDecodeError) as exc:
        return [error("article-unreadable", where, "save the article as UTF-8 text", file=relative, reason=str(exc))]
    return [d for q in quotes if (d := _check_quote(q, article, relative)) is not None]


def article_name(document: Document) -> str:
    """The article's path as the user wrote it: relative to the document when it is beside it."""
    path = document.source.article
    return str(Path(path).relative_to(Path(document.path).parent)) if _is_relative(path, document.path) else path


def _is_relative(path: str, document: str) -> bool:
    try:
        Path(path).relative_to(Path(document).parent)
    except ValueError:
        return False
    return True


def _check_quote(quote: Quote, article: Article, name: str) -> Diagnostic | None:
    wanted = normalize_quote(quote.text)
    if wanted and wanted in article.normalized:
        return None
    hint = "copy the words exactly as the article has them"
    if wanted:
        found = closest_passage(wanted, article.normalized)
        if found is not None and found[0] >= 50:
            score, start, end = found
            line, column = article.location(start)
            hint = f"closest match ({score:.0f}%) is at {name}:{line}:{column}: \"{_shorten(article.normalized[start:end])}\""
    return error("quote-not-found", quote.span, hint, file=name)


DIRECT_LIMIT = 500  # quote length up to which rapidfuzz's partial alignment is cheap (its cost grows with the square of it)
ANCHOR = 16  # characters of the quote looked up verbatim in the article
ANCHORS = 128  # at most this many per quote
HITS_PER_ANCHOR = 20  # a common phrase says little about where the quote is
WINDOWS = 3  # candidate passages scored in full


def closest_passage(wanted: str, text: str) -> tuple[float, int, int] | None:
    """(score, start, end) of the passage of ``text`` closest to ``wanted``, or None.

    A short quote is aligned over the whole text by rapidfuzz. For a long one
    that costs the cube of its length (a 25 000-character quote: minutes), so
    pieces of it found verbatim in the text vote for where it would start,
    and only the few passages with most votes are compared in full: time
    linear in the text, and the square of the quote divided by 64 in C.
    """
    from rapidfuzz import fuzz  # only needed when a quote is not found

    if len(wanted) <= DIRECT_LIMIT:
        alignment = fuzz.partial_ratio_alignment(wanted, text)
        return None if alignment is None else (alignment.score, alignment.dest_start, alignment.dest_end)
    size = len(wanted)
    if size >= len(text):
        return fuzz.ratio(wanted, text), 0, len(text)
    votes: dict[int, list[int]] = {}
    stride = max(ANCHOR, (size - ANCHOR) // ANCHORS)
    for offset in range(0, size - ANCHOR + 1, stride):
        piece = wanted[offset : offset + ANCHOR]
        at = text.find(piece)
        for _hit in range(HITS_PER_ANCHOR):
            if at < 0:
                break
            start = at - offset
            votes.setdefault(start // (2 * ANCHOR), []).append(start)
            at = text.find(piece, at + 1)
    best: tuple[float, int, int] | None = None
    for bucket in sorted(votes, key=lambda b: (-len(votes[b]), b))[:WINDOWS]:
        starts = sorted(votes[bucket])
        start = min(max(starts[len(starts) // 2], 0), len(text) - size)
        score = fuzz.ratio(wanted, text[start : start + size])
        if best is None or score > best[0]:
            best = (score, start, start + size)
    return best


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
