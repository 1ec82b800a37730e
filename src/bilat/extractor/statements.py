"""Reported clauses with no trigger, read for their content: a modal demand in reported
speech ("Russia said Sudan must return the helicopter") is a REQUEST of the speaker, a
negative judgement ("a violation of international law") an ACCUSE. Types and codes are the
``statements`` rows of ``data/recodings.tsv``."""
from __future__ import annotations

from spacy.tokens import Token

from ..issues import issues_in
from ..model import Actor
from ..model import EventType as T
from .dates import date_for
from .gate import political
from .parties import noun_owner, same_countries
from .recodings import recoding, rule
from .records import Candidate, Frame, SentenceContext
from .syntax import is_definite, obligation_clause_subject, own_clause
from .lexicon import lemma, noun_lexicon
from .words import (BLAME_WORDS, BLAMED_DEEDS, CONSEQUENCE_NOUNS, FINDING_VERBS, INTRUSION_VERBS, NAMED_MEETINGS, NEGATIVE_JUDGEMENT,
                    REFERRED_ACTS, REFERRED_ATTACKS, SPEECH_VERBS, SUFFER_VERBS, TERRITORY)


@rule
def demand_statement(verb: Token, speaker: list[Actor], clause: list[Token], ctx: SentenceContext) -> list[Actor] | None:
    """'Russia said Sudan must return the helicopter': a demand addressed to Sudan."""
    sub = obligation_clause_subject(verb)
    if sub is None:
        return None
    target = [a for a in ctx.index.actors_for(sub, speaker=speaker) if a.country]
    if not target or same_countries(target, speaker):
        return None
    return target


_CRIMES = frozenset({"crime", "genocide", "atrocity", "massacre", "cleansing"})


def _judged_words(verb: Token, clause: list[Token]) -> list[Token]:
    """The words of a reported clause that judge someone's deed (negative judgements not negated, a crime
    found, a claim denied, an intrusion told, a deed laid at someone's door)."""
    # (not what another says in a clause on a person: "prompting a response from Zelenskyy, who called it absurd")
    judged = [x for x in clause if x.lemma_.lower() in NEGATIVE_JUDGEMENT
              and not any(a.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in a.children)
                          for a in x.ancestors)
              and not _negated(x)
              and not (x.i > 0 and x.doc[x.i - 1].lower_ in ("not", "no"))
              and not (x.i > 1 and x.doc[x.i - 2].lower_ in ("not", "no"))]
    # "determined that the RSF had committed genocide": a state's finding of a crime
    if lemma(verb) in FINDING_VERBS:
        judged += [x for x in clause if x.lemma_.lower() in _CRIMES]
    # "the Philippine side's claim is not true": a claim denied is judged false
    judged += [x for x in clause if x.lower_ in ("true", "accurate") and x.i > 0 and x.doc[x.i - 1].lower_ == "not"]
    # "said Ugandan troops had crossed into its territory": an intrusion told is an accusation
    judged += [x for x in clause if lemma(x) in INTRUSION_VERBS and any(
        p.dep_ == "prep" and p.lower_ in ("into", "inside", "onto") and o.dep_ == "pobj" and o.lemma_.lower() in TERRITORY
        for p in x.children for o in p.children)]
    # "said Uganda was behind the attack", "said New Delhi's agents were involved in a campaign of violence"
    judged += [x for x in clause if x.lower_ in BLAME_WORDS and _blamed_deed(x) and not _negated(x)]
    return judged


@rule
def judgement_statement(verb: Token, speaker: list[Actor], clause: list[Token], ctx: SentenceContext) -> list[Actor] | None:
    """'X said the test was a violation of international law': the first foreign actor is accused."""
    judged = _judged_words(verb, clause)
    if not judged:
        return None
    # "said the raid was a violation, while Petro said Colombia would ...": another's report, with its
    # speaker, is no part of what this one judges
    # ("this position reveals Ethiopia's lack of will" is no one's report: its subject is no actor)
    others = {x.i for v in clause if v.i != verb.i and v.pos_ in ("VERB", "AUX") and lemma(v) in SPEECH_VERBS
              and any(c.dep_ in ("nsubj", "nsubjpass") and any(a.country for a in ctx.index.actors_for(c))
                      for c in v.children) for x in v.subtree}
    clause = [x for x in clause if x.i not in others]
    target: list[Actor] = []
    # "shot down a U.S. drone, saying it had violated Iranian airspace": 'it' is what was shot down
    acted_on = [o for o in verb.head.children if o.dep_ == "dobj"] if verb.dep_ == "advcl" and verb.tag_ == "VBG" else []
    for x in clause:
        if x.dep_ in ("compound",):
            continue
        if acted_on and x.dep_ == "nsubj" and x.lower_ in ("it", "they"):
            found = ctx.index.actors_for(acted_on[0], speaker=speaker) or noun_owner(ctx.index, acted_on[0])
        else:
            found = ctx.index.actors_for(x, speaker=speaker)
        for a in found:
            if a.country and not any(a.country == s.country for s in speaker) and a not in target:
                target.append(a)
        if target:
            break
    own = {a.country for a in speaker}
    # "said the Kenyan move was a violation", "said Kenya's raid was an act of aggression": the act's owner
    acts = [x for x in clause if x.pos_ == "NOUN" and (x.lemma_.lower() in REFERRED_ACTS or x.lemma_.lower() in noun_lexicon())]
    for x in acts:
        if target:
            break
        target = [a for a in noun_owner(ctx.index, x) if a.country and a.country not in own]
    # "said the raid was a clear violation": the last attacker's or coercer's raid
    if not target and any(x.lemma_.lower() in REFERRED_ATTACKS and is_definite(x) for x in clause):
        target = ctx.memory.doers_of_types({T.ASSAULT, T.COERCE}, own, ctx.sent.start)
    # "said the decision was unjustified": whoever decided ("said the visit was provocative": no decision)
    if not target and any(x.lemma_.lower() in REFERRED_ACTS - NAMED_MEETINGS and is_definite(x) for x in clause):
        target = ctx.memory.last_doers(own, ctx.sent.start)
    if not target or not any(a.country for a in speaker):
        return None
    return target


