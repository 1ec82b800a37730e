"""bilat's event store: one protocol over SQLite (default) and PostgreSQL.

``open_store(url)`` opens the database, brings its schema to the current migration and
returns a :class:`Store`. Engine and migration details live in ``engine``, the tables in
``schema``, ingest and queries in ``core``.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..settings import Settings
from .core import Store
from .records import IngestReport, ResultSet, article_hash
from .engine import current_revision, display_url, head_revision, make_engine, migrate, sqlite_path, store_error


def open_store(url: str | None = None, settings: Settings | None = None, *, migrate_schema: bool = True,
               create: bool = True, command: str = "this command") -> Store:
    """Open the store at ``url`` (a SQLite path or a postgresql:// URL; default: the ``db`` setting).

    With ``migrate_schema`` (the default) a new or older database is upgraded to the
    current schema; without it an older database raises B402. With ``create=False`` a
    SQLite file that does not exist raises B411 instead of being created (reads never
    create a store; ``command`` names the reader in the message).
    """
    url = url or (settings or Settings()).db
    path = sqlite_path(url)
    if not create and path is not None and not Path(path).expanduser().exists():
        raise StoreError("B411", path=path, command=command)
    engine = make_engine(url)
    try:
        if migrate_schema:
            migrate(engine)
        else:
            found, needed = current_revision(engine), head_revision()
            if found != needed:
                raise StoreError("B402", url=display_url(url), found=found or "none", needed=needed)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        err = store_error(exc, url)
        if err.code == "B410":  # never connected: it cannot be opened, nothing was lost
            err = StoreError("B401", url=display_url(url), detail=err.values["detail"])
        raise err from exc
    return Store(engine, url)


__all__ = ["IngestReport", "ResultSet", "Store", "article_hash", "open_store", "migrate", "head_revision",
           "current_revision"]
