"""The search index (``store/search.py``) on real SQLite and PostgreSQL: a search lists exactly the events
whose evidence, or whose article's title and text, hold every term, in list order, and its pages, cursors
and offsets walk that list as any list's do. SQLite's index (revision 0014) is in list order itself: its
rowids are the events' search keys, kept by ingest, rebuild and the migration, and a search's first page
reads the day and id of the events it shows, not of every match."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from bilat.store import search
from bilat.store.cursor import in_order
from bilat.store.schema import events

from ._data import dev_results, down_and_up

pytestmark = pytest.mark.postgres

#: words and phrases of the dev set: common ones (many matches, several a day, undated events among them), rare
#: ones, words found only in an article's text, a phrase, and terms found apart but never together
QUERIES = ["said", "china", "said minister", "senkaku islands", '"senkaku islands"', "ambassador", "Japan",
           '"foreign ministry" talks', "sanctions", "zzzyzzyva", "the zzzyzzyva"]


def _expected(store, q: str) -> list[str]:
    """The ids of the events the query should find, in list order, found without the store's index:
    SQLite, the two FTS5 tables before revision 0014 (evidence by event; title and text by article) made
    afresh in memory and asked as that code asked them; PostgreSQL, every event's tsvectors computed."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.day, events.c.event_id, events.c.evidence_text, events.c.article_id)).all()
        if store.engine.dialect.name == "postgresql":
            found = conn.exec_driver_sql(
                "SELECT e.day, e.event_id FROM events AS e JOIN articles AS a ON a.article_id = e.article_id "
                "WHERE to_tsvector('english', e.evidence_text) @@ websearch_to_tsquery('english', %(q)s) "
                "OR to_tsvector('english', coalesce(a.title, '') || ' ' || left(a.text, 200000)) "
                "@@ websearch_to_tsquery('english', %(q)s)", {"q": search.pg_query(q)}).all()
            return [i for _, i in in_order(tuple(r) for r in found)]
        docs = conn.exec_driver_sql("SELECT article_id, title, text FROM articles").all()
    old = sqlite3.connect(":memory:")
    old.execute("CREATE VIRTUAL TABLE ev USING fts5(evidence_text, tokenize='porter unicode61')")
    old.execute("CREATE VIRTUAL TABLE ar USING fts5(title, text, tokenize='porter unicode61')")
    old.executemany("INSERT INTO ev (rowid, evidence_text) VALUES (?, ?)",
                    [(n, r.evidence_text) for n, r in enumerate(rows)])
    old.executemany("INSERT INTO ar (rowid, title, text) VALUES (?, ?, ?)", [(n, *d[1:]) for n, d in enumerate(docs)])
    fq = " ".join('"' + p.replace('"', '""') + '"' for p in search.terms(q))
    if not fq:
        return []
    hit = {n for (n,) in old.execute("SELECT rowid FROM ev WHERE ev MATCH ?", (fq,))}
    texts = {docs[n][0] for (n,) in old.execute("SELECT rowid FROM ar WHERE ar MATCH ?", (fq,))}
    return [i for _, i in in_order((r.day, r.event_id) for n, r in enumerate(rows) if n in hit or r.article_id in texts)]


def _found(store, q: str) -> list[str]:
    return [e["event_id"] for e in store.events(q=q, limit=10_000).rows]


def _walk(store, q: str, limit: int) -> list[str]:
    """The ids of a search's list walked forward by next cursors, checked against the walk back."""
    pages, page = [], store.events(q=q, limit=limit)
    while True:
        pages.append(page.rows)
        if not page.next_cursor:
            break
        page = store.events(q=q, limit=limit, cursor=page.next_cursor)
    back, rows = [page.rows], page
    while rows.prev_cursor:
        rows = store.events(q=q, limit=limit, cursor=rows.prev_cursor)
        back.append(rows.rows)
    forward = [e["event_id"] for p in pages for e in p]
    assert forward == [e["event_id"] for p in reversed(back) for e in p]
    return forward


