"""Merge stage: several documents → one :class:`ArgumentMap`.

A statement is identified by its title across files: the same title in two
articles is one node that remembers both sources, texts and quotes.
Arguments likewise; relations are de-duplicated and remember their sources.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence


from ..build.document import parse_document
from .voices import merged_voice
from ..core.collector import gc_paused
from ..core.errors import error, warning
from ..core.text import did_you_mean
from ..core.model import (
    Argument,
    ArgumentMap,
    Diagnostic,
    Document,
    Kind,
    MergedArgument,
    MergedStatement,
    Position,
    Ref,
    Relation,
    RelationType,
    Role,
    Source,
    Span,
    Statement,
)

SYMMETRIC = {RelationType.CONTRADICTORY, RelationType.CONTRARY}


def read_document(path: str | Path) -> Document:
    """Read one file (UTF-8, BOM allowed) and parse it; problems become diagnostics."""
    name = str(path)
    span = Span(name, 1, 1, 1, 1)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return _failed(name, error("not-found", span, "check the path"))
    except IsADirectoryError:
        return _failed(name, error("not-a-file", span, "name the .argmap files, e.g. dir/*.argmap"))
    except OSError as exc:
        return _failed(name, error("unreadable", span, "", reason=exc.strerror or str(exc)))
    if b"\x00" in data[:8192] or b"\x00" in data:
        return _failed(name, error("binary", span, "argmap reads UTF-8 text files"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        where = Span(name, line, column, line, column)
        return _failed(name, error("not-utf8", where, "save the file as UTF-8", byte=data[exc.start], offset=exc.start))
    return parse_document(text, name)


def _failed(path: str, diagnostic: Diagnostic) -> Document:
    return Document(path, Source(Path(path).stem, path), diagnostics=(diagnostic,))


def load(paths: Iterable[str | Path]) -> ArgumentMap:
    """Read, parse and merge the given files."""
    with gc_paused():  # merging, like parsing, makes many long-lived objects and no cycles
        return merge([read_document(p) for p in paths])


def merge(documents: Sequence[Document]) -> ArgumentMap:
    diagnostics: list[Diagnostic] = [d for doc in documents for d in doc.diagnostics]
    documents = _qualify_generated_titles(documents)
    sources = _sources(documents, diagnostics)
    positions = _positions(documents, diagnostics)
    statements = _merge_statements(documents, diagnostics)
    arguments = _merge_arguments(documents, diagnostics)
    relations = _merge_relations(documents)
    _warn_unknown_references(statements, arguments, diagnostics)
    return ArgumentMap(
        documents=tuple(documents),
        sources=sources,
        positions=positions,
        statements=statements,
        arguments=arguments,
        relations=relations,
        diagnostics=tuple(diagnostics),
    )


# ---------------------------------------------------------------- titles


def _qualify_generated_titles(documents: Sequence[Document]) -> list[Document]:
    """'Untitled 3' of one file is not 'Untitled 3' of another: qualify by source."""
    if len(documents) < 2:
        return list(documents)
    written = {
        e.title for doc in documents for e in (*doc.statements, *doc.arguments) if not e.generated_title
    }
    qualified = []
    for doc in documents:
        names: dict[str, str] = {}
        for element in (*doc.statements, *doc.arguments):
            if element.generated_title and element.title not in names:
                name = f"{element.title} ({doc.source.id})"
                while name in written:
                    name += " (untitled)"
                names[element.title] = name
        if names:
            doc = _renamed_document(doc, names)
        qualified.append(doc)
    return qualified


def _renamed_document(doc: Document, names: dict[str, str]) -> Document:
    def rename(title: str, generated: bool) -> str:
        return names.get(title, title) if generated else title

    generated = {e.title for e in (*doc.statements, *doc.arguments) if e.generated_title}

    def ref(r: Ref) -> Ref:
        return dataclasses.replace(r, title=names[r.title]) if r.title in generated else r

    statements = tuple(dataclasses.replace(s, title=rename(s.title, s.generated_title)) for s in doc.statements)
    arguments = tuple(
        dataclasses.replace(
            a,
            title=rename(a.title, a.generated_title),
            pcs=tuple(dataclasses.replace(i, statement=names.get(i.statement, i.statement) if i.statement in generated else i.statement) for i in a.pcs),
        )
        for a in doc.arguments
    )
    relations = tuple(dataclasses.replace(r, source=ref(r.source), target=ref(r.target)) for r in doc.relations)
    return dataclasses.replace(doc, statements=statements, arguments=arguments, relations=relations)


# ---------------------------------------------------------------- sources and positions


def _sources(documents: Sequence[Document], diagnostics: list[Diagnostic]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for doc in documents:
        source = doc.source
        if source.id in seen and seen[source.id].path != source.path:
            diagnostics.append(
                warning("conflicting-text", Span(doc.path, 1, 1, 1, 1), "give each source a distinct id in its front matter", element=f"source id {source.id!r}", other=seen[source.id].path)
            )
            continue
        seen.setdefault(source.id, source)
    return tuple(seen.values())


def _positions(documents: Sequence[Document], diagnostics: list[Diagnostic]) -> tuple[Position, ...]:
    """Positions declared in one file apply to every file loaded with it."""
    found: dict[str, tuple[Position, str]] = {}
    for doc in documents:
        for position in doc.positions:
            if position.tag in found and found[position.tag][0] != position:
                diagnostics.append(
                    warning("conflicting-text", Span(doc.path, 1, 1, 1, 1), "declare each position once, e.g. in a shared positions file", element=f"position #{position.tag}", other=found[position.tag][1])
                )
                continue
            found.setdefault(position.tag, (position, doc.path))
    return tuple(p for p, _ in found.values())


# ---------------------------------------------------------------- elements


def _group(documents: Sequence[Document], attribute: str) -> dict[str, list[tuple[Document, Statement | Argument]]]:
    groups: dict[str, list] = defaultdict(list)
    for doc in documents:
        for element in getattr(doc, attribute):
            groups[element.title].append((doc, element))
    return groups


def _merged_fields(title: str, occurrences: list, diagnostics: list[Diagnostic], sigil: str, one_document: bool = False) -> tuple:
    """(title, text, occurrences, tags, sources, quotes, generated_title, voiced) of a title written more than once.

    A tuple in the merged classes' field order, not a dict to unpack: a large
    map has tens of thousands of multiply written titles. ``voiced`` says
    whether any occurrence has a voice (else the merged voice is None).
    """
    # one pass over the occurrences
    text, first_span = "", None
    tagged: list[tuple[str, ...]] = []
    quoted: list[tuple] = []
    asserting: dict[str, None] = {}
    elements = []
    voiced = False
    for doc, element in occurrences:
        elements.append(element)
        if element.text:
            if not text:
                text, first_span = element.text, element.span
            elif element.text != text:
                diagnostics.append(
                    warning("conflicting-text", element.span, "give one of them a different title, or make the texts identical", element=sigil.format(title), other=str(first_span))
                )
        if element.tags:
            tagged.append(element.tags)
        if element.quotes:
            quoted.append(element.quotes)
        if element.voice is not None:
            voiced = True
        if not one_document and _asserts(element):
            asserting[doc.source.id] = None
    # Usually one occurrence holds all the tags (and quotes), the others being
    # references: take its tuple as it is (an element's tags are distinct).
    if not tagged:
        tags = ()
    else:
        tags = tagged[0] if len(tagged) == 1 else tuple(dict.fromkeys(t for group in tagged for t in group))
    if one_document:  # whichever occurrences assert it, the source is this document's
        sources = (occurrences[0][0].source.id,)
    else:
        sources = tuple(asserting) or tuple(dict.fromkeys(d.source.id for d, _e in occurrences))
    if not quoted:
        quotes = ()
    else:
        quotes = quoted[0] if len(quoted) == 1 else tuple(q for group in quoted for q in group)
    return title, text, tuple(elements), tags, sources, quotes, elements[0].generated_title, voiced


def _asserts(element: Statement | Argument) -> bool:
    """Does this occurrence put the claim forward (not merely refer to it to relate it)?

    A bare reference used only as the target of a relation does not make the
    document a source of the claim: an article that attacks a claim does not
    assert it.
    """
    if element.text or element.quotes:
        return True
    if isinstance(element, Statement):
        return element.role not in (Role.TOP_LEVEL, Role.RELATION)
    return bool(element.pcs)


def _merge_statements(documents, diagnostics) -> dict[str, MergedStatement]:
    if len(documents) == 1:
        return _merge_statements_of(documents[0], diagnostics)
    merged = {}
    one_document = False
    for title, occurrences in _group(documents, "statements").items():
        if len(occurrences) == 1:  # most statements are written once: no dict of fields to build
            doc, s = occurrences[0]
            voice = None if s.voice is None else merged_voice(occurrences, diagnostics, "[{}]")
            merged[title] = MergedStatement(title, s.text, (s,), s.tags, (doc.source.id,), s.quotes, s.generated_title, voice)
        else:
            title, text, elements, tags, sources, quotes, generated, voiced = _merged_fields(title, occurrences, diagnostics, "[{}]", one_document)
            voice = merged_voice(occurrences, diagnostics, "[{}]") if voiced else None
            merged[title] = MergedStatement(title, text, elements, tags, sources, quotes, generated, voice)
    return merged


def _merge_statements_of(doc: Document, diagnostics: list[Diagnostic]) -> dict[str, MergedStatement]:
    """What _merge_statements makes of one document, with less to decide (a large file is one document).

    A title is mostly written once with its text and tags and otherwise
    referred to: then that occurrence says what the statement is, and there
    is nothing to compare.
    """
    groups: dict[str, list[Statement]] = {}
    for statement in doc.statements:
        group = groups.get(statement.title)
        if group is None:
            groups[statement.title] = [statement]
        else:
            group.append(statement)
    source = (doc.source.id,)
    merged = {}
    for title, elements in groups.items():
        described = [e for e in elements if e.text or e.tags or e.quotes or e.voice is not None] if len(elements) > 1 else elements
        if len(described) > 1:
            occurrences = [(doc, e) for e in elements]
            title, text, elements, tags, sources, quotes, generated, voiced = _merged_fields(title, occurrences, diagnostics, "[{}]", True)
            voice = merged_voice(occurrences, diagnostics, "[{}]") if voiced else None
            merged[title] = MergedStatement(title, text, elements, tags, sources, quotes, generated, voice)
            continue
        said = described[0] if described else elements[0]
        voice = None if said.voice is None else merged_voice([(doc, e) for e in elements], diagnostics, "[{}]")
        merged[title] = MergedStatement(title, said.text, tuple(elements), said.tags, source, said.quotes, elements[0].generated_title, voice)
    return merged


def _merge_arguments(documents, diagnostics) -> dict[str, MergedArgument]:
    merged = {}
    for title, occurrences in _group(documents, "arguments").items():
        reconstructed = [e for _d, e in occurrences if e.pcs]
        for later in reconstructed[1:]:
            if later.pcs != reconstructed[0].pcs:
                diagnostics.append(
                    warning("conflicting-text", later.span, "reconstruct each argument once; refer to it elsewhere by <Title>", element=f"the premise–conclusion structure of <{title}>", other=str(reconstructed[0].span))
                )
        pcs = reconstructed[0].pcs if reconstructed else ()
        if len(occurrences) == 1:
            doc, a = occurrences[0]
            voice = None if a.voice is None else merged_voice(occurrences, diagnostics, "<{}>")
            merged[title] = MergedArgument(title, a.text, (a,), a.tags, (doc.source.id,), a.quotes, pcs, a.generated_title, voice)
            continue
        title, text, elements, tags, sources, quotes, generated, voiced = _merged_fields(title, occurrences, diagnostics, "<{}>", len(documents) == 1)
        voice = merged_voice(occurrences, diagnostics, "<{}>") if voiced else None
        merged[title] = MergedArgument(title, text, elements, tags, sources, quotes, pcs, generated, voice)
    return merged


def _relation_key(relation: Relation) -> tuple:
    # plain strings and ints: hashing the Ref dataclasses (and their enums) is slow
    source, target = relation.source, relation.target
    # `_value_`: a plain attribute, where `.value` is an enum descriptor call
    type_ = relation.type
    key = (source.kind._value_, source.title, source.conclusion_index or -1, target.kind._value_, target.title, target.conclusion_index or -1, type_._value_)
    if (type_ is RelationType.CONTRADICTORY or type_ is RelationType.CONTRARY) and key[3:6] < key[:3]:  # SYMMETRIC, without hashing enums
        return (*key[3:6], *key[:3], key[6])
    return key


def _merge_relations(documents: Sequence[Document]) -> tuple[Relation, ...]:
    merged: dict[tuple, Relation] = {}
    for doc in documents:
        for relation in doc.relations:
            key = _relation_key(relation)
            if key in merged:
                known = merged[key]
                sources = tuple(dict.fromkeys((*known.sources, *relation.sources)))
                # the mapper's only while no source writes it as its own
                mark = known.reconstructed if relation.reconstructed is not None else None
                merged[key] = dataclasses.replace(known, sources=sources, reconstructed=mark)
            else:
                merged[key] = relation
    return tuple(merged.values())


def _warn_unknown_references(statements, arguments, diagnostics: list[Diagnostic]) -> None:
    defined_statements = [t for t, s in statements.items() if s.text or s.generated_title]  # defined: a text, or a generated title
    defined_arguments = [t for t, a in arguments.items() if a.text or a.pcs or a.generated_title]
    suggestions = SUGGESTION_LIMIT  # each compares one title with every defined one: bounded, or a hostile file costs minutes
    for table, defined, kind in ((statements, defined_statements, Kind.STATEMENT), (arguments, defined_arguments, Kind.ARGUMENT)):
        known = set(defined)
        for title, element in table.items():
            if title in known:
                continue
            ref = Ref(kind, title)
            suggestions -= 1
            hint = reference_hint(ref, defined) if suggestions >= 0 else f"define it somewhere as {ref}: text"
            diagnostics.append(warning("unknown-reference", element.span, hint, element=str(ref)))


SUGGESTION_LIMIT = 20  # unknown references that get a "did you mean" hint


def reference_hint(ref: Ref, defined: Sequence[str]) -> str:
    close = did_you_mean(ref.title, defined)
    if close is not None:
        return f"did you mean {Ref(ref.kind, close)}?"
    return f"define it somewhere as {ref}: text"
