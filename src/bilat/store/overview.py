"""Overview queries over the roll-ups: pairs ranked, a pair's summary, undated count and stance
cells, issues, per-facet timelines and counts, the store's totals. Mixed into Store."""
from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select, text

from .. import analysis
from .browse import whole_months
from .records import ResultSet, _types, story_dict
from .schema import (articles, event_dyads, events, ingest_batches, key_months, key_pairs, key_stats,
                     pair_issue_months, pair_issue_speakers, pair_months, pair_stats, stories)


class Overview:
    # ------------------------------------------------------------------ pairs

    def pairs(self, by: str = "events", limit: int = 50, offset: int = 0) -> ResultSet:
        """Country pairs ranked ``by`` 'events' (activity), 'conflict' (share of conflict events, at
        least 10 events) or 'change' (events in the last month with events against the month before)."""
        ps = pair_stats.c
        with self.engine.connect() as conn:
            if by == "change":
                last = conn.execute(select(func.max(pair_months.c.month))).scalar()
                rows = self._pair_change(conn, last) if last else []
                total = len(rows)
                rows = rows[offset:offset + limit]
            else:
                conds = [ps.n_events >= 10] if by == "conflict" else []
                order = ((ps.n_conflict * 1.0 / ps.n_events).desc(), ps.n_events.desc()) if by == "conflict" else \
                    (ps.n_events.desc(), ps.pair_key)
                total = conn.execute(select(func.count()).select_from(pair_stats).where(*conds)).scalar_one()
                rows = [dict(r._mapping) for r in conn.execute(
                    select(pair_stats).where(*conds).order_by(*order, ps.pair_key).limit(limit).offset(offset))]
                for r in rows:
                    r["pair"] = r["pair_key"]
                    r["conflict_share"] = round(r["n_conflict"] / r["n_events"], 3) if r["n_events"] else None
        return ResultSet(rows, total, limit, offset)

    def _pair_change(self, conn, last: str) -> list[dict[str, Any]]:
        y, m = int(last[:4]), int(last[5:7])
        prev = f"{y - (m == 1):04d}-{12 if m == 1 else m - 1:02d}"
        pm = pair_months.c
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for pk, month, n in conn.execute(select(pm.pair_key, pm.month, func.sum(pm.n_stories))
                                         .where(pm.month.in_([prev, last])).group_by(pm.pair_key, pm.month)):
            counts[pk][month == last] += int(n)
        rows = [{"pair": pk, "pair_key": pk, "month": last, "previous_month": prev, "n_stories": now,
                 "n_stories_before": before, "change": now - before} for pk, (before, now) in counts.items()]
        rows.sort(key=lambda r: (-abs(r["change"]), -r["n_stories"], r["pair"]))
        return rows

    def pair_undated(self, a: str, b: str, period: str = "month") -> int:
        """How many of a pair's events no ``period`` places (no date, or one too coarse), which its
        timeline by that period leaves out. Read from index ranges: undated rows, and the first days
        of years (and months) that coarse dates fall on."""
        pk = analysis.pair_key(a.strip().upper(), b.strip().upper())
        d = event_dyads.c
        with self.engine.connect() as conn:
            span = conn.execute(select(pair_stats.c.first_day, pair_stats.c.last_day)
                                .where(pair_stats.c.pair_key == pk)).first()
            starts = []
            if span and span[0] and period != "day":
                y0, y1 = int(span[0][:4]), int(span[1][:4])
                months = range(1, 13) if period == "week" else (1,)
                starts = [f"{y:04d}-{m:02d}-01" for y in range(y0, y1 + 1) for m in months]
            placed = or_(d.day.is_(None), d.day.in_(starts)) if starts else d.day.is_(None)
            return conn.execute(select(func.count(func.distinct(d.event_id))).where(
                d.pair_key == pk, placed, getattr(d, period).is_(None))).scalar_one()

    def pair_summary(self, a: str, b: str) -> dict[str, Any]:
        """Coverage dates and totals of a pair (pair_stats), its biggest stories by number of articles."""
        pk = analysis.pair_key(a.strip().upper(), b.strip().upper())
        with self.engine.connect() as conn:
            r = conn.execute(select(pair_stats).where(pair_stats.c.pair_key == pk)).first()
            # the biggest among the pair's latest 500 stories: bounded however busy the pair; picked by
            # size and day from ix_stories_size alone (revision 0011: SQLite, without statistics, would
            # read the 500 story rows by primary key), then the five story rows read
            hint = " INDEXED BY ix_stories_size" if conn.dialect.name == "sqlite" else ""
            ids = [i for (i,) in conn.execute(text(
                f"SELECT s.story_id FROM stories AS s{hint} WHERE s.story_id IN (SELECT story_id FROM story_pairs "
                "WHERE pair_key = :pk ORDER BY day DESC LIMIT 500) ORDER BY s.n_articles DESC, s.day DESC, "
                "s.story_id LIMIT 5"), {"pk": pk})]
            rows = {x.story_id: story_dict(x._mapping) for x in conn.execute(select(stories)
                                                                             .where(stories.c.story_id.in_(ids)))}
            big = [rows[i] for i in ids]
        base = dict(r._mapping) if r else {"pair_key": pk, "n_events": 0, "n_stories": 0, "n_cooperation": 0,
                                           "n_conflict": 0, "first_day": None, "last_day": None}
        return {**base, "biggest_stories": big}

    def stance_summary(self, a: str, b: str, since=None, until=None) -> dict[str, Any]:
        """The stance table: per issue and side, stories by type, the speakers and the last date.
        Read from pair_issue_months for whole months; a range that cuts a month is counted live."""
        a, b = a.strip().upper(), b.strip().upper()
        pk = analysis.pair_key(a, b)
        lo, hi = self._bounds(since, until)
        if not whole_months(lo, hi):
            return self._live_stance_summary(a, b, since, until)
        pim, pis = pair_issue_months.c, pair_issue_speakers.c
        mconds = [pim.pair_key == pk]
        sconds = [pis.pair_key == pk]
        if lo or hi:
            mconds += [pim.month != "", *self._in_range(pim.month, lo and lo[:7], hi and hi[:7])]
            sconds += [pis.month != "", *self._in_range(pis.month, lo and lo[:7], hi and hi[:7])]
        with self.engine.connect() as conn:
            cells = conn.execute(select(pim.issue, pim.side, pim.type, func.sum(pim.n_stories), func.max(pim.last_day))
                                 .where(*mconds).group_by(pim.issue, pim.side, pim.type)).all()
            speakers = conn.execute(select(pis.issue, pis.side, pis.name).where(*sconds).distinct()).all()
        return _stance_shape(a, b, cells, speakers)

    def _live_stance_summary(self, a, b, since, until) -> dict[str, Any]:
        full = self.stances(a, b, since=since, until=until)
        cells, speakers = [], []
        for item in full["issues"]:
            for side in item["sides"]:
                last = max((s["date"] or "" for s in side["sequence"]), default="") or None
                for t, n in side["summary"].items():
                    cells.append((item["issue"], side["actor"], t, n, last))
                speakers += [(item["issue"], side["actor"], n) for s in side["sequence"] for n in s["speakers"]]
        return _stance_shape(a, b, cells, speakers)

    # ------------------------------------------------------------------ issues, stats

    def issues(self, issue: str | None = None) -> list[dict[str, Any]]:
        """Every issue (or the one named) with its events, first and last day, and the pairs it is
        most argued between."""
        ks, kp = key_stats.c, key_pairs.c
        one = [ks.value == issue] if issue else []
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                select(ks.value.label("issue"), ks.n_events, ks.first_day, ks.last_day).where(ks.facet == "issue", *one)
                .order_by(ks.n_events.desc(), ks.value))]
            top: dict[str, list] = defaultdict(list)
            for slug, pk, n in conn.execute(select(kp.value, kp.pair_key, kp.n_events)
                                            .where(kp.facet == "issue", *([kp.value == issue] if issue else []))
                                            .order_by(kp.value, kp.n_events.desc())):
                if len(top[slug]) < 3:
                    top[slug].append({"pair": pk, "n_events": n})
        for r in rows:
            r["pairs"] = top.get(r["issue"], [])
        return rows

    def facet_timeline(self, facet: str, value: str, type=None) -> list[dict[str, Any]]:
        """Events per month of a facet value (an issue, an actor, a country, an outlet; 'all' for every event)."""
        km = key_months.c
        conds = [km.facet == facet, km.value == value, km.side == "*", km.month != ""]
        if type:
            conds.append(km.type.in_(_types(type)))
        with self.engine.connect() as conn:
            return [{"period": m, "total": int(n)} for m, n in conn.execute(
                select(km.month, func.sum(km.n_events)).where(*conds).group_by(km.month).order_by(km.month))]

    def facet_counts(self, facet: str, value: str) -> dict[str, dict[str, int]]:
        """Counts beside a list filtered by one facet value: its events by type and by quad class."""
        km = key_months.c
        with self.engine.connect() as conn:
            by_type = {t: int(n) for t, n in conn.execute(
                select(km.type, func.sum(km.n_events)).where(km.facet == facet, km.value == value, km.side == "*")
                .group_by(km.type))}
        by_quad: dict[str, int] = defaultdict(int)
        for t, n in by_type.items():
            by_quad[analysis.QUAD_NAME[analysis.quad(t)]] += n
        return {"type": by_type, "quad": dict(by_quad)}

    def version(self) -> tuple:
        """What changes whenever the store does: the last event's seq, the last ingest batch and the
        store's URL. Two index lookups; derived views (charts, totals) are kept by it."""
        with self.engine.connect() as conn:
            return self._version_on(conn)

    def _version_on(self, conn) -> tuple:
        row = conn.execute(select(select(func.max(events.c.seq)).scalar_subquery(),
                                  select(func.max(ingest_batches.c.batch_id)).scalar_subquery())).first()
        return (self.url, *tuple(row))

    def _quick_stats(self) -> dict[str, Any]:
        """The store's totals, from the roll-ups and O(1) lookups; the few full counts (articles,
        stories) are kept per process until the store changes (its last event or batch)."""
        ks, km = key_stats.c, key_months.c
        with self.engine.connect() as conn:
            version = self._version_on(conn)
            cache = getattr(self, "_stats_cache", None)
            if cache and cache[0] == version and time.monotonic() - cache[2] < 3600:
                return dict(cache[1])
            total = conn.execute(select(ks.n_events, ks.first_day, ks.last_day)
                                 .where(ks.facet == "all", ks.value == "")).first()
            by_type = dict(conn.execute(select(km.type, func.sum(km.n_events))
                                        .where(km.facet == "all", km.side == "*").group_by(km.type)).all())
            count = lambda t, *c: conn.execute(select(func.count()).select_from(t).where(*c)).scalar_one()  # noqa: E731
            out = {
                "articles": count(articles), "events": total.n_events if total else 0, "stories": count(stories),
                "stories_multi_article": count(stories, stories.c.n_articles > 1),
                "syndicated_articles": count(articles, articles.c.syndicate_of != articles.c.article_id),
                "actors": count(key_stats, ks.facet == "name"), "pairs": count(pair_stats),
                "first_day": total.first_day if total else None, "last_day": total.last_day if total else None,
                "by_type": {t: int(by_type.get(t, 0)) for t in analysis.TYPES},
                "last_ingest": conn.execute(select(func.max(ingest_batches.c.finished_at))).scalar_one(),
            }
        self._stats_cache = (tuple(version), out, time.monotonic())
        return dict(out)


def _stance_shape(a: str, b: str, cells, speakers) -> dict[str, Any]:
    """issues -> sides (a, then b) -> summary {type: stories}, speakers, last date; like stances() without
    the sequence."""
    by: dict[str, dict[str, dict[str, Any]]] = {}
    for issue, side, t, n, last in cells:
        if side not in (a, b):
            continue
        cell = by.setdefault(issue, {}).setdefault(side, {"summary": {}, "speakers": set(), "last": None})
        cell["summary"][t] = cell["summary"].get(t, 0) + int(n)
        if last and (cell["last"] is None or last > cell["last"]):
            cell["last"] = last
    for issue, side, name in speakers:
        if issue in by and side in by[issue] and name:
            by[issue][side]["speakers"].add(name)
    out = []
    for issue in sorted(by):
        sides = []
        for actor in (a, b):
            c = by[issue].get(actor, {"summary": {}, "speakers": set(), "last": None})
            sides.append({"actor": actor, "toward": b if actor == a else a, "summary": c["summary"],
                          "speakers": sorted(c["speakers"]), "last": c["last"]})
        out.append({"issue": issue, "sides": sides})
    return {"pair": f"{a}-{b}", "issues": out}
