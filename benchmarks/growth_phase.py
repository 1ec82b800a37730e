"""The growth phase of batch_bench.py: ingest's store path as the store grows, per 1,000 articles.

``grow`` runs in a child process: the dev set's extracted records, repeated with new ids, texts
and dates, go through ``Store.ingest``; per 1,000 articles it prints the rate, its CPU seconds
(and the database server's, for PostgreSQL on this machine) and the CPU seconds of each write
phase. ``growth_store`` gives it a fresh SQLite file, an empty PostgreSQL database, or one on a
throw-away server. See batch_bench.py's docstring for the corpus.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def years_on(date: str | None, k: int) -> str | None:
    """``date`` ('2023-11-26', '2023-11' or '2023') with its year moved on by ``k``."""
    if not date or not k or not date[:4].isdigit():
        return date
    year = int(date[:4]) + k
    if date[4:10] == "-02-29" and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return f"{year:04d}-02-28"
    return f"{year:04d}{date[4:]}"


def weeks_on(date: str | None, k: int) -> str | None:
    """The old corpus: a day-precise date moved on by ``k`` weeks, a coarser one left as it is."""
    if date and len(date) == 10 and k:
        return (dt.date.fromisoformat(date) + dt.timedelta(weeks=k)).isoformat()
    return date


@contextlib.contextmanager
def growth_store(db: str | None, sqlite_file: Path):
    """(URL, postmaster pid or None) of the store the growth phase fills: a fresh SQLite file, the
    empty PostgreSQL database ``db``, or (``db`` == 'postgresql') one on a throw-away server."""
    if not db:
        for leftover in sqlite_file.parent.glob(sqlite_file.name + "*"):
            leftover.unlink()
        yield str(sqlite_file), None
        return
    if db != "postgresql":
        yield db, _postmaster_pid(db)
        return
    sys.path.insert(0, str(ROOT))
    from tests.fixtures_pg import PgCluster, _admin

    cluster = PgCluster("grow")
    cluster.start("-c synchronous_commit=off -c full_page_writes=off")  # as the tests run it
    try:
        _admin("127.0.0.1", cluster.port, "CREATE DATABASE grow")
        yield f"postgresql://postgres@127.0.0.1:{cluster.port}/grow", _postmaster_pid(None, cluster.data)
    finally:
        cluster.remove()


def _postmaster_pid(url: str | None, data: Path | None = None) -> int | None:
    """The server's postmaster pid, read from its data directory when that is on this machine."""
    try:
        if data is None:
            import psycopg

            with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
                data = Path(conn.execute("SHOW data_directory").fetchone()[0])
        return int((data / "postmaster.pid").read_text().split()[0])
    except Exception:  # noqa: BLE001 - the server's CPU is then not reported
        return None


def _server_cpu(pid: int | None) -> float:
    """CPU seconds of the postmaster and everything it started (exited children included)."""
    import psutil

    if pid is None:
        return 0.0
    total = 0.0
    try:
        procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return 0.0
    for p in procs:
        try:
            c = p.cpu_times()
            total += c.user + c.system + (c.children_user + c.children_system if p.pid == pid else 0)
        except psutil.Error:
            pass
    return total


#: write phases timed by the growth phase: (label, module, attribute); a phase missing from
#: the code at hand is passed over (story summaries were Writes._refresh_stories before 0007)
PHASES = (("syndication", "bilat.store.writes", "Writes._find_syndicated"),
          ("syndication", "bilat.store.syndication", "find_original"),
          ("seed", "bilat.store.writes", "Writes._seed_story_index"),
          ("insert_events", "bilat.store.writes", "Writes._insert_events"),
          ("story_match", "bilat.stories", "StoryIndex.assign"),
          ("pair_rollups", "bilat.store.writes", "refresh_rollups"),
          ("story_summaries", "bilat.store.writes", "Writes._refresh_stories"),
          ("story_summaries", "bilat.store.summaries", "add_records"),
          ("browse_rollups", "bilat.store.rollups", "after_batch"))


def _io_calls() -> int:
    """Read and write system calls this process has made (Linux; 0 elsewhere): unlike CPU time,
    the same on a busy machine as on a quiet one, so a change in the I/O per 1,000 shows at once."""
    try:
        io = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines() if line)
        return int(io["syscr"]) + int(io["syscw"])
    except (OSError, KeyError, ValueError):
        return 0


