"""Revision 0012, what pages read from the roll-ups: the roll-ups read by ranges of their key are stored in
key order (SQLite tables WITHOUT ROWID, PostgreSQL primary keys that INCLUDE the counted columns), and each
key's count of stories is kept in key_stats. A store made new and a store migrated from 0011 have them so,
the migration keeps every row and counts what ingest counts, ingest goes on adding to them, and the pages'
reads of them are ranges of the key alone."""
from __future__ import annotations

import importlib

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from bilat.store import schema
from bilat.store.records import actor_key
from bilat.store.schema import event_actors, events, key_stats, key_stories

from ._data import dev_results, down_and_up, pg_key, sqlite_key, sqlite_sql

TABLES = importlib.import_module("bilat.store.migrations.versions.0012_rollup_reads").TABLES


def _shape(store) -> dict[str, tuple]:
    """Per table: (key columns, counted columns stored with the key) as the database has them."""
    out = {}
    with store.engine.connect() as conn:
        for table in TABLES:
            if store.engine.dialect.name == "sqlite":
                out[table] = (sqlite_key(conn, table), "WITHOUT ROWID" in sqlite_sql(conn, table).upper())
            else:
                out[table] = pg_key(conn, table)
    return out


def _want(dialect: str) -> dict[str, tuple]:
    if dialect == "sqlite":
        return {t: (key, True) for t, (key, _) in TABLES.items()}
    return {t: f"btree ({', '.join(key)}) INCLUDE ({', '.join(counts)})" for t, (key, counts) in TABLES.items()}


def test_the_declared_tables_are_the_migrations_tables():
    for table, (key, counts) in TABLES.items():
        t = schema.metadata.tables[table]
        assert tuple(c.name for c in t.primary_key.columns) == key
        assert list(t.primary_key.dialect_options["postgresql"]["include"]) == list(counts)
        assert t.dialect_options["sqlite"]["with_rowid"] is False


def _rows(store) -> dict[str, list[tuple]]:
    with store.engine.connect() as conn:
        return {t: sorted(tuple(r) for r in conn.execute(select(schema.metadata.tables[t])))
                for t in (*TABLES, "key_stats")}


def _story_counts_hold(store) -> None:
    """key_stats.n_stories is the count of the key's rows of key_stories, for every key."""
    with store.engine.connect() as conn:
        kept = {(f, v): n for f, v, n in conn.execute(select(key_stats.c.facet, key_stats.c.value,
                                                             key_stats.c.n_stories))}
        ks = key_stories.c
        counted = {(f, v): n for f, v, n in conn.execute(select(ks.facet, ks.value, func.count())
                                                         .group_by(ks.facet, ks.value))}
    assert counted and set(counted) <= set(kept)
    assert {k: n for k, n in kept.items() if n} == counted


@pytest.mark.postgres
def test_a_new_and_a_migrated_store_keep_their_rollups_in_key_order(store):
    dialect = store.engine.dialect.name
    assert _shape(store) == _want(dialect)  # a new store
    results = dev_results()
    store.ingest(results[: len(results) // 2], batch_size=7)
    kept = _rows(store)
    assert all(kept.values()) and sum(map(len, kept.values())) > 1000
    _story_counts_hold(store)
    down_and_up(store.engine, "0011")
    assert _rows(store) == kept  # no row changes either way; the story counts back-filled as ingest kept them
    assert _shape(store) == _want(dialect)
    # ingest adds to the tables as they are now, and what it keeps is what a rebuild counts
    store.ingest(results[len(results) // 2:], batch_size=11)
    added = _rows(store)
    _story_counts_hold(store)
    store.rebuild_rollups()
    assert _rows(store) == added != kept


def test_an_actors_stories_are_those_of_its_events(web_store):
    """actor()'s n_stories, read from key_stats, is the number of distinct stories of the events that
    name the country (on either side) or the person, counted here from the base tables."""
    with web_store.engine.connect() as conn:
        rows = conn.execute(select(event_actors.c.country, event_actors.c.actor_key, events.c.story_id)
                            .join(events, events.c.event_id == event_actors.c.event_id)).all()
    by_country, by_name = {}, {}
    for country, key, story in rows:
        if country:
            by_country.setdefault(country, set()).add(story)
        by_name.setdefault(key, set()).add(story)
    assert len(by_country) > 10 and max(map(len, by_country.values())) > 10
    for country, want in by_country.items():
        assert web_store.actor(country)["n_stories"] == len(want), country
    names = sorted(by_name, key=lambda k: -len(by_name[k]))[:20]
    for name in names:
        if name != name.upper():  # a person's or organisation's key, not a code
            assert web_store.actor(name)["n_stories"] == len(by_name[actor_key(name, None)]), name


def test_before_the_migration_the_rollups_had_rowids(store):
    """What revision 0012 changes: at 0011 these were plain tables (so the test above can fail)."""
    from bilat.store.engine import migrate

    migrate(store.engine, "0011")
    shape = _shape(store)
    if store.engine.dialect.name == "sqlite":
        assert all(not without_rowid for _, without_rowid in shape.values())
    else:
        assert all("INCLUDE" not in d for d in shape.values())
    migrate(store.engine)


def test_an_actor_page_reads_its_months_as_a_range_of_the_key(web_store):
    """On SQLite a range of key_months is a SEARCH of the table's own key (the rows themselves), not of an
    automatic index followed by a table row for each entry."""
    if web_store.engine.dialect.name != "sqlite":
        return  # PostgreSQL's plans depend on its statistics and on vacuum; the key's shape is tested above
    seen = []

    def record(conn, cursor, statement, parameters, *args):
        if "key_months" in statement or "pair_months" in statement or "pair_facets" in statement:
            seen.append((statement, parameters))
    sa_event.listen(web_store.engine, "before_cursor_execute", record)
    try:
        web_store.actor("CHN")
        web_store.pair("CHN", "JPN")
        web_store.event_facets(pair="CHN-JPN")
    finally:
        sa_event.remove(web_store.engine, "before_cursor_execute", record)
    assert len(seen) >= 4
    with web_store.engine.connect() as conn:
        for statement, parameters in seen:
            plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            reads = [p for p in plan if p.startswith(("SEARCH", "SCAN"))]
            assert reads and all("PRIMARY KEY" in p and "autoindex" not in p for p in reads), plan
