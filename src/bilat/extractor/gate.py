"""Phase 9, gate: is what the frame says worth an event record?"""
from __future__ import annotations

from ..model import EventType as T
from .lexicon import lemma
from .parties import countries
from .records import Frame, SentenceContext
from .typefacts import NEEDS_TARGET, STATEMENTS
from .words import JOINT_ONLY

PHASE = "gate"
#: statements and diplomacy, as against acts on people (COERCE, ASSAULT, PROTEST ...)
VERBAL = frozenset({T.AGREE, T.SUPPORT, T.CONSULT, T.REQUEST, T.ACCUSE, T.REJECT, T.CONCEDE})


def run(f: Frame, ctx: SentenceContext) -> Frame:
    if f.modality == "obligation":
        return f.drop(PHASE, "obligation_not_a_demand")  # "Japan should ..." said by Japan, or by no one
    if f.modality == "future" and (f.type in (T.ACCUSE, T.REQUEST) or
                                   (f.type == T.THREATEN and lemma(f.trigger) in ("warn", "threaten", "caution"))):
        # "the UN chief will then submit the complaint", "the government will warn Myanmar": a complaint,
        # demand or warning still to be made is a plan
        return f.drop(PHASE, "not_yet_made")
    multi = len({a.country for a in f.source}) > 1
    t = f.trigger
    if f.type == T.ASSAULT and lemma(t) == "shoot" and any(c.lower_ == "down" for c in t.children) and f.target \
            and countries(f.target) == countries(f.source):
        # "fired a missile at a US destroyer, which shot it down", "air defences shot down most of them": what
        # was fired, downed by the side it was fired at, is its defence, not a second attack
        return f.drop(PHASE, "shot_down_incoming")
    if lemma(t) in JOINT_ONLY and f.type != T.COOPERATE:
        # "conducted joint flight operations with the Guyana Defence Force" is cooperation; "conducted a
        # military operation in Gaza" tells no act bilat can code from the noun
        return f.drop(PHASE, "operation_not_joint")
    # a joint act stands without a target ("China and Russia agreed"), and so does a promise to act
    # ("pledged to cooperate")
    if f.type in NEEDS_TARGET and not f.target and not (multi and f.type in (T.AGREE, T.SUPPORT, T.COOPERATE)) \
            and not (f.type == T.AGREE and t.pos_ in ("VERB", "ADJ") and f.light is None and not f.speech_verb
                     and any(c.dep_ == "xcomp" for c in t.children) and not all(a.sector == "BUS" for a in f.source)):
        # ("the company agreed to buy a carmaker": a deal of business, no political promise)
        return f.drop(PHASE, "needs_target")
    if f.type in (T.CONSULT, T.COOPERATE) and not f.target and not multi:
        return f.drop(PHASE, "no_counterpart")
    if f.type in VERBAL and f.source and not political(f.source):
        return f.drop(PHASE, "no_political_actor")
    # (a restriction eased at home is eased for the country's people: "shortened the curfew in Khartoum")
    eased_at_home = f.type == T.CONCEDE and all(a.kind == "state" for a in f.target)
    if (f.type in VERBAL or f.type in (T.RETREAT, T.AID, T.COOPERATE)) and f.target \
            and countries(f.source) == countries(f.target) and not eased_at_home and not multi \
            and (all(official(a) for a in f.source + f.target) or f.type == T.SUPPORT
                 or (f.type == T.CONSULT and not any(civilian(a) for a in f.source + f.target))):
        # (states acting on each other are no one government: "accused each other", "exchanged fire")
        # one government speaking to itself ("Bassil asked Ambassador Salam to file the complaint") is
        # administration, not an interaction, and so is one handing itself aid or leaving its own country
        # ("the ambassador, who had left the country": the host's); citizens' demands on their government stay;
        # support for one's own people is home policy ("Canada will continue to defend its workers"); a meeting
        # whose two sides are read as one country's has lost its other side ("Raisi received His Highness X"),
        # unless one side is its people ("demonstrators received ministers from the government").
        # A leader who resigned and fled "the country" still retreated, from no one named (not an envoy a
        # relative clause describes: "Israel's ambassador, who had left the country")
        if f.type == T.RETREAT and f.anchor.dep_ != "relcl":
            return f.but("own_country_left", target=[])
        return f.drop(PHASE, "same_government")
    own = countries(f.source) - {None}
    if f.type in STATEMENTS and not multi and own & countries(f.target) and countries(f.target) - own \
            and all(official(a) for a in f.source):
        # "Kenya condemned Uganda's seizure of two Kenyan boats": one government's statement is aimed at the
        # others (farmers who threaten to blockade Paris and the EU threaten their own government too)
        return f.but("own_country_aimed_out", target=[a for a in f.target if a.country not in own])
    return f


def political(actors) -> bool:
    """Is any of them a political actor? "'The government should respond,' said a man": a voice in the
    crowd with no name and no country is not."""
    return any(a.country is not None or a.name is not None or a.kind not in ("person", "group") for a in actors)


def civilian(a) -> bool:
    """Its people, not its government: a group, or an actor of a sector other than the state's."""
    return a.kind == "group" or (a.sector is not None and a.sector not in ("GOV", "MIL"))


def official(a) -> bool:
    """The state itself or one of its officials or bodies (not its people, rebels or opposition)."""
    return a.kind == "state" or (a.sector in ("GOV", "MIL") and a.kind in ("person", "organization"))
