"""Sentences -> typed event candidates with source, target, evidence and date.

Rules over the dependency parse, driven by two lexicons written for bilat
(``data/triggers.tsv``: verbs and adjectives; ``data/nouns.tsv``: nominal triggers
and their light verbs). For each trigger:

* modality first: negated, hypothetical (could, might, may, if), and absorbed triggers
  (the requested action in "urged Japan to lift the ban") are not events; announced
  future actions become AGREE (cooperative) or THREATEN (hostile), as PLOVER codes them;
* the source is the clause's subject, inherited through xcomp/conj/participles, the
  passive agent, or the speaker of the reported clause;
* the target comes from the object and the prepositions each type takes, then from
  the first actor elsewhere in the trigger's clause;
* statements without a trigger are read for content: a modal demand in reported speech
  ("Japan should ...") is a REQUEST of the speaker, a negative judgement ("a violation of
  international law") an ACCUSE;
* dates come from the trigger's clause, its governing verbs, then the sentence.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import dates as dates_mod
from .actors import ActorIndex, is_stateless, sector_table
from .dates import DateValue
from .issues import issues_in, location_of
from .model import Actor, EventType, Location
from .nlp import read_table

_QUOTES = {'"', "“", "”", "‘", "’", "''", "``"}
SPEECH_VERBS = {"say", "tell", "state", "announce", "add", "insist", "stress", "emphasize", "emphasise", "note",
                "declare", "claim", "write", "tweet", "affirm", "assert", "argue", "indicate", "confirm", "explain",
                "remark", "comment", "reply", "reiterate", "report", "signal", "hope", "believe", "think", "feel",
                "suggest", "mention", "show", "reveal", "acknowledge", "admit", "underline", "underscore"}
SPEAKER_NOUNS = {"statement", "spokesman", "spokeswoman", "spokesperson", "communique", "communiqué", "release",
                 "readout", "report", "media", "agency", "newspaper", "sources", "source", "official", "officials",
                 "ministry", "office"}
HYPOTHETICAL = {"could", "might", "may", "can"}
FUTURE = {"will", "'ll", "wo", "shall"}
OBLIGATION = {"should", "must", "need", "ought"}
INTENT_VERBS = {"plan", "intend", "decide", "aim", "schedule", "set", "expect", "prepare", "vow", "want", "hope",
                "seek", "try", "attempt", "wish", "look", "threaten", "pledge", "promise", "agree", "offer"}
CONTINUE_VERBS = {"continue", "begin", "start", "resume", "keep", "go"}
COOPERATIVE = {"CONSULT": "036", "COOPERATE": "031", "AID": "033", "RETREAT": "035", "CONCEDE": "035", "SUPPORT": "032"}
HOSTILE = {"SANCTION": "132", "ASSAULT": "138", "COERCE": "137", "MOBILIZE": "138", "PROTEST": "133"}
HOSTILE_XCOMP = {"respond", "retaliate", "strike", "attack", "fight", "hit", "punish", "defend", "use"}
NEGATIVE_JUDGEMENT = {"violation", "lack", "illegal", "unacceptable", "provocation", "provocative", "irresponsible",
                      "aggressive", "unprofessional", "mistake", "wrong", "threat", "interference", "hostile",
                      "breach", "contrary", "inability", "lapse", "failure", "unjustified", "groundless",
                      "baseless", "outrageous", "reckless", "dangerous", "destabilizing", "destabilising",
                      "hypocrisy", "hypocritical", "bullying", "coercion"}
# target prepositions each type takes, besides the direct object
TARGET_PREPS = {
    "CONSULT": ("with", "to"), "AGREE": ("with", "to"), "COOPERATE": ("with",), "SUPPORT": ("with", "to", "for"),
    "ACCUSE": ("to", "against", "of", "at", "over", "about", "on"), "REQUEST": ("on", "upon", "to", "from"),
    "REJECT": ("from", "by"), "THREATEN": ("against", "to", "on"), "SANCTION": ("on", "against", "from", "to"),
    "ASSAULT": ("at", "on", "against", "in"), "AID": ("to", "for"), "COERCE": ("for", "against", "in"), "CONCEDE": ("on", "to", "in", "for"),
    "RETREAT": ("from", "to"), "PROTEST": ("against", "outside", "at", "on"), "MOBILIZE": ("to", "against", "near", "toward", "towards"),
}
# types whose record needs a target to be worth emitting
# (CONCEDE and RETREAT stand alone: "resigned", "declared a ceasefire", "released the prisoners")
NEEDS_TARGET = {"ACCUSE", "REQUEST", "REJECT", "SANCTION", "SUPPORT", "AID", "COOPERATE", "THREATEN", "COERCE", "AGREE"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_PLACE_HEADS = {"republic", "region", "province", "city", "town", "village", "capital", "state", "territory", "border",
                "camp", "port", "island", "enclave", "district", "area", "base", "embassy", "consulate", "candidate",
                "party", "parliament", "election", "settlement", "outpost", "facility", "site"}
_AGENTIVE_EVENTS = {"strike", "airstrike", "attack", "raid", "bombing", "shelling", "offensive", "missile", "rocket",
                    "fire", "drone", "jet", "warplane", "force", "troop", "ship", "warship", "navy", "delegation",
                    "tank", "artillery", "gunfire", "gunboat", "helicopter", "aircraft"}
_AGENT_HEADS = {"government", "ministry", "authorities", "people", "officials", "forces", "troops", "police",
                "military", "army", "regime", "leader", "leaders", "side", "officers", "members", "delegation"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "into", "from"}
BACKGROUND_MARKERS = {"earlier", "previously", "before", "ago", "last", "since", "once", "formerly"}


@dataclass(frozen=True)
class Trigger:
    type: str
    cameo: str
    mode: str | None
    objects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NounTrigger:
    type: str
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
        objects = frozenset(o for o in (row["objects"] or "").split("|") if o)
        trig = Trigger(row["type"], row["cameo"], row["mode"] or None, objects)
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
                lights[verb] = (t, c)
            else:
                lights[item] = (row["type"], row["cameo"])
        out[row["lemma"]] = NounTrigger(row["type"], row["cameo"], row["mode"] or None, lights, scene)
    return out


@functools.lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    """Every verb bilat looks up: triggers, light verbs, speech verbs (for lemma repair)."""
    lights = {v for nt in noun_lexicon().values() for v in nt.lights}
    return frozenset({lemma for (_, lemma, _) in verb_lexicon()} | lights | SPEECH_VERBS)


@dataclass
class Candidate:
    """An event found in one sentence, before within-article collapse."""

    type: str
    cameo: str
    mode: str | None
    source: list[Actor]
    target: list[Actor]
    trigger: int  # token index
    sentence: Span
    date: DateValue | None
    location: Location | None = None
    issues: tuple[str, ...] = ()
    attribution: str | None = None
    confidence: float = 0.6
    background: bool = False


# verbs whose "re" form repeats the act ("reimposed a blockade", "redeployed troops");
# a closed list, because most re- words mean something else ("resign", "recall", "remove")
_REPEATABLE = frozenset({"impose", "introduce", "establish", "deploy", "launch", "start", "arm", "supply", "open"})


def lemma(t: Token) -> str:
    """spaCy's small model mislemmatises some past tenses ('hoped' -> 'hop'); fall back on rules."""
    lem = t.lemma_.lower()
    if t.tag_ in ("VBD", "VBN") and lem not in _verb_lemmas():
        low = t.lower_
        for cand in (low[:-1], low[:-2], low[:-3] if low.endswith("ied") else None):
            if cand and cand in _verb_lemmas():
                return cand
        if low.endswith("ied") and low[:-3] + "y" in _verb_lemmas():
            return low[:-3] + "y"
    if lem.startswith("re") and lem not in _verb_lemmas() and t.pos_ == "VERB":
        if lem[2:] in _REPEATABLE:
            return lem[2:]
    return lem


def particle_of(t: Token) -> str:
    for c in t.children:
        if c.dep_ in ("prt", "prep") and c.i > t.i:
            return c.lower_
    return ""


