"""Whose voice an element is in, in words: for tooltips, the page, the
handout and editors' hovers alike, so they all say it the same way."""

from __future__ import annotations

from .model import MergedArgument, MergedStatement
from .text import clean


def voice_notes(element: MergedStatement | MergedArgument) -> str:
    """The voice in words for a tooltip: speaker, hedge, and where and why the mapper added it."""
    voice = element.voice
    if voice is None:
        return ""
    lines = []
    if voice.speaker:
        lines.append(f"Reported: the article gives this as the view of {clean(voice.speaker)}.")
    if voice.hedge:
        lines.append(f"Hedged: the article says “{clean(voice.hedge)}”.")
    if voice.reconstructed_in:
        notes = ": " + "; ".join(clean(n) for n in voice.notes) if voice.notes else "."
        lines.append(f"Reconstructed by the mapper (in {', '.join(voice.reconstructed_in)}){notes}")
    return "\n".join(lines)
