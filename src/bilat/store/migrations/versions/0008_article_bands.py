"""Near-duplicates looked up in article_bands: one row per article and simhash band, ordered by
when the article was stored, holding what the lookup compares, so a band's candidates are one
index range and no article row is read; it replaces the four band indexes on articles.
Back-filled from the articles of an existing store, in the order they were stored.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from bilat.store.writes import rebuild_article_bands

    op.create_table("article_bands", sa.Column("band_no", sa.SmallInteger, primary_key=True),
                    sa.Column("band", sa.Integer, primary_key=True), sa.Column("seq", sa.BigInteger, primary_key=True),
                    sa.Column("simhash", sa.BigInteger, nullable=False),
                    sa.Column("syndicate_of", sa.String(200), nullable=False),
                    sa.Column("article_id", sa.String(200), nullable=False), sqlite_with_rowid=False)
    op.create_index("ix_article_bands_seq", "article_bands", ["seq"])
    rebuild_article_bands(op.get_bind())
    for i in range(4):
        op.drop_index(f"ix_articles_band{i}", table_name="articles")


def downgrade() -> None:
    for i in range(4):
        op.create_index(f"ix_articles_band{i}", "articles", [f"band{i}"])
    op.drop_index("ix_article_bands_seq", table_name="article_bands")
    op.drop_table("article_bands")
