"""The Python API reads BILAT_* variables as the README says, like the command line."""
from __future__ import annotations

import pytest

import bilat

pytestmark = pytest.mark.model

TEXT = "Chile condemned Peru on Monday."


def test_extract_honours_bilat_variables(nlp, monkeypatch):
    assert bilat.extract(TEXT, "2023-02-08")
    monkeypatch.setenv("BILAT_MIN_CONFIDENCE", "0.99")
    assert bilat.extract(TEXT, "2023-02-08") == []
    # explicit settings win over the environment
    assert bilat.extract(TEXT, "2023-02-08", settings=bilat.Settings())


def test_open_store_takes_its_default_location_from_bilat_db(monkeypatch, tmp_path):
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("BILAT_DB", str(path))
    store = bilat.open_store()
    try:
        assert path.exists()
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
