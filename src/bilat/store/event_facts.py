"""What an event list checks and counts without reading the base tables row by row (revision 0011).

A list whose filters no roll-up counts (a pair's issue, an actor's type and issue, a person's year,
a search) is read from its driving index newest first, each row checked against the other filters,
and the counts beside it are made from its newest matches read back by id. From the base tables that
was random reads over gigabytes at a million events, 100–650 ms when the pages were not in the OS
cache: the type checked on the wide events row, the source on event_actors, the pair through
ix_dyads_event, and four reads per counted event (events with articles, event_issues, event_dyads,
event_actors). Now:

- ``event_facts`` holds each event's type, day, outlet, issues, pairs and source countries in one
  row of ~80 bytes keyed by event id: the counts read one row per event (``count``);
- event_keys holds the event's type (facet 'type') and its source actors' countries ('source') as
  it holds its issues and actors, so a check is one probe within the range of that one value, whose
  few pages stay in the cache, never a read of the event anywhere in a table (``keys``); a pair is
  checked in the pair's range of ``ix_dyads_pair_event``. (Since revision 0015 SQLite probes both by
  the event's day and id, in ix_event_keys_day and ix_dyads_pair_day_event, and keeps no index by
  value and event id, whose content-hash order cost ingest a page per entry.)

``rows`` and ``keys`` are the one place these are made: for each ingest batch and
``bilat rebuild-rollups`` (``rollups._count``, from the events it has read) and for migration 0011's
back-fill (``rebuild``).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Connection

from .schema import event_facts, event_keys, events

#: the facets of event_keys that revision 0011 adds: checked there, counted in no roll-up
CHECKED = ("type", "source")


def joined(values) -> str:
    """'|a|b|' for values (sorted), '' for none: a value is found as '|value|'."""
    values = sorted(values)
    return "|" + "|".join(values) + "|" if values else ""


def split(values: str | None) -> list[str]:
    return [v for v in (values or "").split("|") if v]


def _sources(ev: dict[str, Any]) -> list[str]:
    return sorted(v for (facet, v), sides in ev["sides"].items() if facet == "country" and "source" in sides)


def rows(evs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The event_facts rows of events as ``rollups._read`` gives them."""
    return [{"event_id": eid, "type": ev["type"], "day": ev["day"],
             "outlet": ev["outlet"][:200] if ev["outlet"] else ev["outlet"], "issues": joined(ev["issues"]),
             "pairs": joined(ev["pairs"]), "sources": joined(_sources(ev))} for eid, ev in evs.items()]


def keys(eid: str, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """The event_keys rows revision 0011 adds for one event: its type and its source countries."""
    return [{"facet": facet, "value": value, "event_id": eid, "day": ev["day"]}
            for facet, value in (("type", ev["type"]), *(("source", c) for c in _sources(ev)))]


def count(conn: Connection, where: ColumnElement[bool]) -> dict[str, dict[str, int]]:
    """facet -> value -> events over the event_facts rows ``where`` selects: by type, year, outlet,
    issue, pair and source country, each event once per value (as ``pair_facets.count`` counts)."""
    f = event_facts.c
    counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in
                                         ("type", "year", "outlet", "issue", "pair", "source")}
    for t, day, outlet, issues, pairs, sources in conn.execute(
            select(f.type, f.day, f.outlet, f.issues, f.pairs, f.sources).where(where)):
        counts["type"][t] += 1
        if day:
            counts["year"][day[:4]] += 1
        if outlet:
            counts["outlet"][outlet] += 1
        for name, values in (("issue", issues), ("pair", pairs), ("source", sources)):
            for v in split(values):
                counts[name][v] += 1
    return counts


def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Write event_facts and the event_keys rows of ``CHECKED`` for every stored event, in chunks of
    events by seq: migration 0011's back-fill (``bilat rebuild-rollups`` writes them with the other
    roll-ups)."""
    from .rollups import REBUILD_CHUNK, _insert, _read

    conn.execute(event_facts.delete())
    conn.execute(event_keys.delete().where(event_keys.c.facet.in_(CHECKED)))
    top = conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one()
    lo = 0
    while lo < top:
        hi = min(lo + REBUILD_CHUNK, top)
        evs = _read(conn, lo, hi)
        _insert(conn, event_facts, rows(evs))
        _insert(conn, event_keys, [k for eid, ev in evs.items() for k in keys(eid, ev)])
        lo = hi
        if progress:
            progress(hi, top)
