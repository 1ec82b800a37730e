"""The write path: idempotent, transactional, batched ingest; syndication; incremental stories;
the pair roll-ups. Mixed into Store."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection

from .. import analysis
from ..errors import StoreError
from ..model import Article, ArticleResult, Event
from ..stories import Member, StoryIndex
from . import fingerprint as fp
from . import rollups, summaries, syndication
from .bulk import run_many
from .engine import writer
from .syndication import rebuild_article_bands  # migration 0008 imports it from here too
from .schema import (articles, event_actors, event_dyads, event_issues, events, ingest_batches, metadata,
                     pair_months, pair_weeks)
from .records import IngestReport, _chunks, _now, _with_article, actor_key, article_hash, event_row


#: articles per transaction by default. Every index entry a transaction adds dirties a B-tree page,
#: which the commit writes to the WAL and the checkpoint writes again. Once an index has many more
#: leaves than a transaction has entries (a few thousand articles into a store), nearly every entry
#: dirties a page of its own, so a commit's cost per article grows with the store until it nears one
#: page per entry; a larger transaction shares more leaves. The articles of a transaction are put in
#: stories ``STORY_BATCH`` at a time, and the roll-ups are counted once per transaction. 1,000
#: articles into a 20,000-article store, read and write calls / CPU s: 688k / 5.2-5.5 at 200 a
#: transaction, 366k / 3.9-4.2 at 1,000 (first 1,000: 73k / 3.7-4.0 and 43k / 3.3-3.4). The price:
#: an interrupted ingest extracts up to this many articles again, the progress bar of ``bilat ingest``
#: moves this many at a time, and the WAL beside a large store holds up to one transaction's pages
#: (~250 MB at 20,000 articles).
BATCH_SIZE = 1000
#: articles put in stories together, however many a transaction holds: matching records against the
#: stories their own batch makes grows with the square of the batch (1,000 at once cost ~0.8 s more
#: per 1,000 than 200 at a time)
STORY_BATCH = 200


class Writes:
    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for part in _chunks(hashes):
                found.update(conn.execute(select(articles.c.content_hash)
                                          .where(articles.c.content_hash.in_(part))).scalars())
        return found

    def pending(self, items: Iterable[Any], chunk: int = 200,
                on_skip: Callable[[Article], None] | None = None) -> Iterator[Any]:
        """Pass through only the articles not stored yet (and any non-Article, e.g. a Failure),
        so an interrupted ingest resumes without extracting stored articles again."""
        buf: list[Any] = []

        def flush():
            arts = [a for a in buf if isinstance(a, Article)]
            done = self.stored_hashes(article_hash(a) for a in arts)
            for a in buf:
                if not isinstance(a, Article) or article_hash(a) not in done:
                    yield a
                elif on_skip:
                    on_skip(a)
            buf.clear()

        for item in items:
            buf.append(item)
            if len(buf) >= chunk:
                yield from flush()
        yield from flush()

    def ingest(self, results: Iterable[ArticleResult], batch_size: int = BATCH_SIZE,
               progress: Callable[[int], None] | None = None) -> dict[str, Any]:
        """Store articles with their events and stories, one transaction per batch.

        ``progress`` is called with the number of articles done after each batch.
        Returns the report as a dict (counts and the failures with their origin).
        """
        report = IngestReport()
        batch: list[ArticleResult] = []
        for result in results:
            report.articles_seen += 1
            if result.failure is not None or result.article is None:
                report.articles_failed += 1
                if result.failure is not None:
                    report.failures.append(result.failure.as_dict())
                if progress:
                    progress(1)
                continue
            batch.append(result)
            if len(batch) >= batch_size:
                self._ingest_batch(batch, report)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            self._ingest_batch(batch, report)
            if progress:
                progress(len(batch))
        return report.as_dict()

    def _ingest_batch(self, batch: list[ArticleResult], report: IngestReport) -> None:
        """One transaction: the batch's articles, events and stories stored ``STORY_BATCH`` articles
        at a time, then the pair roll-ups, the browsing roll-ups and the search index counted once
        for all of them (no later part reads them, and a page they share is dirtied once)."""
        with writer(self.engine).begin() as conn:
            if self.dialect == "postgresql":
                # one writer at a time: story assignment reads what the previous batch wrote
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(704212)")
                refresh_statistics(conn)
            start = rollups.mark(conn)
            story_pairs_added: Counter = Counter()
            touched: dict[str, dict[str, set[str]]] = {p: defaultdict(set) for p in ROLLUPS}
            for i in range(0, len(batch), STORY_BATCH):
                added, dy_rows = self._store_part(conn, batch[i:i + STORY_BATCH], report)
                story_pairs_added.update(added)
                for r in dy_rows:
                    for period in ROLLUPS:
                        if r[period]:
                            touched[period][r["pair_key"]].add(r[period])
            refresh_rollups(conn, touched)
            rollups.after_batch(conn, start, story_pairs_added)
        report.batches += 1

    def _store_part(self, conn: Connection, part: list[ArticleResult],
                    report: IngestReport) -> tuple[Counter, list[dict]]:
        """Articles, events and stories of up to ``STORY_BATCH`` articles (one ingest_batches row);
        returns the story_pairs rows added, by pair, and the event_dyads rows stored."""
        batch_id = conn.execute(insert(ingest_batches).values(started_at=_now())).inserted_primary_key[0]
        new_articles, new_events = self._insert_articles(conn, part, batch_id, report)
        story_pairs_added: Counter = Counter()
        dy_rows: list[dict] = []
        if new_events:
            ev_rows, dy_rows = self._insert_events(conn, new_events, report)
            if ev_rows:
                story_pairs_added = summaries.add_records(conn, ev_rows, dy_rows,
                                                          {a["article_id"]: a for a in new_articles}, report, _now())
        conn.execute(update(ingest_batches).where(ingest_batches.c.batch_id == batch_id)
                     .values(finished_at=_now(), n_articles=len(new_articles), n_events=len(new_events)))
        return story_pairs_added, dy_rows

    def _insert_articles(self, conn: Connection, batch: list[ArticleResult], batch_id: int,
                         report: IngestReport) -> tuple[list[dict], list[Event]]:
        hashes = {}
        for r in batch:
            hashes.setdefault(article_hash(r.article), r)
        stored = set()
        for part in _chunks(list(hashes)):
            stored.update(conn.execute(select(articles.c.content_hash)
                                       .where(articles.c.content_hash.in_(part))).scalars())
        ids = [r.article.id for r in hashes.values()]
        taken = set()
        for part in _chunks(ids):
            taken.update(conn.execute(select(articles.c.article_id).where(articles.c.article_id.in_(part))).scalars())
        report.articles_skipped += len(batch) - len(hashes)
        new_events: list[Event] = []
        seen_ids: set[str] = set()
        pending = syndication.Pending()  # this batch's new articles, as near-duplicate candidates
        for h, r in hashes.items():
            a = r.article
            if h in stored:
                report.articles_skipped += 1
                continue
            if a.id in taken or a.id in seen_ids:
                report.articles_failed += 1
                report.failures.append({"origin": a.origin or a.id, "code": "B405",
                                        "message": StoreError("B405", article_id=a.id).message})
                continue
            seen_ids.add(a.id)
            sh = fp.simhash(a.text)
            row = dict(article_id=a.id, content_hash=h, simhash=fp.to_signed(sh),
                       **{f"band{i}": b for i, b in enumerate(fp.bands(sh))},
                       syndicate_of=a.id, outlet=a.outlet, url=a.url, title=a.title, published=a.published,
                       language=a.language, text=a.text, n_events=len(r.events), batch_id=batch_id,
                       ingested_at=_now())
            original = syndication.find_original(conn, a.text, sh, pending)
            if original:
                row["syndicate_of"] = original
                report.syndicated += 1
            pending.add(row)
            new_events.extend(e if e.article_id == a.id else _with_article(e, a.id) for e in r.events)
        rows = pending.rows
        if rows:
            run_many(conn, insert(articles), rows)
            syndication.insert_bands(conn, rows)
        report.articles_stored += len(rows)
        return rows, new_events

    def _insert_events(self, conn: Connection, new_events: list[Event],
                       report: IngestReport) -> tuple[list[dict], list[dict]]:
        """Store the events not stored yet, each in its story; returns their events and
        event_dyads rows, in ingest order."""
        existing = set()
        ids = [e.event_id for e in new_events]
        for part in _chunks(ids):
            existing.update(conn.execute(select(events.c.event_id).where(events.c.event_id.in_(part))).scalars())
        fresh, seen = [], set()
        for e in new_events:
            if e.event_id in existing or e.event_id in seen:
                report.events_skipped += 1
                continue
            seen.add(e.event_id)
            fresh.append(e)
        if not fresh:
            return [], []
        index = self._seed_story_index(conn, fresh)
        before = set(index.stories)
        assigned = [(e, index.assign(Member.of(e))) for e in fresh]
        report.stories_created += len(set(index.stories) - before)
        seq0 = conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one()
        ev_rows, dy_rows, is_rows, ac_rows = [], [], [], []
        for i, (e, sid) in enumerate(assigned, start=1):
            row = event_row(e, sid, seq0 + i)
            ev_rows.append(row)
            keys = analysis.period_keys(e.date)
            for s, t, directed in analysis.dyads(e):
                dy_rows.append(dict(event_id=e.event_id, story_id=sid, article_id=e.article_id,
                                    pair_key=analysis.pair_key(s, t), src=s, tgt=t, directed=int(directed),
                                    type=e.type, quad=row["quad"], plover=row["plover"], goldstein=row["goldstein"],
                                    day=keys["day"], week=keys["week"], month=keys["month"]))
            for issue in sorted(set(e.issues)):
                is_rows.append(dict(event_id=e.event_id, issue=issue))
            for side in ("source", "target"):
                for pos, actor in enumerate(getattr(e, side)):
                    ac_rows.append(dict(event_id=e.event_id, side=side, pos=pos,
                                        actor_key=actor_key(actor.name, actor.country), name=actor.name,
                                        kind=actor.kind, country=actor.country, sector=actor.sector, role=actor.role))
        run_many(conn, insert(events), ev_rows)
        for table, rows in ((event_dyads, dy_rows), (event_issues, is_rows), (event_actors, ac_rows)):
            run_many(conn, insert(table), rows)
        report.events_stored += len(ev_rows)
        return ev_rows, dy_rows

    def rebuild_rollups(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Recompute every derived table (pair roll-ups, the stories' summary rows and what they
        are kept from, story_pairs, the browsing roll-ups and the search index) from scratch,
        e.g. after a bulk load that bypassed ``ingest``. ``progress(done, total)`` is called as
        events are counted."""
        with writer(self.engine).begin() as conn:
            for period, table in ROLLUPS.items():
                conn.execute(table.delete())
                conn.execute(text(rollup_sql(period, f"{period} IS NOT NULL")))
            summaries.rebuild(conn)  # story_pairs too
            rollups.rebuild(conn, progress)
            rebuild_article_bands(conn)

    def _seed_story_index(self, conn: Connection, fresh: list[Event]) -> StoryIndex:
        """An index holding the stored stories that new events could join (``summaries``)."""
        return summaries.seed(conn, summaries.candidates(conn, fresh))

