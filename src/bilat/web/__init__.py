"""The dashboard and the REST API over the store: ``create_app(store)`` builds the ASGI app."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
