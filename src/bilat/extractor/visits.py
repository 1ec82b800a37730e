"""Re-coding rules about visits (rows of ``data/recodings.tsv``): welcoming a person is hosting
them, where welcoming a decision or a step is praise; calling on a person, with nothing asked of
them, is a courtesy call."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from .lexicon import lemma, particle_of
from .recodings import rule
from .records import Frame, SentenceContext
from .syntax import to_infinitive
from .words import GUEST_NOUNS


@rule
def welcomed_visitor(f: Frame, ctx: SentenceContext) -> dict | None:
    """'The crown prince welcomed the Syrian president to Jeddah': a person welcomed is a guest
    received (CAMEO 043, a visit); 'welcomed the president's decision' and 'welcomes the princess
    to pay a visit' (one still to come) stay SUPPORT. Only the
    welcomed phrase's own head counts, so a possessor ("the president's") never makes a guest."""
    if f.light is not None or lemma(f.trigger) != "welcome":
        return None
    objects = [c for c in f.trigger.children if c.dep_ == "dobj"]
    # "welcomes the princess to pay a visit": a visit still to come, welcomed
    planned = any(c.pos_ == "VERB" and c.i > f.trigger.i and to_infinitive(c)
                  for c in f.trigger.subtree)
    if not objects or not f.target or planned:
        return None
    idx = ctx.index
    guests = [o for o in objects if _a_guest(o, idx)]
    if len(guests) != len(objects):
        return None
    # "to Muscat" is where the host receives the guest, not a second guest
    home = {a.country for a in f.source}
    guest_side = [a for a in f.target if a.country not in home]
    return {"target": guest_side} if guest_side else None


@rule
def courtesy_call(f: Frame, ctx: SentenceContext) -> dict | None:
    """'The minister called on his Kenyan counterpart': a visit (CAMEO 042), where 'called on Kenya
    to reopen the border' asks something of it. Only a person called on, with no 'to' clause."""
    t = f.trigger
    if lemma(t) != "call" or particle_of(t) not in ("on", "upon") or not f.target:
        return None
    if any(a.dep_ == "aux" and a.lower_ == "to" for x in t.subtree if x.pos_ in ("VERB", "AUX") for a in x.children):
        return None
    called = [o for p in t.children if p.i == t.i + 1 and p.lower_ in ("on", "upon") for o in p.children if o.dep_ == "pobj"]
    idx = ctx.index
    return {} if called and all(_a_guest(o, idx) for o in called) else None


def _a_guest(o: Token, idx: ActorIndex) -> bool:
    """A named person or an official by post ("the Syrian president", "his counterpart")."""
    return o.i in idx.person_at or o.lemma_.lower() in GUEST_NOUNS
