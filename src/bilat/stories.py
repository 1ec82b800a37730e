"""Stories: one id for records from different articles that report the same real-world event.

Two records belong to one story when they have the same (or a compatible) type, their
actors' countries overlap the way the type needs, their dates are compatible and, where
the dates alone are weak, their evidence sentences are alike. The more precise date wins
for the story. The same ``StoryIndex`` serves the pure function ``assign_stories`` (used
by ``bilat extract`` on one batch) and the store, which seeds an index with the stories
already stored near the new events' dates and types, so stories grow as articles arrive.

``StoryStream`` does the same for an unbounded stream (``bilat extract``): it keeps the
records on disk, in a temporary SQLite file, and seeds a small ``StoryIndex`` for each new
record with only the stories it could join, found by (type group, country, month or year)
and by article. Memory stays flat and time per record does not grow with the corpus, and
the ids are those ``assign_stories`` gives over the whole batch: a story outside that
window has no member any ``match`` scores above 0, so it could never have won.

Story ids are content-derived: the hash of the founding record's event id, so the same
input gives the same ids on every run.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence
from urllib.parse import urlparse

from .analysis import date_span, parse_date
from .model import SYMMETRIC_TYPES, TYPE_FACTS, Event, EventType

#: types an outlet may pick for the same happening (the gold files list such alternatives)
COMPATIBLE = tuple(frozenset(group.split("+")) for group in
                   sorted({f.story_group for f in TYPE_FACTS.values() if f.story_group}))
_GROUP = {t: "+".join(sorted(g)) for g in COMPATIBLE for t in g}
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
_STOP = frozenset("""the and for with that this from have has had was were are his her its their they them said says
would will could also into over after before about than then there which while who whom whose what when where
been being not but all any more most other some such only own same very can may might must shall should just
new year years told news reuters according statement""".split())
_WORD = re.compile(r"[a-z][a-z'-]{2,}")


def type_group(etype: str) -> str:
    return _GROUP.get(etype, etype)


def tokens(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def story_id_for(event_id: str) -> str:
    return "st-" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Member:
    """What story matching needs to know about one record."""

    event_id: str
    article_id: str
    type: str
    src: frozenset[str]
    tgt: frozenset[str]
    date: str | None
    words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, event: Event) -> "Member":
        return cls(event.event_id, event.article_id, event.type, event.countries("source"),
                   event.countries("target"), event.date, tokens(" ".join(e.sentence for e in event.evidence)))

    @property
    def symmetric(self) -> bool:
        return EventType(self.type) in SYMMETRIC_TYPES


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def actors_compatible(m: Member, n: Member) -> float:
    """0 when the actors rule the pair out, else the Jaccard overlap of all their countries."""
    if m.symmetric or n.symmetric:
        u, v = m.src | m.tgt, n.src | n.tgt
        need = min(2, len(u), len(v))
        if not u or not v or len(u & v) < max(need, 1):
            return 0.0
        return jaccard(u, v)
    if not (m.src or m.tgt) or not (n.src or n.tgt):
        return 0.0
    src_ok = not m.src or not n.src or bool(m.src & n.src)
    tgt_ok = not m.tgt or not n.tgt or bool(m.tgt & n.tgt)
    if not (src_ok and tgt_ok) or not ((m.src & n.src) or (m.tgt & n.tgt)):
        return 0.0
    return jaccard(m.src | m.tgt, n.src | n.tgt)


def dates_compatible(a: str | None, b: str | None) -> float:
    """1 same day, 0.7 one day apart, 0.3 a day inside the other's month or year, 0 incompatible.
    An unknown date is compatible with nothing: without a date two reports of "a meeting"
    cannot be told apart from two meetings, and an undated record would join different
    stories depending on the order articles arrive."""
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None:
        return 0.0
    if sa[0] == sa[1] and sb[0] == sb[1]:
        gap = abs((sa[0] - sb[0]).days)
        return 1.0 if gap == 0 else 0.7 if gap == 1 else 0.0
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        return 0.3
    return 0.0


def match(m: Member, n: Member) -> float:
    """How well record ``m`` fits alongside record ``n`` in one story; 0 means never."""
    if m.type == n.type:
        type_score = 1.0
    elif type_group(m.type) == type_group(n.type):
        type_score = 0.5
    else:
        return 0.0
    words = jaccard(m.words, n.words)
    if m.article_id == n.article_id:
        # within one article only the same event told twice shares a story (spec §4)
        exact = m.type == n.type and m.src == n.src and m.tgt == n.tgt and m.date == n.date
        return 3.0 + words if exact else 0.0
    actors = actors_compatible(m, n)
    if not actors:
        return 0.0
    when = dates_compatible(m.date, n.date)
    if not when:
        return 0.0
    # weak evidence of the same happening must be backed by similar wording
    if type_score < 1.0 and words < 0.2:
        return 0.0
    if when <= 0.3 and words < 0.15:
        return 0.0
    return type_score + actors + when + words


@dataclass
class StoryState:
    story_id: str
    type: str
    members: list[Member] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        return best_date(m.date for m in self.members)


def best_date(dates: Iterable[str | None]) -> str | None:
    """The most precise date wins; among equally precise ones the most frequent, then the earliest."""
    counts: dict[str, int] = {}
    for d in dates:
        if d:
            counts[d] = counts.get(d, 0) + 1
    return best_counted_date(counts)


def best_counted_date(counts: dict[str, int]) -> str | None:
    """``best_date`` from a tally of dates (date -> records): what the store keeps per story."""
    counts = {d: n for d, n in counts.items() if d and parse_date(d)[0] is not None}
    if not counts:
        return None
    return sorted(counts, key=lambda d: (-_PRECISION_RANK[parse_date(d)[1]], -counts[d], d))[0]


class StoryIndex:
    """Greedy incremental clustering of records into stories."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryState] = {}
        self._by_key: dict[tuple[str, str], set[str]] = {}
        self._by_group: dict[str, set[str]] = {}

    def _register(self, story: StoryState, m: Member) -> None:
        story.members.append(m)
        group = type_group(m.type)
        self._by_group.setdefault(group, set()).add(story.story_id)
        for c in m.src | m.tgt:
            self._by_key.setdefault((group, c), set()).add(story.story_id)

    def seed(self, story_id: str, story_type: str, members: Iterable[Member]) -> None:
        """Load a story that already exists (in the store) so new records can join it."""
        story = self.stories.setdefault(story_id, StoryState(story_id, story_type))
        for m in members:
            if all(x.event_id != m.event_id for x in story.members):
                self._register(story, m)

    def candidates(self, m: Member) -> set[str]:
        group = type_group(m.type)
        countries = m.src | m.tgt
        if not countries:
            return set(self._by_group.get(group, ()))
        out: set[str] = set()
        for c in countries:
            out |= self._by_key.get((group, c), set())
        return out

    def assign(self, m: Member) -> str:
        """Put ``m`` in its best-matching story, or found a new one; returns the story id."""
        for sid in self.candidates(m):
            if any(x.event_id == m.event_id for x in self.stories[sid].members):
                return sid  # already there (re-ingest)
        best, best_score = None, 0.0
        for sid in sorted(self.candidates(m)):
            story = self.stories[sid]
            score = max((match(m, x) for x in story.members), default=0.0)
            # a record never joins a story whose other records from its article are different events
            if score and any(x.article_id == m.article_id and match(m, x) == 0.0 for x in story.members):
                continue
            if score > best_score:
                best, best_score = sid, score
        if best is None:
            best = story_id_for(m.event_id)
            self.stories[best] = StoryState(best, m.type)
        self._register(self.stories[best], m)
        return best