def _timed_phases() -> dict[str, float]:
    """Wrap the store's write phases so each adds its seconds to the returned dict."""
    import functools
    import importlib

    spent = {label: 0.0 for label, _, _ in PHASES}
    for label, module, attr in PHASES:
        try:
            owner = importlib.import_module(module)
        except ImportError:
            continue
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        fn = getattr(owner, name, None)
        if fn is None:
            continue

        def wrapper(*a, _fn=fn, _label=label, **kw):
            t = time.process_time()
            try:
                return _fn(*a, **kw)
            finally:
                spent[_label] += time.process_time() - t

        setattr(owner, name, functools.wraps(fn)(wrapper))
    return spent


def grow(articles_path: str, events_path: str, db: str, n: int, corpus: str = "feed", batch_size: int | None = None,
         server_pid: int | None = None) -> None:
    """The growth phase's child: ``n`` articles' records into a fresh store through Store.ingest;
    per 1,000 articles a line with the rate, the CPU seconds this process spent (and the database
    server's, given its postmaster's pid), the read and write system calls it made (its I/O, the
    same whatever else the machine runs) and the CPU seconds of each write phase (insert_events
    includes seed and story_match, the matching of each new event against the stories its date window
    holds; pair_rollups, once per transaction, is apart), then one JSON line. CPU time
    moves much less than the rate with what else the machine runs (up to ~10 % at a load of 4 on
    2 cores); the calls not at all."""
    import itertools
    import resource
    from collections import defaultdict
    from dataclasses import replace

    from bilat.model import Article, ArticleResult, Event
    from bilat.store import open_store
    from bilat.store.writes import BATCH_SIZE

    batch_size = batch_size or BATCH_SIZE
    spent = _timed_phases()
    move = years_on if corpus == "feed" else weeks_on
    by_article = defaultdict(list)
    for line in open(events_path, encoding="utf-8"):
        e = Event.from_dict(json.loads(line))
        by_article[e.article_id].append(replace(e, story_id=None))
    base = [json.loads(line) for line in open(articles_path, encoding="utf-8")]

    def results():
        k = 0
        while True:
            for a in base:
                aid = f"{a['id'].split('~')[0]}~g{k}"
                art = Article(id=aid, text=a["text"] + f" g{k}", published=move(a.get("published"), k),
                              url=a.get("url"), outlet=a.get("outlet"), title=a.get("title"))
                yield ArticleResult(art, tuple(replace(e, article_id=aid, event_id=f"{e.event_id}~g{k}",
                                                       date=move(e.date, k)) for e in by_article[a["id"]]))
            k += 1

    store = open_store(db, create=True)
    rates, cpu, server, phases, io_calls, done = [], [], [], [], [], 0
    last, last_cpu, last_server, before = time.perf_counter(), time.process_time(), _server_cpu(server_pid), dict(spent)
    last_io = _io_calls()

    def progress(m):
        nonlocal done, last, last_cpu, last_server, before, last_io
        prev, done = done, done + m
        # a batch that crosses a thousand counts in the thousand it ends in (batch sizes that do
        # not divide 1,000 make the per-1,000 figures uneven; 50, 200, 500 and 1,000 divide it)
        if done // 1000 > prev // 1000:
            now, now_cpu, now_server, now_io = time.perf_counter(), time.process_time(), _server_cpu(server_pid), _io_calls()
            rates.append(round(1000 / (now - last), 1))
            cpu.append(round(now_cpu - last_cpu, 2))
            server.append(round(now_server - last_server, 2))
            io_calls.append(now_io - last_io)
            phases.append({k: round(spent[k] - before[k], 2) for k in spent})
            print(f"{done // 1000 * 1000:6d} {rates[-1]:7.1f} articles/s  cpu {cpu[-1]:5.2f} s  "
                  + (f"server {server[-1]:5.2f} s  " if server_pid else "")
                  + (f"io calls {io_calls[-1] / 1000:.0f}k  " if io_calls[-1] >= 1000 else "")  # none by socket
                  + "  ".join(f"{k} {v:.2f}" for k, v in phases[-1].items()), flush=True)
            last, last_cpu, last_server, before, last_io = now, now_cpu, now_server, dict(spent), now_io

    store.ingest(itertools.islice(results(), n), batch_size=batch_size, progress=progress)
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"corpus": corpus, "batch_size": batch_size, "rates": rates, "cpu_s": cpu,
                      "server_cpu_s": server if server_pid else None, "io_calls": io_calls, "phases": phases, "peak_rss_mib": round(peak)}))
