"""Collapse records within one article, and give records stable, content-derived ids.

Within an article, candidates with the same type, the same actors' countries (the dyad
unordered for symmetric types) and compatible dates describe one event: several demands
made in one meeting are one REQUEST. The merged record keeps every evidence sentence,
the union of issues, the most precise date, the best-named actors and the highest
confidence. Ids hash normalised content, so the same input gives the same ids.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from .model import Actor, Event, Evidence, Location, SYMMETRIC_TYPES

#: the symmetric types by the value records carry (their dyad is unordered)
_SYMMETRIC = frozenset(t.value for t in SYMMETRIC_TYPES)


def stable_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _codes(actors: tuple[Actor, ...]) -> frozenset[str]:
    """Countries, and the names of actors that have none (NGOs): Amnesty and HRW stay apart."""
    return frozenset(a.country or f"name:{a.name}" for a in actors if a.country or a.name)


def dyad_key(etype: str, source: tuple[Actor, ...], target: tuple[Actor, ...]) -> tuple:
    src, tgt = _codes(source), _codes(target)
    if etype in _SYMMETRIC:
        return (etype, src | tgt, frozenset())
    return (etype, src, tgt)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Within one article, the same date: "2023-11" (a background meeting in mid-November)
    and "2023-11-25" (the main one) are different events."""
    return a == b


def _richer(a: Actor, b: Actor) -> Actor:
    score = lambda x: (x.name is not None, x.kind == "person", x.role is not None, x.sector is not None)
    return a if score(a) >= score(b) else b


def _same_slot(a: Actor, b: Actor) -> bool:
    """Do two actors of merged records stand for one member? The same country (or the same name
    where there is none), unless they are two people named differently: "Lazaro" and "Hermoso"
    who both protested for the Philippines are two members, the state and "Hermoso" one."""
    if (a.country or f"name:{a.name}") != (b.country or f"name:{b.name}"):
        return False
    return not (a.kind == b.kind == "person" and a.name and b.name and a.name != b.name)


def _merge_actors(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for x in a + b:
        if not (x.country or x.name):
            continue
        k = next((k for k, y in enumerate(out) if _same_slot(y, x)), None)
        if k is None:
            out.append(x)
        else:
            out[k] = _richer(out[k], x)
    return tuple(out)


@dataclass
class _Group:
    event: Event
    evidence: list[Evidence] = field(default_factory=list)


def collapse(events: list[Event]) -> list[Event]:
    """Merge records of one article that describe the same event; order is kept."""
    groups: list[_Group] = []
    for ev in events:
        key = dyad_key(ev.type, ev.source, ev.target)
        home = None
        for g in groups:
            if dyad_key(g.event.type, g.event.source, g.event.target) == key and \
                    dates_compatible(g.event.date, ev.date) and g.event.salience == ev.salience:
                home = g
                break
            # an undated record of the same event merges into a dated one ("Tokyo had conveyed its concerns"
            # after "Japan lodged a protest with China on Friday": a background telling of the main act)
            if dyad_key(g.event.type, g.event.source, g.event.target) == key and (not g.event.date or not ev.date) \
                    and (g.event.salience == ev.salience or not (ev.date if ev.salience == "background" else g.event.date)):
                home = g
                break
            # a record without a target is the same act as one with it: "deploying a strike group"
            # after "despatching a carrier ... to send a message to Iran"
            gt, et = _codes(g.event.target), _codes(ev.target)
            if g.event.type == ev.type and dates_compatible(g.event.date, ev.date) and \
                    _codes(g.event.source) == _codes(ev.source) and \
                    (gt <= et or et <= gt) and ev.type not in _SYMMETRIC:
                home = g
                break
        if home is None:
            groups.append(_Group(ev, list(ev.evidence)))
            continue
        cur = home.event
        date, basis = cur.date, cur.date_basis
        if ev.date and (not cur.date or len(ev.date) > len(cur.date)):
            date, basis = ev.date, ev.date_basis
        source, target = _merge_actors(cur.source, ev.source), _merge_actors(cur.target, ev.target)
        if cur.type in _SYMMETRIC:
            # "Museveni visited Kenya ... Mudavadi held talks with him": one meeting told from both sides has
            # its parties once, the roles of the first telling kept and the others among the sources
            # (the better-named of two tellings of a party stands: "Kenya" and "Prime Minister Mudavadi")
            ours = {x.country for x in source if x.country}
            source = _merge_actors(source, tuple(a for a in target if a.country in ours))
            target = tuple(a for a in target if a.country not in ours)
        home.event = replace(
            cur,
            source=source,
            target=target,
            date=date,
            date_basis=basis,
            mode=cur.mode or ev.mode,
            location=cur.location or ev.location,
            issues=tuple(dict.fromkeys(cur.issues + ev.issues)),
            attribution=cur.attribution or ev.attribution,
            confidence=max(cur.confidence, ev.confidence),
        )
        for e in ev.evidence:
            if e not in home.evidence:
                home.evidence.append(e)
    return [replace(g.event, evidence=tuple(sorted(g.evidence, key=lambda e: e.start))) for g in groups]


def assign_ids(events: list[Event]) -> list[Event]:
    """Content-derived event ids (article, type, dyad, date, first evidence offset). Story ids
    are the pipeline's (``pipeline.with_stories``): they depend on the other articles."""
    out = []
    seen: set[str] = set()
    for ev in events:
        key = dyad_key(ev.type, ev.source, ev.target)
        first = ev.evidence[0].start if ev.evidence else -1
        eid = stable_id(ev.article_id, ev.type, sorted(key[1]), sorted(key[2]), ev.date, first, prefix="ev_")
        n = 1
        while eid in seen:  # two records can share all of that only by accident; keep ids unique
            eid = stable_id(ev.article_id, ev.type, sorted(key[1]), sorted(key[2]), ev.date, first, n, prefix="ev_")
            n += 1
        seen.add(eid)
        out.append(replace(ev, event_id=eid))
    return out