def assign_stories(events: Sequence[Event]) -> list[Event]:
    """The same events, in the same order, with ``story_id`` filled across articles."""
    index = StoryIndex()
    return [replace(e, story_id=index.assign(Member.of(e))) for e in events]


def _period(day: dt.date, precision: str) -> str:
    return f"{day.year:04d}" if precision == "year" else f"{day.year:04d}-{day.month:02d}"


def member_keys(m: Member) -> list[str]:
    """Where a stored record is filed: its article, and (type group, country, period) for each of
    its countries when it has a date (an undated or countryless record only matches within its
    article: ``dates_compatible`` and ``actors_compatible`` rule everything else out)."""
    keys = ["a|" + m.article_id]
    start, precision = parse_date(m.date)
    if start is None or not (m.src or m.tgt):
        return keys
    group, period = type_group(m.type), _period(start, precision or "day")
    return keys + [f"{group}|{c}|{period}" for c in sorted(m.src | m.tgt)]


def lookup_keys(m: Member) -> list[str]:
    """The keys under which every record that ``m`` could match is filed: its article, and for each
    of its countries every month and year that its date span, widened by a day, touches."""
    keys = ["a|" + m.article_id]
    span = date_span(m.date)
    if span is None or not (m.src or m.tgt):
        return keys
    lo, hi = span[0] - dt.timedelta(days=1), span[1] + dt.timedelta(days=1)
    periods = [f"{y:04d}" for y in range(lo.year, hi.year + 1)]
    y, mo = lo.year, lo.month
    while (y, mo) <= (hi.year, hi.month):
        periods.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    group = type_group(m.type)
    return keys + [f"{group}|{c}|{p}" for c in sorted(m.src | m.tgt) for p in periods]


