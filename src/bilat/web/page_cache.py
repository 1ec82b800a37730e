"""Whole answers kept per store version: a page or a read of the API asked again while the store has not
changed is sent as it was sent the first time, after one query (the store's version: two index lookups).

Why: a page is a function of the stored rows and of the request, and rendering is what a busy page costs
once its data is cached (the busiest pair page is ~0.5 MB of HTML and SVG, ~30 ms to render). Under 16 or
64 concurrent clients on two cores every request rendered it again: 30-40 requests/s. The charts were
already kept per store version (``pages.rendered``); this keeps the finished bytes.

What an answer depends on besides its URL is in the key: the store's version (its last event and ingest
batch: any write changes it), and the request headers in ``VARY`` (the format asked for, the compression,
who asks). Only complete 200 answers of GET requests are kept, so errors, redirects and streamed exports
are always made afresh; static files have their own caching. A request with ``Cache-Control: no-cache``
(a browser's reload, a benchmark timing the work of a page) is made afresh, and what it makes is kept.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from anyio.to_thread import run_sync

#: bytes of answers kept per process, the least recently used dropped first
MAX_BYTES = 64 * 2**20
#: an answer larger than this is not kept
MAX_ANSWER = 4 * 2**20
#: the request headers an answer may depend on: its format (Accept), its compression (Accept-Encoding),
#: who asks (Authorization: a server whose reads need the token), the Host its links may name
VARY = (b"accept", b"accept-encoding", b"authorization", b"cookie", b"host")
#: paths never kept: static files, and exports (streamed, of any size)
NOT_KEPT = ("/static/", "/api/export")


class PageCache:
    """Pure ASGI middleware, outermost (so a kept answer is kept compressed, as sent)."""

    def __init__(self, app, store, max_bytes: int = MAX_BYTES):
        self.app = app
        self.store = store
        self.max_bytes = max_bytes
        self._kept: OrderedDict[tuple, tuple[dict, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or scope["path"].startswith(NOT_KEPT):
            return await self.app(scope, receive, send)
        try:
            version = await run_sync(self.store.version)
        except Exception:  # noqa: BLE001 - the store cannot answer: the app says so in its own words
            return await self.app(scope, receive, send)
        key = (version, scope["path"], scope.get("query_string", b""),
               tuple(sorted((n, v) for n, v in scope.get("headers", ()) if n in VARY)))
        kept = None if _fresh_asked(scope) else self._get(key)
        if kept is not None:
            start, body = kept
            await send(start)
            return await send({"type": "http.response.body", "body": body})
        await self.app(scope, receive, self._keeping(key, send))

    def _keeping(self, key: tuple, send):
        """``send``, keeping what it sends when that is one complete 200 answer."""
        state: dict[str, Any] = {"start": None, "whole": True}

        async def keep(message):
            if message["type"] == "http.response.start":
                state["start"] = message
            elif message["type"] == "http.response.body" and state["whole"]:
                body = message.get("body", b"")
                state["whole"] = False  # a second part (a stream) is never kept
                if (not message.get("more_body") and state["start"] is not None
                        and state["start"]["status"] == 200 and len(body) <= MAX_ANSWER):
                    self._put(key, state["start"], body)
            await send(message)
        return keep

    def _get(self, key: tuple):
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        return None

    def _put(self, key: tuple, start: dict, body: bytes) -> None:
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = (start, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes and self._kept:
                _, (_, old) = self._kept.popitem(last=False)
                self._bytes -= len(old)


def _fresh_asked(scope) -> bool:
    """The request says ``Cache-Control: no-cache`` (or no-store, or max-age=0): not from what is kept."""
    for name, value in scope.get("headers", ()):
        if name == b"cache-control" and any(d in value.lower() for d in (b"no-cache", b"no-store", b"max-age=0")):
            return True
    return False
