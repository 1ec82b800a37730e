"""Full-text search over evidence sentences, article titles and article text.

SQLite: two FTS5 tables without content of their own, stemmed by the porter tokenizer and filled by each
ingest batch (``index_new``). ``search_fts`` holds each event's evidence under the event's place in the
lists (``key``: the day, then ``seq``) as its rowid, so the index alone gives a query's matches newest
first and their number, without reading a row of ``events`` for each (at 1M events a word has ~2,400
matches, and reading each one's day and id from its row was ~250 ms cold: revision 0014); the events are
read only for the page shown (``Matches``). ``search_docs`` holds each article's title and text once,
under its document number (the seq of its first event: ingest order), and ``search_keys`` (doc, key) the
keys of each article's events beside it, so an article's matches are its events' keys read from one range
of a small table. Until revision 0017 the title and text were on every event's row of search_fts: an
article with 3 events was indexed 3 times, and the index's merges made ingest slow as the store grew.
PostgreSQL: a GIN index over ``to_tsvector('english', evidence_text)`` of events, which the database
keeps current itself, and a table of articles (``search_articles``, filled by each batch as well) with
their title and text's tsvector under a GIN index and their events' days and ids beside it: an
article's matches are read from its row there, where they were looked up by article in events, a
random index read and row per matched article (revision 0014).

A query is words and "quoted phrases": every word and every phrase must occur (in an event's
evidence, or in its article's title or text); ``senkaku islands`` finds 'the Senkaku Islands'.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from sqlalchemy import ColumnElement, select, text
from sqlalchemy.engine import Connection

from . import cursor as cursors
from .schema import events


#: the tables search.create makes, not in schema.metadata: SQLite's FTS5 tables and the shadow tables FTS5
#: creates beside them, its table of articles' keys, PostgreSQL's table of articles and its indexes
FTS_PREFIXES = ("search_fts", "search_docs", "search_keys", "search_articles")
#: SQLite's search tables (revision 0017): events' evidence by key; articles' title and text by document
#: number; each document's events' keys, one range of a WITHOUT ROWID table per article
SQLITE_TABLES = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(evidence, content='', tokenize='porter unicode61')",
    "CREATE VIRTUAL TABLE search_docs USING fts5(title, text, content='', tokenize='porter unicode61')",
    "CREATE TABLE search_keys (doc INTEGER NOT NULL, key INTEGER NOT NULL, PRIMARY KEY (doc, key)) WITHOUT ROWID")
#: PostgreSQL's expression of the events' GIN index; the query must repeat it exactly for the index to serve it
PG_EVENTS = "to_tsvector('english', evidence_text)"
#: ... and what search_articles.doc holds, of ``articles AS a``
PG_ARTICLES = "to_tsvector('english', coalesce(a.title, '') || ' ' || left(a.text, 200000))"
#: a search key is (the day's proleptic ordinal << SEQ_BITS) | seq; an undated event's day part is 0,
#: so undated events come after every dated one, as in the lists
SEQ_BITS = 40
SEQ_MASK = (1 << SEQ_BITS) - 1
#: the key of ``events AS e`` in SQLite (julianday of 0001-01-01 is 1721425.5, its ordinal 1)
SQLITE_KEY = (f"((CASE WHEN e.day IS NULL THEN 0 ELSE CAST(julianday(e.day) - 1721424.5 AS INTEGER) END "
              f"<< {SEQ_BITS}) | e.seq)")


def key(day: str | None, seq: int) -> int:
    """An event's search key: its place in the lists, newest day first, as one integer."""
    return ((dt.date.fromisoformat(day).toordinal() << SEQ_BITS) if day else 0) | seq


def key_day(k: int) -> str | None:
    return dt.date.fromordinal(k >> SEQ_BITS).isoformat() if k >> SEQ_BITS else None


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for ddl in SQLITE_TABLES:
            conn.exec_driver_sql(ddl)
    else:
        conn.exec_driver_sql(f"CREATE INDEX ix_events_fts ON events USING gin ({PG_EVENTS})")
        create_articles(conn)


def create_articles(conn: Connection, index: bool = True) -> None:
    """PostgreSQL's search_articles: an article's title and text as a tsvector, its events' days and ids;
    ``index=False``: without its GIN index yet (``index_articles``), to fill a big one first."""
    conn.exec_driver_sql("CREATE TABLE search_articles (article_id varchar(200) PRIMARY KEY, doc tsvector NOT NULL, "
                         "days varchar(10)[] NOT NULL, event_ids varchar(80)[] NOT NULL)")
    if index:
        index_articles(conn)


