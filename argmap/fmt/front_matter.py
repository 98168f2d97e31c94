"""fmt's front matter: top-level YAML keys in canonical order, only when PyYAML reads the same mapping."""

from __future__ import annotations

import re

from .units import BLANK

CANONICAL_KEYS = ("source", "positions", "model")

_YAML_KEY = re.compile(r"""^(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)'|(?P<plain>[^\s#'"\[\]{},&*!|>%@`?:-][^:#\n]*?))[ \t]*:(?:[ \t]|$)""")


def front_matter_body(token_value: str) -> list[str]:
    """The front matter's YAML lines: keys in canonical order, trailing white space removed.

    Every change is checked: the YAML must load (PyYAML, as build.py reads it)
    to the same mapping, or the lines stay as they were written.
    """
    import yaml

    from ..build.front_matter import load_yaml

    lines = token_value.split("\n")[1:-1]
    original = "\n".join(lines)
    try:
        data = load_yaml(original) if original.strip(BLANK) else {}
    except yaml.YAMLError:
        return lines
    if not isinstance(data, dict):
        return lines
    stripped = [line.rstrip(" \t") for line in lines]
    while stripped and not stripped[0]:
        stripped.pop(0)
    while stripped and not stripped[-1]:
        stripped.pop()
    wanted = [k for k in CANONICAL_KEYS if k in data] + [k for k in data if k not in CANONICAL_KEYS]
    for candidate in (_reordered(stripped), stripped, _reordered(lines), lines):
        if candidate is None:
            continue
        try:
            loaded = load_yaml("\n".join(candidate)) if "\n".join(candidate).strip(BLANK) else {}
        except yaml.YAMLError:
            continue
        if isinstance(loaded, dict) and loaded == data and list(loaded) in (wanted, list(data)):
            return candidate  # the first candidate that means the same: reordered if that is safe
    return lines


def _reordered(lines: list[str]) -> list[str] | None:
    """Top-level keys in canonical order, or None when the keys cannot be told apart.

    A key moves with its value's lines and the comment lines directly above it;
    a blank line above a key stays above it (except above the first key);
    lines before the first key's comments and after the last key's value stay
    where they are.
    """
    keys: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        match = _YAML_KEY.match(line)
        if match:
            keys.append((number, match.group("dq") or match.group("sq") or match.group("plain")))
    names = [name for _number, name in keys]
    if not keys or len(set(names)) != len(names):
        return None
    order = [k for k in CANONICAL_KEYS if k in names] + [k for k in names if k not in CANONICAL_KEYS]
    if order == names:
        return lines
    starts = []
    for index, (number, _name) in enumerate(keys):
        floor = keys[index - 1][0] + 1 if index else 0
        while number > floor and lines[number - 1].startswith("#"):
            number -= 1
        starts.append(number)
    end = len(lines)
    while end > keys[-1][0] + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    chunks: dict[str, list[str]] = {}
    spaced: dict[str, bool] = {}  # a blank line above the key
    for index, (_number, name) in enumerate(keys):
        chunk = lines[starts[index] : starts[index + 1] if index + 1 < len(keys) else end]
        trimmed = len(chunk)
        while trimmed > 1 and not chunk[trimmed - 1].strip():
            trimmed -= 1
        chunks[name] = chunk[:trimmed]
        if index + 1 < len(keys):
            spaced[keys[index + 1][1]] = trimmed < len(chunk)
    out = lines[: starts[0]]
    for position, name in enumerate(order):
        if position and spaced.get(name):
            out.append("")
        out.extend(chunks[name])
    return out + lines[end:]
