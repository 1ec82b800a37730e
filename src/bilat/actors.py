"""Actor mentions -> Actor records: people, states, organisations, IGOs, groups.

An ``ActorIndex`` is built once per parsed article. It registers every person with the
full name, role and country the text gives anywhere ("Chinese Foreign Minister Wang
Yi", "his Japanese counterpart Yoshimasa Hayashi", "Csaba Korosi, president of the
... United Nations General Assembly") so later short forms ("Wang", "Ms. Kamikawa",
"Qin") resolve to them. ``actors_for(token)`` then answers "who is this noun phrase":
a person, a state (names, demonyms, capitals used as metonyms: "Beijing said"), an
organisation of a state ("Egypt's foreign ministry"), an IGO, a group ("Egyptian
police", "protesters in London"), a compound ("China and Japan"), a pronoun resolved
to the last fitting actor, or "the two sides" resolved to the dyad in focus.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .model import Actor
from .nlp import TITLE_ABBREVIATIONS, Place, doc_text, gazetteer_entries, kingdoms, read_table, stateless_entries

TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "prof", "prof.", "gen", "gen.",
          "lt", "col", "sen", "sen.", "rep", "rep.", "sheikh", "president", "minister", "premier", "king",
          "queen", "prince", "chancellor", "ambassador", "secretary", "general", "envoy", "spokesman",
          "spokeswoman", "spokesperson", "pope", "emir", "crown", "leader", "chairman", "governor", "mayor"}
ROLE_WORDS = {"foreign", "prime", "minister", "president", "vice", "deputy", "secretary", "general", "secretary-general",
              "ambassador", "envoy", "special", "spokesman", "spokeswoman", "spokesperson", "chancellor", "premier",
              "king", "queen", "emir", "leader", "defense", "defence", "interior", "trade", "finance", "economy",
              "state", "affairs", "external", "national", "security", "adviser", "advisor", "chief", "commander",
              "head", "chairman", "governor", "mayor", "senator", "lawmaker", "official", "diplomat", "representative",
              "counselor", "counsellor", "ministry", "spokesperson", "water", "energy", "information", "justice",
              "ambassador-designate", "top", "senior", "house", "white", "council", "of", "first", "supreme",
              "crown", "prince", "general-secretary", "negotiator", "delegate", "army", "military", "staff",
              "intelligence", "treasury", "department", "agency", "director", "cabinet", "culture", "health",
              "education", "environment", "agriculture", "industry", "commerce", "labor", "labour", "transport",
              "parliament", "speaker", "opposition", "party", "ministerial", "assistant", "under", "attorney",
              "homeland", "fm", "em", "pm", "aide", "presidential", "emissary", "undersecretary", "admiral", "policy"}
GROUP_DYAD = re.compile(r"^(?:the|both|all)\s+(?:(two|three|four|five)\s+)?(?:\w+\s+)?(sides|countries|nations|governments|"
                        r"ministers|leaders|neighbou?rs|states|parties|presidents|delegations|militaries|armies|"
                        r"forces|navies|men|women)$", re.I)
_LEADER_ROLES = {"president", "prime", "premier", "king", "emir", "amir", "chancellor", "leader", "sultan", "queen",
                 "monarch", "prince"}
# posts one person holds for a country at a time: a bare mention names the story's holder
_POSTS = {"ambassador", "envoy", "president", "premier", "chancellor", "king", "emir", "spokesman", "spokeswoman",
          "spokesperson", "consul"}
# the nouns that end a post's name before its "of" phrases ("Minister of Finance of Sri Lanka")
_POST_HEADS = _POSTS | {"minister", "secretary", "general", "secretary-general", "chairman", "chairwoman", "chair",
                        "chairperson", "commissioner", "director", "governor", "mayor", "head", "chief", "commander",
                        "representative", "leader"}
# words of an organisation's name, never of a person's ("the Ambassador to China Company")
_BODY_WORDS = {"company", "corporation", "bank", "ministry", "council", "group", "association", "university",
               "party", "agency", "committee", "commission", "office", "department", "embassy", "house", "fund"}
# the nouns of a post that end no person's name ("Diplomatic Adviser" is a post the tagger took for a name)
_POST_NOUNS = frozenset({"adviser", "advisor", "minister", "secretary", "secretary-general", "spokesman", "spokeswoman",
                         "spokesperson", "ambassador", "envoy", "ministry", "president", "chairman", "chairwoman",
                         "chairperson", "commissioner", "undersecretary", "director", "counsellor", "counselor", "premier"})
# titles of royalty and rank that stand before a name
_HONORIFIC_TITLES = {"princess", "prince", "king", "queen", "sheikh", "emir", "sultan", "crown", "ambassador", "envoy"}
# words that name a post, never part of a person's name
_NAME_ROLE_WORDS = {"chairperson", "chairwoman", "chairman", "chair", "commissioner", "president", "minister",
                    "secretary", "secretary-general", "ambassador", "envoy", "spokesman", "spokeswoman",
                    "spokesperson", "premier", "chancellor", "director", "governor", "mayor", "senator",
                    "vice-president", "deputy", "foreign", "prime", "general", "commander", "chief", "fm", "pm",
                    "head", "councillor", "councilor", "counsellor", "counselor"}
# what makes an "office" a government body rather than any office
_GOV_OFFICE_MODIFIERS = {"foreign", "cabinet", "presidential", "minister", "president", "home"}
# posts that, written in lower case, still stand right before a name (not the adjectives of posts:
# "foreign", "prime", "deputy")
_LOWER_CASE_POSTS = {"chairperson", "chairwoman", "chairman", "commissioner", "president", "minister",
                     "secretary-general", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
                     "premier", "chancellor", "commander"}
# short forms of posts, as headlines and wire copy write them ("The FM reiterated")
_ROLE_ABBREVIATIONS = {"fm": {"foreign", "minister"}, "pm": {"prime", "minister"}}
_GROUP_PEOPLE = {"leaders", "ministers", "presidents", "counterparts", "premiers", "diplomats", "envoys", "men", "women"}
#: people named only by sex ("the two men"): a pair only as the two who just acted together
_PEOPLE_ONLY = {"men", "women"}
#: the words for the two parties of a meeting as parties, not as states ("the two sides")
_MET_SIDES = {"sides", "parties", "delegations"}
#: modifiers that make "the ... group" a new one, not the group named before ("the opposition group")
_NOT_ANAPHORIC = {"opposition", "rival", "other", "second", "new", "another", "separate", "splinter", "same"}
_GROUP_N = {"two": 2, "three": 3, "four": 4, "five": 5}
_GROUP_HEADS = {"sides", "countries", "nations", "governments", "ministers", "leaders", "neighbours", "neighbors",
                "states", "parties", "presidents", "delegations", "militaries", "armies", "forces", "navies", "men", "women"}
GENERIC_IGO_NOUNS = {"council", "organization", "organisation", "alliance", "bloc", "union", "agency", "body",
                     "assembly", "commission", "court", "tribunal", "fund", "bank"}
_ABSTRACT = {"resolution", "report", "statement", "plan", "proposal", "decision", "policy", "law", "deal",
             "agreement", "move", "step", "measure", "bill", "document", "letter", "message", "call", "demand"}
#: people named by their relation to someone: "Japan's neighbours", "US allies" are not Japan or the US
_RELATIONAL = {"neighbor", "neighbour", "ally", "partner", "rival", "enemy", "adversary", "foe", "opponent", "critic"}
#: what "Western" qualifies as an actor ("Western sanctions", "Western governments"), as against a
#: place ("Western Sahara", "Western Europe": proper nouns) or a direction ("western Ukraine")
_WESTERN_HEADS = {"sanction", "country", "nation", "government", "power", "ally", "leader", "official", "diplomat",
                  "state", "capital", "partner", "pressure", "intervention", "embargo", "backer", "donor", "media",
                  "accusation", "criticism", "claim", "allegation", "demand", "threat", "interference", "aid"}
#: the present-tense verbs of a state's stated position, in its officials' words ("Vietnam requests ...")
_STANCE_VERBS = {"request", "demand", "urge", "oppose", "reject", "condemn", "welcome", "support", "call", "ask",
                 "affirm", "reaffirm", "reiterate", "insist", "hope", "protest", "deplore"}
_QUOTES = {'"', "“", "”", "«", "»"}
#: who visits: a guest is placed by where it is from, not where it is
_GUESTS = {"delegation", "envoy", "visitor", "guest", "mission", "emissary", "diplomat", "ambassador"}
#: things markets price, never actors: "the Dutch gas contract eased", "Chinese exports fell"
_MARKET = {"contract", "price", "index", "currency", "share", "stock", "bond", "yield", "market", "economy",
           "output", "inflation", "growth", "future", "futures"}
#: money named by its country: "one million US dollars in grant aid" (money, not the United States)
_CURRENCIES = {"dollar", "euro", "yuan", "renminbi", "pound", "yen", "rupee", "riyal", "dirham", "ruble", "rouble",
               "franc", "won", "peso", "rand", "naira", "shilling", "lira", "dinar", "taka", "ringgit", "baht",
               "rupiah", "kwacha", "cedi", "birr"}


def is_money(t: Token) -> bool:
    """A currency ("US dollars", "Chinese yuan"): its country's name makes it no place or party."""
    return t.pos_ == "NOUN" and t.lemma_.lower() in _CURRENCIES


_OWN_NOUNS = {"tie", "relation", "interest", "security", "position", "stance", "sovereignty", "cooperation", "partnership"}
#: the hyphens a name is written with, which the tokenizer sets apart ("Akufo-Addo", "Jae-in")
_HYPHENS = ("-", "\u2010", "\u2011")
#: letters NFKD does not take apart into a base letter and a mark
_UNMARKED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss"})


def fold(word: str) -> str:
    """A lower-case word without its accents, as English news often writes foreign names ("Guler" for
    "Güler", "Cavusoglu" for "Çavuşoğlu")."""
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.translate(_UNMARKED)) if not unicodedata.combining(ch))


#: what separates the parts of a name: spaces and those hyphens
_NAME_BREAKS = re.compile(r"[\s\-\u2010\u2011]+")
PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers"}
PRONOUNS_STATE = {"it", "its"}
#: plural nouns that name a pair of parties with "both" or "two" ("both countries", "the two sides")
_PAIR_NOUNS = frozenset({"country", "side", "party", "nation", "state", "government", "neighbour", "neighbor"})
PRONOUNS_PLURAL = {"they", "them", "their"}
PRONOUNS_SPEAKER = {"we", "us", "our", "i", "me", "my"}


@functools.lru_cache(maxsize=1)
def sector_table() -> dict[str, tuple[str, str]]:
    return {row["noun"]: (row["sector"], row["kind"]) for row in read_table("sectors.tsv")}


@functools.lru_cache(maxsize=1)
def _stateless_names() -> frozenset[str]:
    return frozenset(name for name, _, _ in stateless_entries().values())


def is_stateless(actor: Actor) -> bool:
    """A named organisation without a country (Amnesty International, al-Qaeda): still worth an
    event ("Amnesty accused ..."), though it has no code in the spec."""
    return actor.country is None and actor.kind in ("organization", "group") and actor.name in _stateless_names()


@functools.lru_cache(maxsize=1)
def leader_table() -> tuple[dict[tuple[str, ...], tuple[str, str, str]], dict[str, tuple[str, str, str]]]:
    """Full names (lower-case parts) -> (name, country, role), and surnames that name one leader only."""
    full: dict[tuple[str, ...], tuple[str, str, str]] = {}
    by_last: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_table("leaders.tsv"):
        # the parts a person's name has once its hyphens are set apart ("Moon Jae-in": moon, jae, in)
        # (accents aside: "Yasar Guler" is the table's "Yaşar Güler")
        parts = tuple(fold(p) for p in _NAME_BREAKS.split(row["name"].lower()) if p)
        entry = (row["name"], row["country"], row["role"])
        full[parts] = entry
        # a surname alone is the last word as written: "Ban Ki-moon" is no "Moon"
        by_last.setdefault(fold(row["name"].lower().split()[-1]), []).append(entry)
    unique = {k: v[0] for k, v in by_last.items() if len({(e[1]) for e in v}) == 1 and len(k) > 3}
    return full, unique


