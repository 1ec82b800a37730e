"""Phase 2, modality: is the trigger reported as done?

Negated, hypothetical (could, might, if) and absorbed triggers (the act asked for in "urged Japan to lift the ban")
are dropped; future acts and obligations go on to recoding ("will impose sanctions" threatens).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import EventType as T
from .documents import decision_taken, said_by_a_rejected_text, said_by_a_signed_text
from .lexicon import lemma, noun_lexicon, particle_of, verb_lexicon, verb_senses, verb_types
from .records import Frame, SentenceContext
from .recodings import apply
from .relatives import what_things_do
from .syntax import describing_participle, headline_pair, is_protest_act, to_infinitive
from .objects import object_ok
from .triggers import is_trigger_token
from .words import (ALLEGATION_WORDS, ATTEMPT_WORDS, CALL_PURPOSES, CAUSE_VERBS, CONTINUE_VERBS, DEMAND_NOUNS,
                    FUTURE, HELP_VERBS, HYPOTHETICAL, INTENT_VERBS, INVOLVEMENT, MODAL_NOUNS, OBLIGATION,
                    ORDER_VERBS, PROPOSAL_NOUNS, PROTEST_NOUNS, PROTEST_PURPOSE, PROTEST_VERBS, RANK_WORDS,
                    SCHEDULE_WORDS, SPEECH_VERBS, TRAVEL_VERBS, UNANSWERED, WISH_VERBS)

PHASE = "modality"
NOT_DONE = ("negated", "hypothetical", "absorbed")


def run(f: Frame, ctx: SentenceContext) -> Frame:
    mod = modality(f.anchor, ctx.index)
    if f.route in ("noun_with_its_parties", "weapon_launch"):
        return f  # "to discuss the Israeli war on Gaza": the war is no less a fact for being discussed
    if f.scene:  # "in a meeting with X": the governing clause's modality
        t = f.trigger
        gov = t.head.head if t.head.pos_ == "ADP" or t.head.dep_ == "prep" else t.head
        mod = modality(gov, ctx.index) if gov.i != t.i else "fact"
        if mod in ("absorbed", "obligation", "future"):
            mod = "fact" if mod == "absorbed" else mod
        if mod == "negated" and t.head.lower_ in ("after", "following"):
            mod = "fact"  # "agreed not to use force, following talks in St. Vincent": the talks were held
    t = f.trigger
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.pos_ == "NOUN" \
            and t.head.head.lemma_.lower() in PROPOSAL_NOUNS:
        mod = "hypothetical"  # "an offer for direct talks", "a call for sanctions": what is offered, not done
    f = f if mod == "fact" else f.but(f"modality:{mod}", modality=mod)
    f = apply(f, ctx, PHASE)
    gov = f.anchor.head if f.anchor.dep_ == "xcomp" else None
    if gov is not None and lemma(gov) in ORDER_VERBS and any(c.dep_ == "dobj" for c in gov.children):
        f = f.but("ordered", modality="fact", forced_by=gov)  # "ordered the newspaper to suspend publication"
    if f.modality in NOT_DONE:
        return f.drop(PHASE, f.modality)
    t = f.trigger
    if (describing_participle(t) and f.light is None) or _reduced_relative(t) or what_things_do(f, ctx.index):
        return f.drop(PHASE, "describes_a_noun")  # "civilians imprisoned for ...", "the weapons that kill ..."
    return f


def modality(t: Token, idx: ActorIndex) -> str:
    """'fact', 'negated', 'hypothetical', 'future', 'obligation', or 'absorbed'."""
    chain, h = [t], t
    # auxiliaries of a noun trigger sit on its light verb
    while h.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "prep", "acomp") and h.head.i != h.i:
        h = h.head
        chain.append(h)
        if h.pos_ in ("VERB", "AUX"):
            break
    # "had nothing to apologise for", "did not have anything to apologise for": an act of no thing
    if t.dep_ in ("relcl", "acl") and (t.head.lower_ == "nothing" or (t.head.lower_ == "anything" and any(
            c.dep_ == "neg" for c in t.head.head.children))):
        return "negated"
    for x in chain:
        # ("will not remain without an answer", "will not go unanswered": a double negative, the answer will come)
        without = any((p.dep_ == "prep" and p.lower_ == "without") or p.lower_ in UNANSWERED for p in x.children)
        for c in x.children:
            if (c.dep_ == "neg" and not without) or (c.dep_ == "det" and c.lower_ == "no" and x.pos_ == "NOUN") or (
                    c.dep_ in ("nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
                return "negated"  # (and "no troops had been sent", "sent no troops")
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
            if c.dep_ == "mark" and c.lower_ in ("before", "until", "till") and x.tag_ in ("VB", "VBP", "VBZ"):
                return "hypothetical"  # "must agree to changes before they demobilize": not done yet
    verb = chain[-1]
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                          for c in verb.children):
        # "must investigate ... and hold those responsible accountable": a bare verb shares its head's modal
        auxes = [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if any(a in HYPOTHETICAL for a in auxes):
        return "hypothetical"
    if any(a in FUTURE for a in auxes) or any(a == "would" for a in auxes):
        return "future"
    if any(a in OBLIGATION for a in auxes) or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("need", "have")):
        return "obligation"
    if decision_taken(verb, lambda v: modality(v, idx)):
        return "fact"  # "announced a decision to reduce the embassy's staff": a decision taken to act is the act
    return _protest_modality(verb, idx) or _governed_modality(verb, idx) or "fact"


def _protest_modality(verb: Token, idx: ActorIndex) -> str | None:
    """Clauses that serve a protest or an allegation."""
    if verb.dep_ == "advcl" and lemma(verb) in PROTEST_PURPOSE and to_infinitive(verb):
        if lemma(verb) != "protest" and is_protest_act(verb.head):
            return "absorbed"  # "staged demonstrations to demand reforms": the demand is the protest's
        return modality(verb.head, idx)  # "converged on Lagos to protest": they protested
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in PROTEST_NOUNS:
        return "absorbed"  # "a demonstration calling for his removal": the protest's own demand
    if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and is_protest_act(verb.head) \
            and lemma(verb) not in PROTEST_VERBS and not _diplomatic_protest(verb.head):
        return "absorbed"  # "blocked roads demanding ...", "rioted, setting fire to mattresses": the protest
    if verb.dep_ in ("acl", "pcomp") and verb.tag_ == "VBG" and _apologised_for(verb):
        return "absorbed"  # "apologized for its gunboats intercepting a ship": what the apology is for
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and \
            lemma(verb.head.head) in ALLEGATION_WORDS:
        return "absorbed"  # "nationals suspected of blowing up a plane": the allegation, not an act
    first = verb.head if verb.dep_ == "conj" and verb.head.dep_ in ("pcomp", "pobj") else verb
    if first.dep_ in ("pcomp", "pobj") and first.head.lower_ == "in" and lemma(first.head.head) in INVOLVEMENT:
        return "absorbed"  # "entities it said were involved in building and supplying drones": a part alleged
    return None


def _diplomatic_protest(v: Token) -> bool:
    """'lodged a protest with China, demanding its removal': a protest a government lodges is a complaint
    (nouns.tsv: the light verb makes it ACCUSE), and a demand beside it is a demand of its own."""
    protest = noun_lexicon().get("protest")
    light = protest.lights.get(lemma(v)) if protest is not None else None
    return light is not None and light[0] != T.PROTEST


def _bare(v: Token) -> bool:
    """A base-form verb with no subject, auxiliary or marker, hung as a conjunct or clause on another."""
    return v.tag_ == "VB" and v.dep_ in ("conj", "advcl") and v.head.i != v.i and not any(
        c.dep_ in ("aux", "nsubj", "nsubjpass", "mark") for c in v.children)


def _gives_aid(v: Token, idx: ActorIndex) -> bool:
    return any(c.type == T.AID and (not c.objects or object_ok(v, c.objects, idx))
               for c in verb_senses().get(("VERB", lemma(v), ""), ()))


def _is_complement(verb: Token) -> bool:
    """An xcomp, a 'to' clause, or a gerund right after its verb and particle ("has ruled out sending troops")."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and (to_infinitive(verb) or (verb.tag_ == "VBG" and verb.i - 1 in (
        verb.head.i, *(c.i for c in verb.head.children if c.dep_ == "prt")))))


