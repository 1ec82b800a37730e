"""Target strategies for whom an act reaches beyond its plain object (``targets`` runs them): an aid's
recipient, which may hang deep in what is given; the parties a meeting is between; whom a promise a noun names is made to; whom a
crossing is opened to; the rest of a list of people met. And who gives aid that arrives (``source`` asks)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma
from .act_nouns import noun_agent
from .parties import first_place_within, possessor
from .syntax import own_clause, quantity_head, to_infinitive
from .words import HELP_VERBS

if TYPE_CHECKING:
    from .targets import Search


def met_between(s: Search) -> None:
    """'hosted indirect talks in Muscat between Iran, led by X, and the United States, led by Y': the parties a
    meeting is between, however deep the parser hangs the second (its host, the source, is a third party)."""
    if s.typ != T.CONSULT or s.t.pos_ != "NOUN":
        return
    before = list(s.found)
    for c in s.t.children:
        if c.dep_ == "prep" and c.lower_ == "between" and c.i not in s.exclude:
            for o in c.children:
                if o.dep_ == "pobj":
                    # (a conjunct that names an actor of its own: not "the government and the opposition in
                    # Astana", whose place is where they meet)
                    more = [x for x in o.subtree if x.dep_ == "conj" and x.i > o.i and (
                        (x.i in s.idx.place_at and s.idx.place_at[x.i].kind == "country") or x.i in s.idx.person_at
                        or any(m.dep_ in ("amod", "compound", "poss") and m.i in s.idx.place_at for m in x.children))]
                    # (or a state joined further on, where the parser lost the 'and': "between Iran, led by
                    # X, and the United States")
                    more = more or [x for x in s.t.subtree if x.dep_ == "conj" and x.i > o.i
                                    and x.i in s.idx.place_at and s.idx.place_at[x.i].kind == "country"][:1]
                    for x in [o] + more:
                        s.take(x)
    # (talks between a government and its opposition are no meeting of states)
    if len({a.country for a in s.found if a.country and a.kind != "group" and a not in before}) < 2:
        s.found = before


def handed_to(s: Search) -> None:
    """'extradited a Russian businessman to the United States': whom a person is handed to is the
    counterpart of the cooperation, not the country of the person handed over."""
    if s.typ != T.COOPERATE:
        return
    for h in s.heads:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i not in s.exclude:
                for o in c.children:
                    if o.dep_ == "pobj":
                        s.take_prep_object(o)
        if s.found:
            return


def aid_recipient(s: Search) -> None:
    """'dispatched assistance comprising food and medicines for the people of Afghanistan': the
    recipient may hang deeper in what is given."""
    if s.typ not in (T.AID, T.AGREE):
        return
    given = [s.t] if s.t.pos_ == "NOUN" else [c for c in s.t.children if c.dep_ == "dobj"]
    for x in (x for g in given for x in g.subtree):
        if x.i not in s.exclude and x.dep_ in ("prep", "dative") and x.lower_ in ("to", "for") and x.head.i != s.t.i:
            for o in x.children:
                if o.dep_ == "pobj":
                    s.take_prep_object(o)
                    if not s.found:
                        # "the people of Afghanistan", "refugees fleeing the civil war in Liberia"
                        code = s.idx.modifier_country(o)
                        codes = [code] if code else first_place_within(o, s.idx)
                        s.found += [Actor(kind="state", country=c) for c in codes]
        if s.found:
            return
    # "sent rescue teams to help Spain", "committed $50 million to help Papua New Guinea strengthen
    # its police": whom the purpose clause helps
    # the light verb's too: "sent weapons to help"; or on what is given: "$50 million to support X's ..."
    clauses = [c for h in s.heads for c in h.children if c.dep_ in ("advcl", "xcomp")]
    clauses += [c for g in given for c in g.children if c.dep_ in ("relcl", "acl")]
    for c in clauses:
        if lemma(c) in HELP_VERBS and to_infinitive(c):
            for o in c.children:
                if o.dep_ == "dobj":
                    s.take(o)
                    if not s.found:
                        possessor(s.idx, o, s.take_foreign, s.take_place)  # "to support Indonesia's transition"
                    if not s.found:  # "to support refugees in Uganda": the people helped are where they are
                        places = first_place_within(o, s.idx) or [x for p in c.children if p.dep_ == "prep"
                                                                  and p.lower_ == "in" for x in first_place_within(p, s.idx)]
                        s.found += [Actor(kind="state", country=x) for x in places[:1]
                                    if x not in {a.country for a in s.source}]
                # "to help Papua New Guinea strengthen ...", "to help defend Saudi Arabia"
                for sub in (x for x in o.children if o.dep_ in ("ccomp", "xcomp") and x.dep_ in ("nsubj", "dobj")):
                    s.take(sub)
            if s.found:
                return
    # "pledged $60 million to cover fuel and salaries for the Lebanese army", "a credit line to finance projects
    # in Angola": whom, or where, what the purpose clause pays for is (not whom it acts on: "to fight X")
    if s.typ == T.AID:
        for p in (p for c in clauses if to_infinitive(c) and lemma(c) not in HELP_VERBS for x in c.children
                  if x.dep_ == "dobj" for p in [*x.children, *c.children] if p.dep_ == "prep" and p.lower_ in ("for", "in")):
            places = [x for o in p.children if o.dep_ == "pobj" for x in [s.idx.modifier_country(o)] if x] \
                or first_place_within(p, s.idx)
            s.found += [Actor(kind="state", country=x) for x in places[:1] if x not in {a.country for a in s.source}]
            if s.found:
                return


def promised_to(s: Search) -> None:
    """'expressed its readiness to help Morocco', 'an offer to mediate between Iran and the US':
    whom a promise named by a noun is made to is in the clause the noun holds."""
    if s.typ != T.AGREE or s.t.pos_ != "NOUN":
        return
    for c in s.t.children:
        if c.dep_ == "acl" and to_infinitive(c):
            for x in own_clause(c, s.exclude):
                if x.dep_ in ("dobj", "pobj", "dative"):
                    s.take_foreign(x)
            if s.found:
                return


#: verbs that give their first object what their second names: "offered Uganda support"
_GIVING = frozenset({"offer", "give", "grant", "extend", "promise", "pledge", "lend", "send", "provide", "afford"})


def given_to(s: Search) -> None:
    """'offered Uganda support', 'granted Kenya access to the lake', 'gave Uganda assurances': the parser
    makes the first object of a giving verb a compound of the second; a state or person so named before
    the given noun is its recipient (not the giver's own: "pledged US support" is the US's)."""
    light = s.heads[0] if s.heads and s.heads[0].i != s.t.i else None
    # (with no giver's state known, "pledged US support" may be the giver's own)
    if light is None or lemma(light) not in _GIVING or s.t.dep_ != "dobj" or s.t.head.i != light.i \
            or not any(a.country for a in s.source):
        return
    for c in s.t.lefts:
        if c.dep_ != "compound" or c.pos_ != "PROPN":
            continue
        place = s.idx.place_at.get(c.i)
        if place is not None and place.kind in ("country", "capital"):
            s.take_place(place)  # (a modifier, which alone names no actor)
        elif c.i in s.idx.person_at:
            s.take_foreign(c)


def answered_party(s: Search) -> None:
    """'vowed to respond to any Ugandan aggression', 'vowed to hit back at Kampala': a threat whose promised
    answer is no act of its own is aimed at whom the answer is to, at or against (read while a vow is still
    a promise: the threat is told from the promise later)."""
    if s.typ not in (T.THREATEN, T.AGREE):
        return
    for verb in (c for c in s.t.children if c.dep_ == "xcomp" and to_infinitive(c)):
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ in ("to", "at", "against"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        s.take_foreign(o)
                        if not s.found:
                            possessor(s.idx, o, s.take_foreign, s.take_place)


def opened_to(s: Search) -> None:
    """'reopened the Lachin corridor to Armenian traffic', 'opened the bridge to allow the delivery of
    grain to Afghanistan': whom a crossing is opened to, by its own 'to' or by what its purpose lets through."""
    if s.typ != T.RETREAT:
        return
    for h in s.heads:
        for p in (p for o in h.children if o.dep_ == "dobj" for p in o.children):
            if p.dep_ == "prep" and p.lower_ in ("to", "for"):
                for x in (x for x in p.children if x.dep_ == "pobj"):
                    s.take_prep_object(x)
        for c in (c for c in h.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)):
            for x in c.subtree:
                if not s.found and x.dep_ == "pobj" and x.head.lower_ in ("to", "into", "for"):
                    s.take_prep_object(x)
        if s.found:
            return


