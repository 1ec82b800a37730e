"""Story quality on the dev set's cross-outlet cluster, measured with shared/eval/score.py.

The dev gold labels one cross-outlet story (turkey-summons-us-amb-2017: the summons, ACCUSE,
and the meeting, CONSULT). Its REQUEST events in h035 and h038 ("It has been formally
requested that the U.S. authorities conduct a full investigation", the same sentence in
both outlets) are the same real-world request but carry no story label, so the scorer
counts linking them as a false pair. ``patched_gold`` adds that label; the official gold
is scored too, with the floor that gap allows.
"""
from __future__ import annotations

import importlib.util
import json
from dataclasses import replace

import pytest

from bilat.stories import assign_stories

from .store._data import DEV, gold_events


@pytest.fixture(scope="module")
def scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("bilat_dev_score", shared_dir / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold():
    with open(DEV / "gold.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def patched_gold():
    out = []
    for g in _gold():
        g = json.loads(json.dumps(g))
        if g["article_id"] in ("h035", "h038"):
            for e in g["events"]:
                if (e.get("types") or [e.get("type")])[0] == "REQUEST":
                    e["story"] = "turkey-summons-us-amb-2017"
        out.append(g)
    return out


def _preds(events):
    return [e.as_dict() for e in events]


def test_story_pairs_on_gold_coded_events(scorer):
    events = [e for evs in gold_events().values() for e in evs]
    stored = assign_stories(events)
    fixed = scorer.score(patched_gold(), _preds(stored))
    assert fixed["story_pair_precision"] >= 0.9 and fixed["story_pair_recall"] >= 0.9
    official = scorer.score(_gold(), _preds(stored))
    assert official["story_pair_recall"] >= 0.9 and official["story_pair_precision"] >= 0.75
    # filling story ids never changes event scores
    bare = scorer.score(_gold(), _preds([replace(e, story_id=None) for e in events]))
    assert official["strict"] == bare["strict"] and official["loose"] == bare["loose"]


@pytest.mark.model
def test_story_pairs_on_real_extracted_events(scorer):
    from bilat.ingest import read_inputs
    from bilat.model import Article
    from bilat.pipeline import process
    from bilat.settings import Settings

    settings = Settings()
    arts = [a for a in read_inputs([str(DEV / "articles.jsonl")], settings) if isinstance(a, Article)]
    events = [e for r in process(arts, settings) for e in r.events]
    stored = assign_stories(events)
    fixed = scorer.score(patched_gold(), _preds(stored))
    assert fixed["story_pair_precision"] is not None, "no cross-article story event matched strictly"
    assert fixed["story_pair_precision"] >= 0.9 and fixed["story_pair_recall"] >= 0.9
    official = scorer.score(_gold(), _preds(stored))
    assert official["story_pair_recall"] >= 0.9
    bare = scorer.score(_gold(), _preds([replace(e, story_id=None) for e in events]))
    assert official["strict"] == bare["strict"]