class SentenceReader:
    """Finds the events of one sentence."""

    def __init__(self, index: ActorIndex, published: str | None):
        self.index = index
        self.published = published
        self.type_sources: dict[str, list[Actor]] = {}  # the last source seen for each event type
        self._dates_cache: dict[int, list[Span]] = {}
        self._dated_acts: dict[tuple[str, str], DateValue] = {}  # ("kill", person or place) -> its date
        self._tok_cache: dict[int, list[Token]] = {}

    def _toks(self, sent: Span) -> list[Token]:
        """The sentence's tokens, materialised once (iterating a Span builds each Token anew)."""
        toks = self._tok_cache.get(sent.start)
        if toks is None:
            toks = self._tok_cache[sent.start] = list(sent)
        return toks

    # -- subjects and speakers -----------------------------------------------------------
    def subject_of(self, verb: Token, speaker: list[Actor] | None) -> tuple[list[Actor], bool, Token | None]:
        """Actors of the clause subject, whether the clause is passive, and the subject token."""
        tok = verb
        for _ in range(5):
            subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
            if len(subj) > 1:
                # "(CNN) Turkey has summoned": prefer the subject that names an actor
                named = [c for c in subj if self.index.actors_for(c, speaker=speaker)]
                subj = named or subj
            if subj:
                s = subj[0]
                s = _quantity_head(s)
                if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    s = tok.head
                actors = self.index.actors_for(s, speaker=speaker, allow_unknown=True)
                if not actors:
                    # "X's phone call, NATO chief Jens Stoltenberg, ...": an apposed person is the subject
                    for c in s.children:
                        if c.dep_ == "appos":
                            actors = self.index.actors_for(c, speaker=speaker)
                            if actors:
                                break
                if not actors and s.lemma_.lower() in SPEAKER_NOUNS | _AGENTIVE_EVENTS:
                    # "Egypt's statement said", "a U.S. air strike killed": the modifier's country acts
                    actors = self._noun_owner(s)
                if not actors and s.tag_ == "NNS" and s.lemma_.lower() not in _AGENTIVE_EVENTS:
                    # "Islamic fundamentalists continued their strike": people the place or the story
                    # may give a country to
                    actors = [Actor(kind="group", country=None, role=self.index._np_text(s, strip_det=True))]
                # a passive conjunct shares the subject of its head: "were detained and released by"
                if tok.i != verb.i and verb.dep_ == "conj" and tok.i == verb.head.i:
                    passive = _is_passive_conj(verb)  # "was indicted ... and will resign": resigning is active
                else:
                    passive = s.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in tok.children)
                return actors, passive, s
            if tok.dep_ == "relcl":
                return self.index.actors_for(tok.head, speaker=speaker), False, tok.head
            if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ in ("dobj", "attr") and tok.head.head is not tok.head:
                tok = tok.head.head  # "issued a declaration demanding that ...": the issuer demands
                continue
            if tok.dep_ == "acl":
                owner = [c for c in tok.head.children if c.dep_ == "poss"]
                if owner:  # "her visit to meet Trump": she meets
                    return self.index.actors_for(owner[0], speaker=speaker), False, owner[0]
                if tok.tag_ == "VBD" or tok.head.dep_ == "relcl":  # a misparsed clause: the noun acts
                    return self.index.actors_for(tok.head, speaker=speaker), False, tok.head
                break
            if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp") or (tok.dep_ == "pobj") or tok.dep_ == "prep":
                nxt = tok.head
                if nxt.pos_ == "ADP":
                    nxt = nxt.head
                if nxt is tok:
                    break
                # an xcomp of an object-control verb takes the object: "urged Japan to keep"
                tok = nxt
                continue
            break
        return [], False, None

    def _noun_owner(self, noun: Token) -> list[Actor]:
        """'Egypt's statement said', 'the Turkish foreign ministry's spokesman said'."""
        mods = [x for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos") for x in c.subtree]
        # "a report released in the Rwandan capital": a document speaks for where it was issued
        mods += [x for c in noun.children if c.dep_ == "acl" and lemma(c) in ("release", "issue", "publish")
                 for p in c.children if p.dep_ == "prep" and p.lower_ == "in" for x in p.subtree]
        for c in sorted(mods, key=lambda x: x.i):
            place = self.index.place_at.get(c.i)
            if place is not None and place.kind != "city":
                if place.kind == "igo":
                    return [Actor(name=noun.doc[place.start:place.end].text, kind="igo", country=place.code)]
                return [Actor(kind="state", country=place.code, sector="GOV")]
            person = self.index.person_at.get(c.i)
            if person is not None:
                return [person.actor()]
        return []

    def speech_frames(self, sent: Span) -> dict[int, tuple[list[Actor], Token]]:
        """token index -> (speaker actors, speech verb) for tokens inside reported clauses."""
        frames: dict[int, tuple[list[Actor], Token]] = {}
        for t in self._toks(sent):
            if t.pos_ not in ("VERB", "AUX") or lemma(t) not in SPEECH_VERBS:
                continue
            speaker, _, _ = self.subject_of(t, None)
            if not speaker:
                continue
            for c in t.children:
                if c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "dobj" and c.pos_ == "VERB"):
                    for x in c.subtree:
                        frames.setdefault(x.i, (speaker, t))
        # a quotation in the first person ("We call for an end to violence.") speaks for whoever the
        # quotation is attributed to, in this sentence or one beside it; a transcript line for its label
        first = [t for t in self._toks(sent) if t.lower_ in ("i", "we") and t.dep_ in ("nsubj", "nsubjpass")
                 and t.i not in frames]
        if first:
            found = self._quote_speaker(sent)
            if found is not None:
                for x in self._toks(sent):
                    frames.setdefault(x.i, found)
        # "according to X": X is the speaker of the whole sentence
        for t in self._toks(sent):
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                to = t.doc[t.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    who = self.index.actors_for(objs[0]) or self._noun_owner(objs[0])
                    if who:
                        for x in self._toks(sent):
                            frames.setdefault(x.i, (who, t))
        return frames

    def _quote_speaker(self, sent: Span) -> tuple[list[Actor], Token] | None:
        """Who speaks a first-person sentence: the label of a transcript line ("Xi: I call on ..."),
        else the speaker of a speech verb in the same quotation -- this sentence, the two after it
        (the attribution usually closes the quote) or the one before -- where a quotation mark shows
        the sentences are quoted."""
        toks = self._toks(sent)
        label = next((t for t in toks[:6] if t.text == ":"), None)
        if label is not None and label.i > sent.start:
            who = [p for i in range(sent.start, label.i) for p in [self.index.person_at.get(i)] if p is not None]
            if who and not any(t.pos_ in ("VERB", "AUX") for t in toks if t.i < label.i):
                return [who[-1].actor()], label
        sents = self._sentences(sent.doc)
        n = next((k for k, s in enumerate(sents) if s.start == sent.start), None)
        if n is None:
            return None
        for k in (n, n + 1, n + 2, n - 1):
            if not 0 <= k < len(sents):
                continue
            near = sents[k]
            if not any(t.text in _QUOTES for t in self._toks(near)) and not any(t.text in _QUOTES for t in toks):
                continue
            for t in self._toks(near):
                if t.pos_ in ("VERB", "AUX") and lemma(t) in SPEECH_VERBS:
                    speaker, _, _ = self.subject_of(t, None)
                    speaker = [a for a in speaker if a.country or a.kind == "igo"]
                    if speaker:
                        return speaker, t
        return None

    def _sentences(self, doc: Doc) -> list[Span]:
        sents = self._tok_cache.get(-1)
        if sents is None:
            sents = self._tok_cache[-1] = list(doc.sents)
        return sents

    # -- modality ---------------------------------------------------------------------------
    def modality(self, t: Token) -> str:
        """'fact', 'negated', 'hypothetical', 'future', 'obligation', or 'absorbed'."""
        chain = [t]
        h = t
        # auxiliaries of a noun trigger sit on its light verb
        while h.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "prep", "acomp") and h.head is not h:
            h = h.head
            chain.append(h)
            if h.pos_ in ("VERB", "AUX"):
                break
        for x in chain:
            for c in x.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and x.pos_ == "NOUN"):
                    return "negated"
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    return "hypothetical"
        verb = chain[-1]
        auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a in HYPOTHETICAL for a in auxes):
            return "hypothetical"
        if any(a in FUTURE for a in auxes) or any(a == "would" for a in auxes):
            return "future"
        if any(a in OBLIGATION for a in auxes) or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("need", "have")):
            return "obligation"
        if verb.dep_ == "advcl" and lemma(verb) in _PROTEST_PURPOSE and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            if lemma(verb) != "protest" and _is_protest_act(verb.head):
                return "absorbed"  # "staged demonstrations to demand reforms": the demand is the protest's
            return self.modality(verb.head)  # "converged on Lagos to protest": they protested
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in _PROTEST_NOUNS:
            return "absorbed"  # "a demonstration calling for his removal": the protest's own demand
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and _is_protest_act(verb.head) \
                and lemma(verb) not in _PROTEST_VERBS:
            return "absorbed"  # "blocked roads demanding ...", "rioted, setting fire to mattresses": the protest
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and \
                lemma(verb.head.head) in ("suspect", "accuse", "allege", "charge", "convict", "blame", "guilty"):
            return "absorbed"  # "nationals suspected of blowing up a plane": the allegation, not an act
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb \
                and not any(c.dep_ == "aux" for c in verb.children):
            inherited = self.modality(verb.head)  # "refused to allow planes to land and evacuate"
            if inherited in ("absorbed", "hypothetical"):
                return inherited
        if verb.dep_ in ("xcomp",) or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            gov = verb.head
            glem = lemma(gov)
            if self.is_trigger_token(gov):
                return "absorbed"
            if gov.dep_ == "xcomp" and gov.head is not gov:
                outer = self.modality(gov)  # "refused to allow planes to land": still under the refusal
                if outer in ("absorbed", "hypothetical", "negated"):
                    return outer
            if glem in CONTINUE_VERBS:
                return "fact"
            if glem in ("attempt", "try") and gov.tag_ in ("VBD", "VBN") and \
                    any(c.type in ("ASSAULT", "COERCE") for c in verb_senses().get(("VERB", lemma(verb), ""), ())):
                return "fact"  # "attempted to assassinate", "tried to storm": an attack made, even if it failed
            if verb.dep_ == "advcl" and gov.tag_ == "VBD" and self.modality(gov) == "fact" and \
                    any(c.type == "COERCE" for c in verb_senses().get(("VERB", lemma(verb), ""), ())):
                return "fact"  # "police fired tear gas to disperse the crowd": force used to that end is coercion
            if glem in INTENT_VERBS or gov.lower_ in ("set", "scheduled", "expected", "going", "due", "about"):
                return "future"
            if gov.pos_ == "ADJ" or glem == "be":
                return "future"
            return "hypothetical"
        if verb.dep_ == "ccomp" and self.is_trigger_token(verb.head):
            return "absorbed"
        if verb.dep_ in ("ccomp", "acl") and any(
                c.lemma_.lower() in _DEMAND_NOUNS for c in [verb.head] + [x for x in verb.head.children if x.dep_ == "dobj"]):
            return "absorbed"  # "reiterated its demand that Israel ease restrictions": what is demanded
        if verb.dep_ == "ccomp" and lemma(verb.head) not in SPEECH_VERBS and verb.head is not verb:
            outer = self.modality(verb.head)  # "refused to allow planes to land": under the refusal
            if outer in ("absorbed", "hypothetical", "negated"):
                return outer
        if verb.dep_ in ("acl", "xcomp") and (verb.head.lemma_.lower() in ("attempt", "try", "bid") or
                                              lemma(verb.head) in ("attempt", "try")) \
                and (("VERB", lemma(verb), "") in verb_lexicon() and verb_lexicon()[("VERB", lemma(verb), "")].type == "ASSAULT"):
            return "fact"  # "an attempt to assassinate", "tried to kill": CAMEO codes the attempt
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in _MODAL_NOUNS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return "hypothetical"  # "a decision to reopen", "an offer to host": the noun's content, not a report
        if verb.dep_ == "xcomp" and lemma(verb.head) in ("want", "wish", "hope") and \
                not any(c.dep_ == "dobj" for c in verb.head.children):
            return "future"  # "Obama wants to attack Switzerland": a stated intention
        if verb.dep_ in ("ccomp", "xcomp") and lemma(verb.head) in _WISH_VERBS:
            return "hypothetical"  # "Obama wants Putin to attack ...": a wish, not an act
        return "fact"

    def is_trigger_token(self, t: Token) -> bool:
        """Would this verb fire as a trigger? ("seeking to deepen ties": seek fires only on its objects)"""
        lem = lemma(t)
        lex = verb_lexicon()
        if t.pos_ in ("VERB", "AUX", "NOUN"):
            senses = verb_senses()
            candidates = senses.get(("VERB", lem, particle_of(t)), ()) + senses.get(("VERB", lem, ""), ())
            if any(not c.objects or self._object_ok(t, c.objects) for c in candidates):
                return True
        if t.pos_ == "ADJ" and ("ADJ", lem, "") in lex:
            return True
        return False

    # -- triggers ---------------------------------------------------------------------------
    def find_triggers(self, sent: Span) -> list[tuple[Token, Trigger, Token | None]]:
        """(trigger token, trigger, light verb or None) for every trigger in the sentence."""
        out = []
        lex = verb_lexicon()
        nouns = noun_lexicon()
        light_used: set[int] = set()
        for t in self._toks(sent):
            if t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.lower_ in nouns):
                lem = t.lemma_.lower()
                nt = nouns.get(lem) or nouns.get(t.lower_)
                if nt is None and t.lower_ == "strikes":
                    nt = nouns.get("strike")
                if nt is None and lem == "air" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ == "strike":
                    continue
                if nt is None:
                    continue
                if lem == "strike" and t.i > 0 and t.doc[t.i - 1].lower_ in ("air", "missile", "drone", "military"):
                    nt = nouns["airstrike"]
                if lem == "hunger" and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ == "strike"):
                    continue
                trig = self._noun_trigger(t, nt)
                if trig is None and nt.type in _PAIR_NOUN_TYPES and len(self._pair_parties(t)) >= 2:
                    trig = (Trigger(nt.type, nt.cameo, nt.mode), None)  # "the Japan-China summit on Dec. 23"
                if trig is not None:
                    trigger, light = trig
                    if light is not None:
                        light_used.add(light.i)
                    out.append((t, trigger, light))
        for t in self._toks(sent):
            if t.i in light_used:
                continue
            lem = lemma(t)
            if t.pos_ in ("VERB",) or (t.pos_ == "AUX" and lem not in ("be", "have", "do")) or (t.pos_ == "NOUN" and t.tag_ == "VBG"):
                part = particle_of(t)
                senses = verb_senses()
                # a verb listed only with particles ("call on", "fire at") needs the particle
                candidates = (senses.get(("VERB", lem, part), ()) if part else ()) + senses.get(("VERB", lem, ""), ())
                trig = next((c for c in candidates if not c.objects or self._object_ok(t, c.objects)), None)
                if trig is None:
                    continue
                if lem == "call" and not part:
                    continue
                if t.dep_ == "amod":
                    continue  # "alleged bombers", "the detained activist": a description
                out.append((t, trig, None))
            elif (t.pos_ == "ADJ" and ("ADJ", lem, "") in lex) or \
                    (t.tag_ == "VBN" and ("ADJ", t.lower_, "") in lex and any(c.dep_ == "xcomp" for c in t.children)):
                trig = lex[("ADJ", lem if t.pos_ == "ADJ" else t.lower_, "")]
                if trig.type == "AGREE":
                    xc = [c for c in t.children if c.dep_ == "xcomp"]
                    if not xc:
                        continue
                    if lemma(xc[0]) in HOSTILE_XCOMP:
                        trig = Trigger("THREATEN", "138", None)
                out.append((t, trig, None))
        return out

    def _object_ok(self, t: Token, objects: frozenset[str]) -> bool:
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        if not objs and t.dep_ in ("acl", "relcl", "amod"):
            objs = [t.head]
        if not objs and t.dep_ == "conj" and _is_passive_conj(t):
            # "civilians were detained and later released": the shared subject is what is released
            objs = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not objs:  # intransitive use: "UN troops withdrew" -- the subject is what moves
            objs = [_quantity_head(c) for c in t.children if c.dep_ == "nsubj"]
        for o in objs:
            o = _quantity_head(o)
            for x in [o] + list(o.conjuncts) + [c for c in o.children if c.dep_ == "compound"]:
                if x.lemma_.lower() in objects or x.lower_ in objects:
                    return True
                if "person" in objects and (x.i in self.index.person_at or x.ent_type_ in ("PERSON", "NORP")
                                            or sector_table().get(x.lemma_.lower(), ("", ""))[1] == "person"):
                    return True  # "received President of Ghana X", "received the US Secretary of State"
                if "state" in objects and x.i in self.index.place_at:
                    return True
        return False

    def _noun_trigger(self, t: Token, nt: NounTrigger) -> tuple[Trigger, Token | None] | None:
        # "its ban on Japanese seafood, which China imposed": the relative clause holds the light verb
        near = list(t.children) + [x for p in t.children if p.dep_ == "prep" for o in p.children
                                   if o.dep_ == "pobj" for x in o.children]  # the parser may hang it lower
        for c in near:
            if c.dep_ == "relcl" and lemma(c) in nt.lights and \
                    any(x.dep_ == "dobj" and x.tag_ in ("WDT", "WP") for x in c.children):
                typ, cameo = nt.lights[lemma(c)]
                return Trigger(typ, cameo, nt.mode if typ == nt.type else None), c
        return self._noun_trigger_by_head(t, nt)

    def _noun_trigger_by_head(self, t: Token, nt: NounTrigger) -> tuple[Trigger, Token | None] | None:
        # "a series of meetings", "10 days of war games", "a mediation effort": look through the measure
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _QUANTITY:
            t = t.head.head
        elif t.dep_ == "compound" and t.head.lower_ in _GENERIC_EVENT_NOUNS:
            t = t.head
        head = t.head
        # conjoined nouns share the light verb: "imposed sanctions and visa restrictions"
        if t.dep_ == "conj" and head.pos_ == "NOUN":
            t2 = head
            head = t2.head
            dep = t2.dep_
        else:
            dep = t.dep_
        if dep == "pobj" and head.lower_ in ("in", "into", "on") and head.head.pos_ in ("VERB", "AUX") \
                and lemma(head.head) in nt.lights:
            dep, head = "dobj", head.head  # "engaged in ethnic cleansing": the verb is the light verb
        if dep in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            hl = lemma(head)
            phrasal = f"{hl} {particle_of(head)}"
            if phrasal in nt.lights:  # "called off the strike" is not "called the strike"
                hl = phrasal
            if hl in nt.lights:
                typ, cameo = nt.lights[hl]
                return Trigger(typ, cameo, nt.mode if typ == nt.type else None), head
            return None
        if dep == "pobj" and head.lower_ == "for" and nt.type == "CONSULT" and head.head.lemma_.lower() in _ARRANGEMENTS \
                and head.head.dep_ in ("dobj", "nsubjpass") and head.head.head.pos_ == "VERB":
            # "confirmed plans for a visit by Trump to Britain": an announced meeting agrees it (spec §3)
            return Trigger("AGREE", "036", None), head.head.head
        if dep == "pobj" and head.pos_ == "ADP" and nt.scene and (
                head.lower_ in ("in", "during", "at", "after", "before", "following", "on")
                or (head.lower_ == "for" and nt.type == "CONSULT")):  # "returned to Geneva for talks"
            return Trigger(nt.type, nt.cameo, nt.mode), None
        if dep in ("nsubj",) and head.lemma_ in ("take", "end", "begin", "conclude", "continue", "open", "start") and nt.scene:
            return Trigger(nt.type, nt.cameo, nt.mode), None
        if nt.scene and nt.type == "CONSULT" and any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children):
            return Trigger(nt.type, nt.cameo, nt.mode), None  # "the latest round of talks with Ethiopia"
        return None

    # -- arguments --------------------------------------------------------------------------
    def targets(self, t: Token, typ: str, light: Token | None, source: list[Actor], exclude: set[int],
                speaker: list[Actor] | None) -> list[Actor]:
        """Who the event is directed at: the object, the type's prepositions, a relative
        clause's head noun, then the first actor elsewhere in the trigger's own clause."""
        idx = self.index
        heads = ([light] if light is not None else []) + [t]  # the light verb's object first: "engaged peacekeepers in a firefight"
        src_countries = {a.country for a in source if a.country}
        found: list[Actor] = []

        def take(tok: Token, foreign_only: bool = False, unknown: bool = False) -> None:
            for a in idx.actors_for(tok, speaker=speaker, allow_unknown=unknown or typ in ("COERCE", "ASSAULT")):
                if a in found or a in source:
                    continue
                # the source's own state is not its target ("its troops", "Japan-China ties"), but its
                # citizens and groups may be ("threatened to ban Ugandan opposition candidates")
                if foreign_only and a.country in src_countries and a.kind in ("state", "organization", "igo"):
                    continue
                found.append(a)

        def take_place(place) -> None:
            kind = "igo" if place.kind == "igo" else "group" if place.kind.startswith("group:") else "state"
            a = Actor(kind=kind, country=place.code,
                      name=idx.doc[place.start:place.end].text if kind == "group" else None)
            if a.country not in src_countries and a not in found:
                found.append(a)

        preps = TARGET_PREPS.get(typ, ())
        if typ == "AGREE" and t.pos_ == "NOUN":
            preps = ("by",) + preps  # "plans for a visit by Trump": the visitor is the other party
        if typ == "ASSAULT" and lemma(t) in _MUTUAL_FIGHTS:
            preps = preps + ("with",)  # "clashed with rioters": the other side (but "attacked with drones")
        if typ == "ACCUSE":
            # "condemned the attack by Israel", "investigating crimes by Croatian extremists against
            # Serb civilians": whoever did the condemned act is accused, not its victims
            for h in heads:
                acts = [c for c in h.children if c.dep_ == "dobj" and c.i not in exclude]
                acts += [o for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "for")
                         for o in c.children if o.dep_ == "pobj"]
                if h.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in h.children):
                    acts.append(h)  # the parser often hangs "by X" on the active verb itself
                for act in acts:
                    for c in act.children:
                        if c.dep_ == "prep" and c.lower_ == "by":
                            for o in c.children:
                                if o.dep_ == "pobj":
                                    take(o)
                                    code = None if found else idx._modifier_country(o)[0]
                                    if code:  # "by Croatian extremists", in Croatia's own inquiry too
                                        found.append(Actor(kind="group", country=code,
                                                           role=idx._np_text(o, strip_det=True)))
            if found:
                return found
            # "complained to the UN over Israeli air raids": the accused before the addressee
            for h in heads:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in ("over", "about", "against", "of") and c.i not in exclude:
                        for o in c.children:
                            if o.dep_ == "pobj":
                                take(o, foreign_only=True)
                                if not found:
                                    self._possessor(o, lambda x: take(x, foreign_only=True), take_place)
            if found:
                return found
        if typ == "CONSULT":  # "visiting the U.S. capital ... to meet President X": X is met
            for h in heads:
                for c in h.children:
                    if c.dep_ in ("advcl", "xcomp") and lemma(c) in ("meet", "see", "talk", "visit"):
                        for o in c.children:
                            if o.dep_ == "dobj":
                                take(o)
            if found:
                return found
        for h in heads:
            for c in h.children:
                if c.i in exclude:
                    continue
                if c.dep_ == "dobj" and any(x.dep_ == "poss" and x.tag_ == "PRP$" for x in c.children) \
                        and typ in ("AGREE", "AID", "MOBILIZE", "RETREAT"):
                    continue  # "offered its troops to Lebanon": its own troops are what is offered
                if c.dep_ in ("dobj", "dative", "iobj") and c.i != t.i and t not in c.conjuncts:
                    if c.dep_ == "dative" and c.pos_ == "ADP":
                        for o in c.children:
                            if o.dep_ == "pobj":
                                take(o)
                    else:
                        take(c)
                        if not found:
                            self._possessor(c, lambda x: take(x, foreign_only=True), take_place, take)
                        if not found and typ in _PLACE_TARGET_TYPES:
                            code = _place_country(c, idx)  # "visited the U.S. capital", "shelled Syria's city"
                            if code:
                                found.append(Actor(kind="state", country=code))
                elif c.dep_ in ("prep", "agent") and c.lower_ in preps:
                    for o in c.children:
                        if o.dep_ == "pobj":
                            take(o)
                            if not found:
                                self._possessor(o, take, take_place)
                            if not found and typ in _PLACE_TARGET_TYPES:
                                code = _place_country(o, idx)
                                if code:
                                    found.append(Actor(kind="state", country=code))
            if found and typ != "PROTEST":
                return found
        # a protest's purpose names whom it is aimed at: "marched ... to demand that the government
        # withdraw its invitation to President X"
        if typ == "PROTEST":
            for h in heads:
                for c in h.children:
                    if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                        for x in c.subtree:
                            if x.dep_ not in ("compound", "amod") and x.tag_ != "PRP$":
                                take(x)  # "to show their disapproval of the United States' policies"
            if found:
                return found
        # "demanded that the US cancel ...", "accused X of ...": the complement's subject is addressed
        if typ in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"):
            for h in heads:
                for c in h.children:
                    # (and "its demands that Burundi's government grant ...": the noun's own clause)
                    if (c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acl" and h.pos_ == "NOUN")) and c.i not in exclude:
                        for sub in c.children:
                            if sub.dep_ in ("nsubj", "nsubjpass"):
                                # a group the text gives no country ("warned that police will ...")
                                # may get one from the place or the story later
                                take(sub, foreign_only=False, unknown=True)
            if found:
                return found
        # a relative clause's object is the noun it modifies: "Iranian officers it accused"
        if t.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in t.children):
            take(t.head, foreign_only=True)
            if found:
                return found
        for h in heads:
            for x in _own_clause(h, exclude):
                if x.i == t.i:
                    continue
                if x.dep_ in ("compound", "amod", "nmod") and x.i in idx.place_at and \
                        (x.head.lemma_.lower() in _PLACE_HEADS or x.head.lemma_.lower() in sector_table()):
                    take_place(idx.place_at[x.i])  # "the Azerbaijani republic", "Ugandan opposition candidates"
                    if found:
                        return found
                    continue
                if x.dep_ in ("compound", "amod", "nmod") and x.head.i not in idx.person_at \
                        and x.head.lemma_.lower() not in _AGENT_HEADS | _AGENTIVE_EVENTS \
                        and x.head.lower_ not in _AGENT_HEADS:
                    continue  # "the Taiwan issue", "Japanese seafood imports": topics, not actors
                if x.head.dep_ == "prep" and x.head.lower_ in _LOCATIVE and x.dep_ == "pobj" and x.i not in idx.person_at \
                        and typ != "THREATEN" and not (x.head.lower_ == "from" and typ in ("RETREAT", "AGREE")):
                    continue  # "in Baghdad": where, not whom (but "to resume attacks in Israel" threatens Israel)
                if x.tag_ == "PRP$":
                    continue  # "its supplies": the owner is usually the actor itself
                if any(c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ in ("its", "their") for c in x.children):
                    continue  # "its troops", "their forces": the source's own
                if x.dep_ == "pobj" and x.head.lower_ in _LOCATIVE and typ != "THREATEN" \
                        and not (x.head.lower_ == "from" and typ in ("RETREAT", "AGREE")):
                    continue
                take(x, foreign_only=True)
                if found:
                    return found
        return found

    def _domestic_target(self, anchor: Token, source: list[Actor], exclude: set[int]) -> list[Actor]:
        """A measure at home: "threatened to institute a curfew in Algiers", "jailed opposition
        members" -- the source's own country is the target when the clause places it there."""
        home = {a.country for a in source if a.country}
        for x in _own_clause(anchor, exclude):
            place = self.index.place_at.get(x.i)
            if place is None or place.code not in home or place.kind not in ("country", "capital", "city", "demonym"):
                continue
            tok = self.index.doc[place.end - 1]
            if tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout", "within")):
                return [Actor(kind="state", country=place.code)]
            # "threatened to ban Ugandan opposition candidates": the country's own people
            head = tok.head.lemma_.lower()
            if tok.dep_ in ("amod", "compound") and tok.head.dep_ in ("dobj", "pobj") and \
                    tok.head.head.lower_ != "to" and \
                    ((head in sector_table() and sector_table()[head][1] == "group") or head in _PLACE_HEADS):
                return [Actor(kind="group", country=place.code, role=tok.head.text)]
        return []

    def fallback_target(self, sent: Span, source: list[Actor], exclude: set[int]) -> list[Actor]:
        """Last resort for speech acts: the one foreign state the sentence names as an actor."""
        src = {a.country for a in source if a.country}
        seen: list[str] = []
        for x in self._toks(sent):
            if x.i in exclude:
                continue
            place = self.index.place_at.get(x.i)
            if place is None or place.kind in ("city", "igo") or place.code in src:
                continue
            if x.dep_ == "compound" and x.head.lemma_.lower() not in _AGENT_HEADS and x.head.lower_ not in _AGENT_HEADS:
                continue
            if x.head.dep_ == "prep" and x.head.lower_ in _LOCATIVE:
                continue
            if x.i > 0 and x.doc[x.i - 1].lower_ in ("one", "two"):
                continue  # "one China, one Taiwan": a formula, not an actor
            if place.code not in seen:
                seen.append(place.code)
        return [Actor(kind="state", country=seen[0])] if len(seen) == 1 else []

    def _possessor(self, noun: Token, take, take_place=None, take_from=None) -> None:
        """Whose thing the object is: "Japan's discharge", "a U.S. request", "an offer from Kabul".
        ``take_from`` takes the object of "from"/"by" (a domestic addressee is fine there)."""
        if take_place is None:
            take_place = lambda place: take(self.index.doc[place.start:place.end].root)
        take_from = take_from or take
        for c in noun.children:
            place = self.index.place_at.get(c.i)
            if c.dep_ in ("compound", "amod", "nmod") and place is not None and \
                    (place.kind in ("country", "demonym", "capital", "igo") or place.kind.startswith("group:")):
                take_place(place)  # "an Australian ultimatum", "a U.S. request": that state's
            elif c.dep_ == "poss":
                take(c)
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        (take if c.lower_ == "of" else take_from)(o)

    # -- dates ------------------------------------------------------------------------------
    def date_for(self, t: Token, sent: Span, extra: list[Token], noun: Token | None = None) -> DateValue | None:
        """The date the clause of ``t`` gives; else its governing verbs' (a speech verb's
        "said on November 25"); else the sentence's only date."""
        date_ents = self._date_mentions(sent)
        if not date_ents:
            return None

        def resolve_in(tokens: set[int]) -> DateValue | None:
            for e in date_ents:
                if e.root.i in tokens:
                    v = dates_mod.resolve(e.text, self.published)
                    if v.value:
                        return v
            return None

        # dates attached to the trigger itself ("met on Tuesday"), not to its objects ("acts last week")
        own = {t.i}
        for c in list(t.children) + (list(noun.children) if noun is not None else []):
            if c.dep_ in ("npadvmod", "advmod", "tmod", "obl", "nmod"):
                own.update(x.i for x in c.subtree)
            elif c.dep_ == "prep":  # "on Monday", "in mid-November": the preposition's own object
                own.update(o.i for o in c.children if o.dep_ == "pobj")
        v = resolve_in(own)
        if v:
            return v
        # a temporal clause on the trigger: "After the earthquake hit Japan on March 11, 2011, China conveyed"
        for c in t.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("after", "when", "as", "following") for m in c.children):
                v = resolve_in({x.i for x in c.subtree})
                if v:
                    return v
        # climb through the clause's governors: xcomp, conj, pcomp, prepositions, speech verbs
        h = t
        chain: list[Token] = []
        for _ in range(5):
            if h.head is h or h.dep_ not in ("xcomp", "conj", "pcomp", "pobj", "prep", "ccomp", "advcl", "dobj", "acomp"):
                break
            h = h.head
            chain.append(h)
        for h in chain + [x for x in extra if x is not None]:
            direct = {h.i}
            for c in h.children:
                if c.dep_ in ("npadvmod", "advmod", "tmod", "obl"):
                    direct.update(x.i for x in c.subtree)
                elif c.dep_ == "prep":
                    direct.update(o.i for o in c.children if o.dep_ == "pobj")
            v = resolve_in(direct)
            if v:
                return v
        # the trigger's whole phrase: "a meeting on the sidelines of the summit, held in mid-November"
        if t.pos_ == "NOUN":
            v = resolve_in({x.i for x in t.subtree})
            if v:
                return v
        if len(date_ents) == 1 and date_ents[0].root.head.i in {x.i for x in sent.root.subtree} \
                and date_ents[0].root.head == sent.root:
            v = dates_mod.resolve(date_ents[0].text, self.published)
            if v.value:
                return v
        return None

    def _date_mentions(self, sent: Span) -> list[Span]:
        """Date expressions of a sentence (computed once per sentence)."""
        cached = self._dates_cache.get(sent.start)
        if cached is not None:
            return cached
        doc = sent.doc
        date_ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and e.start >= sent.start and e.end <= sent.end
                     and e.root.dep_ not in ("poss", "compound", "amod", "nmod")  # "last week's brawl" dates the brawl
                     and not any(i in self.index.person_at for i in range(e.start, e.end))]  # "Theresa May"
        for tok in self._toks(sent):
            if tok.lower_ in dates_mod.WEEKDAYS and not any(e.start <= tok.i < e.end for e in date_ents):
                date_ents.append(doc[tok.i:tok.i + 1])
        # dates the small model's NER misses ("Sept 29, 1972")
        for m in _DATE_RE.finditer(sent.text):
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is not None and not any(e.start < span.end and span.start < e.end for e in date_ents):
                date_ents.append(span)
        self._dates_cache[sent.start] = date_ents
        return date_ents

    # -- acts the text names with their date ------------------------------------------------
    def _act_key(self, tok: Token) -> str | None:
        person = self.index.person_at.get(tok.i)
        if person is not None:
            return "person:" + person.name
        place = self.index.place_at.get(tok.i)
        return "place:" + place.code if place is not None else None

    def _remember_dated_acts(self, sent: Span) -> None:
        """'the 2020 killing of Qassem Soleimani': an act named with its date, so that a later
        clause that reports the same act without one ("a U.S. strike killed Soleimani") gets it."""
        for t in self._toks(sent):
            verb = _DEVERBAL.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
            if verb is None:
                continue
            objs = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            key = self._act_key(objs[0]) if objs else None
            if key is None:
                continue
            for c in t.children:
                if c.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss") and c.ent_type_ == "DATE":
                    ent = next((e for e in sent.doc.ents if e.start <= c.i < e.end), None)
                    v = dates_mod.resolve(ent.text if ent is not None else c.text, self.published)
                    if v.value:
                        self._dated_acts.setdefault((verb, key), DateValue(v.value, "explicit"))

    def _dated_act(self, verb: Token) -> DateValue | None:
        """The date an earlier mention gave this act (same verb, same person or place acted on);
        for a clause "after" such an act, that act's date."""
        if not self._dated_acts:
            return None
        for v in [verb] + [c for c in verb.children if c.dep_ == "advcl" and
                           any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)]:
            for o in v.children:
                if o.dep_ in ("dobj", "nsubjpass"):
                    key = self._act_key(o)
                    if key is not None and (lemma(v), key) in self._dated_acts:
                        return self._dated_acts[(lemma(v), key)]
        return None

    # -- the sentence -----------------------------------------------------------------------
    def read(self, sent: Span) -> list[Candidate]:
        if sent.text.rstrip().endswith("?"):
            return []
        self._remember_dated_acts(sent)
        idx = self.index
        frames = self.speech_frames(sent)
        out: list[Candidate] = []
        triggered_clauses: set[int] = set()
        found = self.find_triggers(sent)
        # the verbs that carry a hostile act: "ready to impose sanctions" threatens them
        hostile_at = {(light if light is not None else t).i: trig.type for t, trig, light in found if trig.type in HOSTILE}
        for t, trig, light in found:
            anchor = light if light is not None else t
            scene = light is None and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "dobj"
            mod = self.modality(anchor)
            if scene:
                gov = t.head.head if t.head.pos_ == "ADP" else t.head
                mod = self.modality(gov) if gov is not t else "fact"
                if mod in ("absorbed", "obligation", "future"):
                    mod = "fact" if mod == "absorbed" else mod
            typ, cameo, mode = trig.type, trig.cameo, trig.mode
            refusal = False
            if mod == "negated" and typ in COOPERATIVE | {"AGREE": ""} and self._is_future(anchor):
                # "Obama said he would not provide support to Israel": a refusal
                mod, typ, cameo, mode, refusal = "fact", "REJECT", "120", None, True
            gov = anchor.head if anchor.dep_ == "xcomp" else None
            if gov is not None and lemma(gov) == "fail" and typ in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE"):
                mod, typ, cameo, mode = "fact", "REJECT", "120", None  # "failed to reach agreement"
            forced = gov is not None and lemma(gov) in ("order", "force", "compel") and \
                any(c.dep_ == "dobj" for c in gov.children)
            if forced:
                mod = "fact"  # "ordered the newspaper to suspend publication": the order is the act
            if mod in ("negated", "hypothetical", "absorbed"):
                triggered_clauses.add(anchor.i)
                continue
            existential = _existential_participle(t)
            if t.dep_ == "acl" and t.tag_ == "VBN" and light is None and not existential:
                continue  # "civilians imprisoned for ...", "victims killed by ...": a description, not a report
            speaker, speech_verb = frames.get(t.i, (None, None))
            subj_tok, passive = None, False
            if scene:
                source, target = self._scene_participants(t, speaker)
                exclude: set[int] = set()
            else:
                verb = anchor
                source, passive, subj_tok = self.subject_of(verb if t.pos_ != "ADJ" else t.head, speaker)
                if t.pos_ == "ADJ" and not source:
                    source, passive, subj_tok = self.subject_of(t, speaker)
                if existential:  # "there were ten soldiers killed": the noun is the passive subject
                    subj_tok, passive = t.head, True
                    source = idx.actors_for(t.head, speaker=speaker, allow_unknown=True)
                exclude = set(x.i for x in subj_tok.subtree) if subj_tok is not None else set()
                for o in _co_actors(verb):  # "visiting Washington along with President X": X acts too
                    source = source + [a for a in idx.actors_for(o, speaker=speaker) if a not in source]
                    exclude |= {x.i for x in o.subtree}
                if passive:
                    source, target = self._passive(verb, subj_tok, source, speaker, typ)
                    if not target and light is not None:
                        # "Evidence against Russia was presented by the US": the noun names the target
                        # (the noun is the passive subject, so its own subtree is not excluded)
                        target = self.targets(t, typ, None, source, exclude - {x.i for x in t.subtree}, speaker)
                else:
                    target = self.targets(t, typ, light, source, exclude, speaker)
                if light is not None and lemma(light) == "face":
                    # "faces pressure from Congress": the one who faces it is the target
                    givers = [o for h in (t, light) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                              for o in c.children if o.dep_ == "pobj"]
                    if not givers:
                        continue  # "Iran faces sanctions": a prospect, not an act
                    source, target = [a for o in givers for a in idx.actors_for(o, speaker=speaker)], source
                if not source and speaker and typ not in HOSTILE:
                    source = list(speaker)
            # a government that says another state attacked accuses it (CAMEO/PLOVER code the claim)
            if speaker and typ == "ASSAULT" and speech_verb is not None and source \
                    and any(a.country for a in speaker) \
                    and not _same_countries(source, speaker) and _is_state_speaker(speaker) \
                    and lemma(speech_verb) in ("say", "claim", "allege", "charge", "accuse", "insist", "tell"):
                typ, cameo, mode, target, source = "ACCUSE", "112", None, source, list(speaker)
            # a reported clause whose subject is the speaker's own state keeps the speaker
            # ("Hayashi said Japan is willing to ...": Hayashi acts for Japan)
            if speaker and source and all(a.kind == "state" for a in source) and not (passive and typ in HOSTILE) and \
                    {a.country for a in source} == {a.country for a in speaker if a.country}:
                # (but "civilians were killed in a bombing in Baghdad, Iraqi police said": not the police)
                source = list(speaker)
            if mod == "obligation":
                # "Japan should stop provocations" in reported speech: a demand of the speaker
                if speaker and source and not _same_countries(source, speaker):
                    typ, cameo, mode, target, source = "REQUEST", "100", None, source, list(speaker)
                else:
                    continue
            elif mod == "future":
                decided = speech_verb is not None and lemma(speech_verb) in ("announce", "decide", "declare", "confirm")
                if any(m.lower_ == "unless" for c in anchor.children if c.dep_ == "advcl" for m in c.children):
                    typ, cameo, mode = "THREATEN", "130", None  # "will withdraw its force unless ...": a threat
                elif typ in COOPERATIVE:
                    typ, cameo, mode = "AGREE", COOPERATIVE[typ], None
                elif typ in HOSTILE and not (decided and typ == "SANCTION"):
                    # "warned it would impose sanctions" threatens; "announced it would" decides
                    typ, cameo, mode = "THREATEN", HOSTILE[typ], None
            if forced:
                source, _, _ = self.subject_of(gov, speaker)
                target = [a for o in gov.children if o.dep_ == "dobj" for a in idx.actors_for(o, speaker=speaker, allow_unknown=True)]
                typ, cameo, mode = "COERCE", "172", None
            if typ == "AGREE" and light is None and \
                    any(c.dep_ == "xcomp" and (lemma(c) in _HOSTILE_INTENT or c.i in hostile_at) for c in t.children):
                typ, cameo, mode = "THREATEN", "138", None  # "vowed to fight", "swore to retaliate"
            if typ in ("AGREE", "REJECT", "SANCTION") and not refusal and lemma(anchor) in ("accept", "meet", "grant", "heed", "cancel", "revoke",
                                                                             "scrap", "drop", "end", "lift") \
                    and _object_lemmas(anchor) & _CONCESSION_OBJECTS.get(lemma(anchor), set()):
                typ, cameo, mode = "CONCEDE", "083" if lemma(anchor) in ("accept", "meet", "grant", "heed") else "081", None
            if light is None and lemma(t) in ("receive", "get", "obtain", "secure", "win") and not scene:
                got = self._received(t, source, speaker)
                if got is not None:
                    typ, cameo, mode, source, target = got
            if typ == "CONSULT" and lemma(t) in ("host", "invite") and _purpose_is_exercise(anchor):
                typ, cameo, mode = "COOPERATE", "062", None  # "hosted Egypt for air force exercises"
            if typ == "MOBILIZE" and t.lemma_.lower() in _EXERCISES and (
                    len({a.country for a in source if a.country}) > 1 or any(c.lower_ == "joint" for c in t.children)
                    or any(idx.actors_for(o, speaker=speaker) for h in {t, anchor} for c in h.children
                           if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj")):
                # joint exercises, or exercises with a partner, are military cooperation (spec §3);
                # one's own drills stay a posture (MOBILIZE)
                typ, cameo, mode = "COOPERATE", "062", None
                target = [a for a in target if not any(a.country == x.country for x in source)]
            if typ == "PROTEST" and lemma(t) == "protest" and source and \
                    all(a.kind in ("state", "igo") or a.sector == "GOV" for a in source):
                typ, cameo = "ACCUSE", "114"  # a government "protests": a diplomatic complaint
            location = location_of(anchor, idx.place_at, airborne=typ == "ASSAULT") or \
                (location_of(t, idx.place_at) if t is not anchor else None)
            # groups the text places but does not name a country for: "protesters in London"
            if location is not None and location.country:
                source = [a if a.country else _with_country(a, location.country) for a in source]
                # victims' nationality is not where they were attacked, but victims the text gives
                # no nationality at all ("four children were killed in Gaza") are coded to the place
                if typ != "ASSAULT":
                    target = [a if a.country else _with_country(a, location.country) for a in target]
                elif not any(a.country for a in target):
                    target = [a if a.country or a.name else _with_country(a, location.country) for a in target]
            if any(not a.country for a in source) and target and len({a.country for a in target if a.country}) == 1 \
                    and typ in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE"):
                home = next(a.country for a in target if a.country)  # "insurgents shelled Aleppo"
                source = [a if a.country or a.kind not in ("group", "organization") else _with_country(a, home) for a in source]
            if typ == "COERCE" and source and source[0].country:
                # "Kenyan police detained an opposition leader": repression at home
                target = [a if a.country else _with_country(a, source[0].country) for a in target]
            if typ == "ASSAULT" and not any(a.country for a in source) and location is not None and location.country \
                    and (self._attack_noun_agent(anchor) or (not scene and passive and light is None and _reported_clause(anchor))):
                # "a roadside bombing near Samarra killed ...": an attack without a named attacker is
                # coded to the country it happened in (CAMEO and PLOVER practice)
                source = [Actor(kind="group", country=location.country, role="unidentified attackers")]
            if typ == "CONSULT" and source and target \
                    and all(not a.country or idx.country_inferred(a) for a in source) \
                    and {a.country for a in target} == {idx.sole_country() or idx.lead_country}:
                # "Mitterrand welcomed South African leader de Klerk": the story's one country is the
                # guest's; it says nothing of the host, and a state does not meet itself
                continue
            home = idx.sole_country()
            if home and any(not a.country for a in source):
                source = [a if a.country else _with_country(a, home) for a in source]  # a one-country story
            if home and any(not a.country and a.kind in ("group", "organization") for a in target):
                # "warned that police will no longer tolerate rallies", in a story about Egypt alone
                target = [a if a.country or a.kind not in ("group", "organization") else _with_country(a, home)
                          for a in target]
            # actors without a country are dropped, but for named NGOs and transnational groups (spec §2 has no code for them)
            source = _one_per_igo([a for a in source if a.country or is_stateless(a)])
            target = _one_per_igo([a for a in target if a.country or is_stateless(a)])
            if typ == "MOBILIZE":  # forces deployed to one's own command are not aimed at oneself
                target = [a for a in target if not _same_countries([a], source)]
            if typ == "REQUEST" and lemma(t) == "seek" and not target and location is not None and location.country \
                    and location.country not in {a.country for a in source}:
                target = [Actor(kind="state", country=location.country)]  # "sought refuge in Germany"
            if typ == "REJECT" and not target and location is not None and location.country \
                    and location.country not in {a.country for a in source}:
                target = [Actor(kind="state", country=location.country)]  # "refused to deploy troops in Iraq"
            if typ in ("PROTEST", "MOBILIZE") and not target and location is not None and location.country \
                    and (typ == "PROTEST" or location.country not in {a.country for a in source}):
                # "activists staged a protest in Beijing", "exercises in Alaska": aimed at the host;
                # a protest at home addresses its own government
                target = [Actor(kind="state", country=location.country)]
            if (typ == "PROTEST" or (typ == "CONCEDE" and t.lemma_.lower() in _PROTEST_NOUNS)) \
                    and not target and location is None and len({a.country for a in source}) == 1 \
                    and all(a.kind in ("group", "organization") or (a.kind == "person" and not a.name) for a in source):
                # "Egyptian demonstrators rioted": a crowd the text places nowhere protests at home
                # (and a union that calls off its strike concedes at home)
                target = [Actor(kind="state", country=source[0].country)]
            if location is not None and location.country and typ in ("CONSULT", "AGREE", "COOPERATE") \
                    and mode != "visit" and lemma(t) not in ("visit", "trip", "tour"):
                # "met in Kinshasa": the host country of a venue is not a participant
                target = [a for a in target if a.country != location.country or a.name or a.role]
            if typ == "ASSAULT" and source and (all(a.sector == "COP" for a in source) and
                    (not target or all((a.sector in ("CVL", "OPP", None) and a.kind == "group"
                                        and (not a.country or _same_countries([a], source))) or
                                       (a.kind == "state" and _same_countries([a], source)) for a in target))
                    or all(a.sector == "MIL" for a in source) and any(_is_crowd(a) for a in target) and
                    all((_is_crowd(a) or a.kind == "state") and (not a.country or _same_countries([a], source))
                        for a in target)):
                # (and troops clashing with their own country's rioters or protesters)
                typ, cameo = "COERCE", "175"  # police firing on demonstrators: repression
            if typ in ("ASSAULT", "COERCE") and source and all(_is_crowd(a) for a in source) \
                    and lemma(t) not in _ARMED_ACTS and not (_object_lemmas(anchor) & _ARMED_ACTS):
                # protesters who burn, storm or demolish riot: collective action, not an armed
                # attack or an act of state (CAMEO 145, PLOVER PROTEST)
                typ, cameo = "PROTEST", "145"
            if typ in ("SANCTION",) and source and target and _same_countries(source, target):
                typ, cameo = "COERCE", "172"
            if not source:
                continue
            multi = len({a.country for a in source}) > 1
            if not target and typ in ("ACCUSE", "REQUEST", "THREATEN", "REJECT") and speech_verb is not None:
                # "Egypt said Ethiopia rejected the proposal": rejected Egypt's proposal
                if typ == "REJECT" and speaker and not _same_countries(speaker, source):
                    target = [a for a in speaker if a.country]
            if not target and typ == "THREATEN":
                # "vowed revenge after a U.S. air strike killed X": the one who struck is threatened
                for c in anchor.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "because", "since")
                                                 for m in c.children):
                        doer, _, _ = self.subject_of(c, speaker)
                        target = [a for a in doer if a.country and not _same_countries([a], source)]
                        if target:
                            break
            if not target and typ in ("ACCUSE", "REQUEST", "THREATEN", "MOBILIZE"):
                target = self.fallback_target(sent, source, exclude)
            if not target and typ in _DOMESTIC_TYPES:
                target = self._domestic_target(anchor, source, exclude)
            if not target and typ == "THREATEN" and light is None and source and \
                    any(c.dep_ == "xcomp" and hostile_at.get(c.i) == "COERCE" for c in t.children):
                # "prepared to impose martial law": repression threatened at home
                target = [Actor(kind="state", country=source[0].country)]
            if typ in NEEDS_TARGET and not target and not (multi and typ in ("AGREE", "SUPPORT", "COOPERATE")) \
                    and not (typ == "AGREE" and t.pos_ in ("VERB", "ADJ") and light is None and not speech_verb
                             and any(c.dep_ == "xcomp" for c in t.children)):
                continue
            if typ in ("CONSULT", "COOPERATE") and not target and not multi:
                continue
            triggered_clauses.add(anchor.i)
            if speech_verb is not None:
                triggered_clauses.add(speech_verb.i)
            date = self.date_for(anchor, sent, [speech_verb] if speech_verb is not None else [],
                                 noun=t if t is not anchor else None) or self._dated_act(anchor)
            background = self._is_background(anchor, sent)
            clause = _clause_text(anchor)
            attribution = None
            if speaker and speaker != source:
                attribution = _describe(speaker)
            conf = 0.55 + (0.15 if target else 0) + (0.1 if t.pos_ == "VERB" else 0) - (0.1 if background else 0)
            if typ == "CONSULT" and mode is None:
                mode = self._consult_mode(t, anchor)
            groups = [target]
            if typ == "CONSULT" and len({a.country for a in target}) > 1 and light is not None and \
                    ((t.tag_ == "NNS" and t.lemma_ == "meeting") or any(c.lower_ == "bilateral" for c in t.children)):
                groups = [[a] for a in target]  # "bilateral meetings with Iran, Bulgaria, ...": one each
            for tgt in groups:
                out.append(Candidate(type=typ, cameo=cameo, mode=mode, source=source, target=tgt, trigger=t.i,
                                     sentence=sent, date=date, location=location,
                                     issues=issues_in(clause), attribution=attribution,
                                     confidence=min(conf, 0.95), background=background))
            idx.remember(t.i, source)
            self.type_sources[typ] = list(source)
        out.extend(self._statements(sent, frames, triggered_clauses))
        # remember subjects for pronouns even where no event was found
        for t in self._toks(sent):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
                actors = idx.actors_for(t)
                if actors:
                    idx.remember(t.i, actors)
        return out

    def _received(self, verb: Token, subject: list[Actor], speaker) -> tuple | None:
        """'X received weapons from Y': Y gives, X is the recipient."""
        what = {_quantity_head(c).lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "received assurances from X"
        givers = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for o in c.children if o.dep_ == "pobj"]
        if not givers or not what:
            return None
        giver = [a for o in givers for a in self.index.actors_for(o, speaker=speaker)]
        if not giver:
            return None
        for words, spec in _RECEIVED.items():
            if what & words:
                typ, cameo, mode = spec
                return typ, cameo, mode, giver, list(subject)
        return None

    def _attack_noun_agent(self, verb: Token) -> bool:
        """The clause's agent is an attack, not an attacker: "a bombing killed", "killed by a device"."""
        for c in verb.children:
            if c.dep_ in ("nsubj",) and c.lemma_.lower() in _ATTACK_NOUNS:
                return True
            if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in"):
                if any(o.lemma_.lower() in _ATTACK_NOUNS for o in c.children if o.dep_ == "pobj"):
                    return True
        return False

    def _is_future(self, verb: Token) -> bool:
        h = verb
        while h.dep_ in ("dobj", "pobj", "prep") and h.head is not h:
            h = h.head
        return any(c.dep_ == "aux" and c.lower_ in FUTURE | {"would"} for c in h.children)

    def _passive(self, verb: Token, subj: Token | None, subject_actors: list[Actor],
                 speaker: list[Actor] | None, typ: str = "") -> tuple[list[Actor], list[Actor]]:
        """Source and target of a passive clause."""
        idx = self.index
        target = subject_actors
        if subj is not None and subj.lower_ == "it":
            # "It has been formally requested that U.S. authorities conduct ...": the demand
            # is addressed to the subject of the complement clause
            target = []
            for c in verb.children:
                if c.dep_ == "ccomp":
                    for s in c.children:
                        if s.dep_ in ("nsubj", "nsubjpass"):
                            target = idx.actors_for(s, speaker=speaker, allow_unknown=True)
        source: list[Actor] = []
        # "were detained and later released by police": the agent serves both verbs
        shared = [v for v in ([verb.head] if verb.dep_ == "conj" else []) + list(verb.conjuncts)
                  if v.tag_ == "VBN"]
        for c in [c for v in [verb] + shared for c in v.children if c.dep_ == "agent"][:1]:
            for o in c.children:
                if o.dep_ == "pobj":
                    source = idx.actors_for(o, speaker=speaker)
                    if not source and o.lemma_.lower() in _WEAPONS:
                        # "by a missile believed to be fired by rebels": whoever used the weapon
                        for x in o.subtree:
                            if x.dep_ == "pobj" and x.head.dep_ == "agent" and x.i != o.i:
                                source = idx.actors_for(x, speaker=speaker)
                                break
        for c in verb.children:
            # "was summoned to the Ministry of Foreign Affairs of Turkey": the summoner
            if not source and c.dep_ == "prep" and c.lower_ == "to" and lemma(verb) == "summon":
                for o in c.children:
                    if o.dep_ == "pobj":
                        source = idx.actors_for(o, speaker=speaker) or self._noun_owner(o)
        material = typ in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST")
        if not source and material:
            # "were killed in Israeli tank shelling": the attack named by its country
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "by"):
                    for o in c.children:
                        if o.dep_ == "pobj" and o.lemma_.lower() in _AGENTIVE_EVENTS | {"shelling", "bombing", "raid"}:
                            code, _ = idx._modifier_country(o)
                            if code:
                                source = [Actor(kind="state", country=code)]
            # "a mortar bomb was fired at it from the Gaza Strip": where the attack came from
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            code = _place_country(o, idx)
                            if code:
                                source = [Actor(kind="state", country=code)]
            # the target of a passive hostile act is the subject, or "at X"
            if not target:
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("at", "on", "against"):
                        for o in c.children:
                            if o.dep_ == "pobj":
                                target = idx.actors_for(o, speaker=speaker)
        # the passive subject of a hostile act may be a thing: it targets whom the thing belongs
        # to ("a camp for Congolese refugees was attacked")
        if material and subj is not None and not any(a.country for a in target):
            owners = [o for c in subj.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                      for o in c.children if o.dep_ == "pobj"]
            for o in owners:
                found = [a for a in idx.actors_for(o, speaker=speaker, allow_unknown=True) if a.country]
                if found:
                    target = found
                    break
        if not source and speaker and not material:
            source = list(speaker)
        if not source and self.type_sources.get(typ):
            source = list(self.type_sources[typ])  # "Taliban members were sanctioned": by whoever sanctioned before
        if not source and not material:
            # no agent named: the government that acted last in this article ("it has been requested");
            # never for violence, whose unnamed agent is unknown
            for _, a in reversed(idx.history):
                if a.kind in ("state", "organization") and a.sector in ("GOV", None) and a.country \
                        and not any(a.country == x.country for x in target):
                    source = [a]
                    break
        return source, target

    def _obligation_demand(self, verb: Token, speaker: list[Actor]) -> list[Actor] | None:
        """'Russia said Sudan must return the helicopter': a demand addressed to Sudan."""
        sub = _obligation_clause_subject(verb)
        if sub is None:
            return None
        target = [a for a in self.index.actors_for(sub, speaker=speaker) if a.country]
        if not target or _same_countries(target, speaker):
            return None
        return target

    def _pair_parties(self, noun: Token) -> list[Actor]:
        """The states a noun names as its parties in its own modifiers: "the Japan-China summit",
        "the Qatari-Saudi Coordination Council meeting", "the India-China border clash". A planned
        or possible one is no event."""
        if any(c.lower_ in _NOT_YET for c in noun.lefts):
            return []
        codes: list[str] = []
        for c in noun.lefts:
            if c.dep_ not in ("compound", "amod", "nmod"):
                continue
            for x in c.subtree:
                place = self.index.place_at.get(x.i)
                if place is not None and place.kind in ("country", "capital", "demonym") and place.code not in codes:
                    codes.append(place.code)
        return [Actor(kind="state", country=c) for c in codes]

    def _scene_participants(self, noun: Token, speaker) -> tuple[list[Actor], list[Actor]]:
        """'In a phone call with X, Qin said', 'at a meeting' after 'Xi and Kishida reaffirmed'."""
        idx = self.index
        pair = self._pair_parties(noun)
        if len(pair) >= 2:
            return pair, []
        owner = [c for c in noun.children if c.dep_ == "poss"]
        source = idx.actors_for(owner[0], speaker=speaker) if owner else []
        if not source:
            verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
            source, _, _ = self.subject_of(verb, speaker)
        if not source and speaker:
            source = list(speaker)
        target: list[Actor] = []
        preps = ("with", "between", "to") + (("against",) if noun.lemma_.lower() in _PROTEST_NOUNS else ())
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "against":
                for o in c.children:
                    if o.dep_ == "pobj":
                        target.extend(a for a in idx.actors_for(o, speaker=speaker) if a not in source)
                        for m in o.children:  # "riots against Israeli policies"
                            place = idx.place_at.get(m.i)
                            if m.dep_ in ("amod", "compound", "poss") and place is not None and place.kind != "city":
                                target.append(Actor(kind="state", country=place.code))
                continue
            if c.dep_ == "prep" and c.lower_ in preps:
                for o in c.children:
                    if o.dep_ == "pobj":
                        target.extend(a for a in idx.actors_for(o, speaker=speaker) if a not in source)
                        if not target and c.lower_ == "to" and noun.lemma_ in ("visit", "trip", "tour"):
                            code = _place_country(o, idx)  # "a visit to Beirut"
                            if code:
                                target.append(Actor(kind="state", country=code))
        if not target and noun.lemma_ in ("visit", "trip", "tour"):
            verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
            loc = location_of(verb, idx.place_at)  # "arrived in Amman on a visit"
            if loc is not None and loc.country and loc.country not in {a.country for a in source}:
                target.append(Actor(kind="state", country=loc.country))
        return source, target

    def _consult_mode(self, t: Token, anchor: Token) -> str | None:
        words = {x.lower_ for x in anchor.subtree} | {t.lower_}
        if words & {"phone", "telephone", "call", "video", "virtual"}:
            return "phone"
        if words & {"sidelines", "summit"}:
            return "multilateral"
        if lemma(t) in ("visit", "host", "receive"):
            return "visit"
        return None

    def _is_background(self, anchor: Token, sent: Span) -> bool:
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in anchor.children):
            return True
        if anchor.dep_ == "relcl" and anchor.tag_ == "VBD" and \
                any(x.dep_ == "dobj" and x.tag_ in ("WDT", "WP") for x in anchor.children):
            return True  # "its ban, which China imposed after ...": told in passing
        first = sent[0].lower_ if len(sent) else ""
        return first in ("earlier", "previously", "before", "last", "formerly")

    def _statements(self, sent: Span, frames, triggered: set[int]) -> list[Candidate]:
        """Reported clauses with no trigger: negative judgements are ACCUSE of the speaker."""
        out = []
        seen_verbs = set()
        for i, (speaker, verb) in frames.items():
            if verb.i in seen_verbs or verb.i in triggered:
                continue
            seen_verbs.add(verb.i)
            clause = [x for x in sent if frames.get(x.i, (None, None))[1] is verb]
            if any(x.i in triggered for x in clause):
                continue
            demand = self._obligation_demand(verb, speaker)
            if demand is not None:
                date = self.date_for(verb, sent, [])
                out.append(Candidate(type="REQUEST", cameo="100", mode=None, source=list(speaker), target=demand,
                                     trigger=verb.i, sentence=sent, date=date,
                                     issues=issues_in(" ".join(x.text for x in clause)), confidence=0.5))
                continue
            judged = [x for x in clause if x.lemma_.lower() in NEGATIVE_JUDGEMENT
                      and not any(c.dep_ == "neg" for c in list(x.children) + list(x.head.children))
                      and not (x.i > 0 and x.doc[x.i - 1].lower_ in ("not", "no"))
                      and not (x.i > 1 and x.doc[x.i - 2].lower_ in ("not", "no"))]
            if not judged:
                continue
            target = []
            for x in clause:
                if x.dep_ in ("compound",):
                    continue
                for a in self.index.actors_for(x, speaker=speaker):
                    if a.country and not any(a.country == s.country for s in speaker) and a not in target:
                        target.append(a)
                if target:
                    break
            if not target or not any(a.country for a in speaker):
                continue
            date = self.date_for(verb, sent, [])
            text = " ".join(x.text for x in clause)
            out.append(Candidate(type="ACCUSE", cameo="111", mode=None, source=list(speaker), target=target,
                                 trigger=verb.i, sentence=sent, date=date, issues=issues_in(text),
                                 confidence=0.5))
        return out


