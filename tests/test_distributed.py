"""bilat batch on a real Dask LocalCluster, against serial `bilat ingest` of the same input.

The whole store is compared table by table (timestamps and ingest-batch numbers aside):
articles, events, stories, dyads, roll-ups. One serial run of the dev set serves every test.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from bilat.cli import main
from bilat.distributed import Shard, partition_rows, plan_shards, run_shard
from bilat.model import Article, ArticleResult, Failure
from bilat.settings import Settings

from .store._data import DEV

RUN = "import sys; from bilat.cli import main; sys.exit(main())"
#: columns that say when or in which transaction a row was written, not what it holds
_WHEN = {"ingested_at", "created_at", "updated_at", "batch_id"}
_TABLES = ("articles", "events", "stories", "event_dyads", "event_issues", "event_actors", "pair_months",
           "pair_weeks", "story_pairs", "story_members", "story_keys", "story_tallies", "story_sources")


def dump(db: Path) -> dict[str, list[tuple]]:
    engine = create_engine(f"sqlite:///{db}")
    out = {}
    with engine.connect() as conn:
        for table in _TABLES:
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()
            out[table] = sorted(tuple((k, v) for k, v in r.items() if k not in _WHEN) for r in rows)
    engine.dispose()
    return out


def _cli(*args):
    return subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """The dev set through serial `bilat ingest`: the store every batch run must equal."""
    db = tmp_path_factory.mktemp("serial") / "serial.db"
    r = _cli("ingest", str(DEV / "articles.jsonl"), "--db", str(db), "-q")
    assert r.returncode == 0, r.stderr
    return dump(db)


@pytest.mark.model
def test_batch_on_two_workers_gives_the_serial_store(serial, tmp_path):
    db = tmp_path / "batch.db"
    r = _cli("batch", str(DEV / "articles.jsonl"), "--db", str(db), "--local", "2", "--shard-size", "20",
             "--dashboard", ":0", "-q")
    assert r.returncode == 0, r.stderr
    assert "Dask dashboard: http://" in r.stderr and "4 of 4 shards" in r.stderr
    got = dump(db)
    assert len(got["events"]) > 150 and len(got["stories"]) > 100
    for table in _TABLES:
        assert got[table] == serial[table], table
    assert not (tmp_path / "batch.db.batch").exists()  # partitions are gone once loaded


def _processes(pid: int) -> list[int]:
    """The process tree under ``pid`` (Linux /proc), children first found."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        children = []
        for task in Path(f"/proc/{p}/task").glob("*"):  # a thread other than the main one may start them
            try:
                children += (task / "children").read_text().split()
            except OSError:
                continue
        out += [int(c) for c in children]
        todo += [int(c) for c in children]
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.model
def test_a_killed_worker_then_a_killed_run_resume_to_the_serial_store(serial, tmp_path):
    db, work = tmp_path / "batch.db", tmp_path / "parts"
    args = ["batch", str(DEV / "articles.jsonl"), "--db", str(db), "--local", "2", "--shard-size", "3",
            "--work-dir", str(work), "--dashboard", ":0", "-q"]
    child = subprocess.Popen([sys.executable, "-c", RUN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    killed_worker = False
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and child.poll() is None:
            parts = list(work.glob("*.parquet")) if work.exists() else []
            if not killed_worker and parts:
                # a worker dies mid-run (its shard in flight is lost): Dask gives that work to another
                workers = [p for p in _processes(child.pid) if "multiprocessing" in _cmdline(p)]
                assert workers, [_cmdline(p) for p in _processes(child.pid)]
                os.kill(workers[-1], signal.SIGKILL)
                killed_worker = True
            elif killed_worker and len(parts) >= 8:
                os.killpg(child.pid, signal.SIGKILL)  # then the whole run, as a power cut would
                break
            time.sleep(0.1)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert killed_worker and child.returncode == -signal.SIGKILL, child.stderr.read()
    done = list(work.glob("*.parquet"))
    assert 8 <= len(done) < 25  # interrupted half-way: some shards done, some not
    r = _cli(*args)
    assert r.returncode == 0, r.stderr
    assert "from an earlier run" in r.stderr and f"({len(done)} from an earlier run)" in r.stderr
    got = dump(db)
    for table in _TABLES:
        assert got[table] == serial[table], table


@pytest.mark.model
def test_batch_skips_what_a_serial_ingest_stored(tmp_path):
    """Content hashes already stored are not extracted again: the worker writes them as 'stored'."""
    src = tmp_path / "a.jsonl"
    lines = (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    src.write_text("\n".join(lines[:3]) + "\n")
    db = tmp_path / "s.db"
    assert _cli("ingest", str(src), "--db", str(db), "-q").returncode == 0
    src.write_text("\n".join(lines) + "\n")
    shard = next(iter(plan_shards([str(src)], 100)))
    out = run_shard(shard, Settings(), str(tmp_path), "k", db=str(db))
    rows = list(partition_rows(out["path"]))
    assert [type(r).__name__ for r in rows] == ["tuple"] * 3 + ["ArticleResult"] * 3
    r = CliRunner().invoke(main, ["batch", str(src), "--db", str(db), "--local", "1", "--dashboard", ":0", "-q"])
    assert r.exit_code == 0, r.output
    assert "ingested 3 articles" in r.stderr and "3 already stored" in r.stderr


def test_shards_follow_the_input_order_and_cut_jsonl_by_lines(tmp_path):
    (tmp_path / "d").mkdir()
    for name in ("b.txt", "a.html", "c.txt"):
        (tmp_path / "d" / name).write_text("Text.")
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"x{i}", "text": "t"}) + "\n" for i in range(7)))
    shards = list(plan_shards([str(tmp_path / "d"), str(big)], 3))
    assert [s.index for s in shards] == list(range(len(shards)))
    assert [Path(f).name for f in shards[0].files] == ["a.html", "b.txt", "c.txt"]
    assert [(s.first_line, s.stop is None) for s in shards[1:]] == [(1, False), (4, False), (7, True)]
    ids = [a.id for s in shards[1:] for a in _read(s)]
    assert ids == [f"x{i}" for i in range(7)]


