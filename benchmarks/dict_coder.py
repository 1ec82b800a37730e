"""A deliberately simple dictionary coder, scored beside bilat on the dev corpus.

    .venv/bin/python benchmarks/dict_coder.py                    # code, run bilat, score, print
    .venv/bin/python benchmarks/dict_coder.py --json             # the same report as one JSON object
    .venv/bin/python benchmarks/dict_coder.py --bilat-events dev-events.jsonl   # reuse bilat's output
    .venv/bin/python benchmarks/dict_coder.py --lexicon phoenix  # Phoenix verb patterns instead

The bar bilat must clear: on every event type with at least 5 dev events, bilat's recall
is at least this coder's. The coder uses the same spaCy parse (``bilat.nlp.load_nlp``,
bilat's cleaning and gazetteer) and nothing else of bilat's rules:

- triggers: a verb or adjective whose lemma is in bilat's ``triggers.tsv`` (with its
  particle and object-noun limits), or a noun of ``nouns.tsv`` governed by any verb
  (``--lexicon phoenix``: verbs of ``phoenix_verbs.tsv``, the pattern whose words all
  occur under the verb, else the verb's own code);
- source: the countries and IGOs the gazetteer finds in the subject's subtree (the
  subject of the nearest clause up through xcomp/conj), else the first one in the
  sentence before the trigger; target: every other one in the sentence;
- date: the article's ``published``; no negation, modality, person or story handling.
  Evidence offsets point into the cleaned text (the scorer does not read them).

Scores come from ``shared/eval/score.py --json`` on all of ``eval/dev`` and on two halves
(articles whose id ends in an even / odd number; the seed articles in both).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BILAT_SHARED", ROOT.parent / "shared"))
ACTOR_KINDS = {"country", "demonym", "capital", "igo"}  # cities are places, not actors
SUBJECTS = {"nsubj", "csubj", "agent"}
CLIMB = {"xcomp", "conj", "ccomp", "advcl", "acl", "relcl"}


def load_lexicon(name: str) -> dict:
    """lemma -> list of (pos, particle, objects, type, cameo, mode); phoenix adds pattern words."""
    from bilat.nlp import read_table

    lex: dict[str, list] = {}
    if name == "phoenix":
        for r in read_table("phoenix_verbs.tsv"):
            if r["before"]:
                continue  # words before the verb (subject nouns) need the actor dictionaries
            words = {w for w in r["words"].split() if not w.startswith("&")}
            lex.setdefault(r["verb"], []).append(("VERB", "", words, r["type"], r["cameo"], r["mode"]))
        return lex
    for r in read_table("triggers.tsv"):
        objects = set(filter(None, r["objects"].split("|")))
        lex.setdefault(r["lemma"], []).append((r["pos"], r["particle"], objects, r["type"], r["cameo"], r["mode"]))
    for r in read_table("nouns.tsv"):
        lex.setdefault(r["lemma"], []).append(("NOUN", "", set(), r["type"], r["cameo"], r["mode"]))
    return lex


def match_trigger(tok, lex: dict, phoenix: bool):
    """The lexicon entry that ``tok`` triggers, or None."""
    entries = lex.get(tok.lemma_.lower())
    if not entries:
        return None
    pos = {"ADJ": "ADJ", "NOUN": "NOUN", "VERB": "VERB", "AUX": "VERB"}.get(tok.pos_, "")
    if pos == "NOUN" and tok.head.pos_ != "VERB":
        return None
    if phoenix:
        under = {t.lemma_.lower() for t in tok.subtree} | {t.text.lower() for t in tok.subtree}
        fits = [e for e in entries if e[2] <= under and pos == "VERB"]
        return max(fits, key=lambda e: len(e[2]), default=None)
    kids = {c.lemma_.lower() for c in tok.children}
    objs = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "nsubjpass")}
    objs |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" for g in c.children}
    for e in entries:
        if e[0] != pos or (e[1] and e[1] not in kids) or (e[2] and not e[2] & objs):
            continue
        return e
    return None


def actors_in(tokens, places_at: dict) -> list[str]:
    seen: list[str] = []
    for t in tokens:
        code = places_at.get(t.i)
        if code and code not in seen:
            seen.append(code)
    return seen


def code_doc(doc, article: dict, lex: dict, phoenix: bool) -> list[dict]:
    places_at = {}
    for p in doc._.places or []:
        if p.kind in ACTOR_KINDS:
            for i in range(p.start, p.end):
                places_at[i] = p.code
    events = []
    for sent in doc.sents:
        in_sent = actors_in(sent, places_at)
        if len(in_sent) < 1:
            continue
        for tok in sent:
            entry = match_trigger(tok, lex, phoenix)
            if entry is None:
                continue
            clause = tok.head if tok.pos_ in ("NOUN", "ADJ") else tok
            subj = [c for c in clause.children if c.dep_ in SUBJECTS]
            while not subj and clause.dep_ in CLIMB and clause.head is not clause:
                clause = clause.head
                subj = [c for c in clause.children if c.dep_ in SUBJECTS]
            source = actors_in([t for s in subj for t in s.subtree], places_at)
            if not source:
                before = actors_in([t for t in sent if t.i < tok.i], places_at)
                source = before[:1]
            if not source:
                continue
            target = [c for c in in_sent if c not in source]
            events.append({
                "event_id": f"{article['id']}-dict-{len(events)}",
                "article_id": article["id"],
                "type": entry[3], "cameo": entry[4] or None, "mode": entry[5] or None,
                "source": [{"country": c, "kind": "igo" if c.startswith("IGO:") else "state"} for c in source],
                "target": [{"country": c, "kind": "igo" if c.startswith("IGO:") else "state"} for c in target],
                "date": article.get("published"), "date_basis": "published" if article.get("published") else "unknown",
                "evidence": [{"sentence": sent.text, "start": sent.start_char, "end": sent.end_char}],
                "confidence": 0.5, "trigger": tok.text,
            })
    return events


def code_articles(articles: list[dict], lexicon: str = "bilat") -> list[dict]:
    from bilat.clean import clean
    from bilat.nlp import load_nlp
    from bilat.settings import Settings

    nlp = load_nlp(Settings().model)
    lex = load_lexicon(lexicon)
    texts = [clean(a["text"]).text for a in articles]
    out: list[dict] = []
    for art, doc in zip(articles, nlp.pipe(texts, batch_size=16)):
        out.extend(code_doc(doc, art, lex, lexicon == "phoenix"))
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def half_of(article_id: str) -> str:
    """'even', 'odd', or 'both' (seed articles and ids without a trailing number)."""
    m = re.search(r"(\d+)$", article_id)
    if article_id.startswith("seed-") or not m:
        return "both"
    return "even" if int(m.group(1)) % 2 == 0 else "odd"


def score(gold: list[dict], preds: list[dict], work: Path, tag: str) -> dict:
    g, p = work / f"gold-{tag}.jsonl", work / f"pred-{tag}.jsonl"
    g.write_text("".join(json.dumps(x) + "\n" for x in gold), encoding="utf-8")
    p.write_text("".join(json.dumps(x) + "\n" for x in preds), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(g), str(p), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def run_bilat(articles_path: Path, out: Path) -> None:
    exe = Path(sys.executable).with_name("bilat")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "bilat.cli"]
    subprocess.run(cmd + ["extract", str(articles_path), "-o", str(out), "-q"], check=True)


def report(gold: list[dict], systems: dict[str, list[dict]], work: Path) -> dict:
    halves = {"all": lambda h: True, "even": lambda h: h in ("even", "both"), "odd": lambda h: h in ("odd", "both")}
    out: dict = {"gold_per_type": {}, "halves": {}}
    for half, keep in halves.items():
        ids = {g["article_id"] for g in gold if keep(half_of(g["article_id"]))}
        sub = [g for g in gold if g["article_id"] in ids]
        n = Counter((e.get("types") or [e.get("type")])[0] for g in sub for e in g.get("events", [])
                    if not e.get("optional"))
        out["gold_per_type"][half] = dict(sorted(n.items()))
        out["halves"][half] = {name: score(sub, [e for e in ev if e["article_id"] in ids], work, f"{name}-{half}")
                               for name, ev in systems.items()}
    return out


def render(rep: dict, names: list[str]) -> str:
    lines = []
    n = rep["gold_per_type"]["all"]
    res = rep["halves"]["all"]
    head = f"{'type':10} {'gold':>5} " + " ".join(f"{x:>9}" for x in names)
    lines += ["Strict recall per type (shared/eval/score.py), dev, all articles", head, "-" * len(head)]
    for t in sorted(n):
        vals = [res[x]["per_type_strict_recall"].get(t) for x in names]
        cells = " ".join(f"{v:9.3f}" if v is not None else f"{'-':>9}" for v in vals)
        flag = "  < dict" if n[t] >= 5 and any((vals[0] or 0) < (v or 0) for v in vals[1:]) else ""
        lines.append(f"{t:10} {n[t]:5d} {cells}{flag}")
    lines += ["", f"{'half':5} {'system':9} {'level':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for half, by_sys in rep["halves"].items():
        for name in names:
            for level in ("loose", "strict"):
                s = by_sys[name][level]
                lines.append(f"{half:5} {name:9} {level:6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                             f"{s['tp']:4d} {s['fp']:4d} {s['fn']:4d}")
    lines.append("halves: article ids ending in an even / odd number; seed-* articles count in both")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Example: .venv/bin/python benchmarks/dict_coder.py --json")
    ap.add_argument("--dev", type=Path, default=SHARED / "eval" / "dev",
                    help="folder with articles.jsonl and gold.jsonl (default ../shared/eval/dev)")
    ap.add_argument("--bilat-events", type=Path, help="bilat's events.jsonl for --dev (default: run bilat extract)")
    ap.add_argument("--lexicon", choices=["bilat", "phoenix", "both"], default="bilat",
                    help="trigger list: bilat's triggers.tsv + nouns.tsv, phoenix_verbs.tsv, or both side by side")
    ap.add_argument("--save", type=Path, help="also write the dictionary coder's events here (JSON Lines)")
    ap.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = ap.parse_args(argv)
    articles, gold = read_jsonl(args.dev / "articles.jsonl"), read_jsonl(args.dev / "gold.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.bilat_events is None:
            run_bilat(args.dev / "articles.jsonl", work / "bilat.jsonl")
            args.bilat_events = work / "bilat.jsonl"
        systems = {"bilat": read_jsonl(args.bilat_events)}
        lexicons = ["bilat", "phoenix"] if args.lexicon == "both" else [args.lexicon]
        for lexicon in lexicons:
            name = "dict" if len(lexicons) == 1 else f"dict:{lexicon[:3]}"
            systems[name] = code_articles(articles, lexicon)
            if args.save:  # one file per lexicon when both run: events.jsonl -> events.phoenix.jsonl
                save = args.save
                if len(lexicons) > 1 and lexicon != "bilat":
                    save = args.save.with_suffix(f".{lexicon}.jsonl")
                save.write_text("".join(json.dumps(e) + "\n" for e in systems[name]), encoding="utf-8")
        rep = report(gold, systems, work)
    rep["lexicon"] = args.lexicon
    print(json.dumps(rep, indent=2) if args.json else render(rep, list(systems)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
