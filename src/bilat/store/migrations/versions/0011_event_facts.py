"""What an event list checks and counts without reading the base tables row by row (store/event_facts.py):
event_facts, one narrow row per event (type, day, outlet, issues, pairs, source countries) that the counts
beside a list read by id; each event's type and source countries as event_keys rows (facets 'type' and
'source'), checked within one value's range of its index; an index of a pair's event ids; and an index
that gives a pair's biggest stories without reading their rows. Back-filled from the events of an
existing store.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from bilat.store.event_facts import rebuild

    s = sa.String
    op.create_table("event_facts", sa.Column("event_id", s(80), primary_key=True),
                    sa.Column("type", s(16), nullable=False), sa.Column("day", s(10)), sa.Column("outlet", s(200)),
                    sa.Column("issues", sa.Text, nullable=False), sa.Column("pairs", sa.Text, nullable=False),
                    sa.Column("sources", sa.Text, nullable=False), sqlite_with_rowid=False)
    op.create_index("ix_dyads_pair_event", "event_dyads", ["pair_key", "event_id"])
    op.create_index("ix_stories_size", "stories", ["story_id", "n_articles", "day"])
    conn = op.get_bind()
    rebuild(conn)
    if conn.dialect.name == "postgresql":  # the planner's estimates of the rows just written
        op.execute("ANALYZE event_facts")
        op.execute("ANALYZE event_keys")


def downgrade() -> None:
    op.execute("DELETE FROM event_keys WHERE facet IN ('type', 'source')")
    op.drop_index("ix_stories_size", table_name="stories")
    op.drop_index("ix_dyads_pair_event", table_name="event_dyads")
    op.drop_table("event_facts")
