"""When each event happened, clause by clause (the article-level decisions are ``story_dates.py``).

* ``date_for``: the date the trigger's clause gives; else its governing verbs' (a speech
  verb's "said on November 25"); else the sentence's only date.
* acts named with their date ("the 2020 killing of Qassem Soleimani") are in ``dated_acts.py``.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import dates as dates_mod
from ..dates import DateValue
from ..model import DateBasis
from .day_counts import day_apposition_date, days_apart, shifted
from .lexicon import lemma, noun_lexicon
from .records import SentenceContext
from .syntax import shared_object_verbs
from .words import DAY_PARTS, MEETING_SETTINGS, OPERATION_SETTINGS, OUTBREAK_VERBS, SCENE_VERBS, STATEMENT_SETTINGS

# dates the small model's NER misses ("Sept 29, 1972")
DATE_RE = re.compile(
    r"\b(?:" + dates_mod._MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d\d)?"
    r"|\d{1,2}\s+" + dates_mod._MONTH_NAME + r"(?:\s+(?:1[89]|20)\d\d)?)\b", re.I)
_TIME_DEPS = ("npadvmod", "advmod", "tmod", "obl")
SETTINGS = MEETING_SETTINGS | STATEMENT_SETTINGS | OPERATION_SETTINGS
# the text places the act at a time it does not count ("more than a year after seizing the ship"):
# no date, and none to be lent by the sentence, the event before or the lead (settle_dates)
UNCOUNTED = DateValue(None, DateBasis.UNKNOWN.value)


def date_mentions(ctx: SentenceContext) -> list[Span]:
    """Date expressions of the sentence (computed once per sentence)."""
    if ctx._dates is not None:
        return ctx._dates
    sent, doc = ctx.sent, ctx.sent.doc
    date_ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and e.start >= sent.start and e.end <= sent.end
                 and e.root.dep_ not in ("poss", "compound", "amod", "nmod")  # "last week's brawl" dates the brawl
                 and not any(i in ctx.index.person_at for i in range(e.start, e.end))]  # "Theresa May"
    # "on Feb. 15, a day after ...": the tagger runs the day and the span after it together
    date_ents = [next((e[:c.i - e.start] for c in e if c.lower_ == "," and c.i > e.start and e[-1].lemma_.lower()
                       in ("day", "week")), e) for e in date_ents]
    for tok in ctx.toks:
        if tok.lower_ in dates_mod.WEEKDAYS and not any(e.start <= tok.i < e.end for e in date_ents):
            date_ents.append(doc[tok.i:tok.i + 1])
    for m in DATE_RE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and not any(e.start < span.end and span.start < e.end for e in date_ents):
            date_ents.append(span)
    ctx._dates = date_ents
    return date_ents


def _resolve_in(ctx: SentenceContext, tokens: set[int]) -> DateValue | None:
    for e in date_mentions(ctx):
        if e.root.i in tokens:
            v = dates_mod.resolve(dates_mod.year_named_before(e.text, e.doc.text[:e.start_char]), ctx.published)
            if v.value:
                return v
    return None


def _attached(h: Token, deps: tuple[str, ...]) -> set[int]:
    """Tokens of h's time modifiers and of its prepositions' objects ("on Monday")."""
    out = {h.i}
    for c in h.children:
        if c.dep_ in deps:
            out.update(x.i for x in c.subtree)
        elif c.dep_ == "prep":
            out.update(o.i for o in c.children if o.dep_ == "pobj")
    return out


def _own_date(t: Token, ctx: SentenceContext, noun: Token | None) -> DateValue | None:
    """Dates attached to the trigger itself ("met on Tuesday"), not to its objects ("acts last week"), and
    a day the parser hung on the subject just before the verb ("The United States and 12 allies on
    Wednesday warned")."""
    own = {t.i}
    subjects = [s for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for s in [c] + list(c.conjuncts)]
    own.update(o.i for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "on"
               and p.i > s.i for o in p.children if o.dep_ == "pobj" and o.i == t.i - 1 and o.ent_type_ == "DATE")
    # ("Global Affairs Canada last Friday called on ...": a bare time phrase hung on the subject)
    own.update(x.i for s in subjects for d in s.children if d.dep_ == "npadvmod" and d.i > s.i
               and d.ent_type_ == "DATE" and d.right_edge.i == t.i - 1 for x in d.subtree)
    # a predicate the parser made a clause ("declared the ambassador persona non grata on Thursday": a noun
    # as 'ccomp') carries the verb's own time words
    small = [x for c in t.children if c.dep_ == "ccomp" and c.pos_ not in ("VERB", "AUX") for x in c.children]
    # "the strike, carried out by Ugandan jets on Monday night, killed ...": a participle describing the act
    # (or the act that is the subject) dates it
    acts = [s for s in subjects if s.lemma_.lower() in noun_lexicon()]  # (not "the minister, appointed in May")
    small += [x for h in [t] + ([noun] if noun is not None else []) + acts for c in h.children
              if c.dep_ == "acl" and c.tag_ == "VBN" for x in c.children]
    # "fighting erupted on the border in March", "clashes took place in 2022": the verb of its happening
    small += [c for c in t.head.children if c.i != t.i] if t.dep_ == "nsubj" and t.head.i != t.i and \
        (t.head.lemma_.lower() in OUTBREAK_VERBS | SCENE_VERBS | {"occur", "happen"}) else []
    for c in list(t.children) + (list(noun.children) if noun is not None else []) + small:
        if c.dep_ in _TIME_DEPS + ("nmod",):
            own.update(x.i for x in c.subtree)
        elif c.dep_ == "prep":  # "on Monday", "in mid-November": the preposition's own object
            if not any(o.dep_ == "pobj" for o in c.children):
                # "On Thursday Grossi was received": the parser made the day part of the name after it
                own.update(e.root.i for e in date_mentions(ctx) if e.start == c.i + 1)
            for o in c.children:
                if o.dep_ == "pobj":
                    # "in the morning of July 29": a part of a day names its day
                    own.add(o.i)
                    if o.lemma_.lower() in DAY_PARTS:
                        own.update(x.i for x in o.subtree)
    return _resolve_in(ctx, own) or _setting_date(t, ctx)


def _setting_date(t: Token, ctx: SentenceContext) -> DateValue | None:
    """'discussed Ukraine in a telephone conversation on Thursday': the day of the meeting or statement the
    act was done in, wherever the parser hung that phrase in the trigger's own clause (often on the object)."""
    days = set()
    for o in t.subtree:
        if o.dep_ == "pobj" and o.head.lower_ in ("in", "during", "at") and o.lemma_.lower() in SETTINGS \
                and _in_clause(o, t):
            # "in a statement released on Tuesday", "in a letter dated May 3": the participle's day too
            for h in [o] + [c for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]:
                days |= _attached(h, ())
                days.update(x.i for c in h.children if c.dep_ in ("npadvmod", "dobj", "oprd") and c.ent_type_ == "DATE"
                            for x in c.subtree)
    # "Speaking to reporters on Tuesday, Ruto condemned ...": the occasion's day
    for c in t.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and lemma(c) in _OCCASION_VERBS:
            days |= _attached(c, ())
    return _resolve_in(ctx, days) if days else None


#: what a speaker was doing when an act was said ("Speaking to reporters on Tuesday, X warned ...")
_OCCASION_VERBS = frozenset({"speak", "talk", "address", "write", "brief", "answer", "reply"})


def _in_clause(o: Token, t: Token) -> bool:
    """Is ``o`` in ``t``'s own clause (no other verb between them)?"""
    h = o.head
    while h != t:
        if h.pos_ in ("VERB", "AUX") or h.head.i == h.i:
            return False
        h = h.head
    return True


def date_for(t: Token, ctx: SentenceContext, extra: list[Token], noun: Token | None = None) -> DateValue | None:
    """The date the clause of ``t`` gives; else its governors'; else the sentence's only date. "This year"
    tells no act's time ("lodged a protest, its 176th this year"): the story's own date is better."""
    v = _date_for(t, ctx, extra, noun)
    this_year = v is not None and v.value and len(v.value) == 4 and v.basis == DateBasis.RELATIVE.value \
        and (ctx.published or "")[:4] == v.value
    return None if this_year else v


def _date_for(t: Token, ctx: SentenceContext, extra: list[Token], noun: Token | None = None) -> DateValue | None:
    date_ents = date_mentions(ctx)
    if not date_ents:
        return None
    v = _own_date(t, ctx, noun)
    for c in shared_object_verbs(t) if not v else ():
        v = v or _own_date(c, ctx, None)  # "rammed and damaged a vessel on Sunday"
    if v:
        return v
    v = _object_date(t, ctx)
    if v:
        return v
    # a clause of the same time on the trigger: "when China sent ships on Friday, Japan protested"
    v = _temporal_clause_date(t, ctx, ("when", "as"))
    if v:
        return v
    # "the summit meeting between X and Y on Wednesday produced deliverables": a meeting that is the
    # subject of its clause takes that clause's date
    # (and a gerund subject: "In September 2022, fighting between ... killed 100 people")
    if (t.pos_ == "NOUN" or t.tag_ == "VBG") and t.dep_ in ("nsubj", "nsubjpass"):
        v = _resolve_in(ctx, _attached(t.head, _TIME_DEPS))
        if v:
            return v
    # "on Friday when China sent ships": a relative clause on a date happened then (and its conjuncts)
    rel = next((h for h in [t, *t.ancestors] if h.dep_ != "conj"), t)
    if rel.dep_ == "relcl" and rel.head.ent_type_ in ("DATE", "TIME"):
        v = _resolve_in(ctx, {x.i for x in rel.head.subtree if x.i < rel.i})
        if v:
            return v
    # "arrested him on Feb. 15, a day after Uganda requested his extradition": so many days from the date
    v = day_apposition_date(t, lambda toks: _resolve_in(ctx, toks))
    if v:
        return v
    chain = _governors(t)
    found, v = _governors_date(t, chain, ctx, extra)
    if found:
        return v
    # a clause of an earlier act: "After the earthquake hit Japan on March 11, 2011, China conveyed"
    # dates the act only when nothing governs it: "the army said on Wednesday it had fired ... after
    # two soldiers were wounded on Monday" fired after Monday, reported on Wednesday
    v = _temporal_clause_date(t, ctx, ("after", "following"))
    if v and len(v.value) == 10:  # "after a suicide attack in March": only a lower bound, not the act's date
        return v
    v = _statement_date(chain, ctx)
    if v:
        return v
    # the trigger's whole phrase: "a meeting on the sidelines of the summit, held in mid-November"
    if t.pos_ == "NOUN":
        v = _resolve_in(ctx, {x.i for x in t.subtree})
        if v:
            return v
    sent = ctx.sent
    if len(date_ents) == 1 and date_ents[0].root.head.i in {x.i for x in sent.root.subtree} \
            and date_ents[0].root.head == sent.root:
        v = dates_mod.resolve(date_ents[0].text, ctx.published)
        if v.value:
            return v
    return None


def _governors(t: Token) -> list[Token]:
    """The clause's governors, up to five: xcomp, conj, pcomp, prepositions, speech verbs."""
    h, chain = t, []
    for _ in range(5):
        # ("issued a statement urging ...": what a statement says is said when it was issued)
        said = h.dep_ == "acl" and h.head.lemma_.lower() in STATEMENT_SETTINGS
        if h.head.i == h.i or not said and h.dep_ not in ("xcomp", "conj", "pcomp", "pobj", "prep", "ccomp", "advcl",
                                                          "dobj", "acomp"):
            break
        h = h.head
        chain.append(h)
    return chain


def _governors_date(t: Token, chain: list[Token], ctx: SentenceContext,
                    extra: list[Token]) -> tuple[bool, DateValue | None]:
    """The first dated governor's (or speech verb's) date as it bears on ``t``, and whether there was one."""
    path = [t] + chain
    for h in chain + [x for x in extra if x is not None]:
        v = _resolve_in(ctx, _attached(h, _TIME_DEPS))
        if v and h in chain:
            # "shot down on Wednesday, a day after Indian jets struck (and shelled)": the earlier act's
            # own day, for the clause below the dated governor and the acts conjoined to it
            apart = [days_apart(x) for x in path[:path.index(h)]]
            return True, UNCOUNTED if None in apart else shifted(v, sum(apart))
        if v:
            return True, v
    return False, None


def _object_date(t: Token, ctx: SentenceContext) -> DateValue | None:
    """'summoned the ambassador on Tuesday, the ministry said on Wednesday': a day the parser hangs on
    the object is the act's own, before any governor's (the report's) date."""
    objs = [c for c in t.children if c.dep_ == "dobj"]
    return _resolve_in(ctx, {o.i for d in objs for p in d.children if p.dep_ == "prep" and p.lower_ in ("on", "in")
                             for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"})


def _statement_date(chain: list[Token], ctx: SentenceContext) -> DateValue | None:
    """'..., the IRGC said in a statement on Wednesday': the day the statement was made is the saying's."""
    return _resolve_in(ctx, {x.i for h in chain for c in h.children if c.dep_ == "prep" for o in c.children
                             if o.dep_ == "pobj" and o.lemma_.lower() in STATEMENT_SETTINGS
                             for p in o.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"})


def _temporal_clause_date(t: Token, ctx: SentenceContext, marks: tuple[str, ...]) -> DateValue | None:
    for c in t.children:
        if c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children):
            v = _resolve_in(ctx, {x.i for x in c.subtree})
            if v:
                return v
    return None


def statement_day_in_clause(anchor: Token, speech: Token, ctx: SentenceContext) -> DateValue | None:
    """'Uganda said on Saturday it would impose sanctions': the parser hangs the statement's day on the
    reported clause; a day placed between the speech verb and the clause's subject is the statement's."""
    clause = anchor
    while clause.head.i != speech.i and clause.head.i != clause.i:
        clause = clause.head
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if clause.head.i != speech.i or not subjects:
        return None
    days = {x.i for c in clause.children if speech.i < c.i < min(subjects)
            and c.dep_ in _TIME_DEPS + ("prep",) for x in c.subtree}
    return _resolve_in(ctx, days) if days else None
