"""Roll-ups behind the browsing pages, kept current at ingest (revision 0006).

Each ingest batch calls ``mark`` before it writes and ``after_batch`` once its events and
stories are stored: the events added since the mark are read back once and counted into
the tables of ``schema.ROLLUP_TABLES`` (counts are added, since events are only ever added;
the few counts of distinct stories are recomputed for what the batch touched; a pair's facet
counts, revision 0009, are counted by ``pair_facets``; each event's row of ``event_facts`` and
its event_keys rows of type and source, revision 0011, are made by ``event_facts``). ``rebuild``
empties them and counts every stored event the same way, in chunks: ``bilat rebuild-rollups``
after a bulk load that bypassed ingest, and migration 0006 on an existing store.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from . import event_facts as facts, search
from .bulk import run_many
from .pair_facets import KEY as PAIR_FACET_KEY, count as pair_facet_counts
from .schema import (ROLLUP_TABLES, actor_names, articles, event_actors, event_dyads, event_facts, event_issues,
                     event_keys, events, key_months, key_pairs, key_stats, key_stories, pair_facets,
                     pair_issue_months, pair_issue_speakers, pair_stats, stories, story_pairs)

#: facets of event_keys whose values are actors (side-aware counts)
ACTOR_FACETS = ("name", "country")
#: rows per insert statement, and events per chunk when rebuilding
CHUNK = 5000
REBUILD_CHUNK = 50_000


def mark(conn: Connection) -> dict[str, int]:
    """Where the store ends now: the last event's seq (and SQLite rowids, for the search index)."""
    seq = conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one()
    return {"seq": seq, **search.mark(conn)}


def after_batch(conn: Connection, since: dict[str, int], story_pairs_added: Counter | None = None) -> None:
    """Count the events stored after ``since`` (a ``mark``) into every roll-up;
    ``story_pairs_added``: the story_pairs rows the batch added, by pair."""
    hi = conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one()
    if hi > since["seq"]:
        pairs, months = _count(conn, since["seq"], hi)
        _refresh_issue_months(conn, {(pk, m) for pk, m in months if m})
        _add_timeless_issue_cells(conn, since["seq"], hi, sorted({pk for pk, m in months if not m}))
        _add_pair_stories(conn, story_pairs_added or Counter())
    search.index_new(conn, since)


def rebuild(conn: Connection, progress=None, facets: bool = True) -> None:
    """Empty the roll-ups and count every stored event into them again; rebuild the search index.
    ``facets=False``: not pair_facets, event_facts nor event_keys' 'type' and 'source' rows, which
    migration 0006 (calling this) predates."""
    for table in (t for t in ROLLUP_TABLES if facets or t not in (pair_facets, event_facts)):
        conn.execute(table.delete())
    lo = 0
    top = conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one()
    all_pairs: set[str] = set()
    while lo < top:
        hi = min(lo + REBUILD_CHUNK, top)
        pairs, _ = _count(conn, lo, hi, stories=False, facets=facets)
        all_pairs |= pairs
        lo = hi
        if progress:
            progress(hi, top)
    # distinct stories, counted once over the whole store
    _insert_select_issue_months(conn, "1 = 1", {})
    if facets:  # key_stories by the stories' numbers is revision 0016's (which fills it after 0006)
        fill_key_stories(conn)
        count_key_stories(conn)  # (key_stats.n_stories is revision 0012's)
    _refresh_pair_stories(conn, all_pairs)
    search.rebuild(conn)


# ------------------------------------------------------------------ counting

def fill_key_stories(conn: Connection) -> None:
    """key_stories from event_keys: each name, country and issue key's stories once, by number."""
    conn.execute(text("INSERT INTO key_stories (story_no, facet, value) SELECT DISTINCT s.story_no, k.facet, "
                      "k.value FROM event_keys k JOIN events e ON e.event_id = k.event_id "
                      "JOIN stories s ON s.story_id = e.story_id WHERE k.facet IN ('name', 'country', 'issue')"))


