"""Store benchmark: fill a store with synthetic events, then time the queries analysts run.

    python benchmarks/store_bench.py                      # 1,000,000 events into a temp SQLite file
    python benchmarks/store_bench.py --db postgresql://postgres@127.0.0.1:5432/bench --events 1000000
    python benchmarks/store_bench.py --events 100000 --queries 100

Synthetic data with a realistic shape: country pairs Zipf-distributed (a few dyads carry
most of the news, as in GDELT/ICEWS), PLOVER types with CONSULT and verbal conflict most
frequent, 2018-2024 dates, 1-3 events per article and stories told by 1-6 articles.

The bulk fill writes the store's tables directly, in 20,000-event transactions (the rows
are exactly those ``Store.ingest`` writes, built with the same helpers; COPY on PostgreSQL,
executemany on SQLite), then rebuilds the pair roll-ups; its rate is the "bulk ingest rate". ``Store.ingest`` itself — story matching against the full store,
syndication lookup, one transaction per batch — is then timed on a further sample of
articles ("ingest rate, full path"). Query latencies are p50/p95 over --queries runs:
pair timeline (month), pair timeline (week), and the event list with filters
(pair + type + since, first page of 100 with total count). Query pairs are drawn with
the same weights as the data, so popular dyads are queried more, as users do.
"""
from __future__ import annotations

import argparse
import itertools
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import text  # noqa: E402

import bilat  # noqa: E402
from bilat import analysis  # noqa: E402
from bilat.model import Actor, Article, ArticleResult, Event, Evidence  # noqa: E402
from bilat.store import fingerprint as fp  # noqa: E402
from bilat.store.records import _now, actor_key, event_row, summarise_story  # noqa: E402
from bilat.store.engine import writer  # noqa: E402
from bilat.store.schema import articles, event_actors, event_dyads, event_issues, events, stories  # noqa: E402

COUNTRIES = ("USA CHN RUS JPN KOR PRK GBR FRA DEU IND PAK IRN ISR TUR UKR SAU EGY BRA AUS CAN ITA ESP MEX IDN "
             "VNM PHL THA MYS SGP TWN NLD BEL POL SWE NOR FIN DNK GRC SYR IRQ AFG ETH SDN NGA ZAF KEN ARG CHL COL "
             "VEN CUB QAT ARE IGO:UN IGO:EU IGO:NATO IGO:ASEAN IGO:IAEA").split()
TYPES = {"CONSULT": 26, "ACCUSE": 12, "REQUEST": 10, "AGREE": 10, "SUPPORT": 9, "COOPERATE": 5, "REJECT": 5,
         "THREATEN": 4, "SANCTION": 3, "AID": 3, "ASSAULT": 3, "CONCEDE": 2, "MOBILIZE": 2, "COERCE": 2,
         "PROTEST": 2, "RETREAT": 2}
CAMEO = {"CONSULT": "042", "ACCUSE": "112", "REQUEST": "1041", "AGREE": "036", "SUPPORT": "051", "COOPERATE": "061",
         "REJECT": "120", "THREATEN": "138", "SANCTION": "163", "AID": "073", "ASSAULT": "190", "CONCEDE": "081",
         "MOBILIZE": "152", "COERCE": "173", "PROTEST": "141", "RETREAT": "086"}
ISSUES = ("taiwan", "nuclear-wastewater", "seafood-import-ban", "export-controls", "territorial-dispute",
          "trade", "sanctions", "north-korea", "climate")
START = dt.date(2018, 1, 1)
DAYS = 7 * 365


def make_pairs(rng: random.Random):
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]
    rng.shuffle(pairs)
    weights = [1 / (rank + 1) for rank in range(len(pairs))]  # Zipf, s = 1
    return pairs, list(itertools.accumulate(weights))  # cumulative: random.choices stays O(log n)


def synth_story(rng, pairs, weights, k):
    """A real-world event and the records of the articles that report it."""
    a, b = rng.choices(pairs, cum_weights=weights)[0]
    if rng.random() < 0.5:
        a, b = b, a
    etype = rng.choices(list(TYPES), list(TYPES.values()))[0]
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    issues = tuple(rng.sample(ISSUES, 1)) if rng.random() < 0.35 else ()
    return a, b, etype, day.isoformat(), issues


def make_event(eid, aid, a, b, etype, date, issues, text_words):
    sentence = f"{a} {etype.lower()} {b} " + " ".join(text_words)
    return Event(event_id=eid, article_id=aid, type=etype, cameo=CAMEO[etype], date=date, date_basis="explicit",
                 source=(Actor(name=f"Minister of {a}", kind="person", country=a, sector="GOV", role="Minister"),),
                 target=(Actor(country=b),), issues=issues,
                 evidence=(Evidence(sentence, 0, len(sentence)),), confidence=0.8)


