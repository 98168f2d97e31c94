"""A faster run of the standalone Lark parser over a document that parses.

Lark's LALR parse passes every token through about ten Python-level calls:
the contextual lexer's generator, ``next_token``, two ``match`` methods,
``Token()`` and its ``_future_new``, the line counter, the post-lexer
connector, ``feed_token``, and per reduction the parse table's rule objects
(whose ``__hash__`` and ``__eq__`` are Python methods) to find the callback.
At 20 000 statements that is 130 000 tokens and half of a whole ``argmap
export``.

:func:`parse` runs the same tables, the same lexers' regular expressions,
the same line structure (:class:`argmap.parse.lines.Structurer`) and the
same transformer callbacks, in the same order, in one loop: the lexer's
match, the structurer's decision at a line break, the parser's actions.
A line break makes no token at all (Lark's post-lexer gets one and
replaces it), and the PARA, INDENT and DEDENT markers the parser shifts
are shared tokens, since the transformer drops them. The raw blocks and
any error of the line structure or the transformer are the ones Lark's
own run makes. Where Lark would report a syntax error (no terminal
matches, or the parser does not expect a token), :func:`parse` hands over
to Lark's own parse of the whole text, which raises that error with
everything :mod:`argmap.parse.syntax_errors` reads from it; documents with
syntax errors pay a second parse.
"""

from __future__ import annotations

from .lark_standalone import Lark, Reduce, Token
from .lines import SOURCE, Structurer

_new_str = str.__new__


class HandOver(Exception):
    """Lark's own parse reports what went wrong here."""


class _Tables:
    """What a parse reads from a built Lark_StandAlone, kept with it."""

    def __init__(self, lark: Lark):
        frontend = lark.parser
        lalr = frontend.parser.parser  # LALR_Parser → _Parser
        table = lalr.parse_table
        self.postlexer = frontend.lexer.postlexer
        contextual = frontend.lexer.lexer
        self.lexers = contextual.lexers  # parser state → BasicLexer
        self.start_state = table.start_states["start"]
        self.end_state = table.end_states["start"]
        callbacks = lalr.callbacks
        # parser state → token type → (target state, None) for a shift or
        # (rule's length, callback, rule's name) for a reduction
        self.actions: dict[int, dict[str, tuple]] = {
            state: {
                token: (arg, None) if action is not Reduce else (len(arg.expansion), callbacks[arg], arg.origin.name)
                for token, (action, arg) in row.items()
            }
            for state, row in table.states.items()
        }
        if any(isinstance(name, str) and name.isupper() for name in callbacks):
            raise HandOver("terminal callbacks")  # none in argmap's grammar; Lark's run handles them
        self.scanners: dict[int, tuple] = {}  # parser state → (regexes, ignored types)

    def scanner(self, state: int) -> tuple:
        lexer = self.lexers[state]
        scanner = lexer.scanner  # built on first use, as Lark builds it
        if lexer.callback:
            raise HandOver("lexer callbacks")
        matches = [m.match for m in scanner._mres]
        if len(matches) == 1:
            match = matches[0]
        else:  # Lark splits a union too large for one regular expression: the first that matches wins

            def match(text, pos, end, matches=matches):
                for each in matches:
                    found = each(text, pos, end)
                    if found is not None:
                        return found
                return None

        found = self.scanners[state] = (match, lexer.ignore_types)
        return found


_TABLES: dict[int, _Tables] = {}


def parse(lark: Lark, text: str):
    """What ``lark.parse(text)`` returns, or raises."""
    try:
        return parse_or_hand_over(lark, text)
    except HandOver:
        return lark.parse(text)


def parse_or_hand_over(lark: Lark, text: str):
    """What ``lark.parse(text)`` returns, or HandOver where Lark's parse has to say what is wrong."""
    tables = _TABLES.get(id(lark))
    if tables is None or tables.lark is not lark:
        tables = _Tables(lark)
        tables.lark = lark
        _TABLES[id(lark)] = tables
    return _parse(tables, text)


# The markers the parser shifts and the transformer drops (the grammar's
# PARA, INDENT and DEDENT never reach a raw block): one token of each will do.
_MARKERS = {kind: Token(kind, "") for kind in ("PARA", "INDENT", "DEDENT")}


