"""The pinned spaCy pipeline, loaded once per process, plus bilat's gazetteer component.

The gazetteer marks every mention of a country (name, demonym, capital, city) or an
international organisation as ``doc._.places``: a list of ``model.Place`` records. It is a
PhraseMatcher over exact spellings, so "US" matches and "us" does not.
Tables come from pycountry plus the data files in ``bilat/data`` (each with its
provenance header).

The model's own ``attribute_ruler`` is swapped for ``TableAttributeRules``, which applies
the same rules by table lookup (identical annotations, checked token by token in the
tests) at a fraction of the Matcher's cost.
"""
from __future__ import annotations

import functools
from typing import Iterable

import spacy
from spacy.symbols import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .errors import SettingsError
from .model import Place
from .tables import read_table

GAZETTEER = "bilat_gazetteer"
LINES = "bilat_line_sentences"


def doc_text(doc: Doc) -> str:
    """The parsed text, joined once: spaCy's ``Doc.text`` joins every token again on each call, which
    rules that ask it per sentence made a cost that grows with the square of the article."""
    text = doc.user_data.get("bilat_text")
    if text is None:
        text = doc.user_data["bilat_text"] = doc.text
    return text


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


# Short official names that are ordinary words or names too often to match alone.
_AMBIGUOUS = {"Georgia", "Jordan", "Chad", "Guinea", "Turkey", "Dominica", "Mali", "Male", "Oman"}


#: sectors of bodies.tsv whose bodies are the state acting ("the Quai d'Orsay summoned ..."), as its forces are
_STATE_ORGANS = frozenset({"GOV", "LEG", "JUD", "MIL", "SPY", "COP"})


