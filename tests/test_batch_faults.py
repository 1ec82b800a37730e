"""One bad article never stops a batch (STYLE #6), for the faults found by the issue-10 audit:
an article longer than spaCy's ``max_length`` (processed in parts, offsets kept). Each case runs through the pipeline and
through ``bilat extract`` / ``bilat ingest`` with the real model."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.ingest import read_inputs
from bilat.model import Article, Failure
from bilat.pipeline import process
from bilat.settings import Settings

pytestmark = pytest.mark.model

GOOD = {"id": "good", "published": "2023-09-04",
        "text": "Japan urged China to lift the ban on seafood imports on Monday."}
EVENT = "Chinese Foreign Minister Wang Yi on Thursday urged Japan to stop the release of wastewater."
LAST = "Japan's Prime Minister Fumio Kishida on Friday rejected China's demand to halt the release."
WORDS = ("weather capital mild markets calm week farmers harvest rain river bridge school teachers "
         "museum opened festival music crowds trains delayed snow mountain village bakery prices").split()


def _long_text(n_chars: int) -> str:
    """Distinct filler paragraphs (clean() drops repeats) between two event sentences."""
    import random

    rng = random.Random(7)
    paras = [EVENT]
    while sum(map(len, paras)) < n_chars:
        paras.append("The " + " ".join(rng.choice(WORDS) for _ in range(30)) + ".")
    return "\n".join(paras + [LAST])


@pytest.fixture
def small_max_length(nlp, monkeypatch):
    """spaCy's limit lowered to 3,000 characters, so 'over the limit' is cheap to test."""
    monkeypatch.setattr(nlp, "max_length", 3000)
    return 3000


def test_article_over_spacys_max_length_is_processed_in_parts(small_max_length):
    long = Article(id="long", text=_long_text(10_000), published="2023-09-07", origin="long")
    short = Article(id=GOOD["id"], text=GOOD["text"], published=GOOD["published"], origin="good")
    assert len(long.text) > 3 * small_max_length
    results = list(process([long, short], Settings()))
    assert [r.article.id for r in results] == ["long", "good"]
    assert all(r.failure is None for r in results), [r.failure for r in results]
    long_events = results[0].events
    # both event sentences, the first and the last paragraph, are found; offsets are into the text as given
    starts = sorted(e.evidence[0].start for e in long_events)
    assert starts[0] == 0 and starts[-1] == len(long.text) - len(LAST)
    for e in long_events:
        ev = e.evidence[0]
        assert long.text[ev.start:ev.end] == ev.sentence
    assert len({e.event_id for e in long_events}) == len(long_events)
    assert results[1].events


def test_extract_cli_keeps_the_batch_with_a_long_article(small_max_length, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "long", "text": _long_text(8000)}) + "\n" + json.dumps(GOOD) + "\n")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    ids = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert ids == {"long", "good"}
