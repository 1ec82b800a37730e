"""benchmarks/dict_coder.py: the plain dictionary coder that bilat's recall is compared with."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("dict_coder", ROOT / "benchmarks" / "dict_coder.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


coder = _load()


def test_codes_a_request_from_subject_country_to_the_other(nlp):
    article = {"id": "t-1", "published": "2024-05-06",
               "text": "Brazil urged Argentina to reopen the border crossing. The weather stayed mild all week."}
    events = coder.code_articles([article])
    requests = [e for e in events if e["type"] == "REQUEST"]
    assert len(requests) == 1
    ev = requests[0]
    assert [a["country"] for a in ev["source"]] == ["BRA"]
    assert [a["country"] for a in ev["target"]] == ["ARG"]
    assert ev["date"] == "2024-05-06" and ev["article_id"] == "t-1"
    assert article["text"][ev["evidence"][0]["start"]:ev["evidence"][0]["end"]].startswith("Brazil urged")


@pytest.mark.parametrize("article_id, half", [
    ("seed-000", "both"), ("seed-004", "both"), ("h012", "even"), ("h013", "odd"), ("x", "both"),
])
def test_halves(article_id, half):
    assert coder.half_of(article_id) == half
