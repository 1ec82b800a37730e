"""Revision 0016, stories numbered in ingest order: ``stories.story_no`` is the seq of the story's first
event, and the tables only ingest reads (story_members, story_tallies, story_sources, key_stories) are
keyed by it instead of the content-hash story_id. A store made new and one migrated from 0015 (or from
before the story state existed) have that shape and the same rows, by story id, both ways; ingest goes
on from a migrated store as it would have from the start; the public story ids do not change."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from ._data import dev_results, down_and_up, pg_key, sqlite_key, sqlite_sql

pytestmark = pytest.mark.postgres

NUMBERED = ("story_members", "story_tallies", "story_sources", "key_stories")
#: each table's key after the story
REST = {"story_members": ("sig",), "story_tallies": (), "story_sources": ("node",), "key_stories": ("facet", "value")}


def _shape(store) -> dict[str, object]:
    """The four tables' keys, and how SQLite stores them; the stories' number index."""
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            out = {t: (sqlite_key(conn, t), "WITHOUT ROWID" in sqlite_sql(conn, t).upper()) for t in NUMBERED}
            # story_tallies' key is the rowid: an INTEGER column, its one primary key
            out["story_tallies_no"] = [r[2] for r in conn.exec_driver_sql("PRAGMA table_info(story_tallies)")
                                       if r[1] == "story_no"]
            out["ix_stories_no"] = sqlite_sql(conn, "ix_stories_no")
            return out

        out = {t: pg_key(conn, t) for t in NUMBERED}
        d = conn.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_stories_no'").scalar() or ""
        out["ix_stories_no"] = d[d.find("UNIQUE"):]
        return out


def _want(dialect: str, by: str = "story_no") -> dict[str, object]:
    if dialect == "sqlite":
        out = {t: ((by, *REST[t]), t in ("story_sources", "key_stories")) for t in NUMBERED}
        out["story_tallies_no"] = ["INTEGER"]
        out["ix_stories_no"] = "CREATE UNIQUE INDEX ix_stories_no ON stories (story_no)"
        return out
    out = {t: f"btree ({', '.join((by, *REST[t]))})" for t in NUMBERED}
    out["ix_stories_no"] = "UNIQUE INDEX ix_stories_no ON public.stories USING btree (story_no)"
    return out


def _state(store) -> dict[str, list]:
    """Every row of the four tables, by story id whatever they are keyed by; the stories rows (but
    their timestamps); key_stats' story counts."""
    out = {}
    with store.engine.connect() as conn:
        numbered = "story_no" in {r[0] for r in conn.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'stories'")} \
            if store.engine.dialect.name == "postgresql" else \
            "story_no" in {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(stories)")}
        for t in NUMBERED:
            sql = (f"SELECT s.story_id AS story_of, t.* FROM {t} AS t JOIN stories AS s ON s.story_no = t.story_no"
                   if numbered else f"SELECT t.story_id AS story_of, t.* FROM {t} AS t")
            out[t] = _rows(conn, sql, ("story_no", "story_id"))
        out["stories"] = _rows(conn, "SELECT * FROM stories", ("created_at", "updated_at"))
        out["key_stats"] = sorted(tuple(r) for r in conn.execute(text(
            "SELECT facet, value, n_stories FROM key_stats")))
    return out


def _rows(conn, sql: str, leave: tuple[str, ...]) -> list[tuple]:
    rows = (tuple(sorted((k, v) for k, v in r.items() if k not in leave)) for r in conn.execute(text(sql)).mappings())
    return sorted(rows, key=repr)


def _numbers(store) -> tuple[dict[str, int], dict[str, int]]:
    """Each story's number, and the seq of its first event."""
    with store.engine.connect() as conn:
        nos = dict(conn.execute(text("SELECT story_id, story_no FROM stories")).all())
        first = dict(conn.execute(text("SELECT story_id, MIN(seq) FROM events GROUP BY story_id")).all())
    return nos, first


def test_a_story_is_numbered_by_its_first_event(store):
    """Fails on the code before revision 0016 (no stories.story_no)."""
    results = dev_results()
    store.ingest(results[:40], batch_size=7)
    early, _ = _numbers(store)
    store.ingest(results[40:], batch_size=11)
    nos, first = _numbers(store)
    assert nos and nos == first
    assert {sid: nos[sid] for sid in early} == early  # a story keeps its number as it grows
    assert min(no for sid, no in nos.items() if sid not in early) > max(early.values())  # new ones come after
    with store.engine.connect() as conn:
        for t in NUMBERED:  # every row of the four tables is some story's
            orphans = conn.execute(text(f"SELECT COUNT(*) FROM {t} WHERE story_no NOT IN "
                                        f"(SELECT story_no FROM stories)")).scalar_one()
            assert orphans == 0, t
            assert conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() > 0, t
    # the public ids are the content hashes they were
    story = store.stories(limit=1).rows[0]
    assert story["story_id"].startswith("st-") and "story_no" not in story
    assert "story_no" not in store.story(story["story_id"])


def test_a_new_and_a_migrated_store_key_the_story_state_by_number(store, tmp_path):
    from bilat.store.engine import migrate

    dialect = store.engine.dialect.name
    assert _shape(store) == _want(dialect)  # a new store
    results = dev_results()
    store.ingest(results[: len(results) // 2], batch_size=7)
    kept = _state(store)
    assert all(kept.values())
    migrate(store.engine, "0015")
    assert _shape(store)["story_members"] == _want(dialect, by="story_id")["story_members"]
    at = _state(store)
    assert {k: at[k] for k in (*NUMBERED, "key_stats")} == {k: kept[k] for k in (*NUMBERED, "key_stats")}
    down_and_up(store.engine, "0015")
    assert _state(store) == kept  # no row changes either way, and the numbers are found again
    assert _shape(store) == _want(dialect)
    # ingest goes on from the migrated store as from one that had the numbers from the start
    store.ingest(results[len(results) // 2:], batch_size=11)
    import bilat

    fresh = bilat.open_store(str(tmp_path / "fresh.db"))
    try:
        fresh.ingest(results, batch_size=13)
        assert _state(store) == _state(fresh)
    finally:
        fresh.close()


def test_a_store_from_before_the_story_state_gets_it_numbered(store):
    """Revisions 0006 and 0007 leave key_stories and the story state to revision 0016's back-fill."""
    store.ingest(dev_results(), batch_size=9)
    kept = _state(store)
    down_and_up(store.engine, "0005")
    assert _state(store) == kept


def test_the_migration_numbers_a_story_without_events_after_the_last_event(tmp_path):
    import bilat
    from bilat.store.engine import migrate

    store = bilat.open_store(str(tmp_path / "s.db"))
    try:
        store.ingest(dev_results()[:20])
        migrate(store.engine, "0015")
        with store.engine.begin() as conn:
            cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(stories)")]
            assert "story_no" not in cols
            picked = ", ".join("'st-zzz-orphan'" if c == "story_id" else c for c in cols)
            conn.exec_driver_sql(f"INSERT INTO stories ({', '.join(cols)}) SELECT {picked} FROM stories LIMIT 1")
            top = conn.exec_driver_sql("SELECT MAX(seq) FROM events").scalar_one()
        migrate(store.engine)
        nos, first = _numbers(store)
        assert nos.pop("st-zzz-orphan") == top + 1
        assert nos == first
    finally:
        store.close()
