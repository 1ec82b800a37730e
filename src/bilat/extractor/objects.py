"""What a trigger acts on: the object conditions of ``data/triggers.tsv`` ("release" frees a person,
"withdraw" moves troops, "call" with '@condemnations' accuses, 'to-clause', 'called-party').

Phase 1's test of a verb's sense, kept apart from the trigger finder: which of a verb's senses
applies depends on what it acts on, and the modality phase asks the same question.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex, sector_table
from .lexicon import lemma, misread_plural
from .syntax import clause_condition, is_future, is_passive_conj, quantity_head, to_infinitive
from .words import (ANSWERED_WORDS, ANSWERS_GIVEN, ARRIVAL_VERBS, ATTACK_NOUNS, CALL_PURPOSES, CARRYING_VERBS, CIVILIAN_CRAFT,
                    ENTERED_DOMAINS, GOODS_MEASURES, INCURSION_CRAFT, NAMING_VERBS, RETRIBUTION, SANCTION_LISTS, SANCTION_NOUNS, UNANSWERED, WEAPONS, WRONG_DEEDS)


def called_party(t: Token, idx: ActorIndex) -> bool:
    """'called Putin', 'called his Indian counterpart': a person or state as the object and nothing
    said of it ("called the move a provocation", "called on Japan to ...", "called for talks")."""
    if any(c.dep_ in ("attr", "ccomp", "prt") or (c.dep_ == "xcomp" and lemma(c) not in CALL_PURPOSES)
           for c in t.children):
        return False  # "called Li to discuss the crisis" is a call; "called Japan to stop" is no call
    # the parser reads a lone named object as a name given ("called him Putin"): one, not two, is a call
    objs = [c for c in t.children if c.dep_ in ("dobj", "oprd")]
    return len(objs) == 1 and any(c.i in idx.person_at or c.i in idx.place_at or c.ent_type_ == "PERSON"
                                  or sector_table().get(c.lemma_.lower(), ("", ""))[1] == "person" for c in objs)


#: arrival verbs that tell a craft's entry into another's space ("ships entered Japanese waters"); its
#: arrival in a port is told by others ("frigates arrived in Tanzania" deploys)
_INCURSION_VERBS = frozenset({"enter", "cross", "reach", "fly", "pass"})


def acted_on(t: Token) -> list[Token]:
    """What the verb acts on: its objects, predicates and 'as'/'with' objects, else whatever the
    parser left in their place (the governor's object, the subject of an intransitive use)."""
    to_clauses = [c for c in t.children if c.dep_ in ("xcomp", "ccomp") and to_infinitive(c)]
    raised = [x for c in to_clauses for x in c.children if x.dep_ == "nsubj"]
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]  # "called it a provocation"
    objs += [c for c in t.children if misread_plural(c)]  # "denied Ugandan claims that ..."
    objs += [c for c in t.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"]  # "holds Uganda responsible"
    # "regarded the strikes as an act of aggression", "described the move as provocative"
    objs += [o for p in t.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ in ("pobj", "amod")]
    # "provide Ukraine with $4.5 billion in aid": what is given may come after 'with'
    objs += [o for p in t.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    # "fired what appeared to be a ballistic missile", "bombed what New Delhi described as a camp": what the
    # free relative says it was
    objs += [x for c in t.children if c.dep_ in ("ccomp", "dobj") and c.left_edge.lower_ == "what" and c.left_edge.i == t.i + 1
             for x in c.subtree if x.dep_ in ("attr", "oprd") or (x.dep_ == "pobj" and x.head.lower_ == "as")]
    if not objs and t.dep_ in ("acl", "relcl", "amod"):
        objs = [t.head]
    if not objs and t.dep_ == "conj" and is_passive_conj(t):
        # "civilians were detained and later released": the shared subject is what is released
        objs = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not objs:  # intransitive use: "UN troops withdrew" -- the subject is what moves
        objs = [quantity_head(c) for c in t.children if c.dep_ == "nsubj"]
    if lemma(t) in ARRIVAL_VERBS:  # what arrives carrying: "trucks carrying aid crossed into Gaza", "entered Sudan"
        objs += [o for s in t.children if s.dep_ == "nsubj" for a in quantity_head(s).children
                 if a.dep_ == "acl" and lemma(a) in CARRYING_VERBS for o in a.children if o.dep_ == "dobj"]
        # what arrives is its subject ("Kenyan aid reached Uganda"), and what it carries told in a clause of
        # its own ("the flight touched down in Uganda, carrying tents"; "a C-17 carrying water landed",
        # which the parser makes the verb's subject clause)
        objs += [quantity_head(c) for c in t.children if c.dep_ == "nsubj"]
        objs += [o for c in t.children if c.dep_ in ("advcl", "csubj") and lemma(c) in CARRYING_VERBS
                 for o in c.children if o.dep_ == "dobj"]
        # ("a C-17 carrying water containers, shelter kits and equipment landed", read as 'carrying ... and landed')
        objs += [o for c in t.head.children if t.dep_ == "conj" and lemma(t.head) in CARRYING_VERBS and c.dep_ == "dobj"
                 for o in [c, *c.conjuncts]]
    if lemma(t) in _INCURSION_VERBS and _bare_craft(t, military=False):
        # "Chinese ships entered Japanese waters", "drones crossed into Poland": a warship or a drone entering
        # brings nothing, and the waters it enters are no water given
        objs = [o for o in objs if o.dep_ != "nsubj" and o.lemma_.lower() not in ENTERED_DOMAINS]
    if not objs and t.dep_ == "xcomp":  # "ordered French troops to withdraw": the governor's object moves
        objs = [c for c in t.head.children if c.dep_ == "dobj"]
    if not any(c.dep_ == "dobj" for c in t.children):
        # "called in the Chinese ambassador": the parser reads a phrasal verb's particle as a preposition
        # (or as a particle with an object of its own: "breaks off diplomatic relations")
        objs += [o for p in t.children if p.dep_ in ("prep", "prt") and p.i == t.i + 1 for o in p.children
                 if o.dep_ == "pobj"]
        # "pulled out of the talks", "walked out of the negotiations": the particle's own preposition
        # (hung on the particle or on the verb) holds the object
        objs += [o for p in t.children if p.dep_ in ("prep", "prt") and p.i == t.i + 1 and t.dep_ != "acl"
                 for q in list(p.children) + [c for c in t.children if c.i == t.i + 2]
                 if q.dep_ == "prep" and q.i == t.i + 2 for o in q.children if o.dep_ == "pobj"]
        objs += raised
    return objs


#: the armed forces a movement into another's land is made by
_ARMED_FORCES = frozenset({"force", "troop", "soldier", "army", "patrol", "unit", "tank", "battalion", "brigade",
                           "column", "militant", "fighter", "commando", "paratrooper", "marine"})


def _named_condition(t: Token, objects: frozenset[str], idx: ActorIndex) -> bool | None:
    """The conditions ``objects`` names instead of object words, if it names one; else None."""
    if "called-party" in objects:
        return called_party(t, idx)
    if "sanctions-list" in objects:  # "included Biden on its stop list", "added Huawei to the entity list"
        return any(o.dep_ == "pobj" and (o.lemma_.lower() in SANCTION_LISTS or (o.lemma_.lower() == "list" and any(
            m.dep_ in ("compound", "amod") and m.lemma_.lower() in SANCTION_LISTS for m in o.children)))
            for p in t.children if p.dep_ == "prep" and p.lower_ in ("on", "to", "onto", "under") for o in p.children)
    if "persona-non-grata" in objects:  # "declared Mexico's ambassador persona non grata": an expulsion
        return any(x.lower_ == "grata" and x.i >= 2 and x.doc[x.i - 2].lower_ == "persona" for x in t.subtree)
    if "weapon-subject" in objects:  # "Russian missiles hit Kyiv", "air strikes hit Tripoli": a weapon or strike
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in WEAPONS | ATTACK_NOUNS | {"strike", "airstrike"}
                   for c in t.children)
    if "praise-adverb" in objects:  # "spoke highly of", "highly evaluates", "positively assessed": praise
        return any(c.dep_ == "advmod" and c.lower_ in ("highly", "positively", "favourably", "favorably") for c in t.children)
    if "forces-subject" in objects:  # "Ukrainian forces crossed into Russia's Kursk region": an incursion
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _ARMED_FORCES for c in t.children)
    if "craft-incursion" in objects:
        return _craft_incursion(t, idx)
    if "sanction-subject" in objects:  # "the new EU sanctions target Russian banks"
        return _measures_as_subject(t)
    if "sanction-package" in objects:  # "the package includes a ban on Russian aluminium": measures that hold measures
        return _measures_as_subject(t) and any(
            o.lemma_.lower() in SANCTION_NOUNS or o.lemma_.lower() in ("freeze", "control", "blacklisting") for o in acted_on(t))
    if "named-state" in objects:  # "ordered Venezuela to refrain": a state by its name, not "Ugandan diplomats"
        return any(o.i in idx.place_at and idx.place_at[o.i].kind in ("country", "capital") for o in acted_on(t))
    if "answer-vowed" in objects:
        return vowed_answer(t)
    if "answer-given" in objects:  # "will give a befitting reply to any misadventure": an answer announced
        return is_future(t) and not any(c.dep_ == "neg" for c in t.children) and any(
            o.dep_ == "dobj" and o.lemma_.lower() in ANSWERS_GIVEN for o in t.children) and not any(
            o.lemma_.lower() in ANSWERED_WORDS for p in t.children if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj")
    if "not-a-wrong" in objects:  # "committed to talks", not "committing a genocide", "crimes committed by"
        return not any(x.lemma_.lower() in WRONG_DEEDS for x in acted_on(t))
    return clause_condition(t, objects)


def vowed_answer(t: Token) -> bool:
    """'said Tehran would respond reciprocally', 'any attack on the vessel would be answered', 'the expulsions will
    not go unanswered', 'the response will follow': an answer announced to what another did is a threat. Not an
    answer to what was asked ("would respond to the request"), a kind one ("would respond positively"), one denied
    ("will not respond") or one wondered at ("did not say how Bangkok would respond")."""
    if not is_future(t) or any(c.dep_ == "advmod" and c.lower_ in ("how", "whether", "positively", "favourably",
                                                                  "favorably", "constructively") for c in t.children):
        return False
    negated = any(c.dep_ == "neg" for c in t.children)
    if lemma(t) in ("go", "leave"):  # "will not go unanswered", "will not leave the decision without an answer"
        return negated and any(c.lower_ in UNANSWERED or (c.dep_ == "prep" and c.lower_ == "without" and any(
            o.lemma_.lower() in RETRIBUTION | {"answer", "reply"} for o in c.children)) for c in t.children)
    if lemma(t) in ("follow", "come"):  # "the response will follow"
        return not negated and any(c.dep_ == "nsubj" and c.lemma_.lower() in RETRIBUTION for c in t.children)
    answered = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    return not negated and not any(o.lemma_.lower() in ANSWERED_WORDS for o in answered)


def _craft_incursion(t: Token, idx: ActorIndex) -> bool:
    """'Russian jets flew into Estonian airspace', 'six Chinese ships entered Japanese territorial waters', 'drones
    crossed into Poland': a military craft entering another's airspace, waters or land (its object, or what
    'into' or 'over' names), not one that carries something ("a plane carrying aid flew into Gaza") or a civilian
    one ("a fishing boat entered the zone")."""
    if t.dep_ in ("ccomp", "pcomp") or not _bare_craft(t):  # "said Ugandan boats had intruded": an accusation told
        return False
    entered = [c for c in t.children if c.dep_ == "dobj"] + [
        o for p in t.children if p.dep_ == "prep" and p.lower_ in ("into", "over") for o in p.children if o.dep_ == "pobj"]
    # whose the space is must be told: "Estonian airspace", "the waters of Japan", "into Poland" (not "the waters of
    # the shoal", which a story's other parties would then be taken to own)
    owned = [o for o in entered if o.lemma_.lower() in ENTERED_DOMAINS for x in o.subtree
             if x.i != o.i and x.i in idx.place_at and idx.place_at[x.i].kind in ("country", "demonym")]
    return bool(owned) or any(o.i in idx.place_at and idx.place_at[o.i].kind == "country" for o in entered)


def _bare_craft(t: Token, military: bool = True) -> bool:
    """Is the verb's subject a craft that carries nothing ("two Belarusian helicopters", not "a plane carrying
    aid"), and a military one unless ``military`` is False (not "a fishing boat")?"""
    return any(c.lemma_.lower() in INCURSION_CRAFT and not any(
        (military and d.lemma_.lower() in CIVILIAN_CRAFT) or lemma(d) in CARRYING_VERBS for d in c.subtree)
        for c in (quantity_head(s) for s in t.children if s.dep_ == "nsubj"))


def _measures_as_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SANCTION_NOUNS for c in t.children)


