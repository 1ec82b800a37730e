"""Phase 4, source: who acts.

A scene noun ("in a phone call with X") takes its participants from its clause; otherwise
the source is the clause's subject (``subjects.SUBJECT_STEPS``), with co-actors ("along
with X"); a passive clause is read by ``passive.passive_roles``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..issues import location_of
from ..model import Actor
from ..model import EventType as T
from . import headlines
from .act_nouns import noun_agent, noun_parties, protest_parties
from .parties import of_parties, pair_parties, place_country
from .passive import passive_roles
from .recipients import cargo_donor
from .records import Frame, SentenceContext
from .subjects import subject_of
from .syntax import co_actors, existential_participle
from .words import GATHERING_NOUNS, NATURAL_FORCES, PROTEST_NOUNS, SANCTION_NOUNS, VISIT_NOUNS

PHASE = "source"


def _named_before(t: Token, speaker, idx: ActorIndex) -> list[Actor]:
    """A headline's verb the tagger read as a plural noun ("US Treasury sanctions two RSF commanders"): the name
    compounded before it acts."""
    return [a for c in [c for c in t.children if c.dep_ == "compound" and c.i < t.i][-1:]
            for a in idx.actors_for(c, speaker=speaker)]


def run(f: Frame, ctx: SentenceContext) -> Frame:
    idx, t, speaker = ctx.index, f.trigger, f.speaker
    if f.route == "noun_with_its_parties":
        source, target = noun_parties(t, idx)
        return f.but("noun_parties", source=source, target=target, exclude=frozenset())
    if f.route == "protest_outbreak":
        source, target = protest_parties(t, idx)
        return f.but("protest_parties", source=source, target=target, exclude=frozenset())
    if f.route == headlines.ROUTE:
        source, target = headlines.headline_parties(f, idx)
        return f.but("headline_parties", source=source, target=target, exclude=frozenset())
    if f.route == "weapon_launch":
        return f.but("noun_agent", source=noun_agent(t, idx), target=[], exclude=frozenset())
    if f.scene:
        source, target = scene_participants(t, speaker, idx)
        return f.but("scene_participants", source=source, target=target, exclude=frozenset())
    verb = f.anchor
    source, passive, subj = subject_of(verb if t.pos_ != "ADJ" else t.head, speaker, idx)
    if t.pos_ == "ADJ" and not source:
        source, passive, subj = subject_of(t, speaker, idx)
    reason = "subject"
    source = source or (_named_before(t, speaker, idx) if t.pos_ == "NOUN" and f.route == "verb" else [])
    if subj is not None and subj.lemma_.lower() in NATURAL_FORCES:
        source = []  # "Floods killed 300 people": no actor's act
    if not source and not passive and subj is not None and subj.lemma_.lower() in GATHERING_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) and ctx.memory.meeting:
        source, reason = list(ctx.memory.meeting), "the_meeting"  # "The meeting called for restraint"
    if existential_participle(t):  # "there were ten soldiers killed": the noun is the passive subject
        subj, passive, reason = t.head, True, "existential_subject"
        source = idx.actors_for(t.head, speaker=speaker, allow_unknown=True)
    exclude = set(x.i for x in subj.subtree) if subj is not None else set()
    # "images of X receiving Y": the clause hangs inside its own subject's phrase; its object is no subject
    inner = {x.i for x in verb.subtree} if verb.i in exclude and verb.dep_ in ("acl", "relcl") else set()
    exclude -= inner
    for o in co_actors(verb):  # "visiting Washington along with President X": X acts too
        source = source + [a for a in idx.actors_for(o, speaker=speaker) if a not in source]
        exclude |= {x.i for x in o.subtree}
    if f.type in JOINT_TYPES and not passive:
        source = listed_people(subj, source, idx, skip=inner)
    if not source and f.type == T.SANCTION and subj is not None and subj.lemma_.lower() in SANCTION_NOUNS:
        source, reason = list(ctx.memory.last_source(T.SANCTION) or []), "last_sanctioner"  # "The package also targets"
    if not any(a.country for a in source) and f.type == T.SANCTION and not passive:
        # "West African leaders suspended Guinea from ECOWAS": the body one is suspended from suspends
        bodies = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                  if o.dep_ == "pobj" for a in idx.actors_for(o) if a.kind == "igo"]
        if bodies:
            source, reason = bodies, "suspending_body"
    first = ctx.read_at.get(verb.head.i) if verb.dep_ == "conj" else None
    if not any(a.country for a in source) and first is not None and first.source and not passive and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        source, reason = list(first.source), "conjunct_source"  # "suspended Guinea ... and demanded ..."
    aid_of_no_one = f.type == T.AID and not any(a.country for a in source) and subj is not None
    donor = cargo_donor(subj, idx) if aid_of_no_one else []
    if donor:
        source, reason = donor, "cargo_donor"  # "a Turkish plane carrying aid landed"
    f = f.but(reason, source=source, subject=subj, passive=passive, exclude=frozenset(exclude))
    if passive:
        source, target, how = passive_roles(f, ctx.index, ctx.memory)
        f = f.but(f"passive:{how}", source=source, target=target)
    return f


#: acts of several parties together, whose subject may list them all
JOINT_TYPES = frozenset({T.CONSULT, T.AGREE, T.COOPERATE})


def listed_people(subj: Token | None, source: list[Actor], idx: ActorIndex, skip: set[int] = frozenset()
                  ) -> list[Actor]:
    """'X, Foreign Minister of the UAE Y, Foreign Minister of Egypt Z ... participated in the meeting':
    a subject that lists people of several states, however the parser hung them, names them all."""
    if subj is None:
        return source
    people: list[Actor] = []
    for x in (x for x in subj.subtree if x.i not in skip):
        p = idx.person_at.get(x.i)
        # (a part of the same name is no one new; another person conjoined to the first is: "President Irfaan
        # Ali and Venezuela's Nicolas Maduro", where the parser hangs Maduro on Ali)
        if p is not None and p.country and idx.person_at.get(x.head.i) is not p:
            a = p.actor()
            if a not in people:
                people.append(a)
    if len({a.country for a in people}) < 2:
        return source
    return source + [a for a in people if a not in source]


def _scene_holders(noun: Token, speaker, idx: ActorIndex) -> list[Actor]:
    """Who holds a meeting a scene noun names: its owner ("her call with X"), else the clause's subject."""
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner:
        found = idx.actors_for(owner[0], speaker=speaker)
        if found:
            return found
    verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
    if verb.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("PROPN", "NOUN"):
        # "Ruto, in talks with Museveni on Friday, urged ...": the parser hangs the scene on the subject
        return idx.actors_for(verb, speaker=speaker)
    source, _, subj = subject_of(verb, speaker, idx)
    return listed_people(subj, source, idx)


