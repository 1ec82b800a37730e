"""HTTP for live feeds: one polite, bounded client behind ``bilat watch``.

``Fetcher.get(url, etag=..., last_modified=...)`` returns a ``Fetched`` record (status 200,
or 304 when the conditional GET found nothing new) or raises ``FetchError`` with a
catalogue code (B701-B714) naming the URL and the reason. What makes it safe to point at
hosts bilat does not control:

- **Polite.** The User-Agent names bilat, its version and a contact (``watch_contact``);
  robots.txt is read before the first request to a host and obeyed (RFC 9309: a 4xx
  robots.txt allows everything, a 5xx or unreachable one allows nothing for now); at least
  ``watch_delay`` seconds pass between two requests to one host.
- **Bounded.** Every connect and every read waits at most ``watch_timeout`` seconds; a
  whole download at most ``watch_max_seconds``; a body at most ``watch_max_bytes``
  (Content-Length is checked first, then bytes are counted as they stream, so a page that
  never ends is cut off by whichever limit comes first).
- **Redirects by hand**, at most ``MAX_REDIRECTS`` hops, each one checked against robots.txt
  and delayed like any request; a URL seen twice in one chain is a loop (B704).
- **Retries.** A transient failure (timeout, connection error, 429, 5xx) is retried
  ``watch_retries`` times, waiting ``watch_backoff`` seconds, doubled each time. What still
  fails is the caller's to record and retry in a later poll.

The fetcher also counts transient failures per host in a row (``failures_in_row``), so the
watcher can stop asking a host that is down for the rest of a poll.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .errors import FetchError
from .settings import Settings

__all__ = ["Fetched", "Fetcher", "check_url", "host_of", "is_transient", "user_agent"]

#: Redirect hops followed for one request (RFC 9309 asks at least five for robots.txt).
MAX_REDIRECTS = 5
#: robots.txt is kept this long (RFC 9309: a crawler should not use a cached copy over a day).
ROBOTS_TTL = 24 * 3600.0
#: An unreadable robots.txt (5xx, timeout) is asked again after this long.
ROBOTS_RETRY = 60.0
#: The part of a robots.txt that is read (RFC 9309 asks at least 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024
#: The longest Retry-After honoured between immediate retries; longer waits are a later poll's.
MAX_RETRY_AFTER = 30.0
#: The token matched against robots.txt User-agent lines.
ROBOTS_TOKEN = "bilat"

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """One answer: the body of a 200, or nothing for a 304 (not modified)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    media_type: str | None = None  # "text/html", lower case, without parameters
    charset: str | None = None  # from the Content-Type header, as sent
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def user_agent(contact: str) -> str:
    """``bilat/0.1.0 (+https://...)``: names the crawler, its version and whom to ask."""
    try:
        version = metadata.version("bilat")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        version = "0"
    return f"bilat/{version} (+{contact})" if contact else f"bilat/{version}"


def check_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL with a host, else B711."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("B711", value=url)
    return url.strip()


def host_of(url: str) -> str:
    """The host and port that politeness and robots.txt are kept for (``example.com:8080``)."""
    return urlsplit(url).netloc.lower()


def is_transient(exc: FetchError) -> bool:
    """Whether trying again soon may help: timeouts, connection errors, 429 and 5xx."""
    if exc.code == "B701":
        status = int(exc.values.get("status", 0))
        return status == 429 or status >= 500
    return exc.code in ("B702", "B703", "B713")


class _Answer(Exception):
    """Raised inside one attempt to carry a 429/503's Retry-After to the retry loop."""