def count_key_stories(conn: Connection) -> None:
    """Each key's count of stories (key_stats.n_stories) from its rows of key_stories: after a rebuild
    and in migration 0012; ingest adds to it the rows it adds. Counted in one pass over key_stories
    (keyed by story since revision 0015, so a key's rows are no range of it)."""
    ks = key_stories.c
    counts = [{"f": f, "v": v, "n": n} for f, v, n in
              conn.execute(select(ks.facet, ks.value, func.count()).group_by(ks.facet, ks.value))]
    conn.execute(text("UPDATE key_stats SET n_stories = 0 WHERE facet IN ('name', 'country', 'issue')"))
    stmt = text("UPDATE key_stats SET n_stories = :n WHERE facet = :f AND value = :v")
    for i in range(0, len(counts), CHUNK):
        conn.execute(stmt, counts[i:i + CHUNK])


def _read(conn: Connection, lo: int, hi: int, numbered: bool = False) -> dict[str, dict[str, Any]]:
    """The events with lo < seq <= hi as the counts need them: type, day, outlet, actor keys and the
    sides they are on, issues, pairs and dyads; ``numbered``: "story" is the story's number, not its id."""
    e, ea, ei, d = events.c, event_actors.c, event_issues.c, event_dyads.c
    rng = (e.seq > lo, e.seq <= hi)
    evs: dict[str, dict[str, Any]] = {}
    q = select(e.event_id, (stories.c.story_no if numbered else e.story_id).label("story"), e.type, e.day,
               e.date_precision, articles.c.outlet).join(articles, articles.c.article_id == e.article_id)
    if numbered:
        q = q.join(stories, stories.c.story_id == e.story_id)
    for r in conn.execute(q.where(*rng)):
        month = r.day[:7] if r.day and r.date_precision not in (None, "year") else ""
        evs[r.event_id] = {"story": r.story, "type": r.type, "day": r.day, "month": month, "outlet": r.outlet,
                           "keys": set(), "sides": defaultdict(set), "issues": set(), "pairs": set(),
                           "speakers": defaultdict(set), "dyads": []}
    if not evs:
        return evs
    for r in conn.execute(select(ea.event_id, ea.side, ea.actor_key, ea.name, ea.country, ea.kind, ea.role)
                          .join(events, events.c.event_id == ea.event_id).where(*rng)):
        ev = evs[r.event_id]
        ev["keys"].add(("name", r.actor_key))
        ev["sides"][("name", r.actor_key)].add(r.side)
        if r.country:
            ev["keys"].add(("country", r.country))
            ev["sides"][("country", r.country)].add(r.side)
            if r.side == "source" and r.name:
                ev["speakers"][r.country].add(r.name)
        ev.setdefault("names", []).append((r.actor_key, r.name or "", r.country or "", r.kind or "", r.role or ""))
    for r in conn.execute(select(ei.event_id, ei.issue).join(events, events.c.event_id == ei.event_id).where(*rng)):
        evs[r.event_id]["issues"].add(r.issue)
        evs[r.event_id]["keys"].add(("issue", r.issue))
    for r in conn.execute(select(d.event_id, d.pair_key, d.src, d.tgt, d.directed, d.quad, d.day)
                          .join(events, events.c.event_id == d.event_id).where(*rng)):
        evs[r.event_id]["pairs"].add(r.pair_key)
        evs[r.event_id]["dyads"].append(r)
    return evs


