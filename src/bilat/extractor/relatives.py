"""Target strategies read from relative clauses (``targets`` runs them): the noun a relative clause
hangs on is its verb's object ("Iranian officers it accused"), and an attack noun's relative clause
says whom it hit ("a surprise attack that killed hundreds of Israelis")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import ActorIndex, sector_table
from ..model import EventType as T
from .lexicon import verb_types

if TYPE_CHECKING:
    from .records import Frame
    from .targets import Search


# what a measure named by a noun does to the one it is aimed at: "sanctions targeting Iranian oil"
_AIMING_VERBS = frozenset({"target", "hit", "affect", "cover", "penalize", "penalise", "punish", "aim", "direct"})


def hit_by_the_attack(s: Search) -> None:
    """'launched an attack that killed hundreds of Israelis', 'a raid that wounded three soldiers': the
    relative clause of an attack noun tells whom it hit; so does the clause on a measure ("announced
    sanctions targeting Iranian oil exports", "measures that hit Russian banks", "aimed at Moscow")."""
    if s.typ not in (T.ASSAULT, T.SANCTION) or s.t.pos_ != "NOUN":
        return
    for rc in s.t.children:
        if s.typ == T.ASSAULT and rc.dep_ == "relcl" and T.ASSAULT in verb_types(rc):
            objects = [o for o in rc.children if o.dep_ == "dobj"]
        elif s.typ == T.SANCTION and rc.dep_ in ("relcl", "acl") and rc.lemma_.lower() in _AIMING_VERBS:
            objects = [o for o in rc.children if o.dep_ == "dobj"] + [
                o for p in rc.children if p.dep_ == "prep" and p.lower_ in ("at", "against") for o in p.children
                if o.dep_ == "pobj"]
        else:
            continue
        for o in objects:
            s.take_prep_object(o)


def relative_clause_head(s: Search) -> None:
    """A relative clause's object is the noun it modifies: "Iranian officers it accused"."""
    if s.t.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in s.t.children):
        s.take_foreign(s.t.head)


def what_things_do(f: "Frame", idx: ActorIndex) -> bool:
    """'the weapons that kill Ukrainian civilians', 'drones which cross the border': a relative clause in the
    simple present on a thing tells what such things do, not a deed of a day (a measure's clause, "the
    resolution which caps the supply of oil", and a judgement's, "an act that challenges", still code)."""
    t = f.trigger
    if f.type not in (T.ASSAULT, T.COERCE, T.AID, T.MOBILIZE) or t.dep_ != "relcl" or t.tag_ not in ("VBP", "VBZ") \
            or any(c.dep_ in ("aux", "auxpass") for c in t.children):
        return False
    head = t.head
    return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in t.children) and head.pos_ == "NOUN" \
        and head.i not in idx.place_at and head.i not in idx.person_at and head.lemma_.lower() not in sector_table()
