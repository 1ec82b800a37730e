"""The Store: idempotent, transactional ingest and the queries behind the CLI, API and exports.

Every read returns plain, JSON-serialisable dicts. Aggregations run in SQL on indexed
columns. Ingest commits one transaction per batch of articles: killed mid-way, the
database keeps the batches already committed and nothing of the batch in flight, and
running the same ingest again skips what is stored (by content hash) and completes it.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from sqlalchemy import and_, func, insert, or_, select, text, update
from sqlalchemy.engine import Connection, Engine

from .. import analysis
from ..errors import NotFoundError, StoreError
from ..model import Article, ArticleResult, Event
from ..stories import COMPATIBLE, Member, StoryIndex, best_date, count_sources, tokens
from . import fingerprint as fp
from .engine import display_url, writer
from .schema import (articles, event_actors, event_dyads, event_issues, events, ingest_batches, pair_months,
                     stories, story_pairs)

MAX_LIMIT = 10_000
_CHUNK = 500


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _chunks(seq: Sequence, n: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _bars(codes: Iterable[str]) -> str:
    """'|CHN|JPN|': lets a LIKE '%|CHN|%' filter match whole codes only."""
    codes = sorted(set(codes))
    return "|" + "|".join(codes) + "|" if codes else ""


def _unbar(value: str | None) -> list[str]:
    return [c for c in (value or "").split("|") if c]


@dataclass
class ResultSet:
    """One page of rows plus the total number of matches."""

    rows: list[dict[str, Any]]
    total: int
    limit: int | None = None
    offset: int = 0

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "total": self.total, "limit": self.limit, "offset": self.offset}

    def to_pandas(self):
        try:
            import pandas as pd
        except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
            raise StoreError("B404", detail="pandas is not installed; pip install 'bilat[parquet]'") from exc
        flat = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()}
                for r in self.rows]
        frame = pd.DataFrame(flat)
        # codes stay strings in pandas and Parquet: "042", never 42
        for col in ("cameo", "EventCode", "EventBaseCode", "EventRootCode", "CAMEO Code"):
            if col in frame.columns:
                frame[col] = frame[col].astype("string")
        return frame

    def to_parquet(self, path) -> None:
        self.to_pandas().to_parquet(path, index=False)


@dataclass
class IngestReport:
    articles_seen: int = 0
    articles_stored: int = 0
    articles_skipped: int = 0  # already stored (same content hash)
    articles_failed: int = 0
    events_stored: int = 0
    events_skipped: int = 0  # event id already stored
    stories_created: int = 0
    stories_updated: int = 0
    syndicated: int = 0
    batches: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Store:
    """An event store on SQLite or PostgreSQL. Open it with ``bilat.open_store(url)``."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # ------------------------------------------------------------------ ingest

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
            new_articles, new_events = self._insert_articles(conn, batch, batch_id, report)
            if new_events:
                touched = self._insert_events(conn, new_events, report)
                self._refresh_stories(conn, touched, report)
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
            sql = text(f"SELECT article_id, simhash, syndicate_of, text FROM articles{hint.format(i=i)} "
                       f"WHERE band{i} = :b LIMIT 50")
            cands += [tuple(row) for row in conn.execute(sql, {"b": b[i]})]
        cands += [(r["article_id"], r["simhash"], r["syndicate_of"], r["text"]) for r in pending_rows
                  if any(r[f"band{i}"] == b[i] for i in range(4))]
        best = None
        for aid, other, root, other_text in cands:
            d = fp.distance(sh, other)
            if d <= fp.MAX_DISTANCE and fp.word_count(other_text) >= fp.MIN_WORDS and (best is None or d < best[0]):
                best = (d, root)
        return best[1] if best else None

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
        months: dict[str, set[str]] = defaultdict(set)
        for r in dy_rows:
            if r["month"]:
                months[r["pair_key"]].add(r["month"])
        refresh_rollup(conn, months)
        return {sid for _, sid in assigned}

    def rebuild_rollups(self) -> None:
        """Recompute the derived pair tables (monthly roll-up, story_pairs) from scratch,
        e.g. after a bulk load that bypassed ``ingest``."""
        with writer(self.engine).begin() as conn:
            conn.execute(pair_months.delete())
            conn.execute(text(_ROLLUP_SQL.format(where="month IS NOT NULL")))
            conn.execute(story_pairs.delete())
            conn.execute(text("INSERT INTO story_pairs (pair_key, story_id, day) SELECT DISTINCT d.pair_key, "
                              "d.story_id, s.day FROM event_dyads d JOIN stories s ON s.story_id = d.story_id"))

    def _seed_story_index(self, conn: Connection, fresh: list[Event]) -> StoryIndex:
        """An index holding the stored stories that new events could join: same type group,
        dates within a day (or the same month for coarse dates)."""
        windows: set[tuple[tuple[str, ...], str, str, str, str]] = set()
        for e in fresh:
            span = analysis.date_span(e.date)
            if span is None:
                continue
            group = tuple(sorted({e.type} | {t for g in COMPATIBLE if e.type in g for t in g}))
            lo = (span[0] - dt.timedelta(days=1)).isoformat()
            hi = (span[1] + dt.timedelta(days=1)).isoformat()
            windows.add((group, lo, hi, span[0].isoformat()[:7] + "-01", span[0].isoformat()[:4] + "-01-01"))
        ids: set[str] = set()
        # a record joins a story when it matches any member, so look members up by their own dates:
        # day-precise ones within a day of the new record, coarse ones whose month or year holds it
        for group, lo, hi, month_start, year_start in windows:
            q = select(events.c.story_id).where(events.c.type.in_(group), or_(
                events.c.day.between(lo, hi),
                and_(events.c.day == month_start, events.c.date_precision == "month"),
                and_(events.c.day == year_start, events.c.date_precision == "year"))).distinct()
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
            q = select(events.c.event_id, events.c.article_id, events.c.story_id, events.c.type,
                       events.c.source_countries, events.c.target_countries, events.c.date,
                       events.c.evidence_text).where(events.c.story_id.in_(part))
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

    # ------------------------------------------------------------------ reads

    def _page(self, limit: int | None, offset: int) -> tuple[int, int]:
        limit = 100 if limit is None else int(limit)
        offset = int(offset or 0)
        if limit < 0 or offset < 0:
            raise StoreError("B404", detail="limit and offset must be >= 0")
        return min(limit, MAX_LIMIT), offset

    def _event_filters(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
                       story=None, article=None) -> list:
        conds = []
        if pair:
            a, b = analysis.parse_pair(pair) if isinstance(pair, str) else pair
            conds.append(events.c.event_id.in_(select(event_dyads.c.event_id)
                                               .where(event_dyads.c.pair_key == analysis.pair_key(a, b))))
        if actor:
            conds.append(events.c.event_id.in_(select(event_actors.c.event_id).where(or_(
                event_actors.c.actor_key == actor_key(actor, None),
                event_actors.c.country == actor.strip().upper()))))
        if type:
            conds.append(events.c.type.in_(_types(type)))
        if issue:
            conds.append(events.c.event_id.in_(select(event_issues.c.event_id)
                                               .where(event_issues.c.issue == issue.strip().lower())))
        lo, hi = self._bounds(since, until)
        if lo:
            conds.append(events.c.day >= lo)
        if hi:
            conds.append(events.c.day <= hi)
        if q:
            conds.append(func.lower(events.c.evidence_text).contains(q.lower(), autoescape=True))
        if story:
            conds.append(events.c.story_id == story)
        if article:
            conds.append(events.c.article_id == article)
        return conds

    @staticmethod
    def _bounds(since, until):
        try:
            return analysis.period_bounds(since, until)
        except ValueError as exc:
            raise StoreError("B404", detail=str(exc)) from exc

    def events(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
               limit: int | None = 100, offset: int = 0, story=None, article=None) -> ResultSet:
        """Events matching every given filter, newest first (spec §2 dicts plus url, outlet, title)."""
        limit, offset = self._page(limit, offset)
        cols = (events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)
        if pair and not (story or article):
            return self._pair_events(pair, actor, type, issue, since, until, q, limit, offset)
        conds = self._event_filters(pair, actor, type, issue, since, until, q, story, article)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(events).where(*conds)).scalar_one()
            q_rows = (select(*cols).join(articles, articles.c.article_id == events.c.article_id).where(*conds)
                      .order_by(events.c.day.desc().nulls_last(), events.c.event_id.desc())
                      .limit(limit).offset(offset))
            rows = [event_dict(r._mapping) for r in conn.execute(q_rows)]
        return ResultSet(rows, total, limit, offset)

    def _pair_events(self, pair, actor, type, issue, since, until, q, limit, offset) -> ResultSet:
        """The pair filter drives the query from event_dyads' indexes: the newest page of a
        busy pair is read in index order and the total counted from an index range."""
        a, b = analysis.parse_pair(pair) if isinstance(pair, str) else pair
        d = event_dyads.c
        dconds = [d.pair_key == analysis.pair_key(a, b)]
        if type:
            dconds.append(d.type.in_(_types(type)))
        lo, hi = self._bounds(since, until)
        if lo:
            dconds.append(d.day >= lo)
        if hi:
            dconds.append(d.day <= hi)
        other = self._event_filters(actor=actor, issue=issue, q=q)
        if other:
            dconds.append(d.event_id.in_(select(events.c.event_id).where(*other)))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count(func.distinct(d.event_id))).where(*dconds)).scalar_one()
            page = conn.execute(select(d.event_id).where(*dconds)
                                .order_by(d.day.desc().nulls_last(), d.event_id.desc())
                                .limit(limit).offset(offset)).scalars().all()
            ids = list(dict.fromkeys(page))  # an event linking the pair twice is listed once
            found = {r.event_id: event_dict(r._mapping) for r in conn.execute(
                select(events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)
                .join(articles, articles.c.article_id == events.c.article_id).where(events.c.event_id.in_(ids)))}
        return ResultSet([found[i] for i in ids], total, limit, offset)

    def iter_events(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
                    chunk: int = 2000) -> Iterator[dict[str, Any]]:
        """Every matching event in ingest order, streamed (for exports)."""
        conds = self._event_filters(pair, actor, type, issue, since, until, q)
        last = 0
        with self.engine.connect() as conn:
            while True:
                q_rows = (select(events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)
                          .join(articles, articles.c.article_id == events.c.article_id)
                          .where(events.c.seq > last, *conds).order_by(events.c.seq).limit(chunk))
                rows = [event_dict(r._mapping) for r in conn.execute(q_rows)]
                if not rows:
                    return
                yield from rows
                last = rows[-1]["seq"]

    def event(self, event_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            r = conn.execute(select(events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)
                             .join(articles, articles.c.article_id == events.c.article_id)
                             .where(events.c.event_id == event_id)).first()
        if r is None:
            raise NotFoundError("B403", what="event", key=event_id)
        return event_dict(r._mapping)

    def story_urls(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """Article URLs per story, in ingest order."""
        out: dict[str, list[str]] = defaultdict(list)
        ids = sorted(set(story_ids))
        with self.engine.connect() as conn:
            for part in _chunks(ids):
                q = (select(events.c.story_id, articles.c.url).join(articles, articles.c.article_id == events.c.article_id)
                     .where(events.c.story_id.in_(part)).order_by(events.c.seq))
                for sid, url in conn.execute(q):
                    if url and url not in out[sid]:
                        out[sid].append(url)
        return dict(out)

    def stories(self, pair=None, type=None, since=None, until=None, limit: int | None = 100, offset: int = 0,
                min_articles: int | None = None) -> ResultSet:
        """Stories, newest first, each counted once however many articles reported it."""
        limit, offset = self._page(limit, offset)
        conds = []
        if pair:
            a, b = analysis.parse_pair(pair) if isinstance(pair, str) else pair
            conds.append(stories.c.story_id.in_(select(story_pairs.c.story_id)
                                                .where(story_pairs.c.pair_key == analysis.pair_key(a, b))))
        if type:
            conds.append(stories.c.type.in_(_types(type)))
        lo, hi = self._bounds(since, until)
        if lo:
            conds.append(stories.c.day >= lo)
        if hi:
            conds.append(stories.c.day <= hi)
        if min_articles:
            conds.append(stories.c.n_articles >= int(min_articles))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(stories).where(*conds)).scalar_one()
            rows = [story_dict(r._mapping) for r in conn.execute(
                select(stories).where(*conds).order_by(stories.c.day.desc().nulls_last(), stories.c.story_id)
                .limit(limit).offset(offset))]
        return ResultSet(rows, total, limit, offset)

    def story(self, story_id: str) -> dict[str, Any]:
        """A story with every mention: article, outlet, URL, evidence with offsets and its paragraph."""
        with self.engine.connect() as conn:
            r = conn.execute(select(stories).where(stories.c.story_id == story_id)).first()
            if r is None:
                raise NotFoundError("B403", what="story", key=story_id)
            out = story_dict(r._mapping)
            q = (select(events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published,
                        articles.c.text.label("article_text"), articles.c.syndicate_of)
                 .join(articles, articles.c.article_id == events.c.article_id)
                 .where(events.c.story_id == story_id).order_by(events.c.seq))
            mentions = []
            for row in conn.execute(q):
                m = row._mapping
                ev = event_dict(m)
                for e in ev["evidence"]:
                    para_start, para = paragraph(m["article_text"], e["start"], e["end"])
                    mentions.append({
                        "event_id": ev["event_id"], "article_id": ev["article_id"], "outlet": m["outlet"],
                        "url": m["url"], "title": m["title"], "published": m["published"],
                        "syndicate_of": m["syndicate_of"], "type": ev["type"], "date": ev["date"],
                        "sentence": e["sentence"], "start": e["start"], "end": e["end"],
                        "paragraph": para, "paragraph_start": para_start,
                    })
                if not ev["evidence"]:
                    mentions.append({"event_id": ev["event_id"], "article_id": ev["article_id"],
                                     "outlet": m["outlet"], "url": m["url"], "title": m["title"],
                                     "published": m["published"], "syndicate_of": m["syndicate_of"],
                                     "type": ev["type"], "date": ev["date"], "sentence": None, "start": None,
                                     "end": None, "paragraph": None, "paragraph_start": None})
            out["mentions"] = mentions
            out["event_ids"] = sorted({m["event_id"] for m in mentions})
            out["article_ids"] = list(dict.fromkeys(m["article_id"] for m in mentions))
            out["urls"] = [u for u in dict.fromkeys(m["url"] for m in mentions) if u]
        return out

    def articles(self, limit: int | None = 100, offset: int = 0) -> ResultSet:
        limit, offset = self._page(limit, offset)
        cols = [c for c in articles.c if c.name not in ("text", "simhash", "band0", "band1", "band2", "band3")]
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            rows = [dict(r._mapping) for r in conn.execute(
                select(*cols).order_by(articles.c.ingested_at.desc(), articles.c.article_id).limit(limit).offset(offset))]
        return ResultSet(rows, total, limit, offset)

    def article(self, article_id: str) -> dict[str, Any]:
        cols = [c for c in articles.c if c.name not in ("simhash", "band0", "band1", "band2", "band3")]
        with self.engine.connect() as conn:
            r = conn.execute(select(*cols).where(articles.c.article_id == article_id)).first()
        if r is None:
            raise NotFoundError("B403", what="article", key=article_id)
        out = dict(r._mapping)
        out["events"] = self.events(article=article_id, limit=MAX_LIMIT).rows
        return out

    def actors(self, q: str | None = None, limit: int | None = 100, offset: int = 0) -> ResultSet:
        """Actors by number of events, with their country, kind and role."""
        limit, offset = self._page(limit, offset)
        conds = [event_actors.c.actor_key.contains(q.strip().lower(), autoescape=True)] if q else []
        base = (select(event_actors.c.actor_key, func.max(event_actors.c.name).label("name"),
                       func.max(event_actors.c.country).label("country"), func.max(event_actors.c.kind).label("kind"),
                       func.max(event_actors.c.role).label("role"),
                       func.count(func.distinct(event_actors.c.event_id)).label("n_events"))
                .where(*conds).group_by(event_actors.c.actor_key))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
            rows = [dict(r._mapping) for r in conn.execute(
                base.order_by(text("n_events DESC"), event_actors.c.actor_key).limit(limit).offset(offset))]
        return ResultSet(rows, total, limit, offset)

    def actor(self, name_or_code: str) -> dict[str, Any]:
        """One actor (a person's or organisation's name, or a country code): its events by type and partners."""
        key = name_or_code.strip()
        is_code = key.upper() == key and (len(key) == 3 or key.upper().startswith("IGO:"))
        cond = event_actors.c.country == key.upper() if is_code else event_actors.c.actor_key == actor_key(key, None)
        with self.engine.connect() as conn:
            names = conn.execute(select(event_actors.c.name, event_actors.c.country, event_actors.c.kind,
                                        event_actors.c.role, func.count().label("n"))
                                 .where(cond).group_by(event_actors.c.name, event_actors.c.country,
                                                       event_actors.c.kind, event_actors.c.role)
                                 .order_by(text("n DESC"))).all()
            if not names:
                raise NotFoundError("B403", what="actor", key=name_or_code)
            ids = select(event_actors.c.event_id).where(cond)
            by_side = conn.execute(select(event_actors.c.side, events.c.type, func.count(func.distinct(events.c.event_id)))
                                   .join(events, events.c.event_id == event_actors.c.event_id)
                                   .where(cond).group_by(event_actors.c.side, events.c.type)).all()
            span = conn.execute(select(func.min(events.c.day), func.max(events.c.day),
                                       func.count(func.distinct(events.c.story_id)))
                                .where(events.c.event_id.in_(ids))).first()
            partners = conn.execute(select(event_dyads.c.pair_key, func.count().label("n"))
                                    .where(event_dyads.c.event_id.in_(ids)).group_by(event_dyads.c.pair_key)
                                    .order_by(text("n DESC")).limit(10)).all()
        return {
            "actor": name_or_code,
            "names": [dict(r._mapping) for r in names],
            "as_source": {t: n for side, t, n in by_side if side == "source"},
            "as_target": {t: n for side, t, n in by_side if side == "target"},
            "first_day": span[0], "last_day": span[1], "n_stories": span[2],
            "pairs": [{"pair": p, "n_events": n} for p, n in partners],
        }

    def pair(self, a: str, b: str, period: str = "month", since=None, until=None) -> ResultSet:
        """Timeline of a country pair: per period, counts by type and quad class per story and
        per article, direction counts, mean PLOVER score and mean Goldstein score."""
        if period not in analysis.PERIODS:
            raise StoreError("B404", detail=f"period must be one of {', '.join(analysis.PERIODS)}, got {period!r}")
        a, b = a.strip().upper(), b.strip().upper()
        pk = analysis.pair_key(a, b)
        col = getattr(event_dyads.c, period)
        lo, hi = self._bounds(since, until)
        conds = [event_dyads.c.pair_key == pk, col.is_not(None)]
        if lo:
            conds.append(event_dyads.c.day >= lo)
        if hi:
            conds.append(event_dyads.c.day <= hi)
        grouped = (select(col.label("period"), event_dyads.c.src, event_dyads.c.type,
                          func.count().label("n_events"),
                          func.count(func.distinct(event_dyads.c.story_id)).label("n_stories"),
                          func.sum(event_dyads.c.goldstein).label("goldstein_sum"),
                          func.count(event_dyads.c.goldstein).label("goldstein_n"))
                   .where(*conds).group_by(col, event_dyads.c.src, event_dyads.c.type))
        per_story = (select(col.label("period"), event_dyads.c.story_id,
                            func.avg(event_dyads.c.goldstein).label("g"))
                     .where(*conds, event_dyads.c.goldstein.is_not(None))
                     .group_by(col, event_dyads.c.story_id).subquery())
        story_gold = select(per_story.c.period, func.count(), func.sum(per_story.c.g)).group_by(per_story.c.period)
        if period == "month" and (lo is None or lo.endswith("-01")) and (hi is None or _month_end(hi)):
            # whole months: read the roll-up, a few rows per month however busy the pair
            pm = pair_months.c
            mconds = [pm.pair_key == pk]
            if lo:
                mconds.append(pm.month >= lo[:7])
            if hi:
                mconds.append(pm.month <= hi[:7])
            grouped = select(pm.month.label("period"), pm.src, pm.type, pm.n_events, pm.n_stories,
                             pm.gold_sum.label("goldstein_sum"), pm.gold_n.label("goldstein_n")).where(*mconds)
            story_gold = select(pm.month, func.sum(pm.sgold_n), func.sum(pm.sgold_sum)).where(*mconds) \
                .group_by(pm.month)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(grouped)]
            sg = {p: (n, s) for p, n, s in conn.execute(story_gold)}
        out = analysis.timeline(a, b, period, rows, sg)
        return ResultSet(out, len(out), None, 0)

    def stances(self, a: str, b: str, issue: str | None = None) -> dict[str, Any]:
        """For each issue and each side, the sequence of its events on that issue toward the other side."""
        a, b = a.strip().upper(), b.strip().upper()
        conds = [event_dyads.c.pair_key == analysis.pair_key(a, b)]
        if issue:
            conds.append(event_issues.c.issue == issue.strip().lower())
        q = (select(event_issues.c.issue, event_dyads.c.src, event_dyads.c.tgt, event_dyads.c.directed,
                    events.c.event_id, events.c.story_id, events.c.type, events.c.mode, events.c.date, events.c.day,
                    events.c.source, events.c.evidence, events.c.article_id, events.c.seq)
             .join(event_issues, event_issues.c.event_id == event_dyads.c.event_id)
             .join(events, events.c.event_id == event_dyads.c.event_id)
             .where(*conds).order_by(event_issues.c.issue, events.c.day, events.c.seq))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return analysis.stances(a, b, [dict(r._mapping) for r in rows])

    def top_pairs(self, limit: int = 10) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(event_dyads.c.pair_key, func.count().label("n_events"),
                                       func.count(func.distinct(event_dyads.c.story_id)).label("n_stories"))
                                .group_by(event_dyads.c.pair_key).order_by(text("n_events DESC"), event_dyads.c.pair_key)
                                .limit(int(limit))).all()
        return [{"pair": r.pair_key, "n_events": r.n_events, "n_stories": r.n_stories} for r in rows]

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
            by_type = dict(conn.execute(select(events.c.type, func.count()).group_by(events.c.type)).all())
            span = conn.execute(select(func.min(events.c.day), func.max(events.c.day))).first()
            multi = conn.execute(select(func.count()).select_from(stories).where(stories.c.n_articles > 1)).scalar_one()
            synd = conn.execute(select(func.count()).select_from(articles)
                                .where(articles.c.syndicate_of != articles.c.article_id)).scalar_one()
            last = conn.execute(select(func.max(ingest_batches.c.finished_at))).scalar_one()
            return {
                "url": display_url(self.url), "dialect": self.dialect,
                "articles": count(articles), "events": count(events), "stories": count(stories),
                "stories_multi_article": multi, "syndicated_articles": synd,
                "actors": conn.execute(select(func.count(func.distinct(event_actors.c.actor_key)))).scalar_one(),
                "pairs": conn.execute(select(func.count(func.distinct(event_dyads.c.pair_key)))).scalar_one(),
                "first_day": span[0], "last_day": span[1],
                "by_type": {t: by_type.get(t, 0) for t in analysis.TYPES},
                "last_ingest": last,
            }


