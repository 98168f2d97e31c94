"""Parse stage: text → raw blocks (Lark LALR + a line-structure post-lexer).

The grammar (``grammar/argmap.lark``) sees coarse tokens; the post-lexer
(:mod:`argmap.parse.lines`) decides what each line break means (paragraph
break, deeper or shallower relation level, wrapped text) by looking at how the
next line starts. The transformer (:mod:`argmap.parse.transformer`) runs
inside the LALR parse and builds small raw nodes (:mod:`argmap.parse.raw`);
:mod:`argmap.build` turns those into the typed model. The commonest lines are
one token each (a head with its text, a relation sign with its reference, a
number with its reference): :func:`argmap.parse.raw.head_parts` says where
their parts are, and ``parse_raw(..., split_lines=True)`` splits them for a
caller that needs the place of every part (argmap fmt). The parse runs
Lark's tables in a loop of its own (:mod:`argmap.parse.fast_lalr`), which
hands a text with a syntax error to Lark's own parse for the error.
"""

from __future__ import annotations

from ..core.errors import ArgmapError
from .fast_lalr import parse as run_parser
from .lark_parser import parser
from .lark_standalone import UnexpectedInput, VisitError
from .lines import SOURCE
from .syntax_errors import syntax_error


def parse_raw(text: str, path: str, *, split_lines: bool = False) -> list:
    """Parse one document's text into raw blocks, or raise ArgmapError.

    ``split_lines`` splits the line-level tokens (see RawElement) into the
    tokens they are made of, for a caller that needs the place of each.
    """
    token = SOURCE.set((path, text))
    try:
        return run_parser(parser(split_lines), text)
    except ArgmapError:
        raise
    except VisitError as exc:  # an error raised inside the transformer
        if isinstance(exc.orig_exc, ArgmapError):
            raise exc.orig_exc from None
        raise
    except UnexpectedInput as exc:
        raise syntax_error(exc, path, text) from None
    finally:
        SOURCE.reset(token)
