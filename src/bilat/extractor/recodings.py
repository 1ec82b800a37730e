"""Re-coding rules: where a frame's type changes after the trigger table gave one.

The rules, their order, the types they apply to and what they code are rows of
``data/recodings.tsv``, each naming a predicate registered here with ``@rule`` (or in
``statements.py``); it returns ``None`` when it does not fire, else the other changes firing makes
(``{}`` for none): a reported "Japan should stop" makes the speaker the source, Japan the target.
"""
from __future__ import annotations

import functools
from typing import Callable, NamedTuple

from ..model import Actor
from ..model import EventType as T
from ..tables import read_table
from .gate import official
from .lexicon import lemma
from .parties import is_state_speaker, possessor, same_countries
from .records import Frame, SentenceContext
from .syntax import clause_condition, is_definite, is_future, object_lemmas, purpose_is_exercise
from .typefacts import EASING_CAMEOS, FUTURE_CAMEO
from .words import (CASUALTY_VERBS, CLAIM_VERBS, CONCESSION_OBJECTS, CONTINUE_VERBS, DECISION_VERBS,
                    ECONOMIC_RESTRICTIONS, EXERCISES, HOSTILE_INTENT, HOSTILE_XCOMP, HYPOTHETICAL, ONLOOKERS,
                    REFERRED_DEEDS, RETRIBUTION, SPEECH_VERBS)

Predicate = Callable[[Frame, SentenceContext], "dict | None"]
PREDICATES: dict[str, Callable] = {}


class Recoding(NamedTuple):
    name: str
    phase: str
    from_types: frozenset[T] | None  # None: any type
    to: T
    cameo: str  # a CAMEO code, or "future": the announced form of the old type
    mode: str | None  # "=": kept
    example: str
    dyad: str


def rule(fn: Callable) -> Callable:
    """Register a predicate under its function name (the rule's name in recodings.tsv)."""
    PREDICATES[fn.__name__] = fn
    return fn


@functools.lru_cache(maxsize=1)
def recodings() -> tuple[Recoding, ...]:
    out = []
    for row in read_table("recodings.tsv"):
        src = row["from"].strip()
        out.append(Recoding(row["rule"], row["phase"], None if src == "*" else frozenset(T(x) for x in src.split("|")),
                            T(row["to"]), row["cameo"], row["mode"] or None, row["example"] or "", row["dyad"] or ""))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def _phase_rules(phase: str) -> tuple[Recoding, ...]:
    return tuple(r for r in recodings() if r.phase == phase)


def recoding(name: str) -> Recoding:
    return next(r for r in recodings() if r.name == name)


def apply(f: Frame, ctx: SentenceContext, phase: str) -> Frame:
    """Try the phase's rules in table order; each that fires re-codes the frame."""
    for r in _phase_rules(phase):
        if r.from_types is not None and f.type not in r.from_types:
            continue
        changes = PREDICATES[r.name](f, ctx)
        if changes is None:
            continue
        cameo = r.cameo
        if cameo == "future":
            cameo = FUTURE_CAMEO[f.type]
        mode = f.mode if r.mode == "=" else r.mode
        f = f.but(r.name, type=r.to, cameo=cameo, mode=mode, **changes)
    return f


def trigger_recode(f: Frame, ctx: SentenceContext) -> Frame:
    return apply(f, ctx, "triggers")


# -- triggers --------------------------------------------------------------------------------
@rule
def ready_to_fight(f: Frame, ctx: SentenceContext) -> dict | None:
    """'ready to respond', 'prepared to strike': a readiness to fight threatens."""
    xc = [c for c in f.trigger.children if c.dep_ == "xcomp"]
    return {} if f.route == "adjective" and xc and lemma(xc[0]) in HOSTILE_XCOMP else None


@rule
def arranged_meeting(f: Frame, ctx: SentenceContext) -> dict | None:
    """'confirmed plans for a visit by Trump': an announced meeting agrees it (spec §3)."""
    return {} if f.route == "arranged_meeting" else None


# -- modality --------------------------------------------------------------------------------
@rule
def refusal(f: Frame, ctx: SentenceContext) -> dict | None:
    """'said he would not provide support': a refusal."""
    return {"modality": "fact", "refusal": True} if f.modality == "negated" and is_future(f.anchor) else None


@rule
def failed_to_agree(f: Frame, ctx: SentenceContext) -> dict | None:
    """'failed to reach agreement': a rejection."""
    gov = f.anchor.head if f.anchor.dep_ == "xcomp" else None
    return {"modality": "fact"} if gov is not None and lemma(gov) == "fail" else None


