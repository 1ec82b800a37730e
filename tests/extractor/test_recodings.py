"""recodings.tsv and the re-coding predicates: one row per predicate and one predicate per
row, every row's example sentence coded as the row says, through the real model."""
from __future__ import annotations

import pytest

import bilat
from bilat.extractor import recodings as rec
from bilat.extractor import read_doc
from bilat.actors import ActorIndex
from bilat.model import SYMMETRIC_TYPES, EventType

ROWS = rec.recodings()


def test_every_row_has_a_predicate_and_every_predicate_a_row():
    names = [r.name for r in ROWS]
    assert len(names) == len(set(names)), "a rule is listed twice"
    assert set(names) == set(rec.PREDICATES), (set(names) ^ set(rec.PREDICATES))


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_row_is_well_formed(row):
    assert row.phase in ("triggers", "modality", "recode", "placing", "statements")
    assert isinstance(row.to, EventType)
    assert row.cameo == "future" or (row.cameo.isdigit() and len(row.cameo) == 3)
    assert row.example and ">" in row.dyad, "every rule needs an example sentence and its dyad"


def _countries(actors):
    return sorted({a["country"] or "-" for a in actors})


@pytest.mark.model
@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_example_is_coded_by_its_rule(nlp, row):
    src, tgt = (sorted(side.split("+")) if side else [] for side in row.dyad.split(">"))  # "PRK>": no target
    # the rule fired on a frame that was kept
    doc = nlp(row.example)
    kept = [f for r in read_doc(doc, ActorIndex.build(doc), "2023-02-03") for f in r.frames
            if not f.dropped and row.name in f.reasons]
    assert kept, f"{row.name} did not fire on a kept frame: {row.example!r}"
    assert kept[0].type == row.to
    # and the event record has the expected type and dyad
    events = bilat.extract(row.example, "2023-02-03")
    got = [(e["type"], _countries(e["source"]), _countries(e["target"])) for e in events]
    if row.to in SYMMETRIC_TYPES:
        want = sorted(set(src + tgt))
        assert any(t == row.to.value and sorted(set(s + g)) == want for t, s, g in got), got
    else:
        assert (row.to.value, src, tgt) in got, got
