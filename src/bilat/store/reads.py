"""The read path: every query behind the CLI, the API and the exports, aggregated in SQL. Mixed
into Store."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Iterable, Iterator

from sqlalchemy import case, false, func, or_, select, text

from .. import analysis
from ..errors import NotFoundError, StoreError
from .schema import articles, event_actors, event_dyads, event_issues, events, stories
from . import search
from .engine import display_url
from .writes import ROLLUPS
from .records import MAX_LIMIT, ResultSet, _chunks, _types, actor_key, event_dict, paragraph, story_dict


class Reads:
    def _page(self, limit: int | None, offset: int) -> tuple[int, int]:
        limit = 100 if limit is None else int(limit)
        offset = int(offset or 0)
        if limit < 0 or offset < 0:
            raise StoreError("B404", detail="limit and offset must be >= 0")
        return min(limit, MAX_LIMIT), offset

    def _event_filters(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
                       story=None, article=None, undated=None, outlet=None, source=None, min_outlets=None) -> list:
        conds = []
        if source:  # who acts: a source actor of this country (with a pair, one direction)
            conds.append(events.c.event_id.in_(select(event_actors.c.event_id).where(
                event_actors.c.side == "source", event_actors.c.country == source.strip().upper())))
        if min_outlets:  # events of stories that at least this many outlets reported
            conds.append(events.c.story_id.in_(select(stories.c.story_id)
                                               .where(stories.c.n_sources >= int(min_outlets))))
        if outlet:
            conds.append(events.c.article_id.in_(select(articles.c.article_id).where(articles.c.outlet == outlet)))
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
        conds += self._in_range(events.c.day, *self._bounds(since, until))
        if q:
            match = search.matches(self.dialect, q)
            conds.append(match if match is not None else false())
        if story:
            conds.append(events.c.story_id == story)
        if article:
            conds.append(events.c.article_id == article)
        if undated:
            conds.append(_undated(undated, events.c.day, events.c.date_precision))
        return conds

    @staticmethod
    def _bounds(since, until):
        try:
            return analysis.period_bounds(since, until)
        except ValueError as exc:
            raise StoreError("B404", detail=str(exc)) from exc

    @staticmethod
    def _in_range(column, lo, hi) -> list:
        """Conditions keeping `column` within [lo, hi]; a missing bound is open."""
        conds = []
        if lo:
            conds.append(column >= lo)
        if hi:
            conds.append(column <= hi)
        return conds

    def events(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
               limit: int | None = 100, offset: int = 0, story=None, article=None, undated=None,
               outlet=None, cursor: str | None = None, source=None, min_outlets=None) -> ResultSet:
        """Events matching every given filter, newest first (spec §2 dicts plus url, outlet, title).

        ``q``: words and "quoted phrases" that must all occur in the evidence or in the article's
        title or text (full-text search). ``cursor``: a page's ``next_cursor`` or ``prev_cursor``
        (keyset paging, as fast at any depth). ``source``: a country one of whose actors is the
        source (with a pair: one direction). ``min_outlets``: only events of stories that at least
        this many outlets reported. ``undated`` ('day', 'week' or 'month'): only the
        events whose date does not place them in such a period, which a pair timeline by that
        period leaves out."""
        limit, offset = self._page(limit, offset)
        if not (article or undated):
            return self._browse_events(pair, actor, type, issue, since, until, q, outlet, limit, offset, cursor,
                                       source, min_outlets, story)
        cols = (events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)
        if pair and not (story or article or outlet or source or min_outlets):
            return self._pair_events(pair, actor, type, issue, since, until, q, limit, offset, undated)
        conds = self._event_filters(pair, actor, type, issue, since, until, q, story, article, undated, outlet,
                                    source, min_outlets)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(events).where(*conds)).scalar_one()
            q_rows = (select(*cols).join(articles, articles.c.article_id == events.c.article_id).where(*conds)
                      .order_by(events.c.day.desc().nulls_last(), events.c.event_id.desc())
                      .limit(limit).offset(offset))
            rows = [event_dict(r._mapping) for r in conn.execute(q_rows)]
        return ResultSet(rows, total, limit, offset)

    def _pair_events(self, pair, actor, type, issue, since, until, q, limit, offset, undated=None) -> ResultSet:
        """The pair filter drives the query from event_dyads' indexes: the newest page of a
        busy pair is read in index order and the total counted from an index range."""
        a, b = analysis.parse_pair(pair) if isinstance(pair, str) else pair
        d = event_dyads.c
        dconds = [d.pair_key == analysis.pair_key(a, b)]
        if type:
            dconds.append(d.type.in_(_types(type)))
        dconds += self._in_range(d.day, *self._bounds(since, until))
        if undated:
            # the dyad's own period column: exactly what pair() leaves out of a timeline by that period
            dconds.append(getattr(d, _undated_period(undated)).is_(None))
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
                    chunk: int = 2000, outlet=None, source=None, min_outlets=None, story=None,
                    undated=None) -> Iterator[dict[str, Any]]:
        """Every matching event in ingest order, streamed (for exports); the filters are those of
        ``events`` (``type`` may be several, 'ACCUSE,REJECT')."""
        conds = self._event_filters(pair, actor, type, issue, since, until, q, story=story, undated=undated,
                                    outlet=outlet, source=source, min_outlets=min_outlets)
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
                min_articles: int | None = None, cursor: str | None = None) -> ResultSet:
        """Stories, newest first, each counted once however many articles reported it."""
        limit, offset = self._page(limit, offset)
        return self._browse_stories(pair, type, since, until, limit, offset, min_articles, cursor)

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
        """Actors by number of events, each with its most frequent name, country, kind and role."""
        limit, offset = self._page(limit, offset)
        return self._browse_actors(q, limit, offset)

    def actor(self, name_or_code: str) -> dict[str, Any]:
        """One actor (a person's or organisation's name, or a country code): its events by type and partners."""
        return self._browse_actor(name_or_code)

    def pair(self, a: str, b: str, period: str = "month", since=None, until=None, source=None) -> ResultSet:
        """Timeline of a country pair: per period, counts by type and quad class per story and
        per article, direction counts, mean PLOVER score and mean Goldstein score. ``source`` (A or
        B): one direction only, what that side did to the other (an event both sides act in, such as
        a meeting both attend, is on the side first in alphabetical order)."""
        if period not in analysis.PERIODS:
            raise StoreError("B404", detail=f"period must be one of {', '.join(analysis.PERIODS)}, got {period!r}")
        a, b = a.strip().upper(), b.strip().upper()
        pk = analysis.pair_key(a, b)
        col = getattr(event_dyads.c, period)
        lo, hi = self._bounds(since, until)
        conds = [event_dyads.c.pair_key == pk, col.is_not(None), *self._in_range(event_dyads.c.day, lo, hi)]
        if source:
            conds.append(event_dyads.c.src == source.strip().upper())
        d = event_dyads.c
        grouped = (select(col, d.type, func.count(), func.count(func.distinct(d.story_id)),
                          func.count(func.distinct(case((d.src == a, d.story_id)))),
                          func.sum(d.goldstein), func.count(d.goldstein))
                   .where(*conds).group_by(col, d.type))
        per_story = (select(col.label("period"), event_dyads.c.story_id,
                            func.avg(event_dyads.c.goldstein).label("g"))
                     .where(*conds, event_dyads.c.goldstein.is_not(None))
                     .group_by(col, event_dyads.c.story_id).subquery())
        story_gold = select(per_story.c.period, func.count(), func.sum(per_story.c.g)).group_by(per_story.c.period)
        if _whole_periods(period, lo, hi):
            # whole months or weeks: read the roll-up, a few rows per period however busy the pair
            table = ROLLUPS[period]
            key = table.c[period]
            rconds = [table.c.pair_key == pk] + ([table.c.src == source.strip().upper()] if source else [])
            if lo:
                rconds.append(key >= (lo[:7] if period == "month" else lo))
            if hi:
                rconds.append(key <= (hi[:7] if period == "month" else hi))
            t = table.c
            grouped = (select(key, t.type, func.sum(t.n_events), func.sum(t.n_stories),
                              func.sum(case((t.src == a, t.n_stories), else_=0)), func.sum(t.gold_sum),
                              func.sum(t.gold_n)).where(*rconds).group_by(key, t.type))
            story_gold = select(key, func.sum(t.sgold_n), func.sum(t.sgold_sum)).where(*rconds).group_by(key)
        with self.engine.connect() as conn:
            rows = conn.execute(grouped).all()
            sg = {p: (n, s) for p, n, s in conn.execute(story_gold)}
        out = analysis.timeline(a, b, period, rows, sg)
        return ResultSet(out, len(out), None, 0)

    def stances(self, a: str, b: str, issue: str | None = None, since=None, until=None) -> dict[str, Any]:
        """For each issue and each side, the sequence of its events on that issue toward the other side
        (only events dated within ``since``/``until`` when either is given)."""
        a, b = a.strip().upper(), b.strip().upper()
        conds = [event_dyads.c.pair_key == analysis.pair_key(a, b)]
        if issue:
            conds.append(event_issues.c.issue == issue.strip().lower())
        conds += self._in_range(event_dyads.c.day, *self._bounds(since, until))
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
        return [{"pair": r["pair"], "n_events": r["n_events"], "n_stories": r["n_stories"]}
                for r in self.pairs(limit=int(limit)).rows]

    def stats(self) -> dict[str, Any]:
        return {"url": display_url(self.url), "dialect": self.dialect, **self._quick_stats()}

def _undated_period(period: str) -> str:
    if period not in analysis.PERIODS:
        raise StoreError("B404", detail=f"undated must be one of {', '.join(analysis.PERIODS)}, got {period!r}")
    return period


def _undated(period: str, day, precision):
    """Events whose date places them in no ``period``: no date at all, or one too coarse
    (a year-only date is in no month; only a day's date is in a week)."""
    period = _undated_period(period)
    if period == "day":
        return day.is_(None)
    coarse = ("year",) if period == "month" else ("year", "month")
    return or_(day.is_(None), precision.is_(None), precision.in_(coarse))


def _whole_periods(period: str, lo: str | None, hi: str | None) -> bool:
    """True when the bounds cut no month (or ISO week) in two, so the roll-up answers exactly."""
    if period not in ROLLUPS:
        return False
    if period == "month":
        return (lo is None or lo.endswith("-01")) and (hi is None or
                                                      (dt.date.fromisoformat(hi) + dt.timedelta(days=1)).day == 1)
    return (lo is None or dt.date.fromisoformat(lo).weekday() == 0) and \
        (hi is None or dt.date.fromisoformat(hi).weekday() == 6)
