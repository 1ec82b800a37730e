#!/usr/bin/env python3
"""Developer aid: score extracted events on the dev set, whole and per half.

The halves split by article-id parity (trailing number even / odd), the seeds in both, as the
project's before-stop hook does: write rules while reading one half's misses, measure on the
other. Usage: tools/score_halves.py PRED.jsonl [--shared ../shared] [--json]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(article_id: str) -> set[str]:
    """The halves an article belongs to: seeds in both, others by their trailing number's parity."""
    if article_id.startswith("seed-"):
        return {"even", "odd"}
    m = re.search(r"(\d+)$", article_id)
    return {"even" if m and int(m.group(1)) % 2 == 0 else "odd"}


def report(shared: Path, pred: Path) -> dict:
    sc = _scorer(shared)
    gold = sc.read_jsonl(shared / "eval" / "dev" / "gold.jsonl")
    preds = sc.read_jsonl(pred)
    out = {"whole": sc.score(gold, preds)}
    for half in ("even", "odd"):
        out[half] = sc.score([g for g in gold if half in half_of(g["article_id"])], preds)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred", type=Path)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rep = report(args.shared, args.pred)
    if args.json:
        json.dump(rep, sys.stdout, indent=1)
        return 0
    for name, r in rep.items():
        lo, st = r["loose"], r["strict"]
        print(f"{name:6} loose P={lo['precision']:.3f} R={lo['recall']:.3f} F1={lo['f1']:.3f}  "
              f"strict P={st['precision']:.3f} R={st['recall']:.3f} F1={st['f1']:.3f}  "
              f"names={r.get('person_name_accuracy')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
