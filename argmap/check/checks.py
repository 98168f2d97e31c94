"""Checks over a merged map: quotes against their articles, positions, isolated elements.

Syntax and per-document problems are found while parsing; these checks need
the whole map (or the files it points to) and run after merging.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path


from ..core.errors import error, warning
from ..core.text import QUOTE_TRANSLATION, did_you_mean, normalize_quote
from ..core.model import ArgumentMap, Diagnostic, Document, Kind, Quote, Ref, RelationType, Severity, Span



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


def check_positions(argument_map: ArgumentMap) -> list[Diagnostic]:
    declared = [p.tag for p in argument_map.positions]
    if not declared:
        return []
    problems = []
    reported: set[str] = set()
    for element in (*argument_map.statements.values(), *argument_map.arguments.values()):
        for tag in element.tags:
            if tag in declared or tag in reported:
                continue
            close = did_you_mean(tag, declared)
            if close is not None and _similarity(tag, close) >= 75:
                reported.add(tag)
                problems.append(warning("undeclared-position", element.span, f"did you mean #{close}?", tag=tag))
    return problems


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def check_isolated(argument_map: ArgumentMap) -> list[Diagnostic]:
    # titles per kind: hashing (Kind, title) pairs calls the enum's __hash__, in Python, twice per relation
    related_statements: set[str] = set()
    related_arguments: set[str] = set()
    statement_kind = Kind.STATEMENT
    for relation in argument_map.relations:
        for end in (relation.source, relation.target):
            (related_statements if end.kind is statement_kind else related_arguments).add(end.title)
    in_pcs = {i.statement for a in argument_map.arguments.values() for i in a.pcs}
    problems = []
    for title, statement in argument_map.statements.items():
        if title not in related_statements and title not in in_pcs:
            problems.append(warning("isolated", statement.span, "relate it with + or -, or use it as a premise", element=str(Ref(Kind.STATEMENT, title))))
    for title, argument in argument_map.arguments.items():
        if title not in related_arguments and not argument.pcs:
            problems.append(warning("isolated", argument.span, "relate it with +> or ->, or reconstruct it with (1) … ---- (n)", element=str(Ref(Kind.ARGUMENT, title))))
    return problems


def check_dropped_by_argdown(argument_map: ArgumentMap) -> list[Diagnostic]:
    """Relations Argdown's model silently drops: an argument and its own conclusion."""
    problems = []
    for relation in argument_map.relations:
        if relation.source.kind is not Kind.ARGUMENT or relation.target.kind is not Kind.STATEMENT:
            continue
        argument = argument_map.arguments.get(relation.source.title)
        if argument is not None and argument.pcs and argument.pcs[-1].statement == relation.target.title:
            verb = {RelationType.SUPPORT: "supports", RelationType.ATTACK: "attacks"}.get(relation.type, "relates to")
            problems.append(warning("dropped-by-argdown", relation.span, "an argument's conclusion is already what it argues for", element=str(relation.source), verb=verb))
    return problems


def check(argument_map: ArgumentMap) -> list[Diagnostic]:
    """Every diagnostic about a merged map, sorted by place."""
    found = list(argument_map.diagnostics)
    for document in argument_map.documents:
        found.extend(check_quotes(document))
    found.extend(check_positions(argument_map))
    found.extend(check_isolated(argument_map))
    found.extend(check_dropped_by_argdown(argument_map))
    return sorted(found, key=_place)


def _place(d: Diagnostic) -> tuple:
    span = d.span
    return (span.path, span.line, span.column, d.severity is Severity.WARNING, d.message) if span else ("", 0, 0, False, d.message)


def has_errors(diagnostics: list[Diagnostic], strict: bool = False) -> bool:
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)
