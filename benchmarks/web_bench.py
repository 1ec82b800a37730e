"""Dashboard and API benchmark: every page over real HTTP on the 1M-event store, SQLite and PostgreSQL.

    python benchmarks/web_bench.py                                   # SQLite: bench-out/bench1m.db (built if missing)
    python benchmarks/web_bench.py --pg                              # also PostgreSQL: a server of its own in bench-out/pg
    python benchmarks/web_bench.py --events 100000 --db bench-out/bench100k.db --requests 10
    python benchmarks/web_bench.py --json bench-out/web_after.json --workers 2

The store is filled by ``store_bench.bulk_fill`` (synthetic events with a realistic shape) and
cached: a store that already holds ``--events`` events is reused, so the fill (many minutes at
1M events) happens once. ``bilat serve --workers N`` is started on it as a subprocess; each
page is requested ``--requests`` times in turn (after one warm-up request each) with the
parameters drawn from the data (the busiest pair, a pair of middle rank, the busiest country,
a person, a search word, deep pages), and p50/p95 are printed per page; every timed request asks for
a fresh answer (``Cache-Control: no-cache``), so what is timed is the page's work, not the answer the
server keeps per store version. Then ``--clients`` concurrent clients (default 16 and 64) request the
busiest pair page and a mix of pages for ``--seconds`` each, once asking fresh answers ("fresh") and
once as browsers do ("kept": the server may send what it kept): requests/s, p50, p95 and p99. A page answering anything but 200 is reported, never
timed silently. "pair first view (20 pairs)" asks twenty pairs no other page asks for, each once:
what a pair page costs the first time it is seen since the store changed (or the server started),
when nothing it shows has been read or drawn yet.

``--cold`` (SQLite): before every timed request of the page table, the store's files are dropped from
the OS cache (``posix_fadvise(DONTNEED)`` on the database and its -wal, after a checkpoint), so each one
reads from the disk whatever the server's own SQLite page cache does not hold: the worst case of a
store larger than the machine's memory. Without it the files stay in the OS cache after the warm-up.
"""
from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
# BENCH_SRC: another checkout's src/ (the code before a change), for before/after figures on one store
SRC = os.environ.get("BENCH_SRC", str(ROOT / "src"))
sys.path.insert(0, SRC)
sys.path.insert(0, str(ROOT / "benchmarks"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ the stores

def sqlite_store(path: str, n_events: int) -> str:
    """The SQLite store at ``path``, filled with ``n_events`` events unless it holds them already."""
    ensure_filled(path, n_events)
    return path


def pg_server(root: Path) -> tuple[str, callable]:
    """A PostgreSQL server with its data kept in ``root`` (initdb on first use); returns (url, stop)."""
    import glob

    bindir = next((Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
                   if (Path(p) / "initdb").exists()), None)
    if bindir is None:
        sys.exit("PostgreSQL binaries not found (apt-get install postgresql)")
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data, sock = root / "data", root / "sock"
    env = {**os.environ, "LC_ALL": "C"}
    if not data.exists():
        root.mkdir(parents=True, exist_ok=True)
        sock.mkdir(exist_ok=True)
        if prefix:
            shutil.chown(root, "postgres", "postgres")
            shutil.chown(sock, "postgres", "postgres")
        subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E",
                                 "UTF8", "--no-instructions"], check=True, capture_output=True, env=env)
    port = free_port()
    opts = (f"-p {port} -c listen_addresses=127.0.0.1 -k {sock} -c fsync=off -c shared_buffers=1GB "
            f"-c work_mem=32MB -c max_connections=200")
    subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w",
                             "-t", "120", "start"], check=True, capture_output=True, env=env)
    url = f"postgresql://postgres@127.0.0.1:{port}/"
    import psycopg

    with psycopg.connect(url + "postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = 'bench'").fetchone():
            c.execute("CREATE DATABASE bench")

    def stop():
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True,
                       env=env)

    return url + "bench", stop


