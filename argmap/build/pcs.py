"""Premise–conclusion structures: numbered statements and inference lines →
an argument's items with their roles (premise, intermediary or main
conclusion) and inferences.

Functions over the :class:`ElementBuilder`, which records the statements and
the relations written under inference lines.
"""

from __future__ import annotations

import dataclasses
import re

from ..core.errors import error, warning
from ..core.model import Argument, Inference, Kind, PcsItem, Ref, Role, Span
from ..parse.lark_standalone import Token
from ..parse.raw import RawElement, RawInference, RawPcs, RawPcsItem
from .elements import ElementBuilder
from .inline import inline_data
from .markup import collapse, shortcodes
from .tokens import element_span, mark_span, token_span


def argument_with_pcs(builder: ElementBuilder, element: RawElement, pcs: RawPcs) -> None:
    index = len(builder.arguments)  # before element() adds the arguments related under it
    ref = builder.element(element, Role.TOP_LEVEL)
    items = _items(builder, ref.title, pcs)
    builder.arguments[index] = _with_pcs(builder.arguments[index], items)


def anonymous_argument(builder: ElementBuilder, pcs: RawPcs) -> None:
    first = pcs.items[0]
    title = builder.next_untitled()
    span = mark_span(builder.path, first.number) if isinstance(first, RawPcsItem) else token_span(builder.path, first.token)
    index = len(builder.arguments)
    builder.arguments.append(Argument(title, "", span, False, True, section=builder.section_id))
    items = _items(builder, title, pcs)
    builder.arguments[index] = _with_pcs(builder.arguments[index], items)


# dataclasses.replace reads the fields anew for every call: an argument's
# fields, read once, and its constructor, which takes them all in order
_ARGUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Argument))
_PCS_AT = _ARGUMENT_FIELDS.index("pcs")


def _with_pcs(argument: Argument, items: tuple[PcsItem, ...]) -> Argument:
    """``dataclasses.replace(argument, pcs=items)``, faster."""
    values = [getattr(argument, name) for name in _ARGUMENT_FIELDS]
    values[_PCS_AT] = items
    return Argument(*values)


def _items(builder: ElementBuilder, argument: str, pcs: RawPcs) -> tuple[PcsItem, ...]:
    roles = _roles(builder, pcs)
    if roles is None:
        return ()
    path = builder.path
    items: list[PcsItem] = []
    pending: RawInference | None = None
    expected_number = 1
    for raw in pcs.items:
        if isinstance(raw, RawInference):
            pending = raw
            continue
        number = int(raw.number.value[1 : raw.number.value.index(")")])
        if number != expected_number:
            builder.diagnostics.append(
                warning("pcs-numbering", mark_span(path, raw.number), "number premises and conclusions (1), (2), (3), … in order", found=number, expected=expected_number)
            )
        expected_number = number + 1
        role = roles[len(items)]
        inference = None
        if pending is not None:  # its relations come first: "Untitled N" follows the document
            inference = _inference(builder, argument, pending, len(items))
            pending = None
        element = raw.element
        if element.head is raw.number and not element.inline and not element.quotes and not element.relations:
            ref, start = builder.bare_statement(raw.number, role)  # `(1) [Title]` on a line of its own
            number_token = raw.number
            span = Span(path, number_token.line, number_token.column + start, number_token.end_line, number_token.end_column)
        else:
            ref = builder.element(element, role)
            span = element_span(path, element)
        items.append(PcsItem(number, ref.title, role, span, inference))
    return tuple(items)


def _roles(builder: ElementBuilder, pcs: RawPcs) -> list[Role] | None:
    """Roles of the numbered statements, or None (with an error) when malformed."""
    path, diagnostics = builder.path, builder.diagnostics
    roles: list[Role] = []
    after_inference = False
    statements_since_inference = 0
    ok = True
    for raw in pcs.items:
        if isinstance(raw, RawInference):
            if statements_since_inference == 0:
                diagnostics.append(error("inference-without-premises", token_span(path, raw.token), "write the premises as numbered lines (1), (2) above the inference line"))
                ok = False
            after_inference = True
            statements_since_inference = 0
            continue
        if raw.element.kind == "argument":
            diagnostics.append(error("argument-in-pcs", element_span(path, raw.element), "use a statement [Title] here; relate the argument with + or - instead"))
            ok = False
        roles.append(Role.INTERMEDIARY_CONCLUSION if after_inference else Role.PREMISE)
        after_inference = False
        statements_since_inference += 1
    last = pcs.items[-1]
    if isinstance(last, RawInference):
        diagnostics.append(error("pcs-no-conclusion", token_span(path, last.token), "add the conclusion as a numbered line after the inference line"))
        return None
    if roles and roles[-1] is not Role.INTERMEDIARY_CONCLUSION:
        has_inference = any(isinstance(r, RawInference) for r in pcs.items)
        code = "pcs-no-conclusion" if has_inference else "pcs-no-inference"
        hint = "end the structure with an inference line (----) and the numbered conclusion"
        diagnostics.append(error(code, element_span(path, last.element), hint))
        return None
    if not ok:
        return None
    roles[-1] = Role.MAIN_CONCLUSION
    return roles


def _inference(builder: ElementBuilder, argument: str, raw: RawInference, conclusion_index: int) -> Inference:
    token = raw.token
    rules: tuple[str, ...] = ()
    data: dict = {}
    if token.type == "INFERENCE_RULE":
        body = token.value.strip()[2:-2]
        for match in re.finditer(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", body):
            fake = Token("DATA", match.group(0), token.start_pos, token.line, token.column, token.end_line, token.end_column)
            data.update(inline_data(fake, builder.path, builder.diagnostics))
        body = re.sub(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", " ", body)
        rules = tuple(r for r in (collapse(shortcodes(part)) for part in body.split(",")) if r)
    target = Ref(Kind.ARGUMENT, argument, conclusion_index)
    builder.relations_under(target, raw.relations)
    return Inference(conclusion_index, rules, token_span(builder.path, token), data)
