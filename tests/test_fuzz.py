"""Property-based fuzzing of every input edge (the checks and strategies of tools/fuzz.py): each
input gives records or one clear catalogue message naming it, never a crash or a hang.

Few cases per target, derandomised, so the suite stays fast and deterministic; the campaign
(``python tools/fuzz.py``, 10,000+ cases) runs the same checks at length.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bilat_fuzz", ROOT / "tools" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["bilat_fuzz"] = fuzz  # dataclasses look their module up while the file runs
_spec.loader.exec_module(fuzz)

#: cases per target in the suite; a case over HANG_SECONDS fails as a hang
CASES = {"reader": 150, "jsonl": 50, "clean": 120, "html": 50, "dates": 80, "bounds": 60, "pipeline": 30, "api": 40}
HANG_SECONDS = 20


def _run(name: str, case) -> None:
    with fuzz._deadline(HANG_SECONDS):
        fuzz.TARGETS[name].check(case)


def _fuzz_test(name: str):
    @settings(max_examples=CASES[name], derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(fuzz.TARGETS[name].strategy)
    def test(case):
        _run(name, case)
    test.__name__ = f"test_fuzz_{name}"
    test.__doc__ = fuzz.TARGETS[name].describe
    return test


test_fuzz_reader = _fuzz_test("reader")
test_fuzz_jsonl = _fuzz_test("jsonl")
test_fuzz_clean = _fuzz_test("clean")
test_fuzz_html = _fuzz_test("html")
test_fuzz_dates = _fuzz_test("dates")
test_fuzz_bounds = _fuzz_test("bounds")
test_fuzz_pipeline = pytest.mark.model(_fuzz_test("pipeline"))
test_fuzz_api = pytest.mark.model(_fuzz_test("api"))


@pytest.mark.parametrize("message,origin", [
    ("Traceback (most recent call last):", None),
    ("[B999] not in the catalogue", None),
    ("[B101] x.jsonl line 2: empty article", "y.jsonl"),
    ("[B101] two\nlines", None),
    ("[B101] \ud800 unprintable", None),
])
def test_unclear_messages_are_caught(message, origin):
    """The campaign's notion of a clear message has teeth."""
    with pytest.raises(fuzz.Unclear):
        fuzz.clear(message, origin)


def test_the_campaign_tallies_crashes_and_hangs(monkeypatch):
    def flaky(case):
        if case == 1:
            raise KeyError("bug")
        if case == 2:
            import time
            time.sleep(2)
        return "ok"

    from hypothesis import strategies as st

    target = fuzz.Target("toy", st.sampled_from([0, 1, 2]), flaky, 1.0, "toy")
    tally = fuzz.run_target(target, 30, seed=1, timeout=0.5)
    assert tally.crashes >= 1 and tally.hangs >= 1 and tally.outcomes["ok"] >= 1
    assert any("KeyError" in p["detail"] for p in tally.problems)