@pytest.fixture
def sqlite_store(tmp_path):
    """A store on SQLite alone, for what only SQLite's index does."""
    import bilat

    s = bilat.open_store(str(tmp_path / "bilat.db"))
    yield s
    s.close()


@pytest.fixture
def pg_store(pg_url):
    """A store on PostgreSQL alone."""
    import bilat

    s = bilat.open_store(pg_url)
    yield s
    s.close()


@pytest.fixture
def filled(store):
    store.ingest(dev_results(), batch_size=7)
    return store


def test_the_matches_are_the_events_holding_every_term(filled):
    """Same matches as the index before revision 0014 (SQLite) or every event's tsvectors (PostgreSQL), in
    list order (day descending, then id; undated last)."""
    for q in QUERIES:
        want = _expected(filled, q)
        got = filled.events(q=q, limit=10_000)
        assert [e["event_id"] for e in got.rows] == want, q
        assert got.total == len(want), q


@pytest.mark.parametrize("q", ["said", "china", "said minister"])
@pytest.mark.parametrize("limit", [1, 3, 7])
def test_pages_cursors_and_offsets_walk_a_search(filled, q, limit):
    everything = [e["event_id"] for e in filled.events(q=q, limit=10_000).rows]
    with filled.engine.connect() as conn:
        days = dict(conn.execute(select(events.c.event_id, events.c.day)).all())
    assert len({days[i] for i in everything}) < len(everything)  # days with several matches: ids order them
    assert _walk(filled, q, limit) == everything
    for offset in (0, 1, limit + 2, len(everything) - 1, len(everything), len(everything) + 3):
        page = filled.events(q=q, limit=limit, offset=offset)
        assert [e["event_id"] for e in page.rows] == everything[offset:offset + limit], offset
        if page.next_cursor:
            after = filled.events(q=q, limit=limit, cursor=page.next_cursor)
            assert [e["event_id"] for e in after.rows] == everything[offset + limit:offset + 2 * limit]


def test_a_search_with_other_filters_is_the_search_narrowed(filled):
    for kw in (dict(type="ACCUSE"), dict(pair="CHN-JPN"), dict(actor="CHN", since="2023"), dict(issue="taiwan")):
        alone = {e["event_id"] for e in filled.events(q="said", limit=10_000).rows}
        narrowed = [e["event_id"] for e in filled.events(limit=10_000, **kw).rows if e["event_id"] in alone]
        assert [e["event_id"] for e in filled.events(q="said", limit=10_000, **kw).rows] == narrowed, kw


def _index_keys(store) -> list[int]:
    with store.engine.connect() as conn:
        return sorted(r[0] for r in conn.exec_driver_sql("SELECT rowid FROM search_fts"))


def _event_keys(store) -> list[int]:
    with store.engine.connect() as conn:
        return sorted(search.key(d, s) for d, s in conn.execute(select(events.c.day, events.c.seq)))


def test_sqlite_index_rows_are_the_events_keys(sqlite_store):
    """One row per event whose rowid is its search key, after batched ingest, ingest again (nothing new),
    a rebuild, and migrating back to 0013 (the two FTS tables by rowid) and forward."""
    store = sqlite_store
    store.ingest(dev_results(), batch_size=5)
    keys = _event_keys(store)
    assert _index_keys(store) == keys and len(keys) > 100
    with store.engine.connect() as conn:
        dated = conn.execute(select(events.c.day, events.c.seq).where(events.c.day.is_not(None))).first()
        assert conn.exec_driver_sql(f"SELECT {search.SQLITE_KEY} FROM events AS e WHERE e.seq = ?",
                                    (dated.seq,)).scalar_one() == search.key(dated.day, dated.seq)
    assert search.key_day(search.key(dated.day, dated.seq)) == dated.day and search.key_day(search.key(None, 5)) is None
    store.ingest(dev_results(), batch_size=3)
    assert _index_keys(store) == keys
    store.rebuild_rollups()
    assert _index_keys(store) == keys
    found = {q: _found(store, q) for q in QUERIES}
    with store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "search_fts" in tables and not tables & {"events_fts", "articles_fts"}
    from bilat.store.engine import migrate

    migrate(store.engine, "0013")
    with store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events_fts", "articles_fts"} <= tables and "search_fts" not in tables
    down_and_up(store.engine, "0013")
    assert _index_keys(store) == keys
    assert {q: _found(store, q) for q in QUERIES} == found


