"""Opaque page cursors and keyset paging, newest first.

A cursor names the row a page starts after (``a``) or ends before (``b``): its sort key
(day, id), never an offset, so the next page of a million-row list costs what the first
does. Lists run by day descending, then id descending, with undated rows last; each
database reads that order from an index in two runs (dated rows, then undated ones),
since PostgreSQL puts NULL first in a descending index and SQLite last.
"""
from __future__ import annotations

import base64
import json
from typing import Any, Callable

from sqlalchemy import ColumnElement, tuple_
from sqlalchemy.engine import Connection

from ..errors import StoreError

Key = tuple  # (day or None, id)


def encode(key: Key, direction: str = "a") -> str:
    raw = json.dumps([direction, key[0], key[1]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[str, Key]:
    """(direction, key) of a cursor; B512 when it is not one this store made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        direction, day, ident = json.loads(raw)
        if direction not in ("a", "b") or not isinstance(ident, str) or not (day is None or isinstance(day, str)):
            raise ValueError
    except (ValueError, TypeError, UnicodeDecodeError):
        raise StoreError("B512", cursor=cursor[:40], field="cursor") from None
    return direction, (day, ident)


def keyset(conn: Connection, query: Callable[[list, str], Any], day: ColumnElement, ident: ColumnElement,
           limit: int, cursor: str | None = None, skip: int = 0) -> tuple[list[Key], bool, bool]:
    """One page of (day, id) keys in (day DESC, id DESC) order, undated last.

    ``query(conds, order)`` builds the select of (day, id) with the extra conditions and
    'desc' or 'asc' order. A cursor of direction 'b' pages backwards. ``skip`` (an offset,
    without a cursor) walks the index to the key it starts after. Returns the keys and
    whether rows exist before and after the page.
    """
    direction, key = decode(cursor) if cursor else ("a", None)
    if skip and cursor is None:
        key = _nth(conn, query, day, ident, skip)
        if key is None:
            return [], True, False
    if direction == "a":
        rows = _forward(conn, query, day, ident, key, limit + 1)
        return rows[:limit], key is not None, len(rows) > limit
    rows = _backward(conn, query, day, ident, key, limit + 1)
    return list(reversed(rows[:limit])), len(rows) > limit, True


def head(conn: Connection, query: Callable[[list, str], Any], day: ColumnElement, ident: ColumnElement, n: int,
         bound: list | tuple = ()) -> list[Key]:
    """The first ``n`` keys of a list in list order; with ``bound`` (conditions on dated rows), only
    the dated rows within it (the undated ones come after every dated row)."""
    out = _dedup(_run(conn, query, [day.is_not(None), *bound], "desc", n))
    if len(out) < n and not bound:
        out += _dedup(_run(conn, query, [day.is_(None)], "desc", n - len(out)))
    return out


def in_order(keys) -> list[Key]:
    """(day, id) keys in list order: dated newest first (day, then id, descending), undated last."""
    keys = [(k[0], k[1]) for k in keys]
    return (sorted((k for k in keys if k[0] is not None), reverse=True)
            + sorted((k for k in keys if k[0] is None), key=lambda k: k[1], reverse=True))


def keyset_in(keys: list[Key], limit: int, cursor: str | None = None, skip: int = 0) -> tuple[list[Key], bool, bool]:
    """``keyset`` over keys already read and put ``in_order`` (a search's matches): the same pages,
    the same cursors, without asking the database again."""
    direction, key = decode(cursor) if cursor else ("a", None)
    if skip and cursor is None:
        if skip > len(keys):
            return [], True, False
        key = keys[skip - 1]
    start = 0 if key is None else _first_after(keys, key)
    if direction == "a":
        rows = keys[start:start + limit + 1]
        return rows[:limit], key is not None, len(rows) > limit
    end = start - (start > 0 and keys[start - 1] == key)  # the rows strictly before the key
    return keys[max(0, end - limit):end], end > limit, True


def _first_after(keys: list[Key], key: Key) -> int:
    """Index of the first of ``keys`` (in list order) that comes after ``key``; a binary search."""
    def after(k: Key) -> bool:
        if key[0] is None:
            return k[0] is None and k[1] < key[1]
        return k[0] is None or (k[0], k[1]) < (key[0], key[1])

    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        if after(keys[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _run(conn, query, conds, order, limit, offset=0) -> list[Key]:
    return [(r[0], r[1]) for r in conn.execute(query(conds, order).limit(limit).offset(offset))]


def _forward(conn, query, day, ident, key, n) -> list[Key]:
    out: list[Key] = []
    if key is None or key[0] is not None:
        conds = [day.is_not(None)] + ([tuple_(day, ident) < tuple_(key[0], key[1])] if key else [])
        out = _dedup(_run(conn, query, conds, "desc", n))
    if len(out) < n:
        conds = [day.is_(None)] + ([ident < key[1]] if key and key[0] is None else [])
        out += _dedup(_run(conn, query, conds, "desc", n - len(out)))
    return out


def _backward(conn, query, day, ident, key, n) -> list[Key]:
    out: list[Key] = []
    if key[0] is None:
        out = _dedup(_run(conn, query, [day.is_(None), ident > key[1]], "asc", n))
        conds = [day.is_not(None)]
    else:
        conds = [day.is_not(None), tuple_(day, ident) > tuple_(key[0], key[1])]
    if len(out) < n:
        out += _dedup(_run(conn, query, conds, "asc", n - len(out)))
    return out


def _nth(conn, query, day, ident, skip) -> Key | None:
    """The key of the ``skip``-th row (1-based), walking the index: the start of the page at that offset."""
    dated = _run(conn, query, [day.is_not(None)], "desc", 1, skip - 1)
    if dated:
        return dated[0]
    from sqlalchemy import func, select

    n_dated = conn.execute(select(func.count()).select_from(query([day.is_not(None)], None).subquery())).scalar_one()
    undated = _run(conn, query, [day.is_(None)], "desc", 1, skip - 1 - n_dated)
    return undated[0] if undated else None


def _dedup(keys: list[Key]) -> list[Key]:
    return list(dict.fromkeys(keys))
