"""Who does what a clause says: the subject, found by climbing from the verb.

``SUBJECT_STEPS`` is the cascade, in order: at each level (the verb, then its governors,
up to five) the first step that answers decides. A step returns ``None`` when it does not
apply, ``Found`` when it names the subject, ``Climb`` to go on from another token, or
``STOP``.
"""
from __future__ import annotations

import functools

from typing import NamedTuple

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Actor
from .lexicon import lemma, noun_lexicon, verb_senses, verb_types
from .parties import noun_owner
from .syntax import headline_pair, is_passive_conj, quantity_head, to_infinitive
from .typefacts import MATERIAL_CONFLICT, STATEMENTS
from .words import AGENTIVE_EVENTS, CAUSE_VERBS, SANCTION_NOUNS, SPEAKER_NOUNS, SPEECH_VERBS, STATIVE_PARTICIPLES

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


class Found(NamedTuple):
    actors: list[Actor]
    passive: bool
    token: Token | None


class Climb(NamedTuple):
    to: Token


STOP = Found([], False, None)


def clause_subject(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Found | None:
    """The clause's own subject: "Turkey summoned", "a U.S. air strike killed"."""
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if not subj:  # "Egypt and Qatar are mediating": the parser may hang the subject on the auxiliary
        subj = [c for a in tok.children if a.dep_ in ("aux", "auxpass") for c in a.children if c.dep_ in SUBJECT_DEPS]
    if not subj:  # "Azerbaijan massed troops": a state the parser read as an adverb of the verb
        subj = [c for c in tok.children if c.dep_ == "npadvmod" and c.i < tok.i and c.i in idx.place_at
                and idx.place_at[c.i].kind in ("country", "capital")]
    if not subj:  # "At the invitation of President X, President Y paid a visit": the parser hangs the
        # subject on the fronted phrase's last name, as its conjunct after the comma
        subj = [x for p in tok.children if p.dep_ == "prep" and p.i < tok.i for x in p.subtree
                if x.dep_ in ("conj", "appos") and x.i < tok.i and x.left_edge.i > 0 and tok.doc[x.left_edge.i - 1].text == ","
                and x.right_edge.i + 1 < len(tok.doc) and not tok.doc[x.right_edge.i + 1].is_punct
                and x.pos_ == "PROPN"][:1]
    if not subj:
        return None
    if len(subj) > 1:
        subj = _among_subjects(subj, tok, idx, speaker)
    s = quantity_head(_past_a_label(subj[0], tok))
    if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
        s = tok.head
    if s.tag_ == "VBG" and s.dep_ == "nsubj":
        # "The Red Cross operating in Iraq said": the parser made the participle the subject and
        # hung the noun it describes under it as its own subject
        s = next((c for c in s.children if c.dep_ == "nsubj"), s)
    actors = idx.actors_for(s, speaker=speaker, allow_unknown=True)
    for other in subj[1:]:
        # "Abe, Xi pledged ...": a headline's comma list the parser read as two subjects; named
        # people of another country act together
        more = [a for a in idx.actors_for(other, speaker=speaker) if a.kind == "person" and a.name]
        if more and actors and all(a.kind == "person" and a.name for a in actors) \
                and {a.country for a in more}.isdisjoint({a.country for a in actors}):
            actors = actors + [a for a in more if a not in actors]
        elif _headline_list(other, idx):  # "Iran, Saudi Arabia restore ties": two states
            actors = actors + [a for a in idx.actors_for(other, speaker=speaker) if a.kind == "state" and a not in actors]
    actors = actors + [a for a in _headline_list(s, idx) if a not in actors]
    if not actors:
        # "X's phone call, NATO chief Jens Stoltenberg, ...": an apposed person is the subject
        for c in s.children:
            if c.dep_ == "appos":
                actors = idx.actors_for(c, speaker=speaker)
                if actors:
                    break
    if not actors and s.lemma_.lower() in SPEAKER_NOUNS | AGENTIVE_EVENTS | SANCTION_NOUNS:
        # "Egypt's statement said", "a U.S. air strike killed": the modifier's country acts
        actors = noun_owner(idx, s)
    if not actors and s.tag_ == "NNS" and s.lemma_.lower() not in AGENTIVE_EVENTS | SANCTION_NOUNS:
        # "Islamic fundamentalists continued their strike": people the place or the story
        # may give a country to
        actors = [Actor(kind="group", country=None, role=idx.noun_phrase(s, strip_det=True))]
    # a passive conjunct shares the subject of its head: "were detained and released by"
    if tok.i != verb.i and verb.dep_ == "conj" and tok.i == verb.head.i:
        passive = is_passive_conj(verb)  # "was indicted ... and will resign": resigning is active
    else:
        passive = (s.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in tok.children)) and not _a_stance(tok, s)
    return Found(actors, passive, s)


