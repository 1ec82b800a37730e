"""The pair page's four charts drawn in process, on synthetic periods: milliseconds per chart.

    python benchmarks/chart_bench.py                      # 84 and 120 months, every type present
    BENCH_SRC=/path/to/other/src python benchmarks/chart_bench.py   # another checkout's charts

What a pair page seen for the first time since the store changed pays for drawing, without the
server or a store: the same calls as ``web.pages.pair_page`` on rows shaped like
``analysis.continuous``'s (a fifth of the periods empty). Prints p50 / p95 of ``--repeat`` draws
per chart and the size of the SVG.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("BENCH_SRC", str(ROOT / "src")))

from bilat import analysis  # noqa: E402
from bilat.web import charts, pages  # noqa: E402


def rows_of(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        period = f"{2010 + i // 12:04d}-{i % 12 + 1:02d}"
        empty = rng.random() < 0.2
        by_type = {t: (0 if empty else rng.randrange(0, 40)) for t in analysis.TYPES}
        by_quad = dict.fromkeys(analysis.QUAD_NUMBER, 0)
        for t, v in by_type.items():
            by_quad[analysis.QUAD_NAME[analysis.quad(t)]] += v
        total = sum(by_type.values())
        out.append({"period": period, "by_type": by_type, "by_quad": by_quad, "stories": total,
                    "plover_score": None if empty else rng.uniform(-8, 8), "AAA->BBB": total // 2,
                    "BBB->AAA": total - total // 2})
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--periods", type=int, nargs="*", default=[84, 120])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    link = lambda *parts: "/events?pair=AAA-BBB&since=" + parts[0]  # noqa: E731
    for n in args.periods:
        rows = rows_of(n)
        draws = {
            "who acts": lambda: charts.stacked(rows, counts=lambda r: {"AAA → BBB": r["AAA->BBB"], "BBB → AAA": r["BBB->AAA"]},
                                               series=["AAA → BBB", "BBB → AAA"],
                                               colours={"AAA → BBB": "#4c78a8", "BBB → AAA": "#f58518"},
                                               title="Stories per month by who acts", period="month", link=link),
            "by class": lambda: charts.quad_timeline(rows, counts=pages.quad_counts, period="month", link=link),
            "by type": lambda: charts.timeline(rows, counts=pages.type_counts, period="month", link=link),
            "score": lambda: charts.score_line(rows, score=pages.score_of, period="month", link=link),
        }
        total = []
        for name, draw in draws.items():
            ms, size = [], 0
            for _ in range(args.repeat):
                t = time.perf_counter()
                size = len(draw() or "")
                ms.append((time.perf_counter() - t) * 1000)
            ms.sort()
            total.append(ms[len(ms) // 2])
            print(f"{n:4d} periods  {name:9s} p50 {ms[len(ms) // 2]:7.1f} ms  p95 {ms[int(0.95 * (len(ms) - 1))]:7.1f} ms"
                  f"  {size / 1024:6.0f} KB", flush=True)
        print(f"{n:4d} periods  all four  {sum(total):7.1f} ms (sum of p50s)")


if __name__ == "__main__":
    main()