def _read(shard: Shard):
    from bilat.ingest import read_part

    return [i for i in read_part(shard.path, Settings(), shard.start, shard.stop, shard.first_line)
            if isinstance(i, Article)]


def test_partitions_round_trip_failures_and_events_exactly(tmp_path):
    from bilat.distributed import _row, _schema

    import pyarrow as pa
    import pyarrow.parquet as pq

    from .store._data import dev_results

    results = dev_results()[:10]
    rows = [_row("failure", failure=Failure("x.jsonl line 1", "B105", "[B105] broken"))]
    rows += [_row("article", article=r.article, events=r.events) for r in results]
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema(pa)), tmp_path / "p.parquet")
    back = list(partition_rows(str(tmp_path / "p.parquet")))
    assert back[0] == Failure("x.jsonl line 1", "B105", "[B105] broken")
    assert back[1:] == [ArticleResult(r.article, r.events) for r in results]


def test_stdin_and_scheduler_errors_are_numbered(tmp_path):
    r = CliRunner().invoke(main, ["batch", "-", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2 and "B612" in r.output
    r = CliRunner().invoke(main, ["batch", str(DEV / "articles.jsonl"), "--db", str(tmp_path / "x.db"),
                                  "--scheduler", "tcp://127.0.0.1:9", "-q"])
    assert r.exit_code == 2 and "[B611]" in r.stderr and "tcp://127.0.0.1:9" in r.stderr


def _profiler_state(dask_worker):
    import dask

    return dask.config.get("distributed.worker.profile.enabled"), len(dask_worker.profile_history)


def test_local_workers_run_without_the_profiler_that_grows_them():
    """A Dask worker's profiler keeps a call tree per second for 1,000 seconds: a long batch run's
    workers grew by it, so the local cluster's workers start without it."""
    from bilat.distributed import connect

    client = connect(None, 1, dashboard=":0")
    try:
        time.sleep(2.5)  # a profiling worker would have cycled twice by now
        assert list(client.run(_profiler_state).values()) == [(False, 0)]
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
