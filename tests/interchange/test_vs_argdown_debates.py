"""bench/vs_argdown.py --debates: copies of the corpus's example debates that do not merge.

The timing itself needs Argdown's binary and is run by hand; what is checked
here is the document it times: as large as asked, every copy its own
elements (so the document grows like a longer debate, not like the same one
written again), and a model equal to that many times one copy's.
"""

import importlib.util
from pathlib import Path

import pytest

from argmap.interchange.argdown_json import to_argdown_dict
from argmap.build.document import parse_document
from argmap.core.model import Severity

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT.parent / "shared" / "argdown-corpus"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("vs_argdown", ROOT / "bench" / "vs_argdown.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts(text: str) -> tuple[int, int, int]:
    model = to_argdown_dict(parse_document(text, "debates.argdown"))
    return len(model["statements"]), len(model["arguments"]), len(model["relations"])


@pytest.mark.skipif(not (CORPUS / "docs").is_dir(), reason=f"the Argdown corpus is not checked out at {CORPUS}")
def test_copies_of_the_debates_are_independent(bench):
    one = bench.debates(CORPUS, 1)  # one copy of the seven debates
    three = bench.debates(CORPUS, 2 * len(one) + 1)
    assert len(three) >= 2 * len(one) + 1 and len(three) < 4 * len(one)
    assert "[Intro 1.1]" in one and "[Intro 1.3]" in three
    assert tuple(3 * n for n in counts(one)) == counts(three)
    assert not [d for d in parse_document(three, "debates.argdown").diagnostics if d.severity is Severity.ERROR]
