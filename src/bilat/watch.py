"""Keep a store current from live feeds: one poll = feeds, then the new article pages.

    feeds (fetch: conditional GET) -> entries (feeds) -> new ones recorded as pending (store)
    -> each page: fetch -> article (ingest.article_from_page) -> events (pipeline.process)
    -> store.ingest, the call behind ``bilat ingest`` (idempotent by content hash)

What the watcher must not forget lives in the store (``store.watch``): validators, the
entries seen, failures and when each may be tried again. So a restarted watcher resumes,
an entry listed once is read even when its feed answers 304 next time, and re-polling
never stores an article twice.

Failure is per feed and per page: it is recorded with its code, reported through
``on_failure`` and tried again in a later poll after ``watch_retry_after`` seconds,
doubled for each failure in a row (at most a day). A host that fails twice in a row is
not asked again in the same poll (its pages wait for the next), so one dead host costs a
few timeouts, never the poll. Pages are read round-robin across hosts, so the per-host
politeness delay of one host is spent fetching from the others.

``Watcher.stop()`` (the CLI calls it on Ctrl-C) ends the poll after the article in hand.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence
from urllib.parse import urlsplit

from .errors import BilatError, FetchError, InputError
from .feeds import parse_feed
from .fetch import FEED_ACCEPT, PAGE_ACCEPT, Fetcher, check_url, host_of
from .ingest import article_from_page
from .model import Failure
from .pipeline import process
from .settings import Settings
from .store.watch import FAILED, STORED, FeedState, PageState, utc_now

__all__ = ["FeedReport", "PollReport", "Watcher", "parse_interval"]

#: A host is skipped for the rest of a poll after this many transient failures in a row.
HOST_DOWN_AFTER = 2
#: The longest wait before a failed feed or page is tried again.
MAX_RETRY_WAIT = 24 * 3600.0
#: Media types read as article pages (None: the server did not say; the reader decides).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", None})

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_INTERVAL = 10.0


def parse_interval(value: str) -> float:
    """Seconds in ``15m``, ``90s``, ``2h``, ``1d`` (a bare number is minutes); B712 otherwise."""
    text = value.strip().lower()
    unit = text[-1:] if text[-1:] in _UNITS else "m"
    number = text[:-1] if text[-1:] in _UNITS else text
    try:
        seconds = float(number) * _UNITS[unit]
    except ValueError:
        raise FetchError("B712", value=value) from None
    if not seconds >= MIN_INTERVAL or seconds == float("inf"):
        raise FetchError("B712", value=value)
    return seconds


@dataclass(frozen=True)
class FeedReport:
    """What one poll did with one feed."""

    url: str
    status: str  # "ok", "not-modified", "failed", "waiting" (failed before; its retry time is not yet)
    entries: int = 0  # listed in the feed this time
    new: int = 0  # listed for the first time
    failure: Failure | None = None
    warning: str | None = None


@dataclass(frozen=True)
class PollReport:
    feeds: tuple[FeedReport, ...]
    pages_fetched: int = 0  # pages asked for, whatever the answer
    articles_stored: int = 0
    articles_known: int = 0  # fetched, but already in the store (same content)
    events_stored: int = 0
    failures: tuple[Failure, ...] = ()  # feeds and pages, each with its URL and code
    deferred: int = 0  # pages left for the next poll (host down, or stopped)
    stopped: bool = False
    seconds: float = 0.0

    @property
    def feeds_failed(self) -> int:
        return sum(1 for f in self.feeds if f.status == "failed")

    def as_dict(self) -> dict:
        return {"feeds": [{**f.__dict__, "failure": f.failure.as_dict() if f.failure else None} for f in self.feeds],
                "pages_fetched": self.pages_fetched, "articles_stored": self.articles_stored,
                "articles_known": self.articles_known, "events_stored": self.events_stored,
                "failures": [f.as_dict() for f in self.failures], "deferred": self.deferred,
                "stopped": self.stopped, "seconds": round(self.seconds, 3)}


@dataclass
class _Tally:
    pages_fetched: int = 0
    articles_stored: int = 0
    articles_known: int = 0
    events_stored: int = 0
    deferred: int = 0
    failures: list[Failure] = field(default_factory=list)


class Watcher:
    """Polls feeds into a store. ``poll(feeds)`` runs one poll and returns its report."""

    def __init__(self, store, settings: Settings | None = None, *, fetcher: Fetcher | None = None,
                 on_failure: Callable[[Failure], None] | None = None,
                 on_page: Callable[[PageState], None] | None = None):
        self.store = store
        self.settings = settings or Settings()
        self.fetcher = fetcher or Fetcher(self.settings)
        self.on_failure = on_failure
        self.on_page = on_page
        self._stop = False

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stop(self) -> None:
        """End the current poll after the article in hand (safe to call from a signal handler)."""
        self._stop = True

    @property
    def stopping(self) -> bool:
        return self._stop

    # -- one poll

    def poll(self, feeds: Sequence[str]) -> PollReport:
        started = time.perf_counter()
        self.fetcher.forget_failures()
        tally = _Tally()
        reports = []
        for url in dict.fromkeys(feeds):  # a feed named twice is polled once
            if self._stop:
                break
            reports.append(self._poll_feed(url, tally))
        due: list[PageState] = []
        for url in dict.fromkeys(feeds):
            due += self.store.watch_pages_due(url)
        skipped_hosts: set[str] = set()
        for i, page in enumerate(_round_robin(due)):
            if self._stop:
                tally.deferred += len(due) - i
                break
            host = host_of(page.url)
            if self.fetcher.failures_in_row(page.url) >= HOST_DOWN_AFTER:
                tally.deferred += 1
                if host not in skipped_hosts:  # said once per host and poll, not once per page
                    skipped_hosts.add(host)
                    self._report(tally, FetchError("B714", url=page.url, host=host,
                                                   failures=self.fetcher.failures_in_row(page.url)))
                continue
            self._read_page(page, tally)
        return PollReport(feeds=tuple(reports), pages_fetched=tally.pages_fetched,
                          articles_stored=tally.articles_stored, articles_known=tally.articles_known,
                          events_stored=tally.events_stored, failures=tuple(tally.failures),
                          deferred=tally.deferred, stopped=self._stop, seconds=time.perf_counter() - started)

    def _poll_feed(self, url: str, tally: _Tally) -> FeedReport:
        state = self.store.watch_feed(url) or FeedState(url=url)
        now = utc_now()
        if state.failures and state.next_try_at and state.next_try_at > now:
            return FeedReport(url=url, status="waiting")
        try:
            check_url(url)
            fetched = self.fetcher.get(url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT)
            if fetched.not_modified:
                self.store.save_watch_feed(replace(state, polled_at=now, ok_at=now, failures=0, next_try_at=None,
                                                   last_error=None))
                return FeedReport(url=url, status="not-modified")
            feed = parse_feed(fetched.content, fetched.final_url, fetched.media_type, fetched.charset)
        except FetchError as exc:
            failures = state.failures + 1
            self.store.save_watch_feed(replace(state, polled_at=now, failures=failures,
                                               next_try_at=self._retry_at(failures), last_error=exc.message))
            return FeedReport(url=url, status="failed", failure=self._report(tally, exc))
        new = self.store.add_watch_pages(
            PageState(url=e.url, feed_url=url, entry_id=e.id, title=e.title, published=e.published)
            for e in feed.entries)
        # validators are kept only once the entries are recorded: a crash before that re-reads the feed
        self.store.save_watch_feed(replace(state, title=feed.title, etag=fetched.etag,
                                           last_modified=fetched.last_modified, polled_at=now, ok_at=now,
                                           failures=0, next_try_at=None, last_error=None))
        return FeedReport(url=url, status="ok", entries=len(feed.entries), new=len(new), warning=feed.warning)

    # -- one page

    def _read_page(self, page: PageState, tally: _Tally) -> None:
        retrying = page.status == FAILED
        try:
            check_url(page.url)
            tally.pages_fetched += 1  # asked for, whatever the answer
            # validators are sent only when retrying: a page that failed after it was read
            # (no text in it) and answers 304 has not changed, and fails the same way again
            fetched = self.fetcher.get(page.url, etag=page.etag if retrying else None,
                                       last_modified=page.last_modified if retrying else None, accept=PAGE_ACCEPT)
            if fetched.not_modified:
                raise _Unchanged()
            page = replace(page, etag=fetched.etag, last_modified=fetched.last_modified)
            if fetched.media_type not in HTML_TYPES:
                raise FetchError("B709", url=page.url, ctype=fetched.media_type)
            article = article_from_page(
                fetched.content, self.settings, article_id=_article_id(fetched.final_url), url=fetched.final_url,
                charset=fetched.charset, published=page.published, title=page.title,
                outlet=_outlet(fetched.final_url), origin=page.url)
        except _Unchanged:
            self._fail_page(page, tally, None)
            return
        except BilatError as exc:
            self._fail_page(page, tally, exc)
            return
        known: list = []
        results = list(process(self.store.pending([article], on_skip=known.append), self.settings, workers=1))
        report = self.store.ingest(results, batch_size=1)
        failed = [f for f in report["failures"] if f["code"] != "B405"]
        if failed:
            f = failed[0]
            self._fail_page(page, tally, None, Failure(page.url, f["code"], f["message"]))
            return
        tally.articles_stored += report["articles_stored"]
        tally.articles_known += report["articles_skipped"] + len(known)
        tally.events_stored += report["events_stored"]
        # B405: an earlier version of this page is stored under the same id; that one stands
        note = next((f["message"] for f in report["failures"] if f["code"] == "B405"), None)
        page = replace(page, status=STORED, article_id=article.id, failures=0, next_try_at=None, last_error=note)
        self.store.save_watch_page(page)
        if self.on_page:
            self.on_page(page)

    def _fail_page(self, page: PageState, tally: _Tally, exc: BilatError | None,
                   failure: Failure | None = None) -> None:
        if exc is not None:
            failure = self._report(tally, exc, origin=page.url)
        elif failure is not None:
            tally.failures.append(failure)
            if self.on_failure:
                self.on_failure(failure)
        else:  # 304 on a retry: unchanged, so the last reason still holds
            message = page.last_error or f"{page.url}: unchanged since it failed"
            code = message[1:5] if message.startswith("[B") else "B713"
            failure = Failure(page.url, code, message)
            tally.failures.append(failure)
            if self.on_failure:
                self.on_failure(failure)
        failures = page.failures + 1
        page = replace(page, status=FAILED, failures=failures, next_try_at=self._retry_at(failures),
                       last_error=failure.message)
        self.store.save_watch_page(page)
        if self.on_page:
            self.on_page(page)

    # -- helpers

    def _report(self, tally: _Tally, exc: BilatError, origin: str | None = None) -> Failure:
        failure = Failure(origin or str(exc.values.get("url") or exc.values.get("value") or ""), exc.code, exc.message)
        tally.failures.append(failure)
        if self.on_failure:
            self.on_failure(failure)
        return failure

    def _retry_at(self, failures: int) -> str:
        wait = min(self.settings.watch_retry_after * 2 ** min(failures - 1, 30), MAX_RETRY_WAIT)
        when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=wait)
        return when.isoformat(timespec="milliseconds")


class _Unchanged(Exception):
    """A page retried with its validators answered 304."""


def _round_robin(pages: list[PageState]) -> list[PageState]:
    """The pages, one host after another in turn, each host's in their own order."""
    by_host: OrderedDict[str, list[PageState]] = OrderedDict()
    for p in pages:
        by_host.setdefault(host_of(p.url), []).append(p)
    out: list[PageState] = []
    queues = [list(reversed(q)) for q in by_host.values()]
    while queues:
        for q in queues:
            out.append(q.pop())
        queues = [q for q in queues if q]
    return out


def _outlet(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or None


def _article_id(url: str) -> str:
    """``example.com-1a2b3c4d5e6f7a8b``: readable, stable for the URL, safe in a URL path."""
    return f"{_outlet(url) or 'page'}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"
