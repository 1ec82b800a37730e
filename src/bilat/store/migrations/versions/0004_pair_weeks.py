"""Weekly pair roll-up (pair_weeks), filled from event_dyads.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pair_weeks",
        sa.Column("pair_key", sa.String(40), primary_key=True),
        sa.Column("week", sa.String(10), primary_key=True),
        sa.Column("src", sa.String(16), primary_key=True),
        sa.Column("type", sa.String(16), primary_key=True),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_stories", sa.Integer, nullable=False),
        sa.Column("gold_sum", sa.Float),
        sa.Column("gold_n", sa.Integer, nullable=False),
        sa.Column("sgold_sum", sa.Float),
        sa.Column("sgold_n", sa.Integer, nullable=False),
    )
    op.execute(
        "INSERT INTO pair_weeks (pair_key, week, src, type, n_events, n_stories, gold_sum, gold_n, sgold_sum, sgold_n) "
        "SELECT pair_key, week, src, type, SUM(n), COUNT(*), SUM(gs), SUM(gn), SUM(ga), COUNT(ga) FROM ("
        " SELECT pair_key, week, src, type, story_id, COUNT(*) AS n, SUM(goldstein) AS gs,"
        " COUNT(goldstein) AS gn, AVG(goldstein) AS ga FROM event_dyads WHERE week IS NOT NULL"
        " GROUP BY pair_key, week, src, type, story_id) AS per_story GROUP BY pair_key, week, src, type")


def downgrade() -> None:
    op.drop_table("pair_weeks")
