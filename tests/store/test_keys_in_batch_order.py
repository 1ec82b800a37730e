"""Revision 0015, fewer B-trees keyed by content-hash ids: event_keys' one key is (facet, value, day,
event_id) (SQLite keeps no (facet, value, event_id) tree; PostgreSQL keeps it as an index for its
checks), key_stories is keyed by story first, and SQLite has no ix_dyads_pair_event. A store made new
and one migrated from 0013 have that shape, the migration keeps every row both ways, ingest goes on
as a rebuild counts, a list still checks undated events (NULL days), and on SQLite every check seeks
its event by day and id."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select

from bilat.model import ArticleResult
from bilat.store.schema import event_keys, key_stats, key_stories

from ._data import dev_results, down_and_up, pg_key, sqlite_key, sqlite_sql
from .test_event_facts import ALL, _direct, base_facts


def _shape(store) -> dict[str, object]:
    """event_keys' and key_stories' keys and the pair check's indexes, as the database has them."""
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            return {"event_keys": sqlite_key(conn, "event_keys"), "key_stories": sqlite_key(conn, "key_stories"),
                    "key_stories_without_rowid": "WITHOUT ROWID" in sqlite_sql(conn, "key_stories").upper(),
                    **{name: sqlite_sql(conn, name)
                       for name in ("ix_event_keys_day", "ix_event_keys_event", "ix_dyads_pair_event")}}

        def index(name):
            d = conn.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE indexname = %s", (name,)).scalar()
            return d[d.index("USING"):] if d else ""
        return {"event_keys": pg_key(conn, "event_keys"), "key_stories": pg_key(conn, "key_stories"),
                "ix_event_keys_day": index("ix_event_keys_day"), "ix_event_keys_event": index("ix_event_keys_event"),
                "ix_dyads_pair_event": index("ix_dyads_pair_event")}


def _want(dialect: str) -> dict[str, object]:
    if dialect == "sqlite":
        return {"event_keys": (), "key_stories": ("story_no", "facet", "value"), "key_stories_without_rowid": True,
                "ix_event_keys_day": "CREATE UNIQUE INDEX ix_event_keys_day ON event_keys (facet, value, day, event_id)",
                "ix_event_keys_event": "", "ix_dyads_pair_event": ""}
    return {"event_keys": None, "key_stories": "btree (story_no, facet, value)",
            "ix_event_keys_day": "USING btree (facet, value, day, event_id) NULLS NOT DISTINCT",
            "ix_event_keys_event": "USING btree (facet, value, event_id)",
            "ix_dyads_pair_event": "USING btree (pair_key, event_id)"}


def _rows(store) -> dict[str, list[tuple]]:
    with store.engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in (event_keys, key_stories, key_stats)}


def _undated(results: list[ArticleResult]) -> list[ArticleResult]:
    """Every third event undated (NULL day), the others as they are."""
    out, i = [], 0
    for r in results:
        evs = []
        for e in r.events:
            evs.append(replace(e, date=None) if i % 3 == 0 else e)
            i += 1
        out.append(ArticleResult(article=r.article, events=tuple(evs)))
    return out


@pytest.mark.postgres
def test_a_new_and_a_migrated_store_have_keys_in_batch_order(store):
    dialect = store.engine.dialect.name
    assert _shape(store) == _want(dialect)  # a new store
    results = _undated(dev_results())
    store.ingest(results[: len(results) // 2], batch_size=7)
    kept = _rows(store)
    assert all(kept.values()) and any(day is None for *_, day in kept["event_keys"])
    down_and_up(store.engine, "0013")
    assert _rows(store) == kept  # no row changes either way
    assert _shape(store) == _want(dialect)
    # ingest adds to the tables as they are now, never an event's key twice, and keeps what a rebuild counts
    store.ingest(results[len(results) // 2:], batch_size=11)
    store.ingest(results, batch_size=13)
    added = _rows(store)
    assert len(set(added["event_keys"])) == len(added["event_keys"]) > len(kept["event_keys"])
    store.rebuild_rollups()
    assert _rows(store) == added


def test_before_the_migration_event_keys_had_its_id_key(store):
    """What revision 0015 changes: at 0013 event_keys was keyed (facet, value, event_id) and key_stories
    (facet, value, story_id) (so the test above can fail)."""
    from bilat.store.engine import migrate

    migrate(store.engine, "0013")
    shape = _shape(store)
    migrate(store.engine)
    assert shape["event_keys"] in (("facet", "value", "event_id"), "btree (facet, value, event_id)")
    assert shape["key_stories"] in (("facet", "value", "story_id"), "btree (facet, value, story_id)")


#: lists whose rows are checked in event_keys (a type, a source, a second facet) or in the pair's index
CHECKED = [dict(actor="CHN", type="ACCUSE,REJECT,PROTEST"), dict(actor="CHN", pair="CHN-JPN"),
           dict(pair="CHN-JPN", actor="JPN"), dict(type="ACCUSE", source="CHN"),
           dict(issue="territorial-dispute", actor="CHN"), dict(actor="JPN", source="JPN")]


@pytest.mark.postgres
@pytest.mark.parametrize("filters", CHECKED, ids=lambda f: "+".join(f))
def test_a_checked_list_keeps_its_undated_events(store, filters):
    """A check seeks the event's day as well as its id; an undated event's day is NULL, which ``IS``
    (SQLite) and ``IS NOT DISTINCT FROM`` (PostgreSQL) match and ``=`` would not."""
    store.ingest(_undated(dev_results()))
    want = base_facts(store)
    ids = _direct(want, store, filters)
    undated = [i for i in ids if want[i]["day"] is None]
    assert undated and len(undated) < len(ids), filters
    listed = store.events(**filters, limit=ALL)
    assert [e["event_id"] for e in listed.rows] == ids, filters
    # and page by page, across the dated rows' end (the undated rows come last)
    paged, cursor = [], None
    while True:
        page = store.events(**filters, limit=7, cursor=cursor)
        paged += [e["event_id"] for e in page.rows]
        if not (cursor := page.next_cursor):
            break
    assert paged == ids


@pytest.mark.parametrize("filters", CHECKED, ids=lambda f: "+".join(f))
def test_on_sqlite_a_check_seeks_its_event_by_day_and_id(store, filters):
    """Each EXISTS check of a listed row is one seek of the index by every column it tests, the event's
    day and id included: ix_event_keys_day or ix_dyads_pair_day_event, not a (value, event id) tree."""
    if store.engine.dialect.name != "sqlite":
        return  # PostgreSQL's plans depend on its statistics; its indexes are tested above
    store.ingest(_undated(dev_results()))
    store.__dict__.pop("_kept_lists", None)
    seen: list[tuple] = []

    def record(conn, cursor, statement, parameters, *args):
        if "EXISTS" in statement:
            seen.append((statement, parameters))
    sa_event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.events(**filters, limit=ALL)
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", record)
    assert seen
    with store.engine.connect() as conn:
        for statement, parameters in seen:
            plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            checks = [p for p in plan if p.startswith("SEARCH") and ("_1 " in p or "_2 " in p)]
            assert checks, plan
            for p in checks:
                assert ("ix_event_keys_day (facet=? AND value=? AND day=? AND event_id=?)" in p
                        or "ix_dyads_pair_day_event (pair_key=? AND day=? AND event_id=?)" in p), plan
