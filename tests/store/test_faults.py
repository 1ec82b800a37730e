"""Store faults end in a catalogue message, never a driver traceback, leave no partial batch, and a
re-run completes: a damaged SQLite file (B408, with what the integrity check found), the disk
full (a file-size limit; B409), the database server stopped mid-batch (B410) or unreachable
(the API's 503 B510)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine

import bilat
from bilat.cli import main
from bilat.errors import StoreError
from bilat.store.core import Store

from ._data import dev_results

ROOT = Path(__file__).resolve().parents[2]


def _record(url):
    with bilat.open_store(url) as s:
        return (s.stats()["articles"], sorted((e["event_id"], e["story_id"]) for e in s.events(limit=10_000)))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ damaged SQLite

@pytest.fixture
def damaged_db(tmp_path) -> Path:
    path = tmp_path / "damaged.db"
    with bilat.open_store(str(path)) as store:
        store.ingest(dev_results()[:10])
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    # the header page (and the schema on it) intact; every other page overwritten
    for off in range(page, len(data), 7):
        data[off] = (off * 31) & 0xFF
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("args", [["stats"], ["events", "--pair", "CHN-JPN"], ["export", "--format", "csv"],
                                  ["stories"], ["pair", "CHN", "JPN"], ["ingest", "-"]])
def test_damaged_sqlite_is_reported_not_traced(damaged_db, args):
    r = CliRunner().invoke(main, [*args, "--db", str(damaged_db)], input='{"id": "x", "text": "y"}\n')
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    assert "[B408]" in r.stderr and str(damaged_db) in r.stderr
    assert "integrity check" in r.stderr or "not a SQLite database" in r.stderr
    assert ".recover" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_damaged_sqlite_through_the_library(damaged_db):
    with pytest.raises(StoreError) as err:
        with bilat.open_store(str(damaged_db)) as store:
            store.stats()
    assert err.value.code == "B408"


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"id": "a", "text": "not a database"}\n' * 200)
    r = CliRunner().invoke(main, ["stats", "--db", str(path)])
    assert r.exit_code == 2 and "[B408]" in r.stderr and "not a SQLite database" in r.stderr, r.output


# ---------------------------------------------------------------------- disk full

FILL = textwrap.dedent("""
    import resource, sys
    sys.path.insert(0, {root!r})
    import bilat
    from bilat.errors import StoreError
    from tests.store._data import dev_results
    store = bilat.open_store({url!r})
    resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
    try:
        store.ingest(dev_results(), batch_size=5)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)
