"""errors: one numbered catalogue (STYLE #3) whose every message formats with its fields."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import bilat.errors as errors_mod
from bilat.errors import (MESSAGES, ApiError, BilatError, ExtractionError, FetchError, InputError, NotFoundError,
                          SettingsError, StoreError)

SRC = Path(errors_mod.__file__).resolve().parent
CODE = re.compile(r"^B[1-7]\d\d$")
RANGES = {"1": "input", "2": "settings and models", "3": "pipeline", "4": "store", "5": "api",
          "6": "large corpora (WARC, gzip, bilat batch)", "7": "live feeds"}


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_formats_with_its_fields(code):
    values = {name: f"<{name}>" for name in _fields(MESSAGES[code])}
    err = BilatError(code, **values)
    assert err.code == code
    assert err.message == f"[{code}] " + MESSAGES[code].format(**values)
    assert str(err) == err.message
    assert "{" not in err.message, "a placeholder was left unfilled"
    for v in values.values():
        assert v in err.message


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_codes_are_well_formed_and_messages_substantial(code):
    assert CODE.match(code), code
    assert code[1] in RANGES
    text = MESSAGES[code]
    assert len(text) >= 20 and not text.endswith(".") and text == text.strip()


def test_codes_are_unique_in_the_source():
    # a dict literal with a repeated key silently keeps the last one: check the source itself
    tree = ast.parse((SRC / "errors.py").read_text(encoding="utf-8"))
    keys = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, "id", None) == "MESSAGES" for t in targets):
                keys = [k.value for k in node.value.keys]
    assert keys, "MESSAGES literal not found"
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    assert keys == sorted(keys), "keep the catalogue in code order"


def test_every_code_used_in_the_package_is_in_the_catalogue():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"[\"'](B\d{3})[\"']", path.read_text(encoding="utf-8")))
    used.discard("B000")  # the base class's placeholder
    missing = sorted(used - set(MESSAGES))
    assert not missing, f"codes raised but not in MESSAGES: {missing}"


def test_missing_field_still_gives_a_message_with_the_code():
    err = InputError("B104", origin="a.txt")  # size and limit missing
    assert err.message.startswith("[B104] ")
    assert "a.txt" in err.message


@pytest.mark.parametrize("cls", [InputError, SettingsError, ExtractionError, StoreError, NotFoundError, ApiError, FetchError])
def test_exception_tree(cls):
    assert issubclass(cls, BilatError) and issubclass(cls, Exception)
    err = cls("B301", origin="x", detail="y")
    assert isinstance(err, BilatError) and err.values == {"origin": "x", "detail": "y"}


def test_not_found_is_a_store_error():
    assert issubclass(NotFoundError, StoreError)
