#!/usr/bin/env python3
"""Developer aid: count the extractor's dropped frames by phase and reason over a set of articles.

    python tools/drops.py ../shared/eval/dev/articles.jsonl [--half even|odd] [--json]

Every frame the reader built (``bilat.explain``) is counted: kept, or dropped with its phase and
reason. "Why are events missed?" starts here: the largest rows are the phases that lose the most.
--half keeps article ids whose trailing number is even or odd (seeds in both), as tools/score_halves.py.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from bilat.explain import explain
from bilat.ingest import read_inputs
from bilat.model import Article
from bilat.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_halves import half_of  # noqa: E402


def count(paths: list[Path], half: str | None) -> collections.Counter:
    settings = Settings()
    out: collections.Counter = collections.Counter()
    for item in read_inputs([str(p) for p in paths], settings):
        if not isinstance(item, Article) or (half and half not in half_of(item.id)):
            continue
        for reading in explain(item, settings).sentences:
            for frame in reading.frames:
                out[("dropped", frame.dropped.phase, frame.dropped.reason) if frame.dropped else ("kept", "", "")] += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--half", choices=("even", "odd"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    counts = count(args.inputs, args.half)
    if args.json:
        json.dump([{"status": s, "phase": p, "reason": r, "frames": n} for (s, p, r), n in counts.most_common()],
                  sys.stdout, indent=1)
        return 0
    total = sum(counts.values())
    print(f"{total} frames")
    for (status, phase, reason), n in counts.most_common():
        print(f"{n:6d}  {n / total:6.1%}  {status:8} {phase:10} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
