#!/usr/bin/env python3
"""Developer aid: per-sentence gold vs prediction for the peers' gold sentences (not shipped)."""
import json, sys
arts = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[1])}
gold = [json.loads(l) for l in open(sys.argv[2])]
preds = {}
for l in open(sys.argv[3]):
    p = json.loads(l); preds.setdefault(p["article_id"], []).append(p)
mode = sys.argv[4] if len(sys.argv) > 4 else "all"
c = lambda side: ",".join(sorted((a.get("country") or "?") for a in side or []))
for g in gold:
    aid = g["article_id"]
    gs = [("/".join(e.get("types") or [e["type"]]), c(e["source"]), c(e["target"]), e.get("optional")) for e in g["events"]]
    ps = [(p["type"], c(p["source"]), c(p["target"])) for p in preds.get(aid, [])]
    gtypes = {t for e in g["events"] if not e.get("optional") for t in (e.get("types") or [e["type"]])}
    ok = all(any(p[0] in (e.get("types") or [e["type"]]) for p in ps) for e in g["events"] if not e.get("optional")) and all(p[0] in gtypes or not gtypes for p in ps)
    if mode == "bad" and ok: continue
    print(("   " if ok else "XX ") + arts[aid]["text"][:230])
    print("      G:", gs); print("      P:", ps)
