"""The write path: idempotent, transactional, batched ingest; syndication; incremental stories;
the pair roll-ups. Mixed into Store."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import and_, func, insert, or_, select, text, update
from sqlalchemy.engine import Connection

from .. import analysis
from ..errors import StoreError
from ..model import Article, ArticleResult, Event
from ..stories import COMPATIBLE, Member, StoryIndex, tokens
from . import fingerprint as fp
from . import rollups
from .engine import writer
from .schema import (articles, event_actors, event_dyads, event_issues, events, ingest_batches, pair_months,
                     pair_weeks, stories, story_pairs)
from .records import (IngestReport, _chunks, _now, _unbar, _with_article, actor_key, article_hash, event_row,
                      summarise_story)


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

    def ingest(self, results: Iterable[ArticleResult], batch_size: int = 50,
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
        with writer(self.engine).begin() as conn:
            if self.dialect == "postgresql":
                # one writer at a time: story assignment reads what the previous batch wrote
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(704212)")
            batch_id = conn.execute(insert(ingest_batches).values(started_at=_now())).inserted_primary_key[0]
            start = rollups.mark(conn)
            new_articles, new_events = self._insert_articles(conn, batch, batch_id, report)
            if new_events:
                touched = self._insert_events(conn, new_events, report)
                self._refresh_stories(conn, touched, report)
            rollups.after_batch(conn, start)  # the browsing roll-ups and the search index
            conn.execute(update(ingest_batches).where(ingest_batches.c.batch_id == batch_id)
                         .values(finished_at=_now(), n_articles=len(new_articles), n_events=len(new_events)))
        report.batches += 1

    def _insert_articles(self, conn: Connection, batch: list[ArticleResult], batch_id: int,
                         report: IngestReport) -> tuple[list[dict], list[Event]]:
        rows, hashes = [], {}
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
            original = self._find_syndicated(conn, a, sh, rows)
            if original:
                row["syndicate_of"] = original
                report.syndicated += 1
            rows.append(row)
            new_events.extend(e if e.article_id == a.id else _with_article(e, a.id) for e in r.events)
        if rows:
            conn.execute(insert(articles), rows)
        report.articles_stored += len(rows)
        return rows, new_events

    def _find_syndicated(self, conn: Connection, a: Article, sh: int, pending_rows: list[dict]) -> str | None:
        """The original of a near-duplicate article already stored (or earlier in this batch)."""
        if fp.word_count(a.text) < fp.MIN_WORDS:
            return None
        b = fp.bands(sh)
        cands = []
        # one indexed lookup per band: an OR of the four, or skewed planner statistics, can turn
        # this into a scan of every article; SQLite is told which index to use
        hint = " INDEXED BY ix_articles_band{i}" if self.dialect == "sqlite" else ""
        for i in range(4):
            # texts are fetched only for the closest candidates below: once a story has many
            # near-copies, reading and word-counting 200 of them per article made ingest slow
            # down as the store grew
            sql = text(f"SELECT article_id, simhash, syndicate_of FROM articles{hint.format(i=i)} "
                       f"WHERE band{i} = :b LIMIT 50")
            cands += [(aid, other, root, None) for aid, other, root in conn.execute(sql, {"b": b[i]})]
        cands += [(r["article_id"], r["simhash"], r["syndicate_of"], r["text"]) for r in pending_rows
                  if any(r[f"band{i}"] == b[i] for i in range(4))]
        # the nearest candidate long enough to count, the first seen among equals (a stable sort)
        near = sorted(((fp.distance(sh, other), n, aid, root, other_text)
                       for n, (aid, other, root, other_text) in enumerate(cands)), key=lambda c: (c[0], c[1]))
        for d, _, aid, root, other_text in near:
            if d > fp.MAX_DISTANCE:
                break
            if other_text is None:
                other_text = conn.execute(select(articles.c.text).where(articles.c.article_id == aid)).scalar_one()
            if fp.word_count(other_text) >= fp.MIN_WORDS:
                return root
        return None

    def _insert_events(self, conn: Connection, new_events: list[Event], report: IngestReport) -> set[str]:
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
            return set()
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
        conn.execute(insert(events), ev_rows)
        for table, rows in ((event_dyads, dy_rows), (event_issues, is_rows), (event_actors, ac_rows)):
            if rows:
                conn.execute(insert(table), rows)
        report.events_stored += len(ev_rows)
        touched: dict[str, dict[str, set[str]]] = {p: defaultdict(set) for p in ROLLUPS}
        for r in dy_rows:
            for period in ROLLUPS:
                if r[period]:
                    touched[period][r["pair_key"]].add(r[period])
        refresh_rollups(conn, touched)
        return {sid for _, sid in assigned}

    def rebuild_rollups(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Recompute every derived table (pair roll-ups, story_pairs, the browsing roll-ups and
        the search index) from scratch, e.g. after a bulk load that bypassed ``ingest``.
        ``progress(done, total)`` is called as events are counted."""
        with writer(self.engine).begin() as conn:
            for period, table in ROLLUPS.items():
                conn.execute(table.delete())
                conn.execute(text(rollup_sql(period, f"{period} IS NOT NULL")))
            conn.execute(story_pairs.delete())
            conn.execute(text("INSERT INTO story_pairs (pair_key, story_id, day) SELECT DISTINCT d.pair_key, "
                              "d.story_id, s.day FROM event_dyads d JOIN stories s ON s.story_id = d.story_id"))
            rollups.rebuild(conn, progress)

    def _seed_story_index(self, conn: Connection, fresh: list[Event]) -> StoryIndex:
        """An index holding the stored stories that new events could join: same type group,
        dates within a day (or the same month for coarse dates), a country in common. A record
        without a date or without a country joins no other article's story (``stories.match``),
        so it needs none; the country filter keeps the lookup to the stories of the pairs at hand
        however many other stories share the dates."""
        windows: dict[tuple[tuple[str, ...], str, str, str, str], set[str]] = defaultdict(set)
        for e in fresh:
            span = analysis.date_span(e.date)
            countries = e.countries("source") | e.countries("target")
            if span is None or not countries:
                continue
            group = tuple(sorted({e.type} | {t for g in COMPATIBLE if e.type in g for t in g}))
            lo = (span[0] - dt.timedelta(days=1)).isoformat()
            hi = (span[1] + dt.timedelta(days=1)).isoformat()
            windows[(group, lo, hi, span[0].isoformat()[:7] + "-01", span[0].isoformat()[:4] + "-01-01")] |= countries
        ids: set[str] = set()
        # a record joins a story when it matches any member, so look members up by their own dates:
        # day-precise ones within a day of the new record, coarse ones whose month or year holds it
        for (group, lo, hi, month_start, year_start), countries in windows.items():
            shares = or_(*[col.like(f"%|{c}|%") for c in sorted(countries)
                           for col in (events.c.source_countries, events.c.target_countries)])
            q = select(events.c.story_id).where(events.c.type.in_(group), or_(
                events.c.day.between(lo, hi),
                and_(events.c.day == month_start, events.c.date_precision == "month"),
                and_(events.c.day == year_start, events.c.date_precision == "year")), shares).distinct()
            ids.update(conn.execute(q).scalars())
        index = StoryIndex()
        if not ids:
            return index
        members: dict[str, list[Member]] = defaultdict(list)
        types: dict[str, str] = {}
        for part in _chunks(sorted(ids)):
            for sid, stype in conn.execute(select(stories.c.story_id, stories.c.type)
                                           .where(stories.c.story_id.in_(part))):
                types[sid] = stype
            # one record per signature: records alike in type, countries, date and evidence score
            # alike against a new record (never from the same article: stored articles are not
            # new ones), so a story told by thousands of copies is one comparison, not thousands
            sig = (events.c.story_id, events.c.type, events.c.source_countries, events.c.target_countries,
                   events.c.date, events.c.evidence_text)
            q = select(func.min(events.c.event_id).label("event_id"), func.min(events.c.article_id).label("article_id"),
                       *sig).where(events.c.story_id.in_(part)).group_by(*sig)
            for r in conn.execute(q):
                members[r.story_id].append(Member(r.event_id, r.article_id, r.type,
                                                  frozenset(_unbar(r.source_countries)),
                                                  frozenset(_unbar(r.target_countries)), r.date,
                                                  tokens(r.evidence_text)))
        for sid in sorted(members):
            index.seed(sid, types[sid], members[sid])
        return index

    def _refresh_stories(self, conn: Connection, story_ids: set[str], report: IngestReport) -> None:
        """Recompute the summary row of every story that gained records."""
        ids = sorted(story_ids)
        existing = set()
        for part in _chunks(ids):
            existing.update(conn.execute(select(stories.c.story_id).where(stories.c.story_id.in_(part))).scalars())
        now = _now()
        for part in _chunks(ids):
            q = (select(events.c.story_id, events.c.event_id, events.c.article_id, events.c.type, events.c.date,
                        events.c.source_countries, events.c.target_countries, events.c.issues, events.c.goldstein,
                        events.c.evidence_text, events.c.seq, articles.c.outlet, articles.c.url,
                        articles.c.syndicate_of)
                 .join(articles, articles.c.article_id == events.c.article_id)
                 .where(events.c.story_id.in_(part)).order_by(events.c.seq))
            grouped: dict[str, list] = defaultdict(list)
            for r in conn.execute(q):
                grouped[r.story_id].append(r)
            pairs_of: dict[str, set[str]] = defaultdict(set)
            for r in conn.execute(select(event_dyads.c.story_id, event_dyads.c.pair_key)
                                  .where(event_dyads.c.story_id.in_(part)).distinct()):
                pairs_of[r.story_id].add(r.pair_key)
            all_pairs = sorted({pk for sid in grouped for pk in pairs_of.get(sid, ())})
            if all_pairs:
                conn.execute(story_pairs.delete().where(story_pairs.c.pair_key.in_(all_pairs),
                                                        story_pairs.c.story_id.in_(list(grouped))))
            sp_rows = []
            for sid, rows in grouped.items():
                summary = summarise_story(sid, rows, pairs_of.get(sid, set()))
                sp_rows += [dict(pair_key=pk, story_id=sid, day=summary["day"]) for pk in sorted(pairs_of.get(sid, ()))]
                if sid in existing:
                    conn.execute(update(stories).where(stories.c.story_id == sid).values(updated_at=now, **summary))
                    report.stories_updated += 1
                else:
                    conn.execute(insert(stories).values(story_id=sid, created_at=now, updated_at=now, **summary))
            if sp_rows:
                conn.execute(insert(story_pairs), sp_rows)

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
