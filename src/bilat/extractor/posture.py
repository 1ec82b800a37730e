"""Re-coding rules about force shown rather than used (rows of ``data/recodings.tsv``): security
forces that besiege a building restrict movement, missiles fired at no one are a show of force, and
troops promised to defend a country are promised help, not a threat to it."""
from __future__ import annotations

from .lexicon import lemma
from .recodings import rule
from .records import Frame, SentenceContext
from .words import BLOCKADE_VERBS, PROTECTION_VERBS, SEA_WORDS, TEST_WEAPON_WORDS, WEAPONS


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
    if f.target:
        return None
    verb = f.light if f.light is not None else f.trigger
    weapons = [x for x in [f.trigger] + [c for c in verb.children if c.dep_ == "dobj"] if lemma(x) in WEAPONS]
    if not weapons:
        return None
    tested = any(c.lower_ in TEST_WEAPON_WORDS for w in weapons for c in w.children if c.dep_ in ("amod", "compound"))
    seaward = any(o.lemma_.lower() in SEA_WORDS for x in [verb] + weapons for p in x.children
                  if p.dep_ == "prep" and p.lower_ in ("into", "off", "toward", "towards")
                  for o in p.children if o.dep_ == "pobj")
    return {} if tested or seaward or "test" in lemma(verb) else None


@rule
def promised_protection(f: Frame, ctx: SentenceContext) -> dict | None:
    """'will send 3,000 troops to Romania to bolster NATO's eastern flank': forces announced for a
    country's defence are an offer of military help to it (CAMEO 033), not a threat."""
    purpose = [c for c in f.anchor.children if c.dep_ in ("advcl", "xcomp")
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return {} if f.modality == "future" and any(lemma(c) in PROTECTION_VERBS for c in purpose) else None
