"""The voice of a merged element: who speaks, how sure, and in which sources
the element is the mapper's reconstruction rather than the article's."""

from __future__ import annotations

from typing import Sequence

from ..core.errors import warning
from ..core.model import Diagnostic, Document, MergedVoice


def merged_voice(occurrences: Sequence[tuple[Document, object]], diagnostics: list[Diagnostic], sigil: str) -> MergedVoice | None:
    """One voice from every occurrence's; None when no occurrence has one.

    A speaker or hedge is a property of the claim's text, so two different
    ones for one title are a conflict (warned, first kept), as two texts are.
    """
    speaker = hedge = ""
    first: dict[str, tuple[str, object]] = {}
    reconstructed_in: dict[str, None] = {}
    notes: dict[str, None] = {}
    for doc, element in occurrences:
        voice = element.voice
        if voice is None:
            continue
        for key, value in (("speaker", voice.speaker), ("hedge", voice.hedge)):
            if not value:
                continue
            if key not in first:
                first[key] = (value, element.span)
            elif first[key][0] != value:
                diagnostics.append(
                    warning("conflicting-voice", element.span, "give one of them a different title, or make them agree", element=sigil.format(element.title), key=key, found=value, other=first[key][0], where=str(first[key][1]))
                )
        if voice.reconstructed is not None:
            reconstructed_in[doc.source.id] = None
            if voice.reconstructed:
                notes[voice.reconstructed] = None
    if not first and not reconstructed_in:
        return None
    speaker = first.get("speaker", ("", None))[0]
    hedge = first.get("hedge", ("", None))[0]
    return MergedVoice(speaker, hedge, tuple(reconstructed_in), tuple(notes))