# ---------------------------------------------------------------------- helpers

_ROLLUP_SQL = (
    "INSERT INTO pair_months (pair_key, month, src, type, n_events, n_stories, gold_sum, gold_n, sgold_sum, sgold_n) "
    "SELECT pair_key, month, src, type, SUM(n), COUNT(*), SUM(gs), SUM(gn), SUM(ga), COUNT(ga) FROM ("
    " SELECT pair_key, month, src, type, story_id, COUNT(*) AS n, SUM(goldstein) AS gs,"
    " COUNT(goldstein) AS gn, AVG(goldstein) AS ga FROM event_dyads WHERE {where}"
    " GROUP BY pair_key, month, src, type, story_id) AS per_story GROUP BY pair_key, month, src, type")


def refresh_rollup(conn: Connection, months: dict[str, set[str]]) -> None:
    """Recompute the roll-up rows of the given pair-months from event_dyads."""
    sql = text(_ROLLUP_SQL.format(where="pair_key = :pk AND day BETWEEN :lo AND :hi AND month = :m"))
    for pk, ms in months.items():
        ms = sorted(ms)
        conn.execute(pair_months.delete().where(pair_months.c.pair_key == pk, pair_months.c.month.in_(ms)))
        for m in ms:
            # a day range, so the (pair_key, day) index bounds the scan to one month of one pair
            conn.execute(sql, {"pk": pk, "lo": m + "-01", "hi": m + "-31", "m": m})


