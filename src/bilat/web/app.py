"""The ASGI application: one factory, one error shape, auth, body limit, negotiation.

The app is a thin front end over the store (STYLE.md "library first"): routes parse
input, call ``Store`` methods and format what they return. Everything that can go
wrong ends in :func:`error_response`, so the API and the pages share one JSON error
shape (datasette's ``error_body``)::

    {"ok": false, "status": 404, "code": "B403", "message": "[B403] story 'x' not found", "field": null}
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from ..auth import bearer_ok, require_read, require_write  # noqa: F401  (pages use them from here)
from ..errors import ApiError, BilatError, NotFoundError, StoreError
from ..settings import Settings, load_settings
from .page_cache import PageCache

log = logging.getLogger("bilat.web")

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
# autoescape is on for .html templates; article text is untrusted and is never marked safe.
assert templates.env.autoescape


def http_url(value: object) -> str | None:
    """Only http(s) links from article metadata: a ``javascript:`` URL must never become a link."""
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


templates.env.filters["http_url"] = http_url

#: HTTP status for each catalogue code the edge can meet; anything else is a 500.
STATUS = {
    "B403": 404, "B404": 400,
    "B501": 401, "B502": 413, "B503": 422, "B504": 404, "B505": 405,
    "B506": 403, "B507": 400, "B508": 415, "B509": 500, "B510": 503, "B511": 400, "B512": 404, "B513": 400,
}


#: Store errors that mean "the store cannot serve now": answered as B510 (503) with this detail.
UNAVAILABLE = {
    "B401": "the database cannot be reached", "B402": "the store's schema is out of date; run bilat migrate",
    "B408": "the store's file is damaged", "B409": "the store cannot be written",
    "B410": "lost the connection to the database",
}


# --------------------------------------------------------------------------- errors

def error_body(status: int, code: str, message: str, field: str | None = None) -> dict[str, Any]:
    """The one JSON error shape."""
    return {"ok": False, "status": status, "code": code, "message": message, "field": field}


def wants_json(request: Request) -> bool:
    """API paths, ``.json`` URLs and ``Accept: application/json`` get JSON; browsers get HTML."""
    if request.url.path.startswith("/api") or request.scope.get("bilat_format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, exc: BilatError, field: str | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    status = STATUS.get(exc.code, 500)
    body = error_body(status, exc.code, exc.message, field if field is not None else exc.values.get("field"))
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    return templates.TemplateResponse(request, "error.html", {"error": body}, status_code=status, headers=headers)


def _field_name(loc: tuple) -> str:
    """('query', 'limit') -> 'limit'; ('body', 0, 'text') -> '[0].text'."""
    parts = [p for p in loc if p not in ("query", "path", "body", "header", "cookie")]
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "body"


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette's 405 names only the first route's)."""
    from starlette.routing import Match

    allowed = [m for m in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
               if any(route.matches({**request.scope, "method": m})[0] == Match.FULL
                      for route in request.app.router.routes)]
    return allowed or ["GET"]


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BilatError)
    async def bilat_error(request: Request, exc: BilatError) -> Response:
        if isinstance(exc, StoreError) and not isinstance(exc, NotFoundError) and exc.code in UNAVAILABLE:
            # the full message (it names the store) goes to the server log, not to the client
            log.error("store unavailable on %s: %s", request.url.path, exc.message)
            exc = StoreError("B510", detail=UNAVAILABLE[exc.code])
        headers = {"WWW-Authenticate": "Bearer"} if exc.code == "B501" else None
        return error_response(request, exc, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": ("body",), "msg": "invalid input"}
        field = _field_name(tuple(first.get("loc", ())))
        detail = first.get("msg", "invalid value")
        if first.get("type") == "string_pattern_mismatch":
            # say what is expected in words; a regular expression is no help to a reader
            from ..api import PATTERN_HELP

            detail = "expected " + PATTERN_HELP.get((first.get("ctx") or {}).get("pattern"), "a value of another form")
        if first.get("input") is not None and not isinstance(first.get("input"), (dict, list)):
            detail += f" (got {str(first['input'])[:80]!r})"
        return error_response(request, ApiError("B503", field=field, detail=detail), field=field)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            allowed = ", ".join(_allowed_methods(request))
            return error_response(request, ApiError("B505", method=request.method, path=request.url.path,
                                                     allowed=allowed), headers={"Allow": allowed})
        return error_response(request, ApiError("B504", path=request.url.path))



# ------------------------------------------------------------------ ASGI middleware

class _BodyTooLarge(ApiError):
    pass


async def _send_json(send, status: int, body: dict[str, Any], headers: list | None = None) -> None:
    raw = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]
                + (headers or [])})
    await send({"type": "http.response.body", "body": raw})


