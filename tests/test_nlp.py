"""nlp: the pinned pipeline loaded once per process, and bilat's gazetteer and line-break components.

Component rules are tested on hand-built Docs (STYLE #14); the real model is the
session fixture ``nlp`` from conftest, loaded once for the run.
"""
from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.tokens import Doc

from bilat.errors import SettingsError
from bilat.model import SECTORS
from bilat.nlp import (FAST_RULES, split_glued_punctuation, GAZETTEER, LINES, TableAttributeRules, gazetteer_entries, line_sentences, load_nlp,
                       read_table)
from bilat.settings import Settings

pytestmark = pytest.mark.model


def _places(doc):
    return [(doc[p.start:p.end].text, p.code, p.kind) for p in doc._.places]


# ---------------------------------------------------------------- loading

def test_load_nlp_loads_once_per_process(nlp):
    assert load_nlp(Settings().model) is nlp
    assert load_nlp(Settings().model) is load_nlp(Settings().model)


def test_bilat_components_are_in_the_pipeline(nlp):
    names = nlp.pipe_names
    assert names[-1] == GAZETTEER
    assert LINES in names and names.index(LINES) < names.index("parser")
    assert names.count(GAZETTEER) == 1 and names.count(LINES) == 1


def test_missing_model_is_b204():
    with pytest.raises(SettingsError) as info:
        load_nlp("en_no_such_pipeline_xx")
    assert info.value.code == "B204"
    assert "en_no_such_pipeline_xx" in str(info.value)


# ---------------------------------------------------------------- the gazetteer over the real model

@pytest.mark.parametrize("text, expected", [
    ("The US imposed tariffs.", [("US", "USA", "country")]),
    ("Tell us what the plan is.", []),  # "us" is a pronoun, never the United States
    ("Beijing said the talks went well.", [("Beijing", "CHN", "capital")]),
    ("Chinese diplomats left the hall.", [("Chinese", "CHN", "demonym")]),
    ("NATO leaders met in Vilnius.", [("NATO", "IGO:NATO", "igo"), ("Vilnius", "LTU", "capital")]),
    ("Tokyo and Seoul agreed.", [("Tokyo", "JPN", "capital"), ("Seoul", "KOR", "capital")]),
    ("The United States and South Korea held drills.", [("United States", "USA", "country"),
                                                         ("South Korea", "KOR", "country")]),
    ("The European Union and the United Nations issued a statement.", [("European Union", "IGO:EU", "igo"),
                                                                       ("United Nations", "IGO:UN", "igo")]),
    # an acronym of four letters or more is also written as a word ("Ecowas", "Opec"); "OPEC+" is OPEC
    ("Regional bloc Ecowas met on Monday.", [("Ecowas", "IGO:ECOWAS", "igo")]),
    ("OPEC+ agreed to cut output.", [("OPEC+", "IGO:OPEC", "igo")]),
    # a state's own council is not the UN's
    ("Officials of the National Security Council met.", []),
    ("The Peace and Security Council met.", []),
    ("The UN Security Council met.", [("UN Security Council", "IGO:UNSC", "igo")]),
    # the Phoenix place names after bilat's own: cities and provinces, and a state's name misspelt
    ("A missionary from Calgary was freed.", [("Calgary", "CAN", "city")]),
    ("Kenya received an offer from Afganistan.", [("Kenya", "KEN", "country"), ("Afganistan", "AFG", "country")]),
    # a body of water named by a people's adjective is no one's; the people stay theirs
    ("Kenyan ships sailed into the Indian Ocean.", [("Kenyan", "KEN", "demonym")]),
    ("A tanker was seized in the Persian Gulf.", []),
    # nor is one named after a country ("the Gulf of Aden", "the Sea of Japan")
    ("Jets flew over the Gulf of Aden.", []),
])
def test_gazetteer_marks_places(nlp, text, expected):
    assert _places(nlp(text)) == expected


@pytest.mark.parametrize("text, surface", [
    ("South Korea", "South Korea"),  # the longest match wins: not "Korea" inside it
    ("North Korea", "North Korea"),
])
def test_gazetteer_prefers_longest_match(nlp, text, surface):
    got = _places(nlp(f"Officials from {text} arrived."))
    assert [s for s, _, _ in got] == [surface]


def test_gazetteer_is_case_exact(nlp):
    assert _places(nlp("china and japan")) == []


# ---------------------------------------------------------------- the gazetteer's rules on hand-built Docs

def _doc(nlp, words, ents):
    return Doc(nlp.vocab, words=words, ents=ents)


