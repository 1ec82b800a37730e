"""Phase 8, fallbacks from the story: a statement, a deployment, force or aid with no one named to receive it
goes to the state the story is about, beside its source (``fallbacks.FALLBACK_STEPS`` runs these last)."""
from __future__ import annotations

from ..model import Actor
from ..model import EventType as T
from .objects import object_ok
from .parties import leading_pair, place_counts
from .records import Frame, SentenceContext
from .typefacts import FUTURE_CAMEO
from .words import AID_GOODS, ANSWERS_GIVEN

_RULERS = frozenset({"authority", "authorities", "regime", "junta", "government", "leadership"})  # a state's, unnamed


def story_counterpart(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """A state's statement with no addressee in a story about two states ("We have lodged a strong
    protest", "Egypt refused to accept it", "expressing deep regret, he said"): it is addressed to the other one;
    so is a deployment ("sent an infantry battalion to the area, some 60 km from the frontier"), and force used on
    no one named ("Indian warplanes bombed what New Delhi described as a training camp near Balakot")."""
    if f.type not in (T.ACCUSE, T.REQUEST, T.REJECT, T.THREATEN, T.CONCEDE, T.MOBILIZE, T.ASSAULT):
        return []
    src = {a.country for a in f.source if a.country}
    if len(src) != 1 or any(c.startswith("IGO:") for c in src):
        return []
    # "asked buyers to wait" names whom it addresses, and they are no state ("urged the authorities" are the rulers;
    # "will give a befitting reply" names what is given)
    if f.type in (T.REQUEST, T.THREATEN) and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() not in _RULERS
                                                  and c.lemma_.lower() not in ANSWERS_GIVEN for c in f.anchor.children):
        return []
    pair = leading_pair(ctx.index, f.trigger.i)
    if not pair or not src <= set(pair):
        return []
    other = next(c for c in pair if c not in src)
    return [] if other.startswith("IGO:") else [Actor(kind="state", country=other)]


def aid_to_the_story(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'India sent a plane loaded with food supplies' in a story about floods in Sri Lanka: aid with
    no recipient named goes to the state the story is about (named most, clear of any other), as aid promised does."""
    # (a promise of money or goods too: "Canberra committed an initial A$1 million in aid")
    if f.type != T.AID and not (f.type == T.AGREE and (f.cameo == FUTURE_CAMEO[T.AID] or
                                                       object_ok(f.anchor, AID_GOODS, ctx.index))):
        return []
    src = {a.country for a in f.source if a.country}
    # the places named before the aid: "India dispatched rescue teams and Britain pledged ..." is not
    # for Britain
    ranked, counts = place_counts(ctx.index, ("country", "demonym", "capital", "city"), before=f.trigger.i,
                                  leave_out=src)
    # named most (twice or more), or the only other state the story named
    if not ranked or (counts[ranked[0]] < 2 and len(ranked) > 1) or \
            (len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]):
        return []
    return [Actor(kind="state", country=ranked[0])]


def rulers_addressed(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'ASEAN has urged the military government to accept a special envoy', 'the AU called on the authorities
    to ...': a body addressing a state's rulers it does not name addresses the state the story is about (named
    most so far, clear of any other)."""
    if f.type not in (T.REQUEST, T.ACCUSE, T.THREATEN) or not f.source \
            or not all((a.country or "").startswith("IGO:") for a in f.source):
        return []
    if not any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _RULERS for c in f.anchor.children):
        return []
    ranked, counts = place_counts(ctx.index, ("country", "demonym", "capital"), before=f.trigger.i, leave_out=set())
    if not ranked or (len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]):
        return []
    return [Actor(kind="state", country=ranked[0])]