def test_sqlite_first_page_reads_only_the_days_it_shows(sqlite_store):
    """The matches come from the index alone (no events row read for them); a page resolves the day and id
    of its own events and of the others on the days it ends on, not of every match."""
    store = sqlite_store
    store.ingest(dev_results())
    with store.engine.connect() as conn:
        matches = search.match_keys(conn, "said", 10_000)
        assert isinstance(matches, search.Matches) and len(matches) > 100
        assert matches.keys == sorted(matches.keys, reverse=True) and not matches._known
        page, before, after = matches.page(conn, 5, None)
        assert len(page) == 5 and not before and after
        day_of_last = [k for k in matches.keys if search.key_day(k) == page[-1][0]]
        assert len(matches._known) <= 5 + len(day_of_last) < len(matches)
        everything = matches.first(conn, len(matches))
    assert [i for _, i in everything] == [e["event_id"] for e in store.events(q="said", limit=10_000).rows]


def _article_rows(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted((a, tuple(sorted(zip(i, d)))) for a, d, i in conn.exec_driver_sql(
            "SELECT article_id, days, event_ids FROM search_articles"))


def _articles_events(store) -> list[tuple]:
    by_article: dict[str, list] = {}
    with store.engine.connect() as conn:
        for a, i, d in conn.execute(select(events.c.article_id, events.c.event_id, events.c.day)):
            by_article.setdefault(a, []).append((i, d))
    return sorted((a, tuple(sorted(v))) for a, v in by_article.items())


def test_postgresql_articles_table_holds_each_articles_events(pg_store):
    """search_articles has a row per article with events, holding their days and ids, after batched ingest,
    ingest again (nothing new), a rebuild, and migrating back to 0013 (a GIN index on articles) and forward."""
    store = pg_store
    store.ingest(dev_results(), batch_size=5)
    want = _articles_events(store)
    assert _article_rows(store) == want and any(len(v) > 1 for _, v in want)
    store.ingest(dev_results(), batch_size=3)
    assert _article_rows(store) == want
    store.rebuild_rollups()
    assert _article_rows(store) == want
    found = {q: _found(store, q) for q in QUERIES}
    from bilat.store.engine import migrate

    migrate(store.engine, "0013")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT to_regclass('search_articles')").scalar() is None
        assert conn.exec_driver_sql("SELECT to_regclass('ix_articles_fts')").scalar() is not None
    down_and_up(store.engine, "0013")
    assert _article_rows(store) == want
    assert {q: _found(store, q) for q in QUERIES} == found


def test_postgresql_reads_with_prefetch(pg_store):
    """A store's PostgreSQL connections keep PG_IO_CONCURRENCY page reads in flight in a bitmap heap scan
    (a search's matching rows, a facet sample's); the server's default is 1."""
    store = pg_store
    from bilat.store.engine import PG_IO_CONCURRENCY

    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW effective_io_concurrency").scalar_one() == str(PG_IO_CONCURRENCY)
        assert conn.exec_driver_sql("SELECT boot_val FROM pg_settings WHERE name = 'effective_io_concurrency'"
                                    ).scalar_one() != str(PG_IO_CONCURRENCY)


@pytest.mark.parametrize("kw", [dict(type="ACCUSE"), dict(type="CONSULT,AGREE,REQUEST"), dict(type="ACCUSE", since="2023"),
                                dict(type="ASSAULT", until="2000")])
def test_a_search_with_types_is_exact_and_in_order(filled, kw, monkeypatch):
    """On SQLite the matches' types are read with their ids (ix_events_seq): a search with types is listed
    from them with an exact total, however small a counted list's caps; on PostgreSQL it is a counted list.
    Either way the same events as the search filtered by type, and its facets are its own."""
    from bilat.store import browse

    alone = [e for e in filled.events(q="said", limit=10_000).rows]
    want = [e["event_id"] for e in filled.events(limit=10_000, **kw).rows
            if e["event_id"] in {x["event_id"] for x in alone}]
    assert want or "until" in kw
    assert [e["event_id"] for e in filled.events(q="said", limit=10_000, **kw).rows] == want
    if filled.engine.dialect.name == "sqlite":
        monkeypatch.setattr(browse, "COUNT_CAP", 2)
        monkeypatch.setattr(browse, "SCAN_CAP", 2)
        filled.__dict__.pop("_kept_lists", None)
        got = filled.events(q="said", limit=3, **kw)
        assert got.total == len(want) and not got.total_capped
        assert [e["event_id"] for e in got.rows] == want[:3]
        facets = filled.event_facets(q="said", **kw)
        assert facets["n"] == min(len(want), browse.FACET_SAMPLE)
        assert {t for t, _ in facets["facets"]["type"]} <= set(kw["type"].split(","))


def test_sqlite_pages_read_ids_from_the_seq_index(sqlite_store):
    """A page of matches reads its events' ids by the seq in their keys from ix_events_seq alone."""
    store = sqlite_store
    store.ingest(dev_results(["seed-000", "seed-001"]))
    with store.engine.connect() as conn:
        plan = " ".join(r[3] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT seq, event_id, type FROM events WHERE seq IN (1, 2, 3)"))
    assert "COVERING INDEX ix_events_seq" in plan, plan


@pytest.mark.parametrize("since, until", [("2023", None), (None, "2019"), ("2023-08", "2023-12"), ("2024-01-05", "2024-01-05")])
def test_a_search_within_dates_is_the_search_cut_by_day(filled, since, until, monkeypatch):
    """Dates narrow a search by its keys' days (SQLite) or its listed days (PostgreSQL): the same events as
    the search filtered by each event's day, undated ones left out, with pages and an exact total of its
    own however small the caps of a counted list (it was one: its head read up to COUNT_CAP matches within
    the newest SCAN_CAP events)."""
    from bilat.analysis import period_bounds
    from bilat.store import browse

    monkeypatch.setattr(browse, "COUNT_CAP", 2)
    monkeypatch.setattr(browse, "SCAN_CAP", 2)

    lo, hi = period_bounds(since, until)
    alone = filled.events(q="said", limit=10_000).rows
    want = [e["event_id"] for e in alone if e["day"] is not None and (not lo or e["day"] >= lo) and (not hi or e["day"] <= hi)] \
        if "day" in alone[0] else None
    got = filled.events(q="said", since=since, until=until, limit=10_000)
    if want is None:
        with filled.engine.connect() as conn:
            days = dict(conn.execute(select(events.c.event_id, events.c.day)).all())
        want = [e["event_id"] for e in alone if days[e["event_id"]] and (not lo or days[e["event_id"]] >= lo)
                and (not hi or days[e["event_id"]] <= hi)]
    assert [e["event_id"] for e in got.rows] == want and got.total == len(want) and not got.total_capped
    assert 0 < len(want) < len(alone) or (since, until) == ("2024-01-05", "2024-01-05")
    if len(want) > 2:
        second = filled.events(q="said", since=since, until=until, limit=2, cursor=filled.events(
            q="said", since=since, until=until, limit=2).next_cursor)
        assert [e["event_id"] for e in second.rows] == want[2:4]
