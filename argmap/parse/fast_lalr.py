"""A faster run of the standalone Lark parser over a document that parses.

Lark's LALR parse passes every token through about ten Python-level calls:
the contextual lexer's generator, ``next_token``, two ``match`` methods,
``Token()`` and its ``_future_new``, the line counter, the post-lexer
connector, ``feed_token``, and per reduction the parse table's rule objects
(whose ``__hash__`` and ``__eq__`` are Python methods) to find the callback.
At 20 000 statements that is 130 000 tokens and half of a whole ``argmap
export``.

:func:`parse` runs the same tables, the same lexers' regular expressions,
the same post-lexer (:mod:`argmap.parse.lines`) and the same transformer
callbacks, in the same order, with those steps inlined: the tokens, the
raw blocks and any error of the post-lexer or the transformer are the
ones Lark's own run makes. Where Lark would report a syntax error (no
terminal matches, or the parser does not expect a token), it hands over
to Lark's own parse of the whole text, which raises that error with
everything :mod:`argmap.parse.syntax_errors` reads from it; documents with
syntax errors pay a second parse.
"""

from __future__ import annotations

from .lark_standalone import Lark, Reduce, Token

_new_str = str.__new__


class _HandOver(Exception):
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
            raise _HandOver("terminal callbacks")  # none in argmap's grammar; Lark's run handles them
        self.scanners: dict[int, tuple] = {}  # parser state → (regexes, ignored types)

    def scanner(self, state: int) -> tuple:
        lexer = self.lexers[state]
        scanner = lexer.scanner  # built on first use, as Lark builds it
        if lexer.callback:
            raise _HandOver("lexer callbacks")
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
    tables = _TABLES.get(id(lark))
    try:
        if tables is None or tables.lark is not lark:
            tables = _Tables(lark)
            tables.lark = lark
            _TABLES[id(lark)] = tables
        return _parse(tables, text)
    except _HandOver:
        return lark.parse(text)


def _lex(tables: _Tables, text: str, state_stack: list):
    """The tokens Lark's contextual lexer makes, in the state the parser is in when each is read."""
    scanners, scanner_of = tables.scanners, tables.scanner
    pos, line, line_start, end = 0, 1, 0, len(text)
    new_str, token_class = _new_str, Token
    while pos < end:
        state = state_stack[-1]
        scanner = scanners.get(state) or scanner_of(state)
        m = scanner[0](text, pos, end)
        if m is None:
            raise _HandOver("no terminal matches")
        value = m.group(0)
        type_ = m.lastgroup
        start, column = pos, pos - line_start + 1
        start_line = line
        pos += len(value)
        newlines = value.count("\n")
        if newlines:
            line += newlines
            line_start = start + value.rindex("\n") + 1
        if type_ in scanner[1]:  # comments: no callbacks (checked), so no token
            continue
        token = new_str(token_class, value)
        token.type = type_
        token.start_pos = start
        token.value = value
        token.line = start_line
        token.column = column
        token.end_line = line
        token.end_column = pos - line_start + 1
        token.end_pos = pos
        yield token


def _parse(tables: _Tables, text: str):
    state_stack = [tables.start_state]
    value_stack: list = []
    actions = tables.actions
    end_state = tables.end_state
    token = None
    for token in tables.postlexer.process(_lex(tables, text, state_stack)):
        type_ = token.type
        while True:
            action = actions[state_stack[-1]].get(type_)
            if action is None:
                raise _HandOver("unexpected token")
            callback = action[1]
            if callback is None:  # shift
                state_stack.append(action[0])
                value_stack.append(token)
                break
            size = action[0]
            if size == 1:  # most reductions
                children = [value_stack.pop()]
                state_stack.pop()
            elif size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value_stack.append(callback(children))
            state_stack.append(actions[state_stack[-1]][action[2]][0])
    # the end of the input: reduce until the end state
    while True:
        action = actions[state_stack[-1]].get("$END")
        if action is None or action[1] is None:
            raise _HandOver("unexpected end")
        size = action[0]
        if size:
            children = value_stack[-size:]
            del state_stack[-size:]
            del value_stack[-size:]
        else:
            children = []
        value = action[1](children)
        state_stack.append(actions[state_stack[-1]][action[2]][0])
        value_stack.append(value)
        if state_stack[-1] == end_state:
            return value_stack[-1]