#: words of a post below the top one ("Deputy Foreign Minister", "Under-Secretary of State")
_DEPUTY_WORDS = {"deputy", "vice", "under", "under-secretary", "undersecretary", "assistant", "junior"}
#: verbs whose object is the other side's official ("summoned the Chinese envoy")
_FACING_VERBS = {"summon", "meet", "receive", "call", "host", "phone", "telephone"}
#: second halves of "Israeli-occupied", "Iranian-backed": the first half names who holds or backs
#: the thing, not the country it is of or in
_BACKING = {"occupied", "held", "controlled", "annexed", "backed", "sponsored", "supported", "funded", "armed"}
#: nouns whose possessor backs them: "Israel's militia ally" is not Israel
_ALLIES = {"ally", "proxy", "surrogate", "client"}


#: second halves of "Russian-made", "Soviet-era": the first half names a maker or a period, no
#: actor and no place of the text's events
_MAKERS = {"made", "built", "designed", "manufactured", "produced", "supplied", "era", "style"}


def the_west(t: Token) -> bool:
    """'the West', 'Western sanctions': the United States and the European Union together, as the dev
    gold codes them (IGO:EU and USA), not 'the West Bank', 'West Africa' or 'western Ukraine'."""
    doc = t.doc
    if t.text == "West" and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.dep_ != "compound" \
            and not (t.i + 1 < len(doc) and (doc[t.i + 1].pos_ == "PROPN" or doc[t.i + 1].is_title)):
        # (nor "the West African bloc": a region's name goes on in capitals)
        return True
    return t.text == "Western" and t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in _WESTERN_HEADS


WEST = (Actor(kind="state", country="USA"), Actor(kind="igo", country="IGO:EU", name="European Union"))


def _backer(t: Token) -> bool:
    """'Iran-backed militias', 'Israel's militia ally': the state that backs a force is not the force."""
    doc = t.doc
    if t.dep_ == "poss" and t.head.lemma_.lower() in _ALLIES:
        return True
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ in _BACKING


def _behind_a_locative(t: Token, top: Token) -> bool:
    """Does a preposition other than of/in/from/by stand between ``t`` and ``top``? ("part of a
    stronghold on the Thai border": the border is where the stronghold is, not whose it is)"""
    x = t
    while x.i != top.i and x.head.i != x.i:
        if x.dep_ == "prep" and x.lower_ not in ("of", "in", "from", "by"):
            return True
        x = x.head
    return False


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]  # lower-case name parts
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    inferred: bool = False  # the country comes from the story (its lead or only country), not the text

    def actor(self) -> Actor:
        sector = self.sector or ("GOV" if self.role and _is_gov_role(self.role) else None)
        return Actor(name=self.name, kind="person", country=self.country, sector=sector, role=self.role)


# words that qualify a role and may stand between it and the country: "Lebanon's new President X"
_ROLE_QUALIFIERS = {"new", "former", "acting", "outgoing", "incoming", "interim", "late", "newly", "elected",
                    "current", "caretaker", "ousted", "exiled", "powerful", "veteran"}

#: qualifiers of a post no longer held
_FORMERLY = frozenset({"former", "ex", "late", "ousted", "exiled", "outgoing"})


def _held_no_more(role: str, reference: set[str] = frozenset()) -> bool:
    """Is a post given as one held before ("former president") no longer held, by a reference that does not
    say so too ("Brazil's president" is not "former president Dilma Rousseff"; "the former president" is)?"""
    return bool(_FORMERLY & set(role.lower().split())) and not _FORMERLY & reference

_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


# a transcript's question turn: "Q:", "Question:", "Q (Daily Courier):", "QUESTION (Haller):"
_QUESTION_LABEL = re.compile(r"\W*(?:Q|Question|QUESTION|Journalist|Reporter)\b[^:\n]{0,40}:")


def is_question(sent: Span) -> bool:
    """A question, or a sentence of a transcript's question turn (its line opens with a question label)."""
    text = doc_text(sent.doc)
    line = text.rfind("\n", 0, sent.start_char) + 1
    return sent.text.rstrip().endswith("?") or bool(_QUESTION_LABEL.match(text, line))


def _speaks_for_a_state(p: "Person") -> bool:
    return bool(p.role) and any(w.startswith("spokes") for w in p.role.lower().split())


def _is_gov_role(role: str) -> bool:
    low = role.lower()
    if low in ("fm", "pm") or low.startswith(("fm ", "pm ")):
        return True
    return any(w in low for w in ("minister", "president", "premier", "ambassador", "envoy", "secretary", "spokes",
                                  "chancellor", "king", "emir", "official", "diplomat", "adviser", "advisor",
                                  "governor", "mayor", "leader", "ministry", "negotiator", "head of state"))


#: officers' ranks: "Colonel X, reading a statement on state television" in a story led by Niger is Niger's
_MILITARY_RANKS = frozenset({"colonel", "col.", "general", "gen.", "lieutenant", "lt.", "major", "brigadier", "admiral",
                             "marshal", "commander"})


def _is_military_rank(role: str) -> bool:
    return bool(_MILITARY_RANKS & set(role.lower().split()))


# honorifics written in capitals before or after a name: "HE Sheikh X", "Mr. X H.E." ("he" in lower case is a pronoun)
_HONORIFICS = {"HE", "H.E.", "H.E", "HH", "H.H.", "HRH", "H.R.H."}
# the same spelled out, with the possessive they take: "His Highness", "Her Royal Highness", "His Excellency" (the
# "his" is no one's: not the subject's country)
SPELLED_HONORIFICS = frozenset({"highness", "highnesses", "excellency", "excellencies", "majesty", "holiness",
                                "eminence"})


def spelled_honorific(t: Token) -> bool:
    """Is ``t`` a word of a spelled-out honorific ("His", "Royal", "Highness" in "His Royal Highness")?"""
    doc = t.doc
    if t.lower_ in SPELLED_HONORIFICS:
        return True
    nxt = [doc[i] for i in (t.i + 1, t.i + 2) if i < len(doc)]
    return t.lower_ in ("his", "her", "their", "royal") and bool(nxt) and (
        nxt[0].lower_ in SPELLED_HONORIFICS or (nxt[0].lower_ == "royal" and len(nxt) > 1 and nxt[1].lower_ in SPELLED_HONORIFICS))


def _is_title(t: Token) -> bool:
    return t.text.lower().strip(".") + ("." if t.text.endswith(".") else "") in TITLES \
        or t.text.lower() in TITLES or t.text.lower().rstrip(".") in {"mr", "mrs", "ms", "dr"}


def _clean_name(span_tokens: list[Token]) -> list[Token]:
    # titles lead a name ("Sheikh Tamim", "President X"); after the first name word they are part of
    # it ("Hussein Al Sheikh"); honorifics in capitals may stand anywhere ("X H.E.")
    toks = [t for t in span_tokens if t.text not in _HONORIFICS]
    lead = 0
    while lead < len(toks) - 1 and _is_title(toks[lead]):
        lead += 1
    toks = toks[lead:]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks = toks[:-1]
    while toks and (toks[0].is_punct or toks[0].lower_ in {"the", "a"}):
        toks = toks[1:]
    return toks


def _name_text(toks: list[Token]) -> str:
    """A name as written: neighbouring tokens keep the spacing between them, so hyphenated names
    stay whole ("Kang Kyung-wha", "Al-Thani"); tokens that are not neighbours get one space."""
    out = toks[0].text
    for prev, t in zip(toks, toks[1:]):
        out += (prev.whitespace_ or "" if t.i == prev.i + 1 else " ") + t.text
    return " ".join(out.split())


def _name_key(name: str) -> frozenset[str]:
    """Order-free key of a name's parts: "Kishida Fumio" and "Fumio Kishida", "Kang Kyung-wha" and
    "Kang Kyung Wha" are one key."""
    return frozenset(_name_parts(name))


def _name_parts(name: str) -> list[str]:
    """A name's parts in order, hyphens and case aside: "Ma Ying-jeou" and "Ma Ying Jeou" are alike."""
    return [fold(p) for p in _NAME_BREAKS.split(name.lower().replace(".", "")) if p]


def dictionary_name(name: str) -> tuple[str, str | None]:
    """A name in the order the people dictionary writes it ("Takaichi Sanae" -> "Sanae Takaichi"),
    with the dictionary's country; the name as given, and no country, where it does not list it."""
    listed = people_dictionary().get(_name_key(name)) if len(_name_key(name)) > 1 else None
    return (listed[0], listed[1]) if listed is not None else (name, None)


@functools.lru_cache(maxsize=1)
def people_dictionary() -> dict[frozenset[str], tuple[str, str, str]]:
    """Named people of the Phoenix dictionary (data/phoenix_people.tsv, to early 2014): the parts of a
    full name -> (name as the dictionary writes it, country, sector). Only names of two parts or more,
    and only those that belong to one country: a candidate the text's own words always override."""
    found: dict[frozenset[str], set[tuple[str, str]]] = {}
    names: dict[frozenset[str], str] = {}
    for row in read_table("phoenix_people.tsv"):
        key = _name_key(row["name"])
        if len(key) < 2:
            continue
        found.setdefault(key, set()).add((row["country"], row["sector"]))
        names.setdefault(key, row["alias_of"] or row["name"])
    out = {}
    for key, entries in found.items():
        countries = {c for c, _ in entries}
        if len(countries) == 1:
            sectors = sorted({sec for _, sec in entries if sec and sec != "ELI"})
            out[key] = (names[key], countries.pop(), sectors[0] if len(sectors) == 1 else "")
    return out


@functools.lru_cache(maxsize=1)
def dictionary_surnames() -> dict[str, tuple[str | None, str]]:
    """Surnames of the Phoenix people that belong to one country: surname -> (the full name where
    one person has it, the country). For a post and a surname only ("President Reagan"), where the
    text gives no country."""
    found: dict[str, set[tuple[str, str]]] = {}
    for row in read_table("phoenix_people.tsv"):
        name = row["alias_of"] or row["name"]
        parts = _name_parts(name)
        if len(parts) > 1 and len(parts[-1]) > 3:
            found.setdefault(parts[-1], set()).add((name, row["country"]))
    out = {}
    for last, entries in found.items():
        countries = {c for _, c in entries}
        if len(countries) == 1:
            names = {n for n, _ in entries}
            out[last] = (names.pop() if len(names) == 1 else None, countries.pop())
    return out


@functools.lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """One-word names of countries, capitals and cities."""
    return frozenset(form for form, _, kind in gazetteer_entries()
                     if " " not in form and kind in ("country", "capital", "city"))


def _is_place_word(t: Token) -> bool:
    """A place name the tagger took into a person's name ("Ambassador to Dhaka Aung Kyaw Moe"); the
    gazetteer leaves it unmarked there, as "Washington" may be a person."""
    return t.text in _place_words()


@functools.lru_cache(maxsize=1)
def _leader_starts() -> dict[str, list[tuple[str, ...]]]:
    """The curated leaders' full names by their first part, longest first."""
    starts: dict[str, list[tuple[str, ...]]] = {}
    for parts in leader_table()[0]:
        if len(parts) > 1:
            starts.setdefault(parts[0], []).append(parts)
    return {k: sorted(v, key=len, reverse=True) for k, v in starts.items()}


def _listed_leaders(doc: Doc) -> list[Span]:
    """Full names of curated leaders written out in the text, which the small model's tagger often
    misses ("Shigeru Ishiba spoke with ...", "Han Duck-soo met ..."): hyphens inside a word are skipped."""
    out = []
    starts = _leader_starts()
    for t in doc:
        for parts in starts.get(fold(t.lower_), ()) if t.is_title or t.is_upper else ():
            i, k = t.i, 0
            while i < len(doc) and k < len(parts):
                if doc[i].text in _HYPHENS and i > t.i and not doc[i - 1].whitespace_:
                    i += 1
                    continue
                if fold(doc[i].lower_) != parts[k]:
                    break
                i, k = i + 1, k + 1
            if k == len(parts):
                out.append(doc[t.i:i])
                break
    return out


#: lower-case particles inside a surname ("von der Leyen", "van Rompuy", "de Mistura")
_NAME_PARTICLES = frozenset({"von", "der", "van", "den", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "ter"})


