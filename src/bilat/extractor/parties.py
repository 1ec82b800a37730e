"""Questions about actors that several phases ask: whose a noun is, which country a place
phrase names, and small operations on actor lists."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors import ActorIndex, is_money, is_stateless, sector_table
from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma
from .words import (AGENT_HEADS, AGENTIVE_EVENTS, CROWD_NOUNS, DOCUMENT_VERBS, FRONTIER_NOUNS, LOCATIVE, NOT_YET,
                    PLACE_HEADS, REFERRED_PLACES, SOVEREIGN_GOODS, SUMMIT_NOUNS)


def noun_owner(idx: ActorIndex, noun: Token) -> list[Actor]:
    """'Egypt's statement said', 'the Turkish foreign ministry's spokesman said', 'a statement by ASEAN'."""
    mods = [x for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos") for x in c.subtree]
    # "a report released in the Rwandan capital": a document speaks for where it was issued
    mods += [x for c in noun.children if c.dep_ == "acl" and lemma(c) in DOCUMENT_VERBS
             for p in c.children if p.dep_ == "prep" and p.lower_ == "in" for x in p.subtree]
    for c in sorted(mods, key=lambda x: x.i):
        place = idx.place_at.get(c.i)
        if place is not None and place.kind != "city":
            if place.kind == "igo":
                return [Actor(name=noun.doc[place.start:place.end].text, kind="igo", country=place.code)]
            return [Actor(kind="state", country=place.code, sector="GOV")]
        person = idx.person_at.get(c.i)
        if person is not None:
            return [person.actor()]
    # "a statement by ASEAN", "a communique from the Kenyan foreign ministry", "sanctions announced by X"
    for c in list(noun.children) + [a for c in noun.children if c.dep_ == "acl" for a in c.children]:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            for o in (o for o in c.children if o.dep_ == "pobj"):
                found = [a for a in idx.actors_for(o) if a.country]
                if found:
                    return found
    return []


def possessor(idx: ActorIndex, noun: Token, take, take_place=None, take_from=None) -> None:
    """Whose thing the object is: "Japan's discharge", "a U.S. request", "an offer from Kabul".
    ``take_from`` takes the object of "from"/"by" (a domestic addressee is fine there)."""
    if take_place is None:
        take_place = lambda place: take(idx.doc[place.start:place.end].root)  # noqa: E731
    take_from = take_from or take
    if is_money(noun):
        return  # "two million US dollars of aid": money, no one's side
    for c in noun.children:
        place = idx.place_at.get(c.i)
        if c.dep_ in ("compound", "amod", "nmod") and place is not None and \
                (place.kind in ("country", "demonym", "capital", "igo") or place.kind.startswith(("group:", "force:"))):
            take_place(place)  # "an Australian ultimatum", "a U.S. request": that state's
        elif c.dep_ == "poss":
            take(c)
        elif c.dep_ in ("compound", "amod") and sector_table().get(c.lemma_.lower(), ("", ""))[0] == "REB":
            take(c)  # "militant positions", "a rebel stronghold": the rebels' own
        if c.dep_ == "prep" and c.lower_ == "with" and noun.lemma_.lower() in FRONTIER_NOUNS:
            for o in c.children:  # "its border with Ukraine": the state across it
                if o.dep_ == "pobj":
                    take(o)
        if c.dep_ == "prep" and c.lower_ in ("of", "by", "from"):
            for o in c.children:
                if o.dep_ == "pobj":
                    (take if c.lower_ == "of" else take_from)(o)


def place_country(t: Token, idx: ActorIndex) -> str | None:
    """Country of a place noun phrase: "Syria's second city Aleppo", "the city of Nablus", "the US capital".
    Only the noun, its modifiers and its "of" chain count: "a stronghold on the Thai border" is not Thai."""
    near = [t]
    frontier = [t]
    while frontier:
        h = frontier.pop()
        for c in h.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "appos"):
                near.extend(c.subtree)
            elif c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and h.lemma_.lower() in PLACE_HEADS)):
                for o in c.children:
                    if o.dep_ == "pobj":
                        near.append(o)
                        frontier.append(o)
    for x in [t] + sorted((y for y in near if y.i != t.i), key=lambda y: y.i):
        place = idx.place_at.get(x.i)
        if place is not None and place.kind in ("country", "capital", "city", "demonym"):
            if x.i != t.i and x.head.dep_ == "prep" and x.head.lower_ not in ("of",):
                continue
            if place.kind == "demonym" and x.i > 0 and x.doc[x.i - 1].lower_ == "ethnic":
                continue  # "ethnic Albanians" are not Albania
            return place.code
    return None


def is_crowd(a: Actor) -> bool:
    """Protesters, rioters, a mob: the role's head noun names a crowd."""
    if a.kind != "group" or not a.role:
        return False
    head = a.role.split()[-1].lower()
    return head in CROWD_NOUNS or head.rstrip("s") in CROWD_NOUNS


