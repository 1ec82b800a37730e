#!/usr/bin/env python3
"""Developer aid: gold vs predicted events per article, side by side (not shipped)."""
import json, sys
gold = {json.loads(l)["article_id"]: json.loads(l) for l in open(sys.argv[1])}
preds = {}
for l in open(sys.argv[2]):
    p = json.loads(l); preds.setdefault(p["article_id"], []).append(p)
only = sys.argv[3:] 
def c(side): return ",".join(sorted(a.get("country") or "?" for a in side or []))
def n(side): return ",".join((a.get("name") or "") for a in side or [])
for aid, g in gold.items():
    if only and aid not in only: continue
    print(f"=== {aid} ({g['kind']})")
    for e in g["events"]:
        t = "/".join(e.get("types") or [e["type"]])
        print(f"  G {'opt ' if e.get('optional') else '    '}{t:18s} {c(e['source']):>12s} -> {c(e['target']):12s} {e.get('date')}  | {(e.get('evidence') or '')[:70]}")
    for p in preds.get(aid, []):
        ev = p["evidence"][0]["sentence"][:70] if p["evidence"] else ""
        print(f"  P      {p['type']:18s} {c(p['source']):>12s} -> {c(p['target']):12s} {p.get('date')} [{n(p['source'])}|{n(p['target'])}] | {ev}")