def _month_end(day: str) -> bool:
    d = dt.date.fromisoformat(day)
    return (d + dt.timedelta(days=1)).day == 1


def _types(value) -> list[str]:
    """Event types from 'ACCUSE,REJECT' or a list, checked against the 16 PLOVER types."""
    wanted = [t.strip().upper() for t in (value.split(",") if isinstance(value, str) else value) if t.strip()]
    bad = [t for t in wanted if t not in analysis.TYPES]
    if bad:
        raise StoreError("B404", detail=f"unknown event type {', '.join(bad)}; valid types: {', '.join(analysis.TYPES)}")
    return wanted


def article_hash(a: Article) -> str:
    return fp.content_hash(a.text, a.url or a.outlet)


def actor_key(name: str | None, country: str | None) -> str:
    if name and name.strip():
        return " ".join(name.split()).lower()[:200]
    return (country or "?").upper()


def _with_article(e: Event, article_id: str) -> Event:
    from dataclasses import replace

    return replace(e, article_id=article_id)


def event_row(e: Event, story_id: str, seq: int) -> dict[str, Any]:
    if e.type not in analysis.TYPES:
        raise StoreError("B404", detail=f"event {e.event_id}: unknown type {e.type!r}")
    keys = analysis.period_keys(e.date)
    code = analysis.cameo_code(e.type, e.cameo, e.mode)
    d = e.as_dict()
    return dict(
        event_id=e.event_id, article_id=e.article_id, story_id=story_id, type=e.type, mode=e.mode,
        cameo=None if e.cameo is None else str(e.cameo), date=e.date, day=keys["day"],
        date_precision=keys["precision"], date_basis=e.date_basis,
        location_name=e.location.name if e.location else None,
        location_country=e.location.country if e.location else None,
        source=json.dumps(d["source"], ensure_ascii=False), target=json.dumps(d["target"], ensure_ascii=False),
        source_countries=_bars(e.countries("source")), target_countries=_bars(e.countries("target")),
        issues=json.dumps(list(e.issues)), evidence=json.dumps(d["evidence"], ensure_ascii=False),
        evidence_text=" ".join(x.sentence for x in e.evidence), attribution=e.attribution,
        confidence=float(e.confidence), salience=e.salience, quad=analysis.quad(e.type),
        plover=analysis.plover_score(e.type), goldstein=analysis.goldstein(code), seq=seq,
    )


