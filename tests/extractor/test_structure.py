"""The extractor's shape (issue 8): the phase order in one place, small modules and
functions, rules as data, types through EventType. Plain checks of the source."""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from bilat.extractor import PHASES, words
from bilat.model import EventType

PACKAGE = Path(importlib.import_module("bilat.extractor").__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
ORDER = ["modality", "speech", "source", "target", "recode", "placing", "fallbacks", "gate"]


def test_phase_order_is_the_documented_one():
    assert [name for name, _ in PHASES] == ORDER  # after 'triggers', which makes the frames


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_modules_and_functions_stay_small(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 300, f"{path.name}: split it by what it decides"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno - node.lineno + 1 <= 60, f"{path.name}:{node.name} is over 60 lines"


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_no_type_or_cameo_code_as_a_bare_string(path):
    types = {t.value for t in EventType}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert node.value not in types, f"{path.name}:{node.lineno}: use EventType.{node.value}"
            assert not re.fullmatch(r"\d{2,4}", node.value), f"{path.name}:{node.lineno}: CAMEO code {node.value!r} in code"


def test_every_word_list_is_used():
    used = "".join(p.read_text(encoding="utf-8") for p in MODULES)
    # a trigger row's objects may name a list ('@crossings'): the trigger table reads it
    tables = "".join((PACKAGE.parent / "data" / t).read_text(encoding="utf-8") for t in ("triggers.tsv", "nouns.tsv"))
    for name in words.list_names():
        assert f'"{name}"' in used or re.search(rf"@{name}\b", tables), \
            f"[{name}] in extract_words.txt is read by nothing"


def test_no_token_is_compared_by_identity():
    # spaCy makes a new Token object at every access: "t.head is t" is never true, "x is not t" always is
    import re
    from pathlib import Path
    src = Path(__file__).resolve().parents[2] / "src" / "bilat"
    pattern = re.compile(r"\b\w+(?:\.head)+ is (?:not )?\w+\b|\b(?:t|tok|verb|gov|h|noun|anchor) is (?:not )?(?:t|tok|verb|gov|h|noun|anchor|f\.\w+)\b")
    found = [f"{p.name}:{n}" for p in src.rglob("*.py")
             for n, line in enumerate(p.read_text().splitlines(), 1) if pattern.search(line) and "None" not in line]
    assert not found, found