def _governed_modality(verb: Token, idx: ActorIndex) -> str | None:
    """A clause under another verb or noun takes its modality from it."""
    if headline_pair(verb):
        return None  # "Kenya condemns attack, urges ...": the headline's first act, not what is urged
    if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and any(c.lower_ == "forward" for c in verb.head.head.children):
        return "future"  # "looked forward to meeting Kim": a meeting to come
    if _bare(verb):
        root = verb
        while _bare(root):
            root = root.head
        if root.tag_ in ("VBD", "VBZ", "VBN"):  # "emphasized the need to end the war, reach a ceasefire and
            return "hypothetical"  # lift all restrictions": a bare verb is one of the infinitives, wherever hung
    # (its own "to" is no tense: "agreed to resume talks and to cooperate on ..." is one promise; "dep": a
    # verb of a list the parser left unattached, "to cease fire, ensure access and release the hostages")
    if verb.dep_ in ("conj", "dep") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i \
            and not any(c.dep_ == "aux" and c.lower_ != "to" for c in verb.children):
        inherited = modality(verb.head, idx)  # "refused to allow planes to land and evacuate"; "agreed not to
        # threaten or use force": a negation before 'or' denies both verbs
        if inherited in ("absorbed", "hypothetical") or (inherited == "negated" and any(
                c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children)):
            return inherited
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and verb.doc[verb.i - 1].text == "," \
            and is_trigger_token(verb.head, idx) and set(verb_types(verb, phrasal=True)) & set(verb_types(verb.head)):
        return "absorbed"  # "sanctioned 150 individuals, freezing their assets": how the act was done
    if lemma(verb) in HELP_VERBS and to_infinitive(verb) and _gives_aid(
            verb.head.head if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "NUM") else verb.head, idx):
        return "absorbed"  # "announced $50 million to support Indonesia's transition": what the aid is for
    if _ranked_agent(verb):
        return "fact"
    if said_by_a_signed_text(verb) or said_by_a_rejected_text(verb):
        return "absorbed"
    if _said_in_a_call(verb):
        return modality(verb.head, idx)
    if _is_complement(verb):
        return _complement_modality(verb, idx)
    if verb.dep_ == "ccomp" and is_trigger_token(verb.head, idx):
        return "absorbed"
    if _what_an_act_is_for(verb, idx):
        return "absorbed"
    if verb.dep_ in ("ccomp", "acl") and any(
            c.lemma_.lower() in DEMAND_NOUNS for c in [verb.head] + [x for x in verb.head.children if x.dep_ == "dobj"]):
        return "absorbed"  # "reiterated its demand that Israel ease restrictions": what is demanded
    if verb.dep_ == "ccomp" and lemma(verb.head) not in SPEECH_VERBS and verb.head.i != verb.i:
        outer = modality(verb.head, idx)  # "refused to allow planes to land": under the refusal
        if outer in ("absorbed", "hypothetical", "negated"):
            return outer
    if verb.dep_ in ("acl", "xcomp") and (verb.head.lemma_.lower() in ATTEMPT_WORDS or
                                          lemma(verb.head) in ("attempt", "try")) \
            and (("VERB", lemma(verb), "") in verb_lexicon() and verb_lexicon()[("VERB", lemma(verb), "")].type == T.ASSAULT):
        return "fact"  # "an attempt to assassinate", "tried to kill": CAMEO codes the attempt
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in MODAL_NOUNS and to_infinitive(verb):
        return "hypothetical"  # "a decision to reopen", "an offer to host": the noun's content, not a report
    if verb.dep_ == "xcomp" and lemma(verb.head) in ("want", "wish", "hope") and \
            not any(c.dep_ == "dobj" for c in verb.head.children):
        return "future"  # "Obama wants to attack Switzerland": a stated intention
    if verb.dep_ in ("ccomp", "xcomp") and lemma(verb.head) in WISH_VERBS:
        return "hypothetical"  # "Obama wants Putin to attack ...": a wish, not an act
    return None


