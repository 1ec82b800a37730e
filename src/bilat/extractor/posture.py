"""Re-coding rules about force shown rather than used, and force at home (rows of
``data/recodings.tsv``): security forces that besiege a building restrict movement, missiles fired at
no one are a show of force, troops promised to defend a country are promised help, not a threat to
it; police who beat a crowd back repress it, and a crowd that burns and storms riots."""
from __future__ import annotations

from .lexicon import lemma
from .parties import is_crowd, same_countries
from .recodings import rule
from .records import Frame, SentenceContext
from .syntax import object_lemmas, quantity_head, to_infinitive
from .words import (ARMED_ACTS, BLOCKADE_VERBS, CROWD_CONTROL, FLIGHT_VERBS, FRONTIER_NOUNS, PEACEKEEPING,
                    PROTECTION_VERBS, SEA_WORDS, TEST_WEAPON_WORDS, WEAPONS)


@rule
def forces_blockade(f: Frame, ctx: SentenceContext) -> dict | None:
    """Troops or police who besiege or surround a building restrict movement (CAMEO 191, PLOVER
    COERCE); crowds who do it obstruct passage (CAMEO 144, PROTEST)."""
    if lemma(f.trigger) in BLOCKADE_VERBS and f.source and all(a.sector in ("MIL", "COP") for a in f.source):
        return {}
    return None


@rule
def missile_test(f: Frame, ctx: SentenceContext) -> dict | None:
    """'fired two ballistic missiles into the sea', 'test-fired a cruise missile': missiles fired at
    no one the text names, as a test or into the sea, show force (CAMEO 150, PLOVER MOBILIZE);
    'fired rockets at Sderot' stays an attack."""
    verb = f.light if f.light is not None else f.trigger
    weapons = [x for x in [f.trigger] + [c for c in verb.children if c.dep_ == "dobj"] if lemma(x) in WEAPONS]
    if not weapons:
        return None
    # where they fell: "into the sea", "off the coast", "one of which landed near South Korean waters",
    # "flew 4,500 km before falling into the Pacific"
    falls = [verb] + weapons + [c for w in weapons for c in w.children if c.dep_ in ("relcl", "acl")]
    for _ in range(2):  # the flight's verbs and theirs ("before falling": through the preposition)
        falls += [c for x in list(falls) for c in [*x.children, *(g for p in x.children if p.dep_ == "prep"
                                                                   for g in p.children)]
                  if c.dep_ in ("advcl", "conj", "pcomp") and lemma(c) in FLIGHT_VERBS and c not in falls]
    # (the sea may be a compound of the word the parser took for the object: "into the East Sea hours before")
    seaward = any(w.lemma_.lower() in SEA_WORDS for x in falls for p in x.children
                  if p.dep_ == "prep" and p.lower_ in ("into", "off", "toward", "towards", "near", "in", "inside")
                  for o in p.children if o.dep_ == "pobj" for w in [o, *(c for c in o.children if c.dep_ == "compound")])
    # "fired a missile over Japan": one that flies over a country is shown to it, not fired at it
    over = any(o.i in ctx.index.place_at and ctx.index.place_at[o.i].kind == "country" for x in [verb] + weapons
               for p in x.children if p.dep_ == "prep" and p.lower_ == "over" for o in p.children if o.dep_ == "pobj")
    if seaward or over:
        return {}  # (a state whose waters they fell near is the one the show of force faces)
    if f.target:
        return None
    tested = any(c.lower_ in TEST_WEAPON_WORDS for w in weapons for c in w.children if c.dep_ in ("amod", "compound"))
    return {} if tested or "test" in lemma(verb) else None


@rule
def promised_protection(f: Frame, ctx: SentenceContext) -> dict | None:
    """'will send 3,000 troops to Romania to bolster NATO's eastern flank': forces announced for a
    country's defence are an offer of military help to it (CAMEO 033), not a threat."""
    purpose = [c for c in f.anchor.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)]
    return {} if f.modality == "future" and any(lemma(c) in PROTECTION_VERBS for c in purpose) else None


@rule
def posture_at_the_border(f: Frame, ctx: SentenceContext) -> dict | None:
    """'will send 10,000 soldiers to its border with Belarus': forces announced for one's own side of a
    border are a show of force already (CAMEO 15, PLOVER MOBILIZE), not a threat of one; the announcement
    is the posture, so the act is told as done."""
    if f.modality != "future":
        return None
    places = [o for p in f.anchor.children if p.dep_ == "prep" and p.lower_ in ("to", "near", "along", "on")
              for o in p.children if o.dep_ == "pobj"]
    return {"modality": "fact"} if any(o.lemma_.lower() in FRONTIER_NOUNS for o in places) else None


@rule
def peacekeepers_sent(f: Frame, ctx: SentenceContext) -> dict | None:
    """'Rwanda deployed peacekeeping troops to the Central African Republic': forces sent to keep the peace
    are military protection given to the state they go to (CAMEO 074, PLOVER AID), not a posture."""
    sent = [x for c in f.anchor.children if c.dep_ in ("dobj", "nsubjpass")
            for x in [quantity_head(c)] + [m for m in quantity_head(c).children if m.dep_ in ("compound", "amod")]]
    return {} if any(x.lemma_.lower() in PEACEKEEPING for x in sent) else None


@rule
def police_repression(f: Frame, ctx: SentenceContext) -> dict | None:
    """Police beating demonstrators back, troops clashing with their own country's rioters: repression
    (COERCE). Shooting, shelling or killing stays an armed attack whoever does it (CAMEO2PLOVER maps
    even 175, violent repression, to ASSAULT; 'opened fire to disperse the crowd' is one)."""
    source, target = f.source, f.target
    if not source:
        return None
    means = object_lemmas(f.anchor)
    if (lemma(f.trigger) in ARMED_ACTS or means & ARMED_ACTS) and not means & CROWD_CONTROL:
        return None
    if not target and len({a.country for a in source if a.country}) >= 2:
        return None  # "clashes between Kenyan and Ugandan border guards": two states' forces fought
    police = all(a.sector == "COP" for a in source) and (not target or all(
        (a.sector in ("CVL", "OPP", None) and a.kind == "group" and (not a.country or same_countries([a], source)))
        or (a.kind == "state" and same_countries([a], source)) for a in target))
    troops = all(a.sector == "MIL" for a in source) and any(is_crowd(a) for a in target) and all(
        (is_crowd(a) or a.kind == "state") and (not a.country or same_countries([a], source)) for a in target)
    return {} if police or troops else None


@rule
def crowd_riot(f: Frame, ctx: SentenceContext) -> dict | None:
    """Protesters who burn, storm or demolish riot: collective action, not an armed attack or an
    act of state (CAMEO 145, PLOVER PROTEST)."""
    if f.source and all(is_crowd(a) for a in f.source) and lemma(f.trigger) not in ARMED_ACTS \
            and not (object_lemmas(f.anchor) & ARMED_ACTS):
        return {}
    return None
