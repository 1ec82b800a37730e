"""Reactions to an act the text told before: "India welcomed the announcement", "Brazil called it a clear
violation", "denounced the strike in letters to the UN Secretary-General" are aimed at whoever did that act,
not at anyone else the clause names (a fallback of phase 8, and a preference over the clause's other actors)."""
from __future__ import annotations

from dataclasses import replace

from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma, noun_lexicon
from .records import Frame, SentenceContext
from .syntax import act_antecedent, is_definite
from .typefacts import REACTIONS
from .words import (ATTACK_NOUNS, BARE_REACTIONS, DEVERBAL, JUDGING_VERBS, NAMED_MEETINGS, NEGATIVE_JUDGEMENT,
                    REFERRED_ACTS, REFERRED_ATTACKS, REFERRED_DEEDS)


def reaction_to_an_act(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'India welcomed the announcement', 'Abe welcomed the summit': a reaction to an act the text
    names by a definite noun alone is to whoever did the last act told (a meeting's parties for a
    meeting noun), other than the one reacting."""
    if f.type not in REACTIONS:
        return []
    idx = ctx.index
    # the noun names no actor of its own ("the coup attempt", "unilateral sanctions", not "Japan's plan")
    # its object, or what a concern is over: "voiced concern over the agreement"
    # ("The agreement was welcomed by Biden": a passive's subject is what was reacted to)
    # (only with the agent named: a subject the clause borrowed may be no act at all)
    passive_act = [f.subject] if f.passive and "passive:by_agent" in f.reasons and f.subject is not None \
        and f.subject.dep_ == "nsubjpass" and f.subject.i != f.trigger.i else []
    named_acts = [act_antecedent(c) or c for c in f.anchor.children if c.dep_ == "dobj" and c.i != f.trigger.i] + \
        [act_antecedent(c) or c for c in passive_act] + [
        o for x in [f.anchor, f.trigger] for p in x.children if p.dep_ == "prep" and p.lower_ in ("over", "about", "with")
        for o in p.children if o.dep_ == "pobj"]
    acts = [c for c in named_acts if not any(
        x.i in idx.place_at or x.i in idx.person_at for d in c.children
        if d.dep_ in ("poss", "compound", "amod", "nmod") or (d.dep_ == "prep" and d.lower_ in ("of", "by", "from"))
        for x in d.subtree)]
    noun = acts[0].lemma_.lower() if acts else ""
    kind = noun_lexicon().get(noun)  # "opposes unilateral sanctions": whoever sanctioned last
    doers_of_kind = (ctx.memory.last_source(kind.type) or []) if kind is not None and acts[0].tag_ == "NNS" else []
    # ("support the Global Development Initiative": a named thing, no act told before)
    definite = bool(acts) and is_definite(acts[0]) and acts[0].pos_ == "NOUN" and \
        not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in acts[0].children)
    # "the coup attempt": the act may be named by the noun's compound
    named = {noun} | {d.lemma_.lower() for d in acts[0].children if d.dep_ == "compound"} if acts else set()
    own = {a.country for a in f.source if a.country}
    # "opposed the test", "welcomed the applications": the act the text told by that word
    told = ctx.memory.doers_of(noun, own, ctx.sent.start) if definite else []
    # "Netanyahu called it a historic day": an object pronoun no act of its sentence explains is the last deed
    deed = noun in REFERRED_DEEDS or (bool(acts) and acts[0].lower_ in ("it", "this", "that") and acts[0].pos_ == "PRON")
    # "expressed serious concern" over nothing it names: over the last deed told
    deed = deed or (not named_acts and f.light is not None and f.trigger.lemma_.lower() in BARE_REACTIONS)
    # "welcomed the determination": a verb that judges takes any deed the text told as its object
    referred = definite and (bool(named & (REFERRED_ACTS | set(DEVERBAL))) or lemma(f.trigger) in JUDGING_VERBS)
    if not doers_of_kind and not told and not referred and not deed:
        return []  # "the annexation"
    meeting = ctx.memory.meeting if noun in NAMED_MEETINGS else []
    # an attack or an incident is the last attacker's, or no one's the text told
    # ("the coup attempt": the kind of act may be the noun's compound)
    hostile = bool(named & (ATTACK_NOUNS | REFERRED_ATTACKS))
    # "called it a clear violation", "an act of aggression": a deed so judged is one done against someone
    hostile = hostile or (bool(acts) and acts[0].pos_ == "PRON" and any(
        x.lemma_.lower() in NEGATIVE_JUDGEMENT for c in f.anchor.children if c.dep_ in ("oprd", "attr", "dobj")
        and c.i != acts[0].i for x in c.subtree))
    # (a coup or a crackdown is coded as coercion: "special forces seized power", "police fired tear gas")
    # (or the attacker an earlier reaction to it named: "Iran condemned the Israeli strike")
    candidates = [told, ctx.memory.last_source(T.ASSAULT) or [], ctx.memory.last_source(T.COERCE) or [],
                  ctx.memory.last_accused(named, ctx.sent.start)] if hostile else [
        told, meeting, doers_of_kind, ctx.memory.last_doers(own, ctx.sent.start, deeds_only=deed)]
    for doers in candidates:  # a visit announced, not yet made: its announcer
        found = [Actor(kind="state", country=c) for c in dict.fromkeys(a.country for a in doers) if c and c not in own]
        if found:
            return found
    return []


#: verbs whose pronoun object is a party, not an act ("accused it of", "urged it to", "thanked it for")
_ADDRESSED = frozenset({"accuse", "blame", "urge", "warn", "thank", "congratulate", "ask", "invite", "press", "tell"})


def reaction_over_the_clause(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'Brazil's foreign ministry called it a clear violation of the Vienna Convention', 'denounced the
    strike in letters to the UN Secretary-General': a reaction to an act told before is aimed at its doer,
    not at the state a pronoun would stand for nor another actor the clause happens to name."""
    if f.type not in REACTIONS or not f.target:
        return []
    t = f.anchor
    objects = [c for c in t.children if c.dep_ == "dobj"]
    pronoun = any(c.lower_ in ("it", "this", "that") and c.pos_ == "PRON" for c in objects) \
        and lemma(t) not in _ADDRESSED and not any(p.dep_ == "prep" and p.lower_ in ("of", "for") for p in t.children)
    if not pronoun and "target:actor_in_clause" not in f.reasons:
        return []
    doers = reaction_to_an_act(replace(f, target=[]), ctx)
    return doers if {a.country for a in doers} - {a.country for a in f.target} else []


#: what a call to set people free asks for ("demanded the release of", "urged Mali to free", "called for freedom")
_RELEASE_WORDS = frozenset({"release", "free", "freedom", "liberation"})


def release_from_the_captor(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'It demanded the "immediate release" of its official', 'Paris demands his release': a call to set
    someone free that names no one else to do it (those freed may be the caller's own: "the release of its
    nationals") is on whoever the text told last detained someone, other than the caller."""
    own = {a.country for a in f.source}
    if f.type != T.REQUEST or any(a.country not in own for a in f.target):
        return []
    t = f.anchor
    asked = [c for c in t.children if c.dep_ in ("dobj", "xcomp", "ccomp")] + [
        o for p in t.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    if not any(lemma(c) in _RELEASE_WORDS for c in asked):
        return []
    captors = ctx.memory.last_source(T.COERCE) or []
    return [Actor(kind="state", country=c) for c in dict.fromkeys(a.country for a in captors) if c and c not in own]