_CLAUSE_BREAKS = {"advcl", "relcl", "ccomp", "acl", "parataxis", "csubj", "nsubj", "nsubjpass"}


def _existential_participle(t: Token) -> bool:
    """'There were ten soldiers killed': a participle on the noun of an existential 'there be'."""
    if t.dep_ != "acl" or t.tag_ != "VBN" or t.head.dep_ != "attr":
        return False
    be = t.head.head
    return lemma(be) == "be" and any(c.dep_ == "expl" for c in be.children)


def _reported_clause(verb: Token) -> bool:
    """A clause the text reports as news, not one that describes a noun or a place
    ("where 28 people have been killed", "victims killed by ...")."""
    return verb.dep_ in ("ROOT", "conj", "ccomp", "parataxis") or _existential_participle(verb)


def _is_passive_conj(verb: Token) -> bool:
    """A participle joined to a passive verb shares its auxiliary: "were detained and released"."""
    return verb.tag_ == "VBN" and (any(c.dep_ == "auxpass" for c in verb.children) or
                                   any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children))


# weapons and killing: a crowd that uses them attacks (ASSAULT), it does not riot
_ARMED_ACTS = {"launch", "fire", "shoot", "shell", "bomb", "kill", "stab", "detonate", "missile", "rocket",
               "mortar", "grenade", "gun", "shot", "explosive"}