def _past_a_label(s: Token, tok: Token) -> Token:
    """'QUESTION (Thandi Mokoena, Cape Courier): Israel's foreign ministry has rejected ...': the parser made
    the transcript's label the subject and hung the clause's own on it; the subject is the one after the colon."""
    colon = next((x for x in tok.doc[s.i:tok.i] if x.is_punct and ":" in x.text), None)
    if colon is None:
        return s
    return next((x for x in s.subtree if x.i > colon.i and x.dep_ in ("appos", "conj") and x.head.i < colon.i), s)


def _among_subjects(subj: list[Token], tok: Token, idx: ActorIndex, speaker) -> list[Token]:
    """The subjects of a clause the parser gave several, the one that acts first."""
    # "Question (Meera Nath, Wire): In mid-January the Maldives asked": a transcript's label is no subject
    subj = [c for c in subj if not any(x.is_punct and ":" in x.text for x in tok.doc[c.i:tok.i])] or subj
    # "(CNN) Turkey has summoned": prefer the subject that names an actor
    subj = [c for c in subj if idx.actors_for(c, speaker=speaker)] or subj
    # "Lawmakers ... accused Brussels ..., and the Armenian foreign ministry urged the EU": an 'and' with
    # nothing joined to it on the first subject joins two clauses the parser read as one; the later subject
    if len(subj) > 1 and any(c.dep_ == "cc" for c in subj[0].children) and not any(c.dep_ == "conj" for c in subj[0].children):
        subj = subj[1:]
    return subj


def _headline_list(s: Token, idx: ActorIndex) -> list[Actor]:
    """'Spain, Morocco agree to reopen borders', 'Iran, Saudi Arabia restore ties': a headline's
    comma list of states that opens the sentence and ends at a state subject acts together."""
    subj_place = idx.place_at.get(s.i)
    start = s.sent.start
    if subj_place is None or subj_place.kind not in ("country", "capital") or s.left_edge.i - 2 < start:
        return []
    comma = s.doc[s.left_edge.i - 1]
    first = idx.place_at.get(start)
    if comma.text != "," or first is None or first.end != comma.i or first.kind not in ("country", "capital") \
            or first.code == subj_place.code:
        return []
    return [Actor(kind="state", country=first.code)]


