"""store.bulk.run_many: the rows a statement writes through the driver directly on SQLite are the rows
SQLAlchemy's own executemany writes, value for value and type for type."""
from __future__ import annotations

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, bindparam, create_engine, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bilat.store import bulk

meta = MetaData()
t = Table("t", meta, Column("k", String(10), primary_key=True), Column("n", Integer, nullable=False),
          Column("x", Float), Column("note", String(20)))

ROWS = [dict(k="a", n=1, x=2, note="é"), dict(k="b", n=2, x=None, note=None), dict(k="c", n=3, x=0.5, note="")]


def _stored(engine):
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT k, n, x, typeof(x), note FROM t ORDER BY k").fetchall()


def _engine(tmp_path, name):
    engine = create_engine(f"sqlite:///{tmp_path / name}")
    meta.create_all(engine)
    return engine


def _upsert():
    stmt = sqlite_insert(t)
    return stmt.on_conflict_do_update(index_elements=["k"], set_={"n": t.c.n + stmt.excluded.n})


@pytest.mark.parametrize("make, times", [(lambda: insert(t), 1), (lambda: sqlite_insert(t).on_conflict_do_nothing(), 2),
                                         (_upsert, 2)], ids=["insert", "insert-or-nothing", "upsert"])
def test_rows_are_stored_as_sqlalchemy_stores_them(tmp_path, make, times):
    mine, theirs = _engine(tmp_path, "mine.db"), _engine(tmp_path, "theirs.db")
    for _ in range(times):  # twice: the conflict clause at work
        with mine.begin() as conn:
            bulk.run_many(conn, make(), ROWS)
        with theirs.begin() as conn:
            conn.execute(make(), ROWS)
    assert _stored(mine) == _stored(theirs)
    assert _stored(mine)[0][3] == "real"  # the integer 2 went through Float's bind processor


def test_an_update_by_a_named_key(tmp_path):
    engine = _engine(tmp_path, "u.db")
    with engine.begin() as conn:
        bulk.run_many(conn, insert(t), ROWS)
        bulk.run_many(conn, update(t).where(t.c.k == bindparam("b_k")),
                      [dict(b_k="a", n=10, x=1.5), dict(b_k="c", n=30, x=None)])
        got = conn.execute(select(t.c.k, t.c.n, t.c.x).order_by(t.c.k)).all()
    assert [tuple(r) for r in got] == [("a", 10, 1.5), ("b", 2, None), ("c", 30, None)]


def test_a_value_bound_in_the_statement_leaves_it_to_sqlalchemy(tmp_path):
    engine = _engine(tmp_path, "v.db")
    with engine.begin() as conn:
        bulk.run_many(conn, insert(t).values(note="fixed"), [dict(k="a", n=1, x=1.0)])
        bulk.run_many(conn, insert(t), [])
        assert conn.execute(select(t.c.note)).scalar_one() == "fixed"
