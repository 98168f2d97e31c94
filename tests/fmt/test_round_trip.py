"""argmap fmt never changes meaning and is idempotent, on every file the project has.

* every ``.argmap`` under tests/ and the shipped example: the canonical JSON
  export (``to_json(load([path]))``) is the same before and after formatting —
  read from the same path (a copy of the file's folder, so that articles and
  positions files are found), since the export names the file;
* every document of the Argdown corpus (``../shared/argdown-corpus/docs``):
  the ``argdown-json`` export is the same (it carries no line numbers: checked);
* formatting twice gives the same bytes.

Files with syntax errors are not formatted: fmt must refuse them.
"""

import shutil
from pathlib import Path

import pytest

from argmap.build.document import parse_document
from argmap.fmt.formatter import FormatError, format_text
from argmap.fmt.meaning import SYNTAX_CODES
from argmap.interchange.argdown_json import to_argdown_dict, to_argdown_json
from argmap.interchange.canonical import to_json
from argmap.merge.combine import load, read_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "argdown-corpus" / "docs"
FILES = sorted(
    [p for p in (ROOT / "tests").rglob("*.argmap")] + sorted((ROOT / "examples" / "ukraine-talks").glob("*.argmap"))
)
DOCUMENTS = sorted(CORPUS.glob("*.argdown")) if CORPUS.is_dir() else []
POSITION_KEYS = {"line", "column", "startLine", "endLine", "startColumn", "endColumn", "range", "location", "position"}


def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """A copy of each folder that holds one of the files (with its articles and positions)."""
    base = tmp_path_factory.mktemp("fmt-round-trip")
    done: dict[Path, Path] = {}

    def copy_of(path: Path) -> Path:
        folder = path.parent
        if folder not in done:
            done[folder] = base / str(len(done))
            shutil.copytree(folder, done[folder], ignore=shutil.ignore_patterns("*.svg", "*.png", "*.html"))
        return done[folder] / path.name

    return copy_of


@pytest.mark.parametrize("path", [p for p in FILES if _utf8(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_fixture_means_the_same_after_formatting(path, copies):
    copy = copies(path)
    text = copy.read_bytes().decode("utf-8-sig")
    try:
        formatted = format_text(text, str(copy))
    except FormatError as refused:
        syntax = [d for d in read_document(copy).diagnostics if d.code in SYNTAX_CODES]
        assert syntax, f"fmt refused a file without syntax errors: {refused}"
        assert {d.code for d in refused.diagnostics} <= SYNTAX_CODES
        return
    before = to_json(load([copy]))
    copy.write_text(formatted, encoding="utf-8")
    assert to_json(load([copy])) == before
    assert format_text(formatted, str(copy)) == formatted


def _keys(value, titles: bool = False) -> set[str]:
    """Every field name in the export (not the titles that key statements and arguments)."""
    if isinstance(value, dict):
        names = set() if titles else set(value)
        return names | {k for key, v in value.items() for k in _keys(v, key in ("statements", "arguments") and not titles)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@pytest.mark.skipif(not DOCUMENTS, reason=f"the Argdown corpus is not checked out at {CORPUS}")
@pytest.mark.parametrize("path", DOCUMENTS or [None], ids=lambda p: p.stem if p else "no-corpus")
def test_argdown_document_exports_the_same_after_formatting(path):
    text = path.read_bytes().decode("utf-8-sig")
    name = str(path)
    formatted = format_text(text, name)
    before = parse_document(text, name)
    after = parse_document(formatted, name)
    assert not POSITION_KEYS & _keys(to_argdown_dict(before)), "the export carries source positions: drop them here"
    assert to_argdown_json(after) == to_argdown_json(before)
    assert format_text(formatted, name) == formatted