def event_dict(m) -> dict[str, Any]:
    """A stored event as the spec §2 dict, plus provenance (url, outlet, title) and derived scores."""
    d = {
        "event_id": m["event_id"], "article_id": m["article_id"], "story_id": m["story_id"], "type": m["type"],
        "mode": m["mode"], "cameo": m["cameo"], "source": json.loads(m["source"]), "target": json.loads(m["target"]),
        "date": m["date"], "date_basis": m["date_basis"],
        "location": ({"name": m["location_name"], "country": m["location_country"]}
                     if m["location_name"] or m["location_country"] else None),
        "issues": json.loads(m["issues"]), "evidence": json.loads(m["evidence"]), "attribution": m["attribution"],
        "confidence": round(float(m["confidence"]), 3),
    }
    if m["salience"]:
        d["salience"] = m["salience"]
    d.update(quad_class=analysis.QUAD_NAME[m["quad"]], plover_score=m["plover"], goldstein=m["goldstein"],
             seq=m["seq"])
    for k in ("url", "outlet", "title", "published"):
        if k in m.keys():
            d[k] = m[k]
    return d


def story_dict(m) -> dict[str, Any]:
    d = dict(m)
    for k in ("source_countries", "target_countries", "issues"):
        d[k] = json.loads(d[k])
    d["pairs"] = _unbar(d.pop("pair_keys"))
    d["quad_class"] = analysis.QUAD_NAME[d["quad"]]
    return d