def ensure_filled(url: str, n_events: int) -> None:
    import bilat
    from store_bench import bulk_fill

    t0 = time.perf_counter()
    store = bilat.open_store(url)  # brings an older store to the current schema (roll-ups included)
    migrated = time.perf_counter() - t0
    have = store.stats()["events"]
    if have >= n_events:
        print(f"reusing {store!r}: {have:,} events (open/migrate {migrated:.1f}s)", file=sys.stderr)
        store.close()
        return
    if have:
        sys.exit(f"{store!r} holds {have:,} events, fewer than --events {n_events:,}: remove it or pass --events")
    print(f"filling {store!r} with {n_events:,} events (once; cached for later runs)", file=sys.stderr)
    t = time.perf_counter()
    bulk_fill(store, n_events)
    fill = time.perf_counter() - t
    t = time.perf_counter()
    rebuild(store)
    print(f"\nfilled in {fill:.0f}s, roll-ups and search index in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    store.close()


def rebuild(store) -> None:
    """The derived tables from the bulk-loaded rows (older code takes no progress callback), then ANALYZE
    (on PostgreSQL VACUUM ANALYZE: until the visibility map is set, an index-only scan reads the heap too,
    and the first runs after a fill would time autovacuum's progress, not the pages)."""
    import inspect

    from sqlalchemy import text

    from bilat.store.engine import writer

    if "progress" in inspect.signature(store.rebuild_rollups).parameters:
        store.rebuild_rollups(progress=lambda d, n: print(f"\r  roll-ups {d:,}/{n:,}", end="", file=sys.stderr))
    else:
        store.rebuild_rollups()
    if store.engine.dialect.name == "postgresql":
        with writer(store.engine).connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
        return
    with writer(store.engine).begin() as conn:
        conn.execute(text("ANALYZE"))


def evict(db: str) -> None:
    """Drop a SQLite store's files from the OS cache (clean pages only: checkpointed first)."""
    import sqlite3

    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in (db, db + "-wal"):
        if os.path.exists(path):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


# ------------------------------------------------------------------ the server

class Server:
    def __init__(self, db: str, workers: int):
        self.port = free_port()
        cmd = [sys.executable, "-c", "from bilat.cli import main; main()", "serve", "--db", db, "--port",
               str(self.port), "--log-level", "warning"]
        if workers > 1:
            cmd += ["--workers", str(workers)]
        env = {**os.environ, "PYTHONPATH": SRC}
        self.proc = subprocess.Popen(cmd, env=env)
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                status, _, _ = self.get("/api/stats")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        sys.exit("the server did not start")

    def get(self, path: str, conn: http.client.HTTPConnection | None = None, fresh: bool = True
            ) -> tuple[int, int, float]:
        """``fresh``: Cache-Control: no-cache, so the server makes the answer rather than sending the one
        it kept for this store version (web/page_cache.py): the timings are of the page's work."""
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Accept": "text/html"} if not path.startswith("/api") else {}
        if fresh:
            headers["Cache-Control"] = "no-cache"
        t = time.perf_counter()
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        ms = (time.perf_counter() - t) * 1000
        if own:
            conn.close()
        return resp.status, len(body), ms

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ------------------------------------------------------------------ the pages

def pages(db: str, seed: int = 3) -> dict[str, list[str]]:
    """Page name -> the URLs to request (drawn from the store's own data)."""
    import bilat
    from sqlalchemy import text

    store = bilat.open_store(db)
    top = store.top_pairs(60)
    busy, mid = top[0]["pair"], top[min(50, len(top) - 1)]["pair"]
    rng = random.Random(seed)
    with store.engine.connect() as conn:
        sid = conn.execute(text("SELECT story_id FROM stories ORDER BY story_id LIMIT 1 OFFSET 12345")).scalar()
        eid, aid = conn.execute(text("SELECT event_id, article_id FROM events WHERE seq = 54321")).one()
    store.close()
    a, b = busy.split("-")
    c, d = mid.split("-")
    words = [f"w{rng.randrange(5000)}" for _ in range(20)]
    # words no other row asks for (drawn after the others, which stay as they were): each request of the
    # search rows below reads its matches cold (the server keeps a search's matches while the store is
    # unchanged)
    fresh = [f"w{rng.randrange(5000)}" for _ in range(60)]
    # filtered views of twenty different pairs and countries, so that each request reads its list cold
    # (the server keeps a list it has read while the store is unchanged)
    spread = [p["pair"].split("-") for p in top[:20]]
    issues = ["taiwan", "trade", "sanctions", "climate", "north-korea"]
    return {
        "home": ["/"],
        "pairs": ["/pairs"],
        "pair busiest": [f"/pair/{a}/{b}"],
        "pair busiest 2023": [f"/pair/{a}/{b}?since=2023&until=2023"],
        "pair mid": [f"/pair/{c}/{d}"],
        "pair busiest page 200": [f"/pair/{a}/{b}?offset=5000"],
        "pair busiest A->B": [f"/pair/{a}/{b}?source={a}"],
        # a pair page seen first pays for drawing its charts (kept per store version): twenty pairs
        "pairs (20 pairs)": [f"/pair/{x}/{y}" for x, y in spread],
        # the first view since the store changed (or since the server started): twenty-one pairs no other
        # page asks for, the warm-up on the last, so every timed request draws and reads cold
        "pair first view (20 pairs)": [f"/pair/{x}/{y}" for x, y in (p["pair"].split("-") for p in top[20:41])],
        "pairs A->B (20 pairs)": [f"/pair/{x}/{y}?source={y}" for x, y in spread],
        "pairs filtered (20 pairs)": [f"/pair/{x}/{y}?type=ACCUSE&since=2021&source={x}" for x, y in spread],
        "pairs issue (20 pairs)": [f"/pair/{x}/{y}?issue={issues[i % 5]}" for i, (x, y) in enumerate(spread)],
        "actors": ["/actors"],
        "actor country": [f"/actor/{a}"],
        "actor person": [f"/actor/{quote('Minister of ' + b)}"],
        "actors filtered (20)": [f"/actor/{x}?issue={issues[i % 5]}&type=ACCUSE" for i, (x, _) in enumerate(spread)],
        "actors year (20)": [f"/actor/{quote('Minister of ' + y)}?since={2018 + i % 7}&until={2018 + i % 7}"
                             for i, (_, y) in enumerate(spread)],
        "events": ["/events"],
        "events pair+type+since": [f"/events?pair={busy}&type=ACCUSE&since=2021"],
        "events actor+issue": [f"/events?actor={a}&issue=taiwan"],
        "search word": [f"/events?q={w}" for w in words],
        "search phrase": [f"/events?{urlencode({'q': f'{b.lower()} {w}'})}" for w in words[:5]],
        "search two words (20)": [f"/events?{urlencode({'q': f'{v} {w}'})}" for v, w in zip(fresh[:20], fresh[20:40])],
        "search quoted phrase (20)": [f"/events?{urlencode({'q': chr(34) + y.lower() + ' ' + w + chr(34)})}"
                                      for (_, y), w in zip(spread, fresh)],
        "search + filter (20)": [f"/events?{urlencode({'q': w, **({'type': 'ACCUSE'} if i % 2 else {'since': '2020'})})}"
                                 for i, w in enumerate(fresh[40:])],
        "events offset 500k": ["/events?offset=500000"],
        "events offset 999k": ["/events?offset=999000"],
        "story": [f"/story/{sid}"],
        "story filtered": [f"/story/{sid}?type=CONSULT"],
        "event": [f"/event/{eid}"],
        "article": [f"/article/{aid}"],
        "api events": [f"/api/events?pair={busy}"],
        "api pair": [f"/api/pairs/{a}/{b}"],
        "api stances": [f"/api/pairs/{a}/{b}/stances"],
        "api actors": ["/api/actors"],
        "api stats": ["/api/stats"],
        "issues": ["/issues"],
    }


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def time_pages(server: Server, urls: dict[str, list[str]], n: int, cold: str | None = None) -> dict[str, dict]:
    """p50/p95 of each page; ``cold``: the SQLite file to drop from the OS cache before each timed request."""
    out = {}
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    for name, paths in urls.items():
        first_view = "first view" in name and len(paths) > 1
        status, size, _ = server.get(paths[-1] if first_view else paths[0], conn)  # warm-up, and the status
        if status != 200:
            out[name] = {"status": status}
            print(f"{name:26s} HTTP {status}  ({paths[0]})")
            continue
        if first_view:  # each timed once, none the warm-up
            paths = paths[:-1]
        ms = []
        for i in range(n):
            if cold:
                evict(cold)
            ms.append(server.get(paths[i % len(paths)], conn)[2])
        out[name] = {"p50_ms": round(pct(ms, 50), 1), "p95_ms": round(pct(ms, 95), 1), "bytes": size}
        print(f"{name:26s} p50 {pct(ms, 50):8.1f} ms   p95 {pct(ms, 95):8.1f} ms   {size / 1024:8.0f} KB   "
              f"{'ok' if pct(ms, 95) < 200 else 'SLOW'}", flush=True)
    conn.close()
    return out


def load(server: Server, paths: list[str], clients: int, seconds: float, fresh: bool) -> dict:
    """``clients`` threads, each on its own keep-alive connection, for ``seconds``; ``fresh``: every
    answer made afresh (no-cache), else the server may send what it kept."""
    times, errors = [], []
    stop = time.time() + seconds

    def client(k):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        i = k
        while time.time() < stop:
            try:
                status, _, ms = server.get(paths[i % len(paths)], conn, fresh)
            except (OSError, http.client.HTTPException) as exc:
                errors.append(str(exc))
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
                continue
            (times if status == 200 else errors).append(ms if status == 200 else status)
            i += 1

    t = time.time()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.time() - t
    return {"clients": clients, "requests_per_s": round(len(times) / wall, 1),
            **{f"p{q}_ms": round(pct(times, q), 1) if times else None for q in (50, 95, 99)}, "errors": len(errors)}


def bench(label: str, db: str, args) -> dict:
    print(f"\n== {label}: {db}  (code {SRC}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
          f"{'; cold: files dropped before each request' if args.cold else ''})", flush=True)
    urls = {k: v for k, v in pages(db, args.seed).items() if not args.only or any(o in k for o in args.only)}
    server = Server(db, args.workers)
    try:
        cold = db if args.cold and "://" not in db else None
        figures = {"pages": time_pages(server, urls, args.requests, cold), "load": []}
        mix = [p for name in ("pair busiest", "pair mid", "home", "actor country", "events", "search word")
               for p in urls.get(name, [])[:3]]
        for clients in (args.clients if not args.only else []):
            for (name, paths), fresh in itertools.product((("pair busiest", urls["pair busiest"]), ("mix", mix)),
                                                          (True, False)):
                r = load(server, paths, clients, args.seconds, fresh)
                name = f"{name}, {'fresh' if fresh else 'kept'}"
                figures["load"].append({"page": name, **r})
                print(f"{clients:3d} clients, {name:19s}: {r['requests_per_s']:7.1f} req/s   p50 {r['p50_ms']} ms   "
                      f"p95 {r['p95_ms']} ms   p99 {r['p99_ms']} ms   errors {r['errors']}", flush=True)
    finally:
        server.stop()
    figures["load_avg_after"] = os.getloadavg()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    return figures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(ROOT / "bench-out" / "bench1m.db"), help="SQLite store (built if missing)")
    ap.add_argument("--pg", action="store_true", help="also PostgreSQL, on a server kept in bench-out/pg")
    ap.add_argument("--pg-only", action="store_true", help="only PostgreSQL")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=30, help="timed requests per page")
    ap.add_argument("--clients", type=int, nargs="*", default=[16, 64])
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--workers", type=int, default=2, help="bilat serve --workers")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--seed", type=int, default=3, help="draws the search words (another seed: words not read "
                                                        "before, for a run after another on the same store)")
    ap.add_argument("--cold", action="store_true", help="SQLite: drop the store's files from the OS cache before "
                                                         "each timed request of the page table")
    ap.add_argument("--only", nargs="*", default=None, help="only the pages whose name contains one of these "
                                                            "(no load test), e.g. --only search pair")
    args = ap.parse_args(argv)
    out = {"workers": args.workers, "cpus": os.cpu_count(), "load_avg": os.getloadavg(), "cold": args.cold,
           "src": SRC}
    if not args.pg_only:
        t = time.perf_counter()
        sqlite_store(args.db, args.events)
        out["sqlite_prepare_s"] = round(time.perf_counter() - t, 1)
        out["sqlite"] = bench("SQLite", args.db, args)
    if args.pg or args.pg_only:
        url, stop = pg_server(ROOT / "bench-out" / "pg")
        try:
            t = time.perf_counter()
            ensure_filled(url, args.events)
            out["postgresql_prepare_s"] = round(time.perf_counter() - t, 1)
            out["postgresql"] = bench("PostgreSQL", url, args)
        finally:
            stop()
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
