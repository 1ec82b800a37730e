"""The counts beside a pair's events kept per pair (pair_facets: by type, year, issue, outlet, source
country and the other pairs of the same events, for the whole pair and per source country), so a
pair page reads them as one index range instead of reading its newest events back by id.
Back-filled from the events of an existing store.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from bilat.store.pair_facets import rebuild

    s = sa.String
    op.create_table("pair_facets", sa.Column("pair_key", s(40), primary_key=True),
                    sa.Column("source", s(16), primary_key=True), sa.Column("facet", s(8), primary_key=True),
                    sa.Column("value", s(200), primary_key=True), sa.Column("n_events", sa.Integer, nullable=False))
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("pair_facets")
