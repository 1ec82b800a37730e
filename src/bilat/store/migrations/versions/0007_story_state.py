"""Stories kept incrementally: one record per signature of each story and the keys new records
find stories by, the counts each summary row is computed from, the groups of independent
sources. An existing store's are back-filled by revision 0016 (which keys three of them by the
story's number, as today's code writes them; until revision 0016 this one back-filled them).

Revision ID: 0007
Revises: 0006
Create Date: 2025-01-20
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    s = sa.String
    op.create_table("story_members", sa.Column("story_id", s(40), primary_key=True),
                    sa.Column("sig", s(40), primary_key=True), sa.Column("event_id", s(80), nullable=False),
                    sa.Column("article_id", s(200), nullable=False), sa.Column("type", s(16), nullable=False),
                    sa.Column("source_countries", sa.Text, nullable=False),
                    sa.Column("target_countries", sa.Text, nullable=False), sa.Column("date", s(10)),
                    sa.Column("evidence_text", sa.Text, nullable=False))
    op.create_table("story_keys", sa.Column("country", s(16), primary_key=True),
                    sa.Column("type", s(16), primary_key=True), sa.Column("day", s(10), primary_key=True),
                    sa.Column("date_precision", s(8), primary_key=True), sa.Column("story_id", s(40), primary_key=True))
    op.create_table("story_tallies", sa.Column("story_id", s(40), primary_key=True),
                    sa.Column("types", sa.Text, nullable=False), sa.Column("dates", sa.Text, nullable=False),
                    sa.Column("gold_sum", sa.Float, nullable=False), sa.Column("gold_n", sa.Integer, nullable=False))
    op.create_table("story_sources", sa.Column("story_id", s(40), primary_key=True),
                    sa.Column("node", sa.Text, primary_key=True), sa.Column("comp", sa.Text, nullable=False))
    op.create_index("ix_story_sources_comp", "story_sources", ["story_id", "comp"])
    # an existing store: every story's state from its records (and its summary row recomputed) is
    # revision 0016's back-fill, which today's ``summaries.rebuild`` writes for


def downgrade() -> None:
    op.drop_index("ix_story_sources_comp", table_name="story_sources")
    for name in ("story_sources", "story_tallies", "story_keys", "story_members"):
        op.drop_table(name)
