"""bilat: structured, sourced, de-duplicated political events from news.

The public API is deliberately small; ``tests/test_exported_members.py`` fails
when something leaks in.
"""
from __future__ import annotations

from .model import Actor, Article, Event, EventType, Evidence, Location, Story
from .settings import Settings, load_settings

__version__ = "0.1.0"


def extract(text: str, published: str | None = None, *, article_id: str = "text", settings: Settings | None = None):
    """Extract event records (dicts, spec §2) from one article's text. Without ``settings``, the
    settings are read as the command line reads them: $BILAT_SETTINGS, then BILAT_* variables."""
    from .pipeline import extract_text

    return extract_text(text, published=published, article_id=article_id, settings=settings or load_settings())


def open_store(url: str | None = None, *, settings: Settings | None = None):
    """Open (and migrate) the event store at ``url``: a SQLite path or a postgresql:// URL
    (default: the ``db`` setting, from $BILAT_SETTINGS or BILAT_DB as for the command line)."""
    from .store import open_store as _open

    return _open(url, settings=settings or load_settings())


__all__ = [
    "Actor",
    "Article",
    "Event",
    "EventType",
    "Evidence",
    "Location",
    "Settings",
    "Story",
    "__version__",
    "extract",
    "load_settings",
    "open_store",
]
