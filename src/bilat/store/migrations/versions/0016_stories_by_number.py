"""Stories numbered in ingest order, and the tables only ingest reads keyed by that number (issue 12:
a 1,000-article transaction into a 22,000-article SQLite store wrote ~27,000 pages, ~5,900 of them in
story_members, story_tallies, story_sources and key_stories, keyed by the content-hash story_id, where
each of a batch's ~3,000 new stories landed on a page of its own). No row changes otherwise.

- stories.story_no: the seq of the story's first event (events.seq is ingest order, and each event is
  one story's), unique. A story without events (none is written so; a store written around
  ``Store.ingest`` might hold one) is numbered after the last event, in story_id order. story_id stays
  the story's public id: the API, URLs and exports do not change.
- story_members, story_tallies, story_sources and key_stories: story_id replaced by story_no, the
  first column of each key (story_tallies' the rowid in SQLite, story_sources WITHOUT ROWID there).
- Revisions 0006 and 0007, which back-fill key_stories and the story state with today's code, leave
  them to this revision now (today's code writes the numbered tables): when key_stories is empty but
  event_keys is not, or story_tallies is empty and stories is not, they are filled here.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

#: table -> (its other columns' DDL, their names, the key after the story, SQLite WITHOUT ROWID)
TABLES = {
    "story_members": ("sig VARCHAR(40) NOT NULL, event_id VARCHAR(80) NOT NULL, article_id VARCHAR(200) NOT NULL, "
                      "type VARCHAR(16) NOT NULL, source_countries TEXT NOT NULL, target_countries TEXT NOT NULL, "
                      "date VARCHAR(10), evidence_text TEXT NOT NULL",
                      "sig, event_id, article_id, type, source_countries, target_countries, date, evidence_text",
                      "sig", False),
    "story_tallies": ("types TEXT NOT NULL, dates TEXT NOT NULL, gold_sum FLOAT NOT NULL, gold_n INTEGER NOT NULL",
                      "types, dates, gold_sum, gold_n", "", False),
    "story_sources": ("node TEXT NOT NULL, comp TEXT NOT NULL", "node, comp", "node", True),
    "key_stories": ("facet VARCHAR(8) NOT NULL, value VARCHAR(200) NOT NULL", "facet, value", "facet, value", True),
}
#: SQLite WITHOUT ROWID before this revision (key_stories since 0015)
WITHOUT_ROWID_BEFORE = {"key_stories"}


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    # (SQLite cannot add a NOT NULL column without a default; 0 is no story's number: seq starts at 1)
    op.execute("ALTER TABLE stories ADD COLUMN story_no BIGINT" + (" NOT NULL DEFAULT 0" if sqlite else ""))
    op.execute("UPDATE stories SET story_no = f.no FROM (SELECT story_id, MIN(seq) AS no FROM events "
               "GROUP BY story_id) AS f WHERE f.story_id = stories.story_id")
    unnumbered = [r[0] for r in conn.exec_driver_sql(
        "SELECT story_id FROM stories WHERE story_no IS NULL OR story_no = 0 ORDER BY story_id")]
    if unnumbered:
        top = conn.exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM events").scalar_one()
        conn.exec_driver_sql("UPDATE stories SET story_no = ? WHERE story_id = ?" if sqlite else
                             "UPDATE stories SET story_no = %s WHERE story_id = %s",
                             [(top + i, sid) for i, sid in enumerate(unnumbered, start=1)])
    if not sqlite:
        op.execute("ALTER TABLE stories ALTER COLUMN story_no SET NOT NULL")
    op.execute("CREATE UNIQUE INDEX ix_stories_no ON stories (story_no)")
    for table, (body, cols, key, without_rowid) in TABLES.items():
        if sqlite:
            story = "story_no INTEGER NOT NULL" if table == "story_tallies" else "story_no BIGINT NOT NULL"
            pk = f"PRIMARY KEY (story_no{', ' + key if key else ''})"
            _sqlite_copy(table, f"{story}, {body}, {pk}", f"story_no, {cols}", f"s.story_no, {_of('t', cols)}",
                         "s.story_id = t.story_id", without_rowid)
        else:
            _pg_rekey(conn, table, "story_no BIGINT", "story_no", "s.story_no", "s.story_id = t.story_id",
                      "story_id", key)
    _fill_if_empty(conn)
    _analyse(conn, "stories", *TABLES)


def downgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    for table, (body, cols, key, _) in TABLES.items():
        if sqlite:
            pk = f"PRIMARY KEY (story_id{', ' + key if key else ''})"
            if table == "key_stories":
                body_first = f"{body}, story_id VARCHAR(40) NOT NULL"
            else:
                body_first = f"story_id VARCHAR(40) NOT NULL, {body}"
            _sqlite_copy(table, f"{body_first}, {pk}", f"story_id, {cols}", f"s.story_id, {_of('t', cols)}",
                         "s.story_no = t.story_no", table in WITHOUT_ROWID_BEFORE)
        else:
            _pg_rekey(conn, table, "story_id VARCHAR(40)", "story_id", "s.story_id", "s.story_no = t.story_no",
                      "story_no", key)
    op.execute("DROP INDEX ix_stories_no")
    op.execute("ALTER TABLE stories DROP COLUMN story_no")
    _analyse(conn, "stories", *TABLES)


def _of(alias: str, cols: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in cols.split(","))


def _sqlite_copy(table: str, body: str, cols: str, select: str, join: str, without_rowid: bool) -> None:
    """Copy ``table`` into a table of ``body``, the story's other id from ``stories`` (SQLite cannot
    change a table's key in place), in the new key's order, and put the copy in its place."""
    op.execute(f"CREATE TABLE {table}_0016 ({body}){' WITHOUT ROWID' if without_rowid else ''}")
    op.execute(f"INSERT INTO {table}_0016 ({cols}) SELECT {select} FROM {table} AS t JOIN stories AS s ON {join} "
               f"ORDER BY 1, 2")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE {table}_0016 RENAME TO {table}")


def _pg_rekey(conn, table: str, column: str, name: str, value: str, join: str, old: str, key: str) -> None:
    """PostgreSQL: the story's other id as a new first key column, in place."""
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
    op.execute(f"UPDATE {table} AS t SET {name} = {value} FROM stories AS s WHERE {join}")
    op.execute(f"DELETE FROM {table} WHERE {name} IS NULL")  # (rows of no story: none in a store ingest wrote)
    pkey = conn.exec_driver_sql("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p'",
                                (table,)).scalar_one()
    op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {pkey}")
    op.execute(f"ALTER TABLE {table} DROP COLUMN {old}")
    op.execute(f"ALTER TABLE {table} ALTER COLUMN {name} SET NOT NULL")
    op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {pkey} PRIMARY KEY ({name}{', ' + key if key else ''})")


def _fill_if_empty(conn) -> None:
    """The back-fills revisions 0006 and 0007 leave to this one (a store migrated from before them)."""
    from bilat.store import rollups, summaries

    def some(sql: str) -> bool:
        return conn.exec_driver_sql(sql).first() is not None

    if some("SELECT 1 FROM stories LIMIT 1") and not some("SELECT 1 FROM story_tallies LIMIT 1"):
        summaries.rebuild(conn)
    if (some("SELECT 1 FROM event_keys WHERE facet IN ('name', 'country', 'issue') LIMIT 1")
            and not some("SELECT 1 FROM key_stories LIMIT 1")):
        rollups.fill_key_stories(conn)
        rollups.count_key_stories(conn)


def _analyse(conn, *tables: str) -> None:
    if conn.dialect.name == "postgresql":
        for table in tables:
            op.execute(f"ANALYZE {table}")
    elif conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        for table in tables:
            op.execute(f"ANALYZE {table}")  # a dropped table's statistics went with it
