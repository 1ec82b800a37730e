"""Shared fixtures. Fixture groups live in tests/fixtures_*.py and load here, so one
conftest stays the single entry point (spaCy's tests/README.md)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BILAT_SHARED", ROOT.parent / "shared"))
DATA = Path(__file__).resolve().parent / "data"

pytest_plugins = [p for p in ("tests.fixtures_pg", "tests.fixtures_web", "tests.fixtures_http") if (ROOT / (p.replace(".", "/") + ".py")).exists()]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The real pinned pipeline, loaded once per test run."""
    from bilat.nlp import load_nlp
    from bilat.settings import Settings

    return load_nlp(Settings().model)
