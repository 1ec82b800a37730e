#!/usr/bin/env python3
"""Developer aid: the dev set's strict misses and unmatched predictions (not shipped)."""
import json, importlib.util, sys
import os
spec = importlib.util.spec_from_file_location("score", os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "..", "score.py"))
sc = importlib.util.module_from_spec(spec); spec.loader.exec_module(sc)
gold = {json.loads(l)["article_id"]: json.loads(l) for l in open(sys.argv[1])}
preds = {}
for l in open(sys.argv[2]):
    p = json.loads(l); preds.setdefault(p["article_id"], []).append(p)
c = lambda side: ",".join(sorted((a.get("country") or "?") for a in side or []))
for aid, g in gold.items():
    ps, _ = sc.collapse(preds.get(aid, []))
    tp, fp, fn, pairs = sc.match_article(g["events"], ps, strict=True)
    mg = {gi for gi, _ in pairs}; mp = {pi for _, pi in pairs}
    for gi, e in enumerate(g["events"]):
        if gi not in mg and not e.get("optional"):
            print(aid, "MISS", "/".join(e.get("types") or [e["type"]]), c(e["source"]), "->", c(e["target"]), e.get("date"), "|", (e.get("evidence") or "")[:80])
    for pi, p in enumerate(ps):
        if pi not in mp:
            print(aid, "  unmatched", p["type"], c(p["source"]), "->", c(p["target"]), p.get("date"), "|", p["evidence"][0]["sentence"][:80])
