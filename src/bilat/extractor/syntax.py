"""Questions about the parse tree that several phases ask (no actors, no tables of types)."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lemma
from .words import (ANSWERS_GIVEN, ATTACK_NOUNS, CALL_PURPOSES, CLAUSE_BREAKS, COUNTERMEASURES, EXERCISE_PURPOSES, FIRM_MEASURES,
                    FUTURE, HANDING_VERBS, HOSTILE_XCOMP, NAMING_VERBS, OBLIGATION, PROTEST_NOUNS, PROTEST_VERBS, QUANTITY,
                    REFERRED_ACTS, SPEECH_VERBS, STATEMENT_SETTINGS)


_CURRENCY_CODES = frozenset({"EUR", "USD", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "INR", "SEK", "NOK", "DKK"})


def quantity_head(t: Token) -> Token:
    """'Thousands of protesters', 'a group of Moroccan diplomats': the actor is after 'of'; '$10
    million in emergency aid', '500 million euros of assistance': what a sum of money is given as."""
    # "more than EUR 60 million in assistance": the sum after 'than'
    than = next((o for p in t.children if t.lower_ in ("more", "less", "fewer") and p.dep_ == "prep" and p.lower_ == "than"
                 for o in p.children if o.dep_ == "pobj"), None)
    if than is not None:
        return quantity_head(than)
    # (a sum written with its currency's code, "EUR 60 million", the parser's entities miss)
    money = t.ent_type_ == "MONEY" or (t.text in _CURRENCY_CODES and any(c.dep_ == "nummod" for c in t.children))
    if t.lower_ in QUANTITY or t.pos_ == "NUM" or money:
        for c in [*t.children, *(g for n in t.children if money and n.dep_ == "nummod" for g in n.children)]:
            if c.dep_ == "prep" and (c.lower_ == "of" or (money and c.lower_ == "in")):
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
    return t


def object_lemmas(verb: Token) -> set[str]:
    """The lemmas of a verb's objects, a quantity's noun for the quantity, and 'money' for a sum
    given as nothing else ("provided $10 million to Turkey")."""
    out = set()
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            head = quantity_head(c)
            out.add(head.lemma_.lower() if head is not c or c.ent_type_ != "MONEY" else "money")
    return out


def existential_participle(t: Token) -> bool:
    """'There were ten soldiers killed': a participle on the noun of an existential 'there be'."""
    if t.dep_ != "acl" or t.tag_ != "VBN" or t.head.dep_ != "attr":
        return False
    be = t.head.head
    return lemma(be) == "be" and any(c.dep_ == "expl" for c in be.children)


def describing_participle(t: Token) -> bool:
    """'civilians imprisoned for ...': a participle that describes a noun, not a clause of its own (not
    "There were ten soldiers killed", nor a clause the parser hung on a transcript's label: "Official
    Spokesperson: Five of our seafarers were released by the Iranian authorities", which has its subject)."""
    # (nor a sentence's one verb hung on its subject: "Kenya's foreign minister, Jane Doe, called Museveni")
    misread = t.head.dep_ == "ROOT" and t.head.pos_ in ("NOUN", "PROPN") and t.doc[t.i - 1].text == "," \
        and any(c.dep_ in ("dobj", "oprd") for c in t.children)
    return t.dep_ == "acl" and t.tag_ == "VBN" and not existential_participle(t) and not misread \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def reported_clause(verb: Token) -> bool:
    """A clause the text reports as news, not one that describes a noun or a place
    ("where 28 people have been killed", "victims killed by ...")."""
    return verb.dep_ in ("ROOT", "conj", "ccomp", "parataxis") or existential_participle(verb)


def is_passive_conj(verb: Token) -> bool:
    """A participle joined to a passive verb shares its auxiliary: "were detained and released"; and so
    does a verb of handing over with its object, which the small model often tags as a past tense: "was
    summoned and handed a note of protest" (the envoy received it)."""
    head_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)
    if verb.tag_ == "VBN":
        return any(c.dep_ == "auxpass" for c in verb.children) or head_passive
    return verb.tag_ == "VBD" and verb.dep_ == "conj" and head_passive and lemma(verb) in HANDING_VERBS \
        and any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ == "nsubj" for c in verb.children)


def own_clause(h: Token, exclude: set[int]) -> list[Token]:
    """Tokens of h's clause, without embedded clauses and without the subject."""
    out = []
    stack = [c for c in h.children]
    while stack:
        x = stack.pop()
        if x.i in exclude or x.dep_ in CLAUSE_BREAKS or (x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")):
            continue
        out.append(x)
        stack.extend(x.children)
    return sorted(out, key=lambda x: x.i)


def statement_clauses(verb: Token) -> list[Token]:
    """'said in a statement that Japan had violated its sovereignty': the parser hangs the that-clause on
    the statement, not the verb; it is what the verb reports all the same (not "a statement released on
    Monday", a participle with no 'that')."""
    return [k for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "on") for o in p.children
            if o.dep_ == "pobj" and o.lemma_.lower() in STATEMENT_SETTINGS for k in o.children
            if k.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)]


