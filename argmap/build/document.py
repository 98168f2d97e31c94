"""Build stage: raw blocks from the parser → one typed :class:`Document`.

This is where Argdown's meaning is applied to what was written: relation
directions, premise–conclusion roles, "Untitled N" titles in document order,
sections from headings, strict mode. Problems become diagnostics, so one run
reports all of them.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

from lark import Token

from ..core.errors import ArgmapError, error, warning
from ..core.text import normalize_title
from ..core.model import (
    Argument,
    Diagnostic,
    Document,
    Inference,
    Kind,
    PcsItem,
    Position,
    Quote,
    Ref,
    Relation,
    RelationType,
    Role,
    Section,
    Source,
    Span,
    Statement,
)
from ..core.collector import gc_paused
from ..parse.parser import head_parts, parse_raw, RawElement, RawFrontMatter, RawHeading, RawInference, RawList, RawPcs, RawPcsItem, RawRelation

_WS = re.compile(r"\s+")
# A '#' not preceded by a non-space. The look-behind comes after the '#' so
# the regex starts with a literal, which `re` finds by a fast scan (7x faster
# than trying a look-behind at every position).
_TAG = re.compile(r"#(?<!\S#)(?:\(([^)\r\n]+)\)|([\w\-]+))")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_QUOTE_COMMENT = re.compile(r"""^(["“”„].*["“”])\s+//.*$""")
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|#[0-9a-fA-F]{3}|[a-zA-Z][a-zA-Z0-9]*)$")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)

_OPERATORS: dict[str, tuple[bool, RelationType]] = {
    # operator → (child is the source?, type)
    "+": (True, RelationType.SUPPORT),
    "<+": (True, RelationType.SUPPORT),
    "-": (True, RelationType.ATTACK),
    "<-": (True, RelationType.ATTACK),
    "_": (True, RelationType.UNDERCUT),
    "<_": (True, RelationType.UNDERCUT),
    "+>": (False, RelationType.SUPPORT),
    "->": (False, RelationType.ATTACK),
    "_>": (False, RelationType.UNDERCUT),
    "><": (False, RelationType.CONTRADICTORY),
}
# Enum members as module constants: `Kind.STATEMENT` is a slow attribute lookup
# (an enum descriptor) and element() runs for every written element.
_STATEMENT, _ARGUMENT = Kind.STATEMENT, Kind.ARGUMENT
_RELATION_ROLE = Role.RELATION
_UNDERCUT = RelationType.UNDERCUT
_STRICT = {RelationType.SUPPORT: RelationType.ENTAILS, RelationType.ATTACK: RelationType.CONTRARY}


def _yaml():
    """PyYAML, imported on first use: most files have no YAML, and start-up counts for small ones."""
    import yaml

    return yaml


def collapse(text: str) -> str:
    return " ".join(text.split())


def tags_in(text: str) -> list[str]:
    return [_normalized_tag(a or b) for a, b in _TAG.findall(text)]


@functools.lru_cache(maxsize=4096)
def _normalized_tag(tag: str) -> str:
    # a map uses a handful of tags over and over
    return normalize_title(tag)


def plain_text(text: str) -> str:
    """Argdown's text: links shown by their words, bold and italic markers dropped."""
    if "](" in text:  # the cheap tests skip the regexes for most texts
        text = _LINK.sub(r"\1", text)
    if "*" not in text and "_" not in text:
        return text
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)


def untagged(text: str) -> str:
    return collapse(_TAG.sub("", text))


