"""`argmap evaluate`'s output: the evaluation as text for people or JSON for programs.

The text starts with the line a teacher quotes, each position's claims by
grounded label, then every element with its label and why, then the
extensions asked for and what they accept. The JSON has every element's
grounded label and the extensions, lists sorted, so the same map always
gives the same bytes.
"""

from __future__ import annotations

import orjson

from .evaluation import Evaluation
from .grounded import Label

LABEL_ORDER = (Label.IN, Label.OUT, Label.UNDEC)


def to_json(evaluation: Evaluation) -> str:
    data: dict[str, object] = {"semantics": list(evaluation.semantics), "grounded": dict(evaluation.grounded)}
    for name in evaluation.semantics[1:]:
        data[name] = [list(extension) for extension in getattr(evaluation, name)]
    if len(evaluation.semantics) > 1:
        data["credulous"] = {name: list(keys) for name, keys in evaluation.credulous.items()}
        data["sceptical"] = {name: None if keys is None else list(keys) for name, keys in evaluation.sceptical.items()}
        data["truncated"] = list(evaluation.truncated)
        data["max_extensions"] = evaluation.max_extensions
    data["positions"] = [
        {"tag": p.tag, "label": p.label, "claims": p.claims, "in": p.in_count, "out": p.out_count, "undec": p.undec_count}
        for p in evaluation.positions
    ]
    data["explanations"] = dict(evaluation.explanations)
    # orjson: the standard library's encoder falls back to pure Python when indenting
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]


def _share(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole)}%)" if whole else "0"


def to_text(evaluation: Evaluation) -> str:
    framework = evaluation.framework
    labels = [Label(evaluation.grounded[key]) for key in framework.keys]
    statements = sum(key.startswith("[") for key in framework.keys)
    tally = ", ".join(f"{label.name} {labels.count(label)}" for label in LABEL_ORDER)
    out = [
        f"Evaluated: {_plural(statements, 'statement')}, {_plural(len(framework.keys) - statements, 'argument')}, "
        f"{_plural(evaluation.attacks, 'attack')}; grounded labels: {tally}",
        "",
        "Positions: their claims by grounded label (IN stands, OUT is defeated, UNDEC is undecided)",
    ]
    rows = [["position", "claims", "IN", "OUT", "UNDEC"]]
    for p in evaluation.positions:
        rows.append([p.label, str(p.claims), _share(p.in_count, p.claims), _share(p.out_count, p.claims), _share(p.undec_count, p.claims)])
    out += _table(rows, right={1, 2, 3, 4}) if evaluation.positions else ["  (no positions are declared)"]
    out += ["", "Grounded labels, and why ('→' reads 'attacks')"]
    for label in LABEL_ORDER:
        for i, key in enumerate(framework.keys):
            if labels[i] is label:
                out.append(f"  {label.name:<5}  {framework.names[i]}: {evaluation.explanations[key]}")
    for name in evaluation.semantics[1:]:
        out += ["", *_extensions_text(evaluation, name, labels)]
    if len(evaluation.semantics) > 1:
        out += ["", *_acceptance_text(evaluation, labels)]
    return "\n".join(out) + "\n"


def _extensions_text(evaluation: Evaluation, name: str, labels: list[Label]) -> list[str]:
    """The extensions, each as what it adds to the IN elements (every one contains them all)."""
    framework, listed = evaluation.framework, getattr(evaluation, name)
    more = f", the first {evaluation.max_extensions} listed (--max-extensions)" if name in evaluation.truncated else ""
    count = f"more than {evaluation.max_extensions}" if name in evaluation.truncated else str(len(listed))
    out = [f"{name.capitalize()} extensions: {count}{more}"]
    if not listed:
        return out + ["  none: no set of elements that do not attack one another attacks every element outside it"]
    undecided = {key for i, key in enumerate(framework.keys) if labels[i] is Label.UNDEC}
    base = "the IN elements" if Label.IN in labels else ""
    for number, extension in enumerate(listed, 1):
        added = ", ".join(framework.names[framework.index(key)] for key in extension if key in undecided)
        if base:
            out.append(f"  {number}. {base}, and {added}" if added else f"  {number}. {base} only")
        else:
            out.append(f"  {number}. {added or 'the empty set'}")
    return out


def _acceptance_text(evaluation: Evaluation, labels: list[Label]) -> list[str]:
    """Acceptance per element: only UNDEC elements can differ (IN ones are in every extension, OUT ones in none)."""
    framework = evaluation.framework
    names = evaluation.semantics[1:]
    out = ["Acceptance: every IN element is in every extension, every OUT element in none; the UNDEC elements:"]
    undecided = [i for i, label in enumerate(labels) if label is Label.UNDEC]
    if not undecided:
        return out + ["  (none)"]
    rows = [["element", *names]]
    for i in undecided:
        rows.append([framework.names[i], *(_acceptance(evaluation, name, framework.keys[i]) for name in names)])
    out += _table(rows, right=set())
    notes = {
        "sceptical": "in every extension",
        "credulous": "in some but not every extension",
        "rejected": "in no extension",
        "credulous?": "in some extension; whether in every one is unknown (the list was cut short)",
        "none": "there is no extension",
    }
    used = {cell for row in rows[1:] for cell in row[1:]}
    out.append("  " + "; ".join(f"{word}: {meaning}" for word, meaning in notes.items() if word in used))
    return out


def _acceptance(evaluation: Evaluation, name: str, key: str) -> str:
    credulous, sceptical = evaluation.credulous[name], evaluation.sceptical[name]
    if sceptical is None and not credulous:
        return "none" if name not in evaluation.truncated else "rejected"
    if key not in credulous:
        return "rejected"
    if sceptical is None:
        return "credulous?"
    return "sceptical" if key in sceptical else "credulous"
