"""Phase 4, source: who acts.

A scene noun ("in a phone call with X") takes its participants from its clause; otherwise
the source is the clause's subject (``subjects.SUBJECT_STEPS``), with co-actors ("along
with X"); a passive clause is read by ``PASSIVE_SOURCES``, in order, for its agent.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..issues import location_of
from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma
from .memory import DocumentMemory
from .parties import noun_agent, noun_owner, noun_parties, pair_parties, place_country, protest_parties
from .recipients import cargo_donor
from .records import Frame, SentenceContext
from .subjects import subject_of
from .syntax import co_actors, existential_participle
from .typefacts import MATERIAL_CONFLICT
from .words import AGENTIVE_EVENTS, GATHERING_NOUNS, LEGAL_INQUIRIES, PROTEST_NOUNS, VISIT_NOUNS, WEAPONS

PHASE = "source"
#: hostile acts whose unnamed agent is unknown, never guessed from the speaker or the story
MATERIAL = MATERIAL_CONFLICT


def run(f: Frame, ctx: SentenceContext) -> Frame:
    idx, t, speaker = ctx.index, f.trigger, f.speaker
    if f.route == "noun_with_its_parties":
        source, target = noun_parties(t, idx)
        return f.but("noun_parties", source=source, target=target, exclude=frozenset())
    if f.route == "protest_outbreak":
        source, target = protest_parties(t, idx)
        return f.but("protest_parties", source=source, target=target, exclude=frozenset())
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
        if p is not None and p.country and x.head.i not in idx.person_at:
            a = p.actor()
            if a not in people:
                people.append(a)
    if len({a.country for a in people}) < 2:
        return source
    return source + [a for a in people if a not in source]


def scene_participants(noun: Token, speaker, idx: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """'In a phone call with X, Qin said', 'at a meeting' after 'Xi and Kishida reaffirmed'; the parties
    a compound names ("the Japan-China summit")."""
    pair = pair_parties(noun, idx)
    if len(pair) >= 2:
        return pair, []
    owner = [c for c in noun.children if c.dep_ == "poss"]
    source = idx.actors_for(owner[0], speaker=speaker) if owner else []
    if not source:
        verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        source, _, subj = subject_of(verb, speaker, idx)
        source = listed_people(subj, source, idx)
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
    if not target and noun.lemma_ in VISIT_NOUNS:
        verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        loc = location_of(verb, idx.place_at)  # "arrived in Amman on a visit"
        if loc is not None and loc.country and loc.country not in {a.country for a in source}:
            target.append(Actor(kind="state", country=loc.country))
    return source, target


# -- passive clauses ---------------------------------------------------------------------------
def passive_target(f: Frame, idx: ActorIndex) -> list[Actor]:
    """The passive subject is the target; "It has been formally requested that U.S. authorities
    conduct ...": the demand is addressed to the subject of the complement clause."""
    if f.act_is_subject:
        return []  # "The Thai protests were conveyed to Cambodia": the act itself is the subject
    if f.subject is None or f.subject.lower_ != "it":
        return f.source
    target: list[Actor] = []
    for c in f.anchor.children:
        if c.dep_ == "ccomp":
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    target = idx.actors_for(s, speaker=f.speaker, allow_unknown=True)
    return target


