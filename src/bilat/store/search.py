"""Full-text search over evidence sentences, article titles and article text.

SQLite: two FTS5 tables with external content (``events_fts`` over ``events.evidence_text``,
``articles_fts`` over ``articles.title`` and ``text``), stemmed by the porter tokenizer and
filled by each ingest batch (``index_new``). PostgreSQL: GIN indexes over ``to_tsvector('english',
...)`` expressions, which the database keeps current itself.

A query is words and "quoted phrases": every word and every phrase must occur (in an event's
evidence, or in its article's title or text); ``senkaku islands`` finds 'the Senkaku Islands'.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, select, text
from sqlalchemy.engine import Connection

from .schema import events


#: SQLite's FTS5 tables and the shadow tables FTS5 creates beside them (not in schema.metadata)
FTS_PREFIXES = ("events_fts", "articles_fts")
#: PostgreSQL's expressions; the query must repeat them exactly for the GIN index to serve it
PG_EVENTS = "to_tsvector('english', evidence_text)"
PG_ARTICLES = "to_tsvector('english', coalesce(title, '') || ' ' || left(text, 200000))"


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE events_fts USING fts5(evidence_text, content='events', "
                             "content_rowid='rowid', tokenize='porter unicode61')")
        conn.exec_driver_sql("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
                             "content_rowid='rowid', tokenize='porter unicode61')")
    else:
        conn.exec_driver_sql(f"CREATE INDEX ix_events_fts ON events USING gin ({PG_EVENTS})")
        conn.exec_driver_sql(f"CREATE INDEX ix_articles_fts ON articles USING gin ({PG_ARTICLES})")


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TABLE IF EXISTS events_fts")
        conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_fts")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_fts")


def mark(conn: Connection) -> dict[str, int]:
    """Where the base tables end now, so ``index_new`` indexes exactly what a batch adds."""
    if conn.dialect.name != "sqlite":
        return {}
    ev, ar = conn.exec_driver_sql("SELECT (SELECT coalesce(max(rowid), 0) FROM events), "
                                  "(SELECT coalesce(max(rowid), 0) FROM articles)").one()
    return {"events": ev, "articles": ar}


def index_new(conn: Connection, since: dict[str, int]) -> None:
    """Index the rows added after ``since`` (a ``mark``); PostgreSQL's GIN indexes need nothing."""
    if conn.dialect.name != "sqlite":
        return
    conn.execute(text("INSERT INTO events_fts (rowid, evidence_text) SELECT rowid, evidence_text FROM events "
                      "WHERE rowid > :r"), {"r": since.get("events", 0)})
    conn.execute(text("INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles "
                      "WHERE rowid > :r"), {"r": since.get("articles", 0)})


def rebuild(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")


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
    """A query as FTS5 syntax: each term a quoted phrase, all required. None when it has no word."""
    parts = terms(q)
    return " ".join('"' + p.replace('"', '""') + '"' for p in parts) if parts else None


def pg_query(q: str) -> str | None:
    """A query as ``websearch_to_tsquery`` input: the same terms, phrases quoted."""
    parts = terms(q)
    return " ".join(f'"{p}"' if " " in p else p for p in parts) if parts else None


def matches(dialect: str, q: str) -> ColumnElement[Any] | None:
    """A condition on ``events``: the query's terms occur in the evidence, or in the article's
    title or text. None when the query has no word (nothing to search for).

    One IN over the union of both searches, so the database reads the (few) matching events from
    the search index and sorts them, rather than testing every event newest first."""
    if dialect == "sqlite":
        fq = fts5_query(q)
        if fq is None:
            return None
        return text("events.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fq_e "
                    "UNION SELECT e2.rowid FROM events AS e2 WHERE e2.article_id IN (SELECT a2.article_id "
                    "FROM articles AS a2 WHERE a2.rowid IN (SELECT rowid FROM articles_fts "
                    "WHERE articles_fts MATCH :fq_a)))").bindparams(fq_e=fq, fq_a=fq)
    wq = pg_query(q)
    if wq is None:
        return None
    return text(f"events.event_id IN (SELECT e2.event_id FROM events AS e2 WHERE "
                f"{PG_EVENTS.replace('evidence_text', 'e2.evidence_text')} @@ websearch_to_tsquery('english', :wq_e) "
                f"UNION SELECT e3.event_id FROM events AS e3 WHERE e3.article_id IN (SELECT a2.article_id "
                f"FROM articles AS a2 WHERE {PG_ARTICLES.replace('title', 'a2.title').replace('(text', '(a2.text')} "
                f"@@ websearch_to_tsquery('english', :wq_a)))").bindparams(wq_e=wq, wq_a=wq)



def match_keys(conn: Connection, q: str, limit: int) -> list[tuple[Any, str]]:
    """(day, event_id) of up to ``limit`` events the query matches (it has a word), in no order. On
    PostgreSQL each search reads its events' days itself (a UNION of the two) rather than handing
    ids to a third lookup of every match by primary key (2,400 matches at 1M events: 51 -> 34 ms
    p50); on SQLite the rowids of both searches are joined first and each event row read once,
    which measured as fast."""
    if conn.dialect.name == "sqlite":
        return [tuple(r) for r in conn.execute(select(events.c.day, events.c.event_id)
                                               .where(matches("sqlite", q)).limit(limit))]
    return [tuple(r) for r in conn.execute(text(
        f"SELECT e2.day, e2.event_id FROM events AS e2 WHERE "
        f"{PG_EVENTS.replace('evidence_text', 'e2.evidence_text')} @@ websearch_to_tsquery('english', :wq) "
        f"UNION SELECT e3.day, e3.event_id FROM events AS e3 WHERE e3.article_id IN (SELECT a2.article_id "
        f"FROM articles AS a2 WHERE {PG_ARTICLES.replace('title', 'a2.title').replace('(text', '(a2.text')} "
        f"@@ websearch_to_tsquery('english', :wq)) LIMIT :n"), {"wq": pg_query(q), "n": limit})]