_CROWD_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd"}


def _is_crowd(a: Actor) -> bool:
    """Protesters, rioters, a mob: the role's head noun names a crowd."""
    if a.kind != "group" or not a.role:
        return False
    head = a.role.split()[-1].lower()
    return head in _CROWD_NOUNS or head.rstrip("s") in _CROWD_NOUNS


def _own_clause(h: Token, exclude: set[int]) -> list[Token]:
    """Tokens of h's clause, without embedded clauses and without the subject."""
    out = []
    stack = [c for c in h.children]
    while stack:
        x = stack.pop()
        if x.i in exclude or x.dep_ in _CLAUSE_BREAKS or (x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")):
            continue
        out.append(x)
        stack.extend(x.children)
    return sorted(out, key=lambda x: x.i)


_PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "CONSULT", "AID", "CONCEDE", "RETREAT"}


def _place_country(t: Token, idx) -> str | None:
    """Country of a place noun phrase: "Syria's second city Aleppo", "the city of Nablus", "the US capital".
    Only the noun, its modifiers and its "of" chain count: "a stronghold on the Thai border" is not Thai."""
    near = [t]
    frontier = [t]
    while frontier:
        h = frontier.pop()
        for c in h.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "appos"):
                near.extend(c.subtree)
            elif c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and h.lemma_.lower() in _PLACE_HEADS)):
                for o in c.children:
                    if o.dep_ == "pobj":
                        near.append(o)
                        frontier.append(o)
    for x in [t] + sorted((y for y in near if y.i != t.i), key=lambda y: y.i):
        place = idx.place_at.get(x.i)
        if place is not None and place.kind in ("country", "capital", "city", "demonym"):
            if x.i != t.i and x.head.dep_ == "prep" and x.head.lower_ not in ("of",):
                continue
            if place.kind == "demonym" and x.i > 0 and x.doc[x.i - 1].lower_ == "ethnic":
                continue  # "ethnic Albanians" are not Albania
            return place.code
    return None


