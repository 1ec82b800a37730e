"""Live-feed state for bilat watch (watch_feeds, watch_pages).

Revision ID: 0005
Revises: 0004
Create Date: 2025-01-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_feeds",
        sa.Column("feed_key", sa.String(40), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("polled_at", sa.String(32)),
        sa.Column("ok_at", sa.String(32)),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_try_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "watch_pages",
        sa.Column("page_key", sa.String(40), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("feed_key", sa.String(40), nullable=False),
        sa.Column("entry_key", sa.String(40), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(200)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_try_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.Column("seen_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_watch_pages_feed_status", "watch_pages", ["feed_key", "status"])
    op.create_index("ix_watch_pages_entry", "watch_pages", ["feed_key", "entry_key"])


def downgrade() -> None:
    op.drop_index("ix_watch_pages_entry", "watch_pages")
    op.drop_index("ix_watch_pages_feed_status", "watch_pages")
    op.drop_table("watch_pages")
    op.drop_table("watch_feeds")