def _count(conn: Connection, lo: int, hi: int, stories: bool = True,
           facets: bool = True) -> tuple[set[str], set[tuple[str, str]]]:
    """Add the events with lo < seq <= hi to the counts; returns the pairs and (pair, month) touched."""
    evs = _read(conn, lo, hi, numbered=stories)
    if not evs:
        return set(), set()

    keys, months, stats, kpairs, kstories, names = [], Counter(), {}, Counter(), set(), Counter()
    speakers, pstats, touched = Counter(), {}, set()

    def stat(table: dict, key, day, **add):
        s = table.setdefault(key, {"n_events": 0, "first_day": None, "last_day": None, **{k: 0 for k in add}})
        s["n_events"] += 1
        for k, v in add.items():
            s[k] += v
        if day:
            s["first_day"] = min(s["first_day"] or day, day)
            s["last_day"] = max(s["last_day"] or day, day)

    for eid, ev in evs.items():
        if ev["outlet"]:
            ev["keys"].add(("outlet", ev["outlet"]))
        months[("all", "", ev["month"], ev["type"], "*")] += 1
        stat(stats, ("all", ""), ev["day"])
        for facet, value in ev["keys"]:
            keys.append({"facet": facet, "value": value[:200], "event_id": eid, "day": ev["day"]})
            months[(facet, value[:200], ev["month"], ev["type"], "*")] += 1
            for side in ev["sides"].get((facet, value), ()):
                months[(facet, value[:200], ev["month"], ev["type"], side)] += 1
            stat(stats, (facet, value[:200]), ev["day"])
            if facet != "outlet":
                kstories.add((facet, value[:200], ev["story"]))
                for pk in ev["pairs"]:
                    kpairs[(facet, value[:200], pk)] += 1
        for n in ev.get("names", ()):
            names[tuple(x[:300] for x in n)] += 1
        seen, spoken = set(), set()
        for r in ev["dyads"]:
            if r.pair_key not in seen:
                seen.add(r.pair_key)
                coop, conflict = int(r.quad in (1, 2)), int(r.quad in (3, 4))
                stat(pstats, r.pair_key, r.day, n_cooperation=coop, n_conflict=conflict)
            if ev["issues"]:  # only issue-tagged events change the stance cells
                touched.add((r.pair_key, ev["month"]))
            for side in ([r.src] if r.directed else [r.src, r.tgt]):
                for issue in ev["issues"]:
                    for name in ev["speakers"].get(side, ()):
                        # an event naming one pair twice (several source or target states) speaks once per side
                        spoken.add((r.pair_key, issue, side, name[:300], ev["month"]))
        speakers.update(spoken)
    if facets:  # revision 0011: each event's type and source countries, checked in event_keys alone
        keys += [k for eid, ev in evs.items() for k in facts.keys(eid, ev)]
    _insert(conn, event_keys, keys, conflict="nothing")
    _add(conn, key_months, ("facet", "value", "month", "type", "side"), months)
    if stories:
        # a key's stories once each; those new to it add to its count in key_stats, which an actor page reads
        new = _insert_new(conn, key_stories, [dict(zip(("facet", "value", "story_no"), k))
                                             for k in sorted(kstories, key=lambda k: (k[2], k[0], k[1]))],
                          ("facet", "value"))
        for key, s in stats.items():
            s["n_stories"] = new.get(key, 0)
    _add_stats(conn, key_stats, ("facet", "value"), stats, extra=("n_stories",) if stories else ())
    _add(conn, key_pairs, ("facet", "value", "pair_key"), kpairs)
    _add(conn, actor_names, ("actor_key", "name", "country", "kind", "role"), names, column="n")
    _add(conn, pair_issue_speakers, ("pair_key", "issue", "side", "name", "month"), speakers)
    _add_stats(conn, pair_stats, ("pair_key",), pstats, extra=("n_cooperation", "n_conflict"),
               defaults={"n_stories": 0})
    if facets:
        _add(conn, pair_facets, PAIR_FACET_KEY, pair_facet_counts(evs))
        _insert(conn, event_facts, facts.rows(evs))
    return set(pstats), touched


def _dialect_insert(conn: Connection):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _insert(conn: Connection, table, rows: list[dict], conflict: str | None = None) -> None:
    if not rows:
        return
    insert = _dialect_insert(conn)
    for i in range(0, len(rows), CHUNK):
        stmt = insert(table)
        if conflict == "nothing":
            stmt = stmt.on_conflict_do_nothing()
        run_many(conn, stmt, rows[i:i + CHUNK])


def _insert_new(conn: Connection, table, rows: list[dict], by: tuple[str, ...]) -> Counter:
    """Insert ``rows``, skipping those stored already; how many were new, per value of the ``by`` columns
    (RETURNING gives back only the rows an INSERT ... ON CONFLICT DO NOTHING wrote)."""
    new: Counter = Counter()
    stmt = _dialect_insert(conn)(table).on_conflict_do_nothing().returning(*(table.c[c] for c in by))
    for i in range(0, len(rows), CHUNK):
        new.update(tuple(r) for r in conn.execute(stmt, rows[i:i + CHUNK]))
    return new


