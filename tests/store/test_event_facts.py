"""What a list checks and counts without the base tables (revision 0011, ``store/event_facts.py``): one
narrow row per event, and each event's type and source countries in event_keys. They hold what the base
tables say; ingest, a rebuild and the migration's back-fill agree; the lists checked and counted from
them list and count exactly what a direct filtering of the base tables gives; and they read no base
table row by row."""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from bilat import analysis
from bilat.store import event_facts as facts
from bilat.store.records import actor_key
from bilat.store.schema import articles, event_actors, event_dyads, event_facts, event_issues, event_keys, events

from ._data import dev_results

ALL = 10_000


def base_facts(store) -> dict[str, dict]:
    """Each event's facts, read from events, articles, event_issues, event_dyads and event_actors."""
    with store.engine.connect() as conn:
        out = {r.event_id: {"type": r.type, "day": r.day, "outlet": r.outlet, "issues": set(), "pairs": set(),
                            "sources": set(), "countries": set(), "names": set()}
               for r in conn.execute(select(events.c.event_id, events.c.type, events.c.day, articles.c.outlet)
                                     .join(articles, articles.c.article_id == events.c.article_id))}
        for eid, issue in conn.execute(select(event_issues.c.event_id, event_issues.c.issue)):
            out[eid]["issues"].add(issue)
        for eid, pk in conn.execute(select(event_dyads.c.event_id, event_dyads.c.pair_key)):
            out[eid]["pairs"].add(pk)
        for eid, side, country, key in conn.execute(select(event_actors.c.event_id, event_actors.c.side,
                                                           event_actors.c.country, event_actors.c.actor_key)):
            out[eid]["names"].add(key)
            if country:
                out[eid]["countries"].add(country)
                if side == "source":
                    out[eid]["sources"].add(country)
    return out


def _rows(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(event_facts))) + sorted(
            tuple(r) for r in conn.execute(select(event_keys).where(event_keys.c.facet.in_(facts.CHECKED))))


def test_event_facts_hold_what_the_base_tables_say(web_store):
    want = base_facts(web_store)
    with web_store.engine.connect() as conn:
        got = {r.event_id: r for r in conn.execute(select(event_facts))}
        keyed = defaultdict(set)
        for facet, value, eid, day in conn.execute(select(event_keys).where(event_keys.c.facet.in_(facts.CHECKED))):
            assert day == want[eid]["day"]
            keyed[eid].add((facet, value))
    assert set(got) == set(want) and len(want) > 100
    for eid, f in want.items():
        g = got[eid]
        assert (g.type, g.day, g.outlet) == (f["type"], f["day"], f["outlet"]), eid
        for name in ("issues", "pairs", "sources"):
            assert set(facts.split(g._mapping[name])) == f[name] and g._mapping[name] == facts.joined(f[name])
        assert keyed[eid] == {("type", f["type"]), *(("source", c) for c in f["sources"])}, eid
    assert any(len(f["sources"]) > 1 for f in want.values()) and any(f["issues"] for f in want.values())


