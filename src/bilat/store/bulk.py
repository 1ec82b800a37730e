"""One statement over many rows, as the store's big inserts and upserts run it.

SQLAlchemy turns every row of an ``executemany`` into the driver's parameters through the
compiled statement (``construct_params`` and its bind processors): ~128,000 calls per 1,000
articles ingested, about a tenth of the store path's CPU, paid for rows whose columns need no
processing on SQLite but the floats' (``to_float``, kept here). So on SQLite the statement is
compiled once per call and the rows go to the driver as tuples, each value through its
column's bind processor where it has one, as SQLAlchemy would pass it.
PostgreSQL keeps it too: there SQLAlchemy sends the rows as multi-row VALUES (insertmanyvalues),
which cost the server less than one execution per row would.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from sqlalchemy.engine import Connection
from sqlalchemy.sql import ClauseElement

#: (SQL, row keys) -> (parameter names in order, their bind processors), or None where a
#: parameter is not a row key (a value bound in the statement itself): SQLAlchemy's path then
_COMPILED: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], tuple] | None] = {}


def run_many(conn: Connection, stmt: ClauseElement, rows: Sequence[Mapping[str, Any]]) -> None:
    """Execute ``stmt`` once per row of ``rows`` (dicts with the same keys), in one driver call."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(stmt, list(rows))
        return
    keys = tuple(rows[0])
    plan = _compiled(conn, stmt, keys)
    if plan is None:
        conn.execute(stmt, list(rows))
        return
    sql, (names, procs) = plan
    if any(procs):
        pairs = tuple(zip(names, procs))
        params = [tuple(p(r[n]) if p else r[n] for n, p in pairs) for r in rows]
    else:
        params = [tuple(r[n] for n in names) for r in rows]
    conn.exec_driver_sql(sql, params)


def _compiled(conn: Connection, stmt: ClauseElement, keys: tuple[str, ...]):
    """(SQL, (names, processors)) for ``stmt`` with rows of ``keys``; None: SQLAlchemy's path."""
    compiled = stmt.compile(dialect=conn.dialect, column_keys=list(keys))
    cache_key = (compiled.string, keys)
    if cache_key not in _COMPILED:
        names = tuple(compiled.positiontup or ())
        _COMPILED[cache_key] = ((names, tuple(compiled._bind_processors.get(n) for n in names))
                                if set(names) <= set(keys) else None)
    plan = _COMPILED[cache_key]
    return None if plan is None else (compiled.string, plan)