# Argdown's shortcodes: `.^.` or `:^:` is shown as ∧, `:heart:` as ❤ (@argdown/core 2.0).
_SHORTCODE_CHARS = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧", "v": "∨", "v_": "⊻",
    "<>": "◇", "[]": "◻", "happy": "😀", "smiley": "☺", "laugh": "😆", "lol": "😆", "rofl": "🤣",
    "joy": "😂", "heart": "❤", "?": "❓", "question": "❓", "love": "😍", "wink": "😉", "shush": "🤫",
    "meh": "😐", "eye-roll": "🙄", "sad": "😢", "disappointed": "😞", "scream": "😱", "+1": "👍", "up": "👍",
    "-1": "👎", "down": "👎", "think": "🤔", "star": "⭐", "y": "✔", "agree": "✔", "n": "❌", "disagree": "❌",
}
SHORTCODES = {f"{d}{name}{d}": char for name, char in _SHORTCODE_CHARS.items() for d in ".:"}
SHORTCODES.update({":smile:": "☺️", ".smile.": "☺"})
_SHORTCODE = re.compile(r"([.:])[^\s.:]{1,12}\1")


# A backslash escapes the next character (Argdown: `\#not-a-tag`, `\*`, `\[`).
_ESCAPED = re.compile(r"\\(.)")
_PROTECTED = {c: chr(0xE000 + i) for i, c in enumerate("\\*_[]#()@<>{}")}  # private-use stand-ins
_UNPROTECT = str.maketrans({v: k for k, v in _PROTECTED.items()})


def _protect(match: re.Match) -> str:
    char = match.group(1)
    return _PROTECTED.get(char, char)


def shortcodes(text: str) -> str:
    """Replace Argdown's shortcodes by the characters they stand for."""
    if "." not in text and ":" not in text:
        return text
    return _SHORTCODE.sub(lambda m: SHORTCODES.get(m.group(0), m.group(0)), text)


# A wrapped line that starts like a relation but has no space after the sign.
_SQUASHED_RELATION = re.compile(r"\n[ \t]*(?P<sign><[+\-_]|[+\-_]>|><|[+\-_])(?P<head>\[[^\[\]\r\n]*\]?|<[^<>\r\n]*>?)")


def token_span(path: str, first: Token, last: Token | None = None) -> Span:
    last = last or first
    return Span(path, first.line, first.column, last.end_line, last.end_column)