def _people_by_demonym(x: Token, idx: ActorIndex) -> bool:
    """'two Ugandans', 'the Kenyans': people named by their country (which the parser may tag as neither)."""
    place = idx.place_at.get(x.i)
    return place is not None and place.kind == "demonym" and x.tag_ in ("NNS", "NNPS")


def _named_as(t: Token, objs: list[Token], objects: frozenset[str]) -> bool:
    """Is what a naming verb calls its object one of ``objects``, wherever the parser hung the name?"""
    # "calling a deal that gives Ethiopia access to the sea an act of aggression": the name the parser
    # hung as a second object on a verb inside the object
    # ("called Uganda's move a violation": the name hung as an object of the object itself)
    # ("called Uganda's move a provocation": hung on the object the parser read as a predicate)
    # ("described Uganda's move as a provocation": 'as' hung on the object, not the verb)
    misplaced = [x for x in t.subtree if x.dep_ == "dobj" and x.head.i != t.i
                 and (any(d.dep_ == "dobj" and d.i < x.i for d in x.head.children)
                      or (x.head.dep_ in ("dobj", "oprd") and x.head.head.i == t.i))]
    misplaced += [x for o in objs if o.head.i == t.i for p in o.children if p.dep_ == "prep" and p.lower_ == "as"
                  for x in p.children if x.dep_ in ("pobj", "amod")]
    # ("described the junta as illegitimate": the judgement hung on the verb as a clause with 'as')
    misplaced += [x for x in t.children if x.dep_ in ("advcl", "acomp", "xcomp") and any(
        c.lower_ == "as" for c in x.children)]
    return any(y.lemma_.lower() in objects for x in misplaced
               for y in [x] + [o for p in x.children if p.lower_ == "of" for o in p.children])