def obligation_clause_subject(verb: Token) -> Token | None:
    """The subject of an obligation the verb reports: "said Sudan must return ..."."""
    for c in [c for c in verb.children if c.dep_ == "ccomp"] + statement_clauses(verb):
        auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        if auxes & OBLIGATION or (c.lemma_ in ("have", "need") and any(x.dep_ == "xcomp" for x in c.children)):
            for sub in c.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    return sub
    return None


def is_protest_act(verb: Token) -> bool:
    if lemma(verb) in PROTEST_VERBS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PROTEST_NOUNS for c in verb.children)


def co_actors(verb: Token) -> list[Token]:
    """Objects of "along with" / "together with" on a verb."""
    out = []
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ in ("along", "together"):
            out += [o for w in c.children if w.lower_ == "with" for o in w.children if o.dep_ == "pobj"]
        elif c.lower_ == "with" and any(x.lower_ in ("along", "together") for x in c.children if x.i < c.i):
            out += [o for o in c.children if o.dep_ == "pobj"]
    return out


def purpose_is_exercise(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            if any(x.lemma_.lower() in EXERCISE_PURPOSES for x in c.subtree):
                return True
    return False


def clause_text(t: Token) -> str:
    head = t.head if t.dep_ in ("dobj", "pobj") and t.head.i != t.i else t
    return " ".join(x.text for x in head.subtree)


def is_future(verb: Token) -> bool:
    """Does the clause announce the act ("will", "would")?"""
    h = verb
    while h.dep_ in ("dobj", "pobj", "prep") and h.head.i != h.i:
        h = h.head
    return any(c.dep_ == "aux" and c.lower_ in FUTURE | {"would"} for c in h.children)



def attack_noun_agent(verb: Token) -> bool:
    """The clause's agent is an attack, not an attacker: "a bombing killed", "killed by a device"."""
    for c in verb.children:
        if c.dep_ in ("nsubj",) and c.lemma_.lower() in ATTACK_NOUNS:
            return True
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in"):
            if any(o.lemma_.lower() in ATTACK_NOUNS for o in c.children if o.dep_ == "pobj"):
                return True
    return False


def stranded_object(prep: Token) -> list[Token]:
    """'granted asylum to five officers holed up in the embassy': the parser made the object the
    subject of the participle after it and left the preposition empty; the noun right after it is its object."""
    nxt = prep.nbor(1) if prep.i + 1 < len(prep.doc) else None
    head = nxt if nxt is None or nxt.dep_ in ("nsubj", "nsubjpass") else nxt.head
    return [head] if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.left_edge.i == prep.i + 1 \
        and head.head.i > head.i else []


def is_definite(noun: Token) -> bool:
    """'the announcement', 'this move': a noun that names something the text told of already."""
    return any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in noun.children)


