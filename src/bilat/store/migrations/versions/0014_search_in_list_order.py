"""SQLite's search index in list order: one FTS5 table without content of its own (search_fts), a row
per event with its evidence and its article's title and text, whose rowid is the event's search key
(the day's ordinal << 40 | seq), replaces events_fts (evidence, by events' rowid) and articles_fts
(title and text, by articles' rowid). A query's matches, newest first, and their number then come from
the index alone; before, each match's day and id were read from its events row (and an article's
events through articles and ix_events_article): ~2,400 matches a word at 1M events, 250 ms cold.
ix_events_seq becomes (seq, event_id, type), on both databases: a page of matches reads its events' ids
(by the seq in their keys), and a search with types their types, from the index alone. PostgreSQL: ix_articles_fts (a GIN index over the articles'
title and text) becomes a table, search_articles, of each article's tsvector (GIN-indexed) with its
events' days and ids, so an article's matches are read from its row, not looked up in events by article.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from bilat.store import search

    conn = op.get_bind()
    op.drop_index("ix_events_seq", table_name="events")
    op.create_index("ix_events_seq", "events", ["seq", "event_id", "type"])
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_fts")
        # revision 0006 makes the search index of the code that runs it: this one's, on a new store
        if conn.exec_driver_sql("SELECT to_regclass('search_articles')").scalar() is None:
            search.create_articles(conn, index=False)  # filled first, then indexed in one build
            search.fill(conn)
            search.index_articles(conn)
        else:
            search.rebuild(conn)
        conn.exec_driver_sql("ANALYZE search_articles")  # the planner's statistics, before autovacuum's
        return
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None:
        conn.exec_driver_sql("ANALYZE ix_events_seq")  # a store with statistics keeps them for every index
    conn.exec_driver_sql("DROP TABLE IF EXISTS events_fts")
    conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")
    # revision 0006 makes the search index of the code that runs it: this one's, on a new store
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").first() is None:
        search.create(conn)
    search.rebuild(conn)


def downgrade() -> None:
    conn = op.get_bind()
    op.drop_index("ix_events_seq", table_name="events")
    op.create_index("ix_events_seq", "events", ["seq"])
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("DROP TABLE IF EXISTS search_articles")
        conn.exec_driver_sql("CREATE INDEX ix_articles_fts ON articles USING gin "
                             "(to_tsvector('english', coalesce(title, '') || ' ' || left(text, 200000)))")
        return
    conn.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
    conn.exec_driver_sql("CREATE VIRTUAL TABLE events_fts USING fts5(evidence_text, content='events', "
                         "content_rowid='rowid', tokenize='porter unicode61')")
    conn.exec_driver_sql("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
                         "content_rowid='rowid', tokenize='porter unicode61')")
    conn.exec_driver_sql("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
    conn.exec_driver_sql("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
