"""Whose voice an element is in: the inline data keys ``speaker``, ``hedge``
and ``reconstructed`` read into a :class:`~argmap.core.model.Voice`.

Other keys of inline data stay plain data (Argdown ignores keys it does not
know, and so do we); these three carry meaning, so a value that cannot mean
anything gets a warning instead of being drawn wrongly.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..core.errors import warning
from ..core.model import Diagnostic, Span, Voice

VOICE_KEYS = ("speaker", "hedge", "reconstructed")
_LIMIT = 200  # characters: a speaker or hedge is a few words, not a paragraph


def voice_of(data: Mapping[str, Any], span: Span, diagnostics: list[Diagnostic]) -> Voice | None:
    """The element's voice, or None when its data says nothing about it (the usual case)."""
    if not any(key in data for key in VOICE_KEYS):
        return None
    speaker = _words(data, "speaker", span, diagnostics)
    hedge = _words(data, "hedge", span, diagnostics)
    reconstructed = _reconstructed(data, span, diagnostics)
    if not (speaker or hedge or reconstructed is not None):
        return None
    return Voice(speaker, hedge, reconstructed)


def _words(data: Mapping[str, Any], key: str, span: Span, diagnostics: list[Diagnostic]) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        diagnostics.append(warning("voice-value", span, _HINTS[key], key=key, expected="a few words of text", found=_kind(value)))
        return ""
    words = " ".join(str(value).split())
    if len(words) > _LIMIT:
        diagnostics.append(warning("voice-value", span, _HINTS[key], key=key, expected=f"at most {_LIMIT} characters", found=f"{len(words)} characters"))
        return words[: _LIMIT - 1] + "…"
    return words


def _reconstructed(data: Mapping[str, Any], span: Span, diagnostics: list[Diagnostic]) -> str | None:
    if "reconstructed" not in data:
        return None
    value = data["reconstructed"]
    if value is True:
        return ""
    if value is False or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return " ".join(str(value).split())
    diagnostics.append(warning("voice-value", span, _HINTS["reconstructed"], key="reconstructed", expected="true or a note", found=_kind(value)))
    return None


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list"}.get(type(value), type(value).__name__)


_HINTS = {
    "speaker": "name who the article reports as saying it, e.g. {speaker: the Kremlin}",
    "hedge": "give the article's qualifier, e.g. {hedge: may}",
    "reconstructed": 'write {reconstructed: true} or {reconstructed: "why the mapper adds it"}',
}
