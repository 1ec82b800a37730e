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


@pytest.mark.parametrize("period,first,last,keys", [
    ("month", "2023-11-20", "2024-02-01", ["2023-11", "2023-12", "2024-01", "2024-02"]),
    ("week", "2023-12-27", "2024-01-08", ["2023-12-25", "2024-01-01", "2024-01-08"]),
    ("day", "2024-02-28", "2024-03-01", ["2024-02-28", "2024-02-29", "2024-03-01"]),
    ("year", "2019-06-01", "2021-01-01", ["2019", "2020", "2021"]),
    ("month", "2024-03-01", "2024-02-01", []),
])
def test_periods_between_is_every_period_of_the_span(period, first, last, keys):
    import datetime as dt

    first, last = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    assert analysis.periods_between(first, last, period) == keys
    assert analysis.count_periods(first, last, period) == len(keys)


@pytest.mark.parametrize("key,period,span", [("2024-02", "month", ("2024-02-01", "2024-02-29")),
                                             ("2023-12-25", "week", ("2023-12-25", "2023-12-31")),
                                             ("2023", "year", ("2023-01-01", "2023-12-31")),
                                             ("2023-08-24", "day", ("2023-08-24", "2023-08-24"))])
def test_period_span(key, period, span):
    assert analysis.period_span(key, period) == span


@pytest.mark.parametrize("day,period,n,expected", [("2024-02-10", "month", -3, "2023-11-01"),
                                                   ("2024-02-10", "month", 11, "2025-01-01"),
                                                   ("2024-02-10", "year", -2, "2022-01-01"),
                                                   ("2024-02-10", "week", 1, "2024-02-12"),
                                                   ("2024-02-10", "day", -1, "2024-02-09")])
def test_shift(day, period, n, expected):
    import datetime as dt

    assert analysis.shift(dt.date.fromisoformat(day), period, n).isoformat() == expected


@pytest.mark.parametrize("period,first,last,expected", [("month", "2023-01-01", "2025-12-31", "month"),
                                                       ("month", "2011-03-01", "2025-10-31", "year"),
                                                       ("day", "2023-01-01", "2023-03-31", "day"),
                                                       ("day", "2023-01-01", "2024-12-31", "week"),
                                                       ("day", "2020-01-01", "2024-12-31", "month")])
def test_axis_moves_to_a_coarser_period_for_long_spans(period, first, last, expected):
    import datetime as dt

    assert analysis.axis(period, dt.date.fromisoformat(first), dt.date.fromisoformat(last), 120) == expected


def _timeline_rows():
    # (period, type, n_events, n_stories, n_stories a->b, goldstein_sum, goldstein_n)
    return analysis.timeline("CHN", "JPN", "month", [("2023-02", "ACCUSE", 2, 1, 1, None, 0),
                                                     ("2023-05", "AGREE", 1, 1, 0, None, 0),
                                                     ("2024-01", "SANCTION", 1, 1, 1, None, 0)])


def test_continuous_fills_empty_periods_with_zeros():
    import datetime as dt

    rows = analysis.continuous(_timeline_rows(), "month")
    assert [r["period"] for r in rows] == [f"2023-{m:02d}" for m in range(2, 13)] + ["2024-01"]
    empty = rows[1]
    assert empty["stories"] == 0 and empty["by_type"] == {} and empty["plover_score"] is None
    assert set(empty["by_quad"]) == set(analysis.QUAD_NUMBER) and not any(empty["by_quad"].values())
    widened = analysis.continuous(_timeline_rows(), "month", dt.date(2022, 12, 5), dt.date(2024, 2, 1))
    assert widened[0]["period"] == "2022-12" and widened[-1]["period"] == "2024-02"
    assert analysis.continuous([], "month") == []


def test_by_year_adds_counts_and_weights_the_score_by_stories():
    years = analysis.by_year(_timeline_rows())
    assert [y["period"] for y in years] == ["2023", "2024"]
    y2023 = years[0]
    assert y2023["stories"] == 2 and y2023["articles"] == 3
    assert y2023["by_type"] == {"ACCUSE": 1, "AGREE": 1}
    assert (y2023["CHN->JPN"], y2023["JPN->CHN"]) == (1, 1), "who acted, summed like the other counts"
    assert y2023["by_quad"]["verbal-conflict"] == 1 and y2023["by_quad"]["verbal-cooperation"] == 1
    scores = analysis.plover_scores()
    assert y2023["plover_score"] == round((scores["ACCUSE"] + scores["AGREE"]) / 2, 3)
    assert y2023["plover_score_articles"] == round((2 * scores["ACCUSE"] + scores["AGREE"]) / 3, 3)


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