_DATE_RE = __import__("re").compile(
    r"\b(?:" + dates_mod._MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d\d)?"
    r"|\d{1,2}\s+" + dates_mod._MONTH_NAME + r"(?:\s+(?:1[89]|20)\d\d)?)\b", __import__("re").I)

_DOMESTIC_TYPES = {"THREATEN", "COERCE", "SANCTION", "REQUEST", "REJECT", "CONCEDE"}
_PROTEST_PURPOSE = {"protest", "demonstrate", "demand", "press"}
# nouns that name an act, and the act's verb: "the 2020 killing of X" is when X was killed
_DEVERBAL = {"killing": "kill", "assassination": "assassinate", "murder": "murder", "invasion": "invade",
             "annexation": "annex", "bombing": "bomb", "arrest": "arrest", "detention": "detain",
             "execution": "execute", "abduction": "abduct", "kidnapping": "kidnap", "expulsion": "expel",
             "occupation": "occupy", "seizure": "seize", "capture": "capture"}
_DEMAND_NOUNS = {"demand", "request", "call", "appeal", "insistence", "ultimatum", "plea"}
_EXERCISES = {"drill", "exercise", "maneuver", "manoeuvre", "game", "wargame"}
_ARRANGEMENTS = {"plan", "preparation", "arrangement", "date", "schedule"}
_MUTUAL_FIGHTS = {"clash", "fight", "skirmish", "battle", "scuffle", "brawl", "exchange"}
_WEAPONS = {"missile", "rocket", "bomb", "shell", "mortar", "grenade", "drone", "device", "mine", "torpedo", "bullet"}
_ATTACK_NOUNS = {"bombing", "bomb", "explosion", "blast", "device", "attack", "mine", "minefield", "ambush",
                 "shelling", "rocket", "mortar", "gunfire", "shooting"}