def _what_an_act_is_for(verb: Token, idx: ActorIndex) -> bool:
    """'called for lifting all restrictions', 'warned Beijing against providing support': what is called for
    or warned against, not done; 'imposed sanctions on firms for helping Russia': why, the firms' deed."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("for", "on", "against"):
        return False
    governor = verb.head.head
    return is_trigger_token(governor, idx) or any(c.dep_ == "dobj" and is_trigger_token(c, idx) for c in governor.children)


def _said_in_a_call(verb: Token) -> bool:
    """'called to congratulate her', 'spoke to Bazoum by phone to express his full support': said in
    the call, as the call was made (but "called Japan to stop" is no call)."""
    if verb.dep_ not in ("xcomp", "advcl") or not to_infinitive(verb) or lemma(verb) not in CALL_PURPOSES:
        return False
    head = verb.head
    if lemma(head) in ("phone", "telephone"):  # "telephoned Lula to congratulate him"
        return not particle_of(head)
    if lemma(head) == "call":  # "called Museveni on Monday to congratulate him" too (not "called for")
        return not particle_of(head) and not any(c.dep_ == "prep" and not (c.lower_ == "on" and any(
            o.ent_type_ in ("DATE", "TIME") for o in c.children)) for c in head.children)
    return lemma(head) in ("speak", "talk") and verb.i > head.i


def _ranked_agent(verb: Token) -> bool:
    """'the first country to recognize Y', 'was among the first to impose sanctions': a rank with a
    'to' clause reports what was done, not an intention."""
    if not to_infinitive(verb):
        return False
    head = verb.head
    if verb.dep_ in ("relcl", "acl"):
        nouns = [head]
    elif verb.dep_ in ("xcomp", "advcl") and head.lemma_ == "be":
        nouns = [c for c in head.children if c.dep_ == "attr"] + \
            [o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    else:
        return False
    return any(c.dep_ in ("amod", "nummod") and c.lower_ in RANK_WORDS for n in nouns for c in n.children) \
        or any(n.lower_ in RANK_WORDS for n in nouns)


def _complement_modality(verb: Token, idx: ActorIndex) -> str:
    """An xcomp, or a 'to' purpose clause: "refused to allow", "plans to visit", "tried to storm"."""
    gov = verb.head
    glem = lemma(gov)
    if is_trigger_token(gov, idx):
        return "absorbed"
    if gov.dep_ == "xcomp" and gov.head.i != gov.i:
        outer = modality(gov, idx)  # "refused to allow planes to land": still under the refusal
        if outer in ("absorbed", "hypothetical", "negated"):
            return outer
    if glem in CONTINUE_VERBS:
        return "fact"
    if glem in ("attempt", "try") and gov.tag_ in ("VBD", "VBN") and \
            any(t in (T.ASSAULT, T.COERCE) for t in verb_types(verb)):
        return "fact"  # "attempted to assassinate", "tried to storm": an attack made, even if it failed
    if verb.dep_ == "advcl" and gov.tag_ == "VBD" and modality(gov, idx) == "fact" and \
            any(t == T.COERCE for t in verb_types(verb)):
        return "fact"  # "police fired tear gas to disperse the crowd": force used to that end is coercion
    if glem in ("attempt", "seek", "try") and gov.tag_ in ("VBD", "VBN"):
        return "hypothetical"  # "sought to ease tensions", "tried to mediate": tried, not promised
    if glem in CAUSE_VERBS and gov.tag_ in ("VBD", "VBG") and modality(gov, idx) == "fact":
        return "fact"  # "began releasing the water, prompting China to ban imports": what was caused was done
    if verb.dep_ == "advcl" and gov.tag_ == "VBD" and glem in TRAVEL_VERBS and modality(gov, idx) == "fact":
        return "fact"  # "crossed the demarcation line to hold a summit with Moon": went there, and met
    if glem in INTENT_VERBS or gov.lower_ in SCHEDULE_WORDS:
        return "future"
    if glem == "be" and gov.tag_ == "VBD" and any(c.dep_ == "prep" for c in gov.children) and \
            not any(c.dep_ in ("acomp", "attr") for c in gov.children) and modality(gov, idx) == "fact":
        return "fact"  # "was on hand to receive X", "was in Beijing to attend": there, and did it
    if gov.pos_ == "ADJ" or glem == "be":
        return "future"
    return "hypothetical"


def _apologised_for(verb: Token) -> bool:
    """Is the clause what a concession or apology is made 'for'?"""
    h = verb
    for _ in range(4):
        h = h.head
        if h.dep_ == "prep" and h.lower_ == "for":
            return T.CONCEDE in verb_types(h.head)
    return False


def _reduced_relative(t: Token) -> bool:
    """'The civilians imprisoned for acting against Moscow were released': a participle the parser made
    the main verb (its 'conjunct' has a passive auxiliary of its own and no 'and'), or the clausal
    subject of the verb that follows ('The soldiers detained in the raid were freed')."""
    if t.dep_ in ("csubj", "csubjpass") and t.tag_ == "VBN":
        return True
    return t.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "conj" and any(a.dep_ == "auxpass" and a.i < c.i for a in c.children)
        and not any(x.dep_ == "cc" for x in t.children)
        and not any(x.dep_ in ("nsubj", "nsubjpass", "mark", "advmod") for x in c.subtree if x.i < c.i)
        for c in t.children)
