"""Re-coding rules for what a state says it received (rows of ``data/recodings.tsv``): "X received
weapons from Y" is Y's aid to X, "received assurances from Y" Y's promise, "received the visiting
minister" a meeting. The object's word list (``RECEIVED``) says which kind it is."""
from __future__ import annotations

from .lexicon import lemma
from .recodings import rule
from .records import Frame, SentenceContext
from .syntax import quantity_head
from .words import RECEIVED, RECEIVE_VERBS


def _received(f: Frame, ctx: SentenceContext, kind: str) -> dict | None:
    """'X received weapons from Y': Y gives, X is the recipient."""
    verb = f.trigger
    if f.light is not None or f.scene or lemma(verb) not in RECEIVE_VERBS:
        return None
    what = {w for c in verb.children if c.dep_ == "dobj" for w in (quantity_head(c).lemma_.lower(), quantity_head(c).lower_)}
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "received assurances from X"
    givers = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
              for o in c.children if o.dep_ == "pobj"]
    if not givers or not what:
        return None
    giver = [a for o in givers for a in ctx.index.actors_for(o, speaker=f.speaker)]
    if not giver or next((k for k, words in RECEIVED.items() if what & words), None) != kind:
        return None
    return {"source": giver, "target": list(f.source)}


@rule
def received_aid(f: Frame, ctx: SentenceContext) -> dict | None:
    return _received(f, ctx, "received_aid")


@rule
def received_assurance(f: Frame, ctx: SentenceContext) -> dict | None:
    return _received(f, ctx, "received_assurance")


@rule
def received_support(f: Frame, ctx: SentenceContext) -> dict | None:
    return _received(f, ctx, "received_support")


@rule
def received_visitor(f: Frame, ctx: SentenceContext) -> dict | None:
    return _received(f, ctx, "received_visitor")
