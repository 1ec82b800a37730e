"""Re-coding rules about orders (rows of ``data/recodings.tsv``): where one actor orders another
to act, the order is the act -- coercion, or, for another's forces or envoys ordered out, expulsion."""
from __future__ import annotations

from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma
from .parties import same_countries
from .recodings import rule
from .records import Frame, SentenceContext
from .subjects import subject_of


@rule
def ordered_out(f: Frame, ctx: SentenceContext) -> dict | None:
    """'ordered French troops to withdraw', 'told the ambassador to leave': another's forces or
    envoys ordered out are expelled (CAMEO 166)."""
    changes = ordered_to_act(f, ctx)
    return {**changes, "forced_by": None} if changes and changes["target"] else None


@rule
def invited_to_leave(f: Frame, ctx: SentenceContext) -> dict | None:
    """'the decision of the government inviting him to leave the national territory within 72 hours': the
    translated formula of an expulsion (French 'inviter à quitter'), not an invitation."""
    return {} if lemma(f.trigger) == "invite" and any(
        c.dep_ == "xcomp" and lemma(c) in ("leave", "quit", "depart") for c in f.trigger.children) else None


@rule
def ordered_to_act(f: Frame, ctx: SentenceContext) -> dict | None:
    """'ordered the newspaper to suspend publication': the order is the act, coercion."""
    gov = f.forced_by
    if gov is None:
        return None
    source, _, _ = subject_of(gov, f.speaker, ctx.index)
    target = [a for o in gov.children if o.dep_ == "dobj"
              for a in ctx.index.actors_for(o, speaker=f.speaker, allow_unknown=True)]
    if f.type == T.RETREAT and (not target or same_countries(source, target)):
        return None  # "ordered its troops to withdraw": a retreat of one's own
    # "ordered the U.S. military to help Israel", "ordered police to expel the ambassador": a command to
    # one's own forces coerces no one (forces the text gives no country are the commander's)
    # (envoys ordered about are another's: "ordered diplomats from seven countries to leave")
    if target and all(not a.name and (same_countries(source, [a]) and a.sector in ("MIL", "GOV", "COP")
                                      or a.country is None and a.sector in ("MIL", "COP")) for a in target):
        return None
    return {"source": source, "target": target}


#: the instruments an executive signs
_INSTRUMENTS = frozenset({"order", "decree", "law", "bill", "directive", "ordinance", "act"})
#: what such an instrument does to those it names
_PUNITIVE = frozenset({"target", "impose", "ban", "bar", "sanction", "freeze", "restrict", "block", "blacklist",
                       "suspend", "expel"})


@rule
def decree_against(f: Frame, ctx: SentenceContext) -> dict | None:
    """'signed an executive order targeting seven senior Russian officials', 'signed a decree banning imports
    from Ukraine': the order is the measure, against whom it names (sanctions, CAMEO 163)."""
    if f.trigger.lemma_.lower() != "sign":
        return None
    acts = [a for o in f.trigger.children if o.dep_ == "dobj" and o.lemma_.lower() in _INSTRUMENTS
            for a in o.children if a.dep_ in ("acl", "relcl") and a.lemma_.lower() in _PUNITIVE]
    named = [x for a in acts for c in a.children
             for x in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else [])]
    target = [y for x in named for y in ctx.index.actors_for(x, allow_unknown=True) or possessed(x, ctx)]
    return {"target": list(dict.fromkeys(target))} if acts else None


def possessed(x, ctx: SentenceContext) -> list:
    """'seven senior Russian officials': the state their modifier names."""
    return [Actor(kind="state", country=ctx.index.place_at[m.i].code) for m in x.children
            if m.dep_ in ("amod", "compound") and m.i in ctx.index.place_at]
