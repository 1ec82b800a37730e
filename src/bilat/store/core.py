"""The Store: idempotent, transactional ingest and the queries behind the CLI, API and exports.

Every read returns plain, JSON-serialisable dicts. Aggregations run in SQL on indexed
columns. Ingest commits one transaction per batch of articles: killed mid-way, the
database keeps the batches already committed and nothing of the batch in flight, and
running the same ingest again skips what is stored (by content hash) and completes it.
"""
from __future__ import annotations

import functools
import inspect

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from .engine import display_url, store_error
from .reads import Reads
from .watch import WatchState
from .writes import Writes


class Store(Writes, Reads, WatchState):
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


def _guarded(fn):
    """The method, with driver errors raised as the catalogue's StoreError (B401/B408/B409/B410):
    the edges show a message and a status, never a driver traceback."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(self, *args, **kwargs):
            try:
                yield from fn(self, *args, **kwargs)
            except SQLAlchemyError as exc:
                raise store_error(exc, self.url) from exc
        return gen

    @functools.wraps(fn)
    def call(self, *args, **kwargs):
        try:
            return fn(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise store_error(exc, self.url) from exc
    return call


for _base in (Reads, Writes, WatchState):
    for _name, _fn in vars(_base).items():
        if not _name.startswith("_") and inspect.isfunction(_fn):
            setattr(Store, _name, _guarded(_fn))