class Edge:
    """Pure ASGI middleware for what must happen before routing.

    * request bodies over ``api_max_body_bytes`` are refused with B502, from the
      Content-Length header when there is one and by counting otherwise, so a large
      body is never read into memory;
    * a ``.json`` suffix on a page URL is stripped and remembered, so
      ``/pair/CHN/JPN.json`` is the same route as ``/pair/CHN/JPN``;
    * a page asked for with blank parameters (a filter form sends every field, filled or not:
      ``?q=&source=JPN``) is redirected to its URL without them, the permalink of that view, rather
      than refused for an empty date or country code.
    """

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path: str = scope["path"]
        if scope.get("method") == "GET" and not path.startswith(("/api/", "/static/")) and scope.get("query_string"):
            params = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            if any(v == "" for _, v in params):
                kept = urlencode([(k, v) for k, v in params if v != ""])
                where = scope.get("raw_path") or quote(path).encode()
                location = where + (b"?" + kept.encode() if kept else b"")
                await send({"type": "http.response.start", "status": 303,
                            "headers": [(b"location", location), (b"content-length", b"0")]})
                return await send({"type": "http.response.body", "body": b""})
        if path == "/index.json":
            path = "/.json"
        if path.endswith(".json") and not path.startswith(("/api/", "/static/")) :
            scope = dict(scope, path=path[:-5] or "/", bilat_format="json")
            scope.pop("raw_path", None)
        limit = self.limit
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = limit + 1
                if size > limit:
                    exc = ApiError("B502", size=size, limit=limit)
                    return await _send_json(send, 413, error_body(413, exc.code, exc.message, "body"),
                                            [(b"connection", b"close")])
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise ApiError("B502", size=f"more than {limit}", limit=limit)
            return message

        started = False

        async def tracked(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except Exception:  # a bug: log it, answer with the one error shape, never a traceback
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            request = Request(scope)
            response = error_response(request, ApiError("B509", path=scope.get("path", "")))
            await response(scope, receive, send)


# ------------------------------------------------------------------------- access

# bearer_ok, require_read and require_write live in bilat.auth (imported above), shared with the API


# ------------------------------------------------------------------------ factory

def create_app(store=None, *, settings: Settings | None = None, db: str | None = None) -> FastAPI:
    """Build the app over ``store`` (or the store at ``db``, or the ``db`` setting)."""
    from ..store import open_store
    from ..api import router as api_router
    from .browse_pages import router as browse_router
    from .pages import router as pages_router

    settings = settings or load_settings()
    if store is None:
        # a server that cannot write (no api_token) only reads: it never creates an empty store
        store = open_store(db or settings.db, settings=settings, create=bool(settings.api_token),
                           command="bilat serve")
    app = FastAPI(
        title="bilat",
        version=_version(),
        summary="PLOVER political events from news, each with the sentences that prove it.",
        openapi_url="/api/openapi.json",
        # FastAPI's Swagger UI and ReDoc load their scripts from a CDN; the schema is enough.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    _install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(browse_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Edge, limit=settings.api_max_body_bytes)
    # a busy pair page is ~0.5 MB of SVG and HTML, ~10x smaller gzipped; level 5 compresses 400 KB in
    # ~6 ms where level 9 (Starlette's default) takes ~18 ms for 5 % fewer bytes
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    # outermost: an answer asked again while the store is unchanged is sent as it was (compressed or not)
    app.add_middleware(PageCache, store=store)
    return app


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Http
except ImportError:  # httptools is optional for uvicorn
    from uvicorn.protocols.http.h11_impl import H11Protocol as _Http


class NoDelayHttp(_Http):
    """uvicorn's HTTP protocol, setting TCP_NODELAY on each connection. asyncio sets it only when the
    listening socket says it is TCP, and the socket a ``--workers`` supervisor hands its workers does
    not (its proto reads 0): without it each response waits ~40 ms for the client's delayed ACK."""

    def connection_made(self, transport):
        import socket

        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:  # pragma: no cover
                pass
        super().connection_made(transport)


def worker_app() -> FastAPI:
    """The app of one ``bilat serve --workers N`` process: the store named by BILAT_SERVE_DB."""
    import os

    return create_app(db=os.environ.get("BILAT_SERVE_DB"))


def _version() -> str:
    from .. import __version__

    return __version__


__all__ = ["create_app", "error_body", "templates", "wants_json", "require_read", "require_write", "HTMLResponse"]
