"""Monthly pair roll-up (pair_months), filled from event_dyads.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pair_months",
        sa.Column("pair_key", sa.String(40), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("src", sa.String(16), primary_key=True),
        sa.Column("type", sa.String(16), primary_key=True),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_stories", sa.Integer, nullable=False),
        sa.Column("gold_sum", sa.Float),
        sa.Column("gold_n", sa.Integer, nullable=False),
        sa.Column("sgold_sum", sa.Float),
        sa.Column("sgold_n", sa.Integer, nullable=False),
    )
    # a store migrated from 0001 gets its roll-up from the events it already holds
    op.execute(
        "INSERT INTO pair_months (pair_key, month, src, type, n_events, n_stories, gold_sum, gold_n, sgold_sum, sgold_n) "
        "SELECT pair_key, month, src, type, SUM(n), COUNT(*), SUM(gs), SUM(gn), SUM(ga), COUNT(ga) FROM ("
        " SELECT pair_key, month, src, type, story_id, COUNT(*) AS n, SUM(goldstein) AS gs,"
        " COUNT(goldstein) AS gn, AVG(goldstein) AS ga FROM event_dyads WHERE month IS NOT NULL"
        " GROUP BY pair_key, month, src, type, story_id) AS per_story GROUP BY pair_key, month, src, type")


def downgrade() -> None:
    op.drop_table("pair_months")