def _blamed_deed(x: Token) -> bool:
    """Is a deed laid at someone's door by ``x`` ("behind the attack", "responsible for the killing",
    "involved in a campaign of violence")?"""
    objs = [x] if x.lower_ == "behind" else [p for p in x.children if p.dep_ == "prep" and p.lower_ in ("for", "in")]
    return any(d.lemma_.lower() in BLAMED_DEEDS for p in objs for o in p.children if o.dep_ == "pobj" for d in o.subtree)


def _negated(x: Token) -> bool:
    """Is a judgement word negated, by itself or its head ("was not a violation", "was not behind the attack")?
    Not by a negated clause it is joined to as a clause of its own ("was not entitled to asylum and that Mexico
    had abused")."""
    own = x.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)
    return any(c.dep_ == "neg" for c in list(x.children) + ([] if own else list(x.head.children)))


@rule
def warning_statement(verb: Token, speaker: list[Actor], clause: list[Token], ctx: SentenceContext) -> list[Actor] | None:
    """'Israel said Iran would pay for it', 'warned that Japan will face consequences': a foreign actor
    told what it will suffer is threatened."""
    for x in clause:
        # "will be made to pay a heavy price": the future and the one who pays are the passive "made"'s
        made = x.head if x.dep_ in ("xcomp", "advcl") and lemma(x.head) == "make" and \
            any(c.dep_ == "auxpass" for c in x.head.children) else None
        if lemma(x) not in SUFFER_VERBS or not any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll")
                                                   for a in (made or x).children):
            continue
        if lemma(x) in ("face", "bear") and not any(o.dep_ == "dobj" and o.lemma_.lower() in CONSEQUENCE_NOUNS for o in x.children):
            continue
        subj = [c for c in x.children if c.dep_ == "nsubj"] or \
            [c for c in x.head.children if c.dep_ == "nsubj" and x.dep_ == "conj"] or \
            [c for c in (made.children if made is not None else []) if c.dep_ == "nsubjpass"]  # "had made ... and would pay"
        target = [a for s in subj for a in ctx.index.actors_for(s, speaker=speaker) if a.country]
        if target and not same_countries(target, speaker) and any(a.country for a in speaker):
            return target
    # "said American weapons and personnel are a legitimate target": force threatened at their owner
    for x in clause:
        if x.lemma_.lower() == "target" and x.dep_ in ("attr", "oprd") and \
                any(a.dep_ == "amod" and a.lower_ in _LAWFUL for a in x.children):
            subj = [c for c in x.head.children if c.dep_ == "nsubj"]
            target = [a for s in subj for a in ctx.index.actors_for(s, speaker=speaker) or noun_owner(ctx.index, s)
                      if a.country]
            if target and not same_countries(target, speaker) and any(a.country for a in speaker):
                return target
    return None


_LAWFUL = frozenset({"legitimate", "legal", "lawful"})


STATEMENT_RULES = (demand_statement, warning_statement, judgement_statement)


def _scope(statement_rule, verb: Token, clause: list[Token]) -> list[Token]:
    """The tokens a trigger must not already account for: a demand's own clause ("reiterated that
    Libya must hand over the suspects as he set off to seek support": the trip's aim is not the
    demand), else the whole reported clause."""
    if statement_rule is demand_statement:
        sub = obligation_clause_subject(verb)
        if sub is not None:
            return [sub.head] + own_clause(sub.head, set())
    return clause


def read(ctx: SentenceContext, claimed: set[int]) -> list[tuple[Frame, Candidate]]:
    """Frames and candidates for reported clauses no trigger ``claimed``."""
    out = []
    seen: set[int] = set()
    for speaker, verb in ctx.speech.values():
        if verb.i in seen or verb.i in claimed or not political(speaker):
            continue
        seen.add(verb.i)
        clause = [x for x in ctx.toks if ctx.speech.get(x.i, (None, None))[1] is verb]
        for statement_rule in STATEMENT_RULES:
            if any(x.i in claimed for x in _scope(statement_rule, verb, clause)):
                continue
            target = statement_rule(verb, speaker, clause, ctx)
            if target is None:
                continue
            name = statement_rule.__name__
            r = recoding(name)
            frame = Frame(sentence=ctx.sent, trigger=verb, type=r.to, cameo=r.cameo, mode=None, speaker=speaker,
                          speech_verb=verb, source=list(speaker), target=target, reasons=(f"statement:{verb.text}", name))
            text = " ".join(x.text for x in clause)
            cand = Candidate(type=r.to.value, cameo=r.cameo, mode=None, source=list(speaker), target=target,
                             trigger=verb.i, sentence=ctx.sent, date=date_for(verb, ctx, []), issues=issues_in(text),
                             confidence=0.5)
            out.append((frame, cand))
            break
    return out
