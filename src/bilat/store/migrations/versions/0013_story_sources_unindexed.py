"""Drop ix_story_sources_comp: no read needs it. Its one user was the rare relabelling of a story's
source group when an article bridges two (summaries._add_sources), which finds the group's rows among
the story's few through the primary key's (story_id, node) range as well; every ingest paid for it, and
at 20,000 articles a transaction's entries each dirtied a page of their own (1,417 of ~35,000 pages a
1,000-article transaction writes in SQLite).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_story_sources_comp", table_name="story_sources")


def downgrade() -> None:
    op.create_index("ix_story_sources_comp", "story_sources", ["story_id", "comp"])