def is_state_speaker(speaker: list[Actor]) -> bool:
    """Governments and their officials, not media, medics or witnesses."""
    return any(a.kind in ("state", "igo") or (a.sector in ("GOV", "MIL") and a.kind in ("person", "organization"))
               for a in speaker)


def one_per_igo(actors: list[Actor]) -> list[Actor]:
    """'The International Labor Office (ILO)': one organisation named twice is one actor."""
    seen, out = set(), []
    for a in actors:
        if a.kind == "igo":
            if a.country in seen:
                continue
            seen.add(a.country)
        out.append(a)
    return out


def with_country(a: Actor, country: str) -> Actor:
    """The actor placed in a country the text implies; a named NGO or transnational group stays without one."""
    return a if is_stateless(a) else replace(a, country=country)


def same_countries(a: list[Actor], b: list[Actor]) -> bool:
    return bool({x.country for x in a if x.country} & {x.country for x in b if x.country})


def countries(actors: list[Actor]) -> set[str | None]:
    return {a.country for a in actors}


def describe(actors: list[Actor]) -> str:
    a = actors[0]
    return a.name or a.role or a.country or ""


def pair_parties(noun: Token, idx: ActorIndex) -> list[Actor]:
    """The states a noun names as its parties in its own modifiers: "the Japan-China summit",
    "the Qatari-Saudi Coordination Council meeting", "the India-China border clash". A planned
    or possible one is no event."""
    if any(c.lower_ in NOT_YET for c in noun.lefts):
        return []
    codes: list[str] = []
    for c in noun.lefts:
        if c.dep_ not in ("compound", "amod", "nmod"):
            continue
        for x in c.subtree:
            place = idx.place_at.get(x.i)
            # ("the Joint EAC-SADC Summit": two bodies' meeting)
            if place is not None and place.kind in ("country", "capital", "demonym", "igo") and place.code not in codes:
                codes.append(place.code)
    kind = lambda c: "igo" if c.startswith("IGO:") else "state"  # noqa: E731
    if noun.lemma_.lower() in SUMMIT_NOUNS:
        # "the Japan-China summit": the two states' leaders the story names
        leaders = [idx.leader_of(c) for c in codes]
        return [p.actor() if p is not None else Actor(kind=kind(c), country=c) for p, c in zip(leaders, codes)]
    return [Actor(kind=kind(c), country=c) for c in codes]


def place_counts(idx: ActorIndex, kinds: tuple[str, ...], before: int | None = None,
                 leave_out: set | frozenset = frozenset()) -> tuple[list[str], dict[str, int]]:
    """How often the story names each place code of these kinds (before token ``before``), and the
    codes from most to least named (first named first among equals)."""
    counts: dict[str, int] = {}
    for place in idx.doc._.places or []:
        if (before is None or place.start < before) and place.kind in kinds and place.code not in leave_out:
            counts[place.code] = counts.get(place.code, 0) + 1
    return sorted(counts, key=lambda c: -counts[c]), counts


def leading_pair(idx: ActorIndex, before: int) -> list[str]:
    """The two states (or IGOs) a story has named most before token ``before``, where they lead
    clear of any third; else []."""
    ranked, counts = place_counts(idx, ("country", "demonym", "igo"), before)
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
        return []
    return ranked[:2]


