#!/usr/bin/env python3
"""Re-baseline the accuracy gate: score the extractor and write tests/data/eval_baseline.json.

    python tools/update_eval_baseline.py                         # raise floors that improved
    python tools/update_eval_baseline.py --allow-lower "why"     # also lower floors, with a reason
    python tools/update_eval_baseline.py --dry-run               # print, write nothing

The gate (tests/test_eval_gate.py, STYLE #15) scores three corpora from ../shared:

* ``dev``: eval/dev/articles.jsonl + gold.jsonl, the project's own annotated news;
  gated on strict F1, strict precision, loose F1 and person-name accuracy, and no event
  may appear on a distractor article;
* ``petr2_gsr`` and ``plover_gsr``: the peers' gold sentences written by
  ``eval/external.py``; gated on loose precision, recall and F1.

Each corpus is stored with the sha256 of its articles + gold, so the floors are never
compared with scores from a different corpus. A new floor is the current score minus
``--margin`` (0.01). A floor is raised when the score allows it and kept when the score
still clears it; lowering one needs ``--allow-lower "reason"``, and the reason is kept in
the file's history. The test module imports this file, so the gate and the tool score
the same way.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "data" / "eval_baseline.json"
DEFAULT_SHARED = Path(os.environ.get("BILAT_SHARED", ROOT.parent / "shared"))
MARGIN = 0.01

#: metric paths into score.py's report, per corpus
GATED = {
    "dev": ("strict.f1", "strict.precision", "loose.f1", "person_name_accuracy"),
    "petr2_gsr": ("loose.precision", "loose.recall", "loose.f1"),
    "plover_gsr": ("loose.precision", "loose.recall", "loose.f1"),
}
#: counts that must not exceed these values, whatever the floors say
CEILINGS = {"dev": {"distractor_false_events": 0}}


# ---------------------------------------------------------------- corpora, hashing, scoring

def load_scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("bilat_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(shared: Path, workdir: Path) -> dict[str, tuple[Path, Path]]:
    """(articles, gold) per corpus; the peers' corpora are written into ``workdir``."""
    out = {"dev": (shared / "eval" / "dev" / "articles.jsonl", shared / "eval" / "dev" / "gold.jsonl")}
    subprocess.run([sys.executable, str(shared / "eval" / "external.py"), str(workdir)], check=True,
                   capture_output=True, text=True)
    for name in ("petr2_gsr", "plover_gsr"):
        out[name] = (workdir / f"{name}.articles.jsonl", workdir / f"{name}.gold.jsonl")
    return out


def corpus_hash(articles: Path, gold: Path) -> str:
    h = hashlib.sha256()
    h.update(articles.read_bytes())
    h.update(gold.read_bytes())
    return h.hexdigest()


def extract(articles: Path) -> list[dict]:
    """What ``bilat extract ARTICLES`` writes: the same reader, pipeline and stories stage."""
    from bilat.ingest import read_inputs
    from bilat.model import Article
    from bilat.pipeline import process
    from bilat.settings import Settings
    from bilat.stories import assign_stories

    settings = Settings()
    arts = [a for a in read_inputs([str(articles)], settings) if isinstance(a, Article)]
    events = [e for r in process(arts, settings) for e in r.events]
    return [e.as_dict() for e in assign_stories(events)]


def metric(report: dict, path: str):
    value = report
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def measure(shared: Path, workdir: Path) -> dict[str, dict]:
    """{corpus: {"hash", "report", "preds", "articles", "gold"}} for every gated corpus."""
    scorer = load_scorer(shared)
    out = {}
    for name, (articles, gold) in corpus_files(shared, workdir).items():
        preds = extract(articles)
        out[name] = {"hash": corpus_hash(articles, gold), "report": scorer.score(scorer.read_jsonl(gold), preds),
                     "preds": preds, "articles": articles, "gold": gold}
    return out


# ---------------------------------------------------------------- floors

def propose(old: dict | None, measured: dict[str, dict], margin: float, allow_lower: str | None
            ) -> tuple[dict, list[str], list[dict]]:
    """The new baseline, the floors that would need lowering, and history entries."""
    old_corpora = (old or {}).get("corpora", {})
    corpora, refused, history = {}, [], []
    today = dt.date.today().isoformat()
    for name, m in measured.items():
        prev = old_corpora.get(name, {})
        prev_floors = prev.get("floors", {})
        floors, scores = {}, {}
        for path in GATED[name]:
            score = metric(m["report"], path)
            scores[path] = score
            if score is None:
                continue
            proposed = max(round(score - margin, 4), 0.0)
            before = prev_floors.get(path)
            if before is None or proposed >= before:
                floors[path] = proposed
            elif score >= before:
                floors[path] = before  # the score still clears the old floor: keep it
            else:
                refused.append(f"{name} {path}: score {score:.4f} is below the floor {before:.4f}")
                floors[path] = proposed
                history.append({"date": today, "corpus": name, "metric": path, "from": before, "to": proposed,
                                "reason": allow_lower})
        corpora[name] = {
            "hash": m["hash"],
            "floors": floors,
            "ceilings": CEILINGS.get(name, {}),
            "scores_at_baseline": scores,
        }
        if prev.get("hash") and prev["hash"] != m["hash"]:
            history.append({"date": today, "corpus": name, "hash_from": prev["hash"], "hash_to": m["hash"],
                            "reason": allow_lower or "corpus changed; re-baselined"})
    baseline = {
        "about": "Floors for tests/test_eval_gate.py; write with tools/update_eval_baseline.py, never by hand. "
                 "A floor is the score at baseline minus the margin; the hash is sha256(articles + gold).",
        "margin": margin,
        "updated": today,
        "commit": _git_head(),
        "corpora": corpora,
        "history": list((old or {}).get("history", [])) + history,
    }
    return baseline, refused, history


def _git_head() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def read_baseline(path: Path = BASELINE) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default: ../shared)")
    ap.add_argument("--margin", type=float, default=MARGIN, help="floor = score - margin (default 0.01)")
    ap.add_argument("--allow-lower", metavar="REASON", default=None,
                    help='lower floors whose score dropped; the reason is stored. Example: --allow-lower "new gold"')
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="file to write (default: tests/data/eval_baseline.json)")
    ap.add_argument("--dry-run", action="store_true", help="print the new baseline, write nothing")
    args = ap.parse_args(argv)
    if args.allow_lower is not None and not args.allow_lower.strip():
        ap.error("--allow-lower needs a reason")
    if not (args.shared / "eval" / "score.py").exists():
        ap.error(f"no eval/score.py under {args.shared}; pass --shared")

    with tempfile.TemporaryDirectory() as tmp:
        measured = measure(args.shared, Path(tmp))
    old = read_baseline(args.baseline)
    baseline, refused, _ = propose(old, measured, args.margin, args.allow_lower)

    for name, c in baseline["corpora"].items():
        shown = ", ".join(f"{k}={v}" for k, v in c["scores_at_baseline"].items())
        print(f"{name:11s} {shown}")
    if refused and not args.allow_lower:
        print("refusing to lower floors (pass --allow-lower \"reason\" to do it deliberately):", file=sys.stderr)
        for line in refused:
            print("  " + line, file=sys.stderr)
        return 2
    text = json.dumps(baseline, indent=2, sort_keys=False) + "\n"
    if args.dry_run:
        print(text)
        return 0
    args.baseline.write_text(text, encoding="utf-8")
    print(f"wrote {args.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