class DocumentBuilder:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self.statements: list[Statement] = []
        self.arguments: list[Argument] = []
        self.relations: list[Relation] = []
        self.self_relations: list[Relation] = []
        self.sections: list[Section] = []
        self.section_stack: list[Section] = []
        self.untitled = 0
        self.depth = 0  # how deep relations_under is nested
        self.strict = False
        self.front_matter: dict[str, Any] = {}
        self.source = Source(id=Path(path).stem, path=path)
        self.positions: tuple[Position, ...] = ()
        self.heads: dict[str, tuple[str, int]] = {}  # written head → title, where the head starts in it
        self.statement_refs: dict[str, Ref] = {}  # Refs are immutable: one per title will do

    # ------------------------------------------------------------ entry point

    def build(self, blocks: list) -> Document:
        """The document of ``blocks``, which it consumes.

        Each raw block is dropped from the list once built, so the memory of
        its tokens is reused for the model rather than both being held at
        once (at 20 000 statements the process holds 93 MB once the model is
        built, not 120 MB).
        """
        # "Untitled N" is Argdown's name for untitled elements; it must never
        # be taken for a title the user wrote.
        self.written = _written_titles(blocks) if "Untitled" in self.text else set()
        index, count = 0, len(blocks)
        if blocks and isinstance(blocks[0], RawFrontMatter):
            self.read_front_matter(blocks[0].token)
            blocks[0] = None
            index = 1
        while index < count:
            block, blocks[index] = blocks[index], None
            index += 1
            if isinstance(block, RawHeading):
                self.heading(block)
            elif isinstance(block, RawElement):
                following = blocks[index] if index < count else None
                if block.kind == "argument" and isinstance(following, RawPcs):
                    blocks[index] = None
                    index += 1
                    self.argument_with_pcs(block, following)
                else:
                    self.element(block, Role.TOP_LEVEL)
            elif isinstance(block, RawPcs):
                self.anonymous_argument(block)
            elif isinstance(block, RawList):
                for _mark, item in block.items:
                    first = len(self.statements)
                    self.element(item, Role.TOP_LEVEL)
                    if item.kind == "statement":  # Argdown gives list items no role
                        self.statements[first] = dataclasses.replace(self.statements[first], list_item=True)
        return Document(
            path=self.path,
            source=self.source,
            front_matter=self.front_matter,
            positions=self.positions,
            strict=self.strict,
            statements=tuple(self.statements),
            arguments=tuple(self.arguments),
            relations=tuple(self.relations),
            self_relations=tuple(self.self_relations),
            sections=tuple(self.sections),
            diagnostics=tuple(self.diagnostics),
        )

    # ------------------------------------------------------------ front matter

    def read_front_matter(self, token: Token) -> None:
        lines = token.value.splitlines()
        body = "\n".join(lines[1:-1])
        try:
            data = _yaml().safe_load(body) if body.strip() else {}
        except _yaml().YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = token.line + 1 + (mark.line if mark else 0)
            column = (mark.column + 1) if mark else 1
            reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.diagnostics.append(
                error("front-matter-yaml", Span(self.path, line, column, line, column), "YAML needs 'key: value' lines, indented consistently", reason=reason)
            )
            return
        span = token_span(self.path, token)
        if not isinstance(data, dict):
            self.diagnostics.append(error("front-matter-not-mapping", span, "write 'key: value' lines between the '===' lines"))
            return
        self.front_matter = data
        self.front_token = token
        self.strict = _mode_of(data) == "strict"
        self.source = self.read_source(data.get("source"), span)
        if self.source.article:
            self.source = dataclasses.replace(self.source, article_span=_key_span(self.path, token, "article"))
        self.positions = self.read_positions(data.get("positions"), span)

    def read_source(self, value: Any, span: Span) -> Source:
        default = Source(id=Path(self.path).stem, path=self.path)
        if value is None:
            return default
        if not isinstance(value, dict):
            self.diagnostics.append(error("front-matter-key", span, "see docs/markup.md, 'Sources'", key="source", expected="a mapping with id, title, author, publisher, date, url, article"))
            return default
        fields = {k: "" if value.get(k) is None else str(value.get(k)).strip() for k in ("id", "title", "author", "publisher", "date", "url", "article")}
        if fields["url"] and not _URL.match(fields["url"]):
            self.diagnostics.append(error("bad-url", _key_span(self.path, self.front_token, "url"), "only http:// and https:// links are kept", url=fields["url"]))
            fields["url"] = ""
        if fields["article"]:
            fields["article"] = str(Path(self.path).parent / fields["article"])
        fields["id"] = fields["id"] or default.id
        return Source(path=self.path, **fields)

    def read_positions(self, value: Any, span: Span) -> tuple[Position, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            file = Path(self.path).parent / value
            try:
                value = _yaml().safe_load(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, _yaml().YAMLError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
                self.diagnostics.append(error("positions-file", _key_span(self.path, self.front_token, "positions"), "the path is relative to this file", file=value, reason=reason.lower()))
                return ()
        if not isinstance(value, dict):
            self.diagnostics.append(error("front-matter-key", span, "e.g. positions: {pressure: {label: Pressure, color: '#d55e00'}}", key="positions", expected="a mapping from tag to label and colour, or the path of a YAML file holding one"))
            return ()
        positions = []
        for tag, spec in value.items():
            spec = spec if isinstance(spec, dict) else {"label": spec}
            colour = str(spec.get("color", spec.get("colour", "")) or "")
            if colour and not _COLOUR.match(colour):
                key = "colour" if "colour" in spec else "color"
                self.diagnostics.append(error("bad-colour", _key_span(self.path, self.front_token, key), "use a hex colour or a Graphviz colour name", colour=colour))
                colour = ""
            label = str(spec.get("label") or tag)
            positions.append(Position(normalize_title(str(tag)), label, colour, str(spec.get("description") or "")))
        return tuple(positions)

    # ------------------------------------------------------------ inline text

    def inline(self, tokens: list[Token] | tuple, head: Token | None = None, first: str = "") -> tuple[str, str, tuple[str, ...], dict]:
        """(text without tags, Argdown's text, tags, data) of inline tokens.

        ``head`` is a head token that holds the first run of text itself
        (STATEMENT_WITH_TEXT, ARGUMENT_WITH_TEXT), and ``first`` that text;
        or None and "".
        """
        data: dict = {}
        if head is not None:
            if not tokens:  # the usual case: the head and its text in one token
                raw = first
            else:
                raw = self.joined(tokens, data, first, head.end_line)
            tokens = [head, *tokens]  # for the squashed-relation warning below
        elif not tokens:  # a bare reference or title, the commonest element
            return "", "", (), data
        elif len(tokens) == 1 and tokens[0].type == "TEXT":  # one run of text
            raw = tokens[0].value
        else:
            raw = self.joined(tokens, data)
        if not raw:  # only inline data: nothing to clean up
            return "", "", (), data
        if "\n" in raw and _SQUASHED_RELATION.search(raw):  # rare: find where, token by token
            self.warn_squashed_relations(tokens)
        raw = shortcodes(raw)
        escaped = "\\" in raw
        if escaped:  # `\#` is a plain '#': hide escaped characters from the markup rules below
            raw = _ESCAPED.sub(_protect, raw)
        argdown_text = collapse(plain_text(raw))
        tags = tuple(dict.fromkeys(tags_in(raw))) if "#" in raw else ()
        text = untagged(argdown_text) if tags else argdown_text
        if escaped:
            text, argdown_text = text.translate(_UNPROTECT), argdown_text.translate(_UNPROTECT)
        return text, argdown_text, tags, data

    def joined(self, tokens: list[Token] | tuple, data: dict, first: str = "", first_end_line: int | None = None) -> str:
        """The text of several inline tokens (lines joined by a space); their inline data goes into ``data``."""
        parts: list[str] = [first] if first else []
        last_line = first_end_line if first else None
        for token in tokens:
            if token.type == "DATA":
                data.update(self.inline_data(token))
                continue
            if last_line is not None and token.line != last_line:
                parts.append(" ")
            parts.append(token.value)
            last_line = token.end_line
        return "".join(parts)

    def warn_squashed_relations(self, tokens: list[Token]) -> None:
        """A wrapped line like `+[B]` was meant as a relation: say so instead of reading it as text."""
        for token in tokens:
            if token.type not in _TEXT_TOKENS:
                continue
            for match in _SQUASHED_RELATION.finditer(token.value):
                line = token.line + token.value.count("\n", 0, match.start("sign"))
                column = match.start("sign") - token.value.rfind("\n", 0, match.start("sign"))
                sign = match.group("sign")
                self.diagnostics.append(
                    warning("relation-without-space", Span(self.path, line, column, line, column + len(sign)), f"write '{sign} {match.group('head')}' to relate it; as written it is part of the text above", sign=sign)
                )

    def inline_data(self, token: Token) -> dict:
        span = token_span(self.path, token)
        try:
            value = _yaml().safe_load(token.value)
        except _yaml().YAMLError as exc:
            reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.diagnostics.append(error("inline-data-yaml", span, "inline data is YAML in braces, e.g. {source: 'p. 3'}", reason=reason))
            return {}
        if not isinstance(value, dict):
            self.diagnostics.append(error("inline-data-not-mapping", span, "e.g. {source: 'p. 3'}"))
            return {}
        return value

    def quotes(self, tokens: list[Token]) -> tuple[Quote, ...]:
        quotes = []
        for token in tokens:
            text = token.value[1:].strip()
            commented = _QUOTE_COMMENT.match(text)
            if commented:
                text = commented.group(1)
            if len(text) >= 2 and text[0] in "\"“„" and text[-1] in "\"”“":
                text = text[1:-1].strip()
            quotes.append(Quote(text, token_span(self.path, token), self.source.id))
        return tuple(quotes)

    # ------------------------------------------------------------ elements

    def next_untitled(self) -> str:
        self.untitled += 1
        title = f"Untitled {self.untitled}"
        while title in self.written:
            title += " (untitled)"
        return title

    @property
    def section_id(self) -> str | None:
        return self.section_stack[-1].id if self.section_stack else None

    def element_span(self, element: RawElement) -> Span:
        head, inline = element.head, element.inline
        last = inline[-1] if inline else head
        if head is None:
            first = inline[0]
            return Span(self.path, first.line, first.column, last.end_line, last.end_column)
        # after the relation sign or number of a line-level token
        column = head.column if head.type not in _MARKED_HEADS else head.column + head_parts(head)[0]
        return Span(self.path, head.line, column, last.end_line, last.end_column)

    def element(self, element: RawElement, role: Role, parent: Ref | None = None, op: Token | None = None) -> Ref:
        """Record one written element and the relations under it; return its reference.

        The relation to ``parent`` is recorded before those under the element
        so relations come out in document order.
        """
        head, inline = element.head, element.inline
        last = inline[-1] if inline else head
        quotes = self.quotes(element.quotes) if element.quotes else ()
        if head is None:
            span = Span(self.path, inline[0].line, inline[0].column, last.end_line, last.end_column)
            text, argdown_text, tags, data = self.inline(inline)
            self.check_unclosed_title(element, span)
            title, generated, start = self.next_untitled(), True, 0
        else:
            if head.type in _HEADS_WITH_TEXT:  # a definition with its text, written once: nothing to cache
                value = head.value
                close = value.index("]" if value[0] == "[" else ">")
                # the text starts at its first non-blank character after the colon (see head_parts)
                text, argdown_text, tags, data = self.inline(inline, head, value[close + 2 :].lstrip(" \t"))
                title, start = normalize_title(value[1:close]), 0
            else:
                text, argdown_text, tags, data = self.inline(inline)
                known = self.heads.get(head.value)
                if known is None:  # most heads are written several times: read each once
                    known = self.heads[head.value] = (_title_of(head), head_parts(head)[0])
                title, start = known
            span = Span(self.path, head.line, head.column + start, last.end_line, last.end_column)
            generated = False
        is_reference = element.is_reference and not text
        section = self.section_stack[-1].id if self.section_stack else None
        if element.kind == "statement":
            self.statements.append(
                Statement(title, text, span, role, is_reference, generated, tags, data, quotes, section, argdown_text)
            )
            ref = self.statement_refs.get(title)
            if ref is None:
                ref = self.statement_refs[title] = Ref(_STATEMENT, title)
        else:
            self.arguments.append(
                Argument(title, text, span, is_reference, generated, tags, data, quotes, (), section, argdown_text)
            )
            ref = Ref(_ARGUMENT, title)
        if parent is not None and op is not None:
            # a relation to a reference is one token with its head: the sign ends where the head starts
            self.relate(parent, ref, op, start if op is head else None)
        if element.relations:
            self.relations_under(ref, element.relations)
        return ref

    def check_unclosed_title(self, element: RawElement, span: Span) -> None:
        first = element.inline[0] if element.inline else None
        if first is None or first.type != "TEXT":
            return
        line = first.value
        unclosed = {
            "]": line.startswith("[") and "]" not in line,
            ">": line.startswith("<") and ">" not in line and ":" in line and not line[1:2].isspace(),
        }
        for closer, opener in (("]", "["), (">", "<")):
            if unclosed[closer]:
                self.diagnostics.append(
                    error("unclosed-bracket", span, f"write {opener}Title{closer}: text", closer=closer)
                )

    def relations_under(self, parent: Ref, relations: list[RawRelation]) -> None:
        self.depth += 1
        element, role = self.element, _RELATION_ROLE
        for relation in relations:
            element(relation.element, role, parent, relation.op)
        self.depth -= 1

    def relate(self, parent: Ref, child: Ref, op: Token, sign_length: int | None = None) -> None:
        if sign_length is None:
            span = Span(self.path, op.line, op.column, op.end_line, op.end_column)
            operator = op.value.strip()
        else:
            span = Span(self.path, op.line, op.column, op.line, op.column + sign_length)
            operator = op.value[:sign_length].strip()
        child_is_source, type_ = _OPERATORS[operator]
        source, target = (child, parent) if child_is_source else (parent, child)
        if _same_element(source, target):
            self.diagnostics.append(
                warning("self-relation", span, "a relation needs two different elements", element=str(source), verb=_VERBS[type_])
            )
            self.self_relations.append(Relation(source, target, type_, span, (self.source.id,), self.depth, operator))
            return
        if type_ is _UNDERCUT and target.kind is _STATEMENT:
            self.diagnostics.append(
                warning("undercut-statement", span, "use '-' to attack a statement; '_' undercuts an argument's inference", element=str(target))
            )
        if self.strict and source.kind is _STATEMENT and target.kind is _STATEMENT:
            type_ = _STRICT.get(type_, type_)
        self.relations.append(Relation(source, target, type_, span, (self.source.id,), self.depth, operator))

    # ------------------------------------------------------------ premise–conclusion structures

    def argument_with_pcs(self, element: RawElement, pcs: RawPcs) -> None:
        index = len(self.arguments)  # before element() adds the arguments related under it
        ref = self.element(element, Role.TOP_LEVEL)
        items = self.pcs(ref.title, pcs)
        self.arguments[index] = dataclasses.replace(self.arguments[index], pcs=items)

    def anonymous_argument(self, pcs: RawPcs) -> None:
        first = pcs.items[0]
        title = self.next_untitled()
        span = _mark_span(self.path, first.number) if isinstance(first, RawPcsItem) else token_span(self.path, first.token)
        index = len(self.arguments)
        self.arguments.append(Argument(title, "", span, False, True, section=self.section_id))
        items = self.pcs(title, pcs)
        self.arguments[index] = dataclasses.replace(self.arguments[index], pcs=items)

    def pcs(self, argument: str, pcs: RawPcs) -> tuple[PcsItem, ...]:
        roles = self.pcs_roles(pcs)
        if roles is None:
            return ()
        items: list[PcsItem] = []
        pending: RawInference | None = None
        expected_number = 1
        for raw in pcs.items:
            if isinstance(raw, RawInference):
                pending = raw
                continue
            number = int(raw.number.value[1 : raw.number.value.index(")")])
            if number != expected_number:
                self.diagnostics.append(
                    warning("pcs-numbering", _mark_span(self.path, raw.number), "number premises and conclusions (1), (2), (3), … in order", found=number, expected=expected_number)
                )
            expected_number = number + 1
            role = roles[len(items)]
            inference = None
            if pending is not None:  # its relations come first: "Untitled N" follows the document
                inference = self.inference(argument, pending, len(items))
                pending = None
            ref = self.element(raw.element, role)
            items.append(PcsItem(number, ref.title, role, self.element_span(raw.element), inference))
        return tuple(items)

    def pcs_roles(self, pcs: RawPcs) -> list[Role] | None:
        """Roles of the numbered statements, or None (with an error) when malformed."""
        roles: list[Role] = []
        after_inference = False
        statements_since_inference = 0
        ok = True
        for raw in pcs.items:
            if isinstance(raw, RawInference):
                if statements_since_inference == 0:
                    self.diagnostics.append(error("inference-without-premises", token_span(self.path, raw.token), "write the premises as numbered lines (1), (2) above the inference line"))
                    ok = False
                after_inference = True
                statements_since_inference = 0
                continue
            if raw.element.kind == "argument":
                self.diagnostics.append(error("argument-in-pcs", self.element_span(raw.element), "use a statement [Title] here; relate the argument with + or - instead"))
                ok = False
            roles.append(Role.INTERMEDIARY_CONCLUSION if after_inference else Role.PREMISE)
            after_inference = False
            statements_since_inference += 1
        last = pcs.items[-1]
        if isinstance(last, RawInference):
            self.diagnostics.append(error("pcs-no-conclusion", token_span(self.path, last.token), "add the conclusion as a numbered line after the inference line"))
            return None
        if roles and roles[-1] is not Role.INTERMEDIARY_CONCLUSION:
            has_inference = any(isinstance(r, RawInference) for r in pcs.items)
            code = "pcs-no-conclusion" if has_inference else "pcs-no-inference"
            hint = "end the structure with an inference line (----) and the numbered conclusion"
            self.diagnostics.append(error(code, self.element_span(last.element), hint))
            return None
        if not ok:
            return None
        roles[-1] = Role.MAIN_CONCLUSION
        return roles

    def inference(self, argument: str, raw: RawInference, conclusion_index: int) -> Inference:
        token = raw.token
        rules: tuple[str, ...] = ()
        data: dict = {}
        if token.type == "INFERENCE_RULE":
            body = token.value.strip()[2:-2]
            for match in re.finditer(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", body):
                fake = Token("DATA", match.group(0), token.start_pos, token.line, token.column, token.end_line, token.end_column)
                data.update(self.inline_data(fake))
            body = re.sub(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", " ", body)
            rules = tuple(r for r in (collapse(shortcodes(part)) for part in body.split(",")) if r)
        target = Ref(Kind.ARGUMENT, argument, conclusion_index)
        self.relations_under(target, raw.relations)
        return Inference(conclusion_index, rules, token_span(self.path, token), data)

    # ------------------------------------------------------------ headings

    def heading(self, heading: RawHeading) -> None:
        level = heading.mark.value.strip().count("#")
        text, argdown_text, _tags, data = self.inline(heading.inline)
        while self.section_stack and self.section_stack[-1].level >= level:
            self.section_stack.pop()
        parent = self.section_stack[-1].id if self.section_stack else None
        last = heading.inline[-1] if heading.inline else heading.mark
        section = Section(f"s{len(self.sections) + 1}", level, argdown_text, token_span(self.path, heading.mark, last), parent, data)
        self.sections.append(section)
        self.section_stack.append(section)

_VERBS = {
    RelationType.SUPPORT: "supports",
    RelationType.ATTACK: "attacks",
    RelationType.UNDERCUT: "undercuts",
    RelationType.CONTRADICTORY: "contradicts",
    RelationType.ENTAILS: "entails",
    RelationType.CONTRARY: "is contrary to",
}


def _same_element(a: Ref, b: Ref) -> bool:
    return a.title == b.title and a.kind is b.kind


def _key_span(path: str, token: Token, key: str) -> Span:
    """The span of ``key:`` inside the front matter, for messages about its value."""
    for offset, line in enumerate(token.value.splitlines()):
        column = line.find(f"{key}:")
        if column >= 0:
            return Span(path, token.line + offset, column + 1, token.line + offset, len(line) + 1)
    return token_span(path, token)


def _title_of(head: Token) -> str:
    """The title of a head token as written: [Title]:, <Title>, + [Title], (1) [Title], [Title]: text …"""
    value = head.value
    start = head_parts(head)[0]
    closer = "]" if value[start] == "[" else ">"
    return normalize_title(value[start + 1 : value.index(closer, start + 1)])


def _mark_span(path: str, token: Token) -> Span:
    """Where a relation sign or premise number is: its own token, or the start of a line-level token."""
    if token.type in _MARKED_HEADS:
        end = token.column + head_parts(token)[0]
        return Span(path, token.line, token.column, token.line, end)
    return Span(path, token.line, token.column, token.end_line, token.end_column)


# Line-level head tokens (see argmap.parse.head_parts): with their text, or after a sign or number.
_HEADS_WITH_TEXT = frozenset({"STATEMENT_WITH_TEXT", "ARGUMENT_WITH_TEXT"})
_MARKED_HEADS = frozenset({"RELATED_REF", "NUMBERED_REF"})
_TEXT_TOKENS = _HEADS_WITH_TEXT | {"TEXT"}


def _mode_of(front_matter: dict) -> str | None:
    model = front_matter.get("model")
    return model.get("mode") if isinstance(model, dict) else None


def _written_titles(blocks: list) -> set[str]:
    """Titles the user wrote anywhere in the document (walks the raw blocks)."""
    titles: set[str] = set()
    stack: list = list(blocks)
    while stack:
        node = stack.pop()
        if isinstance(node, RawElement):
            if node.head is not None:
                titles.add(_title_of(node.head))
            stack.extend(r.element for r in node.relations)
        elif isinstance(node, RawPcs):
            for item in node.items:
                stack.extend([item.element] if isinstance(item, RawPcsItem) else [r.element for r in item.relations])
        elif isinstance(node, RawList):
            stack.extend(element for _mark, element in node.items)
    return titles


def build_document(blocks: list, path: str, text: str) -> Document:
    """The typed document of the raw blocks of ``text``; ``blocks`` is used up (emptied as it is built)."""
    return DocumentBuilder(path, text).build(blocks)


__all__ = ["build_document", "normalize_title", "ArgmapError"]


MAX_ERRORS_PER_FILE = 50
_FRONT_MATTER_OPEN = re.compile(r"\A===[ \t]*\r?\n")
_FRONT_MATTER_CLOSE = re.compile(r"^===[ \t]*\r?$", re.M)  # `$` does not match before the \r of CRLF


def parse_document(text: str, path: str) -> Document:
    """Parse and build one document, reporting every syntax error it can find."""
    with gc_paused():
        return _parse_document(text, path)


def _parse_document(text: str, path: str) -> Document:
    """Parse and build one document, reporting every syntax error it can find.

    After a syntax error the paragraph holding it is blanked out (line
    numbers are kept) and the rest of the file is parsed again, so one run
    reports the problems of every paragraph, not just the first.
    """
    diagnostics: list[Diagnostic] = []
    if not text.strip():
        return Document(path, Source(Path(path).stem, path), diagnostics=(warning("empty-file", Span(path, 1, 1, 1, 1), "write a statement like [Title]: text"),))
    source_text = text
    opened = _FRONT_MATTER_OPEN.match(text)
    if opened and not _FRONT_MATTER_CLOSE.search(text, opened.end()):
        diagnostics.append(error("unterminated-front-matter", Span(path, 1, 1, 1, 4), "end the front matter with a line holding only '==='"))
        text = ""
    blocks: list = []
    for _attempt in range(MAX_ERRORS_PER_FILE):
        try:
            blocks = parse_raw(text, path) if text else []
            break
        except ArgmapError as exc:
            diagnostics.append(exc.diagnostic())
            blanked = _blank_paragraph(text, exc.span.line if exc.span else 1)
            if blanked == text:
                blocks = []
                break
            text = blanked
    document = build_document(blocks, path, source_text)
    if diagnostics:
        document = dataclasses.replace(document, diagnostics=tuple(diagnostics) + document.diagnostics)
    return document


def _blank_paragraph(text: str, line: int) -> str:
    """Empty the lines of the blank-line-delimited paragraph holding ``line``."""
    lines = text.split("\n")
    index = min(max(line - 1, 0), len(lines) - 1)
    start = index
    while start > 0 and lines[start - 1].strip():
        start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    if start == 0 and _FRONT_MATTER_OPEN.match(text):
        start = 0  # a broken first paragraph takes the front matter with it
    for i in range(start, end + 1):
        lines[i] = ""
    return "\n".join(lines)
