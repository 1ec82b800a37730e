"""The content fingerprint the store path computes for every article: milliseconds per 1,000 articles.

    python benchmarks/simhash_bench.py                     # the dev set's texts, 5 rounds
    BENCH_SRC=/path/to/other/src python benchmarks/simhash_bench.py   # another checkout's simhash

Prints the best and median of ``--repeat`` rounds for ``store.fingerprint.simhash`` and, beside it in the
same process, for the definition counted one bit at a time (the implementation before round 6), and
their ratio; compare figures only within one run (the machine is shared).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("BENCH_SRC", str(ROOT / "src")))

from bilat.store import fingerprint as fp  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def rounds(fn, texts: list[str], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.process_time()
        for x in texts:
            fn(x)
        out.append((time.process_time() - t) * 1000 / len(texts) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", type=Path, default=DEV, help="a JSON Lines file of articles")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    texts = [json.loads(line)["text"] for line in args.articles.open(encoding="utf-8") if line.strip()]
    if any(fp.simhash(x) != fp.simhash_by_bits(x) for x in texts):
        print("simhash differs from its definition on these texts", file=sys.stderr)
        return 1
    now, ref = rounds(fp.simhash, texts, args.repeat), rounds(fp.simhash_by_bits, texts, args.repeat)
    words = sum(len(x.split()) for x in texts)
    print(f"{len(texts)} articles, {words / len(texts):.0f} words each, {args.repeat} rounds, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'simhash':24s} best {min(now):8.1f}  median {statistics.median(now):8.1f}  ms per 1,000 articles (CPU)")
    print(f"{'one bit at a time':24s} best {min(ref):8.1f}  median {statistics.median(ref):8.1f}")
    print(f"ratio (best): {min(ref) / min(now):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
