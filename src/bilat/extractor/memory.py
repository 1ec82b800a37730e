"""What one sentence tells the next, in one object, passed explicitly.

* ``subjects``: (token index, actor) of resolved subjects and event sources, in text order.
  It is the list the actor resolver reads to resolve pronouns ("it", "he"): ``ActorIndex``
  holds it as ``history``; the extractor adds to it only through ``remember``.
* ``type_sources``: the last source of each event type ("Taliban members were sanctioned":
  by whoever sanctioned before).
* ``dated_acts``: acts the text named with their date ("the 2020 killing of X").
* ``meeting``: the parties of the last meeting told of ("the meeting called for ...").
* ``previous_speakers``: who spoke in the sentence before (reported speech runs on).
* ``sentences``: the article's sentences, for rules that look at the ones beside the current one
  (who a quotation is attributed to).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import pycountry
from spacy.tokens import Span

from ..actors import ActorIndex, dictionary_name
from ..dates import DateValue
from ..model import Actor, EventType
from ..nlp import gazetteer_entries
from .words import DEVERBAL, REFERRED_DEEDS, TITLE_ROLE_WORDS


@dataclass(frozen=True)
class ActDone:
    """An act the text told of: in which sentence, by whom, named by which word, of which type."""
    start: int  # the sentence's first token
    doers: tuple[Actor, ...]
    word: str  # the trigger's lemma: "conducted a nuclear test" -> "test", "applied to join" -> "apply"
    type: EventType
    targets: tuple[Actor, ...] = ()
    #: the noun a trigger noun is the content of: "adopted a package of sanctions" -> "package"
    holder: str = ""


# Acts that only comment on another's act: "the move" or "the decision" a later reaction names is
# never one of these ("expressed regret over the decision. Israel welcomed the move": the decision's)
COMMENTS = frozenset({EventType.ACCUSE, EventType.REQUEST, EventType.CONCEDE})


def names_act(noun: str, word: str) -> bool:
    """Does ``noun`` name the act a trigger ``word`` told of? "the test" a test, "the applications" an
    application ("applied"), "the seizure" a seizure ("seized"): the same word, or the verb's stem
    with at most its last letter changed."""
    if noun == word or DEVERBAL.get(noun) == word:
        return True
    stem = len(os.path.commonprefix([noun, word]))
    return stem >= 4 and stem >= len(word) - 1


@dataclass
class DocumentMemory:
    subjects: list[tuple[int, Actor]]
    type_sources: dict[EventType, list[Actor]] = field(default_factory=dict)
    dated_acts: dict[tuple[str, str], DateValue] = field(default_factory=dict)
    _index: ActorIndex | None = None
    _sentences: list[Span] | None = None
    #: who speaks where the text says "I" or "we" outside any quotation: the person a transcript's
    #: or statement's title names ("Press Conference by PM X"), if any
    voice: list[Actor] = field(default_factory=list)
    #: the parties of the last meeting the text told of, even one with no counterpart ("ASEAN
    #: ministers held a meeting"): who "the meeting" means when it speaks
    meeting: list[Actor] = field(default_factory=list)
    #: who did the acts the text told of, the latest last ("India welcomed the announcement": Pakistan's,
    #: though India's own strike was told after it)
    acts_done: list[ActDone] = field(default_factory=list)
    #: the named people who spoke in the sentence before this one ("Wang said ... . China is ready
    #: to ...": the next sentence goes on with what he said)
    previous_speakers: list[Actor] = field(default_factory=list)

    @classmethod
    def for_index(cls, index: ActorIndex, title: str | None = None, url: str | None = None) -> "DocumentMemory":
        # (a statement reprinted under a headline keeps its own title as its first line)
        return cls(subjects=index.history, _index=index,
                   voice=title_voice(title, index, url) or title_voice(_first_line(index), index, url))

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = list(self._index.doc.sents)
        return self._sentences

    def remember(self, i: int, actors: list[Actor]) -> None:
        """Actors that acted at token ``i`` (for pronouns in later clauses)."""
        self._index.remember(i, actors)

    def remember_event(self, trigger: int, typ: EventType, source: list[Actor], partners=()) -> None:
        """An event's source acted at its trigger; so did its partners in a joint act (a meeting's
        other side), who are not the type's last source."""
        self.remember(trigger, list(source) + [a for a in partners if a not in source])
        self.type_sources[typ] = list(source)

    def last_doers(self, not_of: set[str | None], before: int, deeds_only: bool = False) -> list[Actor]:
        """The doers of the latest act told in a sentence before token ``before`` whose doers are not
        (all) of ``not_of``'s countries; with ``deeds_only``, an act that is no comment on another."""
        return self._doers(not_of, before, lambda act: not (deeds_only and act.type in COMMENTS))

    def doers_of(self, noun: str, not_of: set[str | None], before: int, deeds: bool = False) -> list[Actor]:
        """The doers of the latest act told before token ``before`` that ``noun`` names ("opposed the
        test": whoever tested), other than ``not_of``'s countries; with ``deeds``, a deed noun ("the
        decision") names the latest deed."""
        named = self._doers(not_of, before, lambda act: names_act(noun, act.word) or noun == act.holder)
        if named or not (deeds and noun in REFERRED_DEEDS):
            return named
        return self.last_doers(not_of, before, deeds_only=True)

    def _doers(self, not_of: set[str | None], before: int, wanted) -> list[Actor]:
        for act in reversed(self.acts_done):
            if act.start >= before or not wanted(act):
                continue
            foreign = [a for a in act.doers if a.country and a.country not in not_of]
            if foreign:
                return foreign
        return []

    def doers_of_types(self, types: set[EventType], not_of: set[str | None], before: int) -> list[Actor]:
        """The doers of the latest act of one of ``types`` told before token ``before``, other than
        ``not_of``'s countries ("said the raid was a violation": the last to attack or coerce)."""
        return self._doers(not_of, before, lambda act: act.type in types)

    def last_accused(self, nouns: set[str], before: int) -> list[Actor]:
        """Whom the latest accusation told before token ``before`` in a sentence naming one of ``nouns``
        was aimed at ("Iran condemned the Israeli strike ... . Syria also denounced the strike": the
        attacker the first reaction named)."""
        for act in reversed(self.acts_done):
            if act.start < before and act.type == EventType.ACCUSE and act.targets \
                    and any(t.lemma_.lower() in nouns for t in self._index.doc[act.start].sent):
                return list(act.targets)
        return []

    def addressed_by(self, names: set[str], since: int, types: frozenset[EventType]) -> list[Actor]:
        """Whom the named speaker last addressed a statement of ``types`` to, in a sentence from token
        ``since`` on ("Zakharova blasted the EU ... . 'Each step will be answered,' Zakharova warned")."""
        for act in reversed(self.acts_done):
            if act.start < since:
                break
            if act.type in types and act.targets and names & {a.name for a in act.doers if a.name}:
                return list(act.targets)
        return []

    def last_source(self, typ: EventType) -> list[Actor] | None:
        return self.type_sources.get(typ)

    def last_government(self, not_of: list[Actor]) -> Actor | None:
        """The government that acted last in the article, other than ``not_of``'s countries."""
        for _, a in reversed(self.subjects):
            if a.kind in ("state", "organization") and a.sector in ("GOV", None) and a.country \
                    and not any(a.country == x.country for x in not_of):
                return a
        return None

    def note_dated_act(self, verb: str, key: str, value: DateValue) -> None:
        self.dated_acts.setdefault((verb, key), value)

    def dated_act(self, verb: str, key: str) -> DateValue | None:
        return self.dated_acts.get((verb, key))