# -- the source of a passive clause: PASSIVE_SOURCES, in order; the first that names one decides.
# Each takes the frame, the actor index, the memory and the clause's target.
def by_agent(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'were detained and later released by police': the agent serves both verbs; "by a missile
    believed to be fired by rebels": whoever used the weapon."""
    verb, speaker, source = f.anchor, f.speaker, []
    shared = [v for v in ([verb.head] if verb.dep_ == "conj" else []) + list(verb.conjuncts) if v.tag_ == "VBN"]
    agents = [c for v in [verb] + shared for c in v.children if c.dep_ == "agent"]
    # "accused of taking bribes by prosecutors": an active gerund takes no agent, so the parser
    # hung the passive's own on it
    agents += [c for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
               for c in g.children if c.dep_ == "prep" and c.lower_ == "by"]
    for c in agents[:1]:
        for o in c.children:
            if o.dep_ == "pobj":
                source = idx.actors_for(o, speaker=speaker)
                if not source and o.lemma_.lower() in WEAPONS:
                    for x in o.subtree:
                        if x.dep_ == "pobj" and x.head.dep_ == "agent" and x.i != o.i:
                            source = idx.actors_for(x, speaker=speaker)
                            break
    return source


def owner_of_the_act(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'The Thai protests were conveyed', 'Egypt's demands were delivered': whose act the subject is."""
    return noun_owner(idx, f.trigger) if f.act_is_subject else []


def summoner(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'was summoned to the Ministry of Foreign Affairs of Turkey': the summoner."""
    source: list[Actor] = []
    for c in f.anchor.children:
        if not source and c.dep_ == "prep" and c.lower_ == "to" and lemma(f.anchor) == "summon":
            for o in c.children:
                if o.dep_ == "pobj":
                    source = idx.actors_for(o, speaker=f.speaker) or noun_owner(idx, o)
    return source


def attack_by_country(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'were killed in Israeli tank shelling': the attack named by its country; "a mortar bomb
    was fired at it from the Gaza Strip": where the attack came from (the last one named)."""
    if f.type not in MATERIAL:
        return []
    source: list[Actor] = []
    verb = f.anchor
    # "killed and wounded by Israeli attacks": the agent may hang on a conjoined participle
    around = [verb] + [v for v in verb.conjuncts if v.tag_ == "VBN"]
    # "killed alongside 67,000 wounded by Israeli attacks": the agent may hang on a participle nearby
    nearby = [c for x in verb.subtree if x.tag_ == "VBN" and x not in around for c in x.children if c.dep_ == "agent"]
    for c in [c for v in around for c in v.children] + nearby:
        if (c.dep_ == "prep" and c.lower_ in ("in", "by")) or c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj" and {o.lemma_.lower(), o.lower_} & (AGENTIVE_EVENTS | {"shelling", "bombing", "raid"}):
                    code = idx.modifier_country(o)
                    if code:
                        source = [Actor(kind="state", country=code)]
    for c in f.anchor.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for o in c.children:
                if o.dep_ == "pobj":
                    code = place_country(o, idx)
                    if code:
                        source = [Actor(kind="state", country=code)]
    return source


def authorities_of_place(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'A US national was arrested in Italy', 'was put under investigation in France': with no agent
    named, an arrest, a detention or an inquiry is the act of the state where it is done."""
    legal = f.type == T.COERCE or (f.type == T.ACCUSE and lemma(f.trigger) in LEGAL_INQUIRIES)
    loc = location_of(f.anchor, idx.place_at) if legal else None
    return [Actor(kind="state", country=loc.country)] if loc is not None and loc.country else []


def speaker_of_clause(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'X was urged to ..., Y said': the speaker (never for violence, whose agent is unknown)."""
    return list(f.speaker) if f.speaker and f.type not in MATERIAL else []


def same_type_before(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'Taliban members were sanctioned': by whoever sanctioned before in the article."""
    return list(memory.last_source(f.type) or [])


def last_government(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """No agent named: the government that acted last in this article ("it has been requested");
    never for violence, whose unnamed agent is unknown."""
    if f.type in MATERIAL:
        return []
    last = memory.last_government(target)
    return [last] if last is not None else []


PASSIVE_SOURCES = (by_agent, owner_of_the_act, summoner, attack_by_country, authorities_of_place, speaker_of_clause, same_type_before, last_government)


def at_target(f: Frame, idx: ActorIndex, target: list[Actor]) -> list[Actor]:
    """The target of a passive hostile act with no agent is the subject, or "at X"."""
    if not target:
        for c in f.anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "on", "against"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        target = idx.actors_for(o, speaker=f.speaker)
    return target


def owner_target(f: Frame, idx: ActorIndex, target: list[Actor]) -> list[Actor]:
    """The passive subject of a hostile act may be a thing: it targets whom the thing belongs
    to ("a camp for Congolese refugees was attacked")."""
    if f.subject is not None and not any(a.country for a in target):
        owners = [o for c in f.subject.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                  for o in c.children if o.dep_ == "pobj"]
        for o in owners:
            found = [a for a in idx.actors_for(o, speaker=f.speaker, allow_unknown=True) if a.country]
            if found:
                return found
    return target


def passive_roles(f: Frame, idx: ActorIndex, memory: DocumentMemory) -> tuple[list[Actor], list[Actor], str]:
    """Source and target of a passive clause, and the rule that gave the source ('none')."""
    target = passive_target(f, idx)
    source, how = [], "none"
    for strategy in PASSIVE_SOURCES:
        source = strategy(f, idx, memory, target)
        if source:
            how = strategy.__name__
            break
    if f.type in MATERIAL:  # a hostile act's target: "at X" when no agent is named, or the thing's owner
        if how not in ("by_agent", "summoner"):
            target = at_target(f, idx, target)
        target = owner_target(f, idx, target)
    return source, target, how
