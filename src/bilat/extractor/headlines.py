"""Headlines the parser reads as one noun phrase ("EU sanctions Ugandan officials over crackdown", "Ruto
hosts Museveni"): a line with no verb at all, where a plural noun that is also a trigger verb's third
person stands between an actor and another, is read as that verb (``triggers`` finds the frame,
``source`` takes its parties from here)."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Actor
from .lexicon import verb_senses
from .records import Frame, SentenceContext

ROUTE = "headline_verb"


def headline_trigger(ctx: SentenceContext):
    """(token, trigger) of a verbless headline's verb read as a noun, or None."""
    if any(t.pos_ in ("VERB", "AUX") for t in ctx.toks) or len(ctx.toks) > 16:
        return None
    senses = verb_senses()
    for t in ctx.toks[1:-1]:
        before = ctx.toks[t.i - ctx.sent.start - 1]
        if t.tag_ != "NNS" or not t.lower_.endswith("s") or not _is_actor(before, ctx.index) \
                or (before.i >= 2 and before.doc[before.i - 1].text == "-"):  # "Anti-Japan protests": no actor acts
            continue
        # only senses that need no particular object: the headline's object is read by country alone
        trig = next((c for c in senses.get(("VERB", t.lemma_.lower(), ""), ()) if not c.objects), None)
        if trig is not None and _after(t, ctx):
            return t, trig
    return None


def headline_parties(f: Frame, idx: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """The actor just before the verb, and one other in the object right after it (up to its first
    preposition: "over crackdown", "on Gaza" are what the act is about)."""
    t = f.trigger
    source = idx.actors_for(t.doc[t.i - 1])
    own = {a.country for a in source}
    for x in _object_words(t, f.sentence.end):
        target = [a for a in idx.actors_for(x) if a.country and a.country not in own] if x.pos_ in ("PROPN", "NOUN") else []
        if target:
            return source, target
    return source, []


def _is_actor(t: Token, idx: ActorIndex) -> bool:
    return t.i in idx.person_at or (t.i in idx.place_at and idx.place_at[t.i].kind != "city")


def _after(t: Token, ctx: SentenceContext) -> bool:
    """An actor in the object right after the verb."""
    return any(_is_actor(x, ctx.index) or x.i in ctx.index.place_at for x in _object_words(t, ctx.sent.end))


def _object_words(t: Token, end: int):
    """The words after the verb up to its object's first preposition ("over crackdown" is what it is about)."""
    for x in t.doc[t.i + 1:end]:
        if x.pos_ == "ADP":
            return
        yield x
