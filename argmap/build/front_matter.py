"""The front matter of a document (the YAML between its '===' lines): the
model mode, the source's metadata and the positions, with a diagnostic for
each value that cannot be used.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from ..core.errors import error
from ..core.model import Diagnostic, Position, Source, Span
from ..core.text import normalize_title
from ..parse.lark_standalone import Token
from .tokens import token_span

FRONT_MATTER_OPEN = re.compile(r"\A===[ \t]*\r?\n")
FRONT_MATTER_CLOSE = re.compile(r"^===[ \t]*\r?$", re.M)  # `$` does not match before the \r of CRLF

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|#[0-9a-fA-F]{3}|[a-zA-Z][a-zA-Z0-9]*)$")
_URL = re.compile(r"^https?://[^/\s<>\"'?#]+[^\s<>\"']*$", re.I)


def pyyaml():
    """PyYAML, imported on first use: most files have no YAML, and start-up counts for small ones."""
    import yaml

    return yaml


YAML_DEPTH_LIMIT = 50  # far more than any front matter needs; well below Python's recursion limit
_loader_class = None


def load_yaml(text: str) -> Any:
    """``text`` read as YAML by a safe loader that refuses what our files never need.

    Anchors and aliases (``&a``, ``*a``) are refused: they can make a value
    refer to itself (no JSON export can write it) or expand 300 bytes into
    hundreds of megabytes. Nesting deeper than YAML_DEPTH_LIMIT and impossible
    dates (2025-02-30) are refused too. Each refusal is a yaml.YAMLError with
    the place it was found, like any other YAML error.
    """
    global _loader_class
    if _loader_class is None:
        _loader_class = _make_loader()
    loader = _loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _refused(kind, problem: str, hint: str, mark):
    """A YAML error of ``kind`` at ``mark`` whose ``hint`` replaces the usual one."""
    exc = kind(None, None, problem, mark)
    exc.hint = hint
    return exc


def _make_loader():
    yaml = pyyaml()
    from yaml.composer import ComposerError
    from yaml.constructor import ConstructorError

    class BoundedSafeLoader(yaml.SafeLoader):
        """yaml.SafeLoader without anchors, aliases, deep nesting or impossible dates."""

        depth = 0

        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                raise _refused(ComposerError, f"anchors and aliases ({sign}{event.anchor}) are not supported", "write each value out in full", event.start_mark)
            if self.depth >= YAML_DEPTH_LIMIT:
                raise _refused(ComposerError, f"values are nested more than {YAML_DEPTH_LIMIT} levels deep", "flatten the value", event.start_mark)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:
                raise _refused(ConstructorError, f"{node.value!r} is not a real date ({exc})", f"correct the date, or quote it ('{node.value}') to keep it as text", node.start_mark) from None

    BoundedSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", BoundedSafeLoader.construct_yaml_timestamp)
    return BoundedSafeLoader


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
        data = load_yaml(body) if body.strip() else {}
    except pyyaml().YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = token.line + 1 + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        diagnostics.append(
            error("front-matter-yaml", Span(path, line, column, line, column), getattr(exc, "hint", "YAML needs 'key: value' lines, indented consistently"), reason=reason)
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
    written, fields["url"] = fields["url"], percent_encoded(fields["url"])
    if fields["url"] and not _URL.match(fields["url"]):
        diagnostics.append(error("bad-url", _key_span(path, token, "url"), "only http:// and https:// links are kept", url=written))
        fields["url"] = ""
    if fields["article"]:
        fields["article"] = str(Path(path).parent / fields["article"])
    fields["id"] = fields["id"] or default.id
    return Source(path=path, **fields)


# What may stay as written in a link: RFC 3986's reserved and unreserved characters and '%', less the quote ' (HTML attributes).
_URL_SAFE = "!#$&()*+,/:;=?@[]~-._%"


def percent_encoded(url: str) -> str:
    """``url`` with what a browser would percent-encode (spaces, <, >, quotes, non-ASCII letters) encoded, as it sends it.

    The scheme is checked afterwards: only http(s) addresses are kept.
    """
    from urllib.parse import quote

    return quote(url, safe=_URL_SAFE)


def _read_positions(value: Any, span: Span, path: str, token: Token, diagnostics: list[Diagnostic]) -> tuple[Position, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        file = Path(path).parent / value
        try:
            value = load_yaml(file.read_text(encoding="utf-8"))
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
