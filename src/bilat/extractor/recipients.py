"""A target strategy for aid: the recipient may hang deep in what is given (``targets`` runs it)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor
from ..model import EventType as T

if TYPE_CHECKING:
    from .targets import Search


def aid_recipient(s: Search) -> None:
    """'dispatched assistance comprising food and medicines for the people of Afghanistan': the
    recipient may hang deeper in what is given."""
    if s.typ not in (T.AID, T.AGREE):
        return
    given = [s.t] if s.t.pos_ == "NOUN" else [c for c in s.t.children if c.dep_ == "dobj"]
    for x in (x for g in given for x in g.subtree):
        if x.i not in s.exclude and x.dep_ in ("prep", "dative") and x.lower_ in ("to", "for") and x.head is not s.t:
            for o in x.children:
                if o.dep_ == "pobj":
                    s.take_prep_object(o)
                    if not s.found:
                        code = s.idx.modifier_country(o)  # "the people of Afghanistan"
                        if code:
                            s.found.append(Actor(kind="state", country=code))
        if s.found:
            return