@pytest.mark.postgres
def test_ingest_a_rebuild_and_the_migration_agree(store):
    """event_facts written batch by batch holds what a rebuild writes, and what migration 0011
    back-fills on a store at 0009 that never had it."""
    from ._data import down_and_up

    results = dev_results()
    store.ingest(results[: len(results) // 2], batch_size=5)
    store.ingest(results[len(results) // 2:], batch_size=11)
    kept = _rows(store)
    with store.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(events)).scalar_one()
    assert n > 100 and len([r for r in kept if len(r) == 7]) == n  # a row of event_facts per event
    down_and_up(store.engine, "0009")
    assert _rows(store) == kept
    store.rebuild_rollups()
    assert _rows(store) == kept


# ------------------------------------------------------------ lists checked and counted from event_facts

def _direct(want: dict[str, dict], store, filters: dict) -> list[str]:
    """The ids of the events matching ``filters``, in list order, from the base tables' facts."""
    lo, hi = analysis.period_bounds(filters.get("since"), filters.get("until"))
    types = set(filters["type"].split(",")) if filters.get("type") else None
    actor = filters.get("actor")
    story_of = {}
    if "story" in filters:
        with store.engine.connect() as conn:
            story_of = dict(conn.execute(select(events.c.event_id, events.c.story_id)).all())

    def keep(eid, f):
        if types and f["type"] not in types:
            return False
        if lo and not (f["day"] and f["day"] >= lo) or hi and not (f["day"] and f["day"] <= hi):
            return False
        if actor and not (actor in f["countries"] if actor.isupper() else actor_key(actor, None) in f["names"]):
            return False
        if "issue" in filters and filters["issue"] not in f["issues"]:
            return False
        if "pair" in filters and filters["pair"] not in f["pairs"]:
            return False
        if "outlet" in filters and f["outlet"] != filters["outlet"]:
            return False
        if "source" in filters and filters["source"] not in f["sources"]:
            return False
        return "story" not in filters or story_of[eid] == filters["story"]
    hits = [(f["day"], eid) for eid, f in want.items() if keep(eid, f)]
    return [eid for _, eid in sorted((h for h in hits if h[0]), reverse=True)] + \
        sorted((eid for day, eid in hits if not day), reverse=True)


def _facets(want: dict[str, dict], ids: list[str]) -> dict[str, Counter]:
    c: dict[str, Counter] = defaultdict(Counter)
    for eid in ids:
        f = want[eid]
        c["type"][f["type"]] += 1
        if f["day"]:
            c["year"][f["day"][:4]] += 1
        if f["outlet"]:
            c["outlet"][f["outlet"]] += 1
        for name, values in (("issue", "issues"), ("pair", "pairs"), ("source", "sources")):
            for v in f[values]:
                c[name][v] += 1
    return c


#: lists no roll-up counts, driven by a pair, a country, a name or an issue (the other filters checked
#: in event_keys and ix_dyads_pair_event), or by the events table itself
FILTERS = [dict(pair="CHN-JPN", issue="seafood-import-ban"),
           dict(pair="CHN-JPN", type="ACCUSE,REJECT", since="2023", source="CHN"),
           dict(actor="CHN", issue="territorial-dispute", type="ACCUSE"),
           dict(actor="CHN", pair="CHN-JPN"),
           dict(actor="Wang Yi", since="2023", until="2024"),
           dict(issue="territorial-dispute", source="CHN"),
           dict(actor="JPN", outlet=None),
           dict(type="ACCUSE", source="CHN"),
           dict(story=None, issue=None)]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(f))
def test_lists_checked_and_counted_from_event_facts_equal_a_direct_filtering(web_store, filters):
    want = base_facts(web_store)
    filters = dict(filters)
    if "outlet" in filters:  # the outlet that reports most of the actor's events
        filters["outlet"] = Counter(f["outlet"] for f in want.values()
                                    if f["outlet"] and filters["actor"] in f["countries"]).most_common(1)[0][0]
    if "story" in filters:  # a story of several events with an issue
        with web_store.engine.connect() as conn:
            by_story = defaultdict(list)
            for eid, sid in conn.execute(select(events.c.event_id, events.c.story_id)):
                by_story[sid].append(eid)
        sid, eids = max(by_story.items(), key=lambda kv: (sum(bool(want[e]["issues"]) for e in kv[1]), kv[0]))
        filters.update(story=sid, issue=sorted(set().union(*(want[e]["issues"] for e in eids)))[0])
    ids = _direct(want, web_store, filters)
    assert ids, filters
    web_store.__dict__.pop("_kept_lists", None)
    listed = web_store.events(**filters, limit=ALL)
    assert [e["event_id"] for e in listed.rows] == ids and listed.total == len(ids), filters
    got = web_store.event_facets(**filters, top=ALL)
    assert got["n"] == len(ids) and not got["sampled"]
    direct = _facets(want, ids)
    for name in ("type", "year", "issue", "outlet", "source", "pair"):
        assert dict(got["facets"][name]) == dict(direct[name]), (filters, name)


@pytest.mark.parametrize("filters", [dict(pair="CHN-JPN", issue="seafood-import-ban"),
                                     dict(actor="CHN", issue="territorial-dispute", type="ACCUSE"),
                                     dict(actor="Wang Yi", since="2023", until="2024"),
                                     dict(pair="CHN-JPN", type="ACCUSE", since="2023", source="CHN")])
def test_a_counted_list_reads_no_base_table_row_by_row(web_store, filters):
    """Its rows are checked in event_keys and event_dyads' indexes, and its facets counted from
    event_facts: no statement reads event_issues, event_actors, articles or an events row."""
    web_store.__dict__.pop("_kept_lists", None)
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement.lower())
    sa_event.listen(web_store.engine, "before_cursor_execute", record)
    try:
        web_store.events(**filters, limit=10)
        # (the page's own ten rows are read from events and articles, by id, last)
        listed = [s for s in seen if "articles.url" not in s]
        seen.clear()
        web_store.event_facets(**filters)
    finally:
        sa_event.remove(web_store.engine, "before_cursor_execute", record)
    assert any("event_facts" in s for s in seen), seen
    for s in (s for s in listed + seen if "max(events.seq)" not in s):  # (the store's version)
        assert not any(t in s for t in ("event_issues", "event_actors", "articles", "from events", "join events")), s


@pytest.mark.parametrize("filters", [dict(pair="CHN-JPN", issue="seafood-import-ban"),
                                     dict(actor="CHN", issue="territorial-dispute", type="ACCUSE", source="CHN"),
                                     dict(issue="territorial-dispute", pair="CHN-JPN", type="ACCUSE,REJECT")])
def test_a_counted_list_checks_its_rows_in_indexes_alone(web_store, filters):
    """On SQLite each check of a head row is one probe of an index that holds all it tests (an EXISTS
    selecting * read the table row after the index entry: a second random read a row)."""
    if web_store.engine.dialect.name != "sqlite":
        return  # PostgreSQL plans an EXISTS without reading its columns
    web_store.__dict__.pop("_kept_lists", None)
    seen: list[tuple] = []

    def record(conn, cursor, statement, parameters, *args):
        if "EXISTS" in statement:
            seen.append((statement, parameters))
    sa_event.listen(web_store.engine, "before_cursor_execute", record)
    try:
        web_store.events(**filters, limit=10)
    finally:
        sa_event.remove(web_store.engine, "before_cursor_execute", record)
    assert seen
    with web_store.engine.connect() as conn:
        for statement, parameters in seen:
            plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            reads = [p for p in plan if p.startswith(("SEARCH", "SCAN"))]
            assert reads and all("COVERING INDEX" in p for p in reads), plan
