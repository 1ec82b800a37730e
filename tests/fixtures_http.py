"""A real HTTP server on 127.0.0.1 for the live-feed tests (bilat watch).

``http_server`` starts a threading ``http.server`` on a free port; a test adds routes
(``server.add(path, body, ...)`` or a handler function for misbehaviour: a slow answer, a
body that never ends) and reads ``server.log`` afterwards, one entry per request with its
path, headers and answer status, to check what was (and was not) asked. Conditional GETs
are answered as a real server does: 304 when If-None-Match or If-Modified-Since matches.
``make_http_server`` starts more, for tests that need a second host.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    #: misbehaviour: called with the request handler instead of answering normally
    handler: Callable[["_Handler"], None] | None = None


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int | None
    at: float


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet: the test reads server.log instead
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        hit = Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, None, time.monotonic())
        self.server.owner.log.append(hit)
        route = self.server.owner.routes.get(self.path)
        if route is None:
            hit.status = 404
            self.answer(404, b"not found", {"Content-Type": "text/plain"})
            return
        if route.handler is not None:
            hit.status = -1
            route.handler(self)
            return
        if (route.etag and self.headers.get("If-None-Match") == route.etag) or \
                (route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
            hit.status = 304
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        hit.status = route.status
        self.answer(route.status, route.body, headers)

    def answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a size cap): fine
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: "LocalServer"


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", status: int = 200, content_type: str | None = "text/html",
            **kw) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = dict(kw.pop("headers", {}))
        if content_type:
            headers.setdefault("Content-Type", content_type)
        self.routes[path] = Route(body=body, status=status, headers=headers, **kw)
        return self.url(path)

    def hits(self, path: str) -> list[Hit]:
        return [h for h in self.log if h.path == path]

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def make_http_server():
    servers: list[LocalServer] = []

    def make() -> LocalServer:
        servers.append(LocalServer())
        return servers[-1]

    yield make
    for s in servers:
        s.close()


@pytest.fixture
def http_server(make_http_server) -> LocalServer:
    return make_http_server()