_HOSTILE_INTENT = {"fight", "attack", "retaliate", "avenge", "destroy", "kill", "crush", "punish", "strike", "hit",
                   "invade", "bomb", "wipe", "eliminate", "respond"}
_MODAL_NOUNS = {"decision", "plan", "offer", "proposal", "attempt", "bid", "effort", "call", "demand", "request",
                "promise", "pledge", "threat", "willingness", "intention", "right", "need", "chance", "opportunity",
                "readiness", "will", "ability", "failure", "refusal", "move", "invitation", "order", "agreement",
                "deal", "push", "drive", "campaign", "initiative", "vow", "commitment", "appeal", "ultimatum"}
_WISH_VERBS = {"want", "wish", "hope", "expect", "like", "prefer", "need", "urge", "ask"}
_GENERIC_EVENT_NOUNS = {"effort", "efforts", "mission", "initiative", "bid", "campaign", "process", "operation",
                        "session", "visit", "trip", "tour"}

_QUANTITY = {"thousands", "hundreds", "dozens", "scores", "millions", "group", "crowd", "number", "some", "many",
             "several", "most", "few", "members", "team", "series", "round", "rounds", "days", "weeks", "tons", "tonnes",
             "kg", "kilograms", "worth", "batch", "shipment", "consignment", "wave", "spate", "couple", "pair",
             "state", "part", "parts", "portion", "package", "packages", "raft", "set"}


