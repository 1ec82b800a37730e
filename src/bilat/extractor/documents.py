"""What texts say and whose act it is (read by ``modality``): a signed text's pledges are the text's, its
signing the act; a body's adopted resolution does what it says in the body's name; what a rejected or
blocked text would have said is no one's act; a decision taken to act is the act."""
from __future__ import annotations

from spacy.tokens import Token

from ..model import EventType as T
from .lexicon import lemma, verb_lexicon
from .syntax import to_infinitive
from .words import DOCUMENTS


def said_by_a_signed_text(verb: Token) -> bool:
    """'signed a joint statement pledging to deepen ties': what the signed text says (but "issued a
    statement denouncing X" denounces)."""
    # (but a body's resolution, adopted or passed, does what it says: "the Council adopted a resolution
    # imposing an arms embargo on X" is the Council's embargo)
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in DOCUMENTS \
        and lemma(verb.head.head) in ("sign", "ink", "conclude", "seal", "adopt") \
        and verb.head.lemma_.lower() not in _RESOLUTIONS


def said_by_a_rejected_text(verb: Token) -> bool:
    """'vetoed a resolution demanding a ceasefire', 'rejected a proposal calling for talks', 'blocked a
    statement condemning X': what a text refused or blocked would have said is no act of anyone's."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.dep_ != "dobj":
        return False
    sense = verb_lexicon().get(("VERB", lemma(verb.head.head), ""))
    return sense is not None and sense.type == T.REJECT


#: what a body adopts that acts in its name
_RESOLUTIONS = frozenset({"resolution", "motion"})


#: verbs that take a decision, not weigh one ("announced a decision to expel", not "is considering a decision")
_DECIDING = frozenset({"announce", "take", "make", "adopt", "confirm", "reach", "implement"})


def decision_taken(verb: Token, modality_of) -> bool:
    """'announced a decision to reduce the embassy's staff', 'Kenya's decision to expel ... angered Kampala': the
    act a decision someone took is to do, where the clause naming the decision tells a fact (``modality_of``)."""
    decision = verb.head if verb.dep_ == "acl" and to_infinitive(verb) and verb.head.lemma_.lower() == "decision" else None
    return decision is not None and modality_of(decision.head) == "fact" and (
        any(c.dep_ == "poss" for c in decision.children) or lemma(decision.head) in _DECIDING)
