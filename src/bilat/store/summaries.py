"""Stories kept incrementally (revision 0007): putting a batch's records in stories and updating
the stories' summary rows in time that grows neither with the story nor with the store.

- Matching. ``candidates`` finds the stored stories a batch's records could join in
  ``story_keys`` (a record's countries, its type group, the days around its date: one row per
  story, however many copies tell it) and ``seed`` loads one record per signature of each from
  ``story_members``: records alike in type, countries, date and evidence score alike against a
  record of another article (and a stored record is never from an article being ingested), so
  a story told by thousands of copies is one row to find and one record to compare.
- Summaries. A story's row (``records.summarise_story`` over all its records) is computed from
  counts that a new record only adds to: records per type and per date and the Goldstein sum
  (``story_tallies``), the countries, issues and pairs (the stories row itself), and the
  groups of independent sources (``story_sources``: every original and outlet of the story's
  articles, labelled with its group; an article joins its original and its outlet).
  ``add_records`` adds a batch's records to them; a test holds every stored row equal to one
  recomputed from all records.
- ``rebuild`` recomputes the four tables, and every summary row, from events and articles:
  migration 0016 on an existing store, and ``bilat rebuild-rollups``.
- Numbers. A story's number (``stories.story_no``, revision 0016) is the ``seq`` of its first
  event; story_members, story_tallies and story_sources are keyed by it (``story_keys``, which the
  matching reads by country and day, keeps the story_id), so a batch's new stories append their rows.
  Functions here take and give story ids, with ``nos`` (story id -> number) beside them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from sqlalchemy import bindparam, func, insert, select, union, update
from sqlalchemy.engine import Connection

from .. import analysis
from ..model import Event
from ..stories import COMPATIBLE, Member, StoryIndex, best_counted_date, source_nodes, tokens
from .bulk import run_many
from .records import IngestReport, _bars, _chunks, _unbar
from .schema import (STORY_STATE_TABLES, articles, event_dyads, events, stories, story_keys, story_members,
                     story_pairs, story_sources, story_tallies)

#: events per chunk when rebuilding
REBUILD_CHUNK = 20_000


# ------------------------------------------------------------------ matching

def signature(r: Mapping[str, Any]) -> str:
    """What makes two records of a story score alike against any record of another article."""
    parts = (r["type"], r["source_countries"], r["target_countries"], r["date"] or "", r["evidence_text"])
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def file_members(conn: Connection, rows: Iterable[Mapping[str, Any]], nos: Mapping[str, int]) -> None:
    """File stored records (events rows with their story_id; ``nos``: their stories' numbers) where
    ``candidates`` and ``seed`` find them: the first of each signature in ``story_members``, and the
    keys of every dated record with countries in ``story_keys``."""
    members: dict[tuple[int, str], dict] = {}
    keys: dict[tuple, dict] = {}
    for r in rows:
        sid = r["story_id"]
        sig = signature(r)
        members.setdefault((nos[sid], sig), dict(
            story_no=nos[sid], sig=sig, event_id=r["event_id"], article_id=r["article_id"], type=r["type"],
            source_countries=r["source_countries"], target_countries=r["target_countries"], date=r["date"],
            evidence_text=r["evidence_text"]))
        if r["day"] and r["date_precision"]:
            for c in set(_unbar(r["source_countries"])) | set(_unbar(r["target_countries"])):
                k = (c, r["type"], r["day"], r["date_precision"], sid)
                keys.setdefault(k, dict(zip(("country", "type", "day", "date_precision", "story_id"), k)))
    _insert_new(conn, story_members, [members[k] for k in sorted(members)])
    _insert_new(conn, story_keys, list(keys.values()))


def candidates(conn: Connection, fresh: list[Event]) -> set[str]:
    """The stored stories that new records could join: a record of the same type group with a
    country in common, dated within a day (or the month or year of a coarse date that holds the
    new one). A record without a date or without a country joins no other article's story
    (``stories.match``), so it needs none."""
    windows: dict[tuple[tuple[str, ...], str, str, str, str], set[str]] = defaultdict(set)
    for e in fresh:
        span = analysis.date_span(e.date)
        countries = e.countries("source") | e.countries("target")
        if span is None or not countries:
            continue
        group = tuple(sorted({e.type} | {t for g in COMPATIBLE if e.type in g for t in g}))
        lo = (span[0] - dt.timedelta(days=1)).isoformat()
        hi = (span[1] + dt.timedelta(days=1)).isoformat()
        windows[(group, lo, hi, span[0].isoformat()[:7] + "-01", span[0].isoformat()[:4] + "-01-01")] |= countries
    ids: set[str] = set()
    for (group, lo, hi, month_start, year_start), countries in windows.items():
        ids.update(conn.execute(_CANDIDATES, {"countries": sorted(countries), "types": list(group), "lo": lo, "hi": hi,
                                              "month_start": month_start, "year_start": year_start}).scalars())
    return ids


def _candidates_sql():
    """Each branch an index range of story_keys' key (country, type, day): the cost is the
    stories on those days. Built once: a batch runs it for every date and type group it has."""
    k = story_keys.c
    near = (k.country.in_(bindparam("countries", expanding=True)), k.type.in_(bindparam("types", expanding=True)))
    return union(select(k.story_id).where(*near, k.day.between(bindparam("lo"), bindparam("hi"))),
                 select(k.story_id).where(*near, k.day == bindparam("month_start"), k.date_precision == "month"),
                 select(k.story_id).where(*near, k.day == bindparam("year_start"), k.date_precision == "year"))


_CANDIDATES = _candidates_sql()


def seed(conn: Connection, ids: set[str]) -> StoryIndex:
    """A ``StoryIndex`` holding the stories ``ids``, one record per signature of each."""
    index = StoryIndex()
    members: dict[str, list[Member]] = defaultdict(list)
    types: dict[str, str] = {}
    m, s = story_members.c, stories.c
    for part in _chunks(sorted(ids)):
        ids_of: dict[int, str] = {}
        for sid, stype, no in conn.execute(select(s.story_id, s.type, s.story_no).where(s.story_id.in_(part))):
            types[sid] = stype
            ids_of[no] = sid
        for r in conn.execute(select(story_members).where(m.story_no.in_(sorted(ids_of))).order_by(m.story_no, m.sig)):
            members[ids_of[r.story_no]].append(Member(r.event_id, r.article_id, r.type, frozenset(_unbar(r.source_countries)),
                                              frozenset(_unbar(r.target_countries)), r.date, tokens(r.evidence_text)))
    for sid in sorted(members):
        index.seed(sid, types[sid], members[sid])
    return index


# ------------------------------------------------------------------ summaries

@dataclass
class Tally:
    """A story's summary row and what it is computed from; ``add`` takes one more record."""

    types: dict[str, int] = field(default_factory=dict)
    dates: dict[str, int] = field(default_factory=dict)
    gold_sum: float = 0.0
    gold_n: int = 0
    src: set[str] = field(default_factory=set)
    tgt: set[str] = field(default_factory=set)
    issues: set[str] = field(default_factory=set)
    pairs: set[str] = field(default_factory=set)
    n_events: int = 0
    n_articles: int = 0
    n_sources: int = 0
    evidence: str | None = None
    first_article_id: str | None = None

    @classmethod
    def stored(cls, story: Mapping[str, Any], tally: Mapping[str, Any]) -> "Tally":
        return cls(types=json.loads(tally["types"]), dates=json.loads(tally["dates"]), gold_sum=tally["gold_sum"],
                   gold_n=tally["gold_n"], src=set(json.loads(story["source_countries"])),
                   tgt=set(json.loads(story["target_countries"])), issues=set(json.loads(story["issues"])),
                   pairs=set(_unbar(story["pair_keys"])), n_events=story["n_events"], n_articles=story["n_articles"],
                   n_sources=story["n_sources"], evidence=story["evidence"],
                   first_article_id=story["first_article_id"])

    def add(self, r: Mapping[str, Any]) -> None:
        """One more record (an events row), in ingest order."""
        self.types[r["type"]] = self.types.get(r["type"], 0) + 1
        if r["date"]:
            self.dates[r["date"]] = self.dates.get(r["date"], 0) + 1
        if r["goldstein"] is not None:
            self.gold_sum += r["goldstein"]
            self.gold_n += 1
        self.src.update(_unbar(r["source_countries"]))
        self.tgt.update(_unbar(r["target_countries"]))
        self.issues.update(json.loads(r["issues"]))
        if not self.evidence and r["evidence_text"]:
            self.evidence = r["evidence_text"]
        if self.first_article_id is None:
            self.first_article_id = r["article_id"]
        self.n_events += 1

    def summary(self) -> dict[str, Any]:
        """The stories row's values, as ``records.summarise_story`` computes them from all records."""
        stype = sorted(self.types, key=lambda t: (-self.types[t], t))[0]
        date = best_counted_date(self.dates)
        keys = analysis.period_keys(date)
        return dict(type=stype, date=date, day=keys["day"], date_precision=keys["precision"],
                    quad=analysis.quad(stype), plover=analysis.plover_score(stype),
                    goldstein=round(self.gold_sum / self.gold_n, 3) if self.gold_n else None,
                    source_countries=json.dumps(sorted(self.src)), target_countries=json.dumps(sorted(self.tgt)),
                    pair_keys=_bars(self.pairs), issues=json.dumps(sorted(self.issues)), n_events=self.n_events,
                    n_articles=self.n_articles, n_sources=self.n_sources, evidence=self.evidence,
                    first_article_id=self.first_article_id)

    def tally_row(self, story_no: int) -> dict[str, Any]:
        return dict(story_no=story_no, types=json.dumps(self.types, sort_keys=True),
                    dates=json.dumps(self.dates, sort_keys=True), gold_sum=self.gold_sum, gold_n=self.gold_n)


def add_records(conn: Connection, ev_rows: list[dict], dy_rows: list[dict], new_articles: dict[str, dict],
                report: IngestReport, now: str) -> Counter:
    """Bring the summary rows of the stories that gained ``ev_rows`` (a batch's events rows, in
    ingest order, all from ``new_articles``, the batch's articles rows by id) up to date, with
    their story_pairs rows: a stored story from its tally, a new one from this batch's records.
    A stored story without a tally (a store written around ``Store.ingest``) is summarised
    from all its records. The records are filed for matching (``file_members``) first. Returns
    the story_pairs rows added, by pair (what a pair's count of stories grows by)."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for r in ev_rows:
        by_story[r["story_id"]].append(r)
    new_pairs: dict[str, set[str]] = defaultdict(set)
    for d in dy_rows:
        new_pairs[d["story_id"]].add(d["pair_key"])
    ids = sorted(by_story)
    found: dict[str, Any] = {}
    tallies: dict[str, Any] = {}
    for part in _chunks(ids):
        found.update((r.story_id, r._mapping) for r in conn.execute(select(stories).where(stories.c.story_id.in_(part))))
    # a stored story keeps its number; a new one is numbered by its first record (rows in ingest order)
    nos = {sid: found[sid]["story_no"] if sid in found else by_story[sid][0]["seq"] for sid in ids}
    ids_of = {nos[sid]: sid for sid in found}
    for part in _chunks(sorted(ids_of)):
        tallies.update((ids_of[r.story_no], r._mapping)
                       for r in conn.execute(select(story_tallies).where(story_tallies.c.story_no.in_(part))))
    file_members(conn, ev_rows, nos)
    out = summarise_records(conn, [sid for sid in ids if sid in found and sid not in tallies], nos)
    grown: dict[str, Tally] = {}
    for sid in ids:
        if sid in out:
            continue
        t = grown[sid] = Tally.stored(found[sid], tallies[sid]) if sid in found else Tally()
        for r in by_story[sid]:
            t.add(r)
        t.pairs |= new_pairs.get(sid, set())
        # every record of this batch is from an article stored in this batch, so new to the story
        t.n_articles += len({r["article_id"] for r in by_story[sid]})
    counts = _add_sources(conn, {sid: _articles_of(by_story[sid], new_articles) for sid in grown},
                          {sid: t.n_sources for sid, t in grown.items()}, nos)
    for sid, t in grown.items():
        t.n_sources = counts[sid]
    out.update(grown)
    added = _write(conn, out, found, set(tallies), now, nos)
    report.stories_updated += sum(sid in found for sid in ids)
    return added


def _articles_of(rows: list[dict], new_articles: dict[str, dict]) -> list[dict]:
    seen: dict[str, dict] = {}
    for r in rows:
        seen.setdefault(r["article_id"], new_articles[r["article_id"]])
    return list(seen.values())


def _write(conn: Connection, summed: dict[str, Tally], old: Mapping[str, Mapping[str, Any]], had_tally: set[str],
           now: str | None, nos: Mapping[str, int]) -> Counter:
    """Store stories' summary rows, tallies and story_pairs rows, a few statements for them all.
    ``old``: the stories rows before, by id (none for a new story); ``now``: the time to stamp,
    None to leave the stamps as they are (a rebuild). Returns the story_pairs rows added, by pair."""
    new_rows, changed, new_tallies, changed_tallies, pair_rows = [], [], [], [], []
    for sid, t in summed.items():
        summary = t.summary()
        before = old.get(sid)
        if before is None:
            new_rows.append(dict(story_id=sid, created_at=now, updated_at=now, story_no=nos[sid], **summary))
        else:
            changed.append(dict(b_story_id=sid, **({"updated_at": now} if now else {}), **summary))
        (changed_tallies if sid in had_tally else new_tallies).append(t.tally_row(nos[sid]))
        had_pairs = set(_unbar(before["pair_keys"])) if before is not None else set()
        if had_pairs and summary["day"] != before["day"]:
            conn.execute(update(story_pairs).where(story_pairs.c.pair_key.in_(sorted(had_pairs)),
                                                   story_pairs.c.story_id == sid).values(day=summary["day"]))
        pair_rows += [dict(pair_key=pk, story_id=sid, day=summary["day"]) for pk in sorted(t.pairs - had_pairs)]
    new_tallies.sort(key=lambda r: r["story_no"])
    for table, rows in ((stories, new_rows), (story_tallies, new_tallies), (story_pairs, pair_rows)):
        if rows:
            run_many(conn, insert(table), rows)
    if changed:
        run_many(conn, update(stories).where(stories.c.story_id == bindparam("b_story_id")), changed)
    if changed_tallies:
        rows = [{"b_story_no": r["story_no"], **{k: v for k, v in r.items() if k != "story_no"}}
                for r in changed_tallies]
        run_many(conn, update(story_tallies).where(story_tallies.c.story_no == bindparam("b_story_no")), rows)
    return Counter(r["pair_key"] for r in pair_rows)


def summarise_records(conn: Connection, ids: list[str], nos: Mapping[str, int],
                      fresh: bool = False) -> dict[str, Tally]:
    """Tallies of the stories ``ids`` (numbered ``nos``) from all their stored records, with their
    story_sources rows written anew (``fresh``: the table holds none of theirs)."""
    out: dict[str, Tally] = {}
    for part in _chunks(sorted(ids)):
        e = events.c
        q = (select(e.story_id, e.event_id, e.article_id, e.type, e.date, e.source_countries, e.target_countries,
                    e.issues, e.goldstein, e.evidence_text, articles.c.outlet, articles.c.url, articles.c.syndicate_of)
             .join(articles, articles.c.article_id == e.article_id).where(e.story_id.in_(part)).order_by(e.seq))
        arts: dict[str, dict[str, dict]] = defaultdict(dict)
        for r in conn.execute(q):
            r = r._mapping
            t = out.setdefault(r["story_id"], Tally())
            t.add(r)
            arts[r["story_id"]].setdefault(r["article_id"], dict(article_id=r["article_id"], outlet=r["outlet"],
                                                                  url=r["url"], syndicate_of=r["syndicate_of"]))
        for sid, pk in conn.execute(select(event_dyads.c.story_id, event_dyads.c.pair_key)
                                    .where(event_dyads.c.story_id.in_(part)).distinct()):
            out[sid].pairs.add(pk)
        if not fresh:
            conn.execute(story_sources.delete().where(story_sources.c.story_no.in_(sorted(nos[sid] for sid in part))))
        counts = _add_sources(conn, {sid: list(a.values()) for sid, a in arts.items()}, {sid: 0 for sid in arts}, nos)
        for sid, a in arts.items():
            out[sid].n_articles = len(a)
            out[sid].n_sources = counts[sid]
    return out


def _add_sources(conn: Connection, new: dict[str, list[dict]], n_sources: dict[str, int],
                 nos: Mapping[str, int]) -> dict[str, int]:
    """Join articles new to their stories (story -> articles rows) to the stories' groups of
    sources; returns each story's number of groups, from ``n_sources`` before.

    An article ties its nodes (``stories.source_nodes``) into one group. Nodes already stored
    stand for their group's label, so the work is the batch's nodes, plus relabelling a group
    when an article bridges two (the smaller label is kept)."""
    ss = story_sources.c
    wanted = sorted({n for arts in new.values() for a in arts for n in source_nodes(a)})
    label: dict[tuple[str, str], str] = {}
    ids_of = {nos[s]: s for s in new if n_sources.get(s)}
    for part in _chunks(sorted(ids_of)):
        for chunk in _chunks(wanted):
            label.update(((ids_of[r.story_no], r.node), r.comp) for r in conn.execute(
                select(ss.story_no, ss.node, ss.comp).where(ss.story_no.in_(part), ss.node.in_(chunk))))
    counts = dict(n_sources)
    rows = []
    for sid in sorted(new, key=nos.__getitem__):
        parent: dict[tuple[str, str], tuple[str, str]] = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a in new[sid]:
            # ('g', label) an existing group, ('n', node) a node the story has not seen
            items = [("g", label[(sid, n)]) if (sid, n) in label else ("n", n) for n in source_nodes(a)]
            for x in items:
                parent[find(x)] = find(items[0])
        classes: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for x in list(parent):
            classes[find(x)].append(x)
        for members in classes.values():
            groups = sorted(v for kind, v in members if kind == "g")
            fresh = sorted(v for kind, v in members if kind == "n")
            if groups:
                keep = groups[0]
                counts[sid] -= len(groups) - 1
                for other in groups[1:]:  # the story's rows by primary key, the group's among them
                    conn.execute(update(story_sources).where(ss.story_no == nos[sid], ss.comp == other)
                                 .values(comp=keep))
            else:
                keep = fresh[0]
                counts[sid] += 1
            rows += [dict(story_no=nos[sid], node=n, comp=keep) for n in fresh]
    if rows:
        run_many(conn, insert(story_sources), rows)
    return counts


# ------------------------------------------------------------------ rebuilding

def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Empty the four tables and fill them from events and articles; rewrite every stories row
    from its records (timestamps kept) and the story_pairs rows."""
    for table in STORY_STATE_TABLES:
        conn.execute(table.delete())
    e = events.c
    cols = (e.event_id, e.article_id, e.story_id, e.type, e.source_countries, e.target_countries, e.date, e.day,
            e.date_precision, e.evidence_text, stories.c.story_no)
    lo = 0
    top = conn.execute(select(func.coalesce(func.max(e.seq), 0))).scalar_one()
    while lo < top:
        hi = lo + REBUILD_CHUNK
        rows = [r._mapping for r in conn.execute(select(*cols).join(stories, stories.c.story_id == e.story_id)
                                                 .where(e.seq > lo, e.seq <= hi).order_by(e.seq))]
        file_members(conn, rows, {r["story_id"]: r["story_no"] for r in rows})
        lo = hi
    ids = list(conn.execute(select(stories.c.story_id).order_by(stories.c.story_id)).scalars())
    conn.execute(story_pairs.delete())
    for i, part in enumerate(_chunks(ids, 2000)):
        # every row is rewritten: as if no pair had been filed yet
        found = {r.story_id: {**r._mapping, "pair_keys": ""}
                 for r in conn.execute(select(stories).where(stories.c.story_id.in_(part)))}
        nos = {sid: r["story_no"] for sid, r in found.items()}
        _write(conn, summarise_records(conn, list(part), nos, fresh=True), found, set(), None, nos)
        if progress:
            progress(min((i + 1) * 2000, len(ids)), len(ids))


def _insert_new(conn: Connection, table, rows: list[dict]) -> None:
    """Insert rows, passing over those whose key is there already."""
    from .rollups import _insert

    _insert(conn, table, rows, conflict="nothing")