def _quantity_head(t: Token) -> Token:
    """'Thousands of protesters', 'a group of Moroccan diplomats': the actor is after 'of'."""
    if t.lower_ in _QUANTITY or t.pos_ == "NUM":
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
    return t


def _obligation_clause_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("ccomp",):
            auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
            if auxes & OBLIGATION or (c.lemma_ in ("have", "need") and any(x.dep_ == "xcomp" for x in c.children)):
                for sub in c.children:
                    if sub.dep_ in ("nsubj", "nsubjpass"):
                        return sub
    return None


def _is_state_speaker(speaker: list[Actor]) -> bool:
    """Governments and their officials, not media, medics or witnesses."""
    return any(a.kind in ("state", "igo") or (a.sector in ("GOV", "MIL") and a.kind in ("person", "organization"))
               for a in speaker)


# noun events whose parties a compound may name ("the Japan-China summit", "the India-China clash")
_PAIR_NOUN_TYPES = {"CONSULT", "ASSAULT", "COOPERATE"}
_NOT_YET = {"planned", "proposed", "upcoming", "possible", "potential", "future", "next", "expected", "likely",
            "prospective", "mooted", "scheduled"}
_PROTEST_NOUNS = {"demonstration", "protest", "rally", "march", "strike", "sit-in", "riot", "boycott"}
_PROTEST_VERBS = {"march", "demonstrate", "rally", "riot", "block", "protest", "picket", "strike", "gather",
                  "converge", "chant", "boycott", "blockade"}


