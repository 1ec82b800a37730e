"""Fewer B-trees keyed by content-hash ids, so an ingest batch's entries share pages (issue 12: the
cost of a 1,000-article transaction grew with the store because each such entry dirtied a page of its
own; at 20,000 articles ~33,000 pages a transaction in SQLite, ~6,500 for the first). No row changes.

- event_keys: ix_event_keys_day (facet, value, day, event_id) becomes unique and the primary key
  (facet, value, event_id) goes. SQLite kept that key as a B-tree of its own (5,660 pages a
  transaction); a list now checks an event's key by its day and id (browse: ``day IS ?``), which the
  day index answers. The day is NULL for an undated event, so the key is a unique index (NULLS NOT
  DISTINCT on PostgreSQL), not a primary key. PostgreSQL cannot seek by ``IS NOT DISTINCT FROM`` and
  keeps an index on (facet, value, event_id) for those checks (ix_event_keys_event).
- key_stories: keyed (story_id, facet, value), WITHOUT ROWID in SQLite: a story's keys share a page
  (3,260 pages a transaction by (facet, value, story_id)). Only ingest reads it, by row.
- ix_dyads_pair_event (pair_key, event_id) goes from SQLite (843 pages a transaction): a list checks a
  pair by (pair_key, day, event_id) in ix_dyads_pair_day_event. PostgreSQL keeps it, as above.

Revision ID: 0015
Revises: 0014 (written on 0013; rechained at merge, independent of the search tables 0014 changes)
Create Date: 2026-12-06
"""
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

KEY_COLUMNS = "facet VARCHAR(8) NOT NULL, value VARCHAR(200) NOT NULL"
DAY_KEY = "facet, value, day, event_id"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _sqlite_copy("event_keys", f"{KEY_COLUMNS}, event_id VARCHAR(80) NOT NULL, day VARCHAR(10)", DAY_KEY)
        op.execute(f"CREATE UNIQUE INDEX ix_event_keys_day ON event_keys ({DAY_KEY})")
        _sqlite_copy("key_stories", f"{KEY_COLUMNS}, story_id VARCHAR(40) NOT NULL, "
                     "PRIMARY KEY (story_id, facet, value)", "story_id, facet, value", without_rowid=True)
        op.drop_index("ix_dyads_pair_event", table_name="event_dyads")
        _analyse(conn, "event_keys", "key_stories")
    else:
        op.execute(f"ALTER TABLE event_keys DROP CONSTRAINT {_pg_primary_key(conn, 'event_keys')}")
        op.execute("DROP INDEX ix_event_keys_day")
        op.execute(f"CREATE UNIQUE INDEX ix_event_keys_day ON event_keys ({DAY_KEY}) NULLS NOT DISTINCT")
        op.execute("CREATE INDEX ix_event_keys_event ON event_keys (facet, value, event_id)")
        name = _pg_primary_key(conn, "key_stories")
        op.execute(f"ALTER TABLE key_stories DROP CONSTRAINT {name}, "
                   f"ADD CONSTRAINT {name} PRIMARY KEY (story_id, facet, value)")
        op.execute("ANALYZE event_keys")
        op.execute("ANALYZE key_stories")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _sqlite_copy("event_keys", f"{KEY_COLUMNS}, event_id VARCHAR(80) NOT NULL, day VARCHAR(10), "
                     "PRIMARY KEY (facet, value, event_id)", DAY_KEY)
        op.execute(f"CREATE INDEX ix_event_keys_day ON event_keys ({DAY_KEY})")
        _sqlite_copy("key_stories", f"{KEY_COLUMNS}, story_id VARCHAR(40) NOT NULL, "
                     "PRIMARY KEY (facet, value, story_id)", "facet, value, story_id")
        op.create_index("ix_dyads_pair_event", "event_dyads", ["pair_key", "event_id"])
        _analyse(conn, "event_keys", "key_stories")
    else:
        op.execute("DROP INDEX ix_event_keys_event")
        op.execute("DROP INDEX ix_event_keys_day")
        op.execute("ALTER TABLE event_keys ADD CONSTRAINT event_keys_pkey PRIMARY KEY (facet, value, event_id)")
        op.execute(f"CREATE INDEX ix_event_keys_day ON event_keys ({DAY_KEY})")
        name = _pg_primary_key(conn, "key_stories")
        op.execute(f"ALTER TABLE key_stories DROP CONSTRAINT {name}, "
                   f"ADD CONSTRAINT {name} PRIMARY KEY (facet, value, story_id)")


def _sqlite_copy(table: str, body: str, order: str, without_rowid: bool = False) -> None:
    """Copy ``table`` into a table of ``body`` in ``order`` and put the copy in its place (SQLite cannot
    change a table's key in place); the old table's indexes go with it."""
    cols = "facet, value, event_id, day" if table == "event_keys" else "facet, value, story_id"
    op.execute(f"CREATE TABLE {table}_0015 ({body}){' WITHOUT ROWID' if without_rowid else ''}")
    op.execute(f"INSERT INTO {table}_0015 ({cols}) SELECT {cols} FROM {table} ORDER BY {order}")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE {table}_0015 RENAME TO {table}")


def _analyse(conn, *tables: str) -> None:
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        for table in tables:
            op.execute(f"ANALYZE {table}")  # the dropped table's statistics went with it


def _pg_primary_key(conn, table: str) -> str:
    return conn.exec_driver_sql("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                                "AND contype = 'p'", (table,)).scalar_one()
