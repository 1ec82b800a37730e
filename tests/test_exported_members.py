"""The public API is tiny (STYLE #12): this fails when something leaks into ``bilat``.

Modelled on httpx's tests/test_exported_members.py. Adding a public name is a
decision: change EXPECTED here in the same commit.
"""
from __future__ import annotations

import __future__
import subprocess
import sys
import types

import bilat

EXPECTED = {
    "Actor",
    "Article",
    "Event",
    "EventType",
    "Evidence",
    "Location",
    "Settings",
    "Story",
    "__version__",
    "extract",
    "load_settings",
    "open_store",
}


def test_all_is_exactly_the_expected_set():
    assert set(bilat.__all__) == EXPECTED
    assert len(bilat.__all__) == len(EXPECTED), "duplicates in __all__"
    assert bilat.__all__ == sorted(bilat.__all__), "keep __all__ sorted"


def test_every_name_in_all_exists():
    for name in bilat.__all__:
        assert hasattr(bilat, name), name


def test_nothing_public_leaks():
    # submodules become attributes once imported (bilat.model, bilat.settings...): they
    # are reached by their module path, not as members; `annotations` is the
    # `from __future__ import annotations` feature flag
    leaked = {
        name for name, value in vars(bilat).items()
        if not name.startswith("_") and not isinstance(value, (types.ModuleType, __future__._Feature))
    } - EXPECTED
    assert not leaked, f"public names not in __all__: {sorted(leaked)}"


def test_star_import_gives_the_expected_set():
    ns: dict = {}
    exec("from bilat import *", ns)
    assert {k for k in ns if k != "__builtins__"} == EXPECTED


def test_importing_bilat_does_not_load_spacy_or_the_store():
    # `import bilat` stays cheap: the model and the database layer load on first use
    code = "import sys, bilat; print(sorted(m for m in ('spacy', 'sqlalchemy', 'bilat.pipeline') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_records_come_from_the_model_module():
    for name in ("Actor", "Article", "Event", "EventType", "Evidence", "Location", "Story"):
        assert getattr(bilat, name).__module__ == "bilat.model"


def test_version_is_a_string():
    assert isinstance(bilat.__version__, str) and bilat.__version__.count(".") >= 2
