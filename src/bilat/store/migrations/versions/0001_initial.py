"""Initial schema: articles, stories, events, event_dyads, event_issues, event_actors, ingest_batches.

A frozen copy of the tables as first released; later changes get their own revision.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(200), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("simhash", sa.BigInteger, nullable=False),
        sa.Column("band0", sa.Integer, nullable=False),
        sa.Column("band1", sa.Integer, nullable=False),
        sa.Column("band2", sa.Integer, nullable=False),
        sa.Column("band3", sa.Integer, nullable=False),
        sa.Column("syndicate_of", sa.String(200), nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
        sa.Column("batch_id", sa.Integer),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    for i in range(4):
        op.create_index(f"ix_articles_band{i}", "articles", [f"band{i}"])
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "stories",
        sa.Column("story_id", sa.String(40), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("day", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("quad", sa.SmallInteger, nullable=False),
        sa.Column("plover", sa.Float, nullable=False),
        sa.Column("goldstein", sa.Float),
        sa.Column("source_countries", sa.Text, nullable=False),
        sa.Column("target_countries", sa.Text, nullable=False),
        sa.Column("pair_keys", sa.Text, nullable=False),
        sa.Column("issues", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text),
        sa.Column("first_article_id", sa.String(200)),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_stories_type_day", "stories", ["type", "day"])
    op.create_index("ix_stories_day", "stories", ["day"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.String(80), primary_key=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.article_id"), nullable=False),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("cameo", sa.String(8)),
        sa.Column("date", sa.String(10)),
        sa.Column("day", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_basis", sa.String(16), nullable=False),
        sa.Column("location_name", sa.Text),
        sa.Column("location_country", sa.String(16)),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("source_countries", sa.Text, nullable=False),
        sa.Column("target_countries", sa.Text, nullable=False),
        sa.Column("issues", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("attribution", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("salience", sa.String(16)),
        sa.Column("quad", sa.SmallInteger, nullable=False),
        sa.Column("plover", sa.Float, nullable=False),
        sa.Column("goldstein", sa.Float),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_events_article", "events", ["article_id"])
    op.create_index("ix_events_story", "events", ["story_id"])
    op.create_index("ix_events_day", "events", ["day", "seq"])
    op.create_index("ix_events_type_day", "events", ["type", "day"])

    op.create_table(
        "event_dyads",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(80), sa.ForeignKey("events.event_id"), nullable=False),
        sa.Column("story_id", sa.String(40), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("pair_key", sa.String(40), nullable=False),
        sa.Column("src", sa.String(16), nullable=False),
        sa.Column("tgt", sa.String(16), nullable=False),
        sa.Column("directed", sa.SmallInteger, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("quad", sa.SmallInteger, nullable=False),
        sa.Column("plover", sa.Float, nullable=False),
        sa.Column("goldstein", sa.Float),
        sa.Column("day", sa.String(10)),
        sa.Column("week", sa.String(10)),
        sa.Column("month", sa.String(7)),
    )
    op.create_index("ix_dyads_pair", "event_dyads",
                    ["pair_key", "day", "type", "src", "story_id", "week", "month", "goldstein"])
    op.create_index("ix_dyads_event", "event_dyads", ["event_id"])
    op.create_index("ix_dyads_story", "event_dyads", ["story_id"])

    op.create_table(
        "event_issues",
        sa.Column("event_id", sa.String(80), sa.ForeignKey("events.event_id"), primary_key=True),
        sa.Column("issue", sa.String(64), primary_key=True),
    )
    op.create_index("ix_issues_issue", "event_issues", ["issue"])

    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(80), sa.ForeignKey("events.event_id"), primary_key=True),
        sa.Column("side", sa.String(6), primary_key=True),
        sa.Column("pos", sa.SmallInteger, primary_key=True),
        sa.Column("actor_key", sa.String(200), nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("sector", sa.String(8)),
        sa.Column("role", sa.Text),
    )
    op.create_index("ix_actors_key", "event_actors", ["actor_key"])
    op.create_index("ix_actors_country", "event_actors", ["country"])

    op.create_table(
        "ingest_batches",
        sa.Column("batch_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    for name in ("ingest_batches", "event_actors", "event_issues", "event_dyads", "events", "stories", "articles"):
        op.drop_table(name)