def _person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, each grown over what the tagger cut off: a hyphenated tail ("Yoon Suk" +
    "-yeol") and a PERSON entity that follows with no word between ("Mohammed bin Abdulrahman" +
    "bin Jassim Al-Thani")."""
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    spans: list[list[int]] = []
    for e in ents:
        start, end = e.start, e.end
        # a role word the tagger took into the name ("Chairperson Moussa") stays outside it, where
        # the role reader finds it
        while end - start > 1 and (doc[start].lower_ in _NAME_ROLE_WORDS or doc[start].lower_.rstrip(".") in TITLES
                                   or (_is_place_word(doc[start]) and end - start > 2 and start > 0
                                       and doc[start - 1].lower_ in ("to", "in", "at", "from"))):
            start += 1  # "Ambassador to Dhaka Aung Kyaw Moe": the place is no part of the name
        if end - start == 1 and (doc[start].lower_ in _NAME_ROLE_WORDS or doc[start].lower_ in ROLE_WORDS):
            continue  # "State Councillor": a post the tagger took for a name
        if doc[end - 1].lower_ in _POST_NOUNS:
            continue  # "Diplomatic Adviser", "Deputy Minister": a post, which no name ends with
        # the rest of a name the tagger cut short: "Chairperson Moussa" + "Faki Mahamat", where the
        # name's words all lean on the last one
        root = doc[start:end].root
        head = root.head
        if root.dep_ == "compound" and end <= head.i <= end + 2 and all(
                doc[i].pos_ == "PROPN" and doc[i].is_title and doc[i].ent_type_ in ("", "PERSON")
                and doc[i].lower_ not in _NAME_ROLE_WORDS for i in range(end, head.i + 1)):
            end = head.i + 1
        while end + 1 < len(doc) and doc[end].text in _HYPHENS and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2
        # a name the tagger cut after its particle: "Ursula von der" + "Leyen" (read as a place)
        if end < len(doc) and doc[end - 1].lower_ in _NAME_PARTICLES and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if spans and spans[-1][1] == start and not doc[start - 1].is_punct:
            spans[-1][1] = max(spans[-1][1], end)
        elif spans and spans[-1][1] > start:
            continue  # already covered by the hyphen growth of the previous one
        else:
            spans.append([start, end])
    taken = {i for s, e in spans for i in range(s, e)}
    spans += [[s, e] for s, e in _titled_names(doc) if not taken & set(range(s, e))]
    return [doc[s:e] for s, e in sorted(spans)]


def _titled_names(doc: Doc) -> list[tuple[int, int]]:
    """Names the tagger missed right after a title or post: "Princess Maha Chakri Sirindhorn",
    "Ambassador to China Kenji Kanasugi". Two capitalised words at least, none a place or a
    role word, none inside another entity."""
    places = {i for p in doc._.places or [] for i in range(p.start, p.end)}
    demonyms = {i for p in doc._.places or [] if p.kind == "demonym" for i in range(p.start, p.end)}
    out = []
    for t in doc:
        # a post written in lower case stands before a name too ("AU Commission chairman Moussa Faki
        # Mahamat", "the chairman of the Commission, Moussa Faki Mahamat"), where the tagger may take
        # the name for an organisation
        if not ((t.is_title and (t.lower_ in _NAME_ROLE_WORDS or t.lower_ in _HONORIFIC_TITLES))
                or (t.is_lower and t.lower_ in _LOWER_CASE_POSTS)):
            continue
        start = _post_end(doc, t.i + 1, places)
        while start < len(doc) and doc[start].text in _HONORIFICS:  # "Minister of Egypt HE Sameh Shoukry"
            start += 1
        if start < len(doc) and doc[start].ent_iob_ == "I" and doc[start].ent_type_ == "ORG" \
                and doc[start - 1].i in demonyms:
            continue  # "commander of the Philippine Coast Guard": the rest of a body's name
        j = start
        while j < len(doc) and _name_word(doc[j], places):
            # a hyphenated part stays in ("Nana Akufo-Addo")
            hyphen = j + 2 < len(doc) and doc[j + 1].text in _HYPHENS and not doc[j].whitespace_ \
                and not doc[j + 1].whitespace_ and doc[j + 2].is_alpha
            j += 3 if hyphen else 1
        if j - start >= 2:
            out.append((start, j))
    return out


def _name_word(t: Token, places: set[int]) -> bool:
    return t.pos_ == "PROPN" and t.is_title and t.i not in places and t.ent_type_ in ("", "PERSON", "ORG") \
        and t.lower_ not in _NAME_ROLE_WORDS and t.lower_ not in _HONORIFIC_TITLES and t.lower_ not in _BODY_WORDS


def _post_end(doc: Doc, j: int, places: set[int]) -> int:
    """Where a post's own complement ends and a name may begin: "Ambassador to China | Kenji
    Kanasugi", "President of Ghana, | Nana Akufo-Addo", "Secretary of State, | Antony Blinken",
    "Head of the Atomic Energy Organization of Iran | Ali Akbar Salehi". A complement of
    capitalised words ends at a comma or at its last place, or the name would be read as part of it."""
    if j + 1 >= len(doc) or doc[j].lower_ not in ("to", "of"):
        return j
    k = j + 1
    if doc[k].lower_ == "the":
        k += 1
    if k in places:
        while k in places or (k + 1 < len(doc) and doc[k].lower_ == "of" and k + 1 in places):
            k += 1
        # "of the African Union Commission, Moussa Faki": the body's own words after the place
        m = k
        while m < len(doc) and doc[m].is_title and doc[m].lower_ in _BODY_WORDS:
            m += 1
        return m + 1 if m < len(doc) and doc[m].text == "," else k
    if doc[j].lower_ != "of":
        return j
    place_end = None
    while k < len(doc) and (doc[k].is_title or k in places or doc[k].lower_ in ("of", "the", "and")) \
            and doc[k].text != ",":
        if k in places and k + 1 not in places:
            place_end = k + 1
        k += 1
    if k < len(doc) and doc[k].text == "," and k > j + 1:
        return k + 1
    return place_end if place_end is not None else j


#: people who speak for whatever they are "for" ("a spokesman for the ministry"; an envoy "for Syria" is sent to it)
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
#: bodies a spokesperson speaks for
_SPEAKING_BODIES = frozenset({"ministry", "government", "embassy", "presidency", "office", "cabinet", "department"})

#: the names of a state's armed power, one organ however a story names it: "the military" after
#: "Myanmar security forces", "the junta" after "the army"
_ARMED_POWER = frozenset({"military", "army", "junta", "forces", "troops", "soldiers"})


def _is_acronym(text: str) -> bool:
    """'RSF', 'TPLF': two to six capital letters."""
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


@dataclass
class ActorIndex:
    """Per-article registry of places and people, and the resolver built on it."""

    doc: Doc
    place_at: dict[int, Place] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    person_at: dict[int, Person] = field(default_factory=dict)
    focus: list[str] = field(default_factory=list)  # countries in order of first mention
    speaker_for_sentence: dict[int, list[Actor]] = field(default_factory=dict)
    history: list[tuple[int, Actor]] = field(default_factory=list)  # (token index, actor) of resolved subjects

    lead_country: str | None = None
    stateless_at: dict[int, Actor] = field(default_factory=dict)  # token index -> NGO or transnational group
    #: names the text defines with an acronym, and the acronyms: "Sudan's paramilitary Rapid Support Forces
    #: (RSF)" -> the group, of the country its first mention gives, wherever "the RSF" appears again
    defined: dict[str, Actor] = field(default_factory=dict)
    _resolving: set[int] = field(default_factory=set)  # pronouns being resolved now (no cycles)

    @classmethod
    def build(cls, doc: Doc) -> "ActorIndex":
        index = cls(doc)
        for place in doc._.places or []:
            if place.end + 1 < len(doc) and doc[place.end].text == "-" and doc[place.end + 1].lower_ in _MAKERS:
                continue  # "Russian-made Katyusha rockets": a maker, not a party
            for i in range(place.start, place.end):
                index.place_at[i] = place
            if place.code not in index.focus and place.kind in ("country", "capital", "demonym", "igo"):
                index.focus.append(place.code)
        for start, end, name, kind, sector in doc._.stateless or []:
            for i in range(start, end):
                index.stateless_at[i] = Actor(name=name, kind=kind, country=None, sector=sector)
        index.lead_country = index._lead_country()
        index._register_people()
        index._countries_from_own_ties()
        index._countries_from_counterparts()
        index._countries_from_own_intent()
        index._countries_from_own_stance()
        index._define_acronyms()
        index._acronyms_of_known_groups()
        # a briefing's voice: the one state whose spokespeople the story names ("Deputy Foreign Minister
        # Mikhail Bogdanov met ..." in a briefing by Russia's ministry spokeswoman is Russia's)
        voice = index.voice()
        # (it speaks for the officials named after its spokesperson: those named before a rebuttal's
        # spokesperson, "Foreign Minister X accused Rwanda ... Rwanda's spokeswoman rejected it", are the other side's)
        first: dict[int, int] = {}
        for i, person in sorted(index.person_at.items()):
            first.setdefault(id(person), i)
        heard = min((first.get(id(p), 0) for p in index.people if p.country == voice and _speaks_for_a_state(p)), default=0)
        for p in index.people:
            # "Foreign Ministry spokeswoman Hua Chunying" in a story led by China speaks for China
            # (only for people who act somewhere in the story: one who is only met, welcomed or
            # quoted about is as likely the other side's)
            # (not a leader in a story of several states: "president Alpha Conde" in a story told by a
            # Burkinabe minister is Guinea's)
            leader = bool(_LEADER_ROLES & set(p.role.lower().split())) and not index._in_lead(p) if p.role else False
            if p.country is None and p.role and _is_gov_role(p.role) and voice and first.get(id(p), 0) > heard \
                    and not any(w in p.role.lower() for w in ("ambassador", "envoy")):
                p.country, p.inferred = voice, True
            elif p.country is None and _speaks_for_a_state(p) and index._body_just_before(p):
                # "Iran's Foreign Ministry condemned the listings. Spokesman Hamid Rezaei denied ...": the
                # spokesman of the ministry that spoke in the sentence before
                p.country, p.inferred = index._body_just_before(p), True
            elif p.country is None and p.role and (_is_gov_role(p.role) or _is_military_rank(p.role)) and index.lead_country \
                    and not any(w in p.role.lower() for w in ("ambassador", "envoy")) and index._ever_subject(p) \
                    and not (leader and len([c for c in index.focus if not c.startswith("IGO:")]) > 1):
                p.country, p.inferred = index.lead_country, True
                states = [c for c in index.focus if not c.startswith("IGO:")]
                if len(states) == 2 and index._summons(p, index.lead_country):
                    # "Hermoso summoned the chargé d'affaires of the Chinese Embassy": the other side's
                    p.country = next(c for c in states if c != index.lead_country)
            # a story that names one country only: its officials are that country's
            elif p.country is None and index.sole_country():
                p.country, p.inferred = index.sole_country(), True
        return index

    def _acronyms_of_known_groups(self) -> None:
        """'Sudan's Rapid Support Forces' ... 'the RSF': an acronym the article uses that is the initials of
        a group or force the tables know, named in the same article, means that group."""
        used = {t.text for t in self.doc if _is_acronym(t.text)}
        for place in self.doc._.places or []:
            if not place.kind.startswith(("group:", "force:")) or place.end - place.start < 2:
                continue
            initials = "".join(t.text[0] for t in self.doc[place.start:place.end] if t.text[:1].isupper())
            if initials in used and initials not in self.defined:
                self.defined[initials] = self.actors_for(self.doc[place.end - 1])[0]

    def _define_acronyms(self) -> None:
        """'the paramilitary Rapid Support Forces (RSF)': a name of proper nouns with its acronym in brackets,
        of a country its own phrase gives, is that country's group or body in every later mention of the
        acronym or the name, whatever another dictionary makes of the acronym ("RSF" is also an NGO's)."""
        doc = self.doc
        for t in doc:
            if t.text != "(" or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")" or t.i == 0:
                continue
            acronym, head = doc[t.i + 1], doc[t.i - 1]
            if not _is_acronym(acronym.text):
                continue
            known = self.place_at.get(head.i)
            if known is not None and known.kind.startswith(("group:", "force:")) and known.end == head.i + 1:
                # "the Rapid Support Forces (RSF)": a group the tables know lends its acronym its meaning
                self.defined.setdefault(acronym.text, self.actors_for(head)[0])
                continue
            if head.pos_ != "PROPN" or head.i in self.place_at or head.i in self.person_at:
                continue
            start = head.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in self.place_at:
                start -= 1
            country, _ = self._modifier_country(head)
            sector, kind = sector_table().get(head.lower_) or (None, "organization")
            if country is None or kind == "person":
                continue
            actor = Actor(name=doc[start:head.i + 1].text, kind="group" if sector == "MIL" else kind,
                          country=country, sector=sector)
            self.defined.setdefault(acronym.text, actor)
            self.defined.setdefault(actor.name, actor)

    def _proper_name(self, t: Token) -> str:
        """The proper-noun name a head closes ("Rapid Support Forces"), or ''."""
        if t.pos_ != "PROPN" or not self.defined:
            return ""
        start = t.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].head.i == t.i:
            start -= 1
        return self.doc[start:t.i + 1].text

    def _body_just_before(self, person: "Person") -> str | None:
        """The country of the one government body (a ministry, an embassy, a government) that is a clause
        subject in the sentence before the person's first mention."""
        first = min((i for i, p in self.person_at.items() if p is person), default=None)
        if first is None or self.doc[first].sent.start == 0:
            return None
        before = self.doc[self.doc[first].sent.start - 1].sent
        found = {self._modifier_country(t)[0] for t in before
                 if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in _SPEAKING_BODIES}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _in_lead(self, person: "Person") -> bool:
        """Is the person named in the story's first two sentences (its lead)?"""
        sents = list(self.doc.sents)[:2]
        end = sents[-1].end if sents else 0
        return any(i < end for i, p in self.person_at.items() if p is person)

    def country_inferred(self, actor: Actor) -> bool:
        """Was this person's country taken from the story rather than from the text?"""
        return actor.kind == "person" and any(p.inferred and p.name == actor.name for p in self.people)

    def _summons(self, person: "Person", code: str) -> bool:
        """Does the person, as a subject, summon, meet, receive or call someone of that country?"""
        for i, p in self.person_at.items():
            tok = self.doc[i]
            if tok.dep_ == "appos" and tok.head.dep_ == "nsubj":
                tok = tok.head  # "Undersecretary for Asean Affairs, X, called ...": the post is the subject
            if p is not person or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in _FACING_VERBS:
                continue
            # (the parser may hang the one called on a time word: "called Minister Chen morning")
            met = [x for c in tok.head.children if c.dep_ in ("dobj", "dative", "npadvmod", "oprd") for x in c.subtree]
            met += [x for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with" for x in c.subtree]
            if any((o := self.person_at.get(x.i)) is not None and o is not person and o.country == code for x in met):
                return True
            # "Charge d'affaires of the Chinese Embassy": the post's country (not where the envoy was
            # summoned: "summoned the Philippine charge d'affaires in Beijing")
            if any(x.i in self.place_at and self.place_at[x.i].code == code and self.place_at[x.i].kind != "city"
                   and not (x.head.lower_ in ("in", "at") and self.place_at[x.i].kind == "capital") for x in met):
                return True
        return False

    def _ever_subject(self, person: "Person") -> bool:
        """Is any mention of the person a clause subject ("Hua said", "spokesman Wang Wenbin said")?"""
        return any(self.doc[i].dep_ in ("nsubj", "nsubjpass") or self.doc[i].head.dep_ in ("nsubj", "nsubjpass")
                   for i, p in self.person_at.items() if p is person)

    def _countries_from_own_ties(self) -> None:
        """'He boosted India's strategic ties with Tajikistan': an official who works on a country's
        own ties, security or interests is that country's official."""
        for sent in self.doc.sents:
            owner = None
            for t in sent:
                if t.dep_ == "poss" and t.i in self.place_at and t.head.lemma_.lower() in _OWN_NOUNS:
                    owner = self.place_at[t.i].code
                    break
            if owner is None:
                continue
            subj = [t for t in sent if t.dep_ == "nsubj"]
            for s in subj:
                person = self.person_at.get(s.i)
                if person is None and s.lower_ in PRONOUNS_PERSON:
                    # "he": the last person who was the subject of a sentence
                    person = next((self.person_at[i] for i in range(s.i - 1, -1, -1)
                                   if i in self.person_at and self.doc[i].dep_ == "nsubj"), None)
                if person is not None and person.country is None and person.role and _is_gov_role(person.role):
                    person.country = owner

    def _countries_from_own_intent(self) -> None:
        """'Foreign Minister X told NBC that Tehran would respond if ...': an official who says what a
        state will or would do speaks for it (what a state did, he may be accusing it of)."""
        for t in self.doc:
            person = self.person_at.get(t.i)
            if t.dep_ != "nsubj" or person is None or person.country is not None or not person.role \
                    or not _is_gov_role(person.role) or t.head.lemma_.lower() not in _speech_verbs():
                continue
            for clause in (c for c in t.head.children if c.dep_ == "ccomp"):
                if not any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll") for a in clause.children) \
                        or clause.lemma_.lower() in ("face", "pay", "bear", "suffer"):
                    continue  # "said Uganda would face consequences": what another will suffer
                for subj in (c for c in clause.children if c.dep_ == "nsubj" and c.i in self.place_at):
                    if self.place_at[subj.i].kind in ("country", "capital"):
                        person.country = self.place_at[subj.i].code

    def _countries_from_own_stance(self) -> None:
        """'"Vietnam requests the relevant authorities of China to stop," Spokesperson X stated': an official
        whose quoted words state, in the present, what a state asks, opposes or holds speaks for it."""
        sents = list(self.doc.sents)
        for n, sent in enumerate(sents):
            for t in sent:
                person = self.person_at.get(t.i)
                if t.dep_ != "nsubj" or person is None or person.country is not None or not person.role \
                        or not _is_gov_role(person.role) or t.head.lemma_.lower() not in _speech_verbs():
                    continue
                quoted = [s for s in sents[max(0, n - 1):n + 2] if any(x.text in _QUOTES for x in s)]
                for x in (x for s in quoted for x in s if x.dep_ == "nsubj" and x.i in self.place_at):
                    verb = x.head
                    if self.place_at[x.i].kind in ("country", "capital") and verb.tag_ in ("VBZ", "VBP") \
                            and verb.lemma_.lower() in _STANCE_VERBS and not any(c.dep_ == "aux" for c in verb.children):
                        person.country = self.place_at[x.i].code
                        break

    def _countries_from_counterparts(self) -> None:
        """'Foreign Minister X spoke with his Vietnamese counterpart': X is not Vietnamese, so in a story
        about a pair of countries X is of the other one (the first other state the story names)."""
        if "ounterpart" not in doc_text(self.doc):
            return  # most stories have none: skip the walk over every token
        states = [c for c in self.focus if not c.startswith("IGO:")]
        for t in self.doc:
            if t.lemma_.lower() != "counterpart":
                continue
            theirs = {self.place_at[c.i].code for c in t.children
                      if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.place_at}
            if not theirs:
                continue
            verb = t.head
            while verb.dep_ in ("pobj", "prep", "dobj", "conj", "appos") and verb.head.i != verb.i:
                verb = verb.head
            for s in (c for c in verb.children if c.dep_ == "nsubj"):
                person = self.person_at.get(s.i)
                others = [c for c in states if c not in theirs]
                if person is not None and person.country is None and others:
                    person.country, person.inferred = others[0], True

    def _only_as_object(self, code: str) -> bool:
        """True when every mention of the country is an object ("criticised Japan"): then it is
        the other side, not the speaker's own."""
        mentions = [p for p in self.doc._.places or [] if p.code == code]

        def as_object(p) -> bool:
            tok = self.doc[p.end - 1]
            return tok.dep_ in ("dobj", "dative") or (
                tok.dep_ == "pobj" and tok.head.lower_ in ("against", "on", "at", "with", "over"))
        return bool(mentions) and all(as_object(p) for p in mentions)

    def sole_country(self) -> str | None:
        """The one country a story names (not only as someone's object), if there is exactly one."""
        if len(self.focus) == 1 and not self.focus[0].startswith("IGO:") and not self._only_as_object(self.focus[0]):
            return self.focus[0]
        return None

    def _lead_country(self) -> str | None:
        """The country that acts in the article's first clauses: the subject of the first sentence
        that has a country (or a capital) as its subject. A transcript's questions are the journalists'
        ("Question: Recently the Chinese survey ship has operated ..."): they lead nothing."""
        told = (sent for sent in self.doc.sents if not is_question(sent))
        for n, sent in enumerate(told):
            if n > 2:
                break
            for t in sent:
                if t.dep_ in ("nsubj", "nsubjpass"):
                    for x in t.subtree:
                        place = self.place_at.get(x.i)
                        if place is not None and place.kind in ("country", "capital", "demonym"):
                            return place.code
        return None

    # -- people ---------------------------------------------------------------------
    def _register_people(self) -> None:
        doc = self.doc
        # a leader's surname the tagger left untagged ("Modi congratulates Trump"): the curated
        # leaders' surnames that name one leader only, standing alone as a proper noun (or read as a
        # one-word organisation: "Biden hosted Kenyan president Ruto") or after a title ("President Ruto")
        # (or one the tagger read as a common noun that acts: "Trump first threatened the tariffs")
        missed = [doc[t.i:t.i + 1] for t in doc if (t.pos_ == "PROPN" or (t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("nsubj", "nsubjpass")))
                  and t.is_title and t.ent_type_ in ("", "ORG", "NORP", "GPE")
                  and t.i not in self.place_at and fold(t.lower_) in leader_table()[1]
                  and not any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and not (j < t.i and doc[j].lower_ in ROLE_WORDS)
                              for j in (t.i - 1, t.i + 1))]
        spans = _person_spans(doc) + missed
        taken = {i for e in spans for i in range(e.start, e.end)}
        spans += [e for e in _listed_leaders(doc) if not any(i in taken for i in range(e.start, e.end))]
        for ent in sorted(spans, key=lambda e: e.start):
            toks = _clean_name(list(ent))
            if not toks or all(t.i in self.place_at for t in toks):
                continue
            parts = tuple(t.text.lower() for t in toks if not t.is_punct)
            person = self._match_person(parts)
            if person is None:
                # a lone surname first seen alone is kept too: a fuller form seen later upgrades it
                person = Person(name=_name_text(toks), tokens=parts)
                self.people.append(person)
            elif len(parts) > len(person.tokens) and set(person.tokens) <= set(parts):
                person.name = _name_text(toks)
                person.tokens = parts
            role, country, sector = self._describe(ent)
            folded = tuple(fold(p) for p in person.tokens)
            # "Muhammad Shehbaz Sharif", "Seyed Abbas Araghchi": the table's name after the text's first names
            known = next((leader_table()[0][folded[k:]] for k in range(len(folded) - 1) if folded[k:] in leader_table()[0]),
                         None) or (leader_table()[1].get(fold(person.tokens[-1])) if len(person.tokens) == 1 else None)
            if known and not country and not person.country:
                country = known[1]
                role = role or known[2]
                if len(person.tokens) == 1:  # the surname as the text spells it ("Erdoğan", "Erdogan")
                    written = _name_text(toks)
                    given = known[0].rsplit(" ", 1)[0] + " " if " " in known[0] else ""
                    person.name = given + written if fold(written.lower()) == fold(known[0].split()[-1].lower()) \
                        else known[0]
                    person.tokens = tuple(person.name.lower().split())
            # the curated leaders above, then the Phoenix dictionary
            listed = people_dictionary().get(_name_key(person.name)) if len(person.tokens) > 1 and not known else None
            if listed is not None:
                # the dictionary writes the name in its usual order ("Fumio Kishida" for "Kishida Fumio")
                # and knows the country where the text does not say it
                # but a name the text writes in that order keeps the text's form, hyphens included
                # ("Ma Ying-jeou", not the dictionary's "Ma Ying Jeou")
                if _name_key(listed[0]) == _name_key(person.name) and _name_parts(listed[0]) != _name_parts(person.name):
                    person.name = listed[0]
                country = country or (listed[1] if not person.country else None)
                sector = sector or listed[2] or None
            surname = dictionary_surnames().get(fold(person.tokens[-1])) if len(person.tokens) == 1 and role \
                and not (known or country or person.country) else None
            if surname is not None:  # "President Reagan": a post, and a surname of one country
                country = surname[1]
            if role and not person.role:
                person.role = role
            if country and not person.country:
                person.country = country
            if sector and not person.sector:
                person.sector = sector
            for t in ent:
                self.person_at[t.i] = person
        # bare surnames the tagger missed ("Kamikawa said"): proper nouns matching a registered name part
        if self.people:
            parts = {}
            for p in self.people:
                if len(p.tokens) > 1:
                    for part in p.tokens:
                        parts.setdefault(part, p)
            for t in doc:
                if t.i not in self.person_at and t.pos_ == "PROPN" and t.text.lower() in parts and t.i not in self.place_at:
                    person = self.person_at[t.i] = parts[t.text.lower()]
                    if person.country is None:  # "Soleimani, Tehran's top commander": the apposition says whose
                        person.country = next((self.place_at[x.i].code for c in t.children if c.dep_ == "appos"
                                               for x in c.subtree if x.i in self.place_at), None)

    def _match_person(self, parts: tuple[str, ...]) -> Person | None:
        for person in reversed(self.people):
            if set(parts) <= set(person.tokens) or set(person.tokens) <= set(parts):
                return person
        return None

    def _describe(self, ent: Span) -> tuple[str | None, str | None, str | None]:
        """Role, country and sector of a person from the words around the name."""
        doc = self.doc
        root = ent.root
        role_toks: list[Token] = []
        country = None
        # left modifiers inside the same noun phrase: "Chinese Foreign Minister Qin Gang"
        i = ent.start - 1
        while i >= 0 and i >= ent.start - 16:  # posts with their places run long
            t = doc[i]
            if t.text in ("-", "–"):
                i -= 1
                continue  # "Secretary-General"
            if t.text == "." and i > 0 and doc[i - 1].text in TITLE_ABBREVIATIONS and not doc[i - 1].whitespace_:
                i -= 2
                continue  # "Undersecretary Ma. Theresa Lazaro", "Amb. X": a title written short
            if t.text == ")" and i >= 2 and doc[i - 2].text == "(" and (i - 1 in self.place_at or doc[i - 1].is_upper):
                i -= 3  # "Foreign Minister of the Republic of Korea (ROK) X": the acronym repeats the place
                continue
            j = i - 4 if i >= 4 and doc[i - 1].text == ")" and doc[i - 3].text == "(" else i - 1
            if ((t.text == "," and not role_toks) or (t.lower_ == "and" and role_toks)) and j in self.place_at:
                # "Secretary-General of the Executive Committee of the PLO, X" and "... of the PLO (PLO)
                # and Civil Affairs Minister X": a post of a body that is one country's
                place = self.place_at[j]
                if place.start >= 2 and doc[place.start - 1].lower_ == "to" and place.start - 2 in self.place_at:
                    place = self.place_at[place.start - 2]  # "High Commissioner of India to Sri Lanka, X": India's
                post = self._post_before(place.start)
                if post is None and place.start >= 2 and doc[place.start - 1].lower_ == "to" \
                        and doc[place.start - 2].lower_ in _POST_HEADS:
                    # "Turkey's Ambassador to Athens, X": the country named before the post
                    post = [doc[place.start - 2]]
                    k = place.start - 3
                    while k >= 0 and (doc[k].tag_ == "POS" or doc[k].lower_ in _NAME_ROLE_WORDS):
                        k -= 1
                    place = self.place_at.get(k) if k >= 0 else None
                    post = post if place is not None and place.kind in ("country", "demonym") else None
                if post is not None and country is None:
                    country = place.code
                    role_toks = role_toks or post
                break
            if t.is_punct and t.text not in {"'s", "’s"}:
                break
            if spelled_honorific(t):
                break  # "His Highness Sheikh Tamim": it opens the name's phrase, and is neither its role nor its name
            if t.lower_ in {"the", "a", "an", "his", "her", "their", "its"}:
                break
            place = self.place_at.get(i)
            if place is not None and self._portfolio(place):
                # "Undersecretary for Bilateral Relations and Asean Affairs", "Minister for African
                # Affairs": the place names the portfolio, not whose official it is
                role_toks[:0] = list(doc[place.start:i + 1])
                i = place.start - 1
                continue
            if place is not None and self._post_of(place.start - 1) is not None:
                # "Foreign Minister of the Democratic People's Republic of Korea X"
                country = country or place.code
                i = self._post_of(place.start - 1)
                continue
            if place is not None:
                # ("Ambassador to the UN": the article before the posting)
                det = 1 if place.start > 1 and doc[place.start - 1].lower_ == "the" else 0
                before = doc[place.start - 1 - det] if place.start > det else None
                possessive = place.end < len(doc) and doc[place.end].tag_ == "POS"  # "Lebanon's new President"
                if before is not None and before.pos_ == "ADP" and before.lower_ in ("to", "in", "at", "for", "from", "on") \
                        and not possessive:
                    owner = doc[place.start - 2 - det] if place.start > 1 + det else None
                    if owner is not None and (owner.lower_ in ROLE_WORDS or owner.lower_ in sector_table()):
                        role_toks[:0] = list(doc[before.i:place.end])  # "Ambassador to Ankara", "to the UN"
                        i = before.i - 1
                        continue
                    country = country or place.code  # "an invitation to U.S. President X": the place is his
                    break
                country = place.code  # walking leftwards: the outermost modifier wins
                i = place.start - 1
                continue
            if t.tag_ == "POS":
                i -= 1
                continue
            if t.text in _HONORIFICS or t.lower_.rstrip(".") in ("mr", "mrs", "ms", "dr"):
                i -= 1  # "HE Dr. Ayman Al Safadi": honorifics are neither the role nor the name
                continue
            if t.lower_ in ("for", "and") and role_toks and any(x.lower_ in ("affairs", "relations") for x in role_toks):
                role_toks.insert(0, t)  # "Undersecretary for Bilateral Relations and Asean Affairs X"
                i -= 1
                continue
            if t.lower_ == "and" and role_toks and i > 0 and doc[i - 1].lower_ in ROLE_WORDS:
                role_toks.insert(0, t)  # "Deputy Prime Minister and Foreign Minister X": one person, two roles
                i -= 1
                continue
            if t.lower_ in ROLE_WORDS or t.lower_ in _ROLE_QUALIFIERS or t.lower_ in _NAME_ROLE_WORDS \
                    or (t.is_title and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in ("PERSON",)) \
                    or t.lower_ in sector_table():
                role_toks.insert(0, t)
                i -= 1
                continue
            break
        # "King Abdullah of Jordan", "Princess Sirindhorn of the Kingdom of Thailand", and the translated
        # lists' "the presidents Santiago Pena, of Paraguay, Luiz Inacio Lula da Silva, of Brazil"
        comma = ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "of"
        if country is None and ent.end + 1 < len(doc) and (doc[ent.end].lower_ == "of" or comma):
            for i in range(ent.end + 1 + comma, min(ent.end + 6 + comma, len(doc))):
                place = self.place_at.get(i)
                if place is not None and place.kind in ("country", "capital"):
                    country = place.code
                    break
                if doc[i].is_punct:
                    break
        # apposition after the name: "Csaba Korosi, president of the ... General Assembly"
        appos = [c for c in root.children if c.dep_ == "appos"]
        if appos and (not role_toks or country is None):
            # the apposition gives the role where the name has none, and the country where the
            # role did not ("Quds Force commander Qassem Soleimani, Tehran's top general")
            a = appos[0]
            sub = list(a.subtree)
            if not role_toks:
                role_toks = [t for t in sub if not t.is_punct][:12]
            for t in sub:
                place = self.place_at.get(t.i)
                if place is not None and not self._portfolio(place):
                    country = country or place.code
                    break
        # the name is itself an apposition: "his Japanese counterpart Yoshimasa Hayashi",
        # "the foreign minister of Tajikistan, Siorjiddin Muhriddin"
        if root.dep_ == "appos" and root.head.i < ent.start:
            head = root.head
            if spelled_honorific(head) and head.dep_ == "appos":  # "the UAE's adviser, His Highness Sheikh X"
                head = head.head
            sub = [t for t in head.subtree if t.i < ent.start]
            for t in sub:
                place = self.place_at.get(t.i)
                if place is not None and country is None and not self._portfolio(place):
                    country = place.code
            if not role_toks:
                role_toks = [t for t in sub if not t.is_punct and t.lower_ not in {"the", "his", "her", "their", "a"}
                             and t.i not in self.place_at and t.tag_ != "POS" and not spelled_honorific(t)]
        role = _name_text(role_toks).strip() if role_toks else None  # "Secretary-General" stays whole
        if role and len(role) > 80:
            role = role[:80]
        sector = None
        if role:
            low = role.lower()
            for word in reversed(low.split()):
                if word in sector_table():
                    sector = sector_table()[word][0]
                    break
        return role, country, sector

    def _portfolio(self, place: Place) -> bool:
        """A place that names a post's portfolio ("Undersecretary for Asean Affairs", "Minister for
        African Affairs", "Bilateral Relations"), not whose official holds it."""
        doc = self.doc
        return place.end < len(doc) and doc[place.end].lower_ in ("affairs", "relations")

    def _post_before(self, start: int) -> list[Token] | None:
        """The post that a place ending a chain of 'of' phrases belongs to: "Secretary-General of the
        Executive Committee of | the Palestine Liberation Organization" -> [Secretary, -, General]."""
        doc, k = self.doc, start - 1
        while k >= 0 and start - k <= 10 and (doc[k].lower_ in ("of", "the") or (
                doc[k].is_title and doc[k].lower_ not in _POST_HEADS)):
            k -= 1
        if k < 0 or k == start - 1 or doc[k + 1].lower_ != "of" or doc[k].lower_ not in _POST_HEADS:
            return None
        first = k
        while first > 0 and (doc[first - 1].lower_ in _NAME_ROLE_WORDS or doc[first - 1].text in ("-", "–")
                             or doc[first - 1].lower_ in ("secretary", "vice")):
            first -= 1
        return list(doc[first:k + 1])

    def _post_of(self, j: int) -> int | None:
        """Where a post stands before "of [the] <place>" that ends at token ``j``: the index of the
        post's last word ("Minister" in "Minister of the Republic of Korea"), else None."""
        doc = self.doc
        if j >= 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 1 or doc[j].lower_ != "of" or not doc[j - 1].is_title:
            return None
        # the post itself, or its own complement ("Minister of Foreign Affairs of ...")
        if any(doc[k].lower_ in ROLE_WORDS or doc[k].lower_ in _NAME_ROLE_WORDS for k in range(max(0, j - 4), j)):
            return j - 1
        return None

    # -- resolution -------------------------------------------------------------------
    def actors_for(self, token: Token, *, speaker: list[Actor] | None = None, exclude: set[int] | None = None,
                   allow_unknown: bool = False) -> list[Actor]:
        """The actors a noun phrase headed by ``token`` denotes (compound actors included).
        ``allow_unknown`` keeps agent nouns whose country the text does not give here."""
        heads = [token] + [c for c in token.conjuncts if c.i > token.i]
        if token.i in self.place_at:
            # "The US, Russia, and Switzerland met": a list the parser read as an apposition
            for c in token.children:
                if c.dep_ == "appos" and c.i in self.place_at:
                    heads += [c] + [x for x in c.conjuncts if x.i > c.i]
        out: list[Actor] = []
        for h in heads:
            for a in self._actor_for_head(h, speaker=speaker, allow_unknown=allow_unknown):
                a = self._sides_official(h, a)
                if a not in out:
                    out.append(a)
        return out

    def _sides_official(self, h: Token, a: Actor) -> Actor:
        """'The Chinese side said', 'the Kenyan delegation thanked': a side of talks the story told is the
        official who spoke for it there, the one of that country last named (not its spokesperson)."""
        if a.name or not a.country or h.lemma_.lower() not in ("side", "delegation") or h.dep_ not in ("nsubj", "nsubjpass") \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
            return a
        p = self._recent_official(a.country, h.i)
        return p.actor() if p is not None else a

    def _actor_for_head(self, t: Token, *, speaker: list[Actor] | None, allow_unknown: bool) -> list[Actor]:
        doc = self.doc
        low = t.lower_
        # pronouns
        if t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$"):
            return self._pronoun(t, speaker)
        # a person
        person = self.person_at.get(t.i)
        if person is not None:
            return [person.actor()]
        if is_money(t) or (t.pos_ == "NOUN" and t.lemma_.lower() in _RELATIONAL | _MARKET):
            return []
        if the_west(t) or any(c.dep_ == "amod" and the_west(c) for c in t.children):
            return list(WEST)  # "the West has launched an economic war", "Western governments said"
        defined = self.defined.get(t.text) or self.defined.get(self._proper_name(t)) or next(
            (self.defined[c.text] for c in t.children if c.dep_ in ("compound", "nmod") and c.text in self.defined),
            None)  # "RSF fighters": the defined group's
        if defined is not None:
            return [defined]
        # a known NGO or transnational group: "Amnesty International", "Islamic State militants"
        if t.i not in self.place_at:
            for x in [t] + [c for c in t.children if c.dep_ in ("compound", "nmod", "amod", "poss")]:
                if x.i in self.stateless_at:
                    return [self.stateless_at[x.i]]
        # "his Japanese counterpart Yoshimasa Hayashi", "the foreign minister of Tajikistan, X"
        for c in t.children:
            if c.dep_ == "appos":
                # the name may be the apposition's head or sit inside it ("President of Ghana, Nana Akufo-Addo")
                named = next((self.person_at[x.i] for x in c.subtree
                              if x.i in self.person_at), None)
                if named is not None:
                    return [named.actor()]
        named = self._named_after_post(t)
        if named is not None:
            # the post says what the name alone may not: "Myanmar ambassador to Dhaka X"
            countries = self._modifier_countries(t) if named.country is None else []
            if countries:
                role = named.role or self._np_text(t, strip_det=True)
                return [replace(named.actor(), country=countries[0], role=role,
                                sector=named.sector or ("GOV" if _is_gov_role(role) else None))]
            return [named.actor()]
        # "Blinken met Xi ..., and the two agreed": the two who just acted together
        if low == "two" and t.pos_ == "NUM" and t.dep_ in ("nsubj", "nsubjpass") and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            group = self._last_party_group(t.i)
            return group if len({a.country for a in group}) == 2 else []
        # the dyad in focus: "the two sides", "both countries"
        np = self._np_text(t) if low in _GROUP_HEADS else ""
        m = GROUP_DYAD.match(np) if np else None
        named_after = any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in t.children)
        # "the Baltic states", "the Gulf states": a named set of states, not the pair in focus (but
        # "both Asian neighbours", "the two Asian giants" count)
        named_set = m is not None and m.group(1) is None and not np.lower().startswith("both") \
            and any(w[:1].isupper() and w.lower() not in ROLE_WORDS for w in np.split()[1:-1])  # not "the Prime Ministers"
        # ("The Ministers" of a joint statement are written capitalised: the two who just met, if two did)
        # ("The Prime Ministers welcomed ..." opening a joint statement's sentence: the pair in focus)
        group = self._last_party_group(t.i) if m else []
        met = list(dict.fromkeys(a.country for a in group if a.country))
        opens = m is not None and t.sent.start + len(np.split()) - 1 == t.i
        # ("the warring parties" are the sides of a war the story may tell apart from the pair in focus)
        warring = any(c.dep_ == "amod" and c.lower_ in ("warring", "belligerent", "fighting", "rival") for c in t.children)
        if m and not named_after and t.i not in self.place_at and not named_set and not warring \
                and (t.text.islower() or (low in _GROUP_PEOPLE and (len(met) == 2 or opens))) \
                and not (m.group(1) is None and np.lower().startswith("all")):
            n = _GROUP_N.get((m.group(1) or "two").lower(), 2)
            # the pair in focus so far; in a story's first line, the story's pair
            pair = self.dyad(t.i, n) or self.dyad(len(doc), n)
            # "X met Y ... During the meeting, the two sides agreed": the two who just acted together
            just_met = len(met) == 2 and n == 2
            if low in _PEOPLE_ONLY and not just_met:
                return []  # "the two men were arrested": not the pair of states in focus
            pair = met if just_met else pair
            # ... and those two were people ("Li held talks with Ruto ... the two sides agreed"): they
            met_people = {a.country: a for a in group if a.kind == "person" and a.name} if just_met else {}
            if low in _GROUP_PEOPLE:
                # "both leaders", "the two ministers": the people the article names in that role
                people = [self._recent_person(c, low, t.i) for c in pair]
                # ("the two ministers" who are a minister and a cabinet secretary: the officials last named)
                people = [p or self._recent_official(c, t.i) for p, c in zip(people, pair)]
                return [p.actor() if p is not None else met_people.get(c, Actor(kind="state", country=c))
                        for p, c in zip(people, pair)]
            if low in _MET_SIDES and len(met_people) == 2:
                return [met_people[c] for c in pair]
            # "the two sides agreed" after a meeting told before: the officials of each side last named
            officials = [self._recent_official(c, t.i) for c in pair] if low in _MET_SIDES and n == 2 else []
            if officials and all(officials):
                return [p.actor() for p in officials]
            return [Actor(kind="state", country=c) for c in pair]
        # "if the North proceeded": the one state the story names "North ..." ("North Korea")
        if t.text in ("North", "South") and t.dep_ not in ("compound", "amod") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            named = {p.code for p in self.doc._.places or [] if p.kind in ("country", "demonym")
                     and self.doc[p.start].text == t.text}
            if len(named) == 1:
                return [Actor(kind="state", country=named.pop())]
        # "the country", "the nation": the last country named as an actor before it; "the kingdom": the
        # last one named that is a kingdom ("Riyadh ... the kingdom expelled", "Tonga ... the kingdom has")
        if low in ("country", "nation", "kingdom") and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                and not any(c.dep_ in ("amod", "compound", "poss") for c in t.children) \
                and not (low == "kingdom" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)):
            # ("the Kingdom of Saudi Arabia" names its own)
            code = self._last_country(t.i, kingdoms() if low == "kingdom" else None)
            return [Actor(kind="state", country=code)] if code else []
        place = self.place_at.get(t.i)
        if place is not None:
            if place.kind == "igo":
                # "Organization of American States Secretary General Luis Almagro condemned": the parser made the
                # body the subject and hung its official on the name's "of"; the official speaks
                j = place.end
                while j < len(doc) and doc[j].is_title and doc[j].lower_ in _NAME_ROLE_WORDS:
                    j += 1
                official = self.person_at.get(j) if j > place.end and t.dep_ in ("nsubj", "nsubjpass") else None
                if official is not None and doc[j].head.i in {x.i for x in t.subtree}:
                    return [replace(official.actor(), country=official.country or place.code)]
                return [Actor(name=doc[place.start:place.end].text, kind="igo", country=place.code)]
            if place.kind in ("country", "capital"):
                return [Actor(kind="state", country=place.code)]
            if place.kind.startswith("group:"):
                return [Actor(name=doc[place.start:place.end].text, kind="group", country=place.code,
                              sector=place.kind.split(":", 1)[1])]
            if place.kind.startswith("force:"):  # "the IDF", "the Bundeswehr": the state, by its forces
                return [Actor(kind="state", country=place.code, sector=place.kind.split(":", 1)[1],
                              role=doc[place.start:place.end].text)]
            if place.kind == "demonym" and t.i > 0 and self.doc[t.i - 1].lower_ == "ethnic":
                where, _ = self._modifier_country(t)  # "ethnic Albanians in south Serbia"
                if where or allow_unknown:
                    return [Actor(kind="group", country=where, role=self._np_text(t, strip_det=True))]
                return []
            if place.kind == "demonym" and t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("amod", "compound"):
                # "Bosnian Serbs", "the Albanians of southern Serbia": the state they live in
                for c in t.children:
                    if c.dep_ in ("amod", "compound") and c.i in self.place_at and self.place_at[c.i].code != place.code:
                        return [Actor(name=None, kind="group", country=self.place_at[c.i].code, role=self._np_text(t))]
                where, _ = self._modifier_country(t)
                if where and where != place.code:
                    return [Actor(name=None, kind="group", country=where, role=t.text)]
                return [Actor(name=None, kind="group", country=place.code, role=t.text)]
            return []
        if low in ("forum", "organization", "organisation", "bloc", "alliance", "body", "group", "agency",
                   "grouping", "community", "court", "tribunal", "commission", "council"):
            for c in t.children:
                if c.dep_ in ("compound", "appos", "nmod", "poss") and c.i in self.place_at and self.place_at[c.i].kind == "igo":
                    place = self.place_at[c.i]
                    if c.dep_ == "poss":
                        # "the United Nations' most powerful body" after "the U.N. Security Council": the
                        # organ of it the story has named
                        organs = [p for p in (doc._.places or []) if p.kind == "igo" and p.end <= place.start
                                  and p.code != place.code and p.code.startswith(place.code)]
                        place = organs[-1] if organs else place
                    return [Actor(name=doc[place.start:place.end].text, kind="igo", country=place.code)]
        # "Al Shabaab militants attacked ... The Islamist group said": the group last named before
        if low in ("group", "movement", "militia") and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            group = self._recent_group(t)
            if group is not None:
                return [group]
        # a noun with an agent meaning: ministry, government, police, protesters, troops...
        sector_kind = sector_table().get(low) or sector_table().get(t.lemma_.lower())
        if sector_kind is None and low in ("group", "groups", "coalition", "movement", "front", "organization",
                                           "organisation", "association", "council", "committee"):
            # "opposition groups", "rebel coalition": the modifier says who they are
            for c in t.lefts:
                if c.dep_ in ("compound", "amod") and (sector_table().get(c.lower_) or sector_table().get(c.lemma_.lower())):
                    sector_kind = sector_table().get(c.lower_) or sector_table().get(c.lemma_.lower())
                    sector_kind = (sector_kind[0], "group")
                    break
        if sector_kind is None and low == "counterpart":
            sector_kind = ("GOV", "person")
        if sector_kind is None and low == "office" and any(
                c.lower_ in _GOV_OFFICE_MODIFIERS for c in t.lefts if c.dep_ in ("amod", "compound")):
            sector_kind = ("GOV", "organization")  # "the Foreign Office", "the prime minister's office"
        if sector_kind is None and low in GENERIC_IGO_NOUNS:
            igo = self._recent_igo(t.i, low)
            if igo:
                return [igo]
        if sector_kind is not None:
            countries = self._modifier_countries(t)
            if not countries:  # "the two countries' leaders": the states the possessor names
                countries = [a.country for c in t.children if c.dep_ == "poss" and c.tag_ != "PRP$"
                             and c.lower_ in ("countries", "nations", "sides", "states")
                             for a in self.actors_for(c) if a.kind == "state" and a.country]
            if not countries:
                for c in t.children:  # "counterparts that included X", "European states including France"
                    if (c.dep_ == "relcl" and c.lemma_ in ("include", "comprise")) or \
                            (c.dep_ == "prep" and c.lower_ == "including"):
                        for o in c.children:
                            if o.dep_ in ("dobj", "pobj"):
                                for x in [o] + list(o.conjuncts):
                                    place = self.place_at.get(x.i)
                                    if place is not None and place.code not in countries:
                                        countries.append(place.code)
            sector, kind = sector_kind
            if not countries and low in GENERIC_IGO_NOUNS:
                igo = self._recent_igo(t.i, low)
                if igo:
                    return [igo]
            if not countries and kind == "person":
                holder = self._role_holder(t)
                if holder is not None:
                    return [holder.actor()]
            if not countries and low in _GROUP_PEOPLE | {"diplomats", "officials", "delegations", "sides"} \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                group = self._last_party_group(t.i)  # "The ministers also discussed ..." after they met
                if group:
                    return group
            if not countries and sector == "GOV" and t.dep_ in ("nsubj", "nsubjpass"):
                countries = self._fronted_seat(t)  # "In Beijing, a foreign ministry spokesperson said"
            if not countries:
                # "its ambassador would meet ...": an official acting is the owner's (one acted upon may be another's)
                owned = kind in ("group", "organization") or (kind in ("person", "state") and t.dep_ in ("nsubj", "nsubjpass"))
                same = self._recent_same(t) or (self._pronoun_owner(t) if owned else None)
                countries = [same] if same else []
            role = self._np_text(t, strip_det=True)
            if not countries:
                # a group whose country the clause may give by place ("protesters in London")
                return [Actor(kind=kind if kind != "state" else "organization", country=None, sector=sector,
                              role=role)] if allow_unknown else []
            out_kind = "state" if kind == "state" else ("organization" if kind == "organization" else kind)
            out = []
            for c in countries:
                # "the foreign ministers of China and Japan", "his counterparts that included Tajikistan":
                # the people the article names in that role
                holder = self.person_for(c, t.lemma_.lower(), {x.lower_ for x in t.lefts if x.dep_ in ("amod", "compound")}) \
                    if kind in ("person", "group") else None
                out.append(holder.actor() if holder is not None else
                           Actor(kind=out_kind, country=c, sector=sector, role=role))
            return out
        # any other people-like noun that a country names: "Iraqi Kurds", "Algerian landowners",
        # "U.N. helicopters" -- only where the clause needs an agent (subjects), never for topics
        if allow_unknown and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in _ABSTRACT \
                and t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            countries = self._modifier_countries(t)
            if countries:
                return [Actor(kind="group", country=c, role=self._np_text(t, strip_det=True)) for c in countries]
        return []

    def _fronted_seat(self, t: Token) -> list[str]:
        """'In Beijing, a foreign ministry spokesperson called on ...': a government body or official with no
        country, placed by a capital or a country fronted before it in its clause, is that state's."""
        for p in t.head.children:
            if p.dep_ == "prep" and p.lower_ == "in" and p.i < t.i and p.i == t.head.left_edge.i:
                for o in p.children:
                    place = self.place_at.get(o.i)
                    if o.dep_ == "pobj" and place is not None and place.kind in ("capital", "country"):
                        return [place.code]
        return []

    def _named_after_post(self, t: Token) -> "Person | None":
        """The person a post's complement runs into: "ambassador to Dhaka Aung Kyaw Moe" and
        "President of Ghana, Nana Akufo-Addo", where the parser hangs the name on the place."""
        for prep in t.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "of"):
                continue
            for o in prep.children:
                if o.dep_ != "pobj":
                    continue
                person = self.person_at.get(o.i)
                if person is not None:
                    start = min(i for i in range(prep.i + 1, o.i + 1) if self.person_at.get(i) is person)
                    glued = start - 1 in self.place_at or _is_place_word(self.doc[start - 1])
                    return person if glued and start - 1 > prep.i else None
                if o.i in self.place_at:
                    return next((self.person_at[a.i] for a in o.children
                                 if a.dep_ == "appos" and a.i in self.person_at), None)
        return None

    def _np_text(self, t: Token, strip_det: bool = False) -> str:
        left = [c for c in t.lefts if c.dep_ in ("det", "nummod", "amod", "compound", "poss", "predet", "quantmod")]
        start = min([t.i] + [c.left_edge.i for c in left])
        span = self.doc[start:t.i + 1]
        if strip_det:
            while len(span) and span[0].dep_ in ("det", "predet"):
                span = span[1:]
        return span.text.strip()

    def _pronoun_owner(self, t: Token) -> str | None:
        """'their forces' after 'Bosnian Serbs said': the owner named by a possessive pronoun,
        used only where no modifier names a country."""
        for x in t.lefts:
            if x.tag_ == "PRP$" and x.dep_ == "poss" and x.lower_ in ("its", "their", "his", "her"):
                owner = [a for a in self._pronoun(x, None) if a.country]
                if owner:
                    return owner[0].country
        return None

    def _modifier_countries(self, t: Token) -> list[str]:
        """Countries of a noun from its modifiers; several for "the ministers of China and Japan"
        or "US and British activists"."""
        code, _ = self._modifier_country(t)
        if code is not None:
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
            more = []
            for m in mods:
                for x in [m] + list(m.conjuncts):
                    place = self.place_at.get(x.i)
                    if place is not None and place.kind != "city" and place.code not in more:
                        more.append(place.code)
            if len(more) > 1:
                return more
        if code is None:
            for prep in t.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for x in prep.children:
                        if x.dep_ == "pobj" and x.i not in self.place_at and x.lower_ not in sector_table():
                            sub = self.actors_for(x)
                            return [a.country for a in sub if a.country]
                # "a spokesman for the DPRK Ministry of National Defence": whom a spokesman speaks for
                if prep.dep_ == "prep" and prep.lower_ == "for" and t.lemma_.lower() in _SPOKESPEOPLE:
                    return [a.country for x in prep.children if x.dep_ == "pobj" for a in self.actors_for(x) if a.country]
            return []
        out = [code]
        for prep in t.rights:  # "firms in China, Turkey and the UAE" too
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
                for x in prep.children:
                    if x.dep_ == "pobj":
                        for c in x.conjuncts:
                            place = self.place_at.get(c.i)
                            if place is not None and place.code not in out:
                                out.append(place.code)
        return out

    def _modifier_country(self, t: Token) -> tuple[str | None, str | None]:
        """Country of a noun from its modifiers: "Chinese police", "Egypt's ministry",
        "the foreign minister of Tajikistan", "opposition groups in Zimbabwe"."""
        for c in t.lefts:
            for x in c.subtree:
                if x.i > 1 and x.doc[x.i - 1].text == "-" and x.doc[x.i - 2].lower_ in ("anti", "pro"):
                    continue  # "anti-Turkey protesters" are not Turkish
                if x.i > 0 and x.doc[x.i - 1].lower_ == "ethnic":
                    continue  # "ethnic Albanians in Serbia": an ethnicity, not a nationality
                if _backer(x):
                    continue
                person = self.person_at.get(x.i)
                if person is not None and person.country and x.dep_ in ("compound", "poss"):
                    return person.country, None  # "the Bush administration", "Putin's government"
                place = self.place_at.get(x.i)
                if place is not None and place.kind != "city":
                    return place.code, None
                if place is not None:
                    return place.code, None
        # "a delegation from Somaliland in Addis Ababa": where a guest is is not whose it is
        # (nor is an international court's or body's: "an international tribunal in The Hague"; but "an
        # international peacekeeping force in Liberia" is there for Liberia)
        international = t.lemma_.lower() in ("tribunal", "court", "body", "organization", "organisation", "agency") \
            and any(c.dep_ == "amod" and c.lower_ in ("international", "arbitral") for c in t.children)
        placed_by = ("of", "from") if t.lemma_.lower() in _GUESTS or international else ("of", "from", "in")
        for prep in t.rights:
            if prep.dep_ == "prep" and prep.lower_ in placed_by:
                for x in prep.children:
                    if x.dep_ == "pobj":
                        # "the mayor of the northern West Bank city of Nablus" (not in a clause on it: "lawmakers
                        # from the opposition accused Brussels")
                        clause = {z.i for d in x.subtree if d.dep_ in ("acl", "relcl") and d.tag_ in ("VBD", "VBP", "VBZ")
                                  for z in d.subtree}  # (a participle's may: "trucks of maize donated by Kenya")
                        for y in sorted(x.subtree, key=lambda y: y.i):
                            if _backer(y) or _behind_a_locative(y, x) or y.i in clause:
                                continue  # "the Israeli-occupied West Bank"; "a stronghold on the Thai border"
                            place = self.place_at.get(y.i)
                            if place is not None:
                                return place.code, None
                            person = self.person_at.get(y.i)
                            if person is not None and person.country:
                                return person.country, None
        return None, None

    def person_for(self, country: str, noun: str, modifiers: set[str] = frozenset()) -> "Person | None":
        """The person of ``country`` the article names with a role matching ``noun`` (and its
        modifiers: "foreign ministers" prefers a Foreign Minister to a Prime Minister)."""
        noun = noun.lower().rstrip("s") if noun.lower() not in ("ministers",) else "minister"
        found, best = None, -1
        for p in self.people:
            if p.country != country or not p.role:
                continue
            words = set(p.role.lower().split())
            if _held_no_more(p.role, modifiers):
                continue
            if noun in words or (noun in ("counterpart", "official", "leader") and _is_gov_role(p.role)):
                score = len(words & modifiers)
                if noun == "counterpart" and words & _DEPUTY_WORDS:
                    score -= 1  # Zarif's "US counterpart" is Secretary Kerry, not Under-Secretary Sherman
                if score >= best:
                    found, best = p, score
        if found is None and noun in _POSTS | {"minister", "secretary", "commissioner", "counterpart"}:
            # the one person the story names for that country, whatever the post it gives them
            # (but not its leader for a lesser post: "Turkey's ambassador" is not President Erdogan)
            theirs = [p for p in self.people if p.country == country and len(p.tokens) > 1
                      and not (p.role and _LEADER_ROLES & set(p.role.lower().split()) and noun not in _LEADER_ROLES)]
            if len(theirs) == 1:
                found = theirs[0]
        if found is None and noun in _POSTS:
            # "Myanmar's ambassador" where the story names "Ambassador U Aung Kyaw Moe" without a country:
            # the one person the story gives that post is the one meant, and of that country
            unplaced = [p for p in self.people if p.country is None and p.role and noun in p.role.lower().split()
                        and not _held_no_more(p.role)]
            if len(unplaced) == 1:
                found = unplaced[0]
                found.country, found.inferred = country, True
        return found

    def _last_named(self, country: str, before: int, holds) -> "Person | None":
        """The person of ``country`` with a role that ``holds`` accepts, last named before token ``before``."""
        for i in range(before - 1, -1, -1):
            p = self.person_at.get(i)
            if p is not None and p.country == country and p.role and holds(p):
                return p
        return None

    def _recent_person(self, country: str, noun: str, before: int) -> "Person | None":
        """The person of ``country`` last named before token ``before`` in a role that ``noun``
        ("leaders", "ministers") covers: "Both leaders pledged" after a visit names its two leaders."""
        words = _LEADER_ROLES if noun in ("leaders", "leader") else {noun.rstrip("s")}
        return self._last_named(country, before, lambda p: bool(words & set(p.role.lower().split())))

    def _recent_official(self, country: str, before: int) -> "Person | None":
        """The official of ``country`` last named before token ``before`` (a spokesperson reports, not meets)."""
        return self._last_named(country, before, lambda p: _is_gov_role(p.role) and not _speaks_for_a_state(p))

    def spokesperson(self, country: str) -> "Person | None":
        """The one spokesperson the story names for ``country``, if it names exactly one."""
        found = [p for p in self.people if p.country == country and _speaks_for_a_state(p)]
        return found[0] if len(found) == 1 else None

    def voice(self) -> str | None:
        """The one state whose spokespeople the story names (a briefing's), if there is one."""
        voices = {p.country for p in self.people if p.country and _speaks_for_a_state(p)}
        return next(iter(voices)) if len(voices) == 1 else None

    def leader_of(self, country: str) -> "Person | None":
        """The first person the article names as a leader (president, prime minister, king, emir ...)
        of ``country``: who a summit of that state means."""
        for p in self.people:
            if p.country == country and p.role and _LEADER_ROLES & set(p.role.lower().split()):
                return p
        return None

    def _role_holder(self, t: Token) -> "Person | None":
        """'The minister said', 'External Affairs Minister held talks': the person named with that role."""
        words = set()
        for x in [x for x in t.lefts if x.dep_ in ("compound", "amod")] + [t]:
            words |= _ROLE_ABBREVIATIONS.get(x.lower_.rstrip("."), {x.lower_})
        holds = lambda p: bool(p.role) and words <= set(p.role.lower().split()) and not _held_no_more(p.role, words)
        named = self.person_at.get(t.i + 1) or (self.person_at.get(t.i + 2) if t.i + 2 < len(self.doc)
                                                 and self.doc[t.i + 1].text in _HONORIFICS else None)
        if named is not None:
            return named  # "Foreign Minister Peter Okello": the holder named right after the post
        # the holder named last before the noun: "Cho spoke with Son ... The minister then proposed"
        # is Cho's proposal even though the story names Son, a minister too, later on
        for i in range(t.i - 1, -1, -1):
            p = self.person_at.get(i)
            if p is not None and holds(p):
                return p
        # else one the text names before with that role elsewhere ("President Biden ... the President"),
        # never one named only after it ("the President approved aid ... We call on Maduro")
        before = {id(p) for i, p in self.person_at.items() if i < t.i}
        best = None
        for p in self.people:
            if holds(p) and id(p) in before:
                best = p
        return best

    def _recent_same(self, t: Token) -> str | None:
        """'the ministry said' after 'Egypt's foreign ministry': reuse the last country named with this noun."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return None
        for i, actor in reversed(self.history):
            if i < t.i and actor.role and actor.role.lower().split()[-1:] == [t.lower_]:
                return actor.country
        if t.lower_ in _ARMED_POWER:  # "Myanmar security forces opened fire ... sanctions on the military"
            for i, actor in reversed(self.history):
                if i < t.i and actor.country and actor.role and actor.role.lower().split()[-1] in _ARMED_POWER:
                    return actor.country
        if t.lower_ == "junta":  # "an ultimatum to the military junta in Niger ... The junta rejected it"
            for x in reversed(self.doc[:t.i]):
                if x.lower_ == "junta":
                    where = self._modifier_countries(x) or [
                        self.place_at[o.i].code for p in x.children if p.dep_ == "prep" and p.lower_ == "in"
                        for o in p.children if o.i in self.place_at and self.place_at[o.i].kind == "country"]
                    if where:
                        return where[0]
        return None

    def _recent_group(self, head: Token) -> Actor | None:
        """'the group', 'the militant group': the armed or political group last named before, unless the noun
        names its own ("the Wagner Group", "the opposition group", "a group of ministers")."""
        if any(c.dep_ in ("compound", "nmod", "poss", "prep") or (c.dep_ == "amod" and c.lower_ in _NOT_ANAPHORIC)
               for c in head.children):
            return None
        for place in reversed(self.doc._.places or []):
            if place.start < head.i and place.kind.startswith("group:") and place.kind != "group:JRN":
                return Actor(name=self.doc[place.start:place.end].text, kind="group", country=place.code,
                             sector=place.kind.split(":", 1)[1])
        return None

    def _recent_igo(self, i: int, noun: str) -> Actor | None:
        """'the council', 'the bloc': the last IGO named before, unless the noun carries a name of its
        own ("the National Security Council" is not the Security Council named before)."""
        head = self.doc[i]
        if any(c.dep_ in ("compound", "amod") and c.is_title and c.i not in self.place_at and not c.is_sent_start
               for c in head.children):
            return None
        for place in reversed(self.doc._.places or []):
            if place.start < i and place.kind == "igo":
                name = self.doc[place.start:place.end].text
                if noun in name.lower() or noun in ("organization", "organisation", "alliance", "bloc", "body"):
                    return Actor(name=name, kind="igo", country=place.code)
        return None

    def _pronoun(self, t: Token, speaker: list[Actor] | None) -> list[Actor]:
        # a pronoun inside the phrase that would resolve it ("The U.S. and its puppet forces": resolving
        # the subject asks whose the forces are, which asks the subject) stands for nothing there
        if t.i in self._resolving:
            return []
        self._resolving.add(t.i)
        try:
            return self._pronoun_referent(t, speaker)
        finally:
            self._resolving.discard(t.i)

    def _fronted_possessor(self, t: Token) -> list[Actor]:
        """'During his meeting with the Chinese ambassador, Serbian President Aleksandar Vucic asked ...': a
        possessive in a phrase put before the subject, with no person named before it, is the subject's."""
        sent, root = t.sent, t.sent.root
        if t.dep_ != "poss" or any(i in self.person_at for i in range(sent.start, t.i)):
            return []
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i > t.i), None)
        fronted = {x.i for c in root.children if c.dep_ in ("prep", "advcl", "npadvmod") and subj is not None
                   and c.i < subj.i for x in c.subtree}
        if t.i not in fronted:
            return []
        return [p.actor() for x in subj.subtree for p in [self.person_at.get(x.i)] if p is not None][:1]

    def _pronoun_referent(self, t: Token, speaker: list[Actor] | None) -> list[Actor]:
        low = t.lower_
        if low in PRONOUNS_SPEAKER:
            if speaker:
                return [Actor(kind="state", country=a.country) if low in ("we", "us", "our") and a.country else a
                        for a in speaker]
            return []
        wanted = "person" if low in PRONOUNS_PERSON else "state" if low in PRONOUNS_STATE else "plural" if low in PRONOUNS_PLURAL else None
        if wanted is None:
            return []
        if low in ("its", "their") and t.dep_ == "poss" and t.head.dep_ == "pobj" and t.head.head.dep_ == "prep" \
                and t.head.head.lower_ in ("over", "for", "after"):
            # "sanctions against Russia over its invasion": the state the phrase before names, not the subject
            # (a cause is the other party's deed; "deployed troops with Russia near its border" is the subject's)
            prep = t.head.head
            before = [o for p in prep.head.children if p.dep_ == "prep" and p.i < prep.i
                      for o in p.children if o.dep_ == "pobj" and o.i in self.place_at]
            before += [o for o in prep.head.children if o.dep_ == "dobj" and o.i < prep.i and o.i in self.place_at]
            # "imposed sanctions against Russia over its invasion": the object's own phrase
            before += [o for d in prep.head.children if d.dep_ == "dobj" and d.i < prep.i for p in d.children
                       if p.dep_ == "prep" and p.lower_ in ("against", "on") for o in p.children
                       if o.dep_ == "pobj" and o.i in self.place_at]
            before.sort(key=lambda o: o.i)
            found = [a for o in before[-1:] for a in self.actors_for(o) if a.kind == "state"]
            if found:
                return found
        if wanted == "plural":
            # "binding on both countries and urged them to comply": the pair named just before in the sentence
            both = next((x for x in reversed(self.doc[t.sent.start:t.i]) if x.tag_ == "NNS"
                         and x.lemma_.lower() in _PAIR_NOUNS and any(d.lower_ in ("both", "two") for d in x.children)), None)
            group = self.actors_for(both) if both is not None else []
            if len({a.country for a in group if a.country}) >= 2:
                return group
        if wanted in ("state", "plural"):
            # "Syria says it is willing ...": the subject named earlier in the same sentence
            sent = t.sent
            above = {a.i for a in t.ancestors}
            if low == "its":  # "accusing it of crimes in its attacks": the 'it' whose clause this is
                it = next((c for a in t.ancestors for c in a.children if c.lower_ == "it" and c.dep_ == "dobj"
                           and c.i < t.i), None)
                if it is not None:
                    return self._pronoun(it, speaker)
            for i in range(t.i - 1, sent.start - 1, -1):
                tok = self.doc[i]
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON" and tok.head.i in above:
                    kinds = ("state", "organization", "igo", "group") + (("person",) if wanted == "plural" else ())
                    found = [a for a in self.actors_for(tok, allow_unknown=True) if a.kind in kinds]
                    if wanted == "plural" and len(found) == 1 and found[0].kind == "person":
                        found = []  # "they" is not one person
                    if found and t.dep_ in ("dobj", "dative") and low == "it":
                        # "broke ties with Israel, accusing it of ...": a verb's object is never its own
                        # subject (that would be "itself"), so the state named last before it
                        own = {a.country for a in found}
                        other = next((self.place_at[j].code for j in range(t.i - 1, tok.i, -1) if j in self.place_at
                                      and self.place_at[j].kind in ("country", "capital", "demonym")
                                      and self.place_at[j].code not in own), None)
                        return [Actor(kind="state", country=other)] if other else []
                    if found:
                        return found
        if wanted == "person":
            # the same pronoun earlier in the sentence names the same person: "her visit to meet
            # Trump, when she confirmed" is hers, not Trump's
            gender = _GENDER.get(low)
            sent = t.sent
            for i in range(t.i - 1, sent.start - 1, -1):
                if gender is not None and _GENDER.get(self.doc[i].lower_) == gender:
                    earlier = self._pronoun(self.doc[i], speaker)
                    if earlier:
                        return earlier
                    break
            fronted = self._fronted_possessor(t)
            if fronted:
                return fronted
            with_whom = t.dep_ == "pobj" and t.head.lower_ == "with"  # "held talks with him"
            if t.dep_ in ("dobj", "dative") or with_whom:
                # "Museveni thanked Ruto and invited him": a verb's object is never its own subject (that
                # would be "himself"), so the person named last before it other than that subject, and
                # one of another country where the text names one ("Li held talks with him, and Xi met
                # him": the visitor named before both)
                verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t.head) if with_whom else t.head
                verb = verb.head if verb.dep_ == "conj" and not any(
                    c.dep_ == "nsubj" for c in verb.children) else verb
                mine = [self.person_at[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in self.person_at]
                own, home = {p.name for p in mine}, {p.country for p in mine if p.country}
                before = [p for i in range(t.i - 1, max(sent.start - 80, -1), -1) for p in [self.person_at.get(i)]
                          if p is not None and p.name not in own]
                other = next((p for p in before if p.country and p.country not in home), None) \
                    or next(iter(before), None)
                if own and other is not None:
                    return [other.actor()]
            # the subject of a clause it stands in ("Rutte called Erdogan's remarks crazy and said he would
            # not apologise": Rutte), else a person named earlier in the same sentence ("Qin said he hoped")
            for a in t.ancestors:
                for c in a.children:
                    if c.dep_ == "nsubj" and c.i < t.i and c.i in self.person_at:
                        return [self.person_at[c.i].actor()]
                    # ("The Prime Minister briefed Sheinbaum on his meeting": a person the subject names by a post)
                    if t.dep_ == "poss" and c.dep_ == "nsubj" and c.i < t.i and c.pos_ == "PROPN" and c.lower_ in ROLE_WORDS:
                        found = [x for x in self.actors_for(c) if x.kind == "person" and x.name]
                        if found:
                            return found[:1]
            for i in range(t.i - 1, sent.start - 1, -1):
                person = self.person_at.get(i)
                if person is not None:
                    return [person.actor()]
        if wanted == "plural":
            group = self._last_party_group(t.i)
            if group:
                return group
        for i, actor in reversed(self.history):
            if i >= t.i:
                continue
            if wanted == "person" and actor.kind == "person":
                return [actor]
            if wanted == "state" and actor.kind in ("state", "organization", "igo"):
                return [actor]
            if wanted == "plural" and actor.kind in ("group", "state", "organization"):
                return [actor]
            if wanted in ("state", "plural") and actor.kind == "person":
                break  # a person intervenes: "it" is not the last state
        return []

    def _last_party_group(self, before: int) -> list[Actor]:
        """The last several actors that acted together before token ``before`` ("Kishida and Yoon
        held talks. They agreed ..."), if no one else acted after them (one of them may have: "Biden
        telephoned Lula to congratulate him, and the two agreed")."""
        later: set[str | None] = set()
        start = self.doc[before].sent.start if before < len(self.doc) else before
        for i in sorted({i for i, _ in self.history if i < before}, reverse=True):
            group = [a for j, a in self.history if j == i]
            countries = {a.country for a in group if a.country}
            if len(countries) >= 2:
                return group if later <= countries else []
            if i < start:
                return []  # a single actor acted after the group, in a sentence before this one
            later |= countries or {None}
        return []

    def _last_country(self, i: int, among: frozenset[str] | None = None) -> str | None:
        for place in reversed(self.doc._.places or []):
            if place.start < i and place.kind in ("country", "capital", "demonym") \
                    and self.doc[place.end - 1].dep_ not in ("compound",) and (among is None or place.code in among):
                return place.code
        return None

    def dyad(self, i: int, n: int = 2) -> list[str]:
        """The n countries in focus before token i: the most mentioned so far."""
        counts: dict[str, int] = {}
        order: dict[str, int] = {}
        for place in self.doc._.places or []:
            # datelines and venues ("Kinshasa/Cairo:") name places, not parties
            if place.start >= i or place.kind not in ("country", "demonym", "igo"):
                continue
            counts[place.code] = counts.get(place.code, 0) + 1
            order.setdefault(place.code, place.start)
        ranked = sorted(counts, key=lambda c: (-counts[c], order[c]))
        return ranked[:n]

    def noun_phrase(self, t: Token, strip_det: bool = False) -> str:
        """The noun phrase ``t`` heads, up to ``t`` ("the Chinese coast guard")."""
        return self._np_text(t, strip_det=strip_det)

    def modifier_country(self, t: Token) -> str | None:
        """The country a noun's modifiers name ("Israeli tank shelling"), if any."""
        return self._modifier_country(t)[0]

    def remember(self, i: int, actors: list[Actor]) -> None:
        for a in actors:
            self.history.append((i, a))
        self.history.sort(key=lambda x: x[0])

    def country_of_person_fallback(self, actor: Actor, lead_country: str | None) -> Actor:
        if actor.kind == "person" and not actor.country and lead_country and actor.sector == "GOV":
            return replace(actor, country=lead_country)
        return actor


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    from .extractor.words import SPEECH_VERBS  # the extractor's list; imported late: it reads this module
    return frozenset(SPEECH_VERBS)