@functools.lru_cache(maxsize=1)
def kingdoms() -> frozenset[str]:
    """States whose official ISO name calls them a kingdom (pycountry): what "the kingdom" can refer to."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries if "Kingdom" in getattr(c, "official_name", c.name))


@functools.lru_cache(maxsize=1)
def igo_seats() -> dict[str, tuple[str, str]]:
    """An organisation's seat -> (its IGO code, the country the city lies in): "Brussels" acts as the EU and
    lies in Belgium (igos.tsv's 'seat' column, 'City:ISO3')."""
    return {seat: ("IGO:" + row["code"], host) for row in read_table("igos.tsv") if row["seat"]
            for seat, host in [row["seat"].split(":")]}


@functools.lru_cache(maxsize=1)
def gazetteer_entries() -> tuple[tuple[str, str, str], ...]:
    """(surface form, code, kind) for every name bilat recognises."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}

    def add(form: str, code: str, kind: str) -> None:
        form = form.strip()
        if form and form not in out:
            out[form] = (code, kind)

    for row in read_table("igos.tsv"):
        for name in _split(row["names"]):
            add(name, "IGO:" + row["code"], "igo")
            if len(name) >= 4 and name.isalpha() and name.isupper():
                add(name.title(), "IGO:" + row["code"], "igo")  # British style writes "Nato", "Ecowas", "Opec"
    for seat, (code, _) in igo_seats().items():  # read as a capital: a metonym when it acts (a place after "in")
        add(seat, code, "capital")
    for row in read_table("groups.tsv") + read_table("media.tsv"):
        for name in _split(row["names"]):
            add(name, row["country"], "group:" + row["sector"])
    for row in read_table("forces.tsv"):  # a state's own forces and services: the state acts
        for name in _split(row["names"]):
            add(name, row["country"], "force:" + row["sector"])
    for row in read_table("bodies.tsv"):  # a state's own organs act as it; its companies are named actors of it
        organ = row["sector"] in _STATE_ORGANS
        for name in _split(row["names"]):
            add(name, row["country"], ("force:" if organ else "group:") + row["sector"])
    for row in read_table("countries.tsv"):
        code = row["code"]
        for name in _split(row["aliases"]):
            add(name, code, "country")
        for name in _split(row["demonyms"]):
            add(name, code, "demonym")
        for name in _split(row["capital"]):
            add(name, code, "capital")
        for name in _split(row["cities"]):
            add(name, code, "city")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                add(name, c.alpha_3, "country")
    # the field's names last (bilat's own win): the international organisations the Phoenix dictionary
    # maps to an IGO code ("Caribbean Community"), with the code's acronym where it is long enough to
    # mean nothing else ("CARICOM", "SAARC"), then other place spellings, cities, provinces, regions
    for row in read_table("phoenix_igos.tsv"):
        if row["kind"] == "igo" and row["code"] and not row["name"].startswith("The "):  # "The Security Council"
            add(row["name"], row["code"], "igo")
            acronym = row["code"].removeprefix("IGO:")
            if len(acronym) >= 4 and acronym.isalpha():
                add(acronym, row["code"], "igo")
    for row in read_table("phoenix_places.tsv"):
        add(row["name"], row["country"], {"name": "country", "demonym": "demonym"}.get(row["kind"], "city"))
    return tuple((form, code, kind) for form, (code, kind) in out.items())


@functools.lru_cache(maxsize=1)
def stateless_entries() -> dict[str, tuple[str, str, str | None]]:
    """Surface form -> (canonical name, kind, sector) of the organisations without a country
    bilat knows: NGOs and transnational armed groups (data/stateless.tsv)."""
    return {form.strip(): (row["name"], row["kind"], row["sector"] or None)
            for row in read_table("stateless.tsv") for form in _split(row["names"])}


# the last word of an organisation's name that another organisation's name may end with too
_BODY_NOUNS = {"Council", "Assembly", "Commission", "Agency", "Court", "Parliament", "Committee", "Bank", "Fund"}


_WATERS = frozenset({"ocean", "sea", "gulf"})
#: what names a body of water after it: "the Gulf of Finland", "the Sea of Japan", "the Bay of Bengal"
_WATERS_OF = _WATERS | {"bay", "strait", "straits"}


def _inside_other_name(span) -> bool:
    """Is this generic IGO name ("Security Council") the tail of a longer capitalised name that
    the table does not know ("National Security Council", "Russian Security Council", "Peace and
    Security Council")?"""
    if len(span) < 2 or span[-1].text not in _BODY_NOUNS or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if before.lower_ == "and" and span.start >= 2:  # "the AU's Peace and Security Council"
        before = span.doc[span.start - 2]
    return before.is_title and before.is_alpha and not before.is_sent_start and before.lower_ != "the"


def _stands_alone(span) -> bool:
    """A one-word name with no other part of a name beside it: the tagger's PERSON on "Mali" in
    "Mali's government" is a guess the words around it do not back; a person is named with a
    given name or a surname next to it ("Jordan Bardella", "Michael Jordan")."""
    if len(span) != 1:
        return False
    doc = span.doc
    beside = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return not any(t.pos_ == "PROPN" and t.is_title and t.ent_type_ in ("PERSON", "") for t in beside)


@Language.factory(GAZETTEER, assigns=["doc._.places", "doc._.stateless"], requires=["token.text"])
def make_gazetteer(nlp: Language, name: str):
    return Gazetteer(nlp)


#: words before "American" that make it a region's ("Latin American", "Central American", "Pan American"; the
#: tokenizer splits "Pan-American" at its hyphen, so that spelling still reads as the US)
_AMERICAS = frozenset({"Latin", "South", "Central", "North", "Pan", "Meso"})


class Gazetteer:
    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.info: dict[int, tuple[str, str]] = {}
        for form, code, kind in gazetteer_entries():
            key = f"{code}|{kind}|{form}"
            self.matcher.add(key, [nlp.make_doc(form)])
            self.info[nlp.vocab.strings[key]] = (code, kind)
        # one-word states, capitals and demonyms written in capitals ("MOLDOVA", "MOSCOW"), not acronyms
        self.capitals = {form.upper(): (code, kind) for form, code, kind in gazetteer_entries()
                         if kind in ("country", "capital", "demonym") and form.isalpha() and not form.isupper()
                         and form not in _AMBIGUOUS}
        self.stateless = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form in stateless_entries():
            self.stateless.add(form, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            code, kind = self.info[match_id]
            span = doc[start:end]
            span.label_ = f"{code}|{kind}"
            spans.append(span)
        places = []
        for span in filter_spans(spans):
            code, kind = span.label_.split("|")
            text = span.text
            if text in _AMBIGUOUS and span[0].ent_type_ not in ("GPE", "NORP", "LOC") and not (
                    kind == "country" and _stands_alone(span)):
                continue  # "Jordan Bardella", "Chad Wolf"; but "Mali's junta", "troops left Mali" are the state
            # ("fishermen from Tamil Nadu": a name of several words the tagger's PERSON spans exactly is the place)
            whole = len(span) > 1 and span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")
            if span[0].ent_type_ == "PERSON" and kind in ("capital", "city") and not _stands_alone(span) and not whole:
                continue  # "George Washington" the person; "visited Accra" the tagger's guess stays a place
            if text == "American" and span.start > 0 and doc[span.start - 1].text in _AMERICAS:
                continue  # "seven Latin American countries", "South American leaders": a region's, not the US's
            if kind == "demonym" and span.end < len(doc) and doc[span.end].lower_ in _WATERS:
                continue  # "the Indian Ocean", "the Persian Gulf": a body of water, no one's
            if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _WATERS_OF \
                    and doc[span.start - 2].is_title:
                continue  # "over the Gulf of Finland", "in the Gulf of Oman": a body of water, not the country
            if kind == "igo" and _inside_other_name(span):
                continue  # "National Security Council", "Russian Security Council": a state's own body
            places.append(Place(span.start, span.end, code, kind))
        # "MOLDOVA has ordered Russia to ...": a tabloid's lead word in capitals, going on as a sentence, is the
        # place it spells (not a dateline's "CAIRO, March 21 -", which the parse may keep)
        taken = {i for p in places for i in range(p.start, p.end)}
        for t in doc[:-1]:
            hit = self.capitals.get(t.text) if t.i not in taken and len(t.text) >= 4 and t.text.isupper() \
                and doc[t.i + 1].is_lower and doc[t.i + 1].is_alpha else None
            if hit is not None:
                places.append(Place(t.i, t.i + 1, *hit))
        places.sort(key=lambda p: p.start)
        doc._.places = places
        table = stateless_entries()
        doc._.stateless = [(span.start, span.end, *table[span.label_])
                           for span in filter_spans(self.stateless(doc, as_spans=True))]
        return doc


#: titles written short before a name, which the tokenizer splits from their period and the
#: parser then takes for a sentence's end ("Undersecretary Ma. Theresa Lazaro", "Amb. Linda X");
#: (kept whole by the tokenizer instead, as "Gen." is, the tagger reads the name as an organisation's)
TITLE_ABBREVIATIONS = {"Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Engr", "Gen", "Gov", "Hon",
                        "Insp", "Lt", "Ma", "Maj", "Prof", "Rep", "Sec", "Sen", "Sgt", "Supt"}


def _title_period(doc: Doc, i: int) -> bool:
    """Is token ``i`` the period of a short title before a name? ("... Affairs Ma. Theresa",
    "spokesperson Ma. Teresita Daza", not "..., said Ma. The talks")"""
    title = doc[i - 1] if i > 0 else None
    if doc[i].text != "." or title is None or title.text not in TITLE_ABBREVIATIONS or title.whitespace_:
        return False
    before, after = doc[i - 2] if i > 1 else None, doc[i + 1]
    # after a role word, a name or a break, not after a verb ("..., said Ma. Chinese officials")
    led = before is None or before.is_punct or "\n" in before.whitespace_ or (
        before.is_alpha and not before.tag_.startswith("VB"))
    return led and after.is_title and not after.is_stop


@Language.component(LINES, assigns=["token.is_sent_start"])
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped paragraphs, headlines and captions never run on; the
    period of a short title before a name does not end one (the parser mostly follows)."""
    countries = _country_names()
    line_start = 0
    for i, t in enumerate(doc[:-1]):
        if "\n" in t.text or (t.is_space and "\n" in t.whitespace_ + t.text):
            doc[i + 1].is_sent_start = True
            line_start = i + 1
        elif "\n" in t.whitespace_:
            doc[i + 1].is_sent_start = True
            line_start = i + 1
        elif _title_period(doc, i):
            doc[i + 1].is_sent_start = False
        elif t.text == ":" and 0 < i - line_start <= 3 and doc[line_start:i].text in countries:
            # a roundup's heading on the item's own line ("Colombia: The UN rights office expressed ..."):
            # the country names the section, it is no part of the sentence
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(form for form, _, kind in gazetteer_entries() if kind == "country")


# -- the model's attribute rules, by table lookup ----------------------------------------------

FAST_RULES = "bilat_attribute_rules"
# the token attributes the rules read, in the order of a token's cache key
_RULE_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


def _predicate(attr: str, spec) -> "callable | None":
    """One Matcher token predicate as a function of the attribute's value; None if unsupported."""
    if not isinstance(spec, dict):
        return lambda v, want=spec: v == want
    if len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN":
        return lambda v, pool=frozenset(arg): v in pool
    if op == "NOT_IN":
        return lambda v, pool=frozenset(arg): v not in pool
    if op == "REGEX":
        import re

        return lambda v, rx=re.compile(arg): isinstance(v, str) and rx.search(v) is not None
    return None


class TableAttributeRules:
    """The model's ``attribute_ruler`` (tag map and exceptions: POS, MORPH, LEMMA), with the
    same result at a fraction of the cost.

    spaCy runs its 179 rules through a Matcher that tries every rule at every token, which
    took ~13 % of bilat's time. Every rule looks only at a token's lower-case form, tag,
    dependency and whitespace (and, for eight, at the next token), so the outcome for a
    token is a function of those four values: it is computed once per distinct value,
    cached, and set in one call. Later rules override earlier ones, as in spaCy. The rules
    are read from the loaded model, not copied, and ``tests/test_nlp.py`` checks every token
    of the test corpora against the original component. A rule this class cannot read
    (an operator other than IN, NOT_IN, REGEX) makes ``compile`` return None, and the
    original component stays in place."""

    def __init__(self, ruler, singles, multis):
        self.ruler = ruler
        self.multis = multis  # [(rule id, index, [[(attr, predicate)] per token])]
        # single-token rules, split so that a new word costs a few checks, not 179: rules that
        # name the word ("LOWER": "gets" / IN [...]) are indexed by it; rules that do not look
        # at the word depend on (tag, dep, space) only and are cached by that; the rest
        # (a regex or NOT_IN on the word) are checked every time
        self.by_lower: dict[str, list] = {}
        self.general: list = []
        self.other: list = []
        for rule_id, preds, lower_spec in singles:
            if lower_spec is None:
                self.general.append((rule_id, preds))
            elif isinstance(lower_spec, str) or (isinstance(lower_spec, dict) and "IN" in lower_spec):
                for word in [lower_spec] if isinstance(lower_spec, str) else lower_spec["IN"]:
                    self.by_lower.setdefault(word, []).append((rule_id, preds))
            else:
                self.other.append((rule_id, preds))
        self._general_cache: dict[tuple, tuple[int, ...]] = {}
        self._cache: dict[tuple, tuple[dict, tuple[int, ...], tuple[int, ...]]] = {}

    @classmethod
    def compile(cls, ruler) -> "TableAttributeRules | None":
        singles, multis = [], []
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                toks = []
                for tok in pattern:
                    preds = []
                    for attr, spec in tok.items():
                        pred = _predicate(attr, spec) if attr in _RULE_ATTRS else None
                        if pred is None:
                            return None
                        preds.append((attr, pred))
                    toks.append(preds)
                if len(toks) == 1:
                    singles.append((rule_id, toks[0], pattern[0].get("LOWER")))
                else:
                    multis.append((rule_id, rule.get("index", 0), toks))
        return cls(ruler, singles, multis)

    @staticmethod
    def _ok(preds, values: dict) -> bool:
        return all(pred(values[attr]) for attr, pred in preds)

    def _lookup(self, key: tuple) -> tuple[dict, tuple[int, ...], tuple[int, ...]]:
        """(merged attributes, single-token rule ids, multi-token rules that may start here)."""
        values = dict(zip(_RULE_ATTRS, key))
        rest = key[1:]
        general = self._general_cache.get(rest)
        if general is None:
            general = self._general_cache[rest] = tuple(r for r, preds in self.general if self._ok(preds, values))
        ids = tuple(sorted(set(general).union(
            r for r, preds in self.by_lower.get(key[0], []) + self.other if self._ok(preds, values))))
        starts = tuple(n for n, (_, _, toks) in enumerate(self.multis) if self._ok(toks[0], values))
        merged: dict = {}
        for rule_id in ids:
            merged.update(self.ruler.attrs[rule_id])
        if len(self._cache) > 200_000:  # bounded: the keys follow the vocabulary
            self._cache.clear()
        out = self._cache[key] = (merged, ids, starts)
        return out

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        keys = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        cache = self._cache
        found = [cache.get(key) or self._lookup(key) for key in keys]
        extra: dict[int, list[int]] = {}  # token -> multi-token rules that set it
        for i, (_, _, starts) in enumerate(found):
            for n in starts:
                rule_id, index, toks = self.multis[n]
                if i + len(toks) <= len(doc) and all(
                        self._ok(toks[k], dict(zip(_RULE_ATTRS, keys[i + k]))) for k in range(1, len(toks))):
                    extra.setdefault(i + (index if index >= 0 else len(toks) + index), []).append(rule_id)
        attrs = self.ruler.attrs
        for t, (merged, ids, _) in zip(doc, found):
            if t.i in extra:  # rare ("gonna", "there is"): all rules again, in rule order
                merged = {}
                for rule_id in sorted(ids + tuple(extra[t.i])):
                    merged.update(attrs[rule_id])
            if merged:
                set_token_attrs(t, merged)
        return doc


@Language.factory(FAST_RULES, assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_rules(nlp: Language, name: str):
    fast = TableAttributeRules.compile(nlp.get_pipe("attribute_ruler"))
    if fast is None:
        raise ValueError("the model's attribute_ruler has rules bilat cannot read as tables")
    return fast


def _use_table_rules(nlp: Language) -> None:
    """Swap the model's attribute_ruler for the table version where every rule compiles."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe(FAST_RULES, before="attribute_ruler")
    except ValueError:
        return  # a rule the tables cannot express: keep spaCy's component
    nlp.remove_pipe("attribute_ruler")


if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)
if not Doc.has_extension("stateless"):
    Doc.set_extension("stateless", default=None)  # [(start, end, name, kind, sector)]


# Scraped and machine-translated copy often loses the space after punctuation: "global issues.Vietnamese
# Deputy Prime Minister", "stated,”Nigeria’s Minister". Splitting there (as infixes, so token offsets
# into the text stay exact) gives the tagger the words it knows.
_GLUED = (
    r"(?<=[a-z]{2})\.(?=[A-Z][a-z])",       # "issues.Vietnamese"
    r"(?<=[a-z])[,;:](?=[“”\"‘][A-Z])",      # "stated,”Nigeria"
    r"(?<=[,;:.])[“”\"](?=[A-Z])",           # the quotation mark after it
    r"(?<=[a-z])[,;](?=[A-Z][a-z])",         # "Ankara,Turkey"
)


def split_glued_punctuation(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + list(_GLUED)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # "co-chairs of the group" split at its hyphen reads "co" as a verb and breaks the sentence's parse
    for stem in ("chair", "host", "sponsor"):
        for form in (stem, stem + "s", stem + "ed"):
            for word in ("co-" + form, "Co-" + form):
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])



_LOADED: dict[str, Language] = {}


def load_nlp(model: str) -> Language:
    """Load the named spaCy pipeline once per process and add bilat's components."""
    nlp = _LOADED.get(model)
    if nlp is not None:
        return nlp
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError as exc:
        raise SettingsError("B204", model=model) from exc
    split_glued_punctuation(nlp)
    _use_table_rules(nlp)  # same annotations as the model's attribute_ruler, faster
    if LINES not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(LINES, before="parser")
    if GAZETTEER not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER, last=True)
    _LOADED[model] = nlp
    return nlp


def token_count(docs: Iterable[Doc]) -> int:
    return sum(len(d) for d in docs)
