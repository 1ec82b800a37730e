"""Access to the HTTP front ends: the bearer-token checks the REST API and the pages share.

A module of its own so that ``api`` and ``web`` both depend on it and not on each other
(``web.app`` composes the two routers).
"""
from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError
from .settings import Settings


def bearer_ok(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def require_read(request: Request) -> None:
    """Reads are open unless ``api_read_open`` is false; then they need the bearer token."""
    settings: Settings = request.app.state.settings
    if not settings.api_read_open and not bearer_ok(request, settings.api_token):
        raise ApiError("B501")


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.api_token:
        raise ApiError("B506")
    if not bearer_ok(request, settings.api_token):
        raise ApiError("B501")
