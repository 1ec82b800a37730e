"""Phase 1, triggers: the words of a sentence that name an event, as frames.

Verbs and adjectives come from ``data/triggers.tsv``; nouns from ``data/nouns.tsv``, when a
light verb governs them ("held talks", "imposed sanctions") or they set the scene ("in a
phone call with X"). A new trigger word is a row in one of those tables, not code here.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import TYPE_FACTS
from ..model import EventType as T
from . import headlines
from .lexicon import NounTrigger, Trigger, lemma, misread_noun, noun_lexicon, particle_of, verb_lexicon, verb_senses
from .records import Frame, SentenceContext
from .recodings import trigger_recode
from .act_nouns import noun_parties
from .parties import pair_parties
from .objects import object_ok
from .words import (AIR_STRIKE_MODIFIERS, ARRANGEMENTS, CONTINUE_VERBS, CYBER_MODIFIERS, GENERIC_EVENT_NOUNS,
                    LAUNCH_NOUNS, NOT_YET, OUTBREAK_VERBS, PASSING_PREPS, PROSPECT_NOUNS, QUANTITY, REMOTE_MEETING_MODIFIERS,
                    RESPONSE_NOUNS, SCENE_VERBS, TRUCE_WORDS, VISIT_NOUNS, WEAPONS)

PHASE = "triggers"
#: noun events whose parties a compound may name ("the Japan-China summit", "the India-China clash")
PAIR_NOUN_TYPES = frozenset({T.CONSULT, T.ASSAULT, T.COOPERATE})


def _no_meeting_for(prep: Token) -> bool:
    """Is the meeting this 'for' names none held? 'recalled their ambassadors to Israel for consultations': an
    envoy called home is a protest, the consultations at home no meeting with anyone the text names; 'called
    for talks with X', 'pressed for negotiations': talks asked or hoped for."""
    verb = lemma(prep.head)
    return verb in _ASKING_FOR or (verb in ("recall", "summon") and any(c.dep_ == "dobj" for c in prep.head.children))


#: verbs whose 'for' names what is asked or hoped for, not an occasion
_ASKING_FOR = frozenset({"call", "press", "push", "appeal", "ask", "plead", "lobby", "hope", "wish", "campaign",
                         "clamour", "clamor", "argue"})


def find(ctx: SentenceContext) -> list[Frame]:
    """One frame per trigger, nouns first (a noun's light verb is not a trigger of its own)."""
    frames, light_used = [], set()
    nouns = noun_lexicon()
    for t in ctx.toks:
        pos = t.pos_  # (checked here: most tokens are neither, and a call per token costs)
        if pos == "NOUN" or (pos == "PROPN" and t.lower_ in nouns) or (pos == "VERB" and misread_noun(t, nouns)):
            found = _noun_frame(t, ctx)
            if found is not None:
                frames.append(found)
                if found.light is not None:
                    light_used.update((found.light.i, t.i))
    for t in ctx.toks:
        if t.i not in light_used and (t.pos_ in _VERB_POS or t.tag_ == "VBN"):
            found = _verb_frame(t, ctx)
            if found is not None:
                frames.append(found)
    headline = headlines.headline_trigger(ctx) if not frames else None
    if headline is not None:  # "EU sanctions Ugandan officials": a verbless headline's verb
        frames.append(_frame(ctx, headline[0], headline[1], None, headlines.ROUTE))
    return frames


_VERB_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})  # what _verb_frame reads (and any VBN)


def _frame(ctx: SentenceContext, t: Token, trig: Trigger, light: Token | None, reason: str) -> Frame:
    scene = light is None and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "dobj" and reason != "verb"
    return Frame(sentence=ctx.sent, trigger=t, type=trig.type, cameo=trig.cameo, mode=trig.mode, light=light,
                 scene=scene, reasons=(f"{reason}:{lemma(t)}",))


def _weapon_launch(t: Token, ctx: SentenceContext) -> Frame | None:
    """'the launch of a ballistic missile by Pyongyang', 'its launch of an ICBM': a show of force
    by whoever launched it (MOBILIZE; an attack where the text names a target is coded by the
    weapon noun's light verb instead)."""
    if t.lemma_.lower() not in LAUNCH_NOUNS or t.pos_ != "NOUN" or any(c.lower_ in NOT_YET for c in t.lefts):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in WEAPONS
                                                             for o in c.children) for c in t.children) \
            and not any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in WEAPONS | {"nuclear"} for c in t.children):
        return None  # "the launch of a ballistic missile", "its sixth nuclear test"
    # CAMEO's root-level code for a show of force (150, "demonstrate military or police power")
    cameo = TYPE_FACTS[T.MOBILIZE].cameo_root.ljust(3, "0")
    return _frame(ctx, t, Trigger(T.MOBILIZE, cameo, None), None, "weapon_launch")