# "Press Conference by PM Takaichi Sanae regarding ...", "Transcript of the Press Briefing by Spokesperson
# on Friday", "Statement by the Minister of Foreign Affairs": who a first-person text is by
_TITLE_BY_TEMPLATE = (r"\b(?:conference|briefing|statement|remarks|speech|address|interview|message|readout|"
                      r"transcript|op-ed|article)\b.*?\b{}\s+(?:the\s+)?(?:H\.?E\.?\s+)?(.+?)"
                      r"(?:\s+(?:regarding|on|about|at|in|following|after|during|to|for)\b.*)?$")
# "by the Spokesperson" first; failing that, "Regular press conference of MOFA Spokesperson"
_TITLE_BY = [re.compile(_TITLE_BY_TEMPLATE.format(w), re.I) for w in ("by", "of")]


#: the words of a body's title that name no one ("the Chair of the ASEAN Foreign Ministers' Retreat")
_BODY_WORDS = frozenset({"chair", "chairman", "chairperson", "presidency", "ministers", "leaders", "heads", "retreat",
                         "meeting", "summit", "council", "secretariat", "commission", "members", "states", "governments"})
_HONORIFICS = frozenset({"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "h.e.", "h.e", "excellency", "his", "her"})


def title_voice(title: str | None, index: ActorIndex, url: str | None = None) -> list[Actor]:
    """The speaker a title names (spec §4: a statement is an event of its speaker): a person the
    text names too, else the words of the title as a role or name, of the country the title names,
    the questions ask, the government site that published it, or the story's lead country."""
    m = next((m for r in _TITLE_BY if (m := r.search(title or ""))), None) or _TITLE_OWN.search(title or "")
    if not m:
        return []
    # "by H.E. Mr. Shehbaz Sharif, Prime Minister of Pakistan,": the words without their commas or honorifics
    words = [w.strip(",;:") for w in m.group(1).split() if w.lower().strip(",") not in _HONORIFICS]
    places = _title_places()
    # ("... of Viet Nam", "... of the United Kingdom": a name of two words too)
    country = next((places[w] for w in words + [" ".join(p) for p in zip(words, words[1:])] if w in places), None)
    # "Joint Statement of the G7 Foreign Ministers", "Statement by the EU Spokesperson": a body's voice
    igo = next((code for form, code in _title_igos() if re.search(r"(?<!\w)%s(?!\w)" % re.escape(form), m.group(1))),
               None)
    country = country or igo
    role = [w for w in words if w.lower().strip(".") in TITLE_ROLE_WORDS]
    in_place = {x for pair in zip(words, words[1:]) if " ".join(pair) in places for x in pair}
    name = [w for w in words if w not in role and w not in places and w not in in_place and w[:1].isupper()]
    parts = {w.lower() for w in name}
    for p in index.people:
        if parts and parts & set(p.tokens):
            a = p.actor()
            # "Chinese Foreign Ministry Spokesperson Mao Ning's Regular Press Conference": a person the
            # text gives no country is of the country the title names
            country = country or publisher_state(url)  # "Spokesperson Mao Ning's ...", on fmprc.gov.cn
            return [a if a.country or not country else replace(a, country=country, sector=a.sector or "GOV")]
    if not role and not name:
        # "excerpts from Ghana's address", "Statement by Japan": the state (or body) itself speaks, by the mouth of
        # its official the text names first ("Ghana's Minister for Foreign Affairs, Kwabena Asante-Mensah, addressed")
        official = next((p for p in index.people if country and p.country == country and p.role and not p.inferred), None)
        if official is not None:
            return [official.actor()]
        return [Actor(kind="igo" if country.startswith("IGO:") else "state", country=country)] if country else []
    # "PM Takaichi Sanae": the name in its usual order where the people dictionary knows it
    full, listed_country = dictionary_name(" ".join(name)) if name else (None, None)
    body_words = {w for form, code in _title_igos() if code == igo for w in form.split()} if igo else set()
    if igo and country == igo and all(w in body_words or w.lower().rstrip("'’") in _BODY_WORDS for w in name):
        # "Press Statement by the Chair of the ASEAN Foreign Ministers' Retreat": the body speaks, not a
        # person named by the rest of its words
        return [Actor(kind="igo", country=igo)]
    country = country or listed_country or asked_country(index) or publisher_state(url) or index.lead_country
    return [Actor(name=full, kind="person", country=country, sector="GOV",
                  role=" ".join(role) or None)]


#: the host labels of government sites ("www.fmprc.gov.cn", "mofa.gov.pk", "mid.ru", "www.mofa.go.jp")
_GOV_LABELS = frozenset({"gov", "go", "gob", "gouv", "govt", "gv", "gc", "mofa", "mfa", "mid", "fmprc", "mea", "mofat",
                         "dfa", "kremlin", "auswaertiges-amt", "esteri"})
#: country-code domains that are not the ISO code
_CC_DOMAINS = {"uk": "GBR"}


def publisher_state(url: str | None) -> str | None:
    """The state whose government site published the text: a transcript's or statement's speaker
    speaks for it ("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference" on fmprc.gov.cn)."""
    labels = (urlsplit(url or "").hostname or "").lower().split(".")
    if labels[-2:] in (["state", "gov"], ["whitehouse", "gov"]):
        return "USA"
    if len(labels) < 2 or len(labels[-1]) != 2 or not _GOV_LABELS & set(labels[:-1]):
        return None
    return _CC_DOMAINS.get(labels[-1]) or getattr(pycountry.countries.get(alpha_2=labels[-1].upper()), "alpha_3", None)


# "What is China's response?", "Does China have any comment?": whose answer a transcript's question asks for
_ASKED = re.compile(r"\b(?:what\s+is|what's|what\s+are|how\s+does|does|will|would)\s+(\w+)(?:['’]s\s+(?:response|"
                    r"comment|position|reaction|view|stance|take)|\s+(?:have\s+any\s+(?:comment|response)|respond|"
                    r"view|comment))\b", re.I)


def asked_country(index: ActorIndex) -> str | None:
    """The country the questions of a transcript ask to answer: the voice of the answers (a title that
    names only "Foreign Ministry Spokesperson X" gives none)."""
    places = _title_places()
    asked = [places.get(m.group(1)) for sent in index.doc.sents if sent.text.rstrip().endswith("?")
             for m in _ASKED.finditer(sent.text)]
    asked = [c for c in asked if c]
    return max(set(asked), key=asked.count) if asked else None


# "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on May 16, 2024": the owner's form
_TITLE_OWN = re.compile(r"^(.+?)['’]s\s+(?:\w+\s+){0,2}(?:press\s+conference|conference|briefing|statement|remarks|"
                        r"speech|address|interview|message)\b", re.I)


@functools.lru_cache(maxsize=1)
def _title_igos() -> tuple[tuple[str, str], ...]:
    """IGO names and acronyms ("G7", "European Union") -> the IGO's code, longest first."""
    return tuple(sorted(((form, code) for form, code, kind in gazetteer_entries() if kind == "igo"),
                        key=lambda x: -len(x[0])))


@functools.lru_cache(maxsize=1)
def _title_places() -> dict[str, str]:
    """Country names and demonyms of one or two words ("Kenyan", "Japan", "Viet Nam") -> the country's code."""
    return {form: code for form, code, kind in gazetteer_entries()
            if kind in ("country", "demonym") and form.count(" ") < 2 and not code.startswith("IGO:")}


def _first_line(index: ActorIndex) -> str | None:
    """The text's first line where it is a heading (short, no full stop): "Press Statement by the Chair of ..."."""
    line = index.doc.text.lstrip().split("\n", 1)[0].strip()
    return line if 0 < len(line) <= 160 and not line.endswith(".") else None