def rest_of_a_list(s: Search) -> None:
    """'receiving his Jordanian counterpart A, Egyptian counterpart B, Qatari counterpart C and UAE
    counterpart D': a meeting with one person of a list meets them all, however the parser hung the
    list; the list runs on through names and their posts, up to the next verb or the clause's end."""
    if s.typ != T.CONSULT or not s.found or not all(a.kind == "person" and a.name for a in s.found):
        return
    idx, names = s.idx, {a.name for a in s.found}
    mentions = [i for i, p in idx.person_at.items() if p.name in names and i > s.t.i]
    if not mentions:
        return
    taken = {a.country for a in s.found + s.source}
    for tok in idx.doc[max(mentions) + 1:s.t.sent.end]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":", "."):
            break
        p = idx.person_at.get(tok.i)
        if p is not None and p.country and p.country not in taken:
            s.found.append(p.actor())
            taken.add(p.country)


def cargo_donor(carrier: Token, idx: ActorIndex) -> list[Actor]:
    """Whose aid arrives: "a Turkish plane carrying aid landed", "the shipment of medicines, donated
    by India, arrived", "the first batch of Chinese aid reached Karachi" (the carrier's own words,
    else those of what it carries)."""
    measure = [carrier.head.head] if carrier.dep_ == "pobj" and carrier.head.lower_ == "of" else []
    for noun in [carrier, quantity_head(carrier)] + measure:
        found = noun_agent(noun, idx)
        if found:
            return found
    # where it comes from: "trucks from the Egyptian Red Crescent", "crossed into Gaza from Egypt"
    for x in (quantity_head(carrier), carrier.head):
        for o in (o for p in x.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                  if o.dep_ == "pobj"):
            found = [a for a in idx.actors_for(o) if a.country]
            if found:
                return found
    return []
