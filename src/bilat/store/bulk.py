"""One statement over many rows, as the store's big inserts and upserts run it.

SQLAlchemy turns every row of an ``executemany`` into the driver's parameters through the
compiled statement (``construct_params`` and the bind processors): ~128,000 calls per 1,000
articles ingested, about a tenth of the store path's CPU, for rows whose columns need almost no
processing (text, integers and floats are the drivers' own types; SQLite's floats go through
``to_float``). So the statement is compiled once per call and the rows go to the driver as they
are, each value through its column's bind processor where it has one, as SQLAlchemy would pass
it: tuples for SQLite's positional parameters, dicts for psycopg's named ones (psycopg then sends
them as SQLAlchemy would have, one prepared statement over the rows).
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from sqlalchemy.engine import Connection
from sqlalchemy.sql import ClauseElement

#: (dialect, SQL, row keys) -> (parameter names in order, their bind processors), or None where a
#: parameter is not a row key (a value bound in the statement itself): SQLAlchemy's path then
_COMPILED: dict[tuple[str, str, tuple[str, ...]], tuple[tuple[str, ...], tuple] | None] = {}


def run_many(conn: Connection, stmt: ClauseElement, rows: Sequence[Mapping[str, Any]]) -> None:
    """Execute ``stmt`` once per row of ``rows`` (dicts with the same keys), in one driver call."""
    if not rows:
        return
    compiled = stmt.compile(dialect=conn.dialect, column_keys=list(rows[0]))
    plan = _plan(conn.dialect.name, compiled, tuple(rows[0]))
    if plan is None:
        conn.execute(stmt, list(rows))
        return
    names, procs = plan
    if compiled.positional:
        if any(procs):
            pairs = tuple(zip(names, procs))
            params: list = [tuple(p(r[n]) if p else r[n] for n, p in pairs) for r in rows]
        else:
            params = [tuple(r[n] for n in names) for r in rows]
    else:
        pairs = tuple(zip(names, procs))
        params = [{n: p(r[n]) if p else r[n] for n, p in pairs} for r in rows]
    conn.exec_driver_sql(compiled.string, params)


def _plan(dialect: str, compiled, keys: tuple[str, ...]):
    """(names, processors) of ``compiled``'s parameters for rows of ``keys``; None: SQLAlchemy's path."""
    cache_key = (dialect, compiled.string, keys)
    if cache_key not in _COMPILED:
        names = tuple(compiled.positiontup or ()) if compiled.positional else tuple(compiled.binds)
        # a parameter that is no row key, or one SQLAlchemy renders under another name: its path
        plain = set(names) <= set(keys) and not getattr(compiled, "escaped_bind_names", None)
        _COMPILED[cache_key] = (names, tuple(compiled._bind_processors.get(n) for n in names)) if plain else None
    return _COMPILED[cache_key]
