#!/usr/bin/env python3
"""Argdown compatibility: our argdown-json export against Argdown's own, per document.

Usage:  python bench/argdown_compat.py CORPUS_DIR [--min K] [-v]

For every ``CORPUS_DIR/docs/*.argdown`` this exports the document in the shape
of ``argdown json`` (in-process, the same code as
``argmap export --format argdown-json``), pipes that JSON through the corpus's
own ``normalize.py -`` and compares the summary with ``expected/NAME.json``.
It prints, per document, the summary fields that differ, then

    model fields: K/N identical   (statements, arguments, pcs, pcs_roles,
                                   relations_detailed, inference_relations)
    texts / tags / sections:       K/N each
    fully identical summaries:     K/N

and exits 1 when fewer than ``--min`` documents are identical on the model
fields (default 30).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.interchange.argdown_json import to_argdown_json  # noqa: E402
from argmap.merge.combine import read_document  # noqa: E402
from argmap.core.model import Severity  # noqa: E402

MODEL_FIELDS = ("statements", "arguments", "pcs", "pcs_roles", "relations_detailed", "inference_relations")
GROUPS = {
    "texts": ("statement_texts", "argument_texts"),
    "tags": ("tags", "element_tags"),
    "sections": ("sections",),
}


def normalized_export(document_path: Path, normalize: Path) -> dict:
    """Our export of one document, summarised by the corpus's normalize.py."""
    document = read_document(document_path)
    errors = [d for d in document.diagnostics if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        raise ValueError(f"{first.span}: {first.message}")
    done = subprocess.run(
        [sys.executable, str(normalize), "-"],
        input=to_argdown_json(document),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(done.stdout)


def differing_fields(got: dict, expected: dict) -> list[str]:
    return [key for key in expected if got.get(key) != expected[key]] + [key for key in got if key not in expected]


def compare(corpus: Path, document_path: Path) -> tuple[list[str], dict, dict]:
    """(differing fields, our summary, expected summary) of one corpus document."""
    expected = json.loads((corpus / "expected" / f"{document_path.stem}.json").read_text(encoding="utf-8"))
    got = normalized_export(document_path, corpus / "normalize.py")
    return differing_fields(got, expected), got, expected


def _show(field: str, got, expected) -> str:
    if isinstance(expected, list) and isinstance(got, list):
        exp = {json.dumps(x, ensure_ascii=False) for x in expected}
        ours = {json.dumps(x, ensure_ascii=False) for x in got}
        return f"      missing {sorted(exp - ours)}\n      extra   {sorted(ours - exp)}"
    if isinstance(expected, dict) and isinstance(got, dict):
        keys = sorted(k for k in {*expected, *got} if expected.get(k) != got.get(k))
        return "\n".join(f"      {k}: expected {expected.get(k)!r}, got {got.get(k)!r}" for k in keys)
    return f"      expected {expected!r}, got {got!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the argdown-corpus directory (docs/, expected/, normalize.py)")
    parser.add_argument("--min", type=int, default=30, help="fail below this many documents identical on the model fields (default 30)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show what differs in each field")
    args = parser.parse_args(argv)

    documents = sorted((args.corpus / "docs").glob("*.argdown"))
    if not documents:
        print(f"no documents in {args.corpus / 'docs'}", file=sys.stderr)
        return 2
    model_ok = 0
    group_ok = dict.fromkeys(GROUPS, 0)
    full_ok = 0
    for path in documents:
        try:
            fields, got, expected = compare(args.corpus, path)
        except (OSError, ValueError, subprocess.CalledProcessError, json.JSONDecodeError) as exc:
            print(f"{path.stem}: FAILED: {exc}")
            continue
        model_ok += not any(f in MODEL_FIELDS for f in fields)
        for group, members in GROUPS.items():
            group_ok[group] += not any(f in members for f in fields)
        full_ok += not fields
        if fields:
            print(f"{path.stem}: differs in {', '.join(fields)}")
            if args.verbose:
                for field in fields:
                    print(f"    {field}:\n{_show(field, got.get(field), expected.get(field))}")
        else:
            print(f"{path.stem}: identical")
    n = len(documents)
    print()
    print(f"model fields: {model_ok}/{n} identical ({', '.join(MODEL_FIELDS)})")
    for group in GROUPS:
        print(f"{group}: {group_ok[group]}/{n} identical")
    print(f"fully identical summaries: {full_ok}/{n}")
    # the closing line CI reads: documents identical with Argdown on the model fields
    print(f"argdown-compat: {model_ok} passed, {n - model_ok} failed")
    if model_ok < args.min:
        print(f"below the target: {model_ok} < {args.min}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
