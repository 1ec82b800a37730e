"""Phase 8, fallbacks: a target for frames that still have none, from further afield.

``FALLBACK_STEPS`` run in order, each only while the frame has no target. A frame without
a source has nothing to fall back from and is dropped here.
"""
from __future__ import annotations

from ..actors import sector_table
from ..model import Actor
from ..model import SYMMETRIC_TYPES
from ..model import EventType as T
from .lexicon import lemma
from .parties import same_countries
from .reactions import reaction_over_the_clause, reaction_to_an_act, release_from_the_captor
from .story_parties import aid_to_the_story, rulers_addressed, story_counterpart
from .records import Frame, SentenceContext
from .subjects import subject_of
from .syntax import own_clause
from .typefacts import DOMESTIC_TYPES, STATEMENTS
from .words import (AGENT_HEADS, ATTACK_NOUNS, CALL_PURPOSES, LOCATIVE, PLACE_HEADS, RECIPROCAL_VERBS,
                    RECIPROCAL_WORDS, SPEECH_VERBS)

PHASE = "fallbacks"


def rejected_speaker(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'Egypt said Ethiopia rejected the proposal': rejected Egypt's proposal."""
    if f.type == T.REJECT and f.speech_verb is not None and f.speaker and not same_countries(f.speaker, f.source):
        return [a for a in f.speaker if a.country]
    return []


def posture_at_the_place(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'fired ballistic missiles into waters around Taiwan': a show of force found to be one after the
    places were read (a missile test) faces the foreign place it is shown at; 'ended its military
    operation in Uganda': forces withdrawn from a foreign place withdraw from that state."""
    loc = f.location
    if f.type in (T.MOBILIZE, T.RETREAT) and loc is not None and loc.country and loc.country not in {a.country for a in f.source}:
        return [Actor(kind="state", country=loc.country)]
    return []


def shared_with_its_conjunct(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'condemned Israel's war and demanded a ceasefire', 'criticised the move and urged restraint': a
    statement conjoined to another of the same speaker is addressed to the same party; so is one reported by
    a saying conjoined to it ("condemned the sanctions the EU imposed and said Iran would take reciprocal
    measures", "demanded the release of Bazoum and said it would take all measures necessary")."""
    if f.type not in STATEMENTS:
        return []
    said = f.speech_verb is not None and f.speech_verb.dep_ == "conj" and f.anchor.dep_ != "conj"
    joined = f.speech_verb if said else f.anchor
    if joined.dep_ != "conj":
        return []
    first = ctx.read_at.get(joined.head.i)
    if first is None or first.dropped or first.type not in STATEMENTS or not (
            first.source == f.source or said and same_countries(first.source, f.source)):
        return []
    return list(first.target)


def among_themselves(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'Thai and Cambodian troops exchanged fire', 'Japan and the Philippines signed a pact allowing each
    other's troops to train': a directed act two or more states do together, mutual by its verb or its words,
    with no one else named, is each one's toward the others, so they are its target too."""
    parties = list(dict.fromkeys(a.country for a in f.source if a.country))
    if f.type in SYMMETRIC_TYPES or len(parties) < 2:
        return []
    lows = [t.lower_ for t in f.anchor.subtree]
    # ("a ceasefire between Kenya and Uganda": what is between them is both ways)
    mutual = lemma(f.trigger) in RECIPROCAL_VERBS or any(w in RECIPROCAL_WORDS for w in lows) or any(
        (a, b) in (("each", "other"), ("one", "another")) for a, b in zip(lows, lows[1:])) or any(
        c.dep_ == "prep" and c.lower_ == "between" for c in f.trigger.children)
    return [Actor(kind="state", country=c) for c in parties] if mutual else []


def said_in_the_call(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'spoke to Bazoum by phone to express his full support', 'called Li to convey condolences': what
    is said in a call is said to the one called."""
    verb = f.anchor
    if verb.dep_ not in ("xcomp", "advcl") or lemma(verb) not in CALL_PURPOSES \
            or lemma(verb.head) not in ("call", "phone", "telephone", "speak", "talk"):
        return []
    called = [c for c in verb.head.children if c.dep_ == "dobj"] + [
        o for p in verb.head.children if p.dep_ == "prep" and p.lower_ in ("to", "with") for o in p.children
        if o.dep_ == "pobj"]
    own = {a.country for a in f.source}
    return [a for c in called[:1] for a in ctx.index.actors_for(c, speaker=f.speaker) if a.country not in own]


def told_to_the_addressee(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'Araghchi told Grossi that Iran was prepared to resolve the issues', 'assured him that Australia
    would be there': a statement told to someone is addressed to them (not to the reporters or a paper),
    when it is the teller's own ("Syria has agreed to ..., Annan told the Security Council": not to the Council)."""
    verb = f.speech_verb
    own = {a.country for a in f.source}
    if verb is None or f.type not in STATEMENTS | {T.AGREE, T.SUPPORT, T.CONCEDE} \
            or own != {a.country for a in f.speaker or []}:
        return []
    return [a for c in verb.children if c.dep_ in ("dobj", "dative") for a in ctx.index.actors_for(c, speaker=f.speaker)
            if a.country and a.country not in own and a.sector != "JRN"]


def denial_answers_the_accuser(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'Biden blamed Iran-backed groups ... Tehran denied any involvement': a denial answers the last
    accuser, where that accuser is another state."""
    if f.type != T.REJECT or lemma(f.trigger) != "deny":
        return []
    own = {a.country for a in f.source}
    return [a for a in ctx.memory.last_source(T.ACCUSE) or [] if a.country and a.country not in own]


def answers_an_act(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'vowed revenge after a U.S. air strike killed X': the one who struck is threatened; 'returned
    fire after Indian soldiers shelled posts': the one who shelled is fired on; 'scrambled jets after
    Chinese drones flew ...': the posture faces them."""
    if f.type not in (T.THREATEN, T.ASSAULT, T.MOBILIZE):
        return []
    # a threat is also held over whoever its condition is on: "would block the bids unless the two
    # countries stopped ...", "would respond if Israel struck"
    marks = ("after", "because", "since") + (("unless", "if") if f.type == T.THREATEN else ())
    # ("warned that it would take necessary measures if the North proceeded": the condition of what is warned)
    said = [x for cc in f.anchor.children if cc.dep_ == "ccomp" for x in cc.children] if f.type == T.THREATEN else []
    for c in [*f.anchor.children, *(f.trigger.children if f.trigger.i != f.anchor.i else ()), *said]:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
            doer, _, _ = subject_of(c, f.speaker, ctx.index)
            target = [a for a in doer if a.country and not same_countries([a], f.source)]
            if target:
                return target
    return []


def one_foreign_state(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """Last resort for speech acts and sanctions: the one foreign state the sentence names as an actor
    ("imposed sanctions on shipping companies accused of moving Iranian oil")."""
    if f.type not in (T.ACCUSE, T.REQUEST, T.THREATEN, T.MOBILIZE, T.SANCTION):
        return []
    src = {a.country for a in f.source if a.country}
    # who reports the act is not whom it is aimed at ("..., US officials said")
    reporter = {x.i for c in (f.speech_verb.children if f.speech_verb is not None else ())
                if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
    seen: list[str] = []
    # a relative clause's act is aimed inside it ("concern over Indonesia's code, which bans ...": not the
    # United States that voiced the concern)
    inside = {x.i for x in f.anchor.subtree} if f.anchor.dep_ in ("relcl", "acl") else None
    # so is a contrasting clause's ("Brazil called it a violation, while the US said it condemns any
    # violation": not Brazil)
    contrast = next((a for a in [f.speech_verb or f.anchor, *(f.speech_verb or f.anchor).ancestors] if a.dep_ == "advcl"
                     and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas", "whilst") for m in a.children)), None)
    inside = inside if contrast is None else {x.i for x in contrast.subtree}
    coordinated = [c for c in f.anchor.children if c.dep_ == "conj"] + ([f.anchor.head] if f.anchor.dep_ == "conj" else [])
    if any(c.dep_ == "dobj" and any(m.lower_ in ("other", "another") for m in c.children) for c in f.anchor.children):
        return []  # "thanked Germany and urged other partners to follow": the others are no state named here
    # a clause joined after with its own subject or its own report acts apart ("expressed concern and said
    # it would reconsider its ban on supplying weapons to Ukraine": not Ukraine's doing that concerns)
    # (so does a contrasting clause: "issued a similar call, while Australia's minister said ...")
    apart = {x.i for c in f.anchor.children if (c.dep_ == "conj" and c.i > f.anchor.i and (
        lemma(c) in SPEECH_VERBS or any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children))) or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas", "whilst") for m in c.children))
        for x in c.subtree}
    for x in ctx.toks:
        if x.i in f.exclude or x.i in reporter or (inside is not None and x.i not in inside) or x.i in apart:
            continue
        if x.dep_ in ("nsubj", "nsubjpass") and x.head in coordinated:
            continue  # "the US urged calm, and the UN called for ...": a coordinated clause's subject acts there
        place = ctx.index.place_at.get(x.i)
        if place is None or place.kind in ("city", "igo") or place.code in src:
            continue
        if x.dep_ == "compound" and x.head.lemma_.lower() not in AGENT_HEADS and x.head.lower_ not in AGENT_HEADS \
                and not (f.type == T.THREATEN and x.head.lemma_.lower() in ATTACK_NOUNS):
            continue  # (but "reserves the right to respond to the Ugandan attack": the attacker is warned)
        if x.head.dep_ == "prep" and x.head.lower_ in LOCATIVE:
            continue
        if x.dep_ == "poss" and x.head.dep_ == "pobj" and x.head.head.lower_ in LOCATIVE:
            continue  # "an attack in Pakistan's Balochistan province": where, not whom
        if x.i > 0 and x.doc[x.i - 1].lower_ in ("one", "two"):
            continue  # "one China, one Taiwan": a formula, not an actor
        if place.code not in seen:
            seen.append(place.code)
    return [Actor(kind="state", country=seen[0])] if len(seen) == 1 else []


def home_country(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """A measure at home: "threatened to institute a curfew in Algiers", "jailed opposition
    members" -- the source's own country is the target when the clause places it there."""
    if f.type not in DOMESTIC_TYPES:
        return []
    idx = ctx.index
    home = {a.country for a in f.source if a.country}
    for x in own_clause(f.anchor, set(f.exclude)):
        place = idx.place_at.get(x.i)
        if place is None or place.code not in home or place.kind not in ("country", "capital", "city", "demonym"):
            continue
        tok = idx.doc[place.end - 1]
        if any(a.dep_ == "pcomp" and a.head.lower_ == "from" for a in tok.ancestors):
            continue  # "barred Porras from entering the United States": where she may not go, not where it falls
        if tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout", "within")):
            # the measure falls on the country's people, not on its government: a government
            # lifting its own curfew is a concession at home, not one office talking to another
            return [Actor(kind="group", country=place.code)]
        # "threatened to ban Ugandan opposition candidates": the country's own people
        head = tok.head.lemma_.lower()
        if tok.dep_ in ("amod", "compound") and tok.head.dep_ in ("dobj", "pobj") and \
                tok.head.head.lower_ != "to" and \
                ((head in sector_table() and sector_table()[head][1] == "group") or head in PLACE_HEADS):
            return [Actor(kind="group", country=place.code, role=tok.head.text)]
    return []


def repression_threatened(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'prepared to impose martial law': repression threatened at home."""
    if f.type == T.THREATEN and f.light is None and \
            any(c.dep_ == "xcomp" and ctx.hostile_at(c.i) == T.COERCE for c in f.trigger.children):
        return [Actor(kind="state", country=f.source[0].country)]
    return []


def insurgency_at_home(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """'Fano militiamen attacked a police station in Amhara', 'RSF fighters shelled a camp near El Fasher':
    an armed group's attack on no one the text gives a country is on its own country (not where the
    clause places it in another)."""
    home = {a.country for a in f.source}
    if f.type not in (T.ASSAULT, T.COERCE) or len(home) != 1 or None in home \
            or not all(a.kind == "group" and a.sector == "REB" for a in f.source):
        return []
    if f.location is not None and f.location.country and f.location.country not in home:
        return []
    return [Actor(kind="state", country=home.pop())]


def speakers_last_addressee(f: Frame, ctx: SentenceContext) -> list[Actor]:
    """A statement with no addressee from a person who, in the sentence before or earlier in this one,
    addressed one to someone: it goes on to them ("Zakharova blasted the EU over its sanctions. 'Each such
    step will not go unanswered,' Zakharova warned")."""
    if f.type not in STATEMENTS:
        return []
    names = {a.name for a in f.source if a.kind == "person" and a.name}
    start = ctx.sent.start
    since = ctx.sent.doc[start - 1].sent.start if start else start  # the sentence before, as the token before's
    own = {a.country for a in f.source}
    found = ctx.memory.addressed_by(names, since, STATEMENTS) if names else []
    return [a for a in found if a.country not in own]


FALLBACK_STEPS = (rejected_speaker, posture_at_the_place, among_themselves, said_in_the_call, told_to_the_addressee,
                  answers_an_act, denial_answers_the_accuser, shared_with_its_conjunct, reaction_to_an_act,
                  one_foreign_state, home_country, repression_threatened, insurgency_at_home, speakers_last_addressee,
                  rulers_addressed, story_counterpart, aid_to_the_story)


def run(f: Frame, ctx: SentenceContext) -> Frame:
    if not f.source:
        return f.drop(PHASE, "no_source")
    if f.route == "weapon_launch":
        return f  # a test or launch shows force at no one the text does not name
    for prefer in (reaction_over_the_clause, release_from_the_captor):  # over the clause's own actors
        if doers := prefer(f, ctx):
            f = f.but(prefer.__name__, target=doers)
    for step in FALLBACK_STEPS:
        if f.target:
            break
        target = step(f, ctx)
        if target:
            f = f.but(step.__name__, target=target)
    return f