def _add(conn: Connection, table, keycols: tuple[str, ...], counts: Counter, column: str = "n_events") -> None:
    """Add ``counts`` (key tuple -> n) to ``table``'s ``column``, creating rows as needed."""
    if not counts:
        return
    insert = _dialect_insert(conn)
    rows = [{**dict(zip(keycols, k)), column: n} for k, n in counts.items()]
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=list(keycols),
                                      set_={column: table.c[column] + stmt.excluded[column]})
    for i in range(0, len(rows), CHUNK):
        run_many(conn, stmt, rows[i:i + CHUNK])


def _add_stats(conn: Connection, table, keycols: tuple[str, ...], stats: dict, extra: Iterable[str] = (),
               defaults: dict | None = None) -> None:
    """Add event counts and widen the first/last day of each key's row."""
    if not stats:
        return
    insert = _dialect_insert(conn)
    least, greatest = (func.least, func.greatest) if conn.dialect.name == "postgresql" else (func.min, func.max)
    rows = [{**dict(zip(keycols, k if isinstance(k, tuple) else (k,))), **(defaults or {}), **s}
            for k, s in stats.items()]
    stmt = insert(table)
    x, t = stmt.excluded, table.c
    set_ = {c: t[c] + x[c] for c in ("n_events", *extra)}
    # a NULL day (undated events) never narrows the span: coalesce each side to the other first
    set_["first_day"] = least(func.coalesce(t.first_day, x.first_day), func.coalesce(x.first_day, t.first_day))
    set_["last_day"] = greatest(func.coalesce(t.last_day, x.last_day), func.coalesce(x.last_day, t.last_day))
    stmt = stmt.on_conflict_do_update(index_elements=list(keycols), set_=set_)
    for i in range(0, len(rows), CHUNK):
        run_many(conn, stmt, rows[i:i + CHUNK])


# ---------------------------------------------------------- distinct stories

_ISSUE_MONTHS = (
    "INSERT INTO pair_issue_months (pair_key, issue, side, type, month, n_events, n_stories, last_day) "
    "SELECT pair_key, issue, side, type, month, COUNT(DISTINCT event_id), COUNT(DISTINCT story_id), MAX(day) FROM ("
    " SELECT d.pair_key, i.issue, d.src AS side, d.type, COALESCE(d.month, '') AS month, d.event_id, d.story_id, d.day"
    " FROM event_dyads d JOIN event_issues i ON i.event_id = d.event_id WHERE {where}"
    " UNION ALL"
    " SELECT d.pair_key, i.issue, d.tgt AS side, d.type, COALESCE(d.month, '') AS month, d.event_id, d.story_id, d.day"
    " FROM event_dyads d JOIN event_issues i ON i.event_id = d.event_id WHERE d.directed = 0 AND {where}"
    ") AS sided GROUP BY pair_key, issue, side, type, month")


def _insert_select_issue_months(conn: Connection, where: str, params: dict) -> None:
    conn.execute(text(_ISSUE_MONTHS.format(where=where)), params)


#: a recount overwrites the cells it finds: events are only ever added, so a (pair, month)'s
#: recount finds every cell it had before, and no cell needs deleting first (a delete by pair and
#: month walked all of the pair's cells, of every month: ingest slowed as the store grew)
_ISSUE_MONTHS_UPSERT = (" ON CONFLICT (pair_key, issue, side, type, month) DO UPDATE SET n_events = excluded.n_events,"
                        " n_stories = excluded.n_stories, last_day = excluded.last_day")


def _refresh_issue_months(conn: Connection, touched: set[tuple[str, str]]) -> None:
    """Recount the stance cells of the (pair, month) a batch touched: stories are counted distinct.
    (The cells without a month are added to instead: ``_add_timeless_issue_cells``.)"""
    where = "d.pair_key = :pk AND d.day BETWEEN :lo AND :hi AND d.month = :m"
    sql = text(_ISSUE_MONTHS.format(where=where) + _ISSUE_MONTHS_UPSERT)
    for pk, month in sorted(touched):
        conn.execute(sql, {"pk": pk, "lo": month + "-01", "hi": month + "-31", "m": month})


