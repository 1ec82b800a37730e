"""Acts the text names with their date: "the 2020 killing of Qassem Soleimani" dates a later
"a U.S. strike killed Soleimani" (the dates are kept in the ``DocumentMemory``)."""
from __future__ import annotations

from spacy.tokens import Token

from .. import dates as dates_mod
from ..dates import DateValue
from .lexicon import lemma
from .records import SentenceContext
from .words import DEVERBAL


def _act_key(tok: Token, ctx: SentenceContext) -> str | None:
    person = ctx.index.person_at.get(tok.i)
    if person is not None:
        return "person:" + person.name
    place = ctx.index.place_at.get(tok.i)
    return "place:" + place.code if place is not None else None


def dated_acts_in(ctx: SentenceContext) -> list[tuple[str, str, DateValue]]:
    """'the 2020 killing of Qassem Soleimani': acts the sentence names with their date, as (verb,
    person or place, date), for the memory: a later clause that reports the same act without a
    date ("a U.S. strike killed Soleimani") gets it."""
    out = []
    for t in ctx.toks:
        verb = DEVERBAL.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        if verb is None:
            continue
        objs = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        key = _act_key(objs[0], ctx) if objs else None
        if key is None:
            continue
        for c in t.children:
            if c.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss") and c.ent_type_ == "DATE":
                ent = next((e for e in ctx.sent.doc.ents if e.start <= c.i < e.end), None)
                v = dates_mod.resolve(ent.text if ent is not None else c.text, ctx.published)
                if v.value:
                    out.append((verb, key, DateValue(v.value, "explicit")))
    return out


def dated_act(verb: Token, ctx: SentenceContext) -> DateValue | None:
    """The date an earlier mention gave this act (same verb, same person or place acted on);
    for a clause "after" such an act, that act's date."""
    if not ctx.memory.dated_acts:
        return None
    for v in [verb] + [c for c in verb.children if c.dep_ == "advcl" and
                       any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)]:
        for o in v.children:
            if o.dep_ in ("dobj", "nsubjpass"):
                key = _act_key(o, ctx)
                if key is not None:
                    found = ctx.memory.dated_act(lemma(v), key)
                    if found is not None:
                        return found
    return None