def _a_stance(verb: Token, subj: Token) -> bool:
    """'Ghana is opposed to ...', 'Peru is committed to ...': a participle that names a stance, or an
    active subject the parser left under a passive auxiliary, with no agent, is not a passive."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return verb.lower_ in STATIVE_PARTICIPLES or subj.dep_ == "nsubj"


def relative_clause_head(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Found | Climb | None:
    """'the envoy who met X': the noun the relative clause modifies; 'Kenya was the first country to
    recognize X': a predicate noun is its clause's subject."""
    if tok.dep_ != "relcl":
        return None
    if tok.head.dep_ == "attr" and tok.head.head.lemma_ == "be":
        return Climb(tok.head.head)
    actors = idx.actors_for(tok.head, speaker=speaker)
    gov = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
    nt = noun_lexicon().get(tok.head.lemma_.lower())
    if not actors and tok.head.dep_ in ("dobj", "pobj") and gov.pos_ in ("VERB", "AUX") and to_infinitive(tok) \
            and not (nt and lemma(gov) in nt.lights):
        # "converged for a rally to protest X": who came for it protests (but "gave a grant to finance
        # projects": the purpose of the grant, which is the event)
        return Climb(gov)
    return Found(actors, False, tok.head)


def shown_doing(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Found | None:
    """'images of bin Farhan receiving his counterparts', 'footage of X meeting Y': who is shown acts,
    whether the parser hangs the clause on the picture or on the person."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG":
        return None
    if tok.head.i in idx.person_at and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of":
        return Found(idx.actors_for(tok.head, speaker=speaker), False, tok.head)
    shown = [o for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "of" and p.i < tok.i
             for o in p.children if o.dep_ == "pobj"]
    actors = idx.actors_for(shown[0], speaker=speaker) if shown else []
    return Found(actors, False, shown[0]) if actors else None