def object_ok(t: Token, objects: frozenset[str], idx: ActorIndex) -> bool:
    """Does the verb act on one of ``objects`` (its object, or its subject when intransitive)? (Or meet
    the clause condition ``objects`` names, ``syntax.clause_condition``.)"""
    named = _named_condition(t, objects, idx)
    if named is not None:
        return named
    objs = acted_on(t)
    if lemma(t) in NAMING_VERBS and _named_as(t, objs, objects):
        return True
    for o in objs:
        if "money" in objects and o.ent_type_ == "MONEY":
            return True  # "granted Somalia $20 million in budget support": a sum given
        if "aid" in objects and o.lemma_.lower() in GOODS_MEASURES and o.i != quantity_head(o).i:
            return True  # "sent 200 tonnes of maize": so many tonnes of anything given are goods
        o = quantity_head(o)
        # what a carrier is loaded with: "sent a plane loaded with food supplies", "ships carrying aid"
        cargo = [x for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS
                 for p in [c] + [p for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
                 for x in p.children if x.dep_ in ("dobj", "pobj")]
        # "called the remarks 'shameful'": a quoted predicate the parser hangs after the noun as its modifier
        after = [c for c in o.children if c.dep_ == "amod" and c.i > o.i]
        # "sent a medical team", "search-and-rescue teams": what kind of thing it is, by its modifiers
        # (no actor test on them: "received Chinese investment" receives no state)
        if any(x.lemma_.lower() in objects for c in o.children if c.dep_ in ("amod", "nmod") for x in [c, *c.conjuncts]):
            return True
        # "called Japan's purchase of the islands a farce": the predicate hung on the object's last noun
        if any(x.dep_ == "appos" and x.i > o.i and x.lemma_.lower() in objects for x in o.subtree):
            return True
        # "called the strike an act of aggression": what the predicate is an act of
        after += [p for c in o.children if (o.dep_ in ("oprd", "attr") or o.head.lower_ == "as") and c.dep_ == "prep"
                  and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
        # ("stands with its ally, the Philippines": the state an apposition names)
        for x in [o] + list(o.conjuncts) + [c for c in o.children if c.dep_ in ("compound", "appos")] + cargo + after:
            if x.lemma_.lower() in objects or x.lower_ in objects:
                return True
            if "money" in objects and x.ent_type_ == "MONEY":
                return True  # "provided $10 million to Turkey"
            if "person" in objects and (x.i in idx.person_at or x.ent_type_ in ("PERSON", "NORP")
                                        or (x.tag_ == "PRP" and x.lower_ in ("he", "she", "him", "her"))
                                        or sector_table().get(x.lemma_.lower(), ("", ""))[1] == "person"
                                        or _people_by_demonym(x, idx)):
                return True  # "received President of Ghana X", "received the US Secretary of State"
            if "state" in objects and x.i in idx.place_at:
                return True
            if "igo" in objects and x.i in idx.place_at and idx.place_at[x.i].kind == "igo" and x.dep_ != "compound":
                return True  # "withdrew from ECOWAS" (not "UN troops withdrew": a body that names whose they are)
    return False
