"""The view options of a drawing and their vocabularies.

Light on purpose: the CLI and ``embed`` read these while parsing options,
before (and often without) anything is drawn, so this module imports nothing
of the drawing stage.
"""

from __future__ import annotations

from dataclasses import dataclass

LABEL_MODES = ("title", "text", "both")
GROUPINGS = ("none", "position", "source", "section")
RANKDIRS = ("TB", "LR")


@dataclass(frozen=True, slots=True)
class ViewOptions:
    labels: str = "both"
    wrap: int = 32
    group_by: str = "none"
    pcs: bool = False
    focus: str | None = None
    depth: int = 2
    position: str | None = None
    source: str | None = None
    legend: bool = True
    rankdir: str = "TB"
    evaluate: bool = False  # mark each element with its grounded label (argmap.analyse)

    def __post_init__(self) -> None:
        # The CLI validates these already; this guards library callers.
        if self.labels not in LABEL_MODES or self.group_by not in GROUPINGS or self.rankdir not in RANKDIRS:
            raise ValueError(f"bad view options: {self}")
        if self.wrap < 8 or self.depth < 0:
            raise ValueError("wrap must be at least 8 and depth at least 0")