def someone_elses(tok: Token, found: list[Actor], source: list[Actor], speaker: list[Actor] | None) -> list[Actor]:
    """Force used on "its ships" hits someone else's ships unless the text says "its own": where the
    pronoun came back to the attacker itself ("a Chinese vessel rammed one of its ships, the Philippine
    coast guard said"), the ships are the speaker's, when foreign, else no one's the text names."""
    poss = tok if tok.tag_ == "PRP$" else next((c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    own = countries(source) - {None}
    if poss is None or not found or not own or not countries(found) <= own \
            or any(c.lower_ == "own" for c in poss.head.children):
        return found
    return [Actor(kind="state", country=a.country) for a in speaker or [] if a.country and a.country not in own]


def referred_place(t: Token, idx: ActorIndex, actors: list[Actor]) -> str | None:
    """'Israeli warplanes pounded the enclave': a place named by a bare definite noun ("the enclave",
    "the territory", "the island") is the last country or city the text named before it, other than
    the actor's own."""
    if t.lemma_.lower() not in REFERRED_PLACES or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
            or any(c.dep_ in ("compound", "amod", "poss", "prep") for c in t.children):
        return None
    own = countries(actors)
    for place in reversed(idx.doc._.places or []):
        if place.end <= t.i and place.kind in ("country", "capital", "city") and place.code not in own \
                and not place.code.startswith("IGO:"):
            return place.code
    return None


def where_hit(t: Token, idx: ActorIndex, actors: list[Actor], force: bool = False) -> str | None:
    """The country of a place an act is aimed at: the phrase's own ("Syria's second city"), for force
    the place that holds it ("missiles at cities across Ukraine", "villages in southern Lebanon"), or
    the place a bare definite noun names again ("the enclave"); money is none ("one million US dollars")."""
    if is_money(t):
        return None
    code = place_country(t, idx)
    for c in t.children if force and not code else ():
        if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout", "inside"):
            code = code or next((place_country(o, idx) for o in c.children if o.dep_ == "pobj"), None)
    return code or referred_place(t, idx, actors)


def clause_owners(noun: Token) -> list[Token]:
    """Whose a thing is by the clause on it: "a plan that the South Korean government announced",
    "the remarks made by the Chinese ministry", "sanctions imposed by the EU", "companies based in the UAE"."""
    out = []
    for rc in (rc for rc in noun.children if rc.dep_ in ("relcl", "acl")):
        out += [x for x in rc.children if x.dep_ == "nsubj" and x.tag_ not in ("WDT", "WP")]
        out += [o for by in rc.children if by.dep_ == "agent" for o in by.children if o.dep_ == "pobj"]
        if lemma(rc) in ("base", "headquarter", "register"):
            out += [o for p in rc.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    return out


def first_place_within(phrase: Token, idx: ActorIndex) -> list[str]:
    """The country of the first country, capital or city a phrase names ("refugees fleeing the civil
    war in Liberia", "families in Gaza"), as a list of none or one."""
    return next(([idx.place_at[y.i].code] for y in phrase.subtree if y.i in idx.place_at
                 and idx.place_at[y.i].kind in ("country", "capital", "city")), [])


def not_an_actor(x: Token, typ: T, idx: ActorIndex) -> bool:
    """Is ``x`` in a clause no party to its act: a topic ("the Taiwan issue"), a place ("in Baghdad"),
    one wronged ("Iraq's sovereignty"), the source's own ("its troops")? (targets.actor_in_clause)"""
    place = idx.place_at.get(x.i)
    if place is not None and x.dep_ in ("det", "cc", "conj"):  # "the", "and" of "St. Vincent and the Grenadines"
        x = idx.doc[place.start:place.end].root
    if typ == T.CONSULT and any(a.dep_ == "pobj" and a.head.lower_ in ("on", "about", "over", "regarding", "concerning")
                                for a in [x] + list(x.ancestors)):
        return True  # "exchanged views on North Korea", "spoke about North Korea's launch": what a meeting is about
    if x.dep_ in ("compound", "amod", "nmod") and x.head.i not in idx.person_at \
            and x.head.lemma_.lower() not in AGENT_HEADS | AGENTIVE_EVENTS and x.head.lower_ not in AGENT_HEADS:
        return True  # "the Taiwan issue", "Japanese seafood imports": topics, not actors
    # "in Baghdad": where, not whom (but "to resume attacks in Israel" threatens Israel)
    # ("funding the salaries of civil servants in Gaza": aid given in a place is for it)
    where = typ not in (T.THREATEN, T.AID) and not (x.head.lower_ == "from" and typ in (T.RETREAT, T.AGREE, T.REJECT, T.CONCEDE))
    if x.head.dep_ == "prep" and x.head.lower_ in LOCATIVE and x.dep_ == "pobj" and x.i not in idx.person_at and where:
        return True
    if x.dep_ == "poss" and x.head.dep_ == "pobj" and x.head.head.lower_ in LOCATIVE and where \
            and x.head.lemma_.lower() in PLACE_HEADS:
        return True  # "firing shells in Bangladesh's territory": where, not whom
    if x.dep_ == "poss" and x.head.lemma_.lower() in SOVEREIGN_GOODS and typ in (T.ACCUSE, T.REQUEST):
        return True  # "condemned the attacks as a violation of Iraq's sovereignty": whose it is was wronged
    if x.tag_ == "PRP$":
        return True  # "its supplies": the owner is usually the actor itself
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ in ("its", "their") for c in x.children):
        return True  # "its troops", "their forces": the source's own
    while x.dep_ == "conj":  # "in St. Vincent and the Grenadines": each conjunct is where too
        x = x.head
    return x.dep_ == "pobj" and x.head.lower_ in LOCATIVE and where


def of_parties(noun: Token, speaker, idx: ActorIndex) -> list[Actor]:
    """'the meeting of the government delegations of Kenya and Uganda': the states a noun's 'of' names, however deep."""
    found: list[Actor] = []
    stack = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    while stack:
        for x in (x for o in stack.pop(0).children if o.dep_ == "pobj" for x in [o, *o.conjuncts]):
            named = x.i in idx.place_at or x.i in idx.person_at or any(  # (named, not "the foreign ministers")
                c.i in idx.place_at for c in x.children if c.dep_ in ("compound", "amod", "poss"))
            found += [a for a in idx.actors_for(x, speaker=speaker) if a.country] if named else []
            stack += [c for c in x.children if c.dep_ == "prep" and c.lower_ == "of"]
    return list({a.country: a for a in reversed(found)}.values())[::-1]  # one for each state, the first named
