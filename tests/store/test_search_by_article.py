"""Revision 0017, SQLite's search index holds each article's title and text once: search_fts a row per event
(its evidence, under its search key), search_docs a row per article with events (its title and text, under
the seq of its first event) and search_keys the keys of each article's events under that number. A word in
an article's title or text finds each of its events exactly once, however many there are and whether their
evidence holds it too; on PostgreSQL (its search_articles is that shape since 0014) the same searches give
the same. Ingest, a rebuild, events added to an article already indexed, and the migration down to 0016
(revision 0014's index: title and text on every event's row) and up again all keep it so."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, insert, select

from bilat.model import ArticleResult, Evidence
from bilat.store import rollups, search
from bilat.store.schema import events

from ._data import dev_results, down_and_up, many_results

pytestmark = pytest.mark.postgres

#: words of the probe articles alone: one in a title, one in a text (in no evidence), one in the text
#: and in one event's evidence, one in the text of two articles
TITLE, TEXT, BOTH, SHARED = "qwertyzap", "glorbnax", "plimsorrow", "vandeluxe"
QUERIES = [TITLE, TEXT, BOTH, SHARED, f"{TITLE} {TEXT}", f'"{TEXT} {SHARED}"', f"{BOTH} {TITLE}", f"{TEXT} zzzyzzyva"]


def _probes() -> list[ArticleResult]:
    """Two dev articles with several events each, their titles and texts given the probe words; an
    article without events that holds them too (nothing of it can be found)."""
    base = [r for r in dev_results() if len(r.events) >= 3][:2]
    assert len(base) == 2
    out = []
    for n, r in enumerate(base):
        aid = f"probe-{n}"
        tail = f"\n\nThe {TEXT} {SHARED} file was read." if n == 0 else f"\n\nA {SHARED} note."
        text = r.article.text + tail + (f" {BOTH.capitalize()} talks went on." if n == 0 else "")
        evs = [replace(e, article_id=aid, event_id=f"{e.event_id}-probe{n}") for e in r.events]
        if n == 0:  # the last sentence, BOTH's, is the first event's evidence as well
            start = text.index(BOTH.capitalize())
            evs[0] = replace(evs[0], evidence=(*evs[0].evidence, Evidence(text[start:], start, len(text))))
        out.append(ArticleResult(replace(r.article, id=aid, title=f"{TITLE} {r.article.title or ''}" if n == 0
                                         else r.article.title, text=text), tuple(evs)))
    bare = replace(base[0].article, id="probe-bare", title=TITLE,
                   text=f"{TEXT} {BOTH} {SHARED} " + base[0].article.text)
    return out + [ArticleResult(bare, ())]


def _ids(store, q: str) -> list[str]:
    with store.engine.connect() as conn:
        return search.match_keys(conn, q, 10_000).ids(conn)


def _want(store, articles: set[str], evidence: str | None = None) -> list[str]:
    """The events of ``articles`` (and those whose evidence holds ``evidence``), once each, in list order."""
    listed = [e["event_id"] for e in store.events(limit=10_000).rows]
    with store.engine.connect() as conn:
        hit = set(conn.execute(select(events.c.event_id).where(events.c.article_id.in_(articles))).scalars())
        if evidence:
            hit |= set(conn.execute(select(events.c.event_id).where(events.c.evidence_text.contains(evidence))
                                    ).scalars())
    return [i for i in listed if i in hit]


@pytest.fixture
def probed(store):
    store.ingest(dev_results() + _probes(), batch_size=5)
    return store


def _check_searches(store) -> dict[str, list[str]]:
    """Each probe query finds exactly the events it should, each once, in list order; as store.events does."""
    n0 = len(_probes()[0].events)
    wants = {TITLE: _want(store, {"probe-0"}), TEXT: _want(store, {"probe-0"}), BOTH: _want(store, {"probe-0"}),
             SHARED: _want(store, {"probe-0", "probe-1"}), f"{TITLE} {TEXT}": _want(store, {"probe-0"}),
             f'"{TEXT} {SHARED}"': _want(store, {"probe-0"}), f"{BOTH} {TITLE}": _want(store, {"probe-0"}),
             f"{TEXT} zzzyzzyva": []}
    assert len(wants[TEXT]) == n0 >= 3 and len(wants[SHARED]) > n0
    found = {}
    for q in QUERIES:
        got = _ids(store, q)
        assert got == wants[q], q
        assert len(set(got)) == len(got)
        page = store.events(q=q, limit=10_000)
        assert [e["event_id"] for e in page.rows] == got and page.total == len(got), q
        found[q] = got
    return found


def test_a_word_of_an_article_finds_each_of_its_events_once(probed):
    """Title, text, both, text and evidence, two articles' texts: every event of the articles, once each."""
    _check_searches(probed)
    with probed.engine.connect() as conn:
        both = conn.execute(select(func.count()).where(events.c.evidence_text.contains(BOTH.capitalize()))).scalar()
    assert both == 1  # the one event whose evidence holds BOTH is not counted twice


def _docs(store) -> tuple[list, list]:
    """SQLite's search_docs rowids and search_keys rows."""
    with store.engine.connect() as conn:
        return (sorted(r[0] for r in conn.exec_driver_sql("SELECT rowid FROM search_docs")),
                sorted(tuple(r) for r in conn.exec_driver_sql("SELECT doc, key FROM search_keys")))


