"""Browsing at a million events: per-facet event index and roll-ups, stance cells, pair totals,
full-text search (SQLite FTS5; PostgreSQL GIN over to_tsvector), all filled from the base tables.

Revision ID: 0006
Revises: 0005
Create Date: 2025-01-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _tables():
    s, i = sa.String, sa.Integer
    op.create_table("event_keys", sa.Column("facet", s(8), primary_key=True),
                    sa.Column("value", s(200), primary_key=True), sa.Column("event_id", s(80), primary_key=True),
                    sa.Column("day", s(10)))
    op.create_index("ix_event_keys_day", "event_keys", ["facet", "value", "day", "event_id"])
    op.create_table("key_months", sa.Column("facet", s(8), primary_key=True),
                    sa.Column("value", s(200), primary_key=True), sa.Column("month", s(7), primary_key=True),
                    sa.Column("type", s(16), primary_key=True), sa.Column("side", s(6), primary_key=True),
                    sa.Column("n_events", i, nullable=False))
    op.create_table("key_stats", sa.Column("facet", s(8), primary_key=True),
                    sa.Column("value", s(200), primary_key=True), sa.Column("n_events", i, nullable=False),
                    sa.Column("first_day", s(10)), sa.Column("last_day", s(10)))
    op.create_index("ix_key_stats_rank", "key_stats", ["facet", "n_events", "value"])
    op.create_table("key_pairs", sa.Column("facet", s(8), primary_key=True),
                    sa.Column("value", s(200), primary_key=True), sa.Column("pair_key", s(40), primary_key=True),
                    sa.Column("n_events", i, nullable=False))
    op.create_index("ix_key_pairs_rank", "key_pairs", ["facet", "value", "n_events"])
    op.create_table("key_stories", sa.Column("facet", s(8), primary_key=True),
                    sa.Column("value", s(200), primary_key=True), sa.Column("story_id", s(40), primary_key=True))
    op.create_table("actor_names", sa.Column("actor_key", s(200), primary_key=True),
                    sa.Column("name", s(300), primary_key=True), sa.Column("country", s(16), primary_key=True),
                    sa.Column("kind", s(16), primary_key=True), sa.Column("role", s(300), primary_key=True),
                    sa.Column("n", i, nullable=False))
    op.create_table("pair_issue_months", sa.Column("pair_key", s(40), primary_key=True),
                    sa.Column("issue", s(64), primary_key=True), sa.Column("side", s(16), primary_key=True),
                    sa.Column("type", s(16), primary_key=True), sa.Column("month", s(7), primary_key=True),
                    sa.Column("n_events", i, nullable=False), sa.Column("n_stories", i, nullable=False),
                    sa.Column("last_day", s(10)))
    op.create_table("pair_issue_speakers", sa.Column("pair_key", s(40), primary_key=True),
                    sa.Column("issue", s(64), primary_key=True), sa.Column("side", s(16), primary_key=True),
                    sa.Column("name", s(300), primary_key=True), sa.Column("month", s(7), primary_key=True),
                    sa.Column("n_events", i, nullable=False))
    op.create_table("pair_stats", sa.Column("pair_key", s(40), primary_key=True),
                    sa.Column("n_events", i, nullable=False), sa.Column("n_stories", i, nullable=False),
                    sa.Column("n_cooperation", i, nullable=False), sa.Column("n_conflict", i, nullable=False),
                    sa.Column("first_day", s(10)), sa.Column("last_day", s(10)))
    op.create_index("ix_pair_stats_events", "pair_stats", ["n_events", "pair_key"])


def upgrade() -> None:
    from bilat.store import search
    from bilat.store.rollups import rebuild

    _tables()
    conn = op.get_bind()
    search.create(conn)
    # an existing store gets its roll-ups and search index now (minutes at a million events);
    # pair_facets, counted by the same code today, is revision 0009's
    rebuild(conn, facets=False)


def downgrade() -> None:
    from bilat.store import search

    search.drop(op.get_bind())
    for name in ("pair_stats", "pair_issue_speakers", "pair_issue_months", "actor_names", "key_stories",
                 "key_pairs", "key_stats", "key_months", "event_keys"):
        op.drop_table(name)