def _has_parties(source: list, target: list) -> bool:
    """A doer and a sufferer, or two sides that fought each other."""
    return bool(source) and (bool(target) or len({a.country for a in source}) >= 2)


def _took_effect(t: Token) -> bool:
    """'A ceasefire between Israel and Hamas took effect', '... came into force', 'began': the truce holds."""
    verb = t.head if t.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return False
    objects = {o.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "prep")
               for o in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])}
    return lemma(verb) in ("begin", "start", "hold") or bool(objects & {"effect", "force"})


def _named_in_passing(t: Token) -> bool:
    """A measure named as a fact in passing ("amid US sanctions on Iran", "the EU's ban on Russian
    oil took effect", "after the expulsion of Russian diplomats by Estonia"), not the object of a
    verb that may threaten, demand or discuss it, nor a prospect ("the prospect of US sanctions")."""
    if t.dep_ in ("nsubj", "nsubjpass"):
        return True
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "for") and t.head.head.lemma_.lower() in RESPONSE_NOUNS:
        return True  # "in retaliation for US sanctions", "a response to Rome's expulsion of Russian diplomats"
    if t.dep_ != "pobj" or t.head.lower_ not in PASSING_PREPS:
        return False
    return t.head.head.lemma_.lower() not in PROSPECT_NOUNS


def _noun_frame(t: Token, ctx: SentenceContext) -> Frame | None:
    launch = _weapon_launch(t, ctx)
    if launch is not None:
        return launch
    if t.ent_type_ in ("DATE", "TIME"):
        return None  # "held talks in March": a month, not a protest march
    nouns = noun_lexicon()
    lem = t.lemma_.lower()
    nt = nouns.get(lem) or nouns.get(t.lower_)
    if nt is None and t.lower_ == "strikes":
        nt = nouns.get("strike")
    if lem == "conference" and any(c.lower_ in REMOTE_MEETING_MODIFIERS for c in t.children if c.dep_ in ("compound", "amod")):
        nt = nouns["videoconference"]  # "held a video conference with": a meeting; a press conference is none
    if nt is None:
        return None
    if lem == "strike" and t.i > 0 and t.doc[t.i - 1].lower_ in AIR_STRIKE_MODIFIERS:
        nt = nouns["airstrike"]
    if lem == "attack" and any(c.lower_ in CYBER_MODIFIERS for c in t.children if c.dep_ in ("compound", "amod", "nmod")):
        nt = nouns["cyberattack"]  # "cyber attacks against Israeli water facilities": on computers, not with arms
    if lem == "hunger" and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ == "strike"):
        return None
    if lem == "violation" and not any(c.lower_ in TRUCE_WORDS for c in t.children if c.dep_ in ("compound", "amod")):
        return None  # "ceasefire violations" are attacks; "human rights violations" are not
    found = _noun_trigger(t, nt)
    if found is None and nt.type in PAIR_NOUN_TYPES and len(pair_parties(t, ctx.index)) >= 2:
        found = Trigger(nt.type, nt.cameo, nt.mode), None, "noun_names_its_parties"  # "the Japan-China summit"
    if found is None and nt.type == T.RETREAT and lem in TRUCE_WORDS and _took_effect(t) \
            and _has_parties(*noun_parties(t, ctx.index)):
        found = Trigger(nt.type, nt.cameo, nt.mode), None, "noun_with_its_parties"  # "a truce between X and Y began"
    if found is None and (nt.type == T.ASSAULT or (nt.type in (T.SANCTION, T.COERCE, T.AID) and _named_in_passing(t))) \
            and not any(c.lower_ in NOT_YET for c in t.lefts) and _has_parties(*noun_parties(t, ctx.index)):
        found = Trigger(nt.type, nt.cameo, nt.mode), None, "noun_with_its_parties"  # "Russia's war against Ukraine"
    if found is None:
        return None
    trig, light, reason = found
    frame = _frame(ctx, t, trig, light, reason)
    return trigger_recode(frame, ctx)