""")


def test_disk_full_mid_ingest_keeps_whole_batches_and_a_rerun_completes(tmp_path):
    clean_url = str(tmp_path / "clean.db")
    with bilat.open_store(clean_url) as s:
        s.ingest(dev_results(), batch_size=5)
    url = str(tmp_path / "full.db")
    bilat.open_store(url).close()
    size = Path(url).stat().st_size
    script = FILL.format(root=str(ROOT), url=url, limit=size + 200_000)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert "[B409]" in r.stderr and "run the same command again" in r.stderr
    # only whole batches: every stored article has its events
    with bilat.open_store(url) as s:
        stored = s.stats()["articles"]
        assert 0 < stored < len(dev_results())
        for a in s.articles(limit=500).rows:
            assert len(s.events(article=a["article_id"], limit=500).rows) == a["n_events"]
        s.ingest(dev_results(), batch_size=5)
    assert _record(url) == _record(clean_url)


# ------------------------------------------------------------ PostgreSQL stopped

@contextmanager
def _private_pg():
    """A PostgreSQL server of its own, which the test may stop and start again."""
    from tests.fixtures_pg import PgCluster

    cluster = PgCluster("pgf")
    cluster.start()
    try:
        yield f"postgresql://postgres@127.0.0.1:{cluster.port}/postgres", cluster.start, cluster.stop
    finally:
        cluster.remove()


@pytest.mark.postgres
def test_postgres_stopped_mid_ingest(tmp_path):
    clean_url = str(tmp_path / "clean.db")
    with bilat.open_store(clean_url) as s:
        s.ingest(dev_results(), batch_size=5)
    with _private_pg() as (url, start, stop):
        store = bilat.open_store(url)
        batches = []

        def results():
            for i, r in enumerate(dev_results()):
                if i == 12:  # two batches of 5 committed, the third in flight
                    stop()
                yield r

        with pytest.raises(StoreError) as err:
            store.ingest(results(), batch_size=5, progress=batches.append)
        store.close()
        assert err.value.code == "B410" and "run the same command again" in err.value.message
        assert "127.0.0.1" in err.value.message and len(err.value.message.splitlines()) == 1
        assert batches == [5, 5]
        start()
        with bilat.open_store(url) as s:
            assert s.stats()["articles"] == 10  # the batch in flight left nothing
            s.ingest(dev_results(), batch_size=5)
        assert _record(url)[1] == _record(clean_url)[1]


@pytest.mark.postgres
def test_cli_reports_a_stopped_postgres_in_one_line(tmp_path):
    with _private_pg() as (url, start, stop):
        bilat.open_store(url).close()
        stop()
        for args in (["stats"], ["events"], ["ingest", "-"]):
            r = CliRunner().invoke(main, [*args, "--db", url], input='{"id": "x", "text": "y"}\n')
            assert r.exit_code == 2, r.output
            assert "Traceback" not in r.output and "[B401]" in r.stderr, r.output
            assert len(r.stderr.strip().splitlines()) == 1, r.stderr


# ----------------------------------------------------------------- API and pages

def test_unreachable_store_is_503_store_unavailable():
    from tests.fixtures_web import ThreadServer, make_app

    url = f"postgresql://postgres@127.0.0.1:{_free_port()}/gone"
    pytest.importorskip("psycopg")
    store = Store(create_engine(url.replace("postgresql://", "postgresql+psycopg://")), url)
    with ThreadServer(make_app(store)) as server, httpx.Client(base_url=server.url, timeout=30) as c:
        for path in ("/api/stats", "/api/events", "/pair/CHN/JPN.json"):
            r = c.get(path)
            assert r.status_code == 503, (path, r.text)
            body = r.json()
            assert body["code"] == "B510" and "127.0.0.1" not in body["message"] and "gone" not in body["message"]
        r = c.get("/")
        assert r.status_code == 503 and "text/html" in r.headers["content-type"] and "B510" in r.text


RUN = "import sys; from bilat.cli import main; sys.exit(main())"


def _count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return -1


@pytest.mark.postgres
@pytest.mark.model
def test_cli_ingest_with_postgres_stopped_mid_way_says_to_rerun(tmp_path, nlp):
    """The issue's case end to end: `bilat ingest` loses its server after some batches; one line says
    so and to re-run, nothing partial is kept, and the re-run gives the record of an unbroken run."""
    from ._data import DEV

    src = tmp_path / "articles.jsonl"
    with open(DEV / "articles.jsonl", encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()][:24]
    src.write_text("".join(lines), encoding="utf-8")
    n = len(lines)
    clean = str(tmp_path / "clean.db")
    env = {**os.environ, "BILAT_BATCH_SIZE": "2"}
    done = subprocess.run([sys.executable, "-c", RUN, "ingest", str(src), "--db", clean, "--batch-size", "2", "-q"],
                          capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode in (0, 1), done.stderr
    with _private_pg() as (url, start, stop):
        bilat.open_store(url).close()
        proc = subprocess.Popen([sys.executable, "-c", RUN, "ingest", str(src), "--db", url, "--batch-size", "2", "-q"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.time() + 300
        while _count(url) < 4 and proc.poll() is None and time.time() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None, "the ingest ended before the server could be stopped"
        stop()
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 2, err
        assert "Traceback" not in err
        last = err.strip().splitlines()[-1]
        assert last.startswith("[B410]") and "run the same command again" in last and "127.0.0.1" in last
        start()
        kept = _count(url)
        assert 4 <= kept < n and kept % 2 == 0  # whole batches only
        again = subprocess.run([sys.executable, "-c", RUN, "ingest", str(src), "--db", url, "--batch-size", "2", "-q"],
                               capture_output=True, text=True, timeout=600, env=env)
        assert again.returncode == done.returncode, again.stderr
        assert f"{kept} already stored" in again.stderr
        assert _record(url)[1] == _record(clean)[1]
