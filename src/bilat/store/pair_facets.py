"""The counts beside a country pair's events, kept at ingest (revision 0009).

A pair page lists the pair's events with counts by type, year, issue, outlet, source country and
the other pairs the same events link. Counted from the events themselves, that meant reading the
pair's 500 newest events back by id from four tables: ~100 ms of random reads on a store of a
million events, for counts of a sample. ``pair_facets`` holds them for every event of the pair,
one row per (pair, source, facet, value), so the page reads one range of its key. ``source`` '*'
counts each event of the pair once; one of the pair's two countries, the events one of whose source
actors is of that country, which is what a pair page's direction (``source=``) lists. (A third
country as source is no direction of the pair: that list's counts are counted from it.)

``count`` is the one place these counts are made: for each ingest batch (``rollups._count``), for
``bilat rebuild-rollups`` and for migration 0009's back-fill (``rebuild``).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .schema import events, pair_facets

#: the key columns of pair_facets, as ``count`` builds its keys
KEY = ("pair_key", "source", "facet", "value")
#: the facets counted, as the event lists' facet counts name them
FACETS = ("type", "year", "issue", "outlet", "source", "pair")
#: source of the counts over every event of a pair, whoever acts
ANY = "*"


def count(evs: dict[str, dict[str, Any]]) -> Counter:
    """(pair, source, facet, value) -> events, for events as ``rollups._read`` gives them. An event
    counts once per value in each facet, as ``Browse._count_facets`` counts a sample: its year is its
    day's (an event dated to a year only is in that year), its outlet its article's."""
    out: Counter = Counter()
    for ev in evs.values():
        if not ev["pairs"]:
            continue
        values = [("type", ev["type"])]
        if ev["day"]:
            values.append(("year", ev["day"][:4]))
        if ev["outlet"]:
            values.append(("outlet", ev["outlet"][:200]))
        values += [("issue", issue) for issue in ev["issues"]]
        sources = sorted(v for (facet, v), sides in ev["sides"].items() if facet == "country" and "source" in sides)
        values += [("source", c) for c in sources]
        values += [("pair", pk) for pk in ev["pairs"]]
        for pk in ev["pairs"]:
            # per source only the pair's own two countries (its directions): an event of several
            # countries a side would otherwise count its values once per pair and source country
            for side in (ANY, *(c for c in sources if c in sides_of(pk))):
                for facet, value in values:
                    out[(pk, side, facet, value)] += 1
    return out


def sides_of(pk: str) -> tuple[str, ...]:
    """The two countries of a pair key ('CHN-JPN', 'IGO:EU-PHL'): the sources counted per source."""
    return tuple(pk.split("-"))


def read(conn: Connection, pk: str, source: str | None, top: int) -> dict[str, Any]:
    """The facet counts of every event of pair ``pk`` (those with a source actor of country ``source``),
    shaped as ``Browse.event_facets`` returns them, exact: ``sampled`` is False."""
    from .. import analysis

    pf = pair_facets.c
    found: dict[str, list[tuple[str, int]]] = {f: [] for f in FACETS}
    for facet, value, n in conn.execute(select(pf.facet, pf.value, pf.n_events)
                                        .where(pf.pair_key == pk, pf.source == (source or ANY))):
        found[facet].append((value, int(n)))

    def ranked(name):
        return sorted(found[name], key=lambda kv: (-kv[1], kv[0]))
    facets = {name: ranked(name)[:top] for name in ("issue", "pair", "source", "outlet")}
    facets["type"] = ranked("type")
    facets["year"] = sorted(found["year"], reverse=True)[:top]
    quads: Counter = Counter()
    for t, c in facets["type"]:
        quads[analysis.QUAD_NAME[analysis.quad(t)]] += c
    facets["quad"] = sorted(quads.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"sampled": False, "n": sum(n for _, n in facets["type"]), "facets": facets}


def total(conn: Connection, pk: str, source: str | None, types: list[str] | None) -> int:
    """How many events of pair ``pk`` (with a source actor of ``source``; of ``types``) there are."""
    pf = pair_facets.c
    conds = [pf.pair_key == pk, pf.source == (source or ANY), pf.facet == "type"]
    if types:
        conds.append(pf.value.in_(types))
    return int(conn.execute(select(func.coalesce(func.sum(pf.n_events), 0)).where(*conds)).scalar_one())


def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Empty pair_facets and count every stored event into it, in chunks of events by seq:
    migration 0009's back-fill (``bilat rebuild-rollups`` counts it with the other roll-ups)."""
    from .rollups import REBUILD_CHUNK, _add, _read

    conn.execute(pair_facets.delete())
    top = conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one()
    lo = 0
    while lo < top:
        hi = min(lo + REBUILD_CHUNK, top)
        _add(conn, pair_facets, KEY, count(_read(conn, lo, hi)))
        lo = hi
        if progress:
            progress(hi, top)
