"""The position lexicon: a YAML file of position tags, each with the terms that signal it.

The shipped lexicon is read from the package data (``argmap/extract/lexicon/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..core.errors import ArgmapError
from ..core.model import Span

DEFAULT_LEXICON = "ukraine-war.yaml"


@dataclass(frozen=True)
class PositionCues:
    """One position of a lexicon: what the front matter declares and the terms that signal it."""

    tag: str
    label: str
    color: str = ""
    description: str = ""
    terms: tuple[str, ...] = ()
    regexes: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)

    def matches(self, sentence: str) -> list[str]:
        return [term for term, regex in zip(self.terms, self.regexes) if regex.search(sentence)]


@dataclass(frozen=True)
class Lexicon:
    path: str
    positions: tuple[PositionCues, ...]


_TAG_WORD = re.compile(r"^[\w-]+$")


def _term_regex(term: str) -> re.Pattern:
    """Whole words, any case; a word ending in * matches any ending; spaces or hyphens between words."""
    parts = []
    for word in re.split(r"[\s-]+", term.strip()):
        if word.strip("*"):
            parts.append(re.escape(word.rstrip("*")) + (r"[\w'’-]*" if word.endswith("*") else ""))
    body = r"[\s-]+".join(parts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def default_lexicon_path() -> Path:
    return Path(str(resources.files("argmap.extract") / "lexicon" / DEFAULT_LEXICON))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read a position lexicon (YAML); the default one when ``path`` is None."""
    path = Path(path) if path is not None else default_lexicon_path()
    where = Span(str(path), 1, 1, 1, 1)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ArgmapError("lexicon-unreadable", where, "check the path of --lexicon", file=str(path), reason="no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ArgmapError("lexicon-unreadable", where, "save the lexicon as UTF-8 YAML", file=str(path), reason=str(exc)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = Span(str(path), mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)
        raise ArgmapError("lexicon-invalid", where, "see docs/extract.md for the lexicon format", reason=str(getattr(exc, "problem", exc))) from None
    return lexicon_from_data(data, str(path))


def lexicon_from_data(data: object, path: str = "<lexicon>") -> Lexicon:
    where = Span(path, 1, 1, 1, 1)
    hint = "see docs/extract.md for the lexicon format"

    def invalid(reason: str) -> ArgmapError:
        return ArgmapError("lexicon-invalid", where, hint, reason=reason)

    if not isinstance(data, dict) or not isinstance(data.get("positions"), dict) or not data["positions"]:
        raise invalid("it needs a mapping 'positions:' of position tags")
    positions = []
    for tag, entry in data["positions"].items():
        tag = str(tag)
        if not _TAG_WORD.match(tag):
            raise invalid(f"position tag {tag!r} must be one word (letters, digits, '-', '_')")
        if not isinstance(entry, dict):
            raise invalid(f"position {tag!r} must be a mapping with 'label' and 'terms'")
        terms = entry.get("terms") or []
        if not isinstance(terms, list) or not all(isinstance(t, (str, int, float)) and str(t).strip() for t in terms):
            raise invalid(f"the terms of position {tag!r} must be a list of words or phrases")
        terms = tuple(dict.fromkeys(str(t).strip() for t in terms))
        colour = entry.get("color", entry.get("colour", ""))
        positions.append(
            PositionCues(
                tag=tag,
                label=str(entry.get("label") or tag),
                color=str(colour or ""),
                description=str(entry.get("description") or ""),
                terms=terms,
                regexes=tuple(_term_regex(t) for t in terms),
            )
        )
    return Lexicon(path, tuple(positions))