@rule
def conditional_measure(f: Frame, ctx: SentenceContext) -> dict | None:
    """'may recall its ambassador unless ...', 'could strike if attacked': a measure held out on a
    condition threatens (but an act inside the 'if' clause is only supposed)."""
    a = f.anchor
    if f.modality != "hypothetical" or any(c.dep_ == "mark" for c in a.children) \
            or not any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in a.children):
        return None
    conditions = [c for c in a.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
    if a.dep_ == "ccomp" and lemma(a.head) in SPEECH_VERBS and \
            any(c.dep_ == "nsubj" and c.lemma_.lower() in ONLOOKERS for c in a.head.children):
        return None  # "Analysts say China could impose sanctions if ...": an onlooker's guess, no threat
    return {"modality": "fact"} if conditions else None


# -- recode ----------------------------------------------------------------------------------
@rule
def claimed_attack(f: Frame, ctx: SentenceContext) -> dict | None:
    """A government that says another state attacked accuses it (CAMEO/PLOVER code the claim); not an
    attack the reporter tells as the time of the claim ("said he had called off strikes, a day after
    Iran shot down a drone")."""
    sp, verb, marks = f.speaker, f.speech_verb, {m.lower_ for m in f.anchor.children if m.dep_ == "mark"}
    # (nor the toll a side reports: "twenty soldiers were killed in a clash with X, the army said")
    if (f.anchor.dep_ == "advcl" and marks & {"after", "before", "since", "when"}) or \
            (f.passive and lemma(f.anchor) in CASUALTY_VERBS):
        return None
    # nor an attack told first and attributed after ("Russian forces pounded Kharkiv, killing three, the
    # governor said"): the news of the attack, as the peers' gold codes it; "Armenia said Azerbaijani
    # troops attacked" is the claim
    if verb is not None and verb.i > f.anchor.i and f.anchor.i < next((c.i for c in verb.children
                                                                      if c.dep_ in ("nsubj", "nsubjpass")), verb.i):
        return None
    if sp and verb is not None and f.source and any(a.country for a in sp) and not same_countries(f.source, sp) \
            and is_state_speaker(sp) and lemma(verb) in CLAIM_VERBS:
        return {"target": f.source, "source": list(sp)}
    return None


@rule
def demand_in_speech(f: Frame, ctx: SentenceContext) -> dict | None:
    """'Japan should stop provocations' in reported speech: a demand of the speaker; at home, rebels or
    the opposition saying the government must act demand it of the government."""
    at_home = not any(official(a) for a in f.speaker or []) and any(official(a) for a in f.source)
    if f.modality == "obligation" and f.speaker and f.source and (not same_countries(f.source, f.speaker) or at_home):
        return {"target": f.source, "source": list(f.speaker), "modality": "fact"}
    return None


@rule
def threat_unless(f: Frame, ctx: SentenceContext) -> dict | None:
    """'will withdraw its force unless ...': a threat."""
    unless = any(m.lower_ == "unless" for c in f.anchor.children if c.dep_ == "advcl" for m in c.children)
    return {} if f.modality == "future" and unless else None


@rule
def announced_cooperation(f: Frame, ctx: SentenceContext) -> dict | None:
    """'will visit', 'plans to send aid': an announced cooperative act agrees to it. An announced
    lifting ('will lift its tariffs') stays: CONCEDE is also a future retreat announced (spec §3)."""
    return {} if f.modality == "future" and f.cameo not in EASING_CAMEOS else None


@rule
def announced_hostility(f: Frame, ctx: SentenceContext) -> dict | None:
    """'warned it would impose sanctions' threatens; 'announced it would' decides."""
    decided = f.speech_verb is not None and lemma(f.speech_verb) in DECISION_VERBS
    return {} if f.modality == "future" and not (decided and f.type == T.SANCTION) else None


@rule
def announced_lawsuit(f: Frame, ctx: SentenceContext) -> dict | None:
    """'said it would take Kenya to the International Court of Justice': a suit announced threatens
    (CAMEO's 'sue' when done; a threat while still to come)."""
    return {} if f.modality == "future" and clause_condition(f.anchor, frozenset({"to-court"})) else None


@rule
def vowed_hostility(f: Frame, ctx: SentenceContext) -> dict | None:
    """'vowed to fight', 'swore to retaliate': a threat."""
    xc = [c for c in f.trigger.children if c.dep_ == "xcomp"]
    # "vowed to keep attacking ships": through a verb of going on
    xc += [x for c in xc if lemma(c) in CONTINUE_VERBS for x in c.children if x.dep_ == "xcomp"]
    # ("agreed not to use force against each other" renounces it)
    if f.light is None and any((lemma(c) in HOSTILE_INTENT or ctx.hostile_at(c.i) is not None)
                               and not any(n.dep_ == "neg" for n in c.children) for c in xc):
        return {}
    # "vowed that Israel would receive its just punishment": what the other is promised is retribution
    # ("Seoul vows stern response to North Korean provocations": the retribution vowed itself)
    cc = [c for c in f.trigger.children if c.dep_ == "ccomp" and not any(n.dep_ == "neg" for n in c.children)]
    return {} if f.light is None and lemma(f.trigger) in ("vow", "swear", "pledge", "promise") and any(
        o.lemma_.lower() in RETRIBUTION for c in cc + [f.trigger] for o in c.children if o.dep_ == "dobj") else None


def _conceded(f: Frame, verbs: tuple[str, ...]) -> dict | None:
    verb = lemma(f.anchor)
    # ("agreed to Uganda's demand": what is conceded may follow 'to')
    done_to = object_lemmas(f.anchor) | {o.lemma_.lower() for p in f.anchor.children if p.dep_ == "prep"
                                         and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"}
    if not f.refusal and verb in verbs and done_to & CONCESSION_OBJECTS.get(verb, set()):
        return {}
    return None


@rule
def conceded_demand(f: Frame, ctx: SentenceContext) -> dict | None:
    """'accepted the demands', 'heeded the call'."""
    return _conceded(f, ("accept", "meet", "grant", "heed", "agree"))


@rule
def lifted_sanction(f: Frame, ctx: SentenceContext) -> dict | None:
    """'lifted the sanctions', 'ended the blockade': easing sanctions or a blockade retreats (CAMEO 085)."""
    return lifted_restriction(f, ctx) if object_lemmas(f.anchor) & ECONOMIC_RESTRICTIONS else None


@rule
def lifted_restriction(f: Frame, ctx: SentenceContext) -> dict | None:
    """'lifted the curfew', 'dropped the charges'."""
    return _conceded(f, ("cancel", "revoke", "scrap", "drop", "end", "lift"))


@rule
def hosted_exercise(f: Frame, ctx: SentenceContext) -> dict | None:
    """'hosted Egypt for air force exercises': military cooperation."""
    return {} if lemma(f.trigger) in ("host", "invite") and purpose_is_exercise(f.anchor) else None


@rule
def joint_exercise(f: Frame, ctx: SentenceContext) -> dict | None:
    """Joint exercises, or exercises with a partner, are military cooperation (spec §3); one's
    own drills stay a posture (MOBILIZE)."""
    t, source = f.trigger, f.source
    if t.lemma_.lower() not in EXERCISES:
        return None
    if len({a.country for a in source if a.country}) > 1 or any(c.lower_ == "joint" for c in t.children) \
            or any(ctx.index.actors_for(o, speaker=f.speaker) for h in {t, f.anchor} for c in h.children
                   if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"):
        return {"target": [a for a in f.target if not any(a.country == x.country for x in source)]}
    return None


@rule
def regretted_act(f: Frame, ctx: SentenceContext) -> dict | None:
    """'Seoul voiced regret over Tokyo's decision', 'Beijing regrets the U.S. move': regret at another
    party's act criticises it (CAMEO 111); regret for one's own act, or for a death, is a soft apology
    and stays a concession."""
    t = f.trigger
    if lemma(t) != "regret" or not f.source:
        return None
    things = [o for c in t.children if c.dep_ == "prep" and c.lower_ in ("over", "at", "about", "on")
              for o in c.children if o.dep_ == "pobj"]
    if t.pos_ == "VERB":
        things += [c for c in t.children if c.dep_ == "dobj"]
    owners: list = []
    if t.pos_ == "VERB":  # "regretted that Mongolia had not complied": another's deed told in the clause
        owners += [a for c in t.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
                   for a in ctx.index.actors_for(s, speaker=f.speaker)]
    for o in things:
        possessor(ctx.index, o, lambda x: owners.extend(ctx.index.actors_for(x, speaker=f.speaker)),
                  lambda place: owners.append(Actor(kind="state", country=place.code)))  # "the Kenyan decision"
    other = [a for a in owners if a.country and not same_countries([a], f.source)]
    if not other:  # "expressed regret over the decision": a deed the text told of, another's
        own = {a.country for a in f.source}
        other = next((doers for o in things if is_definite(o)
                      for doers in [ctx.memory.doers_of(o.lemma_.lower(), own, ctx.sent.start, deeds=True)] if doers), [])
    if not other and any(is_definite(o) and o.lemma_.lower() in REFERRED_DEEDS for o in things):
        # "regretted the decision" after "Russia halted its participation": the last deed told, another's
        other = ctx.memory.last_doers(own, ctx.sent.start, deeds_only=True)
    return {"target": [a for a in other if a.country]} if other else None


@rule
def government_protest(f: Frame, ctx: SentenceContext) -> dict | None:
    """A government that 'protests' makes a diplomatic complaint."""
    if lemma(f.trigger) == "protest" and f.source and \
            all(a.kind in ("state", "igo") or a.sector == "GOV" for a in f.source):
        return {}
    return None


# -- placing (once countries are settled) -----------------------------------------------------
@rule
def domestic_sanction(f: Frame, ctx: SentenceContext) -> dict | None:
    """Sanctions on one's own country's people are coercion (not two states' on each other's)."""
    mutual = "target:each_other" in f.reasons
    return {} if f.source and f.target and same_countries(f.source, f.target) and not mutual else None
