"""What the extractor needs to know about each PLOVER type (its per-type facts)."""
from __future__ import annotations

from ..model import EventType as T

#: an announced cooperative act is an AGREE, with this CAMEO code ("will visit": 036)
COOPERATIVE = {T.CONSULT: "036", T.COOPERATE: "031", T.AID: "033", T.RETREAT: "035", T.CONCEDE: "035",
               T.SUPPORT: "032"}
#: an announced hostile act is a THREATEN, with this CAMEO code ("will impose sanctions": 132)
HOSTILE = {T.SANCTION: "132", T.ASSAULT: "138", T.COERCE: "137", T.MOBILIZE: "138", T.PROTEST: "133"}
#: target prepositions each type takes, besides the direct object
TARGET_PREPS = {
    T.CONSULT: ("with", "to"), T.AGREE: ("with", "to"), T.COOPERATE: ("with",), T.SUPPORT: ("with", "to", "for"),
    T.ACCUSE: ("to", "against", "of", "at", "over", "about", "on"), T.REQUEST: ("on", "upon", "to", "from"),
    T.REJECT: ("from", "by"), T.THREATEN: ("against", "to", "on"), T.SANCTION: ("on", "against", "from", "to"),
    T.ASSAULT: ("at", "on", "against", "in"), T.AID: ("to", "for"), T.COERCE: ("for", "against", "in"),
    T.CONCEDE: ("on", "to", "in", "for"), T.RETREAT: ("from", "to"), T.PROTEST: ("against", "outside", "at", "on"),
    T.MOBILIZE: ("to", "against", "near", "toward", "towards"),
}
#: types whose record needs a target to be worth emitting (CONCEDE and RETREAT stand alone:
#: "resigned", "declared a ceasefire", "released the prisoners")
NEEDS_TARGET = {T.ACCUSE, T.REQUEST, T.REJECT, T.SANCTION, T.SUPPORT, T.AID, T.COOPERATE, T.THREATEN, T.COERCE,
                T.AGREE}
#: types whose target may be a place's country ("visited the U.S. capital", "shelled Syria's city")
PLACE_TARGET_TYPES = {T.ASSAULT, T.COERCE, T.MOBILIZE, T.PROTEST, T.SANCTION, T.CONSULT, T.AID, T.CONCEDE, T.RETREAT}
#: types that may be aimed at the source's own country ("threatened to institute a curfew in Algiers")
DOMESTIC_TYPES = {T.THREATEN, T.COERCE, T.SANCTION, T.REQUEST, T.REJECT, T.CONCEDE}