def scene_participants(noun: Token, speaker, idx: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """'In a phone call with X, Qin said', 'at a meeting' after 'Xi and Kishida reaffirmed'; the parties
    a compound names ("the Japan-China summit")."""
    pair = pair_parties(noun, idx)
    if len(pair) >= 2:
        return pair, []
    # "the meeting of the government delegations of Kenya and Uganda": the parties its 'of' names, however deep
    members = of_parties(noun, speaker, idx)
    if len({a.country for a in members}) >= 2:
        return members, []
    source = _scene_holders(noun, speaker, idx)
    if not any(a.country for a in source):
        # "the talks between Xi and Ma": the parties a meeting is between are all its participants
        between = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                   for o in c.children if o.dep_ == "pobj"
                   # "between the Minister of India and X", however the parser hangs X
                   for x in [o] + [x for x in o.subtree if x.dep_ == "conj" and x.i > o.i]
                   for a in idx.actors_for(x, speaker=speaker)]
        between = list(dict.fromkeys(between))
        if len({a.country for a in between if a.country}) >= 2:
            return between, []
    if not source and speaker:
        source = list(speaker)
    target: list[Actor] = []
    preps = ("with", "between", "to") + (("against",) if noun.lemma_.lower() in PROTEST_NOUNS else ())
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "against":
            for o in c.children:
                if o.dep_ == "pobj":
                    target.extend(a for a in idx.actors_for(o, speaker=speaker) if a not in source)
                    for m in o.children:  # "riots against Israeli policies"
                        place = idx.place_at.get(m.i)
                        if m.dep_ in ("amod", "compound", "poss") and place is not None and place.kind != "city":
                            target.append(Actor(kind="state", country=place.code))
            continue
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    target.extend(a for a in idx.actors_for(o, speaker=speaker) if a not in source)
                    if not target and c.lower_ == "to" and noun.lemma_ in VISIT_NOUNS:
                        code = place_country(o, idx)  # "a visit to Beirut"
                        if code:
                            target.append(Actor(kind="state", country=code))
    if not target and noun.head.pos_ == "ADP" and noun.head.lower_ in ("in", "during", "on", "at"):
        # "told President X in a telephone call", "held sessions with X during the talks": whom the act
        # the meeting frames was done to or with
        verb = noun.head.head
        for _ in range(3):  # "had told him of the decision in a phone call": the parser hangs it on the noun
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep", "dobj") or verb.head.i == verb.i:
                break
            verb = verb.head
        met = [o for c in verb.children if c.dep_ in ("dobj", "dative") for o in [c] + [
            p for x in c.children if x.dep_ == "prep" and x.lower_ == "with" for p in x.children if p.dep_ == "pobj"]]
        target.extend(a for o in met for a in idx.actors_for(o, speaker=speaker) if a not in source)
    if not target and noun.lemma_ in VISIT_NOUNS:
        verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        loc = location_of(verb, idx.place_at)  # "arrived in Amman on a visit"
        if loc is not None and loc.country and loc.country not in {a.country for a in source}:
            target.append(Actor(kind="state", country=loc.country))
    return source, target