def summarise_story(story_id: str, rows: list, pair_keys: set[str]) -> dict[str, Any]:
    """The stories row for a story's member records (rows joined with their articles)."""
    type_counts: dict[str, int] = defaultdict(int)
    for r in rows:
        type_counts[r.type] += 1
    stype = sorted(type_counts, key=lambda t: (-type_counts[t], t))[0]
    date = best_date(r.date for r in rows)
    keys = analysis.period_keys(date)
    src = sorted({c for r in rows for c in _unbar(r.source_countries)})
    tgt = sorted({c for r in rows for c in _unbar(r.target_countries)})
    issues = sorted({i for r in rows for i in json.loads(r.issues)})
    golds = [r.goldstein for r in rows if r.goldstein is not None]
    arts = {}
    for r in rows:
        arts.setdefault(r.article_id, {"article_id": r.article_id, "outlet": r.outlet, "url": r.url,
                                       "syndicate_of": r.syndicate_of})
    evidence = next((r.evidence_text for r in rows if r.evidence_text), None)
    return dict(type=stype, date=date, day=keys["day"], date_precision=keys["precision"],
                quad=analysis.quad(stype), plover=analysis.plover_score(stype),
                goldstein=round(sum(golds) / len(golds), 3) if golds else None,
                source_countries=json.dumps(src), target_countries=json.dumps(tgt),
                pair_keys=_bars(pair_keys), issues=json.dumps(issues), n_events=len(rows),
                n_articles=len(arts), n_sources=count_sources(arts.values()),
                evidence=evidence, first_article_id=rows[0].article_id)


def paragraph(text: str, start: int | None, end: int | None) -> tuple[int | None, str | None]:
    """The paragraph (text between blank lines or newlines) holding characters start..end."""
    if text is None or start is None or not (0 <= start <= len(text)):
        return None, None
    lo = max(text.rfind("\n", 0, start) + 1, 0)
    hi = text.find("\n", end if end is not None else start)
    hi = len(text) if hi == -1 else hi
    if hi - lo > 2000:  # no line breaks: a window around the sentence
        lo, hi = max(0, start - 600), min(len(text), (end or start) + 600)
    return lo, text[lo:hi]
