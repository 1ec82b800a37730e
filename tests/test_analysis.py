"""Score tables, dyads, periods and the pure story assignment."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat import analysis
from bilat.model import Actor, Event, EventType
from bilat.stories import assign_stories, count_sources, dates_compatible


def test_plover_score_table_covers_every_type_with_manual_values():
    scores = analysis.plover_scores()
    assert set(scores) == {t.value for t in EventType}
    assert scores["ASSAULT"] == -9.3 and scores["RETREAT"] == 7.6 and scores["REQUEST"] == -5.0
    assert scores["COOPERATE"] == 6.8 and scores["COERCE"] == -7.2 and scores["MOBILIZE"] == -5.3


@pytest.mark.parametrize("code,gdelt,icews", [("042", 1.9, 1.9), ("016", -2.0, -5.0), ("10", -5.0, -5.0),
                                              ("0431", 2.8, 2.8), ("1213", -4.0, -4.0)])
def test_goldstein_reads_codes_as_strings(code, gdelt, icews):
    # 1213 is absent from GDELT's table: it falls back to its base code 121
    assert analysis.goldstein(code, "gdelt") == (gdelt if code != "1213" else analysis.goldstein("121"))
    assert analysis.goldstein(code, "icews") == icews
    assert "10" in analysis.goldstein_table() and "010" in analysis.goldstein_table()
    assert analysis.goldstein_table()["010"] != analysis.goldstein_table()["10"]


def test_data_tables_have_provenance_headers():
    data = Path(analysis.__file__).parent / "data"
    for name in ("event_types.tsv", "cameo_goldstein_gdelt.tsv", "cameo_goldstein_icews.tsv", "cameo_codes.tsv"):
        head = (data / name).read_text(encoding="utf-8").splitlines()[:3]
        assert head[0].startswith("#") and any("rovenance" in line for line in head), name


def _ev(i, art, etype, src, tgt, date, sentence="", **kw):
    return Event(event_id=f"e{i}", article_id=art, type=etype, source=tuple(Actor(country=c) for c in src),
                 target=tuple(Actor(country=c) for c in tgt), date=date, **kw)


@pytest.mark.parametrize("etype,src,tgt,expected", [
    ("ACCUSE", ["CHN"], ["JPN"], [("CHN", "JPN", True)]),
    ("CONSULT", ["CHN", "JPN", "KOR"], [], [("CHN", "JPN", False), ("CHN", "KOR", False), ("JPN", "KOR", False)]),
    ("CONSULT", ["CHN"], ["JPN"], [("CHN", "JPN", False)]),
    ("ACCUSE", ["CHN"], ["CHN"], []),
])
def test_dyads(etype, src, tgt, expected):
    assert analysis.dyads(_ev(1, "a", etype, src, tgt, None)) == expected


def test_periods_and_bounds():
    assert analysis.period_keys("2023-08-24") == {"day": "2023-08-24", "week": "2023-08-21", "month": "2023-08",
                                                  "precision": "day"}
    assert analysis.period_keys("2023-08")["week"] is None
    assert analysis.period_bounds("2023", "2023-02") == ("2023-01-01", "2023-02-28")
    with pytest.raises(ValueError):
        analysis.period_bounds("yesterday", None)


@pytest.mark.parametrize("a,b,ok", [("2023-08-24", "2023-08-25", True), ("2023-08-24", "2023-08-26", False),
                                    ("2023-08", "2023-08-24", True), ("2023-07", "2023-08-24", False),
                                    (None, "2023-08-24", False)])
def test_dates_compatible(a, b, ok):
    assert bool(dates_compatible(a, b)) is ok


def test_assign_stories_joins_outlets_and_keeps_distinct_events_apart():
    evs = [
        _ev(1, "a1", "ACCUSE", ["TUR"], ["USA"], "2017-05-22"),
        _ev(2, "a1", "CONSULT", ["TUR"], ["USA"], "2017-05-22"),
        _ev(3, "a2", "ACCUSE", ["TUR"], ["USA"], "2017-05-22"),
        _ev(4, "a3", "ACCUSE", ["TUR"], ["USA"], "2017-05"),  # coarser date, different words: not enough
        _ev(5, "a4", "ACCUSE", ["USA"], ["TUR"], "2017-05-22"),  # the other direction: another event
        _ev(6, "a5", "CONSULT", ["USA", "TUR"], [], "2017-05-23"),  # symmetric, a day later: same meeting
        _ev(7, "a6", "ACCUSE", ["TUR"], ["USA"], "2017-06-22"),
    ]
    out = assign_stories(evs)
    sid = {e.event_id: e.story_id for e in out}
    assert [e.event_id for e in out] == [e.event_id for e in evs]
    assert sid["e1"] == sid["e3"] != sid["e2"]
    assert sid["e2"] == sid["e6"]
    assert len({sid["e1"], sid["e4"], sid["e5"], sid["e7"]}) == 4
    assert assign_stories(evs) == out  # stable ids


def test_count_sources_merges_outlets_and_syndicated_copies():
    arts = [{"article_id": "a", "outlet": "Reuters", "syndicate_of": "a"},
            {"article_id": "b", "outlet": "Star", "syndicate_of": "a"},
            {"article_id": "c", "url": "https://www.reuters.com/x", "syndicate_of": "c"},
            {"article_id": "d", "outlet": None, "syndicate_of": "d"}]
    assert count_sources(arts) == 3  # {a, b}, {c}, {d}