def _docs_wanted(store) -> tuple[list, list]:
    """A document per article with events, numbered by its first event's seq; a key per event under it."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.article_id, events.c.seq, events.c.day)).all()
    first: dict[str, int] = {}
    for a, s, _ in rows:
        first[a] = min(s, first.get(a, s))
    return sorted(first.values()), sorted((first[a], search.key(d, s)) for a, s, d in rows)


def test_sqlite_indexes_each_article_once(sqlite_store):
    """Fails on the code before revision 0017 (no search_docs): one document per article with events and
    a key per event, after batched ingest, ingest again (nothing new) and a rebuild."""
    store = sqlite_store
    store.ingest(dev_results() + _probes(), batch_size=5)
    want = _docs_wanted(store)
    assert _docs(store) == want and len(want[1]) > len(want[0]) > 20
    store.ingest(dev_results(), batch_size=3)
    assert _docs(store) == want
    store.rebuild_rollups()
    assert _docs(store) == want
    _check_searches(store)


def test_events_added_to_an_indexed_article_are_found_once(store):
    """An event stored later for an article already indexed (``Store.ingest`` never does so; a store written
    around it might) is found by the article's words, once, and the article's other events still once each
    (SQLite: its key under a document of its own, the article's text again); a rebuild makes the article
    one document again."""
    store.ingest(dev_results() + _probes(), batch_size=5)
    before = {q: _ids(store, q) for q in (SHARED, TEXT)}
    docs_before = _docs(store) if store.engine.dialect.name == "sqlite" else None
    with store.engine.begin() as conn:
        since = rollups.mark(conn)
        row = dict(conn.execute(select(events).where(events.c.article_id == "probe-1").limit(1)).mappings().one())
        row.update(event_id="late-probe-1", seq=since["seq"] + 1, evidence_text="A late word.")
        conn.execute(insert(events).values(row))
        search.index_new(conn, since)
    assert sorted(_ids(store, SHARED)) == sorted(before[SHARED] + ["late-probe-1"])
    assert _ids(store, TEXT) == before[TEXT]
    assert _ids(store, SHARED) == _want(store, {"probe-0", "probe-1"})
    if docs_before is not None:
        docs, keys = _docs(store)
        late = search.key(row["day"], row["seq"])
        assert docs == docs_before[0] + [row["seq"]] and keys == sorted(docs_before[1] + [(row["seq"], late)])
        store.rebuild_rollups()
        assert _docs(store) == _docs_wanted(store) and len(_docs(store)[0]) == len(docs_before[0])
        assert _ids(store, SHARED) == _want(store, {"probe-0", "probe-1"})


@pytest.fixture
def sqlite_store(tmp_path):
    import bilat

    s = bilat.open_store(str(tmp_path / "bilat.db"))
    yield s
    s.close()


def _tables(store) -> set[str]:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {r[0] for r in conn.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def _pg_articles(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted((a, tuple(d), tuple(i)) for a, d, i in conn.exec_driver_sql(
            "SELECT article_id, days, event_ids FROM search_articles"))


def test_migrating_to_0016_and_back(probed):
    """Down to 0016: SQLite's search_fts is revision 0014's again (title and text on each event's row, which
    the old query finds); PostgreSQL's search is untouched. Up again: the same index and the same searches;
    ingest goes on from the migrated store."""
    store = probed
    sqlite = store.engine.dialect.name == "sqlite"
    found = _check_searches(store)
    state = _docs(store) if sqlite else _pg_articles(store)
    from bilat.store.engine import migrate

    migrate(store.engine, "0016")
    tables = _tables(store)
    if sqlite:
        assert "search_fts" in tables and not tables & {"search_docs", "search_keys"}
        with store.engine.connect() as conn:
            cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(search_fts)")]
            old = sorted(r[0] & search.SEQ_MASK for r in conn.exec_driver_sql(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (f'{{title text}} : ("{TEXT}")',)))
            probe0 = sorted(conn.execute(select(events.c.seq).where(events.c.article_id == "probe-0")).scalars())
        assert cols == ["evidence", "title", "text"] and old == probe0
    else:
        assert _pg_articles(store) == state
    down_and_up(store.engine, "0016")
    assert (_docs(store) if sqlite else _pg_articles(store)) == state
    assert _check_searches(store) == found
    store.ingest(many_results(1), batch_size=50)
    if sqlite:
        assert _docs(store) == _docs_wanted(store)
    assert _check_searches(store) == found


@pytest.mark.parametrize("q", [TEXT, SHARED, f"{BOTH} {TITLE}", "said"])
def test_match_keys_are_every_match_or_none_beyond_the_limit(probed, q):
    """``search.match_keys`` gives every match when there are at most ``limit`` (exactly ``limit``
    included), else None (the lists then count the search as any other filter)."""
    every = _ids(probed, q)
    assert len(every) >= 3
    with probed.engine.connect() as conn:
        assert search.match_keys(conn, q, len(every)).ids(conn) == every
        assert search.match_keys(conn, q, len(every) - 1) is None
        assert search.match_keys(conn, q, 1) is None
