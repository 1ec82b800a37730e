"""SQLite's search index holds each article's title and text once (issue 12: ingest slowed as the store
grew, and the largest grower was search_fts, a row per event with its evidence and its article's whole
title and text: an article with 3 events indexed 3 times, and FTS5's merges growing with the index).

- search_fts keeps a row per event, its evidence alone, under the event's search key (as since 0014).
- search_docs (FTS5, new): a row per article with events, its title and text, under its document number:
  the seq of its first event (ingest order, so each batch's articles go after every stored one).
- search_keys (new, WITHOUT ROWID): (doc, key), the search keys of each document's events, so an article's
  matches are one range of a small table, read without a row of events.

A search finds the same events in the same order. PostgreSQL's search (a GIN index over events' evidence
and search_articles, a row per article since 0014) is that shape already: nothing changes there.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

#: revision 0014's search_fts, and how it was filled (the search key as search.SQLITE_KEY spells it)
OLD_FTS = ("CREATE VIRTUAL TABLE search_fts USING fts5(evidence, title, text, content='', "
           "tokenize='porter unicode61')")
OLD_FILL = ("INSERT INTO search_fts (rowid, evidence, title, text) SELECT ((CASE WHEN e.day IS NULL THEN 0 ELSE "
            "CAST(julianday(e.day) - 1721424.5 AS INTEGER) END << 40) | e.seq), e.evidence_text, a.title, a.text "
            "FROM events AS e JOIN articles AS a ON a.article_id = e.article_id")


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}


def upgrade() -> None:
    from bilat.store import search

    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    # revisions 0006 and 0014 make the search index of the code that runs them: this one's, on a new store
    if "search_docs" in _tables(conn):
        return
    conn.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
    search.create(conn)
    search.fill(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table in ("search_fts", "search_docs", "search_keys"):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    conn.exec_driver_sql(OLD_FTS)
    conn.exec_driver_sql(OLD_FILL)
