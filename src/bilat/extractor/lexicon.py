"""The trigger lexicons (``data/triggers.tsv``, ``data/nouns.tsv``) and the lemma repair
the small model needs before looking words up in them."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..model import EventType
from ..tables import read_table
from .words import REPEATABLE, SPEECH_VERBS, words


@dataclass(frozen=True)
class Trigger:
    type: EventType
    cameo: str
    mode: str | None
    objects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NounTrigger:
    type: EventType
    cameo: str
    mode: str | None
    lights: dict = field(default_factory=dict)  # light verb -> (type, cameo)
    scene: bool = False


@functools.lru_cache(maxsize=1)
def verb_senses() -> dict[tuple[str, str, str], tuple[Trigger, ...]]:
    """(pos, lemma, particle) -> its senses in table order; a sense with objects applies only to
    those objects ("strengthen forces" mobilises, "strengthen ties" agrees)."""
    out: dict[tuple[str, str, str], list[Trigger]] = {}
    valid = {t.value for t in EventType}
    for row in read_table("triggers.tsv"):
        if row["type"] not in valid or not (row["cameo"] or "").isdigit():
            raise ValueError(f"triggers.tsv: bad row {row}")  # a malformed table must fail loudly
        # '@name' stands for a word list of extract_words.txt ("@aid_goods")
        objects = frozenset(w for o in (row["objects"] or "").split("|") if o
                            for w in (words(o[1:]) if o.startswith("@") else (o,)))
        trig = Trigger(EventType(row["type"]), row["cameo"], row["mode"] or None, objects)
        senses = out.setdefault((row["pos"], row["lemma"], row["particle"] or ""), [])
        if trig not in senses:
            senses.append(trig)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def verb_lexicon() -> dict[tuple[str, str, str], Trigger]:
    """(pos, lemma, particle) -> its first sense."""
    return {k: v[0] for k, v in verb_senses().items()}


@functools.lru_cache(maxsize=1)
def noun_lexicon() -> dict[str, NounTrigger]:
    out = {}
    for row in read_table("nouns.tsv"):
        lights, scene = {}, False
        for item in (row["lights"] or "").split(","):
            item = item.strip()
            if not item:
                continue
            if item == "@":
                scene = True
            elif "=" in item:
                verb, spec = item.split("=")
                t, c = spec.split("/")
                lights[verb] = (EventType(t), c)
            else:
                lights[item] = (EventType(row["type"]), row["cameo"])
        out[row["lemma"]] = NounTrigger(EventType(row["type"]), row["cameo"], row["mode"] or None, lights, scene)
    return out


@functools.lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    """Every verb bilat looks up: triggers, light verbs, speech verbs (for lemma repair)."""
    lights = {v for nt in noun_lexicon().values() for v in nt.lights}
    return frozenset({lemma for (_, lemma, _) in verb_lexicon()} | lights | SPEECH_VERBS)


def lemma(t: Token) -> str:
    """spaCy's small model mislemmatises some forms ('hoped', 'hopes' -> 'hop'); fall back on rules."""
    lem = t.lemma_.lower()
    if t.tag_ in ("VBD", "VBN", "VBZ") and lem not in _verb_lemmas():
        low = t.lower_
        for cand in (low[:-1], low[:-2], low[:-3] if low.endswith("ied") else None):
            if cand and cand in _verb_lemmas():
                return cand
        if low.endswith("ied") and low[:-3] + "y" in _verb_lemmas():
            return low[:-3] + "y"
    if lem.startswith("re") and lem not in _verb_lemmas() and t.pos_ == "VERB":
        if lem[2:] in REPEATABLE:
            return lem[2:]
    return lem


def particle_of(t: Token) -> str:
    # "handed over 500,000 doses": the parser reads the particle as "more than" on the number
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.dep_ == "quantmod" and nxt.lower_ in ("over", "out"):
        return nxt.lower_
    for c in t.children:
        # a preposition that only dates the act is no particle: "called Putin on Thursday" phoned him,
        # it called on no one
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in c.children):
            continue
        if c.dep_ in ("prt", "prep") and c.i > t.i:
            return c.lower_
        if c.dep_ == "advmod" and c.i == t.i + 1 and c.lower_ in ("back", "away"):
            return c.lower_  # "pulled back from the city": the parser's adverb is the particle
        # "called for all parties to exercise restraint": the parser makes 'for' the mark of the
        # infinitive clause that follows
        if c.dep_ == "advcl" and c.i > t.i:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
            if mark is not None and mark.i == t.i + 1:
                return mark.lower_
    return ""


def verb_types(verb: Token, phrasal: bool = False) -> tuple[EventType, ...]:
    """The types of every sense of the verb without a particle (and, with ``phrasal``, with its own: "set off")."""
    senses = verb_senses().get(("VERB", lemma(verb), ""), ())
    if phrasal and particle_of(verb):
        senses = (*senses, *verb_senses().get(("VERB", lemma(verb), particle_of(verb)), ()))
    return tuple(c.type for c in senses)


def misread_noun(t: Token, nouns: dict[str, NounTrigger]) -> bool:
    """A noun trigger the tagger read as a verb: a headline's noun under one of its own light verbs
    ("Japan lodges protest with China"), or a subject gerund with no object ("Fighting between X and
    Y raged")."""
    nt = nouns.get(t.lower_) or nouns.get(t.lemma_.lower())
    if nt is None:
        return False
    own = {c.dep_ for c in t.children}
    if t.tag_ == "VBG" and t.dep_ == "nsubj":
        return not own & {"aux", "dobj", "nsubj"}
    if lemma(t.head) in nt.lights and misread_plural(t):
        return True  # "imposed asset freezes on ..."
    return t.dep_ in ("xcomp", "dobj") and t.tag_ in ("VB", "VBP") and not own & {"aux", "nsubj"} \
        and lemma(t.head) in nt.lights


def misread_plural(t: Token) -> bool:
    """A plural noun the tagger read as a verb after the bare word that modifies it, which the parser
    made its subject or the governing verb's object: "imposed asset freezes on ...", "denied Ugandan
    claims that ..." (the small model's commonest misreading of an object)."""
    if t.tag_ != "VBZ" or t.dep_ not in ("ccomp", "advcl", "dobj") or t.i == 0 \
            or any(c.dep_ in ("aux", "dobj") for c in t.children):
        return False
    before = t.doc[t.i - 1]
    return before.tag_ in ("NN", "NNP", "JJ") and before.head.i in (t.i, t.head.i) \
        and before.dep_ in ("nsubj", "dobj", "compound", "amod") \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in before.children)


def imposing_clauses(t: Token) -> list[Token]:
    """'the sanctions it had imposed on Niger', 'the ban imposed on Ugandan milk': the clause on an act noun whose
    verb is one that makes the noun an act, where whom the act fell on is named."""
    kind = noun_lexicon().get(lemma(t)) if t.pos_ == "NOUN" else None
    return [c for c in t.children if c.dep_ in ("relcl", "acl") and lemma(c) in kind.lights] if kind else []
