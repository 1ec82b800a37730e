"""A kept frame becomes candidates: its date, salience, evidence clause and confidence."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..issues import issues_in
from ..model import EventType as T
from .dated_acts import dated_act
from .dates import date_for, statement_day_in_clause
from .lexicon import lemma
from .parties import describe
from .records import Candidate, Frame, SentenceContext
from .syntax import clause_text
from .words import BACKGROUND_OPENERS, MULTILATERAL_WORDS, PHONE_WORDS, SEPARATE_WORDS, SPEECH_VERBS, VISIT_MODE_VERBS


def candidates(f: Frame, ctx: SentenceContext) -> list[Candidate]:
    t, anchor, sent = f.trigger, f.anchor, f.sentence
    extra = [f.speech_verb] if f.speech_verb is not None else []
    if f.modality == "future":
        # an announced act is coded when announced: "will send a mission to Guinea on Thursday, Barry
        # said on Wednesday" is Wednesday's; with no speech verb, the report's own date
        date = (date_for(f.speech_verb, ctx, []) or statement_day_in_clause(anchor, f.speech_verb, ctx)) \
            if f.speech_verb is not None else None
    else:
        date = date_for(anchor, ctx, extra, noun=t if t.i != anchor.i else None) or dated_act(anchor, ctx)
    # "Trump said the Assad government had used nerve gas": the claim is coded, and it is made now
    # ("Manila said on Wednesday that Chinese vessels rammed a boat on Monday": Wednesday's accusation)
    claim = f.speech_verb is not None and "claimed_attack" in f.reasons
    if claim:
        date = date_for(f.speech_verb, ctx, []) or date
    background = is_background(f.speech_verb if claim else anchor, sent)
    attribution = describe(f.speaker) if f.speaker and f.speaker != f.source else None
    conf = 0.55 + (0.15 if f.target else 0) + (0.1 if t.pos_ == "VERB" else 0) - (0.1 if background else 0)
    mode = consult_mode(t, anchor) if f.type == T.CONSULT and f.mode is None else f.mode
    groups = [f.target]
    if f.type == T.CONSULT and len({a.country for a in f.target}) > 1 and f.light is not None and \
            ((t.tag_ == "NNS" and t.lemma_ == "meeting") or any(c.lower_ == "bilateral" for c in t.children)):
        groups = [[a] for a in f.target]  # "bilateral meetings with Iran, Bulgaria, ...": one each
    elif len({a.country for a in f.target}) > 1 and any(
            c.lower_ in SEPARATE_WORDS for x in {t, anchor} for c in x.children if c.dep_ in ("advmod", "amod")):
        groups = [[a] for a in f.target]  # "talked separately with X and Y", "separate talks with": one each
    sources = [f.source]
    if f.type == T.SANCTION:
        # each state's sanctions, bans or expulsions are its own measure: "the US, the EU and Britain imposed
        # sanctions on Russia", "expelled diplomats from Italy, Finland and Latvia" are one each
        if len({a.country for a in f.target}) > 1:
            groups = [[a] for a in f.target]
        if len({a.country for a in f.source}) > 1:
            sources = [[a] for a in f.source]
    if "target:each_other" in f.reasons:
        # "expelled each other's diplomats": two acts, each side's at the other
        sides = [[a for a in f.source if a.country == c] for c in dict.fromkeys(a.country for a in f.source)]
        sources, groups = sides, sides[::-1]
        pairs = list(zip(sources, groups))
    else:
        pairs = [(src, tgt) for src in sources for tgt in groups]
    issues = issues_in(clause_text(anchor))
    return [Candidate(type=f.type.value, cameo=f.cameo, mode=mode, source=src, target=tgt, trigger=t.i,
                      sentence=sent, date=date, location=f.location, issues=issues, attribution=attribution,
                      confidence=min(conf, 0.95), background=background) for src, tgt in pairs]


def consult_mode(t: Token, anchor: Token) -> str | None:
    words = {x.lower_ for x in anchor.subtree} | {t.lower_}
    if words & PHONE_WORDS:
        return "phone"
    if words & MULTILATERAL_WORDS:
        return "multilateral"
    if lemma(t) in VISIT_MODE_VERBS:
        return "visit"
    return None


def is_background(anchor: Token, sent: Span) -> bool:
    # "had conducted", except in reported speech, where "said it had conducted a drill" is the
    # backshifted "we conducted": the news itself
    reported = anchor.dep_ == "ccomp" and lemma(anchor.head) in SPEECH_VERBS and anchor.head.tag_ == "VBD"
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in anchor.children) and not reported:
        return True
    if anchor.dep_ == "relcl" and anchor.tag_ == "VBD" and \
            any(x.dep_ == "dobj" and x.tag_ in ("WDT", "WP") for x in anchor.children):
        return True  # "its ban, which China imposed after ...": told in passing
    first = sent[0].lower_ if len(sent) else ""
    return first in BACKGROUND_OPENERS