def generate(n_events: int, seed: int = 7):
    """Yield (article row, [(Event, story_id)]) with about n_events events in total."""
    rng = random.Random(seed)
    pairs, weights = make_pairs(rng)
    vocab = [f"w{i}" for i in range(5000)]
    made, k = 0, 0
    while made < n_events:
        k += 1
        n_reports = min(1 + int(rng.expovariate(0.9)), 6)
        a, b, etype, date, issues = synth_story(rng, pairs, weights, k)
        sid = f"st-bench{k:010d}"
        for r in range(n_reports):
            aid = f"bench-{k}-{r}"
            words = rng.sample(vocab, 12)
            evs = [(make_event(f"ev-{k}-{r}-0", aid, a, b, etype, date, issues, words), sid)]
            # some articles also carry a background event of another story-less kind
            if rng.random() < 0.3:
                c, d, t2, d2, i2 = synth_story(rng, pairs, weights, k)
                evs.append((make_event(f"ev-{k}-{r}-1", aid, c, d, t2, d2, i2, words), f"st-bench{k:010d}b{r}"))
            made += len(evs)
            yield aid, " ".join(words), evs
            if made >= n_events:
                return


def bulk_fill(store, n_events: int, chunk: int = 20_000) -> float:
    eng = writer(store.engine)
    seq = 0
    buf: dict[str, list] = {"a": [], "e": [], "d": [], "i": [], "x": []}
    story_rows: dict[str, list] = {}
    srng = random.Random(11)
    t0 = time.perf_counter()

    def flush():
        with eng.begin() as conn:
            for table, key in ((articles, "a"), (events, "e"), (event_dyads, "d"), (event_issues, "i"),
                               (event_actors, "x")):
                bulk(conn, table, buf[key])
                buf[key].clear()

    for aid, body, evs in generate(n_events):
        h = fp.content_hash(body, aid)
        sh = srng.getrandbits(64)  # a random simhash: realistic band spread without hashing every text
        b = fp.bands(sh)
        buf["a"].append(dict(article_id=aid, content_hash=h, simhash=fp.to_signed(sh), band0=b[0], band1=b[1],
                             band2=b[2], band3=b[3],
                             syndicate_of=aid, outlet=f"outlet{hash(aid) % 300}", url=f"https://news.example/{aid}",
                             title=None, published=evs[0][0].date, language="en", text=body, n_events=len(evs),
                             batch_id=None, ingested_at="2025-01-01T00:00:00+00:00"))
        for e, sid in evs:
            seq += 1
            row = event_row(e, sid, seq)
            buf["e"].append(row)
            keys = analysis.period_keys(e.date)
            for s, t, directed in analysis.dyads(e):
                buf["d"].append(dict(event_id=e.event_id, story_id=sid, article_id=aid,
                                     pair_key=analysis.pair_key(s, t), src=s, tgt=t, directed=int(directed),
                                     type=e.type, quad=row["quad"], plover=row["plover"], goldstein=row["goldstein"],
                                     day=keys["day"], week=keys["week"], month=keys["month"]))
            for issue in e.issues:
                buf["i"].append(dict(event_id=e.event_id, issue=issue))
            for side in ("source", "target"):
                for pos, act in enumerate(getattr(e, side)):
                    buf["x"].append(dict(event_id=e.event_id, side=side, pos=pos,
                                         actor_key=actor_key(act.name, act.country), name=act.name, kind=act.kind,
                                         country=act.country, sector=act.sector, role=act.role))
            story_rows.setdefault(sid, []).append(_StoryMember(e, row, aid))
        if len(buf["e"]) >= chunk:
            flush()
            print(f"\r  {seq:,} events", end="", file=sys.stderr, flush=True)
    flush()
    # story summaries, computed as the store computes them
    now = _now()
    rows = []
    with eng.begin() as conn:
        for sid, members in story_rows.items():
            pk = {analysis.pair_key(s, t) for m in members for s, t, _ in analysis.dyads(m.event)}
            rows.append(dict(story_id=sid, created_at=now, updated_at=now, story_no=members[0].seq,  # (0016)
                             **summarise_story(sid, members, pk)))
            if len(rows) >= chunk:
                bulk(conn, stories, rows)
                rows = []
        bulk(conn, stories, rows)
    print(file=sys.stderr)
    return time.perf_counter() - t0


def bulk(conn, table, rows: list[dict]) -> None:
    """Load plain rows the fastest ordinary way per database: COPY on PostgreSQL,
    driver-level executemany on SQLite (no per-row SQL compilation either way)."""
    if not rows:
        return
    cols = list(rows[0])
    if conn.dialect.name == "postgresql":
        cur = conn.connection.driver_connection.cursor()
        with cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(tuple(r[c] for c in cols))
        return
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join(['?'] * len(cols))})"
    conn.exec_driver_sql(sql, [tuple(r[c] for c in cols) for r in rows])


