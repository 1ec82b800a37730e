"""dedup: within-article collapse (spec §4) and content-derived, stable, unique ids.

Events are built by hand here: the rules are tested without the model.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bilat.dedup import assign_ids, collapse, stable_id
from bilat.model import Actor, Event, Evidence, Location

CHN = Actor(kind="state", country="CHN")
JPN = Actor(kind="state", country="JPN")
KOR = Actor(kind="state", country="KOR")
WANG = Actor(name="Wang Yi", kind="person", country="CHN", sector="GOV", role="Foreign Minister")


def ev(etype="REQUEST", source=(CHN,), target=(JPN,), date="2023-11-25", start=0, sentence="s.", article="a1", **kw):
    return Event(event_id="", article_id=article, type=etype, source=tuple(source), target=tuple(target), date=date,
                 date_basis="explicit" if date else "unknown",
                 evidence=(Evidence(sentence, start, start + len(sentence)),), **kw)


# ---------------------------------------------------------------- collapse

def test_same_type_dyad_and_date_is_one_event_with_all_evidence():
    # "Several demands made in one meeting are one REQUEST" (spec §4)
    a = ev(start=0, sentence="China urged Japan to stop.", issues=("nuclear-wastewater",), confidence=0.6)
    b = ev(start=40, sentence="China also asked Japan to talk.", issues=("seafood-import-ban",), confidence=0.9)
    out = collapse([a, b])
    assert len(out) == 1
    merged = out[0]
    assert [e.start for e in merged.evidence] == [0, 40]
    assert merged.issues == ("nuclear-wastewater", "seafood-import-ban")
    assert merged.confidence == 0.9


@pytest.mark.parametrize("second", [
    ev(date="2023-11-24", start=40),  # another day
    ev(date="2023-11", start=40),  # a background meeting in mid-November vs the main one on the 25th
    ev(etype="ACCUSE", start=40),  # another type
    ev(target=(KOR,), start=40),  # another target
    ev(source=(JPN,), target=(CHN,), start=40),  # the reverse direction of a directed type
])
def test_different_events_stay_apart(second):
    assert len(collapse([ev(), second])) == 2


@pytest.mark.parametrize("etype", ["CONSULT", "AGREE", "COOPERATE"])
def test_symmetric_types_ignore_direction(etype):
    a = ev(etype=etype, source=(CHN,), target=(JPN,))
    b = ev(etype=etype, source=(JPN,), target=(CHN,), start=30)
    c = ev(etype=etype, source=(CHN, JPN), target=(), start=60)
    assert len(collapse([a, b, c])) == 1


def test_one_meeting_told_from_both_sides_has_each_party_once():
    # "Wang Yi visited Tokyo ... Japan held talks with him": not CHN,JPN -> JPN,CHN
    visit = ev(etype="CONSULT", source=(CHN,), target=(JPN,))
    talks = ev(etype="CONSULT", source=(JPN,), target=(WANG,), start=30)
    merged = collapse([visit, talks])[0]
    assert merged.source == (WANG, JPN) and merged.target == (), merged


def test_undated_record_merges_into_dated_one_and_the_date_survives():
    out = collapse([ev(date=None, start=0), ev(date="2023-11-25", start=50)])
    assert len(out) == 1
    assert out[0].date == "2023-11-25"
    assert out[0].date_basis == "explicit"


def test_an_undated_background_telling_merges_into_the_dated_main_act():
    # "Japan lodged a protest with China on Friday ... Tokyo had conveyed its serious concerns to Beijing"
    main = ev(etype="ACCUSE", start=0, salience="main")
    told_again = ev(etype="ACCUSE", date=None, start=80, salience="background")
    assert len(collapse([main, told_again])) == 1
    assert len(collapse([told_again, main])) == 1
    # a dated background act stays apart from the main one
    assert len(collapse([main, ev(etype="ACCUSE", date="2023-11", start=80, salience="background")])) == 2


def test_person_beats_bare_state_when_merging_actors():
    out = collapse([ev(source=(CHN,)), ev(source=(WANG,), start=30)])
    assert out[0].source == (WANG,)


def test_two_people_of_one_country_both_stay_when_merging_actors():
    # two officials who protested for China in two sentences are two members of one record;
    # the bare state folds into the first of them
    qin = Actor(name="Qin Gang", kind="person", country="CHN", sector="GOV", role="Foreign Minister")
    out = collapse([ev(source=(WANG,)), ev(source=(CHN,), start=30), ev(source=(qin,), start=60)])
    assert len(out) == 1 and out[0].source == (WANG, qin)
    # the same person named twice stays one member
    assert collapse([ev(source=(WANG,)), ev(source=(WANG,), start=30)])[0].source == (WANG,)


def test_order_is_kept_and_evidence_sorted():
    a = ev(etype="ACCUSE", start=100)
    b = ev(etype="REQUEST", start=10)
    c = ev(etype="ACCUSE", start=5)
    out = collapse([a, b, c])
    assert [e.type for e in out] == ["ACCUSE", "REQUEST"]
    assert [x.start for x in out[0].evidence] == [5, 100]


def test_identical_evidence_is_kept_once():
    out = collapse([ev(), ev()])
    assert len(out) == 1 and len(out[0].evidence) == 1


def test_location_and_mode_are_kept_from_either_record():
    loc = Location("Busan", "KOR")
    out = collapse([ev(etype="CONSULT"), ev(etype="CONSULT", start=20, mode="visit", location=loc)])
    assert out[0].mode == "visit" and out[0].location == loc


def test_two_ngos_without_a_country_stay_apart_and_one_ngo_merges():
    amnesty = Actor(name="Amnesty International", kind="organization")
    hrw = Actor(name="Human Rights Watch", kind="organization")
    apart = collapse([ev("ACCUSE", (amnesty,), (CHN,)), ev("ACCUSE", (hrw,), (CHN,), start=10)])
    assert [e.source[0].name for e in apart] == ["Amnesty International", "Human Rights Watch"]
    merged = collapse([ev("ACCUSE", (amnesty,), (CHN,)), ev("ACCUSE", (amnesty,), (CHN,), start=10)])
    assert len(merged) == 1 and len(merged[0].evidence) == 2


def test_collapse_of_nothing():
    assert collapse([]) == []


# ---------------------------------------------------------------- ids

def test_assign_ids_is_stable():
    events = [ev(), ev(etype="ACCUSE", start=30), ev(etype="CONSULT", start=60)]
    first = [e.event_id for e in assign_ids(events)]
    again = [e.event_id for e in assign_ids(list(events))]
    assert first == again
    assert all(re.fullmatch(r"ev_[0-9a-f]{16}", i) for i in first)


def test_assign_ids_are_unique_even_for_identical_records():
    events = [ev(), ev(), ev()]
    ids = [e.event_id for e in assign_ids(events)]
    assert len(set(ids)) == 3


@pytest.mark.parametrize("change", [
    {"article_id": "a2"}, {"type": "ACCUSE"}, {"date": "2023-11-24"}, {"target": (KOR,)},
    {"evidence": (Evidence("s.", 7, 9),)},
])
def test_ids_depend_on_content(change):
    base = assign_ids([ev()])[0].event_id
    assert assign_ids([replace(ev(), **change)])[0].event_id != base


def test_ids_ignore_wording_of_actors_with_same_country():
    # the id is content-derived from the dyad's countries, not from how an actor was named
    assert assign_ids([ev(source=(CHN,))])[0].event_id == assign_ids([ev(source=(WANG,))])[0].event_id


def test_story_id_is_left_to_the_pipeline_and_an_existing_one_is_kept():
    plain = assign_ids([ev()])[0]
    assert plain.story_id is None  # story ids are assigned across articles (pipeline.with_stories)
    kept = assign_ids([replace(ev(), story_id="st-given")])[0]
    assert kept.story_id == "st-given"


@pytest.mark.parametrize("parts, kw, expected_len, prefix", [
    (("a", 1, None), {}, 16, ""),
    (("a",), {"prefix": "ev_"}, 19, "ev_"),
    (("a",), {"length": 8}, 8, ""),
])
def test_stable_id_shape(parts, kw, expected_len, prefix):
    value = stable_id(*parts, **kw)
    assert len(value) == expected_len and value.startswith(prefix)
    assert value == stable_id(*parts, **kw)


@pytest.mark.parametrize("a, b", [
    (("ab", "c"), ("a", "bc")),  # parts are separated, not concatenated
    (("a", None), ("a", "None")),  # None is not the string "None"
    (("a",), ("a", "")),
    ((1,), (2,)),
])
def test_stable_id_distinguishes(a, b):
    assert stable_id(*a) != stable_id(*b)


def test_stable_id_known_value():
    # pinned: a change of the hashing scheme changes every stored id and must be deliberate
    assert stable_id("a", "b") == "f04cdced9736a69d"  # sha256("a\x1fb")[:16]