class StoryStream:
    """``assign_stories`` for a stream of any length, one record at a time, in flat memory.

    Records assigned so far live in a temporary SQLite file (deleted on ``close``), filed
    under ``member_keys``; each new record is matched in a ``StoryIndex`` seeded with the
    stories filed under its ``lookup_keys`` only. A story id, once given, never changes, so
    a caller can write each record as soon as it is assigned.
    """

    def __init__(self, directory: str | None = None) -> None:
        fd, self.path = tempfile.mkstemp(prefix="bilat-stories-", suffix=".sqlite", dir=directory)
        os.close(fd)
        # one writer, no readers: no journal to fsync, a modest page cache
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;
            CREATE TABLE members (story_id TEXT, event_id TEXT, article_id TEXT, type TEXT,
                                  src TEXT, tgt TEXT, date TEXT, words TEXT, sig TEXT, rep INTEGER);
            CREATE INDEX members_rep ON members (story_id, rep);
            CREATE INDEX members_sig ON members (story_id, sig);
            CREATE INDEX members_article ON members (article_id, story_id);
            CREATE TABLE keys (key TEXT, story_id TEXT, PRIMARY KEY (key, story_id)) WITHOUT ROWID;
            CREATE TABLE stories (story_id TEXT PRIMARY KEY, type TEXT) WITHOUT ROWID;
            BEGIN;
        """)
        self._pending = 0

    def assign(self, event: Event) -> Event:
        """The event with its ``story_id``: the best story among those it could join, or a new one."""
        m = Member.of(event)
        index = self._seed(lookup_keys(m), m.article_id)
        before = set(index.stories)
        sid = index.assign(m)
        db = self._db
        if sid not in before:
            db.execute("INSERT INTO stories VALUES (?, ?)", (sid, m.type))
        if index.stories[sid].members[-1] is m:  # filed now, not found already there (a repeated record)
            row = (m.type, "|".join(sorted(m.src)), "|".join(sorted(m.tgt)), m.date or "", " ".join(sorted(m.words)))
            sig = hashlib.sha1("\t".join(row).encode("utf-8")).hexdigest()[:16]
            rep = db.execute("SELECT 1 FROM members WHERE story_id = ? AND sig = ? LIMIT 1", (sid, sig)).fetchone() is None
            db.execute("INSERT INTO members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (sid, m.event_id, m.article_id, m.type, row[1], row[2], m.date, row[4], sig, int(rep)))
            db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", [(k, sid) for k in member_keys(m)])
        self._pending += 1
        if self._pending >= 1000:  # commit now and then so the page cache, not a transaction, holds them
            db.execute("COMMIT")
            db.execute("BEGIN")
            self._pending = 0
        return replace(event, story_id=sid)

    def _seed(self, keys: list[str], article_id: str) -> StoryIndex:
        """A ``StoryIndex`` holding the stories filed under ``keys``: of each, every record from
        ``article_id`` and the first record of each signature (type, countries, date, words).
        Records alike in all of those score alike against any record of another article, so a
        story told by thousands of copies costs one comparison, not thousands. When the first of
        a signature is from ``article_id`` itself, the copies from other articles it hides cannot
        change the outcome: ``match`` scores the same-article record either 0 (and that story is
        then ruled out) or 3 + words, which no cross-article copy of it can beat."""
        index = StoryIndex()
        db = self._db
        marks = ",".join("?" * len(keys))
        ids = sorted(r[0] for r in db.execute(f"SELECT DISTINCT story_id FROM keys WHERE key IN ({marks})", keys))
        if not ids:
            return index
        marks = ",".join("?" * len(ids))
        types = dict(db.execute(f"SELECT story_id, type FROM stories WHERE story_id IN ({marks})", ids))
        cols = "story_id, event_id, article_id, type, src, tgt, date, words, sig"
        rows = db.execute(f"SELECT {cols} FROM members WHERE story_id IN ({marks}) AND (rep = 1 OR article_id = ?) "
                          "ORDER BY rowid", [*ids, article_id]).fetchall()
        members: dict[str, list[Member]] = {}
        for sid, eid, aid, etype, src, tgt, date, words, _ in rows:
            members.setdefault(sid, []).append(Member(eid, aid, etype, frozenset(src.split("|")) - {""},
                                                      frozenset(tgt.split("|")) - {""}, date,
                                                      frozenset(words.split())))
        for sid in ids:
            index.seed(sid, types[sid], members.get(sid, ()))
        return index

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass

    def __enter__(self) -> "StoryStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# ---- story summaries ---------------------------------------------------------------

def outlet_key(outlet: str | None, url: str | None) -> str | None:
    """Who published it: the outlet name, else the URL's host without 'www.'."""
    if outlet and outlet.strip():
        return outlet.strip().lower().removeprefix("www.")
    if url:
        host = urlparse(url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def count_sources(articles: Iterable[dict[str, Any]]) -> int:
    """Independent sources among articles: one per outlet, and syndicated copies
    (``syndicate_of`` the same original) count once across outlets."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    ids = []
    for a in articles:
        aid = "a:" + a["article_id"]
        ids.append(aid)
        for node in source_nodes(a):
            union(aid, node)
    return len({find(x) for x in ids})


def source_nodes(article: dict[str, Any]) -> list[str]:
    """What ties an article to others of the same source: its original ('s:' + the article id of
    the earliest near-duplicate, its own id when none) and its outlet ('o:' + ``outlet_key``).
    Every article has the first, so the independent sources of a story are the connected groups
    of these nodes, which the store keeps per story (``store.summaries``)."""
    nodes = ["s:" + (article.get("syndicate_of") or article["article_id"])]
    key = outlet_key(article.get("outlet"), article.get("url"))
    if key:
        nodes.append("o:" + key)
    return nodes
