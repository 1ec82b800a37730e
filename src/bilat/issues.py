"""Issue slugs and event locations.

Issues come from the keyword table ``data/issues.tsv`` matched against the event's
clause. A location is a place the clause says the event happened in ("in Busan, South
Korea", "held in the US"): a city or capital gives its country; a country alone gives a
location with no name.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from .model import Location
from .model import Place
from .nlp import igo_seats
from .tables import read_table

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "into", "around", "off"}


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["slug"], re.compile(row["pattern"], re.I)) for row in read_table("issues.tsv"))


def issues_in(text: str) -> tuple[str, ...]:
    """Issue slugs whose pattern occurs in ``text``, in table order."""
    return tuple(slug for slug, pattern in _patterns() if pattern.search(text))


def location_of(trigger: Token, place_at: dict[int, Place], airborne: bool = False) -> Location | None:
    """Where the clause of ``trigger`` says the event happened. ``airborne``: also "over" and
    "above" a place ("shot down over Ukraine"), which elsewhere is a topic ("a dispute over Taiwan")."""
    preps = LOCATIVE_PREPS | {"over", "above"} if airborne else LOCATIVE_PREPS
    doc = trigger.doc
    candidates = [trigger]
    head = trigger
    for _ in range(2):
        if head.head.i == head.i or head.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "advcl", "conj"):
            break
        if head.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            break  # "troops pushed into Syria, as Western allies condemned it": a clause of its own, elsewhere
        head = head.head
        candidates.append(head)
    # one level down too: "marched on Parliament in London", "held talks in Seoul"
    for c in list(trigger.children):
        if c.dep_ in ("dobj", "prep", "nsubj"):  # "a bombing near Samarra killed"
            candidates.append(c)
            candidates.extend(o for o in c.children if o.dep_ == "pobj")
    for tok in candidates:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            # "outside of the Iraqi city of Basra": the object sits one preposition further
            objs += [o for p2 in prep.children if p2.dep_ == "prep" for o in p2.children if o.dep_ == "pobj"]
            for obj in objs:
                loc = _place_location(obj, place_at)
                if loc is not None:
                    return loc
    return None


_MISSIONS = frozenset({"embassy", "consulate"})


def _mission_owner(t: Token) -> bool:
    """Does ``t`` name whose embassy or consulate it is ("the U.S. embassy", "the Consulate General of Sweden",
    "the embassy of Uganda")?"""
    h = t.head.head if t.head.dep_ == "prep" and t.head.lower_ == "of" and t.dep_ == "pobj" else t.head
    return h.lemma_.lower() in _MISSIONS or any(c.dep_ == "compound" and c.lemma_.lower() in _MISSIONS for c in h.children)


def _place_location(obj: Token, place_at: dict[int, Place]) -> Location | None:
    doc = obj.doc
    # the place may be the head itself or a compound/appos within ("Busan, South Korea", "the city of
    # Basra"), but not a place further prepositions name ("in military aid to Ukraine": to whom)
    # ("waters around Taiwan", "the sea off Japan": where the waters are is where)
    beyond = {x.i for p in obj.children if p.dep_ == "prep" and p.lower_ not in ("of", "around", "off", "near")
              for x in p.subtree}
    # nor one a clause on it names: "in a move the group said was linked to the ceasefire in Gaza"
    beyond |= {x.i for c in obj.children if c.dep_ == "relcl" for x in c.subtree}
    tokens = [obj] + [t for t in obj.subtree if t.i != obj.i and t.i not in beyond]
    first = None
    for t in tokens:
        place = place_at.get(t.i)
        if place is None or place.kind not in ("country", "capital", "city"):
            continue
        if _mission_owner(doc[place.end - 1]):
            continue  # "outside the U.S. embassy in London": an embassy stands in another country
        if first is None:
            first = place
            if place.kind in ("city", "capital"):
                name = doc[place.start:place.end].text
                seat = igo_seats().get(name)  # ("talks in Brussels": the EU's seat lies in Belgium)
                return Location(name=name, country=seat[1] if seat else place.code)
    if first is not None:
        return Location(name=None, country=first.code)
    return None
