"""The typed model of argument maps.

Plain frozen dataclasses: this module knows nothing of Lark, YAML or Graphviz,
so every later stage (merge, check, render, export) can be read and tested
without them.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class Span:
    """Where something was written: 1-based lines and columns."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Kind(enum.Enum):
    STATEMENT = "statement"
    ARGUMENT = "argument"


class RelationType(enum.Enum):
    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTORY = "contradictory"
    ENTAILS = "entails"
    CONTRARY = "contrary"


class Role(enum.Enum):
    """What a statement occurrence does where it is written (Argdown's roles)."""

    TOP_LEVEL = "top-level-statement"
    RELATION = "relation-statement"
    PREMISE = "premise"
    INTERMEDIARY_CONCLUSION = "intermediary-conclusion"
    MAIN_CONCLUSION = "main-conclusion"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Ref:
    """A pointer to a statement or an argument by title.

    ``conclusion_index`` is set when the target is the inference of an
    argument that leads to its premise–conclusion item number
    ``conclusion_index`` (0-based), as for undercuts of an inference.
    """

    kind: Kind
    title: str
    conclusion_index: int | None = None

    def __str__(self) -> str:
        return f"[{self.title}]" if self.kind is Kind.STATEMENT else f"<{self.title}>"


@dataclass(frozen=True, slots=True)
class Voice:
    """Whose claim a written element is, and how sure its source is of it.

    ``speaker``: who the article reports as saying it ("Russia", "critics"),
    empty when the article says it itself. ``hedge``: the article's qualifier
    ("may", "likely"). ``reconstructed``: None when the article says it, else
    the mapper's note on why it is added ("" when none is given).
    """

    speaker: str = ""
    hedge: str = ""
    reconstructed: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    span: Span
    source: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """One written occurrence of a statement (a definition or a reference)."""

    title: str
    text: str
    span: Span
    role: Role = Role.TOP_LEVEL
    is_reference: bool = False
    generated_title: bool = False
    tags: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)
    quotes: tuple[Quote, ...] = ()
    section: str | None = None
    argdown_text: str = field(default="", compare=False)  # as Argdown shows it: tags kept
    list_item: bool = False  # written as a list item (`* ...`, `1. ...`): Argdown gives it no role
    # whose voice and how sure (inline data `speaker:`, `hedge:`, `reconstructed:`; see Voice)
    voice: Voice | None = None


@dataclass(frozen=True, slots=True)
class Inference:
    """The step that leads to the conclusion at ``conclusion_index`` of a PCS."""

    conclusion_index: int
    rules: tuple[str, ...]
    span: Span
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class PcsItem:
    """One numbered line of a premise–conclusion structure."""

    number: int | None
    statement: str
    role: Role
    span: Span
    inference: Inference | None = None


class _Reconstructed:
    """What an argument's premise–conclusion structure (``pcs``) says."""

    __slots__ = ()
    pcs: tuple[PcsItem, ...]

    @property
    def premises(self) -> tuple[str, ...]:
        return tuple(i.statement for i in self.pcs if i.role is Role.PREMISE)

    @property
    def conclusions(self) -> tuple[str, ...]:
        return tuple(i.statement for i in self.pcs if i.inference is not None)

    @property
    def main_conclusion(self) -> str | None:
        return self.pcs[-1].statement if self.pcs else None

    @property
    def inference_rules(self) -> tuple[tuple[str, ...], ...]:
        return tuple(i.inference.rules for i in self.pcs if i.inference is not None)


@dataclass(frozen=True, slots=True)
class Argument(_Reconstructed):
    """One written occurrence of an argument; ``pcs`` when it is reconstructed."""

    title: str
    text: str
    span: Span
    is_reference: bool = False
    generated_title: bool = False
    tags: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)
    quotes: tuple[Quote, ...] = ()
    pcs: tuple[PcsItem, ...] = ()
    section: str | None = None
    argdown_text: str = field(default="", compare=False)
    voice: Voice | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    source: Ref
    target: Ref
    type: RelationType
    span: Span
    sources: tuple[str, ...] = ()
    depth: int = field(default=1, compare=False)  # nesting level of the relation line (1 = under a block's element)
    operator: str = field(default="", compare=False)  # the relation sign as written: +, <_, _>, ...
    # the mapper's inference, not the article's: None, or the mapper's note ("" when none is given)
    reconstructed: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    level: int
    title: str
    span: Span
    parent: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document's claims come from (front matter ``source:``)."""

    id: str
    path: str
    title: str = ""
    author: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""
    article: str = ""
    article_span: Span | None = field(default=None, compare=False)  # where `article:` is written