#: PostgreSQL: a batch analyses the store's tables first when ``articles`` fills this many times the
#: pages it had at their last analysis (``refresh_statistics``) ...
STATISTICS_GROWTH = 2
#: ... and at least this many pages (8 KiB; ~1,000 articles' rows): a small store's plans are cheap
STATISTICS_MIN_PAGES = 64


def refresh_statistics(conn: Connection) -> bool:
    """Analyse the store's tables (PostgreSQL) once ``articles`` has grown ``STATISTICS_GROWTH``-fold
    since they were last analysed; True when it did.

    psycopg prepares a statement run a few times, and the server may keep one generic plan for it,
    made for the tables as they were then, until they are next analysed. The story lookup (story_keys
    by countries, types and days) planned against the first batch's small tables is a sequential
    scan, and it stayed one as the store grew: server CPU per 1,000 articles rose from 2.5 to 4.4 s by
    the 7,000th, 2 s of it in that lookup (autovacuum, a minute or more behind a fast ingest, had
    analysed nothing). Analysing at each doubling replans them for the store's real sizes: a few
    times in a store's life, each reading a bounded sample of every table. The size is the table's
    pages now against those its last analysis saw (``relpages``): exact at once, where the activity
    counters reach other sessions up to a second or more late."""
    relpages, pages = conn.exec_driver_sql(
        "SELECT relpages, pg_relation_size(oid) / current_setting('block_size')::int FROM pg_class "
        "WHERE oid = 'articles'::regclass").one()
    due = pages >= max(STATISTICS_MIN_PAGES, STATISTICS_GROWTH * relpages)
    if due:
        conn.exec_driver_sql("ANALYZE " + ", ".join(t.name for t in metadata.sorted_tables))
    return due