def _add_timeless_issue_cells(conn: Connection, lo: int, hi: int, pairs: list[str]) -> None:
    """Add the events with lo < seq <= hi to the stance cells without a month (month '': undated
    and year-only events). Those cells span all time, so recounting one, as a month's is, would
    read every such event of the pair each batch: ingest would slow as the store grows. Events
    are only ever added, so their counts add up; a story counts in a cell where it had no event
    before (its earlier records are read by story, not by pair)."""
    if not pairs:
        return
    d, i, e = event_dyads.c, event_issues.c, events.c
    cols = (d.pair_key, i.issue, d.src, d.tgt, d.directed, d.type, d.event_id, d.story_id, d.day)

    def cells(rows):
        for r in rows:
            for side in ([r.src] if r.directed else [r.src, r.tgt]):
                yield (r.pair_key, r.issue, side, r.type), r
    joined = select(*cols).join(event_issues, i.event_id == d.event_id).join(events, e.event_id == d.event_id)
    # the batch's events, found by seq and kept to the pairs in Python: a pair_key IN (...) in
    # the query let the planner walk each pair's dyads of all time (a busy pair's thousands)
    # to keep the batch's few
    wanted = set(pairs)
    batch = (select(*cols).select_from(events).join(event_dyads, d.event_id == e.event_id)
             .join(event_issues, i.event_id == d.event_id).where(e.seq > lo, e.seq <= hi, d.month.is_(None)))
    new: dict[tuple, dict] = {}
    for key, r in cells(r for r in conn.execute(batch) if r.pair_key in wanted):
        c = new.setdefault(key, {"events": set(), "stories": set(), "last_day": None})
        c["events"].add(r.event_id)
        c["stories"].add(r.story_id)
        if r.day and (c["last_day"] is None or r.day > c["last_day"]):
            c["last_day"] = r.day
    seen: set[tuple] = set()  # (cell, story) counted by an earlier batch
    for part in _chunked(sorted({sid for c in new.values() for sid in c["stories"]})):
        rows = conn.execute(joined.where(e.seq <= lo, d.month.is_(None), d.story_id.in_(part)))
        seen.update((key, r.story_id) for key, r in cells(rows))
    if not new:
        return
    insert = _dialect_insert(conn)
    least, greatest = (func.least, func.greatest) if conn.dialect.name == "postgresql" else (func.min, func.max)
    rows = [dict(pair_key=k[0], issue=k[1], side=k[2], type=k[3], month="", n_events=len(c["events"]),
                 n_stories=len([s for s in c["stories"] if (k, s) not in seen]), last_day=c["last_day"])
            for k, c in sorted(new.items())]
    stmt = insert(pair_issue_months)
    x, t = stmt.excluded, pair_issue_months.c
    stmt = stmt.on_conflict_do_update(
        index_elements=["pair_key", "issue", "side", "type", "month"],
        set_={"n_events": t.n_events + x.n_events, "n_stories": t.n_stories + x.n_stories,
              "last_day": greatest(func.coalesce(t.last_day, x.last_day), func.coalesce(x.last_day, t.last_day))})
    for j in range(0, len(rows), CHUNK):
        run_many(conn, stmt, rows[j:j + CHUNK])


def _chunked(seq: list, n: int = 500):
    for j in range(0, len(seq), n):
        yield seq[j:j + n]


def _add_pair_stories(conn: Connection, added: Counter) -> None:
    """Add a batch's new story_pairs rows to their pairs' counts of stories. (Recounting a pair's
    story_pairs rows each batch, as a rebuild does, took time that grew with the pair's stories.)"""
    by_n: dict[int, list[str]] = defaultdict(list)
    for pk, n in added.items():
        by_n[n].append(pk)
    for n, pks in sorted(by_n.items()):
        for part in _chunked(sorted(pks)):
            conn.execute(pair_stats.update().where(pair_stats.c.pair_key.in_(part))
                         .values(n_stories=pair_stats.c.n_stories + n))


def _refresh_pair_stories(conn: Connection, pairs: Iterable[str]) -> None:
    """A pair's distinct stories, from story_pairs (one row per story and pair)."""
    pairs = sorted(pairs)
    n = (select(func.count()).select_from(story_pairs).where(story_pairs.c.pair_key == pair_stats.c.pair_key)
         .scalar_subquery())
    for i in range(0, len(pairs), 500):  # one statement per 500 pairs, each count an index range
        conn.execute(pair_stats.update().where(pair_stats.c.pair_key.in_(pairs[i:i + 500])).values(n_stories=n))
