"""Opening a database: URL handling, SQLite and PostgreSQL specifics, versioned migrations.

SQLite (the default, a file path) runs in WAL mode with ``BEGIN IMMEDIATE`` transactions
so concurrent writers queue instead of failing half-way; PostgreSQL goes through psycopg 3.
Migrations are Alembic revisions shipped in ``migrations/versions`` and run on an open
connection, so there is no alembic.ini to find.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url

from ..errors import StoreError

#: SQLite page cache per connection (negative: KiB): readers get a large one (browsing a store of a
#: million events); a write transaction a small one, so an ingest's memory does not grow with the store
READ_CACHE_KIB = -65536
WRITE_CACHE_KIB = -8192


def normalise_url(url: str) -> str:
    """A path or URL as given by a user -> a SQLAlchemy URL."""
    url = str(url).strip()
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+", "sqlite:")):
        return url
    if "://" in url:
        raise StoreError("B401", url=url, detail="unsupported scheme; use a SQLite path or a postgresql:// URL")
    return "sqlite:///" + str(Path(url).expanduser())


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(normalise_url(url)).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for messages
        return str(url)


#: PostgreSQL's page reads in flight per bitmap heap scan: a cold one-word search at 1M events read its
#: ~2,400 matching rows in 280-600 ms with the server's default (1), 85-240 ms with 64 (round 8)
PG_IO_CONCURRENCY = 64


def make_engine(url: str) -> Engine:
    sa_url = normalise_url(url)
    if sa_url.startswith("sqlite"):
        path = make_url(sa_url).database
        if path and path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError("B401", url=url, detail=f"directory {parent} does not exist")
        # as many connections as the server has threads (40) may read a file at once
        pool = dict(pool_size=10, max_overflow=40) if path and path != ":memory:" else {}
        engine = create_engine(sa_url, connect_args={"timeout": 60}, **pool)

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every sqlite test
            # let SQLAlchemy's "begin" below issue BEGIN, not the sqlite3 module
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.execute(f"PRAGMA cache_size={READ_CACHE_KIB}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # pragma: no cover
            # writers take the write lock up front, so two ingests queue instead of deadlocking;
            # readers use a deferred BEGIN and, in WAL mode, never wait for a writer
            write = conn.get_execution_options().get("bilat_write")
            # a writer's cache would fill with the pages it wrote, so an ingest's memory would grow
            # with the store up to the readers' 64 MiB: it probes a few index pages per record and
            # gets a small cache (setting it frees what a read left above it on this connection)
            conn.exec_driver_sql(f"PRAGMA cache_size={WRITE_CACHE_KIB if write else READ_CACHE_KIB}")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    try:
        # bitmap heap scans (a search's matches, a facet sample's rows) keep PG_IO_CONCURRENCY reads in
        # flight; the server's default, 1, reads their pages one at a time
        return create_engine(sa_url, pool_pre_ping=True, pool_size=10, max_overflow=40,
                             connect_args={"options": f"-c effective_io_concurrency={PG_IO_CONCURRENCY}"})
    except ModuleNotFoundError as exc:
        raise StoreError("B401", url=display_url(url),
                         detail=f"{exc}; install the PostgreSQL driver: pip install 'bilat[postgres]'") from exc


def writer(engine: Engine) -> Engine:
    """The engine, for a transaction that writes (SQLite: BEGIN IMMEDIATE)."""
    return engine.execution_options(bilat_write=True)


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("bilat.store").joinpath("migrations")))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Move the database to ``revision`` (up, or down to an older one); returns (before, after)."""
    from alembic import command
    from alembic.script import ScriptDirectory

    before = current_revision(engine)
    with writer(engine).begin() as conn:
        if engine.dialect.name == "postgresql":
            # two processes opening a fresh database must not both create the tables
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(704211)")
        cfg = _alembic_config(conn)
        script = ScriptDirectory.from_config(cfg)
        older = before is not None and revision != "head" and revision in {
            r.revision for r in script.iterate_revisions(before, "base")} and revision != before
        if older:
            command.downgrade(cfg, revision)
        else:
            command.upgrade(cfg, revision)
    return before, current_revision(engine)


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


# ------------------------------------------------------------------ driver errors

_FULL = ("database or disk is full", "disk full", "no space left", "file too large", "could not extend file",
         "could not write", "read-only", "readonly database", "disk i/o error")
_DAMAGED = ("malformed", "not a database", "corrupt", "file is encrypted")


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for PostgreSQL and in-memory stores."""
    sa_url = normalise_url(url)
    if not sa_url.startswith("sqlite"):
        return None
    path = make_url(sa_url).database
    return None if not path or path == ":memory:" else path


def integrity_problem(path: str, limit: int = 5) -> str | None:
    """What SQLite's quick_check finds wrong with the file (its first few lines), or None when it is sound.

    Opened read-only, apart from the store's engine, so a damaged file is never written to."""
    import sqlite3

    try:
        con = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA quick_check({int(limit)})").fetchall()]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        con.close()
    return None if rows == ["ok"] else "; ".join(str(r) for r in rows)


def store_error(exc: BaseException, url: str) -> StoreError:
    """A driver or SQLAlchemy error as the catalogue's store error: damaged (B408), full (B409),
    connection lost (B410), or the store cannot be opened (B401)."""
    if isinstance(exc, StoreError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0][:300]
    low = first.lower()
    shown = display_url(url)
    path = sqlite_path(url) if "://" not in url or url.startswith("sqlite") else None
    if path and any(k in low for k in _DAMAGED):
        problem = integrity_problem(path) if Path(path).exists() else None
        if problem is None:
            detail = first
        elif problem.strip().lower() == low.strip():
            detail = f"{first} (the integrity check cannot read it either)"
        else:
            detail = f"{first}; integrity check: {problem}"
        if "not a database" in low:
            detail += " (the file is not a SQLite database, or its header is damaged)"
        return StoreError("B408", url=shown, path=path, detail=detail)
    if any(k in low for k in _FULL):
        return StoreError("B409", url=shown, detail=first)
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    if isinstance(exc, (OperationalError, InterfaceError)) or (
            isinstance(exc, DBAPIError) and exc.connection_invalidated):
        if path is None:
            return StoreError("B410", url=shown, detail=first)
    return StoreError("B401", url=shown, detail=first)
