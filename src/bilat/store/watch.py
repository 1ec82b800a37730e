"""Live-feed state in the store (tables watch_feeds and watch_pages): mixed into Store.

The watcher (``bilat.watch``) keeps here what it must not forget when it is restarted:
each feed's validators (ETag, Last-Modified) for conditional GETs, every entry it has
listed (so an entry is fetched once, even when the next poll of its feed answers 304),
and every failure with the time it may be tried again. Rows are keyed by a hash of the
URL. The articles themselves go through ``Store.ingest`` like any other.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass
from typing import Iterable

from sqlalchemy import and_, func, insert, or_, select, update

from .engine import writer
from .records import _chunks
from .schema import watch_feeds, watch_pages

__all__ = ["FeedState", "PageState", "WatchState", "url_key", "utc_now"]

#: Page statuses: listed and not yet read; stored (or already in the store); failed, to retry.
PENDING, STORED, FAILED = "pending", "stored", "failed"


def url_key(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()


def utc_now() -> str:
    """Now as the ISO text the watch tables hold (milliseconds: tests retry within a second)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class FeedState:
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    polled_at: str | None = None
    ok_at: str | None = None
    failures: int = 0  # in a row; 0 after a good poll
    next_try_at: str | None = None  # set while failing: not polled before then
    last_error: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class PageState:
    url: str
    feed_url: str
    entry_id: str  # as the feed gives it; read back from the store, its hash (all that is kept)
    title: str | None = None
    published: str | None = None  # from the feed entry
    status: str = PENDING
    article_id: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_try_at: str | None = None
    last_error: str | None = None
    seen_at: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


_FEED_COLS = ("url", "title", "etag", "last_modified", "polled_at", "ok_at", "failures", "next_try_at", "last_error")
_PAGE_COLS = ("url", "title", "published", "status", "article_id", "etag", "last_modified", "failures",
              "next_try_at", "last_error")


class WatchState:
    def watch_feed(self, url: str) -> FeedState | None:
        """What the store remembers of a feed, or None for one never polled."""
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_feeds).where(watch_feeds.c.feed_key == url_key(url))).mappings().first()
        return FeedState(**{c: row[c] for c in _FEED_COLS}) if row else None

    def save_watch_feed(self, state: FeedState) -> None:
        values = {c: getattr(state, c) for c in _FEED_COLS}
        key = url_key(state.url)
        with writer(self.engine).begin() as conn:
            done = conn.execute(update(watch_feeds).where(watch_feeds.c.feed_key == key).values(**values)).rowcount
            if not done:
                conn.execute(insert(watch_feeds).values(feed_key=key, **values))

    def add_watch_pages(self, pages: Iterable[PageState]) -> list[PageState]:
        """Record entries as pending unless their URL, or their entry id in the same feed, is known;
        returns the new ones, in the order given."""
        pages = list(pages)
        if not pages:
            return []
        now = utc_now()
        by_key = {}
        for p in pages:
            by_key.setdefault(url_key(p.url), p)
        with writer(self.engine).begin() as conn:
            known_urls, known_entries = set(), set()
            for part in _chunks(list(by_key)):
                known_urls.update(conn.execute(select(watch_pages.c.page_key)
                                               .where(watch_pages.c.page_key.in_(part))).scalars())
            feed_keys = {url_key(p.feed_url) for p in pages}
            entry_keys = list({url_key(p.entry_id) for p in pages})
            for part in _chunks(entry_keys):
                known_entries.update(conn.execute(
                    select(watch_pages.c.feed_key, watch_pages.c.entry_key)
                    .where(and_(watch_pages.c.feed_key.in_(feed_keys), watch_pages.c.entry_key.in_(part)))).all())
            seq = conn.execute(select(func.max(watch_pages.c.seq))).scalar() or 0
            new, rows = [], []
            for key, p in by_key.items():
                entry = (url_key(p.feed_url), url_key(p.entry_id))
                if key in known_urls or entry in known_entries:
                    continue
                known_entries.add(entry)
                seq += 1
                rows.append(dict(page_key=key, seq=seq, feed_key=entry[0], entry_key=entry[1], seen_at=now, updated_at=now,
                                 **{c: getattr(p, c) for c in _PAGE_COLS}))
                new.append(p)
            if rows:
                conn.execute(insert(watch_pages), rows)
        return new

    def watch_pages_due(self, feed_url: str, now: str | None = None) -> list[PageState]:
        """A feed's pages to read now: pending ones, and failed ones whose wait is over, oldest first."""
        now = now or utc_now()
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(watch_pages).where(and_(
                    watch_pages.c.feed_key == url_key(feed_url),
                    or_(watch_pages.c.status == PENDING,
                        and_(watch_pages.c.status == FAILED, watch_pages.c.next_try_at <= now))))
                .order_by(watch_pages.c.seq)).mappings().all()
        return [_page(r, feed_url) for r in rows]

    def watch_pages_of(self, feed_url: str) -> list[PageState]:
        """Every page a feed has listed, oldest first (for status reports and tests)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(watch_pages).where(watch_pages.c.feed_key == url_key(feed_url))
                                .order_by(watch_pages.c.seq)).mappings().all()
        return [_page(r, feed_url) for r in rows]

    def save_watch_page(self, state: PageState) -> None:
        values = {c: getattr(state, c) for c in _PAGE_COLS}
        with writer(self.engine).begin() as conn:
            conn.execute(update(watch_pages).where(watch_pages.c.page_key == url_key(state.url))
                         .values(updated_at=utc_now(), **values))


def _page(row, feed_url: str) -> PageState:
    return PageState(feed_url=feed_url, entry_id=row["entry_key"], seen_at=row["seen_at"],
                     **{c: row[c] for c in _PAGE_COLS})