def _parse(tables: _Tables, text: str):
    """Lex, structure lines and parse in one loop.

    Lark's run passes each token through a lexer generator, the post-lexer
    generator and the parser; here a line break makes no token at all, only
    the markers :class:`~argmap.parse.lines.Structurer` says it makes.
    """
    structurer = Structurer(*SOURCE.get())
    line_break, before_token = structurer.line_break, structurer.before_token
    scanners, scanner_of = tables.scanners, tables.scanner
    actions, markers_of = tables.actions, _MARKERS
    state_stack = [tables.start_state]
    value_stack: list = []
    pos, line, line_start, end = 0, 1, 0, len(text)
    new_str, token_class = _new_str, Token
    last = ""  # the type of the last token the parser saw (not a marker)
    broken = False  # whether a line break came since
    lexed = False
    while pos < end:
        scanner = scanners.get(state_stack[-1]) or scanner_of(state_stack[-1])
        m = scanner[0](text, pos, end)
        if m is None:
            raise HandOver("no terminal matches")
        value = m.group(0)
        type_ = m.lastgroup
        start, column = pos, pos - line_start + 1
        start_line = line
        pos += len(value)
        lexed = True
        if "\n" in value:
            line += value.count("\n")
            line_start = start + value.rindex("\n") + 1
        if type_ == "_NL":
            broken = True
            kinds = line_break(value, pos, line, pos - line_start + 1, last)
            if not kinds:
                continue
            tokens = [markers_of[kind] for kind in kinds]
        elif type_ in scanner[1]:  # comments: no callbacks (checked), so no token
            continue
        elif type_ == "LEADING_SPACE":
            structurer.base = len(value)
            continue
        else:
            token = new_str(token_class, value)
            token.type = type_
            token.start_pos = start
            token.value = value
            token.line = start_line
            token.column = column
            token.end_line = line
            token.end_column = pos - line_start + 1
            token.end_pos = pos
            if last == "QUOTE" or structurer.block is None:
                before_token(token, last, broken)
            last = type_
            broken = False
            tokens = (token,)
        for token in tokens:
            type_ = token.type
            while True:
                action = actions[state_stack[-1]].get(type_)
                if action is None:
                    raise HandOver("unexpected token")
                callback = action[1]
                if callback is None:  # shift
                    state_stack.append(action[0])
                    value_stack.append(token)
                    break
                if action[0] == 1:  # most reductions: _reduce, inlined
                    children = [value_stack.pop()]
                    state_stack.pop()
                    value_stack.append(callback(children))
                    state_stack.append(actions[state_stack[-1]][action[2]][0])
                else:
                    _reduce(actions, state_stack, value_stack, action)
    if lexed:
        for _level in structurer.close_levels():
            _reduce_and_shift(actions, state_stack, value_stack, markers_of["DEDENT"])
    return _end(actions, state_stack, value_stack, tables.end_state)


def _reduce_and_shift(actions: dict, state_stack: list, value_stack: list, token: Token) -> None:
    """One token through the parser (the loop above, for the markers at the end of the text)."""
    type_ = token.type
    while True:
        action = actions[state_stack[-1]].get(type_)
        if action is None:
            raise HandOver("unexpected token")
        if action[1] is None:
            state_stack.append(action[0])
            value_stack.append(token)
            return
        _reduce(actions, state_stack, value_stack, action)


def _reduce(actions: dict, state_stack: list, value_stack: list, action: tuple) -> None:
    size = action[0]
    if size:
        children = value_stack[-size:]
        del state_stack[-size:]
        del value_stack[-size:]
    else:
        children = []
    value_stack.append(action[1](children))
    state_stack.append(actions[state_stack[-1]][action[2]][0])


def _end(actions: dict, state_stack: list, value_stack: list, end_state: int):
    """The end of the input: reduce until the end state."""
    while True:
        action = actions[state_stack[-1]].get("$END")
        if action is None or action[1] is None:
            raise HandOver("unexpected end")
        _reduce(actions, state_stack, value_stack, action)
        if state_stack[-1] == end_state:
            return value_stack[-1]
