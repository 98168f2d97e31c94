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
    relative = str(Path(article_path).relative_to(Path(document.path).parent)) if _is_relative(article_path, document.path) else article_path
    try:
        article = read_article(article_path)
    except FileNotFoundError:
        return [error("article-missing", where, "the path is relative to this file", file=relative)]
    except (OSError, UnicodeDecodeError) as exc:
        return [error("article-unreadable", where, "save the article as UTF-8 text", file=relative, reason=str(exc))]
    return [d for q in quotes if (d := _check_quote(q, article, relative)) is not None]


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
        from rapidfuzz import fuzz  # only needed when a quote is not found

        alignment = fuzz.partial_ratio_alignment(wanted, article.normalized)
        if alignment is not None and alignment.score >= 50:
            line, column = article.location(alignment.dest_start)
            closest = article.normalized[alignment.dest_start : alignment.dest_end]
            hint = f"closest match ({alignment.score:.0f}%) is at {name}:{line}:{column}: \"{_shorten(closest)}\""
    return error("quote-not-found", quote.span, hint, file=name)


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
