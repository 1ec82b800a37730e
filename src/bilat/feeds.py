"""RSS and Atom feeds to typed entries (feedparser), for ``bilat watch``.

``parse_feed`` reads the bytes a feed URL answered with (never the URL itself: fetching is
``fetch``'s, with its limits and robots.txt) and returns a ``Feed`` of ``FeedEntry``
records: the article's URL, the entry's id, its title and the publication day the feed
gives. feedparser reads broken XML loosely; a feed it can still read entries from is
kept, with feedparser's complaint as a warning, and one it cannot is B708.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import FetchError

__all__ = ["Feed", "FeedEntry", "parse_feed"]


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article page it links to."""

    url: str
    id: str  # the entry's guid/id, else its link: what "seen before" is decided on
    title: str | None = None
    published: str | None = None  # ISO day from the entry, None when the feed gives none


@dataclass(frozen=True)
class Feed:
    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    #: entries that could not be used (no link, or a link that is not http(s)), for the log
    skipped: int = 0
    #: what feedparser disliked in a feed it could still read, or None
    warning: str | None = None


def parse_feed(content: bytes, url: str, media_type: str | None = None, charset: str | None = None) -> Feed:
    """The entries of an RSS or Atom document; relative links are resolved against ``url``.

    Raises ``FetchError('B708')`` when the bytes are no feed at all (HTML, broken XML with
    no readable entry).
    """
    import feedparser  # imported here: only the watcher needs it

    headers = {"content-location": url}
    if media_type:
        headers["content-type"] = media_type + (f"; charset={charset}" if charset else "")
    parsed = feedparser.parse(content, response_headers=headers, resolve_relative_uris=True,
                              sanitize_html=False)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ in _HARMLESS:
        problem = None
    entries: list[FeedEntry] = []
    skipped = 0
    for e in parsed.entries:
        link = (e.get("link") or "").strip()
        if not link or urlsplit(link).scheme.lower() not in ("http", "https"):
            skipped += 1
            continue
        entries.append(FeedEntry(url=link, id=(e.get("id") or link).strip() or link,
                                 title=(e.get("title") or "").strip() or None, published=_entry_day(e)))
    if not entries:
        if not parsed.get("version"):
            detail = "no <rss>, <feed> or <rdf:RDF> element" + (f"; {_reason(problem)}" if problem else "")
            raise FetchError("B708", url=url, detail=detail)
        if problem is not None:  # broken XML that gave up before any usable entry
            raise FetchError("B708", url=url, detail=_reason(problem))
    title = (parsed.feed.get("title") or "").strip() or None
    return Feed(url=url, title=title, entries=tuple(entries), skipped=skipped,
                warning=_reason(problem) if problem is not None else None)


#: feedparser's complaints that say nothing about the feed's content.
_HARMLESS = frozenset({"NonXMLContentType", "CharacterEncodingOverride"})


def _entry_day(entry) -> str | None:
    """The entry's publication day (UTC), else its last update's; None for one in the future
    (a clock or a typo: the page's own metadata is asked instead)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            day = dt.datetime.fromtimestamp(calendar.timegm(value), dt.timezone.utc).date()
            if day > dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1):
                return None
            return day.isoformat()
    return None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (f"{type(exc).__name__}: {text}" if text else type(exc).__name__)[:200]
