"""Checks of the merged map's structure: tags that look like a misspelt
position, elements related to nothing, and relations Argdown's model drops."""

from __future__ import annotations

from ..core.errors import warning
from ..core.model import ArgumentMap, Diagnostic, Kind, Ref, RelationType
from ..core.text import did_you_mean


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
        source, target = relation.source, relation.target  # unrolled: a large map has tens of thousands
        (related_statements if source.kind is statement_kind else related_arguments).add(source.title)
        (related_statements if target.kind is statement_kind else related_arguments).add(target.title)
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
    """An argument that attacks its own conclusion (Argdown's model drops the relation).

    An argument that *supports* its conclusion only says again what its
    premise–conclusion structure says: ordinary redundant markup, as in
    `[X]` with `+ <A>` under it, so it is not worth a warning.
    """
    problems = []
    argument_kind, statement_kind = Kind.ARGUMENT, Kind.STATEMENT  # enum members as locals: one lookup, not one per relation
    kept = (RelationType.SUPPORT, RelationType.ENTAILS)
    for relation in [r for r in argument_map.relations if r.source.kind is argument_kind and r.target.kind is statement_kind]:
        if relation.type in kept:
            continue
        argument = argument_map.arguments.get(relation.source.title)
        if argument is not None and argument.pcs and argument.pcs[-1].statement == relation.target.title:
            verb = {RelationType.SUPPORT: "supports", RelationType.ATTACK: "attacks"}.get(relation.type, "relates to")
            problems.append(warning("dropped-by-argdown", relation.span, "an argument's conclusion is already what it argues for", element=str(relation.source), verb=verb))
    return problems
