"""Pair paging indexes, export streaming index, story_pairs.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dyads_pair_day_event", "event_dyads", ["pair_key", "day", "event_id", "type"])
    op.create_index("ix_dyads_pair_type_day", "event_dyads", ["pair_key", "type", "day", "event_id"])
    op.create_index("ix_events_day_id", "events", ["day", "event_id"])
    op.create_index("ix_events_seq", "events", ["seq"])
    op.create_table(
        "story_pairs",
        sa.Column("pair_key", sa.String(40), primary_key=True),
        sa.Column("story_id", sa.String(40), primary_key=True),
        sa.Column("day", sa.String(10)),
    )
    op.create_index("ix_story_pairs_day", "story_pairs", ["pair_key", "day", "story_id"])
    op.execute("INSERT INTO story_pairs (pair_key, story_id, day) "
               "SELECT DISTINCT d.pair_key, d.story_id, s.day FROM event_dyads d "
               "JOIN stories s ON s.story_id = d.story_id")


def downgrade() -> None:
    op.drop_table("story_pairs")
    for name, table in (("ix_events_seq", "events"), ("ix_events_day_id", "events"),
                        ("ix_dyads_pair_type_day", "event_dyads"), ("ix_dyads_pair_day_event", "event_dyads")):
        op.drop_index(name, table_name=table)