def _verb_frame(t: Token, ctx: SentenceContext) -> Frame | None:
    lex = verb_lexicon()
    lem = lemma(t)
    # (and a headline's verb the tagger read as a plural noun with an object: "US Treasury sanctions two commanders")
    if t.pos_ in ("VERB",) or (t.pos_ == "AUX" and lem not in ("be", "have", "do")) or (t.pos_ == "NOUN" and t.tag_ == "VBG") \
            or (t.tag_ == "NNS" and t.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in t.children)):
        part = particle_of(t)
        senses = verb_senses()
        # a verb listed only with particles ("call on", "fire at") needs the particle
        candidates = (senses.get(("VERB", lem, part), ()) if part else ()) + senses.get(("VERB", lem, ""), ())
        trig = next((c for c in candidates if not c.objects or object_ok(t, c.objects, ctx.index)), None)
        if trig is None:
            return None
        if t.dep_ == "amod":
            return None  # "alleged bombers", "the detained activist": a description
        prev = t.doc[t.i - 1] if t.i else None
        if t.tag_ == "VBG" and prev is not None and prev.pos_ == "NOUN" and prev.dep_ == "conj" and prev.head.i != t.i:
            return None  # "air strikes and artillery shelling against civilians": a noun of a list, no verb
        if lem == "ask" and t.tag_ in ("VBN", "VBD") and t.dep_ == "advcl" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in t.children):
            return None  # "Asked to comment on ...", "When asked about ...": a reporter's question
        return _frame(ctx, t, trig, None, "verb")
    if (t.pos_ == "ADJ" and ("ADJ", lem, "") in lex) or \
            (t.tag_ == "VBN" and ("ADJ", t.lower_, "") in lex and any(c.dep_ == "xcomp" for c in t.children)):
        trig = lex[("ADJ", lem if t.pos_ == "ADJ" else t.lower_, "")]
        if trig.type == T.AGREE and not any(c.dep_ == "xcomp" for c in t.children):
            return None  # "ready", "willing" alone promise nothing
        return trigger_recode(_frame(ctx, t, trig, None, "adjective"), ctx)
    return None


def is_trigger_token(t: Token, idx: ActorIndex) -> bool:
    """Would this verb fire as a trigger? ("seeking to deepen ties": seek fires only on its objects)"""
    lem = lemma(t)
    if t.pos_ in ("VERB", "AUX", "NOUN"):
        senses = verb_senses()
        candidates = senses.get(("VERB", lem, particle_of(t)), ()) + senses.get(("VERB", lem, ""), ())
        if any(not c.objects or object_ok(t, c.objects, idx) for c in candidates):
            return True
    if t.pos_ == "ADJ" and ("ADJ", lem, "") in verb_lexicon():
        return True
    return False


def _noun_trigger(t: Token, nt: NounTrigger) -> tuple[Trigger, Token | None, str] | None:
    # "its ban on Japanese seafood, which China imposed": the relative clause holds the light verb
    near = list(t.children) + [x for p in t.children if p.dep_ == "prep" for o in p.children
                               if o.dep_ == "pobj" for x in o.children]  # the parser may hang it lower
    # ("the duties which the EU began to impose": through a verb of starting or going on)
    verbs = [v for c in near if c.dep_ == "relcl" for v in [c] + [x for x in c.children if x.dep_ == "xcomp"
                                                                 and lemma(c) in CONTINUE_VERBS]]
    for c in verbs:
        if lemma(c) in nt.lights and any(x.dep_ == "dobj" and x.tag_ in ("WDT", "WP") for x in c.children):
            typ, cameo = nt.lights[lemma(c)]
            return Trigger(typ, cameo, nt.mode if typ == nt.type else None), c, "noun_in_relative_clause"
    return _noun_trigger_by_head(t, nt)


def _free_relative_governor(t: Token) -> Token | None:
    """'fired what appeared to be a ballistic missile': the verb whose object is the free relative that says
    what the noun was."""
    rel = next((a for a in t.ancestors if a.dep_ in ("ccomp", "dobj") and a.left_edge.lower_ == "what"
                and a.left_edge.i == a.head.i + 1), None)
    return rel.head if rel is not None and rel.head.pos_ == "VERB" else None