def to_infinitive(verb: Token) -> bool:
    """Is the verb a 'to' infinitive ("to protest", "a decision to reopen")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_condition(t: Token, objects: frozenset[str]) -> bool | None:
    """The clause conditions of ``objects``, if it names one: 'to-clause', the verb tells someone to do
    something ("told Washington to stop"); 'will-clause', another is to do something ("hopes Uganda will
    release the journalists"); 'if-clause', held out on a condition ("would respond if attacked");
    'promise-clause', what is promised follows as a clause ("swore to retaliate")."""
    if "will-clause" in objects:
        return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("will", "would") for a in c.children)
                   and any(x.dep_ == "nsubj" and x.pos_ != "PRON" for x in c.children) for c in t.children)
    if "if-clause" in objects:
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   for c in t.children)
    if "hostile-right" in objects:  # "reserves the right to retaliate", "... to take countermeasures"
        return bool(reserved_act(t))
    if "hostile-measures" in objects:  # "would take resolute measures", "will take countermeasures"
        return future_countermeasures(t)
    if objects & {"denied-clause", "that-clause"}:  # "denied that its drones had entered Polish airspace",
        # "denies spying on Germany", "charged that Uganda had violated the truce"
        # (not "Iran, which denies arming the Houthis": a standing denial that describes the denier)
        return t.dep_ != "relcl" and any(
            c.dep_ in ("ccomp", "xcomp") and (c.tag_ == "VBG" or any(m.dep_ == "mark" and m.lower_ == "that"
                                                                     for m in c.children)) for c in t.children)
    if "promise-clause" in objects:  # "swore to retaliate", "swore that it would": not "was sworn in"
        return any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
    if "to-court" in objects:  # "would take Ecuador to the International Court of Justice", "dragged X to court"
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ("court", "tribunal", "arbitration", "icj", "icc", "wto")
            for o in c.children) for c in t.children) and any(c.dep_ == "dobj" for c in t.children)
    if "leave-deadline" in objects:  # "gave Venezuelan diplomats 72 hours to depart": an expulsion
        # (the parser may hang the time on a participle in between: "gave the staff, most of them attached to
        # the ministry, 48 hours to leave")
        spans = [c for c in t.subtree if c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in ("hour", "day", "week")
                 and (c.head.i == t.i or c.head.head.i == t.i)]
        return any(x.dep_ in ("relcl", "acl", "xcomp", "advcl") and lemma(x) in ("leave", "depart", "exit", "quit")
                   for c in spans + [t] for x in c.children)
    if "ordered-clause" in objects:  # "ordered the French ambassador to leave": told to go (orders.ordered_out)
        return t.dep_ == "xcomp" and lemma(t.head) in ("order", "tell", "instruct", "direct") \
            and any(c.dep_ == "dobj" for c in t.head.children) and not any(c.dep_ == "dobj" for c in t.children)
    if "demand-clause" in objects:  # "called the United Nations to assure a financing", not "called Li to discuss"
        objects = objects | {"to-clause"}
        if any(c.dep_ in ("xcomp", "ccomp", "advcl") and lemma(c) in CALL_PURPOSES for c in t.children):
            return False
        # ("called the European Union to impose sanctions": the parser may hang the demand as a purpose clause)
        if any(c.dep_ == "dobj" for c in t.children) and any(c.dep_ == "advcl" and to_infinitive(c) for c in t.children):
            return True
    if "to-clause" in objects:
        to_clauses = [c for c in t.children if c.dep_ in ("xcomp", "ccomp") and to_infinitive(c)]
        # "allowed IAEA inspectors to visit": the parser makes the one allowed the clause's subject
        return bool(to_clauses) and (any(x.dep_ == "nsubj" for c in to_clauses for x in c.children)
                                     or any(c.dep_ in ("dobj", "dative") for c in t.children))
    return None


def shared_object_verbs(t: Token) -> list[Token]:
    """'rammed and damaged a Philippine vessel on Sunday': a verb with no object of its own shares the
    object (and the time) of the verb conjoined after it that has one and no subject of its own."""
    # (only a bare verb: "called for the lifting ... and expressed support" has its own object)
    if t.pos_ != "VERB" or any(c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "advmod", "neg", "cc", "conj",
                                             "punct", "prt") for c in t.children):
        return []
    return [c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > t.i
            and any(x.dep_ == "dobj" for x in c.children) and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]


def reserved_act(t: Token) -> list[Token]:
    """'reserved the right to retaliate against X': the hostile act a right is reserved to (its clause)."""
    acts = [a for r in t.children if r.dep_ == "dobj" and r.lemma_.lower() == "right"
            for a in r.children if a.dep_ in ("acl", "xcomp", "relcl") and a.pos_ == "VERB"]
    return [a for a in acts if lemma(a) in HOSTILE_XCOMP or (lemma(a) in ("take", "give") and any(
        o.dep_ == "dobj" and o.lemma_.lower() in (COUNTERMEASURES if lemma(a) == "take" else ANSWERS_GIVEN)
        for o in a.children))]


def future_countermeasures(t: Token) -> bool:
    """'would take all necessary measures to safeguard its sovereignty', 'will take resolute
    countermeasures': measures announced to come, firm ones, threaten ("will take effective measures
    to protect foreigners" promises)."""
    future = any(c.dep_ == "aux" and (c.lower_ in FUTURE or c.lower_ == "would") for c in t.children)
    # ("counter-measures" comes as three tokens the parser may all make objects)
    counter = lambda o: o.lemma_.lower() == "countermeasure" or (
        o.i >= 2 and o.doc[o.i - 1].text == "-" and o.doc[o.i - 2].lower_ == "counter")
    return future and any(o.dep_ == "dobj" and (counter(o) or (
        o.lemma_.lower() in COUNTERMEASURES and any(m.lower_ in FIRM_MEASURES for m in o.children if m.dep_ == "amod")))
        for o in t.children)


def act_antecedent(pron: Token) -> Token | None:
    """The act an object pronoun stands for: "welcomed the strikes, while Iran condemned them", "said
    the attack killed six people and called it an aggression" -- the nearest act noun the text named
    before it in the sentence, of the pronoun's number."""
    if pron.lower_ not in ("it", "them") or pron.dep_ != "dobj":
        return None
    plural = pron.lower_ == "them"
    for x in reversed(pron.sent[:pron.i - pron.sent.start]):
        if x.pos_ == "NOUN" and x.lemma_.lower() in REFERRED_ACTS | ATTACK_NOUNS and (x.tag_ == "NNS") == plural \
                and x.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return x
    return None


def named_by_what(clause: Token) -> list[Token]:
    """'denounced what it called Ugandan interference': the name a 'what' clause gives its object."""
    if lemma(clause) not in NAMING_VERBS or not any(x.dep_ == "dobj" and x.lower_ == "what" for x in clause.children):
        return []
    return [x for x in clause.children if x.dep_ in ("oprd", "attr")]


def headline_pair(clause: Token) -> bool:
    """'Kenya condemns attack, urges Uganda to withdraw': a headline's second verb, which the parser makes the
    root with the first clause as its complement, is the same subject's next act, not what it says."""
    head = clause.head
    return clause.dep_ == "ccomp" and clause.i < head.i and head.dep_ == "ROOT" and head.i > 0 \
        and head.doc[head.i - 1].text == "," and lemma(head) not in SPEECH_VERBS \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