def issuer_of_declaration(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Climb | None:
    """'issued a declaration demanding that ...': the issuer demands."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ in ("dobj", "attr") and tok.head.head.i != tok.head.i:
        return Climb(tok.head.head)
    return None


def owner_of_noun(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Found | None:
    """A clause on a noun: "her visit to meet Trump" (she meets); a misparsed clause (the noun acts)."""
    if tok.dep_ != "acl":
        return None
    owner = [c for c in tok.head.children if c.dep_ == "poss"]
    if owner:
        return Found(idx.actors_for(owner[0], speaker=speaker), False, owner[0])

    # "announced a decision to reduce the embassy's staff": who announces the decision decides
    if tok.head.lemma_.lower() == "decision" and tok.head.dep_ in ("dobj", "attr") and tok.head.head.i != tok.head.i:
        return Climb(tok.head.head)
    if tok.tag_ == "VBD" or tok.head.dep_ == "relcl":
        actors = idx.actors_for(tok.head, speaker=speaker)
        if not actors and tok.head.lemma_.lower() in SPEAKER_NOUNS:
            actors = noun_owner(idx, tok.head)  # "A UN resolution called on Israel", read as a clause on the noun
        return Found(actors, False, tok.head)
    return STOP


def governor(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Climb | Found | None:
    """Complements, conjuncts and prepositional clauses take their governor's subject
    (an xcomp of an object-control verb takes the object: "urged Japan to keep")."""
    if tok.dep_ == "xcomp" and lemma(tok.head) in CAUSE_VERBS:
        # "prompting China to ban imports": who is made to act is the one acting
        made = [c for c in tok.head.children if c.dep_ == "dobj"]
        if made:
            return Found(idx.actors_for(made[0], speaker=speaker, allow_unknown=True), False, made[0])
    if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp") or tok.dep_ == "pobj" or tok.dep_ == "prep":
        nxt = tok.head
        if nxt.pos_ == "ADP":
            nxt = nxt.head
        return STOP if nxt.i == tok.i else Climb(nxt)
    return STOP


def headline_partner(tok: Token, verb: Token, idx: ActorIndex, speaker) -> Found | None:
    """'Kenya condemns attack, urges Uganda to withdraw': the second verb's subject is the first clause's."""
    first = next((c for c in tok.children if headline_pair(c)), None)
    if first is None:
        return None
    subj = next(c for c in first.children if c.dep_ in ("nsubj", "nsubjpass"))
    return Found(idx.actors_for(subj, speaker=speaker), subj.dep_ == "nsubjpass", subj)


SUBJECT_STEPS = (clause_subject, relative_clause_head, shown_doing, issuer_of_declaration, owner_of_noun,
                 headline_partner, governor)


def _speakers_act(be: Token, verb: Token) -> bool:
    """'said Iran was a criminal regime and called on the EU to ...': a statement joined in the past to
    a reported 'was' is the speaker's next act, not more of what was reported (which would be 'had
    called', or 'is ... and calls')."""
    # ("said Israel was committing a genocide and appealed to the Security Council": so is a past progressive)
    # ("said the individuals had sought to overturn the vote and urged the authorities to ...": a past perfect)
    backshifted = (be.lemma_ == "be" and be.tag_ == "VBD") or (be.tag_ == "VBG" and any(
        a.dep_ == "aux" and a.lemma_ == "be" and a.tag_ == "VBD" for a in be.children)) or (be.tag_ == "VBN" and any(
            a.dep_ == "aux" and a.lower_ == "had" for a in be.children))
    # ("told the board that pressure would only complicate matters and urged the West to ...", "said the
    # probe is protectionism and urged ...": a past verb cannot share the report's modal or present tense)
    not_past = be.tag_ in ("VBP", "VBZ") or (be.tag_ == "VB" and any(a.dep_ == "aux" and a.tag_ == "MD"
                                                                      for a in be.children))
    return (backshifted or not_past) and verb.tag_ == "VBD" \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and lemma(verb) in _statement_lemmas()


def _aimed_at_itself(verb: Token, actors: list[Actor], idx: ActorIndex) -> bool:
    """'declared that the Kyrgyz forces shelled the villages and accused Bishkek of provocation': a statement
    joined to what was reported would be aimed at its own subject's state; it is the speaker's next act."""
    own = {a.country for a in actors if a.country}
    if not own or lemma(verb) not in _statement_lemmas():
        return False
    aimed = {a.country for o in verb.children if o.dep_ == "dobj" for a in idx.actors_for(o) if a.country}
    return bool(aimed) and aimed <= own


@functools.lru_cache(maxsize=1)
def _statement_lemmas() -> frozenset[str]:
    """Verbs with a sense (any particle) that is a statement to another: "call on", "urge", "condemn"."""
    return frozenset(lem for (_, lem, _), senses in verb_senses().items() if any(c.type in STATEMENTS for c in senses))


def subject_of(verb: Token, speaker: list[Actor] | None, idx: ActorIndex) -> tuple[list[Actor], bool, Token | None]:
    """Actors of the clause subject, whether the clause is passive, and the subject token."""
    tok = verb
    for _ in range(5):
        for step in SUBJECT_STEPS:
            res = step(tok, verb, idx, speaker)
            if res is None:
                continue
            if isinstance(res, Climb):
                tok = res.to
                break
            if res is STOP:
                return [], False, None
            if verb.dep_ == "conj" and tok.i == verb.head.i and tok.dep_ == "ccomp" and lemma(tok.head) in SPEECH_VERBS \
                    and ((tok.lemma_ in ("be", "have") and not any(a.country or a.name for a in res.actors))
                         or _speakers_act(tok, verb) or _aimed_at_itself(verb, res.actors, idx)):
                tok = tok.head  # "said the islands are ... and urged Japan to stop": the speaker urges
                break
            # "Urged by Washington, Israel agreed": a participle with its own agent is passive, and
            # the subject it borrows is the one acted on
            fronted = verb.tag_ == "VBN" and verb.dep_ == "advcl" and any(c.dep_ == "agent" for c in verb.children)
            # "died after being tortured": a borrowed subject of a clause with its own passive auxiliary
            # is acted on
            borrowed = tok.i != verb.i and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
            # a subject borrowed by a complement acts in it whatever the governor's voice ("The prime
            # minister is expected to visit Washington"); a passive conjunct shares it (clause_subject)
            # (so does an active participle: "Putin was given a welcome in Mongolia, defying a warrant": Putin
            # defies; but "was listed as a passenger on a jet that crashed, killing all 10": force is no one's)
            governor_voice = res.passive and not (tok.i != verb.i and (verb.dep_ == "xcomp" or (
                verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(c.dep_ == "dobj" for c in verb.children)
                and not set(verb_types(verb)) & MATERIAL_CONFLICT)))
            return res.actors, governor_voice or fronted or borrowed, res.token
        else:
            break
    return [], False, None