class Fetcher:
    """A polite HTTP client for feeds and pages (see the module doc). Close it when done."""

    def __init__(self, settings: Settings, client: httpx.Client | None = None):
        self.settings = settings
        self.timeout = settings.watch_timeout
        self.user_agent = user_agent(settings.watch_contact)
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(settings.watch_timeout), follow_redirects=False,
            headers={"User-Agent": self.user_agent})
        self._last: dict[str, float] = {}  # host -> when its last request ended (monotonic)
        self._robots: dict[str, tuple[float, RobotFileParser | FetchError]] = {}
        self._in_row: dict[str, int] = {}  # host -> transient failures in a row

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def failures_in_row(self, url: str) -> int:
        return self._in_row.get(host_of(url), 0)

    def forget_failures(self) -> None:
        """Start a poll afresh: a host down in the last poll gets asked again."""
        self._in_row.clear()

    # -- the one public request

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = PAGE_ACCEPT) -> Fetched:
        """The body at ``url`` (after robots.txt, politeness, redirects, retries), or 304."""
        url = check_url(url)
        retries = max(self.settings.watch_retries, 0)
        wait = self.settings.watch_backoff
        for attempt in range(retries + 1):
            try:
                fetched = self._follow(url, etag, last_modified, accept)
            except FetchError as exc:
                host = host_of(exc.values.get("host_url") or exc.values.get("url") or url)
                if not is_transient(exc):
                    self._in_row.pop(host, None)  # it answered, if only to refuse: it is up
                    raise
                self._in_row[host] = self._in_row.get(host, 0) + 1
                if attempt == retries:
                    raise
                after = exc.values.get("retry_after")
                time.sleep(max(wait, min(after, MAX_RETRY_AFTER)) if after else wait)
                wait *= 2
                continue
            self._in_row.pop(host_of(url), None)
            return fetched
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    # -- redirects, robots.txt

    def _follow(self, url: str, etag: str | None, last_modified: str | None, accept: str) -> Fetched:
        seen = [url]
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_robots(current)
            headers = {"Accept": accept}
            # validators belong to the URL they were sent for; a redirected hop gets none
            if current == url and etag:
                headers["If-None-Match"] = etag
            if current == url and last_modified:
                headers["If-Modified-Since"] = last_modified
            status, resp_headers, body = self._request(current, headers, self.settings.watch_max_bytes)
            if status in _REDIRECTS:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError("B704", url=url, detail=f"HTTP {status} from {current} without a Location")
                nxt = urljoin(current, location.strip())
                try:
                    check_url(nxt)
                except FetchError:
                    raise FetchError("B704", url=url, detail=f"{current} redirects to '{location}'") from None
                if nxt in seen:
                    raise FetchError("B704", url=url, detail=" -> ".join(seen + [nxt]))
                seen.append(nxt)
                current = nxt
                continue
            if status == 304:
                return Fetched(url=url, final_url=current, status=304, etag=resp_headers.get("etag") or etag,
                               last_modified=resp_headers.get("last-modified") or last_modified)
            if status >= 400:
                exc = FetchError("B701", url=current if current == url else f"{url} (redirected to {current})",
                                 status=status)
                exc.values["host_url"] = current  # the host that failed, for failures_in_row
                after = resp_headers.get("retry-after", "")
                if after.strip().isdigit():
                    exc.values["retry_after"] = float(after)
                raise exc
            ctype = resp_headers.get("content-type", "")
            media = ctype.split(";", 1)[0].strip().lower() or None
            charset = None
            for param in ctype.split(";")[1:]:
                name, _, value = param.partition("=")
                if name.strip().lower() == "charset":
                    charset = value.strip().strip("'\"") or None
            return Fetched(url=url, final_url=current, status=status, content=body, media_type=media,
                           charset=charset, etag=resp_headers.get("etag"),
                           last_modified=resp_headers.get("last-modified"))
        raise FetchError("B704", url=url, detail=f"more than {MAX_REDIRECTS} redirects: " + " -> ".join(seen))

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        robots_url = origin + "/robots.txt"
        now = time.monotonic()
        cached = self._robots.get(origin)
        if cached is None or cached[0] < now:
            rules = self._read_robots(robots_url)
            ttl = ROBOTS_RETRY if isinstance(rules, FetchError) else ROBOTS_TTL
            self._robots[origin] = cached = (now + ttl, rules)
        rules = cached[1]
        if isinstance(rules, FetchError):
            if rules.code in ("B702", "B703", "B713"):  # the host is down, not its robots.txt: say so
                raise FetchError(rules.code, **{**rules.values, "url": url})
            raise FetchError("B710", url=url, robots=robots_url, detail=rules.values.get("detail_short", rules.message))
        if not rules.can_fetch(ROBOTS_TOKEN, url):
            raise FetchError("B707", url=url, robots=robots_url)

    def _read_robots(self, robots_url: str) -> RobotFileParser | FetchError:
        parser = RobotFileParser(robots_url)
        current = robots_url
        for _ in range(MAX_REDIRECTS + 1):
            try:
                status, headers, body = self._request(current, {"Accept": "text/plain"}, ROBOTS_MAX_BYTES,
                                                      cut_off_ok=True)
            except FetchError as exc:
                exc.values["detail_short"] = _short(exc)
                return exc
            if status in _REDIRECTS and headers.get("location"):
                current = urljoin(current, headers["location"].strip())
                continue
            if 400 <= status < 500:
                parser.allow_all = True  # RFC 9309 2.3.1.3: "unavailable" means no rules
            elif status >= 300:
                exc = FetchError("B701", url=robots_url, status=status)
                exc.values["detail_short"] = f"HTTP {status}"
                return exc
            else:
                parser.parse(body.decode("utf-8", "replace").splitlines())
            return parser
        # too many redirects for robots.txt: RFC 9309 treats it as unavailable
        parser.allow_all = True
        return parser

    # -- one HTTP exchange, bounded

    def _request(self, url: str, headers: dict[str, str], max_bytes: int,
                 cut_off_ok: bool = False) -> tuple[int, httpx.Headers, bytes]:
        host = host_of(url)
        last = self._last.get(host)
        if last is not None:
            pause = last + self.settings.watch_delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        deadline = time.monotonic() + self.settings.watch_max_seconds
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                if status in _REDIRECTS or status == 304 or status >= 400:
                    return status, resp.headers, b""  # the body of these is never used
                declared = resp.headers.get("content-length", "")
                if declared.strip().isdigit() and int(declared) > max_bytes and not cut_off_ok:
                    raise FetchError("B705", url=url, limit=max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    chunks.append(chunk)
                    if size > max_bytes:
                        if cut_off_ok:
                            break
                        raise FetchError("B705", url=url, limit=max_bytes)
                    if time.monotonic() > deadline:
                        raise FetchError("B706", url=url, limit=_seconds(self.settings.watch_max_seconds))
                return status, resp.headers, b"".join(chunks)[:max_bytes]
        except httpx.TimeoutException as exc:
            raise FetchError("B702", url=url, timeout=_seconds(self.timeout), detail=_what(exc)) from None
        except httpx.ConnectError as exc:
            raise FetchError("B703", url=url, detail=_what(exc)) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise FetchError("B711", value=url) from None
        except httpx.HTTPError as exc:  # the connection broke mid-answer, a malformed answer, bad gzip
            raise FetchError("B713", url=url, detail=_what(exc)) from None
        finally:
            self._last[host] = time.monotonic()


def _seconds(value: float) -> str:
    return f"{value:g}"


def _what(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = {"ConnectTimeout": "connect timeout", "ReadTimeout": "read timeout", "WriteTimeout": "write timeout",
            "PoolTimeout": "pool timeout"}.get(type(exc).__name__, type(exc).__name__)
    return f"{name}: {text}"[:200] if text and text != name else name


def _short(exc: FetchError) -> str:
    """The reason part of a fetch error, for a message that names another URL."""
    v = exc.values
    if exc.code == "B701":
        return f"HTTP {v.get('status')}"
    if exc.code == "B702":
        return f"no answer within {v.get('timeout')} s"
    return str(v.get("detail") or exc.message)