@pytest.mark.parametrize("words, pos, ents, kept", [
    (["Jordan", "said", "no"], ["PROPN", "VERB", "INTJ"], ["B-GPE", "O", "O"], True),  # the country
    # the tagger's PERSON or nothing on a name that stands alone is a guess: in news it is the state
    (["Mali", "'s", "junta"], ["PROPN", "PART", "NOUN"], ["B-PERSON", "O", "O"], True),
    (["Jordan", "said", "no"], ["PROPN", "VERB", "INTJ"], ["O", "O", "O"], True),
    # a given name or surname beside it makes it a person's name
    (["Michael", "Jordan", "said"], ["PROPN", "PROPN", "VERB"], ["B-PERSON", "I-PERSON", "O"], False),
    (["Jordan", "Bardella", "said"], ["PROPN", "PROPN", "VERB"], ["B-PERSON", "I-PERSON", "O"], False),
    (["Chad", "Wolf", "said"], ["PROPN", "PROPN", "VERB"], ["O", "O", "O"], False),
])
def test_ambiguous_country_names_stand_alone_or_need_a_place_entity(nlp, words, pos, ents, kept):
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents)
    places = nlp.get_pipe(GAZETTEER)(doc)._.places
    assert bool(places) is kept
    if kept:
        assert places[0].code in ("JOR", "MLI")


@pytest.mark.parametrize("words, ents, kept", [
    (["Washington", "said", "no"], ["B-GPE", "O", "O"], True),
    (["Washington", "said", "no"], ["O", "O", "O"], True),
    # the tagger's PERSON on a capital alone is a guess: "Washington said" is the government
    (["Washington", "said", "no"], ["B-PERSON", "O", "O"], True),
    # with a given name beside it, it is the person
    (["George", "Washington", "said"], ["B-PERSON", "I-PERSON", "O"], False),
    # a place of several words the tagger's PERSON spans exactly is the place ("fishermen from Tamil Nadu")
    (["Tamil", "Nadu", "said"], ["B-PERSON", "I-PERSON", "O"], True),
    (["Tamil", "Nadu", "Singh", "said"], ["B-PERSON", "I-PERSON", "I-PERSON", "O"], False),
])
def test_person_entities_are_not_places(nlp, words, ents, kept):
    pos = ["PROPN" if w[0].isupper() and w != "said" else "VERB" if w == "said" else "INTJ" for w in words]
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents)
    places = nlp.get_pipe(GAZETTEER)(doc)._.places
    assert bool(places) is kept


def test_demonym_inside_a_person_entity_is_kept(nlp):
    doc = _doc(nlp, ["Chinese", "official", "spoke"], ["B-PERSON", "O", "O"])
    places = nlp.get_pipe(GAZETTEER)(doc)._.places
    assert [(p.code, p.kind) for p in places] == [("CHN", "demonym")]


def test_places_are_token_offsets(nlp):
    doc = _doc(nlp, ["Talks", "in", "South", "Korea", "ended"], ["O", "O", "B-GPE", "I-GPE", "O"])
    (p,) = nlp.get_pipe(GAZETTEER)(doc)._.places
    assert (p.start, p.end, p.code, p.kind) == (2, 4, "KOR", "country")


# ---------------------------------------------------------------- a line break ends a sentence

def test_line_break_starts_a_sentence_on_hand_built_doc(nlp):
    doc = Doc(nlp.vocab, words=["Seoul", "talks", "\n", "Japan", "agreed"], spaces=[True, False, False, True, False])
    doc = line_sentences(doc)
    assert doc[3].is_sent_start


def test_line_break_starts_a_sentence_in_the_real_pipeline(nlp):
    doc = nlp("PHOTO: Officials in Seoul\nJapan and South Korea agreed to talk.")
    starts = [s.text.strip() for s in doc.sents]
    assert any(s.startswith("Japan and South Korea") for s in starts), starts


def test_a_country_heading_before_a_colon_is_its_own_sentence(nlp):
    # a roundup's country heading on its item's own line is no part of the item's first sentence
    text = "WORLD IN BRIEF\nUganda: The UN rights office expressed concern on Thursday."
    assert [s.text.strip() for s in nlp(text).sents][1] == "Uganda:"
    # a transcript's speaker label is no heading: what follows it is still the speaker's sentence
    doc = Doc(nlp.vocab, words=["Jane", "Wambui", ":", "Kenya", "rejects"], spaces=[True, False, True, True, False])
    assert not line_sentences(doc)[3].is_sent_start
    doc = Doc(nlp.vocab, words=["Uganda", ":", "Kenya", "rejects"], spaces=[False, True, True, False])
    assert line_sentences(doc)[2].is_sent_start