def index_articles(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE INDEX search_articles_doc ON search_articles USING gin (doc)")


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for table in ("search_fts", "search_docs", "search_keys"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        # revision 0014's downgrade makes the two tables before it (evidence; title and text)
        conn.exec_driver_sql("DROP TABLE IF EXISTS events_fts")
        conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_fts")
        conn.exec_driver_sql("DROP TABLE IF EXISTS search_articles")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_fts")  # revision 0014's downgrade makes it


def mark(conn: Connection) -> dict[str, int]:
    """Where the events end now, so ``index_new`` indexes exactly what a batch adds."""
    return {"search_seq": conn.execute(text("SELECT coalesce(max(seq), 0) FROM events")).scalar_one()}


def index_new(conn: Connection, since: dict[str, int]) -> None:
    """Index the events added after ``since`` (a ``mark``) and their articles' title and text (an
    article is stored in the batch that stores its events); PostgreSQL's events' GIN index needs nothing."""
    fill(conn, "e.seq > :s", {"s": since.get("search_seq", 0)})


def rebuild(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        conn.exec_driver_sql("INSERT INTO search_docs (search_docs) VALUES ('delete-all')")
        conn.exec_driver_sql("DELETE FROM search_keys")
    else:
        conn.exec_driver_sql("DELETE FROM search_articles")
    fill(conn)
    if conn.dialect.name == "postgresql":
        # the rows went to the GIN index's pending list, which every search would read through (500
        # pages a word at 1M events) until a vacuum merged it: merged now
        conn.exec_driver_sql("SELECT gin_clean_pending_list('search_articles_doc')")


def fill(conn: Connection, where: str = "1 = 1", params: dict | None = None) -> None:
    """Index the events ``where`` selects (of ``events AS e``) and their articles."""
    if conn.dialect.name == "sqlite":
        fill_sqlite(conn, where, params or {})
        return
    # an article's events are stored with it, in one batch; should more come later, they are added
    conn.execute(text(f"INSERT INTO search_articles (article_id, doc, days, event_ids) SELECT a.article_id, "
                      f"{PG_ARTICLES}, array_agg(e.day ORDER BY e.seq), array_agg(e.event_id ORDER BY e.seq) "
                      f"FROM events AS e JOIN articles AS a ON a.article_id = e.article_id WHERE {where} "
                      f"GROUP BY a.article_id ON CONFLICT (article_id) DO UPDATE SET "
                      f"days = search_articles.days || excluded.days, "
                      f"event_ids = search_articles.event_ids || excluded.event_ids"), params or {})


def fill_sqlite(conn: Connection, where: str, params: dict) -> None:
    """SQLite: each event's evidence under its key; each article's title and text once, under its document
    number (the seq of its first event), and its events' keys under that number.

    Rows go in in rowid order: FTS5 writes what it holds as a new segment of the index each time a
    row's rowid is below the last one's, and events in seq order have their keys (by day) in no order:
    3,000 rows so made 1,508 segments for the index's merges to fold in, in rowid order one. ``Store.ingest``
    stores an article with all its events; should a store written around it add events to an article
    indexed before, they go in as a document of their own with the article's text again: each event's
    key is under one document, so a search finds it once. (``+e.article_id``: grouped in a sort of the
    batch's events, read by seq, not in a scan of ix_events_article, which is in article order but holds
    every stored event.)"""
    conn.execute(text(f"INSERT INTO search_fts (rowid, evidence) SELECT {SQLITE_KEY} AS k, e.evidence_text "
                      f"FROM events AS e WHERE {where} ORDER BY k"), params)
    conn.execute(text(f"INSERT INTO search_docs (rowid, title, text) SELECT d.doc, a.title, a.text FROM "
                      f"(SELECT e.article_id, min(e.seq) AS doc FROM events AS e WHERE {where} GROUP BY +e.article_id) "
                      f"AS d JOIN articles AS a ON a.article_id = d.article_id ORDER BY d.doc"), params)
    conn.execute(text(f"INSERT INTO search_keys (doc, key) SELECT min(e.seq) OVER (PARTITION BY +e.article_id) AS doc, "
                      f"{SQLITE_KEY} AS k FROM events AS e WHERE {where} ORDER BY doc, k"), params)


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def terms(q: str) -> list[str]:
    """The words and quoted phrases of a query, each reduced to its letters and digits."""
    out = []
    for phrase, word in _TERM.findall(q or ""):
        words = re.findall(r"\w+", phrase or word)
        if words:
            out.append(" ".join(words))
    return out


def fts5_query(q: str) -> str | None:
    """A query as FTS5 syntax: each term a quoted phrase, all required; asked of search_fts (all in the
    evidence) and of search_docs (all in the article's title and text), never some in each. None when
    it has no word."""
    parts = terms(q)
    if not parts:
        return None
    return " ".join('"' + p.replace('"', '""') + '"' for p in parts)


#: SQLite: the keys of the events a query (``:fq``) matches, by their evidence or their article's
#: title and text; an event matched both ways is in both (a condition's IN list, which needs no order)
SQLITE_MATCHES = ("SELECT rowid AS k FROM search_fts WHERE search_fts MATCH :fq UNION ALL SELECT s.key AS k "
                  "FROM search_keys AS s WHERE s.doc IN (SELECT rowid FROM search_docs WHERE search_docs MATCH :fq)")


def pg_query(q: str) -> str | None:
    """A query as ``websearch_to_tsquery`` input: the same terms, phrases quoted."""
    parts = terms(q)
    return " ".join(f'"{p}"' if " " in p else p for p in parts) if parts else None


def matches(dialect: str, q: str) -> ColumnElement[Any] | None:
    """A condition on ``events``: the query's terms occur in the evidence, or in the article's
    title or text. None when the query has no word (nothing to search for).

    One IN over the matches (SQLite) or the union of both searches (PostgreSQL), so the database reads
    the (few) matching events from the search index and sorts them, rather than testing every event
    newest first."""
    if dialect == "sqlite":
        fq = fts5_query(q)
        if fq is None:
            return None
        return text(f"events.seq IN (SELECT m.k & {SEQ_MASK} FROM ({SQLITE_MATCHES}) AS m)").bindparams(fq=fq)
    wq = pg_query(q)
    if wq is None:
        return None
    return text(f"events.event_id IN (SELECT e2.event_id FROM events AS e2 WHERE "
                f"{PG_EVENTS.replace('evidence_text', 'e2.evidence_text')} @@ websearch_to_tsquery('english', :wq_e) "
                f"UNION SELECT unnest(s.event_ids) FROM search_articles AS s "
                f"WHERE s.doc @@ websearch_to_tsquery('english', :wq_a))").bindparams(wq_e=wq, wq_a=wq)


#: SQLite: up to ``:n`` of the keys SQLITE_MATCHES gives, once each, newest first (``match_keys``)
SQLITE_MATCH_KEYS = ("SELECT k FROM (SELECT rowid AS k FROM search_fts WHERE search_fts MATCH :fq LIMIT :n) UNION "
                     "SELECT k FROM (SELECT s.key AS k FROM search_keys AS s WHERE s.doc IN (SELECT rowid FROM "
                     "search_docs WHERE search_docs MATCH :fq) LIMIT :n) ORDER BY k DESC LIMIT :n")


def match_keys(conn: Connection, q: str, limit: int) -> "Listed | None":
    """The events the query matches (it has a word), in list order; None when there are more than ``limit``.

    SQLite: their search keys, from the index alone (``Matches``): the evidence's matches and the keys of
    the matching articles' events, each read up to ``limit + 1`` (so a word in most articles stops there,
    where sorting all of its keys would grow with the store: more than ``limit`` of either are more than
    ``limit`` in all), put together once each and newest first by SQLite.
    PostgreSQL: (day, event_id) of each, read with their rows: each search reads its events' days
    itself (a UNION of the two) rather than handing ids to a third lookup of every match by primary
    key (2,400 matches at 1M events: 51 -> 34 ms p50); an article's, from its search_articles row."""
    if conn.dialect.name == "sqlite":
        keys = conn.execute(text(SQLITE_MATCH_KEYS), {"fq": fts5_query(q), "n": limit + 1}).scalars().all()
        return Matches(keys) if len(keys) <= limit else None
    listed = Listed(cursors.in_order(tuple(r) for r in conn.execute(text(
        f"SELECT e2.day, e2.event_id FROM events AS e2 WHERE "
        f"{PG_EVENTS.replace('evidence_text', 'e2.evidence_text')} @@ websearch_to_tsquery('english', :wq) "
        f"UNION SELECT u.day, u.event_id FROM search_articles AS s, unnest(s.days, s.event_ids) AS u(day, event_id) "
        f"WHERE s.doc @@ websearch_to_tsquery('english', :wq) LIMIT :n"), {"wq": pg_query(q), "n": limit + 1})))
    return listed if len(listed) <= limit else None


class Listed:
    """A search's matches as (day, event_id) keys already in list order (PostgreSQL)."""

    def __init__(self, keys: list[cursors.Key]):
        self.keys = keys

    def __len__(self) -> int:
        return len(self.keys)

    def page(self, conn: Connection, limit: int, cursor: str | None = None, skip: int = 0):
        """``cursors.keyset`` over the matches: (keys, rows before, rows after)."""
        return cursors.keyset_in(self.keys, limit, cursor, skip)

    def first(self, conn: Connection, n: int) -> list[cursors.Key]:
        return self.keys[:n]

    def of_types(self, conn: Connection, types: list[str]) -> "Listed | None":
        """The matches of these types, when they can be told without reading the events (None: they cannot)."""
        return None

    def within(self, lo: str | None, hi: str | None) -> "Listed":
        """The matches dated within [lo, hi] (ISO days; None: open), as a list's date bounds keep them."""
        return Listed([k for k in self.keys if k[0] is not None and (not lo or k[0] >= lo) and (not hi or k[0] <= hi)])

    def ids(self, conn: Connection) -> list[str]:
        return [i for _, i in self.keys]


class Matches(Listed):
    """A search's matches as SQLite's search keys, newest first (day descending, then seq). The lists
    order a day's events by event_id, so a key's (day, event_id) is read, a day's matches at a time,
    only where a page, a facet sample or another filter needs it: the first page of a one-word search
    at 1M events reads ~100 events rows, not ~2,400."""

    def __init__(self, keys: list[int]):
        self.keys = keys
        self._neg = [-k for k in keys]  # ascending, for bisect
        self._known: dict[int, cursors.Key] = {}
        self._types: dict[int, str] = {}

    def page(self, conn: Connection, limit: int, cursor: str | None = None, skip: int = 0):
        direction, key = cursors.decode(cursor) if cursor else ("a", None)
        if skip and cursor is None:
            if skip > len(self.keys):
                return [], True, False
            start = skip
        else:
            start = 0 if key is None else self._before(conn, key, inclusive=True)
        if direction == "a":
            rows = self._slice(conn, start, start + limit + 1)
            return rows[:limit], start > 0 or key is not None, len(rows) > limit
        end = self._before(conn, key, inclusive=False)  # the rows strictly before the key
        return self._slice(conn, max(0, end - limit), end), end > limit, True

    def first(self, conn: Connection, n: int) -> list[cursors.Key]:
        return self._slice(conn, 0, n)

    def within(self, lo: str | None, hi: str | None) -> "Matches":
        """The matches dated within [lo, hi], from their keys alone (the day is the key's high part)."""
        top = key(hi, SEQ_MASK) if hi else None
        bottom = key(lo, 0) if lo else 1 << SEQ_BITS  # no lower bound: every dated match
        out = Matches([k for k in self.keys if k >= bottom and (top is None or k <= top)])
        out._known, out._types = self._known, self._types  # what was read of them stays read
        return out

    def ids(self, conn: Connection) -> list[str]:
        return [i for _, i in self._slice(conn, 0, len(self.keys))]

    def of_types(self, conn: Connection, types: list[str]) -> "Matches":
        """The matches of these types: every match's type read with its id from ix_events_seq (one index
        read a match, where checking the type was a read of its events row)."""
        self._slice(conn, 0, len(self.keys))
        wanted = set(types)
        out = Matches([k for k in self.keys if self._types.get(k) in wanted])
        out._known, out._types = self._known, self._types
        return out

    def _day_span(self, ordinal: int) -> tuple[int, int]:
        """Where the keys of one day (0: the undated) lie in ``keys``."""
        lo = bisect.bisect_left(self._neg, -(((ordinal + 1) << SEQ_BITS) - 1))
        return lo, bisect.bisect_left(self._neg, -((ordinal << SEQ_BITS) - 1)) if ordinal else len(self.keys)

    def _before(self, conn: Connection, key: cursors.Key, inclusive: bool) -> int:
        """How many matches come before ``key`` in list order (and ``key`` itself, when ``inclusive``)."""
        lo, hi = self._day_span(dt.date.fromisoformat(key[0]).toordinal() if key[0] else 0)
        day = self._slice(conn, lo, hi)
        return lo + sum(1 for _, i in day if i > key[1] or (inclusive and i == key[1]))

    def _slice(self, conn: Connection, start: int, stop: int) -> list[cursors.Key]:
        """The matches at list positions [start, stop): whole days are read, a day's put in id order."""
        stop = min(stop, len(self.keys))
        if start >= stop:
            return []
        lo = self._day_span(self.keys[start] >> SEQ_BITS)[0]
        hi = self._day_span(self.keys[stop - 1] >> SEQ_BITS)[1]
        missing = [k for k in self.keys[lo:hi] if k not in self._known]
        for part in range(0, len(missing), 500):
            chunk = {k & SEQ_MASK: k for k in missing[part:part + 500]}
            for seq, ident, type_ in conn.execute(select(events.c.seq, events.c.event_id, events.c.type)
                                                  .where(events.c.seq.in_(list(chunk)))):
                k = chunk[seq]
                self._known[k] = (key_day(k), ident)
                self._types[k] = type_
        ordered = cursors.in_order(self._known[k] for k in self.keys[lo:hi] if k in self._known)
        return ordered[start - lo:stop - lo]
