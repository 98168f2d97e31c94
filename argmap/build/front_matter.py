"""The front matter of a document (the YAML between its '===' lines): the
model mode, the source's metadata and the positions, with a diagnostic for
each value that cannot be used.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from lark import Token

from ..core.errors import error
from ..core.model import Diagnostic, Position, Source, Span
from ..core.text import normalize_title
from .tokens import token_span

FRONT_MATTER_OPEN = re.compile(r"\A===[ \t]*\r?\n")
FRONT_MATTER_CLOSE = re.compile(r"^===[ \t]*\r?$", re.M)  # `$` does not match before the \r of CRLF

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|#[0-9a-fA-F]{3}|[a-zA-Z][a-zA-Z0-9]*)$")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)


def pyyaml():
    """PyYAML, imported on first use: most files have no YAML, and start-up counts for small ones."""
    import yaml

    return yaml


@dataclasses.dataclass(slots=True)
class FrontMatter:
    """What the front matter says, as the document keeps it."""

    data: dict[str, Any]
    strict: bool
    source: Source
    positions: tuple[Position, ...]


def no_front_matter(path: str) -> FrontMatter:
    """The defaults of a document without (usable) front matter."""
    return FrontMatter({}, False, Source(id=Path(path).stem, path=path), ())


def read_front_matter(token: Token, path: str, diagnostics: list[Diagnostic]) -> FrontMatter:
    """What the FRONT_MATTER ``token`` says; problems go into ``diagnostics``, and front matter that cannot be read counts as none."""
    lines = token.value.splitlines()
    body = "\n".join(lines[1:-1])
    try:
        data = pyyaml().safe_load(body) if body.strip() else {}
    except pyyaml().YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = token.line + 1 + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        diagnostics.append(
            error("front-matter-yaml", Span(path, line, column, line, column), "YAML needs 'key: value' lines, indented consistently", reason=reason)
        )
        return no_front_matter(path)
    span = token_span(path, token)
    if not isinstance(data, dict):
        diagnostics.append(error("front-matter-not-mapping", span, "write 'key: value' lines between the '===' lines"))
        return no_front_matter(path)
    strict = _mode_of(data) == "strict"
    source = _read_source(data.get("source"), span, path, token, diagnostics)
    if source.article:
        source = dataclasses.replace(source, article_span=_key_span(path, token, "article"))
    positions = _read_positions(data.get("positions"), span, path, token, diagnostics)
    return FrontMatter(data, strict, source, positions)


def _read_source(value: Any, span: Span, path: str, token: Token, diagnostics: list[Diagnostic]) -> Source:
    default = Source(id=Path(path).stem, path=path)
    if value is None:
        return default
    if not isinstance(value, dict):
        diagnostics.append(error("front-matter-key", span, "see docs/markup.md, 'Sources'", key="source", expected="a mapping with id, title, author, publisher, date, url, article"))
        return default
    fields = {k: "" if value.get(k) is None else str(value.get(k)).strip() for k in ("id", "title", "author", "publisher", "date", "url", "article")}
    if fields["url"] and not _URL.match(fields["url"]):
        diagnostics.append(error("bad-url", _key_span(path, token, "url"), "only http:// and https:// links are kept", url=fields["url"]))
        fields["url"] = ""
    if fields["article"]:
        fields["article"] = str(Path(path).parent / fields["article"])
    fields["id"] = fields["id"] or default.id
    return Source(path=path, **fields)


def _read_positions(value: Any, span: Span, path: str, token: Token, diagnostics: list[Diagnostic]) -> tuple[Position, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        file = Path(path).parent / value
        try:
            value = pyyaml().safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, pyyaml().YAMLError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
            diagnostics.append(error("positions-file", _key_span(path, token, "positions"), "the path is relative to this file", file=value, reason=reason.lower()))
            return ()
    if not isinstance(value, dict):
        diagnostics.append(error("front-matter-key", span, "e.g. positions: {pressure: {label: Pressure, color: '#d55e00'}}", key="positions", expected="a mapping from tag to label and colour, or the path of a YAML file holding one"))
        return ()
    positions = []
    for tag, spec in value.items():
        spec = spec if isinstance(spec, dict) else {"label": spec}
        colour = str(spec.get("color", spec.get("colour", "")) or "")
        if colour and not _COLOUR.match(colour):
            key = "colour" if "colour" in spec else "color"
            diagnostics.append(error("bad-colour", _key_span(path, token, key), "use a hex colour or a Graphviz colour name", colour=colour))
            colour = ""
        label = str(spec.get("label") or tag)
        positions.append(Position(normalize_title(str(tag)), label, colour, str(spec.get("description") or "")))
    return tuple(positions)


def _key_span(path: str, token: Token, key: str) -> Span:
    """The span of ``key:`` inside the front matter, for messages about its value."""
    for offset, line in enumerate(token.value.splitlines()):
        column = line.find(f"{key}:")
        if column >= 0:
            return Span(path, token.line + offset, column + 1, token.line + offset, len(line) + 1)
    return token_span(path, token)


def _mode_of(front_matter: dict) -> str | None:
    model = front_matter.get("model")
    return model.get("mode") if isinstance(model, dict) else None
