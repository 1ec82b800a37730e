"""The counts beside a pair's events (revision 0009, ``store/pair_facets.py``): read from the roll-up
they equal a direct count over the stored events, for every pair of the dev store and every source
country, on SQLite and PostgreSQL; ingest, a rebuild and the migration's back-fill agree."""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from sqlalchemy import select

from bilat import analysis
from bilat.store.schema import articles, event_actors, event_dyads, event_issues, events, pair_facets

from ._data import dev_results

#: as the pages ask: every value of each facet, not the top eight
ALL = 10_000


def direct_counts(store) -> dict[tuple[str, str | None], dict[str, Counter]]:
    """(pair, source or None) -> facet -> value -> events, counted from events, articles, event_issues,
    event_dyads and event_actors: each event of the pair once per value."""
    with store.engine.connect() as conn:
        ev = {r.event_id: r for r in conn.execute(select(events.c.event_id, events.c.type, events.c.day,
                                                          articles.c.outlet)
                                                   .join(articles, articles.c.article_id == events.c.article_id))}
        pairs, issues, sources = defaultdict(set), defaultdict(set), defaultdict(set)
        for eid, pk in conn.execute(select(event_dyads.c.event_id, event_dyads.c.pair_key)):
            pairs[eid].add(pk)
        for eid, issue in conn.execute(select(event_issues.c.event_id, event_issues.c.issue)):
            issues[eid].add(issue)
        for eid, country in conn.execute(select(event_actors.c.event_id, event_actors.c.country)
                                         .where(event_actors.c.side == "source", event_actors.c.country.is_not(None))):
            sources[eid].add(country)
    out: dict = defaultdict(lambda: defaultdict(Counter))
    for eid, pks in pairs.items():
        r = ev[eid]
        for pk in pks:
            for src in (None, *sources[eid]):
                c = out[(pk, src)]
                c["type"][r.type] += 1
                if r.day:
                    c["year"][r.day[:4]] += 1
                if r.outlet:
                    c["outlet"][r.outlet] += 1
                for i in issues[eid]:
                    c["issue"][i] += 1
                for s in sources[eid]:
                    c["source"][s] += 1
                for p in pks:
                    c["pair"][p] += 1
    return out


def test_pair_facets_equal_a_direct_count(web_store):
    """Every pair of the dev store, alone and with each country that acts in it: the counts beside its
    events, the list's total and its totals by type are exact."""
    want = direct_counts(web_store)
    # both kinds of source: one of the pair's countries (its direction: the roll-up) and a third one
    assert len(want) > 50 and {src in pk.split("-") for pk, src in want if src} == {True, False}
    for (pk, src), counts in sorted(want.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        got = web_store.event_facets(pair=pk, source=src, top=ALL)
        assert not got["sampled"] and got["n"] == sum(counts["type"].values()), (pk, src)
        for facet in ("type", "year", "issue", "outlet", "source", "pair"):
            assert dict(got["facets"][facet]) == dict(counts[facet]), (pk, src, facet)
        quads = Counter()
        for t, n in counts["type"].items():
            quads[analysis.QUAD_NAME[analysis.quad(t)]] += n
        assert dict(got["facets"]["quad"]) == dict(quads)
        listed = web_store.events(pair=pk, source=src, limit=500)
        assert listed.total == len(listed.rows) == got["n"] and not listed.total_capped, (pk, src)
        for t, n in counts["type"].items():
            assert web_store.events(pair=pk, source=src, type=t, limit=0).total == n, (pk, src, t)


def test_pair_facets_rank_as_the_sampled_counts_do(web_store):
    """The page shows the top eight of each facet, ranked by count then value (years newest first),
    as the counts of a sample are (a minimum of one outlet keeps every event, but no roll-up answers
    it: those are counted from the list)."""
    want = direct_counts(web_store)
    pk = max((k for k in want if k[1] is None), key=lambda k: sum(want[k]["type"].values()))[0]
    rolled, sampled = web_store.event_facets(pair=pk), web_store.event_facets(pair=pk, min_outlets=1)
    assert rolled["facets"] == sampled["facets"] and rolled["n"] == sampled["n"]  # the dev store: < 500 events
    for facet in ("issue", "outlet", "source", "pair"):
        full = sorted(want[(pk, None)][facet].items(), key=lambda kv: (-kv[1], kv[0]))
        assert rolled["facets"][facet] == full[:8], facet
    assert rolled["facets"]["year"] == sorted(want[(pk, None)]["year"].items(), reverse=True)[:8]


def _rows(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(pair_facets)))


@pytest.mark.postgres
def test_ingest_a_rebuild_and_the_migration_agree(store):
    """pair_facets kept batch by batch holds what a rebuild counts, and what migration 0009 back-fills
    on a store at 0008 that never had it."""
    from ._data import down_and_up

    results = dev_results()
    store.ingest(results[: len(results) // 2], batch_size=5)
    store.ingest(results[len(results) // 2:], batch_size=11)
    kept = _rows(store)
    assert len(kept) > 100
    down_and_up(store.engine, "0008")
    assert _rows(store) == kept
    store.rebuild_rollups()
    assert _rows(store) == kept
