"""The browsing lists, constant time at a million events: lists paged by cursor from an index
in their own order, and every count read from the roll-ups of ``rollups.py``. Mixed into Store.

An event list is driven by its most selective indexed filter (a pair from event_dyads; an
actor, country, issue or outlet from event_keys; words from the search index; else the
events table itself); the other filters are checked row by row on what it yields. Totals
come from the roll-ups when the filters are ones a roll-up counts, else from a count that
stops at ``COUNT_CAP`` matches or ``SCAN_CAP`` rows of its driving index (the list says "at least").
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from typing import Any

from sqlalchemy import exists, func, literal_column, select, tuple_

from .. import analysis
from ..errors import NotFoundError
from . import cursor as cursors
from . import event_facts as facts
from . import pair_facets, search
from .records import ResultSet, _types, actor_key, event_dict, story_dict
from .schema import (actor_names, articles, event_dyads, event_facts, event_keys, events, key_months, key_pairs,
                     key_stats, pair_stats, stories, story_pairs)

#: a count beyond this many matches is not finished: the list says "at least COUNT_CAP"
COUNT_CAP = 2_000
#: a search with at most this many matches lists them by primary key
SEARCH_IDS = 20_000
#: a counted list's count and facet sample read at most this many rows of its driving index, newest
#: first; beyond them the count is a lower bound ("at least") and the facets count what was read
SCAN_CAP = 10_000
#: match lists kept per process (searches, counted lists' heads), the least recently used dropped first
KEPT = 64
_KEPT_LOCK = threading.Lock()
#: facet counts are taken over at most this many of the newest matches (a few index reads each)
FACET_SAMPLE = 500


def is_code(key: str) -> bool:
    """A country or IGO code ('CHN', 'IGO:UN'), not a person's or organisation's name."""
    key = key.strip()
    return key.upper() == key and (len(key) == 3 or key.upper().startswith("IGO:"))


def actor_facet(actor: str) -> tuple[str, str]:
    """('country', 'CHN') for a code, ('name', 'wang yi') for a name: how event_keys holds it."""
    return ("country", actor.strip().upper()) if is_code(actor) else ("name", actor_key(actor, None)[:200])


def whole_months(lo: str | None, hi: str | None) -> bool:
    """True when the bounds cut no month in two, so monthly roll-ups answer exactly."""
    return (lo is None or lo.endswith("-01")) and (
        hi is None or (dt.date.fromisoformat(hi) + dt.timedelta(days=1)).day == 1)


class Browse:
    # ------------------------------------------------------------------ events

    def _event_plan(self, conn, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
                    outlet=None, source=None, min_outlets=None, story=None) -> dict[str, Any]:
        """How to list the events matching the filters: the driving index, the row checks, the bounds.
        A story's few events are read by story (the events table's story index), whatever else is asked."""
        lo, hi = self._bounds(since, until)
        types = _types(type) if type else None
        facets: list[tuple[str, str]] = []
        if actor:
            facets.append(actor_facet(actor))
        if issue:
            facets.append(("issue", issue.strip().lower()))
        if outlet:
            facets.append(("outlet", outlet.strip()))
        pk = analysis.pair_key(*(analysis.parse_pair(pair) if isinstance(pair, str) else pair)) if pair else None
        sizes = {f: self._facet_size(conn, *f) for f in facets}
        if pk:
            sizes[("pair", pk)] = conn.execute(select(pair_stats.c.n_events)
                                               .where(pair_stats.c.pair_key == pk)).scalar() or 0
        empty = any(n == 0 for n in sizes.values())
        known_total = in_order = None
        check_types = types  # None once the search's matches were cut to the types
        match = search.matches(self.dialect, q) if q else None
        if q and match is None:  # no word to look for: nothing matches
            empty = True
        elif match is not None:
            # the matches are read from the search index once (and kept while the store is unchanged);
            # with other filters their ids are looked up by primary key, where the planner might
            # otherwise test every event newest first
            found = self._search_keys(conn, q)
            if found is not None:
                if lo or hi:  # the dates are the keys' own: no row is read to apply them
                    found = found.within(lo, hi)
                typed = found.of_types(conn, types) if types and not (facets or pk) else None
                if typed is not None:  # (SQLite) the types read with the matches' ids
                    found, check_types = typed, None
                empty = empty or not found
                if not (facets or pk or check_types or source or min_outlets or story):
                    known_total, in_order = len(found), found  # the list is these keys, already in order
                else:
                    # PostgreSQL plans one array parameter far faster than thousands of IN parameters
                    match = self._among(events.c.event_id, found.ids(conn))
        driver = min(sizes, key=sizes.get) if sizes and not story else None
        e = events.c
        day_col, id_col = _key_columns(driver)
        # checks on the event's own columns need the events row; checks on other tables are made
        # against the driving index's event id, each within the index range of the one value it checks
        # (a facet's, a type's or a source country's in event_keys, a pair's in ix_dyads_pair_event:
        # revision 0011), so they read a few cached pages, not the event's rows across the tables
        row_conds, key_conds = [], []

        def keyed(facet, values):  # each check reads its own alias, so it never correlates with the driver
            k = event_keys.alias().c
            value = k.value == values[0] if len(values) == 1 else k.value.in_(values)
            # by (facet, value, day, event_id), event_keys' one index in SQLite (revision 0015): every
            # driver's day is its event's; 'IS' (SQLite) seeks an undated event's NULL day too, and
            # PostgreSQL finds the id in ix_event_keys_event, the day a filter there
            return _index_check(k.facet == facet, value, k.day.is_not_distinct_from(day_col), k.event_id == id_col)
        if check_types and driver is not None and driver[0] == "pair":
            key_conds.append(event_dyads.c.type.in_(check_types))  # the dyad carries its event's type
        elif check_types and driver is not None:
            key_conds.append(keyed("type", check_types))
        elif check_types:
            row_conds.append(e.type.in_(check_types))  # the events table drives: its row is read anyway
        key_conds += [keyed(f[0], [f[1]]) for f in facets if f != driver]
        if pk and driver != ("pair", pk):
            d = event_dyads.alias().c  # (SQLite: ix_dyads_pair_day_event; PostgreSQL: ix_dyads_pair_event)
            key_conds.append(_index_check(d.pair_key == pk, d.day.is_not_distinct_from(day_col), d.event_id == id_col))
        if source:
            # who acts: a source actor of this country (with a pair, the pair's A->B or B->A)
            key_conds.append(keyed("source", [source.strip().upper()]))
        if story:
            row_conds.append(e.story_id == story)
        if min_outlets:
            st = stories.alias().c
            row_conds.append(exists().where(st.story_id == e.story_id, st.n_sources >= int(min_outlets)))
        if match is not None:
            row_conds.append(match)
        conds = row_conds + key_conds

        def query(extra, order, checks=True):
            conds_ = conds if checks else []
            if driver is None:
                cols, src, day, ident = (e.day, e.event_id), events, e.day, e.event_id
                where = [*self._in_range(e.day, lo, hi), *conds_, *extra]
            elif driver[0] == "pair":
                d = event_dyads.c
                cols, day, ident = (d.day, d.event_id), d.day, d.event_id
                src = event_dyads.join(events, e.event_id == d.event_id) if row_conds and checks else event_dyads
                where = [d.pair_key == pk, *self._in_range(d.day, lo, hi), *conds_, *extra]
            else:
                k = event_keys.c
                cols, day, ident = (k.day, k.event_id), k.day, k.event_id
                src = event_keys.join(events, e.event_id == k.event_id) if row_conds and checks else event_keys
                where = [k.facet == driver[0], k.value == driver[1], *self._in_range(k.day, lo, hi), *conds_,
                         *extra]
            stmt = select(*cols).select_from(src).where(*where)
            if driver is not None and driver[0] == "pair":
                stmt = stmt.distinct()  # an event linking the pair twice is listed once
            if order == "desc":
                stmt = stmt.order_by(day.desc(), ident.desc())
            elif order == "asc":
                stmt = stmt.order_by(day.asc(), ident.asc())
            return stmt

        return {"query": query, "day": day_col, "id": id_col, "driver": driver, "facets": facets, "pk": pk,
                "types": types, "lo": lo, "hi": hi, "q": q, "empty": empty,
                "extra": bool(source or min_outlets or story), "known_total": known_total, "in_order": in_order,
                # what the list is, for the lists kept per process; how many rows its driving index has
                "sig": (pk, tuple(facets), tuple(types or ()), lo, hi, tuple(search.terms(q or "")), source,
                        min_outlets, story),
                "size": None if driver is None else sizes[driver], "story": story,
                "source": source.strip().upper() if source else None, "min_outlets": min_outlets}

    def _browse_events(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
                       outlet=None, limit: int = 100, offset: int = 0, cursor: str | None = None, source=None,
                       min_outlets=None, story=None) -> ResultSet:
        with self.engine.connect() as conn:
            plan = self._event_plan(conn, pair, actor, type, issue, since, until, q, outlet, source, min_outlets,
                                    story)
            if plan["empty"]:
                keys, before, after, total, capped = [], False, False, 0, False
            elif plan["in_order"] is not None:  # a search alone: its matches, paged without the database
                keys, before, after = plan["in_order"].page(conn, limit, cursor, offset)
                total, capped = plan["known_total"], False
            elif (total := self._rolled_total(conn, plan)) is not None:
                keys, before, after = cursors.keyset(conn, plan["query"], plan["day"], plan["id"], limit, cursor,
                                                     offset)
                capped = False
            else:
                # counted: the head of the list, read once, gives the count and (while it holds them) the pages
                head, cut = self._head(conn, plan)
                total, capped = min(len(head), COUNT_CAP), len(head) > COUNT_CAP or cut
                if not capped or (cursor is None and offset + limit < len(head)):
                    keys, before, after = cursors.keyset_in(head, limit, cursor, offset)
                else:
                    keys, before, after = cursors.keyset(conn, plan["query"], plan["day"], plan["id"], limit,
                                                         cursor, offset)
            ids = [i for _, i in keys]
            found = {r.event_id: event_dict(r._mapping) for r in conn.execute(
                select(events, articles.c.url, articles.c.outlet, articles.c.title, articles.c.published)
                .join(articles, articles.c.article_id == events.c.article_id).where(events.c.event_id.in_(ids)))}
        rows = [found[i] for i in ids if i in found]
        out = ResultSet(rows, total, limit, offset)
        out.total_capped = capped
        out.next_cursor = cursors.encode(keys[-1], "a") if after and keys else None
        out.prev_cursor = cursors.encode(keys[0], "b") if before and keys else None
        return out

    def event_facets(self, pair=None, actor=None, type=None, issue=None, since=None, until=None, q=None,
                     outlet=None, source=None, min_outlets=None, story=None, top: int = 8) -> dict[str, Any]:
        """Counts beside an event list, as Datasette shows them: the matching events by type, quad class,
        year, issue, pair, outlet and source country. Exact from the roll-ups for the whole store and for
        a pair's events (or one source country's of them: ``pair_facets``); else counted over the newest
        ``FACET_SAMPLE`` matches (``sampled`` says when there are more)."""
        with self.engine.connect() as conn:
            if not any((pair, actor, type, issue, since, until, q, outlet, source, min_outlets, story)):
                return self._store_facets(conn, top)
            plan = self._event_plan(conn, pair, actor, type, issue, since, until, q, outlet, source, min_outlets,
                                    story)
            if plan["empty"]:
                return {"sampled": False, "n": 0, "facets": {}}
            if _pair_alone(plan) and not plan["types"]:
                return pair_facets.read(conn, plan["pk"], plan["source"], top)  # exact, one index range
            # kept while the store is unchanged: a list's next pages, and the same view again, count no more
            return self._kept(conn, ("facets", plan["sig"], top), lambda: self._count_facets(conn, plan, top))

    def _count_facets(self, conn, plan: dict[str, Any], top: int) -> dict[str, Any]:
        """``event_facets`` of a planned list: its newest matches, read once (or taken from its search or
        its head), counted from their rows of event_facts."""
        cut = False
        if plan["in_order"] is not None:
            ids = [i for _, i in plan["in_order"].first(conn, FACET_SAMPLE + 1)]
        elif self._rolled_total(conn, plan) is not None:
            ids = [i for _, i in conn.execute(plan["query"]([], "desc").limit(FACET_SAMPLE + 1))]
        else:
            head, cut = self._head(conn, plan)
            ids = [i for _, i in head[:FACET_SAMPLE + 1]]
        n = len(ids)
        # one read by id of event_facts, which holds each event's type, year, outlet, issues, pairs
        # and source countries (it was one read per base table: events with articles, event_issues,
        # event_dyads, event_actors)
        counts = facts.count(conn, self._among(event_facts.c.event_id, list(dict.fromkeys(ids[:FACET_SAMPLE]))))

        def ranked(name):
            return sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        facets = {name: ranked(name) for name in ("issue", "pair", "source", "outlet")}
        facets["type"] = sorted(counts["type"].items(), key=lambda kv: (-kv[1], kv[0]))  # all 16 at most
        facets["year"] = sorted(counts["year"].items(), reverse=True)[:top]
        quads: dict[str, int] = defaultdict(int)
        for t, c in facets["type"]:
            quads[analysis.QUAD_NAME[analysis.quad(t)]] += c
        facets["quad"] = sorted(quads.items(), key=lambda kv: (-kv[1], kv[0]))
        return {"sampled": n > FACET_SAMPLE or cut, "n": min(n, FACET_SAMPLE), "facets": facets}

    def _search_keys(self, conn, q: str) -> search.Listed | None:
        """Every event the words match, in list order (``search.Matches``: keys whose day and id are read
        as pages need them); None beyond SEARCH_IDS. Kept while the store is unchanged, so the facets
        beside a list, its next pages and the same search again read the search index no more."""
        return self._kept(conn, ("search", tuple(search.terms(q))), lambda: search.match_keys(conn, q, SEARCH_IDS))

    def _head(self, conn, plan: dict[str, Any]) -> tuple[list[cursors.Key], bool]:
        """The newest matches of a list whose total no roll-up holds: up to COUNT_CAP + 1 keys in list
        order, read once for its count, its facet sample and its first pages; and whether the read
        stopped at the newest SCAN_CAP rows of the driving index (the matches beyond are not known),
        so a sparse combination of filters costs a bounded read, not a walk of a whole busy list."""
        def read():
            day, ident, bound = plan["day"], plan["id"], []
            if not plan["story"] and (plan["size"] is None or plan["size"] > SCAN_CAP):
                edge = conn.execute(plan["query"]([day.is_not(None)], "desc", checks=False)
                                    .offset(SCAN_CAP - 1).limit(1)).first()
                if edge is not None:
                    bound = [tuple_(day, ident) >= tuple_(edge[0], edge[1])]
            return cursors.head(conn, plan["query"], day, ident, COUNT_CAP + 1, bound), bool(bound)
        return self._kept(conn, ("head", plan["sig"]), read)

    def _kept(self, conn, key: tuple, read):
        """``read()``, or what it gave for the same key while the store has not changed (its version),
        from a per-process store of the last KEPT such lists."""
        key = (self._version_on(conn), *key)
        cache = self.__dict__.setdefault("_kept_lists", OrderedDict())
        with _KEPT_LOCK:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        value = read()
        with _KEPT_LOCK:
            cache[key] = value
            while len(cache) > KEPT:
                cache.popitem(last=False)
        return value

    def _among(self, column, ids: list[str]):
        """``column IN ids``; on PostgreSQL one array parameter, which it plans far faster than hundreds."""
        if self.dialect == "postgresql":
            from sqlalchemy import String, any_, bindparam
            from sqlalchemy.dialects.postgresql import ARRAY

            return column == any_(bindparam(None, list(ids), type_=ARRAY(String)))
        return column.in_(ids)

    def _store_facets(self, conn, top: int) -> dict[str, Any]:
        """The facets of the whole store, exact, from the roll-ups."""
        ks, km, ps = key_stats.c, key_months.c, pair_stats.c

        def ranked(facet):
            return [(v, int(n)) for v, n in conn.execute(select(ks.value, ks.n_events).where(ks.facet == facet)
                                                         .order_by(ks.n_events.desc(), ks.value).limit(top))]
        by_type = [(t, int(n)) for t, n in conn.execute(
            select(km.type, func.sum(km.n_events)).where(km.facet == "all", km.side == "*")
            .group_by(km.type).order_by(func.sum(km.n_events).desc(), km.type))]
        years: dict[str, int] = defaultdict(int)
        for month, n in conn.execute(select(km.month, func.sum(km.n_events)).where(
                km.facet == "all", km.side == "*", km.month != "").group_by(km.month)):
            years[month[:4]] += int(n)
        quads: dict[str, int] = defaultdict(int)
        for t, c in by_type:
            quads[analysis.QUAD_NAME[analysis.quad(t)]] += c
        total = sum(c for _, c in by_type)
        return {"sampled": False, "n": total, "facets": {
            "type": by_type[:top], "year": sorted(years.items(), reverse=True)[:top], "issue": ranked("issue"),
            "pair": [(p, int(n)) for p, n in conn.execute(select(ps.pair_key, ps.n_events)
                                                          .order_by(ps.n_events.desc(), ps.pair_key).limit(top))],
            "outlet": ranked("outlet"),
            "quad": sorted(quads.items(), key=lambda kv: (-kv[1], kv[0]))}}

    def _facet_size(self, conn, facet: str, value: str) -> int:
        return conn.execute(select(key_stats.c.n_events).where(key_stats.c.facet == facet,
                                                               key_stats.c.value == value)).scalar() or 0

    def _rolled_total(self, conn, plan: dict[str, Any]) -> int | None:
        """Matches of an event list when they are known without reading it: a search's ids, or a roll-up
        that counts exactly these filters; None when the list must be counted (``_head``)."""
        facets, pk, types, lo, hi, q = (plan[k] for k in ("facets", "pk", "types", "lo", "hi", "q"))
        if plan["known_total"] is not None:
            return plan["known_total"]
        if _pair_alone(plan) and (types or plan["source"]):
            return pair_facets.total(conn, pk, plan["source"], types)
        if plan["extra"]:
            return None  # the roll-ups do not count by source country, number of outlets or story
        if not q and not pk and len(facets) <= 1 and not lo and not hi:
            # (with dates the index range is counted: a year-only date is in no month of the roll-up)
            facet, value = facets[0] if facets else ("all", "")
            km = key_months.c
            conds = [km.facet == facet, km.value == value, km.side == "*"]
            if types:
                conds.append(km.type.in_(types))
            return int(conn.execute(select(func.coalesce(func.sum(km.n_events), 0)).where(*conds)).scalar_one())
        if pk and not q and not facets and not types and not lo and not hi:
            return conn.execute(select(pair_stats.c.n_events).where(pair_stats.c.pair_key == pk)).scalar() or 0
        return None

    # ------------------------------------------------------------------ stories

    def _browse_stories(self, pair=None, type=None, since=None, until=None, limit: int = 100, offset: int = 0,
                        min_articles: int | None = None, cursor: str | None = None) -> ResultSet:
        """Stories newest first (day DESC, story_id DESC), by cursor; a pair's from story_pairs."""
        lo, hi = self._bounds(since, until)
        s = stories.c
        conds = []
        if type:
            conds.append(s.type.in_(_types(type)))
        if min_articles:
            conds.append(s.n_articles >= int(min_articles))
        pk = None
        if pair:
            pk = analysis.pair_key(*(analysis.parse_pair(pair) if isinstance(pair, str) else pair))
            sp = story_pairs.c
            day, ident = sp.day, sp.story_id
            src = story_pairs.join(stories, s.story_id == sp.story_id) if conds else story_pairs
            base = [sp.pair_key == pk, *self._in_range(sp.day, lo, hi), *conds]
        else:
            day, ident, src = s.day, s.story_id, stories
            base = [*self._in_range(s.day, lo, hi), *conds]

        def query(extra, order):
            stmt = select(day, ident).select_from(src).where(*base, *extra)
            if order == "desc":
                stmt = stmt.order_by(day.desc(), ident.desc())
            elif order == "asc":
                stmt = stmt.order_by(day.asc(), ident.asc())
            return stmt

        with self.engine.connect() as conn:
            keys, before, after = cursors.keyset(conn, query, day, ident, limit, cursor, offset)
            if pair and not conds and not lo and not hi:
                total, capped = conn.execute(select(pair_stats.c.n_stories).where(
                    pair_stats.c.pair_key == pk)).scalar() or 0, False
            else:
                n = conn.execute(select(func.count()).select_from(
                    query([], None).limit(COUNT_CAP + 1).subquery())).scalar_one()
                total, capped = min(n, COUNT_CAP), n > COUNT_CAP
                if not pair and not conds and not lo and not hi:
                    total, capped = conn.execute(select(func.count()).select_from(stories)).scalar_one(), False
            ids = [i for _, i in keys]
            found = {r.story_id: story_dict(r._mapping) for r in conn.execute(select(stories).where(s.story_id.in_(ids)))}
        out = ResultSet([found[i] for i in ids if i in found], total, limit, offset)
        out.total_capped = capped
        out.next_cursor = cursors.encode(keys[-1], "a") if after and keys else None
        out.prev_cursor = cursors.encode(keys[0], "b") if before and keys else None
        return out

    # ------------------------------------------------------------------ actors

    def _browse_actors(self, q: str | None, limit: int, offset: int) -> ResultSet:
        """Actors by number of events (key_stats' rank index), each described as it is most often."""
        ks = key_stats.c
        conds = [ks.facet == "name"]
        if q:
            conds.append(ks.value.contains(q.strip().lower(), autoescape=True))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(key_stats).where(*conds)).scalar_one()
            ranked = conn.execute(select(ks.value, ks.n_events).where(*conds)
                                  .order_by(ks.n_events.desc(), ks.value).limit(limit).offset(offset)).all()
            usual = self._usual_names(conn, [k for k, _ in ranked])
        rows = [{"actor_key": k, **usual.get(k, {"name": None, "country": None, "kind": None, "role": None}),
                 "n_events": n} for k, n in ranked]
        return ResultSet(rows, total, limit, offset)

    def _usual_names(self, conn, keys: list[str]) -> dict[str, dict[str, Any]]:
        """For each actor key, its most frequent description (name, country, kind, role) as one —
        never a mix of columns picked alphabetically ('CHN' as 'troops'); ties to the one without a role."""
        an = actor_names.c
        by_key: dict[str, list] = defaultdict(list)
        for part in range(0, len(keys), 500):
            for r in conn.execute(select(an.actor_key, an.name, an.country, an.kind, an.role, an.n)
                                  .where(an.actor_key.in_(keys[part:part + 500]))):
                by_key[r.actor_key].append(r)
        out = {}
        for key, rows in by_key.items():
            best = max(rows, key=lambda r: (r.n, r.role == "", r.kind, r.name, r.country, r.role))
            out[key] = {"name": best.name or None, "country": best.country or None, "kind": best.kind or None,
                        "role": best.role or None}
        return out

    def _browse_actor(self, name_or_code: str) -> dict[str, Any]:
        facet, value = actor_facet(name_or_code)
        an, ks, km, kp = actor_names.c, key_stats.c, key_months.c, key_pairs.c
        with self.engine.connect() as conn:
            stat = conn.execute(select(ks.n_events, ks.first_day, ks.last_day, ks.n_stories)
                                .where(ks.facet == facet, ks.value == value)).first()
            if stat is None:
                raise NotFoundError("B403", what="actor", key=name_or_code)
            cond = an.country == value if facet == "country" else an.actor_key == value
            names = conn.execute(select(an.name, an.country, an.kind, an.role, func.sum(an.n).label("n"))
                                 .where(cond).group_by(an.name, an.country, an.kind, an.role)
                                 .order_by(func.sum(an.n).desc(), an.name).limit(50)).all()
            by_side = conn.execute(select(km.side, km.type, func.sum(km.n_events))
                                   .where(km.facet == facet, km.value == value, km.side != "*")
                                   .group_by(km.side, km.type)).all()
            months = conn.execute(select(km.month, func.sum(km.n_events))
                                  .where(km.facet == facet, km.value == value, km.side == "*")
                                  .group_by(km.month).order_by(km.month)).all()
            partners = conn.execute(select(kp.pair_key, kp.n_events).where(kp.facet == facet, kp.value == value)
                                    .order_by(kp.n_events.desc(), kp.pair_key).limit(10)).all()
        return {
            "actor": name_or_code,
            "n_events": stat.n_events,
            "names": [{"name": r.name or None, "country": r.country or None, "kind": r.kind or None,
                       "role": r.role or None, "n": int(r.n)} for r in names],
            "as_source": {t: int(n) for side, t, n in by_side if side == "source"},
            "as_target": {t: int(n) for side, t, n in by_side if side == "target"},
            "first_day": stat.first_day, "last_day": stat.last_day, "n_stories": stat.n_stories,
            "pairs": [{"pair": p, "n_events": n} for p, n in partners],
            "months": [{"period": m, "total": int(n)} for m, n in months if m],
            "undated": sum(int(n) for m, n in months if not m),
        }


def _pair_alone(plan: dict[str, Any]) -> bool:
    """A pair's events, of some types or not, with a source actor of one of its two countries or not:
    what pair_facets counts exactly."""
    return bool(plan["pk"]) and not any(plan[k] for k in ("facets", "lo", "hi", "q", "min_outlets", "story")) \
        and (not plan["source"] or plan["source"] in pair_facets.sides_of(plan["pk"]))


def _index_check(*conds):
    """EXISTS (SELECT 1 ... WHERE conds): what it selects is no column, so SQLite answers it from the
    index alone; ``exists().where()`` selects *, and SQLite then reads the table row after each index
    entry, a second random read per row checked (PostgreSQL plans both alike)."""
    return select(literal_column("1")).where(*conds).exists()


def _key_columns(driver):
    if driver is None:
        return events.c.day, events.c.event_id
    if driver[0] == "pair":
        return event_dyads.c.day, event_dyads.c.event_id
    return event_keys.c.day, event_keys.c.event_id
