"""Target strategy for a refusal (``targets`` runs it): whom a refusal answers when it names no
object of its own, the side that pressed for what is refused."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import EventType as T
from .parties import possessor
from .words import PRESSURE_NOUNS

if TYPE_CHECKING:
    from .targets import Search


def pressed_by(s: Search) -> None:
    """'declined to resign despite pressure from the anti-corruption commission', 'refused under
    pressure by Washington', 'rejected despite repeated calls by the EU': whoever pressed for it is
    refused. Only a 'despite' or 'under' phrase on the refusal or on what it refuses counts (the parser
    hangs it on either)."""
    if s.typ != T.REJECT:
        return
    for h in s.heads:
        for c in [x for v in [h] + [x for x in h.children if x.dep_ == "xcomp"] for x in v.children]:
            if c.dep_ != "prep" or c.lower_ not in ("despite", "under") or c.i in s.exclude:
                continue
            for o in c.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in PRESSURE_NOUNS:
                    possessor(s.idx, o, s.take, s.take_place, s.take)  # a domestic side too


def refused_offer(s: Search) -> None:
    """'refused to accept a US offer of talks', 'declined to meet Japan's demands': whose offer or
    demand the refused act takes is refused."""
    if s.typ != T.REJECT:
        return
    for h in s.heads:
        for x in (c for c in h.children if c.dep_ == "xcomp" and c.i not in s.exclude):
            for o in (o for o in x.children if o.dep_ == "dobj"):
                s.take_foreign(o)
                if not s.found:
                    possessor(s.idx, o, s.take_foreign, s.take_place, s.take)
            if s.found:
                return
