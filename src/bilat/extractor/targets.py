"""Phase 5, target: whom the act is aimed at.

``TARGET_STRATEGIES`` is the cascade, in order; the first strategy that finds an actor decides (a
protest's objects and its purpose both count). Each strategy reads the trigger's clause through a
``Search``, which collects actors as the rules allow them (not the source, nor its own state unless asked).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors import ActorIndex, sector_table
from ..model import SYMMETRIC_TYPES, Actor
from ..model import EventType as T
from .lexicon import imposing_clauses, lemma
from .parties import (clause_owners, first_place_within, not_an_actor, possessor, same_countries, someone_elses,
                      where_hit)
from .accused import (accused_over, complement_subject, doer_of_condemned_act, event_in_a_country, misparsed_object,
                      taken_to_court, what_it_called, without_own_side)
from .recipients import aid_recipient, answered_party, given_to, handed_to, met_between, opened_to, promised_to, rest_of_a_list
from .refusals import pressed_by, refused_offer
from .relatives import hit_by_the_attack, relative_clause_head
from .records import Frame, SentenceContext
from .speech import state_voice
from .syntax import (act_antecedent, own_clause, quantity_head, reserved_act, shared_object_verbs, stranded_object,
                     to_infinitive)
from .typefacts import HOSTILE, PLACE_TARGET_TYPES, REACTIONS, TARGET_PREPS
from .words import (AID_GOODS, DRAWING_VERBS, FRONTIER_NOUNS, LOCATIVE, MEETING_VERBS, MUTUAL_FIGHTS, PLACE_HEADS,
                    TOPIC_VERBS)

PHASE = "target"


def run(f: Frame, ctx: SentenceContext) -> Frame:
    if f.scene:
        return f  # the scene's participants were read with its source
    idx, t = ctx.index, f.trigger
    if not f.passive:
        # "departed Brisbane for Tonga": a departure's object is where it leaves, not whom it is for
        gone = {x.i for c in t.children if c.dep_ == "dobj" and lemma(t) == "depart" for x in c.subtree}
        target, how = select(t, f.type, f.light, f.source, set(f.exclude) | gone, f.speaker, idx)
        if not target and f.type in PROMISING:
            target, how = promised_act(f, ctx)
        f = f.but(f"target:{how}", target=target)
    elif not f.target and f.light is not None:
        # "Evidence against Russia was presented by the US": the noun names the target
        # (the noun is the passive subject, so its own subtree is not excluded)
        exclude = set(f.exclude) - {x.i for x in t.subtree}
        # ("The Thai protests were conveyed to Cambodia": the light verb's own phrases too)
        target, how = select(t, f.type, f.light if f.act_is_subject else None, f.source, exclude, f.speaker, idx)
        f = f.but(f"target:{how}", target=target)
    if f.light is not None and lemma(f.light) in DRAWING_VERBS:
        # "faces pressure from Congress", "drew a rebuke from China": the one who faces it is the target
        givers = [o for h in (t, f.light) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for o in c.children if o.dep_ == "pobj"]
        if not givers:
            return f.drop(PHASE, "faces_a_prospect")  # "Iran faces sanctions": a prospect, not an act
        # "Japan's decision ... drew a rebuke": whose act it is
        owner = [a for c in (f.subject.children if f.subject is not None and not f.source else ())
                 if c.dep_ == "poss" for a in idx.actors_for(c, speaker=f.speaker)]
        f = f.but("faced_from", source=[a for o in givers for a in idx.actors_for(o, speaker=f.speaker)],
                  target=f.source or owner)
    if not f.source and f.speaker and f.type not in HOSTILE:
        f = f.but("speaker_as_source", source=list(f.speaker))
    # a reported clause whose subject is the speaker's own state keeps the speaker ("Hayashi said Japan is
    # willing to ...": Hayashi acts for Japan; not "civilians were killed in Baghdad, Iraqi police said")
    if f.speaker and f.source and all(a.kind == "state" for a in f.source) and not (f.passive and f.type in HOSTILE) \
            and {a.country for a in f.source} == {a.country for a in f.speaker if a.country}:
        f = f.but("speaker_for_own_state", source=list(f.speaker))
    else:
        f = state_voice(f, ctx)
    return f


#: acts whose target is that of the act they promise or threaten ("agreed to lift its tariffs on
#: Argentine wheat": whom the lifting is for)
PROMISING = (T.AGREE, T.THREATEN, T.REJECT)  # (and refuse: "declined an invitation to meet Ugandan officials")


def promised_act(f: Frame, ctx: SentenceContext) -> tuple[list[Actor], str]:
    """The target of the act a promise or a threat is of, read as that act's own target."""
    xc = [c for c in f.trigger.children if c.dep_ == "xcomp"] + reserved_act(f.trigger) + [
        a for o in f.trigger.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl"]
    while xc:
        inner = ctx.acts_at.get(xc[0].i)
        if inner is not None:
            target, _ = select(inner.trigger, inner.type, inner.light, f.source, set(f.exclude), f.speaker, ctx.index)
            if same_countries(target, f.source):
                target = []  # "agreed not to use force against each other": a joint promise, to no one else
            return target, "promised_act" if target else "none"
        xc = [c for c in xc[0].children if c.dep_ == "xcomp"]  # "agreed to try to lift"
    return [], "none"


@dataclass
class Search:
    """One target search: the trigger, what it may not pick, and what it found so far."""

    t: Token
    typ: T
    heads: list[Token]  # the light verb first: "engaged peacekeepers in a firefight"
    source: list[Actor]
    exclude: set[int]
    speaker: list[Actor] | None
    idx: ActorIndex
    found: list[Actor] = field(default_factory=list)

    def take(self, tok: Token, foreign_only: bool = False, unknown: bool = False) -> None:
        if self.typ in REACTIONS and act_antecedent(tok) is not None:
            return  # "condemned them": the act named before, whose doer the fallbacks find
        src_countries = {a.country for a in self.source if a.country}
        found = self.idx.actors_for(tok, speaker=self.speaker, allow_unknown=unknown or self.typ in (T.COERCE, T.ASSAULT))
        for a in someone_elses(tok, found, self.source, self.speaker) if self.typ in (T.ASSAULT, T.COERCE) else found:
            if a in self.found or a in self.source:
                continue
            # the source's own state is not its target ("its troops", "Japan-China ties"), but its
            # citizens and groups may be ("threatened to ban Ugandan opposition candidates")
            if foreign_only and a.country in src_countries and a.kind in ("state", "organization", "igo"):
                continue
            self.found.append(a)

    def take_prep_object(self, o: Token) -> None:
        """A preposition's object, else its possessor ("to Japan's embassy"), and the place it names;
        for a meeting, every person the phrase names ("with X and Y", however the parser nested them)."""
        self.take(o)
        if self.typ == T.CONSULT:
            for x in o.subtree:
                if x is not o and x.i in self.idx.person_at and x.head.i not in self.idx.person_at:
                    self.take(x)
        if not self.found:
            possessor(self.idx, o, self.take, self.take_place)
        self.take_place_of(o)
        if not self.found and self.typ == T.AID:  # "aid to refugees fleeing the war in Liberia"
            self.found += [Actor(kind="state", country=c) for c in first_place_within(o, self.idx)]

    def take_foreign(self, tok: Token) -> None:
        self.take(tok, foreign_only=True)

    def take_place(self, place) -> None:
        kind = "igo" if place.kind == "igo" else "group" if place.kind.startswith("group:") else "state"
        a = Actor(kind=kind, country=place.code,
                  name=self.idx.doc[place.start:place.end].text if kind == "group" else None)
        if a.country not in {x.country for x in self.source if x.country} and a not in self.found:
            self.found.append(a)

    def take_place_of(self, tok: Token) -> None:
        if not self.found and self.typ in PLACE_TARGET_TYPES:
            code = where_hit(tok, self.idx, self.source, self.typ == T.ASSAULT)  # "Syria's city", "the enclave"
            if code:
                self.found.append(Actor(kind="state", country=code))


def select(t: Token, typ: T, light: Token | None, source: list[Actor], exclude: set[int],
           speaker: list[Actor] | None, idx: ActorIndex) -> tuple[list[Actor], str]:
    """The target, and the strategy that found it ('none' when none did)."""
    s = Search(t, typ, ([light] if light is not None else []) + [t] + shared_object_verbs(t) + imposing_clauses(t),
               source, exclude, speaker, idx)
    first = "none"  # the strategy that found the first actor
    for strategy in TARGET_STRATEGIES:
        strategy(s)
        if s.found and first == "none":
            first = strategy.__name__
        if s.found and not (strategy is objects_and_prepositions and typ == T.PROTEST):
            break  # a protest's purpose may name more of whom it is aimed at
    rest_of_a_list(s)
    return s.found, first


def person_met(s: Search) -> None:
    """'visiting the U.S. capital ... to meet President X': X is met."""
    if s.typ != T.CONSULT:
        return
    for h in s.heads:
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp") and lemma(c) in MEETING_VERBS:
                for o in c.children:
                    if o.dep_ == "dobj":
                        s.take(o)


def objects_and_prepositions(s: Search) -> None:
    """The direct or indirect object, then the prepositions the type takes (event_types)."""
    typ, t = s.typ, s.t
    preps = TARGET_PREPS.get(typ, ())
    if typ == T.AGREE and t.pos_ == "NOUN":
        preps = ("by",) + preps  # "plans for a visit by Trump": the visitor is the other party
    if typ == T.ASSAULT and lemma(t) in MUTUAL_FIGHTS:
        preps = preps + ("with",)  # "clashed with rioters": the other side (but "attacked with drones")
    if typ == T.CONSULT and lemma(t) == "call" and any(lemma(h) == "pay" for h in s.heads):
        preps = preps + ("on",)  # "paid a courtesy call on the minister" (but "a call on the crisis": a topic)
    for h in s.heads:
        for c in h.children:
            if c.i in s.exclude:
                continue
            if c.dep_ == "dobj" and any(x.dep_ == "poss" and x.tag_ == "PRP$" for x in c.children) \
                    and typ in (T.AGREE, T.AID, T.MOBILIZE, T.RETREAT):
                continue  # "offered its troops to Lebanon": its own troops are what is offered
            if c.dep_ in ("dobj", "dative", "iobj") and c.i != t.i and t not in c.conjuncts:
                if c.dep_ == "dative" and c.pos_ == "ADP":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            s.take(o)
                elif typ == T.CONSULT and lemma(h) in TOPIC_VERBS:
                    s.take(c)  # "discussed the Afghan peace process": what is discussed, not with whom
                else:
                    s.take(c)
                    for owned in dict.fromkeys((c, quantity_head(c))):  # "part of a rebel stronghold"
                        if not s.found:
                            possessor(s.idx, owned, s.take_foreign, s.take_place, s.take)
                    if not s.found and quantity_head(c).i not in s.idx.place_at:  # (a named place is its state's)
                        for owner in clause_owners(quantity_head(c)):
                            s.take_foreign(owner)
                    s.take_place_of(c)
                    if not s.found and typ == T.MOBILIZE:  # "massed tanks near the Ugandan border": where the forces go
                        for o in (o for p in c.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children
                                  if o.dep_ == "pobj"):
                            s.take_prep_object(o)
            elif c.dep_ == "ccomp" and c.lower_ == "persona":  # "declared two diplomats persona non grata"
                s.take(next((o for o in c.children if o.dep_ in ("nsubj", "compound")), c))
            elif c.dep_ in ("prep", "agent") and c.lower_ in preps:
                # ("spoke with X and with Y": the preposition said again is the first's conjunct)
                again = [o for p in c.children if p.dep_ == "conj" and p.lower_ == c.lower_ for o in p.children if o.dep_ == "pobj"]
                for o in [o for o in c.children if o.dep_ == "pobj"] + again or stranded_object(c):
                    s.take_prep_object(o)
                if c.lower_ in ("over", "about"):  # "over the detention of a Japanese diplomat": a topic, not one's own side
                    without_own_side(s)
        if s.found and typ != T.PROTEST:
            return


def protest_purpose(s: Search) -> None:
    """A protest's purpose names whom it is aimed at: "marched ... to demand that the government
    withdraw its invitation to President X", "to show their disapproval of the United States' policies";
    force used to do something to someone is used on them: "opened fire to disperse the protesters"."""
    if s.typ not in (T.PROTEST, T.ASSAULT, T.COERCE):
        return
    for h in s.heads:
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp") and to_infinitive(c):
                for x in c.subtree if s.typ == T.PROTEST else (o for o in c.children if o.dep_ == "dobj"):
                    if x.dep_ not in ("compound", "amod") and x.tag_ != "PRP$":
                        s.take(x)


_NO_PARTY_PREPS = frozenset({"for", "about", "over", "against", "on"})


def actor_in_clause(s: Search) -> None:
    """The first actor elsewhere in the trigger's own clause that is not a topic or a place (aid
    suspended 'in Baghdad' is withdrawn from it, as aid given in a place is given to it)."""
    idx, typ = s.idx, s.typ
    if typ == T.SANCTION and any(x.lemma_.lower() in AID_GOODS for h in s.heads for c in h.children
                                 if c.dep_ == "dobj" for x in c.subtree):
        typ = T.AID
    for h in s.heads:
        for x in own_clause(h, s.exclude):
            if x.i == s.t.i:
                continue
            border = x if x.dep_ == "pobj" else x.head if x.dep_ in ("compound", "amod", "nmod") else None
            if border is not None and border.dep_ == "pobj" and border.lemma_.lower() in FRONTIER_NOUNS:
                continue  # "a stronghold on the Thai border": where, on either side of it
            # (but "an attack in the Balochistan province" is where, not whom; a state's mission stands for
            # the state: "rallied near the Israeli embassy")
            placed = x.head.dep_ == "pobj" and x.head.head.lower_ in LOCATIVE and typ not in PLACE_TARGET_TYPES \
                and typ != T.THREATEN and x.head.lemma_.lower() in PLACE_HEADS \
                and x.head.lemma_.lower() not in ("embassy", "consulate")
            if x.dep_ in ("compound", "amod", "nmod") and x.i in idx.place_at and not placed and \
                    (x.head.lemma_.lower() in PLACE_HEADS or x.head.lemma_.lower() in sector_table()):
                s.take_place(idx.place_at[x.i])  # "the Azerbaijani republic", "Ugandan opposition candidates"
                if s.found:
                    return
                continue
            if not_an_actor(x, typ, idx) or (typ == T.CONSULT and x.dep_ == "pobj" and x.head.lower_ in _NO_PARTY_PREPS):
                continue  # ("no mandate to speak for the bloc": whom one speaks for is not met)
            s.take_foreign(x)
            if not s.found and typ in (T.THREATEN, T.AID):
                s.take_place_of(x)  # "landed in Port Sudan": aid for the city's country
            if s.found:
                return


def each_other(s: Search) -> None:
    """'expelled each other's diplomats', 'accused one another', 'Canada and India each expelled six diplomats':
    each side at the other (one record each way; not a joint act, nor "two states which accused each other")."""
    if len({a.country for a in s.source if a.country}) != 2 or s.typ in SYMMETRIC_TYPES or s.t.dep_ == "relcl":
        return
    words = [x for h in s.heads for x in own_clause(h, s.exclude)]
    if any(x.lower_ == "each" and x.dep_ in ("appos", "det", "advmod") for h in s.heads for c in h.children
           if c.dep_ == "nsubj" for x in c.children) or \
            any(x.lower_ in ("other", "another") and any(y.lower_ in ("each", "one") for y in x.lefts) for x in words):
        s.found = list(s.source)


TARGET_STRATEGIES = (each_other, taken_to_court, doer_of_condemned_act, accused_over, person_met, handed_to, what_it_called,
                     objects_and_prepositions,
                     protest_purpose, met_between, event_in_a_country, aid_recipient, promised_to, given_to, answered_party, opened_to,
                     pressed_by,
                     refused_offer,
                     complement_subject, misparsed_object, relative_clause_head, hit_by_the_attack, actor_in_clause)
