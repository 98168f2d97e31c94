"""Written elements → statements and arguments, and the relations between
them, recorded in document order: relation directions, "Untitled N" titles,
strict mode.
"""

from __future__ import annotations

from ..core.errors import error, warning
from ..core.model import (
    Argument,
    Diagnostic,
    Kind,
    Ref,
    Relation,
    RelationType,
    Role,
    Section,
    Span,
    Statement,
    Voice,
)
from ..core.text import normalize_title
from ..parse.lark_standalone import Token
from ..parse.raw import RawElement, RawList, RawPcs, RawPcsItem, RawRelation, head_parts
from .inline import inline_text, quotes_of
from .tokens import HEADS_WITH_TEXT, head_with_text, title_of
from .voice import voice_of

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
_VERBS = {
    RelationType.SUPPORT: "supports",
    RelationType.ATTACK: "attacks",
    RelationType.UNDERCUT: "undercuts",
    RelationType.CONTRADICTORY: "contradicts",
    RelationType.ENTAILS: "entails",
    RelationType.CONTRARY: "is contrary to",
}


class ElementBuilder:
    """Records each written element, and the relations under it, in document order.

    It holds what the rest of the build stage shares (see argmap.build.pcs
    and argmap.build.document): the elements, relations and sections so far,
    and the diagnostics.
    """

    def __init__(self, path: str, diagnostics: list[Diagnostic], source_id: str, strict: bool, written: set[str]):
        self.path = path
        self.diagnostics = diagnostics
        self.source_id = source_id
        self.strict = strict
        self.written = written  # titles written in the document: "Untitled N" must be none of them
        self.statements: list[Statement] = []
        self.arguments: list[Argument] = []
        self.relations: list[Relation] = []
        self.self_relations: list[Relation] = []
        self.sections: list[Section] = []
        self.section_stack: list[Section] = []
        self.untitled = 0
        self.depth = 0  # how deep relations_under is nested
        self.heads: dict[str, tuple[str, int]] = {}  # written head → title, where the head starts in it
        self.statement_refs: dict[str, Ref] = {}  # Refs are immutable: one per title will do

    def next_untitled(self) -> str:
        self.untitled += 1
        title = f"Untitled {self.untitled}"
        while title in self.written:
            title += " (untitled)"
        return title

    @property
    def section_id(self) -> str | None:
        return self.section_stack[-1].id if self.section_stack else None

    def element(self, element: RawElement, role: Role, parent: Ref | None = None, op: Token | None = None) -> Ref:
        """Record one written element and the relations under it; return its reference.

        The relation to ``parent`` is recorded before those under the element
        so relations come out in document order.
        """
        head, inline = element.head, element.inline
        last = inline[-1] if inline else head
        quotes = quotes_of(element.quotes, self.path, self.source_id) if element.quotes else ()
        if head is None:
            span = Span(self.path, inline[0].line, inline[0].column, last.end_line, last.end_column)
            text, argdown_text, tags, data = inline_text(inline, self.path, self.diagnostics)
            self.check_unclosed_title(element, span)
            title, generated, start = self.next_untitled(), True, 0
        else:
            if head.type in HEADS_WITH_TEXT:  # a definition with its text, written once: nothing to cache
                value = head.value
                close, first = head_with_text(value)
                read = element.read  # read ahead by a background parse
                if read is not None:
                    (text, argdown_text, tags), data = read, {}
                else:
                    text, argdown_text, tags, data = inline_text(inline, self.path, self.diagnostics, head, first)
                title, start = normalize_title(value[1:close]), 0
            else:
                text, argdown_text, tags, data = inline_text(inline, self.path, self.diagnostics)
                known = self.heads.get(head.value)
                if known is None:  # most heads are written several times: read each once
                    known = self.heads[head.value] = (title_of(head), head_parts(head)[0])
                title, start = known
            span = Span(self.path, head.line, head.column + start, last.end_line, last.end_column)
            generated = False
        is_reference = element.is_reference and not text
        section = self.section_stack[-1].id if self.section_stack else None
        voice, marks_relation = (None, None) if not data else self.voice(data, span, is_reference and op is not None)
        if element.kind == "statement":
            self.statements.append(Statement(title, text, span, role, is_reference, generated, tags, data, quotes, section, argdown_text, False, voice))
            ref = self.statement_refs.get(title)
            if ref is None:
                ref = self.statement_refs[title] = Ref(_STATEMENT, title)
        else:
            self.arguments.append(
                Argument(title, text, span, is_reference, generated, tags, data, quotes, (), section, argdown_text, voice=voice)
            )
            ref = Ref(_ARGUMENT, title)
        if parent is not None and op is not None:
            # a relation to a reference is one token with its head: the sign ends where the head starts
            self.relate(parent, ref, op, start if op is head else None, marks_relation)
        if element.relations:
            self.relations_under(ref, element.relations)
        return ref

    def voice(self, data: dict, span: Span, bare_on_relation_line: bool) -> tuple[Voice | None, str | None]:
        """(the element's voice, the relation's reconstruction mark) from inline data.

        `reconstructed` after a bare reference on a relation line marks the
        relation (`-> [X] {reconstructed: …}`: the mapper's link to a claim
        written elsewhere); after a definition, it marks the element and the
        relation it is written on (an implicit premise brings its link with it).
        """
        voice = voice_of(data, span, self.diagnostics)
        if voice is None or voice.reconstructed is None:
            return voice, None
        if not bare_on_relation_line:
            return voice, voice.reconstructed
        kept = Voice(voice.speaker, voice.hedge) if voice.speaker or voice.hedge else None
        return kept, voice.reconstructed

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
        element, reference, role = self.element, self.reference, _RELATION_ROLE
        for relation in relations:
            child = relation.element
            if child.head is relation.op and not child.inline and not child.quotes and not child.relations and child.kind == "statement":
                reference(parent, relation.op)  # `+ [Title]` on a line of its own: most relations
            else:
                element(child, role, parent, relation.op)
        self.depth -= 1

    def reference(self, parent: Ref, token: Token) -> None:
        """What element() records for a bare `+ [Title]`, with less to decide."""
        ref, start = self.bare_statement(token, _RELATION_ROLE)
        self.relate(parent, ref, token, start)

    def bare_statement(self, token: Token, role: Role) -> tuple[Ref, int]:
        """Record a statement written as `+ [Title]` or `(1) [Title]`, alone on its line: its reference, where its head starts."""
        value = token.value
        start = value.index("[")  # neither a sign nor a number holds one
        title = normalize_title(value[start + 1 : value.index("]", start)])
        span = Span(self.path, token.line, token.column + start, token.end_line, token.end_column)
        section = self.section_stack[-1].id if self.section_stack else None
        self.statements.append(Statement(title, "", span, role, True, False, (), {}, (), section, "", False, None))
        ref = self.statement_refs.get(title)
        if ref is None:
            ref = self.statement_refs[title] = Ref(_STATEMENT, title)
        return ref, start

    def relate(self, parent: Ref, child: Ref, op: Token, sign_length: int | None = None, reconstructed: str | None = None) -> None:
        if sign_length is None:
            span = Span(self.path, op.line, op.column, op.end_line, op.end_column)
            operator = op.value.strip()
        else:
            span = Span(self.path, op.line, op.column, op.line, op.column + sign_length)
            operator = op.value[:sign_length].strip()
        child_is_source, type_ = _OPERATORS[operator]
        source, target = (child, parent) if child_is_source else (parent, child)
        if source.title == target.title and source.kind is target.kind:
            self.diagnostics.append(
                warning("self-relation", span, "a relation needs two different elements", element=str(source), verb=_VERBS[type_])
            )
            self.self_relations.append(Relation(source, target, type_, span, (self.source_id,), self.depth, operator))
            return
        if type_ is _UNDERCUT and target.kind is _STATEMENT:
            self.diagnostics.append(
                warning("undercut-statement", span, "use '-' to attack a statement; '_' undercuts an argument's inference", element=str(target))
            )
        if self.strict and source.kind is _STATEMENT and target.kind is _STATEMENT:
            type_ = _STRICT.get(type_, type_)
        self.relations.append(Relation(source, target, type_, span, (self.source_id,), self.depth, operator, reconstructed))


def written_titles(blocks: list) -> set[str]:
    """Titles the user wrote anywhere in the document (walks the raw blocks)."""
    titles: set[str] = set()
    stack: list = list(blocks)
    while stack:
        node = stack.pop()
        if isinstance(node, RawElement):
            if node.head is not None:
                titles.add(title_of(node.head))
            stack.extend(r.element for r in node.relations)
        elif isinstance(node, RawPcs):
            for item in node.items:
                stack.extend([item.element] if isinstance(item, RawPcsItem) else [r.element for r in item.relations])
        elif isinstance(node, RawList):
            stack.extend(element for _mark, element in node.items)
    return titles

