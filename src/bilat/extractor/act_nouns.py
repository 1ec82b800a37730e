"""The parties an act noun names with its own words: who does it ("Russia's war", "a North Korean
launch", "the seizure ... by Iran") and whom it is aimed at ("against Ukraine", "anti-US protests")."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import WEST, ActorIndex, the_west
from ..model import Actor
from .parties import clause_owners, countries, first_place_within, place_country
from .words import AID_GOODS, INVASION_NOUNS, MUTUAL_FIGHTS, TRUCE_WORDS


def noun_agent(noun: Token, idx: ActorIndex) -> list[Actor]:
    """Who does the act a noun names, by the noun's own words: its possessor ("its launch of", with
    the pronoun resolved), a country modifier ("a North Korean launch"), or "by X"."""
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if not owner and noun.dep_ == "conj":  # "Russia's continued escalation and illegal war": shared
        owner = [c for c in noun.head.children if c.dep_ == "poss"]
    if owner:
        found = [a for a in idx.actors_for(owner[0]) if a.country]
        if found:
            return found
    # "by X" before the modifiers: in "the seizure of a British tanker by Iran" the modifiers
    # reach into the "of" phrase, which names the one acted on
    holders = [noun]
    if noun.lemma_.lower() in INVASION_NOUNS:
        # "the expulsion of two Russian diplomats by Estonia": the parser hangs "by" on the
        # nearer noun, the one acted on
        holders += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                    if o.dep_ == "pobj"]
    for c in (c for h in holders for c in h.children):
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            for o in (o for o in c.children if o.dep_ == "pobj"):
                found = [a for a in idx.actors_for(o) if a.country]
                code = found or place_country(o, idx)
                if found:
                    return found
                if code:
                    return [Actor(kind="state", country=code)]
    # "the aid, provided by the UAE": whose it is by the clause on it
    found = [a for o in clause_owners(noun) for a in idx.actors_for(o) if a.country]
    if found:
        return found
    if any(c.dep_ in ("amod", "compound") and the_west(c) for c in noun.children):
        return list(WEST)  # "Western sanctions imposed on Moscow"
    code = idx.modifier_country(noun)
    return [Actor(kind="state", country=code)] if code else []


def aimed_at(noun: Token, preps: tuple[str, ...], idx: ActorIndex) -> list[Actor]:
    """Whom an act a noun names is aimed at, by the noun's own prepositions: an actor, else the
    country of the place or of its modifiers ("on the Gaza Strip", "against Israeli policies")."""
    target: list[Actor] = []
    # "sanctions imposed on Moscow": the prepositions of a participle on the noun count too
    holders = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in (o for o in c.children if o.dep_ == "pobj"):
                found = [a for a in idx.actors_for(o) if a.country]
                if not found:
                    code = place_country(o, idx) or idx.modifier_country(o)
                    found = [Actor(kind="state", country=code)] if code else []
                if not found:  # "against the violations by the Israeli military": whose acts they are
                    found = [a for b in o.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                             for x in b.children if x.dep_ == "pobj" for a in idx.actors_for(x) if a.country]
                target.extend(a for a in found if a not in target)
    if not target and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        return aimed_at(noun.head, preps, idx)  # "escalation and illegal war against Ukraine": shared
    return target


def noun_parties(noun: Token, idx: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """Who does and who suffers an act a noun names with its own words: "Russia's war against
    Ukraine", "the Israeli war on the Gaza Strip", "its invasion of Ukraine", "firing by Pakistani
    troops on Indian posts". The doer from ``noun_agent``; the sufferer from on / against / into,
    or "of" after an invasion or occupation."""
    source = noun_agent(noun, idx)
    if not source and noun.lemma_.lower() in MUTUAL_FIGHTS | TRUCE_WORDS:
        # "the clash between the two militaries": both sides fought; the act has no one target
        # ("clashes on the border between Kyrgyzstan and Tajikistan": the sides the border divides)
        border = [b for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "along", "at", "across")
                  for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in ("border", "frontier", "boundary")
                  for b in o.children]
        both = [a for c in [*noun.children, *border] if c.dep_ == "prep" and c.lower_ == "between"
                for o in c.children if o.dep_ == "pobj" for a in idx.actors_for(o) if a.country]
        if len(countries(both)) >= 2:
            return both, []
    preps = ("on", "against", "into") + (("of",) if noun.lemma_.lower() in INVASION_NOUNS else ())
    if noun.lemma_.lower() in AID_GOODS:
        preps = ("to", "for")  # "Japan's emergency aid to Morocco"
    target = aimed_at(noun, preps, idx)
    if countries(source) & countries(target):
        return [], []
    return source, target


def protest_parties(noun: Token, idx: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """'Protests against Japan erupted in Beijing', 'anti-US demonstrations spread across Pakistan':
    the crowd is of the country where the protest breaks out (or its own demonym: "Chinese
    protests"), and it is aimed at whom 'against X' or 'anti-X' names; none without such a name."""
    target = aimed_at(noun, ("against",), idx)
    for x in noun.subtree:
        place = idx.place_at.get(x.i)
        if place is not None and x.i >= 2 and x.doc[x.i - 1].text == "-" and x.doc[x.i - 2].lower_ == "anti":
            target.append(Actor(kind="state", country=place.code))
    where = None
    verb = noun.head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout", "outside", "at"):
            for o in (o for o in c.children if o.dep_ == "pobj"):
                # "across more than a dozen cities in China": the place may sit deeper in the phrase
                where = where or place_country(o, idx) or next(iter(first_place_within(o, idx)), None)
    own = next((idx.place_at[c.i].code for c in noun.children if c.dep_ in ("amod", "compound")
                and c.i in idx.place_at and not (c.i >= 2 and c.doc[c.i - 2].lower_ == "anti")), None)
    home = own or where
    source = [Actor(kind="group", country=home, role=noun.text.lower())] if home else []
    target = [a for a in target if a.country != home]
    # without 'against' or 'anti-' the protest's aim is the story's to tell ("protests broke out in
    # other cities" after a siege of an embassy): the verb route and the story's memory code those
    return (source, target) if target else ([], [])