#: period -> its roll-up table (keyed by pair, period, direction, type)
ROLLUPS = {"month": pair_months, "week": pair_weeks}


def rollup_sql(period: str, where: str) -> str:
    """INSERT ... SELECT that recomputes roll-up rows from event_dyads; per-story counts exact."""
    table = ROLLUPS[period].name
    return (f"INSERT INTO {table} (pair_key, {period}, src, type, n_events, n_stories, gold_sum, gold_n, sgold_sum, "
            f"sgold_n) SELECT pair_key, {period}, src, type, SUM(n), COUNT(*), SUM(gs), SUM(gn), SUM(ga), COUNT(ga) "
            f"FROM (SELECT pair_key, {period}, src, type, story_id, COUNT(*) AS n, SUM(goldstein) AS gs, "
            f"COUNT(goldstein) AS gn, AVG(goldstein) AS ga FROM event_dyads WHERE {where} "
            f"GROUP BY pair_key, {period}, src, type, story_id) AS per_story GROUP BY pair_key, {period}, src, type")


def period_days(period: str, key: str) -> tuple[str, str]:
    """First and last day of a roll-up period key ('2023-08' or the Monday '2023-08-21')."""
    if period == "month":
        return key + "-01", key + "-31"
    start = dt.date.fromisoformat(key)
    return key, (start + dt.timedelta(days=6)).isoformat()


def refresh_rollups(conn: Connection, touched: dict[str, dict[str, set[str]]]) -> None:
    """Recompute the roll-up rows of the given (period -> pair -> keys) from event_dyads."""
    for period, pairs in touched.items():
        table = ROLLUPS[period]
        sql = text(rollup_sql(period, f"pair_key = :pk AND day BETWEEN :lo AND :hi AND {period} = :k"))
        for pk, keys in pairs.items():
            keys = sorted(keys)
            conn.execute(table.delete().where(table.c.pair_key == pk, table.c[period].in_(keys)))
            for k in keys:
                # a day range, so the (pair_key, day) index bounds the scan to one period of one pair
                lo, hi = period_days(period, k)
                conn.execute(sql, {"pk": pk, "lo": lo, "hi": hi, "k": k})