class _StoryMember:
    """The attributes summarise_story reads from a joined events/articles row."""

    def __init__(self, e, row, aid):
        self.event = e
        self.type, self.date, self.article_id = e.type, e.date, aid
        self.source_countries, self.target_countries = row["source_countries"], row["target_countries"]
        self.issues, self.goldstein, self.evidence_text = row["issues"], row["goldstein"], row["evidence_text"]
        self.outlet, self.url, self.syndicate_of = f"outlet{hash(aid) % 300}", None, aid
        self.seq = row["seq"]  # the first member's numbers its story


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def timed(fn, n):
    out = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="store URL (default: a new SQLite file in a temp dir)")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--ingest-sample", type=int, default=300, help="articles ingested through Store.ingest")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--reuse", action="store_true", help="skip the fill when --db already holds --events events")
    args = ap.parse_args(argv)
    url = args.db or str(Path(tempfile.mkdtemp(prefix="bilat-bench-")) / "bench.db")
    store = bilat.open_store(url)
    print(f"store: {store!r}", file=sys.stderr)
    n = store.stats()
    if args.reuse and n["events"] >= args.events:
        fill_s = None
        print(f"reusing {n['events']:,} events, {n['stories']:,} stories, {n['articles']:,} articles")
    else:
        fill_s = bulk_fill(store, args.events)
        t = time.perf_counter()
        store.rebuild_rollups()
        fill_s += time.perf_counter() - t
        with writer(store.engine).begin() as conn:
            conn.execute(text("ANALYZE"))
        n = store.stats()
        print(f"filled {n['events']:,} events, {n['stories']:,} stories, {n['articles']:,} articles in {fill_s:.1f}s "
              f"= {n['events'] / fill_s:,.0f} events/s (bulk)")

    # the full ingest path on top of the big store
    rng = random.Random(99)
    run = f"{time.time_ns():x}"  # fresh ids, so a reused store ingests the sample for real
    pairs, weights = make_pairs(random.Random(7))
    sample = []
    for i in range(args.ingest_sample):
        a, b, etype, date, issues = synth_story(rng, pairs, weights, i)
        aid = f"sample-{run}-{i}"
        body = f"{run} " + " ".join(rng.sample([f"w{j}" for j in range(5000)], 60))
        ev = make_event(f"ev-{aid}", aid, a, b, etype, date, issues, body.split()[1:13])
        sample.append(ArticleResult(article=Article(id=aid, text=body, published=date, outlet=f"o{i % 50}"),
                                    events=(ev,)))
    t = time.perf_counter()
    rep = store.ingest(sample, batch_size=50)
    ing_s = time.perf_counter() - t
    print(f"Store.ingest full path: {rep['articles_stored']} articles / {rep['events_stored']} events in {ing_s:.2f}s "
          f"= {rep['articles_stored'] / ing_s:,.0f} articles/s ({rep['stories_updated']} joined existing stories)")

    qrng = random.Random(5)
    qpairs = [qrng.choices(pairs, cum_weights=weights)[0] for _ in range(args.queries)]
    since = [(START + dt.timedelta(days=qrng.randrange(DAYS))).isoformat() for _ in range(args.queries)]
    qtypes = [qrng.choices(list(TYPES), list(TYPES.values()))[0] for _ in range(args.queries)]
    store.pair(*qpairs[0])  # warm the cache
    results = {}
    results["pair_timeline_month"] = timed(lambda i: store.pair(*qpairs[i], period="month"), args.queries)
    results["pair_timeline_week"] = timed(lambda i: store.pair(*qpairs[i], period="week"), args.queries)
    results["events_filtered"] = timed(lambda i: store.events(pair="-".join(qpairs[i]), type=qtypes[i],
                                                              since=since[i], limit=100), args.queries)
    results["events_pair_page"] = timed(lambda i: store.events(pair="-".join(qpairs[i]), limit=100), args.queries)
    results["stories_pair"] = timed(lambda i: store.stories(pair="-".join(qpairs[i]), limit=50), min(args.queries, 50))
    top = store.top_pairs(3)
    figures = {"url": repr(store), "events": n["events"], "bulk_events_per_s": round(n["events"] / fill_s) if fill_s else None,
               "ingest_articles_per_s": round(rep["articles_stored"] / ing_s), "top_pairs": top}
    print(f"top pairs: {top}")
    for name, ms in results.items():
        p50, p95 = pct(ms, 50), pct(ms, 95)
        figures[name] = {"p50_ms": round(p50, 2), "p95_ms": round(p95, 2), "max_ms": round(max(ms), 2)}
        print(f"{name:22s} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms   max {max(ms):8.2f} ms  (n={len(ms)})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    store.close()


if __name__ == "__main__":
    main()
