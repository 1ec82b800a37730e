"""Re-coding rules for the stance a state takes on another's cause or act (rows of ``data/recodings.tsv``): a
commitment to another state's sovereignty, integrity or a principle it holds dear is support of that
state, not a promise to act ("reiterated its firm commitment to the one-China principle"); an act said to
threaten one's security is an accusation, not a threat; an act that "would be met with a response" is
threatened, not met; an ambassador "invited to the Ministry" is summoned there."""
from __future__ import annotations

from ..actors import sector_table
from .lexicon import lemma
from .parties import noun_owner
from .recodings import rule
from .records import Frame, SentenceContext
from .words import SOVEREIGN_GOODS, STANCE_OBJECTS

#: what an act is met with when it is answered, not attended
_RESPONSES = frozenset({"response", "reply", "answer", "measure", "countermeasure", "retaliation", "force",
                        "consequence", "action", "reaction", "resistance"})
#: what an act is said to threaten when it is blamed, not threatened
_GOODS_AT_RISK = frozenset({"security", "stability", "peace", "survival", "safety", "existence", "sovereignty",
                            "integrity", "interest", "interests", "order", "region"})
#: the verbs of such a blame
_ENDANGER = frozenset({"threaten", "endanger", "jeopardize", "jeopardise", "undermine", "imperil"})
#: the words of a commitment to a cause
_COMMITMENTS = frozenset({"commit", "commitment", "adherence", "adhere", "attachment"})


@rule
def committed_to_their_cause(f: Frame, ctx: SentenceContext) -> dict | None:
    t = f.trigger
    if lemma(t) not in _COMMITMENTS or not f.target:
        return None
    causes = [o for h in (t, t.head) for p in h.children if p.dep_ == "prep" and p.lower_ == "to"
              for o in p.children if o.dep_ == "pobj"]
    if not any(x.lemma_.lower() in SOVEREIGN_GOODS | STANCE_OBJECTS for o in causes for x in [o, *o.conjuncts]):
        return None
    return {}


@rule
def met_with_a_response(f: Frame, ctx: SentenceContext) -> dict | None:
    """'should the DPRK conduct a test, it would be met with a swift and forceful response', 'any resolution
    against Iran will be met with immediate measures': an act answered in the future, no meeting."""
    t = f.trigger
    if lemma(t) != "meet":
        return None
    answers = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in t.children):
        return {} if any(o.lemma_.lower() in _RESPONSES for o in answers) else None
    # "any provocation will meet a firm response", "the group would meet escalation with escalation": the answer
    # vowed threatens whoever did the act it answers (the subject, when it is no actor, is that act)
    met = [c for c in t.children if c.dep_ == "dobj"]
    if f.modality != "future" or not any(o.lemma_.lower() in _RESPONSES | {"escalation"} for o in met + answers):
        return None
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    doers = [a for c in subj for a in ctx.index.actors_for(c) if a.country]
    return _answer_threatens(f, ctx, doers, [a for c in subj for a in noun_owner(ctx.index, c)] if not doers else [])


@rule
def threatens_our_security(f: Frame, ctx: SentenceContext) -> dict | None:
    """'This deployment seriously threatens the security of regional countries', 'a deal that would threaten
    the survival of Israel': an act (no actor) said to endanger a good blames whoever does it."""
    t = f.trigger
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    goods = [o for c in t.children if c.dep_ == "dobj" for o in [c, *c.conjuncts]]
    if lemma(t) not in _ENDANGER or not subjects or not any(o.lemma_.lower() in _GOODS_AT_RISK for o in goods):
        return None
    subj = subjects[0]
    idx = ctx.index
    thing = (subj.pos_ == "NOUN" and subj.lemma_.lower() not in sector_table() and subj.i not in idx.place_at) or \
        subj.lower_ in ("it", "this", "that")
    if not thing:
        return None  # "Russia threatens Europe's security", "Ugandan troops threaten ...": a threat
    # the one who says so blames, whoever did the act ("the deployment of Ugandan troops")
    source = list(f.speaker) if f.speaker else [a for a in f.source if a.kind == "state" or a.sector == "GOV"]
    named = noun_owner(idx, subj) + [a for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                                     for o in p.children for a in idx.actors_for(o)]
    return {"source": source, "target": _doers(named, source, ctx)} if source else None


def _doers(named: list, source: list, ctx: SentenceContext) -> list:
    """Whoever did the act that is blamed or answered: those the act's phrase names, other than the source,
    else the last doer of a deed told before."""
    own = {a.country for a in source}
    found = [a for a in named if a.country not in own] or ctx.memory.last_doers(own, ctx.sent.start, deeds_only=True)
    return [a for a in found if a.country]


#: envoys a ministry calls in
_ENVOYS = frozenset({"ambassador", "envoy", "chargé", "charge", "diplomat", "attaché", "attache", "consul",
                     "representative"})


@rule
def envoy_invited_to_the_ministry(f: Frame, ctx: SentenceContext) -> dict | None:
    """'Ambassador of Japan was invited to the Ministry, where strong protest was expressed to him': the
    wording of some foreign ministries for a summons (a protest), not an invitation to visit."""
    t = f.trigger
    if lemma(t) != "invite":
        return None
    invited = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    envoy = any(x.lemma_.lower() in _ENVOYS for c in invited for x in c.subtree if x.dep_ != "prep")
    # (the foreign ministry, however named: not "the office of the president", where envoys are received)
    to_ministry = any(o.lemma_.lower() in ("ministry", "mfa") or (o.lemma_.lower() in ("office", "department") and any(
        c.lower_ in ("foreign", "state") for c in o.children if c.dep_ in ("compound", "amod")))
        for p in t.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj")
    return {} if envoy and to_ministry else None


#: verbs of an answer vowed ("will not remain without an answer", "would respond", "will not go unanswered")
_ANSWERS = frozenset({"remain", "respond", "answer", "reciprocate", "go", "leave", "follow", "come"})


@rule
def answer_vowed(f: Frame, ctx: SentenceContext) -> dict | None:
    """'Such actions will not remain without answer', 'said Tehran would respond reciprocally', 'any attack on
    the vessel would be answered', 'the expulsions will not go unanswered': whoever vows the answer threatens
    whoever did, or would do, the act it answers."""
    t = f.trigger
    if lemma(t) not in _ANSWERS or f.modality != "future":
        return None
    # who answers: the subject that is an actor ("Tehran would respond"), else whoever says so; what is
    # answered: an act the subject names ("any attack on the vessel", "such actions"), or one "to" names
    subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers = [a for c in subj for a in ctx.index.actors_for(c) if a.country] if lemma(t) in ("respond", "reciprocate") else []
    # ("will not leave the decision of Kenya without an answer": what is left unanswered is the object)
    acts = ([] if doers else subj) + [c for c in t.children if c.dep_ == "dobj" and lemma(t) == "leave"] + [
        o for p in t.children if p.dep_ == "prep" and p.lower_ in ("to", "against") for o in p.children if o.dep_ == "pobj"]
    return _answer_threatens(f, ctx, doers, [a for c in acts for a in ctx.index.actors_for(c) or noun_owner(ctx.index, c)])


def _answer_threatens(f: Frame, ctx: SentenceContext, doers: list, named: list) -> dict | None:
    """An answer vowed: by the actors that answer, else whoever says so, at whoever did the act answered (those
    ``named`` in its phrase, else the last doer of a deed told before)."""
    source = doers or list(f.speaker or [])
    target = _doers(named, source, ctx)
    return {"source": source, "target": target} if source and target else None