def _is_protest_act(verb: Token) -> bool:
    if lemma(verb) in _PROTEST_VERBS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_NOUNS for c in verb.children)


def _co_actors(verb: Token) -> list[Token]:
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


_RECEIVED = {
    frozenset({"aid", "assistance", "weapon", "arm", "money", "loan", "grant", "fund", "supply", "equipment", "help"}): ("AID", "070", None),
    frozenset({"assurance", "pledge", "promise", "guarantee", "offer"}): ("AGREE", "030", None),
    frozenset({"support", "backing", "praise", "endorsement", "recognition"}): ("SUPPORT", "051", None),
    frozenset({"minister", "delegation", "envoy", "official", "visitor", "president"}): ("CONSULT", "043", "visit"),
}
_RESTRICTIONS = {"restriction", "ban", "curfew", "sanction", "embargo", "blockade", "measure", "rule", "law", "order", "limit"}
_CONCESSION_OBJECTS = {"accept": {"demand", "request", "condition", "term"}, "meet": {"demand"}, "grant": {"demand", "request"},
                       "heed": {"demand", "call"}, "cancel": _RESTRICTIONS, "revoke": _RESTRICTIONS,
                       "scrap": _RESTRICTIONS, "drop": _RESTRICTIONS | {"charge"}, "end": _RESTRICTIONS, "lift": _RESTRICTIONS}


def _object_lemmas(verb: Token) -> set[str]:
    return {_quantity_head(c).lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}


def _one_per_igo(actors: list[Actor]) -> list[Actor]:
    """'The International Labor Office (ILO)': one organisation named twice is one actor."""
    seen, out = set(), []
    for a in actors:
        if a.kind == "igo":
            if a.country in seen:
                continue
            seen.add(a.country)
        out.append(a)
    return out


def _with_country(a: Actor, country: str) -> Actor:
    """The actor placed in a country the text implies; a named NGO or transnational group stays without one."""
    from dataclasses import replace

    return a if is_stateless(a) else replace(a, country=country)


def _purpose_is_exercise(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            if any(x.lemma_.lower() in ("exercise", "drill", "training", "maneuver", "manoeuvre") for x in c.subtree):
                return True
    return False


def _same_countries(a: list[Actor], b: list[Actor]) -> bool:
    return bool({x.country for x in a if x.country} & {x.country for x in b if x.country})


def _describe(actors: list[Actor]) -> str:
    a = actors[0]
    return a.name or a.role or a.country or ""


def _clause_text(t: Token) -> str:
    sub = list(t.subtree)
    head = t
    if t.dep_ in ("dobj", "pobj") and t.head is not t:
        head = t.head
        sub = list(head.subtree)
    return " ".join(x.text for x in sub)


def read_document(doc: Doc, index: ActorIndex, published: str | None) -> list[Candidate]:
    reader = SentenceReader(index, published)
    out: list[Candidate] = []
    for sent in doc.sents:
        out.extend(reader.read(sent))
    return out
