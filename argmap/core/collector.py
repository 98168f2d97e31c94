"""Pausing Python's cyclic garbage collector around the stages that allocate a lot.

Parsing, building, merging and exporting a large map each make hundreds of
thousands of small objects that stay alive and form no reference cycles. The
collector, triggered by every few hundred allocations, would only rescan them
again and again: at 20 000 statements that doubled the time of a parse and
made an in-process export six times slower. Reference counting still frees
whatever is dropped. The command-line tool pauses the collector for its whole
(short) run; library users, ``argmap watch`` and the Sphinx directive get
these pauses around each stage.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (nesting is fine); restore it after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
