"""A pair's summary (``store/overview.py``): its biggest stories are the biggest of its latest 500,
picked from an index of story sizes (revision 0011) without reading the 500 story rows."""
from __future__ import annotations

from sqlalchemy import event as sa_event
from sqlalchemy import select

from bilat.store.schema import stories, story_pairs


def test_biggest_stories_are_the_biggest_of_the_latest(web_store):
    with web_store.engine.connect() as conn:
        size = {r.story_id: (r.n_articles, r.day) for r in conn.execute(select(stories))}
        of_pair: dict[str, list[str]] = {}
        for pk, sid in conn.execute(select(story_pairs.c.pair_key, story_pairs.c.story_id)):
            of_pair.setdefault(pk, []).append(sid)
    assert len(of_pair) > 20 and 5 < max(len(v) for v in of_pair.values()) < 500  # all of them are the latest
    nulls_first = web_store.engine.dialect.name == "postgresql"  # where 'day DESC' puts an undated story
    for pk, sids in of_pair.items():
        want = sorted(sids)
        want.sort(key=lambda s: ((size[s][1] is None) == nulls_first, size[s][1] or ""), reverse=True)
        want.sort(key=lambda s: size[s][0], reverse=True)
        got = web_store.pair_summary(*pk.split("-"))["biggest_stories"]
        assert [s["story_id"] for s in got] == want[:5], pk


def test_biggest_stories_are_picked_from_the_size_index(web_store):
    if web_store.engine.dialect.name != "sqlite":
        return  # PostgreSQL's planner picks by its statistics
    seen = []

    def record(conn, cursor, statement, parameters, *args):
        if "ORDER BY s.n_articles" in statement:  # the pick, not the five rows read after it
            seen.append((statement, parameters))
    sa_event.listen(web_store.engine, "before_cursor_execute", record)
    try:
        web_store.pair_summary("CHN", "JPN")
    finally:
        sa_event.remove(web_store.engine, "before_cursor_execute", record)
    assert len(seen) == 1
    with web_store.engine.connect() as conn:
        plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + seen[0][0], seen[0][1])]
    reads = [p for p in plan if p.startswith(("SEARCH stories", "SEARCH s ", "SCAN stories", "SCAN s "))]
    assert reads and all("COVERING INDEX ix_stories_size" in p for p in reads), plan
