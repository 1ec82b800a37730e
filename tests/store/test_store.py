"""Store behaviour on real SQLite and real PostgreSQL: migrations, idempotent ingest,
stories across outlets, syndicated copies and every query of the Store API."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

import bilat
from bilat.errors import NotFoundError, StoreError
from bilat.model import ArticleResult, Failure

from ._data import TURKEY, dev_count, dev_results, gold_events

pytestmark = pytest.mark.postgres


def _counts(store):
    s = store.stats()
    return s["articles"], s["events"], s["stories"]


def test_migrated_schema_matches_declared_tables(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from bilat.store.engine import current_revision, head_revision
    from bilat.store.schema import metadata
    from bilat.store.search import FTS_PREFIXES

    def declared(name, type_, *_):
        # the search index (SQLite's FTS5 tables and their shadow tables, PostgreSQL's GIN indexes over
        # expressions) is made by search.create, not declared
        return not (type_ in ("table", "index") and name.startswith(FTS_PREFIXES + ("ix_events_fts", "ix_articles_fts")))

    def for_this_dialect(obj, *_):
        # an index declared for one dialect only (``ddl_if``: ix_event_keys_event, PostgreSQL's) is made
        # by the migrations of that dialect alone
        only = getattr(obj, "_ddl_if", None)
        return only is None or only.dialect in (None, conn.dialect.name)

    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_name": declared, "include_object": for_this_dialect}), metadata)
    assert diff == []


def test_ingest_is_idempotent(store):
    results = dev_results()
    n_events = sum(len(r.events) for r in results)
    first = store.ingest(results, batch_size=4)
    assert first["articles_stored"] == len(results)
    assert first["events_stored"] == n_events
    assert _counts(store)[:2] == (len(results), n_events)
    again = store.ingest(dev_results(), batch_size=3)
    assert again["articles_stored"] == 0 and again["events_stored"] == 0
    assert again["articles_skipped"] == len(results)
    assert _counts(store)[:2] == (len(results), n_events)
    # the same article twice inside one batch is stored once too
    s2 = store.ingest([results[0], results[0]])
    assert s2["articles_stored"] == 0


def test_failures_are_reported_not_stored(store):
    r = store.ingest([ArticleResult(article=None, failure=Failure("x.jsonl line 3", "B105", "broken"))]
                     + dev_results(["seed-000"]))
    assert r["articles_failed"] == 1 and r["failures"][0]["code"] == "B105"
    assert r["articles_stored"] == 1


def test_same_id_different_text_is_refused(store):
    store.ingest(dev_results(["seed-000"]))
    res = dev_results(["seed-000"])[0]
    changed = replace(res, article=replace(res.article, text=res.article.text + " Updated."))
    r = store.ingest([changed])
    assert r["articles_stored"] == 0 and r["failures"][0]["code"] == "B405"


def _story_of(store, article_id, etype):
    return {e["story_id"] for e in store.events(article=article_id, type=etype).rows}


def test_cross_outlet_story_counts_articles_and_sources(store):
    store.ingest(dev_results())
    ids = set().union(*(_story_of(store, a, "ACCUSE") for a in TURKEY))
    assert len(ids) == 1
    story = store.story(ids.pop())
    assert story["n_articles"] == 3 and story["n_sources"] == 3
    assert story["type"] == "ACCUSE" and story["date"] == "2017-05-22"
    assert story["pairs"] == ["TUR-USA"]
    assert {m["outlet"] for m in story["mentions"]} == {"cnn.com", "news.az", "report.az"}
    located = 0
    for m in story["mentions"]:
        art = store.article(m["article_id"])
        if m["sentence"] and art["text"][m["start"]:m["end"]] == m["sentence"]:
            located += 1
            assert m["sentence"] in m["paragraph"]
            assert art["text"][m["paragraph_start"]:].startswith(m["paragraph"])
    assert located >= 2
    # the summons (ACCUSE) and the meeting (CONSULT) are different stories
    consult = set().union(*(_story_of(store, a, "CONSULT") for a in TURKEY))
    assert not consult & {story["story_id"]}


def test_stories_grow_as_articles_arrive(store_url, tmp_path):
    one_go = bilat.open_store(str(tmp_path / "all.db"))
    one_go.ingest(dev_results())
    expected = {e["event_id"]: e["story_id"] for e in one_go.events(limit=1000).rows}
    one_go.close()
    store = bilat.open_store(store_url)
    try:
        store.ingest(dev_results(["h024"]))
        first = _story_of(store, "h024", "ACCUSE")
        store.ingest(dev_results(["h035"]))
        store.ingest(dev_results(["h038"]))
        got = {e["event_id"]: e["story_id"] for e in store.events(limit=1000).rows}
        assert _story_of(store, "h038", "ACCUSE") == first
        assert store.story(first.pop())["n_articles"] == 3
        assert set(got) <= set(expected)
        for eid, sid in got.items():
            assert sid == expected[eid]
    finally:
        store.close()


def test_syndicated_copy_counts_as_one_source(store):
    base = dev_results(["h024"])[0]
    art = base.article
    copy_text = "By Staff Writer\n" + art.text.replace("Monday", "Monday,", 1)
    copy = ArticleResult(
        article=replace(art, id="h024-wire", text=copy_text, outlet="example-wire.com", url="https://example-wire.com/x"),
        events=tuple(replace(e, article_id="h024-wire", event_id=e.event_id + "-wire",
                             evidence=tuple(replace(x, start=x.start + 16, end=x.end + 16) for x in e.evidence))
                     for e in base.events))
    report = store.ingest([base, copy])
    assert report["syndicated"] == 1
    sid = _story_of(store, "h024", "ACCUSE").pop()
    story = store.story(sid)
    assert story["n_articles"] == 2 and story["n_sources"] == 1
    # an unrelated article is not a syndicated copy
    store.ingest(dev_results(["h035"]))
    assert store.story(sid)["n_sources"] == 2


def test_events_filters_and_paging(store):
    store.ingest(dev_results())
    everything = store.events(limit=1000)
    assert everything.total == len(everything.rows) > 40
    page = store.events(limit=5, offset=5)
    assert len(page) == 5 and page.total == everything.total
    assert [e["event_id"] for e in page] == [e["event_id"] for e in everything.rows[5:10]]
    tur = store.events(pair="USA-TUR", limit=1000)
    assert tur.total > 0
    assert all({"TUR", "USA"} <= {a["country"] for a in e["source"] + e["target"]} for e in tur)
    acc = store.events(pair="TUR-USA", type="ACCUSE")
    assert acc.total == 3 and all(e["type"] == "ACCUSE" for e in acc)
    since = store.events(since="2023-01-01", limit=1000)
    assert since.total and all(e["date"] >= "2023" for e in since)
    until = store.events(until="2013", limit=1000)
    assert all(e["date"] <= "2013-12-31" for e in until)
    issue = store.events(issue="nuclear-wastewater", limit=1000)
    assert issue.total and all("nuclear-wastewater" in e["issues"] for e in issue)
    q = store.events(q="ambassador", limit=1000)
    # full-text search: in the evidence, or in the article's title or text
    from ._data import dev_articles
    texts = {a.id: f"{a.title or ''} {a.text}".lower() for a in dev_articles()}
    assert q.total and any("ambassador" in " ".join(x["sentence"] for x in e["evidence"]).lower() for e in q)
    assert all("ambassador" in " ".join(x["sentence"] for x in e["evidence"]).lower() + texts[e["article_id"]]
               for e in q)
    assert store.events(pair="CHN-JPN", type="ACCUSE", issue="nuclear-wastewater").total >= 1
    with pytest.raises(StoreError):
        store.events(type="SHOUT")
    with pytest.raises(StoreError):
        store.events(since="last week")
    json.dumps(everything.as_dict())


def test_missing_records_raise_not_found(store):
    for call in (lambda: store.event("nope"), lambda: store.story("nope"), lambda: store.article("nope"),
                 lambda: store.actor("Nobody Atall")):
        with pytest.raises(NotFoundError):
            call()


def test_event_article_actor_lookups(store):
    store.ingest(dev_results())
    e = store.events(limit=1).rows[0]
    assert store.event(e["event_id"])["event_id"] == e["event_id"]
    art = store.article("seed-000")
    assert art["text"].startswith(dev_results(["seed-000"])[0].article.text[:30])
    assert len(art["events"]) == len(gold_events()["seed-000"])
    assert store.articles(limit=100).total == dev_count()
    actors = store.actors(limit=1000)
    assert actors.total == len(actors.rows) > 5
    named = [a for a in actors if a["name"]]
    one = store.actor(named[0]["name"])
    assert one["names"] and sum(one["as_source"].values()) + sum(one["as_target"].values()) >= 1
    chn = store.actor("CHN")
    assert "CHN-JPN" in {p["pair"] for p in chn["pairs"]}
    assert store.actors(q=named[0]["name"][:4]).total >= 1


def test_pair_timeline_counts_stories_and_articles(store):
    store.ingest(dev_results())
    rows = store.pair("TUR", "USA", period="month").rows
    may = next(r for r in rows if r["period"] == "2017-05")
    # three outlets report one summons: one story, three article records
    assert may["by_type"]["ACCUSE"] == 1 and may["by_type_articles"]["ACCUSE"] == 3
    assert may["stories"] < may["articles"]
    assert may["by_quad"]["verbal-conflict"] >= 1
    assert -10 <= may["plover_score"] <= 10 and may["goldstein"] is not None
    assert may["TUR->USA"] >= 1
    days = store.pair("USA", "TUR", period="day", since="2017-05-22", until="2017-05-22").rows
    assert [r["period"] for r in days] == ["2017-05-22"]
    weeks = store.pair("TUR", "USA", period="week").rows
    assert all(r["period"] >= "2017-05-15" for r in weeks)
    with pytest.raises(StoreError):
        store.pair("TUR", "USA", period="fortnight")
    assert store.top_pairs(3)[0]["n_events"] >= store.top_pairs(3)[-1]["n_events"]
    json.dumps(rows)


def test_stances_show_who_does_what_on_an_issue(store):
    store.ingest(dev_results())
    st = store.stances("CHN", "JPN")
    issues = {i["issue"]: i for i in st["issues"]}
    assert "nuclear-wastewater" in issues
    sides = {s["actor"]: s for s in issues["nuclear-wastewater"]["sides"]}
    assert sides["CHN"]["summary"].get("ACCUSE", 0) >= 1
    seq = sides["CHN"]["sequence"]
    assert seq == sorted(seq, key=lambda s: (s["date"] or "9999", s["story_id"]))
    only = store.stances("CHN", "JPN", issue="nuclear-wastewater")
    assert [i["issue"] for i in only["issues"]] == ["nuclear-wastewater"]
    json.dumps(st)


def test_stats_and_stories_listing(store):
    store.ingest(dev_results())
    s = store.stats()
    assert s["articles"] == dev_count() and s["stories"] < s["events"]
    assert s["stories_multi_article"] >= 1
    multi = store.stories(min_articles=2)
    assert multi.total >= 1 and all(r["n_articles"] >= 2 for r in multi)
    assert store.stories(pair="TUR-USA", type="ACCUSE").total == 1
    assert store.stories(limit=2).total == s["stories"]


def test_pandas_and_parquet_keep_codes_as_strings(store, tmp_path):
    pd = pytest.importorskip("pandas")
    store.ingest(dev_results())
    res = store.events(type="CONSULT", limit=1000)
    frame = res.to_pandas()
    assert len(frame) == res.total
    assert "042" in set(frame["cameo"].dropna())
    path = tmp_path / "events.parquet"
    res.to_parquet(path)
    back = pd.read_parquet(path)
    assert back["cameo"].dropna().iloc[0] == "042"


def test_open_store_errors(tmp_path):
    with pytest.raises(StoreError) as err:
        bilat.open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    assert "B401" in str(err.value)
    with pytest.raises(StoreError):
        bilat.open_store("mysql://x")
    with pytest.raises(StoreError) as err:
        bilat.open_store("postgresql://postgres@127.0.0.1:1/nothing_listens_here")
    assert "B401" in str(err.value) and "127.0.0.1" in str(err.value)
    from bilat.store import open_store
    path = str(tmp_path / "empty.db")
    with pytest.raises(StoreError) as err:
        open_store(path, migrate_schema=False)
    assert "B402" in str(err.value)


def test_month_rollup_agrees_with_raw_dyads(store):
    store.ingest(dev_results(["h024", "h035"]))
    store.ingest(dev_results(["h038", "seed-000", "seed-004"]))
    rolled = store.pair("TUR", "USA", period="month").rows
    # a day-bounded query reads event_dyads directly; whole months read the roll-up
    raw = store.pair("TUR", "USA", period="month", since="2017-01-02").rows
    assert rolled and rolled == raw
    weeks = store.pair("TUR", "USA", period="week").rows
    assert weeks and weeks == store.pair("TUR", "USA", period="week", since="2017-01-03").rows
    assert weeks == store.pair("TUR", "USA", period="week", since="2017-05-15", until="2017-05-28").rows
    before = store.pair("CHN", "JPN").rows
    store.rebuild_rollups()
    assert store.pair("CHN", "JPN").rows == before


def test_upgrade_from_first_revision_builds_rollup(store):
    from bilat.store.engine import current_revision, head_revision, migrate

    store.ingest(dev_results())
    expected = store.pair("CHN", "JPN").rows
    migrate(store.engine, "0001")  # downgrade path exists too
    assert current_revision(store.engine) == "0001"
    from sqlalchemy import inspect
    assert "pair_months" not in inspect(store.engine).get_table_names()
    before, after = migrate(store.engine)
    assert (before, after) == ("0001", head_revision())
    assert store.pair("CHN", "JPN").rows == expected


@pytest.mark.parametrize("kw", [dict(pair="CHN-JPN"), dict(pair="JPN-CHN", type="ACCUSE,REQUEST"),
                                dict(pair="CHN-JPN", since="2023-08", until="2023-12"),
                                dict(pair="CHN-JPN", issue="nuclear-wastewater"), dict(pair="TUR-USA", q="ambassador"),
                                dict(pair="CHN-JPN", actor="CHN", type="ACCUSE"),
                                dict(pair="CHN-JPN", actor="CHN", issue="nuclear-wastewater")])
def test_pair_driven_event_query_matches_plain_filtering(store, kw):
    store.ingest(dev_results())
    everything = store.events(limit=10_000).rows
    a, b = kw["pair"].split("-")
    from bilat.analysis import dyads, pair_key
    from bilat.model import Event
    want = [e for e in everything
            if pair_key(a, b) in {pair_key(s, t) for s, t, _ in dyads(Event.from_dict(e))}]
    if "type" in kw:
        want = [e for e in want if e["type"] in kw["type"].split(",")]
    if "since" in kw:
        want = [e for e in want if e["date"] and e["date"][:7] >= kw["since"] and e["date"][:7] <= kw["until"]]
    if "issue" in kw:
        want = [e for e in want if kw["issue"] in e["issues"]]
    if "q" in kw:
        # full-text search: the word in the evidence, or in the article's title or text
        from ._data import dev_articles
        texts = {x.id: f"{x.title or ''} {x.text}" for x in dev_articles()}
        want = [e for e in want if re.search(rf"\b{kw['q']}", " ".join(x["sentence"] for x in e["evidence"])
                                             + " " + texts[e["article_id"]], re.I)]
    if "actor" in kw:
        want = [e for e in want if kw["actor"] in {x["country"] for x in e["source"] + e["target"]}]
    got = store.events(limit=10_000, **kw)
    assert got.total == len(got.rows) == len(want) > 0
    assert [e["event_id"] for e in got] == [e["event_id"] for e in want]
    assert store.events(limit=2, offset=1, **kw).rows == got.rows[1:3]
    stories = store.stories(pair=kw["pair"], limit=1000)
    assert {e["story_id"] for e in store.events(pair=kw["pair"], limit=10_000)} == {s["story_id"] for s in stories}


@pytest.mark.parametrize("kw", [dict(), dict(type="ACCUSE"), dict(since="2023-08", until="2023-12"),
                                dict(min_articles=1, type="CONSULT,AGREE")])
def test_pair_stories_match_plain_filtering(store, kw):
    store.ingest(dev_results())
    every = store.stories(limit=10_000, **kw).rows
    want = [s for s in every if "CHN-JPN" in s["pairs"]]
    got = store.stories(pair="JPN-CHN", limit=10_000, **kw)
    assert got.total == len(want) and [s["story_id"] for s in got] == [s["story_id"] for s in want]
    assert store.stories(pair="CHN-JPN", limit=2, offset=1, **kw).rows == got.rows[1:3]


@pytest.mark.parametrize("seed", range(4))
def test_incremental_store_stories_equal_the_whole_batch_ones(store_url, seed):
    """Stories found batch by batch against the store (its lookup by country, type and day,
    one record per signature) are exactly those assign_stories finds over everything at once,
    on SQLite and on PostgreSQL."""
    from bilat.model import Article
    from bilat.stories import assign_stories

    from ..test_stories import _random_events

    events = _random_events(seed, 150)
    by_article: dict[str, list] = {}
    for e in events:
        by_article.setdefault(e.article_id, [])
        if all(x.event_id != e.event_id for x in by_article[e.article_id]):
            by_article[e.article_id].append(e)
    # one article per id, in first-seen order (the store refuses a second text under one id)
    order = list(by_article)
    flat = [e for aid in order for e in by_article[aid]]
    results = [ArticleResult(Article(id=aid, text=f"Article {aid} of seed {seed}."), tuple(by_article[aid]))
               for aid in order]
    store = bilat.open_store(store_url)
    try:
        store.ingest(results, batch_size=7)
        stored = {e["event_id"]: e["story_id"] for e in store.events(limit=10_000).rows}
    finally:
        store.close()
    expected = {e.event_id: e.story_id for e in assign_stories(flat)}
    assert stored == expected
    assert len(set(expected.values())) < len(expected) * 0.8  # stories across articles were found