@pytest.mark.parametrize("text, sentences", [
    # a short title's period before a name ends no sentence
    ("The Undersecretary for Asian Affairs Ma. Teresa Cruz called the Chinese envoy on Monday.", 1),
    ("Kenya's spokesperson Amb. Jane Wambui replied on Monday.", 1),
    # but a sentence that ends on a surname does end there
    ("The talks ended, said Ma. The two sides will meet again.", 2),
])
def test_a_short_titles_period_is_no_sentence_end(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences


# ---------------------------------------------------------------- tables

TABLES = sorted(p.name for p in resources.files("bilat.data").iterdir() if p.name.endswith(".tsv"))


@pytest.mark.parametrize("table", TABLES)
def test_data_tables_have_rows_and_a_provenance_header(table):
    raw = resources.files("bilat.data").joinpath(table).read_text(encoding="utf-8")
    assert raw.startswith("#"), f"{table} has no provenance header"
    rows = read_table(table)
    assert rows and all(None not in r for r in rows), f"{table}: a row has more cells than the header"


def test_gazetteer_entries_are_unique_and_coded():
    entries = gazetteer_entries()
    forms = [f for f, _, _ in entries]
    assert len(forms) == len(set(forms))
    for form, code, kind in entries:
        # named groups ("group:REB") and states' forces ("force:MIL") carry a PLOVER sector code after the colon
        assert kind in {"country", "demonym", "capital", "city", "igo"} or \
            (kind.startswith(("group:", "force:")) and kind.split(":", 1)[1] in SECTORS), (form, kind)
        # (an organisation's seat, "Brussels", is read as a capital standing for it)
        assert (code.startswith("IGO:") and kind in ("igo", "capital")) or (len(code) == 3 and code.isupper()), \
            (form, code)


# ---------------------------------------------------------------- the attribute rules by table

def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _texts(shared_dir):
    sample = resources.files("bilat").joinpath("samples", "articles.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in sample.splitlines() if line.strip()]
    dev = shared_dir / "eval" / "dev" / "articles.jsonl"
    if dev.exists():
        texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    # every multi-token rule of the model's attribute_ruler, and the pronoun and auxiliary exceptions
    texts.append("We're gonna go, y'all. Let's see. There is a dog and there were two. Ain't nothing here. "
                 "Gotta go. C'mon now. I gave it to you. You said it. Nothin' doing. It did. He has.")
    return texts


def test_table_rules_replace_the_attribute_ruler(nlp):
    assert FAST_RULES in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index(FAST_RULES) < nlp.pipe_names.index("lemmatizer")


def test_table_rules_annotate_exactly_like_the_attribute_ruler(nlp, shared_dir):
    import spacy

    original = spacy.load(Settings().model)  # the model as shipped, with spaCy's own attribute_ruler,
    original.add_pipe(LINES, before="parser")  # plus bilat's line breaks and tokenizer infixes,
    split_glued_punctuation(original)          # so that only the rules differ
    texts = _texts(shared_dir)
    ours = [_annotations(d) for d in nlp.pipe(texts)]
    theirs = [_annotations(d) for d in original.pipe(texts)]
    assert sum(len(d) for d in ours) > 5000
    assert ours == theirs


def test_table_rules_later_rules_win_and_multi_token_rules_apply(nlp):
    doc = nlp("They are gonna stay. There is a plan.")
    gon = [t for t in doc if t.lower_ == "gon"][0]
    assert (gon.lemma_, doc[gon.i + 1].lemma_) == ("go", "to")
    there_is = [t for t in doc if t.lower_ == "is"][0]
    assert there_is.pos_ == "VERB"  # "There is": the expletive rule, not the tag map's AUX


def test_unreadable_rules_keep_the_original_component():
    class Ruler:
        patterns = [{"patterns": [[{"LOWER": {"FUZZY": "colour"}}]], "attrs": {"LEMMA": "color"}, "index": 0}]
        attrs = [{}]

    assert TableAttributeRules.compile(Ruler()) is None


@pytest.mark.parametrize("text, words", [
    ("ties on global issues.Vietnamese Minister Bui Thanh Son said", ["issues", ".", "Vietnamese"]),
    ("the spokesman stated,\u201dNigeria\u2019s minister came", ["stated", ",", "\u201d", "Nigeria"]),
    ("talks in Ankara,Turkey ended", ["Ankara", ",", "Turkey"]),
])
def test_punctuation_glued_between_words_is_split_with_offsets_kept(nlp, text, words):
    doc = nlp(text)
    toks = [t.text for t in doc]
    i = toks.index(words[0])
    assert toks[i:i + len(words)] == words
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


@pytest.mark.parametrize("text", ["The U.S. Army arrived.", "He cited e.g. trade."])
def test_abbreviations_stay_whole(nlp, text):
    assert any(t.text in ("U.S.", "e.g.") for t in nlp(text))


def test_the_parsed_text_is_joined_once_per_document(nlp):
    from bilat.nlp import doc_text
    doc = nlp("Kenya condemned Uganda.\nUganda denied it.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # the rules that ask per sentence get the stored string, not a new join


@pytest.mark.parametrize("text, expected", [
    # a tabloid's lead word in capitals, going on as a sentence, is the state it spells
    ("KENYA has ordered Uganda to cut its embassy staff.", [("KEN", "country"), ("UGA", "country")]),
    # a dateline in capitals is not read as a place of the sentence (the parse may keep it)
    ("NAIROBI, March 21 (Wire) - The African Union met.", [("IGO:AU", "igo")]),
    # nor an acronym, nor a name the gazetteer holds only in capitals
    ("The NATO summit opened.", [("IGO:NATO", "igo")]),
])
def test_a_place_written_in_capitals_is_found_only_as_a_sentences_word(nlp, text, expected):
    doc = nlp(text)
    assert [(p.code, p.kind) for p in doc._.places] == expected