def _noun_trigger_by_head(t: Token, nt: NounTrigger) -> tuple[Trigger, Token | None, str] | None:
    # "a series of meetings", "10 days of war games", "a mediation effort": look through the measure
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in QUANTITY:
        t = t.head.head
    elif t.dep_ == "pobj" and t.head.lower_ == "in" and (
            t.head.head.ent_type_ == "MONEY" or any(c.dep_ == "nummod" for c in t.head.head.children)):
        # "announced $2 billion in military aid", "approved 50 million euros in aid": the sum stands
        # where the aid does
        t = t.head.head
    elif t.dep_ == "compound" and t.head.lower_ in GENERIC_EVENT_NOUNS:
        t = t.head
    head = t.head
    # conjoined nouns share the light verb: "imposed sanctions and visa restrictions"
    if t.dep_ == "conj" and head.pos_ == "NOUN":
        t2 = head
        head = t2.head
        dep = t2.dep_
    else:
        dep = "dobj" if t.dep_ in ("xcomp", "ccomp", "advcl") and t.pos_ == "VERB" else t.dep_  # a misread headline noun
    if dep == "pobj" and head.lower_ in ("in", "into", "on", "under") and head.head.pos_ in ("VERB", "AUX") \
            and lemma(head.head) in nt.lights:
        dep, head = "dobj", head.head  # "engaged in ethnic cleansing": the verb is the light verb
    if (governor := _free_relative_governor(t) if dep in ("attr", "oprd", "pobj") else None) is not None:
        dep, head = "dobj", governor
    if dep in ("nsubj", "nsubjpass") and nt.scene and t.lemma_.lower() in VISIT_NOUNS \
            and any(c.dep_ == "poss" for c in t.children) and not any(c.lower_ in NOT_YET for c in t.lefts) \
            and not verb_senses().get(("VERB", lemma(head), "")):  # "X's visit was cancelled": that is the event
        # "the Chinese minister's visit to Moscow was closely watched": a visit named in passing
        return Trigger(nt.type, nt.cameo, nt.mode), None, "scene_noun"
    if dep in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        hl = lemma(head)
        phrasal = f"{hl} {particle_of(head)}"
        if phrasal in nt.lights:  # "called off the strike" is not "called the strike"
            hl = phrasal
        if hl in nt.lights and not any(c.dep_ == "oprd" for c in head.children):
            # ("called the strike an act of aggression" names the strike, it calls none)
            typ, cameo = nt.lights[hl]
            return Trigger(typ, cameo, nt.mode if typ == nt.type else None), head, "noun_with_light_verb"
        # ("in Bishkek took place the meeting of ...": a scene noun set after "took place", its subject)
        took_place = nt.scene and hl == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)
        return (Trigger(nt.type, nt.cameo, nt.mode), None, "scene_noun") if took_place else None
    if dep == "pobj" and head.lower_ == "for" and nt.type == T.CONSULT and head.head.lemma_.lower() in ARRANGEMENTS \
            and head.head.dep_ in ("dobj", "nsubjpass") and head.head.head.pos_ == "VERB":
        # "confirmed plans for a visit by Trump to Britain": an announced meeting agrees it (spec §3);
        # the arranged_meeting re-coding makes it an AGREE
        return Trigger(nt.type, nt.cameo, None), head.head.head, "arranged_meeting"
    scene = Trigger(nt.type, nt.cameo, nt.mode)
    if dep == "pobj" and (head.pos_ == "ADP" or head.dep_ == "prep") and nt.scene and (  # "following" may be a VERB
            head.lower_ in ("in", "during", "at", "after", "before", "following", "on")
            or (head.lower_ == "for" and nt.type == T.CONSULT and not _no_meeting_for(head))):  # "returned to Geneva for talks"
        return scene, None, "scene_noun"
    if dep in ("nsubj",) and head.lemma_ in SCENE_VERBS and nt.scene:
        return scene, None, "scene_noun"
    if dep == "nsubj" and nt.type == T.PROTEST and lemma(head) in OUTBREAK_VERBS:
        return scene, None, "protest_outbreak"  # "protests against Japan erupted in Beijing"
    asked_for = dep == "pobj" and head.lower_ == "for" and _no_meeting_for(head)  # "called for talks with X"
    if nt.scene and nt.type == T.CONSULT and not asked_for and any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                                                                   for c in t.children):
        return scene, None, "scene_noun"  # "the latest round of talks with Ethiopia"
    return None
