"""Days counted between two acts: "shot down on Wednesday, a day after Indian jets struck", "arrested on
Feb. 15, two days after Uganda requested his extradition" (the clause's act lies so many days from its
governor's date)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from spacy.tokens import Token

from .. import dates as dates_mod
from ..dates import DateValue


def days_apart(t: Token) -> int | None:
    """'a day after', 'two days before': how many days the clause's act lies from its governor's;
    None for a span not counted in days ("more than a year after seizing the ship")."""
    if t.dep_ == "advcl":
        mark, spans = _mark_of(t), [c for c in t.children if c.dep_ == "npadvmod"]
    elif t.dep_ == "prep" and t.lower_ in ("after", "before"):  # "a year after seizing": the span is the preposition's
        mark, spans = t.lower_, [c for c in t.children if c.dep_ == "npadvmod"]
    else:
        return 0
    for c in spans if mark else ():
        if c.lemma_.lower() != "day" or (c.tag_ == "NNS" and not any(x.dep_ in ("det", "nummod") for x in c.children)):
            return None  # "a year after", "days after": a span not counted
        n = _count_of(c)
        if n:
            return -n if mark == "after" else n
    return 0


def _mark_of(clause: Token) -> str | None:
    """'after' or 'before', where the clause is marked so."""
    return next((m.lower_ for m in clause.children if m.dep_ == "mark" and m.lower_ in ("after", "before")), None)


def _count_of(day: Token) -> int | None:
    """How many days 'a day', 'two days' counts (None where no number is given)."""
    n = next((dates_mod._number(x.lower_) for x in day.children if x.dep_ in ("det", "nummod")), None)
    return 1 if n is None and any(x.lower_ in ("a", "one") for x in day.children) else n


def shifted(v: DateValue, days: int) -> DateValue:
    if not days or len(v.value) != 10:
        return v
    return DateValue((date.fromisoformat(v.value) + timedelta(days=days)).isoformat(), v.basis)


def day_apposition_date(t: Token, resolve: Callable[[set[int]], DateValue | None]) -> DateValue | None:
    """'on Feb. 15, a day after Uganda requested ...': a clause on "a day" set beside a date (the parser's
    apposition) happened that many days from the date. ``resolve`` reads a date among the tokens given."""
    rel = next((h for h in [t, *t.ancestors] if h.dep_ != "conj"), t)
    day = rel.head
    if rel.dep_ != "advcl" or day.lemma_.lower() != "day" or day.dep_ not in ("appos", "npadvmod") \
            or day.head.ent_type_ != "DATE":
        return None
    mark, n = _mark_of(rel), _count_of(day)
    if mark is None or not n:
        return None
    v = resolve({x.i for x in day.head.subtree if x.i < day.left_edge.i})
    return shifted(v, -n if mark == "after" else n) if v else None
