"""Every claim a file puts in its article's mouth is quoted from the article
or marked as the mapper's (`{reconstructed: …}`).

A statement counts as the file's when the file defines it (gives its text)
or uses it in a premise–conclusion structure; an argument, when the file
gives its gist. A bare reference that only relates to a claim written
elsewhere asserts nothing, so it needs neither.
"""

from __future__ import annotations

from ..core.errors import warning
from ..core.model import Argument, Diagnostic, Document, Role, Statement
from .quotes import article_name

_IN_PCS = (Role.PREMISE, Role.INTERMEDIARY_CONCLUSION, Role.MAIN_CONCLUSION)
_HINT = 'quote the article under it with > "…", or mark it as yours with {reconstructed: "why"}'


def check_sourced(document: Document) -> list[Diagnostic]:
    if not document.source.article:
        return []  # nothing to quote from: an Argdown file, notes, a draft
    problems = []
    name = article_name(document)
    for sigil, elements in (("[{}]", document.statements), ("<{}>", document.arguments)):
        for title, (first, sourced) in _claims(elements).items():
            if not sourced:
                problems.append(warning("unsourced", first.span, _HINT, element=sigil.format(title), file=name))
    return problems


def _claims(elements: tuple[Statement, ...] | tuple[Argument, ...]) -> dict[str, list]:
    """title → [the occurrence that makes it the file's claim, quoted or marked in this file?]"""
    claims: dict[str, list] = {}
    sourced: set[str] = set()
    for element in elements:
        if element.quotes or (element.voice is not None and element.voice.reconstructed is not None):
            sourced.add(element.title)
        if element.generated_title and not element.text:
            continue
        asserted = bool(element.text) or (isinstance(element, Statement) and element.role in _IN_PCS)
        if asserted and element.title not in claims:
            claims[element.title] = [element, False]
    for title, claim in claims.items():
        claim[1] = title in sourced
    return claims
