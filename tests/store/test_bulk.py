"""store.bulk.run_many: the rows a statement writes through the driver directly are the rows SQLAlchemy's
own executemany writes, value for value and type for type, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, bindparam, create_engine, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bilat.store import bulk
from bilat.store.engine import normalise_url

meta = MetaData()
TABLES = {name: Table(name, meta, Column("k", String(10), primary_key=True), Column("n", Integer, nullable=False),
                      Column("x", Float), Column("note", String(20))) for name in ("mine", "theirs")}

ROWS = [dict(k="a", n=1, x=2, note="é"), dict(k="b", n=2, x=None, note=None), dict(k="c", n=3, x=0.5, note="")]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = str(tmp_path / "bulk.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = create_engine(normalise_url(url))
    meta.create_all(engine)
    yield engine
    engine.dispose()


def _dialect_insert(engine):
    return (postgresql if engine.dialect.name == "postgresql" else sqlite).insert


def _stored(engine, t):
    typeof = "pg_typeof(x)::text" if engine.dialect.name == "postgresql" else "typeof(x)"
    with engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT k, n, x, {typeof}, note FROM {t.name} ORDER BY k").fetchall()


def _plain(engine, t):
    return insert(t)


def _or_nothing(engine, t):
    return _dialect_insert(engine)(t).on_conflict_do_nothing()


def _upsert(engine, t):
    stmt = _dialect_insert(engine)(t)
    return stmt.on_conflict_do_update(index_elements=["k"], set_={"n": t.c.n + stmt.excluded.n})


@pytest.mark.parametrize("make, times", [(_plain, 1), (_or_nothing, 2), (_upsert, 2)],
                         ids=["insert", "insert-or-nothing", "upsert"])
def test_rows_are_stored_as_sqlalchemy_stores_them(engine, make, times):
    mine, theirs = TABLES["mine"], TABLES["theirs"]
    for _ in range(times):  # twice: the conflict clause at work
        with engine.begin() as conn:
            bulk.run_many(conn, make(engine, mine), ROWS)
        with engine.begin() as conn:
            conn.execute(make(engine, theirs), ROWS)
    assert _stored(engine, mine) == _stored(engine, theirs)
    if make is _upsert:
        assert [r[1] for r in _stored(engine, mine)] == [2, 4, 6]


def test_an_update_by_a_named_key(engine):
    t = TABLES["mine"]
    with engine.begin() as conn:
        bulk.run_many(conn, insert(t), ROWS)
        bulk.run_many(conn, update(t).where(t.c.k == bindparam("b_k")),
                      [dict(b_k="a", n=10, x=1.5), dict(b_k="c", n=30, x=None)])
        got = conn.execute(select(t.c.k, t.c.n, t.c.x).order_by(t.c.k)).all()
    assert [tuple(r) for r in got] == [("a", 10, 1.5), ("b", 2, None), ("c", 30, None)]


def test_a_value_bound_in_the_statement_leaves_it_to_sqlalchemy(engine):
    t = TABLES["mine"]
    with engine.begin() as conn:
        bulk.run_many(conn, insert(t).values(note="fixed"), [dict(k="a", n=1, x=1.0)])
        bulk.run_many(conn, insert(t), [])
        assert conn.execute(select(t.c.note)).scalar_one() == "fixed"
