"""The Lark transformer that runs inside the LALR parse: each reduction of the
grammar builds or extends a raw block (see :mod:`argmap.parse.raw`), so no
parse tree is built.
"""

from __future__ import annotations

from .lark_standalone import Token, Transformer
from .raw import (
    RawElement,
    RawFrontMatter,
    RawHeading,
    RawInference,
    RawList,
    RawPcs,
    RawPcsItem,
    RawRelation,
    head_parts,
    new_token,
)

_NONE: tuple = ()  # the inline tokens, quotes or relations of an element without any (most of them)


def _split_head_and_text(token: Token, head_type: str) -> tuple[Token, Token]:
    return _split(token, head_parts(token)[1], head_type, "TEXT")


def _split(token: Token, at: int, first: str, second: str) -> tuple[Token, Token]:
    """A line-level token as the two tokens the lexer would otherwise have made.

    The first part never spans lines (a head, a sign, a number); the second
    ends where the whole token ends.
    """
    value, start, line, column = token.value, token.start_pos, token.line, token.column
    return (
        new_token(first, value[:at], start, line, column, line, column + at, start + at),
        new_token(second, value[at:], start + at, line, column + at, token.end_line, token.end_column, token.end_pos),
    )


def _append(items: list | tuple, item) -> list:
    if items is _NONE:
        return [item]
    items.append(item)
    return items


class ToRaw(Transformer):
    """Runs during the LALR parse (Lark's ``transformer=``): no tree is built.

    The grammar's lists are left-recursive rules (see grammar/argmap.lark):
    the first reduction of a list makes the raw node, each further one adds
    to it, so every method gets the node built so far as its first child.
    """

    # ------------------------------------------------------------ blocks

    def empty_document(self, children):
        return []

    def start(self, children):
        return children[0]

    def front_matter(self, children):
        return [RawFrontMatter(children[0])]

    def first_block(self, children):
        return children  # a fresh list from the parser's value stack: it becomes the block list

    # A process parsing in the background (argmap.build.background) sets
    # these: every `batch` complete blocks are sent, and the list emptied.
    send_blocks = None
    batch = 0

    def next_block(self, children):
        blocks = children[0]
        blocks.append(children[2])  # children[1] is PARA
        if self.send_blocks is not None and len(blocks) >= self.batch:
            self.send_blocks(blocks)
        return blocks

    def heading(self, children):
        return RawHeading(children[0], _NONE)

    def heading_inline(self, children):
        heading = children[0]
        heading.inline = _append(heading.inline, children[1])
        return heading

    # ------------------------------------------------------------ elements

    def statement_definition(self, children):
        return RawElement("statement", children[0], _NONE, False, _NONE, _NONE)

    def statement_with_text(self, children):
        return RawElement("statement", children[0], _NONE, False, _NONE, _NONE)

    def statement_reference(self, children):
        return RawElement("statement", children[0], _NONE, True, _NONE, _NONE)

    def argument_definition(self, children):
        return RawElement("argument", children[0], _NONE, False, _NONE, _NONE)

    def argument_with_text(self, children):
        return RawElement("argument", children[0], _NONE, False, _NONE, _NONE)

    def argument_reference(self, children):
        return RawElement("argument", children[0], _NONE, True, _NONE, _NONE)

    def untitled_statement(self, children):
        return RawElement("statement", None, children, False, _NONE, _NONE)

    # An element (or heading) and one more of its parts.

    def inline(self, children):
        node = children[0]
        node.inline = _append(node.inline, children[1])
        return node

    def quote(self, children):
        node = children[0]
        node.quotes = _append(node.quotes, children[1])
        return node

    def relations_under(self, children):
        node = children[0]  # an element or an inference; children[1] and [3] are INDENT and DEDENT
        node.relations = children[2] if node.relations is _NONE else node.relations + children[2]
        return node

    # A relation or numbered statement made from one token, and one more part of its element.

    def marked_inline(self, children):
        self.inline([children[0].element, children[1]])
        return children[0]

    def marked_quote(self, children):
        self.quote([children[0].element, children[1]])
        return children[0]

    def marked_relations_under(self, children):
        self.relations_under([children[0].element, *children[1:]])
        return children[0]

    # ------------------------------------------------------------ relations

    def first_relation(self, children):
        return [RawRelation(children[0], children[1])]

    def first_relation_made(self, children):
        return children

    def next_relation(self, children):
        relations = children[0]
        relations.append(RawRelation(children[1], children[2]))
        return relations

    def next_relation_made(self, children):
        relations = children[0]
        relations.append(children[1])
        return relations

    def related_reference(self, children):
        token = children[0]
        # the reference ends the token, but for the blanks after it: `]` or `>` says which
        kind = "statement" if token.value.rstrip(" \t")[-1] == "]" else "argument"
        return RawRelation(token, RawElement(kind, token, _NONE, True, _NONE, _NONE))

    # ------------------------------------------------------------ premise–conclusion structures and lists

    def first_numbered(self, children):
        return RawPcs([RawPcsItem(children[0], children[1])])

    def first_pcs_item(self, children):
        return RawPcs(children)

    def next_numbered(self, children):
        pcs = children[0]
        pcs.items.append(RawPcsItem(children[1], children[2]))
        return pcs

    def next_pcs_item(self, children):
        pcs = children[0]
        pcs.items.append(children[1])
        return pcs

    def numbered_reference(self, children):
        token = children[0]
        return RawPcsItem(token, RawElement("statement", token, _NONE, True, _NONE, _NONE))

    def inference(self, children):
        return RawInference(children[0], _NONE)

    def first_list_item(self, children):
        return RawList([(children[0], children[1])])

    def next_list_item(self, children):
        items = children[0]
        items.items.append((children[1], children[2]))
        return items


class ToRawTokens(ToRaw):
    """As ToRaw, with the line-level tokens split into the tokens the lexer would otherwise have made.

    For argmap fmt, which lays a file out again from the place of every token.
    """

    def statement_with_text(self, children):
        head, text = _split_head_and_text(children[0], "STATEMENT_DEF")
        return RawElement("statement", head, [text], False, _NONE, _NONE)

    def argument_with_text(self, children):
        head, text = _split_head_and_text(children[0], "ARGUMENT_DEF")
        return RawElement("argument", head, [text], False, _NONE, _NONE)

    def related_reference(self, children):
        relation = super().related_reference(children)
        at = head_parts(children[0])[0]
        relation.op, relation.element.head = _split(children[0], at, "RELATION", relation.element.kind.upper() + "_REF")
        return relation

    def numbered_reference(self, children):
        item = super().numbered_reference(children)
        item.number, item.element.head = _split(children[0], head_parts(children[0])[0], "PCS_NUMBER", "STATEMENT_REF")
        return item
