"""Target strategies for an accusation, a demand or a warning (``targets`` runs them): whoever did the
act condemned, and what a complaint is over, before whom it is addressed to; whom a demanded or warned
clause names; and what a reaction's 'what' clause names."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..model import Actor
from ..model import EventType as T
from .parties import place_country, possessor
from .syntax import clause_condition, named_by_what
from .words import LOCATED_EVENTS, SITUATION_NOUNS, SOUGHT_OUTCOMES

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
            # ("alarmed by the Ugandan raid": what a feeling is roused by, never a passive's doer)
            if (c.dep_ in ("prep", "agent") and c.i not in s.exclude and
                    (c.lower_ in ("over", "about", "against", "of", "on") or (c.lower_ == "by" and h.pos_ == "ADJ"))):
                for o in c.children:
                    if o.dep_ == "pobj":
                        s.take_foreign(o)
                        if not s.found:
                            possessor(s.idx, o, s.take_foreign, s.take_place)
                        if not s.found:  # "concern over the situation in Myanmar": the state where it unfolds
                            _where_it_happens(s, o)
    without_own_side(s)  # "over the detention of a Japanese national"


def _where_it_happens(s: Search, o: Token, kinds: frozenset[str] = SITUATION_NOUNS | LOCATED_EVENTS) -> None:
    """The state where a situation or a located event ``o`` happens ("the coup in Gabon"; the parser
    often hangs "in Gabon" on the verb whose object the event is)."""
    if o.lemma_.lower() not in kinds and o.lower_ not in kinds:
        return
    # ("an end to the fighting in Darfur": the place may hang on a noun inside the phrase)
    verb = o.head if o.dep_ == "dobj" else o.head.head if o.dep_ == "pobj" and o.head.lower_ == "for" else None
    preps = [p for p in o.subtree if p.dep_ == "prep" and p.head.pos_ in ("NOUN", "PROPN")] + \
        ([p for p in verb.children if p.dep_ == "prep" and p.i > o.i] if verb is not None else [])
    own = {a.country for a in s.source}
    code = next((c for p in preps if p.lower_ in ("in", "inside") for x in p.children if x.dep_ == "pobj"
                 for c in [place_country(x, s.idx)] if c and c not in own), None)
    if code:
        s.found.append(Actor(kind="state", country=code))


def event_in_a_country(s: Search) -> None:
    """'condemned the coup in Gabon', 'welcomed the elections in Uganda': a reaction to what happened in a
    state is to that state (its own state excepted, ``_where_it_happens``); so is a call for calm there."""
    if s.typ == T.REQUEST:  # "called for an immediate ceasefire in Sudan", "urged restraint in Gaza"
        objects = [o for h in s.heads for c in h.children if c.i not in s.exclude
                   for o in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"]
                             if c.dep_ == "prep" and c.lower_ == "for" else [])]
        kinds = SOUGHT_OUTCOMES
    elif s.typ in (T.ACCUSE, T.SUPPORT):
        objects = [c for h in s.heads for c in h.children if c.dep_ == "dobj" and c.i not in s.exclude]
        kinds = SITUATION_NOUNS | LOCATED_EVENTS
    else:
        return
    for o in objects:
        _where_it_happens(s, o, kinds)


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


def taken_to_court(s: Search) -> None:
    """'took Kenya to the International Court of Justice': the one taken there is sued, the court is where."""
    if s.typ not in (T.ACCUSE, T.THREATEN):
        return
    for h in s.heads:
        if clause_condition(h, frozenset({"to-court"})):
            # the court is no party: later strategies must not take it
            s.exclude |= {x.i for c in h.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.subtree}
            for o in (c for c in h.children if c.dep_ == "dobj"):
                s.take(o)
                # "take the border dispute with Thailand to the ICJ": the other party to what is taken
                for x in (x for x in o.subtree if x.dep_ == "pobj" and not s.found):
                    s.take_foreign(x)


def warns_the_state_acted_on(s: Search, clause: Token, sub: Token) -> bool:
    """Does a warned clause's subject act on another state the clause names ("Kenya could cut ties with
    Uganda, the president warned")? Then the subject is the warner's side: that state is taken as warned."""
    own = {a.country for a in s.idx.actors_for(sub) if a.country}
    objects = [c for c in clause.children if c.dep_ == "dobj"] + \
        [o for p in clause.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    other = next((x for o in objects for x in o.subtree for a in s.idx.actors_for(x)
                  if own and a.kind == "state" and a.country and a.country not in own), None)
    if other is not None:
        s.take(other)
    return other is not None


def complement_subject(s: Search) -> None:
    """'demanded that the US cancel ...', 'accused X of ...', "its demands that Burundi's
    government grant ...": the complement's subject is addressed (a group the text gives no
    country may get one from the place or the story later)."""
    if s.typ not in (T.REQUEST, T.ACCUSE, T.THREATEN, T.REJECT, T.AGREE, T.RETREAT, T.CONCEDE):
        return
    for h in s.heads:
        for c in h.children:
            # "called for all parties in Myanmar to exercise restraint": a 'for ... to' clause too
            for_to = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            if (c.dep_ in ("ccomp", "xcomp") or for_to or (c.dep_ == "acl" and h.pos_ == "NOUN")) and c.i not in s.exclude:
                for sub in c.children:
                    if sub.dep_ in ("nsubj", "nsubjpass"):
                        # (a warning that "Moscow would respond" tells the warner's own act, not its target;
                        # "Kenya could cut ties with Uganda, the president warned" warns the state acted on)
                        if not (s.typ == T.THREATEN and warns_the_state_acted_on(s, c, sub)):
                            s.take(sub, foreign_only=s.typ == T.THREATEN, unknown=True)


def misparsed_object(s: Search) -> None:
    """'telephoned Prime Minister X, who told him ...': a meeting verb takes no clause, so the subject the
    parser gave a complement right after it is the one met."""
    if s.typ != T.CONSULT:
        return
    for h in s.heads:
        for c in h.children:
            if c.dep_ == "ccomp" and c.i not in s.exclude and h.pos_ == "VERB":
                for sub in c.children:
                    if sub.dep_ == "nsubj" and sub.left_edge.i <= h.i + 2 and sub.pos_ in ("PROPN", "NOUN"):
                        s.take(sub)