@dataclass(frozen=True, slots=True)
class Position:
    tag: str
    label: str
    color: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: Severity
    message: str
    span: Span | None = None
    hint: str = ""
    code: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """One parsed file, before merging."""

    path: str
    source: Source
    front_matter: Mapping[str, Any] = field(default_factory=dict, compare=False)
    positions: tuple[Position, ...] = ()
    strict: bool = False
    statements: tuple[Statement, ...] = ()
    arguments: tuple[Argument, ...] = ()
    relations: tuple[Relation, ...] = ()
    sections: tuple[Section, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # relations of an element with itself: left out of the map (with a
    # warning) but part of Argdown's model, so the argdown-json export has them
    self_relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class MergedStatement:
    """A statement identified by its title across every loaded document."""

    title: str
    text: str
    occurrences: tuple[Statement, ...]
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    quotes: tuple[Quote, ...]
    generated_title: bool = False
    voice: MergedVoice | None = None

    @property
    def span(self) -> Span:
        return self.occurrences[0].span

    @property
    def is_reconstructed(self) -> bool:
        return _is_reconstructed(self)


@dataclass(frozen=True, slots=True)
class MergedArgument(_Reconstructed):
    title: str
    text: str
    occurrences: tuple[Argument, ...]
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    quotes: tuple[Quote, ...]
    pcs: tuple[PcsItem, ...] = ()
    generated_title: bool = False
    voice: MergedVoice | None = None

    @property
    def span(self) -> Span:
        return self.occurrences[0].span

    @property
    def is_reconstructed(self) -> bool:
        return _is_reconstructed(self)


@dataclass(frozen=True, slots=True)
class MergedVoice:
    """A merged element's voice: the speaker and hedge its sources give it, and
    the sources in which it is the mapper's (with the mapper's notes)."""

    speaker: str = ""
    hedge: str = ""
    reconstructed_in: tuple[str, ...] = ()  # source ids
    notes: tuple[str, ...] = ()


def _is_reconstructed(element: MergedStatement | MergedArgument) -> bool:
    """The mapper's, not an article's: marked so, and quoted from no article."""
    return element.voice is not None and bool(element.voice.reconstructed_in) and not element.quotes


@dataclass(frozen=True, slots=True)
class ArgumentMap:
    """Every loaded document merged into one graph."""

    documents: tuple[Document, ...]
    sources: tuple[Source, ...]
    positions: tuple[Position, ...]
    statements: Mapping[str, MergedStatement]
    arguments: Mapping[str, MergedArgument]
    relations: tuple[Relation, ...]
    diagnostics: tuple[Diagnostic, ...] = ()

    def element(self, ref: Ref) -> MergedStatement | MergedArgument | None:
        table = self.statements if ref.kind is Kind.STATEMENT else self.arguments
        return table.get(ref.title)

    def position_of(self, ref: Ref) -> str | None:
        """The single declared position tag of an element, if it has exactly one."""
        element = self.element(ref)
        if element is None:
            return None
        declared = {p.tag for p in self.positions}
        found = [t for t in element.tags if t in declared]
        return found[0] if len(found) == 1 else None


# ------------------------------------------------------------ construction speed

class _NoValue:
    def __repr__(self) -> str:
        return "<factory>"  # what the signature shows, as for dataclasses' own __init__


_NO_VALUE = _NoValue()


def _set_slots_directly(cls: type) -> None:
    """Give a frozen slotted dataclass an equivalent ``__init__`` that is twice as fast.

    A frozen dataclass's own ``__init__`` sets each field through
    ``object.__setattr__(self, "name", value)``, which looks the name up
    again for every field of every object; a large map makes hundreds of
    thousands of these objects (a tenth of a whole run). This ``__init__``
    calls each slot's own setter instead. Same signature, defaults and
    default factories; instances stay frozen (assignment still raises).
    """
    params, body, namespace = [], [], {"_NO_VALUE": _NO_VALUE}
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain positional fields are supported")
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        value = f.name
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_NO_VALUE")
            value = f"_factory_{f.name}() if {f.name} is _NO_VALUE else {f.name}"
        else:
            params.append(f.name)
        body.append(f"    _set_{f.name}(self, {value})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # as the dataclasses module itself makes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init


# The classes a large map has many of.
for _cls in (Span, Ref, Voice, Quote, Statement, Inference, PcsItem, Argument, Relation, Section, MergedStatement, MergedArgument):
    _set_slots_directly(_cls)
del _cls
