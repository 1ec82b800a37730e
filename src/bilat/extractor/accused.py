"""Target strategies for an accusation (``targets`` runs them): whoever did the act condemned, and
what a complaint is over, before whom it is addressed to; and what a reaction's 'what' clause names."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor
from ..model import EventType as T
from .parties import place_country, possessor
from .syntax import named_by_what
from .words import SITUATION_NOUNS

if TYPE_CHECKING:
    from .targets import Search


def doer_of_condemned_act(s: Search) -> None:
    """'condemned the attack by Israel', 'investigating crimes by Croatian extremists against Serb
    civilians': whoever did the condemned act is accused, not its victims."""
    if s.typ != T.ACCUSE:
        return
    for h in s.heads:
        acts = [c for c in h.children if c.dep_ == "dobj" and c.i not in s.exclude]
        acts += [o for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "for")
                 for o in c.children if o.dep_ == "pobj"]
        if h.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in h.children):
            acts.append(h)  # the parser often hangs "by X" on the active verb itself
        for act in acts:
            for c in act.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            s.take(o)
                            code = None if s.found else s.idx.modifier_country(o)
                            if code:  # "by Croatian extremists", in Croatia's own inquiry too
                                s.found.append(Actor(kind="group", country=code,
                                                     role=s.idx.noun_phrase(o, strip_det=True)))


def accused_over(s: Search) -> None:
    """'complained to the UN over Israeli air raids': the accused before the addressee (but 'slams
    the US over Taiwan arms sales' accuses its object)."""
    if s.typ != T.ACCUSE or any(s.idx.actors_for(c) for h in s.heads for c in h.children if c.dep_ == "dobj"):
        return
    # "lodged a protest with Japan over the G7's criticism": a protest lodged with a state is with the accused
    if any(a.kind == "state" for h in s.heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
           for o in c.children if o.dep_ == "pobj" for a in s.idx.actors_for(o)):
        return
    for h in s.heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("over", "about", "against", "of", "on") and c.i not in s.exclude:
                for o in c.children:
                    if o.dep_ == "pobj":
                        s.take_foreign(o)
                        if not s.found:
                            possessor(s.idx, o, s.take_foreign, s.take_place)
                        if not s.found and o.lemma_.lower() in SITUATION_NOUNS:
                            # "concern over the situation in Myanmar": the state where it unfolds
                            code = next((place_country(x, s.idx) for p in o.children if p.dep_ == "prep"
                                         and p.lower_ in ("in", "inside") for x in p.children if x.dep_ == "pobj"), None)
                            if code:
                                s.found.append(Actor(kind="state", country=code))
    without_own_side(s)  # "over the detention of a Japanese national"


def without_own_side(s: Search) -> None:
    """What a complaint or accusation is over never names the accuser's own side: drop what was found of
    the source's countries."""
    own = {a.country for a in s.source if a.country}
    s.found[:] = [a for a in s.found if a.country not in own]


def what_it_called(s: Search) -> None:
    """'denounced what it called Ugandan interference', 'welcomed what he termed Kenya's brave step': the
    reaction is to whom the named act belongs."""
    for named in (x for h in s.heads for c in h.children if c.dep_ == "ccomp" for x in named_by_what(c)):
        s.take(named)
        if not s.found:
            possessor(s.idx, named, s.take_foreign, s.take_place, s.take)
