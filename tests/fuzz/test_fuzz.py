"""The fuzzer of bench/fuzz.py on a CI budget: mutated fixtures never crash argmap, and fmt stays idempotent.

Hypothesis picks the seeds of the mutations (derandomized: the same cases on
every run); bench/fuzz.py runs 10 000 of them with hang and determinism
checks across processes.
"""

import importlib.util
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SPEC = importlib.util.spec_from_file_location("fuzz", Path(__file__).resolve().parents[2] / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz)
FILES = fuzz.corpus()


def test_the_corpus_is_the_projects_own_files():
    names = {Path(path).parent.name for path, _text in FILES}
    assert {"good", "bad", "ukraine-talks"} <= names
    assert len(FILES) >= 50


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32))
def test_mutated_fixtures_never_crash_and_fmt_is_idempotent(seed):
    path, text = fuzz.mutate(random.Random(seed), FILES)
    outcome = fuzz.run_case(path, text)
    assert outcome["problems"] == [], (text, outcome["problems"])
    assert fuzz.run_case(path, text)["digest"] == outcome["digest"]  # the same answer twice
