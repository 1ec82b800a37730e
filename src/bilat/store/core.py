"""The Store: idempotent, transactional ingest and the queries behind the CLI, API and exports.

Every read returns plain, JSON-serialisable dicts. Aggregations run in SQL on indexed
columns. Ingest commits one transaction per batch of articles: killed mid-way, the
database keeps the batches already committed and nothing of the batch in flight, and
running the same ingest again skips what is stored (by content hash) and completes it.
"""
from __future__ import annotations

from sqlalchemy.engine import Engine

from .engine import display_url
from .reads import Reads
from .writes import Writes


class Store(Writes, Reads):
    """An event store on SQLite or PostgreSQL. Open it with ``bilat.open_store(url)``."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name
