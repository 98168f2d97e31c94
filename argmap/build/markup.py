"""Argdown's inline markup as plain text functions: tags, links, bold and
italic markers, and shortcodes (`.^.` → ∧).

No parser here: argmap.interchange reads tags in section titles with these.
"""

from __future__ import annotations

import functools
import re

from ..core.text import normalize_title

# A '#' not preceded by a non-space. The look-behind comes after the '#' so
# the regex starts with a literal, which `re` finds by a fast scan (7x faster
# than trying a look-behind at every position).
_TAG = re.compile(r"#(?<!\S#)(?:\(([^)\r\n]+)\)|([\w\-]+))")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")


def collapse(text: str) -> str:
    return " ".join(text.split())


def tags_in(text: str) -> list[str]:
    return [_normalized_tag(a or b) for a, b in _TAG.findall(text)]


@functools.lru_cache(maxsize=4096)
def _normalized_tag(tag: str) -> str:
    # a map uses a handful of tags over and over
    return normalize_title(tag)


def plain_text(text: str) -> str:
    """Argdown's text: links shown by their words, bold and italic markers dropped."""
    if "](" in text:  # the cheap tests skip the regexes for most texts
        text = _LINK.sub(r"\1", text)
    if "*" not in text and "_" not in text:
        return text
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)


def untagged(text: str) -> str:
    return collapse(_TAG.sub("", text))


# Argdown's shortcodes: `.^.` or `:^:` is shown as ∧, `:heart:` as ❤ (@argdown/core 2.0).
_SHORTCODE_CHARS = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧", "v": "∨", "v_": "⊻",
    "<>": "◇", "[]": "◻", "happy": "😀", "smiley": "☺", "laugh": "😆", "lol": "😆", "rofl": "🤣",
    "joy": "😂", "heart": "❤", "?": "❓", "question": "❓", "love": "😍", "wink": "😉", "shush": "🤫",
    "meh": "😐", "eye-roll": "🙄", "sad": "😢", "disappointed": "😞", "scream": "😱", "+1": "👍", "up": "👍",
    "-1": "👎", "down": "👎", "think": "🤔", "star": "⭐", "y": "✔", "agree": "✔", "n": "❌", "disagree": "❌",
}
SHORTCODES = {f"{d}{name}{d}": char for name, char in _SHORTCODE_CHARS.items() for d in ".:"}
SHORTCODES.update({":smile:": "☺️", ".smile.": "☺"})
_SHORTCODE = re.compile(r"([.:])[^\s.:]{1,12}\1")


def shortcodes(text: str) -> str:
    """Replace Argdown's shortcodes by the characters they stand for."""
    if "." not in text and ":" not in text:
        return text
    return _SHORTCODE.sub(lambda m: SHORTCODES.get(m.group(0), m.group(0)), text)
