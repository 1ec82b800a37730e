"""Phase 4, source, of a passive clause: the agent by ``PASSIVE_SOURCES``, in order (the first
that names one decides), and the target (the subject, "at X", or the owner of the thing hit).
"""
from __future__ import annotations

from ..actors import ActorIndex, sector_table
from ..issues import location_of
from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma
from .memory import DocumentMemory
from .parties import noun_owner, pair_parties, place_country
from .records import Frame
from .typefacts import MATERIAL_CONFLICT
from .words import AGENTIVE_EVENTS, LEGAL_INQUIRIES, MUTUAL_FIGHTS, WEAPONS

#: nouns of time a passive's agent may hang on ("was welcomed the same day by Biden")
_TIME_NOUNS = frozenset({"day", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend"})

#: hostile acts whose unnamed agent is unknown, never guessed from the speaker or the story
MATERIAL = MATERIAL_CONFLICT

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
    # "was welcomed the same day by Biden": the parser hangs the agent on the time phrase before it
    agents += [c for n in verb.children if n.dep_ == "npadvmod" and (n.ent_type_ in ("DATE", "TIME")
                                                                   or n.lemma_.lower() in _TIME_NOUNS)
               for c in n.children if c.dep_ == "prep" and c.lower_ == "by"]
    for c in agents[:1]:
        for o in c.children:
            if o.dep_ == "pobj":
                source = idx.actors_for(o, speaker=speaker)
                if not source and o.lemma_.lower() in WEAPONS:
                    for x in o.subtree:
                        if x.dep_ == "pobj" and x.head.dep_ == "agent" and x.i != o.i:
                            source = idx.actors_for(x, speaker=speaker)
                            break
                    # "hit by water cannon from China Coast Guard ships": whoever it came from
                    source = source or [a for p in o.children if p.dep_ == "prep" and p.lower_ == "from"
                                        for x in p.children if x.dep_ == "pobj"
                                        for a in idx.actors_for(x, speaker=speaker) or noun_owner(idx, x)]
    return source


def own_forces(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'Hundreds of Kenyan soldiers were deployed to Uganda': a state deploys its own forces, so the
    forces' country deployed them (the destination, not the forces, is the target)."""
    if f.type != T.MOBILIZE or any(c.dep_ == "aux" and c.lower_ == "to" for c in f.anchor.children):
        return []  # ("a call for its forces to be deployed": no deployment)
    return [a for a in target if a.country and a.kind != "person"]


def owner_of_the_act(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'The Thai protests were conveyed', 'Egypt's demands were delivered': whose act the subject is; all
    the parties a meeting's name gives ("The Joint EAC-SADC Summit was held")."""
    if not f.act_is_subject:
        return []
    pair = pair_parties(f.trigger, idx) if f.type == T.CONSULT else []
    return pair if len(pair) > 1 else noun_owner(idx, f.trigger)


def summoner(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'was summoned to the Ministry of Foreign Affairs of Turkey': the summoner."""
    source: list[Actor] = []
    # "was summoned to the ministry and handed a note of protest": the note is the summoner's too
    # ("was invited to the Ministry": the same summons in some ministries' words)
    called_in = ("summon", "invite")
    verb = f.anchor.head if f.anchor.dep_ == "conj" and lemma(f.anchor.head) in called_in else f.anchor
    for c in verb.children:
        if not source and c.dep_ == "prep" and c.lower_ == "to" and lemma(verb) in called_in:
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
                    # "killed in an ambush by Ugandan militants": the attack's own agent
                    source = source or [a for w in o.children if w.dep_ == "prep" and w.lower_ == "by"
                                        for x in w.children if x.dep_ == "pobj" for a in idx.actors_for(x)]
                # "killed in a clash with Chinese troops": the fight's other side
                if o.dep_ == "pobj" and o.lemma_.lower() in MUTUAL_FIGHTS and not source:
                    source = [a for w in o.children if w.dep_ == "prep" and w.lower_ == "with" for x in w.children
                              if x.dep_ == "pobj" for a in idx.actors_for(x) if a.country and a not in target
                              and a.country not in {t.country for t in target}]
                    # ("20 Indian soldiers and four Chinese troops were killed in fighting": each side the other's)
                    if not source and len({t.country for t in target if t.country}) >= 2:
                        source = list(target)
    for c in f.anchor.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for o in c.children:
                if o.dep_ == "pobj":
                    code = place_country(o, idx)
                    if code:
                        source = [Actor(kind="state", country=code)]
    return source


def reporting_forces(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'Eleven PKK militants were neutralized in northern Iraq, the Turkish defence ministry said': rebels of
    the speaker's own state hit by no one named were hit by that state, whose forces report it."""
    own = {a.country for a in f.speaker or [] if a.country and a.kind != "group"}
    if f.type not in MATERIAL or len(own) != 1 or not target \
            or not all(a.kind == "group" and a.country in own and (a.sector or _sector_of(a.role)) == "REB"
                       for a in target):
        return []
    return [Actor(kind="state", country=own.pop())]


def _sector_of(role: str | None) -> str | None:
    """The sector a group's head noun names ('Eleven PKK terrorists': REB)."""
    head = (role or "").split()[-1:] or [""]
    found = sector_table().get(head[0].lower()) or sector_table().get(head[0].lower().rstrip("s"))
    return found[0] if found else None


def authorities_of_place(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'A US national was arrested in Italy', 'was put under investigation in France': with no agent
    named, an arrest, a detention or an inquiry is the act of the state where it is done."""
    legal = f.type == T.COERCE or (f.type == T.ACCUSE and lemma(f.trigger) in LEGAL_INQUIRIES)
    loc = location_of(f.anchor, idx.place_at) if legal else None
    return [Actor(kind="state", country=loc.country)] if loc is not None and loc.country else []


def speaker_of_clause(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'X was urged to ..., Y said': the speaker (never for violence, whose agent is unknown); "units had been
    put on heightened alert, the defence minister said": a government tells of its own forces' posture."""
    posture = f.type == T.MOBILIZE and all(a.kind != "group" and a.sector in ("GOV", "MIL", None) for a in f.speaker or [])
    return list(f.speaker) if f.speaker and (f.type not in MATERIAL or posture) else []


def same_type_before(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """'Taliban members were sanctioned': by whoever sanctioned before in the article; not when that
    would make the target act on itself ("two Thai soldiers were wounded by a landmine" after the
    Thai army "fired")."""
    last = list(memory.last_source(f.type) or [])
    own = {a.country for a in target if a.country}
    return [] if own and {a.country for a in last if a.country} <= own else last


def last_government(f: Frame, idx: ActorIndex, memory: DocumentMemory, target: list[Actor]) -> list[Actor]:
    """No agent named: the government that acted last in this article ("it has been requested");
    never for violence, whose unnamed agent is unknown."""
    if f.type in MATERIAL:
        return []
    last = memory.last_government(target)
    return [last] if last is not None else []


PASSIVE_SOURCES = (by_agent, own_forces, owner_of_the_act, summoner, attack_by_country, reporting_forces,
                   authorities_of_place, speaker_of_clause, same_type_before, last_government)


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
    if how == "own_forces":
        target = []
    if f.type in MATERIAL:  # a hostile act's target: "at X" when no agent is named, or the thing's owner
        if how not in ("by_agent", "summoner"):
            target = at_target(f, idx, target)
        target = owner_target(f, idx, target)
    return source, target, how
