"""The roll-ups that pages read by ranges of their key, stored in key order: SQLite tables WITHOUT ROWID
(the table is its primary key's b-tree), PostgreSQL primary keys that INCLUDE the counted columns (a range
is an index-only scan). Before, a range's rows lay wherever ingest batches had written them, one random
page read a row when the store is not cached: an actor page's key_months rows (4,000 for a busy country)
took 200-400 ms cold on the 1M-event store, a few ms once adjacent. No row changes.

And key_stats.n_stories: each key's rows of key_stories, counted once here and kept by ingest, where an
actor page counted them each view (77,000 rows for a busy country: 10-35 ms cold).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: table -> (key columns, counted columns), as schema.by_key declares them
TABLES = {
    "key_months": (("facet", "value", "month", "type", "side"), ("n_events",)),
    "pair_months": (("pair_key", "month", "src", "type"),
                    ("n_events", "n_stories", "gold_sum", "gold_n", "sgold_sum", "sgold_n")),
    "pair_weeks": (("pair_key", "week", "src", "type"),
                   ("n_events", "n_stories", "gold_sum", "gold_n", "sgold_sum", "sgold_n")),
    "pair_issue_months": (("pair_key", "issue", "side", "type", "month"), ("n_events", "n_stories", "last_day")),
    "pair_issue_speakers": (("pair_key", "issue", "side", "name", "month"), ("n_events",)),
    "pair_facets": (("pair_key", "source", "facet", "value"), ("n_events",)),
}


def upgrade() -> None:
    from bilat.store.rollups import count_key_stories

    conn = op.get_bind()
    for table, (key, counts) in TABLES.items():
        if conn.dialect.name == "sqlite":
            _sqlite_copy(table, key, without_rowid=True)
        else:
            _pg_key(table, key, counts)
    op.add_column("key_stats", sa.Column("n_stories", sa.Integer, nullable=False, server_default="0"))
    count_key_stories(conn)


def downgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("key_stats") as batch:
        batch.drop_column("n_stories")
    for table, (key, _) in TABLES.items():
        if conn.dialect.name == "sqlite":
            _sqlite_copy(table, key, without_rowid=False)
        else:
            _pg_key(table, key, ())


def _sqlite_copy(table: str, key: tuple[str, ...], without_rowid: bool) -> None:
    """Copy ``table`` into a table of the same columns with or without a rowid, in key order, and put the
    copy in its place (SQLite cannot change this of a table in place)."""
    conn = op.get_bind()
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).scalar_one().rstrip()
    body = sql[sql.index("("):sql.rindex(")") + 1]  # the columns and the key, as the table has them
    tmp = f"{table}_0012"
    op.execute(f"CREATE TABLE {tmp} {body}{' WITHOUT ROWID' if without_rowid else ''}")
    op.execute(f"INSERT INTO {tmp} SELECT * FROM {table} ORDER BY {', '.join(key)}")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE {tmp} RENAME TO {table}")
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        op.execute(f"ANALYZE {table}")  # the dropped table's statistics went with it


def _pg_key(table: str, key: tuple[str, ...], counts: tuple[str, ...]) -> None:
    """Replace ``table``'s primary key by one over the same columns that INCLUDEs ``counts`` (or none)."""
    conn = op.get_bind()
    name = conn.exec_driver_sql("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p'",
                                (table,)).scalar_one()
    include = f" INCLUDE ({', '.join(counts)})" if counts else ""
    op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}, "
               f"ADD CONSTRAINT {name} PRIMARY KEY ({', '.join(key)}){include}")
    op.execute(f"ANALYZE {table}")
