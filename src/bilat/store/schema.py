"""The store's tables, declared once with SQLAlchemy Core.

Queries are built on these objects; the migrations in ``migrations/versions`` create
them, and ``tests/store/test_migrations.py`` checks that a migrated database matches
this declaration exactly, so the two cannot drift apart.

Design notes (why the tables look like this):

- ``events`` keeps the spec §2 record (actors, evidence, issues as JSON text) plus
  derived columns used for filtering: ``day`` (first day of the date's period, ISO
  text so SQLite and PostgreSQL sort it the same), quad class, PLOVER and Goldstein
  scores. CAMEO codes are TEXT, never integers: "042" stays "042".
- ``event_dyads`` is one row per (source country, target country) of an event, with
  the unordered ``pair_key`` ("CHN-JPN"). Pair timelines, stances and the pair filter
  read only this table through one covering index, so they stay fast at 1M events.
- ``stories`` is one row per real-world event; ``events.story_id`` points to it. ``story_id`` (a
  content hash) is the story's public id; ``story_no`` (revision 0016), the ``seq`` of its first
  event, numbers stories in ingest order and keys the tables only ingest reads.
- ``articles.content_hash`` is unique: ingesting the same article twice stores it once.
  ``band0..band3`` are the four 16-bit bands of the article's 64-bit simhash; two
  near-duplicates (Hamming distance <= 3) share at least one band, so syndicated
  copies are found with an indexed lookup (of ``article_bands``, revision 0008).
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Column, Float, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint,
                        SmallInteger, String, Table, Text)

metadata = MetaData()


def by_key(*key: str, counts: tuple[str, ...]) -> PrimaryKeyConstraint:
    """The primary key of a roll-up that pages read by ranges of its key (revision 0012). With
    ``sqlite_with_rowid=False`` on the table SQLite stores the rows in key order, and on PostgreSQL the
    key's index carries the counts too (INCLUDE), so a range is read by an index-only scan: either way
    one range is a few adjacent pages. Before, the rows lay in the order ingest batches wrote them and a
    range read one random page a row (an actor page's 4,000 key_months rows: 200-400 ms cold)."""
    return PrimaryKeyConstraint(*key, postgresql_include=list(counts))

articles = Table(
    "articles", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("simhash", BigInteger, nullable=False),
    Column("band0", Integer, nullable=False),
    Column("band1", Integer, nullable=False),
    Column("band2", Integer, nullable=False),
    Column("band3", Integer, nullable=False),
    # article id of the earliest stored near-duplicate (itself when none): one independent source
    Column("syndicate_of", String(200), nullable=False),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("n_events", Integer, nullable=False, server_default="0"),
    Column("batch_id", Integer),
    Column("ingested_at", String(32), nullable=False),
)

#: Where near-duplicates are looked up (revision 0008): one row per article and band, ordered
#: within a band value by when the article was stored (``seq``), holding what the lookup
#: compares. A band's oldest 50 candidates are one range of one index (SQLite: the table
#: itself, WITHOUT ROWID); the band indexes on ``articles`` it replaces led to each candidate's
#: row, a page of its own, and 200 candidates per article once a story had many copies made
#: ingest slow down as the store grew.
article_bands = Table(
    "article_bands", metadata,
    Column("band_no", SmallInteger, primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("simhash", BigInteger, nullable=False),
    Column("syndicate_of", String(200), nullable=False),
    Column("article_id", String(200), nullable=False),
    sqlite_with_rowid=False,
)
Index("ix_article_bands_seq", article_bands.c.seq)
Index("ix_articles_published", articles.c.published)

stories = Table(
    "stories", metadata,
    Column("story_id", String(40), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("date", String(10)),
    Column("day", String(10)),
    Column("date_precision", String(8)),
    Column("quad", SmallInteger, nullable=False),
    Column("plover", Float, nullable=False),
    Column("goldstein", Float),
    Column("source_countries", Text, nullable=False),  # JSON list
    Column("target_countries", Text, nullable=False),  # JSON list
    Column("pair_keys", Text, nullable=False),  # "|CHN-JPN|KOR-JPN|" for LIKE filtering
    Column("issues", Text, nullable=False),  # JSON list
    Column("n_events", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("evidence", Text),  # a representative sentence
    Column("first_article_id", String(200)),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("story_no", BigInteger, nullable=False),
)
Index("ix_stories_type_day", stories.c.type, stories.c.day)
Index("ix_stories_day", stories.c.day)
#: Revision 0016: the stories' numbers in ingest order, the seq of each one's first event. The tables
#: only ingest reads (story_members, story_tallies, story_sources, key_stories) are keyed by it, so the
#: rows of a batch's new stories are appended where, keyed by the content-hash story_id, each landed on
#: a page of its own (~5,900 of the ~27,000 pages a 1,000-article transaction wrote at 22,000 articles).
Index("ix_stories_no", stories.c.story_no, unique=True)

events = Table(
    "events", metadata,
    Column("event_id", String(80), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.article_id"), nullable=False),
    Column("story_id", String(40), nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("date", String(10)),
    Column("day", String(10)),
    Column("date_precision", String(8)),
    Column("date_basis", String(16), nullable=False),
    Column("location_name", Text),
    Column("location_country", String(16)),
    Column("source", Text, nullable=False),  # JSON list of actors
    Column("target", Text, nullable=False),  # JSON list of actors
    Column("source_countries", Text, nullable=False),  # "|CHN|" for LIKE filtering
    Column("target_countries", Text, nullable=False),
    Column("issues", Text, nullable=False),  # JSON list
    Column("evidence", Text, nullable=False),  # JSON list of {sentence, start, end}
    Column("evidence_text", Text, nullable=False),  # sentences joined, for q=
    Column("attribution", Text),
    Column("confidence", Float, nullable=False),
    Column("salience", String(16)),
    Column("quad", SmallInteger, nullable=False),
    Column("plover", Float, nullable=False),
    Column("goldstein", Float),
    Column("seq", BigInteger, nullable=False),  # ingest order, for stable paging
)
Index("ix_events_article", events.c.article_id)
Index("ix_events_story", events.c.story_id)
Index("ix_events_day", events.c.day, events.c.seq)
Index("ix_events_type_day", events.c.type, events.c.day)

event_dyads = Table(
    "event_dyads", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("event_id", String(80), ForeignKey("events.event_id"), nullable=False),
    Column("story_id", String(40), nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("pair_key", String(40), nullable=False),
    Column("src", String(16), nullable=False),
    Column("tgt", String(16), nullable=False),
    Column("directed", SmallInteger, nullable=False),
    Column("type", String(16), nullable=False),
    Column("quad", SmallInteger, nullable=False),
    Column("plover", Float, nullable=False),
    Column("goldstein", Float),
    Column("day", String(10)),
    Column("week", String(10)),
    Column("month", String(7)),
)
# covering index: a pair timeline reads nothing but this index
Index("ix_dyads_pair", event_dyads.c.pair_key, event_dyads.c.day, event_dyads.c.type, event_dyads.c.src,
      event_dyads.c.story_id, event_dyads.c.week, event_dyads.c.month, event_dyads.c.goldstein)
Index("ix_dyads_event", event_dyads.c.event_id)
Index("ix_dyads_story", event_dyads.c.story_id)

event_issues = Table(
    "event_issues", metadata,
    Column("event_id", String(80), ForeignKey("events.event_id"), primary_key=True),
    Column("issue", String(64), primary_key=True),
)
Index("ix_issues_issue", event_issues.c.issue)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(80), ForeignKey("events.event_id"), primary_key=True),
    Column("side", String(6), primary_key=True),
    Column("pos", SmallInteger, primary_key=True),
    Column("actor_key", String(200), nullable=False),  # lower-cased name, or the country code
    Column("name", Text),
    Column("kind", String(16), nullable=False),
    Column("country", String(16)),
    Column("sector", String(8)),
    Column("role", Text),
)
Index("ix_actors_key", event_actors.c.actor_key)
Index("ix_actors_country", event_actors.c.country)

ingest_batches = Table(
    "ingest_batches", metadata,
    Column("batch_id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("n_articles", Integer, nullable=False, server_default="0"),
    Column("n_events", Integer, nullable=False, server_default="0"),
)

# Roll-ups of event_dyads per (pair, period, direction, type), kept current by every
# ingest batch for the pair-periods it touches: a timeline reads a few hundred rows
# instead of every event of a busy pair. Per-story counts are exact (distinct stories per
# bucket); sgold_* sum each story's mean Goldstein value.
ROLLUP_COUNTS = ("n_events", "n_stories", "gold_sum", "gold_n", "sgold_sum", "sgold_n")


def _rollup(name: str, period: str, width: int) -> Table:
    """A roll-up table keyed by (pair, period, direction, type); only the period column differs."""
    return Table(
        name, metadata,
        Column("pair_key", String(40), nullable=False),
        Column(period, String(width), nullable=False),
        Column("src", String(16), nullable=False),
        Column("type", String(16), nullable=False),
        Column("n_events", Integer, nullable=False),
        Column("n_stories", Integer, nullable=False),
        Column("gold_sum", Float),
        Column("gold_n", Integer, nullable=False),
        Column("sgold_sum", Float),
        Column("sgold_n", Integer, nullable=False),
        by_key("pair_key", period, "src", "type", counts=ROLLUP_COUNTS),
        sqlite_with_rowid=False,
    )


# Monthly roll-up (revision 0002).
pair_months = _rollup("pair_months", "month", 7)

# Indexes added in revision 0003: paging a pair's events newest first without sorting,
# exact totals from index ranges, export streaming by ingest order.
Index("ix_dyads_pair_day_event", event_dyads.c.pair_key, event_dyads.c.day, event_dyads.c.event_id,
      event_dyads.c.type)
Index("ix_dyads_pair_type_day", event_dyads.c.pair_key, event_dyads.c.type, event_dyads.c.day, event_dyads.c.event_id)
Index("ix_events_day_id", events.c.day, events.c.event_id)
# (with the id and the type: SQLite's search keys end in seq, and a page of matches reads its events'
# ids, and a search with types their types, from this index alone, revision 0014)
Index("ix_events_seq", events.c.seq, events.c.event_id, events.c.type)

# One row per (story, pair): lists a pair's stories newest first from an index.
story_pairs = Table(
    "story_pairs", metadata,
    Column("pair_key", String(40), primary_key=True),
    Column("story_id", String(40), primary_key=True),
    Column("day", String(10)),
)
Index("ix_story_pairs_day", story_pairs.c.pair_key, story_pairs.c.day, story_pairs.c.story_id)

# Weekly roll-up (revision 0004), the same shape keyed by the ISO week's Monday.
pair_weeks = _rollup("pair_weeks", "week", 10)

# Live feeds (revision 0005): what `bilat watch` knows about each feed and each article page it
# listed, so a restarted watcher resumes: validators for conditional GETs, entries already seen,
# and failures with the time each may be tried again. Keyed by a hash of the URL, since a URL
# may be longer than a btree key allows; timestamps are ISO text in UTC, which sorts.
watch_feeds = Table(
    "watch_feeds", metadata,
    Column("feed_key", String(40), primary_key=True),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("polled_at", String(32)),
    Column("ok_at", String(32)),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("next_try_at", String(32)),
    Column("last_error", Text),
)

watch_pages = Table(
    "watch_pages", metadata,
    Column("page_key", String(40), primary_key=True),
    Column("url", Text, nullable=False),
    Column("feed_key", String(40), nullable=False),
    Column("entry_key", String(40), nullable=False),  # hash of the entry's id
    Column("title", Text),
    Column("published", String(10)),
    Column("status", String(16), nullable=False),  # pending, stored, failed
    Column("article_id", String(200)),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("next_try_at", String(32)),
    Column("last_error", Text),
    Column("seen_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("seq", BigInteger, nullable=False),  # the order entries were listed in, across polls
)
Index("ix_watch_pages_feed_status", watch_pages.c.feed_key, watch_pages.c.status)
Index("ix_watch_pages_entry", watch_pages.c.feed_key, watch_pages.c.entry_key)

# ---------------------------------------------------------------- revision 0006
# Browsing at a million events: every list page reads an index in its own order and every
# count beside it is a roll-up row, kept current by each ingest batch (store/rollups.py)
# and rebuilt from the base tables by ``bilat rebuild-rollups``.

#: One row per (facet, value, event): 'name' (actor_key), 'country' (an actor's country on
#: either side), 'issue', 'outlet'. The (facet, value, day, event_id) index lists the events
#: of an actor, a country, an issue or an outlet newest first from any cursor without sorting,
#: and a list checks an event's key there by (facet, value, day, event_id), the day being its
#: event's (revision 0015). That index is the table's one key: SQLite kept a second B-tree on
#: (facet, value, event_id) where each of a batch's ~24,000 rows went to a page of its own (event
#: ids are content hashes), 5,600 of the ~34,000 pages a 1,000-article transaction wrote at 20,000
#: articles; the day orders a batch's rows much as a feed brings them. (The day is NULL for an
#: undated event, so it is a unique index, not a primary key; NULLs are equal in it on PostgreSQL,
#: and ingest never writes an event's keys twice.) PostgreSQL, which cannot seek an index by
#: ``day IS NOT DISTINCT FROM``, keeps the (facet, value, event_id) index for those checks.
event_keys = Table(
    "event_keys", metadata,
    Column("facet", String(8), nullable=False),
    Column("value", String(200), nullable=False),
    Column("event_id", String(80), nullable=False),
    Column("day", String(10)),
)
Index("ix_event_keys_day", event_keys.c.facet, event_keys.c.value, event_keys.c.day, event_keys.c.event_id,
      unique=True, postgresql_nulls_not_distinct=True)
Index("ix_event_keys_event", event_keys.c.facet, event_keys.c.value, event_keys.c.event_id).ddl_if(
    dialect="postgresql")
# (revision 0011 adds facets 'type' and 'source', a source actor's country, to event_keys alone, not to
# the counts below: a list checks them in the index, within the range of one value, as any facet)

#: Events per (facet, value, month, type, side); facet 'all' (value '') counts every event.
#: month '' holds the events no month places; side is 'source', 'target' or '*' (either; each
#: event once), only '*' for issues, outlets and 'all'.
key_months = Table(
    "key_months", metadata,
    Column("facet", String(8), nullable=False),
    Column("value", String(200), nullable=False),
    Column("month", String(7), nullable=False),
    Column("type", String(16), nullable=False),
    Column("side", String(6), nullable=False),
    Column("n_events", Integer, nullable=False),
    by_key("facet", "value", "month", "type", "side", counts=("n_events",)),
    sqlite_with_rowid=False,
)

#: Totals per (facet, value): the actors list is read in (facet, n_events) order. n_stories (revision
#: 0012): the key's rows of key_stories, counted as ingest adds them (an actor page counted them each
#: view: 77,000 for a busy country, 10-35 ms cold); 0 for outlets and 'all', which key_stories leaves out.
key_stats = Table(
    "key_stats", metadata,
    Column("facet", String(8), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("n_events", Integer, nullable=False),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("n_stories", Integer, nullable=False, server_default="0"),
)
Index("ix_key_stats_rank", key_stats.c.facet, key_stats.c.n_events, key_stats.c.value)

#: Country pairs of each facet value's events (an actor's partners, an issue's pairs).
key_pairs = Table(
    "key_pairs", metadata,
    Column("facet", String(8), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("pair_key", String(40), primary_key=True),
    Column("n_events", Integer, nullable=False),
)
Index("ix_key_pairs_rank", key_pairs.c.facet, key_pairs.c.value, key_pairs.c.n_events)

#: The stories of each facet value, once each: what ingest checks a key's stories against before it
#: adds to key_stats.n_stories (nothing else reads it). Keyed by story first (revision 0015): a
#: batch's rows for one story, whose keys are many, share a page, where by (facet, value, story_id)
#: each of them landed on a page of its own (story ids are content hashes): 3,260 of the ~33,000
#: pages a 1,000-article transaction wrote at 20,000 articles. By the story's number (revision 0016):
#: a batch's new stories are appended, not one page each (2,700 pages at 22,000 articles).
key_stories = Table(
    "key_stories", metadata,
    Column("facet", String(8), nullable=False),
    Column("value", String(200), nullable=False),
    Column("story_no", BigInteger, nullable=False),
    PrimaryKeyConstraint("story_no", "facet", "value"),
    sqlite_with_rowid=False,
)

#: How often each actor is described each way ('' for none): the usual name, kind and role.
actor_names = Table(
    "actor_names", metadata,
    Column("actor_key", String(200), primary_key=True),
    Column("name", String(300), primary_key=True),
    Column("country", String(16), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("role", String(300), primary_key=True),
    Column("n", Integer, nullable=False),
)

#: The stance table's cells: per (pair, issue, side, type, month) the events and stories
#: (month '' when none), and the last day seen.
pair_issue_months = Table(
    "pair_issue_months", metadata,
    Column("pair_key", String(40), nullable=False),
    Column("issue", String(64), nullable=False),
    Column("side", String(16), nullable=False),
    Column("type", String(16), nullable=False),
    Column("month", String(7), nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("n_stories", Integer, nullable=False),
    Column("last_day", String(10)),
    by_key("pair_key", "issue", "side", "type", "month", counts=("n_events", "n_stories", "last_day")),
    sqlite_with_rowid=False,
)

#: Who speaks for each side on each issue: source actors' names with that side's country.
pair_issue_speakers = Table(
    "pair_issue_speakers", metadata,
    Column("pair_key", String(40), nullable=False),
    Column("issue", String(64), nullable=False),
    Column("side", String(16), nullable=False),
    Column("name", String(300), nullable=False),
    Column("month", String(7), nullable=False),
    Column("n_events", Integer, nullable=False),
    by_key("pair_key", "issue", "side", "name", "month", counts=("n_events",)),
    sqlite_with_rowid=False,
)

#: One row per country pair: totals for ranking (/pairs, the home page) and the pair summary.
pair_stats = Table(
    "pair_stats", metadata,
    Column("pair_key", String(40), primary_key=True),
    Column("n_events", Integer, nullable=False),
    Column("n_stories", Integer, nullable=False),
    Column("n_cooperation", Integer, nullable=False),
    Column("n_conflict", Integer, nullable=False),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
)
Index("ix_pair_stats_events", pair_stats.c.n_events, pair_stats.c.pair_key)

#: Revision 0009: the counts beside a pair's events (store/pair_facets.py), per (pair, source, facet,
#: value): facet 'type', 'year', 'issue', 'outlet', 'source' (a source actor's country) or 'pair' (the
#: pairs the same events link); source '*' counts each event of the pair once, a country code the
#: events one of whose source actors is of that country. A pair page reads one range of the key.
pair_facets = Table(
    "pair_facets", metadata,
    Column("pair_key", String(40), nullable=False),
    Column("source", String(16), nullable=False),
    Column("facet", String(8), nullable=False),
    Column("value", String(200), nullable=False),
    Column("n_events", Integer, nullable=False),
    by_key("pair_key", "source", "facet", "value", counts=("n_events",)),
    sqlite_with_rowid=False,
)

#: Revision 0011: one narrow row per event with what the counts beside an event list count
#: (store/event_facts.py): type, day, outlet, and its issues, pairs and source actors' countries as
#: "|a|b|" ('' for none). A list without a roll-up of its filters counts its newest matches from here:
#: one read by id, not one per base table. Without a rowid in SQLite: one descent of one b-tree.
event_facts = Table(
    "event_facts", metadata,
    Column("event_id", String(80), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("day", String(10)),
    Column("outlet", String(200)),
    Column("issues", Text, nullable=False),
    Column("pairs", Text, nullable=False),
    Column("sources", Text, nullable=False),
    sqlite_with_rowid=False,
)
# a list driven by another index checks its pair here: one range of the pair's entries, where
# ix_dyads_event sent each check anywhere in the table (revision 0011). PostgreSQL's alone since
# revision 0015: SQLite checks the pair by (pair_key, day, event_id) in ix_dyads_pair_day_event
# (``day IS ?``, every driver's day being its event's), and this index, ordered by content-hash
# event ids, cost a page of its own for most of a batch's dyads (843 of ~33,000 pages a
# 1,000-article transaction wrote at 20,000 articles)
Index("ix_dyads_pair_event", event_dyads.c.pair_key, event_dyads.c.event_id).ddl_if(dialect="postgresql")
# a pair page's biggest stories are picked from its latest 500 by size and day: read from this
# index alone, not from 500 story rows (revision 0011)
Index("ix_stories_size", stories.c.story_id, stories.c.n_articles, stories.c.day)

#: the roll-ups that a rebuild empties and refills (revisions 0006, 0009 and 0011)
ROLLUP_TABLES = (event_keys, key_months, key_stats, key_pairs, key_stories, actor_names, pair_issue_months,
                 pair_issue_speakers, pair_stats, pair_facets, event_facts)

# ---------------------------------------------------------------- revision 0007
# Stories kept incrementally: each ingest batch updates a story's summary row and finds the
# stories new records could join in time that does not grow with the story or the store
# (store/summaries.py). All four are derived from events and articles and rebuilt from them
# by ``bilat rebuild-rollups`` (and on an existing store by migration 0016; 0007 made them).

#: One record per (story, signature): records alike in type, countries, date and evidence
#: score alike against any record of another article, so story matching loads one of each.
story_members = Table(
    "story_members", metadata,
    Column("story_no", BigInteger, primary_key=True),
    Column("sig", String(40), primary_key=True),  # sha1 of type, countries, date and evidence text
    Column("event_id", String(80), nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("type", String(16), nullable=False),
    Column("source_countries", Text, nullable=False),  # "|CHN|", as in events
    Column("target_countries", Text, nullable=False),
    Column("date", String(10)),
    Column("evidence_text", Text, nullable=False),
)

#: Where new records look for stories to join: one row per (country, type, first day of the
#: date's period, precision, story) of the dated records with countries. A crowded day costs
#: one row per story there, however many copies tell it.
story_keys = Table(
    "story_keys", metadata,
    Column("country", String(16), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("date_precision", String(8), primary_key=True),
    Column("story_id", String(40), primary_key=True),
)

#: What a story's summary is computed from besides the stories row: records per type and per
#: date (JSON objects) and the running sum of Goldstein values, added in ingest order.
story_tallies = Table(
    "story_tallies", metadata,
    # (SQLite: INTEGER, so the key is the rowid and the table one B-tree)
    Column("story_no", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False),
    Column("types", Text, nullable=False),
    Column("dates", Text, nullable=False),
    Column("gold_sum", Float, nullable=False),
    Column("gold_n", Integer, nullable=False),
)

#: Independent sources of each story: every original ('s:' + article id) and outlet ('o:' + name)
#: of its articles, labelled with the group it belongs to (articles join their original and
#: outlet into one group); n_sources is the number of groups.
story_sources = Table(
    "story_sources", metadata,
    Column("story_no", BigInteger, primary_key=True),
    Column("node", Text, primary_key=True),
    Column("comp", Text, nullable=False),
    sqlite_with_rowid=False,
)
# (no index on the story and comp: revision 0013 dropped it; relabelling a group reads the story's few
# rows through the primary key, and every ingest paid for the index)

#: tables of revision 0007, rebuilt from events and articles; all but story_keys (whose readers want
#: the story_id, and whose key leads with the country and day) keyed by the story's number (0016)
STORY_STATE_TABLES = (story_members, story_keys, story_tallies, story_sources)
